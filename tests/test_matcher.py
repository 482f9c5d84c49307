"""Matcher behaviour; the question table drives matcher and CLI tests alike."""

import pytest
import yaml

from bot.matcher import Matcher
from tests.conftest import ROOT

CASES = yaml.safe_load((ROOT / "tests" / "data" / "cases.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["q"] for c in CASES])
def test_question_table(matcher: Matcher, case: dict) -> None:
    result = matcher.ask(case["q"])
    assert result.faq_id == case["expect"], result
    assert result.answered == (case["expect"] is not None)
    if case.get("lang"):
        assert result.language == case["lang"]


def test_answer_cites_verbatim_sentences(matcher: Matcher, knowledge) -> None:
    result = matcher.ask("Wie hoch war die Kartellstrafe?")
    assert [c.id for c in result.citations] == ["S5"]
    assert result.citations[0].text in knowledge.article


def test_declined_has_no_citations_but_suggestions(matcher: Matcher) -> None:
    result = matcher.ask("Wie viele Mitarbeiter hat Alibaba?")
    assert not result.answered and result.citations == ()
    assert 1 <= len(result.suggestions) <= 3


@pytest.mark.parametrize(
    "text", ["", "   ", "???", "🤖🤖", "und oder aber", "阿里巴巴", "x" * 5000]
)
def test_odd_input_never_crashes_or_answers(matcher: Matcher, text: str) -> None:
    result = matcher.ask(text)
    assert not result.answered
    assert len(result.suggestions) <= 3


def test_json_has_exactly_the_contract_keys(matcher: Matcher) -> None:
    data = matcher.ask("Who is Jeff Zhang?").to_json()
    assert list(data) == [
        "question",
        "answered",
        "language",
        "faq_id",
        "score",
        "answer",
        "citations",
        "suggestions",
    ]
    assert data["citations"] == [{"id": "S7", "text": data["citations"][0]["text"]}]
    assert 0 <= data["score"] <= 100


def test_threshold_is_respected(knowledge) -> None:
    strict = Matcher(knowledge, threshold=101)
    result = strict.ask("Wie viel investiert Alibaba?")
    assert result.outcome != "answer" and result.faq_id is None
