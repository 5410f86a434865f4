"""Tolls and cases: the dead apart from the saved, suspected and confirmed cases, doses and
goals of vaccination, a toll recorded by a source.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run


def test_the_word_right_before_a_figure_names_its_measure() -> None:
    result = _run(
        {"a": ("The storm tore roofs off houses in Portugal, killing at least 12 people.", MARCH)}
    )
    assert _of(result, "at least 12")["concept_key"] == "death"


def test_the_saved_and_those_on_board_are_not_the_toll() -> None:
    result = _run(
        {
            "a": (
                "Ferry sinks off Portugal\n\nAt least 30 bodies were recovered after the ferry "
                "sank off Portugal, and 212 people were rescued. Survivors said up to 400 "
                "people had been on board, many from Angola and Mozambique.",
                MARCH,
            )
        }
    )
    assert _of(result, "At least 30")["concept_key"] == "death"
    assert _of(result, "212")["concept_key"] == "rescued"
    on_board = _of(result, "up to 400")
    assert on_board["concept_key"] == "on board"
    assert on_board["entity"] == "Portugal"  # "from Angola and Mozambique" is where they came from


def test_a_hope_to_vaccinate_is_no_toll() -> None:
    text = (
        "Measles has killed 12 children in Peru. Nurses plan to vaccinate about 50,000 people "
        "by June, the health ministry said."
    )
    assert _of(_run({"a": (text, MARCH)}), "about 50,000")["concept_key"] == "vaccination"


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("Peru has recorded 3,500 suspected measles cases this year.", "3,500", "suspected case"),
        ("Officials counted 940 suspected and 210 confirmed infections in Peru.", "940",
         "suspected case"),
        ("Officials counted 940 suspected and 210 confirmed infections in Peru.", "210",
         "confirmed case"),
        # with no suspected count beside it, and no larger plain count it is a part of, a
        # confirmed count is the plain count
        ("In Peru 400 cases have been confirmed by laboratories.", "400", "case"),
        ("Peru reported 2,000 cases, and 650 of them were confirmed in a laboratory.", "650",
         "confirmed case"),
        ("The agency put the number of probable cases in Peru at 75.", "75", "probable case"),
        ("Peru has recorded 3,500 cases of measles this year.", "3,500", "case"),
    ],
)  # fmt: skip
def test_suspected_and_confirmed_cases_are_two_counts(
    text: str, surface: str, measure: str
) -> None:
    assert _of(_run({"a": (text, MARCH)}), surface)["concept_key"] == measure


def test_a_toll_recorded_by_a_source_is_that_source_s_plain_toll() -> None:
    # where the toll is estimated, "confirmed" after it calls a count the official one apart
    # from the estimates; "recorded by" a source only names whose count it is
    result = _on_one_day(
        "Floods in Peru have killed 55 people, the civil defence agency said.",
        "Relief crews reached villages where most of the 55 deaths recorded by the Civil "
        "Defence Agency occurred in Peru.",
        "The institute estimates that 300 people died in Peru. There were 55 deaths confirmed "
        "in Peru so far.",
        "Most of the 55 deaths reported by the health ministry were in Peru's north.",
    )
    assert _of(result, "55 deaths", "b")["concept_key"] == "death"
    assert _of(result, "55 deaths", "c")["concept_key"] == "official death"
    assert _of(result, "55 deaths", "d")["concept_key"] == "death"


def test_doses_of_vaccine_are_not_the_people_vaccinated() -> None:
    result = _on_one_day(
        "Nurses in Peru have given 2 million doses of measles vaccine, and 800,000 children "
        "have been vaccinated, the ministry said.",
        "Peru has received 2 million vaccine doses, the ministry said.",
    )
    doses, people = _of(result, "2 million doses"), _of(result, "800,000")
    assert (doses["concept_key"], people["concept_key"]) == ("vaccine dose", "vaccination")
    assert _of(result, "2 million vaccine")["quantity_id"] == doses["quantity_id"]
    assert people["quantity_id"] != doses["quantity_id"]


@pytest.mark.parametrize("aim", ["aims to", "hopes to", "plans to", "intends to"])
def test_a_goal_is_not_a_count_so_far(aim: str) -> None:
    result = _on_one_day(
        f"Peru {aim} vaccinate about 2 million people by May, the ministry said.",
        "So far 700,000 people have been vaccinated in Peru, the ministry said.",
    )
    assert _of(result, "about 2 million")["quantity_id"] != _of(result, "700,000")["quantity_id"]


def test_a_headline_restates_a_figure_its_text_calls_suspected() -> None:
    result = _on_one_day(
        "Measles cases in Peru top 3,000\n\nPeru has recorded more than 3,000 suspected measles "
        "cases this year, and 800 confirmed ones.",
        "Peru has recorded 3,000 cases of measles in the south.",
    )
    assert _of(result, "3,000", "a")["concept_key"] == "suspected case"
    # another article's plain count is not the first article's to call suspected
    assert _of(result, "3,000", "b")["concept_key"] == "case"


@pytest.mark.parametrize(
    ("text", "surface", "measure", "population"),
    [
        # the verb right before a people's noun says what befell them
        ("Shelling on the border of Peru killed 9 soldiers on Monday.", "9 soldiers", "death",
         "personnel"),
        ("The blast in Peru wounded at least 30 soldiers on Monday.",
         "at least 30 soldiers", "injured", "personnel"),
        # a verb that befalls nobody leaves the noun's own measure
        ("Peru sent 400 soldiers to the border on Monday.", "400 soldiers", "personnel", None),
        # so does the noun of an event before "of" ("the deaths of", "the rescue of")
        ("Officials in Peru confirmed the deaths of two young children on Monday.",
         "two young children", "death", "child"),
        ("Officials in Peru reported the rescue of 12 miners on Monday.",
         "12 miners", "rescued", "miner"),
        ("The union in Peru warned of the loss of 4,000 jobs on Monday.", "4,000 jobs", "job",
         "job"),
        ("Officials in Peru reported the disappearance of 30 miners on Monday.", "30 miners",
         "missing", "miner"),
        # the people of a group named by its state ("among the dead were ...")
        ("Among the dead in Peru were 12 children, officials said on Monday.", "12 children",
         "death", "child"),
        ("The injured in Peru included 40 soldiers, officials said on Monday.", "40 soldiers",
         "injured", "personnel"),
        # a verb of dying after the people's noun
        ("Nine people perished in the fire in Peru on Monday.", "Nine people", "death", None),
    ],
)  # fmt: skip
def test_the_verb_before_a_people_s_noun_says_what_befell_them(
    text: str, surface: str, measure: str, population: str | None
) -> None:
    row = _of(_on_one_day(text), surface)
    assert (row["concept_key"], row["population"]) == (measure, population)


def test_a_bare_count_takes_no_measure_of_money_from_its_own_clause() -> None:
    # "its losses at 9" counts soldiers lost, not money
    result = _on_one_day("The ministry in Peru put its losses at 9, after two days of shelling.")
    assert _of(result, "9")["concept_key"] != "cost"
    # a sum of money still takes it
    result = _on_one_day("The ministry in Peru put its losses at $9 million on Monday.")
    assert _of(result, "$9 million")["concept_key"] == "cost"


def test_members_of_a_group_whose_fate_is_told_are_its_people() -> None:
    # "9 of its soldiers were killed" counts dead soldiers, as "killing 12 soldiers" does
    result = _run(
        {
            "a": ("Shelling on the border of Peru killed 9 soldiers, the army said.", MARCH),
            "b": ("The army of Peru said 12 of its soldiers had been killed on the border.",
                  MARCH.replace(day=3)),
        }
    )  # fmt: skip
    assert _of(result, "12")["population"] == "personnel"
    assert _of(result, "12")["quantity_id"] == _of(result, "9 soldiers")["quantity_id"]


def test_soldiers_and_troops_killed_are_one_group_of_the_country_their_adjective_names() -> None:
    result = _run(
        {
            "a": ("Shelling on the border killed 9 Peruvian soldiers, Peru's army said.", MARCH),
            # the other side speaks, and names the dead by their nationality
            "b": ("Chile's army said it had killed more than 40 Peruvian troops.",
                  MARCH.replace(day=2)),
        }
    )  # fmt: skip
    dead = _of(result, "more than 40")
    assert dead["entity"] == "Peru", dead["entity_source"]
    assert dead["quantity_id"] == _of(result, "9 Peruvian")["quantity_id"]


@pytest.mark.parametrize(
    "text",
    [
        "Three passengers were flown to hospital in Peru on Monday, the company said.",
        "In Peru, 3 people have now been taken to hospital, the company said.",
        # a phrase of what they had, and a first verb joined by "and", between
        "Three passengers with burns were lifted off the ferry by a helicopter and flown to "
        "hospital in Peru.",
    ],
)
def test_people_taken_to_hospital_are_the_hospitalised(text: str) -> None:
    assert _of(_on_one_day(text), "3" if "3 " in text else "Three")["concept_key"] == (
        "hospitalised"
    )


def test_a_confirmed_count_in_one_report_is_the_plain_count_of_another() -> None:
    result = _run(
        {
            "a": ("Peru's health ministry has reported 400 confirmed cases of measles.", MARCH),
            "b": ("Measles cases in Peru rose to 460, the health ministry said.",
                  MARCH.replace(day=3)),
        }
    )  # fmt: skip
    assert _of(result, "400")["quantity_id"] == _of(result, "460")["quantity_id"]
    # beside a suspected count, the two stay apart
    result = _run(
        {
            "a": ("Peru has 940 suspected and 400 confirmed measles cases, the ministry said.",
                  MARCH),
            "b": ("Measles cases in Peru rose to 1,460, the health ministry said.",
                  MARCH.replace(day=3)),
        }
    )  # fmt: skip
    assert _of(result, "400")["concept_key"] == "confirmed case"


def test_a_count_of_things_is_no_figure_the_sentence_points_back_to() -> None:
    # "the figure" in its sentence is the toll before it; the hospitals are a count of their own
    result = _on_one_day(
        "Doctors in Peru said at least 240 people had died in the heat. They said the figure "
        "was drawn from reports by members at 38 hospitals."
    )
    assert _of(result, "38 hospitals")["concept_key"] != "death"
