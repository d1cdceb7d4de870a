"""The second half of a split is the one that carries what the first half left of the old clause.

Made-up document: a club sponsorship deal.  Old "The Sponsor shall pay a sponsorship fee of EUR 3
million per year in two equal instalments" splits into "... a sponsorship fee of EUR 3.5 million
per year" and "Payment falls due in two equal instalments, on 1 March and 1 September", and right
after them the redraft inserts a sponsorship bonus the Sponsor pays per year.  The inserted
point repeats the frame of the first half (the Sponsor pays so much per year) and so outscores
the true second half on the whole old clause; the attach pass, which asked the old clause to
choose the joining part first by that score, left the second half added.  It now also lets the
old clause choose by what its linked half leaves of it ("two equal instalments").
"""

from __future__ import annotations

from align_cases import numbered_version

from peacediff.compare import compare

_HEAD = [
    "This agreement sets out the terms on which Brightwater Mutual sponsors Harcastle Rovers Football Club.",
    "The Sponsor is named the Club's principal partner for the term of this agreement.",
    "The Sponsor's logo appears on the front of the first-team shirt.",
    "The Club displays the Sponsor's name on the main stand of its ground.",
    "The Sponsor may use the Club's crest in its own advertising with the Club's approval.",
]
_FEE_OLD = "The Sponsor shall pay a sponsorship fee of EUR 3 million per year in two equal instalments."
_FEE_NEW = [
    "The Sponsor shall pay a sponsorship fee of EUR 3.5 million per year.",
    "Payment falls due in two equal instalments, on 1 March and 1 September.",
]
_INSERTED = "The Sponsor shall pay a sponsorship bonus of EUR 400,000 per year if the Club wins the league."
_TAIL = [
    "The Club gives the Sponsor twenty match tickets for every home game.",
    "Players attend up to four events of the Sponsor each season.",
    "The Sponsor does not sponsor any other club in the same league.",
    "The Club informs the Sponsor of any change to its shirt supplier.",
    "Either party may end this agreement if the other commits a serious breach.",
    "The Sponsor may end this agreement if the Club is relegated twice in a row.",
    "The agreement runs for four seasons from 1 July 2027.",
    "Neither party makes public statements about the other without consent.",
    "Each party bears its own costs of negotiating this agreement.",
    "Notices are given in writing to the addresses in the schedule.",
    "The agreement is governed by the laws of England.",
    "Disputes go first to mediation and then to the courts of London.",
    "This agreement replaces every earlier arrangement between the parties.",
]




def test_a_split_keeps_the_half_that_carries_the_rest_beside_an_inserted_point_on_the_same_frame() -> None:
    old = numbered_version("old", [*_HEAD, _FEE_OLD, *_TAIL])
    new = numbered_version("new", [*_HEAD, *_FEE_NEW, _INSERTED, *_TAIL])
    c = compare(old, new, align="text")
    split = [ch for ch in c.changes if ch.kind == "split"]
    assert len(split) == 1
    assert [p.number for p in split[0].old] == ["6"]
    assert [q.text for q in split[0].new] == _FEE_NEW
    added = [q.text for ch in c.changes if ch.kind == "added" for q in ch.new]
    assert added == [_INSERTED]


def test_the_same_read_the_other_way_is_a_merge_of_the_two_halves() -> None:
    old = numbered_version("old", [*_HEAD, *_FEE_NEW, _INSERTED, *_TAIL])
    new = numbered_version("new", [*_HEAD, _FEE_OLD, *_TAIL])
    c = compare(old, new, align="text")
    merged = [ch for ch in c.changes if ch.kind == "merged"]
    assert len(merged) == 1
    assert [p.text for p in merged[0].old] == _FEE_NEW
    removed = [p.text for ch in c.changes if ch.kind == "removed" for p in ch.old]
    assert removed == [_INSERTED]


def test_an_inserted_point_on_the_frame_alone_is_no_part_of_the_fee_clause() -> None:
    # Without the true second half, the inserted point carries nothing the first half left.
    old = numbered_version("old", [*_HEAD, _FEE_OLD, *_TAIL])
    new = numbered_version("new", [*_HEAD, _FEE_NEW[0], _INSERTED, *_TAIL])
    c = compare(old, new, align="text")
    assert not [ch for ch in c.changes if ch.kind == "split"]
    added = [q.text for ch in c.changes if ch.kind == "added" for q in ch.new]
    assert added == [_INSERTED]
