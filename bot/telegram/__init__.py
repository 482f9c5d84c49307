"""The Telegram adapter: a thin layer of python-telegram-bot handlers over the answering core.

``app`` builds the ``Application`` (one ordered block of handlers) and runs it; ``handlers`` holds
the callbacks; ``keyboards`` the inline keyboards and their callback data; ``state`` the typed
shared state (the live matcher, statistics); ``admin`` reloading and replacing the FAQ.
"""
