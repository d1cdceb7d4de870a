"""British and American spellings of one word are one word to the aligner.

Drafts of one text pass between British, European and American teams ("authorised" /
"authorized", "defence" / "defense", "labour" / "labor", "programme" / "program", "cancelled" /
"canceled").  A respelled word is the same word: it counts for similarity and as shared
evidence.  Made-up documents: the staff rules of a joint defence research centre, redrafted by
the American side, with clauses moved and lightly reworded.  The word diff still shows the
respelling (the text did change).
"""

from __future__ import annotations

import pytest
from align_cases import numbered_version

from peacediff._lexical import Vectors, american, stem, stem_counts, words
from peacediff.compare import compare


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("authorised", "authorized"), ("organisation", "organization"), ("organisations", "organizations"),
        ("organisational", "organizational"), ("realisation", "realization"),
        ("recognises", "recognizes"), ("analysing", "analyzing"), ("labour", "labor"), ("labourers", "laborers"),
        ("neighbouring", "neighboring"), ("favourable", "favorable"), ("defence", "defense"),
        ("licence", "license"), ("programme", "program"), ("centre", "center"), ("kilometres", "kilometers"),
        ("cancelled", "canceled"), ("travelling", "traveling"), ("counsellor", "counselor"),
        ("instalment", "installment"), ("fulfilment", "fulfillment"), ("judgement", "judgment"),
    ],
)
def test_a_british_spelling_stems_as_its_american_form(british: str, us: str) -> None:
    assert american(british) == us
    assert stem(british) == stem(us)


@pytest.mark.parametrize("word", ["raise", "rise", "noise", "arising", "visiting", "listing", "four", "hour", "your",
                                  "our", "are", "more", "where", "crisis", "analysis", "basis", "tour", "source",
                                  "briefings", "visits"])
def test_words_that_only_look_british_are_left_alone(word: str) -> None:
    assert american(word) == word


def test_one_sentence_in_both_spellings_has_cosine_one() -> None:
    uk = "The Organisation shall authorise the Centre's defence programme and recognise its labour rules."
    us = "The Organization shall authorize the Center's defense program and recognize its labor rules."
    vec = Vectors([stem_counts(words(uk))], [stem_counts(words(us))])
    assert vec.cosine(vec.old[0], vec.new[0]) == pytest.approx(1.0)


_RULES_UK = [
    "These rules govern the staff of the Joint Defence Research Centre at Kestrel Point.",
    "The Centre is an organisation established by the two governments under the 2026 agreement.",
    "Authorised organisations may analyse and catalogue the specialised defence programmes of the Centre.",
    "Staff are recruited on merit from nationals of both countries.",
    "Each member of staff holds a security licence issued by the Centre's defence security office.",
    "The labour conditions of staff follow the collective agreement of the host country.",
    "Travelling expenses are reimbursed in full on presentation of receipts.",
    "A cancelled mission is reported to the Director within two working days.",
    "Staff may not accept honours or favours from any government or organisation.",
    "Disputes between staff and the Centre go to the Staff Tribunal.",
    "The Director recognises the staff association and consults it on every change to these rules.",
    "Every member of staff completes a defence ethics programme in the first year of service.",
]
_RULES_US = [
    "These rules govern the staff of the Joint Defense Research Center at Kestrel Point.",
    "The Center is an organization established by the two governments under the 2026 agreement.",
    "Staff are recruited on merit from nationals of both countries.",
    "Each member of staff holds a security license issued by the Center's defense security office.",
    "Every member of staff shall complete a defense ethics program in the first year of service.",
    "The labor conditions of staff follow the collective agreement of the host country.",
    "Traveling expenses are reimbursed in full on presentation of receipts.",
    "A canceled mission is reported to the Director within two working days.",
    "Staff may not accept honors or favors from any government or organization.",
    "Disputes between staff and the Center go to the Staff Tribunal.",
    "The Director recognizes the staff association and consults it on every change to these rules.",
    "Authorized organizations may analyze and catalog the specialized defense programs of the Center.",
]




def test_an_american_redraft_of_british_rules_links_every_clause_moved_ones_included() -> None:
    old, new = numbered_version("uk", _RULES_UK), numbered_version("us", _RULES_US)
    c = compare(old, new, align="text")
    links = {(p.number, q.number) for ch in c.changes for p in ch.old for q in ch.new}
    assert links == {("1", "1"), ("2", "2"), ("3", "12"), ("4", "3"), ("5", "4"), ("6", "6"), ("7", "7"),
                     ("8", "8"), ("9", "9"), ("10", "10"), ("11", "11"), ("12", "5")}
    moved = {(ch.old[0].number, ch.new[0].number) for ch in c.changes if ch.moved}
    assert ("3", "12") in moved or ("12", "5") in moved
    # The redline still shows the respelling: the text changed.
    respelled = next(ch for ch in c.changes if ch.old and ch.old[0].number == "6")
    assert respelled.kind == "modified"
    assert any(op == -1 and "labour" in text for op, text in respelled.ops)
