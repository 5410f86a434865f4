"""Time a full report run on the sample corpus, kernel starts included (target: under 60 s).

    python benchmarks/report_speed.py            # 3 runs of `newsfigures report` into a temp folder
    python benchmarks/report_speed.py --runs 1 --topic Wagner

Each run is a fresh ``newsfigures report`` process (as ``make demo`` starts it), so the time
includes Python start-up, three kernel starts, the imports inside each kernel and the HTML
export. The per-notebook times come from papermill's metadata in the executed notebooks.
A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 60.0
NOTEBOOKS = ("01_extract.ipynb", "02_reconcile.ipynb", "03_report.ipynb")


def command() -> list[str]:
    script = Path(sys.executable).with_name("newsfigures")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "reconcile.cli"]


def one_run(out: Path, topic: str) -> tuple[float, dict[str, float]]:
    started = time.perf_counter()
    result = subprocess.run(
        [*command(), "report", "--topic", topic, "--out", str(out), "--no-progress"],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the run failed ({result.returncode}):\n{result.stderr[-3000:]}")
    per_notebook = {}
    for name in NOTEBOOKS:
        meta = json.loads((out / name).read_text(encoding="utf-8"))["metadata"].get("papermill", {})
        per_notebook[name] = float(meta.get("duration") or 0.0)
    return elapsed, per_notebook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--topic", default="Wagner")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="newsfigures-speed-"))
    totals: list[float] = []
    try:
        for i in range(args.runs):
            total, per_notebook = one_run(tmp / f"run{i}", args.topic)
            totals.append(total)
            parts = ", ".join(f"{n.split('_')[0]} {s:.1f}s" for n, s in per_notebook.items())
            print(f"run {i + 1}: {total:.1f}s total ({parts}; the rest is start-up and export)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    median = statistics.median(totals)
    verdict = "within" if median < TARGET_SECONDS else "OVER"
    print(
        f"median {median:.1f}s over {len(totals)} run(s): {verdict} the {TARGET_SECONDS:.0f}s target"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
