"""compare(): kinds, coverage, parameters, modality, sub-points, reading order, inverse, JSON."""

from __future__ import annotations

import json

import pytest

from peacediff.compare import CHANGE_KINDS, INVERSE_KIND, MATCH_RULES, Change, Comparison, compare
from peacediff.model import Parameter, Provision, Removal, Version


def V(vid, provisions, **kw):
    return Version(id=vid, title=vid, provisions=tuple(provisions), **kw)


def P(text, number=None, key=None, **kw):
    return Provision(text=text, number=number, key=key, **kw)


ARMY_OLD = P(
    "Ukraine's armed forces are capped at 600,000 personnel.",
    "6",
    "army-cap",
    parameters=(Parameter("armed_forces_cap", 600000, "personnel"),),
)
ARMY_NEW = P(
    "Ukraine's armed forces are capped at 800,000 personnel in peacetime.",
    "4",
    "army-cap",
    parameters=(Parameter("armed_forces_cap", 800000, "personnel"),),
)
SOV = P("Ukraine's sovereignty is confirmed.", "1", "sovereignty")
ELECT_OLD = P("Ukraine shall hold elections within 100 days.", "25", "elections")
ELECT_NEW = P("Ukraine may hold elections as soon as possible.", "18", "elections")
AMNESTY = P("Full amnesty for all parties.", "26", "amnesty")


def kinds(c):
    return [(ch.kind, ch.label) for ch in c.changes]


def test_keys_mode_kinds_renumbering_and_parameters():
    old = V("a", [SOV, ARMY_OLD, ELECT_OLD, AMNESTY])
    new = V("b", [SOV, ARMY_NEW, ELECT_NEW])
    c = compare(old, new)
    assert c.align == "keys"
    assert kinds(c) == [
        ("unchanged", "1"),
        ("modified", "6 → 4"),
        ("modified", "25 → 18"),
        ("removed", "26 → ∅"),
    ]
    army = c.changes[1]
    assert army.renumbered and not army.moved and army.matched_by == "key"
    assert [(pc.name, pc.old, pc.new, pc.origin) for pc in army.parameter_changes] == [
        ("armed_forces_cap", 600000, 800000, "parameter")
    ]  # the text figure 600,000 → 800,000 is not reported twice
    elect = c.changes[2]
    assert [(m.old, m.new) for m in elect.modality_shifts] == [("shall", "may")]
    assert [(pc.name, pc.old, pc.new, pc.origin) for pc in elect.parameter_changes] == [
        ("duration", "100 days", None, "text")
    ]
    assert (-1, "within 100 days") in elect.ops and (1, "as soon as possible") in elect.ops
    assert c.counts == {"unchanged": 1, "modified": 2, "added": 0, "removed": 1, "split": 0, "merged": 0, "unknown": 0}
    assert c.has_differences


def test_partial_version_gives_unknown_not_removed_and_removal_records_win():
    old = V("a", [SOV, ARMY_OLD, AMNESTY])
    new = V("b", [SOV], coverage="partial", removed=(Removal("amnesty", note="Dropped at Geneva."),))
    c = compare(old, new)
    assert kinds(c) == [("unchanged", "1"), ("unknown", "6 → ∅"), ("removed", "26 → ∅")]
    assert c.changes[2].note == "Dropped at Geneva."
    assert c.changes[1].note is None


def test_unknown_inverted_stays_unknown_on_the_other_side():
    old = V("a", [SOV, ARMY_OLD, AMNESTY])
    new = V("b", [SOV], coverage="partial", removed=(Removal("amnesty", note="Dropped."),))
    back = compare(new, old)
    assert kinds(back) == [("unchanged", "1"), ("unknown", "∅ → 6"), ("added", "∅ → 26")]
    assert back.changes[2].note == "Dropped."
    assert back == compare(old, new).inverse()


def test_new_provisions_after_a_partial_version_are_unknown():
    old = V("a", [SOV], coverage="partial")
    new = V("b", [SOV, ARMY_NEW])
    assert kinds(compare(old, new)) == [("unchanged", "1"), ("unknown", "∅ → 4")]


