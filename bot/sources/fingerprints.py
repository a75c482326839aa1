"""``knowledge/fingerprints.tsv``: the text fingerprint ``kenri sources watch`` compares each
source with.

One line per source id, sorted by id, tab-separated, so two branches that accept different
sources never touch the same line::

    # id<TAB>sha256<TAB>accepted<TAB>etag<TAB>last_modified<TAB>url
    amazon-amazonbot<TAB>3f1c…<TAB>2026-11-30<TAB>"abc"<TAB>Mon, 30 Nov 2026 10:00:00 GMT<TAB>https://…

* ``sha256``: of the normalised main text (:func:`bot.sources.extract.fingerprint`), 64 hex digits.
* ``accepted``: the day the fingerprint was recorded (``sources add`` or ``sources accept``).
* ``etag``, ``last_modified``: validators from that response, sent back in a conditional GET
  (RFC 9110 §13.1); empty when the server sent none.
* ``url``: the URL the text was read from, after redirects.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.errors import KenriError

FILE_NAME = "fingerprints.tsv"
COLUMNS = ("id", "sha256", "accepted", "etag", "last_modified", "url")
HEADER = "# " + "\t".join(COLUMNS)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[a-z0-9]++(?:-[a-z0-9]++)*+$")


class FingerprintFileError(KenriError, ValueError):
    """The fingerprints file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Fingerprint:
    id: str
    sha256: str
    accepted: str  # YYYY-MM-DD
    etag: str = ""
    last_modified: str = ""
    url: str = ""

    def line(self) -> str:
        return "\t".join(_clean(getattr(self, c)) for c in COLUMNS)


def _clean(value: str) -> str:
    """Tabs and line breaks would split a record: servers never need them in a validator."""
    return re.sub(r"[\t\r\n]+", " ", value or "").strip()


def path_for(knowledge_dir: Path) -> Path:
    return knowledge_dir / FILE_NAME


def load(path: Path) -> dict[str, Fingerprint]:
    """Read the file (a missing file is an empty store).

    Raises :class:`FingerprintFileError` naming ``path:line`` for a malformed line or a
    duplicate id (a merge that kept both sides of a conflict).
    """
    if not path.exists():
        return {}
    records: dict[str, Fingerprint] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != len(COLUMNS):
            raise FingerprintFileError(
                f"{path}:{n}: {len(cells)} tab-separated cells, expected {len(COLUMNS)} ({', '.join(COLUMNS)})"
            )
        rec = Fingerprint(*cells)
        if not _ID.match(rec.id):
            raise FingerprintFileError(f"{path}:{n}: id {rec.id!r} is not a note id")
        if not _HEX64.match(rec.sha256):
            raise FingerprintFileError(f"{path}:{n}: sha256 must be 64 lowercase hex digits")
        if not _DATE.match(rec.accepted):
            raise FingerprintFileError(f"{path}:{n}: accepted {rec.accepted!r} is not YYYY-MM-DD")
        if rec.id in records:
            raise FingerprintFileError(f"{path}:{n}: duplicate id {rec.id!r} (keep one line per source)")
        records[rec.id] = rec
    return records


def save(path: Path, records: dict[str, Fingerprint]) -> None:
    """Write every record sorted by id, atomically (a killed run never leaves half a file)."""
    lines = [HEADER] + [records[k].line() for k in sorted(records)]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".fingerprints.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
