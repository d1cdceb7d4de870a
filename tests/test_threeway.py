"""Three-way comparisons: compare3's verdicts, its laws on generated versions, the bundled data, views and CLI."""

from __future__ import annotations

import json
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacediff
from peacediff._synth import revise, versions_of
from peacediff.cli import main
from peacediff.model import Parameter, Provision, Version
from peacediff.strategies import mutations, provision_texts, revisions
from peacediff.threeway import STATUSES, ThreeWay, compare3

# --------------------------------------------------------------------------------------------
# Made-up cases, one per verdict the issue lists
# --------------------------------------------------------------------------------------------


def _v(id: str, points: list[tuple[str, str, str]], coverage: str = "complete", **params: dict) -> Version:
    """A keyed version from ``(number, key, text)``; ``params[key]`` gives that provision's parameters."""
    provisions = tuple(
        Provision(text=text, number=number, key=key,
                  parameters=tuple(Parameter(n, v, unit="boats") for n, v in params.get(key, {}).items()))
        for number, key, text in points
    )
    return Version(id=id, title=id, provisions=provisions, coverage=coverage)


BASE = _v("base", [
    ("1", "fish", "Each side may fish within twelve miles of its coast."),
    ("2", "fleet", "Each navy keeps at most 40 patrol boats."),
    ("3", "lights", "Lighthouses stay under joint management."),
    ("4", "ferries", "Ferries run twice a week between the islands."),
    ("5", "flags", "Both flags fly over the harbour office."),
    ("6", "tolls", "Harbour tolls are paid in either currency."),
], fleet={"patrol_boats": 40})

LEFT = _v("left", [
    ("1", "fish", "Each side may fish within twelve miles of its coast."),
    ("2", "fleet", "Each navy keeps at most 60 patrol boats in peacetime."),
    ("3", "ferries", "Ferries run daily between the islands."),
    ("4", "flags", "Only the host flag flies over the harbour office."),
    ("5", "tolls", "Harbour tolls are paid in the host currency."),
    ("6", "beacons", "Navigation beacons are maintained by a joint crew."),
], coverage="partial", fleet={"patrol_boats": 60})

RIGHT = _v("right", [
    ("1", "fish", "Each side may fish within fifteen miles of its coast."),
    ("2", "fleet", "The navies may keep up to 60 patrol boats each."),
    ("3", "ferries", "Ferries run daily between the islands."),
    ("4", "flags", "A neutral flag flies over the harbour office."),
    ("5", "beacons", "Navigation beacons are maintained by a joint crew."),
    ("6", "pilots", "Harbour pilots are licensed by both sides."),
], fleet={"patrol_boats": 60})


@pytest.fixture(scope="module")
def made_up() -> ThreeWay:
    return compare3(BASE, LEFT, RIGHT)


@pytest.mark.parametrize(("key", "status", "outcomes"), [
    ("fish", "right", ("unchanged", "changed")),       # changed on the right only
    ("fleet", "conflict", ("changed", "changed")),     # different wording, same figure
    ("lights", "unknown", ("unknown", "removed")),     # the partial left side is silent: never a conflict
    ("ferries", "agreement", ("changed", "changed")),  # changed the same way on both
    ("flags", "conflict", ("changed", "changed")),     # changed differently
    ("tolls", "conflict", ("changed", "removed")),     # removed on one side, changed on the other
    ("beacons", "agreement", ("added", "added")),      # added on both with the same text
    ("pilots", "right", ("absent", "added")),          # added on one side
])
def test_each_verdict(made_up: ThreeWay, key: str, status: str, outcomes: tuple[str, str]) -> None:
    entry = made_up.entry(key)
    assert (entry.status, (entry.left_outcome, entry.right_outcome)) == (status, outcomes)


def test_removed_on_both_is_an_agreement() -> None:
    right = attrs.evolve(LEFT, id="right2", coverage="complete",
                         provisions=tuple(p for p in LEFT.provisions if p.key != "tolls"))
    left = attrs.evolve(LEFT, coverage="complete", provisions=tuple(p for p in LEFT.provisions if p.key != "tolls"))
    entry = compare3(BASE, left, right).entry("tolls")
    assert (entry.status, entry.left_outcome, entry.right_outcome) == ("agreement", "removed", "removed")


