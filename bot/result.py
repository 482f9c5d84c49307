"""What the answering core returns: an outcome, the answer, its citations, suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from bot.knowledge import Lang

Social = Literal["greeting", "thanks", "farewell", "ack", "about"]
"""A message that asks nothing of the article (``bot.wrappers``): only a greeting, thanks, a
goodbye or a reaction to the last reply ("ok", "alles klar", "👍"), or a question about the bot
itself ("who are you?", "was kannst du?"). It gets a friendly reply and is no question asked."""
_SOCIAL: frozenset[str] = frozenset(get_args(Social))

Outcome = Literal["answer", "quote", "unsure", "unknown", "empty", Social]
"""``answer``: an FAQ entry; ``quote``: one article sentence as a direct quote; ``unsure``: close
entries but none clearly ahead; ``unknown``: the article doesn't say; ``empty``: no question;
or a ``Social`` message (a friendly reply, nothing cited)."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A verbatim article sentence an answer rests on."""

    id: str
    text: str
    translation: str | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A FAQ question offered as "did you mean"."""

    faq_id: str
    question: str


@dataclass(frozen=True, slots=True)
class MatchResult:
    """What the core says about one question; rendering is done elsewhere."""

    question: str
    language: Lang
    outcome: Outcome
    score: float = 0.0
    faq_id: str | None = None
    answer: str = ""
    citations: tuple[Citation, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    understood_as: str = ""
    """The FAQ question answered, when the question was not asked as one of its variants: the
    reader sees how the bot read the question (and a misreading at once)."""
    related: tuple[Citation, ...] = ()
    """When declined: sentences about the question's subject that don't answer it."""
    missing: str = ""
    """When declined with ``related``: the kind of fact asked that they don't give ("author")."""
    more: tuple[MatchResult, ...] = ()
    """The answer to a second question in the same message."""
    unanswered: tuple[str, ...] = ()
    """Questions of the same message the article doesn't answer (when another one is)."""
    explain: tuple[str, ...] = ()
    """What each stage of the pipeline said (``--explain``)."""

    @property
    def answered(self) -> bool:
        return self.outcome in ("answer", "quote")

    @property
    def asked(self) -> bool:
        """Whether the message asked something: neither empty nor ``Social``."""
        return self.outcome != "empty" and self.outcome not in _SOCIAL

    @property
    def answers(self) -> tuple[MatchResult, ...]:
        """This result and the further answers in the same message."""
        return (self, *self.more)

    @property
    def all_citations(self) -> tuple[Citation, ...]:
        seen: dict[str, Citation] = {}
        for part in self.answers:
            for citation in part.citations:
                seen.setdefault(citation.id, citation)
        return tuple(seen.values())

    def to_json(self) -> dict[str, Any]:
        """The ``ask --json`` object: exactly the documented keys."""
        return {
            "question": self.question,
            "answered": self.answered,
            "language": self.language,
            "faq_id": self.faq_id,
            "score": round(self.score, 1),
            "answer": "\n\n".join(part.answer for part in self.answers if part.answer),
            "citations": [{"id": c.id, "text": c.text} for c in self.all_citations],
            "suggestions": [s.question for s in self.suggestions],
            "related": [c.id for c in self.related],
        }
