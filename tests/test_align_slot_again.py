"""A second slot round (``slot-after-demotion``): the slots the later passes bound.

The first slot round links, in a slot, the pairs that are each other's best there.  A clause
whose best candidate is its neighbour's rewrite (two clauses of one subject: logbooks for large
and for small boats) is left over; once the paraphrase pass has linked the neighbour, the clause
stands alone between two links with its own rewrite, and that place is the slot's evidence.
Made-up document: a fisheries agreement whose logbook clauses are reworded under numbers shifted by
a new first clause.
"""

from __future__ import annotations

import pytest
from align_cases import change_of, numbered_version

from peacediff import align

_OLD = [
    "This Agreement between the Republic of Arvan and the Republic of Belsk governs fishing on the Dorn Bank.",
    "A joint Fisheries Board of six members manages the Bank and sets the season's catch limits.",
    "No vessel may fish on the Bank between 1 March and 30 April.",
    "Each vessel longer than 12 metres shall keep a catch logbook and send a copy to the Board each month.",
    "Each vessel of 12 metres or less shall keep a catch logbook and report its landings to the harbour master "
    "each week.",
    "The minimum mesh size of any towed net used on the Bank is 110 millimetres.",
    "Each Party bears the costs of its own inspectors.",
    "This Agreement enters into force on the date of the last notification of ratification.",
]
_NEW = [
    "The Parties recognise the Dorn Bank as a shared fishing ground.",
    *_OLD[:3],
    "Boats above 12 metres must record what they catch in a logbook, copied to the Board monthly.",
    "Smaller boats are spared the logbook but tell the harbour master weekly what they have landed.",
    *_OLD[5:],
]


def test_a_clause_left_alone_between_two_links_joins_its_rewrite() -> None:
    old, new = numbered_version("old", _OLD), numbered_version("new", _NEW)
    large = change_of(old, new, "longer than 12 metres")
    small = change_of(old, new, "12 metres or less")
    assert [p.number for p in large.new] == ["5"] and large.rule == "paraphrase"
    # Its best candidate was the large boats' rewrite; alone beside it now, it links in place.
    assert [p.number for p in small.new] == ["6"] and small.rule == "slot-after-demotion"
    assert small.kind == "modified" and not small.moved


def test_without_the_second_round_the_clause_reads_as_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    passes = tuple(p for p in align._TEXT_PASS_FUNCTIONS if p[0] != "slot-after-demotion")
    monkeypatch.setattr(align, "_TEXT_PASS_FUNCTIONS", passes)
    small = change_of(numbered_version("old", _OLD), numbered_version("new", _NEW), "12 metres or less")
    # Removed, with its rewrite offered only as a possible match.
    assert small.kind == "removed"
    assert small.possible_match is not None and small.possible_match.provision.number == "6"
