"""Questions kenri must not answer from its sources even when passages look similar:
predictions of how a dispute will end, and advice on the asker's own legal situation.

A short list of phrasings (English and Japanese) is enough here: these are refusals by
policy, not retrieval failures, and a false refusal still tells the user what kenri covers.
"""

from __future__ import annotations

import re

PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "prediction": [
        re.compile(p, re.I)
        for p in (
            r"\bwill\s+(?:\w+\s+){0,3}(?:win|lose|prevail|succeed)\b",
            r"\bwho(?:'s| is)?\s+(?:going to|gonna|will)\s+win\b",
            r"\b(?:going to|gonna)\s+(?:win|lose)\b",
            r"\b(?:chances?|odds|likelihood)\s+(?:of|that|to)\b",
            r"\bpredict(?:ion)?s?\b",
            r"\bhow will (?:the )?(?:court|judge|case|lawsuit)s?\b",
            r"\boutcome of (?:the |their |this )?(?:case|lawsuit|trial)\b",
        )
    ]
    + [re.compile(p) for p in (r"勝て(?:る|そう)", r"勝訴(?:する|でき|の可能性)", r"(?:裁判|訴訟)の(?:結果|行方)", r"予想|予測")],
    "personal-advice": [
        re.compile(p, re.I)
        for p in (
            r"\bshould i (?:sue|file|take (?:them|him|her|it) to court|press charges|settle|sign)\b",
            r"\b(?:my|our) (?:lawsuit|case|contract|lawyer|attorney)\b",
            r"\bi (?:got|received) a (?:cease and desist|c&d|dmca|legal notice)\b",
            r"\bhow much (?:money|damages) (?:can|could|will) i (?:get|win|claim)\b",
        )
    ]
    + [re.compile(p) for p in (r"訴えるべき", r"訴えた(?:方|ほう)がいい", r"私の(?:ケース|場合|契約)", r"自分の(?:ケース|契約)", r"いくら(?:もらえ|請求でき)")],
}


def out_of_scope(question: str) -> str | None:
    """The reason a question is out of scope ('prediction' or 'personal-advice'), or None."""
    for reason, patterns in PATTERNS.items():
        if any(p.search(question) for p in patterns):
            return reason
    return None
