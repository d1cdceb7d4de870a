"""The version matrix: lineages through versions, its laws on generated chains, the bundled data, views, CLI."""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacediff
from peacediff._synth import revise, versions_of
from peacediff.cli import main
from peacediff.model import Parameter, Provision, Removal, Version
from peacediff.strategies import mutations, provision_texts, revisions
from peacediff.timeline import history
from peacediff.versionmatrix import CELL_KINDS, PRESENT_KINDS, Matrix, matrix

# --------------------------------------------------------------------------------------------
# Made-up chains
# --------------------------------------------------------------------------------------------

V1 = Version.from_texts("v1", [
    "The river border follows the deepest channel.",
    "Each side keeps at most 40 patrol boats on the river.",
    "A joint commission meets every month in the border town.",
    "Fishing permits are issued by both sides for the whole river.",
], date="2024-01-01")
V2 = Version.from_texts("v2", [
    "A joint commission meets every month in the border town.",
    "The river border follows the deepest channel.",
    "Each side keeps at most 60 patrol boats on the river.",
    "Fishing permits are issued by both sides for the whole river.",
    "Ferries may cross the river without inspection.",
], date="2024-02-01")
V3 = Version.from_texts("v3", [
    "The river border follows the deepest channel.",
    "Each side keeps at most 60 patrol boats on the river.",
    "A joint commission meets every month in the border town.",
    "Ferries may cross the river without inspection.",
], date="2024-03-01", coverage="partial")


def _kinds(m: Matrix) -> list[list[str]]:
    return [[c.kind for c in row.cells] for row in m.rows]


def test_unkeyed_versions_are_chained_through_consecutive_alignments() -> None:
    m = matrix([V3, V1, V2])  # given out of order: columns are in date order
    assert [v.id for v in m.versions] == ["v1", "v2", "v3"]
    assert _kinds(m) == [
        ["new", "renumbered", "renumbered"],      # pushed down by the move, then back
        ["new", "modified", "renumbered"],
        ["new", "moved", "moved"],                # the commission moves to the front, then back
        ["new", "same", "not reported"],          # v3 is a partial record: silence is not removal
        ["not yet introduced", "new", "renumbered"],
    ]
    assert [c.numbers for c in m.rows[1].cells] == [("2",), ("3",), ("2",)]


def test_a_removal_in_a_complete_record_reads_removed() -> None:
    m = matrix([V1, V2, attrs.evolve(V3, coverage="complete")])
    assert m.rows[3].cells[2].kind == "removed"


def _keyed(id: str, date: str, points: list[tuple[str, str, str]], parents: tuple[str, ...] = (),
           **kw: object) -> Version:
    return Version(id=id, title=id, date=date, parents=parents,
                   provisions=tuple(Provision(text=t, number=n, key=k,
                                              parameters=(Parameter("boats", int(t.split()[0]), unit="boats"),)
                                              if t[0].isdigit() else ())
                                    for n, k, t in points), **kw)


BASE = _keyed("base", "2024-01-01", [("1", "border", "The border follows the river."),
                                     ("2", "boats", "40 patrol boats at most."),
                                     ("3", "tolls", "Tolls are shared.")])
SIBLING_A = _keyed("a", "2024-02-01", [("1", "border", "The border follows the river."),
                                        ("2", "boats", "60 patrol boats at most."),
                                        ("3", "lights", "Lighthouses are shared.")],
                   parents=("base",), removed=(Removal(key="tolls"),))
OTHER = _keyed("other", "2024-02-15", [("I", "o-fish", "Fishing is free.")])
SIBLING_B = _keyed("b", "2024-03-01", [("2", "border", "The border follows the river."),
                                        ("1", "boats", "60 patrol boats at most in peacetime.")],
                   parents=("base",), coverage="partial")


def test_keyed_rows_parents_and_unrelated_documents() -> None:
    m = matrix([BASE, SIBLING_A, OTHER, SIBLING_B])
    assert [r.id for r in m.rows] == ["border", "boats", "tolls", "lights", "o-fish"]
    assert _kinds(m) == [
        ["new", "same", "absent", "renumbered"],
        ["new", "modified", "absent", "modified"],
        ["new", "removed", "absent", "not reported"],
        ["not yet introduced", "new", "absent", "absent"],   # a sibling's addition is not in b's line
        ["not yet introduced", "not yet introduced", "new", "absent"],
    ]


