"""Two proposals against one base: :func:`compare3` and its result, :class:`ThreeWay`.

A three-way comparison answers where two drafts that descend from one text (a
counter-proposal and a later framework, say) agree against the base and where they pull
apart.  It is built from the two comparisons ``compare(base, left)`` and ``compare(base,
right)``: every base provision (or the group a split or merge ties it to) is one entry,
and so is every provision added on either side.  Nothing is re-aligned here.

Each entry has one :data:`STATUSES` value:

* ``unchanged``: the same text on both sides;
* ``left`` / ``right``: changed (or added) on that side only;
* ``agreement``: changed the same way on both (same text and parameters), removed on
  both, or added on both with the same text;
* ``conflict``: changed differently, or removed on one side and changed on the other, or
  added on both under one key with different text;
* ``unknown``: a side's record does not say what became of the provision (a partial
  version); silence is never a conflict.

Parameters get the same verdict value by value (:class:`ParameterTriple`): the army cap
600,000 in the base and 800,000 on both sides is an agreement on the value even where
the wording differs.

Example::

    >>> from peacediff.model import Version
    >>> base = Version.from_texts("base", ["A ceasefire.", "Forces capped at 600,000."])
    >>> left = Version.from_texts("left", ["A ceasefire.", "Forces capped at 800,000."])
    >>> right = Version.from_texts("right", ["A lasting ceasefire.", "Forces capped at 800,000."])
    >>> [(e.label, e.status) for e in compare3(base, left, right).entries]
    [('1', 'right'), ('2', 'agreement')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from peacediff._display import Displayable
from peacediff.compare import Change, Comparison, compare_known
from peacediff.model import ParameterValue, Provision, Version, format_value

__all__ = ["OUTCOMES", "STATUSES", "ParameterTriple", "ThreeWay", "ThreeWayEntry", "compare3"]

#: An entry's verdict, in the order summaries list them.
STATUSES: tuple[str, ...] = ("conflict", "agreement", "left", "right", "unknown", "unchanged")

#: What one side did with an entry: the base text kept, changed (modified, split or
#: merged), removed, added, not reported (a partial record), or nothing (the other
#: side's addition).
OUTCOMES: tuple[str, ...] = ("unchanged", "changed", "removed", "added", "unknown", "absent")

_MIRROR = {"left": "right", "right": "left"}

_REASONS = {
    ("unchanged", "unchanged"): "unchanged on both sides",
    ("removed", "removed"): "removed on both sides",
    ("added", "added"): "added on both sides",
}


def _json_value(value: ParameterValue | None) -> Any:
    return list(value) if isinstance(value, tuple) else value


@attrs.frozen
class ParameterTriple:
    """One parameter's value in the base and on each side, with the verdict.

    A value is None where the provision does not carry the parameter on that side; a
    side whose fate is not reported has ``left_known`` / ``right_known`` False (and its
    value None), which makes the verdict ``unknown``.
    """

    name: str
    base: ParameterValue | None
    left: ParameterValue | None
    right: ParameterValue | None
    unit: str | None = None
    status: str = "unchanged"
    left_known: bool = True
    right_known: bool = True
    #: Ids of the versions whose reports disagree about this value (their variants).
    disputed: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The parameter's name as a person writes it."""
        from peacediff._labels import humanize

        return humanize(self.name)

    def display(self, side: str) -> str:
        """The value on ``side`` ("base", "left", "right") for people; "not reported" when unknown."""
        if (side == "left" and not self.left_known) or (side == "right" and not self.right_known):
            return "not reported"
        value = getattr(self, side)
        return "(none)" if value is None else format_value(value, self.unit)

    def mirror(self) -> ParameterTriple:
        """The same triple with the sides swapped."""
        return attrs.evolve(self, left=self.right, right=self.left, status=_MIRROR.get(self.status, self.status),
                            left_known=self.right_known, right_known=self.left_known)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "name": self.name,
            "label": self.label,
            "status": self.status,
            "base": _json_value(self.base),
            "left": _json_value(self.left),
            "right": _json_value(self.right),
            "unit": self.unit,
            "left_known": self.left_known,
            "right_known": self.right_known,
            "disputed": list(self.disputed),
        }


