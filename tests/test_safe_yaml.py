"""Knowledge files are read safely: aliases refused, one visit per node, lines kept."""

from __future__ import annotations

import io
import time
import tracemalloc
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge import KnowledgeError, load_knowledge
from bot.safe_yaml import YamlProblem, read_yaml


def alias_bomb() -> str:
    """A "billion laughs": nine levels of nine aliases each, a few hundred bytes."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append("entries: *i")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_fast_and_small(knowledge_copy: Path) -> None:
    bomb = alias_bomb()
    assert len(bomb.encode()) < 500
    (knowledge_copy / "faq.yaml").write_text(bomb)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(KnowledgeError) as caught:
            load_knowledge(knowledge_copy)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seconds < 1.0
    assert peak < 100 * 1024 * 1024
    assert "faq.yaml:2: YAML aliases (*name) are not allowed" in str(caught.value)


def test_check_reports_the_alias_bomb(knowledge_copy: Path) -> None:
    (knowledge_copy / "faq.yaml").write_text(alias_bomb())
    out = io.StringIO()
    started = time.perf_counter()
    assert main(["check", str(knowledge_copy)], out=out) == 1
    assert time.perf_counter() - started < 5
    assert "aliases" in out.getvalue()


def test_one_harmless_alias_is_refused_with_its_line() -> None:
    with pytest.raises(YamlProblem) as caught:
        read_yaml("base: &b [S1]\nentries:\n  - sentences: *b\n")
    assert caught.value.line == 3


def test_line_map_visits_each_node_once_and_keeps_lines() -> None:
    text = "entries:\n" + "".join(f"  - id: e{i}\n    questions: [a, b]\n" for i in range(20_000))
    started = time.perf_counter()
    data, lines = read_yaml(text)
    assert len(data["entries"]) == 20_000
    assert lines[("entries", 19_999, "id")] == 2 * 19_999 + 2
    assert lines[("entries", 5, "questions", 1)] == 2 * 5 + 3
    assert len(lines) == 1 + 1 + 20_000 * (1 + 2 + 2)
    assert time.perf_counter() - started < 20  # linear: a few hundred ms on a quiet machine


def test_too_deep_nesting_is_refused() -> None:
    with pytest.raises(YamlProblem, match="nest"):
        read_yaml("a: " + "[" * 60 + "]" * 60)
