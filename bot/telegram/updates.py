"""Fetching updates that PTB cannot parse, without spinning on them.

PTB parses a whole ``getUpdates`` batch at once. One update it cannot parse fails the batch,
the offset never moves past it, and the poller fetches it again at once, forever (logging a
traceback each time). Here, in the request for ``getUpdates``, each update of a batch is tried
on its own; one that fails is logged once and replaced by a bare ``{"update_id": N}``, which no
handler matches, so the offset moves past it and everything after it is answered.

``ALLOWED_UPDATES`` names exactly the update types the bot has handlers for.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.request import HTTPXRequest

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


class TolerantUpdatesRequest(HTTPXRequest):
    """The ``get_updates_request``: replaces unparseable updates (see the module docstring).
    Used for ``getUpdates`` only, so a list result is always a batch of updates."""

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict[str, Any]:
        data = HTTPXRequest.parse_json_payload(payload)
        if isinstance(data.get("result"), list):
            data["result"] = [parseable(item) for item in data["result"]]
        return data
