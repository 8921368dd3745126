"""Shared test set-up: Hypothesis profiles, and tests/ importable as a plain directory.

Profiles (select one with HYPOTHESIS_PROFILE=name; otherwise ``ci`` when the CI
environment variable is set, ``dev`` when it is not):

* ``dev``: 100 examples per property, for a quick local run;
* ``ci``: 500 examples per property; tests/test_hostile.py stays within about 90 s
  on a 2-core machine with it (the HTML properties scale their own counts down,
  see ``strategies.scaled_examples``).

Properties that state their own ``max_examples`` keep it under every profile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

# tests/ has no __init__.py: put it on sys.path so test modules can `import strategies`
# whatever pytest's import mode (prepend does this already, importlib does not).
TESTS = str(Path(__file__).resolve().parent)
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

_COMMON = dict(
    deadline=None,  # timings vary on shared machines; the time limit is checked by benchmarks/linear.py
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,  # a failure prints @reproduce_failure(...) so it can be replayed anywhere
)
settings.register_profile("dev", max_examples=100, **_COMMON)
settings.register_profile("ci", max_examples=500, derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

