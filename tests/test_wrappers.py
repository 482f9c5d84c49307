"""Stage 1: questions are found inside chat messages."""

import pytest

from bot.normalize import fold
from bot.wrappers import after_lead_in, bare_lead_in, choice, first_alternative, unwrap

# Names the FAQ uses: a word it knows is no filler.
NAMES = frozenset({"tiktok", "tencent", "meituan"})


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        (
            "Guten Tag, ich habe eine Frage zum Artikel: Wer ist Jeff Zhang? Vielen Dank!",
            ["Wer ist Jeff Zhang?"],
        ),
        (
            "Moin! Hab nur die Überschrift gelesen – geht es um Geld für Asien? Thx",
            ["geht es um Geld für Asien?"],
        ),
        ("hey, quick one: who fined Alibaba? cheers", ["who fined Alibaba?"]),
        (
            "Dear Sir or Madam, I would like to know who fined Alibaba. Kind regards",
            ["who fined Alibaba."],
        ),
        (
            "Hi bot 👋 I run a start-up in Hanoi. How will Alibaba help founders? Thanks!",
            ["How will Alibaba help founders?"],
        ),
        ("Könnten Sie mir bitte sagen, wie hoch die Strafe war?", ["wie hoch die Strafe war?"]),
        ("ok but why did they lose money", ["why did they lose money"]),
        ("Was sagt der Text über Meituan?", ["Meituan?"]),
        ("What, if anything, does the article say about Meituan?", ["Meituan?"]),
        ("steht irgendwo was zu tencent?", ["tencent?"]),
        ("Baut Alibaba neue Rechenzentren?", ["Baut Alibaba neue Rechenzentren?"]),
        ("wer ist jeff zhang", ["wer ist jeff zhang"]),
        # a remark about oneself before the question, or after it, in the same sentence
        (
            "so im writing a report for econ class, what is asiaforward basically?",
            ["what is asiaforward basically?"],
        ),
        (
            "where does this article come from, i need it for my paper",
            ["where does this article come from"],
        ),
        ("TikTok, who does it use now?", ["TikTok, who does it use now?"]),  # a topic, no remark
        (
            "ich muss für schule eine zusammenfassung machen, um was geht es bei asiaforward?",
            ["um was geht es bei asiaforward?"],
        ),
        ("sorry ah disturb you, how much is the fine?", ["how much is the fine?"]),
        # asking permission to ask, before or after the question
        (
            "Darf ich höflich fragen, über welchen Zeitraum die Förderung läuft?",
            ["über welchen Zeitraum die Förderung läuft?"],
        ),
        ("Von wem stammt die Meldung, wenn ich fragen darf?", ["Von wem stammt die Meldung?"]),
        ("May I ask who Jeff Zhang is, if you don't mind?", ["who Jeff Zhang is?"]),
        ("Kann ich mich bewerben?", ["Kann ich mich bewerben?"]),
        # where the reader expects the answer is no part of what is asked ...
        ("Who are the competitors according to the article?", ["Who are the competitors?"]),
        ("Wofür ist das Geld laut Überschrift?", ["Wofür ist das Geld?"]),
        # (what the headline says is asked, not where the answer stands)
        (
            "Steht in der Überschrift was von Talenten?",
            ["Steht in der Überschrift was von Talenten?"],
        ),
        (
            "Über welchen Zeitraum läuft das ausweislich der Mitteilung des Konzerns?",
            ["Über welchen Zeitraum läuft das?"],
        ),
        ("Was steht in der Mitteilung?", ["Was steht in der Mitteilung?"]),  # nothing left
        ("Wer sind lt. Artikel die Konkurrenten?", ["Wer sind die Konkurrenten?"]),
        # ... unless nothing else is asked
        ("Was steht im Artikel?", ["Was steht im Artikel?"]),
        # requests and sign-offs in formal Indian English
        ("Kindly revert with the duration of the project.", ["the duration of the project."]),
        (
            "Please do the needful and share the name of the initiative.",
            ["the name of the initiative."],
        ),
        (
            "Respected sir, does the initiative provide training for developers?",
            ["does the initiative provide training for developers?"],
        ),
        (
            "What is the fine amount? Kindly revert at the earliest.",
            ["What is the fine amount?"],
        ),
        ("Share price of Alibaba?", ["Share price of Alibaba?"]),  # no request
        # the bot addressed by its handle or by name
        ("@AsiaForwardBot wer ist Jeff Zhang?", ["wer ist Jeff Zhang?"]),
        ("Lieber Herr Bot, wer ist Jeff Zhang?", ["wer ist Jeff Zhang?"]),
        ("mornin bot, who is Jeff Zhang?", ["who is Jeff Zhang?"]),
        ("letzte Frage: Aus welcher Quelle stammt das?", ["Aus welcher Quelle stammt das?"]),
        ("one more question: who wrote the article?", ["who wrote the article?"]),
        ("Is info@alibaba.com the contact?", ["Is info@alibaba.com the contact?"]),  # no handle
        (
            "Sehr geehrte Damen und Herren, ich bitte um Auskunft darüber, wie hoch die Strafe"
            " war.",
            ["wie hoch die Strafe war."],
        ),
    ],
)
def test_wrappers_are_stripped_and_spelling_kept(message: str, parts: list[str]) -> None:
    assert list(unwrap(message, NAMES).parts) == parts


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        (
            "Wie viel Geld steckt Alibaba in das Projekt und wie lange soll es laufen?",
            ["Wie viel Geld steckt Alibaba in das Projekt?", "wie lange soll es laufen?"],
        ),
        (
            "How much money is involved, and over what period?",
            ["How much money is involved?", "over what period?"],
        ),
        (
            "Who is Jeff Zhang? And who fined Alibaba?",
            ["Who is Jeff Zhang?", "And who fined Alibaba?"],
        ),
        (  # regional "un", a question word beginning with "wo"
            "Welcher Großkunde is abgesprunge, un wohin is der gegange?",
            ["Welcher Großkunde is abgesprunge?", "wohin is der gegange?"],
        ),
        (
            "Wer ist Jeff Zhang? Wer ist Jack Ma? Was ist AWS?",
            ["Wer ist Jeff Zhang?", "Wer ist Jack Ma?"],
        ),
        (  # a preposition with its umlaut before the second question word
            "Wie viel Geld gibt Alibaba Cloud aus, und über welchen Zeitraum?",
            ["Wie viel Geld gibt Alibaba Cloud aus?", "über welchen Zeitraum?"],
        ),
        (  # … or within which one
            "Wie viele Entwickler sollen gefördert werden und innerhalb welches Zeitraums?",
            ["Wie viele Entwickler sollen gefördert werden?", "innerhalb welches Zeitraums?"],
        ),
        (  # a yes/no question after a comma, about what the first asks
            "why did they get fined, was it the antitrust people?",
            ["why did they get fined?", "was it the antitrust people?"],
        ),
        (  # … but a tag only checks the statement before it
            "the fine was 3 bn, is that right?",
            ["the fine was 3 bn, is that right?"],
        ),
        (  # … or written without it
            "wieviel kohle und fuer wie lange?",
            ["wieviel kohle?", "fuer wie lange?"],
        ),
        (  # a last part going on with "and" asks too, without its question mark
            "what's the name of the informant? and where did tiktok move to",
            ["what's the name of the informant?", "where did tiktok move to?"],
        ),
        (  # … and so does one that starts with "who", "wann", "which" …
            "fine: which law broken? who imposed",
            ["which law broken?", "who imposed?"],
        ),
        (  # … not a remark after the question, nor thanks
            "Wie viel Geld investiert Alibaba? Hab den Artikel nur kurz gelesen. Und danke",
            ["Wie viel Geld investiert Alibaba?"],
        ),
        (  # … nor one that starts with "aber" or "also"
            "Wie viel Geld investiert Alibaba? Aber egal, ich find das krass",
            ["Wie viel Geld investiert Alibaba?"],
        ),
        (  # a second question after "und gegen welches", "und ab wann", dialect "und wos"
            "Wer hat die Strafe verhängt, und gegen welches Gesetz hat Alibaba verstoßen?",
            ["Wer hat die Strafe verhängt?", "gegen welches Gesetz hat Alibaba verstoßen?"],
        ),
        (
            "Wie viele Leute sollen in den Talentpool, und ab wann kann man sich anmelden?",
            ["Wie viele Leute sollen in den Talentpool?", "ab wann kann man sich anmelden?"],
        ),
        (
            "wie meldet ma si da an und wos bieten die den entwicklern überhaupt",
            ["wie meldet ma si da an?", "wos bieten die den entwicklern überhaupt"],
        ),
    ],
)
def test_two_questions_are_split_at_most_two(message: str, parts: list[str]) -> None:
    assert [p.removeprefix("And ") for p in unwrap(message).parts] == [
        p.removeprefix("And ") for p in parts
    ]


