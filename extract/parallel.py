"""Run one function over a stream of batches: in-process, on local processes, or on Dask.

:func:`map_unordered` is the engine under :func:`extract.corpus.extract_corpus_to`:
it pulls work lazily from an iterator, keeps a bounded number of batches in
flight (so memory does not grow with the corpus) and yields results as they
finish, each with the key it was submitted under.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from multiprocessing import connection
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "DASK_CONFIG",
    "Engine",
    "WorkerDied",
    "available_cores",
    "dask_client",
    "map_unordered",
]

Engine = Literal["local", "dask"]

K = TypeVar("K")
P = TypeVar("P")
R = TypeVar("R")

#: Dask: batches in flight per worker, one running and one waiting, so no worker idles
#: (local workers get their next batch the moment they return one).
IN_FLIGHT_PER_WORKER = 2
#: Start method of the local process pool ("spawn" and "forkserver" are safe with
#: threads in the parent, which Polars always has; "fork" is not).
START_METHOD: Literal["spawn", "forkserver"] = "spawn"
#: Dask settings for the client and cluster we start ourselves. Dask keeps the last
#: ``low-level-log-length`` messages of every connection (default 1000) for debugging,
#: and each of ours carries a batch of documents: on a long run the scheduler and
#: client would hold some three thousand batches, and the time spent walking that
#: memory slows the whole run. A short log keeps memory flat.
DASK_CONFIG: dict[str, object] = {"distributed.admin.low-level-log-length": 16}


def available_cores() -> int:
    """The number of cores this process may run on.

    Examples
    --------
    >>> available_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def map_unordered(
    fn: Callable[[P], R],
    items: Iterable[tuple[K, P]],
    *,
    engine: Engine = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    client: Client | None = None,
    in_flight: int | None = None,
) -> Iterator[tuple[K, R]]:
    """Apply ``fn`` to each payload of ``items``; yield ``(key, result)`` as results finish.

    Parameters
    ----------
    fn
        A module-level function (it is pickled by reference for other processes).
    items
        ``(key, payload)`` pairs, pulled only as slots free up.
    engine
        ``"local"``: this machine; ``"dask"``: a Dask cluster.
    workers
        Local processes (``None``: every core; ``1``: run in this process). With
        ``engine="dask"`` and no ``client`` or ``scheduler``, the number of worker
        processes of the ``LocalCluster`` started for the run.
    scheduler
        Address of a Dask scheduler (``"tcp://host:8786"``); ``engine="dask"`` only.
    client
        An existing ``distributed.Client``; ``engine="dask"`` only.
    in_flight
        Most payloads submitted and not yet yielded (default: twice the workers).

    Yields
    ------
    tuple
        ``(key, fn(payload))``, in the order the results finish. Local runs with a
        single payload, or ``workers=1``, run in this process in order.

    Raises
    ------
    WorkerDied
        If a local worker process stopped before returning a result (killed, or
        out of memory). An error raised by ``fn`` in a worker is raised here, with
        the worker's traceback as a note.

    Notes
    -----
    Local workers are started with ``spawn``; they ignore Ctrl-C (the parent stops
    them), and end when the parent process ends, however it ends (on Linux the
    kernel kills them; elsewhere they notice within :data:`PARENT_POLL` seconds).

    Examples
    --------
    >>> sorted(map_unordered(abs, [("a", -1), ("b", -2)], workers=1))
    [('a', 1), ('b', 2)]
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if engine == "local" and (scheduler is not None or client is not None):
        raise ValueError("scheduler= and client= need engine='dask'")
    if scheduler is not None and client is not None:
        raise ValueError("give client= or scheduler=, not both")
    if engine == "dask":
        return _dask(fn, iter(items), workers, scheduler, client, in_flight)
    n = workers or available_cores()
    it = iter(items)
    head = list(islice(it, 2))
    if n == 1 or len(head) < 2:
        return ((key, fn(payload)) for key, payload in chain(head, it))
    return _local(fn, chain(head, it), n, in_flight or IN_FLIGHT_PER_WORKER * n)


class WorkerDied(RuntimeError):
    """A local worker process stopped before returning its result (killed, or out of memory)."""


#: Seconds between a worker's checks that its parent is still alive (where the
#: operating system cannot be asked to end it with its parent).
PARENT_POLL = 1.0


def _init_worker(parent: int) -> None:
    """Worker set-up: Ctrl-C is the parent's to handle, and the worker ends with its parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warnings.simplefilter("ignore")
    _end_with_parent(parent)


def _end_with_parent(parent: int) -> None:
    """Make sure this process does not outlive ``parent`` (its spawning process).

    On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``);
    everywhere, a daemon thread also checks the parent once a second. The check
    after ``prctl`` catches a parent that died before it was called.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread suffices
            pass
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL)
        if os.getppid() != parent:
            os._exit(1)


def _worker(fn: Callable[[Any], Any], tasks: Connection, results: Connection, parent: int) -> None:
    """A worker's loop: a payload in, ``(ok, result or error, traceback)`` out, until told to stop."""
    _init_worker(parent)
    while True:
        try:
            payload = tasks.recv()
        except (EOFError, OSError):
            return
        if payload is _STOP:
            return
        try:
            reply: tuple[bool, Any, str] = (True, fn(payload), "")
        except Exception as err:  # sent back and raised in the parent
            reply = (False, err, traceback.format_exc())
        try:
            results.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError) as err:
            results.send((False, RuntimeError(f"a result could not be sent back: {err}"), ""))


_STOP = None  # the payload that tells a worker to stop


