"""``newsfigures``: report runs from the command line.

::

    newsfigures report --topic Veskaria --out outputs/sample-veskaria
    newsfigures report --corpus path/to/reports --topic flood --currency GBP
    newsfigures report --params notebooks/params/*.yaml --jobs 2
    newsfigures extract [PATH ...] -o claims.parquet     # the extractor alone

Each run executes ``notebooks/01_extract``, ``02_reconcile`` and ``03_report`` with papermill
into its own folder (``--out``, else ``outputs/<run-id>``), exports ``report.html`` and prints
its path. A failing run says which notebook and cell failed and keeps the partial notebook;
the exit status is then 1.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from extract.interrupts import redeliver_swallowed_interrupts

if TYPE_CHECKING:
    from .run import RunSpec

__all__ = ["build_parser", "load_params", "main"]

_RUN_OPTIONS = (
    "corpus",
    "topic",
    "run_id",
    "out",
    "currency",
    "window_days",
    "threshold",
    "consensus",
    "mapping",
    "manifest",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfigures",
        description="Numeric claims in news reports: extract, reconcile and report.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    report = commands.add_parser(
        "report",
        help="run the three notebooks and write report.html",
        description="Run notebooks/01_extract, 02_reconcile and 03_report with papermill into "
        "one folder per run and export report.html (its path is printed at the end).",
    )
    one = report.add_argument_group("one run (defaults: the sample corpus, topic Veskaria)")
    one.add_argument("--corpus", help="folder or file of news reports (default: the sample corpus)")
    one.add_argument("--topic", help='keyword the report is about (default "Veskaria"; "" for all)')
    one.add_argument("--run-id", dest="run_id", help="run name (default: <corpus>-<topic>)")
    one.add_argument("--out", help="run folder (default: <outputs>/<run-id>)")
    one.add_argument("--currency", help="reporting currency, ISO 4217 (default USD)")
    one.add_argument("--window-days", dest="window_days", type=int, help="default 60")
    one.add_argument("--threshold", type=float, help="relative gap that diverges (default 0.25)")
    one.add_argument("--consensus", choices=("median", "truth_discovery"), help="default median")
    one.add_argument(
        "--mapping", help="YAML file of quantity overrides: merge, split, rename, extra names"
    )
    one.add_argument(
        "--manifest",
        help="CSV or YAML of the corpus's documents: doc, outlet, published, url, title "
        "(default: the corpus folder's own manifest.csv, if any)",
    )
    many = report.add_argument_group("many runs")
    many.add_argument(
        "--params",
        nargs="+",
        type=Path,
        metavar="YAML",
        help="one YAML file of parameters per run (keys: " + ", ".join(_RUN_OPTIONS) + ")",
    )
    many.add_argument("--jobs", type=int, default=1, help="runs at once (default 1)")
    report.add_argument(
        "--outputs", default="outputs", help="folder of run folders (default outputs/)"
    )
    report.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar over runs (default: on a terminal)",
    )
    commands.add_parser(
        "extract", help="extract claims only (python -m extract; see newsfigures extract -h)"
    )
    return parser


def load_params(path: Path) -> RunSpec:
    """One run's parameters from a YAML mapping; :class:`ParameterError` when unreadable."""
    import yaml

    from .params import ParameterError
    from .run import RunSpec

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ParameterError(f"cannot read parameter file {path}: {err.strerror}") from None
    except yaml.YAMLError:
        raise ParameterError(f"parameter file {path} is not valid YAML") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ParameterError(f"parameter file {path} must hold a mapping of parameter: value")
    spec = RunSpec.from_mapping(data, source=f"parameter file {path}")
    if not spec.run_id and not spec.out:
        spec = RunSpec.from_mapping({**data, "run_id": path.stem}, source=str(path))
    return spec


def _specs(args: argparse.Namespace) -> list[RunSpec]:
    from .params import ParameterError
    from .run import RunSpec, run_folder

    given = {k: getattr(args, k) for k in _RUN_OPTIONS if getattr(args, k) is not None}
    if not args.params:
        return [RunSpec.from_mapping(given)]
    if given:
        options = ", ".join("--" + k.replace("_", "-") for k in sorted(given))
        raise ParameterError(
            f"{options} cannot be combined with --params: put them in the YAML files"
        )
    specs = [load_params(p) for p in args.params]
    folders: dict[Path, Path] = {}
    for path, spec in zip(args.params, specs, strict=True):
        folder = run_folder(spec, args.outputs).absolute()
        if folder in folders:
            raise ParameterError(
                f"{folders[folder]} and {path} both write to {folder}: give each a run_id"
            )
        folders[folder] = path
    return specs


Outcome = tuple[str, Path | None, str | None, list[str]]


def _run(spec: RunSpec, outputs: str) -> Outcome:
    """Run one report; (run name, report.html or None, error message or None, warnings)."""
    from .run import RunError, default_run_id, run_report

    name = spec.run_id or (
        Path(spec.out).name if spec.out else default_run_id(spec.corpus, spec.topic)
    )
    warnings: list[str] = []
    try:
        return name, run_report(spec, outputs=outputs, warn=warnings.append), None, warnings
    except RunError as err:
        return name, None, str(err), warnings


#: The one line a Ctrl-C leaves on stderr, whenever it comes.
INTERRUPTED = (
    "newsfigures: interrupted; a run that did not finish has no report.html and its "
    "parameters.yaml says status: interrupted"
)


#: Seconds a Ctrl-C'd command waits for its runs to wind down before it ends regardless.
GIVE_UP_AFTER = 15.0


