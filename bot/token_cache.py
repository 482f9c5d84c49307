"""The lexical index's tokens on disk, so that a restart with the same FAQ skips re-reading it.

Building the index reads every FAQ text into canonical tokens (``bot.normalize``); most of that
time goes to the question-word patterns, some 0.1 ms a text. The tokens of a text depend on the
normalizer's code and patterns, its stop words, the versions of the libraries it reads numbers
and stems with, the synonym table and the words the FAQ knows
(two words that make a known one are joined). The file's name is a digest of all of those; the
texts are its keys. So a changed synonym, FAQ word or rule reads everything afresh, and a
changed question only itself.

JSON, not pickle: a file in the data directory must never run code. A file that can't be read
or written costs the next start its time, nothing else.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Collection, Mapping
from importlib.metadata import version
from pathlib import Path

from bot import normalize

log = logging.getLogger(__name__)

KEEP = 3  # token files kept: the FAQ now and the last edits before it (a /reload back is quick)


@functools.cache
def _normalizer_digest() -> bytes:
    """The normalizer's code, patterns, stop words and libraries: the same for every build in a
    process."""
    digest = hashlib.sha256()
    for part in (
        Path(normalize.__file__).read_bytes(),
        normalize.intent_pattern().encode(),
        "\n".join(sorted(normalize.STOPWORDS)).encode(),
        " ".join(version(name) for name in ("text2num", "snowballstemmer", "PyStemmer")).encode(),
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.digest()


def _digest(synonyms: Mapping[str, Collection[str]], known: Collection[str]) -> str:
    """What the tokens depend on besides the text itself."""
    digest = hashlib.sha256(_normalizer_digest())
    for part in (
        json.dumps({k: sorted(v) for k, v in synonyms.items()}, sort_keys=True).encode(),
        "\n".join(sorted(known)).encode(),
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


class TokenCache:
    """Tokens by kind and text, read from ``path`` (if any) and written back when new ones were
    computed (``save``)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._tokens: dict[str, list[str]] = self._read()
        self._added = False

    @classmethod
    def in_dir(
        cls,
        cache_dir: Path | None,
        synonyms: Mapping[str, Collection[str]],
        known: Collection[str],
    ) -> TokenCache:
        """The cache for this normalizer's inputs in ``cache_dir`` (none: in memory only)."""
        if cache_dir is None:
            return cls(None)
        return cls(cache_dir / f"tokens-{_digest(synonyms, known)[:20]}.json")

    def get(self, kind: str, text: str, compute: Callable[[str], list[str]]) -> list[str]:
        """The tokens of ``text`` read as ``kind`` ("tokens", "words"): cached, else computed."""
        key = f"{kind}\x00{text}"
        tokens = self._tokens.get(key)
        if tokens is None:
            tokens = self._tokens[key] = compute(text)
            self._added = True
        return list(tokens)

    def save(self) -> None:
        """Write the file if tokens were computed that it didn't hold."""
        if self.path is None or not self._added:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # (a name of this process's own: a bot and a CLI may write the same file at once)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self._tokens, ensure_ascii=False), encoding="utf-8")
            partial.replace(self.path)
            self._added = False
            _prune(self.path)
        except OSError as error:  # a read-only data directory only costs the next start time
            log.warning("could not cache the index's tokens in %s: %s", self.path, error)

    def _read(self) -> dict[str, list[str]]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.warning("ignoring the unreadable token cache %s: %s", self.path, error)
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            key: value
            for key, value in data.items()
            if isinstance(value, list) and all(isinstance(t, str) for t in value)
        }


def _prune(kept: Path) -> None:
    """Remove all but the ``KEEP`` newest token files beside ``kept``: each FAQ edit writes a
    new one."""
    files = sorted(kept.parent.glob("tokens-*.json"), key=lambda f: f.stat().st_mtime)
    for old in files[:-KEEP]:
        if old != kept:
            old.unlink(missing_ok=True)
