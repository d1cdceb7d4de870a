"""Which provision became which (peacediff.align): key and text alignment, moves."""

from __future__ import annotations

import sys

import attrs
import pytest
from align_cases import GENERATED, index_links, numbered
from hypothesis import given
from hypothesis import strategies as st

from peacediff import textdiff
from peacediff._align_config import DEFAULT
from peacediff._lexical import stem
from peacediff._matching import assign, hungarian
from peacediff.align import (
    TEXT_PASSES,
    AlignConfig,
    Link,
    _nearest,
    align_keys,
    align_text,
    moved_links,
    normalise,
)
from peacediff.compare import compare, shown_similarity
from peacediff.model import Provision, Version


def P(text, number=None, key=None, origins=()):
    return Provision(text=text, number=number, key=key, origins=origins)


def pairs(alignment):
    return sorted((lk.old, lk.new, lk.matched_by) for lk in alignment.links)


# --------------------------------------------------------------------------- keys


def test_keys_link_across_renumbering():
    old = [P("Sovereignty.", "1", "sov"), P("Army cap 600,000.", "6", "army")]
    new = [P("Army cap 800,000.", "4", "army"), P("Sovereignty.", "1", "sov")]
    assert pairs(align_keys(old, new)) == [((0,), (1,), "key"), ((1,), (0,), "key")]


def test_keys_split_and_merge_from_origins():
    old = [P("x and y", key="xy"), P("a", key="a"), P("b", key="b")]
    new = [P("x", key="xy"), P("y", key="y", origins=("xy",)), P("a and b", key="a", origins=("b",))]
    assert pairs(align_keys(old, new)) == [((0,), (0, 1), "split"), ((1, 2), (2,), "merge")]


def test_keys_origins_on_the_old_side_read_backwards():
    old = [P("x", key="xy"), P("y", key="y", origins=("xy",))]
    new = [P("x and y", key="xy")]
    assert pairs(align_keys(old, new)) == [((0, 1), (0,), "merge")]


def test_keys_many_to_many_lineage_keeps_plain_key_links_only():
    old = [P("a", key="a"), P("b", key="b")]
    new = [P("a2", key="a", origins=("b",)), P("b2", key="b", origins=("a",))]
    assert pairs(align_keys(old, new)) == [((0,), (0,), "key"), ((1,), (1,), "key")]


def test_unkeyed_provisions_are_aligned_by_text_among_themselves():
    old = [P("Keyed.", key="k"), P("Elections are held within 100 days of signing.")]
    new = [P("Elections are held within 60 days of signing."), P("Keyed.", key="k")]
    assert pairs(align_keys(old, new)) == [((0,), (1,), "key"), ((1,), (0,), "similarity")]


# --------------------------------------------------------------------------- text

OLD = [
    P("Ukraine's sovereignty is confirmed.", "1"),
    P("Russia, Ukraine and Europe conclude a non-aggression pact.", "2"),
    P("NATO does not expand further.", "3"),
    P("Ukraine's armed forces are capped at 600,000 personnel.", "4"),
    P("Elections are held within 100 days.", "5"),
]


def test_exact_text_links_and_anchors():
    result = align_text(OLD, OLD)
    assert pairs(result) == [((i,), (i,), "exact") for i in range(5)]
    assert result.moved == frozenset()


def test_normalised_text_is_an_exact_link():
    new = [P("UKRAINE'S  sovereignty -- is confirmed", "1")]
    assert pairs(align_text(OLD[:1], new)) == [((0,), (0,), "exact")]
    assert normalise("Ukraine's  forces: 600,000.") == "ukraine s forces 600 000"


def test_edited_provision_links_by_similarity():
    new = [*OLD[:3], P("Ukraine's armed forces are capped at 800,000 personnel in peacetime.", "4"), OLD[4]]
    result = align_text(OLD, new)
    link = next(lk for lk in result.links if lk.old == (3,))
    assert link.new == (3,) and link.matched_by in ("number", "similarity")
    assert link.similarity is not None and link.similarity > 0.5


def test_same_number_needs_some_similarity():
    """A new clause that inherits a number is not the old one."""
    old = [P("Ukraine's sovereignty is confirmed.", "1"), P("Sanctions are lifted in stages.", "2")]
    new = [P("Ukraine's sovereignty is confirmed.", "1"), P("A joint commission monitors the ceasefire.", "2")]
    result = align_text(old, new)
    assert pairs(result) == [((0,), (0,), "exact")]
    assert result.possible == {}


def test_rewritten_point_keeping_its_number_links_by_number_below_the_similarity_bar():
    old = [OLD[0], P("Sanctions on Russia are lifted in stages and reviewed case by case.", "2"), OLD[2]]
    new = [
        OLD[0],
        P("Relief from sanctions follows the ceasefire and is reviewed by the joint commission.", "2"),
        OLD[2],
    ]
    result = align_text(old, new)
    assert ((1,), (1,), "number") in pairs(result)
    sim = result.links[1].similarity
    assert sim is not None and DEFAULT.number_min_sim <= sim < DEFAULT.sim_min
    # With another number, and another new point before it, the slot pass links it as the last
    # point of the slot on both sides (the same place, counted from the end).
    extra = P("Prisoners are exchanged all for all.", "8")
    result = align_text(old, [new[0], extra, P(new[1].text, "9"), new[2]])
    assert [(lk.old, lk.new, lk.rule) for lk in result.links if lk.rule != "exact"] == [((1,), (2,), "slot")]
    # Between two new points it holds no place of the old one's; sanctions being the only drafting
    # concept the two share in that gap, the paraphrase pass links them, and says it is unsure
    # (rule and a score under sim_min).
    after = P("Refugees may return to their homes.", "10")
    result = align_text(old, [new[0], extra, P(new[1].text, "9"), after, new[2]])
    assert [(lk.old, lk.new, lk.rule) for lk in result.links if lk.rule != "exact"] == [((1,), (2,), "paraphrase")]
    assert (result.links[1].similarity or 0.0) < DEFAULT.sim_min
    # Without the paraphrase pass it stays apart (removed + added, possible match).
    result = align_text(old, [new[0], extra, P(new[1].text, "9"), after, new[2]], AlignConfig(paraphrase_unique_max=0))
    assert len(result.links) == 2 and result.possible[("old", 1)][0] == 2
    # Alone between the same two neighbours on both sides (a slot), shared distinctive words
    # ("sanctions", "reviewed") link it despite the new number.
    result = align_text(old, [new[0], P(new[1].text, "9"), new[2]])
    assert ((1,), (1,), "similarity") in pairs(result)


def test_slot_needs_distinctive_shared_words():
    # A replaced clause in a slot, sharing only words every point uses: not the same point.
    old = [P("Alpha point on sovereignty.", "1"), P("Bravo point on sanctions.", "2"),
           P("Charlie point on elections.", "3")]
    new = [old[0], P("Zulu point on prisoners.", "7"), old[2]]
    result = align_text(old, new)
    assert len(result.links) == 2


def test_renumbered_provision_is_not_linked_to_the_one_taking_its_number():
    old = [OLD[0], OLD[1], OLD[2], OLD[3]]
    new = [OLD[0], OLD[2].__class__(text=OLD[2].text, number="2"), P(OLD[3].text, "3")]
    result = align_text(old, new)
    assert pairs(result) == [((0,), (0,), "exact"), ((2,), (1,), "exact"), ((3,), (2,), "exact")]


def test_split_is_detected_by_concatenation_gain():
    old = [
        OLD[0],
        P(
            "Ukraine's armed forces are capped at 600,000 personnel. "
            "Long-range missiles capable of reaching Moscow are banned from Ukrainian territory.",
            "2",
        ),
        OLD[4],
    ]
    new = [
        OLD[0],
        P("Ukraine's armed forces are capped at 800,000 personnel.", "2"),
        P("Long-range missiles able to reach Moscow are banned in Ukraine.", "3"),
        OLD[4],
    ]
    assert ((1,), (1, 2), "split") in pairs(align_text(old, new))


def test_merge_is_detected_by_concatenation_gain():
    old = [
        OLD[0],
        P("Ukraine's armed forces are capped at 600,000 personnel.", "2"),
        P("Long-range missiles capable of reaching Moscow are banned from Ukrainian territory.", "3"),
        OLD[4],
    ]
    new = [
        OLD[0],
        P(
            "Ukraine's armed forces are capped at 600,000 personnel, and long-range missiles capable of "
            "reaching Moscow are banned.",
            "2",
        ),
        OLD[4],
    ]
    assert ((1, 2), (1,), "merge") in pairs(align_text(old, new))


def test_near_duplicate_added_point_is_not_a_split():
    new = [*OLD, P("Ukraine's armed forces are capped at 600,000 personnel.", "6")]
    new[5] = P("Ukraine's navy is capped at 600,000 personnel.", "6")
    result = align_text(OLD, new)
    assert ((3,), (3,), "exact") in pairs(result)
    assert all(len(lk.new) == 1 for lk in result.links)


