"""A food crisis as news writes it: aid agencies speaking, people in need of food aid beside
those facing famine, children malnourished beside those severely so, people who left their
homes. Sentences and places made up for these tests (issue 11)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from extract import extract_claims
from reconcile import ReconcileResult, reconcile
from reconcile.frames import actors_unnamed
from reconcile.identify import text_places

STORY = (
    "Drought has gripped Veldara for a second year. Veldara's health ministry has asked for help. "
)


def _run(*docs: str) -> ReconcileResult:
    texts = {f"d{i}": STORY + text for i, text in enumerate(docs)}
    claims = pl.concat(
        [
            extract_claims(text, doc_id=d, outlet=f"Outlet {d}", published=dt.date(2031, 5, 6))
            for d, text in texts.items()
        ],
        how="diagonal_relaxed",
    )
    return reconcile(claims, texts=texts)


def _of(result: ReconcileResult, value: float) -> dict[str, Any]:
    """The output row of the first claim of ``value``, with its quantity's verdict."""
    verdicts = result.quantities.select("quantity_id", pl.col("verdict").cast(pl.String))
    rows = result.claims.filter(pl.col("value") == value).join(verdicts, on="quantity_id")
    assert rows.height >= 1, value
    return rows.row(0, named=True)


@pytest.mark.parametrize(
    "named",
    [
        "About 9,000 people in Veldara have been treated for cholera, the Harvest Aid Programme said.",
        "About 9,000 people in Veldara have been treated for cholera, aid workers said.",
        "Aid agencies said about 9,000 people in Veldara have been treated for cholera.",
        "About 9,000 people in Veldara have been treated for cholera, the Child Relief Fund said.",
    ],
)
def test_a_measure_word_in_an_actors_name_names_no_measure(named: str) -> None:
    """ "Aid" in "aid workers" or "the Harvest Aid Programme" says who speaks: the patients
    they count are no count of people who need food aid (a false divergence before)."""
    result = _run("About 40,000 people in Veldara need food aid, the government said.", named)
    assert _of(result, 9000)["concept_key"] != "aid"
    assert _of(result, 9000)["quantity_id"] != _of(result, 40000)["quantity_id"]
    assert _of(result, 40000)["verdict"] == "single"


def test_a_word_that_makes_a_measure_with_the_actor_noun_stays() -> None:
    unnamed = actors_unnamed(
        {"migrant": "migrant", "migrant worker": "migrant"}, ["worker", "office"]
    )
    texts = pl.DataFrame({"s": ["2,000 migrant workers left", "the Migrant Workers Office said"]})
    # (a capitalised name ending in an actor's noun is a name: "Office")
    assert texts.select(unnamed(pl.col("s"))).to_series().to_list() == [
        "2,000 migrant workers left",
        "the  said",
    ]


def test_a_measure_read_beside_an_aid_group_still_counts() -> None:
    """The ministry's 90 hunger deaths and an aid group's 300 the same day: one toll, two
    sources three times apart, whatever "aid" says of the group."""
    result = _run(
        "Hunger deaths in Veldara: the ministry says 90, an aid group says at least 300.",
    )
    assert _of(result, 300)["concept_key"] == "death"
    assert _of(result, 300)["quantity_id"] == _of(result, 90)["quantity_id"]


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        ("About 40,000 people in Veldara face famine-level hunger, the agency said.", 40000,
         "famine"),
        ("About 30,000 children in Veldara are acutely malnourished, the fund said.", 30000,
         "malnutrition"),
        ("Some 6,000 children in Veldara are severely malnourished, the fund said.", 6000,
         "severe malnutrition"),
        ("Some 12,000 people in Veldara have left their homes because of the drought.", 12000,
         "displaced"),
        ("About 70,000 people in Veldara need food assistance, the agency said.", 70000, "aid"),
    ],
)  # fmt: skip
def test_measures_of_a_food_crisis(text: str, value: float, measure: str) -> None:
    assert _of(_run(text), value)["concept_key"] == measure


