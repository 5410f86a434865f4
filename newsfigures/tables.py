"""The report's tables of claims (``01_extract``) and of quantities, checks and stances
(``02_reconcile``), capped on any corpus; the full tables stay in Parquet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from reconcile import ReconcileResult
from reconcile.ratios import times

from .cells import _figures_of, _middle, figure_cells
from .corpus import Corpus, sort_quantities
from .html import (
    MAX_ROWS,
    Html,
    _capped,
    _esc,
    _n,
    _note,
    _pill,
    _source_names,
    _table,
    _unnamed,
)
from .words import _number, format_amount

# --------------------------------------------------------------------------- 01: claims


def highlight(sentence: str | None, start: int, end: int) -> str:
    """The sentence as HTML with ``sentence[start:end]`` in ``<mark>``.

    >>> highlight("It has 50,000 men.", 7, 13)
    'It has <mark>50,000</mark> men.'
    """
    text = sentence or ""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return f"{_esc(text[:start])}<mark>{_esc(text[start:end])}</mark>{_esc(text[end:])}"


def _marked_claim(r: Mapping[str, Any]) -> str:
    """A claim row's sentence with its figure marked (offsets made relative to the sentence)."""
    at = int(r["start"]) - int(r["sentence_start"])
    return highlight(r["sentence"], at, at + int(r["end"]) - int(r["start"]))


def corpus_summary(corpus: Corpus) -> Html:
    claims = corpus.claims
    furniture = int(claims.get_column("boilerplate").fill_null(False).sum()) if claims.height else 0
    return Html(
        f"<p>Read <b>{_n(corpus.documents.height, 'document')}</b>; skipped "
        f"<b>{_n(corpus.skipped.height, 'input')}</b>. Found "
        f"<b>{_n(claims.height, 'numeric claim')}</b>, {furniture} of them in page furniture.</p>"
    )


def counts_table(claims: pl.DataFrame) -> Html:
    """Claims per document (rows) and dimension (columns), furniture counted apart."""
    if claims.height == 0:
        return _note("No numeric claim was found.")
    frame = claims.with_columns(
        dim=pl.when(pl.col("boilerplate").fill_null(False))
        .then(pl.lit("page furniture"))
        .otherwise(pl.col("dimension").cast(pl.String))
    )
    dims = sorted(d for d in frame.get_column("dim").unique().to_list() if d != "page furniture")
    if "page furniture" in frame.get_column("dim").to_list():
        dims.append("page furniture")
    counts = frame.group_by("doc_id", "dim").len()
    lookup = {(d, m): n for d, m, n in counts.iter_rows()}
    per_doc = (
        counts.group_by("doc_id")
        .agg(pl.col("len").sum())
        .sort(["len", "doc_id"], descending=[True, False])
    )
    rows = []
    for doc in per_doc.get_column("doc_id").head(MAX_ROWS).to_list():
        cells = [lookup.get((doc, d), 0) for d in dims]
        rows.append([_esc(doc), *(str(c) if c else "" for c in cells), f"<b>{sum(cells)}</b>"])
    totals = counts.group_by("dim").agg(pl.col("len").sum())
    by_dim = dict(totals.iter_rows())
    total = [by_dim.get(d, 0) for d in dims]
    table = _capped(
        rows,
        ["document", *dims, "total"],
        total=per_doc.height,
        what="document",
        where="claims.parquet",
        numeric=range(1, len(dims) + 2),
        caption="documents with the most claims first" if per_doc.height > MAX_ROWS else None,
    )
    summary = _table(
        [["<b>all documents</b>", *(f"<b>{t:,}</b>" for t in total), f"<b>{sum(total):,}</b>"]],
        ["", *dims, "total"],
        numeric=range(1, len(dims) + 2),
    )
    return Html(table.text + summary.text)


def claim_sample(claims: pl.DataFrame, n: int = 12) -> Html:
    """Up to ``n`` article claims (not furniture), taken in turn from each document."""
    article = claims.filter(~pl.col("boilerplate").fill_null(False))
    if article.height == 0:
        return _note("No claim outside page furniture.")
    picked = (
        article.with_columns(_turn=pl.int_range(pl.len()).over("doc_id"))
        .sort("_turn", "doc_id", "start")
        .head(max(n, 0))
        .sort("doc_id", "start")
    )
    rows = []
    for r in picked.iter_rows(named=True):
        rows.append(
            [
                _esc(r["doc_id"]),
                _marked_claim(r),
                _esc(format_amount(r["value"], r["unit"], per=r["per"], qualifier=r["qualifier"])),
                _esc(r["bound"]),
                _esc(r["dimension"]),
                _esc(r["concept"]),
                _esc(r["attribution"]),
            ]
        )
    return _table(
        rows,
        [
            "document",
            "sentence (claim marked)",
            "read as",
            "bound",
            "dimension",
            "measures",
            "said by",
        ],
        caption=f"{picked.height} of {article.height} claims outside page furniture",
    )


def skipped_table(skipped: pl.DataFrame) -> Html:
    if skipped.height == 0:
        return _note("Nothing was skipped: every input was read.")
    rows = [
        [_esc(s), _esc(d), _esc(r)]
        for s, d, r in skipped.select("source", "doc_id", "reason").head(MAX_ROWS).iter_rows()
    ]
    return _capped(
        rows,
        ["input", "document", "why it was skipped"],
        total=skipped.height,
        what="skipped input",
        where="skipped.parquet",
    )


