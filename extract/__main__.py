"""Command line: ``python -m extract [PATH ...] -o outputs/claims.parquet`` (or ``-o DIR/``)."""

from __future__ import annotations

import sys

if __name__ == "__main__":  # the command line's own process (not an importer's)
    from .interrupts import redeliver_swallowed_interrupts

    redeliver_swallowed_interrupts()

try:  # Ctrl-C while the libraries load is one line too
    import argparse
    import json
    import os
    import signal
    import warnings
    from collections.abc import Sequence
    from pathlib import Path

    import polars as pl

    from .corpus import BATCH_SIZE, Engine, extract_corpus_report, extract_corpus_to, scan_output
    from .folder_lock import FolderLock, OutputLocked
    from .output import write_table
    from .parallel import WorkerDied
    from .readers import MAX_BYTES, RENAMED, CorpusError, ManifestError, sample_corpus_path
except KeyboardInterrupt:
    print("\ninterrupted: nothing was written", file=sys.stderr)
    raise SystemExit(130) from None

_SHOW_SKIPPED = 20  # skipped inputs listed on the console; the table has them all


def program_name() -> str:
    """How the user called us: ``newsfigures extract`` or ``python -m extract``."""
    if Path(sys.argv[0]).stem == "newsfigures":
        return "newsfigures extract"
    return "python -m extract"


def byte_size(text: str) -> int:
    """A size in bytes from ``"200000"``, ``"500K"``, ``"64M"`` or ``"2G"`` (powers of 1024).

    Examples
    --------
    >>> byte_size("64M"), byte_size("1g"), byte_size("1500")
    (67108864, 1073741824, 1500)
    """
    value = text.strip().upper().removesuffix("B")
    scale = 1
    if value[-1:] in _UNITS:
        scale, value = _UNITS[value[-1]], value[:-1]
    try:
        size = int(float(value) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 200M or 1G)") from None
    if size < 1:
        raise argparse.ArgumentTypeError(f"the size must be positive, not {text!r}")
    return size


_UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def build_parser(*, prog: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog or program_name(),
        description="Extract every numeric claim from a corpus of news documents.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders to read (default: the sample corpus shipped with the package)",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="outputs/claims.parquet",
        help="claims table to write; a folder (ending in '/', or without a suffix) gets "
        "Parquet partitions written as the run goes, for corpora larger than memory, "
        "and a re-run resumes",
    )
    parser.add_argument(
        "--format",
        choices=["parquet", "csv", "jsonl"],
        default=None,
        help="default: from the suffix",
    )
    parser.add_argument(
        "--manifest", type=Path, default=None, help="manifest.csv or .yaml with metadata"
    )
    parser.add_argument(
        "--skipped",
        type=Path,
        default=None,
        help="where to write the table of skipped inputs (default: beside the output, "
        "or skipped.csv in an output folder)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=BATCH_SIZE,
        help=f"documents per batch and per partition (default {BATCH_SIZE})",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="local processes (default: every core; 1: this process only)",
    )
    parser.add_argument(
        "--engine",
        choices=["local", "dask"],
        default=None,
        help="local processes, or a Dask cluster (default: local; dask if --scheduler)",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        help="address of a Dask scheduler, e.g. tcp://host:8786 (implies --engine dask)",
    )
    parser.add_argument(
        "--max-bytes",
        type=byte_size,
        default=MAX_BYTES,
        help="skip files (and table cells or JSON lines) larger than this, e.g. 200M or 1G "
        f"(default {MAX_BYTES >> 20}M)",
    )
    parser.add_argument(
        "--no-resume",
        dest="resume",
        action="store_false",
        help="output folder: start over instead of reusing finished partitions",
    )
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None)
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    return parser


def is_folder_output(output: str) -> bool:
    """Whether ``-o`` names a folder: a trailing slash, an existing folder, or no suffix.

    Examples
    --------
    >>> is_folder_output("outputs/claims/"), is_folder_output("outputs/claims.parquet")
    (True, False)
    """
    return output.endswith(("/", os.sep)) or Path(output).is_dir() or not Path(output).suffix


