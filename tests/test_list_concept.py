"""A figure in a list ("Peru (210,800), Spain (185,800)") takes the measure its lead-in names."""

from __future__ import annotations

import pytest

from extract import extract_claims


def _concepts(text: str) -> dict[str, str | None]:
    rows = extract_claims(text)
    return dict(zip(rows["surface"].to_list(), rows["concept"].to_list(), strict=True))


@pytest.mark.parametrize(
    ("text", "surface", "word"),
    [
        (
            "Further states with more than 100,000 asylum seekers from Chile this spring "
            "were Peru (210,800), Spain (185,800) and the Netherlands (167,500).",
            "167,500",
            "seekers",
        ),
        (
            "The regions with the largest number of voters registered by post are Kent "
            "(1.5 million) and Essex (just over 1 million).",
            "just over 1 million",
            "voters",
        ),
        (
            "Many students also obtained grants in the United States (47,500), Canada (16,650).",
            "16,650",
            "grants",
        ),
        (
            "The most visitors last summer came from Germany: 12,400, France: 9,800 and "
            "Italy: 7,100.",
            "7,100",
            "visitors",
        ),
        (
            "The share of homes with solar panels is highest in Devon – 14%, Cornwall – 12% "
            "and Kent – 9%.",
            "9%",
            "homes",
        ),
        (
            # "as of March" names a time, not the measure: the noun after the figure does
            "Other towns with more than 2,000 empty shops as of March this year were Leeds "
            "(2,900), Hull (2,450) and Derby (2,050).",
            "2,450",
            "shops",
        ),
        (
            # a long lead-in: the list and its measure lie beyond the reader's usual window
            "Across the whole region the council found the most empty shops when it walked "
            "down every high street over a long wet summer, in "
            "Leeds (2,900), Hull (2,450), Derby (2,050), York (1,990), Bath (1,870), "
            "Ely (1,500) and Wells (1,200).",
            "1,200",
            "shops",
        ),
    ],
)
def test_list_item_takes_the_lead_in_measure(text: str, surface: str, word: str) -> None:
    concept = _concepts(text)[surface]
    assert concept is not None and word in concept


def test_a_bracketed_restatement_is_no_list_item() -> None:
    # "(8 kilometers)" restates a figure: no name before the bracket, no list
    concepts = _concepts("Crews laid 5 miles (8 kilometers) of new pipes.")
    assert all(c is None or "Crews" not in c for c in concepts.values())


def test_a_bracket_without_a_list_keeps_its_own_concept() -> None:
    concepts = _concepts("The town lost 40 homes in the storm.")
    assert concepts["40 homes"] is not None and "homes" in concepts["40 homes"]


@pytest.mark.parametrize(
    ("text", "surface", "words"),
    [
        (
            "By Monday there were 420 schools shut in the county, with 35 of them damaged.",
            "35",
            ("schools", "damaged"),
        ),
        ("The firm sold 500 cars, with 40 of them electric.", "40", ("cars", "electric")),
        (
            "Crews found 90 wells in the valley, including 12 judged unsafe.",
            "12 judged unsafe",
            ("wells",),
        ),
    ],
)
def test_a_part_takes_the_set_counted_before(text: str, surface: str, words: tuple[str]) -> None:
    concept = _concepts(text)[surface]
    assert concept is not None and all(w in concept for w in words)


def test_with_before_a_counted_noun_is_no_part() -> None:
    concept = _concepts("The firm sold 500 cars and built a house with 3 bedrooms.")["3 bedrooms"]
    assert concept is not None and "cars" not in concept


def test_a_list_following_on_takes_the_measure_of_the_sentence_before() -> None:
    concepts = _concepts(
        "The city took in the most students, some 4,000 people. It is followed by Leeds "
        "(2,900), Hull (2,450) and Derby (2,050)."
    )
    assert concepts["2,900"] == concepts["2,050"] == "students"


def test_list_lines_under_a_heading_take_the_heading_measure() -> None:
    concepts = _concepts("Empty shops by town:\nLeeds: 2,900\nHull: 2,450\nYork: 1,100\n")
    assert all("shops" in str(concepts[n]) for n in ("2,900", "2,450", "1,100"))


def test_a_first_sentence_list_with_no_lead_in_has_no_borrowed_measure() -> None:
    assert _concepts("Leeds (2,900), Hull (2,450).")["2,900"] is None


def test_the_sentence_before_names_its_measure_after_a_figure() -> None:
    concepts = _concepts(
        "Towns with more than 2,000 empty shops were Leeds (2,900) and Hull (2,450).\n\n"
        "Between 1,000 and 2,000 were in York – 1,500, Bath – 1,200."
    )
    assert "shops" in str(concepts["1,500"]) and "shops" in str(concepts["1,200"])


@pytest.mark.parametrize(
    ("text", "surface", "word"),
    [
        (
            "There were 17 million crossings into the country since May, and 9.2 million in "
            "the other direction.",
            "9.2 million",
            "crossings",
        ),
        ("Officials counted 6 new cases in Leeds, as well as 4 in Hull.", "4", "cases"),
    ],
)
def test_a_bare_figure_joined_to_a_counted_one_shares_its_noun(
    text: str, surface: str, word: str
) -> None:
    assert word in str(_concepts(text)[surface])


def test_a_unit_restated_in_brackets_is_no_list_item() -> None:
    concepts = _concepts("The motor gives 210 kW (280 PS) and 400 Nm (295 lb-ft) of torque.")
    assert "PS" not in str(concepts["295 lb-ft"])


def test_an_amount_joined_to_a_count_keeps_its_own_unit() -> None:
    concepts = _concepts(
        "Flats below $1 million sell within 40 days; $1 million to $2 million, 65 days; "
        "and $2 million to $3 million, 90 days."
    )
    assert "days" not in str(concepts["$2 million to $3 million"])
