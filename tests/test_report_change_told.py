"""A change stated with its start ("fell from 4,000 to 2,100") is one figure's story: its
row shows the level reached and where it came from, never the start as a second estimate
beside it (which reads as a range of two estimates)."""

from __future__ import annotations

import datetime as dt
import re

import polars as pl
import pytest

from extract import extract_claims
from newsfigures import corpus, report
from reconcile import reconcile


def _cells(*texts: str) -> list[list[str]]:
    docs = [
        extract_claims(t, doc_id=f"d{i}", outlet=f"Outlet {i}", published=dt.date(2031, 4, 2 + i))
        for i, t in enumerate(texts)
    ]
    result = corpus._sort_result(reconcile(pl.concat(docs)))
    html = report.topic_summary(result)._repr_html_()
    rows = html.split("<tr>")[2:]
    return [[re.sub("<[^>]+>", "", c) for c in r.split("</td>")[:3]] for r in rows]


@pytest.mark.parametrize(
    ("text", "middle"),
    [
        (
            "Officials in Peru said the number of people displaced fell from 9,000 to 3,500.",
            "3,500 displaced, down from 9,000",
        ),
        (
            "Officials in Peru said the number of people displaced rose from 1,200 to 5,800.",
            "5,800 displaced, up from 1,200",
        ),
    ],
)
def test_a_change_is_told_as_its_end_from_its_start(text: str, middle: str) -> None:
    (row,) = _cells(text)
    assert row[1:] == [middle, ""], row


def test_two_levels_without_a_change_stay_two_estimates() -> None:
    text = "Officials in Peru said 9,000 people were displaced and 3,500 people were evacuated."
    rows = _cells(text)
    assert not any("from" in cell for row in rows for cell in row), rows


@pytest.mark.parametrize(
    ("estimate", "shown"),
    [
        (
            {"best": 2100.0, "bound": "exact", "from_best": 4000.0},
            "2,100 refugees, down from 4,000",
        ),
        ({"best": 2100.0, "bound": "exact", "from_best": 900.0}, "2,100 refugees, up from 900"),
        # no start: as said, with the direction of a change by an amount
        ({"best": 2100.0, "bound": "exact", "change": "decrease"}, "down by 2,100 refugees"),
        ({"best": 2100.0, "bound": "exact", "from_best": None}, "2,100 refugees"),
    ],
)
def test_one_estimate_says_where_it_came_from(estimate: dict, shown: str) -> None:
    q = {"best": 2100.0, "unit": "refugee", "per": None, "verdict": "single"}
    assert report.figure_cells(q, [estimate]) == (shown, "")
