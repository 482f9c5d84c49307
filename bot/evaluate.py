"""Batch evaluation of the matcher on a labelled question file (``python -m bot eval FILE``).

A labelled file is YAML, JSON, JSON Lines, CSV or TSV with one item per question:

* ``q`` / ``question``: the question;
* ``expect`` / ``expected`` / ``faq_id``: the FAQ id that answers it, a list of acceptable ids,
  one or more sentence ids (``S5``; then any cited sentence among them counts), or empty /
  ``null`` / ``none`` when the article does not answer it;
* ``tags`` / ``category`` (optional): categories to report accuracy for.

A question counts as *correct* when it is in scope and answered with an acceptable entry (or with
a quote of one of that entry's sentences), or out of scope and declined. An answered question with
a wrong entry is a *wrong confident answer*, the worst failure.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge import Knowledge
from bot.matcher import Matcher
from bot.result import MatchResult

_QUESTION_KEYS = ("q", "question", "text")
_EXPECT_KEYS = ("expect", "expected", "faq_id", "expected_id", "answer_id", "label", "id")
_TAG_KEYS = ("tags", "category", "categories")
_NONE = {"", "none", "null", "oos", "-", "out_of_scope", "out-of-scope"}


@dataclass(frozen=True, slots=True)
class Labelled:
    question: str
    expect: frozenset[str]  # empty: out of scope
    tags: tuple[str, ...] = ()

    @property
    def in_scope(self) -> bool:
        return bool(self.expect)


@dataclass(frozen=True, slots=True)
class Outcome:
    item: Labelled
    result: MatchResult
    correct: bool
    wrong_confident: bool
    suggested: bool = False  # declined though in scope, but an acceptable entry is suggested


@dataclass(slots=True)
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _rate(self, items: Sequence[Outcome]) -> float:
        return sum(o.correct for o in items) / len(items) if items else 0.0

    @property
    def in_scope(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.item.in_scope]

    @property
    def out_of_scope(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.item.in_scope]

    @property
    def in_scope_accuracy(self) -> float:
        return self._rate(self.in_scope)

    @property
    def decline_rate(self) -> float:
        return self._rate(self.out_of_scope)

    @property
    def accuracy(self) -> float:
        return self._rate(self.outcomes)

    @property
    def suggested(self) -> int:
        """In-scope questions declined with an acceptable entry among the suggestions: the
        answer is one tap away."""
        return sum(o.suggested for o in self.outcomes)

    @property
    def wrong_confident(self) -> int:
        return sum(o.wrong_confident for o in self.outcomes)

    @property
    def wrong_confident_rate(self) -> float:
        return self.wrong_confident / len(self.outcomes) if self.outcomes else 0.0

    def by_tag(self) -> dict[str, tuple[int, float]]:
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in self.outcomes:
            for tag in outcome.item.tags or ("all",):
                groups[tag].append(outcome)
        return {tag: (len(items), self._rate(items)) for tag, items in sorted(groups.items())}

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]

    def summary(self) -> dict[str, Any]:
        return {
            "questions": len(self.outcomes),
            "in_scope": len(self.in_scope),
            "out_of_scope": len(self.out_of_scope),
            "in_scope_accuracy": round(self.in_scope_accuracy, 4) if self.in_scope else None,
            "out_of_scope_declined": round(self.decline_rate, 4) if self.out_of_scope else None,
            "in_scope_suggested": self.suggested,
            "wrong_confident": self.wrong_confident,
            "wrong_confident_rate": round(self.wrong_confident_rate, 4),
            "by_tag": {t: {"n": n, "accuracy": round(a, 4)} for t, (n, a) in self.by_tag().items()},
        }


class LabelledFileError(ValueError):
    """The labelled question file cannot be read."""


def _pick(item: dict[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        if key in item:
            return item[key]
    return None


def _expect(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    values = value if isinstance(value, list) else str(value).replace("|", ",").split(",")
    return frozenset(str(v).strip() for v in values if str(v).strip().lower() not in _NONE)


def _tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else str(value).replace("|", ",").split(",")
    return tuple(str(v).strip() for v in values if str(v).strip())


def load_labelled(path: str | Path) -> list[Labelled]:
    """Read a labelled question file (see the module docstring for the formats)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise LabelledFileError(f"{file}: cannot be read: {exc}") from None
    suffix = file.suffix.lower()
    rows: list[Any]
    try:
        if suffix == ".jsonl":
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        elif suffix in (".csv", ".tsv"):
            rows = list(
                csv.DictReader(text.splitlines(), delimiter="\t" if suffix == ".tsv" else ",")
            )
        else:  # YAML is a superset of JSON
            data = yaml.safe_load(text)
            rows = data.get("questions", data) if isinstance(data, dict) else data
    except (ValueError, yaml.YAMLError) as exc:
        raise LabelledFileError(f"{file}: not a readable question file: {exc}") from None
    if not isinstance(rows, list):
        raise LabelledFileError(f"{file}: expected a list of questions")
    items = []
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not isinstance(_pick(row, _QUESTION_KEYS), str):
            raise LabelledFileError(f"{file}: item {number} has no question")
        expect_value = _pick(row, _EXPECT_KEYS)
        if expect_value is None and "expected_sentences" in row:
            expect_value = row["expected_sentences"]
        items.append(
            Labelled(
                question=str(_pick(row, _QUESTION_KEYS)),
                expect=_expect(expect_value),
                tags=_tags(_pick(row, _TAG_KEYS)),
            )
        )
    return items


