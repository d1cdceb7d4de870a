"""Halves of one point that repeat each other's frame, and slots beside a straddling merge.

Made-up documents: a ferry licence whose two delay-refund points become one clause, a
harbour pay deal whose two yearly rises become one, and a small plan where a merge
straddles a kept point.  Each test also turns its rule off through ``AlignConfig`` (or
shows the case the rule exists for), so it can fail.
"""

from __future__ import annotations

import attrs
import pytest
from align_cases import index_links, numbered

from peacediff._align_config import DEFAULT
from peacediff.align import align_text

_FERRY_HEAD = [
    "The Council grants Northsound Ferries Ltd (the Operator) the licence to run the island crossings for eight years.",
    "The Operator runs at least six return sailings a day between Kelmar and the outer islands.",
    "The Operator keeps its vessels in class with a recognised classification society.",
    "Tickets for islanders are sold at half the standard single fare.",
    "Every vessel carries a defibrillator and a crew member trained to use it.",
    "Vehicles are loaded in the order in which they arrive at the terminal.",
]
_FERRY_TAIL = [
    "The Operator publishes its timetable at least eight weeks before it takes effect.",
    "Either party may end this licence on twelve months' written notice.",
    "Disputes under this licence go to an arbitrator named by the Chamber of Shipping.",
    "This licence is governed by the law of Scotland.",
    "The Operator carries bicycles free of charge on every sailing.",
    "The Operator keeps a lost property office at Kelmar harbour.",
]
_REFUND_QUARTER = "Travellers whose crossing is 20 minutes late or more get a third of their single fare back."
_REFUND_HALF = ("Travellers whose crossing is 45 minutes late or more get two thirds of their single fare back, "
                "and all of it if they are two hours late or more.")
_REFUND_ONE = ("A traveller whose sailing is delayed by 20 minutes or more shall be entitled to compensation equal "
               "to 33% of the single fare, rising to 66% for a delay of 45 minutes or more and to 100% for a "
               "delay of 120 minutes or more.")


def _at(provisions: list, text: str) -> int:
    return next(k for k, p in enumerate(provisions) if p.text == text)


def _ferry() -> tuple[list, list]:
    old = numbered([*_FERRY_HEAD, _REFUND_QUARTER, _REFUND_HALF, *_FERRY_TAIL])
    # The points around the refund clause are reworded too, the timetable point moves before
    # it, and a point inserted earlier shifts the numbers: no firm neighbour and no number
    # places the clause.
    new = numbered([*_FERRY_HEAD[:3], "The Operator provides free Wi-Fi on every vessel.",
                    "Islanders pay half the standard single fare.",
                    "A defibrillator, and someone on the crew who can use it, must be on board every ship.",
                    "Cars board in order of arrival.",
                    "Sailing times are announced no later than eight weeks ahead.",
                    _REFUND_ONE,
                    "The licence can be ended by either side with a year's notice in writing.",
                    *_FERRY_TAIL[2:]])
    return old, new


def test_two_refund_points_folded_into_one_clause_link_as_a_merge():
    """Each half chooses the new clause clearly (no other candidate comes close), but the two
    repeat each other's frame, so together they score no better than the first alone: the
    concatenation gain that makes a joint group never comes.  Their clear, shared choice of a
    partner long enough to hold both links them in the joint pass, before any look-alike can
    take one of them."""
    old, new = _ferry()
    a, b, j = _at(old, _REFUND_QUARTER), _at(old, _REFUND_HALF), _at(new, _REFUND_ONE)
    result = align_text(old, new)
    assert {(i, k) for i, k in index_links(result) if k == j or i in (a, b)} == {(a, j), (b, j)}
    assert [lk.rule for lk in result.links if j in lk.new] == ["joint"]
    # The other direction reads the same clause as split in two.
    back = align_text(new, old)
    assert {(j, a), (j, b)} <= index_links(back)
    assert [lk.rule for lk in back.links if j in lk.old] == ["joint"]


def test_without_the_co_chosen_rule_the_refund_halves_wait_for_their_slot():
    """Turned off, the halves are linked only later, one by the slot between reworded points
    and the other attached to it: in a neighbourhood of moves (redrafts-3's rail concession)
    there is no such slot and both were lost."""
    old, new = _ferry()
    j = _at(new, _REFUND_ONE)
    off = attrs.evolve(DEFAULT, co_chosen_min_sim=1.0)
    assert [lk.rule for lk in align_text(old, new, off).links if j in lk.new] != ["joint"]


def test_halves_whose_partner_is_too_short_for_both_stay_apart():
    """A near-duplicate dropped beside a point that was only reworded: the partner holds one
    half's words, not both (co_chosen_length), so the dropped twin stays removed."""
    old, _new = _ferry()
    short = ("A traveller whose sailing is delayed by 20 minutes or more gets a third of the single "
             "fare back.")
    new = numbered([*_FERRY_HEAD, short, *_FERRY_TAIL])
    a, b, j = _at(old, _REFUND_QUARTER), _at(old, _REFUND_HALF), _at(new, short)
    links = index_links(align_text(old, new))
    assert (a, j) in links
    assert (b, j) not in links


