#!/usr/bin/env bash
# Train several configurations side by side on one GPU machine and keep the best by
# validation score. Used with the device tool: the prepared data and the fp16 base
# model travel in devcarry/ (see training/README.md); results come back in $OUT,
# with the weights split in 15 MB parts.
set -euo pipefail
data=/tmp/data; mkdir -p "$data"
cp devcarry/train-data/meta.json "$data/"
gunzip -c devcarry/train-data/train.jsonl.gz > "$data/train.jsonl"
gunzip -c devcarry/train-data/val.jsonl.gz > "$data/val.jsonl"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
export PYTHONUNBUFFERED=1
run() { name=$1; shift; python3 training/train.py --data "$data" --base devcarry/base --out "/tmp/$name" "$@" > "/tmp/$name.log" 2>&1; }
run a --lr 1e-4 --epochs 6 --authored-repeat 4 &
run b --lr 1e-4 --epochs 6 --authored-repeat 8 &
run c --lr 5e-5 --epochs 8 --authored-repeat 6 &
wait
for n in a b c; do echo "== $n"; grep '^{' "/tmp/$n.log" || tail -20 "/tmp/$n.log"; done
best=$(python3 - <<'PY'
import json
scores = {}
for n in "abc":
    try:
        log = json.load(open(f"/tmp/{n}/training-run.json"))["log"]
    except OSError:
        continue
    scores[n] = max((e["codebook_macro_f1"] + e["emotion_macro_f1"]) / 2 for e in log)
print(max(scores, key=scores.get))
PY
)
echo "best: $best"
cd "/tmp/$best"
split -b 15M model.safetensors "$OUT/model.part-"
cp training-run.json val-thresholds.json "$OUT/"
for n in a b c; do cp "/tmp/$n.log" "$OUT/train-$n.log" 2>/dev/null || true; done
