"""Bilingual text: the one shape for every English/Japanese string table in kenri.

* :class:`Text` is one string in both languages (also what the data files' ``{en: ..., ja: ...}``
  fields are read into).
* A table is ``Messages = Mapping[str, Text]``, keyed by a message id (or by the value it
  labels, such as a crawler purpose).
* :func:`lookup` returns one message in one language, formatted; any language other than
  ``"ja"`` gets English.
* :func:`message_problems` is the check the tests run on every table: both languages present and
  the same ``{fields}`` in both, so a message formats in one language exactly when it does in
  the other.

Only the standard library: every layer (engine, optout, discord_app, cli) imports this.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """One user-facing string in English and Japanese."""

    en: str
    ja: str

    def get(self, lang: str) -> str:
        """The Japanese text for ``"ja"``, the English for any other language."""
        return self.ja if lang == "ja" else self.en

    def format(self, **fields: object) -> Text:
        """Both languages with ``fields`` filled in (``str.format``); a field that is itself a
        :class:`Text` gives its English to the English and its Japanese to the Japanese.

        Raises KeyError for a field the template names and ``fields`` lacks."""
        en = {k: v.en if isinstance(v, Text) else v for k, v in fields.items()}
        ja = {k: v.ja if isinstance(v, Text) else v for k, v in fields.items()}
        return Text(en=self.en.format(**en), ja=self.ja.format(**ja))

    def to_json(self) -> dict[str, str]:
        return {"en": self.en, "ja": self.ja}


Messages = Mapping[str, Text]


def lookup(messages: Messages, key: str, lang: str, **fields: object) -> str:
    """Message ``key`` of ``messages`` in ``lang`` (English unless ``"ja"``), formatted with
    ``fields`` when any are given. Raises KeyError for an unknown key or a missing field: both
    are programming errors, caught by the tests that render every message."""
    text = messages[key]
    return (text.format(**fields) if fields else text).get(lang)


def format_fields(template: str) -> set[str]:
    """The names of the ``{fields}`` in a ``str.format`` template (``{n:,}`` -> ``n``).

    Raises ValueError for a malformed template (an unmatched brace)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def message_problems(messages: Mapping[str, object] | Text, name: str) -> list[str]:
    """Every problem in one table (or one :class:`Text`): an entry that is not a Text, an empty
    language, a malformed template, or fields that differ between English and Japanese."""
    entries = {"": messages} if isinstance(messages, Text) else messages
    problems: list[str] = []
    for key, text in entries.items():
        where = f"{name}[{key!r}]" if key else name
        if not isinstance(text, Text):
            problems.append(f"{where}: {type(text).__name__}, not a Text")
            continue
        for lang in ("en", "ja"):
            if not text.get(lang).strip():
                problems.append(f"{where}.{lang}: empty")
        try:
            en, ja = format_fields(text.en), format_fields(text.ja)
        except ValueError as exc:
            problems.append(f"{where}: malformed template ({exc})")
            continue
        if en != ja:
            problems.append(f"{where}: fields differ (en {sorted(en)}, ja {sorted(ja)})")
    return problems
