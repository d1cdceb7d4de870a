"""Shared pytest setup: hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set in CI) gives reproducible runs: no deadline
(shared runners stall), derandomised example generation, and more examples.
"stress" runs a thousand examples per property for hunting rare cases.  The
default "dev" profile keeps the whole engine suite well under a minute on two
cores.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
