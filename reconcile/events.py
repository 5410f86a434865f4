"""The event each report is about, by the day its first lines give it: figures from reports on
events far apart in time are possibly of two events, never shown as rivals.

News writing dates the event a report is about in its lead ("An earthquake struck the north on
Tuesday", "the toll from Monday's earthquake rose to 2,800"). The reports of a corpus on one
story tell of one day, or of days close together. A corpus that gathers the reports on two
earthquakes in one country a year apart tells of two, and the figures of one measure in one
place from both sets of reports make one series: a later, lower toll from another source would
read as a disagreement. :func:`lead_event_days` reads each report's day when the corpus tells of
events more than :data:`EVENT_APART_DAYS` apart, and ``reconcile.verdicts`` then calls such a
pair "uncertain" (possibly two events) rather than divergent.

The words are data: ``data/events.yaml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Mapping

import polars as pl

from .dating import MONTH_NUMBERS, WEEKDAY_NAMES, WEEKDAY_NUMBERS
from .frames import DATA, phrases, read_yaml

__all__ = ["EVENT_APART_DAYS", "LEAD_CHARS", "event_day", "lead_event_days"]

#: Events whose days are more than this many days apart are taken for two events.
EVENT_APART_DAYS = 14
#: A report's lead: its sentences that start within this many characters of its beginning.
LEAD_CHARS = 600

_MONTH = "(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + ")"
#: Where a sentence ends in a report's lead (a stop, then space), or a line does.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], str]:
    """The event told with its day, the event owned by a weekday, and a cheap prefilter (a
    Rust-regex pattern that every sentence either pattern can match also matches)."""
    words = read_yaml(DATA / "events.yaml")
    verbs, nouns = phrases(words["event_verbs"]), phrases(words["event_nouns"])
    year = r"(?:,?\s+(?P<y{}>(?:19|20)\d\d)\b)?"
    day = (
        rf"(?:(?P<wd>{WEEKDAY_NAMES})|(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})\b{year.format(1)}"
        rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\b{year.format(2)})"
    )
    # (a verb after an article is an adjective: "a collapsed school")
    told = re.compile(
        rf"(?i)(?<!\ba )(?<!\ban )(?<!\bthe )\b{verbs}(?:\s+[\w'\u2019-]+){{0,5}}?\s+"
        rf"(?:(?:early|late)\s+)?(?P<lead>on|last)\s+{day}"
    )
    owned = re.compile(rf"(?i)\b(?P<wd>{WEEKDAY_NAMES})['\u2019]s\s+(?:[\w-]+\s+)?{nouns}\b")
    prefilter = rf"(?i)\b(?:{verbs}|{WEEKDAY_NAMES}['\u2019]s)"
    return told, owned, prefilter


def _resolve(found: re.Match[str], published: dt.date) -> dt.date | None:
    """The day a match names: the last such weekday or day of a month up to ``published``."""
    parts = found.groupdict()
    if parts.get("wd"):
        back = (published.weekday() + 1 - WEEKDAY_NUMBERS[parts["wd"].lower()[:3]]) % 7
        if back == 0 and (parts.get("lead") or "").lower() == "last":
            back = 7  # "last Sunday" in a report of a Sunday: a week before
        return published - dt.timedelta(days=back)
    month = MONTH_NUMBERS[(parts.get("m1") or parts.get("m2") or "").lower()]
    day = int(parts.get("d1") or parts.get("d2") or 0)
    given = parts.get("y1") or parts.get("y2")
    years = [int(given)] if given else [published.year, published.year - 1]
    for year in years:
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return None
        if when <= published or given:
            return when
    return None


def event_day(sentence: str, published: dt.date) -> dt.date | None:
    """The day of the event ``sentence`` tells of, read against its report's date; None when
    it names none.

    >>> event_day("An earthquake struck the north on Tuesday.", dt.date(2031, 3, 6))
    datetime.date(2031, 3, 4)
    >>> event_day("The toll from Monday's earthquake rose to 90.", dt.date(2031, 3, 6))
    datetime.date(2031, 3, 3)
    >>> event_day("Fighting broke out along the border on 9 May.", dt.date(2031, 5, 12))
    datetime.date(2031, 5, 9)
    >>> print(event_day("The ministry said on Tuesday that 90 had died.", dt.date(2031, 3, 6)))
    None
    """
    told, owned, _ = _patterns()
    found = [m for m in (told.search(sentence), owned.search(sentence)) if m is not None]
    if not found:
        return None
    return _resolve(min(found, key=lambda m: m.start()), published)


def lead_event_days(
    claims: pl.DataFrame, texts: Mapping[str, str] | None = None
) -> dict[str, dt.date]:
    """Each report's event day (``doc_id`` -> day), read from the first sentence of its lead
    (:data:`LEAD_CHARS`) that names one, in its text when ``texts`` holds it, else among its
    claims' sentences; empty when the corpus tells of no events more than
    :data:`EVENT_APART_DAYS` apart, as a corpus on one story does (the days then change
    nothing)."""
    needed = ("doc_id", "sentence", "sentence_start", "published")
    if not set(needed) <= set(claims.columns):
        return {}
    texts = texts or {}
    # (the columns read taken one by one: a filter, or a select, of a table whose columns are
    # cut into different chunks would copy every column into one)
    claims = pl.DataFrame([claims.get_column(c) for c in needed])
    untold = claims.filter(~pl.col("doc_id").is_in(list(texts))) if texts else claims
    days = {**_days_in_texts(claims, texts), **_days_in_claims(untold)}
    distinct = sorted(set(days.values()))
    if all((b - a).days <= EVENT_APART_DAYS for a, b in itertools.pairwise(distinct)):
        return {}
    return days


def _days_in_texts(claims: pl.DataFrame, texts: Mapping[str, str]) -> dict[str, dt.date]:
    """The event day of each report whose text is given, read in its lead's sentences."""
    if not texts:
        return {}
    published = claims.select("doc_id", "published").drop_nulls().unique(subset="doc_id")
    days: dict[str, dt.date] = {}
    for doc, when in published.iter_rows():
        text = texts.get(doc)
        if not text:
            continue
        for sentence in _SENTENCE_END.split(text[:LEAD_CHARS]):
            if (day := event_day(sentence, when)) is not None:
                days[doc] = day
                break
    return days


def _days_in_claims(claims: pl.DataFrame) -> dict[str, dt.date]:
    """The event day of each report, read in its claims' sentences of its lead."""
    leads = (
        claims.lazy()
        .select("doc_id", "sentence", "sentence_start", "published")
        .filter(
            (pl.col("sentence_start") < LEAD_CHARS)
            & pl.col("published").is_not_null()
            & pl.col("sentence").str.contains(_patterns()[2])
        )
        .unique(subset=["doc_id", "sentence_start"])
        .sort("doc_id", "sentence_start")
        .collect()
    )
    days: dict[str, dt.date] = {}
    for doc, sentence, _start, published in leads.iter_rows():
        if doc not in days and (day := event_day(sentence, published)) is not None:
            days[doc] = day
    return days
