"""Mechanical checks of the design rules that keep the engine usable without Discord."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import REPO


def test_engine_never_imports_discord() -> None:
    offenders = []
    for path in (REPO / "bot" / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(REPO)}: {n}" for n in names if n.split(".")[0] == "discord"]
    assert offenders == []


def test_importing_the_engine_reads_no_settings_and_loads_no_heavy_library() -> None:
    code = (
        "import sys, bot.engine, bot.settings, bot.cli\n"
        "heavy = [m for m in ('torch', 'chromadb', 'discord', 'sentence_transformers') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == ""


def test_env_file_is_ignored_by_git() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=REPO)
    assert ignored.returncode == 0