def boilerplate_table(claims: pl.DataFrame) -> Html:
    """Claims in page furniture (lists of other stories, share prompts ...), kept but set apart."""
    furniture = claims.filter(pl.col("boilerplate").fill_null(False))
    if furniture.height == 0:
        return _note("No claim sits in page furniture.")
    rows = []
    for r in furniture.head(MAX_ROWS).iter_rows(named=True):
        rows.append([_esc(r["doc_id"]), _marked_claim(r)])
    return _capped(
        rows,
        ["document", "page furniture (not used)"],
        total=furniture.height,
        what="claim in page furniture",
        where="claims.parquet (boilerplate = true)",
    )


# --------------------------------------------------------------------------- 02: quantities


def quantities_table(quantities: pl.DataFrame, assertions: pl.DataFrame | None = None) -> Html:
    """Every quantity with its verdict, divergent first (the order of :func:`sort_quantities`);
    with ``assertions``, its middle and range are figures the sources gave
    (:func:`figure_cells`)."""
    if quantities.height == 0:
        return _note("No quantity was found.")
    rows = []
    shown = sort_quantities(quantities).head(MAX_ROWS)
    figures = _figures_of(shown, assertions) if assertions is not None else {}
    for q in shown.iter_rows(named=True):
        verdict = str(q["verdict"])
        if q["quantity_id"] in figures:
            middle, span = figure_cells(q, figures[q["quantity_id"]])
        else:
            middle = _middle(q)
            span = (
                f"{_number(q['low'])} – {_number(q['high'])}"
                if q["low"] is not None and q["high"] is not None
                else ""
            )
        rows.append(
            [
                _esc(q["label"]),
                _pill(verdict),
                _esc(middle),
                _esc(span),
                _esc(times(q["spread"]) if q["spread"] is not None else ""),
                str(q["n_assertions"]),
                str(q["n_reports"]),
                _esc(q["why"]),
            ]
        )
    return _capped(
        rows,
        [
            "quantity",
            "verdict",
            "middle estimate",
            "lowest – highest",
            "spread",
            "estimates",
            "reports",
            "why",
        ],
        total=quantities.height,
        what="quantity",
        where="quantities.parquet",
        numeric=(2, 3, 4, 5, 6),
    )


def checks_table(checks: pl.DataFrame) -> Html:
    """The arithmetic checks: parts that should add up, shares, directions of change."""
    notes = checks.filter(pl.col("kind").cast(pl.String) == "input").height
    shown = checks.filter(pl.col("kind").cast(pl.String) != "input")
    aside = (
        _note(
            f"Not shown: {_n(notes, 'note')} on single figures (no date, no exchange rate …), "
            "which check nothing; they are in checks.parquet (kind = input)."
        ).text
        if notes
        else ""
    )
    if shown.height == 0:
        return Html(
            _note("No arithmetic relation between the figures was found to check.").text + aside
        )
    rows = [
        [_pill(s), _esc(str(k).replace("_", " ")), _esc(d)]
        for s, k, d in shown.select("status", "kind", "description").head(MAX_ROWS).iter_rows()
    ]
    table = _capped(
        rows,
        ["result", "check", "what was checked"],
        total=shown.height,
        what="check",
        where="checks.parquet",
    )
    derived = (
        _note(
            "derived: a share of a whole implies the whole's size; no figure of the whole "
            "was given to check it against, so it neither holds nor fails."
        ).text
        if (shown.get_column("status").cast(pl.String) == "derived").any()
        else ""
    )
    return Html(table.text + derived + aside)


def stances_table(
    stances: pl.DataFrame,
    documents: pl.DataFrame | None = None,
    *,
    figures: ReconcileResult | None = None,
) -> Html:
    """Denials and disputes; with ``documents``, sources are named by outlet and date; with
    ``figures`` (the reconciled tables), each says which figures it disputes, or that it is
    tied to none."""
    if stances.height == 0:
        return _note("No denial or dispute was found in the reports.")
    names = _source_names(documents) if documents is not None else {}
    labels = _disputed_labels(figures) if figures is not None else None
    rows = []
    for d, w, s, ids in (
        stances.select("doc_id", "who", "sentence", "assertion_ids").head(MAX_ROWS).iter_rows()
    ):
        row = [_esc(w), _esc(s), _esc(names.get(d, _unnamed(d)))]
        if labels is not None:
            about = list(dict.fromkeys(labels[i] for i in ids or [] if i in labels))
            more = f" and {len(about) - 3} more" if len(about) > 3 else ""
            row.append(
                _esc("; ".join(about[:3]) + more if about else NO_FIGURE)
            )  # labels hold commas
        rows.append(row)
    header = ["who disputes", "what the report says", "source"]
    return _capped(
        rows,
        header if labels is None else [*header, "figures it disputes"],
        total=stances.height,
        what="denial or dispute",
        where="stances.parquet",
    )


#: What the denials table says of a denial tied to no figure (it denies a claim, not a number).
NO_FIGURE = "none: it is not tied to a figure in these reports"


def _disputed_labels(figures: ReconcileResult) -> dict[str, str]:
    """assertion_id -> the label of its quantity."""
    pairs = figures.assertions.select("assertion_id", "quantity_id").join(
        figures.quantities.select("quantity_id", "label"), on="quantity_id"
    )
    return dict(zip(pairs["assertion_id"].to_list(), pairs["label"].to_list(), strict=True))
