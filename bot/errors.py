"""Errors kenri shows to a user or maintainer. Every message names the file, field or limit involved.

:class:`KenriError` is the one base class: the CLI prints any of them as ``error: …`` (exit 1) and
the Discord front end answers with the message; anything else is a bug.
"""

from __future__ import annotations


class KenriError(Exception):
    """Base class for every error whose message is shown to a user or maintainer as it is."""


class IndexMissingError(KenriError):
    """No published index exists yet."""


class ModelMismatchError(KenriError):
    """The index was built with a different embedding model than the one configured."""


class EmptyQuestionError(KenriError):
    """The question has no searchable text."""


class CitationIntegrityError(KenriError):
    """An answer cited something that was not retrieved (a bug, never shown as an answer)."""


class IngestLockedError(KenriError):
    """Another ingest is running on the same index directory."""


class CorpusError(KenriError):
    """The corpus has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the knowledge files:\n{lines}")


class Problem:
    """One validation problem: which file, which field, what is wrong."""

    __slots__ = ("field", "file", "message")

    def __init__(self, file: str, field: str | None, message: str) -> None:
        self.file = file
        self.field = field
        self.message = message

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.file!r}, {self.field!r}, {self.message!r})"


class IndexDamagedError(KenriError):
    """A file of a published index version is missing or damaged; the message names the file
    and the fix (``python ingest.py --rebuild`` or ``--rollback``)."""
