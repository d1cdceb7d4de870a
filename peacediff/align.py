"""Which provision became which: the alignment of two provision lists.

Two aligners, both returning an :class:`Alignment` of :class:`Link` records:

* :func:`align_keys` - curated lineage keys.  Equal keys link (pass ``key``); a
  provision whose ``origins`` name keys on the other side makes a split (one old,
  several new) or a merge (several old, one new) (pass ``origins``).  Provisions
  without a key are aligned by text among themselves.
* :func:`align_text` - no keys, text only.  The passes of :data:`TEXT_PASSES`, in this
  order, each over what the previous ones left (docs/decisions/0001-alignment.md lists
  the same passes, with the measurements behind every :class:`AlignConfig` field):

  1. ``exact``: identical text, then identical *normalised* text (case, punctuation
     and whitespace ignored) by hashing.  Exact links that are unique and in order
     form the chain of anchors.  Copies of one text that occur a different number of
     times on each side are left to the assignment (few) or paired by position (many).
  2. ``template``: in a gap between anchors holding a list of variants of one frame
     (items that share most of their words with several others), the variants pair in
     order - figures that all changed leave order as the evidence; so do the items of a
     list left between two kept (anchored) items, however few.  Figures that name the
     items ("sector 17") carry them, and two items named differently never link; nor an
     item whose name left the document and one whose name is new to it, unless they share
     their heading ("Saithe ... Skagerrak" / "Saithe ... Kattegat": ``template_heading_df``).
     The same veto reads lists by their label (items opening with the same word and sharing
     ``list_label_overlap`` of their stems: "Dataset 7, noise complaints ..."), so that no pass
     links an item put in another's place under its number.  Within a list, a word other items
     hold too is a value ("Centre Party"), weak evidence (``template_value_weight``); an item's
     names are the words it alone holds, and an item does not pair with another while the free
     item holding most of its names (its name partner) is a third.  A list too big to weigh
     every pair (``template_cells_max``) pairs over its likely pairs (shared names, words few
     items hold, numbers, a band along the diagonal) by a heaviest increasing chain, within
     ``template_pairs_max``.
  3. ``number``: the same printed number in the same gap between anchors, at
     ``number_min_sim`` and not clearly beaten by another candidate (``number_slack``);
     below ``sim_link`` and out of step, with a rare shared word (``number_min_rare``).
  4. ``joint``: a run of adjacent unlinked parts that only match one partner together
     (each the other's runner-up, so no single one wins the margin) links as a split
     or merge group.
  5. ``assignment``: an optimal one-to-one assignment (unmatched allowed) over the
     candidate pairs that keep their gap between anchors; a pair links at ``sim_link``,
     or at ``sim_min`` with a margin of ``rel_margin`` over both sides' next-best.  Alone at
     a document edge under two numbers its margin is only its place: there it (as in the
     slot and concept-match passes) needs ``margin_edge_min_rare`` rare words and a lead of
     ``margin_edge_lead`` over the linked provisions too.
  6. ``number-in-step``: a point answered in place - same number as its partner, the
     provisions just before them linked under equal numbers.
  7. ``attach``: an unlinked part joins a linked partner (split or merge) when well
     covered by it, or beside a linked part, and joining raises the cosine - or, beside
     it, when part and partner choose each other by a clear lead (``attach_lead_*``) -
     never a sibling item of a list (opening as the linked part does) that brings the
     partner only a value of the frame (``sibling_*``).
  8. ``move``: the assignment again for pairs that cross the anchor chain, with a
     move's evidence (close wording, or a clear lead on many shared rare words) and
     names in common where both name ``moved_names`` things.
  9. ``attach-after-move``: ``attach`` again, for the parts of a moved point.
  10. ``slot``: between two consecutive order-keeping links, unlinked provisions that
      are each other's best there link on a lower bar (structure is evidence): the
      lowest for a lone pair or a pair holding the same place in the slot on both sides,
      lower for a pair that leads all its other candidates (``slot_lead_*``); a lone
      provision at a document edge answers its counterpart in place (the same end under
      one number, or the whole document carrying most of the other's words).
  11. ``paraphrase``: in a small slot, the old and new provision that alone hold a rare
      drafting concept ("enters into force" / "takes effect", "elections" / "polls")
      link whatever their cosine (at a document edge, under one number); so does a pair
      that names a shared concept each in its own words ("ends" / "terminates") and is each
      other's best by the paraphrase score (at an edge, a lone pair under two numbers).
  12. ``attach-after-slot``: ``attach`` again, for the parts of a point linked in place.
  13. ``demotion``: a similarity or number link that crosses a firm link without a
      move's evidence is undone (weakest first).
  14. ``slot-after-demotion``: ``slot`` again, over the slots the passes since the first
      round bound (a provision linked in place, a part attached, a pair the first round left
      between two of its own links) or demotion opened.
  15. ``concept-match``: a point reworded and moved - what every other pass left - links
      to the unlinked counterpart it shares a drafting concept with when the two are each
      other's best by a paraphrase score (words and concepts weighed by rarity), at
      ``concept_min_sim`` and ``concept_margin`` ahead of every rival, linked ones included;
      a pair that crosses a firm link (a move) needs more, and names in common where each
      names ``concept_move_names`` things.
  16. ``shared-figure``: an unlinked pair in one gap between anchors that alone states a
      figure no other provision of either version states ("within 6 hours" / "no
      later than six hours"), each the other's only partner by such figures, links when its
      words agree at ``shared_figure_min_sim``, in versions of ``shared_figure_min_provisions``
      a side or more (:mod:`peacediff._align_figures`).
  17. ``possible-match``: the best unlinked candidate of each unlinked provision (by
      cosine, or else by shared drafting concepts) is kept as a hint, never as a link,
      with the content words and drafting concepts the pair shares (none: no hint).
  18. ``duplicates-in-order``: identical provisions on one side take their partners
      in document order.

Similarity is a pair-local IDF-weighted cosine over lower-cased, lightly stemmed words
(:mod:`peacediff._lexical`); candidates come from small gaps between anchors, then
from an inverted index (never all pairs).  :func:`moved_links` then flags moves
conservatively: only links outside every longest chain of in-order links.

The passes share one :class:`peacediff._align_state.AlignState` (the two sides, the links so far,
the candidate scores); the template pass, the names of list items behind the replacement veto
and the sibling test of split parts live in :mod:`peacediff._align_lists`.

Every threshold is a field of :class:`AlignConfig` with the measurement behind it.
No numpy or scipy: the package must import in under 100 ms, and one pure-Python
solver (:mod:`peacediff._matching`) gives the same answer on every machine.

Example::

    >>> from peacediff.model import Provision
    >>> old = [Provision(text="A ceasefire takes effect at once.", number="1"),
    ...        Provision(text="Elections within 100 days.", number="2")]
    >>> new = [Provision(text="Elections as soon as possible, within 100 days.", number="1")]
    >>> [(l.old, l.new, l.matched_by, l.rule) for l in align_text(old, new).links]
    [((1,), (0,), 'similarity', 'assignment')]
"""

from __future__ import annotations

import heapq
import itertools
import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from typing import NamedTuple

from peacediff._align_config import DEFAULT, AlignConfig
from peacediff._align_figures import restated_figure, shared_figure_pass
from peacediff._align_lists import (
    counts_of,
    frame_overlap,
    lone_value,
    names_part,
    replaced_items,
    sibling_of,
    template_pass,
)
from peacediff._align_state import AlignState, Rules
from peacediff._keys import key_groups
from peacediff._lexical import (
    CONCEPT_STEMS,
    FUNCTION_WORDS,
    WEAK_WORDS,
    Vectors,
    concept_wordings,
    merged,
    normalise,
    paraphrase_bag,
    stem_counts,
)
from peacediff._links import Alignment, Link
from peacediff._matching import assign, next_best, pair_duplicates, rank
from peacediff._order import increasing_chain, moved_links, text_tiebreak
from peacediff.model import Provision

__all__ = [
    "KEY_PASSES",
    "TEXT_PASSES",
    "AlignConfig",
    "Alignment",
    "Link",
    "align_keys",
    "align_text",
    "moved_links",
    "normalise",
    "text_tiebreak",
]

#: The passes of key alignment, in run order; unkeyed provisions then go through TEXT_PASSES.
KEY_PASSES: tuple[str, ...] = ("key", "origins")


# --------------------------------------------------------------------------- keys


def align_keys(old: Sequence[Provision], new: Sequence[Provision], config: AlignConfig = DEFAULT) -> Alignment:
    """Link by lineage key; ``origins`` make splits and merges.

    Provisions without a key are aligned by text among themselves (with ``config``).

    >>> a = [Provision(text="x", key="k1"), Provision(text="y", key="k2")]
    >>> b = [Provision(text="x and y", key="k1", origins=("k2",))]
    >>> [(l.old, l.new, l.matched_by, l.rule) for l in align_keys(a, b).links]
    [((0, 1), (0,), 'merge', 'origins')]
    """
    old_by_key = {p.key: i for i, p in enumerate(old) if p.key}
    new_by_key = {p.key: j for j, p in enumerate(new) if p.key}
    if any(p.origins for p in old) or any(p.origins for p in new):
        links = key_groups(old, new, old_by_key, new_by_key)
    else:  # the common case: plain key links
        links = [Link((i,), (new_by_key[k],), "key", None, "key") for k, i in old_by_key.items() if k in new_by_key]
    linked_old = {i for lk in links for i in lk.old}
    linked_new = {j for lk in links for j in lk.new}
    rest_old = [i for i, p in enumerate(old) if i not in linked_old and not p.key]
    rest_new = [j for j, p in enumerate(new) if j not in linked_new and not p.key]
    notes: tuple[str, ...] = ()
    possible: dict[tuple[str, int], tuple[int, float]] = {}
    shared: dict[tuple[str, int], tuple[str, ...]] = {}
    text_passes: tuple[tuple[str, int], ...] = tuple((name, 0) for name in TEXT_PASSES)
    if rest_old and rest_new:
        sub = align_text([old[i] for i in rest_old], [new[j] for j in rest_new], config)
        links.extend(
            Link(
                tuple(rest_old[i] for i in lk.old),
                tuple(rest_new[j] for j in lk.new),
                lk.matched_by,
                lk.similarity,
                lk.rule,
            )
            for lk in sub.links
        )
        for (side, k), (other, sim) in sub.possible.items():
            if side == "old":
                possible[("old", rest_old[k])] = (rest_new[other], sim)
            else:
                possible[("new", rest_new[k])] = (rest_old[other], sim)
        shared = {(side, (rest_old if side == "old" else rest_new)[k]): marks
                  for (side, k), marks in sub.shared.items()}
        notes = sub.notes
        text_passes = sub.passes
    links.sort(key=lambda lk: (min(lk.new), min(lk.old)))
    moved = moved_links(links, lambda k: _link_tiebreak(links[k], old, new))
    key_counts = Counter(lk.rule for lk in links)
    passes = tuple((name, key_counts[name]) for name in KEY_PASSES) + text_passes
    return Alignment(tuple(links), moved, possible, notes, passes, shared)


def _link_tiebreak(link: Link, old: Sequence[Provision], new: Sequence[Provision]) -> int:
    return text_tiebreak("\n".join(old[i].full_text for i in link.old), "\n".join(new[j].full_text for j in link.new))


# --------------------------------------------------------------------------- text


def align_text(old: Sequence[Provision], new: Sequence[Provision], config: AlignConfig = DEFAULT) -> Alignment:
    """Align two provision lists by their text alone (keys are ignored), pass by pass (TEXT_PASSES).

    >>> old = [Provision(text="A ceasefire takes effect on signature.", number="1"),
    ...        Provision(text="Ukraine caps its armed forces at 600,000 personnel.", number="6")]
    >>> new = [Provision(text="Ukraine caps its armed forces at 800,000 personnel in peacetime.", number="4"),
    ...        Provision(text="A ceasefire takes effect on signature.", number="5")]
    >>> [(l.old, l.new, l.matched_by, l.rule) for l in align_text(old, new).links]
    [((1,), (0,), 'similarity', 'move'), ((0,), (1,), 'exact', 'exact')]

    The passes break ties by direction, so the two lists are always aligned
    in one canonical order (by their texts): ``align_text(b, a)`` is exactly
    ``align_text(a, b)`` with the sides swapped.
    """
    if _text_order(old, new) > 0:
        return _flip(_run(_State(new, old, config)))
    return _run(_State(old, new, config))


