"""Answers, sources and stats as Discord embeds, always within Discord's limits.

Every Discord size limit the front end relies on is a constant here, and every function is pure
(no I/O, no client): tests check the limits with arbitrary input. Lengths are counted in UTF-16
code units (:func:`dlen`), which is never less than the number of code points, so a message that
fits here fits Discord however it counts.

User text (questions) is echoed only escaped and truncated (:func:`echo`). Corpus text (answers,
quotes, titles) has its mentions neutralised: embeds never ping, but ``<@123>`` would still
render as a mention.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import discord

from bot.engine import Answer, Citation
from bot.knowledge import NoteMeta, jurisdiction_name

from .i18n import t

# ----------------------------------------------------------------------------- Discord limits
CONTENT_MAX = 2000  # message content
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
AUTHOR_NAME_MAX = 256
EMBED_TOTAL_MAX = 6000  # over all embeds of one message
EMBEDS_PER_MESSAGE = 10
URL_MAX = 2048
BUTTON_LABEL_MAX = 80
CUSTOM_ID_MAX = 100
BUTTONS_PER_ROW = 5
THREAD_NAME_MAX = 100
CHOICES_MAX = 25  # autocomplete choices
CHOICE_NAME_MAX = 100

# ----------------------------------------------------------------------------- our own choices
QUESTION_ECHO_MAX = 200  # a question is never echoed longer than this
CITATION_NAME_MAX = 200
SOURCES_PER_PAGE = 8
SOURCE_TITLE_MAX = 100
SOURCE_LINK_URL_MAX = 300  # longer URLs are shown without a masked link in lists
MIN_DESCRIPTION = 600  # an answer always keeps at least this much text

COLOR_ANSWER = 0x5865F2
COLOR_UNANSWERED = 0x99AAB5
COLOR_CURATED = 0xF1C40F
COLOR_INFO = 0x2B9E8F

ELLIPSIS = "…"
_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}
_MENTION_TOKEN = re.compile(r"<(?:@[!&]?|#)\d+>")


# ----------------------------------------------------------------------------- text helpers
def dlen(text: str) -> int:
    """Length as Discord may count it: UTF-16 code units (astral characters count twice)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _prefix_within(text: str, budget: int) -> str:
    """The longest prefix of ``text`` whose :func:`dlen` is at most ``budget``."""
    if budget <= 0:
        return ""
    if dlen(text) <= budget:
        return text
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > budget:
            return text[:i]
    return text


def truncate(text: str, limit: int, *, ellipsis: str = ELLIPSIS) -> str:
    """Cut ``text`` to at most ``limit`` units, cleanly.

    Prefers a paragraph, sentence, line or word boundary near the end, closes a code fence
    left open, never leaves a dangling backslash, and marks the cut with ``ellipsis``.
    """
    if limit <= 0:
        return ""
    if dlen(text) <= limit:
        return text
    if dlen(ellipsis) >= limit:
        return _prefix_within(text, limit)
    fence = "\n```"
    for reserve in (0, dlen(fence)):
        cut = _prefix_within(text, limit - dlen(ellipsis) - reserve)
        at_boundary = text[len(cut) : len(cut) + 1].isspace()
        floor = len(cut) if at_boundary else int(len(cut) * 0.7)
        for sep, keep in (("\n\n", 0), ("\n", 0), ("。", 1), (". ", 1), ("、", 1), (" ", 0)):
            pos = cut.rfind(sep)
            if pos >= floor and pos > 0:
                cut = cut[: pos + keep]
                break
        cut = cut.rstrip().rstrip("\\")
        if cut.count("```") % 2 == 0:
            return cut + ellipsis
        if reserve:
            return cut + ellipsis + fence
    return ELLIPSIS  # pragma: no cover - the loop always returns


