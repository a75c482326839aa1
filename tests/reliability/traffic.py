"""Reload under traffic: threads keep asking while the index is re-ingested and reloaded.

Every question must complete, with no exception, on the old or the new index, never a mix:
each re-ingest rewrites the opening of one note, so its passages get new ids (ids are content
hashes) and an answer citing an old passage after its version was closed, or mixing versions,
is detected. An answer is checked against the versions that were published at some moment while
it ran: all the passages it retrieved and cited must belong to one of them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUESTIONS = (
    "How do I block GPTBot from my website?",
    "Can AI companies train on my art in Japan?",
    "GPTBotをブロックするには？",
    "What does the EU say about opting out of text and data mining?",
    "Who won the football world cup in 1998?",  # refused: nothing in the corpus
)


@dataclass
class TrafficResult:
    threads: int
    reloads: int = 0
    answers: int = 0
    errors: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)  # answers not consistent with one version
    per_version: dict[str, int] = field(default_factory=dict)
    # answers whose passages exist in one version only: proof the check can tell versions apart
    version_specific: int = 0
    elapsed_s: float = 0.0

    @property
    def ok(self) -> bool:
        return (
            not self.errors
            and not self.mismatches
            and self.reloads > 0
            and len(self.per_version) > 1
            and self.version_specific > 0
        )

    def summary(self) -> dict[str, Any]:
        return {
            "threads": self.threads,
            "reloads": self.reloads,
            "questions_answered": self.answers,
            "errors": len(self.errors),
            "inconsistent_answers": len(self.mismatches),
            "versions_answered_from": len(self.per_version),
            "version_specific_answers": self.version_specific,
            "elapsed_s": round(self.elapsed_s, 2),
            "first_errors": self.errors[:3] + self.mismatches[:3],
        }


def revise(note: Path, n: int) -> None:
    """Rewrite the opening of ``note`` so its first passage changes."""
    text = note.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    lines = body.split("\n")
    lines = [line for line in lines if not line.startswith("Revision ")]
    note.write_text(
        head + sep + f"Revision {n}: re-ingested while questions were being answered.\n" + "\n".join(lines),
        encoding="utf-8",
    )


def run_reload_under_traffic(
    knowledge: Path,
    index: Path,
    embeddings: Any,
    note: Path,
    *,
    threads: int = 4,
    reloads: int = 4,
    pause_s: float = 0.3,
    questions: Sequence[str] = QUESTIONS,
    log: Callable[[str], None] = lambda _msg: None,
) -> TrafficResult:
    """``index`` must already hold a version of ``knowledge``; ``note`` is revised each round."""
    from bot.engine import Engine, ingest
    from bot.engine.store import IndexVersions

    store = IndexVersions(index)
    result = TrafficResult(threads=threads)
    contents: dict[str, tuple[set[str], set[str]]] = {}  # version -> (chunk ids, doc ids)

    def remember(version: str) -> None:
        m = store.manifest(version)
        contents[version] = ({c for d in m["documents"].values() for c in d["chunks"]}, set(m["documents"]))

    engine = Engine(index_dir=index, embeddings=embeddings)
    remember(engine.version)
    # (version, published from, published until): "from" is when reload() began, "until" when the
    # next reload() returned, so the windows overlap by the switch itself.
    windows: list[list[Any]] = [[engine.version, float("-inf"), float("inf")]]
    records: list[tuple[float, float, Any]] = []
    lock = threading.Lock()
    stop = threading.Event()

    def worker(k: int) -> None:
        i = k
        while not stop.is_set():
            q = questions[i % len(questions)]
            i += 1
            start = time.perf_counter()
            try:
                ans = engine.answer(q)
            except Exception as exc:  # the point: there must be none
                with lock:
                    result.errors.append(f"{q!r}: {type(exc).__name__}: {exc}")
                continue
            with lock:
                records.append((start, time.perf_counter(), ans))

    t0 = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(threads)]
    for t in pool:
        t.start()
    try:
        for n in range(1, reloads + 1):
            time.sleep(pause_s)
            revise(note, n)
            report = ingest.run(
                knowledge_dir=knowledge,
                index_dir=index,
                embedding_model=embeddings.name,
                embeddings=embeddings,
                progress=False,
            )
            if not report.published:
                result.errors.append(f"re-ingest {n} did not publish: {report.summary()}")
                break
            remember(report.version)
            began = time.perf_counter()
            try:
                old, new = engine.reload()
            except Exception as exc:
                result.errors.append(f"reload {n}: {type(exc).__name__}: {exc}")
                break
            with lock:
                windows[-1][2] = time.perf_counter()
                windows.append([new, began, float("inf")])
            result.reloads += 1
            log(f"reload {n}: {old} -> {new} while {threads} threads were asking ({len(records)} answers so far)")
        time.sleep(pause_s)
    finally:
        stop.set()
        for t in pool:
            t.join(timeout=60)
        engine.close()
    result.elapsed_s = time.perf_counter() - t0
    result.answers = len(records)
    for start, end, ans in records:
        ids = set(ans.retrieved_ids) | {c.chunk_id for c in ans.citations}
        sources = {c.source_id for c in ans.citations}
        candidates = [v for v, since, until in windows if since <= end and until >= start]
        match = next((v for v in candidates if ids <= contents[v][0] and sources <= contents[v][1]), None)
        if ids and sum(1 for c in contents.values() if ids <= c[0]) == 1:
            result.version_specific += 1
        if match is None:
            result.mismatches.append(f"{ans.question!r}: passages not all from one of {candidates}")
        else:
            result.per_version[match] = result.per_version.get(match, 0) + 1
    return result
