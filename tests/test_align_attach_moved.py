"""Parts that moved together join their merge (or split) wherever the anchors put their partner.

Made-up documents: a waste-collection contract whose three surcharge clauses (Saturdays, public
holidays, night work) become one terse list that moves up, above unchanged clauses on vehicles
and depots; and the same contract read the other way round (one list split into three clauses
that move down).  Two of the three old clauses merge first; the third sits beside them, on the
far side of the unchanged clauses from its partner, so the attach pass used to ask it for the
evidence of a move (a cosine of ``moved_min_sim``) and left it removed, while its siblings, which
moved the same way, had joined.  A part next to a part already linked has moved with it.
"""

from __future__ import annotations

from align_cases import numbered_version

from peacediff.compare import compare
from peacediff.model import Version

_HEAD = [
    "This contract governs the collection of household waste in the District of Oldmere.",
    "The Contractor collects household waste from every dwelling in the District once a week.",
    "Recyclable waste is collected every second week in the blue containers.",
    "Garden waste is collected from April to October on request of the resident.",
]
_MIDDLE = [
    "The Contractor keeps its collection vehicles roadworthy and washes them every week.",
    "Every vehicle carries a spill kit and a first-aid box.",
    "The depot at Fenwick Lane is open to inspectors of the District at any time.",
    "Drivers hold a licence for heavy goods vehicles and complete a safety course every year.",
]
_SURCHARGES_OLD = [
    "Collection on Saturdays is charged at a surcharge of 30% of the standard collection fee.",
    "Collection on public holidays is charged at a surcharge of 80% of the standard collection fee.",
    "Collection at night between 22:00 and 05:00 is charged at a surcharge of 15% of the standard collection fee.",
]
_SURCHARGES_NEW = (
    "Surcharges on the standard collection fee: Saturdays 25%, public holidays 80%, "
    "night collection between 22:00 and 05:00 15%."
)
_TAIL = [
    "The District pays the Contractor's invoices within 30 days of receipt.",
    "The Contractor reports missed collections to the District every month.",
    "A resident may complain about a missed collection by telephone or online.",
    "The Contractor answers every complaint within five working days.",
    "The Contractor insures its liability to third parties for at least EUR 5 million.",
    "Either party may end this contract with twelve months' notice.",
    "The contract runs for seven years from 1 January 2027.",
    "Disputes go to the courts of Oldmere.",
    "The District may audit the Contractor's accounts once a year.",
    "Changes to this contract are made in writing and signed by both parties.",
]




OLD = numbered_version("old", [*_HEAD, *_MIDDLE, *_SURCHARGES_OLD, *_TAIL])
NEW = numbered_version("new", [*_HEAD, _SURCHARGES_NEW, *_MIDDLE, *_TAIL])


def _links(old: Version, new: Version) -> set[tuple[str, str]]:
    return {(str(p.number), str(q.number)) for ch in compare(old, new, align="text").changes
            for p in ch.old for q in ch.new}


def test_three_clauses_merged_into_a_list_that_moved_up_join_it_all_three() -> None:
    c = compare(OLD, NEW, align="text")
    merged = [ch for ch in c.changes if ch.kind == "merged"]
    assert len(merged) == 1
    assert [p.number for p in merged[0].old] == ["9", "10", "11"]
    assert [q.number for q in merged[0].new] == ["5"]
    assert not [ch for ch in c.changes if ch.kind == "removed"]
    # The unchanged clauses it moved past keep their own links.
    assert {("5", "6"), ("6", "7"), ("7", "8"), ("8", "9")} <= _links(OLD, NEW)


def test_a_list_split_into_three_clauses_that_moved_down_keeps_all_three_parts() -> None:
    c = compare(NEW, OLD, align="text")
    split = [ch for ch in c.changes if ch.kind == "split"]
    assert len(split) == 1
    assert [p.number for p in split[0].old] == ["5"]
    assert [q.number for q in split[0].new] == ["9", "10", "11"]
    assert not [ch for ch in c.changes if ch.kind == "added"]


def test_a_clause_beside_the_moved_list_that_shares_only_its_frame_stays_apart() -> None:
    # A new surcharge-free clause about Sunday rounds, beside the old surcharges, is no part of the list.
    sunday = "The Contractor does not collect waste on Sundays except after a public holiday."
    old = numbered_version("old", [*_HEAD, *_MIDDLE, *_SURCHARGES_OLD, sunday, *_TAIL])
    new = numbered_version("new", [*_HEAD, _SURCHARGES_NEW, *_MIDDLE, *_TAIL])
    c = compare(old, new, align="text")
    removed = [p.text for ch in c.changes if ch.kind == "removed" for p in ch.old]
    assert removed == [sunday]
