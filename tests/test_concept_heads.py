"""What a figure measures when the noun heading the phrase before it, or the noun it
counts, is marked by a general pattern of English: a possessive before a noun that could be
a verb ("the ferry's cost has"), a participle in -ed after a preposition qualifying the noun
after it ("demand for rented flats"), a figure hyphened to "strong" ("a 300-strong choir"),
a word opening a clause of its own ("where", "whether") before the figure's phrase."""

from __future__ import annotations

import pytest

from extract import extract_claims


def _row(text: str, surface: str) -> dict[str, object]:
    rows = extract_claims(text).filter(surface=surface).to_dicts()
    assert len(rows) == 1, extract_claims(text).select("surface", "concept")
    return rows[0]


_CASES = [
    # a possessive, as an article does, makes the word after it a noun, not a verb
    ("The ferry's cost has doubled to $80 million.", "$80 million", "ferry cost"),
    ("The town's work on the dam rose to 40 hours.", "40 hours", "town work dam"),
    ("The insurer's payout topped $2.5bn.", "topped $2.5bn", "insurer payout"),
    ("Lumora's output reached 12,000 tonnes.", "12,000 tonnes", "Lumora output"),
    # ... and a noun after an article still is one
    ("The payout topped $2.5bn.", "topped $2.5bn", "payout"),
    # ... while a bare word right before the figure is its verb
    ("The council will hire 70 wardens.", "70 wardens", "wardens, council"),
    # a participle in -ed right after a preposition qualifies the noun after it
    ("Demand for rented flats jumped 12%.", "12%", "Demand rented flats"),
    ("Prices of imported tea climbed 9% in May.", "9%", "Prices imported tea"),
    ("Sales of refurbished phones rose 30%.", "30%", "Sales refurbished phones"),
    # ... not a verb that ends the phrase before a figure
    ("Fees are expected to rise 4%.", "4%", "Fees"),
    # an amount or a share after any determiner qualifies the noun after it
    ("The 40% rise in bus fares angered riders.", "40%", "rise in bus fares"),
    ("Its 3% fall in sales worried investors.", "3%", "fall in sales"),
    ("A 7% increase was agreed.", "7%", "increase"),
    # a verb in -s after its subject, before the infinitive that governs the figure
    ("The firm plans to hire 500 engineers.", "500 engineers", "engineers, firm"),
    ("The club hopes to sell 40,000 tickets.", "40,000 tickets", "tickets, club"),
    ("The bank wants to raise $2bn.", "$2bn", "bank"),
    # ... not a plural noun after a possessive
    ("Its plans to build 300 homes were rejected.", "300 homes", "homes, plans"),
    # a figure hyphened to its unit before the noun is an adjective: its unit is no noun
    ("The 1.5-litre engine produces 180 hp.", "180 hp", "engine"),
    ("A 50-acre farm was sold for £1m.", "£1m", "farm"),
    ("The 12-storey tower will hold 200 flats.", "200 flats", "flats, tower"),
    # a word after an adjective is a noun, also after one opening the sentence
    ("Median pay for nurses rose 4%.", "4%", "Median pay nurses"),
    ("Average pay in the sector rose 3%.", "3%", "Average pay sector"),
]


@pytest.mark.parametrize(("text", "surface", "concept"), _CASES)
def test_concept(text: str, surface: str, concept: str) -> None:
    assert _row(text, surface)["concept"] == concept


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("A 300-strong choir sang at the gala.", "300-strong choir", "choir"),
        ("The 4,000-strong garrison held the fort.", "4,000-strong garrison", "garrison"),
        ("The coach picked a 23-strong squad.", "23-strong squad", "squad"),
    ],
)
def test_strong_counts_the_noun_after_it(text: str, surface: str, unit: str) -> None:
    """ "a 300-strong choir" counts the choir's members: the noun after "-strong" is what is
    counted, and "strong" is no part of the concept."""
    row = _row(text, surface)
    assert row["unit"] == unit
    assert row["concept"] is not None and "strong" not in str(row["concept"])


def test_strong_after_a_figure_alone_counts_the_phrase_before() -> None:
    """ "The crew is 40 strong": a head count of the crew, with no unit "strong"."""
    row = _row("The crew is 40 strong.", "40")
    assert row["unit"] is None
    assert row["concept"] == "crew"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("It is vital to see where the $2bn goes.", "$2bn"),
        ("Nobody can tell whether the 40% will hold.", "40%"),
        ("It is unclear if the 300 nurses will stay.", "300 nurses"),
    ],
)
def test_a_subordinate_clause_keeps_the_words_before_it(text: str, surface: str) -> None:
    """ "It is vital to see where the $2bn goes": "where" opens the figure's clause, and the
    words before it (vital, see) are the main clause's, not what the figure measures."""
    concept = str(_row(text, surface)["concept"] or "")
    assert not {"vital", "see", "tell", "unclear", "Nobody"} & set(concept.replace(",", "").split())


def test_a_figure_after_when_reads_its_own_clause() -> None:
    assert _row("Prices fell in May, when inflation hit 4%.", "4%")["concept"] == "inflation"


@pytest.mark.parametrize(
    "text", ["The 5% owned by the state will be sold.", "A 5% sold last year went to a fund."]
)
def test_a_participle_after_an_amount_is_no_noun_it_qualifies(text: str) -> None:
    concept = str(_row(text, "5%")["concept"] or "")
    assert "owned" not in concept and "sold" not in concept


@pytest.mark.parametrize(
    ("text", "surface", "unit", "concept"),
    [
        ("The 12-member panel will meet on Monday.", "12-member", "member", "panel"),
        ("They bought a 3-bedroom house.", "3-bedroom", "bedroom", "house"),
        ("The 5,000-seat arena opened in May.", "5,000-seat", "seat", "arena"),
        ("The 27-nation bloc agreed the deal.", "27-nation", "nation", "bloc"),
        # a noun ending in -ed is no participle, and a name may follow the figure
        ("The town opened a 300-bed hospital on Friday.", "300-bed", "bed", "hospital"),
        ("The party won 71 seats in the 150-seat Senate.", "150-seat", "seat", "Senate"),
    ],
)
def test_a_figure_hyphened_to_a_noun_before_another_counts_the_first(
    text: str, surface: str, unit: str, concept: str
) -> None:
    """ "a 12-member panel": the figure counts the panel's members (the unit) and measures
    the panel (the concept), not a kind of thing called a "member panel"."""
    row = _row(text, surface)
    assert (row["unit"], row["concept"]) == (unit, concept)


def test_a_hedge_hyphened_to_a_figure_is_no_counted_noun() -> None:
    """ "some 4,000-odd deaths": "odd" hedges the figure; the deaths are counted."""
    row = _row("Some 4,000-odd deaths were recorded.", "Some 4,000-odd deaths")
    assert (row["unit"], row["concept"]) == ("death", "deaths")


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("Lumora said its revenue rose 8% to $4.2 billion.", "8%", "Lumora"),
        ("The airline said its passenger numbers fell 12%.", "12%", "airline"),
        ("The council said its budget would be cut by $40m.", "$40m", "council"),
    ],
)
def test_a_possessive_pronoun_after_said_stands_for_the_asserter(
    text: str, surface: str, subject: str
) -> None:
    """ "Lumora said its revenue rose 8%": "its" stands for Lumora, whose revenue it is, as
    "it" does in "Lumora said it has 1,000 staff"."""
    assert _row(text, surface)["subject"] == subject
