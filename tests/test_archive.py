"""Archives: bundled versions, lineage graph, folder-level validation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import peacediff
from peacediff.archive import Archive, validate_paths
from peacediff.model import Version
from peacediff.store import VersionFileError, dumps, save

ROOT = Path(__file__).resolve().parent.parent


def test_bundled_versions_are_chronological() -> None:
    vs = peacediff.versions()
    assert vs[0].id == "us-russia-28"
    dates = [v.date for v in vs]
    assert dates == sorted(dates)
    assert {v.id for v in vs} >= {"us-russia-28", "e3-counter-28", "geneva-19", "us-ua-20"}


def test_load_by_id_and_by_path_agree() -> None:
    assert peacediff.load("us-russia-28") == peacediff.load(ROOT / "versions" / "us-russia-28.toml")


def test_load_unknown_ref_names_the_choices() -> None:
    with pytest.raises(LookupError, match="us-russia-28"):
        peacediff.load("no-such-version")


def test_load_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "Draft 2.txt"
    path.write_text("1. Ceasefire now.\n2. Elections within 100 days.\n", encoding="utf-8")
    v = peacediff.load(path)
    assert v.id == "draft-2" and [p.number for p in v.provisions] == ["1", "2"]


def test_lineage_graph() -> None:
    archive = Archive.bundled()
    children = [v.id for v in archive.children("us-russia-28")]
    assert "e3-counter-28" in children and "geneva-19" in children
    assert [v.id for v in archive.parents("e3-counter-28")] == ["us-russia-28"]
    assert all(parent.id in child.parents for parent, child in archive.lineage_pairs())
    for v in archive.versions():
        assert v.id not in {a.id for a in archive.ancestors(v.id)}


def test_get_unknown_id_lists_known_ids() -> None:
    with pytest.raises(KeyError, match="known: "):
        Archive.bundled().get("nope")


def _folder(tmp_path: Path, *versions: Version) -> Path:
    folder = tmp_path / "versions"
    folder.mkdir()
    for v in versions:
        save(v, folder / f"{v.id}.toml")
    return folder


def test_dangling_parent_and_cycle_are_reported_with_positions(tmp_path: Path) -> None:
    a = Version(id="a", title="A", parents=("b",))
    b = Version(id="b", title="B", parents=("a",))
    c = Version(id="c", title="C", parents=("zz",))
    folder = _folder(tmp_path, a, b, c)
    with pytest.raises(VersionFileError) as info:
        Archive(folder)
    messages = [(Path(p.file).name, p.line, p.message) for p in info.value.problems]
    assert ("a.toml", 6, "lineage cycle: 'a' is its own ancestor") in messages
    assert ("b.toml", 6, "lineage cycle: 'b' is its own ancestor") in messages
    assert ("c.toml", 6, "parent 'zz' (parents[0]) is not a version in this folder") in messages


def test_file_name_must_match_id(tmp_path: Path) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "wrong.toml").write_text(dumps(Version(id="right", title="R")), encoding="utf-8")
    with pytest.raises(VersionFileError, match=r"declares id 'right' but is named wrong\.toml"):
        Archive(folder)


def test_evidence_not_in_seed_is_reported(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    folder = tmp_path / "versions"
    folder.mkdir()
    text = (ROOT / "versions" / "us-russia-28.toml").read_text(encoding="utf-8")
    quote = 'quote = "limiting its armed forces to 600,000 personnel"'
    assert quote in text
    (folder / "us-russia-28.toml").write_text(text.replace(quote, quote.replace("600,000", "400,000"), 1),
                                              encoding="utf-8")
    checked, problems = validate_paths([str(folder)])
    assert checked == 1
    assert len(problems) == 1
    assert problems[0].message.startswith("quote not found verbatim in seed 000_fdf49acd157fef2c.txt")
    line = text.splitlines()[problems[0].line - 1]
    assert line.startswith("quote = ")


def test_removed_key_must_exist_in_an_ancestor(tmp_path: Path) -> None:
    from peacediff.model import Provision, Removal

    a = Version(id="a", title="A", provisions=(Provision("x", "1", key="x"),))
    b = Version(id="b", title="B", parents=("a",), removed=(Removal("y"),))
    folder = _folder(tmp_path, a, b)
    with pytest.raises(VersionFileError, match="removed key 'y' is not a key of any ancestor"):
        Archive(folder)


def test_validate_reports_missing_path() -> None:
    checked, problems = validate_paths(["/no/such/place.toml"])
    assert checked == 0 and problems[0].message == "no such file or folder"


def test_bundled_files_are_in_canonical_form() -> None:
    for path in sorted((ROOT / "versions").glob("*.toml")):
        assert dumps(peacediff.load(path)) == path.read_text(encoding="utf-8"), path.name
