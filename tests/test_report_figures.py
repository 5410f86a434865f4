"""The figures a reader sees in the table of every figure: each is one a source gave, never
a middle made up between two of them (made-up quantities and numbers, no real story)."""

from __future__ import annotations

from typing import Any

import pytest

from newsfigures import report


def _q(verdict: str, best: float | None, unit: str | None = "ferry") -> dict[str, Any]:
    return {"best": best, "unit": unit, "per": None, "verdict": verdict, "doubtful": []}


def _a(best: float, bound: str = "exact", **kw: Any) -> dict[str, Any]:
    return {"best": best, "bound": bound, "qualifier": None, "surface": None, **kw}


@pytest.mark.parametrize(
    ("quantity", "estimates", "middle", "span"),
    [
        # one source giving two different figures: both shown, no middle between them
        (_q("single", 350.0), [_a(200.0), _a(500.0)], "", "200 ferries and 500 ferries"),
        # the same source's three figures are listed too
        (
            _q("echo", 30.0),
            [_a(10.0), _a(30.0), _a(40.0)],
            "",
            "10 ferries, 30 ferries and 40 ferries",
        ),
        # a single estimate is shown as said: its hedge, or its range and not its middle
        (
            _q("single", 1200.0),
            [_a(1200.0, "lower", qualifier="more than")],
            "more than 1,200 ferries",
            "",
        ),
        (
            _q("single", 65.0),
            [_a(65.0, "range", interval_low=50.0, interval_high=80.0)],
            "between 50 and 80 ferries",
            "",
        ),
        # an order of size written in words stays in words
        (
            _q("single", 5500.0),
            [_a(5500.0, "range", interval_low=1000.0, interval_high=10000.0, surface="thousands")],
            "thousands",
            "",
        ),
        # one voice's range beside its own figure: the range's ends, never its middle
        (
            _q("single", 70.0),
            [_a(65.0, "range", interval_low=50.0, interval_high=80.0), _a(75.0)],
            "",
            "between 50 and 80 ferries; 75 ferries",
        ),
        # two sources: no figure lies between them to call the middle
        (_q("diverge", 650.0), [_a(300.0), _a(1000.0)], "", "300 ferries and 1,000 ferries"),
        # three sources: the middle one is a figure given
        (
            _q("agree", 104.0),
            [_a(100.0), _a(104.0), _a(110.0)],
            "104 ferries",
            "100 ferries to 110 ferries",
        ),
        # four: the two figures either side of the middle, each one given
        (
            _q("diverge", 95.0),
            [_a(60.0), _a(90.0), _a(100.0), _a(101.0)],
            "90 ferries and 100 ferries",
            "60 ferries to 101 ferries",
        ),
        # a range among several sources' figures spans from its own ends
        (
            _q("agree", 80.0),
            [_a(65.0, "range", interval_low=50.0, interval_high=80.0), _a(80.0), _a(85.0)],
            "80 ferries",
            "50 ferries to 85 ferries",
        ),
    ],
)
def test_every_figure_shown_is_one_a_source_gave(
    quantity: dict[str, Any], estimates: list[dict[str, Any]], middle: str, span: str
) -> None:
    assert report.figure_cells(quantity, estimates) == (middle, span)


def test_without_estimates_the_middle_is_the_quantity_s_own() -> None:
    assert report.figure_cells(_q("single", 40.0), []) == ("40 ferries", "")


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("decrease", "down by more than 300 ferries"),
        ("increase", "up by more than 300 ferries"),
        (None, "more than 300 ferries"),
    ],
)
def test_a_change_says_which_way(change: str | None, said: str) -> None:
    estimate = _a(300.0, "lower", qualifier="more than", change=change)
    assert report.figure_cells(_q("single", 300.0), [estimate]) == (said, "")


@pytest.mark.parametrize(
    ("qualifier", "said"),
    [
        ("surpassed", "more than 300 ferries"),
        ("Exceeds", "more than 300 ferries"),
        (">", "more than 300 ferries"),
        ("≥", "at least 300 ferries"),
        ("<", "less than 300 ferries"),
        ("nearly", "nearly 300 ferries"),
    ],
)
def test_a_hedge_read_from_a_verb_or_sign_is_said_in_words(qualifier: str, said: str) -> None:
    assert report.format_amount(300.0, "ferry", qualifier=qualifier) == said
