"""``python -m bot report``: unanswered questions and thumbs-down answers, for maintainers.

Reads the SQLite database only (no Discord import, no engine).
"""

from __future__ import annotations

from typing import Any

from .storage import BotDatabase


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def collect(store: BotDatabase, *, days: float = 30, limit: int = 50) -> dict[str, Any]:
    return {
        "days": days,
        "totals": store.stats(None),
        "unanswered": store.unanswered(days, limit),
        "thumbs_down": store.thumbs_down(days, limit),
    }


def render(data: dict[str, Any]) -> str:
    """The report as plain text."""
    days = data["days"]
    tot = data["totals"]
    lines = [
        f"kenri report: last {days:g} days",
        f"all time: {tot['questions']} questions, {tot['unanswered']} unanswered, "
        f"feedback 👍 {tot['up']} / 👎 {tot['down']}, {tot['curated']} pinned answers",
        "",
        f"Unanswered questions ({len(data['unanswered'])}), most asked first:",
    ]
    if not data["unanswered"]:
        lines.append("  (none)")
    for u in data["unanswered"]:
        where = f" [{', '.join(u['jurisdictions'])}]" if u["jurisdictions"] else ""
        lines.append(f"  {u['times']:>3}×  {u['last'][:10]}  ({u['language']}){where}  {_short(u['question'], 160)}")
    lines += ["", f"Thumbs-down answers ({len(data['thumbs_down'])}), most 👎 first:"]
    if not data["thumbs_down"]:
        lines.append("  (none)")
    for d in data["thumbs_down"]:
        status = "answered" if d["answered"] else "unanswered"
        lines.append(f"  #{d['id']}  👎 {d['down']} 👍 {d['up']}  {d['created'][:10]}  ({d['language']}, {status})")
        lines.append(f"      Q: {_short(d['question'], 160)}")
        lines.append(f"      A: {_short(d['answer'], 200)}")
        if d["sources"]:
            lines.append(f"      cited: {', '.join(str(s) for s in d['sources'])}")
    return "\n".join(lines)
