"""As of when each figure holds: a date in its sentence or its URL, the publication date,
"last year" and other relative years, a year's span and its end, a weekday before
publication, and rates per period.
"""

from __future__ import annotations

import re

import polars as pl

from extract.lexicon import lexicon

from .columns import at_rows, join_beside, on_rows
from .frames import (
    HEDGES,
    PHYSICAL,
    after_figure,
    alternation,
    before_figure,
    figure_clause,
    phrases,
)
from .tables import reading_words

__all__ = [
    "IN_SENTENCE",
    "MONTH_NAMES",
    "MONTH_NUMBERS",
    "PUBLISHED",
    "SPAN_END",
    "WEEKDAY_NAMES",
    "WEEKDAY_NUMBERS",
    "YEAR_NAMED",
    "assign_dates",
    "relative_year",
]

#: The word lists read around a figure (``data/reading_words.yaml``).
_WORDS = reading_words()
#: "The storm dropped 500 mm of rain": a physical amount "of" a stuff after a verb of falling
#: is what the verb let fall (its object), not a fall of the amount.
_OF_STUFF = r"(?i)^\s+of\s+[a-z]"
#: The months' names as written, for patterns ("March", "March|April|...").
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
#: Every name of a month, full or short, in lower case -> its number.
MONTH_NUMBERS = {
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
#: A month's name or short form anywhere (no word bounds): a sentence without one matches
#: none of the patterns of months below (each holds one of these), so they are read only
#: in sentences that hold one.
_ANY_MONTH = "(?i)(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + ")"
#: A year as news writes one ("1989", "2031"), in each pattern that reads a year (a second
#: year may drop its century: "2029-30").
_CENTURY = r"(?:19|20)"
_YEAR = _CENTURY + r"\d{2}"
#: Words that make the date after them the start of a span, not the date of the figure.
_SINCE = r"(?i)(?:\b(?:since|between|from)\s+(?:the\s+)?(?:start\s+of\s+|end\s+of\s+)?)?"
#: "March 2031", "14 March 2031", "14th March 2031", "March 14, 2031" (groups: day, month,
#: day, year).
_MONTH_YEAR = (
    r"(?i)\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?("
    + alternation(MONTH_NUMBERS)
    + r")\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?,?\s+(\d{4})\b"
)
#: A hedge of a figure's size, allowed between the words that read a figure and the figure.
_HEDGE = rf"(?:(?:{HEDGES})\s+)?$"
#: Words right before a figure that make it a change, not a level ("rose by", "a rise of"),
#: or a gap between two figures ("the count is off by", "undercounted by", "short by").
_CHANGE_BY = (
    r"(?i)(?:\b(?:rose|risen|increased|grew|grown|fell|fallen|dropped|declined|jumped|climbed|"
    r"went up|went down|up|down|off|short|out|(?:under|over)(?:counted|estimated|stated))\s+by|\b(?:rise|increase|drop|fall|decline|jump|growth)\s+of|"
    r"\b(?:rise|increase|drop|fall|decline|jump)\s+(?:was|is|stood at|came to|amounted to)|"
    # "a fall in the number of arrivals in May - 9,000", "a rise in deaths of 300"
    r"\b(?:rise|increase|drop|fall|decline|jump|reduction|decrease|cut)\s+in\s+[^,;:.()]{1,80}?"
    r"(?:\s+of|\s*[\u2013\u2014:]|\s-)|"
    r"\badditionally|"
    # "the toll rose to nine after three workers died": what brought a level up is a change
    r"\b(?:rose|risen|climbed|increased|jumped|went\s+up)\s+to\s+[^,;:()]{1,60}?\s+after)"
    r"\s+" + _HEDGE
)
#: Words that make a figure one its source has since replaced: "now 40 instead of 90",
#: "revised down from 90", "the earlier toll of 90", "its first update gave 90", "had
#: previously said 90"; after it, "90, as it first reported".
_SUPERSEDED_BEFORE = (
    r"(?i)(?:\b(?:instead\s+of|(?:revised|amended|corrected|lowered|raised|"
    r"downgraded|upgraded)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:(?:down|up)(?:wards?)?\s+)?from)"
    r"|\b(?:previous|earlier|prior|initial|original|old)\s+(?:[\w-]+\s+)?"
    r"(?:toll|figure|estimate|count|tally|number|total)\s+of"
    r"|\b(?:previously|earlier|initially|originally|first)\s+(?:said|reported|put|gave|"
    r"estimated|counted|announced)\b[^,;.]{0,40})"
    r"\s+(?:at\s+)?"
    + _HEDGE
    + r"|(?i)\b(?:in|by)\s+(?:its|their|the|an?)\s+(?:previous|earlier|prior|initial|original)\s+"
    r"(?:report|estimate|update|count|tally|statement|assessment)s?\b[^;.]{0,40}$"
)
_SUPERSEDED_AFTER = (
    r"(?i)^[\s,]*(?:[\w-]+\s+){0,3}?(?:as|that)\s+(?:was\s+|were\s+|had\s+been\s+)?"
    r"(?:before|previously|earlier|initially|first|originally)\s+(?:reported|said|stated|"
    r"announced|given|estimated)\b"
)
#: The days of the week as a pattern ("Monday" ... "Sunday"; in any case with "(?i)").
WEEKDAY_NAMES = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
#: A weekday's first three letters, lower case -> its number (Monday 1 ... Sunday 7).
WEEKDAY_NUMBERS = {d: i for i, d in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], 1)}
#: "on Tuesday", "late on Friday", "by Monday's count": a weekday near the figure's report.
_WEEKDAY = rf"(?i)\b(?:on|late|early|by)\s+(?:on\s+)?({WEEKDAY_NAMES})\b"
#: A weekday in the possessive names the day of an event, not of the count ("killed by
#: Monday's earthquake ..., the ministry said on Tuesday"), unless a count follows it ("by
#: Friday's tally"): such a match is passed over for the next one.
_WEEKDAY_EVENT = r"['\u2019]s\s+[\w-]+$"
_WEEKDAY_COUNT = r"(?i)['\u2019]s\s+(?:count|tally|toll|figures?|numbers?|totals?|update|data)$"
#: What may follow a weekday: a possessive and its noun ("Monday's earthquake").
_WEEKDAY_OWNED = r"(?:['\u2019]s\s+[\w-]+)?"
#: Verbs of a start: "the fire that broke out on Sunday", "the strike, which began on May 9".
_BEGAN = r"start(?:ed|ing|s)?|beg[au]n|begins|beginning|broke\s+out|erupted"
#: "spoiled since the strike began on Monday", "the fire, which started on July 4, had
#: burned 31,000 hectares": a day in a clause of "since" or of a verb of starting is the day
#: a span started, not the date of the figure (which runs up to its report); "will return
#: to work on Saturday", a day to come. Such a match (a weekday, or a day of a month), which
#: opens with one of these words, is passed over.
_NOT_THE_DAY = rf"(?:since|will|would|(?:is|are|was|were)\s+due\s+to|{_BEGAN})"
_SINCE_DAY = rf"(?i)(?:\b{_NOT_THE_DAY}\s+(?:[\w'\u2019-]+\s+){{0,6}}?)?"
_DAYS_BACK = r"(?i)\b(yesterday|last week)\b"
#: "in March", "by the end of June" with no year: the last such month up to publication
#: ("since March" is not a date of the figure: the count runs up to publication, and
#: "until the end of August" is a deadline).
_MONTH_ALONE = (
    r"(?i)\b(?:in|during|by|as of|at the end of|early|late|mid-?)\s+(?:the end of\s+)?"
    r"(january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\b(?:\s*[,.;:]|\s+[a-z]|\s*$)"
)
#: "the fires that began in early May", "since June": the month a span started, not the date
#: of the figure (a running count is as of its report); a prefix of ``_MONTH_ALONE``.
_STARTED = rf"(?:since|from|{_BEGAN})\b"
_STARTED_IN = rf"(?i)(?:\b{_STARTED}(?:\s+[a-z]+){{0,4}}?\s+)?"
#: "on May 9", "as of 9 May" with no year: the last such day up to publication.
_DAY_MONTH = (
    r"(?i)\b(?:on|as of|as at|by)\s+(?:(\d{1,2})(?:st|nd|rd|th)?\s+("
    + alternation(MONTH_NUMBERS)
    + r")|("
    + alternation(MONTH_NUMBERS)
    + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?)\b"
)
#: "757,000 protested, down from 1.12 million on January 15": the day after a figure
#: of "from" dates that earlier figure, not the sentence's others (which take their own date).
_FROM_DAY = (
    r"(?i)\bfrom\s+(?:[^,;:]|,\d){1,40}?\s+(?:on|as of|as at)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:"
    + alternation(MONTH_NUMBERS)
    + r")|(?:"
    + alternation(MONTH_NUMBERS)
    + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?)\b"
)
#: "Six were missing, down from 14 on Monday night": a weekday after the figure of "from"
#: dates that earlier figure, not the sentence's others (as ``_FROM_DAY`` for a day of a month).
_FROM_WEEKDAY = (
    r"(?i)\bfrom\s+(?:[^,;:]|,\d){1,40}?\s+(?:on|as of|as at|late|early|by)\s+(?:on\s+)?"
    rf"{WEEKDAY_NAMES}\b"
)
#: A rate written right after the amount ("$5m a week", "600 million pounds per year").
_RATE = r"(?i)^\s*(?:a|an|per|every|each)\s+(hour|day|week|month|quarter|year)\b"
#: A year after a preposition of time, or before an event's noun after one ("in 2021",
#: "during the 2021 drought", "in last year's floods" is read apart), or after "of" ("the
#: derailment of 1998"): the figure's year.
_IN_YEAR = rf"(?i)\b(?:(?:in|during|since|by|as of|for)\s+(?:the\s+)?|of\s+)({_YEAR})\b"
#: A year right after a verb of a report coming out ("a study released in 2031"): the
#: report's year, not its figures', left aside when the sentence's years date its figures.
_RELEASED_IN = rf"(?i)\b(?:{phrases(_WORDS.released)})\s+(?:in|during)\s+{_YEAR}\b"
#: A year after a verb of coming to be ("founded in 1902", "opened in Lima in 1988"): when
#: something began, never a figure's date; always left aside. (Only words with no figure
#: between: "opened 120 shelters in 2030" dates the shelters.)
_FOUNDED_IN = (
    rf"(?i)\b(?:{phrases(_WORDS.founded)})\s+(?:[a-z'\u2019-]+\s+){{0,3}}?(?:in|during)\s+"
    rf"(?:the\s+)?{_YEAR}s?\b"
)
#: A span of whole years ("in 2030 and 2031", "between 2029 and 2031", "from 2030 to 2031"):
#: group 1 its first year, group 2 its last.
_YEAR_SPAN = (
    rf"(?i)\b(?:in|during|for|over|between|from|across|throughout)\s+({_YEAR})"
    rf"\s*(?:and|to|through|until|-|\u2013)\s*({_YEAR})\b"
)
#: Words before a figure that end in another figure and its year, closed by a comma ("the
#: record of 7 million set in 2019, an area"): a number that is not a year, up to six words,
#: "in" and a year, a comma, then no number up to this figure. ("40 in 2019 and 50" goes on
#: with "and": the year may be both's.)
_YEAR_CLOSES = (
    rf"(?i)\d[\d,.]*(?:\s+[\w'\u2019-]+){{0,6}}?\s+(?:in|during)\s+{_YEAR}\s*[,;][^0-9]*$"
)


