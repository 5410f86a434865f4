"""``reconcile``: from a claims table to quantities, assertions, checks and stances."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from extract.lexicon import lexicon
from extract.schema import CLAIMS_SCHEMA, conform_claims

from .checks import THRESHOLD_NOTE, TIME_SPAN_NOTE, VAGUE_NOTE, arithmetic_checks, stances
from .columns import as_text, in_series_order, on_rows, read_on_rows, sorted_by, with_order
from .compare import (
    BASE,
    SENTENCE,
    SIDE_BY_SIDE_READS,
    assertions_table,
    quantities_table,
    shared_sentences,
    side_by_side,
    with_base,
)
from .dating import PUBLISHED, assign_dates
from .events import lead_event_days
from .frames import after_figure, alternation, before_figure
from .identify import (
    HOLDING_STATUS,
    SOURCE_KEY,
    assign_keys,
    assign_windows,
    source_key,
    unspecified_filled,
)
from .measures import VAGUE
from .normalise import in_stated_period, normalise
from .restated import figure_again, known_measures
from .schema import (
    ASSERTIONS_SCHEMA,
    CHECKS_SCHEMA,
    CLAIM_COLUMNS,
    QUANTITIES_SCHEMA,
    STANCES_SCHEMA,
)
from .sources import assign_asserters, echoes_alike, long_run_sources
from .tables import Mapping, StrPath, alias_pattern, load_fx_rates, load_mapping, load_tables
from .verdicts import REMAINING, strays_apart, with_remaining

__all__ = ["ReconcileResult", "reconcile"]

Period = Literal["day", "week", "month", "quarter", "year"]


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """The tables ``reconcile`` returns (all Polars frames; column names are a contract).

    Attributes
    ----------
    claims
        The input claims plus ``entity``, ``concept_key``, ``asserter``, ``as_of``,
        ``norm_value``/``norm_unit``/``norm_per``, ``interval_low``/``interval_high``,
        ``quantity_id``, ``assertion_id`` and ``group_note``.
    quantities
        One row per quantity (see :data:`reconcile.schema.QUANTITIES_SCHEMA`).
    assertions
        One row per independent assertion, with its reports.
    checks
        Arithmetic consistency checks, each holding, failing or warning.
    stances
        Denials and disputes found in the documents, when their texts were given.
    """

    claims: pl.DataFrame
    quantities: pl.DataFrame
    assertions: pl.DataFrame
    checks: pl.DataFrame
    stances: pl.DataFrame


def _texts(source: MappingABC[str, str] | pl.DataFrame | None) -> dict[str, str]:
    if source is None:
        return {}
    if isinstance(source, pl.DataFrame):
        return dict(source.select("doc_id", "text").iter_rows())
    return dict(source)


def _empty(claims: pl.DataFrame) -> ReconcileResult:
    extra = {k: v for k, v in CLAIM_COLUMNS.items() if k not in claims.columns}
    return ReconcileResult(
        claims=claims.with_columns(pl.lit(None, dtype=t).alias(k) for k, t in extra.items()),
        quantities=QUANTITIES_SCHEMA.to_frame(),
        assertions=ASSERTIONS_SCHEMA.to_frame(),
        checks=CHECKS_SCHEMA.to_frame(),
        stances=STANCES_SCHEMA.to_frame(),
    )


def _prepare(claims: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    frame = claims.collect(engine="streaming") if isinstance(claims, pl.LazyFrame) else claims
    try:
        return conform_claims(frame)
    except ValueError as err:
        raise ValueError(f"reconcile needs a claims table from extract ({err})") from None


def _from_input(work: pl.DataFrame, frame: pl.DataFrame, columns: Iterable[str]) -> pl.DataFrame:
    """``work`` with ``columns`` of the input ``frame`` put back, by each row's ``_ROW``
    (columns set aside while steps that do not read them copy the working table)."""
    if _in_place(work, frame):
        # (each row in its place, as when the input came in order: the columns are taken in
        # one chunk, which is the gather's copy; gathered, they would be copied twice)
        return work.with_columns(_one_chunk(frame.get_column(c)) for c in columns)
    rows = work.get_column(_ROW)
    return work.with_columns(_one_chunk(frame.get_column(c)).gather(rows) for c in columns)


def _side_by_side(work: pl.DataFrame, frame: pl.DataFrame) -> pl.DataFrame | None:
    """:func:`reconcile.compare.side_by_side` of the working table, the sentences read from
    the input by row number."""
    flags = [c for c in ("starting_figure", "superseded") if c in work.columns]
    # (each sentence as one number, its document's and its start's, not as their texts: a
    # million rows' document names are neither copied nor hashed)
    doc = frame.get_column("doc_id").cast(pl.Categorical).to_physical().cast(pl.UInt64)
    number = doc * (1 << 32) + frame.get_column("sentence_start").fill_null(0).cast(pl.UInt64)
    number = number.gather(work.get_column(_ROW))
    # (only the rows of sentences holding two figures or more are read on: a test of the
    # numbers alone first)
    twice = number.is_duplicated()
    keys = work.select(_ROW, "quantity_id", "assertion_id", *flags).filter(twice)
    shared = shared_sentences(keys.with_columns(number.filter(twice).alias(SENTENCE)))
    del doc, number, twice, keys
    # (the words of the few figures that share a sentence read from the input by row)
    rows = shared.get_column(_ROW)
    return side_by_side(
        shared.with_columns(frame.get_column(c).gather(rows) for c in SIDE_BY_SIDE_READS)
    )


def _categories_from_input(
    work: pl.DataFrame, frame: pl.DataFrame, columns: Iterable[str]
) -> pl.DataFrame:
    """``work`` with ``columns`` of the input ``frame``, texts of few values that no step
    reads as text, put back as categoricals, as :func:`_from_input` puts back text: each is
    cast from the input's own column (taken in one chunk first, its references to the texts
    would be copied for every row, and let go once cast)."""
    cast = (frame.get_column(c).cast(pl.Categorical).rechunk() for c in columns)
    if _in_place(work, frame):
        return work.with_columns(cast)
    rows = work.get_column(_ROW)
    return work.with_columns(column.gather(rows) for column in cast)


def _in_place(work: pl.DataFrame, frame: pl.DataFrame) -> bool:
    """Whether each row of ``work`` is the input ``frame``'s row of its place (by ``_ROW``)."""
    rows = work.get_column(_ROW)
    return rows.len() == frame.height and (rows.len() < 2 or bool((rows.diff() == 1).all()))


