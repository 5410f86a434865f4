"""Writing tables so that a reader never sees a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Literal

import polars as pl

__all__ = ["Format", "write_table"]

Format = Literal["parquet", "csv", "jsonl"]


def write_table(
    frame: pl.DataFrame, path: str | os.PathLike[str], *, format: Format | None = None
) -> Path:
    """Write ``frame`` to ``path`` atomically (a temporary file, then a rename).

    ``format`` defaults to the file's suffix (``.parquet``, ``.csv``, ``.jsonl``).

    Examples
    --------
    >>> import tempfile, polars as pl
    >>> out = write_table(pl.DataFrame({"a": [1]}), Path(tempfile.mkdtemp()) / "t.csv")
    >>> out.read_text()
    'a\\n1\\n'
    """
    target = Path(path)
    fmt = format or target.suffix.lstrip(".").lower()
    if fmt not in ("parquet", "csv", "jsonl"):
        raise ValueError(f"unknown output format {fmt!r}: use parquet, csv or jsonl")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    try:
        if fmt == "parquet":
            frame.write_parquet(tmp)
        elif fmt == "csv":
            frame.write_csv(tmp)
        else:
            frame.write_ndjson(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
