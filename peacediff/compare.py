"""The result of comparing two versions: :class:`Comparison` and its :class:`Change` records.

A Comparison is frozen data.  HTML, Markdown, text and JSON are renderings of
it (:mod:`peacediff.render`), never recomputations.

Example::

    >>> import peacediff
    >>> c = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("e3-counter-28"))
    >>> sorted({ch.kind for ch in c.changes}) # doctest: +SKIP
    ['modified', 'removed', 'unchanged', 'unknown']
"""

from __future__ import annotations

from typing import Any

import attrs

from peacediff.model import ParameterValue, Provision, Version, format_value

__all__ = [
    "CHANGE_KINDS",
    "MATCH_RULES",
    "Change",
    "Comparison",
    "ModalityShift",
    "ParameterChange",
    "PossibleMatch",
]

#: The closed set of change kinds, in the order summaries list them.
CHANGE_KINDS: tuple[str, ...] = ("unchanged", "modified", "added", "removed", "split", "merged", "unknown")

#: Which alignment rule linked a pair (None for unlinked changes).
MATCH_RULES: tuple[str, ...] = ("key", "exact", "number", "similarity", "split", "merge")

#: Version of the ``Comparison.to_dict()`` layout (docs/schema/comparison.json).
SCHEMA_VERSION = 1

Op = tuple[int, str]


def _json_value(value: ParameterValue | None) -> Any:
    return list(value) if isinstance(value, tuple) else value


@attrs.frozen
class ParameterChange:
    """A typed fact that changed between two provisions.

    ``origin`` is "parameter" for declared parameters and "text" for figures
    found in the text (numbers, money, percentages, durations).  ``old`` is
    None for an added fact and ``new`` is None for a removed one.
    """

    name: str
    old: ParameterValue | None
    new: ParameterValue | None
    unit: str | None = None
    origin: str = "parameter"

    @property
    def kind(self) -> str:
        """"added", "removed" or "changed"."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed"

    def display(self) -> str:
        """``'600,000 → 800,000 personnel'``-style summary."""
        if self.unit and self.old is not None and self.new is not None:
            return f"{format_value(self.old)} → {format_value(self.new, self.unit)}"
        return f"{format_value(self.old, self.unit)} → {format_value(self.new, self.unit)}"

    def inverse(self) -> ParameterChange:
        """The same change seen from the other side."""
        return attrs.evolve(self, old=self.new, new=self.old)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "name": self.name,
            "kind": self.kind,
            "old": _json_value(self.old),
            "new": _json_value(self.new),
            "unit": self.unit,
            "origin": self.origin,
            "display": self.display(),
        }


@attrs.frozen
class ModalityShift:
    """A change of obligation strength ("shall" → "may"), which reviewers easily miss."""

    old: str
    new: str

    def inverse(self) -> ModalityShift:
        """The same shift seen from the other side."""
        return ModalityShift(old=self.new, new=self.old)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {"old": self.old, "new": self.new}


@attrs.frozen
class PossibleMatch:
    """A candidate partner below the confidence bar, kept for views as a hint."""

    provision: Provision
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "number": self.provision.number,
            "key": self.provision.key,
            "similarity": round(self.similarity, 4),
        }


@attrs.frozen
class Change:
    """What happened to one provision (or one split/merge group) between two versions.

    ``old`` and ``new`` hold 1:1 pairs, 1:n for ``split``, n:1 for ``merged``,
    and one side empty for ``added``, ``removed`` and ``unknown``.  ``ops`` are
    diff-match-patch tuples over the provisions' ``full_text`` (parts joined by
    newlines): equal+delete ops rebuild the old text, equal+insert the new.
    """

    kind: str
    old: tuple[Provision, ...] = ()
    new: tuple[Provision, ...] = ()
    renumbered: bool = False
    moved: bool = False
    matched_by: str | None = None
    similarity: float | None = None
    ops: tuple[Op, ...] = ()
    parameter_changes: tuple[ParameterChange, ...] = ()
    modality_shifts: tuple[ModalityShift, ...] = ()
    possible_match: PossibleMatch | None = None
    subchanges: tuple[Change, ...] = ()
    note: str | None = None

    @property
    def old_numbers(self) -> tuple[str, ...]:
        """Printed numbers on the old side ("–" where unknown)."""
        return tuple(p.label for p in self.old)

    @property
    def new_numbers(self) -> tuple[str, ...]:
        """Printed numbers on the new side ("–" where unknown)."""
        return tuple(p.label for p in self.new)

    @property
    def old_text(self) -> str:
        """The old side's full text, parts joined by newlines."""
        return "\n".join(p.full_text for p in self.old)

    @property
    def new_text(self) -> str:
        """The new side's full text, parts joined by newlines."""
        return "\n".join(p.full_text for p in self.new)

    @property
    def label(self) -> str:
        """``'6 → 4'``-style number summary for headings and lists."""
        old = ", ".join(self.old_numbers) or "∅"
        new = ", ".join(self.new_numbers) or "∅"
        return old if old == new else f"{old} → {new}"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "kind": self.kind,
            "old": [p.to_dict() for p in self.old],
            "new": [p.to_dict() for p in self.new],
            "old_numbers": list(self.old_numbers),
            "new_numbers": list(self.new_numbers),
            "renumbered": self.renumbered,
            "moved": self.moved,
            "matched_by": self.matched_by,
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "ops": [[op, text] for op, text in self.ops],
            "parameter_changes": [pc.to_dict() for pc in self.parameter_changes],
            "modality_shifts": [m.to_dict() for m in self.modality_shifts],
            "possible_match": None if self.possible_match is None else self.possible_match.to_dict(),
            "subchanges": [s.to_dict() for s in self.subchanges],
            "note": self.note,
        }