def _for_checks(
    work: pl.DataFrame, frame: pl.DataFrame, columns: Iterable[str], *, in_order: bool
) -> pl.DataFrame:
    """``work`` with ``columns`` of the input ``frame`` put back for the checks, which read
    them without sorting the table. When the input is in the output's order (``in_order``:
    the output takes the input's own columns, not these) and each row is in its place, they
    are the input's columns as it holds them, in its chunks, not copied into one; else they
    are taken by :func:`_from_input` (a sort of text columns in several chunks, as the
    output's of an input in another order, would copy their texts)."""
    if in_order and _in_place(work, frame):
        return work.with_columns(frame.get_column(c) for c in columns)
    return _from_input(work, frame, columns)


def _one_chunk(column: pl.Series) -> pl.Series:
    """``column`` in one chunk: a text column gathered from several chunks (a table read from
    Parquet comes in one per row group) copies its texts, and from one only the references to
    them (the rechunk copies those references alone, not the texts)."""
    return column.rechunk() if column.n_chunks() > 1 else column


def _to_compare(work: pl.DataFrame, period_days: dict[str, float] | None) -> pl.DataFrame:
    """``work`` in the period most of each series' figures give (when ``period_days`` is
    given: no period was asked for), with the text the assertions read held as categoricals,
    as they give it. (Done before :func:`_asserted` is called: the caller's name for the
    table it is given would hold the columns these replace while the assertions are made.)"""
    if period_days is not None:
        work = _as_categories(in_stated_period(work, period_days))
    return work.with_columns(pl.col(_VOTED_TEXT).cast(pl.Categorical))


