"""Stock phrases are no evidence at a document edge: a last point dropped and another appended.

A redraft that renumbers its points (a point split or inserted near the top), drops the last
point and appends an unrelated one leaves a pair alone at the end under two printed numbers.
Alone there, the pair leads every rival of its gap by the order penalty whatever it says, so the
assignment's margin is its place, and the place is what a reworded last clause holds too.  In a
document of ten points every word two provisions alone hold is rare by IDF, so the stock frame
("Both Parties shall implement ...", "The Tenant must ...") reads as shared rare words.  Such a
pair now needs ``margin_edge_min_rare`` rare words and a lead of ``margin_edge_lead`` over the
provisions linked elsewhere; a last clause reworded in its own words still links.

Made-up documents: a ten-point ceasefire treaty and a ten-clause lease.  Each refusal is also shown
to be the rule's: with the rule's fields relaxed the false pair links again.
"""

from __future__ import annotations

import pytest
from align_cases import GENERATED

from peacediff import AlignConfig, Version, compare
from peacediff.compare import Change, Comparison

_TREATY = [
    "The Parties agree on a complete ceasefire along the line of contact from the date of signature.",
    "Heavy weapons are withdrawn 30 kilometres from the line of contact within 14 days.",
    "An international mission monitors the ceasefire with patrols and drones.",
    "Prisoners of war are exchanged on an all-for-all basis within 60 days.",
    "Displaced civilians may return to their homes under the protection of the mission.",
    "A reconstruction fund is created and financed by donor states.",
    "Sanctions are eased in stages as the Parties meet their commitments.",
    "Local elections are held within one year under international observation.",
    "A joint commission settles disputes about the interpretation of this agreement.",
    "Both Parties shall implement the provisions on cultural heritage and restore damaged monuments.",
]
#: Point 1 split in two: every later point moves down one number.
_TREATY_SPLIT = ["The Parties agree on a complete ceasefire along the line of contact.",
                 "The ceasefire applies from the date of signature."]

_LEASE = [
    "The Landlord lets the flat at 12 Harbour Street to the Tenant for a term of two years.",
    "Rent of 950 euros is paid on the first day of each month.",
    "The deposit equals two months of rent and is held in a protected scheme.",
    "The Landlord repairs the structure, the roof and the heating system.",
    "Pets are allowed only with written consent.",
    "Subletting needs the Landlord's prior approval.",
    "Either side may end the lease with three months' notice after the first year.",
    "Meter readings are taken at the start and at the end of the tenancy.",
    "Disputes go to the local mediation service before any court.",
    "The Tenant must keep the garden tidy and cut the hedges twice a year.",
]
#: Inserted after clause 4: every later clause moves down one number.
_ALARMS = "Smoke alarms are tested by the Landlord every six months."

#: The rule relaxed: one rare word is enough, and beating the linked provisions at all.
_RELAXED = AlignConfig(margin_edge_min_rare=1, margin_edge_lead=0.0)


def _treaty(last: str) -> tuple[list[str], list[str]]:
    return _TREATY, [*_TREATY_SPLIT, *_TREATY[1:9], last]


def _lease(last: str, *, insert: bool = True) -> tuple[list[str], list[str]]:
    head = [*_LEASE[:4], _ALARMS] if insert else _LEASE[:4]
    return _LEASE, [*head, *_LEASE[4:9], last]


def _compare(old: list[str], new: list[str], config: AlignConfig | None = None) -> Comparison:
    return compare(Version.from_texts("old", old), Version.from_texts("new", new), align="text", config=config)


def _change_of(c: Comparison, old_text: str) -> Change:
    return next(ch for ch in c.changes if any(p.text == old_text for p in ch.old))


def _linked(c: Comparison, old_text: str, new_text: str) -> Change | None:
    """The change that links the two texts, if any."""
    ch = _change_of(c, old_text)
    return ch if any(p.text == new_text for p in ch.new) else None


# --------------------------------------------------------------------------- the false shape

_APPENDED = [
    # The treaty's stock frame and one word ("implement") only these two points hold.
    pytest.param(_treaty, "Both Parties shall implement a programme to clear landmines from farmland.", id="treaty"),
    # The lease's frame and "garden".
    pytest.param(_lease, "The Tenant must report damage to the garden shed within a week.", id="lease"),
]


