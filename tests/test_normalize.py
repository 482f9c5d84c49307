import re
from pathlib import Path

import pytest

from bot.evaluate import load_labelled
from bot.language import detect_language
from bot.normalize import (
    _CLAIM_TAG,
    Normalizer,
    _intents_from,
    clean_question,
    digits_for_number_words,
    fold,
    literal_alternation,
    standard_words,
)


@pytest.fixture(scope="module")
def normalizer(knowledge) -> Normalizer:
    return Normalizer(knowledge.synonyms)


@pytest.mark.parametrize("word", ["über", "ueber", "uber", "ÜBER", "Über"])
def test_umlaut_forms_meet(word: str) -> None:
    assert fold(word) == "uber"


def test_sharp_s_and_accents() -> None:
    assert fold("Straße") == fold("strasse")
    assert fold("Café") == "cafe"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1 Mrd. USD", "1 billion dollars"),
        ("1 Milliarde US-Dollar", "1 bn usd"),
        ("2,8 Milliarden", "2.8 billion"),
        ("100.000 Entwickler", "100,000 developers"),
        ("37 %", "37 percent"),
        ("Start-ups", "startups"),
        ("Kartellstrafe", "antitrust fine"),
        ("anti monopoly fine", "antitrust fine"),  # China's Anti-Monopoly Law
        ("Schwerpunkt", "priorities"),
        ("im Vordergrund", "focus"),
        ("verpflichtet", "pledged"),
        ("competitive", "Konkurrenz"),
        ("scheme", "Programm"),  # British English for a programme
        ("stopped", "verlassen"),  # a customer that stopped using it left
        ("Miese", "Verlust"),  # "Miese machen": to lose money
        ("exec", "Präsident"),  # an executive (a "chief executive" is a CEO)
        ("important", "Stellenwert"),  # importance is asked: no stop word
        ("Online-Unterhaltung", "online entertainment"),
        ("tiktoks parent", "TikTok's owner"),  # a possessive s typed without apostrophe
        ("zu seinen Gewinnen", "profits"),  # the dative plural
        ("Zusage", "pledge"),
        # names as speech-to-text writes them
        ("die Klaut", "die Cloud"),
        ("Jeff Tschang", "Jeff Zhang"),
        ("Tensend", "Tencent"),
        ("Asia vorwärts", "AsiaForward"),
        ("bite dance", "ByteDance"),
        # numbers written as words, as speech-to-text writes them
        ("siebenunddreißig Prozent", "37 %"),
        ("thirty seven percent", "37 %"),
        ("zwei komma acht Milliarden", "2,8 Milliarden"),
        ("seit zweitausendvierzehn", "seit 2014"),
        ("since two thousand fourteen", "since 2014"),
        ("hundert tausend Start-ups", "100.000 Start-ups"),
    ],
)
def test_number_forms_and_synonyms_meet(normalizer: Normalizer, a: str, b: str) -> None:
    tokens_a = set(normalizer.tokens(a))
    assert tokens_a and tokens_a <= set(normalizer.tokens(b)) | {"kartell"}


@pytest.mark.parametrize(
    "text",
    [
        "in den nachsten drei jahren",  # a single small number stays a word (stop word, synonym)
        "seit sechs jahren",
        "one billion dollars",  # the scale word stays for the synonym table
        "ten cent and hawaii",  # Tencent misheard, not ten cents
        "the 100 thousand developers",
        "einer der rivalen und so weiter",
    ],
)
def test_single_number_words_stay(text: str) -> None:
    assert digits_for_number_words(text) == text


