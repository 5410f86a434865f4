"""Where a figure is: a capital and its country, a neighbour's toll, countries no gazetteer knows.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import polars as pl
import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run, _verdict

from reconcile.frames import demonym_forms, place_forms, place_mentions
from reconcile.identify import ONLY_NAMED


@pytest.mark.parametrize(
    ("adjective", "country"),
    [("Kyrgyz", "Kyrgyzstan"), ("Tajik", "Tajikistan"), ("Uzbek", "Uzbekistan"),
     ("Nepalese", "Nepal"), ("Ghanaian", "Ghana"), ("Kuwaiti", "Kuwait")],
)  # fmt: skip
def test_nationality_adjectives_the_regular_patterns_miss(adjective: str, country: str) -> None:
    assert demonym_forms()[adjective] == country


def test_a_march_in_the_capital_is_not_the_nationwide_turnout() -> None:
    result = _run(
        {
            "a": (
                "Police said 20,000 people marched in Lisbon on Saturday against the new "
                "labour law. On Saturday the organisers put the turnout at 90,000.\n"
                "Across the country, 310,000 people took part on Saturday, the Interior "
                "Ministry said.",
                MARCH,
            ),
            "b": (
                "The Interior Ministry counted 305,000 protesters across Portugal on Saturday.\n"
                "In the capital, police counted 21,000 marchers on Saturday.",
                MARCH,
            ),
        }
    )
    lisbon, nation = _of(result, "20,000"), _of(result, "310,000")
    assert lisbon["entity"] == "Lisbon" and nation["entity"] == "Portugal"
    assert _of(result, "90,000")["quantity_id"] == lisbon["quantity_id"]
    assert _of(result, "21,000")["quantity_id"] == lisbon["quantity_id"]
    assert _of(result, "305,000")["quantity_id"] == nation["quantity_id"]
    # the police's and organisers' counts, 4.5 times apart, diverge; the ministry agrees with itself
    assert _verdict(result, "20,000") == "diverge"
    assert _verdict(result, "310,000") != "diverge"


def test_a_capital_alone_still_stands_for_its_country() -> None:
    # no figure of the whole country to set it against: the capital's count is the country's
    result = _run({"a": ("Police said 20,000 people marched in Lisbon on Saturday.", MARCH)})
    assert _of(result, "20,000")["entity"] == "Portugal"


_NATIONAL_RATE = (
    "Nationally, 91% of infants in Peru had both doses last year, the health ministry said."
)


def test_a_region_s_rate_is_not_the_country_s() -> None:
    # a share of the people of a place no gazetteer knows, set beside the whole country's
    result = _run(
        {
            "a": (_NATIONAL_RATE, MARCH),
            "b": (
                "The ministry puts two-dose coverage in Quillora at 74% last year, while a "
                "doctors' network put it at 63%.",
                MARCH,
            ),
        }
    )
    region, rival, nation = (_of(result, f) for f in ("74%", "63%", "91%"))
    assert region["entity"] == "Quillora"
    assert region["quantity_id"] == rival["quantity_id"] != nation["quantity_id"]


def test_a_region_s_rate_alone_stays_the_story_s() -> None:
    # no rate of the whole country beside it: nothing to set it apart from
    text = "Two-dose coverage in Quillora stood at 74% last year, the ministry said."
    assert _of(_run({"b": (text, MARCH)}), "74%")["entity"] != "Quillora"


def test_one_sentence_sets_a_town_s_rate_beside_the_whole_country_s() -> None:
    # each figure is where its own clause sets it; the country's rate, of no named place,
    # is not given the one town its measure's other figures name
    result = _run(
        {
            "a": (
                "Unemployment in Quillora stands at 14.2%, against 6.1% for the country as a "
                "whole, the statistics office said.",
                MARCH,
            ),
            "b": ("Unemployment in Quillora rose to 14.2% last month, the office said.", MARCH),
        }
    )
    town, country = _of(result, "14.2%", "a"), _of(result, "6.1%")
    assert town["entity"] == "Quillora" and country["entity"] != "Quillora"
    assert _of(result, "14.2%", "b")["quantity_id"] == town["quantity_id"]
    assert country["quantity_id"] != town["quantity_id"]


def test_a_toll_in_a_town_stays_beside_the_country_s() -> None:
    # a count is no rate: the toll where a disaster struck may be most of the country's
    result = _run(
        {
            "a": ("Nationally, floods killed 80 people last year, the ministry said.", MARCH),
            "b": ("Floods killed 74 people in Quillora last year, the ministry said.", MARCH),
        }
    )
    assert _of(result, "74")["entity"] != "Quillora"


def test_officials_over_the_border_give_their_own_country_s_toll() -> None:
    result = _run(
        {
            "a": (
                "Floods in Peru have killed 60 people, officials said.\n"
                "Across the border, Bolivian officials said four people had drowned.",
                MARCH,
            )
        }
    )
    assert _of(result, "60")["entity"] == "Peru"
    assert _of(result, "four")["entity"] == "Bolivia"


def test_a_country_no_gazetteer_knows_is_read_from_what_it_owns() -> None:
    # "Marvossa's economy": a made-up country is a place of its own, in every article that
    # names it or its adjective, and a lender "based" in a real capital is not there
    result = _on_one_day(
        "Marvossa's economy grew by 2.0% in 2030, the statistics office in Marvossa said.",
        "Lender cuts Marvossa outlook\n\nThe Paris-based lender said the Marvossan economy "
        "would grow 1.5% this year.",
    )
    assert _of(result, "2.0%")["entity"] == "Marvossa"
    assert _of(result, "1.5%")["entity"] == "Marvossa"


def test_a_name_owning_a_state_s_office_is_a_country() -> None:
    # "Quenmark's interior ministry": a made-up country, kept apart from its neighbour
    result = _on_one_day(
        "Floods killed 12 people in Quenmark on Monday, Quenmark's interior ministry said.",
        "In neighbouring Peru, three people died in the floods on Monday.",
    )
    assert _of(result, "12 people")["entity"] == "Quenmark"
    assert _of(result, "12 people")["quantity_id"] != _of(result, "three")["quantity_id"]


def test_a_country_no_gazetteer_knows_owns_its_election() -> None:
    result = _on_one_day(
        "Turnout in Marvossa's election was 58%, the electoral office said.",
        "Marvossa votes\n\nThe vote in Marvossa passed off calmly.",
    )
    assert _of(result, "58%")["entity"] == "Marvossa"


def test_a_figure_that_a_named_speaker_calls_its_own_is_that_speaker_s() -> None:
    # "Chile said its own losses stood at 11 soldiers": "its" is the speaker's, so the
    # figure is Chile's, not the article's country's
    result = _on_one_day(
        "Clashes on the border of Peru killed 30 Peruvian soldiers, the army of Peru said. "
        "Chile said its own losses stood at 11 soldiers killed and 40 wounded."
    )
    assert _of(result, "11 soldiers")["entity"] == "Chile"
    assert _of(result, "40")["entity"] == "Chile"
    assert _of(result, "30 Peruvian")["entity"] == "Peru"


def test_worldwide_is_the_scope_of_one_figure_not_the_document_s_place() -> None:
    result = _run(
        {
            "a": (
                "Brisko Foods to close bakery\n\nBrisko Foods said it would close its oldest "
                "bakery and cut 350 jobs. The firm employs about 9,000 people worldwide.",
                MARCH,
            ),
            "b": ("Bakery closure\n\nBrisko Foods will cut 350 jobs, a spokeswoman said.", MARCH),
        }
    )
    assert _of(result, "about 9,000")["entity"] == "world"
    assert _of(result, "350", "a")["entity"] == _of(result, "350", "b")["entity"] != "world"
    assert _of(result, "350", "a")["quantity_id"] == _of(result, "350", "b")["quantity_id"]


def test_a_continent_named_in_passing_is_not_the_document_s_place() -> None:
    result = _on_one_day(
        "Fire in the hills\n\nA forest fire has burned 2,000 hectares, firefighters said. "
        "Four European water bombers joined the effort.",
        "Hill fire grows\n\nThe forest fire has burned 2,000 hectares, the fire service said.",
    )
    burned = [_of(result, "2,000 hectares", doc) for doc in ("a", "b")]
    assert burned[0]["entity"] == burned[1]["entity"] != "Europe"
    assert burned[0]["quantity_id"] == burned[1]["quantity_id"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a town or a man whose name ends in a country's name or its people's
        ("Ferries from Kerro Dane were cancelled.", []),
        ("The striker Michael Jordan scored twice.", []),
        ("Mr Jordan said the port was shut.", []),
        # after an English word, a direction or a function word the place is still named
        ("Fishing on Lake Chad has collapsed.", ["Chad"]),
        ("Shelling in Northern Syria went on.", ["Syria"]),
        ("In Denmark, prices fell.", ["Denmark"]),
        ("Kenya Says Uganda Closed The Border", ["Kenya", "Uganda"]),
        # a place leading another is named too
        ("Talks between Chad Niger and Mali stalled.", ["Chad", "Mali", "Niger"]),
    ],
)
def test_a_place_inside_a_longer_name_is_no_mention_of_it(text: str, places: list[str]) -> None:
    both = {**place_forms(), **demonym_forms()}
    found = place_mentions(pl.DataFrame({"t": [text]}), "t", both).get_column("t")
    assert sorted(found) == places


def test_a_town_named_for_a_people_does_not_set_the_story_s_country() -> None:
    # "Kerro Dane" holds "Dane", a demonym of Denmark; the story is of a country no gazetteer
    # knows, named by its "national" agency
    result = _on_one_day(
        "Ferries halted\n\nKERRO DANE - Storms cut ferries at Kerro Dane for a third day, and "
        "1,200 passengers were stranded, Solvaria's national maritime agency said.",
        "Ferries stay in port\n\nSolvaria's national maritime agency said 1,200 passengers "
        "were stranded on Monday.",
    )
    stranded = [_of(result, "1,200 passengers", doc) for doc in ("a", "b")]
    assert stranded[0]["entity"] == stranded[1]["entity"] == "Solvaria"
    assert stranded[0]["quantity_id"] == stranded[1]["quantity_id"]


def test_worldwide_after_a_figure_is_its_place_over_a_maker_s_nationality() -> None:
    result = _on_one_day(
        "Danish toymaker Brikken said it would recall 2.2 million kites worldwide. "
        "About 90,000 of the kites were sold in Denmark.",
        "Denmark's consumer agency said 95,000 kites sold in Denmark were affected.",
    )
    world, home = _of(result, "2.2 million"), _of(result, "95,000")
    assert world["entity"] == "world"
    # the worldwide count is not set against the home country's
    assert world["quantity_id"] != home["quantity_id"]


_FLOODS = (
    "Floods swept through Mozambique on Tuesday. The government said 40 people had died in "
    "Mozambique."
)
_NO_PLACE = "Rescue workers said on Tuesday that 46 people had died in the floods."


def test_a_figure_of_no_place_takes_the_one_place_its_measure_is_given_for() -> None:
    result = _on_one_day(_FLOODS, _NO_PLACE)
    named, bare = _of(result, "40"), _of(result, "46")
    assert bare["entity"] == "Mozambique" and bare["entity_source"] == ONLY_NAMED
    assert bare["quantity_id"] == named["quantity_id"]
    # the place is a guess: the two figures are possibly the same, never set against each other
    assert _verdict(result, "46") != "diverge"


def test_a_figure_of_no_place_stays_apart_when_its_measure_is_given_for_two() -> None:
    result = _on_one_day(
        _FLOODS,
        "In Malawi, officials said on Tuesday that 12 people had died in Malawi.",
        _NO_PLACE,
    )
    assert _of(result, "46")["entity"] == "unspecified"
    assert len({_of(result, s)["quantity_id"] for s in ("40", "12", "46")}) == 3
