"""Reloading the FAQ and replacing it with an uploaded file, all-or-nothing.

A reload or an upload is loaded and indexed in a worker process (``bot.worker``) with a time and
memory limit; the old matcher keeps answering until the new one is ready.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.knowledge import FAQ_FILE, KnowledgeError, Problem, load_knowledge
from bot.matcher import Matcher
from bot.settings import Settings
from bot.worker import Limits, WorkerError, run_limited

MAX_FAQ_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Loaded:
    matcher: Matcher
    milliseconds: float

    def counts(self) -> dict[str, float]:
        knowledge = self.matcher.knowledge
        return {
            "entries": len(knowledge.entries),
            "variants": knowledge.variant_count,
            "sentences": len(knowledge.sentences),
            "ms": self.milliseconds,
        }


def build(
    settings: Settings, directory: Path | None = None, *, known_as: Path | None = None
) -> Loaded:
    """Load and index a knowledge directory, the semantic index not started (so the result can
    be pickled by a worker process); raises ``KnowledgeError`` and changes nothing.
    ``known_as``: the directory the knowledge will live in (when read from a scratch copy)."""
    started = time.perf_counter()
    knowledge = load_knowledge(directory or settings.knowledge_dir)
    if known_as is not None:
        knowledge = dataclasses.replace(knowledge, directory=known_as)
    matcher = Matcher(
        knowledge,
        threshold=settings.match_threshold,
        margin=settings.match_margin,
        semantic=settings.semantic_fallback,
        wait_for_semantic=False,  # answer lexically while the embeddings load in the background
        cache_dir=settings.data_dir / "cache",
    )
    return Loaded(matcher, (time.perf_counter() - started) * 1000)


def _started(loaded: Loaded) -> Loaded:
    if loaded.matcher.semantic is not None:
        loaded.matcher.semantic.start()
    return loaded


def load(settings: Settings, directory: Path | None = None) -> Loaded:
    """``build`` in this process, then start loading the embeddings in the background."""
    return _started(build(settings, directory))


async def load_isolated(
    settings: Settings, directory: Path | None = None, *, known_as: Path | None = None
) -> Loaded:
    """``build`` in a worker process within the configured time and memory limits, awaited
    without blocking the event loop, then the embeddings started here; every failure is a
    ``KnowledgeError``."""
    source = directory or settings.knowledge_dir
    limits = Limits(
        seconds=settings.knowledge_load_seconds, memory_mb=settings.knowledge_load_memory_mb
    )
    try:
        work = functools.partial(build, settings, source, known_as=known_as)
        return _started(await asyncio.to_thread(run_limited, work, limits=limits))
    except WorkerError as error:
        raise KnowledgeError([Problem(str(known_as or source), f"loading {error}")]) from None


async def install_faq(settings: Settings, content: bytes) -> tuple[Loaded, Path]:
    """Validate ``content`` as the new faq.yaml together with the live article and sentences
    (in a worker process, see ``load_isolated``); if good, back up the current file and put the
    new one in place. Raises ``KnowledgeError`` (nothing changed) otherwise. Returns the new
    matcher and the backup's path."""
    if len(content) > MAX_FAQ_BYTES:
        limit = f"{MAX_FAQ_BYTES // 1000} kB"
        raise KnowledgeError([Problem(FAQ_FILE, f"the file is larger than {limit}")])
    live = settings.knowledge_dir
    with tempfile.TemporaryDirectory() as scratch:
        candidate = Path(scratch) / "knowledge"
        shutil.copytree(live, candidate)
        (candidate / FAQ_FILE).write_bytes(content)
        loaded = await load_isolated(settings, candidate, known_as=live)
    try:
        backups = settings.data_dir / "backups"
        backups.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        backup = backups / f"faq-{stamp}.yaml"
        shutil.copy2(live / FAQ_FILE, backup)
        new_file = live / f".{FAQ_FILE}.new"
        new_file.write_bytes(content)
        new_file.replace(live / FAQ_FILE)  # atomic on one file system
    except OSError as error:  # e.g. the read-only knowledge bundled in an installed package
        reason = (
            f"valid, but could not be installed ({error}): KNOWLEDGE_DIR and DATA_DIR must be "
            "writable (`python -m bot init DIR` makes a copy of the knowledge)"
        )
        raise KnowledgeError([Problem(FAQ_FILE, reason)]) from None
    return loaded, backup
