"""The lexical index's tokens on disk: a restart reads them, and reads the same index."""

import dataclasses
import json
from pathlib import Path

import pytest

from bot.knowledge import Knowledge
from bot.lexical import LexicalIndex
from bot.token_cache import KEEP

QUESTIONS = [
    "Wie viel investiert Alibaba Cloud?",
    "who fined alibaba and how much?",
    "Seit wann gibt es Alibaba Cloud?",
    "tiktok left alibaba for which cloud?",
]


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the index reads afresh from now on (not from the cache)."""
    read: list[str] = []
    original = LexicalIndex._read_tokens

    def counting(self: LexicalIndex, text: str) -> list[str]:
        read.append(text)
        return original(self, text)

    monkeypatch.setattr(LexicalIndex, "_read_tokens", counting)
    return read


def _rankings(index: LexicalIndex) -> list[list[tuple[int, float, float]]]:
    return [
        [(c.entry, c.relevance, c.coverage) for c in index.rank(index.query(q))] for q in QUESTIONS
    ]


def test_a_restart_reads_the_tokens_from_the_cache_and_ranks_the_same(
    knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = LexicalIndex(knowledge)
    first = LexicalIndex(knowledge, cache_dir=tmp_path)
    [cache_file] = tmp_path.glob("tokens-*.json")
    read = _reads(monkeypatch)
    again = LexicalIndex(knowledge, cache_dir=tmp_path)
    assert read == []  # every FAQ text came from the cache
    assert (
        again.query("Wie hoch war die Strafe?").tokens
        == fresh.query("Wie hoch war die Strafe?").tokens
    )
    assert _rankings(again) == _rankings(first) == _rankings(fresh)
    assert again.entry_vocab == fresh.entry_vocab
    assert list(tmp_path.glob("tokens-*.json")) == [cache_file]
    # Questions are read afresh, not kept.
    read.clear()
    again.query("a question nobody asked before")
    assert read == ["a question nobody asked before"]


def test_a_changed_synonym_reads_every_text_afresh(
    knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    LexicalIndex(knowledge, cache_dir=tmp_path)
    synonyms = {**knowledge.synonyms, "strafe": (*knowledge.synonyms.get("strafe", ()), "bussi")}
    changed = dataclasses.replace(knowledge, synonyms=synonyms)
    read = _reads(monkeypatch)
    index = LexicalIndex(changed, cache_dir=tmp_path)
    assert len(read) > 1000
    assert len(list(tmp_path.glob("tokens-*.json"))) == 2
    assert "strafe" in index.query("wie hoch war das bussi?").tokens


def test_only_the_newest_token_files_are_kept(knowledge: Knowledge, tmp_path: Path) -> None:
    for word in ("eins", "zwei", "drei", "vier"):
        synonyms = {**knowledge.synonyms, "strafe": (word,)}
        LexicalIndex(dataclasses.replace(knowledge, synonyms=synonyms), cache_dir=tmp_path)
    assert len(list(tmp_path.glob("tokens-*.json"))) == KEEP


def test_a_broken_cache_file_is_read_afresh_and_replaced(
    knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    LexicalIndex(knowledge, cache_dir=tmp_path)
    [cache_file] = tmp_path.glob("tokens-*.json")
    cache_file.write_text('{"tokens\\u0000Wie hoch?": "not a list", ', encoding="utf-8")
    read = _reads(monkeypatch)
    index = LexicalIndex(knowledge, cache_dir=tmp_path)
    assert len(read) > 1000
    assert _rankings(index) == _rankings(LexicalIndex(knowledge))
    assert isinstance(json.loads(cache_file.read_text(encoding="utf-8")), dict)


def test_an_unwritable_cache_dir_costs_only_time(
    knowledge: Knowledge, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    index = LexicalIndex(knowledge, cache_dir=blocked / "cache")
    assert _rankings(index) == _rankings(LexicalIndex(knowledge))
    assert "could not cache the index's tokens" in caplog.text


def test_a_write_never_touches_another_process_s_partial_file(
    knowledge: Knowledge, tmp_path: Path
) -> None:
    LexicalIndex(knowledge, cache_dir=tmp_path)
    [cache_file] = tmp_path.glob("tokens-*.json")
    cache_file.unlink()
    # Other processes (a CLI beside the bot) are halfway through writing the same file.
    theirs = [cache_file.with_suffix(".999999999.tmp"), cache_file.with_suffix(".tmp")]
    for partial in theirs:
        partial.write_text('{"half', encoding="utf-8")
    LexicalIndex(knowledge, cache_dir=tmp_path)
    assert [p.read_text(encoding="utf-8") for p in theirs] == ['{"half', '{"half']
    assert isinstance(json.loads(cache_file.read_text(encoding="utf-8")), dict)
