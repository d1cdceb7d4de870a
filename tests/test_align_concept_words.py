"""Drafting paraphrases the concept-match pass reads: "permitted" / "allowed", "the interpretation
of these rules" / "what these rules mean", "alterations" / "changes", "personal documents" /
"identity papers".

Made-up house rules of a housing cooperative, redrafted: the pets clause is reworded and moved to
the end ("Pets are permitted ... any damage ... at the member's expense" -> "Pets are allowed ...
their owner covers any harm"), the dispute clause reworded and moved to the front.  A new
definition ("'household' means ...") holds "means" too and takes nothing.
"""

from __future__ import annotations

import pytest
from align_cases import change_of, numbered_version

from peacediff._lexical import normalise, paraphrase_bag
from peacediff.compare import compare

_RULES = [
    "These rules apply to every member of the Elm Court Housing Cooperative and to their households.",
    "Each member pays the monthly charge set by the general meeting by the fifth day of the month.",
    "The general meeting elects a board of five members for a term of two years.",
    "Pets are permitted provided they cause no nuisance to neighbours; any damage they cause is repaired at the "
    "member's expense.",
    "Bicycles are kept in the shed behind block B and nowhere else.",
    "Quiet hours run from 10 p.m. to 7 a.m. every day.",
    "Members may sublet their flat only with the written consent of the board.",
    "Repairs inside a flat are the member's own business, repairs to the building the cooperative's.",
    "Rubbish is sorted and put in the bins in the courtyard on Monday and Thursday.",
    "A member who leaves gives the board three months' notice in writing.",
    "Any dispute concerning the interpretation of these rules shall be decided by the general meeting.",
    "The laundry room is open from 8 a.m. to 9 p.m.",
    "Guests may stay in a flat for no more than four weeks a year without the board's approval.",
    "These rules may be amended by a two-thirds majority of the general meeting.",
]
_DEFINITION = "In these rules, 'household' means the people who live in a member's flat."
_REDRAFT = [
    "Whenever members disagree about what these rules mean, the general meeting has the last word.",
    *_RULES[:3], *_RULES[4:10], _DEFINITION, *_RULES[11:],
    "Pets are allowed as long as they do not bother the neighbours, and their owner covers any harm they do.",
]


@pytest.mark.parametrize(
    ("one", "other", "concept"),
    [("Pets are permitted.", "Pets are allowed.", "~allow"),
     ("Disputes on the interpretation of the rules.", "If members disagree about what the rules mean.", "~interpret"),
     ("No alterations to the premises.", "Any change to the premises.", "~amend"),
     ("Each released person receives clothing and personal documents.",
      "Each person set free is given clothes and identity papers.", "~document")],
)
def test_both_wordings_hold_the_concept(one: str, other: str, concept: str) -> None:
    assert concept in paraphrase_bag(normalise(one)) and concept in paraphrase_bag(normalise(other))


def test_clauses_reworded_and_moved_link_on_the_concepts() -> None:
    old, new = numbered_version("old", _RULES), numbered_version("new", _REDRAFT)
    pets = change_of(old, new, "Pets are permitted")
    assert [p.number for p in pets.new] == ["15"] and pets.rule == "concept-match" and pets.moved
    dispute = change_of(old, new, "interpretation of these rules")
    assert [p.number for p in dispute.new] == ["1"] and dispute.rule == "concept-match" and dispute.moved


def test_a_new_definition_holding_means_takes_nothing() -> None:
    c = compare(numbered_version("old", _RULES), numbered_version("new", _REDRAFT), align="text")
    definition = next(ch for ch in c.changes if any(p.text == _DEFINITION for p in ch.new))
    assert definition.kind == "added"
