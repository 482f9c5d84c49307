import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.settings import Settings
from tests.conftest import KNOWLEDGE, ROOT

CASES = yaml.safe_load((ROOT / "tests" / "data" / "cases.yaml").read_text("utf-8"))
NO_TOKEN = Settings(_env_file=None, knowledge_dir=KNOWLEDGE, telegram_bot_token=None)


def run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out, stdin=io.StringIO(stdin), settings=NO_TOKEN)
    return code, out.getvalue()


def test_ask_prints_answer_with_citations() -> None:
    code, text = run(["ask", "Wie", "viel", "investiert", "Alibaba?"])
    assert code == 0
    assert "1 Milliarde US-Dollar" in text and "[S3]" in text and "Quelle: Bloomberg" in text


def test_ask_json_stdin_one_object_per_line_in_order() -> None:
    questions = [c["q"] for c in CASES]
    code, text = run(["ask", "--json", "-"], "\n".join(questions) + "\n")
    lines = text.splitlines()
    assert code == 0 and len(lines) == len(questions)
    for line, case in zip(lines, CASES, strict=True):
        data = json.loads(line)
        assert data["question"] == case["q"]
        assert data["faq_id"] == case["expect"]
        assert data["answered"] == (case["expect"] is not None)
        assert (data["citations"] == []) == (not data["answered"])


def test_ask_json_streams_flushed_per_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--knowledge", str(KNOWLEDGE), "ask", "--json", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert process.stdin and process.stdout
    process.stdin.write("Wer ist Jeff Zhang?\n")
    process.stdin.flush()
    first = json.loads(process.stdout.readline())  # arrives before stdin is closed
    assert first["faq_id"] == "jeff-zhang"
    process.stdin.close()
    assert process.wait(timeout=30) == 0
    process.stdout.close()


def test_check_ok_and_broken(knowledge_copy: Path) -> None:
    code, text = run(["check", str(KNOWLEDGE)])
    assert code == 0 and "OK" in text
    (knowledge_copy / "faq.yaml").write_text("entries: []\n")
    code, text = run(["check", str(knowledge_copy)])
    assert code == 1 and "faq.yaml" in text and "entries" in text


def test_chat_without_token_hints_and_answers() -> None:
    code, text = run([], "Wer ist Jeff Zhang?\n\n")
    assert code == 0
    assert "TELEGRAM_BOT_TOKEN" in text.splitlines()[0]
    assert "Jeff Zhang ist Präsident" in text


def test_split_prints_numbered_sentences() -> None:
    code, text = run(["split"])
    assert code == 0 and text.splitlines()[-1] == "S13\tQuelle: Bloomberg"


@pytest.mark.parametrize("value", ["1,2, 3", " 1 , 2,,3 "])
def test_admin_ids_from_comma_separated_env(monkeypatch, value: str) -> None:
    monkeypatch.setenv("ADMIN_IDS", value)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:hushhush")
    settings = Settings(_env_file=None)
    assert settings.admin_ids == {1, 2, 3}
    assert "hushhush" not in repr(settings)


def test_env_example_copied_unchanged_means_terminal_chat() -> None:
    settings = Settings(_env_file=ROOT / ".env.example")
    assert settings.telegram_bot_token is None
    assert settings.knowledge_dir == KNOWLEDGE


def test_ask_explain_shows_each_stage() -> None:
    code, text = run(["ask", "--explain", "Moin, kurze Frage: Warum hat TikTok Alibaba verlassen?"])
    assert code == 0
    for stage in ("wrappers:", "lexical [", "answerability [big-customer]: asks why", "decision:"):
        assert stage in text
    assert "[S12]" in text  # the related sentence is shown with the decline


def test_ask_json_related_for_a_decline_that_touches_the_article() -> None:
    _, text = run(["ask", "--json", "Why did TikTok stop using Alibaba?"])
    data = json.loads(text)
    assert data["answered"] is False and data["citations"] == []
    assert data["related"] == ["S11", "S12"]


def test_eval_explain_prints_stages_of_misses(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text('[{q: "Why did TikTok stop using Alibaba?", expect: S12}]')
    code, text = run(["eval", str(path), "--explain"])
    assert code == 0 and "| answerability [big-customer]" in text
