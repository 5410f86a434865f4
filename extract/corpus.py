"""Many documents at once: read a corpus, extract every document, join its metadata.

Two ways to run, on the same machinery (documents are read in this process, cut
into numbered batches of ``batch_size`` documents, and each batch is extracted by
:func:`extract.batch.claims_for_batch` in this process, on a pool of local
processes or on a Dask cluster, with a bounded number of batches in flight):

* :func:`extract_corpus` / :func:`extract_corpus_report` keep the tables in memory;
* :func:`extract_corpus_to` writes every batch as a partition to a folder as it is
  done, so that memory stays flat however large the corpus, and a re-run resumes.

The layout of an output folder (see :func:`extract_corpus_to`)::

    DIR/_run.json                      the run's settings (checked when resuming)
    DIR/claims/part-000000.parquet     claims of batch 0 (its presence marks the batch done)
    DIR/documents/part-000000.parquet  documents read in batch 0
    DIR/skipped/part-000000.parquet    inputs skipped while reading batch 0
    DIR/_complete.json                 written last: partitions, row counts, and the
                                       partitions reused from a past run

Every file is written to ``DIR/_tmp/`` and renamed into place, the claims file last: a
partition is finished once its claims file exists, and a crash or Ctrl-C never leaves a
half-written one (leftovers are removed when a run stops or starts). A re-run with
``resume=True`` reads the corpus again and skips each finished partition made from the
same batch: the claims file keeps a hash of its documents' ids, sources, texts and
metadata and of the inputs skipped, so any edit (even one of the same length, or a
changed manifest entry) has that batch extracted again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

import polars as pl
from tqdm.auto import tqdm

from .batch import claims_for_batch, claims_frame, documents_frame
from .documents import Document, Skipped
from .folder_lock import FolderLock
from .output import new_temp_file
from .parallel import Engine, map_unordered
from .readers import (
    HTML_SUFFIXES,
    MANIFEST_NAMES,
    MAX_BYTES,
    TEXT_SUFFIXES,
    iter_documents,
    sample_corpus_path,
)
from .schema import CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, SKIPPED_SCHEMA

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "CorpusResult",
    "Engine",
    "Table",
    "claims_for_documents",
    "extract_corpus",
    "extract_corpus_report",
    "extract_corpus_to",
    "scan_output",
]

StrPath = str | os.PathLike[str]
Table = Literal["claims", "documents", "skipped"]

TABLES: tuple[Table, ...] = ("claims", "documents", "skipped")
SCHEMAS: dict[Table, pl.Schema] = {
    "claims": CLAIMS_SCHEMA,
    "documents": DOCUMENTS_SCHEMA,
    "skipped": SKIPPED_SCHEMA,
}
#: Documents per batch (and per partition) unless told otherwise.
BATCH_SIZE = 256

_LAYOUT = 1  # version of the folder layout, recorded in _run.json
_RUN_FILE = "_run.json"
_DONE_FILE = "_complete.json"
_TMP_DIR = "_tmp"
_PART_PREFIX = "part-"
_PART_SUFFIX = ".parquet"
_DIGEST_KEY = "newsfigures_batch_digest"  # Parquet metadata of a claims partition


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """What a corpus run produced: the claims, the documents read and what was skipped."""

    claims: pl.DataFrame
    documents: pl.DataFrame
    skipped: pl.DataFrame


def claims_for_documents(documents: Iterable[Document]) -> pl.DataFrame:
    """Claims of several documents, metadata joined (the batch function used by every engine).

    Examples
    --------
    >>> from extract.documents import Document
    >>> docs = [Document("a", "Sales rose 5% last year.", "a.txt", outlet="Example")]
    >>> claims_for_documents(docs).select("doc_id", "value", "unit", "outlet").row(0)
    ('a', 5.0, 'percent', 'Example')
    """
    return claims_frame(documents)


# --------------------------------------------------------------------------- batches


@dataclass(frozen=True, slots=True)
class _Batch:
    """Documents ``index * batch_size`` and on, with the inputs skipped while reading them."""

    index: int
    documents: list[Document]
    skipped: list[Skipped]


def _batches(records: Iterable[Document | Skipped], batch_size: int) -> Iterator[_Batch]:
    """Cut the record stream into batches of ``batch_size`` documents (deterministic).

    A skipped record belongs to the batch being filled when it was read; records
    skipped after the last full batch make up (or join) a final, shorter batch.
    """
    documents: list[Document] = []
    skipped: list[Skipped] = []
    index = 0
    for record in records:
        if isinstance(record, Skipped):
            skipped.append(record)
            continue
        documents.append(record)
        if len(documents) == batch_size:
            yield _Batch(index, documents, skipped)
            index += 1
            documents, skipped = [], []
    if documents or skipped:
        yield _Batch(index, documents, skipped)


def _document_rows(documents: Sequence[Document]) -> list[dict[str, object]]:
    return [
        {
            "doc_id": doc.doc_id,
            "path": doc.source,
            "outlet": doc.outlet,
            "published": doc.published,
            "url": doc.url,
            "title": doc.title,
            "n_chars": len(doc.text),
            "n_claims": 0,
        }
        for doc in documents
    ]


def _documents_table(rows: list[dict[str, object]], claims: pl.DataFrame) -> pl.DataFrame:
    if not rows:
        return DOCUMENTS_SCHEMA.to_frame()
    counts = dict(claims.group_by("doc_id").len().iter_rows()) if claims.height else {}
    for row in rows:
        row["n_claims"] = counts.get(row["doc_id"], 0)
    return pl.DataFrame(rows, schema=DOCUMENTS_SCHEMA, orient="row")


def _skipped_table(skipped: Sequence[Skipped]) -> pl.DataFrame:
    if not skipped:
        return SKIPPED_SCHEMA.to_frame()
    return pl.DataFrame(
        [(s.source, s.doc_id, s.reason) for s in skipped], schema=SKIPPED_SCHEMA, orient="row"
    )


# --------------------------------------------------------------------------- sinks


def _batch_digest(documents: Sequence[Document], skipped: Sequence[Skipped]) -> str:
    """A hash of everything a batch's tables depend on: each document's id, source, text
    and metadata, and the inputs skipped (so an edit of the same length changes it)."""
    digest = hashlib.blake2b(digest_size=16)
    for doc in documents:
        fields = (doc.doc_id, doc.source, doc.text, doc.outlet, doc.published, doc.url, doc.title)
        for value in fields:
            data = str(value).encode("utf-8", "surrogatepass") if value is not None else b"\xff"
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
    digest.update(b"skipped")
    for item in skipped:
        digest.update(repr((item.source, item.doc_id, item.reason)).encode("utf-8", "replace"))
    return digest.hexdigest()


class _Sink(Protocol):
    def reusable(self, index: int, digest: str) -> bool: ...

    def put(
        self,
        index: int,
        claims: pl.DataFrame,
        documents: pl.DataFrame,
        skipped: pl.DataFrame,
        digest: str,
    ) -> None: ...

    def close(self, n_batches: int | None) -> None: ...


class _MemorySink:
    """Keeps every batch's tables; :meth:`result` puts them in batch order."""

    def __init__(self) -> None:
        self.parts: dict[int, tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]] = {}

    def reusable(self, index: int, digest: str) -> bool:
        return False

    def put(
        self,
        index: int,
        claims: pl.DataFrame,
        documents: pl.DataFrame,
        skipped: pl.DataFrame,
        digest: str,
    ) -> None:
        self.parts[index] = (claims, documents, skipped)

    def close(self, n_batches: int | None) -> None:
        pass

    def result(self) -> CorpusResult:
        ordered = [self.parts[i] for i in sorted(self.parts)]
        tables = [
            pl.concat([p[k] for p in ordered]) if ordered else schema.to_frame()
            for k, schema in enumerate((CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, SKIPPED_SCHEMA))
        ]
        return CorpusResult(*tables)


