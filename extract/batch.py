"""A batch of documents in, a batch of claims out: the unit of work of every engine.

:func:`claims_for_batch` takes a table of documents (a Polars ``DataFrame``, a
PyArrow ``RecordBatch`` or ``Table``) and returns the claims of those documents
as the same kind of table. It is what the local process pool and the Dask
engine of :func:`extract.corpus.extract_corpus_to` run, and it is shaped so that
other engines can call it unchanged:

* **Spark** (``DataFrame.mapInArrow`` passes an iterator of record batches)::

      from extract.batch import CLAIMS_SPARK_DDL, claims_for_batch

      docs = spark.read.json("corpus.jsonl").select("doc_id", "text", "outlet", "title")
      claims = docs.mapInArrow(
          lambda batches: (claims_for_batch(b) for b in batches), CLAIMS_SPARK_DDL
      )
      claims.write.parquet("claims/")

* **Ray Data** (``Dataset.map_batches`` with ``batch_format="pyarrow"`` passes tables)::

      import ray.data
      from extract.batch import claims_for_batch

      docs = ray.data.read_json("corpus.jsonl")
      claims = docs.map_batches(claims_for_batch, batch_format="pyarrow")
      claims.write_parquet("claims/")

Every worker needs this package installed (``pip install newsfigures``).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Sequence
from typing import TypeVar, overload

import polars as pl
import pyarrow as pa

from .claims import extract_rows
from .documents import Document
from .schema import CLAIMS_SCHEMA

__all__ = [
    "BATCH_SCHEMA",
    "CLAIMS_ARROW_SCHEMA",
    "CLAIMS_SPARK_DDL",
    "claims_for_batch",
    "claims_frame",
    "documents_frame",
]

#: The columns of a batch of documents (``doc_id`` and ``text`` are required, the rest optional).
BATCH_SCHEMA = pl.Schema(
    {
        "doc_id": pl.String,
        "text": pl.String,
        "outlet": pl.String,
        "published": pl.Date,
        "url": pl.String,
        "title": pl.String,
    }
)

_ARROW_TYPES: dict[str, pa.DataType] = {
    "String": pa.string(),
    "Enum": pa.string(),
    "Int64": pa.int64(),
    "Float64": pa.float64(),
    "Boolean": pa.bool_(),
    "Date": pa.date32(),
}
_SPARK_TYPES = {
    "String": "STRING",
    "Enum": "STRING",
    "Int64": "BIGINT",
    "Float64": "DOUBLE",
    "Boolean": "BOOLEAN",
    "Date": "DATE",
}


def _base_name(dtype: pl.DataType) -> str:
    return dtype.base_type().__name__


#: The claims of an Arrow batch, in plain Arrow types: the closed vocabularies of
#: :data:`extract.schema.CLAIMS_SCHEMA` (Polars ``Enum``) become strings, text is
#: ``string`` (not ``large_string``), so that Spark and Ray take it as it is.
CLAIMS_ARROW_SCHEMA = pa.schema(
    [pa.field(name, _ARROW_TYPES[_base_name(dtype)]) for name, dtype in CLAIMS_SCHEMA.items()]
)

#: :data:`CLAIMS_ARROW_SCHEMA` as a Spark DDL string, the schema for ``mapInArrow``.
CLAIMS_SPARK_DDL = ", ".join(
    f"`{name}` {_SPARK_TYPES[_base_name(dtype)]}" for name, dtype in CLAIMS_SCHEMA.items()
)

_Arrow = TypeVar("_Arrow", pa.RecordBatch, pa.Table)


def claims_frame(documents: Iterable[Document]) -> pl.DataFrame:
    """Claims of several documents, metadata joined, as a frame with ``CLAIMS_SCHEMA``.

    Parameters
    ----------
    documents
        The documents to read.

    Returns
    -------
    polars.DataFrame
        One row per claim, in document order then text order.

    Examples
    --------
    >>> docs = [Document("a", "Sales rose 5% last year.", "a.txt", outlet="Example")]
    >>> claims_frame(docs).select("doc_id", "value", "unit", "outlet").row(0)
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


def documents_frame(documents: Sequence[Document]) -> pl.DataFrame:
    """A batch of documents as a frame with :data:`BATCH_SCHEMA` (what engines ship to workers).

    Examples
    --------
    >>> documents_frame([Document("a", "Up 5%.", "a.txt")]).row(0)
    ('a', 'Up 5%.', None, None, None, None)
    """
    return pl.DataFrame(
        {
            "doc_id": [d.doc_id for d in documents],
            "text": [d.text for d in documents],
            "outlet": [d.outlet for d in documents],
            "published": [d.published for d in documents],
            "url": [d.url for d in documents],
            "title": [d.title for d in documents],
        },
        schema=BATCH_SCHEMA,
    )


