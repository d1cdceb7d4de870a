"""Modal verbs and what a rewording does to them: "shall" → "may", "will" → "should" and friends.

An obligation that becomes an option changes a provision's force even when every other word
stays; :func:`modality_shifts` reports such shifts between two texts, looking only near the
changes of the pair's word ops (:mod:`peacediff._screen`).

Example::

    >>> modality_shifts("Russia shall withdraw.", "Russia may withdraw.")
    [('shall', 'may')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from peacediff._screen import (
    CHANGE_CONTEXT,
    ChangeWindows,
    LazyPattern,
    changed_windows,
    lower_same_length,
    reached,
    scan,
)

__all__ = ["modality_shifts", "modals"]

Op = tuple[int, str]


def _modals_near_changes(windows: ChangeWindows) -> tuple[list[str], list[str]]:
    """The modal expressions a change can reach, old side and new side, in reading order."""
    # Only those a change reaches are put in canonical form: most modal verbs of a window stand
    # in the context around a change, not next to it.
    old, new = reached(windows, _modal_reaches)
    return [_canonical(m) for m in old], [_canonical(m) for m in new]


def _modal_reaches(text: str, last: int) -> Iterator[tuple[int, int, re.Match[str]]]:
    for m in _modal_spans(text):
        if m.start() - 1 > last:
            return  # this one and every later one start past the last change: none reaches it
        # After the expression, a change can reach it through the look-ahead for a number.
        end = m.end()
        tail = text[end : end + CHANGE_CONTEXT]
        yield m.start() - 1, end + len(tail) - len(tail.lstrip()) + 1, m


_MODAL_RE = LazyPattern(
    r"\b(?:(?P<be>is|are)\s+(?P<be_not>not\s+)?(?P<be_how>required\s+to|obliged\s+to|expected\s+to|to)"
    r"|(?P<modal>won't|cannot|can't|shan't|mustn't|shouldn't|shall|will|may|should|must|can)"
    r"(?P<not>\s+not)?)\b(?!\s+\d)",
)
# Every modal expression begins with one of these letter runs, at a word's start.  A
# pattern led by plain literals lets the regex engine skip ahead to the next candidate;
# the look-behind after each drops the runs inside words ("this", "declare") before
# Python sees them.  The full pattern is then tried only there (same matches as a scan of
# every position: anywhere else its leading word boundary fails).
_MODAL_START = LazyPattern("|".join(rf"{run}(?<!\w{run})" for run in ("is", "are", "won", "can", "sha", "mus", "sho",
                                                                      "wil", "may")))
_MODAL_CANON = {"won't": "will not", "cannot": "cannot", "can't": "cannot", "shan't": "shall not",
                "mustn't": "must not", "shouldn't": "should not"}  # fmt: skip


def modals(text: str) -> list[str]:
    """Modal expressions in ``text``, lower-cased and canonical ("won't" → "will not").

    >>> modals("Russia shall not invade; Ukraine is to hold elections and may join.")
    ['shall not', 'is to', 'may']
    """
    return [canon for _start, _end, canon in _modal_matches(text)]


def _modal_matches(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, canonical form)`` of every modal expression in ``text``."""
    return [(m.start(), m.end(), _canonical(m)) for m in _modal_spans(text)]


def _modal_spans(text: str) -> Iterator[re.Match[str]]:
    """The match of every modal expression in ``text`` (over its lower-cased copy when that keeps
    positions), in order; "May" the month is none."""
    lowered = lower_same_length(text)
    starts, subject = _MODAL_START.on(text, lowered)
    for m in scan(starts, _MODAL_RE.on(text, lowered)[0], subject):
        if m.group("modal") and text[m.start() : m.end("modal")] == "May" and m.start() > 0:
            continue  # the month, mid-sentence
        yield m


def _canonical(m: re.Match[str]) -> str:
    """A modal expression's canonical form: lower case, "won't" → "will not", "is not to"."""
    if m.group("modal"):
        word = m.group("modal").lower()
        canon = _MODAL_CANON.get(word, word)
        if m.group("not") and canon == "can":
            return "cannot"
        if m.group("not") and " not" not in canon:
            return canon + " not"
        return canon
    how = " ".join(m.group("be_how").lower().split())
    return f"{m.group('be').lower()} {'not ' if m.group('be_not') else ''}{how}"


def modality_shifts(
    old_text: str,
    new_text: str,
    ops: Sequence[Op] | None = None,
    windows: ChangeWindows | None = None,
) -> list[tuple[str, str]]:
    """Pairs ``(old modal, new modal)`` where the obligation wording changed.

    The modal sequences of both texts are aligned (longest common subsequence);
    within each replaced stretch the n-th old modal pairs with the n-th new one.
    ``ops`` (the pair's word ops), or ``windows`` (their :func:`changed_windows`,
    when already at hand), let it skip pairs with no modal expression near a
    change; the result is the same.

    >>> modality_shifts("Ukraine shall hold elections.", "Ukraine may hold elections.")
    [('shall', 'may')]
    """
    if old_text == new_text:
        return []
    if windows is None and ops is not None:
        windows = changed_windows(old_text, new_text, ops)
    if windows is not None and not windows.whole:
        near_old, near_new = _modals_near_changes(windows)
        if near_old == near_new:
            return []  # no modal expression near any change, or the same ones on both sides
    a = modals(old_text)
    b = modals(new_text)
    if a == b:
        return []
    if a <= b:
        return _modal_pairs(a, b)
    return [(y, x) for x, y in _modal_pairs(b, a)]


def _modal_pairs(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    # LCS table: modal lists are short (a handful per provision).
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    pairs: list[tuple[str, str]] = []
    gone: list[str] = []
    came: list[str] = []

    def flush() -> None:
        pairs.extend(zip(gone, came, strict=False))
        gone.clear()
        came.clear()

    i = j = 0
    while i < n or j < m:
        if i < n and j < m and a[i] == b[j]:
            flush()
            i += 1
            j += 1
        elif j >= m or (i < n and table[i + 1][j] >= table[i][j + 1]):
            gone.append(a[i])
            i += 1
        else:
            came.append(b[j])
            j += 1
    flush()
    return pairs
