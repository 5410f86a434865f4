"""Frame rules read from how news is worded, on made-up stories (no real event's sentences):
losses of the economy, growth rates, chances, rates written after an amount, "since" dates,
a place adjective heading the subject, and vague magnitudes."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile


def _doc(text: str, doc: str = "a", day: int = 2, outlet: str = "Example Post") -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=dt.date(2031, 4, day))


def _two_outlets(first: str, second: str) -> pl.DataFrame:
    """Two reports of the same day by two outlets, A and B."""
    return pl.concat([_doc(first, "a", 2, "A"), _doc(second, "b", 2, "B")])


def _claim(text: str) -> dict[str, object]:
    return reconcile(_doc(text)).claims.row(0, named=True)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The dock strike has cost Peru 3% of GDP, the Harbour Institute said.", "gdp loss"),
        (
            "The Harbour Institute said the Peruvian economy is 3% smaller than it could be.",
            "gdp loss",
        ),
        ("Tariffs reduced Peru's economic output by 3%, the Harbour Institute said.", "gdp loss"),
        # a share of GDP that names its part measures that part's share ("exports")
        ("The Harbour Institute said exports make up 3% of Peru's GDP.", "gdp: exports"),
        ("Tariffs held back Peru's economic growth, for an overall reduction of 3%.", "gdp loss"),
        ("The Harbour Institute said economic growth in Peru was 3% last year.", "gdp growth"),
        ("The Harbour Institute sees a 30% chance of a port strike in Peru.", "probability"),
    ],
)
def test_shares_of_the_economy_say_what_they_measure(text: str, measure: str) -> None:
    assert _claim(text)["concept_key"] == measure


def test_a_share_lost_and_a_share_it_costs_are_one_quantity() -> None:
    claims = pl.concat(
        [
            _doc("The Harbour Institute said Peru has lost 3% of GDP to the strike.", "a", 2),
            _doc("The Harbour Institute said the strike costs Peru 3% of GDP.", "b", 3),
        ]
    )
    result = reconcile(claims)
    assert result.claims["quantity_id"].n_unique() == 1, result.claims
    assert result.quantities["concept"].to_list() == ["gdp loss"]


def test_money_the_economy_loses_is_a_cost_with_its_rate() -> None:
    row = _claim("The dock strike is costing the Peruvian economy 600 million dollars per week.")
    assert row["concept_key"] == "cost"
    assert row["per"] == "week"
    # a weekly amount is shown by the week, as written; brought to a month when asked
    assert row["norm_per"] == "week" and row["norm_value"] == pytest.approx(6e8)
    text = "The dock strike is costing the Peruvian economy 600 million dollars per week."
    monthly = reconcile(_doc(text), per="month").claims.row(0, named=True)
    assert monthly["norm_per"] == "month" and monthly["norm_value"] > 2.5e9


@pytest.mark.parametrize("rate", ["a week", "per week", "every week", "each week"])
def test_a_rate_written_after_the_amount_is_read(rate: str) -> None:
    row = _claim(f"The Harbour Institute said Peru spends $40m {rate} on the port.")
    assert row["per"] == "week"


@pytest.mark.parametrize(
    ("text", "surface", "per"),
    [
        # "a quarter" that is the amount is a fraction of something, not a rate per quarter
        (
            "Peru landed 9 million tonnes of fish, a quarter of the world's catch.",
            "a quarter",
            None,
        ),
        (
            "The Harbour Institute said a quarter of the dockers in Peru were laid off.",
            "a quarter",
            None,
        ),
        # a quarter after an amount is the period the amount is counted over
        ("The Harbour Institute said Peru loses $40m a quarter to the strike.", "$40m", "quarter"),
    ],
)
def test_a_fraction_named_like_a_period_is_no_rate(
    text: str, surface: str, per: str | None
) -> None:
    rows = reconcile(_doc(text)).claims.filter(pl.col("surface") == surface)
    assert rows.height == 1, rows
    assert rows["per"][0] == per


def test_a_count_begun_since_a_month_is_dated_by_its_report() -> None:
    row = _claim("Since June 2030 the Coast Bureau has paid out $3m to families in Peru.")
    assert row["as_of"] == dt.date(2031, 4, 2)
    row = _claim("In June 2030 the Coast Bureau paid out $3m to families in Peru.")
    assert row["as_of"] == dt.date(2030, 6, 1)


def test_a_place_adjective_heading_the_subject_places_the_figure() -> None:
    text = (
        "A port strike hit Peru last week. "
        "Chilean farmers would suffer most, the analysts said, and could lose 2% of income."
    )
    result = reconcile(_doc(text), texts={"a": text})
    assert result.claims.filter(pl.col("surface").str.contains("2%"))["entity"].to_list() == [
        "Chile"
    ]
    # a place adjective naming a source ("Chilean officials") places nothing
    text = (
        "A port strike hit Peru last week, and Peru's ports are shut. "
        "Chilean officials said, after a long meeting, that 40 people died."
    )
    result = reconcile(_doc(text), texts={"a": text})
    assert result.claims["entity"].to_list() == ["Peru"]


def test_a_vague_magnitude_is_compared_with_nothing() -> None:
    claims = _two_outlets(
        "The Coast Bureau said 12,000 people were displaced in Peru.",
        "The Red Cross said thousands of people were displaced in Peru.",
    )
    result = reconcile(claims)
    assert result.claims["quantity_id"].n_unique() == 2, result.claims
    assert "diverge" not in result.quantities["verdict"].to_list()
    # the same two with a count on each side do diverge
    claims = _two_outlets(
        "The Coast Bureau said 12,000 people were displaced in Peru.",
        "The Red Cross said 3,000 people were displaced in Peru.",
    )
    assert reconcile(claims).quantities["verdict"].to_list() == ["diverge"]


def test_official_before_a_noun_is_an_adjective_not_a_source() -> None:
    text = "Chile's official tally of 2,400 deaths is the highest in the Americas after Peru."
    assert _claim(text)["entity"] == "Chile"


def test_a_measure_in_quotation_marks_is_read() -> None:
    text = "The Coast Bureau put the number of \u201cexcess\u201d deaths in Peru at 9,000."
    assert _claim(text)["concept_key"] == "excess death"


def test_a_rate_per_head_is_not_a_count() -> None:
    claims = _two_outlets(
        "The Coast Bureau counted 9,000 excess deaths in Peru.",
        "Peru had 42 excess deaths per 10,000 residents.",
    )
    result = reconcile(claims)
    assert result.claims["quantity_id"].n_unique() == 2, result.claims
    assert sorted(result.quantities["concept"].to_list()) == [
        "excess death",
        "excess death per 10,000 residents",
    ]


def test_an_official_toll_is_apart_from_estimates_and_from_other_counts() -> None:
    claims = pl.concat(
        [
            _doc("Peru's official death toll stands at 480, the ministry said.", "a", 2, "A"),
            _doc("The Coast Institute estimates that 3,000 people died in Peru.", "b", 2, "B"),
            _doc("The official tally of 500 deaths in Peru is too low, critics say.", "c", 3, "C"),
        ]
    )
    result = reconcile(claims)
    concept = dict(result.claims.select("doc_id", "concept_key").iter_rows())
    assert concept == {"a": "official death", "b": "death", "c": "official death"}
    assert "diverge" not in result.quantities["verdict"].to_list()
    # "official" with another figure between it and this one does not qualify this one
    text = "Official data show 40 roads were cut, and 300 people died in Peru."
    deaths = reconcile(_doc(text)).claims.filter(pl.col("surface").str.contains("300"))
    assert deaths["concept_key"].to_list() == ["death"]


def test_the_number_of_names_its_own_measure() -> None:
    text = "The Coast Bureau said 120 people died in Peru. The number of missing people was 40."
    rows = reconcile(_doc(text)).claims.select("surface", "concept_key").rows()
    assert rows[-1][1] == "missing", rows


def test_round_number_odd_is_no_part_of_the_noun() -> None:
    row = _claim("The ministry has recorded 500-odd deaths in Peru since the storm.")
    assert row["concept_key"] == "death"
    assert row["unit"] is None or not str(row["unit"]).startswith("odd")


def test_an_undated_document_is_dated_by_an_ordinal_date_in_its_text() -> None:
    text = "By 6 pm on Friday (14th March 2031), 300 people had died in Peru."
    claims = extract_claims(text, doc_id="a", outlet="Example Post")
    assert reconcile(claims).claims["as_of"].to_list() == [dt.date(2031, 3, 14)]


def test_a_part_of_the_figure_before_is_measured_as_that_part() -> None:
    claims = pl.concat(
        [
            _doc("There were 700 fires in Chile, 300 of them out of control.", "a", 2, "A"),
            _doc(
                "There were 900 fires in Chile, including 420 deemed out of control.", "b", 9, "B"
            ),
        ]
    )
    result = reconcile(claims)
    concept = dict(result.claims.select("surface", "concept_key").iter_rows())
    assert concept["300"] == concept["420"] == "fire: out of control", concept
    assert concept["700 fires"] == concept["900 fires"] == "fire"
    assert "diverge" not in result.quantities["verdict"].to_list()


@pytest.mark.parametrize(
    "text",
    [
        "Chile had 640 active fires on Monday, 350 of them out of control.",
        "Chile had 640 fires still burning on Monday, 350 of them out of control.",
        "Some 640 fires were raging across Chile, including 350 classed as out of control.",
    ],
)
def test_a_part_is_measured_as_a_part_of_the_whole_before_it(text: str) -> None:
    # the whole is a count of active fires however it is worded, and so is its part
    concept = dict(
        reconcile(_doc(text, "a", 2)).claims.select("surface", "concept_key").iter_rows()
    )
    assert concept["350"] == "active fire: out of control", concept


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        # a part of the figure after it: named by the words after the whole, else by its verb
        ("Officials in Chile put 11 of the country's 16 regions on alert.", "11", "16 regions"),
        ("Rain in Chile closed 3 of its 40 schools on Monday.", "3", "40 schools"),
    ],
)
def test_a_part_of_the_whole_after_it_is_no_count_of_the_whole(
    text: str, part: str, whole: str
) -> None:
    rows = {r["surface"]: r for r in reconcile(_doc(text, "a", 2)).claims.iter_rows(named=True)}
    assert rows[part]["concept_key"].startswith(rows[whole]["concept_key"] + ": ")
    assert rows[part]["quantity_id"] != rows[whole]["quantity_id"]


def test_an_area_or_a_mass_from_fires_is_area_burned_or_emissions() -> None:
    assert _claim("Fires in Chile have burned 2.1 million hectares.")["concept_key"] == (
        "area burned"
    )
    text = "Emissions from wildfires in Chile amounted to 40 million tonnes, the agency said."
    assert _claim(text)["concept_key"] == "emissions"


def test_a_year_after_another_figure_belongs_to_that_figure() -> None:
    text = "Fires in Chile have burned 9.1 million hectares, above the record of 7 million set in 2019."
    rows = dict(reconcile(_doc(text)).claims.select("surface", "period").iter_rows())
    assert rows["9.1 million hectares"] is None, rows
    text = "In 2019, fires in Chile burned 40,000 hectares and killed 30 people."
    periods = reconcile(_doc(text)).claims["period"].to_list()
    assert periods == ["2019", "2019"], periods


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # the year closes the record's phrase, and a comma ends it: not the later figure's
        (
            "Fires in Chile burned 9 million hectares, beating the record of 7 million set "
            "in 2019, an area 12 times the usual.",
            "12 times",
            None,
        ),
        (
            "Chile lost 300 homes, more than the 250 it lost in 2019, and 40 bridges.",
            "40 bridges",
            None,
        ),
        # a year before every figure is each one's
        (
            "In 2019, fires in Chile burned 40,000 hectares, and 30 people died.",
            "30 people",
            "2019",
        ),
        # "and" goes on from the year: the sentence's one year stays the figure's
        ("Chile counted 500 deaths in 2019 and 40 injuries.", "40 injuries", "2019"),
    ],
)
def test_a_year_closing_an_earlier_figures_phrase_is_that_figures(
    text: str, surface: str, period: str | None
) -> None:
    rows = dict(reconcile(_doc(text)).claims.select("surface", "period").iter_rows())
    assert rows[surface] == period, rows


def test_an_average_is_a_reference_not_a_count() -> None:
    text = "Chile has had 3,100 fires this season, over its five-year average of 2,400."
    rows = dict(reconcile(_doc(text)).claims.select("surface", "period").iter_rows())
    assert rows["2,400"] == "average" and rows["3,100 fires"] is None, rows


def test_a_share_of_the_global_total_is_placed_by_its_own_subject() -> None:
    text = "Fires in Chile gave off 23% of global fire emissions this year, the agency said."
    assert _claim(text)["entity"] == "Chile"


def test_a_place_just_before_the_figure_wins_over_the_documents_place() -> None:
    text = (
        "Refugees from Peru keep coming, Peru says. By agency data the head count of "
        "newcomers in Chile is 1.2 million, while 3 million left Peru in all."
    )
    result = reconcile(_doc(text), texts={"a": text})
    rows = dict(result.claims.select("surface", "entity").iter_rows())
    assert rows["1.2 million"] == "Chile", rows


def test_a_rise_stated_as_a_figure_is_a_change() -> None:
    texts = [
        "The Coast Bureau said 4,000 people had fled to Chile.",
        "Of people who fled to Chile, the rise was 900 since Monday, the Coast Bureau said.",
        "Additionally 300 people fled to Chile, the Coast Bureau said.",
    ]
    claims = pl.concat([_doc(t, d, 2, "A") for t, d in zip(texts, "abc", strict=True)])
    result = reconcile(claims)
    qid = dict(result.claims.select("doc_id", "quantity_id").iter_rows())
    assert qid["a"] != qid["b"] and qid["a"] != qid["c"], result.claims
    assert "diverge" not in result.quantities["verdict"].to_list()


def test_an_undated_document_is_at_least_as_recent_as_the_months_it_names() -> None:
    text = (
        "In October 2031 the war that began on May 3, 2030 had cut 40 bridges. "
        "Some 5,000 people fled to Chile."
    )
    claims = extract_claims(text, doc_id="a", outlet="Example Post")
    rows = dict(reconcile(claims).claims.select("surface", "as_of").iter_rows())
    assert rows["Some 5,000 people"] == dt.date(2031, 10, 1), rows


def test_a_deadline_month_is_not_the_date_of_the_figure() -> None:
    row = _claim("Chile has taken in 9,000 refugees, who may stay until the end of August.")
    assert row["as_of"] == dt.date(2031, 4, 2)
    row = _claim("By the end of March, Chile had taken in 9,000 refugees.")
    assert row["as_of"] == dt.date(2031, 3, 1)


def test_fires_still_burning_are_active_fires() -> None:
    claims = pl.concat(
        [
            _doc("There were 640 active fires in Chile on Monday.", "a", 2, "A"),
            _doc("On Friday 700 fires were burning in Chile, officials said.", "b", 6, "B"),
            _doc("Chile has had 3,000 fires so far this year.", "c", 6, "C"),
        ]
    )
    concept = dict(reconcile(claims).claims.select("doc_id", "concept_key").iter_rows())
    assert concept == {"a": "active fire", "b": "active fire", "c": "fire"}, concept


def test_the_total_a_figure_is_set_against_does_not_place_it() -> None:
    text = (
        "Fires in Chile gave off 40 million tonnes of carbon, 9% of the total global "
        "fire emissions, the agency said."
    )
    rows = dict(reconcile(_doc(text)).claims.select("surface", "entity").iter_rows())
    assert set(rows.values()) == {"Chile"}, rows


def test_a_year_right_after_a_figure_is_its_period_even_beside_other_years() -> None:
    text = "Chile saw 8,000 excess deaths in 2028, and 31,000 excess deaths in 2029."
    periods = dict(reconcile(_doc(text)).claims.select("surface", "period").iter_rows())
    assert list(periods.values()) == ["2028", "2029"], periods
    text = "Chile saw 39,000 excess deaths in 2028 and 2029, the agency said."
    assert _claim(text)["period"] is None  # a span is no single year
    # a figure after "and" is not a second year: each figure has its own year
    text = "Chile saw 8,000 excess deaths in 2028 and 310,000 in 2029, the agency said."
    periods = dict(reconcile(_doc(text)).claims.select("surface", "period").iter_rows())
    assert list(periods.values()) == ["2028", "2029"], periods


def test_a_figure_named_again_with_the_keeps_its_rate() -> None:
    text = (
        "The strike costs the Peruvian economy $9bn a year, the institute says. "
        "Critics ask where the $9bn comes from."
    )
    result = reconcile(_doc(text), texts={"a": text})
    assert result.claims["per"].to_list() == ["year", "year"]
    assert result.claims["quantity_id"].n_unique() == 1


def test_a_photo_gallery_counter_is_compared_with_nothing() -> None:
    claims = pl.concat(
        [
            _doc(
                "2 of 6 | Mourners pray for the victims of the floods in Peru. "
                "Officials said 40 people died in Peru.",
                "a",
                2,
                "A",
            ),
            _doc("The Red Cross said 45 people died in Peru.", "b", 3, "B"),
        ]
    )
    result = reconcile(claims)
    deaths = result.claims.filter(pl.col("surface").str.contains("people"))
    assert deaths.height == 2 and deaths["quantity_id"].n_unique() == 1, result.claims
    # extraction reads the counter as no figure at all (extract/numbers.py, _counter)
    assert result.claims.filter(pl.col("surface").str.contains(r"^[26]$")).height == 0


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Exports from Peru fell by 4,000 tonnes during the two months to May.", "two months"),
        ("It was the worst harvest in Peru in 30 years, the co-operative said.", "30 years"),
        ("The port will spend $9bn over the next five years, the board said.", "five years"),
        ("Talks in Lima broke down after three weeks, the union said.", "three weeks"),
    ],
)
def test_a_span_of_time_dating_the_sentence_is_not_compared(text: str, span: str) -> None:
    claims = reconcile(_doc(text)).claims.filter(pl.col("surface") == span)
    assert claims.height == 1, reconcile(_doc(text)).claims.select("surface").to_series()
    assert claims["quantity_id"].to_list() == [None]
    assert "span of time" in str(claims["group_note"][0])


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Grants in Peru went to provinces with more than 20,000 farmers.", "20,000"),
        ("Regions hosting between 3,000 and 8,000 migrants get a Peru grant.", "3,000"),
        ("In Peru, workshops employing fewer than 12 people pay no levy.", "12"),
        ("Peru taxes households earning over $90,000 at a higher rate.", "90,000"),
        ("Schools that have at least 400 pupils in Peru get a nurse.", "400"),
        ("Only villages with 500 or more homes in Peru have a clinic.", "500"),
    ],
)
def test_a_threshold_that_defines_a_group_is_not_compared(text: str, figure: str) -> None:
    claims = reconcile(_doc(text)).claims
    found = claims.filter(pl.col("surface").str.contains(figure, literal=True))
    assert found.height == 1, claims.select("surface", "group_note")
    assert found["quantity_id"].to_list() == [None]
    assert "threshold that defines a group" in str(found["group_note"][0])


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # no plural noun owns the "with" phrase: it reports a toll
        ("The landslide struck a town in Peru, with more than 60 dead.", "60"),
        # a plural noun and "with", but the figure is a toll: how many, not which villages
        ("In Peru, the landslide struck villages with more than 60 dead.", "60"),
        ("Floods hit the valleys with at least 40 people missing, Peru said.", "40"),
        # a singular noun before "of": the figure measures it
        ("The landslide in Peru left a toll of more than 60 deaths.", "60"),
        # a plural noun before "of" is measured too, so "of" sets no group
        ("Crowds of more than 9,000 people marched in Lima.", "9,000"),
        ("Peru's miners reported losses of over $70m last year.", "70"),
        # a verb, not a restricting phrase, before the figure
        ("The country now has more than 1 million migrants, Peru said.", "1 million"),
        # no bound: the figure is how many, not where a group starts
        ("Aid reached the provinces with 20,000 farmers in Peru.", "20,000"),
    ],
)
def test_a_bounded_figure_that_measures_is_still_compared(text: str, figure: str) -> None:
    claims = reconcile(_doc(text)).claims
    found = claims.filter(pl.col("surface").str.contains(figure, literal=True))
    assert found.height == 1, claims.select("surface", "group_note")
    assert "threshold" not in str(found["group_note"][0])
    assert found["quantity_id"].to_list() != [None], found.select("surface", "group_note")


@pytest.mark.parametrize(
    "text",
    [
        "A court in Lima jailed the port's former director for 10 years on Monday.",
        "The strike in Peru has now lasted six weeks, the union said.",
    ],
)
def test_a_reported_length_of_time_is_still_a_figure(text: str) -> None:
    claims = reconcile(_doc(text)).claims.filter(pl.col("dimension") == "duration")
    assert claims.height == 1
    assert claims["quantity_id"].is_not_null().all()


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # the owner of the words that lead to the figure is whose the figure is, not a
        # group named in another clause of the sentence
        (
            "Analysts in Britain say Chad's prison population fell by more than 9,000 "
            "while Acme was hiring inmates.",
            "Chad",
        ),
        ("Acme says Chad's army lost 300 soldiers in March.", "Chad"),
        # a possessive that is a source ("Chad's ministry said") owns nothing
        ("Chad's interior ministry said 400 Acme fighters had died.", "Acme Group"),
        # no possessive: the named group stands
        ("Acme paid 300 workers in Chad.", "Acme Group"),
    ],
)
def test_the_owner_of_the_figure_s_words_is_its_subject(text: str, entity: str) -> None:
    claims = reconcile(_doc(text), mapping={"entities": {"Acme Group": ["Acme"]}}).claims
    assert claims["entity"].to_list() == [entity]
