"""The per-link shortcuts of compare() build exactly the records the plain way builds.

``_unchanged`` builds its Change positionally (thousands of them in a long document); the
properties below compare it with the same Change built by keyword, field by field, so that a
field added to or moved within :class:`peacediff.compare.Change` cannot shift its values.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacediff.align import Link
from peacediff.compare import MATCH_RULES, Change, _unchanged
from peacediff.model import Provision

_numbers = st.one_of(st.none(), st.sampled_from(["1", "2", "3a"]))


@given(
    text=st.from_regex(r"[A-Za-z][A-Za-z ,.]{0,11}", fullmatch=True),
    old_number=_numbers,
    new_number=_numbers,
    moved=st.booleans(),
    matched_by=st.sampled_from(MATCH_RULES),
    rule=st.sampled_from(["", "exact", "slot"]),
    score=st.one_of(st.none(), st.floats(0, 1)),
)
def test_unchanged_is_the_change_built_by_keyword(
    text: str, old_number: str | None, new_number: str | None, moved: bool, matched_by: str, rule: str,
    score: float | None,
) -> None:
    a = Provision(text=text, number=old_number)
    b = Provision(text=text, number=new_number)
    link = Link((0,), (0,), matched_by, score, rule)
    expected = Change(
        kind="unchanged",
        old=(a,),
        new=(b,),
        renumbered=old_number is not None and new_number is not None and old_number != new_number,
        moved=moved,
        matched_by=matched_by,
        rule=rule or None,
        similarity=1.0,
        link_score=score,
        ops=((0, a.text),),
    )
    built = _unchanged(a, b, link, moved)
    assert attrs.asdict(built, recurse=False) == attrs.asdict(expected, recurse=False)


def test_a_change_refuses_an_unknown_kind_or_rule_with_the_field_named() -> None:
    with pytest.raises(ValueError, match=r"'kind' must be in .* \(got 'gone'\)"):
        Change("gone")
    with pytest.raises(ValueError, match=r"'matched_by' must be in .* \(got \['key'\]\)"):
        Change("modified", matched_by=["key"])  # type: ignore[arg-type]
    assert Change("added", matched_by=None).matched_by is None


def test_figure_changes_reuse_the_figures_a_caller_already_read() -> None:
    from peacediff import figures

    old = "Forces capped at 600,000 personnel within 30 days; five members; USD 100 billion."
    new = "Forces capped at 800,000 personnel within 30 days; five members; USD 90 billion."
    known = {old: figures.find_figures(old, include_weak=True)}
    assert figures.figure_changes(old, new, known=known) == figures.figure_changes(old, new)
    assert known[new] == figures.find_figures(new, include_weak=True)


def test_a_text_read_whole_for_a_declared_number_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import peacediff
    from peacediff import compare, figures

    old, new = peacediff.load("us-russia-28"), peacediff.load("us-ua-20")
    expected = compare(old, new).to_dict()
    reads: dict[tuple[str, bool], int] = {}
    find = figures.find_figures

    def counting(text: str, include_weak: bool = False) -> list[figures.Figure]:
        reads[(text, include_weak)] = reads.get((text, include_weak), 0) + 1
        return find(text, include_weak)

    monkeypatch.setattr(figures, "find_figures", counting)
    assert compare(old, new).to_dict() == expected
    assert reads and max(reads.values()) == 1
