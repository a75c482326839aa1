"""``kenri sources add | watch | accept`` and ``kenri sources --stale DAYS``.

Registered on the ``sources`` sub-parser by :func:`bot.cli.build_parser`. Imports stay light:
no numpy, LangChain or Chroma (``bot.engine`` loads them lazily, and nothing here asks).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import BotSettings


def _keep_light() -> None:
    """trafilatura imports py3langid (and with it numpy) when it happens to be installed, only to
    offer a language filter kenri never uses. Import trafilatura with that optional import made to
    fail, so ``sources watch`` stays fast to start from cron; then unblock py3langid, which the
    answer engine's model-answer check needs in the same process."""
    if "trafilatura" in sys.modules:
        return
    blocked = "py3langid" not in sys.modules
    if blocked:
        sys.modules["py3langid"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import trafilatura  # noqa: F401
    finally:
        if blocked:
            del sys.modules["py3langid"]


def _fetcher(args: argparse.Namespace, settings: BotSettings) -> Any:
    from bot.sources import PoliteFetcher

    _keep_light()

    return PoliteFetcher(
        timeout=args.timeout,
        deadline=max(60.0, args.timeout * 4),
        delay=args.delay,
        max_bytes=int(settings.max_file_mb * 1024 * 1024),
    )


def _notes(settings: BotSettings, ids: list[str] | None) -> tuple[list[Any], int]:
    """Notes to work on; prints validation problems and unknown ids. Returns (notes, error)."""
    from bot.sources import load_notes

    notes, problems = load_notes(settings.knowledge_dir)
    for p in problems[:20]:
        print(f"warning: {p} (this note is skipped until `python ingest.py --check` passes)", file=sys.stderr)
    if ids:
        known = {n.id: n for n in notes}
        missing = [i for i in ids if i not in known]
        if missing:
            print(
                f"error: no note with id {', '.join(map(repr, missing))} in {settings.knowledge_dir}",
                file=sys.stderr,
            )
            return [], 2
        notes = [known[i] for i in dict.fromkeys(ids)]
    return notes, 0


# ---------------------------------------------------------------------- --stale


def cmd_stale(args: argparse.Namespace, settings: BotSettings) -> int:
    from bot.sources import load_notes

    today = dt.date.today()
    notes, problems = load_notes(settings.knowledge_dir, checklists=True)
    for p in problems[:20]:
        print(f"warning: {p}", file=sys.stderr)
    if args.jurisdiction:
        notes = [n for n in notes if n.jurisdiction in (args.jurisdiction, "INTL")]
    stale = sorted((n for n in notes if n.age_days(today) > args.stale), key=lambda n: (n.verified, n.id))
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": n.id,
                        "verified": n.verified,
                        "age_days": n.age_days(today),
                        "checked": n.checked or None,
                        "jurisdiction": n.jurisdiction,
                        "lang": n.lang,
                        "url": n.url,
                    }
                    for n in stale
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not stale:
        print(f"no note was verified more than {args.stale} days ago ({len(notes)} notes)")
        return 0
    for n in stale:
        checked = n.checked or "-"
        print(
            f"{n.age_days(today):5}d  verified {n.verified}  {checked:8} {n.jurisdiction:4} {n.lang}  {n.id:45} {n.url}"
        )
    print(
        f"{len(stale)} of {len(notes)} notes verified more than {args.stale} days ago "
        "(checked: primary = its own page, copy = a copy, reports = reports of it, - = not stated)"
    )
    return 0


# ---------------------------------------------------------------------- add