def test_rewritten_beyond_recognition_is_unlinked_with_a_possible_match():
    old = [OLD[0], P("Elections are held within 100 days of the signature.", "2")]
    new = [P("Voting takes place as soon as possible; elections follow the signature of the deal.", "1"), OLD[0]]
    result = align_text(old, new)
    assert pairs(result) == [((0,), (1,), "exact")]
    assert result.possible[("old", 1)][0] == 0
    assert result.possible[("new", 0)][0] == 1


def test_inflections_and_number_words_are_the_same_word():
    # "voting" / "vote", "sixteen" / "Sixteen-year-olds": a moved point needs MOVED_MIN_SIM,
    # which it reaches only when these count as shared words.
    old = [*OLD, P("The voting age for regional elections is lowered to sixteen.", "6")]
    new = [P("Sixteen-year-olds vote in regional elections; the age was lowered.", "1"),
           *[P(p.text, str(k + 2)) for k, p in enumerate(OLD)]]
    result = align_text(old, new)
    assert ((5,), (0,), "similarity") in pairs(result)
    assert result.moved == frozenset({0})
    assert [stem(w) for w in ("vote", "voted", "voting", "agreed", "agree", "committed", "falling")] == [
        "vot", "vot", "vot", "agree", "agree", "commit", "fall",
    ]
    assert stem("sixteen") == stem("16") == "16"


def test_identical_points_keep_their_order():
    a = P("The joint commission meets monthly.", "1")
    b = P("The joint commission meets monthly.", "2")
    edited = P("The joint commission meets every month.", "2")
    result = align_text([a, b], [P("A new point on prisoners of war.", "1"), P(a.text, "2"), edited])
    assert result.moved == frozenset()


def test_moved_and_edited_provision_is_linked_and_flagged():
    moved = P("Elections are held within 100 days, under international observation.", "1")
    new = [moved, *[P(p.text, str(k + 2)) for k, p in enumerate(OLD[:4])]]
    result = align_text(OLD, new)
    link = next(k for k, lk in enumerate(result.links) if lk.old == (4,))
    assert result.links[link].new == (0,)
    assert result.moved == frozenset({link})


def test_candidate_search_on_common_words_only_falls_back_to_nearest():
    config = AlignConfig(posting_cap=1, gap_pairs=0)
    old = [P(f"the {w} of the parties") for w in ("xray", "yankee", "zulu")]
    new = [P(f"the {w} of all parties") for w in ("xray", "yankee", "zulu")]
    result = align_text(old, new, config)
    assert pairs(result) == [((k,), (k,), "similarity") for k in range(3)]


def test_large_contested_group_falls_back_to_greedy_with_a_note():
    config = AlignConfig(assign_exact_max=2)
    anchors = [P(f"Unrelated point {w} on prisoners.") for w in ("lima", "mike", "oscar", "papa", "quebec")]
    old = [*anchors, P("Alpha bravo charlie delta echo."), P("Alpha bravo charlie delta foxtrot.")]
    new = [*anchors, P("Alpha bravo charlie delta echo golf."), P("Alpha bravo charlie delta foxtrot hotel.")]
    result = align_text(old, new, config)
    assert ((5,), (5,), "similarity") in pairs(result)
    assert any("greedily" in note for note in result.notes)


# --------------------------------------------------------------------------- moves


def L(i, j):
    return Link((i,), (j,), "key")


def test_no_moves_when_order_is_kept_despite_insertions_and_removals():
    assert moved_links([L(0, 0), L(2, 1), L(3, 5), L(7, 6)]) == frozenset()


def test_only_the_minimal_set_moves():
    # One provision goes from the end to the front: it alone moved.
    links = [L(5, 0), L(0, 1), L(1, 2), L(2, 3), L(3, 4), L(4, 5)]
    assert moved_links(links) == frozenset({0})


def test_swap_without_tiebreak_flags_both_and_tiebreak_picks_one():
    assert moved_links([L(0, 1), L(1, 0)]) == frozenset({0, 1})
    assert moved_links([L(0, 1), L(1, 0)], tiebreak=lambda k: (5, 1)[k]) == frozenset({1})


def test_moves_are_symmetric_under_swapping_sides():
    links = [L(0, 3), L(1, 0), L(2, 1), L(3, 2), L(4, 6), L(5, 5), L(6, 4)]
    swapped = [Link(lk.new, lk.old, "key") for lk in links]
    weights = [7, 3, 9, 1, 4, 4, 2]
    assert moved_links(links, lambda k: weights[k]) == moved_links(swapped, lambda k: weights[k])


@pytest.mark.skipif(sys.flags.optimize > 0, reason="asserts stripped")
def test_hungarian_is_optimal_on_a_small_case():
    weights = {(0, 0): 0.6, (0, 1): 0.2, (1, 0): 0.2}
    assert hungarian([0, 1], [0, 1], weights) == [(0, 0)]
    weights = {(0, 0): 0.5, (0, 1): 0.45, (1, 0): 0.45}
    assert sorted(hungarian([0, 1], [0, 1], weights)) == [(0, 1), (1, 0)]


# --------------------------------------------------------------------------- parts that only match together

HOMES = P("The government builds 400,000 social homes before the end of the term.", "2")
RENTS = P("Rent increases in districts short of housing are capped at 2% a year.", "3")
# Another number, so that no number pass links a part on its own.
HOUSING = P("To ease the housing shortage the government builds 300,000 affordable homes and caps rent "
            "increases at 2% a year.", "7")


def test_merge_whose_parts_compete_for_the_partner_links_as_a_group():
    old, new = [OLD[0], HOMES, RENTS, OLD[4]], [OLD[0], HOUSING, OLD[4]]
    assert ((1, 2), (1,), "merge") in pairs(align_text(old, new))
    # The same pair read backwards is a split.
    assert ((1,), (1, 2), "split") in pairs(align_text(new, old))
    # Without the joint pass each part is the other's runner-up and neither wins the margin.
    no_joint = AlignConfig(joint_min_sim=1.0)
    assert all(lk.old != (1, 2) for lk in align_text(old, new, no_joint).links)


def test_joint_parts_must_be_adjacent():
    # A provision linked in between: the two are not one merged point.
    between = P("Prisoners are exchanged all for all within 30 days.", "3")
    old = [OLD[0], HOMES, between, RENTS, OLD[4]]
    new = [OLD[0], HOUSING, between, OLD[4]]
    assert not any(len(lk.old) > 1 for lk in align_text(old, new).links)


def test_gap_with_several_unlinked_links_mutual_best_pairs_only():
    elections = P("Ukrainian elections take place within 100 days of the signature.", "2")
    unrelated = P("A joint humanitarian committee handles prisoners and civilian detainees.", "3")
    polls = P("Elections take place as soon as possible, and no later than 100 days after signature.", "5")
    old = [OLD[0], elections, unrelated, OLD[4]]
    new = [OLD[0], polls, OLD[4]]
    result = align_text(old, new)
    assert ((1,), (1,), "similarity") in pairs(result)
    assert all(2 not in lk.old for lk in result.links)


def test_weak_link_crossing_a_firm_one_is_undone_even_without_anchors():
    # Found by test_no_false_moves_on_move_free_input: no exact anchor, so the two links
    # fell in one gap, and a dropped point linked to an inserted one that shares a phrase.
    old = [
        P("Both parties implement joint agreements of Mibabaan in Rebabaar. The joint commission "
          "establishes the obligations in Kebabask before the elections.", "1"),
        P("The parties establish courts for Sebabaivka and Rebabaar subject to review by Kebabask.", "2"),
    ]
    new = [
        P("Europe funds the weapons in Bebabaar. Russia agrees to review courts for Sababavka and Mibabaan "
          "subject to review by Nababaopil.", "1"),
        P("Additional parties implement joint agreements of Mibabaan in Rebabaar. The joint commission "
          "establishes the obligations in Kebabask before the elections.", "2"),
    ]
    result = align_text(old, new)
    assert pairs(result) == [((0,), (1,), "similarity")]
    assert not result.moved
    assert result.possible[("old", 1)][0] == 0  # kept as a hint


_SWAPPED = [
    P("The ceasefire takes effect at noon on the day of signature.", "1"),
    P("Prisoners of war are exchanged all for all within 30 days.", "2"),
    P("The monitoring mission deploys 500 observers along the contact line.", "3"),
    P("Humanitarian corridors shall be opened along the Tarsa-Meleni road and at the Ostra crossing "
      "for civilians and relief convoys.", "4"),
    P("Elections are held within 100 days.", "5"),
    *(P(text, str(k)) for k, text in enumerate([
        "A joint commission settles disputes.", "Sanctions are lifted in stages.",
        "Frozen assets fund the reconstruction.", "Mines are cleared under observation.",
        "Both sides release civilian detainees.", "The nuclear plant restarts under supervision.",
    ], start=6)),
]


