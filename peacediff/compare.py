"""Comparing two versions: :func:`compare` and its result, :class:`Comparison` of :class:`Change` records.

:func:`compare` asks :mod:`peacediff.align` which provision became which, and
:mod:`peacediff.textdiff`, :mod:`peacediff.figures` and :mod:`peacediff.modality` how the
wording, the figures and the modal verbs changed.  A Comparison is frozen data.  HTML,
Markdown, text and JSON are renderings of it (:mod:`peacediff.render`), never recomputations.

Example::

    >>> import peacediff
    >>> c = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("e3-counter-28"))
    >>> sorted({ch.kind for ch in c.changes}) # doctest: +SKIP
    ['modified', 'removed', 'unchanged', 'unknown']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from peacediff import figures, modality, textdiff
from peacediff._align_config import DEFAULT as _DEFAULT_CONFIG
from peacediff._align_config import AlignConfig
from peacediff._display import Displayable, render
from peacediff._hints import readable_marks
from peacediff._screen import ChangeWindows, changed_windows
from peacediff._units import CURRENCY_UNITS
from peacediff.model import Parameter, ParameterValue, Provision, Variant, Version, format_value

if TYPE_CHECKING:
    from peacediff import align as _align

__all__ = [
    "CHANGE_KINDS",
    "MATCH_RULES",
    "Change",
    "Comparison",
    "ModalityShift",
    "ParameterChange",
    "PossibleMatch",
    "compare",
    "shown_similarity",
]

#: The closed set of change kinds, in the order summaries list them.
CHANGE_KINDS: tuple[str, ...] = ("unchanged", "modified", "added", "removed", "split", "merged", "unknown")

#: Which alignment rule linked a pair (None for unlinked changes).
MATCH_RULES: tuple[str, ...] = ("key", "exact", "number", "similarity", "split", "merge")

#: Alignment modes accepted by :func:`compare`.
ALIGN_MODES: tuple[str, ...] = ("auto", "keys", "text")

#: How each kind reads from the other side (see :meth:`Change.inverse`).
INVERSE_KIND: dict[str, str] = {
    "unchanged": "unchanged",
    "modified": "modified",
    "added": "removed",
    "removed": "added",
    "split": "merged",
    "merged": "split",
    "unknown": "unknown",
}

_INVERSE_RULE = {"split": "merge", "merge": "split"}

#: Version of the ``Comparison.to_dict()`` layout (docs/schema/comparison.json).
SCHEMA_VERSION = 1

Op = tuple[int, str]


def _json_value(value: ParameterValue | None) -> Any:
    return list(value) if isinstance(value, tuple) else value


@attrs.frozen
class ParameterChange:
    """A typed fact that changed between two provisions.

    ``origin`` is "parameter" for declared parameters and "text" for figures
    found in the text (then ``name`` is the figure's kind: "amount", "duration",
    "distance", ... see :data:`peacediff.figures.FIGURE_KINDS`, and ``old`` and
    ``new`` are the figures as written, units included).  ``old`` is None for an
    added fact and ``new`` is None for a removed one.

    >>> pc = ParameterChange("armed_forces_cap", 600000, 800000, unit="personnel")
    >>> pc.label, pc.display()
    ('Armed forces cap', 'Armed forces cap: 600,000 personnel → 800,000 personnel')
    """

    name: str
    old: ParameterValue | None
    new: ParameterValue | None
    unit: str | None = None
    origin: str = "parameter"

    @property
    def kind(self) -> str:
        """ "added", "removed" or "changed"."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed"

    @property
    def label(self) -> str:
        """The parameter's name as a person writes it ("Ukraine's proposal", "Duration")."""
        from peacediff._labels import figure_label, humanize

        return figure_label(self.name) if self.origin == "text" else humanize(self.name)

    def display(self, label: bool = True) -> str:
        """The change read alone: ``'Armed forces cap: 600,000 personnel → 800,000 personnel'``.

        With ``label=False``, the values only, for a table cell or a chip that
        already names the parameter: a unit both quantities share is written once,
        at the end (``'600,000 → 800,000 personnel'``).

        >>> pc = ParameterChange("armed_forces_cap", 600000, 800000, unit="personnel")
        >>> pc.display()
        'Armed forces cap: 600,000 personnel → 800,000 personnel'
        >>> pc.display(label=False)
        '600,000 → 800,000 personnel'
        """
        if label:
            return f"{self.label}: {format_value(self.old, self.unit)} → {format_value(self.new, self.unit)}"
        quantities = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (self.old, self.new))
        if self.unit and quantities and self.unit not in (*CURRENCY_UNITS, "percent"):
            return f"{format_value(self.old)} → {format_value(self.new, self.unit)}"
        return f"{format_value(self.old, self.unit)} → {format_value(self.new, self.unit)}"

    def inverse(self) -> ParameterChange:
        """The same change seen from the other side."""
        return attrs.evolve(self, old=self.new, new=self.old)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "name": self.name,
            "label": self.label,
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
    """A candidate partner below the confidence bar, kept for views as a hint.

    ``similarity`` is the share of text kept, as for :attr:`Change.similarity`;
    ``link_score`` the aligner's cosine that ranked it (below the bar to link);
    ``shared`` what the two provisions have in common, as readers name it: the rare
    words both use (as the unlinked provision writes them), then the drafting concepts
    both express ("armed forces" for "army" and "troops").  Rival plans word one topic
    differently, so the words kept are few and ``shared`` is why the hint is offered.
    """

    provision: Provision
    similarity: float
    link_score: float | None = None
    shared: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "number": self.provision.number,
            "key": self.provision.key,
            "similarity": round(self.similarity, 4),
            "link_score": None if self.link_score is None else round(self.link_score, 4),
            "shared": list(self.shared),
        }


