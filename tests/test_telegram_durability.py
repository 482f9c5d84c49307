"""The question log survives a graceful restart and a ``kill -9`` of the real bot process, and
``QUESTION_LOG=off`` keeps no record at all."""

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
def _bot(
    api: FakeBotApi, home: Path, log_name: str, **settings: str
) -> Iterator[subprocess.Popen[bytes]]:
    """``python -m bot`` against ``api`` with its data in ``home/data``; the caller stops it."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))},
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "ADMIN_IDS": str(ADMIN_ID),
        "KNOWLEDGE_DIR": str(home / "knowledge"),
        "DATA_DIR": str(home / "data"),
        "PYTHONPATH": str(ROOT),
        **settings,
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
                api.push(tg.message(f"Frage {number}: Wer ist Jeff Zhang?", chat_id=100 + number))
            _eventually(lambda: _query(database, count) == [(BURST,)], f"{BURST} rows committed")
            first.send_signal(signal.SIGKILL)
            assert first.wait(timeout=TIMEOUT) == -signal.SIGKILL
        assert _query(database, count) == [(BURST,)]

        # Updates the killed bot had not confirmed yet come again (as from Telegram): they are
        # answered again but not logged twice.
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


def test_question_log_off_keeps_no_record_and_shows_no_vote_buttons(tmp_path: Path) -> None:
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    api = FakeBotApi(TOKEN).start()
    try:
        with _bot(api, tmp_path, "off.log", QUESTION_LOG="off") as process:
            since = api.mark()
            api.push(tg.message("Wer ist Jeff Zhang?", chat_id=400))
            reply = api.wait_for("sendMessage", since=since, timeout=TIMEOUT)
            assert "Jeff Zhang" in reply["text"] and "reply_markup" not in reply
            text = _stats_text(api)
            assert text.startswith("The question log is off (QUESTION_LOG=off).")
            assert "1 answered" in text  # since start, in memory
            for chat in ("alles klar 👍", "Danke dir!"):  # no questions: not counted
                since = api.mark()
                api.push(tg.message(chat, chat_id=400))
                api.wait_for("sendMessage", since=since, timeout=TIMEOUT)
            assert _stats_text(api) == text
            since = api.mark()
            api.push(tg.message("/unanswered", chat_id=ADMIN_ID, user_id=ADMIN_ID, lang="en"))
            off = api.wait_for("sendMessage", since=since, timeout=TIMEOUT)
            assert off["text"].startswith("The question log is off")
            process.terminate()
            assert process.wait(timeout=TIMEOUT) == 0
        assert not (tmp_path / "data" / "questions.sqlite3").exists()
    finally:
        api.stop()
