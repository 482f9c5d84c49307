"""Stage 3: the embedding index is lazy, cached on disk and only consulted when needed."""

from pathlib import Path

import pytest

from bot import semantic
from bot.knowledge import Knowledge
from bot.matcher import Matcher
from bot.semantic import SemanticIndex


def test_paraphrase_is_closest_to_its_entry(knowledge: Knowledge, tmp_path: Path) -> None:
    index = SemanticIndex(knowledge, cache_dir=tmp_path)
    similarities = index.similarities("Wer leitet die Cloud-Sparte von Alibaba?", wait=True)
    assert similarities is not None
    best = max(range(len(similarities)), key=similarities.__getitem__)
    assert knowledge.entries[best].id == "jeff-zhang"


def test_embeddings_are_cached_by_content(
    knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = SemanticIndex(knowledge, cache_dir=tmp_path)
    first.load()
    assert first.cache_file is not None and first.cache_file.is_file()
    calls: list[int] = []
    real = semantic.encode
    monkeypatch.setattr(semantic, "encode", lambda texts: calls.append(len(texts)) or real(texts))
    again = SemanticIndex(knowledge, cache_dir=tmp_path)
    again.similarities("Wer ist Jeff Zhang?", wait=True)
    assert calls == [1]  # only the question was encoded; the variants came from the cache


def test_not_ready_index_answers_none_and_loads_in_background(
    knowledge: Knowledge, tmp_path: Path
) -> None:
    index = SemanticIndex(knowledge, cache_dir=tmp_path)
    assert index.similarities("Wer ist Jeff Zhang?", wait=False) is None
    assert index._thread is not None
    index._thread.join(timeout=60)
    assert index.ready


def test_lexical_answers_never_load_the_index(knowledge: Knowledge, tmp_path: Path) -> None:
    matcher = Matcher(knowledge, cache_dir=tmp_path)
    assert matcher.ask("Wer ist Jeff Zhang?").faq_id == "jeff-zhang"
    assert matcher.semantic is not None and not matcher.semantic.ready


def test_switched_off(knowledge: Knowledge) -> None:
    matcher = Matcher(knowledge, semantic=False)
    result = matcher.ask("Wie viele Mitarbeiter hat Alibaba?")
    assert matcher.semantic is None
    assert "semantic: off" in result.explain


def test_chat_noise_is_not_embedded() -> None:
    from bot.semantic import without_noise

    assert without_noise("yo wie viel kohle haut alibaba raus?? 💸 lol") == (
        "wie viel kohle haut alibaba raus??"
    )
    assert without_noise("Hallo") == "Hallo"  # nothing else left: the question as it is
    assert without_noise("Was ist Alibabas Focus?") == "Was ist Alibabas Focus?"


def test_questions_are_spelled_as_the_knowledge_spells_before_embedding() -> None:
    casing = semantic.casing_of(["Wer ist Jeff Zhang?", "Wie viel Kohle gibt Alibaba aus?"])
    assert semantic.truecase("WHO IS JEFF ZHANG", casing) == "Who is Jeff Zhang"
    assert semantic.truecase("wie viel kohle", casing) == "Wie viel Kohle"
    # A word the knowledge doesn't know keeps its spelling unless it is shouted.
    assert semantic.truecase("is XYZ Kaputt", casing) == "Is xyz Kaputt"


def test_umlauts_left_out_and_typos_are_spelled_as_the_knowledge_spells() -> None:
    casing = semantic.casing_of(["Wann kam die Erklärung für Entwickler?"])
    assert semantic.truecase("die Erklarung fur", casing) == "Die Erklärung für"
    assert semantic.truecase("die erklaerung", casing) == "Die Erklärung"
    targets = semantic.typo_targets(casing)
    assert semantic.truecase("die Erkärung", casing, typos=targets) == "Die Erklärung"
    assert semantic.truecase("Entwikler", casing, typos=targets) == "Entwickler"
    # Only from six letters on, and only one edit away; never without targets.
    assert semantic.truecase("die Erkärung", casing) == "Die Erkärung"
    assert semantic.truecase("Entwkler", casing, typos=targets) == "Entwkler"
    # Another last letter makes another word: "driven" is no typo of "driver".
    driver = semantic.casing_of(["Who is the driver?"])
    assert semantic.truecase("driven by", driver, typos={6: ["driver"]}) == "Driven by"


def test_shouting_or_lower_case_means_the_same(knowledge: Knowledge, tmp_path: Path) -> None:
    index = SemanticIndex(knowledge, cache_dir=tmp_path)
    for question in ("WIE VIEL KOHLE HAUT ALIBABA DA RAUS", "wie viel kohle haut alibaba da raus"):
        similarities = index.similarities(question, wait=True)
        assert similarities is not None
        best = max(range(len(similarities)), key=similarities.__getitem__)
        assert knowledge.entries[best].id == "investment-amount"
        assert similarities[best] >= 0.75


def test_regional_function_words_are_embedded_in_their_standard_form() -> None:
    from bot.normalize import standard_spelling

    assert standard_spelling("Heast, wia vü Göd haun de Leit do eini?") == (
        "Heast, wie viel Göd haun de Leit do eini?"
    )
    assert standard_spelling("Wie viel Geld?") == "Wie viel Geld?"  # as written otherwise
