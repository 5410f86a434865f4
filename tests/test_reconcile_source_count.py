"""Independent sources are counted once each: a body and its spokesman, a name and its
acronym, or an umbrella body and one of its agencies may be one source, so they never count
as two sources agreeing (a figure repeated by one camp is an echo, not an agreement)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.sources import may_be_one_source
from reconcile.verdicts import independent_sources, source_neighbours


@pytest.mark.parametrize(
    ("names", "count"),
    [
        ([], 0),
        (["Harbour Ministry"], 1),
        # a body and one of its people
        (["Harbour Ministry", "Harbour Ministry spokesman Jo Marlow"], 1),
        # a name and its acronym, an umbrella and its agency
        (["Office for Tide Tables (OTT)", "OTT"], 1),
        (["UN", "UNTA"], 1),
        # two bodies, and a body with two names beside another body
        (["Harbour Ministry", "Tide Relief Agency"], 2),
        (["Harbour Ministry", "Harbour Ministry spokesman Jo Marlow", "Tide Relief Agency"], 2),
        # three names linked in a chain count once
        (["UN", "UNTA", "UNTA spokeswoman Ida Brook"], 1),
        # a government and one of its ministries; not another country's, nor two ministries
        (["Veldara government", "Defence Ministry"], 1),
        (["Veldara government", "Ministry of Roads"], 1),
        (["United Kingdom government", "British Ministry of Defence"], 1),
        (["Veldara government", "Ostel's defence ministry"], 2),
        (["United Kingdom government", "French Ministry of Defence"], 2),
        (["Defence Ministry", "Health Ministry"], 2),
    ],
)
def test_names_that_may_be_one_source_count_once(names: list[str], count: int) -> None:
    assert independent_sources(names, may_be_one_source) == count


def test_no_names_keeps_the_count_given() -> None:
    assert independent_sources(None, may_be_one_source, 3) == 3


#: Quantities that share their sources, as one table's do (each set's pairs outnumber the
#: pairs of the distinct names of all of them)
_SHARED = [
    ["UN", "UNTA", "Harbour Ministry", "Tide Relief Agency", "Port Office"],
    ["UN", "Harbour Ministry", "Harbour Ministry spokesman Jo Marlow", "Port Office"],
    ["UNTA", "UNTA spokeswoman Ida Brook", "UN", "Tide Relief Agency", "Port Office"],
    ["Port Office", "Tide Relief Agency", "Harbour Ministry", "UN", "UNTA"],
    ["Harbour Ministry", "Port Office", "Tide Relief Agency", "UNTA", "UN"],
]


def test_pairs_judged_once_for_all_sets_count_as_each_set_alone() -> None:
    neighbours = source_neighbours(_SHARED, may_be_one_source)
    assert neighbours is not None  # 21 pairs across the sets against 46 within them
    for names in _SHARED:
        alone = independent_sources(names, may_be_one_source)
        assert independent_sources(names, may_be_one_source, neighbours=neighbours) == alone
    # "UNTA spokeswoman Ida Brook" links to UNTA, which links to UN: one source of three
    assert independent_sources(_SHARED[2], may_be_one_source, neighbours=neighbours) == 3


def test_sets_that_share_few_names_are_judged_set_by_set() -> None:
    assert (
        source_neighbours([["UN", "UNTA"], ["Harbour Ministry", "Port Office"]], str.__eq__) is None
    )


def _doc(text: str, doc: str, day: int, outlet: str) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=dt.date(2031, 4, day))


@pytest.mark.parametrize(
    ("second", "sources", "verdict"),
    [
        # the ministry's own spokesman: one source, carried by two reports
        (
            "Harbour Ministry spokesman Jo Marlow said 40,500 people were displaced in Peru.",
            1,
            "echo",
        ),
        # another body: two sources that agree
        ("The Tide Relief Agency said 40,500 people were displaced in Peru.", 2, "agree"),
    ],
)
def test_a_body_and_its_spokesman_are_one_source(second: str, sources: int, verdict: str) -> None:
    first = "The Harbour Ministry said 40,000 people were displaced in Peru."
    claims = pl.concat([_doc(first, "a", 2, "Daily Tide"), _doc(second, "b", 3, "Coast News")])
    quantities = reconcile(claims).quantities
    assert quantities.height == 1, quantities.select("label", "verdict")
    row = quantities.row(0, named=True)
    assert (row["n_sources"], row["verdict"]) == (sources, verdict), row["why"]


def test_a_ministry_updating_its_governments_count_is_no_divergence() -> None:
    """The government's 600 soldiers on one day and its defence ministry's 1,400 the next
    are one side's count updated, not two sides that disagree."""
    docs = {
        "a": (
            "Snow closed roads across northern Veldara on Monday. The Veldaran government said "
            "600 soldiers had been sent to clear the main road.",
            dt.date(2031, 1, 6),
        ),
        "b": (
            "The Defence Ministry said 1,400 soldiers were clearing roads in Veldara, where "
            "the Veldaran Herald reported more snow.",
            dt.date(2031, 1, 7),
        ),
    }
    claims = pl.concat(
        [
            extract_claims(text, doc_id=d, outlet=f"Outlet {d}", published=day)
            for d, (text, day) in docs.items()
        ],
        how="diagonal_relaxed",
    )
    result = reconcile(claims, texts={d: text for d, (text, _) in docs.items()})
    assert result.claims["quantity_id"].n_unique() == 1
    assert result.quantities["verdict"].cast(pl.String).to_list() == ["growth"]
