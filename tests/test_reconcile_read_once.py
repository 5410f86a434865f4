"""Words reconcile reads once, or only where they can matter, give what reading them in full
for every row gives (the plain expressions are written out here as the reference)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from extract import extract_claims
from reconcile.dating import _ANY_MONTH, _DAY_MONTH, _MONTH_ALONE, _MONTH_YEAR, _SINCE, _STARTED_IN
from reconcile.frames import after_figure, before_figure
from reconcile.identify import _MONTH_AFTER, _month_reading_patterns, _own_months

#: Made-up sentences: months after figures that span a flow or date a level, months before
#: figures or far from them, and no month at all.
SENTENCES = [
    "Storms flooded 1,400 homes along the Lake Vorn coast in April.",
    "The shelter network houses 12,000 evacuees in May 2031, the council said.",
    "Some 800 families left the valley during June and July.",
    "Grain exports stood at 3.1 million tonnes in August, up from 2.7 million in July.",
    "In September the port handled 45,000 containers.",
    "The ferry line carried 9,500 passengers over the month of October alone.",
    "Relief crews hold 2,000 tents in reserve, and 600 more arrived in November.",
    "The clinic treated 350 patients, including 90 children in December.",
    "Officials counted 27,000 arrivals; no month was given for the 4,000 who left.",
    "The dam holds 80 million cubic metres, the agency said on Tuesday.",
    "Prices rose 6% between January and March 2032.",
    "A survey of 1,500 farmers found 40% planned to plant less.",
]


def _claims() -> pl.DataFrame:
    frames = [
        extract_claims(text, doc_id=f"d{i}", outlet="Example Post", published=dt.date(2031, 6, 1))
        for i, text in enumerate(SENTENCES)
    ]
    claims = pl.concat(frames, how="diagonal_relaxed")
    return claims.with_columns(as_of=pl.col("published"))


def _own_months_in_full() -> pl.Expr:
    """The months a figure counts over, every expression read for every row."""
    verb, after, span = _month_reading_patterns()
    found = after_figure().str.extract_groups(_MONTH_AFTER)
    gap = after_figure().str.extract(_MONTH_AFTER, 0).fill_null("")
    clause = before_figure().str.extract(r"([^;:()]*)$", 1).fill_null("")
    level = (clause.str.contains(verb) | gap.str.contains(after)) & ~gap.str.contains(span)
    first = found.struct.field("1").str.to_lowercase()
    last = found.struct.field("2").str.to_lowercase()
    year = pl.coalesce(found.struct.field("3"), pl.col("as_of").dt.year().cast(pl.String))
    months = pl.when(last.is_not_null()).then(pl.format("{}-{}", first, last)).otherwise(first)
    return pl.when(first.is_not_null() & ~level).then(
        pl.concat_str(months, year, separator=" ", ignore_nulls=True)
    )


def test_own_months_read_once_are_the_months_read_in_full() -> None:
    claims = _claims()
    assert claims.height > len(SENTENCES)
    expected = claims.select(_own_months_in_full()).to_series().to_list()
    got = _own_months(claims).get_column("_own_months").to_list()
    assert got == expected
    # the table holds both readings: months a flow counts over, and none (levels, no month)
    assert any(g is not None for g in got) and any(g is None for g in got)
    assert "_found" not in _own_months(claims).columns


#: Sentences with months written every way the date patterns read (and words that only
#: hold a month's letters), and sentences with none.
DATED = [
    "The count rose to 4,100 on 14 March 2031.",
    "By the end of Sept. 2030 the fund had paid out $2 million.",
    "Arrivals slowed in late may, officials said.",
    "As of Jan 9 the shelters held 3,300 people.",
    "On 9th November the ferry ran twice.",
    "Since December 2029 the register has grown by 8%.",
    "The market marched on, and the octet sang in August.",
    "Harvests failed in the north, leaving 700 families short of grain.",
    "Yesterday the board approved 45 new posts.",
    "The survey of 2,000 households was published on Tuesday.",
    "",
]


def test_sentences_without_a_month_match_no_pattern_of_months() -> None:
    patterns = [
        _SINCE + _MONTH_YEAR.removeprefix("(?i)"),
        _STARTED_IN + _MONTH_ALONE.removeprefix("(?i)"),
        _DAY_MONTH,
    ]
    table = pl.DataFrame({"sentence": DATED + SENTENCES})
    read = table.select(
        pl.col("sentence").str.contains(_ANY_MONTH).alias("any"),
        *(pl.col("sentence").str.contains(p).alias(str(i)) for i, p in enumerate(patterns)),
    )
    for i in range(len(patterns)):
        # every sentence a pattern of months matches holds a month's name or short form
        assert not (read[str(i)] & ~read["any"]).any()
        assert read[str(i)].any()
    assert not read["any"].all()