def test_split_and_merge_with_keys_and_inverse_kinds():
    whole = P("Forces are capped at 600,000 and long-range missiles are banned.", "5", "forces")
    cap = P("Forces are capped at 800,000.", "5", "forces")
    missiles = P("Long-range missiles are banned.", "6", "missiles", origins=("forces",))
    old = V("a", [SOV, whole])
    new = V("b", [SOV, cap, missiles])
    c = compare(old, new)
    assert kinds(c) == [("unchanged", "1"), ("split", "5 → 5, 6")]
    split = c.changes[1]
    assert split.matched_by == "split" and not split.renumbered
    assert "".join(t for op, t in split.ops if op <= 0) == whole.full_text
    assert "".join(t for op, t in split.ops if op >= 0) == cap.full_text + "\n" + missiles.full_text
    back = c.inverse()
    assert kinds(back) == [("unchanged", "1"), ("merged", "5, 6 → 5")]
    assert back.changes[1].matched_by == "merge"
    assert back == compare(new, old)


def test_text_mode_ignores_keys_and_records_rules():
    old = V("a", [SOV, ARMY_OLD, ELECT_OLD])
    new = V("b", [SOV, ARMY_NEW, ELECT_NEW])
    c = compare(old, new, align="text")
    assert c.align == "text"
    assert all(ch.matched_by in (*MATCH_RULES, None) for ch in c.changes)
    assert c.changes[0].matched_by == "exact" and c.changes[0].similarity == 1.0
    assert c.changes[1].matched_by in ("number", "similarity") and c.changes[1].label == "6 → 4"


def test_auto_uses_text_when_a_side_has_no_keys():
    a = Version.from_texts("a", ["A ceasefire takes effect.", "Forces are capped at 600,000."])
    b = Version.from_texts("b", ["Forces are capped at 800,000.", "A ceasefire takes effect."])
    c = compare(a, b)
    assert c.align == "text"
    assert kinds(c) == [("modified", "2 → 1"), ("unchanged", "1 → 2")]
    assert [ch.moved for ch in c.changes] == [False, True]
    assert [pc.display() for pc in c.changes[0].parameter_changes] == ["Number: 600,000 → 800,000"]


def test_reading_order_places_removed_where_they_stood():
    old = Version.from_texts("a", ["Alpha point on sovereignty.", "Bravo point on sanctions.", "Charlie on elections."])
    new = Version.from_texts("b", ["Alpha point on sovereignty.", "Zulu point on prisoners.", "Charlie on elections."])
    c = compare(old, new)
    assert [(ch.kind, ch.old_numbers, ch.new_numbers) for ch in c.changes] == [
        ("unchanged", ("1",), ("1",)),
        ("removed", ("2",), ()),
        ("added", (), ("2",)),
        ("unchanged", ("3",), ("3",)),
    ]


def test_subpoints_are_aligned_into_subchanges():
    old = P(
        "A U.S. guarantee.",
        "10",
        "guarantee",
        subpoints=(
            P("The U.S. is paid for the guarantee.", "a", "guarantee.pay"),
            P("An invasion by Ukraine voids it.", "b", "guarantee.void"),
        ),
    )
    new = P(
        "A U.S. guarantee.",
        "5",
        "guarantee",
        subpoints=(P("An unprovoked attack by Ukraine voids it.", "a", "guarantee.void"),),
    )
    c = compare(V("a", [old]), V("b", [new]))
    (ch,) = c.changes
    assert ch.kind == "modified"
    assert [(s.kind, s.label) for s in ch.subchanges] == [("removed", "a → ∅"), ("modified", "b → a")]
    assert ch.inverse().subchanges == compare(V("b", [new]), V("a", [old])).changes[0].subchanges


def test_subpoint_parameters_are_compared():
    old = P("Funds.", "1", "funds", subpoints=(P("A fund.", "a", "f.a", parameters=(Parameter("fund_usd", 100),)),))
    new = P("Funds.", "1", "funds", subpoints=(P("A fund.", "a", "f.a", parameters=(Parameter("fund_usd", 200),)),))
    (ch,) = compare(V("a", [old]), V("b", [new])).changes
    assert ch.kind == "modified"
    assert [(pc.name, pc.old, pc.new) for pc in ch.parameter_changes] == [("fund_usd", 100, 200)]


