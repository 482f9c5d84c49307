"""Stage 5: which entry the evidence supports."""

from bot.decision import agreed_topic, lexical_choice, semantic_choice, tied_with_closest
from bot.lexical import Candidate


def cand(entry: int, relevance: float, score: float = 100.0) -> Candidate:
    return Candidate(entry=entry, score=score, coverage=score / 100, relevance=relevance)


def choose(candidates, **kw):
    args = {"exact": None, "closest": None, "same_sentences": False, "threshold": 60, "margin": 0.1}
    return lexical_choice(candidates, **(args | kw))


def test_clear_lead_is_answered_a_near_tie_is_not() -> None:
    assert choose([cand(0, 0.8), cand(1, 0.5)]).entry == 0
    assert choose([cand(0, 0.8), cand(1, 0.78)]) is None
    assert choose([cand(0, 0.8, score=40), cand(1, 0.1)]) is None  # coverage too low


def test_a_claims_leader_clearly_out_covered_by_a_close_runner_up_is_no_leader() -> None:
    # "Is it true the fine was USD 28 billion?": the investment's "billion dollars" is most
    # relevant, the fine's entry knows every word.
    candidates = [cand(0, 0.61, score=73), cand(1, 0.46, score=98)]
    assert choose(candidates).entry == 0  # a question: the relevance decides
    assert choose(candidates, claim=True) is None  # a claim to check: every word counts
    assert choose([cand(0, 0.61, score=90), cand(1, 0.46, score=98)], claim=True).entry == 0
    assert choose([cand(0, 0.61, score=73), cand(1, 0.3, score=98)], claim=True).entry == 0


def test_an_faq_question_ranked_out_is_no_exact_answer() -> None:
    # "Woher …?" filed under an entry that states no place: when the ranking left it out, the
    # top candidate is no "exact" answer; it must win on its own evidence.
    choice = choose([cand(0, 0.8), cand(1, 0.78)], exact=5)
    assert choice is None
    assert choose([cand(0, 0.8), cand(1, 0.4)], exact=5).stage == "lexical"


def test_near_tie_of_siblings_with_the_same_sentences_is_quoted() -> None:
    choice = choose([cand(0, 0.8), cand(1, 0.78)], same_sentences=True)
    assert choice is not None and choice.stage == "siblings"


def test_exact_question_and_closest_wording_need_no_lead() -> None:
    assert choose([cand(0, 0.8), cand(1, 0.78)], exact=1).entry == 1
    assert choose([cand(0, 0.8), cand(1, 0.78)], closest=1).stage == "wording"


def test_semantic_needs_similarity_lead_and_lexical_support() -> None:
    candidates = [cand(0, 0.5, 50), cand(1, 0.45, 50), cand(2, 0.1, 20)]
    assert semantic_choice(candidates, [0.5, 0.9, 0.6], margin=0.1).entry == 1
    assert semantic_choice(candidates, [0.5, 0.7, 0.6], margin=0.1) is None  # not similar enough
    assert semantic_choice(candidates, [0.5, 0.6, 0.9], margin=0.1) is None  # no lexical support
    assert semantic_choice(candidates, [0.89, 0.9, 0.6], margin=0.1) is None  # no lead
    few_words = [cand(0, 0.5, 50), cand(1, 0.45, 9)]  # the entry knows hardly a word of it
    assert semantic_choice(few_words, [0.5, 0.9], margin=0.1) is None


def test_agreement_of_both_stages_takes_weaker_evidence() -> None:
    candidates = [cand(0, 0.6, 45), cand(1, 0.2, 20)]
    choice = semantic_choice(candidates, [0.76, 0.5], margin=0.1)
    assert choice is not None and choice.stage == "agreement"
    assert semantic_choice([cand(0, 0.6, 30), cand(1, 0.2)], [0.76, 0.5], margin=0.1) is None


