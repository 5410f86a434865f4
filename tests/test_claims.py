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
    ("Turnout was 64%.", "64", {"value": 64.0, "unit": "percent", "dimension": "ratio"}),
    ("Turnout was 64 per cent.", "64", {"unit": "percent"}),
    ("The road is 17 kilometres long.", "17", {"unit": "km", "dimension": "length"}),
    ("a 17-kilometre stretch of coast", "17", {"unit": "km", "concept": "stretch coast"}),
    ("The convoy carried 300 tonnes of grain.", "300", {"unit": "t", "dimension": "mass"}),
    ("The plant produces 40 MW.", "40", {"unit": "MW", "dimension": "power"}),
    ("Police arrested 23 protesters.", "23", {"unit": "protester", "dimension": "count"}),
    ("The ministry sent 1,500 armed men.", "1,500", {"unit": "man", "value": 1500.0}),
    (
        "She served six months in prison.",
        "six",
        {"value": 6.0, "unit": "month", "dimension": "duration"},
    ),
    ("The 44-year-old was released.", "44", {"unit": "year", "dimension": "age"}),
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
    # per-item prices and measures: a compound unit, `per` is for time only
    ("Crude settled at $71.30 per barrel.", "71.30", {"unit": "USD/bbl", "per": None}),
    ("The lender earned 48 cents a share.", "48", {"unit": "cent/share", "per": None}),
    ("Flats sell for £9,000 per square metre.", "9,000", {"unit": "GBP/m2"}),
    ("Each tent got 20 kilograms per family.", "20", {"unit": "kg/family", "dimension": "mass"}),
    ("Diesel cost $4 a gallon last week.", "4", {"unit": "USD/gal", "per": None}),
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
    ("Each sample weighs ~45g and bakes for 3min.", "45", {"unit": "g", "bound": "approx"}),
    ("Each sample weighs ~45g and bakes for 3min.", "3min", {"unit": "minute"}),
    ("The kit ships a 10W charger.", "10", {"unit": "W", "dimension": "power"}),
    ("a 5-10W heating laser", "5", {"unit": "W", "low": 5.0, "high": 10.0, "bound": "range"}),
    ("The screen is 13.3″ wide.", "13.3", {"unit": "in", "dimension": "length"}),
    ("a grid with a 352 μm pitch", "352", {"unit": "µm", "dimension": "length"}),
    ("The coupe has a 610bhp engine.", "610", {"unit": "bhp", "dimension": "power"}),
    ("The car reaches 100km/hr in four seconds.", "100", {"unit": "km/h"}),
    # a unit joined by a hyphen to the word after it
    ("The port is 61.5 percent-owned by the city.", "61.5", {"unit": "percent"}),
    ("They plan a 90,000 barrel-a-day pipeline.", "90,000", {"unit": "bbl", "per": "day"}),
    # currencies named in words, and "US $" with a space
    ("Deposits over 7.5 million Danish crowns pay a fee.", "7.5", {"unit": "DKK"}),
    ("The crude contract was up at US $58.24 per barrel.", "58.24", {"unit": "USD/bbl"}),
    # scale words chained, ages in months
    ("There were 4 hundred million people.", "4", {"value": 4e8, "unit": "person"}),
    ("her 18 month-old daughter", "18", {"unit": "month", "dimension": "age"}),
    ("players over the age of 21", "21", {"unit": "year", "dimension": "age"}),
    ("the 50 previous years of programming", "50", {"unit": "year", "dimension": "duration"}),
    # shares written with a slash before "of", and powers of ten
    ("An ounce is 1/16 of a pint.", "1/16", {"value": 0.0625, "unit": "fraction"}),
    ("and 1⁄32 of a quart", "1⁄32", {"value": 1 / 32, "unit": "fraction"}),
    ("The sun weighs about 1.99×10−30 kilograms.", "1.99", {"value": 1.99e-30, "unit": "kg"}),
    ("a mole holds 6.02 x 10^23 atoms", "6.02", {"value": 6.02e23, "unit": "atom"}),
    # the bare part of a whole takes the whole's unit
    ("He raised 280 million of the 1.5 billion shekels.", "280", {"unit": "ILS", "change": None}),
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
    ("over the past three or four years", "three", {"bound": "range", "low": 3.0, "high": 4.0}),
    ("within seven to 10 years", "seven", {"bound": "range", "low": 7.0, "high": 10.0}),
    ("one or two people", "one", {"bound": "range", "unit": "person"}),
    ("Temperatures dropped by 1 to 1.5 degrees Celsius.", "1 ", {"low": 1.0, "high": 1.5}),
    ("a range of ~25 – 40min", "25", {"bound": "range", "qualifier": "~", "unit": "minute"}),
    # "an average of" reports a statistic, not a hedge
    ("Homes stay on the market an average of 70 days.", "70", {"bound": "exact"}),
]

