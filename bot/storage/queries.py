"""Reading the question log: plain rows for ``bot.report`` (no formatting here)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

DAY = 86400.0
_ANSWERED = "outcome IN ('answer', 'quote')"


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    answered: int
    unanswered: int


@dataclass(frozen=True, slots=True)
class EntryVotes:
    faq_id: str
    up: int
    down: int


@dataclass(frozen=True, slots=True)
class UnansweredQuestion:
    question: str
    language: str
    reason: str  # did-you-mean, declined or 👎 (an answer voted down)


def since(now: float, days: int) -> float:
    return now - days * DAY


def per_day(conn: sqlite3.Connection, now: float, days: int) -> list[DayCount]:
    """Answered and not answered questions per UTC day, every day of the window (zeros too)."""
    rows = conn.execute(
        f"SELECT date(asked_at, 'unixepoch'), SUM({_ANSWERED}), SUM(NOT {_ANSWERED})"
        " FROM questions WHERE asked_at >= ? GROUP BY 1",
        (since(now, days),),
    ).fetchall()
    found = {date.fromisoformat(d): (int(a), int(u)) for d, a, u in rows}
    today = datetime.fromtimestamp(now, UTC).date()
    first = min([today - timedelta(days=days - 1), *found])
    span = (today - first).days + 1
    return [
        DayCount(day, *found.get(day, (0, 0)))
        for day in (first + timedelta(days=n) for n in range(span))
    ]


def distinct_askers(conn: sqlite3.Connection, now: float, days: int) -> int:
    row = conn.execute(
        "SELECT COUNT(DISTINCT asker) FROM questions WHERE asked_at >= ?", (since(now, days),)
    ).fetchone()
    return int(row[0])


def top_entries(
    conn: sqlite3.Connection, now: float, days: int, limit: int = 10
) -> list[tuple[str, int]]:
    """The entries (or quoted sentences) answered most often."""
    rows = conn.execute(
        f"SELECT faq_id, COUNT(*) FROM questions WHERE asked_at >= ? AND {_ANSWERED}"
        " AND faq_id IS NOT NULL GROUP BY faq_id ORDER BY 2 DESC, 1 LIMIT ?",
        (since(now, days), limit),
    ).fetchall()
    return [(str(f), int(n)) for f, n in rows]


def votes_per_entry(conn: sqlite3.Connection, now: float, days: int) -> list[EntryVotes]:
    rows = conn.execute(
        "SELECT q.faq_id, SUM(v.vote = 1), SUM(v.vote = -1) FROM votes v"
        " JOIN questions q ON q.id = v.question_id"
        " WHERE q.asked_at >= ? AND q.faq_id IS NOT NULL"
        " GROUP BY q.faq_id ORDER BY SUM(v.vote = -1) DESC, COUNT(*) DESC, 1",
        (since(now, days),),
    ).fetchall()
    return [EntryVotes(str(f), int(u), int(d)) for f, u, d in rows]


def by_chat_and_language(
    conn: sqlite3.Connection, now: float, days: int
) -> list[tuple[str, str, int, int]]:
    """``(chat type, language, answered, not answered)`` rows."""
    rows = conn.execute(
        f"SELECT chat_type, language, SUM({_ANSWERED}), SUM(NOT {_ANSWERED}) FROM questions"
        " WHERE asked_at >= ? GROUP BY 1, 2 ORDER BY 1, 2",
        (since(now, days),),
    ).fetchall()
    return [(str(c), str(lang), int(a), int(u)) for c, lang, a, u in rows]


def unanswered(conn: sqlite3.Connection, now: float, days: int) -> list[UnansweredQuestion]:
    """Questions declined or met with "did you mean", and answers voted down (more 👎 than
    👍), oldest first."""
    rows = conn.execute(
        "SELECT q.question, q.language, q.outcome,"
        " COALESCE(SUM(v.vote = -1), 0) AS down, COALESCE(SUM(v.vote = 1), 0) AS up"
        " FROM questions q LEFT JOIN votes v ON v.question_id = q.id"
        " WHERE q.asked_at >= ? GROUP BY q.id"
        " HAVING q.outcome IN ('did-you-mean', 'declined') OR down > up"
        " ORDER BY q.asked_at",
        (since(now, days),),
    ).fetchall()
    return [
        UnansweredQuestion(str(q), str(lang), str(o) if o in ("did-you-mean", "declined") else "👎")
        for q, lang, o, _, _ in rows
    ]


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0])
