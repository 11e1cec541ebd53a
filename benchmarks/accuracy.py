"""Accuracy benchmarks: coach-dev, GoEmotions test, EPITOME test, AnnoMI.

Thresholds always come from the shipped manifest (tuned on our own held-out
examples and GoEmotions dev); nothing here is used for training or tuning.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

import closeknit
from closeknit.domain.labels import CODEBOOK_LABELS, EMOTIONS
from metrics import PRF, prf


def _analyze(items: list[dict[str, object]]) -> list[closeknit.Analysis]:  # type: ignore[name-defined]
    return list(closeknit.analyze_many(items, batch_size=64, explain=False))


def coach_dev(shared: Path) -> dict[str, PRF]:
    rows = [json.loads(line) for line in (shared / "benchmarks" / "coach-dev.jsonl").read_text().splitlines() if line]
    results = _analyze([{"text": r["text"], "context": r.get("context")} for r in rows])
    return {label: prf([label in r["labels"] for r in rows], [label in a.present_labels for a in results]) for label in CODEBOOK_LABELS}


def goemotions_test(shared: Path) -> dict[str, PRF]:
    lines = (shared / "datasets" / "goemotions" / "test.tsv").read_text(encoding="utf-8").splitlines()
    rows = [(text, {EMOTIONS[int(i)] for i in ids.split(",")}) for text, ids, _ in (line.split("\t") for line in lines)]
    results = _analyze([{"text": text} for text, _ in rows])
    return {e: prf([e in gold for _, gold in rows], [e in a.present_emotions for a in results]) for e in EMOTIONS}


def epitome_test(shared: Path) -> dict[str, PRF]:
    scores: dict[str, PRF] = {}
    for name, label in (("emotional-reactions", "empathy"), ("explorations", "open_question")):
        with (shared / "datasets" / "epitome" / f"{name}-reddit.csv").open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["split"] == "test"]
        results = _analyze([{"text": r["response_post"], "context": r["seeker_post"]} for r in rows])
        scores[f"{name} (level >= 1) vs {label}"] = prf([int(r["level"]) >= 1 for r in rows], [label in a.present_labels for a in results])
    return scores


def annomi(shared: Path) -> dict[str, PRF]:
    with (shared / "datasets" / "annomi" / "AnnoMI-full.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    votes: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    text_of: dict[tuple[str, str], str] = {}
    for r in rows:
        key = (r["transcript_id"], r["utterance_id"])
        votes[key].append(r)
        text_of[key] = r["utterance_text"]
    items, gold_reflection, gold_open = [], [], []
    for (transcript, utterance), coded in votes.items():
        if coded[0]["interlocutor"] != "therapist" or not text_of[(transcript, utterance)].strip():
            continue
        previous = text_of.get((transcript, str(int(utterance) - 1)))
        items.append({"text": text_of[(transcript, utterance)], "context": previous})
        gold_reflection.append(_majority(a["reflection_exists"] == "True" for a in coded))
        gold_open.append(_majority(a["question_subtype"] == "open" for a in coded))
    results = _analyze(items)
    return {
        "reflection": prf(gold_reflection, ["reflection" in a.present_labels for a in results]),
        "open question": prf(gold_open, ["open_question" in a.present_labels for a in results]),
    }


def _majority(votes: object) -> bool:
    counts = Counter(votes)  # type: ignore[call-overload]
    return counts[True] > counts[False]
