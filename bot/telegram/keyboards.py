"""Inline keyboards and their callback data (always within Telegram's 64 bytes)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.knowledge import Knowledge, Lang
from bot.result import Suggestion

ANSWER = "a"  # a:<faq id>:<lang>: answer that entry
PAGE = "p"  # p:<page>:<lang>: show that /faq page
PAGE_SIZE = 6
BUTTON_TEXT_LIMIT = 60


def _short(text: str) -> str:
    return text if len(text) <= BUTTON_TEXT_LIMIT else text[: BUTTON_TEXT_LIMIT - 1] + "…"


def answer_data(faq_id: str, lang: Lang) -> str:
    data = f"{ANSWER}:{faq_id}:{lang}"
    assert len(data.encode()) <= 64, data  # entry ids are at most 40 characters
    return data


def suggestions_keyboard(
    suggestions: Sequence[Suggestion], lang: Lang
) -> InlineKeyboardMarkup | None:
    if not suggestions:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(_short(s.question), callback_data=answer_data(s.faq_id, lang))]
            for s in suggestions
        ]
    )


def page_count(knowledge: Knowledge) -> int:
    return max(1, -(-len(knowledge.entries) // PAGE_SIZE))


def clamp_page(knowledge: Knowledge, page: int) -> int:
    return min(max(page, 0), page_count(knowledge) - 1)


def faq_keyboard(knowledge: Knowledge, page: int, lang: Lang) -> InlineKeyboardMarkup:
    pages = page_count(knowledge)
    page = clamp_page(knowledge, page)
    entries = knowledge.entries[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    rows = [
        [
            InlineKeyboardButton(
                _short(e.questions.get(lang)[0]), callback_data=answer_data(e.id, lang)
            )
        ]
        for e in entries
    ]
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton("« ", callback_data=f"{PAGE}:{page - 1}:{lang}"))
    if page < pages - 1:
        nav.append(InlineKeyboardButton(" »", callback_data=f"{PAGE}:{page + 1}:{lang}"))
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows)


_PAGE_NUMBER = re.compile(r"[0-9]{1,6}")  # ASCII digits only: "²".isdigit() is true


def parse(data: str | None) -> tuple[str, str, Lang]:
    """``("a", faq_id, lang)`` or ``("p", page, lang)`` (the page ASCII digits); raises
    ValueError on anything else, including no data at all."""
    kind, _, rest = (data or "").partition(":")
    value, _, lang = rest.rpartition(":")
    if kind not in (ANSWER, PAGE) or not value or lang not in ("de", "en"):
        raise ValueError(f"unknown callback data {data!r}")
    if kind == PAGE and not _PAGE_NUMBER.fullmatch(value):
        raise ValueError(f"bad page in callback data {data!r}")
    return kind, value, "de" if lang == "de" else "en"
