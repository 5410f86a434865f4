"""A unit written as one capital letter apart from the digits ("a 65 W charger"): the unit
when a noun it qualifies follows, otherwise no unit (a grade, a compass point, an initial).
Sentences written for this test."""

from __future__ import annotations

import pytest

from extract import extract_claims

_CASES = [
    ("The kit has a 65 W charger.", "65 W", "W", "power"),
    ("The phone ships with a 25 W USB-C brick.", "25 W", "W", "power"),
    ("A 12 V battery powers the pump.", "12 V", "volt", "other"),
    ("The hatchback has a 2 L engine.", "2 L", "L", "volume"),
]


@pytest.mark.parametrize(("text", "surface", "unit", "dimension"), _CASES)
def test_a_capital_symbol_before_the_noun_it_qualifies_is_the_unit(
    text: str, surface: str, unit: str, dimension: str
) -> None:
    rows = extract_claims(text).to_dicts()
    found = {r["surface"]: (r["unit"], r["dimension"]) for r in rows}
    assert found.get(surface) == (unit, dimension), found


_NOT_UNITS = [
    ("The beacon stands at 47 N 122 W in the hills.", "W"),
    ("She passed 5 A levels last summer.", "A"),
]


@pytest.mark.parametrize(("text", "letter"), _NOT_UNITS)
def test_a_capital_letter_with_no_noun_after_it_is_no_unit(text: str, letter: str) -> None:
    units = {r["unit"] for r in extract_claims(text).to_dicts()}
    assert letter not in units and "watt" not in units
