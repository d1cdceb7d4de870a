"""The redline view's shortcuts give what the full computation gives.

``notes_for`` answers "no footnotes" without walking a change whose provisions carry no
evidence, sub-points, variants or removal (:func:`peacediff.render._notes._noteless`); the
view's label is built from numbers computed once.  The tests compare both with the full
computation on every change of every bundled comparison and on made-up changes with evidence
on one side only.
"""

from __future__ import annotations

import itertools

import attrs
import pytest

import peacediff
from peacediff.compare import Change, compare
from peacediff.model import Evidence, Source, Version
from peacediff.render import _notes, _redline


def _notes_of(change: Change, comparison: peacediff.Comparison) -> str:
    # Notes compare by identity: their reprs list every field, sources included.
    return repr(_notes.notes_for(change, comparison, [0]))


def _full_notes(change: Change, comparison: peacediff.Comparison, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as m:
        m.setattr(_notes, "_noteless", lambda _change: False)
        return _notes_of(change, comparison)


def _comparisons() -> list[peacediff.Comparison]:
    versions = peacediff.versions()
    return [compare(a, b) for a, b in itertools.permutations(versions, 2)]


def test_notes_of_every_bundled_change_are_the_full_walks(monkeypatch: pytest.MonkeyPatch) -> None:
    for comparison in _comparisons():
        for change in _notes.walk_changes(comparison.changes):
            assert _notes_of(change, comparison) == _full_notes(change, comparison, monkeypatch)


@pytest.mark.parametrize("side", ["old", "new"])
def test_evidence_on_one_side_only_is_a_note(side: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = Source(id="wire", outlet="A wire service")
    plain = Version.from_texts("a", ["Forces capped at 600,000.", "A ceasefire."])
    quoted = attrs.evolve(plain, id="b", sources=(source,), provisions=(
        attrs.evolve(plain.provisions[0], text="Forces capped at 800,000.",
                     evidence=(Evidence(source="wire", quote="capped at 800,000"),)),
        plain.provisions[1],
    ))
    old, new = (quoted, plain) if side == "old" else (plain, quoted)
    comparison = compare(old, new)
    change = comparison.changes[0]
    notes = _notes.notes_for(change, comparison, [0])
    assert [n.quote for n in notes] == ["capped at 800,000"]
    assert repr(notes) == _full_notes(change, comparison, monkeypatch)


def test_labels_read_as_the_changes_own() -> None:
    for comparison in _comparisons():
        for change in comparison.changes:
            if change.kind != "unknown":
                assert _redline._label(change, change.old_numbers, change.new_numbers) == change.label


@pytest.mark.parametrize("number", ["5", "12bis", "5a", "ä1", "٣", "1.2", "x y", "Ω", "a_b", "A-1", "²", "Ⅻ"])
def test_element_ids_of_point_numbers_are_cleaned_alike(number: str) -> None:
    from types import SimpleNamespace
    from typing import cast

    from peacediff.model import Provision
    from peacediff.render import _anchors

    # Any label a reader may hand over, valid point number or not.
    provision = cast(Provision, SimpleNamespace(number=number, key=None))
    assert _anchors._anchor_part(provision, 0) == _anchors._UNSAFE_ID.sub("_", number)
