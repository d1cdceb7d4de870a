"""The house: data flows one way, so no module imports one that imports it back (lazy imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "peacediff"
#: The façade: the package's entry points, which may reach every room (render included).
FACADE = {"peacediff", "peacediff.formats", "peacediff.cli", "peacediff.__main__"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every peacediff module ``path`` imports, at the top or inside a function, by name."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("peacediff"):
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(paths)
    return {name: _imports(path, name, known) for name, path in paths.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    # The package's own __init__ runs before any submodule, so an import of "peacediff" by a
    # submodule is not an edge of the house: only the façade's own names are reached that way.
    edges = {m: {t for t in ts if t != "peacediff"} for m, ts in graph.items()}
    cycles, state, stack = [], {}, []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(edges.get(m, ())):
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
    return cycles


def test_no_import_cycles_in_the_package():
    assert _cycles(_graph()) == []


def test_only_the_facade_imports_the_renderer():
    graph = _graph()
    importers = sorted(m for m, targets in graph.items()
                       if any(t == "peacediff.render" or t.startswith("peacediff.render.") for t in targets)
                       and m not in FACADE and not m.startswith("peacediff.render"))
    assert importers == []


def test_the_walk_sees_lazy_imports(tmp_path):
    # The checks above are only as good as the walk: an import inside a function counts.
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from peacediff.render import render_html\n", encoding="utf-8")
    assert _imports(module, "peacediff.m", {"peacediff.render", "peacediff.m"}) == {"peacediff.render"}
