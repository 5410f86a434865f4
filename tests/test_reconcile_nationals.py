"""People a nationality names by their standing or work ("Tunisian workers", "Tunisian
nationals") in a story about another country are that nationality's people: counted with
its other figures, though not surely the same. Sentences made up for these tests."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile

STORY = "Floods swept the coast of Libya this week. Libya has asked for help. "


def _result(first: str, second: str, day: int = 3) -> tuple[pl.DataFrame, pl.DataFrame]:
    texts = {"a": STORY + first, "b": STORY + second}
    claims = pl.concat(
        [
            extract_claims(texts["a"], doc_id="a", outlet="A", published=dt.date(2031, 4, 2)),
            extract_claims(texts["b"], doc_id="b", outlet="B", published=dt.date(2031, 4, day)),
        ],
        how="diagonal_relaxed",
    )
    result = reconcile(claims, texts=texts)
    return result.claims, result.quantities


def _ids(claims: pl.DataFrame, values: list[float]) -> list[str]:
    return claims.filter(pl.col("value").is_in(values))["quantity_id"].to_list()


@pytest.mark.parametrize(
    "second",
    [
        "The Red Cross said 250 Tunisian workers died in the floods.",
        "The Red Cross said 250 Tunisian nationals died in the floods.",
        "The Red Cross said 250 Tunisian citizens died in the floods.",
    ],
)
def test_nationals_named_by_role_join_the_nationalitys_toll(second: str) -> None:
    first = "Among the dead, at least 145 were Tunisian, officials in Tunis said."
    claims, quantities = _result(first, second, day=6)
    ids = _ids(claims, [145.0, 250.0])
    assert len(ids) == 2 and len(set(ids)) == 1
    verdict = quantities.filter(pl.col("quantity_id") == ids[0])["verdict"].cast(pl.String)
    assert verdict.to_list() == ["growth"]


def test_a_conflict_with_nationals_named_by_role_is_only_possibly_one() -> None:
    first = "The Tunisian government said 300 Tunisians died in the floods."
    second = "The Red Cross said 40 Tunisian workers died in the floods."
    claims, quantities = _result(first, second, day=2)
    ids = _ids(claims, [300.0, 40.0])
    assert len(ids) == 2 and len(set(ids)) == 1
    verdict = quantities.filter(pl.col("quantity_id") == ids[0])["verdict"].cast(pl.String)
    assert verdict.to_list() == ["uncertain"]


def test_a_part_named_by_age_stays_apart() -> None:
    first = "The Tunisian government said 300 Tunisians died in the floods."
    second = "The Red Cross said 40 Tunisian children died in the floods."
    claims, _ = _result(first, second, day=2)
    ids = _ids(claims, [300.0, 40.0])
    assert len(ids) == 2 and len(set(ids)) == 2
