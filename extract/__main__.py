"""Command line: ``python -m extract [PATH ...] -o outputs/claims.parquet``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .corpus import extract_corpus_report
from .output import write_table
from .readers import CorpusError, ManifestError, sample_corpus_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
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
        type=Path,
        default=Path("outputs/claims.parquet"),
        help="claims table to write",
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
        help="where to write the table of skipped inputs (default: beside the output)",
    )
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None)
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    inputs = list(args.paths) or [sample_corpus_path()]
    try:
        result = extract_corpus_report(inputs, manifest=args.manifest, progress=args.progress)
    except (CorpusError, ManifestError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    output = args.output
    if args.format and output.suffix.lstrip(".") != args.format:
        output = output.with_suffix("." + args.format)
    write_table(result.claims, output, format=args.format)
    skipped_path = args.skipped or output.with_name(output.stem + "_skipped.csv")
    write_table(result.skipped, skipped_path, format="csv")
    claims = result.claims
    print(
        f"{result.documents.height} documents read, {result.skipped.height} skipped, "
        f"{claims.height} claims ({claims.filter(claims['boilerplate']).height} in page furniture)"
    )
    for source, reason in result.skipped.select("source", "reason").iter_rows():
        print(f"  skipped {source}: {reason}")
    print(f"claims written to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
