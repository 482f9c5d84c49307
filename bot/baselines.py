"""Two naive baselines for ``eval --baselines``: answer with the single best article sentence.

* ``rapidfuzz``: ``fuzz.WRatio`` of the question against every sentence (with rapidfuzz's default
  processing), answered when the best score reaches 60.
* ``bm25``: Okapi BM25 (the ``rank-bm25`` package, a test extra) over the sentences' words,
  answered when the best score is positive.

They show what the curated FAQ and the matcher add; they are not used to answer anyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz, process, utils

from bot.knowledge import Knowledge
from bot.language import detect_language
from bot.result import Citation, MatchResult

RAPIDFUZZ_CUTOFF = 60.0
_WORD = re.compile(r"\w+")

Answerer = Callable[[str], MatchResult]


def _result(question: str, knowledge: Knowledge, index: int | None, score: float) -> MatchResult:
    language = detect_language(question)
    if index is None:
        return MatchResult(question=question, language=language, outcome="unknown", score=score)
    sentence = knowledge.sentences[index]
    return MatchResult(
        question=question,
        language=language,
        outcome="quote",
        score=score,
        citations=(Citation(id=sentence.id, text=sentence.de, translation=sentence.en),),
    )


def rapidfuzz_baseline(knowledge: Knowledge) -> Answerer:
    choices = [utils.default_process(s.de) for s in knowledge.sentences]

    def answer(question: str) -> MatchResult:
        best = process.extractOne(
            utils.default_process(question), choices, scorer=fuzz.WRatio, processor=None
        )
        if best is None or best[1] < RAPIDFUZZ_CUTOFF:
            return _result(question, knowledge, None, best[1] if best else 0.0)
        return _result(question, knowledge, best[2], best[1])

    return answer


def bm25_baseline(knowledge: Knowledge) -> Answerer:
    from rank_bm25 import BM25Okapi  # a test extra: only `eval --baselines` needs it

    index = BM25Okapi([_WORD.findall(s.de.casefold()) for s in knowledge.sentences])

    def answer(question: str) -> MatchResult:
        scores = list(index.get_scores(_WORD.findall(question.casefold())))
        best = max(range(len(scores)), key=scores.__getitem__)
        if scores[best] <= 0:
            return _result(question, knowledge, None, 0.0)
        return _result(question, knowledge, best, float(scores[best]))

    return answer


BASELINES: dict[str, Callable[[Knowledge], Answerer]] = {
    "rapidfuzz-sentences": rapidfuzz_baseline,
    "bm25-sentences": bm25_baseline,
}
