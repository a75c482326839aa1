"""Damage a published index in 24 ways and see what every path that reads it does.

The operations tried on each kind of damage are the ones a maintainer or the bot would run:

* ``open``          start the engine (``python -m bot ask``, the bot) on the damaged version;
* ``reload``        an engine serving an intact version is told to switch to the damaged one;
* ``ingest``        ``python ingest.py`` over the damaged version (same notes);
* ``rebuild``       ``python ingest.py --rebuild``;
* ``rollback``      ``python ingest.py --rollback`` away from the damaged version;
* ``rollback-onto`` ``--rollback`` when the version it would go back to is the damaged one.

Each outcome is one of: ``correct`` (it worked and answers match the intact index), ``clear``
(refused with an error naming the damaged file and the fix, ``ingest.py --rebuild`` or
``--rollback``, and what served before still serves), ``unclear`` (an error that names no file
or no fix), ``traceback`` (an exception a user would see as a traceback), ``wrong`` (no error,
but a wrong answer, a damaged version republished, or "up to date" over damage).

Used by ``tests/reliability/test_index_damage.py`` and ``python -m tests.reliability``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUESTIONS = ("How do I stop OpenAI from training on my website?", "日本ではAI学習に著作物を使えますか？")
OPERATIONS = ("open", "reload", "ingest", "rebuild", "rollback", "rollback-onto")
OUTCOMES = ("correct", "clear", "unclear", "traceback", "wrong")
FILE_WORDS = ("manifest.json", "chunks.jsonl", "bm25", "chroma", "vectors.npy", "CURRENT", "HISTORY.json")


# ---------------------------------------------------------------------- the 26 kinds of damage


def _rewrite_json(path: Path, change: Callable[[Any], Any]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(change(data)), encoding="utf-8")


def _drop_key(key: str) -> Callable[[dict], dict]:
    def change(d: dict) -> dict:
        d.pop(key, None)
        return d

    return change


def _set_key(key: str, value: Any) -> Callable[[dict], dict]:
    def change(d: dict) -> dict:
        d[key] = value
        return d

    return change


def _drop_first_document(d: dict) -> dict:
    d["documents"].pop(sorted(d["documents"])[0])
    return d


def _edit_lines(path: Path, change: Callable[[list[bytes]], list[bytes]]) -> None:
    path.write_bytes(b"".join(change(path.read_bytes().splitlines(keepends=True))))


def _record_without_text(lines: list[bytes]) -> list[bytes]:
    rec = json.loads(lines[0])
    rec.pop("text")
    return [json.dumps(rec).encode() + b"\n", *lines[1:]]


def _hnsw_folder(v: Path) -> Path:
    return next(p for p in (v / "chroma").iterdir() if p.is_dir())


# name -> (what it does, where: "version" or "root", damage(version_dir, index_root))
KINDS: dict[str, tuple[str, str, Callable[[Path, Path], None]]] = {
    "manifest-missing": ("manifest.json deleted", "version", lambda v, r: (v / "manifest.json").unlink()),
    "manifest-empty": (
        "manifest.json emptied",
        "version",
        lambda v, r: (v / "manifest.json").write_bytes(b""),
    ),
    "manifest-truncated": (
        "manifest.json cut in half",
        "version",
        lambda v, r: (v / "manifest.json").write_bytes(
            (v / "manifest.json").read_bytes()[: (v / "manifest.json").stat().st_size // 2]
        ),
    ),
    "manifest-not-object": (
        "manifest.json holds a list",
        "version",
        lambda v, r: (v / "manifest.json").write_text("[]", encoding="utf-8"),
    ),
    "manifest-no-documents": (
        "manifest.json lacks 'documents'",
        "version",
        lambda v, r: _rewrite_json(v / "manifest.json", _drop_key("documents")),
    ),
    "manifest-bad-types": (
        "manifest.json chunk_count is a string",
        "version",
        lambda v, r: _rewrite_json(v / "manifest.json", _set_key("chunk_count", "many")),
    ),
    "manifest-wrong-version": (
        "manifest.json names another version",
        "version",
        lambda v, r: _rewrite_json(v / "manifest.json", _set_key("version", "v0-other")),
    ),
    "manifest-document-dropped": (
        "one document removed from manifest.json",
        "version",
        lambda v, r: _rewrite_json(v / "manifest.json", _drop_first_document),
    ),
    "chunks-missing": ("chunks.jsonl deleted", "version", lambda v, r: (v / "chunks.jsonl").unlink()),
    "chunks-empty": ("chunks.jsonl emptied", "version", lambda v, r: (v / "chunks.jsonl").write_bytes(b"")),
    "chunks-truncated": (
        "chunks.jsonl cut mid-line",
        "version",
        lambda v, r: (v / "chunks.jsonl").write_bytes(
            (v / "chunks.jsonl").read_bytes()[: (v / "chunks.jsonl").stat().st_size * 2 // 3]
        ),
    ),
    "chunks-garbage-line": (
        "a line of garbage appended to chunks.jsonl",
        "version",
        lambda v, r: _edit_lines(v / "chunks.jsonl", lambda ls: [*ls, b"}{ not json\n"]),
    ),
    "chunks-bad-record": (
        "a chunks.jsonl record lacks its text",
        "version",
        lambda v, r: _edit_lines(v / "chunks.jsonl", _record_without_text),
    ),
    "chunks-duplicated": (
        "every chunks.jsonl line twice",
        "version",
        lambda v, r: _edit_lines(v / "chunks.jsonl", lambda ls: ls + ls),
    ),
    "chunks-not-utf8": (
        "invalid UTF-8 bytes in chunks.jsonl",
        "version",
        lambda v, r: _edit_lines(v / "chunks.jsonl", lambda ls: [b"\xff\xfe\x80" + ls[0], *ls[1:]]),
    ),
    "chunks-line-dropped": (
        "one chunks.jsonl line deleted",
        "version",
        lambda v, r: _edit_lines(v / "chunks.jsonl", lambda ls: ls[1:]),
    ),
    "bm25-missing": ("bm25/ deleted", "version", lambda v, r: shutil.rmtree(v / "bm25")),
    "bm25-file-missing": (
        "bm25/vocab.index.json deleted",
        "version",
        lambda v, r: (v / "bm25" / "vocab.index.json").unlink(),
    ),
    "bm25-file-garbage": (
        "bm25/data.csc.index.npy overwritten",
        "version",
        lambda v, r: (v / "bm25" / "data.csc.index.npy").write_bytes(b"garbage" * 10),
    ),
    "chroma-missing": ("chroma/ deleted", "version", lambda v, r: shutil.rmtree(v / "chroma")),
    "chroma-sqlite-garbage": (
        "chroma/chroma.sqlite3 overwritten",
        "version",
        lambda v, r: (v / "chroma" / "chroma.sqlite3").write_bytes(b"garbage" * 1000),
    ),
    "chroma-hnsw-missing": (
        "the HNSW segment folder in chroma/ deleted",
        "version",
        lambda v, r: shutil.rmtree(_hnsw_folder(v)),
    ),
    # the reader's copy of the dense vectors (index.VECTORS_FILE): Chroma holds the same ones
    "vectors-missing": ("vectors.npy deleted", "version", lambda v, r: (v / "vectors.npy").unlink()),
    "vectors-garbage": (
        "vectors.npy overwritten",
        "version",
        lambda v, r: (v / "vectors.npy").write_bytes(b"garbage" * 1000),
    ),
    "current-garbage": (
        "CURRENT names '../../etc'",
        "root",
        lambda v, r: (r / "CURRENT").write_text("../../etc\n", encoding="utf-8"),
    ),
    "history-garbage": (
        "HISTORY.json overwritten with garbage",
        "root",
        lambda v, r: (r / "HISTORY.json").write_text("{ not json", encoding="utf-8"),
    ),
}


# ---------------------------------------------------------------------- running the operations


@dataclass
class KindResult:
    kind: str
    what: str
    outcomes: dict[str, str] = field(default_factory=dict)  # operation -> outcome
    details: dict[str, str] = field(default_factory=dict)  # operation -> message (first line)

    @property
    def worst(self) -> str:
        order = {o: i for i, o in enumerate(OUTCOMES)}
        return max(self.outcomes.values(), key=order.__getitem__, default="correct")


def _answers(engine: Any) -> list[tuple[Any, ...]]:
    out = []
    for q in QUESTIONS:
        a = engine.answer(q)
        out.append((a.answered, tuple(c.source_id for c in a.citations), a.text))
    return out


def _is_clear(exc: BaseException) -> bool:
    from bot.errors import KenriError

    text = str(exc)
    return isinstance(exc, KenriError) and any(w in text for w in FILE_WORDS) and "ingest.py" in text


def _error_outcome(exc: BaseException) -> str:
    from bot.errors import KenriError

    if _is_clear(exc):
        return "clear"
    return "unclear" if isinstance(exc, KenriError) else "traceback"


class DamageLab:
    """A small published index with two identical versions (so rollback has somewhere to go),
    copied afresh for every kind x operation."""

    def __init__(self, knowledge: Path, work: Path, embeddings: Any) -> None:
        from bot.engine import ingest
        from bot.engine.store import IndexVersions

        self.knowledge, self.work, self.embeddings = knowledge, work, embeddings
        self.base = work / "base-index"
        for rebuild in (False, True):
            report = ingest.run(
                knowledge_dir=knowledge,
                index_dir=self.base,
                embedding_model=embeddings.name,
                embeddings=embeddings,
                progress=False,
                rebuild=rebuild,
            )
            if not report.published:
                raise RuntimeError(f"the base index did not publish: {report.summary()}")
        store = IndexVersions(self.base)
        self.v2 = store.current()
        self.v1 = [v for v in store.history() if v != self.v2][-1]
        self.reference = self._with_engine(self.base, _answers)
        self._n = 0

    def _engine(self, index: Path) -> Any:
        from bot.engine import Engine

        return Engine(index_dir=index, embeddings=self.embeddings)

    def _with_engine(self, index: Path, fn: Callable[[Any], Any]) -> Any:
        engine = self._engine(index)
        try:
            return fn(engine)
        finally:
            engine.close()

    def _fresh(self) -> Path:
        self._n += 1
        index = self.work / f"index-{self._n}"
        shutil.copytree(self.base, index, symlinks=True)
        return index

    def _damage(self, kind: str, index: Path, version: str) -> None:
        _, _, damage = KINDS[kind]
        damage(index / "versions" / version, index)

    def _serves_reference(self, index: Path) -> tuple[str, str]:
        try:
            got = self._with_engine(index, _answers)
        except Exception as exc:
            return "wrong", f"afterwards the index does not open: {type(exc).__name__}: {exc}"
        return ("correct", "") if got == self.reference else ("wrong", "answers differ from the intact index")

    def _cli(self, argv: list[str]) -> tuple[int, str]:
        from bot.cli.ingest import main

        out, err = io.StringIO(), io.StringIO()
        old = {k: os.environ.get(k) for k in ("KENRI_EMBEDDING_MODEL",)}
        os.environ["KENRI_EMBEDDING_MODEL"] = self.embeddings.name
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(argv)
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        return code, (err.getvalue() + out.getvalue()).strip()

    # -------------------------------------------------------------- operations
    def op_open(self, kind: str) -> tuple[str, str]:
        index = self._fresh()
        self._damage(kind, index, self.v2)
        try:
            got = self._with_engine(index, _answers)
        except Exception as exc:
            return _error_outcome(exc), f"{type(exc).__name__}: {exc}"
        return ("correct", "") if got == self.reference else ("wrong", "answers differ from the intact index")

    def op_reload(self, kind: str) -> tuple[str, str]:
        index = self._fresh()
        (index / "CURRENT").write_text(self.v1 + "\n", encoding="utf-8")
        engine = self._engine(index)
        try:
            (index / "CURRENT").write_text(self.v2 + "\n", encoding="utf-8")
            self._damage(kind, index, self.v2)
            try:
                engine.reload()
            except Exception as exc:
                outcome, detail = _error_outcome(exc), f"{type(exc).__name__}: {exc}"
                if _answers(engine) != self.reference:
                    return "wrong", "the old version stopped serving after the refused reload"
                return outcome, detail
            return ("correct", "") if _answers(engine) == self.reference else ("wrong", "reload accepted it")
        finally:
            engine.close()

    def _ingest(self, kind: str, rebuild: bool) -> tuple[str, str]:
        from bot.engine import ingest

        index = self._fresh()
        self._damage(kind, index, self.v2)
        try:
            report = ingest.run(
                knowledge_dir=self.knowledge,
                index_dir=index,
                embedding_model=self.embeddings.name,
                embeddings=self.embeddings,
                progress=False,
                rebuild=rebuild,
            )
        except Exception as exc:
            return _error_outcome(exc), f"{type(exc).__name__}: {exc}"
        outcome, detail = self._serves_reference(index)
        if outcome != "correct" and not report.published:
            detail = f"ingest said: {report.summary().splitlines()[-2]}; {detail}"
        return outcome, detail

    def op_ingest(self, kind: str) -> tuple[str, str]:
        return self._ingest(kind, rebuild=False)

    def op_rebuild(self, kind: str) -> tuple[str, str]:
        return self._ingest(kind, rebuild=True)

    def op_rollback(self, kind: str) -> tuple[str, str]:
        index = self._fresh()
        self._damage(kind, index, self.v2)
        try:
            code, text = self._cli(["--rollback", "--index", str(index), "--knowledge", str(self.knowledge)])
        except Exception as exc:
            return "traceback", f"{type(exc).__name__}: {exc}"
        if code != 0:  # the older version is intact: refusing blocks the way back
            return "wrong", f"refused although intact version {self.v1} is on disk: {text}"
        return self._serves_reference(index)

    def op_rollback_onto(self, kind: str) -> tuple[str, str]:
        if KINDS[kind][1] == "root":
            return self.op_rollback(kind)
        index = self._fresh()
        self._damage(kind, index, self.v1)
        try:
            code, text = self._cli(["--rollback", "--index", str(index), "--knowledge", str(self.knowledge)])
        except Exception as exc:
            return "traceback", f"{type(exc).__name__}: {exc}"
        current = (index / "CURRENT").read_text(encoding="utf-8").strip()
        if code == 0:
            if self._serves_reference(index)[0] == "correct":
                return "correct", "the damage was harmless: the version answers as the intact one"
            return "wrong", f"republished the damaged version {current} without checking it"
        if current != self.v2:
            return "wrong", "a refused rollback changed CURRENT"
        ok = self._serves_reference(index)[0] == "correct" and self.v1 in text
        return ("clear" if ok else "unclear"), text

    def run(self, kind: str, operations: tuple[str, ...] = OPERATIONS) -> KindResult:
        result = KindResult(kind, KINDS[kind][0])
        for op in operations:
            try:
                outcome, detail = getattr(self, "op_" + op.replace("-", "_"))(kind)
            except Exception as exc:  # the harness itself must never stop the run
                outcome, detail = "traceback", f"{type(exc).__name__}: {exc}"
            result.outcomes[op] = outcome
            result.details[op] = " ".join(detail.split())[:300]
        return result


def run_damage_suite(knowledge: Path, work: Path, embeddings: Any, kinds: list[str] | None = None) -> dict[str, Any]:
    """Every kind of damage x every operation; figures for the report."""
    lab = DamageLab(knowledge, work, embeddings)
    results = [lab.run(k) for k in (kinds or list(KINDS))]
    by_outcome = {o: sum(1 for r in results for v in r.outcomes.values() if v == o) for o in OUTCOMES}
    worst = {o: sum(1 for r in results if r.worst == o) for o in OUTCOMES}
    return {
        "kinds": len(results),
        "operations": sum(len(r.outcomes) for r in results),
        "by_outcome": by_outcome,
        "kinds_by_worst_outcome": worst,
        "handled": sum(1 for r in results if r.worst in ("correct", "clear")),
        "results": [
            {"kind": r.kind, "what": r.what, "worst": r.worst, "outcomes": r.outcomes, "details": r.details}
            for r in results
        ],
        "ok": all(r.worst in ("correct", "clear") for r in results),
    }
