"""List numbers inside a line are not figures: sentences we wrote."""

from __future__ import annotations

from extract import extract_claims


def _surfaces(text: str) -> list[str]:
    return extract_claims(text)["surface"].to_list()


def test_numbers_heading_list_items_inside_a_line_are_left_out() -> None:
    got = _surfaces("Three findings stand out. 1. Exports fell by 4%. 2. Imports rose by 2%.")
    assert "1" not in got and "2" not in got and "4%" in got and "2%" in got


def test_a_figure_ending_a_sentence_or_opening_one_is_kept() -> None:
    got = _surfaces("He counted 12. Then 14 more boats arrived.")
    assert got[0] == "12" and any(s.startswith("14") for s in got)
    assert any(s.startswith("2") for s in _surfaces("Sales rose 5%. 2 of the shops closed."))
