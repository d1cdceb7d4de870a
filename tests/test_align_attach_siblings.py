"""A new item of a list is not a part of its neighbour: attachment and sibling items.

Made-up schedules (research tables, fish stocks, coalition portfolios, withdrawal steps) whose
items share a frame without being templated.  The redraft drops an item and renumbers, or
inserts one: the new item then carries the number, and often a value, of the kept item beside
it ("Table 4, ambulance call-outs ...: refreshed quarterly" beside old "Table 4, parking fines
...: refreshed quarterly", now "Table 5").  Attachment used to make the kept item's old text a
split into both (rule ``attach``).  The guards are the true splits beside them: a list item
naming two things split into two items, and a long clause split into two sentences.

Each sibling test turns the rule off through ``AlignConfig`` (``sibling_own_excess``) and sees
the false split come back, so it can fail.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacediff._align_config import DEFAULT
from peacediff.align import AlignConfig, align_text
from peacediff.compare import Comparison, compare
from peacediff.model import Provision, Version

# With the attach pass's own guards against a neighbour off too (part_value_df, part_heading_df),
# which catch some of the same siblings.
_OFF = attrs.evolve(DEFAULT, sibling_own_excess=99, part_value_df=10_000, part_heading_df=0)

_HEAD = {
    "tables": [
        "This Protocol sets out how the Regional Health Board and Northfield University exchange research data.",
        "\"Research Data\" means the tables listed in this Protocol and any extract taken from them.",
        "Each party shall name a contact officer who answers requests for Research Data.",
        "Requests for a new table are decided by the joint steering group within two months.",
    ],
    "stocks": [
        "The two coastal states agree the following fishing opportunities for the coming season.",
        "Catches are recorded in electronic logbooks and reported to the Fisheries Council each week.",
        "A vessel that reaches its share of a quota stops fishing for that stock at once.",
        "Scientific advice from the Marine Institute is published before the quotas are set.",
    ],
    "portfolios": [
        "The Labour Union and the Farmers' League form a government for the whole parliamentary term.",
        "The Prime Minister is proposed by the Labour Union after consulting the Farmers' League.",
        "Each party appoints the ministers of the portfolios allotted to it below.",
        "A minister who resigns is replaced by a nominee of the same party within ten days.",
    ],
    "steps": [
        "The parties carry out the disengagement in the steps listed below.",
        "The Joint Military Commission verifies each step and records it in its minutes.",
        "A step is complete only when the Commission has confirmed it in writing.",
        "Delays are reported to the guarantor states within forty-eight hours.",
    ],
}
_TAIL = {
    "tables": [
        "Either party may end this Protocol on three months' notice in writing.",
        "Research Data is kept on servers located within the Region and is never copied abroad.",
        "No table released under this Protocol may show a figure relating to fewer than five patients.",
        "Researchers sign a confidentiality undertaking before their first access.",
        "The University publishes a yearly list of the studies that used Research Data.",
        "This Protocol is reviewed every two years by the joint steering group.",
    ],
    "stocks": [
        "Inspectors of either state may board vessels of the other in its zone.",
        "Unused quota may be carried over to the next season up to a tenth of the stock's share.",
        "Discarding of quota species is prohibited in both zones.",
        "Landings are weighed at designated ports under the supervision of an inspector.",
        "Disputes about the counting of catches go to the Fisheries Council.",
        "These arrangements are reviewed before the end of every season.",
    ],
    "portfolios": [
        "Either party may leave the coalition after a month's written notice.",
        "The coalition parties vote together on the budget and on every motion of confidence.",
        "A coalition committee of the two leaders meets every Monday while parliament sits.",
        "Disputes that the committee cannot settle are put to a meeting of both party boards.",
        "Ministers publish their register of interests within a month of appointment.",
        "This agreement is reviewed halfway through the term.",
    ],
    "steps": [
        "A party that misses a step explains the reason to the Commission in writing.",
        "Monitors of the mission have unhindered access to every site named in these steps.",
        "Weapons withdrawn are stored in depots listed in the annex and sealed by the monitors.",
        "Civilian traffic through the crossings resumes once the last step is confirmed.",
        "The guarantor states meet every quarter to review progress.",
        "This schedule may be extended once by common consent of the parties.",
    ],
}
#: Each list's items: a topic in the list's frame, with the item's number and value left open.
_FRAME = {
    "tables": "Table {n}, {topic}: refreshed {v}; kept for {years} years.",
    "stocks": "Stock {n}, {topic}: quota {v} tonnes.",
    "portfolios": "Portfolio {n}, {topic}: {v}.",
    "steps": "Step {n}, {topic}: done by {v}; checked by the monitors.",
}
_TOPICS = {
    "tables": ["school enrolment counted by ward", "road collisions reported to the police",
               "library loans by branch", "parking fines issued by wardens",
               "food hygiene inspections of restaurants", "planning appeals lodged with the council",
               "water consumption metered at street level"],
    "stocks": ["herring netted in the Sound by drifters", "plaice taken with beam trawls on the inner shelf",
               "mackerel caught by pelagic vessels on the western banks", "sole from the estuary flats, landed fresh",
               "haddock of the deep trench, longline only", "turbot around the sandbank, gillnets banned",
               "pollack near the rocky reefs, rod and line"],
    "portfolios": ["finance and the treasury", "foreign relations, trade and aid", "schools, colleges and universities",
                   "hospitals and public health", "railways, roads and ports", "farming, fisheries and forestry",
                   "police, prisons and border security"],
    "steps": ["armoured vehicles leave the river crossings", "mortars are moved behind the second ridge",
              "minefields along the old road are marked", "checkpoints on the northern highway are dismantled",
              "prisoners held in the valley camps are exchanged", "snipers withdraw from the factory district",
              "radar stations on the plateau are switched off"],
}
#: An item new to the list, on a topic no old item names.
_NEW_TOPIC = {
    "tables": "ambulance call-outs grouped by postcode",
    "stocks": "sprat fished for fishmeal in the northern bight",
    "portfolios": "culture, sport and broadcasting",
    "steps": "artillery leaves the hills above the town",
}
_VALUES = {
    "tables": ["monthly", "weekly", "daily", "quarterly", "yearly", "hourly"],
    "stocks": ["12,000", "4,500", "30,000", "2,100", "6,800", "950", "1,700", "11,000", "28,000", "1,050"],
    "portfolios": ["Labour Union", "Farmers' League", "Green Alliance", "Green Liberal Party"],
    "steps": ["1 March", "8 March", "15 March", "1 April", "15 April", "22 April", "1 May", "15 May", "1 June",
              "8 June"],
}

Entry = tuple[str, str]  # (topic, value)


def _item(domain: str, n: int, entry: Entry) -> str:
    topic, value = entry
    return _FRAME[domain].format(n=n, topic=topic, v=value, years=len(topic) % 7 + 2)


def _version(vid: str, domain: str, entries: list[Entry], head: list[str] | None = None,
             tail: list[str] | None = None) -> Version:
    texts = [*(head or _HEAD[domain]), *(_item(domain, n, e) for n, e in enumerate(entries, 1)),
             *(tail or _TAIL[domain])]
    return Version(id=vid, title=vid, provisions=tuple(Provision(text=t, number=str(k))
                                                        for k, t in enumerate(texts, 1)))


def _revised(domain: str, *, where: int | None, drop: int | None, value_of: int | None = None,
             old_values: list[int] | None = None, new_values: list[int] | None = None) -> tuple[Version, Version]:
    """The list with item ``drop`` dropped and a new item inserted at ``where`` (a place in the
    new list) carrying the old value of item ``value_of`` (by default the item whose number it
    takes); every kept item gets its new value."""
    topics, values = _TOPICS[domain], _VALUES[domain]
    olds = old_values or [k % len(values) for k in range(len(topics))]
    news = new_values or [(k + 3) % len(values) for k in range(len(topics))]
    old_entries = [(t, values[v]) for t, v in zip(topics, olds, strict=True)]
    kept: list[Entry] = [(t, values[v]) for k, (t, v) in enumerate(zip(topics, news, strict=True)) if k != drop]
    if where is not None:
        source = where if value_of is None else value_of
        kept.insert(where, (_NEW_TOPIC[domain], old_entries[min(source, len(topics) - 1)][1]))
    return _version("old", domain, old_entries), _version("new", domain, kept)


def _changes(comparison: Comparison) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str | None]]:
    return [(c.kind, tuple(p.text for p in c.old), tuple(p.text for p in c.new), c.rule) for c in comparison.changes]


def _parts_of_splits(comparison: Comparison) -> set[str]:
    return {p.text for c in comparison.changes if c.kind in ("split", "merged") for p in (*c.old, *c.new)}


# --------------------------------------------------------------------------- a sibling inserted


@pytest.mark.parametrize(("domain", "where", "drop"), [
    ("tables", 0, None),     # at the start, every item renumbered
    ("tables", 2, 4),        # in the middle, before a drop
    ("stocks", 0, 4),
    ("stocks", 3, None),     # in the middle, every later item renumbered
    ("stocks", 6, 2),        # at the end, after a drop: it takes the last item's old number
    ("steps", 0, 6),
    ("steps", 5, None),
])
def test_an_item_inserted_beside_a_renumbered_item_is_added_not_a_part_of_it(domain, where, drop):
    """The new item brings the old item whose number it took only that number and a value of
    the frame ("quarterly", "1 April"), and its own topic is nowhere in it: it is added, and the
    old item is modified into its renumbered self."""
    old, new = _revised(domain, where=where, drop=drop)
    inserted = new.provisions[len(_HEAD[domain]) + where].text
    comparison = compare(old, new, align="text")
    assert ("added", (), (inserted,), None) in _changes(comparison)
    assert not _parts_of_splits(comparison)
    # Every kept item is its own old item, modified in place or renumbered.
    kept = [t for k, t in enumerate(_TOPICS[domain]) if k != drop]
    pairs = {(c.old[0].text, c.new[0].text) for c in comparison.changes if len(c.old) == len(c.new) == 1}
    for topic in kept:
        assert any(topic in o and topic in n for o, n in pairs), topic
    # The rule is what keeps it out: without it the item joins its neighbour's old text.
    off = compare(old, new, align="text", config=_OFF)
    assert any(c.kind == "split" and c.rule == "attach" and inserted in {p.text for p in c.new}
               for c in off.changes)


def test_a_dropped_item_beside_a_kept_one_is_removed_not_merged_into_it():
    """An item inserted as step 2 and step 5 dropped: old "Step 5, prisoners ...: 22 April" shares
    with new "Step 5, checkpoints ...: 15 April" (old step 4) only the number and the month, so it
    is removed, not merged with old step 4 into it."""
    old, new = _revised("steps", where=1, drop=4, value_of=0, old_values=[1, 5, 6, 9, 5, 9, 6],
                        new_values=[1, 0, 0, 4, 0, 0, 6])
    h = len(_HEAD["steps"])
    dropped, before = old.provisions[h + 4].text, old.provisions[h + 3].text
    comparison = compare(old, new, align="text")
    assert ("removed", (dropped,), (), None) in _changes(comparison)
    assert ("modified", (before,), (new.provisions[h + 4].text,), "assignment") in _changes(comparison)
    assert not _parts_of_splits(comparison)
    off = compare(old, new, align="text", config=_OFF)
    assert ("merged", (before, dropped), (new.provisions[h + 4].text,), "attach") in _changes(off)


@pytest.mark.parametrize(("where", "olds", "news"), [
    # "Green Alliance", which other portfolios name too
    (4, [1, 1, 0, 0, 2, 2, 2], [0, 1, 0, 1, 0, 1, 0]),
    # "Green Liberal Party" beside a linked "Green Alliance": it brings "Liberal Party", a phrase
    # of the frame's value even though no other provision says "Liberal"
    (2, [1, 1, 3, 0, 2, 1, 1], [2, 2, 2, 1, 0, 2, 2]),
])
def test_a_value_of_several_words_is_still_one_value(where, olds, news):
    """A portfolio list whose parties are names of two or three words: the new portfolio brings its
    neighbour's old text the party's name alone, and its own topic is three words the old text
    lacks."""
    old, new = _revised("portfolios", where=where, drop=None, old_values=olds, new_values=news)
    inserted = new.provisions[len(_HEAD["portfolios"]) + where].text
    comparison = compare(old, new, align="text")
    assert ("added", (), (inserted,), None) in _changes(comparison)
    assert not _parts_of_splits(comparison)
    off = compare(old, new, align="text", config=_OFF)
    assert inserted in _parts_of_splits(off)


# --------------------------------------------------------------------------- the true splits beside


_SPLIT_ITEM = {  # an old item naming two things, and the two items it becomes
    "tables": ("bus and tram boardings counted at each stop", "bus boardings counted at each stop",
               "tram boardings counted at each stop"),
    "stocks": ("cod and whiting from the outer grounds, trawl caught", "cod from the outer grounds, trawl caught",
               "whiting from the outer grounds, trawl caught"),
    "portfolios": ("justice and home affairs", "justice", "home affairs"),
    "steps": ("tanks and rocket launchers leave the coastal towns", "tanks leave the coastal towns",
              "rocket launchers leave the coastal towns"),
}
_SPLIT_CLAUSE = {  # the first tail clause with a second sentence, and that sentence reworded
    "tables": ("Either party may end this Protocol on three months' notice in writing, and when it ends "
               "each party destroys every copy of the other's Research Data within sixty days.",
               "Within sixty days of the end of the Protocol, every copy of Research Data received from the "
               "other party is destroyed."),
    "stocks": ("Inspectors of either state may board vessels of the other in its zone, and a master who "
               "refuses them loses his licence for the rest of the season.",
               "Refusing an inspector costs the master his licence until the season ends."),
    "steps": ("A party that misses a step explains the reason to the Commission in writing and proposes a "
              "new date within seven days.",
              "Within seven days it proposes a new date for the missed step."),
}


@pytest.mark.parametrize(("domain", "at"), [
    ("tables", 0), ("tables", 3), ("tables", 6), ("stocks", 0), ("stocks", 3), ("stocks", 6),
    ("portfolios", 0), ("portfolios", 3), ("portfolios", 6), ("steps", 3),
])
def test_a_list_item_naming_two_things_split_into_two_items_keeps_both(domain, at):
    """The guard: "Table 1, bus and tram boardings" becomes "Table 1, bus boardings" and "Table 2,
    tram boardings", every later item renumbered and revalued.  The second item brings its
    partner a word of its topic ("tram"), which the partner holds: the rest of a split."""
    topics, values = list(_TOPICS[domain]), _VALUES[domain]
    whole, first, second = _SPLIT_ITEM[domain]
    topics[at] = whole
    old_entries = [(t, values[k % len(values)]) for k, t in enumerate(topics)]
    new_entries = [(t, values[(k + 3) % len(values)]) for k, t in enumerate(topics)]
    new_entries[at: at + 1] = [(first, new_entries[at][1]), (second, new_entries[at][1])]
    old, new = _version("old", domain, old_entries), _version("new", domain, new_entries)
    h = len(_HEAD[domain])
    whole_text, parts = old.provisions[h + at].text, (new.provisions[h + at].text, new.provisions[h + at + 1].text)
    comparison = compare(old, new, align="text")
    assert ("split", (whole_text,), parts, "attach") in _changes(comparison)


@pytest.mark.parametrize("domain", sorted(_SPLIT_CLAUSE))
def test_a_long_clause_split_into_two_sentences_beside_the_list_keeps_both(domain):
    """The guard: the clause after the list loses its second half to a sentence of its own,
    reworded; that sentence brings the clause many of its words, so it joins it."""
    whole, second = _SPLIT_CLAUSE[domain]
    first = _TAIL[domain][0]
    entries = [(t, _VALUES[domain][k % len(_VALUES[domain])]) for k, t in enumerate(_TOPICS[domain])]
    revalued = [(t, _VALUES[domain][(k + 3) % len(_VALUES[domain])]) for k, t in enumerate(_TOPICS[domain])]
    old = _version("old", domain, entries, tail=[whole, *_TAIL[domain][1:]])
    new = _version("new", domain, revalued, tail=[first, second, *_TAIL[domain][1:]])
    comparison = compare(old, new, align="text")
    assert ("split", (whole,), (first, second), "attach") in _changes(comparison)


def test_a_sentence_split_off_that_brings_its_clause_one_phrase_still_joins_it():
    """The guard for the label: the second sentence brings its clause only "study closes" and holds
    three words of its own the clause lacks, as a sibling would; but it does not open as its first
    part does ("When a study ..." beside "Researchers sign ..."), so it is no item of a list."""
    whole = ("Researchers sign a confidentiality undertaking before their first access to Research Data, "
             "and lose that access when their study closes.")
    first = "Researchers sign a confidentiality undertaking before their first access to Research Data."
    second = "When a study closes, its team can no longer see anything."
    entries = [(t, _VALUES["tables"][k % 6]) for k, t in enumerate(_TOPICS["tables"])]
    revalued = [(t, _VALUES["tables"][(k + 3) % 6]) for k, t in enumerate(_TOPICS["tables"])]
    tail = _TAIL["tables"]
    old = _version("old", "tables", entries, tail=[*tail[:3], whole, *tail[4:]])
    new = _version("new", "tables", revalued, tail=[*tail[:3], first, second, *tail[4:]])
    assert ("split", (whole,), (first, second), "attach") in _changes(compare(old, new, align="text"))


# --------------------------------------------------------------------------- the law


@given(
    domain=st.sampled_from(["tables", "stocks", "steps"]),
    olds=st.lists(st.integers(0, 5), min_size=7, max_size=7),
    news=st.lists(st.integers(0, 5), min_size=7, max_size=7),
    drop=st.one_of(st.none(), st.integers(0, 6)),
    where=st.integers(0, 7),
    value_of=st.integers(0, 6),
)
def test_an_inserted_list_item_never_joins_another_by_attachment(domain, olds, news, drop, where, value_of):
    """Whatever the values, the drop and the place: the inserted item (and a dropped one) is never
    attached to a kept item's link (a list with one-word values or figures; 562 of 4,000 such
    revisions made one before the rule)."""
    where = min(where, 6 if drop is not None else 7)
    old, new = _revised(domain, where=where, drop=drop, value_of=value_of, old_values=olds, new_values=news)
    result = align_text(old.provisions, new.provisions, AlignConfig())
    inserted = len(_HEAD[domain]) + where
    dropped = None if drop is None else len(_HEAD[domain]) + drop
    for link in result.links:
        if link.rule is not None and link.rule.startswith("attach"):
            assert inserted not in link.new
            assert dropped not in link.old
