"""A negative word spaced before a figure ("minus 12") makes it negative; the word must be
whole and right before the figure (one space, in any case)."""

from __future__ import annotations

import pytest

from extract import extract_claims

_CASES = [
    ("Overnight the low reached minus 12 degrees in the valley.", -12.0),
    ("The yield stood at Negative 0.4 percent on Friday.", -0.4),
    ("MINUS 40 degrees was recorded at the pass.", -40.0),
    ("The account showed a minus 300 dollars balance.", -300.0),
    ("The reading was nominus 5 units.", 5.0),  # not a whole word
    ("Growth was minus  2 percent.", 2.0),  # two spaces: not right before it
    ("The dial read minusculely 7 units.", 7.0),
    ("Its margin was minus\n5 percent.", 5.0),  # a line break ends the sentence
]


@pytest.mark.parametrize(("text", "value"), _CASES)
def test_a_negative_word_before_a_figure(text: str, value: float) -> None:
    assert extract_claims(text)["value"].to_list()[0] == value