@pytest.mark.parametrize(
    ("message", "social"),
    [
        ("Hallo!", "greeting"),
        ("Grüß Gott", "greeting"),
        ("hi there 👋", "greeting"),
        ("hi 👋🏽", "greeting"),  # (an emoji with its skin tone)
        ("Vielen Dank für die Hilfe!", "thanks"),
        ("thanks a lot!", "thanks"),
        ("Danke 🙏", "thanks"),
        ("ta a million, you're a star", "thanks"),
        ("thanks a bunch", "thanks"),
        # praise is thanks, not a question about "a million"
        ("Thanks a million, you're very good.", "thanks"),
        ("du bist echt spitze, danke", "thanks"),
        ("good bot", "thanks"),
        # a ping, an upvote, the bot addressed by name
        ("are you there?", "greeting"),
        ("Bot, hörst du mich?", "greeting"),
        ("bot?", "greeting"),
        ("+1, danke fuer die Info", "thanks"),
        ("ta, legend", "thanks"),
        # a goodbye is no question ("ciao" is no typo of anything in the FAQ)
        ("tschüss!", "farewell"),
        ("bye bye bot", "farewell"),
        ("Gute Nacht zusammen", "farewell"),
        ("pfiat di", "farewell"),
        ("danke, tschüss", "thanks"),
        ("Hallo! Tschüss!", "farewell"),
        # thanks in other languages, for the help itself, or after an acknowledgement
        ("Obrigada, Sie waren eine große Hilfe! ❤️", "thanks"),
        ("danke dir, du hast mir sehr geholfen 🙏 namasté", "thanks"),
        ("Thank you, that's very helpful.", "thanks"),
        ("cool thx", "thanks"),
        ("kiitos.", "thanks"),
        ("hola", "greeting"),
        # a reaction to the last reply and nothing else, before a goodbye or thanks too
        ("ok", "ack"),
        ("alles klar", "ack"),
        ("ok cool", "ack"),
        ("got it!", "ack"),
        ("wow, krass", "ack"),
        ("👍", "ack"),
        ("ok bye", "farewell"),
        ("alles klar danke dir", "thanks"),
        ("jo hi 👋", "greeting"),
        ("good night bot 😴", "farewell"),
        # a question about the bot itself
        ("who are you?", "about"),
        ("Was kannst du eigentlich?", "about"),
        ("help", "about"),
        ("bist du ein Mensch?", "about"),
    ],
)
def test_greeting_or_thanks_alone(message: str, social: str) -> None:
    unwrapped = unwrap(message)
    assert unwrapped.parts == () and unwrapped.social == social