@attrs.frozen
class Comparison:
    """Two versions aligned provision by provision.

    ``changes`` are in reading order: the new version's order, with removed
    and unknown provisions placed where they stood in the old one.
    ``budget_exhausted`` is True when a deterministic work budget stopped the
    aligner or the text diff early; ``budget_notes`` say which and where.
    """

    old: Version
    new: Version
    changes: tuple[Change, ...]
    align: str = "keys"
    budget_exhausted: bool = False
    budget_notes: tuple[str, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        """Number of changes of each kind, every kind present, in CHANGE_KINDS order."""
        counts = dict.fromkeys(CHANGE_KINDS, 0)
        for ch in self.changes:
            counts[ch.kind] += 1
        return counts

    @property
    def parameter_changes(self) -> tuple[tuple[Change, ParameterChange], ...]:
        """Every parameter change with the change it belongs to, in reading order."""
        return tuple((ch, pc) for ch in self.changes for pc in ch.parameter_changes)

    @property
    def has_differences(self) -> bool:
        """True unless every change is ``unchanged`` (drives ``--exit-code``)."""
        return any(ch.kind != "unchanged" or ch.renumbered or ch.moved for ch in self.changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict, schema ``docs/schema/comparison.json``, fixed key order."""
        return {
            "schema": "peacediff.comparison",
            "schema_version": SCHEMA_VERSION,
            "align": self.align,
            "old": _version_header(self.old),
            "new": _version_header(self.new),
            "counts": self.counts,
            "budget_exhausted": self.budget_exhausted,
            "budget_notes": list(self.budget_notes),
            "changes": [ch.to_dict() for ch in self.changes],
        }

    def to_html(self, **options: Any) -> str:
        """The self-contained HTML redline (see :func:`peacediff.render.render_html`)."""
        from peacediff.render import render_html

        return render_html(self, **options)

    def to_markdown(self, **options: Any) -> str:
        """GitHub-flavoured Markdown redline (see :func:`peacediff.render.render_markdown`)."""
        from peacediff.render import render_markdown

        return render_markdown(self, **options)

    def to_text(self, **options: Any) -> str:
        """Plain-text redline (see :func:`peacediff.render.render_text`)."""
        from peacediff.render import render_text

        return render_text(self, **options)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """Notebook display: a scoped HTML fragment and plain text."""
        from peacediff.render import render_html_fragment, render_text

        return {"text/html": render_html_fragment(self), "text/plain": render_text(self)}


def _version_header(v: Version) -> dict[str, Any]:
    return {
        "id": v.id,
        "title": v.title,
        "date": v.date,
        "proposer": v.proposer,
        "status": v.status,
        "coverage": v.coverage,
        "declared_count": v.declared_count,
        "count": v.count,
        "parents": list(v.parents),
        "sources": [s.to_dict() for s in v.sources],
    }