def _text_order(old: Sequence[Provision], new: Sequence[Provision]) -> int:
    """-1, 0 or 1: a total order on what the text aligner reads (cheap: stops at the first difference)."""
    for p, q in zip(old, new, strict=False):
        if p is q:
            continue
        kp = (p.full_text, p.number or "", p.number is None)
        kq = (q.full_text, q.number or "", q.number is None)
        if kp != kq:
            return -1 if kp < kq else 1
    return (len(old) > len(new)) - (len(old) < len(new))


_FLIPPED_RULE = {"split": "merge", "merge": "split"}


def _flip(alignment: Alignment) -> Alignment:
    """The same alignment read from the other side."""
    flipped = [
        (
            Link(lk.new, lk.old, _FLIPPED_RULE.get(lk.matched_by, lk.matched_by), lk.similarity, lk.rule),
            k in alignment.moved,
        )
        for k, lk in enumerate(alignment.links)
    ]
    flipped.sort(key=lambda item: (min(item[0].new), min(item[0].old)))
    possible = {("new" if side == "old" else "old", k): hint for (side, k), hint in alignment.possible.items()}
    shared = {("new" if side == "old" else "old", k): marks for (side, k), marks in alignment.shared.items()}
    return Alignment(
        tuple(lk for lk, _ in flipped),
        frozenset(k for k, (_, moved) in enumerate(flipped) if moved),
        possible,
        alignment.notes,
        alignment.passes,
        shared,
    )


class _State(AlignState):
    """:class:`AlignState` with this module's rules (:data:`_RULES`)."""

    def __init__(self, old: Sequence[Provision], new: Sequence[Provision], config: AlignConfig) -> None:
        super().__init__(old, new, config, _RULES)


def _run(st: AlignState) -> Alignment:
    """Run TEXT_PASSES in order over one state; the sorted links, moves, hints, notes and pass counts."""
    for name, run_pass in _TEXT_PASS_FUNCTIONS:
        st.current_pass = name
        run_pass(st)
    links = sorted((lk for lk in st.links if lk is not None), key=lambda lk: (min(lk.new), min(lk.old)))
    moved = moved_links(links, lambda k: _link_tiebreak(links[k], st.old, st.new))
    counts = Counter(lk.rule for lk in links)
    passes = tuple((name, st.pass_counts[name] if name in _COUNTED_BY_PASS else counts[name]) for name in TEXT_PASSES)
    return Alignment(tuple(links), moved, st.possible, tuple(st.notes), passes, st.shared)


# --------------------------------------------------------------------------- pass: exact


def _exact_pass(st: AlignState) -> None:
    """Identical text, then identical normalised text; unique in-order exact links are the anchors."""
    _exact(st, [*range(len(st.old))], [*range(len(st.new))], record=True)
    rest_old = [i for i in range(len(st.old)) if i not in st.link_old]
    rest_new = [j for j in range(len(st.new)) if j not in st.link_new]
    if rest_old and rest_new:
        _exact(st, rest_old, rest_new, normalised=True)
    pairs = sorted(st.anchor_pairs)
    chain = increasing_chain(pairs)
    st.chain_old = [pairs[k][0] for k in chain]
    st.chain_new = [pairs[k][1] for k in chain]


def _exact(st: AlignState, olds: list[int], news: list[int], normalised: bool = False, record: bool = False) -> None:
    old_keys = st.norms(olds, old_side=True) if normalised else [st.old_texts[i] for i in olds]
    new_keys = st.norms(news, old_side=False) if normalised else [st.new_texts[j] for j in news]
    new_at = dict(zip(new_keys, news, strict=True))
    if len(new_at) == len(new_keys) and len(set(old_keys)) == len(old_keys):
        # No text twice on a side (most documents): each shared text is an anchor, met in old order.
        _exact_unique(st, olds, old_keys, new_at)
        return
    by_new = _buckets(news, new_keys)
    by_old = _buckets(olds, old_keys)
    if record:  # texts that occur more than once on a side (see the duplicates-in-order pass)
        st.repeated_old = {t for t, lst in by_old.items() if len(lst) > 1}
        st.repeated_new = {t for t, lst in by_new.items() if len(lst) > 1}
    cfg = st.config
    for text, old_list in by_old.items():
        new_list = by_new.get(text)
        if not new_list or not text:
            continue
        if len(old_list) == 1 and len(new_list) == 1:  # one copy a side (most texts): an anchor
            i, j = old_list[0], new_list[0]
            st.add((i,), (j,), "exact", 1.0)
            st.anchor_pairs.append((i, j))
            continue
        if len(old_list) == len(new_list):  # duplicates pair up in document order
            pairs = list(zip(old_list, new_list, strict=True))
        elif len(old_list) + len(new_list) <= cfg.duplicate_defer_max:
            # Which copy survived is a question of position and of the neighbours' wording:
            # the assignment (with its position term) answers it better than order alone.
            continue
        else:
            pairs, over = pair_duplicates(old_list, new_list, len(st.old), len(st.new), cfg.duplicate_pairs_max)
            if over:
                st.notes.append(
                    f"duplicates: {len(old_list)} × {len(new_list)} copies of one text exceed "
                    f"duplicate_pairs_max ({cfg.duplicate_pairs_max:,}) and were paired in document order "
                    "instead of by nearest position"
                )
        for i, j in pairs:
            st.add((i,), (j,), "exact", 1.0)


def _exact_unique(st: AlignState, olds: list[int], old_keys: list[str], new_at: dict[str, int]) -> None:
    """:func:`_exact` when no key occurs twice on a side: the links and anchors it would make, in its
    order (the old keys' order), without grouping the keys first."""
    anchors = st.anchor_pairs
    for i, key in zip(olds, old_keys, strict=True):
        j = new_at.get(key)
        if j is not None and key:
            st.add((i,), (j,), "exact", 1.0)
            anchors.append((i, j))


def _buckets(indices: list[int], keys: list[str]) -> dict[str, list[int]]:
    """Indices grouped by key, groups in first-seen order."""
    out: dict[str, list[int]] = {}
    for index, key in zip(indices, keys, strict=True):
        bucket = out.get(key)
        if bucket is None:
            out[key] = [index]
        else:
            bucket.append(index)
    return out


# --------------------------------------------------------------------------- candidate scores


def _build_scores(st: AlignState) -> bool:
    """Vectors, candidate cosines and the ranked candidate lists the similarity passes share."""
    cfg = st.config
    st.rest_old = rest_old = [i for i in range(len(st.old)) if i not in st.link_old]
    st.rest_new = rest_new = [j for j in range(len(st.new)) if j not in st.link_new]
    if not (rest_old and rest_new):
        return False
    counts_old = [stem_counts(st.words(i, old_side=True)) for i in rest_old]
    counts_new = [stem_counts(st.words(j, old_side=False)) for j in rest_new]
    st.drop_words()
    linked = [st.old_texts[i] for i in sorted(st.link_old)]
    st.vec = vec = Vectors(counts_old, counts_new, linked, cfg)
    st.gap_old = gap_old = [bisect_left(st.chain_old, i) for i in rest_old]
    st.gap_new = gap_new = [bisect_left(st.chain_new, j) for j in rest_new]
    st.cos = cos = {}
    # Most edited provisions stay where they were: compare within each small gap first.
    in_gap_old: dict[int, list[int]] = defaultdict(list)
    in_gap_new: dict[int, list[int]] = defaultdict(list)
    for a, g in enumerate(gap_old):
        in_gap_old[g].append(a)
    for b, g in enumerate(gap_new):
        in_gap_new[g].append(b)
    settled_a: set[int] = set()
    settled_b: set[int] = set()
    for g, alist in in_gap_old.items():
        blist = in_gap_new.get(g)
        if not blist or len(alist) * len(blist) > cfg.gap_pairs:
            continue
        for a in alist:
            for b in blist:
                s = vec.cosine(vec.old[a], vec.new[b])
                cos[(a, b)] = s
                if s >= cfg.sim_link:
                    settled_a.add(a)
                    settled_b.add(b)
    # The rest (moved, split, merged, added, removed, or in a big gap) search the whole side.
    search_old = [a for a in range(len(rest_old)) if a not in settled_a]
    search_new = [b for b in range(len(rest_new)) if b not in settled_b]
    for a, b in _index_candidates(st, search_old, search_new):
        if (a, b) not in cos:
            cos[(a, b)] = vec.cosine(vec.old[a], vec.new[b])
    st.by_old = by_old = defaultdict[int, list[tuple[float, int]]](list)
    st.by_new = by_new = defaultdict[int, list[tuple[float, int]]](list)
    for (a, b), s in cos.items():
        by_old[a].append((s, b))
        by_new[b].append((s, a))
    keep: set[tuple[int, int]] = set()
    top = cfg.candidates_per_provision
    for a, lst in by_old.items():
        rank(lst)
        keep.update((a, b) for _s, b in lst[:top])
    for b, lst in by_new.items():
        rank(lst)
        keep.update((a, b) for _s, a in lst[:top])
    st.edges = edges = {e: cos[e] for e in sorted(keep)}
    # Best adjusted score per side, for the number guard and the relative margin.
    st.best_a = best_a = defaultdict[int, list[tuple[float, int]]](list)
    st.best_b = best_b = defaultdict[int, list[tuple[float, int]]](list)
    for (a, b), s in edges.items():
        adj = st.adjusted(a, b, s)
        best_a[a].append((adj, b))
        best_b[b].append((adj, a))
    for lst in (*best_a.values(), *best_b.values()):
        rank(lst)
    st.number_new = {}
    for b, j in enumerate(rest_new):
        num = st.new[j].number
        if num is not None:
            st.number_new[num] = b
    st.local_old = {i: a for a, i in enumerate(rest_old)}
    st.local_new = {j: b for b, j in enumerate(rest_new)}
    return True


def _index_candidates(st: AlignState, search_old: list[int], search_new: list[int]) -> set[tuple[int, int]]:
    """Candidate pairs from an inverted index of words, in both directions."""
    vec = st.vec
    pairs: set[tuple[int, int]] = set()
    if search_old:
        _index_side(st, search_old, vec.old_counts, vec.new_counts, vec.new_df, st.gap_old, st.gap_new, "old",
                    pairs.add)
    if search_new:
        _index_side(st, search_new, vec.new_counts, vec.old_counts, vec.old_df, st.gap_new, st.gap_old, "new",
                    lambda pair: pairs.add((pair[1], pair[0])))
    return pairs


