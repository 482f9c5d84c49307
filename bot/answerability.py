"""Stage 4, answerability: does this entry (or sentence) state what the question asks for?

Ranking finds the entry a question is *about*; that is not yet an answer. "Seit wann gibt es
Alibaba Cloud?" is about the cloud business, but no sentence says since when; "Wie schnell wuchs
Huaweis Cloud?" shares every word with the revenue entry except the one that matters. Two checks:

* **Kind**: each FAQ entry declares the kinds of question it answers (``kinds`` in faq.yaml).
  A question's kind comes from its question words (``bot.normalize`` intents): who, speaker
  (who said something: answered by an entry that reports what was said), when, date
  (a year, quarter, month or calendar date), howlong, since ("seit wann": when, a date or a
  duration answers it), where, amount, why, meaning (what a term
  means: "Was versteht man unter …"), others (more of what is named: "who else", "welche
  noch", "besides AWS"; only entries that name several declare it), sofar (a tally to date:
  "bisher", "so far"; the article reports plans, so no entry declares it), age ("wie alt"),
  founding ("gegründet", "founded"), gist (what the article is about as a whole), outlet
  (where it comes from: "welches Blatt?", "which outlet ran it?").
  Kinds of fact the article never states, so no entry declares them: conversion (a figure in another
  currency), absolute (an absolute figure for a stated percentage), previous (another period: "the
  quarter before", "last year"), per (a share of a total: "each start-up", "pro Entwickler", "wie
  viel aus der Milliarde"), self (about the bot, not the article: "Wer hat dich programmiert?"),
  company (company figures it never gives: share price, market share, margin, staff, headquarters;
  and details behind what it only mentions in general: the crackdown's measures, the courses), role
  (who runs the programme or its training: "Who is the project lead?"), author (the article has a
  source, Bloomberg, but no byline: "who wrote it"), unnamed (who the informant is, whom it leaves
  unnamed: "Who is the person familiar with the matter?"), countries (which countries exactly: it
  names a region, APAC), elsewhere (a place it doesn't name: Europe, or a country or city inside
  APAC), apply (how to take part), forecast (predictions and judgements: "Wird AsiaForward ein
  Erfolg?", "Was the fine fair?", and how much more comes later).
  A question of a kind the entry does not declare is not answered by it. "What" and "how"
  questions are open to every entry (but break near-ties: ``fits_all``).
* **Figures**: a "how much" question about something figures are asked of (an entry's
  ``figures`` in faq.yaml, ``unstated_figures`` in article.yaml: "Verlust") is only answered by
  an entry that gives a figure for it: "How big was the loss?" is not answered by the entry
  whose numbers are the fine and the nine years since the last loss. A figure the article never
  gives that the question asks is only answered by an entry that gives a figure of something
  else the question names, not just its unit (``figure_units`` in article.yaml): "Wie viel Geld
  hat Alibaba verloren?" is no question for the investment's sum of money, "How many years
  since the last loss?" is one for the nine years.
* **Reasons**: a "why" question about something the article never gives reasons for
  (``unexplained`` in article.yaml: "Strafe") is only answered by an entry that gives reasons
  for something else the question names (its ``explains``): "Why was Alibaba fined?" is not
  answered by the entry that gives the fine as a reason for investing, "Why did the fine lead to
  a loss?" is by the one that explains the loss.
* **Times**: a "when" question about something the article never gives the time of (``untimed``
  in article.yaml: "Strafe") is only answered by an entry whose time is that of something else
  the question names (its ``times``): "Wann kam die Strafe – welcher Monat?" is not answered by
  the entry whose "last month" is when Alibaba pledged its extra profits.
* **Terms**: a "what does … mean" question is only answered by an entry that explains every
  word asked about (its ``defines`` in faq.yaml): "Was bedeutet APAC?" by the region, not
  "What does cloud-native mean?" by an entry that merely uses the word.
* **Lists**: "which ones exactly" of something the article mentions without listing
  (``unlisted`` in article.yaml: "Welche Schulungen genau?") is answered by no entry.
* **Names**: a name from the article (``names`` in article.yaml: companies, people, places) that
  the question mentions must be known to the entry, or the question is about someone else.

A quoted sentence is checked the same way, with the kinds of the entries that cite it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import get_args

from bot.knowledge import Kind

# Kinds a question word can demand: every kind an entry may declare (``bot.knowledge.Kind``)
# but "what" and "how", which are too general to gate anything.
GATED_KINDS = frozenset(get_args(Kind)) - {"what", "how"}
# Kinds that also satisfy others: an entry that gives a date also says when; one that says
# when, gives a date or a duration answers "seit wann" ("erster Verlust seit wann?": nine years).
# An entry that reports what someone said (said) also says who said it (speaker).
_ALSO_ANSWERS = {
    "date": {"when", "since"},
    "when": {"since"},
    "howlong": {"since"},
    "said": {"speaker"},
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether an entry answers a question; ``reason`` says why not."""

    ok: bool
    reason: str = ""
    missing: frozenset[str] = frozenset()
    """The kinds of fact asked that the entry doesn't state (when that is why it doesn't)."""


_ANSWERS = Verdict(True)
# Kinds that ask for a time or how long: answered only by an entry whose time is that of what
# is asked ("Wie lange lief das Kartellverfahren, bevor die Strafe kam?" is not the programme's
# three years).
_TIMED = frozenset({"when", "date", "since", "howlong"})


def _kinds(intents: Iterable[str]) -> frozenset[str]:
    """Every kind the question words ask for, from the intent markers (``?when`` …)."""
    return frozenset(i.removeprefix("?") for i in intents)


def question_kinds(intents: Iterable[str]) -> frozenset[str]:
    """The gated kinds a question asks for. A claim in another currency ("the billion is in
    euros, right?") asks no conversion: the answer's dollars correct it; "how much is that in
    euros?" does."""
    kinds = _kinds(intents)
    if "claim" in kinds and "amount" not in kinds:
        kinds -= {"conversion"}
    # A claim that some authority did it ("the fine came from the EU, right?") asks who did:
    # the answer's Chinese regulators correct it, wherever the claim placed them.
    if "claim" in kinds and "agent" in kinds:
        kinds = (kinds | {"who"}) - {"elsewhere"}
    # Another part of the world is a place the article doesn't name, except in a claim that puts
    # the programme there ("das Geld ist für Start-ups in Europa, stimmt das?"): that asks where
    # it is, and the answer's APAC corrects it.
    if "continent" in kinds:
        kinds |= {"where"} if "claim" in kinds and "agent" not in kinds else {"elsewhere"}
    # A month other than the article's asks another period, unless a claim names it: then the
    # answer's March quarter corrects it.
    if "month" in kinds and "claim" not in kinds:
        kinds = kinds | {"previous"}
    # An amount for one of those the money is for ("how much does one startup get?") asks a
    # share of it.
    if "single" in kinds and "amount" in kinds:
        kinds = kinds | {"per"}
    # More of it to come ("how much more comes later?") asks a sum the article never gives.
    if "later" in kinds and "amount" in kinds:
        kinds = kinds | {"forecast"}
    # How long until then ("wie lang hatte Alibaba vorher keinen Verlust mehr?") asks a
    # duration up to the event, not another period: "vorher" is before it.
    if kinds & {"howlong", "since"}:
        kinds -= {"previous"}
    # A news outlet offered as a guess asks which outlet it is ("Wer hat das geschrieben, die
    # Bild-Zeitung?" asks no author).
    if "newsname" in kinds:
        kinds = (kinds | {"outlet"}) - {"author"}
    return kinds & GATED_KINDS


def _answered(declared: Collection[str]) -> frozenset[str]:
    """The kinds an entry that declares ``declared`` answers."""
    return frozenset(declared).union(*(_ALSO_ANSWERS.get(k, ()) for k in declared))


def _satisfied(kinds: frozenset[str], declared: Collection[str]) -> frozenset[str]:
    return kinds - _answered(declared)


def fits_all(intents: Iterable[str], declared: Collection[str]) -> bool:
    """Whether an entry declares every kind the question words ask for, "how" included: the
    tie-break between two near-equal entries ("how will they build the pool" vs "how big")."""
    return not _satisfied(_kinds(intents), declared)


@dataclass(frozen=True, slots=True)
class Asked:
    """What a question asks: its question words (``intents``), the article's ``names`` it
    mentions, and the things it asks ``figures`` of and ``reasons`` for."""

    intents: Sequence[str]
    names: Collection[str] = ()
    figures: Collection[str] = ()
    reasons: Collection[str] = ()
    times: Collection[str] = ()
    terms: Sequence[frozenset[str]] = ()
    """For a "what does … mean" question: its words, each as the FAQ words it may stand for."""
    unlisted: Collection[str] = ()
    """What it asks which ones exactly of, that the article never lists ("Schulungen")."""
    uncounted: str = ""
    """What it asks the number of that the article never mentions ("how many women …")."""
    kinds: frozenset[str] = field(init=False)
    """The gated kinds its question words ask for (``question_kinds``)."""

    def __post_init__(self) -> None:  # every entry is checked against the same question
        object.__setattr__(self, "kinds", question_kinds(self.intents))


