"""Template lists too big for the dense in-order matching (more than ``template_cells_max`` pairs):
a tariff schedule, a register of licences, a seat list of hundreds of items, every figure changed,
items dropped, inserted and moved, the list renumbered.  Each kept item still links to itself, in
order, over its likely pairs (names, naming figures, printed numbers, a band around the list's
diagonal); the number pass no longer links every item after a drop to its neighbour's successor."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacediff import AlignConfig, Version, compare
from peacediff._align_lists import _dense_chain, _heaviest_chain
from peacediff.align import align_text
from peacediff.model import Provision

Pair = tuple[int, int]
#: One item of a list: its name (the words that tell it from its siblings) and its figures.
Item = tuple[str, tuple[int, ...]]
Render = Callable[[int, Item], str]

_SYLLABLES = ("bar", "cor", "dun", "fel", "gar", "hol", "kes", "lin", "mor", "nap", "ost", "pel", "quin",
              "ros", "sen", "tav", "ulm", "vek", "wen", "yar")


def _names(rnd: random.Random, count: int, syllables: int = 3) -> list[str]:
    """``count`` distinct made-up proper names, in a random order."""
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rnd.choice(_SYLLABLES) for _ in range(syllables)).capitalize())
    return rnd.sample(sorted(names), count)


def _tariff(k: int, item: Item) -> str:
    place, (rate, levy, day) = item
    goods = ("butter", "cheese", "wool", "timber", "barley")[len(place) % 5]
    return (f"Tariff line {k}: {goods} from {place} pays {rate} % duty and a levy of {levy} euros a tonne "
            f"from day {day}.")


def _licence(k: int, item: Item) -> str:
    holder, (year, vehicles) = item
    return f"Licence {k} is held by {holder} Haulage for its depot until {year}, for {vehicles} vehicles."


def _seat(k: int, item: Item) -> str:
    ward, (votes, turnout) = item
    party = ("Harbour", "Valley", "Civic")[len(ward) % 3]
    return f"Seat {k}, {ward} ward: won by the {party} Party with {votes:,} votes on a turnout of {turnout} %."


def _figures(rnd: random.Random, count: int) -> tuple[int, ...]:
    return tuple(rnd.randint(10, 90) for _ in range(count))


def _revision(render: Render, figures: int, *, n: int, seed: int, drops: tuple[int, ...] = (),
              inserts: tuple[int, ...] = (), move: tuple[int, int] | None = None, names: list[str] | None = None,
              ) -> tuple[Version, Version, set[Pair]]:
    """A made-up list of ``n`` items between a heading and a closing clause, and its revision:
    every figure changed (each by 1-5), the items at ``drops`` dropped, new items put before the
    items at ``inserts``, the item ``move[0]`` put before ``move[1]``, every item renumbered.
    The items are named by ``names`` (made-up ones by default).  Returns both versions and the
    true links (old index, new index)."""
    rnd = random.Random(seed)
    names = names or _names(rnd, n + len(inserts))
    old_items = [(names[k], _figures(rnd, figures)) for k in range(n)]
    revised = [(name, tuple(f + rnd.randint(1, 5) for f in figs)) for name, figs in old_items]
    order: list[tuple[Item, int | None]] = []
    fresh = iter(names[n:])
    for k in range(n):
        if k in inserts:
            order.append(((next(fresh), _figures(rnd, figures)), None))
        if move is not None and k == move[1]:
            order.append((revised[move[0]], move[0]))
        if k not in drops and (move is None or k != move[0]):
            order.append((revised[k], k))
    head = ["This schedule is part of the Agreement and is read with its annexes.",
            "Each line below applies from the first day of the budget year."]
    tail = ["The joint committee may amend this schedule by decision."]
    old = [*head, *(render(k, item) for k, item in enumerate(old_items, 1)), *tail]
    new = [*head, *(render(k, item) for k, (item, _src) in enumerate(order, 1)), *tail]
    truth = {(0, 0), (1, 1), (len(old) - 1, len(new) - 1)}
    truth |= {(2 + src, 2 + at) for at, (_item, src) in enumerate(order) if src is not None}
    return _version("a", old), _version("b", new), truth


def _version(vid: str, texts: list[str]) -> Version:
    return Version(id=vid, title=vid, provisions=tuple(Provision(text=t, number=str(k))
                                                       for k, t in enumerate(texts, 1)))


def _links(old: Version, new: Version, config: AlignConfig | None = None) -> dict[Pair, str | None]:
    """Every linked (old index, new index) and the rule that linked it."""
    c = compare(old, new, align="text", config=config)
    at_old = {id(p): i for i, p in enumerate(old.provisions)}
    at_new = {id(p): j for j, p in enumerate(new.provisions)}
    return {(at_old[id(a)], at_new[id(b)]): ch.rule for ch in c.changes for a in ch.old for b in ch.new}


_LISTS = [pytest.param(_tariff, 3, id="tariff"), pytest.param(_licence, 2, id="licences"),
          pytest.param(_seat, 2, id="seats")]


@pytest.mark.parametrize(("render", "figures"), _LISTS)
@pytest.mark.parametrize("seed", [1, 2])
def test_a_big_list_with_an_early_drop_links_every_item_to_itself(render: Render, figures: int, seed: int) -> None:
    old, new, truth = _revision(render, figures, n=240, seed=seed, drops=(3,))
    links = _links(old, new)
    assert set(links) == truth
    assert {links[(i, j)] for i, j in truth if 1 < i < len(old.provisions) - 1} == {"template"}


@pytest.mark.parametrize(("render", "figures"), _LISTS)
def test_a_big_list_with_drops_insertions_and_a_moved_item_links_every_kept_item(render: Render, figures: int) -> None:
    old, new, truth = _revision(render, figures, n=260, seed=7, drops=(5, 90, 91, 250), inserts=(40, 180),
                                move=(120, 30))
    c = compare(old, new, align="text")
    links = _links(old, new)
    assert set(links) == truth
    # The moved item reads as moved (old item 121, now the 30th: one item dropped before it).
    assert [(ch.old, ch.new) for ch in c.changes if ch.moved] == [((old.provisions[2 + 120],),
                                                                    (new.provisions[2 + 29],))]
    assert len([ch for ch in c.changes if ch.kind == "added"]) == 2
    assert len([ch for ch in c.changes if ch.kind == "removed"]) == 4


def test_a_register_of_thousands_of_lines_pairs_in_order_without_a_note() -> None:
    old, new, truth = _revision(_licence, 2, n=1200, seed=3, drops=(2, 600), inserts=(900,))
    result = align_text(list(old.provisions), list(new.provisions))
    assert {(i, j) for lk in result.links for i in lk.old for j in lk.new} == truth
    assert not [note for note in result.notes if "template" in note]


def _coded_licence(k: int, item: Item) -> str:
    code, (year, vehicles, holder) = item
    firm = ("Brannock", "Ostley", "Carrow", "Dunmore", "Pellow")[holder % 5]
    return f"Item {k}: licence L-{code} is held by {firm} Haulage until {year}, for {vehicles} vehicles."


def test_a_big_register_named_by_its_licence_codes_links_every_licence_to_itself() -> None:
    """Nothing but a figure names a licence ("L-2210"; five firms hold them all): the figure
    names (:func:`_read_names`) offer each licence its own, three dropped in a row and two new."""
    codes = [str(2000 + 3 * k) for k in range(302)]
    old, new, truth = _revision(_coded_licence, 3, n=300, seed=300, drops=(3, 70, 71, 72, 200),
                                inserts=(20, 150), names=codes)
    assert set(_links(old, new)) == truth


def _ward_seat(k: int, item: Item) -> str:
    ward, (votes, turnout) = item
    return f"Seat {k}, {ward} ward: won with {votes:,} votes on a turnout of {turnout} %."


def _wards(drops: tuple[int, ...], inserts: tuple[int, ...]) -> tuple[Version, Version, set[Pair]]:
    """Seats of wards "North Barcor", "South Barcor", … "West Yarros": every word of a ward stands
    in four items or sixty, so no item holds a name of its own."""
    towns = _names(random.Random(99), 70)
    wards = [f"{('North', 'South', 'East', 'West')[k % 4]} {towns[k // 4]}" for k in range(241)]
    return _revision(_ward_seat, 2, n=240, seed=6, drops=drops, inserts=inserts, names=wards)


@pytest.mark.parametrize(("drops", "inserts"), [((3,), ()), ((3, *range(100, 111), 180), (20,))])
def test_a_big_list_whose_items_hold_no_name_links_by_the_band(drops: tuple[int, ...],
                                                                 inserts: tuple[int, ...]) -> None:
    """Read with names only (template_word_items=1), only the place along the list (the band
    around its diagonal) offers the true pair; the words then tell "North Barcor" from "South
    Barcor".  Eleven items dropped in a row move the rest six places against the list's
    proportion: within the band."""
    old, new, truth = _wards(drops, inserts)
    assert set(_links(old, new, AlignConfig(template_word_items=1))) == truth


def test_a_big_list_whose_items_hold_no_name_links_by_words_few_items_hold() -> None:
    """Forty wards dropped in a row carry the rest past any band: "Barcor", which four seats
    hold, still offers each seat its four namesakes."""
    old, new, truth = _wards((3, *range(100, 140), 180), (20,))
    assert set(_links(old, new)) == truth


def test_a_list_within_template_cells_max_links_as_the_dense_matching_does() -> None:
    """The sparse chain over a small list whose band covers it gives the dense matching's links."""
    old, new, truth = _revision(_seat, 2, n=40, seed=11, drops=(3, 20), inserts=(10,), move=(30, 5))
    dense = align_text(list(old.provisions), list(new.provisions))
    sparse = align_text(list(old.provisions), list(new.provisions),
                        AlignConfig(template_cells_max=1, template_band=60))
    assert {(lk.old, lk.new, lk.rule) for lk in sparse.links} == {(lk.old, lk.new, lk.rule) for lk in dense.links}
    assert {(i, j) for lk in dense.links for i in lk.old for j in lk.new} == truth


