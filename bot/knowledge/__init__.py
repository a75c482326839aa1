"""The knowledge files (``knowledge/``) read and validated: source notes, the crawler registry
and the opt-out checklists. Every problem names its file and field (:class:`bot.errors.Problem`).

Also the one shape of every English/Japanese string table (:mod:`.i18n`: :class:`Text`,
``Messages``, :func:`lookup`), used by every layer above.

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
from .i18n import Messages, Text, lookup
from .schema import JURISDICTION_NAMES, JURISDICTIONS, LANGS, Note, NoteMeta, SectionInfo, jurisdiction_name

__all__ = [
    "JURISDICTIONS",
    "JURISDICTION_NAMES",
    "LANGS",
    "Checklist",
    "ChecklistError",
    "Corpus",
    "Crawler",
    "Limits",
    "Messages",
    "Note",
    "NoteMeta",
    "PlatformNotFoundError",
    "Registry",
    "RegistryError",
    "SectionInfo",
    "Text",
    "checklist_notes",
    "find_checklist",
    "jurisdiction_name",
    "load_checklists",
    "load_checklists_or_raise",
    "load_corpus",
    "load_registry",
    "load_registry_or_raise",
    "lookup",
    "normalise_platform",
    "notes_for_index",
]