RATES_AND_CHANGES = [
    ("The group spends $5 million each month.", "5", {"per": "month"}),
    ("The group spends $5 million a year.", "5", {"per": "year"}),
    ("It earns $300 per day.", "300", {"per": "day"}),
    ("Sales were 5% higher than a year ago.", "5", {"per": None}),
    (
        "The population fell by more than 23,000.",
        "23,000",
        {"change": "decrease", "bound": "lower"},
    ),
    ("Exports rose 12% last year.", "12", {"change": "increase"}),
    ("There were 2,300 fewer prisoners.", "2,300", {"change": "decrease", "unit": "prisoner"}),
    (
        "Numbers grew from 1,000 to nearly 20,000.",
        "20,000",
        {"change": "increase", "bound": "upper"},
    ),
    ("Numbers grew from 1,000 to nearly 20,000.", "1,000", {"change": None, "bound": "exact"}),
    ("The miner rose 12 pence to 340 pence.", "340", {"change": "increase", "unit": "penny"}),
    ("The index slid 2.5% to 7,400 points.", "7,400", {"change": "decrease"}),
    # a first figure that shares the second's scale
    ("Guidance fell from $89 to $93 billion.", "89", {"value": 8.9e10, "bound": "exact"}),
    # "from X to Y" with a bare Y: Y takes X's unit
    ("Economy climbed from 21 mpg to 23 for the new model.", "23", {"unit": "mpg"}),
    # phrasal verbs that end in a change word state no change
    ("The defence gave up 517 yards.", "517", {"change": None}),
    ("It all boils down to $21 a foot.", "21", {"change": None}),
    ("Profit was revised upward by $40 million.", "40", {"change": "increase"}),
    ("shares closed down 3% on Friday", "3", {"change": "decrease"}),
    # "rose by $4bn to $419bn" is two figures; "by 5 to 105" too (no unit, far apart)
    ("It rose by 5 to 105.", "105", {"value": 105.0, "bound": "exact"}),
    ("Shares of A were down 2.3%, Burlington by 2.6% on Monday.", "2.6", {"change": "decrease"}),
    ("The regulator raised its levy by 5%.", "5", {"change": "increase"}),
]

ASSERTERS = [
    ("The group has 50,000 personnel, the official said.", "50,000", {"attribution": "official"}),
    ("Kirby said the group spends $100 million a month.", "100", {"attribution": "Kirby"}),
    (
        "According to the UK Ministry of Defence, 1,000 containers left.",
        "1,000",
        {"attribution": "UK Ministry of Defence"},
    ),
    ("The bill cost $5 million, said Senator Jane Roe.", "5", {"attribution": "Senator Jane Roe"}),
]


@pytest.mark.parametrize(
    ("text", "needle", "expected"), UNITS + HEDGES + RATES_AND_CHANGES + ASSERTERS
)
def test_fields(text: str, needle: str, expected: dict[str, Any]) -> None:
    row = _one(text, needle)
    got = {k: row[k] for k in expected}
    assert got == expected, row


NOT_CLAIMS = [
    ("The annexation happened in 2014.", "2014"),
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
    ("1. First item of the list", "1"),
    ("Operators rolled out 5G networks.", "5"),
    ("The storm grew into a category 3 hurricane.", "3"),
    ("Its 787 Dreamliner entered service late.", "787"),
    ("The carrier grounded three new 737 Max jets.", "737"),
    ("Homes in the 10023 ZIP Code sold fast.", "10023"),
    ("She signed a three-year contract with the club.", "three"),
    ("Sales rose in the first half of the year.", "half"),
    ("Open 24/7 since the spring.", "24"),
    ("Keytruda's 2018 sales jumped.", "2018"),
    ("Its 2019 budget was cut.", "2019"),
    ("A mass of 5×10^999 grams is no figure.", "5"),
]


@pytest.mark.parametrize(("text", "needle"), NOT_CLAIMS)
def test_not_claims(text: str, needle: str) -> None:
    df = extract_claims(text)
    at = text.index(needle)
    hits = df.filter((pl.col("start") <= at) & (pl.col("end") > at))
    assert hits.height == 0, hits.select("surface")


