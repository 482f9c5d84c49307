"""Shared fixtures: the real knowledge, a matcher over it, and the real bot against a fake API."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.knowledge import Knowledge, load_knowledge
from bot.matcher import Matcher
from tests.fake_telegram import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
TOKEN = "123456:TEST-token-never-logged"
ADMIN_ID = 1


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge(KNOWLEDGE)


@pytest.fixture(scope="session")
def matcher(knowledge: Knowledge) -> Matcher:
    return Matcher(knowledge)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


class RunningBot:
    def __init__(self, api: FakeBotApi, process: subprocess.Popen[bytes], home: Path) -> None:
        self.api = api
        self.process = process
        self.home = home
        self.knowledge_dir = home / "knowledge"
        self.log_file = home / "bot.log"

    def log(self) -> str:
        return self.log_file.read_text(errors="replace")

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM; the exit code (the process is killed if it doesn't exit in ``timeout``)."""
        self.process.terminate()
        try:
            return self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


def launch(api: FakeBotApi, home: Path, **settings: str) -> RunningBot:
    """``python -m bot`` in ``home`` (knowledge copied there once, data in ``home/data``)
    against ``api``, with extra settings as environment variables; returns at once."""
    if not (home / "knowledge").exists():
        shutil.copytree(KNOWLEDGE, home / "knowledge")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))},
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "ADMIN_IDS": f"{ADMIN_ID}, 2",
        "KNOWLEDGE_DIR": str(home / "knowledge"),
        "DATA_DIR": str(home / "data"),
        "LOG_LEVEL": "DEBUG",
        "PYTHONPATH": str(ROOT),
        **{key.upper(): value for key, value in settings.items()},
    }
    log = (home / "bot.log").open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"], cwd=home, env=env, stdout=log, stderr=log
    )
    log.close()
    return RunningBot(api, process, home)


def started(running: RunningBot, timeout: float = 30) -> RunningBot:
    """Wait until the bot has registered its commands (it is then polling)."""
    running.api.wait_for("setMyCommands", timeout=timeout)
    time.sleep(0.2)
    return running


def ask(bot: RunningBot, update: dict[str, Any], chat_id: int, **kw: Any) -> dict[str, Any]:
    """Push ``update`` and return the bot's next message to ``chat_id``."""
    since = bot.api.mark()
    bot.api.push(update)
    return bot.api.wait_for(
        "sendMessage", since=since, where=lambda p: int(p["chat_id"]) == chat_id, **kw
    )


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """``python -m bot`` (a token is set, so: the bot) in a subprocess, talking HTTP to a fake
    Bot API on loopback. The webhook test starts ``python -m bot run``."""
    api = FakeBotApi(TOKEN).start()
    running = launch(api, tmp_path_factory.mktemp("bot"))
    try:
        yield started(running)
        assert running.stop() == 0  # graceful shutdown on SIGTERM
    finally:
        if running.process.poll() is None:
            running.process.kill()
        api.stop()
