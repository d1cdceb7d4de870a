"""Small builders shared by the aligner's tests: numbered provisions and the links an alignment made."""

from __future__ import annotations

from collections.abc import Sequence

from peacediff._align_config import DEFAULT, AlignConfig
from peacediff.align import Alignment, align_text
from peacediff.compare import Change, compare
from peacediff.model import Provision, Version


def numbered(texts: Sequence[str], numbers: Sequence[str] | None = None) -> list[Provision]:
    """Provisions of ``texts`` numbered 1, 2, 3 … (or by ``numbers``)."""
    numbers = numbers or [str(k) for k in range(1, len(texts) + 1)]
    return [Provision(text=t, number=n) for t, n in zip(texts, numbers, strict=True)]


def numbered_version(vid: str, texts: Sequence[str]) -> Version:
    """A version ``vid`` of ``texts`` numbered 1, 2, 3 …: a made-up draft as the tests write them."""
    return Version(id=vid, title=vid, provisions=tuple(numbered(texts)))


def change_of(old: Version, new: Version, holds: str, config: AlignConfig = DEFAULT) -> Change:
    """The change of the text comparison of ``old`` and ``new`` whose old side holds a provision
    whose text contains ``holds``: the one clause a test follows."""
    c = compare(old, new, align="text", config=config)
    return next(ch for ch in c.changes if any(holds in p.text for p in ch.old))


def index_links(alignment: Alignment) -> set[tuple[int, int]]:
    """Every (old index, new index) an alignment links, a split or merge giving one pair per part."""
    return {(i, j) for lk in alignment.links for i in lk.old for j in lk.new}


def number_links(old: Sequence[Provision], new: Sequence[Provision],
                 config: AlignConfig = DEFAULT) -> dict[tuple[str, str], str]:
    """The text alignment's links as (old number, new number) → the rule that made each."""
    result = align_text(old, new, config)
    return {(old[i].number or "", new[j].number or ""): lk.rule or ""
            for lk in result.links for i in lk.old for j in lk.new}


#: Sentences of the plan generator (benchmarks/generate.py) that the stress-property cases share,
#: by a short name.
GENERATED = {
    "terr": "The signatories undertakes to reduce territory for Tababaovo and Bibabask after the ceasefire.",
    "nato": "NATO may limit the reconstruction in Gababaets at 25% of the total.",
    "ukr": "Ukraine should exchange military agreements of Bibabask at 25% of the total. The signatories may "
           "review permanent facilities of Nababaopil at 10% of the total. The signatories shall transfer the "
           "prisoners in Pababaor for 100 years.",
    "both": "Both parties must implement joint agreements of Mibabaan in Rebabaar and Hebabaor. The joint "
            "commission must establish the obligations in Kebabask before the elections.",
    "sc": "The Security Council shall rebuild forces for Pebabaino and Tebabaan after the ceasefire.",
    "mon": "The monitoring mission undertakes to support the troops in Rababask by 2028.",
    "gov": "The Government may verify the territory in Zababaino in accordance with this agreement. The parties "
           "must exchange the facilities in Zebabaor after the ceasefire.",
    "courts": "Europe must return the courts in Pababaor by 2030.",
    "board": "The Board of Peace undertakes to protect territory for Kibabaar and Febabaan as soon as possible.",
}
