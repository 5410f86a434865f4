"""Living benchmarks: every script in ``benchmarks/`` runs in its smallest mode.

Benchmarks that nothing runs decay (one crashed on a schema change nobody noticed). Each
script found in ``benchmarks/`` (not the ``_``-prefixed helper modules) is run in a fresh
process with the arguments of :data:`SMALLEST`; a script missing from the table fails the
test, so a new benchmark must say how to run it small. The numbers are not checked here (a
benchmark is not a timed test): the script must finish, without a traceback, with an exit
status it documents.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Smallest:
    """How to run one benchmark in seconds. ``{tmp}`` in an argument is a scratch folder."""

    args: tuple[str, ...]
    needs_shared: bool = False  # reads ../shared: skipped without it
    needs: str | None = None  # a program that must be on PATH
    exit_codes: tuple[int, ...] = (0,)  # some benchmarks exit 1 when a target fails
    covered_by: str | None = None  # a test file that already runs it small (not run twice)


#: The one table of smallest modes, by script name.
SMALLEST: dict[str, Smallest] = {
    "newsquant.py": Smallest(("--limit", "10"), needs_shared=True),
    "throughput.py": Smallest(("--mb", "0.02", "--q3-mb", "0.01", "--budget", "20")),
    "scale.py": Smallest(
        ("--mb", "0.1", "--big-mb", "0.2", "--no-dask", "--workdir", "{tmp}/scale")
    ),
    # its targets are for a million claims: at 2,000 the scaled time target fails (exit 1)
    "reconcile_scale.py": Smallest(("--n", "2000"), exit_codes=(0, 1)),
    "render_report.py": Smallest(
        ("{tmp}/page.html", "-o", "{tmp}/page.png", "--height", "300"), needs="chromium"
    ),
    "report_speed.py": Smallest(("--docs", "5", "--runs", "1", "--no-baseline")),
    "extract_dev.py": Smallest(("--smallest",), covered_by="tests/test_extract_dev.py"),
    "faults.py": Smallest(("--smallest",), covered_by="tests/test_faults.py"),
    "peers.py": Smallest(("--smallest", "3"), covered_by="tests/test_peers_benchmark.py"),
    "reconcile_eval.py": Smallest(
        ("--gold-claims", "--topics", "canada_wildfires_2023"), needs_shared=True
    ),
    # (one story of tests/data/own_topics; tests/test_own_topics.py scores every story)
    "own_topics_eval.py": Smallest(("shipwreck",)),
    # (ten sentences of each half; tests/test_own_sentences.py scores all 214)
    "own_sentences_eval.py": Smallest(("--limit", "10")),
}


def scripts() -> list[str]:
    return sorted(p.name for p in BENCHMARKS.glob("*.py") if not p.name.startswith("_"))


def test_benchmarks_are_found() -> None:
    assert {"reconcile_scale.py", "report_speed.py"} <= set(scripts())


@pytest.mark.parametrize("script", scripts())
def test_benchmark_runs_in_its_smallest_mode(script: str, tmp_path: Path) -> None:
    if script not in SMALLEST:
        pytest.fail(f"benchmarks/{script} has no smallest mode: add it to SMALLEST in {__file__}")
    mode = SMALLEST[script]
    if mode.covered_by is not None:
        test_file = ROOT / mode.covered_by
        assert script in test_file.read_text(encoding="utf-8"), f"{mode.covered_by} runs {script}"
        return
    if mode.needs_shared and not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    if mode.needs and shutil.which(mode.needs) is None:
        pytest.skip(f"{mode.needs} is not installed")
    (tmp_path / "page.html").write_text(
        "<!doctype html><html><body><h1>A page</h1></body></html>", encoding="utf-8"
    )
    args = [a.replace("{tmp}", str(tmp_path)) for a in mode.args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in mode.exit_codes, (result.returncode, result.stderr[-3000:])
    assert result.stdout.strip(), "a benchmark prints what it measured"
