"""Webhook mode: every update must carry the secret token registered with ``setWebhook``.

Without ``WEBHOOK_SECRET_TOKEN`` a random secret is generated at each start and registered, so a
webhook is never open to forged updates (Telegram sends the secret in the
``X-Telegram-Bot-Api-Secret-Token`` header; PTB's server answers 403 without it).
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from telegram.ext import Application

from bot.settings import Settings
from bot.telegram.updates import ALLOWED_UPDATES

log = logging.getLogger(__name__)


def webhook_secret(settings: Settings) -> str:
    """The configured secret, or a fresh random one (Telegram allows 1-256 of A-Z a-z 0-9 _ -)."""
    if settings.webhook_secret_token is not None:
        return settings.webhook_secret_token.get_secret_value()
    log.info("no WEBHOOK_SECRET_TOKEN set: registering a random secret for this run")
    return secrets.token_urlsafe(32)


def run_webhook(application: Application[Any, Any, Any, Any, Any, Any], settings: Settings) -> None:
    """Serve updates by webhook until SIGTERM, authenticated by the secret token."""
    assert settings.webhook_url
    application.run_webhook(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=settings.webhook_path,
        webhook_url=settings.webhook_url.rstrip("/") + "/" + settings.webhook_path,
        secret_token=webhook_secret(settings),
        allowed_updates=ALLOWED_UPDATES,
        bootstrap_retries=settings.startup_retries,
    )
