"""Units whose bare word means different amounts in different countries: "tons" is a short
ton in the United States, a long ton in Britain and loosely a metric tonne elsewhere. A
figure in bare "tons" is read as tonnes with an interval spanning every reading; one that
names its system keeps that reading. Made-up sentences about a cement works."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile

_SHORT, _LONG = 0.90718474, 1.0160469088


def _read(sentence: str) -> dict[str, object]:
    claims = reconcile(extract_claims(sentence, doc_id="a")).claims
    assert claims.height == 1, claims
    return claims.row(0, named=True)


@pytest.mark.parametrize(
    ("sentence", "value", "low_reading", "high_reading"),
    [
        # the bare word: read as tonnes, its interval reaching the short and the long ton
        ("The works burned 40 million tons of coal in 2030.", 40e6, _SHORT, _LONG),
        # the system named: the short ton alone
        ("The works burned 40 million short tons of coal in 2030.", 40e6 * _SHORT, _SHORT, _SHORT),
        # tonnes: one reading
        ("The works burned 40 million tonnes of coal in 2030.", 40e6, 1.0, 1.0),
    ],
)
def test_a_bare_ton_spans_its_readings(
    sentence: str, value: float, low_reading: float, high_reading: float
) -> None:
    row = _read(sentence)
    assert row["norm_unit"] == "t"
    assert row["norm_value"] == pytest.approx(value)
    # the interval of a rounded "40 million" (at most ±5%) is read around each reading
    assert float(row["interval_low"]) <= 40e6 * low_reading
    assert float(row["interval_low"]) >= 40e6 * low_reading * 0.95 * (1 - 1e-9)
    assert float(row["interval_high"]) >= 40e6 * high_reading
    assert float(row["interval_high"]) <= 40e6 * high_reading * 1.05 * (1 + 1e-9)


def test_one_figure_in_tons_and_in_tonnes_agrees() -> None:
    # one record written "tons" by one outlet and "tonnes" by another: not a change over time
    reports = [
        extract_claims(
            f"The Cement Board said the works emitted 212 million {word} of carbon in 2029.",
            doc_id=doc,
            outlet=outlet,
            published=dt.date(2031, 3, 4),
        )
        for doc, outlet, word in (("a", "Hill Times", "tons"), ("b", "Vale Post", "tonnes"))
    ]
    quantities = reconcile(pl.concat(reports)).quantities
    assert quantities.height == 1, quantities
    assert quantities["verdict"][0] in ("echo", "agree")
    assert quantities["low"][0] == quantities["high"][0] == 212e6