@pytest.mark.parametrize(("document", "appended"), _APPENDED)
def test_a_dropped_last_point_and_an_appended_one_sharing_the_frame_stay_apart(document, appended):
    old, new = document(appended)
    c = _compare(old, new)
    dropped = _change_of(c, old[-1])
    assert dropped.kind == "removed"
    assert not dropped.new
    added = next(ch for ch in c.changes if any(p.text == appended for p in ch.new))
    assert added.kind == "added"
    # The rule's own: relaxed, the assignment links them in the margin band (as it did before).
    relaxed = _linked(_compare(old, new, _RELAXED), old[-1], appended)
    assert relaxed is not None and relaxed.kind == "modified" and relaxed.rule == "assignment"


@pytest.mark.parametrize(("document", "appended"), _APPENDED)
def test_the_shape_is_refused_in_both_directions(document, appended):
    old, new = document(appended)
    back = _compare(new, old)
    assert _change_of(back, appended).kind == "removed"


def test_an_appended_point_closer_to_a_kept_one_than_to_the_dropped_one_stays_apart():
    """Two words only the pair holds ("keep", "garden"), but the appended clause is about pets, the
    subject of kept clause 5, which it resembles nearly as much (0.28 against 0.33)."""
    appended = "The Tenant must keep pets out of the garden unless the Landlord gives written consent."
    old, new = _lease(appended)
    assert _change_of(_compare(old, new), old[-1]).kind == "removed"
    assert _linked(_compare(old, new, AlignConfig(margin_edge_lead=0.0)), old[-1], appended) is not None


def test_three_shared_stock_words_do_not_lead_the_document():
    """Three words only the pair holds ("deploy", "international", "agrees"): rare by IDF in seven
    points, but a kept point shares as much with the appended one ("The monitoring mission ...
    by 2028"), so the words lead nothing.  (The precision property at 1,000 examples, seed 40, in
    the generator's vocabulary.)"""
    kept = [GENERATED["mon"],
            GENERATED["sc"],
            GENERATED["nato"],
            GENERATED["terr"],
            "Ukraine should exchange military agreements of Bibabask at 25% of the total.",
            "Both parties must implement joint agreements of Mibabaan in Rebabaar and Hebabaor."]
    dropped = "The signatories agrees to deploy international facilities of Hebabaor after the ceasefire."
    appended = ("The monitoring mission is to deploy joint corridors of Sababavka by 2028. Russia agrees to "
                "review the agreements in Fibabaovo under international supervision.")
    old = Version.from_texts("old", [*kept, dropped])
    new = Version.from_texts("new", [(str(k), t) for k, t in enumerate([*kept, appended], start=2)])
    c = compare(old, new, align="text")
    assert _change_of(c, dropped).kind == "removed"
    relaxed = compare(old, new, align="text", config=AlignConfig(margin_edge_lead=0.0))
    assert any(p.text == appended for p in _change_of(relaxed, dropped).new)


def test_the_stress_case_of_a_split_first_point_and_a_replaced_last_one():
    """The precision property at 1,000 examples, seed 30 (the generator's texts): point 1 split, the
    last point dropped and another appended under the next number; the two share "Both parties
    must implement" and "agreement" (cosine 0.20, one rare word)."""
    old = ["The Board of Peace undertakes to withdraw funds for Bababask and Fababaovo within 25 days. The "
           "Board of Peace agrees to implement weapons for Pebabaino and Kababaar of USD 60 billion.",
           GENERATED["sc"],
           GENERATED["mon"],
           GENERATED["terr"],
           GENERATED["nato"],
           GENERATED["ukr"],
           "The joint commission agrees to transfer assistance for Gababaets and Gibabaets of USD 90 billion.",
           "Ukraine undertakes to monitor the guarantees in Kibabaar for 100 years. Russia should rebuild "
           "military borders of Debabaivka in Kebabask and Mababaan.",
           "The European Union may protect guarantees for Nababaopil and Febabaan in Zababaino and Lebabavka. "
           "The joint commission shall hold frozen assets of Tebabaan before the elections. The United States "
           "agrees to review the schools in Pababaor after the ceasefire.",
           "Both parties must implement joint agreements of Mibabaan in Rebabaar and Hebabaor. The joint "
           "commission must establish the obligations in Kebabask before the elections."]
    appended = ("The Security Council may implement regional assistance of Bebabaar within 60 days. Both parties "
                "must return borders for Vababaets and Nibabaopil in accordance with this agreement. The "
                "Security Council may recognise corridors for Hababaino and Kababaar by 2028.")
    first, second = old[0].split(" The Board", 1)
    new = [first, "The Board" + second, *old[1:-1], appended]
    c = _compare(old, new)
    assert _change_of(c, old[-1]).kind == "removed"
    assert _change_of(c, old[0]).kind == "split"
    assert _linked(_compare(old, new, _RELAXED), old[-1], appended) is not None