def test_added_on_both_under_one_key_with_different_text_is_a_conflict() -> None:
    guard = Provision(text="A joint coast guard.", number="7", key="guard")
    left = attrs.evolve(BASE, id="l", provisions=(*BASE.provisions, guard))
    right = attrs.evolve(BASE, id="r", provisions=(*BASE.provisions, attrs.evolve(guard, text="Two coast guards.")))
    entry = compare3(BASE, left, right).entry("guard")
    assert (entry.status, entry.base) == ("conflict", ())


def test_parameter_values_side_by_side(made_up: ThreeWay) -> None:
    (triple,) = made_up.entry("fleet").parameters
    assert (triple.base, triple.left, triple.right, triple.status) == (40, 60, 60, "agreement")
    assert triple.display("base") == "40 boats"


def test_a_parameter_of_an_unreported_side_is_unknown() -> None:
    right = attrs.evolve(RIGHT, provisions=tuple(p for p in RIGHT.provisions if p.key != "fleet"))
    left = attrs.evolve(LEFT, provisions=tuple(p for p in LEFT.provisions if p.key != "fleet"))
    entry = compare3(BASE, left, right).entry("fleet")
    assert entry.status == "unknown"
    assert entry.parameters[0].status == "unknown"
    assert entry.parameters[0].display("left") == "not reported"


def test_unkeyed_versions_align_by_text() -> None:
    base = Version.from_texts("b", ["A ceasefire holds.", "Forces are capped at 600,000.", "Elections follow."])
    left = Version.from_texts("l", ["A ceasefire holds.", "Forces are capped at 800,000.", "Elections follow."])
    right = Version.from_texts("r", ["A ceasefire holds.", "Forces are capped at 800,000."])
    t = compare3(base, left, right)
    assert [e.status for e in t.entries] == ["unchanged", "agreement", "right"]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="three Version objects"):
        compare3(BASE, LEFT, "right")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Laws on generated versions
# --------------------------------------------------------------------------------------------


@st.composite
def sibling_revisions(draw: st.DrawFn) -> tuple[Version, Version, Version]:
    """A base and two independent revisions of it (keyed or not, either side possibly partial)."""
    texts = draw(provision_texts(max_size=8))
    keyed = draw(st.booleans())
    sides = []
    for name in ("left", "right"):
        items, offset = revise(texts, draw(mutations(max_size=4)), n_rare=40, seed=draw(st.integers(0, 1000)))
        base, new = versions_of(texts, items, offset, keyed=keyed,
                                new_coverage=draw(st.sampled_from(("complete", "partial"))))
        sides.append(attrs.evolve(new, id=name))
    return base, sides[0], sides[1]


def _changes(t: ThreeWay, side: str) -> Counter[str]:
    return Counter(json.dumps(ch.to_dict(), sort_keys=True) for e in t.entries for ch in getattr(e, side))


def _entry_set(t: ThreeWay) -> Counter[str]:
    return Counter(json.dumps(e.to_dict(), sort_keys=True) for e in t.entries)


@settings(max_examples=60, deadline=None)
@given(revisions(coverage=None))
def test_the_same_revision_on_both_sides_never_conflicts(case: tuple[Version, Version, frozenset]) -> None:
    base, new, _ = case
    t = compare3(base, new, new)
    assert {e.status for e in t.entries} <= {"unchanged", "agreement", "unknown"}
    assert all(e.left == e.right for e in t.entries)
    expected = peacediff.compare(base, new)
    assert _changes(t, "left") == Counter(json.dumps(ch.to_dict(), sort_keys=True) for ch in expected.changes)
    changed = {e.status for e in t.entries if any(ch.kind != "unchanged" for ch in e.left)}
    assert changed <= {"agreement", "unknown"}


@settings(max_examples=60, deadline=None)
@given(sibling_revisions())
def test_swapping_the_sides_mirrors_the_result(case: tuple[Version, Version, Version]) -> None:
    base, left, right = case
    forward, backward = compare3(base, left, right), compare3(base, right, left)
    assert _entry_set(backward) == _entry_set(forward.mirror())
    assert forward.counts["left"] == backward.counts["right"]
    assert forward.counts["conflict"] == backward.counts["conflict"]


@settings(max_examples=60, deadline=None)
@given(revisions(coverage=None))
def test_base_on_the_left_reports_changes_on_the_right_only(case: tuple[Version, Version, frozenset]) -> None:
    base, new, _ = case
    t = compare3(base, base, new)
    assert {e.status for e in t.entries} <= {"unchanged", "right", "unknown"}
    expected = peacediff.compare(base, new).changes
    changed_right = sum(1 for ch in expected if ch.kind not in ("unchanged", "unknown"))
    moved = {id(e) for e in t.entries for ch in e.right if ch.kind not in ("unchanged", "unknown")}
    assert t.counts["right"] == len(moved)
    assert t.counts["right"] <= changed_right


