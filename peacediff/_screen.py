"""The change-window screen shared by the figure and modal-verb scans.

Figures and modal verbs are looked for only where the wording of a pair changed: a figure
or a "shall" far from every change is the same on both sides and cannot have changed.
:func:`changed_windows` cuts the text around every change of a pair's word ops, and the
scans run their patterns only at candidate starts (:func:`scan`) over lower-cased text
(:class:`LazyPattern`).  The screened result equals a scan of the full texts (a hypothesis
test in tests/test_textdiff.py checks it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple, TypeVar

__all__ = [
    "CHANGE_CONTEXT",
    "ChangeWindows",
    "LazyPattern",
    "ascii_plain",
    "changed_windows",
    "lower_same_length",
    "near",
    "reached",
    "scan",
]

_T = TypeVar("_T")

Op = tuple[int, str]


class LazyPattern:
    """A case-insensitive regular expression compiled on first use (keeps ``import peacediff`` fast).

    Python's ``re`` runs a case-insensitive alternation about twice as slowly as
    a case-sensitive one, so the scans run the pattern without the flag over the
    lower-cased text (:func:`lower_same_length`) and fall back to the flag only when
    lower-casing would move positions (a few non-ASCII letters lower to two
    characters).  The patterns' own letters are lower case.
    """

    def __init__(self, pattern: str) -> None:
        self._pattern = pattern
        self._folded: re.Pattern[str] | None = None
        self._plain: re.Pattern[str] | None = None
        self._ascii: re.Pattern[str] | None = None

    def on(self, text: str, lowered: str | None, ascii: bool = False) -> tuple[re.Pattern[str], str]:
        """The compiled pattern and the string to run it on: ``lowered`` when given, else ``text``.

        ``ascii``: ``lowered`` is :func:`ascii_plain`, so the pattern runs with ASCII classes
        (a fifth faster than the Unicode ones, which find the same matches there)."""
        if lowered is not None:
            if ascii:
                if self._ascii is None:
                    self._ascii = re.compile(self._pattern, re.ASCII)
                return self._ascii, lowered
            if self._plain is None:
                self._plain = re.compile(self._pattern)
            return self._plain, lowered
        if self._folded is None:
            self._folded = re.compile(self._pattern, re.IGNORECASE)
        return self._folded, text


def scan(starts: re.Pattern[str], pattern: re.Pattern[str], subject: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` a scan of every position would find, tried only where
    ``starts`` finds a candidate (a candidate inside the last match is skipped, as a scan would)."""
    end = 0
    for start in starts.finditer(subject):
        if start.start() < end:
            continue
        m = pattern.match(subject, start.start())
        if m is not None:
            end = m.end()
            yield m


