from pathlib import Path

import pytest

from bot.knowledge import FAQ_FILE, KnowledgeError
from bot.settings import Settings
from bot.telegram import admin


async def test_oversized_upload_is_refused_with_a_reason(
    knowledge_copy: Path, tmp_path: Path
) -> None:
    settings = Settings(_env_file=None, knowledge_dir=knowledge_copy, data_dir=tmp_path / "data")
    before = (knowledge_copy / FAQ_FILE).read_bytes()
    with pytest.raises(KnowledgeError, match="larger than 1000 kB"):
        await admin.install_faq(settings, b"#" * (admin.MAX_FAQ_BYTES + 1))
    assert (knowledge_copy / FAQ_FILE).read_bytes() == before


async def test_good_upload_backs_up_and_goes_live(knowledge_copy: Path, tmp_path: Path) -> None:
    settings = Settings(_env_file=None, knowledge_dir=knowledge_copy, data_dir=tmp_path / "data")
    content = (knowledge_copy / FAQ_FILE).read_bytes() + b"\n# edited\n"
    loaded, backup = await admin.install_faq(settings, content)
    assert backup.exists() and (knowledge_copy / FAQ_FILE).read_bytes() == content
    assert loaded.matcher.knowledge.directory == knowledge_copy


async def test_an_upload_that_cannot_be_written_says_why(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(_env_file=None, knowledge_dir=knowledge_copy, data_dir=tmp_path / "data")
    before = (knowledge_copy / FAQ_FILE).read_bytes()

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(admin.shutil, "copy2", read_only)
    with pytest.raises(KnowledgeError, match="KNOWLEDGE_DIR and DATA_DIR must be writable"):
        await admin.install_faq(settings, before + b"\n# edited\n")
    assert (knowledge_copy / FAQ_FILE).read_bytes() == before
