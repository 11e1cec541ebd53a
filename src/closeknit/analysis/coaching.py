"""Suggestions for the pitfalls found in a message."""

from __future__ import annotations

from closeknit.domain.analysis import IStatement, Suggestion
from closeknit.domain.antidotes import ANTIDOTES
from closeknit.domain.istatement import FEELING_WORDS, NEED_WORDS, build_i_statement, compose

_REWRITE_FOR = frozenset({"criticism", "contempt", "mind_reading", "defensiveness"})


def _pause_statement() -> IStatement:
    parts = ("overwhelmed", "right now", "a short break so I can listen properly", "Can we take twenty minutes and then come back to this?")
    return IStatement(*parts, text=compose(*parts), feeling_options=FEELING_WORDS, need_options=NEED_WORDS)


def suggestions_for(text: str, pitfalls: list[str], emotions: list[str]) -> tuple[Suggestion, ...]:
    """One suggestion per pitfall, with an editable rewrite where one fits."""
    rewrite = build_i_statement(text, emotions) if _REWRITE_FOR & set(pitfalls) else None
    result = []
    for pitfall in pitfalls:
        antidote = ANTIDOTES[pitfall]
        candidate = rewrite if pitfall in _REWRITE_FOR else _pause_statement() if pitfall == "stonewalling" else None
        result.append(Suggestion(pitfall=pitfall, antidote=antidote.name, why=antidote.why, try_this=antidote.try_this, rewrite=candidate))
    return tuple(result)
