"""No regular expression that reads outside text can stall the bot: a CI check for nested
quantifiers across bot/, every pattern timed on long runs of one character (where backtracking
shows up as quadratic time), and each entry point fed adversarial input at 10x its cap."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator

import pytest

import bot
from tests.conftest import REPO
from tests.regexcheck import has_nested_quantifier, scan_source, scan_tree

RUN = 20_000  # a quadratic pattern needs ~10^8 steps here (seconds); a linear one milliseconds
# CPU seconds of this process (time.process_time), not wall time. A pattern is super-linear when
# four times the run costs GROWTH_FACTOR times more than it does for a linear pattern timed in the
# same run (quadratic: ~16x against ~4x; both grow on a busy machine). Patterns under MIN_TIMED_S
# at RUN (all chars) are fast enough whatever their shape: a quadratic one scans the rest of the
# run from every start, over 1 s at RUN
GROWTH_FACTOR = 2.0
MIN_TIMED_S = 0.2
PER_PATTERN_LIMIT_S = 5.0  # a linear pattern this slow at RUN would still stall a reply
RUN_CHARS = (
    " ",
    "\n",
    "\t",
    "a",
    "A",
    "あ",
    "_",
    "@",
    ".",
    "-",
    "[",
    "<",
    "0",
    "#",
    "*",
    "`",
    ",",
    "/",
    ":",
    "\u3000",
    "ー",
    "(",
)


def test_no_nested_quantifiers_in_bot() -> None:
    findings = scan_tree(REPO / "bot")
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.parametrize(
    ("pattern", "nested"),
    [
        (r"(a+)+$", True),
        (r"(?:\w+\s+){0,3}win", True),
        (r"^[a-z0-9]+(?:-[a-z0-9]+)*$", True),
        (r"^[a-z0-9]++(?:-[a-z0-9]++)*+$", False),
        (r"(?:\w++\s++){0,3}win", False),
        (r"(?>(?:a+)+)", False),
        (r"\[(\d{1,3})\]", False),
        (r"(?:ab)+c*", False),
    ],
)
def test_the_nested_quantifier_check(pattern: str, nested: bool) -> None:
    assert has_nested_quantifier(pattern) is nested


def test_the_scanner_reads_calls_constants_and_comprehensions() -> None:
    src = (
        "import re\nP = r'(a+)+'\nX = re.compile(P + 'b')\n"
        "L = [re.compile(p, re.I) for p in (r'ok', r'(?:x*y)*')]\nre.sub(r'(c+)*d', '', s)\n"
    )
    assert sorted(f.line for f in scan_source(src)) == [3, 4, 5]


def _all_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Module-level compiled patterns of every bot module, plus every literal pattern passed to
    an ``re`` function anywhere in bot/ (with the flags written beside it)."""
    seen: set[tuple[str, int]] = set()
    for info in pkgutil.walk_packages(bot.__path__, "bot."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            if isinstance(value, dict):
                values = [p for v in value.values() if isinstance(v, list) for p in v]
            for i, p in enumerate(values):
                if isinstance(p, re.Pattern) and isinstance(p.pattern, str) and (p.pattern, p.flags) not in seen:
                    seen.add((p.pattern, p.flags))
                    yield f"{info.name}.{name}[{i}]", p
    for path in sorted((REPO / "bot").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                p = re.compile(node.args[0].value, _flags(node))
                if (p.pattern, p.flags) not in seen:
                    seen.add((p.pattern, p.flags))
                    yield f"{path.relative_to(REPO)}:{node.lineno}", p


def _flags(call: ast.Call) -> int:
    """``re.I | re.M`` and the like among a call's arguments."""
    flags = 0
    for arg in [*call.args[1:], *(k.value for k in call.keywords)]:
        for node in ast.walk(arg):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "re"
                and isinstance(getattr(re, node.attr, None), re.RegexFlag)
            ):
                flags |= getattr(re, node.attr)
    return flags


def _cost(p: re.Pattern[str], n: int, chars: tuple[str, ...] = RUN_CHARS) -> float:
    """CPU seconds of searching ``p`` (and its first few matches) in runs of ``n`` of each char."""
    t0 = time.process_time()
    for ch in chars:
        for text in (ch * n, "x" + ch * n + "\x01"):
            p.search(text)
            for _ in zip(range(3), p.finditer(text), strict=False):
                pass
    return time.process_time() - t0


def _growth(
    p: re.Pattern[str], chars: tuple[str, ...] = RUN_CHARS, n: int = RUN, min_timed: float = MIN_TIMED_S
) -> tuple[float, float]:
    """``(seconds at RUN, growth)``: how much longer ``p`` takes on runs four times as long (a
    linear pattern about 4x, a quadratic one about 16x), on the three characters it is slowest
    on. Patterns under ``min_timed`` seconds at ``n`` are not timed further (growth 0). Each length is
    timed more than once, keeping the fastest: noise only adds time (this machine's speed varies
    twofold from minute to minute)."""
    costs = {ch: _cost(p, n, (ch,)) for ch in chars}
    total = sum(costs.values())
    if total < min_timed:
        return total, 0.0
    worst = tuple(sorted(costs, key=costs.__getitem__)[-3:])
    short = min(_cost(p, n, worst) for _ in range(3))
    long = min(_cost(p, 4 * n, worst) for _ in range(2))
    return total, long / short


# bounded alternatives cost the same at every start: linear, and slow enough to time
_LINEAR_REFERENCE = re.compile("|".join(f"a{{{i}}}q" for i in range(1, 40)))


def _reference_growth(n: int = RUN) -> float:
    """The growth of a pattern known to be linear, measured now: what this machine's caches and
    load make of four times the input (about 4, more on a busy machine)."""
    return _growth(_LINEAR_REFERENCE, ("a",), n=n, min_timed=0.0)[1]


def test_the_growth_measure_tells_quadratic_from_linear() -> None:
    # re.search(r"a*b", "aaa…") tries every start and scans to the end from each: quadratic
    # (timings on a shared machine jump now and then: the measure must tell them apart in one of
    # three tries, as each growth already takes the fastest of several timings)
    tries = []
    for _ in range(3):
        reference = _reference_growth(8000)
        _, quadratic = _growth(re.compile(r"a*b"), ("a",), n=8000, min_timed=0.0)
        _, linear = _growth(re.compile("|".join(f"a{{{i}}}[bc]" for i in range(1, 60))), ("a",), n=8000, min_timed=0.0)
        tries.append((quadratic, linear, reference))
        if quadratic > GROWTH_FACTOR * reference > linear:
            return
    raise AssertionError(f"quadratic, linear, reference growth in three tries: {tries}")


def test_every_pattern_is_linear_on_runs_of_one_character() -> None:
    # a ratio against a linear pattern timed in the same run, not a time budget: the place-name
    # pattern takes 0.9 s at 20,000 characters on a slow machine and 1.6 s at 40,000, linear but
    # over any fixed budget that also lets a quadratic pattern through on a fast one
    slow = []
    patterns = list(_all_patterns())
    assert len(patterns) > 40  # the collection found them
    reference = _reference_growth()
    for name, p in patterns:
        elapsed, growth = _growth(p)
        if growth > GROWTH_FACTOR * reference or elapsed > PER_PATTERN_LIMIT_S:
            slow.append(
                f"{name} ({elapsed:.2f} s; x{growth:.1f} at 4x the length, a linear pattern x{reference:.1f}): "
                f"{p.pattern[:100]!r}"
            )
    assert not slow, "super-linear patterns:\n" + "\n".join(slow)


def _timed(fn: Callable[[], object]) -> float:
    """CPU seconds ``fn`` takes (time.process_time: not inflated by other work on the machine)."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def _shapes(n: int) -> dict[str, str]:
    return {
        "fence-newlines": "```\n" + "\n" * n + "x",
        "json-fence": "```json\n" + "{" * (n // 2) + "\n" * (n // 2),
        "heading-spaces": "Answer [1].\nSources" + " \t" * (n // 2) + "x",
        "markers": "[1" + " " * n + "x",
        "marker-list": "[1" + ", 2" * (n // 3) + "x",
        "html-open": "<" + " " * n,
        "tags": "<a " * (n // 3),
        "links": "http://" + "a" * n,
        "backticks": "`" * n,
        "will": "will " * (n // 5),
        "you": "you" + " " * n,
        "japanese": "あ" * n,
        "underscores": "_" * n,
        "letters": "a" * n,
        "at-signs": "@" * n,
        "words-dash": "abc-" * (n // 4),
    }


def test_questions_at_10x_the_longest_allowed_question() -> None:
    from bot.engine.scope import MAX_SCAN_CHARS, is_on_topic, out_of_scope
    from bot.engine.text import clean_question, detect_language, mentioned_jurisdictions, tokenize

    n = 10 * MAX_SCAN_CHARS
    for name, text in _shapes(n).items():
        for fn in (
            is_on_topic,
            out_of_scope,
            detect_language,
            mentioned_jurisdictions,
            tokenize,
            lambda t: clean_question(t, 100_000),
        ):
            elapsed = _timed(lambda fn=fn, text=text: fn(text))
            assert elapsed < 3.0, f"{getattr(fn, '__name__', fn)} on {name} x{len(text)}: {elapsed:.1f} s"


def test_model_replies_at_10x_the_reply_cap() -> None:
    from bot.engine.llm import MAX_REPLY_CHARS, LanguageDetector, check_model_answer, clean_reply

    detector = LanguageDetector()
    for name, text in _shapes(10 * MAX_REPLY_CHARS).items():
        elapsed = _timed(lambda text=text: clean_reply(text))
        assert elapsed < 1.0, f"clean_reply on {name}: {elapsed:.1f} s"
        elapsed = _timed(
            lambda text=text: check_model_answer(
                text,
                language="en",
                cited_urls=["https://example.org/a"],
                n_cited=2,
                cited_texts=[text],
                detector=detector,
            )
        )
        assert elapsed < 2.0, f"check_model_answer on {name}: {elapsed:.1f} s"


def test_the_issue_reply_that_froze_the_bot() -> None:
    """4 KB took 42 s (cubic backtracking in the fenced-JSON check)."""
    from bot.engine.llm import clean_reply

    assert _timed(lambda: clean_reply("```\n" + "\n" * 4000 + "x")) < 0.5


def test_html_sanitiser_on_hostile_pages() -> None:
    """A 16 KB inline style took 7.5 min, 100,000 nested <div>s over 5 min."""
    from bot.knowledge.extract import hidden_style, visible_text

    style = "height:0" + " " * 160_000 + "x;overflow:hidden"  # 10x the 16 KB style of the report
    assert _timed(lambda: hidden_style(style)) < 0.5
    page = f'<p style="{style}">hidden</p><p>shown</p>'
    text, removed = visible_text(page)
    assert text == "shown\n" and removed == {"hidden element(s)": 1}
    nested = "<div>" * 100_000 + "deep text" + "</div>" * 100_000
    t0 = time.perf_counter()
    text, _ = visible_text(nested)
    elapsed = time.perf_counter() - t0
    assert elapsed < 60, f"100,000 nested <div>s: {elapsed:.1f} s"
    assert text == "deep text\n"


def test_robots_and_optout_patterns_on_hostile_text() -> None:
    from bot.knowledge.checklists import _UA_LINE_RE

    assert _timed(lambda: _UA_LINE_RE.findall("\n" * 200_000)) < 0.5
    assert _UA_LINE_RE.findall("User-agent: GPTBot\n  user-agent :CCBot\nUser-agent:\nDisallow: /") == [
        "GPTBot",
        "CCBot",
    ]


def test_on_topic_pattern_matches_as_before() -> None:
    """The RE2 rewrite of the on-topic pattern answers exactly as the backtracking original."""
    import random

    from bot.engine.scope import is_on_topic

    old = re.compile(
        r"(?<![A-Za-z0-9])(?:ai|a\.i\.|artificial intelligence|machine learning|ml|llms?|models?|"
        r"train(?:s|ed|ing)?|datasets?|crawl(?:s|er|ers|ing)?|scrap(?:e|es|er|ers|ing)|\w*bots?|"
        r"robots(?:\.txt)?|opt[- ]?(?:out|in)s?|generat\w*|prompts?|loras?|gpt\w*|chatgpt|openai|sora|"
        r"midjourney|stable diffusion|dall-?e|gemini|claude\w*|"
        r"anthropic|grok|firefly|tdm|text and data mining|data mining|noai|deepfakes?|synthetic|styles?|"
        r"content credentials|c2pa|spawning|perplexity|applebot\w*|google-extended|ccbot|bytespider|"
        r"meta-external\w*|\w+-user|\w+-searchbot)(?![A-Za-z])"
        r"|ＡＩ|生成|学習|クローラ|スクレイピ|機械学習|プロンプト|オプトアウト|オプトイン|データセット|ボット|画風|作風|絵柄",
        re.I,
    )
    parts = [
        "bot",
        "bots",
        "robot",
        "ro",
        "a",
        "i",
        "ai",
        "AI",
        "ＡＩ",
        "ａｉ",
        "-user",
        "user",
        "-searchbot",
        "gpt",
        "x",
        "_",
        "9",
        " ",
        "あ",
        "学習",
        "generat",
        "claude",
        "meta-external",
        "é",
        "model",
        "ml",
        "opt out",
        "opt-in",
        ".",
        "a.i.",
        "K",
        "\u212a",
        "Bot",
        "生成",
        "-",
    ]
    rng = random.Random(16)
    for _ in range(30_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 6)))
        assert is_on_topic(text) == bool(old.search(text)), repr(text)
