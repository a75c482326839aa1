"""The Discord token never appears in logs, errors, printed messages or reprs, on the paths that
handle it: settings (environment and .env), a configuration error, a rejected login, a network
failure, the bot running under simcord with an error, and the secret is ignored by git."""

from __future__ import annotations

import fnmatch
import logging
from pathlib import Path
from typing import Any

import aiohttp
import discord
import pytest

from bot.settings import BotSettings, load_settings
from tests.conftest import REPO

TOKEN = "MTE5OTk5OTk5OTk5OTk5OTk5OQ.GkEnRi.this-is-the-reliability-test-token-0123456789"
ALL_LOGGERS = (
    "",
    "bot",
    "discord",
    "discord.http",
    "discord.client",
    "discord.gateway",
    "aiohttp",
    "asyncio",
)


@pytest.fixture()
def every_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    for name in ALL_LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def assert_nowhere(caplog: pytest.LogCaptureFixture, *texts: Any) -> None:
    for record in caplog.records:
        rendered = (
            record.getMessage()
            + "\n"
            + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")
        )
        assert TOKEN not in rendered, f"token in log record {record.name}: {rendered[:300]}"
        assert TOKEN not in repr(record.args)
    for text in texts:
        assert TOKEN not in str(text)


def test_settings_hold_the_token_without_showing_it(monkeypatch: pytest.MonkeyPatch, every_log) -> None:
    monkeypatch.setenv("KENRI_DISCORD_TOKEN", TOKEN)
    s = load_settings()
    assert s.discord_token is not None and s.discord_token.get_secret_value() == TOKEN
    assert_nowhere(
        every_log,
        repr(s),
        str(s),
        s.model_dump_json(),
        repr(s.model_dump()),
        s.discord_token,
        repr(s.discord_token),
        f"{s.discord_token}",
    )


def test_token_from_a_dotenv_file_is_hidden_too(tmp_path: Path, every_log) -> None:
    (tmp_path / ".env").write_text(f"KENRI_DISCORD_TOKEN={TOKEN}\n", encoding="utf-8")  # cwd is tmp_path
    s = load_settings()
    assert s.discord_token is not None and s.discord_token.get_secret_value() == TOKEN
    assert_nowhere(every_log, repr(s), s.model_dump_json())


