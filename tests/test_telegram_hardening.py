"""End to end: odd input is handled quietly, long replies stay valid, loading never blocks."""

from __future__ import annotations

import time
from typing import Any

from tests import telegram_updates as tg
from tests.conftest import ADMIN_ID, RunningBot


def ask(bot: RunningBot, update: dict[str, Any], chat_id: int, **kw: Any) -> dict[str, Any]:
    since = bot.api.mark()
    bot.api.push(update)
    return bot.api.wait_for(
        "sendMessage", since=since, where=lambda p: int(p["chat_id"]) == chat_id, **kw
    )


def test_odd_callbacks_are_ignored_quietly(bot: RunningBot) -> None:
    since = bot.api.mark()
    no_data = tg.callback("x", chat_id=60)
    del no_data["callback_query"]["data"]
    no_data["callback_query"]["game_short_name"] = "game"
    for update in (tg.callback("p:²:de", chat_id=60), no_data, tg.callback("p:-1:de", chat_id=60)):
        bot.api.push(update)
    deadline = time.monotonic() + 10
    while len(bot.api.calls_of("answerCallbackQuery", since=since)) < 3:
        assert time.monotonic() < deadline, "the callbacks were not answered"
        time.sleep(0.05)
    # The bot is alive and said nothing about those: only the next question gets a reply.
    reply = ask(bot, tg.message("Wer ist Jeff Zhang?", chat_id=60), 60)
    assert "Jeff Zhang" in reply["text"]
    sent = bot.api.calls_of("sendMessage", since=since)
    assert [p for p in sent if p["chat_id"] == 60] == [reply]
    assert not [p for p in sent if p["chat_id"] == ADMIN_ID]
    assert "Traceback" not in bot.log_file.read_text()


def test_invisible_characters_and_leading_newlines_still_find_the_answer(bot: RunningBot) -> None:
    question = "\n" * 4000 + "Wer ist Je\u200bff \u2066Zhang\u2069?"
    reply = ask(bot, tg.message(question, chat_id=61), 61)
    assert "Jeff Zhang ist Präsident" in reply["text"]
