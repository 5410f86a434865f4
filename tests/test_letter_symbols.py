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


#: "K" after a figure is thousands in news ("a $50K salary", "a 10K run"); beside the same
#: temperature on another scale, parted by a bracket, a slash or "or" (a comma inside
#: brackets), it is kelvin.
_KELVIN = [
    ("Liquid nitrogen is kept below 77K (-196 °C) in the tank.", "77K", 77),
    ("The probe cooled to 4 K, or about -269 °C, overnight.", "4 K", 4),
    ("Its coldest reading, -220 °C (53 K), came at dawn.", "53 K", 53),
    ("The furnace runs at 900 °C (1,652 °F, 1173.15K) all day.", "1173.15K", 1173.15),
]


@pytest.mark.parametrize(("text", "surface", "value"), _KELVIN)
def test_k_beside_a_temperature_is_kelvin(text: str, surface: str, value: float) -> None:
    found = {r["surface"]: r for r in extract_claims(text).to_dicts()}
    row = next((r for s, r in found.items() if s.endswith(surface)), None)
    assert row is not None, found
    assert (row["value"], row["unit"], row["dimension"]) == (value, "K", "temperature")


_THOUSANDS = [
    ("She ran a 10K race at 30C last June.", "10K", 10_000),
    ("Highs of 30C, 45K fans and more came.", "45K", 45_000),  # a comma outside brackets
    ("At 25 °C the stall sold 20K cups.", "20K", 20_000),
]


@pytest.mark.parametrize(("text", "surface", "value"), _THOUSANDS)
def test_k_apart_from_a_temperature_is_thousands(text: str, surface: str, value: float) -> None:
    found = {r["surface"].split()[0]: r for r in extract_claims(text).to_dicts()}
    assert found[surface]["value"] == value, found
    assert found[surface]["unit"] != "K"