def one_line(text: str) -> str:
    """Collapse whitespace to single spaces and drop control, zero-width and bidi characters."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        " " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _CONTROL
    )
    return " ".join(text.split())


def neutralise(text: str) -> str:
    """Stop ``@everyone``, ``@here``, user, role and channel mentions from rendering."""
    text = discord.utils.escape_mentions(text)
    return re.sub(r"<#(\d+)>", "<#\u200b\\1>", text)


def echo(text: str, limit: int = QUESTION_ECHO_MAX) -> str:
    """A user's text made safe to show: one line, markdown and mentions escaped, truncated."""
    safe = discord.utils.escape_markdown(neutralise(one_line(text)))
    return truncate(safe, limit)


def inline(text: str, limit: int) -> str:
    """Corpus text for a title, name or label: one line, mentions neutralised, truncated."""
    return truncate(neutralise(one_line(text)), limit)


def link_text(text: str, limit: int) -> str:
    """Text for inside a masked link ``[text](url)``: markdown escaped, brackets removed."""
    safe = discord.utils.escape_markdown(neutralise(one_line(text))).replace("\\[", "(").replace("\\]", ")")
    return truncate(safe.replace("[", "(").replace("]", ")"), limit)


def safe_url(url: str | None, limit: int = URL_MAX) -> str | None:
    """An http(s) URL with spaces, brackets and parentheses percent-encoded, or None.

    The result can be used as an embed URL and inside a masked link without breaking markdown.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc or "." not in parts.netloc:
        return None
    netloc = parts.netloc
    if not netloc.isascii():
        try:
            netloc = netloc.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    keep = "/:@!$&'*+,;=%~-._"
    result = urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=keep),
            quote(parts.query, safe=keep + "?"),
            quote(parts.fragment, safe=keep + "?"),
        )
    )
    return result if len(result) <= limit else None


_LINK = re.compile(
    r"\[(?P<text>[^\[\]\n]{0,300})\]\(\s*<?(?P<target>[^()\s<>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)"  # [text](url)
    r"|<?(?P<bare>\b[a-z][a-z0-9+.-]{1,20}://[^\s<>`]+)>?",  # https://... or <https://...>
    re.IGNORECASE,
)


def _link_key(url: str) -> str | None:
    safe = safe_url(url)
    return safe.rstrip("/") if safe else None


def neutralise_links(text: str, allowed: Sequence[str]) -> str:
    """Links in model-written text stay links only when they are one of ``allowed`` (the cited
    sources' URLs); any other link is shown as plain text in inline code, so it cannot be
    clicked or previewed. ``[text](url)`` becomes ``text (`url`)``. Linear in ``len(text)``."""
    keys = {k for k in (_link_key(u) for u in allowed) if k}

    def plain(url: str) -> str:
        return "`" + url.replace("`", "") + "`"

    def swap(m: re.Match[str]) -> str:
        if m.group("target") is not None:
            target = m.group("target")
            inner = _LINK.sub(swap, m.group("text"))  # only bare URLs: the text holds no "]"
            if _link_key(target) in keys:
                return m.group(0).replace(m.group("text"), inner, 1)
            return f"{inner} ({plain(target)})"
        url = m.group("bare")
        tail = ""
        while url and url[-1] in ".,;:!?)]'\"":
            tail = url[-1] + tail
            url = url[:-1]
        if _link_key(url) in keys:
            return m.group(0)
        return plain(url) + tail

    return _LINK.sub(swap, text)


def thread_name(question: str) -> str:
    """A thread name for a question: one line, no mention tokens, at most 100 characters."""
    # one_line first: NFKC turns "＠everyone" into "@everyone"; "@@everyone" must not leave "@everyone"
    # (?<!@): a run of @ is tried once, not from each of its characters (quadratic)
    text = re.sub(r"(?<!@)@+(?=everyone|here)", "", _MENTION_TOKEN.sub(" ", one_line(question)))
    text = " ".join(text.split()) or "kenri"
    return truncate(text, THREAD_NAME_MAX)


def content(text: str) -> str:
    """Message content cut to Discord's 2000-character limit."""
    return truncate(text, CONTENT_MAX)


def embed_length(embed: discord.Embed) -> int:
    """The length Discord counts for one embed (title, description, fields, footer, author)."""
    total = dlen(embed.title or "") + dlen(embed.description or "")
    total += sum(dlen(f.name or "") + dlen(f.value or "") for f in embed.fields)
    total += dlen(embed.footer.text or "") + dlen(embed.author.name or "")
    return total


def check_embeds(embeds: Sequence[discord.Embed]) -> None:
    """Raise ValueError when embeds would be rejected by Discord (used by tests and as a guard)."""
    if len(embeds) > EMBEDS_PER_MESSAGE:
        raise ValueError(f"{len(embeds)} embeds > {EMBEDS_PER_MESSAGE}")
    for e in embeds:
        for name, value, limit in (
            ("title", e.title or "", EMBED_TITLE_MAX),
            ("description", e.description or "", EMBED_DESCRIPTION_MAX),
            ("footer", e.footer.text or "", FOOTER_MAX),
            ("author", e.author.name or "", AUTHOR_NAME_MAX),
            ("url", e.url or "", URL_MAX),
        ):
            if dlen(value) > limit:
                raise ValueError(f"embed {name} is {dlen(value)} > {limit}")
        if len(e.fields) > EMBED_FIELDS_MAX:
            raise ValueError(f"{len(e.fields)} fields > {EMBED_FIELDS_MAX}")
        for f in e.fields:
            if not f.name or not f.value:
                raise ValueError("empty field name or value")
            if dlen(f.name) > FIELD_NAME_MAX or dlen(f.value) > FIELD_VALUE_MAX:
                raise ValueError("field too long")
    total = sum(embed_length(e) for e in embeds)
    if total > EMBED_TOTAL_MAX:
        raise ValueError(f"embeds total {total} > {EMBED_TOTAL_MAX}")


# ----------------------------------------------------------------------------- answers
@dataclass(frozen=True)
class CuratedLink:
    """A moderator-pinned answer to show beside a fresh one."""

    question: str
    jump_url: str


def _citation_field(c: Citation, lang: str, value_max: int) -> tuple[str, str]:
    name = f"[{c.n}] " + inline(c.title or c.source_id or "?", CITATION_NAME_MAX)
    url = safe_url(c.url, limit=max(0, FIELD_VALUE_MAX - 40))
    link = f"[{t(lang, 'open_source')}]({url})" if url else t(lang, "no_link")
    meta = " · ".join(
        part
        for part in (
            discord.utils.escape_markdown(inline(c.publisher, 200)),
            jurisdiction_name(c.jurisdiction, lang),
            f"{t(lang, 'verified')} {inline(c.verified, 40)}" if c.verified else "",
        )
        if part
    )
    if value_max < dlen(link) + 2:  # no room for metadata: keep the link, it is what matters
        return truncate(name, FIELD_NAME_MAX), link if dlen(link) <= FIELD_VALUE_MAX else t(lang, "no_link")
    meta = truncate(meta or "-", min(FIELD_VALUE_MAX, value_max) - dlen(link) - 1)
    return truncate(name, FIELD_NAME_MAX), f"{meta}\n{link}"


def _see_also_field(answer: Answer, lang: str) -> tuple[str, str] | None:
    """Relevant sources the answer text does not use, as one unnumbered field of links."""
    lines = []
    for s in getattr(answer, "see_also", None) or []:
        url = safe_url(s.url, limit=300)
        title = inline(s.title or s.source_id, 80)
        lines.append(f"[{title}]({url})" if url else title)
    value = truncate("\n".join(lines), FIELD_VALUE_MAX)
    return (t(lang, "see_also"), value) if lines else None


def curated_embed(curated: CuratedLink, lang: str) -> discord.Embed:
    """The '📌 A moderator pinned an answer to a similar question' embed."""
    url = safe_url(curated.jump_url)
    embed = discord.Embed(title=truncate(t(lang, "curated_title"), EMBED_TITLE_MAX), url=url, color=COLOR_CURATED)
    desc = f"> {echo(curated.question, QUESTION_ECHO_MAX)}"
    if url:
        desc += f"\n[{t(lang, 'curated_open')}]({url})"
    embed.description = truncate(desc, EMBED_DESCRIPTION_MAX)
    return embed


def answer_embeds(
    answer: Answer,
    *,
    lang: str,
    question: str,
    index_version: str | None = None,
    curated: CuratedLink | None = None,
) -> list[discord.Embed]:
    """The answer as embeds: the answer with [n] markers, one field per source, a 'not legal
    advice' footer, and optionally the curated-answer embed. Always within Discord's limits."""
    extra = [curated_embed(curated, lang)] if curated else []
    extra_len = sum(embed_length(e) for e in extra)
    title = truncate(f"❓ {echo(question, QUESTION_ECHO_MAX)}", EMBED_TITLE_MAX)
    footer = t(lang, "disclaimer")
    if index_version:
        footer += f" · index {index_version}"
    footer = truncate(footer, FOOTER_MAX)
    citations = list(answer.citations)[:EMBED_FIELDS_MAX]
    room = EMBED_TOTAL_MAX - extra_len - dlen(title) - dlen(footer)
    # Each source field gets an equal share of what the description does not need.
    field_share = FIELD_NAME_MAX + FIELD_VALUE_MAX
    if citations:
        field_share = max(60, min(field_share, (room - MIN_DESCRIPTION) // len(citations)))
    fields = []
    for c in citations:
        name, value = _citation_field(c, lang, value_max=min(FIELD_VALUE_MAX, max(0, field_share - 60)))
        if dlen(name) + dlen(value) > field_share:
            name = truncate(name, max(8, field_share - dlen(value)))
        fields.append((name, value))
    body = neutralise(neutralise_links(answer.text.strip(), [c.url for c in answer.citations])) or "-"
    if answer.robots_check:
        # the verdict on a pasted robots.txt answers "does this block AI?" first
        body = f"{neutralise(answer.robots_check)}\n\n{body}"
    if answer.notice:
        body = f"*{neutralise(one_line(answer.notice))}*\n\n{body}"
    budget = min(EMBED_DESCRIPTION_MAX, room - sum(dlen(n) + dlen(v) for n, v in fields))
    if dlen(body) > budget:
        note = "\n\n" + t(lang, "shortened")
        body = truncate(body, max(1, budget - dlen(note))) + (note if budget > dlen(note) + 20 else "")
    embed = discord.Embed(
        title=title,
        description=body,
        color=COLOR_ANSWER if answer.answered else COLOR_UNANSWERED,
    )
    for name, value in fields:
        embed.add_field(name=name, value=value, inline=False)
    see_also = _see_also_field(answer, lang)
    if (
        see_also
        and len(fields) < EMBED_FIELDS_MAX
        and embed_length(embed) + sum(map(dlen, see_also)) + extra_len + dlen(footer) <= EMBED_TOTAL_MAX
    ):
        embed.add_field(name=see_also[0], value=see_also[1], inline=False)
    embed.set_footer(text=footer)
    embeds = [embed, *extra]
    _enforce_total(embeds)
    return embeds


def quote_messages(citations: Sequence[Citation], *, lang: str) -> list[list[discord.Embed]]:
    """The 'Sources & quotes' view: one embed per source with its quoted passage, grouped into
    as many messages as needed (at most 10 embeds and 6000 characters each)."""
    groups: list[list[Citation]] = []
    for c in citations:
        if not groups or len(groups[-1]) >= 5:
            groups.append([])
        groups[-1].append(c)
    messages = []
    for group in groups:
        titles = [
            truncate(f"[{c.n}] {inline(c.title or c.source_id, EMBED_TITLE_MAX)}", EMBED_TITLE_MAX) for c in group
        ]
        room = EMBED_TOTAL_MAX - sum(dlen(x) for x in titles)
        share = min(EMBED_DESCRIPTION_MAX, room // len(group))
        embeds = []
        for c, title in zip(group, titles, strict=True):
            meta = " · ".join(
                p
                for p in (
                    discord.utils.escape_markdown(inline(c.publisher, 200)),
                    jurisdiction_name(c.jurisdiction, lang),
                    f"{t(lang, 'verified')} {inline(c.verified, 40)}" if c.verified else "",
                )
                if p
            )
            head = f"*{meta}*\n" if meta else ""
            if c.heading:
                head += f"**{discord.utils.escape_markdown(inline(c.heading, 200))}**\n"
            head = truncate(head, max(0, share // 3))
            quote_text = neutralise(c.quote.strip()) or "-"
            desc = head + truncate(quote_text, max(1, share - dlen(head)))
            embeds.append(discord.Embed(title=title, url=safe_url(c.url), description=desc, color=COLOR_INFO))
        _enforce_total(embeds)
        messages.append(embeds)
    return messages


def _enforce_total(embeds: list[discord.Embed]) -> None:
    """Last guard: trim descriptions, then field values, until all embeds fit 6000 together."""
    over = sum(embed_length(e) for e in embeds) - EMBED_TOTAL_MAX
    for e in sorted(embeds, key=lambda x: -dlen(x.description or "")):
        if over <= 0:
            return
        if e.description:
            keep = max(1, dlen(e.description) - over)
            before = dlen(e.description)
            e.description = truncate(e.description, keep)
            over -= before - dlen(e.description)
    for e in embeds:
        for i, f in enumerate(list(e.fields)):
            if over <= 0:
                return
            before = dlen(f.value or "")
            value = truncate(f.value or "-", max(1, before - over))
            e.set_field_at(i, name=f.name, value=value, inline=f.inline)
            over -= before - dlen(value)


# ----------------------------------------------------------------------------- /sources, /about, stats
def page_count(total: int, per_page: int = SOURCES_PER_PAGE) -> int:
    return max(1, math.ceil(total / per_page))


def sources_page(
    metas: Sequence[NoteMeta], page: int, *, lang: str, jurisdiction: str | None = None
) -> tuple[discord.Embed, int, int]:
    """One page of the source list with each source's verified date. Returns (embed, page, pages)."""
    pages = page_count(len(metas))
    page = min(max(0, page), pages - 1)
    if jurisdiction:
        title = t(lang, "sources_title_j", jurisdiction=jurisdiction_name(jurisdiction, lang))
    else:
        title = t(lang, "sources_title")
    embed = discord.Embed(title=truncate(title, EMBED_TITLE_MAX), color=COLOR_INFO)
    if not metas:
        embed.description = t(lang, "sources_none")
        return embed, 0, 1
    lines = []
    budget = EMBED_DESCRIPTION_MAX
    for m in metas[page * SOURCES_PER_PAGE : (page + 1) * SOURCES_PER_PAGE]:
        url = safe_url(m.url, limit=SOURCE_LINK_URL_MAX)
        name = link_text(m.title or m.id, SOURCE_TITLE_MAX)
        shown = f"[{name}]({url})" if url else name
        line = (
            f"`{m.jurisdiction}` {shown}\n"
            f"    {discord.utils.escape_markdown(inline(m.publisher, 80))} · {m.lang} · "
            f"{t(lang, 'verified')} {inline(m.verified, 40)}"
        )
        if dlen(line) + 1 > budget:
            lines.append(ELLIPSIS)
            break
        lines.append(line)
        budget -= dlen(line) + 1
    embed.description = truncate("\n".join(lines), EMBED_DESCRIPTION_MAX)
    embed.set_footer(text=t(lang, "sources_page", page=page + 1, pages=pages, count=len(metas)))
    return embed, page, pages


def _ingest_time(created: str) -> str:
    try:
        when = dt.datetime.fromisoformat(created)
    except (TypeError, ValueError):
        return inline(str(created), 100)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return f"{discord.utils.format_dt(when, 'f')} ({when.strftime('%Y-%m-%d %H:%M UTC')})"


def about_embed(info: Mapping[str, Any], *, lang: str) -> discord.Embed:
    """Corpus version, last ingest and counts, from ``Engine.about()``."""
    embed = discord.Embed(title=t(lang, "about_title"), description=t(lang, "about_description"), color=COLOR_INFO)
    embed.add_field(name=t(lang, "about_version"), value=inline(str(info.get("version", "?")), 200), inline=False)
    embed.add_field(name=t(lang, "about_ingest"), value=_ingest_time(str(info.get("created", "?"))), inline=False)
    embed.add_field(
        name=t(lang, "about_documents"),
        value=t(
            lang,
            "about_documents_value",
            documents=info.get("documents", "?"),
            ja=info.get("documents_ja", 0),
        ),
        inline=True,
    )
    embed.add_field(name=t(lang, "about_chunks"), value=str(info.get("chunks", "?")), inline=True)
    by_j = info.get("by_jurisdiction") or {}
    if by_j:
        value = " · ".join(f"{jurisdiction_name(j, lang)} {n}" for j, n in sorted(by_j.items()))
        embed.add_field(name=t(lang, "about_jurisdictions"), value=truncate(value, FIELD_VALUE_MAX), inline=False)
    if info.get("embedding"):
        embed.add_field(name=t(lang, "about_embedding"), value=inline(str(info["embedding"]), 200), inline=True)
    embed.set_footer(text=t(lang, "disclaimer"))
    return embed


def server_settings_lines(config: Any, *, lang: str, auto_jurisdiction: str | None) -> dict[str, str]:
    """A server's /kenri config as readable values, keyed jurisdiction/visibility/mentions/forum."""
    if config.jurisdiction == "ALL":
        jurisdiction = t(lang, "config_all")
    elif config.jurisdiction:
        jurisdiction = jurisdiction_name(config.jurisdiction, lang)
    else:
        auto = jurisdiction_name(auto_jurisdiction, lang) if auto_jurisdiction else t(lang, "config_all")
        jurisdiction = t(lang, "config_auto", value=auto)
    channels = config.mention_channels
    mentions = ", ".join(f"<#{int(c)}>" for c in channels[:20]) if channels else t(lang, "config_everywhere")
    forum = f"<#{int(config.forum_channel_id)}>" if config.forum_channel_id else t(lang, "config_off")
    return {
        "jurisdiction": jurisdiction,
        "visibility": t(lang, f"visibility_{config.visibility}"),
        "mentions": mentions,
        "forum": forum,
    }


def add_server_settings(embed: discord.Embed, config: Any, *, lang: str, auto_jurisdiction: str | None) -> None:
    """Add this server's kenri settings to the /about embed."""
    values = server_settings_lines(config, lang=lang, auto_jurisdiction=auto_jurisdiction)
    embed.add_field(
        name=t(lang, "about_server"),
        value=truncate(t(lang, "about_server_value", **values), FIELD_VALUE_MAX),
        inline=False,
    )


def config_embed(config: Any, *, lang: str, auto_jurisdiction: str | None) -> discord.Embed:
    """The /kenri config view: one field per setting."""
    values = server_settings_lines(config, lang=lang, auto_jurisdiction=auto_jurisdiction)
    embed = discord.Embed(title=t(lang, "config_title"), color=COLOR_INFO)
    for key in ("jurisdiction", "visibility", "mentions", "forum"):
        value = truncate(values[key], FIELD_VALUE_MAX)
        embed.add_field(name=t(lang, f"config_{key}"), value=value, inline=False)
    return embed


def stats_embed(
    guild_stats: Mapping[str, int] | None, all_stats: Mapping[str, int] | None, *, lang: str
) -> discord.Embed:
    """Question and feedback counts for maintainers."""
    embed = discord.Embed(title=t(lang, "stats_title"), color=COLOR_INFO)
    for key, stats in (("stats_scope_guild", guild_stats), ("stats_scope_all", all_stats)):
        if stats is not None:
            embed.add_field(name=t(lang, key), value=t(lang, "stats_line", **stats), inline=False)
    return embed