def _url_date() -> pl.Expr:
    """The date a document's address shows (".../2023/09/14/...", "13-Sep-2023"), else null."""
    url = pl.col("url").fill_null("")
    ymd = url.str.extract_groups(rf"/({_YEAR})/(\d{{1,2}})(?:/(\d{{1,2}}))?/")
    dmy = url.str.extract_groups(rf"\b(\d{{1,2}})-([A-Za-z]{{3}})[a-z]*-({_YEAR})\b")
    month = (
        dmy.struct.field("2")
        .str.to_lowercase()
        .replace_strict(MONTH_NUMBERS, default=None, return_dtype=pl.Int32)
    )
    return pl.coalesce(
        pl.date(
            ymd.struct.field("1").cast(pl.Int32, strict=False),
            ymd.struct.field("2").cast(pl.Int32, strict=False),
            ymd.struct.field("3").cast(pl.Int32, strict=False).fill_null(1),
        ),
        pl.date(
            dmy.struct.field("3").cast(pl.Int32, strict=False),
            month,
            dmy.struct.field("1").cast(pl.Int32, strict=False),
        ),
    )


def _text_date() -> pl.Expr:
    """The latest date ("January 3, 2023", "3 January 2023", "January 2023") in the
    document's sentences, for a document with no publication date: the news is at least
    that recent."""
    text = pl.col("sentence").fill_null("")
    months = alternation(MONTH_NUMBERS)
    # ordinal days too: "15th September 2031", "September 15th, 2031"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    mdy = text.str.extract_all(rf"(?i)\b(?:{months})\.?\s+{day},?\s+{_YEAR}\b")
    dmy = text.str.extract_all(rf"(?i)\b{day}\s+(?:{months})\.?,?\s+{_YEAR}\b")
    # a month and year ("as of October 2031") says the news is at least that recent too
    # (not the start of a span: "since June 2030")
    my = text.str.extract_all(_SINCE + rf"\b(?:{months})\.?,?\s+{_YEAR}\b").list.eval(
        pl.element().filter(~pl.element().str.contains(r"(?i)^(?:since|between|from)\s"))
    )
    found = pl.concat_list(mdy, dmy, my).list.eval(
        pl.element()
        .str.to_lowercase()
        .str.replace_all(r"[.,]", "")
        .str.replace_all(r"(\d)(?:st|nd|rd|th)\b", "$1")
        .str.replace(r"^(\d{1,2}) ([a-z]+) (\d{4})$", "$2 $1 $3")
        .str.replace(r"^([a-z]+) (\d{4})$", "$1 1 $2")
        .str.replace(r"^([a-z]{3})[a-z]* ", "$1 ")
        .str.to_date("%b %d %Y", strict=False)
    )
    return found.list.max().max().over("doc_id")


