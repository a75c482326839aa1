"""``python ingest.py``: validate the corpus and publish a new index version.

Exit codes: 0 success (or nothing to do), 1 bad input (every problem is listed; nothing is
published), 2 usage or environment error (bad flags, another ingest running, rollback impossible).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bot.engine import IndexVersions, ingest, verify_version
from bot.errors import IngestLockedError, KenriError
from bot.knowledge import Limits
from bot.settings import SettingsError, load_settings


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ingest.py",
        description="Validate knowledge/ and publish a new index version (incremental and atomic).",
    )
    p.add_argument("--check", action="store_true", help="validate only; write nothing")
    p.add_argument("--rebuild", action="store_true", help="re-embed every passage (e.g. after changing the encoder)")
    p.add_argument("--rollback", action="store_true", help="publish the previous index version again")
    p.add_argument("--knowledge", type=Path, help="corpus folder (default: KENRI_KNOWLEDGE_DIR or knowledge/)")
    p.add_argument("--index", type=Path, help="index folder (default: KENRI_INDEX_DIR or .kenri/index)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    overrides = {}
    if args.knowledge:
        overrides["knowledge_dir"] = args.knowledge
    if args.index:
        overrides["index_dir"] = args.index
    try:
        settings = load_settings(**overrides)
    except SettingsError as exc:  # names each bad KENRI_* variable, never its value
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    if args.rollback:
        if args.check or args.rebuild:
            print("--rollback cannot be combined with --check or --rebuild", file=sys.stderr)
            return 2
        store = IndexVersions(settings.index_dir)
        try:
            with store.lock():
                before = store.current()
                target = store.rollback(verify=lambda v: verify_version(store.path(v)))
        except KenriError as exc:
            print(f"rollback failed: {exc}", file=sys.stderr)
            return 2
        print(f"rolled back: {before} -> {target}")
        return 0
    if not args.no_progress and not args.check and not sys.stderr.isatty():
        # no terminal for the progress bar (a script, a CI log): say what the wait is for
        print(
            f"ingesting {settings.knowledge_dir}: new or changed notes are embedded "
            "(the first build takes half a minute to about two and a half minutes on two cores; "
            "later runs reuse what is unchanged)",
            file=sys.stderr,
            flush=True,
        )
    try:
        report = ingest.run(
            knowledge_dir=settings.knowledge_dir,
            index_dir=settings.index_dir,
            embedding_model=settings.embedding_model,
            chunk_tokens=settings.chunk_tokens,
            chunk_overlap=settings.chunk_overlap,
            keep_versions=settings.keep_versions,
            limits=Limits(max_file_bytes=int(settings.max_file_mb * 1024 * 1024), max_pdf_pages=settings.max_pdf_pages),
            check=args.check,
            rebuild=args.rebuild,
            progress=False if args.no_progress else None,
            chroma_url=settings.chroma_url,
        )
    except IngestLockedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KenriError as exc:
        print(f"ingest failed, the published index is unchanged: {exc}", file=sys.stderr)
        return 1
    if args.check and report.ok:
        print(f"check passed: {len(report.added) + len(report.updated) + len(report.unchanged)} notes valid")
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1
