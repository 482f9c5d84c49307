"""Command line: ``python -m bot [run|chat|ask|check|init|eval|bench|split|report]``.

Only parses arguments and prints; the work happens in the core modules.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.bundled import copy_bundled_knowledge
from bot.knowledge import Knowledge, KnowledgeError, load_knowledge
from bot.matcher import Matcher
from bot.render import render
from bot.sentences import split_sentences
from bot.settings import Settings, SettingsError, load_settings
from bot.texts import t

DEFAULT_DEV_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev_questions.yaml"


def _matcher(settings: Settings, knowledge_dir: Path | None = None) -> Matcher:
    knowledge = load_knowledge(knowledge_dir or settings.knowledge_dir)
    return Matcher(
        knowledge,
        threshold=settings.match_threshold,
        margin=settings.match_margin,
        semantic=settings.semantic_fallback,
        cache_dir=settings.data_dir / "cache",
    )


def cmd_ask(matcher: Matcher, args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """One question from the arguments, or with ``-`` one per stdin line, answered as it comes."""
    questions = (
        (line.rstrip("\r\n") for line in stdin)
        if args.question == ["-"]
        else [" ".join(args.question)]
    )
    for question in questions:
        _print_answer(matcher, question, args, out)
    return 0


def _print_answer(matcher: Matcher, question: str, args: argparse.Namespace, out: TextIO) -> None:
    result = matcher.ask(question)
    if args.json:
        data = result.to_json()
        if args.explain:
            data["explain"] = list(result.explain)
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        if args.explain:
            out.write("".join(f"  | {line}\n" for line in result.explain))
        out.write(render(result, matcher.knowledge) + "\n\n")
    out.flush()


def cmd_chat(matcher: Matcher, out: TextIO, stdin: TextIO, *, hint: bool = False) -> int:
    knowledge = matcher.knowledge
    if matcher.semantic is not None:  # ready by the time the first question is typed
        matcher.semantic.start()
    if hint:
        out.write(t("no_token_hint", "en") + "\n")
    out.write(t("chat_intro", "en", title=knowledge.meta.title, source=knowledge.meta.source))
    out.write("\n")
    for example in matcher.suggest("en"):
        out.write(f"  • {example.question}\n")
    while True:
        out.write("\n? ")
        out.flush()
        line = stdin.readline()
        if not line or not line.strip():
            out.write("\n")
            return 0
        out.write(render(matcher.ask(line.strip()), knowledge) + "\n")


def cmd_check(directory: Path, out: TextIO) -> int:
    from bot.lint import faq_lines, long_replies, misrouted_questions, swallowed_questions

    try:
        knowledge = load_knowledge(directory)
    except KnowledgeError as error:
        out.write(f"{directory}: {len(error.problems)} problem(s)\n")
        for problem in error.problems:
            out.write(f"  {problem}\n")
        return 1
    out.write(_counts(knowledge) + "\n")
    matcher = Matcher(knowledge, semantic=False)
    lines = faq_lines(knowledge)
    warnings = [*swallowed_questions(knowledge, lines), *long_replies(matcher, lines)]
    for warning in [*warnings, *misrouted_questions(matcher)]:
        out.write(f"  warning: {warning}\n")
    if knowledge.drafts:
        out.write(f"{len(knowledge.drafts)} incomplete draft(s), not live:\n")
        for draft in knowledge.drafts:
            missing = draft.missing()
            todo = f"missing {', '.join(missing)}" if missing else "delete `draft: true`"
            out.write(f"  {draft.id}: {todo}\n")
    return 0


def _counts(knowledge: Knowledge) -> str:
    return (
        f"{knowledge.directory}: OK - {len(knowledge.entries)} entries, "
        f"{knowledge.variant_count} question variants, {len(knowledge.sentences)} sentences, "
        f"loaded in {knowledge.load_seconds * 1000:.0f} ms"
    )


def cmd_eval(matcher: Matcher, args: argparse.Namespace, out: TextIO) -> int:
    from bot.evaluate import (
        LabelledFileError,
        evaluate,
        format_report,
        load_labelled,
        unknown_labels,
    )

    try:
        items = load_labelled(args.file)
    except LabelledFileError as error:
        out.write(f"{error}\n")
        return 1
    unknown = unknown_labels(items, matcher.knowledge)
    if unknown:
        out.write(f"{args.file}: unknown FAQ or sentence ids: {', '.join(unknown)}\n")
        return 1
    reports = {"matcher": evaluate(matcher, items)}
    explain = args.explain
    if args.baselines:
        from bot.baselines import BASELINES

        for name, make in BASELINES.items():
            reports[name] = evaluate(matcher, items, answer=make(matcher.knowledge))
    if args.json:
        out.write(json.dumps({n: r.summary() for n, r in reports.items()}, indent=2) + "\n")
    else:
        text = (format_report(r, title=n, explain=explain) for n, r in reports.items())
        out.write("\n\n".join(text) + "\n")
    return 0


def cmd_bench(settings: Settings, args: argparse.Namespace, out: TextIO) -> int:
    from bot.bench import run_benchmark
    from bot.evaluate import load_labelled

    questions = [item.question for item in load_labelled(args.questions)]
    for line in run_benchmark(
        str(settings.knowledge_dir), questions, entries=args.entries, variants=args.variants
    ):
        out.write(line + "\n")
        out.flush()
    return 0


def cmd_init(directory: Path, force: bool, out: TextIO) -> int:
    """Copy the bundled knowledge into ``directory`` for editing."""
    try:
        copied = copy_bundled_knowledge(directory, force=force)
    except FileExistsError as error:
        out.write(f"{error}: already exists; add --force to overwrite the knowledge files\n")
        return 1
    out.write(
        f"Copied {len(copied)} files to {directory}. Edit them, run `python -m bot check "
        f"{directory}`, and set KNOWLEDGE_DIR={directory.resolve()}\n"
    )
    return 0


def cmd_report(settings: Settings, args: argparse.Namespace, out: TextIO) -> int:
    from bot.report_cli import run_report

    return run_report(settings, args, out)


def cmd_split(directory: Path, out: TextIO) -> int:
    knowledge_file = directory / "article.de.txt"
    for number, sentence in enumerate(split_sentences(knowledge_file.read_text("utf-8")), 1):
        out.write(f"S{number}\t{sentence}\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Answer questions about one news article, on Telegram or in the terminal.",
    )
    parser.add_argument(
        "--knowledge", type=Path, help="knowledge directory (default: KNOWLEDGE_DIR)"
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="start the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    sub.add_parser("chat", help="chat with the bot in the terminal")
    ask = sub.add_parser("ask", help="answer one question (or '-' for one per stdin line)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--explain", action="store_true", help="show what each stage said")
    ask.add_argument("question", nargs="+", help="the question, or '-' to read stdin")
    check = sub.add_parser("check", help="validate a knowledge directory")
    check.add_argument("directory", nargs="?", type=Path)
    evaluate = sub.add_parser("eval", help="measure answer quality on a labelled question file")
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.add_argument(
        "--baselines", action="store_true", help="also measure the sentence baselines"
    )
    evaluate.add_argument(
        "--explain", action="store_true", help="show what each stage said about every miss"
    )
    bench = sub.add_parser("bench", help="measure latency and load time")
    bench.add_argument("--questions", type=Path, default=DEFAULT_DEV_SET)
    bench.add_argument("--entries", type=int, default=10_000)
    bench.add_argument("--variants", type=int, default=5)
    init = sub.add_parser("init", help="copy the bundled knowledge into DIR for editing")
    init.add_argument("directory", type=Path)
    init.add_argument("--force", action="store_true", help="overwrite existing knowledge files")
    report = sub.add_parser("report", help="what readers asked: statistics, unanswered, drafts")
    report.add_argument("--days", type=int, default=7, help="the last N days (default 7)")
    report.add_argument("--json", action="store_true", help="print the report as JSON")
    report.add_argument(
        "--suggest", type=Path, metavar="FILE", help="write unanswered clusters as draft entries"
    )
    report.add_argument("--chart", type=Path, metavar="FILE.png", help="write the chart")
    split = sub.add_parser("split", help="print the article split into numbered sentences")
    split.add_argument("directory", nargs="?", type=Path)
    return parser


# The settings each command reads; the others keep their defaults unread, so that a bad
# ADMIN_IDS stops the bot but not `check`. None: all of them.
_BOT_ONLY = frozenset(
    """telegram_api_base_url telegram_api_file_url admin_ids knowledge_load_seconds
    knowledge_load_memory_mb webhook_url webhook_secret_token webhook_listen webhook_port
    webhook_path""".split()
)
_CORE = tuple(name for name in Settings.model_fields if name not in _BOT_ONLY)
NEEDED_SETTINGS: dict[str | None, tuple[str, ...] | None] = {
    "check": ("knowledge_dir",),
    "split": ("knowledge_dir",),
    "init": (),
    "ask": _CORE,
    "chat": _CORE,
    "eval": _CORE,
    "bench": _CORE,
    "report": ("knowledge_dir", "data_dir"),
    None: _CORE,  # the bot if a token is set (then all of them), else the terminal chat
    "run": None,
}


def _settings_for(command: str | None) -> Settings:
    settings = load_settings(NEEDED_SETTINGS.get(command))
    if command is None and settings.telegram_bot_token is not None:
        settings = load_settings()
    return settings


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    stdin: TextIO | None = None,
    settings: Settings | None = None,
) -> int:
    """Entry point of ``python -m bot`` and the ``asiaforward-bot`` script."""
    out = out or sys.stdout
    stdin = stdin or sys.stdin
    args = build_parser().parse_args(argv)
    if settings is None:
        try:
            settings = _settings_for(args.command)
        except SettingsError as error:
            print(error, file=sys.stderr)
            return 2
    knowledge_dir: Path = args.knowledge or settings.knowledge_dir
    if args.command == "check":
        return cmd_check(args.directory or knowledge_dir, out)
    if args.command == "init":
        return cmd_init(args.directory, args.force, out)
    if args.command == "split":
        return cmd_split(args.directory or knowledge_dir, out)
    if args.command == "report":
        return cmd_report(settings.model_copy(update={"knowledge_dir": knowledge_dir}), args, out)
    if args.command == "bench":
        return cmd_bench(settings.model_copy(update={"knowledge_dir": knowledge_dir}), args, out)
    if args.command == "run" or (args.command is None and settings.telegram_bot_token):
        from bot.telegram.app import run_bot

        return run_bot(settings.model_copy(update={"knowledge_dir": knowledge_dir}))
    try:
        matcher = _matcher(settings, knowledge_dir)
    except KnowledgeError as error:
        out.write(f"The knowledge in {knowledge_dir} is invalid:\n{error}\n")
        return 1
    if args.command == "ask":
        return cmd_ask(matcher, args, out, stdin)
    if args.command == "eval":
        return cmd_eval(matcher, args, out)
    return cmd_chat(matcher, out, stdin, hint=args.command is None)
