"""Every part of a split reply is valid Telegram HTML on its own."""

from __future__ import annotations

import dataclasses
import random

import pytest

from bot.matcher import Matcher
from bot.render import render
from bot.telegram_html import shorten, split_html, units
from tests.telegram_html_check import html_problems, visible_text


def _same_text(parts: list[str], original: str) -> None:
    def words(text: str) -> list[str]:
        return text.split()

    assert words(" ".join(visible_text(p) for p in parts)) == words(visible_text(original))


def test_the_checker_knows_what_telegram_rejects() -> None:
    assert html_problems("<b>fine &amp; <i>nested</i></b>") == []
    assert html_problems("<b>cut in half") == ["<b> is never closed"]
    assert html_problems("<b>crossed <i>tags</b></i>")
    assert html_problems("<div>no</div>") == ["tag <div> is not supported"]
    assert html_problems("R&D") and html_problems("<b></b>")
    assert html_problems("x" * 4097) == ["message is too long"]


def test_a_long_bold_answer_is_split_into_valid_parts(matcher: Matcher, knowledge) -> None:
    answer = "R&D <schnell> & gut. " * 400  # escaped: far longer than one message
    result = dataclasses.replace(matcher.ask("Wer ist Jeff Zhang?"), answer=answer)
    text = render(result, knowledge, markup=True)
    parts = split_html(text)
    assert len(parts) >= 3
    for part in parts:
        assert html_problems(part) == [], part[:80]
        assert units(part) <= 4096
    assert parts[0].startswith("<b>R&amp;D &lt;schnell&gt; &amp; gut.")
    assert parts[1].startswith("<b>") and "</b>" in parts[1]
    assert "Quelle: Bloomberg" in parts[-1]
    _same_text(parts, text)


@pytest.mark.parametrize("seed", range(30))
def test_random_markup_splits_into_valid_parts(seed: int) -> None:
    rng = random.Random(seed)
    tags = ["b", "i", "u", "code", 'a href="https://example.org/?a=1&amp;b=2"', "tg-spoiler"]
    words = ["Alibaba", "R&amp;D", "&lt;x&gt;", "Satz.", "👍🏽", "ü", "line\n", "a" * 30]

    def fragment(depth: int) -> str:
        out = []
        for _ in range(rng.randint(1, 6)):
            if depth < 3 and rng.random() < 0.3:
                tag = rng.choice(tags)
                out.append(f"<{tag}>{fragment(depth + 1)}</{tag.split()[0]}>")
            else:
                out.append(" ".join(rng.choices(words, k=rng.randint(1, 8))))
        return " ".join(out)

    text = fragment(0)
    limit = rng.choice([200, 300, 500])  # room for three nested links around a character
    parts = split_html(text, limit)
    for part in parts:
        assert html_problems(part, limit) == [], part
        assert units(part) <= limit
    _same_text(parts, text)


def test_short_text_is_one_part_and_whitespace_only_is_none() -> None:
    assert split_html("<b>kurz</b> und gut") == ["<b>kurz</b> und gut"]
    assert split_html(" \n ") == []


def test_a_giant_word_is_cut_between_characters_not_entities() -> None:
    parts = split_html("<b>" + "&amp;" * 5000 + "</b>")
    assert all(html_problems(p) == [] for p in parts)
    assert sum(visible_text(p).count("&") for p in parts) == 5000


def test_shorten_keeps_the_start() -> None:
    assert shorten("x" * 10, 5) == "xxxx…" and shorten("abc", 5) == "abc"
