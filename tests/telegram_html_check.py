"""What Telegram accepts as an HTML message, checked with ``html.parser`` (for tests and the fake
Bot API): only Telegram's tags and attributes, properly nested and closed, ``<``, ``>`` and ``&``
escaped, some visible text, at most 4,096 UTF-16 code units after parsing."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

LIMIT = 4096

# https://core.telegram.org/bots/api#html-style
ALLOWED = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "span": {"class"},
    "tg-spoiler": set(),
    "a": {"href"},
    "tg-emoji": {"emoji-id"},
    "code": {"class"},
    "pre": set(),
    "blockquote": {"expandable"},
}
ENTITIES = {"lt", "gt", "amp", "quot"}
_BARE_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);)")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.problems: list[str] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.problems.append(f"tag <{tag}> is not supported")
        for name, _ in attrs:
            if name not in ALLOWED.get(tag, set()):
                self.problems.append(f"attribute {name!r} of <{tag}> is not supported")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/> is not supported")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data or "&" in data:
            self.problems.append(f"unescaped character in {data[:40]!r}")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in ENTITIES:
            self.problems.append(f"entity &{name}; is not supported")
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text.append(html.unescape(f"&#{name};"))

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"declaration {data!r}")


def visible_text(message: str) -> str:
    checker = _Checker()
    checker.feed(message)
    checker.close()
    return "".join(checker.text)


def html_problems(message: str, limit: int = LIMIT) -> list[str]:
    """Why Telegram would reject ``message`` with parse_mode HTML (empty: it would accept it)."""
    checker = _Checker()
    checker.feed(message)
    checker.close()
    problems = list(checker.problems)
    if _BARE_AMPERSAND.search(message):
        problems.append("an & that starts no entity")
    if checker.rawdata:
        problems.append(f"unparsed rest {checker.rawdata[:40]!r}")
    if checker.stack:
        problems.append(f"<{checker.stack[-1]}> is never closed")
    text = "".join(checker.text)
    if not text.strip():
        problems.append("message text is empty")
    if len(text.encode("utf-16-le")) // 2 > limit:
        problems.append("message is too long")
    return problems