def _asserted(work: pl.DataFrame, *, made: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``work`` (:func:`_to_compare`) with its assertions' columns, and its assertions; the
    columns only the assertions read are let go when ``made`` (not before a merge, which
    makes them again). (The quantities are made apart, by the caller, once its name for the
    working table is given the one returned: the table it replaces, with its own ids and the
    columns let go, is not held while they are made.)"""
    work, assertions = assertions_table(work)
    return (_assertions_made(work) if made else work), assertions


def reconcile(
    claims: pl.DataFrame | pl.LazyFrame,
    *,
    currency: str = "USD",
    per: Period | None = None,
    window_days: int | None = None,
    threshold: float = 0.25,
    consensus: Literal["median", "truth_discovery"] = "median",
    mapping: StrPath | dict[str, Any] | Mapping | None = None,
    fx_rates: StrPath | pl.DataFrame | None = None,
    texts: MappingABC[str, str] | pl.DataFrame | None = None,
) -> ReconcileResult:
    """Group claims that measure the same quantity and compare them.

    Parameters
    ----------
    claims
        A claims table (or LazyFrame) from :func:`extract.extract_corpus`.
    currency
        Reporting currency (ISO 4217) that money is converted to.
    per
        Rate period every rate is shown in ("$1.2 billion a year" -> $100 million a month).
        By default rates are compared in one period (a month) and each series (all its time
        windows) is shown in the period most of its figures give (see
        :func:`reconcile.normalise.in_stated_period`): a yearly toll stays yearly.
    window_days
        If given, figures of one series whose dates are further apart than this are judged
        as separate quantities (time windows). By default the whole dated series is one
        quantity and its verdict tells updates (growth) from conflicts; undated figures
        are always a quantity of their own.
    threshold
        Relative gap between best values above which estimates diverge (0.25 = 25%).
    consensus
        ``"median"`` of the independent assertions, or ``"truth_discovery"`` (asserter
        reliability weights, CRH-style; see :mod:`reconcile.compare`).
    mapping
        A YAML file or dict of overrides: extra entity/asserter/concept names, and
        quantity ``merge``, ``split``, ``rename`` (see :func:`reconcile.tables.load_mapping`).
    fx_rates
        An exchange-rate table (currency, start, end, units_per_usd) replacing the shipped one.
    texts
        Document texts (``{doc_id: text}`` or a frame with doc_id and text) in which to look
        for denials and disputes.

    Examples
    --------
    The sample corpus needs no mapping for a first answer: the counts of homes destroyed that
    diverge are placed by the country the text names (a mapping may name the camps instead).

    >>> from extract import extract_corpus
    >>> result = reconcile(extract_corpus())
    >>> result.quantities.filter(pl.col("verdict") == "diverge").select("subject", "concept").row(0)
    ('Veskaria', 'home')
    """
    if threshold <= 0:
        raise ValueError("threshold must be positive (0.25 means 25%)")
    if window_days is not None and window_days < 0:
        raise ValueError("window_days must not be negative")
    frame = _prepare(claims)
    user = load_mapping(mapping)
    tables = load_tables(user)
    fx = load_fx_rates(fx_rates)
    if currency not in set(fx.get_column("currency").to_list()):
        raise ValueError(f"no exchange rates for the reporting currency {currency!r}")
    if frame.height == 0:
        warnings.warn("reconcile: the claims table is empty", stacklevel=2)
        return _empty(frame)

    frame = _deduplicate(frame)
    # (read once, on the input alone: at the end the keys would be copied while the
    # results are held)
    in_order = _in_order(frame)
    # (the documents' event days, read on the input alone, read while nothing else is held)
    events = lead_event_days(frame, _texts(texts) or None)
    # (row numbers of four bytes: a million claims need no more)
    frame = frame.with_columns(pl.int_range(pl.len(), dtype=pl.UInt32).alias(_ROW))
    # (the first step that mixes new columns with the input's chunks copies every column it
    # is given into one chunk: the columns no step reads before assign_keys are not given)
    work = _as_categories(assign_dates(frame.drop(*_UNDATED), texts=_texts(texts) or None))
    # (its row numbers, which no later step reads, are let go)
    work = normalise(work, tables=tables, fx=fx, currency=currency, per=per or "month").drop(
        "_row", *(c for c in _SET_ASIDE if c not in _UNDATED)
    )
    # (the source, read as a number below, what a figure restates, and the title, which
    # assign_keys reads)
    work = _from_input(work, frame, ("attribution", "restates", "title"))
    finite = pl.col("norm_value").is_not_null() & pl.col("norm_value").is_finite()
    # a count of zero or below is noted, but it measures nothing to group or to vote with
    counted = ~((pl.col("value") <= 0) & (pl.col("dimension") == "count"))
    # "thousands of people" gives an order of size, not a count: no figure of a row
    vague = pl.col("surface").fill_null("").str.contains(VAGUE)
    # (each read once for both columns: each use of an expression computes it again)
    work = work.with_columns(_span=_time_span(), _vague=vague).with_columns(
        _threshold=_threshold(work)
    )
    span, threshold_of_group, vague = pl.col("_span"), pl.col("_threshold"), pl.col("_vague")
    work = work.with_columns(
        grouped=~pl.col("boilerplate").fill_null(False)
        & finite
        & counted
        & ~span
        & ~threshold_of_group
        & ~vague
        & pl.col("restates").is_null(),
        group_note=pl.when(pl.col("boilerplate").fill_null(False))
        .then(pl.lit("page furniture, not grouped"))
        .when(~finite)
        .then(pl.lit("no usable value"))
        .when(span)
        .then(pl.lit(TIME_SPAN_NOTE))
        .when(threshold_of_group)
        .then(pl.lit(THRESHOLD_NOTE))
        .when(vague)
        .then(pl.lit(VAGUE_NOTE))
        .when(pl.col("fx_note").is_not_null())
        .then(pl.col("fx_note"))
        .when(pl.col("as_of").is_null())
        .then(pl.lit("no date: compared with other undated figures only"))
        .when((pl.col("value") <= 0) & (pl.col("dimension") == "count"))
        .then(pl.lit("zero or negative count"))
        .otherwise(None),
        **{SOURCE_KEY: source_key()},
    ).drop("_span", "_threshold", "_vague", *_NOTED)
    # (those of the input's columns it does not read that are here; the text it writes that
    # takes few values held as categoricals, as it reads them)
    work = _as_categories(work.drop(*_NOT_KEYED, strict=False))
    # (the texts it writes held as categoricals before the dates are moved, which copy a column)
    work = dated_by_period(_as_categories(assign_keys(work, tables, texts=_texts(texts) or None)))
    work = work.drop(*_KEYS_READ)
    # (the sources' names and outlets, which assign_asserters reads; the other columns set
    # aside come back when a step reads them)
    work = _from_input(work, frame, _SOURCES)
    work = assign_asserters(
        figure_again(work, known_measures(tables)), tables, texts=_texts(texts) or None
    )
    # (the asserters, a name of few values that no step reads as text before the assertions,
    # held as categoricals from here on, as the assertions hold them)
    work = _as_categories(
        echoes_alike(long_run_sources(work.drop(*_SOURCES), _texts(texts) or None))
    ).with_columns(pl.col("asserter").cast(pl.Categorical))
    pattern, lookup = alias_pattern(tables.entities or {"-": []})
    after = (
        pl.col("sentence")
        .fill_null("")
        .str.slice((pl.col("start") - pl.col("sentence_start")).cast(pl.UInt32))
    )
    in_pattern = pattern.replace("\\b(", "\\bin\\s+(?:the\\s+)?(", 1)
    # (the words after each figure cut out only in the sentences that hold the pattern
    # anywhere, its first boundary aside: a match after the figure is one in its sentence)
    anywhere = pl.col("sentence").str.contains(in_pattern.replace("\\bin", "in", 1))
    (read,) = on_rows(
        work,
        anywhere,
        after.str.extract(in_pattern, 1)
        .str.to_lowercase()
        .replace_strict(lookup, default=None)
        .alias("_scope"),
    )
    scope = pl.col("_scope")
    # (a count of those holding a status or still there says so in its label)
    holding = pl.when(pl.col("population") == HOLDING_STATUS).then(pl.lit(HOLDING_STATUS))
    work = (
        work.with_columns(read)
        .with_columns(
            scope=pl.coalesce(pl.when(scope != pl.col("entity")).then(scope), holding).cast(
                pl.Categorical
            )
        )
        .drop("_scope")
    )
    # (the ids, which a split and the windows read)
    work = _from_input(work, frame, ("claim_id",))
    if user.split:
        work = work.with_columns(
            entity=pl.when(pl.col("claim_id").is_in(user.split))
            .then(pl.format("{} (split {})", pl.col("entity"), pl.col("claim_id")))
            .otherwise(pl.col("entity"))
        )
    # (the base of each multiple, which the quantities read from the sentence, read before
    # the sentences leave the working table; and they leave before the strays are set apart,
    # which read none of them)
    # (a figure of no place joins the one place its measure is given for, once the entities,
    # their splits and the sources are read, before the windows group them)
    work = with_remaining(
        with_base(assign_windows(unspecified_filled(work), window_days=window_days))
    )
    # (the series' ids, a few thousand texts of sixteen characters, are read from here on only
    # to be grouped and copied into the quantities: held as categoricals, four bytes a row)
    work = strays_apart(work.drop(*_CHECKED).with_columns(pl.col("series_id").cast(pl.Categorical)))
    # (what the assertions read of the input: their sources, hedges, doubts and restatements)
    work = _from_input(work, frame, ("restates", "doubt"))
    work = _categories_from_input(work, frame, _VOTED_INPUT)
    days = tables.period_days if per is None else None
    work = _to_compare(work, days)
    work, assertions = _asserted(work, made=not user.merge)
    if not user.merge:
        # (the input's columns the quantities do not read leave until the checks)
        work = work.drop(*_UNQUANTIFIED)

    def judged(work: pl.DataFrame, assertions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        side = _side_by_side(work, frame)
        return quantities_table(
            # (with the figures as written: a reader is told them in their own unit)
            _from_input(work, frame, ("value",)),
            assertions,
            threshold=threshold,
            consensus=consensus,
            event_days=events,
            side_by_side=side,
        )

    quantities, assertions = judged(work, assertions)
    if user.merge:
        # (a merged quantity takes the period most of its figures give)
        work = _to_compare(_merge(work, quantities, user).drop("assertion_id"), days)
        work, assertions = _asserted(work, made=True)
        quantities, assertions = judged(work, assertions)
    if user.rename:
        quantities = quantities.with_columns(
            label=pl.when(pl.col("quantity_id").is_in(list(user.rename)))
            .then(pl.col("quantity_id").replace(user.rename))
            .otherwise(pl.col("label").replace(user.rename))
        )
    aside = (*_CHECKED, *(c for c in _UNQUANTIFIED if c not in work.columns))
    work = _for_checks(work.drop(*_QUANTIFIED), frame, aside, in_order=in_order)
    checks = arithmetic_checks(work, quantities, tables)
    found, assertions = stances(_texts(texts), assertions, work, tables)
    # the working columns the output does not show are let go before it is built
    work = with_order(work, _ROW, *(c for c in _output_columns(in_order) if c in work.columns))
    return ReconcileResult(
        claims=_output_claims(frame, work, in_order=in_order),
        quantities=quantities,
        assertions=assertions,
        checks=checks,
        stances=found,
    )


#: Input columns that no step after ``normalise`` reads: they leave the working table
#: before ``assign_keys`` (its working columns do not come on top of them, and every sort
#: would copy them) and come back by row number for the output.
_SET_ASIDE = ("url", "sentence_end", "low", "high", "subject", "from_claim")
#: Columns that ``assign_keys`` is the last to read and gives back (the sources as numbers
#: it is given in place of their text; the title, which it also reads last, it lets go
#: itself): they leave after it.
_KEYS_READ = (SOURCE_KEY,)
#: Input columns that ``assign_keys`` does not read: they leave the working table while it
#: runs (its working columns come on top of them, and each copy it makes of the table would
#: carry them) and come back from the input, by row number, when a step reads them: the
#: sources for ``assign_asserters`` (:data:`_SOURCES`), the ids for ``assign_windows``, and
#: all but the ids leave again until the assertions are made.
_NOT_KEYED = ("attribution", "outlet", "qualifier", "restates", "doubt", "claim_id")
#: The sources' names and outlets, read by ``assign_asserters`` and by the assertions.
_SOURCES = ("attribution", "outlet")
#: Input columns that neither ``assign_dates`` nor ``normalise`` reads: the working table
#: starts without them (they come back by row number when a step reads them, or for the
#: output).
_UNDATED = ("sentence_end", "subject", "title", "attribution", "outlet", "restates", "doubt")
_ROW = "_claim_row"
#: Added text columns that take few distinct values: held as categoricals while reconciling
#: (four bytes a row instead of the text), as the output gives them (``CLAIM_COLUMNS``).
_REPEATED = (
    "as_of_source",
    "entity_source",
    "concept_source",
    "population",
    "period",
    "group_note",
    "norm_unit",
    "norm_per",
    "concept_key",
    "entity",
    "frame_doubt",
    "frame_doubt_word",
)


def _as_categories(work: pl.DataFrame) -> pl.DataFrame:
    """``work`` with those of :data:`_REPEATED` it has (as text) held as categoricals: each
    as soon as the step that writes it is done (a step that rewrites one may give it back as
    text)."""
    # (one column at a time: each text is let go as soon as its categorical is made, where
    # made side by side every text would be held until the last was made)
    for c in [c for c, dtype in work.schema.items() if c in _REPEATED and dtype == pl.String]:
        work = work.with_columns(pl.col(c).cast(pl.Categorical))
    return work


#: Working columns that no step after ``quantities_table`` reads: they leave the working
#: table before the checks (the output does not show them).
_QUANTIFIED = ("series_id", "scope", "as_of_source", "starting_figure", BASE, REMAINING)
#: Input columns that ``quantities_table`` does not read and the checks do: they leave the
#: working table once the assertions are made (unless quantities are merged, which makes
#: them again) and come back from the input, by row number, with :data:`_CHECKED`.
_UNQUANTIFIED = ("claim_id", "doc_id", "surface", "start", "restates", "doubt")
#: Working columns that no step after ``group_note`` reads.
_NOTED = ("fx_note",)
#: Input columns that no step reads between ``assign_windows`` and the checks (the quantities
#: are given the base of each multiple, ``BASE``, read from the sentence before): they leave
#: the working table before the assertions and quantities are made (each copy of it would
#: carry them) and are taken back from the input, by row number, for the checks.
_CHECKED = ("concept", "value", "change", "sentence", "sentence_start", "end")

# input columns that reading the frames rewrites ("500-odd deaths": the unit loses "odd";
# "the $9bn" named again takes the rate of "$9bn a year")
_REWRITTEN = ("unit", "per")


#: Words that make the duration after them a span of time ("dropped 5% during the two
#: months to May", "the worst flood in 30 years", "£9bn over five years"), not a length
#: that is itself reported ("jailed for 10 years", "a six-month ban").
_SPAN_BEFORE = (
    r"(?i)\b(?:during|over|in|within|after|across|throughout|up\s+to)\s+(?:the\s+)?"
    r"(?:(?:past|last|next|first|previous|coming|following|same)\s+)?$"
)


#: Working columns that no step after ``assertions_table`` reads (the output takes the
#: input's own).
_VOTED = (
    "attribution",
    "outlet",
    "published",
    "qualifier",
    "grouped",
)
#: The text columns of :data:`_VOTED`, and the asserter (a name of few values, no longer
#: matched as text): categoricals from the assertions on.
_VOTED_TEXT = ("attribution", "outlet", "qualifier", "asserter")
#: The input's columns of :data:`_VOTED_TEXT`, put back for the assertions as categoricals.
_VOTED_INPUT = ("attribution", "outlet", "qualifier")


#: Dates a figure takes from its document, not its sentence: a year its words name says
#: more about its time than these.
_NOT_THE_FIGURES_DATE = (
    PUBLISHED,
    "the date in the document's address",
    "the latest date the document's sentences give",
)
#: How a figure is dated when its own words name a past year as its period.
YEAR_OF_PERIOD = "a year in the sentence"


def dated_by_period(work: pl.DataFrame) -> pl.DataFrame:
    """``work`` with each figure whose own words name a year as its ``period`` ("830,000
    excess deaths in 2020", "the 2014 record") dated in that year, as a year named in its
    sentence dates a figure: a count of a year that has ended is a figure of that year,
    whenever and by whomever it was published, so two sources' figures of that year are
    estimates of one closed quantity, of one time. The date that year replaces is the
    publication date, a date guessed from the document, or none at all; a date the
    sentence gives within the year is kept."""
    # (the year read once for each distinct period, and the sources of the dates matched as
    # they are held, categoricals: neither is written out as text for every row)
    periods = work.get_column("period").drop_nulls().unique().cast(pl.String).to_frame("p")
    years = periods.with_columns(
        y=pl.col("p").str.extract(r"^((?:1[89]|20)\d{2})$", 1).cast(pl.Int32, strict=False)
    ).drop_nulls("y")
    year = pl.col("period").replace_strict(
        dict(years.iter_rows()), default=None, return_dtype=pl.Int32
    )
    unread = pl.col("as_of_source").is_in(list(_NOT_THE_FIGURES_DATE))
    moved = year.is_not_null() & (
        pl.col("as_of").is_null() | (pl.col("as_of").dt.year() != year) | unread.fill_null(True)
    )
    return work.with_columns(
        as_of=pl.when(moved).then(pl.date(year, 7, 1)).otherwise(pl.col("as_of")),
        as_of_source=pl.when(moved)
        .then(pl.lit(YEAR_OF_PERIOD))
        .otherwise(pl.col("as_of_source"))
        .cast(work.schema["as_of_source"]),
    )


def _assertions_made(work: pl.DataFrame) -> pl.DataFrame:
    """``work`` once the assertions are made: the columns only they read let go."""
    return work.drop(*_VOTED)


def _time_span() -> pl.Expr:
    """Whether a duration is a span of time that dates its sentence (see ``_SPAN_BEFORE``)."""
    duration = pl.col("dimension") == "duration"
    # (the words are read only before durations)
    return duration & pl.when(duration).then(before_figure()).str.contains(_SPAN_BEFORE)


#: A bound right after a plural noun and the word that restricts it ("countries with", "firms
#: employing", "people who earn"): the figure says which members belong to the group the noun
#: names. A plural noun ends in "s" (not "-ss", "-us", nor a two-letter "has", "was") or is one
#: of the common irregular plurals. "of" is left out: "losses of over $1bn", "crowds of more
#: than 10,000" measure the noun before it.
_THRESHOLD_BEFORE = (
    r"(?i)\b(?:[a-z]{2,}[^\Wsu]s|people|children|men|women)\s+"
    r"(?:(?:that|which|who)\s+(?:have|host|employ|earn|house|hold)"
    r"|with|hosting|employing|having|housing|sheltering|earning|holding|taking\s+in)"
    r"\s+(?:between\s+)?$"
)


#: A clause said of the other members of a group ("In other states, the number stays under
#: 100,000", "across the remaining provinces, fewer than 50"): a bound in it holds for each
#: of an unnamed set, so it is a threshold too, not the figure of any one member.
_OTHERS_BEFORE = (
    r"(?i)(?:^|[,;:]\s*|\b(?:in|for|across|among|throughout)\s+)(?:all\s+)?(?:the\s+)?"
    r"(?:other|remaining)\s+[a-z]{2,}[^\Wsu]s\b[^.;]*$"
)
#: Set phrases that open a clause with "other" and name no group.
_NO_OTHERS = r"(?i)\bin\s+other\s+(?:news|words)\b"


def _threshold(work: pl.DataFrame) -> pl.Series:
    """Whether a bounded figure sets the threshold of a group (see ``_THRESHOLD_BEFORE``
    and ``_OTHERS_BEFORE``), not a toll: a state of people after it ("the islands with more than 60 dead", "with at
    least 40 people missing"; the lexicon's ``death_states`` and ``person_states``). (The
    words around a figure read for the bounded figures alone, the words before it once.)"""
    lex = lexicon()
    states = alternation(sorted(lex.death_states | lex.person_states))
    toll_after = rf"(?i)^\s*(?:people\s+|persons\s+)?(?:{states})\b"
    bounded = pl.col("bound").is_in(["lower", "upper", "range"])

    def read(rows: pl.DataFrame) -> pl.DataFrame:
        rows = rows.with_columns(_before=before_figure())
        before = pl.col("_before")
        toll = after_figure().str.contains(toll_after) | pl.col("surface").str.contains(
            rf"(?i)\b(?:{states})$"
        )
        others = before.str.contains(_OTHERS_BEFORE) & ~before.str.contains(_NO_OTHERS)
        group = before.str.contains(_THRESHOLD_BEFORE) | others
        return rows.select(group & ~toll)

    (found,) = read_on_rows(work, bounded, _THRESHOLD_READS, read)
    # (false where the figure is not bounded; where it is, as read, null or not)
    return work.select(bounded.fill_null(False) & pl.lit(found)).to_series().alias("_threshold")


#: The columns :func:`_threshold` reads.
_THRESHOLD_READS = ("sentence", "sentence_start", "start", "end", "surface")


def _in_order(frame: pl.DataFrame) -> bool:
    return sorted_by(frame, "doc_id", "start") is frame


def _output_columns(in_order: bool) -> list[str]:
    """The working columns the output takes: the added ones, and the input's unless the input
    is already in the output's order (``in_order``: its own columns are then used as they
    are)."""
    added = CLAIM_COLUMNS.names()
    return [*_REWRITTEN, *added] if in_order else [*CLAIMS_SCHEMA.names(), *added]


def _output_claims(frame: pl.DataFrame, work: pl.DataFrame, *, in_order: bool) -> pl.DataFrame:
    """The input claims with the added columns, sorted by document and offset. When the
    input is already in that order (``in_order``: each row after the one before), the input's
    columns are used as they are and only the added ones are brought into its order."""
    added = CLAIM_COLUMNS.names()
    if in_order and work.height == frame.height:
        # (the added columns made text before they are set beside the input's: a table of
        # both, its columns cut into the input's chunks, is not rechunked, which would copy
        # every column of the input)
        back = as_text(
            sorted_by(work.select(_ROW, *_REWRITTEN, *added), _ROW).drop(_ROW), CLAIM_COLUMNS
        )
        # (the input's columns taken one by one: a select of a table whose columns are cut
        # into different chunks would copy them all into one)
        kept = pl.DataFrame([frame.get_column(c) for c in CLAIMS_SCHEMA.names()]).drop(*_REWRITTEN)
        return pl.concat([kept, _chunked_like(back, kept)], how="horizontal").select(
            *CLAIMS_SCHEMA.names(), *added
        )
    work = in_series_order(work)
    rows = work.get_column(_ROW)
    work = work.with_columns(
        frame.get_column(c).gather(rows) for c in CLAIMS_SCHEMA.names() if c not in work.columns
    ).select(*CLAIMS_SCHEMA.names(), *added)
    return as_text(work, CLAIM_COLUMNS).sort("doc_id", "start")


def _chunked_like(frame: pl.DataFrame, like: pl.DataFrame) -> pl.DataFrame:
    """``frame`` cut (without copying) into the chunks of ``like``'s columns, when they all
    share one layout (a table read from Parquet comes in one chunk per row group): a table
    of both is then not rechunked, which would copy every column of ``like``."""
    lengths = {tuple(len(c) for c in s.get_chunks()) for s in like.get_columns()}
    if len(lengths) != 1:
        return frame
    (layout,) = lengths
    if len(layout) < 2:
        return frame
    starts = [sum(layout[:i]) for i in range(len(layout))]
    return pl.DataFrame(
        [
            pl.concat([s.slice(a, n) for a, n in zip(starts, layout, strict=True)], rechunk=False)
            for s in frame.get_columns()
        ]
    )


def _deduplicate(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per claim id: repeated ids are dropped with a warning (they would otherwise
    multiply every join on the id)."""
    repeated = frame.height - frame.get_column("claim_id").n_unique()
    if repeated == 0:
        return frame
    warnings.warn(
        f"reconcile: {repeated} rows repeat a claim_id already seen; the first of each is kept",
        stacklevel=3,
    )
    return frame.unique("claim_id", keep="first", maintain_order=True)


def _merge(work: pl.DataFrame, quantities: pl.DataFrame, user: Mapping) -> pl.DataFrame:
    by_label = dict(quantities.select("label", "quantity_id").iter_rows())
    ids = set(quantities.get_column("quantity_id").to_list())
    remap: dict[str, str] = {}
    for rule in user.merge:
        into = str(rule.get("into", ""))
        target = into if into in ids else by_label.get(into)
        members = [str(m) for m in rule.get("members", [])]
        resolved = [m if m in ids else by_label.get(m) for m in members]
        if target is None:
            target = next((r for r in resolved if r is not None), None)
        unknown = [m for m, r in zip(members, resolved, strict=True) if r is None]
        if unknown:
            warnings.warn(f"reconcile mapping: no quantity named {unknown}", stacklevel=3)
        if target is None:
            continue
        for r in resolved:
            if r is not None:
                remap[r] = target
    return work.with_columns(pl.col("quantity_id").replace(remap))
