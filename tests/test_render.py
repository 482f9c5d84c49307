from bot.matcher import Matcher
from bot.render import render


def test_html_escapes_article_and_answer_text(matcher: Matcher, knowledge) -> None:
    result = matcher.ask("Wer ist Jeff Zhang?")
    html = render(result, knowledge, markup=True)
    assert html.startswith("<b>") and "<i>[S7]" in html
    plain = render(result, knowledge)
    assert "<b>" not in plain and "[S7]" in plain


def test_english_reply_shows_translation(matcher: Matcher, knowledge) -> None:
    text = render(matcher.ask("Who is Jeff Zhang?"), knowledge)
    assert "Jeff Zhang, president of Alibaba Cloud Intelligence" in text
    assert "Source: Bloomberg" in text


def test_a_quoted_sentence_is_not_quoted_twice(matcher: Matcher, knowledge) -> None:
    text = render(matcher.ask("Wer ist Jeff Zhang?"), knowledge)
    assert "[S7] „Wir sehen" in text and "„„" not in text


def test_an_answer_says_which_faq_question_it_answers(matcher: Matcher, knowledge) -> None:
    # Asked in other words: the reply names the question it answers, so a misreading shows.
    result = matcher.ask("wie hoch war die strafe")
    assert result.understood_as == "Wie hoch war die Kartellstrafe?"
    lines = render(result, knowledge, markup=True).splitlines()
    assert lines[0] == "<i>Verstanden als: „Wie hoch war die Kartellstrafe?“</i>"
    english = render(matcher.ask("how much money alibaba invest"), knowledge)
    assert english.startswith('Understood as: "How much is Alibaba Cloud investing?"\n')
    # Asked as the FAQ asks it: nothing to say.
    exact = matcher.ask("Wie hoch war die Kartellstrafe?")
    assert exact.understood_as == ""
    assert render(exact, knowledge).startswith("Chinesische Kartellbehörden")


def test_a_decline_says_which_kind_of_fact_the_article_lacks(matcher: Matcher, knowledge) -> None:
    # The article has a source but no byline: the decline says so, then quotes the source line.
    author = render(matcher.ask("Wer hat den Artikel geschrieben?"), knowledge).splitlines()
    assert author[2] == "Einen Autor nennt der Artikel nicht, nur seine Quelle:"
    assert author[3].startswith("[S13]")
    when = render(matcher.ask("When was Alibaba fined?"), knowledge)
    assert "The article doesn't say when exactly. This is where it comes up:\n[S5]" in when
    long = render(matcher.ask("Wie lange lief das Kartellverfahren vor der Strafe?"), knowledge)
    assert "Wie lange, sagt der Artikel nicht. Hier geht es darum:\n[S5]" in long
    # A kind of fact without a text of its own gets the general pointer.
    age = matcher.ask("Wie alt ist Jeff Zhang?")
    assert age.missing == "age"
    assert "Im Artikel geht es an dieser Stelle darum, aber ohne diese Angabe:" in render(
        age, knowledge
    )
