"""Ctrl-C that Python would otherwise swallow, for the command lines.

A ``KeyboardInterrupt`` raised inside a callback that Python runs on its own (a weak
reference's callback, such as the one that drops a module's import lock, or a ``__del__``)
cannot propagate: Python prints "Exception ignored in …" with a traceback and goes on as if
the key had never been pressed. :func:`redeliver_swallowed_interrupts` makes such a Ctrl-C
arrive again a moment later, where it ends the run the way any other Ctrl-C does.
"""

from __future__ import annotations

import _thread
import sys
import threading
from typing import Any

__all__ = ["redeliver_swallowed_interrupts"]

#: Seconds between a swallowed Ctrl-C and its second delivery: enough for the callback
#: that swallowed it to return.
_REDELIVER_AFTER = 0.01


def redeliver_swallowed_interrupts() -> None:
    """Install the hook (``sys.unraisablehook``) for the rest of the process; idempotent.

    Other unraisable exceptions are printed as Python prints them. For command lines only:
    a library must not change a process-wide hook of its caller's.
    """
    sys.unraisablehook = _unraisable


def _unraisable(unraisable: Any) -> None:
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        timer = threading.Timer(_REDELIVER_AFTER, _thread.interrupt_main)
        timer.daemon = True
        timer.start()
        return
    sys.__unraisablehook__(unraisable)
