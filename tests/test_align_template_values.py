"""Lists whose items carry a value drawn from a few ("Seat 3, the harbour board: Liberal Union."):
the template pass must pair items by their names, the words an item alone holds in its list, and
not by the values that several items hold and that a redraft reassigns at random.

On the start code the pass weighed every word alike (Dice of the words, figures aside): two items
that shared a value and a printed number but no name ("Seat 4, the parks committee: Liberal Union" /
"Seat 4, the licensing panel: Liberal Union") outscored the item's own name one place away; and the
figures that count a list's items ("Step 7") read as names when the template test left an item
out, so that two steps seven paired whatever they were about; and a word only a dropped and an
inserted item hold ("house") joined them across the list's order.  Each case is a made-up list
between clauses of its own; the guards are the true versions of the shape (names kept, values
changed; nameless items; an item split in two) that must still link."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacediff import Comparison, Version, compare

#: Made-up lists: each frame's label, its items' names and a few values the items share.
_SEATS = ("the harbour board", "the water authority", "the schools trust", "the parks committee",
          "the licensing panel", "the housing forum", "the pension fund", "the libraries council",
          "the markets commission")
_PARTIES = ("Liberal Union", "Workers' League", "Rural Alliance", "Civic Movement")
_SITES = ("Copperfield", "Marlow", "Brantwood", "Ellerby", "Hobson", "Quayside", "Pennock", "Thornbury")
_INSPECTORS = ("Inspector Achterberg", "Inspector Mulvaney", "Inspector Okonkwo")
_GRANTS = ("rural broadband masts", "coastal path repairs", "village hall insulation", "river bank planting",
           "school bus electrification", "flood warning sirens", "moorland peat restoration",
           "market town cycle lanes")
_FUNDERS = ("the Harrowgate Foundation", "the Delling Trust", "the Norland Fund")

_HEAD = ("The signatories agree the allocation below for the coming term.",
         "Each entry names who holds it and on what terms.")
_TAIL = ("An entry may be reassigned by written agreement of the signatories.",
         "This allocation is reviewed after two years.")


def _seat(k: int, name: str, value: str) -> str:
    return f"Seat {k}, {name}: {value}."


def _site(k: int, name: str, value: str) -> str:
    return f"Site {k}, {name}: inspected each spring by {value}."


def _grant(k: int, name: str, value: str) -> str:
    return f"Grant line {k}, {name}: funded by {value}."


_LISTS = {"seats": (_seat, _SEATS, _PARTIES), "sites": (_site, _SITES, _INSPECTORS),
          "grants": (_grant, _GRANTS, _FUNDERS)}


def _document(vid: str, frame, entries: list[tuple[str, str]]) -> Version:
    items = [frame(k, name, value) for k, (name, value) in enumerate(entries, 1)]
    return Version.from_texts(vid, [*_HEAD, *items, *_TAIL])


def _named_links(c: Comparison, names: tuple[str, ...], rule: str | None = None) -> set[tuple[str | None, str | None]]:
    """Each link of the comparison (made by ``rule``, or by any pass) as the pair of item names
    it joins (None: a clause)."""

    def name_of(text: str) -> str | None:
        return next((name for name in names if f" {name}:" in text or f" the {name}:" in text), None)

    return {(name_of(p.text), name_of(q.text)) for ch in c.changes if rule is None or ch.rule == rule
            for p in ch.old for q in ch.new}


def _wrong(c: Comparison, names: tuple[str, ...], rule: str | None = None) -> set[tuple[str | None, str | None]]:
    """The links joining two differently named items."""
    return {pair for pair in _named_links(c, names, rule) if pair[0] != pair[1]}


def _shifted(kind: str, old_values: list[str], new_values: list[str], *, size: int = 6):
    """A list whose first item is dropped and a new one appended: every item moves up one number,
    and takes a new value."""
    frame, names, _values = _LISTS[kind]
    kept = list(names[:size])
    old = _document("a", frame, list(zip(kept, old_values, strict=True)))
    new_names = [*kept[1:], names[size]]
    new = _document("b", frame, list(zip(new_names, new_values, strict=True)))
    return old, new, kept[1:]


def test_a_shared_value_and_number_do_not_outvote_the_name():
    """The harbour board dropped, every seat one number up: "Seat 4, the parks committee: Liberal
    Union" and the new "Seat 4, the licensing panel: Liberal Union" share the number and the party,
    not the name; the parks committee (now Seat 3) and the licensing panel (once Seat 5) keep their
    partners."""
    old, new, kept = _shifted("seats",
                              ["Workers' League", "Liberal Union", "Rural Alliance", "Liberal Union",
                               "Civic Movement", "Civic Movement"],
                              ["Civic Movement", "Civic Movement", "Workers' League", "Liberal Union",
                               "Civic Movement", "Liberal Union"])
    c = compare(old, new, align="text")
    assert _wrong(c, _SEATS) == set()
    assert {(name, name) for name in kept} <= _named_links(c, _SEATS)
    dropped = [ch for ch in c.changes if ch.kind == "removed"]
    assert [ch.old[0].text for ch in dropped] == ["Seat 1, the harbour board: Workers' League."]


def _redraft(kind: str, seed: int) -> tuple[Version, Version, set[str]]:
    """A made-up list of 5-7 items redrafted: one item dropped, a new one inserted anywhere, every
    value drawn again.  Returns the versions and the names of the items both keep."""
    frame, names, values = _LISTS[kind]
    old_entries, new_entries, fresh = _entries(random.Random(seed), names, values)
    kept = {name for name, _v in new_entries} - {fresh}
    return _document("a", frame, old_entries), _document("b", frame, new_entries), kept


def _entries(rnd: random.Random, names: Sequence[str], values: Sequence[str]
             ) -> tuple[list[tuple[str, str]], list[tuple[str, str]], str]:
    """5-7 of ``names`` with values drawn at random, and their redraft: one dropped, a fresh name
    inserted anywhere, every value drawn again.  Returns both lists and the fresh name."""
    size = rnd.randint(5, 7)
    chosen = rnd.sample(names, size + 1)
    items, fresh = chosen[:size], chosen[size]
    old = [(name, rnd.choice(values)) for name in items]
    new = [(name, rnd.choice(values)) for name in items]
    del new[rnd.randrange(size)]
    new.insert(rnd.randrange(len(new) + 1), (fresh, rnd.choice(values)))
    return old, new, fresh


@pytest.mark.parametrize("kind", sorted(_LISTS))
def test_values_reassigned_at_random_never_join_two_names(kind):
    """Over many made-up redrafts of each list, the template pass joins no two items of different
    names, and nearly every kept item finds its own (by any pass)."""
    names = _LISTS[kind][1]
    wrong, found, kept_total = set(), 0, 0
    for seed in range(40):
        old, new, kept = _redraft(kind, seed)
        c = compare(old, new, align="text")
        wrong |= _wrong(c, names, "template")
        found += len({(name, name) for name in kept} & _named_links(c, names))
        kept_total += len(kept)
    assert wrong == set()
    assert found >= 0.95 * kept_total


def test_a_value_written_first_is_no_name():
    """"Funded by the Delling Trust: grant line 3, rural broadband masts.": the funder, redrawn at
    random, comes first in the text.  Over many such redrafts the template pass joins no two grant
    lines; the lines' own words (most of their names) carry them, not the funder's place."""
    wrong = set()
    for seed in range(300):
        old, new, _fresh = _entries(random.Random(seed), _GRANTS, _FUNDERS)

        def lines(vid: str, entries: list[tuple[str, str]]) -> Version:
            return Version.from_texts(vid, [*_HEAD, *(f"Funded by {funder}: grant line {k}, {name}."
                                                      for k, (name, funder) in enumerate(entries, 1)), *_TAIL])

        c = compare(lines("a", old), lines("b", new), align="text")
        wrong |= {(p.text, q.text) for ch in c.changes if ch.rule == "template" for p in ch.old for q in ch.new
                  if p.text.split(", ", 1)[1] != q.text.split(", ", 1)[1]}
    assert wrong == set()


def test_a_word_the_dropped_and_the_new_item_share_moves_nothing():
    """"the boiler house is emptied" dropped and "the coach house is demolished" inserted further
    down: "house" is the one word only the two hold, but not where either's name starts (boiler,
    coach), so it does not link them across the list's order."""
    work = ["the depot roof is stripped", "the boiler house is emptied", "scaffold goes up on the north wing",
            "the chimney stacks are lowered", "the cellars are pumped dry", "the courtyard is resurfaced",
            "the west gate is rehung", "the stables are cleared"]

    def phases(vid: str, entries: list[str], days: list[int]) -> Version:
        return Version.from_texts(vid, [*_HEAD, *(f"Phase {k}, {w}: done by {d} June; signed off by the surveyor."
                                                  for k, (w, d) in enumerate(zip(entries, days, strict=True), 1)),
                                        *_TAIL])

    new_work = [work[0], work[2], "the coach house is demolished", *work[3:]]
    c = compare(phases("a", work, [16, 2, 23, 9, 16, 2, 9, 23]), phases("b", new_work, [2, 9, 16, 16, 23, 9, 2, 16]),
                align="text")
    pairs = {(p.text.split(":")[0].split(", ", 1)[1], q.text.split(":")[0].split(", ", 1)[1])
             for ch in c.changes for p in ch.old for q in ch.new if p.text.startswith("Phase")}
    assert {(a, b) for a, b in pairs if a != b} == set()
    assert {(w, w) for w in work if w in new_work} <= pairs


