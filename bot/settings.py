"""Settings from the environment and ``.env`` (the only module that reads the environment)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, SecretStr
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.matcher import DEFAULT_MARGIN, DEFAULT_THRESHOLD

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"


def _id_list(value: object) -> object:
    """``ADMIN_IDS=1, 2,3`` → ``[1, 2, 3]``; empty items are dropped."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    if isinstance(value, int):
        return [value]
    return value


class Settings(BaseSettings):
    """Everything configurable; see .env.example for each setting's meaning."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_file_url: str | None = None
    admin_ids: Annotated[frozenset[int], NoDecode, BeforeValidator(_id_list)] = frozenset()
    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    data_dir: Path = PROJECT_ROOT / "data"
    match_threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0, le=100)
    match_margin: float = Field(default=DEFAULT_MARGIN, ge=0, le=1)
    semantic_fallback: bool = True
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    webhook_url: str | None = None
    webhook_secret_token: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_path: str = "telegram"

    @property
    def file_base_url(self) -> str:
        """PTB's base_file_url: derived from the API base URL unless set explicitly."""
        if self.telegram_api_file_url:
            return self.telegram_api_file_url
        base = self.telegram_api_base_url
        return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"
