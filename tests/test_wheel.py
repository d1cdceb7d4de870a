"""The built wheel carries versions, templates and seeds, and works outside the checkout.

The wheel is installed without network access into a fresh virtual
environment; its dependencies come from the test environment through a
.pth file, so the peacediff that runs is the installed one, not the checkout.
"""

from __future__ import annotations

import contextlib
import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = pytest.importorskip("hatchling.build", reason="the wheel test builds with hatchling (pip install .[test])")
    out = tmp_path_factory.mktemp("dist")
    # The project's build backend called as pip's `wheel --no-build-isolation` calls it (PEP 517,
    # from the project folder), without starting pip: half a second of CPU.
    with contextlib.chdir(ROOT):
        built = out / build.build_wheel(str(out))
    assert list(out.glob("peacediff-*.whl")) == [built]
    return built


def test_wheel_contains_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("versions", "templates", "seeds"):
        source = sorted(p.name for p in (ROOT / folder).iterdir() if p.is_file())
        if folder == "seeds":  # the notice on the articles ships beside them (SEEDS-NOTICE.md)
            source = sorted([*source, "NOTICE.md"])
        shipped = sorted(n.rsplit("/", 1)[1] for n in names if n.startswith(f"peacediff/{folder}/"))
        assert shipped == source, folder
    assert "peacediff/py.typed" in names
    assert "peacediff/labels.toml" in names  # parameter labels (peacediff._labels)


def test_wheel_ships_the_licence_and_the_notice_for_third_party_text(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names
    assert "peacediff/seeds/NOTICE.md" in names
    notice = zipfile.ZipFile(wheel).read("peacediff/seeds/NOTICE.md").decode("utf-8")
    seeds = sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("peacediff/seeds/") and n.endswith(".txt"))
    assert seeds and all(name in notice for name in seeds), "every shipped article is listed in the notice"
    assert "not" in notice and "MIT" in notice


def test_installed_wheel_works_from_an_unrelated_directory(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index", "-q",
                    str(wheel)], check=True, capture_output=True)
    # Dependencies (attrs, jinja2 ...) from the test environment, after the venv's own site-packages.
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(purelib) / "zz_test_deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(venv / "bin" / "peacediff"), *args], cwd=work, env=env, capture_output=True,
                              text=True, timeout=120)

    where = subprocess.run([str(py), "-c", "import peacediff, peacediff._resources as r; "
                            "print(peacediff.__file__); print(r.resource_path('versions'))"],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(w.startswith(purelib) for w in where), where
    listed = run("list")
    assert listed.returncode == 0, listed.stderr
    assert "us-russia-28" in listed.stdout and "us-ua-20" in listed.stdout
    validated = run("validate")
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.startswith("ok: 6 version files valid")
    rendered = run("diff", "us-russia-28", "e3-counter-28", "-o", "r.html")
    assert rendered.returncode == 0, rendered.stderr
    assert "<del>" in (work / "r.html").read_text(encoding="utf-8")