def _day_of_month() -> pl.Expr:
    """The date of ``_year``/``_month``/``_day``: the first of the month when the day is
    missing or not in that month."""
    first = pl.date(pl.col("_year"), pl.col("_month"), 1)
    day = first + pl.duration(days=pl.col("_day").fill_null(1).clip(1, 31) - 1)
    return pl.when(day.dt.month() == pl.col("_month")).then(day).otherwise(first)


def _rates(frame: pl.DataFrame, dtype: pl.DataType) -> pl.DataFrame:
    """``per`` read from the words of and after the amount where the claim has none, and
    for an amount named again with "the"."""
    # the rate period the amount's own words give, where the claim has none: words after
    # the amount ("$40m a quarter"); a surface that is nothing but "a quarter" or "a third"
    # is a fraction, the amount itself, not a rate of one
    rate = (
        pl.concat_str(
            pl.col("surface")
            .fill_null("")
            .str.extract(r"(?i)\S\s+(\b(?:a|an|per|every|each)\s+\w+)$", 1),
            after_figure(),
            ignore_nulls=True,
        )
        .str.extract(_RATE, 1)
        .str.to_lowercase()
    )
    frame = frame.with_columns(per=pl.coalesce(pl.col("per"), rate.cast(dtype, strict=False)))
    return _definite_rate(frame)


#: A year named by its place after another ("the following year", "a year later", "that
#: year"): the years it counts from the year named before it.
# "a year earlier" is a date; "over the previous year" sets a figure against that year
_NOT_AGAINST = "".join(rf"(?<!{re.escape(w)}\s)" for w in _WORDS.relative_year_against)
_RELATIVE_YEARS = {
    (_NOT_AGAINST if step < 0 else "") + phrases(said): step
    for step, said in _WORDS.relative_years.items()
}
_RELATIVE_YEAR = r"(?i)\b(?:" + "|".join(f"(?:{k})" for k in _RELATIVE_YEARS) + r")\b"
#: The same phrases without the words before them (for Polars, which reads no look-behind):
#: a first sieve.
_RELATIVE_YEAR_HINT = (
    rf"(?i)\b{phrases([w for said in _WORDS.relative_years.values() for w in said])}\b"
)
#: The phrases with no test of the words' bounds: a sieve before the first, which every text
#: the hint finds passes, and quick where a text is not all ASCII (in which the bound of a
#: word, any letter of any script, is slow to test).
_RELATIVE_YEAR_SIEVE = _RELATIVE_YEAR_HINT.replace(r"\b", "")
#: "late last year", "the start of last year": the month a part of last year stands for.
_PART_MONTHS = _WORDS.part_of_year_months
_PART_OF_LAST_YEAR = rf"(?i)\b({phrases(_PART_MONTHS)})[\s-]+last\s+year\b"
#: "last year" anywhere: every match of ``_PART_OF_LAST_YEAR`` holds one.
_LAST_YEAR_ANYWHERE = r"(?i)last\s+year"
_LAST_YEAR_WORDS = r"last\s+year\b"
_LAST_YEAR = r"(?i)\b" + _LAST_YEAR_WORDS
#: A year the figure's own clause names after "of", "in" or "during" ("the flood of 1994").
_OWN_YEAR = rf"(?i)\b(?:of|in|during)\s+(?:the\s+)?{_YEAR}\b"
#: "last summer": the season it names and the month at its middle.
_SEASONS = _WORDS.season_months
_LAST_SEASON_WORDS = rf"last\s+(?:{phrases(_SEASONS)})\b"
_LAST_SEASON = r"(?i)\b" + _LAST_SEASON_WORDS
#: "four years ago", "3 years ago": a year counted back from publication (group 1: how many).
_YEARS_AGO = r"(?i)\b([a-z]+|\d{1,2})\s+years?\s+ago\b"
#: How a figure is dated by a year its sentence names ("in 2030", "last year").
YEAR_NAMED = "a year in the sentence"


