"""Per-user flood control: at most ``limit`` questions per user per minute (admins exempt).

The first question beyond the limit gets one friendly notice in the user's language; the
rest are ignored until the window has room again. Runs as a ``TypeHandler`` in group -1,
before every other handler, and stops a flooded update with ``ApplicationHandlerStop`` (PTB's
idiom for this).
"""

from __future__ import annotations

import time
from collections import deque

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from bot.telegram.handlers import user_language
from bot.telegram.state import Context
from bot.texts import t

WINDOW = 60.0
PRUNE_EVERY = 1000


class FloodControl:
    """A sliding window of question times per user."""

    def __init__(self, limit: int, window: float = WINDOW) -> None:
        self.limit = limit
        self.window = window
        self._asked: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}  # user → when the notice was sent
        self._checks = 0

    def admit(self, user_id: int, now: float | None = None) -> bool | None:
        """True: answer. False: over the limit, send the notice. None: over it, stay silent."""
        now = time.monotonic() if now is None else now
        self._prune(now)
        asked = self._asked.setdefault(user_id, deque())
        while asked and asked[0] <= now - self.window:
            asked.popleft()
        if len(asked) < self.limit:
            asked.append(now)
            self._warned.pop(user_id, None)
            return True
        if user_id in self._warned:
            return None
        self._warned[user_id] = now
        return False

    def _prune(self, now: float) -> None:
        self._checks += 1
        if self._checks % PRUNE_EVERY:
            return
        for user_id in [u for u, asked in self._asked.items() if asked[-1] <= now - self.window]:
            del self._asked[user_id]
            self._warned.pop(user_id, None)

    def __len__(self) -> int:
        return len(self._asked)


def is_question(update: Update, username: str, bot_id: int) -> bool:
    """Updates that ask the bot something: private messages, button taps, and group messages
    that are commands, mention the bot or reply to it."""
    if update.callback_query:
        return True
    message = update.message or update.edited_message
    if message is None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    text = message.text or ""
    replied = message.reply_to_message
    return (
        text.startswith("/")
        or f"@{username}".lower() in text.lower()
        or bool(replied and replied.from_user and replied.from_user.id == bot_id)
    )


async def check_flood(update: Update, context: Context) -> None:
    """Let a question through, or stop it: one notice per flood, then silence."""
    data = context.bot_data
    user = update.effective_user
    if data.flood is None or user is None or data.is_admin(user.id):
        return
    if not is_question(update, context.bot.username, context.bot.id):
        return
    admitted = data.flood.admit(user.id)
    if admitted:
        return
    if admitted is False:
        if update.callback_query:
            await update.callback_query.answer(t("flood", user_language(update)))
        elif update.effective_message:
            await update.effective_message.reply_text(t("flood", user_language(update)))
    raise ApplicationHandlerStop
