"""Stage 2: coverage says how much of the question an entry accounts for."""

import pytest

from bot.lexical import VARIANT_WEIGHT, LexicalIndex
from bot.normalize import agent_phrases, fold, is_currency


@pytest.fixture(scope="module")
def lexical(knowledge) -> LexicalIndex:
    """One index for the module: it is immutable once built."""
    return LexicalIndex(knowledge)


def test_a_word_the_entry_only_is_asked_with_counts_less(lexical) -> None:
    entries = lexical.knowledge.entries
    by_id = {entries[c.entry].id: c for c in lexical.rank(lexical.query("time"))}
    # "time" is in one of the timeframe entry's questions ("time span"), not in what it states.
    assert by_id["timeframe"].coverage == VARIANT_WEIGHT
    # "Strafe" is in what the fine entry states: it counts fully.
    by_id = {entries[c.entry].id: c for c in lexical.rank(lexical.query("Strafe"))}
    assert by_id["antitrust-fine"].coverage == 1.0


def test_an_unknown_figure_in_a_claim_is_what_the_answer_corrects(lexical) -> None:
    claim = lexical.query("Stimmt es, dass die Strafe 28 Milliarden Dollar betrug?")
    question = lexical.query("Hat Alibaba 28 Milliarden Dollar investiert?")
    assert "?claim" in claim.intents
    assert claim.weights[claim.tokens.index("28")] == 0.0
    assert "?claim" in question.intents  # a yes/no question is a claim too …
    statement = lexical.query("die 28 Milliarden Dollar")  # … a statement is none
    assert statement.weights[statement.tokens.index("28")] > 0.0


def test_a_figure_the_claimed_thing_never_has_is_what_the_answer_corrects(lexical) -> None:
    # "1" is a figure of the investment, not of the fine the claim names: it asks nothing.
    wrong = lexical.query("Die Strafe lag bei 1 Milliarde Dollar – stimmt das?")
    assert wrong.weights[wrong.tokens.index("1")] == 0.0
    assert not wrong.matches[wrong.tokens.index("1")]
    # The fine's own figure and the start-ups' number still say which fact is checked.
    right = lexical.query("War die Strafe von 2,8 Milliarden Dollar die höchste ihrer Art?")
    assert right.weights[right.tokens.index("2.8")] > 0.0
    startups = lexical.query("100.000 Start-ups in drei Jahren, richtig?")
    assert startups.matches[startups.tokens.index("100000")]


def test_the_authority_a_claim_names_is_what_the_answer_corrects(lexical) -> None:
    claim = lexical.query("Die Strafe kam von den amerikanischen Behörden, nicht wahr?")
    assert {"?agent", "?claim"} <= set(claim.intents)
    assert claim.weights[claim.tokens.index("behorden")] == 0.0
    # Not a claim: the authority is part of what is asked.
    question = lexical.query("How did Alibaba react to the fine by the regulators?")
    assert "?claim" not in question.intents
    assert question.weights[question.tokens.index("kartell")] > 0.0  # regulators
    # The marker weighs nothing in the ranking: the same entries, the same relevance.
    plain = lexical.query("How did Alibaba react to the fine the regulators imposed?")
    assert [(c.entry, round(c.relevance, 6)) for c in lexical.rank(question)][:3] == [
        (c.entry, round(c.relevance, 6)) for c in lexical.rank(plain)
    ][:3]


@pytest.mark.parametrize(
    ("claim", "authority"),
    [
        ("Die Strafe hat doch die amerikanische Behörde verhängt, nicht wahr?", "behorde"),
        ("US regulators fined Alibaba 2.8 billion, right?", "us"),
        ("Die Strafe hat die chinesische Regierung verhängt, oder?", "regierung"),
        ("Die Strafe kam doch von der US-Regierung, oder?", "usregierung"),
    ],
)
def test_an_authority_named_as_who_imposed_it_is_what_the_answer_corrects(
    lexical: LexicalIndex, claim: str, authority: str
) -> None:
    query = lexical.query(claim)
    assert {"?agent", "?claim"} <= set(query.intents)
    assert query.weights[query.tokens.index(authority)] == 0.0
    assert query.weights[query.tokens.index("strafe")] > 0.0


def test_only_the_authority_is_its_phrase() -> None:
    # "die Strafe die EU": the words before it hold no article.
    assert agent_phrases(fold("Hat die Strafe die EU verhängt?")) == ["die eu"]
    assert agent_phrases(fold("Kam die Strafe von der EU?")) == ["der eu"]
    assert agent_phrases(fold("Die EU hat mehr Geld versprochen?")) == []


def test_the_words_the_faq_knows_of_a_remark(lexical) -> None:
    remark = "hab zwischen zwei paketen gelesen, die ham ne strafe gekriegt"
    # The reader's day goes; stop words and the fine stay.
    assert lexical.known_words(remark) == "hab zwischen zwei gelesen, die ham ne strafe gekriegt"


def test_a_question_about_the_gist_drops_the_words_for_the_article(lexical) -> None:
    query = lexical.query("What is the headline of the piece, in one sentence?")
    assert query.intents == ["?gist"] and query.tokens == []
    # Without the gist, the piece stays a word of the question.
    assert "piece" in lexical.query("Which piece of the money goes to start-ups?").tokens


def test_a_currency_in_a_claim_is_what_the_answer_corrects(lexical) -> None:
    claim = lexical.query("Alibaba investiert eine Milliarde Euro, stimmt das mit den Euro?")
    assert claim.weights[claim.tokens.index("euro")] == 0.0
    # Not in a question: a currency the article never gives is asked for.
    question = lexical.query("Which startups get euros?")
    assert question.weights[question.tokens.index("euros")] > 0.0


def test_a_number_as_dictated_is_the_number(lexical) -> None:
    assert lexical.query("the 100 thousand startups").tokens == ["100000", "startup"]
    assert lexical.query("one hundred thousand developers").tokens == ["100000", "entwickler"]


def test_a_currency_is_any_but_the_dollar() -> None:
    assert all(is_currency(w) for w in ("euro", "pfund", "pesos", "rupiah", "yen", "franken"))
    assert not any(is_currency(w) for w in ("dollar", "mrd", "strafe", "won", "real"))


def test_a_company_the_article_never_names_weighs_nothing_only_in_a_claim(lexical) -> None:
    claim = lexical.query("Alibaba Cloud was modelled on Microsoft Azure, right?")
    assert claim.weights[claim.tokens.index("microsoft")] == 0.0
    question = lexical.query("How much does Microsoft invest in Asia?")
    assert question.weights[question.tokens.index("microsoft")] > 0.0
    # Named as where something went, it stays: "rivals like AWS" leaves that open.
    moved = lexical.query("TikTok moved to Google Cloud, right?")
    assert moved.weights[moved.tokens.index("google")] > 0.0