def _lettered_treaty(first: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The treaty with its last point first, redrafted under lettered articles with a new first one."""
    old = [_TREATY[-1], *_TREATY[:-1]]
    return old, [(chr(ord("A") + k), t) for k, t in enumerate([first, *old[1:]])]


@pytest.mark.parametrize(("first", "linked"), [
    ("Both Parties shall implement a programme to clear landmines from farmland.", False),
    ("Both Parties shall safeguard cultural heritage, including archives and places of worship.", True),
])
def test_the_first_edge_reads_the_same(first, linked):
    """A first point replaced (or reworded) in a redraft that letters its articles: alone at the start
    under two numbers, as the last points are at the end."""
    old, new = _lettered_treaty(first)
    c = compare(Version.from_texts("old", old), Version.from_texts("new", new), align="text")
    assert (_linked(c, old[0], first) is not None) == linked
    relaxed = compare(Version.from_texts("old", old), Version.from_texts("new", new), align="text", config=_RELAXED)
    assert _linked(relaxed, old[0], first) is not None


# --------------------------------------------------------------------------- the true shape (guards)

_REWORDED = [
    pytest.param(_treaty, "Both Parties shall protect the cultural heritage of the region and repair monuments "
                          "damaged in the war.", id="treaty-close"),
    pytest.param(_treaty, "Both Parties shall safeguard cultural heritage, including archives and places of worship.",
                 id="treaty-two-words"),
    pytest.param(_treaty, "The Parties restore the monuments that the war damaged.", id="treaty-short"),
    pytest.param(_lease, "The Tenant looks after the garden and trims the hedges twice a year.", id="lease"),
]


@pytest.mark.parametrize(("document", "reworded"), _REWORDED)
def test_a_last_clause_reworded_under_a_shifted_number_still_links(document, reworded):
    old, new = document(reworded)
    change = _linked(_compare(old, new), old[-1], reworded)
    assert change is not None
    assert change.kind == "modified"
    assert change.rule == "assignment"
    assert [p.number for p in change.old] == ["10"] and [p.number for p in change.new] == ["11"]


def test_a_last_clause_reworded_under_its_own_number_needs_no_more():
    """Kept under its number at the same end, the place is firm: one rare word is enough."""
    reworded = "The Tenant must look after the garden."
    old, new = _lease(reworded, insert=False)
    change = _linked(_compare(old, new), old[-1], reworded)
    assert change is not None and change.kind == "modified"


def test_two_rewritten_clauses_at_the_end_lead_each_other_by_their_words():
    """Two clauses rewritten at the end: each pair leads the other clause of its gap on its words,
    so neither is alone at the edge, and the one-word pair ("garden") links as before."""
    last_two = ["Any dispute is first put to mediation.", "The Tenant must look after the garden."]
    old, new = _LEASE, [*_LEASE[:4], _ALARMS, *_LEASE[4:8], *last_two]
    c = _compare(old, new)
    assert _linked(c, _LEASE[8], last_two[0]) is not None
    garden = _linked(c, _LEASE[9], last_two[1])
    assert garden is not None and garden.rule == "assignment"


def test_a_point_reworded_between_kept_points_is_placed_by_them():
    """Between two kept points the place is firm: the edge rule does not apply there."""
    reworded = "The lease may be ended by either side on notice after the first year."
    old, new = _LEASE, [*_LEASE[:4], _ALARMS, *_LEASE[4:6], reworded, *_LEASE[7:]]
    change = _linked(_compare(old, new), _LEASE[6], reworded)
    assert change is not None and change.kind == "modified"
