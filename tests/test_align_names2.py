"""Names of template-list items, second round: an item renamed in part stays one item when it
keeps its heading, while an item put in another's place stays two; and a figure's minus sign is
part of the figure that names an item ("-5" and "5" are two temperature bands)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacediff import AlignConfig, Comparison, Version, compare
from peacediff._align_lists import _figures

_STOCKS = (("Pollock", "Dogger Bank"), ("Turbot", "Moray Firth"), ("Brill", "Fladen Ground"), ("Megrim", "Porcupine"),
           ("Witch", "Little Sole"), ("Lemon", "Smith Bank"), ("Saithe", "Skagerrak"), ("Tusk", "Bill Baileys"),
           ("Grenadier", "Hatton"), ("Halibut", "Utsira"), ("Dab", "Wee Bankie"), ("Flounder", "Solway"),
           ("Gurnard", "Lundy"), ("Anglerfish", "Celtic Deep"))


def _quota(species: str, area: str, tonnes: int, *, numbered: bool) -> str:
    lead = f"{species} in the {area}:" if numbered else f"{species} in the {area} -"
    return f"{lead} {tonnes:,} tonnes may be landed by the fleet in the calendar year."


def _quotas(seed: int, at: int, new_stock: tuple[str, str], *, others_change: bool, numbered: bool = True,
            keep_tonnes: bool = False, preamble: str | None = None) -> tuple[Version, Version]:
    """A made-up quota list and its redraft: the stock at ``at`` becomes ``new_stock`` in place,
    at 11,000 tonnes or (``keep_tonnes``) at its old tonnage; every other stock keeps its name,
    and its tonnage changes when ``others_change``.  ``preamble``: a first provision of both."""
    rnd = random.Random(seed)
    tonnes = [rnd.randrange(20, 400) * 100 for _ in _STOCKS]
    old = [_quota(s, a, t, numbered=numbered) for (s, a), t in zip(_STOCKS, tonnes, strict=True)]
    new = [_quota(s, a, t + (rnd.choice([300, 700, -500]) if others_change else 0), numbered=numbered)
           for (s, a), t in zip(_STOCKS, tonnes, strict=True)]
    new[at] = _quota(*new_stock, tonnes[at] if keep_tonnes else 11_000, numbered=numbered)
    lead = [preamble] if preamble else []
    return Version.from_texts("a", [*lead, *old]), Version.from_texts("b", [*lead, *new])


def _about(c: Comparison, at: int) -> list[tuple[str, int | None, int | None]]:
    """(kind, old position, new position) of the changes touching position ``at`` on either side."""
    old_at = {id(p): i for i, p in enumerate(c.old.provisions)}
    new_at = {id(p): j for j, p in enumerate(c.new.provisions)}
    out = []
    for ch in c.changes:
        i = old_at[id(ch.old[0])] if ch.old else None
        j = new_at[id(ch.new[0])] if ch.new else None
        if at in (i, j):
            out.append((ch.kind, i, j))
    return sorted(out, key=lambda t: (t[0], t[1] or -1, t[2] or -1))


@pytest.mark.parametrize("at", [0, 6, 13])
@pytest.mark.parametrize("others_change", [True, False])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_stock_moved_to_another_area_in_place_is_one_item(at, others_change, seed):
    """"Turbot in the Moray Firth: 12,400 tonnes" redrafted "Turbot in the Kattegat: 11,000
    tonnes": the area left the document and the new one is new to it, but the stock keeps its
    heading (the first word that names it, here held by these two provisions only)."""
    species, _area = _STOCKS[at]
    old, new = _quotas(seed, at, (species, "Kattegat"), others_change=others_change)
    c = compare(old, new, align="text")
    assert _about(c, at) == [("modified", at, at)]
    assert sum(ch.kind == "modified" for ch in c.changes) == (len(_STOCKS) if others_change else 1)


@pytest.mark.parametrize("at", [0, 4, 6, 13])
@pytest.mark.parametrize("others_change", [True, False])
@pytest.mark.parametrize("keep_tonnes", [True, False])
@pytest.mark.parametrize("seed", [1, 2])
def test_another_stock_put_in_the_place_of_one_is_removed_and_added(at, others_change, keep_tonnes, seed):
    """The replacement shape the veto exists for: "Saithe in the Skagerrak" dropped and "Coley in
    the Skagerrak" inserted where it stood.  The area is shared by the two alone, but the
    heading is not: one stock replaced another.  First or last, the other stocks unchanged, the
    item stands before the list's first anchor or after its last: its names are read there too
    (the printed number linked it before).  At its old tonnage, or in a two-word area ("Little
    Sole"), the pair's cosine reaches the link bar and it is no template item: the list's word
    places still tell (the first place whose values name the stocks)."""
    _species, area = _STOCKS[at]
    old, new = _quotas(seed, at, ("Coley", area), others_change=others_change, keep_tonnes=keep_tonnes)
    c = compare(old, new, align="text")
    assert _about(c, at) == [("added", None, at), ("removed", at, None)]


@pytest.mark.parametrize("at", [0, 6, 13])
@pytest.mark.parametrize("others_change", [True, False])
def test_a_stock_named_outside_its_list_keeps_its_place_as_heading(at, others_change):
    """The stock is named in a preamble too ("Turbot stocks are assessed ..."): its name is no word
    the pair alone holds, but it still stands in the list's first naming place on both sides."""
    species, _area = _STOCKS[at]
    old, new = _quotas(4, at, (species, "Kattegat"), others_change=others_change,
                       preamble=f"{species} stocks are assessed each spring by the scientific committee.")
    assert _about(compare(old, new, align="text"), at + 1) == [("modified", at + 1, at + 1)]


@pytest.mark.parametrize("at", [0, 6, 13])
def test_a_stock_whose_frame_is_reworded_stays_one_item(at):
    """Guard: the list's frame reworded in one item ("may be landed" -> "may be caught and
    landed"), the tonnage kept: an edit, whatever the word places say."""
    old, new = _quotas(5, at, _STOCKS[at], others_change=False, keep_tonnes=True)
    texts = [p.text for p in new.provisions]
    texts[at] = texts[at].replace("may be landed", "may be caught and landed")
    c = compare(old, Version.from_texts("b", texts), align="text")
    assert _about(c, at) == [("modified", at, at)]
    assert sum(ch.kind == "modified" for ch in c.changes) == 1


_SYLLABLE = st.sampled_from([c + v for c in "bdgklmnprstvz" for v in "aiou"])
_NAME = st.lists(_SYLLABLE, min_size=3, max_size=3).map(lambda s: "".join(s).capitalize())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_NAME, _NAME), min_size=8, max_size=16, unique_by=lambda t: t[0]).filter(
           lambda stocks: len({x for pair in stocks for x in pair}) == 2 * len(stocks)),
       _NAME, st.integers(0, 15), st.booleans(), st.booleans(), st.integers(0, 2**16))