def _index_side(
    st: AlignState,
    search: list[int],
    this_counts: list[Counter[str]],
    other_counts: list[Counter[str]],
    held: Counter[str],
    this_gap: list[int],
    other_gap: list[int],
    side: str,
    emit: Callable[[tuple[int, int]], None],
) -> None:
    """``emit`` (this, other) candidate pairs for the provisions of ``search``, from the other side's postings.

    The ``candidate_words`` rarest words of a provision score the provisions holding them
    (words in more than ``posting_cap`` provisions are skipped); one with only such common
    words takes the holders of its rarest word nearest in the document instead, at most
    ``fallback_pairs_max`` pairs in all (each such provision then takes fewer, and the
    budget note says so).
    """
    cfg, idf = st.config, st.vec.idf
    fetch = cfg.candidate_overfetch * cfg.candidates_per_provision
    words, cap = cfg.candidate_words, cfg.posting_cap
    # A word's posting length is how many provisions of the other side hold it (counted once,
    # with the vectors); the postings themselves are listed only for the words some searched
    # provision scores by, not for every word of the other side.
    scoring: list[tuple[int, list[str]]] = []
    common_only: list[tuple[int, str]] = []
    needed: set[str] = set()
    length_of, holds = held.__getitem__, held.__contains__
    for a in search:
        # The words by (posting length, word): sorted by word, then stably by length, which
        # allocates no (length, word) pair per word of every provision searched.
        present = sorted(filter(holds, this_counts[a]))
        present.sort(key=length_of)
        rare = []
        for t in present[:words]:
            if length_of(t) > cap:
                break
            rare.append(t)
        if rare:
            scoring.append((a, rare))
            needed.update(rare)
        elif present:
            common_only.append((a, present[0]))
            needed.add(present[0])
    postings: dict[str, list[int]] = {t: [] for t in needed}
    for b, counts in enumerate(other_counts):
        for t in needed.intersection(counts):
            postings[t].append(b)
    for a, rare in scoring:
        score: dict[int, float] = defaultdict(float)
        for t in rare:
            w = idf[t]
            for b in postings[t]:
                score[b] += w
        # Highest score first, then the lower index: sorted by index, then stably by score
        # (reverse keeps equal scores in index order), without a (score, index) pair each.
        ranked = sorted(score)
        ranked.sort(key=score.__getitem__, reverse=True)
        for b in ranked[:fetch]:
            emit((a, b))
    if not common_only:
        return
    k = max(1, min(cfg.fallback_nearest, cfg.fallback_pairs_max // len(common_only)))
    if k < cfg.fallback_nearest:
        st.notes.append(
            f"candidates: {len(common_only):,} {side} provisions share only common words with the other side; "
            f"each took its {k} nearest holder(s) of its rarest word instead of {cfg.fallback_nearest} "
            f"(fallback_pairs_max {cfg.fallback_pairs_max:,})"
        )
    gaps_of: dict[str, list[int]] = {}
    for a, rarest in common_only:
        plist = postings[rarest]
        gaps = gaps_of.get(rarest)
        if gaps is None:
            gaps = gaps_of[rarest] = [other_gap[b] for b in plist]
        for b in _nearest(plist, gaps, a, this_gap[a], k):
            emit((a, b))


def _nearest(plist: list[int], gaps: list[int], a: int, gap: int, k: int) -> list[int]:
    """The ``k`` first of ``plist`` (ascending, ``gaps`` its gaps, non-decreasing) ordered by
    (not in gap ``gap``, distance to ``a``, index): O(k + log n), not a sort of the list."""
    lo, hi = bisect_left(gaps, gap), bisect_right(gaps, gap)
    out = list(itertools.islice(_outward(plist, a, lo, hi), k))
    if len(out) < k:
        outside = heapq.merge(_outward(plist, a, 0, lo), _outward(plist, a, hi, len(plist)),
                              key=lambda b: (abs(b - a), b))
        out.extend(itertools.islice(outside, k - len(out)))
    return out


def _outward(plist: list[int], a: int, lo: int, hi: int) -> Iterator[int]:
    """``plist[lo:hi]`` (ascending) from the nearest to ``a`` outwards; of two as near, the lower first."""
    right = bisect_left(plist, a, lo, hi)
    left = right - 1
    while left >= lo or right < hi:
        if right >= hi or (left >= lo and a - plist[left] <= plist[right] - a):
            yield plist[left]
            left -= 1
        else:
            yield plist[right]
            right += 1


# --------------------------------------------------------------------------- pass: template


# --------------------------------------------------------------------------- pass: number


def _number_pass(st: AlignState) -> None:
    """Same printed number, same gap between anchors, similar enough, not clearly beaten.

    A pair under the link bar stands when it is in step (its neighbours on both sides linked
    under equal numbers); the neighbour after it may be linked by this pass too, later in the
    document, so the pairs refused only for that are asked once more at the end."""
    if not st.scored():
        return
    retry = _number_links(st, range(len(st.rest_old)))
    if retry:
        _number_links(st, retry)


def _number_links(st: AlignState, olds: Iterable[int]) -> list[int]:
    """Link the number pass's pairs among local old ``olds``; returns those refused only because
    they were out of step."""
    cfg = st.config
    out_of_step: list[int] = []
    for a in olds:
        i = st.rest_old[a]
        num = st.old[i].number
        b = st.number_new.get(num) if num is not None else None
        if (b is None or i in st.link_old or st.rest_new[b] in st.link_new
                or st.gap_old[a] != st.gap_new[b]):
            continue
        s = st.cosine(a, b)
        if s < cfg.number_min_sim:
            continue
        top_a = st.best_a[a][0][0] if st.best_a.get(a) else 0.0
        top_b = st.best_b[b][0][0] if st.best_b.get(b) else 0.0
        if (s < cfg.sim_link and st.vec.shared(a, b, rare_only=True) < cfg.number_min_rare
                and not _in_step(st, i, b) and not _contained(st, a, b)):
            out_of_step.append(a)
            continue  # below the link bar, out of step, the number needs a distinctive word to lean on
        if s >= top_a - cfg.number_slack and s >= top_b - cfg.number_slack:
            st.link(a, b, "number", s)
    return out_of_step


def _contained(st: AlignState, a: int, b: int) -> bool:
    """One of old ``a`` and new ``b`` carries at least ``split_cover`` of the other's (IDF-weighted)
    words: the same point with parts added or dropped (sub-points that went unreported)."""
    one, other = st.vec.old_counts[a], st.vec.new_counts[b]
    cover = st.config.split_cover
    return st.vec.coverage(one, other) >= cover or st.vec.coverage(other, one) >= cover


def _in_step(st: AlignState, i: int, b: int) -> bool:
    """Old ``i`` and new local ``b`` sit between neighbours linked one to one under equal numbers
    (or the same document edge) on both sides: a point answered in place."""
    j = st.rest_new[b]

    def paired(oi: int, nj: int) -> bool:
        lid = st.link_old.get(oi)
        lk = st.links[lid] if lid is not None else None
        return (lk is not None and lk.old == (oi,) and lk.new == (nj,)
                and st.old[oi].number == st.new[nj].number)

    before = (i == 0 and j == 0) or (i > 0 and j > 0 and paired(i - 1, j - 1))
    after = (i == len(st.old) - 1 and j == len(st.new) - 1) or (
        i + 1 < len(st.old) and j + 1 < len(st.new) and paired(i + 1, j + 1))
    return before and after


# --------------------------------------------------------------------------- passes: assignment and moves


def _assignment_pass(st: AlignState) -> None:
    """Optimal one-to-one assignment over the candidate pairs that keep their gap between anchors."""
    if st.scored():
        _assign_round(st, moves=False)


def _move_pass(st: AlignState) -> None:
    """The assignment again for pairs across the anchor chain (after splits and merges took their parts)."""
    if st.scored():
        _assign_round(st, moves=True)


def _assign_round(st: AlignState, *, moves: bool) -> None:
    cfg = st.config
    rest_old, rest_new = st.rest_old, st.rest_new
    n_old, n_new = max(len(st.old), 1), max(len(st.new), 1)
    # Every eligible pair weighs more than "no partner" (0): the position term is a bonus
    # for nearness that breaks near-ties, never a veto (as a penalty it pushed pairs just
    # above sim_min below zero, and a true maximum-weight matching then dropped them).
    weights = {
        (a, b): st.adjusted(a, b, s) - cfg.sim_min
        + cfg.position_weight * (1.0 - abs(rest_old[a] / n_old - rest_new[b] / n_new))
        for (a, b), s in st.edges.items()
        if rest_old[a] not in st.link_old
        and rest_new[b] not in st.link_new
        and st.adjusted(a, b, s) >= cfg.sim_min
        and (st.gap_old[a] != st.gap_new[b]) == moves
        and (not moves or st.move_evidence(a, b, s))
    }
    pairs, greedy_groups = assign(weights, cfg.assign_exact_max)
    if greedy_groups:
        st.notes.append(
            f"assignment: {greedy_groups} group(s) of more than {cfg.assign_exact_max} competing provisions "
            "were matched greedily (best pair first) instead of optimally"
        )
    chosen = []  # decided before any is linked: a pair's place is read as the round found it
    for a, b in pairs:
        s = st.edges[(a, b)]
        adj = st.adjusted(a, b, s)
        runner_up = max(next_best(st.best_a.get(a, []), b), next_best(st.best_b.get(b, []), a))
        if adj >= cfg.sim_link or (adj >= cfg.sim_min and adj - runner_up >= cfg.rel_margin
                                   and st.rare_shared(a, b) >= cfg.margin_min_rare
                                   and not _unplaced_at_edge(st, a, b, s)):
            chosen.append((a, b, s))
    for a, b, s in chosen:
        same = st.old_norm(rest_old[a]) == st.new_norm(rest_new[b])
        st.link(a, b, "exact" if same else "similarity", 1.0 if same else s)


def _unplaced_at_edge(st: AlignState, a: int, b: int, s: float) -> bool:
    """Old ``a`` and new ``b`` (cosine ``s``) are alone at one document edge under two printed numbers
    (:func:`_edge_pair`) and lack :func:`_edge_evidence`: no pass links them in place.

    Alone at an edge a pair leads every rival of its gap by the order penalty whatever its words
    say: the assignment's margin is its place, the slot pass's question, and under another number
    a dropped last point and an appended one hold that place as well as a point reworded there
    (the precision property at 1,000 examples, seeds 30 and 40)."""
    return _edge_pair(st, st.rest_old[a], st.rest_new[b]) and not _edge_evidence(st, a, b, s)


def _edge_pair(st: AlignState, i: int, j: int) -> bool:
    """Old ``i`` and new ``j`` are alone at the same document edge under two printed numbers: both
    last, each after a linked provision, or both first, each before one.  (Two one-provision
    documents have no neighbour to place them: :func:`_lone_at_edge` reads them.)"""
    if st.old[i].number == st.new[j].number:
        return False
    if i == len(st.old) - 1 and j == len(st.new) - 1:
        return i - 1 in st.link_old and j - 1 in st.link_new
    return i == 0 and j == 0 and 1 in st.link_old and 1 in st.link_new


def _edge_evidence(st: AlignState, a: int, b: int, s: float) -> bool:
    """What a pair alone at a document edge under two printed numbers needs beyond its place: as
    many rare shared words as a slot there (``margin_edge_min_rare``), and words that lead the
    whole document (:func:`_leads_document`)."""
    return (st.vec.shared(a, b, rare_only=True) >= st.config.margin_edge_min_rare
            and _leads_document(st, a, b, s))


def _leads_document(st: AlignState, a: int, b: int, s: float) -> bool:
    """Old ``a`` and new ``b`` (cosine ``s``) lead by ``margin_edge_lead`` every provision of the other side,
    the linked ones included: more in common than two unrelated provisions of this document.

    What the provisions linked elsewhere share with the pair is the document's frame - its
    subjects and stock phrases ("The signatories agrees to deploy ...") - and in a small document
    those are rare by IDF (a word two provisions alone hold always is), so shared rare words
    cannot tell a frame from a subject; a lead over the linked provisions can.  Past
    ``idf_sample`` linked provisions an even sample stands for them, as for the IDF weights."""
    return s - st.linked_rival(a, b) >= st.config.margin_edge_lead


# --------------------------------------------------------------------------- pass: number in step


def _number_in_step_pass(st: AlignState) -> None:
    """A point answered in place: same number as its partner, predecessors linked under equal numbers.

    The numbering is in step here, as in a mark-up that rewrites a plan point by point.
    """
    if not st.scored():
        return
    cfg = st.config
    for a, i in enumerate(st.rest_old):
        num = st.old[i].number
        b = st.number_new.get(num) if num is not None and i not in st.link_old else None
        if b is None or i == 0:
            continue
        j = st.rest_new[b]
        if j in st.link_new or j == 0 or st.gap_old[a] != st.gap_new[b]:
            continue
        before = st.link_old.get(i - 1)
        link_before = st.links[before] if before is not None else None
        if (link_before is None or link_before.old != (i - 1,) or link_before.new != (j - 1,)
                or st.old[i - 1].number != st.new[j - 1].number):
            continue
        if _split_around(st, i, j):
            continue  # the predecessors' link is half of a split (merge) around the candidate
        s = st.cosine(a, b)
        if s >= cfg.number_in_step_min_sim and st.vec.shared(a, b) >= cfg.number_in_step_shared:
            st.link(a, b, "number", s)


def _split_around(st: AlignState, i: int, j: int) -> bool:
    """The provision after new ``j`` (old ``i``) is the rest of old ``i - 1`` (new ``j - 1``).

    Then the predecessors, linked one to one so far, are a split (merge) whose parts
    enclose the candidate: a link from it to the same number on the other side would
    cross that split, so the numbering is not in step here.
    """
    cover = st.config.number_in_step_split_cover
    vec = st.vec

    def rest_of(part: int | None, whole: int | None, rival: int | None, *, new_part: bool) -> bool:
        if part is None or whole is None or rival is None:
            return False
        counts = vec.new_counts[part] if new_part else vec.old_counts[part]
        into = vec.old_counts if new_part else vec.new_counts
        here = vec.coverage(counts, into[whole])
        return here >= cover and here > vec.coverage(counts, into[rival])

    def local(side: dict[int, int], linked: dict[int, int], k: int) -> int | None:
        return side.get(k) if k not in linked else None

    a, b = st.local_old.get(i), st.local_new.get(j)
    return (rest_of(local(st.local_new, st.link_new, j + 1), st.local_old.get(i - 1), a, new_part=True)
            or rest_of(local(st.local_old, st.link_old, i + 1), st.local_new.get(j - 1), b, new_part=False))


# --------------------------------------------------------------------------- pass: joint split / merge


def _joint_pass(st: AlignState) -> None:
    """Runs of adjacent parts that match one partner only together: splits, then merges.

    They go before the assignment, which would otherwise pair one part with a
    look-alike and strand the rest.
    """
    if st.scored():
        _joint(st, split=True)
        _joint(st, split=False)


def _joint(st: AlignState, *, split: bool) -> None:
    """Link an unlinked partner to a run of adjacent unlinked parts that match it together.

    A merged point draws its words from two or three old points, so each old point alone
    scores about half, and they are each other's runner-up: the margin rule links none.
    """
    cfg, vec = st.config, st.vec
    partners, parts_of = (st.rest_old, st.rest_new) if split else (st.rest_new, st.rest_old)
    linked_partner, linked_part = (st.link_old, st.link_new) if split else (st.link_new, st.link_old)
    to_parts, to_partners = (st.by_old, st.by_new) if split else (st.by_new, st.by_old)
    part_gap, partner_gap = (st.gap_new, st.gap_old) if split else (st.gap_old, st.gap_new)
    part_counts = vec.new_counts if split else vec.old_counts
    partner_vecs = vec.old if split else vec.new
    for q, partner in enumerate(partners):
        if partner in linked_partner:
            continue
        candidates = {
            p: s
            for s, p in to_parts.get(q, [])
            if s >= cfg.split_min_sim and parts_of[p] not in linked_part
            and to_partners[p][0][1] == q  # the partner is the part's own best candidate
        }
        if len(candidates) < 2:
            continue
        group, joint, counts = _grow_group(st, candidates, parts_of, part_counts, partner_vecs[q])
        best_part = max(candidates[p] for p in group)
        gained = joint - best_part >= cfg.joint_gain or (
            # Two halves that each choose the partner clearly: their joining is the evidence, when
            # it adds anything at all ("No person shall be transferred against his or her will. A
            # detained person who declines return may remain ..." split into two reworded points).
            len(group) == 2 and joint > best_part
            and all(candidates[p] - next_best(to_partners[p], q) >= cfg.joint_lead for p in group))
        if len(group) < 2:
            chosen = _co_chosen(st, q, group[0], candidates, parts_of, split=split)
            if chosen is None:
                continue
            group = sorted((group[0], chosen))
            counts = merged(part_counts[group[0]], part_counts[group[1]])
            joint = vec.cosine(partner_vecs[q], vec.vector(counts))
            gained = True
        if joint < cfg.joint_min_sim or not gained:
            continue
        weakest = min(candidates[p] for p in group)
        if any(s > weakest for p, s in candidates.items() if p not in group):
            continue  # a part has a better twin elsewhere (a near-duplicate point): not this group
        outside = max((s for s, p in to_parts.get(q, []) if p not in group), default=0.0)
        if joint - outside < cfg.rel_margin:
            continue
        # A group that moved ("Joint Fisheries Commission" and its meetings, merged and moved
        # to the front) needs a move's evidence, as a single provision would.
        moved = any(part_gap[p] != partner_gap[q] for p in group)
        partner_counts = vec.old_counts[q] if split else vec.new_counts[q]
        if moved and (joint < cfg.moved_min_sim or vec.shared_words(counts, partner_counts) < cfg.moved_min_shared):
            continue
        indices = tuple(parts_of[p] for p in group)
        if any(sibling_of(st, x, tuple(y for y in indices if y != x), partner_counts, split=split) for x in indices):
            continue  # an item of a list inserted (or dropped) beside its renumbered neighbour
        if split:
            st.add((partner,), indices, "split", joint)
        else:
            st.add(indices, (partner,), "merge", joint)


def _co_chosen(st: AlignState, q: int, seed: int, candidates: dict[int, float], parts_of: list[int],
               *, split: bool) -> int | None:
    """The part beside ``seed`` that, with it, clearly chooses partner ``q``: two halves of a
    merged point that repeat each other's frame, so the pair's cosine gains nothing on the
    better half alone ("15 minutes late ... a quarter of the fare" and "30 minutes late ...
    half of the fare" folded into one compensation clause).  Each must lead its runner-up
    by ``co_chosen_margin`` at ``co_chosen_min_sim`` with ``co_chosen_shared`` rare words, and
    the partner must be long enough to hold both (``co_chosen_length``)."""
    cfg, vec = st.config, st.vec
    part_counts = vec.new_counts if split else vec.old_counts
    partner_counts = vec.old_counts[q] if split else vec.new_counts[q]
    ranked = st.by_new if split else st.by_old

    def chooses(p: int) -> bool:
        lst = ranked[p]
        runner_up = lst[1][0] if len(lst) > 1 else 0.0
        return (candidates[p] >= cfg.co_chosen_min_sim and candidates[p] - runner_up >= cfg.co_chosen_margin
                and vec.shared_words(part_counts[p], partner_counts, rare_only=True) >= cfg.co_chosen_shared)

    if not chooses(seed):
        return None
    size = sum(partner_counts.values())
    for p in (seed - 1, seed + 1):
        if p not in candidates or abs(parts_of[p] - parts_of[seed]) != 1 or not chooses(p):
            continue
        if 1.0 - vec.coverage(part_counts[p], part_counts[seed]) < cfg.part_novelty_min:
            continue
        if sum(part_counts[p].values()) + sum(part_counts[seed].values()) <= cfg.co_chosen_length * size:
            return p
    return None


def _grow_group(
    st: AlignState,
    candidates: dict[int, float],
    parts_of: list[int],
    part_counts: list[Counter[str]],
    partner_vec: dict[str, float],
) -> tuple[list[int], float, Counter[str]]:
    """From the best part, grow by the adjacent part that raises the cosine most (by split_gain or more).

    A part that mostly repeats the group (a near-duplicate inserted beside a true part) is
    no part of it, however much it raises the cosine (``part_novelty_min``).
    """
    cfg, vec = st.config, st.vec
    seed = max(candidates, key=lambda p: (candidates[p], -p))
    group = [seed]
    counts = part_counts[seed]  # read only: the group's own count is the merged one it grows by
    joint = candidates[seed]
    while len(group) < cfg.joint_max_parts:
        # grow by an adjacent part (no provision between them)
        ends = [p for p, end in ((group[0] - 1, group[0]), (group[-1] + 1, group[-1]))
                if p in candidates and abs(parts_of[p] - parts_of[end]) == 1]
        best: tuple[float, int, Counter[str]] | None = None
        for p in ends:
            if 1.0 - vec.coverage(part_counts[p], counts) < cfg.part_novelty_min:
                continue
            grown = merged(counts, part_counts[p])
            s = vec.cosine(partner_vec, vec.vector(grown))
            if s - joint >= cfg.split_gain and (best is None or s > best[0]):
                best = (s, p, grown)
        if best is None:
            break
        joint, p, counts = best
        group = sorted((*group, p))
    return group, joint, counts


# --------------------------------------------------------------------------- pass: attach


def _attach_pass(st: AlignState) -> None:
    """Unlinked parts joining a linked partner: new parts to an old provision, then old parts to a new one."""
    if st.scored():
        _attach(st, split=True)
        _attach(st, split=False)


def _attach(st: AlignState, *, split: bool) -> None:
    """Attach unlinked parts to linked partners (split: new parts to an old provision)."""
    cfg, vec = st.config, st.vec
    rest_parts = st.rest_new if split else st.rest_old
    linked_parts = st.link_new if split else st.link_old
    candidates = st.by_new if split else st.by_old
    for p, index in enumerate(rest_parts):
        if index in linked_parts:
            continue
        part_counts = vec.new_counts[p] if split else vec.old_counts[p]
        best: tuple[float, int, int] | None = None
        for s, q in candidates.get(p, []):
            if s < cfg.split_min_sim:
                break
            gain = _attach_gain(st, p, q, index, part_counts, s, split=split)
            if gain is not None and (best is None or (gain[0], -q) > (best[0], -best[1])):
                best = (gain[0], q, gain[1])
        if best is None:
            continue
        _gain, q, lid = best
        lk = st.links[lid]
        assert lk is not None
        parts = lk.new if split else lk.old
        partner_counts = vec.old_counts[q] if split else vec.new_counts[q]
        if len(parts) == 1 and (sibling_of(st, parts[0], (index,), partner_counts, split=split)
                                or lone_value(st, parts[0], (index,), partner_counts, split=split, beside=True)):
            # The part linked so far is the sibling of the one joining it (it took the partner's
            # number and value, the joining part holds its topic): the joining part replaces it.
            st.unlink(lid)
            partner = lk.old if split else lk.new
            olds, news = (partner, (index,)) if split else ((index,), partner)
            st.add(olds, news, "similarity", st.cosine(q, p) if split else st.cosine(p, q))
            continue
        merged = tuple(sorted((*parts, index)))
        all_counts = counts_of(st, merged, split=split)
        assert all_counts is not None
        partner_vec = vec.old[q] if split else vec.new[q]
        sim = vec.cosine(partner_vec, vec.vector(all_counts))
        st.links[lid] = None
        if split:
            st.add(lk.old, merged, "split", sim)
        else:
            st.add(merged, lk.new, "merge", sim)


def _attach_gain(
    st: AlignState, p: int, q: int, index: int, part_counts: Counter[str], s: float, *, split: bool
) -> tuple[float, int] | None:
    """The gain of attaching part ``p`` (cosine ``s`` with partner ``q``) to the link of ``q`` and
    that link's id, if it qualifies."""
    cfg, vec = st.config, st.vec
    lid = (st.link_old if split else st.link_new).get(st.rest_old[q] if split else st.rest_new[q])
    if lid is None:
        return None
    lk = st.links[lid]
    assert lk is not None
    parts = lk.new if split else lk.old
    next_to = any(abs(index - x) == 1 for x in parts)
    far = (st.gap_new[p] != st.gap_old[q]) if split else (st.gap_old[p] != st.gap_new[q])
    if far and s < cfg.moved_min_sim and not next_to:
        # A part far from its partner needs the evidence of a move, unless it is next to a part
        # already linked: then the crossing is the group's, its siblings moved with it.
        return None
    if (split and len(lk.old) != 1) or (not split and len(lk.new) != 1):
        return None  # would make an n:m group
    if lk.matched_by == "exact" or (lk.rule == "template" and not names_part(st, q, p, lk, split=split)):
        return None  # a whole provision, or one item of a list of variants, the part not its own
    parts_counts = counts_of(st, parts, split=split)
    if parts_counts is None:
        return None
    partner_counts = vec.old_counts[q] if split else vec.new_counts[q]
    # A part next to one already linked, whose own best candidate is this partner, needs no
    # coverage: the joint pass's evidence (adjacency, mutual choice, gain).  In a handful of
    # points the neighbour's partner is every part's best candidate, so there the part must
    # instead carry what the partner holds beyond its linked parts.
    adjacent = next_to and (st.by_new if split else st.by_old)[p][0][1] == q
    beside = adjacent and (len(st.old) + len(st.new) >= cfg.attach_beside_min_provisions
                           or _carries(st, part_counts, _partner_rest(st, partner_counts, parts_counts)))
    if not beside and vec.coverage(part_counts, partner_counts) < cfg.split_cover:
        return None
    if 1.0 - vec.coverage(part_counts, parts_counts) < cfg.part_novelty_min and not _brings(
            st, part_counts, parts_counts, partner_counts):
        return None  # it repeats the parts already linked: a near-duplicate, not another part
    partner_vec = vec.old[q] if split else vec.new[q]
    before = vec.cosine(partner_vec, vec.vector(parts_counts))
    after = vec.cosine(partner_vec, vec.vector(merged(parts_counts, part_counts)))
    gain = after - before
    # The partner is long and its first part carries it, so the joined cosine barely moves (or
    # drops): beside its other part, the part's own clear choice of the partner is the evidence.
    joins = gain >= (cfg.split_gain if not adjacent else max(cfg.split_gain, cfg.joint_gain)) or (
        beside and _leaves_rest(st, partner_counts, parts_counts)
        and _clear_lead(st, p, q, parts, (part_counts, partner_counts, parts_counts), split=split))
    if not joins:
        return None
    if sibling_of(st, index, parts, partner_counts, split=split):
        return None  # an item of the list inserted (or dropped) beside the linked one
    if lone_value(st, index, parts, partner_counts, split=split, beside=False):
        return None  # another item of the list, which shares a value of its frame with the partner
    return gain, lid


def _leaves_rest(st: AlignState, partner: Counter[str], parts: Counter[str]) -> bool:
    """The linked ``parts`` leave ``attach_lead_rest`` of the ``partner``'s (IDF-weighted) words
    uncarried: there is a second half for a part to bring."""
    return 1.0 - st.vec.coverage(partner, parts) >= st.config.attach_lead_rest


def _brings(st: AlignState, part: Counter[str], parts: Counter[str], partner: Counter[str]) -> bool:
    """A part that repeats the parts already linked still brings the partner something of its own:
    ``part_brings_shared`` words (a year, a figure, a name) the parts lack and the partner holds."""
    # Any word but a function word counts: the few a repeat does not repeat are what tell it
    # from its sibling, however common ("2025" dates a dozen clauses of a pay deal).  A lone
    # digit is a fragment of a figure ("2.0" reads as "2" and "0"), no word of its own.
    novel = {t for t in part if t not in parts and len(t) > 1} - FUNCTION_WORDS
    return len(novel.intersection(partner)) >= st.config.part_brings_shared


def _partner_rest(st: AlignState, partner: Counter[str], parts: Counter[str]) -> Counter[str]:
    """The words of ``partner`` that its linked ``parts`` do not hold, the rare ones only where it
    has some (empty when the parts hold every word)."""
    rest = Counter({t: c for t, c in partner.items() if t not in parts})
    # Weighed on the rest's rare words where it has some: "of", "and" and the frame of the
    # document carry a look-alike over half of the rest without a single one of its names (a
    # dropped sentence "Both parties must implement joint agreements of Mibabaan ..." and an
    # inserted point "... Both parties must return borders ... in accordance with this
    # agreement" covered 0.53; on the rare words 0.43).
    rare = Counter({t: c for t, c in rest.items() if st.vec.idf[t] >= st.config.common_idf})
    return rare or rest


def _carries(st: AlignState, part: Counter[str], rest: Counter[str]) -> bool:
    """``part`` holds ``split_cover`` of the (IDF-weighted) ``rest`` of a partner
    (:func:`_partner_rest`): the rest of a split, not a look-alike of its frame."""
    return bool(rest) and st.vec.coverage(rest, part) >= st.config.split_cover


def _clear_lead(st: AlignState, p: int, q: int, parts: tuple[int, ...],
                counts: tuple[Counter[str], Counter[str], Counter[str]], *, split: bool) -> bool:
    """Part ``p`` and partner ``q`` choose each other (``q`` first among ``p``'s candidates, which
    the caller's ``beside`` has checked; ``p`` first among ``q``'s outside its linked ``parts``), at
    ``attach_lead_min_sim``, ahead of ``p``'s runner-up by ``attach_lead_margin``, with
    ``attach_lead_shared`` rare words in common.  ``counts``: the part's, the partner's and the
    linked parts' stem counts, as the caller holds them."""
    cfg = st.config
    ranked = (st.by_new if split else st.by_old)[p]
    local = st.local_new if split else st.local_old
    own = {local.get(x) for x in parts}
    theirs = [(s, x) for s, x in (st.by_old if split else st.by_new).get(q, []) if x not in own]
    part_counts, partner_counts, parts_counts = counts
    if not theirs or (theirs[0][1] != p and not _rest_choice(st, p, theirs, counts, split=split)):
        return False
    s = ranked[0][0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    # What the partner took from this part: shared words the linked parts do not hold.  A dropped
    # point beside its neighbour shares only the neighbour's topic words with their partner.
    novel = Counter({t: c for t, c in part_counts.items() if t not in parts_counts})
    return (s >= cfg.attach_lead_min_sim and s - runner_up >= cfg.attach_lead_margin
            and st.vec.shared_words(part_counts, partner_counts, rare_only=True) >= cfg.attach_lead_shared
            and st.vec.shared_words(novel, partner_counts) >= cfg.attach_lead_novel)


def _rest_choice(st: AlignState, p: int, theirs: list[tuple[float, int]],
                 counts: tuple[Counter[str], Counter[str], Counter[str]], *, split: bool) -> bool:
    """The partner chooses part ``p`` by what its linked parts leave of it: ``p`` carries that rest
    (:func:`_carries`) and no candidate the partner ranks above ``p`` does.  A new point that
    repeats the frame of the first part ("Northwave shall pay ... million crowns per season")
    can outscore the true second half ("paid in four equal instalments") on the whole partner."""
    part_counts, partner_counts, parts_counts = counts
    rest = _partner_rest(st, partner_counts, parts_counts)
    if not _carries(st, part_counts, rest):
        return False
    others = st.vec.new_counts if split else st.vec.old_counts
    for _s, x in theirs:
        if x == p:
            return True
        if _carries(st, others[x], rest):
            return False
    return False


# --------------------------------------------------------------------------- pass: slot


def _slot_pass(st: AlignState) -> None:
    """Unlinked provisions between two consecutive order-keeping links: the structure says they are
    the same point if the wording shares something distinctive.

    One unlinked on each side: ``slot_min_sim``; more: pairs that are each other's best in
    the gap, at ``slot_gap_min_sim`` - or at ``slot_min_sim`` when, between two links, the pair
    holds the same place in the slot on both sides (the k-th from its start or its end), or
    leads every other candidate of both (``slot_lead_*``).  In a slot of one provision a side
    between two links, a figure the pair restates in other words and no other provision states
    (:func:`peacediff._align_figures.restated_figure`: "48 hours' notice" / "two days ahead") counts
    as one of the ``slot_min_shared`` distinctive things: restated, it shares no word.
    """
    if not st.scored():
        return
    cfg = st.config
    for slot in _slots(st):
        olds, news, between_links = slot.olds, slot.news, slot.between_links
        if len(olds) * len(news) > cfg.slot_pairs_max:
            continue
        la, lb = [st.local_old[i] for i in olds], [st.local_new[j] for j in news]
        table = {(a, b): st.cosine(a, b) for a in la for b in lb}
        best_of_a = {a: max(lb, key=_ranked(table, a, old_side=True)) for a in la}
        best_of_b = {b: max(la, key=_ranked(table, b, old_side=False)) for b in lb}
        single = len(la) == len(lb) == 1
        last_b = -1
        for a in la:
            b = best_of_a[a]
            s = table[(a, b)]
            in_step = single or (between_links and _slot_in_step(la, lb, a, b) and _mutual_best(st, a, b))
            bar = cfg.slot_min_sim if in_step or _slot_lead(st, a, b, s) else cfg.slot_gap_min_sim
            rare_only = not (between_links or (single and _lone_at_edge(st, olds[0], news[0])))
            if (best_of_b[b] == a and b > last_b and s >= bar
                    and st.rest_new[b] not in st.link_new  # two slots overlap where links cross
                    and (st.vec.shared(a, b, rare_only=rare_only) >= cfg.slot_min_shared
                         or (single and between_links
                             and st.vec.shared(a, b, rare_only=rare_only) + 1 >= cfg.slot_min_shared
                             and restated_figure(st, a, b)))
                    and not _crosses_inside(st, slot, st.rest_old[a], st.rest_new[b])
                    and not _unplaced_at_edge(st, a, b, s)):
                st.link(a, b, "similarity", s)
                last_b = b


def _crosses_inside(st: AlignState, slot: _Slot, i: int, j: int) -> bool:
    """Old ``i`` and new ``j`` of ``slot`` would cross a link with parts inside the slot's regions.

    A merge whose parts straddle a kept point bounds no slot, so the slot beside that point
    holds one of its parts: an old point after that part and a new point before its partner
    are not in the same place ("Security Council shall rebuild forces ..." dropped after a
    merged point, "Security Council may implement ..." inserted before it: the precision
    property at 1,000 examples)."""
    # The links with a part in the old region, found through their parts (not by a scan of every
    # link); only those with a part in the new region too count: one end here is a move from afar.
    for lid in {st.link_old[o] for o in slot.old_region if o in st.link_old}:
        lk = st.links[lid]
        if (lk is not None and any(n in slot.new_region for n in lk.new)
                and any((o - i) * (n - j) < 0 for o in lk.old for n in lk.new)):
            return True
    return False


def _mutual_best(st: AlignState, a: int, b: int) -> bool:
    """Old ``a`` and new ``b`` are each other's best candidate anywhere in the document."""
    ranked_a, ranked_b = st.by_old.get(a), st.by_new.get(b)
    return bool(ranked_a and ranked_b and ranked_a[0][1] == b and ranked_b[0][1] == a)


def _slot_in_step(la: list[int], lb: list[int], a: int, b: int) -> bool:
    """Old ``a`` and new ``b`` hold the same place in a slot between two links: the k-th unlinked
    provision on both sides, counted from the slot's start or from its end.

    A rewritten chapter keeps its order: the first clause after a kept point answers the first
    one, the last before the next kept point the last.  That place is evidence, as a lone slot's
    is, so the pair needs only ``slot_min_sim`` (with the shared words and the mutual choice)."""
    x, y = la.index(a), lb.index(b)
    return x == y or len(la) - x == len(lb) - y


def _lone_at_edge(st: AlignState, i: int, j: int) -> bool:
    """Old ``i`` and new ``j`` are alone at a document edge (or are the whole of both documents) and
    answer each other in place: under one printed number (or none), or, as the whole of both
    documents, one carrying ``split_cover`` of the other's words.

    A one-provision document is strong positional evidence ("Forces are capped at 600,000." ->
    "... at 800,000 in peacetime."), and a point kept under its number at the same end is the same
    point; a last point dropped and a new one appended under another number is not, so that slot
    still needs words rare by IDF.  A renumbered whole document needs the containment the number
    pass asks of a weak number link: a one-point document whose point 1 gave way to an unrelated
    point 4 shared only "The ... shall ... in accordance with this agreement" (the precision
    property at 1,000 examples), and two provisions have no word rare by IDF."""
    if st.old[i].number == st.new[j].number:
        return True
    whole = len(st.old) == 1 and len(st.new) == 1
    return whole and _contained(st, st.local_old[i], st.local_new[j])


def _slot_lead(st: AlignState, a: int, b: int, s: float) -> bool:
    """A pair of a crowded gap that leads every other candidate of both, anywhere, by ``slot_lead_margin``
    at ``slot_lead_min_sim``: the gap's order and a clear mutual choice carry it below ``slot_gap_min_sim``."""
    cfg = st.config
    if len(st.old) + len(st.new) < cfg.slot_lead_min_provisions:
        return False  # in a few points every other candidate scores nothing: no lead to read
    runner_up = max(next_best(st.by_old.get(a, []), b), next_best(st.by_new.get(b, []), a))
    return s >= cfg.slot_lead_min_sim and s - runner_up >= cfg.slot_lead_margin


# --------------------------------------------------------------------------- pass: paraphrase


def _paraphrase_pass(st: AlignState) -> None:
    """A clause reworded in place: in a slot (between two consecutive order-keeping links, or a
    link and a document edge) of at most ``paraphrase_unique_max`` unlinked provisions a side, an
    old and a new provision that alone in the slot hold one rare drafting concept link on it.

    A concept is a drafting paraphrase read as one (``enters into force`` / ``takes effect``,
    ``elections`` / ``polls``, ``membership`` / ``joins``: :func:`peacediff._lexical.drafting_concepts`).
    Position between linked neighbours is the main evidence, so no cosine bar applies; the
    link's ``rule`` (``paraphrase``) and its low ``link_score`` say how unsure it is.  A clause
    replaced by an unrelated one ("Bravo point on sanctions" -> "Zulu point on prisoners")
    shares no concept and stays removed + added; two concepts that pair one provision with two
    different partners pair nothing.  Last, a pair that renames a shared concept
    (:func:`_renamed_pairs`), also last to last under two printed numbers.
    """
    if not st.scored():
        return
    cfg = st.config
    # Without any link the one slot is the whole document: it has no neighbour to be placed by
    # (the slot pass takes a lone provision on each side on its words).
    if not any(st.links):
        return
    slots = [slot for slot in _slots(st)
             if len(slot.olds) <= cfg.paraphrase_unique_max and len(slot.news) <= cfg.paraphrase_unique_max]
    if not slots:
        return
    # A concept most unlinked provisions hold ("the signatories" of every generated point) tells
    # no two apart: as for words, it must be rare (common_idf over both versions; linked provisions
    # hold no concept that could compete) or in one provision a side.
    df: Counter[str] = Counter()
    for i in st.rest_old:
        if i not in st.link_old:
            df.update(st.drafting(i, old_side=True))
    for j in st.rest_new:
        if j not in st.link_new:
            df.update(st.drafting(j, old_side=False))
    total = len(st.old) + len(st.new) + 1
    rare = {t for t, d in df.items() if math.log(total / d) >= cfg.common_idf}
    # Between two links a concept in one provision a side counts even in a tiny document; at a
    # document edge, as for the slot pass, it must be rare by IDF (a dozen generated points
    # dropped and inserted at the start share "guarantee" or "elections" by chance).
    tiny = {t for t, d in df.items() if d <= cfg.tiny_doc_df} | rare
    for olds, news, between, _old_region, _new_region in slots:
        _unique_concepts(st, olds, news, tiny if between else rare, between)
    # At an edge, a pair that keeps its printed number is placed as firmly as a pair between
    # two links ("5. ... enters into force upon signature" -> "5. It takes effect once
    # signed", last to last): there a concept in one provision a side is enough.
    for olds, news, between, _old_region, _new_region in slots:
        if not between:
            _unique_concepts(st, [i for i in olds if i not in st.link_old],
                             [j for j in news if j not in st.link_new], tiny, between, numbered=True)
    if cfg.paraphrase_renamed:
        bags = _ConceptBags(st)
        for slot in slots:
            _renamed_pairs(st, bags, slot)


def _unique_concepts(st: AlignState, olds: list[int], news: list[int], rare: set[str], between: bool,
                     *, numbered: bool = False) -> None:
    """Link the old and new provisions of one slot that alone in it hold a drafting concept, in order.

    At a document edge (``between`` false) the pair must also keep one printed number (or have
    none): a last point dropped and a new one appended after it share a topic as easily.
    ``numbered``: the pair must keep a printed number (having none is not enough)."""
    held_old = {i: st.drafting(i, old_side=True) & rare for i in olds}
    held_new = {j: st.drafting(j, old_side=False) & rare for j in news}
    holders: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, held in held_old.items():
        for t in held:
            holders[t][0].append(i)
    for j, held in held_new.items():
        for t in held:
            holders[t][1].append(j)
    pairs = sorted({(o[0], n[0]) for o, n in holders.values() if len(o) == 1 and len(n) == 1})
    # Two concepts that pair one provision with two different partners say nothing.
    seen_old, seen_new = Counter(i for i, _j in pairs), Counter(j for _i, j in pairs)
    pairs = [(i, j) for i, j in pairs if seen_old[i] == 1 and seen_new[j] == 1]
    last_j = -1
    for i, j in pairs:
        if (j > last_j and i not in st.link_old and j not in st.link_new
                and (between or st.old[i].number == st.new[j].number)
                and not (numbered and st.old[i].number is None)):
            a, b = st.local_old[i], st.local_new[j]
            st.link(a, b, "similarity", st.cosine(a, b))
            last_j = j


def _renamed_pairs(st: AlignState, bags: _ConceptBags, slot: _Slot) -> None:
    """Link, in order, the old and new provisions of ``slot`` that name a shared concept each in
    its own words and are each other's best candidate by the paraphrase score.

    Between two links any slot the pass reads; at a document edge only a lone pair under two
    printed numbers (:func:`_edge_pair`: last to last after an insertion renumbered the
    document, "12. The agreement ends when all obligations are fulfilled" -> "13. It terminates
    once every party has met its duties"), where the place says as little as for a dropped last
    point and an appended one; what says more is a concept renamed, which no pair of unrelated
    points does by chance.  A pair needs ``paraphrase_renamed`` such concepts, a paraphrase score
    at ``paraphrase_renamed_min_score`` and ``paraphrase_renamed_lift`` above its cosine (the
    renaming is what makes them alike), and no rival within ``paraphrase_renamed_margin`` of its
    score: no other unlinked provision, nor one, linked or not, that the two rank first by words.
    """
    cfg = st.config
    olds = [i for i in slot.olds if i not in st.link_old]
    news = [j for j in slot.news if j not in st.link_new]
    if not olds or not news:
        return
    edge = not slot.between_links
    if edge and not (len(olds) == len(news) == 1 and _edge_pair(st, olds[0], news[0])):
        return
    last_j = -1
    for i in olds:
        a = st.local_old[i]
        # The best new provision of the slot for it (the earlier one on a tie).
        s, j = max(((bags.score(a, st.local_new[n]), n) for n in news), key=lambda sn: (sn[0], -sn[1]))
        b = st.local_new[j]
        if (j > last_j and s >= cfg.paraphrase_renamed_min_score
                and s - st.cosine(a, b) >= cfg.paraphrase_renamed_lift
                and not (edge and _subject_words(st, a, b) < cfg.paraphrase_edge_subject)
                and _renamed(st, bags, a, b) >= cfg.paraphrase_renamed
                and not _paraphrase_rival(st, bags, a, b, s)):
            st.link(a, b, "similarity", st.cosine(a, b))
            last_j = j


#: Every stem some concept reads (CONCEPT_STEMS): not a subject's word.
_CONCEPT_WORD_STEMS = frozenset(s for stems in CONCEPT_STEMS.values() for s in stems)


def _subject_words(st: AlignState, a: int, b: int) -> int:
    """The content words old ``a`` and new ``b`` share, however common (function words, figures and
    the words of a concept aside): a clause reworded in place keeps its subject ("the Processor
    ... the Customer's personal data"), one replaced on its subject shares the concept alone."""
    shared = st.vec.old_counts[a].keys() & st.vec.new_counts[b].keys()
    return sum(1 for t in shared if t not in FUNCTION_WORDS and not t[:1].isdigit() and t not in _CONCEPT_WORD_STEMS)


def _paraphrase_rival(st: AlignState, bags: _ConceptBags, a: int, b: int, s: float) -> bool:
    """Some provision other than new ``b`` comes within ``paraphrase_renamed_margin`` of ``s`` with
    old ``a`` by the paraphrase score, or other than old ``a`` with new ``b``: an unlinked one
    anywhere, or one (linked or not) that the other's words rank among its first candidates."""
    top = st.config.candidates_per_provision
    old_rivals = {k for k, o in enumerate(st.rest_old) if o not in st.link_old}
    new_rivals = {k for k, n in enumerate(st.rest_new) if n not in st.link_new}
    old_rivals.update(k for _c, k in st.by_new.get(b, [])[:top])
    new_rivals.update(k for _c, k in st.by_old.get(a, [])[:top])
    old_rivals.discard(a)
    new_rivals.discard(b)
    bar = s - st.config.paraphrase_renamed_margin
    return any(bags.score(a, k) > bar for k in new_rivals) or any(bags.score(k, b) > bar for k in old_rivals)


def _renamed(st: AlignState, bags: _ConceptBags, a: int, b: int) -> int:
    """How many concepts of their paraphrase bags old ``a`` and new ``b`` share that each names in
    other words, phrases included ("comes into force" / "takes effect"): :func:`concept_wordings`."""
    shared = set(bags.concepts(a, old_side=True)) & set(bags.concepts(b, old_side=False))
    if not shared:
        return 0
    old = concept_wordings(st.old_norm(st.rest_old[a]), st.vec.old_counts[a].keys())
    new = concept_wordings(st.new_norm(st.rest_new[b]), st.vec.new_counts[b].keys())
    return sum(1 for t in shared if t in old and t in new and not old[t] & new[t])


class _Slot(NamedTuple):
    """The unlinked provisions between two consecutive order-keeping links, and the region between
    those links on each side (which may hold parts of a link that straddles one of them)."""

    olds: list[int]
    news: list[int]
    between_links: bool
    old_region: range
    new_region: range


def _slots(st: AlignState) -> list[_Slot]:
    """The unlinked old and new provisions between each two consecutive, order-keeping
    links (or a document edge), where both sides have some, and whether a link bounds the
    slot on both sides.

    At a document edge the structure says less (a last point dropped and a new one
    appended look like a slot), so the shared words must be rare even in a tiny
    document (``Vectors.shared(rare_only=True)``)."""
    bounds: list[tuple[int, int, int, int]] = []
    for lk in st.links:
        if lk:
            o, n = lk.old, lk.new  # one provision a side (most links): no min / max calls
            bounds.append((o[0], o[0], n[0], n[0]) if len(o) == 1 == len(n) else (min(o), max(o), min(n), max(n)))
    bounds.sort()
    start, end = (-1, -1, -1, -1), (len(st.old),) * 2 + (len(st.new),) * 2
    slots = []
    for before, after in itertools.pairwise([start, *bounds, end]):
        if after[2] <= before[3]:
            continue  # the links cross here (a move): no slot between them
        if after[0] <= before[1] + 1 or after[2] <= before[3] + 1:
            continue  # adjacent on a side (most links): nothing between them there
        old_region, new_region = range(before[1] + 1, after[0]), range(before[3] + 1, after[2])
        olds = [i for i in old_region if i not in st.link_old]
        news = [j for j in new_region if j not in st.link_new]
        if olds and news:
            slots.append(_Slot(olds, news, before is not start and after is not end, old_region, new_region))
    return slots


# --------------------------------------------------------------------------- pass: demotion


def _demotion_pass(st: AlignState) -> None:
    """Unlink, weakest first, 1:1 similarity and number links that cross a firm link without a
    move's evidence (a template item moved within its list has its name as evidence).

    The assignment applies the move bar only to links across exact anchors, and a
    near-exact link is as firm.  A number link that crosses a firm link goes too: the
    numbering moved, so the number is no evidence (a dropped point's number on an
    inserted near-duplicate).
    """
    if not st.scored():
        return
    # The links that could go, each with its local pair and score; whether one lacks a move's
    # evidence is asked only once it crosses (few do), and remembered: the answer reads only
    # what the candidate scores hold, which no unlinking changes.
    eligible: dict[int, tuple[int, int, float]] = {}
    for lid, lk in enumerate(st.links):
        if lk is None or lk.matched_by not in ("similarity", "number") or len(lk.old) != 1 or len(lk.new) != 1:
            continue
        a, b = st.local_old.get(lk.old[0]), st.local_new.get(lk.new[0])
        if a is not None and b is not None and (a, b) not in st.named_pairs:
            eligible[lid] = (a, b, lk.similarity or 0.0)
    weak: dict[int, bool] = {}

    def is_weak(lid: int) -> bool:
        held = weak.get(lid)
        if held is None:
            a, b, sim = eligible[lid]
            held = weak[lid] = not st.move_evidence(a, b, sim)
        return held

    while eligible:  # eligible holds a weak link, or is not asked yet
        crossing = _crossing_links(st)
        candidates = [lid for lid in crossing if lid in eligible and is_weak(lid)]
        if not candidates:
            return
        lid = min(candidates, key=lambda x: (eligible[x][2], x))
        st.unlink(lid)
        del eligible[lid]
        st.pass_counts["demotion"] += 1
        # Another round only while a weak link is left (a crossing check costs more than the
        # answers): settle every answer now, as the first round did not need to.
        if not any([is_weak(x) for x in eligible]):
            return


def _crossing_links(st: AlignState) -> set[int]:
    """Ids of links whose order is reversed against the order-keeping chain of firm
    links (exact, or at ``firm_sim``): a firm link is as good as an anchor."""
    order: list[tuple[int, int, int, float]] = []
    for lid, lk in enumerate(st.links):
        if lk is not None:
            olds, news = lk.old, lk.new  # one provision a side (most links): no min calls
            order.append((olds[0] if len(olds) == 1 else min(olds), news[0] if len(news) == 1 else min(news),
                          lid, lk.similarity or 0.0))
    order.sort()
    # The firm links that keep their order: a firm link that itself moved (a point lifted
    # to the front) must not make every link it jumped over a move.
    firm_items = [(o, n, lid) for o, n, lid, sim in order if sim >= st.config.firm_sim]
    firm = {firm_items[k][2] for k in increasing_chain([(o, n) for o, n, _lid in firm_items])}
    crossing: set[int] = set()
    highest = -1  # the latest new position of a firm link so far in old order
    for _o, n, lid, _sim in order:
        if n < highest:
            crossing.add(lid)
        if lid in firm:
            highest = max(highest, n)
    lowest = math.inf
    for _o, n, lid, _sim in reversed(order):
        if n > lowest:
            crossing.add(lid)
        if lid in firm:
            lowest = min(lowest, n)
    return crossing


# --------------------------------------------------------------------------- pass: concept match


def _concept_match_pass(st: AlignState) -> None:
    """A point reworded *and* moved: neither its words nor its place give it away, its concepts may.

    After every firm pass, the provisions still unlinked are compared by a paraphrase score:
    an IDF-weighted cosine over their content stems with drafting paraphrases read as one
    concept (:func:`peacediff._lexical.paraphrase_bag`: "termination" / "ends", "notify" /
    "inform", "tribunal" / "arbitration", "elections" / "vote"), each word or concept weighed
    by its rarity in the two versions.  A pair links when it is each other's best, at
    ``concept_min_sim``, ahead of every rival of both by ``concept_margin``, sharing
    ``concept_min_shared`` rare words or concepts, one of their shared concepts held by at most
    ``concept_holders_max`` unlinked provisions a side.  Rivals include the linked provisions
    each side's words point to (its ranked candidates), so a new point on the subject of a kept
    one - a dropped point's look-alike - does not take the dropped point.  A pair that crosses
    the firm links is a move and needs more (``concept_move_*``): a clearer lead, a document
    of some size, and close wording or two concepts each side names in its own words.
    """
    if not st.scored():
        return
    old_open = [a for a, i in enumerate(st.rest_old) if i not in st.link_old]
    new_open = [b for b, j in enumerate(st.rest_new) if j not in st.link_new]
    if not old_open or not new_open:
        return
    _concept_links(st, old_open, new_open)


def _concept_links(st: AlignState, old_open: list[int], new_open: list[int]) -> None:
    """Link the open pairs that are each other's clear best by the paraphrase score."""
    cfg = st.config
    bags = _ConceptBags(st)
    # A concept many unlinked provisions hold ("exchange", "supervision" in generated plans)
    # tells no two of them apart: only one held by few a side (a *distinct* concept) proposes
    # a pair.  So does close plain wording, which then needs stricter bars (_concept_bar).
    postings: dict[str, list[int]] = defaultdict(list)
    for b in new_open:
        for t in bags.concepts(b, old_side=False):
            postings[t].append(b)
    held_old = Counter(t for a in old_open for t in bags.concepts(a, old_side=True))
    most = cfg.concept_holders_max
    distinct = {t for t, n in held_old.items() if n <= most and 0 < len(postings.get(t, ())) <= most}
    open_b = set(new_open)
    best_of_a: dict[int, list[tuple[float, int]]] = {}
    best_of_b: defaultdict[int, list[tuple[float, int]]] = defaultdict(list)
    top = cfg.candidates_per_provision
    for a in old_open:
        found = {b for t in bags.concepts(a, old_side=True) if t in distinct for b in postings[t]}
        found.update(b for c, b in st.by_old.get(a, [])[:top] if b in open_b and c >= cfg.sim_min)
        ranked = best_of_a[a] = [(bags.score(a, b), b) for b in sorted(found)]
        for s, b in ranked:
            best_of_b[b].append((s, a))
    for lst in (*best_of_a.values(), *best_of_b.values()):
        rank(lst)
    floor = min(cfg.concept_min_sim, cfg.concept_slot_min_sim, cfg.concept_plain_min_sim)
    for a in old_open:
        if not best_of_a[a]:
            continue
        s, b = best_of_a[a][0]
        if best_of_b[b][0][1] != a or s < floor:
            continue  # not each other's best, or under every bar
        shares_distinct = any(t in distinct and t in bags.new[b] for t in bags.concepts(a, old_side=True))
        need = _concept_bar(st, bags, a, b, s, distinct=shares_distinct)
        if need is None:
            continue
        # Rivals: every other open provision proposed, then (only if the lead survives them, as
        # they cost bags of linked points) the provisions, linked or not, each one's words rank first.
        rival = max(next_best(best_of_a[a], b), next_best(best_of_b[b], a))
        if s - rival < need:
            continue
        rival = max([rival, *(bags.score(a, other) for _c, other in st.by_old.get(a, [])[:top] if other != b),
                     *(bags.score(other, b) for _c, other in st.by_new.get(b, [])[:top] if other != a)])
        if (s - rival >= need and _move_allowed(st, bags, a, b, s - rival)
                and not _unplaced_at_edge(st, a, b, st.cosine(a, b))):
            st.link(a, b, "similarity", st.cosine(a, b))


def _concept_bar(st: AlignState, bags: _ConceptBags, a: int, b: int, s: float, *, distinct: bool) -> float | None:
    """The lead over every rival a mutual best pair of the concept-match pass (score ``s``) needs,
    or None when its score or shared words fall short; ``distinct``: it shares a concept few
    unlinked provisions hold."""
    cfg = st.config
    shared = bags.shared(a, b)
    if not distinct:  # close plain wording, nothing renamed: a clear lead on several rare words
        if s < cfg.concept_plain_min_sim or shared < cfg.concept_min_shared:
            return None
        if shared < cfg.concept_plain_shared:
            # Fewer rare words (a short clause: "Osmarran law governs this licence"): only a lead
            # no look-alike reaches.
            return max(cfg.concept_margin, cfg.concept_plain_margin, cfg.concept_move_clear_lead)
        if st.rare_pieces(a, b) >= cfg.concept_move_pieces:
            return max(cfg.concept_margin, cfg.concept_move_margin)
        return max(cfg.concept_margin, cfg.concept_plain_margin)
    # A pair alone between two links holds its place: that is evidence, so it needs less.
    if (s < cfg.concept_min_sim or shared < cfg.concept_min_shared) and not (
            s >= cfg.concept_slot_min_sim and shared and _alone_between(st, a, b)):
        return None
    return cfg.concept_margin


def _move_allowed(st: AlignState, bags: _ConceptBags, a: int, b: int, lead: float) -> bool:
    """A concept-match pair that crosses a firm link is a move, which needs a clearer lead and
    closer wording (as in the move pass), and names in common where both name things (a clause
    moved keeps its actors and places); rare words mean little in a document of a dozen points."""
    cfg = st.config
    if not _crosses(st, a, b):
        return True
    if st.names_apart(a, b, cfg.concept_move_names):
        return False
    size = len(st.old) + len(st.new)
    if lead < cfg.concept_move_margin or size < cfg.concept_move_min_provisions:
        return False
    reworded = _reworded(st, bags, a, b)
    if reworded < cfg.concept_move_reworded and size < cfg.concept_move_small_provisions and (
            st.rare_pieces(a, b) < cfg.concept_move_small_shared or lead < cfg.concept_move_small_lead):
        return False  # a dozen points, little renamed: shared stock phrases look rare there
    return (st.cosine(a, b) >= cfg.concept_move_min_cos or reworded >= cfg.concept_move_reworded
            or lead >= cfg.concept_move_clear_lead or st.rare_pieces(a, b) >= cfg.concept_move_pieces)


def _alone_between(st: AlignState, a: int, b: int) -> bool:
    """Old ``a`` and new ``b`` are alone between two links: their neighbours before are linked to
    each other, and so are their neighbours after."""
    i, j = st.rest_old[a], st.rest_new[b]
    if not (0 < i < len(st.old) - 1 and 0 < j < len(st.new) - 1):
        return False
    before, after = st.link_old.get(i - 1), st.link_old.get(i + 1)
    return (before is not None and after is not None
            and before == st.link_new.get(j - 1) and after == st.link_new.get(j + 1))


def _reworded(st: AlignState, bags: _ConceptBags, a: int, b: int) -> int:
    """How many concepts old ``a`` and new ``b`` share that each names in other words ("terminated"
    / "ends", "dispute" / "disagreements"): evidence the plain cosine cannot see, as a word
    repeated on both sides is not."""
    old_words, new_words = st.vec.old_counts[a], st.vec.new_counts[b]
    count = 0
    for t in bags.concepts(a, old_side=True):
        if t in bags.new[b]:
            members = CONCEPT_STEMS.get(t, ())
            if members and not {m for m in members if m in old_words} & {m for m in members if m in new_words}:
                count += 1
    return count


def _crosses(st: AlignState, a: int, b: int) -> bool:
    """Linking old ``a`` to new ``b`` would cross the order-keeping chain of firm links (exact, or
    at ``firm_sim``), as a moved point does (the links demotion reads as anchors)."""
    i, j = st.rest_old[a], st.rest_new[b]
    firm = sorted((min(lk.old), min(lk.new)) for lk in st.links
                  if lk is not None and (lk.similarity or 0.0) >= st.config.firm_sim)
    return any((o - i) * (n - j) < 0 for o, n in (firm[k] for k in increasing_chain(firm)))


class _ConceptBags:
    """The paraphrase bags (:func:`peacediff._lexical.paraphrase_bag`) of the provisions the
    concept-match pass reads, computed on first use, and the rarity weight of each word or concept."""

    def __init__(self, st: AlignState) -> None:
        self.st = st
        self.old: dict[int, frozenset[str]] = {}
        self.new: dict[int, frozenset[str]] = {}
        self.norm_old: dict[int, float] = {}
        self.norm_new: dict[int, float] = {}
        self.concepts_old: dict[int, list[str]] = {}
        self.concepts_new: dict[int, list[str]] = {}
        self.weights: dict[str, float] = {}  # the concepts' weights, once each
        self.idf = st.vec.idf

    def weight(self, t: str) -> float:
        """A plain stem weighs its IDF; a concept that of its most frequent word (held at least twice)."""
        w = self.idf.get(t)
        if w is None:
            w = self.weights.get(t)
            if w is None:
                vec = self.st.vec
                # At least as frequent as its most frequent word (one provision often holds
                # several: "an arbitral tribunal of three arbitrators").
                df = max(2, max([vec.df.get(s, 0) for s in CONCEPT_STEMS.get(t, ())], default=0))
                w = self.weights[t] = max(0.0, math.log((vec.total + 1) / df))
        return w

    def bag(self, k: int, *, old_side: bool) -> tuple[frozenset[str], float]:
        bags, norms = (self.old, self.norm_old) if old_side else (self.new, self.norm_new)
        held = bags.get(k)
        if held is None:
            st = self.st
            norm = st.old_norm(st.rest_old[k]) if old_side else st.new_norm(st.rest_new[k])
            held = bags[k] = paraphrase_bag(norm, (st.vec.old_counts if old_side else st.vec.new_counts)[k].keys(),
                                            st.read_phrases)
            idf, weight = self.idf, self.weight
            # fsum: exact, so the result does not depend on the set's (hash-seeded) order.
            norms[k] = math.sqrt(math.fsum([w * w for w in [idf[t] if t in idf else weight(t) for t in held]]))
        return held, norms[k]

    def concepts(self, k: int, *, old_side: bool) -> list[str]:
        """The concepts (not the plain words) of a provision's bag, in a fixed order."""
        cache = self.concepts_old if old_side else self.concepts_new
        held = cache.get(k)
        if held is None:
            held = cache[k] = sorted(t for t in self.bag(k, old_side=old_side)[0] if t[0] == "~")
        return held

    def score(self, a: int, b: int) -> float:
        """The weighted cosine of old ``a``'s and new ``b``'s paraphrase bags."""
        one, n1 = self.bag(a, old_side=True)
        other, n2 = self.bag(b, old_side=False)
        if not n1 or not n2:
            return 0.0
        idf, weight = self.idf, self.weight
        return math.fsum([w * w for w in [idf[t] if t in idf else weight(t) for t in one & other]]) / (n1 * n2)

    def shared(self, a: int, b: int) -> int:
        """Words or concepts the two share that are rare (weight at ``common_idf``)."""
        common = self.st.config.common_idf
        one, other = self.old[a], self.new[b]
        return sum(1 for t in one & other if self.weight(t) >= common)


# --------------------------------------------------------------------------- pass: possible matches


def _possible_match_pass(st: AlignState) -> None:
    """The best unlinked candidate of each unlinked provision, at ``possible_min_sim`` (or, with
    none, the one sharing most drafting concepts): a hint, never a link."""
    if not st.scored():
        return
    bar, need = st.config.possible_min_sim, st.config.possible_min_shared
    for side, rest, linked, other_rest, other_linked, ranked in (
            ("old", st.rest_old, st.link_old, st.rest_new, st.link_new, st.by_old),
            ("new", st.rest_new, st.link_new, st.rest_old, st.link_old, st.by_new)):
        for k, index in enumerate(rest):
            if index in linked:
                continue
            # The best free candidate that has something in common with it: the best by cosine
            # alone may share only common words, while the next names the same place.
            for s, other in ranked.get(k, []):
                if s < bar:
                    break
                if other_rest[other] in other_linked:
                    continue
                shared = _hint_evidence(st, side, index, other_rest[other])
                if len(shared) >= need:
                    st.possible[(side, index)] = (other_rest[other], s)
                    if shared:
                        st.shared[(side, index)] = shared
                    break
    _concept_hints(st)
    for (side, index), (other, _s) in list(st.possible.items()):
        if (side, index) not in st.shared:  # a hint by concepts: they share at least one
            shared = _hint_evidence(st, side, index, other)
            if len(shared) < need:
                del st.possible[(side, index)]
            elif shared:
                st.shared[(side, index)] = shared
    st.pass_counts["possible-match"] = len(st.possible)


def _hint_evidence(st: AlignState, side: str, index: int, other: int) -> tuple[str, ...]:
    """What provision ``index`` of ``side`` and its candidate ``other`` have in common, for readers:
    the content words both use (rare by IDF, or in at most ``tiny_doc_df`` provisions, as
    :meth:`Vectors.shared` counts them; no function word, no figure), the rarest first, then the
    drafting concepts both express.  A rival plan's point that shares "Zaporizhzhia" and the armed
    forces with its counterpart says why it is offered, where "1 % of the wording" does not."""
    old_side = side == "old"
    vec = st.vec
    bag = (vec.old_counts if old_side else vec.new_counts)[(st.local_old if old_side else st.local_new)[index]]
    partner = (vec.new_counts if old_side else vec.old_counts)[(st.local_new if old_side else st.local_old)[other]]
    idf = vec.idf
    words = [t for t in vec.shared_stems(bag, partner) if not t[:1].isdigit() and t not in WEAK_WORDS]
    if len(words) > 1:
        # The rarest first (a view shows a few): "Zaporizhzhia" says more than "agreed"; then in
        # the provision's own order (a table, not list.index: a long provision holds thousands).
        wanted = set(words)
        rank = {t: k for k, t in enumerate(bag) if t in wanted}
        words.sort(key=lambda t: (-idf[t], rank[t]))
    concepts = st.drafting(index, old_side=old_side) & st.drafting(other, old_side=not old_side)
    return (*words, *sorted(concepts))


def _concept_hints(st: AlignState) -> None:
    """A hint for an unlinked provision that has none by cosine: the unlinked counterpart sharing
    the most drafting concepts with it (``army`` / ``troops``, ``sanctions`` / ``restrictive
    measures``: :func:`peacediff._lexical.drafting_concepts`), at least one, scored by its cosine.
    Rival plans word one topic differently ("armed forces capped at 600,000 personnel" /
    "peacetime army of up to 800,000 troops"): the cosine sees nothing shared.  A concept
    held by more than ``posting_cap`` unlinked provisions proposes nothing (as a common word
    proposes no candidate), which keeps the search linear.
    """
    old_open = [i for i in st.rest_old if i not in st.link_old and ("old", i) not in st.possible]
    new_open = [j for j in st.rest_new if j not in st.link_new and ("new", j) not in st.possible]
    if not old_open and not new_open:
        return
    old_free = [i for i in st.rest_old if i not in st.link_old]
    new_free = [j for j in st.rest_new if j not in st.link_new]
    old_marks = {i: _topic_marks(st, i, old_side=True) for i in old_free}
    new_marks = {j: _topic_marks(st, j, old_side=False) for j in new_free}
    # A mark the other side's provisions lack proposes none of them: only shared marks are posted.
    old_held, new_held = set().union(*old_marks.values()), set().union(*new_marks.values())
    old_postings, new_postings = _postings(st, old_marks, new_held), _postings(st, new_marks, old_held)
    for i in old_open:
        best = _best_by_concepts(st, old_marks[i], new_postings, new_marks, _pair_with_old(i))
        if best is not None:
            st.possible[("old", i)] = best
    for j in new_open:
        best = _best_by_concepts(st, new_marks[j], old_postings, old_marks, _pair_with_new(j))
        if best is not None:
            st.possible[("new", j)] = best


def _topic_marks(st: AlignState, index: int, *, old_side: bool) -> set[str]:
    """What names a provision's topic for a hint: its drafting concepts and its rare words (IDF at
    ``common_idf``, figures and function words aside): rival plans share "Zaporizhzhia" in
    otherwise different sentences, a cosine of 0.07 that no other evidence lifts."""
    marks = set(st.drafting(index, old_side=old_side))
    local = st.local_old[index] if old_side else st.local_new[index]
    idf, common = st.vec.idf, st.config.common_idf
    # The rare stems first (most of a clause is common words), then those that are not figures.
    stems = (st.vec.old_counts if old_side else st.vec.new_counts)[local]
    marks.update([t for t in stems if idf[t] >= common and t not in FUNCTION_WORDS and not t[:1].isdigit()])
    return marks


def _postings(st: AlignState, held: dict[int, set[str]], wanted: Set[str]) -> dict[str, list[int]]:
    """The provisions (ascending) holding each mark of ``held`` among ``wanted`` that may propose
    them: a drafting concept held by at most ``posting_cap`` of them, a rare word by at most
    ``concept_holders_max`` (see :func:`_best_by_concepts`)."""
    out: dict[str, list[int]] = defaultdict(list)
    for index in sorted(held):
        for concept in held[index] & wanted:
            out[concept].append(index)
    cap, holders = st.config.posting_cap, st.config.concept_holders_max
    return {c: lst for c, lst in out.items() if len(lst) <= (cap if c[:1] == "~" else holders)}


def _best_by_concepts(
    st: AlignState,
    mine: set[str],
    postings: dict[str, list[int]],
    their_concepts: dict[int, set[str]],
    pair: Callable[[int], tuple[int, int]],
) -> tuple[int, float] | None:
    """The other provision sharing most of ``mine`` (then the higher cosine, then the lower index),
    among those ``postings`` (:func:`_postings`) proposes for ``mine``.

    A drafting concept proposes the provisions holding it up to ``posting_cap``; a rare word, a
    name, only when at most ``concept_holders_max`` hold it: a made-up name that dozens of
    generated points share tells none of them apart, and each proposal costs a cosine."""
    others = sorted({o for c in mine & postings.keys() for o in postings[c]})
    if not others:
        return None
    # Most shared first: only the provisions sharing the most are weighed by cosine (each costs one).
    shared = {other: len(mine & their_concepts[other]) for other in others}
    most = max(shared.values())

    def cosine(other: int) -> float:
        i, j = pair(other)
        return st.cosine(st.local_old[i], st.local_new[j])

    scored = [(cosine(other), other) for other in others if shared[other] == most]
    s, best = max(scored, key=lambda item: (item[0], -item[1]))  # ties: the lower index
    return best, s


# --------------------------------------------------------------------------- pass: duplicates in order


def _duplicates_in_order_pass(st: AlignState) -> None:
    """Identical provisions on one side take their partners in document order.

    Which of two identical points was linked to which partner (or merged, or split
    into which parts) is arbitrary for the similarity; in order, no link crosses
    another for nothing.  A link whose partners change keeps the rule that made it,
    except a number link whose numbers no longer agree (a similarity link now).
    """
    for old_side in (True, False):
        texts = st.old_texts if old_side else st.new_texts
        repeated = st.repeated_old if old_side else st.repeated_new
        if not repeated:
            continue
        # slots[text] = [(partner position, link id, own index)]
        slots: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for lid, lk in enumerate(st.links):
            if lk is None:
                continue
            own, partner = (lk.old, lk.new) if old_side else (lk.new, lk.old)
            for index in own:
                if texts[index] in repeated:
                    slots[texts[index]].append((min(partner), lid, index))
        changed: dict[int, dict[int, int]] = defaultdict(dict)  # link id -> {old own index: new own index}
        for group in slots.values():
            if len(group) < 2:
                continue
            own_sorted = sorted(index for _p, _l, index in group)
            for (_pos, lid, index), mine in zip(sorted(group), own_sorted, strict=True):
                if index != mine:
                    changed[lid][index] = mine
        for lid, mapping in changed.items():
            lk = st.links[lid]
            assert lk is not None
            own = tuple(sorted(mapping.get(i, i) for i in (lk.old if old_side else lk.new)))
            olds, news = (own, lk.new) if old_side else (lk.old, own)
            family, rule = lk.matched_by, lk.rule
            if family == "number" and st.old[olds[0]].number != st.new[news[0]].number:
                family, rule = "similarity", "duplicates-in-order"
            st.links[lid] = Link(olds, news, family, lk.similarity, rule)
            for i in olds:
                st.link_old[i] = lid
            for j in news:
                st.link_new[j] = lid


#: The passes of text alignment, as (name, function over the state), in run order.
_TEXT_PASS_FUNCTIONS: tuple[tuple[str, Callable[[AlignState], None]], ...] = (
    ("exact", _exact_pass),
    ("template", template_pass),
    ("number", _number_pass),
    ("joint", _joint_pass),
    ("assignment", _assignment_pass),
    ("number-in-step", _number_in_step_pass),
    ("attach", _attach_pass),
    ("move", _move_pass),
    ("attach-after-move", _attach_pass),
    ("slot", _slot_pass),
    ("paraphrase", _paraphrase_pass),
    ("attach-after-slot", _attach_pass),
    ("demotion", _demotion_pass),
    ("slot-after-demotion", _slot_pass),
    ("concept-match", _concept_match_pass),
    ("shared-figure", shared_figure_pass),
    ("possible-match", _possible_match_pass),
    ("duplicates-in-order", _duplicates_in_order_pass),
)

#: The names of the text passes, in run order (a link's ``rule`` is one of them).
TEXT_PASSES: tuple[str, ...] = tuple(name for name, _fn in _TEXT_PASS_FUNCTIONS)

#: Passes whose count is not "links made that stand": demotion counts the links it
#: undid, possible-match the hints it left.
_COUNTED_BY_PASS = frozenset({"demotion", "possible-match"})


def _ranked(table: dict[tuple[int, int], float], fixed: int, *, old_side: bool) -> Callable[[int], tuple[float, int]]:
    """Sort key for the partners of ``fixed`` in a slot: higher similarity first, then the earlier one."""
    if old_side:
        return lambda b: (table[(fixed, b)], -b)
    return lambda a: (table[(a, fixed)], -a)


def _pair_with_old(i: int) -> Callable[[int], tuple[int, int]]:
    return lambda j: (i, j)


def _pair_with_new(j: int) -> Callable[[int], tuple[int, int]]:
    return lambda i: (i, j)


#: What every :class:`_State` asks of this module's rules.
_RULES = Rules(TEXT_PASSES, _build_scores, replaced_items, frame_overlap)
