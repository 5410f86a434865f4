"""What a figure measures when the words before it are a noun phrase of several nouns, a
clause or a pronoun: each test is a table of sentences written for it, one pattern of
English a table."""

from __future__ import annotations

import pytest

from extract import extract_claims
from extract.lexicon import lexicon


def _concept(text: str, surface: str) -> str | None:
    rows = extract_claims(text)
    found = dict(zip(rows["surface"].to_list(), rows["concept"].to_list(), strict=True))
    assert surface in found, (surface, found)
    return found[surface]


# A word that is also a verb ("trade", "work", "cost", "top") is a noun right before another
# noun, unless a pronoun or an auxiliary before it makes it their verb.
_VERB_NOUN_CASES = [
    ("The trade deficit widened to $52 billion.", "$52 billion", "trade deficit"),
    ("Its trade surplus reached $9 billion.", "$9 billion", "trade surplus"),
    ("Fiji’s trade gap was $5 million.", "$5 million", "Fiji trade gap"),
    ("Last year the work visa quota was 3,000.", "3,000", "work visa quota"),
    ("The cost estimate for the dam rose to $80 million.", "$80 million", "cost estimate dam"),
    ("The top rate of tax is 45%.", "45%", "top rate tax"),
    # after a pronoun the word is its verb
    ("They trade bonds worth $2 billion.", "$2 billion", "bonds"),
]


@pytest.mark.parametrize(("text", "surface", "concept"), _VERB_NOUN_CASES)
def test_a_verb_that_is_also_a_noun_qualifies_the_noun_after_it(
    text: str, surface: str, concept: str
) -> None:
    assert _concept(text, surface) == concept


def test_the_nouns_that_are_also_verbs_are_listed_in_the_data() -> None:
    assert {"trade", "work", "cost", "top"} <= lexicon().verb_nouns


# Digits after a word with a capital in it belong to the name ("Pixel 8", "iPhone 15", "the
# Fortune 500"), not to another figure; digits glued to a unit ("610hp") are a figure, and
# after a plural ("Britons 18 or older") they are an age.
_NAME_NUMBER_CASES = [
    (
        "The Pixel 8 Pro has a bigger battery than the iPhone 15 Pro Max with 4,422 mAh.",
        "4,422 mAh",
        "iPhone 15 Pro Max",
    ),
    (
        "The firm counts more than 70% of the Fortune 500 as clients.",
        "more than 70%",
        "Fortune 500",
    ),
    ("About 12% of Britons 18 or older smoke.", "About 12%", "Britons"),
    ("We heard the roar of the Rover's 610hp 4.0 litre V8.", "4.0 litre", "roar Rover"),
]


@pytest.mark.parametrize(("text", "surface", "concept"), _NAME_NUMBER_CASES)
def test_digits_after_a_capitalised_word_are_part_of_the_name(
    text: str, surface: str, concept: str
) -> None:
    assert _concept(text, surface) == concept


# A past participle right after a noun, with its complement after it ("issued to nurses",
# "tuned by its maker"), says which of the noun's things the figure is about: the phrase
# runs back over the participle to the noun, not only to the complement's words.
_PARTICIPLE_CASES = [
    ("Work permits issued to nurses rose to 4,100.", "4,100", "Work permits issued nurses"),
    ("It has an engine tuned by its maker to give 300 hp.", "300 hp", "engine tuned maker"),
    ("The energy stored in the battery was 60 kWh.", "60 kWh", "energy stored battery"),
    (
        "Loans granted to the farmers totalled $3 million.",
        "$3 million",
        "Loans granted farmers",
    ),
    # an irregular participle, by lemminflect's lexicon
    ("The rate paid by savers rose to 4%.", "4%", "rate paid savers"),
    ("Homes built by the council numbered 1,200.", "1,200", "Homes built council"),
]


@pytest.mark.parametrize(("text", "surface", "concept"), _PARTICIPLE_CASES)
def test_a_participle_after_a_noun_belongs_to_the_noun_s_phrase(
    text: str, surface: str, concept: str
) -> None:
    assert _concept(text, surface) == concept


# "it" or "they" as the subject of the figure's verb stands for the thing the figure before
# it measures (in its sentence or the one before): the words before the pronoun are another
# clause's. Not after a preposition ("the heat beneath it"), and not the empty "it" of
# "it costs" or of a sentence with no figure before.
_PRONOUN_CASES = [
    ("The kettle costs $90, and it can boil 1.7 litres.", "1.7 litres", "kettle"),
    (
        "It is basically a $600 espresso machine, which is pricey until you see it can brew "
        "40 litres an hour.",
        "40 litres",
        "espresso machine",
    ),
    ("The new van costs $40,000. It can carry 900 kg.", "900 kg", "new van"),
    ("The heat beneath it rose to 90 degrees.", "90 degrees", "heat beneath"),
    ("It was 35 degrees in the shade.", "35 degrees", None),
]


