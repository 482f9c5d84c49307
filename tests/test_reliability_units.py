"""Unit tests of the reliability pieces: rate limiter, flood control, alerts, journal, the fake's
Telegram rules, unparseable updates and tag-balanced splitting."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot import telegram_html
from bot.matcher import Matcher
from bot.render import render
from bot.telegram.alerts import AdminAlerts
from bot.telegram.flood import FloodControl
from bot.telegram.journal import Journal
from bot.telegram.ratelimit import PacingRateLimiter, ShuttingDown, may_have_arrived
from bot.telegram.updates import parseable
from tests import telegram_updates as tg
from tests.telegram_rules import validate

# --- rate limiter ---------------------------------------------------------------------------


async def _until(condition: Callable[[], bool]) -> None:
    """Wait (generously: the machine may be loaded) until ``condition()`` holds."""
    async with asyncio.timeout(10):
        while not condition():  # noqa: ASYNC110 (a plain counter of a fake, no event to wait on)
            await asyncio.sleep(0.01)


def _failing(*errors: Exception) -> tuple[Callable[..., Coroutine[Any, Any, Any]], list[int]]:
    """A Bot API call that raises ``errors`` in turn, then succeeds; and its call count."""
    calls = [0]

    async def call() -> dict[str, Any]:
        calls[0] += 1
        if calls[0] <= len(errors):
            raise errors[calls[0] - 1]
        return {"ok": True}

    return call, calls


def _read_timeout() -> TimedOut:
    error = TimedOut()
    error.__cause__ = httpx.ReadTimeout("slow")
    return error


async def _send(limiter: PacingRateLimiter, call: Any, chat_id: int = 5) -> Any:
    return await limiter.process_request(call, (), {}, "sendMessage", {"chat_id": chat_id}, None)


async def test_retry_after_is_waited_out_and_sent_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # PTB 22 warns about retry_after's type otherwise
    limiter = PacingRateLimiter(private_interval=0, max_retries=2)
    call, calls = _failing(RetryAfter(dt.timedelta(seconds=1)))
    begun = time.monotonic()
    assert await _send(limiter, call) == {"ok": True}
    assert calls[0] == 2 and time.monotonic() - begun >= 1.0


@pytest.mark.parametrize(
    "error",
    [NetworkError("Internal Server Error (500)"), NetworkError("httpx.ConnectError: reset")],
)
async def test_server_and_connection_errors_are_retried(error: Exception) -> None:
    limiter = PacingRateLimiter(private_interval=0, max_retries=2, backoff=0.01)
    call, calls = _failing(error, error)
    assert await _send(limiter, call) == {"ok": True}
    assert calls[0] == 3


async def test_retries_are_bounded() -> None:
    limiter = PacingRateLimiter(private_interval=0, max_retries=2, backoff=0.01)
    call, calls = _failing(*[NetworkError("Bad Gateway")] * 5)
    with pytest.raises(NetworkError):
        await _send(limiter, call)
    assert calls[0] == 3


@pytest.mark.parametrize("error", [BadRequest("can't parse entities"), _read_timeout()])
async def test_bad_requests_and_read_timeouts_are_not_retried(error: Exception) -> None:
    limiter = PacingRateLimiter(private_interval=0, max_retries=3, backoff=0.01)
    call, calls = _failing(error)
    with pytest.raises(type(error)):
        await _send(limiter, call)
    assert calls[0] == 1


def test_only_a_read_or_write_timeout_may_have_arrived() -> None:
    pool = TimedOut("Pool timeout")
    pool.__cause__ = httpx.PoolTimeout("full")
    assert may_have_arrived(_read_timeout())
    assert not may_have_arrived(pool)
    assert not may_have_arrived(NetworkError("Bad Gateway"))


async def test_private_chat_is_paced_and_other_chats_are_not_held_up() -> None:
    limiter = PacingRateLimiter(private_interval=0.3)
    call, _ = _failing()
    begun = time.monotonic()
    await asyncio.gather(_send(limiter, call, 7), _send(limiter, call, 7), _send(limiter, call, 8))
    assert time.monotonic() - begun >= 0.3


async def test_group_window_holds_the_21st_message() -> None:
    limiter = PacingRateLimiter(group_per_minute=3)
    call, calls = _failing()
    tasks = [asyncio.create_task(_send(limiter, call, -100)) for _ in range(4)]
    await _until(lambda: calls[0] >= 3)
    await asyncio.sleep(0.3)
    assert calls[0] == 3  # the fourth waits for the minute
    limiter.drain()
    with pytest.raises(ShuttingDown):
        await tasks[3]
    await asyncio.gather(*tasks[:3])


# --- flood control --------------------------------------------------------------------------


def test_flood_control_admits_the_limit_then_one_notice_then_silence() -> None:
    flood = FloodControl(limit=3, window=60)
    verdicts = [flood.admit(7, now=float(n)) for n in range(6)]
    assert verdicts == [True, True, True, False, None, None]
    assert flood.admit(7, now=61.0) is True  # the window has room again
    assert flood.admit(8, now=5.0) is True  # other users are unaffected


# --- alerts -----------------------------------------------------------------------------------


async def test_alerts_are_aggregated_per_kind() -> None:
    sent: list[tuple[int, str]] = []

    async def send(chat_id: int, text: str) -> None:
        sent.append((chat_id, text))

    alerts = AdminAlerts(send, frozenset({1, 2}), interval=0.3)
    for _ in range(10):
        await alerts.report("NetworkError", "⚠️ <code>NetworkError: Bad Gateway</code>")
    await alerts.report("BadRequest", "⚠️ <code>BadRequest: x</code>")
    assert len(sent) == 4  # the first of each kind, to both admins
    assert sent[-1][1] == "⚠️ <code>BadRequest: x</code>"
    await _until(lambda: len(sent) >= 6)
    summaries = [text for _, text in sent if "9 more times" in text]
    assert len(summaries) == 2
    alerts.close()


# --- journal ----------------------------------------------------------------------------------


def _update(update_id: int, text: str = "Wer ist Jeff Zhang?") -> Update:
    data = {"update_id": update_id, **tg.message(text, chat_id=9)}
    update = Update.de_json(data, None)
    assert update is not None
    return update


def test_journal_keeps_what_was_not_done_across_a_restart(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    first, second, third = _update(1), _update(2), _update(3)
    for update in (first, second, third):
        journal.add(update)
    journal.done(first)
    journal.keep(second)
    journal.done(second)  # interrupted by the shutdown: stays
    journal.remember_reply(9, 42, [1001, 1002])
    journal.close()

    reopened = Journal(tmp_path / "journal.sqlite3")
    assert [p["update_id"] for p in reopened.pending()] == [2, 3]
    assert reopened.reply_ids(9, 42) == [1001, 1002]
    assert reopened.reply_ids(9, 43) == []
    again = Update.de_json(reopened.pending()[0], None)
    assert again is not None and again.message is not None
    assert again.message.text == "Wer ist Jeff Zhang?"
    reopened.close()


# --- what the fake checks ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<b>ok</b> &amp; <i>fine</i>", None),
        ("<b>open", "can't find end of b entity"),
        ("<b><i>crossed</b></i>", "can't find end tag"),
        ("<div>no</div>", 'unsupported start tag "div"'),
        ("a < b", "unexpected '<'"),
        ("R&D", "unexpected '&'"),
        ("x" * 4097, "message is too long"),
        ("<b>" + "x" * 4096 + "</b>", None),  # tags don't count
        ("   ", "message text is empty"),
    ],
)
def test_fake_validates_like_telegram(text: str, problem: str | None) -> None:
    error = validate("sendMessage", {"text": text, "parse_mode": "HTML"})
    assert (error is None) if problem is None else (error is not None and problem in error)


def test_fake_limits_callback_data_to_64_bytes() -> None:
    def markup(data: str) -> dict[str, Any]:
        return {"inline_keyboard": [[{"text": "x", "callback_data": data}]]}

    assert validate("sendMessage", {"text": "x", "reply_markup": markup("a" * 64)}) is None
    assert validate("sendMessage", {"text": "x", "reply_markup": markup("ä" * 33)})


# --- unparseable updates ----------------------------------------------------------------------


def test_unparseable_update_becomes_a_bare_one() -> None:
    good = {"update_id": 5, **tg.message("hi")}
    assert parseable(good) is good
    assert parseable({"update_id": 6, "message": {"message_id": 1}}) == {"update_id": 6}


# --- split_html's fast path (capacity) ---------------------------------------------------------


def test_split_html_fast_path_agrees_with_the_full_reading(
    matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    knowledge = matcher.knowledge
    answers = [
        matcher.answer_entry(entry.questions.get(lang)[0], entry, lang)
        for entry in knowledge.entries
        for lang in ("de", "en")
    ]
    replies = [render(answer, knowledge, markup=True) for answer in answers]
    replies += [render(matcher.ask("Wie wird das Wetter?"), matcher.knowledge, markup=True)]
    fast = [telegram_html.split_html(reply) for reply in replies]
    monkeypatch.setattr(telegram_html, "_fits_as_is", lambda *_: False)
    assert fast == [telegram_html.split_html(reply) for reply in replies]


@pytest.mark.parametrize("text", ["<b>open", "<b><i>x</b></i>", "R&D", "a < b", "x" * 5000])
def test_split_html_fast_path_leaves_what_needs_repair_to_the_full_reading(text: str) -> None:
    assert not telegram_html._fits_as_is(text, 4096)
