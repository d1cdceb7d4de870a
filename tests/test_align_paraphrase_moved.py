"""Points reworded *and* moved: neither their wording nor their place gives them away.

Made-up drafts of a river treaty.  A redraft lifts the termination clause to the front and
rewrites it in other words ("terminated ... by written notification" -> "can end ... provided
it informs"), and moves the dispute clause to the end in plain words ("dispute ... arbitral tribunal" ->
"disagreements ... court"): the concept-match pass links them on the drafting concepts they share.  The
traps stay unlinked: a new point on the subject of a kept point does not take a dropped point
that shares a concept with it, nor does a point that shares only one concept, and a document of
a dozen points makes no move on concepts.
"""

from __future__ import annotations

from align_cases import number_links, numbered

from peacediff._align_config import AlignConfig
from peacediff.align import align_text
from peacediff.model import Provision

_BODY = [
    "The Parties establish a Joint Water Commission of six members, three appointed by each Party.",
    "The Commission meets at least four times a year, alternately in Riverton and Lakeside.",
    "Each Party shall release no less than 40 cubic metres per second into the Silver River during the dry season.",
    "Data on river flow, reservoir levels and abstraction are exchanged every month.",
    "Neither Party shall build a new dam on the Silver River without the consent of the other.",
    "The Parties shall cooperate on flood warnings and share forecasts within 24 hours.",
    "Fishing quotas for the shared reservoirs are set each spring by the Commission.",
    "Navigation on the lower river is free for the vessels of both Parties.",
    "Each Party bears the cost of its own gauging stations.",
    "Pollution of the river by industrial effluent is prohibited above the limits in Annex II.",
]
_TERMINATION = "This Treaty may be terminated by either Party by written notification given twelve months in advance."
_TERMINATION_NEW = ("Either side can end the Treaty, provided it informs the other side in writing; "
                    "the Treaty then lapses twelve months later.")
_DISPUTE = ("Any dispute about the interpretation of this Treaty shall be referred to an arbitral tribunal "
            "whose ruling binds both Parties.")
_DISPUTE_NEW = "Disagreements over how the Treaty is read go to a court, and both Parties accept its verdict."




def _redraft(old_last: str | None = None, new_first: str | None = None) -> tuple[list[Provision], list[Provision]]:
    """The treaty redraft; ``old_last``: a clause after the old termination clause, ``new_first``:
    one before the new first clause."""
    old = numbered([*_BODY[:4], _DISPUTE, *_BODY[4:], _TERMINATION, *([old_last] if old_last else [])])
    new = numbered([*([new_first] if new_first else []), _TERMINATION_NEW, *_BODY, _DISPUTE_NEW])
    return old, new


def test_a_clause_reworded_and_moved_to_the_front_links_on_its_concepts() -> None:
    old, new = _redraft()
    links = number_links(old, new)
    assert links[("12", "1")] == "concept-match"
    result = align_text(old, new)
    moved = {(old[lk.old[0]].number, new[lk.new[0]].number) for k, lk in enumerate(result.links) if k in result.moved}
    assert ("12", "1") in moved


def test_a_clause_reworded_and_moved_to_the_end_links_on_its_concepts() -> None:
    old, new = _redraft()
    assert number_links(old, new)[("5", "12")] == "concept-match"


def test_the_pass_is_switched_off_by_its_bar() -> None:
    old, new = _redraft()
    links = number_links(old, new, AlignConfig(concept_min_sim=1.0))
    assert ("12", "1") not in links and ("5", "12") not in links


def test_a_pair_that_shares_no_concept_does_not_link() -> None:
    # The same move, but the new clause names no act the old one names: only "Treaty" and a figure.
    old, _new = _redraft()
    new = numbered(["The Treaty is deposited with the river basin secretariat within twelve months.",
                     *_BODY, _DISPUTE_NEW])
    assert ("12", "1") not in number_links(old, new)


def test_a_new_point_on_a_kept_points_subject_does_not_take_a_dropped_point() -> None:
    # Old 11 (notify, abstraction) is dropped; new 11 reports reservoir levels weekly - the
    # subject of old 4, kept with an edit - and shares "notify" / "inform" with the dropped point.
    dropped = "Each Party shall notify the other of any planned abstraction above 5 cubic metres per second."
    inserted = "Each Party shall inform the other every week of reservoir levels, river flow and abstraction."
    edited = "Data on river flow, reservoir levels and abstraction are exchanged every fortnight."
    old = numbered([*_BODY, dropped])
    new = numbered([*_BODY[:3], edited, *_BODY[4:], inserted])
    links = number_links(old, new)
    assert ("4", "4") in links
    assert ("11", "11") not in links and not any(o == "11" for o, _n in links)


