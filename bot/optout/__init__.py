"""The opt-out toolkit: robots.txt groups to block AI crawlers, checks of a site's robots.txt,
tdmrep.json (W3C TDMRep) and ai.txt, and opt-out checklists rendered for people.

Builds on :mod:`bot.knowledge` (the crawler registry and the checklists) and never on the answer
engine: importing it loads neither numpy nor LangChain, so ``kenri robots check`` starts fast.
"""

from .checklists import MAX_RENDER_CHARS, render, render_list
from .rfc9309 import MAX_PARSE_BYTES, RobotsInputError
from .robots import DEFAULT_POLICY, POLICIES, POLICY_TEXT, CheckReport, check, check_batch_line, generate
from .robots_messages import msg
from .tdmrep_aitxt import AiTxtReport, TdmrepReport, check_ai_txt, check_tdmrep

__all__ = [
    "DEFAULT_POLICY",
    "MAX_PARSE_BYTES",
    "MAX_RENDER_CHARS",
    "POLICIES",
    "POLICY_TEXT",
    "AiTxtReport",
    "CheckReport",
    "RobotsInputError",
    "TdmrepReport",
    "check",
    "check_ai_txt",
    "check_batch_line",
    "check_tdmrep",
    "generate",
    "msg",
    "render",
    "render_list",
]