@pytest.mark.parametrize(("rewritten", "linked"), [
    # five rare words in common and no rival: a clear move, below MOVED_MIN_SIM
    ("Relief goods and civilians may use routes through Tarsa, Meleni and Ostra, kept open at all "
     "hours under a schedule drawn up by the two armies with the Red Cross, and convoys cross freely.", True),
    # the same topic with two distinctive words: removed + added, with a possible match
    ("Relief goods and civilians may use safe routes, kept open at all hours under a joint schedule "
     "agreed by both armies.", False),
])
def test_a_rewritten_point_moved_past_firm_links_needs_clear_evidence(rewritten: str, linked: bool) -> None:
    old = _SWAPPED
    new = [old[0], P(rewritten, "2"), P(old[1].text.replace("30", "45"), "3"),
           P(old[2].text.replace("500", "700"), "4"), *old[4:]]
    result = align_text(old, new)
    moved_link = ((3,), (1,), "similarity")
    assert (moved_link in pairs(result)) is linked
    if linked:
        assert result.links[0].old == (0,) and [result.links[k].old for k in result.moved] == [(3,)]
        assert result.links[1].similarity < DEFAULT.moved_min_sim
    else:
        assert result.possible[("old", 3)][0] == 1
    assert ((1,), (2,), "similarity") in pairs(result) and ((2,), (3,), "similarity") in pairs(result)


# Cases found by the property tests at 1,000 examples (HYPOTHESIS_PROFILE=stress), in the
# generator's vocabulary: made-up place names, a handful of verbs and boilerplate phrases.
_GEN = GENERATED


def _texts(*texts: str) -> list[Provision]:
    return [P(t, str(k)) for k, t in enumerate(texts, start=1)]


def test_a_number_link_that_crosses_a_firm_link_is_undone():
    # A dropped point's number lands on an inserted near-duplicate of its neighbour, across the
    # firm link of an edited point: the numbering moved, so the number is no evidence.
    g = _GEN
    old = _texts(g["terr"], g["nato"], g["ukr"], g["both"], g["sc"],
                 "The joint commission shall suspend joint facilities of Dababavka before the elections.", g["mon"])
    new = _texts("The Security Council may implement regional assistance of Bebabaar within 60 days.",
                 g["terr"], g["nato"], g["ukr"], g["both"], "additional" + g["both"][4:],
                 "additional" + g["sc"][3:], g["mon"])
    result = align_text(old, new)
    assert all(5 not in lk.old for lk in result.links)
    assert ((4,), (6,), "similarity") in pairs(result) and not result.moved


_RECOGNISE = ("The parties shall recognise the elections in Mibabaan for 30 years. The parties should lift the "
              "prisoners in Mibabaan in Debabaivka and Kibabaar. The Board of Peace will negotiate the territory "
              "in Mababaan in accordance with this agreement.")
_TAIL = (
    _GEN["both"], _GEN["sc"], _GEN["mon"], _GEN["terr"], _GEN["ukr"],
    "The monitoring mission will lift corridors for Tababaovo and Sebabaivka by 2028. The Government must "
    "limit schools for Lababaivka and Tababaovo after the ceasefire. The parties will guarantee the forces in "
    "Nebabaets within 100 days.",
    "Russia is to establish all ports of Vababaets up to 400,000 personnel. The monitoring mission will "
    "negotiate nuclear sanctions of Zababaino after the ceasefire.",
)
_ASAP = "The Government will support the courts in Dababavka as soon as possible."


def test_a_merge_is_found_before_a_one_to_one_pairing_can_take_its_parts():
    # Two old points merged into one, beside an inserted point that shares an idiom with one of
    # them: the one-to-one assignment must not take a part first and leave a false move.
    recognise = _RECOGNISE.split(". ", 1)
    old = _texts(_GEN["nato"], _RECOGNISE, _GEN["courts"], _GEN["board"], *_TAIL)
    new = _texts(_GEN["nato"], recognise[0] + ".", recognise[1], _ASAP,
                 _GEN["courts"] + " " + _GEN["board"], *_TAIL)
    result = align_text(old, new)
    assert ((2, 3), (4,), "merge") in pairs(result) and ((1,), (1, 2), "split") in pairs(result)
    assert all(3 not in lk.new for lk in result.links) and not result.moved


def test_a_shared_idiom_is_not_a_move():
    # "as soon as possible" is all a dropped point and one inserted at the top share.
    ukr = _GEN["ukr"].split(". ", 1)
    old = _texts(_GEN["ukr"], _TAIL[-1], _RECOGNISE, _GEN["board"], *_TAIL[:-1])
    new = _texts(_ASAP, ukr[0] + ".", ukr[1], _TAIL[-1], _RECOGNISE, *_TAIL[:-1])
    result = align_text(old, new)
    assert all(3 not in lk.old for lk in result.links) and not result.moved
    assert result.possible[("old", 3)][0] == 0


def test_a_split_part_with_a_near_duplicate_takes_the_closer_copy():
    whole = ("The signatories shall protect humanitarian troops of Fababaovo in accordance with this agreement. "
             "The European Union should monitor national zones of Kababaar after the ceasefire.")
    first, second = whole.split(". ", 1)
    new = _texts(_GEN["both"], first + ".", "additional" + first[3:] + ".", second)
    result = align_text(_texts(whole), new)
    assert pairs(result) == [((0,), (1, 3), "split")]


def test_boilerplate_in_a_tiny_document_is_no_link():
    # Three points: IDF cannot tell "in accordance with this agreement" from content, so a
    # link below SIM_LINK needs a word that is rare by any measure.
    old = _texts(_GEN["sc"], _GEN["gov"])
    new = _texts("The Government should fund facilities for Debabaivka and Gababaets in accordance with "
                 "this agreement.")
    result = align_text(old, new)
    assert result.links == () and result.possible[("new", 0)][0] == 1


def test_a_slot_at_the_document_edge_needs_rare_shared_words():
    # The last point dropped and a new one appended: a slot only by the document's end.
    g = _GEN
    old = _texts(g["ukr"], g["both"])
    parts = g["ukr"].split(". ")
    new = _texts(parts[0] + ".", ". ".join(parts[1:]),
                 "The Security Council may implement regional assistance of Bebabaar within 60 days. Both "
                 "parties must return borders for Vababaets and Nibabaopil in accordance with this agreement.")
    result = align_text(old, new)
    assert pairs(result) == [((0,), (0, 1), "split")]


def test_numbering_in_step_needs_more_than_a_shared_figure():
    # A dropped point and an inserted one under the same number, in step, sharing only "25".
    g = _GEN
    old = _texts(g["mon"], g["terr"], g["nato"],
                 "The Board of Peace should rebuild funds for Tebabaan and Bebabaar as soon as possible.",
                 g["both"], g["sc"])
    new = _texts(g["mon"], g["terr"],
                 "Europe undertakes to protect elections for Rababask and Zababaino for 25 years. The Board of "
                 "Peace will recognise the funds in Tebabaan before the elections.", g["both"], g["sc"])
    result = align_text(old, new)
    assert all(2 not in lk.old for lk in result.links)
    assert ((3,), (2,), "similarity") in pairs(result)


# --------------------------------------------------------------------------- config, rules, passes


def test_rule_names_the_pass_beside_the_family():
    old = [OLD[0], P("Sanctions on Russia are lifted in stages and reviewed case by case.", "2"), OLD[2]]
    new = [OLD[0], P("Relief from sanctions follows the ceasefire and is reviewed by the joint commission.", "2"),
           OLD[2]]
    by_number = align_text(old, new).links[1]
    assert (by_number.matched_by, by_number.rule) == ("number", "number")
    # The same rewritten point under another number, alone between the same neighbours: a slot.
    by_slot = align_text(old, [new[0], P(new[1].text, "9"), new[2]]).links[1]
    assert (by_slot.matched_by, by_slot.rule) == ("similarity", "slot")
    assert {lk.rule for lk in align_text(OLD, OLD).links} == {"exact"}


def test_passes_are_counted_in_run_order():
    new = [*OLD[:3], P("Ukraine's armed forces are capped at 800,000 personnel in peacetime.", "9"), OLD[4]]
    result = align_text(OLD, new)
    assert [name for name, _count in result.passes] == list(TEXT_PASSES)
    counts = dict(result.passes)
    assert counts["exact"] == 4 and counts["assignment"] == 1
    made = sum(n for name, n in result.passes if name not in ("demotion", "possible-match"))
    assert made == len(result.links)
    keyed = align_keys([P("a", key="a"), P("Elections within 100 days.")],
                       [P("a", key="a"), P("Elections within 100 days, observed.")])
    assert [name for name, _n in keyed.passes] == ["key", "origins", *TEXT_PASSES]
    assert dict(keyed.passes)["key"] == 1 and dict(keyed.passes)["assignment"] == 1


