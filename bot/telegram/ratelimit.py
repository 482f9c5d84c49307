"""Pacing and retries for every Bot API call (PTB's ``BaseRateLimiter``).

Sends (``send*``, ``edit*``, …) are paced like Telegram asks: a send to a chat first waits for
that chat's window (about one per second in a private chat, ``rate_group_per_minute`` per
minute in a group), then for the overall window (``rate_overall_per_second``). Windows are
sliding and timed from each send's *completion*, so the server, which counts arrivals, never
sees more than the limit: zero 429s in a sustained burst. A group waiting for its window holds
no overall capacity, so it never delays other chats.

Retries, all bounded by ``send_retries``:

* 429: wait ``retry_after`` (only that chat waits) and send again;
* 5xx, connection errors, connect and pool timeouts (the request did not arrive, or failed):
  back off exponentially with jitter and send again; after the last attempt, one log line and
  the error goes to the handler;
* a read or write timeout is *not* retried: the message may have arrived (see
  ``may_have_arrived``), and sending it again could duplicate it.

On shutdown (``drain``) nothing waits any more: a call that would have to wait for a window or
a retry raises ``ShuttingDown`` instead (the update stays journalled and is answered after the
restart).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]
PACED_PREFIXES = ("send", "edit", "copy", "forward")
# PTB retries these itself while bootstrapping (``bootstrap_retries``).
BOOTSTRAP_METHODS = frozenset({"getMe", "deleteWebhook", "setWebhook", "close", "logOut"})
MARGIN = 0.01  # seconds added to every window against clock granularity
POLL = 0.2  # how often a waiting call looks whether the bot is shutting down
PRUNE_EVERY = 1000  # calls between sweeps of idle chat windows (keeps memory flat)


class ShuttingDown(Exception):
    """The bot is stopping: this call was not sent (its update stays journalled)."""


def may_have_arrived(error: BaseException) -> bool:
    """A timeout while waiting for the answer: the request was sent and may have been handled."""
    return isinstance(error, TimedOut) and isinstance(
        error.__cause__, httpx.ReadTimeout | httpx.WriteTimeout
    )


def retryable(error: BaseException) -> bool:
    """5xx, connection errors, connect and pool timeouts: nothing was delivered, try again."""
    if isinstance(error, BadRequest) or not isinstance(error, NetworkError):
        return False
    return not may_have_arrived(error)


class Window:
    """At most ``rate`` calls per ``period`` seconds, counted from each call's completion."""

    __slots__ = ("_lock", "blocked_until", "in_flight", "period", "rate", "stamps")

    def __init__(self, rate: int, period: float) -> None:
        self.rate = rate
        self.period = period + MARGIN
        self.stamps: deque[float] = deque()
        self.in_flight = 0
        self.blocked_until = 0.0
        self._lock = asyncio.Lock()  # FIFO: waiters are served in arrival order

    def _delay(self, now: float) -> float | None:
        """Seconds until a call may start (None: now)."""
        while self.stamps and self.stamps[0] <= now - self.period:
            self.stamps.popleft()
        if now < self.blocked_until:
            return self.blocked_until - now
        if len(self.stamps) + self.in_flight < self.rate:
            return None
        # The oldest send leaving the window, or one in flight completing, frees capacity.
        return self.stamps[0] + self.period - now if self.stamps else POLL

    async def acquire(self, draining: Callable[[], bool]) -> None:
        async with self._lock:
            while (delay := self._delay(time.monotonic())) is not None:
                if draining():
                    raise ShuttingDown
                await asyncio.sleep(min(delay, POLL))
            self.in_flight += 1

    def release(self) -> None:
        self.in_flight -= 1
        self.stamps.append(time.monotonic())

    def idle(self, now: float) -> bool:
        self._delay(now)
        return (
            not self.stamps
            and not self.in_flight
            and not self._lock.locked()
            and now >= self.blocked_until
        )


