"""Group similar questions: rapidfuzz similarity over normalized text, greedy and deterministic.

Questions are normalized with ``variant_key`` (case, umlauts, accents, punctuation), identical
keys merged, and the distinct keys compared all against all (``rapidfuzz.process.cdist``). Then,
most frequent first, each key not yet taken opens a cluster and takes every free key at least
``threshold`` similar to it (``token_sort_ratio``: word order does not matter).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.knowledge import variant_key

DEFAULT_THRESHOLD = 75.0
MAX_KEYS = 3000  # the most frequent distinct questions; cdist is quadratic


@dataclass(frozen=True, slots=True)
class Cluster:
    """Similar questions: how often they were asked and each distinct wording, most asked first."""

    count: int
    questions: tuple[str, ...]

    def examples(self, limit: int = 2) -> tuple[str, ...]:
        return self.questions[:limit]


def cluster(questions: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD) -> list[Cluster]:
    """Clusters of ``questions``, largest first (ties: first asked first)."""
    by_key: dict[str, Counter[str]] = {}
    for question in questions:
        key = variant_key(question)
        if key:
            by_key.setdefault(key, Counter())[question.strip()] += 1
    keys = sorted(by_key, key=lambda k: -by_key[k].total())[:MAX_KEYS]
    if not keys:
        return []
    similar = process.cdist(
        keys, keys, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, workers=1
    )
    taken = [False] * len(keys)
    clusters = []
    for leader in range(len(keys)):
        if taken[leader]:
            continue
        close = (similar[leader] >= threshold).nonzero()[0]
        members = [int(m) for m in close if not taken[m]]
        wordings: Counter[str] = Counter()
        for member in members:
            taken[member] = True
            wordings.update(by_key[keys[member]])
        ordered = sorted(wordings, key=lambda q: -wordings[q])
        clusters.append(Cluster(wordings.total(), tuple(ordered)))
    clusters.sort(key=lambda c: -c.count)
    return clusters
