"""CLI for the opt-out toolkit: ``optout`` checklists and ``robots`` generate/check.

    python -m bot optout PLATFORM [--lang en|ja] [--json]
    python -m bot optout --list [--lang en|ja]
    python -m bot robots generate [--block training|training+search|all-ai] [--lang en|ja]
    python -m bot robots check FILE|- [--path /x] [--tdmrep FILE] [--ai-txt FILE] [--json] [--lang en|ja]
    python -m bot robots check --file LIST [--json]   # one robots.txt path per line; one line out each

Exit codes: 0 ok, 1 bad input (a clear message, no traceback), 2 usage. Cheap to import: the
toolkit (:mod:`bot.optout`: PyYAML and protego, no numpy) are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _knowledge_dir(settings: Any) -> Path:
    return Path(settings.knowledge_dir)


def _fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


# --------------------------------------------------------------------------- optout


def cmd_optout(args: argparse.Namespace, settings: Any) -> int:
    from bot import knowledge, optout

    if not args.list and not args.platform:
        print("give a PLATFORM (e.g. chatgpt, claude, instagram, x) or --list", file=sys.stderr)
        return 2
    try:
        checklists = knowledge.load_checklists_or_raise(_knowledge_dir(settings))
    except knowledge.ChecklistError as exc:
        return _fail(str(exc))
    if args.list:
        if args.json:
            print(
                json.dumps(
                    [
                        {"platform": c.platform, "names": c.names.to_json(), "aliases": list(c.aliases)}
                        for c in checklists
                    ],
                    ensure_ascii=False,
                    indent=1,
                )
            )
        else:
            print(optout.render_list(checklists, args.lang))
        return 0
    try:
        checklist = knowledge.find_checklist(args.platform, checklists)
    except knowledge.PlatformNotFoundError as exc:
        return _fail(str(exc))
    if args.json:
        print(json.dumps(checklist.to_json(), ensure_ascii=False, indent=1))
    else:
        print(optout.render(checklist, args.lang))
    return 0


# --------------------------------------------------------------------------- robots


def _registry(settings: Any) -> Any:
    from bot.knowledge import load_registry_or_raise

    return load_registry_or_raise(_knowledge_dir(settings))


def cmd_robots_generate(args: argparse.Namespace, settings: Any) -> int:
    from bot.knowledge import RegistryError
    from bot.optout import generate

    try:
        registry = _registry(settings)
    except RegistryError as exc:
        return _fail(str(exc))
    sys.stdout.write(generate(args.block, registry, lang=args.lang))
    return 0


def _read_limited(name: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes so an oversized input is refused without loading it all."""
    return _read_sized(name, max_bytes)[0]


def _read_sized(name: str, max_bytes: int) -> tuple[bytes, int]:
    """The first ``max_bytes + 1`` bytes of a file (or stdin) and the file's whole size."""
    from bot.optout import RobotsInputError, msg

    if name == "-":
        stream = sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        return data, len(data) + len(stream.read()) if len(data) > max_bytes else len(data)
    path = Path(name)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
            size = path.stat().st_size
        return data, max(size, len(data))
    except FileNotFoundError:
        raise RobotsInputError(msg("input_missing", what=name)) from None
    except IsADirectoryError:
        raise RobotsInputError(msg("input_folder", what=name)) from None
    except OSError as exc:
        raise RobotsInputError(msg("input_unreadable", what=name, reason=exc.strerror or exc)) from None


def cmd_robots_check(args: argparse.Namespace, settings: Any) -> int:
    from bot.knowledge import RegistryError
    from bot.optout import MAX_PARSE_BYTES, RobotsInputError, check, check_ai_txt, check_tdmrep

    if args.batch:
        if args.file or args.tdmrep or args.ai_txt or args.path:
            print(
                "--file LIST checks robots.txt files only; give no FILE, --path, --tdmrep or --ai-txt",
                file=sys.stderr,
            )
            return 2
        return _robots_batch(args, settings)
    if not (args.file or args.tdmrep or args.ai_txt):
        print("give a robots.txt FILE ('-' for stdin) and/or --tdmrep FILE / --ai-txt FILE", file=sys.stderr)
        return 2
    if args.max_kib < 1:
        print("--max-kib must be at least 1", file=sys.stderr)
        return 2
    max_bytes = args.max_kib * 1024
    result: dict[str, Any] = {}
    texts: list[str] = []
    try:
        if args.file:
            registry = _registry(settings)
            data, size = _read_sized(args.file, MAX_PARSE_BYTES)
            report = check(data, registry, path=args.path, total_size=size)
            result["robots"] = report.to_json()
            texts.append(report.to_text(args.lang))
        if args.tdmrep:
            tdm = check_tdmrep(_read_limited(args.tdmrep, max_bytes), max_bytes=max_bytes)
            result["tdmrep"] = tdm.to_json()
            texts.append(tdm.to_text(args.lang))
        if args.ai_txt:
            ai = check_ai_txt(_read_limited(args.ai_txt, max_bytes), max_bytes=max_bytes)
            result["ai_txt"] = ai.to_json()
            texts.append(ai.to_text(args.lang))
    except RobotsInputError as exc:
        return _fail(exc.message(args.lang))
    except RegistryError as exc:
        return _fail(str(exc))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(texts))
    return 0


def _robots_batch(args: argparse.Namespace, settings: Any) -> int:
    """``robots check --file LIST``: one output line per listed path, in order; a file that cannot
    be read or checked gets its line with an ``error`` (exit code 1 if any did)."""
    from bot.knowledge import RegistryError
    from bot.optout import MAX_PARSE_BYTES, RobotsInputError, check_batch_line

    try:
        registry = _registry(settings)
        if args.batch == "-":
            listing = sys.stdin.read()
        else:
            try:
                listing = Path(args.batch).read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                return _fail(f"{args.batch}: cannot read the list ({exc.strerror or exc})")
    except RegistryError as exc:
        return _fail(str(exc))
    failed = 0
    for raw in listing.splitlines():
        name = raw.strip()
        if not name:
            continue
        try:
            data, size = _read_sized(name, MAX_PARSE_BYTES)
            line = check_batch_line(name, data, registry, total_size=size)
        except RobotsInputError as exc:
            line = check_batch_line(name, None, registry, error=exc.message(args.lang))
        except Exception as exc:  # a bug must not cost the other files their lines
            error = f"internal error ({type(exc).__name__}): {exc}"
            line = check_batch_line(name, None, registry, error=error)
        failed += "error" in line
        if args.json:
            print(json.dumps(line, ensure_ascii=False, separators=(",", ":")), flush=False)
        elif "error" in line:
            print(f"{name}: error: {line['error']}")
        else:
            s = line["summary"]
            print(
                f"{name}: training blocked {s['training_blocked']}/{s['training_total']}, "
                f"AI search blocked {s['ai_search_blocked']}/{s['ai_search_total']}, "
                f"search engines blocked {s['search_engines_blocked']}/{s['search_engines_total']}"
            )
    sys.stdout.flush()
    return 1 if failed else 0
