"""A length of time ("for six weeks", "aged 70") frames a report's figures; the report lists
it among the figures it does not compare, never as a quantity. Cases written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from extract import extract_claims
from newsfigures import corpus, report, topic
from reconcile import ReconcileResult, reconcile


def _result(*texts: str) -> ReconcileResult:
    claims = pl.concat(
        [
            extract_claims(t, doc_id=f"d{i}", outlet=f"O{i}", published=dt.date(2031, 5, 3))
            for i, t in enumerate(texts)
        ]
    )
    return reconcile(claims)


@pytest.mark.parametrize(
    "texts",
    [
        (
            "The strike in Peru has now lasted six weeks, the union said.",
            "The strike in Peru has lasted six weeks, the ministry said.",
        ),
        ("A court in Lima jailed the port's former director for 10 years on Monday.",),
    ],
)
def test_a_length_of_time_is_not_a_reported_quantity(texts: tuple[str, ...]) -> None:
    result = _result(*texts)
    durations = result.quantities.filter(pl.col("dimension").cast(pl.String) == "duration")
    assert durations.height >= 1  # reconcile still groups it (the claims keep their grouping)
    shown = corpus._sort_result(result)
    assert shown.quantities.filter(
        pl.col("dimension").cast(pl.String).is_in(corpus.LENGTHS_OF_TIME)
    ).is_empty()
    gone = durations.get_column("quantity_id").implode()
    assert shown.assertions.filter(pl.col("quantity_id").is_in(gone)).is_empty()
    assert shown.claims.height == result.claims.height  # the claims table keeps them
    unused = topic._not_compared(shown.claims, set(shown.quantities["quantity_id"].to_list()))
    whys = unused.filter(pl.col("dimension") == "duration").get_column("_why").to_list()
    assert whys and all("length of time" in w for w in whys)


def test_other_quantities_stay_in_the_report() -> None:
    result = _result(
        "The strike in Peru has cost 4,000 jobs in six weeks, the union said.",
        "The strike in Peru has cost 4,100 jobs, the ministry said.",
    )
    shown = corpus._sort_result(result)
    kept = result.quantities.filter(
        ~pl.col("dimension").cast(pl.String).is_in(corpus.LENGTHS_OF_TIME)
    )
    assert kept.height >= 1
    assert sorted(shown.quantities["quantity_id"].to_list()) == sorted(
        kept["quantity_id"].to_list()
    )


def test_multiples_not_compared_draw_no_line_over_time(tmp_path: Path) -> None:
    claims = pl.concat(
        [
            extract_claims(
                "Floods in Chile were four times higher, the ministry said.",
                doc_id="a",
                outlet="A",
                published=dt.date(2031, 5, 3),
            ),
            extract_claims(
                "Floods in Chile were nine times higher, the agency said.",
                doc_id="b",
                outlet="B",
                published=dt.date(2031, 5, 29),
            ),
        ]
    )
    result = corpus._sort_result(reconcile(claims))
    multiples = result.quantities.filter(pl.col("unit") == "times")
    assert set(multiples["verdict"].cast(pl.String).to_list()) == {"uncertain"}
    drawn = report.timeline_figures(result, tmp_path)
    assert not [title for title, _ in drawn.items if "times" in title]
