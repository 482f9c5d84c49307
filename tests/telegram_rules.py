"""What the real Bot API checks before it sends a message, for the fake server.

* ``validate``: HTML with only Telegram's tags, balanced, only its entities; at most 4096
  characters of text after parsing; ``callback_data`` at most 64 bytes. Returns the 400
  description Telegram would give, or None.
* ``FloodLimits``: at most 30 messages per second overall, 20 per minute per group and one per
  second per private chat, counted when a request arrives; beyond them a 429 with
  ``retry_after``.
"""

from __future__ import annotations

import math
import re
import time
from collections import defaultdict, deque
from typing import Any

ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "tg-emoji",
    "code",
    "pre",
    "blockquote",
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64

_TOKEN = re.compile(
    r"<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>[^<>]*)>"
    r"|&(?P<entity>#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);"
    r"|(?P<stray>[<&])"
)


def parse_html(text: str) -> tuple[str | None, int]:
    """(error, length of the visible text in UTF-16 units) of a Telegram HTML message."""
    stack: list[str] = []
    visible: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        visible.append(text[position : match.start()])
        position = match.end()
        offset = len(text[: match.start()].encode())
        if match["stray"]:
            return f"can't parse entities: unexpected {match['stray']!r} at byte offset {offset}", 0
        if match["entity"]:
            name = match["entity"]
            if name.startswith("#"):
                visible.append("?")
            elif name in NAMED_ENTITIES:
                visible.append(NAMED_ENTITIES[name])
            else:
                return f"can't parse entities: unsupported entity &{name};", 0
            continue
        tag = match["tag"].lower()
        if tag not in ALLOWED_TAGS:
            return (
                f'can\'t parse entities: unsupported start tag "{tag}" at byte offset {offset}',
                0,
            )
        if match["close"]:
            if not stack or stack[-1] != tag:
                return f"can't parse entities: can't find end tag corresponding to \"{tag}\"", 0
            stack.pop()
        else:
            stack.append(tag)
    visible.append(text[position:])
    if stack:
        return f"can't parse entities: can't find end of {stack[-1]} entity", 0
    plain = "".join(visible)
    return None, len(plain.encode("utf-16-le")) // 2


def validate(method: str, params: dict[str, Any]) -> str | None:
    """The description of the 400 Telegram would answer ``params`` with, or None."""
    texts: list[tuple[str, str | None]] = []
    if method in ("sendMessage", "editMessageText"):
        texts.append((str(params.get("text", "")), params.get("parse_mode")))
    if method == "answerInlineQuery":
        for result in params.get("results") or []:
            content = result.get("input_message_content") or {}
            texts.append((str(content.get("message_text", "")), content.get("parse_mode")))
    for text, parse_mode in texts:
        if not text.strip():
            return "Bad Request: message text is empty"
        length = len(text.encode("utf-16-le")) // 2
        if parse_mode == "HTML":
            error, length = parse_html(text)
            if error:
                return f"Bad Request: {error}"
        if length > MAX_TEXT:
            return "Bad Request: message is too long"
    markup = params.get("reply_markup") or {}
    for row in markup.get("inline_keyboard") or []:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                return "Bad Request: BUTTON_DATA_INVALID"
    return None


PACED_METHODS = ("sendMessage", "editMessageText")


class FloodLimits:
    """Telegram's limits on sending, counted at arrival; ``check`` returns a retry_after or None
    and records the send when it is allowed. Not thread-safe: call it under the server's lock."""

    def __init__(
        self,
        overall_per_second: int = 30,
        group_per_minute: int = 20,
        private_per_second: int = 1,
    ) -> None:
        self.overall = (overall_per_second, 1.0)
        self.group = (group_per_minute, 60.0)
        self.private = (private_per_second, 1.0)
        self._all: deque[float] = deque()
        self._chats: defaultdict[int, deque[float]] = defaultdict(deque)
        self.peak_per_second = 0
        self.peak_per_group_minute = 0

    @staticmethod
    def _wait(stamps: deque[float], limit: tuple[int, float], now: float) -> int | None:
        rate, period = limit
        while stamps and stamps[0] <= now - period:
            stamps.popleft()
        if len(stamps) < rate:
            return None
        return max(1, math.ceil(stamps[0] + period - now))

    def check(self, method: str, params: dict[str, Any]) -> int | None:
        if method not in PACED_METHODS or "chat_id" not in params:
            return None
        chat_id = int(params["chat_id"])
        now = time.monotonic()
        chat = self._chats[chat_id]
        retry = self._wait(chat, self.group if chat_id < 0 else self.private, now)
        retry = retry or self._wait(self._all, self.overall, now)
        if retry:
            return retry
        chat.append(now)
        self._all.append(now)
        self.peak_per_second = max(self.peak_per_second, len(self._all))
        if chat_id < 0:
            self.peak_per_group_minute = max(self.peak_per_group_minute, len(chat))
        return None
