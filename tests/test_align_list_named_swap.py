"""An item of a list replaced in place by another is no edit of it, however much frame they share.

Made-up document: the route schedule of a code-share deal, where each item names two cities
and nothing else varies ("Sulair may place its code on Norvane flights between Kelmar and
Portis.").  The redraft drops the Portis route and puts a Leston route in its place, between
two unchanged items.  The frame carries the pair's cosine over the link bar (``sim_link``), so the list
machinery, which reads names only where the texts tie under it, let the assignment link the two
routes as one modified item.  Names now decide there too: Portis left the document and Leston is
new to it, so one route replaced the other.
"""

from __future__ import annotations

from align_cases import numbered_version

from peacediff.compare import compare

_HEAD = [
    'This code-share agreement is made between Norvane Airways ("Norvane") and Sulair Express ("Sulair").',
    "Each party may market seats on flights the other operates under its own designator code.",
]
_TAIL = [
    "Any new route requires the written agreement of both parties.",
    "The operating carrier makes a block of twelve seats available on each code-share flight.",
    "Unsold seats return to the operating carrier 72 hours before departure.",
    "Each party keeps the revenue of the seats it sells.",
    "The operating carrier alone is responsible for the safety of its flights.",
    "Passengers are told at booking which carrier operates their flight.",
    "Either party may end this agreement on six months' notice.",
    "The agreement is governed by the laws of Kelmar.",
    "Each party names a manager to oversee the cooperation.",
    "The managers meet at least twice a year to review the routes.",
    "Frequent-flyer members earn miles on both carriers.",
    "Baggage is checked through to the final destination.",
    "Each party keeps its own fares and conditions of carriage.",
    "Delays and cancellations are handled by the operating carrier.",
    "Complaints are answered by the carrier that sold the ticket.",
    "Neither party may use the other's trademarks beyond this agreement.",
    "Confidential information exchanged under this agreement stays confidential.",
    "Disputes go to arbitration in Soller.",
]


#: Both carriers' routes: Sulair's code on Norvane flights, then Norvane's on Sulair flights.
_THEIRS = ["Norvane may place its code on Sulair flights between Soller and Kelmar.",
           "Norvane may place its code on Sulair flights between Soller and Tiran."]


def _routes(cities: list[str]) -> list[str]:
    return [f"Sulair may place its code on Norvane flights between {c}." for c in cities]




def _changes(old_cities: list[str], new_cities: list[str]):
    old = numbered_version("old", [*_HEAD, *_routes(old_cities), *_THEIRS, *_TAIL])
    new = numbered_version("new", [*_HEAD, *_routes(new_cities), *_THEIRS, *_TAIL])
    return compare(old, new, align="text").changes


def test_a_route_replaced_in_place_by_another_is_removed_and_added() -> None:
    changes = _changes(["Kelmar and Dunholt", "Kelmar and Varenna", "Kelmar and Portis", "Dunholt and Amberlay"],
                       ["Kelmar and Dunholt", "Kelmar and Varenna", "Kelmar and Leston", "Dunholt and Amberlay"])
    removed = [p.text for ch in changes if ch.kind == "removed" for p in ch.old]
    added = [q.text for ch in changes if ch.kind == "added" for q in ch.new]
    assert removed == _routes(["Kelmar and Portis"])
    assert added == _routes(["Kelmar and Leston"])
    assert not [ch for ch in changes if ch.kind == "modified"]


def test_a_route_whose_city_is_renamed_in_part_stays_one_route() -> None:
    # "Portis" stays in the document: the route gained a word, it was not replaced.
    changes = _changes(["Kelmar and Dunholt", "Kelmar and Varenna", "Kelmar and Portis", "Dunholt and Amberlay"],
                       ["Kelmar and Dunholt", "Kelmar and Varenna", "Kelmar and Portis Harbour",
                        "Dunholt and Amberlay"])
    modified = [ch for ch in changes if ch.kind == "modified"]
    assert [(ch.old[0].text, ch.new[0].text) for ch in modified] == [
        (_routes(["Kelmar and Portis"])[0], _routes(["Kelmar and Portis Harbour"])[0])]