def test_added_and_removed_parameters():
    old = P("Cap.", "1", "cap", parameters=(Parameter("scope", "general"),))
    new = P("Cap.", "1", "cap", parameters=(Parameter("limit", 5, "years"),))
    (ch,) = compare(V("a", [old]), V("b", [new])).changes
    assert [(pc.name, pc.kind) for pc in ch.parameter_changes] == [("limit", "added"), ("scope", "removed")]


def test_possible_match_is_set_on_both_sides():
    old = V("a", [SOV, P("Elections are held within 100 days of the signature.", "2")])
    new = V("b", [P("Voting takes place as soon as possible; elections follow the signature of the deal.", "3"), SOV])
    c = compare(old.without_keys(), new.without_keys(), align="text")
    removed = next(ch for ch in c.changes if ch.kind == "removed")
    added = next(ch for ch in c.changes if ch.kind == "added")
    assert removed.possible_match is not None and removed.possible_match.provision.number == "3"
    assert added.possible_match is not None and added.possible_match.provision.number == "2"


def test_identity_and_empty_versions():
    v = V("a", [SOV, ARMY_OLD])
    c = compare(v, v)
    assert all(ch.kind == "unchanged" and ch.ops == ((0, ch.old_text),) for ch in c.changes)
    empty = V("e", [])
    assert compare(empty, empty).changes == ()
    assert kinds(compare(empty, v)) == [("added", "∅ → 1"), ("added", "∅ → 6")]


def test_bad_arguments():
    v = V("a", [SOV])
    with pytest.raises(ValueError, match="align must be one of"):
        compare(v, v, align="fuzzy")
    with pytest.raises(TypeError, match="two Version objects"):
        compare(v, "b")  # type: ignore[arg-type]


def test_to_dict_is_json_ready_with_fixed_keys():
    c = compare(V("a", [SOV, ARMY_OLD, ELECT_OLD, AMNESTY]), V("b", [SOV, ARMY_NEW, ELECT_NEW]))
    data = c.to_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text) == data
    assert list(data) == [
        "schema",
        "schema_version",
        "align",
        "alignment",
        "old",
        "new",
        "counts",
        "budget_exhausted",
        "budget_notes",
        "changes",
    ]
    assert list(data["counts"]) == list(CHANGE_KINDS)
    assert data["changes"][1]["ops"][1] == [-1, "600,000"]


def test_schema_file_validates_to_dict():
    jsonschema = pytest.importorskip("jsonschema")
    from pathlib import Path

    schema = json.loads((Path(__file__).resolve().parent.parent / "docs/schema/comparison.json").read_text())
    old = V("a", [SOV, ARMY_OLD, ELECT_OLD, AMNESTY])
    new = V("b", [SOV, ARMY_NEW, ELECT_NEW], coverage="partial")
    for c in (compare(old, new), compare(old, new).inverse(), compare(old.without_keys(), new.without_keys())):
        jsonschema.validate(c.to_dict(), schema)


def test_inverse_kind_table_is_an_involution():
    assert set(INVERSE_KIND) == set(CHANGE_KINDS)
    assert all(INVERSE_KIND[INVERSE_KIND[k]] == k for k in CHANGE_KINDS)


def test_change_inverse_flips_ops_and_parameters():
    ch = compare(V("a", [ARMY_OLD]), V("b", [ARMY_NEW])).changes[0]
    inv = ch.inverse()
    assert isinstance(inv, Change)
    assert inv.old == ch.new and inv.new == ch.old
    assert "".join(t for op, t in inv.ops if op <= 0) == ch.new_text
    assert inv.parameter_changes[0].old == 800000 and inv.parameter_changes[0].new == 600000
    assert inv.inverse() == ch


def test_comparison_is_frozen():
    c = compare(V("a", [SOV]), V("b", [SOV]))
    assert isinstance(c, Comparison)
    with pytest.raises(AttributeError):
        c.changes = ()  # type: ignore[misc]


def test_budget_note_for_enormous_provisions(monkeypatch):
    from peacediff import textdiff

    monkeypatch.setattr(textdiff, "DIFF_CELL_BUDGET", 5)
    old = V("a", [P("one two three four five six seven", "1", "k")])
    new = V("b", [P("eight two three four five six nine", "1", "k")])
    c = compare(old, new)
    assert c.budget_exhausted and "word diff" in c.budget_notes[0] and "point 1" in c.budget_notes[0]
    assert c.changes[0].ops == ((-1, old.provisions[0].text), (1, new.provisions[0].text))


