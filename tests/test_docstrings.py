"""The examples in the docstrings are true: every module's doctests run here.

Examples that need files or optional packages are marked ``# doctest: +SKIP`` where they stand.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import peacediff

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(peacediff.__path__, prefix="peacediff.")
    # __main__ runs the command line when imported; it holds no examples.
    if info.name != "peacediff.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_module_examples_hold(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    for test in finder.find(module, name):
        runner.run(test, out=report.append)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, "".join(report)


# The most used public API shows itself by example; these must keep theirs.
EXAMPLED = [
    "load",
    "compare",
    "versions",
    "variants",
    "history",
    "dumps",
    "loads",
    "save",
    "Archive",
    "Change",
    "Comparison",
    "Comparison.inverse",
    "Comparison.to_dict",
    "History",
    "Parameter",
    "ParameterChange",
    "ParameterChange.display",
    "Version",
    "Version.from_texts",
]


@pytest.mark.parametrize("dotted", EXAMPLED)
def test_public_api_shows_an_example(dotted: str) -> None:
    obj: object = peacediff
    for part in dotted.split("."):
        obj = getattr(obj, part)
    assert ">>>" in (obj.__doc__ or ""), f"peacediff.{dotted} has no example in its docstring"
