"""What the bot owes and what it answered, in SQLite (``DATA_DIR/journal.sqlite3``).

* ``pending``: every message update, from the moment it is taken from Telegram (which then
  forgets it) until its handler is done. An update interrupted by a shutdown stays and is
  handled again after the restart, exactly once; so is one left by a crash (at least once).
* ``replies``: which bot messages answered which question, so that an edited question edits
  its reply. Kept for 48 hours (how long Telegram lets a bot edit its messages).

Writes are grouped: they are kept in memory and written in one transaction every
``FLUSH_INTERVAL`` seconds and when the bot stops. An update handled within that interval never
touches the disk (its add and its done cancel out), which keeps the journal's cost per update
in microseconds. The price: a crash (not a SIGTERM) loses what arrived in its last 0.1 s.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from pathlib import Path

from telegram import Update

log = logging.getLogger(__name__)

REPLY_LIFETIME = 48 * 3600.0
MAX_AGE = 24 * 3600.0  # a question older than this after a restart is no longer answered
PRUNE_EVERY = 1000
FLUSH_INTERVAL = 0.1

SCHEMA = """
CREATE TABLE IF NOT EXISTS pending (
    update_id INTEGER PRIMARY KEY,
    payload TEXT NOT NULL,
    received REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS replies (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    reply_ids TEXT NOT NULL,
    sent REAL NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
"""


def journalled(update: Update) -> bool:
    """Only questions are owed an answer after a restart: new and edited messages."""
    return update.message is not None or update.edited_message is not None


class Journal:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA cache_size=-1000")  # 1 MB of pages: memory stays flat
        self._db.executescript(SCHEMA)
        self._kept: set[int] = set()
        self._adds: dict[int, tuple[Update, float]] = {}  # not yet written
        self._deletes: set[int] = set()
        self._replies: dict[tuple[int, int], tuple[list[int], float]] = {}
        self._timer: asyncio.TimerHandle | None = None
        self._flushes = 0
        self._prune()

    def close(self) -> None:
        self.flush()
        self._db.close()

    # --- updates the bot owes an answer ----------------------------------------------------

    def add(self, update: Update) -> None:
        if journalled(update):
            self._adds[update.update_id] = (update, time.time())
            self._deletes.discard(update.update_id)
            self._schedule()

    def keep(self, update: Update) -> None:
        """``update`` was interrupted by the shutdown: ``done`` leaves it for the restart."""
        self._kept.add(update.update_id)

    def done(self, update: Update) -> None:
        if update.update_id in self._kept:
            self._kept.discard(update.update_id)
        elif journalled(update) and self._adds.pop(update.update_id, None) is None:
            self._deletes.add(update.update_id)
            self._schedule()

    def pending(self) -> list[dict[str, object]]:
        """The updates left by the last run, oldest first (older than a day are dropped)."""
        self.flush()
        cutoff = time.time() - MAX_AGE
        stale = self._db.execute("DELETE FROM pending WHERE received < ?", (cutoff,)).rowcount
        if stale:
            log.warning("dropped %d journalled questions older than a day", stale)
        rows = self._db.execute("SELECT payload FROM pending ORDER BY update_id").fetchall()
        return [json.loads(payload) for (payload,) in rows]

    # --- replies, for edits -------------------------------------------------------------------

    def remember_reply(self, chat_id: int, message_id: int, reply_ids: list[int]) -> None:
        self._replies[(chat_id, message_id)] = (reply_ids, time.time())
        self._schedule()

    def reply_ids(self, chat_id: int, message_id: int) -> list[int]:
        if (chat_id, message_id) in self._replies:
            return list(self._replies[(chat_id, message_id)][0])
        row = self._db.execute(
            "SELECT reply_ids FROM replies WHERE chat_id = ? AND message_id = ?",
            (chat_id, message_id),
        ).fetchone()
        return [int(i) for i in json.loads(row[0])] if row else []

    # --- writing ------------------------------------------------------------------------------

    def _schedule(self) -> None:
        if self._timer is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no event loop (tests, tools): written on flush() or close()
        self._timer = loop.call_later(FLUSH_INTERVAL, self.flush)

    def flush(self) -> None:
        """Write what is kept in memory, in one transaction."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not (self._adds or self._deletes or self._replies):
            return
        adds = [(i, u.to_json(), received) for i, (u, received) in self._adds.items()]
        replies = [(c, m, json.dumps(ids), sent) for (c, m), (ids, sent) in self._replies.items()]
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR REPLACE INTO pending VALUES (?, ?, ?)", adds)
        self._db.executemany(
            "DELETE FROM pending WHERE update_id = ?", [(i,) for i in self._deletes]
        )
        self._db.executemany("INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?)", replies)
        self._db.execute("COMMIT")
        self._adds.clear()
        self._deletes.clear()
        self._replies.clear()
        self._flushes += 1
        if self._flushes % PRUNE_EVERY == 0:
            self._prune()

    def _prune(self) -> None:
        self._db.execute("DELETE FROM replies WHERE sent < ?", (time.time() - REPLY_LIFETIME,))
