"""The peer-suite benchmark (benchmarks/peers.py): its scorer on cases we write, and its
smallest mode on the real suites (skipped when ../shared is absent)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import load_benchmark

peers = load_benchmark("peers_under_test", "peers.py")
halves = load_benchmark("halves_under_test", "_halves.py")


def agree(expected: str | None, unit: str | None, dimension: str | None = None) -> bool:
    return bool(peers.units_agree(expected, {"unit": unit, "dimension": dimension}))


def test_units_agree_across_spellings() -> None:
    assert agree("Meter", "m")
    assert agree("Kilometer per hour", "km/h")
    assert agree("Dollar", "CAD")  # a generic dollar is any dollar
    assert agree("C", "°C")
    assert not agree("C", "°F")
    assert not agree("Euro", "USD")
    assert agree(None, None) and not agree(None, "kg")
    assert agree("dimensionless", "lorry", "count") and not agree("dimensionless", "kg", "mass")


def test_a_range_end_counts_and_intervals_compare_both_ends() -> None:
    item = peers.Expected(40.0, None, "between 40 and 60", None, (40.0, 60.0))
    row = {"value": 50.0, "low": 40.0, "high": 60.0, "bound": "range"}
    assert peers.value_matches(item, row)
    assert peers.interval_exact(item, row)
    assert not peers.interval_exact(item, {**row, "high": 70.0})
    above = peers.Expected(12.0, None, "over 12", None, (12.0, math.inf))
    assert peers.interval_exact(above, {"value": 12.0, "low": 12.0, "bound": "lower"})
    assert not peers.interval_exact(above, {"value": 12.0, "high": 12.0, "bound": "upper"})


def test_exclusions_are_counted_apart_and_their_rows_not_held_against_us() -> None:
    case = peers.Case(
        "number",
        "The 3rd bridge cost 40 dollars in 1987.",
        (
            peers.Expected(3.0, None, "3rd", "ordinal"),
            peers.Expected(40.0, None, "40"),
            peers.Expected(1987.0, None, "1987"),
        ),
    )
    rows = [{"value": 3.0}, {"value": 40.0}, {"value": 7.0}]
    tally = peers.score_case(case, rows)
    assert tally.excluded == {"ordinal": 1, "year": 1}
    assert (tally.expected, tally.predicted, tally.value) == (1, 2, 1)


def test_every_exclusion_gives_its_reason() -> None:
    names = [e.name for e in peers.EXCLUSIONS]
    assert len(names) == len(set(names))
    assert all(len(e.reason) > 20 for e in peers.EXCLUSIONS)


def test_halves_are_fixed_and_both_used() -> None:
    texts = [f"The depot holds {n} crates of apples." for n in range(40)]
    split = [halves.half_of(t) for t in texts]
    assert split == [halves.half_of(t) for t in texts]
    assert set(split) == {"fit", "check"}


def test_smallest_mode_runs_on_the_suites(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_dir / "benchmarks" / "peers"
    if not folder.is_dir():
        pytest.skip("../shared/benchmarks/peers is not present")
    assert peers.main(["--dir", str(folder), "--smallest", "3"]) == 0
    out = capsys.readouterr().out
    for label, _ in peers.FILES:
        assert f"{label:<14} check" in out
    assert "Left out by design" in out and "quantulum3" in out


def test_newsquant_prints_both_halves(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = shared_dir / "benchmarks" / "newsquant" / "newsquant_dev.json"
    if not data.is_file():
        pytest.skip("NewsQuant dev file is not present")
    nq = load_benchmark("newsquant_halves_under_test", "newsquant.py")
    assert nq.main(["--data", str(data), "--smallest", "6"]) == 0
    out = capsys.readouterr().out
    assert "== fit half" in out and "== check half" in out


def test_a_fraction_in_words_is_no_ordinal() -> None:
    case = peers.Case("q3 quantities", "The odds are one ninth.", ())
    share = peers.Expected(1 / 9, "dimensionless", "one ninth")
    rank = peers.Expected(9.0, "dimensionless", "the ninth")
    assert peers.exclusion_of(share, case) is None
    assert peers.exclusion_of(rank, case) == "ordinal"


def test_a_dozen_of_things_is_twelve_of_them() -> None:
    want = peers.Expected(2.0, "dozen", "two dozen")
    assert peers.value_matches(want, {"value": 24.0, "dimension": "count"})
    assert not peers.value_matches(want, {"value": 24.0, "dimension": "mass"})
    assert peers.units_agree("dozen", {"unit": "egg", "dimension": "count"})


def test_the_midpoint_of_a_change_is_left_out_but_a_range_is_scored() -> None:
    change = peers.Case("q3 quantities", "Fees went from 12 kg to 20 kg.", ())
    spread = peers.Case("q3 quantities", "Loads ranged from 12 kg to 20 kg.", ())
    item = peers.Expected(16.0, "kilogram", "12 kg to 20 kg")
    assert peers.exclusion_of(item, change) == "midpoint of a change"
    assert peers.exclusion_of(item, spread) is None
