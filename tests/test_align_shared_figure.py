"""The shared-figure pass: a clause reworded in place past the similarity passes keeps a figure
that no other provision states, and that figure names it.

Made-up document: an arms-verification protocol whose access clause is rewritten in plain words
("within 36 hours of a request" / "Once asked, ... at most thirty-six hours"), beside a new
clause and a reworded one, so that no slot or similarity bar takes it.
"""

from __future__ import annotations

import pytest
from align_cases import change_of, numbered_version

from peacediff import align
from peacediff._align_config import AlignConfig
from peacediff.compare import compare
from peacediff.model import Version

_OLD = [
    "This Protocol sets out how the Verification Mission monitors the withdrawal of heavy weapons from the "
    "Kessel Valley.",
    "The Mission consists of up to 120 unarmed observers drawn from the Contributing States.",
    "The Parties shall each appoint a liaison officer to the Mission within ten days of signature.",
    "Observers shall wear the Mission's insignia and carry identity cards issued by the Mission.",
    "Each Party shall grant observers entry to any weapons storage site under its control within 36 hours of a "
    "request.",
    "Observers may interview civilians in private and without the presence of officials of either Party.",
    "The Mission shall report to the Co-Chairs on the progress of the withdrawal every fortnight.",
    "Each Party shall bear the costs of its own liaison officer.",
    "Observers travel in marked vehicles supplied by the Contributing States.",
    "The Mission keeps a register of every heavy weapon withdrawn, with its serial number.",
    "Withdrawn artillery is stored at the depots listed in Annex A.",
    "Mortars above 120 mm calibre count as artillery for this Protocol.",
    "The Parties shall clear the mines they laid on the Valley roads.",
    "Demining teams work under the Mission's coordination.",
    "The Mission may hire local interpreters.",
    "Complaints about an observer's conduct go to the Head of Mission.",
    "The Head of Mission is appointed by the Co-Chairs.",
    "The Co-Chairs meet the Parties' delegations once a month.",
    "Either Party may ask the Co-Chairs for an extraordinary meeting.",
    "This Protocol is drawn up in three languages, each text equally authentic.",
    "This Protocol enters into force on signature.",
]
_DRONES = "The Mission may fly unarmed drones over the Valley by day and by night."
_ACCESS = ("Once asked, a Party has at most thirty-six hours to let the monitoring teams into any weapons depot it "
           "holds.")
_NEW = [
    *_OLD[:4],
    _DRONES,
    _ACCESS,
    "Local people may speak to the teams freely, and no official need be in the room.",
    *_OLD[6:],
]
_HOLDS = "within 36 hours of a request"


def _versions(old: list[str], new: list[str]) -> tuple[Version, Version]:
    return numbered_version("old", old), numbered_version("new", new)


def test_a_clause_reworded_in_place_links_by_the_figure_only_it_states() -> None:
    old, new = _versions(_OLD, _NEW)
    change = change_of(old, new, _HOLDS)
    assert [p.number for p in change.new] == ["6"]
    assert change.rule == "shared-figure" and change.matched_by == "similarity"
    assert change.kind == "modified" and not change.moved
    # "36 hours" and "thirty-six hours" are one figure: nothing to report.
    assert change.parameter_changes == ()
    assert compare(old, new, align="text").to_dict()["alignment"]["passes"]["shared-figure"] == 1


def test_the_link_reads_the_same_from_the_other_side() -> None:
    old, new = _versions(_OLD, _NEW)
    back = compare(new, old, align="text")
    change = next(ch for ch in back.changes if any(p.text == _ACCESS for p in ch.old))
    assert [p.text for p in change.new] == [_OLD[4]] and change.rule == "shared-figure"


def test_the_pass_runs_after_concept_match_and_before_the_hints() -> None:
    passes = list(align.TEXT_PASSES)
    assert passes.index("concept-match") + 1 == passes.index("shared-figure") == passes.index("possible-match") - 1


def test_without_enough_words_in_common_the_figure_is_only_a_hint() -> None:
    old, new = _versions(_OLD, _NEW)
    change = change_of(old, new, _HOLDS, AlignConfig(shared_figure_min_sim=0.5))
    assert change.kind == "removed"
    assert change.possible_match is not None and change.possible_match.provision.text == _ACCESS


