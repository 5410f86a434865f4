"""Bringing claims to common terms: one unit per dimension, one currency, one rate period,
and an interval for every hedge.

Interval readings (``interval_low``, ``interval_high``, in the normalised unit):

- ``exact``: a rounded figure is read as the rounding it implies, at most ±5%:
  ±min(step/2, 5%) where step is 10 to the number of trailing zeros ("50,000": step 10,000,
  so ±2,500) or the last decimal place ("1.2": ±0.05); when two figures are set against
  each other, an exact one reaches at least ±5% (``verdicts.TOLERANCE``);
- ``approx`` ("about", "around", "some"): ±10%;
- ``lower`` ("more than"): [value, open); a near hedge ("just over"): [value, +10%];
- ``upper``: the near hedges ("nearly", "almost", "just under"; ``near_qualifiers`` in
  extract's lexicon): [-10%, value]; others ("up to", "less than"): (open, value];
- ``range``: [low, high] as written.
"""

from __future__ import annotations

import functools
import traceback
import warnings
from typing import Any

import polars as pl

from extract.lexicon import lexicon

from .columns import join_beside
from .tables import Tables

__all__ = ["in_stated_period", "normalise"]


@functools.cache
def _pint_factor(source: str, target: str) -> float | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pint

        registry = _registry()
        try:
            return float(registry.Quantity(1.0, source).to(target).magnitude)
        except (pint.errors.PintError, ValueError, AttributeError) as err:
            _let_go(err)
            return None


def _let_go(err: BaseException | None) -> None:
    """Drop what an exception caught holds of the calls it came through: pint's error refers
    to itself through its own calls, so that, kept until Python's cycle collector runs (it
    may not run for the rest of a long reconcile), it would keep each call up the stack, the
    caller's too, with every table they held (``normalise``'s working tables at a million
    claims, some 0.2 GB)."""
    seen: set[int] = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        traceback.clear_frames(err.__traceback__)
        err.__traceback__ = None
        err = err.__context__ or err.__cause__


@functools.cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def _unit_factors(tables: Tables, units: list[str]) -> tuple[dict[str, float], dict[str, str]]:
    factors: dict[str, float] = {}
    targets: dict[str, str] = {}
    by_symbol = {sym: name for sym, name in tables.pint_names.items()}
    for dimension, target in tables.targets.items():
        target_name = by_symbol.get(target)
        if target_name is None:
            continue
        for unit in units:
            source = by_symbol.get(unit)
            if source is None:
                continue
            factor = _pint_factor(source, target_name)
            if factor is not None:
                factors[f"{dimension}|{unit}"] = factor
                targets[f"{dimension}|{unit}"] = target
    return factors, targets


def _loose(claims: pl.DataFrame, tables: Tables) -> tuple[pl.DataFrame, tuple[pl.Expr, pl.Expr]]:
    """``claims`` with ``_read``, the unit each figure is read in (a loose unit's usual
    reading when its words do not name its system: "tons" is read as tonnes), and the
    factors that widen its interval to every reading (``tables.loose_units``)."""
    unit = pl.col("unit")
    read, low, high = unit, pl.lit(1.0), pl.lit(1.0)
    for loose, (readings, named) in tables.loose_units.items():
        bare = (unit == loose) & ~pl.col("surface").fill_null("").str.contains(
            rf"(?i)(?-u:\b){named}(?-u:\b)"
        )
        ratios = [_pint_factor(*(tables.pint_names[u] for u in (r, readings[0]))) for r in readings]
        known = [r for r in ratios if r is not None]
        if len(known) < len(readings):
            continue
        read = pl.when(bare).then(pl.lit(readings[0])).otherwise(read)
        low = pl.when(bare).then(pl.lit(min(known))).otherwise(low)
        high = pl.when(bare).then(pl.lit(max(known))).otherwise(high)
    out = claims.with_columns(_read=read, _spread_low=low, _spread_high=high)
    return out, (pl.col("_spread_low"), pl.col("_spread_high"))


