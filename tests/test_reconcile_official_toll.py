""" "Official" sets a toll apart from estimates of the same toll; where no source gives such
an estimate for the place, the official toll is the toll the other sources count too.
Sentences made up for these tests."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile

OFFICIAL = "The official toll from the floods in Peru reached 3,100, the ministry said."


def _doc(text: str, doc: str, outlet: str) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=dt.date(2031, 4, 2))


def _official_key(other: str) -> str:
    claims = pl.concat([_doc(OFFICIAL, "a", "A"), _doc(other, "b", "B")], how="diagonal_relaxed")
    rows = reconcile(claims).claims.filter(pl.col("doc_id") == "a")
    return str(rows.filter(pl.col("value") == 3100.0)["concept_key"].item())


@pytest.mark.parametrize(
    ("other", "key"),
    [
        # another source's count of the same toll: nobody estimates it, so one measure
        ("Rescuers said 3,300 people died in the floods in Peru.", "death"),
        # an estimate word outside the figure's own clause does not make it an estimate
        (
            "Rescuers found 200 bodies in Peru, and the agency issued new estimates of damage.",
            "death",
        ),
        # an estimate of the toll for another place leaves this place's toll alone
        ("The institute estimates that 9,000 people died in Chile.", "death"),
        # an estimate of the same place's toll keeps the official count apart
        ("The institute estimates that 9,000 people died in Peru.", "official death"),
        ("Modelled figures put the true toll in Peru at 9,000.", "official death"),
        ("Peru had 12,000 excess deaths in 2030, a study found.", "official death"),
    ],
)
def test_an_official_toll_is_apart_only_where_the_toll_is_estimated(other: str, key: str) -> None:
    assert _official_key(other) == key


def test_an_official_toll_and_a_count_of_the_same_time_are_one_quantity() -> None:
    other = "Rescuers said 3,300 people died in the floods in Peru."
    claims = pl.concat([_doc(OFFICIAL, "a", "A"), _doc(other, "b", "B")], how="diagonal_relaxed")
    result = reconcile(claims)
    ids = result.claims.filter(pl.col("value").is_in([3100.0, 3300.0]))["quantity_id"]
    assert ids.len() == 2 and ids.n_unique() == 1
    # 3,100 and 3,300 are within the tolerance: no divergence is made of them
    assert "diverge" not in result.quantities["verdict"].cast(pl.String).to_list()
