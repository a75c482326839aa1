"""The answer engine: question -> retrieve -> compose, over a published index version.

A plain synchronous library with no Discord code. Public names: :class:`Engine` (answers),
:func:`load_embeddings` (the encoder, loaded once and passed in), :mod:`.ingest` (validate
``knowledge/`` and publish a version), :class:`IndexVersions` and :func:`verify_version` (index
versions on disk), the answer types (:class:`Answer`, :class:`Citation`, :class:`Passage`,
:class:`SeeAlso`), the wording of answers and refusals (:data:`ANSWER_TEXT`) and
:func:`detect_language`. Errors are in :mod:`bot.errors`; the note types
in :mod:`bot.knowledge`.
"""

from typing import TYPE_CHECKING

from bot.lazy import lazy_exports

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
    "Engine": (".engine", "Engine"),
    "KenriEmbeddings": (".embeddings", "KenriEmbeddings"),
    "load_embeddings": (".embeddings", "load_embeddings"),
    "verify_version": (".index", "verify_version"),
}
__getattr__ = lazy_exports(__name__, _LAZY)


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
