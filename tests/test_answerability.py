"""Stage 4: an entry answers only the kinds of question it declares, about the names it knows."""

import pytest

from bot.answerability import check, question_kinds
from bot.normalize import Normalizer


def intents(text: str) -> list[str]:
    return [t for t in Normalizer().tokens(text) if t.startswith("?")]


# What a question asks (``question_kinds``): exactly these kinds …
_EXACT_KINDS = [
    ("Seit welchem Jahr wächst die Cloud langsamer?", ["date"]),
    ("Warum hat TikTok gewechselt?", ["why"]),
    ("How many developers?", ["amount"]),
    ("Was ist AsiaForward?", []),  # open to any entry
    ("How many start-ups so far?", ["amount", "sofar"]),
    ("Was versteht man unter Cloud-nativ?", ["meaning"]),
    # A relative "wo" (southern German) asks no place; a "wo" that starts a question does.
    ("Wer sind d Konkurrente, wo s Wachstum bremsed?", ["who"]),
    ("Und wo investiert Alibaba?", ["where"]),
    # A share of the total: "how much of the billion", "wie viel davon".
    ("How much of the billion goes to Singapore?", ["per"]),
    ("Wie viel davon bekommt Singapur?", ["per"]),
    ("How much of a fine was it?", ["amount"]),
    ("Wia vui Geld steckt da Alibaba nei?", ["amount"]),  # regional forms
    ("wie veel Umsatz hett de Alibaba bröcht?", ["amount"]),
]
# … or among others, this kind (True) or not this kind (False).
_HAS_KIND = [
    # Kinds of fact the article never states.
    ("How much does each start-up get?", "per", True),
    ("Wie viel Geld gibt es pro Start-up?", "per", True),
    ("Per its statement, where does the money go?", "per", False),
    ("As per Alibaba statement, which demand?", "per", False),
    ("How many start-ups have already been picked?", "sofar", True),
    ("What is the absolute cloud revenue?", "absolute", True),
    ("What's a billion US in Kiwi dollars?", "conversion", True),
    ("How much is 1 billion dollar in reais?", "conversion", True),
    ("Cloud revenue in INR?", "conversion", True),
    ("Wer hat dich programmiert?", "self", True),
    ("Are you a bot?", "self", True),
    ("Was hat Alibaba falsch gemacht?", "why", True),
    ("Wie steht die Alibaba-Aktie?", "company", True),
    ("Wie dick war die Strafe?", "amount", True),
    ("How do I sign up for AsiaForward?", "apply", True),
    ("Wo kann ich mich bewerben?", "apply", True),
    ("Welche Wettbewerber nennt der Artikel?", "apply", False),
    ("Does it apply outside Asia?", "apply", False),
    ("What's Alibaba Cloud's market share in APAC?", "company", True),
    ("Wie viele Mitarbeiter hat Alibaba Cloud?", "company", True),
    ("Who is Alibaba Group's CEO?", "company", True),
    ("Wer ist der Nachfolger von Jack Ma?", "company", True),
    ("What does Meituan sell?", "company", True),
    ("Quantum of the quarterly loss?", "amount", True),
    ("Wer ist der Präsident von Alibaba Cloud?", "company", False),
    ("Name of the Bloomberg reporter?", "author", True),
    ("Was ist die Quelle?", "author", False),
    ("the reasons behind the slowdown", "why", True),
    ("What specific conduct led the regulators to penalise Alibaba?", "why", True),
    ("Was hat zum Verlust geführt?", "why", True),
]


@pytest.mark.parametrize(("question", "kinds"), _EXACT_KINDS)
def test_question_kinds_from_question_words(question: str, kinds: list[str]) -> None:
    assert question_kinds(intents(question)) == set(kinds)


@pytest.mark.parametrize(("question", "kind", "asked"), _HAS_KIND)
def test_kinds_of_fact_a_question_asks(question: str, kind: str, asked: bool) -> None:
    assert (kind in question_kinds(intents(question))) is asked


def test_kind_must_be_declared() -> None:
    why = intents("Warum hat TikTok Alibaba verlassen?")
    assert not check(why, [], declared=["who", "what"], known=[]).ok
    assert "why" in check(why, [], declared=["who", "what"], known=[]).reason
    assert check(why, [], declared=["why"], known=[]).ok
    # A date also tells when; a day does not give the year.
    assert check(intents("Wann?"), [], declared=["date"], known=[]).ok
    assert not check(intents("In welchem Jahr?"), [], declared=["when"], known=[]).ok


def test_names_must_be_known_to_the_entry() -> None:
    verdict = check([], ["huawei"], declared=["amount"], known=["umsatz", "cloud"])
    assert not verdict.ok and "huawei" in verdict.reason
    assert check([], ["huawei"], declared=["who"], known=["huawei"]).ok


def test_every_kind_of_question_word_can_be_declared_by_an_entry() -> None:
    from typing import get_args

    from bot.knowledge import Kind
    from bot.normalize import _INTENTS

    # "claim" marks a claim to check, which is no kind of fact; "what" is every other question.
    assert set(_INTENTS) - {"claim"} == set(get_args(Kind)) - {"what"}


def test_a_figure_of_something_else_is_no_answer() -> None:
    how_much = intents("How big was the loss?")
    assert not check(
        how_much, [], declared=["amount"], known=[], asked_figures=["verlust"], figures=["jahr"]
    ).ok
    assert check(
        how_much,
        [],
        declared=["amount"],
        known=[],
        asked_figures=["verlust", "jahr"],
        figures=["jahr"],
    ).ok
    # A question that names nothing figures are asked of is not held to it.
    assert check(intents("How much?"), [], declared=["amount"], known=[], figures=["jahr"]).ok


def test_a_figure_the_article_never_gives_is_not_answered_by_its_unit() -> None:
    how_much = intents("How much money did Alibaba lose?")
    money_lost = {"asked_figures": ["geld", "verlust"], "unstated": ["verlust"], "units": ["geld"]}
    assert not check(how_much, [], declared=["amount"], known=[], figures=["geld"], **money_lost).ok
    # "How many years since the last loss?" names the loss, but asks a figure the entry gives.
    years = {"asked_figures": ["jahr", "verlust"], "unstated": ["verlust"], "units": ["geld"]}
    assert check(how_much, [], declared=["amount"], known=[], figures=["jahr"], **years).ok
    # Money for start-ups: no figure the article never gives is asked, the unit is enough.
    money = {"asked_figures": ["geld", "startup"], "unstated": ["verlust"], "units": ["geld"]}
    assert check(how_much, [], declared=["amount"], known=[], figures=["geld"], **money).ok


def test_reasons_the_article_never_gives_are_not_answered() -> None:
    why = intents("Why was Alibaba fined?")
    fined = {"asked_reasons": ["strafe"], "unexplained": ["strafe"]}
    # The fine is a reason for investing, not explained itself.
    assert not check(why, [], declared=["why"], known=[], explains=["investition"], **fined).ok
    # "Why did the fine lead to a loss?" names the loss, which the entry explains.
    loss = {"asked_reasons": ["strafe", "verlust"], "unexplained": ["strafe"]}
    assert check(why, [], declared=["why"], known=[], explains=["verlust"], **loss).ok
    # A why question about something the article does explain is open to every "why" entry.
    growth = {"asked_reasons": ["wachstum"], "unexplained": ["strafe"]}
    assert check(why, [], declared=["why"], known=[], explains=["investition"], **growth).ok
