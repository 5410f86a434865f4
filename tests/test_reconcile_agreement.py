"""When two sources' figures agree: a printed figure stands for anything within 5% of it
(the tolerance of reconcile_dev's rule 1), however finely it is rounded."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.compare import _changed_by_quantity
from reconcile.sources import may_be_one_source
from reconcile.verdicts import TOLERANCE, _changed, _conflict, _doubt, _is_stray, strays_apart


def _two(first: str, second: str) -> list[str]:
    claims = pl.concat(
        [
            extract_claims(first, doc_id="a", outlet="A", published=dt.date(2031, 4, 2)),
            extract_claims(second, doc_id="b", outlet="B", published=dt.date(2031, 4, 2)),
        ]
    )
    return reconcile(claims).quantities["verdict"].to_list()


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        # 4% apart: within the reach of two printed figures, though each is rounded to 0.1
        (
            "The Forest Office said fires burned 7.3 million hectares in Peru.",
            "The Park Agency said fires burned 7.6 million hectares in Peru.",
            "agree",
        ),
        (
            "The Ledger Institute said the tariff cut output in Peru by 5%.",
            "The Harbour Bank said the tariff cut output in Peru by 5.5%.",
            "agree",
        ),
        # 18% apart: the two reaches do not meet
        (
            "The Ledger Institute said the tariff cut output in Peru by 4%.",
            "The Harbour Bank said the tariff cut output in Peru by 4.9%.",
            "diverge",
        ),
        (
            "The Coast Bureau said 300 people died in the Peru landslide.",
            "The Red Cross said 345 people died in the Peru landslide.",
            "diverge",
        ),
    ],
)
def test_two_sources_agree_within_the_tolerance_of_a_printed_figure(
    first: str, second: str, verdict: str
) -> None:
    assert _two(first, second) == [verdict]


def _row(best: float, bound: str, low: float | None, high: float | None) -> dict[str, object]:
    return {"best": best, "bound": bound, "interval_low": low, "interval_high": high}


def test_only_exact_figures_are_widened_to_the_tolerance() -> None:
    step = 1 + 1.5 * TOLERANCE  # the reaches of two exact figures overlap up to 2*TOLERANCE
    exact = _row(100.0, "exact", 99.5, 100.5)
    assert not _conflict(exact, _row(100 * step, "exact", 100 * step - 0.5, 100 * step + 0.5), 0.25)
    # "up to 100" and "at least 108" say what they say: no widening of a stated bound
    upper = _row(100.0, "upper", None, 100.0)
    assert _conflict(upper, _row(108.0, "exact", 107.5, 108.5), 0.25)
    assert not _conflict(upper, _row(104.0, "exact", 103.5, 104.5), 0.25)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The Coast Bureau said nearly 2,000 people died in Peru.", 1800.0, 2000.0),
        ("The Coast Bureau said just over 2,000 people died in Peru.", 2000.0, 2200.0),
        ("The Coast Bureau said a little over 2,000 people died in Peru.", 2000.0, 2200.0),
        # a plain bound stays open on its far side; "close to" is approx, read on both sides
        ("The Coast Bureau said up to 2,000 people died in Peru.", None, 2000.0),
        ("The Coast Bureau said more than 2,000 people died in Peru.", 2000.0, None),
        ("The Coast Bureau said close to 2,000 people died in Peru.", 1800.0, 2200.0),
        # "closer to" and "nearer" a figure, said against another, put it about there
        ("The Coast Bureau said the toll in Peru was closer to 2,000.", 1800.0, 2200.0),
        ("The Coast Bureau put the toll in Peru nearer 2,000 people.", 1800.0, 2200.0),
    ],
)
def test_near_hedges_close_the_interval_at_ten_percent(
    text: str, low: float | None, high: float | None
) -> None:
    claims = extract_claims(text, doc_id="a", outlet="A", published=dt.date(2031, 4, 2))
    row = reconcile(claims).claims.row(0, named=True)
    assert row["interval_low"] == pytest.approx(low) if low else row["interval_low"] is None
    assert row["interval_high"] == pytest.approx(high) if high else row["interval_high"] is None


def _undated(first: str, second: str) -> list[str]:
    claims = pl.concat(
        [
            extract_claims(first, doc_id="a", outlet="A", published=None),
            extract_claims(second, doc_id="b", outlet="B", published=None),
        ]
    )
    return reconcile(claims).quantities["verdict"].to_list()


def test_a_time_that_cannot_be_resolved_never_makes_a_divergence() -> None:
    later = "The Harbour Bank said the tariff cut output in Peru by 6%."
    plain = "The Ledger Institute said the tariff cut output in Peru by 4%."
    # "last year" with no publication date to count back from: of another, unknown time
    back = "The Ledger Institute said last year that the tariff cut output in Peru by 4%."
    assert _undated(plain, later) == ["diverge"]
    assert _undated(back, later) == ["uncertain"]


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("investment bank Goldwater Partners", "published by the lender Goldwater Partners", True),
        ("Goldwater Partners", "the broker Goldwater Partners (GP)", True),
        ("Bank of Ruritania", "Church of Ruritania", False),
        ("Bank of Ruritania spokesman Jo Bloggs", "Bank of Ruritania", True),
        ("the lender Goldwater Partners", "the lender Silverline Capital", False),
    ],
)
def test_one_name_with_different_words_before_it_may_be_one_source(
    a: str, b: str, one: bool
) -> None:
    assert may_be_one_source(a, b) is one


def _dated(*parts: tuple[str, dt.date]) -> pl.DataFrame:
    """One document per (text, publication date), each of its own outlet."""
    return reconcile(
        pl.concat(
            [
                extract_claims(text, doc_id=f"d{i}", outlet=f"Outlet {i}", published=day)
                for i, (text, day) in enumerate(parts)
            ]
        )
    ).quantities


_SPRING, _AUTUMN = dt.date(2031, 4, 2), dt.date(2031, 9, 10)


@pytest.mark.parametrize(
    ("spring", "verdict"),
    [
        # the bound rounds down the exact count given beside it: the spring level is 96,240,
        # within 5% of the autumn's 99,870, so nothing grew (one source: an echo)
        (
            "The Harbour Agency put the number of migrants in Chad at over 90,000. "
            "The Harbour Agency counted 96,240 migrants in Chad.",
            "echo",
        ),
        # the same bound alone is the spring level: 90,000 to 99,870 is growth
        ("The Harbour Agency put the number of migrants in Chad at over 90,000.", "growth"),
    ],
)
def test_a_bound_beside_an_exact_figure_of_its_day_is_not_a_level_of_its_own(
    spring: str, verdict: str
) -> None:
    autumn = "The Harbour Agency counted 99,870 migrants in Chad."
    assert _dated((spring, _SPRING), (autumn, _AUTUMN))["verdict"].to_list() == [verdict]


@pytest.mark.parametrize(
    ("rows", "changed"),
    [
        # (date, best, bound): the bound on day 1 beside its exact figure is left out
        ([(1, 100.0, "lower"), (1, 104.0, "exact"), (2, 106.0, "exact")], False),
        ([(1, 100.0, "lower"), (2, 106.0, "exact")], True),
        ([(1, 110.0, "upper"), (1, 104.0, "approx"), (2, 106.0, "exact")], False),
        # a day of bounds only is read at its bounds
        ([(1, 100.0, "lower"), (1, 101.0, "upper"), (2, 100.5, "exact")], False),
        ([(1, 90.0, "upper"), (2, 100.0, "exact"), (2, 120.0, "lower")], True),
    ],
)
def test_a_days_level_leaves_out_its_bounds_when_it_has_a_figure(
    rows: list[tuple[int, float, str]], changed: bool
) -> None:
    dated = [
        {"quantity_id": "q", "as_of": dt.date(2031, 1, d), "best": b, "bound": k}
        for d, b, k in rows
    ]
    assert _changed(dated, TOLERANCE) is changed
    frame = pl.DataFrame(
        dated,
        schema={"quantity_id": pl.String, "as_of": pl.Date, "best": pl.Float64, "bound": pl.String},
    )
    assert _changed_by_quantity(frame, TOLERANCE)["_changed"].to_list() == [changed]


@pytest.mark.parametrize(
    ("value", "middle", "count", "stray"),
    [
        (475.0, 366_000.0, 3, True),  # a figure printed without its thousands
        (366_000.0, 475.0, 3, True),
        (80_000.0, 366_000.0, 3, False),  # under five times: a rival figure, or a part of it
        (475.0, 366_000.0, 2, False),  # of two figures, which is the odd one is not known
        (0.0, 366_000.0, 5, False),
        (-2_000.0, 100.0, 4, True),
    ],
)
def test_a_figure_over_five_times_from_the_middle_of_three_or_more_is_a_stray(
    value: float, middle: float, count: int, stray: bool
) -> None:
    assert _is_stray(value, middle, count) is stray


def test_a_stray_is_set_aside_and_the_rest_are_judged() -> None:
    bureau = ("The Coast Bureau said 300,000 refugees live in Chad.", _SPRING)
    cross = ("The Red Cross said 310,000 refugees live in Chad.", _SPRING)
    stray = ("The Aid League said 310 refugees live in Chad.", _SPRING)
    judged = _dated(bureau, cross, stray)
    assert judged["verdict"].to_list() == ["agree"]
    assert "set aside" in judged["why"][0] and "310 from Aid League" in judged["why"][0]
    # with two figures only, neither can be called the stray: possibly the same, no more
    assert _dated(bureau, stray)["verdict"].to_list() == ["uncertain"]


def _strays(concept: str, figures: list[tuple[float, int]]) -> list[bool]:
    """Which of ``figures`` (value, day of the month) ``strays_apart`` moves out of their
    quantity."""
    frame = pl.DataFrame(
        {
            "quantity_id": ["q"] * len(figures),
            "concept_key": [concept] * len(figures),
            "norm_value": [float(v) for v, _ in figures],
            "as_of": [dt.date(2030, 5, d) for _, d in figures],
        }
    )
    return [q != "q" for q in strays_apart(frame).get_column("quantity_id")]


@pytest.mark.parametrize(
    ("concept", "figures", "moved"),
    [
        # a toll that only grows: the first day's few dead and a week later's hundreds are
        # the count as it stood then, steps of one series
        ("death", [(9, 1), (55, 3), (61, 3), (70, 4), (400, 9)], [False] * 5),
        # a far figure dated among the others is a count of something else
        ("death", [(55, 3), (400, 3), (61, 3), (70, 4)], [False, True, False, False]),
        ("death", [(9, 4), (55, 3), (61, 3), (70, 4)], [True, False, False, False]),
        # a lower figure after the rest is no step of a count that only grows
        ("death", [(55, 3), (61, 3), (70, 4), (9, 9)], [False, False, False, True]),
        # a measure that does not only grow keeps its far figures apart, in order or not
        ("trapped", [(2, 1), (23, 3), (25, 3), (31, 4)], [True, False, False, False]),
    ],
)
def test_a_far_figure_in_time_order_is_a_step_of_a_growing_count(
    concept: str, figures: list[tuple[float, int]], moved: list[bool]
) -> None:
    assert _strays(concept, figures) == moved


@pytest.mark.parametrize(
    ("text", "published", "as_of"),
    [
        # a day and month with no year: the last such day up to publication
        (
            "On June 14, the Coast Bureau said 300 people died in Chad.",
            _SPRING,
            dt.date(2030, 6, 14),
        ),
        (
            "As of 20 March the Coast Bureau said 300 people died in Chad.",
            _SPRING,
            dt.date(2031, 3, 20),
        ),
        (
            "By Feb. 3 the Coast Bureau said 300 people had died in Chad.",
            _AUTUMN,
            dt.date(2031, 2, 3),
        ),
        # with its year, the sentence's own date
        (
            "On June 14, 2029, the Coast Bureau said 300 people died in Chad.",
            _SPRING,
            dt.date(2029, 6, 14),
        ),
        # in a document with no date, it cannot be placed
        ("On June 14, the Coast Bureau said 300 people died in Chad.", None, None),
    ],
)
def test_a_day_and_month_without_a_year_is_the_last_such_day_before_publication(
    text: str, published: dt.date | None, as_of: dt.date | None
) -> None:
    claims = extract_claims(text, doc_id="a", outlet="A", published=published)
    assert reconcile(claims).claims["as_of"][0] == as_of


@pytest.mark.parametrize(
    "placed",
    [
        "On June 14, the Coast Bureau said 300 people had died in Chad.",
        "The Coast Bureau said on Friday that 300 people had died in Chad.",
        "The Coast Bureau said 300 people had died in Chad by the end of June.",
    ],
)
def test_a_time_an_undated_document_cannot_place_never_makes_a_divergence(placed: str) -> None:
    other = "The Red Cross said 390 people had died in Chad."
    plain = "The Coast Bureau said 300 people had died in Chad."
    # two undated documents' figures are taken to be of one time, and may diverge ...
    assert _undated(plain, other) == ["diverge"]
    # ... but not when one sentence names a time that nothing dates: possibly the same
    assert _undated(placed, other) == ["uncertain"]


def _side(who: str, best: float, sure: bool = True) -> dict[str, object]:
    return {"asserter": who, "best": best, "sure": sure}


@pytest.mark.parametrize(
    ("a", "b", "doubt"),
    [
        (_side("Coast Bureau", 300), _side("Red Cross", 390), None),
        (_side("Coast Bureau", 300), _side("Red Cross", 3_900), "over 5 times apart"),
        (_side("UN", 300), _side("UNWFP", 390), "may stand for one body"),
        (_side("Coast Bureau", 300, sure=False), _side("Red Cross", 390), "not read from its own"),
    ],
)
def test_an_uncertain_verdict_says_what_is_in_doubt(
    a: dict[str, object], b: dict[str, object], doubt: str | None
) -> None:
    said = _doubt(a, b)
    assert said is None if doubt is None else doubt in str(said)


def test_one_body_written_two_ways_on_two_days_updates_its_count() -> None:
    # a union in lower case one day and by its full name the next: one voice, its count
    # risen, not two sides in doubt
    judged = _dated(
        ("The cleaners' union said its members counted 410 patients on trolleys.", _SPRING),
        (
            "The Riverside Cleaners' Union (RCU) said its members counted 470 patients on "
            "trolleys.",
            _SPRING + dt.timedelta(days=1),
        ),
    )
    assert judged["verdict"].to_list() == ["growth"]


def test_the_why_of_an_uncertain_verdict_names_its_pair() -> None:
    # an umbrella body and one of its agencies, written as acronyms, 30% apart
    judged = _dated(
        ("The UN said 300 refugees live in Chad.", _SPRING),
        ("The UNWFP said 390 refugees live in Chad.", _SPRING),
    )
    assert judged["verdict"].to_list() == ["uncertain"]
    assert "300 from UN against 390 from UNWFP" in judged["why"][0]
    assert "may stand for one body" in judged["why"][0]
