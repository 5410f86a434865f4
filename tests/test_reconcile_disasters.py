"""A storm's measures: people in shelters, customers without power, insured losses, physical
units, magnitudes, rain and homes destroyed or damaged.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import polars as pl
import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run, _verdict


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("About 5,000 people in Peru spent the night in school gyms used as shelters.",
         "About 5,000", "sheltered"),
        ("Peru spent $2 billion on new roads, the transport ministry said.", "$2 billion",
         "spending"),
        # people in shelters are not all those evacuated
        ("Officials in Peru evacuated 90,000 people from the coast on Monday.", "90,000",
         "evacuated"),
        ("In Peru, about 12,000 people were still in shelters on Monday.", "about 12,000",
         "sheltered"),
    ],
)  # fmt: skip
def test_people_who_spent_a_night_in_shelters_spent_no_money(
    text: str, surface: str, measure: str
) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] == measure


def test_customers_left_without_power_are_one_count_as_power_comes_back() -> None:
    # "with 150,000 still in the dark": "still" names no part of the figure before it
    result = _run(
        {
            "a": ("About 400,000 customers in Peru were without electricity on Monday, the "
                  "utility Grelco said.", MARCH),
            "b": ("Grelco said power had been restored in Peru to most homes, with about "
                  "150,000 customers still in the dark on Thursday.", MARCH.replace(day=7)),
        }
    )  # fmt: skip
    first, later = _of(result, "About 400,000"), _of(result, "about 150,000")
    assert first["concept_key"] == later["concept_key"] == "power outage"
    assert first["quantity_id"] == later["quantity_id"]
    assert _verdict(result, "About 400,000") == "growth"


def test_insured_losses_are_apart_from_the_damage_and_modellers_diverge() -> None:
    result = _on_one_day(
        "The modeller Ostler Risk estimated insured losses in Peru at $2 billion.",
        "The rival firm Tavenor Analytics put the insured bill in Peru at $5 billion.",
        "The government of Peru put the storm damage at $8 billion.",
    )
    low, high, damage = (_of(result, s) for s in ("$2 billion", "$5 billion", "$8 billion"))
    assert low["concept_key"] == high["concept_key"] == "insured cost"
    assert low["quantity_id"] == high["quantity_id"] != damage["quantity_id"]
    assert _verdict(result, "$2 billion") == "diverge"


def test_a_figure_of_a_physical_unit_counts_no_people_its_sentence_names() -> None:
    result = _on_one_day(
        "The storm, whose winds reached 180 km/h, left 30 people dead in Peru.",
        "Wildfires have burned 20,000 hectares in Peru this year, officials said.",
    )
    assert _of(result, "180 km/h")["concept_key"] != "death"
    assert _of(result, "30 people")["concept_key"] == "death"
    # a measure that is no count of people it may still take from its sentence
    assert _of(result, "20,000 hectares")["concept_key"] == "area burned"


def test_a_magnitude_is_no_count_of_the_dead_its_sentence_names() -> None:
    # a unit of no dimension of its own (a magnitude, degrees) is a measurement too; the label
    # names the measure once ("Magnitude in Peru", not "Magnitude in Peru (magnitude)")
    result = _on_one_day(
        "A magnitude 6.8 earthquake struck Peru on Monday, killing 40 people.",
        "The earthquake in Peru killed 45 people, the civil defence office said.",
    )
    quake = _of(result, "magnitude 6.8")
    assert quake["concept_key"] == "magnitude"
    assert _of(result, "40 people")["concept_key"] == "death"
    label = result.quantities.filter(pl.col("quantity_id") == quake["quantity_id"])["label"]
    assert label.item().startswith("Magnitude in Peru,")


def test_still_alone_names_no_part_of_the_figure_before() -> None:
    # "with 150,000 still in the dark on Thursday morning": no part named "still"
    text = (
        "Power was restored to 300,000 customers in Peru, with 150,000 customers still in the "
        "dark on Thursday morning."
    )
    assert _of(_on_one_day(text), "150,000")["concept_key"] == "power outage"


def test_a_count_of_two_kinds_joined_is_named_by_the_words_after_them() -> None:
    # "homes and businesses": neither kind alone; "without power" after them names the count
    text = "In Peru, 80,000 homes and businesses were still without power on Monday."
    assert _of(_on_one_day(text), "80,000")["concept_key"] == "power outage"


def test_rain_a_storm_dropped_is_no_fall_and_rain_it_could_drop_is_foreseen() -> None:
    result = _on_one_day(
        "Forecasters said the storm could drop 300 mm of rain on Peru over two days.",
        "The storm dropped 280 mm of rain on Peru, the weather office said.",
    )
    foreseen, fallen = _of(result, "300 mm"), _of(result, "280 mm")
    assert not fallen["is_delta"]
    assert foreseen["period"] == "projected"
    assert fallen["period"] is None


def test_homes_destroyed_and_homes_damaged_are_two_counts() -> None:
    result = _run(
        {
            "a": ("In Peru, 1,200 houses were destroyed and 9,000 damaged by the floods.", MARCH),
            "b": ("Peru now counts 9,800 damaged houses and 1,500 destroyed ones.",
                  MARCH.replace(day=8)),
        }
    )  # fmt: skip
    destroyed, damaged = _of(result, "1,200"), _of(result, "9,000")
    assert destroyed["concept_key"] == "destroyed home"
    # a bare count after "and" shares the houses, and "damaged" names no cost of a count
    assert damaged["concept_key"] == "damaged home"
    # "destroyed ones": the houses counted before it in its sentence
    assert _of(result, "1,500")["quantity_id"] == destroyed["quantity_id"]
    assert _of(result, "9,800")["quantity_id"] == damaged["quantity_id"]
    assert destroyed["quantity_id"] != damaged["quantity_id"]


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("In Peru, 250,000 households lost power on Monday night.", "250,000 households"),
        ("The floods cost Peru 40 schools, the ministry said.", "40 schools"),
        ("About 600 shops in Lima suffered damage, traders said.", "About 600 shops"),
    ],
)
def test_a_count_of_things_measures_no_money(sentence: str, surface: str) -> None:
    # "lost", "cost" and "damage" name a sum of money only for a sum: households, schools
    # and shops counted are no cost
    assert _of(_run({"a": (sentence, MARCH)}), surface)["concept_key"] != "cost"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hospitals in Peru admitted 240 people with heatstroke.",
         "In Peru 240 people were in hospital with heatstroke."),
        ("In Peru 95 passengers fell ill on the ferry.",
         "There were 95 cases of illness on the ferry in Peru."),
        ("In Peru 95 ill passengers were taken off the ferry.",
         "In Peru 95 passengers had fallen ill on the ferry."),
    ],
)  # fmt: skip
def test_the_words_for_one_measure_read_as_one(first: str, second: str) -> None:
    result = _on_one_day(first, second)
    number = next(w for w in first.split() if w[0].isdigit())
    a, b = _of(result, number, "a"), _of(result, number, "b")
    assert a["concept_key"] == b["concept_key"], (a["concept_key"], b["concept_key"])


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("Rescuers in Peru said 31 men were trapped in the flooded tunnel.", "31 men", "trapped"),
        ("About 40 people in Peru remain trapped under the rubble, officials said.", "About 40",
         "trapped"),
        # a count of men or women is anybody's: what befell them, or the verb, names it
        ("Police in Peru arrested 16 men after the match.", "16 men", "arrest"),
        ("In Peru 300 women were evacuated from the valley on Monday.", "300 women",
         "evacuated"),
    ],
)  # fmt: skip
def test_a_count_of_men_or_of_those_trapped_is_what_befell_them(
    text: str, surface: str, measure: str
) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] == measure


def test_those_trapped_are_not_the_dead() -> None:
    result = _on_one_day(
        "In Peru 31 miners were trapped underground after the collapse on Monday.",
        "Peru's mining ministry said 12 miners had died in the collapse.",
    )
    assert _of(result, "31", "a")["quantity_id"] != _of(result, "12", "b")["quantity_id"]
