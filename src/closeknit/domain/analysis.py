"""The result of analysing one message: plain, typed, JSON-serialisable data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """The part of the text that drove a label.

    ``kind`` says how it was found: ``"rule"`` (a pattern matched these words),
    ``"sentence"`` (the sentence that scored highest) or ``"text"`` (the whole
    message; the model cannot point at anything narrower).
    """

    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class LabelResult:
    """One codebook label: its probability, threshold and decision."""

    label: str
    kind: str
    probability: float
    threshold: float
    present: bool
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class EmotionResult:
    """One GoEmotions emotion with its probability and decision."""

    emotion: str
    probability: float
    threshold: float
    present: bool


@dataclass(frozen=True)
class IStatement:
    """An I-statement in four editable parts; ``text`` joins them."""

    feeling: str
    situation: str
    need: str
    request: str
    text: str
    feeling_options: tuple[str, ...] = ()
    need_options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """What to try instead of a pitfall, in the project's own words."""

    pitfall: str
    antidote: str
    why: str
    try_this: str
    rewrite: IStatement | None = None


@dataclass(frozen=True)
class HelpLine:
    """A verified help line or directory."""

    name: str
    country: str
    channels: tuple[str, ...]
    topics: tuple[str, ...]
    url: str
    hours: str
    last_verified: str
    source: str


@dataclass(frozen=True)
class SafetyBlock:
    """Present when the text shows crisis or abuse signals; coaching is withheld."""

    signals: tuple[str, ...]
    message: str
    resources: tuple[HelpLine, ...]


@dataclass(frozen=True)
class Notice:
    """Something the reader should know about how the text was analysed."""

    code: str
    message: str


@dataclass(frozen=True)
class Analysis:
    """Everything the coach says about one message."""

    text: str
    context: str | None
    labels: tuple[LabelResult, ...]
    emotions: tuple[EmotionResult, ...]
    suggestions: tuple[Suggestion, ...]
    safety: SafetyBlock | None
    notices: tuple[Notice, ...]
    model: str
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def present_labels(self) -> list[str]:
        """Codebook ids decided present, in codebook order."""
        return [item.label for item in self.labels if item.present]

    @property
    def present_emotions(self) -> list[str]:
        """Emotions decided present, in GoEmotions order."""
        return [item.emotion for item in self.emotions if item.present]

    def label(self, name: str) -> LabelResult:
        """The result for one codebook label."""
        return next(item for item in self.labels if item.label == name)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (tuples become lists)."""
        data = asdict(self)
        data["present_labels"] = self.present_labels
        data["present_emotions"] = self.present_emotions
        return data
