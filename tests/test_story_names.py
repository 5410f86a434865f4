"""No story's names in the package: the names of ../shared/story_names.txt must not appear in
extract/data (the sample corpus included), reconcile/data or as a string in the code of
extract/, reconcile/ and the newsfigures application.

Docstrings and comments are exempt.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _names(shared: Path) -> list[str]:
    path = shared / "story_names.txt"
    if not path.is_file():
        pytest.skip("../shared/story_names.txt is absent")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _pattern(names: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE)


def _strings(path: Path) -> list[str]:
    """String constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_pattern_finds_a_name_as_a_word() -> None:
    pattern = _pattern(["Atlantis", "Blue Harbour"])
    assert pattern.search("the atlantis flood") and pattern.search("in Blue Harbour,")
    assert not pattern.search("Atlantisborough")


@pytest.mark.parametrize("package", ["extract", "reconcile"])
def test_no_story_names_in_data(shared_dir: Path, package: str) -> None:
    pattern = _pattern(_names(shared_dir))
    data = ROOT / package / "data"
    found = []
    for path in sorted(data.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
        found += [f"{path.name}: {m.group(0)}" for m in pattern.finditer("\n".join(lines))]
    assert not found, found


@pytest.mark.parametrize("package", ["extract", "reconcile", "newsfigures"])
def test_no_story_names_in_rule_strings(shared_dir: Path, package: str) -> None:
    pattern = _pattern(_names(shared_dir))
    found = [
        f"{path.name}: {m.group(0)}"
        for path in sorted((ROOT / package).glob("*.py"))
        for value in _strings(path)
        for m in pattern.finditer(value)
    ]
    assert not found, found
