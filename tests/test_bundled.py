"""The bundled knowledge: found as package data, or as the checkout's knowledge/."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import bundled
from tests.conftest import KNOWLEDGE


def test_the_bundled_knowledge_is_the_projects_knowledge_directory() -> None:
    assert bundled.bundled_knowledge_dir().resolve() == KNOWLEDGE.resolve()


def test_without_the_package_mapping_the_checkout_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(bundled, "files", missing)
    assert bundled.bundled_knowledge_dir().resolve() == KNOWLEDGE.resolve()


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    copied = bundled.copy_bundled_knowledge(tmp_path / "k")
    assert {p.name for p in copied} == {
        "article.de.txt",
        "article.yaml",
        "faq.yaml",
        "sentences.yaml",
        "synonyms.yaml",
    }
    with pytest.raises(FileExistsError):
        bundled.copy_bundled_knowledge(tmp_path / "k")
    assert bundled.copy_bundled_knowledge(tmp_path / "k", force=True) == copied
