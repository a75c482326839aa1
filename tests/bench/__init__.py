"""``python -m tests.bench``: latency, ingest, memory and scale, beside a plain LangChain RAG.

A measuring harness, not a product command. The measuring code lives in
:mod:`tests.bench.runner`, :mod:`tests.bench.baseline` and :mod:`tests.bench.scale` and is imported
by the handler. See docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_SCALE = 100_000


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description="Measures, on a temporary index (never .kenri/): warm answer latency p50/p95/p99 "
        "over the "
        "evaluation questions, cold start to the first answer and full / no-op ingest in fresh interpreters, "
        "peak RSS, and (default on) a plain LangChain RAG baseline over the same notes and questions.",
    )
    p.add_argument(
        "--scale",
        type=int,
        nargs="?",
        const=DEFAULT_SCALE,
        default=None,
        metavar="N",
        help=f"also build a generated corpus of N extra chunks (default {DEFAULT_SCALE:,}) and measure there",
    )
    p.add_argument(
        "--scale-vectors",
        choices=["composed", "real"],
        default="composed",
        help="vectors of generated chunks: 'composed' from real embeddings of the corpus sentences they "
        "recombine (fast; default) or 'real' (embed every generated chunk with the encoder; slow)",
    )
    p.add_argument("--questions", type=Path, help="question set (default tests/eval/questions.yaml)")
    p.add_argument("--knowledge", type=Path, help="corpus folder (default: KENRI_KNOWLEDGE_DIR or knowledge/)")
    p.add_argument("--passes", type=int, default=3, help="passes over the question set for warm latency (default 3)")
    p.add_argument("--cold-runs", type=int, default=3, help="fresh-interpreter runs for cold start (default 3)")
    p.add_argument("--no-baseline", action="store_true", help="skip the LangChain baseline (it imports torch)")
    p.add_argument(
        "--no-subprocess",
        action="store_true",
        help="skip the fresh-interpreter measurements (cold start, ingest, serving RSS); "
        "the index is then built in-process",
    )
    p.add_argument("--json", type=Path, metavar="FILE", help="also write every figure as JSON to FILE")
    p.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="build the temporary indexes under DIR and keep them (default: a deleted temp dir)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks with the configured settings; returns the exit code."""
    from bot.settings import load_settings
    from tests.bench.runner import run_bench

    args = build_parser().parse_args(argv)
    return run_bench(args, load_settings())
