import pytest

from bot.normalize import Normalizer
from bot.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    normalizer = Normalizer({"strafe": ("fine", "penalty")})
    words = frozenset({"strafe", "cloudumsatz", "entwickler", "zhang", "jeff", "investition"})
    return Vocabulary(words, normalizer)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("strafe", {"strafe"}),  # itself
        ("geldstrafe", {"strafe"}),  # a known word covering half a compound or more
        ("kartellstrafe", {"strafe"}),  # … or ending it (the compound's head)
        ("investitionsoffensive", {"investition"}),  # … or starting it
        ("umsatz", {"cloudumsatz"}),  # the token inside a known compound
        ("entwicklern", {"entwickler"}),  # inflection
        ("entwikler", {"entwickler"}),  # a missing letter
        ("fien", {"strafe"}),  # swapped letters of a synonym ("fine")
        ("zang", {"zhang"}),  # short word, one missing letter
        ("jef", {"jeff"}),
        ("investitionen", {"investition"}),
    ],
)
def test_resolves(vocabulary: Vocabulary, token: str, expected: set[str]) -> None:
    assert vocabulary.resolve(token) == expected


@pytest.mark.parametrize("token", ["wetter", "xy", "2014", "mitarbeiter", "joke"])
def test_unknown_words_stay_unknown(vocabulary: Vocabulary, token: str) -> None:
    assert vocabulary.resolve(token) == frozenset()


def test_an_everyday_word_is_no_typo() -> None:
    # "heute" is one letter from "leute", but a word of its own: no typo fix.
    vocabulary = Vocabulary(frozenset({"leute", "jahr"}), Normalizer({}))
    assert vocabulary.resolve("heute") == frozenset()
    assert vocabulary.resolve("laute") == {"leute"}
    # "Auskunft" (information) is no "Zukunft" (future).
    assert Vocabulary(frozenset({"zukunft"}), Normalizer({})).resolve("auskunft") == frozenset()
    # "verbrochen" (done wrong) is no "versprochen" (promised), "legend" no "region".
    promised = Vocabulary(frozenset({"versprochen", "region"}), Normalizer({}))
    assert promised.resolve("verbrochen") == frozenset()
    assert promised.resolve("legend") == frozenset()


def test_typo_guesses_can_be_left_out(vocabulary: Vocabulary) -> None:
    assert vocabulary.resolve("entwikler", typos=False) == frozenset()
    assert vocabulary.resolve("entwicklern", typos=False) == {"entwickler"}


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("jeld", {"geld"}),  # Rhineland "j" for "g"
        ("strafa", {"strafe"}),  # Swabian "-a" for "-en": "strafen", stemmed
        ("gwachsn", {"gewachsen"}),  # Bavarian participle
        ("schdrafe", {"strafe"}),  # Saxon soft consonants: "schd" for "st" …
        ("brojekt", {"projekt"}),  # … "b" for "p", "g" for "k", "gg" for "ck", "nd" for "nt"
        ("gohle", {"kohle"}),
        ("endwiggler", {"entwickler"}),
        ("heesst", {"heisst"}),  # Saxon "ee" for "ei"
        ("anzubieten", {"anbieten"}),  # a separable verb with "zu" inside
        ("tog", {"tag"}),  # Bavarian "o" for "a"
        ("bruucht", {"braucht"}),  # Swiss "uu" for "au", "-i" for "-e"
        ("grossi", {"grosse"}),
        ("bringet", {"bringen"}),  # Swabian "-et" for "-en"
        ("dalende", {"talente"}),  # soft consonants at the start and between vowels
        ("verdiend", {"verdient"}),  # a final "d" for "t"
        ("backin", {"backing"}),  # English chat drops the final "g"
    ],
)
def test_regional_spellings_of_known_words(token: str, expected: set[str]) -> None:
    known = {
        "geld",
        "strafe",
        "gewachsen",
        "projekt",
        "kohle",
        "entwickler",
        "heisst",
        "anbieten",
        "braucht",
        "grosse",
        "bringen",
        "talente",
        "verdient",
        "backing",
        "tag",
    }
    vocabulary = Vocabulary(frozenset(known), Normalizer({}))
    assert vocabulary.resolve(token, typos=False) == expected


def test_a_known_compound_also_stands_for_its_parts() -> None:
    # An FAQ that writes "Cloud-Rivalen" knows the compound; a question's "Cloud-Rivalen" is
    # also about the cloud and about competitors, as other entries word it.
    normalizer = Normalizer({"konkurrenz": ("rivalen",)})
    vocabulary = Vocabulary(frozenset({"cloudrivalen", "cloud", "konkurrenz"}), normalizer)
    assert vocabulary.resolve("cloudrivalen") == {"cloudrivalen", "cloud", "konkurrenz"}
    assert vocabulary.resolve("cloud") == {"cloud"}  # too short to have parts
