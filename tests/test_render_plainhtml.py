"""The direct writer of plain changes draws exactly what the ``change`` macro draws.

A long redline's plain changes (``ChangeView.extras`` false) skip the Jinja macro for speed
(peacediff/render/_plainhtml.py); the macro stays the reference.  These tests hold the two to
the same bytes on made-up documents whose text carries HTML metacharacters, quotes,
ampersands and invisible characters, with categories, confidence levels and renumbering.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from peacediff.compare import compare
from peacediff.model import CONFIDENCE_LEVELS, Version
from peacediff.render import ChangeView, build_view
from peacediff.render._environment import _environment
from peacediff.render._plainhtml import nav_rows_html, plain_change_html

_WORDS = st.sampled_from([
    "ceasefire", "troops", "<b>withdraw</b>", "A&B", "\"quoted\"", "it's", "→", "600,000",
    "<script>x()</script>", "&amp;", "zero\u200bwidth", "ü", "'", ">", "the", "border", "—",
])
_TEXT = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)
_SUFFIX = st.sampled_from(["", "", "a", "bis"])  # renumbers some points, and stays unique

#: The contents list's row, as redline.html.j2 drew it in a Jinja loop (the reference nav_rows_html must match).
NAV_ROW_TEMPLATE = (
    '<li><a href="#{{ v.anchor }}"><span class="num">{{ v.label }}</span></a> <span class="badge k-{{ v.kind }}">'
    '{{ v.kind_label }}</span>{% if v.change.moved %} <span class="badge k-moved">moved</span>{% endif %}'
    ' {{ v.title }}</li>\n'
)


def _macro(v: ChangeView, prefix: str = "") -> str:
    return str(_environment().get_template("_macros.html.j2").module.change(v, prefix))  # type: ignore[attr-defined]


@st.composite
def _versions(draw: st.DrawFn) -> tuple[Version, Version]:
    texts = draw(st.lists(_TEXT, min_size=1, max_size=6))
    old = Version.from_texts("old", texts, title="Old &amp; <draft>")
    # The new side: some points kept, some reworded, renumbered by an insertion, with
    # categories and confidence levels the meta line shows.
    new_texts = [t if draw(st.booleans()) else t + " " + draw(_TEXT) for t in texts]
    if draw(st.booleans()):
        new_texts.insert(draw(st.integers(0, len(new_texts))), draw(_TEXT))
    provisions = []
    for i, t in enumerate(new_texts, start=1):
        p = Version.from_texts("x", [(str(i) + draw(_SUFFIX), t)]).provisions[0]
        p = attrs.evolve(p, category=draw(st.one_of(st.none(), _TEXT)), category_inferred=draw(st.booleans()),
                         confidence=draw(st.sampled_from(CONFIDENCE_LEVELS)))
        provisions.append(p)
    new = Version(id="new", title="New <draft>", provisions=tuple(provisions))
    return old, new


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_versions(), st.sampled_from(["", "x-"]))
def test_plain_writer_matches_macro(pair: tuple[Version, Version], prefix: str) -> None:
    old, new = pair
    view = build_view(compare(old, new), id_prefix=prefix)
    plain = [v for v in view.changes if not v.extras]
    for v in plain:
        html = plain_change_html(v)
        assert isinstance(html, Markup)
        assert str(html) == _macro(v, prefix)
    row = _environment().overlay(autoescape=True).from_string(NAV_ROW_TEMPLATE)
    assert str(nav_rows_html(view.changes)) == "".join(row.render(v=v) for v in view.changes)


def test_plain_changes_are_the_common_case_and_escaped() -> None:
    old = Version.from_texts("a", ["Troops <b>withdraw</b> & \"stay\".", "Keep it's border.", "Gone soon."])
    new = Version.from_texts("b", ["Added <i>first</i>.", "Troops <b>withdraw</b> & \"stay\".",
                                   "Keep it's border.", "Gone soon, now."])
    view = build_view(compare(old, new))
    plain = [v for v in view.changes if not v.extras]
    assert len(plain) >= 2  # the unchanged and the reworded points: no extras
    for v in plain:
        html = str(plain_change_html(v))
        assert html == _macro(v)
        assert "<b>" not in html and "<i>" not in html
    assert any("Troops &lt;b&gt;withdraw&lt;/b&gt; &amp; &#34;stay&#34;." in str(plain_change_html(v)) for v in plain)


def test_changes_with_extras_are_refused() -> None:
    old = Version.from_texts("a", ["One.", "Two.", "Three."])
    new = Version.from_texts("b", ["Three.", "One.", "Two."])  # a move: not plain
    view = build_view(compare(old, new))
    rich = [v for v in view.changes if v.extras]
    assert rich
    with pytest.raises(ValueError, match="plain changes only"):
        plain_change_html(rich[0])


def test_contents_rows_mark_moves_and_escape() -> None:
    old = Version.from_texts("a", ["One <b>.", "Two & two.", "Three."])
    new = Version.from_texts("b", ["Three.", "One <b>.", "Two & two."])
    view = build_view(compare(old, new))
    html = str(nav_rows_html(view.changes))
    row = _environment().overlay(autoescape=True).from_string(NAV_ROW_TEMPLATE)
    assert html == "".join(row.render(v=v) for v in view.changes)
    assert html.count("<li>") == len(view.changes)
    assert "k-moved" in html and "One &lt;b&gt;." in html and "<b>" not in html
