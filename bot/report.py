"""What the question log says: statistics, unanswered clusters, draft entries.

Pure functions over a read connection (``bot.storage``); ``/stats``, ``/unanswered`` and
``python -m bot report`` format the same objects.
"""

from __future__ import annotations

import re
import sqlite3
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from bot.clustering import Cluster, cluster
from bot.knowledge import Knowledge, Lang, variant_key
from bot.storage import queries
from bot.storage.queries import DayCount, EntryVotes
from bot.texts import t

DEFAULT_DAYS = 7
MAX_DRAFT_QUESTIONS = 12
DRAFT_PREFIX = "draft-"


@dataclass(frozen=True, slots=True)
class StatsReport:
    days: int
    per_day: tuple[DayCount, ...]
    distinct_askers: int
    top_entries: tuple[tuple[str, int], ...]
    votes: tuple[EntryVotes, ...]
    by_chat: tuple[tuple[str, str, int, int], ...]

    @property
    def answered(self) -> int:
        return sum(d.answered for d in self.per_day)

    @property
    def total(self) -> int:
        return sum(d.answered + d.unanswered for d in self.per_day)

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.total if self.total else None

    def to_json(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "questions": self.total,
            "answered": self.answered,
            "answer_rate": round(self.answer_rate, 4) if self.answer_rate is not None else None,
            "distinct_askers": self.distinct_askers,
            "per_day": [
                {"day": d.day.isoformat(), "answered": d.answered, "not_answered": d.unanswered}
                for d in self.per_day
            ],
            "top_entries": [{"faq_id": f, "count": n} for f, n in self.top_entries],
            "votes": [{"faq_id": v.faq_id, "up": v.up, "down": v.down} for v in self.votes],
            "by_chat": [
                {"chat_type": c, "language": lang, "answered": a, "not_answered": u}
                for c, lang, a, u in self.by_chat
            ],
        }


def stats(conn: sqlite3.Connection, *, now: float, days: int = DEFAULT_DAYS) -> StatsReport:
    return StatsReport(
        days=days,
        per_day=tuple(queries.per_day(conn, now, days)),
        distinct_askers=queries.distinct_askers(conn, now, days),
        top_entries=tuple(queries.top_entries(conn, now, days)),
        votes=tuple(queries.votes_per_entry(conn, now, days)),
        by_chat=tuple(queries.by_chat_and_language(conn, now, days)),
    )


@dataclass(frozen=True, slots=True)
class UnansweredCluster:
    cluster: Cluster
    languages: dict[str, Lang]  # question → the language it was asked in
    reasons: Counter[str]  # did-you-mean, declined, 👎

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.cluster.count,
            "examples": list(self.cluster.examples()),
            "questions": list(self.cluster.questions),
            "reasons": dict(self.reasons),
        }


def unanswered(
    conn: sqlite3.Connection,
    *,
    now: float,
    days: int = DEFAULT_DAYS,
    key: Callable[[str], str] = variant_key,
) -> list[UnansweredCluster]:
    """The declined, "did you mean" and voted-down questions of the window, clustered by
    ``key`` (``clustering.normalized_key`` with the FAQ's synonyms, where known), most frequent
    first."""
    rows = queries.unanswered(conn, now, days)
    languages: dict[str, Counter[str]] = {}
    reasons: dict[str, Counter[str]] = {}
    for row in rows:
        text = row.question.strip()
        languages.setdefault(text, Counter())[row.language] += 1
        reasons.setdefault(text, Counter())[row.reason] += 1
    result = []
    for group in cluster([row.question for row in rows], key=key):
        langs: dict[str, Lang] = {
            q: "de" if languages[q].most_common(1)[0][0] == "de" else "en" for q in group.questions
        }
        why: Counter[str] = Counter()
        for question in group.questions:
            why.update(reasons[question])
        result.append(UnansweredCluster(group, langs, why))
    return result


# --- text ---------------------------------------------------------------------------------------


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{100 * rate:.0f} %"


