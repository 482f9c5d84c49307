"""The callbacks: each a few lines that call the core and reply.

Every reply is HTML (``Defaults(parse_mode=HTML)``); every user or article text in it is escaped
by ``bot.render`` or here with ``bot.render.escape``.
"""

from __future__ import annotations

import logging
import re
from uuid import uuid4

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
    User,
)
from telegram.constants import ChatType

from bot.knowledge import ArticleMeta, Knowledge, KnowledgeError, Lang
from bot.matcher import MAX_QUESTION_CHARS
from bot.normalize import clean_question
from bot.render import escape, render
from bot.result import MatchResult
from bot.telegram import admin, feedback, keyboards, reports
from bot.telegram.state import Context
from bot.telegram_html import split_html
from bot.texts import t

log = logging.getLogger(__name__)


def language_of(user: User | None) -> Lang:
    """A Telegram user's language: German, or (for everything else) English."""
    code = user.language_code if user else None
    return "de" if (code or "").lower().startswith("de") else "en"


def user_language(update: Update) -> Lang:
    """The language of the user who sent ``update``."""
    return language_of(update.effective_user)


def _title(meta: ArticleMeta, lang: Lang) -> str:
    return meta.title if lang == "de" else meta.title_en or meta.title


def reply_parts(
    result: MatchResult, knowledge: Knowledge, question_id: int | None
) -> tuple[list[str], InlineKeyboardMarkup | None]:
    """The reply to ``result`` as valid HTML messages of at most 4096 characters, and the
    buttons for the last one: "did you mean" suggestions, and 👍/👎 when the question is
    logged (``question_id``)."""
    chunks = split_html(render(result, knowledge, markup=True))
    markup = keyboards.suggestions_keyboard(result.suggestions, result.language)
    if question_id is not None:
        markup = feedback.with_votes(markup, question_id)
    return chunks, markup


async def send_answer(
    message: Message, result: MatchResult, knowledge: Knowledge, question_id: int | None = None
) -> list[Message]:
    """Reply to ``message`` with ``result`` (rendered with the knowledge that produced it):
    split into valid messages of at most 4096 characters, buttons on the last part (👍/👎 when
    the question is logged). Returns the messages sent."""
    chunks, markup = reply_parts(result, knowledge, question_id)
    sent = []
    for number, chunk in enumerate(chunks):
        last = number == len(chunks) - 1
        sent.append(await message.reply_text(chunk, reply_markup=markup if last else None))
    return sent


async def answer_question(message: Message, question: str, context: Context) -> None:
    """Answer ``question`` asked in ``message``, count and log it, and remember the reply (so
    that an edit of the question edits it)."""
    data = context.bot_data
    matcher = data.matcher  # read once: a reload meanwhile doesn't change this answer
    fallback = language_of(message.from_user)
    result = matcher.ask(question, default_language=fallback)  # the matcher cleans and cuts
    if result.asked:  # (a greeting, thanks or "ok" is no question)
        data.stats.record(result.answered, message.chat.type, result.language)
    origin = f"{message.chat.id}:{message.message_id}"
    question_id = feedback.log_question(data, result, message.chat.type, message.from_user, origin)
    sent = await send_answer(message, result, matcher.knowledge, question_id)
    if data.journal is not None:
        data.journal.remember_reply(
            message.chat.id, message.message_id, [reply.message_id for reply in sent]
        )


# --- commands --------------------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """Greet the user with three example questions as buttons."""
    lang = user_language(update)
    meta = context.bot_data.matcher.knowledge.meta
    suggestions = context.bot_data.matcher.suggest(lang)
    assert update.effective_message
    await update.effective_message.reply_text(
        t("start", lang, title=escape(_title(meta, lang)), source=escape(meta.source)),
        reply_markup=keyboards.suggestions_keyboard(suggestions, lang),
    )


