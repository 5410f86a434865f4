"""Many documents at once: read a corpus, extract every document, join its metadata."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from tqdm.auto import tqdm

from .claims import extract_rows
from .documents import Document, Skipped
from .readers import iter_documents, sample_corpus_path
from .schema import CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, SKIPPED_SCHEMA

__all__ = ["CorpusResult", "claims_for_documents", "extract_corpus", "extract_corpus_report"]

StrPath = str | os.PathLike[str]


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
    rows: list[dict[str, object]] = []
    for doc in documents:
        meta = {
            "outlet": doc.outlet,
            "published": doc.published,
            "url": doc.url,
            "title": doc.title,
        }
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for row in extract_rows(doc.text, doc_id=doc.doc_id):
                row.update(meta)
                rows.append(row)
    if not rows:
        return CLAIMS_SCHEMA.to_frame()
    return pl.DataFrame(rows, schema=CLAIMS_SCHEMA, orient="row")


def _records(
    inputs: StrPath | Sequence[StrPath] | None, manifest: StrPath | None
) -> Iterator[Document | Skipped]:
    return iter_documents(sample_corpus_path() if inputs is None else inputs, manifest=manifest)


def extract_corpus_report(
    inputs: StrPath | Sequence[StrPath] | None = None,
    *,
    manifest: StrPath | None = None,
    progress: bool | None = None,
    batch_size: int = 256,
) -> CorpusResult:
    """Extract a whole corpus and say what was read and what was skipped, and why.

    Parameters
    ----------
    inputs
        A file, a folder (read recursively) or a list of them; ``None`` reads the sample
        corpus shipped with the package.
    manifest
        A ``manifest.csv``/``.yaml`` with columns doc, outlet, published, url, title;
        by default one found in each input folder is used.
    progress
        Show a progress bar (``None``: only on a terminal).
    batch_size
        Documents extracted per batch.
    """
    frames: list[pl.DataFrame] = []
    docs: list[dict[str, object]] = []
    skipped: list[dict[str, object]] = []
    batch: list[Document] = []

    def flush() -> None:
        if not batch:
            return
        frame = claims_for_documents(batch)
        counts = dict(frame.group_by("doc_id").len().iter_rows()) if frame.height else {}
        for doc in batch:
            docs.append(
                {
                    "doc_id": doc.doc_id,
                    "path": doc.source,
                    "outlet": doc.outlet,
                    "published": doc.published,
                    "url": doc.url,
                    "title": doc.title,
                    "n_chars": len(doc.text),
                    "n_claims": counts.get(doc.doc_id, 0),
                }
            )
        frames.append(frame)
        batch.clear()

    bar = tqdm(
        _records(inputs, manifest), unit="doc", disable=None if progress is None else not progress
    )
    for record in bar:
        if isinstance(record, Skipped):
            skipped.append(
                {"source": record.source, "doc_id": record.doc_id, "reason": record.reason}
            )
            continue
        batch.append(record)
        if len(batch) >= batch_size:
            flush()
    flush()
    claims = pl.concat(frames) if frames else CLAIMS_SCHEMA.to_frame()
    return CorpusResult(
        claims=claims,
        documents=pl.DataFrame(docs, schema=DOCUMENTS_SCHEMA, orient="row")
        if docs
        else DOCUMENTS_SCHEMA.to_frame(),
        skipped=pl.DataFrame(skipped, schema=SKIPPED_SCHEMA, orient="row")
        if skipped
        else SKIPPED_SCHEMA.to_frame(),
    )


def extract_corpus(
    inputs: StrPath | Sequence[StrPath] | None = None,
    *,
    manifest: StrPath | None = None,
    progress: bool | None = None,
) -> pl.DataFrame:
    """Claims of every document in a corpus, with document metadata joined.

    Inputs that could not be read are reported in a warning (use
    :func:`extract_corpus_report` to get them as a table).

    Examples
    --------
    >>> claims = extract_corpus()  # the sample corpus shipped with the package
    >>> claims.filter(pl.col("unit") == "personnel").select("value", "attribution").row(0)
    (50000.0, 'official')
    """
    result = extract_corpus_report(inputs, manifest=manifest, progress=progress)
    if result.skipped.height:
        reasons = "; ".join(
            f"{s}: {r}" for s, r in result.skipped.select("source", "reason").head(5).iter_rows()
        )
        warnings.warn(f"{result.skipped.height} input(s) skipped ({reasons})", stacklevel=2)
    return result.claims


def sample_corpus() -> Path:
    """The folder of the sample corpus shipped with the package."""
    return sample_corpus_path()
