"""The redline's view model: a :class:`~peacediff.compare.Comparison` reshaped into plain view objects.

:func:`build_view` gives the templates everything they draw, in reading order: a
:class:`ChangeView` per change (label, text runs, notes, parameters, sub-points), move stubs
where moved provisions used to stand, the summary's counts and tables, and the legend of
the marks the page uses.  It never diffs and never aligns, and it knows no output format:
the templates and the Markdown and terminal filters draw what it holds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from peacediff._labels import humanize
from peacediff.compare import Change, Comparison, ParameterChange
from peacediff.model import Provision, Version, format_value
from peacediff.render._anchors import Anchors, change_anchors, provision_ids
from peacediff.render._notes import Note, notes_for, walk_changes
from peacediff.render._runs import own_segments
from peacediff.render._safetext import expose_invisible, safe_href
from peacediff.render._sources import SourceRef, VersionView, change_sources, version_view

#: What each change kind is called in views ("unknown" is a fate nobody reported, not a removal).
KIND_LABELS: dict[str, str] = {
    "unchanged": "unchanged",
    "modified": "modified",
    "added": "added",
    "removed": "removed",
    "split": "split",
    "merged": "merged",
    "unknown": "not reported",
}

#: Every mark a redline may use, in the order its legend lists them: ``(mark, shown as, meaning)``.
#: Each view lists the marks it uses (:attr:`RedlineView.legend`).
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("del", "struck through", "words deleted (red, struck through)"),
    ("ins", "underlined", "words inserted (blue, underlined)"),
    ("unchanged", "unchanged", "the provision reads the same in both versions"),
    ("modified", "modified", "its wording or its figures changed"),
    ("added", "added", "new in the newer version"),
    ("removed", "removed", "dropped: the newer version is complete here, or a report says it was dropped"),
    ("split", "split", "one old point became several new ones, shown together"),
    ("merged", "merged", "several old points became one, shown together"),
    ("unknown", "not reported", "no report says what became of it: not known to be dropped, so its text "
                                "is shown as it stood, never struck through"),
    ("renumbered", "renumbered", "the same provision under another number"),
    ("moved", "moved", "the same provision at another place in the order"),
    ("disputed", "disputed", "reports differ on this figure; the note lists each claim and its source"),
    ("arrow", "→", "old number → new number; old value → new value"),
    ("none", "∅", "no such point on that side: nothing before an added point, nothing after a removed one"),
    ("unknown-mark", "?", "the point's fate was not reported"),
    ("no-number", "–", "the point's number is not known, or the sub-point is not numbered"),
    ("text-figure", "figure in the text", "a figure read from the wording, not a recorded parameter"),
)

#: Titles longer than this are cut in lists and headings: a provision's first words name it well
#: enough, and the full text is one click away.
TITLE_CHARS = 72


@dataclass(frozen=True, slots=True, eq=False)
class LinkRef:
    """A link to another place in the redline: ``anchor`` is an element id or None."""

    label: str
    anchor: str | None
    title: str = ""


class _OfChange:
    """What a view of a change reads off the change itself: its kind and, for the markup contract's
    ``data-old`` / ``data-new`` attributes, its printed numbers."""

    __slots__ = ()
    change: Change

    @property
    def kind(self) -> str:
        return self.change.kind

    @property
    def data_old(self) -> str:
        return ",".join(self.change.old_numbers)

    @property
    def data_new(self) -> str:
        return ",".join(self.change.new_numbers)


@dataclass(frozen=True, slots=True, eq=False)
class ChangeView:
    """One change as the templates draw it.

    ``kind``, ``data_old`` and ``data_new`` are read off the change once here rather than per
    use: a 20,000-point page reads each of them several times a change.
    """

    change: Change
    kind: str
    data_old: str
    data_new: str
    index: int
    anchor: str
    extra_anchors: tuple[str, ...]
    label: str
    kind_label: str
    title: str
    segments: tuple[tuple[str, str], ...]
    is_redline: bool
    moved_from: LinkRef | None
    possible: LinkRef | None
    possible_pct: int | None
    wording_unknown: tuple[str, ...]
    notes: tuple[Note, ...]
    sources: tuple[SourceRef, ...]
    confidence: tuple[str, ...]
    params: tuple[ParamView, ...] = ()
    subs: tuple[SubView, ...] = ()
    match_note: str | None = None
    #: The possible match's aligner score ("0.19") and what the pair has in common (a few words
    #: and concepts, the rarest first; ``possible_more`` counts the rest).
    possible_score: str | None = None
    possible_shared: tuple[str, ...] = ()
    possible_more: int = 0
    #: Figures that reports dispute and that did not change here: ``(name, value, note numbers, how)``,
    #: ``how`` being "unchanged" for a linked pair, "as recorded" for a point on one side only.
    disputed_values: tuple[tuple[str, str, tuple[int, ...], str], ...] = ()
    #: The category of the change's first provision (new side, else old) and whether it was inferred.
    category: str | None = None
    category_inferred: bool = False
    #: Whether the change has anything beyond its heading, wording and match line (a move, a split
    #: or merger, an unreported fate, figures, sub-points, notes, sources...): the HTML template
    #: skips all those checks for the plain majority of a long redline.
    extras: bool = True
    is_stub = False

    @property
    def is_disputed(self) -> bool:
        return bool(self.disputed_values) or any(pv.disputed for pv in self.params)

    @property
    def shown_notes(self) -> tuple[Note, ...]:
        """Removal reports and disputed figures: what a reader of the redline must see."""
        return tuple(n for n in self.notes if n.kind != "evidence")

    @property
    def evidence_notes(self) -> tuple[Note, ...]:
        """Evidence quotes: folded away with the sources until asked for (and when printing)."""
        return tuple(n for n in self.notes if n.kind == "evidence")

    @property
    def is_quiet(self) -> bool:
        """Unchanged, in place, under the same number and with no disputed figure: summaries list
        it instead of showing it."""
        ch = self.change
        return ch.kind == "unchanged" and not ch.renumbered and not ch.moved and not self.disputed_values


@dataclass(frozen=True, slots=True, eq=False)
class MoveStub:
    """Where a moved provision stood in the old version, linking to where it is now."""

    anchor: str
    old_label: str
    target: LinkRef
    is_stub = True


@dataclass(frozen=True, slots=True, eq=False)
class ParamView:
    """A parameter change as views show it: its name, both values with their units, and the
    numbers of the notes saying that reports of this figure differ."""

    parameter_change: ParameterChange
    name: str
    old: str
    new: str
    disputed: tuple[int, ...] = ()
    change_text: str = ""

    @property
    def origin(self) -> str:
        return self.parameter_change.origin

    @property
    def is_figure(self) -> bool:
        """A quantity (a number, an amount, a duration) on at least one side: what readers look for first."""
        pc = self.parameter_change
        return any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (pc.old, pc.new))

    @property
    def disputed_label(self) -> str:
        """``'disputed: reports differ, see note 7'``, or "" when no report disputes it."""
        if not self.disputed:
            return ""
        numbers = ", ".join(str(n) for n in self.disputed)
        return f"disputed: reports differ, see note{'s' if len(self.disputed) > 1 else ''} {numbers}"


@dataclass(frozen=True, slots=True, eq=False)
class SubView(_OfChange):
    """A sub-point's change as the templates draw it, nested under its provision's change."""

    change: Change
    label: str
    kind_label: str
    segments: tuple[tuple[str, str], ...]
    params: tuple[ParamView, ...]
    subs: tuple[SubView, ...]

    @property
    def is_redline(self) -> bool:
        return self.change.kind != "unknown"

    @property
    def text(self) -> str:
        """The sub-point's text as it stands (what an unknown sub-point shows)."""
        return "".join(t for _, t in self.segments)


