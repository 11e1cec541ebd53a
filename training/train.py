"""Fine-tune the coach's encoder end to end on the prepared multi-task data.

Runs on a GPU when one is present, else on the CPU (slow: well over an hour on two
cores). Deterministic for a given seed and device. Writes the best epoch's weights
(fp16 safetensors), per-epoch validation metrics and the training configuration.

Usage: python training/train.py --data build/train-data --base BASE_DIR --out build/trained
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer
from torch import nn
from transformers import BertConfig, BertModel

os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")


class Coach(nn.Module):
    """Encoder + mean pooling over the message's own tokens + one linear head."""

    def __init__(self, config: BertConfig, n_outputs: int) -> None:
        super().__init__()
        self.encoder = BertModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(config.hidden_size, n_outputs)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state
        own = (attention_mask * (1 - token_type_ids)).unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * own).sum(1) / own.sum(1).clamp(min=1e-6)
        return self.head(self.dropout(pooled))


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def load_rows(path: Path, n_outputs: int) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for r in rows:
        r["targets"] = [1.0 if i in r["pos"] else 0.0 for i in range(n_outputs)]
        r["mask"] = [1.0 if i in r["known"] else 0.0 for i in range(n_outputs)]
    return rows


def tokenise(tok: Tokenizer, rows: list[dict[str, object]]) -> list[list[list[int]]]:
    inputs = [(r["text"], r["context"]) if r["context"] else r["text"] for r in rows]
    encoded = tok.encode_batch(inputs)
    return [[e.ids, e.type_ids] for e in encoded]


