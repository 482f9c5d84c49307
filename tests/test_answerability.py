"""Stage 4: an entry answers only the kinds of question it declares, about the names it knows."""

from bot.answerability import check, question_kinds
from bot.normalize import Normalizer


def intents(text: str) -> list[str]:
    return [t for t in Normalizer().tokens(text) if t.startswith("?")]


def test_question_kinds_from_question_words() -> None:
    assert question_kinds(intents("Seit welchem Jahr wächst die Cloud langsamer?")) == {"date"}
    assert question_kinds(intents("Warum hat TikTok gewechselt?")) == {"why"}
    assert question_kinds(intents("How many developers?")) == {"amount"}
    assert question_kinds(intents("Was ist AsiaForward?")) == frozenset()  # open to any entry
    assert question_kinds(intents("How many start-ups so far?")) == {"amount", "sofar"}
    assert question_kinds(intents("Was versteht man unter Cloud-nativ?")) == {"meaning"}
    # Kinds of fact the article never states.
    assert "per" in question_kinds(intents("How much does each start-up get?"))
    assert "per" in question_kinds(intents("Wie viel Geld gibt es pro Start-up?"))
    assert "per" not in question_kinds(intents("Per its statement, where does the money go?"))
    assert "per" not in question_kinds(intents("As per Alibaba statement, which demand?"))
    # A relative "wo" (southern German) asks no place; a "wo" that starts a question does.
    assert question_kinds(intents("Wer sind d Konkurrente, wo s Wachstum bremsed?")) == {"who"}
    assert question_kinds(intents("Und wo investiert Alibaba?")) == {"where"}
    # A share of the total: "how much of the billion", "wie viel davon".
    assert question_kinds(intents("How much of the billion goes to Singapore?")) == {"per"}
    assert question_kinds(intents("Wie viel davon bekommt Singapur?")) == {"per"}
    assert question_kinds(intents("How much of a fine was it?")) == {"amount"}
    assert "sofar" in question_kinds(intents("How many start-ups have already been picked?"))
    assert "absolute" in question_kinds(intents("What is the absolute cloud revenue?"))
    assert "conversion" in question_kinds(intents("What's a billion US in Kiwi dollars?"))
    assert "conversion" in question_kinds(intents("How much is 1 billion dollar in reais?"))
    assert "conversion" in question_kinds(intents("Cloud revenue in INR?"))
    assert "self" in question_kinds(intents("Wer hat dich programmiert?"))
    assert "self" in question_kinds(intents("Are you a bot?"))
    assert "why" in question_kinds(intents("Was hat Alibaba falsch gemacht?"))
    assert "company" in question_kinds(intents("Wie steht die Alibaba-Aktie?"))
    assert "amount" in question_kinds(intents("Wie dick war die Strafe?"))
    assert "apply" in question_kinds(intents("How do I sign up for AsiaForward?"))
    assert "apply" in question_kinds(intents("Wo kann ich mich bewerben?"))
    assert "apply" not in question_kinds(intents("Welche Wettbewerber nennt der Artikel?"))
    assert "apply" not in question_kinds(intents("Does it apply outside Asia?"))
    assert "company" in question_kinds(intents("What's Alibaba Cloud's market share in APAC?"))
    assert "company" in question_kinds(intents("Wie viele Mitarbeiter hat Alibaba Cloud?"))
    assert "company" in question_kinds(intents("Who is Alibaba Group's CEO?"))
    assert "company" in question_kinds(intents("Wer ist der Nachfolger von Jack Ma?"))
    assert "company" in question_kinds(intents("What does Meituan sell?"))
    assert "amount" in question_kinds(intents("Quantum of the quarterly loss?"))
    assert "company" not in question_kinds(intents("Wer ist der Präsident von Alibaba Cloud?"))
    assert "author" in question_kinds(intents("Name of the Bloomberg reporter?"))
    assert "author" not in question_kinds(intents("Was ist die Quelle?"))
    assert "why" in question_kinds(intents("the reasons behind the slowdown"))


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