def test_a_configuration_error_does_not_echo_the_token(monkeypatch, capsys, every_log) -> None:
    from bot.cli import main

    monkeypatch.setenv("KENRI_DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("KENRI_COOLDOWN_SECONDS", "soon")
    assert main(["about"]) == 2
    out = capsys.readouterr()
    assert "KENRI_COOLDOWN_SECONDS" in out.err
    assert_nowhere(every_log, out.out, out.err)


class _FakeResponse:
    def __init__(self, status: int, body: str) -> None:
        self.status, self.reason, self._body = status, "Unauthorized" if status == 401 else "OK", body
        self.headers = {"content-type": "application/json"}

    async def text(self, encoding: str = "utf-8") -> str:
        return self._body

    async def __aenter__(self) -> _FakeResponse:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None


@pytest.mark.parametrize("failure", ["rejected", "unreachable"])
def test_login_failures_never_log_the_token(
    failure: str, use_index: Path, tmp_path: Path, monkeypatch, capsys, every_log
) -> None:
    """The real runner (engine loaded, real discord.py) with the network replaced: Discord answers
    401 to the login, or cannot be reached. Every logger at DEBUG."""
    from bot.discord_app import runner

    sent: list[dict[str, str]] = []

    def request(self: aiohttp.ClientSession, method: str, url: str, **kwargs: Any) -> _FakeResponse:
        sent.append(dict(kwargs.get("headers") or {}))
        if failure == "unreachable":
            raise aiohttp.ClientConnectionError("simulated: network unreachable")
        return _FakeResponse(401, '{"message": "401: Unauthorized", "code": 0}')

    monkeypatch.setattr(aiohttp.ClientSession, "request", request)
    original_setup = runner._setup_logging

    def setup_logging() -> None:  # as the runner does, then everything at DEBUG
        original_setup()
        for name in ALL_LOGGERS:
            logging.getLogger(name).setLevel(logging.DEBUG)

    monkeypatch.setattr(runner, "_setup_logging", setup_logging)
    settings = BotSettings(
        _env_file=None, discord_token=TOKEN, index_dir=use_index, database_path=tmp_path / "k.sqlite3"
    )
    code = runner.run_bot(settings)
    out = capsys.readouterr()
    assert code == (2 if failure == "rejected" else 1), out.err
    assert ("rejected KENRI_DISCORD_TOKEN" if failure == "rejected" else "cannot reach Discord") in out.err
    assert sent and sent[0].get("Authorization") == f"Bot {TOKEN}"  # the token really was in play
    assert any(r.name.startswith("discord") for r in every_log.records)
    assert_nowhere(every_log, out.out, out.err)


@pytest.fixture()
def simcord_bot(tmp_path: Path):
    from bot.discord_app.client import Bot
    from bot.discord_app.storage import BotDatabase
    from tests.reliability.load import SlowFakeEngine

    settings = BotSettings(_env_file=None, discord_token=TOKEN, database_path=tmp_path / "k.sqlite3")
    store = BotDatabase.open(settings.database_path)
    engine = SlowFakeEngine(engine_ms=0)

    def boom(question: str, jurisdiction: str | None = None, *, default_jurisdiction: str | None = None) -> Any:
        raise RuntimeError(f"engine failed on {question!r}")

    engine.answer = boom  # type: ignore[method-assign]
    yield Bot(engine=engine, settings=settings, store=store)
    store.close()


@pytest.mark.asyncio
async def test_running_bot_with_an_error_never_logs_the_token(simcord_env, every_log) -> None:
    from bot.discord_app.client import sync_commands

    env = simcord_env
    guild = env.create_guild("Creators")
    channel = guild.create_text_channel("general")
    await sync_commands(env.bot)
    user = guild.add_member(env.create_user("alice"))
    result = await user.slash(channel, "ask", question=f"what is {TOKEN[:10]}? How do I block GPTBot?")
    (note,) = result.followups  # told privately; /ask handles the error itself and logs it in full
    assert note.ephemeral and "something went wrong" in (note.content or "")
    errors = env.errors  # nothing reached discord.py unhandled
    assert any(
        r.levelno >= logging.ERROR and r.exc_info and "engine failed" in str(r.exc_info[1]) for r in every_log.records
    )  # the error was logged...
    assert_nowhere(every_log, repr(env.bot.settings), repr(env.bot), [repr(e) for e in errors])  # ...without it
    bodies = [str(r.json) for r in env.http_requests]
    assert not any(TOKEN in b for b in bodies)


def test_env_file_is_ignored_by_git() -> None:
    patterns = [
        line.strip()
        for line in (REPO / ".gitignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert any(fnmatch.fnmatch(".env", p.lstrip("/")) for p in patterns)
    assert not any(p.startswith("!") and fnmatch.fnmatch(".env", p[1:].lstrip("/")) for p in patterns)
    assert discord.__version__  # (imports kept honest)


# ---------------------------------------------------------------------- the token and the model key, under faults

API_KEY = "sk-reliability-test-key-5d1f0c9a7b3e4f21"


def _parts(secret: str, n: int = 8) -> set[str]:
    """Every n-character piece of a secret: no part of it may show, not only the whole."""
    return {secret[i : i + n] for i in range(len(secret) - n + 1)}


def _assert_no_part(texts: list[str]) -> None:
    pieces = _parts(TOKEN) | _parts(API_KEY)
    for text in texts:
        found = sorted(p for p in pieces if p in text)
        assert not found, f"part of a secret ({found[:3]}) in: {text[:300]!r}"


def _rendered(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "") + repr(r.args)
        for r in caplog.records
    ]


@pytest.mark.parametrize(
    ("env", "main_name"),
    [
        ({"KENRI_LLM": "openai-compatible", "KENRI_LLM_MODEL": "m", "KENRI_LLM_BASE_URL": "x:1"}, "bot"),
        ({"KENRI_LLM": "openai-compatible", "KENRI_LLM_BASE_URL": "http://x/v1"}, "bot"),
        ({"KENRI_LLM": "gpt"}, "bot"),
        ({"KENRI_LLM_TIMEOUT": "600"}, "ingest"),
        ({"KENRI_OWNER_IDS": "[1, 2"}, "bot"),
        ({"KENRI_COOLDOWN_SECONDS": "soon"}, "ingest"),
    ],
)
def test_configuration_errors_name_the_variable_and_no_part_of_a_secret(
    env: dict[str, str], main_name: str, monkeypatch: pytest.MonkeyPatch, capsys, every_log
) -> None:
    """A model-level error used to print the last 22 characters of the token or the key."""
    from bot.cli import main as bot_main
    from bot.cli.ingest import main as ingest_main

    monkeypatch.setenv("KENRI_DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("KENRI_LLM_API_KEY", API_KEY)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    code = bot_main(["about"]) if main_name == "bot" else ingest_main(["--check"])
    out = capsys.readouterr()
    assert code == 2
    assert "configuration error: KENRI_" in out.err  # names the variable
    _assert_no_part([out.out, out.err, *_rendered(every_log)])


@pytest.mark.parametrize("fault", ["refused", "401-echo", "500", "timeout", "hostile-reply"])
def test_model_faults_never_show_the_key(fault: str, use_index: Path, use_embeddings, monkeypatch, every_log) -> None:
    """The engine with a writer whose server refuses, echoes the key in a 401, fails, hangs or
    sends a hostile reply; every logger at DEBUG (httpx, openai, langchain included)."""
    import socket
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from bot.engine import Engine
    from bot.engine.llm import LLMWriter

    for name in ("openai", "httpx", "httpcore", "langchain", "langchain_openai", "bot.engine"):
        every_log.set_level(logging.DEBUG, logger=name)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if fault == "timeout":
                release.wait(5)
                return
            status, body = {
                "401-echo": (401, f'{{"error": {{"message": "Incorrect API key provided: {API_KEY}"}}}}'),
                "500": (500, f'{{"error": {{"message": "boom {self.headers.get("Authorization")}"}}}}'),
            }.get(fault, (200, ""))
            if status == 200:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                chunk = '{"id":"x","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,'
                chunk += f'"delta":{{"content":"Block GPTBot [1]. Your key is {API_KEY}."}},"finish_reason":"stop"}}]}}'
                self.wfile.write(f"data: {chunk}\n\ndata: [DONE]\n\n".encode())
                return
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    if fault == "refused":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]  # closed again: nothing listens there
        server = None
    else:
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
    writer = LLMWriter(base_url=f"http://127.0.0.1:{port}/v1", model="m", api_key=API_KEY, timeout=1.0)
    engine = Engine(index_dir=use_index, embeddings=use_embeddings, llm=writer)
    try:
        ans = engine.answer("How do I stop OpenAI from training on my website?")
    finally:
        engine.close()
        release.set()
        if server is not None:
            server.shutdown()
            server.server_close()
    _assert_no_part([ans.text, str(ans.to_json()), repr(writer), *_rendered(every_log)])