@overload
def claims_for_batch(batch: pl.DataFrame) -> pl.DataFrame: ...
@overload
def claims_for_batch(batch: _Arrow) -> _Arrow: ...
def claims_for_batch(batch: pl.DataFrame | pa.RecordBatch | pa.Table) -> object:
    """Map a batch of documents to the batch of their claims, as the same kind of table.

    Parameters
    ----------
    batch
        A Polars ``DataFrame``, a PyArrow ``RecordBatch`` or a PyArrow ``Table`` with
        columns ``doc_id`` and ``text`` and, optionally, ``outlet``, ``published``
        (a date, a datetime or a ``YYYY-MM-DD`` string), ``url`` and ``title``; other
        columns are ignored. A row whose text is null or blank gives no claims.

    Returns
    -------
    polars.DataFrame or pyarrow.RecordBatch or pyarrow.Table
        The claims, one row per claim with the columns of
        :data:`extract.schema.CLAIMS_SCHEMA`, in the same kind of table as ``batch``:
        a Polars frame keeps the schema's ``Enum`` types; an Arrow batch or table
        comes back with :data:`CLAIMS_ARROW_SCHEMA` (plain strings, ``date32``),
        which Spark (:data:`CLAIMS_SPARK_DDL`) and Ray take as it is. The result
        equals :func:`extract.corpus.claims_for_documents` on the same documents.

    Raises
    ------
    ValueError
        If ``doc_id`` or ``text`` is missing, a ``doc_id`` is null, or a
        ``published`` value is not a date.
    TypeError
        If ``batch`` is not one of the table types above.

    See Also
    --------
    extract.corpus.extract_corpus_to : the whole corpus, on local processes or Dask.

    Notes
    -----
    Spark::

        docs.mapInArrow(lambda bs: (claims_for_batch(b) for b in bs), CLAIMS_SPARK_DDL)

    Ray Data::

        docs.map_batches(claims_for_batch, batch_format="pyarrow")

    Examples
    --------
    >>> import polars as pl, pyarrow as pa
    >>> docs = pl.DataFrame({"doc_id": ["a"], "text": ["Exports rose 4% to $2 billion."]})
    >>> claims_for_batch(docs).select("doc_id", "value", "unit").rows()
    [('a', 4.0, 'percent'), ('a', 2000000000.0, 'USD')]
    >>> arrow = pa.RecordBatch.from_pydict(
    ...     {"doc_id": ["b"], "text": ["It cost 12 million euros."], "published": ["2024-05-01"]}
    ... )
    >>> out = claims_for_batch(arrow)
    >>> type(out).__name__, out.num_rows, out.schema.field("published").type
    ('RecordBatch', 1, DataType(date32[day]))
    """
    if isinstance(batch, pl.DataFrame):
        return claims_frame(_documents(batch))
    if isinstance(batch, pa.RecordBatch | pa.Table):
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        claims = claims_frame(_documents(frame)).to_arrow().cast(CLAIMS_ARROW_SCHEMA)
        if isinstance(batch, pa.Table):
            return claims
        combined = claims.combine_chunks().to_batches()
        if combined:
            return combined[0]
        return pa.RecordBatch.from_pylist([], schema=CLAIMS_ARROW_SCHEMA)
    raise TypeError(
        "claims_for_batch expects a polars.DataFrame, pyarrow.RecordBatch or pyarrow.Table, "
        f"not {type(batch).__name__}"
    )


def _documents(frame: pl.DataFrame) -> list[Document]:
    """The rows of a batch as documents (blank texts dropped), after checking the columns."""
    missing = [c for c in ("doc_id", "text") if c not in frame.columns]
    if missing:
        raise ValueError(
            f"a batch of documents needs columns doc_id and text; missing {', '.join(missing)} "
            f"(columns: {', '.join(frame.columns) or 'none'})"
        )
    frame = frame.select(
        pl.col("doc_id").cast(pl.String),
        pl.col("text").cast(pl.String),
        *(
            (pl.col(c).cast(pl.String) if c in frame.columns else pl.lit(None, pl.String)).alias(c)
            for c in ("outlet", "url", "title")
        ),
        _published(frame),
    )
    if frame["doc_id"].null_count():
        raise ValueError("a batch of documents has a null doc_id")
    return [
        Document(doc_id, text, doc_id, outlet, published, url, title)
        for doc_id, text, outlet, url, title, published in frame.iter_rows()
        if text is not None and text.strip()
    ]


def _published(frame: pl.DataFrame) -> pl.Expr:
    if "published" not in frame.columns:
        return pl.lit(None, pl.Date).alias("published")
    dtype = frame.schema["published"]
    column = pl.col("published")
    if dtype == pl.Date:
        return column
    if isinstance(dtype, pl.Datetime):
        return column.dt.date()
    if dtype == pl.Null:
        return column.cast(pl.Date)
    if dtype == pl.String:
        texts = frame["published"]
        dates = [_date(value) for value in texts]
        return pl.lit(pl.Series("published", dates, dtype=pl.Date))
    raise ValueError(f"column 'published' holds {dtype}, not dates")


def _date(value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValueError(f"published {value!r} is not a date (expected YYYY-MM-DD)") from None