@pytest.mark.parametrize(
    ("message", "social"),
    [
        ("gotta run, thx!", "thanks"),
        ("Thank you my man, God bless", "thanks"),
        ("danke dir, muss wieder probenbeutel beschriften", "thanks"),
        ("ok bye 👋 fähre kommt", "farewell"),
        ("gonna queue again, cya", "farewell"),
        ("tack så mycket", "thanks"),
        # a greeting or small talk with the bot amid chat, a goodbye that ends a message
        ("hi bot, how's it going", "greeting"),
        ("wie geht's dir?", "greeting"),
        ("hallo, ich bin neu hier", "greeting"),
        ("hey 👋 good to see you", "greeting"),
        ("Station schläft, nur ich noch wach. Gute Nacht, Bot.", "farewell"),
        ("takk fyri, Bot!", "thanks"),
        ("Danke, das reicht für meinen Text.", "thanks"),  # (the text: no word of the FAQ's)
    ],
)
def test_thanks_or_goodbye_with_chat_that_asks_nothing(message: str, social: str) -> None:
    known = {fold(w) for w in ("Strafe", "fine", "Alibaba", "Start-ups", "Text", "wie", "viel")}
    unwrapped = unwrap(message, known)
    assert unwrapped.parts == () and unwrapped.social == social


def test_thanks_with_a_word_of_the_article_or_a_question_still_asks() -> None:
    known = {fold(w) for w in ("Strafe", "fine", "Alibaba")}
    # a request after a greeting asks, whatever it asks about
    request = "Good morning. Kindly let me know the status of my visa application."
    assert unwrap(request, known).parts
    # small talk is a greeting only as a whole: this asks about the programme
    assert unwrap("Wie geht's weiter mit AsiaForward?").parts == (
        "Wie geht's weiter mit AsiaForward?",
    )
    assert unwrap("danke, und die Strafe", known).parts == ("danke, und die Strafe",)
    assert unwrap("thx, how much was the fine", known).parts == ("thx, how much was the fine",)


