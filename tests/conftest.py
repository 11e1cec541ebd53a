"""Shared fixtures: one real engine per test session (loading takes about a second)."""

from __future__ import annotations

import pytest

from closeknit.analysis.engine import Engine
from closeknit.settings import Settings, load_settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(threads=2)


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Engine:
    return Engine.load(settings)