@attrs.frozen(repr=False)
class ThreeWayEntry:
    """One base provision (or split/merge group), or one addition, seen from both sides.

    ``left`` and ``right`` are the changes of ``compare(base, left)`` and ``compare(base,
    right)`` that concern the entry (empty on the side that does not have an addition).
    """

    status: str
    base: tuple[Provision, ...]
    left: tuple[Change, ...]
    right: tuple[Change, ...]
    left_outcome: str
    right_outcome: str
    parameters: tuple[ParameterTriple, ...] = ()

    def __repr__(self) -> str:
        return f"<ThreeWayEntry {self.label}: {self.status} ({self.left_outcome} | {self.right_outcome})>"

    @property
    def key(self) -> str | None:
        """The lineage key of the entry's first provision, if it has one."""
        for p in (*self.base, *(q for ch in (*self.left, *self.right) for q in ch.new)):
            if p.key:
                return p.key
        return None

    @property
    def title(self) -> str | None:
        """The title of the entry's first titled provision, if any."""
        for p in (*self.base, *(q for ch in (*self.left, *self.right) for q in ch.new)):
            if p.title:
                return p.title
        return None

    @property
    def label(self) -> str:
        """The base numbers ("6", "3, 4"), or "new" with a side's numbers for an addition."""
        if self.base:
            return ", ".join(p.label for p in self.base)
        numbers = [p.label for ch in (*self.left, *self.right) for p in ch.new]
        return "new " + " / ".join(dict.fromkeys(numbers))

    @property
    def reason(self) -> str:
        """The verdict in words: "changed the same way on both sides", "removed on the left, changed on the right"."""
        left, right = self.left_outcome, self.right_outcome
        if self.status == "unknown":
            sides = [name for name, o in (("left", left), ("right", right)) if o == "unknown"]
            return f"not reported on the {' and '.join(sides)} side{'s' if len(sides) > 1 else ''}"
        if (left, right) in _REASONS:
            reason = _REASONS[(left, right)]
            if left == "added":
                reason += " with the same text" if self.status == "agreement" else ", with different text"
            return reason
        if self.status in ("left", "right"):
            return f"{left if self.status == 'left' else right} on the {self.status} only"
        if self.status == "agreement":
            return "changed the same way on both sides"
        if left == right:
            return f"{left} differently on the two sides"
        return f"{left} on the left, {right} on the right"

    def new_provisions(self, side: str) -> tuple[Provision, ...]:
        """The provisions the entry became on ``side`` ("left" or "right")."""
        return tuple(p for ch in getattr(self, side) for p in ch.new)

    def mirror(self) -> ThreeWayEntry:
        """The same entry with the sides swapped."""
        return ThreeWayEntry(
            status=_MIRROR.get(self.status, self.status),
            base=self.base,
            left=self.right,
            right=self.left,
            left_outcome=self.right_outcome,
            right_outcome=self.left_outcome,
            parameters=tuple(t.mirror() for t in self.parameters),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "status": self.status,
            "reason": self.reason,
            "key": self.key,
            "title": self.title,
            "label": self.label,
            "base": [p.to_dict() for p in self.base],
            "left_outcome": self.left_outcome,
            "right_outcome": self.right_outcome,
            "left": [ch.to_dict() for ch in self.left],
            "right": [ch.to_dict() for ch in self.right],
            "parameters": [t.to_dict() for t in self.parameters],
        }