def _part_name(index: int) -> str:
    return f"{_PART_PREFIX}{index:06d}{_PART_SUFFIX}"


def _part_index(name: str) -> int | None:
    if not (name.startswith(_PART_PREFIX) and name.endswith(_PART_SUFFIX)):
        return None
    digits = name[len(_PART_PREFIX) : -len(_PART_SUFFIX)]
    return int(digits) if digits.isdigit() else None


def _finished(folder: Path) -> dict[int, Path]:
    """Finished partitions: those whose claims file exists (it is renamed into place last)."""
    claims = folder / "claims"
    if not claims.is_dir():
        return {}
    found: dict[int, Path] = {}
    for entry in os.scandir(claims):
        index = _part_index(entry.name)
        if index is not None:
            found[index] = Path(entry.path)
    return found


class _DirectorySink:
    """Writes each batch as a partition; a partition is finished once its claims file exists.

    Every file is written under ``_tmp/`` and renamed into place: documents, then
    skipped, then claims (the commit). Leftovers of an interrupted run (temporary
    files, documents or skipped files without claims) are removed when a run starts
    and when it stops.
    """

    def __init__(self, folder: Path, settings: dict[str, object], *, resume: bool) -> None:
        self.folder = folder
        self.tmp = folder / _TMP_DIR
        run_file = folder / _RUN_FILE
        finished = _finished(folder)
        if run_file.is_file():
            previous = json.loads(run_file.read_text(encoding="utf-8"))
            if resume and previous != settings:
                changed = sorted(
                    key
                    for key in set(previous) | set(settings)
                    if previous.get(key) != settings.get(key)
                )
                raise ValueError(
                    f"{folder} holds a run with other settings (changed: {', '.join(changed)}); "
                    "pass resume=False (--no-resume) to replace it, or use another folder"
                )
        elif finished and resume:
            raise ValueError(
                f"{folder} holds partitions but no {_RUN_FILE}: not written by extract_corpus_to; "
                "pass resume=False (--no-resume) to replace them"
            )
        if not resume:
            for table in TABLES:
                for index in _part_indices(folder / table):
                    (folder / table / _part_name(index)).unlink(missing_ok=True)
            (folder / _DONE_FILE).unlink(missing_ok=True)
            finished = {}
        self.finished = set(finished)
        self.reused = 0
        self._tidy()
        for table in TABLES:
            (folder / table).mkdir(parents=True, exist_ok=True)
        _write_json(run_file, settings, self.tmp)
        (folder / _DONE_FILE).unlink(missing_ok=True)

    def _path(self, table: Table, index: int) -> Path:
        return self.folder / table / _part_name(index)

    def reusable(self, index: int, digest: str) -> bool:
        """A finished partition is reused if it was made from the same batch.

        The claims file records the batch's digest (:func:`_batch_digest`: texts,
        metadata, skipped inputs). A partition whose digest differs, or that has none,
        is marked unfinished (its claims file removed) before it is written again, so
        that a crash half-way cannot pair old claims with new documents.
        """
        if index not in self.finished:
            return False
        try:
            stored = pl.read_parquet_metadata(self._path("claims", index)).get(_DIGEST_KEY)
        except (OSError, pl.exceptions.PolarsError):
            stored = None
        same = stored == digest
        self.reused += same
        if not same:
            self._path("claims", index).unlink(missing_ok=True)
            self.finished.discard(index)
        return same

    def put(
        self,
        index: int,
        claims: pl.DataFrame,
        documents: pl.DataFrame,
        skipped: pl.DataFrame,
        digest: str,
    ) -> None:
        # claims last: the partition is finished once its claims file is in place
        tables: list[tuple[Table, pl.DataFrame]] = [
            ("documents", documents),
            ("skipped", skipped),
            ("claims", claims),
        ]
        written: list[tuple[str, Path]] = []
        try:
            for table, frame in tables:
                meta = {_DIGEST_KEY: digest} if table == "claims" else None
                written.append((_write_temp(frame, self.tmp, meta), self._path(table, index)))
            for tmp, target in written:
                os.replace(tmp, target)
        finally:
            for tmp, _ in written:
                Path(tmp).unlink(missing_ok=True)
        self.finished.add(index)

    def close(self, n_batches: int | None) -> None:
        if n_batches is not None:
            for index in sorted(self.finished | set(_finished(self.folder))):
                if index >= n_batches:  # left from an earlier run over a longer corpus
                    for table in ("claims", "documents", "skipped"):
                        self._path(table, index).unlink(missing_ok=True)
        self._tidy()
        shutil.rmtree(self.tmp, ignore_errors=True)
        if n_batches is not None:
            counts: dict[str, object] = {
                table: scan_output(self.folder, table).select(pl.len()).collect().item()
                for table in TABLES
            }
            done = {"partitions": n_batches, **counts, "reused": self.reused}
            _write_json(self.folder / _DONE_FILE, done, self.tmp)
            shutil.rmtree(self.tmp, ignore_errors=True)  # made again by _write_json

    def _tidy(self) -> None:
        """Remove temporary files and the documents/skipped files of unfinished partitions."""
        if self.tmp.is_dir():
            for entry in os.scandir(self.tmp):
                if entry.name.endswith(".part"):
                    Path(entry.path).unlink(missing_ok=True)
        finished = _finished(self.folder)
        for table in ("documents", "skipped"):
            for index in _part_indices(self.folder / table):
                if index not in finished:
                    self._path(table, index).unlink(missing_ok=True)


