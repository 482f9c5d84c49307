"""Draft FAQ entries: questions readers asked, waiting for a curator to write the answer.

A draft lives in ``faq.yaml`` beside the live entries, marked ``draft: true``; ``answer``,
``sentences`` and ``kinds`` may still be empty. The loader keeps drafts out of the live FAQ
(``check`` lists them with what they still lack). A curator completes one by filling those in
and deleting ``draft: true``; after ``/reload`` it is answered like any entry.
``python -m bot report --suggest FILE`` writes drafts from the unanswered questions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

DraftText = Annotated[str, StringConstraints(strip_whitespace=True)]
QuestionText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SentenceRef = Annotated[str, StringConstraints(pattern=r"^S[1-9][0-9]*$")]
DraftId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]

LinePath = tuple[str | int, ...]


class _Loose(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DraftAnswer(_Loose):
    de: DraftText | None = None
    en: DraftText | None = None


class DraftQuestions(_Loose):
    de: list[QuestionText] = Field(default_factory=list)
    en: list[QuestionText] = Field(default_factory=list)


class Draft(_Loose):
    """An entry marked ``draft: true``: like ``Entry``, but answer and sentences may be empty."""

    id: DraftId
    draft: Literal[True]
    sentences: list[SentenceRef] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)  # checked as an entry's once it goes live
    answer: DraftAnswer = DraftAnswer()
    questions: DraftQuestions = DraftQuestions()

    def missing(self) -> list[str]:
        """What the curator still has to fill in before removing ``draft: true``."""
        gaps = [f"answer.{lang}" for lang in ("de", "en") if not getattr(self.answer, lang)]
        if not self.sentences:
            gaps.append("sentences")
        if not self.kinds:
            gaps.append("kinds")
        gaps += [f"questions.{lang}" for lang in ("de", "en") if not getattr(self.questions, lang)]
        return gaps


def is_draft(item: object) -> bool:
    return isinstance(item, Mapping) and item.get("draft") is True


def split_drafts(
    data: Any, lines: Mapping[LinePath, int]
) -> tuple[Any, dict[LinePath, int], list[tuple[Any, dict[LinePath, int]]]]:
    """Take the drafts out of a parsed ``faq.yaml``: the live part with its line map re-indexed
    (so errors still point at the right line), and each draft with its own line map."""
    items = data.get("entries") if isinstance(data, Mapping) else None
    if not isinstance(items, list) or not any(is_draft(item) for item in items):
        return data, dict(lines), []
    live: list[Any] = []
    live_lines = {
        path: line for path, line in lines.items() if not (len(path) >= 2 and path[0] == "entries")
    }
    drafts = []
    for index, item in enumerate(items):
        own = {
            path[2:]: line
            for path, line in lines.items()
            if len(path) >= 2 and path[0] == "entries" and path[1] == index
        }
        if is_draft(item):
            drafts.append((item, own))
        else:
            live_lines |= {("entries", len(live), *path): line for path, line in own.items()}
            live.append(item)
    return {**data, "entries": live}, live_lines, drafts
