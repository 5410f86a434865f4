"""environment.yml (conda) and pyproject.toml (pip) must ask for the same runtime packages."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]

# PyPI name -> conda-forge name, for packages whose names differ (after normalising).
# Every runtime dependency today has the same name on both, so the table is empty;
# add a row here, not a special case below, when one does not.
CONDA_NAMES: dict[str, str] = {}

# Entries of environment.yml that are not runtime packages of the project.
NOT_RUNTIME = frozenset({"python", "pip"})

_CONDA_SPEC = re.compile(r"^\s*(?P<name>[A-Za-z0-9_.\-]+)\s*(?P<spec>[^\s#]*)\s*$")
_CONSTRAINT = re.compile(r"^(?P<op>==|>=|<=|!=|~=|>|<|=)?(?P<version>[0-9][0-9A-Za-z.*+!-]*)$")

Bounds = frozenset[tuple[str, Version]]


def normalise(name: str) -> str:
    return name.strip().lower().replace("_", "-")


def parse_constraints(spec: str) -> Bounds:
    """``">=2.1,<3"`` -> {(">=", 2.1), ("<", 3)}; a bare version or ``=`` means ``==``."""
    bounds: set[tuple[str, Version]] = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        match = _CONSTRAINT.match(part)
        assert match is not None, f"cannot read version constraint {part!r}"
        op = match["op"] or "=="
        version = match["version"].removesuffix(".*")
        bounds.add(("==" if op == "=" else op, Version(version)))
    return frozenset(bounds)


def show(bounds: Bounds) -> str:
    return ",".join(sorted(f"{op}{version}" for op, version in bounds)) or "(any)"


def load_pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def load_environment() -> dict[str, object]:
    data = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), "environment.yml is not a mapping"
    return data


def pip_runtime() -> dict[str, Bounds]:
    project = load_pyproject()["project"]
    assert isinstance(project, dict)
    found: dict[str, Bounds] = {}
    for line in project["dependencies"]:
        req = Requirement(line)
        assert req.marker is None and not req.extras and req.url is None, (
            f"{line!r}: markers, extras and URLs have no conda equivalent; "
            "extend tests/test_environment.py if one is needed"
        )
        name = normalise(req.name)
        assert name not in found, f"{name} listed twice in pyproject.toml"
        found[name] = frozenset((s.operator, Version(s.version)) for s in req.specifier)
    return found


def conda_entries() -> tuple[dict[str, Bounds], list[object]]:
    """(conda packages with their bounds, the ``pip:`` section)."""
    packages: dict[str, Bounds] = {}
    pip_section: list[object] = []
    deps = load_environment().get("dependencies")
    assert isinstance(deps, list), "environment.yml has no dependencies list"
    for item in deps:
        if isinstance(item, dict):
            assert set(item) == {"pip"}, f"unexpected mapping in dependencies: {item}"
            assert isinstance(item["pip"], list)
            pip_section.extend(item["pip"])
            continue
        assert isinstance(item, str), f"unexpected dependency entry {item!r}"
        match = _CONDA_SPEC.match(item)
        assert match is not None, f"cannot read conda spec {item!r}"
        name = normalise(match["name"])
        assert name not in packages, f"{name} listed twice in environment.yml"
        packages[name] = parse_constraints(match["spec"])
    return packages, pip_section


def test_environment_metadata() -> None:
    env = load_environment()
    assert env.get("name") == "newsfigures"
    assert env.get("channels") == ["conda-forge"]


def test_runtime_dependencies_match() -> None:
    conda, _ = conda_entries()
    expected = {CONDA_NAMES.get(name, name): bounds for name, bounds in pip_runtime().items()}
    runtime = {name: bounds for name, bounds in conda.items() if name not in NOT_RUNTIME}

    only_pip = sorted(set(expected) - set(runtime))
    only_conda = sorted(set(runtime) - set(expected))
    assert not only_pip, f"in pyproject.toml but not environment.yml: {only_pip}"
    assert not only_conda, f"in environment.yml but not pyproject.toml: {only_conda}"
    differ = {
        name: f"pyproject {show(expected[name])} vs environment.yml {show(runtime[name])}"
        for name in expected
        if expected[name] != runtime[name]
    }
    assert not differ, f"version bounds differ: {differ}"


def test_pip_and_editable_install() -> None:
    conda, pip_section = conda_entries()
    assert "pip" in conda, "environment.yml must list pip"
    assert "-e .[dev]" in pip_section, "environment.yml must pip-install '-e .[dev]'"


def test_python_satisfies_requires_python() -> None:
    conda, _ = conda_entries()
    assert "python" in conda, "environment.yml must pin python"
    bounds = conda["python"]
    assert len(bounds) == 1, f"expected a single python pin, got {bounds}"
    ((op, version),) = bounds
    assert op == "==", f"expected python=X.Y, got {op}{version}"
    requires = load_pyproject()["project"]
    assert isinstance(requires, dict)
    spec = SpecifierSet(requires["requires-python"])
    # conda's python=3.11 means any 3.11.x: the first and a late patch release must both fit.
    for patch in (0, 99):
        candidate = Version(f"{version.major}.{version.minor}.{patch}")
        assert candidate in spec, f"python={version} allows {candidate}, outside {spec}"


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (">=2.1,<3", {(">=", "2.1"), ("<", "3")}),
        ("=3.11", {("==", "3.11")}),
        ("3.11.*", {("==", "3.11")}),
        ("", set()),
    ],
)
def test_parse_constraints(spec: str, expected: set[tuple[str, str]]) -> None:
    assert parse_constraints(spec) == {(op, Version(v)) for op, v in expected}