def _possible_record(hint: PossibleMatch | None) -> dict[str, Any]:
    """The possible-match columns of :meth:`Comparison.to_records` (empty for a linked change)."""
    if hint is None:
        return {"possible_match": None, "possible_score": None, "possible_shared": ""}
    p = hint.provision
    return {
        "possible_match": p.number if p.number is not None else p.key,
        "possible_score": None if hint.link_score is None else round(hint.link_score, 4),
        "possible_shared": ", ".join(hint.shared),
    }


def shown_similarity(ops: Sequence[Op]) -> float:
    """The one similarity shown to readers ("N % similar"): the share of text the word diff keeps.

    2 · kept characters / (old length + new length), from the ops of the pair's word diff;
    1.0 for identical texts.  The same number whatever rule linked the pair (or none, for a
    possible match); the aligner's own score is :attr:`Change.link_score`.
    """
    return textdiff.ops_similarity(ops)


@attrs.frozen
class Dispute:
    """A point on which reports disagree that bears on a change (a :class:`Variant` and who records it).

    Carried by the change so that every view (and the JSON) marks a disputed figure as
    disputed, not only the HTML page.  ``version`` is the id of the version whose file records
    the dispute; it does not depend on the direction of the comparison.
    """

    version: str
    variant: Variant

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: the recording version's id, then the variant's fields."""
        return {"version": self.version, **self.variant.to_dict()}


def _member_of(options: tuple[str, ...], optional: bool = False) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """A validator that does what ``attrs.validators.in_(options)`` does (the same error), optionally
    letting None through, at a third of its cost: a long document builds one Change per provision."""
    allowed = frozenset(options)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            if value in allowed or (optional and value is None):
                return
        except TypeError:  # an unhashable value is in no set of names
            pass
        raise ValueError(f"'{attribute.name}' must be in {options!r} (got {value!r})", attribute, options, value)

    return check


@attrs.frozen(repr=False)
class Change:
    """What happened to one provision (or one split/merge group) between two versions.

    Example::

        >>> from peacediff.model import Version
        >>> a = Version.from_texts("a", ["Forces capped at 600,000."])
        >>> b = Version.from_texts("b", ["Forces capped at 800,000."])
        >>> change = compare(a, b).changes[0]
        >>> change.kind, change.label
        ('modified', '1')
        >>> change.ops
        ((0, 'Forces capped at '), (-1, '600,000'), (1, '800,000'), (0, '.'))

    ``old`` and ``new`` hold 1:1 pairs, 1:n for ``split``, n:1 for ``merged``,
    and one side empty for ``added``, ``removed`` and ``unknown``.  ``ops`` are
    diff-match-patch tuples over the provisions' ``full_text`` (parts joined by
    newlines): equal+delete ops rebuild the old text, equal+insert the new.
    ``text_ops`` are the same kind of ops over the provisions' own ``text`` only, without
    their sub-points; they are set when sub-points exist, so a view can show the
    provision's own wording once and each sub-point through its own sub-change.

    ``matched_by`` is the family of the rule that linked the pair (``MATCH_RULES``);
    ``rule`` the precise pass (``align.KEY_PASSES`` / ``align.TEXT_PASSES``, e.g.
    ``number-in-step``, ``slot``).  ``similarity`` is the number readers see as "N %
    similar", one definition for every rule (:func:`shown_similarity`: the share of text
    the word diff keeps); ``link_score`` is the aligner's own score for the pair (the
    IDF-weighted word cosine; None for key links), which decided the link.
    """

    kind: str = attrs.field(validator=_member_of(CHANGE_KINDS))
    old: tuple[Provision, ...] = ()
    new: tuple[Provision, ...] = ()
    renumbered: bool = False
    moved: bool = False
    matched_by: str | None = attrs.field(default=None, validator=_member_of(MATCH_RULES, optional=True))
    rule: str | None = None
    similarity: float | None = None
    link_score: float | None = None
    ops: tuple[Op, ...] = ()
    parameter_changes: tuple[ParameterChange, ...] = ()
    modality_shifts: tuple[ModalityShift, ...] = ()
    possible_match: PossibleMatch | None = None
    subchanges: tuple[Change, ...] = ()
    note: str | None = None
    disputes: tuple[Dispute, ...] = ()
    text_ops: tuple[Op, ...] = ()

    def __repr__(self) -> str:
        flags = [flag for flag, on in (("renumbered", self.renumbered), ("moved", self.moved)) if on]
        if self.parameter_changes:
            flags.append(f"{len(self.parameter_changes)} parameter change(s)")
        if self.subchanges:
            flags.append(f"{len(self.subchanges)} sub-change(s)")
        how = f" by {self.matched_by}" if self.matched_by else ""
        extra = f" ({', '.join(flags)})" if flags else ""
        return f"<Change {self.kind} {self.label}{how}{extra}>"

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

    def inverse(self) -> Change:
        """The same change seen from the other side.

        added ↔ removed, split ↔ merged; an ``unknown`` fate stays unknown but
        moves to the other side (the partial version is now the old one: its
        silence about a provision is still not a removal).  Ops flip sign,
        parameter changes and modality shifts swap old and new, sub-changes
        are inverted and put in the other side's reading order.
        """
        if self.kind == "unchanged" and not (self.subchanges or self.parameter_changes or self.modality_shifts):
            # The common case in a long document: the ops are one equality and stay as they are.
            return Change(
                kind="unchanged",
                old=self.new,
                new=self.old,
                renumbered=self.renumbered,
                moved=self.moved,
                matched_by=self.matched_by,
                rule=self.rule,
                similarity=self.similarity,
                link_score=self.link_score,
                ops=self.ops,
                possible_match=self.possible_match,
                note=self.note,
                disputes=self.disputes,
            )
        subchanges = tuple(s.inverse() for s in self.subchanges)
        if subchanges:
            subchanges = reading_order(
                subchanges,
                [s for p in self.new for s in p.subpoints],
                [s for p in self.old for s in p.subpoints],
            )
        return Change(
            kind=INVERSE_KIND[self.kind],
            old=self.new,
            new=self.old,
            renumbered=self.renumbered,
            moved=self.moved,
            matched_by=_INVERSE_RULE.get(self.matched_by, self.matched_by) if self.matched_by else None,
            rule=self.rule,
            similarity=self.similarity,
            link_score=self.link_score,
            ops=textdiff.invert_ops(self.ops),
            parameter_changes=tuple(pc.inverse() for pc in self.parameter_changes),
            modality_shifts=tuple(m.inverse() for m in self.modality_shifts),
            possible_match=self.possible_match,
            subchanges=subchanges,
            note=self.note,
            disputes=self.disputes,
            text_ops=textdiff.invert_ops(self.text_ops),
        )

    @property
    def disputed_parameters(self) -> frozenset[str]:
        """Names of the parameters on which the reports about this change disagree."""
        return frozenset(d.variant.parameter for d in self.disputes if d.variant.parameter)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        disputed = self.disputed_parameters
        return {
            "kind": self.kind,
            "old": [p.to_dict() for p in self.old],
            "new": [p.to_dict() for p in self.new],
            "old_numbers": list(self.old_numbers),
            "new_numbers": list(self.new_numbers),
            "renumbered": self.renumbered,
            "moved": self.moved,
            "matched_by": self.matched_by,
            "rule": self.rule,
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "link_score": None if self.link_score is None else round(self.link_score, 4),
            "ops": [[op, text] for op, text in self.ops],
            "parameter_changes": [{**pc.to_dict(), "disputed": pc.name in disputed}
                                  for pc in self.parameter_changes],
            "modality_shifts": [m.to_dict() for m in self.modality_shifts],
            "possible_match": None if self.possible_match is None else self.possible_match.to_dict(),
            "subchanges": [s.to_dict() for s in self.subchanges],
            "note": self.note,
            "disputes": [d.to_dict() for d in self.disputes],
            "text_ops": [[op, text] for op, text in self.text_ops],
        }


@attrs.frozen(repr=False)
class Comparison(Displayable):
    """Two versions aligned provision by provision.

    Example::

        >>> from peacediff.model import Version
        >>> a = Version.from_texts("a", ["A ceasefire.", "Forces capped at 600,000."])
        >>> b = Version.from_texts("b", ["Forces capped at 800,000.", "A ceasefire."])
        >>> c = compare(a, b)
        >>> c
        <Comparison a → b: 1 unchanged, 1 modified>
        >>> c.has_differences
        True
        >>> html = c.to_html()  # a self-contained redline page; to_markdown() and to_text() too

    ``changes`` are in reading order: the new version's order, with removed
    and unknown provisions placed where they stood in the old one.
    ``budget_exhausted`` is True when a deterministic work budget stopped the
    aligner or the text diff early; ``budget_notes`` say which and where.
    ``config`` is the aligner's configuration; ``passes`` how many links each pass of
    the aligner made, in run order, summed over every level (sub-points too).
    """

    old: Version
    new: Version
    changes: tuple[Change, ...]
    #: The alignment that was used: "keys" or "text" (``compare(align="auto")`` resolves to one of them).
    align: str = attrs.field(default="keys", validator=attrs.validators.in_(("keys", "text")))
    budget_exhausted: bool = False
    budget_notes: tuple[str, ...] = ()
    config: AlignConfig = _DEFAULT_CONFIG
    passes: tuple[tuple[str, int], ...] = ()

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.counts.items() if n) or "no provisions"
        return f"<Comparison {self.old.id} → {self.new.id}: {counts}>"

    def __str__(self) -> str:
        """The plain-text redline, as ``print(comparison)`` should show it."""
        return self.to_text()

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

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per change, in reading order: what a spreadsheet or a data frame wants.

        Columns: ``kind``, ``old_numbers`` / ``new_numbers`` (comma-separated), ``label``,
        ``old_keys`` / ``new_keys``, ``matched_by``, ``rule``, ``similarity``, ``renumbered``,
        ``moved``, ``parameter_changes`` (each ``name: old → new``, joined by "; "),
        ``disputed`` (the disputed parameters), ``subchanges`` (how many), and for an
        unlinked provision its possible match: ``possible_match`` (the partner's number, or
        its key when it has none), ``possible_score`` (the aligner's score) and
        ``possible_shared`` (what the two have in common, joined by ", ").

        Example::

            >>> from peacediff.model import Version
            >>> a = Version.from_texts("a", ["Forces capped at 600,000."])
            >>> b = Version.from_texts("b", ["Forces capped at 800,000."])
            >>> row = compare(a, b).to_records()[0]
            >>> row["kind"], row["label"], row["parameter_changes"]
            ('modified', '1', 'Number: 600,000 → 800,000')
        """
        return [
            {
                "kind": ch.kind,
                "old_numbers": ", ".join(ch.old_numbers),
                "new_numbers": ", ".join(ch.new_numbers),
                "label": ch.label,
                "old_keys": ", ".join(p.key for p in ch.old if p.key),
                "new_keys": ", ".join(p.key for p in ch.new if p.key),
                "matched_by": ch.matched_by,
                "rule": ch.rule,
                "similarity": None if ch.similarity is None else round(ch.similarity, 4),
                "renumbered": ch.renumbered,
                "moved": ch.moved,
                "parameter_changes": "; ".join(pc.display() for pc in ch.parameter_changes),
                "disputed": ", ".join(sorted(ch.disputed_parameters)),
                "subchanges": len(ch.subchanges),
                **_possible_record(ch.possible_match),
            }
            for ch in self.changes
        ]

    def to_csv(self) -> str:
        """:meth:`to_records` as CSV text (a cell that would start a spreadsheet formula gets a ``'``)."""
        return render(self, "csv")

    def to_pandas(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame`` (needs pandas, which peacediff does not require)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Comparison.to_pandas() needs pandas: pip install pandas") from None
        return pandas.DataFrame.from_records(self.to_records())

    def to_docx(self, path: str | os.PathLike[str] | None = None) -> bytes:
        """A Word document with the changes as native tracked changes; written (atomically) to ``path`` if given.

        Accepting every change gives the new version's provisions, rejecting every change the
        old version's; provisions whose fate is not reported are shown as they are, marked so.
        The bytes are the same for the same comparison (docs/documents.md).
        """
        from peacediff._display import render_bytes
        from peacediff._files import atomic_write_bytes

        data = render_bytes(self, "docx")
        if path is not None:
            atomic_write_bytes(path, data)
        return data

    @property
    def has_differences(self) -> bool:
        """True unless every change is ``unchanged`` (drives ``--exit-code``)."""
        return any(ch.kind != "unchanged" or ch.renumbered or ch.moved for ch in self.changes)

    def inverse(self) -> Comparison:
        """The comparison of ``new`` against ``old``: ``compare(b, a) == compare(a, b).inverse()``.

        >>> from peacediff.model import Version
        >>> a = Version.from_texts("a", ["A ceasefire.", "Forces capped at 600,000."])
        >>> b = Version.from_texts("b", ["Forces capped at 800,000.", "A ceasefire."])
        >>> back = compare(a, b).inverse()
        >>> back
        <Comparison b → a: 1 unchanged, 1 modified>
        >>> back == compare(b, a)
        True
        """
        changes = reading_order(tuple(ch.inverse() for ch in self.changes), self.new.provisions, self.old.provisions)
        return Comparison(
            old=self.new,
            new=self.old,
            changes=changes,
            align=self.align,
            budget_exhausted=self.budget_exhausted,
            budget_notes=self.budget_notes,
            config=self.config,
            passes=self.passes,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict, schema ``docs/schema/comparison.json``, fixed key order.

        >>> import json
        >>> from peacediff.model import Version
        >>> a = Version.from_texts("a", ["Forces capped at 600,000."])
        >>> b = Version.from_texts("b", ["Forces capped at 800,000."])
        >>> d = compare(a, b).to_dict()
        >>> d["schema"], d["counts"]["modified"]
        ('peacediff.comparison', 1)
        >>> d["changes"][0]["parameter_changes"][0]["display"]
        'Number: 600,000 → 800,000'
        >>> text = json.dumps(d, ensure_ascii=False, indent=2)  # the same bytes for the same versions
        """
        return {
            "schema": "peacediff.comparison",
            "schema_version": SCHEMA_VERSION,
            "align": self.align,
            "alignment": {"config": self.config.to_dict(), "passes": dict(self.passes)},
            "old": _version_header(self.old),
            "new": _version_header(self.new),
            "counts": self.counts,
            "budget_exhausted": self.budget_exhausted,
            "budget_notes": list(self.budget_notes),
            "changes": [ch.to_dict() for ch in self.changes],
        }


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


# --------------------------------------------------------------------------- compare


def compare(old: Version, new: Version, align: str = "auto", config: AlignConfig | None = None) -> Comparison:
    """Align two versions provision by provision and say what happened to each.

    ``align="keys"`` links provisions by lineage key (splits and merges from
    ``origins``); ``"text"`` ignores keys and aligns by wording; ``"auto"``
    uses keys when every provision of both versions has one and the two share a key (or a
    key one names in ``origins``): two plans keyed in families of their own are rivals, not
    mark-ups of each other, and are aligned by text.  ``config`` sets the text
    aligner's thresholds and work budgets (:class:`peacediff.AlignConfig`; the measured
    defaults when None); the result records it in ``Comparison.config``.

    The result does not depend on the argument order beyond direction:
    ``compare(b, a) == compare(a, b).inverse()``, exactly.

    Example::

        >>> from peacediff.model import Version
        >>> a = Version.from_texts("a", ["A ceasefire.", "Forces capped at 600,000."])
        >>> b = Version.from_texts("b", ["Forces capped at 800,000.", "A ceasefire."])
        >>> c = compare(a, b)
        >>> [(ch.kind, ch.label, ch.moved) for ch in c.changes]
        [('modified', '2 → 1', False), ('unchanged', '1 → 2', True)]
        >>> [pc.display() for pc in c.changes[0].parameter_changes]
        ['Number: 600,000 → 800,000']
    """
    if align not in ALIGN_MODES:
        raise ValueError(f"align must be one of {', '.join(ALIGN_MODES)}; got {align!r}")
    if not isinstance(old, Version) or not isinstance(new, Version):
        raise TypeError("compare() takes two Version objects (see peacediff.load and Version.from_texts)")
    if config is None:
        config = _DEFAULT_CONFIG
    elif not isinstance(config, AlignConfig):
        raise TypeError(f"config must be a peacediff.AlignConfig; got {type(config).__name__}")
    mode = align
    if mode == "auto":
        mode = _auto_mode(old, new)
    # Every step is symmetric (the text aligner and the word diff work in one canonical
    # direction), so compare(b, a) is exactly compare(a, b).inverse() (decision 0003).
    # The process's garbage collector is the caller's business: a library call leaves it be
    # (the command line, which owns its process, pauses it; see cli.main).
    return _compare(old, new, mode, config)


def compare_known(old: Version, new: Version, known: Mapping[tuple[str, str], Comparison] | None,
                  align: str = "auto") -> Comparison:
    """``compare(old, new, align)``, or the same comparison from ``known`` (by ``(old.id, new.id)``)
    when it was made from these very version objects with the same alignment: views built on
    several comparisons (the site, the matrix, three-way pages) compare each pair once."""
    found = known.get((old.id, new.id)) if known else None
    if (found is not None and found.old is old and found.new is new
            and (align == found.align or (align == "auto" and found.align == _auto_mode(old, new)))):
        return found
    return compare(old, new, align=align)


def _auto_mode(old: Version, new: Version) -> str:
    if not (_all_keyed(old) and _all_keyed(new)):
        return "text"
    # Two plans keyed in families of their own (rival drafts, not mark-ups of each other)
    # share no key and no origin: keys would link nothing and leave every point removed or
    # unknown beside an added one, so their wording is the only evidence there is.
    return "keys" if _lineage_names(old) & _lineage_names(new) else "text"


def _lineage_names(v: Version) -> set[str]:
    """The keys of a version's provisions and the keys their ``origins`` name."""
    names = {p.key for p in v.provisions if p.key}
    names.update(o for p in v.provisions for o in p.origins)
    return names


def _all_keyed(v: Version) -> bool:
    return all(p.key for p in v.provisions)


class _Scope(NamedTuple):
    """What decides removed / added / unknown for one list of provisions.

    ``old_partial`` / ``new_partial``: whether a side cannot vouch for what it does not
    mention at this level.  At the top level that is the version's coverage; inside a
    provision, whether that provision or any provision above it (on that side) is
    partial (``Provision.is_partial``).  A version's coverage is about which points it
    records, not about the content of a point it does record, so it does not reach
    into sub-points.  A provision missing on a partial side is ``unknown``, never
    ``removed`` or ``added``, unless the other version records its removal
    (``[[removed]]``).
    """

    old: Version
    new: Version
    old_partial: bool
    new_partial: bool
    #: Inside a provision: then a side's partiality is inherited by everything below it.
    nested: bool = False


class _Budget:
    def __init__(self, config: AlignConfig, passes: tuple[str, ...]) -> None:
        # Labels ("point 5 → 5, 6") of the pairs over the word-diff budget, by how they were diffed.
        self.sentence_pairs: list[str] = []
        self.long_pairs: list[str] = []
        self.config = config
        self.passes = dict.fromkeys(passes, 0)  # links per aligner pass, every level summed
        # Possible-match similarities by (old text, new text): two unlinked provisions often
        # name each other as their possible match, and the word diff is the costly part.
        self._similar: dict[tuple[str, str], float] = {}

    def similarity(self, old_text: str, new_text: str) -> float:
        """:func:`shown_similarity` of the pair's word diff, computed once per comparison."""
        key = (old_text, new_text)
        found = self._similar.get(key)
        if found is None:
            found = self._similar[key] = shown_similarity(textdiff.word_ops(old_text, new_text))
        return found


def _compare(old: Version, new: Version, mode: str, config: AlignConfig = _DEFAULT_CONFIG) -> Comparison:
    # The aligner loads with the first comparison, not with `import peacediff`.
    from peacediff import align as _align

    budget = _Budget(config, (*_align.KEY_PASSES, *_align.TEXT_PASSES) if mode == "keys" else _align.TEXT_PASSES)
    scope = _Scope(old, new, old.coverage == "partial", new.coverage == "partial")
    changes, change_notes = _changes(old.provisions, new.provisions, scope, mode, budget)
    notes = list(change_notes)
    notes.extend(_word_diff_notes(budget))
    return Comparison(
        old=old,
        new=new,
        changes=changes,
        align=mode,
        budget_exhausted=bool(notes),
        budget_notes=tuple(notes),
        config=config,
        passes=tuple(budget.passes.items()),
    )


def _word_diff_notes(budget: _Budget) -> list[str]:
    """The budget notes for pairs not diffed word by word in one pass: how many, which, and what it means."""
    limit = f"more than {textdiff.DIFF_CELL_BUDGET:,} word comparisons"
    notes = []
    if budget.sentence_pairs:
        notes.append(
            f"word diff: {_provisions(budget.sentence_pairs)} rewritten too widely to compare word by word in "
            f"one pass ({limit}), so sentences were matched first and words only inside changed sentences; "
            f"a reworded passage may show as whole sentences replaced: {_which(budget.sentence_pairs)}"
        )
    if budget.long_pairs:
        notes.append(
            f"word diff: {_provisions(budget.long_pairs)} rewritten too widely to compare word by word or "
            f"sentence by sentence ({limit}), so the old and new text are shown whole, as one deletion and one "
            f"insertion; their figures and modal verbs are still compared: {_which(budget.long_pairs)}"
        )
    return notes


def _provisions(labels: list[str]) -> str:
    return "1 provision was" if len(labels) == 1 else f"{len(labels)} provisions were"


def _which(labels: list[str]) -> str:
    return "; ".join(labels[:10]) + ("; …" if len(labels) > 10 else "")


def _pair_label(olds: tuple[Provision, ...], news: tuple[Provision, ...]) -> str:
    old = ", ".join(p.label for p in olds) or "∅"
    new = ", ".join(p.label for p in news) or "∅"
    return f"point {old}" if old == new else f"point {old} → {new}"


def _changes(
    old_list: Sequence[Provision],
    new_list: Sequence[Provision],
    scope: _Scope,
    mode: str,
    budget: _Budget,
) -> tuple[tuple[Change, ...], tuple[str, ...]]:
    """Changes between two provision lists (top level or sub-points), in reading order."""
    from peacediff import align as _align  # loaded by the first comparison, not by `import peacediff`

    if mode == "keys":
        alignment = _align.align_keys(old_list, new_list, budget.config)
    else:
        alignment = _align.align_text(old_list, new_list, budget.config)
    for name, count in alignment.passes:
        budget.passes[name] += count
    notes = list(alignment.notes)
    out: list[Change] = []
    linked_old: set[int] = set()
    linked_new: set[int] = set()
    moved = alignment.moved
    for k, link in enumerate(alignment.links):
        linked_old.update(link.old)
        linked_new.update(link.new)
        if len(link.old) == 1 and len(link.new) == 1:
            a, b = old_list[link.old[0]], new_list[link.new[0]]
            if _is_unchanged(a, b):  # most links of a long document: no call, no tuples
                out.append(_unchanged(a, b, link, k in moved))
                continue
            olds: tuple[Provision, ...] = (a,)
            news: tuple[Provision, ...] = (b,)
        else:
            olds = tuple([old_list[i] for i in link.old])
            news = tuple([new_list[j] for j in link.new])
        change, sub_notes = _linked_change(olds, news, link, k in moved, scope, mode, budget)
        if sub_notes:
            notes.extend(n for n in sub_notes if n not in notes)
        out.append(change)
    out.extend(_unlinked_changes(old_list, new_list, linked_old, alignment, "old", scope.new, scope.new_partial,
                                 budget))
    out.extend(_unlinked_changes(new_list, old_list, linked_new, alignment, "new", scope.old, scope.old_partial,
                                 budget))
    if scope.old.variants or scope.new.variants:
        out = [_with_disputes(ch, scope) for ch in out]
    return reading_order(out, old_list, new_list), tuple(notes)


def _with_disputes(change: Change, scope: _Scope) -> Change:
    """``change`` with the reported variants that bear on it: those keyed to one of its provisions
    (or, where it has no sub-changes to carry their own, to one of their sub-points)."""
    sides = change.old + change.new
    provisions = sides if change.subchanges else Version.walk_all(sides)
    keys = {p.key for p in provisions if p.key}
    found = {
        (version.id, variant.id): Dispute(version.id, variant)
        for version in (scope.old, scope.new)
        for variant in version.variants
        if variant.key is not None and variant.key in keys
    }
    if not found:
        return change
    # Sorted by ids, not by side, so that compare(b, a) == compare(a, b).inverse() holds exactly.
    return attrs.evolve(change, disputes=tuple(found[k] for k in sorted(found)))


def _unlinked_changes(
    side: Sequence[Provision],
    other: Sequence[Provision],
    linked: set[int],
    alignment: _align.Alignment,
    name: str,
    other_version: Version,
    other_partial: bool,
    budget: _Budget,
) -> list[Change]:
    """Changes for the provisions of one side that have no partner: removed (old side) or
    added (new side), or unknown when the other side is a partial record that does not
    report their removal.  Written once for both sides so that inverse() stays exact."""
    is_old = name == "old"
    out = []
    for i, p in enumerate(side):
        if i in linked:
            continue
        removal = other_version.removal(p.key) if p.key else None
        hint = alignment.possible.get((name, i))
        possible = None
        if hint is not None:
            partner = other[hint[0]]
            pair = (p.full_text, partner.full_text) if is_old else (partner.full_text, p.full_text)
            shared = readable_marks(p.full_text, alignment.shared.get((name, i), ()))
            possible = PossibleMatch(partner, budget.similarity(*pair), hint[1], shared)
        out.append(Change(
            kind="unknown" if other_partial and removal is None else ("removed" if is_old else "added"),
            old=(p,) if is_old else (),
            new=() if is_old else (p,),
            ops=textdiff.normalise_ops([(-1 if is_old else 1, p.full_text)]),
            possible_match=possible,
            note=None if removal is None else removal.note,
        ))
    return out


def _linked_change(
    olds: tuple[Provision, ...],
    news: tuple[Provision, ...],
    link: _align.Link,
    moved: bool,
    scope: _Scope,
    mode: str,
    budget: _Budget,
) -> tuple[Change, tuple[str, ...]]:
    """The change of a link whose sides are not one unchanged pair (the caller, :func:`_changes`,
    makes that change itself) and the notes its sub-points leave."""
    old_text = "\n".join(p.full_text for p in olds)
    new_text = "\n".join(p.full_text for p in news)
    ops, diff_mode = textdiff.diff_words(old_text, new_text)
    if diff_mode == "sentences":
        budget.sentence_pairs.append(_pair_label(olds, news))
    elif diff_mode == "whole":
        budget.long_pairs.append(_pair_label(olds, news))
    # A summary cannot vouch that a sub-point or figure it does not mention was dropped,
    # and neither can anything below it.
    old_partial = (scope.nested and scope.old_partial) or any(p.is_partial for p in olds)
    new_partial = (scope.nested and scope.new_partial) or any(p.is_partial for p in news)
    params, shifts = _facts(olds, news, old_text, new_text, ops, old_partial, new_partial)
    if len(olds) > 1:
        kind = "merged"
    elif len(news) > 1:
        kind = "split"
    elif old_text == new_text and not params:
        kind = "unchanged"
    else:
        kind = "modified"
    old_numbers = {p.number for p in olds if p.number is not None}
    new_numbers = {p.number for p in news if p.number is not None}
    renumbered = bool(old_numbers) and bool(new_numbers) and not (old_numbers & new_numbers)
    subchanges: tuple[Change, ...] = ()
    notes: tuple[str, ...] = ()
    text_ops: tuple[Op, ...] = ()
    if any(p.subpoints for p in olds) or any(p.subpoints for p in news):
        sub_scope = _Scope(scope.old, scope.new, old_partial, new_partial, nested=True)
        subchanges, notes, text_ops = _subchanges(olds, news, sub_scope, mode, budget)
    change = Change(
        kind=kind,
        old=olds,
        new=news,
        renumbered=renumbered,
        moved=moved,
        matched_by=link.matched_by,
        rule=link.rule or None,
        similarity=shown_similarity(ops),
        link_score=link.similarity,
        ops=ops,
        parameter_changes=params,
        modality_shifts=shifts,
        subchanges=subchanges,
        text_ops=text_ops,
    )
    return change, notes


def _is_unchanged(a: Provision, b: Provision) -> bool:
    """Whether a 1:1 pair is :func:`_unchanged`'s case: the same text, nothing below it, no parameters."""
    return a.text == b.text and not (a.subpoints or b.subpoints or a.parameters or b.parameters)


def _unchanged(a: Provision, b: Provision, link: _align.Link, moved: bool) -> Change:
    """The change of a 1:1 pair with the same text and nothing below it: the common case in a
    long document, with nothing to diff and no figure or modal verb to compare."""
    # Positional, in field order (kind, old, new, renumbered, moved, matched_by, rule, similarity,
    # link_score, ops): a long document builds thousands of these, and keywords cost a fifth more.
    return Change(
        "unchanged",
        (a,),
        (b,),
        a.number is not None and b.number is not None and a.number != b.number,
        moved,
        link.matched_by,
        link.rule or None,
        1.0,
        link.similarity,
        ((0, a.text),) if a.text else (),
    )


def _facts(
    olds: tuple[Provision, ...],
    news: tuple[Provision, ...],
    old_text: str,
    new_text: str,
    ops: tuple[Op, ...],
    old_partial: bool,
    new_partial: bool,
) -> tuple[tuple[ParameterChange, ...], tuple[ModalityShift, ...]]:
    """The parameter changes and modality shifts of a linked pair whose word ops are ``ops``."""
    # A text that only describes what was reported has no figures or modal verbs to compare.
    wording = all(p.wording_known for p in olds) and all(p.wording_known for p in news)
    # Figures and modal verbs are looked for only where the wording changed (the result is the same).
    windows = changed_windows(old_text, new_text, ops) if wording and old_text != new_text else None
    params = _parameter_changes(olds, news, old_text if wording else "", new_text if wording else "", windows)
    params = tuple(
        pc
        for pc in params
        if not (pc.origin == "parameter" and ((pc.new is None and new_partial) or (pc.old is None and old_partial)))
    )
    shifts: tuple[ModalityShift, ...] = ()
    if wording and old_text != new_text:
        shifts = tuple(ModalityShift(a, b) for a, b in modality.modality_shifts(old_text, new_text, windows=windows))
    return params, shifts


def _subchanges(
    olds: tuple[Provision, ...],
    news: tuple[Provision, ...],
    sub_scope: _Scope,
    mode: str,
    budget: _Budget,
) -> tuple[tuple[Change, ...], tuple[str, ...], tuple[Op, ...]]:
    """The sub-changes of a linked pair, their notes, and the ops of the provisions' own wording."""
    sub_old = [s for p in olds for s in p.subpoints]
    sub_new = [s for p in news for s in p.subpoints]
    subchanges, notes = _changes(sub_old, sub_new, sub_scope, mode, budget)
    # The provisions' own wording, diffed apart from their sub-points: the sub-changes say
    # what happened to each sub-point (an unreported one is not a deletion of text).
    text_ops = textdiff.word_ops("\n".join(p.text for p in olds), "\n".join(p.text for p in news))
    return subchanges, notes, text_ops


def _parameter_changes(
    olds: tuple[Provision, ...],
    news: tuple[Provision, ...],
    old_text: str,
    new_text: str,
    windows: ChangeWindows | None,
) -> tuple[ParameterChange, ...]:
    """Declared parameters that changed (sub-points included), then figures that changed in the text.

    A split or merge is compared as a whole: each side's parameters are those of
    all its parts, so a figure that moved into one of the parts is no change.  A
    number declared on one side only is no change either when the other side's
    text states it in the same unit ("within 21 days" there, ``deadline = 21``
    days here): only the record changed, not the provision.  ``old_text`` / ``new_text`` are
    empty where the wording is not known.
    """
    before = _declared(olds)
    after = _declared(news)
    out: list[ParameterChange] = []
    covered: set[float] = set()
    covered_text: list[str] = []
    stated: dict[str, list[figures.Figure]] = {}
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name, []), after.get(name, [])
        if a and b and _same_values(a, b):
            continue
        if not (a and b):
            other = old_text if b else new_text
            if other not in stated:
                stated[other] = figures.find_figures(other, include_weak=True)
            if all(_stated(prm, stated[other]) for prm in a or b):
                continue
        units = sorted({prm.unit for prm in (*a, *b) if prm.unit is not None})
        out.append(
            ParameterChange(
                name=name,
                old=_group_value(a),
                new=_group_value(b),
                unit=units[0] if units else None,
                origin="parameter",
            )
        )
        for prm in (*a, *b):
            if isinstance(prm.value, bool):
                continue
            if isinstance(prm.value, (int, float)):
                covered.add(float(prm.value))
            elif isinstance(prm.value, str):
                covered_text.append(prm.value.lower())
            else:
                covered_text.extend(v.lower() for v in prm.value)
    # The texts read whole for a declared number are not read again for the figures.
    for kind, x, y in figures.figure_changes(
        old_text, new_text, frozenset(covered), covered_text=covered_text, windows=windows, known=stated
    ):
        out.append(ParameterChange(name=kind, old=x, new=y, unit=None, origin="text"))
    return tuple(out)


