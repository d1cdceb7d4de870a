"""Version files: strict loading with positioned errors, deterministic atomic saving."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from model_strategies import versions

from peacediff import _files, store
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
    "bad_date.toml": [(5, 1, "'date' value '20 Nov 2025' is not an ISO date: YYYY, YYYY-MM or YYYY-MM-DD")],
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
def test_a_version_file_round_trips(version: Version) -> None:
    """Five laws on each drawn version (drawing one costs far more than checking them all):
    to_dict is JSON-ready with its keys in a fixed order, load of save is the identity, save is
    byte-stable, to_dict survives the file, and save writes those bytes to disk, which
    load_version reads back as the version."""
    import tempfile

    d = version.to_dict()
    assert list(d) == ["id", "title", "date", "date_note", "proposer", "drafters", "status", "coverage",
                       "declared_count", "parents", "summary", "note", "sources", "provisions", "removed", "variants"]
    as_json = json.dumps(d, ensure_ascii=False, sort_keys=False)
    assert json.dumps(json.loads(as_json), ensure_ascii=False) == as_json
    text = dumps(version)
    back = loads(text)
    assert back == version
    assert dumps(back) == text
    assert back.to_dict() == version.to_dict()
    # The bytes are the law here; durability is tested on its own (test_writing): without the two
    # fsyncs a save is a fifth of the time, and this runs for every drawn version.
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(_files.os, "fsync"):
        path = save(version, Path(folder) / f"{version.id}.toml")
        assert path.read_bytes() == text.encode("utf-8")
        assert load_version(path) == version


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


# --------------------------------------------------------------------------- save never writes what load refuses

def test_save_refuses_text_over_the_limit_and_writes_nothing(tmp_path: Path) -> None:
    v = Version.from_texts("v", ["x" * (store.MAX_TEXT_CHARS + 1)])
    with pytest.raises(VersionFileError, match="not saved: text is 100,001 characters"):
        save(v, tmp_path / "v.toml")
    assert os.listdir(tmp_path) == []


def test_save_refuses_undeclared_source_ids(tmp_path: Path) -> None:
    v = Version(id="v", title="V", provisions=(Provision(text="A ceasefire.", number="1", sources=("axios",)),))
    with pytest.raises(VersionFileError, match="source id 'axios' is not declared"):
        save(v, tmp_path / "v.toml")
    assert os.listdir(tmp_path) == []


def test_lone_surrogates_never_reach_a_file() -> None:
    with pytest.raises(ValueError, match="lone surrogate"):
        Provision(text="bad \ud800 text")
    with pytest.raises(ValueError, match="lone surrogate"):
        Parameter("deadline", "\udcff")


# --------------------------------------------------------------------------- limits and dates

@pytest.mark.parametrize(("date", "needle"), [("2025-13-45", "month 13"), ("2025-02-29", "day 29"),
                                              ("2025-04-31", "day 31"), ("2025-00-10", "month 0")])
def test_impossible_dates_are_refused_at_their_line(date: str, needle: str) -> None:
    text = f'format = 1\nid = "v"\ntitle = "V"\n\n[[sources]]\nid = "s"\noutlet = "O"\ndate = "{date}"\n'
    with pytest.raises(VersionFileError) as info:
        loads(text, "v.toml")
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (8, 1) and needle in problem.message
    with pytest.raises(ValueError, match=needle):
        Version(id="v", title="V", date=date)


def test_real_dates_pass() -> None:
    for date in ("2024-02-29", "2025", "2025-11", "2025-12-31"):
        assert Version(id="v", title="V", date=date).date == date


def _deep(depth: int) -> str:
    lines = ["format = 1", 'id = "deep"', 'title = "Deep"', "", "[[provisions]]", 'number = "1"', 'text = "top"']
    for d in range(1, depth + 1):
        lines += ["", "[[provisions" + ".subpoints" * d + "]]", f'number = "s{d}"', f'text = "level {d}"']
    return "\n".join(lines) + "\n"


def test_depth_limit_is_enforced_by_the_reader_and_the_model() -> None:
    from peacediff.model import MAX_DEPTH

    assert loads(_deep(MAX_DEPTH)).provisions[0].subpoints
    for depth in (MAX_DEPTH + 1, 1000):
        with pytest.raises(VersionFileError, match=f"nested more than {MAX_DEPTH} levels"):
            loads(_deep(depth), "deep.toml")
    p = Provision(text="leaf")
    for _ in range(MAX_DEPTH + 1):
        p = Provision(text="level", subpoints=(p,))
    with pytest.raises(ValueError, match=f"nested more than {MAX_DEPTH} levels"):
        Version(id="v", title="V", provisions=(p,))


def test_size_limit_applies_to_archives_and_validation(tmp_path: Path) -> None:
    from peacediff.archive import Archive, validate_paths

    (tmp_path / "ok.toml").write_text('format = 1\nid = "ok"\ntitle = "OK"\n', encoding="utf-8")
    with open(tmp_path / "big.toml", "wb") as fh:
        fh.truncate(store.MAX_FILE_BYTES + 1)
    with pytest.raises(VersionFileError, match=r"over the .* limit"):
        Archive(tmp_path)
    checked, problems = validate_paths([str(tmp_path / "big.toml")])
    assert checked == 1 and "limit" in problems[0].message


# --------------------------------------------------------------------------- hostile text for the position scanner

_HOSTILE = st.text(alphabet=" [](){}'\"#=\\\n\tx.", min_size=0, max_size=40)


def _ml_basic(content: str) -> str:
    """``content`` as the body of a valid TOML multi-line basic string (some quotes left bare)."""
    body = content.replace("\\", "\\\\")
    out = []
    run = 0
    for ch in body:
        if ch == '"':
            run += 1
            out.append('\\"' if run >= 2 else '"')  # two bare quotes in a row at most
        else:
            run = 0
            out.append(ch)
    text = "".join(out)
    return text + "\\n" if text.endswith('"') else text


@settings(max_examples=40)
@given(st.lists(_HOSTILE, min_size=1, max_size=4), st.integers(1, 3), st.sampled_from([" ", "[", '"', "'", "\\"]))
def test_position_scanner_stays_on_track_through_hostile_strings(parts: list[str], repeat: int, filler: str) -> None:
    """Escaped quotes, bare quote pairs, brackets and long runs inside strings never derail the
    scanner, and a run of thousands of characters costs no more than reading it once."""
    import tomllib

    from peacediff.tomlpos import PositionIndex

    long_run = filler * 6000
    # After an escaped quote and two bare ones, a header-shaped line is still string content.
    note = _ml_basic("".join(parts) * repeat + long_run) + '\\"""\n[[provisions]]\n[' + " " * 3000
    text = (
        'format = 1\nid = "v"\ntitle = "V"\n'
        f'note = """{note}"""\n'
        f"summary = '''{long_run.replace(chr(39), ' ')}'''\n"
        "[[provisions]]\n"
        'text = "ok"\n'
        "colour = 1\n"
    )
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assume(False)
    lines = text.splitlines()
    expected = next(i for i, line in enumerate(lines, start=1) if line.startswith("colour = 1"))
    assert PositionIndex(text).locate(("provisions", 0, "colour")) == (expected, 1)
    with pytest.raises(VersionFileError) as info:
        loads(text, "v.toml")
    assert [(p.line, p.message) for p in info.value.problems] == [(expected, "unknown field 'colour' in provision")]


def test_reported_slow_case_is_read_in_one_pass() -> None:
    """The reproducer: a line of '[' and thousands of spaces after an escaped quote and two quotes."""
    from peacediff.tomlpos import PositionIndex

    text = 'format = 1\nid = "x"\ntitle = "T"\nnote = """a \\""" b\n[' + " " * 20000 + '\n"""\n' \
           '[[provisions]]\nnumber = "1"\ntext = "ok"\ncolour = 1\n'
    assert PositionIndex(text).locate(("provisions", 0, "colour")) == (10, 1)
    lines = "\n".join("[" + " " * 5000 + "x" for _ in range(4))
    assert PositionIndex(lines + "\nkey = 1\n").locate(("key",)) == (5, 1)


@pytest.mark.parametrize("bad", ["a\ud800", "a\x00b"])
def test_list_fields_refuse_what_a_file_cannot_hold(bad: str) -> None:
    with pytest.raises(ValueError, match="drafters contains"):
        Version(id="v", title="V", drafters=(bad,))
    with pytest.raises(ValueError, match=r"origins contains|not a valid identifier"):
        Provision(text="x", origins=(bad,))


@pytest.mark.parametrize(
    ("value", "line"),
    [("[" * 5000 + "]" * 5000, 4), ("{a=" * 3000 + "1" + "}" * 3000, 4), ("[\n" * 2000 + "]\n" * 2000, 4 + 32)],
)
def test_deeply_nested_values_are_a_problem_not_a_crash(value: str, line: int) -> None:
    with pytest.raises(VersionFileError) as info:
        loads(f'format = 1\nid = "v"\ntitle = "V"\nnote = {value}\n', "v.toml")
    (problem,) = info.value.problems
    assert problem.line == line and "nested more than 32 levels" in problem.message


def test_declared_count_beyond_toml_integers_is_refused() -> None:
    with pytest.raises(VersionFileError, match="below 2"):
        loads('format = 1\nid = "v"\ntitle = "V"\ndeclared_count = 99999999999999999999999\n')


def test_positions_follow_arrays_of_tables_to_the_right_element() -> None:
    text = textwrap.dedent('''\
        format = 1
        id = "v"
        title = "V"

        [[provisions]]
        number = "1"
        text = "One."

        [[provisions.subpoints]]
        number = "a"
        text = "One a."

        [[provisions.subpoints]]
        number = "b"
        text = "One b."

        [[provisions]]
        number = "2"
        text = "Two."

        [provisions.parameters]
        days = 30

        [[provisions.subpoints]]
        number = "a"
        text = "Two a."
        colour = "red"
        ''')
    with pytest.raises(VersionFileError) as info:
        loads(text, "v.toml")
    assert [(p.line, p.message) for p in info.value.problems] == [(27, "unknown field 'colour' in provision")]
