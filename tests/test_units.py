"""The shipped unit table matches what quantulum3's database and units.yaml give today."""

from __future__ import annotations

from extract.units import _BUILT, build_unit_table, table_as_json, unit_table


def test_shipped_unit_table_is_up_to_date() -> None:
    fresh = table_as_json(build_unit_table())
    assert _BUILT.read_text(encoding="utf-8") == fresh, "run: python -m extract.units"


def test_common_units_resolve() -> None:
    table = unit_table()
    assert table.words["kilometres"].symbol == "km"
    assert table.words["miles per hour"].symbol == "mph"
    assert table.symbols["kg"].dimension == "mass"
    assert "in" not in table.symbols and "in" not in table.words


def test_tonne_multiples_are_masses_and_the_ton_of_yield_is_energy() -> None:
    table = unit_table()
    assert table.symbols["Mt"] == table.words["megatonnes"]
    assert table.symbols["Mt"].dimension == "mass"
    assert table.symbols["Gt"].dimension == "mass"
    assert table.words["kilotonnes"].dimension == "mass"
    assert table.words["megaton"].dimension == "energy"


def test_abbreviated_square_units_are_areas() -> None:
    table = unit_table()
    assert table.words["sq km"].symbol == "km2"
    assert table.words["sq miles"].dimension == "area"
