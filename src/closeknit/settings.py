"""One typed settings object for the whole application.

Values come from, in order of precedence: arguments passed to ``Settings(...)``
(the CLI turns its flags into these), environment variables ``CLOSEKNIT_*``, then
the defaults below. Every setting is documented in README.md ("Settings"); a test
fails when one is not.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from closeknit.errors import CloseknitError, ErrorCode


class Settings(BaseSettings):
    """Closeknit's settings. Create with :func:`load_settings`, never at import time."""

    model_config = SettingsConfigDict(env_prefix="CLOSEKNIT_", frozen=True, extra="forbid")

    model_dir: Path | None = Field(
        default=None, description="Folder holding a coach model (manifest.json); default: the model shipped in the package."
    )
    threads: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1, le=256, description="CPU threads the model may use.")
    batch_size: int = Field(default=256, ge=1, le=4096, description="Messages read and analysed together in bulk runs.")
    country: str | None = Field(
        default=None, min_length=2, max_length=4, description="ISO country code to choose help lines for; default: show all."
    )
    language_check: bool = Field(default=True, description="Add a notice when a text does not look like English.")


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment plus ``overrides``, with a clear error."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "CLOSEKNIT_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise CloseknitError(ErrorCode.BAD_SETTING, name=name, reason=first["msg"]) from exc
