"""Command line: ``python -m extract [PATH ...] -o outputs/claims.parquet`` (or ``-o DIR/``)."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from .corpus import BATCH_SIZE, Engine, extract_corpus_report, extract_corpus_to, scan_output
from .output import write_table
from .readers import CorpusError, ManifestError, sample_corpus_path

_SHOW_SKIPPED = 20  # skipped inputs listed on the console; the table has them all


def build_parser(*, prog: str = "python -m extract") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
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


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m extract") -> int:
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
    return 0


def _to_folder(inputs: list[Path], folder: Path, args: argparse.Namespace, engine: Engine) -> int:
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
    skipped = scan_output(folder, "skipped").collect()
    write_table(skipped, args.skipped or folder / "skipped.csv", format="csv")
    counts = claims.select(pl.len(), pl.col("boilerplate").sum()).collect().row(0)
    n_documents = scan_output(folder, "documents").select(pl.len()).collect().item()
    _summary(n_documents, skipped, skipped.height, counts[0], counts[1] or 0)
    print(f"claims written to {folder / 'claims'}/ (part-*.parquet)")
    return 0


def _summary(
    n_documents: int, skipped: pl.DataFrame, n_skipped: int, n_claims: int, n_furniture: int
) -> None:
    print(
        f"{n_documents} documents read, {n_skipped} skipped, "
        f"{n_claims} claims ({n_furniture} in page furniture)"
    )
    for source, reason in skipped.select("source", "reason").head(_SHOW_SKIPPED).iter_rows():
        print(f"  skipped {source}: {reason}")
    if n_skipped > _SHOW_SKIPPED:
        print(f"  … and {n_skipped - _SHOW_SKIPPED} more (see the skipped table)")


if __name__ == "__main__":
    raise SystemExit(main())
