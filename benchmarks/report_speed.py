"""Time a full report run, kernel starts included, and measure what it writes.

    python benchmarks/report_speed.py                 # 3 runs on the sample corpus (target < 60 s)
    python benchmarks/report_speed.py --docs 10000    # 1 run on 10,000 generated documents
    python benchmarks/report_speed.py --docs 5 --runs 1   # the smallest mode (the tests run it)

Each run is a fresh ``newsfigures report`` process (as ``make demo`` starts it), so the time
includes Python start-up, three kernel starts, the imports inside each kernel and the HTML
export. The per-notebook times come from papermill's metadata in the executed notebooks.

``--docs N`` writes N generated documents of about 2,000 characters (the seeded generator of
``benchmarks/throughput.py``: organisations, figures, hedges and asserters, four outlets over a
year) as one JSONL file and reports on all topics. Its targets (issue 13): under 2 minutes,
``report.html`` under 5 MB, no executed notebook over 5 MB, peak memory under 2 GB (the
summed RSS of the process tree: the command, its kernels and their workers, sampled every
0.2 s). The baseline measured in the same run is the sample corpus's report: the ratio says
how much a corpus N times larger costs. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTEBOOKS = ("01_extract.ipynb", "02_reconcile.ipynb", "03_report.ipynb")
SAMPLE_TARGET_S = 60.0
DOCS_TARGETS = {"seconds": 120.0, "html_mb": 5.0, "notebook_mb": 5.0, "peak_gb": 2.0}
DOC_CHARS = 2_000
OUTLETS = ("Daily Bugle", "Harbour Gazette", "Old Town News", "The Meridian")
MB = 1_000_000


@dataclass(frozen=True)
class Run:
    seconds: float
    per_notebook: dict[str, float]
    html_mb: float
    notebook_mb: dict[str, float]
    peak_gb: float | None


def command() -> list[str]:
    """This interpreter running the command line of the code on its path (not whatever an
    installed ``newsfigures`` script points at)."""
    return [sys.executable, "-m", "newsfigures"]


def generate(path: Path, docs: int, seed: int = 20240601) -> int:
    """Write ``docs`` generated documents to ``path`` (JSONL); the bytes written."""
    sys.path.insert(0, str(HERE))
    from throughput import iter_documents  # the seeded generator of the throughput benchmark

    written = 0
    with path.open("w", encoding="utf-8") as out:
        for k, doc in enumerate(iter_documents(10**15, seed=seed, doc_chars=DOC_CHARS)):
            if k >= docs:
                break
            row = {
                "doc_id": doc.doc_id,
                "text": doc.text,
                "outlet": OUTLETS[k % len(OUTLETS)],
                "published": f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}",
                "url": f"https://news.example/{doc.doc_id}",
                "title": f"Generated report {k}",
            }
            line = json.dumps(row) + "\n"
            out.write(line)
            written += len(line.encode())
    return written


class PeakMemory:
    """The largest summed RSS of a process and its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for proc in procs:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)


def one_run(out: Path, topic: str, corpus: Path | None) -> Run:
    cmd = [*command(), "report", "--topic", topic, "--out", str(out), "--no-progress"]
    if corpus is not None:
        cmd += ["--corpus", str(corpus)]
    try:
        import psutil  # noqa: F401
    except ImportError:
        watch = False
    else:
        watch = True
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak: float | None = None
    if watch:
        with PeakMemory(proc.pid) as memory:
            _, stderr = proc.communicate()
        peak = memory.peak / 1e9
    else:
        _, stderr = proc.communicate()
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"the run failed ({proc.returncode}):\n{stderr[-3000:]}")
    per_notebook, sizes = {}, {}
    for name in NOTEBOOKS:
        raw = (out / name).read_text(encoding="utf-8")
        meta = json.loads(raw)["metadata"].get("papermill", {})
        per_notebook[name] = float(meta.get("duration") or 0.0)
        sizes[name] = len(raw.encode()) / MB
    html_mb = (out / "report.html").stat().st_size / MB
    return Run(elapsed, per_notebook, html_mb, sizes, peak)


def describe(run: Run) -> str:
    parts = ", ".join(f"{n.split('_')[0]} {s:.1f}s" for n, s in run.per_notebook.items())
    biggest = max(run.notebook_mb.values())
    peak = f"{run.peak_gb:.2f} GB peak" if run.peak_gb is not None else "peak not measured"
    return (
        f"{run.seconds:.1f}s total ({parts}; the rest is start-up and export); "
        f"report.html {run.html_mb:.2f} MB, largest notebook {biggest:.2f} MB, {peak}"
    )


def judge(run: Run) -> bool:
    """Print each target of a ``--docs`` run; whether all hold."""
    checks = [
        ("time", run.seconds, DOCS_TARGETS["seconds"], "s"),
        ("report.html", run.html_mb, DOCS_TARGETS["html_mb"], "MB"),
        ("largest notebook", max(run.notebook_mb.values()), DOCS_TARGETS["notebook_mb"], "MB"),
    ]
    if run.peak_gb is not None:
        checks.append(("peak memory", run.peak_gb, DOCS_TARGETS["peak_gb"], "GB"))
    ok = True
    for name, value, target, unit in checks:
        holds = value < target
        ok &= holds
        print(
            f"  {name:17} {value:8.2f} {unit} < {target:g} {unit}: {'holds' if holds else 'FAILS'}"
        )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="default 3, or 1 with --docs")
    parser.add_argument("--topic", default=None, help='default "Veskaria", or "" with --docs')
    parser.add_argument("--docs", type=int, default=0, help="generated documents (0: sample)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the sample run")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.docs else 3)
    tmp = Path(tempfile.mkdtemp(prefix="newsfigures-speed-"))
    try:
        if not args.docs:
            totals = []
            for i in range(runs):
                run = one_run(tmp / f"run{i}", args.topic or "Veskaria", None)
                totals.append(run.seconds)
                print(f"run {i + 1}: {describe(run)}")
            median = statistics.median(totals)
            verdict = "within" if median < SAMPLE_TARGET_S else "OVER"
            print(
                f"median {median:.1f}s over {runs} run(s): {verdict} the {SAMPLE_TARGET_S:.0f}s target"
            )
            return 0
        corpus = tmp / f"generated-{args.docs}.jsonl"
        size = generate(corpus, args.docs)
        print(f"corpus: {args.docs:,} generated documents, {size / MB:.1f} MB")
        baseline = None if args.no_baseline else one_run(tmp / "baseline", "Veskaria", None)
        if baseline is not None:
            print(f"baseline (sample corpus, topic Veskaria): {describe(baseline)}")
        ok = True
        for i in range(runs):
            run = one_run(tmp / f"run{i}", args.topic or "", corpus)
            print(
                f"run {i + 1} ({args.docs:,} documents, topic {args.topic or 'all'!r}): {describe(run)}"
            )
            if baseline is not None:
                print(f"  {run.seconds / baseline.seconds:.2f}x the baseline's time")
            ok &= judge(run)
        print("all targets hold" if ok else "some targets FAIL")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
