"""The third round of speed-ups on the redraft profile leaves every result as it was.

Each ``_reference_*`` is the routine as it was before it was rewritten for speed; the
properties compare the fast path with it on made-up template items and redrafted clauses,
so that figures, shared frames and ties in a gap occur often.
"""

from __future__ import annotations

import math
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st
from test_align_fastpath_bundled import _CONFIGS, _SIDE, _reference_overlap, _template_state
from test_textdiff import _edited_pair

from peacediff import _align_lists, _screen, align, figures, modality
from peacediff._align_config import AlignConfig
from peacediff._lexical import Vectors, stem_counts
from peacediff.textdiff import _TOKEN_RE, tokenize, word_ops

T = TypeVar("T")

# --------------------------------------------------------------------------- template items


def _reference_sizes(st_: align._State, *, old_side: bool) -> list[tuple[int, int]]:
    """Each provision's (stems, figures among them), every stem of every provision tested."""
    return [(len(c), sum(1 for t in c if t[:1].isdigit()))
            for c in (st_.vec.old_counts if old_side else st_.vec.new_counts)]


def _reference_template_items(st_: align._State, gaps: dict[int, tuple[list[int], list[int]]],
                              listed: dict[int, tuple[list[int], list[int]]], *, old_side: bool,
                              whole: bool = True) -> None:
    """The filing of one side's items as it was: both tests asked of every item, with all its candidates."""
    rest, gap_of, by = ((st_.rest_old, st_.gap_old, st_.by_old) if old_side
                        else (st_.rest_new, st_.gap_new, st_.by_new))
    side = 0 if old_side else 1
    for k in range(len(rest)):
        ranked = by.get(k, [])
        if whole and _align_lists._templated(st_, k, ranked, old_side=old_side):
            gaps[gap_of[k]][side].append(k)
        elif (_align_lists._tied_in_gap(st_, k, ranked, old_side=old_side)
              and _align_lists._listed(st_, rest[k], old_side=old_side)
              and (whole or not _align_lists._templated(st_, k, ranked, old_side=old_side))):
            listed[gap_of[k]][side].append(k)


@settings(max_examples=150)
@given(_SIDE, _SIDE, _CONFIGS)
def test_figures_counted_once_a_side_are_those_counted_per_provision(
        old_items: list[tuple[bool, list[str]]], new_items: list[tuple[bool, list[str]]], config: AlignConfig) -> None:
    state = _template_state(old_items, new_items, config)
    if state is None:
        return
    for old_side in (True, False):
        assert _align_lists._sizes(state, old_side=old_side) == _reference_sizes(state, old_side=old_side)


@settings(max_examples=150)
@given(_SIDE, _SIDE, _CONFIGS)
def test_template_items_filed_from_their_gap_are_those_filed_from_all_candidates(
        old_items: list[tuple[bool, list[str]]], new_items: list[tuple[bool, list[str]]], config: AlignConfig) -> None:
    state = _template_state(old_items, new_items, config)
    if state is None:
        return
    for old_side in (True, False):
        for whole in (True, False):
            fast: tuple[dict[int, tuple[list[int], list[int]]], ...] = (defaultdict(lambda: ([], [])),
                                                                         defaultdict(lambda: ([], [])))
            slow: tuple[dict[int, tuple[list[int], list[int]]], ...] = (defaultdict(lambda: ([], [])),
                                                                         defaultdict(lambda: ([], [])))
            _align_lists._template_items(state, *fast, old_side=old_side, whole=whole)
            _reference_template_items(state, *slow, old_side=old_side, whole=whole)
            assert [dict(d) for d in fast] == [dict(d) for d in slow]


@settings(max_examples=150)
@given(_SIDE, _SIDE, _CONFIGS)
def test_shared_stems_counted_once_serve_both_sides_of_a_pair(
        old_items: list[tuple[bool, list[str]]], new_items: list[tuple[bool, list[str]]], config: AlignConfig) -> None:
    # One state asks from the new side first (so the old side and the overlaps read its counts),
    # a fresh state from the old side first: each answer is the one a state asked nothing before gives.
    warmed = _template_state(old_items, new_items, config)
    if warmed is None:
        return
    n_old, n_new = len(warmed.rest_old), len(warmed.rest_new)
    for old_side, mine, theirs in ((False, n_new, n_old), (True, n_old, n_new)):
        for k in range(mine):
            kept = list(_align_lists._may_overlap(warmed, k, range(theirs), old_side=old_side))
            fresh = _template_state(old_items, new_items, config)
            assert fresh is not None
            assert kept == list(_align_lists._may_overlap(fresh, k, range(theirs), old_side=old_side))
    for a in range(n_old):
        for b in range(n_new):
            assert _align_lists.frame_overlap(warmed, a, b) == _reference_overlap(warmed, a, b)


# --------------------------------------------------------------------------- vectors

