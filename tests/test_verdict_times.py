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
from reconcile.verdicts import REMAINING, with_remaining

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


def _two_days(first: str, second: str, *, next_day: bool = True) -> str:
    """The verdict on two sources' figures, the second's report a day later (or the same day)."""
    day = dt.date(2031, 3, 2)
    frames = [
        extract_claims(first, doc_id="d0", outlet="Coast Herald", published=day),
        extract_claims(
            second, doc_id="d1", outlet="Bay Times", published=day + dt.timedelta(days=next_day)
        ),
    ]
    quantities = reconcile(pl.concat(frames)).quantities
    assert quantities.height == 1, quantities
    return str(quantities["verdict"][0])


_FIRE = "Firefighters in Portugal said {} people were {}missing after the flood."
_POLICE = "Police in Portugal said {} people were {}missing after the flood."


@pytest.mark.parametrize(
    ("first", "second", "next_day", "verdict"),
    [
        # what is left of a count ("still missing") falls as people are found: a lower
        # figure of the next day is the count updated
        (_FIRE.format("21", "still "), _POLICE.format("nine", "still "), True, "growth"),
        (
            "Doctors in Portugal said 46 people remained in hospital after the crash.",
            "The health ministry of Portugal said 19 people remained in hospital.",
            True,
            "growth",
        ),
        # without the words of what is left, two sources a day apart disagree
        (_FIRE.format("21", ""), _POLICE.format("nine", ""), True, "diverge"),
        # a higher figure of the next day does not fall, and one of the same day is a rival
        (_FIRE.format("nine", "still "), _POLICE.format("21", "still "), True, "diverge"),
        (_FIRE.format("21", "still "), _POLICE.format("nine", "still "), False, "diverge"),
    ],
)
def test_what_is_left_of_a_count_falls_without_a_rival(
    first: str, second: str, next_day: bool, verdict: str
) -> None:
    assert _two_days(first, second, next_day=next_day) == verdict


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        ("Police said 21 people were still missing.", True),
        ("The hospital said 46 remained in hospital on Friday.", True),
        ("Officials said 85 still missing in the north.", True),
        ("Still, 30 people died in the storm.", False),
        ("Thirty people died, but rescuers still hope to find more.", False),
        ("Police said 30 people died and others remain missing.", False),
    ],
)
def test_with_remaining_reads_the_words_right_after_a_figure(sentence: str, left: bool) -> None:
    claims = extract_claims(sentence, doc_id="d0").filter(pl.col("value") != 0)
    read = with_remaining(claims.head(1))
    assert read.get_column(REMAINING).to_list() == [left]


@pytest.mark.parametrize(
    ("later", "verdict"),
    [
        # the later report names the place: it reads the railway's figure from its own
        # words, and the figure is the same source's same figure as the first report's
        (
            "In Peru, Andes Rail said 312 passengers were on board, and the Rail Workers "
            "Union said 450 passengers were on board.",
            "diverge",
        ),
        # no report names the place nor sets the two against each other: the figures may
        # be of two trains, no divergence
        ("The Rail Workers Union said 450 passengers were on board the train.", "uncertain"),
    ],
)
def test_one_report_reading_a_figure_from_its_own_words_makes_it_sure(
    later: str, verdict: str
) -> None:
    day = dt.date(2031, 3, 4)
    frames = [
        extract_claims(
            "Andes Rail said 312 passengers were on board the train.",
            doc_id="d0",
            outlet="Coast Herald",
            published=day,
        ),
        extract_claims(later, doc_id="d1", outlet="Bay Times", published=day + dt.timedelta(1)),
    ]
    quantities = reconcile(pl.concat(frames)).quantities
    assert quantities.height == 1, quantities
    assert quantities["verdict"][0] == verdict
