"""Handlers of the question commands: ``ask``, ``chat``, ``sources`` (the list), ``about`` and ``run``."""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from bot.settings import BotSettings

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------- helpers


def make_engine(settings: BotSettings) -> Any:
    from bot.engine import Engine

    return Engine.from_settings(settings)


def format_answer(ans: Any) -> str:
    from bot.engine import ANSWER_TEXT
    from bot.knowledge import lookup

    lines = []
    if ans.notice:
        lines += [f"({ans.notice})", ""]
    robots_check = getattr(ans, "robots_check", "")
    if robots_check:
        lines += [robots_check, ""]
    lines.append(ans.text)
    if ans.citations:
        lines.append("")
        verified = lookup(ANSWER_TEXT, "verified", ans.language)
        lines.append(f"{lookup(ANSWER_TEXT, 'sources', ans.language)}:")
        for c in ans.citations:
            lines.append(f"[{c.n}] {c.title} — {c.publisher} ({c.jurisdiction}; {verified} {c.verified})")
            lines.append(f"    {c.url}")
    see_also = getattr(ans, "see_also", None)
    if see_also:
        lines.append("")
        lines.append(f"{lookup(ANSWER_TEXT, 'see_also', ans.language)}:")
        for s in see_also:
            lines.append(f"- {s.title} ({s.jurisdiction})")
            lines.append(f"    {s.url}")
    return "\n".join(lines)


# A follow-up in the chat, as people type one: short and opening with "and", "what about", "also",
# 「じゃあ」…, or very short and ending 「…は？」 (「日本では？」; a whole question ends so too:
# 「Xの学習をオフにする方法は？」). Discord knows a follow-up from the reply; the chat from its words.
# Bounded: read on at most FOLLOW_UP_MAX_CHARS characters.
_FOLLOW_UP = re.compile(
    r"^(?:and|also|but|then|ok(?:ay)?,?\s+(?:and|what about|how about)|what about|how about|same (?:for|with)"
    r"|what if)\b|^(?:じゃあ|では|それ|あと|なら|他に|ほかに)",
    re.IGNORECASE,
)
_FOLLOW_UP_END = re.compile(r"(?:は|なら|だと|の場合は)[？?]$")
FOLLOW_UP_MAX_CHARS = 60
FOLLOW_UP_END_MAX_CHARS = 12


def is_follow_up(question: str, previous: str | None) -> bool:
    """``question`` follows up ``previous`` in the chat (and is searched with it, as Discord joins a
    reply to the question it answers: :meth:`bot.engine.Engine.follow_up`). Not when it stands
    alone: a new question, one over ``FOLLOW_UP_MAX_CHARS`` characters (or, for one that only ends
    like a follow-up, ``FOLLOW_UP_END_MAX_CHARS``), or one in another language than ``previous``
    (an answer is given in its question's language)."""
    from bot.engine import detect_language

    q = question.strip()
    if not previous or len(q) > FOLLOW_UP_MAX_CHARS:
        return False
    if not (_FOLLOW_UP.search(q) or (len(q) <= FOLLOW_UP_END_MAX_CHARS and _FOLLOW_UP_END.search(q))):
        return False
    return detect_language(q) == detect_language(previous)


def make_robots_check(settings: BotSettings) -> Any:
    """Reads a robots.txt pasted in a question (:class:`bot.optout.PastedRobots`)."""
    from bot import optout

    return optout.PastedRobots(Path(settings.knowledge_dir))


def _answer_one(
    engine: Any,
    question: str,
    jurisdiction: str | None,
    as_json: bool,
    out: TextIO,
    robots: Any = None,
    searched: str | None = None,
) -> bool:
    """Answer ``question`` (searching ``searched`` instead when given: a follow-up with the
    question it follows) and write it; False when the question had nothing to search."""
    from bot.errors import EmptyQuestionError

    try:
        ans = engine.answer(searched or question, jurisdiction=jurisdiction)
    except EmptyQuestionError as exc:
        if as_json:
            out.write(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False) + "\n")
        else:
            out.write(f"{exc}\n")
        return False
    if robots is not None:
        ans.robots_check = robots.verdict(question, ans.language)
    if as_json:
        out.write(json.dumps(ans.to_json(), ensure_ascii=False) + "\n")
    else:
        out.write(format_answer(ans) + "\n")
    out.flush()
    return True


