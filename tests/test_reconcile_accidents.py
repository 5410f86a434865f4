"""What a figure of an accident's toll measures, read from the clause it stands in (issue 11).

Rules found missing by an invented train derailment (``tests/data/own_topics/derailment``),
each tested on made-up sentences of its own: the subject of a verb reaching a figure names
it over a clause after it; those still in hospital are a part of the injured, counted on
their own; a speed or a length counts no people, whatever words stand near it; the source
of a count is read past its initials in brackets and an aside, and from verbs of holding to
a figure ("maintains that", "repeated its estimate of"); a toll in a clause about an event
"of 1987" is dated in that year, and a weekday after the figure of "from" dates that figure
alone; "she" is the person named last even when her surname ends in "s".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from extract import extract_claims
from reconcile import ReconcileResult, reconcile

_DAY = dt.date(2031, 4, 7)


def _run(*texts: str) -> ReconcileResult:
    """Reconcile ``texts``, one document each (``d0``, ``d1``, ...), published a day apart."""
    names = [f"d{i}" for i in range(len(texts))]
    claims = [
        extract_claims(text, doc_id=name, published=_DAY + dt.timedelta(days=i))
        for i, (name, text) in enumerate(zip(names, texts, strict=True))
    ]
    return reconcile(pl.concat(claims), texts=dict(zip(names, texts, strict=True)))


def _of(result: ReconcileResult, surface: str, doc: str = "") -> dict[str, Any]:
    """The output row of the first claim whose surface starts with ``surface`` (in ``doc``)."""
    found = result.claims.filter(pl.col("surface").str.starts_with(surface))
    if doc:
        found = found.filter(pl.col("doc_id") == doc)
    assert found.height, surface
    return found.row(0, named=True)


# --- the subject of a verb reaching the figure -------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("The death toll rose to 31 on Sunday after four injured climbers died in hospital.",
         "31", "death"),
        ("The toll climbed to 15 overnight when a wounded guide died.", "15", "death"),
        ("Ferry disaster toll reaches 40 as coastguard counts survivors", "40", "death"),
        ("The number of people evacuated jumped to 9,000 as the death toll reached 12.",
         "9,000", "evacuated"),
        ("The number of people evacuated jumped to 9,000 as the death toll reached 12.",
         "12", "death"),
        ("The number of patients still in hospital fell to 19 on Friday.", "19", "hospitalised"),
    ],
)  # fmt: skip
def test_the_subject_reaching_a_figure_names_it(text: str, surface: str, measure: str) -> None:
    assert _of(_run(text), surface)["concept_key"] == measure


def test_words_after_a_figure_still_name_it_with_no_verb_of_reaching() -> None:
    # no subject reaches the figure: the words after it say what it counts
    result = _run("Rescuers said 14 people were injured and 3 were missing after the blast.")
    assert _of(result, "14")["concept_key"] == "injured"


# --- those still in hospital ---------------------------------------------------------------


def test_people_in_hospital_are_counted_apart_from_the_injured() -> None:
    result = _run(
        "The ministry said 140 people were injured in the collapse.",
        "Of those hurt, 58 were still in hospital on Monday, the ministry said.",
        "The ministry said 140 people had been injured, and 33 remained in hospital.",
    )
    injured, in_hospital = _of(result, "140", "d0"), _of(result, "58")
    assert in_hospital["concept_key"] == "hospitalised"
    assert injured["quantity_id"] != in_hospital["quantity_id"]
    # the count in hospital falls as patients go home: one quantity, apart from the injured
    assert _of(result, "33")["quantity_id"] == in_hospital["quantity_id"]


# --- a physical figure counts no people ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "not_measure"),
    [
        ("The coach was travelling at 96 km/h as it entered the tunnel.", "96 km/h",
         "border crossing"),
        ("Queues at the toll bridge reached 6 km on Sunday.", "6 km", "death"),
    ],
)  # fmt: skip
def test_a_speed_or_a_length_counts_no_people(text: str, surface: str, not_measure: str) -> None:
    assert _of(_run(text), surface)["concept_key"] != not_measure


# --- an earlier event's toll ----------------------------------------------------------------


def test_a_toll_in_a_clause_about_an_event_of_a_year_is_dated_then() -> None:
    # "the X of 1987, in which 33 died": the year of the event the clause is about
    result = _run(
        "At least 12 workers were killed in the warehouse fire, the fire service said.",
        "It was the city's worst fire since the Harbour Mill blaze of 1987, in which 33 "
        "workers died.",
    )
    earlier, now = _of(result, "33"), _of(result, "At least 12")
    assert earlier["as_of"].year == 1987
    assert earlier["quantity_id"] != now["quantity_id"]


def test_a_weekday_after_the_figure_of_from_dates_that_figure_alone() -> None:
    # published on Tuesday: "down from 20 on Monday night" dates the 20, not the nine
    result = _run(
        "Twenty people were missing on Monday night, police said.",
        "Nine people were still missing, police said, down from 20 on Monday night.",
    )
    assert _of(result, "Nine", "d1")["as_of"] == _DAY + dt.timedelta(days=1)
    assert _of(result, "20", "d1")["as_of"] == _DAY


# --- who gives a count -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a name with its initials in brackets, then an aside between commas, then the verb
        ("The Harbour Pilots Guild (HPG), which represents ferry crews, said 212 passengers "
         "were aboard.", "Harbour Pilots Guild"),
        ("Northern Coach Lines (NCL), the region's main operator, said 58 people were on the "
         "coach.", "Northern Coach Lines"),
        # verbs of holding to a figure already given
        ("Tessaly Ferries maintains that 212 passengers were aboard.", "Tessaly Ferries"),
        ("The Seafarers Federation repeated on Monday its estimate of about 300 passengers.",
         "Seafarers Federation"),
    ],
)  # fmt: skip
def test_the_source_of_a_count_is_read(text: str, source: str) -> None:
    attribution = extract_claims(text, doc_id="d").item(0, "attribution")
    assert attribution is not None and attribution.startswith(source)


def test_repeated_as_an_adjective_names_no_source() -> None:
    claims = extract_claims("After repeated warnings, 300 people left the valley.", doc_id="d")
    assert claims.item(0, "attribution") is None


# --- a surname ending in "s" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Petra Hollis said 3 crews were working. She added that 14 people were missing.",
        '"We are still digging," said Petra Hollis, a fire service spokeswoman. She said 14 '
        "people were missing.",
    ],
)
def test_she_is_the_person_named_last_whose_surname_ends_in_s(text: str) -> None:
    claims = extract_claims(text, doc_id="d").filter(pl.col("value") == 14)
    assert claims.item(0, "attribution") == "Petra Hollis"


def test_a_body_whose_name_ends_in_a_plural_is_no_person() -> None:
    # "Rail Workers" is a body: "he" is still the man named before it
    text = (
        "Tom Reed said 3 crews were working. The Federation of Rail Workers said 5 more came. "
        "He said 14 people were missing."
    )
    claims = extract_claims(text, doc_id="d").filter(pl.col("value") == 14)
    assert claims.item(0, "attribution") == "Tom Reed"