def test_nameless_items_keep_their_order():
    """Guard: items with no word of their own beyond a value ("Band 3: a fee of 14 euros, billed
    weekly.") still pair by their values and order, the fees all changed."""
    old = Version.from_texts("a", [*_HEAD, *(f"Band {k}: a fee of {f} euros, billed {v}." for k, (f, v) in
                                              enumerate([(10, "weekly"), (12, "monthly"), (14, "weekly"),
                                                         (16, "yearly")], 1)), *_TAIL])
    new = Version.from_texts("b", [*_HEAD, *(f"Band {k}: a fee of {f} euros, billed {v}." for k, (f, v) in
                                              enumerate([(11, "weekly"), (13, "monthly"), (15, "weekly"),
                                                         (17, "yearly")], 1)), *_TAIL])
    c = compare(old, new, align="text")
    bands = {(p.number, q.number) for ch in c.changes for p in ch.old for q in ch.new}
    assert {(str(k), str(k)) for k in range(3, 7)} <= bands


# --------------------------------------------------------------------------- guards


@pytest.mark.parametrize("kind", sorted(_LISTS))
def test_names_kept_values_changed_link_in_place(kind):
    """The true version of the shape: every item keeps its name and takes another value."""
    frame, names, values = _LISTS[kind]
    items = list(names[:6])
    old = _document("a", frame, [(name, values[k % len(values)]) for k, name in enumerate(items)])
    new = _document("b", frame, [(name, values[(k + 1) % len(values)]) for k, name in enumerate(items)])
    c = compare(old, new, align="text")
    assert _named_links(c, names) >= {(name, name) for name in items}
    assert _wrong(c, names) == set()


