"""The answer engine: a plain synchronous library with no Discord code.

Public API: :class:`Engine`, :func:`load_embeddings`, :func:`bot.engine.ingest.run`, the data
classes in :mod:`bot.engine.models` and the errors in :mod:`bot.engine.errors`.
"""

from .embeddings import KenriEmbeddings, load_embeddings
from .engine import Engine
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