def relative_year(before: str, clause: str) -> int | None:
    """The year a relative year in a figure's ``clause`` names ("the following year" after
    "In 2020, ..." is 2021), counted from the last year named in ``before`` (the text before
    the figure: the sentence before it and its own words); None when there is no relative
    year or no year to count from."""
    found = re.search(_RELATIVE_YEAR, clause)
    if found is None:
        return None
    years = re.findall(rf"(?<![\w.,-])({_YEAR})(?![\w.,-]\d)", before)
    if not years:
        return None
    said = found.group(0)
    step = next(v for k, v in _RELATIVE_YEARS.items() if re.fullmatch(f"(?i){k}", said))
    return int(years[-1]) + step


def _last_sentence(earlier: str, reach: int = 4000) -> str:
    """The last sentence of ``earlier``, read in its last ``reach`` characters when a
    sentence ends there (a long text is not split whole for each figure)."""
    pieces = re.split(r"(?<=[.!?])\s+", earlier[-reach:])
    return pieces[-1] if len(pieces) > 1 else re.split(r"(?<=[.!?])\s+", earlier)[-1]


def _relative_years(claims: pl.DataFrame, texts: dict[str, str] | None) -> pl.Series:
    """``_rel_year`` of each claim: :func:`relative_year` of the words of its clause (after
    it to a mark of punctuation, before it from one), counted from the sentence before it
    in the document's text (when given) and its own words before it."""
    clause = figure_clause().alias("_clause")
    # (the sentences that hold none are let go before the clauses are cut)
    rows = (
        claims.select(
            pl.int_range(pl.len()).alias("_i"),
            "doc_id",
            "sentence",
            "sentence_start",
            "start",
            "end",
        )
        .filter(pl.col("sentence").fill_null("").str.contains(_RELATIVE_YEAR_SIEVE))
        .filter(pl.col("sentence").str.contains(_RELATIVE_YEAR_HINT))
        .select("_i", "doc_id", "sentence_start", before_figure().alias("_before"), clause)
        .filter(pl.col("_clause").str.contains(_RELATIVE_YEAR_HINT))
    )
    found: dict[int, int] = {}
    for i, doc, sentence_start, before, words in rows.iter_rows():
        text = (texts or {}).get(doc) or ""
        previous = _last_sentence(text[: sentence_start or 0].rstrip())
        if (year := relative_year(previous + " " + before, words)) is not None:
            found[i] = year
    return at_rows("_rel_year", claims.height, found, pl.Int32())


def _sentence_year(published: pl.Expr) -> pl.Expr:
    """Whether the sentence's one year ("in 2030") is the figure's: before publication,
    and not the year of another figure after this one."""
    # "8,000 hectares, above the record of 7,000 set in 1989": a year after another figure
    # that follows this one belongs to that figure ("In 1989, 40 ... and 300 ..." is both's)
    # (the words are read only where the sentence has its one year)
    one_year = pl.col("_in_year").is_not_null()
    after = pl.when(one_year).then(after_figure()).str.replace_all(r"\w+-\d+\b", "")
    year_of_other = after.str.contains(rf"\b{_YEAR}\b") & ~after.str.contains(
        rf"^[^0-9]*\b{_YEAR}\b"
    )
    # "... the record of 7 million set in 2019, an area 9 times the norm": a year that closes
    # an earlier figure's phrase, before this one, is that figure's too
    closes_other = (
        pl.when(one_year)
        .then(before_figure())
        .str.replace_all(r"\w+-\d+\b", "")
        .str.contains(_YEAR_CLOSES)
    )
    year_of_other = year_of_other | closes_other
    return (
        pl.col("_in_year").is_not_null()
        & (pl.col("_in_year") < published.dt.year().fill_null(9999))
        & ~year_of_other
    )


#: How a figure is dated when its sentence's only years are a span ("in 2030 and 2031").
SPAN_END = "the end of a span of years in the sentence"


def _span_end(span: pl.Expr) -> pl.Expr:
    """The last year of each span found (``_YEAR_SPAN``), null where the span does not run
    forward ("between 2031 and 2030" is no span)."""
    first = span.struct.field("1").cast(pl.Int32, strict=False)
    last = span.struct.field("2").cast(pl.Int32, strict=False)
    return pl.when(last > first).then(last)


def _unless_of_from(text: pl.Expr, of_from: str, day: str) -> pl.Expr:
    """``text`` with the days that date the figure of "from" (``of_from``: "down from 14 on
    Monday") cut out, unless the claim is that figure; that figure is dated by the day of
    its own words when they give one (``day``: "27, up from 9 on Monday, the ministry said
    on Thursday" is 9 on Monday), else by the sentence's. (Read from the columns
    :func:`_of_from` adds.)"""
    own = pl.col("_from_own")
    return (
        pl.when(pl.col("_of_from"))
        .then(pl.when(own.str.contains(day)).then(own).otherwise(text))
        .otherwise(text.str.replace_all(of_from, " "))
    )


def _of_from(claims: pl.DataFrame) -> pl.DataFrame:
    """``claims`` with what :func:`_unless_of_from` reads for each of the two kinds of day,
    read once: whether the figure is that of "from" (``_of_from``), and the words after it
    (``_from_own``, read for those figures alone)."""
    claims = claims.with_columns(_of_from=before_figure().str.contains(r"(?i)\bfrom\s*$"))
    return claims.with_columns(
        on_rows(
            claims,
            pl.col("_of_from"),
            after_figure().str.extract(r"^([^,;:.()]{0,40})", 1).alias("_from_own"),
        )
    )


