"""The reconcile_dev extraction benchmark (benchmarks/extract_dev.py) in its smallest mode.

``benchmarks/`` is not a package, so the script is loaded from its path.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import polars as pl
import pytest
from conftest import load_benchmark


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("extract_dev_bench", "extract_dev.py")


def test_topics_split_by_hash_into_two_disjoint_halves(bench: ModuleType) -> None:
    topics = ["rivers", "harvests", "elections", "tariffs", "storms"]
    fit, check = bench.split_topics(topics)
    assert len(fit) == 3 and len(check) == 2
    assert set(fit) | set(check) == set(topics) and not set(fit) & set(check)
    assert bench.split_topics(reversed(topics)) == (fit, check)


def test_attribution_counts_wrong_sources_on_both_sides(bench: ModuleType) -> None:
    rows = pl.DataFrame(
        {
            "found": [True, True, True, False, True],
            "attribution": ["the port authority", "Ms Lind", None, None, "the union"],
            "gold_attribution": [
                "Port Authority",
                "Harbour Board",
                "Harbour Board",
                "Ms Lind",
                None,
            ],
        }
    )
    p, r, f1 = bench._attribution(rows)
    # one right, two named wrongly (false positives), three gold sources missed
    assert p == pytest.approx(100 / 3) and r == pytest.approx(25.0)
    assert f1 == pytest.approx(2 * p * r / (p + r))


def test_smallest_mode_scores_every_topic_and_both_halves(
    bench: ModuleType, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = shared_dir / "reconcile_dev"
    if not (data / "gold.jsonl").exists():
        pytest.skip("../shared/reconcile_dev is not present")
    assert bench.main(["--smallest", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "FIT half" in out and "CHECK half" in out
    table, _, _, topics = bench.dev_scores(data, smallest=True)
    assert len(topics) == len(set(topics.values())) == 5
    for scores in table.values():
        assert 0 <= scores.attribution_f1 <= 100 and 0 <= scores.detection <= 100
    assert table["ALL"].required == table["FIT half"].required + table["CHECK half"].required
    assert table["ALL"].detection > 50


def test_extraction_and_grouping_hold_out_the_same_topics(bench: ModuleType) -> None:
    """One split of reconcile_dev: what extraction develops on, grouping develops on too."""
    grouping = load_benchmark("reconcile_eval_same_split", "reconcile_eval.py")
    topics = ["rivers", "harvests", "elections", "tariffs", "storms"]
    assert bench.split_topics(topics) == grouping.split_topics(topics, rotation=0)


def test_only_durations_and_vague_magnitudes_go_unscored(bench: ModuleType) -> None:
    """The set's README: durations and vague words are neither claims nor negatives."""
    unpaired = pl.DataFrame(
        {
            "surface": ["four weeks", "thousands of voters", "hundreds", "40 voters", "12 ships"],
            "dimension": ["duration", "count", "count", "count", "count"],
            "boilerplate": [False, False, False, False, True],
        }
    )
    kept = bench.not_scored(unpaired)["surface"].to_list()
    assert kept == ["four weeks", "thousands of voters", "hundreds"]


def test_strict_scoring_counts_every_unpaired_claim(bench: ModuleType, shared_dir: Path) -> None:
    data = shared_dir / "reconcile_dev"
    if not (data / "gold.jsonl").exists():
        pytest.skip("../shared/reconcile_dev is not present")
    table, *_ = bench.dev_scores(data, smallest=True, strict=True)
    assert all(s.unscored == 0 for s in table.values())
