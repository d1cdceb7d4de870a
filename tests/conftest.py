"""Shared pytest setup: hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set in CI) gives reproducible runs: no deadline
(shared runners stall), derandomised example generation, and more examples.
"stress" runs a thousand examples per property for hunting rare cases.  The
default "dev" profile keeps the whole suite under a minute on two cores.
"""

from __future__ import annotations

import os
import sys

from hypothesis import HealthCheck, settings

# Two pytest workers and some hundred Python subprocesses (CLI, Dask, wheel) import the same
# modules: with PYTHONDONTWRITEBYTECODE set, as on CI machines, each compiled every module and
# re-ran pytest's assertion rewriting from source, 3 s of every worker's start.  The cache goes
# under the ignored __pycache__ folders; the user's other programs keep their setting.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    max_examples=150,
    print_blob=True,
    suppress_health_check=(HealthCheck.too_slow,),
)
settings.register_profile("stress", deadline=None, max_examples=1000, suppress_health_check=(HealthCheck.too_slow,))
settings.register_profile("dev", deadline=None, max_examples=60, suppress_health_check=(HealthCheck.too_slow,))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