@dataclass(frozen=True, slots=True, eq=False)
class ParameterRow:
    """A row of the summary's parameter-change table."""

    view: ChangeView
    name: str
    parameter_change: ParameterChange
    param: ParamView | None = None


@dataclass(frozen=True, slots=True, eq=False)
class ParameterGroup:
    """The parameter changes of one provision, for the summary's table."""

    view: ChangeView
    params: tuple[ParamView, ...]


@dataclass(frozen=True, slots=True, eq=False)
class RedlineView:
    """Everything a redline template needs, in reading order."""

    comparison: Comparison
    title: str
    old: VersionView
    new: VersionView
    items: tuple[ChangeView | MoveStub, ...]
    changes: tuple[ChangeView, ...]
    counts: tuple[tuple[str, str, int], ...]
    renumbered: int
    moved: int
    parameter_rows: tuple[ParameterRow, ...]
    dropped: tuple[ChangeView, ...]
    not_reported: tuple[ChangeView, ...]
    possible: tuple[ChangeView, ...]
    id_prefix: str
    parameter_groups: tuple[ParameterGroup, ...] = ()
    figures: tuple[ParameterRow, ...] = ()
    legend: tuple[tuple[str, str, str], ...] = ()
    index_href: str | None = None
    #: ``(label, relative href)`` of the pages beside this one in a site (its versions, the
    #: previous and next redline); empty for a page on its own.
    nav: tuple[tuple[str, str], ...] = ()
    unreported_subs: tuple[tuple[ChangeView, str], ...] = ()
    dropped_subs: tuple[tuple[ChangeView, str], ...] = ()
    #: Changes carrying a disputed figure that did not change (changed ones are in ``figures``).
    disputed: tuple[ChangeView, ...] = ()


