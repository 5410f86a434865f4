"""Faults a batch job meets: concurrent runs, interrupts, killed processes, odd files."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import load_benchmark

from extract.__main__ import main
from extract.corpus import extract_corpus_to, scan_output
from extract.folder_lock import OutputLocked

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

faults = load_benchmark("faults_under_test", "faults.py")


def write_corpus(path: Path, n: int, *, seed: int = 3, sentences: int = 6) -> Path:
    """A JSON-lines corpus of ``n`` short documents we write ourselves."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = faults.document(rng, sentences)
            out.write(json.dumps({"doc_id": f"d{i:05d}", "text": text}) + "\n")
    return path


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def wait_for(predicate: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


class Reaper(list[subprocess.Popen[str]]):
    """Processes a test started; at the end, any still running are killed (with their group)."""

    def reap(self) -> None:
        for process in self:
            if getattr(process, "own_group", False):
                try:
                    os.killpg(process.pid, signal.SIGKILL)  # its workers too, if any are left
                except (ProcessLookupError, PermissionError):
                    pass
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)


@pytest.fixture
def reaper() -> Iterator[Reaper]:
    started = Reaper()
    yield started
    started.reap()


# --------------------------------------------------------------------------- concurrent runs

_HOLD = """
import sys
from extract.folder_lock import FolderLock
with FolderLock(sys.argv[1]):
    print("holding", flush=True)
    sys.stdin.read()
"""


