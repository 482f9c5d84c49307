"""Stage 5, decision: which entry, if any, the evidence of the earlier stages supports.

* **Lexical**: the best-ranked entry is chosen when its coverage (the 0–100 ``score``) clears
  ``threshold`` and its relevance leads the runner-up's by ``margin``. A question asked as one of
  the FAQ's own needs no lead; a near-tie goes to the entry with clearly the closest wording or
  the one that states the kind asked for; when all the contenders cite the same sentences
  (siblings that say the same), the choice is marked ``siblings`` and those sentences are quoted.
* **Semantic** (only when the lexical choice fails): the entry whose closest question variant is
  at least ``SEMANTIC_MIN`` similar to the question, clearly ahead of the next entry, and which the
  lexical ranking supports too (among its ``SEMANTIC_SUPPORT`` most relevant entries).
* **Agreement**: when the embeddings' nearest entry is also the lexical ranking's clear leader,
  weaker evidence from each suffices (``AGREE_MIN``, ``AGREE_COVERAGE``). When the question asks
  a kind of fact ("how much", "when") and the ranking holds only entries that state it, a few
  of its words suffice if the meaning is clearly closest (``KIND_LEAD``, ``KIND_COVERAGE``):
  "Wie viel Kohle haut Alibaba da raus?" has one word the FAQ knows, but only one entry that
  gives an amount is near it in meaning. Without a lexical lead, the leader must hold the
  question more firmly: half its weight, relevance, and a lead in meaning (``FIRM_MIN``,
  ``FIRM_LEAD``, ``FIRM_COVERAGE``, ``FIRM_RELEVANCE``). Meaning far closer to the lexical
  leader than to any other entry needs none of that (``STRONG_MIN``, ``STRONG_LEAD``): "ok but
  why is alibaba even doing this, what's the angle" has hardly a word the FAQ knows.
* **Sole topic**: when the question asks a topic (the outlet, the gist) that only one entry
  states, and that entry is the most relevant of all, it is chosen unless the question is
  clearly closer in meaning to another (``TOPIC_GAP``): "Bitte die Quelle des Artikels, für die
  Fußnote" has few of the source entry's words and no lead in meaning.
* **Tie-break**: when several entries are near-tied in relevance and each covers the question,
  the one closest in meaning wins if it is clearly closer (``TIE_MIN``, ``TIE_LEAD``).

What the chosen entry must also pass (``bot.answerability``) and what happens when nothing is
chosen (a quote, "did you mean", "the article doesn't say") is wired in ``bot.matcher``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.lexical import MIN_RELEVANCE, Candidate

DEFAULT_THRESHOLD = 60.0  # share (in %) of the question's weight the entry must account for
DEFAULT_MARGIN = 0.1  # the best entry's relevance must lead the runner-up's by this share
SEMANTIC_MIN = 0.80  # cosine of the question with the entry's closest variant
SEMANTIC_LEAD = 0.03  # … ahead of the next entry's closest variant by this much
SEMANTIC_SUPPORT = 2  # … and the entry among the lexical ranking's most relevant
SEMANTIC_COVERAGE = 30.0  # … which accounts for at least this much of the question's words
CLAIM_COVERAGE = 65.0  # … or this much of a claim to check, where every word is part of it
AGREE_MIN = 0.70  # both stages name the same entry: a lower cosine suffices …
AGREE_COVERAGE = 40.0  # … and a lower coverage, when the lexical ranking leads by ``margin``
FIRM_MIN = 0.62  # … or, without a lexical lead, this cosine and a lead in meaning …
FIRM_LEAD = 0.04
FIRM_COVERAGE = 50.0  # … when the entry accounts for half the question's weight …
FIRM_RELEVANCE = 0.5  # … and is this relevant to it
KIND_LEAD = 0.05  # the question asks a kind only the ranked entries state: a clear lead in meaning
KIND_COVERAGE = 10.0  # … makes a few of its words enough
TOPIC_MIN = 0.60  # … and, asked by its topic ("welches Blatt?", "the gist?"), a lower cosine
KIND_CLEAR_LEAD = 0.2  # … as it does when the lead in meaning is this large
TOPIC_GAP = 0.1  # the one entry that states the topic asked, unless another is this much closer
OUTCOVER_SPAN = 0.3  # a runner-up this close in relevance (share) …
OUTCOVER_GAP = 0.2  # … that covers this much more of the question: the lead is no lead
STRONG_MIN = 0.78  # the embeddings alone, this close to one entry …
STRONG_LEAD = 0.15  # … and this far ahead of the next, when it leads the lexical ranking too
TIE_MIN = 0.7  # entries in a near-tie that each cover the question: the closest in meaning …
TIE_LEAD = 0.05  # … wins, if it is this much closer than the others
TIED_MEANING = 0.6  # … or, with one of them this close, their shared sentence is quoted


@dataclass(frozen=True, slots=True)
class Choice:
    """An entry the evidence supports, and which stage chose it."""

    entry: int
    score: float
    stage: str
    sentences: tuple[str, ...] = ()
    """For stage "shared": the sentences to quote, which the entries in a near-tie share."""


def near_tie(candidates: Sequence[Candidate], margin: float) -> list[Candidate]:
    """The candidates whose relevance is within ``margin`` (a share) of the best one's."""
    if not candidates:
        return []
    top = candidates[0].relevance
    return [c for c in candidates if c.relevance >= (1 - margin) * top]


