"""Webhook mode: the real bot receives updates by HTTP POST and checks the secret token."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests import telegram_updates as tg
from tests.conftest import KNOWLEDGE, ROOT, TOKEN
from tests.fake_telegram import FakeBotApi


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _post(url: str, body: dict, secret: str | None) -> int:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    if secret:
        request.add_header("X-Telegram-Bot-Api-Secret-Token", secret)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except urllib.error.URLError:
        return 0  # not listening yet


def test_webhook_with_secret_token(tmp_path: Path) -> None:
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    api = FakeBotApi(TOKEN).start()
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))},
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "KNOWLEDGE_DIR": str(tmp_path / "knowledge"),
        "WEBHOOK_URL": "https://bot.example.org",
        "WEBHOOK_SECRET_TOKEN": "s3cret",
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        hook = api.wait_for("setWebhook", timeout=30)
        assert hook["url"] == "https://bot.example.org/telegram"
        assert hook["secret_token"] == "s3cret"
        url = f"http://127.0.0.1:{port}/telegram"
        update = {"update_id": 1, **tg.message("Wer ist Jeff Zhang?", chat_id=30)}
        deadline = time.monotonic() + 10
        while _post(url, update, None) != 403 and time.monotonic() < deadline:
            time.sleep(0.2)  # the server may still be starting
        assert _post(url, update, None) == 403
        since = api.mark()
        assert _post(url, update, "s3cret") == 200
        reply = api.wait_for("sendMessage", since=since)
        assert "Jeff Zhang" in reply["text"]
    finally:
        process.terminate()
        assert process.wait(timeout=15) == 0  # graceful shutdown on SIGTERM
        api.stop()
