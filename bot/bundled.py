"""The knowledge that ships inside the package, and copying it out for editing.

The project's ``knowledge/`` directory is installed as the package ``bot.bundled_knowledge``
(``pyproject.toml`` maps it with ``package-dir``, its files are package data), so a wheel
installed anywhere has its default knowledge, read with ``importlib.resources``; an editable
install reads the project's ``knowledge/`` itself. ``KNOWLEDGE_DIR`` overrides it;
``python -m bot init DIR`` copies it to DIR for editing.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

BUNDLE = "bot.bundled_knowledge"
DATA_SUFFIXES = (".yaml", ".txt")


def _bundle() -> Traversable:
    try:
        return files(BUNDLE)
    except ModuleNotFoundError:
        # Not installed with the mapping (the checkout on PYTHONPATH, or an editable install
        # made before it existed): the checkout's own knowledge/.
        checkout = Path(__file__).resolve().parent.parent / "knowledge"
        if checkout.is_dir():
            return checkout
        raise


def bundled_knowledge_dir() -> Path:
    """The directory of the bundled knowledge (pip always installs packages as directories)."""
    resource = _bundle()
    if not isinstance(resource, Path):
        raise RuntimeError(f"{BUNDLE} is not installed as a directory: set KNOWLEDGE_DIR")
    return resource


def copy_bundled_knowledge(target: Path, *, force: bool = False) -> list[Path]:
    """Copy the bundled knowledge files into ``target`` (created if missing) and return them.

    Raises ``FileExistsError`` naming the first file that exists, unless ``force``.
    """
    sources = sorted(
        (item for item in _bundle().iterdir() if item.name.endswith(DATA_SUFFIXES)),
        key=lambda item: item.name,
    )
    destinations = [target / item.name for item in sources]
    if not force:
        for path in destinations:
            if path.exists():
                raise FileExistsError(path)
    target.mkdir(parents=True, exist_ok=True)
    for item, path in zip(sources, destinations, strict=True):
        path.write_bytes(item.read_bytes())
    return destinations