def _declared(group: tuple[Provision, ...]) -> dict[str, list[Parameter]]:
    """Every parameter of a group of provisions (sub-points included), by name, in reading order."""
    found: dict[str, list[Parameter]] = {}
    for p in group:
        for prm in p.iter_parameters():
            found.setdefault(prm.name, []).append(prm)
    return found


def _same_values(a: list[Parameter], b: list[Parameter]) -> bool:
    """True when both sides declare the same values (each distinct value once; order aside)."""
    left = _distinct([prm.value for prm in a])
    right = _distinct([prm.value for prm in b])
    return len(left) == len(right) and all(any(_same_value(x, y) for y in right) for x in left)


def _distinct(values: list[ParameterValue]) -> list[ParameterValue]:
    out: list[ParameterValue] = []
    for v in values:
        if not any(_same_value(v, w) for w in out):
            out.append(v)
    return out


def _group_value(params: list[Parameter]) -> ParameterValue | None:
    """The value a side declares: None when it declares none; the values written out when its parts disagree."""
    values = _distinct([prm.value for prm in params])
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return "; ".join(prm.display() for prm in params)  # each part as the parameter shows itself


def _stated(prm: Parameter, found: list[figures.Figure]) -> bool:
    """True when one of the figures ``found`` in a text states the number ``prm`` declares, in its unit.

    Only numbers: a string value ("Line of Contact") named in the other text may
    stand there in another role, so it is never taken as stated.
    """
    value = prm.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    number = float(value)
    unit = prm.unit or ""
    days = figures.duration_days(number, unit) if unit in _DURATION_UNITS else None
    for f in found:
        if days is not None:
            if f.kind == "duration" and f.raw == number and f.value == days:
                return True
        elif unit in CURRENCY_UNITS:
            if f.kind == "amount" and f.unit == unit and f.value == number:
                return True
        elif unit == "percent":
            if f.kind == "percentage" and f.value == number:
                return True
        elif number in (f.value, f.raw) and f.kind not in ("date", "time", "duration", "amount", "percentage"):
            return True
    return False


