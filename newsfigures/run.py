"""A report run: the three notebooks executed with papermill into one folder, then
``report.html`` (the ``newsfigures report`` command, :mod:`newsfigures.cli`).

>>> default_run_id("", "Veskaria"), default_run_id("data/my corpus", "")
('sample-veskaria', 'my-corpus-all')
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from extract.output import write_text

from .page import export_html
from .params import NOTEBOOK_DIR, ParameterError, check_parameters, is_sample_corpus
from .report import slug, topic_found, unused_renames

__all__ = [
    "KERNEL",
    "NOTEBOOKS",
    "RunError",
    "RunSpec",
    "default_run_id",
    "run_folder",
    "run_report",
]

#: The notebooks of a report run, in the order they run.
NOTEBOOKS: tuple[str, ...] = ("01_extract.ipynb", "02_reconcile.ipynb", "03_report.ipynb")
KERNEL = "python3"

#: The runs in progress in this process: run folder -> (its record, its kernel managers), for
#: :func:`abandon` when a Ctrl-C's wind-down does not finish.
_ACTIVE: dict[Path, tuple[dict[str, Any], list[Any]]] = {}


class RunError(RuntimeError):
    """A report run that failed: which notebook, which cell, and where the partial notebook is.

    ``plain`` is true when the failure is a :class:`ParameterError` raised by the notebook's
    check cell; the message is then that check's message alone.
    """

    def __init__(
        self,
        message: str,
        *,
        notebook: str | None = None,
        cell: int | None = None,
        plain: bool = False,
    ) -> None:
        super().__init__(message)
        self.notebook = notebook
        self.cell = cell
        self.plain = plain


@dataclass(frozen=True, slots=True)
class RunSpec:
    """The parameters of one report run (one YAML file of ``newsfigures report --params``)."""

    corpus: str = ""
    topic: str = "Veskaria"
    run_id: str = ""
    out: str = ""
    currency: str = "USD"
    window_days: int = 60
    threshold: float = 0.25
    consensus: str = "median"
    mapping: str = ""
    manifest: str = ""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "parameters") -> RunSpec:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ParameterError(
                f"{source}: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(sorted(known))})"
            )
        values: dict[str, Any] = {k: ("" if v is None else v) for k, v in data.items()}
        for name, value in values.items():
            _check_type(name, value, source=source)
        return replace(cls(), **values)


#: What each run parameter may be given as (YAML reads numbers and lists as such).
_TYPES: dict[str, tuple[type, ...]] = {
    "window_days": (int, str),
    "threshold": (int, float, str),
}


def _check_type(name: str, value: object, *, source: str) -> None:
    """Refuse a value of the wrong kind in one line (``corpus: 12345``, ``topic: [1, 2]``);
    the values themselves are checked later by :func:`check_parameters`."""
    allowed = _TYPES.get(name, (str,))
    if isinstance(value, bool) or not isinstance(value, allowed):
        kind = "a number" if float in allowed else "a whole number" if int in allowed else "text"
        raise ParameterError(f"{source}: {name} must be {kind}, not {value!r}")


def default_run_id(corpus: str | os.PathLike[str] | None, topic: str | None) -> str:
    """``sample-veskaria`` for the sample corpus and topic Veskaria; ``<folder>-<topic>`` otherwise.

    >>> default_run_id("", "Veskaria"), default_run_id("data/my corpus", "")
    ('sample-veskaria', 'my-corpus-all')
    """
    name = "sample" if is_sample_corpus(corpus) else Path(str(corpus)).stem
    return f"{slug(name, 32)}-{slug(topic or 'all', 32) if topic else 'all'}"


def run_folder(spec: RunSpec, outputs: str | os.PathLike[str] = "outputs") -> Path:
    if spec.out:
        return Path(spec.out)
    return Path(outputs) / (spec.run_id or default_run_id(spec.corpus, spec.topic))


def _notebook_parameters(spec: RunSpec, out: Path) -> dict[str, Any]:
    return {
        "corpus": _absolute(spec.corpus),
        "out_dir": str(out.absolute()),
        "claims": str((out / "claims.parquet").absolute()),
        "tables": str(out.absolute()),  # 03_report reads 02_reconcile's tables
        "figures": False,  # 02_reconcile draws none: 03_report draws the ones the report shows
        "topic": spec.topic,
        "currency": spec.currency,
        "window_days": spec.window_days,
        "threshold": spec.threshold,
        "consensus": spec.consensus,
        "mapping": _absolute(spec.mapping),
        "manifest": _absolute(spec.manifest),
    }


def _absolute(path: str) -> str:
    """A path given to a run as an absolute path (the kernels run in another folder); empty
    stays empty."""
    return str(Path(path).expanduser().absolute()) if str(path).strip() else ""


def run_report(
    spec: RunSpec,
    *,
    outputs: str | os.PathLike[str] = "outputs",
    notebooks: str | os.PathLike[str] | None = None,
    start_timeout: int = 120,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Execute the three notebooks into the run folder, export ``report.html``; its path.

    The run folder is ``spec.out``, else ``outputs/<run_id>``. It receives the executed
    notebooks, the Parquet tables, ``figures/``, ``parameters.yaml`` and ``report.html``.
    The notebooks run one after the other in one kernel, whose namespace is emptied before
    each (``%reset -f``): a kernel start and the imports are paid once.

    The parameters are checked first with :func:`check_parameters` (the check each notebook
    makes in its first cell after the parameters), so a bad one fails in plain words before
    any kernel starts. ``parameters.yaml`` records the run's ``status``: ``running`` until
    ``report.html`` is written, then ``complete``; ``failed`` or ``interrupted`` otherwise.
    ``warn`` receives warnings in one line each (a mapping ``rename`` that matches no
    quantity).

    Raises
    ------
    RunError
        When a parameter is bad (``plain`` set, the message is the check's), or a notebook
        fails (which notebook and cell; the partial executed notebook stays in the run folder),
        or no figure is about the topic (after ``02_reconcile``; no report is written).
    KeyboardInterrupt
        On Ctrl-C, after the status is set to ``interrupted``.
    """
    source = Path(notebooks) if notebooks is not None else NOTEBOOK_DIR
    missing = [n for n in NOTEBOOKS if not (source / n).is_file()]
    if missing:
        raise RunError(f"notebook(s) {', '.join(missing)} not found in {source}")
    out = run_folder(spec, outputs)
    if out.exists() and not out.is_dir():
        raise RunError(f"the run folder {out} is a file")
    values = _notebook_parameters(spec, out)
    try:  # the check each notebook's first cell makes, done here before any kernel starts
        check_parameters(**{k: v for k, v in values.items() if k not in ("claims", "tables")})
    except ParameterError as err:
        raise RunError(str(err), plain=True) from None
    out.mkdir(parents=True, exist_ok=True)
    run_id = spec.run_id or (out.name if spec.out else default_run_id(spec.corpus, spec.topic))
    recorded = {**asdict(spec), "run_id": run_id, "out": str(out), "notebooks": list(NOTEBOOKS)}
    saved = os.environ.get("PYTHONWARNINGS")
    status = "failed"
    managers: list[Any] = []
    _ACTIVE[out] = (recorded, managers)
    try:  # from here on, a Ctrl-C at any moment leaves status: interrupted
        _start(out, recorded)
        # extract imports tqdm.auto, which warns in a kernel without ipywidgets; keep that out
        # of the executed notebooks (the kernels inherit this environment).
        os.environ["PYTHONWARNINGS"] = ",".join(filter(None, [saved, "ignore:IProgress not found"]))
        with _one_kernel(out / "kernels.log", managers) as kernel:
            # imported while the kernel starts (its process boots on the other core)
            with _without(*SLOW_OPTIONAL):
                import papermill

            for i, name in enumerate(NOTEBOOKS):
                if i:
                    _empty(kernel)  # each notebook starts from an empty namespace
                _execute(
                    papermill,
                    source / name,
                    out / name,
                    values,
                    kernel,
                    start_timeout=start_timeout,
                )
                if name == "02_reconcile.ipynb":
                    _after_reconcile(spec, out, warn)
        title = f"What the reports say about {spec.topic or 'all topics'}"
        page = export_html(out / NOTEBOOKS[-1], out / "report.html", title=title)
        status = "complete"
        return page
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        if saved is None:
            os.environ.pop("PYTHONWARNINGS", None)
        else:
            os.environ["PYTHONWARNINGS"] = saved
        _record(out, recorded, status)
        _ACTIVE.pop(out, None)


