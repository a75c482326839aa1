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

Nothing here imports numpy, LangChain or Chroma: only :mod:`bot.knowledge.corpus` (note metadata)
is used from the engine, so ``kenri sources watch`` starts fast from cron or CI.
"""
