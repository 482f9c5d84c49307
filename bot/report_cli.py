"""``python -m bot report``: the question log in the terminal, as drafts, or as a chart."""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from typing import TextIO

from bot import report
from bot.clustering import normalized_key
from bot.knowledge import KnowledgeError, load_knowledge, variant_key
from bot.settings import Settings
from bot.storage.schema import connect

MAX_DAYS = 3650


def run_report(settings: Settings, args: argparse.Namespace, out: TextIO) -> int:
    path = settings.question_log_file
    if not 1 <= args.days <= MAX_DAYS:
        out.write(f"--days must be between 1 and {MAX_DAYS}\n")
        return 2
    if not path.exists():
        out.write(f"No question log at {path} (the bot has not run yet, or QUESTION_LOG=off).\n")
        return 1
    try:
        conn = connect(path)
    except (RuntimeError, sqlite3.Error) as error:  # newer than this code, or not a database
        out.write(f"Cannot read the question log at {path}: {error}\n")
        return 1
    try:
        knowledge = load_knowledge(settings.knowledge_dir)
    except KnowledgeError:
        knowledge = None  # clustered without synonyms; draft ids avoid only each other
    key = normalized_key(knowledge.synonyms) if knowledge else variant_key
    try:
        now = time.time()
        stats = report.stats(conn, now=now, days=args.days)
        groups = report.unanswered(conn, now=now, days=args.days, key=key)
    finally:
        conn.close()
    if args.suggest:
        args.suggest.write_text(
            report.drafts_yaml(groups, days=args.days, knowledge=knowledge), encoding="utf-8"
        )
        out.write(f"{args.suggest}: {len(groups)} draft entries\n")
    if args.chart:
        from bot.chart import chart_png

        args.chart.write_bytes(chart_png(stats.per_day, "en"))
        out.write(f"{args.chart}: chart of {len(stats.per_day)} days\n")
    if args.suggest or args.chart:
        return 0
    if args.json:
        payload = {**stats.to_json(), "unanswered": [g.to_json() for g in groups]}
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(report.format_stats(stats, "en") + "\n\n")
        out.write(report.format_unanswered(groups, args.days, "en") + "\n")
    return 0
