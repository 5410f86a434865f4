"""Behaviour of ``extract_claims`` on single sentences, as tables of cases.

Each case: a sentence written for this test, the surface expected to hold the claim, and
the fields that must hold for it. Grouped by what they exercise.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from extract import CLAIMS_SCHEMA, extract_claims


def _one(text: str, needle: str) -> dict[str, Any]:
    df = extract_claims(text)
    hits = [r for r in df.iter_rows(named=True) if r["start"] <= text.index(needle) < r["end"]]
    assert len(hits) == 1, f"expected one claim at {needle!r}, got {df.select('surface')}"
    return hits[0]


UNITS = [
    ("The agency spent $4.5 million on the project.", "4.5", {"value": 4.5e6, "unit": "USD"}),
    ("A fine of £82m was imposed.", "82", {"value": 8.2e7, "unit": "GBP"}),
    ("It raised A$12 billion.", "12", {"value": 1.2e10, "unit": "AUD"}),
    ("Costs hit 3.2bn euros.", "3.2", {"value": 3.2e9, "unit": "EUR"}),
    ("Orders passed 7Mln units.", "7", {"value": 7e6}),
    ("Nearly 1 million tourists came.", "1", {"value": 1e6, "unit": "tourist"}),
    ("About 1m voters stayed home.", "1m", {"unit": "voter", "value": 1e6}),
    ("The town has 1 bus.", "1", {"unit": "bus"}),
    ("The deal is worth $2BN.", "2", {"value": 2e9, "unit": "USD"}),
    ("The kettle stops at 100° Celsius.", "100", {"unit": "°C", "dimension": "temperature"}),
    ("Lake Vessin froze at 28 °Fahrenheit.", "28", {"unit": "°F", "dimension": "temperature"}),
    ("Nights fell to -7° centigrade.", "7", {"unit": "°C", "value": -7.0}),
    ("The ramp rises at 12° Corvane side.", "12", {"unit": "degree"}),
    ("Output at Marrow Pit passed 2100 megatonnes.", "2100", {"unit": "Mt", "value": 2100.0}),
    ("The Lessa pipeline runs 1900 km inland.", "1900", {"unit": "km", "dimension": "length"}),
    ("Lines of 1,000 or more voters formed.", "1,000", {"unit": "voter", "bound": "lower"}),
    ("The Pellow mine saw 300-odd strikes.", "300", {"unit": "strike", "bound": "lower"}),
    ("Some 40 or so boats sank at Vire.", "40", {"unit": "boat"}),
    ("Crews of 20 or fewer staff stayed.", "20", {"unit": "staff", "bound": "upper"}),
    ("Turnout was 64%.", "64", {"value": 64.0, "unit": "percent", "dimension": "ratio"}),
    ("Turnout was 64 per cent.", "64", {"unit": "percent"}),
    ("The road is 17 kilometres long.", "17", {"unit": "km", "dimension": "length"}),
    ("a 17-kilometre stretch of coast", "17", {"unit": "km", "concept": "stretch coast"}),
    ("The convoy carried 300 tonnes of grain.", "300", {"unit": "t", "dimension": "mass"}),
    ("The mill ground 12 Mt of ore.", "12", {"unit": "Mt", "dimension": "mass"}),
    ("Output neared 3.5 megatonnes.", "3.5", {"unit": "Mt", "dimension": "mass"}),
    ("The blast equalled 15 megatons.", "15", {"unit": "megaton", "dimension": "energy"}),
    ("Smoke covered 850 sq km of hills.", "850", {"unit": "km2", "dimension": "area"}),
    ("The ranch spans 40 sq miles.", "40", {"unit": "sq mi", "dimension": "area"}),
    ("The plant produces 40 MW.", "40", {"unit": "MW", "dimension": "power"}),
    ("Police arrested 23 protesters.", "23", {"unit": "protester", "dimension": "count"}),
    ("The ministry sent 1,500 armed men.", "1,500", {"unit": "man", "value": 1500.0}),
    (
        "She served six months in prison.",
        "six",
        {"value": 6.0, "unit": "month", "dimension": "duration"},
    ),
    ("The 44-year-old was released.", "44", {"unit": "year", "dimension": "age"}),
    ("The team won 14 last season and lost 9 last year.", "9", {"unit": None, "value": 9.0}),
    ("Rents climbed 6% a quarter of the flats were empty.", "6", {"per": None}),
    ("Rents climbed 6% a quarter in the capital.", "6", {"per": "quarter"}),
    ("The quake razed 90 farms, a quarter of them old.", "90", {"per": None, "unit": "farm"}),
    ("Imports fell by 3.1m last month.", "3.1", {"value": 3.1e6, "dimension": "count"}),
    ("The mine ran 2 full years.", "2", {"unit": "year", "dimension": "duration"}),
    ("He served one full year.", "one", {"unit": "year", "dimension": "duration"}),
    ("Prices were up 19 cents.", "19", {"value": 19.0, "unit": "cent", "change": "increase"}),
    (
        "tens of thousands of soldiers",
        "tens",
        {"value": 55000.0, "low": 1e4, "high": 1e5, "bound": "range", "unit": "soldier"},
    ),
    (
        "Dozens of villagers fled the floods.",
        "Dozens",
        {"value": 66.0, "low": 12.0, "high": 120.0, "bound": "range", "unit": "villager"},
    ),
    ("Hundreds of homes lost power.", "Hundreds", {"low": 100.0, "high": 1000.0}),
    ("Some 2 million 350 thousand pupils sat.", "2", {"value": 2.35e6, "unit": "pupil"}),
    ("The bridge cost $1 billion and 90 million.", "1", {"value": 1.09e9, "unit": "USD"}),
    # per-item prices and measures: a compound unit, `per` is for time only
    ("Crude settled at $71.30 per barrel.", "71.30", {"unit": "USD/bbl", "per": None}),
    ("The lender earned 48 cents a share.", "48", {"unit": "cent/share", "per": None}),
    ("Flats sell for £9,000 per square metre.", "9,000", {"unit": "GBP/m2"}),
    ("Each tent got 20 kilograms per family.", "20", {"unit": "kg/family", "dimension": "mass"}),
    ("Diesel cost $4 a gallon last week.", "4", {"unit": "USD/gal", "per": None}),
    # "per" a time `per` has no name for: the rate is in the unit, as per an item
    ("The glacier lost 3 metres per decade.", "3", {"unit": "m/decade", "per": None}),
    ("Seas may rise 2 feet per century.", "2", {"unit": "ft/century", "per": None}),
    ("The pump moves 40 litres per minute.", "40", {"unit": "L/minute", "per": None}),
    # fractions in words are ratios between 0 and 1
    (
        "Roughly a third of the budget goes on wages.",
        "third",
        {"value": 1 / 3, "unit": "fraction", "dimension": "ratio", "bound": "approx"},
    ),
    ("Two-thirds of the staff left.", "thirds", {"value": 2 / 3, "unit": "fraction"}),
    ("One in five voters stayed home.", "five", {"value": 0.2, "unit": "fraction"}),
    ("Almost half of the lakes dried up.", "half", {"value": 0.5, "bound": "upper"}),
    # symbols written right after digits, even those too ambiguous to stand alone
    ("Each roll weighs ~60g and rests for 5min.", "60", {"unit": "g", "bound": "approx"}),
    ("Each roll weighs ~60g and rests for 5min.", "5min", {"unit": "minute"}),
    ("The kit ships a 10W charger.", "10", {"unit": "W", "dimension": "power"}),
    ("a 3-6W reading lamp", "3", {"unit": "W", "low": 3.0, "high": 6.0, "bound": "range"}),
    ("The screen is 13.3″ wide.", "13.3", {"unit": "in", "dimension": "length"}),
    ("a mesh with a 120 μm gap", "120", {"unit": "µm", "dimension": "length"}),
    ("The coupe has a 610bhp engine.", "610", {"unit": "bhp", "dimension": "power"}),
    ("The bike reaches 60km/hr in three seconds.", "60", {"unit": "km/h"}),
    # a unit joined by a hyphen to the word after it
    ("The port is 27.5 percent-owned by the city.", "27.5", {"unit": "percent"}),
    ("an 80,000 barrel-a-day plant", "80,000", {"unit": "bbl", "per": "day"}),
    # currencies named in words, and "US $" with a space
    ("Savings over 4.2 million Danish crowns earn a bonus.", "4.2", {"unit": "DKK"}),
    ("The oil contract was up at US $71.40 per barrel.", "71.40", {"unit": "USD/bbl"}),
    # scale words chained, ages in months
    ("There were 6 hundred thousand people.", "6", {"value": 6e5, "unit": "person"}),
    ("his 9 month-old son", "9", {"unit": "month", "dimension": "age"}),
    ("drivers over the age of 70", "70", {"unit": "year", "dimension": "age"}),
    ("the 30 previous years of records", "30", {"unit": "year", "dimension": "duration"}),
    # shares written with a slash before "of", and powers of ten
    ("A furlong is 1/8 of a mile.", "1/8", {"value": 0.125, "unit": "fraction"}),
    ("and 1⁄64 of a gallon", "1⁄64", {"value": 1 / 64, "unit": "fraction"}),
    ("The grain weighs about 2.4×10−12 kilograms.", "2.4", {"value": 2.4e-12, "unit": "kg"}),
    ("a mole holds 6.02 x 10^23 atoms", "6.02", {"value": 6.02e23, "unit": "atom"}),
    # the bare part of a whole takes the whole's unit
    ("She found 90 million of the 2.5 billion shekels.", "90", {"unit": "ILS", "change": None}),
    ("The office put 11 of the country's 14 regions on alert.", "11", {"unit": "region"}),
    ("Rain closed 3 of Lima's 40 schools.", "3", {"unit": "school"}),
    # a participle before "by" is a passive's verb, no counted noun
    ("Aid groups say 110, against the 42 given by the agency.", "42", {"unit": None}),
]

HEDGES = [
    (
        "There are more than 20,000 fighters.",
        "20,000",
        {"bound": "lower", "low": 2e4, "high": None},
    ),
    ("There are nearly 20,000 fighters.", "20,000", {"bound": "upper", "low": None, "high": 2e4}),
    ("There are about 20,000 fighters.", "20,000", {"bound": "approx", "qualifier": "about"}),
    ("just over 1,000 were sent", "1,000", {"bound": "lower", "qualifier": "just over"}),
    ("up to 300 people attended", "300", {"bound": "upper", "qualifier": "up to"}),
    ("some 5,000 troops", "5,000", {"bound": "approx", "qualifier": "some"}),
    ("20,000 or more people", "20,000", {"bound": "lower"}),
    (
        "Estimates range from 175,000-200,000 deaths.",
        "175,000",
        {"bound": "range", "low": 175000.0, "high": 200000.0, "value": 187500.0},
    ),
    ("between 10 and 20 ships", "10", {"bound": "range", "low": 10.0, "high": 20.0}),
    ("over the next two or three weeks", "two", {"bound": "range", "low": 2.0, "high": 3.0}),
    ("within six to 12 months", "six", {"bound": "range", "low": 6.0, "high": 12.0}),
    ("one or two people", "one", {"bound": "range", "unit": "person"}),
    ("Lake temperatures fell by 2 to 2.5 degrees Celsius.", "2 ", {"low": 2.0, "high": 2.5}),
    ("a range of ~15 – 30min", "15", {"bound": "range", "qualifier": "~", "unit": "minute"}),
    # "an average of" reports a statistic, not a hedge
    ("Cars sit on the lot an average of 45 days.", "45", {"bound": "exact"}),
]

RATES_AND_CHANGES = [
    ("The group spends $5 million each month.", "5", {"per": "month"}),
    ("The group spends $5 million a year.", "5", {"per": "year"}),
    ("It earns $300 per day.", "300", {"per": "day"}),
    # the period after what is measured, named after "of"
    ("The kiln burns 300 tonnes of wet clay a day.", "300", {"unit": "t", "per": "day"}),
    ("The wells pump 40,000 barrels of crude daily.", "40,000", {"per": "day"}),
    ("The ships carried 300 tonnes of aid in the first week.", "300", {"per": None}),
    ("Sales were 5% higher than a year ago.", "5", {"per": None}),
    (
        "The population fell by more than 23,000.",
        "23,000",
        {"change": "decrease", "bound": "lower"},
    ),
    ("Exports rose 12% last year.", "12", {"change": "increase"}),
    ("There were 2,300 fewer prisoners.", "2,300", {"change": "decrease", "unit": "prisoner"}),
    (
        "Numbers grew from 300 to nearly 2,000.",
        "2,000",
        {"change": "increase", "bound": "upper"},
    ),
    ("Numbers grew from 300 to nearly 2,000.", "300", {"change": None, "bound": "exact"}),
    ("The miner rose 12 pence to 340 pence.", "340", {"change": "increase", "unit": "penny"}),
    ("The index slid 2.5% to 7,400 points.", "7,400", {"change": "decrease"}),
    # a first figure that shares the second's scale
    ("Guidance fell from $61 to $64 billion.", "61", {"value": 6.1e10, "bound": "exact"}),
    # "from X to Y" with a bare Y: Y takes X's unit
    ("Economy climbed from 31 mpg to 34 for the new model.", "34", {"unit": "mpg"}),
    # phrasal verbs that end in a change word state no change
    ("The defence gave up 212 yards.", "212", {"change": None}),
    ("It all boils down to $21 a foot.", "21", {"change": None}),
    ("The forecast was revised upward by $25 million.", "25", {"change": "increase"}),
    ("shares closed down 3% on Friday", "3", {"change": "decrease"}),
    # "rose by $3bn to $212bn" is two figures; "by 5 to 105" too (no unit, far apart)
    ("It rose by 5 to 105.", "105", {"value": 105.0, "bound": "exact"}),
    ("Shares of A were down 1.4%, Halden by 3.1% on Monday.", "3.1", {"change": "decrease"}),
    ("The regulator raised its levy by 5%.", "5", {"change": "increase"}),
]

ASSERTERS = [
    ("The group has 50,000 personnel, the official said.", "50,000", {"attribution": "official"}),
    ("Okafor said the group spends $100 million a month.", "100", {"attribution": "Okafor"}),
    (
        "According to the UK Ministry of Defence, 1,000 containers left.",
        "1,000",
        {"attribution": "UK Ministry of Defence"},
    ),
    ("The bill cost $5 million, said Senator Jane Roe.", "5", {"attribution": "Senator Jane Roe"}),
]


#: A number in words with a scale word (thousand and up) is a figure even with nothing
#: counted after it; a small one ("nine of them") stands for a noun said elsewhere.
SPELLED_SCALES = [
    ("The tally of the Orvane census reached nine million.", "nine", {"value": 9e6}),
    ("Pledges to the fund passed two thousand by noon.", "two", {"value": 2e3}),
    ("Attendance, organisers said, was four hundred thousand.", "four", {"value": 4e5}),
]


#: A bare "m" before a noun (in any case) is millions unless a word of size, reach, leap
#: or race, or another length unit, is near: then it is metres.
MILLIONS_OR_METRES = [
    ("Some 2.3m Velarians left the coast.", "2.3m", {"value": 2.3e6}),
    ("The new hall is 2.5m tall.", "2.5m", {"value": 2.5, "unit": "m"}),
    ("Crews dug a 3m-deep trench.", "3m", {"value": 3.0, "unit": "m"}),
    ("Tamsin jumped 2.1m in Lerrow.", "2.1m", {"value": 2.1, "unit": "m"}),
    ("He took the 400m final.", "400m", {"value": 400.0, "unit": "m"}),
    ("She set a 100m sprint best.", "100m", {"value": 100.0, "unit": "m"}),
    ("Relief reached 4.9m Kessarians.", "4.9m", {"value": 4.9e6}),
    ("One plank of 2m equals 200 cm.", "2m", {"value": 2.0, "unit": "m"}),
]


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    UNITS + HEDGES + RATES_AND_CHANGES + ASSERTERS + SPELLED_SCALES + MILLIONS_OR_METRES,
)
def test_fields(text: str, needle: str, expected: dict[str, Any]) -> None:
    row = _one(text, needle)
    got = {k: row[k] for k in expected}
    assert got == expected, row


NOT_CLAIMS = [
    ("The annexation happened in 2014.", "2014"),
    ("Its 2020 tonnes of output came late.", "2020"),
    ("In March 2022 the force arrived.", "2022"),
    ("The war enters its 19th month.", "19"),
    ("He cited the 14th Amendment.", "14"),
    ("The GPT-4 model wrote it.", "4"),
    ("Ukraine wants F-16 jets.", "16"),
    ("The meeting is at 10:30 today.", "10"),
    ("Dated 2023-01-20 in the header.", "2023"),
    ("On Oct. 31 prices fell.", "31"),
    ("Call 020 7946 0958 for details.", "7946"),
    ("the two countries share a border", "two"),
    ("one of the biggest suppliers", "one"),
    ("Nine of them voted against the plan.", "Nine"),
    ("She picked three and left the rest.", "three"),
    ("1. First item of the list", "1"),
    ("Operators rolled out 5G networks.", "5"),
    ("The storm grew into a category 3 hurricane.", "3"),
    ("Its 747 Jumbo entered service late.", "747"),
    ("The carrier grounded three new 757 Cargo jets.", "757"),
    # digits and two capitalised words or more, none plural: a model's or a craft's name
    ("Reviewers preferred the 9 Turbo Max over its rival.", "9"),
    ("The Voyager 2 Probe Mission team met.", "2"),
    ("Homes in the 10023 ZIP Code sold fast.", "10023"),
    ("She signed a three-year contract with the club.", "three"),
    ("Sales rose in the first half of the year.", "half"),
    ("Open 24/7 since the spring.", "24"),
    ("Lumiva's 2019 sales jumped.", "2019"),
    ("Its 2019 budget was cut.", "2019"),
    ("A mass of 5×10^999 grams is no figure.", "5"),
]


@pytest.mark.parametrize(("text", "needle"), NOT_CLAIMS)
def test_not_claims(text: str, needle: str) -> None:
    df = extract_claims(text)
    at = text.index(needle)
    hits = df.filter((pl.col("start") <= at) & (pl.col("end") > at))
    assert hits.height == 0, hits.select("surface")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a people or things counted after capitalised words are plural, or a lower-case noun
        ("The club signed 14 New Zealanders.", "Zealander"),
        ("The clinic hired 30 South African doctors.", "doctor"),
    ],
)
def test_capitalised_words_before_a_plural_still_count(text: str, unit: str) -> None:
    assert extract_claims(text)["unit"].to_list() == [unit]


def test_restatement_is_linked_and_shares_hedge_and_rate() -> None:
    df = extract_claims(
        "Reyes said the club spends more than $50 million (£40 million) each month."
    )
    usd, gbp = df.row(0, named=True), df.row(1, named=True)
    assert (usd["unit"], gbp["unit"]) == ("USD", "GBP")
    assert gbp["restates"] == usd["claim_id"] and usd["restates"] is None
    assert gbp["bound"] == "lower" and usd["per"] == gbp["per"] == "month"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Numbers grew from 300 to nearly 2,000.", "300", "2,000"),
        ("The token fell from $412 at 9am on Monday to $398.", "412", "398"),
        ("Output jumped from 180 to 215.", "180", "215"),
    ],
)
def test_from_to_links_the_level_reached_to_its_start(text: str, first: str, second: str) -> None:
    a, b = _one(text, first), _one(text, second)
    assert b["from_claim"] == a["claim_id"] and a["from_claim"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Sales were 5 to 7 per cent in March and 3 to 5 per cent in April.",  # two ranges
        "It rose 4% to $1.8 billion.",  # no "from"
        "From 2020, 15 sites reopened to 3,000 visitors.",  # "to" is not a series here
    ],
)
def test_no_from_to_link(text: str) -> None:
    assert extract_claims(text)["from_claim"].is_null().all()


def test_continental_separators_in_german_text() -> None:
    text = "Die Regierung sagt, die Zahl der Kämpfer ist auf 20.000 gestiegen und nicht auf 3,5."
    values = extract_claims(text)["value"].to_list()
    assert 20000.0 in values and 3.5 in values


def test_furniture_after_an_end_marker_is_flagged() -> None:
    text = "Officials said 300 troops arrived.\nMore stories\nBank pays $60m to settle case\n"
    df = extract_claims(text)
    assert df.filter(pl.col("boilerplate"))["unit"].to_list() == ["USD"]
    assert df.filter(~pl.col("boilerplate"))["value"].to_list() == [300.0]


def test_ids_are_stable_and_schema_is_exact() -> None:
    text = "Officials said 300 troops arrived."
    a, b = extract_claims(text, doc_id="x"), extract_claims(text, doc_id="x")
    assert a.schema == CLAIMS_SCHEMA
    assert a["claim_id"].to_list() == b["claim_id"].to_list()
    assert extract_claims(text, doc_id="y")["claim_id"][0] != a["claim_id"][0]


def test_rows_hold_the_schema_columns_in_order_and_metadata_lands_in_its_own() -> None:
    """The frame is built from each row's values in order: a row's keys are the schema's
    columns before the document metadata, and each metadata value lands in its column."""
    import datetime as dt

    from extract.claims import extract_rows

    text = "The co-op said it sold 2,500 tonnes of barley, up 8% on the year."
    rows = extract_rows(text)
    assert rows and all(list(row) == CLAIMS_SCHEMA.names()[:-4] for row in rows)
    meta = {"outlet": "Farm Post", "published": dt.date(2031, 3, 4), "url": "u", "title": "T"}
    df = extract_claims(text, **meta)
    assert df.schema == CLAIMS_SCHEMA
    assert df.select(list(meta)).unique().rows(named=True) == [meta]
    assert df.drop(list(meta)).rows() == [tuple(row.values()) for row in rows]


CONCEPTS = [
    # the noun phrase the figure is about, opened by its article, a month naming the thing
    (
        "The March wheat contract was up 12 cents and the March corn contract was up 3.5 cents.",
        "3.5",
        {"concept": "March corn contract"},
    ),
    # a relative clause: the phrase before ", which"
    ("Ticket sales, which were up 1.9%, lifted the theatre.", "1.9", {"concept": "Ticket sales"}),
    # a spending verb gives its noun; the spender is the subject, not the concept
    (
        "The charity spends $3 million a year on shelters.",
        "3",
        {"concept": "spending", "subject": "charity"},
    ),
    # a verb in -ing is no concept; the phrase after the amount is
    ("The lender said it is sitting on $2 billion in reserves.", "2", {"concept": "reserves"}),
    ("Owners of Acme stock now sit on $4 million in savings.", "4", {"concept": "savings"}),
    # a closing verb ends the phrase; a possessive is dropped
    ("The index ended down 1.2% at 812 points.", "1.2", {"concept": "index"}),
    ("Spain’s economy grew by 2%.", "2", {"concept": "Spain economy"}),
    # a currency code or a sentence-opening adjective is nobody's name
    ("Fresh bread prices rose 6% in the year.", "6", {"subject": None}),
    # noun-noun compounds are counted as one kind; adjectives are not part of the unit
    ("The port handled 4 million shipping containers.", "4", {"unit": "shipping container"}),
    ("About 40 commercial divers work from the harbour.", "40", {"unit": "diver"}),
    # an article before the amount belongs to the noun the amount qualifies
    ("Staff will get a 5% pay rise.", "5", {"concept": "pay rise"}),
    ("They pay a $1200 a month lease.", "1200", {"concept": "lease", "per": "month"}),
    # a restatement in brackets is read past; a participle after the noun ends the phrase
    (
        "It adds 5 miles (8 kilometres) of new cables buried under the bay.",
        "5",
        {"concept": "new cables"},
    ),
    # an age names whose age it is when the text does; a unit's words are nobody's name
    ("A 42-year-old woman from Porto was charged.", "42", {"concept": "age of woman from Porto"}),
    (
        "Savers with over 4.2 million Danish crowns (US $0.6 million) earn a bonus.",
        "0.6",
        {"subject": "Savers"},
    ),
    # a bare word right before a figure is its verb, not part of the concept
    ("The bank plans to lay off 1,200 employees.", "1,200", {"unit": "employee"}),
    ("They must hire ten nurses by June.", "ten", {"concept": "nurses"}),
    # what the figure is for, after it or after the noun it qualifies
    (
        "They fitted a 3-6W lamp for night reading.",
        "3-6W",
        {"concept": "lamp for night reading"},
    ),
    ("Shares were up 12 per cent for the year.", "12", {"concept": "Shares"}),
    # names with numbers in them; a name before an earlier figure owns the next one
    ("This Nova 5 Pro bundle gives you 30GB of data.", "30GB", {"subject": "Nova 5 Pro"}),
    ("Honda slid 3% to 1,450 yen as Mazda lost 1.6%.", "1.6", {"concept": "Mazda"}),
    # an adjective of nationality opens a noun phrase; it names nobody
    (
        "The Brazilian steel giant earns 40% of its sales abroad.",
        "40",
        {"subject": "Brazilian steel giant"},
    ),
    # a place named after "in" is skipped whole, not cut to its last words
    ("Last year rents in Salt Lake City rose 5%.", "5", {"subject": None}),
    # a name and the plain nouns after it, then a verb: the whole phrase is the subject
    ("Acme shares have jumped nearly 40% this year.", "40", {"subject": "Acme shares"}),
    ("A Lisbon villa reportedly fetched $2 million.", "2", {"subject": "Lisbon villa"}),
    ("Acme employs 300 people.", "300", {"subject": "Acme"}),
    ("Spain’s prison population has fallen by 2,000.", "2,000", {"subject": "Spain"}),
    # an adjective between the article and the amount belongs to the noun too
    ("Gold slid to $1,900, a steep 4 percent fall.", "4", {"concept": "steep fall"}),
    ("She won a three-year $450,000 grant.", "450,000", {"concept": "three-year grant"}),
    # the phrase a qualified noun takes, unless it says where or when
    ("The state has a 15% levy on imported steel.", "15", {"concept": "levy on imported steel"}),
    ("Staff get a 4% pay rise in January.", "4", {"concept": "pay rise"}),
    # a figure in a relative clause measures the phrase the clause stands for; a name
    # before that phrase owns nothing of it, and "that" after a verb opens no such clause
    (
        "Locals say Tarn is a long lake that is about 40 miles wide.",
        "40",
        {"concept": "long lake", "subject": None},
    ),
    ("They want sprinters who can run 100 metres fast.", "100", {"concept": "sprinters"}),
    ("Rates of the loans which range from 2% to 3% apply.", "2", {"concept": "loans"}),
    ("Acme said that sales rose 4%.", "4", {"concept": "sales"}),
    ("Acme is a firm that makes chips, but its sales fell 5%.", "5", {"subject": "Acme"}),
    (
        "She has run charity walks that include a 12 kilometre hike.",
        "12",
        {"concept": "hike", "subject": "charity walks"},
    ),
    # a name's appositive describes the name, which is what the figure is of; a date after
    # it names nothing
    (
        "Acme, the largest chip maker, rose 4% on Monday.",
        "4",
        {"concept": "Acme", "subject": "Acme"},
    ),
    ("Sales at Acme rose 4% on Monday.", "4", {"concept": "Sales Acme"}),
    (
        "Banks rose 2%, while utilities, the weakest performing group, slipped 0.7%.",
        "0.7",
        {"concept": "utilities", "subject": None},
    ),
    # a verb before its particle ("lay off"); a phrase before "to <verb>" is no subject;
    # what an asserter announced of itself is its own, not what it announced "that"
    ("Acme Corp will lay off 300 workers.", "300", {"concept": "workers, Acme Corp"}),
    ("Acme Corp announced plans to lay off 300 workers.", "300", {"subject": "Acme Corp"}),
    ("The ministry announced that 300 soldiers had died.", "300", {"subject": None}),
    # "our" stands for the writer: no one named owns the figure
    (
        "Baking takes 40 minutes since our small loaves are only 60g each.",
        "60",
        {"subject": None},
    ),
    # contractions written without apostrophes are function words; "going" is a verb
    ("The firm isnt worth $5 million.", "5", {"concept": "firm"}),
    ("She sees the euro going to $1.30 soon.", "1.30", {"concept": "euro"}),
    # "range from" is a verb; a hyphenated noun after a percentage is what it qualifies
    ("Rents range from $900 to $2,400.", "900", {"concept": "Rents"}),
    (
        "Banks offer 85 per cent loan-to-value loans.",
        "85",
        {"concept": "loan-to-value loans"},
    ),
    # "forecast to slow", "expected to rise": verbs; another figure's change verb is no word
    (
        "Output across Europe has been forecast to ease from 3.1% to 2.9%.",
        "3.1",
        {"concept": "Output Europe"},
    ),
    ("The index shed 0.7% to close at 2,815.", "2,815", {"concept": "index"}),
    # after "<figure> and" the phrase opens a clause of its own
    ("Sales rose 3% and profits fell 5%.", "5", {"concept": "profits"}),
    # a time after the unit is no noun it qualifies; an -ed word after an adjective
    # qualifies the noun; a short number inside the sentence's opening phrase
    (
        "The grade 2 cyclone brought maximum sustained winds of 90mph late Sunday.",
        "90",
        {"concept": "maximum sustained winds", "subject": "grade 2 cyclone"},
    ),
    # "remain", "stay", "came back" are verbs, not what is measured
    ("The lava shoots out at about 60 miles per hour.", "60", {"concept": "lava"}),
    ("The bank's shares came back at $4.", "4", {"concept": "bank shares"}),
    ("Tenants stay an average of 30 months.", "30", {"concept": "average", "subject": "Tenants"}),
    # an abbreviation's full stop ends nothing
    ("The avg. rate of pulses was roughly 40 Hz.", "40", {"concept": "avg rate pulses"}),
    # a decade is a time, not what is measured
    (
        "The surplus hit its highest point in a decade at $212 billion.",
        "212",
        {"concept": "highest point"},
    ),
    # the name heading a verb is the subject, not the name after the verb
    (
        "The Vega rover reached the crater after a 2.6 million-mile journey.",
        "2.6",
        {"subject": "Vega rover"},
    ),
    # whose age: the noun and the place it is from or found in
    (
        "Rui Costa, a 42 year-old man from Porto, pleaded guilty.",
        "42",
        {"concept": "age of man from Porto"},
    ),
    (
        "A 9,000 year-old canoe found in Lough Neagh in Ireland.",
        "9,000",
        {"concept": "age of canoe found in Lough Neagh"},
    ),
    # a hyphenated amount's noun takes its phrase; a name qualifying a noun is no place
    ("It brings a 3-mpg gain in its WLTP mileage.", "3", {"concept": "gain in WLTP mileage"}),
    ("Bolt bought a 5% stake in Acme Corp.", "5", {"concept": "stake"}),
    # a name and its nouns before a clause with no "that" ("the brand it bought")
    (
        "The Lumo cycling brand it acquired grew sales by 12%.",
        "12",
        {"subject": "Lumo cycling brand"},
    ),
    # another name for something ("dubbed the HX-2") and a clause "we" or "you" heads
    # leave the names before them out (the head before the alias is the subject)
    (
        "The rail link, dubbed the HX-2, carries 22 percent of the freight.",
        "22",
        {"subject": "rail link"},
    ),
    (
        "Acme's plan is young; to grow we need to hire 400 staff next year.",
        "400",
        {"subject": None},
    ),
    ("This Galaxy 5 plan offers you 30GB of data.", "30", {"subject": "Galaxy 5 plan"}),
    # "..., Bolt by 3.1%": the name before "by" is what the gapped figure is about
    ("Shares of Acme and Dunn were down 1.4%, Bolt by 3.1%.", "3.1", {"subject": "Bolt"}),
    # a time span is when, not what is measured
    (
        "The club, hit by scandal over the past two years, sold it.",
        "two",
        {"concept": None},
    ),
    # the phrase a sentence opens with: up to four words, an "of" phrase included
    (
        "The value of the rare painting was put at a hefty sum of USD25m.",
        "25",
        {"concept": "hefty sum", "subject": "value of rare painting"},
    ),
    (
        "The regional savings bank posted a loss of 48 cents a share.",
        "48",
        {"subject": "regional savings bank"},
    ),
    # "trade", "top" right before a noun are nouns, not verbs
    ("Gusts in Oslo can reach 90mph.", "90", {"concept": "Gusts Oslo"}),
    ("Top gusts in Oslo can reach 90mph.", "90", {"concept": "Top gusts Oslo"}),
    (
        "The trade gap figures for May fell to $30bn.",
        "30",
        {"concept": "trade gap figures"},
    ),
    # a share "from" a time is no concept; the phrase before names it
    ("Output was down 3% from a year ago.", "3", {"concept": "Output"}),
    # a ticker in brackets after the name is no part of the name
    ("Dunn (D) has 9,000 workers in Wales.", "9,000", {"subject": "Dunn"}),
    # a word describing a name between its article and the name belongs to the subject
    ("The base Nova 5 has only 256GB of storage.", "256", {"subject": "base Nova 5"}),
    ("The self-styled Salmon Queen paid $2 million.", "2", {"subject": "self-styled Salmon Queen"}),
    ("The reported Acme bid was $3 billion.", "3", {"subject": "Acme bid", "attribution": None}),
    # "<asserter> said it ...": the pronoun stands for the asserter, who owns the figure
    ("Acme said it has more than 1,000 customers.", "1,000", {"subject": "Acme"}),
    ("Acme said Bolt has 900 customers.", "900", {"subject": "Bolt"}),
    ("Acme says it will cost each driver about $310.", "310", {"subject": None}),
    # what an asserter "expects" or "reported" of itself is its own; a restatement too
    (
        "The grocer now expects an annual profit of £2 billion ($2.5 billion).",
        "2.5",
        {"subject": "grocer", "attribution": "grocer"},
    ),
    (
        "The bank posted a loss of 48 cents a share, according to Refinitiv.",
        "48",
        {"subject": "bank", "attribution": "Refinitiv"},
    ),
    # a name after "by" is an agent, not whose the figure is
    ("The motor was built by Kessler to deliver 410 hp.", "410", {"subject": "motor"}),
    # the word after a modal is a verb, not part of the concept
    ("Heavy rain could cause river levels to rise 3 metres.", "3", {"concept": "river levels"}),
    # a concept that is its clause's subject has no owner before it in another clause
    (
        "Acme has estimated that a long strike would cost $30 million.",
        "30",
        {"concept": "long strike", "subject": None},
    ),
    ("In the Porto area, the average rent was $2,400.", "2,400", {"subject": None}),
    ("Acme is a firm that makes chips, but sales fell 5%.", "5", {"subject": None}),
    ("A score is 20 items whilst a ream is 500 sheets.", "500", {"subject": None}),
    (
        "Shares of Acme and Bolt Corp were down 2%.",
        "2",
        {"subject": "Shares of Acme and Bolt Corp"},
    ),
    # a participle between the noun and the clause's own verb belongs to the phrase
    ("Shares traded on the Nasdaq were up 3%.", "3", {"concept": "Shares traded Nasdaq"}),
    ("Sales jumped in March to 5%.", "5", {"concept": "Sales"}),
    # a short form in brackets after the phrase is read past; a lead-in name before a
    # dash is what the item is about
    (
        "Liquefied Natural Gas (LNG) traded at $14 a unit.",
        "14",
        {"concept": "Liquefied Natural Gas", "subject": "LNG"},
    ),
    (
        "Acme Mining — Shares of the copper group fell 1.3% on Tuesday.",
        "1.3",
        {"subject": "Acme Mining"},
    ),
    # a figure compared with another measures the same thing; "the first quarter" is a time
    (
        "Acme Corp cut its sales forecast for the first quarter to $61 billion, down from $64 billion.",
        "64",
        {"concept": "sales forecast", "subject": "Acme Corp"},
    ),
    ("The list price is $27,450 versus last year's $26,900.", "26,900", {"concept": "list price"}),
    (
        "The average rent was $2,400, down 6.5% on a year ago.",
        "6.5",
        {"concept": "average rent"},
    ),
    ("Sales grew from 5 million to 7 million.", "7", {"concept": "Sales"}),
    (
        "Its mileage climbed from 31 mpg to 34 for small cars.",
        "34",
        {"concept": "mileage for small cars"},
    ),
    (
        "Mileage rose, from 30 mpg in 2012 to 41 mpg for small cars.",
        "41",
        {"concept": "small cars"},
    ),
    # "forecast", "estimates", "show" before a preposition or an auxiliary are nouns, not
    # an asserter's verb
    (
        "Acme Corp cut its sales forecast to $61 billion.",
        "61",
        {"attribution": None, "subject": "Acme Corp"},
    ),
    ("The revenue estimates were $5 billion.", "5", {"attribution": None}),
    ("Analysts forecast sales of $61 billion.", "61", {"attribution": "Analysts"}),
    # a word in -ing, or in -ed after an article, right before the noun qualifies it
    ("The operating profit was $420 million.", "420", {"concept": "operating profit"}),
    ("Our baked loaves are only 60g each.", "60", {"concept": "baked loaves"}),
    # a noun after an article right before the figure is no verb
    (
        "Miners dragged the energy index 1.3 percent lower.",
        "1.3",
        {"concept": "energy index"},
    ),
    # what the figure is for, past its restatement in brackets
    ("They paid HK$48,300 (£4,900) for repairs.", "4,900", {"concept": "repairs"}),
    # a lead-in clause cut off by a comma is passed over to the clause's own subject
    (
        "Since opening the depot, the courier has cut its late deliveries to 2 per cent.",
        "2",
        {"subject": "courier"},
    ),
    # an adverb between a name and its verb; a name after "the" and a participle
    (
        "Zentro also sells the refurbished Bosch Serie drill at $90.",
        "90",
        {"concept": "refurbished Bosch Serie drill", "subject": "Zentro"},
    ),
    # the party a deal is with
    (
        "He was freed from his $90,000 deal with Northwind Press.",
        "90,000",
        {"concept": "deal with Northwind Press"},
    ),
    # the five words before a figure make its concept
    (
        "The average weekly rent for flats in Derby is around 900.",
        "900",
        {"concept": "average weekly rent flats Derby"},
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), CONCEPTS)
def test_concepts_and_subjects(text: str, needle: str, expected: dict[str, Any]) -> None:
    row = _one(text, needle)
    for key, want in expected.items():
        assert row[key] == want, f"{key}: {row[key]!r} != {want!r} in {text!r}"
