"""Words of news writing that decide what a report's row is and who its sources are: a
government speaks through its officials, a body keeps its name under any of its country's
names, a rate per head measures the thing before "per". Cases written for these tests."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.sources import government_name, may_be_one_source, one_body_names, source_names

# --------------------------------------------------------------------------- one government


@pytest.mark.parametrize(
    ("name", "government"),
    [
        ("British officials", "United Kingdom government"),
        ("the UK government", "United Kingdom government"),
        ("UK authorities", "United Kingdom government"),
        ("Britain's government", "United Kingdom government"),
        ("the government of Peru", "Peru government"),
        ("Peruvian ministers", "Peru government"),
        ("US administration", "United States government"),
        ("Chilean officials", "Chile government"),
        # no country: a body, a continent, or no name at all
        ("Health authorities", None),
        ("European officials", None),
        ("officials", None),
        ("Peruvian Red Cross", None),
        ("Chilean officials in the port city of Arica", None),
    ],
)
def test_a_government_is_named_by_its_country(name: str, government: str | None) -> None:
    assert government_name(name) == government


def test_a_government_and_its_officials_are_one_source() -> None:
    names = source_names(["Peruvian officials", "the Peru government", "Chilean officials"])
    assert names["Peruvian officials"] == names["the Peru government"] == "Peru government"
    assert names["Chilean officials"] == "Chile government"


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("UK Office for Tide Tables", "Britain's Office for Tide Tables (OTT)", True),
        ("Peru Ministry of Mines", "Peruvian Ministry of Mines", True),
        # the same office of two countries is two sources
        ("Peru Ministry of Mines", "Chile Ministry of Mines", False),
        ("Peru Ministry of Mines", "Peru Ministry of Health", False),
    ],
)
def test_one_body_under_its_countrys_names(a: str, b: str, one: bool) -> None:
    joined = one_body_names({a, b})
    assert (joined.get(a, a) == joined.get(b, b)) is one
    assert may_be_one_source(a, b) is one


def _report(text: str, doc: str, day: int, outlet: str) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=dt.date(2031, 4, day))


def test_two_names_of_one_government_make_no_disagreement() -> None:
    claims = pl.concat(
        [
            _report("Chilean officials said 9,000 miners were on strike in Chile.", "a", 2, "Post"),
            _report("The Chile government said 3,000 miners were on strike.", "b", 2, "Herald"),
        ],
        how="diagonal_relaxed",
    )
    result = reconcile(claims)
    assert set(result.claims["asserter"].to_list()) == {"Chile government"}
    assert "diverge" not in result.quantities["verdict"].cast(str).to_list()


# --------------------------------------------------------------------------- a rate per head


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The toll implies a death rate of roughly 120/ million population in Peru.", "death rate"),
        ("The death rate in Peru reached 90 per 100,000 residents last year.", "death rate"),
        # a rate named without a head count: the rate, not a count of births
        ("The birth rate in Peru fell to 1.2 last year, officials said.", "birth rate"),
        # a count of its own noun stays a count
        ("The death rate rose as 900 deaths were recorded in Peru.", "death"),
        ("Peru had about 345 deaths per million people, the ministry said.", "death"),
        ("Some 4,000 cases for every million inhabitants were found in Peru.", "case"),
        # a population counted is a population
        ("Peru's census counted a population of 34 million.", "population"),
    ],
)
def test_a_rate_per_head_measures_what_comes_before_per(text: str, measure: str) -> None:
    row = reconcile(_report(text, "a", 2, "Post")).claims.row(0, named=True)
    assert row["concept_key"].split(" per ")[0] == measure


# --------------------------------------------------------------------------- a figure replaced


@pytest.mark.parametrize(
    ("text", "figure", "replaced"),
    [
        ("The relief agency now says 2,100 people died, instead of 4,000.", "4,000", True),
        ("The relief agency now says 2,100 people died, instead of 4,000.", "2,100 people", False),
        ("The agency revised its toll down from 4,000 to 2,100 on Friday.", "4,000", True),
        ("The agency's earlier toll of 4,000 was too high, it said.", "4,000", True),
        (
            "In its previous report, the agency said 4,000 people had died in Peru.",
            "4,000 people",
            True,
        ),
        (
            "The agency had previously said 4,000 people were killed in the flood.",
            "4,000 people",
            True,
        ),
        ("The toll stood at 4,000, as was first reported on Monday.", "4,000", True),
        # a change's start is no replaced figure, nor a figure another outlet gave first
        ("The agency said 4,000 people died, up from 2,000 a day earlier.", "2,000", False),
        (
            "The agency said 4,000 people died, as was first reported by local radio.",
            "4,000 people",
            False,
        ),
        ("Officials said 4,000 homes were lost and 2,100 people died.", "4,000 homes", False),
    ],
)
def test_a_figure_its_source_replaced(text: str, figure: str, replaced: bool) -> None:
    claims = reconcile(_report(text, "a", 2, "Post")).claims
    assert claims.filter(pl.col("surface") == figure)["superseded"].to_list() == [replaced]


def test_a_replaced_figure_is_told_as_its_sources_earlier_one() -> None:
    from newsfigures.report import headline

    claims = pl.concat(
        [
            _report("The Tide Office said 4,000 people died in the Peru floods.", "a", 2, "Post"),
            _report(
                "The Tide Office now says 2,100 people died in the Peru floods, instead of 4,000.",
                "b",
                3,
                "Herald",
            ),
            _report("The Peru Red Cross said 3,900 people died in the floods.", "c", 3, "Star"),
        ],
        how="diagonal_relaxed",
    )
    result = reconcile(claims)
    deaths = result.quantities.filter(pl.col("concept") == "death").row(0, named=True)
    text = headline(deaths, result.assertions, claims=result.claims)
    assert "at 2,100, revised from 4,000" in text


# --------------------------------------------------------------------------- no number, no row


@pytest.mark.parametrize(
    ("text", "figure", "vague"),
    [
        (
            "Aid workers fear hundreds of thousands have lost their homes in Peru.",
            "hundreds of thousands",
            True,
        ),
        (
            "Officials say millions more may have been exposed to the smoke in Peru.",
            "millions",
            True,
        ),
        (
            "Officials say 2 million people were exposed to the smoke in Peru.",
            "2 million people",
            False,
        ),
    ],
)
def test_an_order_of_size_without_a_number_is_no_row(text: str, figure: str, vague: bool) -> None:
    from reconcile.checks import VAGUE_NOTE

    claims = reconcile(_report(text, "a", 2, "Post")).claims
    row = claims.filter(pl.col("surface").str.contains(figure, literal=True)).row(0, named=True)
    assert (row["quantity_id"] is None) is vague
    assert (row["group_note"] == VAGUE_NOTE) is vague
