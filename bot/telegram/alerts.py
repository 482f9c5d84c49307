"""Admin alerts, aggregated: at most one message per kind of error per ``interval`` seconds.

The first error of a kind is reported at once; further ones within the interval are counted
and reported together when it ends ("… 17 more times in the last 5 minutes"). Sending an alert
never raises: if the admins can't be told, that is logged.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

Send = Callable[[int, str], Awaitable[object]]


@dataclass
class Kind:
    last_sent: float
    summary: str  # the latest alert's HTML
    count: int = 0
    timer: asyncio.TimerHandle | None = None


class AdminAlerts:
    def __init__(self, send: Send, admin_ids: frozenset[int], interval: float = 300.0) -> None:
        self._send = send
        self.admin_ids = admin_ids
        self.interval = interval
        self._kinds: dict[str, Kind] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self.sent = 0

    async def report(self, kind: str, alert: str) -> None:
        """One error of ``kind`` (``alert``: its HTML text): alert now, or count it for the
        interval's summary."""
        now = time.monotonic()
        known = self._kinds.get(kind)
        if known is None or now - known.last_sent >= self.interval:
            self._kinds[kind] = Kind(now, alert)
            await self._alert(alert)
            return
        known.count += 1
        known.summary = alert
        if known.timer is None:
            delay = known.last_sent + self.interval - now
            known.timer = asyncio.get_running_loop().call_later(delay, self._flush, kind)

    def _flush(self, kind: str) -> None:
        known = self._kinds.get(kind)
        if known is None or not known.count:
            return
        minutes = max(1, round(self.interval / 60))
        text = f"{known.summary}\n… {known.count} more times in the last {minutes} min"
        self._kinds[kind] = Kind(time.monotonic(), known.summary)
        task = asyncio.get_running_loop().create_task(self._alert(text))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _alert(self, text: str) -> None:
        for admin_id in self.admin_ids:
            try:
                await self._send(admin_id, text)
                self.sent += 1
            except Exception as error:  # an alert must never raise
                log.warning("could not alert admin %s: %s", admin_id, error)

    def close(self) -> None:
        """Cancel pending summaries, logging what they would have said."""
        for kind, known in self._kinds.items():
            if known.timer is not None:
                known.timer.cancel()
            if known.count:
                log.warning("%d more errors of kind %s were not reported", known.count, kind)
        for task in self._tasks:
            task.cancel()