#: Bags with repeated stems (counts well above one) and stems in one bag only, so that the log
#: scaling and the IDF both vary.
_BAG = st.lists(st.sampled_from(["forces", "force", "zone", "zones", "the", "12", "600", "withdraw", "voted",
                                 "elections", "sanctions", "lifted", "treaty"]), max_size=60)


def _reference_vector(vec: Vectors, counts: Counter[str]) -> dict[str, float]:
    """The unit vector as it was: each weight's log computed where it is needed."""
    weights = [vec.idf[t] if c == 1 else (1.0 + math.log(c)) * vec.idf[t] for t, c in counts.items()]
    norm = math.sqrt(sum(map(operator.mul, weights, weights)))
    if norm == 0:
        return {}
    return dict(zip(counts, [w / norm for w in weights], strict=True))


@given(st.lists(_BAG, min_size=2, max_size=8))
def test_vectors_scaled_by_remembered_logs_are_those_of_the_plain_formula(bags: list[list[str]]) -> None:
    counts = [stem_counts(bag) for bag in bags]
    half = len(counts) // 2
    vec = Vectors(counts[:half], counts[half:])
    for built, bag in zip([*vec.old, *vec.new], counts, strict=True):
        expected = _reference_vector(vec, bag)
        assert list(built.items()) == list(expected.items())  # keys, order and floats to the last bit
    # Asked again (the logs remembered by then), and for a merged bag with higher counts.
    merged_bag = Counter(counts[0])
    merged_bag.update(counts[-1])
    assert list(vec.vector(merged_bag).items()) == list(_reference_vector(vec, merged_bag).items())


# --------------------------------------------------------------------------- change-window screens


def _reference_near(windows: _screen.ChangeWindows, read: Callable[[str], Iterable[tuple[int, int, T]]],
                    ) -> tuple[list[T], list[T]]:
    """What the screens found as they did: every expression of each side read, then those a change reaches."""
    return ([v for start, end, v in read(windows.old) if _screen.near(windows.old_changes, start, end)],
            [v for start, end, v in read(windows.new) if _screen.near(windows.new_changes, start, end)])


def _every_figure(text: str) -> Iterator[tuple[int, int, tuple[str, str, float]]]:
    for f in figures.find_figures(text):
        yield f.start - figures.FIGURE_REACH, f.start + len(f.text) + 1, (f.kind, f.unit, f.value)


def _every_modal(text: str) -> Iterator[tuple[int, int, str]]:
    for m in modality._modal_spans(text):
        tail = text[m.end() : m.end() + _screen.CHANGE_CONTEXT]
        yield m.start() - 1, m.end() + len(tail) - len(tail.lstrip()) + 1, modality._canonical(m)


@given(_edited_pair())
def test_screens_that_stop_after_the_last_change_find_what_a_whole_reading_finds(pair: tuple[str, str]) -> None:
    old, new = pair
    windows = _screen.changed_windows(old, new, word_ops(old, new))
    old_keys, new_keys = _reference_near(windows, _every_figure)
    assert figures._figures_near_changes(windows) == (sorted(old_keys), sorted(new_keys))
    assert modality._modals_near_changes(windows) == _reference_near(windows, _every_modal)


# --------------------------------------------------------------------------- word diff


@given(st.text(st.characters(max_codepoint=127), max_size=80)
       | st.lists(st.sampled_from(["600,000", "2.5", "1,2", "12.", ".5", " ", "\t", "\n", "\x1c", "\x1f", "_", "x_1",
                                   "Art", "5km", "-", "\r\n", "\x0b"]), max_size=20).map("".join))
def test_ascii_text_is_tokenized_as_the_unicode_expression_tokenizes_it(text: str) -> None:
    assert tokenize(text) == _TOKEN_RE.findall(text)


# --------------------------------------------------------------------------- figures on ASCII text


class _UnicodeReader(figures._FigureReader):
    """The figure reader as it was: the Unicode classes whatever the text."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.ascii = False
        self.figure_re, self.subject = figures._FIGURE_RE.on(text, self.lowered)
        self.label_re = figures._LABEL_BEFORE.on(text, self.lowered)[0]


_FIGURE_WORDS = ["USD", "$", "5", "600,000", "2.5", "12th", "50%", "per", "cent", "within", "days", "twenty-five",
                 "a", "hundred", "half", "of", "the", "May", "1", "2026", "2026-01-31", "km", "m", "troops",
                 "Article", "(3)", "\n", "\t", "\x1c", "\x1f", "\x0b", " ", "-", "one", "third", "party", "years"]


@given(st.lists(st.sampled_from(_FIGURE_WORDS) | st.text(st.characters(max_codepoint=127), max_size=3),
                max_size=30).map(" ".join))
def test_figures_read_with_ascii_classes_are_those_read_with_unicode_ones(text: str) -> None:
    assert _screen.ascii_plain(text.lower()) == (text.isascii() and not any("\x1c" <= c <= "\x1f" for c in text))
    expected = figures._read_figures(_UnicodeReader(text), True)
    assert figures.find_figures(text, include_weak=True) == expected
