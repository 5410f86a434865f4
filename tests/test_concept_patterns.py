"""What a figure measures, read from the words around it, one general pattern a test: a count
heading the figure's verb ("the number of X ... reached 9,000"), a hyphened figure in an
adjective ("10-year"), "Of these, 130 ...", a comparative after a share ("5% smaller")."""

from __future__ import annotations

import pytest

from extract import extract_claims


def _concepts(text: str) -> dict[str, str | None]:
    rows = extract_claims(text)
    return dict(zip(rows["surface"].to_list(), rows["concept"].to_list(), strict=True))


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        (
            "The bureau said the number of hikers from Morvania logged along the ridge "
            "has reached 61,204 as of May 3.",
            "61,204",
            "number hikers",
        ),
        (
            "The total number of Morvanian students in the province since the reform, "
            "including those who have left, amounted to 18,330.",
            "18,330",
            "number Morvanian students",
        ),
        (
            "Last spring the number of tenants who sought help (or asked about it) in "
            "coastal towns approached 2 million.",
            "2 million",
            "number tenants",
        ),
        (
            "The official count of bee hives on the register of the Office of Farming and "
            "Fisheries was 7.9 lakh.",
            "7.9 lakh",
            "count bee hives",
        ),
    ],
)
def test_count_heading_the_verb_names_the_concept(text: str, surface: str, concept: str) -> None:
    assert _concepts(text)[surface] == concept


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        # a clause of its own stands between: the count is the other figure's
        ("The number of ferries was 40 while cars on the quay reached 300.", "300", "cars quay"),
        # the phrase before already names the count
        ("The agency puts the number of stray dogs at 5,000.", "5,000", "number stray dogs"),
    ],
)
def test_count_not_taken_across_a_clause(text: str, surface: str, concept: str) -> None:
    assert _concepts(text)[surface] == concept


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        ("Some 410 storms hit, far above the 12-year average of 260.", "260", "average"),
        ("The 3-month deposit rate rose 2%.", "2%", "3-month deposit rate"),
    ],
)
def test_a_hyphened_figure_is_part_of_an_adjective(text: str, surface: str, concept: str) -> None:
    assert _concepts(text)[surface] == concept


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        (
            "The valley saw over 2.6 million frost nights in 1990. Of these, 1.1 million were in May.",
            "1.1 million",
            "frost nights",
        ),
        ("Some 410 hikers set out on Friday. Of them, 130 were children.", "130", "hikers"),
        # no noun after the figures before: nothing is taken
        ("Sales reached 410 in May. Of these, 130 were abroad.", "130", None),
    ],
)
def test_of_these_takes_the_noun_the_sentence_before_counts(
    text: str, surface: str, concept: str | None
) -> None:
    assert _concepts(text)[surface] == concept


def test_a_comparative_after_a_share_is_no_noun_it_modifies() -> None:
    # "5% smaller": what is smaller is the phrase before, not a thing called "smaller"
    got = _concepts("The Valdoran fleet is now 7% smaller than it was.")
    assert got["7%"] == "Valdoran fleet"
