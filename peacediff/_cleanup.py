"""diff-match-patch's merge and semantic cleanup of a diff, the same results at a fraction of the cost.

The word diff (:mod:`peacediff.textdiff`) cleans its token diffs with diff-match-patch's
``diff_cleanupMerge`` and then ``diff_cleanupSemantic`` (semantic *lossless* cleanup switched
off).  The library edits the list in place, one ``insert`` or slice at a time, and after
each equality it folds into the edits it rescans from two equalities back: on two texts that
share little but spaces and small words (a possible match, a rewritten clause) that is
quadratic in the number of diffs.  :func:`cleanup` makes the same decisions in one pass:

* the merge builds a new list instead of editing the old one;
* the semantic pass decides which equalities are eliminated on a stack of equalities with the
  edit totals around them (an elimination merges the runs on both sides and hands the merged
  run to the equality before, which is exactly the one the library re-examines), then
  rewrites the list once.

tests/test_cleanup_fastpath.py checks the result against the library's on random diffs.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Any

from diff_match_patch import diff_match_patch

__all__ = ["affixes", "cleanup", "merge"]

Op = tuple[int, str]

_OVERLAP = diff_match_patch().diff_commonOverlap


_AFFIXES: tuple[Any, Any] | None = None


def affixes() -> tuple[Any, Any]:
    """How many characters two strings share at the start, and at the end: rapidfuzz's Prefix and
    Postfix similarities (C++; diff-match-patch's binary searches over slices cost ten times more),
    imported on first use."""
    global _AFFIXES
    if _AFFIXES is None:
        from rapidfuzz.distance import Postfix, Prefix

        _AFFIXES = Prefix.similarity, Postfix.similarity
    return _AFFIXES


def _common_prefix(a: str, b: str) -> int:
    if not a or not b or a[0] != b[0]:
        return 0  # most runs: the first characters differ
    # C++ rather than a Python loop: a merged run in a long rewrite can share hundreds of
    # token characters.
    return int(affixes()[0](a, b))


def _common_suffix(a: str, b: str) -> int:
    if not a or not b or a[-1] != b[-1]:
        return 0
    return int(affixes()[1](a, b))


def merge(diffs: Iterable[Op]) -> list[Op]:
    """``diff_cleanupMerge``: edits between two equalities as one deletion and one insertion, their
    common start and end moved into the equalities, then single edits shifted over an equality
    they end or start with (and merged again while that changes anything)."""
    out: list[Op] = []
    gone: list[str] = []
    came: list[str] = []
    for op, text in chain(diffs, ((0, ""),)):  # the library's dummy equality at the end
        if op == 1:
            came.append(text)
            continue
        if op == -1:
            gone.append(text)
            continue
        if len(gone) + len(came) > 1:
            deleted = "".join(gone)
            inserted = "".join(came)
            if gone and came:
                common = _common_prefix(inserted, deleted)
                if common:
                    if out:  # the equality before the edits (there is one unless they open the diff)
                        out[-1] = (0, out[-1][1] + inserted[:common])
                    else:
                        out.append((0, inserted[:common]))
                    inserted = inserted[common:]
                    deleted = deleted[common:]
                common = _common_suffix(inserted, deleted)
                if common:
                    text = inserted[-common:] + text
                    inserted = inserted[:-common]
                    deleted = deleted[:-common]
            if deleted:
                out.append((-1, deleted))
            if inserted:
                out.append((1, inserted))
            out.append((0, text))
        elif not (gone or came) and out and out[-1][0] == 0:
            out[-1] = (0, out[-1][1] + text)
        else:
            if gone:
                out.append((-1, gone[0]))
            if came:
                out.append((1, came[0]))
            out.append((0, text))
        gone.clear()
        came.clear()
    if out[-1][1] == "":
        out.pop()
    return _shift_single_edits(out)


def _shift_single_edits(diffs: list[Op]) -> list[Op]:
    """The library's second sweep: ``A<ins>BA</ins>C`` becomes ``<ins>AB</ins>AC``; merged again if
    anything moved.  Nothing moves before the first position where the test holds, so the sweep
    starts there (most diffs have none)."""
    last = len(diffs) - 1
    first = next((k for k in range(1, last)
                  if diffs[k - 1][0] == 0 and diffs[k + 1][0] == 0
                  and (diffs[k][1].endswith(diffs[k - 1][1]) or diffs[k][1].startswith(diffs[k + 1][1]))), 0)
    if not first:
        return diffs
    pointer = first
    while pointer < len(diffs) - 1:
        before, here, after = diffs[pointer - 1], diffs[pointer], diffs[pointer + 1]
        if before[0] == 0 and after[0] == 0:
            if here[1].endswith(before[1]):
                if before[1] != "":
                    diffs[pointer] = (here[0], before[1] + here[1][: -len(before[1])])
                    diffs[pointer + 1] = (after[0], before[1] + after[1])
                del diffs[pointer - 1]
            elif here[1].startswith(after[1]):
                diffs[pointer - 1] = (before[0], before[1] + after[1])
                diffs[pointer] = (here[0], here[1][len(after[1]) :] + after[1])
                del diffs[pointer + 1]
        pointer += 1
    return merge(diffs)


def cleanup(diffs: Iterable[Op]) -> list[Op]:
    """``diff_cleanupMerge`` then ``diff_cleanupSemantic`` (lossless cleanup off) of ``diffs``."""
    merged = merge(diffs)
    eliminated = _eliminated(merged)
    if eliminated:
        merged = merge(chain.from_iterable(
            ((-1, text), (1, text)) if k in eliminated else ((op, text),) for k, (op, text) in enumerate(merged)
        ))
    return _split_overlaps(merged)


def _eliminated(diffs: list[Op]) -> set[int]:
    """Positions of the equalities the semantic cleanup turns into edits: each no longer than the
    larger side of the edits before it and of those after it, judged again as runs merge.

    The library scans with a stack of equalities; when it eliminates one it drops that one and
    the one before, and rescans from the one before that, so the one before is judged again with
    the merged run after it (and, if it goes too, the one before it), while the equality it
    restarts from is not.  Judging each equality once its run after it is complete gives the
    same eliminations: the totals only grow along a run, and a rescan recounts the whole run.
    """
    stack: list[tuple[int, int, int, int]] = []  # (position, length, inserted before, deleted before)
    inserted = deleted = 0  # the run after the top of the stack (or before the first equality)
    eliminated: set[int] = set()
    for k, (op, text) in enumerate(chain(diffs, ((0, ""),))):  # an empty equality closes the last run
        if op == 1:
            inserted += len(text)
            continue
        if op == -1:
            deleted += len(text)
            continue
        while stack and (inserted or deleted):
            at, length, ins_before, del_before = stack[-1]
            # An empty equality is never eliminated (the library tests its text for truth).
            if not (length and length <= max(ins_before, del_before) and length <= max(inserted, deleted)):
                break
            stack.pop()
            eliminated.add(at)
            inserted += ins_before + length
            deleted += del_before + length
        stack.append((k, len(text), inserted, deleted))
        inserted = deleted = 0
    return eliminated


def _split_overlaps(diffs: list[Op]) -> list[Op]:
    """The library's last step: a deletion and an insertion that overlap by at least half of either
    (``<del>abcxxx</del><ins>xxxdef</ins>``) get the overlap as an equality between them."""
    pointer = 1
    while pointer < len(diffs):
        if diffs[pointer - 1][0] == -1 and diffs[pointer][0] == 1:
            deletion = diffs[pointer - 1][1]
            insertion = diffs[pointer][1]
            forward = _OVERLAP(deletion, insertion)
            backward = _OVERLAP(insertion, deletion)
            if forward >= backward:
                if forward >= len(deletion) / 2.0 or forward >= len(insertion) / 2.0:
                    diffs.insert(pointer, (0, insertion[:forward]))
                    diffs[pointer - 1] = (-1, deletion[: len(deletion) - forward])
                    diffs[pointer + 1] = (1, insertion[forward:])
                    pointer += 1
            elif backward >= len(deletion) / 2.0 or backward >= len(insertion) / 2.0:
                diffs.insert(pointer, (0, deletion[:backward]))
                diffs[pointer - 1] = (1, insertion[: len(insertion) - backward])
                diffs[pointer + 1] = (-1, deletion[backward:])
                pointer += 1
            pointer += 1
        pointer += 1
    return diffs
