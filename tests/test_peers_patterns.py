"""Patterns of English number writing that the peer suites showed us missing.

Every sentence here is our own; each test states one general pattern.
"""

from __future__ import annotations

from typing import Any

import pytest

from extract import extract_claims


def rows(text: str) -> list[dict[str, Any]]:
    cols = ("surface", "value", "low", "high", "bound", "unit", "dimension", "per")
    return extract_claims(text, doc_id="t").select(cols).to_dicts()


def one(text: str) -> dict[str, Any]:
    found = rows(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The county sold $ 40 million of school bonds.", 4e7, "USD"),
        ("Its shares closed at hk $ 3.15 on the day.", 3.15, "HKD"),
        ("The grant came to £ 900,000 in total.", 9e5, "GBP"),
        ("Tickets cost 45 € at the door.", 45, "EUR"),
        ("The fund lost 2 billion € over the year.", 2e9, "EUR"),
    ],
)
def test_a_currency_sign_set_apart_from_its_digits(text: str, value: float, unit: str) -> None:
    row = one(text)
    assert row["value"] == pytest.approx(value)
    assert (row["unit"], row["dimension"]) == (unit, "currency")


def test_a_lone_article_before_a_dollar_sign_is_no_country() -> None:
    assert one("A $5 charge was added to each bill.")["unit"] == "USD"


def test_a_percent_sign_set_apart_from_its_digits() -> None:
    row = one("Support for the plan stood at 41 % in the poll.")
    assert (row["value"], row["unit"]) == (41, "percent")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The valley warmed to 31C by noon.", 31, "°C"),
        ("Frost came as it dropped to -7 °C overnight.", -7, "°C"),
        ("The lake was 52F in early May.", 52, "°F"),
        ("It was 9 deg C at the summit.", 9, "°C"),
        ("Bake the loaf at 200° for an hour.", 200, "degree"),
    ],
)
def test_temperatures_in_their_short_forms(text: str, value: float, unit: str) -> None:
    found = [r for r in rows(text) if r["value"] == value]
    assert found and found[0]["unit"] == unit


def test_a_scale_letter_inside_a_name_is_no_temperature() -> None:
    assert all(r["unit"] != "°F" for r in rows("The star B12F4 was catalogued twice."))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The wind farm delivered 640 MWh in March.", "MWh"),
        ("Households used 2.1 GWh less than planned.", "GWh"),
        ("The grid stored 12 gigawatt hours of surplus power.", "GWh"),
    ],
)
def test_energy_by_the_hour_is_a_unit(text: str, unit: str) -> None:
    row = next(r for r in rows(text) if r["unit"] == unit)
    assert row["dimension"] == "energy"


@pytest.mark.parametrize(
    "text",
    ["The vote closes at 8 pm on Thursday.", "Doors open at 7.30 a.m. sharp."],
)
def test_a_clock_time_is_no_quantity(text: str) -> None:
    assert rows(text) == []


def test_a_decimal_with_picometres_is_still_a_length() -> None:
    row = one("The lattice spacing measured 3.172 pm in the study.")
    assert row["dimension"] == "length"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The mill was sold for 85 million finnish markka in 1994.", "FIM"),
        ("A room cost 9,000 pesetas a night back then.", "ESP"),
        ("The fine came to 3,500 Turkish lira.", "TRY"),
        ("Exporters were paid 40 million Dutch guilders.", "NLG"),
        ("The stall took 200 Georgian lari on Sunday.", "GEL"),
        ("The loan was 6 billion forints.", "HUF"),
    ],
)
def test_named_currencies_are_currencies(text: str, code: str) -> None:
    row = next(r for r in rows(text) if r["dimension"] == "currency")
    assert row["unit"] == code


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("The board set the drug's price at SEK 2.4 million a year.", 2.4e6, "SEK"),
        ("The regulator fined the lender NOK 5 billion on Friday.", 5e9, "NOK"),
        ("Its bid valued the chain at PLN300m.", 3e8, "PLN"),
        ("Sales in Denmark reached DKK 41,000 per store.", 41_000, "DKK"),
    ],
)
def test_the_code_of_a_currency_named_in_words_before_an_amount(
    text: str, value: float, code: str
) -> None:
    row = next(r for r in rows(text) if r["dimension"] == "currency")
    assert (row["value"], row["unit"].split("/")[0]) == (value, code)


