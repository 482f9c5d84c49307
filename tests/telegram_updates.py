"""Builders for the Bot API update objects the tests push into the fake server."""

from __future__ import annotations

import itertools
import time
from typing import Any

from tests.fake_telegram import BOT_ID, BOT_USERNAME

_ids = itertools.count(1)


def user(user_id: int = 10, lang: str = "de") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Ann", "language_code": lang}


def message(
    text: str | None,
    *,
    chat_id: int = 10,
    chat_type: str = "private",
    user_id: int | None = None,
    lang: str = "de",
    reply_to_bot: bool = False,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": chat_type, "title": "Test group"}
        if chat_type != "private"
        else {"id": chat_id, "type": "private", "first_name": "Ann"},
        # In a private chat the user is the chat; in groups one user unless told otherwise.
        "from": user(user_id or (chat_id if chat_type == "private" else 10), lang),
    }
    if text is not None:
        msg["text"] = text
        entities = []
        if text.startswith("/"):
            entities.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
        mention = f"@{BOT_USERNAME}"
        if mention in text and not text.startswith("/"):
            entities.append(
                {"type": "mention", "offset": text.index(mention), "length": len(mention)}
            )
        if entities:
            msg["entities"] = entities
    if reply_to_bot:
        msg["reply_to_message"] = {
            "message_id": 999,
            "date": int(time.time()),
            "chat": msg["chat"],
            "from": {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "AsiaForward",
                "username": BOT_USERNAME,
            },
            "text": "earlier answer",
        }
    msg.update(extra or {})
    return {"message": msg}


def callback(
    data: str,
    *,
    chat_id: int = 10,
    lang: str = "de",
    user_id: int | None = None,
    chat_type: str = "private",
) -> dict[str, Any]:
    chat: dict[str, Any] = (
        {"id": chat_id, "type": "private", "first_name": "Ann"}
        if chat_type == "private"
        else {"id": chat_id, "type": chat_type, "title": "Test group"}
    )
    return {
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(chat_id if user_id is None else user_id, lang),
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": next(_ids),
                "date": int(time.time()),
                "chat": chat,
                "from": {
                    "id": BOT_ID,
                    "is_bot": True,
                    "first_name": "AsiaForward",
                    "username": BOT_USERNAME,
                },
                "text": "buttons",
            },
        }
    }


def inline(query: str, *, lang: str = "en") -> dict[str, Any]:
    return {
        "inline_query": {
            "id": str(next(_ids)),
            "from": user(10, lang),
            "query": query,
            "offset": "",
        }
    }


def document(file_id: str, name: str, *, user_id: int = 1) -> dict[str, Any]:
    update = message(None, chat_id=user_id, user_id=user_id)
    update["message"]["document"] = {
        "file_id": file_id,
        "file_unique_id": file_id,
        "file_name": name,
        "mime_type": "application/x-yaml",
    }
    return update


def edited(update: dict[str, Any], text: str) -> dict[str, Any]:
    """``update``'s message, edited to say ``text``."""
    msg = {**update["message"], "text": text, "edit_date": int(time.time())}
    msg.pop("entities", None)
    if text.startswith("/"):
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"edited_message": msg}
