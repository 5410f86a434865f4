"""On a large corpus the report summarises: ranked, bounded, with pointers to the Parquet
tables. Synthetic tables (no kernel): each test builds more rows than a bound allows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import matplotlib
import polars as pl
import pytest

from newsfigures import corpus, prose, report
from newsfigures.html import MAX_ROWS
from reconcile import ReconcileResult, plots, timeline
from reconcile.schema import (
    ASSERTIONS_SCHEMA,
    CHECKS_SCHEMA,
    QUANTITIES_SCHEMA,
    STANCES_SCHEMA,
)

matplotlib.use("Agg")


def _quantity(i: int, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(QUANTITIES_SCHEMA.names())
    row.update(
        quantity_id=f"q{i:04d}",
        series_id=f"s{i:04d}",
        label=f"Harbour cranes ordered {i}",
        concept="crane",
        dimension="count",
        n_reports=2,
        n_assertions=2,
        low=10.0,
        best=15.0,
        high=20.0,
        spread=2.0,
        verdict="diverge",
    )
    row.update(values)
    return row


def _assertion(i: int, quantity_id: str = "q0000", **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ASSERTIONS_SCHEMA.names())
    row.update(
        assertion_id=f"a{i:04d}",
        quantity_id=quantity_id,
        asserter=f"Port official {i}",
        asserters=[f"Port official {i}"],
        as_of=dt.date(2024, 3, 1),
        best=float(100 + i),
        n_reports=1 + i % 3,
        doc_ids=[f"doc-{i}.txt"],
        outlets=[None],
        first_published=dt.date(2024, 3, 2),
        claim_ids=[f"c{i}"],
        disputed_by=[],
    )
    row.update(values)
    return row


def _frame(rows: list[dict[str, Any]], schema: pl.Schema) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=schema)


def test_quantities_are_ranked_by_spread_and_sources() -> None:
    quantities = _frame(
        [
            _quantity(0, spread=50.0, n_assertions=2),  # log2 50 x 2 = 11.3
            _quantity(1, spread=4.0, n_assertions=10),  # log2 4 x 10 = 20
            _quantity(2, spread=1.1, n_assertions=3, verdict="agree"),
            _quantity(3, spread=3.0, n_assertions=2),  # 3.2
        ],
        QUANTITIES_SCHEMA,
    )
    ranked = corpus.sort_quantities(quantities).get_column("quantity_id").to_list()
    assert ranked == ["q0001", "q0000", "q0003", "q0002"]


def test_quantities_table_is_capped_with_a_pointer() -> None:
    quantities = _frame([_quantity(i) for i in range(MAX_ROWS + 25)], QUANTITIES_SCHEMA)
    html = report.quantities_table(quantities).text
    assert html.count("<tr>") == MAX_ROWS + 1  # the header row and MAX_ROWS
    assert f"The first {MAX_ROWS} of {MAX_ROWS + 25} quantities" in html
    assert "quantities.parquet" in html


def test_small_tables_have_no_pointer() -> None:
    quantities = _frame([_quantity(i) for i in range(3)], QUANTITIES_SCHEMA)
    assert "parquet" not in report.quantities_table(quantities).text


def test_a_paragraph_names_a_handful_of_asserters() -> None:
    n = 19
    assertions = _frame([_assertion(i) for i in range(n)], ASSERTIONS_SCHEMA)
    quantity = _quantity(0, n_assertions=n)
    text = report.headline(quantity, assertions)
    named = [f"Port official {i}" for i in range(n) if f"Port official {i} " in text + " "]
    assert len(named) == prose.MAX_NAMES, named
    assert "Port official 18" in text and "Port official 0" in text, "highest and lowest"
    assert f"{n - prose.MAX_NAMES} more in between" in text
    assert "figures range from 100 (1\u00a0Mar\u00a02024) to 118 (" in text, "over all 19"
    assert "outlet not given (file doc-18.txt)" in text


def test_headlines_are_bounded(tmp_path: Path) -> None:
    count = prose.MAX_HEADLINES + 4
    quantities = _frame([_quantity(i) for i in range(count)], QUANTITIES_SCHEMA)
    assertions = _frame(
        [_assertion(i, quantity_id=f"q{i:04d}") for i in range(count)], ASSERTIONS_SCHEMA
    )
    result = ReconcileResult(
        claims=pl.DataFrame({"claim_id": [], "from_claim": [], "quantity_id": []}),
        quantities=quantities,
        assertions=assertions,
        checks=pl.DataFrame(schema=CHECKS_SCHEMA),
        stances=pl.DataFrame(schema=STANCES_SCHEMA),
    )
    html = report.headlines(result).text
    assert html.count('class="nf-headline"') == prose.MAX_HEADLINES
    assert f"of {count} quantities" in html


def test_range_plot_draws_a_bounded_number_of_rows() -> None:
    n = plots.MAX_ROWS * 3
    assertions = _frame([_assertion(i) for i in range(n)], ASSERTIONS_SCHEMA)
    fig = plots.range_plot(_quantity(0, n_assertions=n, low=100.0, best=130.0), assertions)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == plots.MAX_ROWS
    assert any(lab.startswith("Port official 0 ") for lab in labels), "the lowest"
    assert any(lab.startswith(f"Port official {n - 1} ") for lab in labels), "the highest"
    title = " ".join(t.get_text() for t in fig.texts)
    assert f"{plots.MAX_ROWS} of {n} assertions shown" in title


def test_range_plot_refuses_too_few_rows() -> None:
    assertions = _frame([_assertion(i) for i in range(5)], ASSERTIONS_SCHEMA)
    with pytest.raises(ValueError, match="max_rows"):
        plots.range_plot(_quantity(0), assertions, max_rows=1)


def _documents(n: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": [f"{i:02d}_report.txt" for i in range(n)],
            "outlet": [None if i == 4 else f"Outlet {i}" for i in range(n)],
            "published": [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(n)],
            "title": [f"Title {i}" for i in range(n)],
            "url": [f"https://example.org/{i}" for i in range(n)],
        }
    )


def test_sources_are_capped_and_the_busiest_come_first() -> None:
    n = MAX_ROWS + 10
    documents = _documents(n + 3)  # three reports give no figure
    used = [f"{i:02d}_report.txt" for i in range(n)]
    claims = pl.DataFrame(
        {"doc_id": [*used, "49_report.txt", "49_report.txt"], "quantity_id": ["q1"] * (n + 2)}
    )
    html = report.sources_table(documents, claims).text
    assert html.count("<tr>") == MAX_ROWS + 1
    assert html.index("Outlet 49") < html.index("outlet not given (file 04_report.txt)")
    assert f"The first {MAX_ROWS} of {n} reports" in html
    assert "3 other reports read give no figure used here" in html
    assert "documents.parquet" in html


def test_long_links_are_cut_for_display_only() -> None:
    url = "https://example.org/" + "long-path/" * 20
    shown = report.safe_link(url)
    assert f'href="{url}"' in shown
    text = shown.split(">", 1)[1].removesuffix("</a>")
    assert text.endswith("…") and len(text) <= 60 and url.startswith(text[:-1])


def test_a_report_without_outlet_is_named_the_same_way_everywhere() -> None:
    documents = _documents(6).with_columns(published=pl.lit(None, pl.Date))
    stances = pl.DataFrame(
        {
            "doc_id": ["04_report.txt"],
            "who": ["The port"],
            "sentence": ["The port denied it."],
            "entities": [["port"]],
            "assertion_ids": [["a1"]],
        },
        schema=STANCES_SCHEMA,
    )
    claims = pl.DataFrame({"doc_id": ["04_report.txt"], "quantity_id": ["q1"]})
    name = "outlet not given (file 04_report.txt)"
    assert name in report.stances_table(stances, documents).text
    assert name in report.sources_table(documents, claims).text


def test_timeline_gives_a_few_asserters_their_own_colour() -> None:
    n = timeline.MAX_ASSERTERS + 20
    rows = [
        _assertion(i, as_of=dt.date(2024, 1 + i % 12, 1), asserter=f"Port official {i % n}")
        for i in range(n + 5)  # officials 0-4 give two estimates each
    ]
    assertions = _frame(rows, ASSERTIONS_SCHEMA)
    quantities = _frame([_quantity(0, n_assertions=n)], QUANTITIES_SCHEMA)
    fig = plots.timeline_plot(assertions, quantities, series_id="s0000")
    legend = fig.axes[0].get_legend()
    names = [t.get_text() for t in legend.get_texts()]
    assert "20 other asserters" in names
    asserters = [name for name in names if name.startswith("Port official")]
    assert len(asserters) == timeline.MAX_ASSERTERS
    assert {f"Port official {i}" for i in range(5)} <= set(asserters), "most estimates first"
    lines = {
        t.get_text(): h for t, h in zip(legend.get_texts(), legend.legend_handles, strict=True)
    }
    assert lines["Port official 0"].get_linestyle() == "-", "two estimates: a line, drawn"
    single = next(name for name in asserters if int(name.rsplit(" ", 1)[1]) >= 5)
    assert lines[single].get_linestyle() == "None", "one estimate: no line"
    assert lines["20 other asserters"].get_linestyle() == "None"


def _claims(rows: list[tuple[str, str, bool, str | None]]) -> pl.DataFrame:
    """(claim_id, doc_id, boilerplate, quantity_id) rows with the columns left_out reads."""
    sentence = "The port ordered 40 cranes."
    return pl.DataFrame(
        {
            "claim_id": [r[0] for r in rows],
            "doc_id": [r[1] for r in rows],
            "boilerplate": [r[2] for r in rows],
            "quantity_id": [r[3] for r in rows],
            "restates": [None] * len(rows),
            "from_claim": [None] * len(rows),
            "group_note": [None] * len(rows),
            "dimension": ["count"] * len(rows),
            "sentence": [sentence] * len(rows),
            "start": [17] * len(rows),
            "end": [19] * len(rows),
            "sentence_start": [0] * len(rows),
        },
        schema_overrides={
            "restates": pl.String,
            "from_claim": pl.String,
            "group_note": pl.String,
            "quantity_id": pl.String,
        },
    )


def test_left_out_on_a_topic_keeps_to_the_reports_about_it() -> None:
    claims = _claims(
        [
            ("c1", "01_report.txt", False, "q0000"),  # the topic's figure
            ("c2", "01_report.txt", True, None),  # furniture in a report about the topic
            ("c3", "02_report.txt", True, None),  # furniture elsewhere
            ("c4", "02_report.txt", False, None),  # ungrouped elsewhere
        ]
    )
    quantities = _frame([_quantity(0)], QUANTITIES_SCHEMA)
    empty = ReconcileResult(
        claims=claims,
        quantities=quantities,
        assertions=pl.DataFrame(schema=ASSERTIONS_SCHEMA),
        checks=pl.DataFrame(schema=CHECKS_SCHEMA),
        stances=pl.DataFrame(schema=STANCES_SCHEMA),
    )
    topic = ReconcileResult(
        claims=claims.filter(pl.col("claim_id") == "c1"),
        quantities=quantities,
        assertions=empty.assertions,
        checks=empty.checks,
        stances=empty.stances,
    )
    corpus = report.Corpus(
        claims=claims,
        documents=_documents(3),
        skipped=pl.DataFrame({"source": [], "doc_id": [], "reason": []}),
        texts={},
    )
    on_topic = report.left_out(corpus, empty, topic, "cranes").text
    assert "1 figure</b> in the reports about this topic" in on_topic
    everything = report.left_out(corpus, empty, empty, "").text
    assert "3 figures</b> in the reports are not compared" in everything
