"""Batch evaluation of the matcher on a labelled question file (``python -m bot eval FILE``).

A labelled file is YAML, JSON, JSON Lines, CSV or TSV with one item per question:

* ``q`` / ``question``: the question;
* ``expect`` / ``expected`` / ``faq_id``: the FAQ id that answers it, a list of acceptable ids,
  one or more sentence ids (``S5``; then any cited sentence among them counts), or empty /
  ``null`` / ``none`` when the article does not answer it;
* ``tags`` / ``category`` (optional): categories to report accuracy for;
* ``parts`` (optional): a message of several questions labelled per question, in order: each
  an ``expect`` of its own (``[[S5], null]``: the first part is answered by S5, the second by
  nothing). The report then also says how many answerable parts were answered and whether the
  reply said which part it couldn't answer.

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
from bot.result import Citation, MatchResult

_QUESTION_KEYS = ("q", "question", "text")
_EXPECT_KEYS = ("expect", "expected", "faq_id", "expected_id", "answer_id", "label", "id")
_TAG_KEYS = ("tags", "category", "categories")
_NONE = {"", "none", "null", "oos", "-", "out_of_scope", "out-of-scope"}


@dataclass(frozen=True, slots=True)
class Labelled:
    question: str
    expect: frozenset[str]  # empty: out of scope
    tags: tuple[str, ...] = ()
    parts: tuple[frozenset[str], ...] = ()  # per question of the message, if labelled so

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
    parts: PartsOutcome | None = None  # for a message labelled per part


@dataclass(frozen=True, slots=True)
class PartsOutcome:
    """How the reply to a message of several questions did, part by part."""

    answerable: int  # parts the article answers
    answered: int  # … of which the reply answers with an acceptable entry
    unanswerable: int  # parts the article doesn't answer
    said: bool  # … the reply declines, or says which part it couldn't answer (if any)
    wrong: bool  # an answer no part accepts, or more answers than answerable parts

    @property
    def complete(self) -> bool:
        """Every answerable part answered, nothing wrong, an unanswerable part said so."""
        return self.answered == self.answerable and self.said and not self.wrong


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

    def parts_summary(self) -> dict[str, int] | None:
        """The figures of the messages labelled per part; ``None`` when there are none."""
        parts = [o.parts for o in self.outcomes if o.parts is not None]
        if not parts:
            return None
        return {
            "messages": len(parts),
            "complete": sum(p.complete for p in parts),
            "answerable_parts": sum(p.answerable for p in parts),
            "answered_parts": sum(p.answered for p in parts),
            "with_unanswerable_part": sum(p.unanswerable > 0 for p in parts),
            "unanswerable_said": sum(p.unanswerable > 0 and p.said for p in parts),
            "wrong": sum(p.wrong for p in parts),
        }

    def summary(self) -> dict[str, Any]:
        summary = {
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
        parts = self.parts_summary()
        return (summary | {"parts": parts}) if parts else summary


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


def _parts(value: Any, file: Path, number: int) -> list[Any]:
    """An item's ``parts``: none, or two or more expectations."""
    if value is None:
        return []
    if not isinstance(value, list) or len(value) < 2:
        raise LabelledFileError(f"{file}: item {number}: 'parts' must list two or more parts")
    return value


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
        parts = tuple(_expect(part) for part in _parts(row.get("parts"), file, number))
        expect = _expect(expect_value)
        if parts and expect_value is None:
            expect = frozenset().union(*parts)
        elif parts and expect != frozenset().union(*parts):
            raise LabelledFileError(f"{file}: item {number}: 'expect' is not its parts' together")
        items.append(
            Labelled(
                question=str(_pick(row, _QUESTION_KEYS)),
                expect=expect,
                tags=_tags(_pick(row, _TAG_KEYS)),
                parts=parts,
            )
        )
    return items


def unknown_labels(items: Sequence[Labelled], knowledge: Knowledge) -> list[str]:
    """Expected ids that are neither FAQ ids nor sentence ids: a typo in the labelled file."""
    known = {e.id for e in knowledge.entries} | {s.id for s in knowledge.sentences}
    labels = {label for item in items for part in (item.expect, *item.parts) for label in part}
    return sorted(labels - known)


def judge(item: Labelled, result: MatchResult, knowledge: Knowledge) -> Outcome:
    """Score one answer against its label."""
    parts = _judge_parts(item, result, knowledge) if item.parts else None
    if not item.in_scope:
        return Outcome(
            item, result, correct=not result.answered, wrong_confident=result.answered, parts=parts
        )
    accepts = _acceptor(item.expect, knowledge)
    if not result.answered:
        suggested = any(accepts(s.faq_id, ()) for s in result.suggestions)
        return Outcome(
            item, result, correct=False, wrong_confident=False, suggested=suggested, parts=parts
        )
    # Every answer in the reply (two questions in one message get two) must be acceptable.
    correct = all(accepts(part.faq_id, part.citations) for part in result.answers if part.answered)
    return Outcome(item, result, correct=correct, wrong_confident=not correct, parts=parts)


def _acceptor(
    expect: frozenset[str], knowledge: Knowledge
) -> Callable[[str | None, Sequence[Citation]], bool]:
    """Whether an answer (its FAQ id, or its citations) is one that ``expect`` accepts: one of
    its entries, or one that cites one of its sentences (or one of its entries' sentences)."""

    def sentences(label: str) -> set[str]:
        entry = knowledge.entry(label)
        return set(entry.sentences) if entry else {label}

    acceptable = set().union(*map(sentences, expect))
    by_entry = bool(expect) and knowledge.entry(next(iter(expect))) is not None

    def accepts(faq_id: str | None, citations: Sequence[Citation]) -> bool:
        if faq_id is not None and by_entry:
            return faq_id in expect
        cited = {c.id for c in citations} if citations or faq_id is None else sentences(faq_id)
        return bool(cited & acceptable)

    return accepts


def _judge_parts(item: Labelled, result: MatchResult, knowledge: Knowledge) -> PartsOutcome:
    """Each answerable part must be answered by some answer in the reply; each answer must be
    one that some part accepts, and there must be no more answers than answerable parts (an
    answer to the unanswerable part may cite what the other part accepts); an unanswerable part
    must be said to be unanswered. Which answer belongs to which part is not checked."""
    answers = [a for a in result.answers if a.answered]
    accepts = [_acceptor(part, knowledge) for part in item.parts if part]
    # fits[p][a]: whether answerable part p accepts answer a (each judged once)
    fits = [[ok(a.faq_id, a.citations) for a in answers] for ok in accepts]
    unanswerable = sum(not part for part in item.parts)
    said = not unanswerable or not result.answered or bool(result.unanswered)
    return PartsOutcome(
        answerable=len(accepts),
        answered=sum(any(row) for row in fits),
        unanswerable=unanswerable,
        said=said,
        wrong=len(answers) > len(accepts)
        or any(not any(row[a] for row in fits) for a in range(len(answers))),
    )


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
    parts = report.parts_summary()
    if parts:
        lines += [
            f"messages labelled per part   : {parts['messages']}, "
            f"{parts['complete']} answered completely and rightly",
            f"  answerable parts answered  : {parts['answered_parts']} of "
            f"{parts['answerable_parts']}",
            f"  an unanswerable part said  : {parts['unanswerable_said']} of "
            f"{parts['with_unanswerable_part']} messages with one",
            f"  a part answered wrongly    : {parts['wrong']} messages",
        ]
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