def format_stats(report: StatsReport, lang: Lang) -> str:
    """The short text of ``/stats`` and ``report`` (plain text; escape it for HTML)."""
    lines = [
        t(
            "stats_summary",
            lang,
            days=report.days,
            total=report.total,
            answered=report.answered,
            rate=_percent(report.answer_rate),
            askers=report.distinct_askers,
        ),
        t("stats_per_day", lang)
        + " "
        + ", ".join(f"{d.day:%m-%d} {d.answered}/{d.unanswered}" for d in report.per_day[-14:]),
    ]
    if report.top_entries:
        top = ", ".join(f"{faq_id} {n}" for faq_id, n in report.top_entries)
        lines.append(t("stats_top", lang) + " " + top)
    if report.votes:
        votes = ", ".join(f"{v.faq_id} {v.up}/{v.down}" for v in report.votes)
        lines.append(t("stats_votes", lang) + " " + votes)
    lines += [f"{chat} / {language}: {a} ✓  {u} ✗" for chat, language, a, u in report.by_chat]
    return "\n".join(lines)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_cluster(number: int, group: UnansweredCluster, *, limit: int = 500) -> str:
    """``3. 5× „first example“ | „second example“`` (examples cut at ``limit`` characters)."""
    examples = " | ".join(f"„{_cut(q, limit)}“" for q in group.cluster.examples())
    return f"{number}. {group.cluster.count}× {examples}"


def format_unanswered(groups: Sequence[UnansweredCluster], days: int, lang: Lang) -> str:
    if not groups:
        return t("unanswered_none", lang, days=days)
    total = sum(g.cluster.count for g in groups)
    header = t("unanswered_header", lang, days=days, questions=total, clusters=len(groups))
    return "\n".join([header, *(format_cluster(n, g) for n, g in enumerate(groups, 1))])


# --- drafts -------------------------------------------------------------------------------------


def _slug(text: str, limit: int) -> str:
    words = re.findall(r"[a-z0-9]+", variant_key(text))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:limit]  # one very long word
    return slug


def draft_id(question: str, taken: set[str]) -> str:
    base = DRAFT_PREFIX + (_slug(question, 40 - len(DRAFT_PREFIX) - 3) or "question")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def drafts_yaml(
    groups: Iterable[UnansweredCluster], *, days: int, knowledge: Knowledge | None = None
) -> str:
    """The clusters as draft entries in the ``faq.yaml`` format (see ``bot.drafts``)."""
    taken = {e.id for e in knowledge.entries} if knowledge else set()
    taken |= {d.id for d in knowledge.drafts} if knowledge else set()
    entries = []
    for group in groups:
        questions: dict[str, list[str]] = {"de": [], "en": []}
        seen: set[str] = set()
        for question in group.cluster.questions:
            key = variant_key(question)
            if key in seen or len(questions["de"]) + len(questions["en"]) >= MAX_DRAFT_QUESTIONS:
                continue
            seen.add(key)
            questions[group.languages.get(question, "en")].append(question)
        entry = {
            "id": draft_id(group.cluster.questions[0], taken),
            "draft": True,
            "sentences": [],
            "kinds": [],
            "answer": {"de": "", "en": ""},
            "questions": questions,
        }
        dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=96)
        entries.append(
            f"  # asked {group.cluster.count} times in the last {days} days\n"
            + textwrap.indent(dumped, "  ")
        )
    header = (
        f"# Draft FAQ entries: questions of the last {days} days the bot could not answer\n"
        "# (python -m bot report --suggest). To complete one, copy it under `entries:` in\n"
        "# faq.yaml, fill in answer (de and en), sentences, kinds and missing questions, delete\n"
        "# `draft: true`, run `python -m bot check`, then /reload. Until then the loader keeps\n"
        "# drafts out of the live FAQ.\n"
    )
    return header + ("entries:\n" + "".join(entries) if entries else "entries: []\n")
