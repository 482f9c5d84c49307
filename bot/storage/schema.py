"""Open the question log database and migrate its schema forward (``PRAGMA user_version``).

Each migration is a tuple of statements; ``MIGRATIONS[n - 1]`` brings a database from version
``n - 1`` to ``n``. Never edit a released migration: append a new one.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: questions and the salt that hashes askers
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE questions (
            id INTEGER PRIMARY KEY,  -- (unix seconds << 24) | 24 random bits; in the vote buttons
            asked_at REAL NOT NULL,  -- unix time
            chat_type TEXT NOT NULL,  -- private, group, supergroup, channel
            language TEXT NOT NULL,  -- de, en
            outcome TEXT NOT NULL,  -- answer, quote, did-you-mean, declined
            faq_id TEXT,  -- the entry answered (or the sentence quoted, S1 …)
            score REAL NOT NULL,  -- the matcher's 0-100 coverage
            question TEXT NOT NULL,  -- the question as asked (at most 500 characters)
            asker TEXT  -- salted hash of the asker's user id, to count distinct askers
        )""",
        "CREATE INDEX questions_asked_at ON questions (asked_at)",
    ),
    # 2: 👍/👎, one per voter per question
    (
        """CREATE TABLE votes (
            question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
            voter TEXT NOT NULL,  -- salted hash of the voter's user id
            vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
            voted_at REAL NOT NULL,
            PRIMARY KEY (question_id, voter)
        )""",
    ),
    # 3: where a question came from (a salted hash of chat and message id), so an update that
    # Telegram delivers again after a crash is not logged twice
    (
        "ALTER TABLE questions ADD COLUMN origin TEXT",
        "CREATE UNIQUE INDEX questions_origin ON questions (origin)",
    ),
)
VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = VERSION) -> int:
    """Apply the missing migrations up to ``target``, each in its own transaction; return the
    version the database had before. A database newer than this code is refused."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = version(conn)
        if before > VERSION:
            raise RuntimeError(
                f"the question log has schema version {before}, newer than this bot's {VERSION}"
            )
        for number in range(before + 1, target + 1):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)", (_salt(),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return before


def _salt() -> str:
    return secrets.token_hex(16)


def connect(path: Path, *, target: int | None = VERSION) -> sqlite3.Connection:
    """Open (creating it and its directory if needed) the database at ``path`` in WAL mode,
    migrated to ``target`` (``None``: as it is, for readers beside a writer that migrated).
    Autocommit mode: callers open transactions explicitly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # in WAL: durable across process crashes
    conn.execute("PRAGMA foreign_keys = ON")
    if target is not None:
        migrate(conn, target)
    return conn


def salt(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
    return str(row[0])