async def help_command(update: Update, context: Context) -> None:
    """Explain what the bot knows and how to ask it."""
    lang = user_language(update)
    meta = context.bot_data.matcher.knowledge.meta
    assert update.effective_message
    await update.effective_message.reply_text(
        t(
            "help",
            lang,
            title=escape(_title(meta, lang)),
            source=escape(meta.source),
            username=context.bot.username,
        )
    )


async def source(update: Update, context: Context) -> None:
    """Show the article's title and source and how answers cite it."""
    lang = user_language(update)
    knowledge = context.bot_data.matcher.knowledge
    assert update.effective_message
    await update.effective_message.reply_text(
        t(
            "source",
            lang,
            title=escape(knowledge.meta.title),
            source=escape(knowledge.meta.source),
            count=len(knowledge.sentences),
        )
    )


async def faq(update: Update, context: Context) -> None:
    """Browse all questions, a page of buttons at a time."""
    lang = user_language(update)
    knowledge = context.bot_data.matcher.knowledge
    assert update.effective_message
    await update.effective_message.reply_text(
        t("faq_header", lang, page=1, pages=keyboards.page_count(knowledge)),
        reply_markup=keyboards.faq_keyboard(knowledge, 0, lang),
    )


async def ask(update: Update, context: Context) -> None:
    """Answer ``/ask <question>`` or ``/frage <question>``; a usage hint without a question."""
    message = update.effective_message
    assert message
    question = " ".join(context.args or []).strip()
    if not question:
        lang: Lang = "de" if (message.text or "").lower().startswith("/frage") else "en"
        await message.reply_text(t("ask_usage", lang))
        return
    await answer_question(message, question, context)


# --- plain messages ----------------------------------------------------------------------------


async def private_text(update: Update, context: Context) -> None:
    """In a private chat every text is a question."""
    message = update.effective_message
    assert message and message.text is not None
    await answer_question(message, message.text, context)


async def not_text(update: Update, context: Context) -> None:
    """A sticker, photo or voice message in a private chat: say what the bot understands."""
    assert update.effective_message
    await update.effective_message.reply_text(t("not_text", user_language(update)))


