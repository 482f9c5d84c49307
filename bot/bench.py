"""Latency benchmark (``python -m bot bench``): p50/p99 per question and knowledge load time.

Two FAQs are measured: the real one, and a synthetic one of 10,000 entries with 5 question
variants each, built in memory from a seeded random vocabulary (so every run measures the same
thing). Queries are the dev questions for the real FAQ, and variants with a typo for the synthetic
one. It is a benchmark, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import random
import statistics
import string
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bot.knowledge import Entry, Knowledge, Localized, Questions, load_knowledge
from bot.matcher import Matcher


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


def time_calls(name: str, call: Callable[[str], object], queries: Sequence[str]) -> Timing:
    """Time ``call`` once per query (after one warm-up pass) in milliseconds."""
    for query in queries[:50]:
        call(query)
    samples = []
    for query in queries:
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


def run_benchmark(
    knowledge_dir: str, questions: Sequence[str], *, entries: int = 10_000, variants: int = 5
) -> list[str]:
    """Run all measurements; return the report lines."""
    lines = []
    loads = []
    for _ in range(5):
        started = time.perf_counter()
        knowledge = load_knowledge(knowledge_dir)
        matcher = Matcher(knowledge)
        loads.append((time.perf_counter() - started) * 1000)
    lines.append(
        f"knowledge load + index (real FAQ): median {statistics.median(loads):.1f} ms, "
        f"max {max(loads):.1f} ms ({len(knowledge.entries)} entries, "
        f"{knowledge.variant_count} variants, {len(knowledge.sentences)} sentences)"
    )
    repeated = list(questions) * max(1, 2000 // max(1, len(questions)))
    lines.append(str(time_calls("ask, real FAQ", matcher.ask, repeated)))

    big = synthetic_knowledge(knowledge, entries=entries, variants=variants)
    started = time.perf_counter()
    big_matcher = Matcher(big)
    build_ms = (time.perf_counter() - started) * 1000
    lines.append(
        f"index build (synthetic {entries} entries x {variants} variants): {build_ms:.0f} ms"
    )
    rng = random.Random(11)
    sample = [q for e in rng.sample(big.entries, min(500, entries)) for q in e.questions.de[:1]]
    queries = [_typo(q, rng) for q in sample] + list(questions)[:500]
    lines.append(str(time_calls(f"ask, synthetic {entries}x{variants}", big_matcher.ask, queries)))
    return lines
