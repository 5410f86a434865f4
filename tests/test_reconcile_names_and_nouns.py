"""Words that look like a measure's but name none, and a counted noun a later figure goes on
from.

Rules found by invented stories of our own (``tests/data/own_topics``), each tested on
made-up sentences: a run of capitalised words is a name, not a measure ("Minister Helga
Strand" strands nobody, "the Red Cross" crosses nothing); "share" names a share price only
as a noun ("flats shared by two families"); an area burned is an area ("treated for burns"
counts people); a figure that points back ("the true number was ...") takes the counted noun
of the figure before it, known measure or not.
"""

from __future__ import annotations

import pytest
from reconcile_sentences import _of, _on_one_day

# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "not_key"),
    [
        (
            "Talks stall\n\nThe union wants 9%, while Labour Minister Helga Strand has "
            "offered 6% and said no more was possible.",
            "9%",
            "stranded",
        ),
        (
            "Appeal for families\n\nThe Red Cross said it had raised €20,000 for the families "
            "of those who died.",
            "€20,000",
            "border crossing",
        ),
        # a name in the figure's phrase after its first word ("collapse Harrow Savings")
        (
            "The collapse of Harrow Savings cost taxpayers €3 billion in Peru last year.",
            "€3 billion",
            "deposit",
        ),
    ],
)
def test_a_name_is_no_measure(text: str, surface: str, not_key: str) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] != not_key


def test_a_measure_word_in_lower_case_still_names_its_measure() -> None:
    text = "Border reopens\n\nSome 3,000 people crossed the border on Friday, the police said."
    assert _of(_on_one_day(text), "Some 3,000")["concept_key"] == "border crossing"


# --- nouns only ----------------------------------------------------------------------------


def test_shared_names_no_share_price() -> None:
    text = (
        "Block fire\n\nThe tenants' group said about 900 people lived in the block, because "
        "many flats were shared by two families."
    )
    assert _of(_on_one_day(text), "about 900")["concept_key"] != "share price"


def test_shares_falling_is_a_share_price() -> None:
    text = "Lender slumps\n\nShares in Ostley Bank fell 12% on Monday, traders said."
    assert _of(_on_one_day(text), "12%")["concept_key"] == "share price"


def test_burns_of_people_are_no_area_burned() -> None:
    text = (
        "Warehouse blaze\n\nForty people were being treated for burns and cuts, the county "
        "said on Tuesday."
    )
    assert _of(_on_one_day(text), "Forty")["concept_key"] != "area burned"


def test_an_area_that_burned_is_an_area_burned() -> None:
    text = "Hill fires\n\nThe fires have burned 12,000 hectares since Sunday, officials said."
    assert _of(_on_one_day(text), "12,000 hectares")["concept_key"] == "area burned"


# --- a counted noun goes on ----------------------------------------------------------------


def test_the_true_number_is_of_the_noun_before_it() -> None:
    # the register's residents are no known measure; the group's "true number" still
    # counts them (not its neighbours, nor "number"), and the two figures are one quantity
    # two sources give
    text = (
        "Tower fire\n\nThe tenants' group said at least 30 of its neighbours had not been "
        "found. The council's register lists 410 residents. The tenants' group said the true "
        "number was about 600."
    )
    result = _on_one_day(text)
    register, group = _of(result, "410 residents"), _of(result, "about 600")
    assert group["concept_key"] == register["concept_key"] == "resident"
    assert group["quantity_id"] == register["quantity_id"]