_PAY_HEAD = [
    "This agreement covers every employee of the Harbour Board below director grade.",
    "The agreement runs from 1 May 2027 to 30 April 2029.",
    "Pilots and tug crews are covered by a separate schedule to this agreement.",
    "The Board recognises the Harbour Workers' Union for collective bargaining.",
]
_PAY_TAIL = [
    "The standard working week remains 37 hours.",
    "Overtime is paid at time and a half, and at double time on public holidays.",
    "Either side may refer a dispute about this agreement to the Joint Harbour Council.",
    "Employees on night shifts receive a meal allowance of 6 pounds a shift.",
    "Annual leave is 28 days, rising to 30 days after five years' service.",
    "Sick pay is full pay for the first 13 weeks of absence in any year.",
    "The Board pays for work boots and foul-weather clothing.",
    "Union representatives get paid time off for training, up to 10 days a year.",
]
_RISE_ONE = ("With effect from 1 May 2027, all grades on the Harbour Staff salary scale shall be increased by "
             "2.0 per cent.")
_RISE_TWO = ("With effect from 1 May 2028, all grades on the Harbour Staff salary scale shall be increased by a "
             "further 1.5 per cent, provided that the rise in the Retail Prices Index for the year to March 2028 "
             "does not exceed 5 per cent, in which case the parties shall reopen talks on the second-year rise.")
_RISES = ("All grades on the Harbour Staff salary scale will be increased by 2.5 per cent from 1 May 2027 and "
          "by a further 1.75 per cent from 1 May 2028; if the Retail Prices Index for the year to March 2028 "
          "exceeds 5 per cent, either party may reopen talks on the second rise.")


def _pay() -> tuple[list, list]:
    return numbered([*_PAY_HEAD, _RISE_ONE, _RISE_TWO, *_PAY_TAIL]), numbered([*_PAY_HEAD, _RISES, *_PAY_TAIL])


def test_a_first_year_rise_that_repeats_the_second_still_joins_the_merged_clause():
    """The first-year clause repeats the second but for its year and rate, so it is no novelty
    to the linked second year: it joins because the merged clause holds its year (2027)."""
    old, new = _pay()
    a, b, j = _at(old, _RISE_ONE), _at(old, _RISE_TWO), _at(new, _RISES)
    links = index_links(align_text(old, new))
    assert {(a, j), (b, j)} <= links
    off = attrs.evolve(DEFAULT, part_brings_shared=99)
    assert (a, j) not in index_links(align_text(old, new, off))


def test_a_repeat_that_brings_the_partner_nothing_of_its_own_stays_out():
    """The same first-year clause beside a merged clause that no longer mentions 2027: it brings
    the partner no word of its own, so it is the near-duplicate the novelty guard is for."""
    old, _new = _pay()
    rises = _RISES.replace(" from 1 May 2027 and by a further 1.75 per cent", "")
    new = numbered([*_PAY_HEAD, rises, *_PAY_TAIL])
    a, b, j = _at(old, _RISE_ONE), _at(old, _RISE_TWO), _at(new, rises)
    links = index_links(align_text(old, new))
    assert (b, j) in links
    assert (a, j) not in links


_SLOT_OLD = [
    "Both parties must implement joint agreements of Mibabaan in Rebabaar and Hebabaor. The joint "
    "commission must establish the obligations in Kebabask before the elections.",
    "The signatories undertake to reduce territory for Tababaovo and Bibabask after the ceasefire.",
    "NATO may limit the reconstruction in Gababaets at 25% of the total.",
    "The Security Council shall rebuild forces for Pebabaino and Tebabaan after the ceasefire.",
    "The monitoring mission undertakes to support the troops in Rababask by 2028.",
]
_SLOT_NEW = [
    _SLOT_OLD[1],
    "The Security Council may implement regional assistance of Bebabaar within 60 days. Both parties "
    "must return borders for Vababaets and Nibabaopil in accordance with this agreement. The Security "
    "Council may recognise corridors for Hababaino and Kababaar by 2028.",
    _SLOT_OLD[0] + " " + _SLOT_OLD[2],
    _SLOT_OLD[4],
]


def test_a_slot_beside_a_straddling_merge_pairs_nothing_across_it():
    """Points 1 and 3 merge around kept point 2, so no slot is bounded by the merge: the slot
    after point 2 holds the merge's part 3 and its partner.  Dropped point 4 (after that part)
    and inserted point 2 (before its partner) share "Security Council" but not a place."""
    result = align_text(numbered(_SLOT_OLD), numbered(_SLOT_NEW))
    links = index_links(result)
    assert {(1, 0), (0, 2), (2, 2), (4, 3)} == links


@pytest.mark.parametrize("reverse", [False, True])
def test_a_point_rewritten_in_its_slot_still_links_there(reverse):
    """Without the straddling merge the same pair sits in one place between kept points, and the
    slot pass links it (the guard reads only links inside the slot)."""
    old = numbered(_SLOT_OLD)
    new = numbered([_SLOT_OLD[0], _SLOT_OLD[1], _SLOT_OLD[2],
                    "The Security Council shall rebuild the forces of Pebabaino and Tebabaan within 60 days "
                    "of the ceasefire.", _SLOT_OLD[4]])
    if reverse:
        old, new = new, old
    assert (3, 3) in index_links(align_text(old, new))