@attrs.frozen(repr=False)
class ThreeWay(Displayable):
    """Two versions compared against one base, entry by entry (see the module docs)."""

    base: Version
    left: Version
    right: Version
    left_comparison: Comparison
    right_comparison: Comparison
    entries: tuple[ThreeWayEntry, ...]

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in self.counts.items() if n) or "no provisions"
        return f"<ThreeWay {self.base.id} → {self.left.id} | {self.right.id}: {counts}>"

    def __str__(self) -> str:
        """The plain-text view."""
        return self.to_text()

    @property
    def counts(self) -> dict[str, int]:
        """Number of entries of each status, every status present, in STATUSES order."""
        counts = dict.fromkeys(STATUSES, 0)
        for entry in self.entries:
            counts[entry.status] += 1
        return counts

    @property
    def conflicts(self) -> tuple[ThreeWayEntry, ...]:
        """The entries the two sides changed differently."""
        return tuple(e for e in self.entries if e.status == "conflict")

    @property
    def parameter_triples(self) -> tuple[tuple[ThreeWayEntry, ParameterTriple], ...]:
        """Every parameter some version changes, with its entry, in entry order."""
        return tuple((e, t) for e in self.entries for t in e.parameters if t.status != "unchanged")

    def entry(self, key: str) -> ThreeWayEntry:
        """The entry of the provision with lineage ``key``; ``KeyError`` when there is none."""
        for e in self.entries:
            if key in {p.key for p in (*e.base, *e.new_provisions("left"), *e.new_provisions("right"))}:
                return e
        raise KeyError(f"no entry of this three-way comparison has the key {key!r}")

    def mirror(self) -> ThreeWay:
        """The same comparison with left and right swapped (``compare3(b, r, l)`` up to entry order)."""
        return ThreeWay(self.base, self.right, self.left, self.right_comparison, self.left_comparison,
                        tuple(e.mirror() for e in self.entries))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "base": self.base.id,
            "left": self.left.id,
            "right": self.right.id,
            "counts": self.counts,
            "entries": [e.to_dict() for e in self.entries],
        }


def _outcome(changes: Sequence[Change], added: bool = False) -> str:
    if not changes:
        return "absent"
    kinds = {ch.kind for ch in changes}
    if "unknown" in kinds:
        return "unknown"
    if added:
        return "added"
    if kinds == {"unchanged"}:
        return "unchanged"
    if kinds == {"removed"}:
        return "removed"
    return "changed"


def _result(changes: Sequence[Change]) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """What a side made of an entry, numbers aside: the new texts and parameters, in order."""
    return tuple((p.full_text, tuple(p.parameters)) for ch in changes for p in ch.new)


def _verdict(left: str, right: str, same: bool) -> str:
    if "unknown" in (left, right):
        return "unknown"
    left_changed = left not in ("unchanged", "absent")
    right_changed = right not in ("unchanged", "absent")
    if not left_changed and not right_changed:
        return "unchanged"
    if not right_changed:
        return "left"
    if not left_changed:
        return "right"
    return "agreement" if same else "conflict"


def _values(provisions: Iterable[Provision]) -> dict[str, tuple[ParameterValue, str | None]]:
    values: dict[str, tuple[ParameterValue, str | None]] = {}
    for p in Version.walk_all(tuple(provisions)):
        for param in p.parameters:
            values.setdefault(param.name, (param.value, param.unit))
    return values


def _triples(base: Sequence[Provision], left: Sequence[Change], right: Sequence[Change],
             left_outcome: str, right_outcome: str) -> tuple[ParameterTriple, ...]:
    b = _values(base)
    sides = (_values(p for ch in left for p in ch.new), _values(p for ch in right for p in ch.new))
    known = (left_outcome != "unknown", right_outcome != "unknown")
    triples = []
    for name in dict.fromkeys([*b, *sides[0], *sides[1]]):
        base_value, unit = b.get(name, (None, None))
        values = [s.get(name, (None, None)) for s in sides]
        unit = unit or values[0][1] or values[1][1]
        lv, rv = (v[0] if k else None for v, k in zip(values, known, strict=True))
        left_status, right_status = (("unknown" if not k else "changed" if v != base_value else "unchanged")
                                     for v, k in zip((lv, rv), known, strict=True))
        status = _verdict(left_status, right_status, same=lv == rv)
        disputed = tuple(dict.fromkeys(d.version for ch in (*left, *right) for d in ch.disputes
                                       if d.variant.parameter == name))
        triples.append(ParameterTriple(name, base_value, lv, rv, unit, status, *known, disputed))
    return tuple(triples)


