"""Turn model probabilities and rule hits into decided labels and emotions."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from closeknit.analysis import rules
from closeknit.domain.analysis import EmotionResult, Evidence, LabelResult
from closeknit.domain.labels import CODEBOOK_LABELS, EMOTIONS, kind_of

_KINDS = [kind_of(label).value for label in CODEBOOK_LABELS]

RULE_PROBABILITY = 0.97
"""Probability reported for a safety label raised by a pattern the model missed."""


@dataclass(frozen=True)
class Scores:
    """Probabilities for one message: 19 codebook labels and 28 emotions."""

    labels: npt.NDArray[np.float32]
    emotions: npt.NDArray[np.float32]


@dataclass(frozen=True)
class Thresholds:
    """Per-output decision thresholds, in model output order."""

    labels: npt.NDArray[np.float32]
    emotions: npt.NDArray[np.float32]

    @classmethod
    def from_mapping(cls, thresholds: dict[str, float]) -> Thresholds:
        labels = np.array([thresholds.get(name, 0.5) for name in CODEBOOK_LABELS], dtype=np.float32)
        emotions = np.array([thresholds.get(f"emotion:{name}", 0.5) for name in EMOTIONS], dtype=np.float32)
        return cls(labels, emotions)


def decide_labels(text: str, scores: Scores, thresholds: Thresholds, *, withhold: bool = False) -> list[LabelResult]:
    """Apply thresholds, the safety patterns and the I-statement grammar gate.

    With ``withhold`` (text the model cannot read), only safety patterns can
    mark a label present.
    """
    probabilities = scores.labels.astype(float).copy()
    rule_hits = {hit.label for hit in rules.safety_matches(text)}
    for label in rule_hits:
        index = CODEBOOK_LABELS.index(label)
        probabilities[index] = max(probabilities[index], RULE_PROBABILITY)
    present = probabilities >= thresholds.labels
    if withhold:
        present = np.array([label in rule_hits for label in CODEBOOK_LABELS])
    _gate_i_statement(text, present)
    _one_kind_of_question(probabilities, present)
    rounded = np.round(probabilities, 4).tolist()
    limits = np.round(thresholds.labels.astype(float), 4).tolist()
    flags = present.tolist()
    return [
        LabelResult(label=label, kind=_KINDS[i], probability=rounded[i], threshold=limits[i], present=flags[i])
        for i, label in enumerate(CODEBOOK_LABELS)
    ]


def _gate_i_statement(text: str, present: npt.NDArray[np.bool_]) -> None:
    index = CODEBOOK_LABELS.index("i_statement")
    if present[index] and not rules.has_i_statement_grammar(text):
        present[index] = False


def _one_kind_of_question(probabilities: npt.NDArray[np.float64], present: npt.NDArray[np.bool_]) -> None:
    """A question is criticism or an open question, never both (codebook rule)."""
    crit, open_q = CODEBOOK_LABELS.index("criticism"), CODEBOOK_LABELS.index("open_question")
    if present[crit] and present[open_q]:
        present[open_q if probabilities[crit] >= probabilities[open_q] else crit] = False


def decide_emotions(scores: Scores, thresholds: Thresholds, *, withhold: bool = False) -> list[EmotionResult]:
    """Apply per-emotion thresholds."""
    rounded = np.round(scores.emotions.astype(float), 4).tolist()
    limits = np.round(thresholds.emotions.astype(float), 4).tolist()
    flags = ((scores.emotions >= thresholds.emotions) & (not withhold)).tolist()
    return [
        EmotionResult(emotion=emotion, probability=rounded[i], threshold=limits[i], present=flags[i]) for i, emotion in enumerate(EMOTIONS)
    ]


def with_evidence(result: LabelResult, evidence: tuple[Evidence, ...]) -> LabelResult:
    """A copy of ``result`` carrying ``evidence``."""
    return LabelResult(result.label, result.kind, result.probability, result.threshold, result.present, evidence)
