"""Execute examples/quickstart.ipynb headless (nbclient, kernel python3) and check its outputs.

The comparison cell must display the HTML redline (a scoped fragment with <del> and <ins>) and
plain text; the version cell its provisions.  Skips without ipykernel/nbclient unless CI is set.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "examples" / "quickstart.ipynb"


def _require(module: str) -> None:
    try:
        __import__(module)
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is missing in CI: pip install -e .[test]")
        pytest.skip(f"{module} is not installed (pip install {module}) - the notebook test needs it")


def test_quickstart_notebook_executes_and_shows_the_redline() -> None:
    for module in ("ipykernel", "nbclient", "nbformat"):
        _require(module)
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel runs in the repository so that `import peacediff` finds this checkout; kernelspec
    # "python3" launches the interpreter running the tests.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    client = NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(REPO)}})
    client.execute(env=env)

    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == [], errors
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    redlines = [h for h in html if "data-pd-root" in h]
    assert redlines, "the comparison cell did not display the HTML redline"
    redline = redlines[0]
    assert "<del>" in redline and "<ins>" in redline
    assert 'data-kind="modified"' in redline and 'data-kind="unknown"' in redline
    assert "<html" not in redline and "<style>.pd{" in redline
    plain = [o["data"]["text/plain"] for o in outputs if "data-pd-root" in o.get("data", {}).get("text/html", "")]
    assert plain and plain[0].startswith("Redline: ")
    assert any("prov-table" in h for h in html), "the version cell did not display its provisions"
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "[-" in printed and "{+" in printed
    assert sys.executable  # the kernel is this interpreter (kernelspec argv "python")
