"""Split the article into sentences.

Each line of the article is a paragraph (the first line is the title, itself a sentence). Inside a
paragraph a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a closing quote) when the
next character after the white space is an upper-case letter, a digit or an opening quote, unless
the word before the full stop is an abbreviation that never ends a sentence (``Mrd.``, ``Dr.``).

Company suffixes such as ``Ltd.`` and ``Co.`` *can* end a sentence: "… Huawei Technologies Co. Der
Cloud-Umsatz …" is two sentences, while "Tencent Holdings Ltd. und Meituan" is one because a
lower-case word follows. General-purpose splitters (pysbd) get that case wrong, so the rule is kept
here, small and pinned by a test.
"""

from __future__ import annotations

import re

# Abbreviations after which a sentence never ends, even before a capital ("1 Mrd. USD").
NON_TERMINAL_ABBREVIATIONS = frozenset(
    {"mrd", "mio", "tsd", "dr", "prof", "nr", "ca", "bzw", "vgl", "z.b", "u.a", "d.h", "inkl", "st"}
)

_BOUNDARY = re.compile(r"[.!?][\"“”»]?(?=\s+[\"„“«A-ZÄÖÜ0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` in order, each stripped of surrounding white space."""
    sentences: list[str] = []
    for paragraph in text.splitlines():
        start = 0
        for boundary in _BOUNDARY.finditer(paragraph):
            word = _WORD_BEFORE.search(paragraph[start : boundary.start()])
            if word and word.group(1).lower().rstrip(".") in NON_TERMINAL_ABBREVIATIONS:
                continue
            sentences.append(paragraph[start : boundary.end()].strip())
            start = boundary.end()
        rest = paragraph[start:].strip()
        if rest:
            sentences.append(rest)
    return [s for s in sentences if s]
