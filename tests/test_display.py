"""How results read in a notebook and a terminal: short reprs, tables for lists, str() as the redline."""

from __future__ import annotations

import json

import pytest

import peacediff
from peacediff.listing import VariantList, VersionList

REPR_LIMIT = 200


@pytest.fixture(scope="module")
def comparison() -> peacediff.Comparison:
    return peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20"))


def test_every_repr_is_one_short_line(comparison):
    history = peacediff.history("army-cap")
    objects = [comparison, *comparison.changes, *peacediff.versions(), history, *history.entries,
               *(p for v in peacediff.versions() for p in v.provisions),
               *(variant for _, variant in peacediff.variants())]
    for obj in objects:
        text = repr(obj)
        assert "\n" not in text and len(text) <= REPR_LIMIT, text


def test_comparison_repr_names_both_versions_and_counts(comparison):
    counts = comparison.counts
    assert repr(comparison).startswith("<Comparison us-russia-28 → us-ua-20: ")
    assert f"{counts['modified']} modified" in repr(comparison)
    assert f"{counts['removed']} removed" in repr(comparison)
    assert ": 0 " not in repr(comparison) and ", 0 " not in repr(comparison)  # absent kinds are left out


def test_str_of_a_comparison_is_the_text_redline(comparison):
    assert str(comparison) == comparison.to_text()
    assert str(peacediff.history("army-cap")) == peacediff.history("army-cap").to_text()


def test_versions_is_a_list_that_displays_as_a_table():
    listed = peacediff.versions()
    assert isinstance(listed, VersionList) and isinstance(listed, list)
    assert listed == list(listed) and listed[0].id == "us-russia-28"
    bundle = listed._repr_mimebundle_()
    assert bundle["text/plain"].splitlines()[0].split()[:3] == ["ID", "DATE", "PROPOSER"]
    assert len(bundle["text/plain"].splitlines()) == len(listed) + 1
    assert bundle["text/html"].count("<tr>") == len(listed) + 1
    assert len(bundle["text/html"]) < 10_000 and len(bundle["text/plain"]) < 5_000


def test_variants_display_as_a_table_with_every_claim():
    listed = peacediff.variants("army-cap")
    assert isinstance(listed, VariantList) and len(listed) >= 2
    text = str(listed)
    assert "600,000 personnel" in text and "400,000 personnel" in text
    assert len(repr(peacediff.variants())) < 20_000
    assert all(isinstance(pair, tuple) and len(pair) == 2 for pair in listed)


def test_tables_escape_untrusted_text():
    v = peacediff.Version.from_texts("evil", ["A point."], title='<script>alert(1)</script>\x1b]0;pwned\x07')
    html = VersionList([v])._repr_mimebundle_()["text/html"]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "\x1b" not in str(VersionList([v])) and "\x07" not in str(VersionList([v]))


def _all(changes):
    for ch in changes:
        yield ch
        yield from _all(ch.subchanges)


def test_disputed_figures_are_marked_in_the_json():
    c = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("geneva-19"))
    data = json.loads(json.dumps(c.to_dict()))
    army = next(ch for ch in data["changes"] if "6" in ch["old_numbers"])
    cap = next(pc for pc in army["parameter_changes"] if pc["name"] == "armed_forces_cap")
    assert cap["disputed"] is True
    assert {d["id"] for d in army["disputes"]} >= {"army-cap-size", "geneva-army-cap"}
    undisputed = [pc for pc in army["parameter_changes"] if pc["name"] != "armed_forces_cap"]
    assert all(pc["disputed"] is False for pc in undisputed)


def test_disputes_do_not_depend_on_the_direction():
    a, b = peacediff.load("us-russia-28"), peacediff.load("geneva-19")
    forward, backward = peacediff.compare(a, b), peacediff.compare(b, a)
    assert backward == forward.inverse()
    assert {d.variant.id for ch in _all(forward.changes) for d in ch.disputes} == {
        d.variant.id for ch in _all(backward.changes) for d in ch.disputes}


def test_library_calls_leave_the_garbage_collector_alone(monkeypatch):
    import gc
    import sys

    compare_module = sys.modules["peacediff.compare"]  # the package's `compare` is the function

    a, b = peacediff.load("us-russia-28"), peacediff.load("us-ua-20")
    during: list[bool] = []
    inner = compare_module._compare

    def spy(*args, **kwargs):
        during.append(gc.isenabled())
        return inner(*args, **kwargs)

    monkeypatch.setattr(compare_module, "_compare", spy)
    assert gc.isenabled()
    peacediff.compare(a, b)
    assert during == [True] and gc.isenabled()
