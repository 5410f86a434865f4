"""What a count counts: its own noun, a kind restated, a rival estimate, a number pointed
back, a part of a group, what a count says it includes.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run, _verdict


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        # a figure's own counted noun, not the noun of the figure after it
        ("Officials in Peru said 120 suspected cases and three deaths had been reported.",
         {"120": "suspected case", "three": "death"}),
        ("The landslide in Peru killed 25 people and injured 60 others, officials said.",
         {"25": "death", "60": "injured"}),
        # a bare figure shares the noun after the next one
        ("Officials counted 940 suspected and 210 confirmed infections in Peru.",
         {"940": "suspected case", "210": "confirmed case"}),
    ],
)  # fmt: skip
def test_a_figure_s_own_noun_wins_over_the_next_figure_s(
    text: str, measures: dict[str, str]
) -> None:
    result = _run({"a": (text, MARCH)})
    assert {surface: _of(result, surface)["concept_key"] for surface in measures} == measures


def test_a_kind_given_again_with_its_noun_alone_is_one_count() -> None:
    result = _run(
        {
            "a": ("Floods strand 40 lorries in Peru\n\nForty cattle lorries were stuck on the "
                  "coast road in Peru on Tuesday, police said.", MARCH),
            "b": ("Police in Peru said 75 lorries were stuck on the coast road.",
                  MARCH.replace(day=6)),
        }
    )  # fmt: skip
    forty = _of(result, "Forty")
    assert forty["unit"] == "lorry"
    assert forty["quantity_id"] == _of(result, "75")["quantity_id"]


def test_a_kind_with_a_figure_of_its_own_stays_a_kind() -> None:
    text = "Of the 30 states that signed the treaty, 12 member states of the bloc ratified it."
    assert _of(_run({"a": (text, MARCH)}), "12")["unit"] == "member state"


def test_a_lower_figure_is_a_rival_estimate_of_the_figure_before() -> None:
    text = (
        "Farmers in Peru say 3,000 tonnes of grain have rotted in silos. The farm ministry gave "
        "a much lower figure, saying about 400 tonnes had rotted."
    )
    result = _run({"a": (text, MARCH)})
    grain, rival = _of(result, "3,000"), _of(result, "about 400")
    assert rival["quantity_id"] == grain["quantity_id"]
    assert rival["asserter"] == "Peru government"  # the ministry the sentence opens with
    # 7.5 times apart: possibly two counts of different things, no divergence claimed
    assert _verdict(result, "3,000") == "uncertain"


def test_a_number_pointed_back_to_counts_the_same_people() -> None:
    result = _on_one_day(
        "About 9,000 nurses in Peru stopped work on Tuesday, the nurses' federation said. The "
        "hospitals' association put the number at 2,500.",
        "On Tuesday 8,800 nurses in Peru stopped work, the nurses' federation said.",
    )
    nurses = _of(result, "About 9,000")
    assert _of(result, "2,500")["quantity_id"] == nurses["quantity_id"]
    assert _of(result, "8,800")["quantity_id"] == nurses["quantity_id"]
    assert _verdict(result, "2,500") == "diverge"


def test_a_source_s_own_figure_revised_counts_what_it_counted_before() -> None:
    result = _on_one_day(
        "The coastguard said 6,000 tonnes of fuel oil had leaked into the sea off Peru. The "
        "ship's owner on Friday raised its own figure to 2,500 tonnes."
    )
    assert _of(result, "2,500")["concept_key"] == _of(result, "6,000")["concept_key"] == "spill"
    assert _of(result, "2,500")["quantity_id"] == _of(result, "6,000")["quantity_id"]


def test_a_sum_followed_by_what_it_is_of_is_not_named_by_the_sentence() -> None:
    result = _on_one_day(
        "A Lima bank said it must raise 900 million dollars of fresh capital after its losses "
        "on bonds.",
        "The Lima bank reported a loss of 700 million dollars on bonds.",
    )
    assert _of(result, "900 million")["concept_key"] == "capital"
    assert _of(result, "900 million")["quantity_id"] != _of(result, "700 million")["quantity_id"]


@pytest.mark.parametrize(
    ("text", "size", "count"),
    [
        ("The dockers' union, which represents 12,000 workers in Peru, said 8,000 workers "
         "had struck.", "12,000", "8,000"),
        ("A federation speaking for about 3,000 farms in Chile said 1,200 farms lost their "
         "crops.", "about 3,000", "1,200"),
    ],
)  # fmt: skip
def test_the_people_a_body_speaks_for_are_its_size_not_the_event_s_count(
    text: str, size: str, count: str
) -> None:
    result = _on_one_day(text, "Farming represents 12% of Chile's economy.")
    assert _of(result, size)["concept_key"] == "membership"
    assert _of(result, count)["concept_key"] != "membership"
    assert _of(result, size)["quantity_id"] != _of(result, count)["quantity_id"]
    assert _of(result, "12%")["concept_key"] != "membership"


def test_those_a_scheme_would_cover_are_no_count_of_those_it_covers() -> None:
    # who may receive a treatment is not who receives it: the two are no rival estimates
    result = _on_one_day(
        "The health board in Peru said 520 patients would qualify for the new therapy.",
        "The maker said 140 patients in Peru already receive the therapy free of charge.",
    )
    eligible, treated = _of(result, "520 patients", "a"), _of(result, "140 patients", "b")
    assert eligible["concept_key"] == "eligible"
    assert eligible["quantity_id"] != treated["quantity_id"]


@pytest.mark.parametrize(
    ("text", "surface", "measure", "population"),
    [
        # a part of people no measure names counts what befell them
        ("By Tuesday, 210 of the people on board had fallen ill, Peru's health ministry said.",
         "210", "case", None),
        ("About 40 of the residents were evacuated, officials in Chile said.", "About 40",
         "evacuated", None),
        # the verb right before people no measure names
        ("Shelling in Peru killed 30 civilians.", "30 civilians", "death", "civilian"),
        ("The army in Chile evacuated 3,400 villagers.", "3,400", "evacuated", "villager"),
        ("Rescuers in Peru saved 12 fishermen.", "12 fishermen", "rescued", "fishermen"),
        # (and the people joined to them by "and")
        ("Air strikes in Peru killed 18 soldiers and 33 civilians.", "33 civilians", "death",
         "civilian"),
    ],
)  # fmt: skip
def test_what_befell_people_no_measure_names_is_their_measure(
    text: str, surface: str, measure: str, population: str | None
) -> None:
    row = _of(_on_one_day(text), surface)
    assert (row["concept_key"], row["population"]) == (measure, population)


def test_a_toll_named_military_or_civilian_counts_those_people() -> None:
    result = _on_one_day(
        "Peru's defence ministry raised its military death toll to 23.",
        "Officials in Peru said the civilian death toll had risen to 41.",
        "Clashes in Peru killed 25 soldiers, the army said.",
    )
    military, civilian = _of(result, "23"), _of(result, "41")
    assert military["population"] == _of(result, "25 soldiers")["population"] == "personnel"
    assert civilian["population"] == "civilian"
    assert military["quantity_id"] != civilian["quantity_id"]


def test_people_are_no_count_of_the_things_counted_before() -> None:
    text = (
        "Some 80 lorries were queuing in Peru's port on Tuesday. About 3,000 people live in "
        "the town. Floods killed 40 people in Peru, and another 20 people in the south, "
        "officials said."
    )
    result = _run({"a": (text, MARCH)})
    assert _of(result, "About 3,000")["concept_key"] != "lorry"
    assert _of(result, "20 people")["concept_key"] == "death"  # a measure still carries on


@pytest.mark.parametrize(
    ("text", "first", "then", "same"),
    [
        # a sum or a share that names no measure starts afresh in a new sentence
        ("The flood in Peru caused damage of $40 million. The town bought a bridge for "
         "$3 million in May.", "$40 million", "$3 million", False),
        ("Unemployment in Peru rose to 8% in May. The river rose by 12% in an hour.",
         "8%", "12%", False),
        # a count of no noun or of people, a multiple, and the same sum again go on from the
        # sentence before
        ("Floods in Peru killed 40 people on Monday. On Tuesday officials counted 52.",
         "40 people", "52", True),
        ("Floods in Peru killed 40 people on Monday. Another 20 people were found on Tuesday.",
         "40 people", "20 people", True),
        # but not across a sentence with a figure of another kind: that thread has ended
        ("Floods in Peru killed 40 people on Monday. The state set aside $9 million for the "
         "valley. The school hall holds 200 people.", "40 people", "200 people", False),
        ("Officials in Peru said deaths in May were 1.5 times the usual number. Researchers "
         "put the actual number at two to three times higher.", "1.5", "two", True),
        ("The flood in Peru caused damage of $40 million on Monday. On Friday the governor "
         "again spoke of $40 million.", "$40 million", "$40 million", True),
        # within its sentence a figure still takes the measure before it
        ("The flood in Peru caused damage of $40 million, against $25 million a year ago.",
         "$40 million", "$25 million", True),
    ],
)  # fmt: skip
def test_a_figure_goes_on_from_an_earlier_sentence_s_measure_only_as_a_count(
    text: str, first: str, then: str, same: bool
) -> None:
    claims = _run({"a": (text, MARCH)}).claims.sort("start")
    first_row, *_, then_row = (  # (the first figure, and the last that starts with ``then``)
        row for row in claims.iter_rows(named=True) if row["surface"].startswith((first, then))
    )
    assert first_row["surface"].startswith(first), first_row
    assert (then_row["concept_key"] == first_row["concept_key"]) is same, then_row


@pytest.mark.parametrize(
    ("note", "verdict"),
    [
        (", a figure it says includes families staying with relatives", "uncertain"),
        ("", "diverge"),
    ],
)
def test_a_count_whose_sentence_says_what_it_includes_is_not_surely_the_other(
    note: str, verdict: str
) -> None:
    result = _on_one_day(
        f"The Red Cross said 40,000 people in Peru had been left homeless{note}.",
        "The housing ministry of Peru said 10,000 people had been left homeless.",
    )
    assert _verdict(result, "40,000") == verdict


def test_those_of_a_group_who_did_something_since_are_a_part_of_it() -> None:
    # "N of the displaced have returned home": a count of those of the group named by its
    # state who did something since, not a rival count of the group
    result = _on_one_day(
        "Floods in Peru have displaced 60,000 people, the relief agency said.",
        "Some 12,000 of the displaced have returned home in Peru, the relief agency said.",
        "The relief agency in Peru said 85,000 people were displaced.",
    )
    back = _of(result, "Some 12,000", "b")
    assert back["concept_key"] == "displaced: returned home"
    assert back["quantity_id"] != _of(result, "60,000", "a")["quantity_id"]
    assert _of(result, "60,000", "a")["quantity_id"] == _of(result, "85,000", "c")["quantity_id"]


def test_a_sentence_led_by_the_group_counts_a_part_of_it() -> None:
    # "Of the dead, 13 were children": the group leads the sentence and the figure after it
    # is a part of that group, not a rival toll
    result = _on_one_day(
        "Officials in Peru said 40 people died in the fire.",
        "Of the dead, 13 were children, officials in Peru said.",
    )
    part = _of(result, "13", "b")
    assert part["concept_key"] == "death: children"
    assert part["quantity_id"] != _of(result, "40 people", "a")["quantity_id"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Rescuers in Peru closed 3 of its 40 schools in the valley that still had no water.", "school: closed"),
        # a verb of saying or a preposition before it names no part
        ("The agency in Peru said 3 of its 40 schools in the valley still had no water.", "school: a part"),
        ("The agency in Peru coped with 3 of its 40 schools in the valley that still had no water.", "school: a part"),
    ],
)  # fmt: skip
def test_the_verb_leading_to_a_part_of_a_counted_whole_names_it(text: str, named: str) -> None:
    assert _of(_on_one_day(text), text.split(" of ")[0].split()[-1])["concept_key"] == named


def test_people_held_by_force_are_a_count_of_their_own() -> None:
    result = _on_one_day(
        "Some 80 villagers were abducted in Peru on Monday, the police said.",
        "Officials in Peru said 12 people died in the attack.",
        "Rebels in Peru are holding 15 guards hostage.",
    )
    assert _of(result, "Some 80 villagers", "a")["concept_key"] == "hostage"
    assert _of(result, "15 guards", "c")["concept_key"] == "hostage"


def test_people_in_custody_are_a_count_of_arrests() -> None:
    result = _on_one_day(
        "Police in Peru said 11 people were now in custody.",
        "Police in Peru said three people had been arrested.",
    )
    assert _of(result, "11 people", "a")["concept_key"] == "arrest"
    assert _of(result, "11 people", "a")["quantity_id"] == _of(result, "three", "b")["quantity_id"]


def test_a_count_of_a_group_s_own_members_is_no_part_of_them() -> None:
    # "27 of its soldiers had been killed" counts soldiers killed, as "20 soldiers killed" does
    result = _on_one_day(
        "The army of Peru said 20 soldiers were killed in the clashes.",
        "The army of Peru said 27 of its soldiers had been killed in the clashes.",
    )
    assert ":" not in _of(result, "27", "b")["concept_key"]
    assert _of(result, "27", "b")["concept_key"] == _of(result, "20 soldiers", "a")["concept_key"]


@pytest.mark.parametrize(
    ("named", "restated", "surface", "same"),
    [
        ("The flood in Peru caused damage of $45 million, officials said.",
         "Families in Peru will wait years for the $45 million to be found.", "$45 million",
         True),
        ("The tanker spilled 1,800 tonnes of crude off Peru, the coastguard said.",
         "Crews off Peru were still chasing the tanker's 1,800 tonnes of crude on Friday.",
         "1,800 tonnes", True),
        ("Floods in Peru have killed 1,250 people, officials said.",
         "A memorial in Peru will list the 1,250 by name.", "1,250", True),
        # a figure of one digit is too common to be taken for another's
        ("The flood in Peru caused damage of $8 on each road sign, officials said.",
         "Families in Peru will wait years for the $8 to be found.", "$8", False),
    ],
)  # fmt: skip
def test_a_figure_another_article_gives_with_its_measure_takes_that_measure(
    named: str, restated: str, surface: str, same: bool
) -> None:
    result = _on_one_day(named, restated)
    first, again = _of(result, surface, "a"), _of(result, surface, "b")
    assert (again["concept_key"] == first["concept_key"]) is same, again
    # (never sure enough to be called a rival figure: its own words name no measure)
    assert again["frame_sure"] is False


@pytest.mark.parametrize(
    ("text", "surface", "measure", "population"),
    [
        ("Rescuers in Peru found 40 dead civilians.", "40", "death", "civilian"),
        ("Rescuers in Peru found 40 civilians dead.", "40", "death", "civilian"),
        ("Volunteers in Peru found 220 dead seabirds.", "220", "death", "seabird"),
        # a noun led by a word of no state keeps its own words
        ("The union in Peru said 300 aid workers had left.", "300", "aid worker", "aid worker"),
    ],
)  # fmt: skip
def test_a_counted_noun_led_by_a_state_counts_that_state_of_its_noun(
    text: str, surface: str, measure: str, population: str
) -> None:
    row = _of(_run({"a": (text, MARCH)}), surface)
    assert (row["concept_key"], row["population"]) == (measure, population)


def test_dead_animals_are_no_count_of_dead_people() -> None:
    result = _on_one_day(
        "Floods in Peru killed 40 people, officials said.",
        "Volunteers in Peru found 220 dead seabirds after the floods.",
    )
    assert _of(result, "40 people")["quantity_id"] != _of(result, "220")["quantity_id"]
