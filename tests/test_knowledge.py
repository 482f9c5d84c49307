from pathlib import Path

import pytest

from bot.knowledge import KnowledgeError, load_knowledge


def test_real_knowledge_loads(knowledge) -> None:
    assert knowledge.meta.source == "Bloomberg"
    assert len(knowledge.entries) >= 25
    assert knowledge.variant_count >= 400


def test_every_sentence_is_cited_by_some_entry(knowledge) -> None:
    cited = {sid for e in knowledge.entries for sid in e.sentences}
    assert cited == {s.id for s in knowledge.sentences}


def test_every_entry_has_german_and_english_variants(knowledge) -> None:
    for entry in knowledge.entries:
        assert len(entry.questions.de) >= 4 and len(entry.questions.en) >= 4, entry.id


def _problems(directory: Path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    return str(caught.value)


def test_sentence_not_in_article_is_rejected(knowledge_copy: Path) -> None:
    path = knowledge_copy / "sentences.yaml"
    path.write_text(path.read_text().replace("Quelle: Bloomberg", "Quelle: Reuters"))
    assert "sentences.yaml:" in _problems(knowledge_copy)
    assert "entry 'S13', field 'de': not a verbatim substring" in _problems(knowledge_copy)


def test_unknown_sentence_duplicate_id_and_variant(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    text = path.read_text()
    text = text.replace("sentences: [S13]", "sentences: [S42]")
    text = text.replace("  - id: jack-ma", "  - id: jeff-zhang", 1)
    text = text.replace("        - Gehört Alibaba Jack Ma?", "        - Was ist AsiaForward genau?")
    path.write_text(text)
    problems = _problems(knowledge_copy)
    assert "entry 'source', field 'sentences.0': unknown sentence id 'S42'" in problems
    assert "duplicate id" in problems
    assert "is already a variant of entry 'asiaforward-what'" in problems
    assert "faq.yaml:" in problems


def test_empty_answer_names_file_line_entry_and_field(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    lines = path.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("en: The source"))
    lines[index] = '      en: ""'
    path.write_text("\n".join(lines))
    problems = _problems(knowledge_copy)
    assert f"faq.yaml:{index + 1}, entry 'source', field 'entries.28.answer.en'" in problems


def test_broken_yaml_names_the_line(knowledge_copy: Path) -> None:
    (knowledge_copy / "faq.yaml").write_text("entries:\n  - id: x\n    answer: [unclosed\n")
    assert "faq.yaml:" in _problems(knowledge_copy) and "not valid YAML" in _problems(
        knowledge_copy
    )


def test_synonym_in_two_groups_is_rejected(knowledge_copy: Path) -> None:
    path = knowledge_copy / "synonyms.yaml"
    path.write_text(path.read_text() + "\nextra: [money]\n")
    assert "word 'money' is already in group 'geld'" in _problems(knowledge_copy)


def test_missing_directory(tmp_path: Path) -> None:
    assert "is not a directory" in _problems(tmp_path / "nope")


def test_an_amount_entry_must_say_what_its_figures_are_of(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    path.write_text(path.read_text().replace("    figures: [Strafe]\n", "", 1))
    assert "entry 'antitrust-fine', field 'figures': kind amount needs figures" in _problems(
        knowledge_copy
    )


def test_a_meaning_entry_must_say_which_terms_it_explains(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    text = path.read_text()
    line = next(x for x in text.splitlines(keepends=True) if x.startswith("    defines: [APAC"))
    path.write_text(text.replace(line, "", 1))
    assert "entry 'region', field 'defines': kind meaning needs defines" in _problems(
        knowledge_copy
    )


def test_a_when_entry_must_say_what_its_time_is_of(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    path.write_text(path.read_text().replace("    times: [Gewinne, Zusage]\n", "", 1))
    assert "entry 'extra-profits', field 'times': kind when or date needs times" in _problems(
        knowledge_copy
    )


def test_a_why_entry_must_say_what_its_reasons_are_for(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    path.write_text(path.read_text().replace("    explains: [Verlust]\n", "", 1))
    assert "entry 'fine-consequences', field 'explains': kind why needs explains" in _problems(
        knowledge_copy
    )
