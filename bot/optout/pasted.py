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
from bot.knowledge.i18n import Text
from bot.optout.rfc9309 import RobotsInputError
from bot.optout.robots import CheckReport, CrawlerCheck, check

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
        word = value.group(1) if value else ""
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
    (a few lines in ``lang``, "en" or "ja"), or "" when the question pastes none: how many are
    blocked, then the blocked ones, those a group naming them allows, and those allowed for want of
    a rule, with those refused only some paths apart (at most :data:`MAX_NAMED` named a line)."""
    body = pasted_robots(question)
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
        if not pasted_robots(question):
            return ""
        with self._lock:
            if self._registry is None:
                try:
                    self._registry = load_registry_or_raise(self.knowledge_dir)
                except RegistryError as exc:
                    return _UNCHECKED.get(lang if lang == "ja" else "en").format(error=exc)
        return pasted_verdict(question, self._registry, lang)


def _summary(report: CheckReport, lang: str) -> str:
    training = [r for r in report.training if not r.crawler.community or r.named]
    blocked = [r for r in training if not r.allowed]
    allowed = [r for r in training if r.allowed]

    def names(rows: list[CrawlerCheck]) -> str:
        shown = [r.token for r in rows[:MAX_NAMED]]
        more = len(rows) - len(shown)
        sep = "、" if lang == "ja" else ", "
        text = sep.join(shown)
        return text + (_MORE.get(lang).format(n=more) if more > 0 else "")

    # allowed at "/" but refused some other path its group names (as `kenri robots check` marks
    # "partly"): "Disallow: /private/" keeps the rest of the site open
    partly = [r for r in allowed if r.partial]
    named_allowed = [r for r in allowed if r.named and not r.partial]
    out = [_HEAD.get(lang).format(b=len(blocked), n=len(training))]
    if blocked:
        out.append(_BLOCKED.get(lang).format(names=names(blocked)))
    if partly:
        out.append(_PARTLY.get(lang).format(names=names(partly)))
    if named_allowed:
        out.append(_NAMED_ALLOWED.get(lang).format(names=names(named_allowed)))
    rest = [r for r in allowed if not r.named and not r.partial]
    if rest:
        out.append(_REST_ALLOWED.get(lang).format(names=names(rest)))
    out.append(_MORE_DETAIL.get(lang))
    return "\n".join(out)


_HEAD = Text(
    en="The robots.txt in your message, read as Google's parser reads it (RFC 9309), blocks {b} of "
    "the {n} AI-training crawlers kenri lists.",
    ja="メッセージのrobots.txtは、Googleのパーサーの読み方（RFC 9309）では、kenriの一覧にあるAI学習用クローラー"
    "{n}件のうち{b}件を拒否しています。",
)
_BLOCKED = Text(en="- Blocked: {names}.", ja="- 拒否：{names}")
_PARTLY = Text(
    en="- Blocked from some paths only, the rest of the site allowed: {names}.",
    ja="- 一部のパスだけ拒否し、サイトの残りは許可：{names}",
)
_NAMED_ALLOWED = Text(
    en="- Allowed by a group that names them: {names}.",
    ja="- 名前を書いたグループで許可：{names}",
)
_REST_ALLOWED = Text(
    en="- Allowed, as no group names them and no rule for every crawler (User-agent: *) blocks them: {names}.",
    ja="- どのグループにも名前がなく、全クローラー向け（User-agent: *）の規則でも拒否されないため許可：{names}",
)
_MORE_DETAIL = Text(
    en="For every crawler and the lines to add: `kenri robots check FILE` (or `-` and paste it), or "
    "/robots-check in Discord.",
    ja="全クローラーの結果と追加する行は、`kenri robots check ファイル`（`-` にして貼り付けても可）か、"
    "Discordの /robots-check で確認できます。",
)
_MORE = Text(en=" and {n} more", ja=" ほか{n}件")
_UNCHECKED = Text(
    en="The robots.txt in your message was not checked: kenri's crawler list did not load ({error}).",
    ja="メッセージのrobots.txtはチェックできませんでした。kenriのクローラー一覧を読み込めませんでした（{error}）。",
)
