"""One loader for views of several versions: ids, paths and objects, each version once."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacediff import Archive
from peacediff._loading import load_versions
from peacediff.model import Version
from peacediff.store import save
from peacediff.versionmatrix import matrix

FIRST = Version.from_texts("ferry-1", [("1", "Ferries run twice a week."), ("2", "Fares are capped.")],
                           title="Ferry accord, first draft", date="2024-03-01")
SECOND = Version.from_texts("ferry-2", [("1", "Ferries run every day."), ("2", "Fares are capped.")],
                            title="Ferry accord, second draft", date="2024-04-01", parents=("ferry-1",))


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "versions"
    folder.mkdir()
    save(FIRST, folder / "ferry-1.toml")
    save(SECOND, folder / "ferry-2.toml")
    return folder


def test_objects_ids_and_paths_load_in_the_order_given(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    archive = Archive(folder)
    loose = tmp_path / "loose.txt"
    loose.write_text("Ferry notes\n\n1. Ferries run at night.\n", encoding="utf-8")
    got = load_versions([SECOND, "ferry-1", loose], archive)
    assert [v.id for v in got] == ["ferry-2", "ferry-1", "loose"]
    assert got[1] == FIRST
    assert [v.id for v in load_versions([folder / "ferry-2.toml", "us-ua-20"])] == ["ferry-2", "us-ua-20"]


def test_an_unknown_id_names_the_archive_it_was_looked_up_in(tmp_path: Path) -> None:
    archive = Archive(_folder(tmp_path))
    with pytest.raises(KeyError, match=r"no version 'ferry-3' in .*known: ferry-1, ferry-2"):
        load_versions(["ferry-3"], archive)
    with pytest.raises(LookupError, match="neither a bundled version nor an existing file"):
        load_versions(["ferry-3"])


def test_the_same_version_named_twice_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with pytest.raises(ValueError, match="the version 'ferry-1' is given twice"):
        load_versions(["ferry-1", folder / "ferry-1.toml"], Archive(folder))
    with pytest.raises(TypeError, match="got a int"):
        load_versions([FIRST, 3])  # type: ignore[list-item]


def test_matrix_takes_a_path_beside_an_archive(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    outside = tmp_path / "ferry-3.toml"
    save(Version.from_texts("ferry-3", [("1", "Ferries run every hour.")], title="Third", date="2024-05-01",
                            parents=("ferry-2",)), outside)
    m = matrix(["ferry-1", "ferry-2", str(outside)], archive=Archive(folder))
    assert [v.id for v in m.versions] == ["ferry-1", "ferry-2", "ferry-3"]