def test_config_is_validated_and_names_the_field():
    with pytest.raises(ValueError, match="sim_min"):
        AlignConfig(sim_min=1.5)
    with pytest.raises(ValueError, match="posting_cap"):
        AlignConfig(posting_cap=0)
    with pytest.raises(ValueError, match="must not exceed sim_link"):
        AlignConfig(sim_min=0.5, sim_link=0.45)
    with pytest.raises(ValueError, match="joint_max_parts"):
        AlignConfig(joint_max_parts=True)
    assert list(AlignConfig().to_dict())[:2] == ["sim_link", "sim_min"]


def test_compare_takes_a_config_and_records_it():
    old = Version.from_texts("a", [p.text for p in OLD])
    edited = [*[p.text for p in OLD[:4]], "Elections take place once the deal is signed, within 100 days."]
    new = Version.from_texts("b", edited)
    default = compare(old, new, align="text")
    assert ("modified", "5") in [(ch.kind, ch.label) for ch in default.changes]
    strict = AlignConfig(sim_link=0.95, sim_min=0.9, number_min_sim=0.95, slot_min_sim=0.95,
                         slot_gap_min_sim=0.95, number_in_step_min_sim=0.95, paraphrase_unique_max=0)
    c = compare(old, new, align="text", config=strict)
    assert c.config is strict and ("removed", "5 → ∅") in [(ch.kind, ch.label) for ch in c.changes]
    data = c.to_dict()["alignment"]
    assert data["config"] == strict.to_dict() and data["config"]["sim_min"] == 0.9
    assert list(data["passes"]) == list(TEXT_PASSES) and data["passes"]["exact"] == 4
    assert compare(new, old, align="text", config=strict) == c.inverse()
    with pytest.raises(TypeError, match="AlignConfig"):
        compare(old, new, config={"sim_min": 0.3})  # type: ignore[arg-type]


def test_one_similarity_for_readers_whatever_the_rule():
    texts_old = ["Ukraine's sovereignty is confirmed.", "Sanctions on Russia are lifted in stages and reviewed."]
    texts_new = ["Ukraine's sovereignty is confirmed.", "Relief from sanctions is reviewed by the commission."]
    keyed_old, keyed_new = (
        Version(id=name, title=name, provisions=tuple(P(t, str(k + 1), f"k{k}") for k, t in enumerate(texts)))
        for name, texts in (("a", texts_old), ("b", texts_new))
    )
    by_key = compare(keyed_old, keyed_new, align="keys").changes[1]
    by_text = compare(keyed_old, keyed_new, align="text").changes[1]
    assert (by_key.rule, by_text.rule) == ("key", "number-in-step")
    assert by_key.similarity == by_text.similarity == shown_similarity(by_text.ops)
    assert by_key.link_score is None and by_text.link_score is not None
    assert by_text.link_score != by_text.similarity
    # A possible match reads the same way: the share of text kept, beside the aligner's cosine.
    dropped = compare(
        Version.from_texts("a", ["Alpha point on the ceasefire line.",
                                 "Sanctions on Russian banks are lifted in stages.", "Charlie point on elections."]),
        Version.from_texts("b", ["Alpha point on the ceasefire line.", "New point on prisoners.",
                                 "Charlie point on elections.", "Banks of Russia stay under sanctions."]),
        align="text",
    )
    hints = [ch.possible_match for ch in dropped.changes if ch.possible_match is not None]
    assert hints
    for ch in dropped.changes:
        hint = ch.possible_match
        if hint is not None:
            pair = (ch.old_text, hint.provision.full_text) if ch.old else (hint.provision.full_text, ch.new_text)
            assert hint.similarity == shown_similarity(textdiff.word_ops(*pair)) != hint.link_score


# --------------------------------------------------------------------------- the assignment solver


def _brute_force_best(weights: dict[tuple[int, int], float], rows: list[int], cols: list[int]) -> float:
    """The heaviest total of any one-to-one matching (unmatched allowed), by enumeration."""

    def best(k: int, used: frozenset[int]) -> float:
        if k == len(rows):
            return 0.0
        out = best(k + 1, used)  # row k stays unmatched
        for c in cols:
            if c not in used and (rows[k], c) in weights:
                out = max(out, weights[(rows[k], c)] + best(k + 1, used | {c}))
        return out

    return best(0, frozenset())


_weight_tables = st.integers(1, 6).flatmap(
    lambda n: st.integers(1, 6).flatmap(
        lambda m: st.dictionaries(
            st.tuples(st.integers(0, n - 1), st.integers(0, m - 1)),
            st.floats(-1.0, 1.0, allow_nan=False).map(lambda w: round(w, 3)),
            max_size=n * m,
        ).map(lambda w: (n, m, w))
    )
)


def _check_matching(pairs: list[tuple[int, int]], weights: dict[tuple[int, int], float]) -> float:
    assert len({a for a, _ in pairs}) == len(pairs) == len({b for _, b in pairs})
    assert all(weights[p] > 0 for p in pairs)
    return sum(weights[p] for p in pairs)


@given(_weight_tables)
def test_assignment_is_a_maximum_weight_matching(table):
    n, m, weights = table
    optimum = _brute_force_best(weights, list(range(n)), list(range(m)))
    pairs, greedy_groups = assign(weights, exact_max=100)
    assert greedy_groups == 0
    assert _check_matching(pairs, weights) == pytest.approx(optimum, abs=1e-9)
    assert _check_matching(hungarian(list(range(n)), list(range(m)), weights), weights) == pytest.approx(
        optimum, abs=1e-9
    )


def test_a_negative_pair_does_not_block_a_positive_one():
    weights = {(0, 0): -0.01, (1, 1): 0.005}
    assert hungarian([0, 1], [0, 1], weights) == [(1, 1)]
    assert assign(weights, exact_max=100) == ([(1, 1)], 0)
    # The greedy fallback (a contested group past the budget) never takes a negative pair either.
    contested = {(0, 0): -0.01, (1, 0): 0.1, (1, 1): 0.2, (0, 1): 0.05}
    assert assign(contested, exact_max=0) == ([(1, 1)], 1)


@given(_weight_tables)
def test_assignment_agrees_with_scipy(table):
    optimize = pytest.importorskip("scipy.optimize")
    n, m, weights = table
    matrix = [[max(weights.get((r, c), 0.0), 0.0) for c in range(m)] for r in range(n)]
    rows, cols = optimize.linear_sum_assignment(matrix, maximize=True)
    expected = sum(matrix[r][c] for r, c in zip(rows, cols, strict=True))
    pairs, _ = assign(weights, exact_max=100)
    assert _check_matching(pairs, weights) == pytest.approx(expected, abs=1e-9)


# --------------------------------------------------------------------------- work budgets


def _sorted_nearest(plist, gaps_of, a, gap, k):
    """The definition _nearest must meet: a sort of the whole posting list."""
    return sorted(plist, key=lambda b: (gaps_of[b] != gap, abs(b - a), b))[:k]


@given(st.lists(st.integers(0, 40), unique=True, max_size=30).map(sorted), st.integers(0, 45), st.integers(0, 5),
       st.integers(1, 12), st.integers(1, 8))