def provision_title(p: Provision) -> str:
    """A provision's short name: its title, or its text's first words."""
    if p.title:
        return p.title
    text = " ".join(p.text.split())
    if len(text) <= TITLE_CHARS:
        return text
    cut = text[:TITLE_CHARS].rsplit(" ", 1)[0] or text[:TITLE_CHARS]
    return cut.rstrip(",;:.") + "…"


def build_view(comparison: Comparison, *, title: str | None = None, id_prefix: str = "",
               index_href: str | None = None, nav: Sequence[tuple[str, str]] = ()) -> RedlineView:
    """The view data the redline templates receive (no diffing: a reshaping of the Comparison)."""
    old_pos = provision_ids(comparison.old.provisions)
    new_pos = provision_ids(comparison.new.provisions)
    new_anchor, old_anchor, stubs, primary = change_anchors(comparison, Anchors(id_prefix), old_pos, new_pos)
    links = _Links(old_anchor, new_anchor)
    counter = [0]
    views = [
        _change_view(ch, index, own, comparison, links, counter)
        for index, (ch, own) in enumerate(zip(comparison.changes, primary, strict=True), start=1)
    ]
    return _summary(comparison, views, _place_stubs(views, stubs, old_pos, new_anchor),
                    title=title or f"{comparison.old.title} → {comparison.new.title}",
                    id_prefix=id_prefix, index_href=index_href, nav=nav)


class _Links(NamedTuple):
    """Element ids of the page's provisions by ``(number, key)``, on each side."""

    old: dict[tuple[str | None, str | None], str]
    new: dict[tuple[str | None, str | None], str]

    def moved_from(self, ch: Change) -> LinkRef | None:
        """Where a moved provision stood in the old version."""
        if not (ch.moved and ch.old and ch.new):
            return None
        p = ch.old[0]
        return LinkRef(label=p.label, anchor=self.old.get((p.number, p.key)))

    def possible(self, ch: Change) -> tuple[LinkRef | None, int | None]:
        """The unlinked candidate of an added or removed point, and its similarity in percent."""
        if ch.possible_match is None:
            return None, None
        p = ch.possible_match.provision
        # An added point's candidate is an old provision; a removed point's is a new one.
        side, table = ("old", self.old) if ch.new and not ch.old else ("new", self.new)
        link = LinkRef(label=p.label, anchor=table.get((p.number, p.key)), title=f"{side} point")
        return link, round(ch.possible_match.similarity * 100)


