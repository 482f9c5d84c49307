"""Build and run the Telegram ``Application``."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import worker
from bot.knowledge import KnowledgeError
from bot.settings import Settings
from bot.telegram import admin, handlers, webhook
from bot.telegram.state import BotData

log = logging.getLogger(__name__)

BotApp = Application[Any, Any, Any, Any, BotData, Any]

COMMANDS = {
    "de": [
        ("frage", "Eine Frage zum Artikel stellen"),
        ("faq", "Alle Fragen durchblättern"),
        ("source", "Artikel und Quelle"),
        ("help", "Was ich kann"),
        ("start", "Begrüßung und Beispiele"),
    ],
    "en": [
        ("ask", "Ask a question about the article"),
        ("faq", "Browse all questions"),
        ("source", "The article and its source"),
        ("help", "What I can do"),
        ("start", "Greeting and examples"),
    ],
}


class RedactToken(logging.Filter):
    """Replace the bot token wherever it would appear in a log line (httpx logs URLs)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token and self.token in message:
            record.msg = message.replace(self.token, "<token>")
            record.args = ()
        return True


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=settings.log_level
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactToken(token))


async def _post_init(application: BotApp) -> None:
    """Register the command menus in German and English."""
    for lang, commands in COMMANDS.items():
        await application.bot.set_my_commands(
            [BotCommand(name, text) for name, text in commands],
            language_code=lang if lang == "de" else None,
        )
    try:  # start the worker processes' fork server now: the first /reload then starts fast
        await asyncio.to_thread(worker.warm_up)
    except worker.WorkerError as error:
        log.warning("the loader's worker process did not start (%s); /reload will retry", error)
    log.info("bot @%s is up", application.bot.username)


def build_application(settings: Settings) -> BotApp:
    """The bot: loads the knowledge (raises ``KnowledgeError``) and registers every handler."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    loaded = admin.load(settings)
    context_types = ContextTypes(bot_data=BotData)
    application: BotApp = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.file_base_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(AIORateLimiter())
        .context_types(context_types)
        .concurrent_updates(True)
        .post_init(_post_init)
        .build()
    )
    application.bot_data.settings = settings
    application.bot_data.matcher = loaded.matcher

    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    # Order matters: commands first (PTB ignores /cmd@OtherBot by itself), then admin uploads,
    # then free text, which in groups is answered only when it addresses the bot, then the rest.
    application.add_handlers(
        [
            CommandHandler("start", handlers.start),
            CommandHandler("help", handlers.help_command),
            CommandHandler("source", handlers.source),
            CommandHandler("faq", handlers.faq),
            CommandHandler(["ask", "frage"], handlers.ask),
            CommandHandler("reload", handlers.reload),
            CommandHandler("stats", handlers.stats),
            MessageHandler(private & filters.Document.ALL, handlers.document),
            MessageHandler(private & filters.TEXT & ~filters.COMMAND, handlers.private_text),
            MessageHandler(groups & filters.TEXT & ~filters.COMMAND, handlers.group_text),
            # An unknown command in a private chat gets the help; stickers, photos, voice … a
            # hint; in groups, silence.
            MessageHandler(private & filters.COMMAND, handlers.help_command),
            MessageHandler(private & filters.UpdateType.MESSAGE & ~filters.TEXT, handlers.not_text),
            CallbackQueryHandler(handlers.button),
            InlineQueryHandler(handlers.inline_query),
        ]
    )
    application.add_error_handler(handlers.error_handler)
    return application


def run_bot(settings: Settings) -> int:
    """``python -m bot run``: long polling, or a webhook when WEBHOOK_URL is set."""
    if settings.telegram_bot_token is None:
        print(
            "TELEGRAM_BOT_TOKEN is not set: put the token from @BotFather into .env "
            "(see .env.example), or run `python -m bot chat` to try the bot in the terminal."
        )
        return 2
    configure_logging(settings)
    try:
        application = build_application(settings)
    except KnowledgeError as error:
        log.error("the knowledge in %s is invalid:\n%s", settings.knowledge_dir, error)
        return 1
    if settings.webhook_url:
        webhook.run_webhook(application, settings)
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
