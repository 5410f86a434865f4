"""A generic source ("the study", "the model", "the researchers") stands for the work the
article named earlier; on made-up stories in our own words."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.sources import antecedent_source


@pytest.mark.parametrize(
    ("generic", "before", "name"),
    [
        # "<work> by <name>"
        ("the report", "A report by the Harbour Institute came out today. ", "Harbour Institute"),
        ("report", "The report from the Oslo-based Tide Council was long. ", "Tide Council"),
        # "<name>'s <work>"
        ("the study", "The Harbour Institute's new study looks at ports. ", "Harbour Institute"),
        # a quoted name of the work, the noun inside or after the quotation marks
        ("the model", "The \u201ctwin-economy model\u201d is much cited. ", "twin-economy model"),
        ("model", "They use the 'mirror' model of trade. ", "mirror model"),
        # the journal a work appeared in
        (
            "a recent study",
            "A study published in the Journal of Tides says ",
            "Journal of Tides study",
        ),
        # a name written before the noun of the work
        ("the analysis", "A Goldwater Partners analysis put it at 3%. ", "Goldwater Partners"),
        # "a study by researchers at <name>"
        (
            "the study",
            "A study by researchers at the University of Tides found 40. ",
            "University of Tides",
        ),
        # the people behind a work are its source too
        ("the researchers", "A study by the Tide Council was out. ", "Tide Council"),
        # the last work named with that noun wins
        (
            "the report",
            "A report by the Tide Council came first. Then a report by Port Watch. ",
            "Port Watch",
        ),
    ],
)
def test_a_generic_source_is_the_work_named_before_it(generic: str, before: str, name: str) -> None:
    assert antecedent_source(generic, before) == name


@pytest.mark.parametrize(
    ("generic", "before"),
    [
        # nothing named before: a generic source stays no source
        ("the study", "Ports were shut for a week. "),
        # a work named with another noun does not answer for this one
        ("the model", "A report by the Tide Council came out. "),
        # a place before the noun of the work says what it is about, not who made it
        ("the study", "A Peru study found 40 more. "),
        # a named source is not a generic one
        ("the Tide Council", "A report by the Harbour Institute came out. "),
        # a work named only after the figure is not what the figure's words point back to
        ("the report", ""),
    ],
)
def test_what_a_generic_source_is_not_resolved_to(generic: str, before: str) -> None:
    assert antecedent_source(generic, before) is None


def _doc(text: str, doc: str, outlet: str) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=dt.date(2031, 4, 2))


def test_the_model_named_earlier_is_the_asserter_and_can_disagree() -> None:
    first = (
        "The \u201cmirror-economy model\u201d compares Peru with its peers. "
        "The model found that the strike reduced Peru's GDP by 5.5%."
    )
    second = "The Harbour Institute said the strike reduced Peru's GDP by 3%."
    texts = {"a": first, "b": second}
    claims = pl.concat([_doc(first, "a", "A"), _doc(second, "b", "B")])
    result = reconcile(claims, texts=texts)
    asserters = dict(result.claims.select("doc_id", "asserter").iter_rows())
    assert asserters == {"a": "mirror-economy model", "b": "Harbour Institute"}
    assert result.quantities["verdict"].to_list() == ["diverge"]
    # without the text before it, "the model" names nobody, and no divergence is claimed
    alone = reconcile(claims).claims.filter(pl.col("doc_id") == "a")["asserter"].to_list()
    assert alone == ["unattributed (A)"]
