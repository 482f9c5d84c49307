"""Latency benchmark (``python -m bot bench``): p50/p99 per question and knowledge load time
(every text read afresh, and on a restart that reads the FAQ's tokens from ``bot.token_cache``).

Two FAQs are measured: the real one (the lexical path alone; then the semantic stage: model
load, embeddings, memory and the questions that reach it), and a synthetic one of 10,000 entries
with 5 question variants each, built in memory from a seeded random vocabulary (so every run
measures the same thing). Queries are the dev questions for the real FAQ, and variants with a
typo for the synthetic one.
The question log's write path is timed on the real FAQ's answers (against a scratch database):
what ``record`` adds to each answer, and ``ask`` with and without the log.
It is a benchmark, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import random
import statistics
import string
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from bot import semantic
from bot.knowledge import Entry, Knowledge, Localized, Questions, load_knowledge
from bot.matcher import Matcher
from bot.storage.questionlog import QuestionLog

T = TypeVar("T")
LOG_WRITE_TARGET_MS = 0.2
PACED_RATE = 500.0  # questions a second: over ten times what Telegram lets a bot send


@dataclass(frozen=True, slots=True)
class Timing:
    name: str
    count: int
    p50_ms: float
    p99_ms: float
    max_ms: float

    def __str__(self) -> str:
        return (
            f"{self.name:<34} n={self.count:<6} p50={self.p50_ms:7.3f} ms  "
            f"p99={self.p99_ms:7.3f} ms  max={self.max_ms:7.3f} ms"
        )


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_calls(
    name: str, call: Callable[[T], object], queries: Sequence[T], *, rate: float | None = None
) -> Timing:
    """Time ``call`` once per query (after a short warm-up) in milliseconds; with ``rate``,
    at most that many calls a second (as questions arrive), else back to back."""
    for query in queries[:50]:
        call(query)
    samples = []
    begin = time.perf_counter()
    for number, query in enumerate(queries):
        if rate:
            time.sleep(max(0.0, begin + number / rate - time.perf_counter()))
        started = time.perf_counter()
        call(query)
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(
        name,
        len(samples),
        statistics.median(samples),
        _percentile(samples, 0.99),
        max(samples),
    )


def synthetic_knowledge(
    base: Knowledge, *, entries: int = 10_000, variants: int = 5, seed: int = 7
) -> Knowledge:
    """``base`` with its FAQ replaced by ``entries`` random entries of ``variants`` questions."""
    rng = random.Random(seed)
    words = sorted(
        {
            "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 11)))
            for _ in range(entries * 2)
        }
    )
    sentence_ids = [s.id for s in base.sentences]
    faq = []
    for number in range(entries):
        topic = rng.sample(words, 3)
        questions = [
            " ".join(rng.sample(topic, 2) + rng.sample(words, rng.randint(2, 5))) + "?"
            for _ in range(variants)
        ]
        half = max(1, variants // 2)
        faq.append(
            Entry(
                id=f"synthetic-{number}",
                sentences=[rng.choice(sentence_ids)],
                kinds=["what"],
                answer=Localized(de=f"Antwort {number}", en=f"Answer {number}"),
                questions=Questions(de=questions[:half], en=questions[half:]),
            )
        )
    return replace(base, entries=tuple(faq))


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    return text[:i] + text[i + 1 :]


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux; 0 where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure_log_write(
    matcher: Matcher, questions: Sequence[str], directory: Path, *, rate: float = PACED_RATE
) -> tuple[Timing, Timing, Timing]:
    """What the question log adds to answering: the write path itself (``record``: build the
    row, hash the asker, queue it; back to back, the writer committing alongside), and ``ask``
    at ``rate`` questions a second without a log and with each answer logged (the writer
    thread competes for the CPU and the GIL)."""
    paced = list(questions)[: int(2 * rate)]  # two seconds each
    without = time_calls(f"ask (lexical) {rate:.0f}/s, log off", matcher.ask, paced, rate=rate)
    log = QuestionLog(directory / "bench.sqlite3", retention_days=90)
    try:
        numbered = list(enumerate(matcher.ask(q) for q in questions))
        write = time_calls(
            "question log write path (record)",
            lambda item: log.record(
                item[1], chat_type="private", user_id=item[0] % 97, origin=f"bench:{item[0]}"
            ),
            numbered,
        )

        def ask_and_log(question: str) -> None:
            log.record(matcher.ask(question), chat_type="private", user_id=1)

        alongside = time_calls(f"ask (lexical) {rate:.0f}/s, log on", ask_and_log, paced, rate=rate)
        log.flush()
    finally:
        log.close()
    return write, without, alongside


def run_benchmark(
    knowledge_dir: str, questions: Sequence[str], *, entries: int = 10_000, variants: int = 5
) -> list[str]:
    """Run all measurements; return the report lines."""
    lines = []
    with tempfile.TemporaryDirectory() as scratch:
        # Cold: every text read afresh (a first start, or a reload with a changed FAQ); then a
        # restart with the same FAQ, its tokens read from the cache the first build wrote.
        for cache_dir, how in ((None, "no token cache"), (Path(scratch), "token cache")):
            loads = []
            for _ in range(6 if cache_dir else 5):
                started = time.perf_counter()
                knowledge = load_knowledge(knowledge_dir)
                matcher = Matcher(knowledge, semantic=False, cache_dir=cache_dir)
                loads.append((time.perf_counter() - started) * 1000)
            loads = loads[1:] if cache_dir else loads  # (the first build writes the cache)
            lines.append(
                f"knowledge load + index, without the model (real FAQ, {how}): median "
                f"{statistics.median(loads):.1f} ms, max {max(loads):.1f} ms "
                f"({len(knowledge.entries)} entries, {knowledge.variant_count} variants, "
                f"{len(knowledge.sentences)} sentences)"
            )
    repeated = list(questions) * max(1, 2000 // max(1, len(questions)))
    lines.append(str(time_calls("ask, lexical path, real FAQ", matcher.ask, repeated)))
    with tempfile.TemporaryDirectory() as scratch:
        # On the lexical path: the semantic stage's own spread (tens of milliseconds on a busy
        # machine) would drown what the log adds.
        write, without, alongside = measure_log_write(matcher, repeated, Path(scratch))
    verdict = "OK" if write.p99_ms <= LOG_WRITE_TARGET_MS else "OVER"
    lines += [
        str(write),
        f"  -> the log write path adds {write.p99_ms:.3f} ms p99 to answering a question "
        f"(target {LOG_WRITE_TARGET_MS} ms: {verdict})",
        str(without),
        str(alongside),
        f"  -> ask p99 with the log on: {alongside.p99_ms - without.p99_ms:+.3f} ms against no"
        " log (two runs one after the other: the machine's load varies between them)",
    ]

    # The semantic stage: model load, embedding every variant (no cache), and the questions
    # that reach it (the lexical stage would not answer them).
    rss_before = _rss_mb()
    full = Matcher(knowledge)
    assert full.semantic is not None
    started = time.perf_counter()
    semantic._load_model()
    model_s = time.perf_counter() - started
    started = time.perf_counter()
    full.semantic.load()
    index_s = time.perf_counter() - started
    lines.append(
        f"semantic model load {model_s:.2f} s, embedding {knowledge.variant_count} variants "
        f"{index_s:.2f} s (cached on disk afterwards), RSS {rss_before:.0f} MB -> "
        f"{_rss_mb():.0f} MB"
    )
    reaching = [q for q in questions if "semantic: not needed" not in full.ask(q).explain]
    lines.append(
        str(time_calls(f"ask, semantic path ({len(reaching)} q.)", full.ask, reaching * 5))
    )

    big = synthetic_knowledge(knowledge, entries=entries, variants=variants)
    started = time.perf_counter()
    big_matcher = Matcher(big, semantic=False)
    build_ms = (time.perf_counter() - started) * 1000
    lines.append(
        f"index build (synthetic {entries} entries x {variants} variants): {build_ms:.0f} ms"
    )
    rng = random.Random(11)
    sample = [q for e in rng.sample(big.entries, min(500, entries)) for q in e.questions.de[:1]]
    queries = [_typo(q, rng) for q in sample] + list(questions)[:500]
    lines.append(str(time_calls(f"ask, synthetic {entries}x{variants}", big_matcher.ask, queries)))
    return lines
