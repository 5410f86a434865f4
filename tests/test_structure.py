"""Functions of the extractor short enough to read at once (issue 12's structure bar).

Every function and method under ``extract/``, nested ones included, is measured from its
``def`` line to its last line, docstring and comments counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parent.parent / "extract"
MAX_LINES = 80
#: Modules not yet held to the bar while their split is under way (none today).
NOT_YET: frozenset[str] = frozenset()


def function_lengths(source: str) -> list[tuple[str, int, int]]:
    """(qualified name, first line, length in lines) of every function in ``source``."""
    found: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                end = child.end_lineno or child.lineno
                found.append((prefix + child.name, child.lineno, end - child.lineno + 1))
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def test_function_lengths_counts_def_to_last_line() -> None:
    source = (
        "class A:\n"
        "    def f(self):\n"
        '        """Doc."""\n'
        "        def g():\n"
        "            return 1\n"
        "        return g()\n"
        "\n"
        "async def h():\n"
        "    pass\n"
    )
    assert function_lengths(source) == [("A.f", 2, 5), ("A.f.g", 4, 2), ("h", 8, 2)]


@pytest.mark.parametrize(
    "path",
    sorted(p for p in EXTRACT.glob("*.py") if p.name not in NOT_YET),
    ids=lambda p: p.name,
)
def test_no_function_longer_than_the_bar(path: Path) -> None:
    long = [
        f"{path.name}:{line} {name} ({length} lines)"
        for name, line, length in function_lengths(path.read_text(encoding="utf-8"))
        if length > MAX_LINES
    ]
    assert long == [], f"longer than {MAX_LINES} lines: {long}"


def test_the_exception_still_names_a_module() -> None:
    """Drop a module from NOT_YET once it is split; a name of no module is a stale entry."""
    assert all((EXTRACT / name).is_file() for name in NOT_YET)
