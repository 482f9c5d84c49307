"""Text normalization shared by the FAQ index and incoming questions.

Both sides go through the same steps, so that "Über", "ueber" and "uber" meet:

1. ``fold``: zero-width and bidi control characters dropped, Unicode NFKC, case folding
   (``ß`` → ``ss``), umlauts and accents dropped, the German digraphs ``ae``/``oe``/``ue`` read
   as ``a``/``o``/``u``. ``clean_question`` prepares a typed question (whitespace, length).
2. ``Normalizer.tokens``: numbers unified ("100.000", "100,000" → ``100000``; "2,8" → ``2.8``),
   hyphenated compounds joined ("Start-ups" → ``startups``; on the FAQ side also kept as parts),
   two words that form a known one joined ("tik tok" → ``tiktok``), question words turned into
   intent markers (``?when``, ``?amount`` …), stop words and question-frame words dropped,
   synonyms mapped to one canonical token (knowledge/synonyms.yaml).

``stems`` (Snowball, German and English) and ``has_number`` serve the matcher.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import pycountry
import snowballstemmer
import stopwordsiso
from text_to_num import alpha2digit

_DIGRAPHS = re.compile(r"ae|oe|ue")
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
# Invisible format characters: soft hyphen, zero-width space/joiners, word joiner, byte order
# mark and the bidi controls (marks, embeddings, overrides, isolates). "Je\u200bff" is "Jeff".
_INVISIBLE = dict.fromkeys(
    [
        0xAD,
        0x61C,
        0x180E,
        0xFEFF,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x206A),
    ]
)
_WHITESPACE = re.compile(r"\s+")
FOLD_CACHE = 8192  # folded texts a normalizer keeps (the FAQ's are about 3,000)


def strip_invisible(text: str) -> str:
    """``text`` without zero-width and bidi control characters."""
    return text.translate(_INVISIBLE)


def clean_question(text: str, limit: int) -> str:
    """A question as typed, ready to match: invisible characters dropped, whitespace runs made
    one space, ends stripped, and only then cut to ``limit`` characters."""
    return _WHITESPACE.sub(" ", strip_invisible(text)).strip()[:limit]


def fold(text: str) -> str:
    """Return ``text`` case-folded, without accents, umlauts or invisible characters, digraphs
    folded."""
    text = unicodedata.normalize("NFKC", strip_invisible(text)).casefold().translate(_UMLAUTS)
    if not text.isascii():  # accents: decompose and drop the combining marks
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return _DIGRAPHS.sub(lambda m: m.group(0)[0], text)


# Thousands separators: "100.000", "100,000", "100 000", "100'000".
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[.,' \u202f]\d{3})+)(?![\d]|[.,]\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_K_SUFFIX = re.compile(r"\b(\d+)k\b")
_HYPHEN_JOIN = re.compile(r"(?<=\w)[-‐‑–](?=\w)")
_HYPHENATED = re.compile(r"[^\W_]+(?:[-‐‑–][^\W_]+)+")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+|[%$€]")

# Regional and chat spellings of function and question words, read as the standard word before
# question words and stop words are looked for: Bavarian and Austrian "wia vü" / "wia vui",
# Saxon "dor", "dos", Low German "wo veel", "wokeen", youth "wv" (wie viel).
_REGIONAL_WORDS = {
    "wia": "wie",
    "jetz": "jetzt",
    "vu": "viel",
    "vui": "viel",
    "vul": "viel",
    "vill": "viel",
    "ville": "viel",
    "veel": "viel",
    "wv": "wie viel",
    "wiefiel": "wie viel",
    "wifiel": "wie viel",
    "wiviel": "wie viel",
    "wos": "was",
    "wocher": "welcher",
    "wochn": "welchen",
    "wokeen": "wer",
    "fer": "fur",
    "dor": "der",
    "vun": "von",
    "vo": "von",
    "vum": "vom",
    "isser": "ist er",
    "nimmer": "nicht mehr",
    "nimma": "nicht mehr",
    "ooch": "auch",
    "aach": "auch",
    "keene": "keine",
    "koi": "kein",
    "icke": "ich",
    "det": "das",
    # Kölsch and Saxon: "Wer sin die Konkurrenten, die dem dat Leben schwer maache?", "wo kütt
    # dat allet her", "Wie vill Jahre soll dat Janze laufen?", "Wann hamse dn das verkündet?"
    "sin": "sind",
    "maache": "machen",
    "han": "haben",
    "kutt": "kommt",
    "allet": "alles",
    "janze": "ganze",
    "hamse": "haben sie",
    "dn": "denn",
    "eima": "einmal",
    "furn": "fur",
    "welsche": "welche",
    "welschem": "welchem",
    "welschen": "welchen",
    "welscher": "welcher",
    "welsches": "welches",
    "isch": "ich",
    "misch": "mich",
    "disch": "dich",
    "sisch": "sich",
    "nisch": "nicht",
    # Ruhr, Cockney, Nigerian Pidgin, Singlish: "wat is getz dat", "wot", "wetin", "issit"
    "getz": "jetzt",
    "sacht": "sagt",
    "sachte": "sagte",
    "watt": "was",
    "wot": "what",
    "wetin": "what",
    "wiv": "with",
    "fing": "thing",
    # Palatinate and Bavarian: "2,8 mrd odder 28 mrd?", "scho angelaufen?"
    "odder": "oder",
    "scho": "schon",
    # Swiss German: "warum het alibaba ufsmal verlust gmacht", "vo wo chunnt d cloud"
    "het": "hat",
    "gmacht": "gemacht",
    "ufsmal": "plotzlich",
    "chunnt": "kommt",
    "gits": "gibt es",
    "hend": "haben",
    "gsi": "gewesen",
    "letschde": "letzten",
    "letschte": "letzten",
    "johr": "jahr",
    # Caribbean and other English chat: "allyuh, wha tencent have to do wid it", "who fined em"
    "wha": "what",
    "dis": "this",
    "wid": "with",
    "em": "them",
    "goin": "going",
    "allyuh": "you all",
    # Scots (folded: "ae" is "a"): "how much are they puttin' intae this wee project?"
    "ta": "to",
    "inta": "into",
    "wi": "with",
    "dinna": "dont",
    "canna": "cant",
    "whit": "what",
    "fa": "from",
    "aff": "off",
    "jist": "just",
    # Hinglish question words: "kitna paisa", "kyun slow ho raha hai", "kaun hai Jeff Zhang"
    "kitna": "how much",
    "kitni": "how much",
    "kitne": "how many",
    "kyun": "why",
    "kyon": "why",
    "kaun": "who",
    "kab": "when",
    "kahan": "where",
    "kaise": "how",
    "kis": "which",
    # Taglish question words: "Magkano po yung investment?", "Bakit po bumagal …?"
    "magkano": "how much",
    "ilang": "how many",
    "bakit": "why",
    "saan": "where",
    "sino": "who",
    "kailan": "when",
    "paano": "how",
    "taon": "years",
    # Malay and Indonesian: "berapa dollar?", "kenapa slow?", "siapa yang denda?"
    "berapa": "how much",
    "kenapa": "why",
    "mengapa": "why",
    "siapa": "who",
    "kapan": "when",
    "bagaimana": "how",
}


def _transposed(words: Iterable[str], real: Collection[str]) -> dict[str, str]:
    """Each of ``words`` with two neighbouring letters swapped, as typed in a hurry ("waht",
    "whcih", "wnan", "sicne"), mapped to the word; not a swap that is a word of its own
    (``real``) or could be two of them ("hwo": "how" or "who")."""
    typos: dict[str, set[str]] = {}
    for word in words:
        for i in range(len(word) - 1):
            if word[i] != word[i + 1]:
                typos.setdefault(word[:i] + word[i + 1] + word[i] + word[i + 2 :], set()).add(word)
    return {t: next(iter(w)) for t, w in typos.items() if len(w) == 1 and t not in real}


# Question words and the words of "how much" or "since when", swapped letters and all: they say
# what is asked. (Not "aws", "dose", "veil", "vile", "odes", "woh" (Hindi "that"), "wei".)
_REGIONAL_WORDS |= _transposed(
    "what which where when who whose why how much many since does wer was wann welche welcher"
    " welches welchen warum wieso weshalb wie viel viele wieviel wieviele seit woher wofur wozu"
    " stimmt".split(),
    real={"aws", "dose", "veil", "vile", "odes", "woh", "wei"} | set(_REGIONAL_WORDS),
)
_REGIONAL = re.compile(r"\b(?:" + "|".join(_REGIONAL_WORDS) + r")\b")
_REGIONAL_KEYS = frozenset(_REGIONAL_WORDS)
_SPLIT = re.compile(r"[^a-z]+")
# Low German "wo veel" asks an amount, not a place.
_WO_VEEL = re.compile(r"\bwo veel\b")
# "sach ma", "noch ma", "ham ma": colloquial "mal"/"wir", not Jack Ma (who comes with "Jack")
_MA = re.compile(r"(?<!jack )(?<!jack-)\bma\b(?!'s)")


# "Wie heißt …?", "what's it called?" ask a name (a word the FAQ knows), not what "heißt" means.
_NAME_QUESTION = re.compile(
    # (also at a clause's end: "weißt du, wie die Behörde heißt")
    r"(?<=\bwie )((?:der|die|das|des|den|dem) (?:[\w-]+ ){1,3})?(?:heisst|heissen|hiess"
    r"|nennt sich|nennen sich|heesst|hoasst|hasst|hassd|haasst|haast|heiss|heist|heisen|hies)\b"
)
_CALLED = re.compile(r"\b(whats?|what (?:is|are|was))\b(.{0,40}?) called\b")
# Singlish and chat word order: "the project called what ah?"
_CALLED_WHAT = re.compile(r"\b(?:called|named) what\b")
# A learner's "how is it called" ("wie heißt es", "comment s'appelle"): what is its name.
_HOW_CALLED = re.compile(
    r"\bhow(?:s| is| are| was)?(?: it| they)?(?: is)?\b(.{0,40}?) (?:called|named)\b"
)


# The verb of a crackdown, split around its object: "Warum geht Peking gegen die Branche vor?"
# asks why Beijing proceeds against it (its "Vorgehen").
_GEHT_GEGEN_VOR = re.compile(
    r"\b(?:geht|gehen|ging|gingen|gehe)\b([^?.!]{0,40}?\bgegen\b[^?.!]{0,60}?)\bvor\b"
)


# … and in English: "why did the government go after the tech companies?"
_GO_AFTER = re.compile(
    r"\b(?:go|goes|going|gone|went) after\b"
    r"(?= (?:the |all |big |chinese )*(?:tech|companies|firms|industry|sector|alibaba|giants))"
)


# A dropped "g" in English chat: "puttin'", "spendin'", "backin'".
_DROPPED_G = re.compile(r"(?<=[a-z]{2})in['’](?![a-z])")


# A word as written: letters only (no digits, no underscore), any script.
WORD = re.compile(r"[^\W\d_]+")


def standard_spelling(text: str) -> str:
    """``text`` as written, with each regional spelling of a function word in its standard
    form ("Wia vü Göd" → "wie viel Göd"): for the embeddings, which know the standard words."""

    def standard(match: re.Match[str]) -> str:
        return _REGIONAL_WORDS.get(fold(match.group(0)), match.group(0))

    return WORD.sub(standard, text)


# Growth that is not as fast as it was is a slowdown: "Why is the cloud not growing as fast?",
# "warum wächst die Cloud nicht mehr so schnell?"
_NOT_AS_FAST = re.compile(
    r"\b(?:not|no longer|isn'?t|aren'?t|wasn'?t) (?:growing|grow|expanding|expand)"
    r" (?:as (?:fast|quickly|rapidly|much)|at the same (?:speed|pace|rate)|like before)\b"
)
_NICHT_SO_SCHNELL = re.compile(
    r"\b(?:nicht mehr|nicht|nimmer|kaum noch) so (?:schnell|stark|rasant)\b"
)


# Numbers written as words, as speech recognition writes them ("siebenunddreißig Prozent",
# "thirty seven percent", "zwei komma acht", "zweitausendvierzehn"), are read as digits
# (text2num). Only numbers of more than one word or part: a single small number word ("drei",
# "nine", "sechs") stays a word (the synonym table and the stop words read those), and so do
# the scale words ("Milliarde", "bn") and a misheard Tencent ("ten cent").
_DE_NUMBER = (
    r"(?:ein|eins|zwei|drei|vier|funf|sechs|sech|sieben|sieb|acht|neun|zehn|elf|zwolf|zwan"
    r"|dreis|zig|ssig|hundert|tausend|und)+"
)
_EN_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand)"
)
_NUMBER_RUNS = re.compile(
    rf"\b(?P<de>{_DE_NUMBER}(?: (?:komma )?{_DE_NUMBER})*)\b"
    rf"|\b(?P<en>{_EN_NUMBER}(?:(?: and| point)? {_EN_NUMBER})*)\b(?! cents?\b)"
)
_COMPOUND = re.compile(r"zig|ssig|hundert|tausend|.und.|teen|ty\b|hundred|thousand|\s")
# (what a text with a number of several words or parts contains besides "ig": "zwanzig", "dreißig")
_NUMBER_ROOT = re.compile(r"hundert|tausend|komma|teen|ty\b|hundred|thousand|point")
_LONE = frozenset({"und", "hundert", "tausend", "hundred", "thousand"})
_TEXT2NUM_UMLAUTS = {"funf": "fünf", "zwolf": "zwölf"}  # (the two that folding changes)


def _number_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if not _COMPOUND.search(run) or run in _LONE:  # ("100 thousand" is read as it is)
        return run
    if match.lastgroup == "de":  # text2num knows "fünf", "zwölf" with their umlauts
        run = re.sub(r"funf|zwolf", lambda m: _TEXT2NUM_UMLAUTS[m.group(0)], run)
        return str(alpha2digit(run, "de"))
    return str(alpha2digit(run, "en"))


def digits_for_number_words(folded: str) -> str:
    """``folded`` with numbers of several words or parts in digits ("seit zweitausendvierzehn"
    → "seit 2014", "zwei komma acht" → "2,8"); a single small number word stays as written."""
    if "ig" not in folded and not _NUMBER_ROOT.search(folded):
        return folded
    return _NUMBER_RUNS.sub(_number_run, folded)


def standard_words(folded: str) -> str:
    """``folded`` with regional spellings of function words in the standard form, and the
    question for a name ("wie heißt …") asking a name. (Each rewrite runs only when its word
    is there: this runs on every text the index reads and every question.)"""
    if "  " in folded or "\t" in folded or "\n" in folded:  # "Jack  Ma" is "Jack Ma"
        folded = " ".join(folded.split())
    if "veel" in folded:
        folded = _WO_VEEL.sub("wie viel", folded)
    words = _SPLIT.split(folded)
    if "ma" in words:
        folded = _MA.sub("mal", folded)
    if "in'" in folded or "in’" in folded:
        folded = _DROPPED_G.sub("ing", folded)
    if not _REGIONAL_KEYS.isdisjoint(words):
        folded = _REGIONAL.sub(lambda m: _REGIONAL_WORDS[m.group(0)], folded)
    if "wie " in folded and any(w in folded for w in ("ss", "nenn", "haast", "heis", "hies")):
        folded = _NAME_QUESTION.sub(r"\1name", folded)
    if "vor" in words and "gegen" in words:
        folded = _GEHT_GEGEN_VOR.sub(r"\1 vorgehen", folded)
    if "after" in words:
        folded = _GO_AFTER.sub("crackdown", folded)
    if "grow" in folded or "expand" in folded:
        folded = _NOT_AS_FAST.sub("slower", folded)
    if "wachs" in folded or "wuchs" in folded:
        folded = _NICHT_SO_SCHNELL.sub("langsamer", folded)
    if "called" in folded or "named" in folded:
        folded = _CALLED.sub(r"\1\2 name", folded)
        folded = _HOW_CALLED.sub(r"what is\1 name", folded)
        folded = _CALLED_WHAT.sub("name", folded)
    return digits_for_number_words(folded)


# What the article says is no statement of someone in it: "Was sagt der Artikel über …".
_NOT_SAID = (
    r"(?:artikel|text|bericht|article|report|story|meldung|quelle|source|news|bloomberg|it|es|man)"
)

# Companies the article never names, which a claim may put in the place of one it names ("modelled
# on Google", "slowing because of Baidu"): the answer's AWS, Tencent and Huawei correct it.
OTHER_COMPANIES = frozenset(
    "google microsoft azure baidu oracle ibm samsung apple meta facebook xiaomi jd pinduoduo"
    " nvidia digitalocean cloudflare salesforce sap netflix".split()
)

# Companies a question may compare (the article compares none).
_COMPANIES = r"(?:alibaba|huawei|tencent|aws|amazon|meituan|bytedance|tiktok|google|microsoft)\b"

# Not the other side of a choice with the article's own currency: "USD or in won?"
_NOT_THE_DOLLAR = "".join(
    f"(?<!{currency} {word} )"
    for currency in ("usd", "dollar", "dollars")
    for word in ("or", "oder")
)


def _near(first: str, second: str, span: int) -> str:
    """A zero-width pattern: ``first`` and ``second`` in either order, at most ``span``
    characters apart ("Welche Maßnahmen umfasst dieses Vorgehen?", "the crackdown, which rules
    exactly?")."""
    return (
        rf"(?=(?:{first})\b.{{0,{span}}}\b(?:{second}))"
        rf"|(?=(?:{second})\b.{{0,{span}}}\b(?:{first}))"
    )


# The crackdown, and asking what it consists of.
_CRACKDOWN = r"(?:vorgehen\w*|crackdown|clampdown|durchgreifen)"
_CRACKDOWN_DETAIL = (
    r"(?:(?:which|welche[nmrs]?) (?:konkreten? |specific |exact |genauen? )?(?:rules|measures"
    r"|massnahmen|regeln|vorschriften|gesetze|laws|schritte|steps)|specifics|einzelheiten"
    r"|was genau (?:ist|war|wurde) (?:da )?(?:passiert|gemacht|getan)|actually about"
    r"|what did (?:they|beijing|china|peking|the government) (?:actually |really )?do)"
)

# Training, and asking what it is like.
_TRAINING = (
    r"(?:(?:talent|entwickler)?schulung\w*|(?:talent|developer)?training\w*|kurse?n?|course\w*"
    r"|bootcamps?|weiterbildung\w*)"
)
_TRAINING_DETAIL = (
    r"(?:programmiersprache\w*|programming languages?|zertifi\w*|certif\w*|online|vor ort"
    r"|in person|on-?site|kostenlos\w*|gratis|free of charge|for free|gebuhr\w*|fees?"
    r"|(?:bezahlen|zahlen|pay|paid)(?! (?:for|fur)\b)|schulen|schools|universit\w*"
    r"|lehrplan|curriculum|which courses|welche kurse|unterrichtssprache|sprache)"
)

# What Jack Ma does now, or where he is: the article only calls Alibaba his e-commerce titan.
_JACK_MA_NOW = (
    r"(?:job|title|position|posten|abgetaucht|untergetaucht|missing|verschwunden"
    r"|disappear\w*|whereabouts|these days|nowadays|heutzutage|currently|derzeit"
    r"|(?:heute|jetzt|noch) bei alibaba|(?:today|now|still) at alibaba)\b"
)

# Who runs a company: asked of Jack Ma, a role the article never gives him.
_BOSS = (
    r"(?:chef|scheff|boss|ceo|head|leader|vorstand\w*|vorsitzende\w*|chairman|in charge"
    r"|controls?|kontrolliert|runs?|running|runnin|leitet|fuhrt)\b"
)

# "woher … wissen": how something is known ("woher will Bloomberg das wissen?").
_KNOWING = (
    r"(?: (?:[\w'-]+ ){0,5}(?:weiss|weis|wissen|wisst|wusste\w*)\b"
    # … or where a piece of news comes from: "woher hat Bloomberg das mit TikTok?"
    r"| (?:hat|haben|hatte|hatten) (?:[\w'-]+ ){0,3}(?:das mit|die infos?|die information(?:en)?"
    r"|diese infos?|die nachricht)\b)"
)

# Names of countries that are everyday words too ("Chad", "Jordan", German "Island" for
# Iceland), and the two countries the article names (Chinese regulators, American rivals).
_NOT_A_PLACE_ELSEWHERE = frozenset(
    {"china", "united states", "vereinigte staaten", "chad", "jordan", "guinea", "georgia"}
    | {"jersey", "island", "niger", "man"}
)


def _country_names() -> str:
    """Every other country's name in English and German (ISO 3166, from ``pycountry``), folded,
    as a regular expression: "data centres in Ireland?", "auch für Ägypten?"."""
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    names: set[str] = set()
    for country in pycountry.countries:
        official = country.name
        for name in (official, getattr(country, "common_name", None), german.gettext(official)):
            if name and not any(c in name for c in ",()"):
                names.add(fold(name))
    return literal_alternation(names - _NOT_A_PLACE_ELSEWHERE)


# Currency words that are everyday words too ("in real terms", "Mark", "Sol", "won"), the
# article's dollar, and the metals and units that ISO 4217 lists as well.
_NOT_A_CURRENCY = frozenset(
    "dollar real mark sol som sum won gold silver platinum palladium oro omani account"
    " fomento mvdol previsional uruguayo soberano sucre".split()
)


def _currency_units() -> str:
    """Every other currency's unit (ISO 4217, from ``pycountry``: "Guarani", "Kwacha"), folded,
    with its plurals in -s and -es ("Quetzales"), as a regular expression: "wie viele Guaraní
    sind das?"."""
    units = {
        fold(currency.name.split()[-1])
        for currency in pycountry.currencies
        if currency.name.split()[-1].isalpha()
    } - _NOT_A_CURRENCY
    units |= {"yuan", "franc"}  # (ISO 4217 names them "Yuan Renminbi", "CFA Franc BEAC")
    return literal_alternation({unit + ending for unit in units for ending in ("", "s", "es")})


def literal_alternation(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, longest first, written as a trie
    ("ir(?:an|aq|eland)"): Python's ``re`` tries a plain alternation's branches one by one at
    every position of a text, a trie only the branch of the letter at hand (five times faster for
    the 400 country names)."""
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A word that ends here: the longer ones are tried first, as in the plain alternation.
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


# The parts of the world outside Asia-Pacific and the article's America.
_CONTINENTS = (
    r"europa|europe|european|europaisch\w*|afrika|africa|lateinamerika|latin america|sudamerika"
    r"|south america"
)
# A place outside the article's Asia-Pacific, China and America: "auch in Europa?", "data
# centers in Germany", "Latin America" (not a country in APAC, which the region answers).
_ELSEWHERE = (
    _CONTINENTS + r"|eu|deutschland|germany|schweiz"
    r"|switzerland|osterreich|austria|frankreich|france|italien|italy|spanien|spain|polen|poland"
    r"|grossbritannien|britain|england|uk"
    r"|brasilien|brazil|mexiko|mexico|kanada|canada|russland|russia|nahost"
    r"|hamburg|berlin|munchen|munich|frankfurt|koln|cologne|wien|vienna|zurich|london|paris"
    r"|madrid|amsterdam"
    r"|middle east|nahen osten|turkei|turkey|niederlande|netherlands|skandinavien|scandinavia"
    r"|deutsche[nmrs]?|(?<!in )(?<!auf )german\b(?! (?:version|translation))|tschechi\w*|czech\w*"
    r"|usbekistan|uzbekistan|taschkent|tashkent|kasachstan|kazakhstan|zentralasien\w*"
    r"|central asia\w*|schottland|scotland|wales|nordirland|northern ireland"
    # and places inside the region that the article never names: it names APAC, not its
    # countries or cities ("data centre in Seoul?", "Is Japan included?", "TikTok in Japan")
    r"|japan\w*|tokio|tokyo|korea\w*|sudkorea\w*|seoul|singapur\w*|singapore\w*|indonesi\w*"
    r"|jakarta|indien|india|indian|indische\w*|bangalore|bengaluru|mumbai|delhi|vietnam\w*"
    r"|hanoi|saigon|thailand|thai|bangkok|malaysi\w*|kuala lumpur|philippin\w*|filipin\w*"
    r"|manila|australi\w*|sydney|melbourne|neuseeland|new zealand|taiwan\w*|taipei|hong ?kong"
    r"|shanghai|hangzhou|shenzhen|guangzhou|pakistan\w*|bangladesh\w*|sri lanka\w*|nepal\w*"
    r"|myanmar|kambodscha|cambodia\w*"
    # … and every other country (ISO 3166)
    r"|" + _country_names()
)
# … not when the article's region is offered beside it: "für Europa oder nur für Asien?", "just
# for Singapore or for the whole region?" asks which of the two, and the region answers.
_BESIDE_THE_REGION = (
    r"(?: [\w'-]+){0,4},? (?:oder|or|und|and|od) (?:(?:nur|only|just|bloss|hald|halt|doch|for"
    r"|fur|in|fia|the|die|den|ganz\w*|whole|gesamt\w*|d) )*(?:asien|asia|apac|asiatisch\w*|asian"
    r"|region|raum)\b"
)

# An authority after "by", "from", "von": who imposed or ruled ("by the US regulators", "von der
# US-Regierung").
_AGENT_NOUN = (
    r"(?:[^\W\d_]+-)?(?:authorit\w*|regulator\w*|behorde\w*|regierung\w*|government\w*"
    r"|gericht\w*|court\w*|ftc|sec|eu|kartellamt\w*|kartellwachter\w*|wettbewerbshuter\w*)\b"
)
_AGENT = r"(?:(?:the|a|an|den|der|die|dem|einer?m?) )?(?:[\w-]+ ){0,2}" + _AGENT_NOUN
# … or as the subject of imposing: "die EU hat die Strafe verhängt", "US regulators fined them"
# (no article among the words before it: "die Strafe die EU" names the EU, not the fine).
_IMPOSED = (
    r"(?:verhangt\w*|verhangen|auferlegt|ausgesprochen|bestraft|verdonnert|verknackt|imposed"
    r"|imposes|impose|fined|fines|levied|slapped|handed|issued|punished|penali[sz]ed|sanctioned"
    r"|give|gave|given|gab|gegeben)"
)
_AGENT_SUBJECT = (
    r"(?:(?:the|a|an|den|der|die|dem|einer?m?) )?(?:(?!(?:the|a|an|den|der|die|dem|das)\b)[\w-]+ )"
    r"{0,2}" + _AGENT_NOUN
)
_AGENT_PHRASE = re.compile(
    rf"\b(?:by|from|von|vom|durch) ({_AGENT})"
    rf"|\b({_AGENT_SUBJECT})(?= (?:[\w-]+ ){{0,4}}{_IMPOSED}\b)"
)


def agent_phrases(folded: str) -> list[str]:
    """The authorities a folded text names as who did something ("by the US regulators" →
    "the us regulators"): in a claim, what the answer corrects."""
    return [by or subject for by, subject in _AGENT_PHRASE.findall(folded)]


_CURRENCY_UNITS = _currency_units()  # (once ``literal_alternation`` is defined)
# A currency as one token: any other currency's unit, and the everyday names of the common ones.
_CURRENCY_TOKEN = re.compile(
    rf"(?:{_CURRENCY_UNITS}|euros?|pfund|pounds?|quid|yuan|rmb|renminbi|rupien|rupees?|franken"
    r"|pesos?|yen)"
)


def is_currency(token: str) -> bool:
    """Whether a token names a currency other than the article's dollar ("pesos", "pfund")."""
    return _CURRENCY_TOKEN.fullmatch(token) is not None


# Question words become intent markers: they carry meaning ("when" vs "who") that stop-word
# removal would lose. One pattern, alternatives in priority order (longer forms first).
_INTENTS = {
    # Why or in which context the article mentions something: what it says of it, not a reason
    # or a year of its own ("why is 2014 mentioned?", "In welchem Zusammenhang wird 2,8 Mrd.
    # genannt?"). The words stay; the question word inside goes with the frame.
    "mention": r"(?:in (?:welchem|welchen|which|what) (?:zusammenhang|kontext|context)|warum|wieso"
    r"|weshalb|why)(?: [\w.,%-]+){0,6}? (?:erwahnt|genannt|mentioned|named|cited|comes? up"
    r"|talking about|talk about)",
    # What the article or the story is about as a whole, or its gist: "Worum geht es da
    # eigentlich?", "what's this article actually about?", "the takeaway in one line" (not
    # "Worum geht es bei der Strafe?": that asks about the fine).
    "gist": r"worum (?:gehts|geht'?s|geht es|handelt es sich)(?= *(?:(?:denn|da|hier|eigentlich"
    r"|uberhaupt|im kern|genau|so|im (?:artikel|text|bericht)|in (?:dem|diesem) (?:artikel|text"
    r"|bericht)|bei (?:dem|diesem) (?:artikel|text|bericht)|in (?:ein paar|wenigen|kurzen) worten"
    r"|in (?:einem|1) satz|kurz(?: gesagt| und knapp)?) *)*[?!.]*$)"
    r"|what(?:'?s| is| was)(?= (?:this|the|that) (?:whole )?(?:[\w-]+ )?(?:article|story|piece"
    r"|text|news|report) (?:[\w-]+ )?about\b *[?!.]*$)"
    # … or of "this" alone, the message the reader was sent: "what's this about?"
    r"|what(?:'?s| is)(?= this(?: all)? about *[?!.]*$)"
    # what the headline says ("what da headline say?", "Was steht in der Überschrift?"), and the
    # title of the article (not someone's title: "Zhang's title?")
    r"|what(?:'?s| is| does| did| do)? (?:the |da |de |this )?headline (?:say|sayin|saying)\b"
    r"|(?:was (?:steht|sagt) (?:in )?(?:der|die)|wie lautet (?:der|die)) (?:uberschrift|schlagzeile"
    r"|titel)\b|(?:uberschrift|schlagzeile|headline) (?:sagt|says) (?:was|what)\b"
    r"|(?:title|titel)(?= (?:des|of) (?:the |this |dem |diesem? )?(?:artikels?|textes|berichts?"
    r"|article|story|piece|report|text)\b)"
    # a gist, of the article or alone: "die Kernaussage des Artikels", "the takeaway?"
    r"|(?:kernaussage|hauptaussage|zusammenfassung|summary|takeaway|gist|main point|bottom line"
    r"|headline|schlagzeile|uberschrift)"
    r"(?= (?:des|der|vom|of|from) (?:the |this |dem |diesem? )?(?:whole |ganzen )?(?:artikels?"
    r"|textes|berichts?|meldung|article|story|piece|news|report|text)\b"
    r"|(?: (?:here|hier|davon|of it|dazu))? *(?:,? *in (?:one|a single|einem) (?:sentence|line"
    r"|satz))? *[?!.]*$)"
    r"|(?:sum|summari[sz]e|fass\w*) (?:up )?(?:mir |me |kurz |briefly )*(?:the |this |den |das "
    r"|diesen )?(?:whole |ganzen? )?(?:article|story|piece|news|report|text|artikel|bericht|ganze"
    r"|it|es|project asiaforward|asiaforward)\b",
    # A news outlet named as a guess ("Kommt das von Reuters?", "Wer hat das geschrieben, die
    # Bild-Zeitung?") asks which outlet it is; the name is what the answer corrects, no word of
    # the question
    "newsname": r"reuters|associated press|ap news|(?<=the )ap|afp|agence france[ -]presse|dpa"
    r"|bild[ -]?zeitung|(?<=die )bild|spiegel|faz|frankfurter allgemeine|suddeutsche\w*"
    r"|handelsblatt|cnn|bbc|cnbc|new york times|nyt|wall street journal|wsj|financial times"
    r"|(?<=the )guardian|xinhua|south china morning post|scmp|nikkei|tagesschau|heise"
    r"|techcrunch|(?<=the )verge|bloomberg news|fox news|al jazeera|canadian press"
    # … or described: "aus einer chinesischen Zeitung?", "from Chinese state media?"
    # (not the asking word: "aus welcher Zeitung?", "from which paper?")
    r"|(?<=aus )(?:einer |einem |der |dem )?(?!welch|wat |was |what )(?:[\w-]+ )?(?:zeitung"
    r"|nachrichtenagentur|agentur|staatsmedien|boulevardblatt|blatt|magazin|sender)"
    r"|(?<=from )(?:an? |the )?(?!which |what )(?:[\w-]+ )?(?:newspaper|paper|news agency"
    r"|wire service|state media|tabloid|magazine|blog|tv station|broadcaster)"
    r"|(?:chinesische[nm]? )?staatsmedien|(?:chinese )?state media",
    # Where the article comes from, its source or outlet: "Aus welcher Quelle stammt dieser
    # Bericht?", "which outlet ran the story?" (not the source of one claim in it: "Auf welche
    # Quelle stützt sich die Angabe zu TikTok?").
    "outlet": r"(?:quelle|source|herkunft|provenance)(?: [\w-]+){0,4} (?:artikels?|berichts?"
    r"|berichterstattung|meldung|nachricht|beitrags?|textes|article|story|piece|report|reporting"
    r"|news|text)\b"
    r"|outlets?|(?:welche[smnr]?|which|what) (?:news )?(?:publication|newspaper|paper|agency|wire"
    r"|blatt|zeitung|medium|nachrichtenagentur|agentur|publikationsorgan|verlag|organi[sz]ation"
    r"|media|medienhaus|nachrichtendienst|news service|sender)\b"
    r"|woher (?:stammt|kommt|kummt) (?:der|die|das|dieser|diese|dieses) (?:artikel|bericht"
    r"|meldung|nachricht|text|story|news)\b|wo (?:kummt|kommt) (?:der|die|das) (?:artikel"
    r"|bericht|meldung|text) her\b"
    r"|where(?:'?s| is| does| did)? (?:this|the) (?:story|article|news|piece|report)"
    r"(?: comes?)? from"
    # what it came from: "Kommt dieser Bericht aus einer chinesischen Zeitung?"
    r"|(?:kommt|stammt) (?:der|die|das|dieser|diese|dieses) (?:artikel|bericht|meldung|nachricht"
    r"|text|story|news) (?:aus|von)\b|(?:does|did) (?:this|the) (?:story|article|news|piece|report)"
    r" come from\b"
    # where it first appeared: "where was this printed first?", "wo ist das erschienen?"
    r"|where (?:was|is|did) (?:this|it|the (?:story|article|piece|report))(?: first| originally)?"
    r" (?:printed|published|run|appear(?:ed)?)\b|wo (?:ist|war|wurde) (?:das|es|der (?:artikel"
    r"|bericht)|dieser (?:artikel|bericht))(?: zuerst| ursprunglich)? (?:erschienen|veroffentlicht"
    r"|gedruckt)\b"
    r"|who (?:ran|published|broke|reported|put out|released) (?:the|this) (?:story|article|news"
    r"|piece|report)\b|wer hat (?:den |diesen |die |diese |das )?(?:artikel|bericht|meldung|text"
    r"|news|story)(?: \w+)? (?:veroffentlicht|publiziert|herausgebracht|gebracht)\b"
    r"|(?:article|story|piece|news|report|artikel|bericht|meldung)(?: [\w-]+){0,3} (?:published"
    r"|veroffentlicht|herausgegeben) (?:by|von)\b|(?:artikel|bericht|meldung) von \w+ stammt\b",
    # An absolute figure the article gives only as a percentage, and the revenue itself, of which
    # it gives only the growth ("Wie viel Umsatz …"): before "amount", which "wie viel" is too.
    "absolute": r"in absolute[mn]? (?:terms|zahlen|numbers|figures|betragen)|absolut(?:e[nrs]?)?\b"
    r"|wie ?(?:viel|veel|vill?|vui) (?=umsatz)|how much (?=revenue|sales)"
    # what a business makes ("how much did the cloud part make that quarter?")
    r"|how much(?= (?:money )?(?:did|does|do) (?:[\w'-]+ ){1,4}(?:make|earn|bring in|pull in)\b)"
    r"|welche[nr]? (?=umsatz\b)"
    r"|wie hoch (?=(?:ist|war) (?:der|die) [\w-]*umsatz)"
    r"|how (?:big|large|high) (?=(?:is|was) (?:the |its )?(?:\w+ )?revenue)"
    r"|total (?=(?:group |company |cloud |quarterly )?(?:revenue|sales))|gesamtumsatz"
    # "What was Alibaba's total group revenue?", "what was the group's revenue in that quarter"
    r"|what (?:was|is|were|are) (?=(?:the |its |their )?(?:[\w']+ ){0,3}(?:revenue|revenues|sales)"
    r"\b(?! (?:growth|grow|increase|rise|up)\b))"
    r"|(?:(?<=revenue |umsatz )|(?<=\brev )|(?<=sales ))in (?:us-?)?(?:dollars?|usd)\b",
    # (not "how much of the …": a share of a total, ``per``)
    # (and regional forms: "wia vui", "wie vill", "wie veel")
    "amount": r"(?:wie ?viele?n?|wieviele?n?|wia ?vui|wie ?vill?|wie ?veel|how (?:much|many))"
    r"(?! (?:of (?:the|that|it|this)|davon|(?:prozent|anteil) (?:vom|von|der|des|am|an)"
    r"|vom|von (?:der|den|dem|diese[mnr]?)|der)\b)|um wie ?viel|in welcher hohe|wie hoch"
    r"|(?:wie (?:gross|dick|fett|saftig|heftig)|how (?:big|large|high|hefty|steep))"
    # (not the size of a company: "wie groß ist die Firma?" asks ``company``)
    r"(?! (?:ist|is|was|war) (?:die|der|das|the|this|that) (?:firma|unternehmen|konzern|company"
    r"|firm)\b)|kostet|kosten"
    r"|gekostet|costs?|price of|amount|betrag|summe|in (?:us-?)?dollars?|in usd|quantum|magnitude"
    r"|in(?= (?:us ?)?\$)"
    r"|(?:the )?size(?: of)?|ausmass|(?:the )?number of|(?:the )?volume of|(?<=\w )volume\b"
    # a volume or sum in a compound ("Capex-Volumen", "Investitionssumme"), whose word stays
    r"|(?=[a-z]*(?:volumen|summe|betrag)\b)"
    # … or a count ("Kundenzahl", "Mitarbeiterzahl"; not "Jahreszahl", a year)
    r"|(?=(?!jahres)[a-z]{3,}zahl(?:en)?\b)"
    # the figure of something: "what was the exact figure of the fine?"
    r"|(?:exact|precise|actual|the) (?:figure|number) (?=(?:of|for|on)\b)"
    # a keyword follow-up: "Tencent, Meituan spending pledges – figures?"
    r"|(?<=[–—:-] )(?:any |the |konkrete |genaue )?(?:figures?|numbers|zahlen)(?=\s*\?*\s*$)",
    # Whether something still holds: asks about now, which the entries on a state say ("Wächst
    # die Cloud überhaupt noch?"), not the history ("grew out of …"). A marker, not a kind.
    "still": r"still|immer noch|noch immer|uberhaupt noch|nicht mehr|no longer|anymore|any more",
    "claim": r"stimmt es|stimmt das|stimmt so|is it true|is that true|i heard|hab gehort"
    # asked indirectly: "ob es stimmt, dass …", "whether it's true that …"
    r"|ob (?:es|das|des) (?:stimmt|wahr ist|richtig ist)|(?:whether|if) (?:it'?s|it is|that'?s"
    r"|that is) (?:true|correct|right)"
    r"|habe gehort|ist da was dran|ist das wahr|true or false"
    r"|(?:is it|is that|was it) (?:true|accurate|correct|right) that"
    # an inference to check: "Is it fair to say …", "Lässt sich dem Text entnehmen, dass …"
    r"|(?:is it|would it be|would you say it'?s) (?:fair|reasonable|correct|right|accurate|safe"
    r"|wrong|unreasonable) to (?:say|conclude|infer|assume|think|connect|read)"
    r"|(?:can|could) (?:we|one|i) (?:say|conclude|infer|assume)|am i right (?:in thinking|to think)"
    r"|(?:does|do) (?:this|that|the article|the text|it) (?:mean|suggest|imply|indicate)"
    r"|(?:is there )?any indication|fair reading"
    r"|kann man (?:\w+ ){0,4}(?:sagen|ableiten|schliessen|entnehmen|folgern)"
    r"|lasst sich (?:\w+ ){0,4}(?:schliessen|ableiten|entnehmen|folgern|sagen)"
    r"|ist es (?:richtig|korrekt|zutreffend)"
    # (a tag after a statement, "…, oder?", is _CLAIM_TAG below)
    # (or without the comma, typed in one go: "die strafe war 2,8 milliarden oder so richtig")
    r"|(?<= )(?:richtig|right|correct|korrekt|true|stimmts?|gell|stimmt doch oder|neh)"
    r"(?=\s*\?*\s*$)"
    # a yes/no question, which asks whether a claim holds: "Did Alibaba appeal the fine?" (not
    # "was": German for "what")
    r"|^(?:(?:und|and|so|also|but|aber) )?(?:did|does|do|is|are|were|has|have|had|can|could"
    r"|will|would|hat|hatte|hast|ist|war|sind|waren|bist|gibt|gab|kann|konnte|wird|wurde|haben"
    r"|hatten)(?= )(?! (?:you|du|dich)\b)",
    # (Tagalog "sa" is "in": "Magkano po sa pesos?")
    # (not a choice with the article's dollars: "is the billion in USD or in won?")
    "conversion": r"umgerechnet|converted|conversion|exchange rate|wechselkurs"
    r"|" + _NOT_THE_DOLLAR + r"(?:in (?:korean )?won"
    r"|(?:in|sa|into|for|to) (?:euros?|eur|franken|chf|yen|pfund|pounds|rupien|rupees|yuan|rmb"
    r"|renminbi|rubel|rupiah|ringgit|baht|pesos?|dong|sterling|reais|inr|sgd|idr|brl|myr|thb"
    r"|php|vnd|krw|jpy|cny|gbp|aud|nzd|hkd|twd|kronen|kronor|lira|schilling|d[ -]?mark|zloty|forint"
    r"|rand|naira|shekel|quid))\b(?! (?:or|oder) (?:in )?(?:usd|us-dollars?|dollars?)\b)"
    r"|(?:(?<=viel |many |much )|(?<=viele ))(?:euros?|yuan|rmb|pfund|pounds|quid|franken|yen|real"
    r"|reais"
    r"|rupien|rupees|rupiah|schilling|kronen|kronor|rand|rubel|pesos|lira)\b"
    r"|(?:euros?|eur|inr|idr|gbp|jpy|cny|sgd|myr|thb|php|vnd|krw|aud|nzd|hkd|chf|rupees?|rupiah"
    r"|yen|yuan|pounds?) equivalent"
    r"|in (?:kiwi|nz|australian|aussie|canadian)(?: dollars?)?\b"
    r"|in (?:new zealand|singapore|hong kong|taiwan) dollars?\b"  # (not the place: "elsewhere")
    # … and any other country's dollars: "in TT dollars", "in Fiji dollars"
    r"|in (?!(?:us|usd|american|billion|millions?|billions?|bn|mrd|mio|the|total|real)\b)"
    r"[a-z]{2,12} dollars?\b"
    # an amount in another currency than the article's dollars: "wie viele Mio Euro sind …"
    # (not the choice "Euro oder Dollar?")
    # (not a figure stated in another currency: "the fine was 2.8 billion euros, correct?" is a
    # claim the answer corrects)
    r"|(?<!\d )(?:mio|mrd|millionen|milliarden|millions?|billions?|wie ?viele?|how many)"
    r" (?:euros?|eur|franken|yen|pfund|pounds|rupien|rupees|yuan|rmb|rubel|rupiah|ringgit|baht"
    r"|pesos?|schilling)"
    r"\b(?! (?:oder|or) )"
    # … and so for every other currency ("wie viele Guaraní sind das?", "in kwacha")
    r"|" + _NOT_THE_DOLLAR + r"(?:in|sa|into|to) (?:[\w-]+[ -])?(?:" + _CURRENCY_UNITS + r")\b"
    r"(?! (?:or|oder) (?:in )?(?:usd|us-dollars?|dollars?)\b)"
    r"|(?:(?<=viel |many |much )|(?<=viele ))(?:" + _CURRENCY_UNITS + r")\b(?! (?:oder|or) )",
    # Who runs the programme or its training: the article names only who speaks for the cloud
    # ("Who is the project lead in charge of AsiaForward?", "Wer managt das Programm?").
    "role": r"project ?leads?|projektleiter\w*|programme? (?:lead|manager|director)s?"
    r"|(?:head|leiter\w*|chef\w*|director|manager)(?= (?:of|der|des|vom|von)"
    r" (?:the |dem |der |des )?(?:training\w*|schulung\w*|program\w*|projekt\w*|project"
    r"|asiaforward|initiative)\b)"
    r"|(?:wer|who)(?= (?:[\w'-]+ ){0,3}(?:leitet|leads?|manag\w*|runs?|is in charge of|in charge of"
    r"|verantwortet) (?:the |das |die |den )?(?:program\w*|projekt\w*|project|asiaforward"
    r"|initiative|training\w*|schulung\w*)\b)"
    # whether Jack Ma (still) runs Alibaba, what he does now or where he is ("what is jack ma
    # job title now?", "Jack Ma, is der nich abgetaucht?"): the article only calls Alibaba his
    # e-commerce titan
    r"|" + _near(r"jack ma\b", _BOSS + "|" + _JACK_MA_NOW, 40),
    # Company figures and facts the article never gives (and a byline it doesn't have), and
    # the details behind what it only mentions in general (the crackdown's measures, what the
    # training is like).
    "company": r"marktanteile?n?|market shares?|aktie\w*|share price|stock(?: price)?|borsenwert"
    r"|market cap\w*|marktkapitalisierung|bewertung|valuation|dividenden?|dividends?|marge"
    r"|profitab\w*|rentab\w*|marktfuhr\w*|market leaders?(?:hip)?"
    r"|(?:people|leute|menschen|personen)(?= (?:\w+ ){0,2}"
    r"(?:work|working|workin|works|arbeiten|arbeitet|beschaftigt|schaffen|schafft)\b)"
    # … and how many of some kind work there: "wie viele Entwickler arbeiten bei Alibaba Cloud?"
    r"|(?:(?<=viele )|(?<=many ))(?=[\w-]+ (?:already |schon |bereits )?(?:work|works|working"
    r"|arbeiten|arbeitet)\b)"
    r"|margins?|ebit\w*|kgv|mitarbeiter\w*|angestellte\w*|beschaftigte\w*|employees?"
    r"|headcount|belegschaft|hauptsitz|firmensitz|headquarter\w*|nettogewinn|net (?:income|profit)"
    r"|gehalt\w*|salary|salaries|net worth|vermogen"
    # roles it never names (it names a president): "Who is Alibaba's CEO?"
    r"|ceo|chief executive\w*|vorstandschef\w*|vorstandsvorsitzende\w*|geschaftsfuhrer\w*"
    r"|chairman|chairwoman|aufsichtsrat\w*|verwaltungsrat\w*|board (?:chair\w*|members?"
    r"|of directors)|spokes(?:person|man|woman)|pressesprecher\w*|cfo|cto"
    r"|finanzchef\w*|nachfolger\w*|successors?|vorganger\w*|predecessors?"
    # what a company sells or does: "What does Meituan sell?", "Was macht Meituan eigentlich?",
    # "what kind of company is that?" (not which company it is: "welche Firma ist gemeint?")
    r"|sells?|selling|verkauft|verkaufen|products?|produkte?"
    r"|(?:was|wat|wos) (?=macht (?:denn )?(?:[\w-]+ ){1,2}(?:eigentlich|uberhaupt|so als"
    r" (?:firma|unternehmen|konzern))\s*\??\s*$)"
    r"|(?:what|wha|wat) (?:kind|sort|type|kinda) (?:of |o )?(?:a )?(?:company|firm|business)"
    # where it is based (not where the start-ups are: the region), how it compares in size, who
    # is someone's boss (not "wer is chef von …" nor the cloud unit's boss: its president)
    r"|(?<!start-ups )(?<!startups )(?<!start ups )(?:sitzt|sitzen)|ansassig|headquartered"
    r"|based(?= in\b|\s*\?)|(?:grosser|kleiner"
    r"|bigger|larger|smaller) (?:als|than)|(?:wer|who) ist (?:grosser|kleiner)"
    r"|who(?:'s| is) (?:bigger|larger)|(?<=s )(?<!\bis )(?<!\bwas )(?<!cloud's )(?<!clouds )"
    r"(?<!intelligence's )(?:boss|chef)\b|vorgesetzte\w*"
    r"|(?:boss|chef)(?= (?:of|von) (?:herrn? |mr\.? )?(?:jeff|zhang)\b)"
    r"|(?:bigger|larger|smaller|grossere?|kleinere?) (?:company|firm|firma|unternehmen|konzern)"
    r"|(?:wie gross|how big|how large) (?:ist|is|was|war) (?:die|der|das|the|this|that) (?:firma"
    r"|unternehmen|konzern|company|firm)\b"
    # what someone paid out of their own pocket: "wie viel musste er persönlich zahlen?"
    r"|(?:personally|personlich|privat|privately)(?= (?:[\w']+ ){0,3}(?:zahlen|bezahlen|zahlt"
    r"|zahlte|gezahlt|bezahlt|pay|pays|paid|kosten|kostete)\b)|(?:zahlen|bezahlen|zahlt|zahlte"
    r"|pay|pays|paid|cost|kostete)(?= (?:[\w']+ ){0,3}(?:personally|personlich|privat)\b)"
    # its profit (the article gives none): "the total profit Alibaba made last year"
    r"|(?:total|annual|yearly) profits?|jahresgewinn\w*|gesamtgewinn\w*"
    # who heads the whole group (it names only the cloud unit's president)
    r"|(?:chef|boss|head|leiter|leader|lenker|fuhrt|leads?|runs?)\w*(?= (?:\w+ ){0,2}(?:ganz"
    r"|gaunz|ganze[nms]?|gesamte[nmrs]?|whole|entire|gesamtkonzern\w*|mutterkonzern\w*|parent)\b)"
    # legal and deal details it never gives: which laws, lawyers, an appeal or whether a ruling
    # is final, paying in instalments, a stake taken in start-ups, a majority holding,
    # discounts and price cuts; and events it never reports: a lawsuit, a firing, a takeover
    # ("Why did AWS sue Alibaba?", "warum wurde jeff zhang gefeuert")
    r"|sue[sd]?|suing|lawsuits?|verklag\w*|klage|klagen|vor gericht|court|fired|gefeuert"
    r"|entlassen|acquir\w*|takeover|ubernahme\w*|ubernommen"
    r"|gekauft|bought"
    r"|gesetze?s?\b|gesetzen|laws\b|which law\b|regulations|verordnung\w*|anwalt\w*|anwalte\w*"
    # who builds for it: "Which contractor is building the data centres?"
    r"|contractors?|auftragnehmer\w*|baufirm\w*|bauunternehm\w*"
    # what the crackdown consists of: "Welche konkreten Maßnahmen umfasst dieses Vorgehen
    # Pekings?", "what did beijing actually DO to the tech companies?" (it never says)
    r"|"
    + _near(_CRACKDOWN_DETAIL, _CRACKDOWN, 80)
    + r"|what (?:exactly )?(?:did|do|does) (?:beijing|china|peking|the (?:chinese )?government)"
    r" (?:actually |really |exactly )?do (?:to|against|with)\b"
    # what the training is like: courses, languages, cost, where and how it is held (it only
    # says there is training for developers): "Welche Programmiersprachen werden in den
    # Trainings vermittelt?", "Bieten die die Schulungen online an oder vor Ort?"
    r"|"
    + _near(_TRAINING_DETAIL, _TRAINING, 80)
    # whether it makes a profit again now: "Macht der Alibaba jetzt wieder Gewinn?" (not what
    # it does with its extra profits)
    + r"|(?:macht|machen|schreibt|schreiben|makes?|making|turns?)(?= (?:[\w-]+ ){0,2}(?:(?:wieder"
    r"|again|jetzt|now|noch|still) ){1,2}(?:einen |a )?(?:gewinn\w*|profit\w*|schwarze zahlen)\b)"
    # who owns the owner: "Who is owner of ByteDance company?"
    r"|(?:owners?|eigentumer\w*|besitzer\w*)(?= (?:of )?(?:the )?bytedance\b)"
    r"|(?:who|wer|wem) (?:owns|besitzt|gehort) (?:eigentlich )?bytedance\b"
    # which companies are its customers (it names one that left): "Which Dutch companies are
    # customers of Alibaba Cloud?", "welche Logistikfirmen nutzen Alibaba Cloud?"
    r"|(?:welche[nmrs]?|which|what) (?:[\w-]+ ){0,4}(?:sind|are|ist|is) (?:[\w'-]+ ){0,4}"
    r"(?:kunden?|customers?|clients?)\b(?! (?:left|ausgestiegen|abgesprungen|weg))"
    r"|(?:welche[nmrs]?|which|what) (?:[\w-]+ ){0,2}(?:companies|firms|firmen|\w+firmen"
    r"|unternehmen|businesses|apps|plattformen|platforms)"
    r"(?= (?:[\w'-]+ ){0,4}(?:use|uses|using|nutzen|nutzt|verwenden|rely on)\b)"
    r"|kanzlei\w*|lawyers?|law firm|attorneys?|berufung|einspruch|appeal(?:ed|s)?|in raten"
    r"|ratenzahlung\w*|instal?lments?|equity|stake|firmenanteile?|rechtskraft\w*|rechtsmittel\w*"
    r"|(?:mehrheits|gross|haupt)aktionar\w*|(?:majority|largest|biggest|main) shareholders?"
    r"|discounts?|rabatt\w*|preisnachlass\w*|price cuts?|preissenkung\w*|preise senken"
    # which investors exactly: it names none ("Which VC firms are partners in the program?")
    r"|(?:which|what|welche[nrs]?)(?= (?:\w+ ){0,2}(?:vc|venture capital|risikokapital|investment"
    r"|investoren|partner)[ -]?(?:firms?|funds?|investors?|partners?|gesellschaften|firmen|fonds"
    r"|geber(?:n)?|investoren)\b)"
    # how one company compares with another: "Wächst Huawei schneller als Alibaba?", "Huawei's
    # cloud growth compared to that?"
    r"|(?:schneller|langsamer|starker|besser|faster|slower|better) (?:\w+ ){0,2}(?:als|than)"
    r" (?:die |der |the )?" + _COMPANIES + r"|(?:im vergleich (?:zu|mit)|verglichen mit"
    r"|compare[sd]? (?:to|with)|versus|vs\.?) (?:der |dem |den |the )?"
    + _COMPANIES
    + r"|im vergleich dazu|compared to (?:that|this)|by comparison",
    "author": r"journalist\w*|reporter\w*|redakteur\w*|redaktor\w*|korrespondent\w*|correspondent"
    r"|verfasser\w*|autor\w*|editor"
    r"|authors?|byline|links?|urls?"
    # who wrote it: the article names its source, not a writer ("Wer hat das geschrieben?")
    r"|(?:wer|(?:von )?wem|who|(?:by )?whom)(?: [\w']+){0,5}"
    r" (?:geschrieben|schrieb|verfasst|wrote|written|penned)"
    r"|(?:geschrieben|verfasst|written|penned) (?:von|by) (?:wem|whom)"
    # other media about it: "Gibt es ein Video dazu?"
    r"|(?<=es )(?:ein |auch )?(?:video|podcast|fotos?|bilder)\b"
    r"|(?<=there )(?:an? |also )?(?:videos?|podcasts?|photos?|pictures)\b",
    # How to take part: the article says who is supported, not how to apply.
    "apply": r"apply (?:for|to (?:the |this )?(?:program|programme|project|asiaforward))"
    r"|applications?|sign(?:ing)? ?up|register|registration|enrol\w*|bewerb\w*|bewirb\w*|anmeld\w*"
    r"|registrier\w*|teilnahme\w*|teilnehmen|mitmachen"
    # the separable verb around its object: "Wie meld ma sich für des Programm an?"
    r"|(?:meld|melde|meldet|meldest)(?= (?:[\w'-]+ ){0,2}(?:sich|mich|dich|uns|euch)"
    r" (?:[\w'-]+ ){0,5}an\s*[?!.]*$)",
    # ("as per the statement", "per its statement": according to)
    # (and a share of another figure: "wie viel Prozent vom Jahresumsatz", "what percentage of";
    # and how many of a group: "wie viele der 100.000 Start-ups kommen aus Vietnam?")
    "per": r"(?:wie ?viel|welche[nr]?) (?:prozent|anteil) (?:vom|von|der|des|am|an)\b"
    r"|welchen anteil|what (?:percent(?:age)?|share|proportion|fraction) of"
    r"|how (?:much|many) of (?:the|that|it|this)|wie ?viele?n? (?:der|davon|vom|von (?:der|den"
    r"|dem|diese[mnr]?))|(?<!as )(?:per|pro)"
    r"(?! (?:its|the|their|his|her|this|that|an?|article|report|cent|him|them|zhang|jeff|alibaba"
    r"|bloomberg|statement|sources?)\b)|each|apiece|jeweils"
    r"|jede[srnm]?|(?:ein |an )?(?:einzelne[srnm]?|individual)(?= [\w-]+)"
    # "je Start-up", "je Entwickler" (not "je nachdem", "je mehr")
    r"|je(?= (?:start|entwickler|grunder|firma|unternehm|person|teilnehm|kopf|talent|team)\w*)"
    # how the sum is split up over years or uses: the article gives no breakdown
    r"|jahrlich\w*|annual(?:ly)?|yearly|phasing|phased|breakdown|aufschlusselung"
    r"|(?:im|in einem) jahr\b(?! \d)"
    r"|aufgeteilt|aufteilung|split(?: up)?(?= (?:between|among|across|over|into)\b)"
    # how much of the sum goes to one of its uses ("wie viel geld fuer schulungen aus der 1 mrd")
    r"|aus (?:der|den|dem) (?:\d+ )?(?:mrd|milliarde\w*|mia)\b",
    # more to come later: with an amount ("how much more comes later", "wie viel geld kommt
    # spaeter noch dazu") it asks a sum the article never gives, it calls the billion a start
    "later": r"(?:more|mehr|weitere[sn]?|additional|zusatzliche[sn]?)(?= (?:[\w-]+ ){0,6}(?:later"
    r"|spater|danach|dazu|on top|kommen|kommt|come|comes|coming|follows?)\b)|spater noch dazu",
    # one of those the money is for: "how much does one startup get?", "wie viel kriegt ein
    # Entwickler?" (with an amount it asks a share, ``answerability.question_kinds``)
    "single": r"(?:one|a single|single|a|an|ein|eine|einem|einer|nur ein|just one)"
    r"(?= (?:einzige[nrs]? )?(?:startup|start-up|entwickler|developer|dev|grunder|founder|firma"
    r"|company|unternehmen|person|teilnehmer|participant|team|app)\b)",
    "self": r"who (?:made|built|programmed|created|trained|wrote) you|wer hat dich|bist du"
    r"|are you (?:a |an )?(?:bot|human|ai|objective|real|neutral)|your (?:name|creator|opinion)"
    r"|deine (?:meinung|ansicht|einschatzung|sicht)|dein name|was (?:haltst|denkst) du"
    r"|(?:glaubst|meinst|schatzt) du|(?:was|wat|wos) glaubst"
    r"|what do you think|do you think|findest du|your (?:view|take)",
    # Predictions and judgements the article doesn't make: "Wird AsiaForward ein Erfolg?",
    # "Will TikTok come back?", "Was the fine fair?"
    "forecast": r"ein erfolg|erfolgreich|succeed\w*|success\w*|come back|zuruck ?(?:komm|kehr)\w*"
    r"|(?:go|goes|going|gone|went) back to|zuruck ?(?:gegangen|gewechselt)"
    r"|(?:wieder )?zuruck ?(?:hol|gewinn)\w*|win(?= (?:\w+ )?back\b)"
    r"|(?:hol|gewinn)\w*(?= (?:\w+ ){0,3}zuruck)"
    r"|next (?:year|quarter)|nachstes jahr|(?:im )?nachsten (?:quartal|jahr)|prognose\w*"
    r"|forecast\w*|outlook|aussicht\w*|predict\w*"
    r"|vorhersag\w*|wie(?= geht es (?:[\w-]+ ){0,4}weiter)"
    r"|wie(?= es (?:[\w-]+ ){0,8}weiter ?gehen)|what(?:'s| is) next|what happens next"
    r"|(?:what|was) (?:comes|kommt)(?= (?:after|danach|nach)\b)"
    r"|good idea|gute idee|(?:is|was) (?:it|that|this|the \w+) fair\b(?! to)|gerecht\w*"
    # what happens afterwards ("once the three years are over", "danach")
    r"|(?:what (?:happens|will happen)|was (?:passiert|geschieht))(?= (?:[\w-]+ ){0,5}(?:once"
    r"|after|afterwards|danach|nach (?:ablauf|den|dem|der)|wenn)\b)"
    # (or whatever follows them: "Wird Alibaba nach den drei Jahren noch mehr Geld geben?"; not
    # "nach drei Jahren", by their end)
    r"|(?:nach den|after the|beyond the) (?:drei|three|3) (?:jahren|years)"
    r"|(?:what will become|what becomes|was wird)(?= (?:[\w-]+ ){0,5}(?:once|after|danach|nach"
    r" (?:ablauf|den|dem|der)|wenn)\b)|(?:once|when|wenn) (?:the |die )?(?:drei|three|3)"
    r" (?:jahre|years) (?:are |is |sind )?(?:over|up|um|vorbei|rum|abgelaufen)",
    # Which countries exactly: the article names a region (APAC), no list of countries.
    "countries": r"(?:welche[nmrs]?|which|what|list of|liste der) (?:[\w-]+ ){0,2}(?:lander|landern"
    r"|staaten|countries|nations)|(?:lander|landern|countries) (?:exactly|genau)"
    r"|(?:one of|among) the (?:[\w-]+ ){0,2}countries|eine[sm]? der (?:[\w-]+ )?(?:lander|staaten)",
    # A part of the world outside Asia-Pacific in a statement to check, not as well as it ("das
    # Geld ist für Start-ups in Europa, stimmt das?", not "auch in Europa?" nor "Ist das für
    # Europa?"): the answer's APAC corrects it.
    "continent": r"(?<!auch )(?<!auch in )(?<!auch fur )(?<!also )(?<!also in )(?<!also for )"
    rf"(?:{_CONTINENTS}|nordamerika|north america)"
    rf"(?! (?:too|as well|auch|ebenfalls)\b)(?!{_BESIDE_THE_REGION})"
    r"(?=.*\b(?:stimmt|true|right|richtig|korrekt|wahr|correct)\b(?:\W+\w+){0,2}\W*$)",
    # A place the article doesn't name (``_ELSEWHERE``).
    # (not a currency: "in Hong Kong dollars", "australian dollars")
    "elsewhere": rf"(?:{_ELSEWHERE})(?!{_BESIDE_THE_REGION})(?! dollars?\b)",
    # (or another month than the article's March: "im Dezember-Quartal", "in June")
    "previous": r"(?:the )?quarter before|(?:the )?(?:year|month) before(?=\s*\??$| that| then)"
    r"|previous quarter|prior quarter|vorquartal|quartal davor"
    r"|(?:the )?(?:quarter|period|year) preceding|vorherige[nmrs]? (?:quartal|jahr)"
    r"|im vorjahr|vorjahres\w*|last year|letztes jahr|letzten jahr|back in \d{4}|before that"
    r"|davor|vorher|quartal vor (?:dem|em|them|m)\b"
    # a growth rate's basis, which the article doesn't give ("37 % – year on year?")
    r"|(?:quarter|year)[ -](?:on|over)[ -](?:quarter|year)|qoq|yoy|jahresvergleich"
    r"|(?:gegenuber|verglichen mit|im vergleich zu) (?:dem |zum )?vor(?:jahr|quartal)\w*"
    # a year of its own ("Wie viel ist die Cloud 2014 gewachsen?"; not "seit 2014", the
    # article's comparison): the year stays a word
    # (nor another year offered beside that one: "since 2004 or 2014 or 2019")
    r"|(?<!seit )(?<!since )(?<!bis )(?<!until )(?<! or )(?<! oder )(?=(?:19|20)\d\d\b)",
    # a month other than the article's March ("im Dezember-Quartal?"): another period, but in a
    # claim the detail the answer corrects ("37 % in the June quarter, right?")
    "month": r"januar|janner|februar|feber|april|juni|juli|august|september|oktober|november"
    r"|dezember|january|february|june|july|october|december",
    "age": r"wi[ea] (?:alt|oid|oit|ald)|how old|what age|welches alter|geburtsjahr|jahrgang",
    # A name ("Wie heißt …", "what's it called" become "name" before this): only an entry that
    # gives one answers ("Wie heißt die Person, die das verraten hat?" has none).
    "name": r"name|names|namen|identity|identitat",
    # Who someone the article leaves unnamed is: "Wer ist die anonyme Quelle?" (no entry says)
    "unnamed": r"(?:wer|who)(?= (?:\w+ ){0,3}(?:anonym\w*|unbekannte\w*|unbenannte\w*"
    r"|ungenannte\w*|unnamed|unidentified|mystery|mysterious|geheimnisvolle\w*)\b)"
    # (or the one who asked not to be: "Who is the person that asked to not be identified?")
    r"|(?:wer|who)(?=[^?.!]{0,50}\b(?:(?:(?:not|never) (?:to )?|to not )be (?:identified|named)"
    r"|nicht (?:identifiziert|genannt))\b)"
    # (or the one already described: "Who is the person familiar with the matter?", "who's
    # the insider that leaked it?" ask who that is; "Who said TikTok left?" does not)
    r"|(?:wer|who)(?=(?:'s| is| was| ist| war)? (?:(?:this|that|the|de|der|die|dieser|diese|denn"
    r"|eigentlich|really|exactly|genau) ){0,3}['‘\"“„]?(?:insider|informant\w*|leaker"
    r"|whistleblower|tipster|maulwurf|person familiar|vertraute person"
    r"|mit der angelegenheit vertraute)\b)",
    # What someone said about it ("Was sagt Jack Ma dazu?", "What did Huawei say?"): only an
    # entry that reports what was said answers (not "what does the article say about …").
    # (a question word that starts the question, not "is that what they said?"; not the
    # English "was": "Was anything said about …")
    "said": r"(?:^|(?<=[,;:–—-] )|(?<=\bund )|(?<=\band ))(?:was(?! (?:anything|something|there"
    r"|it|this|that|he|she|they|the)\b)|what|wat|wos|wot)"
    r"(?= (?:(?!" + _NOT_SAID + r"\b)[\w'-]+ ){0,8}?"
    r"(?:sagt|sagte|sagten|gesagt|gsagt|gsogt|gesacht|say|says|said|geaussert|aussert|ausserte)\b"
    r"(?! (?:(?:der|die|das|den|dem|the|this|dieser|diese) )?" + _NOT_SAID + r"\b))"
    # whether someone said anything: "Hat TikTok selbst was dazu gesagt?", "Has ByteDance said
    # anything about it?"
    r"|(?<!^)\b(?:was|etwas)(?= (?:dazu |daruber |davon )?(?:gesagt|gsagt|geaussert|kommentiert)\b)"
    r"|\b(?:said|say) (?:anything|something)(?= (?:about|on) (?:it|that|this)\b|\s*\??$)"
    # what someone thinks of it: only what the quoted say ("What does Jeff Zhang think about
    # demand?"); the article reports no one else's view ("Was halten Analysten davon?")
    r"|(?:what|how) (?:do|does) (?:[\w-]+ ){1,8}(?:think|feel) (?=about|of)"
    r"|was (?:halten|denken|halt|denkt)(?= (?:[\w-]+ ){1,5}(?:von|uber|daruber|davon)\b)"
    # a quote asked for: "Wie lautet das Zitat von Jeff Zhang?", "the Zhang quote?" (not where
    # something stands: "was heißt X, das steht in dem Zitat")
    r"|(?<!in dem )(?<!in the )(?<!im )(?<!in his )(?:zitat\w*|quote)"
    # whether someone commented ("Has Alibaba publicly commented on losing TikTok?")
    r"|(?:publicly )?comment(?:ed|s)? (?:on|about)|kommentiert|stellung (?:genommen|bezogen)",
    "founding": r"gegrundet|grundung|grundete|founded|founding|established"
    # how long something has existed: "Seit wann gibt es Alibaba?" (not the programme, which
    # started on Tuesday, nor "wie lange gibt es … noch": how long it will run)
    r"|(?:seit wann|wie lange) gibt(?: es|'?s)"
    r"(?= [\w-]+(?: [\w-]+){0,4}(?: uberhaupt| eigentlich| schon)?\s*\??$)"
    r"(?! (?:das|des|dat|dit|dies|diese[sn]?|sie)\s*\??$)"  # (what the story is about)
    r"(?!.*\b(?:noch|program\w*|projekt\w*|project|asiaforward|initiative)\b)"
    r"|existed|been around|exist(?=\s*\??$)",
    "sofar": r"so far|to date|thus far|until now|up to now|bisher|bislang|bis jetzt|bis dato"
    r"|already|bereits"
    # "welches Start-up hat schon Geld bekommen?" (not "wie lange gibt es das schon")
    r"|schon(?= (?:[\w-]+ ){0,5}(?:bekommen|erhalten|gekriegt|gefordert|ausgewahlt|ausgezahlt"
    r"|vergeben|ausgegeben|verteilt|unterstutzt|geschult|ausgebildet|bezahlt|gezahlt|beglichen)\b)",
    "meaning": r"was (?:genau )?versteht man unter|what is meant by|(?:the )?meaning of"
    # a quoted term: "Was bedeutet „Cloud-native Technologien“ genau?", "wah is ‘cloud-native’
    # even mean?", "what 'cloud native' mean exactly?"
    r"|(?:was|wat|wos) (?:heisst|bedeutet)(?= [\"„“‘'][^\"“”’']{2,40}[\"“”’']"
    r"(?: genau| eigentlich| uberhaupt| denn)?\s*\??\s*$)"
    r"|(?:what|wah|wha|wat)(?: is| does|'s| do)?(?= [\"‘'“][^\"’'”]{2,40}[\"’'”]"
    r" (?:(?:even|actually|exactly|really|really even) )?means?\b)"
    # (a bare term: "was bedeutet APAC?", "was heißt Risikokapital?", not "was heißt
    # ausgeschrieben")
    r"|(?:was|wat|wos) (?:heisst|bedeutet)"
    r" (?=(?:[a-z]{2,6}|[a-z]+-[a-z-]+|(?!(?:ausgeschrieben|abgekurzt|ubersetzt|eigentlich|genau"
    r"|konkret|uberhaupt)\b)[a-z]{7,})\b"
    r"(?: noch| nochmal| noch mal| eigentlich| uberhaupt| genau)?\s*\??$)"
    # a term asked about as a whole question: "What does ‘cloud-native’ actually mean?" (not
    # "what does this mean for …")
    r"|what does(?= (?!(?:this|that|it|all|the)\b)\W?[a-z][\w-]*(?: [a-z][\w-]*)?\W?(?: actually"
    r"| even| exactly| really)? mean\b(?! (?:for|to|that|in)\b))"
    r"|bedeutung (?:von|des|der)|was ist mit(?= .{1,40} gemeint)"
    r"|was (?:bedeutet|heisst) der begriff|what does the term|definition of|definiere|define"
    # what a thing is, asked of the kind ("Was ist ein Start-up?", "what is a data center") or
    # of a bare term with "eigentlich"/"exactly" ("was is cloud nativ eig genau"), not of the
    # article's own ("What's the fine exactly?")
    r"|(?:was|wat|wos) (?:ist|is|sind) (?=(?:ein|eine|einen) [\w-]+(?: [\w-]+)?\s*\??$)"
    r"|what(?: is|'?s| are) (?=(?:a|an) [\w-]+(?: [\w-]+)?\s*\??$)"
    r"|(?:was|wat|wos) (?:ist|is) (?=(?!(?:der|die|das|den|dem|des|denn|mit|da)\b)[\w-]+"
    r"(?: [\w-]+)? (?:eigentlich|eig|genau|uberhaupt)(?: genau)?\s*\??$)"
    r"|what(?: is|'s) (?=(?!(?:the|this|that|it|their|its|his|her)\b)[\w-]+(?: [\w-]+)?"
    r" (?:exactly|actually|even)\s*\??$)",
    "date": r"(?:seit |in |an |bis )?welche[mns]? (?:jahr|johr|joahr|joar|datum|monat|jahreszahl"
    r"|quartal)"
    # a bare keyword follow-up: "statement day? year?"
    r"|^(?:(?:and|und|the|das) )?(?:year|jahr|jahreszahl|month|monat)(?=\s*\?+\s*$)"
    r"|(?:since |in |by )?(?:what|which) (?:exact |precise |specific |calendar )?(?:year|date|month"
    r"|quarter)"
    r"|(?:genaue[sn]? |exact )?(?:calendar )?(?:datum|date)|in welchem jahr|jahreszahl",
    "howlong": r"wie lange?|how long|bis wann|wie lang|over what period|uber welchen zeitraum",
    # "Seit wann …?" asks a point in time, or the time since it ("erster Verlust seit wann?":
    # nine years): answered by an entry that says when, gives a date or a duration.
    "since": r"seit wann|since when",
    "when": r"wann|when|an welchem tag|what day|which day",
    "why": r"warum|wieso|weshalb|weswegen|why|what for|how come|aus welchem grund"
    r"|(?:was|wat|wos) (?:ist|is|war) (?:denn )?(?:der |de |da )?grund"
    r"|welche[rn]? (?:ursachen?|grunde?)|ursachlich"
    r"|for what reason|what(?:'s| is) the reason|what caused|wodurch"
    # a reason offered to check: "did tiktok leave cuz alibaba was too expensive?"
    r"|(?<=\w )(?:because(?: of)?|cuz|coz|bc|weil|wegen)(?= \w)"
    # what a penalty was for is its reason ("Wofür wurde Alibaba bestraft?", "what was the fine
    # for?"), not a purpose ("Wofür ist die Milliarde?")
    r"|wofur(?=[^?]{0,60}\b(?:strafe\w*|bestraft|busse|bussgeld|gestraft|verurteilt)\b)"
    r"|(?<=strafe )wofur|(?<=busse )wofur|(?<=strafe, )wofur|(?<=busse, )wofur"
    r"|(?<=fine )for(?=\s*\?)|(?<=fined )for(?: what)?(?=\s*\?)|(?<=penalty )for(?=\s*\?)"
    # "what (specific conduct) led (the regulators) to", "was hat zum Verlust geführt": only the
    # question word is taken, the words between stay the question's
    r"|what(?= (?:\w+ ){0,2}led (?:\w+ ){0,3}to\b)|was(?= (?:hat |hatte )?(?:\w+ ){0,3}"
    r"(?:gefuhrt|fuhrte|verursacht)\b)"
    # what someone did wrong asks the reason for what followed ("Was hat Alibaba verbockt,
    # dass die Strafe kam?"; "falsch gemacht", "did wrong" below)
    r"|was(?= (?:genau )?(?:hat|hatte|haben) (?:\w+ ){0,3}(?:verbockt|verbrochen|angestellt)\b)"
    # what drives someone to something: "Was treibt die Konzerne dazu, …?", "what pushed them
    # to spend more?"
    r"|what(?= (?:drives|drove|pushed|pushes|prompted|prompts|motivated|motivates|spurred)\b)"
    r"|was(?= (?:treibt|trieb|bewegt|bewog|veranlasst|veranlasste|bringt|brachte|zwingt)"
    r" (?:[\w'-]+ ){0,4}dazu\b)"
    r"|(?:the )?reasons? (?:for|behind)|(?:der |die )?grunde? (?:fur|dafur)"
    r"|falsch gemacht|(?:do|did|done) wrong"
    # what someone did to earn something: "What did Alibaba do to earn that fine?", "was hat
    # Alibaba verbrochen?" (not "was hat Alibaba verdient?": how much it earned)
    r"|what(?= (?:exactly |actually )?did (?:[\w'-]+ ){1,3}do to (?:earn|deserve|get|warrant"
    r"|provoke)\b)|do to (?:earn|deserve|warrant|provoke)"
    r"|(?:was|womit)(?= hat (?:[\w'-]+ ){1,4}(?:verbrochen|angestellt)\b)"
    # a reason to check: "Was it because of the price?", "War das wegen der Strafe?", also one
    # named inside the claim: "Hat TikTok Alibaba wegen Datenschutzbedenken verlassen?"
    r"|(?:(?<=\bit )|(?<=\bthat )|(?<=\bthis )|(?<=\bdas )|(?<=\bdes )|(?<=\bes ))because"
    r"|wegen|because of|due to|aufgrund"
    # what someone is accused of is the reason for a penalty ("Was wurde Alibaba vorgeworfen?")
    r"|was(?= (?:genau |konkret |eigentlich )?(?:wurde|wird|hat man|hatte man) (?:[\w-]+ ){0,3}"
    r"vorgeworfen\b)|vorwurfe?|accused of|accusations?|allegations?|alleged",
    # Who said something ("who said the bit about a digital future?", "Wer hat das mit der
    # digitalen Zukunft gesagt?"): an entry that reports what was said says who said it.
    "speaker": r"(?:wer|who|von wem)(?= (?:[\w'-]+ ){0,6}?(?:sagt|sagte|gesagt|gsagt|gesacht"
    r"|say|says|said|zitiert|quoted|stated|geaussert|aussert|ausserte|spoke|sprach|spricht)\b)"
    r"|von wem (?:stammt|kommt) (?:das|dieses|der|die) (?:zitat|aussage|satz|spruch)",
    # (not the beneficiary: "billion dollar for who?" asks what it is for)
    "who": r"wer|(?<!for )(?<!to )(?:who|whom)(?! (?:[\w'-]+ ){1,5}for\s*[?!.]*$)|whose|von wem"
    r"|bei wem"
    # how it is known asks who says so: "Woher weiß man das?", "Where does this info come from?"
    r"|woher (?:weiss|weis|wissen|wisst)\w*|how do (?:we|they|you) know"
    r"|where (?:does|do|did) (?:[\w-]+ ){0,4}(?:information|info|news|story|claim) come from",
    # an authority named as who did it: "the fine was levied by the American authorities?",
    # "kam von der EU?" (``agent_phrases``; a claim of it asks who)
    "agent": rf"(?:by|from|von|vom|durch)(?= {_AGENT})"
    rf"|(?={_AGENT_SUBJECT} (?:[\w-]+ ){{0,4}}{_IMPOSED}\b)",
    # (not a relative "wo": "die Konkurrenten, wo das Wachstum bremsen", "der wo")
    # ("woher weiß man das?" asks how it is known, not from where)
    # ("where do they come into it?", "wo kommt Huawei ins Spiel?" ask a part in the story)
    # ("wo kommt Huawei vor?" asks where the article mentions it)
    "where": r"(?<!, )(?<!der )(?<!die )(?<!das )wo(?! (?:[\w'-]+ ){1,3}ins spiel\b)"
    r"(?! (?:kommt|kommen|taucht|tauchen) (?:[\w'-]+ ){0,3}(?:vor|auf)\b)"
    r"|where(?! (?:do|does|did) (?:[\w'-]+ ){1,3}come in(?:to)?\b)|wohin|woher(?!" + _KNOWING + ")"
    # "which cities", "in welcher Stadt": the question word goes, the place word stays (not
    # countries: "In welchen Ländern?" is answered by the region, APAC)
    r"|(?:which|what)(?= (?:cities|city|places?)\b)|welche[nmrs]?(?= (?:stadt|stadte|stadten"
    r"|orte?n?)\b)",
    # More of what is named: "who else", "welche Firma noch", "besides AWS" (only an entry that
    # names several answers: the article names one big customer, one American rival)
    "others": r"(?:(?<=\bwer )|(?<=\bwho )|(?<=\bwas )|(?<=\bwhat )|(?<=\bwat )|(?<=\bwos ))"
    r"(?:sonst(?: noch)?|noch|else|more|alles)\b"
    r"|welche[nrms]? (?:anderen?|weiteren?)\b|welche[nrms]?(?= (?:[\w-]+ ){0,4}noch\b)"
    r"|(?:which|what|any) other\b|(?:any|some) ?(?:one|body|thing) else|other than|besides"
    r"|apart from|aside from|ausser|abgesehen von|sonst noch|noch (?:andere|weitere)\w*",
    "how": r"wie|how|auf welche weise|in what way|woher(?=" + _KNOWING + ")",
}
# The patterns are written as people spell; the text they run on is folded ("true" → "tru").
# Intents named by what is asked about, not by a question word: the words stay tokens too.
_TOPIC_INTENTS = frozenset({"company", "author", "name", "gist", "outlet"})
TOPIC_MARKERS = frozenset("?" + name for name in _TOPIC_INTENTS)
# Intents whose words stay words of the question: a topic, and what a mention frame names.
_KEPT_INTENTS = _TOPIC_INTENTS | {"mention"}
# Markers that qualify what is asked but are no word of it: they weigh nothing in the ranking.
SILENT_MARKERS = frozenset({"?agent", "?newsname", "?single", "?later", "?month", "?mention"})
# A claim's tag after a statement: "Jeff Zhang is stepping down – true?", "…, oder?". It begins
# where the statement's last word ends; every other intent begins a word.
_CLAIM_TAG = (
    r"\s*[,–—-]\s*(?:(?:is|was) (?:that|it|this) |ist (?:das|des) )?(?:true|correct|right|wahr"
    r"|richtig|oder(?: nicht)?|gell|gelle|nicht wahr|or not|or nah|fr|ja|ne|nee|eh|innit|izzit"
    r"|yeah|yea|yep|ya|no|aye|nich|nicht|wa|oda|odda|gelt|ned|net|right mate"
    r"|he|nu|na so|diay|zeker|c'?est ca|di ba|wallahi|stimmt doch|correct or not"
    r"|yes|neh|non|hein|woll|no ah"
    r"|(?:isn'?t|wasn'?t|didn'?t|don'?t|doesn'?t|aren'?t|weren'?t) (?:it|they|he|she|there)"
    r")(?=\s*\?*\s*$)"
)
# The marker of a group that is not named as its intent.
_GROUP_MARKER = {"claimtag": "claim"}


def _intents_from(start: str) -> str:
    """Every intent as a named group, each after ``start`` (the test's plain pattern puts a word
    boundary there)."""
    return "|".join(
        rf"{start}(?P<{name}>{_DIGRAPHS.sub(lambda m: m.group(0)[0], pattern)})\b"
        for name, pattern in _INTENTS.items()
    )


# Checking once that a word begins here, before trying some thirty intents, spares a third or
# more of the time an index build spends on this pattern (a test compares its markers with those
# of a word boundary before each intent).
_INTENT = re.compile(rf"(?<!\w)(?=\w)(?:{_intents_from('')})|(?<=\w)(?P<claimtag>{_CLAIM_TAG})\b")
_DIGIT = re.compile(r"\d")


def intent_pattern() -> str:
    """The question-word pattern's source: what a cache of tokens depends on besides the code."""
    return _INTENT.pattern


# Stop words: the stopwords-iso lists for German and English, plus chat fillers (hesitations,
# greetings and thanks in the readers' other languages: "ähm", "salam", "tack så mycket"),
# minus words that carry meaning in questions about a news article (numbers, time, "old",
# "Microsoft" …): a question about those must not shrink to a question the FAQ happens to answer.
_EXTRA_STOPWORDS = """
lol pls plz bitte btw ok okay hey hallo moin servus yo thx danke wat r u ur ya gibts gibt's gehts
vorhin selber howya ting
falls bzw beziehungsweise bspw usw etc zb gelesen gelesn lese lesen read
eigentlich eig mal halt eben konkret genau uberhaupt kurz erklar erklare erzahl erzahle sag
meldung news tell explain pls please hi hello
stimmt stimmen richtig wahr falsch ungefahr etwa grob
geplant planen plant plante vorgesehen gedacht bedeutet bedeutete bedeuten heisst hiess
passiert passierte geschehen geschah gemacht macht machen tun tut getan bekommen bekommt
bekam kriegen kriegt geben gab gegeben nimmt nehmen genommen sagen sagt sagte gesagt meint
meinen meinte gemeint erfahren wissen weiss gewusst steht stehen stand gehen geht ging kommt
kommen kam infos info informationen information details naher genaueres thema sache stands
mean means meant happen happened happens happening plan planned plans planning going gonna
want wants wanted get gets got getting give gives gave given make makes made making do does
did done say said says tell told know knows think thinks exactly actually really basically
main nutshell info information details detail thing things stuff regarding
kind sort type true correct right fact facts briefly short quick quickly receive receives
woraus worauf wodurch womit wovon worum woran
received erhalten erhalt erhielt
hinsichtlich bekomen jemacht gsacht gebn fia tho nochma total overall insgesamt gesamt
lowkey highkey ngl tbh imo imho fr frfr bro bruh dude mate digga alter echt krass rn wait curious
wild sounds kinda sorta wanna tryna nah yeah yep nope cap lmao omg guys folks legit literally
honestly seriously hald gell gall isch des dene dr hend hen au bloss ebbes net nit weisch gsi
ischs hogt tuet tut
rein raus drauf dran rum hinein heraus ruber runter rauf grad sowieso nee
bruder bruda wallah vallah lan ey yalla moruk ischwor schwor schwore
nich nix ham hamm mol het hett nu kiek zeug kram gekriegt kriegen krieg janz jenau ebend dat
woin woi wolln wolle wolled solln hebbt hot hod hom haum san sand gsogt gsagt sogt gwa woa warn
isn de un oida heast eini gaunze gaunz gonze eechendlich eegentlich eigentli iwie jut
och wee aye homma weisse alla ens gnau edz sef abi dey lah leh innit oi blimey howay jitt issit
liao lor meh hor wor izzit kena haiz aiyo aiyah alamak walao wah
dale che boludo
lag lagen belief beliefen
kindly ma
herr frau seitens angeblich vorliegend vorliegende vorliegenden betreffend betreffende
komma punkt fragezeichen safe wtf bekleidet bekleiden
gentleman gentlemen bloke chap fella fellow kerl
zusammenhang kontext context erwahnt erwahnen mentioned mention mentions
rahmen beabsichtigt beabsichtigen beabsichtige intends intend intended tatsachlich eher direkt
respect expected erwartet passed ook
lediglich merely diente dient dienen besteht bestehen gerat geraten
bot botik chatbot
boah boa ding dinger dingen dings
cos coz cuz terms verstehen verstanden headline hand handen
frame framed framing ordnet einordnen eingeordnet suggests imply implies portray portrayed
betreffenden sogenannt sogenannte sogenannten gedenkt gedenken ordentlich klingt ausgerechnet
welchm welchra welcha welchs weli welli irgendwo ausweislich etwaige etwaigen cited according
zufolge gemass
hai hain tha thi ka ke ki ko se mein bhi kya raha rahe rahi hua hue kar karenge karta karte
bhai yaar unka unko isme isse aaya laga diya sahi ab ne pe ye yeh aur
po yung ung ng nila nya niya ba mga naman kasi yun iyon ano anong
allfallig allfallige allfalligen
nochmal nochmals nomml nochamal nomal eijentlich eijentlisch jeck alltsa irgendwas
ahm aeh ahem hmm hmmm uhm umm ehm erm joa tja woisch
"""
# Thanks and greetings in the readers' other languages: a message of only these is thanks or a
# greeting (``wrappers``), and inside a question their words are stop words.
THANKS_ABROAD = (
    *"obrigado obrigada gracias grazie asante shukran arigato dankie dziekuje spasibo kiitos"
    " tesekkurler hvala dekuji koszonom mersi merci xiexie dhanyavad shukriya efharisto"
    " takk bedankt dankjewel grazzi multumesc paldies aitah aciu mahalo gomawo kamsahamnida"
    " rahmat sagol tack".split(),
    *("grazie mille", "asante sana", "terima kasih", "salamat", "salamat po"),
)
HELLOS_ABROAD = (*"namaste hola salam salaam shalom jambo habari aloha sawubona".split(), "kia ora")
# Greetings and thanks in the readers' other languages: stop words, and a call before a question
# when they stand before a comma ("kia ora! so …", ``bot.wrappers``).
GREETINGS_ABROAD = frozenset(
    """
hej ciao merhaba ola bonjour danki masha tack mycket fakafetai malo sawa goeie mabuhay selamat
sawasdee xin chao konnichiwa annyeong nihao privet dzien dobry ahoj szia yassou inshallah mashallah
habibi bom dia buenos dias buongiorno bonsoir gruezi
""".split()
) | {
    w
    for phrase in THANKS_ABROAD + HELLOS_ABROAD
    for w in phrase.split()
    if w not in {"po", "sana", "mille"}
}
_KEEP = """
microsoft computer research billion million trillion thousand hundred year years
old older oldest young younger youngest state states world value home bill announce forward
date early help system website member members work worked working test area areas order
problem problems page pages end today tomorrow yesterday morgen heute gestern mensch menschen
jahr jahre jahren drei neun zeit mann gott first erste ersten number numbers zero
kind free open fire face room line ring name ma us artikel text article quid auskunft
important importance significant verbrochen verbrechen verbricht legend
"""


def _fold_set(words: str | Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in (words.split() if isinstance(words, str) else words))


# Everyday words kept for their meaning: real words, never a typo of an FAQ word ("heute" is
# not "Leute").
KEPT_WORDS: frozenset[str] = _fold_set(_KEEP)
STOPWORDS: frozenset[str] = (
    _fold_set(stopwordsiso.stopwords(["de", "en"])) | _fold_set(_EXTRA_STOPWORDS) | GREETINGS_ABROAD
) - KEPT_WORDS
# The stop words of other languages written in Latin letters: a reader's "bueno", "niin",
# "allora" around a German or English question, when the FAQ doesn't know the word.
_LATIN_LANGUAGES = (
    "af br ca cs da eo es et eu fi fr ga gl ha hr hu id it la lt lv ms nl no pl pt ro sk sl so st"
    " sv sw tl tr vi yo zu"
)
FOREIGN_STOPWORDS: frozenset[str] = (
    _fold_set(stopwordsiso.stopwords(_LATIN_LANGUAGES.split())) - STOPWORDS - KEPT_WORDS
)
# Regional function words ("berapa", "kitna": "how much") count as none of a question's own.
FUNCTION_WORDS: frozenset[str] = STOPWORDS | {
    word for word, standard in _REGIONAL_WORDS.items() if set(standard.split()) <= STOPWORDS
}


@dataclass(frozen=True, slots=True)
class Normalizer:
    """Turns text into the canonical tokens the matcher compares.

    ``synonyms`` maps a canonical token to the words read as it (see knowledge/synonyms.yaml).
    """

    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _lookup: dict[str, str] = field(init=False, repr=False, compare=False)
    _folded: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Building an index reads each FAQ text several ways (words, tokens, parts): fold once.
        # The cache lives and dies with this normalizer, i.e. with one loaded knowledge (and,
        # a plain dict, it pickles with it to and from the process that loads knowledge).
        object.__setattr__(self, "_folded", {})
        lookup: dict[str, str] = {}
        for canonical, words in self.synonyms.items():
            folded_canonical = fold(canonical)
            for word in (canonical, *words):
                folded = fold(word)
                for token in self._raw_tokens(folded) or [folded]:
                    lookup[token] = folded_canonical
        object.__setattr__(self, "_lookup", lookup)

    @staticmethod
    def _raw_tokens(folded: str) -> list[str]:
        text = folded
        if _DIGIT.search(text):
            text = _THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)
            text = _DECIMAL_COMMA.sub(".", text)
            text = _K_SUFFIX.sub(lambda m: m.group(1) + "000", text)
        return _TOKEN.findall(_HYPHEN_JOIN.sub("", text))

    def _fold(self, text: str) -> str:
        folded = self._folded.get(text)
        if folded is None:
            if len(self._folded) >= FOLD_CACHE:  # questions keep coming: start afresh
                self._folded.clear()
            folded = self._folded[text] = fold(text)
        return folded

    def canonical(self, word: str) -> str:
        """The canonical token for an already folded word (itself if it has no synonyms)."""
        return self._lookup.get(word, word)

    @property
    def synonym_words(self) -> frozenset[str]:
        """Every folded word that the synonym table maps (typo correction aims at these too)."""
        return frozenset(self._lookup)

    def words(self, text: str) -> list[str]:
        """The folded words of ``text`` before stop words and synonyms, hyphenated compounds
        both joined and as parts."""
        return self._raw_tokens(self._with_parts(self._fold(text)))

    @staticmethod
    def _with_parts(folded: str) -> str:
        parts = (_HYPHEN_JOIN.sub(" ", m.group(0)) for m in _HYPHENATED.finditer(folded))
        return folded + " " + " ".join(parts)

    def tokens(
        self,
        text: str,
        *,
        intents: bool = True,
        parts: bool = False,
        known: Collection[str] = frozenset(),
    ) -> list[str]:
        """Return the canonical content tokens of ``text`` (intent markers first, if asked).

        With ``parts`` a hyphenated compound also yields its parts ("März-Quartal" → marzquartal,
        marz, quartal): the FAQ side uses it so that either form of a question finds it.
        Two adjacent words that together form a word in ``known`` (or in the synonym table),
        at least one of them unknown on its own, are read as that word: "tik tok" → tiktok.
        """
        folded = standard_words(self._fold(text))
        if parts:
            folded = self._with_parts(folded)
        markers: list[str] = []
        if intents:

            def mark(match: re.Match[str]) -> str:
                name = match.lastgroup or ""
                marker = "?" + _GROUP_MARKER.get(name, name)
                if marker not in markers:
                    markers.append(marker)
                # A question word goes; a thing asked about stays a word too ("Mitarbeiter").
                return match.group(0) if name in _KEPT_INTENTS else " "

            folded = _INTENT.sub(mark, folded)
        out: list[str] = []
        for raw in self._joined(self._raw_tokens(folded), known):
            token = self._lookup.get(raw)
            if token is None and raw in STOPWORDS:
                continue
            token = token or raw
            if len(token) == 1 and not token.isdigit() and token != "%":
                continue
            out.append(token)
        return markers + out

    def _joined(self, words: list[str], known: Collection[str]) -> list[str]:
        """Join two words (three letters or more, one of them unknown) into a known one."""
        lookup = self._lookup
        if not any(a + b in known or a + b in lookup for a, b in pairwise(words)):
            return words  # the usual case, and the fast path: no two words make a known one
        out: list[str] = []
        index = 0
        while index < len(words):
            pair = words[index : index + 2]
            joined = "".join(pair)
            if (
                len(pair) == 2
                and min(len(pair[0]), len(pair[1])) >= 3
                and not (pair[0] in known and pair[1] in known)
                and (joined in known or joined in self._lookup)
            ):
                out.append(joined)
                index += 2
            else:
                out.append(words[index])
                index += 1
        return out


_STEMMERS = (snowballstemmer.stemmer("german"), snowballstemmer.stemmer("english"))


def stems(token: str) -> frozenset[str]:
    """The German and English Snowball stems of a folded token ("entwicklern" → "entwickl")."""
    return frozenset(stemmer.stemWord(token) for stemmer in _STEMMERS)


_NUMBER_WORDS = _fold_set(
    """
    eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf hundert tausend million
    millionen milliarde milliarden mio mrd prozent one two three four five six seven eight nine
    ten eleven twelve hundred thousand million millions billion billions bn percent
    """
)


# "Welche Schulungen genau?", "which courses exactly": the words a which-question asks about,
# when it asks for exactly which ones.
_WHICH = re.compile(
    r"\b(?:welche[nmrs]?|which|what are the(?: other)?|was fur(?: eine?[nmrs]?)?"
    r"|what (?:kinds?|sorts?|types?) of)((?: [^\W\d_]+(?:-[^\W\d_]+)?){1,2})"
)
_EXACTLY = re.compile(
    r"\b(?:genau|exactly|konkret\w*|specific\w*|precise(?:ly)?|im einzelnen|in detail)\b"
)


# … or asks which ones of what it names before: "„und anderen Möglichkeiten“ – welche denn?"
_WHICH_THEN = re.compile(r"^(.*\w)\W*\s[–—-]\s*welche (?:denn|dann)\W*$")


def which_exactly(text: str) -> str:
    """The words after "welche"/"which" in a question that asks which ones exactly (or before
    "– welche denn?"), else ""."""
    folded = fold(text)
    then = _WHICH_THEN.match(folded)
    if then:
        return then.group(1)
    if not _EXACTLY.search(folded):
        return ""
    return " ".join(m.group(1).strip() for m in _WHICH.finditer(folded))


_HOW_MUCH = re.compile(
    r"\b(?:wie ?viele?n?|how (?:much|many)"
    r"|wie (?:hoch|gross) (?:ist|war|sind|waren) (?:der|die|das)) ((?:[\w-]+ )?[\w-]+)"
)


def how_much_of(text: str) -> str:
    """The words right after "wie viel"/"how much" ("wie viel Verlust?"): what a figure is
    asked of, else ""."""
    return " ".join(m.group(1) for m in _HOW_MUCH.finditer(fold(text)))


def has_number(text: str) -> bool:
    """Whether ``text`` states a number, in digits or in words ("1 Mrd.", "drei Jahre")."""
    words = _TOKEN.findall(fold(text))
    return any(w[0].isdigit() or w in _NUMBER_WORDS for w in words)
