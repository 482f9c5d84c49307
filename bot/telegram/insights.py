"""Admin commands over the question log: ``/stats [days]`` and ``/unanswered [days]``.

Reading and clustering run in a worker thread (``asyncio.to_thread``) after the writer has
committed what is queued, so the event loop never waits for the database and the figures
include the question asked a moment ago.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot import report
from bot.chart import chart_png
from bot.clustering import normalized_key
from bot.knowledge import Knowledge, Lang
from bot.render import escape
from bot.report import StatsReport, UnansweredCluster
from bot.storage.questionlog import QuestionLog
from bot.telegram.handlers import _is_admin, user_language
from bot.telegram.state import Context
from bot.texts import t

MAX_DAYS = 3650
CLUSTERS_PER_PAGE = 5
EXAMPLE_CHARS = 150
PAGE = "u"  # u:<days>:<page>: that page of /unanswered
PAGE_PATTERN = r"^u:[0-9]+:[0-9]+$"


def _days(args: list[str] | None) -> int | None:
    """The ``[days]`` argument: default 7; None when it is not a number from 1 to MAX_DAYS."""
    if not args:
        return report.DEFAULT_DAYS
    if len(args) == 1 and args[0].isdigit() and 1 <= int(args[0]) <= MAX_DAYS:
        return int(args[0])
    return None


@dataclass(frozen=True, slots=True)
class _Stats:
    report: StatsReport
    chart: bytes


def _read_stats(questionlog: QuestionLog, days: int, lang: Lang) -> _Stats:
    with questionlog.reading() as conn:
        stats = report.stats(conn, now=time.time(), days=days)
    return _Stats(stats, chart_png(stats.per_day, lang))


def _read_unanswered(
    questionlog: QuestionLog, days: int, knowledge: Knowledge
) -> list[UnansweredCluster]:
    key = normalized_key(knowledge.synonyms)
    with questionlog.reading() as conn:
        return report.unanswered(conn, now=time.time(), days=days, key=key)


async def _admin_request(
    update: Update, context: Context, command: str
) -> tuple[Message, Lang, int] | None:
    """The message, language and days of an admin command; ``None`` (after saying why) when
    the sender is no admin or the days are not a number in range."""
    if not await _is_admin(update, context, command):
        return None
    message = update.effective_message
    assert message
    lang = user_language(update)
    days = _days(context.args)
    if days is None:
        await message.reply_text(t("days_usage", lang, command=command, max=MAX_DAYS))
        return None
    return message, lang, days


async def stats(update: Update, context: Context) -> None:
    """Admins: questions per day, answer rate, top entries, votes, askers, and a chart."""
    request = await _admin_request(update, context, "/stats")
    if request is None:
        return
    message, lang, days = request
    questionlog = context.bot_data.questionlog
    if questionlog is None:
        counts = context.bot_data.stats
        await message.reply_text(
            t("stats_log_off", lang)
            + "\n"
            + t(
                "stats",
                lang,
                answered=counts.answered.total(),
                declined=counts.declined.total(),
                rows=escape("\n".join(counts.rows())),
            )
        )
        return
    result = await asyncio.to_thread(_read_stats, questionlog, days, lang)
    await message.reply_text(escape(report.format_stats(result.report, lang)))
    await message.reply_photo(result.chart, filename=f"stats-{days}d.png")


def _page(
    groups: list[UnansweredCluster], days: int, page: int, lang: Lang
) -> tuple[str, InlineKeyboardMarkup | None]:
    if not groups:
        return escape(t("unanswered_none", lang, days=days)), None
    pages = -(-len(groups) // CLUSTERS_PER_PAGE)
    page = min(max(page, 0), pages - 1)
    first = page * CLUSTERS_PER_PAGE
    total = sum(g.cluster.count for g in groups)
    lines = [
        t("unanswered_header", lang, days=days, questions=total, clusters=len(groups)),
        *(
            report.format_cluster(number, group, limit=EXAMPLE_CHARS)
            for number, group in enumerate(groups[first : first + CLUSTERS_PER_PAGE], first + 1)
        ),
    ]
    if pages > 1:
        lines.append(t("unanswered_page", lang, page=page + 1, pages=pages))
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton("« ", callback_data=f"{PAGE}:{days}:{page - 1}"))
    if page < pages - 1:
        nav.append(InlineKeyboardButton(" »", callback_data=f"{PAGE}:{days}:{page + 1}"))
    return escape("\n".join(lines)), InlineKeyboardMarkup([nav]) if nav else None


async def unanswered(update: Update, context: Context) -> None:
    """Admins: the questions the bot could not answer, grouped by similarity, paged."""
    request = await _admin_request(update, context, "/unanswered")
    if request is None:
        return
    message, lang, days = request
    questionlog = context.bot_data.questionlog
    if questionlog is None:
        await message.reply_text(t("stats_log_off", lang))
        return
    knowledge = context.bot_data.matcher.knowledge
    groups = await asyncio.to_thread(_read_unanswered, questionlog, days, knowledge)
    text, markup = _page(groups, days, 0, lang)
    await message.reply_text(text, reply_markup=markup)


async def unanswered_page(update: Update, context: Context) -> None:
    """Admins: turn a page of /unanswered."""
    query = update.callback_query
    assert query and query.data
    user = query.from_user
    if not context.bot_data.is_admin(user.id):
        await query.answer(t("not_admin", user_language(update)))
        return
    await query.answer()
    _, days_text, page_text = query.data.split(":")
    questionlog = context.bot_data.questionlog
    if questionlog is None:
        return
    days = min(max(int(days_text), 1), MAX_DAYS)
    knowledge = context.bot_data.matcher.knowledge
    groups = await asyncio.to_thread(_read_unanswered, questionlog, days, knowledge)
    text, markup = _page(groups, days, int(page_text), user_language(update))
    await query.edit_message_text(text, reply_markup=markup)
