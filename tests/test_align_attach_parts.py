"""A neighbour that shares one value of the frame with a provision is no part of it (attachment).

Made-up documents: a berth allocation list of a port and the rules of a rowing club.  In the
list, half of an item split in two takes the number and the operator of the item after it
("Berth 4, reefers: Baltic Handling" beside old "Berth 4, cars and machinery: Baltic Handling",
now "Berth 5"); in the club rules, a dropped clause shares one word that the whole text uses
("membership") with the reworded clause beside it.  The attach pass used to make such a
neighbour a split or merge part of the provision (rule ``attach``), or keep it beside the true
part that joined later.  The guards are true parts: the other half of a split list item, which
brings its partner a word the two alone hold, and the reworded clause itself.

Each false-part test turns the rule off through ``AlignConfig`` (``part_value_df``, and
``part_heading_df`` for lists, where an item's heading also tells it from its neighbour) and
sees the false part come back, so it can fail.  A list of school rooms shows the heading alone:
an inserted room takes the number and the teacher of the room it pushes down, a teacher no
other room names.
"""

from __future__ import annotations

import attrs
import pytest
from align_cases import numbered_version

from peacediff._align_config import DEFAULT
from peacediff.align import AlignConfig
from peacediff.compare import Change, compare
from peacediff.model import Version

#: The rule turned off: no word is held by this many provisions, and no heading is read.
_OFF = attrs.evolve(DEFAULT, part_value_df=10_000, part_heading_df=0)

_PORT_HEAD = [
    "The port authority allocates the berths of the inner harbour as set out below.",
    "Each operator keeps its berth clear of vessels waiting for a pilot.",
    "Berth allocations run for the whole shipping season.",
]
_PORT_TAIL = [
    "An operator that gives up its berth informs the harbour master a month in advance.",
    "Disputes over berths go to the harbour board.",
    "This allocation is reviewed before the next season.",
]
_CARGO = ["grain and fertiliser", "timber and paper", "containers and reefers", "cars and machinery",
          "fuel and chemicals", "steel and scrap"]




def _port(operators: list[str], *, split: bool) -> Version:
    """The berth list with an operator per cargo; ``split``: containers and reefers on two berths."""
    items: list[tuple[str, str]] = []
    for cargo, operator in zip(_CARGO, operators, strict=True):
        if split and cargo == "containers and reefers":
            items += [("containers", operator), ("reefers", operator)]
        else:
            items.append((cargo, operator))
    berths = [f"Berth {k}, {cargo}: {operator}." for k, (cargo, operator) in enumerate(items, start=1)]
    return numbered_version("new" if split else "old", [*_PORT_HEAD, *berths, *_PORT_TAIL])


def _pairs(changes: tuple[Change, ...]) -> dict[tuple[str, str], Change]:
    """Each (old text, new text) a change links, with the change."""
    return {(a.text, b.text): ch for ch in changes for a in ch.old for b in ch.new}


def _port_pairs(old_ops: list[str], new_ops: list[str], config: AlignConfig = DEFAULT) -> dict[tuple[str, str], Change]:
    return _pairs(compare(_port(old_ops, split=False), _port(new_ops, split=True), align="text", config=config).changes)


_BH, _KT, _NS, _OL = "Baltic Handling", "Kestrel Terminals", "Nordhavn Stevedores", "Orca Logistics"

#: (old operators, new operators) where the reefers half takes the next berth's number and operator.
_TAKES_NEXT = [
    ([_NS, _BH, _KT, _KT, _NS, _BH], [_BH, _BH, _KT, _OL, _NS, _BH]),
    ([_KT, _KT, _BH, _BH, _BH, _BH], [_BH, _KT, _BH, _NS, _NS, _BH]),
]


