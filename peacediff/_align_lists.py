"""Lists inside a version: template lists, the names of their items, and sibling items.

The aligner's passes (:mod:`peacediff.align`) ask this module three questions about provisions
that are items of a list in their version: which items of a template list pair in order
(:func:`template_pass`), whether two items are the same item under other figures or one put in
the other's place (the names and word places behind ``AlignState.replaced``), and whether a part
offered to a split or merge is a sibling item of the list rather than a part (:func:`sibling_of`).
docs/decisions/0001-alignment.md gives the measurements behind each rule.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set

from peacediff._align_state import (
    AlignState,
    Listing,
    ListName,
    Place,
    WordPlaces,
    name_agreement,
    non_figures,
)
from peacediff._lexical import (
    FUNCTION_WORDS,
    stem,
    stem_counts,
)
from peacediff._links import Link
from peacediff._matching import next_best, rank
from peacediff.figures import MINUS_SIGN
from peacediff.model import Provision


def template_pass(st: AlignState) -> None:
    """Template lists: where the items of a gap are variants of one frame, order carries the alignment.

    A schedule of near-identical items ("heavy weapons are withdrawn N km from the line in
    the X sector") whose figures all changed scores every item against several others
    alike, and pair-local IDF weighs the shared frame at nothing: the one-to-one assignment
    pairs items across, and the joint and attach passes merge look-alikes.  An item is
    *templated* when at least two of its candidates in its gap share ``template_overlap``
    of its words (Dice over stems, unweighted: the frame is the evidence here).  Where at
    least ``template_min_items`` items on each side of the document are templated, the
    templated items of each gap are paired by the order-preserving matching of greatest
    total overlap (nearness in the gap breaking ties), however few a gap holds: an unchanged
    item cuts a list into gaps without making it less of a list.  A pair still needs
    ``template_overlap``.  A gap of more than ``template_cells_max`` templated pairs (a
    schedule of hundreds or thousands of lines) is paired in order over its likely pairs only,
    within the work budget ``template_pairs_max`` (:func:`_link_list`), with a note when it trips.

    A list whose kept items are exact anchors leaves its changed items in gaps of one or two
    between them, too few to be a list there: between two anchors, items that are *listed* in
    their own version (two of the provisions within two places share ``template_overlap`` of
    their words) pair in order the same way, however few; before the first anchor or after the
    last, their names are read (:func:`_read_names`) and they are left to the other passes.
    Last, an item a name joins to one in another gap (swapped with an unchanged item) is linked
    across the two (:func:`_link_across_gaps`).
    """
    if not st.scored():
        return
    cfg = st.config
    gaps: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    listed: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    # The side with fewer items first: too few templated items there make no whole list (rival
    # plans: none), whatever the other side holds.
    first = len(st.rest_old) <= len(st.rest_new)
    _template_items(st, gaps, listed, old_side=first)
    whole_first = sum(len(items[0 if first else 1]) for items in gaps.values()) >= cfg.template_min_items
    _template_items(st, gaps, listed, old_side=not first, whole=whole_first)
    tripped = _link_gaps(st, gaps, listed)
    if tripped["narrowed"]:
        st.notes.append(
            f"template lists: {tripped['narrowed']} gap(s) of templated items too large for template_pairs_max "
            f"({cfg.template_pairs_max:,} pairs) were paired in order over a band narrower than template_band "
            f"({cfg.template_band} items)"
        )
    if tripped["skipped"]:
        st.notes.append(
            f"template lists: {tripped['skipped']} gap(s) of templated items too large for template_pairs_max "
            f"({cfg.template_pairs_max:,} pairs) were aligned without their order"
        )


def _link_gaps(st: AlignState, gaps: Mapping[int, tuple[list[int], list[int]]],
               listed: Mapping[int, tuple[list[int], list[int]]]) -> Counter[str]:
    """Link the items filed by gap (:func:`_template_items`): each gap's templated items as one list
    when both sides make a whole list, else its listed items between two anchors (names only
    before the first anchor or after the last).  Returns how often each work budget tripped."""
    cfg = st.config
    # A list that an unchanged item (or any firm link) cuts leaves short runs of templated
    # items between its links: they are still items of one list, so the count is the list's.
    whole_list = (sum(len(la) for la, _lb in gaps.values()) >= cfg.template_min_items
                  and sum(len(lb) for _la, lb in gaps.values()) >= cfg.template_min_items)
    tripped: Counter[str] = Counter()
    none: tuple[list[int], list[int]] = ([], [])
    for g in sorted(set(gaps) | set(listed)):
        la, lb = gaps.get(g, none)
        if not (whole_list and la and lb):
            # Items of a list whose unchanged items are anchors: between two of them, order is the
            # evidence even for a single item on each side (its text ties with its siblings).
            la, lb = listed.get(g, none)
            if not (la and lb):
                continue
            if not 0 < g < len(st.chain_old):
                # Before the first anchor or after the last, order is weak evidence, but names
                # are not: "Coley" put in the place of the first stock is still another stock.
                _read_names(st, la, lb, _word_named(st, la, lb))
                continue
        if (trip := _link_list(st, la, lb)) is not None:
            tripped[trip] += 1
    if whole_list:
        _link_across_gaps(st, gaps)
    return tripped


def _link_across_gaps(st: AlignState, gaps: Mapping[int, tuple[list[int], list[int]]]) -> None:
    """Link the templated items a name joins across two gaps: an item swapped with an unchanged
    one ("Measure 14, Cedar" kept, "Measure 15, Yew" put before it) leaves the list's gaps each
    holding an item the other's name partner, which the passes after this one paired with whatever
    item was new in its gap.  An item moved far may have no candidate in its new gap and be filed
    in none: a word only it and a filed item hold (:func:`_word_named`) names that pair too.  Each
    pair is filed as named: its name is the move's evidence, which the demotion pass asks of a
    link across an unchanged one."""
    la = sorted(a for items, _ in gaps.values() for a in items)
    lb = sorted(b for _, items in gaps.values() for b in items)
    free_a = [a for a, i in enumerate(st.rest_old) if i not in st.link_old]
    free_b = [b for b, j in enumerate(st.rest_new) if j not in st.link_new]
    filed_a, filed_b = set(la), set(lb)
    named = _named(st, la, lb, set()) | {(a, b) for a, b in _word_named(st, free_a, free_b)
                                          if a in filed_a or b in filed_b}
    across = sorted((a, b) for a, b in named if st.gap_old[a] != st.gap_new[b])
    # Pair by pair, each item's names read in its own list (not a stretch from the first gap to the last).
    for a, b in across:
        for pair in _moved_by_name(st, [a], [b], {(a, b)}):
            st.link(*pair, "similarity", st.cosine(*pair))
            st.named_pairs.add(pair)  # a name is a moved item's evidence: the demotion pass keeps it


def _link_list(st: AlignState, la: list[int], lb: list[int]) -> str | None:
    """Link the items of one template list (old ``la``, new ``lb``): in order, then those moved
    within it by their names; a pair a name joins needs no other evidence to stand.

    A list of more than ``template_cells_max`` pairs is paired in order over its likely pairs
    only (:func:`_template_candidates`).  Returns what its work budget did: ``"narrowed"`` (the
    band around the list's diagonal narrowed to fit ``template_pairs_max``), ``"skipped"`` (not
    paired in order at all), or None."""
    word_named = _word_named(st, la, lb)
    _read_names(st, la, lb, word_named)
    trip = None
    candidates = None
    if len(la) * len(lb) > st.config.template_cells_max:
        candidates, band = _template_candidates(st, la, lb)
        trip = "skipped" if candidates is None else "narrowed" if band < st.config.template_band else None
    # Over its budget a list's items still link by their names, out of order (_moved_by_name).
    if trip != "skipped":
        for a, b in _ordered_matching(st, la, lb, candidates):
            st.link(a, b, "similarity", st.cosine(a, b))
    named = _named(st, la, lb, word_named)
    for a, b in _moved_by_name(st, la, lb, named):
        st.link(a, b, "similarity", st.cosine(a, b))
    st.named_pairs.update((a, b) for a, b in named
                          if st.link_old.get(st.rest_old[a], -1) == st.link_new.get(st.rest_new[b], -2))
    return trip


def _template_items(st: AlignState, gaps: dict[int, tuple[list[int], list[int]]],
                    listed: dict[int, tuple[list[int], list[int]]], *, old_side: bool, whole: bool = True) -> None:
    """File one side's templated items under their gap in ``gaps`` and its listed items (those
    between two anchors that are not templated) in ``listed``.  ``whole``: false when the other
    side makes no whole list, so that this side's templated items count for nothing: then only
    the items that may be listed take the (costly) template test, after the cheap ones."""
    rest, gap_of, by = (st.rest_old, st.gap_old, st.by_old) if old_side else (st.rest_new, st.gap_new, st.by_new)
    other_gap = st.gap_new if old_side else st.gap_old
    side = 0 if old_side else 1
    for k, gap in enumerate(gap_of):
        # Both tests read only the candidates in the item's own gap (the same ones, in the same
        # order, from this sublist): most items of a long document have none there.
        ranked = [pair for pair in by.get(k, ()) if other_gap[pair[1]] == gap]
        if not ranked:
            continue
        if whole and _templated(st, k, ranked, old_side=old_side):
            gaps[gap_of[k]][side].append(k)
        elif (_tied_in_gap(st, k, ranked, old_side=old_side) and _listed(st, rest[k], old_side=old_side)
              and (whole or not _templated(st, k, ranked, old_side=old_side))):
            listed[gap_of[k]][side].append(k)


def frame_overlap(st: AlignState, a: int, b: int) -> float:
    """Dice coefficient of the stem sets of old ``a`` and new ``b`` (unweighted), or of their words
    without figures when that is higher: the figures are what a template varies, and in a short
    item ("Pay point 4: 34,300 per year.") they are half its stems."""
    one, other = st.vec.old_counts[a].keys(), st.vec.new_counts[b].keys()
    if not one or not other:
        return 0.0
    shared = st._shared.get((a, b))
    if shared is None:
        shared = st._shared[(a, b)] = len(one & other)
    total = len(one) + len(other)
    bar = st.config.template_overlap
    if 2 * shared >= bar * total:
        return 2 * shared / total
    # Without the figures the Dice is at most 2 * shared / (total - figures): skip the words when
    # even that stays under the bar (long clauses, whose few figures cannot carry it over).
    figures = _sizes(st, old_side=True)[a][1] + _sizes(st, old_side=False)[b][1]
    if total == figures or 2 * shared < bar * (total - figures):
        return 2 * shared / total
    return max(2 * shared / total, _dice(st.words_of(a, old_side=True), st.words_of(b, old_side=False)))


def _sizes(st: AlignState, *, old_side: bool) -> list[tuple[int, int]]:
    """Each local provision's (stems, figures among them) on one side, counted once.  A figure is
    what :func:`non_figures` drops: any stem that starts with a digit ("600", "1st", "2bis")."""
    held = st._sizes.get(old_side)
    if held is None:
        vec = st.vec
        counts, held_by = (vec.old_counts, vec.old_df) if old_side else (vec.new_counts, vec.new_df)
        # The side's figures found once among the stems it holds (not once per provision holding
        # them), then counted in each provision by one intersection in C.
        figures = frozenset([t for t in held_by if t[:1].isdigit()]).intersection
        held = st._sizes[old_side] = [(len(c), len(figures(c))) for c in counts]
    return held


def _may_overlap(st: AlignState, k: int, others: Iterable[int], *, old_side: bool) -> Iterator[int]:
    """The provisions of ``others`` (local, on the other side) whose :func:`frame_overlap` with local
    ``k`` may reach ``template_overlap``, in their order, as they are asked for: every other one
    is surely under it.

    Rival plans offer every item of their one gap as a candidate of every other, and hardly
    any pair is alike: one intersection each, with no call, rules most of them out.  The test
    is the overlap's ceiling: 2 * shared / (stems less figures), or 2 * shared / stems when the
    two are all figures (the Dice with or without figures cannot exceed it, the words shared
    being at most the stems shared, and division rounding monotonically)."""
    counts, their_counts = (st.vec.old_counts, st.vec.new_counts) if old_side else (st.vec.new_counts,
                                                                                    st.vec.old_counts)
    mine = counts[k].keys()
    n, f = _sizes(st, old_side=old_side)[k]
    theirs = _sizes(st, old_side=not old_side)
    bar = st.config.template_overlap
    known = st._shared
    for q in others:
        pair = (k, q) if old_side else (q, k)
        shared = known.get(pair)
        if shared is None:
            shared = known[pair] = len(mine & their_counts[q].keys())
        m, g = theirs[q]
        words, total = n - f + m - g, n + m
        if (2 * shared / words >= bar) if words else (not total or 2 * shared / total >= bar):
            yield q


def _dice(one: Set[str], other: Set[str]) -> float:
    """Dice coefficient of two stem sets (0 when either is empty)."""
    if not one or not other:
        return 0.0
    return 2 * len(one & other) / (len(one) + len(other))


def _templated(st: AlignState, k: int, ranked: list[tuple[float, int]], *, old_side: bool) -> bool:
    """At least two candidates in the same gap share most of the words: a variant of a frame."""
    gap = st.gap_old[k] if old_side else st.gap_new[k]
    other_gap = st.gap_new if old_side else st.gap_old
    in_gap = [q for _s, q in ranked if other_gap[q] == gap]
    if len(in_gap) < 2:
        return False
    bar = st.config.template_overlap
    close = 0
    for q in _may_overlap(st, k, in_gap, old_side=old_side):
        if (st.overlap(k, q) if old_side else st.overlap(q, k)) >= bar:
            close += 1
            if close == 2:
                return True
    return False


def _tied_in_gap(st: AlignState, k: int, ranked: list[tuple[float, int]], *, old_side: bool) -> bool:
    """A candidate in the same gap shares ``template_overlap`` of the words but not the wording
    (cosine under ``sim_link``): an item whose figures changed, not an edit the assignment links
    anyway.  Cheap, so that only such items are checked for siblings."""
    gap = st.gap_old[k] if old_side else st.gap_new[k]
    other_gap = st.gap_new if old_side else st.gap_old
    bar, link = st.config.template_overlap, st.config.sim_link
    # Over the link bar an item still ties with a candidate that holds a name of its own where it
    # holds one ("... between Kelmar and Portis" / "... between Kelmar and Leston"): the frame
    # carries the cosine, the names say whether one item replaced the other.
    named = st.own_named(k, old_side=old_side)
    unlinked = [q for s, q in ranked if other_gap[q] == gap
                and (s < link or (named and st.own_named(q, old_side=not old_side)))]
    if not unlinked:  # most items: every candidate in the gap is a plain edit, linked anyway
        return False
    tied = _may_overlap(st, k, unlinked, old_side=old_side)
    return any((st.overlap(k, q) if old_side else st.overlap(q, k)) >= bar for q in tied)


def _listed(st: AlignState, index: int, *, old_side: bool) -> bool:
    """Provision ``index`` is an item of a list in its own version: at least two of the provisions
    within two places of it share ``template_overlap`` of its words (Dice over stems, or over the
    stems without figures when that is higher, as :func:`frame_overlap` reads a pair: the item
    numbers and figures are what the items of a list do not share)."""
    n = len(st.old) if old_side else len(st.new)
    mine = st.stems(index, old_side=old_side)
    if not mine:
        return False
    bar = st.config.template_overlap
    words: frozenset[str] | None = None
    close = 0
    for k in (index - 1, index + 1, index - 2, index + 2):
        if not 0 <= k < n:
            continue
        theirs = st.stems(k, old_side=old_side)
        if _dice(mine, theirs) < bar:
            if words is None:
                words = non_figures(mine)
            if _dice(words, non_figures(theirs)) < bar:
                continue
        close += 1
        if close == 2:
            return True
    return False


def _read_names(st: AlignState, la: list[int], lb: list[int], word_named: set[tuple[int, int]]) -> None:
    """File what names the items of one template list, for every pass to read (:meth:`AlignState.link`):
    an item whose own name left the document, or is new to it ("Saithe: 12,400 tonnes" dropped,
    "Whiting: 7,500 tonnes" added: one item replaced another), and the figures that name items
    ("sector 17", :func:`_figure_names`)."""
    cfg = st.config
    st.named_gone.update(a for a in la if st.own_named(a, old_side=True))
    st.named_fresh.update(b for b in lb if st.own_named(b, old_side=False))
    at_a, at_b = {a: x for x, a in enumerate(la)}, {b: y for y, b in enumerate(lb)}
    min_items = max(cfg.template_min_items, math.ceil(cfg.template_name_share * min(len(la), len(lb))))
    old_names, new_names = _figure_names([st.old[st.rest_old[a]] for a in la], [st.new[st.rest_new[b]] for b in lb],
                                         {(at_a[a], at_b[b]) for a, b in word_named}, min_items,
                                         ([st.old[i] for i in _stretch(st, la, old_side=True)],
                                          [st.new[j] for j in _stretch(st, lb, old_side=False)]))
    st.item_names_old.update((a, names) for a, names in zip(la, old_names, strict=True) if names)
    st.item_names_new.update((b, names) for b, names in zip(lb, new_names, strict=True) if names)


def _ordered_matching(st: AlignState, la: list[int], lb: list[int],
                      candidates: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The order-preserving matching of ``la`` to ``lb`` (both ascending) of greatest total
    weight (:func:`_template_weights`), over every pair by a dynamic programme
    (:func:`_dense_chain`), or over ``candidates`` only (positions in ``la`` and ``lb``, by old
    position, then new) by the heaviest increasing chain (:func:`_heaviest_chain`)."""
    n, m = len(la), len(lb)
    if candidates is None:
        weight = [[-1.0] * m for _ in range(n)]
        for x, y, w in _template_weights(st, la, lb, itertools.product(range(n), range(m))):
            weight[x][y] = w
        chain = _dense_chain(weight)
    else:
        chain = _heaviest_chain(_template_weights(st, la, lb, candidates))
    return [(la[x], lb[y]) for x, y in chain]