def test_restatement_is_linked_and_shares_hedge_and_rate() -> None:
    df = extract_claims("Kirby said Wagner spends more than $100 million (£82 million) each month.")
    usd, gbp = df.row(0, named=True), df.row(1, named=True)
    assert (usd["unit"], gbp["unit"]) == ("USD", "GBP")
    assert gbp["restates"] == usd["claim_id"] and usd["restates"] is None
    assert gbp["bound"] == "lower" and usd["per"] == gbp["per"] == "month"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Numbers grew from 1,000 to nearly 20,000.", "1,000", "20,000"),
        ("Bitcoin fell from $36,040 at 10.45pm last night to $34,935.", "36,040", "34,935"),
        ("Horsepower jumped from 240 to 273.", "240", "273"),
    ],
)
def test_from_to_links_the_level_reached_to_its_start(text: str, first: str, second: str) -> None:
    a, b = _one(text, first), _one(text, second)
    assert b["from_claim"] == a["claim_id"] and a["from_claim"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Sales were 5 to 7 per cent in March and 3 to 5 per cent in April.",  # two ranges
        "It rose 7% to $2.3 billion.",  # no "from"
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


CONCEPTS = [
    # the noun phrase the figure is about, opened by its article, a month naming the thing
    (
        "The March wheat contract was up 12 cents and the March corn contract was up 3.5 cents.",
        "3.5",
        {"concept": "March corn contract"},
    ),
    # a relative clause: the phrase before ", which"
    ("Ticket sales, which were up 2.8%, lifted the theatre.", "2.8", {"concept": "Ticket sales"}),
    # a spending verb gives its noun; the spender is the subject, not the concept
    (
        "The charity spends $3 million a year on shelters.",
        "3",
        {"concept": "spending", "subject": "charity"},
    ),
    # a verb in -ing is no concept; the phrase after the amount is
    ("The lender said it is sitting on $2 billion in reserves.", "2", {"concept": "reserves"}),
    ("Buyers of Acme stock now sit on $1 billion in gains.", "1", {"concept": "gains"}),
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
    ("They have a $3500 a month mortgage.", "3500", {"concept": "mortgage", "per": "month"}),
    # a restatement in brackets is read past; a participle after the noun ends the phrase
    (
        "It links 8 miles (13 kilometres) of new tunnels blasted from rock.",
        "8",
        {"concept": "new tunnels"},
    ),
    # an age names whose age it is when the text does; a unit's words are nobody's name
    ("A 50-year-old man from Leeds was charged.", "50", {"concept": "age of man from Leeds"}),
    (
        "Clients with over 7.5 million Danish crowns (US $1.1 million) pay a fee.",
        "1.1",
        {"subject": "Clients"},
    ),
    # a bare word right before a figure is its verb, not part of the concept
    ("The bank plans to lay off 6,650 employees.", "6,650", {"unit": "employee"}),
    ("They would need to add ten users to break even.", "ten", {"concept": "users"}),
    # what the figure is for, after it or after the noun it qualifies
    (
        "They used a 5-10W laser for diffuse heating.",
        "5-10W",
        {"concept": "laser for diffuse heating"},
    ),
    ("Shares were up 19 per cent for the year.", "19", {"concept": "Shares"}),
    # names with numbers in them; a name before an earlier figure owns the next one
    ("This iPhone 12 Mini deal gives you 54GB of data.", "54GB", {"subject": "iPhone 12 Mini"}),
    ("Nintendo fell 4% to 28,030 yen as Sony lost 2.7%.", "2.7", {"concept": "Sony"}),
    # an adjective of nationality opens a noun phrase; it names nobody
    (
        "The Chinese e-commerce giant earns 60% of its revenue from ads.",
        "60",
        {"subject": "Chinese e-commerce giant"},
    ),
    # a place named after "in" is skipped whole, not cut to its last words
    ("Last year rents in New York City rose 5%.", "5", {"subject": None}),
    # a name and the plain nouns after it, then a verb: the whole phrase is the subject
    ("Acme shares have jumped nearly 40% this year.", "40", {"subject": "Acme shares"}),
    ("A Leeds flat reportedly sold for $2 million.", "2", {"subject": "Leeds flat"}),
    ("Acme employs 300 people.", "300", {"subject": "Acme"}),
    ("Spain’s prison population has fallen by 2,000.", "2,000", {"subject": "Spain"}),
    # an adjective between the article and the amount belongs to the noun too
    ("Gold slid to $1,900, a sharp 3 percent drop.", "3", {"concept": "sharp drop"}),
    ("She won a five-year $700,000 grant.", "700,000", {"concept": "five-year grant"}),
    # the phrase a qualified noun takes, unless it says where or when
    ("The state has a 25% tax on imported cars.", "25", {"concept": "tax on imported cars"}),
    ("Staff get a 4% pay rise in January.", "4", {"concept": "pay rise"}),
    # a figure in a relative clause measures the phrase the clause stands for; a name
    # before that phrase owns nothing of it, and "that" after a verb opens no such clause
    (
        "Fans say Leeds is a small city that is about 20 miles wide.",
        "20",
        {"concept": "small city", "subject": None},
    ),
    ("They need players who can run 40 yards fast.", "40", {"concept": "players"}),
    ("Fees of the funds which range from 1% to 2% apply.", "1", {"concept": "funds"}),
    ("Acme said that sales rose 4%.", "4", {"concept": "sales"}),
    ("Acme is a firm that makes chips, but its sales fell 5%.", "5", {"subject": "Acme"}),
    (
        "She has run sprint races that include a 750 metre swim.",
        "750",
        {"concept": "swim", "subject": "sprint races"},
    ),
    # a name's appositive names what the figure measures; a date after it does not
    (
        "Acme, the largest chip maker, rose 4% on Monday.",
        "4",
        {"concept": "largest chip maker", "subject": "Acme"},
    ),
    ("Sales at Acme rose 4% on Monday.", "4", {"concept": "Sales Acme"}),
    (
        "Tech rose 2%, while energy, the worst performing sector, fell 0.9%.",
        "0.9",
        {"concept": "energy worst performing sector", "subject": None},
    ),
    # a verb before its particle ("lay off"); a phrase before "to <verb>" is no subject;
    # what an asserter announced of itself is its own, not what it announced "that"
    ("Acme Corp will lay off 300 workers.", "300", {"concept": "workers, Acme Corp"}),
    ("Acme Corp announced plans to lay off 300 workers.", "300", {"subject": "Acme Corp"}),
    ("The ministry announced that 300 soldiers had died.", "300", {"subject": None}),
    # "our" stands for the writer: no one named owns the figure
    (
        "Boiling takes 25 minutes since our fresh samples are only 45g each.",
        "45",
        {"subject": None},
    ),
    # contractions written without apostrophes are function words; "going" is a verb
    ("The firm isnt worth $5 million.", "5", {"concept": "firm"}),
    ("He sees the pound going to $1.20 soon.", "1.20", {"concept": "pound"}),
    # "range from" is a verb; a hyphenated noun after a percentage is what it qualifies
    ("Prices range from $370,000 to $5.5 million.", "370,000", {"concept": "Prices"}),
    (
        "Lenders offer 95 per cent loan-to-value mortgages.",
        "95",
        {"concept": "loan-to-value mortgages"},
    ),
    # a name right before its verb heads the phrase; the words before it are a lead-in
    (
        "Since the start of last season Ann Lee has scored 22 goals.",
        "22",
        {"concept": "goals, Ann Lee"},
    ),
    # "forecast to slow", "expected to rise": verbs; another figure's change verb is no word
    (
        "Growth across Asia has been forecast to slow from 4.8% to 4.7%.",
        "4.8",
        {"concept": "Growth Asia"},
    ),
    ("The index lost 1.1% to end at 1,334.", "1,334", {"concept": "index"}),
    # two nouns joined by "and" are one phrase; after "<figure> and" it opens its own clause
    (
        "Bread prices rose 5%, with milk prices up 4% and fats and oils up 6%.",
        "6",
        {"concept": "fats oils", "subject": None},
    ),
    ("Sales rose 3% and profits fell 5%.", "5", {"concept": "profits"}),
    # a time after the unit is no noun it qualifies; an -ed word after an adjective
    # qualifies the noun; a short number inside the sentence's opening phrase
    (
        "The category 4 storm had maximum sustained winds of 155mph early Wednesday.",
        "155",
        {"concept": "maximum sustained winds", "subject": "category 4 storm"},
    ),
    # "remain", "stay", "came back" are verbs, not what is measured
    ("The material shoots out at about 800 miles per hour.", "800", {"concept": "material"}),
    ("The bank's shares came back at $4.", "4", {"concept": "bank shares"}),
    ("Homes stay an average of 70 days.", "70", {"concept": "average", "subject": "Homes"}),
    # a year the subject phrase names; an abbreviation's full stop ends nothing
    ("Spain's economy in 2022 grew by 5%.", "5", {"concept": "Spain economy 2022"}),
    ("The avg. rate of scans was roughly 300 Hz.", "300", {"concept": "avg rate scans"}),
    # a decade is a time, not what is measured
    (
        "The deficit hit its highest level in a decade at $419 billion.",
        "419",
        {"concept": "highest level"},
    ),
    # the name heading a verb is the subject, not the name after the verb
    (
        "The Juno probe reached Jupiter after a 1.8 billion-mile journey.",
        "1.8",
        {"subject": "Juno probe"},
    ),
    # whose age: the noun and the place it is from or found in
    (
        "Ann Lee, a 50 year-old man from Leeds, pled guilty.",
        "50",
        {"concept": "age of man from Leeds"},
    ),
    (
        "A 300,000 year-old skull found in Hualong Cave in China.",
        "300,000",
        {"concept": "age of skull found in Hualong Cave"},
    ),
    # a hyphenated amount's noun takes its phrase; a name qualifying a noun is no place
    ("It brings a 5-mpg boost in its EPA mileage.", "5", {"concept": "boost in EPA mileage"}),
    ("Bolt bought a 5% stake in Acme Corp.", "5", {"concept": "stake"}),
    # a name and its nouns before a clause with no "that" ("the brand it bought")
    (
        "The Acme footwear brand it bought grew sales by 35%.",
        "35",
        {"subject": "Acme footwear brand"},
    ),
    # another name for something ("dubbed the TPP-11") and a clause "we" or "you" heads
    # leave the names before them out
    (
        "The trade pact, dubbed the TPP-11, covers 13 percent of the economy.",
        "13",
        {"subject": None},
    ),
    (
        "Taiwan's wind sector is young; to cut costs we need to see 1,000 megawatts of capacity.",
        "1,000",
        {"subject": None},
    ),
    ("This Pixel 8 deal gets you 54GB of data.", "54", {"subject": "Pixel 8 deal"}),
    # "..., Bolt by 2.6%": the name before "by" is what the gapped figure is about
    ("Shares of Acme and Ross were down 2.3%, Bolt by 2.6%.", "2.6", {"subject": "Bolt"}),
    # a time span is when, not what is measured
    (
        "The firm, beset by controversy over the past two years, withdrew it.",
        "two",
        {"concept": None},
    ),
    # the phrase a sentence opens with: up to four words, an "of" phrase included
    (
        "The price of the luxury yacht was quoted at a staggering sum of USD10m.",
        "10",
        {"concept": "staggering sum", "subject": "price of luxury yacht"},
    ),
    (
        "The real estate investment trust posted a loss of 63 cents a share.",
        "63",
        {"subject": "real estate investment trust"},
    ),
    # "trade", "top" right before a noun are nouns, not verbs
    ("Wind speeds on Mars can reach 60mph.", "60", {"concept": "Wind speeds Mars"}),
    ("Top wind speeds on Mars can reach 60mph.", "60", {"concept": "Top wind speeds Mars"}),
    (
        "The trade balance figures for April fell to $50bn.",
        "50",
        {"concept": "trade balance figures"},
    ),
    # a share "from" something names it when nothing before does; a time does not
    ("He is shooting 47.6% from the field.", "47.6", {"concept": "field"}),
    ("Output was down 3% from a year ago.", "3", {"concept": "Output"}),
    # a ticker in brackets after the name stays with it
    ("Ford (F) has 13,000 workers in Britain.", "13,000", {"subject": "Ford (F)"}),
    # a word describing a name between its article and the name belongs to the subject
    ("The base Pixel 8 has just 128GB of storage.", "128", {"subject": "base Pixel 8"}),
    ("The self-styled Tuna King paid $3 million.", "3", {"subject": "self-styled Tuna King"}),
    ("The reported Acme bid was $3 billion.", "3", {"subject": "Acme bid", "attribution": None}),
    # "<asserter> said it ...": the pronoun stands for the asserter, who owns the figure
    ("Acme said it has more than 1,000 customers.", "1,000", {"subject": "Acme"}),
    ("Acme said Bolt has 900 customers.", "900", {"subject": "Bolt"}),
    ("Acme says it will cost buyers around $42,500.", "42,500", {"subject": None}),
    # what an asserter "expects" or "reported" of itself is its own; a restatement too
    (
        "The chip giant now expects a net profit of £5 billion ($6.1 billion).",
        "6.1",
        {"subject": "chip giant", "attribution": "chip giant"},
    ),
    (
        "The trust posted a loss of 63 cents a share, according to FactSet.",
        "63",
        {"subject": "trust", "attribution": "FactSet"},
    ),
    # a name after "by" is an agent, not whose the figure is
    ("The engine was tuned by Mountune to produce 296 hp.", "296", {"subject": "engine"}),
    # the word after a modal is a verb, not part of the concept
    ("Melting ice could cause sea levels to rise 11 feet.", "11", {"concept": "sea levels"}),
    # a concept that is its clause's subject has no owner before it in another clause
    (
        "Acme has estimated that a disorderly exit would cost $800 million.",
        "800",
        {"concept": "disorderly exit", "subject": None},
    ),
    ("In the Leeds area, the median price was $310,000.", "310,000", {"subject": None}),
    ("Acme is a firm that makes chips, but sales fell 5%.", "5", {"subject": None}),
    ("A dozen is 12 units whilst a gross is 144 units.", "144", {"subject": None}),
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
        "Brent Crude Futures (BCF) peaked at $87 a barrel.",
        "87",
        {"concept": "Brent Crude Futures", "subject": "BCF"},
    ),
    ("Europe's carmakers (.SXAP) slid 4.8%.", "4.8", {"concept": "Europe carmakers"}),
    (
        "Acme Energy — Shares of the coal producer slid 0.8% after a fire.",
        "0.8",
        {"subject": "Acme Energy"},
    ),
    # a figure compared with another measures the same thing; "the first quarter" is a time
    (
        "Acme Corp cut its sales forecast for the first quarter to $84 billion, down from $89 billion.",
        "89",
        {"concept": "sales forecast", "subject": "Acme Corp"},
    ),
    ("The list price is $33,790 versus last year's $32,280.", "32,280", {"concept": "list price"}),
    (
        "The median price was $3.1 million, down 9.2% on a year ago.",
        "9.2",
        {"concept": "median price"},
    ),
    ("Sales grew from 5 million to 7 million.", "7", {"concept": "Sales"}),
    (
        "Its mileage climbed from 21 mpg to 23 for small cars.",
        "23",
        {"concept": "mileage for small cars"},
    ),
    (
        "Mileage rose, from 20 mpg in 2008 to 29 mpg for small cars.",
        "29",
        {"concept": "small cars"},
    ),
    # "forecast", "estimates", "show" before a preposition or an auxiliary are nouns, not
    # an asserter's verb
    (
        "Acme Corp cut its sales forecast to $84 billion.",
        "84",
        {"attribution": None, "subject": "Acme Corp"},
    ),
    ("The revenue estimates were $5 billion.", "5", {"attribution": None}),
    ("Analysts forecast sales of $84 billion.", "84", {"attribution": "Analysts"}),
    # a word in -ing, or in -ed after an article, right before the noun qualifies it
    ("The operating profit was $880 billion.", "880", {"concept": "operating profit"}),
    ("Our printed samples are only 45g each.", "45", {"concept": "printed samples"}),
    # a noun after an article right before the figure is no verb
    (
        "Banks pulled the healthcare sector 0.68 percent lower.",
        "0.68",
        {"concept": "healthcare sector"},
    ),
    # what the figure is for, past its restatement in brackets
    ("They paid HK$216,925 (£21,700) for flights.", "21,700", {"concept": "flights"}),
    # a lead-in clause cut off by a comma is passed over to the clause's own subject
    (
        "Since launching the service, the lender has cut its error rate to 0.1 per cent.",
        "0.1",
        {"subject": "lender"},
    ),
    # an adverb between a name and its verb; a name after "the" and a participle
    (
        "Monoprice also has the refurbished Logitech Harmony remote for $30.",
        "30",
        {"concept": "refurbished Logitech Harmony remote", "subject": "Monoprice"},
    ),
    # the party a deal is with
    (
        "She was released from her $150,000 contract with Acme Media.",
        "150,000",
        {"concept": "contract with Acme Media"},
    ),
    # the five words before a figure make its concept
    (
        "The average life expectancy for men in Leeds is around 79.",
        "79",
        {"concept": "average life expectancy men Leeds"},
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), CONCEPTS)
def test_concepts_and_subjects(text: str, needle: str, expected: dict[str, Any]) -> None:
    row = _one(text, needle)
    for key, want in expected.items():
        assert row[key] == want, f"{key}: {row[key]!r} != {want!r} in {text!r}"
