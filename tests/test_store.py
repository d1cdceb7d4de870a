"""Version files: strict loading with positioned errors, deterministic atomic saving."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from model_strategies import versions

from peacediff import store
from peacediff.model import Parameter, Provision, Version
from peacediff.store import VersionFileError, dumps, load_version, loads, save

BROKEN = Path(__file__).parent / "broken"

# file -> every (line, column, message) the loader must report, in order.
EXPECTED: dict[str, list[tuple[int, int, str]]] = {
    "unknown_field.toml": [
        (3, 1, "unknown field 'titel' in the version"),
        (1, 1, "the version is missing the required field 'title'"),
    ],
    "wrong_type_number.toml": [(6, 1, "'number' in provision must be a string, not integer")],
    "duplicate_number.toml": [(10, 1, "duplicate provision number '1' (first used at provisions[0].number)")],
    "duplicate_key.toml": [(12, 1, "duplicate key 'army-cap' (first used at provisions[0].key)")],
    "dangling_source.toml": [(11, 1, "source id 'axois' is not declared in this file's [[sources]]")],
    "missing_text.toml": [(5, 1, "provision is missing the required field 'text'")],
    "bad_status.toml": [
        (5, 1, "'status' is 'leakd', which is not one of: published, leaked, reported, draft, adopted"),
    ],
    "bad_confidence.toml": [
        (7, 1, "'confidence' is 'rumoured', which is not one of: published, summary, reported, "
               "single-source, inferred, unknown"),
    ],
    "syntax_error.toml": [(7, 31, "TOML syntax error: Illegal character '\\n'")],
    "empty.toml": [(1, 1, "the file is empty")],
    "not_utf8.toml": [(3, 13, "the file is not valid UTF-8 (byte 0xe9 at offset 37); it looks like Windows-1252")],
    "bad_key.toml": [
        (7, 1, "'key' value 'Army Cap' is not a valid identifier (lower-case letters, digits, '.', '_', '-'; "
               "starting and ending with a letter or digit)"),
    ],
    "bad_date.toml": [(5, 1, "'date' value '20 Nov 2025' is not an ISO date")],
    "removed_but_present.toml": [
        (11, 1, "key 'amnesty' is listed as removed but is still a provision here (provisions[0])"),
    ],
    "wrong_format.toml": [(1, 1, "format 2 is not supported by this peacediff (it reads format 1)")],
    "missing_id.toml": [(1, 1, "the version is missing the required field 'id'")],
    "bad_param_name.toml": [
        (10, 1, "parameter name 'Army-Cap' must be snake_case: a lower-case letter, then letters, digits or '_' "
                "(e.g. 'armed_forces_cap')"),
    ],
    "variant_one_claim.toml": [(9, 1, "variant 'army-cap' needs at least two claims: a dispute has two sides")],
    "unknown_subpoint_field.toml": [
        (11, 1, "unknown field 'txt' in provision"),
        (9, 1, "provision is missing the required field 'text'"),
    ],
    "mixed_list_parameter.toml": [(10, 1, "a list-valued parameter must hold strings only")],
    "wrong_type_list.toml": [(5, 1, "'parents' in the version must be a list of strings, not string")],
    "multiple_problems.toml": [
        (2, 1, "'id' value 'Broken Id' is not a valid identifier (lower-case letters, digits, '.', '_', '-'; "
               "starting and ending with a letter or digit)"),
        (4, 1, "'coverage' is 'partly', which is not one of: complete, partial"),
        (9, 1, "unknown field 'colour' in provision"),
        (11, 1, "provision is missing the required field 'text'"),
    ],
}

# Fixes that must accompany particular faults: the did-you-mean suggestions.
EXPECTED_FIX = {
    "unknown_field.toml": "did you mean 'title'?",
    "bad_status.toml": "did you mean 'leaked'? use one of the listed values",
    "dangling_source.toml": "did you mean 'axios'?",
    "unknown_subpoint_field.toml": "did you mean 'text'?",
    "wrong_type_number.toml": 'write it as number = "..."',
}


def test_corpus_is_complete() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.toml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_reports_exact_problems(name: str) -> None:
    path = BROKEN / name
    with pytest.raises(VersionFileError) as info:
        load_version(path)
    got = [(p.line, p.column, p.message) for p in info.value.problems]
    assert got == EXPECTED[name]
    for problem in info.value.problems:
        assert problem.file == str(path)
        assert problem.fix, "every problem says how to fix it"
        assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: ")
    if name in EXPECTED_FIX:
        assert EXPECTED_FIX[name] in info.value.problems[0].fix


def test_error_message_lists_every_problem() -> None:
    with pytest.raises(VersionFileError) as info:
        load_version(BROKEN / "multiple_problems.toml")
    text = str(info.value)
    assert text.startswith("4 problems found:")
    assert text.count("multiple_problems.toml:") == 4


@given(versions())
def test_load_of_save_is_identity(version: Version) -> None:
    text = dumps(version)
    assert loads(text) == version


@given(versions())
def test_save_is_byte_stable(version: Version) -> None:
    text = dumps(version)
    assert dumps(loads(text)) == text


@given(versions())
def test_to_dict_round_trips_through_file(version: Version) -> None:
    assert loads(dumps(version)).to_dict() == version.to_dict()


def test_save_writes_atomically_and_keeps_old_file_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    version = Version.from_texts("v1", ["Ceasefire.", "Elections within 100 days."], title="Draft")
    target = tmp_path / "v1.toml"
    save(version, target)
    original = target.read_bytes()

    def broken_replace(src: str, dst: str, **_dir_fds: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", broken_replace)
    changed = version.with_provisions([Provision(text="Something else.", number="1")])
    with pytest.raises(OSError, match="disk full"):
        save(changed, target)
    assert target.read_bytes() == original
    assert sorted(os.listdir(tmp_path)) == ["v1.toml"], "no temporary file is left behind"


def test_save_never_drops_a_field(tmp_path: Path) -> None:
    p = Provision(text="Cap", number="6", key="army-cap", title="Army cap", category="Security",
                  category_inferred=True, confidence="reported", wording_known=False, coverage="partial",
                  origins=("x",),
                  parameters=(Parameter("armed_forces_cap", 600000, unit="personnel", note="peacetime"),),
                  note="n")
    v = Version(id="v", title="t", provisions=(p,), date="2025-11", status="leaked", coverage="partial",
                declared_count=19, parents=("a",), summary="s", note="n", date_note="d", proposer="US",
                drafters=("A", "B"))
    path = save(v, tmp_path / "v.toml")
    assert load_version(path) == v
    assert load_version(path).to_dict() == v.to_dict()


def test_unquoted_toml_date_is_accepted() -> None:
    v = loads('format = 1\nid = "a"\ntitle = "A"\ndate = 2025-11-20\n')
    assert v.date == "2025-11-20"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + 'format = 1\nid = "a"\ntitle = "Київ"\n'.encode())
    assert load_version(path).title == "Київ"


def test_enormous_provision_is_refused() -> None:
    text = 'format = 1\nid = "a"\ntitle = "A"\n\n[[provisions]]\ntext = "' + "x" * (store.MAX_TEXT_CHARS + 1) + '"\n'
    with pytest.raises(VersionFileError, match="over the limit"):
        loads(text, "big.toml")


def test_dumps_output_is_documented_layout() -> None:
    v = Version.from_texts("v1", [("1", 'He said "no" \\ then\nleft.')], title="T")
    text = dumps(v)
    assert text.splitlines()[2:5] == ["format = 1", 'id = "v1"', 'title = "T"']
    assert '\\"no\\" \\\\ then\\nleft.' in text


def test_bundled_files_match_the_published_json_schema() -> None:
    import json
    import tomllib

    jsonschema = pytest.importorskip("jsonschema")
    root = Path(__file__).resolve().parent.parent
    schema = json.loads((root / "docs" / "schema" / "version.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((root / "versions").glob("*.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(doc)]
        assert errors == [], path.name
    bad = tomllib.loads((BROKEN / "bad_status.toml").read_text(encoding="utf-8"))
    assert any("leakd" in e.message for e in validator.iter_errors(bad))
