"""A figure counted over a span of whole years ("in 2030 and 2031", "between 2029 and
2031") that has ended by publication is a figure of the span's end, whenever it was
published: two sources' figures of one ended span are rival estimates of one closed total,
not a count that grew between their articles. The year a report came out ("a study
published in 2033") dates the report, not its figures, and is left aside when the
sentence's years date them. Cases are written for these tests (a made-up fever in Chile)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile

_SPRING, _AUTUMN = dt.date(2032, 3, 2), dt.date(2032, 9, 20)
_END_2030, _END_2031 = dt.date(2030, 12, 31), dt.date(2031, 12, 31)
#: A count of an ended span, the first source of the two-source cases too.
_OFFICE_SPAN = "The fever killed 600,000 people in Chile in 2030 and 2031, the Health Office said."

#: (id, text, publication, the date the figure is of)
#: A span of years ended by publication: the figure is of the span's end.
ENDED_SPANS = [
    ("and", _OFFICE_SPAN, _SPRING, _END_2031),
    # "between ... and ..." and "from ... to ..." are spans too
    ("between-and", "Between 2028 and 2030 the fever killed 1.2 million people in Chile.", _SPRING, _END_2030),
    ("from-to", "From 2029 to 2031 the fever killed 1.4 million people in Chile.", _SPRING, _END_2031),
]  # fmt: skip
#: No closed span: the figure is of its publication.
NO_ENDED_SPAN = [
    # a span still running at publication is no closed total
    ("still-running", "The fever has killed 600,000 people in Chile in 2031 and 2032, the Health Office said.", _SPRING, _SPRING),
    # a year that is no report's coming out is the sentence's own: three years, no span
    ("three-years", "The fever killed 600,000 people in Chile in 2030 and 2031, after 90,000 in 2029.", _SPRING, _SPRING),
]  # fmt: skip
#: The year a report came out is the report's, left aside: the sentence's other years date
#: the figure, a span (its end) or a single year.
REPORT_YEARS = [
    ("study-published-span", "A study published in 2032 put fever deaths in Chile in 2030 and 2031 at 900,000.", _AUTUMN, _END_2031),
    ("report-released-year", "A report released in 2032 put fever deaths in Chile in 2031 at 400,000.", _AUTUMN, dt.date(2031, 7, 1)),
]  # fmt: skip
DATED = ENDED_SPANS + NO_ENDED_SPAN + REPORT_YEARS


def _dates(text: str, published: dt.date) -> list[dt.date | None]:
    claims = extract_claims(text, doc_id="a", outlet="Coast Herald", published=published)
    return reconcile(claims).claims.get_column("as_of").to_list()


@pytest.mark.parametrize(
    ("text", "published", "as_of"), [c[1:] for c in DATED], ids=[c[0] for c in DATED]
)
def test_a_figure_of_an_ended_span_of_years_is_dated_at_its_end(
    text: str, published: dt.date, as_of: dt.date
) -> None:
    dates = _dates(text, published)
    assert dates and dates[0] == as_of, dates


def _verdict(first: str, second: str) -> str:
    claims = pl.concat(
        [
            extract_claims(first, doc_id="a", outlet="Coast Herald", published=_SPRING),
            extract_claims(second, doc_id="b", outlet="Bay Times", published=_AUTUMN),
        ]
    )
    quantities = reconcile(claims).quantities
    assert quantities.height == 1, quantities
    return str(quantities["verdict"][0])


#: (id, the first source's words (published in spring), the second's (in autumn), the verdict)
TWO_SOURCES = [
    # a later, higher estimate of the same ended span from another source: a rival
    # estimate, not growth
    ("rival", _OFFICE_SPAN, "The fever killed 900,000 people in Chile in 2030 and 2031, Valley Trust estimated.", "diverge"),
    # the same two sources within tolerance of each other: they agree
    ("within-tolerance", _OFFICE_SPAN, "The fever killed 610,000 people in Chile in 2030 and 2031, Valley Trust estimated.", "agree"),
    # with no span named, the later, higher figure is the count updated
    ("no-span", "The fever has killed 600,000 people in Chile, the Health Office said.", "The fever has killed 900,000 people in Chile, Valley Trust estimated.", "growth"),
    # excess deaths are a modelled estimate, but counted "since the fever began" they are a
    # running total: another source's later, higher figure is that total grown, not a rival
    # (comparing every pair of excess-death figures whatever their dates would call it one)
    ("running-excess", "Excess deaths in Chile since the fever began have passed 400,000, the Health Office said.", "Chile has had 900,000 excess deaths since the fever began, Valley Trust estimated.", "growth"),
    # the same measure over one ended span: two estimates of one closed total that differ
    ("ended-span-excess", "Chile had 600,000 excess deaths in 2030 and 2031, the Health Office said.", "Chile had 900,000 excess deaths in 2030 and 2031, Valley Trust estimated.", "diverge"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("first", "second", "verdict"), [c[1:] for c in TWO_SOURCES], ids=[c[0] for c in TWO_SOURCES]
)
def test_two_sources_on_one_ended_span_are_compared_as_of_one_time(
    first: str, second: str, verdict: str
) -> None:
    assert _verdict(first, second) == verdict