def _addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question in a group message if it mentions or replies to the bot, else None."""
    text = message.text or ""
    mentions = [
        e
        for e in message.entities
        if e.type == MessageEntity.MENTION
        and message.parse_entity(e).lower() == f"@{username}".lower()
    ]
    replied = message.reply_to_message
    if not mentions and not (replied and replied.from_user and replied.from_user.id == bot_id):
        return None
    for entity in mentions:
        text = text.replace(message.parse_entity(entity), " ")
    return re.sub(r"\s+", " ", text).strip()


async def group_text(update: Update, context: Context) -> None:
    """In groups answer only messages that mention the bot or reply to it; ignore the rest."""
    message = update.effective_message
    assert message
    question = _addressed_question(message, context.bot.username, context.bot.id)
    if question is None:
        return
    if not question:
        await message.reply_text(t("ask_usage", user_language(update)))
        return
    await answer_question(message, question, context)


# --- buttons and inline mode --------------------------------------------------------------------


async def button(update: Update, context: Context) -> None:
    """A tap on a suggestion answers it; a tap on « or » turns the /faq page."""
    query = update.callback_query
    assert query
    await query.answer()
    try:  # odd data (none, a game, "p:²:de") is ignored quietly: no apology, no alert
        kind, value, lang = keyboards.parse(query.data)
    except ValueError:
        log.info("ignoring unknown callback data %r", query.data)
        return
    matcher = context.bot_data.matcher
    if kind == keyboards.PAGE:
        page = keyboards.clamp_page(matcher.knowledge, int(value))
        pages = keyboards.page_count(matcher.knowledge)
        await query.edit_message_text(
            t("faq_header", lang, page=page + 1, pages=pages),
            reply_markup=keyboards.faq_keyboard(matcher.knowledge, page, lang),
        )
        return
    entry = matcher.knowledge.entry(value)
    if entry is None or not isinstance(query.message, Message):
        return
    question = entry.questions.get(lang)[0]
    result = matcher.answer_entry(question, entry, lang)
    chat_type = query.message.chat.type
    context.bot_data.stats.record(True, chat_type, lang)
    question_id = feedback.log_question(
        context.bot_data, result, chat_type, query.from_user, f"callback:{query.id}"
    )
    await send_answer(query.message, result, matcher.knowledge, question_id)


async def inline_query(update: Update, context: Context) -> None:
    """``@bot question`` anywhere: up to three best answers as articles."""
    query = update.inline_query
    assert query
    matcher = context.bot_data.matcher
    text = clean_question(query.query, MAX_QUESTION_CHARS)
    if not text:
        await query.answer([], cache_time=10)
        return
    fallback = user_language(update)
    result = matcher.ask(text, default_language=fallback)
    lang = result.language
    results = []
    if result.answered:
        candidates = [result]
    else:
        candidates = []
        for suggestion in result.suggestions:
            entry = matcher.knowledge.entry(suggestion.faq_id)
            if entry:
                candidates.append(matcher.answer_entry(suggestion.question, entry, lang))
    for candidate in candidates[:3]:
        title = candidate.answer or t("quote_intro", lang)
        body = split_html(render(candidate, matcher.knowledge, markup=True))[0]
        results.append(
            InlineQueryResultArticle(
                id=str(uuid4()),
                title=(candidate.question if not result.answered else title)[:100],
                description=title[:200],
                input_message_content=InputTextMessageContent(body),
            )
        )
    if result.asked:
        context.bot_data.stats.record(result.answered, ChatType.SENDER, lang)
    await query.answer(results, cache_time=60)


# --- admin -------------------------------------------------------------------------------------


async def _is_admin(update: Update, context: Context, action: str) -> bool:
    """True for admins; everyone else gets a polite refusal and the attempt is logged."""
    user = update.effective_user
    if context.bot_data.is_admin(user.id if user else None):
        return True
    log.warning("refused %s for non-admin user %s", action, user.id if user else None)
    if update.effective_message:
        await update.effective_message.reply_text(t("not_admin", user_language(update)))
    return False


async def reload(update: Update, context: Context) -> None:
    """Re-read KNOWLEDGE_DIR and swap the FAQ; on error keep the old one and say why."""
    if not await _is_admin(update, context, "/reload"):
        return
    data = context.bot_data
    user = update.effective_user
    lang = user_language(update)
    message = update.effective_message
    assert message
    try:
        loaded = await admin.load_isolated(data.settings)
    except KnowledgeError as error:
        log.warning("reload failed: %s", error)
        errors = reports.problem_lines(error, lang)
        await reports.reply_in_parts(message, t("reload_failed", lang, errors=errors))
        return
    data.matcher = loaded.matcher
    log.info("FAQ reloaded by %s", user.id if user else None)
    await message.reply_text(t("reload_ok", lang, **loaded.counts()))


async def document(update: Update, context: Context) -> None:
    """An admin sends faq.yaml: validate it, back up the old file and go live, or explain."""
    if not await _is_admin(update, context, "FAQ upload"):
        return
    data = context.bot_data
    message = update.effective_message
    assert message and message.document
    lang = user_language(update)
    name = (message.document.file_name or "").lower()
    if not name.endswith((".yaml", ".yml")):
        await message.reply_text(t("upload_bad_name", lang))
        return
    file = await message.document.get_file()
    content = bytes(await file.download_as_bytearray())
    try:
        loaded, backup = await admin.install_faq(data.settings, content)
    except KnowledgeError as error:
        errors = reports.problem_lines(error, lang)
        await reports.reply_in_parts(message, t("upload_failed", lang, errors=errors))
        return
    data.matcher = loaded.matcher
    counts = t("reload_ok", lang, **loaded.counts())
    await message.reply_text(t("upload_ok", lang, backup=escape(backup.name), counts=counts))