def test_the_currency_table_comes_from_cldr_and_leaves_out_metals() -> None:
    from extract.units import unit_table

    names = unit_table().currencies
    assert names["swiss francs"] == "CHF" and names["markka"] == "FIM"
    assert "gold" not in names and "silver" not in names


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The district registered 3,45,000 new voters.", 345000),
        ("Her savings were 1,20,50,000 rupees.", 12050000),
        ("Close to 25 lakh pilgrims came.", 2500000),
        ("The bridge cost 9 crore rupees.", 90000000),
        ("Nearly 12 000 runners took part.", 12000),
        ("The reserve holds 2 750 000 tonnes.", 2750000),
    ],
)
def test_lakh_crore_and_space_grouped_digits(text: str, value: float) -> None:
    assert one(text)["value"] == pytest.approx(value)


def test_space_grouping_needs_whole_groups_of_three() -> None:
    values = sorted(r["value"] for r in rows("In 2021 350 pupils sat 12 papers."))
    assert values == [12, 350]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The march lasted three and a half hours.", 3.5, "hour"),
        ("Some one and a half million viewers watched.", 1.5e6, "viewer"),
        ("The trail runs 7 1/2 miles along the coast.", 7.5, "mi"),
        ("Stir in 3/4 cup of milk.", 0.75, "cup"),
        ("The recipe needs 1½ cups of rice.", 1.5, "cup"),
        ("Prices rose by one-eighth over the winter.", 0.125, "fraction"),
        ("Two-fifths of the seats changed hands.", 0.4, "fraction"),
    ],
)
def test_fractions_in_words_slashes_and_signs(text: str, value: float, unit: str) -> None:
    row = one(text)
    assert row["value"] == pytest.approx(value)
    assert row["unit"] == unit


@pytest.mark.parametrize(
    "text", ["The shop is open 24/7 now.", "Flights changed after 9/11 forever."]
)
def test_a_slashed_name_is_no_fraction(text: str) -> None:
    assert not any(0 < r["value"] < 1 for r in rows(text))


def test_a_unit_after_a_range_covers_both_ends() -> None:
    row = one("Prices were cut by 20 to 35% this week.")
    assert (row["low"], row["high"], row["unit"]) == (20, 35, "percent")


def test_a_unit_after_a_pair_is_the_first_figures_too() -> None:
    found = rows("Patients took 40 and 60 mg tablets.")
    assert [r["unit"] for r in found] == ["mg", "mg"]
    listed = rows("The stages are 3, 4 and 5 km long.")
    assert [r["unit"] for r in listed] == ["km", "km", "km"]


def test_a_comma_alone_carries_no_unit() -> None:
    found = rows("Officials counted more than 8,000, about 5% of the town.")
    assert found[0]["unit"] is None and found[1]["unit"] == "percent"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Bids were above 40 but below 55.", 40, 55),
        ("The count was greater than 120 and smaller than 180.", 120, 180),
        ("Stocks are at most 90 and at least 60 tonnes.", 60, 90),
    ],
)
def test_a_lower_and_an_upper_bound_of_one_figure_make_a_range(
    text: str, low: float, high: float
) -> None:
    row = one(text)
    assert (row["bound"], row["low"], row["high"]) == ("range", low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Crowds of 25 to 40,000 filled the square.", 25000, 40000),
        ("Between 300 and 450,000 homes were flooded.", 300000, 450000),
        ("Guesses ran from 2 to 90,000 marbles.", 2, 90000),
    ],
)
def test_thousands_written_once_carry_back(text: str, low: float, high: float) -> None:
    row = one(text)
    assert (row["low"], row["high"]) == (low, high)


def test_through_joins_a_range() -> None:
    row = one("Classes 4 through 7 will close.")
    assert (row["bound"], row["low"], row["high"]) == ("range", 4, 7)


@pytest.mark.parametrize(
    "text",
    [
        "The number of cases has surpassed 9,000.",
        "Repairs are likely to exceed $40 million.",
        "Ticket sales topped 250,000 this year.",
    ],
)
def test_verbs_that_put_a_figure_below_what_is_reached(text: str) -> None:
    row = next(r for r in rows(text) if r["value"] > 1000)
    assert row["bound"] == "lower" and row["high"] is None


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Dozens of lorries leave each week.", "week"),
        ("About 200 commuters pass through daily.", None),
        ("Some 80 patients arrive daily at the clinic.", "day"),
        ("Thousands of birds die every year on the coast.", "year"),
        # past the auxiliaries and adverbs of a verb group
        ("Some 60 workers are injured daily in the mines.", "day"),
        ("About 400 families have been evicted every month.", "month"),
        ("Some 25 patients are still admitted every day.", "day"),
        ("About 60 workers are injured on Mondays.", None),
        # after the verb and its object
        ("About 9,000 lorries cross the border every day.", "day"),
        ("Some 300 ships use it each year.", "year"),
        ("About 200 volunteers cleaned the beach a week later.", None),
        # what a usual period holds is a rate of it
        ("The ferry takes about 3,000 cars on a normal weekday.", "day"),
        ("The clinic sees 120 patients on an average day.", "day"),
        ("The quarry ships 9,000 tonnes in a typical year.", "year"),
        ("The ferry took about 3,000 cars on Monday.", None),
    ],
)
def test_a_period_after_the_verb_of_a_counted_figure_is_a_rate(text: str, per: str | None) -> None:
    assert rows(text)[0]["per"] == per


