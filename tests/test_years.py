"""A year after "in", "since", "until" or "during" says when, not how many."""

from __future__ import annotations

import pytest

from extract import extract_claims


@pytest.mark.parametrize(
    "text",
    [
        "The sharp rise in 2021 matches the timing of the second wave.",
        "Rents have climbed every year since 1998 mostly because of demand.",
        "The jump during 2020 reflects the closure of the plant.",
    ],
)
def test_a_year_after_a_preposition_of_time_is_no_figure(text: str) -> None:
    assert extract_claims(text).height == 0


def test_a_year_shaped_count_with_a_hedge_stays_a_figure() -> None:
    rows = extract_claims("The storm damaged homes in about 2000 villages.")
    assert rows["value"].to_list() == [2000.0]