def test_the_heading_decides_whatever_the_names(stocks, novel, at, area_changed, others_change, seed):
    """Law over made-up names: in a list of stocks each with its own species and area, a new
    area in one stock's place keeps the item (modified); a new species there, the area kept,
    makes two (removed + added)."""
    at %= len(stocks)
    if novel in {x for pair in stocks for x in pair}:
        return
    rnd = random.Random(seed)
    tonnes = [rnd.randrange(20, 400) * 100 for _ in stocks]
    old = [_quota(sp, ar, t, numbered=True) for (sp, ar), t in zip(stocks, tonnes, strict=True)]
    new = [_quota(sp, ar, t + (500 if others_change else 0), numbered=True)
           for (sp, ar), t in zip(stocks, tonnes, strict=True)]
    species, area = stocks[at]
    new[at] = _quota(species if area_changed else novel, novel if area_changed else area, 11_000, numbered=True)
    c = compare(Version.from_texts("a", old), Version.from_texts("b", new), align="text")
    assert _about(c, at) == ([("modified", at, at)] if area_changed else [("added", None, at), ("removed", at, None)])


def test_a_stock_renamed_wholly_is_removed_and_added():
    """Both names new ("Coley in the Kattegat" in the place of "Saithe in the Skagerrak"): two items."""
    old, new = _quotas(3, 6, ("Coley", "Kattegat"), others_change=True)
    assert _about(compare(old, new, align="text"), 6) == [("added", None, 6), ("removed", 6, None)]