def test_a_tag_question_asks_about_the_statement_before_it() -> None:
    assert unwrap("Hab gehört, das Programm läuft zehn Jahre – stimmt das?").parts == (
        "das Programm läuft zehn Jahre – stimmt das?",
    )
    assert unwrap("Es sind 1 Mrd. USD. Stimmt das?").parts == ("Es sind 1 Mrd. USD – Stimmt das?",)


def test_a_question_pointing_only_at_the_article_asks_about_the_sentence_before() -> None:
    message = "I don't get the meaning of cloud-native. Could you explain it as in the article?"
    assert unwrap(message).parts == (
        "I don't get the meaning of cloud-native – it as in the article?",
    )


def test_a_quote_from_the_article_is_what_the_question_after_it_asks_about() -> None:
    # No sentence ends inside the quote; the quote alone is the question when nothing follows.
    assert unwrap("„Quelle: Bloomberg“?? gibts einen link zum original").parts == (
        "„Quelle: Bloomberg“ – gibts einen link zum original?",
    )
    assert unwrap("„eigenen Inhouse-Server“?? wo stehen die").parts == (
        "„eigenen Inhouse-Server“ – wo stehen die?",
    )
    assert unwrap("„Cloud-nativen Technologien“??").parts == ("„Cloud-nativen Technologien“??",)
    assert unwrap("„Cloud-nativen Technologien“?? danke!").parts == (
        "„Cloud-nativen Technologien“??",
    )


def test_a_question_is_not_mistaken_for_thanks() -> None:
    assert unwrap("Danke! Wer ist Jeff Zhang?").parts == ("Wer ist Jeff Zhang?",)
    assert unwrap("ok cool. Und wie hoch war die Strafe?").parts == ("wie hoch war die Strafe?",)
    assert unwrap("").parts == () and unwrap("").social is None
    # Thanks is a word of its own: the end of "capacity" or "data" is no "ty" or "ta".
    assert unwrap("Who spoke and in what capacity.").parts[1] == "in what capacity."
    assert unwrap("What about the data.").parts == ("What about the data.",)
    assert unwrap("Wie hoch war die Strafe, ty").parts == ("Wie hoch war die Strafe",)


def test_a_short_follow_up_is_read_with_the_question_before_it() -> None:
    found = unwrap("Wer hat Alibaba gegründet und in welchem Jahr?")
    assert found.parts == ("Wer hat Alibaba gegründet?", "in welchem Jahr?")
    assert found.contexts == ("", "Wer hat Alibaba gegründet?")
    # "there" at the end points back to the place (or company) named before; "is there" doesn't
    there = unwrap("whats the name of tiktoks company and who's the boss there?")
    assert there.contexts == ("", "whats the name of tiktoks company?")
    assert unwrap("Wie viel Geld gibt es? Is there a deadline?").contexts == ("", "")
    # A follow-up that says what it asks about needs no context.
    found = unwrap("Wer ist der CEO von Alibaba und wie hoch war die Kartellstrafe?")
    assert found.contexts == ("", "")


def test_since_when_starts_a_second_question() -> None:
    assert unwrap("Wer ist Jeff Zhang und seit wann ist er Präsident?").parts == (
        "Wer ist Jeff Zhang?",
        "seit wann ist er Präsident?",
    )


def test_a_second_question_may_start_with_a_verb() -> None:
    assert unwrap("Wie hoch war die Strafe und hat Alibaba danach Verlust gemacht?").parts == (
        "Wie hoch war die Strafe?",
        "hat Alibaba danach Verlust gemacht?",
    )


@pytest.mark.parametrize(
    ("message", "part"),
    [
        (
            "Quiet day on the desk. I'd be grateful for the latest cloud growth figure. Cheers.",
            "the latest cloud growth figure.",
        ),
        (
            "Sach ma, wie viele Entwickler werden gefördert?",
            "wie viele Entwickler werden gefördert?",
        ),
        ("Could you confirm the size of the fine?", "the size of the fine?"),
    ],
)
def test_requests_are_found_without_a_question_mark(message: str, part: str) -> None:
    assert unwrap(message).parts == (part,)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        (
            "Aufgabe 1: Nenne den Betrag, den Alibaba Cloud investieren will.",
            "den Betrag, den Alibaba Cloud investieren will.",
        ),
        (
            "Aufgabe 6: Erkläre, wie das Cloud-Geschäft von Alibaba entstanden ist.",
            "wie das Cloud-Geschäft von Alibaba entstanden ist.",
        ),
        ("Frage 3: Beschreibe kurz die Ziele des Projekts", "die Ziele des Projekts"),
        (
            "Q2. Name the two rivals slowing the cloud business",
            "the two rivals slowing the cloud business",
        ),
        # requests that give orders rather than ask, with their haste
        (
            "Give two reasons why the cloud growth slowed.",
            "two reasons why the cloud growth slowed.",
        ),
        ("give me the numbers only", "the numbers only"),
        ("Gib mir den Namen von dem Projekt.", "den Namen von dem Projekt."),
        ("Nenn mir noch schnell die Quelle", "die Quelle"),
    ],
)
def test_exercise_prompts_ask_without_a_question_word(message: str, part: str) -> None:
    assert unwrap(message).parts == (part,)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        ("Was ist AsiaForward, in einfachen Worten?", "Was ist AsiaForward?"),
        ("was will Zhang sagen, in einfache Sätze?", "was will Zhang sagen?"),
        ("what's the project meant to do, in plain english?", "what's the project meant to do?"),
        ("explain like I'm 12: why did TikTok leave?", "why did TikTok leave?"),
        ("Wie hoch war die Strafe, einfach erklärt?", "Wie hoch war die Strafe?"),
    ],
)
def test_how_simply_it_should_be_said_is_no_part_of_the_question(message: str, part: str) -> None:
    assert unwrap(message).parts == (part,)


