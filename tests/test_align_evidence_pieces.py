"""A phrase two texts share is one piece of evidence, not one per word.

A dropped last point and an inserted first point of a small made-up port agreement share "the
joint committee" and "as soon as possible": four rare words, two things in common.  Read as four,
they made a move across the whole document (and, in generated plans, the move-free property found
the same at 1,000 examples, seed 15).  Read as two, the pair stays apart, while a clause truly
moved and lightly reworded, sharing several words that do not stand together, still links.
"""

from __future__ import annotations

from align_cases import GENERATED, number_links, numbered
from hypothesis import given
from hypothesis import strategies as st

from peacediff._lexical import evidence_pieces, stem, words

_BODY = [
    "The harbour authority keeps the navigation channel dredged to a depth of nine metres.",
    "Pilots board inbound tankers at the outer buoy and stay aboard until berthing.",
    "Berth fees are invoiced monthly and paid within thirty days of the invoice.",
    "The ferry terminal remains open to foot passengers between six and midnight.",
    "Cargo handlers wear high-visibility clothing on every quay.",
    "The fish market may use the north quay on weekday mornings.",
    "Cruise ships announce their arrival to the port office forty-eight hours ahead.",
    "Fuel bunkering takes place only at the eastern jetty under supervision of the fire service.",
    "The marina operator maintains the pontoons and the visitor moorings.",
    "Lighthouse keepers report any failure of the beacon to the coastguard at once.",
    "Customs officers may inspect any container landed at the container terminal.",
]
_DROPPED = ("The Water Board must suspend the discharge licences of the tannery as soon as possible. "
            "The joint committee agrees to survey the outfalls near the slipway.")
_INSERTED = ("Both councils will review the licences of the boatyards within ten days. "
             "The joint committee should clean the culverts behind the warehouses as soon as possible.")


def _pieces(one: str, other: str, shared: str) -> int:
    """The pieces of evidence ``one`` and ``other`` share among the stems of the words ``shared``."""
    return evidence_pieces(words(one), words(other), {stem(w) for w in words(shared)})


def test_a_phrase_both_texts_hold_is_one_piece() -> None:
    assert _pieces("act as soon as possible", "as soon as possible we act", "soon possible") == 1
    assert _pieces("the joint committee meets", "a joint committee sits", "joint committee") == 1


def test_words_that_stand_apart_or_in_another_order_are_pieces_each() -> None:
    shared = "tug explosives buoy"
    assert _pieces("a tug near explosives by the buoy", "the buoy where a tug meets explosives", shared) == 2
    assert _pieces("explosives near the buoy", "the buoy near explosives", shared) == 2
    assert _pieces("tug buoy explosives", "explosives buoy tug", shared) == 3
    assert _pieces("tug, then far away in the text explosives", "tug explosives", "tug explosives") == 2


def test_figures_join_a_phrase_but_are_no_piece_alone() -> None:
    assert _pieces("up to 400,000 personnel", "troops up to 400,000 personnel", "up 400,000 personnel") == 1
    assert _pieces("within 30 days", "after 30 days", "30") == 0
    assert _pieces("", "anything", "") == 0


_WORDS = st.lists(st.sampled_from(["joint", "committee", "as", "soon", "possible", "tug", "buoy", "7", "the"]),
                  max_size=12)


@given(_WORDS, _WORDS)
def test_pieces_are_symmetric_and_never_more_than_the_shared_words(one: list[str], other: list[str]) -> None:
    shared = {stem(w) for w in one} & {stem(w) for w in other}
    pieces = evidence_pieces(one, other, shared)
    assert pieces == evidence_pieces(other, one, shared)
    assert 0 <= pieces <= sum(1 for t in shared if not t[:1].isdigit())
    if any(not t[:1].isdigit() for t in shared):
        assert pieces >= 1


def test_a_dropped_and_an_inserted_point_sharing_two_stock_phrases_make_no_move() -> None:
    old, new = numbered([*_BODY, _DROPPED]), numbered([_INSERTED, *_BODY])
    links = number_links(old, new)
    assert ("12", "1") not in links
    assert all(links[(str(k), str(k + 1))] == "exact" for k in range(1, 12))


def test_a_clause_moved_to_the_front_sharing_separate_words_still_links() -> None:
    moved_old = ("Vessels carrying explosives must anchor at the quarantine buoy and wait for written clearance "
                 "from the duty officer before any tug approaches.")
    moved_new = ("Before any tug approaches, vessels carrying explosives shall wait at anchor by the quarantine "
                 "buoy for clearance in writing from the duty officer.")
    old, new = numbered([*_BODY, moved_old]), numbered([moved_new, *_BODY])
    assert number_links(old, new)[("12", "1")] == "move"


def test_the_generated_pair_of_the_move_free_property_stays_apart() -> None:
    # Seed 15 of the move-free property at 1,000 examples: old 12 dropped, new 1 inserted.
    body = [
        GENERATED["sc"],
        GENERATED["mon"],
        GENERATED["terr"],
        GENERATED["nato"],
        "The signatories agrees to deploy international facilities of Hebabaor after the ceasefire.",
        "The Board of Peace may rebuild borders for Pibabaor and Fababaovo after the ceasefire.",
        "Both parties may return territory for Kibabaar and Bababask at 75% of the total.",
        "The monitoring mission will lift corridors for Tababaovo and Sebabaivka by 2028.",
        "The European Union is to guarantee elections for Gebabaopil and Vababaets in accordance with this agreement.",
        "Both parties shall hold forces for Tebabaan and Nababaopil at 25% of the total.",
        "Russia is to establish all ports of Vababaets up to 400,000 personnel.",
    ]
    dropped = ("The Security Council must suspend national sanctions of Rababask as soon as possible. "
               "The joint commission agrees to monitor the ports in Pibabaor of USD 5 billion.")
    inserted = ("Both parties will hold the sanctions in Mibabaan within 10 days. "
                "The joint commission should restore the facilities in Pababaor as soon as possible.")
    links = number_links(numbered([*body, dropped]), numbered([inserted, *body]))
    assert ("12", "1") not in links


def test_reach_zero_counts_every_word_and_brings_the_false_move_back() -> None:
    from peacediff._align_config import AlignConfig
    assert _pieces("act as soon as possible", "as soon as possible", "soon possible") == 1
    assert evidence_pieces(words("the joint committee"), words("a joint committee"),
                           {stem("joint"), stem("committee")}, reach=0) == 2
    old, new = numbered([*_BODY, _DROPPED]), numbered([_INSERTED, *_BODY])
    assert number_links(old, new, AlignConfig(phrase_reach=0))[("12", "1")] == "move"