def test_without_headings_the_stock_moved_in_place_is_removed_and_added():
    """The rule's field off (a heading must be a word no other provision holds, which no pair can
    share): the stock moved to another area reads as one stock replaced by another again."""
    old, new = _quotas(1, 6, ("Saithe", "Kattegat"), others_change=True)
    off = AlignConfig(template_heading_df=1)
    assert _about(compare(old, new, align="text", config=off), 6) == [("added", None, 6), ("removed", 6, None)]
    assert _about(compare(old, new, align="text"), 6) == [("modified", 6, 6)]


_TREES = ("Alder", "Birch", "Cedar", "Elm", "Hazel", "Hornbeam", "Larch", "Maple", "Rowan", "Sycamore", "Walnut",
          "Yew")
_WOODS = ("Ashdown", "Bowland", "Cannock", "Dean", "Epping", "Grizedale", "Kielder", "Savernake", "Thetford",
          "Wyre", "Hamsterley", "Rockingham")


def _plots(days: list[int], trees: tuple[str, ...], woods: tuple[str, ...]) -> Version:
    return Version.from_texts("v", [
        f"Measure {k}: the {tree} plot at {wood} is cleared within {d} days and fenced before replanting."
        for k, (d, tree, wood) in enumerate(zip(days, trees, woods, strict=True), 1)])


@pytest.mark.parametrize("at", [2, 9])
def test_a_plot_whose_site_is_renamed_keeps_its_tree(at):
    """"Measure 8: the Maple plot at Savernake" redrafted "... the Maple plot at Wychwood", every
    day count changed: the frame's words come first, the tree is the heading and it is kept."""
    rnd = random.Random(at)
    days = [rnd.choice([10, 14, 21, 30]) for _ in _TREES]
    woods = list(_WOODS)
    woods[at] = "Wychwood"
    c = compare(_plots(days, _TREES, _WOODS), _plots([d + 2 for d in days], _TREES, tuple(woods)), align="text")
    assert _about(c, at) == [("modified", at, at)]
    assert [ch.kind for ch in c.changes] == ["modified"] * len(_TREES)


@pytest.mark.parametrize("at", [2, 9])
def test_a_plot_given_another_tree_at_the_same_site_is_removed_and_added(at):
    rnd = random.Random(at)
    days = [rnd.choice([10, 14, 21, 30]) for _ in _TREES]
    trees = list(_TREES)
    trees[at] = "Whitebeam"
    c = compare(_plots(days, _TREES, _WOODS), _plots([d + 2 for d in days], tuple(trees), _WOODS), align="text")
    assert _about(c, at) == [("added", None, at), ("removed", at, None)]


@pytest.mark.parametrize("at", [2, 7])
@pytest.mark.parametrize("days_change", [True, False])
def test_an_attribute_before_the_name_is_no_heading_where_the_list_repeats_it(at, days_change):
    """"Fortnightly inspections of the Hazel plot" -> "Fortnightly inspections of the Whitebeam
    plot": the frequency comes first and only this pair holds it, but the list repeats its
    frequencies ("Daily", "Weekly") while its trees name the items: another tree, two items."""
    rnd = random.Random(at)
    freq = [rnd.choice(["Daily", "Weekly", "Monthly"]) for _ in _TREES]
    freq[at] = "Fortnightly"
    days = [rnd.choice([10, 14, 21]) for _ in _TREES]

    def plots(trees: list[str], delays: list[int]) -> Version:
        return Version.from_texts("v", [f"{f} inspections of the {t} plot are recorded within {d} days."
                                        for f, t, d in zip(freq, trees, delays, strict=True)])

    trees = list(_TREES)
    trees[at] = "Whitebeam"
    c = compare(plots(list(_TREES), days), plots(trees, [d + 2 if days_change else d for d in days]), align="text")
    assert _about(c, at) == [("added", None, at), ("removed", at, None)]


