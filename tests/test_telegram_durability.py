"""The question log survives a graceful restart and a ``kill -9`` of the real bot process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests import telegram_updates as tg
from tests.conftest import ADMIN_ID, KNOWLEDGE, ROOT, TOKEN
from tests.fake_telegram import FakeBotApi
from tests.test_telegram_learning import TIMEOUT, _eventually, _query

BURST = 100


@contextmanager
def _bot(api: FakeBotApi, home: Path, log_name: str) -> Iterator[subprocess.Popen[bytes]]:
    """``python -m bot`` against ``api`` with its data in ``home/data``; the caller stops it."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))},
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "ADMIN_IDS": str(ADMIN_ID),
        "KNOWLEDGE_DIR": str(home / "knowledge"),
        "DATA_DIR": str(home / "data"),
        "PYTHONPATH": str(ROOT),
    }
    since = api.mark()
    with (home / log_name).open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot"], cwd=home, env=env, stdout=log, stderr=log
        )
        try:
            api.wait_for("setMyCommands", since=since, timeout=TIMEOUT)
            yield process
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=TIMEOUT)


def _stats_text(api: FakeBotApi) -> str:
    since = api.mark()
    api.push(tg.message("/stats", chat_id=ADMIN_ID, user_id=ADMIN_ID, lang="en"))
    reply = api.wait_for(
        "sendMessage", since=since, where=lambda p: p["chat_id"] == ADMIN_ID, timeout=TIMEOUT
    )
    return str(reply["text"])


def test_committed_questions_survive_kill_9_and_a_restart(tmp_path: Path) -> None:
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    database = tmp_path / "data" / "questions.sqlite3"
    count = "SELECT COUNT(*) FROM questions"
    api = FakeBotApi(TOKEN).start()
    try:
        with _bot(api, tmp_path, "first.log") as first:
            for number in range(BURST):  # a burst: all queued at once
                last = api.push(
                    tg.message(f"Frage {number}: Wer ist Jeff Zhang?", chat_id=100 + number)
                )
            _eventually(lambda: _query(database, count) == [(BURST,)], f"{BURST} rows committed")
            api.wait_confirmed(last, timeout=TIMEOUT)  # else Telegram would deliver them again
            first.send_signal(signal.SIGKILL)
            assert first.wait(timeout=TIMEOUT) == -signal.SIGKILL
        assert _query(database, count) == [(BURST,)]

        with _bot(api, tmp_path, "second.log") as second:
            assert f"Last 7 days: {BURST} questions, {BURST} answered (100 %)" in _stats_text(api)
            since = api.mark()
            api.push(tg.message("Wie hoch war die Kartellstrafe?", chat_id=300))
            api.wait_for("sendMessage", since=since, where=lambda p: p["chat_id"] == 300)
            second.terminate()  # at once: what is still queued is written on the way out
            assert second.wait(timeout=TIMEOUT) == 0
        assert _query(database, count) == [(BURST + 1,)]

        with _bot(api, tmp_path, "third.log") as third:
            assert f"Last 7 days: {BURST + 1} questions" in _stats_text(api)
            third.terminate()
            assert third.wait(timeout=TIMEOUT) == 0
    finally:
        api.stop()