def test_a_word_that_only_looks_like_a_prompt_is_kept() -> None:
    assert unwrap("Name of the project?").parts == ("Name of the project?",)
    assert unwrap("Gibt es eine Frist?").parts == ("Gibt es eine Frist?",)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        (
            "Ich erlaube mir die Frage, auf welchen Zeitraum das Projekt ausgelegt ist.",
            "auf welchen Zeitraum das Projekt ausgelegt ist.",
        ),
        ("Lass mich raten: wie hoch war die Strafe?", "wie hoch war die Strafe?"),
        (
            "Dear helper, forgive an old man for asking, but why is Alibaba fined? Many thanks",
            "why is Alibaba fined?",
        ),
        (
            "Entschuldigen Sie bitte die Störung, wie lange läuft das Projekt?",
            "wie lange läuft das Projekt?",
        ),
        ("Sorry if this is a dumb question, who is Jeff Zhang?", "who is Jeff Zhang?"),
        # an idiom for "who is": "who's X when he's at home?"
        ("whos jeff zhang when hes at home", "whos jeff zhang"),
        # the bot addressed in the third person
        ("Could the bot please tell me what APAC stands for?", "what APAC stands for?"),
        (
            "Verzeihen Sie bitte meine Unkenntnis, aber was bedeutet APAC?",
            "was bedeutet APAC?",
        ),
        (
            "Ich ersuche um Auskunft über die Projektlaufzeit des Förderprogramms AsiaForward.",
            "die Projektlaufzeit des Förderprogramms AsiaForward.",
        ),
        (
            "What is the exact name of the program so I can google it?",
            "What is the exact name of the program",
        ),
    ],
)
def test_announcing_frames_go(message: str, part: str) -> None:
    assert unwrap(message).parts == (part,)


def test_a_short_question_after_keywords_asks_about_them() -> None:
    assert unwrap("peer spend pledges - which names?").parts == (
        "peer spend pledges – which names?",
    )


def test_a_second_question_with_no_word_of_its_own_is_a_follow_up() -> None:
    unwrapped = unwrap("Warum hat Alibaba eine Strafe bekommen und wie hoch ist die?")
    assert unwrapped.parts == ("Warum hat Alibaba eine Strafe bekommen?", "wie hoch ist die?")
    assert unwrapped.contexts == ("", "Warum hat Alibaba eine Strafe bekommen?")


def test_a_second_question_asked_as_the_first_is_read_with_it() -> None:
    # "… und wie viel an Schulungen?" asks as the first does, of something else.
    unwrapped = unwrap("wie viel von der Milliarde geht an Start-ups und wie viel an Schulungen?")
    assert unwrapped.contexts == ("", "wie viel von der Milliarde geht an Start-ups?")
    # A second question of its own stays apart.
    own = unwrap("Wie hoch war die Strafe und wie viele Entwickler sollen gefördert werden?")
    assert own.contexts == ("", "")


