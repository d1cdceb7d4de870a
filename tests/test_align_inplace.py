"""Points kept in place under their printed number, in short documents and around insertions.

Made-up drafts of the shapes a reader checks first: the closing clause reworded in other
words ("enters into force upon signature" -> "takes effect once signed"), the same clause
after an article inserted with a Latin suffix ("Article 2bis"), and a schedule whose items
all changed their figures and that an unchanged item cuts in two.
"""

from __future__ import annotations

from align_cases import number_links, numbered

from peacediff._align_config import DEFAULT
from peacediff.align import align_text
from peacediff.model import Provision


def _links(old: list[Provision], new: list[Provision], config=DEFAULT) -> set[tuple[str, str]]:
    return set(number_links(old, new, config))


_FIRST = [
    "The parties agree to an immediate ceasefire along the current line of contact.",
    "Both sides withdraw heavy weapons 30 kilometres from the line.",
    "A joint commission monitors compliance and reports monthly.",
]


def test_the_last_clause_reworded_under_its_number_links_in_place() -> None:
    old = numbered([*_FIRST, "This agreement enters into force upon signature by both parties."])
    new = numbered([*_FIRST, "It takes effect once both parties have signed it."])
    assert ("4", "4") in _links(old, new)


def test_a_last_clause_replaced_by_another_topic_stays_removed_and_added() -> None:
    old = numbered([*_FIRST, "This agreement enters into force upon signature by both parties."])
    new = numbered([*_FIRST, "Prisoners are exchanged all for all within 30 days."])
    assert ("4", "4") not in _links(old, new)


def test_a_clause_reworded_after_an_inserted_bis_article_links_in_place() -> None:
    body = ["Scope: the convention applies to the land border between the Parties.",
            "Demarcation: a joint commission of 10 members demarcates the border."]
    old = numbered([*body, "Entry into force: the convention enters into force upon signature by both Parties."],
                    ["1", "2", "3"])
    new = numbered([*body, "Observers: the OSCE may send 5 observers.",
                     "Entry into force: the convention takes effect once both Parties have signed it."],
                    ["1", "2", "2bis", "3"])
    links = _links(old, new)
    assert ("3", "3") in links
    assert not any(n == "2bis" for _o, n in links)


_NAMES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet",
          "Kilo", "Lima", "Mike", "November"]


def _checkpoints(names: list[str], days: list[int], cars: list[int]) -> list[Provision]:
    return numbered([f"The checkpoint at {n} opens within {d} days and admits {c} vehicles a day."
                      for n, d, c in zip(names, days, cars, strict=True)])


def test_a_template_list_cut_by_an_unchanged_item_aligns_each_part_in_order() -> None:
    n = len(_NAMES)
    old = _checkpoints(_NAMES, [10 + 3 * k for k in range(n)], [100 * (1 + k % 7) for k in range(n)])
    # every figure changes except item 11 (Lima), which stays word for word and cuts the list;
    # the last item takes the figures another item had, so on words alone it leans there
    days = [20 + 5 * k for k in range(n)]
    cars = [100 * (1 + (k + 3) % 7) for k in range(n)]
    days[11], cars[11] = 10 + 3 * 11, 100 * (1 + 11 % 7)
    days[-1], cars[-1] = 10 + 3 * 2, 100 * (1 + 2 % 7)
    new = _checkpoints(_NAMES, days, cars)
    assert _links(old, new) == {(str(k), str(k)) for k in range(1, n + 1)}


_ZONES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet",
          "Kilo", "Lima", "Mike", "November", "Oscar", "Papa"]


def _measures(zones: list[str], days: list[int]) -> list[Provision]:
    return numbered([f"Measure {k} applies within {d} days to zone {z}."
                      for k, (z, d) in enumerate(zip(zones, days, strict=True), 1)])


def test_a_renumbered_template_list_follows_its_names_not_its_numbers() -> None:
    """Item 7 (Golf) dropped and Zulu inserted at 12, the list renumbered in its text as in its
    numbers, every deadline changed: Hotel's measure is still Hotel's one place up."""
    old = _measures(_ZONES, [10 + 4 * k for k in range(len(_ZONES))])
    zones = [z for z in _ZONES if z != "Golf"]
    zones.insert(11, "Zulu")
    new = _measures(zones, [90 - 3 * k for k in range(len(zones))])
    links = _links(old, new)
    where = {z: str(k) for k, z in enumerate(zones, 1)}
    assert links == {(str(k), where[z]) for k, z in enumerate(_ZONES, 1) if z != "Golf"}



def test_an_amnesty_reworded_between_unchanged_clauses_links_in_place() -> None:
    """Unnumbered, no word in common: "amnesty" and "pardoned" are one drafting concept, and the
    clause sits between the same two unchanged neighbours."""
    frame = ["The parties commit to a lasting peace.", "A joint commission oversees the settlement.",
             "Disputes are referred to the guarantors."]
    old = [Provision(text=t) for t in [*frame[:2], "The amnesty covers all combatants for acts committed "
                                       "during the conflict.", frame[2]]]
    new = [Provision(text=t) for t in [*frame[:2], "Everyone who fought is pardoned for what they did in "
                                       "the war.", frame[2]]]
    result = align_text(old, new)
    assert {(lk.old, lk.new, lk.rule) for lk in result.links if lk.old == (2,)} == {((2,), (2,), "paraphrase")}


def test_those_swapped_or_exchanged_are_one_clause_in_place() -> None:
    frame = ["The parties commit to a lasting peace.", "A joint commission oversees the settlement.",
             "Disputes are referred to the guarantors."]
    old = numbered([*frame[:2], "Those held by each side are exchanged on an all-for-all basis.", frame[2]])
    new = numbered([*frame[:2], "People in custody are swapped within a month.", frame[2]])
    assert ("3", "3") in _links(old, new)


_TRADE = [
    "The Supplier shall maintain insurance against product liability with a reputable insurer.",
    "Title to the goods passes to the Buyer on full payment of the price.",
    "The warranty period is twelve months from the date of delivery.",
    "Notices under this Agreement shall be sent to the addresses in Annex 2.",
]


def test_a_confidentiality_clause_turned_round_links_in_place() -> None:
    """ "keep confidential" and "may not reveal" are one clause written either way round: as the
    first point, before an unchanged body, it links on that drafting concept and its place."""
    old = numbered(["The Parties shall keep confidential all information exchanged under this Agreement.",
                    *_TRADE])
    new = numbered(["Neither side may reveal what the other tells it under the Agreement.", *_TRADE])
    assert ("1", "1") in _links(old, new)


def test_a_confidentiality_clause_replaced_by_a_publication_duty_stays_removed_and_added() -> None:
    """Publishing is the opposite act, not the same clause turned round: no shared concept."""
    old = numbered(["The Parties shall keep confidential all information exchanged under this Agreement.",
                    *_TRADE])
    new = numbered(["Prices and yearly volumes are published on the Buyer's website.", *_TRADE])
    assert ("1", "1") not in _links(old, new)