@pytest.mark.parametrize(
    "text",
    ["Forty volunteers spent a day on the beach.", "Six people died a week later."],
)
def test_a_span_after_a_verb_is_no_rate(text: str) -> None:
    assert rows(text)[0]["per"] is None


def test_an_adverb_or_a_verb_is_no_counted_noun() -> None:
    row = one("Some 900 internally displaced people were housed.")
    assert row["unit"] == "person"
    assert all(r["unit"] not in ("took", "struck") for r in rows("Of 30 raids, 12 struck homes."))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Some 180 vets have been sent to the farms.", "vet"),
        ("About 40 temps were hired for the count.", "temp"),
        ("Of the 30 raids, 12 struck homes.", None),
    ],
)
def test_a_word_before_a_plural_auxiliary_is_a_counted_noun(text: str, unit: str | None) -> None:
    assert [r["unit"] for r in rows(text)][-1] == unit


@pytest.mark.parametrize(
    "text",
    [
        "Stewards counted 4,000 outside the hall.",
        "About 250 near the river lost power.",
        "Some 1,200 inside the camp fell ill.",
    ],
)
def test_a_preposition_of_place_is_no_counted_noun(text: str) -> None:
    assert one(text)["unit"] is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The statue stands 2.4m tall.", 2.4, "m"),
        ("The fund paid out 3.2m of its reserves.", 3.2e6, None),
        ("Regulators logged 1.6m complaints.", 1.6e6, "complaint"),
    ],
)
def test_a_glued_m_is_metres_only_beside_an_extent(text: str, value: float, unit: str) -> None:
    row = one(text)
    assert row["value"] == pytest.approx(value) and row["unit"] == unit


def test_pounds_beside_another_unit_of_mass_are_weight() -> None:
    row = [r for r in rows("The 5 kg parcel, roughly 11 pounds, arrived.") if r["value"] == 11]
    assert row[0]["unit"] == "lb"
    assert one("She sold the painting for 400 pounds.")["unit"] == "GBP"


@pytest.mark.parametrize(
    "text",
    [
        "He lost 30 pounds by dieting over the winter.",
        "She slimmed down to 140 pounds before the race.",
        "A year of daily exercise took him from 250 pounds to 205 pounds.",
    ],
)
def test_pounds_a_body_loses_by_diet_or_exercise_are_weight(text: str) -> None:
    assert {r["unit"] for r in rows(text)} == {"lb"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The stamp cost 2 dollars 75 cents.", 2.75),
        ("Lunch was eleven dollars and fifty cents.", 11.5),
        ("The fare is 6 dollars and 20.", 6.2),
    ],
)
def test_an_amount_and_its_hundredths_are_one_amount(text: str, value: float) -> None:
    row = one(text)
    assert row["value"] == pytest.approx(value) and row["unit"] == "USD"


def test_a_bare_figure_mid_clause_is_not_hundredths() -> None:
    assert len(rows("They paid 5 dollars and 10 more were asked.")) == 2


@pytest.mark.parametrize(
    ("text", "code"),
    [("Each block pays 3.125 BTC now.", "BTC"), ("The flight cost 2,400 NOK.", "NOK")],
)
def test_a_currency_code_after_the_amount(text: str, code: str) -> None:
    assert one(text)["unit"] == code


def test_a_currency_code_glued_to_the_amount() -> None:
    assert one("The invoice said 480EUR in total.")["unit"] == "EUR"


def test_a_unit_said_twice_between_two_figures() -> None:
    row = one("Doses were between 20 mg and 35 mg a day.")
    assert (row["low"], row["high"], row["unit"]) == (20, 35, "mg")


