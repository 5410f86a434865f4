"""Which time, place and measure a figure is of, when the words around it name several."""

from __future__ import annotations

import datetime as dt

import pytest

from extract import extract_claims
from reconcile import reconcile

PUBLISHED = dt.date(2031, 11, 20)


def _row(text: str) -> dict[str, object]:
    claims = extract_claims(text, doc_id="d1", outlet="Example Post", published=PUBLISHED)
    return reconcile(claims).claims.row(0, named=True)


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # the month a span began is not the figure's date: the running count is as of the report
        ("The blazes that started to spread in early June have burned 4,200 hectares.", PUBLISHED),
        ("The outbreak, which began in March, has sickened 900 people.", PUBLISHED),
        ("Since August, 75 people have left the village.", PUBLISHED),
        # a month the figure is dated by is still read
        ("By the end of June, 4,200 hectares had burned.", dt.date(2031, 6, 1)),
        ("As of March, 900 people were ill.", dt.date(2031, 3, 1)),
        # a span's start, then the date of the count
        ("The walkout began in May; by July, 3,100 staff had joined it.", dt.date(2031, 7, 1)),
    ],
)
def test_the_month_a_span_began_is_not_the_figures_date(text: str, as_of: dt.date) -> None:
    assert _row(text)["as_of"] == as_of