class _Interrupt:
    """SIGINT handling of the command. The first Ctrl-C raises :class:`KeyboardInterrupt` in
    the main thread and sends stderr (the file descriptor and ``sys.stderr``) to the null
    device while the run winds down, so that what the kernel, jupyter_client, papermill or
    asyncio say on the way out never reaches the terminal; later ones are ignored.
    :meth:`report` puts stderr back and prints the one line. Normal runs keep stderr as is."""

    def __init__(self, *, give_up_after: float | None = None) -> None:
        self.saved: tuple[int, TextIO] | None = None
        self.give_up_after = give_up_after

    def __call__(self, signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if self.give_up_after is not None:  # the wind-down itself may hang: not forever
            timer = threading.Timer(self.give_up_after, self.give_up)
            timer.daemon = True
            timer.start()  # first: nothing after it can leave the run without its end
        try:
            self.silence()
        except OSError:  # (no descriptor to spare: what is said on the way out is shown)
            pass
        raise KeyboardInterrupt

    def give_up(self) -> None:
        """The wind-down did not finish in time: kill the runs' kernels, record the runs as
        interrupted, and end the process."""
        run = sys.modules.get(f"{__package__}.run")  # not imported yet: no run to abandon
        try:
            if run is not None:
                run.abandon()
        finally:
            try:
                self.restore()
            finally:
                interrupted_exit()

    def silence(self) -> None:
        if self.saved is not None:
            return
        sys.stderr.flush()
        saved_fd = os.dup(2)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
        self.saved = (saved_fd, sys.stderr)
        sys.stderr = open(os.devnull, "w", encoding="utf-8")

    def restore(self) -> None:
        if self.saved is None:
            return
        saved_fd, stream = self.saved
        self.saved = None
        quiet, sys.stderr = sys.stderr, stream
        quiet.close()
        os.dup2(saved_fd, 2)
        os.close(saved_fd)

    def report(self) -> int:
        self.restore()
        print(INTERRUPTED, file=sys.stderr, flush=True)
        return 130


def interrupted_exit() -> None:
    """End the process after a Ctrl-C: the one line, then exit status 130 at once. Used by the
    command line itself (not by :func:`main` called in-process): the interpreter's own shutdown
    (thread joins, finalizers of a half-closed kernel client) can neither print nor hang."""
    # The give-up timer calls this from its own thread, where signal.signal raises: the exit
    # below would never come. The handler has set SIGINT aside already in that case.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:
        status = _Interrupt().report()
    except (OSError, ValueError):  # a stderr that cannot be written to: still end
        status = 130
    os._exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; its exit status (130 after Ctrl-C, with one line on stderr).

    With ``argv`` None (the process's own command line) a Ctrl-C ends the process through
    :func:`interrupted_exit` once the run is wound down (its kernel stopped, its status
    recorded), or after :data:`GIVE_UP_AFTER` seconds if the wind-down hangs."""
    if argv is None:
        redeliver_swallowed_interrupts()
    handler = _Interrupt(give_up_after=GIVE_UP_AFTER if argv is None else None)
    previous = signal.getsignal(signal.SIGINT)
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread:
        signal.signal(signal.SIGINT, handler)
    try:
        code = _main(argv)
    except KeyboardInterrupt:
        if argv is None:
            handler.restore()
            interrupted_exit()
        return handler.report()
    finally:
        handler.restore()
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)
    return code


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["extract"]:
        from extract.__main__ import main as extract_main

        return extract_main(args_list[1:], prog="newsfigures extract")
    args = build_parser().parse_args(args_list)
    from .params import ParameterError

    try:
        specs = _specs(args)
    except ParameterError as err:
        print(f"newsfigures: {err}", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("newsfigures: --jobs must be at least 1", file=sys.stderr)
        return 2
    os.environ.setdefault("MPLBACKEND", "Agg")
    results = _run_all(specs, args.outputs, jobs=args.jobs, progress=args.progress)
    return _summary(results)


def _summary(results: list[Outcome]) -> int:
    failed = 0
    for name, _html, error, warnings in results:
        for warning in warnings:
            print(f"newsfigures: run {name}: warning: {warning}", file=sys.stderr)
        if error is not None:
            failed += 1
            print(f"newsfigures: run {name} failed: {error}", file=sys.stderr)
    for _, html, _, _ in results:
        if html is not None:
            print(html)
    return 1 if failed else 0


def _run_all(
    specs: list[RunSpec], outputs: str, *, jobs: int, progress: bool | None
) -> list[Outcome]:
    from tqdm.auto import tqdm

    bar: Any = tqdm(
        total=len(specs), unit="run", disable=None if progress is None else not progress
    )
    results: list[Outcome] = []
    try:
        if jobs == 1 or len(specs) == 1:
            for spec in specs:
                bar.set_postfix_str(spec.run_id or spec.topic or "all", refresh=True)
                results.append(_run(spec, outputs))
                bar.update()
        else:
            results = _in_processes(specs, outputs, jobs=jobs, bar=bar)
    finally:
        bar.close()
    return results


def _in_processes(specs: list[RunSpec], outputs: str, *, jobs: int, bar: Any) -> list[Outcome]:
    """Runs in worker processes; on Ctrl-C the workers are stopped rather than waited for."""
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(specs)), initializer=_ignore_sigint)
    try:
        futures = {pool.submit(_run, spec, outputs): i for i, spec in enumerate(specs)}
        done: dict[int, Outcome] = {}
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            bar.update()
    except KeyboardInterrupt:
        workers = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        raise
    pool.shutdown()
    return [done[i] for i in range(len(specs))]


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them (their kernels exit with them)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


if __name__ == "__main__":
    raise SystemExit(main())