@pytest.mark.parametrize(("render", "figures"), _LISTS)
def test_a_small_list_links_every_item_to_itself(render: Render, figures: int) -> None:
    """Guard: the shape of the big lists at 60 items, which the dense matching always paired."""
    old, new, truth = _revision(render, figures, n=60, seed=2, drops=(3, 40), inserts=(30,), move=(50, 10))
    assert set(_links(old, new)) == truth


def test_a_small_list_reads_neither_the_band_nor_the_pair_budget() -> None:
    """Guard: under template_cells_max the dense matching pairs the list, whatever the band."""
    old, new, truth = _revision(_tariff, 3, n=60, seed=2, drops=(3,), inserts=(30,))
    tight = AlignConfig(template_band=0, template_pairs_max=1)
    assert set(_links(old, new)) == set(_links(old, new, tight)) == truth


def test_a_big_list_over_its_pair_budget_narrows_its_band_with_a_note() -> None:
    old, new, truth = _revision(_licence, 2, n=240, seed=4, drops=(3,))
    provisions = list(old.provisions), list(new.provisions)
    # Names and numbers give each item about two likely pairs: room for about two more, a band of 0.
    result = align_text(*provisions, AlignConfig(template_pairs_max=4 * 240))
    assert [note for note in result.notes if "template_pairs_max" in note and "narrower" in note]
    assert {(i, j) for lk in result.links for i in lk.old for j in lk.new} == truth


