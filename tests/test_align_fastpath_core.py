"""The aligner core's speed-ups leave every result as it was.

Each rewritten routine is compared with the plain code it replaced (``_reference_*`` below):
the same links, counts and floats to the last bit, since they feed float sums and ties downstream.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from peacediff import align
from peacediff._align_config import DEFAULT
from peacediff._lexical import _kept_stems
from peacediff.model import Provision


def test_the_words_of_one_stem_share_one_string() -> None:
    # Bags keyed by a stem find it by identity (no text compared) when every word of the stem
    # hands over the same string.
    for family in (["forces", "force", "forced"], ["voted", "voting", "votes"], ["agreed", "agrees"]):
        stems = _kept_stems(family)
        assert len(set(stems)) == 1
        assert all(s is stems[0] for s in stems)


_WORDS = st.lists(st.sampled_from(["forces", "force", "voted", "voting", "a", "5", "x", "Zebabaor", "agreed",
                                    "rebuild", "rebuilt", "grey", "gray", "centre", "s"]) | st.text("abcz", min_size=1,
                                                                                                  max_size=9),
                  max_size=30)


@given(_WORDS, st.sampled_from(("cold", "warm", "part", "full")))
@settings(max_examples=200, deadline=None)
def test_the_stems_of_a_text_do_not_depend_on_what_the_cache_holds(words: list[str], cache: str) -> None:
    """Words not seen yet are stemmed alone and the look-ups rerun in C; a full cache falls back to
    stemming every word: the stems are the same either way."""
    from peacediff import _lexical

    expected = [_lexical.sys.intern(_lexical.stem(w)) if len(w) > 1 or w.isdigit() else "" for w in words]
    saved = dict(_lexical._KEPT)
    try:
        _lexical._KEPT.clear()
        if cache == "warm":
            _lexical._kept_stems(words)
        elif cache == "part":
            _lexical._kept_stems(words[::2])
        elif cache == "full":
            _lexical._KEPT.update((f"filler{k}", "") for k in range(200_000))
        assert _lexical._kept_stems(words) == expected
        assert _lexical.stem_counts(words) == Counter(s for s in expected if s)
        if cache == "full":
            assert len(_lexical._KEPT) == 200_000  # nothing was added past the bound
    finally:
        _lexical._KEPT.clear()
        _lexical._KEPT.update(saved)


# --------------------------------------------------------------------------- demotion


def _reference_demotion(st_: align._State) -> None:
    """The demotion pass as it was: every link's move evidence asked first, then the crossings."""
    weak: dict[int, float] = {}
    for lid, lk in enumerate(st_.links):
        if lk is None or lk.matched_by not in ("similarity", "number") or len(lk.old) != 1 or len(lk.new) != 1:
            continue
        a, b = st_.local_old.get(lk.old[0]), st_.local_new.get(lk.new[0])
        if a is None or b is None or (a, b) in st_.named_pairs:  # a template item has its name
            continue
        sim = lk.similarity or 0.0
        if not st_.move_evidence(a, b, sim):
            weak[lid] = sim
    while weak:
        crossing = align._crossing_links(st_)
        candidates = [lid for lid in weak if lid in crossing]
        if not candidates:
            return
        lid = min(candidates, key=lambda x: (weak[x], x))
        st_.unlink(lid)
        del weak[lid]
        st_.pass_counts["demotion"] += 1


_TOPICS = ["troops withdraw from the zone", "elections are held within 100 days", "sanctions are lifted in stages",
           "frozen assets fund reconstruction", "prisoners are exchanged all for all", "a monitoring mission reports",
           "the line of contact is frozen", "security guarantees are given", "the parties meet every month"]
_WORDS = ["north", "south", "east", "west", "first", "second", "joint", "further", "12", "30", "60", "new"]


@st.composite
def _redrafted(draw: st.DrawFn) -> tuple[list[Provision], list[Provision]]:
    """An old list of topic sentences with a word or two of detail, and a redraft that rewords,
    drops, repeats and reorders some of them (so that some links cross the anchors)."""
    items = draw(st.lists(st.tuples(st.sampled_from(_TOPICS), st.lists(st.sampled_from(_WORDS), max_size=3)),
                          min_size=2, max_size=14))
    old = [" ".join([topic, *extra]) + "." for topic, extra in items]
    new = []
    for text in old:
        how = draw(st.sampled_from(["keep", "edit", "edit", "drop", "twice"]))
        if how == "keep":
            new.append(text)
        elif how == "edit":
            new.append(text[:-1] + " " + draw(st.sampled_from(_WORDS)) + ".")
        elif how == "twice":
            new.extend([text, text[:-1] + " again."])
    order = draw(st.permutations(range(len(new))))
    new = [new[k] for k in order]
    return ([Provision(text=t, number=str(k + 1)) for k, t in enumerate(old)],
            [Provision(text=t, number=str(k + 1)) for k, t in enumerate(new)])


def _state_before(old: list[Provision], new: list[Provision], name: str) -> align._State:
    state = align._State(old, new, DEFAULT)
    for pass_name, run_pass in align._TEXT_PASS_FUNCTIONS:
        if pass_name == name:
            break
        state.current_pass = pass_name
        run_pass(state)
    state.current_pass = name
    return state


@settings(max_examples=150, deadline=None)
@given(_redrafted())
def test_demotion_unlinks_what_the_eager_pass_unlinked(docs: tuple[list[Provision], list[Provision]]) -> None:
    old, new = docs
    got, expected = _state_before(old, new, "demotion"), _state_before(old, new, "demotion")
    align._demotion_pass(got)
    if expected.scored():
        _reference_demotion(expected)
    assert got.links == expected.links
    assert got.link_old == expected.link_old and got.link_new == expected.link_new
    assert got.pass_counts == expected.pass_counts
