"""Issue 7: the real bot against a Bot API that misbehaves the way the real one does.

Each scenario of the issue's table is one test; each counts exactly, per chat, what the fake
server accepted: answers delivered, duplicated, apologies, and questions lost (neither).
Timing figures (updates per second, latency under load, memory) come from
``python -m bench.telegram_load``, not from these tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.texts import t
from tests import telegram_updates as tg
from tests.conftest import ADMIN_ID, TOKEN, RunningBot, launch, started
from tests.fake_telegram import FakeBotApi

QUESTION = "Wie viel Geld investiert Alibaba?"
ANSWER = "1 Milliarde US-Dollar"
APOLOGIES = {t("error", "de"), t("error", "en")}
ADMINS = (ADMIN_ID, 2)
SEND_RETRIES = 2


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """One bot for the fault scenarios: a queue long enough for a 400-question group flood;
    flood control at 5 questions a minute and two retries per send (so their tests are quick)."""
    api = FakeBotApi(TOKEN).start()
    running = launch(
        api,
        tmp_path_factory.mktemp("faults"),
        chat_queue_limit="500",
        flood_questions_per_minute="5",
        send_retries=str(SEND_RETRIES),
    )
    try:
        yield started(running)
        # The flooded group from test_flooded_group_starves_nobody still has a backlog here.
        begun = time.monotonic()
        assert running.stop(timeout=15) == 0
        assert time.monotonic() - begun < 10
    finally:
        if running.process.poll() is None:
            running.process.kill()
        api.stop()


def _ten_questions(api: FakeBotApi, first_chat: int) -> tuple[int, list[int]]:
    chats = list(range(first_chat, first_chat + 10))
    since = api.mark()
    api.push_many([tg.message(QUESTION, chat_id=chat) for chat in chats])
    return since, chats


def _counts(api: FakeBotApi, chats: list[int], since: int) -> dict[str, int]:
    counts = {"delivered": 0, "duplicated": 0, "apologised": 0, "lost": 0}
    for chat in chats:
        texts = api.sent_to(chat, since=since)
        answers = sum(ANSWER in text for text in texts)
        apologies = sum(text in APOLOGIES for text in texts)
        counts["delivered"] += answers > 0
        counts["duplicated"] += max(0, answers - 1)
        counts["apologised"] += apologies
        counts["lost"] += not answers and not apologies
    return counts


def _settle(api: FakeBotApi, chats: list[int], since: int, timeout: float = 20) -> None:
    """Wait until every chat got something, then a moment for late duplicates."""
    api.wait_until(lambda: all(api.sent_to(chat, since=since) for chat in chats), timeout)
    time.sleep(1.0)


def _alerts(api: FakeBotApi, since: int) -> int:
    return sum("⚠️" in text for admin in ADMINS for text in api.sent_to(admin, since=since))


EXACTLY_ONCE = {"delivered": 10, "duplicated": 0, "apologised": 0, "lost": 0}


@pytest.mark.parametrize(
    ("first_chat", "fault"),
    [
        # 429 with retry_after, repeated while the window lasts: waited out, sent again.
        (100, {"status": 429, "retry_after": 2, "lasting": 2}),
        # 500 or 502 once, a connection reset once: retried.
        (700, {"status": 500}),
        (702, {"status": 502}),
        (300, {"reset": True}),
    ],
    ids=["429-retry-after", "500-once", "502-once", "reset-once"],
)
def test_a_passing_fault_is_retried_and_answered_exactly_once(
    bot: RunningBot, first_chat: int, fault: dict[str, Any]
) -> None:
    since, chats = _ten_questions(bot.api, first_chat)
    bot.api.fault("sendMessage", chats=frozenset(chats), **fault)
    try:
        _settle(bot.api, chats, since)
    finally:
        bot.api.clear_faults()
    assert _counts(bot.api, chats, since) == EXACTLY_ONCE
    assert _alerts(bot.api, since) == 0


def test_reply_after_read_timeout_is_not_apologised(bot: RunningBot) -> None:
    before = bot.log().count("may have arrived")
    since, chats = _ten_questions(bot.api, 400)
    bot.api.fault("sendMessage", delay=8, chats=frozenset(chats))
    try:
        _settle(bot.api, chats, since)
        bot.api.wait_until(lambda: bot.log().count("may have arrived") >= before + 10, 30)
        time.sleep(1.0)
    finally:
        bot.api.clear_faults()
    assert _counts(bot.api, chats, since) == EXACTLY_ONCE
    assert _alerts(bot.api, since) == len(ADMINS)  # one for the ten timeouts, per admin


def test_persistent_server_errors_give_up_once_with_one_apology_each(bot: RunningBot) -> None:
    since, chats = _ten_questions(bot.api, 500)
    # Every attempt at the answer fails (1 + SEND_RETRIES); the apology afterwards passes.
    bot.api.fault("sendMessage", status=500, first=1 + SEND_RETRIES, chats=frozenset(chats))
    try:
        _settle(bot.api, chats, since, timeout=40)
    finally:
        bot.api.clear_faults()
    counts = _counts(bot.api, chats, since)
    assert counts == {"delivered": 0, "duplicated": 0, "apologised": 10, "lost": 0}
    assert _alerts(bot.api, since) == len(ADMINS)  # aggregated: one per kind, not ten
    assert bot.log().count("giving up on sendMessage") >= 10


def test_allowed_updates_name_only_what_the_bot_handles(bot: RunningBot) -> None:
    handled = ["message", "edited_message", "callback_query", "inline_query"]
    assert bot.api.allowed_updates == handled


def test_malformed_update_is_logged_once_and_skipped(bot: RunningBot) -> None:
    since = bot.api.mark()
    bot.api.push_many(
        [
            {"message": {"message_id": 1, "chat": {"id": 600}}},  # no date, no chat type
            tg.message(QUESTION, chat_id=600),
        ]
    )
    bot.api.wait_until(lambda: any(ANSWER in x for x in bot.api.sent_to(600, since=since)))
    time.sleep(1.0)
    log = bot.log()
    assert log.count("that can't be parsed") == 1
    assert "Received data was *not* processed" not in log


def test_burst_is_paced_without_a_single_429(bot: RunningBot) -> None:
    rejected = bot.api.statuses[429]
    since = bot.api.mark()
    private = list(range(1000, 1090))
    group = -1000
    updates = [tg.message(QUESTION, chat_id=chat) for chat in private]
    updates += [
        tg.message(f"/ask {QUESTION}", chat_id=group, chat_type="group", user_id=5000 + n)
        for n in range(25)
    ]
    updates += [tg.message(QUESTION, chat_id=1200) for _ in range(3)]  # one chat, three at once
    bot.api.push_many(updates)
    bot.api.wait_until(
        lambda: (
            all(bot.api.sent_to(chat, since=since) for chat in private)
            and len(bot.api.sent_to(group, since=since)) >= 20
            and len(bot.api.sent_to(1200, since=since)) >= 3
        ),
        timeout=30,
    )
    time.sleep(2.0)
    assert bot.api.statuses[429] == rejected
    assert len(bot.api.sent_to(group, since=since)) == 20  # the rest wait for the next minute
    assert _counts(bot.api, private, since)["delivered"] == 90
    assert bot.api.limits is not None and bot.api.limits.peak_per_second <= 30


def test_flood_control_one_notice_then_silence_admins_exempt(bot: RunningBot) -> None:
    since = bot.api.mark()
    bot.api.push_many(
        [tg.message(f"/ask {QUESTION}", chat_id=-1300, chat_type="group", user_id=77)] * 8
        + [tg.message(f"/ask {QUESTION}", chat_id=-1301, chat_type="group", user_id=ADMIN_ID)] * 8
    )
    bot.api.wait_until(
        lambda: (
            len(bot.api.sent_to(-1300, since=since)) >= 6
            and len(bot.api.sent_to(-1301, since=since)) >= 8
        ),
        timeout=20,
    )
    time.sleep(1.0)
    flooded = bot.api.sent_to(-1300, since=since)
    assert sum(ANSWER in text for text in flooded) == 5
    assert flooded.count(t("flood", "de")) == 1
    assert len(flooded) == 6
    admin = bot.api.sent_to(-1301, since=since)
    assert sum(ANSWER in text for text in admin) == 8 and len(admin) == 8


def test_edited_question_edits_the_reply(bot: RunningBot) -> None:
    since = bot.api.mark()
    question = tg.message(QUESTION, chat_id=1400)
    bot.api.push(question)
    reply = bot.api.wait_for("sendMessage", since=since, where=lambda p: p["chat_id"] == 1400)
    bot.api.push(tg.edited(question, "Wer ist Jeff Zhang?"))
    edit = bot.api.wait_for("editMessageText", since=since, where=lambda p: p["chat_id"] == 1400)
    assert "Jeff Zhang ist Präsident" in edit["text"]
    assert edit["message_id"] == reply["_message_id"]
    time.sleep(1.0)
    assert len(bot.api.sent_to(1400, since=since)) == 1  # no second reply


def test_edit_of_an_unanswered_question_is_answered_once(bot: RunningBot) -> None:
    since = bot.api.mark()
    chatter = tg.message("Mittagessen?", chat_id=-1500, chat_type="group")
    bot.api.push(tg.edited(chatter, "/ask Wer ist Jeff Zhang?"))
    bot.api.wait_until(lambda: bool(bot.api.sent_to(-1500, since=since)))
    time.sleep(1.0)
    texts = bot.api.sent_to(-1500, since=since)
    assert len(texts) == 1 and "Jeff Zhang ist Präsident" in texts[0]


def test_flooded_group_starves_nobody(bot: RunningBot) -> None:
    """400 questions in one group wait for its 20 a minute; others pass them (the issue's
    target is 1 s; the benchmark measures it, the test allows for a loaded machine)."""
    group = -1600
    since = bot.api.mark()
    last = bot.api.push_many(
        [
            tg.message(f"/ask {QUESTION}", chat_id=group, chat_type="group", user_id=10_000 + n)
            for n in range(400)
        ]
    )[-1]
    bot.api.wait_until(
        lambda: bot.api.confirmed >= last and len(bot.api.sent_to(group, since=since)) >= 20,
        timeout=30,
    )
    begun = time.monotonic()
    bot.api.push_many([tg.message(QUESTION, chat_id=1601), tg.inline("how many startups")])
    bot.api.wait_for("answerInlineQuery", since=since, timeout=10)
    bot.api.wait_until(lambda: bool(bot.api.sent_to(1601, since=since)), timeout=10)
    assert time.monotonic() - begun < 3
    assert len(bot.api.sent_to(group, since=since)) == 20


# --- scenarios that need their own process ------------------------------------------------------


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    server = FakeBotApi(TOKEN).start()
    yield server
    server.stop()


def test_unreachable_bot_api_at_start_is_retried(tmp_path: Path) -> None:
    api = FakeBotApi(TOKEN, down_for=5).start()
    running = launch(api, tmp_path)
    try:
        started(running, timeout=60)
        assert running.process.poll() is None
        since = api.mark()
        api.push(tg.message(QUESTION, chat_id=1700))
        api.wait_until(lambda: any(ANSWER in x for x in api.sent_to(1700, since=since)))
        retries = running.log().count("the Bot API is not reachable")
        assert 1 <= retries <= 10  # backoff, not a crash loop
        assert running.stop() == 0
    finally:
        if running.process.poll() is None:
            running.process.kill()
        api.stop()


def _replies_by_question(api: FakeBotApi, chat: int) -> dict[int, int]:
    counts: dict[int, int] = {}
    for name, params in list(api.delivered):
        if name == "sendMessage" and params.get("chat_id") == chat:
            asked = (params.get("reply_parameters") or {}).get("message_id")
            if asked is not None:
                counts[asked] = counts.get(asked, 0) + 1
    return counts


def _group_flood(group: int, first_user: int) -> tuple[list[dict[str, Any]], set[int]]:
    questions = [
        tg.message(f"/ask {QUESTION}", chat_id=group, chat_type="group", user_id=first_user + n)
        for n in range(400)
    ]
    return questions, {update["message"]["message_id"] for update in questions}


def _restart_and_count(api: FakeBotApi, home: Path, group: int) -> dict[int, int]:
    """Restart the bot (limits off: it may answer as fast as it can); replies per question once
    all 400 are answered."""
    api.limits = None
    restarted = started(launch(api, home, chat_queue_limit="500", rate_limits="false"))
    try:
        api.wait_until(lambda: len(_replies_by_question(api, group)) >= 400, timeout=60)
        time.sleep(1.0)
        assert "journalled by the last run" in restarted.log()
        assert restarted.stop() == 0
        return _replies_by_question(api, group)
    finally:
        if restarted.process.poll() is None:
            restarted.process.kill()


def test_sigterm_with_backlog_exits_fast_and_answers_the_rest_once_after_restart(
    tmp_path: Path, api: FakeBotApi
) -> None:
    group = -1800
    questions, asked = _group_flood(group, 20_000)
    running = started(launch(api, tmp_path, chat_queue_limit="500"))
    last = api.push_many(questions)[-1]
    api.wait_until(lambda: api.confirmed >= last and len(api.sent_to(group)) >= 20, timeout=30)
    begun = time.monotonic()
    assert running.stop(timeout=15) == 0
    assert time.monotonic() - begun < 10
    answered_before = len(_replies_by_question(api, group))
    assert 20 <= answered_before < 400

    replies = _restart_and_count(api, tmp_path, group)
    assert set(replies) == asked
    assert set(replies.values()) == {1}  # exactly once: none lost, none duplicated


def test_sigkill_with_backlog_loses_nothing_after_restart(tmp_path: Path, api: FakeBotApi) -> None:
    """A crash can't be exactly once (the reply in flight may go out twice), but the journal
    (written every 0.1 s) still answers every acknowledged question."""
    group = -1850
    questions, asked = _group_flood(group, 25_000)
    running = started(launch(api, tmp_path, chat_queue_limit="500"))
    last = api.push_many(questions)[-1]
    api.wait_until(lambda: api.confirmed >= last and len(api.sent_to(group)) >= 20, timeout=30)
    time.sleep(0.5)  # past the journal's write interval
    running.process.kill()
    running.process.wait()
    replies = _restart_and_count(api, tmp_path, group)
    assert set(replies) == asked  # none lost
    assert sum(replies.values()) - len(asked) <= 1  # at most the reply in flight twice


def test_group_queue_is_bounded_with_one_notice(tmp_path: Path, api: FakeBotApi) -> None:
    group = -1900
    running = started(launch(api, tmp_path, chat_queue_limit="5"))
    try:
        since = api.mark()
        api.push_many(
            [
                tg.message(f"/ask {QUESTION}", chat_id=group, chat_type="group", user_id=30_000 + n)
                for n in range(30)
            ]
        )
        api.wait_until(lambda: len(api.sent_to(group, since=since)) >= 7, timeout=20)
        time.sleep(1.5)
        texts = api.sent_to(group, since=since)
        assert sum(ANSWER in text for text in texts) == 6  # one running, five queued
        assert texts.count(t("queue_full", "de")) == 1
        assert len(texts) == 7
        assert running.stop() == 0
    finally:
        if running.process.poll() is None:
            running.process.kill()
