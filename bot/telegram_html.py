"""Telegram HTML: split a long reply into messages that are each valid on their own.

Telegram takes at most 4,096 characters per message, and rejects a whole message whose HTML
has a tag left open or closed that was never opened. ``split_html`` reads the reply with
``html.parser`` into characters, each with the tags around it, and cuts between characters: at a
line or sentence end where possible, at a space otherwise, mid-word only for a giant word. It
never cuts inside a tag or an entity (``&amp;`` is one character here). Tags open at a cut are
closed at the end of one part and opened again at the start of the next. Lengths are counted in
UTF-16 code units, as Telegram does, tags included (so the limit holds for the raw text too).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

TELEGRAM_LIMIT = 4096

_SENTENCE_END = frozenset('.!?“”"')


@dataclass(frozen=True, slots=True)
class _Tag:
    name: str
    start: str  # the start tag as written, attributes included

    @property
    def end(self) -> str:
        return f"</{self.name}>"


Stack = tuple[_Tag, ...]


class _Reader(HTMLParser):
    """Characters of the text, each with the stack of tags it is in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chars: list[str] = []
        self.stacks: list[Stack] = []
        self._stack: Stack = ()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack = (*self._stack, _Tag(tag, self.get_starttag_text() or f"<{tag}>"))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth].name == tag:
                self._stack = self._stack[:depth]
                return

    def handle_data(self, data: str) -> None:
        self.chars.extend(data)
        self.stacks.extend([self._stack] * len(data))


def units(text: str) -> int:
    """The length of ``text`` as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _common(a: Stack, b: Stack) -> int:
    depth = 0
    while depth < min(len(a), len(b)) and a[depth] == b[depth]:
        depth += 1
    return depth


def _closing(stack: Stack) -> str:
    return "".join(tag.end for tag in reversed(stack))


def _transition(current: Stack, target: Stack) -> str:
    depth = _common(current, target)
    return _closing(current[depth:]) + "".join(tag.start for tag in target[depth:])


class _Text:
    def __init__(self, text: str) -> None:
        reader = _Reader()
        reader.feed(text)
        reader.close()
        self.chars = reader.chars
        self.stacks = reader.stacks
        self.escaped = [html.escape(c, quote=False) for c in self.chars]

    def render(self, start: int, end: int) -> str:
        parts: list[str] = []
        current: Stack = ()
        for index in range(start, end):
            target = self.stacks[index]
            if target is not current:
                parts.append(_transition(current, target))
                current = target
            parts.append(self.escaped[index])
        parts.append(_closing(current))
        return "".join(parts)

    def cut(self, start: int, limit: int) -> int:
        """The end of the longest good part from ``start`` that fits ``limit`` when rendered."""
        chars, stacks = self.chars, self.stacks
        size = 0
        current: Stack = ()
        sentence = space = 0
        end = start
        for index in range(start, len(chars)):
            target = stacks[index]
            if target is not current:
                size += units(_transition(current, target))
                current = target
            size += units(self.escaped[index])
            if size + units(_closing(current)) > limit:
                break
            end = index + 1
            char = chars[index]
            if char == "\n" or (
                char in _SENTENCE_END and end < len(chars) and chars[end].isspace()
            ):
                sentence = end
            elif char.isspace():
                space = index
        else:
            return len(chars)
        best = sentence or space or end
        return best if best > start else start + 1  # at least one character per part


_PIECE = re.compile(
    r"<(/?)([a-z][a-z-]*)(?:\s[^<>]*)?>|&(?:amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);|([<>&])"
)


def _fits_as_is(text: str, limit: int) -> bool:
    """True if ``text`` is one valid part already: short enough, every tag closed in order,
    every ``&`` an entity. (Most replies are: reading them character by character costs
    milliseconds, this check microseconds.)"""
    if units(text) > limit:
        return False
    stack: list[str] = []
    for match in _PIECE.finditer(text):
        closing, name, stray = match.groups()
        if stray:
            return False
        if name is None:
            continue
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split Telegram HTML into parts of at most ``limit`` units, each valid on its own and
    none empty. Whitespace at the cuts is dropped."""
    stripped = text.strip()
    if _fits_as_is(stripped, limit):
        return [stripped] if stripped else []
    source = _Text(text)
    chars = source.chars
    parts: list[str] = []
    start = 0
    while True:
        while start < len(chars) and chars[start].isspace():
            start += 1
        if start >= len(chars):
            return parts
        end = source.cut(start, limit)
        stop = end
        while stop > start and chars[stop - 1].isspace():
            stop -= 1
        parts.append(source.render(start, stop))
        start = end


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (plain text, before escaping)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