def lexical_choice(
    candidates: Sequence[Candidate],
    *,
    exact: int | None,
    closest: int | None,
    same_sentences: bool,
    threshold: float,
    margin: float,
    claim: bool = False,
) -> Choice | None:
    """The lexical ranking's answer, if it is clear enough (see the module docstring).

    ``claim``: the question is a claim to check, whose every word counts: a leader that a close
    runner-up clearly out-covers is no clear leader."""
    if not candidates:
        return None
    best = candidates[0]
    runner_up = candidates[1].relevance if len(candidates) > 1 else 0.0
    pick = exact if exact is not None else closest
    stage = "exact" if exact is not None else "wording" if closest is not None else "lexical"
    picked = None if pick is None else next((c for c in candidates if c.entry == pick), None)
    if picked is None:  # (an FAQ question of a kind its entry doesn't state: ranked out)
        stage = "lexical"
    else:
        best = picked
        runner_up = 0.0
    if best.score < threshold or best.relevance < MIN_RELEVANCE:
        return None
    if claim and picked is None and _out_covered(best, candidates):
        return None
    if best.relevance - runner_up >= margin * best.relevance:
        return Choice(best.entry, best.score, stage)
    if same_sentences:  # siblings that rest on the same sentences: quote those
        return Choice(best.entry, best.score, "siblings")
    return None


