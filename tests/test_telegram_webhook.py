"""Webhook mode: the real bot receives updates by HTTP POST and checks the secret token."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests import telegram_updates as tg
from tests.conftest import ADMIN_ID, KNOWLEDGE, ROOT, TOKEN
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


def _run_webhook_bot(tmp_path: Path, secret: str | None) -> str:
    """Start ``python -m bot run`` in webhook mode; check that requests without the registered
    secret are refused and with it answered; return the registered secret."""
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    api = FakeBotApi(TOKEN).start()
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))},
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "KNOWLEDGE_DIR": str(tmp_path / "knowledge"),
        "ADMIN_IDS": str(ADMIN_ID),
        "DATA_DIR": str(tmp_path / "data"),
        "WEBHOOK_URL": "https://bot.example.org",
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "PYTHONPATH": str(ROOT),
    }
    if secret is not None:
        env["WEBHOOK_SECRET_TOKEN"] = secret
    log = tmp_path / "bot.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env=env,
            stdout=log_file,
            stderr=log_file,
        )
    try:
        hook = api.wait_for("setWebhook", timeout=30)
        assert hook["url"] == "https://bot.example.org/telegram"
        registered = str(hook.get("secret_token") or "")
        assert re.fullmatch(r"[A-Za-z0-9_-]{32,256}", registered) or registered == secret
        assert hook["allowed_updates"] == [
            "message",
            "edited_message",
            "callback_query",
            "inline_query",
        ]
        url = f"http://127.0.0.1:{port}/telegram"
        # A forged update "from an admin" without the secret, or with a wrong one, is refused.
        forged = {"update_id": 1, **tg.message("/stats", chat_id=ADMIN_ID, user_id=ADMIN_ID)}
        deadline = time.monotonic() + 20
        while _post(url, forged, None) != 403 and time.monotonic() < deadline:
            time.sleep(0.2)  # the server may still be starting
        assert _post(url, forged, None) == 403
        assert _post(url, forged, "guessed") == 403
        update = {"update_id": 2, **tg.message("Wer ist Jeff Zhang?", chat_id=30)}
        since = api.mark()
        assert _post(url, update, registered) == 200
        reply = api.wait_for("sendMessage", since=since)
        assert "Jeff Zhang" in reply["text"]
        assert [c for c in api.calls_of("sendMessage") if c["chat_id"] == ADMIN_ID] == []
    finally:
        process.terminate()
        assert process.wait(timeout=15) == 0  # graceful shutdown on SIGTERM
        api.stop()
    assert registered not in log.read_text() or registered == secret
    return registered


def test_webhook_with_secret_token(tmp_path: Path) -> None:
    assert _run_webhook_bot(tmp_path, "s3cret") == "s3cret"


def test_webhook_without_secret_registers_a_random_one(tmp_path: Path) -> None:
    first = _run_webhook_bot(tmp_path / "one", None)
    assert len(first) >= 32
