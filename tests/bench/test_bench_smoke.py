"""Smoke test of ``python -m tests.bench``: a tiny run (fixture corpus, test encoder, --scale 300,
no baseline) that exercises every measuring path and prints every figure's label. The real
benchmark is not part of the test run; see docs/BENCHMARKS.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, REPO

QUESTIONS = """\
- q: "How do I stop GPTBot from crawling my site?"
  lang: en
  kind: single
  expect: [fx-gptbot]
- q: "日本の著作権法30条の4とは何ですか"
  lang: ja
  kind: single
  expect: [fx-art30-4]
- q: "What is the best pizza topping?"
  lang: en
  kind: unanswerable
  expect: []
"""

LABELS = [
    "full ingest",
    "chunks/s",
    "no-op re-ingest",
    "cold start to first answer",
    "warm answer latency, in-process",
    "p50",
    "p95",
    "p99",
    "peak RSS",
    "`ask --file` process",
    "== scale: ",
    "SYNTHETIC VECTORS",
    "query latency, in-process",
    "hit@3 at scale",
    "== targets ==",
    "warm answer p95, shipped corpus",
    "query p95 at",
    "no-op re-ingest",
    "peak RSS, default configuration",
    "load average",
]


def test_bench_smoke(tmp_path: Path, monkeypatch) -> None:
    questions = tmp_path / "questions.yaml"
    questions.write_text(QUESTIONS, encoding="utf-8")
    out_json = tmp_path / "bench.json"
    current = REPO / ".kenri" / "index" / "CURRENT"
    before = current.read_bytes() if current.exists() else None
    monkeypatch.setenv("KENRI_EMBEDDING_MODEL", "hashing")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench",
            "--knowledge",
            str(FIXTURES / "knowledge"),
            "--questions",
            str(questions),
            "--scale",
            "300",
            "--no-baseline",
            "--passes",
            "1",
            "--cold-runs",
            "1",
            "--json",
            str(out_json),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    for label in LABELS:
        assert label in proc.stdout, f"missing {label!r} in:\n{proc.stdout}"
    fig = json.loads(out_json.read_text(encoding="utf-8"))
    assert fig["ingest_full"]["chunks"] > 0 and fig["ingest_full"]["chunks_per_s"] > 0
    assert fig["ingest_noop"]["up_to_date"] is True
    assert fig["cold_start"]["runs"][0]["answered"] in (True, False)
    assert fig["warm"]["n"] == 3 and fig["warm"]["p95_ms"] is not None
    assert fig["scale"]["generated_chunks"] == 300
    assert fig["scale"]["total_chunks"] > 300
    assert fig["serve"]["max_rss_mb"] > 0
    assert {t["verdict"] for t in fig["targets"]} <= {"met", "MISSED", "n/a"}
    # the bench works on temporary indexes and never touches the published one
    assert (current.read_bytes() if current.exists() else None) == before


def test_bench_percentiles_and_baseline_metrics() -> None:
    """The pure helpers, without building anything: nearest-rank percentiles, and the
    baseline's family matching (a -ja id counts for its English id) and refusal recall."""
    from bot.evaluation.evaluate import Question
    from tests.bench import baseline
    from tests.bench.measure import percentile

    assert percentile([], 50) is None
    assert percentile([5.0], 99) == 5.0
    xs = [float(i) for i in range(1, 101)]
    assert (percentile(xs, 50), percentile(xs, 95), percentile(xs, 99)) == (50.0, 95.0, 99.0)

    q_en = Question(q="a", lang="en", kind="single", expect=("src",))
    q_ja = Question(q="b", lang="ja", kind="single", expect=("src",))
    q_no = Question(q="c", lang="en", kind="unanswerable", expect=())
    b = baseline.Baseline(store=None, chunks=0, model_load_s=0, build_s=0)
    b.answers = [
        baseline.BaselineAnswer(q_en, ["x", "x", "y", "src"], 1.0),  # src is the 3rd distinct source: hit@3
        baseline.BaselineAnswer(q_ja, ["src-ja", "z", "z", "z"], 2.0),  # counts for its English id
        baseline.BaselineAnswer(q_no, ["x", "y", "z", "w"], 3.0),
    ]
    b.latencies_ms = [1.0, 2.0, 3.0]

    def counts(source_id: str) -> frozenset[str]:
        return frozenset({source_id.removesuffix("-ja")})

    m = baseline.metrics(b, counts, None)
    assert m["hit@3"] == 1.0 and m["hit@1"] == 0.5 and m["refusal_recall"] == 0.0
    assert baseline.metrics(b, counts, "ja")["hit@1"] == 1.0


def test_startup_bench_prints_every_light_command_against_the_baseline() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bench.startup", "--runs", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    for label in ("python -c pass (baseline)", "kenri robots check FILE", "kenri optout chatgpt", "x baseline"):
        assert label in proc.stdout
    rows = [line for line in proc.stdout.splitlines() if line.startswith("kenri ")]
    assert rows and all(line.rstrip().endswith("-") for line in rows), proc.stdout  # no numpy/LangChain loaded
