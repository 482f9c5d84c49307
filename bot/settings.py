"""Settings from the environment and ``.env`` (the only module that reads the environment)."""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.bundled import bundled_knowledge_dir
from bot.matcher import DEFAULT_MARGIN, DEFAULT_THRESHOLD

DEFAULT_KNOWLEDGE_DIR = bundled_knowledge_dir()


log = logging.getLogger(__name__)

_USER_ID = re.compile(r"[0-9]{1,20}")


def _id_list(value: object) -> object:
    """``ADMIN_IDS=1, 2,3`` → ``[1, 2, 3]``; empty items are dropped, anything but digits is
    refused with a reason (``@alice``, ``1;2``)."""
    if isinstance(value, int):
        return [value]
    if not isinstance(value, str):
        return value
    items = [item.strip() for item in value.split(",") if item.strip()]
    for item in items:
        if item.startswith("@"):
            raise ValueError(f"{item!r} is a username; admins are numeric user ids")
        if not _USER_ID.fullmatch(item):
            raise ValueError(f"{item!r} is not a numeric user id; separate ids with commas")
    if not items and value.strip():
        log.warning("ADMIN_IDS=%r names no user id: nobody can /reload, /stats or upload", value)
    return items


class Settings(BaseSettings):
    """Everything configurable; see .env.example for each setting's meaning."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = Field(default=None, examples=["123456:ABC-DEF1234"])
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", examples=["http://127.0.0.1:8081/bot"]
    )
    telegram_api_file_url: str | None = Field(
        default=None, examples=["http://127.0.0.1:8081/file/bot"]
    )
    admin_ids: Annotated[frozenset[int], NoDecode, BeforeValidator(_id_list)] = Field(
        default=frozenset(), examples=["123456789,987654321"]
    )
    knowledge_dir: Path = Field(default=DEFAULT_KNOWLEDGE_DIR, examples=["/srv/bot/knowledge"])
    data_dir: Path = Field(default=Path("data"), examples=["/srv/bot/data"])
    match_threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0, le=100, examples=["60"])
    match_margin: float = Field(default=DEFAULT_MARGIN, ge=0, le=1, examples=["0.1"])
    semantic_fallback: bool = Field(default=True, examples=["false"])
    knowledge_load_seconds: float = Field(default=60.0, gt=0, examples=["60"])
    knowledge_load_memory_mb: int = Field(default=1024, ge=64, examples=["1024"])
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", examples=["INFO"]
    )
    webhook_url: str | None = Field(default=None, examples=["https://bot.example.org"])
    webhook_secret_token: SecretStr | None = Field(default=None, examples=["a-long-random-text"])
    webhook_listen: str = Field(default="0.0.0.0", examples=["127.0.0.1"])
    webhook_port: int = Field(default=8443, ge=1, le=65535, examples=["8443"])
    webhook_path: str = Field(default="telegram", examples=["telegram"])
    # Reliability (bot/telegram/ratelimit.py, lanes.py, flood.py, alerts.py, journal.py)
    rate_limits: bool = Field(default=True, examples=["true"])
    rate_overall_per_second: int = Field(default=30, ge=1, examples=["30"])
    rate_group_per_minute: int = Field(default=20, ge=1, examples=["20"])
    rate_private_interval: float = Field(default=1.0, ge=0, examples=["1.0"])
    send_retries: int = Field(default=4, ge=0, le=20, examples=["4"])
    chat_queue_limit: int = Field(default=60, ge=1, examples=["60"])
    flood_questions_per_minute: int = Field(default=20, ge=0, examples=["20"])
    alert_interval: float = Field(default=300.0, ge=0, examples=["300"])
    max_concurrent_updates: int = Field(default=32, ge=1, examples=["32"])
    connection_pool_size: int = Field(default=16, ge=1, examples=["16"])
    startup_retries: int = Field(default=-1, ge=-1, examples=["-1"])
    question_log: bool = Field(default=True, examples=["off"])
    question_log_retention_days: int = Field(default=90, ge=1, le=3650, examples=["90"])

    @property
    def question_log_file(self) -> Path:
        """The SQLite question log (see bot/storage/questionlog.py)."""
        return self.data_dir / "questions.sqlite3"

    @property
    def file_base_url(self) -> str:
        """PTB's base_file_url: derived from the API base URL unless set explicitly."""
        if self.telegram_api_file_url:
            return self.telegram_api_file_url
        base = self.telegram_api_base_url
        return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"


class SettingsError(Exception):
    """Some settings are invalid; ``str()`` is one line per setting, naming the variable, the
    value's problem and an example."""


def load_settings(needed: Collection[str] | None = None) -> Settings:
    """Read the settings a command needs (all when ``needed`` is None); the rest keep their
    defaults without being read, so a bad value only stops a command that uses it.
    Raises ``SettingsError``."""
    skipped: dict[str, Any] = {
        name: field.get_default(call_default_factory=True)
        for name, field in Settings.model_fields.items()
        if needed is not None and name not in needed
    }
    try:
        return Settings(**skipped)
    except ValidationError as exc:
        raise SettingsError("\n".join(_explain(error) for error in exc.errors())) from None


def _explain(error: Any) -> str:
    name = str(error["loc"][0]) if error["loc"] else ""
    problem = str(error["msg"]).removeprefix("Value error, ")
    field = Settings.model_fields.get(name)
    examples = (field.examples if field else None) or []
    example = f"; for example {name.upper()}={examples[0]}" if examples else ""
    value = error.get("input")
    shown = "" if isinstance(value, dict) or "token" in name else f"={value!s:.60}"
    return f"{name.upper()}{shown}: {problem}{example}"
