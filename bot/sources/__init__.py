"""Maintainer tooling for sources: start a note from a page, and notice when a page changes.

* :mod:`.fetch`: polite HTTP (robots.txt via protego, conditional GET, one request per host at a
  time, size and time limits, a User-Agent naming kenri).
* :mod:`.extract`: main text of an HTML page (trafilatura) or a PDF (pypdf), its stated dates
  (htmldate), canonical URL and language; the fingerprint of that text.
* :mod:`.fingerprints`: ``knowledge/fingerprints.tsv``, one line per source id.
* :mod:`.draft`: ``kenri sources add`` (writes ``knowledge/drafts/<id>.md``).
* :mod:`.watch`: ``kenri sources watch`` and ``kenri sources accept``.
* :mod:`.notes`: which notes have a URL to watch, their ``verified`` / ``checked`` fields, and
  editing ``verified:`` in place.

Nothing here imports numpy, LangChain or Chroma: only :mod:`bot.knowledge` (note metadata) is
used, so ``kenri sources watch`` starts fast from cron or CI.
"""

from typing import TYPE_CHECKING

from bot.lazy import lazy_exports

if TYPE_CHECKING:
    from .draft import AddError, add
    from .fetch import PoliteFetcher
    from .fingerprints import FingerprintFileError
    from .fingerprints import load as load_fingerprints
    from .fingerprints import path_for as fingerprints_path
    from .notes import load_notes
    from .watch import AcceptError, accept, counts, exit_code, load_report, now, save_report
    from .watch import watch as watch_sources

# Public names load their module on first use: trafilatura, pypdf and httpx only when needed.
_LAZY = {
    "AcceptError": (".watch", "AcceptError"),
    "AddError": (".draft", "AddError"),
    "FingerprintFileError": (".fingerprints", "FingerprintFileError"),
    "PoliteFetcher": (".fetch", "PoliteFetcher"),
    "accept": (".watch", "accept"),
    "add": (".draft", "add"),
    "counts": (".watch", "counts"),
    "exit_code": (".watch", "exit_code"),
    "fingerprints_path": (".fingerprints", "path_for"),
    "load_fingerprints": (".fingerprints", "load"),
    "load_notes": (".notes", "load_notes"),
    "load_report": (".watch", "load_report"),
    "now": (".watch", "now"),
    "save_report": (".watch", "save_report"),
    "watch_sources": (".watch", "watch"),  # not "watch": that is the submodule's name
}

__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = [
    "AcceptError",
    "AddError",
    "FingerprintFileError",
    "PoliteFetcher",
    "accept",
    "add",
    "counts",
    "exit_code",
    "fingerprints_path",
    "load_fingerprints",
    "load_notes",
    "load_report",
    "now",
    "save_report",
    "watch_sources",
]