#: How many of a possible match's words in common a view names before "and N more".
SHOWN_SHARED = 5


def _possible_evidence(ch: Change) -> dict[str, Any]:
    """The possible match's score and words in common, as the templates show them."""
    pm = ch.possible_match
    if pm is None:
        return {}
    return {
        # A hint offered on a concept alone may score 0 by wording: "score 0.00" would say nothing.
        "possible_score": None if pm.link_score is None or pm.link_score < 0.005 else f"{pm.link_score:.2f}",
        "possible_shared": pm.shared[:SHOWN_SHARED],
        "possible_more": max(0, len(pm.shared) - SHOWN_SHARED),
    }


def _change_view(ch: Change, index: int, own: tuple[str, tuple[str, ...]], comparison: Comparison,
                 links: _Links, counter: list[int]) -> ChangeView:
    """One change as the templates draw it; its notes are numbered on from ``counter``."""
    shown = ch.new or ch.old
    old_numbers, new_numbers = ch.old_numbers, ch.new_numbers
    notes = notes_for(ch, comparison, counter)
    disputes = _disputes(notes)
    possible, possible_pct = links.possible(ch)
    moved_from = links.moved_from(ch)
    wording_unknown = tuple(p.label for p in Version.walk_all(ch.new) if not p.wording_known)
    params = tuple(_param_view(pc, disputes) for pc in ch.parameter_changes)
    subs = _sub_views(ch.subchanges, disputes)
    disputed_values = _disputed_values(ch, disputes)
    sources = change_sources(ch, comparison)
    extras = bool(
        ch.moved or ch.kind in ("split", "merged", "unknown") or moved_from
        or wording_unknown or params or ch.modality_shifts or disputed_values or subs or possible
        or ch.note or notes or sources
    )
    return ChangeView(
        change=ch,
        kind=ch.kind,
        data_old=",".join(old_numbers),
        data_new=",".join(new_numbers),
        index=index,
        anchor=own[0],
        extra_anchors=own[1],
        label=_label(ch, old_numbers, new_numbers),
        kind_label=KIND_LABELS.get(ch.kind, ch.kind),
        title=" + ".join(provision_title(p) for p in shown) if shown else "",
        segments=expose_invisible(own_segments(ch)),
        is_redline=ch.kind != "unknown",
        moved_from=moved_from,
        possible=possible,
        possible_pct=possible_pct,
        **_possible_evidence(ch),
        wording_unknown=wording_unknown,
        notes=notes,
        sources=sources,
        confidence=tuple(sorted({p.confidence for p in shown if p.confidence != "published"})),
        params=params,
        subs=subs,
        match_note=_match_note(ch),
        disputed_values=disputed_values,
        category=shown[0].category if shown else None,
        category_inferred=shown[0].category_inferred if shown else False,
        extras=extras,
    )


