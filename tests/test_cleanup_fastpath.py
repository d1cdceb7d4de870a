"""The one-pass cleanup (peacediff._cleanup) gives exactly diff-match-patch's merge and semantic cleanup.

The reference is the library itself, as the word diff called it before: ``diff_cleanupMerge``
then ``diff_cleanupSemantic`` with semantic *lossless* cleanup switched off (textdiff's
``_WordDiffer``).  Diffs are drawn over two or three letters so that equalities, prefixes,
suffixes and overlaps repeat: every branch of the library's cleanup (an equality eliminated
and the one before it judged again, a common start moved into the equality before, a single
edit shifted over an equality, an overlap split out) is hit many times per run.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from peacediff import _cleanup, textdiff
from peacediff.textdiff import Op

_LIBRARY = textdiff._WordDiffer()


def _library_cleanup(diffs: list[Op]) -> list[Op]:
    diffs = list(diffs)
    _LIBRARY.diff_cleanupMerge(diffs)
    _LIBRARY.diff_cleanupSemantic(diffs)
    return diffs


def _library_merge(diffs: list[Op]) -> list[Op]:
    diffs = list(diffs)
    _LIBRARY.diff_cleanupMerge(diffs)
    return diffs


def _diffs(alphabet: str, min_text: int) -> st.SearchStrategy[list[Op]]:
    op = st.sampled_from((-1, 0, 1))
    text = st.text(alphabet, min_size=min_text, max_size=5)
    return st.lists(st.tuples(op, text), max_size=24)


_small = st.one_of(_diffs("ab", 1), _diffs("ab ", 1), _diffs("abc", 1), _diffs("ab", 0))


@settings(max_examples=1500)
@given(_small)
@example([(0, "a"), (-1, "b"), (1, "c"), (0, "a"), (-1, "bb"), (1, "cc"), (0, "d")])  # an elimination cascade
@example([(-1, "ab"), (1, "ac")])  # a common start before the first equality
@example([(0, "a"), (1, "ba"), (0, "c")])  # a single edit shifted over the equality before
@example([(0, "x"), (-1, "abcxxx"), (1, "xxxdef"), (0, "y")])  # an overlap split out
@example([(0, ""), (-1, "a"), (0, "")])
def test_cleanup_is_the_library_cleanup(diffs: list[Op]) -> None:
    assert _cleanup.cleanup(list(diffs)) == _library_cleanup(diffs)


@settings(max_examples=800)
@given(_small)
def test_merge_is_the_library_merge(diffs: list[Op]) -> None:
    assert _cleanup.merge(list(diffs)) == _library_merge(diffs)


def test_a_long_run_of_short_equalities_is_folded_as_the_library_folds_it() -> None:
    # Two texts sharing only single letters: the library's quadratic case, every equality folded.
    diffs: list[Op] = []
    for k in range(300):
        diffs += [(-1, "xy"[k % 2] * 2), (1, "zw"[k % 3 % 2] * 3), (0, "a")]
    assert _cleanup.cleanup(list(diffs)) == _library_cleanup(diffs)
    assert len(_cleanup.cleanup(list(diffs))) < 10


@settings(max_examples=300)
@given(st.text("ab \n.", max_size=40), st.text("ab \n.", max_size=40))
def test_word_diffs_of_unrelated_texts_are_unchanged(old: str, new: str) -> None:
    # The word diff with the library's cleanup in place of the one-pass one.
    ops = textdiff.word_ops(old, new)
    original = textdiff.cleanup
    try:
        textdiff.cleanup = _library_cleanup  # type: ignore[assignment]
        reference = textdiff.word_ops(old, new)
    finally:
        textdiff.cleanup = original  # type: ignore[assignment]
    assert ops == reference