def _batch_lines(fh: Any) -> Iterator[tuple[int, str, str | None]]:
    """(line number, question, error) for each line of a batch file or stdin, decoded one line
    at a time: a line that is not UTF-8 is that line's error, not the end of the batch."""
    raw = getattr(fh, "buffer", fh)
    for n, line in enumerate(raw, 1):
        if isinstance(line, str):
            yield n, line.rstrip("\r\n"), None
            continue
        if n == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark
        try:
            yield n, line.decode("utf-8").rstrip("\r\n"), None
        except UnicodeDecodeError as exc:
            yield n, "", f"line {n} is not UTF-8 (byte {exc.start + 1} of the line); save the file as UTF-8"


def _line_error(n: int, error: str, as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(json.dumps({"line": n, "error": error}, ensure_ascii=False) + "\n")
    else:
        out.write(f"{error}\n")
    out.flush()


# ---------------------------------------------------------------------- commands


def cmd_ask(args: argparse.Namespace, settings: BotSettings) -> int:
    if args.question is not None and args.file:
        print("give either a QUESTION or --file FILE, not both", file=sys.stderr)
        return 2
    if args.question is None and not args.file:
        print("give a QUESTION (in quotes) or --file FILE", file=sys.stderr)
        return 2
    if args.question is not None and not args.question.strip():
        # `kenri ask ""` or an unset shell variable: say what is wrong before loading the index
        print("the question is empty: type a question, or give --file FILE", file=sys.stderr)
        return 2
    engine = make_engine(settings)
    robots = make_robots_check(settings)
    try:
        if args.question is not None:
            return 0 if _answer_one(engine, args.question, args.jurisdiction, args.json, sys.stdout, robots) else 1
        try:
            fh = sys.stdin if args.file == "-" else open(args.file, "rb")  # noqa: SIM115
        except OSError as exc:
            print(f"cannot read --file {args.file}: {exc.strerror}", file=sys.stderr)
            return 2
        try:
            for n, question, error in _batch_lines(fh):
                if error is not None:
                    _line_error(n, error, args.json, sys.stdout)
                else:  # a blank line gets its error line too, so output lines match input lines
                    _answer_one(engine, question, args.jurisdiction, args.json, sys.stdout, robots)
        finally:
            if fh is not sys.stdin:
                fh.close()
        return 0
    finally:
        engine.close()


def cmd_chat(args: argparse.Namespace, settings: BotSettings, stdin: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    engine = make_engine(settings)
    robots = make_robots_check(settings)
    about = engine.about()
    print(
        f"kenri — {about['sources']} sources ({about['documents']} documents), index {about['version']}. "
        "Ask in English or Japanese; an empty line or Ctrl-D quits."
    )
    previous: str | None = None
    try:
        while True:
            if stdin.isatty():
                try:
                    question = input("? ")
                except EOFError:
                    break
            else:
                line = stdin.readline()
                if not line:
                    break
                question = line.rstrip("\n")
                print(f"? {question}")
            if not question.strip():
                break
            searched = None
            if previous is not None and is_follow_up(question, previous):
                print(f"(a follow-up to: {previous})")
                searched = engine.follow_up(question, previous)
            else:
                previous = question.strip()
            _answer_one(engine, question, args.jurisdiction, False, sys.stdout, robots, searched)
            print()
    except KeyboardInterrupt:
        print()
    finally:
        engine.close()
    return 0


def cmd_sources(args: argparse.Namespace, settings: BotSettings) -> int:
    if getattr(args, "stale", None) is not None:
        from bot.cli.sources import cmd_stale

        return cmd_stale(args, settings)
    engine = make_engine(settings)
    try:
        metas = engine.sources(args.jurisdiction)
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "id": m.id,
                            "title": m.title,
                            "publisher": m.publisher,
                            "url": m.url,
                            "jurisdiction": m.jurisdiction,
                            "lang": m.lang,
                            "verified": m.verified,
                            "checked": m.checked,
                        }
                        for m in metas
                    ],
                    ensure_ascii=False,
                    indent=1,
                )
            )
        else:
            for m in metas:
                checked = m.checked or "?"
                print(f"{m.jurisdiction:4} {m.lang}  {m.id:50} verified {m.verified} ({checked:7})  {m.url}")
    finally:
        engine.close()
    return 0


def cmd_about(args: argparse.Namespace, settings: BotSettings) -> int:
    engine = make_engine(settings)
    try:
        info = engine.about()
    finally:
        engine.close()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=1))
    else:
        for k, v in info.items():
            print(f"{k}: {v}")
    return 0


def cmd_run(args: argparse.Namespace, settings: BotSettings) -> int:
    if settings.discord_token is None:
        print("KENRI_DISCORD_TOKEN is not set; use `python -m bot chat` for the local CLI", file=sys.stderr)
        return 2
    from bot.discord_app.runner import run_bot

    return run_bot(settings)
