"""A hostile model and hostile questions, with an event-loop lag probe.

The model replies are the ones a broken or misled model sends: a code fence followed by a run of
newlines (a small model stuck in a loop; this froze the event loop for 8-42 s), masked links,
raw HTML, the wrong language, invented legal advice, citation markers outside 1..n, and a reply
that never ends. Each must reach the asker as the extractive answer, with the reason logged,
while a ticker on the event loop measures how late it wakes (the gateway heartbeat's view).

Used by ``tests/engine/test_llm_gate.py`` and ``python -m tests.reliability``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

EN_Q = "How do I stop OpenAI from training on my website?"
JA_Q = "日本ではAI学習に自分のイラストを使われてしまいますか？"

# name -> (question, reply, the reason fragment the engine must log); None: the reply is fine
HOSTILE_REPLIES: dict[str, tuple[str, str, str | None]] = {
    "fence-then-newlines": (EN_Q, "```\n" + "\n" * 4000 + "Block GPTBot.", "no passage"),
    "json-fence-newlines": (EN_Q, "```json\n{" + "\n" * 5000, "no passage"),
    "runaway": (EN_Q, "Block GPTBot [1]. " * 400, "did not end"),
    "sources-heading-spaces": (EN_Q, "Block GPTBot [1].\nSources" + " \t" * 2500 + "x", None),
    "masked-link": (
        EN_Q,
        "Block GPTBot in robots.txt [1]. Details: [the official guide](https://evil.example/x).",
        "not a cited source",
    ),
    "bare-link": (
        EN_Q,
        "Block GPTBot in robots.txt [1], then register at www.evil.example today.",
        "not a cited source",
    ),
    "raw-html": (EN_Q, "Block GPTBot in robots.txt [1]. <img src=x onerror=alert(1)>", "HTML"),
    "french-for-english": (
        EN_Q,
        "Pour empêcher OpenAI d'entraîner ses modèles sur votre site, bloquez GPTBot dans "
        "le fichier robots.txt de votre site [1].",
        "asker's language",
    ),
    "chinese-for-japanese": (
        JA_Q,
        "在日本，原则上可以在未经许可的情况下将作品用于人工智能学习，但有例外[1]。",
        "not in Japanese",
    ),
    "french-for-japanese": (
        JA_Q,
        "Au Japon, l'apprentissage automatique peut en principe utiliser des œuvres sans autorisation [1].",
        "not in Japanese",
    ),
    "legal-advice": (
        EN_Q,
        "This is legal advice: block GPTBot in robots.txt [1] and you will win in court.",
        "legal advice",
    ),
    "legal-advice-ja": (
        JA_Q,
        "これは法的助言です。AI学習には原則として許諾は不要で、必ず勝てます[1]。",
        "legal advice",
    ),
    "marker-1000": (EN_Q, "Block GPTBot in robots.txt [1000].", "outside"),
    "marker-0": (EN_Q, "Block GPTBot in robots.txt [0][1].", "outside"),
    "good-english": (
        EN_Q,
        "Add a robots.txt group for the GPTBot user agent with Disallow: / to keep OpenAI's "
        "training crawler off your site [1].",
        None,
    ),
    "good-japanese": (
        JA_Q,
        "日本では、享受を目的としない情報解析（AI学習など）には原則として著作物を利用できます[1]。",
        None,
    ),
}

# Questions at the longest length the settings allow, shaped to make backtracking regexes work.
HOSTILE_QUESTIONS: dict[str, str] = {
    "japanese-run": "あ" * 100_000,
    "underscore-run": "_" * 100_000,
    "letters-then-dash": "a" * 99_990 + "-user",
    "will-repeated": "will " * 20_000,
    "at-signs": "@" * 100_000,
}


class ScriptedChat:
    """A chat model that streams a scripted reply (``endless``: again and again, never ending),
    for the harness: it drives the writer's real streaming path without a server."""

    def __init__(self, reply: str, *, endless: bool = False, piece: int = 64, delay_s: float = 0.0) -> None:
        self.reply, self.endless, self.piece, self.delay_s = reply, endless, piece, delay_s
        self.closed = threading.Event()

    async def astream(self, messages: Any) -> AsyncIterator[str]:
        try:
            while True:
                for i in range(0, len(self.reply), self.piece):
                    if self.delay_s:
                        await asyncio.sleep(self.delay_s)
                    yield self.reply[i : i + self.piece]
                if not self.endless:
                    return
        finally:
            self.closed.set()


