"""End to end, the learning loop: 👍/👎, the question log, /unanswered, /stats, report --suggest.

The real bot process against the fake Bot API, as in test_telegram_e2e. The database is read
directly (a second reader beside the bot's writer, as WAL allows) to see what was stored.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bot.matcher import Matcher
from bot.telegram.feedback import vote_data
from tests import telegram_updates as tg
from tests.conftest import ADMIN_ID, ROOT, RunningBot, ask

TIMEOUT = 30.0


def _db(bot: RunningBot) -> Path:
    return bot.home / "data" / "questions.sqlite3"


def _query(path: Path, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path, timeout=30)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _eventually(check: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    """Wait for the bot's writer thread to commit (another process: nothing to wait on but
    the database itself)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout}s: {what}")
        time.sleep(0.05)


def _ask(
    bot: RunningBot,
    text: str,
    chat_id: int,
    *,
    user_id: int | None = None,
    chat_type: str = "private",
    lang: str = "de",
) -> dict[str, Any]:
    update = tg.message(
        text, chat_id=chat_id, user_id=user_id or chat_id, chat_type=chat_type, lang=lang
    )
    return ask(bot, update, chat_id, timeout=TIMEOUT)


def _votes(reply: dict[str, Any]) -> tuple[str, str]:
    last = reply["reply_markup"]["inline_keyboard"][-1]
    assert [b["text"] for b in last] == ["👍", "👎"]
    assert all(len(b["callback_data"].encode()) <= 64 for b in last)
    return last[0]["callback_data"], last[1]["callback_data"]


def _question_id(data: str) -> int:
    return int(data.split(":")[1], 36)


def _tap(bot: RunningBot, data: str, chat_id: int, **kw: Any) -> dict[str, Any]:
    update = tg.callback(data, chat_id=chat_id, **kw)
    since = bot.api.mark()
    bot.api.push(update)
    query_id = update["callback_query"]["id"]
    return bot.api.wait_for(
        "answerCallbackQuery",
        since=since,
        where=lambda p: str(p["callback_query_id"]) == query_id,
        timeout=TIMEOUT,
    )


# German questions the pipeline meets with each outcome; the test takes the first that does
# today (the answering core is tuned often), checked with the same code the bot runs.
CANDIDATES = {
    "answer": ["Wie viel Geld investiert Alibaba Cloud?", "Wer ist Jeff Zhang?"],
    "quote": [
        "An welchem Wochentag wurde das Projekt vorgestellt?",
        "Wie heißt das neue Programm von Alibaba Cloud?",
        "kartellstrafe alibaba",
        "tiktok alibaba cloud",
        "Wie groß war der Quartalsverlust eigentlich in Dollar?",
    ],
    "unsure": [
        "Was will Alibaba mit AsiaForward fördern?",
        "Welche Unterstützung bekommen Gründer?",
        "AsiaForward Budget",
        "AsiaForward Geld",
        "Stimmt es, dass die Startfinanzierung später noch aufgestockt werden soll?",
        "projektname nochmal?",
        "tiktok is zu azure gewechselt, richtig?",
    ],
    "unknown": ["Wie wird das Wetter morgen in Berlin?"],
}
LOGGED_AS = {"answer": "answer", "quote": "quote", "unsure": "did-you-mean", "unknown": "declined"}


def _one_of_each_outcome(matcher: Matcher) -> dict[str, tuple[str, str | None]]:
    cases = {}
    for outcome, questions in CANDIDATES.items():
        for question in questions:
            result = matcher.ask(question, default_language="de")
            if result.outcome == outcome:
                matched = result.faq_id or (result.citations[0].id if outcome == "quote" else None)
                cases[question] = (LOGGED_AS[outcome], matched)
                break
        else:
            raise AssertionError(f"no candidate question gets {outcome!r} any more: add one")
    return cases


def test_every_outcome_is_logged_with_vote_buttons(bot: RunningBot, matcher: Matcher) -> None:
    cases = _one_of_each_outcome(matcher)
    ids = {}
    for question in cases:
        reply = _ask(bot, question, 50, user_id=987654)
        ids[question] = _question_id(_votes(reply)[0])
    declined = _ask(bot, "Wie wird das Wetter morgen in Berlin?", 50, user_id=987654)
    assert len(declined["reply_markup"]["inline_keyboard"]) == 4  # 3 suggestions + 👍 👎
    path = _db(bot)
    marks = ",".join("?" * len(ids))
    sql = (
        "SELECT id, chat_type, language, outcome, faq_id, score, question, asker"
        f" FROM questions WHERE id IN ({marks})"
    )
    _eventually(lambda: len(_query(path, sql, tuple(ids.values()))) == 4, "4 rows")
    rows = {row[6]: row for row in _query(path, sql, tuple(ids.values()))}
    for question, (outcome, matched) in cases.items():
        _, chat_type, language, logged, faq_id, score, _, asker = rows[question]
        assert (chat_type, language, logged, faq_id) == ("private", "de", outcome, matched)
        assert isinstance(score, float)
        assert asker and "987654" not in asker
    assert len({row[7] for row in rows.values()}) == 1  # one asker, one pseudonym


