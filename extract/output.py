"""Writing tables so that a reader never sees a half-written file."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Literal

import polars as pl

__all__ = ["Format", "new_temp_file", "write_table", "write_text"]

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
    # The name is chosen before the file exists, so that the cleanup below also
    # covers an interrupt that lands while the file is being created.
    tmp = os.path.join(target.parent, f".{target.name}.{secrets.token_hex(8)}.part")
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


def write_text(text: str, path: str | os.PathLike[str]) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically, as :func:`write_table` does.

    Examples
    --------
    >>> import tempfile
    >>> write_text("hello", Path(tempfile.mkdtemp()) / "a.txt").read_text()
    'hello'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.part")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def new_temp_file(
    folder: str | os.PathLike[str], *, prefix: str = "", suffix: str = ".part"
) -> str:
    """Create a new empty file in ``folder`` with a random name; its path.

    Unlike :func:`tempfile.mkstemp` (mode 0600), the file gets the usual mode for
    new files, 0666 less the process's umask, so that outputs renamed from it can
    be read as any other file the user writes.

    Examples
    --------
    >>> import stat, tempfile
    >>> path = new_temp_file(tempfile.mkdtemp())
    >>> umask = os.umask(0); _ = os.umask(umask)
    >>> stat.S_IMODE(os.stat(path).st_mode) == 0o666 & ~umask
    True
    """
    for _ in range(100):
        path = os.path.join(folder, f"{prefix}{secrets.token_hex(8)}{suffix}")
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"could not create a new temporary file in {folder}")