def _summary(comparison: Comparison, views: Sequence[ChangeView], items: tuple[ChangeView | MoveStub, ...], *,
             title: str, id_prefix: str, index_href: str | None, nav: Sequence[tuple[str, str]]) -> RedlineView:
    """The page around the changes (``items``, in reading order): counts, parameter tables, the
    summary's lists, the legend."""
    rows = tuple(
        ParameterRow(view=v, name=pv.name, parameter_change=pv.parameter_change, param=pv)
        for v in views for pv in v.params
    )
    # Declared parameters first within a provision: they are the curated facts; figures read
    # from the wording follow.
    groups = tuple(
        ParameterGroup(v, tuple(sorted(v.params, key=lambda pv: pv.origin != "parameter")))
        for v in views if v.params
    )
    return RedlineView(
        parameter_groups=groups,
        figures=tuple(row for row in rows if row.param is not None and row.param.is_figure),
        legend=_legend(views, groups),
        index_href=index_href,
        nav=tuple((label, href) for label, raw in nav if (href := safe_href(raw)) is not None),
        unreported_subs=tuple((v, labels) for v in views if v.subs and (labels := _sub_labels(v.subs, "unknown"))),
        dropped_subs=tuple((v, labels) for v in views if v.subs and (labels := _sub_labels(v.subs, "removed"))),
        disputed=tuple(v for v in views if v.disputed_values),
        comparison=comparison,
        title=title,
        old=version_view(comparison.old),
        new=version_view(comparison.new),
        items=items,
        changes=tuple(views),
        counts=tuple((kind, KIND_LABELS[kind], n) for kind, n in comparison.counts.items() if n),
        renumbered=sum(1 for ch in comparison.changes if ch.renumbered),
        moved=sum(1 for ch in comparison.changes if ch.moved),
        parameter_rows=rows,
        dropped=tuple(v for v in views if v.kind == "removed"),
        not_reported=tuple(v for v in views if v.kind == "unknown"),
        possible=tuple(v for v in views if v.possible is not None),
        id_prefix=id_prefix,
    )


def _label(ch: Change, old_numbers: tuple[str, ...], new_numbers: tuple[str, ...]) -> str:
    """The change's heading label from its numbers on each side (``ch.old_numbers`` / ``ch.new_numbers``)."""
    # "∅" says a point is gone; an unknown fate is not known to be gone.
    if ch.kind == "unknown":
        return f"{', '.join(old_numbers or new_numbers)} → ?" if ch.old else f"? → {', '.join(new_numbers)}"
    old = ", ".join(old_numbers) or "∅"  # as Change.label
    new = ", ".join(new_numbers) or "∅"
    return old if old == new else f"{old} → {new}"


def _sub_label(ch: Change) -> str:
    """``'(a)'``, ``'(b) → ∅'``, ``'(c) → ?'``: sub-point letters as the documents print them."""
    def side(numbers: Sequence[str], empty: str) -> str:
        return ", ".join(n if n == "–" else f"({n})" for n in numbers) or empty

    old = side(ch.old_numbers, "?" if ch.kind == "unknown" else "∅")
    new = side(ch.new_numbers, "?" if ch.kind == "unknown" else "∅")
    return old if old == new else f"{old} → {new}"


def _disputes(notes: Sequence[Note]) -> dict[str, tuple[int, ...]]:
    """Note numbers of the reported variants about each parameter name."""
    out: dict[str, tuple[int, ...]] = {}
    for n in notes:
        if n.kind == "variant" and n.variant is not None and n.variant.parameter:
            out[n.variant.parameter] = (*out.get(n.variant.parameter, ()), n.number)
    return out


def _param_view(pc: ParameterChange, disputes: dict[str, tuple[int, ...]]) -> ParamView:
    return ParamView(
        parameter_change=pc,
        name=pc.label,
        old=format_value(pc.old, pc.unit),
        new=format_value(pc.new, pc.unit),
        disputed=disputes.get(pc.name, ()),
        change_text=pc.display(label=False),
    )


def _disputed_values(ch: Change, disputes: dict[str, tuple[int, ...]]
                     ) -> tuple[tuple[str, str, tuple[int, ...], str], ...]:
    """The disputed figures this change carries unchanged (a changed one is marked on its ParamView)."""
    if not disputes:
        return ()
    changed = {pc.name for pc in ch.parameter_changes}
    changed.update(pc.name for sub in walk_changes(ch.subchanges) for pc in sub.parameter_changes)
    out = []
    how = "unchanged" if ch.old and ch.new else "as recorded"
    for name, numbers in disputes.items():
        if name in changed:
            continue
        for p in ch.new or ch.old:
            prm = p.parameter(name)
            if prm is not None:
                out.append((humanize(name), prm.display(), numbers, how))
                break
    return tuple(out)


