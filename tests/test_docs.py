"""Documentation that cannot rot: settings, commands and error codes are all in the README."""

from __future__ import annotations

from pathlib import Path

from closeknit.cli.main import app
from closeknit.errors import ErrorCode
from closeknit.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    for name in Settings.model_fields:
        assert f"`{name}`" in README and f"`CLOSEKNIT_{name.upper()}`" in README, name


def test_every_cli_command_is_documented() -> None:
    for command in app.registered_commands:
        assert f"closeknit {command.name}" in README, command.name


def test_every_error_code_is_documented() -> None:
    for code in ErrorCode:
        assert f"| {code.value} |" in README, code


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:800]
    assert "make run" in head and "make test" in head
