"""The command line's Ctrl-C handler always ends the run: its give-up timer starts before
anything that can fail, and a stderr it cannot silence does not turn the Ctrl-C into
another error (a wind-down that then hangs would never end)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsfigures import cli


def test_a_handler_that_cannot_silence_stderr_still_interrupts_and_gives_up_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_descriptor(fd: int) -> int:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(os, "dup", no_descriptor)
    given_up = threading.Event()
    handler = cli._Interrupt(give_up_after=0.05)
    monkeypatch.setattr(handler, "give_up", given_up.set)
    previous = cli.signal.getsignal(cli.signal.SIGINT)
    try:
        with pytest.raises(KeyboardInterrupt):
            handler(cli.signal.SIGINT, None)
        assert given_up.wait(5), "the give-up timer never fired"
    finally:
        cli.signal.signal(cli.signal.SIGINT, previous)


_STUCK = """
import signal, sys, time
from newsfigures import cli

ready = False
while True:  # a wind-down that never ends: each KeyboardInterrupt is swallowed
    try:
        if not ready:  # (inside the try: a Ctrl-C just after the line is swallowed too)
            signal.signal(signal.SIGINT, cli._Interrupt(give_up_after=0.2))
            ready = True
            print("ready", flush=True)
        time.sleep(60)
    except KeyboardInterrupt:
        pass
"""


def test_the_give_up_timer_ends_a_wind_down_that_hangs() -> None:
    """The timer fires in its own thread, where Python refuses ``signal.signal``: the exit it
    makes must not depend on it (it once raised ValueError there, and the run hung)."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _STUCK],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err.strip() == cli.INTERRUPTED
