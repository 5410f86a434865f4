"""Independent assertions, consensus and verdicts.

An *assertion* is one asserter's figure for one quantity: the same figure from the same
camp re-reported by several outlets is one assertion with several reports, and only
assertions vote. A quantity's verdict:

- ``single``: one report, or reports of one document from one source;
- ``diverge``: two named, different sources *conflict* (their intervals do not overlap, an
  exact figure's reaching ``TOLERANCE`` either side of it, or their best values are further
  apart than ``threshold`` of the larger; a lower bound is open upwards) at about the same
  time (``SAME_DAYS``; a figure its source gives again stands until the last day it is
  given for), or a later figure from another source is lower than an earlier one and
  conflicts with it; both sides' frames were read
  from their own words; of a count that only accumulates (``cumulative``: deaths, cases), a
  higher figure of a later day, even the next, is the count updated, not a rival;
- ``uncertain``: such a conflict, but one side's measure, place or date was not read from
  its own words, the two names may be one body, or the figures are over ``SCOPE_RATIO``
  times apart: possibly the same quantity, and no divergence is claimed (``why`` names the
  pair and the doubt);
- ``growth``: no conflict, and figures of different dates differ by more than 5%: counts
  updated over time (a cumulative count that rises, a stock that falls); a date's bound
  beside an exact figure of that date is that figure rounded, not a level of its own;
- ``echo``: no conflict and no change, with one named source only, carried by several
  documents: one assertion repeated, not independent agreement; when that source's own
  figures conflict (as two sources' would to diverge), they are not one figure repeated:
  ``uncertain``;
- ``agree``: otherwise (two or more named sources within tolerance).

A figure that may be misprinted (the claims' ``doubt``: "475,00", whose commas follow no
grouping) is grouped and counted among the reports, but never compared: the verdict,
consensus and range come from the other figures, and when they alone would be ``single``
while other documents or sources report the quantity, the verdict is ``uncertain``. The
``why`` names it ("possibly misprinted: '475,00'") and the ``doubtful`` column lists it.

An unnamed source ("unattributed") may be any source, so it never makes a conflict. A
*stray*, a figure over ``SCOPE_RATIO`` times from the median of three or more, is a misreading
or a count of something else: it is named in ``why`` and set aside from conflicts and growth.

Consensus: ``best`` is the median of the assertions' best values (or, with
``consensus="truth_discovery"``, a weighted median whose weights estimate each asserter's
reliability, CRH-style: an asserter whose figures sit far from the consensus on other
quantities counts less; it assumes asserters err independently and that they share
quantities); ``low``/``high`` are the smallest and largest best values.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from typing import Any, Literal, cast

import polars as pl

from extract.lexicon import lexicon

from .columns import join_beside, kept_in_order, kept_rows, on_rows, set_at_rows
from .frames import HEDGES, before_figure, multiple_base
from .identify import AGAINST, stable_ids
from .labels import DATE_RANK, group_plural, kept_apart, label, noun, shown_scale
from .misprints import Figure, copied_figure
from .schema import ASSERTIONS_SCHEMA, QUANTITIES_SCHEMA
from .sources import candidate_pairs, one_source_judge
from .verdicts import (
    _LEVEL,
    EXTREMES,
    SAME_DAYS,
    SCOPE_RATIO,
    TOLERANCE,
    WHY_LIMIT,
    _by_measure,
    _fmt,
    _judge,
    _stray,
    _verdict,
    _weighted_median,
    independent_sources,
    source_neighbours,
)

#: The quantity columns :func:`_judge` computes, in the order of its rows (plus "sides").
_JUDGED = (
    "quantity_id",
    "n_reports",
    "n_assertions",
    "low",
    "best",
    "high",
    "spread",
    "verdict",
    "n_sources",
)

__all__ = ["BASE", "assertions_table", "quantities_table", "truth_discovery_weights", "with_base"]

Consensus = Literal["median", "truth_discovery"]


#: The claim columns an assertion is made of (the others are not copied while grouping).
_VOTER_COLUMNS = (
    "claim_id",
    "doc_id",
    "quantity_id",
    "asserter",
    "attribution",
    "norm_value",
    "interval_low",
    "interval_high",
    "bound",
    "qualifier",
    "as_of",
    "outlet",
    "published",
)
#: The claim columns an assertion takes from its first report alone (its surface, and its
#: doubt when every report has one): taken from the claims at that report's row once the
#: assertions are made, not copied for every report while grouping.
_FIRST_REPORT_COLUMNS = ("surface", "doubt")


def assertions_table(claims: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Group grouped, non-restating claims into assertions; return (claims, assertions)."""
    # the reports in order of publication (the joins below do not depend on their order)
    # (with the row of each in the claims, where its assertion is set)
    at = kept_rows(
        claims,
        pl.col("quantity_id").is_not_null() & pl.col("restates").is_null(),
        ["published", "doc_id", "start"],
    )
    figure = pl.col("norm_value").round_sig_figs(3)
    # an unnamed report of the figure one named source gives in the same document (a headline
    # over its body) is that source's report
    same: list[str | pl.Expr] = [
        "quantity_id",
        "doc_id",
        figure.alias("_figure"),
        pl.col("bound").alias("_b"),
    ]
    unnamed = pl.col("asserter").cast(pl.String).str.starts_with("unattributed")
    # (the assertions' ids are made on the few columns they read, before the reports' other
    # columns are gathered: the ids' texts and their hashing are not held beside them)
    voters = claims.select("quantity_id", "doc_id", "norm_value", "bound", "asserter")[at]
    named = (
        voters.filter(~unnamed)
        .group_by(same)
        .agg(pl.col("asserter").n_unique().alias("_n"), pl.col("asserter").first().alias("_named"))
        .filter(pl.col("_n") == 1)
        .drop("_n")
    )
    # (only the unnamed reports' keys are joined, and the names found set at their rows)
    looked_up = (
        voters.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"), *same, _u=unnamed)
        .filter("_u")
        .join(named, on=["quantity_id", "doc_id", "_figure", "_b"], how="inner")
    )
    named_at = set_at_rows(
        voters.height, looked_up.get_column("_at"), looked_up.get_column("_named")
    )
    asserter = voters.select(pl.coalesce(named_at, pl.col("asserter")).alias("asserter"))
    key = voters.with_columns(asserter).select(
        pl.concat_str(
            [
                pl.col("quantity_id"),
                pl.col("asserter"),
                figure.cast(pl.String),
                pl.col("bound").cast(pl.String),
            ],
            separator="|",
        ).alias("assertion_id")
    )
    del voters, named, looked_up, named_at
    hashed = stable_ids(key.to_series(), "assertion")
    del key
    keyed = (
        claims.select(
            *(c for c in _VOTER_COLUMNS if c != "asserter"),
            pl.col("doubt").is_not_null().alias("_doubted"),
        )[at]
        .with_columns(asserter.to_series(), hashed, at.alias(_AT))
        .select(_AT, *_VOTER_COLUMNS, "_doubted", "assertion_id")
    )
    del asserter, hashed
    table = (
        keyed.group_by("assertion_id", maintain_order=True)
        .agg(
            pl.col("quantity_id").first(),
            pl.col("asserter").first(),
            pl.col("attribution").drop_nulls().unique(maintain_order=True).alias("asserters"),
            pl.col("as_of").min(),
            pl.col("norm_value").median().alias("best"),
            pl.col("interval_low").max(),
            pl.col("interval_high").min(),
            pl.col("bound").first(),
            pl.col("qualifier").drop_nulls().first(),
            # (the first report's row, where its surface and doubt are taken)
            pl.col(_AT).first().alias("_first_at"),
            # in doubt only when every report of the figure is (one clean print settles it)
            pl.col("_doubted").all().alias("_all_doubted"),
            pl.len().cast(pl.Int64).alias("n_reports"),
            # (the lists of few distinct texts made as categoricals, as the table gives them)
            pl.col("doc_id").cast(pl.Categorical).unique(maintain_order=True).alias("doc_ids"),
            pl.col("outlet").drop_nulls().unique(maintain_order=True).alias("outlets"),
            pl.col("published").min().alias("first_published"),
            pl.col("claim_id").alias("claim_ids"),
        )
        .with_columns(
            disputed_by=pl.lit([], dtype=pl.List(pl.String)),
            weight=pl.lit(1.0),
        )
    )
    first_at = table.get_column("_first_at")
    surface, doubt = (claims.get_column(c).gather(first_at) for c in _FIRST_REPORT_COLUMNS)
    table = table.with_columns(
        surface, pl.when(pl.col("_all_doubted")).then(pl.lit(doubt)).alias("doubt")
    ).drop("_first_at", "_all_doubted")
    del first_at, surface, doubt
    keyed = keyed.select(_AT, "claim_id", "assertion_id", "quantity_id")
    # restatements ride along with the assertion of the figure they restate
    links = keyed.select(
        pl.col("claim_id").alias("restates"),
        pl.col("assertion_id").alias("_a"),
        pl.col("quantity_id").alias("_q"),
    )
    # (only the restating claims are joined; the ids found are set at their claims' rows, in
    # the claims' order, beside the claims: a join of the whole table would copy every column)
    restated = (
        claims.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias(_AT),
            "restates",
            _open=pl.col("quantity_id").is_null(),
        )
        .filter(pl.col("restates").is_not_null())
        .join(links, on="restates", how="inner")
    )
    # (a claim without a quantity takes the quantity of the figure it restates, set at its row
    # alone: the other rows' ids are not written out again)
    given = restated.filter(pl.col("_open") & pl.col("_q").is_not_null())
    quantity = claims.get_column("quantity_id").clone()
    if given.height:
        quantity = quantity.scatter(given.get_column(_AT), given.get_column("_q"))
    # (the reports' rows and the restating claims' are apart: a report restates nothing; the
    # ids of both are set in one column, not each in its own and the two then merged)
    assertion_id = set_at_rows(
        claims.height,
        pl.concat([keyed.get_column(_AT), restated.get_column(_AT)]),
        pl.concat([keyed.get_column("assertion_id"), restated.get_column("_a")]),
    )
    restating_row = set_at_rows(
        claims.height, restated.get_column(_AT), restated.get_column(_AT).is_not_null()
    )
    ids = claims.select(
        quantity,
        pl.when(restating_row.is_not_null())
        .then(pl.lit("restates another figure: counted with it"))
        .otherwise(pl.col("group_note"))
        .alias("group_note"),
        assertion_id.alias("assertion_id"),
    )
    # (the reports' ids and the links, set at the claims' rows, are let go)
    del keyed, links, restated, assertion_id, restating_row
    out = claims.with_columns(ids)
    restating = kept_in_order(
        out,
        pl.col("restates").is_not_null() & pl.col("assertion_id").is_not_null(),
        *("claim_id", "restates", "assertion_id"),
    )
    if restating.height:
        extra = restating.group_by("assertion_id").agg(pl.col("claim_id").alias("_extra"))
        # (set beside the assertions: a join would copy every column)
        table = (
            join_beside(table, extra, "assertion_id")
            .with_columns(claim_ids=pl.concat_list("claim_ids", pl.col("_extra").fill_null([])))
            .drop("_extra")
        )
    return out, table.select(ASSERTIONS_SCHEMA.names()).cast(ASSERTIONS_SCHEMA)


