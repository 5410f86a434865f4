"""When a figure is: days, weekdays, "last year", "years ago", later years, quarters and a
year's end.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run


def test_two_marches_days_apart_are_two_quantities() -> None:
    result = _run(
        {
            "a": ("Police said 20,000 people marched in Lisbon on Saturday.", MARCH),
            "b": ("Police said 26,000 people marched in Lisbon on Saturday.", MARCH.replace(day=18)),
        }
    )  # fmt: skip
    assert _of(result, "20,000")["quantity_id"] != _of(result, "26,000")["quantity_id"]


@pytest.mark.parametrize(
    ("text", "published", "dates"),
    [
        # a weekday in the possessive dates the event, not the count ("said on Tuesday")
        (
            "The number of people killed by Sunday's storm in Portugal has risen to 40, "
            "the civil protection agency said on Tuesday.",
            dt.date(2031, 3, 5),
            {"40": dt.date(2031, 3, 4)},
        ),
        # the day after a figure of "from" dates that figure, not the sentence's others
        (
            "The Interior Ministry said 200,000 people protested across Portugal, down "
            "from 350,000 on March 3.",
            dt.date(2031, 3, 18),
            {"200,000": dt.date(2031, 3, 18), "350,000": dt.date(2031, 3, 3)},
        ),
        # ... also where the sentence says when it was said: the figure of "from" is of its
        # own day, and the figure it moved to of the day of saying
        (
            "The agency said on Thursday that 31 people had died in Peru, up from 12 on Monday.",
            dt.date(2031, 3, 8),
            {"31": dt.date(2031, 3, 6), "12": dt.date(2031, 3, 3)},
        ),
        (
            "Officials said on March 9 that 5,000 homes in Peru had lost power, down from "
            "8,000 on March 7.",
            dt.date(2031, 3, 10),
            {"5,000": dt.date(2031, 3, 9), "8,000": dt.date(2031, 3, 7)},
        ),
        # a weekday in a clause of "since" is when a span began, not the date of the figure
        (
            "Farmers in Peru say 3,000 tonnes of grain have rotted since the lorry drivers "
            "stopped work on Monday.",
            dt.date(2031, 3, 6),
            {"3,000": dt.date(2031, 3, 6)},
        ),
        # a day in a clause of a verb of starting is when the event began: the figure is of
        # the day "by" names, else of its report
        (
            "A blaze that broke out on Thursday near Braga had burned 900 hectares by Friday "
            "evening, firefighters said.",
            dt.date(2031, 3, 8),
            {"900": dt.date(2031, 3, 7)},
        ),
        (
            "The dock strike, which began on March 2, has held up 40 ships in Lisbon, the "
            "port authority said.",
            dt.date(2031, 3, 9),
            {"40": dt.date(2031, 3, 9)},
        ),
        # a time a relative clause set off by commas names dates that clause's figures,
        # not the figure of the clause it sits in
        (
            "The water board, which shut two wells last week, says 4,200 homes in Peru "
            "have no running water.",
            dt.date(2031, 3, 8),
            {"4,200": dt.date(2031, 3, 8)},
        ),
        (
            "The union, whose members walked out on Monday, says 9,000 teachers in Peru "
            "are on strike.",
            dt.date(2031, 3, 8),
            {"9,000": dt.date(2031, 3, 8)},
        ),
        (
            "Ticket sales, which fell 12% on Monday, dropped a further 8% on Tuesday in Peru.",
            dt.date(2031, 3, 5),
            {"12%": dt.date(2031, 3, 3), "8%": dt.date(2031, 3, 4)},
        ),
        # "the same day" is the day the sentence before names, when that one names a day
        (
            "The ministry said on Monday that 78 people had died of cholera in Peru. "
            "Doctors put the toll at 140 the same day.",
            dt.date(2031, 3, 6),
            {"78": dt.date(2031, 3, 3), "140": dt.date(2031, 3, 3)},
        ),
        (
            "The ministry says 78 people have died of cholera in Peru. "
            "Doctors put the toll at 140 on the same day.",
            dt.date(2031, 3, 6),
            {"78": dt.date(2031, 3, 6), "140": dt.date(2031, 3, 6)},
        ),
        # a year or a season the figure's own words name wins over the day of saying
        (
            "The flood of 1994 killed 27 people in Peru, the agency said on Saturday.",
            dt.date(2031, 3, 5),
            {"27": dt.date(1994, 7, 1)},
        ),
        (
            "Nine people died in forest fires in Chile last summer, the ministry said on Tuesday.",
            dt.date(2031, 3, 5),
            {"Nine people": dt.date(2030, 7, 1)},
        ),
        # "last summer" is this year's once its middle is well past, and "last winter" in
        # March the winter just ended
        (
            "Nine people died in forest fires in Chile last summer, the ministry said.",
            dt.date(2031, 10, 20),
            {"Nine people": dt.date(2031, 7, 1)},
        ),
        (
            "Last winter, 40 people died of the cold in Peru.",
            dt.date(2031, 3, 5),
            {"40": dt.date(2031, 1, 1)},
        ),
        # ... and a weekday the figure's clause says is to come is no date of it
        (
            "Nurses in Peru will go back to work on Friday after they accepted an 8% pay rise.",
            dt.date(2031, 3, 4),
            {"8%": dt.date(2031, 3, 4)},
        ),
    ],
)
def test_the_date_of_a_figure(text: str, published: dt.date, dates: dict[str, dt.date]) -> None:
    result = _run({"a": (text, published)})
    assert {surface: _of(result, surface)["as_of"] for surface in dates} == dates


def test_last_year_dates_only_the_figure_without_a_year_of_its_own() -> None:
    result = _on_one_day(
        "Economists at a Lima bank expect growth of 2.5% in 2031, down from 3.2% last year."
    )
    assert _of(result, "2.5%")["as_of"] == MARCH
    assert _of(result, "3.2%")["as_of"].year == MARCH.year - 1


def test_a_sentence_that_opens_with_last_year_dates_all_its_figures() -> None:
    result = _on_one_day("Last year, 300 people died in Peru and 200 were injured.")
    assert (
        _of(result, "300")["as_of"] == _of(result, "200")["as_of"] == dt.date(MARCH.year - 1, 7, 1)
    )


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        ("The bank expects Peru's economy to grow 1.5% this year and 2.0% in 2032.", "2.0%",
         "2032"),
        ("Peru's economy grew 0.4% in the fourth quarter and 2.8% in 2030.", "0.4%",
         "fourth quarter"),
        # what analysts expected is a projection set against the level reported
        ("A Lima bank made a profit of 212 million soles; analysts had expected a profit of "
         "350 million soles.", "350 million", "projected"),
        ("A Lima bank's profit of 212 million soles fell short of the 347 million soles "
         "average forecast of analysts.", "347 million", "projected"),
    ],
)  # fmt: skip
def test_a_later_year_or_a_quarter_is_a_period_of_its_own(
    text: str, surface: str, period: str
) -> None:
    result = _on_one_day(text)
    row = _of(result, surface)
    assert row["period"] == period
    others = result.claims.filter(pl.col("surface") != row["surface"])
    assert row["quantity_id"] not in set(others.get_column("quantity_id"))


def test_a_level_foreseen_for_the_year_s_end_is_not_the_level_now() -> None:
    result = _on_one_day(
        "The unemployment rate in Peru stood at 6.1% in December. The central bank expects "
        "unemployment to rise to 6.9% by the end of the year.",
        "Peru's debt will reach 60% of GDP by the end of 2033, the lender said.",
    )
    now, then = _of(result, "6.1%"), _of(result, "6.9%")
    assert then["period"] == f"end of {MARCH.year}"
    assert now["quantity_id"] != then["quantity_id"]
    assert _of(result, "60%")["period"] == "end of 2033"


def test_years_ago_dates_a_figure_of_that_year() -> None:
    result = _on_one_day("Turnout in Peru was 61%, up from the 55% of four years ago.")
    assert _of(result, "55%")["as_of"] == dt.date(MARCH.year - 4, 7, 1)
    assert _of(result, "61%")["as_of"] == MARCH


@pytest.mark.parametrize(
    ("text", "surface", "as_of"),
    [
        # the year something came to be is not the date of a figure its sentence gives
        ("The bank, founded in Lima in 1902, has 1.3 million customers in Peru.", "1.3 million",
         MARCH),
        ("Founded in 1950, the airline of Peru carries 12 million passengers a year.",
         "12 million", MARCH),
        ("The dam in Peru, built in the 1960s, holds 2 billion cubic metres of water.",
         "2 billion", MARCH),
        # a figure between the verb and the year is that year's
        ("The city in Peru opened 120 shelters in 2029.", "120", dt.date(2029, 7, 1)),
        ("The museum in Peru, which opened in 1988, had 400,000 visitors in 2029.", "400,000",
         dt.date(2029, 7, 1)),
    ],
)  # fmt: skip
def test_the_year_something_was_founded_does_not_date_its_figures(
    text: str, surface: str, as_of: dt.date
) -> None:
    assert _of(_run({"a": (text, MARCH)}), surface)["as_of"] == as_of


@pytest.mark.parametrize(
    ("text", "planned", "now"),
    [
        ("The government of Peru plans to raise the retirement age from 62 to 64.", "64", "62"),
        ("The government of Peru wants to lift the retirement age to 64 from 62 by 2035.", "64",
         "62"),
        ("Peru's new budget aims to cut the deficit to 3% of GDP, from 4% of GDP now.", "3%",
         "4%"),
    ],
)  # fmt: skip
def test_a_level_a_plan_sets_is_no_level_of_now(text: str, planned: str, now: str) -> None:
    result = _run({"a": (text, MARCH)})
    assert _of(result, planned)["period"] == "projected"
    assert _of(result, now)["period"] != "projected"
    assert _of(result, planned)["quantity_id"] != _of(result, now)["quantity_id"]


def test_a_level_already_set_is_no_plan() -> None:
    result = _run({"a": ("Peru raised the retirement age from 62 to 64 in 2029.", MARCH)})
    assert _of(result, "64")["period"] != "projected"


@pytest.mark.parametrize("when", ["that July", "that summer", "that year"])
def test_a_month_or_season_of_that_is_of_the_year_named_before(when: str) -> None:
    text = (
        f"Peru still remembers the summer of 2022. A heatwave {when} killed 1,140 people, the "
        "statistics office said. This week 40 people have died in Peru."
    )
    result = _run({"a": (text, MARCH)})
    assert _of(result, "1,140")["as_of"].year == 2022
    assert _of(result, "1,140")["quantity_id"] != _of(result, "40 people")["quantity_id"]


def test_a_figure_of_a_past_year_given_again_without_it_keeps_its_year() -> None:
    # the second article names the old storm's toll again, but not its year: it is still
    # the figure of 2011, not a count of now to set against this storm's
    result = _run(
        {
            "a": ("In Peru, the storm of 2011 left 1,350 people dead. The new storm has killed "
                  "40 people, officials said.", MARCH),
            "b": ("The toll in Peru, now 75 dead, is far below the 1,350 deaths of the last "
                  "great storm.", MARCH.replace(day=9)),
        }
    )  # fmt: skip
    then = [_of(result, surface, doc) for surface, doc in (("1,350 people", "a"),
                                                           ("1,350 deaths", "b"))]  # fmt: skip
    assert then[0]["period"] == then[1]["period"] == "2011"
    assert then[0]["quantity_id"] == then[1]["quantity_id"]
    assert _of(result, "75 dead")["quantity_id"] != then[1]["quantity_id"]


def test_a_projection_is_not_carried_to_a_count_of_the_same_value() -> None:
    result = _run(
        {
            "a": ("In Peru, officials said the toll could reach 2,000.", MARCH),
            "b": ("The toll in Peru reached 2,000 dead on Friday, officials said.",
                  MARCH.replace(day=9)),
        }
    )  # fmt: skip
    assert _of(result, "2,000", "a")["period"] == "projected"
    assert _of(result, "2,000 dead", "b")["period"] is None


def test_a_figure_in_a_clause_about_a_past_year_s_event_is_of_that_year() -> None:
    result = _on_one_day("The minister recalled the 2012 collapse at a shaft, which killed 22 men.")
    assert _of(result, "22")["as_of"].year == 2012
