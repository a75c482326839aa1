"""``python -m tests.bench.startup``: wall time of the light CLI commands, in fresh interpreters.

Measures, ``--runs`` times each (median and max, seconds), the bare interpreter
(``python -c pass``, the baseline of the same run), ``kenri --help``, ``kenri robots check FILE``
on a real robots.txt, ``kenri robots generate`` and ``kenri optout chatgpt``, and prints each
command's ratio to the baseline and whether it loaded numpy or LangChain (``-X importtime``).

Target (issue #11): ``robots check`` under 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "tests" / "fixtures" / "robots_samples" / "R01_nytimes.com.txt"
TARGET_S = 0.3
HEAVY = ("numpy", "langchain_core", "chromadb", "torch")


def _commands(sample: Path) -> list[tuple[str, list[str]]]:
    py = sys.executable
    return [
        ("python -c pass (baseline)", [py, "-c", "pass"]),
        ("kenri --help", [py, "-m", "bot", "--help"]),
        ("kenri robots check FILE", [py, "-m", "bot", "robots", "check", str(sample)]),
        ("kenri robots generate", [py, "-m", "bot", "robots", "generate"]),
        ("kenri optout chatgpt", [py, "-m", "bot", "optout", "chatgpt"]),
    ]


def _time(cmd: list[str], runs: int) -> list[float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # a first run warms the page cache and writes the bytecode an installed package would have
    subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, check=True)
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, check=True)
        out.append(time.perf_counter() - t)
    return out


def _heavy_modules(cmd: list[str]) -> list[str]:
    proc = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], cwd=REPO, capture_output=True, text=True)
    loaded = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    return [m for m in HEAVY if m in loaded]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.bench.startup", description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7, help="fresh-interpreter runs per command (default 7)")
    p.add_argument("--file", type=Path, default=SAMPLE, help="robots.txt to check (default: a real one)")
    args = p.parse_args(argv)
    rows = [(name, _time(cmd, args.runs), _heavy_modules(cmd)) for name, cmd in _commands(args.file)]
    base = statistics.median(rows[0][1])
    print(f"{'command':28} {'median s':>9} {'max s':>7} {'x baseline':>10}  heavy imports")
    for name, times, heavy in rows:
        med = statistics.median(times)
        print(f"{name:28} {med:9.3f} {max(times):7.3f} {med / base:10.1f}  {','.join(heavy) or '-'}")
    check = statistics.median(rows[2][1])
    verdict = "met" if check < TARGET_S else "MISSED"
    load = os.getloadavg()[0]
    print(f"\nrobots check: {check:.3f} s median (target < {TARGET_S} s: {verdict}); machine load {load:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
