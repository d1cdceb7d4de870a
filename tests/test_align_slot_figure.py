"""A clause reworded in place that restates a figure in other words: the slot pass counts the
figure as the second distinctive thing the pair shares.

Made-up document: a twelve-clause water-supply agreement, unnumbered (so no number pass), too
short for the shared-figure pass (``shared_figure_min_provisions``).  Its notice clause is
rewritten between two kept clauses ("at least 48 hours' notice of any planned interruption of
supply" / "Before any planned cut in supply, homes must be warned two days ahead"): the two
share one rare word ("planned"; "supply" is in other clauses), one short of the slot's bar, and
the figure, read as one period (2 days), restated in other units.  A figure written the same
way on both sides is already counted, as its words ("48", "hours"); restated, it shares no word,
and it counts only when no other clause states it.
"""

from __future__ import annotations

import pytest

from peacediff._align_config import AlignConfig
from peacediff.compare import Change, compare
from peacediff.model import Provision, Version

_CLAUSES = [
    "This Agreement is made between the Town of Harlow Vale and Brightwater Utilities Ltd.",
    "Brightwater shall supply drinking water to every household connected to the municipal network.",
    "The water supplied shall meet the quality standards set by the national health authority.",
    "Brightwater shall publish the results of its water tests every month on its website.",
    "Charges for water shall be set each year by the Town Council after consulting Brightwater.",
    "Brightwater shall repair any burst main within 24 hours of being told of it.",
    "Households shall be given at least 48 hours' notice of any planned interruption of supply.",
    "Brightwater shall maintain a reserve of treated water sufficient for three days of normal demand.",
    "This Agreement enters into force upon signature by both parties.",
    "Either party may terminate this Agreement by giving twelve months' notice in writing.",
    "Disputes under this Agreement shall be referred to an independent arbitrator.",
    "This Agreement is governed by the law of the Republic.",
]
_NOTICE = 6
_RESTATED = "Before any planned cut in supply, homes must be warned two days ahead."


def _version(vid: str, texts: list[str]) -> Version:
    return Version(id=vid, title=vid, provisions=tuple(Provision(text=t) for t in texts))


def _notice_change(old_texts: list[str], new_texts: list[str], config: AlignConfig | None = None) -> list[Change]:
    c = compare(_version("a", old_texts), _version("b", new_texts), align="text",
                **({"config": config} if config else {}))
    return [ch for ch in c.changes if any(p.text == old_texts[_NOTICE] for p in ch.old)
            or any(p.text == new_texts[_NOTICE] for p in ch.new)]


def _with(texts: list[str], at: int, text: str) -> list[str]:
    out = list(texts)
    out[at] = text
    return out


def test_a_figure_restated_in_other_units_places_a_reworded_clause():
    changes = _notice_change(_CLAUSES, _with(_CLAUSES, _NOTICE, _RESTATED))
    assert [(ch.kind, ch.rule) for ch in changes] == [("modified", "slot")]


def test_the_link_reads_the_same_from_the_other_side():
    changes = _notice_change(_with(_CLAUSES, _NOTICE, _RESTATED), _CLAUSES)
    assert [(ch.kind, ch.rule) for ch in changes] == [("modified", "slot")]


@pytest.mark.parametrize(("old_figure", "new_figure"), [
    ("at least 48 hours' notice", "two days ahead"),
    ("at least two days' notice", "48 hours ahead"),
    ("at least 14 days' notice", "a fortnight ahead"),
    ("at least one week's notice", "seven days ahead"),
])
def test_any_restatement_of_the_period_counts(old_figure, new_figure):
    old = _with(_CLAUSES, _NOTICE, _CLAUSES[_NOTICE].replace("at least 48 hours' notice", old_figure))
    new = _with(_CLAUSES, _NOTICE, _RESTATED.replace("two days ahead", new_figure))
    assert [(ch.kind, ch.rule) for ch in _notice_change(old, new)] == [("modified", "slot")]


def test_a_stock_figure_places_nothing():
    # A kept clause states the same period: the figure names no clause, and the pair, one rare
    # word apart from it, stays removed and added.
    old = _with(_CLAUSES, 5, "Brightwater shall repair any burst main within two days of being told of it.")
    new = _with(old, _NOTICE, _RESTATED)
    assert sorted(ch.kind for ch in _notice_change(old, new)) == ["added", "removed"]


def test_a_restated_figure_alone_is_not_enough():
    # No rare word in common: the figure would be the only evidence, under the slot's bar.
    new = _with(_CLAUSES, _NOTICE, "Homes must be warned two days ahead of works on the network.")
    assert sorted(ch.kind for ch in _notice_change(_CLAUSES, new)) == ["added", "removed"]


def test_the_slot_bar_still_rules():
    # With a bar of three shared things, one word and the figure are two.
    changes = _notice_change(_CLAUSES, _with(_CLAUSES, _NOTICE, _RESTATED), AlignConfig(slot_min_shared=3))
    assert sorted(ch.kind for ch in changes) == ["added", "removed"]
