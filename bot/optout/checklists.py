"""Opt-out checklists as Discord-friendly Markdown, in English or Japanese."""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.checklists import LABELS, Checklist, labels, marked
from bot.knowledge.i18n import lookup
from bot.knowledge.schema import LANGS

# Discord's limit for an embed description; the render's first line becomes the embed title.
MAX_RENDER_CHARS = 4096
SHORT_TITLE_CHARS = 50  # a source title in a checklist that would not fit otherwise


def render(checklist: Checklist, lang: str = "en", *, max_chars: int = MAX_RENDER_CHARS) -> str:
    """Discord-friendly Markdown: steps, what each covers and does not, caveats, sources, date.

    Always shorter than ``max_chars`` and always ends with the sources (titles and links) and
    verified date: if the full text is too long, the sources' publishers and the end of long
    titles go first, then the per-step coverage lines, then steps from the end, then the caveats,
    and as a last resort the body is cut.
    """
    lang = lang if lang in LANGS else "en"
    n = len(checklist.steps)
    attempts = [(True, n, True, False), (True, n, True, True), (False, n, True, True)]
    attempts += [(False, k, True, True) for k in range(n - 1, 0, -1)]
    attempts += [(False, k, False, True) for k in range(n, 0, -1)]
    for detail, keep, caveats, short in attempts:
        text = _render(checklist, lang, detail=detail, keep_steps=keep, caveats=caveats, short=short)
        if len(text) < max_chars:
            return text
    tail = _sources_block(checklist, lang, short=True)
    body = _render(checklist, lang, detail=False, keep_steps=1, caveats=False, sources=False)
    room = max_chars - len(tail) - 4
    if room < 20:
        return (body + "\n\n" + tail)[: max_chars - 2] + "…"
    return body[:room].rstrip() + "…\n\n" + tail


def _sources_block(cl: Checklist, lang: str, *, short: bool = False) -> str:
    """Each source as an answer lists it: its title (Japanese when translated) and publisher,
    then its link on the next line; the note id only when the title is unknown. ``short``: no
    publisher, titles cut to :data:`SHORT_TITLE_CHARS`."""
    out = [f"**{lookup(LABELS, 'sources', lang, verified=cl.verified)}**"]
    for s in cl.sources:
        name = s.title.get(lang) if s.title else s.id
        publisher = s.publisher.get(lang) if s.publisher else ""
        if short:
            name = name if len(name) <= SHORT_TITLE_CHARS else name[: SHORT_TITLE_CHARS - 1].rstrip() + "…"
        elif publisher and publisher not in name:
            name += f" — {publisher}"
        out.append(f"- {name}\n  {s.url}" if s.url else f"- {name} ({lookup(LABELS, 'no_link', lang)})")
    out.append(f"_{lookup(LABELS, 'footer', lang)}_")
    return "\n".join(out)


def _render(
    cl: Checklist,
    lang: str,
    *,
    detail: bool,
    keep_steps: int,
    caveats: bool = True,
    sources: bool = True,
    short: bool = False,
) -> str:
    L = labels(cl.kind)
    name = cl.names.get(lang)
    out = [f"**{lookup(L, 'title', lang, name=name)}**", cl.summary.get(lang), ""]
    for n, step in enumerate(cl.steps[:keep_steps], 1):
        out.append(f"**{n}. {step.title.get(lang)}**")
        out.append(marked(step.text.get(lang), step.confidence, lang))
        if step.code:
            out += ["```", step.code, "```"]
        if detail:
            out.append(f"✅ {lookup(L, 'covers', lang)}: {step.covers.get(lang)}")
            out.append(f"⚠️ {lookup(L, 'not_covers', lang)}: {step.not_covers.get(lang)}")
        out.append("")
    if keep_steps < len(cl.steps) or (cl.caveats and not caveats):
        out += [lookup(L, "truncated", lang), ""]
    if cl.caveats and caveats:
        out.append(f"**{lookup(L, 'caveats', lang)}**")
        out += [f"- {marked(c.text.get(lang), c.confidence, lang)}" for c in cl.caveats]
        out.append("")
    if sources:
        out.append(_sources_block(cl, lang, short=short))
    return "\n".join(out).strip()


def render_list(checklists: Iterable[Checklist], lang: str = "en") -> str:
    """One line per platform: id, name, main aliases."""
    lines = []
    for cl in sorted(checklists, key=lambda c: c.platform):
        aliases = ", ".join(cl.aliases[:4])
        lines.append(f"{cl.platform:12} {cl.names.get(lang)}" + (f"  ({aliases})" if aliases else ""))
    return "\n".join(lines)
