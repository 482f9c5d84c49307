"""Bad settings give one readable line; commands read only the settings they need."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "KNOWLEDGE_DIR", "WEBHOOK_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("abc", "'abc' is not a numeric user id"),
        ("1;2", "'1;2' is not a numeric user id; separate ids with commas"),
        ("@alice", "'@alice' is a username"),
        ("1, 2x", "'2x' is not a numeric user id"),
    ],
)
def test_bad_admin_ids_stop_the_bot_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], value: str, problem: str
) -> None:
    monkeypatch.setenv("ADMIN_IDS", value)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:secret-token")
    assert main(["run"]) == 2
    assert main([]) == 2  # a token is set: the default command is the bot
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and lines[0] == lines[1]
    assert lines[0].startswith(f"ADMIN_IDS={value}: {problem}")
    assert lines[0].endswith("for example ADMIN_IDS=123456789,987654321")
    assert "secret-token" not in lines[0]


@pytest.mark.parametrize("command", [["check"], ["ask", "Wer ist Jeff Zhang?"], ["split"]])
def test_commands_without_admins_ignore_a_bad_admin_ids(
    monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("ADMIN_IDS", "@alice")
    monkeypatch.setenv("WEBHOOK_PORT", "not a port")
    out = io.StringIO()
    assert main(command, out=out) == 0
    assert out.getvalue()


def test_every_bad_setting_is_named_with_an_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATCH_THRESHOLD", "lots")
    monkeypatch.setenv("WEBHOOK_PORT", "0")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("MATCH_THRESHOLD=lots: ") and "MATCH_THRESHOLD=60" in lines[0]
    assert lines[1].startswith("WEBHOOK_PORT=0: ") and "WEBHOOK_PORT=8443" in lines[1]


def test_admin_ids_without_any_id_is_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("ADMIN_IDS", ",")
    with caplog.at_level(logging.WARNING, logger="bot.settings"):
        assert load_settings().admin_ids == frozenset()
    assert "ADMIN_IDS=',' names no user id" in caplog.text
