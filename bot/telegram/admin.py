"""Reloading the FAQ and replacing it with an uploaded file, all-or-nothing."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.knowledge import FAQ_FILE, KnowledgeError, Problem, load_knowledge
from bot.matcher import Matcher
from bot.settings import Settings

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


def load(settings: Settings, directory: Path | None = None) -> Loaded:
    """Load and index a knowledge directory; raises ``KnowledgeError`` and changes nothing."""
    started = time.perf_counter()
    knowledge = load_knowledge(directory or settings.knowledge_dir)
    matcher = Matcher(
        knowledge,
        threshold=settings.match_threshold,
        margin=settings.match_margin,
        semantic=settings.semantic_fallback,
        wait_for_semantic=False,  # answer lexically while the embeddings load in the background
        cache_dir=settings.data_dir / "cache",
    )
    if matcher.semantic is not None:
        matcher.semantic.start()
    return Loaded(matcher, (time.perf_counter() - started) * 1000)


def install_faq(settings: Settings, content: bytes) -> tuple[Loaded, Path]:
    """Validate ``content`` as the new faq.yaml together with the live article and sentences;
    if good, back up the current file and put the new one in place. Raises ``KnowledgeError``
    (nothing changed) otherwise. Returns the new matcher and the backup's path."""
    if len(content) > MAX_FAQ_BYTES:
        limit = f"{MAX_FAQ_BYTES // 1000} kB"
        raise KnowledgeError([Problem(FAQ_FILE, f"the file is larger than {limit}")])
    live = settings.knowledge_dir
    with tempfile.TemporaryDirectory() as scratch:
        candidate = Path(scratch) / "knowledge"
        shutil.copytree(live, candidate)
        (candidate / FAQ_FILE).write_bytes(content)
        load_knowledge(candidate)  # validates only (raises KnowledgeError); indexed once below
    backups = settings.data_dir / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    backup = backups / f"faq-{stamp}.yaml"
    shutil.copy2(live / FAQ_FILE, backup)
    new_file = live / f".{FAQ_FILE}.new"
    new_file.write_bytes(content)
    new_file.replace(live / FAQ_FILE)  # atomic on one file system
    return load(settings), backup