def _rates(dated: pl.DataFrame, fx: pl.DataFrame, name: str) -> pl.DataFrame:
    """Each row's rate (``_row``, ``name``) for its ``_money_unit`` on its ``as_of``: of the
    periods of that currency, the latest to start by that date, if it has not ended (the
    periods of one currency are taken not to overlap); else a rate with no dates; an undated
    figure takes its currency's latest rate (news is mostly recent, and one rate for all of a
    currency's undated figures keeps them comparable). Looked up once per currency and date,
    so a million claims cost a few thousand look-ups."""
    keys = dated.select("_money_unit", "as_of").unique()
    spans = fx.drop_nulls("start").sort("start")
    found = (
        keys.drop_nulls("as_of")
        .sort("as_of")
        .join_asof(
            spans,
            left_on="as_of",
            right_on="start",
            by_left="_money_unit",
            by_right="currency",
            strategy="backward",
            check_sortedness=False,  # sorted by date overall, so within each currency too
        )
        .filter(pl.col("end").is_null() | (pl.col("as_of") <= pl.col("end")))
        .select("_money_unit", "as_of", pl.col("units_per_usd").alias("_dated"))
    )
    timeless = (
        fx.filter(pl.col("start").is_null())
        .group_by("currency")
        .agg(pl.col("units_per_usd").first().alias("_any"))
    )
    latest = spans.group_by("currency").agg(pl.col("units_per_usd").last().alias("_latest"))
    undated = pl.col("as_of").is_null()
    return (
        dated.join(found, on=["_money_unit", "as_of"], how="left", nulls_equal=True)
        .join(timeless, left_on="_money_unit", right_on="currency", how="left")
        .join(latest, left_on="_money_unit", right_on="currency", how="left")
        .select(
            "_row",
            pl.coalesce("_dated", "_any", pl.when(undated).then(pl.col("_latest"))).alias(name),
        )
    )


