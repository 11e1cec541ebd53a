"""Check one authored codebook training file: python check.py FILE.jsonl"""

import collections
import json
import sys
from pathlib import Path

LABELS = {
    "criticism",
    "contempt",
    "defensiveness",
    "stonewalling",
    "mind_reading",
    "invalidation",
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
    "crisis",
    "abuse_risk",
}
RELS = {"romantic", "friend", "family"}
seen = set()
counts = collections.Counter()
n = 0
bad = 0
for i, line in enumerate(Path(sys.argv[1]).read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        continue
    try:
        d = json.loads(line)
        assert set(d) <= {"text", "context", "labels", "relationship"}, f"unknown keys {set(d)}"
        assert isinstance(d["text"], str) and d["text"].strip(), "empty text"
        assert d.get("context") is None or isinstance(d["context"], str), "context must be string or null"
        assert d["relationship"] in RELS, "relationship"
        assert isinstance(d["labels"], list) and set(d["labels"]) <= LABELS, f"bad labels {d['labels']}"
        assert len(set(d["labels"])) == len(d["labels"]), "duplicate label"
        assert not ({"criticism", "open_question"} <= set(d["labels"])), "criticism+open_question"
        key = d["text"].strip().lower()
        assert key not in seen, "duplicate text"
        seen.add(key)
    except Exception as e:
        bad += 1
        print(f"line {i}: {e}")
        continue
    n += 1
    counts.update(d["labels"] or ["<none>"])
print(f"{n} ok, {bad} bad")
print(dict(counts.most_common()))