def test_second_run_into_a_folder_is_refused_and_names_the_holder(
    tmp_path: Path, reaper: Reaper, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_corpus(tmp_path / "news.jsonl", 12)
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [PYTHON, "-c", _HOLD, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env(),
    )
    reaper.append(holder)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    args = [str(source), "-o", f"{out}/", "--workers", "1", "--no-progress"]
    assert main([*args, "--no-resume"]) == 2
    err = capsys.readouterr().err
    assert f"pid {holder.pid} on {socket.gethostname()}, started 20" in err
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(OutputLocked, match=f"pid {holder.pid}"):
        extract_corpus_to(source, out, workers=1, progress=False)
    assert not (out / "claims").exists()  # nothing was touched
    holder.communicate("", timeout=60)  # the holder lets go
    assert main(args) == 0
    assert scan_output(out, "documents").collect().height == 12
    assert sorted(p.name for p in out.iterdir()) == [
        "_complete.json",
        "_run.json",
        "claims",
        "documents",
        "skipped",
        "skipped.csv",
    ]


def test_two_real_runs_never_corrupt_a_folder(tmp_path: Path, reaper: Reaper) -> None:
    source = write_corpus(tmp_path / "news.jsonl", 240)
    out = tmp_path / "out"
    cli = [PYTHON, "-m", "extract", str(source), "-o", f"{out}/", "--no-progress"]
    first = subprocess.Popen(
        [*cli, "--workers", "1", "--batch-size", "8"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )
    reaper.append(first)
    started = lambda: any((out / "claims").glob("part-*")) or first.poll() is not None  # noqa: E731
    assert wait_for(started, 120)
    second = subprocess.run(
        [*cli, "--workers", "1", "--batch-size", "128", "--no-resume"],
        capture_output=True,
        text=True,
        env=env(),
        timeout=300,
    )
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    if second.returncode != 0:  # refused while the first one ran
        assert second.returncode == 2
        assert f"pid {first.pid} on " in second.stderr
    print("second run:", second.returncode, second.stderr.strip())
    documents = scan_output(out, "documents").collect()
    claims = scan_output(out, "claims").collect()
    assert documents.height == documents["doc_id"].n_unique() == 240
    assert claims.height == claims["claim_id"].n_unique() > 0
    complete = json.loads((out / "_complete.json").read_text())
    assert complete["partitions"] == len(list((out / "claims").iterdir()))
    assert complete["claims"] == claims.height


# --------------------------------------------------------------------------- interrupts and kills

_POOL = """
import os
import signal
import sys
import time
from extract.parallel import map_unordered

# Ctrl-C as a terminal gives it to a command. A test run that a shell without job control
# started in the background ("make test &") passes SIGINT on ignored, and Python then keeps
# ignoring it: this script would run on, and the test would time out for a reason of its own.
signal.signal(signal.SIGINT, signal.default_int_handler)

def work(size):
    time.sleep(0.02)  # a little work, so that waiting tries leave the machine to the others
    return b"x" * size

if __name__ == "__main__":
    size = int(sys.argv[1])
    parent = os.getppid()  # the test: when it is gone (pytest killed), stop, do not run on
    try:
        for i, _ in enumerate(map_unordered(work, ((i, size) for i in range(100_000)), workers=2)):
            if i == 0:
                print("running", flush=True)
            if os.getppid() != parent:
                raise SystemExit("the test that started this is gone")
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None
"""


def start_pool(script: Path, size: int) -> subprocess.Popen[str]:
    """A process mapping over endless work on two workers, each result ``size`` bytes."""
    process = subprocess.Popen(
        [PYTHON, str(script), str(size)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
        start_new_session=True,  # its own process group, as a terminal gives a command
    )
    process.own_group = True  # type: ignore[attr-defined]
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "running"
    return process


def alive(pids: list[int]) -> list[int]:
    psutil = pytest.importorskip("psutil")
    living = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                living.append(pid)
        except psutil.NoSuchProcess:
            pass
    return living


def descendants(pid: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    return [child.pid for child in psutil.Process(pid).children(recursive=True)]


TRIES = 20
AT_ONCE = 2  # tries run side by side, to keep the test's wall time down
EXIT_LIMIT = 10.0  # seconds from SIGINT to exit: a few seconds, with room for a loaded machine


def test_ctrl_c_with_large_results_in_flight_always_exits(tmp_path: Path, reaper: Reaper) -> None:
    script = tmp_path / "pool.py"
    script.write_text(_POOL)
    rng = random.Random(11)
    slowest = 0.0
    for round_ in range(TRIES // AT_ONCE):
        # 32 MB results: the result pipes are busy much of the time
        processes = [start_pool(script, 32 << 20) for _ in range(AT_ONCE)]
        reaper.extend(processes)
        for n, process in enumerate(processes):
            attempt = round_ * AT_ONCE + n + 1
            workers = descendants(process.pid)
            time.sleep(rng.uniform(0.0, 0.4))
            sent = time.monotonic()
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C goes to the whole process group
            try:
                _, err = process.communicate(timeout=EXIT_LIMIT)
            except subprocess.TimeoutExpired:
                pytest.fail(f"try {attempt}: still running {EXIT_LIMIT:.0f} s after Ctrl-C")
            slowest = max(slowest, time.monotonic() - sent)
            assert process.returncode == 130, err
            assert err.strip() == "interrupted"
            assert wait_for(lambda w=workers: not alive(w), 5), f"try {attempt}: workers left"
    print(f"{TRIES} interrupts, slowest exit {slowest:.2f} s")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_do_not_outlive_their_parent(
    tmp_path: Path, reaper: Reaper, how: signal.Signals
) -> None:
    script = tmp_path / "pool.py"
    script.write_text(_POOL)
    process = start_pool(script, 1 << 20)
    reaper.append(process)
    children = descendants(process.pid)
    assert len(children) >= 2  # two workers (and the resource tracker)
    process.send_signal(how)
    process.wait(timeout=30)
    left = children
    assert wait_for(lambda: not alive(left), 5.0), f"alive 5 s after the parent: {alive(left)}"


# --------------------------------------------------------------------------- resume


def _resume_corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text("The harbour handled 5,000 containers on Monday.\n")
    (folder / "b.txt").write_text("A bakery sold 3,400 loaves during the two-day fair.\n")
    (folder / "manifest.csv").write_text(
        "doc,outlet,published\na.txt,Harbour Times,2024-05-01\nb.txt,Town Crier,2024-05-02\n"
    )


def _claims(out: Path) -> list[tuple[object, ...]]:
    frame = scan_output(out).collect().sort("doc_id", "start")
    return frame.select("doc_id", "value", "outlet", "published").rows()


def test_resume_redoes_an_edit_of_the_same_length(tmp_path: Path) -> None:
    source = tmp_path / "news"
    _resume_corpus(source)
    out = tmp_path / "out"
    extract_corpus_to(source, out, workers=1, progress=False, batch_size=1)
    assert (5000.0) in [row[1] for row in _claims(out)]
    text = (source / "a.txt").read_text()
    (source / "a.txt").write_text(text.replace("5,000", "9,999"))  # same length
    extract_corpus_to(source, out, workers=1, progress=False, batch_size=1)
    values = [row[1] for row in _claims(out)]
    assert 9999.0 in values and 5000.0 not in values


def test_resume_redoes_changed_manifest_metadata(tmp_path: Path) -> None:
    source = tmp_path / "news"
    _resume_corpus(source)
    out = tmp_path / "out"
    extract_corpus_to(source, out, workers=1, progress=False, batch_size=1)
    (source / "manifest.csv").write_text(
        "doc,outlet,published\na.txt,Port Gazette,2024-06-11\nb.txt,Town Crier,2024-05-02\n"
    )
    extract_corpus_to(source, out, workers=1, progress=False, batch_size=1)
    rows = _claims(out)
    assert ("a.txt", 5000.0, "Port Gazette") in [row[:3] for row in rows]
    assert [str(row[3]) for row in rows if row[0] == "a.txt"] == ["2024-06-11"]
    documents = scan_output(out, "documents").collect().sort("doc_id")
    assert documents["outlet"].to_list() == ["Port Gazette", "Town Crier"]


# --------------------------------------------------------------------------- the benchmark


def test_fault_benchmark_in_its_smallest_mode() -> None:
    done = subprocess.run(
        [PYTHON, str(ROOT / "benchmarks" / "faults.py"), "--smallest"],
        capture_output=True,
        text=True,
        env=env(),
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "rounds: 3; hung: 0; workers left alive: 0" in done.stdout
    assert "differences: none" in done.stdout
