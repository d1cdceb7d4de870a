"""Every provision through every version at once: :func:`matrix` and its result, :class:`Matrix`.

(The module is not called ``matrix`` so that importing it cannot shadow ``peacediff.matrix()``.)

Rows are provision lineages, columns versions in date order.  A provision with a lineage
key belongs to the row of its key; an unkeyed provision continues the row of the provision
it was aligned with in its reference version (the parent it declares, or else the column
before it), so unkeyed drafts are chained through consecutive text alignments.  Each cell
says what the lineage is in that version (:data:`CELL_KINDS`) and its number there; with
``parameter=``, the parameter's value and the values other reports give (variants).

The cells are read from :func:`peacediff.compare` results, one per column, never from a
second alignment.

Example::

    >>> from peacediff.model import Version
    >>> a = Version.from_texts("a", ["A ceasefire.", "Forces capped at 600,000."], date="2025-01-01")
    >>> b = Version.from_texts("b", ["Forces capped at 800,000.", "A ceasefire."], date="2025-02-01")
    >>> m = matrix([a, b])
    >>> [[c.kind for c in row.cells] for row in m.rows]
    [['new', 'moved'], ['new', 'modified']]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from peacediff._display import Displayable
from peacediff.compare import Change, Comparison, compare_known
from peacediff.model import Provision, Version

if TYPE_CHECKING:
    from peacediff.archive import Archive

__all__ = ["CELL_KINDS", "Matrix", "MatrixCell", "MatrixRow", "matrix"]

#: What a lineage is in one version.  "absent": the version is outside the lineage's line of
#: descent (an unrelated document, or a sibling draft that never had it).
CELL_KINDS: tuple[str, ...] = (
    "same", "modified", "renumbered", "moved", "split", "merged", "removed", "not reported", "new",
    "not yet introduced", "absent",
)

#: Cell kinds in which the version holds the provision (the cell has numbers).
PRESENT_KINDS = frozenset({"same", "modified", "renumbered", "moved", "split", "merged", "new"})

_CHANGE_CELL = {"modified": "modified", "split": "split", "merged": "merged", "added": "new"}


@attrs.frozen
class MatrixCell:
    """One lineage in one version: its kind, its numbers there and (with a parameter) its value."""

    kind: str
    numbers: tuple[str, ...] = ()
    value: str | None = None
    variants: tuple[str, ...] = ()
    #: The provisions themselves (for links into redlines); not part of ``to_dict()``.
    provisions: tuple[Provision, ...] = attrs.field(default=(), repr=False)

    @property
    def present(self) -> bool:
        """True when the version holds the provision."""
        return self.kind in PRESENT_KINDS

    def display(self) -> str:
        """The cell for people: ``'modified 4'``, ``'800,000 personnel'``, ``'not reported'``."""
        if self.value is not None:
            text = self.value
        elif self.present:
            text = f"{self.kind} {', '.join(self.numbers)}".strip()
        else:
            text = self.kind
        if self.variants:
            text += f" (also reported: {'; '.join(self.variants)})"
        return text

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {"kind": self.kind, "numbers": list(self.numbers), "value": self.value,
                "variants": list(self.variants)}


@attrs.frozen
class MatrixRow:
    """One lineage: its id (the key, or ``version-id#position`` where it first appears), title and cells."""

    id: str
    key: str | None
    title: str | None
    cells: tuple[MatrixCell, ...]

    @property
    def label(self) -> str:
        """The key, else the title, else the id."""
        return self.key or self.title or self.id

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {"id": self.id, "key": self.key, "title": self.title, "cells": [c.to_dict() for c in self.cells]}


@attrs.frozen(repr=False)
class Matrix(Displayable):
    """Lineages (rows) through versions (columns); see the module docs."""

    versions: tuple[Version, ...]
    rows: tuple[MatrixRow, ...]
    parameter: str | None = None
    #: For each column, the id of the version it was read against (None for a standalone one).
    references: tuple[str | None, ...] = ()

    def __repr__(self) -> str:
        what = f" of {self.parameter}" if self.parameter else ""
        return f"<Matrix{what}: {len(self.rows)} lineage(s) × {len(self.versions)} version(s)>"

    def __str__(self) -> str:
        """The plain-text table."""
        return self.to_text()

    def row(self, key: str) -> MatrixRow:
        """The row of lineage ``key`` (or row id); ``KeyError`` when there is none."""
        for r in self.rows:
            if key in (r.key, r.id):
                return r
        raise KeyError(f"no row of this matrix has the key {key!r}")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "parameter": self.parameter,
            "versions": [{"id": v.id, "date": v.date, "title": v.title, "reference": ref}
                         for v, ref in zip(self.versions, self.references or (None,) * len(self.versions),
                                           strict=True)],
            "rows": [r.to_dict() for r in self.rows],
        }

    def to_pandas(self) -> Any:
        """A pandas DataFrame: one row per lineage, one column per version id, cells as displayed.

        Needs pandas (``pip install pandas``); raises ``ImportError`` saying so otherwise.
        """
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError("Matrix.to_pandas() needs pandas: pip install pandas") from exc
        return pd.DataFrame(
            [[c.display() for c in r.cells] for r in self.rows],
            index=pd.Index([r.label for r in self.rows], name="lineage"),
            columns=[v.id for v in self.versions],
        )


