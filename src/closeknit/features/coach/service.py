"""Coach services shared by the CLI and (later) the web app."""

from __future__ import annotations

from functools import cache

from closeknit.analysis.engine import Engine
from closeknit.domain.analysis import Analysis
from closeknit.settings import Settings


@cache
def engine_for(settings: Settings) -> Engine:
    """One loaded engine per distinct settings object, reused across calls."""
    return Engine.load(settings)


def coach_message(text: str, *, context: str | None = None, settings: Settings) -> Analysis:
    """Analyse a draft message, with the other person's last turn as context."""
    return engine_for(settings).analyze(text, context=context)