def _template_weights(st: AlignState, la: list[int], lb: list[int],
                      pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """The weight of each pair ``(x, y)`` of ``pairs`` (positions in ``la`` and ``lb``) that may
    match, as ``(x, y, weight)`` in their order: ``template_tie_weight`` plus how far the pair's
    score leads every rival of both items among ``pairs``, plus ``template_number_weight`` when
    the two carry the same printed number, plus a nearness bonus within the gap.  The score is
    the Dice of the items' names (the words each alone holds in its list, :func:`_list_names`)
    plus ``template_value_weight`` times the Dice of all their words (figures aside): a value
    several items hold is weak evidence; plus ``template_quantity_weight`` when they state two
    measures alike (:meth:`AlignState.quantities`: the bounds of a band name it).  A pair below
    ``template_overlap`` (over all stems) never matches unless one is the other's name partner
    (:func:`_name_partner`); nor does a pair where either item's name partner is a third
    (:func:`_named_elsewhere`)."""
    cfg = st.config
    n, m = len(la), len(lb)
    # Each item's stems and its stems that are not figures, once (not once per pair).
    old_stems = [st.vec.old_counts[a].keys() for a in la]
    new_stems = [st.vec.new_counts[b].keys() for b in lb]
    old_words = [st.words_of(a, old_side=True) for a in la]
    new_words = [st.words_of(b, old_side=False) for b in lb]
    # The items' names, as _read_names filed them: a pair under other names is two items.
    old_names = [st.item_names_old.get(a, {}) for a in la]
    new_names = [st.item_names_new.get(b, {}) for b in lb]
    # The words each item alone holds in its list (its names), and whether an item of the other
    # version's list that is still free holds one of them.
    old_list, new_list = _list_names(st, la, old_side=True), _list_names(st, lb, old_side=False)
    old_own = [old_list.names[st.rest_old[a]] for a in la]
    new_own = [new_list.names[st.rest_new[b]] for b in lb]
    old_partner = [_name_partner(st, st.rest_old[a], old_list, new_list, old_side=True) for a in la]
    new_partner = [_name_partner(st, st.rest_new[b], new_list, old_list, old_side=False) for b in lb]
    # The measures two items state (the bounds of a band) name them where no word does: read
    # (once an item) only for a pair of items without names of their own.
    weigh_quantities = cfg.template_quantity_weight > 0
    raw: list[tuple[int, int, float]] = []
    for x, y in pairs:
        i, j = st.rest_old[la[x]], st.rest_new[lb[y]]
        # The cheapest test first: in a named list it rules out most pairs of a big list's band.
        if (_named_elsewhere(old_partner[x], new_partner[y], i, j) or st.replaced(la[x], lb[y])
                or name_agreement(old_names[x], new_names[y]) < 0):
            continue
        if _dice(old_stems[x], new_stems[y]) >= cfg.template_overlap or old_partner[x] == j or new_partner[y] == i:
            # The frame makes every pair alike and the figures are what a template varies
            # (and match by chance: one item's new kilometre is another's old hour): what
            # tells items apart is the words ("measure 8 ... zone Hotel" renumbered to
            # "measure 7 ... zone Hotel" is still Hotel's measure), and among them the names:
            # a word other items of the list hold too is a value of the list (a party, a
            # frequency) that an item changes freely, weak evidence (template_value_weight).
            score = (_dice(old_own[x].words, new_own[y].words)
                     + cfg.template_value_weight * _dice(old_words[x], new_words[y]))
            if (weigh_quantities and not (old_own[x].words or new_own[y].words)
                    and len(st.quantities(i, old_side=True) & st.quantities(j, old_side=False)) >= 2):
                score += cfg.template_quantity_weight
            raw.append((x, y, score))
    rows: dict[int, list[tuple[float, int]]] = defaultdict(list)
    cols: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for x, y, v in raw:
        rows[x].append((v, y))
        cols[y].append((v, x))
    for ranked in (*rows.values(), *cols.values()):
        rank(ranked)
    old_numbers = [st.old[st.rest_old[a]].number for a in la]
    new_numbers = [st.new[st.rest_new[b]].number for b in lb]
    weighed = []
    for x, y, v in raw:
        rival = max(next_best(rows[x], y), next_best(cols[y], x))
        same_number = old_numbers[x] is not None and old_numbers[x] == new_numbers[y]
        weighed.append((x, y, cfg.template_tie_weight + v - rival
                        + cfg.position_weight * (1.0 - abs(x / n - y / m))
                        + (cfg.template_number_weight if same_number else 0.0)
                        + (cfg.template_figure_weight if name_agreement(old_names[x], new_names[y]) else 0.0)))
    return weighed


def _dense_chain(weight: list[list[float]]) -> list[tuple[int, int]]:
    """The pairs ``(x, y)``, increasing in both, of greatest total weight in the matrix ``weight``
    (a pair weighing nothing or less never taken): O(rows × columns)."""
    n, m = len(weight), len(weight[0]) if weight else 0
    # best[x][y]: the heaviest matching of the first x old and the first y new items.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(1, n + 1):
        row, prev, wrow = best[x], best[x - 1], weight[x - 1]
        for y in range(1, m + 1):
            take = prev[y - 1] + wrow[y - 1] if wrow[y - 1] > 0 else -1.0
            row[y] = max(prev[y], row[y - 1], take)
    pairs = []
    x, y = n, m
    while x > 0 and y > 0:
        w = weight[x - 1][y - 1]
        if w > 0 and best[x][y] == best[x - 1][y - 1] + w:
            pairs.append((x - 1, y - 1))
            x, y = x - 1, y - 1
        elif best[x][y] == best[x - 1][y]:
            x -= 1
        else:
            y -= 1
    return pairs[::-1]


def _heaviest_chain(weighed: Iterable[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The pairs ``(x, y)`` of ``weighed`` ((x, y, weight), each pair once), increasing in both,
    of greatest total weight (a pair weighing nothing or less never taken): the weighted longest
    increasing chain, by a Fenwick tree of prefix maxima over ``y``, O(K log K) for K pairs.
    Of several chains as heavy, the one found first by (x, descending y) stands."""
    pairs = sorted((x, -y, w) for x, y, w in weighed if w > 0)
    size = max((-neg_y for _x, neg_y, _w in pairs), default=-1) + 1
    tree_total = [0.0] * (size + 1)  # the heaviest chain ending at a y in the node's range...
    tree_end = [-1] * (size + 1)  # ... and the pair (index in ``pairs``) it ends with
    back = [-1] * len(pairs)
    best_total, best_end = 0.0, -1
    # A pair follows only pairs of a lower x and a lower y: taking each x's pairs from its highest
    # y down, none of them sees another of the same x in the prefix it asks for.
    for k, (_x, neg_y, w) in enumerate(pairs):
        total, end, node = 0.0, -1, -neg_y  # the prefix y' < y is the tree's nodes 1 .. y
        while node > 0:
            if tree_total[node] > total:
                total, end = tree_total[node], tree_end[node]
            node &= node - 1
        total += w
        back[k] = end
        if total > best_total:
            best_total, best_end = total, k
        node = -neg_y + 1
        while node <= size:
            if total > tree_total[node]:
                tree_total[node], tree_end[node] = total, k
            node += node & -node
    chain = []
    while best_end >= 0:
        x, neg_y, _w = pairs[best_end]
        chain.append((x, -neg_y))
        best_end = back[best_end]
    return chain[::-1]


def _template_candidates(st: AlignState, la: list[int], lb: list[int]) -> tuple[list[tuple[int, int]] | None, int]:
    """The pairs of a template list too large for every pair (positions in ``la`` and ``lb``,
    by old position, then new) that may be in its order-preserving matching, and the half-width
    of the band they cover: those sharing a name (a word each alone holds in its list,
    :func:`_list_names`) or a word at most ``template_word_items`` items hold on each side, the
    same naming figures (:func:`_read_names`) or the same printed number, and those within
    ``template_band`` items of the pair's place in proportion along both lists (a list whose
    items hold no word of their own).  The band narrows so that all of them stay within
    ``template_pairs_max``; (None, -1) when the named pairs alone exceed it."""
    cfg = st.config
    n, m = len(la), len(lb)
    old_list, new_list = _list_names(st, la, old_side=True), _list_names(st, lb, old_side=False)
    at_new = {st.rest_new[b]: y for y, b in enumerate(lb)}
    old_words = [st.words_of(a, old_side=True) for a in la]
    old_held = Counter(itertools.chain.from_iterable(old_words))
    holders: dict[str, list[int]] = defaultdict(list)
    by_figures: dict[tuple[tuple[int, str], ...], list[int]] = defaultdict(list)
    by_number: dict[str, list[int]] = defaultdict(list)
    for y, b in enumerate(lb):
        for t in st.words_of(b, old_side=False):
            holders[t].append(y)
        if names := st.item_names_new.get(b):
            by_figures[tuple(sorted(names.items()))].append(y)
        if (number := st.new[st.rest_new[b]].number) is not None:
            by_number[number].append(y)
    few = cfg.template_word_items
    named: list[set[int]] = []
    for x, a in enumerate(la):
        owners = (new_list.owner.get(t, -1) for t in old_list.names[st.rest_old[a]].words)
        mine = {at for j in owners if (at := at_new.get(j)) is not None}
        # A word few items hold on each side ("Barcor" of "North Barcor", "South Barcor", ...).
        for t in old_words[x]:
            if old_held[t] <= few and len(ys := holders.get(t, ())) <= few:
                mine.update(ys)
        # A figure or a number that several new items hold names none of them (sub-points "1.").
        if (names := st.item_names_old.get(a)) and len(ys := by_figures.get(tuple(sorted(names.items())), [])) == 1:
            mine.update(ys)
        if (number := st.old[st.rest_old[a]].number) is not None and len(ys := by_number.get(number, [])) == 1:
            mine.update(ys)
        named.append(mine)
    room = cfg.template_pairs_max - sum(map(len, named))
    if room < 0:
        return None, -1
    # Each old item's band holds at most 2 * band + 1 new ones.
    band = min(cfg.template_band, (room // n - 1) // 2)
    out: list[tuple[int, int]] = []
    for x, mine in enumerate(named):
        centre = (2 * x * m + n) // (2 * n)  # x * m / n, rounded half up, in whole numbers
        if band >= 0:
            mine.update(range(max(0, centre - band), min(m, centre + band + 1)))
        out.extend((x, y) for y in sorted(mine))
    return out, band


def _list_names(st: AlignState, items: list[int], *, old_side: bool) -> Listing:
    """What names each provision of the list ``items`` (local, on one side): its content stems
    (:func:`is_content`) that no other provision of the list in its own version holds, in the order
    of its text, and which provision holds each name.  A word other items hold too is the list's frame
    or one of its values (the party holding a portfolio, a frequency, a month), which an item
    changes freely.  The list is the :func:`_stretch` of ``items``: the template test leaves out
    the items it finds no sibling for, and an unchanged item is an item too.  Holds every
    provision of the stretch (by index in its version), read once per stretch."""
    indices = _stretch(st, items, old_side=old_side)
    stretch = (old_side, indices.start, indices.stop)
    held = st.list_names.get(stretch)
    if held is None:
        norm = st.old_norm if old_side else st.new_norm
        # The stem counts keep the text's order (first occurrences): the heading is the first name.
        stems = {index: [t for t in stem_counts(norm(index).split()) if is_content(t)] for index in indices}
        counts = Counter(itertools.chain.from_iterable(stems.values()))
        held = st.list_names[stretch] = Listing({}, {})
        for index, mine in stems.items():
            own = [t for t in mine if counts[t] == 1]
            held.names[index] = ListName(frozenset(own), tuple(own))
            held.owner.update(dict.fromkeys(own, index))
    return held


def _stretch(st: AlignState, items: list[int], *, old_side: bool) -> range:
    """The provisions of one version from the first to the last of the runs that ``items``
    (local, on that side) belong to (:func:`_own_list`, by label where ``list_label_overlap``
    reads lists so): the list they are items of, those the template test left out included."""
    by_label = st.config.list_label_overlap < st.config.template_overlap
    rest = st.rest_old if old_side else st.rest_new
    runs = [_own_list(st, rest[k], old_side=old_side, by_label=by_label) for k in items]
    first, last = min(first for first, _last in runs), max(last for _first, last in runs)
    if by_label:
        first, last = _label_run(st, first, old_side=old_side)[0], _label_run(st, last, old_side=old_side)[1]
    return range(first, last + 1)


def _label_run(st: AlignState, index: int, *, old_side: bool) -> tuple[int, int]:
    """The first and last provision of the run around ``index`` in its own version that open with
    its label (:func:`label_of`), filed for every member: a long list is walked once, however many
    gaps between anchors cut it."""
    runs = st.label_runs[old_side]
    held = runs.get(index)
    if held is None:
        norm, n = (st.old_norm, len(st.old)) if old_side else (st.new_norm, len(st.new))
        label = label_of(norm(index))
        first = last = index
        while label is not None and first > 0 and label_of(norm(first - 1)) == label:
            first -= 1
        while label is not None and last + 1 < n and label_of(norm(last + 1)) == label:
            last += 1
        held = first, last
        runs.update(dict.fromkeys(range(first, last + 1), held))
    return held


def _name_partner(st: AlignState, index: int, mine: Listing, theirs: Listing, *, old_side: bool) -> int | None:
    """The unlinked provision of the other version's list ``theirs`` that holds most of the names
    of provision ``index`` (of ``mine``, on the side ``old_side`` says), at least half of them;
    among several holding as many, the one holding the name that comes first in its text (its
    heading).  None: no such provision.  "Grant line 3, rural broadband masts: funded by the
    Harrowgate Trust" holds three names of its own that the broadband line holds and one, a
    funder the list names once, that another line holds; "Portfolio 2, energy and climate:
    Christian People's Party" holds two names that "Portfolio 1, energy and climate: ..."
    holds and two that "Portfolio 4, labour and pensions: Christian People's Party" holds: the
    one holding "energy", its heading, is its partner."""
    own = mine.names[index]
    linked = st.link_new if old_side else st.link_old
    held = Counter(owner for t in own.words if (owner := theirs.owner.get(t)) is not None and owner not in linked)
    if not held:
        return None
    most = max(held.values())
    if 2 * most < len(own.words):
        return None
    tied = [k for k, c in held.items() if c == most]
    if len(tied) == 1:
        return tied[0]
    return next((k for t in own.order if (k := theirs.owner.get(t)) in tied), None)


def _partnered(st: AlignState, index: int, other: int, mine: Listing, theirs: Listing, *, old_side: bool) -> bool:
    """Provision ``index`` (of ``mine``) has no word name, or ``other`` is its name partner
    (:func:`_name_partner`): a word name joins two items across the list's order only so."""
    return not mine.names[index].words or _name_partner(st, index, mine, theirs, old_side=old_side) == other


def _named_elsewhere(old_partner: int | None, new_partner: int | None, i: int, j: int) -> bool:
    """Old ``i`` and new ``j`` are two items: the name partner (:func:`_name_partner`) of one of
    them is another provision.  "Portfolio 2, science ...: Centre Party" is not "Portfolio 2,
    foreign affairs ...: Centre Party" while "Portfolio 1, science ..." is free to take it."""
    return (old_partner is not None and old_partner != j) or (new_partner is not None and new_partner != i)


def names_part(st: AlignState, q: int, p: int, lk: Link, *, split: bool) -> bool:
    """Part ``p`` (local, new when ``split``) is a part of the template item ``q`` (local, on the
    other side) that ``lk`` linked: the part holds a name of ``q`` (:func:`_list_names`) that no
    part of ``lk`` holds yet.  "Portfolio 3, justice and home affairs: Centre Party" split into
    "… justice: …" (linked in order) and "Portfolio 4, home affairs: …"; an item of the list beside
    it holds no name of ``q`` ("Portfolio 3, finance and budget: Green Alliance" beside "culture,
    media and sport: Green Alliance").  The part may hold a name of its own besides ("Environment
    and Energy" split into "Environment" and "Climate and Energy"): how many words of its own a
    sibling holds is :func:`sibling_of`'s test, which the attach pass applies after this one."""
    whole = _list_names(st, [q], old_side=split).names[(st.rest_old if split else st.rest_new)[q]].words
    mine = _list_names(st, [p], old_side=not split).names[(st.rest_new if split else st.rest_old)[p]].words
    held = set().union(*(st.stems(k, old_side=not split) for k in (lk.new if split else lk.old)))
    if not mine:
        return _unnamed_part(st, q, p, lk, held, split=split)
    return bool((mine & whole) - held)


def _unnamed_part(st: AlignState, q: int, p: int, lk: Link, held: set[str], *, split: bool) -> bool:
    """Part ``p``, which holds no name of its own in its list (every word of it stands in other
    items: "Step 2, tanks leave the coastal towns" beside "Step 1, tanks pull back ..."), is a part
    of template item ``q`` when it sits beside a part ``lk`` linked, holds only words of ``q`` (the
    list's numbering, figures and values aside: words more than ``template_part_df`` provisions
    hold), and brings ``q`` ``template_part_brings`` of them that the linked parts lack ("tanks" of
    "tanks and howitzers leave the coastal towns", the howitzers half linked first); a figure that
    names it makes it another item."""
    need = st.config.template_part_brings
    index = (st.rest_new if split else st.rest_old)[p]
    if not need or (st.item_names_new if split else st.item_names_old).get(p):
        return False
    if not any(abs(index - x) == 1 for x in (lk.new if split else lk.old)):
        return False
    # Words many provisions hold are values of the list (a month of its dates, a party), which a
    # redraft reassigns: only the part's rarer words must be the item's.
    cap = st.config.template_part_df
    own = {t for t in st.stems(index, old_side=not split) if is_content(t) and st.vec.df.get(t, 0) <= cap}
    partner = st.stems((st.rest_old if split else st.rest_new)[q], old_side=split)
    return own <= partner and len(own - held) >= need


#: A figure as written, its group and decimal separators included ("2,000", "1.5"): one place of
#: a template's frame, however many digit groups it has.  Its sign too (:data:`MINUS_SIGN`, as the
#: figure reader takes it: "band -5 to 0", not the range "5-10" nor a label "Zone-5"): "-5" and
#: "5" are two names.
_FIGURE_RE = re.compile(rf"{MINUS_SIGN}?\d+(?:[.,\u00a0\u202f]\d+)*")


def _figure_names(old_items: Sequence[Provision], new_items: Sequence[Provision],
                  word_named: set[tuple[int, int]], min_items: int,
                  lists: tuple[Sequence[Provision], Sequence[Provision]] | None = None,
                  ) -> tuple[list[dict[int, str]], list[dict[int, str]]]:
    """The figures that name the items of a template list, by their place in the frame.

    A place (the k-th figure of an item) names its items when, among the items with the list's
    usual count of figures, at least ``min_items`` values there stand in exactly one old and
    one new item ("sector 17" in both versions): the schedule keeps its sectors while their
    days and levies change.  The caller asks ``template_name_share`` of the list: tiers of
    service credits whose bounds all moved still meet by chance ("below 99.0 %" was one tier's
    upper bound and is another's), two values in four, and those tiers are no names.  Nor is a
    place that repeats every item's printed number on both sides ("Measure 8 applies ..."
    renumbered "Measure 7 applies ..."), or counts the items in order from the same first value
    on both sides ("Dataset 1" to "Dataset 8"): the list's numbering, which follows the items.
    The numbering is read over ``lists`` (each side's whole list in its version, when given):
    the items the template test kept may skip some ("Step 2", "Step 4", "Step 5" of steps 1-9).
    Nor one that the items' own names contradict, even once (``word_named``: pairs of positions that a word names):
    fishing quotas shared "40 % Ostmark" by the first line, "41 %" by the second, keep their
    shares by place while a stock inserted at the top moves every stock down a line.  Returns
    each item's values in such places, by place; an item with another count of figures names
    none (its places do not line up)."""
    old_figs = [_figures(p.full_text) for p in old_items]
    new_figs = [_figures(p.full_text) for p in new_items]
    usual, _count = Counter(map(len, itertools.chain(old_figs, new_figs))).most_common(1)[0]
    named = [(x, y) for x, y in word_named if len(old_figs[x]) == usual == len(new_figs[y])]
    old_list, new_list = lists or (old_items, new_items)
    old_list_figs = [_figures(p.full_text) for p in old_list] if lists else old_figs
    new_list_figs = [_figures(p.full_text) for p in new_list] if lists else new_figs

    def numbering(place: int) -> bool:
        return _numbering(old_list, old_list_figs, new_list, new_list_figs, usual, place)

    naming = []
    for place in range(usual):
        held_old = Counter(f[place] for f in old_figs if len(f) == usual)
        held_new = Counter(f[place] for f in new_figs if len(f) == usual)
        kept = sum(1 for v, c in held_old.items() if c == 1 and held_new.get(v) == 1)
        contradicted = any(old_figs[x][place] != new_figs[y][place] for x, y in named)
        if kept >= min_items and not contradicted and not numbering(place):
            naming.append(place)

    def names(figs: list[list[str]]) -> list[dict[int, str]]:
        return [{k: f[k] for k in naming} if len(f) == usual else {} for f in figs]

    return names(old_figs), names(new_figs)


def _figures(text: str) -> list[str]:
    """The figures of ``text`` as written (:data:`_FIGURE_RE`), a minus sign written either way."""
    return [f.replace("\u2212", "-") for f in _FIGURE_RE.findall(text)]


def _named(st: AlignState, la: list[int], lb: list[int], word_named: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Pairs of a template list's items that one name joins: the same naming figures ("sector
    17"), or a word that only these two provisions of the document hold (``word_named``)."""
    by_figures: dict[tuple[tuple[int, str], ...], list[int]] = defaultdict(list)
    for b in lb:
        if names := st.item_names_new.get(b):
            by_figures[tuple(sorted(names.items()))].append(b)
    pairs = set()
    for a in la:
        if (names := st.item_names_old.get(a)) and len(found := by_figures.get(tuple(sorted(names.items())), [])) == 1:
            pairs.add((a, found[0]))
    pairs.update(word_named)
    return pairs


def _moved_by_name(st: AlignState, la: list[int], lb: list[int], named: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Items of a template list that its order could not pair but that one name joins (``named``).
    A schedule reordered, its figures all changed, left each moved item removed and added.  Across
    the order each item with word names must be the other's name partner (:func:`_partnered`):
    "through" is the only word "night service through the centre" and "through the northern
    estates" hold alone, one name of four."""
    old_free = {a for a in la if st.rest_old[a] not in st.link_old}
    new_free = {b for b in lb if st.rest_new[b] not in st.link_new}
    old_list, new_list = _list_names(st, la, old_side=True), _list_names(st, lb, old_side=False)
    pairs = []
    for a, b in sorted(named):
        if (a in old_free and b in new_free and st.overlap(a, b) >= st.config.template_overlap
                and _partnered(st, st.rest_old[a], st.rest_new[b], old_list, new_list, old_side=True)
                and _partnered(st, st.rest_new[b], st.rest_old[a], new_list, old_list, old_side=False)):
            pairs.append((a, b))
            old_free.discard(a)
            new_free.discard(b)
    return pairs


def _word_named(st: AlignState, la: list[int], lb: list[int]) -> set[tuple[int, int]]:
    """Pairs of items that a word names: the only two provisions of the document that hold it
    (document frequency 2), one in ``la``, one in ``lb`` ("Haddock").  Within a list, "daily"
    may be in one old and one new item of a gap and in a dozen items elsewhere."""
    df = st.vec.df
    old_owner = {t: a for a in la for t in st.words_of(a, old_side=True) if df[t] == 2}
    pairs = set()
    for b in lb:
        for t in st.words_of(b, old_side=False):
            owner = old_owner.get(t) if df[t] == 2 else None
            if owner is not None:
                pairs.add((owner, b))
    return pairs


def _numbering(old_items: Sequence[Provision], old_figs: list[list[str]], new_items: Sequence[Provision],
               new_figs: list[list[str]], usual: int, place: int) -> bool:
    """The figures at ``place`` number the list's items, on both sides: every item with the usual
    count of figures repeats its printed number there ("Measure 8 applies ..." renumbered
    "Measure 7 applies ..."), or they count the items in order from the same first value
    ("Dataset 1" to "Dataset 8", whatever the printed numbers: an item dropped, the count goes
    on from where it stood).  A run of sectors that starts elsewhere on one side is names:
    sectors 1 to 30 printed as points 1 to 30, sector 1 dropped and the points renumbered, read
    as a count linked each sector to the next (29 wrong links of 29)."""
    old_held, new_held = _held(old_items, old_figs, usual, place), _held(new_items, new_figs, usual, place)
    old_repeats = all(value == number for number, value in old_held)
    new_repeats = all(value == number for number, value in new_held)
    if old_repeats and new_repeats:
        return True
    old_from, new_from = _count_from(old_held), _count_from(new_held)
    if not ((old_repeats or old_from is not None) and (new_repeats or new_from is not None)):
        return False
    # Both sides number their items; two runs that count from different values are names.
    return old_from is None or new_from is None or old_from == new_from


def _held(items: Sequence[Provision], figs: list[list[str]], usual: int, place: int) -> list[tuple[str | None, str]]:
    """Each item's printed number and its figure at ``place``, for the items with the usual count."""
    return [(p.number, f[place]) for p, f in zip(items, figs, strict=True) if len(f) == usual]


def _count_from(held: list[tuple[str | None, str]]) -> int | None:
    """The first value when the figures count the items in order (each one more than the last);
    -1 for no item; None when they do not count."""
    counts = [int(value) for _number, value in held if value.isdigit()]
    if len(counts) != len(held) or any(b - a != 1 for a, b in itertools.pairwise(counts)):
        return None
    return counts[0] if counts else -1


def _heading(st: AlignState, k: int, *, old_side: bool) -> str | None:
    """The first word of local provision ``k``'s text that names it: held by at most
    ``template_heading_df`` provisions (figures and function words aside), as IDF counts them.
    A quota list names its stocks first ("Saithe in the Skagerrak: 12,400 tonnes"), a schedule
    of plots after its frame ("Measure 18: the Spruce plot ..."): the frame's words are held by
    every item, so the first word only this item holds is where its name starts."""
    # The stem counts keep the text's order (first occurrences).
    stems = (st.vec.old_counts if old_side else st.vec.new_counts)[k]
    return _first_name(stems, st.vec.df, st.config.template_heading_df)


def _place_verdict(st: AlignState, a: int, b: int) -> bool | None:
    """Whether local old ``a`` and new ``b``, items of a list in each version, were put one in the
    other's place (True), are one item by their heading place (False), or the places cannot say
    (None).  A place of the list's frame names its items when ``template_name_share`` of them
    (and ``template_min_items``) hold there a value no other item of the list holds; the first
    such place is the heading ("Saithe in the Skagerrak: 12,400 tonnes": the stock).  Another
    stock in that place, gone from the old list and new to the new one, is another item however
    much of the rest it keeps ("Coley in the Skagerrak: 12,400 tonnes", which the assignment
    linked at a high cosine); the same stock is one item, its area renamed or not, and so is a
    name reworded in part (:func:`_one_name`: "bicycle share trips" / "bike share trips").

    The list is read first as a template list (neighbours sharing ``template_overlap`` of their
    stems) and, where that cannot say, as a list by its label (:func:`_own_list`): items that
    open with the same word and share less of a frame ("Dataset 7, noise complaints: updated
    weekly ..." / "Dataset 8, bicycle-share trips: updated daily ..."); there a pair that shares a
    word of its own is no replacement (:func:`_share_own_word`)."""
    if st.config.template_heading_df < 2:
        return None
    i, j = st.rest_old[a], st.rest_new[b]
    loose_too = st.config.list_label_overlap < st.config.template_overlap
    for by_label in (False, True) if loose_too else (False,):
        old = _places_of(st, i, old_side=True, by_label=by_label)
        new = _places_of(st, j, old_side=False, by_label=by_label)
        if old is None or new is None or old.heading != new.heading:
            continue
        mine, theirs = old.names[i].get(old.heading), new.names[j].get(new.heading)
        if mine is None or theirs is None:
            continue
        if _one_name(mine, theirs, old, new):
            return False
        if by_label and _share_own_word(st, _own_words(old, i), _own_words(new, j)):
            return None  # a clause that opens as its neighbours do, reworded: it keeps what it is about
        return mine not in new.values and theirs not in old.values
    return None


def _own_words(places: WordPlaces, index: int) -> set[str]:
    """The words of item ``index``'s names at places that hold names, not a kind of value the list
    gives several items ("daily", "Green Liberal Party")."""
    return {w for place, run in places.names[index].items() if place not in places.kinds for w in run.split()}


def _share_own_word(st: AlignState, mine: set[str], theirs: set[str]) -> bool:
    """Two items' own words (:func:`_own_words`) hold one in common that no other provision holds.
    A list by its label is looser evidence than a template list: clauses that open alike ("The
    Parties shall open the northern crossing points ..." / "The Parties shall reopen the northern
    crossing points ...") have word places too, the verb first, and a clause reworded keeps its
    subject; an item put in another's place shares only the frame and the list's kinds of value
    ("updated daily")."""
    df = st.vec.df
    return any(df[t] == 2 for t in mine & theirs if t not in FUNCTION_WORDS)


def _one_name(mine: str, theirs: str, old: WordPlaces, new: WordPlaces) -> bool:
    """Two heading values (runs of stems) name one item: equal, one holding every word of the
    other ("civil aviation authority" / "aviation authority"), or ending in the same word that
    no other item of either list holds there ("bicycl shar trip" / "bike shar trip": the trips,
    reworded).  A last word other items share is the list's kind of item, not a name ("Severn
    estuary" / "Thames estuary" beside a "Humber estuary"); names that share only a first word
    are two ("North Sea herring" / "North Sea cod")."""
    if mine == theirs:
        return True
    one, other = mine.split(), theirs.split()
    if set(one) <= set(other) or set(other) <= set(one):
        return True
    head = one[-1]
    if head != other[-1]:
        return False
    held = sum(1 for v in old.values if v.split()[-1] == head) + sum(1 for v in new.values if v.split()[-1] == head)
    return held == 2


def _places_of(st: AlignState, index: int, *, old_side: bool, by_label: bool) -> WordPlaces | None:
    """The word places of the list provision ``index`` belongs to in its own version, read once per list."""
    first, last = _own_list(st, index, old_side=old_side, by_label=by_label)
    known = st.word_places[(old_side, by_label)]
    if first not in known:
        known[first] = _read_word_places(st, range(first, last + 1), old_side=old_side)
    return known[first]


def _own_list(st: AlignState, index: int, *, old_side: bool, by_label: bool) -> tuple[int, int]:
    """The first and last provision of the run around ``index`` in its own version whose
    neighbours share ``template_overlap`` of their stems (Dice): the list it is an item of,
    filed for every member.  ``by_label``: neighbours that open with the same word (the list's
    label, :func:`label_of`: "Dataset", "Quota") need share only ``list_label_overlap``."""
    lists = st.own_lists[(old_side, by_label)]
    held = lists.get(index)
    if held is not None:
        return held
    cfg = st.config
    n = len(st.old) if old_side else len(st.new)
    bar = cfg.list_label_overlap if by_label else cfg.template_overlap
    norm = st.old_norm if old_side else st.new_norm

    def joined(k: int) -> bool:  # provisions k and k + 1 are items of one list
        dice = _dice(st.stems(k, old_side=old_side), st.stems(k + 1, old_side=old_side))
        if dice >= cfg.template_overlap:
            return True
        label = label_of(norm(k)) if dice >= bar else None
        return label is not None and label == label_of(norm(k + 1))

    first = index
    while first > 0 and joined(first - 1):
        first -= 1
    last = index
    while last + 1 < n and joined(last):
        last += 1
    held = first, last
    for k in range(first, last + 1):
        lists[k] = held
    return held


def _read_word_places(st: AlignState, items: range, *, old_side: bool) -> WordPlaces | None:
    """:class:`WordPlaces` of the list of provisions ``items``, or None when no place names them.

    A place is found by the frame word before it, not by counting runs from the start: where a
    value of the list repeats in half of its items ("updated daily") it is frame there and a
    name elsewhere ("updated hourly"), so items differ in their count of runs while every name
    still follows the same frame word.  Places are tried in the order they stand in the items."""
    cfg = st.config
    need = max(cfg.template_min_items, math.ceil(cfg.template_name_share * len(items)))
    if len(items) < need:
        return None
    held = Counter(t for k in items for t in st.stems(k, old_side=old_side))
    frame = {t for t, c in held.items() if 2 * c >= len(items)}
    texts = st.old_norm if old_side else st.new_norm
    names = {k: _name_runs(texts(k).split(), frame) for k in items}
    at: defaultdict[Place, list[int]] = defaultdict(list)
    for runs in names.values():
        for order, place in enumerate(runs):
            at[place].append(order)
    values = {place: Counter(runs[place] for runs in names.values() if place in runs) for place in at}
    # A place holds a kind, not names, where a value stands in two items or where it holds no more
    # values than half the items ("monthly" beside "weekly", the "daily" items holding frame there).
    kinds = frozenset(place for place, held_at in values.items()
                          if max(held_at.values()) > 1 or 2 * len(held_at) <= len(items))
    for place in sorted(at, key=lambda p: (sorted(at[p])[len(at[p]) // 2], p)):
        if len(at[place]) >= need and sum(1 for c in values[place].values() if c == 1) >= need:
            return WordPlaces(names, place, frozenset(values[place]), kinds)
    return None


def _name_runs(tokens: list[str], frame: Set[str]) -> dict[Place, str]:
    """The runs of ``tokens`` that are neither the frame's words nor figures, function words or
    single letters (which all part two runs): an item's names ("saithe", "little sole"), each at
    its :data:`Place` (the frame word before it, that word's count so far, the runs since)."""
    runs: dict[Place, str] = {}
    run: list[str] = []
    after, seen, since = "", Counter[str](), 0
    for token in tokens:
        t = stem(token)
        if len(token) > 1 and not token[:1].isdigit() and t not in frame and t not in FUNCTION_WORDS:
            run.append(t)
            continue
        if run:
            runs[(after, seen[after], since)] = " ".join(run)
            run, since = [], since + 1
        if t in frame and t not in FUNCTION_WORDS and not token[:1].isdigit():  # a figure marks no place
            seen[t] += 1
            after, since = t, 0
    if run:
        runs[(after, seen[after], since)] = " ".join(run)
    return runs


def sibling_of(st: AlignState, index: int, parts: tuple[int, ...], partner: Counter[str], *, split: bool) -> bool:
    """Provision ``index`` is a sibling item of ``parts`` (provisions on its side) for a partner of
    stem counts ``partner`` (:func:`_sibling`): the one rule of attachment and the joint pass."""
    counts = counts_of(st, (index,), split=split)
    parts_counts = counts_of(st, parts, split=split)
    if counts is None or parts_counts is None:
        return False
    norm = st.new_norm if split else st.old_norm
    texts = tuple(map(norm, (index, *parts)))
    return _sibling(st, counts, parts_counts, partner, texts, index=index, old_side=not split)


def _sibling(st: AlignState, part: Counter[str], parts: Counter[str], partner: Counter[str],
             texts: tuple[str, ...], *, index: int, old_side: bool) -> bool:
    """``part`` (provision ``index`` of its side) is a sibling of ``parts``, an item of their list,
    not the rest of their partner: it opens as one of them does (the list's label: "Dataset",
    "Portfolio"), with at least ``sibling_list_min`` adjacent provisions around it (a list), beyond
    what they hold it brings the partner no more than one value of the list's frame, figures
    aside - one word, one phrase (a name, "Green Liberal Party"), or up to ``sibling_shared_max``
    words that other provisions hold too - and it holds more words of its own that the partner
    lacks (its own topic) than values it brings, by ``sibling_own_excess`` (a phrase that other
    provisions hold too is one value: :func:`_values`).  ``texts``: the part's normalised text,
    then the parts'.

    A list renumbered after a drop gives an inserted item the number, and often a value, of the
    kept item beside it ("Dataset 8, emergency call-outs ...: updated daily" beside old "Dataset
    8, bicycle-share trips: updated daily", now "Dataset 7"); the true rest of a split brings the
    partner's content ("e-scooter" of "bicycle-share and e-scooter trips")."""
    cfg = st.config
    own, brought = _beyond(part, parts, partner)
    # Counted, not weighed: in a short list a value new to the document ("daily") outweighs the
    # item's topic word that the partner does hold ("burglaries" of "burglaries and car thefts").
    if len(own) - len(brought) < _values(st, texts[0], brought) + cfg.sibling_own_excess:
        return False
    # A clause split into sentences, or a point folded into a table, does not repeat its other
    # part's opening ("Loans last three weeks ..." beside "You can ask for more time ...").
    if not _listed_by_label(st, texts, index, old_side=old_side):
        return False
    if len(brought) <= 1 or _one_phrase(texts[0], frozenset(brought)):
        return True
    # Words apart are one value only if other provisions hold them too (df counts both versions:
    # 2 is the part and the partner alone); a pair the two alone hold is their own ("remedy" and
    # "unavailability" of a service-credit clause split in two).
    return len(brought) <= cfg.sibling_shared_max and all(st.vec.df[t] > 2 for t in brought)


def _values(st: AlignState, text: str, brought: list[str]) -> int:
    """How many values of a list's frame the words ``brought`` are: one when they stand together
    in ``text`` as one phrase of at most ``sibling_phrase_words`` words that other provisions hold
    too (a party of the portfolio list: "Christian People's Party"), else one a word."""
    # A phrase the part and its partner alone hold is their own content, however short: "home
    # affairs" of "justice and home affairs" split into two portfolios.
    if (1 < len(brought) <= st.config.sibling_phrase_words and all(st.vec.df[t] > 2 for t in brought)
            and _one_phrase(text, frozenset(brought))):
        return 1
    return len(brought)


def is_list(st: AlignState, index: int, label: str, *, old_side: bool) -> bool:
    """At least ``sibling_list_min`` adjacent provisions around ``index`` (on one side) open with
    ``label``: its list."""
    norm, count = (st.old_norm, len(st.old)) if old_side else (st.new_norm, len(st.new))
    # Not an index of the label over the document: a third "Joint ..." point far away ("A Joint
    # Economic Committee shall ...") makes no list of two adjacent ones.  The walk stops at the
    # minimum, so a long run of points that open alike ("The Parties shall ...") costs no more.
    wanted, run = st.config.sibling_list_min, 1
    for step in (-1, 1):
        k = index + step
        while run < wanted and 0 <= k < count and label_of(norm(k)) == label:
            run, k = run + 1, k + step
    return run >= wanted


def label_of(text: str) -> str | None:
    """The first word of a normalised text that is neither a function word nor a figure, stemmed."""
    return next((t for t in map(stem, text.split()) if is_content(t)), None)


def is_content(t: str) -> bool:
    """Stem ``t`` can name something: no lone letter, figure or function word."""
    return len(t) > 1 and not t[:1].isdigit() and t not in FUNCTION_WORDS


def _one_phrase(text: str, wanted: frozenset[str]) -> bool:
    """The words of ``text`` whose stems are ``wanted`` stand together, each once: one phrase."""
    stems = _phrase_stems(text)
    return all(stems.count(t) == 1 for t in wanted) and _has_run(stems, wanted)


def _stands_together(text: str, wanted: frozenset[str]) -> bool:
    """Some run of ``len(wanted)`` adjacent words of ``text`` has exactly the stems ``wanted``: they
    read as one phrase, though a stem may occur again elsewhere ("social care ... Social Democrats")."""
    return _has_run(_phrase_stems(text), wanted)


def _phrase_stems(text: str) -> list[str]:
    """The stems of a normalised text's words, in order, for the phrase tests."""
    # A lone letter is a fragment, not a word between them: the "s" of "Christian People's Party".
    return [stem(w) for w in text.split() if len(w) > 1]


def _has_run(stems: list[str], wanted: frozenset[str]) -> bool:
    size = len(wanted)
    return any(frozenset(stems[k:k + size]) == wanted for k in range(len(stems) - size + 1))


def _beyond(part: Counter[str], parts: Counter[str], partner: Counter[str]) -> tuple[list[str], list[str]]:
    """The words of ``part`` (stem counts) that ``parts`` lack and can name something, and those of
    them ``partner`` holds: what a part would bring its partner."""
    own = [t for t in part if t not in parts and is_content(t)]
    return own, [t for t in own if t in partner]


def _listed_by_label(st: AlignState, texts: Sequence[str], index: int, *, old_side: bool) -> bool:
    """``texts[0]`` (provision ``index``, normalised) opens as one of ``texts[1:]`` does (the list's
    label: "Dataset", "Portfolio"), with at least ``sibling_list_min`` adjacent provisions opening
    so (:func:`is_list`).  Two provisions that open alike are no list: "A Joint Monitoring
    Commission ... shall be established" and "The Joint Monitoring Commission shall investigate ..."."""
    label = label_of(texts[0])
    return (label is not None and any(label_of(t) == label for t in texts[1:])
            and is_list(st, index, label, old_side=old_side))


def _first_name(stems: Iterable[str], df: Counter[str], most: int) -> str | None:
    """The first of ``stems`` (in text order) held by at most ``most`` provisions that can name
    something (:func:`is_content`): where a list item's name starts, after the frame every item holds."""
    return next((t for t in stems if df[t] <= most and is_content(t)), None)


def _heading_of(st: AlignState, index: int, *, split: bool) -> str | None:
    """:func:`_first_name` of provision ``index`` (on the parts' side), held by at most
    ``part_heading_df`` provisions."""
    counts = counts_of(st, (index,), split=split)  # the stem counts keep the text's order
    return _first_name(counts or (), st.vec.df, st.config.part_heading_df)


def counts_of(st: AlignState, indices: tuple[int, ...], *, split: bool) -> Counter[str] | None:
    """The summed word counts of provisions on the parts' side; None if one was linked exactly."""
    rest = st.rest_new if split else st.rest_old
    total: Counter[str] = Counter()
    for index in indices:
        k = bisect_left(rest, index)
        if k == len(rest) or rest[k] != index:
            return None
        total.update(st.vec.new_counts[k] if split else st.vec.old_counts[k])
    return total


def replaced_items(st: AlignState, a: int, b: int) -> bool:
    """List items ``a`` (old) and ``b`` (new) are two items, one put in the other's place: a
    name of ``a`` left the document, one of ``b`` is new to it, and the two differ at their
    lists' heading place (:func:`_place_verdict`), or, where the places cannot say, for
    template items, in their heading word ("Saithe ... Skagerrak" / "Coley ... Skagerrak";
    "Saithe ... Kattegat" is the same stock in another area)."""
    read = a in st.named_gone and b in st.named_fresh
    if read or (st.own_named(a, old_side=True) and st.own_named(b, old_side=False)):
        verdict = _place_verdict(st, a, b)
        if verdict is not None:
            return verdict
    if not read:
        return False
    # A pair that shares its heading (_heading) is one item renamed in part.
    heading = _heading(st, a, old_side=True)
    return heading is None or heading != _heading(st, b, old_side=False)


def lone_value(st: AlignState, index: int, others: tuple[int, ...], partner: Counter[str], *,
                split: bool, beside: bool) -> bool:
    """Provision ``index`` (a part on its side) brings ``partner`` (stem counts) nothing beyond
    ``others`` (provisions on its side) but one value, and holds ``part_value_own_min`` words of
    its own the partner lacks: a neighbour, not a part.

    One value: one word, or one phrase of at most ``part_value_words`` words standing together
    in the part (figures and function words aside).  In a list, whatever it is, when the part is
    another item than the partner by its heading (:func:`_named_apart`).  ``beside``: ``index``
    is the part linked first and ``others`` the one joining it, whose own evidence qualified it;
    there a value of the document's frame also makes a neighbour - each word held by
    ``part_value_df`` provisions or more (a word the whole contract uses)."""
    cfg = st.config
    counts, others_counts = counts_of(st, (index,), split=split), counts_of(st, others, split=split)
    if counts is None or others_counts is None:
        return False
    own, brought = _beyond(counts, others_counts, partner)
    if not brought or len(own) - len(brought) < cfg.part_value_own_min:
        return False
    if len(brought) > 1 and not (len(brought) <= cfg.part_value_words and _stands_together(
            (st.new_norm if split else st.old_norm)(index), frozenset(brought))):
        return False
    # Alone, one common word is thin evidence against a part: a true part paraphrased may keep
    # no more of its partner.  Against a part that qualified beside it, it is the weaker claim.
    return ((beside and all(st.vec.df[t] >= cfg.part_value_df for t in brought))
            or _named_apart(st, index, others, partner, split=split))


def _named_apart(st: AlignState, index: int, others: tuple[int, ...], partner: Counter[str], *,
                 split: bool) -> bool:
    """Provision ``index`` and ``others`` are items of one list (they open with its label, in a
    run of ``sibling_list_min``), the heading of one of ``others`` (:func:`_heading_of`: the first
    word that names an item) stands in ``partner`` and the heading of ``index`` does not: another
    item, not the rest of the partner, whatever value of the frame it shares with it."""
    norm = st.new_norm if split else st.old_norm
    if not _listed_by_label(st, (norm(index), *map(norm, others)), index, old_side=not split):
        return False
    own = _heading_of(st, index, split=split)
    return own is not None and own not in partner and any(
        h is not None and h in partner for h in (_heading_of(st, x, split=split) for x in others))