@dataclass
class LagReport:
    worst_ms: float
    p99_ms: float
    ticks: int
    over_100ms: int
    worst_call: int = -1  # index of the call running when the loop was latest


async def run_with_lag_probe(calls: Sequence[Any], tick_s: float = 0.01) -> tuple[list[Any], LagReport]:
    """Run each blocking ``call()`` in a worker thread, one after another, while a ticker on the
    event loop records how late it wakes. Returns the results and the lag figures."""
    lags: list[float] = []
    worst_call = [-1, 0.0]
    current = [-1]
    stop = asyncio.Event()

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            t0 = loop.time()
            await asyncio.sleep(tick_s)
            lag = max(0.0, loop.time() - t0 - tick_s)
            lags.append(lag)
            if lag > worst_call[1]:
                worst_call[:] = [current[0], lag]

    task = asyncio.create_task(ticker())
    results = []
    try:
        for i, call in enumerate(calls):
            current[0] = i
            try:
                results.append(await asyncio.to_thread(call))
            except Exception as exc:  # recorded, the probe goes on
                results.append(exc)
    finally:
        stop.set()
        await task
    ordered = sorted(lags) or [0.0]
    return results, LagReport(
        worst_ms=ordered[-1] * 1000,
        p99_ms=ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        ticks=len(lags),
        over_100ms=sum(1 for x in lags if x > 0.1),
        worst_call=int(worst_call[0]),
    )