def test_two_questions_in_one_message_are_two_rows(bot: RunningBot) -> None:
    reply = _ask(bot, "Wie hoch war die Kartellstrafe und wer ist Jeff Zhang?", 53)
    assert "2,8" in reply["text"] and "Jeff Zhang" in reply["text"]
    whole, second = "Wie hoch war die Kartellstrafe und wer ist Jeff Zhang?", "wer ist Jeff Zhang?"
    sql = "SELECT question, faq_id FROM questions WHERE question IN (?, ?) ORDER BY question"
    _eventually(lambda: len(_query(_db(bot), sql, (whole, second))) == 2, "two rows")
    assert _query(_db(bot), sql, (whole, second)) == [
        (whole, "antitrust-fine"),
        (second, "jeff-zhang"),
    ]


def test_an_edited_question_is_logged_and_its_edited_reply_has_vote_buttons(
    bot: RunningBot,
) -> None:
    original = tg.message("Wer ist Jeff Zhang?", chat_id=54)
    since = bot.api.mark()
    bot.api.push(original)
    bot.api.wait_for("sendMessage", since=since, where=lambda p: p["chat_id"] == 54)
    since = bot.api.mark()
    bot.api.push(tg.edited(original, "Wie hoch war die Kartellstrafe?"))
    edit = bot.api.wait_for("editMessageText", since=since, timeout=TIMEOUT)
    assert "2,8" in edit["text"]
    question_id = _question_id(_votes(edit)[0])
    sql = "SELECT question, faq_id FROM questions WHERE id = ?"
    _eventually(lambda: len(_query(_db(bot), sql, (question_id,))) == 1, "the edited question")
    assert _query(_db(bot), sql, (question_id,)) == [
        ("Wie hoch war die Kartellstrafe?", "antitrust-fine")
    ]


def test_a_vote_is_acknowledged_changed_by_a_second_tap_and_never_reposts(
    bot: RunningBot,
) -> None:
    reply = _ask(bot, "Wer ist Jeff Zhang?", 51)
    up, down = _votes(reply)
    since = bot.api.mark()
    assert _tap(bot, up, 51)["text"] == "Danke für dein 👍!"
    assert "👎" in _tap(bot, down, 51)["text"]
    question_id = _question_id(up)
    sql = "SELECT vote FROM votes WHERE question_id = ?"
    _eventually(lambda: _query(_db(bot), sql, (question_id,)) == [(-1,)], "the changed vote")
    time.sleep(0.3)
    reposts = [
        (name, p)
        for name, p in bot.api.calls[since:]
        if name.startswith(("send", "edit")) and int(p.get("chat_id", 0)) == 51
    ]
    assert reposts == []


def test_a_foreign_users_tap_is_their_own_vote(bot: RunningBot) -> None:
    group = -200
    reply = _ask(bot, "/ask Wie hoch war die Kartellstrafe?", group, user_id=60, chat_type="group")
    up, down = _votes(reply)
    _tap(bot, up, group, user_id=60, chat_type="group")
    _tap(bot, down, group, user_id=61, chat_type="group", lang="en")
    sql = "SELECT vote FROM votes WHERE question_id = ? ORDER BY vote"
    question_id = _question_id(up)
    _eventually(lambda: _query(_db(bot), sql, (question_id,)) == [(-1,), (1,)], "two votes")
    asker = _query(_db(bot), "SELECT asker FROM questions WHERE id = ?", (question_id,))
    voters = _query(_db(bot), "SELECT voter FROM votes WHERE question_id = ?", (question_id,))
    assert asker[0] in voters and len(set(voters)) == 2


def test_a_tap_on_an_answer_beyond_retention_is_acknowledged_and_ignored(
    bot: RunningBot,
) -> None:
    old_id = ((int(time.time()) - 91 * 86400) << 24) | 7
    answer = _tap(bot, vote_data(old_id, "+"), 52, lang="en")
    assert answer["text"] == "This answer is too old to be rated."
    time.sleep(0.3)
    assert _query(_db(bot), "SELECT * FROM votes WHERE question_id = ?", (old_id,)) == []


UNANSWERED = [
    "Wie viele Mitarbeiter hat Alibaba?",
    "wie viele Mitarbeiter hat Alibaba",
    "Wieviele Mitarbeiter hat Alibaba Cloud?",
    "Wie viele Mitarbeiter hat Alibaba insgesamt?",
    "Was kostet eine Alibaba Aktie?",
    "Wer ist der Chef von Amazon?",
    "Was gibt es heute zum Mittagessen?",
    "Wie spät ist es in Singapur?",
    "Regnet es morgen in Berlin?",
]