def test_nearest_holders_without_sorting_the_posting_list(plist, a, gap, k, width):
    gaps_of = {b: b // width for b in plist}  # gaps grow with the index, as between anchors
    assert _nearest(plist, [gaps_of[b] for b in plist], a, gap, k) == _sorted_nearest(plist, gaps_of, a, gap, k)


def test_common_words_only_fallback_is_bounded_and_reported():
    # Every word a provision shares with the other side is in two of its provisions, so with a
    # posting cap of 1 the index sees only common words: each provision takes the nearest
    # holders of its rarest word, at most fallback_pairs_max pairs a side, and the note says
    # so when that bound trips.
    trees = ("alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo")
    old = [P(f"Planting {trees[k]} and {trees[k + 1]} along the old road.") for k in range(6)]
    new = [P(f"Planting {trees[k]} and {trees[k + 1]} beside the new canal.") for k in range(6)]
    roomy = align_text(old, new, AlignConfig(posting_cap=1))
    assert not any("fallback_pairs_max" in note for note in roomy.notes)
    tight = align_text(old, new, AlignConfig(posting_cap=1, fallback_pairs_max=6))
    notes = [note for note in tight.notes if "fallback_pairs_max" in note]
    assert len(notes) == 2 and "each took its 1 nearest" in notes[0]
    assert pairs(tight) == pairs(roomy) == [((k,), (k,), "similarity") for k in range(6)]


def test_duplicate_pairing_past_its_budget_goes_in_order_and_says_so():
    copy = "[Reserved]"
    old = [P(copy), P("Alpha point on sovereignty."), P(copy), P(copy), P(copy), P(copy)]
    new = [P("Alpha point on sovereignty."), P(copy), P(copy), P(copy), P(copy)]
    by_position = align_text(old, new)
    assert not by_position.notes
    in_order = align_text(old, new, AlignConfig(duplicate_pairs_max=4))
    assert any("duplicate_pairs_max" in note for note in in_order.notes)
    # Nearest position leaves the first copy out; document order pairs it and drops the last.
    assert ("old", 0) not in {(side, i) for side, i in _linked(by_position)}
    assert ("old", 5) not in {(side, i) for side, i in _linked(in_order)}


def _linked(alignment):
    links = alignment.links
    return {("old", i) for lk in links for i in lk.old} | {("new", j) for lk in links for j in lk.new}


# --------------------------------------------------------------------------- split with an inserted near-duplicate


def test_a_split_does_not_absorb_an_inserted_near_duplicate():
    frame = [P("The ceasefire takes effect at midnight on the day of signature."),
             P("Prisoners of war are exchanged all for all within thirty days."),
             P("A joint commission reviews compliance every quarter.")]
    pumps = "The water authority shall repair the pumping stations in the northern district by 2027."
    tariff = "Farmers may draw irrigation water at 30% of the regular tariff during droughts."
    twin = "The regional authority shall repair the pumping stations in the northern district by 2028."
    old = [frame[0], P(f"{pumps} {tariff}"), frame[1], frame[2]]
    new = [frame[0], P(pumps), P(twin), P(tariff), frame[1], frame[2]]
    assert ((1,), (1, 3), "split") in pairs(align_text(old, new))
    assert ((1,), (1, 2, 3), "split") in pairs(align_text(old, new, AlignConfig(part_novelty_min=0.0)))


_PUMPS = "The water authority shall repair the pumping stations in the northern district by 2027."
_TARIFF = "Farmers may draw irrigation water at 30% of the regular tariff during droughts."
_FISHING = "Fishing licences for the Valdora estuary are renewed by the harbour office every spring."
_PATROLS = "Night patrols along the Valdora estuary are organised by the coast guard and the harbour police."
_FRAME = ("The ceasefire takes effect at midnight on the day of signature.",
          "Prisoners of war are exchanged all for all within thirty days.",
          "A joint commission reviews compliance every quarter.")


def test_a_point_inserted_inside_a_split_does_not_take_the_dropped_next_points_number():
    """Old 2 splits around an inserted point while old 3 is dropped: the inserted point shares
    the dropped one's number and two of its words, but the split's second half after it shows
    the numbering is not in step there."""
    old = numbered([_FRAME[0], f"{_PUMPS} {_TARIFF}", _FISHING, _FRAME[1], _FRAME[2]])
    new = numbered([_FRAME[0], _PUMPS, _PATROLS, _TARIFF, _FRAME[1], _FRAME[2]])
    result = align_text(old, new)
    assert ((1,), (1, 3), "split") in pairs(result)
    assert not [lk for lk in result.links if 2 in lk.old or 2 in lk.new]


def test_a_point_dropped_inside_a_merge_does_not_give_its_number_to_an_inserted_one():
    old = numbered([_FRAME[0], _PUMPS, _FISHING, _TARIFF, _FRAME[1], _FRAME[2]])
    new = numbered([_FRAME[0], f"{_PUMPS} {_TARIFF}", _PATROLS, _FRAME[1], _FRAME[2]])
    result = align_text(old, new)
    assert ((1, 3), (1,), "merge") in pairs(result)
    assert not [lk for lk in result.links if 2 in lk.old or 2 in lk.new]


def test_a_point_rewritten_in_place_after_a_split_keeps_its_number_link():
    """The guard needs the split's other half *after* the candidate: a split that ends
    before it leaves the numbering in step."""
    old = numbered([_FRAME[0], f"{_PUMPS} {_TARIFF}", _FISHING, _FRAME[1], _FRAME[2]])
    new = numbered([_FRAME[0], _PUMPS, _TARIFF, _PATROLS, _FRAME[1], _FRAME[2]])
    links = {(lk.old, lk.new): lk.rule for lk in align_text(old, new).links}
    assert links.get(((1,), (1, 2))) is not None
    assert ((2,), (3,)) in links


# --------------------------------------------------------------------------- hard shape: template lists

_CROSSINGS = ("river", "rail", "border", "harbour")


def _schedule(hours: list[int], shift: int = 0, keep=lambda k: True) -> list[Provision]:
    intro = [P("The parties open the following crossings for civilian traffic."),
             P("The monitoring mission publishes the hours of each crossing.")]
    items = [P(f"The {_CROSSINGS[k % 4]} crossing at kilometre {10 + 7 * k + shift} opens daily for {h} hours.")
             for k, h in enumerate(hours) if keep(k)]
    return [*intro, *items, P("Hours may be extended by the joint commission.")]


@pytest.mark.parametrize("dropped", [None, 5, 13])
def test_template_list_with_every_figure_changed_aligns_in_order(dropped):
    old = _schedule([6 + k % 5 for k in range(20)])
    new = _schedule([12 + k % 7 for k in range(20)], shift=2, keep=lambda k: k != dropped)
    result = align_text(old, new)
    truth = {(0, 0), (1, 1), (22, len(new) - 1)}
    truth |= {(2 + k, 2 + k - (dropped is not None and k > dropped)) for k in range(20) if k != dropped}
    assert index_links(result) == truth
    assert all(len(lk.old) == len(lk.new) == 1 for lk in result.links)
    assert {lk.rule for lk in result.links} == {"exact", "template"}


def test_template_list_past_its_budget_is_reported():
    old = _schedule([6 + k % 5 for k in range(20)])
    new = _schedule([12 + k % 7 for k in range(20)], shift=2)
    # Past template_cells_max the list is still paired in order, over its likely pairs.
    sparse = align_text(old, new, AlignConfig(template_cells_max=10))
    assert not sparse.notes
    assert index_links(sparse) == index_links(align_text(old, new))
    result = align_text(old, new, AlignConfig(template_cells_max=10, template_pairs_max=10))
    assert any("template_pairs_max" in note for note in result.notes)
    assert "template" not in {lk.rule for lk in result.links}


def test_rewritten_clauses_of_one_topic_are_no_template_list():
    old = [OLD[0], P("Sanctions on banks are lifted in three stages over a year."),
           P("Sanctions on energy exports stay until the review conference."),
           P("Sanctions on officials are lifted when the ceasefire has held six months."), OLD[4]]
    new = [OLD[0], P("Officials' sanctions end after six months of ceasefire."),
           P("Bank sanctions are lifted in stages within a year."),
           P("Energy export sanctions remain in force until a review."), OLD[4]]
    assert "template" not in {lk.rule for lk in align_text(old, new).links}


# --------------------------------------------------------------------------- hard shape: paraphrase in place

_TREATY = [P("The parties establish a joint commission on water sharing.", "1"),
           P("The commission meets at least twice a year in alternating capitals.", "2"),
           P("Disputes are referred to the commission before any other forum.", "3"),
           P("Each party appoints three members to the commission.", "4"),
           P("The commission keeps records of every river gauge.", "5"),
           P("Gauge readings are shared with the public each month.", "6"),
           P("Either party may request an extraordinary session.", "7")]


@pytest.mark.parametrize(("old_clause", "new_clause"), [
    ("This treaty enters into force upon signature by both parties.",
     "It takes effect once both parties have signed it."),
    ("Sanctions against the northern region are lifted in stages.",
     "Restrictive measures on the North are eased gradually."),
    ("Detainees held since the conflict began are released within a month.",
     "Prisoners from the conflict go free inside thirty days."),
])
@pytest.mark.parametrize("where", ["between", "last"])
def test_a_clause_reworded_in_place_links_as_a_paraphrase(old_clause, new_clause, where):
    at = 2 if where == "between" else len(_TREATY)
    old = [*_TREATY[:at], P(old_clause, "9"), *_TREATY[at:]]
    # Renumbered between two points (no number evidence); at the end, where a dropped last point
    # and an appended one are as likely, the kept number is what places it.
    new = [*_TREATY[:at], P(new_clause, "8" if where == "between" else "9"), *_TREATY[at:]]
    result = align_text(old, new)
    link = next(lk for lk in result.links if lk.old == (at,))
    assert (link.new, link.matched_by, link.rule) == ((at,), "similarity", "paraphrase")
    assert link.similarity is not None and link.similarity < DEFAULT.sim_min  # and it says it is unsure


def test_a_replaced_clause_in_place_stays_removed_and_added():
    old = [*_TREATY[:2], P("This treaty enters into force upon signature by both parties.", "9"), *_TREATY[2:]]
    new = [*_TREATY[:2], P("Fishing quotas are set each spring by the ministers.", "9"), *_TREATY[2:]]
    assert all(lk.old != (2,) for lk in align_text(old, new).links)


def test_a_paraphrase_needs_its_concept_alone_in_the_slot():
    clause, reworded = ("This treaty enters into force upon signature by both parties.",
                        "It takes effect once both parties have signed it.")
    # The point after it was rewritten too: no firm neighbour, still a paraphrase in its slot.
    old = [*_TREATY[:2], P(clause, "9"), *_TREATY[2:]]
    new = [*_TREATY[:2], P(reworded, "9"), P("Disputes go to the commission first of all.", "3"), *_TREATY[3:]]
    assert ((2,), (2,), "paraphrase") in {(lk.old, lk.new, lk.rule) for lk in align_text(old, new).links}
    # Two new clauses of the slot speak of entry into force: the concept alone does not say which
    # one answers it; their wording does - the reworded clause names "signature by both parties"
    # too ("both parties have signed"), by a lead of 0.16 in the paraphrase score (paraphrase_renamed).
    rival = P("Articles 3 and 4 take effect a year after signature.", "7")
    new = [*_TREATY[:2], P(reworded, "9"), rival, *_TREATY[2:]]
    links = {(lk.old, lk.new, lk.rule) for lk in align_text(old, new).links}
    assert ((2,), (2,), "paraphrase") in links
    assert not any(3 in n for _o, n, _r in links)
    off = attrs.evolve(DEFAULT, paraphrase_renamed=0)
    assert all(lk.rule != "paraphrase" for lk in align_text(old, new, off).links)


def test_a_shared_modal_verb_is_no_evidence_of_a_move():
    # Found by the move-free property at 1,000 examples: a dropped point and an inserted one
    # share two names, "must" and boilerplate; in a tiny document every such word is rare,
    # and with the modal counted they made five shared words: a "clear move".
    g = _GEN
    dropped = ("Russia agrees to demilitarise the schools in Mababaan in accordance with this agreement. "
               "The Security Council must exchange sovereign weapons of Sebabaivka up to 800,000 personnel. "
               "The Security Council must restore reconstruction for Fababaovo and Kababaar in accordance "
               "with this agreement.")
    inserted = ("The joint commission must negotiate regional reconstruction of Zababaino in accordance with "
                "this agreement. NATO should recognise all assistance of Fababaovo subject to review by Mababaan.")
    rest = [g["terr"], g["sc"], g["mon"], g["nato"],
            "Russia is to establish all ports of Vababaets up to 400,000 personnel. The monitoring mission "
            "will negotiate nuclear sanctions of Zababaino after the ceasefire.",
            "The European Union agrees to recognise temporary weapons of Sababavka for 60 years. The Board of "
            "Peace may fund guarantees for Libabaivka and Kababaar in Bibabask and Hababaino."]
    old, new = _texts(rest[0], dropped, *rest[1:]), _texts(inserted, *rest)
    for config in (DEFAULT, AlignConfig(moved_clear_min_provisions=0)):  # the modal alone stops it too
        result = align_text(old, new, config)
        assert result.moved == frozenset()
        assert all(lk.old != (1,) for lk in result.links)


def test_a_document_of_a_dozen_points_makes_no_clear_move():
    # Found by the move-free property at 1,000 examples: boilerplate, a figure with its unit and
    # a name are five "rare" words in a seven-point document.
    g = _GEN
    dropped = ("Russia agrees to demilitarise the schools in Mababaan in accordance with this agreement. "
               "The Security Council must exchange sovereign weapons of Sebabaivka up to 800,000 personnel. "
               "The Security Council must restore reconstruction for Fababaovo and Kababaar in accordance "
               "with this agreement.")
    inserted = ("Europe should exchange the funds in Tebabaan up to 800,000 personnel. The parties is to verify "
                "sanctions for Vebabaopil and Dibabavka in accordance with this agreement. Russia undertakes to "
                "establish national assistance of Bibabask subject to review by Nebabaets.")
    rest = [g["sc"], g["mon"], g["terr"], g["nato"],
            "Both parties shall lift sanctions for Rababask and Gababaets under international supervision. NATO "
            "should hold sanctions for Sababavka and Kebabask of USD 120 billion. The monitoring mission agrees "
            "to negotiate military schools of Hibabaino at 50% of the total."]
    old, new = _texts(g["both"], dropped, *rest), _texts(inserted, g["both"], *rest)
    assert align_text(old, new).moved == frozenset()
    # The boilerplate and the figure are also two phrases, not five words, and the two points name
    # no place or body in common (moved_names): any one of the three rules stops the move.
    assert align_text(old, new, AlignConfig(moved_clear_min_provisions=0, moved_names=0)).moved == frozenset()
    assert align_text(old, new, AlignConfig(phrase_reach=0, moved_names=0)).moved == frozenset()
    assert align_text(old, new, AlignConfig(moved_clear_min_provisions=0, phrase_reach=0)).moved == frozenset()
    off = AlignConfig(moved_clear_min_provisions=0, phrase_reach=0, moved_names=0)
    assert align_text(old, new, off).moved != frozenset()


def test_a_dropped_last_point_and_an_inserted_first_one_of_a_dozen_make_no_concept_move():
    # Found by the move-free property at 1,000 examples: in a revision of 12 + 12 points the dropped
    # last point and the inserted first one share "sanctions", "joint commission" and "as soon as
    # possible" (three rare words, cosine 0.38, a lead of 0.27): the concept-match pass read a move.
    g = _GEN
    kept = [g["both"], g["sc"], g["mon"], g["terr"], g["nato"], g["ukr"],
            "The monitoring mission will lift corridors for Tababaovo and Sebabaivka by 2028. The Government must "
            "limit schools for Lababaivka and Tababaovo after the ceasefire. The parties will guarantee the forces "
            "in Nebabaets within 100 days.",
            "The joint commission should reduce the commitments in Dababavka for 5 years.",
            "The Board of Peace may rebuild borders for Pibabaor and Fababaovo after the ceasefire. The European "
            "Union is to guarantee elections for Gebabaopil and Vababaets in accordance with this agreement.",
            "Russia should verify the funds in Rababask within 5 days. The joint commission should return "
            "territorial courts of Debabaivka for 30 years. The joint commission will suspend the agreements in "
            "Bebabaar after the ceasefire.",
            "The monitoring mission shall transfer joint funds of Pibabaor subject to review by Sababavka. Both "
            "parties should support the territory in Nibabaopil under international supervision."]
    dropped = ("The Security Council must suspend national sanctions of Rababask as soon as possible. The joint "
               "commission agrees to monitor the ports in Pibabaor of USD 5 billion.")
    inserted = ("Both parties will hold the sanctions in Mibabaan within 10 days. The joint commission should "
                "restore the facilities in Pababaor as soon as possible.")
    old, new = _texts(*kept, dropped), _texts(inserted, *kept)
    result = align_text(old, new)
    assert result.moved == frozenset()
    assert all(lk.old != (len(kept),) for lk in result.links)
    # The two name other places and bodies too (concept_move_names): either rule stops the move.
    assert align_text(old, new, AlignConfig(concept_move_small_shared=0)).moved == frozenset()
    assert align_text(old, new, AlignConfig(concept_move_names=0)).moved == frozenset()
    assert align_text(old, new, AlignConfig(concept_move_small_shared=0, concept_move_names=0)).moved != frozenset()


def test_a_shared_figure_is_no_word_for_a_move_in_ten_points():
    # Found by the move-free property at 1,000 examples (seed 19): a dropped second point and an
    # inserted first one of a ten-point revision share "up to 400,000 personnel" and one name.
    # "400,000" reads as "400" and "000", so with the figure they shared four rare words, the
    # small-document bar, and the concept-match pass read a move.
    kept = ["The European Union may protect guarantees for Nababaopil and Febabaan in Zababaino and Lebabavka. The "
            "joint commission shall hold frozen assets of Tebabaan before the elections. The United States agrees "
            "to review the schools in Pababaor after the ceasefire.",
            "Both parties must implement joint agreements of Mibabaan in Rebabaar and Hebabaor. The joint "
            "commission must establish the obligations in Kebabask before the elections.",
            _GEN["sc"],
            _GEN["mon"],
            _GEN["terr"],
            _GEN["nato"],
            _GEN["ukr"],
            "The monitoring mission will lift corridors for Tababaovo and Sebabaivka by 2028. The Government must "
            "limit schools for Lababaivka and Tababaovo after the ceasefire. The parties will guarantee the forces "
            "in Nebabaets within 100 days.",
            "The joint commission should reduce the commitments in Dababavka for 5 years."]
    dropped = ("Europe agrees to return the assets in Vebabaopil after the ceasefire. Ukraine will protect "
               "permanent territory of Mibabaan up to 400,000 personnel.")
    inserted = ("The joint commission shall reduce reconstruction for Gibabaets and Vebabaopil up to 400,000 "
                "personnel. The Board of Peace shall verify territory for Vababaets and Bibabask as soon as possible.")
    old, new = _texts(kept[0], dropped, *kept[1:]), _texts(inserted, *kept)
    result = align_text(old, new)
    assert result.moved == frozenset()
    assert all(lk.old != (1,) for lk in result.links)
    # Three rare words without the figure, two pieces ("up to 400,000 personnel" is one): below the
    # bar of four; at two pieces, or three words counted one by one, the pair links as a move.
    assert align_text(old, new, AlignConfig(concept_move_small_shared=2)).moved != frozenset()
    assert align_text(old, new, AlignConfig(concept_move_small_shared=3, phrase_reach=0)).moved != frozenset()


# --------------------------------------------------------------------------- hard shapes: short units, rival plans

_LEASE_OLD = ["Rent is due on the first day of each month.", "The deposit equals two months' rent.",
              "Pets require written consent.", "The tenant insures the contents.", "Smoking is prohibited indoors.",
              "The landlord repairs the roof and walls.", "Subletting requires consent.",
              "Notice is given in writing.", "The lease runs for three years.", "Keys are returned on departure.",
              "Quiet hours start at ten.", "Disputes go to the housing tribunal."]
_LEASE_NEW = ["Rent is due on the fifth day of each month.", "The deposit equals one month's rent.",
              "Pets are allowed with written consent.", "The tenant insures the contents.",
              "Smoking is prohibited indoors and on balconies.", "The landlord repairs the roof, walls and windows.",
              "Bicycles are stored in the basement.", "Notice is given in writing or by email.",
              "The lease runs for five years.", "Keys are returned on departure.", "Quiet hours start at eleven.",
              "Disputes go to the housing tribunal."]


@pytest.mark.parametrize("numbered", [True, False])
def test_short_units_link_their_edits_and_nothing_else(numbered):
    old = [P(t, str(k) if numbered else None) for k, t in enumerate(_LEASE_OLD, 1)]
    new = [P(t, str(k) if numbered else None) for k, t in enumerate(_LEASE_NEW, 1)]
    found = {(lk.old, lk.new) for lk in align_text(old, new).links}
    # Every point but the seventh (subletting, replaced by bicycles) is the same point, edited or not.
    assert found == {((k,), (k,)) for k in range(12) if k != 6}


_PLAN_A = ["Ukraine's armed forces are capped at 600,000 personnel.",
           "Ukraine renounces membership of NATO and enshrines neutrality in its constitution.",
           "The Zaporizhzhia nuclear power plant is restarted under IAEA supervision and its output shared.",
           "The United States provides security guarantees modelled on Article 5.",
           "Sanctions on Russia are lifted in stages as the agreement is implemented.",
           "One hundred billion dollars of frozen Russian assets fund the reconstruction of Ukraine.",
           "Elections are held within one hundred days of signature."]
_PLAN_B = ["Frozen Russian sovereign assets stay frozen until Russia compensates Ukraine for the damage.",
           "Ukraine's peacetime army may number up to 800,000 troops.",
           "Security guarantees from the United States and Europe mirror NATO's Article 5.",
           "NATO membership for Ukraine depends on the consensus of the allies.",
           "Sanctions relief is phased and can snap back if Russia violates the agreement.",
           "The Zaporizhzhia plant is handed to Ukraine and run with IAEA monitoring.",
           "A joint commission of parliamentarians oversees the ceasefire."]


def test_rival_plans_link_where_topic_words_agree():
    old = [P(t, str(k)) for k, t in enumerate(_PLAN_A, 1)]
    new = [P(t, str(k)) for k, t in enumerate(_PLAN_B, 1)]
    result = align_text(old, new)
    found = {(lk.old[0], lk.new[0]) for lk in result.links}
    # Frozen assets, guarantees, NATO, sanctions, Zaporizhzhia: the same topics in other words.
    # The army cap shares no word but "Ukraine" ("armed forces ... personnel" / "army ... troops"):
    # the concept-match pass links it on the drafting concept the two share (forces / troops),
    # each the other's clear best and crossing no firm link.
    assert found == {(5, 0), (3, 2), (1, 3), (4, 4), (2, 5), (0, 1)}
    rules = {(lk.old[0], lk.new[0]): lk.rule for lk in result.links}
    assert rules[(0, 1)] == "concept-match"
    without = align_text(old, new, AlignConfig(concept_min_sim=1.0))
    # Without that pass it is still offered as a scored possible match by its concept.
    assert without.possible[("old", 0)][0] == 1 and without.possible[("new", 1)][0] == 0
    assert without.possible[("old", 0)][1] < DEFAULT.possible_min_sim
    # Elections and a parliamentary commission are different subjects: neither link nor hint.
    assert ("old", 6) not in result.possible and ("new", 6) not in result.possible


def test_docstring_code_and_decision_list_the_same_passes_in_run_order():
    import re
    from pathlib import Path

    from peacediff import align

    doc = align.__doc__ or ""
    in_docstring = re.findall(r"^\s+\d+\. ``([a-z-]+)``", doc, flags=re.MULTILINE)
    decision = (Path(__file__).resolve().parent.parent / "docs/decisions/0001-alignment.md").read_text()
    in_decision = re.findall(r"^\d+\. `([a-z-]+)`", decision, flags=re.MULTILINE)
    assert in_docstring == in_decision == list(align.TEXT_PASSES)


def test_a_point_in_step_with_a_neighbour_the_number_pass_links_later_is_linked():
    # Sub-points of two words each: (b) shares only its place name with its counterpart, under the
    # link bar and with no rare word in so small a list, so it leans on being in step - but its
    # neighbour (c) is linked by this same pass, after it.  Found by the render property that
    # nothing of unknown fate is drawn as deleted: (b) was "removed" on one side, "unknown" on the other.
    old = _texts("Kherson forces.", "Odesa forces shall.", "Mykolaiv forces forces.")
    new = _texts("Kherson forces.", "Odesa forces. Mariupol forces.", "Mykolaiv forces.")
    links = {(lk.old, lk.new): lk.rule for lk in align_text(old, new).links}
    assert links[((1,), (1,))] == "number" and links[((2,), (2,))] == "number"
    assert {(lk.old, lk.new): lk.rule for lk in align_text(new, old).links}[((1,), (1,))] == "number"


def test_a_dropped_and_an_inserted_point_of_a_dozen_need_a_clear_lead_for_a_concept_move():
    # Found by the move-free property at 1,000 examples (seed 79): in a revision of 12 + 12 points
    # the dropped eighth point and the inserted second one share four pieces ("The Security
    # Council", "assistance", "within 60 days", "agreement") at cosine 0.33 and lead every rival by
    # 0.17: enough pieces for a small document, not the lead its true moves have.
    old_texts = [
        "Ukraine may verify infrastructure for Kebabask and Dibabavka after the ceasefire.",
        "The European Union undertakes to establish national schools of Tebabaan for 90 years.",
        ("Ukraine should return military obligations of Pebabaino under international supervision. "
         "NATO must verify the ports in Libabaivka in Hebabaor and Bebabaar. "
         "The Board of Peace must establish temporary schools of Mebabaovo under international supervision."),
        "The Board of Peace should return nuclear infrastructure of Nibabaopil before the elections.",
        ("Both parties must implement joint agreements of Mibabaan in Rebabaar and Hebabaor. "
         "The joint commission must establish the obligations in Kebabask before the elections."),
        "The signatories must recognise assets for Bibabask and Rebabaar as soon as possible.",
        "The Government undertakes to rebuild the assets in Bibabask up to 600,000 personnel.",
        ("The Security Council should monitor international troops of Mibabaan by 2028. "
         "The joint commission should restore temporary agreements of Dibabavka after the ceasefire. "
         "Ukraine will restore the assistance in Debabaivka within 60 days."),
        ("The Board of Peace will suspend funds for Lababaivka and Rababask by 2028. "
         "The European Union undertakes to lift the infrastructure in Rebabaar after the ceasefire. "
         "Both parties agrees to exchange the prisoners in Sebabaivka before the elections."),
        "Europe must rebuild infrastructure for Bibabask and Pababaor of USD 180 billion.",
        ("The Board of Peace may monitor regional schools of Bababask as soon as possible. "
         "The signatories shall verify the zones in Bibabask for 10 years."),
        "NATO shall protect the prisoners in Nababaopil under international supervision.",
    ]
    new_texts = [
        old_texts[0],
        ("The Security Council may implement regional assistance of Bebabaar within 60 days. "
         "Both parties must return borders for Vababaets and Nibabaopil in accordance with this agreement. "
         "The Security Council may recognise corridors for Hababaino and Kababaar by 2028."),
        *old_texts[1:4],
        *old_texts[5:7],
        ("The Board of Peace will suspend funds for Lababaivka and Rababask by 2028. "
         "The European Union undertakes to lift the infrastructure in Rebabaar after the ceasefire. "
         "Both parties agrees to exchange the prisoners Sebabaivka before the elections."),
        old_texts[9],
        "future must rebuild infrastructure for Bibabask and Pababaor of USD 180 billion.",
        *old_texts[10:12],
    ]
    old, new = _texts(*old_texts), _texts(*new_texts)
    assert align_text(old, new).moved == frozenset()
    assert align_text(old, new, AlignConfig(concept_move_small_lead=0.0)).moved != frozenset()


def test_a_dropped_and_an_inserted_point_that_name_other_places_make_no_move():
    # Found by the link-precision property at 1,000 examples (seed 96): the dropped first point of a
    # ten-point plan and a point inserted seventh share "limit the funds" and "as soon as possible"
    # at cosine 0.60, enough words for a move in so small a document; but one names Mebabaovo and
    # Sababavka, the other the Board of Peace and Dababavka (moved_names).
    old_texts = [
        ("Both parties may suspend the funds in Mebabaovo as soon as possible. "
         "The monitoring mission must limit the territory in Sababavka before the elections."),
        ("Russia must implement borders for Kebabask and Lebabavka at 10% of the total. "
         "The United States is to deploy sovereign infrastructure of Libabaivka up to 800,000 personnel."),
        ("The monitoring mission must verify military prisoners of Nababaopil by 2027. "
         "The Government must protect regional assets of Sababavka within 100 days. "
         "Both parties agrees to return funds for Nibabaopil and Zebabaor before the elections."),
        ("The Government may recognise all troops of Dibabavka within 90 days. "
         "The parties should review territory for Bibabask and Dibabavka after the ceasefire. "
         "NATO is to negotiate the agreements in Nebabaets in Nibabaopil and Dibabavka."),
        "The Government should withdraw the weapons in Fibabaovo at 75% of the total.",
        ("Ukraine must lift zones for Hebabaor and Tebabaan within 30 days. "
         "The signatories agrees to transfer civilian zones of Mababaan for 30 years."),
        ("Europe agrees to implement nuclear courts of Zababaino before the elections. "
         "NATO will guarantee the territory in Mebabaovo at 75% of the total. "
         "Ukraine agrees to withdraw civilian funds of Vababaets in Nibabaopil and Mababaan."),
        ("The Government may transfer the forces in Kebabask in accordance with this agreement. "
         "NATO agrees to verify the territory in Vebabaopil by 2028. "
         "The United States must reduce regional zones of Sababavka at 10% of the total."),
        ("The European Union agrees to withdraw sovereign schools of Febabaan for 100 years. "
         "The monitoring mission agrees to suspend ports for Zebabaor and Nababaopil before the elections."),
        "Both parties should demilitarise temporary infrastructure of Pebabaino within 120 days.",
    ]
    new_texts = [
        old_texts[1],
        *old_texts[3:6],
        old_texts[2],
        old_texts[6],
        "The Board of Peace must limit the funds in Dababavka as soon as possible.",
        ("Ukraine shall rebuild commitments for Pibabaor and Kababaar at 75% of the total. "
         "The European Union should reduce schools for Dababavka and Dababavka subject to review by Hebabaor."),
        *old_texts[7:10],
    ]
    old, new = _texts(*old_texts), _texts(*new_texts)
    assert (0, 6) not in index_links(align_text(old, new))
    assert (0, 6) in index_links(align_text(old, new, AlignConfig(moved_names=0)))


def test_a_dropped_and_an_inserted_point_naming_one_place_each_make_no_move():
    # Found by the move-free property at 1,000 examples (seed 157): a dropped point on Nibabaopil and
    # a point inserted on Gababaets share "reconstruction" and "at 25% of the total" at cosine 0.53 in
    # a twelve-point plan; each names one place, the other's not (moved_names 1).
    old_texts = [
        ("Europe shall fund the weapons in Bebabaar after the ceasefire. "
         "Ukraine may guarantee territorial funds of Fababaovo in Vebabaopil and Kebabask. "
         "Russia agrees to review courts for Sababavka and Mibabaan subject to review by Nababaopil."),
        "The Security Council shall rebuild forces for Pebabaino and Tebabaan after the ceasefire.",
        "The monitoring mission agrees to verify nuclear reconstruction of Nibabaopil at 25% of the total.",
        ("Europe must deploy civilian weapons of Febabaan in accordance with this agreement. "
         "Both parties will rebuild frozen borders of Tebabaan within 120 days."),
        ("Ukraine may review territory for Hibabaino and Kababaar by 2028. "
         "Europe agrees to negotiate commitments for Kababaar and Pibabaor under international supervision."),
        ("The Board of Peace undertakes to monitor economic sanctions of Vababaets in Hababaino and Debabaivka. "
         "The European Union may withdraw the territory in Kababaar after the ceasefire."),
        "The monitoring mission shall support nuclear infrastructure of Kibabaar subject to review by Bibabask.",
        ("Europe is to exchange economic assistance of Nababaopil in accordance with this agreement. "
         "NATO will review international elections of Lebabavka under international supervision. "
         "The signatories may hold borders for Nababaopil and Bibabask for 30 years."),
        ("Ukraine agrees to recognise the guarantees in Nibabaopil of USD 180 billion. "
         "The monitoring mission must support the corridors in Rebabaar up to 400,000 personnel. "
         "The joint commission must guarantee the obligations in Febabaan by 2026."),
        ("The Board of Peace must fund the commitments in Fababaovo up to 800,000 personnel. "
         "The monitoring mission should lift the funds in Gababaets as soon as possible."),
        "The Government will review frozen prisoners of Dababavka of USD 30 billion.",
        ("The United States is to recognise borders for Lebabavka and Sababavka under international supervision. "
         "The Security Council shall implement funds for Debabaivka and Pibabaor under international supervision."),
    ]
    new_texts = [
        "NATO may limit the reconstruction in Gababaets at 25% of the total.",
        *old_texts[0:2],
        old_texts[3],
        ("Europe must deploy civilian weapons of Febabaan relevant accordance with this agreement. "
         "Both parties will rebuild frozen borders of Tebabaan within 120 days."),
        old_texts[4],
        *old_texts[6:10],
        "The Government occupied review frozen prisoners of Dababavka of USD 30 billion.",
        old_texts[11],
    ]
    old, new = _texts(*old_texts), _texts(*new_texts)
    assert align_text(old, new).moved == frozenset()
    assert align_text(old, new, AlignConfig(moved_names=0)).moved != frozenset()


def test_a_part_that_carries_nearly_all_of_its_partner_takes_no_second_half_by_a_clear_lead():
    # Found by the link-precision property at 1,000 examples (seed 153): an edit dropped one word of
    # a name from the first point ("The Board of Peace" -> "The Board of"), and the point inserted
    # after it holds the whole name.  It "brings" the lost word, but the edited point already
    # carries 0.91 of its old wording: no second half is left to attach (attach_lead_rest).
    old_texts = [
        "The Board of Peace is to protect the troops in Tababaovo up to 600,000 personnel.",
        ("Both parties undertakes to rebuild international facilities of Hibabaino at 50% of the total. "
         "The Security Council will deploy humanitarian funds of Kebabask as soon as possible."),
        "The parties should monitor prisoners for Nababaopil and Lebabavka at 10% of the total.",
        ("Russia shall rebuild the corridors in Dibabavka for 120 years. "
         "NATO may establish the schools in Bebabaar within 10 days. "
         "The signatories must rebuild assets for Sebabaivka and Hibabaino within 180 days."),
        "Russia must withdraw temporary facilities of Kibabaar of USD 100 billion.",
        ("The European Union agrees to deploy the agreements in Tebabaan as soon as possible. "
         "Russia is to guarantee economic zones of Rababask at 25% of the total."),
        "Russia must recognise funds for Bibabask and Libabaivka up to 600,000 personnel.",
        ("The parties shall withdraw territorial reconstruction of Vebabaopil in accordance with this agreement. "
         "The Security Council will verify guarantees for Lababaivka and Bebabaar as soon as possible."),
        "The Government must recognise the weapons in Hebabaor subject to review by Mebabaovo.",
        "Russia may exchange national courts of Gibabaets of USD 10 billion.",
    ]
    new_texts = [
        "The Board of is to protect the troops in Tababaovo up to 600,000 personnel.",
        ("The Security Council is to demilitarise sanctions for Bibabask and Nebabaets at 10% of the total. "
         "The Board of Peace undertakes to guarantee the elections in Bababask in Gebabaopil and Pebabaino."),
        ("The Board of Peace will exchange civilian assets of Fababaovo in Dibabavka and Bababask. "
         "NATO must exchange sanctions for Dibabavka and Mibabaan by 2030. "
         "The monitoring mission will recognise weapons relevant Vababaets and Kebabask within 90 days."),
        *old_texts[1:10],
    ]
    old, new = _texts(*old_texts), _texts(*new_texts)
    assert (0, 1) not in index_links(align_text(old, new))
    assert (0, 1) in index_links(align_text(old, new, AlignConfig(attach_lead_rest=0.0)))
