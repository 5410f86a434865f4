"""Page furniture against article text: lines we wrote."""

from __future__ import annotations

import pytest

from extract import extract_claims
from extract.segment import sentences


def _flags(text: str) -> dict[str, bool]:
    return {text[s.start : s.end]: s.boilerplate for s in sentences(text)}


def test_read_also_lines_are_furniture() -> None:
    text = (
        "The dam held after 300 mm of rain fell in two days.\n"
        "READ ALSO: Repairs to the old bridge will cost 40 million\n"
        "Also read: Ten towns lose power in the storm\n"
        "Engineers said 12 pumps were running."
    )
    flags = _flags(text)
    assert flags["READ ALSO: Repairs to the old bridge will cost 40 million"]
    assert flags["Also read: Ten towns lose power in the storm"]
    assert not flags["Engineers said 12 pumps were running."]


def test_a_headline_among_adverts_is_not_furniture() -> None:
    text = (
        "ADVERTISEMENT\nADVERTISEMENT\n\n"
        "Harbour traffic up 20% as new quay opens\n\n"
        "The port says ships now wait half as long as they did last year\n"
        "Updated 3 March 2024, 09:15\n\n"
        "The new quay opened on Monday with room for 14 ships."
    )
    flags = _flags(text)
    assert flags["ADVERTISEMENT"]
    assert not flags["Harbour traffic up 20% as new quay opens"]


def test_a_list_of_other_stories_is_still_furniture() -> None:
    text = (
        "Harbour traffic up 20% as new quay opens\n"
        "The new quay opened on Monday with room for 14 ships.\n"
        "Ferry fares to rise by 5% in spring\n"
        "Lighthouse keeper retires after 40 years\n"
        "Fish prices fall for a third month\n"
    )
    flags = _flags(text)
    assert not flags["Harbour traffic up 20% as new quay opens"]
    assert (
        flags["Ferry fares to rise by 5% in spring"] and flags["Fish prices fall for a third month"]
    )


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("date 2031-05-02 The ferry board said 300 sailings were cut.", "date 2031-05-02"),
        ("Published: 2031-05 Fares rose 4%, the operator said.", "Published: 2031-05"),
        ("  Updated 2031-11-30 Two piers reopened on Monday.", "Updated 2031-11-30"),
    ],
)
def test_a_dateline_is_not_part_of_the_first_sentence(text: str, dateline: str) -> None:
    first, second = sentences(text)[:2]
    assert text[first.start : first.end] == dateline
    assert text[second.start : second.end] == text.strip()[len(dateline) :].strip()


def test_a_date_inside_a_sentence_stays_in_it() -> None:
    text = "The vote set for 2031-05-02 was moved, the board said."
    assert [text[s.start : s.end] for s in sentences(text)] == [text]


def test_the_asserter_after_a_dateline_is_read() -> None:
    claims = extract_claims("date 2031-05-02 The Ferry Board says 300 sailings were cut.")
    assert claims["attribution"].to_list() == ["Ferry Board"]
