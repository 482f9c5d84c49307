"""Edited questions: edit the bot's reply instead of sending a second one.

The reply's message ids come from the journal (``replies``, kept for 48 hours). A question the
bot never answered (or answered too long ago) is answered as if it were new; an edited message
that isn't a question to the bot is ignored.
"""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.telegram import feedback
from bot.telegram.handlers import (
    _addressed_question,
    answer_question,
    language_of,
    reply_parts,
)
from bot.telegram.state import Context

log = logging.getLogger(__name__)

ASK_COMMANDS = ("ask", "frage")


def question_in(message: Message, username: str, bot_id: int) -> str | None:
    """The question an (edited) message asks the bot, or None if it asks none."""
    text = (message.text or "").strip()
    if text.startswith("/"):
        command, _, rest = text.partition(" ")
        name, _, target = command[1:].partition("@")
        if name.lower() not in ASK_COMMANDS or (target and target.lower() != username.lower()):
            return None
        return rest.strip() or None
    if message.chat.type == ChatType.PRIVATE:
        return text or None
    return _addressed_question(message, username, bot_id) or None


async def edited_question(update: Update, context: Context) -> None:
    """Edit the reply to an edited question (or answer it, if it has none yet)."""
    message = update.edited_message
    if message is None:
        return
    question = question_in(message, context.bot.username, context.bot.id)
    if question is None:
        return
    journal = context.bot_data.journal
    reply_ids = journal.reply_ids(message.chat.id, message.message_id) if journal else []
    if not reply_ids:
        await answer_question(message, question, context)
        return
    matcher = context.bot_data.matcher
    result = matcher.ask(question, default_language=language_of(message.from_user))
    edit = message.edit_date.timestamp() if message.edit_date else 0  # each edit is a question
    origin = f"{message.chat.id}:{message.message_id}:edited:{edit:.0f}"
    question_id = feedback.log_question(
        context.bot_data, result, message.chat.type, message.from_user, origin
    )
    chunks, markup = reply_parts(result, matcher.knowledge, question_id)
    kept: list[int] = []
    for number, chunk in enumerate(chunks):
        buttons = markup if number == len(chunks) - 1 else None
        if number < len(reply_ids):
            try:
                await context.bot.edit_message_text(
                    chunk, message.chat.id, reply_ids[number], reply_markup=buttons
                )
            except BadRequest as error:
                if "not modified" not in str(error).lower():
                    raise
            kept.append(reply_ids[number])
        else:
            sent = await message.reply_text(chunk, reply_markup=buttons)
            kept.append(sent.message_id)
    for extra in reply_ids[len(chunks) :]:
        await context.bot.delete_message(message.chat.id, extra)
    if journal is not None:
        journal.remember_reply(message.chat.id, message.message_id, kept)