def test_parameter_cells_show_values_and_variants() -> None:
    from peacediff.model import Claim, Variant

    disputed = attrs.evolve(SIBLING_B, variants=(Variant(
        id="boats-dispute", topic="Boats", key="boats", parameter="boats",
        claims=(Claim(60, ("x",), unit="boats"), Claim(80, ("y",), unit="boats"))),))
    m = matrix([BASE, SIBLING_A, disputed], parameter="boats")
    (row,) = m.rows
    assert [c.value for c in row.cells] == ["40 boats", "60 boats", "60 boats"]
    assert row.cells[2].variants == ("80 boats",)
    with pytest.raises(KeyError, match="fix: use one of: boats"):
        matrix([BASE, SIBLING_A], parameter="sails")


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="twice"):
        matrix([V1, V1])
    with pytest.raises(TypeError, match="versions or version ids"):
        matrix([V1, 3])  # type: ignore[list-item]


# --------------------------------------------------------------------------------------------
# Laws on generated chains
# --------------------------------------------------------------------------------------------


@st.composite
def unkeyed_chains(draw: st.DrawFn) -> list[Version]:
    """Two or three unkeyed versions, each a revision of the one before (the last maybe partial)."""
    texts = draw(provision_texts(max_size=8))
    chain = []
    for step in range(draw(st.integers(1, 2))):
        items, offset = revise(texts, draw(mutations(max_size=4)), n_rare=40, seed=draw(st.integers(0, 1000)))
        old, new = versions_of(texts, items, offset, new_coverage=draw(st.sampled_from(("complete", "partial"))))
        if not chain:
            chain.append(attrs.evolve(old, id="v0", date="2024-01-01"))
        chain.append(attrs.evolve(new, id=f"v{step + 1}", date=f"2024-0{step + 2}-01"))
        texts = [p.text for p in new.provisions]
    return chain


@settings(max_examples=60, deadline=None)
@given(unkeyed_chains())
def test_one_row_per_lineage_and_one_column_per_version(chain: list[Version]) -> None:
    m = matrix(chain)
    assert len(m.versions) == len(chain)
    assert all(len(row.cells) == len(chain) for row in m.rows)
    comparisons = [peacediff.compare(old, new) for old, new in itertools.pairwise(chain)]
    fresh = len(chain[0].provisions) + sum(len(ch.new) for c in comparisons for ch in c.changes if not ch.old)
    assert len(m.rows) == fresh
    assert len({r.id for r in m.rows}) == len(m.rows)
    for j, version in enumerate(chain):  # every provision sits in some row of its column
        shown = {n for row in m.rows for n in row.cells[j].numbers}
        assert shown == {p.label for p in version.provisions}
    for row in m.rows:  # "not yet introduced" only before the lineage's first appearance
        kinds = [c.kind for c in row.cells]
        first = next(i for i, k in enumerate(kinds) if k in PRESENT_KINDS)
        assert all(k == "not yet introduced" for k in kinds[:first])
        assert "not yet introduced" not in kinds[first:]
        assert set(kinds) <= set(CELL_KINDS)


@settings(max_examples=60, deadline=None)
@given(revisions(keyed=True, coverage=None))
def test_keyed_rows_are_the_keys(case: tuple[Version, Version, frozenset]) -> None:
    old, new, _ = case
    new = attrs.evolve(new, date="2024-02-01", parents=(old.id,))
    m = matrix([attrs.evolve(old, date="2024-01-01"), new])
    keys = {p.key for v in (old, new) for p in v.provisions}
    assert [r.id for r in m.rows] == list(dict.fromkeys(p.key for v in (old, new) for p in v.provisions))
    assert len(m.rows) == len(keys)


def test_keyed_versions_without_parents_are_read_against_the_last_sharing_a_key() -> None:
    orphan = attrs.evolve(SIBLING_A, parents=(), removed=())  # no parents, no removal record
    m = matrix([BASE, OTHER, attrs.evolve(orphan, date="2024-03-01")])
    assert [v.id for v in m.versions] == ["base", "other", "a"]
    assert [[c.kind for c in m.row(k).cells] for k in ("boats", "tolls")] == [
        ["new", "absent", "modified"],
        ["new", "absent", "removed"],   # absent from a complete record that revises it
    ]


@settings(max_examples=60, deadline=None)
@given(revisions(keyed=True))
def test_a_keyed_revision_without_parents_reads_like_its_comparison(case: tuple[Version, Version, frozenset]) -> None:
    old, new, _ = case
    m = matrix([attrs.evolve(old, date="2024-01-01"), attrs.evolve(new, date="2024-02-01")])
    if not old.provisions or not new.provisions:
        return
    if not {p.key for p in old.provisions} & {p.key for p in new.provisions}:
        # Parentless versions that share no key are unrelated: the matrix reads the new one
        # against nothing (its old rows are "absent"), which compare() cannot know.
        assert all(r.cells[1].kind in ("absent", "new") for r in m.rows)
        return
    removed = {p.key for ch in peacediff.compare(old, new).changes if ch.kind == "removed" for p in ch.old}
    assert {r.key for r in m.rows if r.cells[1].kind == "removed"} == removed