def _first_day(text: pl.Expr, day: str, keep: pl.Expr | None = None) -> pl.Expr:
    """The first match of ``day`` in ``text`` that no word of ``_NOT_THE_DAY`` opens ("since
    the strike began on Monday", "will return on Friday": not the figure's day), and that
    ``keep`` (a test of each match, ``pl.element()``) keeps."""
    kept = ~pl.element().str.contains(rf"(?i)^{_NOT_THE_DAY}\b")
    return (
        text.str.extract_all(_SINCE_DAY + day)
        .list.eval(pl.element().filter(kept if keep is None else keep & kept))
        .list.first()
    )


#: A relative clause set off by a comma (", which refused it a loan last week,", ", who took
#: office in May."): when it happened is told of the clause's own noun, not of the
#: sentence's other figures. It runs to the next comma (a thousands comma aside), mark or end.
_ASIDE = re.compile(r",\s+(?:which|who|whose)\s(?:\d,\d|[^,;:()])*")
#: A sieve for the sentences that may hold one (read by Polars before any is matched).
_ASIDE_SIEVE = r",\s+(?:which|who|whose)\s"


def _outside_asides(claims: pl.DataFrame) -> pl.Series:
    """Each claim's sentence with the relative clauses set off by commas that do not hold
    its figure blanked (same length, so offsets hold): a time such a clause names dates its
    own figures only ("The ministry, which refused a loan last week, said debts came to
    EUR 410 million": the debts are of the day the ministry spoke)."""
    sentence = pl.col("sentence").fill_null("")
    rows = claims.select(
        pl.int_range(pl.len()).alias("_i"),
        "sentence",
        (pl.col("start") - pl.col("sentence_start")).alias("_at"),
    ).filter(sentence.str.contains(_ASIDE_SIEVE))
    blanked: dict[int, str] = {}
    for i, text, at in rows.iter_rows():
        out = text
        for m in _ASIDE.finditer(text):
            if at is not None and not m.start() <= at < m.end():
                out = out[: m.start() + 1] + " " * (m.end() - m.start() - 1) + out[m.end() :]
        if out != text:
            blanked[i] = out
    if not blanked:
        return claims.get_column("sentence")
    found = at_rows("sentence", claims.height, blanked, pl.String())
    return claims.select(
        pl.coalesce(pl.lit(found), pl.col("sentence")).alias("sentence")
    ).to_series()


#: "The union put it at 450 the same day": a day named by the sentence before.
_SAME_DAY = r"(?i)\b(?:the|that)\s+same\s+day\b"
#: The ways of dating a figure that read a day from its sentence (``as_of_source``): a day
#: the next sentence's "the same day" may name.
IN_SENTENCE = "a date in the sentence"
_DAY_MONTH_BACK = "a day and month before publication"
_WEEKDAY_BEFORE = "a weekday before publication"
_DAYS_BEFORE = "'yesterday'/'last week' before publication"
_DAYS_READ = (IN_SENTENCE, _DAY_MONTH_BACK, _WEEKDAY_BEFORE, _DAYS_BEFORE)
#: How a figure whose words give no time is dated: the day its document came out.
PUBLISHED = "the publication date"
#: How a figure dated by the sentence before it is dated.
SAME_DAY = "the day the sentence before names ('the same day')"


