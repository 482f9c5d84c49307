"""Reports for admins (knowledge problems, errors), shortened and split to fit Telegram.

A problem keeps what locates it first (file, line, entry, field) and is shortened after that: a
5,000-character entry id shows as its first 60 characters. A report still longer than one
message is sent in valid parts (``bot.telegram_html.split_html``).
"""

from __future__ import annotations

import dataclasses

from telegram import Message

from bot.knowledge import KnowledgeError, Lang, Problem
from bot.render import escape
from bot.telegram_html import shorten, split_html
from bot.texts import t

MAX_PROBLEMS = 10
ENTRY_CHARS = 60
FIELD_CHARS = 60
MESSAGE_CHARS = 300
ALERT_CHARS = 1000


def _short(problem: Problem) -> Problem:
    return dataclasses.replace(
        problem,
        file=shorten(problem.file, 200),
        message=shorten(problem.message, MESSAGE_CHARS),
        entry=shorten(problem.entry, ENTRY_CHARS) if problem.entry else None,
        field=shorten(problem.field, FIELD_CHARS) if problem.field else None,
    )


def problem_lines(error: KnowledgeError, lang: Lang) -> str:
    """The first problems as escaped HTML lines, each locating itself first."""
    lines = [f"• {escape(str(_short(p)))}" for p in error.problems[:MAX_PROBLEMS]]
    if len(error.problems) > MAX_PROBLEMS:
        lines.append(t("more_problems", lang, count=len(error.problems) - MAX_PROBLEMS))
    return "\n".join(lines)


def error_alert(error: object) -> str:
    """The admins' alert for an error in a handler: its type and message, shortened."""
    summary = shorten(f"{type(error).__name__}: {error}", ALERT_CHARS)
    return f"⚠️ <code>{escape(summary)}</code>"


async def reply_in_parts(message: Message, text: str) -> None:
    """Reply with ``text`` (HTML), in as many valid messages as it takes."""
    for part in split_html(text):
        await message.reply_text(part)