def test_people_facing_famine_are_not_a_rival_count_of_people_in_need() -> None:
    """5,000 facing famine-level hunger on one day and 40,000 needing food aid the same day
    are two measures, never a divergence."""
    result = _run(
        "The agency said 40,000 people in Veldara need food aid.",
        "The number of people in Veldara facing famine-level hunger has risen to 5,000.",
    )
    assert _of(result, 5000)["quantity_id"] != _of(result, 40000)["quantity_id"]
    assert "diverge" not in result.quantities["verdict"].cast(pl.String).to_list()


def test_severely_malnourished_children_are_no_rival_count_of_the_malnourished() -> None:
    result = _run(
        "About 30,000 children in Veldara are acutely malnourished, the fund said.",
        "The fund said 6,000 children in Veldara were severely malnourished.",
    )
    assert _of(result, 6000)["quantity_id"] != _of(result, 30000)["quantity_id"]
    assert "diverge" not in result.quantities["verdict"].cast(pl.String).to_list()


@pytest.mark.parametrize(
    "neighbour",
    [
        "In neighbouring Ostrany, officials said 90 people had died of hunger.",
        "Neighbouring Ostrany said 90 people had died of hunger. Ostrany has closed its border.",
        "Across the border in neighboring Ostrany, 90 people have died of hunger.",
    ],
)
def test_a_neighbour_no_gazetteer_knows_is_a_place_of_its_own(neighbour: str) -> None:
    """A name the text calls a neighbour, written twice, is a country: its toll is its own,
    never a rival count of the story's country."""
    result = _run(
        "Veldara's health ministry said 300 people had died of hunger.",
        neighbour + " Ostrany is also dry.",
    )
    assert _of(result, 90)["entity"] == "Ostrany"
    assert _of(result, 90)["quantity_id"] != _of(result, 300)["quantity_id"]


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        # a part of it named ("northern Veldara") and its adjective written: a country
        (
            ["Snow cut off northern Veldara.", "The Veldaran Herald said roads in Veldara shut."],
            {"Veldara"},
        ),
        (
            ["Floods hit south-western Veldara.", "Veldaran troops reached Veldara's coast."],
            {"Veldara"},
        ),
        # no adjective of its own: a region, as "southern England" is of a country
        (["Rain fell over eastern Wessex.", "Farms in Wessex flooded."], set()),
        # a compass word in a name, and a kind of place after the name
        (["Northern Ostel Rail said.", "Ostel is wet and the Ostelian press said so."], set()),
        (["Fires reached central Ostel province.", "Ostel province and Ostelian farms."], set()),
    ],
)
def test_a_part_of_a_name_makes_a_country_with_its_adjective(
    texts: list[str], found: set[str]
) -> None:
    places, _ = text_places(texts)
    assert set(places) == found


def test_a_place_of_a_neighbouring_province_stays_a_part_of_the_country() -> None:
    places, _ = text_places(["Fires spread to neighbouring Ostel province. Ostel is dry."])
    assert "Ostel" not in places


@pytest.mark.parametrize(
    "charity",
    [
        "The charity Harvest Hope said its teams had recorded at least 300 deaths from hunger.",
        "The charity Harvest Hope said its teams had recorded at least 300 such deaths.",
    ],
)
def test_deaths_recorded_from_a_cause_are_the_toll_not_a_register(charity: str) -> None:
    """ "recorded 300 deaths from hunger" (a cause with no article) or "300 such deaths" (of
    the kind just named) is the hunger toll, recorded: a rival to the ministry's count of the
    same day, not a register's count of all deaths."""
    result = _run("The health ministry said 90 people in Veldara had died of hunger.", charity)
    assert _of(result, 300)["concept_key"] == "death"
    assert _of(result, 300)["quantity_id"] == _of(result, 90)["quantity_id"]
    assert _of(result, 300)["verdict"] == "diverge"


def test_deaths_recorded_from_all_causes_are_the_registers() -> None:
    result = _run("The registry recorded 81,000 deaths from all causes in Veldara last year.")
    assert _of(result, 81000)["concept_key"] == "registered death"


