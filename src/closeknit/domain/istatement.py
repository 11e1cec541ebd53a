"""Build an I-statement (feeling + situation + need + request) from a blaming draft.

Rule-based and deliberately simple: each part is a starting point that the person
edits. The word lists are Closeknit's own, not a published feelings inventory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from closeknit.domain.analysis import IStatement

FEELING_WORDS: tuple[str, ...] = (
    "hurt",
    "lonely",
    "frustrated",
    "worried",
    "overwhelmed",
    "unheard",
    "let down",
    "taken for granted",
    "anxious",
    "embarrassed",
    "sad",
    "disconnected",
    "tired",
    "confused",
)
NEED_WORDS: tuple[str, ...] = (
    "to feel heard",
    "some time together",
    "us to share the load",
    "to feel respected",
    "to be able to count on you",
    "some reassurance",
    "a bit of space",
    "to feel close to you",
    "honesty",
    "some support",
)


@dataclass(frozen=True)
class _Topic:
    pattern: re.Pattern[str]
    feeling: str
    need: str
    request: str


def _topic(words: str, feeling: str, need: str, request: str) -> _Topic:
    return _Topic(re.compile(rf"\b(?:{words})", re.IGNORECASE), feeling, need, request)


_TOPICS: tuple[_Topic, ...] = (
    _topic(
        "listen|hear|ignor|talk to me|phone",
        "unheard",
        "to feel heard",
        "Could we set aside ten minutes tonight to talk, with our phones away?",
    ),
    _topic(
        "help|dish|clean|chore|laundry|kids|cook|tidy|mess",
        "overwhelmed",
        "us to share the load",
        "Could we sit down and split the jobs for this week?",
    ),
    _topic(
        "text|call|repl|messag|answer", "worried", "to know you're thinking of me", "Could you send me a quick message when plans change?"
    ),
    _topic(
        "late|forg|promis|on time|show up",
        "let down",
        "to be able to count on you",
        "Could we put it in the calendar together so it doesn't slip?",
    ),
    _topic("shout|yell|rude|respect|swear", "disrespected", "to feel respected", "Could we both keep our voices calm when we disagree?"),
    _topic("time|together|date|weekend|busy|work", "lonely", "some time together", "Could we plan one evening this week just for us?"),
)

_EMOTION_FEELINGS: dict[str, str] = {
    "sadness": "hurt",
    "grief": "hurt",
    "disappointment": "let down",
    "anger": "frustrated",
    "annoyance": "frustrated",
    "disapproval": "frustrated",
    "fear": "worried",
    "nervousness": "anxious",
    "embarrassment": "embarrassed",
    "disgust": "upset",
}

_NEGATED = re.compile(
    r"\byou(?:'re| are)?\s+(?:never|don't|do not|didn't|did not|won't|will not|can't|cannot|barely|hardly ever)\s+(?P<rest>[^.!?\n]+)",
    re.IGNORECASE,
)
_WHY_NOT = re.compile(r"\b(?:can't|cannot|don't|won't|didn't)\s+you\s+(?:ever\s+|just\s+|even\s+)?(?P<rest>[^.!?\n]+)", re.IGNORECASE)
_ALWAYS = re.compile(r"\byou(?:'re| are)?\s+(?:always|constantly|keep)\s+(?P<rest>[^.!?\n]+)", re.IGNORECASE)
_TRAILING = re.compile(r"[\s,;:]+$|\b(?:again|anymore|ever)\b[\s!?.]*$", re.IGNORECASE)


def _clause(rest: str) -> str:
    words = rest.strip().split()
    return _TRAILING.sub("", " ".join(words[:14])).strip()


def situation_from(text: str) -> str:
    """A 'when …' clause describing the situation, softened from blame."""
    negated = _NEGATED.search(text)
    if negated and _clause(negated.group("rest")):
        return f"when it seems like you don't {_clause(negated.group('rest'))}"
    why_not = _WHY_NOT.search(text)
    if why_not and _clause(why_not.group("rest")):
        return f"when you don't {_clause(why_not.group('rest'))}"
    always = _ALWAYS.search(text)
    if always and _clause(always.group("rest")):
        return f"when you {_clause(always.group('rest'))}"
    return "when this happens"


def build_i_statement(text: str, emotions: list[str] | None = None) -> IStatement:
    """Turn a draft into an editable I-statement, reusing its topic and tone."""
    topic = next((t for t in _TOPICS if t.pattern.search(text)), None)
    feeling = next((_EMOTION_FEELINGS[e] for e in emotions or [] if e in _EMOTION_FEELINGS), None)
    feeling = (topic.feeling if topic else None) or feeling or "hurt"
    need = topic.need if topic else "to feel close to you"
    request = topic.request if topic else "Could we talk about this when we're both calm?"
    situation = situation_from(text)
    return IStatement(
        feeling=feeling,
        situation=situation,
        need=need,
        request=request,
        text=compose(feeling, situation, need, request),
        feeling_options=FEELING_WORDS,
        need_options=NEED_WORDS,
    )


def compose(feeling: str, situation: str, need: str, request: str) -> str:
    """Join the four parts into one message."""
    parts = [f"I feel {feeling.strip()} {situation.strip()}".strip() + ".", f"I need {need.strip()}."]
    if request.strip():
        parts.append(request.strip())
    return " ".join(parts)
