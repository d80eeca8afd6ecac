"""Shared fixtures. The network is blocked for the whole suite (see addopts in pyproject.toml):
only 127.0.0.1 is reachable, for the servers the tests start themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed() -> Path:
    return SEEDS / "alaska-summit.txt"


@pytest.fixture
def shared() -> Path:
    """The team's shared evaluation data beside the repository; absent on a user's fresh clone."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED

