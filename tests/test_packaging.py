"""What a user meets before the first run: install metadata, `make clean`, program names."""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_license_is_an_spdx_string() -> None:
    """A license table makes setuptools warn on every install."""
    assert isinstance(PYPROJECT["project"]["license"], str)
    requires = PYPROJECT["build-system"]["requires"]
    assert any(r.replace(" ", "").startswith("setuptools>=77") for r in requires), requires


def test_packages_are_found_so_data_folders_are_not_ignored() -> None:
    """A fixed package list leaves data folders 'absent from packages' (one warning each)."""
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert "packages" not in setuptools or isinstance(setuptools["packages"], dict)
    include = setuptools["packages"]["find"]["include"]
    for package in ("extract", "reconcile"):
        assert any(fnmatch.fnmatch(package, pattern) for pattern in include)
        assert any(fnmatch.fnmatch(f"{package}.data", pattern) for pattern in include)


def test_package_root_is_declared_so_editable_install_is_quiet() -> None:
    """Without a declared package root, setuptools 84+ installs a flat layout through an
    import finder and prints an "Editable installation" notice on every install."""
    assert PYPROJECT["tool"]["setuptools"].get("package-dir") == {"": "."}


@pytest.mark.parametrize("package", ["extract", "reconcile"])
def test_every_data_file_is_package_data(package: str) -> None:
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"][package]
    data = [p for p in (ROOT / package / "data").rglob("*") if p.is_file()]
    assert data
    for path in data:
        relative = path.relative_to(ROOT / package).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_clean_removes_what_the_demo_writes(tmp_path: Path) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    demo = tmp_path / "outputs" / "sample-veskaria"
    demo.mkdir(parents=True)
    (demo / "report.html").write_text("<html></html>")
    (tmp_path / "outputs" / ".gitkeep").write_text("")
    (tmp_path / ".venv").mkdir()
    result = subprocess.run(
        ["make", "-s", "clean"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert not demo.exists() and not (tmp_path / ".venv").exists()
    assert (tmp_path / "outputs" / ".gitkeep").is_file()
    demo_line = next(
        line
        for line in (ROOT / "Makefile").read_text().splitlines()
        if "newsfigures report" in line
    )
    assert "--out outputs/" in demo_line, "the demo writes under outputs/, which clean empties"


def test_extract_help_names_the_newsfigures_command(capsys: pytest.CaptureFixture[str]) -> None:
    from newsfigures.cli import main

    with pytest.raises(SystemExit) as info:
        main(["extract", "--help"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("usage: newsfigures extract")
