"""The README's systemd unit is valid (checked where ``systemd-analyze`` exists)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

PREFIX = "/srv/asiaforward-bot"


def readme_unit() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```ini\n(.*?)```", readme, flags=re.DOTALL)
    (unit,) = [block for block in blocks if "[Service]" in block]
    return unit


def test_the_unit_runs_the_bot_safely() -> None:
    unit = readme_unit()
    settings = dict(
        line.split("=", 1) for line in unit.splitlines() if "=" in line and line[0] != "#"
    )
    assert settings["User"] not in ("", "root")
    assert settings["Restart"] == "on-failure"
    assert settings["EnvironmentFile"].endswith("/.env")
    assert "KNOWLEDGE_DIR=" in settings["Environment"] and "DATA_DIR=" in settings["Environment"]
    assert settings["ExecStart"].endswith("asiaforward-bot run")


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here"
)
def test_systemd_analyze_verifies_the_unit(tmp_path: Path) -> None:
    unit = readme_unit().replace(PREFIX, str(tmp_path))  # its paths must exist to verify
    for directory in ("venv/bin", "knowledge", "data"):
        (tmp_path / directory).mkdir(parents=True)
    program = tmp_path / "venv" / "bin" / "asiaforward-bot"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=\n")
    path = tmp_path / "asiaforward-bot.service"
    path.write_text(unit)
    done = subprocess.run(
        ["systemd-analyze", "verify", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    complaints = [line for line in (done.stdout + done.stderr).splitlines() if path.name in line]
    assert done.returncode == 0 and complaints == [], done.stdout + done.stderr
