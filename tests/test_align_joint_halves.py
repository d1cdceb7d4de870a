"""Two halves of a reworded point split in two join it on their clear choice, not on the gain.

benchmarks/redrafts-6 (a development corpus of made-up redrafts in which nearly nothing survives
verbatim): a prisoner-exchange clause, "No person shall be transferred against his or her will.
A detained person who declines return may remain in the territory of the detaining Party ...",
becomes "Nobody will be handed over against his or her wishes." and "Someone who chooses not to
go back may stay where he or she is ...".  Each half has the old clause as its clear best (0.32
against 0.18, 0.36 against 0.13), but together they score only 0.04 above the better half, under
``joint_gain``; a later pass links the old clause to one half only, and the other reads as added.  ``joint_lead`` lets
two such halves join.
"""

from __future__ import annotations

from pathlib import Path

import attrs

import peacediff
from peacediff._align_config import DEFAULT
from peacediff.compare import compare

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "redrafts-6"


def _split_of_11(config=DEFAULT):
    old = peacediff.load(CORPUS / "prisoner-exchange.old.txt")
    new = peacediff.load(CORPUS / "prisoner-exchange.new.txt")
    c = compare(old, new, align="text", config=config)
    return next(ch for ch in c.changes if [p.number for p in ch.old] == ["11"])


def test_two_clearly_chosen_halves_join_their_old_clause() -> None:
    ch = _split_of_11()
    assert ch.kind == "split" and ch.rule == "joint"
    assert [q.number for q in ch.new] == ["12", "13"]


def test_without_the_lead_rule_one_half_is_left_out() -> None:
    ch = _split_of_11(attrs.evolve(DEFAULT, joint_lead=1.0))
    assert ch.kind == "modified" and len(ch.new) == 1