def test_agreement_without_a_lexical_lead_needs_a_firmer_hold_on_the_question() -> None:
    # The runner-up is as relevant: no lexical lead, but the entry covers most of the question,
    # is relevant to it, and leads in meaning.
    close = [cand(0, 0.6, 70), cand(1, 0.58, 40)]
    choice = semantic_choice(close, [0.64, 0.58], margin=0.1)
    assert choice is not None and (choice.entry, choice.stage) == (0, "agreement")
    assert semantic_choice(close, [0.64, 0.62], margin=0.1) is None  # no lead in meaning
    assert semantic_choice(close, [0.60, 0.50], margin=0.1) is None  # too far in meaning
    thin = [cand(0, 0.6, 45), cand(1, 0.58, 40)]  # covers less than half of it
    assert semantic_choice(thin, [0.64, 0.58], margin=0.1) is None
    weak = [cand(0, 0.4, 70), cand(1, 0.38, 40)]  # little relevance
    assert semantic_choice(weak, [0.64, 0.58], margin=0.1) is None


def test_a_near_tie_of_covering_entries_goes_to_the_one_closest_in_meaning() -> None:
    tied = [cand(0, 0.5, 100), cand(1, 0.48, 100), cand(2, 0.1, 30)]
    choice = semantic_choice(tied, [0.60, 0.76, 0.9], margin=0.1)
    assert choice is not None and (choice.entry, choice.stage) == (1, "tie-break")
    assert semantic_choice(tied, [0.74, 0.76, 0.9], margin=0.1) is None  # no clear lead
    assert semantic_choice(tied, [0.50, 0.65, 0.9], margin=0.1) is None  # not close enough
    uncovered = [cand(0, 0.5, 50), cand(1, 0.48, 50)]  # neither accounts for the question
    assert semantic_choice(uncovered, [0.60, 0.76], margin=0.1) is None


def test_agreement_needs_both_stages_to_be_fairly_sure() -> None:
    candidates = [cand(0, 0.6, 45), cand(1, 0.2, 20)]
    assert semantic_choice(candidates, [0.71, 0.5], margin=0.1) is not None
    assert semantic_choice(candidates, [0.69, 0.5], margin=0.1) is None  # too far in meaning
    assert semantic_choice([cand(0, 0.6, 35), cand(1, 0.2, 20)], [0.76, 0.5], margin=0.1) is None


def test_meaning_far_closer_to_the_lexical_leader_needs_few_of_its_words() -> None:
    # "ok but why is alibaba even doing this, what's the angle": hardly a word the FAQ knows,
    # but the reasons for investing are far closer in meaning than anything else.
    few = [cand(0, 0.33, 8), cand(1, 0.32, 6)]
    choice = semantic_choice(few, [0.87, 0.69], margin=0.1)
    assert choice is not None and (choice.entry, choice.stage) == (0, "agreement")
    assert semantic_choice(few, [0.87, 0.75], margin=0.1) is None  # not far enough ahead
    assert semantic_choice(few, [0.76, 0.55], margin=0.1) is None  # not close enough
    # (not when the lexical ranking leads with another entry)
    assert semantic_choice([cand(1, 0.33, 8), cand(0, 0.32, 6)], [0.87, 0.69], margin=0.1) is None


def test_a_kind_only_the_ranked_entries_state_makes_a_few_words_enough() -> None:
    # "Wie viel Kohle haut Alibaba da raus?": one word known, one amount entry near in meaning.
    few = [cand(0, 0.4, 26), cand(1, 0.1, 10)]
    choice = semantic_choice(few, [0.73, 0.65], margin=0.1, kind_filtered=True)
    assert choice is not None and (choice.entry, choice.stage) == (0, "agreement")
    assert semantic_choice(few, [0.73, 0.65], margin=0.1) is None  # no kind asked: too few words
    assert semantic_choice(few, [0.73, 0.70], margin=0.1, kind_filtered=True) is None  # no lead
    assert semantic_choice(few, [0.66, 0.5], margin=0.1, kind_filtered=True) is None  # too far
    none = [cand(0, 0.4, 5), cand(1, 0.1, 5)]  # hardly a word of it known
    assert semantic_choice(none, [0.73, 0.6], margin=0.1, kind_filtered=True) is None


