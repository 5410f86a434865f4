"""The extractor against hand-annotated claims.

Two gold sets: the seed articles the project started from (read from ``../shared``,
skipped when that folder is absent) and the sample corpus shipped with the package
(``tests/sample_claims.json``, always run). The bars are the same for both.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from extract.corpus import extract_corpus_report
from extract.evaluate import GoldReport, load_gold, score_gold
from extract.readers import sample_corpus_path

HERE = Path(__file__).parent


def _seed_report(shared_dir: Path) -> GoldReport:
    seeds = shared_dir / "seeds"
    result = extract_corpus_report(
        sorted(seeds.glob("*.txt")), manifest=seeds / "manifest.csv", progress=False
    )
    return score_gold(result.claims, load_gold(seeds / "gold.jsonl"))


def _sample_report() -> GoldReport:
    result = extract_corpus_report(sample_corpus_path(), progress=False)
    gold = json.loads((HERE / "sample_claims.json").read_text(encoding="utf-8"))
    return score_gold(result.claims, gold)


@pytest.fixture(params=["seeds", "sample"])
def report(request: pytest.FixtureRequest) -> GoldReport:
    if request.param == "seeds":
        return _seed_report(request.getfixturevalue("shared_dir"))
    return _sample_report()


def test_every_required_claim_is_found_and_right(report: GoldReport) -> None:
    failures = report.failures()
    assert failures.height == 0, f"missed or wrong:\n{failures}"


def test_no_negative_span_is_extracted(report: GoldReport) -> None:
    assert report.negatives_hit.height == 0, f"not claims, but extracted:\n{report.negatives_hit}"


def test_furniture_is_flagged_or_left_out(report: GoldReport) -> None:
    leaks = report.furniture_leaks()
    assert leaks.height == 0, f"page furniture taken for article text:\n{leaks}"


@pytest.mark.parametrize("check", ["concept_ok", "attribution_ok"])
def test_concept_and_attribution_share_a_word_with_gold(report: GoldReport, check: str) -> None:
    share = report.share(check)
    misses = report.rows.filter(~pl.col("gold_boilerplate") & ~pl.col(check))
    assert share >= 0.8, f"{check}: {share:.0%} < 80%\n{misses}"


def test_article_claims_outside_gold_are_few(report: GoldReport) -> None:
    """Claims the annotators did not list, in article text, stay rare (false positives)."""
    extra = report.unmatched_claims.filter(~pl.col("boilerplate"))
    assert extra.height <= 2, f"unexpected claims:\n{extra.select('doc_id', 'surface')}"


def test_restated_currency_is_linked() -> None:
    claims = extract_corpus_report(sample_corpus_path(), progress=False).claims
    euros = claims.filter(pl.col("unit") == "EUR", ~pl.col("boilerplate"))
    assert euros.height == 1
    target = euros["restates"][0]
    dollars = claims.filter(pl.col("claim_id") == target)
    assert dollars["unit"].to_list() == ["USD"]
    assert dollars["value"][0] == 2e6 and euros["per"][0] == "month"
