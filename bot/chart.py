"""The ``/stats`` chart: questions per day, answered vs. not answered, as a PNG.

matplotlib is imported here only (its import takes a while: start-up stays fast), through its
object-oriented API with the Agg canvas: no display, no global pyplot state, safe in a thread.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from bot.knowledge import Lang
from bot.storage.queries import DayCount
from bot.texts import t


def chart_png(days: Sequence[DayCount], lang: Lang) -> bytes:
    """A stacked bar chart of ``days``; PNG bytes."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 4), dpi=100, layout="constrained")
    axes = figure.subplots()
    labels = [f"{d.day:%m-%d}" for d in days]
    answered = [d.answered for d in days]
    unanswered = [d.unanswered for d in days]
    positions = list(range(len(days)))
    axes.bar(positions, answered, color="#2e7d32", label=t("chart_answered", lang))
    axes.bar(
        positions,
        unanswered,
        bottom=answered,
        color="#c62828",
        label=t("chart_unanswered", lang),
    )
    step = max(1, len(days) // 15)
    axes.set_xticks(positions[::step], labels[::step], rotation=45, ha="right")
    axes.set_ylabel(t("chart_questions", lang))
    axes.set_title(t("chart_title", lang, days=len(days)))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(loc="upper left")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
