"""Benchmark for ``kenri sources watch`` against a local site: prints figures, asserts nothing.

    python -m tests.bench.watch [--sources 100] [--rounds 3] [--delay 0.5]

Figures (issue 17 targets):

* time to check N sources on one host with the default politeness (one request per host at a
  time, ``--delay`` seconds between two requests to it); target: 100 sources under 2 minutes;
* false-change rate: sources reported changed when only the boilerplate rotated (navigation,
  sidebar, cookie banner, a footer with the time; on half the pages also share counts,
  "updated N hours ago", related stories inside the article), over ``--rounds`` watches; target 0; shown
  beside what a hash of the whole visible page text would report;
* detection: pages whose main text really changed (a word, a sentence added, a paragraph
  removed) that were reported changed; target all.

Runs entirely on 127.0.0.1; nothing else is contacted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.knowledge.extract import html_to_markdown
from bot.sources.fetch import PoliteFetcher
from bot.sources.notes import load_notes
from bot.sources.watch import accept, counts, watch
from tests.sources.conftest import write_note
from tests.sources.server import DEFAULT_TEXT, LocalSite, SiteState


def _edit(text: str, i: int) -> str:
    paras = text.split("\n")
    kind = i % 3
    if kind == 0:
        return text.replace("within about a day", "within about a week")
    if kind == 1:
        return text + "\nExampleBot also reads the ai.txt file when a site publishes one."
    return "\n".join(paras[:-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench.watch", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3, help="boilerplate-only watches after the baseline")
    ap.add_argument("--delay", type=float, default=0.5, help="seconds between requests to one host (CLI default)")
    args = ap.parse_args(argv)
    n = args.sources
    state = SiteState()
    for i in range(n):
        state.articles[f"p{i}"] = DEFAULT_TEXT.replace("ExampleBot", f"ExampleBot{i}")
    with tempfile.TemporaryDirectory() as tmp, LocalSite(state) as site:
        knowledge = Path(tmp) / "knowledge"
        cache = Path(tmp) / "cache"
        kind = {i: "rich" if i % 2 else "page" for i in range(n)}  # half with widgets inside the article
        for i in range(n):
            write_note(knowledge, f"source-{i:03d}", f"{site.base}/{kind[i]}/p{i}")
        notes, problems = load_notes(knowledge)
        assert not problems and len(notes) == n, problems
        store_path = knowledge / "fingerprints.tsv"

        # Baseline (accept --new) without delay, then the timed watch with the default politeness.
        with PoliteFetcher(delay=0) as f:
            accept(notes, store_path, f, cache, today=dt.date.today(), set_verified=False)
        from bot.sources import fingerprints as fp

        store = fp.load(store_path)
        state.max_active = 0
        before = len(state.requests)
        with PoliteFetcher(delay=args.delay) as f:
            t0 = time.perf_counter()
            results = watch(notes, store, f, cache)
            timed = time.perf_counter() - t0
        requests = len(state.requests) - before
        c = counts(results)
        print(f"sources checked            {n} on one host, delay {args.delay:g} s between requests")
        print(f"wall time                  {timed:.1f} s  (target < 120 s)  = {timed / n * 1000:.0f} ms per source")
        print(f"requests                   {requests} (robots.txt once + one per source)")
        print(f"max requests at once       {state.max_active} (one per host at a time)")

        # False changes: every fetch rotates the boilerplate.
        false_changes, page_hash_changes, checks = c["changed"], 0, n
        whole_page = {}
        with PoliteFetcher(delay=0) as f:
            for i in range(n):
                resp = f.get(f"{site.base}/{kind[i]}/p{i}")
                whole_page[i] = hashlib.sha256(html_to_markdown(resp.text()).encode()).hexdigest()
            round_times = []
            for _ in range(args.rounds):
                t1 = time.perf_counter()
                round_results = watch(notes, store, f, cache)
                round_times.append(time.perf_counter() - t1)
                false_changes += sum(r.status == "changed" for r in round_results)
                checks += n
                for i in range(n):
                    resp = f.get(f"{site.base}/{kind[i]}/p{i}")
                    digest = hashlib.sha256(html_to_markdown(resp.text()).encode()).hexdigest()
                    page_hash_changes += digest != whole_page[i]
                    whole_page[i] = digest
        print(f"same, with no delay        {statistics.median(round_times):.1f} s (fetch, extract, compare)")
        print(
            f"false-change rate          {false_changes}/{checks} = {false_changes / checks:.1%} (target 0)"
            f"   [hash of the whole visible page: {page_hash_changes}/{args.rounds * n} = "
            f"{page_hash_changes / (args.rounds * n):.1%}]"
        )

        # Real changes in a fifth of the pages.
        changed_ids = set()
        for i in range(0, n, 5):
            state.articles[f"p{i}"] = _edit(state.articles[f"p{i}"], i // 5)
            changed_ids.add(f"source-{i:03d}")
        with PoliteFetcher(delay=0) as f:
            results = watch(notes, store, f, cache)
        found = {r.id for r in results if r.status == "changed"}
        diff_lines = [len(r.diff.splitlines()) for r in results if r.status == "changed"]
        print(
            f"real changes reported      {len(found & changed_ids)}/{len(changed_ids)} (target all); "
            f"unchanged pages reported changed: {len(found - changed_ids)}"
        )
        if diff_lines:
            print(f"diff lines per change      median {statistics.median(diff_lines):g}, max {max(diff_lines)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