def test_an_item_split_in_two_keeps_a_part():
    """"the harbour and water board" split into "the harbour board" and "the water board": the
    split item's names stand in both parts, so the template pass still links it."""
    old = _document("a", _seat, [("the parks committee", "Liberal Union"),
                                 ("the harbour and water board", "Rural Alliance"),
                                 ("the licensing panel", "Liberal Union"), ("the housing forum", "Civic Movement"),
                                 ("the pension fund", "Rural Alliance")])
    new = _document("b", _seat, [("the parks committee", "Workers' League"), ("the harbour board", "Rural Alliance"),
                                 ("the water board", "Rural Alliance"), ("the licensing panel", "Civic Movement"),
                                 ("the housing forum", "Civic Movement"), ("the pension fund", "Liberal Union")])
    c = compare(old, new, align="text")
    whole = next(ch for ch in c.changes if any("harbour and water" in p.text for p in ch.old))
    assert whole.new and {q.text.split(":")[0] for q in whole.new} <= {"Seat 2, the harbour board",
                                                                       "Seat 3, the water board"}
    for name in ("the parks committee", "the licensing panel", "the housing forum", "the pension fund"):
        linked = [ch for ch in c.changes if any(name in p.text for p in ch.old)]
        assert linked and all(name in q.text for q in linked[0].new)