@settings(max_examples=40, deadline=None)
@given(sibling_revisions())
def test_every_provision_has_exactly_one_entry(case: tuple[Version, Version, Version]) -> None:
    base, left, right = case
    t = compare3(base, left, right)
    assert sum(len(e.base) for e in t.entries) == len(base.provisions)
    for side, comparison in (("left", t.left_comparison), ("right", t.right_comparison)):
        assert _changes(t, side) == Counter(json.dumps(ch.to_dict(), sort_keys=True) for ch in comparison.changes)
    assert set(t.counts) == set(STATUSES)


# --------------------------------------------------------------------------------------------
# The bundled data
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> ThreeWay:
    return peacediff.compare3(*(peacediff.load(v) for v in ("us-russia-28", "e3-counter-28", "us-ua-20")))


def test_bundled_agreement_on_the_army_cap_value(bundled: ThreeWay) -> None:
    cap = next(t for t in bundled.entry("army-cap").parameters if t.name == "armed_forces_cap")
    assert (cap.base, cap.left, cap.right, cap.status) == (600000, 800000, 800000, "agreement")
    assert "e3-counter-28" in cap.disputed  # the E3 report's own variant (Open.kg's 600,000) is carried


def test_bundled_agreement_on_dropping_the_100_day_deadline(bundled: ThreeWay) -> None:
    entry = bundled.entry("elections")
    assert entry.status == "agreement"
    deadline = next(t for t in entry.parameters if t.name == "elections_deadline")
    assert (deadline.base, deadline.left, deadline.right, deadline.status) == (100, None, None, "agreement")


def test_bundled_silence_is_unknown_not_conflict(bundled: ThreeWay) -> None:
    silent = [e for e in bundled.entries if "unknown" in (e.left_outcome, e.right_outcome)]
    assert silent
    assert all(e.status == "unknown" for e in silent)
    assert all(t.status == "unknown" for e in silent for t in e.parameters if not t.left_known)


# --------------------------------------------------------------------------------------------
# Views and command line
# --------------------------------------------------------------------------------------------


def test_views_and_json(bundled: ThreeWay) -> None:
    data = json.loads(bundled.to_json())
    assert data["counts"] == bundled.counts
    assert {e["status"] for e in data["entries"]} <= set(STATUSES)
    html = bundled.to_html()
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert "800,000 personnel" in html
    md = bundled.to_markdown()
    assert "| Army cap | **conflict** |" in md
    text = " ".join(bundled.to_text().split())
    cap = "Armed forces cap [agreement]: base 600,000 personnel | left 800,000 personnel | right 800,000 personnel"
    assert cap in text
    bundle = bundled._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert not bundle["text/html"].startswith("<!DOCTYPE")


def test_deterministic(bundled: ThreeWay) -> None:
    again = peacediff.compare3(*(peacediff.load(v) for v in ("us-russia-28", "e3-counter-28", "us-ua-20")))
    assert again.to_html() == bundled.to_html()
    assert again.to_json() == bundled.to_json()


def test_hostile_text_is_escaped() -> None:
    evil = "<script>alert(1)</script> & \u202e"
    base = Version.from_texts("b", ["A ceasefire holds."])
    left = Version.from_texts("l", [f"A ceasefire holds. {evil}"])
    right = Version.from_texts("r", [f"A truce holds. {evil}"])
    t = compare3(base, left, right)
    html = t.to_html()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "\u202e" not in html and "\u202e" not in t.to_markdown()
    assert "\u202e" not in t.to_text()


def test_cli_compare3(tmp_path, capsys) -> None:
    assert main(["compare3", "us-russia-28", "e3-counter-28", "us-ua-20"]) == 0
    assert "[AGREEMENT] 25 Elections" in capsys.readouterr().out
    out = tmp_path / "three.html"
    assert main(["compare3", "us-russia-28", "e3-counter-28", "us-ua-20", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["compare3", "us-russia-28", "e3-counter-28", "us-ua-20", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["left"] == "e3-counter-28"


def test_cli_compare3_bad_version(capsys) -> None:
    assert main(["compare3", "us-russia-28", "no-such-draft", "us-ua-20"]) == 2
    err = capsys.readouterr().err
    assert "no-such-draft" in err and "fix:" in err and "Traceback" not in err