def _part_indices(folder: Path) -> list[int]:
    if not folder.is_dir():
        return []
    return [i for e in os.scandir(folder) if (i := _part_index(e.name)) is not None]


def _write_temp(frame: pl.DataFrame, tmp_dir: Path, metadata: dict[str, str] | None = None) -> str:
    """Write ``frame`` as Parquet to a new file in ``tmp_dir``, flushed to disk; its path."""
    tmp_dir.mkdir(parents=True, exist_ok=True)
    tmp = new_temp_file(tmp_dir)
    try:
        frame.write_parquet(tmp, metadata=metadata)
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _write_json(path: Path, data: dict[str, object], tmp_dir: Path) -> None:
    tmp_dir.mkdir(parents=True, exist_ok=True)
    tmp = new_temp_file(tmp_dir)
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2, default=str)
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- progress


class _Progress:
    """A documents/s bar; its total (for the ETA) is counted in a background thread."""

    def __init__(self, enabled: bool | None, count: Callable[[], int | None]) -> None:
        self.bar = tqdm(
            total=None,
            unit="doc",
            disable=None if enabled is None else not enabled,
            smoothing=0.1,
            dynamic_ncols=True,
        )
        self.reused = 0
        self.total: int | None = None
        self._counted: list[int | None] = []
        if not self.bar.disable:
            threading.Thread(target=self._count, args=(count,), daemon=True).start()

    def _count(self, count: Callable[[], int | None]) -> None:
        try:
            self._counted.append(count())
        except Exception:  # an estimate only: no total, rate only
            self._counted.append(None)

    def _sync(self) -> None:
        if self.total is None and self._counted and self._counted[0] is not None:
            self.total = self._counted[0]
        if self.total is not None:
            self.bar.total = max(self.total - self.reused, self.bar.n)

    def done(self, n_documents: int) -> None:
        self._sync()
        self.bar.update(n_documents)

    def skip(self, n_documents: int) -> None:
        """Documents of a reused partition: taken off the total rather than counted as work."""
        self.reused += n_documents
        self.bar.set_postfix(reused=self.reused, refresh=False)
        self._sync()
        self.bar.refresh()

    def close(self, *, completed: bool) -> None:
        if completed:  # the count was an estimate: end at 100%
            self.bar.total = self.bar.n
            self.bar.refresh()
        self.bar.close()


