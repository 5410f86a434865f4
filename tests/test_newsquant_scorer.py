"""Hand-made cases for the NewsQuant scorer in benchmarks/newsquant.py.

``benchmarks/`` is not a package, so the script is loaded from its path. The
tests need neither the benchmark data nor our extractor.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import BENCHMARKS, load_benchmark

nq = load_benchmark("newsquant_under_test", "newsquant.py")
ALIASES = nq.UnitAliases.load(BENCHMARKS / "newsquant_units.json")


def gold(value: str, unit: str = "-", change: str = "=", concepts: str = "-") -> dict[str, Any]:
    return {
        "value": value,
        "unit": unit,
        "normalized_unit": unit,
        "change": change,
        "referred_concepts": concepts,
    }


def pred(
    value: float | None,
    unit: str | None = None,
    *,
    low: float | None = None,
    high: float | None = None,
    bound: str = "exact",
    per: str | None = None,
    change: str | None = None,
    concept: str | None = None,
    dimension: str | None = None,
) -> dict[str, Any]:
    return {
        "value": value,
        "low": low,
        "high": high,
        "bound": bound,
        "unit": unit,
        "per": per,
        "change": change,
        "concept": concept,
        "dimension": dimension,
    }


def run(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    result = nq.score([{"text": "s", "quantities": golds}], [preds], ALIASES)
    return result["metrics"]


# ----------------------------------------------------------------- gold values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("800000000.0", 800000000.0),
        ("-1.4", -1.4),
        ("1.99E-29", 1.99e-29),
        ("1e-05", 1e-05),
        ("252.0-287.0", (252.0, 287.0)),
        ("3.0 - 4.0", (3.0, 4.0)),
        ("2.0-0.0", (2.0, 0.0)),
        ("-5--3", (-5.0, -3.0)),
        ("1e-05-2e-05", (1e-05, 2e-05)),
    ],
)
def test_parse_gold_value(text: str, expected: Any) -> None:
    assert nq.parse_gold_value(text) == expected


def test_parse_gold_value_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        nq.parse_gold_value("about five")


# ----------------------------------------------------------------- one-to-one


def test_one_prediction_cannot_match_two_gold() -> None:
    m = run([gold("5", "percentage"), gold("5", "percentage")], [pred(5.0, "percent")])
    assert m["value"]["correct"] == 1
    assert m["value"]["P"] == 100.0
    assert m["value"]["R"] == 50.0


def test_one_gold_cannot_be_matched_twice() -> None:
    m = run([gold("5", "percentage")], [pred(5.0, "percent"), pred(5.0, "percent")])
    assert m["value"]["correct"] == 1
    assert m["value"]["P"] == 50.0
    assert m["value"]["R"] == 100.0


def test_matching_prefers_pairs_whose_unit_matches() -> None:
    golds = [gold("5.0", "kilometre"), gold("5.0", "percentage")]
    # Listed in the "wrong" order: a first-come pairing would get both units wrong.
    preds = [pred(5.0, "percent"), pred(5.0, "km")]
    m = run(golds, preds)
    assert m["value"]["correct"] == 2
    assert m["value+unit"]["correct"] == 2


def test_matching_is_maximum_not_greedy() -> None:
    # Gold A (range 4-6 km) matches both predictions; gold B (5 mi) matches only
    # p0. Pairing A with its unit-matching p0 first would strand B; the scorer
    # maximises the number of value matches first, then units.
    golds = [gold("4.0-6.0", "kilometre"), gold("5", "mile")]
    preds = [
        pred(5.0, "km", low=4.0, high=6.0, bound="range"),
        pred(4.99, "mi", low=4.0, high=6.0, bound="range"),
    ]
    m = run(golds, preds)
    assert m["value"]["correct"] == 2
    assert m["value+unit"]["correct"] == 0


def test_max_weight_assignment() -> None:
    assert nq.max_weight_assignment([[110, 100], [100, 0]]) == [(0, 1), (1, 0)]
    assert nq.max_weight_assignment([[3, 1], [1, 0]]) == [(0, 0)]
    assert nq.max_weight_assignment([[0, 0], [0, 0]]) == []
    assert nq.max_weight_assignment([[1], [2], [0]]) == [(1, 0)]
    assert nq.max_weight_assignment([[1, 5, 0]]) == [(0, 1)]


def test_values_use_relative_tolerance() -> None:
    assert run([gold("1000000.0")], [pred(1000004.0)])["value"]["correct"] == 1
    assert run([gold("1000000.0")], [pred(1000100.0)])["value"]["correct"] == 0


# ----------------------------------------------------------------- ranges


def test_range_gold_matches_range_prediction() -> None:
    m = run(
        [gold("15.0-22.0", "mile per hour")], [pred(18.5, "mph", low=15, high=22, bound="range")]
    )
    assert m["value"]["correct"] == 1
    assert m["value+unit"]["correct"] == 1


def test_descending_range_gold_matches_sorted_prediction() -> None:
    m = run(
        [gold("412.0-398.0", "dollar")],
        [pred(None, "USD", low=398, high=412, bound="range")],
    )
    assert m["value"]["correct"] == 1


def test_range_gold_needs_both_ends() -> None:
    assert run([gold("15.0-22.0")], [pred(18.5)])["value"]["correct"] == 0
    assert run([gold("15.0-22.0")], [pred(15.0, low=15.0)])["value"]["correct"] == 0
    assert (
        run([gold("15.0-22.0")], [pred(18.5, low=15, high=23, bound="range")])["value"]["correct"]
        == 0
    )


def test_scalar_gold_compares_range_prediction_value() -> None:
    p = pred(18.5, low=15, high=22, bound="range")
    assert run([gold("18.5")], [p])["value"]["correct"] == 1
    assert run([gold("15.0")], [p])["value"]["correct"] == 0


# ----------------------------------------------------------------- change


@pytest.mark.parametrize(
    ("change", "bound", "symbol"),
    [
        ("increase", "exact", "up"),
        ("decrease", "approx", "down"),
        (None, "exact", "="),
        (None, "approx", "~"),
        (None, "lower", ">"),
        (None, "upper", "<"),
        (None, "range", "="),
    ],
)
def test_change_symbol(change: str | None, bound: str, symbol: str) -> None:
    assert nq.change_symbol(pred(1.0, bound=bound, change=change)) == symbol


def test_value_change_metric() -> None:
    golds = [gold("3.0", "percentage", change="up"), gold("100.0", "dollar", change=">")]
    preds = [pred(3.0, "percent", change="increase"), pred(100.0, "USD", bound="approx")]
    m = run(golds, preds)
    assert m["value"]["correct"] == 2
    assert m["value+change"]["correct"] == 1


# ----------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("ours", "per", "dimension", "theirs"),
    [
        ("USD", None, None, "dollar"),
        ("USD", "month", None, "dollar per month"),
        ("ILS", "year", None, "shekel per year"),
        ("GBP", None, None, "pound sterling"),
        ("JPY", None, None, "japanese yen"),
        ("AUD", None, None, "australian dollar"),
        ("HKD", None, None, "hong kong dollar"),
        ("MYR", None, None, "malaysian ringgit"),
        ("percent", None, None, "percentage"),
        ("km", None, None, "kilometre"),
        ("m", None, None, "metre"),
        ("mi", None, None, "mile"),
        ("mph", None, None, "mile per hour"),
        ("km/h", None, None, "kilometre per hour"),
        ("kg", None, None, "kilogram"),
        ("lb", None, None, "pound-mass"),
        ("°C", None, None, "celsius"),
        ("°F", None, None, "fahrenheit"),
        ("USD/barrel", None, None, "dollar per barrel"),
        ("year", None, "age", "year of age"),
        ("year", None, "duration", "year"),
        ("worker", None, None, "worker"),
        ("person", None, None, "people"),
        ("Americans", None, None, "American"),
        ("commercial fisherman", None, None, "commercial fishermen"),
        ("test", "day", None, "test per day"),
    ],
)
def test_unit_alias_table(ours: str, per: str | None, dimension: str | None, theirs: str) -> None:
    g = gold("1", theirs)
    assert nq.unit_correct(g, pred(1.0, ours, per=per, dimension=dimension), ALIASES)


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("USD", "pound sterling"),
        ("USD", "dollar per month"),
        ("km", "mile"),
        ("percent", "-"),
        (None, "percentage"),
        ("year", "year of age"),
    ],
)
def test_unit_mismatches(ours: str | None, theirs: str) -> None:
    assert not nq.unit_correct(gold("1", theirs), pred(1.0, ours), ALIASES)


def test_no_unit_gold_needs_null_unit() -> None:
    assert nq.unit_correct(gold("7"), pred(7.0, None), ALIASES)
    assert not nq.unit_correct(gold("7"), pred(7.0, "worker"), ALIASES)


def test_case_sensitive_symbols_resolve_exactly() -> None:
    assert ALIASES.to_newsquant("MW") == "megawatt"
    assert ALIASES.to_newsquant("mW") != "megawatt"


def test_alias_file_is_valid_json_with_currency_codes() -> None:
    data = json.loads((BENCHMARKS / "newsquant_units.json").read_text(encoding="utf-8"))
    aliases = data["aliases"]
    for code in ("USD", "GBP", "EUR", "JPY", "AUD", "HKD", "MYR", "ILS"):
        assert code in aliases
    assert all(isinstance(v, str) and v for v in aliases.values())


# ----------------------------------------------------------------- concepts


def test_concept_partial_and_complete() -> None:
    assert nq.concept_correct("net worth, Vance sisters", "the net worth") == (True, False)
    assert nq.concept_correct("net worth", "Net worth.") == (True, True)
    assert nq.concept_correct("net worth", "revenue") == (False, False)
    assert nq.concept_correct("-", None) == (True, True)
    assert nq.concept_correct("-", "") == (True, True)
    assert nq.concept_correct("-", "revenue") == (False, False)
    assert nq.concept_correct("revenue", None) == (False, False)


def test_concept_metrics_counted_on_matched_pairs_only() -> None:
    golds = [gold("5", "percentage", concepts="growth"), gold("9", "dollar", concepts="price")]
    preds = [pred(5.0, "percent", concept="growth"), pred(8.0, "USD", concept="price")]
    m = run(golds, preds)
    assert m["concept_partial"]["correct"] == 1
    assert m["concept_complete"]["correct"] == 1


# ----------------------------------------------------------------- scores can fail


def test_wrong_prediction_lowers_precision() -> None:
    golds = [gold("5", "percentage")]
    perfect = run(golds, [pred(5.0, "percent")])
    assert perfect["value"]["F1"] == 100.0
    noisy = run(golds, [pred(5.0, "percent"), pred(2019.0)])
    assert noisy["value"]["P"] == 50.0
    assert noisy["value"]["R"] == 100.0
    assert noisy["value"]["F1"] < perfect["value"]["F1"]


def test_wrong_value_scores_zero() -> None:
    m = run([gold("5", "percentage")], [pred(6.0, "percent")])
    assert all(m[k]["correct"] == 0 for k in nq.METRICS)
    assert m["value"]["F1"] == 0.0


def test_right_value_wrong_unit_only_fails_unit() -> None:
    m = run([gold("5", "percentage")], [pred(5.0, "USD")])
    assert m["value"]["F1"] == 100.0
    assert m["value+unit"]["F1"] == 0.0


def test_empty_inputs() -> None:
    m = run([], [])
    assert m["value"]["F1"] == 0.0
    m = run([gold("1")], [])
    assert m["value"]["R"] == 0.0
    with pytest.raises(ValueError):
        nq.score([{"text": "s", "quantities": []}], [], ALIASES)


# ----------------------------------------------------------------- real data (optional)


def test_every_gold_value_in_the_data_parses() -> None:
    if not nq.DEFAULT_DATA.exists():
        pytest.skip(f"{nq.DEFAULT_DATA} not available")
    records = json.loads(nq.DEFAULT_DATA.read_text(encoding="utf-8"))
    for record in records:
        for q in record["quantities"]:
            nq.parse_gold_value(q["value"])


def test_gold_scores_itself_perfectly() -> None:
    """Turning gold into predictions through the alias table scores 100 on value."""
    if not nq.DEFAULT_DATA.exists():
        pytest.skip(f"{nq.DEFAULT_DATA} not available")
    records = json.loads(nq.DEFAULT_DATA.read_text(encoding="utf-8"))
    preds = []
    for record in records:
        rows = []
        for q in record["quantities"]:
            v = nq.parse_gold_value(q["value"])
            if isinstance(v, tuple):
                rows.append(pred(sum(v) / 2, low=min(v), high=max(v), bound="range"))
            else:
                rows.append(pred(v))
        preds.append(rows)
    m = nq.score(records, preds, ALIASES)["metrics"]
    assert m["value"]["F1"] == 100.0


def test_head_noun_unit_is_only_an_extra_metric() -> None:
    m = run([gold("800000", "eligible pensioner")], [pred(800000.0, "pensioner")])
    assert m["value+unit"]["correct"] == 0
    assert m["value+unit_head"]["correct"] == 1
    m = run([gold("7", "dollar per month")], [pred(7.0, "month")])
    assert m["value+unit_head"]["correct"] == 0


# ----------------------------------------------------------------- our table -> NewsQuant's view


def claim_row(surface: str, value: float, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "claim_id": surface,
        "from_claim": None,
        "surface": surface,
        "value": value,
        "low": value,
        "high": value,
        "bound": "exact",
        "unit": None,
        "dimension": "count",
        "per": None,
        "change": None,
        "concept": None,
        "subject": None,
    }
    row.update(fields)
    return row


@pytest.mark.parametrize(
    ("surface", "unit", "expected"),
    [
        ("900,000 retired teachers", "teacher", "retired teacher"),
        ("two viruses", "virus", "virus"),
        ("As many as 12 part-time workers", "worker", "part-time worker"),
        ("more than 300 kidney transplants", "kidney transplant", "kidney transplant"),
        ("Dozens of villagers", "villager", "villager"),
        ("1,500", None, None),
    ],
)
def test_count_unit_is_the_noun_phrase_as_written(
    surface: str, unit: str | None, expected: str | None
) -> None:
    (view,) = nq.frame_rows([claim_row(surface, 1.0, unit=unit)])
    assert view["unit"] == expected


def test_concept_leaves_out_the_unit_words() -> None:
    row = claim_row(
        "900,000 retired teachers",
        9e5,
        unit="teacher",
        concept="retired teachers",
        subject="Winter Grant",
    )
    (view,) = nq.frame_rows([row])
    assert view["concept"] == "Winter Grant"
    (alone,) = nq.frame_rows([{**row, "subject": None}])
    assert alone["concept"] is None


def test_age_concept_leaves_out_age() -> None:
    row = claim_row("58", 58.0, unit="year", dimension="age", concept="age", subject="Ortiz")
    (view,) = nq.frame_rows([row])
    assert view["concept"] == "Ortiz"
    (other,) = nq.frame_rows([{**row, "dimension": "count"}])
    assert other["concept"] == "age, Ortiz"


def test_from_to_pair_becomes_one_range_without_change() -> None:
    start = claim_row("$412", 412.0, unit="USD", dimension="currency")
    end = claim_row(
        "$398",
        398.0,
        unit="USD",
        dimension="currency",
        change="decrease",
        from_claim="$412",
    )
    other = claim_row("3 percent", 3.0, unit="percent", dimension="ratio", change="decrease")
    views = nq.frame_rows([start, end, other])
    assert len(views) == 2
    joined = views[0]
    assert (joined["low"], joined["high"], joined["bound"]) == (412.0, 398.0, "range")
    assert nq.change_symbol(joined) == "="
    assert run([gold("412.0-398.0", "dollar")], [views[0]])["value+unit"]["correct"] == 1
    assert views[1]["change"] == "decrease"


def test_joined_range_concept_is_what_both_ends_measure() -> None:
    start = claim_row("30 mpg", 30.0, unit="mpg", dimension="other", subject="Average mileage")
    end = claim_row(
        "41 mpg",
        41.0,
        unit="mpg",
        dimension="other",
        change="increase",
        from_claim="30 mpg",
        concept="compact cars",
        subject="Average mileage",
    )
    (joined,) = nq.frame_rows([start, end])
    assert nq.concept_words(joined["concept"]) == {"average", "mileage", "compact", "cars"}
