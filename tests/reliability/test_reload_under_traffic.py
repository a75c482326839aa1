"""Questions in flight while the index is re-ingested and reloaded: none fails, and every answer
comes from one version that was published while it ran."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.traffic import run_reload_under_traffic


def test_reloads_under_traffic_lose_no_question(knowledge: Path, use_index: Path, use_embeddings) -> None:
    result = run_reload_under_traffic(
        knowledge,
        use_index,
        use_embeddings,
        knowledge / "en" / "fx-gptbot.md",
        threads=4,
        reloads=4,
        pause_s=0.25,
        log=print,
    )
    print(result.summary())
    assert result.errors == []
    assert result.mismatches == []
    assert result.reloads == 4
    assert result.answers >= 50
    assert len(result.per_version) >= 3  # answers came from old and new versions alike
    assert result.version_specific > 0  # the check could tell the versions apart
