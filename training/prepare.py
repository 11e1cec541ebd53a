"""Turn the training sources into one normalised, masked multi-task data set.

Sources (never the coach-dev set or any test split):
- the project's own labelled examples in ``training/data/codebook/*.jsonl`` (all 19
  codebook labels known; 15% held out, by a stable hash, for thresholds);
- GoEmotions ``train.tsv`` (28 emotions known) and ``dev.tsv`` (thresholds);
- EPITOME ``split == train``: emotional reactions >= 1 as ``empathy`` and
  explorations >= 1 as ``open_question`` (only those two labels known).

Each output row holds ``pos`` (the outputs that are present) and ``known`` (the
outputs this source labels); an output that is not known does not count in the loss.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from closeknit.analysis.text import normalise
from closeknit.domain.labels import CODEBOOK_LABELS, EMOTIONS

OUTPUTS = list(CODEBOOK_LABELS) + [f"emotion:{e}" for e in EMOTIONS]
N_CODE = len(CODEBOOK_LABELS)
Row = dict[str, object]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def row(text: str, context: str | None, pos: set[int], known: range | set[int], source: str) -> Row:
    ctx = normalise(context) if context else None
    return {"text": normalise(text), "context": ctx or None, "pos": sorted(pos), "known": sorted(known), "source": source}


def is_held_out(text: str) -> bool:
    return int(hashlib.sha256(text.strip().lower().encode()).hexdigest(), 16) % 100 < 15


def authored(folder: Path, pattern: str) -> Iterator[tuple[str, Row]]:
    seen: set[str] = set()
    for path in sorted(folder.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            key = " ".join(item["text"].lower().split())
            if key in seen:
                continue
            seen.add(key)
            pos = {CODEBOOK_LABELS.index(label) for label in item["labels"]}
            split = "val" if is_held_out(item["text"]) else "train"
            yield split, row(item["text"], item.get("context"), pos, range(N_CODE), "authored")


def goemotions(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text, ids, _ = line.rstrip("\n").split("\t")
            pos = {N_CODE + int(i) for i in ids.split(",")}
            yield row(text, None, pos, range(N_CODE, len(OUTPUTS)), "goemotions")


def epitome(folder: Path) -> Iterator[Row]:
    levels: dict[tuple[str, str], dict[str, object]] = {}
    for name, label in (("emotional-reactions", "empathy"), ("explorations", "open_question")):
        with (folder / f"{name}-reddit.csv").open(encoding="utf-8") as handle:
            for rec in csv.DictReader(handle):
                if rec["split"] != "train":
                    continue
                entry = levels.setdefault((rec["sp_id"], rec["rp_id"]), {"rec": rec})
                entry[label] = int(rec["level"]) >= 1
    known = {CODEBOOK_LABELS.index("empathy"), CODEBOOK_LABELS.index("open_question")}
    for entry in levels.values():
        rec = entry["rec"]
        assert isinstance(rec, dict)
        pos = {CODEBOOK_LABELS.index(lab) for lab in ("empathy", "open_question") if entry.get(lab)}
        yield row(rec["response_post"], rec["seeker_post"], pos, known, "epitome")


def write(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for item in rows:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("build/train-data"))
    parser.add_argument("--codebook-glob", default="*.jsonl", help="which authored files to use (stage 1 used 0[1-8]-*.jsonl)")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent
    data = args.shared / "datasets"
    args.out.mkdir(parents=True, exist_ok=True)
    train: list[Row] = []
    val: list[Row] = []
    for split, item in authored(root / "data" / "codebook", args.codebook_glob):
        (val if split == "val" else train).append(item)
    n_authored = (len(train), len(val))
    train.extend(goemotions(data / "goemotions" / "train.tsv"))
    val.extend(goemotions(data / "goemotions" / "dev.tsv"))
    train.extend(epitome(data / "epitome"))
    write(args.out / "train.jsonl", train)
    write(args.out / "val.jsonl", val)
    sources = [
        *sorted((root / "data" / "codebook").glob(args.codebook_glob)),
        data / "goemotions" / "train.tsv",
        data / "goemotions" / "dev.tsv",
        data / "epitome" / "emotional-reactions-reddit.csv",
        data / "epitome" / "explorations-reddit.csv",
    ]
    meta = {
        "outputs": OUTPUTS,
        "n_codebook": N_CODE,
        "authored_train_val": n_authored,
        "rows": {"train": len(train), "val": len(val)},
        "sources": {str(p.relative_to(p.parents[1])): sha256(p) for p in sources},
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2))
    print(json.dumps({k: meta[k] for k in ("authored_train_val", "rows")}))


if __name__ == "__main__":
    main()