def main(argv: Sequence[str] | None = None, *, prog: str | None = None) -> int:
    """Run the command line; the exit code (0 done, 1 failed, 2 usage, 130 Ctrl-C).

    Every failure is one line on stderr, never a traceback: Ctrl-C at any point
    (130), a worker process killed (1, "run again to resume"), a full disk or any
    other error writing (1), every input skipped (1), output piped into a reader
    that stopped early such as ``head`` (141, as a shell reports SIGPIPE).
    """
    try:
        code = _main(argv, prog=prog)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except KeyboardInterrupt:
        print("\ninterrupted: no output was left half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that exiting does not fail to flush too
        return 141
    except WorkerDied as err:
        print(f"error: {err}; run again to resume", file=sys.stderr)
        return 1
    except (OSError, pl.exceptions.PolarsError) as err:
        print(f"error: {_message(err)}", file=sys.stderr)
        return 1


def _message(err: BaseException) -> str:
    """One line for an error writing or reading: the disk is full, a folder is read-only…"""
    if isinstance(err, OSError) and err.strerror:
        where = f" ({err.filename})" if err.filename else ""
        return f"{err.strerror}{where}"
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


def _main(argv: Sequence[str] | None, *, prog: str | None = None) -> int:
    args = build_parser(prog=prog).parse_args(argv)
    inputs = list(args.paths) or [sample_corpus_path()]
    engine: Engine = args.engine or ("dask" if args.scheduler else "local")
    if args.scheduler and engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if is_folder_output(args.output):
        if args.format not in (None, "parquet"):
            print("error: an output folder holds Parquet partitions only", file=sys.stderr)
            return 2
        return _to_folder(inputs, Path(args.output), args, engine)
    try:
        result = extract_corpus_report(
            inputs,
            manifest=args.manifest,
            progress=args.progress,
            batch_size=args.batch_size,
            workers=args.workers,
            engine=engine,
            scheduler=args.scheduler,
            max_bytes=args.max_bytes,
        )
    except (CorpusError, ManifestError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    output = Path(args.output)
    if args.format and output.suffix.lstrip(".") != args.format:
        output = output.with_suffix("." + args.format)
    write_table(result.claims, output, format=args.format)
    skipped_path = args.skipped or output.with_name(output.stem + "_skipped.csv")
    write_table(result.skipped, skipped_path, format="csv")
    claims = result.claims
    _summary(
        result.documents.height,
        result.skipped,
        result.skipped.height,
        claims.height,
        claims.filter(claims["boilerplate"]).height,
    )
    print(f"claims written to {output}")
    return _nothing_read(result.documents.height)


def _to_folder(inputs: list[Path], folder: Path, args: argparse.Namespace, engine: Engine) -> int:
    try:
        with FolderLock(folder):  # held through the summary, so no other run changes it meanwhile
            return _run_to_folder(inputs, folder, args, engine)
    except OutputLocked as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def _run_to_folder(
    inputs: list[Path], folder: Path, args: argparse.Namespace, engine: Engine
) -> int:
    try:
        with warnings.catch_warnings():  # skipped inputs are listed below
            warnings.simplefilter("ignore", UserWarning)
            claims = extract_corpus_to(
                inputs,
                folder,
                manifest=args.manifest,
                batch_size=args.batch_size,
                workers=args.workers,
                engine=engine,
                scheduler=args.scheduler,
                resume=args.resume,
                progress=args.progress,
                max_bytes=args.max_bytes,
            )
    except (CorpusError, ManifestError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            f"\ninterrupted: finished partitions are kept in {folder}; run again to resume",
            file=sys.stderr,
        )
        return 130
    except WorkerDied as err:
        print(
            f"error: {err}; finished partitions are kept in {folder}; run again to resume",
            file=sys.stderr,
        )
        return 1
    _say_resumed(folder)
    skipped = scan_output(folder, "skipped").collect()
    write_table(skipped, args.skipped or folder / "skipped.csv", format="csv")
    counts = claims.select(pl.len(), pl.col("boilerplate").sum()).collect().row(0)
    n_documents = scan_output(folder, "documents").select(pl.len()).collect().item()
    _summary(n_documents, skipped, skipped.height, counts[0], counts[1] or 0)
    print(f"claims written to {folder / 'claims'}/ (part-*.parquet)")
    return _nothing_read(n_documents)


def _say_resumed(folder: Path) -> None:
    """Say how many partitions an earlier run had finished (``_complete.json``)."""
    try:
        done = json.loads((folder / "_complete.json").read_text(encoding="utf-8"))
        reused, total = int(done.get("reused", 0)), int(done["partitions"])
    except (OSError, ValueError, KeyError, TypeError):
        return
    if reused:
        print(f"resumed: {reused} of {total} partitions were finished by an earlier run and kept")


def _nothing_read(n_documents: int) -> int:
    """1 with a warning when no document was read (every input was skipped), else 0."""
    if n_documents:
        return 0
    print("warning: every input was skipped: no document was read", file=sys.stderr)
    return 1


def _summary(
    n_documents: int, skipped: pl.DataFrame, n_skipped: int, n_claims: int, n_furniture: int
) -> None:
    renamed = skipped.filter(pl.col("reason").str.starts_with(RENAMED)).height
    read = f"{n_documents} documents read" + (f" ({renamed} renamed)" if renamed else "")
    print(
        f"{read}, {n_skipped - renamed} skipped, "
        f"{n_claims} claims ({n_furniture} in page furniture)"
    )
    for source, reason in skipped.select("source", "reason").head(_SHOW_SKIPPED).iter_rows():
        if reason.startswith(RENAMED):
            print(f"  {source}: {reason}")
        else:
            print(f"  skipped {source}: {reason}")
    if n_skipped > _SHOW_SKIPPED:
        print(f"  … and {n_skipped - _SHOW_SKIPPED} more (see the skipped table)")


if __name__ == "__main__":
    code = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # done: Ctrl-C while Python exits changes nothing
    raise SystemExit(code)