def _same_day(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` (dated) with the figures of a sentence that says "the same day" and reads no
    day of its own dated to the day the sentence right before it reads (its last figure's),
    when that sentence reads one: "The ministry said on Friday 78 had died. Doctors put the
    toll at 140 the same day." The sentences are told by the figures they hold: a sentence
    with no figure between the two breaks the chain (the day is then not known)."""
    said = pl.col("sentence").fill_null("").str.contains(_SAME_DAY)
    if not frame.select(said.any()).item():
        return frame
    sentences = (
        frame.select(
            "doc_id",
            "sentence_start",
            pl.col("sentence").str.len_chars().alias("_len"),
            "as_of",
            "as_of_source",
        )
        .drop_nulls("sentence_start")
        .group_by("doc_id", "sentence_start")
        .agg(pl.all().last())
        .sort("doc_id", "sentence_start")
    )
    previous = sentences.select(
        "doc_id",
        "sentence_start",
        pl.col("as_of").shift(1).over("doc_id").alias("_prev_day"),
        (
            pl.col("as_of_source").cast(pl.String).shift(1).over("doc_id").is_in(_DAYS_READ)
            # (the sentence right before: at most a few spaces or a paragraph's break between)
            & (
                pl.col("sentence_start")
                - (pl.col("sentence_start") + pl.col("_len")).shift(1).over("doc_id")
                <= 3
            )
        ).alias("_prev_read"),
    )
    frame = join_beside(frame, previous, ["doc_id", "sentence_start"])
    take = said & (pl.col("as_of_source") == PUBLISHED) & pl.col("_prev_read")
    take = take.fill_null(False)
    return frame.with_columns(
        as_of=pl.when(take).then(pl.col("_prev_day")).otherwise(pl.col("as_of")),
        as_of_source=pl.when(take).then(pl.lit(SAME_DAY)).otherwise(pl.col("as_of_source")),
    ).drop("_prev_day", "_prev_read")


def assign_dates(claims: pl.DataFrame, texts: dict[str, str] | None = None) -> pl.DataFrame:
    """``as_of``: a month and year in the sentence, "last month"/"last year" ("late last
    year": its November), a year the figure's clause names by its place after another
    ("the following year"; see :func:`relative_year`), the sentence's one year, the end of
    a span of years that is the sentence's only years and has ended ("in 2030 and 2031":
    its last day; a year a report came out in, "published in 2032", left aside), else the
    publication date;
    ``starting_figure``: the X of "from X to Y" (its date is earlier than the sentence
    says, and is settled when windows are made). A relative clause set off by commas that
    does not hold the figure is not read (:func:`_outside_asides`)."""
    written = claims.get_column("sentence")
    claims = claims.with_columns(_outside_asides(claims))
    sentence = pl.col("sentence").fill_null("")
    # (the patterns of months are read only in sentences that write a month: _ANY_MONTH,
    # read once below)
    with_month = pl.when(pl.col("_month_named")).then(sentence)
    # (and the patterns of weekdays only in those that write a weekday's name)
    with_weekday = pl.when(sentence.str.contains(rf"(?i){WEEKDAY_NAMES}")).then(sentence)
    # the sentence's years, a report's year of coming out left aside (only where it names
    # two years or more is one cut) and the year something came to be always
    years = rf"\b{_YEAR}\b"
    # (read only in sentences that write a year's digits: cutting words writes none)
    with_year = pl.when(sentence.str.contains(_YEAR)).then(sentence)
    cut = pl.when(with_year.str.count_matches(years) >= 2).then(sentence)
    told = pl.coalesce(cut.str.replace_all(_RELEASED_IN, " "), with_year).str.replace_all(
        _FOUNDED_IN, " "
    )
    # (the words and the count of their distinct years read once each: an expression is
    # computed anew at every use, and each is used twice or more)
    told_read = _of_from(
        claims.with_columns(_told=told, _month_named=sentence.str.contains(_ANY_MONTH))
    ).with_columns(_told_years=pl.col("_told").str.extract_all(years).list.n_unique())
    told, told_years = pl.col("_told"), pl.col("_told_years")
    found = told_read.select(
        # "since June 2020" is when a count began, not the date of the figure; "between
        # March 2 and June 9, 2030" runs to its end
        with_month.str.extract_all(_SINCE + _MONTH_YEAR.removeprefix("(?i)"))
        .list.eval(
            pl.element().filter(~pl.element().str.contains(r"(?i)^(?:since|between|from)\s"))
        )
        .list.first()
        .str.extract_groups(_MONTH_YEAR)
        .alias("_my"),
        pl.when(told_years == 1)
        .then(told.str.extract(_IN_YEAR, 1).cast(pl.Int32, strict=False))
        .alias("_in_year"),
        # a span of years as the sentence's only years: its figures count over it
        pl.when(told_years == 2).then(told).str.extract_groups(_YEAR_SPAN).alias("_span"),
        sentence.str.extract(rf"(?i)\blast (month|year|{phrases(_SEASONS)})\b", 1)
        .str.to_lowercase()
        .alias("_last"),
        # (read only in the sentences that say "last year": a first sieve)
        pl.when(sentence.str.contains(_LAST_YEAR_ANYWHERE))
        .then(sentence)
        .str.extract(_PART_OF_LAST_YEAR, 1)
        .str.to_lowercase()
        .str.replace_all(r"\s+", " ")
        .replace_strict(_PART_MONTHS, default=None, return_dtype=pl.Int32)
        .alias("_part"),
        _first_day(
            _unless_of_from(with_weekday, _FROM_WEEKDAY, _WEEKDAY),
            _WEEKDAY.removeprefix("(?i)") + _WEEKDAY_OWNED,
            ~pl.element().str.contains(_WEEKDAY_EVENT) | pl.element().str.contains(_WEEKDAY_COUNT),
        )
        .str.extract(_WEEKDAY, 1)
        .str.to_lowercase()
        .str.slice(0, 3)
        .replace_strict(WEEKDAY_NUMBERS, default=None, return_dtype=pl.Int8)
        .alias("_weekday"),
        sentence.str.extract(_DAYS_BACK, 1).str.to_lowercase().alias("_back"),
        with_month.str.extract_all(_STARTED_IN + _MONTH_ALONE.removeprefix("(?i)"))
        .list.eval(pl.element().filter(~pl.element().str.contains(rf"(?i)^{_STARTED}")))
        .list.first()
        .str.extract(_MONTH_ALONE, 1)
        .str.to_lowercase()
        .replace_strict(MONTH_NUMBERS, default=None, return_dtype=pl.Int32)
        .alias("_alone"),
        _first_day(
            _unless_of_from(with_month, _FROM_DAY, _DAY_MONTH), _DAY_MONTH.removeprefix("(?i)")
        )
        .str.extract_groups(_DAY_MONTH)
        .alias("_dm"),
    ).unnest("_my")
    del told_read
    month = (
        found.get_column("2")
        .str.to_lowercase()
        .replace_strict(MONTH_NUMBERS, default=None, return_dtype=pl.Int32)
    )
    year = found.get_column("4").cast(pl.Int32, strict=False)
    day = pl.coalesce(found.get_column("1"), found.get_column("3")).cast(pl.Int32, strict=False)
    dm = found.get_column("_dm").struct
    dm_month = (
        pl.coalesce(dm.field("2"), dm.field("3"))
        .str.to_lowercase()
        .replace_strict(MONTH_NUMBERS, default=None, return_dtype=pl.Int32)
    )
    dm_day = pl.coalesce(dm.field("1"), dm.field("4")).cast(pl.Int32, strict=False)
    frame = claims.with_columns(
        _month=month,
        _year=year,
        _day=day,
        # a relative year in the figure's own clause wins over the sentence's one year
        _in_year=pl.coalesce(_relative_years(claims, texts), found.get_column("_in_year")),
        _part=found.get_column("_part"),
        _last=found.get_column("_last"),
        _weekday=found.get_column("_weekday"),
        _back=found.get_column("_back"),
        _alone=found.get_column("_alone"),
        _dm_month=dm_month,
        _dm_day=dm_day,
        _span_end=found.select(_span_end(pl.col("_span"))).to_series(),
    )
    # (the words matched, read into numbers above, are let go: held to the end of the
    # function they would sit under every step that follows)
    del found, dm, month, year, day, dm_month, dm_day
    frame = join_beside(frame, _publication(claims), "doc_id")
    published = pl.col("_published")
    dated = pl.col("_month").is_not_null() & pl.col("_year").is_not_null()
    in_year = _sentence_year(published)
    before = before_figure()
    superseded = before.str.contains(_SUPERSEDED_BEFORE) | after_figure().str.contains(
        _SUPERSEDED_AFTER
    )
    # "on Tuesday": the last such day up to publication; "in March": the last March up to it
    weekday_back = (published.dt.weekday() - pl.col("_weekday") + 7) % 7
    days_back = pl.col("_back").replace_strict(
        {"yesterday": 1, "last week": 7}, default=None, return_dtype=pl.Int64
    )
    alone_year = published.dt.year() - (pl.col("_alone") > published.dt.month()).cast(pl.Int32)
    # "on May 9": the last 9 May up to publication
    later = pl.col("_dm_month") * 100 + pl.col("_dm_day") > (
        published.dt.month().cast(pl.Int32) * 100 + published.dt.day().cast(pl.Int32)
    )
    day_month = pl.date(
        published.dt.year() - later.cast(pl.Int32), pl.col("_dm_month"), 1
    ) + pl.duration(days=pl.col("_dm_day").clip(1, 31) - 1)
    day_month = pl.when(day_month.dt.month() == pl.col("_dm_month")).then(day_month)
    # "last year" (or "last summer") dates the figures of its own stretch of the sentence (the
    # words from the figure before to the one after), or all of a sentence it opens: "growth of 1.1% in
    # 2027, down from 2.3% last year" and "cut the deficit to 3% of GDP from 4% of GDP last
    # year" date only the figure before it
    stretch = pl.concat_str(
        before.str.extract(r"([^0-9]*)$", 1).fill_null(""),
        pl.lit(" "),
        after_figure().str.extract(r"^([^0-9]*)", 1).fill_null(""),
    )
    # "last summer": that season's middle month in the year of publication, or the year
    # before when that month is not at least six weeks past
    season = pl.col("_last").replace_strict(_SEASONS, default=None, return_dtype=pl.Int32)
    season_this_year = pl.date(published.dt.year(), season, 1)
    season_date = (
        pl.when(season_this_year > published - pl.duration(days=42))
        .then(pl.date(published.dt.year() - 1, season, 1))
        .otherwise(season_this_year)
    )
    # "the 58% of four years ago": as "last year", of the figure's own stretch, more years back
    numbers = {w: n for w, n in lexicon().number_words.items() if 1 < n < 100}
    # (read only in sentences that write "ago", in any case: a literal search first)
    (ago_read,) = on_rows(
        frame,
        sentence.str.contains_any(["ago"], ascii_case_insensitive=True),
        stretch.str.extract(_YEARS_AGO, 1).str.to_lowercase().alias("_ago"),
    )
    frame = frame.with_columns(ago_read)
    ago = pl.col("_ago")
    years_ago = pl.coalesce(
        ago.cast(pl.Int32, strict=False),
        ago.replace_strict(numbers, default=None, return_dtype=pl.Int32),
    )
    # a span of years that has ended by publication: the figures are of its end
    span_ended = pl.col("_span_end") < published.dt.year().fill_null(9999)
    # (read once for both columns: each use of an expression computes it again)
    frame = frame.with_columns(_in_year_ok=in_year, _day_month=day_month)
    in_year, day_month = pl.col("_in_year_ok"), pl.col("_day_month")
    # (the words read on the rows whose sentence names a year or says "last year" or "last
    # summer" alone: a year the figure's own clause names after of/in/during, "last ..." in
    # its stretch, a sentence "last ..." opens)
    said_last = pl.col("_last").is_in(["year", *_SEASONS])
    read = on_rows(
        frame,
        in_year | said_last.fill_null(False),
        (in_year & before.str.extract(r"([^,;:()]*)$", 1).str.contains(_OWN_YEAR)).alias("_o_y"),
        stretch.str.contains(_LAST_YEAR).alias("_o_ly"),
        stretch.str.contains(_LAST_SEASON).alias("_o_ls"),
        pl.col("sentence")
        .fill_null("")
        .str.contains(r"(?i)^\W*" + _LAST_YEAR_WORDS)
        .alias("_s_ly"),
        pl.col("sentence")
        .fill_null("")
        .str.contains(r"(?i)^\W*" + _LAST_SEASON_WORDS)
        .alias("_s_ls"),
    )
    frame = frame.with_columns(words.fill_null(False) for words in read)
    year_said = (pl.col("_last") == "year") & pl.col("_part").is_null()
    own_last_year = year_said & pl.col("_o_ly")
    last_year = year_said & (pl.col("_o_ly") | pl.col("_s_ly"))
    own_season = season.is_not_null() & pl.col("_o_ls")
    last_season = pl.when(own_season | (season.is_not_null() & pl.col("_s_ls"))).then(season_date)
    # a time the figure's own words give ("the flood of 1994 killed 27", "died last summer")
    # wins over a day the rest of the sentence gives ("..., the agency said on Saturday")
    own_time: pl.Expr = (
        pl.when(pl.col("_o_y"))
        .then(pl.date(pl.col("_in_year"), 7, 1))
        .when(own_last_year)
        .then(pl.date(published.dt.year() - 1, 7, 1))
        .when(own_season)
        .then(season_date)
    )
    frame = frame.with_columns(_own_time=own_time)
    own_time = pl.col("_own_time")
    # a time the sentence gives that the document gives no date to place ("on Tuesday", "on
    # May 9", "in March" in an undated document): of another time, but of which is not known
    unplaced = (
        pl.any_horizontal(pl.col(c).is_not_null() for c in ("_weekday", "_alone", "_dm_month"))
        | days_back.is_not_null()
    )
    # (read once each: an expression is computed anew at every use)
    frame = frame.with_columns(_years_ago=years_ago, _superseded=superseded)
    years_ago, superseded = pl.col("_years_ago"), pl.col("_superseded")
    frame = frame.with_columns(
        as_of=pl.when(dated)
        .then(_day_of_month())
        .when(own_time.is_not_null())
        .then(own_time)
        .when(day_month.is_not_null())
        .then(day_month)
        .when(pl.col("_weekday").is_not_null() & published.is_not_null())
        .then(published - pl.duration(days=weekday_back))
        .when(days_back.is_not_null() & published.is_not_null())
        .then(published - pl.duration(days=days_back))
        .when(pl.col("_alone").is_not_null() & published.is_not_null())
        .then(pl.date(alone_year, pl.col("_alone"), 1))
        .when(pl.col("_last") == "month")
        .then(published.dt.offset_by("-1mo"))
        .when((pl.col("_last") == "year") & pl.col("_part").is_not_null())
        .then(pl.date(published.dt.year() - 1, pl.col("_part"), 1))
        .when(last_year)
        .then(pl.date(published.dt.year() - 1, 7, 1))
        .when(last_season.is_not_null())
        .then(last_season)
        .when(years_ago.is_not_null())
        .then(pl.date(published.dt.year() - years_ago, 7, 1))
        .when(in_year)
        .then(pl.date(pl.col("_in_year"), 7, 1))
        .when(span_ended)
        .then(pl.date(pl.col("_span_end"), 12, 31))
        .otherwise(published),
        as_of_source=pl.when(dated)
        .then(pl.lit(IN_SENTENCE))
        .when(own_time.is_not_null())
        .then(pl.lit(YEAR_NAMED))
        .when(day_month.is_not_null())
        .then(pl.lit(_DAY_MONTH_BACK))
        .when(pl.col("_weekday").is_not_null() & published.is_not_null())
        .then(pl.lit(_WEEKDAY_BEFORE))
        .when(days_back.is_not_null() & published.is_not_null())
        .then(pl.lit(_DAYS_BEFORE))
        .when(pl.col("_alone").is_not_null() & published.is_not_null())
        .then(pl.lit("a month before publication"))
        .when((pl.col("_last") == "month") | pl.col("_part").is_not_null())
        .then(pl.lit("'last month/year' before publication"))
        # (the year before publication, as a year the sentence names: the figure's period)
        .when(last_year | last_season.is_not_null() | years_ago.is_not_null())
        .then(pl.lit(YEAR_NAMED))
        .when(in_year)
        .then(pl.lit(YEAR_NAMED))
        .when(span_ended)
        .then(pl.lit(SPAN_END))
        .when(unplaced & published.is_null())
        .then(pl.lit("a time in the sentence, with no date to place it"))
        .when(pl.col("published").is_not_null())
        .then(pl.lit(PUBLISHED))
        .when(pl.col("_from_url"))
        .then(pl.lit("the date in the document's address"))
        .when(published.is_not_null())
        .then(pl.lit("the latest date the document's sentences give"))
        .otherwise(pl.lit("no date")),
        superseded=superseded,
        # (a figure its source replaced is an earlier level too)
        starting_figure=(
            (
                before.str.contains(r"(?i)\bfrom\s*$")
                | pl.col("surface").str.contains(r"(?i)^from\s")
                | pl.col("claim_id").is_in(pl.col("from_claim").drop_nulls().implode())
            )
            & pl.col("change").is_null()
        )
        | superseded,
        is_delta=(
            pl.col("change").is_not_null()
            & ~before.str.contains(r"(?i)\bto\s*$")
            & ~(
                pl.col("dimension").is_in(PHYSICAL).fill_null(False)
                & after_figure().str.contains(_OF_STUFF).fill_null(False)
            )
        )
        | before.str.contains(_CHANGE_BY),
    ).drop("_ago", "_years_ago", "_superseded")
    frame = _same_day(_rates(frame, claims.schema["per"])).with_columns(written)
    return frame.drop(
        "_month",
        "_year",
        "_day",
        "_in_year",
        "_part",
        "_last",
        "_weekday",
        "_back",
        "_alone",
        "_dm_month",
        "_dm_day",
        "_published",
        "_from_url",
        "_in_year_ok",
        "_own_time",
        "_o_y",
        "_o_ly",
        "_o_ls",
        "_s_ly",
        "_s_ls",
        "_day_month",
        "_span_end",
    )


def _definite_rate(frame: pl.DataFrame) -> pl.DataFrame:
    """ "Where the $9bn comes from": a figure named with "the" is one the document gave
    before, and takes the rate it was given with ("$9bn a year")."""
    keys = ["doc_id", "value", "dimension"]
    rates = (
        frame.select(*keys, "per")
        .filter(pl.col("per").is_not_null())
        .group_by(keys)
        .agg(pl.col("per").first().alias("_per_before"))
    )
    before = before_figure()
    definite = before.str.contains(r"(?i)\b(?:the|this|that)\s*$")
    # joined on the keys alone and set beside the frame (see reconcile.columns)
    found = (
        frame.select(keys)
        .join(rates, on=keys, how="left", nulls_equal=True, maintain_order="left")
        .get_column("_per_before")
    )
    return frame.with_columns(
        per=pl.when(definite & pl.col("per").is_null()).then(found).otherwise(pl.col("per"))
    )


def _publication(claims: pl.DataFrame) -> pl.DataFrame:
    """doc_id -> ``_published`` (the publication date, else the address's date, else the
    latest full date of the document's sentences) and ``_from_url``; each document's
    address is read once, and sentences only of documents with neither date."""
    docs = (
        claims.group_by("doc_id")
        .agg(pl.col("published").drop_nulls().first(), pl.col("url").drop_nulls().first())
        .with_columns(_url=_url_date())
    )
    undated = docs.filter(pl.col("published").is_null() & pl.col("_url").is_null())
    from_text = (
        claims.select("doc_id", "sentence")
        .filter(pl.col("doc_id").is_in(undated.get_column("doc_id").implode()))
        .select("doc_id", _text_date().alias("_text"))
        .unique("doc_id")
    )
    return docs.join(from_text, on="doc_id", how="left").select(
        "doc_id",
        pl.coalesce("published", "_url", "_text").alias("_published"),
        (pl.col("published").is_null() & pl.col("_url").is_not_null()).alias("_from_url"),
    )
