"""Reports on two events far apart in time (two earthquakes in one country a year apart) give
figures of one measure in one place, which make one series; a later, lower toll from another
source must not read as the sources disagreeing. The day each report's lead gives its event
("struck ... on Tuesday", "Monday's earthquake") tells the two events apart, and such a pair
is "uncertain" (possibly two events), never "diverge". A corpus on one story, whose reports
tell of one day, is left as it was. Cases are written for these tests (made-up quakes in
Peru)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.events import event_day, lead_event_days

_THU = dt.date(2031, 3, 6)  # a Thursday

#: (id, sentence, publication, the event's day or None)
EVENT_DAYS = [
    ("struck-on-weekday", "A strong earthquake struck southern Peru on Tuesday, killing 40.", _THU, dt.date(2031, 3, 4)),
    ("early-on", "A landslide hit the mining town early on Monday.", _THU, dt.date(2031, 3, 3)),
    ("same-day", "The ferry sank on Thursday with 300 people aboard.", _THU, _THU),
    ("last-weekday", "The storm battered the coast last Sunday.", _THU, dt.date(2031, 3, 2)),
    ("last-weekday-a-week", "The storm battered the coast last Thursday.", _THU, dt.date(2031, 2, 27)),
    ("possessive", "The toll from Tuesday's earthquake rose to 212.", _THU, dt.date(2031, 3, 4)),
    ("month-day", "Fighting broke out along the border on March 1.", _THU, dt.date(2031, 3, 1)),
    ("day-month", "The dam burst on 28 February after days of rain.", _THU, dt.date(2031, 2, 28)),
    ("day-month-last-year", "The dam burst on 28 December, flooding the valley.", _THU, dt.date(2030, 12, 28)),
    ("with-year", "The tremor struck on 4 March 2029, the agency recalled.", _THU, dt.date(2029, 3, 4)),
    # the day of a statement, not of an event
    ("said-on", "The ministry said on Tuesday that 212 people had died.", _THU, None),
    # a count owned by a weekday dates the count
    ("count-owned", "By Tuesday's count, 212 people had died.", _THU, None),
    # a verb after an article is an adjective
    ("adjective", "Rescuers reached a collapsed school on Tuesday.", _THU, None),
    ("no-day", "An earthquake struck southern Peru, killing 40.", _THU, None),
    ("no-such-day", "The dam burst on 31 February.", _THU, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "published", "day"),
    [pytest.param(*case[1:], id=case[0]) for case in EVENT_DAYS],
)
def test_the_day_of_the_event_a_sentence_tells_of(
    sentence: str, published: dt.date, day: dt.date | None
) -> None:
    assert event_day(sentence, published) == day


_FIRST = (
    "A powerful earthquake struck southern Peru on Monday, killing at least 2,400 people, the "
    "interior ministry said."
)
_UPDATE = (
    "The number of people killed by Monday's earthquake in Peru rose to 2,800 on Wednesday, the "
    "interior ministry said."
)
_SECOND = (
    "A strong earthquake struck northern Peru on Tuesday, killing 1,500 people, the Red Cross said."
)
#: The same report of the second quake with no day for its event.
_SECOND_UNDATED = (
    "A strong earthquake in northern Peru has killed 1,500 people, the Red Cross said."
)

_MON, _WED = dt.date(2031, 2, 10), dt.date(2031, 2, 12)
_A_YEAR_ON = dt.date(2032, 3, 4)  # a Thursday, the second quake on Tuesday 2 March


def _claims(second: str, second_published: dt.date) -> pl.DataFrame:
    return pl.concat(
        [
            extract_claims(_FIRST, doc_id="a", outlet="Andes Daily", published=_MON),
            extract_claims(_UPDATE, doc_id="b", outlet="Lima Wire", published=_WED),
            extract_claims(second, doc_id="c", outlet="Pacific Post", published=second_published),
        ],
        how="vertical_relaxed",
    )


def _deaths(claims: pl.DataFrame) -> dict[str, str]:
    """The verdict and why of the quantity that holds the 1,500."""
    result = reconcile(claims, texts=None)
    qid = (
        result.claims.filter(pl.col("value") == 1500).get_column("quantity_id").drop_nulls().item()
    )
    row = result.quantities.filter(pl.col("quantity_id") == qid).row(0, named=True)
    return {"verdict": str(row["verdict"]), "why": str(row["why"])}


def test_a_lower_toll_of_another_event_a_year_on_is_uncertain_not_divergent() -> None:
    found = _deaths(_claims(_SECOND, _A_YEAR_ON))
    assert found["verdict"] == "uncertain"
    assert "possibly two events" in found["why"]


def test_the_event_days_are_read_only_when_the_corpus_tells_of_events_far_apart() -> None:
    two = lead_event_days(_claims(_SECOND, _A_YEAR_ON))
    assert two == {"a": _MON, "b": _MON, "c": dt.date(2032, 3, 2)}
    # one story: its reports tell of one day (or days close together), and nothing changes
    assert lead_event_days(_claims(_SECOND, _WED)) == {}  # "Tuesday": a day after Monday


def test_without_a_day_for_the_second_event_the_rule_stays_out_of_the_way() -> None:
    """The rule turns on the reports' own words: with no day for the second quake, the tool
    cannot tell it is another event, and the pair is judged as any other."""
    assert lead_event_days(_claims(_SECOND_UNDATED, _A_YEAR_ON)) == {}


def test_texts_are_read_for_a_lead_that_holds_no_figure() -> None:
    lead = "An earthquake struck northern Peru on Tuesday.\n\n"
    text = lead + "Aid groups said 1,500 people had been killed."
    claims = extract_claims(text, doc_id="c", outlet="Pacific Post", published=_A_YEAR_ON)
    first = extract_claims(_FIRST, doc_id="a", outlet="Andes Daily", published=_MON)
    both = pl.concat([first, claims], how="vertical_relaxed")
    days = lead_event_days(both, {"a": _FIRST, "c": text})
    assert days == {"a": _MON, "c": dt.date(2032, 3, 2)}
    # without the text, the lead sentence (no figure, no claim) is not seen
    assert lead_event_days(both) == {}
