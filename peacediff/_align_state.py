"""The aligner's working state: the two sides, the links so far, the candidate scores, and
what the passes learn about the lists in each version.

The passes (:mod:`peacediff.align`) read and write one :class:`AlignState`.  The few questions the
state answers with the aligner's rules (build the candidate scores, is a pair one list item put in
another's place, how much of a frame two items share) are asked of the :class:`Rules` it is built
with, so that the state knows no pass and no pass module imports the aligner.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence, Set
from typing import NamedTuple

from peacediff._align_config import AlignConfig
from peacediff._lexical import (
    Vectors,
    drafting_concepts,
    evidence_pieces,
    normalise,
    proper_names,
    read_phrases,
    sample_step,
    stem_counts,
    stem_set,
    words,
)
from peacediff._links import Link
from peacediff._matching import next_best
from peacediff._numberwords import NUMBER_WORDS
from peacediff.figures import Figure, find_figures, measures
from peacediff.model import Provision


def non_figures(stems: Set[str]) -> frozenset[str]:
    """The stems that are not figures."""
    return frozenset([t for t in stems if not t[:1].isdigit()])


def name_agreement(old: dict[int, str], new: dict[int, str]) -> int:
    """1 when two items' naming figures agree ("sector 17" both), -1 when one differs, else 0.

    Each list (each gap of one) finds its own naming places: an item moved from a list named
    by sector and observers to one named by sector alone is compared at the places both name
    (in either direction, and with none in common they say nothing)."""
    if not (old and new):  # most pairs: an item no figure names (cheaper than the intersection)
        return 0
    places = old.keys() & new.keys()
    if not places:
        return 0
    return 1 if all(old[k] == new[k] for k in places) else -1


class ListName(NamedTuple):
    """What names an item of a list in its own version (:func:`_list_names`)."""

    words: frozenset[str]  # its content stems that no other item of the list holds
    order: tuple[str, ...]  # the same, in the order of its text: the first is where its name starts


class Listing(NamedTuple):
    """The names of the items of one list in its own version (:func:`_list_names`)."""

    names: dict[int, ListName]  # provision index -> what names it
    owner: dict[str, int]  # each name -> the one provision of the list holding it


#: A place in a list's frame: the frame word before it ("" at the text's start), how many times
#: that word stood before it, and how many runs of names came between (:func:`_name_runs`).
Place = tuple[str, int, int]


class WordPlaces(NamedTuple):
    """The word places of a list in one version: each item's names (runs of the words that are
    not the list's frame, by place) and the first place whose values name the items."""

    names: dict[int, dict[Place, str]]  # provision index -> its name runs by place
    heading: Place  # the first naming place
    values: frozenset[str]  # the values held at that place
    kinds: frozenset[Place]  # the places that hold a kind ("daily"), not names: _read_word_places


class Rules(NamedTuple):
    """The aligner's rules an :class:`AlignState` asks: the passes it counts links for, in run
    order; the builder of its candidate scores; the list-item replacement veto; the template
    overlap of a pair (each a function of the state)."""

    passes: tuple[str, ...]
    build_scores: Callable[[AlignState], bool]
    replaced: Callable[[AlignState, int, int], bool]
    overlap: Callable[[AlignState, int, int], float]


