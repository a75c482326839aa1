"""CLI for the opt-out toolkit: ``optout`` checklists and ``robots`` generate/check.

    python -m bot optout PLATFORM [--lang en|ja] [--json]
    python -m bot optout --list [--lang en|ja]
    python -m bot robots generate [--block training|training+search|all-ai] [--lang en|ja]
    python -m bot robots check FILE|- [--path /x] [--tdmrep FILE] [--ai-txt FILE] [--json] [--lang en|ja]

Exit codes: 0 ok, 1 bad input (a clear message, no traceback), 2 usage. Cheap to import: the
engine modules (PyYAML and protego only) are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, BinaryIO

LANG_CHOICES = ("en", "ja")
POLICY_CHOICES = ("training", "training+search", "all-ai")  # = bot.engine.robots.POLICIES
DEFAULT_MAX_KIB = 512


def register(subparsers: Any) -> None:
    """Add the ``optout`` and ``robots`` subcommands."""
    p = subparsers.add_parser("optout", help="per-platform opt-out checklist (e.g. chatgpt, claude, instagram, x)")
    p.add_argument("platform", nargs="?", help="platform, product or alias: openai, chatgpt, claude, instagram, x …")
    p.add_argument("--lang", choices=LANG_CHOICES, default="en", help="language of the checklist")
    p.add_argument("--list", action="store_true", help="list the platforms with checklists")
    p.add_argument("--json", action="store_true", help="print the checklist data as JSON")
    p.set_defaults(func=cmd_optout)

    p = subparsers.add_parser("robots", help="generate or check robots.txt rules for AI crawlers")
    p.set_defaults(func=_robots_usage, _robots_parser=p)
    rsub = p.add_subparsers(dest="robots_command", metavar="ACTION")

    g = rsub.add_parser("generate", help="print robots.txt groups that block AI crawlers")
    g.add_argument("--block", choices=POLICY_CHOICES, default="training",
                   help="training (default): training crawlers only; training+search: also AI search "
                        "crawlers; all-ai: also user-triggered fetchers, ads and preview bots")
    g.add_argument("--lang", choices=LANG_CHOICES, default="en", help="language of the comments")
    g.set_defaults(func=cmd_robots_generate)

    c = rsub.add_parser("check", help="check a robots.txt (and tdmrep.json / ai.txt) against the AI crawlers")
    c.add_argument("file", nargs="?", help="robots.txt to check ('-' for stdin)")
    c.add_argument("--path", help="also evaluate this URL path (e.g. /gallery/)")
    c.add_argument("--tdmrep", metavar="FILE", help="a /.well-known/tdmrep.json to summarise")
    c.add_argument("--ai-txt", metavar="FILE", dest="ai_txt", help="a Spawning ai.txt to summarise")
    c.add_argument("--json", action="store_true", help="print JSON instead of a table")
    c.add_argument("--lang", choices=LANG_CHOICES, default="en")
    c.add_argument("--max-kib", type=int, default=DEFAULT_MAX_KIB, metavar="N",
                   help=f"refuse inputs larger than N KiB (default {DEFAULT_MAX_KIB})")
    c.set_defaults(func=cmd_robots_check)


def _knowledge_dir(settings: Any) -> Path:
    return Path(settings.knowledge_dir)


def _fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


# --------------------------------------------------------------------------- optout


def cmd_optout(args: argparse.Namespace, settings: Any) -> int:
    from .engine import optout

    if not args.list and not args.platform:
        print("give a PLATFORM (e.g. chatgpt, claude, instagram, x) or --list", file=sys.stderr)
        return 2
    try:
        checklists = optout.load_checklists_or_raise(_knowledge_dir(settings))
    except optout.ChecklistError as exc:
        return _fail(str(exc))
    if args.list:
        if args.json:
            print(json.dumps([{"platform": c.platform, "names": c.names.to_json(), "aliases": list(c.aliases)}
                              for c in checklists], ensure_ascii=False, indent=1))
        else:
            print(optout.render_list(checklists, args.lang))
        return 0
    try:
        checklist = optout.find(args.platform, checklists)
    except optout.PlatformNotFoundError as exc:
        return _fail(str(exc))
    if args.json:
        print(json.dumps(checklist.to_json(), ensure_ascii=False, indent=1))
    else:
        print(optout.render(checklist, args.lang))
    return 0


# --------------------------------------------------------------------------- robots


def _robots_usage(args: argparse.Namespace, settings: Any) -> int:
    args._robots_parser.print_usage(sys.stderr)
    print("choose an action: generate or check", file=sys.stderr)
    return 2


def _registry(settings: Any) -> Any:
    from .engine.crawlers import load_registry_or_raise

    return load_registry_or_raise(_knowledge_dir(settings))


def cmd_robots_generate(args: argparse.Namespace, settings: Any) -> int:
    from .engine.crawlers import RegistryError
    from .engine.robots import generate

    try:
        registry = _registry(settings)
    except RegistryError as exc:
        return _fail(str(exc))
    sys.stdout.write(generate(args.block, registry, lang=args.lang))
    return 0


def _read_limited(name: str, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    """Read at most ``max_bytes + 1`` bytes so an oversized input is refused without loading it all."""
    from .engine.robots import RobotsInputError

    if name == "-":
        stream = stdin or sys.stdin.buffer
        return stream.read(max_bytes + 1)
    path = Path(name)
    try:
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise RobotsInputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise RobotsInputError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise RobotsInputError(f"{name}: cannot read ({exc.strerror})") from None


def cmd_robots_check(args: argparse.Namespace, settings: Any) -> int:
    from .engine.crawlers import RegistryError
    from .engine.robots import RobotsInputError, check, check_ai_txt, check_tdmrep

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
            report = check(_read_limited(args.file, max_bytes), registry, path=args.path, max_bytes=max_bytes)
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
    except (RobotsInputError, RegistryError) as exc:
        return _fail(str(exc))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(texts))
    return 0
