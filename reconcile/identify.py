"""Which real-world quantity each claim measures, who asserts it and as of when.

A quantity is: an entity (whom it is about) + a concept (what is measured) + a dimension
and unit + a rate period + whether it is a level or a change, within a window of time.
Every step is a vectorised Polars expression so that millions of claims go through in
seconds, and every step leaves words behind that explain it.
"""

from __future__ import annotations

import hashlib
import re

import polars as pl

from .tables import Tables, alias_pattern

__all__ = ["assign_asserters", "assign_dates", "assign_keys", "assign_windows", "stable_id"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_YEAR = r"(?i)\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?,?\s+(\d{4})\b"
_IN_YEAR = r"(?i)\b(?:in|during|since|by|as of|for)\s+((?:19|20)\d{2})\b"


def stable_id(*parts: object) -> str:
    """A short hash of the parts: the same inputs give the same id in every run."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def _canonical(column: pl.Expr, aliases: dict[str, list[str]]) -> tuple[pl.Expr, pl.Expr]:
    """(first canonical name found in ``column``, all canonical names found, as a list)."""
    pattern, lookup = alias_pattern(aliases)
    first = column.str.extract(pattern, 1).str.to_lowercase().replace_strict(lookup, default=None)
    # every mention, except places in a phrase ("in Ukraine"): those are scope, not actors
    located = (
        pattern.replace(
            "\\b(", "\\b((?:(?:in|into|across|at|throughout|inside)\\s+(?:the\\s+)?)?(?:", 1
        )
        + ")"
    )
    every = (
        column.str.extract_all(located)
        .list.eval(
            pl.element()
            .filter(~pl.element().str.contains(r"(?i)^(?:in|into|across|at|throughout|inside)\s"))
            .str.to_lowercase()
            .replace_strict(lookup, default=None)
        )
        .list.drop_nulls()
    )
    return first, every


def assign_dates(claims: pl.DataFrame) -> pl.DataFrame:
    """``as_of``: a month and year in the sentence, "last month"/"last year", else the
    publication date; ``starting_figure``: the X of "from X to Y" (its date is earlier than
    the sentence says, and is settled when windows are made)."""
    sentence = pl.col("sentence").fill_null("")
    found = claims.select(
        sentence.str.extract_groups(_MONTH_YEAR).alias("_my"),
        sentence.str.extract(_IN_YEAR, 1).cast(pl.Int32, strict=False).alias("_in_year"),
        sentence.str.extract(r"(?i)\blast (month|year)\b", 1).str.to_lowercase().alias("_last"),
    ).unnest("_my")
    month = (
        found.get_column("1")
        .str.to_lowercase()
        .replace_strict(_MONTHS, default=None, return_dtype=pl.Int32)
    )
    year = found.get_column("2").cast(pl.Int32, strict=False)
    frame = claims.with_columns(
        _month=month,
        _year=year,
        _in_year=found.get_column("_in_year"),
        _last=found.get_column("_last"),
    )
    published = pl.col("published")
    dated = pl.col("_month").is_not_null() & pl.col("_year").is_not_null()
    in_year = pl.col("_in_year").is_not_null() & (
        pl.col("_in_year") < published.dt.year().fill_null(9999)
    )
    before = sentence.str.slice(0, (pl.col("start") - pl.col("sentence_start")).cast(pl.UInt32))
    frame = frame.with_columns(
        as_of=pl.when(dated)
        .then(pl.date(pl.col("_year"), pl.col("_month"), 1))
        .when(pl.col("_last") == "month")
        .then(published.dt.offset_by("-1mo"))
        .when(pl.col("_last") == "year")
        .then(published.dt.offset_by("-1y"))
        .when(in_year)
        .then(pl.date(pl.col("_in_year"), 7, 1))
        .otherwise(published),
        as_of_source=pl.when(dated)
        .then(pl.lit("a date in the sentence"))
        .when(pl.col("_last").is_not_null())
        .then(pl.lit("'last month/year' before publication"))
        .when(in_year)
        .then(pl.lit("a year in the sentence"))
        .when(published.is_not_null())
        .then(pl.lit("the publication date"))
        .otherwise(pl.lit("no date")),
        starting_figure=(
            before.str.contains(r"(?i)\bfrom\s*$")
            | pl.col("surface").str.contains(r"(?i)^from\s")
            | pl.col("claim_id").is_in(pl.col("from_claim").drop_nulls().implode())
        )
        & pl.col("change").is_null(),
        is_delta=pl.col("change").is_not_null() & ~before.str.contains(r"(?i)\bto\s*$"),
    )
    return frame.drop("_month", "_year", "_in_year", "_last")


def assign_keys(claims: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """``entity`` and ``concept_key``, with the words that chose them."""
    subject_entity, _ = _canonical(pl.col("subject").fill_null(""), tables.entities)
    _, sentence_entities = _canonical(pl.col("sentence").fill_null(""), tables.entities)
    _, title_entities = _canonical(pl.col("title").fill_null(""), tables.entities)
    frame = claims.with_columns(
        _subject_entity=subject_entity,
        _sentence_entities=sentence_entities.list.unique(maintain_order=True),
        _title_entities=title_entities.list.unique(maintain_order=True),
    )
    # the document's main entity: mentions weighted title 3, subject 2, sentence 1
    article = frame.filter(~pl.col("boilerplate").fill_null(False))
    votes = pl.concat(
        [
            article.select("doc_id", pl.col("_subject_entity").alias("_e"), pl.lit(2).alias("_w")),
            article.select(
                "doc_id", pl.col("_sentence_entities").alias("_e"), pl.lit(1).alias("_w")
            ).explode("_e"),
            article.unique("doc_id")
            .select("doc_id", pl.col("_title_entities").alias("_e"), pl.lit(3).alias("_w"))
            .explode("_e"),
        ],
        how="vertical_relaxed",
    )
    dominant = (
        votes.drop_nulls("_e")
        .group_by("doc_id", "_e")
        .agg(pl.col("_w").sum())
        .sort(["doc_id", "_w", "_e"], descending=[False, True, False])
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("_e").first().alias("_dominant"))
    )
    frame = frame.join(dominant, on="doc_id", how="left")
    descriptor = (
        pl.col("sentence")
        .fill_null("")
        .str.contains(
            r"(?i)\bthe (?:group|company|firm|organi[sz]ation|outfit|militia|force|country|government)\b"
        )
    )
    has_dominant = pl.col("_dominant").is_not_null()
    entity = (
        pl.when(has_dominant & pl.col("_sentence_entities").list.contains(pl.col("_dominant")))
        .then(pl.col("_dominant"))
        .when(has_dominant & (descriptor | pl.col("_subject_entity").is_null()))
        .then(pl.col("_dominant"))
        .when(pl.col("_subject_entity").is_not_null())
        .then(pl.col("_subject_entity"))
        .when(pl.col("_sentence_entities").list.len() > 0)
        .then(pl.col("_sentence_entities").list.first())
        .otherwise(pl.coalesce(pl.col("subject"), pl.lit("unspecified")))
    )
    # concept: the counted noun, else the first concept word that names a known concept
    words: dict[str, str] = {}
    for key, names in tables.concepts.items():
        for name in [key, *names]:
            words.setdefault(str(name).lower(), key)
    placeholder = "|".join(sorted(map(re.escape, tables.placeholders), key=len, reverse=True))
    pattern = (
        r"(?i)\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?:e?s)?\b"
    )
    unit_key = pl.col("unit").str.to_lowercase().replace_strict(words, default=None)
    concept_match = pl.col("concept").fill_null("").str.extract(pattern, 1)
    concept_key = concept_match.str.to_lowercase().replace_strict(words, default=None)
    head = (
        pl.col("concept")
        .fill_null("")
        .str.to_lowercase()
        .str.extract(r"([a-z][a-z-]+)\s*$", 1)
        .str.replace(r"([^s])s$", "${1}")
    )
    bare = pl.col("concept").is_null() | pl.col("concept").str.to_lowercase().str.contains(
        rf"^\s*(?:{placeholder})?\s*$"
    )
    before = (
        pl.col("sentence")
        .fill_null("")
        .str.slice(0, (pl.col("start") - pl.col("sentence_start")).cast(pl.UInt32))
    )
    clause = before.str.extract(r"(?s)([^,;:]*)$", 1)
    sentence_match = (
        clause.str.extract_all(pattern).list.last().str.extract(r"(?i)([a-z][a-z -]*[a-z])", 1)
    )
    sentence_key = (
        sentence_match.str.to_lowercase()
        .str.replace(r"([^s])s$", "${1}")
        .replace_strict(words, default=None)
    )
    sentence_key = pl.coalesce(
        sentence_key, sentence_match.str.to_lowercase().replace_strict(words, default=None)
    )
    frame = frame.with_columns(
        entity=entity,
        entity_source=pl.when(entity == pl.col("_subject_entity"))
        .then(pl.format("the subject '{}'", pl.col("subject")))
        .when(entity == pl.col("_dominant"))
        .then(pl.lit("the document's main subject"))
        .otherwise(pl.lit("a name in the sentence")),
        _key=pl.when(pl.col("dimension").is_in(["duration", "age"]))
        .then(None)  # a period or an age is named by its own words, not by a concept class
        .otherwise(
            pl.coalesce(
                unit_key,
                concept_key,
                pl.when(pl.col("dimension").is_in(["count", "currency", "ratio"])).then(
                    sentence_key
                ),
            )
        ),
        _head=pl.coalesce(
            pl.when(pl.col("dimension") == "count").then(pl.col("unit")).otherwise(None),
            pl.when(~bare).then(head).otherwise(None),
        ),
        concept_source=pl.coalesce(
            pl.when(unit_key.is_not_null()).then(pl.format("counted noun '{}'", pl.col("unit"))),
            pl.when(concept_key.is_not_null()).then(pl.format("the word '{}'", concept_match)),
            pl.when(sentence_key.is_not_null()).then(
                pl.format("the word '{}' earlier in the clause", sentence_match)
            ),
        ),
    ).sort("doc_id", "start")
    # a figure with no concept of its own borrows the one just before it ("that number ...")
    prev_key = pl.col("_key").shift(1).over("doc_id", pl.col("dimension"))
    prev_start = pl.col("start").shift(1).over("doc_id", pl.col("dimension"))
    near = (
        ((pl.col("start") - prev_start) < 700)
        & prev_key.is_not_null()
        & pl.col("dimension").is_in(["count", "currency", "ratio"])
    )
    borrow = pl.col("_key").is_null() & near
    frame = frame.with_columns(
        concept_key=pl.when(borrow)
        .then(prev_key)
        .otherwise(pl.col("_key"))
        .fill_null(pl.col("_head"))
        .fill_null(pl.col("dimension").cast(pl.String)),
        concept_source=pl.when(borrow)
        .then(pl.lit("the figure just before it"))
        .when(pl.col("_key").is_null() & pl.col("_head").is_not_null())
        .then(pl.format("the word '{}'", pl.col("_head")))
        .otherwise(pl.col("concept_source").fill_null("its dimension")),
    )
    return frame.drop(
        "_subject_entity", "_sentence_entities", "_title_entities", "_dominant", "_key", "_head"
    )


def assign_asserters(claims: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """``asserter``: the camp the named source speaks for; unnamed sources take the camp
    of the document's other figures, else "unattributed (outlet)"."""
    camp, _ = _canonical(pl.col("attribution").fill_null(""), tables.asserters)
    frame = claims.with_columns(_camp=camp)
    doc_camp = (
        frame.drop_nulls("_camp")
        .group_by("doc_id", "_camp")
        .len()
        .sort(["doc_id", "len", "_camp"], descending=[False, True, False])
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("_camp").first().alias("_doc_camp"))
    )
    frame = frame.join(doc_camp, on="doc_id", how="left")
    asserter = (
        pl.when(pl.col("_camp").is_not_null())
        .then(pl.col("_camp"))
        .when(pl.col("attribution").is_not_null() & pl.col("_doc_camp").is_not_null())
        .then(pl.col("_doc_camp"))
        .when(pl.col("attribution").is_not_null())
        .then(pl.col("attribution"))
        .otherwise(pl.format("unattributed ({})", pl.coalesce(pl.col("outlet"), pl.col("doc_id"))))
    )
    return frame.with_columns(asserter=asserter).drop("_camp", "_doc_camp")


