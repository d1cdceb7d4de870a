"""Unknown is never removed: the engine's rule for partial records, as a property.

A provision (or sub-point) missing from the newer side is ``removed`` only when the newer side
is complete at that level or records the removal; otherwise its fate is ``unknown``.  At the top
level "complete" is the version's coverage; below, every provision above the missing one on the
newer side must be complete (``coverage = "complete"`` and its wording known).  The same holds in
the other direction for ``added``.
"""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import given
from hypothesis import strategies as st
from model_strategies import versions

import peacediff
from peacediff.compare import Change, compare
from peacediff.model import Provision, Version


def _complete(version: Version, ancestors: tuple[Provision, ...]) -> bool:
    if not ancestors:
        return version.coverage == "complete"
    return not any(p.is_partial for p in ancestors)


def _check(changes: Iterable[Change], old: Version, new: Version,
           old_above: tuple[Provision, ...], new_above: tuple[Provision, ...]) -> int:
    checked = 0
    for ch in changes:
        if ch.kind == "removed":
            (gone,) = ch.old
            recorded = gone.key is not None and new.removal(gone.key) is not None
            assert recorded or _complete(new, new_above), (gone.label, gone.key, new.coverage)
            checked += 1
        if ch.kind == "added":
            (came,) = ch.new
            recorded = came.key is not None and old.removal(came.key) is not None
            assert recorded or _complete(old, old_above), (came.label, came.key, old.coverage)
            checked += 1
        checked += _check(ch.subchanges, old, new, old_above + ch.old, new_above + ch.new)
    return checked


@st.composite
def _thinned(draw: st.DrawFn, p: Provision) -> Provision:
    """A later record of ``p``: some sub-points dropped at any depth, some levels marked partial."""
    subs = tuple(draw(_thinned(s)) for s in p.subpoints if draw(st.booleans()))
    return Provision(**{**_fields(p), "subpoints": subs,
                        "coverage": draw(st.sampled_from(("complete", "partial"))),
                        "wording_known": draw(st.booleans())})


@st.composite
def _records(draw: st.DrawFn) -> tuple[Version, Version]:
    """A version and a thinner, partly partial record of it (same keys, so key alignment links them)."""
    old = draw(versions(provisions_only=True))
    kept = tuple(draw(_thinned(p)) for p in old.provisions if draw(st.booleans()))
    coverage = draw(st.sampled_from(("complete", "partial")))
    new = Version(id=old.id + "-later", title=old.title, provisions=kept, coverage=coverage)
    return old, new


def _both_directions(old: Version, new: Version, align: str) -> None:
    _check(compare(old, new, align=align).changes, old, new, (), ())
    _check(compare(new, old, align=align).changes, new, old, (), ())


@given(_records(), versions(provisions_only=True), st.sampled_from(("auto", "keys", "text")))
def test_unknown_is_never_drawn_as_removed_or_added(case, other, align):
    """A thinned, partly partial later record of a version (same keys, linked by key or text), and
    that version against an unrelated one: drawing a version costs far more than comparing, so
    one draw serves both laws."""
    old, thinned = case
    _both_directions(old, thinned, align)
    _both_directions(old, other, align)


def _version(vid: str, subpoints: tuple[Provision, ...], *, coverage: str = "complete",
             parent_coverage: str = "complete", wording_known: bool = True) -> Version:
    point = Provision(text="Sanctions are lifted in stages.", number="3", key="sanctions",
                      subpoints=subpoints, coverage=parent_coverage, wording_known=wording_known)
    return Version(id=vid, title=vid, provisions=(point,), coverage=coverage)


_SUBS = (
    Provision(text="Energy sanctions go first.", number="a", key="sanctions-a"),
    Provision(text="Banking sanctions follow after a year.", number="b", key="sanctions-b"),
)


def _sub_kinds(c: peacediff.Comparison) -> list[str]:
    (point,) = c.changes
    return [s.kind for s in point.subchanges]


def test_missing_sub_point_of_a_complete_provision_is_removed():
    c = compare(_version("a", _SUBS), _version("b", _SUBS[:1]))
    assert _sub_kinds(c) == ["unchanged", "removed"]


def test_missing_sub_point_of_a_partial_provision_is_unknown():
    c = compare(_version("a", _SUBS), _version("b", _SUBS[:1], parent_coverage="partial"))
    assert _sub_kinds(c) == ["unchanged", "unknown"]


def test_missing_sub_point_of_a_summary_is_unknown():
    c = compare(_version("a", _SUBS), _version("b", (), wording_known=False))
    assert _sub_kinds(c) == ["unknown", "unknown"]


def test_missing_sub_point_below_a_summary_is_unknown_at_every_depth():
    deep = (Provision(text="Energy sanctions go first.", number="a", key="sanctions-a", subpoints=(
        Provision(text="Oil first.", number="i", key="sanctions-a-i"),
        Provision(text="Gas next.", number="ii", key="sanctions-a-ii"),
    )),)
    shallow = (Provision(text="Energy sanctions go first.", number="a", key="sanctions-a"),)
    c = compare(_version("a", deep), _version("b", shallow, parent_coverage="partial"))
    (point,) = c.changes
    (sub,) = point.subchanges
    assert [s.kind for s in sub.subchanges] == ["unknown", "unknown"]
    assert [s.kind for s in c.inverse().changes[0].subchanges[0].subchanges] == ["unknown", "unknown"]


def test_a_partial_version_still_vouches_for_the_points_it_records():
    # coverage = "partial" on a version says some points were never reported; a point it does
    # record in full (a published rewrite) still shows what its rewrite dropped.
    c = compare(_version("a", _SUBS), _version("b", _SUBS[:1], coverage="partial"))
    assert _sub_kinds(c) == ["unchanged", "removed"]
    assert _sub_kinds(compare(_version("b", _SUBS[:1], coverage="partial"), _version("a", _SUBS))) == [
        "unchanged", "added"]


def test_a_recorded_removal_is_removed_even_in_a_partial_record():
    from peacediff.model import Removal

    new = _version("b", _SUBS[:1], parent_coverage="partial")
    new = Version(id="b", title="b", provisions=new.provisions,
                  removed=(Removal(key="sanctions-b", confidence="reported"),))
    assert _sub_kinds(compare(_version("a", _SUBS), new)) == ["unchanged", "removed"]


def test_parameter_missing_from_a_partial_record_is_not_a_change():
    from peacediff.model import Parameter

    full = Provision(text="The army is capped.", number="6", key="army",
                     parameters=(Parameter("armed_forces_cap", 600000, "personnel"),))
    summary = Provision(text="The army is capped.", number="6", key="army")
    old = Version(id="a", title="a", provisions=(full,))
    for point in (Provision(**{**_fields(summary), "coverage": "partial"}),
                  Provision(**{**_fields(summary), "wording_known": False})):
        new = Version(id="b", title="b", provisions=(point,))
        (change,) = compare(old, new).changes
        assert change.parameter_changes == ()
    (change,) = compare(old, Version(id="b", title="b", provisions=(summary,))).changes
    assert [pc.name for pc in change.parameter_changes] == ["armed_forces_cap"]


def _fields(p: Provision) -> dict:
    import attrs

    return attrs.asdict(p, recurse=False)
