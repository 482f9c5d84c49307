"""Fetching updates that PTB cannot parse, without spinning on them.

PTB parses a whole ``getUpdates`` batch at once. One update it cannot parse fails the batch,
the offset never moves past it, and the poller fetches it again at once, forever (logging a
traceback each time). Here (``TolerantBot.get_updates``), when a batch fails to parse, it is
fetched once more as plain JSON (it was not confirmed, so it comes back) and each update is
tried on its own; one that fails is logged once and replaced by a bare ``{"update_id": N}``,
which no handler matches, so the offset moves past it and everything after it is answered.
A batch that parses costs nothing extra.

``ALLOWED_UPDATES`` names exactly the update types the bot has handlers for.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import JSONDict, ODVInput, TimePeriod
from telegram.error import TelegramError
from telegram.ext import ExtBot

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
]


def parseable(item: Any) -> Any:
    """``item`` if PTB can parse it as an update, else a bare update with its id."""
    try:
        Update.de_json(item, None)
    except Exception as error:
        update_id = item.get("update_id") if isinstance(item, dict) else None
        if not isinstance(update_id, int):
            raise  # without an id there is nothing to confirm: let PTB report it
        log.error("skipping update %s that can't be parsed (%r): %.300s", update_id, error, item)
        return {"update_id": update_id}
    return item


class TolerantBot(ExtBot[int]):
    """PTB's ``ExtBot`` with a ``get_updates`` that skips what it can't parse."""

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimePeriod | None = None,  # noqa: ASYNC109 (PTB's signature)
        allowed_updates: Sequence[str] | None = None,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
        api_kwargs: JSONDict | None = None,
    ) -> tuple[Update, ...]:
        try:
            return await super().get_updates(
                offset,
                limit,
                timeout,
                allowed_updates,
                read_timeout=read_timeout,
                write_timeout=write_timeout,
                connect_timeout=connect_timeout,
                pool_timeout=pool_timeout,
                api_kwargs=api_kwargs,
            )
        except TelegramError:
            raise
        except Exception:
            data = {"offset": offset, "limit": limit, "allowed_updates": allowed_updates}
            batch = await self._post("getUpdates", data)
            return Update.de_list([parseable(item) for item in batch], self)
