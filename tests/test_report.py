"""Clustering, statistics, drafts (validated by ``check``), the chart and ``report`` in the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import yaml

from bot.cli import main
from bot.clustering import cluster, normalized_key
from bot.knowledge import Knowledge, load_knowledge, variant_key
from bot.matcher import Matcher
from bot.report import draft_id, drafts_yaml, format_stats, stats, unanswered
from bot.settings import Settings
from bot.storage.questionlog import DAY, QuestionLog
from tests.test_questionlog import Clock

UNANSWERED = [
    "Wie viele Mitarbeiter hat Alibaba?",
    "wie viele mitarbeiter hat alibaba",
    "Wieviele Mitarbeiter hat Alibaba Cloud?",
    "How many employees does Alibaba have?",
    "how many employees does alibaba have",
    "Wie wird das Wetter morgen?",
]


def test_clustering_groups_similar_wordings_most_frequent_first() -> None:
    groups = cluster(UNANSWERED)
    assert [g.count for g in groups] == [3, 2, 1]
    assert groups[0].examples() == (
        "Wie viele Mitarbeiter hat Alibaba?",
        "wie viele mitarbeiter hat alibaba",
    )
    assert set(groups[1].questions) == {
        "How many employees does Alibaba have?",
        "how many employees does alibaba have",
    }
    assert groups[2].questions == ("Wie wird das Wetter morgen?",)
    assert cluster([]) == [] and cluster(["?!", " "]) == []


def test_clustering_counts_repeats_and_orders_examples_by_frequency() -> None:
    groups = cluster(["Wer ist der CEO?", "Wer ist CEO?", "Wer ist CEO?", "Wer ist CEO?"])
    assert len(groups) == 1 and groups[0].count == 4
    assert groups[0].examples() == ("Wer ist CEO?", "Wer ist der CEO?")


def _log(path: Path, matcher: Matcher, clock: Clock) -> QuestionLog:
    log = QuestionLog(path, retention_days=90, clock=clock)
    for user, question in enumerate([*UNANSWERED, "Wie viel investiert Alibaba Cloud?"] * 2):
        result = matcher.ask(question)
        row = log.record(result, chat_type="private", user_id=user % 3)
        if row is not None and result.answered:
            log.vote(row.id, user, -1 if user % 2 else 1)
    clock.now -= 3 * DAY  # three days earlier: one more answered question
    log.record(matcher.ask("Wer ist Jeff Zhang?"), chat_type="group", user_id=5)
    clock.now += 3 * DAY
    assert log.flush()
    return log


def test_stats_count_days_answers_entries_votes_and_askers(
    tmp_path: Path, matcher: Matcher
) -> None:
    clock = Clock()
    log = _log(tmp_path / "q.sqlite3", matcher, clock)
    conn = log.reader()
    report = stats(conn, now=clock.now, days=7)
    assert len(report.per_day) == 7
    assert report.total == 15 and report.answered == 3
    assert report.per_day[-1].answered == 2 and report.per_day[-1].unanswered == 12
    assert report.per_day[-4].answered == 1
    assert report.distinct_askers == 4
    assert dict(report.top_entries) == {"investment-amount": 2, "jeff-zhang": 1}
    assert [(v.faq_id, v.up, v.down) for v in report.votes] == [("investment-amount", 1, 1)]
    text = format_stats(report, "en")
    assert "15 questions, 3 answered (20 %), 4 distinct askers" in text
    assert "investment-amount 1/1" in text and "private / de" in text
    data = json.loads(json.dumps(report.to_json()))
    assert data["answer_rate"] == 0.2 and len(data["per_day"]) == 7
    assert stats(conn, now=clock.now, days=1).total == 14
    conn.close()
    log.close()


def test_unanswered_includes_voted_down_answers(tmp_path: Path, matcher: Matcher) -> None:
    clock = Clock()
    log = _log(tmp_path / "q.sqlite3", matcher, clock)
    conn = log.reader()
    groups = unanswered(conn, now=clock.now, days=7)
    conn.close()
    log.close()
    assert [g.cluster.count for g in groups][:2] == [6, 4]
    voted_down = [g for g in groups if "👎" in g.reasons]
    assert voted_down and voted_down[0].cluster.questions == ("Wie viel investiert Alibaba Cloud?",)


def test_draft_ids_are_valid_and_unique() -> None:
    taken: set[str] = set()
    first = draft_id("Wie viele Mitarbeiter hat Alibaba Cloud in Singapur insgesamt?", taken)
    second = draft_id("Wie viele Mitarbeiter hat Alibaba Cloud in Singapur insgesamt?", taken)
    assert first.startswith("draft-wie-viele-mitarbeiter") and len(first) <= 40
    assert second == first + "-2"
    assert draft_id("阿里巴巴?", taken) == "draft-question"


def test_suggested_drafts_are_checked_as_incomplete_and_never_live(
    tmp_path: Path, matcher: Matcher, knowledge_copy: Path
) -> None:
    clock = Clock()
    log = _log(tmp_path / "q.sqlite3", matcher, clock)
    conn = log.reader()
    text = drafts_yaml(unanswered(conn, now=clock.now, days=7), days=7, knowledge=matcher.knowledge)
    conn.close()
    log.close()
    drafts = yaml.safe_load(text)["entries"]
    assert all(d["draft"] is True and d["answer"] == {"de": "", "en": ""} for d in drafts)
    assert variant_key(drafts[0]["questions"]["de"][0]) == "wie viele mitarbeiter hat alibaba"
    assert len(drafts[0]["questions"]["de"]) == 2  # one per wording that differs
    faq = knowledge_copy / "faq.yaml"
    data = yaml.safe_load(faq.read_text())
    data["entries"] += drafts
    faq.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    out = io.StringIO()
    assert main(["check", str(knowledge_copy)], out=out) == 0
    assert f"{len(drafts)} incomplete draft(s), not live" in out.getvalue()
    assert f"{drafts[0]['id']}: missing answer.de, answer.en, sentences, kinds" in out.getvalue()
    knowledge = load_knowledge(knowledge_copy)
    assert len(knowledge.entries) == len(matcher.knowledge.entries)
    assert Matcher(knowledge).ask("Wie viele Mitarbeiter hat Alibaba?").faq_id is None


def test_a_broken_draft_is_reported_with_its_line(knowledge_copy: Path) -> None:
    faq = knowledge_copy / "faq.yaml"
    lines = faq.read_text().count("\n")
    faq.write_text(faq.read_text() + "  - id: Draft X\n    draft: true\n")
    out = io.StringIO()
    assert main(["check", str(knowledge_copy)], out=out) == 1
    assert f"faq.yaml:{lines + 1}, entry 'Draft X', field 'id'" in out.getvalue()


def test_report_cli_text_json_suggest_and_chart(tmp_path: Path, matcher: Matcher) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    out = io.StringIO()
    assert main(["report"], out=out, settings=settings) == 1
    assert "No question log" in out.getvalue()
    log = QuestionLog(settings.question_log_file, retention_days=90)
    for question in UNANSWERED:
        log.record(matcher.ask(question), chat_type="private", user_id=1)
    log.close()
    out = io.StringIO()
    assert main(["report", "--days", "3"], out=out, settings=settings) == 0
    assert "Last 3 days: 6 questions, 0 answered (0 %), 1 distinct askers." in out.getvalue()
    assert "1. 3× „Wie viele Mitarbeiter hat Alibaba?“" in out.getvalue()
    out = io.StringIO()
    assert main(["report", "--json"], out=out, settings=settings) == 0
    data = json.loads(out.getvalue())
    assert data["questions"] == 6 and data["unanswered"][0]["count"] == 3
    drafts, chart = tmp_path / "drafts.yaml", tmp_path / "chart.png"
    out = io.StringIO()
    assert main(["report", "--suggest", str(drafts)], out=out, settings=settings) == 0
    assert len(yaml.safe_load(drafts.read_text())["entries"]) == 3
    assert main(["report", "--chart", str(chart)], out=out, settings=settings) == 0
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_report_cli_explains_a_log_it_cannot_read(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)
    settings.question_log_file.write_text("not a database")
    out = io.StringIO()
    assert main(["report"], out=out, settings=settings) == 1
    assert out.getvalue().startswith("Cannot read the question log at ")


def test_clustering_with_the_matchers_normalization_ignores_stop_words(
    knowledge: Knowledge,
) -> None:
    questions = ["Wer ist eigentlich der Chef von Amazon?", "Chef Amazon"]
    assert len(cluster(questions)) == 2  # by wording alone: too different
    key = normalized_key(knowledge.synonyms)
    assert key(questions[0]) == "?who chef amazon"
    assert [g.count for g in cluster(questions, key=key)] == [2]
    assert key("?!") == ""  # nothing to compare: left out