@settings(max_examples=25, deadline=None)
@given(revisions(keyed=True, coverage=None))
def test_a_history_visits_each_version_at_most_once(case: tuple[Version, Version, frozenset]) -> None:
    old, new, _ = case
    if not old.provisions:
        return
    old = attrs.evolve(old, date="2024-01-01")
    new = attrs.evolve(new, date="2024-02-01", parents=(old.id,))
    with tempfile.TemporaryDirectory() as folder:
        for v in (old, new):
            peacediff.save(v, Path(folder) / f"{v.id}.toml")
        archive = peacediff.Archive(folder)
        for key in sorted({p.key for p in old.provisions}):
            ids = [e.version.id for e in history(key, archive).entries]
            assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------------------------
# The bundled data
# --------------------------------------------------------------------------------------------


def test_bundled_army_cap_row() -> None:
    m = peacediff.matrix(parameter="armed_forces_cap")
    row = m.row("army-cap")
    cells = {v.id: c for v, c in zip(m.versions, row.cells, strict=True)}
    assert cells["us-russia-28"].value == "600,000 personnel"
    assert cells["e3-counter-28"].value == cells["us-ua-20"].value == "800,000 personnel"
    assert cells["e3-counter-28"].kind == cells["us-ua-20"].kind == "modified"
    assert "no strict cap" in cells["geneva-19"].variants  # the Geneva report's variant


def test_bundled_matrix_columns_and_rows() -> None:
    m = peacediff.matrix()
    assert [v.id for v in m.versions] == [v.id for v in peacediff.Archive.bundled().versions()]
    keys = {p.key for v in m.versions for p in v.provisions}
    assert {r.id for r in m.rows} == keys
    assert m.row("free-trade").cells[0].kind == "not yet introduced"


# --------------------------------------------------------------------------------------------
# Views and command line
# --------------------------------------------------------------------------------------------


def test_views() -> None:
    m = matrix([BASE, SIBLING_A, OTHER, SIBLING_B])
    data = json.loads(m.to_json())
    assert [v["id"] for v in data["versions"]] == ["base", "a", "other", "b"]
    assert data["rows"][2]["cells"][1] == {"kind": "removed", "numbers": [], "value": None, "variants": []}
    html = m.to_html()
    assert html.startswith("<!DOCTYPE html>") and html.count("<tr>") == 1 + len(m.rows)
    assert "| boats | new 2 | modified 2 | – | modified 1 |" in m.to_markdown()
    assert "not reported" in m.to_text()
    assert set(m._repr_mimebundle_()) == {"text/html", "text/plain"}
    assert m.to_html() == matrix([BASE, SIBLING_A, OTHER, SIBLING_B]).to_html()


def test_hostile_text_is_escaped() -> None:
    evil = Version.from_texts("evil", ["<img src=x onerror=alert(1)> \u202e"], date="2024-01-01",
                              title="<script>alert(2)</script>")
    html = matrix([evil]).to_html()
    assert "<script>" not in html.split("</style>", 1)[1] and "<img" not in html and "\u202e" not in html


def test_to_pandas() -> None:
    pd = pytest.importorskip("pandas")
    frame = matrix([V1, V2]).to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["v1", "v2"] and len(frame) == 5


def test_to_pandas_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        matrix([V1]).to_pandas()


def test_cli_matrix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", "us-russia-28", "us-ua-20", "--parameter", "armed_forces_cap", "--format", "md"]) == 0
    assert "| army-cap | 600,000 personnel" in capsys.readouterr().out
    assert main(["matrix", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["versions"]) == len(peacediff.Archive.bundled())


def test_cli_matrix_mistakes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", "--parameter", "sails"]) == 2
    assert "fix: use one of" in capsys.readouterr().err
    assert main(["matrix", "us-ua-20", "us-ua-20"]) == 2
    assert "twice" in capsys.readouterr().err
    # One version under two names (its id and its file) is the same mistake, not a crash.
    from peacediff._resources import resource_path

    bundled = str(resource_path("versions") / "us-ua-20.toml")
    assert main(["matrix", "us-ua-20", bundled]) == 2
    err = capsys.readouterr().err
    assert "the version 'us-ua-20' is given twice" in err and "fix: name each version once" in err


def test_matrix_takes_bundled_ids_and_files_without_an_archive(tmp_path):
    # Ids and paths are read the way peacediff.load reads them (this once raised ImportError).
    draft = tmp_path / "draft.txt"
    draft.write_text("1. A ceasefire takes effect on signature.\n2. Elections follow.\n", encoding="utf-8")
    grid = peacediff.matrix(["us-russia-28", "e3-counter-28"])
    assert [v.id for v in grid.versions] == ["us-russia-28", "e3-counter-28"]
    assert [v.id for v in peacediff.matrix([str(draft)]).versions] == ["draft"]
