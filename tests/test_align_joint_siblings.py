"""A new item of a list is no part of a joint split with its renumbered neighbour.

The joint pass links a run of adjacent unlinked parts to one partner before any other link
exists.  A list renumbered after an item is inserted (or dropped) gives the new item the number,
and often the value, of the kept item beside it: "Department 3, housing and planning: Rural
Alliance." beside "Department 4, mining and minerals: Free Democrats.", both against old
"Department 3, mining and minerals: Rural Alliance.".  The two together match the old item better
than either alone, and the joint pass made them a split.  It now asks the rule attachment asks
(``_sibling``): the new item opens as its group-mate does, brings the partner only a value of the
frame (a party's name counts once), and has a topic of its own.

Made-up lists: a coalition's departments held by parties of one to three words, fishing quotas
and safety checks.  Each sibling test turns the rule off through ``AlignConfig`` and sees the
false split (merge) come back.  The guards are the true splits and merges beside them: a
department naming two things split into two, a clause split into sentences, and two halves of a
merged point that open alike without being a list.
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

_HEAD = ["The two parties agree to govern together until the next general election.",
         "Each party names the ministers of the departments allotted to it below.",
         "A minister may be replaced at any time by the party that named them."]
_TAIL = ["The parties settle their disagreements in a coalition committee.",
         "The coalition committee meets every fortnight during the session.",
         "Either party may end the coalition by a letter to the other."]
_FRAME = "Department {n}, {topic}: {party}."
_TOPICS = ["transport and roads", "water and sanitation", "mining and minerals", "tourism and heritage",
           "youth and sport", "police and prisons", "trade and customs", "fisheries and oceans"]
_FRESH = "housing and planning"
_PARTIES = ["Labour Left", "National Centre Party", "Rural Alliance", "Free Democrats", "Pirate Party"]

Entry = tuple[str, str]  # (topic, party)


def _version(vid: str, entries: list[Entry], tail: list[str] | None = None) -> Version:
    texts = [*_HEAD, *(_FRAME.format(n=n, topic=t, party=p) for n, (t, p) in enumerate(entries, 1)),
             *(tail or _TAIL)]
    return Version(id=vid, title=vid, provisions=tuple(Provision(text=t, number=str(k))
                                                        for k, t in enumerate(texts, 1)))


def _revised(olds: list[int], news: list[int], where: int, drop: int | None) -> tuple[Version, Version]:
    """Every department gets the party ``news`` names, ``drop`` is dropped and a new department
    is inserted at ``where`` (a place in the new list), held by the old party of the department
    whose number it takes."""
    old = [(t, _PARTIES[p]) for t, p in zip(_TOPICS, olds, strict=True)]
    new = [(t, _PARTIES[p]) for k, (t, p) in enumerate(zip(_TOPICS, news, strict=True)) if k != drop]
    new.insert(where, (_FRESH, old[min(where, len(old) - 1)][1]))
    return _version("old", old), _version("new", new)


def _changes(comparison: Comparison) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str | None]]:
    return [(c.kind, tuple(p.text for p in c.old), tuple(p.text for p in c.new), c.rule) for c in comparison.changes]


def _groups(comparison: Comparison) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str | None]]:
    return [c for c in _changes(comparison) if c[0] in ("split", "merged")]


def _kept_in_place(comparison: Comparison, drop: int | None) -> None:
    """Every kept department is linked one to one to its own old text, renumbered or revalued."""
    pairs = {(c.old[0].text, c.new[0].text) for c in comparison.changes if len(c.old) == len(c.new) == 1}
    for k, topic in enumerate(_TOPICS):
        if k != drop:
            assert any(topic in o and topic in n for o, n in pairs), topic


# --------------------------------------------------------------------------- a sibling inserted


@pytest.mark.parametrize(("olds", "news", "where", "drop"), [
    # at the start, after the first department is dropped: it takes "Department 1"
    ([2, 1, 1, 2, 2, 0, 3, 3], [4, 3, 1, 4, 0, 3, 2, 4], 0, 1),
    # in the middle, before a drop
    ([1, 0, 4, 0, 1, 1, 0, 0], [1, 2, 1, 0, 2, 3, 2, 2], 2, 6),
    # in the middle, after the first department is dropped
    ([4, 1, 0, 2, 2, 3, 0, 3], [2, 2, 3, 4, 2, 4, 0, 3], 3, 0),
    # near the end, every later department renumbered
    ([3, 2, 2, 1, 0, 0, 2, 4], [2, 2, 2, 3, 1, 1, 1, 3], 6, None),
    # last but one, beside the last department renumbered
    ([3, 2, 2, 4, 1, 3, 3, 4], [3, 4, 2, 3, 1, 0, 4, 3], 7, None),
])
def test_a_department_inserted_beside_a_renumbered_one_is_added_not_a_joint_split(olds, news, where, drop):
    """The new department brings the old one whose number it took only that number and the party
    ("Department 3 ... Rural Alliance"), and its topic is nowhere in it: it is added, and every
    kept department is its own old one."""
    old, new = _revised(olds, news, where, drop)
    inserted = new.provisions[len(_HEAD) + where].text
    comparison = compare(old, new, align="text")
    assert ("added", (), (inserted,), None) in _changes(comparison)
    assert not _groups(comparison)
    _kept_in_place(comparison, drop)
    # Without the rule the joint pass groups it with its neighbour.
    off = _groups(compare(old, new, align="text", config=_OFF))
    assert any(kind == "split" and rule == "joint" and inserted in parts for kind, _o, parts, rule in off)


@pytest.mark.parametrize(("olds", "news", "where", "drop"), [
    ([3, 2, 4, 2, 1, 3, 0, 2], [3, 2, 3, 4, 1, 4, 0, 4], 4, 2),
    ([4, 3, 1, 2, 4, 2, 4, 1], [0, 2, 1, 3, 4, 4, 1, 1], 4, 7),
])
def test_a_dropped_department_is_removed_not_merged_into_its_neighbour(olds, news, where, drop):
    """The dropped department shares with the kept one that took its number only that number and
    a party: it is removed, not merged with the old text of that kept department."""
    old, new = _revised(olds, news, where, drop)
    dropped = old.provisions[len(_HEAD) + drop].text
    comparison = compare(old, new, align="text")
    assert ("removed", (dropped,), (), None) in _changes(comparison)
    assert not _groups(comparison)
    _kept_in_place(comparison, drop)
    off = _groups(compare(old, new, align="text", config=_OFF))
    assert any(kind == "merged" and rule == "joint" and dropped in parts for kind, parts, _n, rule in off)


@pytest.mark.parametrize(("olds", "news", "where", "drop"), [
    ([0, 2, 3, 0, 2, 4, 4, 0], [0, 2, 1, 3, 0, 4, 4, 1], 3, 4),
    ([2, 4, 4, 0, 2, 1, 1, 2], [0, 1, 4, 0, 4, 1, 4, 0], 7, 5),
    ([3, 0, 0, 2, 3, 4, 4, 4], [4, 2, 3, 1, 4, 4, 2, 4], 3, None),
])
def test_a_sibling_linked_first_gives_way_to_the_department_that_holds_the_topic(olds, news, where, drop):
    """The new department took the number and the party of an old one and was linked to it first;
    the renumbered department that holds the old one's topic then attaches to that link.  The
    linked one is the sibling of the one joining: the joining one takes its place (rule
    ``attach``, one to one) and the new department is added."""
    old, new = _revised(olds, news, where, drop)
    inserted = new.provisions[len(_HEAD) + where].text
    comparison = compare(old, new, align="text")
    assert ("added", (), (inserted,), None) in _changes(comparison)
    assert not _groups(comparison)
    _kept_in_place(comparison, drop)
    assert any(len(c.old) == len(c.new) == 1 and c.rule == "attach" for c in comparison.changes)
    off = _groups(compare(old, new, align="text", config=_OFF))
    assert any(kind == "split" and rule == "attach" and inserted in parts for kind, _o, parts, rule in off)


@pytest.mark.parametrize(("olds", "news", "where", "party"), [
    ([3, 2, 2, 1, 0, 0, 2, 4], [2, 2, 2, 3, 1, 1, 1, 3], 6, "Rural Alliance"),
    ([1, 3, 4, 2, 1, 1, 2, 1], [0, 3, 3, 4, 0, 1, 2, 4], 7, "National Centre Party"),
])
def test_a_party_of_several_words_is_one_value_against_a_topic_of_two(olds, news, where, party):
    """"Rural Alliance" beside "housing and planning": counted word by word, the two words the new
    department brings tie the two of its own topic, and the count reads it as a part.  A phrase
    that other departments hold too is one value (``sibling_phrase_words``)."""
    old, new = _revised(olds, news, where, None)
    inserted = new.provisions[len(_HEAD) + where].text
    assert party in inserted
    assert not _groups(compare(old, new, align="text"))
    word_by_word = attrs.evolve(DEFAULT, sibling_phrase_words=1)
    assert any(inserted in parts for _k, _o, parts, _r in _groups(compare(old, new, align="text", config=word_by_word)))


# --------------------------------------------------------------------------- the true splits and merges


#: Parties before and after of a list whose departments all keep their places.
_OLDS, _NEWS = [1, 0, 4, 0, 1, 1, 0, 0], [1, 2, 1, 0, 2, 3, 2, 2]


@pytest.mark.parametrize("at", [1, 3, 5, 7])
def test_a_department_naming_two_things_split_into_two_keeps_both(at):
    """The guard: "justice and home affairs" becomes "justice" and "home affairs", two departments
    of the same party, every later department renumbered and some given another party.  The
    second brings its partner two words of its topic, which the partner alone holds: a split."""
    topics = list(_TOPICS)
    topics[at] = "justice and home affairs"
    old_entries = [(t, _PARTIES[_OLDS[k]]) for k, t in enumerate(topics)]
    new_entries = [(t, _PARTIES[_NEWS[k]]) for k, t in enumerate(topics)]
    party = new_entries[at][1]
    new_entries[at: at + 1] = [("justice", party), ("home affairs", party)]
    old, new = _version("old", old_entries), _version("new", new_entries)
    h = len(_HEAD)
    whole = old.provisions[h + at].text
    parts = (new.provisions[h + at].text, new.provisions[h + at + 1].text)
    assert [(o, n) for _k, o, n, _r in _groups(compare(old, new, align="text"))] == [((whole,), parts)]


def test_a_clause_after_the_list_split_into_two_sentences_keeps_both():
    """The guard: the clause after the list loses its second half to a sentence of its own."""
    whole = ("The parties settle their disagreements in a coalition committee, and a disagreement the "
             "committee cannot settle goes to a joint meeting of both party executives.")
    second = "A disagreement the committee cannot settle goes to a joint meeting of both party executives."
    entries = [(t, _PARTIES[p]) for t, p in zip(_TOPICS, _OLDS, strict=True)]
    revalued = [(t, _PARTIES[p]) for t, p in zip(_TOPICS, _NEWS, strict=True)]
    old = _version("old", entries, tail=[whole, *_TAIL[1:]])
    new = _version("new", revalued, tail=[_TAIL[0], second, *_TAIL[1:]])
    assert [(o, n) for _k, o, n, _r in _groups(compare(old, new, align="text"))] == [((whole,), (_TAIL[0], second))]


_PAY_OLD = ["This agreement covers every porter and cleaner employed by the Harbour Hotel.",
            "The basic hourly wage is set out in the pay table annexed to this agreement.",
            "Work done between 22:00 and 06:00 earns a night premium of 20% of the hourly wage.",
            "Work done on a Sunday or a public holiday earns a premium of 50% of the hourly wage.",
            "Overtime is paid at one and a half times the hourly wage.",
            "Each employee has twenty-five days of paid leave a year."]
_PAY_NEW = ["This agreement covers every porter and cleaner employed by the Harbour Hotel.",
            "The basic hourly wage is set out in the pay table annexed to this agreement.",
            "Hours worked between 22:00 and 06:00 earn a premium of 25% of the hourly wage, and hours "
            "worked on a Sunday or public holiday a premium of 50%.",
            "Overtime is paid at one and a half times the hourly wage.",
            "Each employee has twenty-six days of paid leave a year."]


def test_two_halves_of_a_merged_point_that_open_alike_are_no_list():
    """The guard for the list: the night premium ("Work done between 22:00 ...") brings the merged
    premium clause nothing the Sunday premium does not, and holds a word of its own ("night"),
    as a sibling would; but two points that open alike are no list (``sibling_list_min``)."""
    def version(vid: str, texts: list[str]) -> Version:
        return Version(id=vid, title=vid, provisions=tuple(Provision(text=t, number=str(k))
                                                            for k, t in enumerate(texts, 1)))

    old, new = version("old", _PAY_OLD), version("new", _PAY_NEW)
    merged = ("merged", (_PAY_OLD[2], _PAY_OLD[3]), (_PAY_NEW[2],), "joint")
    assert merged in _changes(compare(old, new, align="text"))
    pairs_make_lists = attrs.evolve(DEFAULT, sibling_list_min=2)
    assert merged not in _changes(compare(old, new, align="text", config=pairs_make_lists))


# --------------------------------------------------------------------------- the law

#: Lists whose values are one word or a figure: (frame, topics, the new item's topic, values).
_LISTS = {
    "quotas": ("Quota {n}, {topic}: {v} tonnes a year.",
               ["sea bass caught by handline near the pier", "pollock from the northern reefs",
                "red mullet of the warm bay", "squid jigged at night off the cape", "dab from the sandy shallows",
                "ling on the deep wrecks", "gurnard in the channel", "crab potted around the lighthouse"],
               "octopus trapped among the rocks", ["400", "1,250", "3,000", "75", "9,900", "620"]),
    "services": ("Service {n}, {topic}: checked {v} by the warden.",
                 ["the fire alarms in the east wing", "the lifts to the upper floors",
                  "the emergency lighting of the stairs", "the sprinklers of the car park",
                  "the boilers in the basement", "the water tanks on the roof", "the doors of the loading bay",
                  "the gas valves of the kitchens"],
                 "the ventilation of the laboratories",
                 ["daily", "weekly", "monthly", "yearly", "hourly", "fortnightly"]),
}
_LIST_HEAD = ["The authority sets out below the schedule that the licence holder keeps.",
              "The schedule applies from the first day of January."]
_LIST_TAIL = ["A breach of the schedule is reported to the authority within a week.",
              "The authority may amend the schedule after consulting the licence holder."]


@given(
    name=st.sampled_from(sorted(_LISTS)),
    olds=st.lists(st.integers(0, 5), min_size=8, max_size=8),
    news=st.lists(st.integers(0, 5), min_size=8, max_size=8),
    drop=st.one_of(st.none(), st.integers(0, 7)),
    where=st.integers(0, 8),
)
def test_an_inserted_list_item_never_joins_a_joint_group(name, olds, news, drop, where):
    """Whatever the values, the drop and the place, the inserted item is in no joint split and a
    dropped one in no joint merge (34 of 2,000 such revisions made one before the rule)."""
    frame, topics, fresh, values = _LISTS[name]
    where = min(where, 7 if drop is not None else 8)
    old = [frame.format(n=n, topic=t, v=values[v]) for n, (t, v) in enumerate(zip(topics, olds, strict=True), 1)]
    entries = [(t, values[v]) for k, (t, v) in enumerate(zip(topics, news, strict=True)) if k != drop]
    entries.insert(where, (fresh, values[olds[min(where, 7)]]))
    new = [frame.format(n=n, topic=t, v=v) for n, (t, v) in enumerate(entries, 1)]

    def provisions(texts: list[str]) -> tuple[Provision, ...]:
        return tuple(Provision(text=t, number=str(k)) for k, t in enumerate([*_LIST_HEAD, *texts, *_LIST_TAIL], 1))

    result = align_text(provisions(old), provisions(new), AlignConfig())
    inserted = len(_LIST_HEAD) + where
    dropped = None if drop is None else len(_LIST_HEAD) + drop
    for link in result.links:
        if link.rule == "joint":
            assert inserted not in link.new
            assert dropped not in link.old
