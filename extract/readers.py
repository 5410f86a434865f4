"""Read a corpus of news documents from files, folders and tables.

:func:`iter_documents` turns every input into a stream of
:class:`~extract.documents.Document` and :class:`~extract.documents.Skipped`
records, so that nothing given to it is silently lost. Metadata (outlet, date,
URL, title) comes from a manifest file when there is one, else from the input
itself (table columns, HTML metadata, or a first line ``date YYYY-MM-DD``).

Supported inputs:

* ``.txt``, ``.md``, ``.text``: one document per file;
* ``.html``, ``.htm``: one document per file, its main text found by trafilatura;
* ``.jsonl``, ``.csv``, ``.parquet``: one document per row.

Text is decoded from bytes and only its line ends are changed afterwards
(``\\r\\n`` and ``\\r`` become ``\\n``), because claim offsets index into
``Document.text``.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeAlias

import charset_normalizer
import polars as pl
import trafilatura
import yaml

from extract.documents import Document, Skipped

__all__ = [
    "RENAMED",
    "CorpusError",
    "ManifestEntry",
    "ManifestError",
    "iter_documents",
    "read_manifest",
    "sample_corpus_path",
]

StrPath: TypeAlias = str | os.PathLike[str]
Record: TypeAlias = Document | Skipped

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = frozenset({".csv", ".parquet"})
MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")
#: Files (and table cells, JSON lines) larger than this are skipped unless told otherwise.
MAX_BYTES = 64 * 1024 * 1024
# Files that describe a folder rather than belong to it (reported as skipped, not read).
_FOLDER_NOTES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})

_BATCH_ROWS = 1_000  # rows held in memory at once when reading CSV or Parquet
_CHUNK = 1 << 20  # bytes read at once when checking a CSV file's encoding
_MAX_CHAOS = 0.1  # charset-normalizer "mess" above which a guess is not trusted
_NEAR = 0.05  # guesses this close to the best one count as equally good
_ROW = "__newsfigures_row__"
_UTF16_ZEROS = 0.3  # share of characters with a zero high byte in UTF-16 text in a Latin script
_UTF16_STRAY = 0.02  # share of zero bytes allowed on the other side
_UTF16_READABLE = 0.95  # share of printable characters in text decoded that way
_META_COLUMNS = ("doc_id", "id", "outlet", "published", "url", "title")
_DATE_LINE = re.compile(r"\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: The start of a note, in the skipped table, about a document that was read under
#: another id than its own (its id was repeated, or empty): the document itself is read.
RENAMED = "renamed:"


class CorpusError(ValueError):
    """An input path does not exist or holds nothing that could be read."""


class ManifestError(ValueError):
    """A manifest file is malformed; the message names the file, row and problem."""


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """The metadata a manifest gives for one document."""

    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None


class _Undecodable(Exception):
    """Bytes that could not be turned into text; the message is the skip reason."""


@dataclass(frozen=True, slots=True)
class _Options:
    text_column: str
    id_column: str | None
    max_bytes: int


@dataclass(slots=True)
class _Manifest:
    path: Path
    entries: dict[str, ManifestEntry]
    used: set[str] = field(default_factory=set)

    def lookup(self, *keys: str) -> ManifestEntry | None:
        for key in keys:
            entry = self.entries.get(key)
            if entry is not None:
                self.used.add(key)
                return entry
        return None

    def missing(self, folders: Sequence[Path]) -> Iterator[Skipped]:
        """Report entries that matched nothing and name no file outside the inputs read."""
        for doc in self.entries:
            if doc in self.used:
                continue
            if any((folder / doc).is_file() for folder in (self.path.parent, *folders)):
                continue  # the file exists but was not among the inputs
            yield Skipped(os.fspath(self.path), doc, "listed in manifest but not found")


def sample_corpus_path() -> Path:
    """Return the folder that holds the project's sample corpus.

    Returns
    -------
    pathlib.Path
        ``extract/data/sample`` inside the installed package.

    Examples
    --------
    >>> sample_corpus_path().parts[-2:]
    ('data', 'sample')
    """
    return Path(__file__).parent / "data" / "sample"


def read_manifest(path: StrPath) -> dict[str, ManifestEntry]:
    """Read a manifest (CSV, or YAML list of mappings) into entries keyed by ``doc``.

    The manifest has a ``doc`` column (a document id or file name) and optional
    ``outlet``, ``published`` (``YYYY-MM-DD``), ``url`` and ``title`` columns;
    other columns are ignored. A YAML manifest may also be a mapping from doc to
    its fields.

    Parameters
    ----------
    path
        A ``.csv``, ``.yaml`` or ``.yml`` file.

    Returns
    -------
    dict[str, ManifestEntry]
        One entry per row, keyed by its ``doc`` value.

    Raises
    ------
    ManifestError
        If the file is missing, not CSV or YAML, has no ``doc`` column, an empty
        or repeated ``doc``, or a date that cannot be read.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "manifest.csv"
    >>> _ = p.write_text("doc,outlet,published\\na.txt,Daily Bugle,2024-05-01\\n")
    >>> read_manifest(p)["a.txt"].published
    datetime.date(2024, 5, 1)
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in {".csv", ".yaml", ".yml"}:
        raise ManifestError(f"manifest {p}: not a CSV or YAML file (use .csv, .yaml or .yml)")
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ManifestError(f"manifest {p} does not exist") from None
    except OSError as err:
        raise ManifestError(f"manifest {p} could not be read: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise ManifestError(f"manifest {p} is not UTF-8 text (bad byte at {err.start})") from None
    rows = _manifest_csv_rows(p, text) if suffix == ".csv" else _manifest_yaml_rows(p, text)
    entries: dict[str, ManifestEntry] = {}
    first_seen: dict[str, str] = {}
    for label, row in rows:
        doc = _clean(row.get("doc"))
        if doc is None:
            raise ManifestError(f"manifest {p}, {label}: 'doc' is empty")
        if doc in entries:
            raise ManifestError(
                f"manifest {p}, {label}: doc {doc!r} is listed twice (also {first_seen[doc]})"
            )
        try:
            published = _parse_date(row.get("published"))
        except ValueError:
            raise ManifestError(
                f"manifest {p}, {label}: published {row.get('published')!r} is not a date "
                "(expected YYYY-MM-DD)"
            ) from None
        entries[doc] = ManifestEntry(
            _clean(row.get("outlet")), published, _clean(row.get("url")), _clean(row.get("title"))
        )
        first_seen[doc] = label
    return entries


def _manifest_csv_rows(path: Path, text: str) -> list[tuple[str, Mapping[str, object]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        if "doc" not in header:
            found = ", ".join(repr(name) for name in header) or "none"
            raise ManifestError(f"manifest {path}, header row: no 'doc' column (columns: {found})")
        rows: list[tuple[str, Mapping[str, object]]] = []
        for number, values in enumerate(reader, start=1):
            label = f"row {number} (line {reader.line_num})"
            if not any(value.strip() for value in values):
                continue
            if len(values) > len(header):
                raise ManifestError(f"manifest {path}, {label}: more values than columns")
            rows.append((label, dict(zip(header, values, strict=False))))
    except csv.Error as err:
        raise ManifestError(f"manifest {path}, line {reader.line_num}: bad CSV ({err})") from None
    return rows


def _manifest_yaml_rows(path: Path, text: str) -> list[tuple[str, Mapping[str, object]]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f", line {where.line + 1}" if where is not None else ""
        raise ManifestError(f"manifest {path}{line}: not valid YAML") from None
    if data is None:
        return []
    if isinstance(data, Mapping):
        items: list[Mapping[str, object]] = []
        for doc, fields in data.items():
            if fields is not None and not isinstance(fields, Mapping):
                raise ManifestError(f"manifest {path}, entry {doc!r}: expected a mapping of fields")
            items.append({**(fields or {}), "doc": doc})
        data = items
    if not isinstance(data, list):
        raise ManifestError(f"manifest {path}: expected a list of entries, each with a 'doc' key")
    rows: list[tuple[str, Mapping[str, object]]] = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, Mapping) or "doc" not in item:
            raise ManifestError(f"manifest {path}, row {number}: no 'doc' key")
        rows.append((f"row {number}", {str(key): value for key, value in item.items()}))
    return rows


def iter_documents(
    inputs: StrPath | Sequence[StrPath],
    *,
    manifest: StrPath | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | Skipped]:
    """Yield one record per document found in files, folders or tables.

    Folders are walked recursively in sorted order, skipping hidden files and
    folders and the folder's own manifest. Inputs are checked, and manifests
    read, when this function is called; files are then read one at a time.

    Parameters
    ----------
    inputs
        A file, a folder, or a list of files and folders.
    manifest
        A manifest file (see :func:`read_manifest`) to use for every input.
        ``None`` looks for ``manifest.csv``, ``manifest.yaml`` or
        ``manifest.yml`` in each input folder (for a file: its folder).
    text_column
        The column (or JSON key) holding the text in tabular inputs.
    id_column
        The column holding the document id in tabular inputs. ``None`` uses a
        ``doc_id`` or ``id`` column if present, else ``"<file>#<row number>"``
        (the line number for JSON lines).
    max_bytes
        Files (and table cells or JSON lines) larger than this are skipped.

    Yields
    ------
    Document or Skipped
        A document, or an input that was not read and why. Document ids are
        unique: a document whose id was already read (or whose ``doc_id`` is
        empty) is read under a new one (``id~2``; ``file#row``), and a record whose
        reason starts with :data:`RENAMED` says so, beside the document.

    Raises
    ------
    CorpusError
        If an input does not exist, or a folder holds no files.
    ManifestError
        If a manifest is malformed.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("date 2024-02-03\\nSales rose 4% to 12 units.\\n")
    >>> _ = (folder / "b.bin").write_bytes(b"\\x00\\x01")
    >>> for record in iter_documents(folder):
    ...     print(type(record).__name__, record.doc_id, getattr(record, "published", None))
    Document a.txt 2024-02-03
    Skipped b.bin None
    """
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    paths = _as_paths(inputs)
    _check_inputs(paths)
    explicit = _Manifest(Path(manifest), read_manifest(manifest)) if manifest is not None else None
    options = _Options(text_column, id_column, max_bytes)
    return _unique_ids(_generate(_scopes(paths, explicit), explicit, options))


def _check_inputs(paths: list[Path]) -> None:
    """Raise :class:`CorpusError` for an input that does not exist or a folder with no files."""
    for path in paths:
        if not path.exists():
            if path.is_symlink():
                raise CorpusError(
                    f"input {path} is a symbolic link to nothing readable (a loop, or a "
                    "missing target)"
                )
            raise CorpusError(f"input {path} does not exist")
        if path.is_dir() and next(_walk(path, skip=_own_manifests(path)), None) is None:
            raise CorpusError(f"input folder {path} holds no files (hidden files are not read)")


def _scopes(paths: list[Path], explicit: _Manifest | None) -> list[tuple[Path, _Manifest | None]]:
    """Each input with the manifest that describes it: the one given, else the one in its
    folder (a file's folder), read once per folder."""
    found: dict[Path, _Manifest | None] = {}
    scopes: list[tuple[Path, _Manifest | None]] = []
    for path in paths:
        folder = path if path.is_dir() else path.parent
        if explicit is None and folder not in found:
            where = _find_manifest(folder)
            found[folder] = _Manifest(where, read_manifest(where)) if where is not None else None
        scopes.append((path, explicit if explicit is not None else found[folder]))
    return scopes


def _as_paths(inputs: StrPath | Sequence[StrPath]) -> list[Path]:
    items = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    if not items:
        raise CorpusError("no inputs given")
    return [Path(item) for item in items]


def _find_manifest(folder: Path) -> Path | None:
    present = [folder / name for name in MANIFEST_NAMES if (folder / name).is_file()]
    if len(present) > 1:
        names = " and ".join(p.name for p in present)
        raise ManifestError(f"folder {folder} holds {names}: keep one or pass manifest=")
    return present[0] if present else None


def _generate(
    scopes: list[tuple[Path, _Manifest | None]], explicit: _Manifest | None, options: _Options
) -> Iterator[Record]:
    folders = [path if path.is_dir() else path.parent for path, _ in scopes]
    reported: list[_Manifest] = [] if explicit is None else [explicit]
    skip = frozenset() if explicit is None else frozenset({explicit.path.resolve()})
    for path, manifest in scopes:
        if not path.is_dir():
            yield from _read_file(path, path.parent, manifest, options)
            continue
        if manifest is not None and all(manifest is not m for m in reported):
            reported.append(manifest)
        for item in _walk(path, skip=skip | _own_manifests(path)):
            if isinstance(item, Skipped):
                yield item
            else:
                yield from _read_file(item, path, manifest, options)
    for manifest in reported:
        yield from manifest.missing(folders)


def _own_manifests(folder: Path) -> frozenset[Path]:
    return frozenset((folder / name).resolve() for name in MANIFEST_NAMES)


def _walk(root: Path, *, skip: frozenset[Path]) -> Iterator[Path | Skipped]:
    """Yield the files under ``root`` depth-first in name order, or why a folder was not read."""
    seen: set[Path] = set()

    def visit(folder: Path) -> Iterator[Path | Skipped]:
        real = folder.resolve()
        if real in seen:
            return  # a symbolic link back into the tree
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as err:
            yield Skipped(os.fspath(folder), None, f"could not list folder: {err.strerror}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            try:
                if entry.is_dir():
                    yield from visit(path)
                    continue
                known = path.resolve() in skip
                regular = entry.is_file()
            except OSError as err:  # a symbolic link loop, or an entry gone meanwhile
                yield Skipped(entry.path, rel, _unreadable(err))
                continue
            if known:
                continue
            if path.stem.upper() in _FOLDER_NOTES:
                yield Skipped(entry.path, rel, "folder notes, not a document")
            elif regular:
                yield path
            else:
                yield Skipped(entry.path, rel, _not_regular(path))

    return visit(root)


def _unreadable(err: OSError) -> str:
    """The skip reason for an entry that could not be looked at."""
    if err.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    return f"could not read: {err.strerror}"


def _not_regular(path: Path) -> str:
    """The skip reason for something that is not a regular file: what it is."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        return _unreadable(err)
    kinds = (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    kind = next((name for test, name in kinds if test(mode)), None)
    return f"not a regular file ({kind})" if kind else "not a regular file"


def _read_file(
    path: Path, root: Path, manifest: _Manifest | None, options: _Options
) -> Iterator[Record]:
    rel = path.relative_to(root).as_posix()
    source = os.fspath(path)
    entry = manifest.lookup(rel, path.name) if manifest is not None else None
    suffix = path.suffix.lower()
    try:
        status = path.stat()
    except OSError as err:
        yield Skipped(source, rel, _unreadable(err))
        return
    size = status.st_size
    if not stat.S_ISREG(status.st_mode):  # a named pipe given directly would block a read
        yield Skipped(source, rel, _not_regular(path))
    elif size == 0:
        yield Skipped(source, rel, "empty document")
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, rel, entry, manifest, options)
    elif suffix in TABLE_SUFFIXES:
        yield from _read_table(path, rel, entry, manifest, options)
    elif suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        yield Skipped(source, rel, f"unsupported file type {suffix or '(no extension)'}")
    elif size > options.max_bytes:
        yield Skipped(source, rel, _too_large(size, options.max_bytes))
    else:
        yield _read_whole(path, rel, suffix, entry, options)


def _read_whole(
    path: Path, rel: str, suffix: str, entry: ManifestEntry | None, options: _Options
) -> Record:
    source = os.fspath(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            return Skipped(source, rel, _too_large(len(data), options.max_bytes))
        text = _decode(data)
    except OSError as err:
        return Skipped(source, rel, f"could not read: {err.strerror}")
    except _Undecodable as err:
        return Skipped(source, rel, str(err))
    found = ManifestEntry()
    if suffix in HTML_SUFFIXES:
        try:
            main = trafilatura.extract(text, favor_precision=False, include_comments=False)
            meta = trafilatura.extract_metadata(text)
        except Exception as err:  # trafilatura raises many kinds of errors on broken HTML
            return Skipped(source, rel, f"could not parse HTML: {err}")
        if main is None:
            return Skipped(source, rel, "no main text found in HTML")
        text = main
        if meta is not None:
            found = ManifestEntry(None, _date_or_none(meta.date), meta.url, meta.title)
    return _document(rel, _newlines(text), source, entry, found)


def _read_jsonl(
    path: Path,
    rel: str,
    entry: ManifestEntry | None,
    manifest: _Manifest | None,
    options: _Options,
) -> Iterator[Record]:
    source = os.fspath(path)
    rows = 0
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(_lines(handle, options.max_bytes), start=1):
                where = f"{source}:{number}"
                if isinstance(line, int):
                    yield Skipped(where, None, _too_large(line, options.max_bytes))
                    continue
                if number == 1:
                    line = line.removeprefix(codecs.BOM_UTF8)
                if not line.strip():
                    continue
                rows += 1
                try:
                    values = json.loads(line)
                except UnicodeDecodeError:
                    yield Skipped(where, None, "could not decode: line is not UTF-8")
                    continue
                except json.JSONDecodeError as err:
                    yield Skipped(where, None, f"invalid JSON: {err.msg} at column {err.colno}")
                    continue
                if not isinstance(values, dict):
                    yield Skipped(where, None, "line is not a JSON object")
                    continue
                yield from _rows(values, where, f"{rel}#{number}", source, entry, manifest, options)
    except OSError as err:
        yield Skipped(source, rel, f"could not read: {err.strerror}")
        return
    if rows == 0:
        yield Skipped(source, rel, "no rows")


def _lines(handle: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """Yield lines of at most ``limit`` bytes; for a longer line, yield its length instead."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
            size += len(rest)
        yield size + len(rest)


def _read_table(
    path: Path,
    rel: str,
    entry: ManifestEntry | None,
    manifest: _Manifest | None,
    options: _Options,
) -> Iterator[Record]:
    source = os.fspath(path)
    if path.suffix.lower() == ".csv":
        yield from _read_csv(path, rel, entry, manifest, options)
        return
    rows = 0
    try:
        batches = _polars_batches(pl.scan_parquet(path, glob=False), options)
        for batch in batches:
            if isinstance(batch, str):
                yield Skipped(source, rel, batch)
                return
            for values in batch:
                rows += 1
                where = f"{source}, row {rows}"
                yield from _rows(values, where, f"{rel}#{rows}", source, entry, manifest, options)
    except _Undecodable as err:
        yield Skipped(source, rel, str(err))
        return
    except (pl.exceptions.PolarsError, csv.Error, OSError, UnicodeDecodeError) as err:
        problem = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        yield Skipped(source, rel, f"could not read table: {problem}")
        return
    if rows == 0:
        yield Skipped(source, rel, "no rows")


def _polars_batches(
    frame: pl.LazyFrame, options: _Options
) -> Iterator[list[dict[str, object]] | str]:
    """Yield the table's rows a batch at a time, or a single reason it cannot be read."""
    schema = frame.collect_schema()
    for column in (options.text_column, options.id_column):
        if column is not None and column not in schema:
            yield f"no '{column}' column"
            return
    text_type = schema[options.text_column]
    if not (text_type == pl.String or isinstance(text_type, pl.Categorical | pl.Enum)):
        yield f"column '{options.text_column}' holds {text_type}, not text"
        return
    columns = dict.fromkeys(
        c
        for c in (options.text_column, options.id_column, *_META_COLUMNS)
        if c is not None and c in schema
    )
    chosen = frame.select(
        pl.col(c).cast(pl.String) if c == options.text_column else pl.col(c) for c in columns
    )
    for batch in chosen.collect_batches(chunk_size=_BATCH_ROWS):
        yield batch.to_dicts()


def _read_csv(
    path: Path,
    rel: str,
    entry: ManifestEntry | None,
    manifest: _Manifest | None,
    options: _Options,
) -> Iterator[Record]:
    """Read a CSV file row by row; a malformed row is skipped with its line, not the file."""
    source = os.fspath(path)
    rows = 0
    try:
        encoding = _table_encoding(path)
        _allow_fields_of(options.max_bytes)
        with path.open(encoding=_PYTHON_CODECS.get(encoding, encoding), newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None) or []
            missing = [c for c in (options.text_column, options.id_column) if c is not None]
            if absent := [c for c in missing if c not in header]:
                yield Skipped(source, rel, f"no '{absent[0]}' column")
                return
            while True:
                line = reader.line_num + 1  # the line the next row starts on
                try:
                    values = next(reader)
                except StopIteration:
                    break
                except csv.Error as err:
                    rows += 1
                    yield Skipped(f"{source}, line {line}", None, f"bad CSV row: {err}")
                    continue
                if not values:
                    continue  # a blank line
                rows += 1
                if len(values) > len(header):
                    yield Skipped(
                        f"{source}, line {line}",
                        None,
                        f"row has {len(values)} fields, the header {len(header)}",
                    )
                    continue
                where = f"{source}, row {rows}"
                values += [""] * (len(header) - len(values))
                row = {k: v or None for k, v in zip(header, values, strict=True)}
                yield from _rows(row, where, f"{rel}#{rows}", source, entry, manifest, options)
    except _Undecodable as err:
        yield Skipped(source, rel, str(err))
        return
    except (OSError, UnicodeDecodeError) as err:
        problem = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        yield Skipped(source, rel, f"could not read table: {problem}")
        return
    if rows == 0:
        yield Skipped(source, rel, "no rows")


_PYTHON_CODECS = {"utf-8": "utf-8-sig"}  # a UTF-8 byte-order mark is not part of the header


def _allow_fields_of(max_bytes: int) -> None:
    """Let the csv module read fields up to ``max_bytes`` (its default limit is 128 KiB)."""
    limit = min(max_bytes, sys.maxsize)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _table_encoding(path: Path) -> str:
    """Return ``"utf-8"`` if the whole file is UTF-8, else a guess from its first megabyte.

    Zero bytes mean UTF-16 (with or without a byte-order mark) or a binary file.
    """
    with path.open("rb") as handle:
        head = handle.read(_CHUNK)
        if b"\x00" in head:
            for bom, codec in _BOMS:
                if head.startswith(bom):
                    return codec
            wide = _utf16_codec(head[: len(head) - len(head) % 2])
            if wide is None:
                raise _Undecodable("binary file")
            return wide
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = handle.read(_CHUNK)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    return _guess_encoding(head)


def _rows(
    values: Mapping[str, object],
    where: str,
    default_id: str,
    source: str,
    file_entry: ManifestEntry | None,
    manifest: _Manifest | None,
    options: _Options,
) -> Iterator[Record]:
    """One table row as a record; a ``doc_id`` given empty is also noted (see :data:`RENAMED`)."""
    record = _row(values, where, default_id, source, file_entry, manifest, options)
    yield record
    given = options.id_column is None and "doc_id" in values
    if given and isinstance(record, Document) and _clean(values.get("doc_id")) is None:
        yield Skipped(where, record.doc_id, f"{RENAMED} doc_id is empty; read as {record.doc_id!r}")


def _unique_ids(records: Iterator[Record]) -> Iterator[Record]:
    """Give a document whose id was already read a new one (``id~2``, ``id~3``…), and note it.

    Two documents with one id would share their claim ids; each renaming is
    reported as a record of :data:`RENAMED` beside the document, read as usual.
    """
    seen: set[str] = set()
    for record in records:
        if isinstance(record, Document):
            doc_id = record.doc_id
            if doc_id in seen:
                n = 2
                while f"{doc_id}~{n}" in seen:
                    n += 1
                record = dataclasses.replace(record, doc_id=f"{doc_id}~{n}")
                yield Skipped(
                    record.source,
                    record.doc_id,
                    f"{RENAMED} doc_id {doc_id!r} was already used; read as {record.doc_id!r}",
                )
            seen.add(record.doc_id)
        yield record


def _row(
    values: Mapping[str, object],
    where: str,
    default_id: str,
    source: str,
    file_entry: ManifestEntry | None,
    manifest: _Manifest | None,
    options: _Options,
) -> Record:
    """Turn one table row (or JSON object) into a document, or say why not."""
    if options.id_column is not None:
        doc_id = _clean(values.get(options.id_column))
        if doc_id is None:
            return Skipped(where, None, f"no '{options.id_column}' value")
    else:
        doc_id = _clean(values.get("doc_id")) or _clean(values.get("id")) or default_id
    text = values.get(options.text_column)
    if options.text_column not in values:
        return Skipped(where, doc_id, f"no '{options.text_column}' field")
    if text is None:
        return Skipped(where, doc_id, "empty document")
    if not isinstance(text, str):
        kind = type(text).__name__
        return Skipped(where, doc_id, f"'{options.text_column}' is not a string ({kind})")
    if len(text) > options.max_bytes // 4 and len(text.encode()) > options.max_bytes:
        return Skipped(where, doc_id, _too_large(len(text.encode()), options.max_bytes))
    try:
        published = _parse_date(values.get("published"))
    except ValueError:
        return Skipped(where, doc_id, f"published {values.get('published')!r} is not a date")
    found = ManifestEntry(
        _clean(values.get("outlet")),
        published,
        _clean(values.get("url")),
        _clean(values.get("title")),
    )
    row_entry = manifest.lookup(doc_id) if manifest is not None else None
    merged = _merge(row_entry, found, file_entry)
    return _document(doc_id, _newlines(text), source, merged, ManifestEntry(), where=where)


def _document(
    doc_id: str,
    text: str,
    source: str,
    entry: ManifestEntry | None,
    found: ManifestEntry,
    *,
    where: str | None = None,
) -> Record:
    if not text.strip():
        return Skipped(where or source, doc_id, "empty document")
    meta = _merge(entry, found)
    published = meta.published if meta.published is not None else _date_line(text)
    return Document(doc_id, text, source, meta.outlet, published, meta.url, meta.title)


def _merge(*entries: ManifestEntry | None) -> ManifestEntry:
    """Combine entries field by field; the first that has a value wins."""
    present = [e for e in entries if e is not None]
    return ManifestEntry(
        next((e.outlet for e in present if e.outlet is not None), None),
        next((e.published for e in present if e.published is not None), None),
        next((e.url for e in present if e.url is not None), None),
        next((e.title for e in present if e.title is not None), None),
    )


def _decode(data: bytes) -> str:
    """Decode bytes to text, or raise :class:`_Undecodable` with the reason to skip."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue  # e.g. a UTF-16 BOM that is really the start of a UTF-32 one
    if any(data.startswith(bom) for bom, _ in _BOMS):
        raise _Undecodable("could not decode: the byte-order mark does not match the text")
    if b"\x00" in data:
        wide = _utf16_codec(data)
        if wide is None:
            raise _Undecodable("binary file")
        return data.decode(wide)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(data)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise _Undecodable(f"could not decode: not valid {encoding} either") from None


def _utf16_codec(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` if ``data`` reads as UTF-16 text with no byte-order mark.

    Text in a Latin script written as UTF-16 has a zero byte beside almost every
    letter, all on one side (odd offsets: little-endian; even: big-endian); binary
    data has its zeros anywhere. The decoded text must also be almost all letters,
    digits, punctuation and spaces.

    Examples
    --------
    >>> _utf16_codec("Up 5% in May.".encode("utf-16-le")), _utf16_codec(b"\\x00\\x01\\x02\\x00")
    ('utf-16-le', None)
    """
    if len(data) < 2 or len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros < _UTF16_ZEROS * half or others > _UTF16_STRAY * half:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        readable = sum(ch.isprintable() or ch in "\t\n\r" for ch in text)
        if readable >= _UTF16_READABLE * len(text):
            return codec
    return None


def _guess_encoding(data: bytes) -> str:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise _Undecodable("binary file")
    if best.chaos > _MAX_CHAOS:
        raise _Undecodable(
            f"could not decode: not UTF-8, and the best guess ({best.encoding}) looks garbled"
        )
    # charset-normalizer cannot tell the Western code pages apart on short texts;
    # prefer cp1252, by far the most common of them, when it fits as well as the best.
    near = [m for m in matches if m.chaos <= best.chaos + _NEAR]
    if any("cp1252" in m.could_be_from_charset for m in near):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_large(size: int, limit: int) -> str:
    return f"too large: {size} bytes > max_bytes ({limit})"


def _date_line(text: str) -> dt.date | None:
    """Read ``date YYYY-MM-DD`` at the start of the text's first line, if it is there."""
    match = _DATE_LINE.match(text)
    return _date_or_none(match.group(1)) if match else None


def _date_or_none(value: object) -> dt.date | None:
    try:
        return _parse_date(value)
    except ValueError:
        return None


def _parse_date(value: object) -> dt.date | None:
    """Read a date from a date, datetime or ISO string; ``None`` or blank gives ``None``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.fromisoformat(text).date()


def _clean(value: object) -> str | None:
    """A metadata value as stripped text, or ``None`` when it is missing or blank."""
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    return text or None