def _count_documents(paths: Sequence[Path], manifest: Path | None) -> int | None:
    """About how many documents the inputs hold, cheaply (``None`` when unknown: CSV)."""
    skip = {manifest.resolve()} if manifest is not None else set()
    total = 0
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith(".") or name in MANIFEST_NAMES:
                        continue
                    file = Path(root, name)
                    if file.resolve() in skip:
                        continue
                    n = _count_file(file)
                    if n is None:
                        return None
                    total += n
        else:
            n = _count_file(path)
            if n is None:
                return None
            total += n
    return total


def _count_file(path: Path) -> int | None:
    if not path.is_file():  # a named pipe would block the count; a link loop holds nothing
        return 0
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        return 1
    if suffix == ".jsonl":
        lines = 0
        last = b"\n"
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 22):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
        return lines + (last != b"\n")
    if suffix == ".parquet":
        try:
            return int(pl.scan_parquet(path, glob=False).select(pl.len()).collect().item())
        except (OSError, pl.exceptions.PolarsError):
            return 0
    if suffix == ".csv":
        return None  # rows can span lines: no cheap count
    return 0


# --------------------------------------------------------------------------- the run


def _inputs(inputs: StrPath | Sequence[StrPath] | None) -> list[Path]:
    if inputs is None:
        return [sample_corpus_path()]
    if isinstance(inputs, str | os.PathLike):
        return [Path(inputs)]
    return [Path(p) for p in inputs]


