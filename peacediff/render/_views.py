"""View data for the other results: a version (its rows, its parents' fates), a three-way comparison, a matrix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from peacediff.compare import Change, Comparison
from peacediff.model import Provision, Version
from peacediff.render._runs import segments
from peacediff.render._sources import SourceRef, source_ref, version_view
from peacediff.threeway import ThreeWay, ThreeWayEntry


@dataclass(frozen=True, slots=True, eq=False)
class FateGroup:
    """Points of a parent version sharing one fate in a child version."""

    label: str
    points: tuple[str, ...]


@dataclass(frozen=True, slots=True, eq=False)
class LineageView:
    """How a version treats the points of one parent."""

    parent: Version
    groups: tuple[FateGroup, ...]


def _point_name(p: Provision) -> str:
    return f"{p.label} {p.title}" if p.title else p.label


def _lineage_view(comparison: Comparison) -> LineageView:
    carried: list[str] = []
    removed: list[str] = []
    unknown: list[str] = []
    for ch in comparison.changes:
        target = {"removed": removed, "unknown": unknown, "added": None}.get(ch.kind, carried)
        if target is not None:
            target.extend(_point_name(p) for p in ch.old)
    groups = (FateGroup("carried over (same or revised)", tuple(carried)),
              FateGroup("removed", tuple(removed)),
              FateGroup("fate not reported", tuple(unknown)))
    return LineageView(comparison.old, tuple(g for g in groups if g.points))


def version_context(version: Version, lineage: Sequence[Comparison]) -> dict[str, Any]:
    return {
        "version": version_view(version),
        "provisions": _version_rows(version),
        "removed": tuple((r, tuple(source_ref(version, s) for s in r.sources)) for r in version.removed),
        "variants": tuple((v, tuple(tuple(source_ref(version, s) for s in c.sources) for c in v.claims))
                          for v in version.variants),
        "lineage": tuple(_lineage_view(c) for c in lineage),
    }


@dataclass(frozen=True, slots=True, eq=False)
class ProvisionRow:
    """A provision of a version view, flattened with its depth for nested display."""

    provision: Provision
    depth: int
    sources: tuple[SourceRef, ...]


def _version_rows(version: Version) -> tuple[ProvisionRow, ...]:
    rows: list[ProvisionRow] = []

    def add(p: Provision, depth: int) -> None:
        rows.append(ProvisionRow(p, depth, tuple(source_ref(version, s) for s in p.sources)))
        for sub in p.subpoints:
            add(sub, depth + 1)

    for p in version.provisions:
        add(p, 0)
    return tuple(rows)


#: How each three-way status reads in the views (the badge text; colour is never the only cue).
THREEWAY_LABELS: dict[str, str] = {
    "conflict": "conflict",
    "agreement": "agreement",
    "left": "left only",
    "right": "right only",
    "unknown": "not reported",
    "unchanged": "unchanged",
}


#: How each side's outcome reads in the views.
THREEWAY_OUTCOMES: dict[str, str] = {
    "unchanged": "unchanged", "changed": "changed", "removed": "removed", "added": "added",
    "unknown": "not reported", "absent": "nothing added",
}


@dataclass(frozen=True, slots=True, eq=False)
class ThreeWaySide:
    """One side of a three-way entry as the templates draw it."""

    name: str
    version: Version
    outcome: str
    numbers: str
    segments: tuple[tuple[str, str], ...]


def _side_segments(changes: Sequence[Change]) -> tuple[tuple[str, str], ...]:
    runs: list[tuple[str, str]] = []
    for i, ch in enumerate(changes):
        if i:
            runs.append(("eq", "\n"))
        runs.extend(segments(ch))
    return tuple(runs)


def _threeway_sides(threeway: ThreeWay, entry: ThreeWayEntry) -> tuple[ThreeWaySide, ThreeWaySide]:
    return tuple(  # type: ignore[return-value]
        ThreeWaySide(name, getattr(threeway, name), getattr(entry, f"{name}_outcome"),
                     ", ".join(p.label for p in entry.new_provisions(name)) or "–",
                     _side_segments(getattr(entry, name)))
        for name in ("left", "right")
    )


def threeway_context(threeway: ThreeWay) -> dict[str, Any]:
    rows = [{"entry": e, "sides": _threeway_sides(threeway, e), "anchor": f"e{i + 1}",
             "changed_parameters": tuple(t for t in e.parameters if t.status != "unchanged")}
            for i, e in enumerate(threeway.entries)]
    return {"tw": threeway, "rows": rows, "labels": THREEWAY_LABELS, "outcomes": THREEWAY_OUTCOMES}


def matrix_text_cell(cell: Any) -> str:
    if cell.kind in ("not yet introduced", "absent") and cell.value is None:
        return "·" if cell.kind == "not yet introduced" else "–"
    shown: str = cell.display()
    return shown
