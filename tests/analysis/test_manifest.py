"""The model folder is checked before use, with coded errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from closeknit.analysis.engine import Engine
from closeknit.analysis.manifest import load_manifest, shipped_model_dir
from closeknit.errors import CloseknitError, ErrorCode
from closeknit.settings import load_settings


def _copy_model(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), target)
    return target


def test_shipped_manifest_names_registry_components_and_versions() -> None:
    manifest = load_manifest(shipped_model_dir())
    assert manifest.model_id.startswith("closeknit.coach@")
    assert all(name.rsplit(".", 1)[-1].startswith("v") for name in manifest.components)
    assert manifest.raw["base_model"]["sha256"] == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    assert len(manifest.thresholds) == 47


def test_missing_model_folder_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(CloseknitError) as info:
        Engine.load(load_settings(model_dir=tmp_path))
    assert info.value.code is ErrorCode.MODEL_MISSING


def test_tampered_model_file_is_refused(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    with (folder / "tokenizer.json").open("a") as handle:
        handle.write(" ")
    with pytest.raises(CloseknitError) as info:
        load_manifest(folder)
    assert info.value.code is ErrorCode.MODEL_CORRUPT


def test_unknown_component_is_never_imported(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["components"].append({"name": "os.system.v1"})
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CloseknitError) as info:
        load_manifest(folder)
    assert info.value.code is ErrorCode.UNKNOWN_COMPONENT