def test_a_kind_asked_and_a_far_lead_in_meaning_take_a_lower_cosine() -> None:
    # "Wieso hobm de an Quartalsverlust kchobt?": a reason asked, one entry far closest in meaning
    few = [cand(0, 0.34, 30), cand(1, 0.23, 24)]
    choice = semantic_choice(few, [0.62, 0.34], margin=0.1, kind_filtered=True)
    assert choice is not None and (choice.entry, choice.stage) == (0, "agreement")
    assert semantic_choice(few, [0.62, 0.34], margin=0.1) is None  # no kind asked
    assert semantic_choice(few, [0.62, 0.45], margin=0.1, kind_filtered=True) is None  # lead
    assert semantic_choice(few, [0.58, 0.30], margin=0.1, kind_filtered=True) is None  # too far


def test_a_claim_to_check_needs_its_words_for_a_semantic_answer() -> None:
    # "Did Alibaba appeal the fine?" is near "Did the fine …?" in meaning; "appeal" is what counts.
    candidates = [cand(0, 0.5, 64), cand(1, 0.45, 64), cand(2, 0.1, 20)]
    assert semantic_choice(candidates, [0.5, 0.9, 0.6], margin=0.1).entry == 1
    claim = {"margin": 0.1, "claim": True, "threshold": 70}  # as the matcher asks of claims
    assert semantic_choice(candidates, [0.5, 0.9, 0.6], **claim) is None
    covered = [cand(0, 0.5, 64), cand(1, 0.45, 70)]
    assert semantic_choice(covered, [0.5, 0.9], **claim).entry == 1


def test_the_topic_of_a_decline_needs_both_stages_to_agree() -> None:
    candidates = [cand(1, 0.5, 48), cand(0, 0.45, 48)]
    assert agreed_topic(candidates, [0.6, 0.85]) == 1
    assert agreed_topic(candidates, [0.85, 0.6]) is None  # the meaning says another entry
    assert agreed_topic(candidates, [0.5, 0.65]) is None  # not close enough in meaning
    assert agreed_topic(candidates, [0.84, 0.85]) is None  # no clear lead in meaning
    assert agreed_topic(candidates, None) is None  # the semantic stage didn't run


def test_a_near_tie_counts_only_with_the_closest_in_meaning_among_it() -> None:
    tie = [cand(0, 0.8), cand(1, 0.78), cand(2, 0.3)]
    args = {"margin": 0.1, "threshold": 60}
    assert [c.entry for c in tied_with_closest(tie, [0.5, 0.7, 0.4], **args)] == [0, 1]
    assert tied_with_closest(tie, [0.5, 0.4, 0.7], **args) == []  # closest is outside it
    assert tied_with_closest([cand(0, 0.8), cand(1, 0.3)], [0.7, 0.5, 0.4], **args) == []
    low = [cand(0, 0.8, score=40), cand(1, 0.78)]
    assert tied_with_closest(low, [0.7, 0.5], **args) == []  # the question isn't covered


def test_a_near_tie_of_entries_that_each_cover_the_question_counts_when_close_in_meaning() -> None:
    # "Wat is dat Ziel vun dat Projekt?": every tied entry covers the question, one of them is
    # close enough in meaning, though another entry is closer.
    tie = [cand(0, 0.8), cand(1, 0.78), cand(2, 0.3)]
    args = {"margin": 0.1, "threshold": 60}
    assert [c.entry for c in tied_with_closest(tie, [0.65, 0.5, 0.7], **args)] == [0, 1]
    assert tied_with_closest(tie, [0.5, 0.5, 0.7], **args) == []  # none close in meaning
    partly = [cand(0, 0.8), cand(1, 0.78, score=50)]  # one doesn't cover it
    assert tied_with_closest(partly, [0.65, 0.5, 0.7], **args) == []


def test_the_only_entry_stating_the_topic_asked_needs_no_lead_unless_meant_otherwise() -> None:
    # "Bitte die Quelle des Artikels, für die Fußnote": few words, no lead in meaning, but only
    # the source's entry gives an outlet, and it is the most relevant of all.
    source = [cand(1, 0.36, 51)]
    choice = semantic_choice(source, [0.51, 0.51], margin=0.1, kind_filtered=True, topic=True)
    assert choice is None
    choice = semantic_choice(
        source, [0.51, 0.51], margin=0.1, kind_filtered=True, topic=True, sole=True
    )
    assert choice is not None and (choice.entry, choice.stage) == (1, "topic")
    # … unless the question is clearly closer in meaning to another entry.
    assert semantic_choice(source, [0.64, 0.51], margin=0.1, sole=True) is None
