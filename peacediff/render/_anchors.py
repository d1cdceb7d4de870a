"""Element ids of a redline page: one stable, unique anchor per provision, and stubs for moves."""

from __future__ import annotations

import re
from collections.abc import Sequence

from peacediff.compare import Change, Comparison
from peacediff.model import Provision

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]")


def _anchor_part(p: Provision, position: int) -> str:
    if p.number is not None:
        raw = p.number
    elif p.key is not None:
        raw = "k-" + p.key
    else:
        raw = f"n{position}"
    if raw.isascii() and raw.isalnum():
        return raw  # nothing to replace: most point numbers
    return _UNSAFE_ID.sub("_", raw)


class Anchors:
    """Unique, stable element ids: ``p-<new number>``, ``old-<old number>``, suffixed on clashes."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.used: set[str] = set()

    def make(self, base: str) -> str:
        anchor = self.prefix + base
        if anchor in self.used:
            n = 2
            while f"{anchor}-{n}" in self.used:
                n += 1
            anchor = f"{anchor}-{n}"
        self.used.add(anchor)
        return anchor


def provision_ids(provisions: Sequence[Provision]) -> dict[tuple[str | None, str | None], int]:
    return {(p.number, p.key): i for i, p in enumerate(provisions)}


_Ident = tuple[str | None, str | None]
_Primary = list[tuple[str, tuple[str, ...]]]


def change_anchors(comparison: Comparison, anchors: Anchors, old_pos: dict[_Ident, int],
                    new_pos: dict[_Ident, int]
                    ) -> tuple[dict[_Ident, str], dict[_Ident, str], list[tuple[int, Change, str]], _Primary]:
    """First pass of :func:`build_view`: ids.  Every provision gets one anchor; a moved provision's
    old anchor sits on a stub where it used to stand, so the move is linked both ways."""
    old_anchor: dict[_Ident, str] = {}
    new_anchor: dict[_Ident, str] = {}
    stubs: list[tuple[int, Change, str]] = []
    primary: _Primary = []
    for ch in comparison.changes:
        own: list[str] = []
        for p in ch.new:
            ident = (p.number, p.key)
            new_anchor[ident] = anchors.make("p-" + _anchor_part(p, new_pos.get(ident, 0)))
            own.append(new_anchor[ident])
        for p in ch.old:
            ident = (p.number, p.key)
            old_anchor[ident] = anchors.make("old-" + _anchor_part(p, old_pos.get(ident, 0)))
            if ch.moved and ch.new:
                stubs.append((old_pos.get(ident, len(old_pos)), ch, old_anchor[ident]))
            else:
                own.append(old_anchor[ident])
        if not own:
            own.append(anchors.make(f"change-{len(primary) + 1}"))
        primary.append((own[0], tuple(own[1:])))
    return new_anchor, old_anchor, stubs, primary


def redline_anchors(comparison: Comparison) -> dict[tuple[str | None, str | None], str]:
    """The element id of each provision of the new version on the comparison's redline page,
    by ``(number, key)``."""
    return change_anchors(comparison, Anchors(""), provision_ids(comparison.old.provisions),
                           provision_ids(comparison.new.provisions))[0]
