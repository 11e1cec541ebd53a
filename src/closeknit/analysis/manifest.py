"""Read a model folder's manifest and check it against the files beside it.

The manifest names each component by registry name and version (for example
``closeknit.OnnxEncoderClassifier.v1``); the engine only builds components it
knows, and never imports code named in a data file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from closeknit.errors import CloseknitError, ErrorCode

KNOWN_COMPONENTS = frozenset(
    {
        "closeknit.TextNormaliser.v1",
        "closeknit.OnnxEncoderClassifier.v1",
        "closeknit.CueRules.v1",
        "closeknit.SafetyRules.v1",
    }
)
ENCODER = "closeknit.OnnxEncoderClassifier.v1"


@dataclass(frozen=True)
class Manifest:
    """What a model folder holds and how to use it."""

    folder: Path
    name: str
    version: str
    components: dict[str, dict[str, Any]]
    outputs: tuple[str, ...]
    thresholds: dict[str, float]
    raw: dict[str, Any]

    @property
    def model_id(self) -> str:
        """``name@version``, as reported in every analysis."""
        return f"{self.name}@{self.version}"

    def encoder_file(self, key: str) -> Path:
        """Path of a file the encoder component names (``file`` or ``tokenizer``)."""
        return self.folder / str(self.components[ENCODER][key])


def shipped_model_dir() -> Path:
    """The model folder inside the installed package."""
    return Path(str(resources.files("closeknit.analysis").joinpath("model")))


def load_manifest(folder: Path, *, verify: bool = True) -> Manifest:
    """Read ``folder/manifest.json``; with ``verify``, check file hashes too."""
    path = folder / "manifest.json"
    if not path.is_file():
        raise CloseknitError(ErrorCode.MODEL_MISSING, path=folder)
    raw = json.loads(path.read_text(encoding="utf-8"))
    components = {c["name"]: c for c in raw["components"]}
    unknown = sorted(set(components) - KNOWN_COMPONENTS)
    if unknown:
        raise CloseknitError(ErrorCode.UNKNOWN_COMPONENT, name=unknown[0], known=", ".join(sorted(KNOWN_COMPONENTS)))
    manifest = Manifest(folder, raw["name"], raw["version"], components, tuple(raw["outputs"]), dict(raw["thresholds"]), raw)
    if verify:
        _verify(manifest)
    return manifest


def _verify(manifest: Manifest) -> None:
    encoder = manifest.components.get(ENCODER)
    if encoder is None:
        raise CloseknitError(ErrorCode.MODEL_CORRUPT, path=manifest.folder, reason=f"no {ENCODER} component")
    for key in ("file", "tokenizer"):
        target = manifest.encoder_file(key)
        if not target.is_file():
            raise CloseknitError(ErrorCode.MODEL_MISSING, path=target)
        expected = encoder["sha256" if key == "file" else "tokenizer_sha256"]
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        if digest != expected:
            raise CloseknitError(ErrorCode.MODEL_CORRUPT, path=target, reason="SHA-256 differs")