def assign_windows(claims: pl.DataFrame, *, window_days: int) -> pl.DataFrame:
    """``series_id`` (the quantity across time) and ``quantity_id`` (one time window of it).

    Dated figures of a series are sorted; a gap of more than ``window_days`` starts a new
    window. The X of "from X to Y" joins the series' earliest window when that window is
    more than a month older than the report; otherwise it stays with the report's date.
    """
    series = pl.concat_str(
        [
            pl.col("entity"),
            pl.col("concept_key"),
            pl.col("dimension").cast(pl.String),
            pl.col("norm_unit").fill_null("-"),
            pl.col("norm_per").fill_null("-"),
            pl.col("is_delta").cast(pl.String),
        ],
        separator="|",
    )
    frame = claims.with_columns(_series=series)
    frame = frame.with_columns(series_id=_hashed(frame, "_series", "series"))
    dated = ~pl.col("starting_figure") & pl.col("as_of").is_not_null()
    earliest = (
        frame.filter(dated & pl.col("grouped"))
        .group_by("series_id")
        .agg(pl.col("as_of").min().alias("_earliest"))
    )
    moved = (
        pl.col("starting_figure")
        & pl.col("_earliest").is_not_null()
        & (pl.col("_earliest") < pl.col("as_of").dt.offset_by("-1mo"))
    )
    frame = frame.join(earliest, on="series_id", how="left").with_columns(
        as_of=pl.when(moved).then(pl.col("_earliest")).otherwise(pl.col("as_of")),
        as_of_source=pl.when(moved)
        .then(pl.lit("the start of a change, placed with the series' earliest figures"))
        .otherwise(pl.col("as_of_source")),
    )
    frame = frame.sort("series_id", "as_of", "doc_id", "start", nulls_last=True)
    # windows over the grouped figures only (furniture and unusable values take no part)
    part = ["series_id", "grouped"]
    gap = pl.col("as_of").diff().over(part).dt.total_days()
    frame = frame.with_columns(
        _window=(gap.fill_null(0) > window_days).cast(pl.Int32).cum_sum().over(part)
    )
    first_date = pl.col("as_of").min().over(*part, "_window")
    frame = frame.with_columns(
        _quantity=pl.when(pl.col("grouped")).then(
            pl.concat_str(
                [pl.col("series_id"), first_date.cast(pl.String).fill_null("undated")],
                separator="@",
            )
        )
    )
    frame = frame.with_columns(quantity_id=_hashed(frame, "_quantity", "quantity"))
    return frame.drop("_series", "_earliest", "_window", "_quantity")


def _hashed(frame: pl.DataFrame, column: str, kind: str) -> pl.Expr:
    """``stable_id`` of each distinct value of ``column`` (hashing each distinct value once)."""
    values = frame.get_column(column).drop_nulls().unique().to_list()
    ids = {v: stable_id(kind, v) for v in values}
    return pl.col(column).replace_strict(ids, default=None, return_dtype=pl.String)