@pytest.mark.parametrize("seed", range(6))
def test_a_list_shifted_by_one_links_no_two_names_by_template(seed):
    """A list whose first item is dropped and a new one appended, the values drawn anew: the
    template pass joins no two differently named items."""
    rnd = random.Random(seed)
    old, new, _kept = _shifted("seats", [rnd.choice(_PARTIES) for _ in range(6)],
                               [rnd.choice(_PARTIES) for _ in range(6)])
    assert _wrong(compare(old, new, align="text"), _SEATS, "template") == set()


@given(st.lists(st.sampled_from(_PARTIES), min_size=6, max_size=6),
       st.lists(st.sampled_from(_PARTIES), min_size=6, max_size=6))
def test_a_list_shifted_by_one_links_no_two_names(old_values, new_values):
    """Law: a list whose first item is dropped and a new one appended, every value drawn anew: the
    template pass never links two differently named items."""
    old, new, _kept = _shifted("seats", old_values, new_values)
    assert _wrong(compare(old, new, align="text"), _SEATS, "template") == set()


def test_a_list_count_is_read_over_the_whole_list():
    """"Step 2", "Step 4", "Step 5", "Step 7": the items the template test kept skip some steps, so
    they do not count on, and their figures read as names (each held by one item a side) that
    kept "Step 7, armed patrols ..." and "Step 7, heavy mortars ..." one item.  Over each side's
    whole list ("Step 1" to "Step 8", "Step 1" to "Step 9") they count from 1 on both sides: the
    list's numbering, no name."""
    from peacediff._align_lists import _figure_names
    from peacediff.model import Provision

    def steps(count: int, kept: list[int], day: int) -> tuple[list[Provision], list[Provision]]:
        works = ("bridge", "depot", "ridge", "ford", "quarry", "airstrip", "rail yard", "pass", "harbour")
        whole = [Provision(text=f"Step {k}, the {works[k - 1]} is cleared: completed by {day} June.",
                           number=str(k + 3)) for k in range(1, count + 1)]
        return [whole[k - 1] for k in kept], whole

    old_items, old_whole = steps(8, [2, 4, 5, 7], 16)
    new_items, new_whole = steps(9, [2, 4, 5, 7], 9)
    assert _figure_names(old_items, new_items, set(), 3)[0] == [{0: "2"}, {0: "4"}, {0: "5"}, {0: "7"}]
    assert _figure_names(old_items, new_items, set(), 3, (old_whole, new_whole)) == ([{}] * 4, [{}] * 4)


def _works(vid: str, entries: list[tuple[str, int]]) -> Version:
    return Version.from_texts(vid, [*_HEAD, *(f"Phase {k}, {w}: done by {d} June; signed off by the surveyor."
                                              for k, (w, d) in enumerate(entries, 1)), *_TAIL])


_KEPT = [("the cellars are pumped dry", 16), ("the courtyard is resurfaced", 23), ("the west gate is rehung", 2),
         ("the stables are cleared", 9), ("the chapel is reroofed", 16)]


def test_an_item_split_in_two_takes_both_parts():
    """"the roofers and glaziers leave the east wing" split into one phase for the roofers and one
    for the glaziers: the template pass links the first part in order, and the second, named by a
    word only the whole held in the old list, joins it (a split), whatever their dates."""
    old = _works("a", [("the depot roof is stripped", 2), ("the roofers and glaziers leave the east wing", 9), *_KEPT])
    new = _works("b", [("the depot roof is stripped", 9), ("the roofers leave the east wing", 16),
                       ("the glaziers leave the east wing", 16), *[(w, d + 7) for w, d in _KEPT]])
    split = [ch for ch in compare(old, new, align="text").changes if ch.kind == "split"]
    assert [(len(ch.old), [q.text.split(":")[0] for q in ch.new]) for ch in split] == [
        (1, ["Phase 2, the roofers leave the east wing", "Phase 3, the glaziers leave the east wing"])]


