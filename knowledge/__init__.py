"""The bot's default knowledge: installed inside the package as ``bot.bundled_knowledge``.

This directory is the source of the data; ``pyproject.toml`` maps it into the package (see
``bot.bundled``). This file only makes it an importable package for ``importlib.resources``.
"""