class PacingRateLimiter(BaseRateLimiter[int]):
    """Per-chat and overall pacing plus bounded retries (see the module docstring)."""

    def __init__(
        self,
        *,
        overall_per_second: int = 30,
        group_per_minute: int = 20,
        private_interval: float = 1.0,
        max_retries: int = 4,
        pace: bool = True,
        backoff: float = 0.5,
    ) -> None:
        self.pace = pace
        self.overall = Window(overall_per_second, 1.0)
        self.group_per_minute = group_per_minute
        self.private_interval = private_interval
        self.max_retries = max_retries
        self.backoff = backoff
        self.chats: dict[int | str, Window] = {}
        self._draining = False
        self._calls = 0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    def drain(self) -> None:
        """From now on, no call waits: one that would raises ``ShuttingDown``."""
        self._draining = True

    def draining(self) -> bool:
        return self._draining

    def _window(self, chat_id: int | str) -> Window | None:
        if not self.pace:
            return None
        window = self.chats.get(chat_id)
        if window is None:
            group = isinstance(chat_id, str) or chat_id < 0
            if group:
                window = Window(self.group_per_minute, 60.0)
            elif self.private_interval > 0:
                window = Window(1, self.private_interval)
            else:
                return None
            self.chats[chat_id] = window
        return window

    def _prune(self) -> None:
        self._calls += 1
        if self._calls % PRUNE_EVERY:
            return
        now = time.monotonic()
        for chat_id in [key for key, window in self.chats.items() if window.idle(now)]:
            del self.chats[chat_id]

    @staticmethod
    def _chat_id(data: dict[str, Any]) -> int | str | None:
        chat_id = data.get("chat_id")
        if chat_id is None:
            return None
        try:
            return int(chat_id)
        except (TypeError, ValueError):
            return str(chat_id)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        """Pace ``endpoint`` and call it, retrying as the module docstring says."""
        self._prune()
        chat_id = self._chat_id(data)
        paced = self.pace and chat_id is not None and endpoint.startswith(PACED_PREFIXES)
        retries = 0 if endpoint in BOOTSTRAP_METHODS else rate_limit_args or self.max_retries
        attempt = 0
        while True:
            chat = self._window(chat_id) if paced and chat_id is not None else None
            try:
                return await self._call_paced(chat, paced, callback, args, kwargs)
            except RetryAfter as error:
                # As PTB's AIORateLimiter does: the public attribute warns about its type change.
                wait = error._retry_after.total_seconds() + 0.1
                if chat is not None:
                    chat.blocked_until = max(chat.blocked_until, time.monotonic() + wait)
                elif paced:
                    self.overall.blocked_until = time.monotonic() + wait
                failure: Exception = error
            except NetworkError as error:
                if not retryable(error):
                    raise
                wait = self.backoff * 2**attempt * random.uniform(0.5, 1.5)
                failure = error
            attempt += 1
            if attempt > retries:
                log.warning(
                    "giving up on %s to chat %s after %d attempts: %s",
                    endpoint,
                    chat_id,
                    attempt,
                    failure,
                )
                raise failure
            if self._draining:
                raise ShuttingDown from failure
            log.info(
                "%s to chat %s failed (%s); retry %d of %d in %.1f s",
                endpoint,
                chat_id,
                failure,
                attempt,
                retries,
                wait,
            )
            await self._sleep(wait)

    async def _call_paced(
        self,
        chat: Window | None,
        paced: bool,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> JSON:
        overall = self.overall if paced else None
        if chat is not None:
            await chat.acquire(self.draining)
        try:
            if overall is not None:
                await overall.acquire(self.draining)
            try:
                return await callback(*args, **kwargs)
            finally:
                if overall is not None:
                    overall.release()
        finally:
            if chat is not None:
                chat.release()

    async def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self._draining:
                raise ShuttingDown
            await asyncio.sleep(min(left, POLL))
