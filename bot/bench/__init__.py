"""``python -m bot bench``: latency, ingest, memory and scale, beside a plain LangChain RAG.

Importing this package is cheap (argparse only); the measuring code lives in
:mod:`bot.bench.runner`, :mod:`bot.bench.baseline` and :mod:`bot.bench.scale` and is imported
by the handler. See docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

DEFAULT_SCALE = 100_000


def register(sub: Any) -> None:
    p = sub.add_parser(
        "bench",
        help="benchmark latency, cold start, ingest, memory (and --scale N) beside a plain LangChain RAG",
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
    p.set_defaults(func=_cmd_bench)


def _cmd_bench(args: argparse.Namespace, settings: Any) -> int:
    from .runner import run_bench

    return run_bench(args, settings)