class AlignState:
    """Everything the passes share: the two sides, the links so far and the candidate scores.

    Indices ``i`` / ``j`` are positions in the old / new list; ``a`` / ``b`` are local
    indices into ``rest_old`` / ``rest_new`` (what the exact pass left), the only
    provisions the later passes read.  The candidate scores are built once, on the
    first pass that needs them (:meth:`scored`).
    """

    # Built by _build_scores, on the first pass that needs candidate scores.
    rest_old: list[int]
    rest_new: list[int]
    vec: Vectors
    gap_old: list[int]
    gap_new: list[int]
    cos: dict[tuple[int, int], float]
    by_old: defaultdict[int, list[tuple[float, int]]]
    by_new: defaultdict[int, list[tuple[float, int]]]
    edges: dict[tuple[int, int], float]
    best_a: defaultdict[int, list[tuple[float, int]]]
    best_b: defaultdict[int, list[tuple[float, int]]]
    number_new: dict[str, int]
    local_old: dict[int, int]
    local_new: dict[int, int]

    def __init__(self, old: Sequence[Provision], new: Sequence[Provision], config: AlignConfig,
                 rules: Rules) -> None:
        self.config = config
        self.rules = rules
        self.old = old
        self.new = new
        self.old_texts = [p.full_text for p in old]
        self.new_texts = [p.full_text for p in new]
        self.link_old: dict[int, int] = {}  # old index -> link id
        self.link_new: dict[int, int] = {}
        self.links: list[Link | None] = []
        self.anchor_pairs: list[tuple[int, int]] = []
        self.chain_old: list[int] = []
        self.chain_new: list[int] = []
        self.notes: list[str] = []
        self.possible: dict[tuple[str, int], tuple[int, float]] = {}
        self.shared: dict[tuple[str, int], tuple[str, ...]] = {}  # what each hint's pair has in common
        # The naming figures of template list items (local index -> place -> figure): see _figure_names.
        self.item_names_old: dict[int, dict[int, str]] = {}
        self.item_names_new: dict[int, dict[int, str]] = {}
        # Template items whose own name left the document (old) or is new to it (new): own_named.
        self.named_gone: set[int] = set()
        self.named_fresh: set[int] = set()
        # Per side and kind of list ((True, False): old, template lists; (True, True): old, lists
        # by label): each provision's list in its own version (index -> its first and last index)
        # and each list's word places (first index -> WordPlaces): _place_verdict.
        self.own_lists: dict[tuple[bool, bool], dict[int, tuple[int, int]]] = defaultdict(dict)
        self.word_places: dict[tuple[bool, bool], dict[int, WordPlaces | None]] = defaultdict(dict)
        # The words (not figures) no other provision holds, found on first use: own_named.
        self._once: frozenset[str] | None = None
        # Template items linked by their one name across the list's order: a move, by its name.
        self.named_pairs: set[tuple[int, int]] = set()
        # The words that name each provision of a list, by the list's side and stretch: _list_names.
        self.list_names: dict[tuple[bool, int, int], Listing] = {}
        # Per side (True: old), the run of provisions opening with one label around each: _label_run.
        self.label_runs: dict[bool, dict[int, tuple[int, int]]] = {True: {}, False: {}}
        self.repeated_old: set[str] = set()
        self.repeated_new: set[str] = set()
        self._old_norm: dict[int, str] = {}
        self._new_norm: dict[int, str] = {}
        self._old_words: dict[int, list[str]] = {}
        self._new_words: dict[int, list[str]] = {}
        self._stems_old: dict[int, frozenset[str]] = {}
        self._stems_new: dict[int, frozenset[str]] = {}
        self._drafting_old: dict[int, frozenset[str]] = {}
        self._drafting_new: dict[int, frozenset[str]] = {}
        self._words_old: dict[int, frozenset[str]] = {}
        self._words_new: dict[int, frozenset[str]] = {}
        self._overlaps: dict[tuple[int, int], float] = {}
        self._pieces: dict[tuple[int, int], int] = {}
        # Stems shared by local old and new provisions (a, b), counted once: the template tests ask
        # a pair from both of its sides, and its overlap again (_may_overlap, frame_overlap).
        self._shared: dict[tuple[int, int], int] = {}
        # Vectors of linked provisions, for linked_rival.
        self._outside_old: dict[int, dict[str, float]] = {}
        self._outside_new: dict[int, dict[str, float]] = {}
        self.current_pass = ""
        self.pass_counts: dict[str, int] = dict.fromkeys(rules.passes, 0)
        self._scored: bool | None = None  # None: not built yet; False: nothing left to score
        # Per side (True: old), each local provision's (stems, figures among them): _sizes.
        self._sizes: dict[bool, list[tuple[int, int]]] = {}
        # Per side (True: old), the figures each provision states and the measures among them,
        # read once: figures(), quantities().
        self._figures: dict[bool, dict[int, list[Figure]]] = {True: {}, False: {}}
        self._names: dict[bool, dict[int, frozenset[str]]] = {True: {}, False: {}}
        self._quantities: dict[bool, dict[int, frozenset[float]]] = {True: {}, False: {}}
        # The phrases of each text read once, for its drafting concepts and its paraphrase bag.
        self.read_phrases = functools.lru_cache(maxsize=None)(read_phrases)

    # -- texts
    def old_norm(self, i: int) -> str:
        text = self._old_norm.get(i)
        if text is None:
            text = self._old_norm[i] = normalise(self.old_texts[i])
        return text

    def new_norm(self, j: int) -> str:
        text = self._new_norm.get(j)
        if text is None:
            text = self._new_norm[j] = normalise(self.new_texts[j])
        return text

    def norms(self, indices: list[int], *, old_side: bool) -> list[str]:
        """:meth:`old_norm` (:meth:`new_norm`) of each of ``indices``, keeping the words of those it
        normalises until the stem counts take them (:meth:`words`), so they are not split again."""
        norms, texts = (self._old_norm, self.old_texts) if old_side else (self._new_norm, self.new_texts)
        kept = self._old_words if old_side else self._new_words
        out = []
        for index in indices:
            text = norms.get(index)
            if text is None:
                tokens = kept[index] = words(texts[index])
                text = norms[index] = " ".join(tokens)  # normalise(), from the tokens in hand
            out.append(text)
        return out

    def words(self, index: int, *, old_side: bool) -> list[str]:
        """The words of a provision (``old_norm(index).split()``), handed over once if :meth:`norms` kept them."""
        kept = self._old_words if old_side else self._new_words
        tokens = kept.pop(index, None)
        if tokens is None:
            tokens = (self.old_norm(index) if old_side else self.new_norm(index)).split()
        return tokens

    def drop_words(self) -> None:
        """Let go of the words :meth:`norms` kept and nobody took (provisions linked exactly)."""
        self._old_words.clear()
        self._new_words.clear()

    def stems(self, index: int, *, old_side: bool) -> frozenset[str]:
        """The stem set of a provision (linked or not), computed once."""
        cache = self._stems_old if old_side else self._stems_new
        held = cache.get(index)
        if held is None:
            text = self.old_norm(index) if old_side else self.new_norm(index)
            held = cache[index] = frozenset(stem_set(text))
        return held

    def figures(self, index: int, *, old_side: bool) -> list[Figure]:
        """Every figure provision ``index`` states, weak ones included
        (:func:`peacediff.figures.find_figures`), read once: the template pass weighs the measures
        among them, the shared-figure pass the figures that name a clause."""
        cache = self._figures[old_side]
        held = cache.get(index)
        if held is None:
            held = cache[index] = find_figures((self.old_texts if old_side else self.new_texts)[index],
                                               include_weak=True)
        return held

    def quantities(self, index: int, *, old_side: bool) -> frozenset[float]:
        """The measures provision ``index`` states (:func:`peacediff.figures.measures`: the
        bounds of a band, "vessels of 18 to under 24 metres"), read once.  In a list of bands they
        name the items, where the rates, fees and dates are what the list varies."""
        cache = self._quantities[old_side]
        held = cache.get(index)
        if held is None:
            held = cache[index] = measures(self.figures(index, old_side=old_side))
        return held

    def drafting(self, index: int, *, old_side: bool) -> frozenset[str]:
        """The drafting concepts (``~inforce``, ``~election`` …) of a provision, computed once."""
        cache = self._drafting_old if old_side else self._drafting_new
        held = cache.get(index)
        if held is None:
            text, norm = (self.old_texts[index], self.old_norm(index)) if old_side else (
                self.new_texts[index], self.new_norm(index))
            stems = None
            if self._scored:  # an unlinked provision's stems are counted: no need to split its text again
                k = (self.local_old if old_side else self.local_new).get(index)
                if k is not None:
                    stems = (self.vec.old_counts if old_side else self.vec.new_counts)[k].keys()
            held = cache[index] = drafting_concepts(text, norm, stems, self.read_phrases)
        return held

    def words_of(self, k: int, *, old_side: bool) -> frozenset[str]:
        """The stems of local provision ``k`` that are not figures, computed once."""
        cache = self._words_old if old_side else self._words_new
        held = cache.get(k)
        if held is None:
            held = cache[k] = non_figures((self.vec.old_counts if old_side else self.vec.new_counts)[k].keys())
        return held

    # -- links
    def add(self, olds: tuple[int, ...], news: tuple[int, ...], family: str, sim: float) -> int:
        """Record a link made by the current pass; returns its id."""
        lid = len(self.links)
        self.links.append(Link(olds, news, family, sim, self.current_pass))
        for i in olds:
            self.link_old[i] = lid
        for j in news:
            self.link_new[j] = lid
        return lid

    def link(self, a: int, b: int, family: str, s: float) -> None:
        """Link local old ``a`` to local new ``b`` - unless both are items of a template list under
        other names: named by figures ("sector 28" / "sector 99"), or one by a name that left the
        document and the other by a name new to it ("Saithe" / "Whiting"): one item replaced another."""
        if (name_agreement(self.item_names_old.get(a, {}), self.item_names_new.get(b, {})) < 0
                or self.replaced(a, b)):
            return
        self.add((self.rest_old[a],), (self.rest_new[b],), family, s)

    def replaced(self, a: int, b: int) -> bool:
        """List items ``a`` (old) and ``b`` (new) are two items, one put in the other's place
        (the rule :attr:`Rules.replaced`: a name of one left the document, one of the other is new)."""
        return self.rules.replaced(self, a, b)

    def own_named(self, k: int, *, old_side: bool) -> bool:
        """Some word of local provision ``k`` (figures aside) stands in no other provision the
        document counts (the unlinked ones of both versions and the linked ones' sample, as IDF
        counts them): its own name, and not on the other side.  Most provisions a text pass links
        ask it, so those words are found once, and each provision's stems met by one
        intersection in C."""
        if self._once is None:
            self._once = frozenset([t for t, d in self.vec.df.items() if d == 1 and not t[:1].isdigit()])
        return not self._once.isdisjoint((self.vec.old_counts if old_side else self.vec.new_counts)[k].keys())

    def unlink(self, lid: int) -> Link:
        lk = self.links[lid]
        assert lk is not None
        self.links[lid] = None
        for i in lk.old:
            if self.link_old.get(i) == lid:
                del self.link_old[i]
        for j in lk.new:
            if self.link_new.get(j) == lid:
                del self.link_new[j]
        return lk

    # -- candidate scores (built on first use)
    def scored(self) -> bool:
        """Build the similarity state once; False when the exact pass left nothing to pair."""
        if self._scored is None:
            self._scored = self.rules.build_scores(self)
        return self._scored

    def overlap(self, a: int, b: int) -> float:
        """:func:`frame_overlap` of local old ``a`` and new ``b``, computed once: the template pass reads a
        pair from both of its sides, and again when neither is templated."""
        held = self._overlaps.get((a, b))
        if held is None:
            held = self._overlaps[(a, b)] = self.rules.overlap(self, a, b)
        return held

    def cosine(self, a: int, b: int) -> float:
        s = self.cos.get((a, b))
        if s is None:
            s = self.cos[(a, b)] = self.vec.cosine(self.vec.old[a], self.vec.new[b])
        return s

    def adjusted(self, a: int, b: int, s: float) -> float:
        """The cosine less the order penalty when the pair would cross the anchor chain."""
        return s - (self.config.order_penalty if self.gap_old[a] != self.gap_new[b] else 0.0)

    def names_apart(self, a: int, b: int, least: int) -> bool:
        """Local old ``a`` and new ``b`` each name at least ``least`` things (capitalised words that
        open no sentence: :func:`peacediff._lexical.proper_names`), none in common, and one of them
        names ``least`` things that tell clauses apart (:meth:`_telling_name`); never for ``least``
        0.  A clause that moved keeps its actors and places."""
        if not least:
            return False
        old_names = self.names(self.rest_old[a], old_side=True)
        new_names = self.names(self.rest_new[b], old_side=False)
        if len(old_names) < least or len(new_names) < least or not old_names.isdisjoint(new_names):
            return False
        telling = self._telling_name
        return (sum(telling(t, old_side=True) for t in old_names) >= least
                or sum(telling(t, old_side=False) for t in new_names) >= least)

    def names(self, index: int, *, old_side: bool) -> frozenset[str]:
        """The names provision ``index`` states (:func:`peacediff._lexical.proper_names`), read once."""
        cache = self._names[old_side]
        held = cache.get(index)
        if held is None:
            held = cache[index] = proper_names((self.old_texts if old_side else self.new_texts)[index])
        return held

    def _telling_name(self, name: str, *, old_side: bool) -> bool:
        """The stem ``name`` of a provision of one side tells clauses apart: both versions still hold
        it (in their unlinked provisions, or in the linked ones the document frequencies sample,
        which stand on both sides), or this provision alone holds it.  A party the redraft renamed
        throughout ("the Club" in every old clause, "the Harriers" in every new one) is in several
        clauses of one version only: its name is no evidence either way."""
        vec = self.vec
        mine, theirs = (vec.old_df, vec.new_df) if old_side else (vec.new_df, vec.old_df)
        here, there = mine.get(name, 0), theirs.get(name, 0)
        sampled = vec.df.get(name, 0) > here + there
        return sampled or there > 0 or here == 1

    def move_evidence(self, a: int, b: int, s: float) -> bool:
        """A move needs close wording, or a clear lead on many shared rare words, and names in
        common where both name things (``moved_names``)."""
        cfg = self.config
        if self.names_apart(a, b, cfg.moved_names):
            return False
        if s >= cfg.moved_min_sim:
            return self.vec.shared(a, b) >= cfg.moved_min_shared
        runner_up = max(next_best(self.by_old.get(a, []), b), next_best(self.by_new.get(b, []), a))
        # Rare words mean little in a document of a dozen points: no clear move there.
        return (s >= cfg.moved_clear_sim and s - runner_up >= cfg.moved_clear_margin
                and len(self.old) + len(self.new) >= cfg.moved_clear_min_provisions
                and self.rare_pieces(a, b) >= cfg.moved_clear_shared)

    def linked_rival(self, a: int, b: int) -> float:
        """The best cosine of old ``a`` with a provision linked on the new side, or of new ``b`` with
        one linked on the old side (past ``idf_sample`` a side, an even sample of them)."""
        vec, best = self.vec, 0.0
        for linked, old_side, mine in ((self.link_new, False, vec.old[a]), (self.link_old, True, vec.new[b])):
            indices = sorted(linked)
            for index in indices[::sample_step(len(indices), self.config.idf_sample)]:
                best = max(best, vec.cosine(mine, self._outside_vector(index, old_side=old_side)))
        return best

    def _outside_vector(self, index: int, *, old_side: bool) -> dict[str, float]:
        """A linked provision's vector under the unlinked ones' weights, built once."""
        cache = self._outside_old if old_side else self._outside_new
        held = cache.get(index)
        if held is None:
            held = cache[index] = self.vec.outside_vector(stem_counts(self.words(index, old_side=old_side)))
        return held

    def rare_shared(self, a: int, b: int) -> int:
        """Rare words (no tiny-document allowance, no figures, no number words: "one", which the
        stemmer keeps as a word, is a count or a pronoun) old ``a`` and new ``b`` share.  Drafts
        repeat stock figures ("25 %", "100 days"), and one figure reads as several digit groups
        ("400,000" as "400" and "000"): a dropped and an inserted point sharing "up to 400,000
        personnel" and one name made a concept move in a ten-point document (the move-free
        property at 1,000 examples, seed 19)."""
        shared = self.vec.shared_stems(self.vec.old_counts[a], self.vec.new_counts[b], rare_only=True)
        return sum(1 for t in shared if not t[:1].isdigit() and t not in NUMBER_WORDS)

    def rare_pieces(self, a: int, b: int) -> int:
        """:meth:`rare_shared`, a run of them that stands together in both texts counted once
        (:func:`peacediff._lexical.evidence_pieces`): a generated dropped point and an inserted
        one sharing "the joint commission" and "as soon as possible" share two things, not four
        rare words (the move-free property at 1,000 examples, seed 15)."""
        # Computed once a pair: the move, concept-bar and concept-move tests all ask it.
        held = self._pieces.get((a, b))
        if held is None:
            shared = self.vec.shared_stems(self.vec.old_counts[a], self.vec.new_counts[b], rare_only=True)
            i, j = self.rest_old[a], self.rest_new[b]
            held = self._pieces[(a, b)] = evidence_pieces(
                self.words(i, old_side=True), self.words(j, old_side=False), shared, reach=self.config.phrase_reach)
        return held
