#!/usr/bin/env bash
# Stage 1 on a GPU machine (the device tool), in one short call.
# Here first:  python training/base.py --out devcarry/base --half
#              python training/prepare.py --out build/train-data [--codebook-glob ...]
#              mkdir -p devcarry/train-data && cp build/train-data/meta.json devcarry/train-data/ \
#                && gzip -c build/train-data/train.jsonl > devcarry/train-data/train.jsonl.gz \
#                && gzip -c build/train-data/val.jsonl > devcarry/train-data/val.jsonl.gz
# Then run this with carry ["devcarry"]. The log is written to $OUT as training goes, and the
# best epoch's weights come back in 15 MB parts (join them with `cat model.part-* > model.safetensors`).
# Lesson from the first run: one configuration per call, and an inner timeout that leaves time to copy.
set -uo pipefail
data=/tmp/data; mkdir -p "$data"
cp devcarry/train-data/meta.json "$data/"
gunzip -c devcarry/train-data/train.jsonl.gz > "$data/train.jsonl"
gunzip -c devcarry/train-data/val.jsonl.gz > "$data/val.jsonl"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
PYTHONUNBUFFERED=1 timeout "${TRAIN_SECONDS:-400}" python3 training/train.py --data "$data" --base devcarry/base --out /tmp/trained \
  --lr "${LR:-1e-4}" --epochs "${EPOCHS:-3}" --batch 64 --authored-repeat 4 > "$OUT/train.log" 2>&1
tail -5 "$OUT/train.log"
cd /tmp/trained && split -b 15M model.safetensors "$OUT/model.part-" && cp ./*.json "$OUT/"
