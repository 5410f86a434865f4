"""Figures a story gives again: the same number in the same unit, restated by other reports
or later in one, is one figure, whose period and measure one reading may name where another
does not.

- :func:`period_again`: a figure of a past year restated without the year.
- :func:`measure_again`: a precise figure whose measure reports name differently.
- :func:`figure_again`: a figure another report repeats in words that name its measure less
  well ("moved 20,000 people out" after "20,000 people were evacuated"), given that report's
  frame, whatever its entity and period, when the repeat is plain.
"""

from __future__ import annotations

from collections.abc import Collection

import polars as pl

from .columns import on_rows, set_at_rows
from .frames import GENERIC_NOUNS, OWN_WORDS, after_figure, alternation
from .measures import VAGUE
from .tables import Tables, reading_words


def period_again(frame: pl.DataFrame) -> pl.DataFrame:
    """``period`` of a figure whose words name none, given again: the year of the same
    figure (same entity, measure, dimension, value and unit) given elsewhere in the story as
    a figure of that year, when all such figures give one year. News restates a figure of a
    past year without it ("the 2003 blackout cut power to 600,000 homes" and, later, "the
    last blackout of this size, which cut 600,000 homes"), when its number is uncommon
    (:func:`_uncommon`). A projection is not carried so: a toll "could reach
    20,000", and a count of 20,000 later is a count."""
    keys = ["entity", "concept_key", "dimension", "norm_value", "_p_unit"]
    value = pl.col("norm_value")
    figures = frame.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"),
        *(pl.col(k).cast(pl.String) for k in ("entity", "concept_key", "dimension")),
        value,
        pl.col("norm_unit").cast(pl.String).fill_null("-").alias("_p_unit"),
        pl.col("period").cast(pl.String),
    ).filter(_uncommon(value))
    given = (
        figures.filter(pl.col("period").str.contains(r"^\d{4}$"))
        .group_by(keys)
        .agg(pl.col("period").n_unique().alias("_n"), pl.col("period").first().alias("_given"))
        .filter(pl.col("_n") == 1)
    )
    found = figures.filter(pl.col("period").is_null()).join(given, on=keys, how="inner")
    again = set_at_rows(frame.height, found.get_column("_at"), found.get_column("_given"))
    return frame.with_columns(period=pl.coalesce(pl.col("period"), again))


#: What a precise figure restated takes from the reading :func:`measure_again` chooses.
_RESTATED_FRAME = ("concept_key", "concept_source", "population")
#: What restatements of one figure share: whose it is, its kind, its number, unit, rate and
#: period (a projection and a count of one number are two figures).
_RESTATED_KEYS = (
    "entity",
    "dimension",
    "norm_value",
    "norm_unit",
    "norm_per",
    "is_delta",
    "period",
)
#: "3.1% of GDP", "2% of the country's economic output": a share whose base is the economy.
OF_OUTPUT_WORDS = (
    r"of\s+(?:the\s+)?(?:[\w-]+['\u2019]s\s+)?(?:gdp|gross\s+domestic\s+product|"
    r"economic\s+output|output|economy|national\s+income)(?-u:\b)"
)
OF_OUTPUT = rf"(?i)^\s*{OF_OUTPUT_WORDS}"
#: What a reading of a figure is: its measure and population.
_READING = ("concept_key", "population")


def _uncommon(value: pl.Expr) -> pl.Expr:
    """Whether a figure's number is uncommon enough to be known again: 100 or more, or a
    fraction ("7.9 metres"); a whole number under 100 ("12", "41%") is too common to be
    taken for another's."""
    return (value.abs() >= 100) | (value != value.round())


def _precise() -> pl.Expr:
    """Whether a figure's number tells it apart by itself: uncommon (:func:`_uncommon`), of
    two or more significant digits ("€3.6 billion", "689", "9.4%", not "€4 million" or
    "400") and not a vague amount ("billions")."""
    # (a number of one significant digit is itself rounded to one: "4 million", "400")
    number = pl.col("value").abs().round_sig_figs(6)
    vague = pl.col("surface").fill_null("").str.contains(VAGUE)
    return (
        (number.round_sig_figs(1) != number)
        & _uncommon(pl.col("value"))
        & ~vague
        & pl.col("norm_value").is_not_null()
    )