#: The duration units a parameter may declare: the figure reader's, singular and plural.
_DURATION_UNITS = frozenset(u for unit in figures.DURATION_DAYS for u in (unit, unit + "s"))


def _same_value(a: ParameterValue, b: ParameterValue) -> bool:
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def reading_order(
    changes: Sequence[Change], old_list: Sequence[Provision], new_list: Sequence[Provision]
) -> tuple[Change, ...]:
    """Changes in the new side's order; old-only changes placed where they stood in the old side.

    An old-only change (removed, or unknown on the old side) follows the change
    holding the nearest provision before it in the old order.
    """
    old_pos = {id(p): k for k, p in enumerate(old_list)}
    new_pos = {id(p): k for k, p in enumerate(new_list)}
    # Each change's place as one integer, ordered as (new position, old-only?, old position)
    # would be: thousands of changes sort faster by integers than by tuples.
    span = len(old_list) + 1
    keys: list[int] = [0] * len(changes)
    # The last new position of the change holding each old provision (None for old-only).
    anchor_of_old: list[int | None] = [None] * len(old_list)
    old_only: list[tuple[int, int]] = []
    for k, ch in enumerate(changes):
        if not ch.new:
            old_only.append((k, min(old_pos[id(p)] for p in ch.old)))
            continue
        if len(ch.new) == 1:
            first = last = new_pos[id(ch.new[0])]
        else:
            positions = [new_pos[id(p)] for p in ch.new]
            first, last = min(positions), max(positions)
        keys[k] = (first + 1) * 2 * span
        for p in ch.old:
            anchor_of_old[old_pos[id(p)]] = last
    if old_only:
        preceding: list[int] = []
        running = -1
        for anchor in anchor_of_old:
            preceding.append(running)
            if anchor is not None:
                running = anchor
        for k, first in old_only:
            keys[k] = ((preceding[first] + 1) * 2 + 1) * span + first
    order = sorted(range(len(changes)), key=keys.__getitem__)
    return tuple(changes[k] for k in order)