def hostile_model_check(index_dir: Any, embeddings: Any, max_question_chars: int = 1000) -> dict[str, Any]:
    """Every hostile reply through a real engine and writer (scripted model), every hostile
    question through the engine at the longest allowed length, under the loop-lag probe; and
    a never-ending reply must end at the deadline with its stream closed and no thread left."""
    import logging

    from bot.engine import Engine
    from bot.engine.llm import LLMWriter

    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(level=logging.WARNING)
    logging.getLogger("bot.engine").addHandler(handler)
    plain = Engine(index_dir=index_dir, embeddings=embeddings, max_question_chars=max_question_chars)
    writer = LLMWriter(base_url="http://127.0.0.1:9/v1", model="scripted", timeout=5.0, chat_model=ScriptedChat(""))
    engine = Engine(index_dir=index_dir, embeddings=embeddings, llm=writer, max_question_chars=max_question_chars)
    out: dict[str, Any] = {"replies": {}, "questions": {}, "max_question_chars": max_question_chars}
    try:
        calls, names = [], []
        for name, (question, reply, _) in HOSTILE_REPLIES.items():

            def call(question: str = question, reply: str = reply) -> Any:
                writer._chat = ScriptedChat(reply)
                return engine.answer(question)

            calls.append(call)
            names.append(("reply", name))
        for name, question in HOSTILE_QUESTIONS.items():
            calls.append(lambda question=question: plain.answer(question))
            names.append(("question", name))
        t0 = time.perf_counter()
        results, lag = asyncio.run(run_with_lag_probe(calls))
        out["elapsed_s"] = round(time.perf_counter() - t0, 2)
        refused = applicable = 0
        wrong = []
        for (kind, name), result in zip(names, results, strict=True):
            if kind == "question":
                out["questions"][name] = (
                    type(result).__name__ if isinstance(result, Exception) else "answered or refused"
                )
                continue
            question, reply, reason = HOSTILE_REPLIES[name]
            extractive = plain.answer(question)
            if not extractive.answered:  # this corpus refuses the question: the model is never asked
                out["replies"][name] = "n/a (question refused by this corpus)"
                continue
            applicable += reason is not None
            fell_back = isinstance(result, Exception) or result.text == extractive.text
            if reason is not None:
                refused += fell_back
                if not fell_back:
                    wrong.append(name)
            elif fell_back and name.startswith("good"):
                wrong.append(name)
            out["replies"][name] = "extractive (fell back)" if fell_back else "model answer used"
        out["hostile_replies"] = applicable
        out["hostile_replies_refused"] = refused
        out["reasons_logged"] = sum(1 for r in records if "refused" in r.getMessage() or "no usable" in r.getMessage())
        out["wrongly_handled"] = wrong
        out["loop_lag"] = {
            "worst_ms": round(lag.worst_ms, 1),
            "p99_ms": round(lag.p99_ms, 1),
            "ticks": lag.ticks,
            "stalls_over_100ms": lag.over_100ms,
            "worst_during": "/".join(names[lag.worst_call]) if lag.worst_call >= 0 else "",
        }
        # a reply that never ends: one deadline, then the stream is closed and no thread is left
        endless = ScriptedChat("Block GPTBot [1]. ", endless=True, piece=8, delay_s=0.05)
        writer._chat = endless
        writer.timeout = 1.0
        t0 = time.perf_counter()
        engine.answer(EN_Q)
        out["endless_reply_s"] = round(time.perf_counter() - t0, 2)
        time.sleep(0.2)
        out["endless_stream_closed"] = endless.closed.is_set()
        out["llm_threads_left"] = sum(1 for t in threading.enumerate() if t.name.startswith("kenri-llm"))
    finally:
        engine.close()
        plain.close()
        logging.getLogger("bot.engine").removeHandler(handler)
    out["ok"] = (
        not out["wrongly_handled"]
        and out["loop_lag"]["stalls_over_100ms"] == 0
        and out["endless_stream_closed"]
        and out["llm_threads_left"] == 0
    )
    return out


FAKE_TOKEN = "MTE5OTk5OTk5OTk5OTk5OTk5OQ.GkEnRi.reliability-report-token-0123456789"
FAKE_KEY = "sk-reliability-report-key-5d1f0c9a7b3e4f21"
BAD_CONFIGS: tuple[dict[str, Any], ...] = (
    {"llm": "openai-compatible", "llm_model": "m", "llm_base_url": "x:1"},
    {"llm": "openai-compatible", "llm_base_url": "http://x/v1"},
    {"llm": "gpt"},
    {"llm_timeout": 600},
    {"cooldown_seconds": "soon"},
)


def secret_parts_in(texts: Sequence[str], secrets: Sequence[str] = (FAKE_TOKEN, FAKE_KEY), n: int = 8) -> int:
    """How many n-character parts of the secrets appear in ``texts``."""
    pieces = {s[i : i + n] for s in secrets for i in range(len(s) - n + 1)}
    return sum(1 for t in texts for p in pieces if p in t)


def secrets_check() -> dict[str, Any]:
    """Configuration errors with a Discord token and a model key set: each names the variable,
    and no 8-character part of either secret shows."""
    from bot.settings import SettingsError, load_settings

    messages = []
    for config in BAD_CONFIGS:
        try:
            load_settings(_env_file=None, discord_token=FAKE_TOKEN, llm_api_key=FAKE_KEY, **config)
        except SettingsError as exc:
            messages.append(f"configuration error: {exc}")
        except Exception as exc:  # any other kind is itself a finding
            messages.append(f"unexpected {type(exc).__name__}: {exc}")
    named = sum(1 for m in messages if m.startswith("configuration error: KENRI_"))
    found = secret_parts_in(messages)
    return {
        "configuration_errors": len(BAD_CONFIGS),
        "naming_the_variable": named,
        "secret_parts_shown": found,
        "ok": named == len(BAD_CONFIGS) and found == 0,
    }