def _sub_views(subchanges: Sequence[Change], disputes: dict[str, tuple[int, ...]]) -> tuple[SubView, ...]:
    return tuple(
        SubView(
            change=sub,
            label=_sub_label(sub),
            kind_label=KIND_LABELS.get(sub.kind, sub.kind),
            segments=expose_invisible(own_segments(sub)),
            params=tuple(_param_view(pc, disputes) for pc in sub.parameter_changes),
            subs=_sub_views(sub.subchanges, disputes),
        )
        for sub in subchanges
    )


def _sub_labels(subs: Sequence[SubView], kind: str) -> str:
    """``'sub-points a, b'``, ``'2 unnumbered sub-points'``: the sub-points (at any depth) with
    changes of ``kind``, or "" when there are none."""
    numbers = [n for sv in _walk_subs(subs) if sv.kind == kind
               for n in (sv.change.old_numbers or sv.change.new_numbers)]
    named = [n for n in numbers if n != "–"]
    unnamed = len(numbers) - len(named)
    parts = []
    if named:
        parts.append(f"sub-point{'s' if len(named) > 1 else ''} {', '.join(named)}")
    if unnamed:
        parts.append(f"{unnamed} unnumbered sub-point{'s' if unnamed > 1 else ''}")
    return " and ".join(parts)


def _walk_subs(subs: Sequence[SubView]) -> Iterator[SubView]:
    for sv in subs:
        yield sv
        yield from _walk_subs(sv.subs)


def _match_note(ch: Change) -> str | None:
    """How the pair was linked, in words, with the share of words kept where it informs."""
    rule = ch.matched_by
    if rule is None:
        return None
    kept = share = None
    if not all(p.wording_known for p in (*ch.old, *ch.new)):
        # A text that only describes what was reported shares few words with the wording it
        # replaces: a share of words kept would read as a rewrite nobody reported.
        kept = "the wording on one side is not known"
    elif ch.similarity is not None and ch.kind != "unchanged":
        share = ch.similarity
        pct = round(share * 100)
        kept = "reworded throughout, no words kept" if pct == 0 else f"{pct}% of the words kept"
    how = (_BY_PLACE.get(ch.rule or "") or (_few_words_kept(ch) if share is not None and share < _FEW_KEPT else None)
           or _BY_RULE.get(rule) or f"Linked by {rule}")
    return f"{how}: {kept}." if kept else f"{how}."


#: Below this share of words kept, a pair the aligner linked on its words reads as what it is:
#: on the rival plans a pair kept 1 % of its wording and read "Linked by similar wording".
_FEW_KEPT = 0.2


def _few_words_kept(ch: Change) -> str | None:
    """The note of a pair linked by its words (similarity, number) that keeps under ``_FEW_KEPT`` of
    them: it rests on a few shared rare words, and the aligner's score says how strongly."""
    if ch.matched_by not in ("similarity", "number"):
        return None
    score = f"aligner score {ch.link_score:.2f}; " if ch.link_score is not None else ""
    same = "Same number, linked" if ch.matched_by == "number" else "Linked"
    return f"{same} on a few shared rare words, the wording rewritten ({score}less sure than a link by wording)"


#: How a pair was linked, in words, by the family of the rule that linked it.
_BY_RULE = {
    "key": "Same provision (lineage key)",
    "exact": "Same text",
    "number": "Same number and similar wording",
    "similarity": "Linked by similar wording",
    "split": "Linked as a split",
    "merge": "Linked as a merger",
}


