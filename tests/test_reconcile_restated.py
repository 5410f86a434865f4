"""A precise figure restated across reports is one figure (``reconcile.restated``).

The sentences behind each case are ours; the frames hold what ``assign_keys`` reads from
them by the time the restatements are matched.
"""

from __future__ import annotations

import polars as pl
import pytest
from reconcile_sentences import _of, _on_one_day

from reconcile.restated import measure_again

OWN = "the word 'withdrew' right before the figure"
FAR = "the words 'trading' in the sentence"


def _figures(*rows: dict[str, object]) -> pl.DataFrame:
    base = {
        "doc_id": "a",
        "surface": "€3.6 billion",
        "value": 3.6e9,
        "norm_value": 3.9e9,
        "dimension": "currency",
        "norm_unit": "USD",
        "norm_per": None,
        "is_delta": False,
        "entity": "the bank",
        "period": None,
        "concept_key": "withdrawal",
        "concept_source": OWN,
        "population": None,
    }
    text = {c: pl.String for c in ("norm_unit", "norm_per", "period", "population")}
    return pl.DataFrame([{**base, **row} for row in rows], schema_overrides=text)


def _measures(frame: pl.DataFrame) -> list[str | None]:
    return measure_again(frame).get_column("concept_key").to_list()


def test_a_reading_from_farther_off_takes_the_one_its_own_phrase_names() -> None:
    # "Depositors withdrew €3.6 billion on Monday." / "Trading was halted after €3.6 billion
    # left the bank."
    frame = _figures({}, {"doc_id": "b", "concept_key": "trade", "concept_source": FAR})
    assert _measures(frame) == ["withdrawal", "withdrawal"]
    source = measure_again(frame).get_column("concept_source").to_list()[1]
    assert "read so in another report" in source and "trade" in source


def test_without_an_own_reading_most_documents_decide() -> None:
    far = {"concept_source": FAR}
    frame = _figures(
        {**far, "concept_key": "trade"},
        {**far, "doc_id": "b", "concept_key": "share"},
        {**far, "doc_id": "c", "concept_key": "share"},
    )
    assert _measures(frame) == ["share", "share", "share"]


def test_a_count_names_its_people_once() -> None:
    # "6,500 jobs will go" / "the 6,500 job cuts"
    counted = {"dimension": "count", "norm_unit": None, "value": 6500.0, "norm_value": 6500.0}
    frame = _figures(
        {**counted, "concept_key": "job", "population": "job", "concept_source": FAR},
        {
            **counted,
            "doc_id": "b",
            "concept_key": "job cut",
            "population": "job cut",
            "concept_source": "counted noun 'job cut'",
        },
    )
    out = measure_again(frame)
    assert out.get_column("population").to_list() == ["job cut", "job cut"]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"value": 4e6, "norm_value": 4.3e6, "surface": "€4 million"}, "one significant digit"),
        (
            {
                "value": 12.0,
                "norm_value": 12.0,
                "dimension": "count",
                "norm_unit": None,
                "surface": "12",
            },
            "a count under 100",
        ),
        ({"surface": "billions"}, "a vague figure"),
        ({"entity": "the regulator"}, "another entity's figure"),
        ({"period": "projected"}, "a projection beside a count"),
        ({"norm_per": "day"}, "a rate beside a sum"),
        ({"is_delta": True}, "a change beside a level"),
    ],
)
def test_figures_not_taken_for_one(change: dict[str, object], why: str) -> None:
    other = {"doc_id": "b", "concept_key": "trade", "concept_source": FAR}
    if "entity" in change or "period" in change or "norm_per" in change or "is_delta" in change:
        frame = _figures({}, {**other, **change})
    else:
        frame = _figures(change, {**other, **change})
    assert _measures(frame) == ["withdrawal", "trade"], why


def test_one_reading_leaves_the_frame_as_it_is() -> None:
    frame = _figures({}, {"doc_id": "b"})
    assert measure_again(frame) is frame


def test_reports_of_one_story_put_a_restated_figure_in_one_quantity() -> None:
    result = _on_one_day(
        "Savers pulled money from Harbourline Bank all week. Depositors withdrew "
        "€3.6 billion on Monday alone, the bank said.",
        "Harbourline Bank's shares fell again. Trading was halted after €3.6 billion "
        "left the bank in a single day, according to the central bank.",
    )
    assert (
        _of(result, "€3.6 billion", "a")["quantity_id"]
        == _of(result, "€3.6 billion", "b")["quantity_id"]
    )


def test_two_ages_are_one_figure_only_when_they_are_one_number() -> None:
    # the ages of two people in one story are not one quantity that grew; an age restated is
    result = _on_one_day(
        "A 34-year-old nurse in Peru was among the injured, officials said.",
        "Rescuers in Peru pulled a 61-year-old farmer from the rubble on Monday.",
        "The 63-year-old stadium in Peru will be closed, the mayor said.",
        "The stadium in Peru, which is 63 years old, had no sprinklers.",
    )
    nurse, farmer = _of(result, "34", "a"), _of(result, "61", "b")
    assert nurse["quantity_id"] != farmer["quantity_id"]
    assert _of(result, "63", "c")["quantity_id"] == _of(result, "63", "d")["quantity_id"]
