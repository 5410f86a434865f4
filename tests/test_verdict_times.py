"""When one source's own figures of a quantity are far apart, the verdict turns on their
dates: figures of one time are possibly two measures (``uncertain``), while figures of
different times are the source's count updated, never two measures. Made-up reports of a
river ferry office, not any real story."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile

_WINTER = dt.date(2031, 1, 10)
_AUTUMN = dt.date(2031, 10, 10)


def _verdict(*reports: tuple[str, dt.date | None]) -> str:
    outlets = ("Coast Herald", "Bay Times", "Island Daily", "Delta Post")
    frames = [
        extract_claims(text, doc_id=f"d{i}", outlet=outlets[i], published=day)
        for i, (text, day) in enumerate(reports)
    ]
    quantities = reconcile(pl.concat(frames)).quantities
    assert quantities.height == 1, quantities
    return str(quantities["verdict"][0])


def _said(figure: str) -> str:
    return f"The Ferry Office said {figure} passengers used the river route."


@pytest.mark.parametrize(
    ("reports", "verdict"),
    [
        # a winter ceiling ("nearly 8,000") beside the winter count, then an autumn count
        # above the ceiling: the office updated its count, it did not give two measures
        (
            [
                (_said("8,415"), _WINTER),
                (_said("nearly 8,000"), _WINTER),
                (_said("8,720"), _AUTUMN),
            ],
            "echo",
        ),
        # the same ceiling and a count above it on one day: possibly two measures
        ([(_said("nearly 8,000"), _WINTER), (_said("8,720"), _WINTER)], "uncertain"),
        # one figure of one day, carried twice: an echo
        ([(_said("8,415"), _WINTER), (_said("8,420"), _WINTER)], "echo"),
    ],
)
def test_a_source_far_from_itself_is_two_measures_only_at_one_time(
    reports: list[tuple[str, dt.date | None]], verdict: str
) -> None:
    assert _verdict(*reports) == verdict


@pytest.mark.parametrize(
    ("second", "verdict"),
    [
        # one report, one office, and a figure twice the other's on the same day: possibly
        # two measures, never "one source only" as if there were one figure
        ("It later put the number at 17,900 passengers.", "uncertain"),
        # the same figure told again in other words: one source only
        ("It later put the number at 8,400 passengers.", "single"),
    ],
)
def test_one_report_far_from_itself_is_possibly_two_measures(second: str, verdict: str) -> None:
    assert _verdict((f"{_said('8,415')} {second}", _WINTER)) == verdict
