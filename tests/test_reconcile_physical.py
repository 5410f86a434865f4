"""Figures of a physical unit (tonnes, km, km², °C, gigawatts, mm): the measure their words
name, read against the physical measures of their dimension, else their dimension.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import pytest
from reconcile_sentences import _of, _on_one_day, _verdict

from reconcile.frames import PHYSICAL, default_measures
from reconcile.tables import load_tables, reading_words


def test_each_physical_measure_is_a_measure_of_dimensions_of_a_physical_unit() -> None:
    words, measures = reading_words(), default_measures()
    assert set(words.physical_measures) <= set(measures)
    assert set(words.physical_also) <= set(measures)
    dimensions = {d for ds in words.physical_measures.values() for d in ds}
    assert dimensions <= set(PHYSICAL) - {"other"}
    # a count is read against no physical measure; an area against no measure of a length
    tables = load_tables()
    assert not set(words.physical_measures) & set(tables.measure_forms.values())
    assert "coastline affected" not in tables.physical_forms["area"].values()
    assert tables.physical_forms["area"]["affected"] == "area affected"
    assert tables.measure_forms["affected"] == "affected"


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("A barge sank in Peru's main river on Friday, leaking 300 tonnes of diesel.",
         "300 tonnes", "spill"),
        ("The barge in Peru was carrying 2,400 tonnes of diesel when it sank.", "2,400 tonnes",
         "cargo"),
        ("Crews in Peru have collected 90 tonnes of oily sludge from the river banks.",
         "90 tonnes", "recovered"),
        ("Officials in Peru closed 450 square kilometres of the lake to boats.",
         "450 square kilometres", "area closed"),
        ("Rivers burst their banks in Peru and flooded 3,000 hectares of rice fields.",
         "3,000 hectares", "area flooded"),
        ("Diesel had reached 14 km of shoreline in Peru by Sunday, the agency said.", "14 km",
         "coastline affected"),
        ("Workers in Peru laid 6 km of floating booms across the river mouth.", "6 km",
         "barrier"),
        ("The town of Ostry in Peru recorded 210 mm of rain in a day.", "210 mm", "rainfall"),
        ("Gusts of up to 150 km/h tore roofs off houses in Peru on Monday.", "up to 150 km/h",
         "wind gust"),
        ("The temperature in Peru's capital climbed to 39.5C on Monday.", "39.5C",
         "temperature"),
        ("Overnight temperatures in Peru fell to 27C on Monday.", "27C",
         "minimum temperature"),
        ("Electricity demand in Peru reached 31.4 gigawatts on Monday, the grid said.",
         "31.4 gigawatts", "power demand"),
        # what the plants could make, however it is said ("of generation", "capacity")
        ("The fault in Peru tripped 1.8 GW of generation on Monday, the grid said.", "1.8 GW",
         "generating capacity"),
        # a gas given off is an emission, not a spill
        ("The fires in Peru released 40 million tonnes of carbon dioxide this year.",
         "40 million tonnes", "emissions"),
        # how far down and how far up are neither a river's level nor each other
        ("The shaft in Peru caved in 650 metres below ground on Monday.", "650 metres",
         "depth"),
        ("Floodwater in Peru stood 1.5 metres deep in the streets on Monday.", "1.5 metres",
         "depth"),
        ("The ash cloud over Peru rose 11 km high on Monday, the observatory said.", "11 km",
         "height"),
        ("The peak in Peru, 4,100 metres above sea level, was closed on Monday.",
         "4,100 metres", "height"),
        ("The river level in Peru reached 6.2 metres on Monday.", "6.2 metres", "water level"),
    ],
)  # fmt: skip
def test_a_physical_figure_takes_the_measure_its_words_name(
    text: str, surface: str, measure: str
) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] == measure


@pytest.mark.parametrize(
    ("text", "surface", "not_measure"),
    [
        # a count takes no physical measure: schools closed are no area closed
        ("The ban in Peru closed 40 schools on Monday.", "40 schools", "area closed"),
        ("Police in Peru cleared 12 tents from the beach on Monday.", "12 tents",
         "coastline affected"),
        # a physical figure takes no measure of money or of counted things from its words
        ("The tanker lost 700 tonnes of fuel off Peru, its owner said.", "700 tonnes", "cost"),
        ("The river in Peru rose 3 metres, flooding 200 buildings.", "3 metres", "home"),
        # nor a physical measure of another dimension ("6 km off" carries no cargo)
        ("The ship, carrying grain, sank 6 km off the coast of Peru.", "6 km", "cargo"),
    ],
)  # fmt: skip
def test_a_measure_of_another_kind_of_figure_is_not_taken(
    text: str, surface: str, not_measure: str
) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] != not_measure


@pytest.mark.parametrize(
    ("text", "surface", "dimension"),
    [
        # a town's name, a record's noun or a number ends the phrase: none is what it measures
        ("Ostry reached 41.2C on Tuesday afternoon.", "41.2C", "temperature"),
        ("The grid in Peru set a new record of 30.2 gigawatts.", "30.2 gigawatts", "power"),
        ("The agency's figure is twice the 800 tonnes its owner gave.", "800 tonnes", "mass"),
        ("The weather office confirmed 38.4C, read in Ostry on Monday.", "38.4C", "temperature"),
    ],
)  # fmt: skip
def test_a_physical_figure_naming_no_measure_is_named_by_its_dimension(
    text: str, surface: str, dimension: str
) -> None:
    row = _of(_on_one_day(text), surface)
    assert row["concept_key"] == dimension
    assert not row["frame_sure"]


def test_two_sources_far_apart_on_a_figure_named_by_its_dimension_do_not_diverge() -> None:
    # neither sentence names what was measured: possibly the same, never a divergence
    result = _on_one_day(
        "Ostry in Peru reached 38.1C on Monday, the town hall said.",
        "Ostry in Peru hit 46.9C on Monday, a private station said.",
    )
    low, high = _of(result, "38.1C"), _of(result, "46.9C")
    assert low["concept_key"] == high["concept_key"] == "temperature"
    assert _verdict(result, "38.1C") != "diverge"


def test_amount_spilled_by_two_sources_is_one_quantity_apart_from_the_cargo() -> None:
    result = _on_one_day(
        "The barge carrying 2,400 tonnes of diesel sank in Peru's river on Monday, spilling "
        "about 200 tonnes, its owner said.",
        "The river agency of Peru said about 900 tonnes of diesel had leaked from the barge "
        "by Monday.",
    )
    cargo, low, high = (_of(result, s) for s in ("2,400 tonnes", "about 200", "about 900"))
    assert low["concept_key"] == high["concept_key"] == "spill"
    assert low["quantity_id"] == high["quantity_id"] != cargo["quantity_id"]


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # the words right after a figure that call it possible or expected make it foreseen
        ("Forecasters said highs of up to 41C were possible in Peru on Friday.", "up to 41C",
         "projected"),
        ("The grid in Peru said a peak of 33 gigawatts was expected next week.", "33 gigawatts",
         "projected"),
        ("About 2,000 visitors are expected in Peru for the fair.", "About 2,000", "projected"),
        # a reading already taken is of its day
        ("Ostry in Peru recorded 41C on Friday, the weather office said.", "41C", None),
    ],
)  # fmt: skip
def test_a_figure_called_possible_or_expected_after_it_is_foreseen(
    text: str, surface: str, period: str | None
) -> None:
    assert _of(_on_one_day(text), surface)["period"] == period


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # a record the figure sets now is of its own time; one it beats is an earlier record
        ("Peru set a new heat record of 42.3C on Monday.", "42.3C", None),
        ("Ostry in Peru hit a record of 42.3C on Monday.", "42.3C", None),
        ("Peru reached 42.3C on Monday, beating the record of 41.7C.", "41.7C",
         "earlier record"),
        ("Demand in Peru reached 31 gigawatts, above the previous high of 29 gigawatts.",
         "29 gigawatts", "earlier record"),
    ],
)  # fmt: skip
def test_a_record_set_is_now_and_a_record_beaten_is_earlier(
    text: str, surface: str, period: str | None
) -> None:
    assert _of(_on_one_day(text), surface)["period"] == period


def test_a_unit_joined_by_a_hyphen_measures_the_noun_after_it() -> None:
    # "the 64-metre dam": the dam's height, not the rain the sentence goes on to name
    text = "In Peru the 55-metre dam gave way on Monday after a week of heavy rain."
    row = _of(_on_one_day(text), "55-metre")
    assert row["concept_key"] != "rainfall", row["concept_source"]


def test_generation_lost_by_two_bodies_is_one_quantity_they_disagree_on() -> None:
    result = _on_one_day(
        "The fault in Peru tripped 1.8 GW of generation on Monday, the grid operator Voltan said.",
        "The Peru Energy Regulator said on Monday that 3.1 GW of generation was lost in the fault.",
    )
    assert _of(result, "1.8")["quantity_id"] == _of(result, "3.1")["quantity_id"]
    assert _verdict(result, "1.8") == "diverge"
