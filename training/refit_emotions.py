"""Stage 3: refit the 28 emotion outputs of the head on the final encoder's features.

Stage 2 fine-tunes the encoder mostly on the authored codebook examples, which
moves the features the emotion outputs were trained on. Here the encoder is
frozen, every GoEmotions train comment is encoded once, and the emotion rows of
the linear head are fitted again (full-batch L-BFGS, binary cross-entropy, L2).
The codebook rows are left as they are.

Usage: python training/refit_emotions.py --trained build/stage2 --data build/train-data --out build/stage3
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer
from transformers import BertConfig

from train import Coach, collate, load_rows, seed_everything, tokenise


def features(model: Coach, enc: list[list[list[int]]]) -> torch.Tensor:
    model.eval()
    order = sorted(range(len(enc)), key=lambda i: len(enc[i][0]))
    out = torch.zeros((len(enc), model.head.in_features))
    with torch.no_grad():
        for start in range(0, len(order), 128):
            idx = order[start : start + 128]
            ids, mask, types = collate(enc, idx, torch.device("cpu"))
            hidden = model.encoder(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
            own = (mask * (1 - types)).unsqueeze(-1).float()
            out[idx] = (hidden * own).sum(1) / own.sum(1).clamp(min=1e-6)
    return out


def fit(x: torch.Tensor, y: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, l2: float) -> tuple[torch.Tensor, torch.Tensor]:
    w, b = weight.clone().requires_grad_(True), bias.clone().requires_grad_(True)
    opt = torch.optim.LBFGS([w, b], max_iter=300, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(x @ w.T + b, y) + l2 * (w**2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return w.detach(), b.detach()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trained", type=Path, required=True)
    parser.add_argument("--base", type=Path, default=Path("build/base"))
    parser.add_argument("--data", type=Path, default=Path("build/train-data"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--l2", type=float, default=1e-6, help="chosen on GoEmotions dev")
    args = parser.parse_args()
    seed_everything(13)
    torch.set_num_threads(max(torch.get_num_threads(), 1))
    run = json.loads((args.trained / "training-run.json").read_text())
    outputs, n_code = run["outputs"], run["n_codebook"]
    model = Coach(BertConfig.from_json_file(str(args.base / "config.json")), len(outputs))
    model.load_state_dict({k: v.float() for k, v in load_file(str(args.trained / "model.safetensors")).items()})
    rows = [r for r in load_rows(args.data / "train.jsonl", len(outputs)) if r["source"] == "goemotions"]
    tok = Tokenizer.from_file(str(args.base / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=run["max_len"])
    x = features(model, tokenise(tok, rows))
    y = torch.tensor([r["targets"][n_code:] for r in rows])  # type: ignore[index]
    w, b = fit(x, y, model.head.weight.data[n_code:], model.head.bias.data[n_code:], args.l2)
    model.head.weight.data[n_code:], model.head.bias.data[n_code:] = w, b
    args.out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().half().contiguous() for k, v in model.state_dict().items()}, str(args.out / "model.safetensors"))
    run.update({"init": str(args.trained), "stage": "refit emotion head on frozen features", "l2": args.l2, "epochs": 0, "log": []})
    (args.out / "training-run.json").write_text(json.dumps(run, indent=1))
    shutil.copy(args.trained / "val-thresholds.json", args.out / "val-thresholds.json")
    print(f"refitted emotion head on {len(rows)} GoEmotions rows")


if __name__ == "__main__":
    main()
