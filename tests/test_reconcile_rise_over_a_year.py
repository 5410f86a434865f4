"""A year's rise in deaths over another year, or over what was expected, counts the deaths
above a baseline: the same measure as an excess-death figure. Sentences made up for these
tests."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile


def _rows(text: str) -> pl.DataFrame:
    claims = extract_claims(text, doc_id="a", outlet="A", published=dt.date(2031, 4, 2))
    return reconcile(claims, texts={"a": text}).claims


@pytest.mark.parametrize(
    "text",
    [
        "The health registry logged 150,000 more deaths in 2030 than in 2029.",
        "Registered deaths in Peru jumped by 40,000 in 2030 compared with 2029.",
        "About 12,000 more people died in Peru in 2030 than expected, statisticians said.",
        "Peru recorded a rise of 30,000 deaths in 2030 over the previous year.",
        "In 2030 Peru saw 8,000 more deaths year on year.",
    ],
)
def test_a_years_rise_in_deaths_against_another_time_is_an_excess_count(text: str) -> None:
    rows = _rows(text)
    assert rows["concept_key"].to_list() == ["excess death"]
    # a level of excess deaths, comparable with a study's excess for the same year
    assert rows["is_delta"].to_list() == [False]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a toll that rose over a day: the count's own change, no year set against another
        ("The death toll rose by 300 on Tuesday, officials in Peru said.", "death"),
        # a rise with no other time to set it against
        ("Deaths in Peru rose by 2,000 in 2030.", "death"),
        # a fall is no excess
        ("Deaths in Peru fell by 5,000 in 2030 compared with 2029.", "death"),
        # another measure than deaths
        ("Hospital admissions in Peru rose by 4,000 in 2030 compared with 2029.", None),
    ],
)
def test_what_stays_a_change_of_its_own_count(text: str, key: str | None) -> None:
    rows = _rows(text)
    assert rows["concept_key"].to_list() != ["excess death"]
    assert rows["is_delta"].to_list() == [True]
    if key is not None:
        assert rows["concept_key"].to_list() == [key]


def test_a_registers_rise_and_a_studys_excess_for_one_year_are_one_quantity() -> None:
    study = "A study put Peru's excess deaths in 2030 at 90,000."
    registry = "The registry in Peru logged 50,000 more deaths in 2030 than in 2029."
    claims = pl.concat(
        [
            extract_claims(study, doc_id="s", outlet="S", published=dt.date(2031, 4, 2)),
            extract_claims(registry, doc_id="r", outlet="R", published=dt.date(2031, 5, 2)),
        ],
        how="diagonal_relaxed",
    )
    result = reconcile(claims, texts={"s": study, "r": registry})
    ids = result.claims.filter(pl.col("value").is_in([90_000.0, 50_000.0]))["quantity_id"]
    assert ids.len() == 2 and ids.n_unique() == 1
