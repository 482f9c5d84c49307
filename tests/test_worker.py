"""Loading runs in a child process with a time and a memory limit."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeError, load_knowledge
from bot.settings import Settings
from bot.telegram import admin
from bot.worker import Limits, WorkerError, run_limited
from tests.conftest import KNOWLEDGE
from tests.test_safe_yaml import alias_bomb


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def test_the_result_comes_back() -> None:
    knowledge = run_limited(load_knowledge, KNOWLEDGE, limits=Limits())
    assert len(knowledge.entries) == 29


def test_a_child_past_its_time_is_killed() -> None:
    started = time.monotonic()
    with pytest.raises(WorkerError, match=r"took longer than 0\.5 s"):
        run_limited(time.sleep, 60, limits=Limits(seconds=0.5))
    assert time.monotonic() - started < 15


def test_a_child_past_its_memory_fails_cleanly() -> None:
    with pytest.raises(WorkerError, match="needed more than 200 MB"):
        run_limited(_allocate, 2000, limits=Limits(memory_mb=200))
    assert run_limited(_allocate, 20, limits=Limits(memory_mb=200)) == 20 * 1024 * 1024


def test_knowledge_problems_keep_their_location(knowledge_copy: Path) -> None:
    (knowledge_copy / "faq.yaml").write_text(alias_bomb())
    with pytest.raises(KnowledgeError) as caught:
        run_limited(load_knowledge, knowledge_copy, limits=Limits(seconds=30, memory_mb=100))
    assert "faq.yaml:2: YAML aliases" in str(caught.value)


async def test_a_slow_load_does_not_block_the_event_loop(knowledge_copy: Path) -> None:
    settings = Settings(_env_file=None, knowledge_dir=knowledge_copy, knowledge_load_seconds=30)
    task = asyncio.create_task(admin.load_isolated(settings))
    ticks = 0
    while not task.done():
        await asyncio.sleep(0.01)
        ticks += 1
    loaded = await task
    assert len(loaded.matcher.knowledge.entries) == 29
    assert ticks >= 3  # the loop ran meanwhile


async def test_a_load_past_its_limit_is_a_knowledge_error(knowledge_copy: Path) -> None:
    settings = Settings(_env_file=None, knowledge_dir=knowledge_copy, knowledge_load_seconds=0.001)
    with pytest.raises(KnowledgeError, match=r"loading took longer than 0\.001 s"):
        await admin.load_isolated(settings)
