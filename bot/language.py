"""Guess whether a question is German or English.

Questions are short, so statistical detectors are unreliable on them; counting marker words
("wie", "ist", "der" against "how", "is", "the") plus German-only letters is more robust here.
Words both languages use alike ("in", "an", "was", "will") count for neither. Ties go to
``default`` (the Telegram user's language, or German, the article's language).
"""

from __future__ import annotations

import re

from bot.knowledge import Lang

_WORD = re.compile(r"[^\W\d_]+")

_DE = frozenset(
    """
    der die das den dem des ein eine einen einem einer ist sind war waren wird werden wurde hat
    haben hatte und oder aber nicht kein keine wie wer wann wo warum wieso weshalb welche
    welcher welches wieviel viele viel mit von fur für zu zum zur auf aus bei nach uber über im
    ins am es sie er ich du wir ihr man sich auch noch schon nur gibt gibts geht sagt steht
    artikel hallo danke bitte moin servus dem jetzt mal denn doch ja nein seit gegen durch um
    kann konnen können soll sollen wollen muss mussen müssen dass daß warum sowie insgesamt geld
    strafe umsatz entwickler kunde gewinne wachstum quelle region ziel ziele
    eigentlich genau dann eben wia wos nix ned des tschuss tschüss nacht spater später
    alles klar gut verstehe verstanden
    """.split()
)
_EN = frozenset(
    """
    the a is are were be been being has have had and or but not no how what who when
    where why which whose with of for to on at by from about into over after does do did can
    could should would it its they them their this that these those there here i you we he she
    much many long tell me please anything something hello hi thanks money fine revenue
    developers customer profits growth source goal goals happened happen get got give
    bye goodbye night see later cheers legend good morning evening afternoon thx thanx thank
    yes yeah yep nope
    """.split()
)
_GERMAN_LETTERS = re.compile(r"[äöüß]", re.IGNORECASE)


def detect_language(text: str, *, default: Lang = "de") -> Lang:
    """Return ``"de"`` or ``"en"`` for ``text``; ``default`` when the text gives no clue."""
    words = [w.casefold() for w in _WORD.findall(text)]
    german = sum(w in _DE for w in words) + 2 * len(_GERMAN_LETTERS.findall(text))
    english = sum(w in _EN for w in words)
    if german > english:
        return "de"
    if english > german:
        return "en"
    return default
