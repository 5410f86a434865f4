"""What a reader is told of a quantity: its label, the noun and unit it is told in, and the
other quantities of its measure it was kept apart from (the last words of its ``why``).

Read by :func:`reconcile.compare.quantities_table` on the table of quantities, each column
an aggregate of the quantity's claims or a text made of them.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from .dating import IN_SENTENCE, SPAN_END
from .frames import PHYSICAL, drop_plural_s
from .identify import HOLDING_STATUS
from .lemmas import plural
from .organisations import ORGANISATION
from .tables import measure_nouns

__all__ = [
    "DATE_RANK",
    "KEPT_APART_NAMED",
    "group_plural",
    "kept_apart",
    "label",
    "noun",
    "shown_scale",
]

#: How exact each way of dating a figure is: 0 a day, 1 a month, 2 a year.
DATE_RANK = (
    pl.col("as_of_source")
    .replace_strict(
        {
            IN_SENTENCE: 1,
            "'last month/year' before publication": 1,
            "a year in the sentence": 2,
            SPAN_END: 2,
            "a month before publication": 1,
        },
        default=0,
        return_dtype=pl.Int8,
    )
    .fill_null(0)
)
#: A person-count's label words that read as a place's people, not an actor's.
_NAME_SOURCES = ("a name in the sentence", "the document's main subject")


def noun() -> pl.Expr:
    """The concept as a label names it: the measure's words, else a count's noun as written
    ("workers"), else the concept key; never an "s" added to a measure."""
    nouns = measure_nouns()
    written = pl.col("_written").fill_null("")
    as_written = (pl.col("dimension") == "count") & (drop_plural_s(written) == pl.col("concept"))
    return (
        pl.col("concept")
        .replace_strict(nouns, default=None, return_dtype=pl.String)
        .fill_null(pl.when(as_written).then(written))
        .fill_null(pl.col("concept"))
    )


def _when(column: str) -> pl.Expr:
    """A date as precise as the quantity's figures were dated: "12 Sep 2023", "Sep 2023",
    "2023"."""
    date = pl.col(column)
    return (
        pl.when(pl.col("_precision") == 0)
        .then(date.dt.strftime("%-d %b %Y"))
        .when(pl.col("_precision") == 1)
        .then(date.dt.strftime("%b %Y"))
        .otherwise(date.dt.strftime("%Y"))
    )


def _names_place() -> pl.Expr:
    """Whether the measure's own words already name the place, as whole words ("border
    crossings into Chile" in Chile): the label then says the place once."""
    padded = pl.concat_str(
        pl.lit(" "), pl.col("noun").cast(pl.String).str.to_lowercase(), pl.lit(" ")
    )
    place = pl.concat_str(
        pl.lit(" "), pl.col("subject").cast(pl.String).str.to_lowercase(), pl.lit(" ")
    )
    return padded.str.contains(place, literal=True).fill_null(False)


#: Dimensions whose figures are brought to one unit by a factor alone: told to a reader in
#: the unit their reports write ("44 hours", not "0.0602 months").
_SCALED_DIMENSIONS = (*(d for d in PHYSICAL if d not in ("temperature", "other")), "duration")


def shown_scale(*, written: bool) -> list[pl.Expr]:
    """``_shown_unit`` and ``_shown_factor`` of a quantity (aggregations over its claims): the
    unit its reports write most, and what a normalised figure is multiplied by to be in it,
    for a dimension of ``_SCALED_DIMENSIONS`` whose figures in that unit share one factor;
    null (the normalised unit) otherwise, and where the figures as written (``written``)
    are not given."""
    if not written:
        return [
            pl.lit(None, pl.String).alias("_shown_unit"),
            pl.lit(None, pl.Float64).alias("_shown_factor"),
        ]
    most = pl.col("unit").drop_nulls().mode().sort().first()
    ratios = (pl.col("value") / pl.col("norm_value")).filter(
        (pl.col("unit") == most) & (pl.col("norm_value") != 0)
    )
    one = (ratios.max() - ratios.min()).abs() <= 1e-9 * ratios.max().abs()
    scaled = pl.col("dimension").cast(pl.String).first().is_in(_SCALED_DIMENSIONS) & one
    return [
        pl.when(scaled).then(most).alias("_shown_unit"),
        pl.when(scaled).then(ratios.median()).alias("_shown_factor"),
    ]


#: How many other quantities of its measure and entity a quantity's ``why`` names.
KEPT_APART_NAMED = 2


def kept_apart(table: pl.DataFrame) -> pl.Series:
    """For each quantity, the other quantities of its measure and entity that it was kept
    apart from (up to ``KEPT_APART_NAMED``), each with the first field of the frame in which
    they differ ("Kept apart from 'Deaths in Peru, 2 Apr 2031' (the group counted: children
    against none)."); "" for a quantity that is the only one of its measure and entity."""
    fields = ("quantity_id", "subject", "concept", "label", "_period", "per", "is_delta")
    # (the group as the label writes it, "children", else as read)
    group = pl.coalesce("_groups", "_group").alias("_group")
    # (a count's unit is its measure: told apart from another unit as a count)
    unit = pl.when(pl.col("dimension") == "count").then(pl.lit("a count")).otherwise("unit")
    rows = table.select(*fields, group, unit.alias("unit"), "scope").rows(named=True)
    by_measure: dict[tuple[object, object], list[dict[str, Any]]] = {}
    for row in rows:
        by_measure.setdefault((row["subject"], row["concept"]), []).append(row)
    notes: list[str] = []
    for row in rows:
        named: list[str] = []
        for other in by_measure[(row["subject"], row["concept"])]:
            if other is not row:
                named.append(f"'{other['label']}' ({_difference(row, other)})")
            if len(named) == KEPT_APART_NAMED:
                break
        notes.append(f" Kept apart from {'; '.join(named)}." if named else "")
    return pl.Series("why", notes, dtype=pl.String)


