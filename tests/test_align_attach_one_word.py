"""The second half of a list item split in two joins it on one rare word and a clear lead.

Made-up document: a coalition agreement's portfolio list, redrafted with "trade and industry"
split into two portfolios ("Portfolio 2, trade" and "Portfolio 3, industry") while every other
portfolio changed party.  The "industry" half shares one word with its old item that the rest of
the document lacks ("industry"; the party holds other portfolios too), leads its runner-up
clearly and brings the old item what its linked half does not.  The attach pass asked two such
words (``attach_lead_shared``); the generated item-split lists of benchmarks/bench_lists.py lost
a fifth of their true second halves to it (334 missed of 22,576 links, 262 at one word, the same
3 false links).
"""

from __future__ import annotations

import attrs
from align_cases import change_of, numbered_version

from peacediff._align_config import DEFAULT

_HEAD = [
    "The parties below form a coalition government for the coming term of parliament.",
    "The Prime Minister comes from the largest party of the coalition.",
    "Ministers are appointed to the portfolios as allotted in this agreement.",
]
_TAIL = [
    "A party that leaves the coalition gives a month's notice to its partners.",
    "The coalition partners vote together on the budget.",
    "The leaders of the parties meet every week while parliament sits.",
    "This agreement is reviewed after two years.",
]
OLD = numbered_version("old", [
    *_HEAD,
    "Portfolio 1, housing and local government: Christian People's Party.",
    "Portfolio 2, trade and industry: Social Democrats.",
    "Portfolio 3, finance and budget: Farmers' Union.",
    "Portfolio 4, education and research: Farmers' Union.",
    "Portfolio 5, transport and infrastructure: Social Democrats.",
    *_TAIL,
])
NEW = numbered_version("new", [
    *_HEAD,
    "Portfolio 1, housing and local government: Christian People's Party.",
    "Portfolio 2, trade: Social Democrats.",
    "Portfolio 3, industry: Social Democrats.",
    "Portfolio 4, finance and budget: Christian People's Party.",
    "Portfolio 5, education and research: Social Democrats.",
    "Portfolio 6, transport and infrastructure: Farmers' Union.",
    *_TAIL,
])


def _split(config=DEFAULT):
    return change_of(OLD, NEW, "trade and industry", config)


def test_both_halves_of_the_split_portfolio_join_it() -> None:
    ch = _split()
    assert ch.kind == "split"
    assert [q.text for q in ch.new] == ["Portfolio 2, trade: Social Democrats.",
                                        "Portfolio 3, industry: Social Democrats."]


def test_asking_two_shared_words_leaves_the_industry_half_added() -> None:
    ch = _split(attrs.evolve(DEFAULT, attach_lead_shared=2))
    assert ch.kind == "modified" and [q.text for q in ch.new] == ["Portfolio 2, trade: Social Democrats."]