def test_a_bare_follow_up_read_into_a_question_is_kept_apart_too() -> None:
    # Read together ("… – wann?"), and apart, should the article not answer both.
    unwrapped = unwrap("Wie hoch war die Strafe? Und wann?")
    assert unwrapped.parts == ("Wie hoch war die Strafe? – wann?",)
    assert unwrapped.follow_ups == (("Wie hoch war die Strafe?", "wann?"),)
    # … also after a dash, when what comes before it asks ("Wie hoch …", no question mark).
    dashed = unwrap("Wie hoch war die Strafe – und wann?")
    assert dashed.follow_ups == (("Wie hoch war die Strafe", "wann?"),)
    # A question about the statement before it has no question of its own to answer.
    claim = unwrap("Hab gehört, das läuft zehn Jahre – stimmt das?")
    assert claim.follow_ups == (None,)
    # … and after a comma, one question with a bare follow-up ("tails": never read alone)
    comma = unwrap("who dropped alibaba as cloud provider, and why?")
    assert comma.parts == ("who dropped alibaba as cloud provider, and why?",)
    assert comma.follow_ups == (("who dropped alibaba as cloud provider?", "why?"),)
    assert comma.tails == (True,) and dashed.tails == (False,)
    # (a follow-up with words of its own is a second question: split, not a tail)
    assert unwrap("Wie hoch war die Strafe, und wann wurde sie verhängt?").tails == (False, False)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        ("bzgl strafe: wie hoch u von wem", "strafe, wie hoch u von wem"),
        ("Jeff Zhang: wer ist das?", "Jeff Zhang, wer ist das?"),
        ("Quizfrage: Wer ist Jeff Zhang?", "Wer ist Jeff Zhang?"),
        ("ok be honest: how big was the fine?", "how big was the fine?"),  # a remark, no topic
    ],
)
def test_a_topic_before_a_colon_is_what_the_question_asks_about(message: str, part: str) -> None:
    assert unwrap(message).parts == (part,)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        ("Eine Million Talente – wie wollen die das schaffen?", None),
        ("Rechenzentren – was sagt der Cloud-Chef dazu?", None),
        ("Tencent, Meituan pledges - figures?", "Tencent, Meituan pledges – figures?"),
        ("venture capital – who gets hooked up with it", None),
    ],
)
def test_a_topic_before_a_dash_stays_with_the_question(message: str, part: str | None) -> None:
    # Not a remark to drop: the question after the dash asks about it ("die", "dazu", "it").
    assert unwrap(message, NAMES).parts == (part or message,)


def test_a_longer_remark_before_a_dash_is_still_dropped() -> None:
    assert unwrap("hab den artikel nur kurz gelesen – wie viel geld ist es?").parts == (
        "wie viel geld ist es?",
    )


@pytest.mark.parametrize(
    ("message", "part"),
    [
        (
            "Onkel Manfred sagt, die mussten 10 Milliarden Strafe zahlen. Stimmt das?",
            "die mussten 10 Milliarden Strafe zahlen – Stimmt das?",
        ),
        ("Carmen says Alibaba lost money. Is that so?", "Alibaba lost money – Is that so?"),
        (
            "Ein Händlerfreund erzählte mir, nur 10.000 Start-ups. Stimmt das?",
            "nur 10.000 Start-ups – Stimmt das?",
        ),
        ("Papa fragt, ob TikTok jetzt zu Alibaba gehört", "TikTok jetzt zu Alibaba gehört"),
        (
            "my neighbour is saying Jack Ma is the president. Correct or not?",
            "Jack Ma is the president – Correct or not?",
        ),
        # … or the bot itself, earlier
        (
            "Du meintest eben, ein Grosskunde ist abgesprungen – wie hiess der?",
            "ein Grosskunde ist abgesprungen – wie hiess der?",
        ),
        ("Is data center investment mentioned?", "Is data center investment mentioned?"),
        # not a question about what someone says, nor what the article itself says
        ("Wer sagt das?", "Wer sagt das?"),
        ("Jeff Zhang says what about demand?", "Jeff Zhang says what about demand?"),
        ("The article says growth was 37%, true?", "The article says growth was 37%, true?"),
    ],
)
def test_who_told_the_reader_is_no_part_of_the_question(message: str, part: str) -> None:
    assert unwrap(message).parts == (part,)


def test_a_follow_up_after_a_remark_is_part_of_the_question() -> None:
    # "…, and if so, which ones" asks about the clause before it, no remark to drop.
    message = (
        "Könnten Sie mir sagen, ob auch andere chinesische Firmen ihre Ausgaben erhöhen wollen, "
        "und falls ja, welche das wären?"
    )
    (part,) = unwrap(message).parts
    assert part.startswith("ob auch andere chinesische Firmen") and part.endswith("wären?")


@pytest.mark.parametrize(
    "message",
    [
        "Meituan will auch mehr ausgeben, stimmt das, und wie viel Geld ist das?",
        "china government punish alibaba big big ya? berapa dollar?",  # Malay "how much"
        "Who's the exec quoted on the record and what's his title?",
        "Was bedeutet Talentpool? Was macht Alibaba dafür?",
    ],
)
def test_a_short_second_question_that_points_back_is_read_with_the_first(message: str) -> None:
    unwrapped = unwrap(message)
    assert len(unwrapped.parts) == 2
    assert unwrapped.contexts == ("", unwrapped.parts[0])


