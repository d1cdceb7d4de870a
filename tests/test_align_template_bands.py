"""A schedule of bands reworded as a whole: the bounds of each band name it.

Made-up grid connection charges by plant size ("plants of 5 to under 20 megawatts"), redrafted
in other words with the first band dropped, the list renumbered and every rate changed; the rates
("5 per cent", "20 per cent") recur as other bands' bounds.  The items share their frame with every
other item and hold no word of their own, so the printed numbers paired each band with the next;
the two measures a band states (``AlignConfig.template_quantity_weight``) pair it with its rewrite.
"""

from __future__ import annotations

from align_cases import numbered_version

from peacediff._align_config import DEFAULT, AlignConfig
from peacediff.align import _State
from peacediff.compare import compare
from peacediff.model import Provision

_HEAD = ["This schedule sets the grid connection charges of the Varn Valley network for 2028.",
         "Each plant connected to the network pays its charge in four quarterly instalments."]
_TAIL = ["A plant that stays offline for a whole quarter pays no charge for that quarter.",
         "The network operator publishes the charges on its website each January.",
         "Disputes about a charge go to the energy regulator."]
_OLD = [*_HEAD,
        "Grid connection charges for plants of under 5 megawatts shall be 2 per cent of the annual network fee.",
        "Grid connection charges for plants of 5 to under 20 megawatts shall be 5 per cent of the annual network "
        "fee.",
        "Grid connection charges for plants of 20 to under 50 megawatts shall be 8 per cent of the annual network "
        "fee.",
        "Grid connection charges for plants of 50 to under 100 megawatts shall be 20 per cent of the annual network "
        "fee.",
        "Grid connection charges for plants of 100 megawatts and over shall be 50 per cent of the annual network "
        "fee.",
        *_TAIL]
_NEW = [*_HEAD,
        "Plants from 5 megawatts to under 20 megawatts pay 6 per cent of the yearly network fee for their connection.",
        "Plants from 20 megawatts to under 50 megawatts pay 10 per cent of the yearly network fee for their "
        "connection.",
        "Plants from 50 megawatts to under 100 megawatts pay a fifth of the yearly network fee for their connection.",
        "Plants of 100 megawatts and over pay 45 per cent of the yearly network fee for their connection.",
        "Storage plants pay half the charge of a generating plant of the same size.",
        *_TAIL]


def _changed(config: AlignConfig = DEFAULT) -> list[tuple[str, str]]:
    c = compare(numbered_version("old", _OLD), numbered_version("new", _NEW), align="text", config=config)
    return [(ch.kind, ch.label) for ch in c.changes if ch.kind != "unchanged"]


def test_each_band_pairs_with_its_rewrite() -> None:
    assert _changed() == [("removed", "3 → ∅"), ("modified", "4 → 3"), ("modified", "5 → 4"),
                          ("modified", "6 → 5"), ("modified", "7 → 6"), ("added", "∅ → 7")]


def test_by_printed_numbers_alone_each_band_takes_the_next() -> None:
    shifted = _changed(AlignConfig(template_quantity_weight=0.0))
    assert ("modified", "3") in shifted and ("modified", "4") in shifted  # under 5 MW -> 5-20 MW: false


def test_the_measures_of_a_provision() -> None:
    texts = ["Observer coverage for vessels of 18 to under 24 metres shall be 10 per cent of trips.",
             "Route 3, from the station to the hospital: a bus every 10 minutes.",
             "Stock 4, herring in the northern waters: quota 500 tonnes.",
             "Berth fees for vessels of 200 metres up to 300 metres shall be 0.27 crowns per tonne."]
    state = _State([Provision(text=t) for t in texts], [Provision(text="A clause.")], DEFAULT)
    sizes = [len(state.quantities(k, old_side=True)) for k in range(len(texts))]
    # Both bounds of a band (the first has no unit of its own); no label, rate, period or fee.
    assert sizes == [2, 0, 1, 2]
    assert state.quantities(0, old_side=True) == {18.0, 24.0}
