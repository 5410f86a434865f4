"""A month after a figure: the span a flow counts, or the date a level is read at."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.tables import month_readings


def _claims(text: str, doc: str = "a", day: int = 2) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet="Example Post", published=dt.date(2031, 4, day))


def _period(text: str) -> str | None:
    """The period of the sentence's last figure, the one the month follows."""
    period = reconcile(_claims(text)).claims.sort("start").row(-1, named=True)["period"]
    return None if period is None else str(period)


SPAN, DATE = "span", "date"
MONTHS = {"january", "february", "march"}


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # events in the past tense: the figure counts what happened in that month
        ("Floods killed 700 people across Chile in March.", SPAN),
        ("About 2,500 migrants crossed into Chile in February 2031.", SPAN),
        ("Chile spent $4 billion on fuel subsidies in January.", SPAN),
        ("Exports from Chile fell by 8% in March.", SPAN),
        ("There were 350 road deaths in Chile in February.", SPAN),
        ("There were about 350 road deaths in Chile in February.", SPAN),
        ("Chile has lost 1,200 soldiers in March.", SPAN),
        # the past of "be" and "have" may count the month's events
        ("Road deaths in Chile were 700 in March.", SPAN),
        ("Chile had 700 road deaths in February.", SPAN),
        # a span word makes a span whatever the verb
        ("Chile housed 30,000 evacuees during March.", SPAN),
        ("Chile holds 3,000 detainees in March alone.", SPAN),
        ("Chile hosted 30,000 evacuees over the month of March.", SPAN),
        # a level held or reached: the month is the date of the reading
        ("Chile hosts 40,000 refugees in March 2031.", DATE),
        ("Chile hosted more than 40,000 refugees in March.", DATE),
        ("Chile has 12,000 troops deployed in February 2031.", DATE),
        ("The jobless rate in Chile stood at 7.5% in March.", DATE),
        ("Inflation in Chile rose to 9% in February.", DATE),
        ("The toll in Chile reached 1,900 in March.", DATE),
        ("There are some 40,000 refugees in Chile in March.", DATE),
        ("In Chile, 40,000 refugees are registered in March.", DATE),
        ("Across Chile, 40,000 refugees remain in shelters in March.", DATE),
        # a listed part of a level is read at the same date; a part of a flow spans the month
        ("Chile hosts 40,000 refugees, including 9,000 children in March.", DATE),
        ("Chile hosts 40,000 refugees, including 9,000 children and 4,000 elderly in March.", DATE),
        ("Chile counts 40,000 refugees, and 9,000 children arrived in March.", SPAN),
        ("Floods killed 700 people, including 90 children in March.", SPAN),
        # a level verb in an earlier clause does not govern a new clause's figure
        ("Chile hosts 40,000 refugees, and floods killed 700 people in March.", SPAN),
    ],
)
def test_a_month_after_a_figure_is_a_span_or_a_date(text: str, reading: str) -> None:
    period = _period(text)
    # a span is the month itself ("march 2031"); a dated level names no month of its own
    named_month = period is not None and period.split()[0] in MONTHS
    assert named_month == (reading == SPAN)


def test_level_verbs_are_expanded_to_their_forms() -> None:
    verbs = month_readings().level_verbs
    assert {"hosts", "hosted", "stood at", "stands at", "rose to", "is", "has"} <= verbs
    assert not {"died", "rose", "were", "had"} & verbs


def test_readings_of_one_level_in_a_month_and_as_of_a_month_are_one_quantity() -> None:
    claims = pl.concat(
        [
            _claims("Chile hosts 40,000 refugees in March 2031, officials said.", "a", 2),
            _claims("As of March, Chile had 41,000 refugees, officials said.", "b", 3),
        ]
    )
    result = reconcile(claims)
    refugees = result.claims.filter(pl.col("value") > 1000)
    assert refugees.height == 2
    assert refugees["quantity_id"].n_unique() == 1
    assert "diverge" not in result.quantities["verdict"].to_list()
