"""Page furniture against article text: lines we wrote."""

from __future__ import annotations

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