@pytest.mark.parametrize(
    ("message", "part"),
    [
        (
            "Bueno, die Strafe kam aus den USA, nicht wahr?",
            "die Strafe kam aus den USA, nicht wahr?",
        ),
        (
            "no niin. the fine came from US regulators right",
            "the fine came from US regulators right",
        ),
        ("allora, wofür wurde Alibaba bestraft?", "wofür wurde Alibaba bestraft?"),
    ],
)
def test_a_filler_in_another_language_goes(message: str, part: str) -> None:
    assert unwrap(message).parts == (part,)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        (
            "Hay nako, so the record fine was 2.8 billion pesos di ba?",
            "the record fine was 2.8 billion pesos di ba?",
        ),
        (
            "Leiwand, und wer is jetzt de Konkurrenz fia de Cloud?",
            "wer is jetzt de Konkurrenz fia de Cloud?",
        ),
        (
            "kia ora! so alibaba cloud is splashing a billion, whats it called again",
            "alibaba cloud is splashing a billion, whats it called again",
        ),
    ],
)
def test_a_call_before_the_question_goes(message: str, part: str) -> None:
    # One or two words that neither the FAQ nor the article use, and no function words.
    assert unwrap(message, NAMES | {"alibaba", "cloud"}).parts == (part,)


def test_a_call_is_no_word_the_faq_uses_and_asks_nothing_alone() -> None:
    # A name the FAQ knows is the topic; a short question after a keyword asks about it; words
    # before a remark that asks nothing stay.
    assert unwrap("Tencent, who are its rivals in the cloud?", NAMES).parts == (
        "Tencent, who are its rivals in the cloud?",
    )
    assert unwrap("Hauptsitz, wo ist der?").parts == ("Hauptsitz, wo ist der?",)
    assert unwrap("Hay nako, that helps me a lot.").parts == ("Hay nako, that helps me a lot.",)


def test_a_keyword_announced_is_the_topic() -> None:
    assert unwrap("Stichwort Meituan: in welchem Zusammenhang?").parts == (
        "Meituan, in welchem Zusammenhang?",
    )
    assert unwrap("Apropos TikTok, wohin ist es gewechselt?").parts == (
        "TikTok, wohin ist es gewechselt?",
    )


def test_a_word_the_faq_uses_is_no_filler() -> None:
    # French "quelle" is German "Quelle", the source.
    assert unwrap("quelle, bloomberg?").parts == ("bloomberg?",)
    assert unwrap("quelle, bloomberg?", known={fold("quelle")}).parts == ("quelle, bloomberg?",)


def test_thanks_before_a_second_question_is_no_question() -> None:
    unwrapped = unwrap("danke mein schatz und wer ist der herr von der cloud firma")
    assert unwrapped.parts == ("wer ist der herr von der cloud firma",)


def test_a_request_to_know_after_a_remark_asks_what_follows() -> None:
    message = (
        "Respected sir, I hope this message finds you well. I run a small software house in "
        "Lahore and would kindly like to know the total amount Alibaba Cloud has committed."
    )
    assert unwrap(message).parts == ("the total amount Alibaba Cloud has committed.",)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        (
            "Stecken die das Geld in Serverhallen oder nur in Leute?",
            "Stecken die das Geld in Serverhallen?",
        ),
        (
            "Is the cloud unit still a growth story, or is it losing steam?",
            "Is the cloud unit still a growth story?",
        ),
        ("Is this a Bloomberg story or just a press release?", "Is this a Bloomberg story?"),
        # "or" between two names inside one question offers no alternative to drop
        ("Wurde auch gegen Tencent oder Meituan ein Verfahren eingeleitet?", None),
        ("alibaba cloud +37% — is that YoY or QoQ?", None),
        ("Is the training online or in person?", None),
        ("Wer hat Alibaba bestraft?", None),
    ],
)
def test_a_second_alternative_is_the_readers_guess(question: str, first: str | None) -> None:
    assert first_alternative(question) == first