def test_question_words_become_intents(normalizer: Normalizer) -> None:
    assert normalizer.tokens("Wann wurde das angekündigt?")[0] == "?when"
    assert normalizer.tokens("How much money?")[0] == "?amount"
    # whether something still holds marks a question about now (no kind of fact)
    assert "?still" in normalizer.tokens("Wächst die Cloud überhaupt noch?")
    assert "?still" in normalizer.tokens("Is Alibaba Cloud still growing at all?")
    assert "?still" not in normalizer.tokens("Wie viel Geld noch mal?")
    # another period, or a growth rate's basis, which the article doesn't give
    assert "?previous" in normalizer.tokens("Und im Quartal vor dem März-Quartal?")
    assert "?previous" in normalizer.tokens("37 % – year on year or quarter on quarter?")
    # what someone said, eight words on
    assert "?said" in normalizer.tokens("Was hat Jack Ma selbst zu der Strafe gesagt?")


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("Wia vü Entwickler?", ["?amount", "entwickler"]),  # Bavarian, Austrian
        ("Wo veel Geld is dat?", ["?amount", "geld"]),  # Low German: an amount, no place
        ("wv kohle?", ["?amount", "geld"]),  # youth chat
        ("Wos hot dor Zhang gsogt?", ["?said", "zhang"]),  # Saxon, Bavarian function words
        # "woher … wissen" asks how something is known, not from where
        ("Woher will Bloomberg das wissen?", ["?how", "bloomberg"]),
        ("Woher hat Bloomberg das mit TikTok?", ["?how", "bloomberg", "tiktok"]),
        # what someone did to earn something asks why (not what it earned)
        ("What did Alibaba do to earn the fine?", ["?why", "alibaba", "strafe"]),
        ("Was hat Alibaba verdient?", ["alibaba", "gewinn"]),
        # what drives someone to something asks why
        (
            "Was treibt die Konzerne dazu, mehr auszugeben?",
            ["?why", "treibt", "titan", "auszugeben"],
        ),
        ("what pushed them to spend more?", ["?why", "zwingen", "ausgaben"]),
        # what a penalty was for is its reason; what the billion is for is its purpose
        ("Wofür wurde Alibaba bestraft?", ["?why", "alibaba", "strafe"]),
        ("what was the fine for?", ["?why", "strafe"]),
        ("Wofür ist die Milliarde?", ["wofur", "mrd"]),
        ("1 bil usd for startups", ["1", "mrd", "dollar", "startup"]),  # chat's "bil"
        ("one hundred thousand developers", ["100000", "entwickler"]),  # as dictated
        ("In welchem Johr is de Strof kemma?", ["?date", "strof", "kemma"]),  # Bavarian "Jahr"
        ("Woher kommt TikTok?", ["?where", "tiktok"]),
        # … and "where does X come into it" its part in the story
        ("Where does Huawei come into it?", ["huawei"]),
        ("Wo kommt Huawei ins Spiel?", ["huawei", "spiel"]),
        # … and "wo kommt X vor" where the article mentions it, "in welchem Zusammenhang" nothing
        ("Wo kommt Huawei vor?", ["huawei"]),
        ("Amazon wird erwähnt, in welchem Zusammenhang?", ["amazon"]),
        # … and "why is X mentioned" what the article says of X: no reason, no year of its own
        ("why is 2014 mentioned in the story?", ["?mention", "2014", "bericht"]),
        # what the headline says is the gist (the ranking leaves out the headline and the piece)
        ("what da headline say, short?", ["?gist"]),
        ("Was steht in der Überschrift?", ["?gist", "uberschrift"]),
        ("In welchem Zusammenhang wird Huawei erwähnt?", ["?mention", "huawei"]),
        # where the article first appeared asks the outlet
        ("Wo ist der Artikel zuerst erschienen?", ["?outlet", "artikel", "erschienen"]),
        # colloquial "ma" ("mal", "wir") is no Jack Ma, who comes with "Jack"
        ("Wat heißt APAC noch ma?", ["?meaning", "asiapacific"]),
        ("wie heist das projekt", ["?how", "?name", "name", "projekt"]),  # a typo of "heißt"
        ("Wie heißt dat Projekt nochmal?", ["?how", "?name", "name", "projekt"]),
        # Taglish question words and particles
        (
            "Magkano po yung investment ng Alibaba Cloud?",
            ["?amount", "investition", "alibaba", "cloud"],
        ),
        ("Bakit po bumagal yung cloud growth nila?", ["?why", "bumagal", "cloud", "wachstum"]),
        ("Wer ist Jack  Ma?", ["?who", "jack", "ma"]),
        ("Wie heißt das Projekt?", ["?how", "?name", "name", "projekt"]),  # a name, not a meaning
        ("What is the programme called?", ["?name", "projekt", "name"]),
        ("whats the project even called", ["?name", "projekt", "name"]),
        ("How is called the project?", ["?name", "name", "projekt"]),  # a learner's "wie heißt"
        ("how is it named, this programme", ["?name", "name", "projekt"]),
        (
            "Tencent, Meituan spending pledges – figures?",
            ["?amount", "tencent", "meituan", "ausgaben", "verpflichtet"],
        ),
        ("how much are they puttin' intae this?", ["?amount", "putting"]),  # Scots, dropped "g"
        ("hömma, wat is getz dat AsiaForward?", ["asiaforward"]),  # Ruhr
        ("wieso sacht der artikel das?", ["?why", "artikel"]),  # Ruhr "sacht": "sagt"
        ("Falls ja, mit welchen?", []),  # "falls": "if", no TikTok dropping anyone
        ("Urheber bzw. Quelle?", ["urheber", "qulle"]),  # "bzw.": "or rather"
        ("allyuh, wha tencent have to do wid it", ["tencent"]),  # Trinidad: "what", "with"
        ("who fined em", ["?who", "strafe"]),  # "em": "them"
        ("where dis story come from?", ["?outlet", "bericht"]),  # "dis": "this"
        ("so tencent is a rival, dale?", ["tencent", "konkurrenz"]),  # Argentine filler
        ("strafe 2,8 mrd odder 28 mrd?", ["strafe", "2.8", "mrd", "28", "mrd"]),  # "oder"
        ("Projekt scho angelaufen – stimmt so?", ["?claim", "projekt", "angelaufen"]),  # "schon"
        ("wetin TikTok dey use now?", ["tiktok"]),  # Nigerian Pidgin: "wetin" is "what"
        # Hinglish: question words and particles
        (
            "kitna paisa invest kar raha hai APAC mein??",
            ["?amount", "geld", "investition", "asiapacific"],
        ),
        ("Jeff Zhang kaun hai?", ["?who", "jeff", "zhang"]),
        ("Vo wem is des TikTok?", ["?who", "tiktok"]),  # "vo wem": "von wem"
        ("Wie haßd des Brogramm?", ["?how", "?name", "name", "brogramm"]),  # Franconian "heißt"
        ("Was heißt APAC?", ["?meaning", "asiapacific"]),  # a term, not a name
        # what a thing is, asked of its kind or of a bare term with "eigentlich"/"exactly" …
        ("was is ein startup", ["?meaning", "?single", "startup"]),  # (silent: no amount)
        ("What is a data center?", ["?meaning", "rechenzentrum"]),
        ("was is cloud nativ eig genau", ["?meaning", "cloud", "nativ"]),
        # … not of the article's own things ("the fine"), which asks what it was
        ("What's the fine exactly?", ["strafe"]),
        # whether Jack Ma runs Alibaba asks a role, whose name stays; who he is does not
        (
            "Ist Jack Ma noch Chef von Alibaba?",
            ["?claim", "?role", "jack", "ma", "chef", "alibaba"],
        ),
        ("Who is Jack Ma?", ["?who", "jack", "ma"]),
        # a bare "year?" after a question asks a date
        ("Und Jahr?", ["?date"]),
        # "in $" asks a figure in dollars, as "in dollars" does
        ("what was the net loss in $?", ["?amount", "verlust", "dollar"]),
        # a figure "im Jahr" asks it per year (not "im Jahr 2014")
        ("Wie viel Gewinn macht Alibaba im Jahr?", ["?amount", "?per", "gewinn", "alibaba"]),
        # another currency after "wie viele"; whatever follows the three years; the quarter
        # before; a German authority; a claim typed without its comma
        (
            "Wie viele Kronen ist 2,8 Milliarden Dollar?",
            ["?amount", "?conversion", "2.8", "mrd", "dollar"],
        ),
        (
            "Wird Alibaba nach den drei Jahren noch mehr Geld geben?",
            ["?claim", "?forecast", "alibaba", "geld"],
        ),
        ("the growth in the quarter preceding March", ["?previous", "wachstum", "march"]),
        # the next quarter is a forecast; a calendar year a date; who wrote it at the outlet
        (
            "What will happen to the cloud revenue in the next quarter?",
            ["?forecast", "cloud", "umsatz"],
        ),
        ("Which calendar year was the March quarter?", ["?date", "march", "quartal"]),
        (
            "Wer hat den Artikel bei Bloomberg geschrieben?",
            ["?author", "artikel", "bloomberg", "geschrieben"],
        ),
        ("Welche deutsche Behörde ist zuständig?", ["?elsewhere", "behorde", "zustandig"]),
        ("die strafe war 2,8 milliarden richtig", ["?claim", "strafe", "2.8", "mrd"]),
        # a volume or sum asks an amount, in a compound too, whose word stays
        ("Alibaba Investitionssumme?", ["?amount", "alibaba", "investitionssumme"]),
        ("AsiaForward Funding Volume", ["?amount", "asiaforward", "geld"]),
        (
            "Welches Capex-Volumen hat Meituan angekündigt?",
            ["?amount", "ausgaben", "geld", "meituan", "ankundigung"],
        ),
        (
            "What volume of capex did Meituan announce?",
            ["?amount", "ausgaben", "meituan", "ankundigung"],
        ),
        # what a single one gets asks a share ("ein einzelnes Startup")
        ("Wie viel Geld bekommt ein einzelnes Startup?", ["?amount", "?per", "geld", "startup"]),
        (
            "sag mir, wie das Projekt heißt",
            ["?how", "?name", "projekt", "name"],
        ),  # at the clause end
        ("the number of startups", ["?amount", "startup"]),
        ("Cloud-Umsatz im Dezember-Quartal?", ["?month", "umsatz", "quartal"]),
        ("cloud growth in July", ["?month", "cloud", "wachstum"]),
        ("wot's the zhang bloke on about wiv data centres", ["zhang", "rechenzentrum"]),
        # Malay and Indonesian question words, Manglish particles
        ("berapa dollar?", ["?amount", "dollar"]),
        ("warum het alibaba ufsmal verlust gmacht", ["?why", "alibaba", "plotzlich", "verlust"]),
        ("kenapa cloud slow liao?", ["?why", "cloud", "langsam"]),
        ("the project called what ah?", ["?name", "projekt", "name"]),  # Singlish word order
        ("die tick tack app", ["tiktok", "app"]),  # voice typing
        # a reason to check is a "why"
        ("Was it because of the price?", ["?why", "kosten"]),
        # chat spellings of everyday words carry no content ("bekomen"); "bis jetz" is so far
        ("Wia viel Entwickler bis jetz gfördert?", ["?amount", "?sofar", "entwickler", "helfen"]),
        ("Welche Ziele hinsichtlich Entwickler?", ["ziel", "entwickler"]),
        # growth that is not as fast as before is a slowdown
        ("why is the cloud not growing as fast", ["?why", "cloud", "langsam"]),
        ("wächst die Cloud nicht mehr so schnell?", ["wachstum", "cloud", "langsam"]),
        # dialect fillers ("jeck" is no typo of Jack) and a misspelt "hieß" asking a name
        (
            "wie hies dat projekt nochamal, jeck? irgendwas mit asia",
            ["?how", "?name", "name", "projekt", "asiapacific"],
        ),
    ],
)
def test_regional_function_words_and_name_questions(
    normalizer: Normalizer, question: str, tokens: list[str]
) -> None:
    assert normalizer.tokens(question) == tokens


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("whcih quarter was the slowest sicne 2014?", "which quarter was the slowest since 2014?"),
        ("wnan war die Ankündigung?", "wann war die Ankündigung?"),
        ("wiveiel Geld gibt Alibaba?", "wieviel Geld gibt Alibaba?"),
        ("waht was the fine?", "what was the fine?"),
    ],
)
def test_question_words_with_two_letters_swapped(
    normalizer: Normalizer, typed: str, meant: str
) -> None:
    assert normalizer.tokens(typed) == normalizer.tokens(meant)


