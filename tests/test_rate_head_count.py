"""A rate given per a head count in digits ("12 per 100,000 residents", "8 deaths for every
1,000 people") is one figure: the head count belongs to the rate and is never a claim of its
own. A figure after "per" that counts something else (a period, a price per item) is read as
before."""

from __future__ import annotations

import pytest

from extract.claims import extract_rows


def _figures(text: str) -> list[tuple[str, float]]:
    return [(r["surface"], r["value"]) for r in extract_rows(text, doc_id="t")]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Peru's murder rate climbed to 31 per 100,000 residents in 2030.", [("31", 31.0)]),
        ("Officials counted 8 deaths for every 1,000 people in Peru.", [("8 deaths", 8.0)]),
        ("The clinic saw 45 cases per 10000 children last winter.", [("45 cases", 45.0)]),
        ("Chile logged 2.5 arrests for each 1,000 inhabitants.", [("2.5 arrests", 2.5)]),
        # the head count alone, with no noun after it
        ("The rate in Peru stood at 17 per 100,000, officials said.", [("17", 17.0)]),
    ],
)
def test_a_head_count_after_per_is_part_of_the_rate(
    text: str, figures: list[tuple[str, float]]
) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a period or an item after "per" is no head count: both figures are claims
        ("The ministry said 300 people arrived per day, and 4,000 per week.", [300.0, 4000.0]),
        # a figure after the rate's clause is a figure of its own
        ("Peru logged 31 per 100,000 residents, against 2,400 deaths in 2029.", [31.0, 2400.0]),
        # "per" not right after the figure: a figure of its own
        ("Peru spent $40 million, or 9,000 per year.", [40_000_000.0, 9000.0]),
    ],
)
def test_other_figures_near_per_stay_claims(text: str, values: list[float]) -> None:
    assert [v for _, v in _figures(text)] == values