def test_the_statement_before_a_question_is_kept_as_its_remark() -> None:
    # (the reporter frame "Hab gehört," is dropped, the statement kept beside the question)
    unwrapped = unwrap("Hab gehört, die Strafe war riesig. In Dollar oder Euro?")
    assert unwrapped.parts == ("In Dollar oder Euro?",)
    assert unwrapped.remarks == ("die Strafe war riesig",)
    # A question before a question is no remark; a tag question is merged with its statement.
    assert unwrap("Wer ist Jeff Zhang? Wie alt ist er?").remarks == ("", "")
    assert unwrap("Alibaba lost money – is that so?").remarks == ("",)
    # … also when nothing has a question mark
    assert unwrap("startups and devs... how many again").remarks == ("startups and devs",)


@pytest.mark.parametrize(
    ("question", "rest"),
    [
        (
            "lads that article from the lecture, how much are alibaba actually putting in",
            "how much are alibaba actually putting in",
        ),
        ("Beyond the buzzwords, what does Zhang say?", "what does Zhang say?"),
        # a question from the start, and a lead-in that is the topic of a bare question
        ("Wie viel kostet das, ich frage für einen Freund?", None),
        ("Jeff Zhang, wer ist das?", None),
        # a reader recalling what the bot said: "but", "aber" begin the question
        (
            "du hast ma vorhin des mit der strafe erklärt aber warum hat die firma verlust gmacht",
            "warum hat die firma verlust gmacht",
        ),
        (
            "earlier you told me about the fine, but who published this article",
            "who published this article",
        ),
    ],
)
def test_the_question_after_a_lead_in(question: str, rest: str | None) -> None:
    assert after_lead_in(question) == rest


@pytest.mark.parametrize(
    ("message", "split"),
    [
        (
            "ok wait passengers are getting in so how many startups they want to help",
            ("ok wait passengers are getting in so ", "how many startups they want to help"),
        ),
        (
            "ich fahr grad A3 bei würzburg stau was hat alibaba angekündigt",
            ("ich fahr grad A3 bei würzburg stau ", "was hat alibaba angekündigt"),
        ),
        # a question from the start; too few words before; a comma (the lead-in rule's);
        # "was" for "etwas" after "auch"/"noch"; nothing asked after the question word
        ("wie viel geld gibt alibaba aus", None),
        ("jeff zhang wer ist das", None),
        ("hab den artikel gelesen, wie viel geld", None),
        ("kriegt VW auch was von alibaba cloud", None),
        ("ich hab da noch was", None),
    ],
)
def test_a_message_without_commas_splits_before_its_question_word(
    message: str, split: tuple[str, str] | None
) -> None:
    assert bare_lead_in(message) == split


def test_a_short_request_after_a_question_is_read_with_it() -> None:
    unwrapped = unwrap("Wann genau war dieser Dienstag? Datum bitte.")
    assert unwrapped.parts == ("Wann genau war dieser Dienstag – Datum bitte?",)
    # (not a statement, nor a request with more to say)
    assert unwrap("Wie hoch war die Strafe? Ich hab das gestern gelesen.").parts == (
        "Wie hoch war die Strafe?",
    )


def test_a_goodbye_after_a_question_leaves_the_question() -> None:
    assert unwrap("Wann wurde das Programm angekündigt? Ciao!").parts == (
        "Wann wurde das Programm angekündigt?",
    )


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        # a quiz question's options are alternatives, and its label no part of it
        (
            "a, b oder c: Das Cloud-Geschäft ist nach dem Vorbild von a) Microsoft b) Amazon Web"
            " Services c) Google gebaut?",
            [
                "Das Cloud-Geschäft ist nach dem Vorbild von Microsoft or Amazon Web Services or"
                " Google gebaut?"
            ],
        ),
        (
            "Tick the correct answer: growth was the slowest since (i) 2004 (ii) 2014 (iii) 2019",
            ["growth was the slowest since 2004 or 2014 or 2019"],
        ),
        # (not two questions lettered a) and b), nor a lone "a)")
        ("a) Summe? b) Zeitraum?", ["a) Summe?", "b) Zeitraum?"]),
        ("Plan a) ist die Milliarde?", ["Plan a) ist die Milliarde?"]),
    ],
)
def test_the_options_of_a_quiz_question_are_alternatives(message: str, parts: list[str]) -> None:
    assert list(unwrap(message).parts) == parts


def test_a_question_offering_answers_to_choose_from() -> None:
    assert choice("who put out de statement, alibaba or bloomberg?") == (
        "who put out de statement?",
        "alibaba bloomberg",
    )
    assert choice("Wer zahlt die 1 Mrd, Alibaba selbst oder der Staat?") == (
        "Wer zahlt die 1 Mrd?",
        "Alibaba selbst der Staat",
    )
    # (not a question of another kind, nor one offering no answers)
    assert choice("Wie viel ist es, Euro oder Dollar?") is None
    assert choice("who put out the statement?") is None
