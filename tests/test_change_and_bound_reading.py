"""Changes, hedges and scales read from general patterns of English (issue 12: failures of
the fit half of ``tests/data/own_sentences``, with cases of our own here).

* a change verb with its object before "to": "lowered the speed limit to 20mph";
* a change said before a comma and "to": "has nearly tripled, to", "fell by a quarter, to";
* a participle carrying the clause's change to a level: "rose 2%, taking the total to";
* a time phrase between the change and its level: "fell by 15% over the past five years to";
* a range after "by between": "rose by between 5% and 8%";
* a comparative and "than" after a measured figure: "5% higher than a year ago";
* negated comparatives and "within" as bounds: "no lower than", "no higher than", "within";
* a scale named before its reading: "a magnitude 6.1 quake", "magnitude-7.2";
* one unit symbol over another, glued: "11 mg/L", "180 W/m2", "40 kg/ha";
* a verb of closing, its change and the level after "at": "closed down 2% at 5,210".
"""

from __future__ import annotations

import pytest

from extract import extract_claims


def _read(text: str) -> list[tuple[str, float, str | None, str | None, str]]:
    rows = extract_claims(text, doc_id="t").iter_rows(named=True)
    return [(r["surface"], r["value"], r["unit"], r["change"], r["bound"]) for r in rows]


def _changes(text: str) -> list[str | None]:
    return [change for _, _, _, change, _ in _read(text)]


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        # a change verb, its object, "to" and the level the object reaches
        ("The town lowered the speed limit to 20mph.", ["decrease"]),
        ("The board cut the firm's dividend to 12 cents.", ["decrease"]),
        ("Ministers raised the pension age to 68.", ["increase"]),
        # the change said before a comma, the level after it
        ("Ticket sales have nearly tripled, to 90,000 euros.", ["increase"]),
        ("Output fell by a quarter, to 3.4 million tonnes.", ["decrease"]),
        # a participle carries the clause's change to the level it leaves
        ("Rents rose 2% in June, taking the average to 1,400 euros.", ["increase", "increase"]),
        ("Stocks fell 3%, bringing the index to 5,120 points.", ["decrease", "decrease"]),
        # a time phrase between the change and the level reached
        ("Jobs fell by 15% over the past decade to about 80,000.", ["decrease", "decrease"]),
        # a range as the change
        ("Rents have risen by between 5% and 8% this year.", ["increase"]),
        # a verb of closing, its change and the level after "at": the level is reached
        ("The main index closed down 2% at 5,210 points.", ["decrease", "decrease"]),
        ("Copper finished up 1.5% at $9,100 a tonne.", ["increase", "increase"]),
        ("The bond settled down 12 cents at 98.40.", ["decrease", "decrease"]),
        # a rate that slows, cools or skids falls; a price that firms or strengthens rises
        ("Wage growth slowed to 3.1% in the spring.", ["decrease"]),
        ("Factory inflation cooled to 4% last month.", ["decrease"]),
        ("Bank shares skidded 6% by noon.", ["decrease"]),
        ("The rand firmed 0.8% against the euro.", ["increase"]),
        ("The peso strengthened 1.2% on the week.", ["increase"]),
        # a comparative or a noun of change between a count and its noun
        ("The jails held 23,000 fewer prisoners than in May.", ["decrease"]),
        ("The army sent 2,000 extra troops to the border.", ["increase"]),
        # a comparative and "than" after a measured figure
        ("Sales were 5% higher than a year ago.", ["increase"]),
        ("The new model costs $40 less than the old one.", ["decrease"]),
        # but a multiple of a base is so many times the base, and a gap from what would have
        # been is a level of its own: neither is a change
        ("Real losses may be four times higher than the ones first reported.", [None]),
        ("Trade will be 12% lower than if the border had stayed open.", [None]),
        ("Output would be 3% lower than otherwise.", [None]),
    ],
)
def test_change_is_read(text: str, changes: list[str | None]) -> None:
    assert _changes(text) == changes


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        # a verb with no object before "to" is read on its own, and an adverb is no object
        ("Wages are forecast to rise only to 2.4% in the spring.", [None]),
        # an object reaching past a clause break carries nothing
        ("Staff cut wood and carried it to 12 homes.", [None]),
        # a bare count before "more" is no change ("12 more in the box")
        ("There are 12 more in the box.", [None]),
        # "at" after a change with no verb of closing is no level reached ("at 40 stores"),
        # and a level after "to end at" is left as a level alone
        ("Sales rose 5% at 40 stores in the north.", ["increase", None]),
        ("The fund lost 3% to end at 880 points.", ["decrease", None]),
        # a comparative before anything but "than" is left as written
        ("The index closed 1.7 per cent lower at the bell.", [None]),
        # a change verb before "by" and an object of three words or more is not read as one
        ("They will boost the old ferry's capacity by about 40 cars.", [None]),
        # a change verb's plain form right after a bare count is that count's own verb
        ("Food scare: 57 fall ill after a wedding lunch", [None]),
        ("In the storm 30 drop dead from the heat.", [None]),
    ],
)
def test_no_change_is_read(text: str, changes: list[str | None]) -> None:
    assert _changes(text) == changes


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("Lows will be no lower than 12C tonight.", "lower"),
        ("Growth will be not lower than 2% next year.", "lower"),
        ("Inflation should be no higher than 2% next year.", "upper"),
        ("Bids may be no greater than $5,000.", "upper"),
        ("The ship came within 3 miles of the coast.", "upper"),
        ("Crews arrived within 10 minutes.", "upper"),
    ],
)
def test_negated_comparatives_and_within_bound_the_figure(text: str, bound: str) -> None:
    assert [b for *_, b in _read(text)] == [bound]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A magnitude 6.1 quake hit the island.", "magnitude 6.1"),
        ("A magnitude-7.2 earthquake shook the coast.", "magnitude-7.2"),
        ("The 6.1 magnitude quake hit the island.", "6.1 magnitude"),
    ],
)
def test_a_scale_named_before_its_reading(text: str, surface: str) -> None:
    assert [(s, u) for s, _, u, _, _ in _read(text)] == [(surface, "magnitude")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Speeds reach 300Mbps in the city.", "megabit per second"),
        ("Rural lines get 1Gbps.", "gigabit per second"),
        ("The motion was backed by 200 MPs.", "MP"),
        ("Some 40 NGOs signed the letter.", "NGO"),
    ],
)
def test_units_of_rates_acronyms_and_factors(text: str, unit: str) -> None:
    assert [u for _, _, u, _, _ in _read(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # one symbol over another, glued: a concentration or a rate per area
        ("Nitrate reached 11 mg/L in the river.", "mg/L"),
        ("The roof panels take in 180 W/m2 at noon.", "W/m2"),
        ("Farms spread 40 kg/ha of fertiliser.", "kg/ha"),
        ("Soot stood at 35 µg/m³ downtown.", "µg/m3"),
        # a symbol too bare to read alone is read on a side of the slash
        ("The cell ran at 0.8 A/cm2 in the trial.", "ampere/square centimetre"),
        ("The deck bears 500 N/m2 of load.", "newton/m2"),
        # a pair the table knows as one symbol keeps its own name
        ("Gusts hit 25 m/s on the ridge.", "m/s"),
    ],
)
def test_a_symbol_over_a_symbol_is_one_unit(text: str, unit: str) -> None:
    assert [u for _, _, u, _, _ in _read(text)] == [unit]


