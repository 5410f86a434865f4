"""A closing tag of common nouns names the asserter (issue 12): "..., engineers estimate.",
"..., the ministry forecasts.", "..., economists at the bank estimate.". The subject agrees
with the verb (a plural before "estimate", a determiner or a name before "estimates"); a
preposition or a noun after "the" is no subject ("..., above estimates.", "..., beating the
forecasts.")."""

from __future__ import annotations

import pytest

from extract import extract_claims


def _asserters(text: str) -> list[str | None]:
    return extract_claims(text, doc_id="t")["attribution"].to_list()


@pytest.mark.parametrize(
    ("text", "asserter"),
    [
        ("The bridge will cost 40 million euros, engineers estimate.", "engineers"),
        ("The park drew 2 million visitors, the owners claim.", "owners"),
        ("Farm output will shrink by 6%, the ministry forecasts.", "ministry"),
        ("About 300 people were hurt, police believe.", "police"),
        (
            "The tax would raise 4 billion euros a year, economists at Brightwater estimate.",
            "economists at Brightwater",
        ),
    ],
)
def test_a_closing_tag_names_the_asserter(text: str, asserter: str) -> None:
    assert _asserters(text) == [asserter]


@pytest.mark.parametrize(
    "text",
    [
        "Sales hit 4 billion euros, above estimates.",
        "Sales were 40 million euros, beyond forecasts.",
        "Sales were 40 million euros, ahead of forecasts.",
        "Profit rose to 3 billion euros, beating the forecasts.",
        "Sales were 40 million euros, in line with forecasts.",
    ],
)
def test_a_comparison_with_forecasts_names_no_one(text: str) -> None:
    assert _asserters(text) == [None]


def test_a_work_in_a_closing_tag_is_left_to_its_authors() -> None:
    assert _asserters("Exports could fall by 9%, a new survey shows.") == [None]


def test_a_tag_covers_only_the_figures_before_another_asserter() -> None:
    text = (
        "The march drew at least 9,000 people, unions said, while police put the figure at 4,000."
    )
    assert _asserters(text) == ["unions", "police"]


def test_a_tag_after_every_figure_covers_them_all() -> None:
    text = "Rovia estimates that 40 ships and 12 planes took part, the official said."
    assert _asserters(text) == ["official", "official"]