#: The row of a report in the claims table (set on the reports while they are voted).
_AT = "_row_in_claims"


def truth_discovery_weights(assertions: pl.DataFrame, *, rounds: int = 10) -> dict[str, float]:
    """CRH-style asserter weights from quantities with at least two asserters."""
    shared = assertions.filter(pl.col("asserter").n_unique().over("quantity_id") >= 2)
    if shared.height == 0:
        return {}
    rows = shared.select("quantity_id", "asserter", "best").rows()
    asserters = sorted({a for _, a, _ in rows})
    weights = dict.fromkeys(asserters, 1.0)
    by_q: dict[str, list[tuple[str, float]]] = {}
    for q, a, b in rows:
        if b is not None and b > 0:
            by_q.setdefault(q, []).append((a, math.log(b)))
    for _ in range(rounds):
        truth = {
            q: _weighted_median([(v, weights[a]) for a, v in items]) for q, items in by_q.items()
        }
        loss = dict.fromkeys(asserters, 1e-9)
        for q, items in by_q.items():
            spread = max(v for _, v in items) - min(v for _, v in items) or 1.0
            for a, v in items:
                loss[a] += abs(v - truth[q]) / spread
        total = sum(loss.values())
        weights = {a: max(-math.log(loss[a] / total), 1e-6) for a in asserters}
    top = max(weights.values())
    return {a: w / top for a, w in weights.items()}