@pytest.mark.parametrize(("second", "parts"), [
    ("the glaziers and scaffolders leave the east wing", 2),  # one word new to the list: a part
    ("the glaziers and the chapel masons leave the east wing", 1),  # "chapel" names a kept phase
    ("the glaziers, scaffolders and joiners leave the east wing", 1),  # more new words than it brings
])
def test_a_split_part_that_gains_a_word_of_its_own(second, parts):
    """"the roofers and glaziers" split into "the roofers" (linked in order) and "the glaziers and
    scaffolders": the second item brings the whole a name the first lacks, and one word no item of
    the old list holds, the redraft's own, so it is still a part.  A word that names another item
    of the list ("chapel"), or more new words than names brought, make it an item of its own."""
    old = _works("a", [("the depot roof is stripped", 2), ("the roofers and glaziers leave the east wing", 9), *_KEPT])
    new = _works("b", [("the depot roof is stripped", 9), ("the roofers leave the east wing", 16),
                       (second, 16), *[(w, d + 7) for w, d in _KEPT]])
    c = compare(old, new, align="text")
    whole = next(ch for ch in c.changes if any("roofers and glaziers" in p.text for p in ch.old))
    assert [q.text.split(":")[0] for q in whole.new] == [
        "Phase 2, the roofers leave the east wing", f"Phase 3, {second}"][:parts]
    assert whole.kind == ("split" if parts == 2 else "modified")


def test_an_item_inserted_beside_is_no_part():
    """Guard: a phase inserted beside a kept one shares the frame and a date with it, not a name:
    it is added, and the kept phase keeps its one partner."""
    old = _works("a", [("the depot roof is stripped", 2), ("the roofers leave the east wing", 9), *_KEPT])
    new = _works("b", [("the depot roof is stripped", 9), ("the roofers leave the east wing", 16),
                       ("the plumbers leave the boiler room", 16), *[(w, d + 7) for w, d in _KEPT]])
    c = compare(old, new, align="text")
    assert not [ch for ch in c.changes if ch.kind in ("split", "merge")]
    assert [ch.new[0].text.split(":")[0] for ch in c.changes if ch.kind == "added"] == [
        "Phase 3, the plumbers leave the boiler room"]


# --------------------------------------------------------------------------- across an unchanged item



def _limits(vid: str, entries: list[tuple[str, int, int]]) -> Version:
    return Version.from_texts(vid, [
        "This schedule sets the limits that apply in each district.",
        *(f"Measure {k}: within {d} days, the speed limit in {z} district is lowered to {s} km/h."
          for k, (z, d, s) in enumerate(entries, 1)),
        "The schedule is reviewed every year."])


def _district(text: str) -> str:
    """The district a speed-limit item names (the text itself for a clause)."""
    return text.split(" district")[0].rsplit(" ", 1)[-1] if " district" in text else text


def _district_pairs(c: Comparison) -> set[tuple[str, str]]:
    return {(_district(p.text), _district(q.text)) for ch in c.changes for p in ch.old for q in ch.new}


