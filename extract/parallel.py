"""Run one function over a stream of batches: in-process, on local processes, or on Dask.

:func:`map_unordered` is the engine under :func:`extract.corpus.extract_corpus_to`:
it pulls work lazily from an iterator, keeps a bounded number of batches in
flight (so memory does not grow with the corpus) and yields results as they
finish, each with the key it was submitted under.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["DASK_CONFIG", "Engine", "available_cores", "dask_client", "map_unordered"]

Engine = Literal["local", "dask"]

K = TypeVar("K")
P = TypeVar("P")
R = TypeVar("R")

#: Batches in flight per worker: one running, one waiting, so no worker ever idles.
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


def _init_worker() -> None:
    """Worker set-up: Ctrl-C is the parent's to handle (it stops the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warnings.simplefilter("ignore")


def _local(
    fn: Callable[[P], R], items: Iterator[tuple[K, P]], workers: int, in_flight: int
) -> Iterator[tuple[K, R]]:
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=_init_worker,
    )
    pending: dict[Future[R], K] = {}
    finished = False
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < in_flight:
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                pending[executor.submit(fn, item[1])] = item[0]
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                key = pending.pop(future)
                yield key, future.result()
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            _stop(executor, pending)


def _stop(executor: ProcessPoolExecutor, pending: dict[Future[Any], Any]) -> None:
    """Stop at once (an error or Ctrl-C): cancel what waits, end the running workers."""
    for future in pending:
        future.cancel()
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
    executor.shutdown(wait=True)


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
