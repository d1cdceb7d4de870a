"""Three-way and matrix pages carry hostile text as text, as the two-version redline does."""

from __future__ import annotations

from hypothesis import given
from render_fixtures import hostile_comparison
from test_render_safety import SETTINGS, assert_no_controls, assert_only_our_markup, hostile_text, parse

from peacediff.threeway import compare3
from peacediff.versionmatrix import matrix


@SETTINGS
@given(hostile_text)
def test_three_way_views_carry_hostile_text_as_text(text: str) -> None:
    c = hostile_comparison(text)
    t = compare3(c.old, c.new, c.old)
    assert t.counts["unknown"] + t.counts["left"] > 0
    for html, fragment in ((t.to_html(), False), (t._repr_mimebundle_()["text/html"], True)):
        assert_no_controls(html)
        root = parse(html, fragment=fragment)
        assert_only_our_markup(root, text)
        ids = {el.get("id") for el in root.iter() if el.get("id")}
        assert all(el.get("href")[1:] in ids for el in root.iter("a") if el.get("href", "").startswith("#"))
    assert_no_controls(t.to_markdown())
    assert_no_controls(t.to_text())


@SETTINGS
@given(hostile_text)
def test_matrix_views_carry_hostile_text_as_text(text: str) -> None:
    c = hostile_comparison(text)
    m = matrix([c.old, c.new], parameter=None)
    for html, fragment in ((m.to_html(), False), (m._repr_mimebundle_()["text/html"], True)):
        assert_no_controls(html)
        assert_only_our_markup(parse(html, fragment=fragment), text)
    assert_no_controls(m.to_markdown())
    assert_no_controls(m.to_text())
    values = matrix([c.old, c.new], parameter="p_name")
    assert_only_our_markup(parse(values.to_html()), text)
