"""Small builders shared by the aligner's tests: numbered provisions and the links an alignment made."""

from __future__ import annotations

from collections.abc import Sequence

from peacediff._align_config import DEFAULT, AlignConfig
from peacediff.align import Alignment, align_text
from peacediff.model import Provision


def numbered(texts: Sequence[str], numbers: Sequence[str] | None = None) -> list[Provision]:
    """Provisions of ``texts`` numbered 1, 2, 3 … (or by ``numbers``)."""
    numbers = numbers or [str(k) for k in range(1, len(texts) + 1)]
    return [Provision(text=t, number=n) for t, n in zip(texts, numbers, strict=True)]


def index_links(alignment: Alignment) -> set[tuple[int, int]]:
    """Every (old index, new index) an alignment links, a split or merge giving one pair per part."""
    return {(i, j) for lk in alignment.links for i in lk.old for j in lk.new}


def number_links(old: Sequence[Provision], new: Sequence[Provision],
                 config: AlignConfig = DEFAULT) -> dict[tuple[str, str], str]:
    """The text alignment's links as (old number, new number) → the rule that made each."""
    result = align_text(old, new, config)
    return {(old[i].number or "", new[j].number or ""): lk.rule or ""
            for lk in result.links for i in lk.old for j in lk.new}
