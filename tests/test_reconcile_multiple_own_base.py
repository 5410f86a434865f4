"""A multiple whose own words name its base as the official count ("nearly ten times the
official figure") is read from its own words, even when the sentence, not its phrase, says
what is counted: it says how far that count falls short, so two sources' multiples of one
time that are far apart are a divergence, not "possibly the same quantity". A multiple of
some other count ("ten times the 90,000 the hospitals counted") is no multiple of the
official count. Cases are written for these tests (a made-up fever in Chile)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile

_DAY = dt.date(2031, 5, 4)
_OWN_BASE = (
    "Valley Trust said excess deaths from the fever in Chile reached 900,000 last year, "
    "nearly {} times the official figure."
)
_TOLL = "The Hill Institute put the fever's toll in Chile last year at 6 times the recorded count."


def _verdicts(first: str, second: str) -> list[str]:
    """The verdicts of the quantities holding a multiple ("times"), in order."""
    texts = {"a": first, "b": second}
    claims = pl.concat(
        [
            extract_claims(first, doc_id="a", outlet="Coast Herald", published=_DAY),
            extract_claims(second, doc_id="b", outlet="Bay Times", published=_DAY),
        ]
    )
    result = reconcile(claims, texts=texts)
    multiples = result.claims.filter(pl.col("unit") == "times").get_column("quantity_id")
    quantities = result.quantities.filter(pl.col("quantity_id").is_in(multiples.implode()))
    return sorted(quantities.get_column("verdict").cast(pl.String).to_list())


@pytest.mark.parametrize(
    ("first", "second", "verdicts"),
    [
        # the base named in its own words, the measure in the sentence: far apart, diverge
        (_OWN_BASE.format(10), _TOLL, ["diverge"]),
        # the same two within tolerance of each other: they agree
        (_OWN_BASE.format("6.2"), _TOLL, ["agree"]),
        # a multiple of another count is no multiple of the official one: not compared
        (
            "Valley Trust said excess deaths from the fever in Chile reached 900,000 last year, "
            "nearly 10 times the 90,000 the hospitals counted.",
            _TOLL,
            ["single", "single"],
        ),
    ],
)
def test_a_multiple_naming_the_official_count_is_read_from_its_own_words(
    first: str, second: str, verdicts: list[str]
) -> None:
    assert _verdicts(first, second) == verdicts