def test_an_item_swapped_with_an_unchanged_one_keeps_its_name():
    """Every figure of the list changes but one item's; the item after that unchanged one ("Yew")
    moves before it, and a district new to the list ("Alder") takes its old place with a figure of
    its old text ("30 km/h").  The unchanged item cuts the list into two gaps, each holding an
    item whose name partner is in the other: Yew went with Alder by its number, and the moved Yew
    read as added.  A name joins the two Yews across the gaps; Alder is added."""
    old = _limits("a", [("Umber", 21, 30), ("Oak", 90, 20), ("Quince", 60, 40), ("Nettle", 21, 30),
                        ("Rowan", 21, 40), ("Fir", 21, 40), ("Maple", 30, 40), ("Spruce", 45, 50),
                        ("Gorse", 10, 30), ("Pine", 14, 40), ("Vetch", 14, 30), ("Elm", 10, 30),
                        ("Teak", 45, 50), ("Cedar", 60, 30), ("Yew", 45, 30), ("Juniper", 45, 50)])
    new = _limits("b", [("Umber", 30, 30), ("Oak", 10, 20), ("Quince", 14, 20), ("Nettle", 10, 50),
                        ("Rowan", 30, 50), ("Fir", 60, 30), ("Maple", 45, 30), ("Spruce", 60, 20),
                        ("Gorse", 14, 50), ("Vetch", 14, 50), ("Elm", 21, 30), ("Teak", 14, 40),
                        ("Yew", 21, 50), ("Cedar", 60, 30), ("Alder", 30, 30), ("Juniper", 45, 40)])
    c = compare(old, new, align="text")

    pairs = _district_pairs(c)
    assert {(a, b) for a, b in pairs if a != b} == set()
    assert ("Yew", "Yew") in pairs
    assert [_district(ch.new[0].text) for ch in c.changes if ch.kind == "added"] == ["Alder"]
    assert [_district(ch.old[0].text) for ch in c.changes if ch.kind == "removed"] == ["Pine"]
    assert [_district(ch.old[0].text) for ch in c.changes if ch.moved] == ["Yew"]


def test_an_item_moved_far_across_an_unchanged_one_keeps_its_name():
    """A 28-item schedule, every figure changed but one item's ("Damson", kept word for word): one
    item ("Ivy") moves from near the end to near the start, across the kept one, two items are
    dropped and two new ones inserted.  The moved item had no candidate left in its new gap, so
    the template test did not file it there, and it read as removed and added; the one word only
    it and its old self hold names the pair across the kept item."""
    old = _limits("a", [
        ("Teak", 30, 40), ("Willow", 14, 40), ("Elm", 21, 50), ("Ash", 120, 20), ("Dock", 120, 30), ("Oak", 90, 40),
        ("Maple", 10, 20), ("Fir", 45, 20), ("Nettle", 10, 40), ("Vetch", 90, 50), ("Beech", 120, 20),
        ("Hazel", 45, 40), ("Zelkova", 45, 30), ("Kale", 14, 20), ("Clover", 14, 40), ("Fern", 45, 40),
        ("Spruce", 14, 30), ("Quince", 21, 20), ("Yew", 90, 40), ("Birch", 45, 30), ("Umber", 30, 20),
        ("Damson", 90, 50), ("Pine", 45, 40), ("Alder", 120, 40), ("Rowan", 21, 30), ("Ivy", 14, 20),
        ("Juniper", 90, 50), ("Gorse", 120, 30)])
    new = _limits("b", [
        ("Teak", 45, 40), ("Willow", 120, 50), ("Elm", 30, 50), ("Ash", 120, 40), ("Dock", 120, 20),
        ("Cedar", 90, 30), ("Ivy", 21, 50), ("Maple", 21, 50), ("Fir", 10, 30), ("Nettle", 10, 40),
        ("Vetch", 120, 50), ("Beech", 10, 20), ("Hazel", 14, 50), ("Zelkova", 10, 40), ("Kale", 10, 20),
        ("Clover", 10, 40), ("Fern", 45, 30), ("Spruce", 21, 40), ("Quince", 30, 20), ("Birch", 60, 50),
        ("Umber", 21, 40), ("Damson", 90, 50), ("Pine", 21, 50), ("Larch", 30, 30), ("Alder", 21, 40),
        ("Rowan", 21, 30), ("Juniper", 60, 50), ("Gorse", 90, 50)])
    c = compare(old, new, align="text")

    pairs = _district_pairs(c)
    assert {(a, b) for a, b in pairs if a != b} == set()
    assert ("Ivy", "Ivy") in pairs
    assert sorted(_district(ch.old[0].text) for ch in c.changes if ch.kind == "removed") == ["Oak", "Yew"]
    assert sorted(_district(ch.new[0].text) for ch in c.changes if ch.kind == "added") == ["Cedar", "Larch"]
