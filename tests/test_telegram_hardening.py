"""End to end: odd input is handled quietly, long replies stay valid, loading never blocks."""

from __future__ import annotations

import time
from typing import Any

import yaml

from bot.bench import synthetic_knowledge
from bot.knowledge import load_knowledge
from tests import telegram_updates as tg
from tests.conftest import ADMIN_ID, RunningBot, ask
from tests.telegram_html_check import html_problems
from tests.test_safe_yaml import alias_bomb


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


def _upload(bot: RunningBot, content: str, file_id: str) -> list[dict[str, Any]]:
    """Send ``content`` as faq.yaml from the admin; return the replies to the admin."""
    bot.api.files[file_id] = content.encode()
    since = bot.api.mark()
    bot.api.push(tg.document(file_id, "faq.yaml", user_id=ADMIN_ID))
    bot.api.wait_for("sendMessage", since=since, where=lambda p: p["chat_id"] == ADMIN_ID)
    time.sleep(0.5)  # a report may come in more than one part
    return [p for p in bot.api.calls_of("sendMessage", since=since) if p["chat_id"] == ADMIN_ID]


def _faq_with(bot: RunningBot, entry: dict[str, Any]) -> str:
    data = yaml.safe_load((bot.knowledge_dir / "faq.yaml").read_text())
    data["entries"].append(entry)
    return yaml.safe_dump(data, allow_unicode=True)


def test_a_long_error_report_reaches_the_admin(bot: RunningBot) -> None:
    entry_id = "x" * 5000
    entry = {
        "id": entry_id,
        "sentences": ["S1"],
        "kinds": ["what"],
        "answer": {"de": "a", "en": "b"},
        "questions": {"de": ["Wie lang ist die ID?"], "en": ["How long is the id?"]},
    }
    replies = _upload(bot, _faq_with(bot, entry), "long-id")
    assert replies, "no report"
    text = replies[0]["text"]
    assert "ungültig" in text
    location = text.index("faq.yaml:")
    assert text.index("entry 'xxxx") > location  # file and line first, then the entry, shortened
    assert "String should have at most 40 characters" in text
    assert entry_id not in text
    assert all(not p["text"].startswith("⚠️") for p in replies)


def test_a_long_answer_arrives_as_valid_html_parts(bot: RunningBot) -> None:
    answer = "<R&D> im <b>Fokus</b>: " + "Alibaba investiert in Entwickler & Start-ups. " * 200
    entry = {
        "id": "long-answer",
        "sentences": ["S1", "S2", "S3"],
        "kinds": ["what"],
        "answer": {"de": answer, "en": answer},
        "questions": {"de": ["Was ist mit den Riesenbohnen?"], "en": ["What about giant beans?"]},
    }
    faq = bot.knowledge_dir / "faq.yaml"
    original = faq.read_text()
    try:
        assert "ist aktiv" in _upload(bot, _faq_with(bot, entry), "long-answer")[0]["text"]
        since = bot.api.mark()
        bot.api.push(tg.message("Was ist mit den Riesenbohnen?", chat_id=62))
        bot.api.wait_for("sendMessage", since=since, where=lambda p: "Quelle" in p["text"])
        parts = [p["text"] for p in bot.api.calls_of("sendMessage", since=since)]
        assert len(parts) >= 3
        for part in parts:
            assert html_problems(part) == []
            assert part.startswith("<b>") or part.startswith("<i>") or "Quelle" in part
        assert "&lt;R&amp;D&gt; im &lt;b&gt;Fokus&lt;/b&gt;" in parts[0]
        assert not [p for p in parts if "schiefgelaufen" in p]  # no apology
    finally:
        faq.write_text(original)
        ask(bot, tg.message("/reload", chat_id=ADMIN_ID, user_id=ADMIN_ID), ADMIN_ID)


def test_an_alias_bomb_upload_is_refused_while_others_are_answered(bot: RunningBot) -> None:
    bot.api.files["bomb"] = alias_bomb().encode()
    since = bot.api.mark()
    started = time.monotonic()
    bot.api.push(tg.document("bomb", "faq.yaml", user_id=ADMIN_ID))
    bot.api.push(tg.message("Wer ist Jeff Zhang?", chat_id=63))
    answer = bot.api.wait_for("sendMessage", since=since, where=lambda p: p["chat_id"] == 63)
    refusal = bot.api.wait_for("sendMessage", since=since, where=lambda p: p["chat_id"] == 1)
    assert time.monotonic() - started < 10  # about 0.1 s on a quiet machine
    assert "Jeff Zhang ist Präsident" in answer["text"]
    assert "ungültig" in refusal["text"] and "faq.yaml:2: YAML aliases" in refusal["text"]


def test_questions_are_answered_from_the_old_faq_during_a_long_reload(bot: RunningBot) -> None:
    faq = bot.knowledge_dir / "faq.yaml"
    original = faq.read_text()
    knowledge = load_knowledge(bot.knowledge_dir)
    big = synthetic_knowledge(knowledge, entries=1000, variants=5)
    data = {"entries": [entry.model_dump() for entry in big.entries]}
    faq.write_text(yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper)))
    try:
        since = bot.api.mark()
        bot.api.push(tg.message("/reload", chat_id=ADMIN_ID, user_id=ADMIN_ID, lang="en"))
        time.sleep(0.3)  # the reload has started
        bot.api.push(tg.message("Wer ist Jeff Zhang?", chat_id=64))
        reloaded = bot.api.wait_for(
            "sendMessage", since=since, where=lambda p: p["chat_id"] == ADMIN_ID, timeout=60
        )
        assert "FAQ reloaded: 1000 entries" in reloaded["text"]
        sent = [p for p in bot.api.calls_of("sendMessage", since=since)]
        answer = next(p for p in sent if p["chat_id"] == 64)
        assert "Jeff Zhang ist Präsident" in answer["text"]  # the old FAQ, still live
        assert sent.index(answer) < sent.index(reloaded)  # answered while the reload ran
    finally:
        faq.write_text(original)
        restored = ask(bot, tg.message("/reload", chat_id=ADMIN_ID, user_id=ADMIN_ID), ADMIN_ID)
        assert "29 Einträge" in restored["text"]


def test_the_bot_runs_without_python_warnings(bot: RunningBot) -> None:
    assert "Warning:" not in bot.log_file.read_text()
