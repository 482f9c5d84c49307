"""The knowledge directory: article, numbered sentences, FAQ and synonyms, validated on load.

Layout of a knowledge directory (see README, "Knowledge format")::

    article.yaml     metadata: title, source, language, file (the verbatim article text)
    article.de.txt   the article, verbatim
    sentences.yaml   the article as numbered sentences S1, S2, … (German original + translation)
    faq.yaml         curated entries: id, sentences, answer (de/en), questions (de/en)
    synonyms.yaml    canonical token → words read as it (optional)

``load_knowledge(path)`` returns a frozen ``Knowledge`` or raises ``KnowledgeError`` whose
``problems`` each name the file, the line (where known), the entry id and the field.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.drafts import Draft, split_drafts
from bot.normalize import fold
from bot.safe_yaml import Path_, YamlProblem, read_yaml

M = TypeVar("M", bound=BaseModel)

Lang = Literal["de", "en"]
LANGUAGES: tuple[Lang, ...] = ("de", "en")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SentenceId = Annotated[str, StringConstraints(pattern=r"^S[1-9][0-9]*$")]
EntryId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
Kind = Literal[
    "what",
    "how",
    "gist",
    "outlet",
    "who",
    "speaker",
    "when",
    "date",
    "howlong",
    "since",
    "where",
    "amount",
    "why",
    "meaning",
    "name",
    "said",
    "others",
    "sofar",
    "age",
    "founding",
    "conversion",
    "absolute",
    "previous",
    "elsewhere",
    "countries",
    "per",
    "self",
    "company",
    "role",
    "author",
    "unnamed",
    "apply",
    "forecast",
]
"""What an entry's answer states: ``what``/``how`` (open to any question), ``who``, ``when`` (a
day or relative time), ``date`` (a year, month or calendar date), ``howlong`` (a duration),
``since`` (since when: an entry that says when, gives a date or a duration answers it too),
``where``, ``amount`` (a number or size), ``why`` (a cause or reason), ``meaning`` (what a term
means), ``gist`` (what the article or the whole story is about: "Worum geht es?", "the
takeaway"), ``outlet`` (where the article comes from: its source, the outlet that ran it),
``name`` (what someone or something is called), ``said`` (what someone said about
it: "Was sagt Jack Ma dazu?"; such an entry also answers ``speaker``, who said something:
"Who said the bit about a digital future?"), ``others`` (the answer names several of what
is asked, so "who else", "welche noch", "besides …" can be answered; not by an entry that
names one). This article states none of the following, so no entry of today's FAQ declares
them; an entry that does state one may:
``sofar`` (a tally to date), ``age``, ``founding`` (when or by whom something was founded),
``conversion`` (a figure in another currency), ``absolute`` (the absolute figure behind a
percentage), ``previous`` (another period), ``elsewhere`` (a place the article doesn't name:
Europe, or a country or city inside APAC), ``countries`` (which countries exactly: it names a
region), ``per`` (a share per start-up, developer …),
``self`` (about the bot), ``company`` (company facts: share price, market share, staff,
headquarters …; and details behind what it only mentions in general: the crackdown's measures,
what the training is like), ``role`` (who runs the programme or its training), ``author`` (a
byline), ``unnamed`` (who someone is whom the article leaves unnamed: the informant),
``apply`` (how to take part), ``forecast`` (whether something will succeed or come back, what
happens next; a judgement such as "is the fine fair")."""

ARTICLE_FILE = "article.yaml"
SENTENCES_FILE = "sentences.yaml"
FAQ_FILE = "faq.yaml"
SYNONYMS_FILE = "synonyms.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticleMeta(_Strict):
    title: Text
    title_en: Text | None = None
    source: Text
    language: Lang
    file: Text
    names: list[Text] = Field(default_factory=list)
    """Names of companies, people and places in the article: a question that names one is only
    answered by an entry that knows it (``bot.answerability``)."""
    unstated_figures: list[Text] = Field(default_factory=list)
    """Things readers ask figures of that the article never gives ("Verlust"): a "how much"
    question about one is answered by no entry (``bot.answerability``)."""
    unexplained: list[Text] = Field(default_factory=list)
    """Things readers ask the reasons for that the article never gives ("Strafe"): a "why"
    question about one is answered by no entry (``bot.answerability``)."""
    untimed: list[Text] = Field(default_factory=list)
    """Things readers ask the time of that the article never gives ("Strafe"): a "when"
    question about one is answered by no entry (``bot.answerability``)."""
    unlisted: list[Text] = Field(default_factory=list)
    """Things the article mentions without saying which ones ("Schulungen"): a question asking
    which ones exactly ("Welche Schulungen genau?") is answered by no entry."""
    figure_units: list[Text] = Field(default_factory=list)
    """Words that say what a figure is counted in, not what it is a figure of ("Geld"): "Wie
    viel Geld hat Alibaba verloren?" asks a figure of the loss, not of money."""


class Sentence(_Strict):
    id: SentenceId
    de: Text
    en: Text | None = None


class Localized(_Strict):
    de: Text
    en: Text

    def get(self, lang: Lang) -> str:
        return self.de if lang == "de" else self.en


class Questions(_Strict):
    de: list[Text] = Field(min_length=1)
    en: list[Text] = Field(min_length=1)

    def get(self, lang: Lang) -> list[str]:
        return self.de if lang == "de" else self.en


class Entry(_Strict):
    id: EntryId
    sentences: list[SentenceId] = Field(min_length=1)
    kinds: list[Kind] = Field(min_length=1)
    figures: list[Text] = Field(default_factory=list)
    """What the numbers of an ``amount`` answer are figures of ("Strafe", "Entwickler"): a "how
    much" question about something else ("the loss") is not answered by it."""
    explains: list[Text] = Field(default_factory=list)
    """What the reasons of a ``why`` answer are reasons for ("Verlust"): a "why" question about
    something else ("why was Alibaba fined?") is not answered by it."""
    times: list[Text] = Field(default_factory=list)
    """What the time or date a ``when`` answer gives is the time of ("Erklärung"): a "when"
    question about something else ("when was Alibaba fined?") is not answered by it."""
    defines: list[Text] = Field(default_factory=list)
    """The terms a ``meaning`` answer explains ("APAC"): "What does cloud-native mean?" is not
    answered by it."""
    answer: Localized
    questions: Questions

    def variants(self) -> Iterable[tuple[Lang, str]]:
        for lang in LANGUAGES:
            for question in self.questions.get(lang):
                yield lang, question


class FaqFile(_Strict):
    entries: list[Entry] = Field(min_length=1)


class SentencesFile(_Strict):
    sentences: list[Sentence] = Field(min_length=1)


class SynonymsFile(_Strict):
    groups: dict[Text, list[Text]]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a knowledge directory, located as precisely as possible."""

    file: str
    message: str
    line: int | None = None
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        parts = [where]
        if self.entry:
            parts.append(f"entry {self.entry!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts) + f": {self.message}"


class KnowledgeError(Exception):
    """The knowledge directory is invalid; ``problems`` says what and where."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Everything the answering core needs, validated and immutable."""

    directory: Path
    meta: ArticleMeta
    article: str
    sentences: tuple[Sentence, ...]
    entries: tuple[Entry, ...]
    synonyms: Mapping[str, tuple[str, ...]]
    load_seconds: float = 0.0
    drafts: tuple[Draft, ...] = ()  # entries marked ``draft: true``: never answered (drafts.py)

    def sentence(self, sentence_id: str) -> Sentence:
        return next(s for s in self.sentences if s.id == sentence_id)

    def entry(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    @property
    def variant_count(self) -> int:
        return sum(len(e.questions.de) + len(e.questions.en) for e in self.entries)


# --- YAML with line numbers ---------------------------------------------------------------------


def _read_yaml(path: Path) -> tuple[Any, dict[Path_, int]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError([Problem(path.name, "file is missing")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError([Problem(path.name, f"cannot be read: {exc}")]) from None
    try:
        return read_yaml(text)
    except YamlProblem as problem:
        raise KnowledgeError([Problem(path.name, problem.message, line=problem.line)]) from None


def _line_for(lines: Mapping[Path_, int], loc: Sequence[str | int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if tuple(loc[:end]) in lines:
            return lines[tuple(loc[:end])]
    return None


def _validate(
    model: type[M],
    data: Any,
    file: str,
    lines: Mapping[Path_, int],
    *,
    wrap: str | None = None,
    entry_of: Any = None,
) -> M:
    payload = {wrap: data} if wrap else data
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = list(error["loc"])[1:] if wrap else list(error["loc"])
            entry = entry_of(data, loc) if entry_of else None
            field = ".".join(str(part) for part in loc) or None
            problems.append(
                Problem(file, error["msg"], line=_line_for(lines, loc), entry=entry, field=field)
            )
        raise KnowledgeError(problems) from None


def _entry_id_at(data: Any, loc: Sequence[str | int]) -> str | None:
    """The id of the FAQ entry that ``loc`` points into (``entries.3.answer.de`` → its id)."""
    if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
        try:
            value = data["entries"][loc[1]]["id"]
        except (KeyError, IndexError, TypeError):
            return f"#{loc[1] + 1}"
        return str(value)
    return None


def _sentence_id_at(data: Any, loc: Sequence[str | int]) -> str | None:
    if loc and isinstance(loc[0], int):
        try:
            return str(data[loc[0]]["id"])
        except (KeyError, IndexError, TypeError):
            return f"#{loc[0] + 1}"
    return None


# --- loading ------------------------------------------------------------------------------------


def load_knowledge(directory: str | Path) -> Knowledge:
    """Load and validate a knowledge directory; raise ``KnowledgeError`` listing every problem."""
    started = time.perf_counter()
    root = Path(directory)
    if not root.is_dir():
        raise KnowledgeError([Problem(str(root), "is not a directory")])

    meta_data, meta_lines = _read_yaml(root / ARTICLE_FILE)
    meta = _validate(ArticleMeta, meta_data, ARTICLE_FILE, meta_lines)
    try:
        article = (root / meta.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(
            [Problem(ARTICLE_FILE, f"article file cannot be read: {exc}", field="file")]
        ) from None

    sentence_data, sentence_lines = _read_yaml(root / SENTENCES_FILE)
    sentences = _validate(
        SentencesFile,
        sentence_data,
        SENTENCES_FILE,
        sentence_lines,
        wrap="sentences",
        entry_of=_sentence_id_at,
    ).sentences

    faq_data, faq_lines = _read_yaml(root / FAQ_FILE)
    faq_data, faq_lines, draft_items = split_drafts(faq_data, faq_lines)
    entries = _validate(FaqFile, faq_data, FAQ_FILE, faq_lines, entry_of=_entry_id_at).entries
    drafts = [
        _validate(Draft, item, FAQ_FILE, lines, entry_of=lambda d, _: str(d.get("id")))
        for item, lines in draft_items
    ]

    synonyms: dict[str, tuple[str, ...]] = {}
    if (root / SYNONYMS_FILE).exists():
        syn_data, syn_lines = _read_yaml(root / SYNONYMS_FILE)
        groups = _validate(
            SynonymsFile, _stringify(syn_data), SYNONYMS_FILE, syn_lines, wrap="groups"
        ).groups
        synonyms = {key: tuple(words) for key, words in groups.items()}
        problems = _check_synonyms(synonyms, syn_lines)
        if problems:
            raise KnowledgeError(problems)

    problems = [
        *_check_names(meta.names, article, meta_lines),
        *_check_sentences(sentences, article, sentence_lines),
        *_check_entries(entries, {s.id for s in sentences}, faq_lines),
    ]
    if problems:
        raise KnowledgeError(problems)
    return Knowledge(
        directory=root,
        meta=meta,
        article=article,
        sentences=tuple(sentences),
        entries=tuple(entries),
        synonyms=synonyms,
        load_seconds=time.perf_counter() - started,
        drafts=tuple(drafts),
    )


def _stringify(data: Any) -> Any:
    """YAML reads ``3: [drei]`` with an int key and ``[1]`` with int items; synonyms are words."""
    if isinstance(data, dict):
        return {str(k): [str(w) for w in v] if isinstance(v, list) else v for k, v in data.items()}
    return data


def _check_synonyms(
    synonyms: Mapping[str, Sequence[str]], lines: Mapping[Path_, int]
) -> list[Problem]:
    problems = []
    group_of: dict[str, str] = {}
    for key, words in synonyms.items():
        for position, word in enumerate((key, *words)):
            owner = group_of.setdefault(fold(word), key)
            if owner != key:
                loc: list[str | int] = [key, position - 1] if position else [key]
                problems.append(
                    Problem(
                        SYNONYMS_FILE,
                        f"word {word!r} is already in group {owner!r}",
                        line=_line_for(lines, loc),
                        entry=key,
                    )
                )
    return problems


def _check_names(names: Sequence[str], article: str, lines: Mapping[Path_, int]) -> list[Problem]:
    folded = fold(article)
    return [
        Problem(
            ARTICLE_FILE,
            f"name {name!r} does not occur in the article",
            line=_line_for(lines, ["names", index]),
            field=f"names.{index}",
        )
        for index, name in enumerate(names)
        if fold(name) not in folded
    ]


def _check_sentences(
    sentences: Sequence[Sentence], article: str, lines: Mapping[Path_, int]
) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for index, sentence in enumerate(sentences):
        line = _line_for(lines, [index, "id"])
        if sentence.id in seen:
            problems.append(
                Problem(SENTENCES_FILE, "duplicate sentence id", line=line, entry=sentence.id)
            )
        seen.add(sentence.id)
        if sentence.de not in article:
            problems.append(
                Problem(
                    SENTENCES_FILE,
                    "not a verbatim substring of the article",
                    line=_line_for(lines, [index, "de"]),
                    entry=sentence.id,
                    field="de",
                )
            )
    return problems


_SPACE = re.compile(r"\W+")


def variant_key(question: str) -> str:
    """Two variants with the same key are the same question (case, umlauts, punctuation aside)."""
    return _SPACE.sub(" ", fold(question)).strip()


def _check_entries(
    entries: Sequence[Entry], sentence_ids: set[str], lines: Mapping[Path_, int]
) -> list[Problem]:
    problems = []
    first_index: dict[str, int] = {}
    variant_owner: dict[str, str] = {}
    for index, entry in enumerate(entries):

        def problem(
            message: str, field: str, *loc: str | int, entry: Entry = entry, index: int = index
        ) -> Problem:
            line = _line_for(lines, ["entries", index, *loc])
            return Problem(FAQ_FILE, message, line=line, entry=entry.id, field=field)

        if entry.id in first_index:
            other = first_index[entry.id] + 1
            problems.append(problem(f"duplicate id (first used by entry #{other})", "id", "id"))
        first_index.setdefault(entry.id, index)
        if "amount" in entry.kinds and not entry.figures:
            message = "kind amount needs figures: what the answer's numbers are figures of"
            problems.append(problem(message, "figures", "kinds"))
        if "why" in entry.kinds and not entry.explains:
            message = "kind why needs explains: what the answer's reasons are reasons for"
            problems.append(problem(message, "explains", "kinds"))
        if {"when", "date"} & set(entry.kinds) and not entry.times:
            message = "kind when or date needs times: what the answer's time is the time of"
            problems.append(problem(message, "times", "kinds"))
        if "meaning" in entry.kinds and not entry.defines:
            message = "kind meaning needs defines: the terms the answer explains"
            problems.append(problem(message, "defines", "kinds"))
        for position, sentence_id in enumerate(entry.sentences):
            if sentence_id not in sentence_ids:
                problems.append(
                    problem(
                        f"unknown sentence id {sentence_id!r}",
                        f"sentences.{position}",
                        "sentences",
                        position,
                    )
                )
        for lang in LANGUAGES:
            for position, question in enumerate(entry.questions.get(lang)):
                key = variant_key(question)
                owner = variant_owner.setdefault(key, entry.id)
                if owner != entry.id:
                    problems.append(
                        problem(
                            f"question {question!r} is already a variant of entry {owner!r}",
                            f"questions.{lang}.{position}",
                            "questions",
                            lang,
                            position,
                        )
                    )
    return problems
