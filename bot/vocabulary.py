"""Which FAQ words a word of a question stands for: itself, a compound part, a stem, a typo fix.

German glues words together ("Kartellstrafe"), both languages inflect ("Entwicklern"), readers
mistype ("Entwikler", "fien"). ``Vocabulary.resolve`` maps a canonical query token to the FAQ's
canonical tokens it may mean, using:

* compounds: the token (five letters or more) inside a known word ("umsatz" → "cloudumsatz"), or
  a known word of five letters or more covering at least half of the token ("kartellstrafe" →
  "strafe") or starting or ending it, as a compound's first or last part does
  ("Umsatzentwicklung" → "umsatz"); a known compound stands for its first and last parts too
  ("cloudrivalen" → "cloud", "konkurrenz");
* Snowball stems (German and English) shared with a known word;
* regional spellings (only for a word nothing else explains): "jemacht", "Zahla", "gwachsn";
* typos: ``rapidfuzz`` optimal-string-alignment distance (a swapped pair of letters is one edit)
  against every known surface word, synonyms included: one edit, two in words of eight letters
  or more; a three-letter word may only have lost a letter ("jef" → "jeff").
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.normalize import KEPT_WORDS, Normalizer, stems

MIN_PART = 5  # shortest token that may match inside a compound
MIN_TYPO = 3  # shortest token that may be a typo of a known word
# rapidfuzz's stubs type scorers as returning float; this one returns int, fine at run time.
EDIT_DISTANCE: Any = OSA.distance


# Regional German spellings, as (pattern, standard) rewrites of a whole token: Rhineland and
# Berlin "j" for "g" ("jemacht", "Jeld"), Swabian and Bavarian "-a"/"-n" for "-en" ("Zahla",
# "gschrieba", "gwachsn") and participles without "e" ("gschrieben", "gwachsen").
_DIALECT = [
    # Saxon and Franconian soft consonants: "Schdrafe", "Brojekt", "Gohle", "endwiggler".
    (re.compile(r"schd"), "st"),
    (re.compile(r"schb"), "sp"),
    (re.compile(r"^b(?=[lr]|[aeiou])"), "p"),
    (re.compile(r"^g(?=[aou]|[lr])"), "k"),
    (re.compile(r"gg"), "ck"),
    (re.compile(r"(?<=n)d(?=[aeiouw])"), "t"),
    # … also between vowels and at the start: "Risigogabidal", "Dalende".
    (re.compile(r"(?<=[aeiou])g(?=[aeiou])"), "k"),
    (re.compile(r"(?<=[aeiou])b(?=[aeiou])"), "p"),
    (re.compile(r"(?<=[aeiou])d(?=[aeiou])"), "t"),
    (re.compile(r"^d(?=[aeiou])"), "t"),
    # Palatinate and Hessian "ch" for "g", a final "d" for "t": "Daach", "gsacht", "verdiend".
    (re.compile(r"ch(?=t?$)"), "g"),
    (re.compile(r"(?<=[a-z]{3})d$"), "t"),
    # English chat drops a final "g": "backin", "chuckin".
    (re.compile(r"(?<=[a-z]{3})in$"), "ing"),
    # Saxon "ee" for "ei": "heeßt", "weeß".
    (re.compile(r"ee"), "ei"),
    # Swiss "uu" for "au", "ii" for "ei", "-i" for "-e": "bruucht", "Ziit", "grossi".
    (re.compile(r"uu"), "au"),
    (re.compile(r"ii"), "ei"),
    (re.compile(r"(?<=[a-z]{3})i$"), "e"),
    # Swabian "-et" for "-en": "bringet", "machet".
    (re.compile(r"(?<=[a-z]{3})et$"), "en"),
    # Bavarian and Austrian "o" / "oa" for "a": "Tog", "Strof", "Nochfroag".
    (re.compile(r"oa"), "a"),
    (re.compile(r"o(?!a)"), "a"),
    (re.compile(r"^j(?=[aeiourl])"), "g"),
    (re.compile(r"^g(?=[sw][a-z]|m[a-z])"), "ge"),
    (re.compile(r"(?<=[a-z]{3})a$"), "en"),
    (re.compile(r"(?<=[^aeiou]{2})n$"), "en"),
]


# A separable verb's infinitive with "zu" inside: "anzubieten" is "anbieten".
_ZU_INFIX = re.compile(
    r"^(ab|an|auf|aus|bei|ein|mit|nach|vor|weg|zuruck|um|durch|hoch|her|hin|fest|los|zusammen)"
    r"zu(?=[a-z]{4})"
)


def dialect_forms(token: str) -> set[str]:
    """Standard spellings ``token`` may stand for, each rewrite alone and all together (and a
    separable verb without its "zu")."""
    forms = {_ZU_INFIX.sub(r"\1", token)}
    combined = token
    for pattern, standard in _DIALECT:
        forms.add(pattern.sub(standard, token))
        combined = pattern.sub(standard, combined)
    forms.add(combined)
    forms.discard(token)
    return forms


class Vocabulary:
    """The FAQ's canonical tokens, indexed for ``resolve``."""

    def __init__(self, tokens: frozenset[str], normalizer: Normalizer) -> None:
        self._tokens = tokens
        # Typo correction aims at every surface word (synonyms included), then maps it to its
        # canonical token: "devlopers" → "developers" → "entwickler".
        self._surface = {w: normalizer.canonical(w) for w in normalizer.synonym_words}
        self._surface = {w: c for w, c in self._surface.items() if c in self._tokens}
        self._surface.update({t: t for t in self._tokens})
        self._surface_by_length: dict[int, list[str]] = defaultdict(list)
        for word in sorted(self._surface):
            self._surface_by_length[len(word)].append(word)
        self._by_stem: dict[str, set[str]] = defaultdict(set)
        for token in self._tokens:
            for stem in stems(token):
                self._by_stem[stem].add(token)
        self._containing: dict[str, set[str]] = defaultdict(set)
        for token in self._tokens:
            for start in range(len(token) - MIN_PART + 1):
                for end in range(start + MIN_PART, len(token) + 1):
                    self._containing[token[start:end]].add(token)

    def _spelled(self, token: str) -> set[str]:
        """The vocabulary tokens ``token`` stands for as it is spelled: itself, compounds, stems."""
        if token in self._tokens:
            return {token}
        found: set[str] = set()
        if len(token) >= MIN_PART:
            found |= self._containing.get(token, set())
            found |= {
                self._surface[token[i:j]]
                for i in range(len(token) - MIN_PART + 1)
                for j in range(i + MIN_PART, len(token) + 1)
                if (2 * (j - i) >= len(token) or i == 0 or j == len(token))
                and token[i:j] in self._surface
            }
            found |= self.stemmed(token)
        return found

    def _as_written(self, form: str) -> set[str]:
        """What a regional form's standard spelling stands for as a whole word or by its stem
        (not inside compounds: the forms are many, and guesses)."""
        if form in self._surface:
            return {self._surface[form]}
        return self.stemmed(form)

    def stemmed(self, word: str) -> set[str]:
        """The vocabulary tokens that share a Snowball stem with ``word``."""
        return set().union(*(self._by_stem.get(stem, ()) for stem in stems(word)))

    def _parts(self, compound: str) -> set[str]:
        """What a known compound's first and last parts stand for, each part and the rest of
        five letters or more: "cloudrivalen" is also "cloud" and "rivalen" (competitors), as
        an FAQ that writes "Cloud-Rivalen" knows it."""
        if compound[0].isdigit():
            return set()
        cuts = range(MIN_PART, len(compound) - MIN_PART + 1)
        pieces = [compound[:cut] for cut in cuts] + [compound[cut:] for cut in cuts]
        return {self._surface[piece] for piece in pieces if piece in self._surface}

    def resolve(self, token: str, *, typos: bool = True) -> frozenset[str]:
        """The vocabulary tokens a query token stands for (itself, compounds, stems, and with
        ``typos`` typo fixes)."""
        if token in self._tokens:
            return frozenset({token} | self._parts(token))
        if token[0].isdigit() or len(token) < MIN_TYPO:
            return frozenset()
        found = self._spelled(token)
        if not found:  # regional spelling of a known word: "jemacht", "gschrieba", "Zahla"
            found = set().union(*(self._as_written(form) for form in dialect_forms(token)))
        # Typos: one edit (a wrong, missing, extra or swapped letter: "fien", "zang"), two in
        # long words; a three-letter word may only have lost a letter ("jef"). Only words of a
        # length within reach are compared.
        if token in KEPT_WORDS or not typos:
            return frozenset(found)
        edits = 1 if len(token) < 8 else 2
        lengths = (
            [len(token) + 1]
            if len(token) < 4
            else range(len(token) - edits, len(token) + edits + 1)
        )
        for length in lengths:
            matches = process.extract(
                token,
                self._surface_by_length.get(length, []),
                scorer=EDIT_DISTANCE,
                score_cutoff=edits,
                limit=3,
            )
            found.update(self._surface[match] for match, _score, _ in matches)
        return frozenset(found)
