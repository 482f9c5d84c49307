"""End to end: the real bot (``python -m bot run``) against a fake Bot API over loopback HTTP."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from tests import telegram_updates as tg
from tests.conftest import ADMIN_ID, ROOT, TOKEN, RunningBot, ask
from tests.fake_telegram import BOT_USERNAME


def test_commands_registered_in_german_and_english(bot: RunningBot) -> None:
    calls = bot.api.calls_of("setMyCommands")
    languages = {c.get("language_code") for c in calls}
    assert languages == {"de", None}
    german = next(c for c in calls if c.get("language_code") == "de")
    assert "frage" in [c["command"] for c in german["commands"]]


def test_private_german_question_cites_sentences(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("Wie viel Geld investiert Alibaba?", chat_id=11), 11)
    assert reply["parse_mode"] == "HTML"
    assert "1 Milliarde US-Dollar" in reply["text"]
    assert "[S2]" in reply["text"]
    assert "Quelle: Bloomberg" in reply["text"]


def test_private_english_question_gets_english_answer_and_translation(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("Who fined Alibaba and how much?", chat_id=12, lang="en"), 12)
    assert "USD 2.8 billion" in reply["text"]
    assert "[S5]" in reply["text"]
    assert "antitrust regulators imposed a record fine" in reply["text"]  # translation
    assert "Source: Bloomberg" in reply["text"]


def test_unknown_question_is_declined_with_suggestion_buttons(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("Wie wird das Wetter morgen in Berlin?", chat_id=13), 13)
    assert "steht im Artikel leider nichts" in reply["text"]
    assert "[S" not in reply["text"]
    *suggestions, votes = reply["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in votes] == ["👍", "👎"]  # under the suggestions
    buttons = [row[0] for row in suggestions]
    assert 1 <= len(buttons) <= 3
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)


def test_an_answer_offers_what_its_follow_up_may_have_meant_as_a_button(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("Wie viel Geld investiert Alibaba? Und wie lange?", chat_id=15), 15)
    assert (
        "1 Milliarde US-Dollar" in reply["text"] and "Dazu passt vielleicht auch:" in reply["text"]
    )
    offered, votes = reply["reply_markup"]["inline_keyboard"]
    assert offered[0]["callback_data"].startswith("a:timeframe:")
    assert [b["text"] for b in votes] == ["👍", "👎"]


def test_tapping_a_suggestion_answers_it(bot: RunningBot) -> None:
    since = bot.api.mark()
    bot.api.push(tg.callback("a:developers:en", chat_id=14, lang="en"))
    bot.api.wait_for("answerCallbackQuery", since=since)
    reply = bot.api.wait_for("sendMessage", since=since, where=lambda p: p["chat_id"] == 14)
    assert "100,000 developers" in reply["text"]


def test_start_greets_with_three_example_buttons(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("/start", chat_id=15, lang="en"), 15)
    assert reply["text"].startswith("Hi!")
    assert len(reply["reply_markup"]["inline_keyboard"]) == 3


def test_help_and_source(bot: RunningBot) -> None:
    help_reply = ask(bot, tg.message("/help", chat_id=16), 16)
    assert "/frage" in help_reply["text"] and f"@{BOT_USERNAME}" in help_reply["text"]
    source_reply = ask(bot, tg.message("/source", chat_id=16, lang="en"), 16)
    assert "Bloomberg" in source_reply["text"] and "13 sentences" in source_reply["text"]


def test_faq_pages_through_all_questions(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("/faq", chat_id=17), 17)
    rows = reply["reply_markup"]["inline_keyboard"]
    assert "(1/5)" in reply["text"]
    next_button = rows[-1][-1]
    assert next_button["callback_data"] == "p:1:de"
    since = bot.api.mark()
    bot.api.push(tg.callback(next_button["callback_data"], chat_id=17))
    edited = bot.api.wait_for("editMessageText", since=since)
    assert "(2/5)" in edited["text"]
    labels = [row[0]["callback_data"] for row in edited["reply_markup"]["inline_keyboard"]]
    assert labels[-1] == "p:0:de"  # back button on the second page


def test_group_is_silent_unless_addressed(bot: RunningBot) -> None:
    group = -100
    since = bot.api.mark()
    bot.api.push(tg.message("Wie viel investiert Alibaba?", chat_id=group, chat_type="group"))
    bot.api.push(tg.message("/ask@OtherBot Wie viel?", chat_id=group, chat_type="group"))
    time.sleep(1.0)
    assert [p for p in bot.api.calls_of("sendMessage", since=since) if p["chat_id"] == group] == []


def test_group_ask_command_with_bot_name_replies_to_the_asker(bot: RunningBot) -> None:
    update = tg.message(
        f"/ask@{BOT_USERNAME} Wer ist Jeff Zhang?", chat_id=-101, chat_type="supergroup"
    )
    reply = ask(bot, update, -101)
    assert "Jeff Zhang ist Präsident" in reply["text"]
    assert reply["reply_parameters"]["message_id"] == update["message"]["message_id"]


def test_group_frage_without_question_gets_usage_hint(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("/frage", chat_id=-102, chat_type="group"), -102)
    assert reply["text"].startswith("So geht's: /frage")


def test_group_mention_and_reply_to_bot_are_answered(bot: RunningBot) -> None:
    mention = tg.message(
        f"@{BOT_USERNAME} welcher Großkunde ist ausgestiegen?", chat_id=-103, chat_type="group"
    )
    assert "TikTok" in ask(bot, mention, -103)["text"]
    reply = tg.message(
        "und wie hoch war die Kartellstrafe?", chat_id=-103, chat_type="group", reply_to_bot=True
    )
    assert "2,8 Mrd." in ask(bot, reply, -103)["text"]


def test_inline_query_returns_up_to_three_articles(bot: RunningBot) -> None:
    since = bot.api.mark()
    bot.api.push(tg.inline("how many startups"))
    call = bot.api.wait_for("answerInlineQuery", since=since)
    results = call["results"]
    assert 1 <= len(results) <= 3
    assert results[0]["type"] == "article"
    assert "[S2]" in results[0]["input_message_content"]["message_text"]


def _sticker(chat_id: int, chat_type: str = "private") -> dict[str, Any]:
    update = tg.message(None, chat_id=chat_id, chat_type=chat_type)
    update["message"]["sticker"] = {
        "file_id": "s",
        "file_unique_id": "s",
        "type": "regular",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
    }
    return update


def test_sticker_gets_a_hint_in_private_and_silence_in_groups(bot: RunningBot) -> None:
    since = bot.api.mark()
    bot.api.push(_sticker(-105, "group"))
    hint = ask(bot, _sticker(18), 18)
    assert hint["text"].startswith("Ich verstehe nur Fragen als Text")
    reply = ask(bot, tg.message("Quelle?", chat_id=18), 18)
    assert "Bloomberg" in reply["text"]
    assert [p for p in bot.api.calls_of("sendMessage", since=since) if p["chat_id"] == -105] == []


def test_long_and_odd_messages_get_answers(bot: RunningBot) -> None:
    long_text = "Wie viel investiert Alibaba? " + "bla " * 1000
    assert ask(bot, tg.message(long_text[:4096], chat_id=19), 19)["text"]
    odd = ask(bot, tg.message("<script>alert(1)</script> 🤖 *bold* 阿里巴巴", chat_id=19), 19)
    assert "<script>" not in odd["text"]


def test_reload_by_non_admin_is_refused(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("/reload", chat_id=20, user_id=20), 20)
    assert "nur Admins" in reply["text"]
    assert "refused /reload" in bot.log_file.read_text()


def test_reload_good_then_broken_keeps_old_faq(bot: RunningBot) -> None:
    good = ask(bot, tg.message("/reload", chat_id=ADMIN_ID, user_id=ADMIN_ID, lang="en"), ADMIN_ID)
    assert "FAQ reloaded: 29 entries" in good["text"]
    faq = bot.knowledge_dir / "faq.yaml"
    original = faq.read_text()
    try:
        faq.write_text(original.replace("sentences: [S13]", "sentences: [S99]"))
        broken = ask(
            bot, tg.message("/reload", chat_id=ADMIN_ID, user_id=ADMIN_ID, lang="en"), ADMIN_ID
        )
        assert "Reload failed" in broken["text"]
        assert "faq.yaml:" in broken["text"] and "'source'" in broken["text"]
        assert "S99" in broken["text"]
        still = ask(bot, tg.message("Was ist die Quelle?", chat_id=21), 21)
        assert "Bloomberg" in still["text"]
    finally:
        faq.write_text(original)


def _upload(bot: RunningBot, content: str, file_id: str) -> dict[str, Any]:
    bot.api.files[file_id] = content.encode()
    return ask(bot, tg.document(file_id, "faq.yaml", user_id=ADMIN_ID), ADMIN_ID)


def test_document_upload_bad_changes_nothing(bot: RunningBot) -> None:
    before = (bot.knowledge_dir / "faq.yaml").read_text()
    reply = _upload(bot, "entries:\n  - id: Bad Id\n", "bad")
    assert "ungültig" in reply["text"]
    assert (bot.knowledge_dir / "faq.yaml").read_text() == before


def test_document_upload_good_goes_live_with_backup_escaping_and_split(bot: RunningBot) -> None:
    faq_file = bot.knowledge_dir / "faq.yaml"
    original = faq_file.read_text()
    data = yaml.safe_load(original)
    data["entries"].append(
        {
            "id": "escaping-check",
            "sentences": ["S13"],
            "kinds": ["what"],
            "answer": {"de": "R&D <schnell> " + "lang. " * 900, "en": "R&D <fast>"},
            "questions": {"de": ["Wie steht es um Zauberbohnen?"], "en": ["magic beans status"]},
        }
    )
    try:
        reply = _upload(bot, yaml.safe_dump(data, allow_unicode=True), "good")
        assert "ist aktiv" in reply["text"]
        assert list((bot.home / "data" / "backups").glob("faq-*.yaml"))
        since = bot.api.mark()
        bot.api.push(tg.message("Wie steht es um Zauberbohnen?", chat_id=22))
        time.sleep(1.5)
        parts = [
            p["text"] for p in bot.api.calls_of("sendMessage", since=since) if p["chat_id"] == 22
        ]
        assert len(parts) >= 2 and all(len(p) <= 4096 for p in parts)
        assert "R&amp;D &lt;schnell&gt;" in parts[0]
        assert "Quelle: Bloomberg" in parts[-1]
    finally:
        faq_file.write_text(original)
        ask(bot, tg.message("/reload", chat_id=ADMIN_ID, user_id=ADMIN_ID), ADMIN_ID)


def test_stats_for_admins(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("/stats", chat_id=ADMIN_ID, user_id=ADMIN_ID, lang="en"), ADMIN_ID)
    assert "answered" in reply["text"] and "private / de" in reply["text"]


def test_stats_count_questions_not_chat(bot: RunningBot) -> None:
    def counts() -> str:
        stats = ask(bot, tg.message("/stats", chat_id=ADMIN_ID, user_id=ADMIN_ID), ADMIN_ID)
        row = re.search(r"private / de: (\d+) ✓\s+(\d+) ✗", stats["text"])
        return row.group(0) if row else ""

    before = counts()
    ask(bot, tg.message("alles klar 👍", chat_id=74), 74)
    ask(bot, tg.message("Danke dir!", chat_id=74), 74)
    assert counts() == before
    ask(bot, tg.message("Wie hoch war die Strafe?", chat_id=74), 74)
    assert counts() != before


def test_api_error_is_logged_and_admins_told(bot: RunningBot) -> None:
    bot.api.fail_next.add("editMessageText")
    since = bot.api.mark()
    bot.api.push(tg.callback("p:1:de", chat_id=23))
    alert = bot.api.wait_for(
        "sendMessage", since=since, where=lambda p: p["chat_id"] == ADMIN_ID and "⚠️" in p["text"]
    )
    assert "BadRequest" in alert["text"]
    assert "Traceback" in bot.log_file.read_text()


def test_token_never_appears_in_logs(bot: RunningBot) -> None:
    log = bot.log_file.read_text()
    assert "getUpdates" in log or "sendMessage" in log or "bot @" in log
    assert TOKEN not in log


def test_run_without_token_explains_in_one_line(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "KNOWLEDGE_DIR": str(ROOT / "knowledge"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout.count("\n") == 1 and "TELEGRAM_BOT_TOKEN" in done.stdout


def test_help_works_in_groups(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("/help", chat_id=-104, chat_type="group", lang="en"), -104)
    assert "/ask" in reply["text"]


def test_concurrent_questions_each_get_their_own_answer(bot: RunningBot) -> None:
    questions = {
        40: ("Wer ist Jeff Zhang?", "Jeff Zhang ist Präsident"),
        41: ("Wie hoch war die Kartellstrafe?", "2,8 Mrd."),
        42: ("Which big customer left?", "TikTok"),
        43: ("How many developers?", "100,000 developers"),
        44: ("Was ist die Quelle?", "Bloomberg"),
    }
    since = bot.api.mark()
    for chat_id, (question, _) in questions.items():
        bot.api.push(tg.message(question, chat_id=chat_id))
    for chat_id, (_, expected) in questions.items():
        reply = bot.api.wait_for(
            "sendMessage", since=since, where=lambda p, c=chat_id: p["chat_id"] == c
        )
        assert expected in reply["text"]


def test_unknown_command_in_private_gets_help(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("/weather", chat_id=24, lang="en"), 24)
    assert reply["text"].startswith("I know one article only")


def test_thanks_gets_a_friendly_reply_without_citations(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("Vielen Dank für die Hilfe!", chat_id=71), 71)
    assert reply["text"].startswith("Gern geschehen")
    assert "[S" not in reply["text"]


def test_a_reaction_gets_a_nod_not_a_decline(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("alles klar 👍", chat_id=73), 73)
    assert reply["text"].startswith("👍 Frag einfach")
    assert "leider nichts" not in reply["text"] and "[S" not in reply["text"]


def test_decline_points_to_the_related_sentence(bot: RunningBot) -> None:
    reply = ask(bot, tg.message("Warum hat TikTok Alibaba verlassen?", chat_id=72), 72)
    assert "steht im Artikel leider nichts" in reply["text"]
    assert "[S12]" in reply["text"] and "Quelle: Bloomberg" in reply["text"]


def test_two_questions_in_one_message_get_both_answers(bot: RunningBot) -> None:
    question = "Hi! Wie viel Geld steckt Alibaba in das Projekt und wie lange soll es laufen?"
    reply = ask(bot, tg.message(question, chat_id=73), 73)
    assert "1 Milliarde US-Dollar" in reply["text"] and "drei Jahre" in reply["text"]