def test_a_stock_figure_names_nothing() -> None:
    # Another clause, kept as it was, states the same period: the figure is the document's, not the clause's.
    old_texts = list(_OLD)
    old_texts[2] = "The Parties shall each appoint a liaison officer to the Mission within 36 hours of signature."
    new_texts = list(_NEW)
    new_texts[2] = old_texts[2]
    change = change_of(*_versions(old_texts, new_texts), _HOLDS)
    assert change.kind == "removed"


def test_a_figure_two_new_clauses_state_names_neither() -> None:
    new_texts = [t if t != _DRONES else "The Mission may fly unarmed drones over the Valley for up to thirty-six "
                 "hours at a time." for t in _NEW]
    change = change_of(*_versions(_OLD, new_texts), _HOLDS)
    assert change.kind == "removed"


def test_a_figure_is_no_evidence_of_a_move() -> None:
    # The rewrite moved to the end: a dropped clause and one inserted elsewhere may share a stock
    # phrase with its figure, so the pass links in place only.
    new_texts = [t for t in _NEW if t != _ACCESS] + [_ACCESS]
    change = change_of(*_versions(_OLD, new_texts), _HOLDS)
    assert change.rule != "shared-figure"


_SWAP_OLD = [
    "The Coastal Authority may suspend fishing permits in the northern bays for up to 90 days.",
    "The Harbour Board may restrict night mooring at the fuel jetty after the storm season.",
    "Vessel owners shall register each new hull with the Harbour Board before its first voyage.",
    "The Harbour Board publishes the tide tables every quarter.",
    "Pilots are licensed by the Coastal Authority for five years at a time.",
    "Disputes go to the Maritime Tribunal.",
]
_SWAP_NEW = [
    "The Harbour Board may restrict night mooring at the fuel jetty outside the storm season.",
    "Inspectors may bar charter boats from the northern bays for up to 90 days.",
    *_SWAP_OLD[2:],
]


def test_among_a_handful_of_points_a_figure_names_nothing() -> None:
    # Six points: every word and every figure is in one or two of them.  A dropped point and an
    # inserted one share a stock phrase with its figure ("the northern bays for up to 90 days"),
    # and the mooring rule beside them, reworded, swapped places with them.
    old, new = _versions(_SWAP_OLD, _SWAP_NEW)
    assert change_of(old, new, "fishing permits").kind == "removed"
    # Applied to so small a document, the pass would read a move.
    crossing = change_of(old, new, "fishing permits", AlignConfig(shared_figure_min_provisions=1))
    assert crossing.rule == "shared-figure" and [p.number for p in crossing.new] == ["2"] and crossing.moved



@pytest.mark.parametrize(
    ("old_figure", "new_figure", "stock"),
    [
        ("by 1 March 2026 of a request", "by 2026-03-01", "by 1 March 2026"),
        ("within 06:00 hours of a request", "until 6 a.m.", "who reports at 06:00 hours daily"),
        ("within 7 days of a request", "at most one week", "within a week of signature"),
        ("within 10 km of a request", "at most ten kilometres", "based 10km from the line"),
    ],
)
def test_a_stock_figure_names_nothing_however_it_is_written(old_figure: str, new_figure: str, stock: str) -> None:
    # The figure the pair shares is stated by a kept clause too, in another form: a date, a time
    # of day, "a week", digits run into their unit.  The start of this round's search for it
    # looked for digits and words below a hundred only, and linked the pair.
    old_texts = [t.replace("within 36 hours of a request", old_figure) for t in _OLD]
    new_texts = [t.replace("at most thirty-six hours", new_figure) for t in _NEW]
    assert change_of(*_versions(old_texts, new_texts), old_figure).rule == "shared-figure"
    kept = f"The Parties shall each appoint a liaison officer to the Mission {stock}."
    old_texts[2] = new_texts[2] = kept
    assert change_of(*_versions(old_texts, new_texts), old_figure).kind == "removed"


def test_the_redline_says_what_the_link_rests_on() -> None:
    # Not "Linked by similar wording": the words kept are few, the figure is the evidence.
    c = compare(*_versions(_OLD, _NEW), align="text")
    for fmt, out in (("text", c.to_text()), ("md", c.to_markdown()), ("html", c.to_html())):
        out = " ".join(out.split()).replace("\\(", "(").replace("\\)", ")")
        assert ("Linked by a figure that these two alone state, the wording rewritten "
                "(less sure than a link by wording)") in out, fmt