def _out_covered(best: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Whether a close runner-up accounts for clearly more of the question than ``best``: "Is it
    true the fine was USD 28 billion?" is most relevant to the investment's "billion dollars",
    but only the fine's entry knows "fine"."""
    close = [c for c in candidates[1:] if c.relevance >= (1 - OUTCOVER_SPAN) * best.relevance]
    return any(c.coverage >= best.coverage + OUTCOVER_GAP for c in close)


def semantic_choice(
    candidates: Sequence[Candidate],
    similarities: Sequence[float],
    *,
    margin: float,
    threshold: float = DEFAULT_THRESHOLD,
    kind_filtered: bool = False,
    topic: bool = False,
    sole: bool = False,
    claim: bool = False,
) -> Choice | None:
    """The entry the question means, when the embeddings are sure and the wording agrees.

    ``kind_filtered``: the question asks a kind of fact and ``candidates`` are only the
    entries that state it; ``topic``: that kind is what the question is about, not a question
    word (the outlet, the gist), which few entries state; ``sole``: only one entry states it,
    the most relevant of all: chosen unless the question means another (``TOPIC_GAP``).
    ``claim``: the question asks whether a claim holds ("Did Alibaba appeal the fine?"), so a
    word the entry doesn't know may be the one that matters."""
    if not similarities:
        return None
    best, second = _leader(similarities)
    if sole:  # ("Die Quelle, bitte, für die Fußnote"), unless the question means another entry
        only = candidates[0]
        if similarities[only.entry] >= similarities[best] - TOPIC_GAP:
            return Choice(only.entry, only.score, "topic")
    floor = CLAIM_COVERAGE if claim else SEMANTIC_COVERAGE
    supported = [c.entry for c in candidates[:SEMANTIC_SUPPORT] if c.score >= floor]
    if (
        similarities[best] >= SEMANTIC_MIN
        and similarities[best] - second >= SEMANTIC_LEAD
        and best in supported
    ):
        score = next(c.score for c in candidates if c.entry == best)
        return Choice(best, max(score, round(100 * similarities[best], 1)), "semantic")
    if candidates and candidates[0].entry == best:  # two independent stages agree
        top = candidates[0]
        runner_up = candidates[1].relevance if len(candidates) > 1 else 0.0
        lead = similarities[best] - second
        kind_lead = kind_filtered and lead >= KIND_LEAD
        coverage = KIND_COVERAGE if kind_lead else AGREE_COVERAGE
        lower = kind_lead and (topic or lead >= KIND_CLEAR_LEAD)
        if (
            similarities[best] >= (TOPIC_MIN if lower else AGREE_MIN)
            and top.score >= coverage
            and top.relevance - runner_up >= margin * top.relevance
        ):
            return Choice(best, top.score, "agreement")
        if similarities[best] >= STRONG_MIN and similarities[best] - second >= STRONG_LEAD:
            return Choice(best, top.score, "agreement")
        if (
            similarities[best] >= FIRM_MIN
            and similarities[best] - second >= FIRM_LEAD
            and top.score >= FIRM_COVERAGE
            and top.relevance >= FIRM_RELEVANCE
        ):
            return Choice(best, top.score, "agreement")
    return _tie_break(candidates, similarities, margin=margin, threshold=threshold)


def _tie_break(
    candidates: Sequence[Candidate],
    similarities: Sequence[float],
    *,
    margin: float,
    threshold: float,
) -> Choice | None:
    """A near-tie of entries that each cover the question: the one the question means."""
    if not candidates or candidates[0].score < threshold:
        return None
    tied = [c for c in near_tie(candidates, margin) if c.score >= threshold]
    if len(tied) < 2:
        return None
    ranked = sorted(tied, key=lambda c: -similarities[c.entry])
    best, second = similarities[ranked[0].entry], similarities[ranked[1].entry]
    if best >= TIE_MIN and best - second >= TIE_LEAD:
        return Choice(ranked[0].entry, ranked[0].score, "tie-break")
    return None


def agreed_topic(
    candidates: Sequence[Candidate], similarities: Sequence[float] | None
) -> int | None:
    """The entry both stages rank first, clearly in meaning (``AGREE_MIN``, ``SEMANTIC_LEAD``):
    what a declined question is about, though not answered by it."""
    if not candidates or not similarities:
        return None
    best, second = _leader(similarities)
    agreed = candidates[0].entry == best and similarities[best] >= AGREE_MIN
    return best if agreed and similarities[best] - second >= SEMANTIC_LEAD else None


def tied_with_closest(
    candidates: Sequence[Candidate],
    similarities: Sequence[float],
    *,
    margin: float,
    threshold: float,
) -> list[Candidate]:
    """The entries in a near-tie at the top of the lexical ranking that covers the question
    (``threshold``), when the entry closest in meaning is one of them, or when each of them
    covers it and one is close in meaning (``TIED_MEANING``); else none."""
    contenders = near_tie(candidates, margin)
    if len(contenders) < 2 or contenders[0].score < threshold or not similarities:
        return []
    if (
        all(c.score >= threshold for c in contenders)
        and max(similarities[c.entry] for c in contenders) >= TIED_MEANING
    ):
        return contenders
    best, _ = _leader(similarities)
    return contenders if any(c.entry == best for c in contenders) else []


def _leader(similarities: Sequence[float]) -> tuple[int, float]:
    """The entry closest in meaning, and the next entry's similarity (-1 if there is none)."""
    ranked = sorted(range(len(similarities)), key=lambda e: -similarities[e])
    return ranked[0], similarities[ranked[1]] if len(ranked) > 1 else -1.0