def _entry(base: tuple[Provision, ...], left: tuple[Change, ...], right: tuple[Change, ...],
           added: bool = False) -> ThreeWayEntry:
    lo, ro = _outcome(left, added), _outcome(right, added)
    return ThreeWayEntry(
        status=_verdict(lo, ro, _result(left) == _result(right)),
        base=base,
        left=left,
        right=right,
        left_outcome=lo,
        right_outcome=ro,
        parameters=_triples(base, left, right, lo, ro),
    )


def _groups(base: Version, comparisons: Sequence[Comparison]) -> list[list[int]]:
    """Base provisions tied together by a split or merge on either side, as index groups in base order."""
    index = {id(p): i for i, p in enumerate(base.provisions)}
    parent = list(range(len(base.provisions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for comparison in comparisons:
        for ch in comparison.changes:
            members = [index[id(p)] for p in ch.old]
            for other in members[1:]:
                parent[find(other)] = find(members[0])
    groups: dict[int, list[int]] = {}
    for i in range(len(base.provisions)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values())


def _by_base(base: Version, comparison: Comparison) -> tuple[dict[int, list[Change]], list[Change]]:
    """The comparison's changes by base provision index, and the changes without a base side."""
    index = {id(p): i for i, p in enumerate(base.provisions)}
    touching: dict[int, list[Change]] = {}
    new_only = []
    for ch in comparison.changes:
        if not ch.old:
            new_only.append(ch)
        for p in ch.old:
            touching.setdefault(index[id(p)], []).append(ch)
    return touching, new_only


def _unique(changes: Iterable[Change]) -> tuple[Change, ...]:
    seen: dict[int, Change] = {}
    for ch in changes:
        seen.setdefault(id(ch), ch)
    return tuple(seen.values())


def _pair_additions(left: Sequence[Change], right: Sequence[Change]) -> list[ThreeWayEntry]:
    """Additions of both sides: one entry per key or text added on both, then each side's own."""

    def ident(ch: Change) -> tuple[str, str]:
        key = next((p.key for p in ch.new if p.key), None)
        return ("key", key) if key else ("text", ch.new_text)

    # Identical additions pair in order, so a text added twice on both sides makes two agreements.
    right_by: dict[tuple[str, str], list[Change]] = {}
    for ch in right:
        right_by.setdefault(ident(ch), []).append(ch)
    paired: set[int] = set()
    entries = []
    for ch in left:
        candidates = right_by.get(ident(ch))
        if candidates:
            partner = candidates.pop(0)
            paired.add(id(partner))
            entries.append(_entry((), (ch,), (partner,), added=True))
        else:
            entries.append(_entry((), (ch,), (), added=True))
    entries.extend(_entry((), (), (ch,), added=True) for ch in right if id(ch) not in paired)
    return entries


def compare3(base: Version, left: Version, right: Version, align: str = "auto", *,
             comparisons: Mapping[tuple[str, str], Comparison] | None = None) -> ThreeWay:
    """Compare ``left`` and ``right`` against ``base``: where they agree, where they conflict.

    Built from ``compare(base, left, align)`` and ``compare(base, right, align)``.  Entries
    follow the base's reading order, then the additions (those made on both sides first).
    ``compare3(b, r, l)`` is ``compare3(b, l, r).mirror()`` up to the order of additions.
    ``comparisons`` are ones already made, by ``(old id, new id)``: reused, not made again.
    """
    for name, v in (("base", base), ("left", left), ("right", right)):
        if not isinstance(v, Version):
            raise TypeError(f"compare3() takes three Version objects; {name} is a {type(v).__name__}")
    cl, cr = compare_known(base, left, comparisons, align), compare_known(base, right, comparisons, align)
    left_by, left_new = _by_base(base, cl)
    right_by, right_new = _by_base(base, cr)
    entries = []
    for group in _groups(base, (cl, cr)):
        entries.append(_entry(
            tuple(base.provisions[i] for i in group),
            _unique(ch for i in group for ch in left_by.get(i, ())),
            _unique(ch for i in group for ch in right_by.get(i, ())),
        ))
    additions = _pair_additions(left_new, right_new)
    additions.sort(key=lambda e: not (e.left and e.right))
    entries.extend(additions)
    return ThreeWay(base, left, right, cl, cr, tuple(entries))
