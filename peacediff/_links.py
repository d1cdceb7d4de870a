"""The aligner's result records: :class:`Link` and :class:`Alignment` (re-exported by :mod:`peacediff.align`)."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Alignment", "Link"]


class Link(NamedTuple):
    """Provisions of the old side (indices) that became provisions of the new side.

    1:1 for kept provisions, 1:n for a split, n:1 for a merge.  ``matched_by`` is the
    family of the rule (key, exact, number, similarity, split, merge); ``rule`` the
    precise pass that made the link (a name of ``align.TEXT_PASSES`` or ``align.KEY_PASSES``).
    ``similarity`` is the aligner's score (None for key links: the caller measures the text).
    """

    old: tuple[int, ...]
    new: tuple[int, ...]
    matched_by: str
    similarity: float | None = None
    rule: str = ""


class Alignment(NamedTuple):
    """The links between two provision lists, the moved links and hints for the rest.

    ``possible`` maps ("old", i) or ("new", j) of an unlinked provision to the
    index and cosine of its best candidate on the other side that has something in common
    with it; ``shared``, for such a hint, what that is: content stems (the rarest first),
    then drafting concepts (``~forces``).  ``notes`` are the work budgets that changed the
    result; ``passes`` counts what each pass did, in run order.
    """

    links: tuple[Link, ...]
    moved: frozenset[int] = frozenset()
    possible: dict[tuple[str, int], tuple[int, float]] = {}  # noqa: RUF012 - never mutated
    notes: tuple[str, ...] = ()
    passes: tuple[tuple[str, int], ...] = ()
    shared: dict[tuple[str, int], tuple[str, ...]] = {}  # noqa: RUF012 - never mutated
