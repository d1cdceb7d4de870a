"""A reworded point moved far links on its concepts when nothing else in the document comes near.

Made-up document: a regional water-sharing compact of 22 clauses.  Its entry-into-force clause,
last in the old draft ("This Compact shall come into force on the day on which the last of the
three Provinces has ratified it"), opens the redraft in other words ("The Compact takes effect
once all three Provinces have ratified it").  Plain cosine 0.2-0.3: under the bar a moved
concept-match pair needs (``concept_move_min_cos``), and entry into force is read from phrases,
not renamed words, so it does not count as a concept named in other words either.  Its lead over
every rival, though, is far beyond what a dropped and an inserted point sharing a word reach
(``concept_move_clear_lead``).
"""

from __future__ import annotations

import attrs
from align_cases import change_of, numbered_version

from peacediff._align_config import DEFAULT
from peacediff.compare import compare
from peacediff.model import Version

_FORCE_OLD = "This Compact shall come into force on the day on which the last of the three Provinces has ratified it."
_FORCE_NEW = "The Compact takes effect once all three Provinces have ratified it."
_BODY = [
    "The three Provinces share the waters of the Vell river as set out in this Compact.",
    "Each Province may draw up to a third of the measured summer flow at Corran weir.",
    "The upstream Province keeps a minimum flow of 12 cubic metres a second at the border.",
    "A Joint River Board of six members, two from each Province, manages the shared waters.",
    "The Board meets every three months and publishes its minutes.",
    "The Board measures the flow at four gauging stations and keeps the records for ten years.",
    "No Province builds a new dam on the main river without the consent of the other two.",
    "Each Province treats its sewage before discharging it into the river.",
    "The Board sets limits for nitrates and phosphates in the river water.",
    "A Province that exceeds a limit cleans up the damage at its own cost.",
    "In a drought the Board may cut every Province's share by the same proportion.",
    "The Provinces warn each other at once of any flood or pollution incident.",
    "Fishing rights on the river are unaffected by this Compact.",
    "Navigation on the lower river remains free for vessels of all three Provinces.",
    "The Board's budget is paid by the Provinces in equal shares.",
    "Each Province appoints an inspector who may visit any intake on the river.",
    "The Board reports to the three provincial assemblies every year.",
    "Disputes go first to the Board and then to an arbitrator chosen by the three Provinces.",
    "Any Province may propose amendments, which need the approval of all three assemblies.",
    "A Province may withdraw from the Compact on two years' written notice.",
]




OLD = numbered_version("old", [*_BODY, _FORCE_OLD])
NEW = numbered_version("new", [_FORCE_NEW, *_BODY])


def _force_change(old: Version, new: Version, config=DEFAULT):
    return change_of(old, new, _FORCE_OLD, config)


def test_the_entry_into_force_clause_moved_to_the_front_and_reworded_links_as_a_move() -> None:
    ch = _force_change(OLD, NEW)
    assert [q.text for q in ch.new] == [_FORCE_NEW]
    assert ch.moved and ch.rule == "concept-match"


def test_without_the_clear_lead_it_reads_as_removed_and_added() -> None:
    off = attrs.evolve(DEFAULT, concept_move_clear_lead=1.0)
    ch = _force_change(OLD, NEW, off)
    assert ch.kind == "removed"


def test_a_clause_that_shares_only_a_word_with_an_inserted_one_makes_no_move() -> None:
    # The clause dropped, and a new first clause on ratification of something else: no lineage.
    other = "Each Province has ratified the 1998 convention on river pollution."
    new = numbered_version("new", [other, *_BODY])
    ch = _force_change(OLD, new)
    assert ch.kind == "removed"


_LAW_OLD = "Velandian law governs this charter."
_LAW_NEW = "This Charter is subject to the laws of the Republic of Velandia."


