"""The coach's vocabulary: the 19 codebook labels and the 28 GoEmotions emotions.

Definitions follow ``benchmarks/CODEBOOK.md`` (codebook v1); the wording shown to
people lives in :mod:`closeknit.domain.antidotes`.
"""

from __future__ import annotations

from enum import StrEnum


class LabelKind(StrEnum):
    """What a codebook label is about."""

    PITFALL = "pitfall"
    SKILL = "skill"
    SAFETY = "safety"


PITFALLS: tuple[str, ...] = (
    "criticism",
    "contempt",
    "defensiveness",
    "stonewalling",
    "mind_reading",
    "invalidation",
)
SKILLS: tuple[str, ...] = (
    "i_statement",
    "validation",
    "empathy",
    "reflection",
    "open_question",
    "self_disclosure",
    "request",
    "appreciation",
    "repair",
    "time_out",
    "bid",
)
SAFETY: tuple[str, ...] = ("crisis", "abuse_risk")

CODEBOOK_LABELS: tuple[str, ...] = PITFALLS + SKILLS + SAFETY
"""All 19 codebook ids, in the order the model emits them."""

EMOTIONS: tuple[str, ...] = (
    "admiration",
    "amusement",
    "anger",
    "annoyance",
    "approval",
    "caring",
    "confusion",
    "curiosity",
    "desire",
    "disappointment",
    "disapproval",
    "disgust",
    "embarrassment",
    "excitement",
    "fear",
    "gratitude",
    "grief",
    "joy",
    "love",
    "nervousness",
    "optimism",
    "pride",
    "realization",
    "relief",
    "remorse",
    "sadness",
    "surprise",
    "neutral",
)
"""The 27 GoEmotions emotions plus neutral, in GoEmotions' own order."""

CODEBOOK_VERSION = "codebook-v1"


def kind_of(label: str) -> LabelKind:
    """Return whether ``label`` is a pitfall, a skill or a safety signal."""
    if label in PITFALLS:
        return LabelKind.PITFALL
    if label in SKILLS:
        return LabelKind.SKILL
    if label in SAFETY:
        return LabelKind.SAFETY
    raise KeyError(label)