# --------------------------------------------------------------------------- signed figures

_SIGNS = {"minus": "\u2212", "hyphen": "-"}


def _band(low: int, allowance: int, days: int, minus: str) -> str:
    def signed(v: int) -> str:
        return f"{minus}{-v}" if v < 0 else str(v)

    return (f"Temperature band {signed(low)} to {signed(low + 5)} degrees: a heating allowance of {allowance} "
            f"euros per household is paid within {days} days.")


def _bands(seed: int, old_minus: str, new_minus: str) -> tuple[Version, Version, set[tuple[int, int]]]:
    """A made-up allowance schedule by temperature band; the redraft drops the band from -5 and
    adds one from 5, and changes every allowance and delay.  Truth: each kept band with itself."""
    rnd = random.Random(seed)
    lows = [-25, -20, -15, -10, -5, 0, 10, 15, 20, 25, 30]
    new_lows = [low for low in lows if low != -5]
    new_lows.insert(new_lows.index(10), 5)
    old = [_band(low, rnd.choice([100, 150, 200, 250]), rnd.choice([10, 20, 30]), old_minus) for low in lows]
    new = [_band(low, rnd.choice([120, 170, 220, 270]), rnd.choice([14, 21, 28]), new_minus) for low in new_lows]
    truth = {(i, new_lows.index(low)) for i, low in enumerate(lows) if low in new_lows}
    return Version.from_texts("a", old), Version.from_texts("b", new), truth


def _links(c: Comparison) -> set[tuple[int, int]]:
    old_at = {id(p): i for i, p in enumerate(c.old.provisions)}
    new_at = {id(p): j for j, p in enumerate(c.new.provisions)}
    return {(old_at[id(a)], new_at[id(b)]) for ch in c.changes for a in ch.old for b in ch.new}


@pytest.mark.parametrize(("old_sign", "new_sign"), [("minus", "minus"), ("hyphen", "hyphen"), ("minus", "hyphen")])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_band_below_zero_is_not_the_band_above_it(seed, old_sign, new_sign):
    """"-5 to 0" dropped and "5 to 10" added: read without their signs the lower bounds were no
    names (-5 and 5 both "5") and the bands around zero linked one place off; the sign is part
    of the name, written as a minus sign or a hyphen alike."""
    old, new, truth = _bands(seed, _SIGNS[old_sign], _SIGNS[new_sign])
    c = compare(old, new, align="text")
    assert _links(c) == truth
    assert sorted(ch.kind for ch in c.changes if not (ch.old and ch.new)) == ["added", "removed"]


@pytest.mark.parametrize(("text", "figures"), [
    ("band \u22125 to 0", ["-5", "0"]),
    ("band -5 to 0", ["-5", "0"]),
    ("(-2,000.5 tonnes)", ["-2,000.5"]),
    ("zones 5-10 and 12-14", ["5", "10", "12", "14"]),  # ranges: no sign
    ("Zone-5 and Zone-6", ["5", "6"]),  # labels: no sign
    ("5 - 10 days", ["5", "10"]),
])
def test_a_sign_is_read_before_digits_only_where_it_is_a_sign(text, figures):
    assert _figures(text) == figures


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6),
       st.sampled_from(["\u2212", "-"]))
def test_a_range_never_reads_a_sign_and_a_sign_reads_either_way(low, high, minus):
    assert _figures(f"from {low}-{high} km") == [str(low), str(high)]
    assert _figures(f"from {minus}{low} to {high}") == [f"-{low}", str(high)]
