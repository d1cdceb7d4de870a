"""Every input answered, never a traceback: broken, hostile and odd input through the CLI.

Each bad input gets exit status 2, a message whose first line names the problem (and a
``fix:`` line), and no traceback; an internal error gets status 3.  Status 1 stays
reserved for "the drafts differ" under ``--exit-code``.

The commands run in this process (``cli_run.run_cli``); the stdout-encoding and closed-pipe
checks start a real ``python -m peacediff``, since only a process shows those.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cli_run import Ran
from cli_run import run_cli as run
from hypothesis import given, settings
from hypothesis import strategies as st

from peacediff import cli
from peacediff.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run_process(*args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    """``python -m peacediff ARGS`` in a fresh interpreter: for what only a real process shows."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "PEACEDIFF_NO_CACHE": "1", **env_extra}
    return subprocess.run([sys.executable, "-m", "peacediff", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120, errors="replace")


def assert_user_error(r: Ran | subprocess.CompletedProcess[str], *needles: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    first = r.stderr.splitlines()[0]
    assert first.startswith("peacediff: ") or ":" in first, r.stderr
    assert ": None" not in r.stderr and "peacediff: : " not in r.stderr, r.stderr
    assert "fix:" in r.stderr, r.stderr
    for needle in needles:
        assert needle in r.stderr, (needle, r.stderr)


def deep_version(depth: int, vid: str = "deep") -> str:
    lines = ["format = 1", f'id = "{vid}"', 'title = "Deep"', "", "[[provisions]]", 'number = "1"', 'text = "top"']
    for d in range(1, depth + 1):
        lines += ["", "[[provisions" + ".subpoints" * d + "]]", f'number = "s{d}"', f'text = "level {d}"']
    return "\n".join(lines) + "\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("1. Forces capped at 600,000.\n2. Elections within 100 days.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("1. Forces capped at 800,000.\n2. Elections within 100 days.\n", encoding="utf-8")
    return tmp_path


# --------------------------------------------------------------------------- bad input, one by one

def test_nul_byte_in_a_text_draft(drafts: Path) -> None:
    (drafts / "nul.txt").write_bytes(b"1. Cease\x00fire.\n2. Elections.\n")
    r = run("diff", str(drafts / "nul.txt"), str(drafts / "a.txt"), "--exit-code")
    assert_user_error(r, "nul.txt:1:9:", "NUL byte")


def test_non_utf8_text_names_offset_and_likely_encoding(drafts: Path) -> None:
    (drafts / "latin.txt").write_bytes(b"1. Ceasefire.\n2. Caf\xe9 talks.\n")
    r = run("diff", str(drafts / "latin.txt"), str(drafts / "a.txt"))
    assert_user_error(r, "latin.txt:2:7:", "byte 0xe9 at offset 20", "Windows-1252", "iconv")


def test_utf16_file_is_recognised(drafts: Path) -> None:
    # With a byte-order mark UTF-16 is read as it is; without one it is named as the likely encoding.
    (drafts / "wide.txt").write_bytes("1. Ceasefire.\n".encode("utf-16"))
    shown = run("show", str(drafts / "wide.txt"))
    assert shown.returncode == 0 and "Ceasefire." in shown.stdout, shown.stderr
    (drafts / "bare.txt").write_bytes("1. Ceasefire.\n".encode("utf-16-le"))
    assert_user_error(run("show", str(drafts / "bare.txt")), "UTF-16")


def test_non_utf8_version_file_names_offset(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    path.write_bytes(b'format = 1\nid = "v"\ntitle = "Caf\xe9"\n')
    assert_user_error(run("validate", str(path)), "v.toml:3:13:", "offset 32", "Windows-1252")


def test_a_folder_where_a_file_is_expected(drafts: Path) -> None:
    assert_user_error(run("diff", str(drafts), str(drafts / "a.txt")), "is a folder, not a version file")
    assert_user_error(run("diff", str(drafts / "a.txt"), str(drafts / "b.txt"), "-o", str(drafts)),
                      "is a folder, not a file")


def test_unknown_version_id_gets_did_you_mean() -> None:
    assert_user_error(run("show", "us-rusia-28"), "did you mean 'us-russia-28'?")
    assert_user_error(run("diff", "us-russia-28", "geneva19"), "did you mean 'geneva-19'?")


def test_unknown_output_suffix_is_refused_and_nothing_written(drafts: Path) -> None:
    target = drafts / "x.pdf"
    assert_user_error(run("diff", str(drafts / "a.txt"), str(drafts / "b.txt"), "-o", str(target)), "'.pdf'")
    assert not target.exists()
    r = run("diff", str(drafts / "a.txt"), str(drafts / "b.txt"), "-o", str(target), "--format", "html")
    assert r.returncode == 0 and target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype")


def test_empty_output_name(drafts: Path) -> None:
    assert_user_error(run("diff", str(drafts / "a.txt"), str(drafts / "b.txt"), "-o", ""), "empty file name")
    assert_user_error(run("diff", str(drafts / "a.txt"), str(drafts / "b.txt"), "-o", "", "--format", "json"),
                      "empty")


def test_redline_out_on_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("mine", encoding="utf-8")
    assert_user_error(run("redline", "--out", str(target)), "is a file, not a folder")
    assert target.read_text(encoding="utf-8") == "mine"


def test_redline_out_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    assert_user_error(run("redline", "--out", str(tmp_path)), "notes.txt")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_missing_folder_is_named_never_none() -> None:
    assert_user_error(run("redline", "--versions", "/no/such/folder", "--out", "/tmp/never-written"),
                      "/no/such/folder: no such folder of version files")
    assert_user_error(run("history", "army-cap", "--versions", "/no/such/folder"), "/no/such/folder")


@pytest.mark.parametrize("depth", [17, 250, 1000])
def test_deep_subpoints_are_refused_by_validate_and_diff(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(deep_version(depth), encoding="utf-8")
    for args in (["validate", str(path)], ["diff", str(path), str(path), "-o", str(tmp_path / "r.html")],
                 ["show", str(path), "--format", "md"]):
        # The first header past the limit is named (level 17's, line 4 * 17 + 5), whatever the depth.
        assert_user_error(run(*args), "deep.toml:73:1:", "nested more than 16 levels deep")


def test_deepest_allowed_nesting_renders_in_every_format(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(deep_version(16), encoding="utf-8")
    assert run("validate", str(path)).returncode == 0
    for fmt in ("html", "md", "text", "json"):
        r = run("diff", str(path), str(path), "--format", fmt)
        assert r.returncode == 0, r.stderr


def test_output_encoding_that_cannot_carry_the_text() -> None:
    r = run_process("diff", "us-russia-28", "us-ua-20", PYTHONIOENCODING="ascii")
    assert_user_error(r, "ascii", "PYTHONIOENCODING=utf-8")
    assert r.stdout == "", "nothing half-written before the error"


def test_impossible_dates_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    for bad, needle in (("2025-13-45", "month 13"), ("2025-02-30", "day 30"), ("2025-00", "month 0")):
        path.write_text(f'format = 1\nid = "v"\ntitle = "V"\ndate = "{bad}"\n', encoding="utf-8")
        assert_user_error(run("validate", str(path)), "v.toml:4:1:", needle)
    path.write_text('format = 1\nid = "v"\ntitle = "V"\ndate = "2024-02-29"\n', encoding="utf-8")
    assert run("validate", str(path)).returncode == 0


def test_oversized_inputs_are_refused_everywhere(tmp_path: Path) -> None:
    from peacediff._files import MAX_DOCUMENT_BYTES

    for name in ("big.txt", "big.toml"):
        path = tmp_path / name
        with open(path, "wb") as fh:  # sparse: the size is refused before a byte is read
            fh.truncate(MAX_DOCUMENT_BYTES + 1)
        assert_user_error(run("show", str(path)), "over the", "limit")
    folder = tmp_path / "versions"
    folder.mkdir()
    (tmp_path / "big.toml").rename(folder / "big.toml")
    assert_user_error(run("validate", str(folder / "big.toml")), "limit")
    assert_user_error(run("validate", str(folder)), "limit")
    assert_user_error(run("redline", "--versions", str(folder), "--out", str(tmp_path / "out")), "limit")


def test_escape_sequences_in_names_never_reach_the_terminal(tmp_path: Path) -> None:
    name = "evil\x1b]0;owned\x07\x1b[2J\u202e.toml"
    path = tmp_path / name
    path.write_text('format = 1\nid = "v"\ntitle = "V"\n"col\x1b[31mour" = 1\n', encoding="utf-8")
    for args in (["validate", str(path)], ["show", str(path)], ["diff", str(path), str(path)]):
        r = run(*args)
        assert r.returncode == 2, r.stderr
        assert "\x1b" not in r.stderr and "\x07" not in r.stderr and "\u202e" not in r.stderr
        assert "⟨U+001B⟩" in r.stderr
    text = tmp_path / "evil\x1b[2J.txt"
    text.write_bytes(b"1. \xff\n")
    r = run("show", str(text))
    assert r.returncode == 2 and "\x1b" not in r.stderr and "⟨U+001B⟩[2J.txt" in r.stderr


def test_validate_file_checks_lineage_like_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    child = folder / "child.toml"
    child.write_text('format = 1\nid = "child"\ntitle = "Child"\nparents = ["ghost"]\n', encoding="utf-8")
    alone, whole = run("validate", str(child)), run("validate", str(folder))
    assert alone.returncode == whole.returncode == 2
    assert "child.toml:4:1: parent 'ghost' (parents[0]) is not a version in this folder" in alone.stderr
    assert alone.stderr.splitlines()[:2] == whole.stderr.splitlines()[:2]
    (folder / "ghost.toml").write_text('format = 1\nid = "ghost"\ntitle = "Ghost"\n', encoding="utf-8")
    assert run("validate", str(child)).returncode == 0


def test_validate_file_reports_only_its_own_problems(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text('format = 1\nid = "good"\ntitle = "Good"\n', encoding="utf-8")
    (tmp_path / "bad.toml").write_text('format = 1\nid = "bad"\n', encoding="utf-8")
    assert run("validate", str(tmp_path / "good.toml")).returncode == 0


# --------------------------------------------------------------------------- exit statuses

def test_internal_error_is_one_line_with_status_3(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("the aligner tripped")

    monkeypatch.setitem(cli._COMMANDS, "list", broken)
    assert main(["list"]) == cli.EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "internal error (RuntimeError: the aligner tripped)" in err and "report" in err and "--debug" in err
    assert "Traceback" not in err
    assert main(["list", "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err
    assert main(["--debug", "list"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_no_failure_ever_exits_1_under_exit_code(drafts: Path) -> None:
    (drafts / "nul.txt").write_bytes(b"1. \x00\n")
    for args in (["diff", str(drafts / "nul.txt"), str(drafts / "a.txt")],
                 ["diff", "us-russia-28", "nope"],
                 ["diff", str(drafts / "a.txt"), str(drafts / "b.txt"), "-o", "x.pdf"]):
        assert run(*args, "--exit-code").returncode == 2
    assert run("diff", str(drafts / "a.txt"), str(drafts / "b.txt"), "--exit-code").returncode == 1
    assert run("diff", str(drafts / "a.txt"), str(drafts / "a.txt"), "--exit-code").returncode == 0


def test_exit_statuses_are_documented() -> None:
    r = run("--help")
    for line in ("0    ok", "1    differences found", "2    usage or input error", "3    internal error", "130"):
        assert line in r.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "3 internal error" in readme and "--debug" in readme


def test_closed_pipe_is_not_an_error() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEACEDIFF_NO_CACHE": "1"}
    r = subprocess.run(f"'{sys.executable}' -m peacediff show us-russia-28 | head -c 10", shell=True,
                       capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert "Traceback" not in r.stderr and "Error" not in r.stderr, r.stderr


# --------------------------------------------------------------------------- plain text details

def test_title_line_becomes_the_title_not_a_category(drafts: Path) -> None:
    path = drafts / "plan.txt"
    path.write_text(textwrap.dedent("""\
        TWENTY-POINT FRAMEWORK FOR PEACE

        SECURITY MATTERS

        1. Forces capped at 800,000.

        ECONOMIC MATTERS

        2. A reconstruction fund.
        """), encoding="utf-8")
    r = run("show", str(path), "--format", "json")
    assert r.returncode == 0, r.stderr
    import json

    data = json.loads(r.stdout)
    assert data["title"] == "TWENTY-POINT FRAMEWORK FOR PEACE"
    assert [p["category"] for p in data["provisions"]] == ["SECURITY MATTERS", "ECONOMIC MATTERS"]


# --------------------------------------------------------------------------- any input: 0 or 2, never a bug

_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९０１２３４５６７８９"
_DRAFT_PIECES = st.sampled_from(
    ["1. ", "2) ", "(a) ", "Article 3 - ", "\n", "\n\n", "# ", "CHAPTER II\n", "- ", "days", "km", "million",
     "twenty-five", "\x00", "\x1b[2J", "\u202e", "\u200b", "**", "§ 4 ", " ", ".", "\t", "Page 2 of 9\n"]
)


@st.composite
def _drafts(draw: st.DrawFn) -> bytes:
    pieces = draw(st.lists(st.one_of(_DRAFT_PIECES, st.text(alphabet=_DIGITS, min_size=1, max_size=4),
                                     st.text(max_size=8)), max_size=30))
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and data:
        data = data[: draw(st.integers(0, len(data)))] + draw(st.binary(max_size=3)) + data[len(data) // 2:]
    return data


@settings(max_examples=30, deadline=None)
@given(_drafts(), _drafts(), st.sampled_from(["text", "md", "html", "json"]))
def test_any_pair_of_documents_is_answered(old: bytes, new: bytes, fmt: str) -> None:
    import contextlib
    import io
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / "old.txt", Path(folder) / "new.txt"
        a.write_bytes(old)
        b.write_bytes(new)
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            status = main(["diff", str(a), str(b), "--format", fmt, "--exit-code"])
    assert status in (0, 1, 2), err.getvalue()
    if status == 2:
        assert "fix:" in err.getvalue() and "Traceback" not in err.getvalue()


def test_special_files_as_input_are_named() -> None:
    assert_user_error(run("show", "/dev/null"), "not a regular file")
    r = run("validate", "/dev/null")
    assert r.returncode == 2 and "/dev/null:1:1: is not a regular file" in r.stderr


def test_unwritable_output_names_the_users_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    r = run("diff", "us-russia-28", "us-ua-20", "-o", str(blocker / "r.html"))
    assert_user_error(r, f"{blocker / 'r.html'}: Not a directory")
    r = run("redline", "--out", str(blocker / "out"))
    assert r.returncode == 2 and ".peacediff-" not in r.stderr and str(blocker) in r.stderr


_TOML_PIECES = [b"[", b"]", b'"', b"'", b'"""', b"'''", b"\\", b"\n", b"\x00", b"\xff", b"=", b".", b"[[", b"]]",
                b"{", b"}", b"#", b"subpoints", b"2025-13-45", b"99999999999999999999", b" " * 50, b"\r",
                b"\x1b[2J", b"text = ", b"\xe2\x80\xae", b"[" * 100]


@st.composite
def _mutated_version_file(draw: st.DrawFn) -> bytes:
    data = bytearray((ROOT / "versions" / "geneva-19.toml").read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["insert", "delete", "byte"]))
        if op == "insert":
            data[pos:pos] = draw(st.sampled_from(_TOML_PIECES))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        else:
            data[pos : pos + 1] = bytes([draw(st.integers(0, 255))])
    return bytes(data)


@settings(max_examples=25, deadline=None)
@given(_mutated_version_file())
def test_any_damaged_version_file_is_answered(data: bytes) -> None:
    import contextlib
    import io
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "geneva-19.toml"
        path.write_bytes(data)
        for args in (["validate", str(path)], ["show", str(path), "--format", "json"]):
            err = io.StringIO()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                status = main(args)
            assert status in (0, 2), err.getvalue()


@pytest.mark.parametrize("bug", [KeyError("army-cap"), IndexError("list index out of range"), KeyError(3)])
def test_a_bare_lookup_failure_is_a_bug_not_a_user_error(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str], bug: Exception) -> None:
    def broken(_args: object) -> int:
        raise bug

    monkeypatch.setitem(cli._COMMANDS, "list", broken)
    assert main(["list"]) == 3
    assert "internal error" in capsys.readouterr().err
