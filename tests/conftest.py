"""Test settings: hypothesis profiles.

* ``dev`` (the default) and ``ci`` (``CI`` set: reproducible) keep the fuzzers modest;
* ``fuzz`` is the long run: ``HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest tests/test_fuzz.py``
  (10 000 examples per fuzzer, no deadline; takes tens of minutes).

The fuzzers in ``tests/test_fuzz.py`` scale their example counts from the profile
(:data:`FUZZ_EXAMPLES`).
"""

from __future__ import annotations

import os

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
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
