"""The aligner's fast paths give exactly what the plain code they replaced gave.

Each ``_reference_*`` below is the routine as it was before it was rewritten for speed; the
properties compare the fast path with it on random bags of words (floats to the last bit, and
the order of every dict, which feeds float sums downstream).  The word pool is small, so words
repeat within and across bags, as the stems of a redraft do.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from model_strategies import piece_lists, provisions

from peacediff import _align_lists, align
from peacediff._align_config import DEFAULT, AlignConfig
from peacediff._lexical import FUNCTION_WORDS, Vectors, drafting_concepts, merged, normalise, stem_counts
from peacediff._order import _bounds
from peacediff.model import Provision

_POOL = ["the", "forces", "force", "shall", "5", "12", "withdraw", "withdrawing", "zone", "zones", "voted",
         "elections", "sanctions", "lifted", "troops", "army", "frozen", "assets", "guarantee", "within",
         "days", "line", "contact", "monitoring", "mission", "parties", "prisoners", "exchange", "all", "x"]
_BAG = piece_lists(_POOL, 0, 40)
_BAGS = st.lists(_BAG, min_size=1, max_size=8)


def _vectors(old_bags: list[list[str]], new_bags: list[list[str]], linked: list[str],
             config: AlignConfig = DEFAULT) -> Vectors:
    return Vectors([stem_counts(b) for b in old_bags], [stem_counts(b) for b in new_bags], linked, config)


def _reference_vector(vec: Vectors, counts: Counter[str]) -> dict[str, float]:
    idf = vec.idf
    weights = {t: idf[t] if c == 1 else (1.0 + math.log(c)) * idf[t] for t, c in counts.items()}
    norm = math.sqrt(sum([w * w for w in weights.values()]))
    if norm == 0:
        return {}
    return {t: w / norm for t, w in weights.items()}


def _reference_shared(vec: Vectors, one: Counter[str], other: Counter[str], rare_only: bool) -> int:
    idf, df = vec.idf, vec.df
    common, tiny = vec.common_idf, vec.tiny_doc_df
    return sum(
        1 for t in one
        if t in other and t not in FUNCTION_WORDS and (idf[t] >= common or (df[t] <= tiny and not rare_only))
    )


@given(_BAGS, _BAGS, st.lists(_BAG, max_size=5))
def test_vectors_are_the_plain_unit_vectors_to_the_last_bit_in_the_bags_order(
        old_bags: list[list[str]], new_bags: list[list[str]], linked_bags: list[list[str]]) -> None:
    vec = _vectors(old_bags, new_bags, [" ".join(b) for b in linked_bags])
    for counts, got in zip([*vec.old_counts, *vec.new_counts], [*vec.old, *vec.new], strict=True):
        expected = _reference_vector(vec, counts)
        assert list(got.items()) == list(expected.items())


@given(_BAGS, _BAGS)
def test_document_frequency_is_one_count_over_every_bag_in_order_and_each_sides_its_own(
        old_bags: list[list[str]], new_bags: list[list[str]]) -> None:
    vec = _vectors(old_bags, new_bags, [])
    bags = [*vec.old_counts, *vec.new_counts]
    expected = Counter(itertools.chain.from_iterable(map(dict.keys, bags)))
    assert list(vec.df.items()) == list(expected.items())
    assert vec.old_df == Counter(t for c in vec.old_counts for t in c)
    assert vec.new_df == Counter(t for c in vec.new_counts for t in c)


@given(_BAGS, _BAGS, _BAG, _BAG, st.booleans(), st.integers(0, 3), st.sampled_from([0.5, 1.0, 2.0]))
def test_shared_words_count_what_the_plain_test_counts(
        old_bags: list[list[str]], new_bags: list[list[str]], one: list[str], other: list[str], rare_only: bool,
        tiny: int, common: float) -> None:
    # The two bags come from the document, so every stem of theirs has a weight.
    config = AlignConfig(tiny_doc_df=tiny, common_idf=common)
    vec = _vectors([*old_bags, one], [*new_bags, other], [], config)
    a, b = vec.old_counts[-1], vec.new_counts[-1]
    for x, y in ((a, b), (b, a), (a, a)):
        assert vec.shared_words(x, y, rare_only=rare_only) == _reference_shared(vec, x, y, rare_only)


def _reference_coverage(vec: Vectors, part: Counter[str], whole: Counter[str]) -> float:
    idf = vec.idf
    total = sum(idf[t] for t in part)
    if total == 0:
        return 0.0
    return sum(idf[t] for t in part if t in whole) / total


@given(_BAGS, _BAGS, _BAG, _BAG)
def test_coverage_is_the_plain_weighted_share_to_the_last_bit(
        old_bags: list[list[str]], new_bags: list[list[str]], one: list[str], other: list[str]) -> None:
    vec = _vectors([*old_bags, one], [*new_bags, other], [])
    a, b = vec.old_counts[-1], vec.new_counts[-1]
    for x, y in ((a, b), (b, a), (a, Counter()), (Counter(), b)):
        got = vec.coverage(x, y)
        assert got == _reference_coverage(vec, x, y) and isinstance(got, float)


@given(_BAG, _BAG)
def test_merged_is_counter_addition_with_the_same_order(one: list[str], other: list[str]) -> None:
    a, b = stem_counts(one), stem_counts(other)
    got = merged(a, b)
    assert list(got.items()) == list((a + b).items())
    assert list(a.items()) == list(stem_counts(one).items())  # neither operand changes


@given(piece_lists(["The treaty enters into force", "takes effect", "Elections", "troops", "restrictive measures",
                    "Sanctions", "lifted", "pulled back", "in phases", "x", "ß", " ", ",", "5"], 0, 12))
def test_drafting_concepts_from_the_normalised_text_and_its_stems_are_those_of_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    norm = normalise(text)
    assert drafting_concepts(text, norm) == drafting_concepts(text)
    assert drafting_concepts(text, norm, stem_counts(norm.split()).keys()) == drafting_concepts(text)


@given(st.lists(piece_lists(["Troops", " ", "\x1c", "\xa0", "\u2028", "ß", "É-3", "12,000", "_", "(b)", "x", "\n"],
                            0, 12).map("".join), min_size=1, max_size=6))
def test_words_kept_from_normalising_are_the_normalised_texts_split(texts: list[str]) -> None:
    provisions = [Provision(text=t if t.strip() else "x") for t in texts]
    state = align._State(provisions, provisions, DEFAULT)
    indices = list(range(len(provisions)))
    assert state.norms(indices, old_side=True) == [normalise(p.full_text) for p in provisions]
    for k in indices:
        assert state.words(k, old_side=True) == normalise(provisions[k].full_text).split()
        assert state.words(k, old_side=False) == normalise(provisions[k].full_text).split()  # never kept


# --------------------------------------------------------------------------- candidate search


def _reference_index_side(
    st_: align._State, search: list[int], this_counts: list[Counter[str]], other_counts: list[Counter[str]],
    this_gap: list[int], other_gap: list[int], side: str, emit: Callable[[tuple[int, int]], None],
) -> None:
    cfg, idf = st_.config, st_.vec.idf
    postings: dict[str, list[int]] = defaultdict(list)
    for b, counts in enumerate(other_counts):
        for t in counts:
            postings[t].append(b)
    fetch = cfg.candidate_overfetch * cfg.candidates_per_provision
    words, cap = cfg.candidate_words, cfg.posting_cap
    common_only: list[tuple[int, str]] = []
    for a in search:
        counts = this_counts[a]
        score: dict[int, float] = defaultdict(float)
        present = sorted([(len(postings[t]), t) for t in counts if t in postings])
        for length, t in present[:words]:
            if length > cap:
                break
            w = idf[t]
            for b in postings[t]:
                score[b] += w
        if score:
            for _w, b in sorted([(-w, b) for b, w in score.items()])[:fetch]:
                emit((a, b))
        elif present:
            common_only.append((a, present[0][1]))
    if not common_only:
        return
    k = max(1, min(cfg.fallback_nearest, cfg.fallback_pairs_max // len(common_only)))
    if k < cfg.fallback_nearest:
        st_.notes.append(f"{len(common_only)} {side} {k}")
    for a, rarest in common_only:
        plist = postings[rarest]
        gaps = [other_gap[b] for b in plist]
        for b in align._nearest(plist, gaps, a, this_gap[a], k):
            emit((a, b))


def _state(old_bags: list[list[str]], new_bags: list[list[str]], config: AlignConfig) -> align._State:
    """A state whose candidate scores are built (no provision linked exactly: every bag is unlinked)."""
    old = [Provision(text=" ".join(["old", str(k), *b])) for k, b in enumerate(old_bags)]
    new = [Provision(text=" ".join(["new", str(k), *b])) for k, b in enumerate(new_bags)]
    state = align._State(old, new, config)
    align._exact_pass(state)
    assert state.scored()
    return state


@settings(max_examples=60)
@given(st.lists(_BAG, min_size=1, max_size=14), st.lists(_BAG, min_size=1, max_size=14), st.data(),
       st.integers(1, 6), st.integers(1, 4), st.integers(1, 3))
def test_candidate_search_emits_what_the_full_postings_emitted_in_the_same_order(
        old_bags: list[list[str]], new_bags: list[list[str]], data: st.DataObject, cap: int, words: int,
        fallback: int) -> None:
    # Small caps make words "common" and send provisions down the fallback too.
    config = AlignConfig(posting_cap=cap, candidate_words=words, fallback_nearest=fallback,
                         fallback_pairs_max=max(1, fallback * 2), candidates_per_provision=2)
    state = _state(old_bags, new_bags, config)
    vec = state.vec
    search_old = sorted(data.draw(st.sets(st.sampled_from(range(len(old_bags))))))
    search_new = sorted(data.draw(st.sets(st.sampled_from(range(len(new_bags))))))
    for search, this, other, held, this_gap, other_gap in (
            (search_old, vec.old_counts, vec.new_counts, vec.new_df, state.gap_old, state.gap_new),
            (search_new, vec.new_counts, vec.old_counts, vec.old_df, state.gap_new, state.gap_old)):
        got: list[tuple[int, int]] = []
        expected: list[tuple[int, int]] = []
        state.notes.clear()
        align._index_side(state, search, this, other, held, this_gap, other_gap, "old", got.append)
        noted = len(state.notes)
        _reference_index_side(state, search, this, other, this_gap, other_gap, "old", expected.append)
        assert got == expected
        assert noted == len(state.notes) - noted  # a budget note exactly when the reference notes one


# --------------------------------------------------------------------------- exact pass

_TEXTS = st.lists(st.sampled_from(["Troops withdraw.", "troops withdraw", "Elections within 100 days.",
                                   "Sanctions are lifted.", "", "Assets stay frozen.", "Prisoners are exchanged."]),
                  max_size=9)


def _reference_exact(st_: align._State, olds: list[int], news: list[int], normalised: bool = False,
                     record: bool = False) -> None:
    """The exact pass as it was, every key bucketed on both sides first (its branches for repeated
    keys left out: the test compares texts that occur once a side)."""
    old_keys = [st_.old_norm(i) for i in olds] if normalised else [st_.old_texts[i] for i in olds]
    new_keys = [st_.new_norm(j) for j in news] if normalised else [st_.new_texts[j] for j in news]
    by_new = align._buckets(news, new_keys)
    by_old = align._buckets(olds, old_keys)
    if record:
        st_.repeated_old = {t for t, lst in by_old.items() if len(lst) > 1}
        st_.repeated_new = {t for t, lst in by_new.items() if len(lst) > 1}
    for text, old_list in by_old.items():
        new_list = by_new.get(text)
        if not new_list or not text:
            continue
        assert len(old_list) == 1 and len(new_list) == 1
        st_.add((old_list[0],), (new_list[0],), "exact", 1.0)
        st_.anchor_pairs.append((old_list[0], new_list[0]))


@given(_TEXTS, _TEXTS, st.booleans(), st.booleans())
def test_exact_links_without_repeated_texts_are_those_of_the_grouped_pass(
        old_texts: list[str], new_texts: list[str], normalised: bool, record: bool) -> None:
    # "." normalises to the empty key, which never links.
    old = [Provision(text=t or ".") for t in old_texts]
    new = [Provision(text=t or ".") for t in new_texts]
    fast, slow = align._State(old, new, DEFAULT), align._State(old, new, DEFAULT)
    for state in (fast, slow):
        state.current_pass = "exact"
    olds, news = list(range(len(old))), list(range(len(new)))
    align._exact(fast, olds, news, normalised=normalised, record=record)
    keys_old = [slow.old_norm(i) if normalised else slow.old_texts[i] for i in olds]
    keys_new = [slow.new_norm(j) if normalised else slow.new_texts[j] for j in news]
    if len(set(keys_old)) < len(keys_old) or len(set(keys_new)) < len(keys_new):
        # Repeated texts take the grouped pass itself (with its deferrals and pairing): no fast path.
        return
    _reference_exact(slow, olds, news, normalised=normalised, record=record)
    assert fast.links == slow.links
    assert fast.anchor_pairs == slow.anchor_pairs
    assert (fast.link_old, fast.link_new) == (slow.link_old, slow.link_new)
    assert (fast.repeated_old, fast.repeated_new) == (slow.repeated_old, slow.repeated_new)


@given(st.lists(_BAG, min_size=1, max_size=8), st.lists(_BAG, min_size=1, max_size=8))
def test_overlap_is_computed_once_and_is_the_plain_overlap(old_bags: list[list[str]],
                                                           new_bags: list[list[str]]) -> None:
    state = _state(old_bags, new_bags, DEFAULT)
    for a in range(len(old_bags)):
        for b in range(len(new_bags)):
            assert state.overlap(a, b) == _align_lists.frame_overlap(state, a, b)
            assert state.overlap(a, b) == _align_lists.frame_overlap(state, a, b)


@given(st.lists(st.integers(0, 30), max_size=40))
def test_move_bounds_are_the_running_maxima_before_and_minima_after_each_point(ys: list[int]) -> None:
    before, after = _bounds(ys)
    assert before == [max(ys[:k], default=-1) for k in range(len(ys))]
    assert after == [min(ys[k + 1:], default=math.inf) for k in range(len(ys))]


@settings(max_examples=30)
@given(st.lists(provisions(), max_size=4))
def test_full_texts_are_the_provisions_joined_lines(items: list[Provision]) -> None:
    # Sub-points or none, full_text (which returns a bare text at once) is the lines joined.
    def joined(p: Provision) -> str:
        heads = [f"({s.number}) " if s.number is not None else "• " for s in p.subpoints]
        subs = [h + joined(s).replace("\n", "\n  ") for h, s in zip(heads, p.subpoints, strict=True)]
        return "\n".join([p.text, *subs])

    assert [p.full_text for p in items] == [joined(p) for p in items]