def normalise(
    claims: pl.DataFrame,
    *,
    tables: Tables,
    fx: pl.DataFrame,
    currency: str,
    per: str,
) -> pl.DataFrame:
    """Add ``norm_value``, ``norm_unit``, ``norm_per``, ``interval_low``/``high`` and ``fx_note``.

    ``claims`` must already have an ``as_of`` date column (used for exchange rates).
    """
    claims, spread = _loose(claims, tables)
    units = claims.get_column("_read").drop_nulls().unique().to_list()
    factors, targets = _unit_factors(tables, units)
    key = pl.concat_str([pl.col("dimension").cast(pl.String), pl.lit("|"), pl.col("_read")])
    sub_currency = {k: v[0] for k, v in tables.subunits.items()}
    sub_factor = {k: v[1] for k, v in tables.subunits.items()}
    # money may be per item: "USD/barrel", "cent/share" (the part after the slash is kept)
    base = pl.col("unit").str.split("/").list.first()
    item = pl.col("unit").str.split("/").list.get(1, null_on_oob=True)
    frame = claims.with_columns(
        _row=pl.int_range(pl.len(), dtype=pl.Int64),
        _item=pl.when(pl.col("dimension") == "currency").then(item).otherwise(None),
        _money_unit=pl.when(pl.col("dimension") == "currency")
        .then(base.replace(sub_currency))
        .otherwise(None),
        _money_factor=pl.when(pl.col("dimension") == "currency")
        .then(base.replace_strict(sub_factor, default=1.0, return_dtype=pl.Float64))
        .otherwise(None),
        _unit_factor=key.replace_strict(factors, default=None, return_dtype=pl.Float64),
        _unit_target=key.replace_strict(targets, default=None, return_dtype=pl.String),
    )
    # exchange rates: units per USD on the claim's date, for the claim's and the reporting currency
    dated = frame.select("_row", "_money_unit", "as_of").filter(pl.col("_money_unit").is_not_null())
    joined = _rates(dated, fx, "_rate_from")
    joined_to = (
        _rates(dated.with_columns(_money_unit=pl.lit(currency)), fx, "_rate_to")
        if currency != "USD"
        else dated.select("_row", pl.lit(1.0).alias("_rate_to"))
    )
    frame = join_beside(join_beside(frame, joined, "_row"), joined_to, "_row")
    same = pl.col("_money_unit") == currency
    money = (
        pl.when(same)
        .then(pl.col("_money_factor"))
        .otherwise(pl.col("_money_factor") * pl.col("_rate_to") / pl.col("_rate_from"))
    )
    period_days = tables.period_days
    rate_factor = (
        pl.col("per")
        .cast(pl.String)
        .replace_strict(
            {p: period_days[per] / d for p, d in period_days.items()},
            default=1.0,
            return_dtype=pl.Float64,
        )
    )
    is_money = pl.col("dimension") == "currency"
    # a share or multiple "a year" is not a rate: 12% a year is not 1% a month (nor is "twice
    # a year's average" half of it a month), so its period is kept as written, never divided
    rescaled = pl.col("per").is_not_null() & (pl.col("dimension") != "ratio")
    factor = (
        pl.when(is_money)
        .then(money)
        .when(pl.col("_unit_factor").is_not_null())
        .then(pl.col("_unit_factor"))
        .otherwise(1.0)
    ) * pl.when(rescaled).then(rate_factor).otherwise(1.0)
    norm_unit = (
        pl.when(pl.col("dimension") == "count")
        .then(pl.lit(None, dtype=pl.String))  # what is counted is the concept, not a unit
        .when(is_money & money.is_not_null())
        .then(pl.lit(currency))
        .when(is_money)
        .then(pl.col("_money_unit"))
        .when(pl.col("_unit_target").is_not_null())
        .then(pl.col("_unit_target"))
        .otherwise(pl.col("unit"))
    )
    fx_note = (
        pl.when(is_money & money.is_null())
        .then(
            pl.format(
                "no exchange rate for {} on {}; left in {}",
                pl.col("_money_unit"),
                pl.col("as_of").cast(pl.String).fill_null("an unknown date"),
                pl.col("_money_unit"),
            )
        )
        .otherwise(None)
    )
    norm_unit = (
        pl.when(pl.col("_item").is_not_null())
        .then(pl.format("{}/{}", norm_unit, pl.col("_item")))
        .otherwise(norm_unit)
    )
    frame = frame.with_columns(
        _factor=pl.when(is_money & money.is_null()).then(pl.col("_money_factor")).otherwise(factor),
        norm_unit=norm_unit,
        norm_per=pl.when(rescaled).then(pl.lit(per)).otherwise(pl.col("per").cast(pl.String)),
        fx_note=fx_note,
    )
    value = pl.col("value")
    magnitude = value.abs()
    trailing = (
        pl.when((value == value.round(0)) & (magnitude >= 10))
        .then(
            magnitude.cast(pl.Int64, strict=False)
            .cast(pl.String)
            .str.extract(r"(0+)$")
            .str.len_chars()
        )
        .otherwise(None)
        .fill_null(0)
        .cast(pl.Int32)
    )
    decimals = (
        value.cast(pl.String)
        .str.extract(r"\.(\d*[1-9])")
        .str.len_chars()
        .fill_null(0)
        .cast(pl.Int32)
    )
    step = (
        pl.when(trailing > 0)
        .then(pl.lit(10.0).pow(trailing))
        .otherwise(pl.lit(10.0).pow(-decimals))
    )
    # (the half step read once, as a column: both ends take it)
    frame = frame.with_columns(_half=pl.min_horizontal(step / 2, magnitude * 0.05))
    half = pl.col("_half")
    qualifier = pl.col("qualifier").fill_null("").str.to_lowercase()
    near = lexicon().near_qualifiers
    bound = pl.col("bound").cast(pl.String)
    low = (
        pl.when(bound == "exact")
        .then(value - half)
        .when(bound == "approx")
        .then(value - magnitude * 0.1)
        .when(bound == "lower")
        .then(value)
        .when(bound == "upper")
        .then(
            pl.when(qualifier.is_in(sorted(near["upper"])))
            .then(value - magnitude * 0.1)
            .otherwise(None)
        )
        .when(bound == "range")
        .then(pl.col("low"))
        .otherwise(value)
    )
    high = (
        pl.when(bound == "exact")
        .then(value + half)
        .when(bound == "approx")
        .then(value + magnitude * 0.1)
        .when(bound == "lower")
        .then(
            pl.when(qualifier.is_in(sorted(near["lower"])))
            .then(value + magnitude * 0.1)
            .otherwise(None)
        )
        .when(bound == "upper")
        .then(value)
        .when(bound == "range")
        .then(pl.col("high"))
        .otherwise(value)
    )
    return frame.with_columns(
        norm_value=value * pl.col("_factor"),
        interval_low=low * pl.col("_factor") * spread[0],
        interval_high=high * pl.col("_factor") * spread[1],
    ).drop(
        "_half",
        "_read",
        "_spread_low",
        "_spread_high",
        "_item",
        "_money_unit",
        "_money_factor",
        "_unit_factor",
        "_unit_target",
        "_rate_from",
        "_rate_to",
        "_factor",
    )


