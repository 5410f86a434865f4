"""The mechanics that keep reconcile fast on large tables give what the plain code gives."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl
import pytest

from reconcile.columns import join_beside
from reconcile.compare import _changed, _changed_by_quantity


def test_join_beside_keeps_the_row_order_and_the_columns() -> None:
    frame = pl.DataFrame({"doc": ["b", "a", "c", "b"], "n": [1, 2, 3, 4]})
    table = pl.DataFrame({"doc": ["a", "b"], "place": ["Peru", "Chad"], "year": [2020, 2021]})
    out = join_beside(frame, table, "doc")
    assert out.columns == ["doc", "n", "place", "year"]
    assert out.get_column("place").to_list() == ["Chad", "Peru", None, "Chad"]
    assert out.equals(frame.join(table, on="doc", how="left", maintain_order="left"))


def test_join_beside_refuses_a_key_that_repeats() -> None:
    frame = pl.DataFrame({"doc": ["a"]})
    with pytest.raises(ValueError, match="repeats"):
        join_beside(frame, pl.DataFrame({"doc": ["a", "a"], "x": [1, 2]}), "doc")


def _random_quantities(seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    days = [None, *(dt.date(2023, 1, 1) + dt.timedelta(days=d) for d in range(6))]
    rows: list[dict[str, object]] = []
    for q in range(300):
        for _ in range(rng.randint(1, 7)):
            # round figures so that ties between dates happen often
            best = float(rng.choice([100, 102, 104, 106, 110, 120, 95, 90]))
            rows.append({"quantity_id": f"q{q}", "as_of": rng.choice(days), "best": best})
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_changed_by_quantity_agrees_with_changed(seed: int) -> None:
    rows = _random_quantities(seed)
    frame = pl.DataFrame(
        rows, schema={"quantity_id": pl.String, "as_of": pl.Date, "best": pl.Float64}
    )
    vectorised = dict(_changed_by_quantity(frame, 0.05).iter_rows())
    by_quantity: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        by_quantity.setdefault(str(row["quantity_id"]), []).append(row)
    expected = {q: _changed(group, 0.05) for q, group in by_quantity.items()}
    assert vectorised == expected
    assert any(expected.values()) and not all(expected.values())
