"""A number word with no noun after it (issue 12): a figure when a verb of change moves a
measure to it, or a verb of level sets the measure at it, as a hedge already makes one ("more
than thirty"). Cases of our own.

* "the toll rose to seven", "the number of missing had fallen to four": a level reached;
* "the toll stood at six", "deaths reach nine", "unchanged at two": a level held or reached;
* not "one" (a change to one is as often a pronoun's: "cut to one"), and not a word no such
  verb reaches ("two of the five candidates").
"""

from __future__ import annotations

import pytest

from extract import extract_claims


def _read(text: str) -> list[tuple[str, float, str | None]]:
    rows = extract_claims(text, doc_id="t").iter_rows(named=True)
    return [(r["surface"], r["value"], r["change"]) for r in rows]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The death toll rose to seven, the coastguard said.", [("seven", 7.0, "increase")]),
        ("By Friday the toll had climbed to twelve.", [("twelve", 12.0, "increase")]),
        ("The number of people missing has fallen to four.", [("four", 4.0, "decrease")]),
        ("The tally of the injured was revised down to three.", [("three", 3.0, "decrease")]),
        # a verb of level: no change, the level itself
        ("The official count stood at six on Tuesday.", [("six", 6.0, None)]),
        ("Storm deaths reach nine as roads stay shut", [("nine", 9.0, None)]),
        ("The ministry's count of deaths is unchanged at two.", [("two", 2.0, None)]),
    ],
)
def test_a_change_or_level_to_a_number_word_is_a_figure(text: str, want: list[tuple]) -> None:
    assert _read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Seven stood at the gate.",  # the word before the verb, which reaches nothing
        "The council cut the list of sites to one.",  # one: as often a pronoun
        "Two of the five candidates said they would stand again.",  # no verb of change
    ],
)
def test_a_bare_number_word_no_such_verb_reaches_is_no_figure(text: str) -> None:
    assert [s for s, _, _ in _read(text) if s.lower() in ("seven", "one", "two")] == []
