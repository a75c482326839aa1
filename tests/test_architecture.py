"""The package's layers, checked mechanically.

``bot.knowledge`` (the knowledge files) is the base; ``bot.engine`` (answers) and ``bot.optout``
(the opt-out toolkit) both build on it and never on each other; the front ends (``bot.cli``,
``bot.discord_app``) sit on top and import each package's public names. The import contracts
live in ``pyproject.toml`` (``[tool.importlinter]``) and are checked with import-linter.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

from tests.conftest import REPO

PACKAGES = ("bot.engine", "bot.knowledge", "bot.optout", "bot.evaluation", "bot.sources")
FRONT_ENDS = ("bot.cli", "bot.discord_app")
HEAVY = ("numpy", "langchain_core", "chromadb", "torch", "sentence_transformers", "bm25s", "discord")


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    return out.stdout.strip()


def test_import_contracts_are_kept() -> None:
    """Layers, no discord.py below the glue, no numpy/LangChain under the toolkit, no cycles."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def test_front_ends_import_public_names_not_submodules() -> None:
    graph = grimp.build_graph("bot", exclude_type_checking_imports=True)
    offenders = []
    for front in FRONT_ENDS:
        for importer in {front} | graph.find_descendants(front):
            for imported in graph.find_modules_directly_imported_by(importer):
                package = next((p for p in PACKAGES if imported.startswith(p + ".")), None)
                if package is not None and imported != f"{package}.ingest":  # the ingest module is public
                    offenders.append(f"{importer} imports {imported}: use `from {package} import …`")
    assert offenders == []


def test_opt_out_toolkit_loads_neither_numpy_nor_langchain() -> None:
    """A robots.txt check and a checklist lookup, end to end, in a fresh interpreter."""
    code = (
        "import sys\n"
        "from bot import knowledge, optout\n"
        "from bot.settings import PROJECT_ROOT\n"
        "registry = knowledge.load_registry_or_raise(PROJECT_ROOT / 'knowledge')\n"
        "report = optout.check(b'User-agent: GPTBot\\nDisallow: /\\n', registry)\n"
        "assert report.rows\n"
        "optout.render(knowledge.find_checklist('chatgpt'), 'ja')\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    assert _run(code) == ""


def test_importing_the_engine_the_cli_and_the_settings_loads_no_heavy_library() -> None:
    code = f"import sys, bot.engine, bot.settings, bot.cli\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    assert _run(code) == ""


def test_env_file_is_ignored_by_git() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=REPO)
    assert ignored.returncode == 0


def test_no_module_level_name_is_bound_twice() -> None:
    """A second ``_WORD = …`` further down a module silently replaces the first for every
    function that uses it (it once changed the keyword tokenizer); each module-level constant is
    bound once."""
    import ast

    twice = []
    for path in sorted((REPO / "bot").rglob("*.py")):
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            for t in targets:
                if isinstance(t, ast.Name):
                    if t.id in seen:
                        twice.append(f"{path.relative_to(REPO)}: {t.id} (lines {seen[t.id]}, {node.lineno})")
                    seen.setdefault(t.id, node.lineno)
    assert not twice, twice
