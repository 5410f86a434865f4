"""One run at a time per output folder: an advisory lock that names its holder.

:class:`FolderLock` takes an exclusive ``flock`` on ``DIR/_lock`` and writes the
holder (process id, host, start time) into it. The operating system releases the
lock when the holder exits, however it exits (even SIGKILL), so a lock is never
left stale; the file itself is removed when the holder lets go. A second run into
the same folder is refused with :class:`OutputLocked`, which names the holder.
The lock is re-entrant within one process (the command line holds it around the
run and its summary; the run takes it again).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, runs are not guarded
    fcntl = None  # type: ignore[assignment]

__all__ = ["LOCK_NAME", "FolderLock", "OutputLocked"]

#: The lock file inside an output folder.
LOCK_NAME = "_lock"

_HELD: dict[str, tuple[int, int]] = {}  # folder (real path) -> (file descriptor, depth)


class OutputLocked(RuntimeError):
    """Another run is writing to the same output folder."""


class FolderLock:
    """An exclusive, re-entrant lock on an output folder, held by this process.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with FolderLock(folder):
    ...     print(sorted(p.name for p in folder.iterdir()))
    ['_lock']
    >>> sorted(p.name for p in folder.iterdir())
    []
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.key: str | None = None

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()

    def acquire(self) -> None:
        """Take the lock, or raise :class:`OutputLocked` naming the run that holds it."""
        if self.key is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        key = os.path.realpath(self.folder)
        if key in _HELD:
            fd, depth = _HELD[key]
            _HELD[key] = (fd, depth + 1)
        elif fcntl is not None:
            _HELD[key] = (_lock(Path(key) / LOCK_NAME), 1)
        self.key = key

    def release(self) -> None:
        """Let go (the last release in this process removes the lock file)."""
        key, self.key = self.key, None
        if key is None or key not in _HELD:
            return
        fd, depth = _HELD.pop(key)
        if depth > 1:
            _HELD[key] = (fd, depth - 1)
            return
        try:
            (Path(key) / LOCK_NAME).unlink(missing_ok=True)  # still held: no one else has it
        finally:
            os.close(fd)


def _lock(path: Path) -> int:
    """An open descriptor of ``path`` holding its exclusive lock, with the holder written in."""
    assert fcntl is not None
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise OutputLocked(
                f"{path.parent} is being written by another run ({holder}); wait for it to "
                "finish, or write to another folder"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        # A holder that just finished removed the file: then lock the new one instead.
        try:
            current = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(fd)
    record = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    os.ftruncate(fd, 0)
    os.pwrite(fd, (json.dumps(record) + "\n").encode(), 0)
    return fd


def _holder(fd: int) -> str:
    """Who holds the lock, as written in the lock file (which may not be written yet)."""
    try:
        record = json.loads(os.pread(fd, 4096, 0).decode() or "{}")
        return f"pid {record['pid']} on {record['host']}, started {record['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "holder not yet recorded"
