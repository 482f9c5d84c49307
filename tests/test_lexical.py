"""Stage 2: coverage says how much of the question an entry accounts for."""

from bot.lexical import VARIANT_WEIGHT, LexicalIndex


def test_a_word_the_entry_only_is_asked_with_counts_less(knowledge) -> None:
    lexical = LexicalIndex(knowledge)
    by_id = {knowledge.entries[c.entry].id: c for c in lexical.rank(lexical.query("time"))}
    # "time" is in one of the timeframe entry's questions ("time span"), not in what it states.
    assert by_id["timeframe"].coverage == VARIANT_WEIGHT
    # "Strafe" is in what the fine entry states: it counts fully.
    by_id = {knowledge.entries[c.entry].id: c for c in lexical.rank(lexical.query("Strafe"))}
    assert by_id["antitrust-fine"].coverage == 1.0


def test_an_unknown_figure_in_a_claim_is_what_the_answer_corrects(knowledge) -> None:
    lexical = LexicalIndex(knowledge)
    claim = lexical.query("Stimmt es, dass die Strafe 28 Milliarden Dollar betrug?")
    question = lexical.query("Hat Alibaba 28 Milliarden Dollar investiert?")
    assert "?claim" in claim.intents
    assert claim.weights[claim.tokens.index("28")] == 0.0
    assert "?claim" in question.intents  # a yes/no question is a claim too …
    statement = lexical.query("die 28 Milliarden Dollar")  # … a statement is none
    assert statement.weights[statement.tokens.index("28")] > 0.0