def lower_same_length(text: str) -> str | None:
    """``text`` lower-cased, or None when that would change its length (so positions stay valid)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


#: The ASCII characters that Unicode ``\s`` holds and ASCII ``\s`` does not (the information
#: separators): the only ASCII text whose matches depend on which classes a pattern has.
_SEPARATORS = re.compile(r"[\x1c-\x1f]")


def ascii_plain(lowered: str | None) -> bool:
    r"""Whether a pattern with ASCII classes finds in ``lowered`` exactly what it finds with the
    Unicode ones: ``\d``, ``\w``, ``\b`` and ``\s`` agree on ASCII text without separators."""
    return lowered is not None and lowered.isascii() and _SEPARATORS.search(lowered) is None


#: Characters of context read around every change by the figure and modal screens
#: (:func:`changed_windows`).  A figure or modal expression is at most ~40 characters
#: long, and what decides whether text is one lies within 16 characters before it (a
#: one-character look-behind, a label such as "Article" before a number) or in the
#: whitespace and character after it.  The windows hold every expression that reach
#: touches, whole and in the same context as in the full text.
CHANGE_CONTEXT = 64


class ChangeWindows(NamedTuple):
    """The text around every change of a pair, per side (windows joined by NUL), and
    the changed stretches, as ``(start, end)`` offsets into those strings (an empty
    stretch marks where the other side's text was inserted or deleted).  ``whole``
    when the windows are the full texts."""

    old: str
    new: str
    old_changes: tuple[tuple[int, int], ...]
    new_changes: tuple[tuple[int, int], ...]
    whole: bool


def changed_windows(old_text: str, new_text: str, ops: Sequence[Op]) -> ChangeWindows:
    """The text around every change of ``ops`` (see :class:`ChangeWindows`).

    Each deleted or inserted stretch, widened by :data:`CHANGE_CONTEXT` characters
    on both sides, marks a window on both texts (an insertion marks its point in
    the old text, a deletion its point in the new one).  A figure or modal
    expression that no change comes near stands, identical and in the same
    context, on both sides: so when no expression found in the windows lies near
    a change, the two texts cannot differ in them.  When the windows would cover
    more than half of the texts, they are the texts themselves (``whole``): a
    screen would then cost as much as the full scan it is meant to spare.

    >>> from peacediff.textdiff import word_ops
    >>> old = "Forces are capped at 600,000." + " Other terms stay as agreed." * 10
    >>> new = old.replace("600,000", "800,000")
    >>> windows = changed_windows(old, new, word_ops(old, new))
    >>> len(old), len(windows.old), windows.new[:40], windows.new_changes
    (309, 92, 'Forces are capped at 800,000. Other term', ((21, 21), (21, 28)))
    """
    old_spans: list[tuple[int, int]] = []
    new_spans: list[tuple[int, int]] = []
    at_old = at_new = 0
    for op, text in ops:
        if op == 0:
            at_old += len(text)
            at_new += len(text)
        elif op < 0:
            old_spans.append((at_old, at_old + len(text)))
            new_spans.append((at_new, at_new))
            at_old += len(text)
        else:
            new_spans.append((at_new, at_new + len(text)))
            old_spans.append((at_old, at_old))
            at_new += len(text)
    if at_old != len(old_text) or at_new != len(new_text):
        raise ValueError("ops do not turn old_text into new_text: pass the word ops of this very pair")
    old_windows, old_changes, old_covered = _windows(old_text, old_spans)
    new_windows, new_changes, new_covered = _windows(new_text, new_spans)
    if 2 * (old_covered + new_covered) > len(old_text) + len(new_text):
        return ChangeWindows(old_text, new_text, tuple(old_spans), tuple(new_spans), True)
    return ChangeWindows(old_windows, new_windows, old_changes, new_changes, False)


def _windows(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...], int]:
    """The windows around ``spans`` joined by NUL, the spans in that string, the characters covered."""
    parts: list[str] = []
    moved: list[tuple[int, int]] = []
    length = 0  # of the joined windows so far
    start = end = -1
    for lo, hi in spans:
        wlo = max(0, lo - CHANGE_CONTEXT)
        whi = min(len(text), hi + CHANGE_CONTEXT)
        if end < 0 or wlo > end:
            if end >= 0:
                parts.append(text[start:end])
                length += end - start + 1
            start, end = wlo, whi
        else:
            end = max(end, whi)
        moved.append((length + lo - start, length + hi - start))
    if end >= 0:
        parts.append(text[start:end])
        length += end - start + 1
    return "\x00".join(parts), tuple(moved), max(0, length - len(parts))


def near(changes: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True when a changed stretch touches ``[start, end]`` (an insertion point on its edge included)."""
    return any(lo <= end and start <= hi for lo, hi in changes)


def reached(windows: ChangeWindows,
            found: Callable[[str, int], Iterable[tuple[int, int, _T]]]) -> tuple[list[_T], list[_T]]:
    """What a change can reach, old side and new side, in reading order: each ``(start, end,
    value)`` that ``found`` reads in a side's text whose reach ``[start, end]`` a change of that
    side touches.  Every other one stands, identical and in the same context, on both sides, so
    when the two lists agree (as multisets, or in order) the texts hold the same ones.

    ``found(text, last)`` reads in order of ``start`` and may stop once ``start`` passes ``last``,
    where the side's last change ends: nothing after that can reach back to a change."""
    return (_near(windows.old, windows.old_changes, found), _near(windows.new, windows.new_changes, found))


def _near(text: str, changes: tuple[tuple[int, int], ...],
          found: Callable[[str, int], Iterable[tuple[int, int, _T]]]) -> list[_T]:
    last = max([hi for _lo, hi in changes], default=-1)
    return [value for start, end, value in found(text, last) if near(changes, start, end)]
