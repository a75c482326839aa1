"""A damaged index is a clear error or a correct answer, never a traceback or a silent wrong
answer: 26 kinds of damage x open, reload, ingest, --rebuild, --rollback (away from and onto
the damaged version). Readers never write to a published version."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, build
from tests.reliability.damage import KINDS, DamageLab


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DamageLab]:
    from bot.engine.embeddings import load_embeddings

    root = tmp_path_factory.mktemp("damage")
    shutil.copytree(FIXTURES / "knowledge", root / "knowledge")
    yield DamageLab(root / "knowledge", root / "work", load_embeddings("hashing"))


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_damage_is_a_clear_error_or_a_correct_answer(lab: DamageLab, kind: str) -> None:
    result = lab.run(kind)
    bad = {op: f"{o}: {result.details[op]}" for op, o in result.outcomes.items() if o not in ("correct", "clear")}
    assert not bad, f"{kind} ({result.what}): {bad}"
    # opening a damaged version is refused (or, for harmless damage, answers as the intact one)
    assert result.outcomes["open"] in ("clear", "correct")


def test_a_damage_error_names_the_file_and_the_fix(lab: DamageLab) -> None:
    outcome, detail = lab.op_open("chunks-empty")
    assert outcome == "clear"
    assert "chunks.jsonl" in detail and "0 passages" in detail
    assert "ingest.py --rebuild" in detail and "ingest.py --rollback" in detail


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_readers_never_write_to_the_published_version(tmp_path: Path, knowledge: Path, hashing_embeddings) -> None:
    from bot.engine import Engine
    from bot.engine.store import IndexVersions

    index = tmp_path / "index"
    assert build(knowledge, index, hashing_embeddings).published
    version = IndexVersions(index).path(IndexVersions(index).require_current())
    before = _digest(index)
    for _ in range(2):
        engine = Engine(index_dir=index, embeddings=hashing_embeddings)
        engine.answer("How do I block GPTBot?")
        engine.close()
    assert _digest(index) == before, "opening the index changed files in the published version"
    assert any(k.startswith(f"versions/{version.name}/chroma/") for k in before)  # Chroma was among them


def test_a_reader_of_an_index_held_in_memory_never_opens_chroma(tmp_path: Path, knowledge: Path) -> None:
    # a cold start spent ~1.2 s importing chromadb, copying its folder and reading every vector
    # back; the version's vectors.npy holds the same vectors
    import subprocess
    import sys

    index = tmp_path / "index"
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from bot.engine import Engine\n"
        "from bot.engine.embeddings import load_embeddings\n"
        "engine = Engine(index_dir=Path(sys.argv[1]), embeddings=load_embeddings('hashing'))\n"
        "answer = engine.answer('How do I block GPTBot?')\n"
        "engine.close()\n"
        "print(json.dumps([answer.answered, 'chromadb' in sys.modules]))\n"
    )
    from bot.engine.embeddings import load_embeddings

    assert build(knowledge, index, load_embeddings("hashing")).published
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-c", script, str(index)], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    answered, imported = json.loads(out.stdout.strip().splitlines()[-1])
    assert answered and not imported


@pytest.mark.parametrize("kind", ["chroma-missing", "chroma-sqlite-garbage", "vectors-garbage"])
def test_ingest_repairs_damage_that_readers_step_around(
    tmp_path: Path, knowledge: Path, hashing_embeddings, kind: str
) -> None:
    # readers answer from vectors.npy (or, with that damaged, from Chroma); ingest checks both
    # files, so it does not call a version with either damaged "up to date"
    from bot.engine.store import IndexVersions

    index = tmp_path / "index"
    first = build(knowledge, index, hashing_embeddings)
    KINDS[kind][2](IndexVersions(index).path(first.version), index)
    again = build(knowledge, index, hashing_embeddings)
    assert again.published and again.version != first.version
    assert any("damaged" in n for n in again.notes)


def test_history_names_only_versions_on_disk(tmp_path: Path, knowledge: Path, hashing_embeddings) -> None:
    from bot.engine.store import IndexVersions

    index = tmp_path / "index"
    for i in range(5):
        assert build(knowledge, index, hashing_embeddings, rebuild=i > 0, keep_versions=2).published
    store = IndexVersions(index)
    history = json.loads(store.history_file.read_text(encoding="utf-8"))
    assert history == [v for v in history if store.path(v).is_dir()]
    assert len(history) <= 3 and history[-1] == store.current()


def test_rollback_skips_a_damaged_older_version_and_says_so(lab: DamageLab) -> None:
    outcome, detail = lab.op_rollback_onto("bm25-file-garbage")
    assert outcome == "clear"
    assert lab.v1 in detail and "bm25" in detail and "ingest.py --rebuild" in detail


def test_a_killed_readers_private_copy_is_removed(tmp_path: Path, knowledge: Path, hashing_embeddings) -> None:
    import subprocess
    import sys
    import tempfile

    from bot.engine import Engine
    from bot.engine.index import COPY_PREFIX

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = Path(tempfile.gettempdir()) / f"{COPY_PREFIX}{dead.stdout.strip()}-v0-x"
    (orphan / "chroma").mkdir(parents=True)
    index = tmp_path / "index"
    assert build(knowledge, index, hashing_embeddings).published
    engine = Engine(index_dir=index, embeddings=hashing_embeddings)
    try:
        assert not orphan.exists()  # its process is gone
        # an index small enough to hold in memory has already released its own copy at open
        assert engine._handle.index._copy is None
        assert not list(Path(tempfile.gettempdir()).glob(f"{COPY_PREFIX}{os.getpid()}-*"))
    finally:
        engine.close()
