"""The house rules a reader relies on: every module says its job, no function outside the aligner runs long."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "peacediff"
MODULES = sorted(PACKAGE.rglob("*.py"))
#: The aligner's passes are long by nature (issue 17 owns their shape); everything else stays short.
ALIGNER = {"align.py", "_align_config.py", "_align_lists.py", "_lexical.py", "_matching.py", "_order.py"}
MAX_FUNCTION_LINES = 80


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_opens_with_its_job(path: Path) -> None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc and doc.strip().splitlines()[0].strip(), f"{path.name}: no module docstring naming its job"


def test_no_long_function_outside_the_aligner() -> None:
    long = []
    for path in MODULES:
        if path.name in ALIGNER and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, "split these by job:\n" + "\n".join(long)
