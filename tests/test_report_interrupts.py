"""Ctrl-C at every moment of a report run, not only while a cell runs: while the command is
still importing, once the run folder is recorded, while the kernel starts, in each notebook,
and while the figures are written. Each moment is reached by waiting for what the run has
written by then (or for a delay after the start), so the interrupt lands there whatever the
load of the machine. Each time: one line on stderr, exit 130 within seconds, nothing on
stdout, no report.html, status interrupted, and no kernel left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from newsfigures.cli import INTERRUPTED

ROOT = Path(__file__).resolve().parents[1]

#: (name, what the run has written when the interrupt is sent, seconds to wait after that)
MOMENTS = [
    ("importing", None, 0.6),
    ("folder-recorded", "parameters.yaml", 0.0),
    ("kernel-launching", "kernels.log", 0.0),
    ("kernel-starting", "kernels.log", 0.15),
    ("kernel-connecting", "kernels.log", 0.4),
    ("first-notebook", "01_extract.ipynb", 1.0),
    ("second-notebook", "02_reconcile.ipynb", 0.0),
    ("third-notebook", "03_report.ipynb", 0.0),
    ("writing-figures", "figures/*.png", 0.0),
]


def _kernels_of(pid: int) -> list[int]:
    """Processes started as kernels of the command ``pid`` (jupyter_client marks them with
    JPY_PARENT_PID) that are still running."""
    mark = f"JPY_PARENT_PID={pid}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if mark in environ and state != "Z":
            found.append(int(entry.name))
    return found


def _reached(out: Path, marker: str) -> bool:
    return any(out.glob(marker)) if "*" in marker else (out / marker).exists()


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
@pytest.mark.parametrize(
    ("marker", "after", "to_group"),
    [
        *((m, a, True) for _, m, a in MOMENTS),
        (MOMENTS[3][1], MOMENTS[3][2], False),
        (MOMENTS[5][1], MOMENTS[5][2], False),
    ],
    ids=[*(f"ctrl-c-{n}" for n, _, _ in MOMENTS), "parent-kernel-starting", "parent-notebook"],
)
def test_interrupt_at_any_moment(
    tmp_path: Path, marker: str | None, after: float, to_group: bool
) -> None:
    out = tmp_path / "run"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsfigures", "report", "--out", str(out), "--no-progress"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while marker and not _reached(out, marker) and proc.poll() is None:
            assert time.monotonic() < deadline, f"{marker} never appeared"
            time.sleep(0.01)
        time.sleep(after)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        if to_group:
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C at a terminal
        else:
            proc.send_signal(signal.SIGINT)  # a scheduler stopping the command alone
        sent = time.monotonic()
        stdout, stderr = proc.communicate(timeout=120)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        leftover = _kernels_of(proc.pid)
        for pid in leftover:
            os.kill(pid, signal.SIGKILL)
    assert (proc.returncode, stderr) == (130, INTERRUPTED + "\n")
    assert stdout == "", "no report path is printed"
    assert took < 30, f"{took:.0f} s to stop after the interrupt"
    assert not (out / "report.html").exists()
    if marker:  # the run folder exists: it says the run was interrupted
        status = yaml.safe_load((out / "parameters.yaml").read_text(encoding="utf-8"))["status"]
        assert status == "interrupted"
    else:  # interrupted before any run folder, or with one that says so
        assert not (out / "parameters.yaml").exists() or "interrupted" in (
            out / "parameters.yaml"
        ).read_text(encoding="utf-8")
    assert leftover == [], "the kernel stopped with the command"