@pytest.mark.parametrize(("old_ops", "new_ops"), _TAKES_NEXT)
def test_half_of_a_split_item_that_takes_the_next_items_number_and_operator_is_no_part_of_it(old_ops, new_ops):
    """"Berth 4, reefers: <operator>" shares only the number and operator of old "Berth 4, cars
    and machinery: <operator>" (now berth 5): it is not that berth's split part."""
    cars_old = f"Berth 4, cars and machinery: {old_ops[3]}."
    reefers = f"Berth 4, reefers: {new_ops[2]}."
    cars_new = f"Berth 5, cars and machinery: {new_ops[3]}."
    pairs = _port_pairs(old_ops, new_ops)
    assert (cars_old, reefers) not in pairs
    change = pairs[(cars_old, cars_new)]
    assert [p.text for p in change.new] == [cars_new]
    assert change.kind == "modified"
    # the rule, turned off, gives the false part back
    off = _port_pairs(old_ops, new_ops, _OFF)
    assert (cars_old, reefers) in off
    assert off[(cars_old, reefers)].kind == "split"
    assert off[(cars_old, reefers)].rule == "attach"


def test_guard_the_true_half_of_a_split_item_still_joins_it():
    """"Berth 3, containers and reefers" split into "containers" and "reefers" under one operator:
    the second half brings its partner "reefers", a word the two alone hold, and stays a part."""
    old_ops, new_ops = [_BH, _BH, _KT, _OL, _NS, _NS], [_OL, _BH, _KT, _OL, _OL, _NS]
    pairs = _port_pairs(old_ops, new_ops)
    whole = f"Berth 3, containers and reefers: {_KT}."
    change = pairs[(whole, f"Berth 4, reefers: {_KT}.")]
    assert change.kind == "split"
    assert change.rule == "attach"
    assert [p.text for p in change.new] == [f"Berth 3, containers: {_KT}.", f"Berth 4, reefers: {_KT}."]


# --------------------------------------------------------------------------- a dropped clause

#: (kind, old text, new text): "=" kept, "p" reworded, "-" dropped, "e" edited.
_CLUB: list[tuple[str, ...]] = [
    ("=", "The Member joins the Harbour Rowing Club as a junior rower from 3 March 2027."),
    ("p", "The Member trains at the Club's boathouse on the north quay.",
     "Training takes place at the north quay boathouse."),
    ("p", "The first three months of membership are a trial season.",
     "Membership begins with a three-month trial season."),
    ("=", "During the trial season, either side may cancel with one week's notice."),
    ("e", "The yearly fee is 240 euros, paid in two halves.", "The yearly fee is 260 euros, paid in two halves."),
    ("p", "Outings on the river take place on Tuesdays and Saturdays, weather allowing.",
     "The crews go out on the river twice a week, on Tuesdays and Saturdays, unless the weather forbids it."),
    ("-", "The Member may bring a guest to one outing a month."),
    ("=", "Life jackets must be worn by every rower on the water."),
    ("p", "If the Member cannot join an outing, he must tell the captain before noon on the day before.",
     "A Member who has to miss an outing shall let the captain know by noon the day before."),
    ("=", "Damage to a boat is reported to the captain at once."),
    ("=", "The Club may suspend a Member who breaks the safety rules."),
    ("-", "After the trial season, either side may terminate the membership by giving a month's written notice."),
    ("p", "The Member must return all equipment on leaving.",
     "When the membership ends, keys, oars and all other equipment of the Club are to be handed back."),
    ("=", "These rules are governed by the law of Ireland."),
]


def _club(config: AlignConfig = DEFAULT) -> dict[tuple[str, str], Change]:
    old = [row[1] for row in _CLUB]
    new = [row[-1] for row in _CLUB if row[0] != "-"]
    c = compare(numbered_version("old", old), numbered_version("new", new), align="text", config=config)
    return _pairs(c.changes)


