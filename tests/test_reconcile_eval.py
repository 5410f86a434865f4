"""The reconcile_dev scorer in benchmarks/reconcile_eval.py, in its smallest mode.

``benchmarks/`` is not a package, so the script is loaded from its path.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_benchmark


def _load() -> ModuleType:
    return load_benchmark("reconcile_eval", "reconcile_eval.py")


def test_split_is_fixed_and_holds_out_two() -> None:
    module = _load()
    topics = ["alpha", "beta", "gamma", "delta", "epsilon"]
    fit, check = module.split_topics(topics)
    assert len(fit) == 3 and len(check) == 2
    assert set(fit) | set(check) == set(topics)
    assert module.split_topics(list(reversed(topics))) == (fit, check)
    assert module.split_topics(topics, rotation=1)[1] != check


def test_one_topic_scores_reconcile_and_both_baselines(shared_dir: Path) -> None:
    module = _load()
    if not (shared_dir / "reconcile_dev").is_dir():
        pytest.skip("../shared/reconcile_dev is absent")
    report = module.run(topics=["derna_flood_2023"], gold_input=True)
    assert set(report) == {
        "reconcile",
        "baseline: one group per article",
        "baseline: one per dimension+unit",
    }
    whole = report["reconcile"]["all"]
    assert whole["keys"] >= 4
    assert 0.0 <= whole["F1"] <= 1.0
    # one quantity per dimension and unit puts every death figure together: recall is high
    assert report["baseline: one per dimension+unit"]["all"]["R"] > 0.9


def test_grouping_by_the_gold_keys_leaves_the_verdicts_alone_to_score(shared_dir: Path) -> None:
    module = _load()
    if not (shared_dir / "reconcile_dev").is_dir():
        pytest.skip("../shared/reconcile_dev is absent")
    grouped = module.run(topics=["derna_flood_2023"], gold_input=True, gold_groups=True)
    whole = grouped["reconcile"]["all"]
    # every keyed claim sits in its key's quantity: grouping is perfect, each key is held
    assert (whole["P"], whole["R"]) == (1.0, 1.0)
    assert whole["right_held"] == whole["right"]
    # the patch is undone afterwards: the ordinary run groups by itself again
    ordinary = module.run(topics=["derna_flood_2023"], gold_input=True)
    assert ordinary["reconcile"]["all"]["P"] < 1.0 or ordinary["reconcile"]["all"]["R"] < 1.0


def test_a_one_document_key_judged_diverge_is_a_true_divergence(tmp_path: Path) -> None:
    module = _load()
    (tmp_path / "manifest.csv").write_text("doc,outlet,published,url,title,topic\n")
    (tmp_path / "gold.jsonl").write_text("")
    (tmp_path / "groups.md").write_text(
        "| key | docs | verdict | why |\n|---|---|---|---|\n"
        "| `port_deaths` | 01, 02 | **GROWTH** | a toll that rose |\n"
        "| `port_budget` | 03 | **DIVERGE** | one article, two sources apart |\n"
        "| `port_ships` | 04 | **SINGLE** | one source |\n"
    )
    dev = module.load_dev(tmp_path)
    assert dev.verdicts == {"port_deaths": "GROWTH"}  # verdicts scored: keys in two docs
    assert dev.diverging == frozenset({"port_budget"})