def test_a_big_list_whose_named_pairs_exceed_the_budget_is_not_paired_in_order() -> None:
    old, new, _truth = _revision(_licence, 2, n=240, seed=4, drops=(3,))
    result = align_text(list(old.provisions), list(new.provisions), AlignConfig(template_pairs_max=10))
    assert [note for note in result.notes if "template_pairs_max" in note and "without their order" in note]
    in_order = [lk for lk in result.links if lk.rule == "template"]
    # Only the pairs a word names alone (its only two holders in the document) still link.
    assert len(in_order) < 240


@pytest.mark.parametrize("band", [-1, 0])
def test_the_band_and_the_budget_are_validated(band: int) -> None:
    with pytest.raises(ValueError, match="template_band" if band < 0 else "template_pairs_max"):
        AlignConfig(template_band=band) if band < 0 else AlignConfig(template_pairs_max=band)


_WEIGHTS = st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.integers(-3, 9)), max_size=30)


def _total(chain: list[Pair], weight: dict[Pair, float]) -> float:
    return sum(weight[p] for p in chain)


@given(_WEIGHTS)
def test_the_heaviest_chain_is_as_heavy_as_the_dense_matching(triples: list[tuple[int, int, int]]) -> None:
    """Law: over the same weights the sparse solver finds a chain (increasing in both places,
    positive weights only) of the dense programme's total weight."""
    weight = {(x, y): float(w) for x, y, w in triples}
    chain = _heaviest_chain([(x, y, w) for (x, y), w in sorted(weight.items())])
    matrix = [[weight.get((x, y), -1.0) for y in range(8)] for x in range(8)]
    dense = _dense_chain(matrix)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(chain))
    assert all(weight[p] > 0 for p in chain)
    assert _total(chain, weight) == _total(dense, {p: matrix[p[0]][p[1]] for p in dense})


def test_a_big_nameless_list_keeping_its_printed_numbers_links_by_them() -> None:
    """"A duty of 4,210 % applies from day 3,307.": nothing but the printed numbers, which the
    revision keeps while it drops three items, says which item is which."""
    rnd = random.Random(5)
    figures = [(rnd.randint(100, 99_999), rnd.randint(100, 99_999)) for _ in range(400)]
    kept = [k for k in range(400) if k not in {3, 200, 201}]

    def duty(rate: int, day: int) -> str:
        return f"A duty of {rate:,} % applies from day {day:,}."

    old = Version(id="a", title="a", provisions=tuple(
        Provision(text=duty(*figures[k]), number=str(k + 1)) for k in range(400)))
    new = Version(id="b", title="b", provisions=tuple(
        Provision(text=duty(*(f + rnd.randint(1, 5) for f in figures[k])), number=str(k + 1)) for k in kept))
    assert set(_links(old, new)) == {(k, at) for at, k in enumerate(kept)}