@dataclass(frozen=True, slots=True)
class _RunOptions:
    """The options of a run that :func:`extract_corpus_report` and :func:`extract_corpus_to`
    share (described in :func:`extract_corpus_report`)."""

    manifest: StrPath | None
    batch_size: int
    workers: int | None
    engine: Engine
    scheduler: str | None
    client: Client | None
    progress: bool | None


def _run(
    records: Iterator[Document | Skipped], paths: list[Path], sink: _Sink, options: _RunOptions
) -> None:
    """Extract ``records`` batch by batch into ``sink``, skipping the batches it holds."""
    manifest_path = Path(options.manifest) if options.manifest is not None else None
    bar = _Progress(options.progress, lambda: _count_documents(paths, manifest_path))
    pending: dict[int, tuple[list[dict[str, object]], pl.DataFrame, str]] = {}
    n_batches = 0

    def work() -> Iterator[tuple[int, pl.DataFrame]]:
        nonlocal n_batches
        for batch in _batches(records, options.batch_size):
            n_batches = batch.index + 1
            rows = _document_rows(batch.documents)
            skipped = _skipped_table(batch.skipped)
            digest = _batch_digest(batch.documents, batch.skipped)
            if sink.reusable(batch.index, digest):
                bar.skip(len(rows))
                continue
            pending[batch.index] = (rows, skipped, digest)
            yield batch.index, documents_frame(batch.documents)

    completed = False
    try:
        for index, claims in map_unordered(
            claims_for_batch,
            work(),
            engine=options.engine,
            workers=options.workers,
            scheduler=options.scheduler,
            client=options.client,
        ):
            rows, skipped, digest = pending.pop(index)
            sink.put(index, claims, _documents_table(rows, claims), skipped, digest)
            bar.done(len(rows))
        completed = True
    finally:
        bar.close(completed=completed)
        sink.close(n_batches if completed else None)