class _Worker:
    """One local process with its own pipes: tasks in, results out."""

    def __init__(self, context: Any, fn: Callable[[Any], Any]) -> None:
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_worker, args=(fn, task_reader, result_writer, os.getpid()), daemon=True
        )
        self.process.start()
        task_reader.close()  # the parent keeps only its ends, so a dead worker reads as EOF
        result_writer.close()

    def died(self) -> WorkerDied:
        self.process.join(timeout=1)
        code = self.process.exitcode
        how = (
            f"killed by signal {-code}"
            if code is not None and code < 0
            else f"exit code {code}"
            if code is not None
            else "no exit code"
        )
        return WorkerDied(f"a worker process stopped unexpectedly ({how})")


def _local(
    fn: Callable[[P], R], items: Iterator[tuple[K, P]], workers: int, in_flight: int
) -> Iterator[tuple[K, R]]:
    """Run on local processes, one payload per worker at a time.

    The parent has no helper threads: it waits on the workers' pipes and process
    handles itself, so Ctrl-C (or any error) stops it at once, whatever is in
    flight, and every worker is ended before this generator returns. ``in_flight``
    bounds the payloads taken from ``items`` and not yet yielded.
    """
    context = multiprocessing.get_context(START_METHOD)
    pool: list[_Worker] = []
    finished = False
    try:
        pool.extend(_Worker(context, fn) for _ in range(workers))
        busy: dict[_Worker, K] = {}
        idle = list(pool)
        exhausted = False

        def fill() -> None:
            nonlocal exhausted
            while idle and not exhausted and len(busy) < in_flight:
                item = next(items, None)
                if item is None:
                    exhausted = True
                    return
                worker = idle.pop()
                try:
                    worker.tasks.send(item[1])
                except (BrokenPipeError, ConnectionResetError):
                    raise worker.died() from None
                busy[worker] = item[0]

        fill()
        while busy:
            by_pipe = {w.results: w for w in busy}
            by_sentinel = {w.process.sentinel: w for w in busy}
            ready = connection.wait([*by_pipe, *by_sentinel])
            for worker in [by_pipe[r] for r in ready if r in by_pipe] or [
                by_sentinel[r] for r in ready if r in by_sentinel
            ]:
                try:
                    ok, value, trace = worker.results.recv()
                except (EOFError, OSError):
                    raise worker.died() from None
                key = busy.pop(worker)
                idle.append(worker)
                if not ok:
                    if trace:
                        value.add_note(f"in a worker process:\n{trace}")
                    raise value
                fill()  # keep the workers busy while the caller handles this result
                yield key, value
        finished = True
    finally:
        _stop(pool, graceful=finished)


def _stop(pool: list[_Worker], *, graceful: bool) -> None:
    """End every worker: asked to stop after a finished run, terminated otherwise."""
    for worker in pool:
        if graceful:
            try:
                worker.tasks.send(_STOP)
            except OSError:
                pass
        elif worker.process.is_alive():
            worker.process.terminate()
    for worker in pool:
        worker.process.join(timeout=10 if graceful else 3)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=10)
        worker.tasks.close()
        worker.results.close()


def _distributed() -> Any:
    """The ``distributed`` package, or an error saying how to install it."""
    try:
        import distributed
    except ImportError as err:  # pragma: no cover - dask is a dependency
        raise ImportError("engine='dask' needs dask.distributed: pip install distributed") from err
    return distributed


def dask_client(scheduler: str | None = None, *, workers: int | None = None) -> Client:
    """A Dask client set up for long extraction runs.

    With ``scheduler`` it connects to that cluster; without, it starts a
    ``LocalCluster`` of ``workers`` single-threaded worker processes (default: one
    per core) that closes with the client. Either way the connections it opens keep
    short message logs (:data:`DASK_CONFIG`), so memory stays flat on long runs.
    A cluster started elsewhere keeps its own settings: set
    ``distributed.admin.low-level-log-length`` there too (see the README).

    Parameters
    ----------
    scheduler
        Address of a running scheduler, such as ``"tcp://host:8786"``.
    workers
        Worker processes of the local cluster; ignored with ``scheduler``.

    Examples
    --------
    >>> from extract.parallel import dask_client
    >>> with dask_client(workers=1) as client:  # doctest: +SKIP
    ...     claims = extract_corpus("news/", engine="dask", client=client)
    """
    distributed = _distributed()
    import dask  # installed with distributed

    with dask.config.set(DASK_CONFIG):
        if scheduler is not None:
            return distributed.Client(scheduler)
        # With no address the client starts a LocalCluster and closes it on close().
        return distributed.Client(
            n_workers=workers or available_cores(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )


def _dask(
    fn: Callable[[P], R],
    items: Iterator[tuple[K, P]],
    workers: int | None,
    scheduler: str | None,
    client: Client | None,
    in_flight: int | None,
) -> Iterator[tuple[K, R]]:
    as_completed = _distributed().as_completed
    own = client is None  # a client started here is closed here
    if client is None:
        client = dask_client(scheduler, workers=workers)
    limit = in_flight or IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values()))
    keys: dict[Any, K] = {}
    completed = as_completed()
    try:

        def fill() -> None:
            while len(keys) < limit:
                item = next(items, None)
                if item is None:
                    return
                future = client.submit(fn, item[1], pure=False)
                keys[future] = item[0]
                completed.add(future)

        fill()
        for future in completed:
            key = keys.pop(future)
            result = future.result()
            future.release()
            yield key, result
            fill()
    finally:
        if keys:
            client.cancel(list(keys))
        if own:
            client.close()
