"""Fair update processing: one lane per chat (PTB's ``BaseUpdateProcessor``).

PTB's default processor runs up to N updates at once in arrival order. When one group floods
the bot, its handlers sit in the rate limiter waiting for the group's 20 messages a minute,
hold all N slots, and nobody else is answered. Here each chat has a lane: its updates run one
after another, in order, so a flooded group occupies one slot while everyone else's updates
pass it. At most ``concurrent`` handlers run at once (the slots; few, because httpx's
connection pool gets slower with every request queued in it), and a chat may have at most
``queue_limit`` updates waiting; beyond that its updates are dropped, with one notice in the
chat per flood. Inline queries (no chat) run at once, without a slot.

Every message update is journalled when it arrives and marked done when its handler returns
(``bot.telegram.journal``). After ``drain`` no waiting update starts: it stays journalled for
the next start.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor

from bot.telegram.handlers import user_language
from bot.telegram.journal import Journal
from bot.telegram.ratelimit import ShuttingDown
from bot.texts import t

log = logging.getLogger(__name__)

UNBOUNDED = 1_000_000  # PTB's own semaphore; the real bound is ``concurrent`` below


class Lane:
    __slots__ = ("lock", "noticed", "waiting")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()  # FIFO: the chat's updates run in arrival order
        self.waiting = 0
        self.noticed = False


def _close(coroutine: Awaitable[Any]) -> None:
    if inspect.iscoroutine(coroutine):
        coroutine.close()


class ChatLaneProcessor(BaseUpdateProcessor):
    def __init__(self, journal: Journal, *, concurrent: int = 32, queue_limit: int = 60) -> None:
        super().__init__(max_concurrent_updates=UNBOUNDED)
        self.journal = journal
        self.queue_limit = queue_limit
        self._slots = asyncio.Semaphore(concurrent)
        self._lanes: dict[int, Lane] = {}
        self._draining = False

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free (the journal is closed by the application)."""

    def drain(self) -> None:
        self._draining = True

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update):
            await coroutine
            return
        self.journal.add(update)
        chat = update.effective_chat
        if self._draining:
            _close(coroutine)
            return
        if chat is None:  # an inline query: not paced, quick, and due within seconds
            await coroutine
            return
        lane = self._lanes.get(chat.id)
        if lane is None:
            lane = self._lanes[chat.id] = Lane()
        if lane.waiting >= self.queue_limit:
            _close(coroutine)
            self.journal.done(update)
            await self._overflow(update, chat.id, lane)
            return
        lane.waiting += 1
        try:
            async with lane.lock:
                lane.waiting -= 1
                if self._draining:
                    _close(coroutine)
                    return
                async with self._slots:
                    await coroutine
                self.journal.done(update)
        finally:
            if not lane.waiting and not lane.lock.locked() and self._lanes.get(chat.id) is lane:
                del self._lanes[chat.id]

    async def _overflow(self, update: Update, chat_id: int, lane: Lane) -> None:
        """Drop ``update``; the first drop of a flood tells the chat why."""
        log.warning(
            "chat %s has %d updates waiting: dropped update %s",
            chat_id,
            lane.waiting,
            update.update_id,
        )
        if lane.noticed:
            return
        lane.noticed = True
        try:
            await update.get_bot().send_message(chat_id, t("queue_full", user_language(update)))
        except (TelegramError, ShuttingDown) as error:
            log.warning("could not tell chat %s about dropped questions: %s", chat_id, error)
