"""The fast paths the rival-plan (bundled) comparisons take give exactly what the plain code gave.

Each ``_reference_*`` is the routine as it was before it was rewritten for speed; the properties
compare the fast path with it on random texts and bags of words drawn from a small pool, so that
phrases, figures and shared words occur often.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Set

from hypothesis import given, settings
from hypothesis import strategies as st
from model_strategies import piece_lists

from peacediff import _align_lists, _align_state, align
from peacediff._align_config import AlignConfig
from peacediff._lexical import (
    _PHRASE_CONCEPTS,
    FUNCTION_WORDS,
    _phrase_concept,
    concepts,
    drafting_concepts,
    normalise,
    paraphrase_bag,
    read_phrases,
    stem_counts,
)
from peacediff.model import Provision

#: The phrase patterns as the one alternation every text was scanned with before.
_ALL_PHRASES = re.compile("|".join(f"(?P<p{k}>{pattern.pattern})" for k, (pattern, _c) in enumerate(_PHRASE_CONCEPTS)))

_PHRASE_POOL = ["enters into force", "come into effect", "takes effect", "is in force", "becomes effective",
                "restrictive measures", "armed forces", "in stages", "step by step", "in phases",
                "cessation of hostilities", "hostilities shall cease", "end all hostilities", "stop the fighting",
                "cease fire", "ceasefire", "pull back", "written off", "all of its members agree",
                "right, title and interest", "remains theirs", "they still own", "once a month",
                "every three months", "each quarter", "every year", "made public", "forces", "force", "into",
                "the", "effect", "members", "agreement", "months", "year", "sanctions", "lifted", "troops",
                "12", "600,000", "within", "days", "own", "public", "fire", "step", "."]
_TEXTS = piece_lists(_PHRASE_POOL, 0, 14)


@given(_TEXTS)
def test_phrases_read_by_the_patterns_that_can_match_are_those_of_the_full_scan(parts: list[str]) -> None:
    padded = " " + normalise(" ".join(parts)) + " "
    full = _ALL_PHRASES.sub(_phrase_concept, padded)
    read = read_phrases(padded)
    assert (read or padded) == full
    # None only where the full scan found nothing either (callers then take the stems they hold).
    assert read is not None or full == padded


@given(_TEXTS)
def test_concepts_bags_and_drafting_concepts_are_those_of_the_full_scan(parts: list[str]) -> None:
    text = " ".join(parts)
    norm = normalise(text)
    padded = " " + norm + " "
    full = _ALL_PHRASES.sub(_phrase_concept, padded)
    # concepts() reads every phrase the full scan reads, whatever the text holds.
    assert {t for t in concepts(text) if t.startswith("~")} >= {t for t in full.split() if t.startswith("~")}
    stems = stem_counts(norm.split()).keys()
    assert paraphrase_bag(norm, stems) == paraphrase_bag(norm)
    assert drafting_concepts(text, norm, stems) == drafting_concepts(text)
    # One memo of the phrase reading serves both, in either order (the aligner shares one per comparison).
    memo = functools.lru_cache(maxsize=None)(read_phrases)
    assert drafting_concepts(text, norm, stems, memo) == drafting_concepts(text)
    assert paraphrase_bag(norm, stems, memo) == paraphrase_bag(norm)
    assert memo.cache_info().hits >= 1


# --------------------------------------------------------------------------- template pass

#: Template items: a frame, figures, names; short and long, so that sizes and figures vary.
_ITEM_POOL = ["measure", "applies", "within", "days", "to", "zone", "Alpha", "Bravo", "Hotel", "5", "12", "40",
              "300", "1st", "heavy", "weapons", "are", "withdrawn", "km", "from", "the", "line", "in", "sector"]
_ITEMS = piece_lists(_ITEM_POOL, 0, 12)


def _reference_overlap(st_: align._State, a: int, b: int) -> float:
    """The template overlap as it was, figures counted afresh for each pair."""
    one, other = st_.vec.old_counts[a].keys(), st_.vec.new_counts[b].keys()
    if not one or not other:
        return 0.0
    shared, total = len(one & other), len(one) + len(other)
    bar = st_.config.template_overlap
    if 2 * shared >= bar * total:
        return 2 * shared / total
    figures = sum(1 for t in one if t[:1].isdigit()) + sum(1 for t in other if t[:1].isdigit())
    if total == figures or 2 * shared < bar * (total - figures):
        return 2 * shared / total
    return max(2 * shared / total, _reference_dice(_align_state.non_figures(one), _align_state.non_figures(other)))


def _reference_dice(one: Set[str], other: Set[str]) -> float:
    if not one or not other:
        return 0.0
    return 2 * len(one & other) / (len(one) + len(other))


def _reference_templated(st_: align._State, k: int, ranked: list[tuple[float, int]], *, old_side: bool) -> bool:
    gap = st_.gap_old[k] if old_side else st_.gap_new[k]
    other_gap = st_.gap_new if old_side else st_.gap_old
    in_gap = [q for _s, q in ranked if other_gap[q] == gap]
    bar = st_.config.template_overlap
    close = [q for q in in_gap if (_reference_overlap(st_, k, q) if old_side else _reference_overlap(st_, q, k)) >= bar]
    return len(in_gap) >= 2 and len(close) >= 2


def _reference_tied_in_gap(st_: align._State, k: int, ranked: list[tuple[float, int]], *, old_side: bool) -> bool:
    gap = st_.gap_old[k] if old_side else st_.gap_new[k]
    other_gap = st_.gap_new if old_side else st_.gap_old
    bar, link = st_.config.template_overlap, st_.config.sim_link
    # Over the link bar, a pair whose items each hold a name of their own still ties.
    named = st_.own_named(k, old_side=old_side)
    return any((s < link or (named and st_.own_named(q, old_side=not old_side))) and other_gap[q] == gap
               and (_reference_overlap(st_, k, q) if old_side else _reference_overlap(st_, q, k)) >= bar
               for s, q in ranked)


def _reference_template_pass(st_: align._State) -> None:
    """The template pass as it was: every item of both sides tested for being templated."""
    gaps: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    listed: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, rest, gap_of, by in ((0, st_.rest_old, st_.gap_old, st_.by_old), (1, st_.rest_new, st_.gap_new,
                                                                                st_.by_new)):
        for k in range(len(rest)):
            ranked = by.get(k, [])
            if _reference_templated(st_, k, ranked, old_side=side == 0):
                gaps[gap_of[k]][side].append(k)
            elif (_reference_tied_in_gap(st_, k, ranked, old_side=side == 0)
                  and _align_lists._listed(st_, rest[k], old_side=side == 0)):
                listed[gap_of[k]][side].append(k)
    # Filed the slow way, linked the one way (the cases here are far under template_cells_max).
    _align_lists._link_gaps(st_, gaps, listed)


def _template_state(old_items: list[tuple[bool, list[str]]], new_items: list[tuple[bool, list[str]]],
                    config: AlignConfig) -> align._State | None:
    """A state after the exact pass: items flagged True are the same text on both sides (anchors)."""
    shared = [" ".join(["kept", str(k), *words]) for k, (kept, words) in enumerate(old_items) if kept]
    old = [Provision(text=" ".join(w) or "x") for _kept, w in old_items]
    new = [Provision(text=" ".join(w) or "x") for _kept, w in new_items]
    # The kept items go in at the same places on both sides, so that they cut the lists into gaps.
    for k, text in enumerate(shared):
        old.insert(min(len(old), 2 * k + 1), Provision(text=text))
        new.insert(min(len(new), 2 * k + 1), Provision(text=text))
    state = align._State(old, new, config)
    state.current_pass = "exact"
    align._exact_pass(state)
    if not state.scored():
        return None
    state.current_pass = "template"
    return state


#: Frames a schedule repeats with other figures and names, of three lengths.
_FRAMES = (["measure", "applies", "within", "days", "to", "zone"],
           ["heavy", "weapons", "are", "withdrawn", "km", "from", "the", "line", "in", "the", "sector"],
           ["pay", "point"])
_FRAMED = st.builds(lambda frame, figure, name, extra: [*_FRAMES[frame], figure, name, *extra],
                    st.integers(0, len(_FRAMES) - 1), st.sampled_from(["5", "12", "40", "300", "1st"]),
                    st.sampled_from(["Alpha", "Bravo", "Hotel", "Kilo"]), piece_lists(_ITEM_POOL, 0, 3))
_SIDE = st.lists(st.tuples(st.sampled_from([False, False, False, True]), _FRAMED | _ITEMS), min_size=1, max_size=12)
_CONFIGS = st.builds(AlignConfig, template_min_items=st.integers(2, 4),
                     template_overlap=st.sampled_from([0.0, 0.4, 0.6, 0.75, 1.0]))


@settings(max_examples=150)
@given(_SIDE, _SIDE, _CONFIGS)
def test_template_tests_are_those_of_the_plain_overlap(old_items: list[tuple[bool, list[str]]],
                                                       new_items: list[tuple[bool, list[str]]],
                                                       config: AlignConfig) -> None:
    state = _template_state(old_items, new_items, config)
    if state is None:
        return
    bar = config.template_overlap
    for k in range(len(state.rest_old)):
        for b in range(len(state.rest_new)):
            assert _align_lists.frame_overlap(state, k, b) == _reference_overlap(state, k, b)
    for old_side, rest, by in ((True, state.rest_old, state.by_old), (False, state.rest_new, state.by_new)):
        others = list(range(len(state.rest_new if old_side else state.rest_old)))
        for k in range(len(rest)):
            ranked = by.get(k, [])
            assert _align_lists._templated(state, k, ranked, old_side=old_side) == _reference_templated(
                state, k, ranked, old_side=old_side)
            assert _align_lists._tied_in_gap(state, k, ranked, old_side=old_side) == _reference_tied_in_gap(
                state, k, ranked, old_side=old_side)
            # Every pair the fast test leaves out is under the bar.
            kept = set(_align_lists._may_overlap(state, k, others, old_side=old_side))
            for q in others:
                if q not in kept:
                    assert (_reference_overlap(state, k, q) if old_side else _reference_overlap(state, q, k)) < bar


@settings(max_examples=150)
@given(_SIDE, _SIDE, _CONFIGS)
def test_template_pass_links_what_the_plain_pass_linked(old_items: list[tuple[bool, list[str]]],
                                                        new_items: list[tuple[bool, list[str]]],
                                                        config: AlignConfig) -> None:
    fast, slow = _template_state(old_items, new_items, config), _template_state(old_items, new_items, config)
    if fast is None or slow is None:
        return
    _align_lists.template_pass(fast)
    _reference_template_pass(slow)
    assert fast.links == slow.links


# --------------------------------------------------------------------------- concept hints

#: Rival plans' words: drafting concepts in other words ("troops" / "army", "sanctions" /
#: "embargo"), names, figures and the common frame.
_HINT_POOL = ["troops", "army", "soldiers", "sanctions", "embargo", "lifted", "eased", "elections", "vote", "nato",
              "zaporizhzhia", "frozen", "assets", "guarantee", "assurances", "prisoners", "exchange", "swap",
              "the", "parties", "shall", "600", "800", "within", "days", "x", "ceasefire", "truce"]
_HINT_BAGS = st.lists(piece_lists(_HINT_POOL, 1, 10), min_size=1, max_size=12)


def _reference_postings(held: dict[int, set[str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for index in sorted(held):
        for concept in held[index]:
            out[concept].append(index)
    return out


def _reference_best_by_concepts(st_: align._State, mine: set[str], postings: dict[str, list[int]],
                                their_concepts: dict[int, set[str]],
                                pair: Callable[[int], tuple[int, int]]) -> tuple[int, float] | None:
    cfg = st_.config
    others = sorted({o for c in mine
                     if len(postings.get(c, ())) <= (cfg.posting_cap if c[:1] == "~" else cfg.concept_holders_max)
                     for o in postings.get(c, ())})
    best: tuple[int, float, int] | None = None
    for other in others:
        shared = len(mine & their_concepts[other])
        i, j = pair(other)
        s = st_.cosine(st_.local_old[i], st_.local_new[j])
        if best is None or (shared, s, -other) > (best[0], best[1], -best[2]):
            best = (shared, s, other)
    return None if best is None else (best[2], best[1])


def _reference_topic_marks(st_: align._State, index: int, *, old_side: bool) -> set[str]:
    marks = set(st_.drafting(index, old_side=old_side))
    local = st_.local_old[index] if old_side else st_.local_new[index]
    idf, common = st_.vec.idf, st_.config.common_idf
    marks.update(t for t in st_.words_of(local, old_side=old_side) if idf[t] >= common and t not in FUNCTION_WORDS)
    return marks


def _reference_concept_hints(st_: align._State) -> None:
    old_open = [i for i in st_.rest_old if i not in st_.link_old and ("old", i) not in st_.possible]
    new_open = [j for j in st_.rest_new if j not in st_.link_new and ("new", j) not in st_.possible]
    if not old_open and not new_open:
        return
    old_marks = {i: _reference_topic_marks(st_, i, old_side=True) for i in st_.rest_old if i not in st_.link_old}
    new_marks = {j: _reference_topic_marks(st_, j, old_side=False) for j in st_.rest_new if j not in st_.link_new}
    old_postings, new_postings = _reference_postings(old_marks), _reference_postings(new_marks)
    for i in old_open:
        best = _reference_best_by_concepts(st_, old_marks[i], new_postings, new_marks, align._pair_with_old(i))
        if best is not None:
            st_.possible[("old", i)] = best
    for j in new_open:
        best = _reference_best_by_concepts(st_, new_marks[j], old_postings, old_marks, align._pair_with_new(j))
        if best is not None:
            st_.possible[("new", j)] = best


@settings(max_examples=150)
@given(_HINT_BAGS, _HINT_BAGS, st.integers(1, 4), st.integers(1, 4), st.data())
def test_concept_hints_are_those_of_the_plain_search(old_bags: list[list[str]], new_bags: list[list[str]],
                                                     cap: int, holders: int, data: st.DataObject) -> None:
    # Small caps make concepts and words too common to propose, on one side or both.
    config = AlignConfig(posting_cap=cap, concept_holders_max=holders)
    old = [Provision(text=" ".join(b)) for b in old_bags]
    new = [Provision(text=" ".join(b)) for b in new_bags]
    fast, slow = align._State(old, new, config), align._State(old, new, config)
    for state in (fast, slow):
        align._exact_pass(state)
        if not state.scored():
            return
    # Some provisions already hold a hint by cosine: they get none here, but still propose.
    hinted_old = data.draw(st.sets(st.sampled_from(fast.rest_old)))
    for state in (fast, slow):
        state.possible.update({("old", i): (0, 0.5) for i in hinted_old})
    for i in fast.rest_old:
        assert align._topic_marks(fast, i, old_side=True) == _reference_topic_marks(slow, i, old_side=True)
    for j in fast.rest_new:
        assert align._topic_marks(fast, j, old_side=False) == _reference_topic_marks(slow, j, old_side=False)
    align._concept_hints(fast)
    _reference_concept_hints(slow)
    assert list(fast.possible.items()) == list(slow.possible.items())