def test_a_hanging_hyphen_joins_a_range() -> None:
    row = one("Crews laid 6- to 9-inch pipes.")
    assert (row["low"], row["high"], row["unit"]) == (6, 9, "in")


def test_a_length_per_hour_is_a_speed() -> None:
    row = one("Gusts reached 85 miles an hour.")
    assert (row["unit"], row["dimension"], row["per"]) == ("mph", "speed", None)


def test_minus_before_a_number_in_words() -> None:
    assert one("Overnight it reached minus eight degrees.")["value"] == -8


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The forward stands 6 feet 9 inches.", 6.75, "ft"),
        ("The calf weighed 60 lb 8 oz at birth.", 60.5, "lb"),
        # "in" set apart after the inches of a height in feet, and glued to digits
        ("The new keeper is 6 ft 3 in.", 6.25, "ft"),
        ("Her rival, at 5 ft 9 in, is taller.", 5.75, "ft"),
        ("The jockey is just 4ft 10in.", 4 + 10 / 12, "ft"),
        ("The tablet has an 11in screen.", 11, "in"),
    ],
)
def test_a_measure_said_in_two_units(text: str, value: float, unit: str) -> None:
    row = one(text)
    assert row["value"] == pytest.approx(value) and row["unit"] == unit


@pytest.mark.parametrize(
    "text",
    [
        "The post sank 6 ft 2 in the mud.",  # "in" opens a phrase: a preposition
        "Only 1in 4 voters turned out.",  # "one in four" with its space lost
    ],
)
def test_no_inches_where_in_is_a_preposition(text: str) -> None:
    assert "in" not in set(extract_claims(text)["unit"].to_list())
    assert not any(v % 1 for v in extract_claims(text)["value"].to_list())


def test_a_common_misspelling_of_a_temperature_scale() -> None:
    assert one("It hit 41 celcius in the shade.")["unit"] == "°C"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bread costs 3₾ at the corner.", "GEL"),
        ("The stall asked 20,000 ₭ for it.", "LAK"),
        ("The flat rents for ₴9,000 a month.", "UAH"),
    ],
)
def test_currency_signs_from_cldr(text: str, code: str) -> None:
    assert one(text)["unit"] == code


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("Orders worth 45 MEUR were signed.", 45e6, "EUR"),
        # the same shorthand before the figure
        ("Net sales rose to MSEK 312 in the year.", 312e6, "SEK"),
        ("The unit earned MNOK 7.5 last quarter.", 7.5e6, "NOK"),
        ("A fee of KUSD 80 was agreed.", 80e3, "USD"),
    ],
)
def test_millions_of_a_currency_in_business_shorthand(text: str, value: float, code: str) -> None:
    row = one(text)
    assert (row["value"], row["unit"]) == (value, code)


@pytest.mark.parametrize("text", ["The XMSEK 40 line closed.", "Units of MSEKX 40 were sold."])
def test_a_longer_word_is_no_currency_shorthand(text: str) -> None:
    assert all(r["dimension"] != "currency" for r in rows(text))


@pytest.mark.parametrize("text", ["The 10F report came out late.", "When must 8C be signed?"])
def test_a_form_named_by_digits_and_a_letter_is_no_temperature(text: str) -> None:
    assert all(r["dimension"] != "temperature" for r in rows(text))


@pytest.mark.parametrize(
    ("text", "bound", "value"),
    [
        ("Turnout was no less than forty.", "lower", 40),
        ("They hope for six hundred or more.", "lower", 600),
        ("Fewer than a hundred came.", "upper", 100),
    ],
)
def test_a_hedge_makes_a_number_in_words_a_figure(text: str, bound: str, value: float) -> None:
    row = one(text)
    assert (row["bound"], row["value"]) == (bound, value)


def test_a_bare_number_in_words_without_a_hedge_stays_out() -> None:
    assert rows("The two met on Friday and one of them spoke.") == []


@pytest.mark.parametrize(
    ("text", "bound"),
    [("Funds yielding >4% sold out.", "lower"), ("Farms of ≤ 15 hectares get aid.", "upper")],
)
def test_comparison_signs_bound_a_figure(text: str, bound: str) -> None:
    assert one(text)["bound"] == bound


def test_or_less_before_than_belongs_to_the_next_figure() -> None:
    found = rows("Offers of 70 or less than 90 were refused.")
    assert [r["bound"] for r in found] == ["exact", "upper"]


def test_hectares_are_an_area() -> None:
    assert one("The estate covers 300 hectares.")["dimension"] == "area"