def cmd_add(args: argparse.Namespace, settings: BotSettings) -> int:
    from bot.sources import AddError, FingerprintFileError, add, load_notes

    _keep_light()
    notes, _ = load_notes(settings.knowledge_dir)
    fetcher = _fetcher(args, settings) if args.target.startswith(("http://", "https://")) else None
    try:
        draft = add(
            args.target,
            settings.knowledge_dir,
            settings.sources_cache_dir,
            fetcher=fetcher,
            source_id=args.source_id,
            max_bytes=int(settings.max_file_mb * 1024 * 1024),
            existing_ids={n.id for n in notes},
        )
    except (AddError, FingerprintFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if fetcher is not None:
            fetcher.close()
    page = draft.page
    print(f"wrote {draft.path}")
    print(f"  id        {draft.id}")
    print(f"  title     {page.title or '(none found: fill it in)'}")
    print(f"  publisher {page.sitename or '(none found: fill it in)'}")
    print(f"  url       {draft.url or '(local file: fill in the canonical URL)'}")
    print(
        f"  language  {page.lang}   dates stated: " + (", ".join(f"{k} {v}" for k, v in draft.stated.items()) or "none")
    )
    print(
        f"  text      {len(page.text)} characters extracted; fingerprint {draft.sha256[:16]}"
        + (" recorded" if draft.url else " (not recorded: no URL to watch)")
    )
    print(
        "next: write answer-first sections above the marker, fill the TODO fields, move the file to "
        "knowledge/en/ or knowledge/ja/, then run `python ingest.py --check`"
    )
    return 0


# ---------------------------------------------------------------------- watch


class _Interruptible:
    """Ctrl-C during a watch: close the progress bar and say so, instead of a traceback."""

    def __init__(self, bar: Any) -> None:
        self.bar = bar

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> bool:
        if kind is KeyboardInterrupt:
            if self.bar is not None:
                self.bar.close()
            print("interrupted: nothing was recorded", file=sys.stderr)
            raise SystemExit(130)
        return False


def cmd_watch(args: argparse.Namespace, settings: BotSettings) -> int:
    from bot.sources import (
        FingerprintFileError,
        counts,
        exit_code,
        fingerprints_path,
        load_fingerprints,
        now,
        save_report,
        watch_sources,
    )

    notes, err = _notes(settings, args.ids)
    if err:
        return err
    try:
        store = load_fingerprints(fingerprints_path(settings.knowledge_dir))
    except FingerprintFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bar = None
    if not args.json and not args.no_progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(notes), unit="source", file=sys.stderr, desc="watching")
    started = now()
    with _fetcher(args, settings) as fetcher, _Interruptible(bar):
        results = watch_sources(
            notes,
            store,
            fetcher,
            settings.sources_cache_dir,
            workers=args.workers,
            progress=bar.update if bar is not None else None,
        )
    if bar is not None:
        bar.close()
    report = save_report(settings.sources_cache_dir, results, started, now())
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return exit_code(results)
    for r in results:
        if r.status == "unchanged":
            continue
        print(f"{r.status:11} {r.id:45} {r.url}")
        if r.detail:
            print(f"            {r.detail}")
        for line in r.diff.splitlines():
            print(f"              {line}")
    c = counts(results)
    print(
        f"{len(results)} sources checked in {report['seconds']} s: "
        + ", ".join(f"{n} {s}" for s, n in c.items() if n or s in ("changed", "unchanged"))
    )
    if c["changed"] or c["moved"] or c["new"]:
        print("update the notes, then `kenri sources accept ID` (records the text and sets verified:)")
    return exit_code(results)


# ---------------------------------------------------------------------- accept


def cmd_accept(args: argparse.Namespace, settings: BotSettings) -> int:
    from bot.sources import AcceptError, FingerprintFileError, accept, fingerprints_path, load_fingerprints

    if bool(args.ids) == bool(args.new):
        print("give the IDs of the sources to accept, or --new", file=sys.stderr)
        return 2
    store_path = fingerprints_path(settings.knowledge_dir)
    try:
        store = load_fingerprints(store_path)
    except FingerprintFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.new:
        notes, err = _notes(settings, None)
        notes = [n for n in notes if n.id not in store]
        if not notes:
            print("every source already has a fingerprint")
            return 0
    else:
        notes, err = _notes(settings, args.ids)
    if err:
        return err
    today = dt.date.today()
    try:
        with _fetcher(args, settings) as fetcher:
            done = accept(
                notes, store_path, fetcher, settings.sources_cache_dir, today=today, set_verified=not args.new
            )
    except AcceptError as exc:
        print(f"error: {exc} (nothing was recorded)", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": a.id,
                        "sha256": a.fingerprint.sha256,
                        "verified_set": a.verified_changed,
                        "warning": a.note or None,
                    }
                    for a in done
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    for a in done:
        what = f"verified: {today}" if a.verified_changed else "verified: unchanged"
        print(f"accepted {a.id}: fingerprint {a.fingerprint.sha256[:16]}, {what}")
        if a.note:
            print(f"  warning: {a.note}")
    return 0
