from bot.sentences import split_sentences
from tests.conftest import KNOWLEDGE


def test_reviewed_split_of_the_article_is_pinned(knowledge) -> None:
    sentences = split_sentences((KNOWLEDGE / "article.de.txt").read_text("utf-8"))
    assert len(sentences) == 13
    assert sentences == [s.de for s in knowledge.sentences]
    assert sentences[0].endswith("Talentschulungen in APAC an")  # the title is S1
    assert "1 Mrd. USD zur Unterstützung" in sentences[0]  # no split after "Mrd."
    assert "Tencent Holdings Ltd. und Meituan" in sentences[5]  # no split after "Ltd."
    assert sentences[9].endswith("Huawei Technologies Co.")  # "Co. Der" is a sentence end
    assert sentences[10].startswith("Der Cloud-Umsatz")
    assert sentences[12] == "Quelle: Bloomberg"


def test_abbreviations_and_quotes() -> None:
    text = "Er sagte: „Gut.“ Dann ging er. Dr. Meier kam um 1 Mio. Euro. Ende!"
    assert split_sentences(text) == [
        "Er sagte: „Gut.“",
        "Dann ging er.",
        "Dr. Meier kam um 1 Mio. Euro.",
        "Ende!",
    ]