def test_a_swap_that_is_a_word_or_either_of_two_stays() -> None:
    assert standard_words("aws cloud") == "aws cloud"  # not "was"
    assert standard_words("hwo big") == "hwo big"  # "how" or "who"


@pytest.mark.parametrize(
    "claim",
    [
        "Is it true that the fine was a record?",  # "true" is folded like "ue" → "u"
        "Jeff Zhang is stepping down as president – true?",
        "Die Strafe war ein Rekord, oder?",
        "the fine was a record, right?",
        "Stimmt es, dass TikTok gegangen ist?",
        "Did Alibaba appeal the fine?",  # a yes/no question asks whether a claim holds
        "Does the programme run three years?",
        "Hat Alibaba den Abgang von TikTok kommentiert?",
        "und ist die Strafe ein Rekord?",
        "Is it fair to say the cloud is losing steam?",  # an inference to check
        "Lässt sich dem Text entnehmen, dass TikTok gewechselt ist?",
        "Kann man aus dem Artikel ableiten, dass der Wettbewerb härter wird?",
        "Strafe war 28 Milliarden Dollar, ja?",  # a tag after a statement
        "the cloud grew 50 percent last quarter, yeah?",
        "the fine was 5 billion, wasn't it?",
        "Die Strafe war 5 Milliarden, nich?",
        "Is it accurate that the fine amounted to USD 28 billion?",
        "Ich wüsste gern, ob es stimmt, dass die Strafe aus den USA kam.",
        "I wonder whether it's true that the fine came from the EU.",
        # tags from other languages and dialects after a statement
        "wait, the 2.8 billion is what Alibaba is investing in startups, hè?",
        "Alors, Alibaba hat am Dienstag eine Erklärung gemacht, c'est ça?",
        "Die Kartellstrafe kam von den amerikanischen Behörden, nü?",
        "the fine was from the US FTC, diay?",
        "the fine was 2.8 billion pesos, di ba?",
        "the fine came from American regulators, yes?",
        "the fine was three billion neh",  # (South African English, typed without a comma)
        "la strafe était de 3 milliards, non?",
        "alibaba cloud nach vorbild von google gebaut, stimmt doch oder",
    ],
)
def test_claims_to_check_are_marked(normalizer: Normalizer, claim: str) -> None:
    assert "?claim" in normalizer.tokens(claim)


