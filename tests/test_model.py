"""Model value types: validation at construction, fixed-order dicts, helpers."""

from __future__ import annotations

import attrs
import pytest

from peacediff.model import Claim, Evidence, Parameter, Provision, Removal, Source, Variant, Version, format_value


def test_from_texts_numbers_bare_texts_and_keeps_given_numbers() -> None:
    v = Version.from_texts("v2", ["First.", "Second."], title="Draft", date="2025-12-24")
    assert [(p.number, p.text, p.key) for p in v.provisions] == [("1", "First.", None), ("2", "Second.", None)]
    assert v.title == "Draft" and v.date == "2025-12-24"
    w = Version.from_texts("w", [("6", "Cap."), (None, "Unnumbered.")])
    assert [p.number for p in w.provisions] == ["6", None]
    assert w.title == "w"


@pytest.mark.parametrize(
    ("factory", "message"),
    [
        (lambda: Provision(text="   "), "text must not be empty"),
        (lambda: Provision(text="x", number="6 a"), "is not a printed number label"),
        (lambda: Provision(text="x", key="Army Cap"), "is not a valid identifier"),
        (lambda: Provision(text="x", confidence="rumour"), "'confidence' is 'rumour', which is not one of: published"),
        (lambda: Provision(text="x\x00"), "NUL"),
        (lambda: Parameter("Cap", 1), "snake_case"),
        (lambda: Parameter("cap", float("nan")), "NaN"),
        (lambda: Parameter("cap", {"a": 1}), "must be a number, string, boolean or list of strings"),
        (lambda: Version(id="v", title="t", date="Nov 2025"), "ISO date"),
        (lambda: Version(id="v", title="t", parents=("v",)), "lists itself as a parent"),
        (lambda: Version(id="v", title="t", declared_count=-1), "non-negative integer"),
        (lambda: Version(id="v", title="t", provisions=(Provision("a", "1"), Provision("b", "1"))),
         "duplicate provision number '1'"),
        (lambda: Version(id="v", title="t", provisions=(
            Provision("a", "1", key="k"), Provision("b", "2", subpoints=(Provision("c", "a", key="k"),)))),
         "duplicate key 'k'"),
        (lambda: Version(id="v", title="t", provisions=(Provision("a", "1", key="k"),), removed=(Removal("k"),)),
         "listed as removed"),
        (lambda: Variant(id="x", topic="t", claims=(Claim(1, ("s",)),)), "at least two claims"),
        (lambda: Provision(text="x", parameters=(Parameter("a", 1), Parameter("a", 2))), "given twice"),
    ],
)
def test_invalid_values_are_refused_at_construction(factory, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        factory()


def test_objects_are_frozen() -> None:
    p = Provision(text="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.text = "y"  # type: ignore[misc]


def test_full_text_includes_nested_subpoints() -> None:
    p = Provision("A guarantee.", "10", subpoints=(
        Provision("Paid for.", "a"),
        Provision("Void if:", "b", subpoints=(Provision("an invasion.", "i"),)),
    ))
    assert p.full_text == "A guarantee.\n(a) Paid for.\n(b) Void if:\n  (i) an invasion."
    assert [q.number for q in p.walk()] == ["10", "a", "b", "i"]


def test_lookup_helpers() -> None:
    v = Version(id="v", title="t", provisions=(
        Provision("Cap.", "6", key="army-cap", parameters=(Parameter("armed_forces_cap", 600000, "personnel"),)),
        Provision("G.", "10", key="g", subpoints=(Provision("Paid.", "a", key="g.paid"),)),
    ), sources=(Source("s", "Outlet"),))
    assert v.provision("6").key == "army-cap"
    assert v.provision("g.paid").text == "Paid."
    assert v.provision("99") is None
    assert v.keys == {"army-cap", "g", "g.paid"}
    assert v.provision("6").parameter("armed_forces_cap").display() == "600,000 personnel"
    assert v.source("s").outlet == "Outlet" and v.source("x") is None
    stripped = v.without_keys()
    assert stripped.keys == frozenset()
    assert [p.text for p in stripped.provisions] == ["Cap.", "G."]


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [(600000, "personnel", "600,000 personnel"), (100000000000, "USD", "USD 100 billion"),
     (2_500_000, "EUR", "EUR 2.5 million"), (1234567, "USD", "USD 1,234,567"),
     (50, "percent", "50%"), (True, None, "yes"), (("Russia", "Ukraine"), None, "Russia, Ukraine"),
     (None, None, "(none)"), (2.5, "years", "2.5 years"), ("as soon as possible", "days", "as soon as possible")],
)
def test_format_value(value, unit, shown: str) -> None:
    assert format_value(value, unit) == shown


def test_evidence_and_claim_dicts() -> None:
    e = Evidence("seed-000", "600,000 personnel")
    c = Claim(("a", "b"), ("seed-000",), evidence=(e,), unit="x")
    assert c.to_dict() == {"value": ["a", "b"], "unit": "x", "sources": ["seed-000"],
                           "evidence": [{"source": "seed-000", "quote": "600,000 personnel", "note": None}],
                           "note": None}