def test_a_dozen_points_make_no_move_on_concepts() -> None:
    # The same two moved clauses in a document of nine points a side: rare words and concepts
    # are weak evidence there, and a move would be a guess.
    old = numbered([*_BODY[:3], _DISPUTE, *_BODY[3:7], _TERMINATION])
    new = numbered([_TERMINATION_NEW, *_BODY[:7], _DISPUTE_NEW])
    result = align_text(old, new)
    assert not result.moved
    assert all(lk.rule != "concept-match" for lk in result.links)
    assert align_text(old, new, AlignConfig(concept_move_min_provisions=0)).moved


def test_a_moved_pair_naming_one_concept_in_other_words_needs_closer_wording() -> None:
    # One renamed concept ("terminated" / "ends") and a figure: a guess for a move, as a dropped
    # and an inserted point that share a name and "military" / "troops" would be.
    old, _new = _redraft()
    new = numbered(["The Treaty ends twelve months after a Party asks the depositary.", *_BODY, _DISPUTE_NEW])
    assert ("12", "1") not in number_links(old, new)
    assert number_links(old, new, AlignConfig(concept_move_reworded=1))[("12", "1")] == "concept-match"


def test_only_the_concept_match_pass_reads_the_wide_concept_table() -> None:
    from peacediff._lexical import drafting_concepts, normalise, paraphrase_bag

    old, new = "Any dispute goes to an arbitral tribunal.", "Disagreements go to a court."
    assert {"~dispute", "~tribunal"} <= paraphrase_bag(normalise(old)) & paraphrase_bag(normalise(new))
    # The in-place paraphrase pass links on one concept alone: it keeps the narrow table.
    assert not drafting_concepts(old) & {"~dispute", "~tribunal"}


_LEASE = [
    "The tenant shall pay the rent monthly in advance on the first working day of each month.",
    "The landlord shall keep the structure and exterior of the dwelling in good repair.",
    "The tenant shall not sublet the dwelling or any part of it without the landlord's prior written consent.",
    "The landlord may enter the dwelling to inspect its condition after giving at least 24 hours' written notice.",
    "The rent may be increased once a year by no more than the rate of inflation.",
    "The tenant shall keep the garden tidy and free of refuse.",
    "Pets may be kept only with the landlord's approval, which shall not be unreasonably withheld.",
    "Keys shall be returned to the landlord on the last day of the tenancy.",
]


def test_a_clause_reworded_alone_between_two_kept_points_links_on_one_shared_concept() -> None:
    # "sublet ... without consent" -> "needs permission before letting", renumbered: one rare
    # shared concept and a score under concept_min_sim, but alone between two kept points.  The dropped pets
    # clause holds the same concept ("approval") and stays unlinked.
    new_clause = "The tenant needs the landlord's written permission before letting the flat or a room in it to others."
    old = numbered(_LEASE)
    new = numbered([_LEASE[0], "Bicycles are stored in the basement.", _LEASE[1], new_clause, *_LEASE[3:6],
                     _LEASE[7]])
    links = number_links(old, new)
    assert links[("3", "4")] == "concept-match"
    assert not any(o == "7" for o, _n in links)
    assert ("3", "4") not in number_links(old, new, AlignConfig(concept_slot_min_sim=1.0))