def test_intent_patterns_meet_folded_text(normalizer: Normalizer) -> None:
    # Written as people spell, matched against folded text: "does" folds to "dos".
    assert "?meaning" in normalizer.tokens("What does the term cloud-native mean?")
    assert "?claim" not in normalizer.tokens("Who is right about the cloud?")
    # a tag needs the statement's comma: a pronoun at the end is none
    assert "?claim" not in normalizer.tokens("Who is he?")
    # "was" is German for "what", no yes/no question; a yes/no word later on is no claim either.
    assert "?claim" not in normalizer.tokens("Was ist AsiaForward?")
    assert "?claim" not in normalizer.tokens("Wie viel Geld ist es?")


def test_the_intent_pattern_finds_what_word_boundaries_find(
    knowledge, normalizer: Normalizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pattern checks once that a word begins before trying the intents (the claim's tag
    # begins at a word's end); tried at every word boundary, each intent finds the same.
    texts = [q for entry in knowledge.entries for _lang, q in entry.variants()]
    for path in sorted((Path(__file__).parent / "data").glob("*_questions.yaml")):
        texts += [item.question for item in load_labelled(path)]
    assert len(texts) > 10_000
    fast = [normalizer.tokens(text) for text in texts]
    plain = re.compile(_intents_from(r"\b") + rf"|\b(?P<claimtag>{_CLAIM_TAG})\b")
    monkeypatch.setattr("bot.normalize._INTENT", plain)
    fresh = Normalizer(knowledge.synonyms)
    assert [fresh.tokens(text) for text in texts] == fast


def test_stop_words_only_gives_nothing(normalizer: Normalizer) -> None:
    assert normalizer.tokens("und das ist es doch") == []
    assert normalizer.tokens("Wallah Bruder, ich schwör") == []  # chat fillers
    assert normalizer.tokens("nu ham die dat nich janz gekriegt") == []  # regional fillers
    assert normalizer.tokens("komma punkt fragezeichen") == []  # dictated punctuation
    assert normalizer.tokens("im Rahmen tatsächlich beabsichtigt") == []  # formal fillers
    assert normalizer.tokens("du hast vorhin selber gsagt, howya") == []  # recalling, "itself"
    assert normalizer.tokens("ähm, äh, hmm, tja, woisch") == []  # hesitations in dictation
    assert normalizer.tokens("salam, merhaba, tack så mycket, xin chào") == []  # greetings, thanks
    assert normalizer.tokens("") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wie viel investiert Alibaba?", "de"),
        ("wieviel geld", "de"),
        ("How much is Alibaba investing?", "en"),
        ("who is jeff zhang", "en"),
        ("Größe?", "de"),
        ("Quartalsverlust in Dollar?", "de"),  # "in" is German too
        ("Who was Jeff Zhang?", "en"),  # "was" is German too
        ("Wia oid is da Jack Ma eigentlich?", "de"),  # Bavarian: "is" is English too
    ],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_language_default_when_unclear() -> None:
    assert detect_language("TikTok", default="en") == "en"
    assert detect_language("TikTok") == "de"


def test_zero_width_and_bidi_characters_are_invisible_to_matching(matcher) -> None:
    assert fold("Je\u200bff \u2066Zh\u00adang\u2069\ufeff") == "jeff zhang"
    assert matcher.ask("Wer ist Je\u200bff Zh\u200dang?").faq_id == "jeff-zhang"


def test_the_length_cut_comes_after_whitespace_is_stripped(matcher) -> None:
    question = clean_question("\n" * 5000 + "Wer  ist\u200b Jeff\tZhang?  ", 500)
    assert question == "Wer ist Jeff Zhang?"
    assert matcher.ask(question).faq_id == "jeff-zhang"
    assert len(clean_question("x " * 1000, 500)) == 500


def test_the_matcher_cuts_only_after_stripping(matcher) -> None:
    assert matcher.ask("\n" * 5000 + "Wer ist Je\u200bff Zhang?").faq_id == "jeff-zhang"


def test_a_normalizer_pickles_with_its_fold_cache(normalizer: Normalizer) -> None:
    # Knowledge is loaded in a separate process and sent back: the index must pickle.
    import pickle

    normalizer.tokens("Wie hoch war die Strafe?")
    copy = pickle.loads(pickle.dumps(normalizer))
    assert copy.tokens("Wie hoch war die Strafe?") == normalizer.tokens("Wie hoch war die Strafe?")


def test_a_literal_alternation_matches_its_words_longest_first() -> None:
    words = ["iran", "iraq", "ireland", "nigeria", "niger", "oman", "a.b"]
    pattern = re.compile(rf"\b(?:{literal_alternation(words)})\b")
    plain = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"
    )
    texts = [*words, "nigeria and niger", "irish", "irelan", "aXb", "in iraqi oil", "omans"]
    for text in texts:
        assert [m.group(0) for m in pattern.finditer(text)] == [
            m.group(0) for m in plain.finditer(text)
        ], text
    assert pattern.fullmatch("nigeria") and pattern.fullmatch("a.b")
    assert not pattern.search("aXb")