def test_partial_provision_leaves_absent_subpoints_and_parameters_unknown():
    old = P(
        "A U.S. guarantee.",
        "10",
        "guarantee",
        parameters=(Parameter("guarantor", "United States"), Parameter("term_years", 10)),
        subpoints=(
            P("The U.S. is paid for the guarantee.", "a", "guarantee.pay"),
            P("An invasion by Ukraine voids it.", "b", "guarantee.void"),
        ),
    )
    new = P(
        "A strengthened U.S. guarantee.",
        "5",
        "guarantee",
        coverage="partial",
        parameters=(Parameter("term_years", 15),),
        subpoints=(P("The U.S. is paid for the guarantee.", "a", "guarantee.pay"),),
    )
    (ch,) = compare(V("a", [old]), V("b", [new])).changes
    assert [(s.kind, s.label) for s in ch.subchanges] == [("unchanged", "a"), ("unknown", "b → ∅")]
    assert [(pc.name, pc.kind) for pc in ch.parameter_changes] == [("term_years", "changed")]
    (back,) = compare(V("b", [new]), V("a", [old])).changes
    assert [(s.kind, s.label) for s in back.subchanges] == [("unchanged", "a"), ("unknown", "∅ → b")]
    assert back == ch.inverse()


def test_wording_not_known_gives_no_text_figures_or_modality():
    old = V("a", [P("Ukraine shall hold elections within 100 days.", "25", "elections")])
    reported = P("The election deadline was reportedly changed; no wording published.", "18", "elections")
    new = V("b", [attrs_evolve(reported, wording_known=False)])
    (ch,) = compare(old, new).changes
    assert ch.kind == "modified" and ch.parameter_changes == () and ch.modality_shifts == ()


def attrs_evolve(p, **changes):
    import attrs

    return attrs.evolve(p, **changes)


def test_parameter_change_display_keeps_units_readable() -> None:
    from peacediff.compare import ParameterChange

    cap = ParameterChange("armed_forces_cap", 600000, 800000, unit="personnel")
    assert cap.display() == "Armed forces cap: 600,000 personnel → 800,000 personnel"
    assert cap.display(label=False) == "600,000 → 800,000 personnel"
    assert ParameterChange("deadline", 100, "as soon as possible", unit="days").display(label=False) == (
        "100 days → as soon as possible")
    assert ParameterChange("fund", 100, 140, unit="USD").display(label=False) == "USD 100 → USD 140"
    assert ParameterChange("share", 50, None, unit="percent").display(label=False) == "50% → (none)"


def _links(c):
    return {(o.number, n.number) for ch in c.changes for o in ch.old for n in ch.new}


@pytest.mark.parametrize(("new_id", "min_recall"), [("e3-counter-28", 0.9), ("us-ua-20", 0.8)])
def test_text_alignment_recovers_curated_links_without_false_ones(new_id: str, min_recall: float):
    import peacediff

    old, new = peacediff.load("us-russia-28"), peacediff.load(new_id)
    truth = _links(compare(old, new, align="keys"))
    found = _links(compare(old.without_keys(), new.without_keys(), align="text"))
    assert found <= truth, f"false links: {sorted(found - truth)}"
    assert len(found & truth) / len(truth) >= min_recall


def test_same_number_in_step_links_a_point_rewritten_in_place():
    # E3 point 21 keeps its number and its neighbour 20 -> 20 is linked, but the wording is new.
    import peacediff

    c = compare(peacediff.load("us-russia-28").without_keys(), peacediff.load("e3-counter-28").without_keys(),
                align="text")
    ch = next(ch for ch in c.changes if ch.old_numbers == ("21",))
    assert ch.kind == "modified" and ch.new_numbers == ("21",) and ch.matched_by == "number"


def test_changes_and_comparisons_refuse_values_outside_their_closed_sets():
    from peacediff.compare import Change, Comparison
    from peacediff.model import Version

    with pytest.raises(ValueError, match="kind"):
        Change("deleted")
    with pytest.raises(ValueError, match="matched_by"):
        Change("modified", matched_by="guess")
    v = Version.from_texts("v", ["A point."])
    with pytest.raises(ValueError, match="align"):
        Comparison(old=v, new=v, changes=(), align="auto")