def extract_corpus_report(
    inputs: StrPath | Sequence[StrPath] | None = None,
    *,
    manifest: StrPath | None = None,
    progress: bool | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    client: Client | None = None,
    max_bytes: int = MAX_BYTES,
) -> CorpusResult:
    """Extract a whole corpus and say what was read and what was skipped, and why.

    The tables are kept in memory; for corpora larger than memory use
    :func:`extract_corpus_to`, which writes them to a folder as it goes.

    Parameters
    ----------
    inputs
        A file, a folder (read recursively) or a list of them; ``None`` reads the sample
        corpus shipped with the package.
    manifest
        A ``manifest.csv``/``.yaml`` with columns doc, outlet, published, url, title;
        by default one found in each input folder is used.
    progress
        Show a progress bar with documents/s and, once the documents are counted, the
        ETA (``None``: only on a terminal).
    batch_size
        Documents extracted per batch.
    workers
        Local processes (``None``: every core; ``1``: this process only). A corpus of
        one batch is always read in this process.
    engine
        ``"local"``: a pool of processes (``spawn`` start method) on this machine;
        ``"dask"``: a Dask cluster. Both run :func:`extract.batch.claims_for_batch` and
        give the same tables. Dask workers send claims back and this process writes
        them, so the workers need the package installed but not this folder.
    scheduler, client
        The Dask scheduler's address or an existing ``distributed.Client``
        (``engine="dask"``; neither: a ``LocalCluster`` of ``workers`` processes).
    max_bytes
        Files (and table cells or JSON lines) larger than this are skipped.

    Returns
    -------
    CorpusResult
        Claims, documents and skipped inputs, each in reading order; the same
        whichever engine or number of workers ran it.
    """
    _check_batch_size(batch_size)
    paths = _inputs(inputs)
    records = iter_documents(paths, manifest=manifest, max_bytes=max_bytes)  # checks inputs now
    sink = _MemorySink()
    options = _RunOptions(manifest, batch_size, workers, engine, scheduler, client, progress)
    _run(records, paths, sink, options)
    return sink.result()


def extract_corpus(
    inputs: StrPath | Sequence[StrPath] | None = None,
    *,
    manifest: StrPath | None = None,
    progress: bool | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    client: Client | None = None,
    max_bytes: int = MAX_BYTES,
) -> pl.DataFrame:
    """Claims of every document in a corpus, with document metadata joined.

    Inputs that could not be read are reported in a warning (use
    :func:`extract_corpus_report` to get them as a table). The options are those
    of :func:`extract_corpus_report`.

    Examples
    --------
    >>> claims = extract_corpus()  # the sample corpus shipped with the package
    >>> claims.filter(pl.col("unit") == "home").select("value", "attribution").row(0)
    (400.0, 'Odile Braam')
    """
    result = extract_corpus_report(
        inputs,
        manifest=manifest,
        progress=progress,
        batch_size=batch_size,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        client=client,
        max_bytes=max_bytes,
    )
    _warn_skipped(result.skipped.height, result.skipped)
    return result.claims


def _check_batch_size(batch_size: int) -> None:
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")


def _warn_skipped(n_skipped: int, skipped: pl.DataFrame) -> None:
    if n_skipped:
        reasons = "; ".join(
            f"{s}: {r}" for s, r in skipped.select("source", "reason").head(5).iter_rows()
        )
        warnings.warn(f"{n_skipped} input(s) skipped ({reasons})", stacklevel=3)