def unknown_labels(items: Sequence[Labelled], knowledge: Knowledge) -> list[str]:
    """Expected ids that are neither FAQ ids nor sentence ids: a typo in the labelled file."""
    known = {e.id for e in knowledge.entries} | {s.id for s in knowledge.sentences}
    return sorted({label for item in items for label in item.expect} - known)


def judge(item: Labelled, result: MatchResult, knowledge: Knowledge) -> Outcome:
    """Score one answer against its label."""
    if not item.in_scope:
        return Outcome(item, result, correct=not result.answered, wrong_confident=result.answered)

    def _sentences(label: str) -> set[str]:
        entry = knowledge.entry(label)
        return set(entry.sentences) if entry else {label}

    acceptable = set().union(*map(_sentences, item.expect))
    by_entry = knowledge.entry(next(iter(item.expect))) is not None
    if not result.answered:
        suggested = any(
            s.faq_id in item.expect if by_entry else bool(_sentences(s.faq_id) & acceptable)
            for s in result.suggestions
        )
        return Outcome(item, result, correct=False, wrong_confident=False, suggested=suggested)
    # Every answer in the reply (two questions in one message get two) must be acceptable.
    correct = all(
        part.faq_id in item.expect
        if part.faq_id is not None and by_entry
        else bool({c.id for c in part.citations} & acceptable)
        for part in result.answers
        if part.answered
    )
    return Outcome(item, result, correct=correct, wrong_confident=not correct)


def evaluate(
    matcher: Matcher,
    items: Sequence[Labelled],
    *,
    answer: Callable[[str], MatchResult] | None = None,
) -> Report:
    """Ask every labelled question (with ``answer``, default the matcher) and judge the answers."""
    ask = answer or matcher.ask
    report = Report()
    for item in items:
        report.outcomes.append(judge(item, ask(item.question), matcher.knowledge))
    return report


def _share(rate: float, items: Sequence[Outcome]) -> str:
    return f"{rate:7.1%}" if items else "    n/a"


def format_report(report: Report, *, title: str = "matcher", explain: bool = False) -> str:
    """A human-readable report: figures first, then every miss."""
    lines = [
        f"== {title}: {len(report.outcomes)} questions "
        f"({len(report.in_scope)} in scope, {len(report.out_of_scope)} out of scope)",
        f"in-scope answered correctly : {_share(report.in_scope_accuracy, report.in_scope)}",
        f"out-of-scope declined       : {_share(report.decline_rate, report.out_of_scope)}",
        f"declined, answer suggested  : {report.suggested} of the in-scope questions "
        "(one tap away)",
        f"wrong confident answers     : {report.wrong_confident} "
        f"({report.wrong_confident_rate:.1%} of all)",
        "by category:",
    ]
    for tag, (count, accuracy) in report.by_tag().items():
        lines.append(f"  {tag:<10} {count:4d}  {accuracy:7.1%}")
    if report.misses:
        lines.append(f"misses ({len(report.misses)}):")
        for miss in report.misses:
            result = miss.result
            expected = ",".join(sorted(miss.item.expect)) or "(decline)"
            got = (
                result.faq_id
                or (f"quote {result.citations[0].id}" if result.outcome == "quote" else "")
                or f"({result.outcome})"
            )
            flag = "WRONG" if miss.wrong_confident else "miss "
            lines.append(
                f"  {flag} {miss.item.question!r}: expected {expected}, got {got} "
                f"[{result.score:.0f}]"
            )
            if explain:
                lines.extend(f"        | {line}" for line in result.explain)
    return "\n".join(lines)
