"""The answer engine: a plain synchronous library with no Discord code.

Public API: :class:`Engine`, :func:`load_embeddings`, :func:`bot.engine.ingest.run`, the data
classes in :mod:`bot.engine.models` and the errors in :mod:`bot.engine.errors`.
"""

from typing import TYPE_CHECKING, Any

from .errors import (
    CitationIntegrityError,
    CorpusError,
    EmptyQuestionError,
    EngineError,
    IndexMissingError,
    IngestLockedError,
    ModelMismatchError,
)
from .models import Answer, Citation, NoteMeta, Passage

if TYPE_CHECKING:
    from .embeddings import KenriEmbeddings, load_embeddings
    from .engine import Engine

# The engine and the encoders pull in numpy and LangChain: they are imported on first use, so
# light tools that only read notes (``kenri sources watch``, ``bot.engine.corpus``) stay light.
_LAZY = {"Engine": ".engine", "KenriEmbeddings": ".embeddings", "load_embeddings": ".embeddings"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Answer",
    "Citation",
    "CitationIntegrityError",
    "CorpusError",
    "EmptyQuestionError",
    "Engine",
    "EngineError",
    "IndexMissingError",
    "IngestLockedError",
    "KenriEmbeddings",
    "ModelMismatchError",
    "NoteMeta",
    "Passage",
    "load_embeddings",
]