def collate(enc: list[list[list[int]]], idx: list[int], device: torch.device) -> tuple[torch.Tensor, ...]:
    width = max(len(enc[i][0]) for i in idx)
    ids = torch.zeros((len(idx), width), dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for row, i in enumerate(idx):
        n = len(enc[i][0])
        ids[row, :n] = torch.tensor(enc[i][0])
        types[row, :n] = torch.tensor(enc[i][1])
        mask[row, :n] = 1
    return ids.to(device), mask.to(device), types.to(device)


def f1_at(probs: np.ndarray, gold: np.ndarray, threshold: float) -> float:
    """F1 of deciding ``probs >= threshold`` against binary ``gold``."""
    pred, truth = probs >= threshold, gold > 0.5
    tp = float((pred & truth).sum())
    return 2 * tp / (2 * tp + float((pred & ~truth).sum()) + float((~pred & truth).sum())) if tp else 0.0


def best_f1(probs: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The best F1 over thresholds 0.05-0.95 (step 0.01), and that threshold."""
    best = (0.0, 0.5)
    for t in np.arange(0.05, 0.96, 0.01):
        f1 = f1_at(probs, gold, float(t))
        if f1 > best[0]:
            best = (f1, float(t))
    return best


def evaluate(
    model: Coach, enc: list[list[list[int]]], rows: list[dict[str, object]], n_code: int, device: torch.device
) -> dict[str, object]:
    model.eval()
    order = sorted(range(len(enc)), key=lambda i: len(enc[i][0]))
    probs = np.zeros((len(enc), len(rows[0]["targets"])), dtype=np.float32)  # type: ignore[arg-type]
    with torch.no_grad():
        for start in range(0, len(order), 256):
            idx = order[start : start + 256]
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(*collate(enc, idx, device))
            probs[idx] = torch.sigmoid(logits.float()).cpu().numpy()
    targets = np.array([r["targets"] for r in rows])
    masks = np.array([r["mask"] for r in rows])
    per_output = {}
    for j in range(targets.shape[1]):
        keep = masks[:, j] > 0
        if keep.sum() and targets[keep, j].sum():
            per_output[j] = best_f1(probs[keep, j], targets[keep, j])
    code = [per_output[j][0] for j in per_output if j < n_code]
    emo = [per_output[j][0] for j in per_output if j >= n_code]
    return {"codebook_macro_f1": float(np.mean(code)), "emotion_macro_f1": float(np.mean(emo)), "per_output": per_output}


def train(args: argparse.Namespace) -> None:
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    meta = json.loads((args.data / "meta.json").read_text())
    outputs, n_code = meta["outputs"], meta["n_codebook"]
    tok = Tokenizer.from_file(str(args.base / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=args.max_len)
    train_rows = load_rows(args.data / "train.jsonl", len(outputs))
    if args.other_sample:
        rng0 = random.Random(args.seed)
        others = [r for r in train_rows if r["source"] != "authored"]
        keep = {id(r) for r in rng0.sample(others, min(args.other_sample, len(others)))}
        train_rows = [r for r in train_rows if r["source"] == "authored" or id(r) in keep]
    val_rows = load_rows(args.data / "val.jsonl", len(outputs))
    train_enc, val_enc = tokenise(tok, train_rows), tokenise(tok, val_rows)
    config = BertConfig.from_json_file(str(args.base / "config.json"))
    model = Coach(config, len(outputs))
    if args.init:
        model.load_state_dict({k: v.float() for k, v in load_file(str(args.init / "model.safetensors")).items()})
    else:
        state = {k: v.float() for k, v in load_file(str(args.base / "model.safetensors")).items()}
        state = {k: v for k, v in state.items() if not k.startswith("pooler.")}
        print("missing/unexpected:", model.encoder.load_state_dict(state, strict=False), flush=True)
    model.to(device)
    epoch_ids = [i for i, r in enumerate(train_rows) for _ in range(args.authored_repeat if r["source"] == "authored" else 1)]
    steps = math.ceil(len(epoch_ids) / args.batch) * args.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = int(0.06 * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / max(warm, 1), max(0.0, (steps - s) / max(steps - warm, 1))))
    targets = torch.tensor([r["targets"] for r in train_rows])
    masks = torch.tensor([r["mask"] for r in train_rows])
    rng = random.Random(args.seed)
    log, best_score = [], -1.0
    args.out.mkdir(parents=True, exist_ok=True)
    for epoch in range(args.epochs):
        model.train()
        rng.shuffle(epoch_ids)
        started, total = time.time(), 0.0
        for start in range(0, len(epoch_ids), args.batch):
            idx = epoch_ids[start : start + args.batch]
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(*collate(train_enc, idx, device))
            y, m = targets[idx].to(device), masks[idx].to(device)
            loss = (nn.functional.binary_cross_entropy_with_logits(logits.float(), y, reduction="none") * m).sum() / m.sum()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            if args.max_steps and start // args.batch >= args.max_steps:
                break
        metrics = evaluate(model, val_enc, val_rows, n_code, device)
        score = (metrics["codebook_macro_f1"] + metrics["emotion_macro_f1"]) / 2  # type: ignore[operator]
        entry = {
            "epoch": epoch + 1,
            "loss": total,
            "seconds": time.time() - started,
            **{k: metrics[k] for k in ("codebook_macro_f1", "emotion_macro_f1")},
        }
        log.append(entry)
        print(json.dumps(entry), flush=True)
        if score > best_score:
            best_score = score
            save_file({k: v.detach().half().cpu().contiguous() for k, v in model.state_dict().items()}, str(args.out / "model.safetensors"))
            per = {outputs[j]: {"f1": f1, "threshold": t} for j, (f1, t) in metrics["per_output"].items()}  # type: ignore[union-attr]
            (args.out / "val-thresholds.json").write_text(json.dumps(per, indent=1))
    run = {
        "init": str(args.init) if args.init else None,
        "other_sample": args.other_sample,
        "seed": args.seed,
        "lr": args.lr,
        "epochs": args.epochs,
        "batch": args.batch,
        "max_len": args.max_len,
        "authored_repeat": args.authored_repeat,
        "device": str(device),
        "torch": torch.__version__,
        "log": log,
        "outputs": outputs,
        "n_codebook": n_code,
        "data": meta,
    }
    (args.out / "training-run.json").write_text(json.dumps(run, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("build/train-data"))
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("build/trained"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--max-len", type=int, default=128)
    parser.add_argument("--authored-repeat", type=int, default=4)
    parser.add_argument("--init", type=Path, default=None, help="continue from this trained checkpoint folder")
    parser.add_argument("--other-sample", type=int, default=0, help="use only this many non-authored rows (second stage)")
    parser.add_argument("--max-steps", type=int, default=0, help="stop each epoch after this many steps (smoke tests)")
    train(parser.parse_args())


if __name__ == "__main__":
    main()