def test_unanswered_groups_pages_and_refuses_non_admins(bot: RunningBot) -> None:
    for question in UNANSWERED:
        _ask(bot, question, 70)
    reply = _ask(bot, "/unanswered", ADMIN_ID, user_id=ADMIN_ID, lang="en")
    lines = reply["text"].splitlines()
    assert lines[0].startswith("Unanswered in the last 7 days:")
    assert lines[1].startswith("1. 4× „")
    assert "Mitarbeiter" in lines[1] and " | " in lines[1]  # two examples
    assert reply["text"].count("\n") <= 7  # a page: header, five groups, the page number
    nav = reply["reply_markup"]["inline_keyboard"][-1][-1]
    assert nav["callback_data"] == "u:7:1"
    refused = _tap(bot, nav["callback_data"], 20)
    assert "nur Admins" in refused["text"]
    since = bot.api.mark()
    bot.api.push(tg.callback(nav["callback_data"], chat_id=ADMIN_ID, lang="en"))
    page = bot.api.wait_for("editMessageText", since=since, timeout=TIMEOUT)
    assert page["text"].splitlines()[1].startswith("6. ")
    assert "Page 2/" in page["text"]
    assert "nur Admins" in _ask(bot, "/unanswered", 20)["text"]
    assert "[Tage]" in _ask(bot, "/unanswered viele", ADMIN_ID, user_id=ADMIN_ID)["text"]


def test_stats_text_and_chart_photo_for_admins_only(bot: RunningBot) -> None:
    _ask(bot, "Wie viel investiert Alibaba?", 71)
    since = bot.api.mark()
    bot.api.push(tg.message("/stats 30", chat_id=ADMIN_ID, user_id=ADMIN_ID, lang="en"))
    text = bot.api.wait_for("sendMessage", since=since, timeout=TIMEOUT)["text"]
    assert text.startswith("Last 30 days:") and "answered" in text
    top = next(line for line in text.splitlines() if line.startswith("Top entries: "))
    assert "investment-amount" in top
    assert "distinct askers" in text and "private / de" in text
    photo = bot.api.wait_for("sendPhoto", since=since, timeout=60)
    assert int(photo["chat_id"]) == ADMIN_ID
    assert photo["photo"].startswith(b"\x89PNG")
    assert "nur Admins" in _ask(bot, "/stats", 20)["text"]


def _report(bot: RunningBot, *args: str) -> str:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")},
        "DATA_DIR": str(bot.home / "data"),
        "KNOWLEDGE_DIR": str(bot.knowledge_dir),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "report", *args],
        cwd=bot.home,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def _reload(bot: RunningBot) -> str:
    text = _ask(bot, "/reload", ADMIN_ID, user_id=ADMIN_ID, lang="en")["text"]
    assert text.startswith("FAQ reloaded"), text
    return text


def test_log_suggest_complete_reload_answers_the_same_questions(bot: RunningBot) -> None:
    questions = ["Wo hat Alibaba Cloud seinen Hauptsitz?", "Wo hat Alibaba Cloud den Hauptsitz?"]
    for question in questions:
        assert "steht im Artikel leider nichts" in _ask(bot, question, 72)["text"]
    sql = "SELECT COUNT(*) FROM questions WHERE question LIKE 'Wo hat Alibaba Cloud%'"
    _eventually(lambda: _query(_db(bot), sql) == [(2,)], "both questions logged")
    drafts_file = bot.home / "drafts.yaml"
    assert "draft entries" in _report(bot, "--days", "1", "--suggest", str(drafts_file))
    drafts = yaml.safe_load(drafts_file.read_text())["entries"]
    draft = next(d for d in drafts if questions[0] in d["questions"]["de"])
    assert set(draft["questions"]["de"]) == set(questions) and draft["draft"] is True
    faq = bot.knowledge_dir / "faq.yaml"
    original = faq.read_text()
    data = yaml.safe_load(original)
    try:
        data["entries"].append(draft)  # as suggested: a draft, not live
        faq.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        assert "29 entries" in _reload(bot)
        assert "steht im Artikel leider nichts" in _ask(bot, questions[0], 72)["text"]
        draft.pop("draft")  # the curator completes it
        draft["sentences"] = ["S1"]
        draft["kinds"] = ["where", "company"]  # the headquarters is a company fact
        draft["answer"] = {
            "de": "Den Hauptsitz nennt der Artikel nicht; er handelt von Project AsiaForward.",
            "en": "The article does not name the headquarters; it is about Project AsiaForward.",
        }
        draft["questions"]["en"] = ["Where is Alibaba Cloud's headquarters?"]
        faq.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        assert "30 entries" in _reload(bot)
        for question in questions:
            assert "Den Hauptsitz nennt der Artikel nicht" in _ask(bot, question, 72)["text"]
    finally:
        faq.write_text(original)
        _reload(bot)