def measure_again(frame: pl.DataFrame) -> pl.DataFrame:
    """The measure of a figure given again in the same precise number: a story's reports
    repeat its figures ("depositors withdrew €3.6 billion", "the €3.6 billion taken out"),
    and the words around them name the measure in as many ways ("withdrawals", "trading",
    "the bank's customers"). The figures of one entity, kind, number, unit, rate and period
    are one figure when the number is precise (:func:`_precise`), and each takes one reading
    of its measure and population: one that a figure's own phrase names
    (:data:`_OWN_READING`) before one read farther off, then the one read in most
    documents, then the one of most figures in the story (its usual name), then the first
    in the table."""
    # (the keys are held as hashes and the chosen reading as the row giving it: a copy of
    # their text for every figure would be large)
    rows = _restated_rows(frame)
    chosen = (
        _readings(frame, rows)
        .sort(["_own", "_docs", "_size", "_first"], descending=[True, True, True, False])
        .group_by("_k", maintain_order=True)
        .agg(
            pl.len().alias("_n"),
            pl.col("_r").first().alias("_chosen_r"),
            pl.col("_first").first().alias("_from"),
        )
        .filter(pl.col("_n") > 1)
    )
    moved = rows.join(chosen, on="_k", how="inner").filter(pl.col("_r") != pl.col("_chosen_r"))
    if moved.is_empty():
        return frame
    at, came = moved.get_column("_at"), moved.get_column("_from")
    # (only the columns read are gathered: a gather of the table copies every column it holds)
    read = frame.select(*_READING, "concept_source")
    here = read[at].select(*_READING, pl.col("concept_source").cast(pl.String))
    taken = read[came].select(
        *_READING,
        pl.format(
            "{} (the same figure, read so in another report; here {} from {})",
            pl.col("concept_source").cast(pl.String),
            here.get_column("concept_key"),
            here.get_column("concept_source"),
        ).alias("concept_source"),
    )
    return frame.with_columns(
        frame.get_column(c).scatter(at, taken.get_column(c).cast(frame.schema[c]))
        for c in _RESTATED_FRAME
    )


def _restated_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """The row number (``_at``) of each precise figure with a measure; hashes of its keys
    (``_k``, :data:`_RESTATED_KEYS`), its reading (``_r``), its reading's series (``_w``:
    the entity, reading and period) and its document (``_d``); and whether its own phrase
    names its measure (``_own``)."""
    with_measure = _precise() & pl.col("concept_key").is_not_null()
    at = frame.select(pl.arg_where(with_measure).cast(pl.UInt32).alias("_at")).to_series()
    # (only the columns read are gathered: a gather copies every column it is given)
    read = dict.fromkeys([*_RESTATED_KEYS, *_READING, "entity", "period", "doc_id"])
    # ("3.1% of GDP" is no "3.1%" of prices given again: a share of output is its own kind;
    # read on those shares alone)
    (of_output,) = (
        on_rows(
            frame,
            with_measure & (pl.col("dimension") == "ratio"),
            after_figure().str.contains(OF_OUTPUT).alias("_of_output"),
        )
        if {"sentence", "sentence_start", "end"} <= set(frame.columns)
        else [pl.repeat(False, frame.height, eager=True).alias("_of_output")]
    )
    return frame.select(*read, "concept_source", of_output.fill_null(False))[at].select(
        at,
        pl.struct(*_RESTATED_KEYS, "_of_output").hash().alias("_k"),
        pl.struct(*_READING).hash().alias("_r"),
        _series_hash().alias("_w"),
        pl.col("doc_id").hash().alias("_d"),
        _own_reading(frame.get_column("concept_source")).alias("_own"),
    )


def _series_hash() -> pl.Expr:
    """A hash of a figure's entity, reading and period: the figures of one reading in a story."""
    return pl.struct("entity", *_READING, "period").hash()