def test_words_joined_by_a_slash_are_no_unit() -> None:
    assert [u for _, _, u, _, _ in _read("Staff work 12 and/or 14 hours.")][:1] == [None]


@pytest.mark.parametrize("text", ["The class of 5A went home.", "He got 3 A grades."])
def test_a_bare_capital_is_no_unit_outside_a_slash(text: str) -> None:
    assert all(u is None or u == "grade" for _, _, u, _, _ in _read(text))


def test_a_range_of_slashed_units_written_twice() -> None:
    rows = _read("The cells gave a density of 1.4 A/cm2 to 0.2 A/cm2 in tests.")
    assert [(u, b) for _, _, u, _, b in rows] == [("ampere/square centimetre", "range")]


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Costs rose by a factor of 3.", "increase"),
        ("They cut prices by an average of 3%.", "decrease"),
    ],
)
def test_words_leading_an_amount_keep_the_change(text: str, change: str) -> None:
    assert _changes(text) == [change]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # "by a factor of N" multiplies: N times
        ("Costs rose by a factor of 3.", "times"),
        ("Rents have risen by a factor of four since 1990.", "times"),
        ("Doses were cut by a factor of 0.5 in the trial.", "times"),
    ],
)
def test_a_factor_of_a_number_is_so_many_times(text: str, unit: str | None) -> None:
    assert [u for _, _, u, _, _ in _read(text)] == [unit]
