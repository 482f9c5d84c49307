"""Turn a ``MatchResult`` into what a person reads: plain text (terminal) or Telegram HTML.

Every piece of user or article text that goes into HTML is escaped here, in one place.
"""

from __future__ import annotations

import html

from bot.knowledge import Knowledge
from bot.result import Citation, MatchResult
from bot.texts import TEXTS, t


def escape(text: str) -> str:
    """Escape text for Telegram HTML (quotes may stay as they are in text content)."""
    return html.escape(text, quote=False)


def _quote_lines(citation: Citation, lang: str, *, markup: bool) -> list[str]:
    esc = escape if markup else str
    text = esc(citation.text)
    # A sentence that is itself a quotation already has its quotation marks.
    quote = f"[{citation.id}] {text}" if text[:1] in '„“"«' else f"[{citation.id}] „{text}“"
    lines = [f"<i>{quote}</i>" if markup else quote]
    if lang == "en" and citation.translation:
        lines.append(f"    ({esc(citation.translation)})")
    return lines


def render(result: MatchResult, knowledge: Knowledge, *, markup: bool = False) -> str:
    """The reply for ``result``; HTML for Telegram when ``markup`` is true, else plain text.

    Two questions in one message get both answers, each with its sentences, one source line.
    """
    lang = result.language
    esc = escape if markup else str
    lines: list[str] = []
    for number, part in enumerate(result.answers):
        if number:
            lines.append("")
        if part.outcome == "answer":
            if part.understood_as:
                understood = t("understood_as", lang, question=esc(part.understood_as))
                lines.append(f"<i>{understood}</i>" if markup else understood)
            lines.append(f"<b>{esc(part.answer)}</b>" if markup else part.answer)
        elif part.outcome == "quote":
            lines.append(t("quote_intro", lang))
        else:
            lines.append(t(part.outcome, lang))
        if part.citations:
            lines.append("")
            for citation in part.citations:
                lines.extend(_quote_lines(citation, lang, markup=markup))
    if result.related:  # declined, but the article mentions the subject here
        lines.append("")
        specific = f"related_intro_{result.missing}"  # the kind of fact it doesn't give
        lines.append(t(specific if specific in TEXTS else "related_intro", lang))
        for citation in result.related:
            lines.extend(_quote_lines(citation, lang, markup=markup))
    if result.all_citations or result.related:
        lines.append(esc(t("source_line", lang, source=knowledge.meta.source)))
    for other in result.unanswered:  # the other question of the message
        lines.append("")
        lines.append(t("part_unknown", lang, question=esc(other)))
    if result.suggestions:  # on Telegram the questions themselves are buttons
        key = (
            "also_asked"  # after an answer: what its follow-up may have meant
            if result.answered
            else "did_you_mean"
            if result.outcome == "unsure"
            else "try_asking"
        )
        lines.append("")
        lines.append(t(key, lang))
        if not markup:
            lines.extend(f"  • {s.question}" for s in result.suggestions)
    return "\n".join(lines)