def test_a_rate_written_with_a_slash_after_an_amount() -> None:
    row = one("Cleaners earn $13.80/hour in the city.")
    assert (row["value"], row["unit"], row["per"]) == (13.8, "USD", "hour")


def test_a_glued_t_after_an_amount_of_money_is_trillions() -> None:
    assert one("Its debt passed $1.7T last year.")["value"] == pytest.approx(1.7e12)


def test_e_notation() -> None:
    assert one("The signal peaked at 3e9 hertz.")["value"] == pytest.approx(3e9)


def test_a_sign_set_apart_twice_in_a_range() -> None:
    row = one("Daytime highs ran from 18 °C to 23 °C.")
    assert (row["bound"], row["low"], row["high"], row["unit"]) == ("range", 18, 23, "°C")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Night lows were -9 °C to -15 °C in the valley.", -15, -9),
        ("The pond read -2 °C to -6 °C at dawn.", -6, -2),
        ("Afternoons went from 4 °C to -3 °C within a week.", -3, 4),
    ],
)
def test_a_range_whose_second_end_has_its_own_minus_sign(
    text: str, low: float, high: float
) -> None:
    row = one(text)
    assert (row["low"], row["high"], row["bound"]) == (low, high, "range")


def test_a_change_from_one_temperature_to_another_stays_two_figures() -> None:
    found = rows("Overnight it dropped from -4 °C to -11 °C in the hills.")
    assert [r["value"] for r in found] == [-4, -11]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The sample held 2.4x10-5 g of lead.", 2.4e-5, "g"),
        ("A dose of 7X10^-3 g was given.", 7e-3, "g"),
    ],
)
def test_a_power_of_ten_glued_to_the_number(text: str, value: float, unit: str) -> None:
    row = one(text)
    assert row["value"] == pytest.approx(value)
    assert row["unit"] == unit


def test_a_glued_x_alone_is_still_a_multiple() -> None:
    assert one("Its output grew 4x last year.")["unit"] == "times"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her share of the estate was one fifth.", 0.2),
        ("Turnout among the young fell to two thirds, a record low.", 2 / 3),
    ],
)
def test_a_fraction_in_words_closing_a_clause(text: str, value: float) -> None:
    row = one(text)
    assert (row["value"], row["unit"]) == (pytest.approx(value), "fraction")


@pytest.mark.parametrize(
    "text", ["The firm lost money for one quarter.", "The runner came home a third."]
)
def test_a_quarter_or_a_lone_article_closing_a_clause_is_no_fraction(text: str) -> None:
    assert all(r["unit"] != "fraction" for r in rows(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("She set a record in the 1500m at the trials.", 1500, "m"),
        ("He trained for the 5000m all winter.", 5000, "m"),
        ("The bank wrote off £1500m of loans.", 1.5e9, "GBP"),
        ("The plan costs 2,500m euros in all.", 2.5e9, "EUR"),
        ("The town's debt hit 4.5m last spring.", 4.5e6, None),
    ],
)
def test_a_glued_m_after_four_digits_is_metres_unless_money(
    text: str, value: float, unit: str | None
) -> None:
    row = one(text)
    assert (row["value"], row["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The fund's result for the year was ($2.75).", -2.75),
        ("Operating income: (€310,000)", -310000),
    ],
)
def test_an_amount_alone_in_brackets_after_a_copula_is_a_loss(text: str, value: float) -> None:
    assert one(text)["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["The grant came to €8m ($8.7m) this year.", "The entry fee ($25) rose again."],
)
def test_an_amount_in_brackets_restating_or_aside_stays_positive(text: str) -> None:
    assert all(r["value"] > 0 for r in rows(text))


@pytest.mark.parametrize("text", ["The fair opens on 14 Sept. as usual.", "Ballots close 3 June."])
def test_a_day_before_a_capitalised_month_is_a_date(text: str) -> None:
    assert rows(text) == []


def test_bounds_in_two_units_are_no_range() -> None:
    found = rows("Fees were above $20 and below 30% of income.")
    assert [(r["bound"], r["unit"]) for r in found] == [("lower", "USD"), ("upper", "percent")]


def test_a_part_takes_no_unit_from_a_figure_that_qualifies_a_noun() -> None:
    """ "6 of the two-ton boats" counts boats; "80 million of the 3 billion pesos" is money."""
    assert [(r["value"], r["unit"]) for r in rows("They sold 6 of the two-ton boats.")] == [
        (6.0, None),
        (2.0, "short ton"),
    ]
    assert rows("They spent 80 million of the 3 billion pesos.")[0]["dimension"] == "currency"
