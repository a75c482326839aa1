"""Crash-safe publishing: SIGKILL ``python ingest.py`` at many points and check what serves.

One round: change a note (so the ingest has work), remember what is published, start
``ingest.py`` as a real subprocess, SIGKILL it (after a delay, or at a named phase, see
:mod:`.killpoint`), then check the index directory as the bot would find it:

* ``CURRENT`` names the old version (its pointer and manifest byte-identical to before) or a
  complete new one: never a partial build, never a missing one;
* the version opens and answers a question with citations;
* every document of the corpus is in it: manifest documents == the sources the engine lists ==
  the corpus's note ids, every passage the manifest lists is in the chunk table, and Chroma holds
  exactly ``chunk_count`` passages.

After the rounds, an ingest that is not killed must complete and publish, leaving no
``*.partial`` build or temporary file behind, and ``ingest.py --rollback`` must return to the
version published before it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.reliability.killpoint import PHASES

REPO = Path(__file__).resolve().parents[2]
QUESTION = "How do I stop GPTBot from training on my website?"


@dataclass
class Round:
    label: str  # "kill at 1.23 s" or "kill at phase after-finalize"
    killed: bool  # the SIGKILL hit a live ingest (else it had already finished)
    returncode: int | None
    before: str
    after: str
    outcome: str  # "previous version still serving" | "new version published"
    documents: int = 0
    lost: list[str] = field(default_factory=list)
    answered: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def recovered(self) -> bool:
        return not self.problems


@dataclass
class CrashResult:
    corpus_notes: int = 0
    run_s: float = 0.0  # an uninterrupted incremental ingest, measured
    rounds: list[Round] = field(default_factory=list)
    final_version: str = ""
    final_published: bool = False
    leftovers: list[str] = field(default_factory=list)  # *.partial or temp files after the final run
    rollback_from: str = ""
    rollback_to: str = ""
    rollback_expected: str = ""
    cli_answered: bool = False
    problems: list[str] = field(default_factory=list)  # outside the rounds

    @property
    def faults_injected(self) -> int:
        return sum(1 for r in self.rounds if r.killed)

    @property
    def recoveries(self) -> int:
        return sum(1 for r in self.rounds if r.killed and r.recovered)

    @property
    def documents_lost(self) -> int:
        return sum(len(r.lost) for r in self.rounds)

    @property
    def ok(self) -> bool:
        return (
            not self.problems
            and all(r.recovered for r in self.rounds)
            and self.final_published
            and not self.leftovers
            and self.rollback_to == self.rollback_expected
            and self.cli_answered
        )

    def summary(self) -> dict[str, Any]:
        return {
            "corpus_notes": self.corpus_notes,
            "ingest_run_s": round(self.run_s, 2),
            "faults_injected": self.faults_injected,
            "timed_kills": sum(
                1 for r in self.rounds if r.killed and r.label.startswith("kill at ") and "phase" not in r.label
            ),
            "phase_kills": sum(1 for r in self.rounds if r.killed and "phase" in r.label),
            "recoveries": self.recoveries,
            "kills_after_publish": sum(1 for r in self.rounds if r.killed and r.after != r.before),
            "documents_lost": self.documents_lost,
            "final_ingest_published": self.final_published,
            "leftovers": self.leftovers,
            "rollback": f"{self.rollback_from} -> {self.rollback_to}",
            "rollback_ok": self.rollback_to == self.rollback_expected,
            "cli_answered": self.cli_answered,
            "problems": [p for r in self.rounds for p in r.problems] + self.problems,
        }


# ---------------------------------------------------------------------------- the corpus


def _front_matter(path: Path) -> dict[str, Any]:
    import yaml

    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def copy_corpus(src: Path, dest: Path, max_en: int | None = None, keep: Sequence[str] = ("openai-crawlers",)) -> Path:
    """A writable copy of a knowledge folder; with ``max_en``, of a subset of it: that many English
    notes (``keep`` first, then every other one in name order, skipping notes that cite others)
    with their Japanese versions, without the opt-out checklists (which cite all vendors)."""
    if max_en is None:
        shutil.copytree(src, dest, symlinks=True)
        return dest
    english = sorted((src / "en").glob("*.md"))
    metas = {p: _front_matter(p) for p in english}
    standalone = [p for p in english if not metas[p].get("sources")]
    chosen = [p for p in standalone if p.stem in keep]
    for p in standalone[::2] + standalone[1::2]:
        if len(chosen) >= max_en:
            break
        if p not in chosen:
            chosen.append(p)
    ids = {str(metas[p].get("id")) for p in chosen}
    (dest / "en").mkdir(parents=True)
    for p in chosen:
        shutil.copy2(p, dest / "en" / p.name)
    if (src / "ja").is_dir():
        (dest / "ja").mkdir()
        for p in sorted((src / "ja").glob("*.md")):
            fm = _front_matter(p)
            if str(fm.get("translation_of")) in ids and not fm.get("sources"):
                shutil.copy2(p, dest / "ja" / p.name)
    return dest


def mutate(knowledge: Path, n: int) -> None:
    """Change two notes (one English, one Japanese when there is one) so an ingest has work."""
    targets = sorted((knowledge / "en").glob("*.md"))[:1] + sorted((knowledge / "ja").glob("*.md"))[:1]
    if not targets:
        targets = sorted(knowledge.rglob("*.md"))[:1]
    for path in targets:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"\n\nRevision {n} of this note: added by the crash-safety check.\n")


# ---------------------------------------------------------------------------- subprocesses


def subprocess_env(knowledge: Path, index: Path, embedding_model: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KENRI_")}
    env.update(
        {
            "KENRI_KNOWLEDGE_DIR": str(knowledge),
            "KENRI_INDEX_DIR": str(index),
            "KENRI_EMBEDDING_MODEL": embedding_model,
            "ORT_DISABLE_TELEMETRY": "1",
            "ANONYMIZED_TELEMETRY": "False",
            "HF_HUB_OFFLINE": "1",
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p),
        }
    )
    return env


def ingest_command(phase: str | None = None, *extra: str) -> list[str]:
    if phase:
        return [sys.executable, "-m", "tests.reliability.killpoint", phase, "--no-progress", *extra]
    return [sys.executable, str(REPO / "ingest.py"), "--no-progress", *extra]


def _spawn(cmd: Sequence[str], env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    # cwd outside the repository: settings would otherwise read the developer's .env
    return subprocess.Popen(list(cmd), env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


# ---------------------------------------------------------------------------- checks


def snapshot(index: Path) -> tuple[bytes, bytes]:
    from bot.engine.store import IndexVersions

    store = IndexVersions(index)
    current = store.require_current()
    return store.current_file.read_bytes(), (store.path(current) / "manifest.json").read_bytes()


def check_index(
    index: Path, embeddings: Any, expected_ids: set[str], question: str = QUESTION
) -> tuple[str, list[str], list[str], bool]:
    """Open the published version as the bot would. Returns (version, problems, lost ids, answered)."""
    from bot.engine import Engine
    from bot.engine.index import OpenIndex
    from bot.engine.store import PARTIAL, IndexVersions

    problems: list[str] = []
    store = IndexVersions(index)
    try:
        version = store.require_current()
    except Exception as exc:
        return "", [f"no published version: {exc}"], sorted(expected_ids), False
    if version.endswith(PARTIAL):
        problems.append(f"CURRENT names a partial build {version}")
    manifest = store.manifest(version)
    docs = set(manifest["documents"])
    lost = sorted(expected_ids - docs)
    if lost:
        problems.append(f"{version}: documents missing: {', '.join(lost)}")
    if docs - expected_ids:
        problems.append(f"{version}: unexpected documents: {', '.join(sorted(docs - expected_ids))}")
    table: dict[str, str] = {}
    with open(store.path(version) / "chunks.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            table[row["id"]] = row["doc_id"]
    listed = {cid: doc for doc, info in manifest["documents"].items() for cid in info["chunks"]}
    if listed.keys() != table.keys() or len(table) != manifest["chunk_count"]:
        problems.append(f"{version}: chunk table ({len(table)}) differs from the manifest ({manifest['chunk_count']})")
    answered = False
    engine = None
    try:
        opened = OpenIndex(store.path(version), manifest, embeddings.name, embeddings.dim)
        try:
            if opened.count() != manifest["chunk_count"]:
                problems.append(
                    f"{version}: Chroma holds {opened.count()} passages, manifest {manifest['chunk_count']}"
                )
        finally:
            opened.close()
        engine = Engine(index_dir=index, embeddings=embeddings)
        if engine.version != version:
            problems.append(f"engine opened {engine.version}, CURRENT names {version}")
        listed_sources = {m.id for m in engine.sources()}
        if listed_sources != docs:
            problems.append(f"{version}: sources listed ({len(listed_sources)}) != manifest documents ({len(docs)})")
        ans = engine.answer(question)
        answered = ans.answered and bool(ans.citations)
        if not answered:
            problems.append(f"{version}: the check question was not answered with citations")
    except Exception as exc:  # any failure to open or answer is what this check looks for
        problems.append(f"{version}: cannot serve: {type(exc).__name__}: {exc}")
    finally:
        if engine is not None:
            engine.close()
    return version, problems, lost, answered


def leftovers(index: Path) -> list[str]:
    from bot.engine.store import PARTIAL

    found = [p.name for p in (index / "versions").iterdir() if p.name.endswith(PARTIAL)]
    found += [p.name for p in index.glob(".*.tmp")]
    return sorted(found)


# ---------------------------------------------------------------------------- the run


def kill_delays(run_s: float, kills: int) -> list[float]:
    """``kills`` delays spread evenly over an ingest that takes ``run_s`` seconds."""
    if kills <= 0:
        return []
    if kills == 1:
        return [run_s / 2]
    lo, hi = 0.05 * run_s, 0.85 * run_s  # the measured run was the first: later ones are a bit faster
    return [lo + (hi - lo) * i / (kills - 1) for i in range(kills)]


def run_crash_suite(
    knowledge_src: Path,
    workdir: Path,
    embeddings: Any,
    *,
    kills: int = 10,
    phases: Sequence[str] = PHASES,
    max_en: int | None = None,
    question: str = QUESTION,
    cli_check: bool = True,
    log: Callable[[str], None] = lambda _msg: None,
) -> CrashResult:
    """Build an index of ``knowledge_src`` (copied), then SIGKILL ``kills`` incremental ingests at
    delays spread over a measured run and one at each of ``phases``; see the module docstring."""
    from bot.engine import ingest
    from bot.engine.store import IndexVersions

    result = CrashResult()
    knowledge = copy_corpus(knowledge_src, workdir / "knowledge", max_en)
    index = workdir / "index"
    env = subprocess_env(knowledge, index, embeddings.name)
    t0 = time.perf_counter()
    report = ingest.run(
        knowledge_dir=knowledge,
        index_dir=index,
        embedding_model=embeddings.name,
        embeddings=embeddings,
        progress=False,
    )
    if not report.published:
        result.problems.append(f"initial ingest failed: {report.summary()}")
        return result
    store = IndexVersions(index)
    expected = set(store.manifest(store.require_current())["documents"])
    result.corpus_notes = len(expected)
    log(f"initial index: {len(expected)} documents, {report.chunks_total} passages ({time.perf_counter() - t0:.1f} s)")

    mutate(knowledge, 0)
    t = time.perf_counter()
    done = subprocess.run(ingest_command(), env=env, cwd=workdir, capture_output=True, text=True)
    result.run_s = time.perf_counter() - t
    if done.returncode != 0:
        result.problems.append(f"uninterrupted ingest failed ({done.returncode}): {done.stdout}{done.stderr}")
        return result
    log(f"an uninterrupted incremental ingest takes {result.run_s:.2f} s")

    # Timed kills are fractions of the run; the run's length is re-estimated from every ingest
    # that finishes before its kill (a busy machine makes runs vary by a third), so one that
    # finished first does not make the later, longer delays miss too.
    fractions = [d / result.run_s for d in kill_delays(result.run_s, kills)] if result.run_s > 0 else []
    plan: list[tuple[str, float | None, str | None]] = [(f"kill {k + 1}", f, None) for k, f in enumerate(fractions)] + [
        (f"kill at phase {p}", None, p) for p in phases
    ]
    estimate = result.run_s
    for n, (label, fraction, phase) in enumerate(plan, start=1):
        mutate(knowledge, n)
        before_version = store.require_current()
        before_bytes = snapshot(index)
        started = time.perf_counter()
        proc = _spawn(ingest_command(phase), env, workdir)
        killed = False
        if fraction is not None:
            delay = fraction * estimate
            label = f"kill at {delay:.2f} s"
            deadline = started + delay
            while time.perf_counter() < deadline and proc.poll() is None:
                time.sleep(0.005)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed = True
            else:
                estimate = min(estimate, time.perf_counter() - started)
        out, _ = proc.communicate(timeout=300)
        if phase is not None:
            killed = proc.returncode == -signal.SIGKILL
            if not killed:
                result.problems.append(
                    f"{label}: the ingest was not killed (exit {proc.returncode}): "
                    f"{out.decode(errors='replace')[-500:]}"
                )
        version, problems, lost, answered = check_index(index, embeddings, expected, question)
        if version == before_version:
            outcome = "previous version still serving"
            if snapshot(index) != before_bytes:
                problems.append("CURRENT or its manifest changed although the version did not")
        else:
            outcome = "new version published"
        rnd = Round(
            label=label,
            killed=killed,
            returncode=proc.returncode,
            before=before_version,
            after=version,
            outcome=outcome,
            documents=len(expected) - len(lost),
            lost=lost,
            answered=answered,
            problems=problems,
        )
        result.rounds.append(rnd)
        log(
            f"{label}: {'killed' if killed else 'finished first'} -> {outcome} ({version}); "
            f"{rnd.documents}/{len(expected)} documents, answered={answered}"
            + (f"; PROBLEMS: {problems}" if problems else "")
        )

    # An ingest that is not killed completes, publishes and cleans up after the killed ones.
    mutate(knowledge, len(plan) + 1)
    before_final = store.require_current()
    done = subprocess.run(ingest_command(), env=env, cwd=workdir, capture_output=True, text=True)
    version, problems, _lost, _answered = check_index(index, embeddings, expected, question)
    result.final_version = version
    result.final_published = done.returncode == 0 and version != before_final and not problems
    if not result.final_published:
        result.problems.append(
            f"final ingest (exit {done.returncode}) did not publish cleanly: {problems} "
            f"{done.stdout[-500:]}{done.stderr[-500:]}"
        )
    result.leftovers = leftovers(index)
    log(f"final ingest: exit {done.returncode}, published {version}; leftovers: {result.leftovers or 'none'}")

    # --rollback returns to the version published before the final ingest.
    result.rollback_from, result.rollback_expected = version, before_final
    done = subprocess.run(ingest_command(None, "--rollback"), env=env, cwd=workdir, capture_output=True, text=True)
    rolled, problems, _lost, _answered = check_index(index, embeddings, expected, question)
    result.rollback_to = rolled
    if done.returncode != 0 or problems:
        result.problems.append(f"rollback (exit {done.returncode}): {problems} {done.stdout}{done.stderr}")
    elif rolled != before_final:
        result.problems.append(
            f"--rollback went to {rolled}, not to {before_final}, the version published before "
            "the last ingest (HISTORY names a version that never served)"
        )
    log(f"rollback: {result.rollback_from} -> {rolled} (expected {before_final})")

    if cli_check:  # the real CLI, as a user runs it, answers from what is published
        done = subprocess.run(
            [sys.executable, "-m", "bot", "ask", question, "--json"],
            env=env,
            cwd=workdir,
            capture_output=True,
            text=True,
        )
        try:
            data = json.loads(done.stdout.strip().splitlines()[-1])
            result.cli_answered = bool(data.get("answered") and data.get("citations"))
        except (ValueError, IndexError):
            result.problems.append(f"`python -m bot ask --json` failed ({done.returncode}): {done.stderr[-500:]}")
        log(f"`python -m bot ask --json` after the faults: answered={result.cli_answered}")
    else:
        result.cli_answered = True
    return result