def _reference(version: Version, earlier: Sequence[Version]) -> Version | None:
    """The version a column is read against: its latest declared parent among the earlier columns;
    else, for a keyed version, the latest earlier one sharing a key with it (a document sharing
    none stands alone); else, for an unkeyed version, the column before it."""
    parents = [v for v in earlier if v.id in version.parents]
    if parents:
        return parents[-1]
    if version.provisions and all(p.key for p in version.provisions):
        keys = {p.key for p in version.provisions}
        sharing = [v for v in earlier if keys & {p.key for p in v.provisions}]
        return sharing[-1] if sharing else None
    return earlier[-1] if earlier else None


def _change_cell(ch: Change) -> str:
    if ch.kind == "unchanged":
        # A move renumbers too; "renumbered" is kept for a new number in the same place.
        if ch.moved:
            return "moved"
        return "renumbered" if ch.renumbered else "same"
    return _CHANGE_CELL.get(ch.kind, "same")


class _Builder:
    """Walks the columns once, carrying which rows each provision of the last columns belongs to."""

    def __init__(self, versions: Sequence[Version],
                 known: Mapping[tuple[str, str], Comparison] | None = None) -> None:
        self.versions = versions
        self.known = known
        self.row_order: list[str] = []
        self.row_meta: dict[str, tuple[str | None, str | None]] = {}
        # per column: provision id → row ids; row id → (cell kind, provisions)
        self.rows_of: list[dict[int, tuple[str, ...]]] = []
        self.cells: list[dict[str, tuple[str, tuple[Provision, ...]]]] = []
        self.seen: set[str] = set()
        self.references: list[str | None] = []

    def _new_row(self, row: str, p: Provision) -> None:
        if row not in self.row_meta:
            self.row_order.append(row)
            self.row_meta[row] = (p.key, p.title)

    def column(self, j: int) -> None:
        version = self.versions[j]
        ref = _reference(version, self.versions[:j])
        ref_j = self.versions.index(ref) if ref is not None else None
        self.references.append(ref.id if ref is not None else None)
        comparison = compare_known(ref, version, self.known) if ref is not None else None
        rows_of: dict[int, tuple[str, ...]] = {}
        cells: dict[str, tuple[str, list[Provision]]] = {}
        change_of = {id(p): ch for ch in comparison.changes for p in ch.new} if comparison else {}
        for i, p in enumerate(version.provisions):
            ch = change_of.get(id(p))
            rows = self._rows_for(p, ch, ref_j, f"{version.id}#{i + 1}")
            rows_of[id(p)] = rows
            for row in rows:
                kind = self._present_kind(row, p, ch)
                cells.setdefault(row, (kind, []))[1].append(p)
        self.rows_of.append(rows_of)
        absent = self._absent_cells(version, comparison, ref_j, cells)
        self.cells.append({**{r: (k, tuple(ps)) for r, (k, ps) in cells.items()}, **absent})
        self.seen.update(cells)

    def _rows_for(self, p: Provision, ch: Change | None, ref_j: int | None, fresh: str) -> tuple[str, ...]:
        if p.key:
            self._new_row(p.key, p)
            return (p.key,)
        inherited: dict[str, None] = {}
        if ch is not None and ref_j is not None:
            for old in ch.old:
                inherited.update(dict.fromkeys(self.rows_of[ref_j].get(id(old), ())))
        if inherited:
            return tuple(inherited)
        self._new_row(fresh, p)
        return (fresh,)

    def _present_kind(self, row: str, p: Provision, ch: Change | None) -> str:
        if row not in self.seen:
            return _change_cell(ch) if ch is not None and ch.old and ch.kind != "unknown" else "new"
        if ch is None or ch.kind == "unknown" or not ch.old:
            # No comparison links it (a standalone document reusing a key): judge by the text alone.
            last = self._last_provisions(row)
            return "same" if last and tuple(q.full_text for q in last) == (p.full_text,) else "modified"
        return _change_cell(ch)

    def _last_provisions(self, row: str) -> tuple[Provision, ...]:
        for cells in reversed(self.cells):
            if row in cells and cells[row][1]:
                return cells[row][1]
        return ()

    def _absent_cells(self, version: Version, comparison: Comparison | None, ref_j: int | None,
                      cells: dict[str, Any]) -> dict[str, tuple[str, tuple[Provision, ...]]]:
        fate: dict[str, str] = {}
        if comparison is not None and ref_j is not None:
            for ch in comparison.changes:
                if ch.kind in ("removed", "unknown") and not ch.new:
                    for old in ch.old:
                        for row in self.rows_of[ref_j].get(id(old), ()):
                            fate.setdefault(row, "removed" if ch.kind == "removed" else "not reported")
        out: dict[str, tuple[str, tuple[Provision, ...]]] = {}
        for row in self.row_order:
            if row in cells:
                continue
            key = self.row_meta[row][0]
            if row not in self.seen:
                out[row] = ("not yet introduced", ())
            elif row in fate:
                out[row] = (fate[row], ())
            elif key is not None and version.removal(key) is not None:
                out[row] = ("removed", ())
            elif ref_j is not None and self.cells[ref_j].get(row, ("absent",))[0] in ("removed", "not reported"):
                out[row] = (self.cells[ref_j][row][0], ())
            else:
                out[row] = ("absent", ())
        return out


