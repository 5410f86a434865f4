"""Shared fixtures and markers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load_benchmark(name: str, file: str) -> ModuleType:
    """The script ``benchmarks/<file>`` loaded as module ``name`` (``benchmarks/`` is not a
    package, so tests load its scripts from their paths)."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "lint: static checks (ruff, mypy)")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; tests that need it skip when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present (a fresh clone has no shared material)")
    return SHARED
