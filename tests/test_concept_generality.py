"""General patterns of how a news sentence names what a figure measures or whom it is about,
each with sentences of our own (issue 12): a unit before a noun it qualifies ("a 2.0 litre
petrol engine"), the subject of a reported clause ("Acme said the scheme faces a
shortfall of $2bn"), a verb in -s before its object that ends a sentence's opening phrase."""

from __future__ import annotations

import pytest

from extract import extract_claims


def _rows(text: str) -> dict[str, dict[str, object]]:
    frame = extract_claims(text)
    return {row["surface"]: row for row in frame.to_dicts()}


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        # a unit before a plain noun qualifies it, as an adjective would
        ("Under the hood sits a 2.0 litre petrol engine.", "2.0 litre", "petrol engine"),
    ],
)
def test_a_unit_before_a_noun_measures_that_noun(text: str, surface: str, concept: str) -> None:
    assert _rows(text)[surface]["concept"] == concept


def test_a_weekday_after_a_unit_is_no_noun_it_qualifies() -> None:
    concept = _rows("The river rose 2 metres Monday.")["2 metres"]["concept"]
    assert concept is None or "Monday" not in concept


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # the sentence opens with its asserter: the reported clause names whom it is about
        ("Brand said the pension scheme faces a shortfall of £2.3bn.", "£2.3bn", "pension scheme"),
        (
            "The ministry said that the reservoir holds 40 million cubic metres of water.",
            "40 million cubic metres",
            "reservoir",
        ),
    ],
)
def test_the_subject_of_a_reported_clause(text: str, surface: str, subject: str) -> None:
    row = _rows(text)[surface]
    assert row["subject"] == subject
    assert row["attribution"] is not None and subject not in str(row["attribution"])


def test_a_reported_clause_subject_already_in_the_concept_is_not_repeated() -> None:
    row = _rows("The trust said hospital admissions could fall by 12 per cent.")["12 per cent"]
    assert row["concept"] == "hospital admissions"
    assert row["subject"] is None


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        # a word in -s before an article or a figure is the verb, not a noun of the phrase
        ("The coastal mine employs 400 people.", "400 people", "people, coastal mine"),
        ("Garo said the harbour board faces a bill of $6m.", "$6m", "bill"),
    ],
)
def test_a_verb_in_s_before_its_object_ends_the_opening_phrase(
    text: str, surface: str, concept: str
) -> None:
    row = _rows(text)[surface]
    assert row["concept"] == concept
    assert "faces" not in str(row["subject"]) and "employs" not in str(row["subject"])


def test_a_share_in_brackets_restates_no_bare_count() -> None:
    rows = _rows("The vote was 52 (48%) in favour.")
    assert rows["48%"]["restates"] is None


@pytest.mark.parametrize(
    ("text", "first", "second", "concept"),
    [
        # a bracket holding only a figure says the one before it again, whatever the
        # dimension each was read with: a unit the table has no name for, a lost sign
        ("The engine makes 400 Nm (295 lb-ft) of torque.", "400 Nm", "295 lb-ft", "torque"),
        (
            "The sale of the port raised 2.4 billion (about $1.6bn) for the city.",
            "2.4 billion",
            "about $1.6bn",
            "sale port",
        ),
    ],
)
def test_a_bracket_holding_a_figure_alone_restates_the_one_before(
    text: str, first: str, second: str, concept: str
) -> None:
    rows = _rows(text)
    assert rows[second]["restates"] == rows[first]["claim_id"]
    assert rows[second]["concept"] == concept


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # a figure of each thing counted, or a bracket that goes on past its figure
        ("The plant has 4 reactors (1,000 MW each).", "1,000 MW"),
        ("The storm sank 3 ships (200 metres long) in the bay.", "200 metres"),
    ],
)
def test_a_bracket_going_on_past_its_figure_restates_nothing(text: str, second: str) -> None:
    assert _rows(text)[second]["restates"] is None


def test_an_age_between_commas_is_not_what_a_later_figure_measures() -> None:
    rows = _rows("Halvorsen, 34, has scored 112 goals in 240 appearances for the club.")
    assert rows["112 goals"]["concept"] == "goals"
    assert rows["240 appearances"]["concept"] == "appearances for club"
    assert rows["112 goals"]["subject"] == "Halvorsen"


