"""Test settings: hypothesis profiles (``ci`` is thorough and reproducible)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60)
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "docs: builds the docs site and checks it in Chromium (part of `make test`)",
    )
