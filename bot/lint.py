"""Warnings about a valid knowledge directory (``python -m bot check`` prints them).

An FAQ reply (answer, quoted sentences, source) longer than one Telegram message still works:
it is sent in parts. But it reads badly, so ``check`` names the entries whose reply is too long.

An answer that ends in " - …?" has swallowed a question: a "- question" line indented too far
under a one-line answer continues the answer in YAML, so the question is lost and the answer
reads it out. ``check`` names it.

An FAQ question that, asked as it stands, gets another entry's answer is misplaced or asks a
kind of fact its entry doesn't declare ("Woher weiß man das?" under the informant asked a place
until "woher weiß" read as "who says so"): ``check`` names it.
"""

from __future__ import annotations

import re

from bot.knowledge import FAQ_FILE, LANGUAGES, Knowledge, Problem
from bot.matcher import Matcher
from bot.render import render
from bot.safe_yaml import YamlProblem, read_yaml
from bot.telegram_html import TELEGRAM_LIMIT, split_html, units

Lines = dict[tuple[str | int, ...], int]


def faq_lines(knowledge: Knowledge) -> Lines:
    """Where each node of faq.yaml starts (none, if the file can't be read again): read once
    for all the warnings that point at a line."""
    try:
        _, lines = read_yaml((knowledge.directory / FAQ_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return {}
    return lines


def long_replies(matcher: Matcher, lines: Lines, *, limit: int = TELEGRAM_LIMIT) -> list[Problem]:
    """Each entry and language whose Telegram reply needs more than one message."""
    knowledge = matcher.knowledge
    warnings = []
    for index, entry in enumerate(knowledge.entries):
        for lang in LANGUAGES:
            result = matcher.answer_entry(entry.questions.get(lang)[0], entry, lang)
            reply = render(result, knowledge, markup=True)
            size = units(reply)
            if size > limit:
                parts = len(split_html(reply, limit))
                warnings.append(
                    Problem(
                        FAQ_FILE,
                        f"the reply is {size} characters, more than one Telegram message "
                        f"({limit}): it is sent in {parts} parts; shorten the answer",
                        line=lines.get(("entries", index, "answer", lang)),
                        entry=entry.id,
                        field=f"answer.{lang}",
                    )
                )
    return warnings


def misrouted_questions(matcher: Matcher) -> list[Problem]:
    """Each FAQ question that, asked as it stands, is answered by another entry."""
    knowledge = matcher.knowledge
    warnings = []
    for entry in knowledge.entries:
        for lang, question in entry.variants():
            result = matcher.ask(question, default_language=lang)
            if result.answered and result.faq_id not in (None, entry.id):
                warnings.append(
                    Problem(
                        FAQ_FILE,
                        f"the question {question!r} is answered by {result.faq_id!r}: move it "
                        "there, or declare the kind of fact it asks",
                        entry=entry.id,
                        field=f"questions.{lang}",
                    )
                )
    return warnings


# A list item folded into the answer's last line: "… seit 2014. - Wächst die Cloud noch?"
_SWALLOWED = re.compile(r"\s-\s[^-]+\?\s*$")


def swallowed_questions(knowledge: Knowledge, lines: Lines) -> list[Problem]:
    """Each answer that reads like it took in a mis-indented "- question" line."""
    return [
        Problem(
            FAQ_FILE,
            "the answer ends in what looks like a question (' - …?'): is a '- question' line "
            "indented under the answer instead of under questions?",
            line=lines.get(("entries", index, "answer", lang)),
            entry=entry.id,
            field=f"answer.{lang}",
        )
        for index, entry in enumerate(knowledge.entries)
        for lang in LANGUAGES
        if _SWALLOWED.search(entry.answer.get(lang))
    ]
