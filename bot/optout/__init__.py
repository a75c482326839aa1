"""The opt-out toolkit: robots.txt groups to block AI crawlers, checks of a site's robots.txt,
tdmrep.json (W3C TDMRep) and ai.txt, and opt-out checklists rendered for people.

Builds on :mod:`bot.knowledge` (the crawler registry and the checklists) and never on the answer
engine: importing it loads neither numpy nor LangChain, so ``kenri robots check`` starts fast.
"""

from typing import TYPE_CHECKING

from bot.lazy import lazy_exports

if TYPE_CHECKING:
    from .checklists import MAX_RENDER_CHARS, render, render_list
    from .pasted import PastedRobots, check_pasted, pasted_robots, pasted_verdict
    from .rfc9309 import MAX_PARSE_BYTES, RobotsInputError
    from .robots import DEFAULT_POLICY, POLICIES, POLICY_TEXT, CheckReport, check, check_batch_line, generate
    from .robots_messages import msg
    from .tdmrep_aitxt import AiTxtReport, TdmrepReport, check_ai_txt, check_tdmrep

# Public names load their module on first use: ``robots check`` never imports checklist rendering.
_LAZY = {
    "AiTxtReport": (".tdmrep_aitxt", "AiTxtReport"),
    "CheckReport": (".robots", "CheckReport"),
    "DEFAULT_POLICY": (".robots", "DEFAULT_POLICY"),
    "MAX_PARSE_BYTES": (".rfc9309", "MAX_PARSE_BYTES"),
    "MAX_RENDER_CHARS": (".checklists", "MAX_RENDER_CHARS"),
    "POLICIES": (".robots", "POLICIES"),
    "PastedRobots": (".pasted", "PastedRobots"),
    "POLICY_TEXT": (".robots", "POLICY_TEXT"),
    "RobotsInputError": (".rfc9309", "RobotsInputError"),
    "TdmrepReport": (".tdmrep_aitxt", "TdmrepReport"),
    "check": (".robots", "check"),
    "check_ai_txt": (".tdmrep_aitxt", "check_ai_txt"),
    "check_batch_line": (".robots", "check_batch_line"),
    "check_pasted": (".pasted", "check_pasted"),
    "check_tdmrep": (".tdmrep_aitxt", "check_tdmrep"),
    "generate": (".robots", "generate"),
    "msg": (".robots_messages", "msg"),
    "pasted_robots": (".pasted", "pasted_robots"),
    "pasted_verdict": (".pasted", "pasted_verdict"),
    "render": (".checklists", "render"),
    "render_list": (".checklists", "render_list"),
}

__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = [
    "DEFAULT_POLICY",
    "MAX_PARSE_BYTES",
    "MAX_RENDER_CHARS",
    "POLICIES",
    "POLICY_TEXT",
    "AiTxtReport",
    "CheckReport",
    "PastedRobots",
    "RobotsInputError",
    "TdmrepReport",
    "check",
    "check_ai_txt",
    "check_batch_line",
    "check_pasted",
    "check_tdmrep",
    "generate",
    "msg",
    "pasted_robots",
    "pasted_verdict",
    "render",
    "render_list",
]
