"""The question log's storage: migration, votes, retention, concurrent writes, durability."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.bench import LOG_WRITE_TARGET_MS, measure_log_write
from bot.matcher import Matcher
from bot.result import MatchResult
from bot.settings import Settings
from bot.storage import queries, questionlog, schema
from bot.storage.questionlog import DAY, QuestionLog, asked_at_of, new_question_id, outcome_of


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _result(question: str = "Wie viel investiert Alibaba?") -> MatchResult:
    return MatchResult(question=question, language="de", outcome="answer", score=88.0, faq_id="x")


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_outcomes_are_named_as_the_issue_names_them(matcher: Matcher) -> None:
    assert outcome_of(matcher.ask("Wie viel investiert Alibaba Cloud?")) == "answer"
    assert outcome_of(matcher.ask("Wie wird das Wetter morgen in Berlin?")) == "declined"
    assert outcome_of(MatchResult("x", "de", "unsure")) == "did-you-mean"
    assert outcome_of(MatchResult("x", "de", "quote")) == "quote"
    assert outcome_of(MatchResult("", "de", "empty")) is None
    assert outcome_of(matcher.ask("Hallo!")) is None  # a greeting is no question
    assert outcome_of(matcher.ask("Danke!")) is None
    assert outcome_of(matcher.ask("alles klar")) is None  # nor a reaction
    assert outcome_of(matcher.ask("who are you?")) is None  # nor a question about the bot


def test_created_in_wal_mode_with_the_current_schema(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "data" / "q.sqlite3", retention_days=90)
    row = log.record(_result(), chat_type="private", user_id=987654321)
    assert row is not None and log.flush()
    log.close()
    conn = sqlite3.connect(tmp_path / "data" / "q.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema.version(conn) == schema.VERSION
    stored = conn.execute(
        "SELECT outcome, faq_id, score, question, asker FROM questions"
    ).fetchall()
    assert stored == [
        ("answer", "x", 88.0, "Wie viel investiert Alibaba?", log.pseudonym(987654321))
    ]
    assert "987654321" not in str(stored[0][4])  # a salted hash, not the user id
    other = QuestionLog(tmp_path / "other.sqlite3", retention_days=90)
    assert other.pseudonym(987654321) != log.pseudonym(987654321)  # each database its own salt
    other.close()
    conn.close()


def test_migration_from_version_1_keeps_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    old = schema.connect(path, target=1)  # as the first release created it: no votes table
    old.execute(
        "INSERT INTO questions VALUES (?, ?, 'group', 'en', 'declined', NULL, 12.5, 'old?', 'h')",
        ((int(time.time()) << 24) | 5, time.time()),
    )
    assert schema.version(old) == 1
    old.close()
    log = QuestionLog(path, retention_days=90)
    row = log.record(_result(), chat_type="private", user_id=1)
    assert row is not None
    assert log.vote(row.id, 1, -1)
    assert log.flush()
    log.close()
    conn = sqlite3.connect(path)
    assert schema.version(conn) == schema.VERSION
    assert [q for (q,) in conn.execute("SELECT question FROM questions ORDER BY asked_at")] == [
        "old?",
        "Wie viel investiert Alibaba?",
    ]
    assert conn.execute("SELECT vote FROM votes").fetchall() == [(-1,)]
    conn.close()


def test_a_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    conn = schema.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer than this bot's"):
        schema.connect(path)


def test_one_vote_per_user_changed_by_a_second_tap(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", retention_days=90)
    row = log.record(_result(), chat_type="group", user_id=1)
    assert row is not None
    assert log.vote(row.id, 1, 1)
    assert log.vote(row.id, 1, 1)  # the same again: still one vote
    assert log.vote(row.id, 2, 1)  # someone else: their own vote
    assert log.vote(row.id, 1, -1)  # changed
    assert log.vote(12345, 1, 1) is False  # an id from 1970: beyond retention
    log.vote(row.id + 1, 3, 1)  # no such question: ignored
    assert log.flush()
    log.close()
    votes = _rows(tmp_path / "q.sqlite3", "SELECT voter, vote FROM votes ORDER BY vote")
    assert votes == [(log.pseudonym(1), -1), (log.pseudonym(2), 1)]


def test_retention_purges_old_questions_and_their_votes(tmp_path: Path) -> None:
    clock = Clock()
    log = QuestionLog(tmp_path / "q.sqlite3", retention_days=90, clock=clock)
    old = log.record(_result("alt?"), chat_type="private", user_id=1)
    assert old is not None and log.vote(old.id, 1, 1)
    clock.now += 89 * DAY
    recent = log.record(_result("neu?"), chat_type="private", user_id=1)
    assert recent is not None
    assert log.purge()
    assert _rows(tmp_path / "q.sqlite3", "SELECT COUNT(*) FROM questions") == [(2,)]
    clock.now += 2 * DAY  # the first is now 91 days old
    assert log.is_stale(old.id) and not log.is_stale(recent.id)
    assert log.vote(old.id, 2, 1) is False
    assert log.purge()
    log.close()
    assert _rows(tmp_path / "q.sqlite3", "SELECT question FROM questions") == [("neu?",)]
    assert _rows(tmp_path / "q.sqlite3", "SELECT COUNT(*) FROM votes") == [(0,)]


def test_purge_runs_on_start(tmp_path: Path) -> None:
    clock = Clock()
    log = QuestionLog(tmp_path / "q.sqlite3", retention_days=1, clock=clock)
    log.record(_result(), chat_type="private", user_id=1)
    log.close()
    clock.now += 2 * DAY
    QuestionLog(tmp_path / "q.sqlite3", retention_days=1, clock=clock).close()
    assert _rows(tmp_path / "q.sqlite3", "SELECT COUNT(*) FROM questions") == [(0,)]


def test_question_ids_carry_their_time_and_never_repeat_in_a_burst() -> None:
    ids = [new_question_id(1_800_000_123.5) for _ in range(100_000)]
    assert len(set(ids)) == len(ids)
    assert {asked_at_of(i) for i in ids} == {1_800_000_123}


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    """8 threads queue 250 questions and a vote each, while a reader reads: every row arrives."""
    path = tmp_path / "q.sqlite3"
    log = QuestionLog(path, retention_days=90)
    start = threading.Barrier(9)
    reads: list[int] = []

    def writer(number: int) -> None:
        start.wait(timeout=30)
        for index in range(250):
            row = log.record(_result(f"q {number} {index}"), chat_type="group", user_id=number)
            if row is not None and index % 10 == 0:
                log.vote(row.id, number, 1)

    def reader() -> None:
        conn = log.reader()
        start.wait(timeout=30)
        for _ in range(20):
            reads.append(queries.count(conn))
            time.sleep(0.005)
        conn.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    threads.append(threading.Thread(target=reader))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert log.flush(timeout=60)
    log.close()
    assert reads == sorted(reads)  # a reader only ever sees whole, growing batches
    assert _rows(path, "SELECT COUNT(*) FROM questions") == [(2000,)]
    assert _rows(path, "SELECT COUNT(DISTINCT asker) FROM questions") == [(8,)]
    assert _rows(path, "SELECT COUNT(*) FROM votes") == [(200,)]


def test_close_writes_what_is_still_queued(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", retention_days=90)
    for index in range(1000):
        log.record(_result(f"burst {index}"), chat_type="private", user_id=index)
    log.close()
    assert _rows(tmp_path / "q.sqlite3", "SELECT COUNT(*) FROM questions") == [(1000,)]


def test_reading_sees_what_was_just_queued_and_closes_after(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", retention_days=90)
    log.record(_result(), chat_type="private", user_id=1)
    with log.reading() as conn:
        assert queries.count(conn) == 1  # committed before the read
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")  # closed
    log.close()


def test_a_question_delivered_twice_is_logged_once(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "q.sqlite3", retention_days=90)
    log.record(_result(), chat_type="private", user_id=1, origin="10:55")
    log.record(_result(), chat_type="private", user_id=1, origin="10:55")  # redelivered
    log.record(_result(), chat_type="private", user_id=1, origin="10:56")
    log.record(_result(), chat_type="private", user_id=1)  # no origin: always logged
    log.close()
    assert _rows(tmp_path / "q.sqlite3", "SELECT COUNT(*) FROM questions") == [(3,)]
    origins = _rows(tmp_path / "q.sqlite3", "SELECT origin FROM questions WHERE origin > ''")
    assert all("10:5" not in str(origin) for (origin,) in origins)  # hashed


def test_settings_question_log_off_and_retention(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUESTION_LOG", "off")
    monkeypatch.setenv("QUESTION_LOG_RETENTION_DAYS", "30")
    settings = Settings(_env_file=None)
    assert settings.question_log is False and settings.question_log_retention_days == 30
    assert Settings(_env_file=None, question_log="on", data_dir="d").question_log_file == Path(
        "d/questions.sqlite3"
    )
    with pytest.raises(ValidationError):
        Settings(_env_file=None, question_log_retention_days=0)


def test_the_plotting_library_is_imported_only_for_a_chart() -> None:
    code = "import sys, bot.cli, bot.telegram.app; print('matplotlib' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "False"


def test_bench_measures_what_the_log_write_path_adds(tmp_path: Path, matcher: Matcher) -> None:
    """The bench's figure, measured here on fewer questions. The target is 0.2 ms p99
    (``python -m bot bench`` reports it); this test allows five times that for a loaded
    machine, which still catches a write path that blocks on the database."""
    questions = [*UNANSWERED_AND_ANSWERED] * 100
    write, without, alongside = measure_log_write(matcher, questions, tmp_path, rate=2000.0)
    assert write.count == without.count == alongside.count == len(questions)
    assert write.p99_ms <= 5 * LOG_WRITE_TARGET_MS
    conn = sqlite3.connect(tmp_path / "bench.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0] >= 2 * len(questions)
    conn.close()


UNANSWERED_AND_ANSWERED = [
    "Wie viel investiert Alibaba Cloud?",
    "Wer ist Jeff Zhang?",
    "Wie wird das Wetter morgen?",
    "Was will Alibaba mit AsiaForward fördern?",
    "Who fined Alibaba?",
]


def test_an_id_clash_loses_that_row_only_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Two processes writing one file in the same second could draw the same id."""
    ids = iter([(5 << 24) | 1, (5 << 24) | 1, (5 << 24) | 2])
    monkeypatch.setattr(questionlog, "new_question_id", lambda now: next(ids))
    log = QuestionLog(tmp_path / "q.sqlite3", retention_days=90)
    for number in range(3):
        log.record(_result(f"q{number}"), chat_type="private", user_id=1, origin=str(number))
    log.close()
    assert _rows(tmp_path / "q.sqlite3", "SELECT question FROM questions ORDER BY id") == [
        ("q0",),
        ("q2",),
    ]
    assert "already taken, row lost" in caplog.text
