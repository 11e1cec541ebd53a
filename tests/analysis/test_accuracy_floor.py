"""A broken or badly rebuilt model must fail CI.

The sample is the project's own held-out authored examples (the 15% that
training never sees, chosen by a stable hash in training/prepare.py), so it needs
nothing outside the repository. Floors sit well below the model's measured
scores; the real accuracy figures are in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from closeknit.analysis.engine import Engine
from closeknit.domain.labels import CODEBOOK_LABELS

DATA = Path(__file__).resolve().parents[2] / "training" / "data" / "codebook"


def _held_out() -> list[dict[str, object]]:
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if int(hashlib.sha256(item["text"].strip().lower().encode()).hexdigest(), 16) % 100 < 15:
                rows.append(item)
    return rows[:400]


def test_macro_f1_on_held_out_sample_stays_above_floor(engine: Engine) -> None:
    rows = _held_out()
    assert len(rows) >= 300
    results = list(engine.analyze_many(rows, batch_size=64, explain=False))  # type: ignore[arg-type]
    f1s = []
    for label in CODEBOOK_LABELS:
        gold = [label in row["labels"] for row in rows]  # type: ignore[operator]
        pred = [label in result.present_labels for result in results]
        tp = sum(g and p for g, p in zip(gold, pred, strict=True))
        fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
        fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
        if tp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    assert sum(f1s) / len(f1s) >= 0.55
