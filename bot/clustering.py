"""Group similar questions: rapidfuzz similarity over normalized text, greedy and deterministic.

Questions are normalized (``normalized_key``: the matcher's normalizer with the FAQ's synonyms;
or only case, umlauts, accents and punctuation: ``variant_key``), identical keys merged, and
the distinct keys compared all against all (``rapidfuzz.process.cdist``). Then, most frequent
first, each key not yet taken opens a cluster and takes every free key at least
``threshold`` similar to it (``token_sort_ratio``: word order does not matter).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.knowledge import variant_key
from bot.normalize import TOPIC_MARKERS, Normalizer

DEFAULT_THRESHOLD = 75.0
MAX_KEYS = 3000  # the most frequent distinct questions; cdist is quadratic


@dataclass(frozen=True, slots=True)
class Cluster:
    """Similar questions: how often they were asked and each distinct wording, most asked first."""

    count: int
    questions: tuple[str, ...]

    def examples(self, limit: int = 2) -> tuple[str, ...]:
        return self.questions[:limit]


def normalized_key(synonyms: Mapping[str, tuple[str, ...]]) -> Callable[[str], str]:
    """The matcher's normalization as a clustering key: folded, without stop words, synonyms
    and question words made canonical ("Wie viele Mitarbeiter hat Alibaba?" → "?amount
    mitarbeiter alibaba"); ``variant_key`` for a question that is only stop words."""
    normalizer = Normalizer(synonyms)

    def key(question: str) -> str:
        # A topic marker ("?company") would make every question about a company figure alike.
        tokens = [t for t in normalizer.tokens(question) if t not in TOPIC_MARKERS]
        return " ".join(tokens) or variant_key(question)

    return key


def cluster(
    questions: Sequence[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    key: Callable[[str], str] = variant_key,
) -> list[Cluster]:
    """Clusters of ``questions``, largest first (ties: first asked first), compared by
    ``key`` (by default case, umlauts, accents and punctuation aside)."""
    by_key: dict[str, Counter[str]] = {}
    for question in questions:
        key_text = key(question)
        if key_text:
            by_key.setdefault(key_text, Counter())[question.strip()] += 1
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
