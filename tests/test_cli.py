"""The command line: outputs, exit codes, and messages instead of tracebacks.

Most commands run in this process (``cli_run.run_cli``); ``run`` starts a real ``python -m peacediff``
for what only a process shows: the entry point's exit status, output stable across hash seeds, the
template cache from one run to the next.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run_cli

from peacediff.cli import main

ROOT = Path(__file__).resolve().parent.parent
BROKEN = Path(__file__).parent / "broken"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "peacediff", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=120)


def test_help_shows_examples_and_exit_codes() -> None:
    r = run("--help")
    assert r.returncode == 0
    assert "peacediff diff us-russia-28 e3-counter-28" in r.stdout and "exit codes" in r.stdout


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["ID", "DATE", "PROPOSER", "POINTS", "STATUS"]
    row = next(line for line in lines if line.startswith("geneva-19"))
    assert "2025-11-23" in row and "19 (" in row and "reported, partial" in row
    assert main(["list", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["id"] == "us-russia-28" and data[0]["declared_count"] == 28


def test_show_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "us-russia-28"]) == 0
    text = capsys.readouterr().out
    assert "600,000" in text and "Peace Council" in text
    assert main(["show", "us-russia-28", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["provisions"]) == 28
    assert main(["show", "us-russia-28", "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("#")


def test_validate_bundled_and_broken(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    assert main(["validate", str(BROKEN / "multiple_problems.toml"), str(BROKEN / "bad_status.toml")]) == 2
    err = capsys.readouterr().err
    assert "multiple_problems.toml:2:1: 'id' value 'Broken Id'" in err
    assert "bad_status.toml:5:1:" in err and "fix: did you mean 'leaked'?" in err
    assert err.rstrip().endswith("5 problems in 2 files")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["show", "no-such-version"], "neither a bundled version nor an existing file"),
        (["show", str(BROKEN / "bad_key.toml")], "bad_key.toml:7:1:"),
        (["diff", "us-russia-28"], "the following arguments are required: NEW"),
        (["frobnicate"], "invalid choice"),
        (["show", str(BROKEN / "not_utf8.toml")], "not valid UTF-8"),
    ],
)
def test_user_mistakes_exit_2_without_traceback(args: list[str], needle: str) -> None:
    r = run_cli(*args)
    assert r.returncode == 2
    assert needle in r.stderr
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout


def test_diff_exit_code_and_output_file(tmp_path: Path) -> None:
    # The entry point hands main's status to the process (1 here); the other statuses are main's.
    differ = run("diff", "us-russia-28", "e3-counter-28", "--exit-code", "--format", "json")
    assert differ.returncode == 1
    data = json.loads(differ.stdout)
    assert data["old"]["id"] == "us-russia-28" and data["new"]["id"] == "e3-counter-28"
    same = run_cli("diff", "us-russia-28", "us-russia-28", "--exit-code", "--format", "json")
    assert same.returncode == 0, same.stderr
    out = tmp_path / "r.html"
    r = run_cli("diff", "us-russia-28", "e3-counter-28", "-o", str(out))
    assert r.returncode == 0 and out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_diff_plain_text_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("1. Forces capped at 600,000.\n2. Elections within 100 days.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("1. Forces capped at 800,000.\n2. Elections within 100 days.\n", encoding="utf-8")
    r = run_cli("diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "text", "--color", "never")
    assert r.returncode == 0, r.stderr
    assert "600,000" in r.stdout and "800,000" in r.stdout


def test_redline_writes_every_pair_and_index(tmp_path: Path) -> None:
    r = run_cli("redline", "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "index.html" in files
    assert "us-russia-28__e3-counter-28.html" in files
    assert "us-russia-28__us-ua-20.html" in files
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for name in files:
        if name != "index.html":
            assert name in index


def test_redline_output_is_deterministic(tmp_path: Path) -> None:
    # one run here, one in a fresh process: another hash seed, another template cache state
    assert run_cli("redline", "--out", str(tmp_path / "a")).returncode == 0
    assert run("redline", "--out", str(tmp_path / "b")).returncode == 0
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_works_from_an_unrelated_directory(tmp_path: Path) -> None:
    r = run_cli("validate", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run_cli("list", cwd=tmp_path)
    assert "us-ua-20" in r.stdout


def test_template_cache_changes_nothing(tmp_path: Path) -> None:
    outputs = []
    for env_extra in ({"XDG_CACHE_HOME": str(tmp_path / "c")}, {"XDG_CACHE_HOME": str(tmp_path / "c")},
                      {"PEACEDIFF_NO_CACHE": "1"}, {"XDG_CACHE_HOME": "/proc/not-writable"}):
        env = {**os.environ, "PYTHONPATH": str(ROOT), **env_extra}
        r = subprocess.run([sys.executable, "-m", "peacediff", "diff", "us-russia-28", "us-ua-20", "--format", "html"],
                           capture_output=True, cwd=ROOT, env=env, timeout=120)
        assert r.returncode == 0, r.stderr
        outputs.append(r.stdout)
    assert any((tmp_path / "c" / "peacediff").rglob("*.cache")), "compiled templates were cached"
    assert len(set(outputs)) == 1