#: The fields of a quantity's frame, in the order a reader is told the first that differs.
_FRAME_FIELDS = (
    ("_group", "the group counted"),
    ("_period", "the period"),
    ("per", "the rate"),
    ("is_delta", "a change or a level"),
    ("unit", "the unit"),
    ("scope", "the scope"),
)


def _difference(row: dict[str, Any], other: dict[str, Any]) -> str:
    """The first field of ``_FRAME_FIELDS`` in which two quantities' frames differ, in a
    reader's words; else their dates (a window of its own, or figures set apart as far from
    the others')."""
    for field, words in _FRAME_FIELDS:
        if row[field] != other[field]:
            mine, theirs = (
                "a change" if v is True else "a level" if v is False else (v or "none")
                for v in (row[field], other[field])
            )
            return f"{words}: {mine} against {theirs}"
    return "the same frame, of another time or figures far apart from its own"


def group_plural(table: pl.DataFrame) -> pl.Expr:
    """The group a quantity's figures count (``_group``: "child", "miner"), in the plural as
    a label writes it ("children"), where the measure's noun does not already name it; a
    status held (``HOLDING_STATUS``) is the label's scope, not a group."""
    groups = table.get_column("_group").drop_nulls().unique().to_list()
    plurals = {group: plural(group) for group in groups}
    words = pl.concat_str(pl.lit(" "), pl.col("noun").str.to_lowercase(), pl.lit(" "))
    named = words.str.contains(
        pl.concat_str(pl.lit(" "), pl.col("_group"), pl.lit(" ")), literal=True
    )
    return (
        pl.when(~named.fill_null(False) & (pl.col("_group") != HOLDING_STATUS))
        .then(pl.col("_group").replace_strict(plurals, default=None, return_dtype=pl.String))
        .alias("_groups")
    )


def label() -> pl.Expr:
    """A reader's label: measure, place or actor, the group counted and a period where the
    figures name one, and date ("People missing in Libya, 12 Sep 2023"; "Acme Group
    personnel, Jun 2023"; "Deaths in Peru (children), 3 Mar 2031")."""
    noun = pl.concat_str(
        pl.col("noun").str.slice(0, 1).str.to_uppercase(), pl.col("noun").str.slice(1)
    )
    change = pl.when(pl.col("is_delta")).then(pl.lit(" change")).otherwise(pl.lit(""))
    subject = pl.col("subject")
    known = (
        pl.col("entity_source").is_in(list(_NAME_SOURCES))
        | pl.col("entity_source").cast(pl.String).str.starts_with(ORGANISATION)
    ) & (subject != "unspecified")
    head = (
        pl.when(known)
        .then(pl.concat_str(subject, pl.lit(" "), pl.col("noun"), change))
        .when((subject == "unspecified") | _names_place())
        .then(pl.concat_str(noun, change))
        .otherwise(pl.concat_str(noun, change, pl.lit(" in "), subject))
    )
    start, end = _when("as_of_start"), _when("as_of_end")
    return pl.concat_str(
        [
            head,
            pl.when(pl.col("scope").is_not_null())
            .then(pl.format(" ({})", pl.col("scope")))
            .otherwise(pl.lit("")),
            pl.format(" ({})", pl.col("_groups")).fill_null(""),
            # (a year, or a month of a year, its dates already give is not said twice: "Aid
            # in Chad, 2021", "People evacuated in Peru, Mar 2031")
            pl.when(
                ~pl.col("_period").str.contains(r"^(?:[a-z]+\s+)?\d{4}$")
                | ~pl.col("_period").str.ends_with(pl.col("as_of_start").dt.year().cast(pl.String))
            )
            .then(pl.format(" ({})", pl.col("_period")))
            .otherwise(pl.lit("")),
            # (the unit unless it is money, a count's noun, or the measure's own name: a
            # "Magnitude", not a "Magnitude (magnitude)")
            pl.when(
                pl.col("unit").is_not_null()
                & ~pl.col("dimension").is_in(["currency", "count"])
                & (
                    pl.col("unit").cast(pl.String).str.to_lowercase()
                    != pl.col("noun").str.to_lowercase()
                )
            )
            .then(pl.format(" ({})", pl.coalesce("_shown_unit", "unit")))
            .otherwise(pl.lit("")),
            pl.when(pl.col("per").is_not_null())
            .then(pl.format(" per {}", pl.col("per")))
            .otherwise(pl.lit("")),
            pl.lit(", "),
            start.fill_null("undated"),
            pl.when(end != start).then(pl.format("–{}", end)).otherwise(pl.lit("")),
        ]
    )
