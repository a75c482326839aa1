"""The knowledge files (``knowledge/``) read and validated: source notes, the crawler registry
and the opt-out checklists. Every problem names its file and field (:class:`bot.errors.Problem`).

Plain data and PyYAML: no numpy, no LangChain. The answer engine (:mod:`bot.engine`) and the
opt-out toolkit (:mod:`bot.optout`) both build on it.
"""

from .checklists import (
    Checklist,
    ChecklistError,
    PlatformNotFoundError,
    checklist_notes,
    load_checklists,
    load_checklists_or_raise,
    notes_for_index,
)
from .checklists import find as find_checklist
from .checklists import normalise as normalise_platform
from .corpus import Corpus, Limits, load_corpus
from .crawlers import Crawler, Registry, RegistryError, load_registry, load_registry_or_raise
from .schema import JURISDICTION_NAMES, JURISDICTIONS, LANGS, Note, NoteMeta, SectionInfo

__all__ = [
    "JURISDICTIONS",
    "JURISDICTION_NAMES",
    "LANGS",
    "Checklist",
    "ChecklistError",
    "Corpus",
    "Crawler",
    "Limits",
    "Note",
    "NoteMeta",
    "PlatformNotFoundError",
    "Registry",
    "RegistryError",
    "SectionInfo",
    "checklist_notes",
    "find_checklist",
    "load_checklists",
    "load_checklists_or_raise",
    "load_corpus",
    "load_registry",
    "load_registry_or_raise",
    "normalise_platform",
    "notes_for_index",
]
