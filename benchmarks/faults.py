"""Random interrupts, then resume: the output must equal a clean run's.

Runs ``python -m extract CORPUS -o DIR/`` over and over into one folder, and at a
random moment of each run does one of: SIGKILL the parent, SIGTERM the parent,
Ctrl-C (SIGINT to the process group), or SIGKILL a worker. Each next run resumes
(or, when a run finished before its fault, starts over with ``--no-resume``).
After the last round a run without faults finishes the folder, and its claims,
documents and skipped tables are compared with those of a clean run made in the
same process (the baseline). It also checks that every run ended within a time
limit after its fault (no hang) and that no worker outlived its parent.

Prints the number of rounds, what was done in each, any difference, and the
stressed wall time as a ratio of the clean run's. Exits 1 if anything differed,
hung or was left running.

    python benchmarks/faults.py                 # 40 rounds on 400 documents
    python benchmarks/faults.py --smallest      # 3 rounds on 30 documents (for tests)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAULTS = ("kill parent", "terminate parent", "ctrl-c", "kill worker")
HANG_LIMIT = 60.0  # seconds a run may take to end after its fault
ORPHAN_LIMIT = 5.0  # seconds for workers to end after their parent
SENTENCES = [
    "The harbour handled {n:,} containers in {year}, up {pct}% on the year before.",
    "A bakery sold {n:,} loaves during the {days}-day fair, its owner said.",
    "The council will spend ${m} million on {n:,} new street lamps.",
    "Ridership fell {pct} percent to {n:,} passengers a day in March.",
]


def document(rng: random.Random, sentences: int) -> str:
    """A short text we write ourselves: ``sentences`` of SENTENCES with figures drawn."""
    return " ".join(
        rng.choice(SENTENCES).format(
            n=rng.randint(10, 90_000),
            year=rng.randint(2001, 2024),
            pct=rng.randint(1, 60),
            days=rng.randint(2, 9),
            m=rng.randint(2, 400),
        )
        for _ in range(sentences)
    )


def write_corpus(path: Path, n: int, seed: int) -> None:
    """``n`` short documents we write ourselves, one bad line among them."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = document(rng, rng.randint(3, 12))
            out.write(json.dumps({"doc_id": f"d{i:05d}", "text": text}) + "\n")
            if i == n // 2:
                out.write("{not json\n")


def command(corpus: Path, out: Path, args: argparse.Namespace, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "extract",
        str(corpus),
        "-o",
        f"{out}/",
        "--batch-size",
        str(args.batch_size),
        "--workers",
        str(workers),
        "--no-progress",
    ]


def environment() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path}


def run(cmd: list[str]) -> float:
    """Run to the end; its wall time. A failure stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=environment(), timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"a run without faults failed ({done.returncode}): {done.stderr}")
    return time.perf_counter() - start


def children(pid: int) -> list[int]:
    """The process ids whose parent is ``pid`` (from /proc; empty where there is none)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def living(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def one_round(cmd: list[str], fault: str, delay: float) -> tuple[str, int | None, list[int]]:
    """Start a run, apply ``fault`` after ``delay`` seconds; what happened, its exit, orphans."""
    process = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
        start_new_session=True,  # its own process group, as a terminal gives a command
    )
    deadline = time.monotonic() + delay
    workers: list[int] = []
    while time.monotonic() < deadline and process.poll() is None:
        workers = children(process.pid) or workers
        time.sleep(0.02)
    if process.poll() is not None:
        process.communicate()
        return "finished first", process.returncode, []
    workers = children(process.pid) or workers
    if fault == "kill worker":
        targets = [pid for pid in workers if "resource_tracker" not in _cmdline(pid)]
        if not targets:
            fault = "kill parent"  # nothing to kill yet (reading, or one batch in process)
        else:
            os.kill(random.choice(targets), signal.SIGKILL)
    if fault == "kill parent":
        process.kill()
    elif fault == "terminate parent":
        process.terminate()
    elif fault == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.communicate(timeout=HANG_LIMIT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return f"{fault}: HUNG", None, []
    end = time.monotonic() + ORPHAN_LIMIT
    while living(workers) and time.monotonic() < end:
        time.sleep(0.05)
    orphans = living(workers)
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    return fault, process.returncode, orphans


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def differences(clean: Path, stressed: Path) -> list[str]:
    """What differs between two output folders, table by table (empty: nothing)."""
    from extract.corpus import scan_output

    found = []
    keys = {"claims": ["claim_id"], "documents": ["doc_id"], "skipped": ["source", "reason"]}
    for table, key in keys.items():
        a = scan_output(clean, table).collect().sort(key)  # type: ignore[arg-type]
        b = scan_output(stressed, table).collect().sort(key)  # type: ignore[arg-type]
        if not a.equals(b):
            found.append(f"{table}: {a.height} rows clean, {b.height} after faults")
    parts = [sorted(p.name for p in (folder / "claims").iterdir()) for folder in (clean, stressed)]
    if parts[0] != parts[1]:
        found.append(f"partitions: {len(parts[0])} clean, {len(parts[1])} after faults")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=40, help="interrupted runs")
    ap.add_argument("--docs", type=int, default=400, help="documents in the generated corpus")
    ap.add_argument("--batch-size", type=int, default=10, help="documents per partition")
    ap.add_argument("--workers", type=int, default=2, help="worker processes per run")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--smallest", action="store_true", help="--rounds 3 --docs 30 --batch-size 5")
    args = ap.parse_args(argv)
    if args.smallest:
        args.rounds, args.docs, args.batch_size = 3, 30, 5
    rng = random.Random(args.seed)
    random.seed(args.seed)
    work = Path(tempfile.mkdtemp(prefix="newsfigures-faults-"))
    try:
        corpus = work / "news.jsonl"
        write_corpus(corpus, args.docs, args.seed)
        clean, stressed = work / "clean", work / "stressed"
        baseline = run(command(corpus, clean, args, args.workers))
        print(f"clean run: {args.docs} documents in {baseline:.1f} s (the baseline)")
        start = time.perf_counter()
        hung = orphaned = 0
        complete = False
        for n in range(1, args.rounds + 1):
            fault = rng.choice(FAULTS)
            delay = rng.uniform(0.0, baseline)
            cmd = command(corpus, stressed, args, args.workers)
            if complete:  # a finished folder resumes at once: start it over instead
                cmd.append("--no-resume")
            done, code, orphans = one_round(cmd, fault, delay)
            complete = done == "finished first"
            hung += "HUNG" in done
            orphaned += len(orphans)
            left = f", {len(orphans)} workers outlived it" if orphans else ""
            over = " (started over)" if "--no-resume" in cmd else ""
            print(f"round {n:3d}{over}: {done} after {delay:.2f} s, exit {code}{left}")
        run(command(corpus, stressed, args, 1))
        stressed_time = time.perf_counter() - start
        found = differences(clean, stressed)
        print(f"rounds: {args.rounds}; hung: {hung}; workers left alive: {orphaned}")
        print("differences: " + ("; ".join(found) if found else "none"))
        print(
            f"wall time of all rounds and the final resume: {stressed_time / baseline:.1f}x clean"
        )
        return 1 if found or hung or orphaned else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