#: The claim columns that describe a quantity (the others are not copied while judging).
_DESCRIBED = (
    "quantity_id",
    "series_id",
    "entity",
    "concept_key",
    "dimension",
    "norm_unit",
    "norm_per",
    "is_delta",
    "as_of",
    "concept_source",
    "entity_source",
    "scope",
    "unit",
    "population",
    "period",
)


def quantities_table(
    claims: pl.DataFrame,
    assertions: pl.DataFrame,
    *,
    threshold: float,
    consensus: Consensus,
    event_days: dict[str, dt.date] | None = None,
    side_by_side: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One row per quantity with consensus, spread, verdict and why; returns (quantities,
    assertions). ``event_days``: each report's event day, when the corpus tells of events far
    apart (:func:`reconcile.events.lead_event_days`)."""
    if consensus == "truth_discovery":
        weights = truth_discovery_weights(assertions)
        assertions = assertions.with_columns(
            weight=pl.col("asserter").replace_strict(weights, default=1.0, return_dtype=pl.Float64)
        )
    dating = [c for c in ("as_of_source", "frame_sure", "starting_figure") if c in claims.columns]
    grouped = kept_in_order(
        claims if BASE in claims.columns else with_base(claims),
        pl.col("quantity_id").is_not_null(),
        *_DESCRIBED,
        "_base",
        *dating,
        # (the figures as written, where given: the unit a reader is told them in)
        *(("value", "norm_value") if "value" in claims.columns else ()),
    )
    meta = grouped.group_by("quantity_id").agg(
        pl.col("series_id").first(),
        pl.col("entity").first().alias("subject"),
        pl.col("concept_key").first().alias("concept"),
        pl.col("dimension").cast(pl.String).first(),
        pl.coalesce(
            pl.col("norm_unit"),
            pl.when(pl.col("dimension") == "count").then(pl.col("concept_key")),
        )
        .first()
        .alias("unit"),
        pl.col("norm_per").first().alias("per"),
        pl.col("is_delta").first(),
        pl.col("as_of").min().alias("as_of_start"),
        pl.col("as_of").max().alias("as_of_end"),
        pl.col("concept_source").mode().sort().first(),
        pl.col("entity_source").mode().sort().first(),
        pl.col("scope").drop_nulls().mode().sort().first(),
        # (one group and one period a quantity: its series is read with them)
        pl.col("population").first().cast(pl.String).alias("_group"),
        pl.col("period").first().cast(pl.String).alias("_period"),
        pl.col("unit").drop_nulls().first().str.to_lowercase().alias("_written"),
        *shown_scale(written="value" in grouped.columns),
        (DATE_RANK if "as_of_source" in grouped.columns else pl.lit(0, pl.Int8))
        .max()
        .alias("_precision"),
        _unbased=(pl.col("unit") == "times").any()
        & ((pl.col("_base").null_count() > 0) | ~_one_base(pl.col("_base"))),
    )
    del grouped  # (its copy of the claims' columns is let go before the assertions are judged)
    rows = []
    needed = [
        "quantity_id",
        "asserter",
        "as_of",
        "best",
        "interval_low",
        "interval_high",
        "qualifier",
        "bound",
        "n_reports",
        "weight",
        "doc_ids",
        "sure",
        "doubt",
        "surface",
    ]
    frame_sure = pl.col("frame_sure") if "frame_sure" in claims.columns else pl.lit(True)
    # a guessed date is not sure (``GUESSED_DATES``); nor is a time the sentence gives that
    # cannot be resolved ("said last year" in a document with no date): it is of another
    # time than the document's other figures, but of which one is not known
    dated_sure = (
        ~pl.col("as_of_source").is_in(list(GUESSED_DATES))
        & ~(pl.col("as_of").is_null() & (pl.col("as_of_source") != "no date"))
        if "as_of_source" in claims.columns
        else pl.lit(True)
    )
    # the X of "fell from X to Y" is of some earlier time the sentence does not give: set
    # against another source's figure it is possibly of another date, never a sure rival
    if "starting_figure" in claims.columns:
        dated_sure = dated_sure & ~pl.col("starting_figure").fill_null(False)
    # one report whose words name the figure's measure and place makes the assertion sure
    # of them, and one of the date the assertion takes whose date is sure, of its date: its
    # other reports repeat the same source's same figure
    at_date = pl.col("as_of").eq_missing(pl.col("as_of").min())
    sure = (
        claims.select("assertion_id", *dating, "as_of")
        .filter(pl.col("assertion_id").is_not_null())
        .group_by("assertion_id")
        .agg(
            (frame_sure.fill_null(True).any() & (dated_sure.fill_null(True) & at_date).any()).alias(
                "sure"
            ),
            # the last day a report gives the figure for: the source still stands by it then
            pl.col("as_of").max().alias("_last"),
        )
    )
    # (joined on the key alone and set beside the assertions: see reconcile.columns)
    found = assertions.select("assertion_id").join(
        sure, on="assertion_id", how="left", maintain_order="left"
    )
    voted = assertions.with_columns(found.get_column("sure").fill_null(True), found["_last"])
    voted = (
        voted.join(side_by_side, on="assertion_id", how="left", maintain_order="left")
        if side_by_side is not None
        else voted.with_columns(_sentences=pl.lit(None, dtype=pl.List(pl.UInt64)))
    )
    voted = voted.select(*needed, "_last", "_sentences").with_columns(_by_measure(claims))
    # (each figure told in the unit its quantity's reports write most: see _shown_scale)
    voted = join_beside(voted, meta.select("quantity_id", "_shown_factor"), "quantity_id")
    # (an id and a flag per assertion, let go before the assertions are judged)
    del sure, found
    voted = _with_event_days(voted, event_days or {})
    # the order is found on its keys alone, and each part's rows gathered once (sorting the
    # table, then filtering it, would copy every column twice)
    placed = (
        voted.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"),
            "quantity_id",
            "as_of",
            "best",
            pl.col("doubt").is_not_null().alias("_doubt"),
        )
        .sort("quantity_id", "as_of", "best", nulls_last=True)
        .select("_at", "_doubt")
    )
    # a figure that may be misprinted is grouped but not compared (see _with_doubtful)
    doubtful = voted[placed.filter("_doubt").get_column("_at")]
    # (without the columns only a doubtful figure's note reads)
    ordered = voted.drop("doubt", "surface")[placed.filter(~pl.col("_doubt")).get_column("_at")]
    del voted, placed
    if consensus == "truth_discovery":
        rows = [_judge(group, threshold=threshold, weighted=True) for group in _groups(ordered)]
    else:
        rows = _judge_all(ordered, threshold=threshold)
    rows = _with_doubtful(rows, doubtful, ordered)
    judged = pl.DataFrame(
        rows,
        schema={c: QUANTITIES_SCHEMA[c] for c in _JUDGED}
        | {"sides": pl.String, "doubtful": QUANTITIES_SCHEMA["doubtful"]},
        orient="row",
    )
    # (the assertions judged, a copy of their columns, let go before the table is written)
    del rows, ordered, doubtful
    table = _unbased_multiples(meta.join(judged, on="quantity_id", how="inner"))
    table = table.with_columns(noun=noun())
    table = table.with_columns(group_plural(table))
    label_text = label()
    why = pl.format(
        "{}. Grouped as {} (entity from {}), {} (from {}){}{}, {} in {}, dated {} to {}.",
        pl.col("sides"),
        pl.col("subject"),
        pl.col("entity_source"),
        pl.col("concept"),
        pl.col("concept_source"),
        pl.format(", counting {} only", pl.col("_groups")).fill_null(""),
        pl.format(", of the period '{}'", pl.col("_period")).fill_null(""),
        pl.col("dimension"),
        pl.col("unit").fill_null("no unit"),
        pl.col("as_of_start").cast(pl.String).fill_null("?"),
        pl.col("as_of_end").cast(pl.String).fill_null("?"),
    )
    order = pl.col("verdict").replace_strict(
        {"diverge": 0, "uncertain": 1, "growth": 2, "agree": 3, "echo": 4, "single": 5},
        return_dtype=pl.Int32,
    )
    table = table.with_columns(label=label_text, why=why)
    table = table.with_columns(why=pl.col("why") + kept_apart(table))
    table = (
        table.sort(order, pl.col("spread").fill_null(1.0), descending=[False, True])
        .select(QUANTITIES_SCHEMA.names())
        .cast(QUANTITIES_SCHEMA)
    )
    return table, assertions


#: The base each multiple is set against, as a key (:func:`with_base`): a working column that
#: :func:`quantities_table` reads (and makes when its claims do not have it).
BASE = "_base"


def with_base(claims: pl.DataFrame) -> pl.DataFrame:
    """``claims`` with ``_base``, the base each multiple is set against
    (:func:`reconcile.frames.multiple_base`) as a key: its number words in digits, so that
    "the ten-year average" and "the 10-year average" are one base. A base the concept names
    ("death against the official count", :mod:`reconcile.identify`) stands first: it was
    read where the multiple's own words name none ("five times higher.")."""
    concepts = claims.get_column("concept_key").drop_nulls().unique().cast(pl.String)
    against = {c: c.split(AGAINST, 1)[1] for c in concepts.to_list() if AGAINST in c}
    named = pl.col("concept_key").cast(pl.String).replace_strict(against, default=None)
    # (a base is read for the multiples alone, the rows whose unit is "times": the words after
    # every other figure are not cut out and matched to give nulls)
    (base,) = on_rows(
        claims,
        pl.col("unit") == "times",
        (pl.coalesce(named, multiple_base()) if against else multiple_base()).alias("_base"),
    )
    claims = claims.with_columns(base)
    written = claims.get_column("_base").drop_nulls().unique().to_list()
    keys = {str(b): base_key(str(b)) for b in written}
    return claims.with_columns(
        _base=pl.col("_base").replace_strict(keys, default=None, return_dtype=pl.String)
    )


def _one_base(base: pl.Expr) -> pl.Expr:
    """Whether a quantity's multiples (in an aggregation, ``base`` their keys, none null)
    are set against one base: each key is the longest's first words. A base is read as
    up to three words after "the" or "than", so the same base may run on into the next
    words ("the 10-year average" and "the 10-year average recorded"). A shorter base of
    one word is too vague to stand for a longer one ("the average" and "the average
    wage"), and two bases that differ within their words ("average" and "peak") are two."""
    longest = base.sort_by(base.str.len_chars()).last()
    spaced = pl.concat_str(longest, pl.lit(" "))
    begins = spaced.str.starts_with(pl.concat_str(base, pl.lit(" ")))
    return (begins & ((base == longest) | base.str.contains(" "))).all()


def base_key(base: str) -> str:
    """A multiple's base as one key however its numbers are written: its number words in
    digits ("ten-year average" -> "10-year average", "twenty-five" -> "25"); the other words
    as they are."""
    return _NUMBER_WORDS.sub(_in_digits, base)


def _in_digits(found: re.Match[str]) -> str:
    """One word or hyphened pair of :data:`_NUMBER_WORDS` in digits where they are number
    words: a tens word and a unit word make one number ("twenty-five")."""
    words = lexicon().number_words
    first, second = found.group(1), found.group(2)
    a = words.get(first.lower())
    b = words.get(second.lower()) if second else None
    if a is not None and b is not None and a >= 20 and a % 10 == 0 and 0 < b < 10:
        return str(a + b)
    head = str(a) if a is not None else first
    return head if second is None else f"{head}-{b if b is not None else second}"


#: A word, or two joined by a hyphen, between word edges ("ten", "twenty-five", "ten-year").
_NUMBER_WORDS = re.compile(r"(?<![\w'])([A-Za-z]+)(?:-([A-Za-z]+))?(?![\w'])")


#: The verdicts that compare a quantity's figures with each other.
_COMPARING = ("diverge", "growth", "agree")


def _unbased_multiples(table: pl.DataFrame) -> pl.DataFrame:
    """``table`` (quantities with ``_unbased``) with the multiples whose bases were not all
    read, and read the same, made ``uncertain`` where their figures were compared: "5
    times" and "13 times" are two figures only against one base (a multiple's value depends
    on its base), so neither growth, agreement nor divergence can be told."""
    compared = pl.col("_unbased") & pl.col("verdict").cast(pl.String).is_in(_COMPARING)
    return table.with_columns(
        verdict=pl.when(compared).then(pl.lit("uncertain")).otherwise(pl.col("verdict")),
        sides=pl.when(compared)
        .then(
            pl.col("sides")
            + " — multiples whose bases were not read as one (what each is so many times of):"
            " not compared"
        )
        .otherwise(pl.col("sides")),
    )


#: Ways of dating a figure that guess its time rather than read it: a document with no
#: publication date takes the latest date its sentences give, which may be an event long
#: before the figure ("since 3 March ..."). Such a figure never makes a divergence.
GUESSED_DATES = ("the latest date the document's sentences give",)


def _groups(ordered: pl.DataFrame) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``ordered`` (sorted by quantity) as one list per quantity."""
    current: list[dict[str, Any]] = []
    for row in ordered.iter_rows(named=True):
        if current and row["quantity_id"] != current[0]["quantity_id"]:
            yield current
            current = []
        current.append(row)
    if current:
        yield current


#: The words right before a figure that make it the level a change started from ("up from
#: the 12 the police gave", "down from about 900"): a sentence that holds one tells of a
#: change, not of two rivals.
_FROM_BEFORE = rf"(?i)(?-u:\b)from\s+(?:(?:the|a|an|its|their)\s+)?(?:{HEDGES}\s+)?[^\w\s]?$"
#: The columns :func:`side_by_side` reads of the claims that share a sentence.
SIDE_BY_SIDE_READS = ("change", "sentence", "sentence_start", "start")
#: A working column: a number for each sentence (one per document and start).
SENTENCE = "_sentence"


def shared_sentences(claims: pl.DataFrame) -> pl.DataFrame:
    """The rows of ``claims`` (``quantity_id``, ``assertion_id``, ``SENTENCE``) whose
    sentence holds figures of two assertions of their quantity."""
    keys = ["quantity_id", SENTENCE]
    return claims.filter(
        pl.col("assertion_id").is_not_null() & (pl.col("assertion_id").n_unique().over(keys) > 1)
    )


def side_by_side(shared: pl.DataFrame) -> pl.DataFrame | None:
    """``assertion_id`` -> ``_sentences``: the sentences where an assertion's figure stands
    beside another assertion's figure of the same quantity, as in "the council said it would
    cost 210 million, more than twice the government's estimate of 85 million". A writer who
    sets two sources' figures side by side gives them as rivals at the sentence's time,
    whenever each was first given (:func:`reconcile.verdicts._side_by_side`); but a sentence
    that tells of a change (a figure changed, replaced, or the level a change started from:
    "31, up from the 12 given on Monday") sets none side by side. None when no sentence
    does. ``shared``: :func:`shared_sentences` with ``SIDE_BY_SIDE_READS`` and, where they
    are read, ``starting_figure`` and ``superseded``."""
    keys = ["quantity_id", SENTENCE]
    changed = pl.col("change").is_not_null() | before_figure().str.contains(_FROM_BEFORE)
    for flag in ("starting_figure", "superseded"):
        if flag in shared.columns:
            changed = changed | pl.col(flag).fill_null(False)
    levels = shared.filter(~changed.any().over(keys))
    if levels.is_empty():
        return None
    return levels.group_by("assertion_id").agg(pl.col(SENTENCE).unique().alias("_sentences"))


def _with_event_days(voted: pl.DataFrame, days: dict[str, dt.date]) -> pl.DataFrame:
    """``_events``: the days of the events each assertion's reports tell of
    (:func:`reconcile.events.lead_event_days`), when the corpus tells of events far apart;
    otherwise the rows are left as they are."""
    if not days:
        return voted
    of_doc = pl.element().replace_strict(days, default=None, return_dtype=pl.Date)
    return voted.with_columns(
        _events=pl.col("doc_ids").list.eval(of_doc.drop_nulls().unique().sort())
    )


def _judge_all(ordered: pl.DataFrame, *, threshold: float) -> list[tuple[object, ...]]:
    """:func:`_judge` of every quantity, with the counts and medians computed by Polars and
    only the rows a verdict can turn on handed to Python: the first ``WHY_LIMIT`` (they are
    spelled out) and the ``EXTREMES`` lowest and highest of the named sources' extremes
    (ties kept; the only figures ``_candidates`` pairs), strays (``_stray``) left out.
    Whether figures changed over time (``_changed``) is computed by Polars from each date's
    level. Judging all rows gives the same verdicts up to the order of tied figures."""
    named = ~pl.col("asserter").cast(pl.String).str.starts_with("unattributed")
    if "_scope" not in ordered.columns:  # (rows given with no measure read: the usual ratio)
        ordered = ordered.with_columns(_scope=pl.lit(SCOPE_RATIO))
    frame = ordered.with_row_index("_i")
    stats = frame.group_by("quantity_id").agg(
        pl.col("n_reports").sum().alias("_n_reports"),
        pl.len().alias("_n_rows"),
        pl.col("best").min().alias("_low"),
        pl.col("best").median().alias("_best"),
        pl.col("best").max().alias("_high"),
        pl.col("best").median().alias("_mid"),
        pl.col("best").count().alias("_n_valued"),
        pl.col("asserter").filter(named).unique().alias("_sources"),
        pl.col("doc_ids").explode().drop_nulls().n_unique().alias("_n_docs"),
        pl.col("doc_ids").filter(named).explode().drop_nulls().n_unique().alias("_named_docs"),
    )
    best = pl.col("best")
    # a figure far from the rest of its quantity is set aside (``_stray``): it is neither
    # paired nor a change
    # (only the columns the steps below read: a filter copies every column it keeps, and
    # ``doc_ids`` is a list per row)
    valued = (
        frame.select("_i", "quantity_id", "as_of", "asserter", "best", "bound", "_scope")
        .drop_nulls("best")
        .filter(
            ~_stray(
                best,
                best.median().over("quantity_id"),
                pl.len().over("quantity_id"),
                pl.col("_scope"),
            )
        )
    )
    lowest = pl.col("_i").filter(best == best.min()).first().alias("_lo")
    highest = pl.col("_i").filter(best == best.max()).last().alias("_hi")
    # each named source's extremes of each date, of which only the EXTREMES lowest and
    # highest (ties kept) can be paired by _candidates
    sources = (
        valued.filter(named)
        .group_by("quantity_id", "as_of", "asserter")
        .agg(lowest, highest)
        .unpivot(index=[], on=["_lo", "_hi"], value_name="_i")
        .select("_i")
        .unique()
    )
    day = ["quantity_id", "as_of"]
    ends = (
        frame.select("_i", *day, "best")
        .join(sources, on="_i", how="semi")
        .filter(
            (best.rank("min").over(day) <= EXTREMES) | ((-best).rank("min").over(day) <= EXTREMES)
        )
        .select("_i")
    )
    first = (
        frame.select("_i", "quantity_id")
        .filter(pl.int_range(pl.len()).over("quantity_id") < WHY_LIMIT)
        .select("_i")
    )
    keep = pl.concat([ends, first]).unique().get_column("_i").sort()
    stats = join_beside(stats, _changed_by_quantity(valued, TOLERANCE), "quantity_id")
    # (copies let go before the rows are gathered and read into Python)
    del valued, sources, ends, first
    # (``_i`` is the row number: the rows are gathered once, without the lists no verdict reads)
    kept = frame.drop("doc_ids", "weight")[keep]
    del keep
    one_source = one_source_judge()
    # (the quantities in the order of their rows, sorted by quantity: each one's facts read
    # into Python as its rows are judged, not a dictionary of every quantity's held through)
    stats = stats.sort("quantity_id", nulls_last=True)
    names = [of_quantity or [] for of_quantity in stats.get_column("_sources").to_list()]
    neighbours = source_neighbours(names, one_source, candidates=candidate_pairs)
    counted = [
        independent_sources(of_quantity, one_source, neighbours=neighbours) for of_quantity in names
    ]
    del names, neighbours
    stats = stats.drop("_sources").with_columns(pl.Series("_n_sources", counted, dtype=pl.Int64))
    facts = _in_turn(stats)
    return [
        _verdict(group, facts(group[0]["quantity_id"]), threshold=threshold, one_source=one_source)
        for group in _groups(kept)
    ]


def _in_turn(stats: pl.DataFrame) -> Callable[[object], dict[str, Any]]:
    """The row of ``stats`` (sorted by ``quantity_id``) of a quantity, as a dictionary, for
    quantities asked in that order: each row is read once, as the reading passes it (a
    quantity asked out of that order is looked up)."""
    rows = stats.iter_rows(named=True)

    def of(quantity: object) -> dict[str, Any]:
        for row in rows:
            if row["quantity_id"] == quantity:
                return row
        return stats.row(by_predicate=pl.col("quantity_id").eq_missing(quantity), named=True)

    return of


def _with_doubtful(
    rows: list[tuple[object, ...]], doubtful: pl.DataFrame, judged: pl.DataFrame
) -> list[tuple[object, ...]]:
    """The rows judged from ``judged`` with ``doubtful``, the figures that may be misprinted,
    added back: counted among the quantity's reports and assertions, never in its consensus,
    range or verdict, and named in its ``why`` and ``doubtful`` column. Reports from two
    documents or sources that could only be compared through such a figure are
    ``uncertain`` (one clean figure, or none, to compare); every row gains the ``doubtful``
    column (empty when none)."""
    by_quantity: dict[str, list[dict[str, Any]]] = {}
    for r in doubtful.iter_rows(named=True):
        by_quantity.setdefault(str(r["quantity_id"]), []).append(r)
    clean = (
        judged.filter(pl.col("quantity_id").is_in(list(by_quantity)))
        .group_by("quantity_id")
        .agg(
            pl.col("doc_ids").explode().drop_nulls().unique(),
            pl.col("asserter").unique(),
            pl.struct("asserter", "as_of", "best").alias("_figures"),
        )
    )
    seen = {
        q: (set(d), set(a), [Figure(f["asserter"], f["as_of"], f["best"]) for f in figures])
        for q, d, a, figures in clean.iter_rows()
    }
    out: list[tuple[object, ...]] = []
    for row in rows:
        extra = by_quantity.pop(str(row[0]), [])
        out.append(_add_doubtful(row, extra, seen.get(str(row[0]))) if extra else (*row, []))
    for qid, extra in by_quantity.items():  # quantities of doubtful figures only
        empty = (qid, 0, 0, None, None, None, None, "single", 0, "")
        out.append(_add_doubtful(empty, extra, None))
    return out


def _add_doubtful(
    row: tuple[object, ...],
    extra: list[dict[str, Any]],
    seen: tuple[set[str], set[str], list[Figure]] | None,
) -> tuple[object, ...]:
    """One judged row (``_JUDGED`` and sides) with ``extra``, its doubtful assertions;
    ``seen``: the documents, asserters and figures of its clean assertions. A doubtful
    figure that copies a clean one (:func:`reconcile.misprints.copied_figure`) is one more
    report of it: with only copies beside one clean figure, the verdict is an echo (or
    agreement, when the copies come from other named sources), not uncertain."""
    qid, n_reports, n_rows, low, best, high, spread, verdict, n_sources, sides = row
    docs, asserters, figures = seen or (set(), set(), [])
    docs |= {d for r in extra for d in (r["doc_ids"] or [])}
    asserters |= {str(r["asserter"]) for r in extra}
    named = {a for a in asserters if not a.startswith("unattributed")}
    reports = cast(int, n_reports) + sum(int(r["n_reports"]) for r in extra)
    copies = [
        copied_figure(
            Figure(str(r["asserter"]), r["as_of"], r["best"]),
            figures,
            tolerance=TOLERANCE,
            days=SAME_DAYS,
        )
        for r in extra
    ]
    if verdict == "single" and reports > 1 and (len(docs) > 1 or len(named) > 1):
        # reports to compare, but only through a doubtful figure, unless each copies one
        copied = all(c is not None for c in copies)
        verdict = ("agree" if len(named) > 1 else "echo") if copied else "uncertain"
        if verdict == "echo" and named:
            sides = f"one source ({min(named)}) carried by {len(docs)} documents: {sides}"
    printed = [_printed(str(r["surface"])) for r in extra]
    note = "; ".join(
        f"possibly misprinted: '{p}' ({r['asserter']}, {r['doubt']}; "
        f"{r['n_reports']} report{'s' if r['n_reports'] != 1 else ''})"
        + (f", the digits of {_fmt(c.value)} slipped" if c is not None else "")
        + ", not compared"
        for p, r, c in zip(printed, extra, copies, strict=True)
    )
    return (
        qid,
        reports,
        cast(int, n_rows) + len(extra),
        low,
        best,
        high,
        spread if cast(int, n_rows) >= 2 else None,  # a spread of one figure is none
        verdict,
        n_sources or len(named),
        f"{sides}; {note}" if sides else note,
        printed,
    )


#: The digits of a figure as printed, in a claim's surface ("61,24" of "$61,24 a day").
_DIGITS_PRINTED = re.compile(r"\d[\d,.]*\d|\d")


def _printed(surface: str) -> str:
    """A doubtful figure as printed: its digits, without the hedge, sign or unit around them."""
    found = _DIGITS_PRINTED.search(surface)
    return found.group() if found else surface


def _changed_by_quantity(valued: pl.DataFrame, share: float) -> pl.DataFrame:
    """quantity_id -> ``_changed``: :func:`_changed` of each quantity's valued rows, from
    each date's level (``_LEVEL``), its lowest and highest figure (a date's figures are set
    against the highest and lowest of the other dates: the largest, else the second largest
    when it is its own)."""
    spans = (
        valued.filter(_LEVEL)
        .group_by("quantity_id", "as_of")
        .agg(pl.col("best").min().alias("_lo"), pl.col("best").max().alias("_hi"))
    )
    low, high, q = pl.col("_lo"), pl.col("_hi"), "quantity_id"
    top = (
        pl.when(high < high.max().over(q))
        .then(high.max().over(q))
        .otherwise(high.top_k(2).min().over(q))
    )
    bottom = (
        pl.when(low > low.min().over(q))
        .then(low.min().over(q))
        .otherwise(low.bottom_k(2).max().over(q))
    )

    def apart(x: pl.Expr, y: pl.Expr) -> pl.Expr:
        return (x - y).abs() > share * pl.max_horizontal(x.abs(), y.abs())

    return (
        spans.with_columns(_apart=apart(low, top) | apart(high, bottom))
        .group_by(q)
        .agg((pl.col("_apart").any() & (pl.len() >= 2)).alias("_changed"))
    )
