"""Shared pytest setup: hypothesis profiles, the collector's pace, the longest modules first.

``HYPOTHESIS_PROFILE=ci`` (set in CI) gives reproducible runs: no deadline
(shared runners stall), derandomised example generation, and more examples.
"stress" runs a thousand examples per property for hunting rare cases.  The
default "dev" profile keeps the whole suite under a minute on two cores.
"""

from __future__ import annotations

import gc
import os
import sys

import pytest
from hypothesis import HealthCheck, settings

# Two pytest workers and some hundred Python subprocesses (CLI, Dask, wheel) import the same
# modules: with PYTHONDONTWRITEBYTECODE set, as on CI machines, each compiled every module and
# re-ran pytest's assertion rewriting from source, 3 s of every worker's start.  The cache goes
# under the ignored __pycache__ folders; the user's other programs keep their setting.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# The suite allocates tens of millions of short-lived objects (hypothesis draws, comparisons) and
# keeps few: at CPython's default (a young collection every 700 allocations) the cyclic collector
# was an eighth of the CPU of the property tests.  Collecting ten times less often keeps a worker
# under 150 MB and frees every cycle all the same; the CLI and library code under test run with
# their own settings in their own processes.
gc.set_threshold(10_000, 10, 10)

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


#: The modules that take longest (browser, Dask clusters, LibreOffice, child processes, the largest
#: property tests), longest first.  ``tools/dev.py test`` hands each worker whole modules in
#: collection order (pytest-xdist's ``--dist loadfile``): started first, they run while the other
#: worker works through the many short modules, instead of one of them finishing alone at the end.
#: Order only: a module missing here runs after these, in its usual place.
LONG_FIRST = (
    "test_batch.py", "test_browser.py", "test_docx_out.py", "test_properties.py", "test_store.py",
    "test_writing.py", "test_unknown.py", "test_textdiff_fastpath.py", "test_textdiff.py", "test_render.py",
    "test_document_out.py", "test_cli.py", "test_real_documents.py", "test_align.py", "test_threeway.py",
    "test_wheel.py", "test_lineage_views.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: k for k, name in enumerate(LONG_FIRST)}
    order = {id(item): k for k, item in enumerate(items)}
    items.sort(key=lambda item: (rank.get(item.path.name, len(rank)), order[id(item)]))