def _readings(frame: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """Each reading (``_r``) of each precise figure (``_k``) of ``rows``
    (:func:`_restated_rows`): whether a figure's own phrase gives it (``_own``), in how many
    documents (``_docs``), how many figures of the story (``frame``) have it (``_size``) and
    the first row giving it (``_first``, one its own phrase gives first)."""
    size = frame.select(_series_hash().alias("_w")).group_by("_w").agg(pl.len().alias("_size"))
    return (
        rows.join(size, on="_w", how="left")
        .group_by("_k", "_r")
        .agg(
            pl.col("_own").any(),
            pl.col("_d").n_unique().alias("_docs"),
            pl.col("_size").first(),
            # (the row order breaks ties: the same reading whatever the sort's threads do)
            pl.col("_at").sort_by("_own", "_at", descending=[True, False]).first().alias("_first"),
        )
    )


#: Where a measure read from a figure's own phrase comes from (its counted noun, the words
#: right before or after it, the verb leading to it, what befell its noun).
_OWN_READING = (
    rf"^(?:counted noun|what befell|the verb '[^']*' leading|the words? '[^']*' "
    rf"(?:{OWN_WORDS}|earlier in the clause))"
)


def _own_reading(sources: pl.Series) -> pl.Expr:
    """Whether a figure's measure is read from its own phrase, as a known measure (its
    ``concept_source``, of which ``sources`` holds every value: each distinct phrase is read
    once, not written out as text for every row)."""
    distinct = sources.drop_nulls().unique().cast(pl.String)
    own = distinct.str.contains(_OWN_READING) & ~distinct.str.contains("not a known measure")
    return pl.col("concept_source").replace_strict(
        dict(zip(distinct.to_list(), own.to_list(), strict=True)),
        default=False,
        return_dtype=pl.Boolean,
    )


#: How a joined figure's measure and entity are explained (``concept_source``).
SAME_FIGURE = "the same figure as another report's, whose words name its measure"

#: What makes two figures one figure: the value as normalised, its interval, unit and rate.
_AGAIN_SIGNATURE = (
    "norm_value",
    "interval_low",
    "interval_high",
    "norm_unit",
    "dimension",
    "norm_per",
    "is_delta",
)
#: What the repeat takes from the figure it repeats, and what says where its frame came from.
_AGAIN_FRAME = ("entity", "concept_key", "population", "period")
_AGAIN_SOURCES = ("entity_source", "concept_source")
#: Whole numbers below this recur by chance in the reports of one story ("six times", "9%",
#: "two bridges"); a fraction ("3.1%") does not.
_SMALLEST = 10
#: Counts of a thing its noun names below this recur by chance too ("14 guards", "14 dead").
_CHANCE_COUNT = 100
#: The measures of harm done to people (``reading_words.yaml``'s ``harm_measures``).
_HARM = list(reading_words().harm_measures)
#: The dimensions of figures that recur for two things in one story often enough that two
#: measures named for one of them keep it apart: counts and shares.
_NAMED_APART = ("count", "ratio")


def figure_again(work: pl.DataFrame, measures: Collection[str], *, days: int = 31) -> pl.DataFrame:
    """``work`` with each figure repeated in another document given the repeated frame.

    A story's reports repeat each other's figures, and a repeat's words often name its
    measure less well than the first report's (a bare number, "people", a counted noun that
    is no measure: "moved 20,000 people out" after "20,000 people were evacuated"), so its
    own frame puts it in a quantity of its own. The figures of one value, interval, unit,
    rate and kind (:data:`_AGAIN_SIGNATURE`) in two or more documents published within
    ``days`` are one figure, and each takes the frame (entity, measure, population, period)
    of the one whose measure is known, else of the largest series, else of the first row;
    but not a small whole number (:data:`_SMALLEST`), which recurs by chance, nor a count
    or a share whose reports name two measures of their own ("3.1%" inflation in one,
    "3.1%" the deficit in another): the number alone cannot say which one a third report
    means. A sum of money or an amount of a unit is seldom written for two things in one
    story: its reports naming it two ways ("to compensate", "a fund") give one figure. A count
    below ``_CHANCE_COUNT`` of people its own noun names ("14 guards") takes no measure of
    harm (the dead, the hurt) from a figure of another noun.
    :func:`measure_again` is the narrower reading of one entity's precise figures.

    Parameters
    ----------
    work : pl.DataFrame
        Claims with their frames (:data:`_AGAIN_FRAME`), normalised values
        (:data:`_AGAIN_SIGNATURE`), ``unit`` (the counted noun), ``doc_id``, ``published``
        and ``grouped``.
    measures : Collection[str]
        The known measures (a concept key that starts with one names it).
    days : int, keyword-only
        Documents published further apart than this repeat nothing of each other.

    Returns
    -------
    pl.DataFrame
        ``work`` with ``entity``, ``concept_key``, ``population``, ``period`` and their
        sources rewritten on the figures joined, in the same row order.

    Examples
    --------
    >>> import datetime as dt
    >>> frame = pl.DataFrame({
    ...     "doc_id": ["a", "b"], "published": [dt.date(2026, 3, 1), dt.date(2026, 3, 2)],
    ...     "grouped": [True, True], "value": [4000.0, 4000.0], "norm_value": [4000.0, 4000.0],
    ...     "interval_low": [4000.0, 4000.0], "interval_high": [4000.0, 4000.0],
    ...     "norm_unit": [None, None], "dimension": ["count", "count"], "unit": [None, None],
    ...     "norm_per": [None, None], "is_delta": [False, False],
    ...     "entity": ["Acme", "unspecified"], "concept_key": ["job cut", "person"],
    ...     "population": [None, None], "period": [None, None],
    ...     "entity_source": ["x", "y"], "concept_source": ["x", "y"],
    ... }, schema_overrides={"population": pl.String, "period": pl.String})
    >>> figure_again(frame, {"job cut"})["concept_key"].to_list()
    ['job cut', 'job cut']
    """
    moved = _repeats(work, measures, days)
    if moved.is_empty():
        return work
    at, came = moved.get_column("_row"), moved.get_column("_lead")
    # (written in place, in each column's own type: text or categorical)
    taken = work.select(*_AGAIN_FRAME)[came]
    said = pl.Series([SAME_FIGURE] * len(at), dtype=pl.String)
    return work.with_columns(
        *(work.get_column(c).scatter(at, taken.get_column(c)) for c in _AGAIN_FRAME),
        *(work.get_column(c).scatter(at, said) for c in _AGAIN_SOURCES),
    )


def known_measures(tables: Tables) -> set[str]:
    """The measures ``tables`` know by name: those of counts and money, and physical ones."""
    physical = (m for forms in tables.physical_forms.values() for m in forms.values())
    return {*tables.measure_forms.values(), *physical}


def _repeats(work: pl.DataFrame, measures: Collection[str], days: int) -> pl.DataFrame:
    """The rows (``_row``) that take another row's frame (``_lead``)."""
    # a concept names a measure of its own when it starts with a known one ("border crossing
    # into the south") or is qualified ("seat: the farmers' party"): two such in one figure's
    # reports make it ambiguous (read once for each distinct concept: a table holds few)
    concepts = work.get_column("concept_key").cast(pl.String).unique().drop_nulls()
    named = concepts.str.contains(rf"^(?:{alternation(measures)})(?:\W|$)")
    own = concepts.filter(named | concepts.str.contains(":", literal=True))
    specific = pl.col("concept_key").is_in(own.implode())
    small = (pl.col("value").abs() < _SMALLEST) & (pl.col("value") == pl.col("value").round())
    # "14 guards were on duty" is no repeat of "the toll rose to 14": a count below a hundred
    # recurs by chance, and one of those its own noun names, a noun no measure is known by
    # (not people at large, "20,000 people"), is no harm done to them (``harm_measures``:
    # the dead, the hurt) that a figure of another noun counts
    counted = pl.col("unit").cast(pl.String)
    own_noun = pl.when(
        (pl.col("dimension") == "count")
        & (pl.col("value").abs() < _CHANCE_COUNT)
        & ~counted.is_in([*GENERIC_NOUNS, "times"])
    ).then(counted)
    # (the frames and documents held as hashes: a copy of their text for every row is large)
    narrow = work.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"),
        pl.col("doc_id").hash().alias("_doc"),
        pl.col("published").alias("_day"),
        *_AGAIN_SIGNATURE,
        pl.struct(*_AGAIN_FRAME).hash().alias("_frame"),
        pl.when(specific).then(pl.col("concept_key").hash()).alias("_specific"),
        pl.col("grouped") & ~small,
        pl.when(own_noun.is_not_null()).then(own_noun.hash()).alias("_noun"),
        pl.col("concept_key").cast(pl.String).is_in(_HARM).fill_null(False).alias("_harm"),
    ).filter(pl.col("grouped"))
    series = ["_frame", "dimension", "norm_unit", "norm_per", "is_delta"]
    narrow = narrow.with_columns(_size=pl.len().over(series))
    # the frame given: a known measure's, else the largest series', else the first row's
    lead = pl.col("_row", "_frame", "_noun", "_harm").sort_by(
        [pl.col("_specific").is_not_null(), "_size", "_row"], descending=[True, True, False]
    )
    groups = (
        narrow.group_by(_AGAIN_SIGNATURE)
        .agg(
            pl.col("_doc").n_unique().alias("_docs"),
            pl.col("_frame").n_unique().alias("_frames"),
            pl.col("_specific").drop_nulls().n_unique().alias("_specifics"),
            (pl.col("_day").max() - pl.col("_day").min()).dt.total_days().alias("_span"),
            lead.first().name.prefix("_lead"),
        )
        .filter(
            (pl.col("_docs") >= 2)
            & (pl.col("_frames") >= 2)
            & ((pl.col("_specifics") <= 1) | ~pl.col("dimension").is_in(_NAMED_APART))
            & (pl.col("_span").fill_null(0) <= days)
        )
    )
    return (
        narrow.join(groups, on=list(_AGAIN_SIGNATURE), how="inner", nulls_equal=True)
        .filter(
            (pl.col("_frame") != pl.col("_lead_frame"))
            & (
                pl.col("_noun").is_null()
                | pl.col("_specific").is_not_null()
                | ~pl.col("_lead_harm")
                | pl.col("_noun").eq_missing(pl.col("_lead_noun"))
            )
        )
        .select("_row", pl.col("_lead_row").alias("_lead"))
    )
