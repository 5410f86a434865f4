"""A quantity's label says its place once: a measure whose own words name the place (a
border crossing into a country, counted in that country) is not followed by "in <place>"
again; a measure that names no place, or another place, still gets it."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from reconcile.labels import label as _label


def _row(noun: str, subject: str, *, source: str = "a place in the sentence") -> pl.DataFrame:
    day = dt.date(2031, 5, 4)
    return pl.DataFrame(
        {
            "noun": [noun],
            "is_delta": [False],
            "subject": [subject],
            "entity_source": [source],
            "scope": [None],
            "unit": [None],
            "dimension": ["count"],
            "per": [None],
            "as_of_start": [day],
            "as_of_end": [day],
            "_precision": [0],
            "_groups": [None],
            "_period": [None],
            "_shown_unit": [None],
        },
        schema_overrides={
            "scope": pl.String,
            "unit": pl.String,
            "per": pl.String,
            "_groups": pl.String,
            "_period": pl.String,
            "_shown_unit": pl.String,
        },
    )


@pytest.mark.parametrize(
    ("noun", "subject", "label"),
    [
        # the measure names the place: said once
        ("border crossing into Peru", "Peru", "Border crossing into Peru, 4 May 2031"),
        ("crossings from peru", "Peru", "Crossings from peru, 4 May 2031"),
        ("arrivals to New Zealand", "New Zealand", "Arrivals to New Zealand, 4 May 2031"),
        # the measure names another place, or none: the place is added
        ("border crossing into Peru", "Chile", "Border crossing into Peru in Chile, 4 May 2031"),
        ("people missing", "Peru", "People missing in Peru, 4 May 2031"),
        # part of a word is not the place ("Peruvian" is not "Peru")
        ("Peruvian refugees", "Peru", "Peruvian refugees in Peru, 4 May 2031"),
        ("people missing", "unspecified", "People missing, 4 May 2031"),
    ],
)
def test_a_label_names_its_place_once(noun: str, subject: str, label: str) -> None:
    got = _row(noun, subject).select(_label()).item()
    assert got == label


def test_a_named_actor_still_leads_its_label() -> None:
    row = _row("troops in Peru", "Acme Group", source="a name in the sentence")
    assert row.select(_label()).item() == "Acme Group troops in Peru, 4 May 2031"