def extract_corpus_to(
    inputs: StrPath | Sequence[StrPath] | None,
    output_dir: StrPath,
    *,
    manifest: StrPath | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    client: Client | None = None,
    resume: bool = True,
    progress: bool | None = None,
    max_bytes: int = MAX_BYTES,
) -> pl.LazyFrame:
    """Extract a corpus of any size into a folder of Parquet partitions, resuming a past run.

    Documents are read in this process and cut into batches of ``batch_size`` documents,
    numbered in reading order (the same inputs and batch size always give the same
    batches). Each batch is extracted on a pool of local processes (or a Dask cluster),
    with at most one batch per local worker (two per Dask worker) in flight, and written
    as partition ``part-NNNNNN`` of the claims, documents and skipped tables as soon as it
    is done, so memory does not grow with the corpus. The folder's layout, how each file
    is written and how a run resumes: see :mod:`extract.corpus`.

    Parameters
    ----------
    inputs, manifest, batch_size, workers, engine, scheduler, client, progress, max_bytes
        As for :func:`extract_corpus_report` (``batch_size`` documents make a partition).
    output_dir
        The folder to write (created if needed).
    resume
        Reuse the finished partitions of an earlier run into the same folder;
        ``False`` deletes them first. A folder holding a run with other settings is
        an error unless ``resume=False``.

    Returns
    -------
    polars.LazyFrame
        A scan over the claims partitions (:func:`scan_output`): collect it, sink it
        or pass it to :func:`reconcile.reconcile`.

    Raises
    ------
    CorpusError, ManifestError
        As :func:`extract.readers.iter_documents`.
    ValueError
        If the folder holds a run with other settings and ``resume`` is true.
    extract.folder_lock.OutputLocked
        If another run (of any process) is writing to the folder; the message names
        its process id, host and start time. One run at a time holds ``output_dir/_lock``.

    Notes
    -----
    Scripts that start a run with more than one local worker need the usual
    ``if __name__ == "__main__":`` guard (processes are started with ``spawn``).

    Examples
    --------
    >>> import tempfile
    >>> out = tempfile.mkdtemp()
    >>> claims = extract_corpus_to(None, out, workers=1)
    >>> claims.select(pl.len()).collect().item() == extract_corpus().height
    True
    >>> sorted(p.name for p in Path(out).iterdir())
    ['_complete.json', '_run.json', 'claims', 'documents', 'skipped']
    """
    paths = _inputs(inputs)
    folder = Path(output_dir)
    settings = _run_settings(paths, manifest, batch_size)
    _check_batch_size(batch_size)
    records = iter_documents(paths, manifest=manifest, max_bytes=max_bytes)  # checks inputs now
    with FolderLock(folder):  # one run at a time per folder
        sink = _DirectorySink(folder, settings, resume=resume)
        options = _RunOptions(manifest, batch_size, workers, engine, scheduler, client, progress)
        _run(records, paths, sink, options)
        skipped = scan_output(folder, "skipped")
        _warn_skipped(skipped.select(pl.len()).collect().item(), skipped.head(5).collect())
    return scan_output(folder, "claims")


def _run_settings(
    paths: list[Path], manifest: StrPath | None, batch_size: int
) -> dict[str, object]:
    """What a run into a folder is, kept in its ``_run.json``: a run resumes only the same."""
    return {
        "layout": _LAYOUT,
        "inputs": [os.path.abspath(p) for p in paths],
        "manifest": os.path.abspath(manifest) if manifest is not None else None,
        "batch_size": batch_size,
    }


def scan_output(output_dir: StrPath, table: Table = "claims") -> pl.LazyFrame:
    """Scan one table of a folder written by :func:`extract_corpus_to`.

    Only finished partitions are read, in partition order.

    Parameters
    ----------
    output_dir
        The folder given to :func:`extract_corpus_to`.
    table
        ``"claims"``, ``"documents"`` or ``"skipped"``.

    Returns
    -------
    polars.LazyFrame
        The table over every finished partition (empty, with its schema, if none).

    Examples
    --------
    >>> import tempfile
    >>> out = tempfile.mkdtemp()
    >>> _ = extract_corpus_to(None, out, workers=1)
    >>> scan_output(out, "documents").select("doc_id").collect().to_series().to_list()[:2]
    ['01_tarsel_erupts_thousands_leave.txt', '02_homes_lost_and_relief_costs.txt']
    """
    if table not in SCHEMAS:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    folder = Path(output_dir)
    files = [folder / table / _part_name(i) for i in sorted(_finished(folder))]
    if not files:
        return SCHEMAS[table].to_frame().lazy()
    return pl.scan_parquet(files, schema=SCHEMAS[table], glob=False)
