"""Reconciliation on awkward input: clear results, a check row or a warning, never a crash."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import CLAIMS_SCHEMA, extract_claims
from reconcile import reconcile


def _claims(
    text: str, *, published: dt.date | None = dt.date(2023, 5, 1), doc: str = "d1"
) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet="Example Times", published=published)


def test_empty_table_warns_and_returns_empty_frames() -> None:
    with pytest.warns(UserWarning, match="empty"):
        result = reconcile(CLAIMS_SCHEMA.to_frame())
    assert result.quantities.height == 0 and result.assertions.height == 0
    assert "quantity_id" in result.claims.columns


def test_missing_columns_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="missing columns"):
        reconcile(pl.DataFrame({"value": [1.0]}))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"threshold": 0}, "threshold"),
        ({"window_days": -1}, "window_days"),
        ({"currency": "XYZ"}, "XYZ"),
    ],
)
def test_bad_parameters_are_clear_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        reconcile(_claims("Officials said 300 troops arrived."), **kwargs)  # type: ignore[arg-type]


def test_single_claim_without_unit_or_date_is_single() -> None:
    result = reconcile(_claims("Officials said 300 arrived.", published=None))
    assert result.quantities["verdict"].to_list() == ["single"]
    assert result.claims["group_note"][0].startswith("no date")
    assert result.checks.filter(pl.col("kind") == "input").height == 1


def test_zero_and_negative_values_do_not_crash() -> None:
    text = "Officials said 0 troops arrived. Officials said the balance was -5 million dollars."
    result = reconcile(_claims(text))
    assert sorted(result.claims["value"].to_list()) == [-5e6, 0.0]
    # the zero count is noted but joins no quantity; a negative balance of money is a figure
    assert result.quantities.height == 1
    assert set(result.quantities["verdict"].to_list()) == {"single"}
    zero = result.claims.filter(pl.col("value") == 0)
    assert zero["group_note"].to_list() == ["zero or negative count"]
    assert zero["quantity_id"].to_list() == [None]


def test_zero_counts_do_not_move_the_consensus() -> None:
    claims = pl.concat(
        [
            _claims("Officials said 300 troops arrived in Chad.", doc="a"),
            _claims("Officials said 0 troops arrived in Chad.", doc="b"),
            _claims("Officials said 310 troops arrived in Chad.", doc="c"),
        ]
    )
    quantities = reconcile(claims).quantities
    assert quantities.height == 1 and quantities["low"][0] == 300.0, quantities


def test_repeated_claim_ids_are_dropped_with_a_warning() -> None:
    once = _claims("Officials said 300 troops arrived in Chad.", doc="a")
    other = _claims("Officials said 310 troops arrived in Chad.", doc="b")
    many = pl.concat([once] * 50 + [other])
    with pytest.warns(UserWarning, match="repeat a claim_id"):
        result = reconcile(many)
    assert result.claims.height == 2
    assert result.assertions["n_reports"].sum() == 2


def test_currency_without_a_rate_for_the_date_is_kept_and_reported() -> None:
    # the ECB's reference rates start in 1999
    frame = _claims("Officials said it cost £5 million.", published=dt.date(1995, 1, 1))
    result = reconcile(frame)
    row = result.claims.row(0, named=True)
    assert row["norm_unit"] == "GBP" and row["norm_value"] == 5e6
    assert "no exchange rate" in row["group_note"]
    assert result.checks.filter(pl.col("kind") == "input").height == 1


def test_rates_are_brought_to_one_period() -> None:
    a = _claims("Officials said the group spends $1.2 billion a year.", doc="a")
    b = _claims("Analysts said the group spends $100 million a month.", doc="b")
    result = reconcile(pl.concat([a, b]), per="month")
    assert result.claims["norm_value"].to_list() == pytest.approx([1e8, 1e8])
    assert result.quantities.height == 1 and result.quantities["verdict"][0] == "agree"
    assert result.quantities["per"].to_list() == ["month"]


@pytest.mark.parametrize(
    ("texts", "per", "best"),
    [
        # every source gives a year: shown a year, not as a twelfth of it a month
        (["spends $1.2 billion a year", "spends about $1.2 billion a year"], "year", 1.2e9),
        # two of three give a week: the week, the yearly one restated in it
        (
            ["spends $10 million a week", "spends $520 million a year", "spends $10m a week"],
            "week",
            1e7,
        ),
        # one each: the longer period
        (["spends $1.2 billion a year", "spends $100 million a month"], "year", 1.2e9),
    ],
)
def test_a_rate_is_shown_in_the_period_its_sources_give(
    texts: list[str], per: str, best: float
) -> None:
    who = ["Officials", "Analysts", "Auditors"][: len(texts)]
    frames = [
        _claims(f"{w} said the group {t}.", doc=f"d{i}")
        for i, (w, t) in enumerate(zip(who, texts, strict=True))
    ]
    result = reconcile(pl.concat(frames))
    q = result.quantities
    assert q.height == 1 and q["verdict"][0] == "agree", q
    assert q["per"][0] == per and per in q["label"][0]
    assert q["best"][0] == pytest.approx(best, rel=0.03)
    # each estimate is restated in that period too, next to the others
    assert result.assertions["best"].to_list() == pytest.approx([best] * len(texts), rel=0.03)


def test_units_are_converted_before_comparing() -> None:
    a = _claims("Officials said the border is 17 kilometres long.", doc="a")
    b = _claims("Analysts said the border is 10.6 miles long.", doc="b")
    result = reconcile(pl.concat([a, b]))
    assert result.claims["norm_unit"].to_list() == ["km", "km"]
    assert result.quantities.height == 1 and result.quantities["verdict"][0] == "agree"


def test_mapping_merges_and_renames() -> None:
    a = _claims("Officials said 300 troops arrived.", doc="a")
    b = _claims("Officials said 320 soldiers arrived.", doc="b")
    plain = reconcile(pl.concat([a, b]))
    labels = plain.quantities["label"].to_list()
    mapping = {"merge": [{"into": labels[0], "members": labels}], "rename": {labels[0]: "Arrivals"}}
    merged = reconcile(pl.concat([a, b]), mapping=mapping)
    assert merged.quantities.height == 1 and merged.quantities["label"][0] == "Arrivals"


def test_mapping_with_unknown_keys_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown mapping keys"):
        reconcile(_claims("Officials said 300 troops arrived."), mapping={"merj": []})


def test_truth_discovery_down_weights_an_outlier_source() -> None:
    texts = []
    for i, (a, b, c) in enumerate([(100, 102, 300), (50, 51, 150), (20, 20, 60)]):
        noun = ["tanks", "ships", "planes"][i]
        # a place in each sentence: without one, whether they count the same losses is unsure
        place = "in Chad"
        texts.append(_claims(f"Analysts said {a} {noun} were lost {place}.", doc=f"a{i}"))
        texts.append(_claims(f"Monitors said {b} {noun} were lost {place}.", doc=f"b{i}"))
        texts.append(_claims(f"Bloggers said {c} {noun} were lost {place}.", doc=f"c{i}"))
    claims = pl.concat(texts)
    median = reconcile(claims)
    weighted = reconcile(claims, consensus="truth_discovery")
    weights = dict(weighted.assertions.select("asserter", "weight").unique().iter_rows())
    assert weights["Bloggers"] < weights["Analysts"] and weights["Bloggers"] < weights["Monitors"]
    assert set(median.quantities["verdict"].to_list()) == {"diverge"}
    # the weighted consensus sits with the two sources that agree, never with the outlier
    for best, high in weighted.quantities.select("best", "high").iter_rows():
        assert best < high


def test_lazy_input_gives_the_same_result() -> None:
    claims = pl.concat(
        [
            _claims("Officials said 300 troops arrived.", doc="a"),
            _claims("Officials said 320 troops arrived.", doc="b"),
        ]
    )
    eager = reconcile(claims)
    lazy = reconcile(claims.lazy())
    assert eager.quantities.equals(lazy.quantities)


def test_money_per_item_converts_the_money_and_keeps_the_item() -> None:
    frame = _claims("Officials said oil cost $80 a barrel.").with_columns(
        unit=pl.lit("cent/barrel"), value=pl.lit(8000.0), low=pl.lit(8000.0), high=pl.lit(8000.0)
    )
    row = reconcile(frame, currency="EUR").claims.row(0, named=True)
    assert row["norm_unit"] == "EUR/barrel"
    assert 60 < row["norm_value"] < 90


def test_claims_written_before_from_claim_are_accepted() -> None:
    claims = extract_claims("The group grew from 1,000 to nearly 20,000 fighters.", doc_id="d")
    old = reconcile(claims.drop("from_claim"))
    new = reconcile(claims)
    assert old.claims.height == new.claims.height == 2
    assert old.claims["from_claim"].is_null().all()


def test_the_start_of_a_from_to_series_is_a_starting_figure() -> None:
    from reconcile.dating import assign_dates

    claims = extract_claims("Guidance fell from the US $61 to $64 billion.", doc_id="d")
    assert claims["from_claim"].null_count() == 1  # $64 billion points to $61 ("from the US")
    dated = assign_dates(claims).sort("start")
    assert dated["starting_figure"].to_list() == [True, False]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "the fires gave off 290 megatonnes of carbon",
            "the fires gave off 290 million tonnes of carbon",
        ),
        ("the glacier lost 2 gigatonnes of ice", "the glacier lost 2,000 million tonnes of ice"),
        ("the mill ground 40 kilotonnes of grain", "the mill ground 40,000 tonnes of grain"),
    ],
)
def test_multiples_of_the_tonne_are_brought_to_tonnes(first: str, second: str) -> None:
    a = _claims(f"Officials said {first} last year.", doc="a")
    b = _claims(f"Analysts said {second} last year.", doc="b")
    result = reconcile(pl.concat([a, b]))
    assert result.claims["norm_unit"].to_list() == ["t", "t"]
    assert result.claims["norm_value"][0] == pytest.approx(result.claims["norm_value"][1])
    assert result.claims["quantity_id"].n_unique() == 1


def test_the_windows_of_one_series_share_one_period() -> None:
    # one measure of one group: two reports by the week in spring, three by the year in
    # autumn; the windows are drawn on one axis, so all take the period most reports give
    spring = [
        _claims(f"{w} said the group spends $10 million a week.", doc=f"s{i}")
        for i, w in enumerate(["Officials", "Analysts"])
    ]
    autumn = [
        _claims(f"{w} said the group spends $600 million a year.", doc=f"a{i}")
        for i, w in enumerate(["Officials", "Analysts", "Auditors"])
    ]
    spring = [f.with_columns(published=pl.lit(dt.date(2030, 3, 2))) for f in spring]
    autumn = [f.with_columns(published=pl.lit(dt.date(2030, 10, 2))) for f in autumn]
    result = reconcile(pl.concat([*spring, *autumn]), window_days=30)
    q = result.quantities
    assert q.height == 2 and q["series_id"].n_unique() == 1, q
    assert q["per"].to_list() == ["year", "year"]
    assert sorted(q["best"].to_list()) == pytest.approx([5.2e8, 6e8], rel=0.01)
