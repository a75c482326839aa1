"""Bilingual text: one shape (``Messages = Mapping[str, Text]``), one lookup, and a check that
walks every string table in the product package."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator, Mapping
from types import ModuleType

import pytest

import bot
from bot.knowledge.i18n import Text, format_fields, lookup, message_problems

# Entries whose languages name different fields on purpose; each must still differ (else remove it).
DELIBERATE_FIELD_DIFFERENCES = {
    # English adds an "s" for several permissions; Japanese has no plural.
    "bot.discord_app.i18n.TEXT['pin_bot_missing']",
    # English says "does not name it"; Japanese repeats the crawler's name.
    "bot.optout.robots_messages.MESSAGES['misread']",
}
# Module-level mappings keyed by "en" and "ja" that are not translations of one text.
NOT_TRANSLATIONS = {
    "bot.engine.llm.LANGUAGE_NAMES",  # each language's name in English, for the model's prompt
}
# Tables that must be found, so the walk below cannot pass by finding nothing.
KNOWN_TABLES = {
    "bot.discord_app.i18n.TEXT",
    "bot.discord_app.cogs.watch.TEXT",
    "bot.engine.answer.TEXT",
    "bot.engine.planning.NOTES",
    "bot.engine.chunking.INTRO_HEADING",
    "bot.knowledge.checklists.LABELS",
    "bot.knowledge.checklists._KIND_LABELS['protection']",
    "bot.knowledge.checklists._KIND_LABELS['no-opt-out']",
    "bot.knowledge.checklists._KIND_LABELS['tool']",
    "bot.knowledge.crawlers.PURPOSE_LABELS",
    "bot.knowledge.crawlers.ROBOTS_LABELS",
    "bot.knowledge.schema.JURISDICTION_NAMES",
    "bot.optout.robots.POLICY_TEXT",
    "bot.optout.robots._GEN",
    "bot.optout.robots_messages.MESSAGES",
    "bot.optout.tdmrep_aitxt._TEXT",
    "bot.optout.tdmrep_aitxt._KIND_NAMES",
}


def _modules() -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(bot.__path__, "bot."):
        if info.name != "bot.__main__":
            yield importlib.import_module(info.name)


def _defines(module: ModuleType, attr: str) -> bool:
    return re.search(rf"^{re.escape(attr)}\b[^=\n]*=", inspect.getsource(module), re.M) is not None


def _tables() -> Iterator[tuple[str, object]]:
    """(name, value) for every module-level Text, table of Texts, or mapping keyed by en and ja,
    named after the module that defines it."""
    for module in _modules():
        for attr, value in vars(module).items():
            if not isinstance(value, Text | Mapping) or not value or not _defines(module, attr):
                continue
            name = f"{module.__name__}.{attr}"
            if isinstance(value, Text) or all(isinstance(v, Text) for v in value.values()):
                yield name, value
            elif all(
                isinstance(v, Mapping) and v and all(isinstance(t, Text) for t in v.values()) for v in value.values()
            ):
                for key, table in value.items():
                    yield f"{name}[{key!r}]", table
            elif set(value) == {"en", "ja"}:
                yield name, value


@pytest.fixture(scope="module")
def tables() -> dict[str, object]:
    return dict(_tables())


def test_every_table_is_found(tables) -> None:
    assert set(tables) >= KNOWN_TABLES, KNOWN_TABLES - set(tables)


def test_no_table_is_keyed_by_language(tables) -> None:
    """The old shapes ({"en": {...}, "ja": {...}} and friends) are gone: tables are keyed by message."""
    by_language = {n for n, v in tables.items() if isinstance(v, Mapping) and set(v) == {"en", "ja"}}
    assert by_language == NOT_TRANSLATIONS


def test_every_message_has_both_languages_and_the_same_fields(tables) -> None:
    problems = [
        p
        for name, value in tables.items()
        if name not in NOT_TRANSLATIONS
        for p in message_problems(value, name)  # type: ignore[arg-type]
    ]
    unexpected = [p for p in problems if p.split(":")[0] not in DELIBERATE_FIELD_DIFFERENCES]
    assert unexpected == []
    assert {p.split(":")[0] for p in problems} == DELIBERATE_FIELD_DIFFERENCES


def test_lookup_picks_the_language_and_falls_back_to_english() -> None:
    table = {"hi": Text(en="Hello {name}", ja="こんにちは{name}さん")}
    assert lookup(table, "hi", "ja", name="Aki") == "こんにちはAkiさん"
    assert lookup(table, "hi", "en", name="Aki") == "Hello Aki"
    assert lookup(table, "hi", "fr", name="Aki") == "Hello Aki"
    assert lookup(table, "hi", "ja") == "こんにちは{name}さん"  # no fields given: the template as is
    with pytest.raises(KeyError):
        lookup(table, "bye", "en")
    with pytest.raises(KeyError):
        lookup(table, "hi", "en", nom="Aki")


def test_a_text_field_fills_each_language_with_its_own_text() -> None:
    outer = Text(en="Blocked {what}.", ja="{what}を拒否しました。")
    inner = Text(en="images", ja="画像")
    assert outer.format(what=inner) == Text(en="Blocked images.", ja="画像を拒否しました。")
    assert outer.format(what="GPTBot") == Text(en="Blocked GPTBot.", ja="GPTBotを拒否しました。")


def test_the_check_reports_each_kind_of_problem() -> None:
    table = {
        "ok": Text(en="{n:,} files", ja="{n:,}件"),
        "empty": Text(en="Sources", ja=" "),
        "fields": Text(en="{n} files", ja="{count}件"),
        "brace": Text(en="{n files", ja="{n}件"),
        "plain": "Sources",
    }
    problems = message_problems(table, "T")  # type: ignore[arg-type]
    assert problems == [
        "T['empty'].ja: empty",
        "T['fields']: fields differ (en ['n'], ja ['count'])",
        "T['brace']: malformed template (expected '}' before end of string)",
        "T['plain']: str, not a Text",
    ]
    assert message_problems(Text(en="a", ja="b"), "X") == []
    assert format_fields("{a!r} and {b.c} and {d[0]:>4}") == {"a", "b", "d"}
