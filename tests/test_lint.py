"""Static checks as tests: ruff (lint and format) and mypy, run from the repository root.

Deselect them with ``pytest -m "not lint"``.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.lint


def run_tool(module: str, *args: str) -> None:
    """Run ``python -m module args`` in the repository root; fail with its output."""
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e .[dev])")
    result = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    command = " ".join([module, *args])
    code = result.returncode  # not result.returncode in the assert: pytest would repeat the output
    assert code == 0, (
        f"`{command}` exited {code}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )


def test_ruff_check() -> None:
    run_tool("ruff", "check", "extract", "reconcile", "newsfigures", "tests", "benchmarks")


def test_ruff_format() -> None:
    run_tool("ruff", "format", "--check", "extract", "reconcile", "newsfigures")


def test_mypy() -> None:
    # Packages, strictness and Python version come from [tool.mypy] in pyproject.toml.
    run_tool("mypy")