def test_a_short_clause_moved_in_other_words_links_on_two_rare_words_and_a_lead_no_look_alike_reaches() -> None:
    # Two rare words in common ("law", "charter"): under concept_plain_shared, so the plain-wording
    # path asks the lead of concept_move_clear_lead instead.
    old, new = numbered_version("old", [*_BODY, _LAW_OLD]), numbered_version("new", [_LAW_NEW, *_BODY])
    ch = change_of(old, new, _LAW_OLD)
    assert [q.text for q in ch.new] == [_LAW_NEW] and ch.moved
    ch = change_of(old, new, _LAW_OLD, attrs.evolve(DEFAULT, concept_move_clear_lead=1.0))
    assert ch.kind == "removed"


def test_moved_clauses_reworded_around_four_of_their_names_link_on_those_pieces() -> None:
    # benchmarks/redrafts-5 (a development corpus of made-up redrafts): a flood compact's clauses
    # reworded and moved, sharing four or more pieces of rare evidence with their old wording, at
    # cosines of 0.26-0.32 and leads of 0.185 (under concept_plain_margin and concept_move_min_cos).
    from pathlib import Path

    import peacediff

    corpus = Path(__file__).resolve().parent.parent / "benchmarks" / "redrafts-5"
    old = peacediff.load(corpus / "river-flood-compact.old.txt")
    new = peacediff.load(corpus / "river-flood-compact.new.txt")

    def concept_links(config=DEFAULT) -> set[tuple[str, str]]:
        c = compare(old, new, align="text", config=config)
        return {(p.number, q.number) for ch in c.changes if ch.rule == "concept-match" for p in ch.old for q in ch.new}

    assert {("13", "15"), ("20", "5")} <= concept_links()
    assert not {("13", "15"), ("20", "5")} & concept_links(attrs.evolve(DEFAULT, concept_move_pieces=99))


def test_moved_clauses_reworded_around_three_of_their_names_link_on_those_pieces() -> None:
    # benchmarks/redrafts-5: a code-share's indemnity clause ("indemnify ... losses and expenses
    # arising from its own negligence" / "whose negligence ... must make good any loss or cost") and a
    # teachers' agreement's training days ("five days of professional development ... met by the
    # Authority" / "The Authority pays for at least five days of training"), moved and reworded
    # around three pieces of rare evidence, leading every rival by about 0.2 at cosines of 0.23-0.33.
    # Each crossed a firm link when it was linked (the indemnity clause reads as in place once the
    # document's other moves are settled).
    from pathlib import Path

    import peacediff

    corpus = Path(__file__).resolve().parent.parent / "benchmarks" / "redrafts-5"

    def concept_links(name: str, config=DEFAULT) -> set[tuple[str, str]]:
        old = peacediff.load(corpus / f"{name}.old.txt")
        new = peacediff.load(corpus / f"{name}.new.txt")
        c = compare(old, new, align="text", config=config)
        return {(p.number, q.number) for ch in c.changes if ch.rule == "concept-match" for p in ch.old for q in ch.new}

    four = attrs.evolve(DEFAULT, concept_move_pieces=4)
    assert ("23", "25") in concept_links("airline-codeshare")
    assert ("23", "25") not in concept_links("airline-codeshare", four)
    assert ("18", "9") in concept_links("teachers-pay")
    assert ("18", "9") not in concept_links("teachers-pay", four)


def test_a_moved_clause_whose_parties_the_redraft_renamed_throughout_still_links() -> None:
    # benchmarks/redrafts-7: a port concession renames its parties in every clause ("the
    # Concessionaire" / "the Operator", "the Grantor" / "the City").  Its change-of-control clause,
    # moved and reworded, names none of the old names, but those names are no evidence: each is in
    # several clauses of one version only (AlignState.names_apart reads only telling names).
    from pathlib import Path

    import peacediff

    corpus = Path(__file__).resolve().parent.parent / "benchmarks" / "redrafts-7"
    old = peacediff.load(corpus / "port-concession.old.txt")
    new = peacediff.load(corpus / "port-concession.new.txt")
    c = compare(old, new, align="text")
    links = {(p.number, q.number): ch.rule for ch in c.changes for p in ch.old for q in ch.new}
    assert links[("23", "4")] == "concept-match"