def test_a_moved_clause_in_close_plain_words_links_on_a_clear_lead() -> None:
    # No concept renamed ("call on" / "urge", "double" / "twice as much"), but several rare words
    # kept and no rival near it: under the move pass's bars, over the plain bars of concept-match.
    old_clause = ("The Parties call on the regional development bank to double its lending for flood defences "
                  "along the Silver River by 2030.")
    new_clause = ("The Parties urge the regional development bank to lend twice as much for protection against "
                  "floods on the Silver River by the end of the decade.")
    more = ["Sand and gravel may be extracted from the riverbed only under a joint licence.",
            "Each Party keeps a register of the wells that draw on the river's aquifer.",
            "Bridges over the river are maintained by the Party on whose bank their larger span stands."]
    old = numbered([*_BODY[:2], old_clause, *_BODY[2:], *more, _TERMINATION])
    new = numbered([*_BODY, *more, new_clause, _TERMINATION])
    assert number_links(old, new)[("3", "14")] == "concept-match"
    assert ("3", "14") not in number_links(old, new, AlignConfig(concept_plain_min_sim=1.0))
    # In 12 points a side the two share two pieces of evidence ("the regional development bank",
    # "lend"), under concept_move_small_shared: generated false moves share as much and lead as
    # clearly (tests/test_align_evidence_pieces.py).  Counted word by word, they share four.
    old = numbered([*_BODY[:2], old_clause, *_BODY[2:], _TERMINATION])
    new = numbered([*_BODY, new_clause, _TERMINATION])
    assert ("3", "11") not in number_links(old, new)
    assert number_links(old, new, AlignConfig(phrase_reach=0))[("3", "11")] == "concept-match"


def test_a_pay_scale_whose_figures_all_changed_pairs_in_order() -> None:
    # "Pay point 4: 34,300 per year." -> "Pay point 4: 35,670 per year.": the figures are half of
    # a short item's stems, so two items share under template_overlap of them; without the
    # figures they share all their words, and the list pairs in order.
    head = ["This Agreement covers the nursing staff of the Authority.",
            "Normal working hours are 37.5 hours a week.",
            "No shift may last more than 12 hours."]
    tail = ["An employee moves to the next pay point after each twelve months of service.",
            "Overtime is paid at time and a half."]
    old_pay = [f"Pay point {k}: {28_400 + 2_000 * k:,} per year." for k in range(1, 8)]
    new_pay = [f"Pay point {k}: {29_550 + 2_100 * k:,} per year." for k in range(1, 9)]
    old = numbered([*head, *old_pay, *tail])
    new = numbered([*head[:1], "In this Agreement a week means seven days.", *head[1:], *new_pay, *tail])
    links = number_links(old, new)
    assert all((str(3 + k), str(4 + k)) in links for k in range(1, 8))
    assert not any(n == "12" for _o, n in links)  # the new pay point 8


def test_the_redline_says_a_concept_match_rests_on_what_the_clause_is_about() -> None:
    """A concept match keeps few words ("end" / "terminated"): its note must not say "similar wording"."""
    from peacediff.compare import compare
    from peacediff.model import Version

    old, new = _redraft()
    c = compare(Version(id="a", title="A", provisions=old), Version(id="b", title="B", provisions=new), align="text")
    assert "concept-match" in {ch.rule for ch in c.changes}
    for fmt, out in (("text", c.to_text()), ("md", c.to_markdown()), ("html", c.to_html())):
        out = " ".join(out.split())
        assert "Linked by what it is about, in other words" in out, fmt
        assert "less sure than a link by wording" in out, fmt


#: A clause naming a county, a footbridge and an agency, dropped or moved to the front below.
_FOOTBRIDGE = ("Marlow County shall rebuild the Ashby footbridge for up to 400 workers under the "
               "supervision of the Delta Agency.")


def test_a_dropped_and_an_inserted_clause_that_name_other_things_make_no_move() -> None:
    # A dropped clause and one inserted at the front rename the same two concepts (rebuild /
    # reconstruction, supervision / verify) over a stock figure, but name other bodies and
    # places: two clauses, not one moved.  The true moves of the same redraft still link.
    dropped = _FOOTBRIDGE
    inserted = ("The Fenwick Trust shall verify the reconstruction of Holm Mill for up to 400 workers "
                "as soon as possible.")
    old, new = _redraft(dropped, inserted)
    links = number_links(old, new)
    assert ("13", "1") not in links
    assert links[("12", "2")] == links[("5", "13")] == "concept-match"
    # The names are what keeps them apart: without the rule the look-alikes link.
    assert number_links(old, new, AlignConfig(concept_move_names=0))[("13", "1")] == "concept-match"


def test_a_moved_clause_that_keeps_its_names_links_however_many_it_names() -> None:
    # The same renaming, moved to the front, under the same names: one clause.
    old_text = _FOOTBRIDGE
    new_text = ("The Delta Agency will verify that Marlow County completes the reconstruction of the Ashby "
                "footbridge for up to 400 workers.")
    old, new = _redraft(old_text, new_text)
    assert ("13", "1") in number_links(old, new)