@pytest.mark.parametrize(("text", "surface", "concept"), _PRONOUN_CASES)
def test_a_subject_pronoun_stands_for_what_the_figure_before_measures(
    text: str, surface: str, concept: str | None
) -> None:
    assert _concept(text, surface) == concept


def test_the_pronoun_s_figure_takes_the_subject_of_its_antecedent() -> None:
    rows = extract_claims("Acme's new van costs $40,000. It can carry 900 kg.").to_dicts()
    assert [r["subject"] for r in rows] == ["Acme", "Acme"]


# A bare figure whose concept opens with a noun naming an age ("retirement age", "life
# expectancy") is a number of years; not when that noun labels a figure of its own.
_AGE_CASES = [
    ("The retirement age will rise to 67.", "67", ("year", "age")),
    ("Average life expectancy for women in the region is around 81.", "around 81", ("year", "age")),
    ("The average age of the fleet is 14.5.", "14.5", ("year", "age")),
    ("Ages ranged from 18 to 30.", "18 to 30", ("year", "age")),
    ("The number of children under age 5 fell to 40.", "40", (None, "count")),
    # the oldest or youngest of a group, given bare, is an age
    ("Of the rescued crew, the oldest is 64.", "64", ("year", "age")),
    ("The youngest patient was 3, the hospital said.", "3", ("year", "age")),
]


@pytest.mark.parametrize(("text", "surface", "unit"), _AGE_CASES)
def test_a_figure_of_an_age_noun_is_in_years(
    text: str, surface: str, unit: tuple[str | None, str]
) -> None:
    rows = {r["surface"]: (r["unit"], r["dimension"]) for r in extract_claims(text).to_dicts()}
    assert rows.get(surface) == unit, rows


# The one rule both readers (leftwards from a figure, and the phrase after it) use for a
# name's number: (words, index of the digits, after_plural, expected)
_NAME_NUMBER_CASES = [
    ("the Galaxy 24 launch", 2, True, True),
    ("an eBay 10 sale", 2, True, True),
    ("on May 5 the", 2, True, False),  # a date
    ("on Friday 12 people", 2, True, False),
    ("the Rover 610hp engine", 2, True, False),  # glued to a unit: a measure
    ("adults 18 and over", 1, True, False),  # no capital
    ("Voters 18 or older", 1, False, False),  # after a plural: an age
    ("Acmes 2030 sales", 1, True, True),  # a name that lost its apostrophe, leftwards
    ("With 300 staff on site", 1, True, False),  # a function word opening a sentence
    ("Over 40 stalls opened", 1, True, False),
    ("Since 2015 the fund", 1, True, False),
    ("the WHO 2030 goals", 2, True, True),  # a function word's spelling, in capitals: a name
]


@pytest.mark.parametrize(("words", "k", "after_plural", "expected"), _NAME_NUMBER_CASES)
def test_a_names_number(words: str, k: int, after_plural: bool, expected: bool) -> None:
    from extract.context import _tokenize, name_number

    toks = _tokenize(words, 0, len(words))
    assert toks[k].text.isdigit() or not expected
    assert name_number(toks, k, lexicon(), after_plural=after_plural) is expected


# A word that is also a verb (trade, work, cost, top) right after a name and before another
# word is a noun of the subject phrase the name opens, not the verb that ends it; as the
# second word after the name it stays the verb: (text, surface, subject)
_VERB_NOUN_SUBJECT_CASES = [
    ("Last year the US trade deficit hit $40bn.", "$40bn", "US trade deficit"),
    ("By March the Brazil trade surplus reached $6bn.", "$6bn", "Brazil trade surplus"),
    ("In May the Norway cost index was 112.", "112", "Norway cost index"),
    ("Veldt top scorers have 30 goals.", "30 goals", "Veldt top scorers"),
    ("The Acme work crews have 40 trucks.", "40 trucks", "Acme work crews"),
    ("Acme staff work 40 hours a week.", "40 hours", "Acme staff"),
    ("Acme shares trade at $5.", "$5", "Acme shares"),
]


@pytest.mark.parametrize(("text", "surface", "subject"), _VERB_NOUN_SUBJECT_CASES)
def test_a_verb_noun_after_a_name_is_part_of_the_subject(
    text: str, surface: str, subject: str
) -> None:
    rows = {r["surface"]: r["subject"] for r in extract_claims(text).to_dicts()}
    assert rows[surface] == subject, rows
