"""Build and run the Telegram ``Application``."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot import worker
from bot.knowledge import KnowledgeError
from bot.settings import Settings
from bot.storage.questionlog import QuestionLog
from bot.telegram import admin, edits, errors, feedback, flood, handlers, insights, webhook
from bot.telegram.alerts import AdminAlerts
from bot.telegram.journal import Journal
from bot.telegram.lanes import ChatLaneProcessor
from bot.telegram.ratelimit import PacingRateLimiter
from bot.telegram.state import BotData
from bot.telegram.updates import ALLOWED_UPDATES, TolerantBot

log = logging.getLogger(__name__)

BotApp = Application[Any, Any, Any, Any, BotData, Any]
JOURNAL_FILE = "journal.sqlite3"


class BotApplication(Application[Any, Any, Any, Any, BotData, Any]):
    """PTB's ``Application`` with a start that says what it waits for and a stop that drains:
    on SIGTERM nothing waits for a rate limit any more, so the process exits within seconds
    and what it could not answer stays in the journal for the next start."""

    async def initialize(self) -> None:
        try:
            await super().initialize()
        except TelegramError as error:
            log.warning("the Bot API is not reachable (%s); retrying with backoff", error)
            raise

    async def stop(self) -> None:
        log.info("stopping: unanswered questions stay journalled for the next start")
        if isinstance(self.bot.rate_limiter, PacingRateLimiter):
            self.bot.rate_limiter.drain()
        if isinstance(self.update_processor, ChatLaneProcessor):
            self.update_processor.drain()
        await super().stop()


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
    """Register the command menus in German and English; queue what the last run left."""
    for lang, commands in COMMANDS.items():
        await application.bot.set_my_commands(
            [BotCommand(name, text) for name, text in commands],
            language_code=lang if lang == "de" else None,
        )
    try:  # start the worker processes' fork server now: the first /reload then starts fast
        await asyncio.to_thread(worker.warm_up)
    except worker.WorkerError as error:
        log.warning("the loader's worker process did not start (%s); /reload will retry", error)
    journal = application.bot_data.journal
    left = journal.pending() if journal else []
    for payload in left:
        await application.update_queue.put(Update.de_json(payload, application.bot))
    if left:
        log.info("answering %d questions journalled by the last run", len(left))
    log.info("bot @%s is up", application.bot.username)


async def _post_shutdown(application: BotApp) -> None:
    """Close what the application's lifetime held."""
    data = application.bot_data
    if data.alerts:
        data.alerts.close()
    if data.journal:
        data.journal.close()
    if data.questionlog is not None:  # write what is still queued
        await asyncio.to_thread(data.questionlog.close)


def build_application(settings: Settings) -> BotApp:
    """The bot: loads the knowledge (raises ``KnowledgeError``) and registers every handler."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    loaded = admin.load(settings)
    context_types = ContextTypes(bot_data=BotData)
    journal = Journal(settings.data_dir / JOURNAL_FILE)
    limiter = PacingRateLimiter(
        overall_per_second=settings.rate_overall_per_second,
        group_per_minute=settings.rate_group_per_minute,
        private_interval=settings.rate_private_interval,
        max_retries=settings.send_retries,
        pace=settings.rate_limits,
    )
    processor = ChatLaneProcessor(
        journal,
        concurrent=settings.max_concurrent_updates,
        queue_limit=settings.chat_queue_limit,
    )
    bot = TolerantBot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.file_base_url,
        defaults=Defaults(parse_mode=ParseMode.HTML),
        rate_limiter=limiter,
        request=HTTPXRequest(connection_pool_size=settings.connection_pool_size),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
    )
    application: BotApp = (
        ApplicationBuilder()
        .application_class(BotApplication)
        .bot(bot)
        .context_types(context_types)
        .concurrent_updates(processor)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    data = application.bot_data
    data.settings = settings
    data.matcher = loaded.matcher
    data.journal = journal
    data.alerts = AdminAlerts(
        application.bot.send_message, settings.admin_ids, settings.alert_interval
    )
    if settings.flood_questions_per_minute:
        data.flood = flood.FloodControl(settings.flood_questions_per_minute)
    if settings.question_log:
        data.questionlog = QuestionLog(
            settings.question_log_file, retention_days=settings.question_log_retention_days
        )

    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    # Flood control sees every update first and stops a flooded user's (ApplicationHandlerStop).
    application.add_handler(TypeHandler(Update, flood.check_flood), group=-1)
    # Order matters: an edited question first (it edits its reply; no other handler may answer
    # it anew), then commands (PTB ignores /cmd@OtherBot by itself), then admin uploads, then
    # free text, which in groups is answered only when it addresses the bot, then the rest.
    application.add_handlers(
        [
            MessageHandler(filters.UpdateType.EDITED_MESSAGE, edits.edited_question),
            CommandHandler("start", handlers.start),
            CommandHandler("help", handlers.help_command),
            CommandHandler("source", handlers.source),
            CommandHandler("faq", handlers.faq),
            CommandHandler(["ask", "frage"], handlers.ask),
            CommandHandler("reload", handlers.reload),
            CommandHandler("stats", insights.stats),
            CommandHandler("unanswered", insights.unanswered),
            MessageHandler(private & filters.Document.ALL, handlers.document),
            MessageHandler(private & filters.TEXT & ~filters.COMMAND, handlers.private_text),
            MessageHandler(groups & filters.TEXT & ~filters.COMMAND, handlers.group_text),
            # An unknown command in a private chat gets the help; stickers, photos, voice … a
            # hint; in groups, silence.
            MessageHandler(private & filters.COMMAND, handlers.help_command),
            MessageHandler(private & filters.UpdateType.MESSAGE & ~filters.TEXT, handlers.not_text),
            # Votes and /unanswered pages before the general button handler, which logs any
            # callback data it does not know.
            CallbackQueryHandler(feedback.vote, pattern=feedback.VOTE_PATTERN),
            CallbackQueryHandler(insights.unanswered_page, pattern=insights.PAGE_PATTERN),
            CallbackQueryHandler(handlers.button),
            InlineQueryHandler(handlers.inline_query),
        ]
    )
    application.add_error_handler(errors.error_handler)
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
        application.run_polling(
            allowed_updates=ALLOWED_UPDATES, bootstrap_retries=settings.startup_retries
        )
    return 0
