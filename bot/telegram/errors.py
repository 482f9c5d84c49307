"""The error handler: say why exactly once.

* interrupted by the shutdown (``ShuttingDown``): nothing was sent; the update stays in the
  journal and is answered after the restart;
* otherwise: log with the traceback, alert the admins (aggregated per kind of error), and
  apologise to the user, unless the reply may have arrived (a read timeout): an apology on top
  of an answer would be wrong.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot.telegram import reports
from bot.telegram.handlers import user_language
from bot.telegram.ratelimit import ShuttingDown, may_have_arrived
from bot.telegram.state import Context
from bot.texts import t

log = logging.getLogger(__name__)


async def error_handler(update: object, context: Context) -> None:
    """Log the error with its traceback, tell the admins, and apologise to the user."""
    error = context.error
    data = context.bot_data
    if isinstance(error, ShuttingDown):
        if isinstance(update, Update) and data.journal is not None:
            data.journal.keep(update)
        log.info("shutting down: update %s stays journalled", getattr(update, "update_id", None))
        return
    log.error("error while handling an update", exc_info=error)
    if data.alerts is not None:
        await data.alerts.report(type(error).__name__, reports.error_alert(error))
    if error is not None and may_have_arrived(error):
        log.warning("no apology: the reply timed out but may have arrived")
        return
    if isinstance(update, Update) and update.effective_message:
        try:
            await update.effective_message.reply_text(t("error", user_language(update)))
        except ShuttingDown:
            if data.journal is not None:
                data.journal.keep(update)
        except Exception:
            log.warning("could not tell the user about the error")
