"""The built wheel, installed into a fresh venv, answers and checks from any folder."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

# What a checkout holds besides its source (the venv, caches, build output, the bot's data).
LOCAL_ONLY = (
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "data",
    "*.egg-info",
    "__pycache__",
    ".*cache",
)


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the built wheel installed (no editable link to this checkout).
    To stay fast and offline-friendly it borrows the dependencies from this environment through
    a .pth line (which does not activate this environment's editable install of the bot)."""
    home = tmp_path_factory.mktemp("wheel")
    source = home / "source"  # a clean copy: the build leaves nothing in the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*LOCAL_ONLY))
    dist = home / "dist"
    pip = [sys.executable, "-m", "pip"]
    _run([*pip, "wheel", "-q", "--no-deps", "--wheel-dir", str(dist), str(source)], home)
    (wheel,) = dist.glob("asiaforward_bot-*.whl")
    venv = home / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], home)
    python = venv / "bin" / "python"
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], home
    ).strip()
    borrowed = {*site.getsitepackages(), sysconfig.get_path("purelib")}
    Path(purelib, "borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    _run(
        [*pip, "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        home,
    )
    return venv


def _env() -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG", "TMPDIR")
    return {k: v for k, v in os.environ.items() if k in keep}


def test_installed_wheel_answers_and_checks_from_any_folder(
    installed: Path, tmp_path: Path
) -> None:
    python = str(installed / "bin" / "python")
    where = _run([python, "-c", "import bot; print(bot.__file__)"], tmp_path, _env())
    assert where.startswith(str(installed)), where  # the wheel, not this checkout
    answer = _run([python, "-m", "bot", "ask", "Wer ist Jeff Zhang?"], tmp_path, _env())
    assert "Jeff Zhang ist Präsident" in answer and "Quelle: Bloomberg" in answer
    check = _run([str(installed / "bin" / "asiaforward-bot"), "check"], tmp_path, _env())
    assert "OK - 29 entries" in check and str(installed) in check


def test_init_copies_the_bundled_knowledge_and_refuses_to_overwrite(
    installed: Path, tmp_path: Path
) -> None:
    python = str(installed / "bin" / "python")
    _run([python, "-m", "bot", "init", "mine"], tmp_path, _env())
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == [
        "article.de.txt",
        "article.yaml",
        "faq.yaml",
        "sentences.yaml",
        "synonyms.yaml",
    ]
    faq = tmp_path / "mine" / "faq.yaml"
    faq.write_text(faq.read_text().replace("Bloomberg", "Bloomberg News"))
    refused = subprocess.run(
        [python, "-m", "bot", "init", "mine"],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert refused.returncode == 1 and "--force" in refused.stdout
    assert "Bloomberg News" in faq.read_text()
    _run([python, "-m", "bot", "init", "--force", "mine"], tmp_path, _env())
    assert "Bloomberg News" not in faq.read_text()
    env = {**_env(), "KNOWLEDGE_DIR": str(tmp_path / "mine")}
    assert "mine: OK" in _run([python, "-m", "bot", "check"], tmp_path, env)
