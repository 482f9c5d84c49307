"""👍/👎 under each reply, and logging the question behind it.

A reply to a logged question carries a row ``👍 👎`` whose callback data names the question:
``v:<question id in base 36>:<+|->`` (at most 16 bytes). A tap records the tapping user's vote
(a second tap replaces it), is acknowledged with a short callback answer and changes nothing in
the chat. Taps on questions older than the retention window are acknowledged and ignored.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update, User

from bot.knowledge import Lang
from bot.result import MatchResult
from bot.storage.questionlog import QuestionLog
from bot.telegram.state import BotData, Context
from bot.texts import t

VOTE = "v"
VOTE_PATTERN = r"^v:[0-9a-z]+:[+-]$"
UP, DOWN = "+", "-"
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = DIGITS[rest] + digits
        if not number:
            return digits


def vote_data(question_id: int, sign: str) -> str:
    data = f"{VOTE}:{_base36(question_id)}:{sign}"
    assert len(data.encode()) <= 64, data
    return data


def parse_vote(data: str) -> tuple[int, int]:
    """``(question id, +1 or -1)``; raises ValueError on anything else."""
    kind, number, sign = data.split(":")
    if kind != VOTE or sign not in (UP, DOWN):
        raise ValueError(f"not a vote: {data!r}")
    return int(number, 36), 1 if sign == UP else -1


def with_votes(markup: InlineKeyboardMarkup | None, question_id: int) -> InlineKeyboardMarkup:
    """``markup`` (the "did you mean" buttons, if any) with a 👍 👎 row below."""
    rows = [list(row) for row in markup.inline_keyboard] if markup else []
    rows.append(
        [
            InlineKeyboardButton("👍", callback_data=vote_data(question_id, UP)),
            InlineKeyboardButton("👎", callback_data=vote_data(question_id, DOWN)),
        ]
    )
    return InlineKeyboardMarkup(rows)


def log_question(
    data: BotData, result: MatchResult, chat_type: str, user: User | None, origin: str
) -> int | None:
    """Queue ``result`` for the question log (never blocks); its id (for the vote buttons), or
    None when not logged. A second question in the same message is logged as its own row.
    ``origin`` names the update, so one delivered twice is logged once."""
    if data.questionlog is None:
        return None
    user_id = user.id if user else None
    rows = [
        data.questionlog.record(
            part,
            chat_type=chat_type,
            user_id=user_id,
            origin=origin if number == 0 else f"{origin}#{number}",
        )
        for number, part in enumerate(result.answers)
    ]
    return rows[0].id if rows[0] else None


async def vote(update: Update, context: Context) -> None:
    """Record a 👍 or 👎 and acknowledge it briefly; the answer stays as it is."""
    query = update.callback_query
    assert query and query.data
    lang: Lang = "de" if (query.from_user.language_code or "").lower().startswith("de") else "en"
    questionlog: QuestionLog | None = context.bot_data.questionlog
    try:
        question_id, value = parse_vote(query.data)
    except ValueError:
        await query.answer()
        return
    if questionlog is None or not questionlog.vote(question_id, query.from_user.id, value):
        await query.answer(t("vote_stale", lang))
        return
    await query.answer(t("vote_up" if value > 0 else "vote_down", lang))
