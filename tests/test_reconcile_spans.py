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


def _rows(text: str) -> list[dict[str, object]]:
    claims = extract_claims(text, doc_id="d1", outlet="Example Post", published=PUBLISHED)
    return list(reconcile(claims).claims.sort("start").iter_rows(named=True))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Next come Chile and Peru, where the number of people registered for asylum "
            "reached 12,400 and 9,800, respectively.",
            ["Chile", "Peru"],
        ),
        (
            "Sales in France and Spain rose 4% and 7% respectively, the firm said.",
            ["France", "Spain"],
        ),
        # decimal points inside the list do not end it
        (
            "Iran and Iraq pumped 3.2 million and 4.5 million barrels a day, respectively.",
            ["Iran", "Iraq"],
        ),
        (
            "Kenya, Uganda and Ghana planted 3,000, 4,500 and 6,100 hectares of maize, "
            "respectively.",
            ["Kenya", "Uganda", "Ghana"],
        ),
    ],
)
def test_respectively_pairs_each_figure_with_the_place_in_its_position(
    text: str, places: list[str]
) -> None:
    assert [r["entity"] for r in _rows(text)] == places


def test_respectively_with_more_places_than_figures_pairs_nothing() -> None:
    # three places and two figures: which goes with which is not written, so no pairing
    rows = _rows(
        "Chile, Peru and Bolivia took in 12,400 and 9,800 people, respectively, last year."
    )
    assert all("respectively" not in str(r["entity_source"]) for r in rows)
