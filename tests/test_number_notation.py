"""How figures are written: Indian scale words in words, "&" inside a number, a bare "m"
that the text spells out elsewhere, a rate written with a slash, magnitudes of magnitudes,
and the spans that look like figures but are not (gallery counters, names ending in a
number word, a figure the excerpt was cut on, a far-off year). All sentences are made up.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from extract import extract_claims
from extract.numbers import non_quantity_spans, parse_words
from extract.segment import guess_language


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("nineteen lakh", 1_900_000),
        ("two crore forty lakh", 24_000_000),
        ("eleven lakh crore", 1.1e13),  # a scale after a scale multiplies
        ("one thousand million", 1e9),
        ("three hundred & twelve", 312),
        ("three hundred and twelve", 312),
        ("two hundred thousand", 200_000),  # a scale after "hundred" multiplies as before
        ("one million two hundred thousand", 1_200_000),
        ("half a million", 500_000),
        # a part after a scale is a part of that scale
        ("a million and a half", 1_500_000),
        ("a dozen and a half", 18),
        ("four billion and a quarter", 4_250_000_000),
        ("two and a half million", 2_500_000),
    ],
)
def test_number_words(phrase: str, value: float) -> None:
    assert parse_words(phrase) == value


def _claim(text: str, needle: str) -> dict[str, Any]:
    df = extract_claims(text)
    at = text.index(needle)
    hits = df.filter((pl.col("start") <= at) & (pl.col("end") > at))
    assert hits.height == 1, df.select("surface")
    return hits.row(0, named=True)


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("Nineteen lakh pilgrims came.", "Nineteen", {"value": 1_900_000, "unit": "pilgrim"}),
        ("A fund of two crore forty lakh rupees.", "two", {"value": 24_000_000, "unit": "INR"}),
        ("Three hundred & twelve sheep were sold.", "Three", {"value": 312, "unit": "sheep"}),
        # a bare "m" the text writes out as millions elsewhere is millions
        (
            "The count could reach 2.7m.\nOfficials put it at 2.7 million.",
            "2.7m",
            {"value": 2_700_000},
        ),
        ("Votes ‘topped 3.1m’\nTellers said 3.1 million votes came in.", "3.1m", {"value": 3.1e6}),
        # with no such restatement, or with a length word near, it stays metres
        ("The mast stands 2.7m.\nIt was built in March.", "2.7m", {"value": 2.7, "unit": "m"}),
        ("The wall is 2.7m high.\nIt cost 2.7 million.", "2.7m", {"value": 2.7, "unit": "m"}),
        # a rate written with a slash and a space before its base
        ("a death rate of about 120/ million residents", "120", {"value": 120}),
        # a magnitude of a magnitude closing a clause
        (
            "a toll in the tens of thousands, not more.",
            "tens",
            {"value": 55_000, "low": 10_000, "high": 100_000, "bound": "range"},
        ),
        # English hedges ("as high as") make no Portuguese of a sentence: "4.9" stays 4.9
        ("Its losses ran as high as 6.2 million, as a panel found.", "6.2", {"value": 6.2e6}),
        # a year beyond 2100 after a change word is a figure ("rose by 2150")
        ("The index rose by 2150.", "2150", {"value": 2150}),
        # a number in words written in groups parted by commas is one number
        (
            "The appeal drew one thousand, four hundred and six letters.",
            "one",
            {"value": 1406, "unit": "letter"},
        ),
        ("The bill came to two million, three hundred & ten pounds.", "two", {"value": 2_000_310}),
        (
            "Some five million, eight hundred thousand tickets were sold.",
            "five",
            {"value": 5_800_000, "unit": "ticket"},
        ),
        ("The final count was nine thousand, seven hundred.", "nine", {"value": 9700}),
        # a fraction of a scale word is one number, not a share and a scale apart
        (
            "A quarter of a million tourists came.",
            "quarter",
            {"value": 250_000, "unit": "tourist"},
        ),
        ("Three quarters of a billion euros went on roads.", "Three", {"value": 7.5e8}),
        ("The firm paid a half million dollars for it.", "half", {"value": 500_000}),
        ("About a quarter-million fans watched.", "quarter", {"value": 250_000}),
        ("It fetched quarter million pounds at auction.", "quarter", {"value": 250_000}),
        ("Roughly half million voters stayed home.", "half", {"value": 500_000}),
        # a whole number and a fraction after "and", the numerator in words
        (
            "The walk took two and three quarters hours.",
            "two",
            {"value": 2.75, "unit": "hour"},
        ),
        (
            "It raised nine million and two thirds dollars.",
            "nine",
            {"value": pytest.approx(9_666_666.67), "unit": "USD"},
        ),
        ("They ran one and four fifths miles.", "one", {"value": 1.8, "unit": "mi"}),
        ("About seven and a third acres burned.", "seven", {"value": pytest.approx(22 / 3)}),
        # a share of a group whose size is a ten and a unit in words
        ("One in twenty-five drivers failed.", "One", {"value": 0.04, "unit": "fraction"}),
        ("Two out of thirty-two judges agreed.", "Two", {"value": 0.0625}),
    ],
)
def test_notation(text: str, needle: str, expected: dict[str, Any]) -> None:
    row = _claim(text, needle)
    assert {k: row[k] for k in expected} == expected, row


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("1 of 5 | A crowd waits at the gate\nThe queue held 400 people.", "5"),
        ("Photo 3 of 8: the square at noon\nThe square held 400 people.", "3"),
        ("Leaders met at the Group of Twenty summit in Rome.", "Twenty"),
        ("Investment trails the Group of Seven average.", "Seven"),
        ("Seas may swamp the port by 2150, experts warn.", "2150"),
        ("The plan runs until 2300 at least.", "2300"),
        ("Climbers gathered.\nThe tally stood at 7.3", "7.3"),  # the excerpt stops there
        ("One source is the budget office.", "One"),  # one of several, no count
        ("One reason was that prices rose.", "One"),
    ],
)
def test_not_figures(text: str, needle: str) -> None:
    df = extract_claims(text)
    at = text.index(needle)
    assert df.filter((pl.col("start") <= at) & (pl.col("end") > at)).height == 0


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # the group after the comma is no smaller than the scale before it: a list
        ("Bids of one thousand, two thousand and more came in.", 1000, 2000),
        # no scale word in the second group: a figure of its own
        ("About six thousand, forty of them children, were moved.", 6000, 40),
        # a group counted "of" something is a count of its own
        ("Of some two million, three hundred of them fled.", 2_000_000, 300),
    ],
)
def test_groups_that_stay_apart(text: str, first: float, second: float) -> None:
    values = extract_claims(text)["value"].to_list()
    assert first + second not in values, values


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("Climbers gathered.\nThe tally stood at 7.3.", "7.3", 7.3),  # closed: a figure
        ("The tally stood at 7.3", "7.3", 7.3),  # one line: nothing says it was cut
        ("Climbers gathered.\nThe tally stood at 7.3\n", "7.3", 7.3),  # the line was closed
        ("Tallies by camp:\nNorth: 7.3", "7.3", 7.3),  # a list line, not prose
        ("3 of 4 voters agreed with the plan.\nIt passed.", "4", 4),  # no gallery: a share
        ("Deaths of Seven Climbers Confirmed", "Seven", 7),  # a title in capitals
        ("A group of seven firms bid for it.", "seven", 7),  # no name: lower case
        ("One man was hurt in the blast.", "One", 1),  # a participle: a count
        ("He coached the now-12-year-old twins.", "12", 12),  # "now-" glued: no code
        ("Its then-45 staff moved offices.", "45", 45),
    ],
)
def test_still_figures(text: str, needle: str, value: float) -> None:
    assert _claim(text, needle)["value"] == value


def test_counters_and_names_are_spans_of_their_own() -> None:
    text = "2 of 6 | Rescuers at work\nThe Group of Seven met."
    found = [text[a:b] for a, b in non_quantity_spans(text)]
    assert found == ["2 of 6", "Seven"]
    assert non_quantity_spans("Slide 7 of 3: the count runs past its end") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Prices rose as fast as wages, a survey says.", "en"),
        ("O governo e a oposição discutem as contas de que o país precisa.", "pt"),
    ],
)
def test_language_guess(text: str, language: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # half of a thing a million qualifies: no 500,000
        ("They won the first half of a million-dollar contract.", 500_000),
        ("The other half of a million voters stayed home.", 500_000),
        # "third" with no "of" before a scale may rank ("a third million-seller")
        ("It became a third million-selling album.", 1_000_000 / 3),
    ],
)
def test_no_part_of_a_scale(text: str, wrong: float) -> None:
    assert wrong not in extract_claims(text)["value"].to_list()
