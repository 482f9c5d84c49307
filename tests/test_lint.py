"""``check`` warns about replies too long for one Telegram message, misplaced questions and
questions swallowed by an answer."""

from __future__ import annotations

import io
from pathlib import Path

import yaml

from bot.cli import main
from bot.settings import Settings
from tests.conftest import KNOWLEDGE


def _check(directory: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["check", str(directory)], out=out, settings=Settings(_env_file=None))
    return code, out.getvalue()


def test_the_real_faq_has_no_warnings() -> None:
    code, text = _check(KNOWLEDGE)
    assert code == 0 and "warning" not in text


def test_an_answer_too_long_for_one_message_is_a_warning(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    data = yaml.safe_load(path.read_text())
    data["entries"].append(
        {
            "id": "long-answer",
            "sentences": ["S1"],
            "kinds": ["what"],
            "answer": {"de": "Sehr lang. " * 400, "en": "Short."},
            "questions": {"de": ["Wie lang ist diese Antwort?"], "en": ["How long is this reply?"]},
        }
    )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000))
    code, text = _check(knowledge_copy)
    assert code == 0, text
    warnings = [line for line in text.splitlines() if "warning" in line]
    assert len(warnings) == 1
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if "Sehr lang." in row)
    assert (
        f"warning: faq.yaml:{line}, entry 'long-answer', field 'answer.de': the reply is"
        in (warnings[0])
    )
    assert "sent in 2 parts" in warnings[0]


def test_a_question_another_entry_answers_is_a_warning(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    data = yaml.safe_load(path.read_text())
    # The fine's question, filed under the informant: asked as it stands, the fine answers it.
    informant = next(e for e in data["entries"] if e["id"] == "tiktok-informant")
    informant["questions"]["en"].append("How big was the antitrust fine exactly?")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000))
    code, text = _check(knowledge_copy)
    assert code == 0, text
    assert "How big was the antitrust fine exactly?" in text and "'antitrust-fine'" in text


def test_a_question_indented_under_the_answer_is_a_warning(knowledge_copy: Path) -> None:
    path = knowledge_copy / "faq.yaml"
    text = path.read_text()
    answer = next(x for x in text.splitlines() if x.startswith("      en: Cloud revenue rose"))
    # One level too deep: YAML reads the line as the rest of the answer, not as a question.
    path.write_text(text.replace(answer, answer + "\n        - Is the cloud still growing?", 1))
    code, text = _check(knowledge_copy)
    assert code == 0, text
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if row == answer)
    assert (
        f"warning: faq.yaml:{line}, entry 'revenue-growth', field 'answer.en': the answer ends "
        "in what looks like a question" in text
    )
