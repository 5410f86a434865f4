"""The tables a report is built from: the corpus read (or its claims table), reconciled with
the notebook's parameters, sorted so that the same input always gives the same tables, and
written to Parquet.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from extract import Document, iter_documents, write_table
from extract.schema import DOCUMENTS_SCHEMA, SKIPPED_SCHEMA, conform_claims
from reconcile import ReconcileResult, reconcile

from .html import (
    Html,
    _esc,
    _table,
)
from .params import (
    RESULT_TABLES,
    Settings,
)
from .rows import not_headlined, share_labels

#: Verdicts in the order a reader meets them (reconcile's order of importance).
VERDICT_ORDER = ("diverge", "uncertain", "growth", "agree", "echo", "single")


@dataclass(frozen=True, slots=True)
class Corpus:
    """A corpus read and extracted: claims, documents, skipped inputs and document texts."""

    claims: pl.DataFrame
    documents: pl.DataFrame
    skipped: pl.DataFrame
    texts: dict[str, str] = field(repr=False)


def sort_claims(claims: pl.DataFrame) -> pl.DataFrame:
    return claims.sort("doc_id", "start", "end", "claim_id", nulls_last=True)


def importance() -> pl.Expr:
    """How much a quantity matters to a reader: log2 of its spread times its number of
    independent estimates (a 2x gap between ten sources before a 50x gap between two)."""
    spread = pl.col("spread").fill_null(1.0).clip(lower_bound=1.0)
    return spread.log(2) * pl.col("n_assertions").fill_null(0).cast(pl.Float64)


def sort_quantities(quantities: pl.DataFrame) -> pl.DataFrame:
    """Divergent first, then growth, agree, single, other verdicts; each by :func:`importance`
    (then spread), so the quantities that matter most come first."""
    rank = (
        pl.col("verdict")
        .cast(pl.String)
        .replace_strict(
            {v: i for i, v in enumerate(VERDICT_ORDER)},
            default=len(VERDICT_ORDER),
            return_dtype=pl.Int64,
        )
    )
    return (
        quantities.with_columns(_rank=rank, _importance=importance())
        .sort(
            ["_rank", "_importance", "spread", "label", "quantity_id"],
            descending=[False, True, True, False, False],
            nulls_last=True,
        )
        .drop("_rank", "_importance")
    )


#: Dimensions whose figures are lengths of time ("20 years", "aged 60"): they frame a
#: report's figures but are not what it reports, so a report lists them among the figures
#: it does not compare (the claims table keeps them and their grouping), never as quantities.
LENGTHS_OF_TIME = ("duration", "age")


def _reported(result: ReconcileResult) -> ReconcileResult:
    """``result`` without the quantities (and their assertions) of :data:`LENGTHS_OF_TIME`
    or whose figures no row can say in one measure (:func:`~newsfigures.rows.not_headlined`); each share
    labelled by the whole its figures name (:func:`~newsfigures.rows.share_labels`). (A row
    whose figures' words name a year is dated in it by :func:`reconcile.core.dated_by_period`.)"""
    unshown = not_headlined(result.claims).get_column("quantity_id").unique().implode()
    kept = result.quantities.filter(
        ~pl.col("dimension").cast(pl.String).is_in(LENGTHS_OF_TIME).fill_null(False)
        & ~pl.col("quantity_id").is_in(unshown)
    )
    kept = share_labels(kept, result.claims)
    ids = kept.get_column("quantity_id").implode()
    return ReconcileResult(
        claims=result.claims,
        quantities=kept,
        assertions=result.assertions.filter(pl.col("quantity_id").is_in(ids)),
        checks=result.checks,
        stances=result.stances,
    )


def _sort_result(result: ReconcileResult) -> ReconcileResult:
    result = _reported(result)
    return ReconcileResult(
        claims=sort_claims(result.claims),
        quantities=sort_quantities(result.quantities),
        assertions=result.assertions.sort(
            "quantity_id", "as_of", "asserter", "assertion_id", nulls_last=True
        ),
        checks=result.checks.sort("check_id"),
        # assertion_ids is a set (built in hash order): sorted, so runs write the same table
        stances=result.stances.with_columns(pl.col("assertion_ids").list.sort()).sort(
            "doc_id", "who", "sentence", nulls_last=True
        ),
    )


def load_corpus(settings: Settings) -> Corpus:
    """Read the corpus; claims come from ``settings.claims`` when given, else are extracted.

    The texts are not read here: :func:`reconcile_corpus`, the one step that needs them,
    reads them.
    """
    if settings.claims is not None:
        folder = settings.claims.parent
        claims = conform_claims(pl.read_parquet(settings.claims))
        documents = _read_or_none(folder / "documents.parquet", DOCUMENTS_SCHEMA)
        skipped = _read_or_none(folder / "skipped.parquet", SKIPPED_SCHEMA)
        if documents is None or skipped is None:
            extracted = _extract(settings)
            documents, skipped = extracted.documents, extracted.skipped
    else:
        extracted = _extract(settings)
        claims, documents, skipped = extracted.claims, extracted.documents, extracted.skipped
    return Corpus(
        claims=sort_claims(claims),
        documents=documents.sort("doc_id"),
        skipped=skipped.sort("source", "doc_id", nulls_last=True),
        texts={},
    )


def _extract(settings: Settings) -> Any:
    """The corpus extracted (claims, documents, skipped). The extractor is imported here, not
    with this module: a notebook that reads the claims table starts without it."""
    from extract import extract_corpus_report

    return extract_corpus_report(settings.corpus, manifest=settings.manifest, progress=False)


def read_texts(corpus: Path, manifest: Path | None = None) -> dict[str, str]:
    """Each document's text by ``doc_id`` (what reconcile reads sentences from)."""
    records = iter_documents(corpus, manifest=manifest)
    return {r.doc_id: r.text for r in records if isinstance(r, Document)}


def _read_or_none(path: Path, schema: pl.Schema) -> pl.DataFrame | None:
    if not path.is_file():
        return None
    return pl.read_parquet(path).cast(schema, strict=False)


def reconcile_corpus(settings: Settings, corpus: Corpus) -> ReconcileResult:
    """:func:`reconcile.reconcile` with the notebook's parameters; every table sorted.

    With ``settings.tables`` (the folder ``02_reconcile`` wrote into, in the same run) the
    tables are read from there instead of being computed a second time.
    """
    if settings.tables is not None:
        return ReconcileResult(
            **{
                "claims" if name == "grouped_claims" else name: pl.read_parquet(
                    settings.tables / f"{name}.parquet"
                )
                for name in RESULT_TABLES
            }
        )
    result = reconcile(
        corpus.claims,
        currency=settings.currency,
        window_days=settings.window_days,
        threshold=settings.threshold,
        consensus=settings.consensus,  # type: ignore[arg-type]  # checked in check_parameters
        mapping=settings.mapping,
        texts=corpus.texts or read_texts(settings.corpus, settings.manifest),
    )
    return _sort_result(result)


def write_tables(out_dir: str | os.PathLike[str], **frames: pl.DataFrame) -> Html:
    """Write each frame to ``out_dir/<name>.parquet`` (atomically) and list what was written."""
    folder = Path(out_dir)
    rows = []
    for name, frame in frames.items():
        path = write_table(frame, folder / f"{name}.parquet")
        rows.append([_esc(path.name), f"{frame.height:,}", _esc(str(path))])
    return _table(rows, ["table", "rows", "written to"], numeric=(1,))