#: Links that rest on where a provision stands, or on what it is about, more than on its words:
#: the note says so, since they are less sure than a link by wording (issue 17: "say how sure
#: the link is").  A concept match keeps 1 % of the words: "similar wording" would be untrue.
_BY_PLACE = {
    "concept-match": "Linked by what it is about, in other words: the two share a drafting concept "
                     "and are each other's best match (less sure than a link by wording)",
    "paraphrase": "Linked by its place, as a clause reworded between the same neighbours "
                  "(a shared drafting concept, few shared words; less sure than a link by wording)",
    "slot": "Linked by its place between the same neighbours, on a few shared words "
            "(less sure than a link by wording)",
    "number-in-step": "Same number between the same neighbours, on a few shared words "
                      "(less sure than a link by wording)",
    "template": "Linked by its place in a list of look-alike items",
    "shared-figure": "Linked by a figure that these two alone state, the wording rewritten "
                     "(less sure than a link by wording)",
}


def _legend(views: Sequence[ChangeView], groups: Sequence[ParameterGroup]) -> tuple[tuple[str, str, str], ...]:
    """The legend entries for the marks the page uses."""
    used: set[str] = set()
    labels: list[str] = []

    def visit(kind: str, segs: Sequence[tuple[str, str]], label: str, params: Sequence[ParamView]) -> None:
        used.add(kind)
        used.update(k for k, _ in segs if k != "eq")
        labels.append(label)
        for pv in params:
            used.add("arrow")
            if pv.disputed:
                used.add("disputed")
            if pv.origin == "text":
                used.add("text-figure")

    def visit_subs(subs: Sequence[SubView]) -> None:
        for sv in subs:
            visit(sv.kind, sv.segments, sv.label, sv.params)
            visit_subs(sv.subs)

    for v in views:
        visit(v.kind, v.segments if v.is_redline else (), v.label, v.params)
        visit_subs(v.subs)
        if v.disputed_values:
            used.add("disputed")
        if v.change.renumbered:
            used.add("renumbered")
        if v.change.moved:
            used.add("moved")
    text = " ".join(labels)
    for mark, char in (("arrow", "→"), ("none", "∅"), ("unknown-mark", "?"), ("no-number", "–")):
        if char in text:
            used.add(mark)
    return tuple(entry for entry in LEGEND if entry[0] in used)


def _place_stubs(
    views: list[ChangeView],
    stubs: list[tuple[int, Change, str]],
    old_pos: dict[tuple[str | None, str | None], int],
    new_anchor: dict[tuple[str | None, str | None], str],
) -> tuple[ChangeView | MoveStub, ...]:
    """Put each move stub before the first unmoved change that stood after it in the old version."""
    if not stubs:
        return tuple(views)
    # reach[i]: the latest old position among unmoved changes up to view i.  It never falls, so the
    # first view that stood after a stub is one bisection away (a scan per stub was quadratic:
    # a third of a 20,000-point page's render time).
    reach: list[int] = []
    latest = -2
    for view in views:
        ch2 = view.change
        if not ch2.moved and ch2.old:
            latest = max(latest, min(old_pos.get((p.number, p.key), -1) for p in ch2.old))
        reach.append(latest)
    before: dict[int, list[MoveStub]] = {}
    trailing: list[MoveStub] = []
    for position, ch, anchor in sorted(stubs, key=lambda s: s[0]):
        target = ch.new[0]
        stub = MoveStub(
            anchor=anchor,
            old_label=ch.old[0].label,
            target=LinkRef(label=", ".join(ch.new_numbers), title=provision_title(target),
                           anchor=new_anchor.get((target.number, target.key))),
        )
        i = bisect_right(reach, position)
        if i < len(views):
            before.setdefault(i, []).append(stub)
        else:
            trailing.append(stub)
    items: list[ChangeView | MoveStub] = []
    for i, view in enumerate(views):
        items.extend(before.get(i, ()))
        items.append(view)
    items.extend(trailing)
    return tuple(items)