def test_the_people_of_a_country_no_gazetteer_knows_are_its_people() -> None:
    """ "40,000 Veldarans" are people of Veldara, as "40,000 Libyans" are of Libya: no
    population of their own apart from "people in Veldara"."""
    result = _run(
        "About 40,000 Veldarans need food aid, the agency said.",
        "The agency said 52,000 people in Veldara need food aid.",
    )
    assert _of(result, 40000)["population"] is None
    assert _of(result, 40000)["quantity_id"] == _of(result, 52000)["quantity_id"]
    assert text_places(["Veldara's economy shrank. Veldara is dry. Veldarans and Veldaran firms"])[
        1
    ] == {
        "Veldaran": "Veldara",
        "Veldarans": "Veldara",
    }


def test_a_day_or_a_month_is_no_place_the_texts_name() -> None:
    # "Sunday's election" owns what a country has, but a day is no place
    texts = ["Sunday's election went ahead. On Sunday, Veldara's economy shrank.",
             "Veldara's election was calm on Sunday. March's budget cut Veldara's spending."]  # fmt: skip
    assert text_places(texts)[0] == {"Veldara": "Veldara"}


@pytest.mark.parametrize(
    "earlier",
    [
        "During the 2027 drought, about 500,000 animals died in Veldara, the union said.",
        "In the 2027 drought about 500,000 animals died in Veldara, the union said.",
    ],
)
def test_a_year_before_the_event_it_names_dates_the_figure(earlier: str) -> None:
    """ "During the 2027 drought" dates its figure as "during 2027" does: the last drought's
    losses are no rival count of this one's."""
    result = _run(
        "The ministry said 150,000 animals had died in Veldara since October.",
        earlier,
    )
    assert _of(result, 500000)["as_of"].year == 2027
    assert _of(result, 500000)["quantity_id"] != _of(result, 150000)["quantity_id"]


def test_a_rival_figure_answers_the_figure_not_an_order_of_size_between() -> None:
    """ "a much lower figure" answers the union's 90,000 animals, not "thousands of families"
    between them: the ministry's 30,000 animals are the same count, a third of the union's
    the same day, counted with the union's wider list of animals."""
    result = _run(
        "The herders' union said 90,000 cattle, goats and sheep had died in Veldara, leaving "
        "thousands of families with no income. The agriculture ministry gave a much lower "
        "figure, saying 30,000 animals had died."
    )
    assert _of(result, 30000)["quantity_id"] == _of(result, 90000)["quantity_id"]
    assert _of(result, 30000)["verdict"] == "diverge"


def test_the_number_of_a_plural_noun_is_what_a_bare_figure_counts() -> None:
    """ "the number of acutely malnourished children ... had risen to 36,000" counts
    children, as "30,000 children" does: one count, not children apart from anybody."""
    result = _run(
        "About 30,000 children in Veldara are acutely malnourished, the fund said.",
        "The fund said the number of acutely malnourished children in Veldara had risen to 36,000.",
        "The number of people in Veldara facing famine-level hunger has risen to 5,000.",
    )
    assert _of(result, 36000)["population"] == _of(result, 30000)["population"] == "child"
    assert _of(result, 36000)["quantity_id"] == _of(result, 30000)["quantity_id"]
    assert _of(result, 5000)["population"] is None  # people are anybody


def test_money_pledged_is_no_count_of_the_aid_given() -> None:
    """What donors pledge is a promise: $50 million pledged and $20 million of aid the agency
    has had the same day are two figures, never a divergence."""
    result = _run(
        "Donors meeting in Ostrany pledged $50 million for Veldara, the agency said.",
        "The agency said it had received $20 million in aid for Veldara so far.",
    )
    assert _of(result, 50e6)["concept_key"] == "pledge"
    assert _of(result, 50e6)["quantity_id"] != _of(result, 20e6)["quantity_id"]
    assert "diverge" not in result.quantities["verdict"].cast(pl.String).to_list()
