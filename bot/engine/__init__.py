"""The answer engine: question -> retrieve -> compose, over a published index version.

A plain synchronous library with no Discord code. Public names: :class:`Engine` (answers),
:func:`load_embeddings` (the encoder, loaded once and passed in), :mod:`.ingest` (validate
``knowledge/`` and publish a version), :class:`IndexVersions` and :func:`verify_version` (index
versions on disk), the answer types (:class:`Answer`, :class:`Citation`, :class:`Passage`,
:class:`SeeAlso`), the wording of answers and refusals (:data:`ANSWER_TEXT`) and
:func:`detect_language`. Errors are in :mod:`bot.errors`; the note types
in :mod:`bot.knowledge`.
"""

from typing import TYPE_CHECKING, Any

from .answer import TEXT as ANSWER_TEXT
from .models import Answer, Citation, Passage, SeeAlso
from .store import IndexVersions
from .text import clean_question, detect_language, has_searchable_text

if TYPE_CHECKING:
    from .embeddings import KenriEmbeddings, load_embeddings
    from .engine import Engine
    from .index import verify_version

# The engine, the index and the encoders pull in numpy, Chroma and LangChain: they are imported on
# first use, so ``import bot.engine`` (the CLI, the Discord glue at start-up) stays light.
_LAZY = {
    "Engine": ".engine",
    "KenriEmbeddings": ".embeddings",
    "load_embeddings": ".embeddings",
    "verify_version": ".index",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ANSWER_TEXT",
    "Answer",
    "Citation",
    "Engine",
    "IndexVersions",
    "KenriEmbeddings",
    "Passage",
    "SeeAlso",
    "clean_question",
    "detect_language",
    "has_searchable_text",
    "load_embeddings",
    "verify_version",
]