def _value_cell(kind: str, provisions: Sequence[Provision], version: Version, key: str | None,
                parameter: str) -> MatrixCell:
    values = [param.display() for p in provisions if (param := p.parameter(parameter)) is not None]
    variants = tuple(
        claim.display()
        for var in version.variants if key is not None and var.key == key and var.parameter == parameter
        for claim in var.claims if claim.display() not in values
    )
    value = ", ".join(values) if values else None
    return MatrixCell(kind, tuple(p.label for p in provisions), value, variants, tuple(provisions))


def _load_versions(versions: Iterable[Version | str] | None, archive: Archive | None) -> tuple[Version, ...]:
    """The matrix's columns, in date order."""
    if versions is None:
        if archive is None:
            from peacediff.archive import Archive

            archive = Archive.bundled()
        return tuple(archive.versions())
    from peacediff._loading import load_versions

    loaded = load_versions(versions, archive)
    return tuple(sorted(loaded, key=lambda v: (v.date is None, v.date or "", v.id)))


def matrix(versions: Iterable[Version | str] | None = None, parameter: str | None = None,
           archive: Archive | None = None, *,
           comparisons: Mapping[tuple[str, str], Comparison] | None = None) -> Matrix:
    """Every lineage through ``versions`` (default: every version of ``archive``, else the bundled ones).

    ``versions`` takes :class:`Version` objects or ids (looked up in ``archive``, else loaded
    as :func:`peacediff.load` does); columns are in date order.  With ``parameter``, only the
    lineages that carry it in some version are rows, and each cell holds its value and the
    values other reports give.  Raises ``KeyError`` when no version has the parameter.
    ``comparisons`` are ones already made, by ``(old id, new id)``: reused, not made again.
    """
    columns = _load_versions(versions, archive)
    builder = _Builder(columns, comparisons)
    for j in range(len(columns)):
        builder.column(j)
    rows = []
    for row in builder.row_order:
        key, title = builder.row_meta[row]
        cells = []
        for version, column in zip(columns, builder.cells, strict=True):
            # A row first seen in a later column has no entry in the earlier ones.
            kind, provisions = column.get(row, ("not yet introduced", ()))
            if parameter is None:
                cells.append(MatrixCell(kind, tuple(p.label for p in provisions), provisions=tuple(provisions)))
            else:
                cells.append(_value_cell(kind, provisions, version, key, parameter))
        if parameter is None or any(c.value is not None or c.variants for c in cells):
            rows.append(MatrixRow(row, key, title, tuple(cells)))
    if parameter is not None and not rows:
        names = sorted({q.name for v in columns for p in Version.walk_all(v.provisions) for q in p.parameters})
        raise KeyError(f"no version has the parameter {parameter!r}\n    fix: use one of: {', '.join(names)}")
    return Matrix(columns, tuple(rows), parameter, tuple(builder.references))