#: Optional modules that papermill's imports load when installed, and that a report run never
#: uses: jsonschema (through nbformat) loads ``rfc3987_syntax`` to check the "iri" string
#: format, and it builds a parser at import (seconds of CPU before the first notebook can
#: start); nbformat's notebook schemas name no such format.
SLOW_OPTIONAL = ("rfc3987_syntax",)


@contextmanager
def _without(*modules: str) -> Iterator[None]:
    """Import inside the block as if ``modules`` were not installed (those not yet imported):
    a module that imports one of them optionally goes without; afterwards they import as
    usual."""
    import sys

    hidden = [m for m in modules if m not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # read by import as "not found"
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


def abandon() -> None:
    """For a process about to end at once after a Ctrl-C whose wind-down hangs: kill the
    kernels of the runs in progress and record them as interrupted."""
    for out, (recorded, managers) in list(_ACTIVE.items()):
        for manager in managers:
            _kill(manager)
        try:
            _record(out, recorded, "interrupted")
        except OSError:
            pass


def _start(out: Path, recorded: dict[str, Any]) -> None:
    """Record the run as running, after removing what a last run into the same folder left
    (its report, its figures): nothing of it may pass for this run's."""
    stale = [
        out / "report.html",
        *(out / "figures").glob("*.png"),
        *(out / "figures").glob("*.svg"),
    ]
    for path in stale:
        path.unlink(missing_ok=True)
    _record(out, recorded, "running")


def _record(out: Path, recorded: dict[str, Any], status: str) -> None:
    """Write ``parameters.yaml`` with the run's status (atomically)."""
    import yaml

    text = yaml.safe_dump({**recorded, "status": status}, sort_keys=True, allow_unicode=True)
    write_text(text, out / "parameters.yaml")


def _after_reconcile(spec: RunSpec, out: Path, warn: Callable[[str], None] | None) -> None:
    """Checks that need the reconciled tables: unused renames warn; a topic that no figure
    is about stops the run before the report is written."""
    import polars as pl

    quantities = pl.read_parquet(out / "quantities.parquet")
    if warn is not None and str(spec.mapping).strip():
        for message in unused_renames(Path(spec.mapping).expanduser(), quantities):
            warn(message)
    topic = str(spec.topic or "").strip()
    if not topic:
        return
    claims = pl.scan_parquet(out / "claims.parquet").select("sentence", "subject")
    if not topic_found(topic, quantities, claims):
        raise RunError(
            f"no figure is about the topic {topic!r}: it is in no quantity's label, subject or "
            f"concept and in no claim's sentence ({quantities.height:,} quantities in all, "
            f'listed in {out / "quantities.parquet"}); give another --topic, or --topic "" '
            "for every topic",
            plain=True,
        )


def _execute(
    papermill: Any,
    notebook: Path,
    executed: Path,
    values: dict[str, Any],
    kernel: Any,
    *,
    start_timeout: int,
) -> None:
    """Execute one notebook in ``kernel`` (a kernel manager) with the parameters it declares;
    failures become :class:`RunError`."""
    from papermill.exceptions import PapermillExecutionError

    name = notebook.name
    wanted = papermill.inspect_notebook(str(notebook))
    try:
        with _sigint_kept():
            papermill.execute_notebook(
                str(notebook),
                str(executed),
                parameters={k: v for k, v in values.items() if k in wanted},
                kernel_name=KERNEL,
                progress_bar=False,
                start_timeout=start_timeout,
                km=kernel,
            )
    except PapermillExecutionError as err:
        if err.ename == "KeyboardInterrupt":  # Ctrl-C reached the kernel too
            raise KeyboardInterrupt from None
        if err.ename == "ParameterError":
            raise RunError(err.evalue, notebook=name, cell=err.cell_index, plain=True) from None
        raise RunError(
            f"{name} failed in cell {err.cell_index} (In [{err.exec_count}]): "
            f"{err.ename}: {err.evalue}. The partial notebook is kept at {executed}.",
            notebook=name,
            cell=err.cell_index,
        ) from None
    except Exception as err:  # kernel missing or dead, timeouts: say which notebook
        raise RunError(
            f"{name} could not be run: {type(err).__name__}: {err}", notebook=name
        ) from err
    finally:
        kernel.close_clients()


@contextmanager
def _one_kernel(log: Path, managers: list[Any]) -> Iterator[Any]:
    """One kernel for the three notebooks of a run (a kernel start and the imports of the report
    module are paid once, not three times), stopped at the end whatever happens.

    Its own messages, and jupyter_client's about it, go to ``log`` (not the terminal: a Ctrl-C
    would otherwise show their tracebacks and warnings); where it can, jupyter_client encrypts
    the kernel's sockets (CurveZMQ), which also keeps ipykernel from warning about plain TCP.
    A Ctrl-C during the start waits for the start to finish (a fraction of a second), so
    that the kernel is either not started or known, and stopped.
    """
    import zmq
    from jupyter_core.utils import run_sync
    from traitlets.config import Config

    settings: dict[str, Any] = {"kernel_log": str(log)}
    if zmq.has("curve"):
        settings["transport_encryption"] = "auto"
    with _kernel_logger(log) as logger:
        manager = _quiet_manager()(
            kernel_name=KERNEL, config=Config({"QuietKernelManager": settings}), log=logger
        )
        managers.append(manager)
        try:
            try:
                with _sigint_deferred():
                    run_sync(manager.start_kernel)()
            except Exception as err:  # no such kernel, cannot start: say which notebook waited
                raise RunError(
                    f"{NOTEBOOKS[0]} could not be run: {type(err).__name__}: {err}",
                    notebook=NOTEBOOKS[0],
                ) from err
            yield manager
        finally:  # also after a Ctrl-C, even one during the start
            _stop(manager)


def _stop(manager: Any) -> None:
    """Kill the kernel's process group at once, then let jupyter_client tidy up (sockets,
    connection file) for a few seconds at most: a loaded machine must not keep a Ctrl-C'd
    command waiting."""
    import asyncio

    from jupyter_core.utils import run_sync

    _kill(manager)
    manager.close_clients()

    async def tidy() -> None:
        await asyncio.wait_for(manager.shutdown_kernel(now=True), timeout=10)

    try:
        run_sync(tidy)()
    except Exception:  # never started, already gone, or slow to tidy: the kernel is dead
        manager.log.debug("kernel shutdown", exc_info=True)


def _kill(manager: Any) -> None:
    """SIGKILL the kernel process of ``manager`` and its process group, if it runs."""
    import signal

    provisioner = getattr(manager, "provisioner", None)
    process = getattr(provisioner, "process", None)
    if process is not None and process.poll() is None:
        try:
            group = os.getpgid(process.pid)
            if group == os.getpgrp():  # not a group of its own: the process alone
                raise ProcessLookupError
            os.killpg(group, signal.SIGKILL)
        except OSError:
            process.kill()


@contextmanager
def _kernel_logger(log: Path) -> Iterator[Any]:
    """A logger writing to ``log`` alone, for the kernel manager of one run."""
    import logging

    logger = logging.getLogger(f"newsfigures.kernel.{os.getpid()}.{id(log)}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    handler = logging.FileHandler(log, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    try:
        yield logger
    finally:
        logger.removeHandler(handler)
        handler.close()


@contextmanager
def _sigint_kept() -> Iterator[None]:
    """Keep the command's SIGINT handler while nbclient executes a notebook. nbclient puts an
    asyncio handler of its own in its place, which on Ctrl-C only schedules a cleanup (the
    cell then waits on a kernel client that no longer listens: the command hangs) and, once
    the notebook is done, leaves Python's default handler behind (a later Ctrl-C then
    prints what the wind-down says). nbclient skips its handlers when the event loop refuses
    them with RuntimeError, as it does outside the main thread; the loop is made to refuse."""
    from jupyter_core.utils import ensure_event_loop

    loop = ensure_event_loop()

    def refuse(*args: Any) -> bool:
        raise RuntimeError("newsfigures keeps its own SIGINT handler")

    loop.add_signal_handler = refuse  # type: ignore[method-assign,assignment]
    loop.remove_signal_handler = refuse  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        del loop.add_signal_handler, loop.remove_signal_handler


@contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold back a Ctrl-C (SIGINT) until the block is done, then deliver it to the handler in
    place: the block is not cut in two (a kernel process launched but not yet known to its
    manager would outlive the command). Only in the main thread, and only when a Python
    handler is in place (a worker that ignores SIGINT keeps ignoring it)."""
    import signal
    import threading

    handler = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or not callable(handler):
        yield
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)
        if caught:
            handler(signal.SIGINT, None)


def _empty(kernel: Any) -> None:
    """Clear the kernel's namespace (``%reset -f``) and collect garbage: the next notebook sees
    none of the last one's variables; imported modules stay loaded."""
    import nbformat
    from nbclient import NotebookClient

    # the collection hands the last notebook's tables back before the next one builds its own
    code = '%reset -f\n__import__("gc").collect()'
    blank = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    try:
        with _sigint_kept():
            NotebookClient(blank, km=kernel, kernel_name=KERNEL).execute()
    finally:
        kernel.close_clients()


@cache
def _quiet_manager() -> type:
    """A kernel manager that starts kernels with their stderr in a log file."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Unicode

    class QuietKernelManager(AsyncKernelManager):
        kernel_log = Unicode("", help="file that receives the kernel's stderr").tag(config=True)

        def client(self, **kw: Any) -> Any:
            made = super().client(**kw)
            self.__dict__.setdefault("_made", []).append(made)
            return made

        def close_clients(self) -> None:
            """Stop the channels (and heartbeat threads) of the clients this manager made:
            papermill leaves them open when the kernel is not its own."""
            for made in self.__dict__.pop("_made", []):
                made.stop_channels()

        async def start_kernel(self, **kw: Any) -> None:  # type: ignore[override]
            if self.kernel_log and "stderr" not in kw:
                with open(self.kernel_log, "ab") as log:  # the kernel keeps its own copy
                    kw["stderr"] = log
                    await super().start_kernel(**kw)
                return
            await super().start_kernel(**kw)

    return QuietKernelManager
