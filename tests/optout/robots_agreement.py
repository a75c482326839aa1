"""Agreement of ``robots check`` with Google's robots.txt parser on real files, and batch speed.

    python -m tests.optout.robots_agreement               # every corpus file; prints the figures
    python -m tests.optout.robots_agreement --limit 300   # a quick run
    python -m tests.optout.robots_agreement --batch 1000  # also time `robots check --file LIST --json`

Corpus (tests/fixtures/robots_corpus/README.md): the 4,231 real robots.txt files that Protego
0.3.1 ships in its PyPI sdist (fetched from top websites by its authors) and the 21 samples of
tests/fixtures/robots_samples. For every file and every registry crawler it compares kenri's
verdict at ``/`` with Google's parser called directly (fast-robotstxt's C entry point, the agent
being the crawler's product token, the body being the first 500 KiB as Google reads it; UTF-16
files, which kenri re-encodes on purpose, are compared re-encoded). It also compares kenri's own
group model (the "group used" column and the advice) with Google, and counts where protego and
urllib.robotparser read the files differently. Exit code 1 on any disagreement or crash.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.robotparser
from collections import Counter
from pathlib import Path

from protego import Protego

from bot.knowledge.crawlers import load_registry_or_raise
from bot.optout import rfc9309
from bot.optout.robots import RobotsInputError, check

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "fixtures" / "robots_corpus" / "protego-0.3.1-test_data.tar.xz"
SAMPLES = REPO / "tests" / "fixtures" / "robots_samples"
URL = "https://example.com/"


def corpus_files(limit: int | None = None) -> list[tuple[str, bytes]]:
    """(name, bytes) of every corpus file: the samples first, then Protego's files by name."""
    files = [(f"samples/{p.name}", p.read_bytes()) for p in sorted(SAMPLES.glob("*.txt"))]
    with tarfile.open(CORPUS, "r:xz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if member.isfile() and member.name.startswith("test_data/"):
                files.append((f"protego/{member.name}", tar.extractfile(member).read()))
    return files[:limit] if limit else files


def google_allowed(body: bytes, agent: str) -> bool:
    """Google's verdict, independent of kenri's wrapper: the bindings' C entry point on bytes."""
    from robotstxt import robots as bindings

    m = bindings.RobotsMatcher()
    ua, url = agent.encode(), URL.encode()
    return bool(bindings._lib.robots_allowed_by_robots(m._ptr, body, len(body), ua, len(ua), url, len(url)))


def oracle_body(data: bytes) -> bytes:
    """What Google's parser reads: the first 500 KiB; UTF-16 re-encoded as kenri does on purpose."""
    decoded_utf16 = rfc9309._utf16_codec(data)
    if decoded_utf16:
        data = data.decode(decoded_utf16, "replace").lstrip("\ufeff").encode("utf-8")
    return data[: rfc9309.MAX_PARSE_BYTES]


def run(limit: int | None, show: int) -> int:
    registry = load_registry_or_raise(REPO / "knowledge")
    crawlers = list(registry)
    files = corpus_files(limit)
    stats: Counter[str] = Counter()
    examples: list[str] = []
    lenient_files: Counter[str] = Counter()
    lenient_kinds: Counter[str] = Counter()
    started = time.perf_counter()
    for name, data in files:
        stats["files"] += 1
        try:
            report = check(data, registry, lenient=False)
        except RobotsInputError as exc:
            stats["refused"] += 1
            examples.append(f"refused {name}: {exc}")
            continue
        except Exception as exc:  # a crash is a bug: count it, show it, go on
            stats["crashes"] += 1
            examples.append(f"CRASH {name}: {type(exc).__name__}: {exc}")
            continue
        body = oracle_body(data)
        parsed = rfc9309.parse(body)
        google_by_token: dict[str, bool] = {}
        unnamed: bool | None = None
        file_bad = model_bad = False
        for row in report.rows:
            token = row.crawler.product_token
            key = token.lower()
            if key in parsed.named:
                want = google_allowed(body, token)
            else:
                if unnamed is None:
                    unnamed = google_allowed(body, "kenri-oracle-unnamed")
                want = unnamed
            google_by_token[row.token] = want
            stats["verdicts"] += 1
            if row.allowed != want:
                stats["verdict_disagreements"] += 1
                file_bad = True
                if len(examples) < 200:
                    examples.append(f"DISAGREE {name}: {row.token} kenri={row.allowed} google={want}")
            if parsed.allowed(key)[0] != want:
                stats["model_disagreements"] += 1
                model_bad = True
                if len(examples) < 200:
                    examples.append(f"MODEL {name}: {row.token} model={not want} google={want}")
        stats["files_disagreeing"] += file_bad
        stats["files_model_disagreeing"] += model_bad
        # lenient parsers (report item 2): protego and urllib.robotparser on the same text
        text = body.decode("utf-8", "replace")
        try:
            rp = Protego.parse(text)
            ur = urllib.robotparser.RobotFileParser()
            ur.parse(text.splitlines())
        except Exception:
            lenient_files["parser crashed"] += 1
            continue
        for parser, fn in (
            ("protego", lambda t, rp=rp: rp.can_fetch(URL, t)),
            ("urllib.robotparser", lambda t, ur=ur: ur.can_fetch(t, URL)),
        ):
            differs = False
            for c in crawlers:
                try:
                    got = fn(c.product_token)
                except Exception:
                    lenient_kinds[f"{parser} crashed"] += 1
                    differs = True
                    break
                if got != google_by_token[c.token]:
                    differs = True
                    lenient_kinds[f"{parser}: {c.token}"] += 1
            lenient_files[parser] += differs
    elapsed = time.perf_counter() - started
    print(f"files: {stats['files']} (corpus {CORPUS.name} + {len(list(SAMPLES.glob('*.txt')))} samples)")
    print(f"oracle: Google's parser via fast-robotstxt (library {rfc9309.google_version()})")
    print(f"registry crawlers per file: {len(crawlers)}; verdicts compared: {stats['verdicts']:,}")
    print(
        f"disagreements with Google's parser: {stats['verdict_disagreements']} verdicts in "
        f"{stats['files_disagreeing']} files"
    )
    print(
        f"kenri's own group model vs Google: {stats['model_disagreements']} verdicts in "
        f"{stats['files_model_disagreeing']} files"
    )
    print(f"crashes: {stats['crashes']}; refused as not text: {stats['refused']}")
    print(
        f"files where protego reads differently from Google: {lenient_files['protego']}; "
        f"urllib.robotparser: {lenient_files['urllib.robotparser']}"
    )
    top = ", ".join(f"{k} ({v})" for k, v in lenient_kinds.most_common(6))
    print(f"most frequent lenient differences: {top}")
    print(f"time: {elapsed:.1f} s ({elapsed / max(1, stats['files']) * 1000:.1f} ms per file, including the oracle)")
    for line in examples[:show]:
        print("  " + line)
    return 1 if stats["verdict_disagreements"] or stats["crashes"] or stats["model_disagreements"] else 0


def batch(n: int) -> int:
    """Time ``python -m bot robots check --file LIST --json`` on the first ``n`` corpus files."""
    files = corpus_files(n)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (name, data) in enumerate(files):
            p = Path(tmp) / f"{i:05d}_{Path(name).name}"
            p.write_bytes(data)
            paths.append(str(p))
        paths.append(str(Path(tmp) / "missing-file.txt"))  # a bad path keeps its line
        listing = Path(tmp) / "list.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "bot", "robots", "check", "--file", str(listing), "--json"],
            capture_output=True,
            cwd=REPO,
            check=False,
        )
        elapsed = time.perf_counter() - started
    out = proc.stdout.decode("utf-8").splitlines()
    objs = [json.loads(line) for line in out]
    in_order = [o["path"] for o in objs] == paths
    errors = sum(1 for o in objs if "error" in o)
    print(
        f"batch: {len(files)} files + 1 missing path -> {len(objs)} lines (in order: {in_order}, "
        f"errors: {errors}) in {elapsed:.1f} s, {len(files) / elapsed:.0f}"
        f" files/s (exit code {proc.returncode})"
    )
    return 0 if in_order and len(objs) == len(paths) and elapsed < 60 else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="check only the first N files")
    ap.add_argument("--show", type=int, default=20, help="print up to N example disagreements")
    ap.add_argument("--batch", type=int, metavar="N", help="also time the batch CLI on N files")
    args = ap.parse_args(argv)
    code = run(args.limit, args.show)
    if args.batch:
        code |= batch(args.batch)
    return code


if __name__ == "__main__":
    sys.exit(main())
