"""A robots.txt pasted into a question ("here's my robots.txt: User-agent: GPTBot Allow: / … does
this block AI?"), read with the checker and summed up in a few lines.

* :func:`pasted_robots` finds the groups a message quotes, on their own lines or run together on
  one line (a chat client or the question's cleaning joins the lines), and writes them back one
  directive per line.
* :func:`pasted_verdict` checks them (:func:`bot.optout.robots.check`: RFC 9309 as Google's parser
  reads it) for the AI-training crawlers of kenri's registry and says which the file blocks, which
  a group naming them allows, and which it allows for want of a rule.

The verdict is computed, not cited: it says what the pasted lines do, and the answer's cited text
says what blocking a crawler means. Pure and synchronous; linear in the message's length.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from bot.knowledge.crawlers import Registry, RegistryError, load_registry_or_raise
from bot.optout.rfc9309 import RobotsInputError
from bot.optout.robots import CheckReport, CrawlerCheck, check
from bot.optout.robots_messages import msg

# RFC 9309's group and rule keys (section 2.2), as people write them: any case, space before the
# colon, a Japanese keyboard's full-width colon. Bounded: each match reads one key and its colon.
_DIRECTIVE = re.compile(r"(?<![\w-])(user-agent|allow|disallow)[ \t]{0,8}[:：]", re.I)
# a rule's value is one word of printable ASCII: a path has no space (and a pasted one is
# percent-encoded), and what follows it is the question again, in Japanese with no space between
# (「Disallow: /で合ってる？」)
_VALUE = re.compile(r"[ \t]*([!-\"$-~]*)")
MAX_PASTED_DIRECTIVES = 200  # a pasted file longer than this is read up to here
MAX_NAMED = 12  # crawlers named in a line before "and N more" (the main training crawlers are fewer)


def pasted_robots(question: str) -> str:
    """The robots.txt groups ``question`` pastes, one directive per line (``"User-agent: GPTBot\\n
    Allow: /\\n"``), or "" when it quotes no group: at least one ``User-agent`` line followed by an
    ``Allow`` or ``Disallow`` rule. A question that only names the keys ("what does Disallow:
    mean?") quotes no group. Linear: each directive is read once, at most
    :data:`MAX_PASTED_DIRECTIVES`."""
    lines: list[str] = []
    agents = rules = 0
    for m in _DIRECTIVE.finditer(question):
        if len(lines) >= MAX_PASTED_DIRECTIVES:
            break
        key = m.group(1).casefold()
        value = _VALUE.match(question, m.end())
        # (a quote or backtick closes the message's quotation, never part of the value: 'add
        # "User-agent: GPTBot Disallow: /" to robots.txt' read the path as '/"', fresh-user check 99)
        word = value.group(1).split('"')[0].split("`")[0] if value else ""
        if _DIRECTIVE.match(word):
            word = ""  # "Disallow: User-agent: …": an empty rule, then the next directive
        if key == "user-agent":
            if not word:
                continue
            agents += 1
            lines.append(f"User-agent: {word}")
        elif agents:
            # a path starts with "/" (RFC 9309 2.2.2; Google also takes "*"): "Disallow: is that
            # enough?" is an empty rule, then the question
            word = word if word.startswith(("/", "*")) else ""
            rules += 1
            lines.append(f"{key.capitalize()}: {word}")
    if not (agents and rules):
        return ""
    return "\n".join(lines) + "\n"


def pasted_verdict(question: str, registry: Registry, lang: str = "en") -> str:
    """What the robots.txt pasted in ``question`` does to the AI-training crawlers of ``registry``
    (:func:`check_pasted` of :func:`pasted_robots`), or "" when the question pastes none."""
    return check_pasted(pasted_robots(question), registry, lang)


def check_pasted(body: str, registry: Registry, lang: str = "en") -> str:
    """What the robots.txt groups ``body`` (as :func:`pasted_robots` writes them) do to the
    AI-training crawlers of ``registry``, a few lines in ``lang`` ("en" or "ja"), or "" for an
    empty ``body``: how many are blocked, then the blocked ones, those a group naming them allows,
    and those allowed for want of a rule, with those refused only some paths apart (at most
    :data:`MAX_NAMED` named a line)."""
    if not body:
        return ""
    try:
        report = check(body, registry, lenient=False)
    except RobotsInputError:
        return ""
    return _summary(report, lang if lang == "ja" else "en")


class PastedRobots:
    """:func:`pasted_verdict` with the crawler registry of ``knowledge_dir``, loaded the first time
    a question pastes a robots.txt (about 0.2 s kept off the start) and reused after. A registry
    that does not load gives a one-line verdict that names the error; the answer is still given.
    Thread-safe."""

    def __init__(self, knowledge_dir: Path) -> None:
        self.knowledge_dir = knowledge_dir
        self._registry: Registry | None = None
        self._lock = threading.Lock()

    def verdict(self, question: str, lang: str = "en") -> str:
        body = pasted_robots(question)
        if not body:
            return ""
        with self._lock:
            if self._registry is None:
                try:
                    self._registry = load_registry_or_raise(self.knowledge_dir)
                except RegistryError as exc:
                    return msg("pasted_unchecked", error=exc).get(lang)
        return check_pasted(body, self._registry, lang)


def _summary(report: CheckReport, lang: str) -> str:
    training = [r for r in report.training if not r.crawler.community or r.named]
    blocked = [r for r in training if not r.allowed]
    allowed = [r for r in training if r.allowed]

    def names(rows: list[CrawlerCheck]) -> str:
        shown = [r.token for r in rows[:MAX_NAMED]]
        more = len(rows) - len(shown)
        sep = "、" if lang == "ja" else ", "
        text = sep.join(shown)
        return text + (msg("pasted_more", n=more).get(lang) if more > 0 else "")

    # allowed at "/" but refused some other path its group names (as `kenri robots check` marks
    # "partly"): "Disallow: /private/" keeps the rest of the site open
    partly = [r for r in allowed if r.partial]
    named_allowed = [r for r in allowed if r.named and not r.partial]
    out = [msg("pasted_head", b=len(blocked), n=len(training)).get(lang)]
    if blocked:
        out.append(msg("pasted_blocked", names=names(blocked)).get(lang))
    if partly:
        out.append(msg("pasted_partly", names=names(partly)).get(lang))
    if named_allowed:
        out.append(msg("pasted_named_allowed", names=names(named_allowed)).get(lang))
    rest = [r for r in allowed if not r.named and not r.partial]
    if rest:
        out.append(msg("pasted_rest_allowed", names=names(rest)).get(lang))
    out.append(msg("pasted_more_detail").get(lang))
    return "\n".join(out)