@dataclass(frozen=True, slots=True)
class Offer:
    """What an entry (or a quoted sentence) states: the ``kinds`` of fact, the words it
    ``knows``, what its numbers are ``figures`` of and what its reasons ``explain``."""

    kinds: Collection[str]
    known: Collection[str] = ()
    figures: Collection[str] = ()
    explains: Collection[str] = ()
    defines: Collection[str] = ()
    """The words of the terms a ``meaning`` answer explains (its ``defines``)."""
    times: Collection[str] = ()
    """What the time a ``when`` answer gives is the time of (its ``times``)."""
    answers: frozenset[str] = field(init=False)
    """The kinds it declares and those they also answer (``_ALSO_ANSWERS``)."""

    def __post_init__(self) -> None:  # one entry is checked against every question
        object.__setattr__(self, "answers", _answered(self.kinds))


@dataclass(frozen=True, slots=True)
class Unstated:
    """What the article never gives, whichever entry is asked: ``figures`` of (the loss), the
    ``units`` figures are counted in (money), ``reasons`` for (the fine)."""

    figures: Collection[str] = ()
    units: Collection[str] = ()
    reasons: Collection[str] = ()
    times: Collection[str] = ()


def _never_given(
    asked: Collection[str], unstated: Collection[str], offered: Collection[str]
) -> frozenset[str]:
    """What is asked of the things the article never gives (the reasons for, the time of), unless
    the entry gives that for something else asked: then it answers, and nothing is missing."""
    never = frozenset(asked) & frozenset(unstated)
    return frozenset() if frozenset(asked) & frozenset(offered) else never


def _explains(terms: Sequence[frozenset[str]], offer: Offer) -> bool:
    """Whether an entry explains a term: it defines its words ("APAC"), or one of them and
    states the others ("Talentpool mit eine Million": the pool it defines, of a million)."""
    defined = [not term.isdisjoint(offer.defines) for term in terms]
    return any(defined) and all(
        known or not term.isdisjoint(offer.known)
        for term, known in zip(terms, defined, strict=True)
    )


def check(asked: Asked, offer: Offer, unstated: Unstated = Unstated()) -> Verdict:
    """Whether ``offer`` answers what is ``asked``, given what the article never states."""
    kinds = asked.kinds
    missing = kinds - offer.answers
    if missing:
        return Verdict(False, f"asks {'/'.join(sorted(missing))}, which it does not state", missing)
    if "amount" in kinds and asked.uncounted:
        return Verdict(False, f"asks a figure for {asked.uncounted}, never mentioned")
    if "amount" in kinds and asked.figures:
        given = set(asked.figures) & set(offer.figures)
        if not given:
            figures = ", ".join(sorted(asked.figures))
            return Verdict(False, f"asks a figure for {figures}, not given")
        never = set(asked.figures) & set(unstated.figures) - given
        if never and not given - set(unstated.units):
            return Verdict(False, f"asks a figure for {', '.join(sorted(never))}, never given")
    if "meaning" in kinds and not _explains(asked.terms, offer):
        return Verdict(False, "asks what a term means that it doesn't explain")
    if asked.unlisted:
        things = ", ".join(sorted(asked.unlisted))
        return Verdict(False, f"asks which {things} exactly, never listed")
    never_explained = _never_given(asked.reasons, unstated.reasons, offer.explains)
    if "why" in kinds and never_explained:
        reasons = ", ".join(sorted(never_explained))
        return Verdict(False, f"asks the reasons for {reasons}, never given")
    never_timed = _never_given(asked.times, unstated.times, offer.times)
    if kinds & _TIMED and never_timed:
        things = ", ".join(sorted(never_timed))
        return Verdict(False, f"asks when {things} happened, never given", kinds & _TIMED)
    strangers = [n for n in asked.names if n not in offer.known]
    if strangers:
        return Verdict(False, f"is about {', '.join(strangers)}, which it does not mention")
    return _ANSWERS
