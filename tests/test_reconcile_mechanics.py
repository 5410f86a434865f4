"""The mechanics that keep reconcile fast on large tables give what the plain code gives."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl
import pytest

from reconcile.checks import _by_sentence
from reconcile.columns import join_beside, sorted_by
from reconcile.compare import _changed_by_quantity
from reconcile.verdicts import _changed


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
            bound = rng.choice(["exact", "exact", "approx", "lower", "upper"])
            rows.append(
                {"quantity_id": f"q{q}", "as_of": rng.choice(days), "best": best, "bound": bound}
            )
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_changed_by_quantity_agrees_with_changed(seed: int) -> None:
    rows = _random_quantities(seed)
    frame = pl.DataFrame(
        rows,
        schema={"quantity_id": pl.String, "as_of": pl.Date, "best": pl.Float64, "bound": pl.String},
    )
    vectorised = dict(_changed_by_quantity(frame, 0.05).iter_rows())
    by_quantity: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        by_quantity.setdefault(str(row["quantity_id"]), []).append(row)
    expected = {q: _changed(group, 0.05) for q, group in by_quantity.items()}
    assert vectorised == expected
    assert any(expected.values()) and not all(expected.values())


def test_sorted_by_copies_nothing_when_the_order_holds_and_sorts_otherwise() -> None:
    ordered = pl.DataFrame({"doc": ["a", "a", "b"], "start": [3, 9, 1]})
    assert sorted_by(ordered, "doc", "start") is ordered
    for rows in ([("a", 3), ("a", 3)], [("a", 9), ("a", 3)], [("b", 1), ("a", 5)]):
        frame = pl.DataFrame(rows, schema={"doc": pl.String, "start": pl.Int64}, orient="row")
        out = sorted_by(frame, "doc", "start")
        assert out is not frame
        assert out.equals(frame.sort("doc", "start"))


def test_sentences_are_grouped_alike_whether_or_not_their_rows_are_contiguous() -> None:
    rows = {
        "doc_id": ["d1", "d1", "d1", "d2"],
        "sentence_start": [0, 0, 40, 0],
        "start": [2, 9, 44, 1],
    }
    contiguous = pl.DataFrame(rows)
    scattered = contiguous[[0, 2, 1, 3]]
    starts = [[r["start"] for r in group] for group in _by_sentence(contiguous)]
    assert starts == [[2, 9], [44], [1]]
    assert [[r["start"] for r in group] for group in _by_sentence(scattered)] == [[2, 9], [44], [1]]
    assert list(_by_sentence(contiguous.clear())) == []


def test_the_order_of_the_input_rows_changes_nothing() -> None:
    """An input already sorted by document and offset takes a shorter way out; what the frames
    rewrite (the "odd" of "500-odd", the rate of "the $9bn" named again) must come out the
    same either way."""
    import datetime as dt

    from extract import extract_claims
    from reconcile import reconcile

    texts = [
        "The ministry has recorded 500-odd deaths in Peru since the storm, and 40 missing.",
        "Rescuers said 620 people died in Peru; about 1,000 were still missing on Friday.",
        "The strike has cost Peru 3% of GDP, and 2,000 jobs, the Harbour Institute said.",
        "The strike costs Peru $9bn a year, it says. Critics ask where the $9bn comes from.",
    ]
    claims = pl.concat(
        extract_claims(t, doc_id=f"d{i}", outlet="Example Post", published=dt.date(2031, 4, 2))
        for i, t in enumerate(texts)
    ).sort("doc_id", "start")
    ordered = reconcile(claims).claims
    shuffled = reconcile(claims.sample(fraction=1.0, shuffle=True, seed=7)).claims
    assert ordered.height == claims.height
    assert "odd death" not in ordered.get_column("unit").to_list()
    assert ordered.equals(shuffled)