@pytest.mark.parametrize(
    ("text", "age", "not_age"),
    [
        ("Halvorsen, 34, has scored 112 goals this season.", "34", None),
        ('"It was calm," said a steward, 58, who did not give his name.', "58", None),
        ("A passenger, 68, said the dining rooms were half empty.", "68", None),
        ("The lorry driver, 47, braked a few metres from the edge.", "47", None),
        # numbers in a list, or a count after a comma, are no one's age
        ("Prices rose in sections 3, 4, 5 and 6.", None, "4"),
        ("In the end, 45 people were rescued.", None, "45 people"),
    ],
)
def test_an_age_set_between_commas_after_someone(
    text: str, age: str | None, not_age: str | None
) -> None:
    rows = _rows(text)
    if age is not None:
        assert rows[age]["dimension"] == "age"
    if not_age is not None:
        assert rows[not_age]["dimension"] != "age"


def test_an_adverb_between_a_verb_and_its_figure_leaves_the_verb_a_verb() -> None:
    row = _rows("The Kestrel X2 drone weighs just 249 grams.")["249 grams"]
    assert row["concept"] == "Kestrel X2 drone"


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        # a relative clause between commas is an aside: the phrase before it is measured
        (
            "The value of the deal, which closed on Friday, is $3.4 billion.",
            "$3.4 billion",
            "value deal",
        ),
        ("The bill for the repairs, which ran late, came to £9m.", "£9m", "bill repairs"),
    ],
)
def test_a_relative_clause_between_commas_is_an_aside(
    text: str, surface: str, concept: str
) -> None:
    assert _rows(text)[surface]["concept"] == concept


def test_a_word_only_ever_a_verb_ends_the_noun_a_figure_qualifies() -> None:
    row = _rows("A 3.5-magnitude earthquake shook the valley early on Monday.")["3.5-magnitude"]
    assert row["concept"] == "earthquake"


def test_a_word_before_a_determiner_is_a_verb_not_part_of_the_opening_phrase() -> None:
    row = _rows("The ferry operator cut its full-year forecast to 410 million euros.")
    assert row["410 million euros"]["subject"] == "ferry operator"


def test_a_word_only_ever_a_verb_ends_the_opening_phrase() -> None:
    row = _rows("The pension trust manages $12 billion in savings.")["$12 billion"]
    assert row["subject"] == "pension trust"
    assert row["concept"] == "savings"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # an article and a noun before a comma are the sentence's head, an appositive after
        ("The ship, a bulk carrier, was carrying 40,000 tonnes of grain.", "40,000 tonnes", "ship"),
        # ... while a time before the comma is a lead-in, passed over
        ("The next day, the ferry carried 900 passengers.", "900 passengers", None),
    ],
)
def test_a_head_before_its_appositive(text: str, surface: str, subject: str | None) -> None:
    row = _rows(text)[surface]
    assert row["subject"] == subject
    if subject is None:
        assert "ferry" in str(row["concept"])


def test_the_rate_of_the_figure_before_is_not_what_the_next_one_measures() -> None:
    rows = _rows("Analysts expect earnings of $2.15 a share on revenue of $8.9 billion.")
    assert rows["$2.15 a share"]["concept"] == "earnings"
    assert rows["$8.9 billion"]["concept"] == "revenue"


def test_a_weekday_with_an_s_is_no_name() -> None:
    # a weekday's possessive written without its apostrophe, as some feeds print it
    row = _rows("Ortiz missed Sundays game after running 12 kilometres in training.")
    assert row["12 kilometres"]["subject"] != "Sundays"


@pytest.mark.parametrize(
    ("text", "surface", "concept"),
    [
        # a bare count before "of" and an article or a possessive counts what follows them
        ("Hollins Motors recalled 31,000 of its Strada hatchbacks.", "31,000", "Strada hatchbacks"),
        ("Police said 14 of the injured were in a serious condition.", "14", "injured"),
        # ... while "of these" looks back to the sentence before
        ("Some 410 hikers set out. Of these, 130 were children.", "130", "hikers"),
    ],
)
def test_a_count_of_the_things_named_after_it(text: str, surface: str, concept: str) -> None:
    assert _rows(text)[surface]["concept"] == concept


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a figure ending a lead-in is of the head of the clause after the comma
        ("At $1,199, the Orbis laptop is the cheapest in the range.", "$1,199", "Orbis laptop"),
        ("With a top speed of 350 km/h, the train is the fastest.", "350 km/h", "train"),
    ],
)
def test_a_figure_in_a_lead_in_is_of_the_head_after_it(
    text: str, surface: str, subject: str
) -> None:
    assert _rows(text)[surface]["subject"] == subject