def test_a_dropped_clause_sharing_one_common_word_with_the_clause_beside_it_is_no_merge_part():
    """The dropped notice clause shares only "membership" (held by four provisions) with the
    reworded return clause: it reads as removed, and the return clause links alone."""
    dropped = _CLUB[11][1]
    returned_old, returned_new = _CLUB[12][1], _CLUB[12][2]
    pairs = _club()
    assert all(old != dropped for old, _new in pairs)
    change = pairs[(returned_old, returned_new)]
    assert [p.text for p in change.old] == [returned_old]
    assert change.kind == "modified"
    off = _club(_OFF)
    assert (dropped, returned_new) in off
    assert off[(dropped, returned_new)].kind == "merged"


def test_the_rule_leaves_every_other_link_of_the_club_rules_alone():
    """Only the false part differs with the rule on and off: every true link of the club rules
    but the dropped guest clause's (removed) is found either way."""
    on, off = set(_club()), set(_club(_OFF))
    dropped = _CLUB[11][1]
    assert on == {pair for pair in off if pair[0] != dropped}


#: A library service agreement whose start clause and extension clause are merged into one point.
#: The start clause brings the merged point one word beyond the extension clause ("September",
#: which one other clause holds), and two of its own ("commence", "run").
_LIBRARY_OLD = [
    'This agreement is made between Ashford Borough Council (the "Borough") and Larkfield Libraries Trust (the '
    '"Trust") for the running of the town\'s branch libraries listed in Schedule 1.',
    "The agreement shall commence on 1 September and shall run for an initial term of five years.",
    "The Borough may extend the agreement for a further period of up to two years by giving written notice to "
    "the Trust not later than 31 March in the final year of the initial term.",
    "The Trust shall keep every branch open for at least 40 hours a week.",
    "The opening hours of each branch shall be reviewed with its readers each September.",
    "The Trust shall buy at least 6,000 new books a year for the branches.",
    "The Borough shall pay the Trust an annual grant of 1.2 million pounds in monthly instalments.",
    "The Trust shall give the Borough a report on visits and loans every quarter.",
    "Either party may end the agreement for a serious breach that is not remedied within 60 days of notice.",
    "The Trust shall employ a qualified librarian at every branch.",
    "The Trust shall keep the branch buildings in good repair at its own cost.",
    "This agreement is governed by the law of England and Wales.",
]
_LIBRARY_NEW = [
    'Larkfield Libraries Trust (the "Trust") will run the branch libraries listed in Schedule 1 for Ashford '
    'Borough Council (the "Borough").',
    "The agreement starts on 1 September and lasts five years. The Borough may lengthen it by up to two more "
    "years if it tells the Trust so in writing by 31 March of the fifth year.",
    "Every branch must be open for no fewer than 40 hours each week.",
    "Each branch agrees its opening hours with its readers once a year.",
    "The Trust must add at least 6,500 new books a year to the branches.",
    "The Borough pays the Trust a grant of 1.2 million pounds a year, in monthly instalments.",
    "The Trust reports to the Borough on visits and loans every quarter.",
    "Either party may end the agreement for a serious breach left unremedied 60 days after notice.",
    "A qualified librarian must work at every branch.",
    "Keeping the branch buildings in good repair is for the Trust to pay for.",
    "This agreement is governed by the law of England and Wales.",
]


def test_guard_a_clause_merged_with_the_next_one_that_brings_it_one_date_word_stays_a_part():
    """The start clause shares with the merged point only "September" beyond the extension
    clause: a word three provisions hold is no frame of the document, so the start clause is
    no neighbour (part_value_df 4; at 3 the same shape lost a true part in
    benchmarks/redrafts-7, school-transport 2 + 3 → 2)."""
    c = compare(numbered_version("old", _LIBRARY_OLD), numbered_version("new", _LIBRARY_NEW), align="text")
    (change,) = [ch for ch in c.changes if any(p.number == "2" for p in ch.new)]
    assert change.kind == "merged"
    assert [p.number for p in change.old] == ["2", "3"]
    assert [ch.kind for ch in c.changes].count("removed") == 0


