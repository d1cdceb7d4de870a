"""Comparisons as rows: to_records(), CSV (library and command line) and to_pandas()."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import peacediff
from peacediff.cli import main
from peacediff.model import Version


@pytest.fixture(scope="module")
def comparison() -> peacediff.Comparison:
    return peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20"))


def test_one_record_per_change_in_reading_order(comparison):
    records = comparison.to_records()
    assert [r["kind"] for r in records] == [ch.kind for ch in comparison.changes]
    assert [r["label"] for r in records] == [ch.label for ch in comparison.changes]
    army = next(r for r in records if r["old_keys"] == "army-cap")
    assert "Armed forces cap: 600,000 personnel → 800,000 personnel" in army["parameter_changes"]
    assert army["disputed"] == "armed_forces_cap"


def test_csv_reads_back_as_the_records(comparison):
    text = comparison.to_csv()
    rows = list(csv.DictReader(io.StringIO(text)))
    records = comparison.to_records()
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["label"] == record["label"] and row["parameter_changes"] == record["parameter_changes"]
        assert row["similarity"] == ("" if record["similarity"] is None else str(record["similarity"]))


def test_csv_cells_never_start_a_formula():
    a = Version.from_texts("a", ["=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(A1:A9)"])
    b = Version.from_texts("b", ["+1 cells", "-2 more"])
    text = peacediff.compare(a, b).to_csv()
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row), row


def test_the_command_line_writes_csv_by_suffix_or_by_format(tmp_path: Path, capsys):
    out = tmp_path / "changes.csv"
    assert main(["diff", "us-russia-28", "e3-counter-28", "-o", str(out)]) == 0
    by_suffix = out.read_text(encoding="utf-8")
    assert by_suffix.splitlines()[0].startswith("kind,old_numbers,new_numbers,label")
    assert main(["diff", "us-russia-28", "e3-counter-28", "--format", "csv"]) == 0
    assert capsys.readouterr().out == by_suffix  # deterministic, whatever the route


def test_to_pandas(comparison):
    pandas = pytest.importorskip("pandas")
    frame = comparison.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["kind"]) == [ch.kind for ch in comparison.changes]


def test_an_unlinked_provision_records_its_possible_match():
    """Rival plans in a spreadsheet: each unlinked point names its possible match, the aligner's
    score and what the two have in common."""
    a = Version.from_texts("a", ["The river authority releases at least 40 cubic metres a second at the Kessel weir.",
                                 "Disputes go to the Permanent Court of Arbitration."])
    b = Version.from_texts("b", ["Flow at Kessel may not fall below 35 cubic metres a second in summer.",
                                 "Each state stations no more than 300 troops in the border districts."])
    c = peacediff.compare(a, b)
    weir, court = c.to_records()[:2]
    assert (weir["kind"], weir["possible_match"]) == ("removed", "1")
    assert 0 < weir["possible_score"] < 0.4  # below the bar, which is why it is not linked
    assert set(weir["possible_shared"].split(", ")) == {"Kessel", "cubic", "metres", "second"}
    assert (court["possible_match"], court["possible_score"], court["possible_shared"]) == (None, None, "")
    rows = list(csv.DictReader(io.StringIO(c.to_csv())))
    assert [r["possible_shared"] for r in rows] == [r["possible_shared"] for r in c.to_records()]
    linked = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20")).to_records()
    assert all(r["possible_match"] is None for r in linked if r["kind"] in ("modified", "unchanged"))
