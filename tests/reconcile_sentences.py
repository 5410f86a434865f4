"""Run ``reconcile`` on made-up articles and read its output (shared by the rule tests).

The rule tests of ``tests/test_reconcile_*.py`` that the invented stories of
``tests/data/own_topics`` showed missing (issue 11) write a few sentences, run them with
these helpers and read the row of a claim by its surface.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from extract import extract_claims
from reconcile import ReconcileResult, reconcile

MARCH = dt.date(2031, 3, 4)  # a Tuesday


def _run(docs: dict[str, tuple[str, dt.date]]) -> ReconcileResult:
    claims = pl.concat(
        [extract_claims(text, doc_id=d, published=day) for d, (text, day) in docs.items()]
    )
    return reconcile(claims, texts={d: text for d, (text, _) in docs.items()})


def _of(result: ReconcileResult, surface: str, doc: str | None = None) -> dict[str, Any]:
    """The output row of the (first) claim whose surface starts with ``surface`` (in ``doc``)."""
    rows = result.claims.filter(
        pl.col("surface").str.starts_with(surface), pl.col("doc_id") == (doc or pl.col("doc_id"))
    )
    assert rows.height >= 1, surface
    return rows.row(0, named=True)


def _verdict(result: ReconcileResult, surface: str) -> str:
    qid = _of(result, surface)["quantity_id"]
    return str(result.quantities.filter(pl.col("quantity_id") == qid).item(0, "verdict"))


def _on_one_day(*texts: str) -> ReconcileResult:
    """Articles "a", "b", ... of ``texts``, all published on ``MARCH``, run."""
    return _run({chr(ord("a") + i): (text, MARCH) for i, text in enumerate(texts)})
