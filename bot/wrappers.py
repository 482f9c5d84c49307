"""Stage 1, chat wrappers: find the question(s) inside a chat message.

Readers wrap questions in chat: a greeting ("Moin, kurze Frage: …"), a remark ("hab den Artikel
nur kurz gelesen …"), thanks and sign-offs ("Danke vorab!", "Kind regards"), a polite frame
("I was wondering …", "Könnten Sie mir sagen, …"), or two questions in one message. ``unwrap``
returns at most ``MAX_PARTS`` question texts with all of that removed, or says that the message
was only a greeting, thanks, a goodbye or a reaction to the last reply ("ok", "alles klar", "👍")
(``social``), which gets a friendly reply instead of a decline.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.normalize import (
    FOREIGN_STOPWORDS,
    FUNCTION_WORDS,
    GREETINGS_ABROAD,
    HELLOS_ABROAD,
    THANKS_ABROAD,
    WORD,
    fold,
)
from bot.result import Social

MAX_PARTS = 2
FOLLOW_UP_WORDS = 3  # "und in welchem Jahr?": a part this short is read with the one before it
BARE_LEAD_WORDS = 3  # words before a question word that make a lead-in without a comma
REFERRING_WORDS = 6  # "und wie viel Geld ist das?": a part this short that points back, too

# Every pattern runs on lightly folded text of the same length (lower case, umlauts without dots,
# ß as s: "grüß" → "grus", "für" → "fur"), so that a match cuts the original text.
_LIGHT = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s", "’": "'", "é": "e", "è": "e"})


def _light(text: str) -> str:
    folded = text.lower().translate(_LIGHT)
    return folded if len(folded) == len(text) else text.translate(_LIGHT)


_GREETING = (
    r"(?:hallo|hello|hallochen|hi|hey|heya|hiya|yo|moin|moin moin|servus|gru(?:ss|s) gott"
    r"|gruezi|salut|" + "|".join(HELLOS_ABROAD) + r""
    r"|guten (?:tag|morgen|abend)|good (?:morning|afternoon|evening|day)|morning|g'?day"
    r"|dear (?:sir or madam|sir|madam|team|bot|helper|friends?|assistant|all|colleagues)"
    r"|sehr geehrte damen und herren|sehr geehrte[rs]?"
    r"|liebe[rs]? (?:herr |frau )?(?:bot|team)|dear mr\.? bot|mornin'?|hallo zusammen"
    r"|hello everyone|hi everyone|hi there|hey there"
    r"|hi hi|hallo bot|hi bot|hey bot|respected (?:sir|madam|sir/madam|team|all)"
    # a ping: "Funkcheck: Bot, hörst du mich?", "are you there?"
    r"|(?:funk)?check|test|testing|ping|horst du mich|bist du (?:noch )?da|are you (?:still )?there"
    r"|can you hear me|\+1|bot"
    # small talk with the bot: "how are you?", "wie geht's dir?", "na, wie läuft's?"
    # (as a whole: "Wie geht's weiter mit AsiaForward?" asks about the programme)
    r"|(?:how (?:are|r) (?:you|u|ya)(?: doing| today)?|how'?s it going|how are things|what'?s up"
    r"|wassup|wie geht'?s(?: dir| ihnen| euch)?|wie geht es (?:dir|ihnen|euch)"
    r"|(?:na,? )?wie lauft'?s)(?=\W*$))"
    r"(?: (?:bot|mate|folks|all|zusammen|leute|du|everyone|there))?"
)
_THANKS = (
    r"(?:(?:vielen |herzlichen |besten |tausend )?dank(?:e| dir| euch| ihnen)?"
    r"(?: (?:schon |im )?(?:vorab|voraus|im voraus))?(?: (?:fur|fuer|for) .{0,40})?"
    r"|(?:thx|thanks?|ta)(?: (?:a lot|a ton|a million|a bunch|loads|heaps|so much|very much))?"
    r"(?: (?:in advance|for .{0,40}))?"
    r"|thank you(?: (?:so much|very much|kindly))?(?: (?:in advance|for .{0,40}))?"
    r"|many thanks|much obliged|cheers|merci(?: vielmal)?|appreciate it|much appreciated"
    r"|(?:kindly |please )?revert (?:at the earliest|asap|soon)"
    r"|(?:mit )?(?:freundlichen|besten|lieben|viele) gru(?:ss|s)(?:e|en)?"
    r"|(?:liebe |beste |viele )?gru(?:ss|s)e"
    r"|lg|vg|mfg|kind regards|best regards|regards|best|(?:have a )?(?:nice|great|good) "
    r"(?:day|weekend|evening)|schonen (?:tag|abend)|en schone tag"
    r"|you'?re a star|danke dir|thank u|ty"
    # in other languages: "Obrigada!", "gracias", "asante sana"
    r"|" + "|".join(sorted(THANKS_ABROAD, key=len, reverse=True)) + r""
    # what the reply did: "du hast mir sehr geholfen", "Sie waren mir eine große Hilfe", "that
    # was really helpful"
    r"|(?:du hast|hast|sie haben|ihr habt|das hat|des hat) (?:mir|uns) (?:(?:echt|sehr|wirklich"
    r"|so|total|voll|viel|sehr viel) )*(?:geholfen|gholfa|gholfen|weitergeholfen)"
    r"|(?:sie waren|du warst|das war|des war|you were|you'?ve been|that was|that'?s|this was)"
    r" (?:mir |uns )?(?:(?:eine|a|very|so|really|super|echt|sehr|wirklich|truly) )*"
    r"(?:(?:gro(?:ss|s)e|great|big|huge) )?(?:hilfe|help|helpful|hilfreich)"
    # praise: "Thanks a million, you're very good.", "du bist echt spitze"
    r"|you(?:'?re| are) (?:(?:very|so|really|truly|simply) )?(?:good|great|awesome|amazing"
    r"|helpful|brilliant|the best|a legend|a gem|a lifesaver)|good bot|great job|well done"
    r"|du bist (?:echt |wirklich |so |einfach )?(?:super|toll|klasse|spitze|genial|der beste"
    r"|die beste|ein schatz))"
    # with the one thanked: "danke mein Schatz", "thanks mate"
    r"(?:,? (?:mein(?:e)? )?(?:schatz|liebling|engel|junge|bro|mate|dear|love|buddy|digga|legend))?"
)
# Goodbyes: "tschüss", "bye bye", "bis dann", "gute Nacht", "pfiat di".
_FAREWELL = (
    r"(?:tschu(?:ss|s)(?:i|chen)?|tschau|ciao|bye(?: bye)?|bye-bye|goodbye|good bye"
    r"|see (?:you|ya|u)(?: (?:later|soon|tomorrow))?|cya|later|laters|take care"
    r"|bis (?:dann|spater|bald|morgen|zum nachsten mal)|gute nacht|good ?night|gn8"
    r"|ade|adieu|pfiat (?:di|eich|enk)|mach'?s gut|machts gut|auf wiedersehen|auf wiederschauen)"
    r"(?: (?:bot|mate|zusammen|leute|all|everyone|du))?"
)
# Prompts that ask without a question word, as set in exercises and quizzes ("Nenne zwei
# Konkurrenten.", "Erkläre kurz, wie …", "Describe how the cloud business grew.") or given as
# orders ("Gib mir den Namen", "give me the numbers"), with the haste they are given in ("nenn
# mir noch schnell …": "schnell" is no pace asked about).
_PROMPT = (
    r"(?:(?:nenne|nennen sie|nenn|erklare|erklaren sie|erlautere|erlautern sie|beschreibe"
    r"|beschreiben sie|begrunde|begrunden sie)(?: (?:mir|uns))?"
    r"|gib an|geben sie an|fasse zusammen|(?:gib|gebt|geben sie|zeig|zeigt|zeigen sie) (?:mir|uns))"
    r"(?: (?:kurz|mal|bitte|genau|kurz und knapp|noch|schnell|eben|rasch))*"
    r"|(?:name|list|explain|describe|outline|state|identify|give(?: me| us)?)"
    r"(?= (?:the|two|three|all|some|what|how|why|which|who|where|when|whether)\b)"
)
# Question words a frame never ends in (what follows them is the question itself).
_ASKING_WORD = (
    r"wer|who|was|what|wat|wos|wie|how|warum|why|wann|when|wo|where|welche\w*|which|ob|is|ist"
)
# Words for the article itself.
_TEXT_WORD = r"article|artikel|text|piece|bericht|report|story|headline|uberschrift|bloomberg"
# Polite or chatty frames before the question itself.
_FRAMES = [
    r"(?:ich habe|ich hab|hab|i have|i've got|got) (?:mal )?(?:eine|ne|a) (?:kurze |kleine )?"
    r"(?:frage|question)(?: (?:zum|zu dem|about the|on the) (?:artikel|text|article))?",
    r"(?:mal )?(?:noch )?(?:eine |ne )?(?:kurze |kleine |schnelle |letzte )?frage"
    r"(?: (?:zwischendurch|fur mein \w+|an dich|an euch))?",
    r"(?:a |one )?(?:quick|small|short|little) (?:one|question|doubt)(?: if you don'?t mind)?",
    r"(?:(?:one|a) )?(?:last|final|more) question|one more",
    r"(?:one )?(?:small )?doubt",
    r"(?:i was|i am|i'm|im) (?:just )?(?:wondering|curious)(?: (?:if|whether|about))?",
    r"(?:i would|i'd) (?:like|love) to know(?: (?:if|whether))?",
    # (the bot addressed in the third person: "Could the bot please tell me …")
    r"(?:could|can|would) (?:you|the bot) (?:please |kindly )?(?:tell|remind|explain to) me"
    r"(?: please)?",
    r"(?:could|can|would) (?:you|the bot) (?:please |kindly )?(?:tell|explain)(?: please)?",
    r"(?:please |kindly )?(?:tell|explain to|remind) me",
    r"kindly (?:tell|explain|guide)(?: me)?",
    # requests in formal Indian English: "Kindly revert with the duration", "Please do the
    # needful and share the name of …", "Could you kindly clarify the number of …"
    r"(?:(?:please|kindly) (?:do the needful and )?|(?:could|can|would) you (?:please |kindly )?)"
    r"(?:share|provide|inform|revert|clarify|confirm|let (?:me|us) know|update)"
    r"(?: (?:me|us))?(?: (?:with|of|about|on|regarding))?",
    r"(?:konnten|konnen|kannst|konntest|wurden|wurdest) (?:sie|du) mir (?:bitte )?"
    r"(?:sagen|erklaren|erlautern|verraten)",
    r"(?:sag|erklar|erzahl) (?:mir )?(?:mal|bitte)?",
    # exercise labels and prompts: "Aufgabe 2: Erkläre, wie …", "Q3. Name the two rivals"
    r"(?:aufgabe|teilaufgabe|ubung|frage|task|question|exercise|q) ?\d+[a-z]?\)?",
    _PROMPT,
    r"ich (?:hatte|hatt|wurde) (?:gern|gerne) (?:gewusst|wissen)",
    r"ich (?:frage|frag) mich|ich (?:habe|hab) mich (?:\w+ )?gefragt|i'?ve been wondering",
    r"(?:ich )?(?:hab|habe) (?:gehort|gelesen)|(?:i )?(?:heard|read) (?:that|somewhere that)?",
    r"(?:mich )?(?:wurde|wurd) (?:mal )?interessieren",
    # what the article says about a thing asks about the thing: "Was sagt der Text über
    # Meituan?", "What does the article say about Meituan?", "steht irgendwo was zu Tencent?"
    r"(?:was|what|wat|wos)(?:,? if anything,?)? (?:sagt|steht|does|do) (?:der|die|das|the|this"
    r"|dieser|diese|im) (?:text|artikel|article|piece|bericht|story|beitrag)(?: say| drin)?"
    r" (?:uber|zu|about|on|regarding|zum|zur)",
    r"steht (?:da |irgendwo |im (?:text|artikel) |da im (?:text|artikel) )?(?:was|etwas)"
    r" (?:uber|zu|zum|zur)",
    r"(?:darf|durfte|kann|konnte) ich (?:sie |dich |euch )?(?:(?:hoflich|mal|kurz|bitte|noch"
    r"|nochmal) )*(?:fragen|nachfragen)|(?:may|might|can) i (?:(?:just|also|politely) )?ask",
    r"(?:weiss?t|wisst|wissen) (?:du|ihr|sie)(?: zufallig)?",
    r"(?:ok|okay|so|also|na ja|naja|nun|and|und|but|aber|ok but|okay but|ok aber|well)",
    r"(?:quizfrage|quiz|trivia|betreff|betrifft|re|bzgl|bezuglich|zum thema|thema|topic"
    r"|(?:zum )?stichwort|apropos|keyword"
    r"|regarding|about)",
    # apologies for asking: "forgive an old man for asking, but …", "Entschuldigen Sie bitte, …"
    r"(?:please )?(?:forgive|excuse|pardon) (?:me|an old (?:man|woman|lady|fellow)|my \w+)"
    r"(?: for (?:asking|bothering you|the question))?|sorry(?: to bother(?: you)?| for asking"
    r"|(?: to| ah| for)? disturb(?:ing)?(?: you)?"
    r"| if this is a (?:silly|dumb|stupid|daft) question)?|(?:entschuldigen sie|entschuldige"
    r"|verzeihen sie|verzeih|sorry)(?: (?:bitte|mir))?(?: (?:die|meine) (?:storung|frage"
    r"|unkenntnis|neugier|unwissenheit|ahnungslosigkeit))?"
    r"|entschuldigung|verzeihung",
    # who told the reader what the question checks: "Onkel Manfred sagt, die mussten 10
    # Milliarden zahlen – stimmt das?", "Carmen says Alibaba lost money …", "Papa fragt, ob …"
    # (not the article itself: "the article says growth was 37 %" is what the reader knows)
    rf"(?!{_ASKING_WORD}\b)(?!(?:[\w'.-]+,? ){{0,3}}(?:{_TEXT_WORD})\b)(?:[\w'.-]+,? ){{1,4}}?"
    r"(?:sagt|sagte|meint|meinte|behauptet|behauptete|glaubt|glaubte"
    r"|(?:erzahlt|erzahlte)(?: mir)?|schreibt|says|said|reckons|thinks|claims|insists"
    r"|swears|tells me|told me"
    r"|(?:is|was|keeps|kept) (?:saying|telling me|claiming)"
    # … or the bot itself, earlier: "Du meintest eben, …", "You mentioned before that …"
    r"|meintest|sagtest|schriebst|erwahntest|(?<=you )(?:mentioned|wrote|explained)"
    r"|fragt|fragte|asks|asked|wants to know)(?: (?:eben|vorhin|vorher|gerade|earlier|before"
    r"|previously))?(?:,? (?:dass|that|ob|whether|if))?"
    rf"(?!,? (?:{_ASKING_WORD})\b)",
]
_FRAME = re.compile(r"(?:(?:" + "|".join(_FRAMES) + r")\b[\s,:;.!-]*)+")
_ASKING_PROMPT = re.compile(rf"(?:{_PROMPT})\b")
_GREETING_ONLY = re.compile(rf"^(?:{_GREETING}|\s|[,.!:;?-])+$")
_FAREWELL_ONLY = re.compile(rf"^(?:(?:{_FAREWELL})\b|\s|[,.!:;-])+$")
# Thanks, with or without a goodbye: "danke, tschüss".
# (with an acknowledgement: "cool thx", "super, merci")
_ACKNOWLEDGED = r"cool|nice|great|awesome|perfect|perfekt|super|top|klasse|prima|sweet|lovely"
_THANKS_ONLY = re.compile(
    rf"^(?:(?:{_ACKNOWLEDGED})\b[\s,.!]*)?(?:(?:{_THANKS}|{_FAREWELL})\b|\s|[,.!:;-])+$"
)
# A reaction to the last reply and nothing else: "ok", "alles klar", "got it", "wow", "krass",
# "👍" (not "fine", the article's fine asked about in one word).
_ACK = (
    r"ok|okay|oki|okey|okidoki|kk|k|alles klar|alright|all right|got it|gotcha|i see|understood"
    r"|verstehe|verstanden|ach so|achso|aha|ah|oh|ohh|hm+|interesting|interessant|krass|wow|whoa"
    r"|lol|haha+|hihi|jo|yes|yeah|yep|ja|jap|jep|gut|good|passt|geht klar|roger|noted|makes sense"
    r"|macht sinn|" + _ACKNOWLEDGED
)
_ACK_ONLY = re.compile(rf"^(?:(?:{_ACK})\b|\s|[,.!:;-])+$")
_LEADING_ACK = re.compile(rf"^(?:(?:{_ACK})\b[\s,.!:;-]*)+")
_LEADING_GREETING = re.compile(rf"{_GREETING}\b[\s,:;.!-]*")
_TRAILING_THANKS = re.compile(rf"[\s,:;.!-]*\b(?:{_THANKS})\s*[.!]*$")
# A polite aside at the end, before the question mark: "…, wenn ich fragen darf?"
_TRAILING_POLITE = re.compile(
    r"[\s,;-]*\b(?:(?:wenn|falls) ich (?:mal |so |das )?fragen darf|if i may(?: ask)?"
    r"|if you don'?t mind(?: me asking)?|if (?:that'?s|it'?s) not too much to ask"
    # the idiom "who's X when he's at home?" asks who X is
    r"|when (?:he|she|it|they)(?:'?s| is| are|'re) at home)(?=[\s?.!]*$)"
)
# How simply the reader wants it said is no word of what is asked: "was ist AsiaForward in
# einfachen Worten?", "what's the headline, in plain English?", "explain like I'm 12".
_PLAINLY = re.compile(
    r"[\s,;-]*\b(?:(?:in|mit) (?:ganz |sehr |mal )?einfache?[nmr]? (?:worte[rn]?|satze[n]?|sprache"
    r"|deutsch)|in (?:plain|simple|easy|layman'?s?|normal) (?:english|words|terms|language)"
    r"|(?:explain(?:ed)? )?like (?:i'?m|i am|im) (?:a )?(?:five|5|ten|10|twelve|12|child|kid)"
    r"(?: years? old)?|eli5|einfach (?:erklart|gesagt))\b(?=[\s,.!?;:-]|$)"
)

# A topic before a colon is what the question after it is about: "bzgl Strafe: wie hoch und
# von wem?", "Jeff Zhang: wer ist das?" (a label or greeting there is stripped as a frame).
_TOPIC = re.compile(r"^((?:[^\W\d_][\w.-]*\s?){1,2}):\s+(?=\w)")
# … and so is a short topic before a dash at the start: "Eine Million Talente – wie wollen die
# das schaffen?", "Rechenzentren – was sagt der Cloud-Chef dazu?" (its dash is kept, in a form
# that doesn't split segments: "Tencent, Meituan – figures?"). A longer remark there is dropped.
_DASH_TOPIC = re.compile(r"^((?:[\w.%-]+,?\s){0,3}[\w.%-]+)\s+[–—-]\s+(?=\w)")
_TOPIC_DASH = "\u2e3a"

# Tag and meta questions: they ask about the statement before them.
_TAG_QUESTION = re.compile(
    r"(?:(?:und|and|also|so|ok|oder|or) )?(?:stimmt (?:das|des|es)"
    r"|ist (?:das|des) (?:so|wahr|richtig)|isch (?:des|das) (?:so|wahr)|ist da was dran"
    r"|oder nicht|oder|gell|gall|nicht wahr"
    r"|(?:is|was) (?:that|it|this) (?:right|true|correct|so)|right|true|correct|fr|or nah|or not"
    r"|(?:steht|stand|kommt) (?:das|des|davon) (?:\w+ ){0,2}(?:im|in dem) (?:artikel|text)"
    r"(?: drin)?|(?:does|did|is) (?:the )?(?:article|piece|text) (?:say|mention) (?:that|this|so"
    r"|anything about (?:it|that|this))|weisch des|weisst du das|do you know)\s*\?*\s*[.!]*"
)
# A Telegram handle, which addresses someone: no word of the question.
_HANDLE = re.compile(r"(?<![\w.])@\w+[,:]?\s*")
# A dot after an abbreviation or inside a number ends no sentence: "1 Mrd. USD", "z.B.".
_ABBREVIATION = re.compile(
    r"\b(Mrd|Mia|Mio|Tsd|Nr|bzw|ca|Dr|Hr|Fr|Hrn|inkl|usw|etc|vs|Co|Ltd|Inc|bn|mn|approx|ggf|evtl|lt|gem"
    r"|z|u|d|B|a|h"
    r"|\d+)\.(?=\s*\w)",
    re.IGNORECASE,
)
_DOT = "\u2024"
# A passage quoted from the article ends no sentence inside it ("„Quelle: Bloomberg“?? gibts
# einen link"), and a message that quotes it and then asks asks about it ("„und anderen
# Möglichkeiten“?? welche denn").
_QUOTED = re.compile(r"[„“\"«‚][^„“”\"«»]{2,200}?[“”\"»‘]")
_INSIDE_QUOTE = str.maketrans(
    {".": _DOT, ":": "\u2236", "!": "\u01c3", "?": "\u0294", ";": "\u037e"}
)
_OUTSIDE_QUOTE = str.maketrans({v: chr(k) for k, v in _INSIDE_QUOTE.items()})
_QUOTE_ONLY = re.compile(r"[„“\"«‚][^„“”\"«»]+[“”\"»‘]\s*[?!.]*")
# Segment boundaries: sentence ends, colons, dashes between spaces, emoji and other symbols.
_EMOJI = "\U0001f000-\U0001ffff\u2600-\u27bf"  # (a character class's ranges)
_SEGMENT = re.compile(rf"(?<=[.!?:;])\s+|\s+[–—-]\s+|[{_EMOJI}][{_EMOJI}\ufe0f\u200d]*")
# A question about the bot itself, not the article: "who are you?", "was kannst du?", "help".
_ABOUT_THE_BOT = re.compile(
    r"^(?:(?:hi|hey|hallo|ok|okay|so|und|and|aber|but)[,!]?\s+)?"
    r"(?:who are (?:you|u)|what are (?:you|u)|what can (?:you|u) do|what do (?:you|u) do"
    r"|what (?:is|'s) this bot|how do (?:you|u) work"
    r"|are (?:you|u) (?:a |an )?(?:human|person|bot|robot|ai|chatgpt|real)|help|hilfe"
    r"|wer bist du|was bist du|was kannst du|was machst du|wie funktionierst du"
    r"|bist du (?:ein |eine )?(?:mensch|bot|roboter|ki|chatgpt|echt)|was ist das fur ein bot)"
    r"(?: (?:eigentlich|genau|denn|uberhaupt|so|exactly|even|actually))*[\s?!.]*$"
)
# A message of emoji alone ("👍", "😂"): a reaction, too.
_EMOJI_ONLY = re.compile(rf"^[\s{_EMOJI}\ufe0f\u200d]+$")
# A question word at a segment's start (folded): German and English.
_QUESTION_START = re.compile(
    r"^(?:wer|wie|was|wann|wo|warum|wieso|weshalb|welche\w*|wem|wen|wozu|woher|wohin|worauf"
    r"|woran|womit|wofur|seit|stimmt|gibt|hat|ist|sind|kann|soll|wird|who|what|whats|when"
    r"|where|why|which|how|is|are|does|did|do|can|will|has|was|were)\b"
)
# A part that goes on asking after a question: "and …", "und …" (a question word, "aber" or
# "also" may start a remark: "was für ein Chaos", "aber egal").
_TRAILING_ASK = re.compile(r"(?:and|und|un|plus|&)\s|(?:wer|wann|welche\w*|who|when|which|where)\s")
# A short request after a question: "Datum bitte.", "name please", "nur die Zahl bitte"
_TRAILING_REQUEST = re.compile(
    r"(?:[\w'-]+ ){0,2}[\w'-]+ (?:bitte|please|pls|plz)|(?:bitte|please|pls|plz)(?: [\w'-]+){1,2}"
)
# Where one message asks two things: ", und wie …", "and who …", "; …".
_SECOND_QUESTION = re.compile(
    r"(?:,\s*|\s+)(?:und|un|and|sowie|plus|also|oder)\s+(?=(?:wer|wie|was|wann|wo|warum|wieso"
    r"|weshalb|welche\w*|wem|wen|woraus|worauf|wozu|wohin|woher|wof[uü]r|womit|woran|who|whom"
    r"|what|whats|what's|when|where|why|which"
    r"|how|whose|does|did|is|was|hat|haben|ist|sind|war|waren|wird|werden|gibt|gab|kann|soll"
    r"|wat|wos)\b"
    r"|(?:over|in|for|from|at|on|by|(?:u|ü|ue)ber|f(?:u|ü|ue)r|an|seit|bis|von|mit|within|gegen"
    r"|ab"
    r"|innerhalb|binnen|during|w(?:a|ä|ae)hrend)"
    r" (?:what|which|whom|how|welche\w*|wem|wen|wie|wann|when)\b)"
    # a yes/no question after a comma about what the first asks ("why were they fined, was it
    # the antitrust people?")
    r"|,\s*(?=(?:was|is|were|are|war|ist|waren|sind) (?:it|that|this|they|es|das|des|er|sie)\b)"
    r"|\?\s*(?:und|and)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Unwrapped:
    """The question texts found in a message (``parts``), or what it was if there are none."""

    parts: tuple[str, ...]
    social: Social | None = None
    # Per part, the question before it when the part is a short follow-up ("Wer hat Alibaba
    # gegründet und in welchem Jahr?": the year asks about the founding), else "".
    contexts: tuple[str, ...] = ()
    # Per part, when it is a question with a bare follow-up read into it ("Wie hoch war die
    # Strafe? Und wann?"): the question alone and the follow-up, else None. They are read apart
    # when the article doesn't answer them together (``Matcher._answer_alone``).
    follow_ups: tuple[tuple[str, str] | None, ...] = ()
    # Per part, the statement right before it that was dropped as a remark, else "": what
    # the question may lean on ("the lads said alibaba's been making a loss – first time in
    # how long?"). The matcher reads them together (``Matcher._answer_part``).
    remarks: tuple[str, ...] = ()
    # Per part, whether its follow-up came after a comma ("who left alibaba, and why?"): then
    # the question may be read alone, but the follow-up is never answered in its stead.
    tails: tuple[bool, ...] = ()


# Frames that announce the question wherever they stand: what follows them is the question
# ("Ich lese das seit Jahren, und ich habe mich gefragt, wem die App gehört").
_ANNOUNCING = re.compile(
    r"\b(?:ich (?:frage|frag) mich|ich (?:habe|hab) mich (?:\w+ )?gefragt"
    r"|meine frage (?:ist|lautet)"
    r"|i(?: was|'m| am|'ve been) (?:just )?wondering|my question is"
    r"|(?:i'd|would) (?:kindly |really |also )?like to (?:know|ask|enquire|inquire|learn)"
    r"|i wish to (?:know|ask|enquire|inquire|learn)|i am curious to know"
    r"|(?:could|can) you (?:please )?tell me"
    # requests without a question mark: "I'd be grateful for the growth figure."
    r"|i(?:'d| would) be (?:grateful|glad|happy) (?:for|to (?:know|learn|hear))"
    r"|(?:could|can|would) you (?:please )?confirm|i(?:'d| would) appreciate"
    r"|ich (?:hatte|hatt|wurde) gern(?:e)? (?:gewusst|wissen)|ich (?:brauche|brauchte|suche)"
    r"|(?:sach|sag|sog) (?:ma|mal|amol)"
    r"|(?:ich )?(?:bitte|ersuche|erbitte)(?: sie)? (?:hoflich(?:st)? )?um (?:auskunft|mitteilung"
    r"|angabe|information\w*)(?: (?:daruber|uber|zu|bezuglich|hinsichtlich))?"
    r"|(?:konnen|konnten|kannst) (?:sie|du) (?:mir )?bestatigen"
    r"|(?:ich )?erlaube mir (?:die|eine|folgende) frage|(?:erlauben|gestatten) sie (?:mir )?"
    r"(?:die|eine) frage|lass mich raten|let me guess)\b[\s,:]*"
)
# A remark and a question in one sentence, split by a comma: "im writing a report for class,
# what is AsiaForward?" asks the second clause; "where is it from, i need it for my paper" the
# first.
_LEAD_WORD = (
    r"wer|wie|was|wann|wo|warum|welche\w*|wieso|weshalb|woher|wozu|wofur|worum|seit wann|wos|wia"
    r"|wat|who|what|whats|when|where|why|which|how|whose"
)
_LEAD_IN = re.compile(rf",\s+(?=(?:{_LEAD_WORD}|um was)\b)")
# … and, in a message typed or dictated without commas ("ok wait passengers are getting in so how
# many startups they want to help"), the first question word after a few words (not "was" after
# "auch" or "noch": "kriegt VW auch was ab", German for "etwas")
_BARE_LEAD_IN = re.compile(
    rf"^(?:[^\s,]+\s+){{{BARE_LEAD_WORDS},}}?(?<!auch )(?<!noch )(?=(?:{_LEAD_WORD})\b)"
)
# A reader recalling what the bot said before ("you told me before the cloud is slowing down",
# "vorhin haben Sie mir die Milliarde erklärt"): after it, "but", "aber" … may begin the question.
_RECALL = re.compile(
    r"\b(?:(?:you|u|ya) (?:\w+ )?(?:told|said|mentioned|wrote|gave|explained)|earlier you"
    r"|du (?:hast|hattest|meintest|sagtest|schriebst)|(?:vorhin|vorher|eben|gerade) (?:hast|hattest"
    r"|haben|hatten) (?:du|sie)|sie (?:schrieben|sagten|erwahnten|hatten|haben mir))\b"
)
# (the lead-in's question words, and a yes/no question's verb)
_RECALL_LEAD_IN = re.compile(
    r"(?:,|\s[–—-]|\s(?:aber|but|doch|and|und|so|now|jetzt))\s+"
    rf"(?=(?:{_LEAD_WORD}|is|ist|sind|are|war|did|does|do|hat|hatte|gibt|kann|can|will|wird)\b)"
)
_FIRST_PERSON = re.compile(r"\b(?:i|im|i'm|ich|my|mein\w*|me|mir|mich|we|wir|uns)\b")
_TRAILING_REMARK = re.compile(
    r",\s+(?:i|ich|because|weil|since|cause|cos|coz)\b.*$"
    r"|,?\s+(?:so (?:that )?(?:i|we) (?:can|could)|damit (?:ich|wir))\b.*$"
)


# Words that point at the text rather than say what is asked: "Could you explain it as in
# the article?" has no word of its own.
_POINTERS = frozenset({"article", "artikel", "text", "piece", "bericht"})

# Where the reader expects the answer: "laut Artikel", "according to the article", "im Text".
# Said of a question about something else, it only adds words that point at the source entry.
# (The text is named by a pointer word, or as a report or story.)
# (Also the statement it reports: "ausweislich der Mitteilung des Konzerns", "per the statement".)
# (The headline only after "laut", "according to": "in der Überschrift" asks what it says.)
_LAUT = r"laut|lt[.\u2024]?|gem[.\u2024]|gem(?:a|ä|ae)(?:ss|ß)|ausweislich|according to|as per|per"
_ACCORDING = re.compile(
    rf"[\s,]*\b(?:(?:{_LAUT}|based on|in|im|from|aus)"
    r" (?:dem |den |der |des |the |this |diesem |diesen |dieser |that |its )?(?:"
    + "|".join(sorted(_POINTERS | {"report", "story", "artikels", "berichts", "textes"}))
    + r"|(?:mitteilung|erkl(?:a|ä|ae)rung|statement|meldung)"
    r"(?: (?:des|der) (?:konzerns|unternehmens|firma)| (?:of|by) the company)?)"
    rf"|(?:{_LAUT}) (?:der |the |dem )?(?:headline|(?:u|ü|ue)berschrift|schlagzeile))\b[\s,]*",
    re.IGNORECASE,
)
_BEFORE_MARK = re.compile(r"\s+(?=[?!.]+$)")


def _without_pointer(segment: str) -> str:
    """``segment`` without "laut Artikel", unless nothing of its own is left."""
    rest = _BEFORE_MARK.sub("", " ".join(_ACCORDING.sub(" ", segment).split()))
    return rest if rest != segment and _content_words(rest) else segment


def _split_lead_in(segment: str) -> tuple[str, str] | None:
    """``segment`` split at its last lead-in before a question word ("im writing a report, what
    is AsiaForward?" -> "im writing a report", "what is AsiaForward?"), or ``None``."""
    light = _light(segment)
    lead_ins = list(_LEAD_IN.finditer(light))
    recall = _RECALL.search(light)
    if recall:  # the first place a question may begin after the recall
        after = _RECALL_LEAD_IN.search(light, recall.end())
        lead_ins = [after] if after else lead_ins
    if not lead_ins:
        return None
    return segment[: lead_ins[-1].start()], segment[lead_ins[-1].end() :]


def _strip_frames(segment: str) -> str:
    """``segment`` without a leading greeting or polite frame and trailing thanks."""
    announced = list(_ANNOUNCING.finditer(_light(segment)))
    if announced and announced[-1].end() < len(segment) - 8:
        segment = segment[announced[-1].end() :]
    if not _QUESTION_START.match(_light(segment)):
        split = _split_lead_in(segment)
        if (
            split
            and _FIRST_PERSON.search(_light(split[0]))
            # ("…, and if so, which ones?" asks about the clause before, not a remark)
            and not _is_follow_up(split[1])
        ):
            segment = split[1]
    elif remark := _TRAILING_REMARK.search(_light(segment)):
        segment = segment[: remark.start()]
    if polite := _TRAILING_POLITE.search(_light(segment)):
        segment = segment[: polite.start()] + segment[polite.end() :]
    for plainly in reversed(list(_PLAINLY.finditer(_light(segment)))):
        segment = segment[: plainly.start()] + segment[plainly.end() :]
    light = _light(segment)
    start = _LEADING_GREETING.match(light)
    begin = start.end() if start else 0
    frame = _FRAME.match(light, begin)
    begin = frame.end() if frame else begin
    end = len(segment)
    thanks = _TRAILING_THANKS.search(light, begin)
    if thanks:
        end = thanks.start()
    return _without_pointer(segment[begin:end].strip(" ,;:-"))


# A filler in another language before the question: "Bueno, …", "no niin. …", "allora, …".
_INTERJECTION_WORDS = 3
_LEADING_WORDS = re.compile(r"^((?:[^\W\d_]+ ?){1,3}),\s+(?=\w)")


def _interjection(text: str, known: Collection[str]) -> bool:
    """Whether ``text`` is one to three function words, one of them another language's that
    the FAQ and the article don't use ("quelle?" asks the source, "fine" is the fine)."""
    words = WORD.findall(fold(text))
    foreign = [w for w in words if w in FOREIGN_STOPWORDS and w not in FUNCTION_WORDS]
    return (
        0 < len(words) <= _INTERJECTION_WORDS
        and bool(foreign)
        and all(w not in known for w in foreign)
        and all(w in FUNCTION_WORDS or w in FOREIGN_STOPWORDS for w in words)
    )


def _without_interjection(segment: str, known: Collection[str]) -> str:
    lead = _LEADING_WORDS.match(segment)
    return segment[lead.end() :] if lead and _interjection(lead.group(1), known) else segment


# A call or exclamation in any language before the question ("WEPA pana, saw on twitter …",
# "Hay nako, so the fine was …", "kia ora! so …"): one or two words that neither the FAQ nor the
# article use and that are no function words, before a question of four words or more.
_LEADING_CALL = re.compile(r"^((?:[^\W\d_]+ ?){1,2})[,!]\s+(?=\S+(?: \S+){3,})")
_ASKS = re.compile(rf"\?|\b(?:{_LEAD_WORD})\b")


def _call(words: str, known: Collection[str]) -> bool:
    folded = WORD.findall(fold(words))
    return bool(folded) and all(
        w not in known and (w not in FUNCTION_WORDS or w in GREETINGS_ABROAD) for w in folded
    )


def _without_call(text: str, known: Collection[str]) -> str:
    """``text`` without a call before its question (``_LEADING_CALL``)."""
    lead = _LEADING_CALL.match(text)
    if lead is None:
        return text
    light = _light(text)
    if _LEADING_GREETING.match(light) or _FRAME.match(light):
        return text  # (a greeting or a frame is cut as such)
    rest = text[lead.end() :]
    return rest if _call(lead.group(1), known) and _ASKS.search(_light(rest)) else text


def _content_words(segment: str) -> int:
    return sum(
        1
        for w in WORD.findall(fold(segment))
        if len(w) > 2 and w not in FUNCTION_WORDS and w not in _POINTERS
    )


def _past_reaction(light: str) -> list[str]:
    """``light`` as written, and past a reaction before it ("ok bye", "alles klar, danke dir")
    if it has one."""
    return list(dict.fromkeys((light, _LEADING_ACK.sub("", light))))


def _is_social(segment: str) -> Social | None:
    folded = _light(segment).strip()
    if not folded:
        return None
    for text in _past_reaction(folded):
        if _GREETING_ONLY.match(text):
            return "greeting"
        if _FAREWELL_ONLY.match(text):
            return "farewell"
        if _THANKS_ONLY.match(text):
            return "thanks"
    return "ack" if _ACK_ONLY.match(folded) else None


# Thanks or a goodbye anywhere in a message that asks nothing: "gotta run, thx!", "Thank you my
# man, God bless", "ok bye 👋 fähre kommt".
_CLOSING_THANKS = re.compile(
    r"\b(?:thx|thanx|thanks|thank (?:you|u)|ty|danke\w*|cheers|"
    + "|".join(sorted(THANKS_ABROAD, key=len, reverse=True))
    + r")\b"
)
# (a goodbye opens or ends the message: not "good to see you")
_CLOSING_FAREWELL = re.compile(
    rf"^(?:{_FAREWELL})\b|\b(?<!to )(?:{_FAREWELL})(?:\W+(?:bot|mate|du|all|zusammen|leute))?\W*$"
)
# (a greeting opens it, and no request follows: "Good morning. Kindly let me know …" asks)
_OPENING_GREETING = re.compile(rf"^(?:{_GREETING})\b")
_REQUEST = re.compile(
    r"\b(?:let (?:me|us) know|tell me|show me|give me|(?:can|could|would) (?:you|u)|please|kindly"
    r"|sag mir|zeig mir|gib mir|kannst du|konnen sie|konnten sie|bitte)\b"
)


def _closing(message: str, known: Collection[str]) -> Social | None:
    """Whether ``message``, which asks nothing, thanks, says goodbye or greets amid chat that
    says nothing about the article (no word the FAQ or the article uses): "gotta run, thx!",
    "ok bye 👋 fähre kommt", "hallo, ich bin neu hier"."""
    if not known:
        return None
    light = _light(message).strip()
    closing: Social
    if _CLOSING_THANKS.search(light):
        closing = "thanks"
    elif any(_CLOSING_FAREWELL.search(text) for text in _past_reaction(light)):
        closing = "farewell"
    elif _OPENING_GREETING.match(light) and not _REQUEST.search(light):
        closing = "greeting"
    else:
        return None
    words = WORD.findall(fold(message))
    about = [w for w in words if w in known and w not in FUNCTION_WORDS and w not in _POINTERS]
    return None if about else closing


def _split_two(question: str) -> tuple[list[str], tuple[str, str] | None]:
    """ "Wie viel … und wie lange …?" → two questions (the first keeps no dangling comma); and
    when what follows is a bare follow-up after a comma ("who dropped alibaba, and why?"), the
    question alone and the follow-up beside the whole: read apart when the article doesn't answer
    them together, as after a question mark ("Wer hat Alibaba verlassen? Und warum?")."""
    match = _SECOND_QUESTION.search(question)
    if match is None or match.start() < 8:
        return [question], None
    first, after = question[: match.start()].strip(" ,?") + "?", question[match.end() :].strip()
    if _TAG_QUESTION.fullmatch(_light(after).strip(" ?!.")):
        return [question], None  # "…, is that right?" checks the statement: one question
    if len(question) - match.end() >= 8:
        return [first, after], None
    return [question], None if _content_words(after) else (first, after)


def unwrap(message: str, known: Collection[str] = frozenset()) -> Unwrapped:
    """The question(s) in ``message``, without greetings, thanks, remarks and polite frames.

    ``known`` are the folded words the FAQ and the article use: never a filler."""
    text = _HANDLE.sub("", " ".join(message.split()))  # "@AsiaForwardBot …" addresses the bot
    if _ABOUT_THE_BOT.match(_light(text)):
        return Unwrapped(parts=(), social="about")
    text = _options_as_alternatives(text)
    text = _without_call(text, known)
    text = _ABBREVIATION.sub(lambda m: m.group(1) + _DOT, text)
    text = _TOPIC.sub(r"\1, ", text)
    text = _DASH_TOPIC.sub(rf"\1 {_TOPIC_DASH} ", text)
    text = _QUOTED.sub(lambda m: m.group(0).translate(_INSIDE_QUOTE), text)
    segments = [
        s.strip().translate(_OUTSIDE_QUOTE).replace(_TOPIC_DASH, "–")
        for s in _SEGMENT.split(text)
        if s and s.strip(" ,.;:!-")
    ]
    segments = _ask_about_quotes(segments)
    if not segments:
        return Unwrapped(parts=(), social="ack" if _EMOJI_ONLY.match(text) else None)
    socials = [_is_social(s) for s in segments]
    content = [s for s, social in zip(segments, socials, strict=True) if social is None]
    while content and _interjection(content[0], known):  # it leads: "no niin. …"
        content.pop(0)
    content = [_without_interjection(s, known) for s in content]
    # Each segment without its frames, beside the segment as written.
    pairs = [(c, s) for c, s in ((_strip_frames(s), s) for s in content) if c.strip(" ,.;:!?-")]
    pairs = _with_requests(pairs)
    cleaned = [c for c, _ in pairs]
    if not cleaned:  # only greetings, thanks and frames
        thanked = "thanks" in socials or any(_TRAILING_THANKS.search(_light(c)) for c in content)
        if thanked:
            return Unwrapped(parts=(), social="thanks")
        if "farewell" in socials:
            return Unwrapped(parts=(), social="farewell")
        acked = "ack" in socials and "greeting" not in socials
        return Unwrapped(parts=(), social="ack" if acked else "greeting")
    questions: list[str] = []
    follow_ups: dict[str, tuple[str, str]] = {}
    remarks: dict[str, str] = {}
    for index, segment in enumerate(cleaned):
        if not segment.rstrip().endswith("?"):
            # A last part after a question that goes on with "and", without its question mark,
            # asks too: "how long?? and because of what", "Wie lange läuft das? Und warum".
            last = index == len(cleaned) - 1
            if not (questions and last and _TRAILING_ASK.match(_light(pairs[index][1]))):
                continue
            segment = segment.rstrip(" .!") + "?"
        # "Hab gehört, das läuft zehn Jahre – stimmt das?", "… Steht das im Artikel?": a
        # question with (almost) no words of its own asks about the statement before it.
        if index and (
            _content_words(segment) == 0
            or _TAG_QUESTION.fullmatch(_light(segment))
            or (_is_follow_up(segment) and not cleaned[index - 1].rstrip().endswith("?"))
        ):
            before = cleaned[index - 1]
            merged = before.rstrip(" .!") + " – " + segment
            # (kept apart too if what comes before asks, with its mark or without: "Wie hoch war
            # die Strafe – und wann?")
            asked = before.rstrip().endswith("?") or _QUESTION_START.match(_light(before))
            if asked and _content_words(segment) == 0:
                follow_ups[merged] = (before, segment)
            segment = merged
            if questions and questions[-1] == before:
                questions.pop()
        elif index and not cleaned[index - 1].rstrip().endswith("?"):
            remarks[segment] = cleaned[index - 1].rstrip(" .!")
        questions.append(segment)
    if not questions:  # no question mark: the requests and segments that read as questions
        asking = [
            c
            for c, raw in pairs
            if _QUESTION_START.match(_light(c))
            or _ANNOUNCING.search(_light(raw))
            or _ASKING_PROMPT.match(_light(raw))
        ]
        if not asking and (closing := _closing(text, known)):
            return Unwrapped(parts=(), social=closing)
        questions = asking or [" ".join(cleaned)]
        # (a statement before one of them is its remark, as above: "startups and devs... how
        # many again")
        for index, segment in enumerate(cleaned):
            if index and segment in asking and cleaned[index - 1] not in asking:
                remarks[segment] = cleaned[index - 1].rstrip(" .!")
    parts: list[str] = []
    remark_of: dict[str, str] = {}
    tails: set[str] = set()
    for question in questions:
        # (thanks before a second question is no question: "danke, und wer ist …?")
        two, tail = _split_two(question)
        split = [p for p in two if _is_social(p.rstrip(" ?")) is None]
        if split and question in remarks:
            remark_of[split[0]] = remarks[question]
        if tail is not None and split and question not in follow_ups:
            follow_ups[question] = tail
            tails.add(question)
        parts.extend(split)
    parts = parts[:MAX_PARTS]
    # A short follow-up with at most one word of its own ("und in welchem Jahr?", "what link?"),
    # or one asked as the first ("… und wie viel an Schulungen?"), asks about what the question
    # before it is about.
    contexts = [""] + [
        parts[0] if _is_follow_up(p) or _refers_back(p) or _parallel(parts[0], p) else ""
        for p in parts[1:]
    ]
    return Unwrapped(
        parts=tuple(parts),
        contexts=tuple(contexts),
        follow_ups=tuple(follow_ups.get(p) for p in parts),
        remarks=tuple(remark_of.get(p, "") for p in parts),
        tails=tuple(p in tails for p in parts),
    )


# The options of a quiz question: "a) Microsoft b) Amazon c) Google", "(i) 2004 (ii) 2014".
_OPTION = re.compile(r"(?:(?<=\s)|^)\(?([a-d]|i{1,3}|iv)\)\s+", re.IGNORECASE)
_OPTION_LABELS = ("a", "b", "c", "d"), ("i", "ii", "iii", "iv")
# What announces them: "Multiple choice:", "a, b oder c:", "Tick the correct answer:".
_QUIZ_LABEL = re.compile(
    r"^(?:multiple[ -]choice|auswahlantwort|a,? b,? (?:oder|or) c"
    r"|tick the correct (?:answer|option)|(?:kahoot|quiz)[- ]?(?:frage|question|q)?\s*\d*)"
    r"\s*[:,–-]\s*",
    re.IGNORECASE,
)


def _options_as_alternatives(text: str) -> str:
    """A quiz question's options as alternatives ("a) Microsoft b) Amazon c) Google" → "Microsoft
    or Amazon or Google"): the answer says which one, as for any guess after "or"."""
    options = list(_OPTION.finditer(text))
    labels = tuple(m.group(1).lower() for m in options)
    if len(options) < 2 or not any(labels == order[: len(labels)] for order in _OPTION_LABELS):
        return text
    ends = [m.start() for m in options[1:]] + [len(text)]
    chosen = [text[m.end() : end].strip(" ,;") for m, end in zip(options, ends, strict=True)]
    if any("?" in option for option in chosen[:-1]):  # "a) Summe? b) Zeitraum?": two questions
        return text
    return _QUIZ_LABEL.sub("", text[: options[0].start()] + " or ".join(chosen))


def _with_requests(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A short request after a question says what it asks for, and is read with it: "Wann war
    dieser Dienstag? Datum bitte." asks a date."""
    merged: list[tuple[str, str]] = []
    for cleaned, raw in pairs:
        if (
            merged
            and merged[-1][0].rstrip().endswith("?")
            and _TRAILING_REQUEST.fullmatch(_light(cleaned).strip(" .!"))
        ):
            question, before = merged.pop()
            cleaned, raw = f"{question.rstrip(' ?')} – {cleaned.strip(' .!')}?", f"{before} {raw}"
        merged.append((cleaned, raw))
    return merged


def _ask_about_quotes(segments: list[str]) -> list[str]:
    """A segment that only quotes ("„eigenen Inhouse-Server“??") is read with the one after it,
    which asks about the quote ("wo stehen die")."""
    merged: list[str] = []
    for segment in segments:
        if merged and _QUOTE_ONLY.fullmatch(merged[-1]) and _is_social(segment) is None:
            quote = merged.pop().rstrip("?!. ")
            segment = f"{quote} – {segment.rstrip('?!. ')}?"
        merged.append(segment)
    return merged


def _parallel(first: str, second: str) -> bool:
    """Whether ``second`` asks as ``first`` does, of something else, in fewer words: "wie viel
    von der Milliarde geht an Start-ups und wie viel an Schulungen?"."""
    head = WORD.findall(_light(first))[:2]
    words = WORD.findall(_light(second))
    return len(head) == 2 and words[:2] == head and len(words) < len(WORD.findall(first))


def _is_follow_up(part: str) -> bool:
    """A part with no word of its own, or a short one with at most one ("what link?")."""
    content = _content_words(part)
    return content == 0 or (len(WORD.findall(part)) <= FOLLOW_UP_WORDS and content < 2)


# Pronouns that point back at what the question before is about: "und wie viel Geld is des?"
_BACK = re.compile(
    r"\b(?:es|das|des|dat|dit|det|dies|it|that|this|they|them|those"
    # persons and possessives: "what's his title?", "und wie alt ist er?"
    r"|his|her|its|their|him|er|ihn|ihm|sein|seine[nmrs]?|ihre[nmrs]?|dessen|deren"
    # German pronominal adverbs: "Was macht Alibaba dafür?", "wie viel davon?"
    r"|dafur|davon|dazu|damit|dabei|daruber|dadurch|dahinter|daran|darauf|daraus|danach"
    r"|dagegen"
    # a place named before: "who's the boss there?", "wer ist dort Chef?"
    r"|there(?=\W*$)|dort)\b"
)


def points_back(text: str) -> bool:
    """Whether ``text`` points at something with a pronoun ("How long does it run?")."""
    return _BACK.search(_light(text)) is not None


def asks_little(part: str) -> bool:
    """A short part with at most two words of its own: it may lean on the remark before it."""
    return len(WORD.findall(part)) <= REFERRING_WORDS and _content_words(part) <= 2


def _refers_back(part: str) -> bool:
    """A short part that points back with a pronoun and has at most two words of its own."""
    return asks_little(part) and points_back(part)


# "A or B?" where B is a contrasting phrase or clause ("oder nur in Leute?", "or is it losing
# steam?", "or just a side project?"): B's words are the reader's guess, not what is asked.
# Not when B is a second noun beside A ("Tencent oder Meituan", "YoY or QoQ"): then "or" joins
# two names inside one question, and what follows B belongs to the question.
_ALTERNATIVE = re.compile(
    r"^(.*\w)\s*,?\s+(?:oder|or)\s+"
    r"(?:nur|only|just|auch|also|eher|rather|something|etwas|from|von|vom|aus|straight|directly"
    r"|direkt|cos|because|wegen|weil|any|is|ist|are|sind|war|were|kommt|comes|geht|handelt|hat"
    r"|has|does|did|wird|will|mehr|more|less|weniger|bad|schlecht|good|gut|normal)"
    r"\b[^?.!]*\w\s*\?\s*$",
    re.IGNORECASE,
)


def first_alternative(question: str) -> str | None:
    """The question without its second alternative: "Stecken die das Geld in Serverhallen oder
    nur in Leute?" -> "Stecken die das Geld in Serverhallen?"; ``None`` if it offers none."""
    found = _ALTERNATIVE.match(question.strip())
    return f"{found.group(1)}?" if found else None


# A question that offers the answers to choose from ("Who made the statement, Alibaba or the
# government?", "wer zahlt die 1 mrd, alibaba selbst oder der staat?"): a question word, what is
# asked, then two short alternatives. (A dash between spaces has split the message before.)
_CHOICE = re.compile(
    r"^(?P<stem>(?:who|wer|which|welche\w*|whose|wessen)\b[^,:;–—]*\w)\s*[,:;–—-]\s*"
    r"(?P<first>(?:[\w'.-]+\s){0,4}[\w'.-]+),?\s+(?:or|oder)\s+"
    r"(?P<second>(?:[\w'.-]+\s){0,4}[\w'.-]+)\s*\?*\s*$",
    re.IGNORECASE,
)


def choice(question: str) -> tuple[str, str] | None:
    """The question without the answers it offers, and those answers: "who put out the
    statement, alibaba or bloomberg?" -> ("who put out the statement?", "alibaba bloomberg");
    ``None`` if it offers none."""
    found = _CHOICE.match(question.strip())
    if found is None:
        return None
    return f"{found['stem']}?", f"{found['first']} {found['second']}"


def after_lead_in(question: str) -> str | None:
    """The question after a lead-in that asks nothing ("lads that article from the lecture, how
    much are alibaba actually putting in" -> "how much are alibaba actually putting in"), or
    ``None``. (A lead-in with a first person is dropped when unwrapping; this one may name the
    topic, so the matcher reads the question alone only when the whole isn't answered.)"""
    if _QUESTION_START.match(_light(question)):
        return None
    split = _split_lead_in(question)
    return split[1] if split and _content_words(split[1]) else None


def bare_lead_in(question: str) -> tuple[str, str] | None:
    """A message typed or dictated without commas split before its first question word after a
    few words ("ok wait passengers are getting in so how many startups they want to help" ->
    "ok wait passengers are getting in so", "how many startups they want to help"), or
    ``None``. The words before may name the topic ("Huawei cloud grow how much percent"): the
    matcher weighs them."""
    light = _light(question)
    if _QUESTION_START.match(light) or not (bare := _BARE_LEAD_IN.search(light)):
        return None
    rest = question[bare.end() :]
    return (question[: bare.end()], rest) if _content_words(rest) else None
