"""Typed state shared by all handlers (``context.bot_data``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram.ext import CallbackContext, ExtBot

from bot.knowledge import Lang
from bot.matcher import Matcher
from bot.settings import Settings
from bot.storage.questionlog import QuestionLog

if TYPE_CHECKING:
    from bot.telegram.alerts import AdminAlerts
    from bot.telegram.flood import FloodControl
    from bot.telegram.journal import Journal


@dataclass
class Stats:
    """Questions since start, by outcome, chat type and language."""

    answered: Counter[tuple[str, Lang]] = field(default_factory=Counter)
    declined: Counter[tuple[str, Lang]] = field(default_factory=Counter)

    def record(self, answered: bool, chat_type: str, language: Lang) -> None:
        (self.answered if answered else self.declined)[(chat_type, language)] += 1

    def rows(self) -> list[str]:
        keys = sorted(self.answered.keys() | self.declined.keys())
        return [
            f"{chat} / {lang}: {self.answered[(chat, lang)]} ✓  {self.declined[(chat, lang)]} ✗"
            for chat, lang in keys
        ]


class BotData:
    """What the handlers share. ``matcher`` is swapped whole on reload (atomic for readers:
    a handler reads it once, so a question in flight finishes on the FAQ it started with)."""

    def __init__(self) -> None:
        # Defaults only, without reading the environment: build_application sets the real ones.
        self.settings: Settings = Settings.model_construct()
        self._matcher: Matcher | None = None
        self.stats = Stats()
        # Reliability services, set by build_application (None in a bare BotData).
        self.journal: Journal | None = None
        self.alerts: AdminAlerts | None = None
        self.flood: FloodControl | None = None
        self.questionlog: QuestionLog | None = None  # None when QUESTION_LOG=off

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            raise RuntimeError("the knowledge is not loaded yet")
        return self._matcher

    @matcher.setter
    def matcher(self, value: Matcher) -> None:
        self._matcher = value

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.admin_ids


Context = CallbackContext[ExtBot[None], dict[object, object], dict[object, object], BotData]
