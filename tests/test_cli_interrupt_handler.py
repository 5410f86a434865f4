"""The command line's Ctrl-C handler always ends the run: its give-up timer starts before
anything that can fail, and a stderr it cannot silence does not turn the Ctrl-C into
another error (a wind-down that then hangs would never end)."""

from __future__ import annotations

import os
import threading

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