def in_stated_period(claims: pl.DataFrame, period_days: dict[str, float]) -> pl.DataFrame:
    """Each series' rates restated in the period its own figures were written in.

    Rates are brought to one period to be grouped and compared (:func:`normalise`); a
    reader is then shown them as the sources wrote them: "10 million a year" stays a year,
    never "833,333 a month" that no source gave. A series' period (one for all its time
    windows, which are drawn on one axis) is the one most of its figures give (on a tie,
    the longest); its other figures are restated in it, so that they can still be set side
    by side. A quantity made of several series (merged by a mapping) is then brought to
    one period the same way. Shares and multiples keep the period they were written with
    (see :func:`normalise`), and a figure without a quantity is left as it is.
    """
    days = {p: float(d) for p, d in period_days.items()}
    # each series by the periods written; then a quantity whose series were given
    # different periods, by the periods they now have
    return _restated(_restated(claims, days, "series_id", "per"), days, "quantity_id", "norm_per")


def _restated(claims: pl.DataFrame, days: dict[str, float], key: str, vote: str) -> pl.DataFrame:
    """:func:`in_stated_period` over the groups of ``key``, each in the period most of its
    figures have in column ``vote``."""
    rated = (
        pl.col("quantity_id").is_not_null()
        & pl.col("per").is_not_null()
        & pl.col("norm_per").is_not_null()
        & (pl.col("dimension").cast(pl.String) != "ratio")
    )
    written = pl.col(vote).cast(pl.String)
    stated = (
        claims.select(key, written.alias("_stated"), rated.alias("_rated"))
        .filter(pl.col("_rated") & pl.col("_stated").is_in(list(days)))
        .group_by(key, "_stated")
        .agg(pl.len().alias("_n"))
        .with_columns(_days=pl.col("_stated").replace_strict(days, return_dtype=pl.Float64))
        .sort([key, "_n", "_days"], descending=[False, True, True])
        .unique(key, keep="first")
        .select(key, "_stated")
    )
    if stated.height == 0:
        return claims
    frame = join_beside(claims, stated, key)
    now = pl.col("norm_per").replace_strict(days, default=None, return_dtype=pl.Float64)
    then = pl.col("_stated").replace_strict(days, default=None, return_dtype=pl.Float64)
    moved = rated & pl.col("_stated").is_not_null() & now.is_not_null()
    factor = pl.when(moved).then(then / now).otherwise(1.0)
    return frame.with_columns(
        norm_value=pl.col("norm_value") * factor,
        interval_low=pl.col("interval_low") * factor,
        interval_high=pl.col("interval_high") * factor,
        norm_per=pl.when(moved).then(pl.col("_stated")).otherwise(pl.col("norm_per")),
    ).drop("_stated")
