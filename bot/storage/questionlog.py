"""Writing the question log without blocking the caller: one writer thread, batched commits.

``record`` and ``vote`` only put an item on a queue (microseconds); the writer thread takes
everything waiting, writes it in one transaction and commits. So a burst loses nothing (the
queue is unbounded and drained in batches), and what has been committed survives a crash of the
process (SQLite's WAL). The same thread purges rows older than the retention window on start
and then hourly.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import queue
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.result import MatchResult
from bot.storage.queries import DAY
from bot.storage.schema import connect, salt

log = logging.getLogger(__name__)

LogOutcome = Literal["answer", "quote", "did-you-mean", "declined"]
ANSWERED: tuple[LogOutcome, ...] = ("answer", "quote")
UNANSWERED: tuple[LogOutcome, ...] = ("did-you-mean", "declined")
MAX_QUESTION_CHARS = 500
BATCH_MAX = 1000
BATCH_INTERVAL = 0.05  # seconds the writer waits for more after the first queued item
PURGE_EVERY = 3600.0
ID_RANDOM_BITS = 24


def outcome_of(result: MatchResult) -> LogOutcome | None:
    """How the log names a result's outcome; ``None`` for what is no question (nothing asked,
    a greeting, thanks, goodbye): not logged."""
    if result.outcome in ("answer", "quote"):
        return "answer" if result.outcome == "answer" else "quote"
    if result.outcome == "unsure":
        return "did-you-mean"
    if not result.asked:
        return None
    return "declined"


_sequence = itertools.count(secrets.randbits(ID_RANDOM_BITS))


def new_question_id(now: float) -> int:
    """An id that carries its time: whole seconds, then a counter from a random start (unique
    within the process up to 16 million questions a second; random across restarts)."""
    return (int(now) << ID_RANDOM_BITS) | (next(_sequence) & ((1 << ID_RANDOM_BITS) - 1))


def asked_at_of(question_id: int) -> float:
    return float(question_id >> ID_RANDOM_BITS)


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    id: int
    asked_at: float
    chat_type: str
    language: str
    outcome: LogOutcome
    faq_id: str | None
    score: float
    question: str
    asker: str | None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Vote:
    question_id: int
    voter: str
    value: int  # 1 or -1
    voted_at: float


@dataclass(frozen=True, slots=True)
class _Flush:
    done: threading.Event


_INSERT_QUESTION = (
    "INSERT INTO questions (id, asked_at, chat_type, language, outcome, faq_id, score, question,"
    " asker, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (origin) DO NOTHING"
)
_INSERT_VOTE = (
    "INSERT INTO votes (question_id, voter, vote, voted_at) SELECT ?, ?, ?, ?"
    " WHERE EXISTS (SELECT 1 FROM questions WHERE id = ?)"
    " ON CONFLICT (question_id, voter) DO UPDATE SET vote = excluded.vote,"
    " voted_at = excluded.voted_at"
)
_STOP = object()
_PURGE = object()
_Item = LoggedQuestion | Vote | _Flush | object


class QuestionLog:
    """The question log of one bot process; ``close`` it to write what is still queued."""

    def __init__(
        self,
        path: Path,
        *,
        retention_days: int,
        clock: Callable[[], float] = time.time,
        purge_every: float = PURGE_EVERY,
        batch_interval: float = BATCH_INTERVAL,
    ) -> None:
        self.path = path
        self.retention_days = retention_days
        self._clock = clock
        self._purge_every = purge_every
        self._batch_interval = batch_interval
        self._conn = connect(path)  # creates and migrates: errors surface here, at start-up
        self._salt = salt(self._conn).encode()
        self._queue: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
        self._closed = False
        self._thread.start()

    # --- the caller's side (any thread, never blocks) -----------------------------------------

    def _hash(self, value: str) -> str:
        return hashlib.sha256(self._salt + value.encode()).hexdigest()[:20]

    def pseudonym(self, user_id: int) -> str:
        """The salted hash that stands for a user (the salt lives in the database only)."""
        return self._hash(str(user_id))

    def record(
        self,
        result: MatchResult,
        *,
        chat_type: str,
        user_id: int | None,
        origin: str | None = None,
    ) -> LoggedQuestion | None:
        """Queue ``result`` for the log; returns the row (its ``id`` goes into the vote
        buttons), or ``None`` for an empty question. ``origin`` names the message asked (e.g.
        ``"chat:message"``): a second question from the same origin is not logged again."""
        outcome = outcome_of(result)
        if outcome is None:
            return None
        now = self._clock()
        matched = result.faq_id
        if matched is None and outcome == "quote" and result.citations:
            matched = result.citations[0].id
        row = LoggedQuestion(
            id=new_question_id(now),
            asked_at=now,
            chat_type=chat_type,
            language=result.language,
            outcome=outcome,
            faq_id=matched,
            score=round(result.score, 1),
            question=result.question[:MAX_QUESTION_CHARS],
            asker=self.pseudonym(user_id) if user_id is not None else None,
            origin=self._hash(origin) if origin is not None else None,
        )
        self._queue.put(row)
        return row

    def is_stale(self, question_id: int) -> bool:
        """True when the question is older than the retention window (its row is purged)."""
        return asked_at_of(question_id) < self._clock() - self.retention_days * DAY

    def vote(self, question_id: int, user_id: int, value: int) -> bool:
        """Queue a 👍 (1) or 👎 (-1); a later vote by the same user replaces it. False (and
        nothing queued) for a question beyond the retention window."""
        if self.is_stale(question_id):
            return False
        self._queue.put(Vote(question_id, self.pseudonym(user_id), value, self._clock()))
        return True

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything queued so far is committed (blocks: call it in a thread)."""
        done = threading.Event()
        self._queue.put(_Flush(done))
        return done.wait(timeout)

    def close(self, timeout: float = 30.0) -> None:
        """Write what is queued, stop the writer and close the database."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout)

    def purge(self, timeout: float = 30.0) -> bool:
        """Purge now (the writer does it on start and hourly) and wait until done."""
        self._queue.put(_PURGE)
        return self.flush(timeout)

    def reader(self) -> sqlite3.Connection:
        """A new connection for reading (one per thread; WAL lets it read while we write)."""
        return connect(self.path, target=None)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A reading connection once everything queued so far is committed (blocks: use it in
        a thread), closed afterwards: reports include the question asked a moment ago."""
        self.flush()
        conn = self.reader()
        try:
            yield conn
        finally:
            conn.close()

    # --- the writer thread ----------------------------------------------------------------------

    def _run(self) -> None:
        next_purge = 0.0
        try:
            while True:
                if time.monotonic() >= next_purge:
                    self._safely(self._purge)
                    next_purge = time.monotonic() + self._purge_every
                try:
                    first = self._queue.get(timeout=max(0.0, next_purge - time.monotonic()))
                except queue.Empty:
                    continue
                if first is not _STOP:
                    time.sleep(self._batch_interval)  # let a batch gather: fewer, larger commits
                batch = [first]
                while len(batch) < BATCH_MAX:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                self._safely(functools.partial(self._write, batch))
                if any(item is _PURGE for item in batch):
                    self._safely(self._purge)
                for item in batch:
                    if isinstance(item, _Flush):
                        item.done.set()
                if any(item is _STOP for item in batch):
                    return
        finally:
            self._conn.close()

    def _safely(self, work: Callable[[], object]) -> None:
        try:
            work()
        except Exception:
            log.exception("question log: write failed")
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

    def _write(self, batch: list[_Item]) -> None:
        """One transaction; runs of questions and of votes each in one ``executemany`` (its
        loop runs in C: the writer holds the GIL as little as possible)."""
        conn = self._conn
        conn.execute("BEGIN")
        for kind, run in itertools.groupby(batch, key=type):
            if kind is LoggedQuestion:
                self._insert([q for q in run if isinstance(q, LoggedQuestion)])
            elif kind is Vote:
                conn.executemany(
                    _INSERT_VOTE,
                    [
                        (v.question_id, v.voter, v.value, v.voted_at, v.question_id)
                        for v in run
                        if isinstance(v, Vote)
                    ],
                )
        conn.execute("COMMIT")

    def _insert(self, questions: list[LoggedQuestion]) -> None:
        """Questions; one already logged from the same origin is skipped. Should an id be taken
        (two processes writing in the same second), that row alone is lost, not the batch."""
        rows = [
            (
                q.id,
                q.asked_at,
                q.chat_type,
                q.language,
                q.outcome,
                q.faq_id,
                q.score,
                q.question,
                q.asker,
                q.origin,
            )
            for q in questions
        ]
        try:
            self._conn.executemany(_INSERT_QUESTION, rows)
        except sqlite3.IntegrityError:
            for row in rows:  # one by one: the rows before the clash are in already
                try:
                    self._conn.execute(_INSERT_QUESTION, row)
                except sqlite3.IntegrityError:
                    stored = self._conn.execute(
                        "SELECT asked_at, question FROM questions WHERE id = ?", (row[0],)
                    ).fetchone()
                    if stored != (row[1], row[7]):
                        log.warning("question log: id %d already taken, row lost", row[0])

    def _purge(self) -> int:
        """Delete the questions (and their votes) older than the retention window; return how
        many questions went."""
        cutoff = self._clock() - self.retention_days * DAY
        conn = self._conn
        conn.execute("BEGIN")
        conn.execute(
            "DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE asked_at < ?)",
            (cutoff,),
        )
        deleted = conn.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,)).rowcount
        conn.execute("COMMIT")
        if deleted:
            log.info("question log: purged %d questions older than the retention", deleted)
        return int(deleted)