def test_the_fields_are_validated():
    with pytest.raises(ValueError, match="part_value_df"):
        attrs.evolve(DEFAULT, part_value_df=1)
    with pytest.raises(ValueError, match="part_value_words"):
        attrs.evolve(DEFAULT, part_value_words=0)
    with pytest.raises(ValueError, match="part_value_own_min"):
        attrs.evolve(DEFAULT, part_value_own_min=0)
    with pytest.raises(ValueError, match="part_heading_df"):
        attrs.evolve(DEFAULT, part_heading_df=-1)


# --------------------------------------------------------------------------- a list item by its heading

_ROOMS_HEAD = [
    "The school assigns its laboratories and studios for the coming year as listed below.",
    "Each room is kept locked when no teacher is present.",
    "The caretaker holds a spare key to every room.",
]
_ROOMS_TAIL = [
    "A teacher who needs another room asks the deputy head a week ahead.",
    "Rooms are inspected for safety each term.",
    "This list is reviewed every summer.",
]

#: (old rooms, new rooms): one room inserted that takes the number and the teacher of the room
#: it pushes down, a teacher who holds no other room (the two provisions alone name them).
_ROOMS = [
    ([("chemistry and physics", "Dr Haddad"), ("languages and literature", "Mr Oyelaran"),
      ("computing and robotics", "Mr Lindqvist"), ("music and drama", "Ms Okafor"),
      ("art and design", "Dr Nakamura"), ("cooking and nutrition", "Mrs Petrakis")],
     [("biology and ecology", "Dr Haddad"), ("chemistry and physics", "Ms Varga"),
      ("languages and literature", "Ms Varga"), ("computing and robotics", "Mr Oyelaran"),
      ("music and drama", "Mr Oyelaran"), ("art and design", "Mr Oyelaran"),
      ("cooking and nutrition", "Mrs Petrakis")]),
    ([("computing and robotics", "Ms Okafor"), ("languages and literature", "Dr Haddad"),
      ("chemistry and physics", "Dr Nakamura"), ("art and design", "Ms Varga"),
      ("music and drama", "Mrs Petrakis"), ("biology and ecology", "Mr Lindqvist")],
     [("computing and robotics", "Ms Okafor"), ("languages and literature", "Mr Oyelaran"),
      ("chemistry and physics", "Dr Nakamura"), ("art and design", "Ms Varga"),
      ("cooking and nutrition", "Mrs Petrakis"), ("music and drama", "Mr Oyelaran"),
      ("biology and ecology", "Mr Lindqvist")]),
]


def _rooms(rooms: list[tuple[str, str]], vid: str) -> Version:
    items = [f"Room {k}, {subject}: {teacher}." for k, (subject, teacher) in enumerate(rooms, start=1)]
    return numbered_version(vid, [*_ROOMS_HEAD, *items, *_ROOMS_TAIL])


@pytest.mark.parametrize(("old_rooms", "new_rooms"), _ROOMS)
def test_an_inserted_item_that_takes_a_rooms_number_and_teacher_is_no_part_of_it(old_rooms, new_rooms):
    """The inserted room shares with the old room whose number it took only its teacher, whom no
    other room names (so no value of the whole document); its heading ("biology", "cooking") is
    not the old room's, whose heading the room that moved down keeps: another item."""
    old, new = _rooms(old_rooms, "old"), _rooms(new_rooms, "new")
    inserted = next(k for k, room in enumerate(new_rooms) if room[0] not in {r[0] for r in old_rooms})
    inserted_text = new.provisions[3 + inserted].text
    taken = old.provisions[3 + inserted].text
    moved_down = new.provisions[4 + inserted].text

    def pairs(config: AlignConfig) -> dict[tuple[str, str], Change]:
        return _pairs(compare(old, new, align="text", config=config).changes)

    on = pairs(DEFAULT)
    assert all(b != inserted_text for _a, b in on)
    assert [p.text for p in on[(taken, moved_down)].new] == [moved_down]
    off = pairs(attrs.evolve(DEFAULT, part_heading_df=0))
    assert (taken, inserted_text) in off
    assert off[(taken, inserted_text)].rule == "attach"
