"""An economy's loss as news words it, and the long-run forecasts a source's work gives.

A share said of a place made poorer ("would leave Norway 3% worse off") is the output the
place loses; "the government" in an article about one country is that country's; a phrase
"measured by" names its measure; a source whose work the article calls long-term gives
figures of the long run, unless a figure's own verb tells what has happened so far; "that
this has cut ..." is no pointer to the figure before. Cases are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import warnings

import polars as pl
import pytest

from extract import extract_claims
from reconcile import ReconcileResult, reconcile
from reconcile.identify import LONG_RUN
from reconcile.sources import _long_run_sources

COUNTRY = "Norway is a small country with a large fund. "
COUNCIL = "the Norwegian Fiscal Council (NFC)"
DOCS = {
    "poorer": COUNTRY + "The treaty would leave Norway 3.2 per cent poorer by 2040.",
    "worse_off": COUNTRY + "Norway would be 3.2 per cent worse off under the treaty.",
    "households": COUNTRY + "Households in Norway would be 3.4 per cent poorer under the treaty.",
    "harvest": COUNTRY + "The harvest was 3.6 per cent worse than in the year before.",
    "government": COUNTRY + "The government estimates that the treaty will cost 2 per cent of GDP.",
    "no_country": "Voters go to the polls in May. The government estimates that the treaty "
    "will cost 2 per cent of GDP.",
    "measured": COUNTRY + "The treaty will shrink productivity by 2 per cent, measured as "
    "output per worker.",
    "measured_other": COUNTRY + "The treaty will shrink productivity by 2 per cent, measured in "
    "the usual survey.",
    "long_run": f"Critics quote projections of the long-run effect of the treaty published by "
    f"{COUNCIL}.\n\nThe NFC expects the treaty to cut exports by 12 per cent. The NFC said "
    "the treaty has cut imports by 2 per cent.",
    # (other values: one source's figure carried by several articles is read as most read it,
    # and a precise figure restated is one figure)
    "not_long": f"Critics cite the assumptions made by {COUNCIL}.\n\nThe NFC expects the treaty "
    "to cut exports by 13 per cent.",
    "said_after": "The NFC expects the treaty to cut exports by 14 per cent. Critics quote "
    f"projections of the long-run effect of the treaty published by {COUNCIL}.",
    "pointer": COUNTRY + "Imports rose by 5 per cent last year, and analysts said that this has "
    "reduced output by 3 per cent.",
}


@pytest.fixture(scope="module")
def made_up() -> ReconcileResult:
    claims = pl.concat(
        [extract_claims(t, doc_id=d, published=dt.date(2031, 5, 2)) for d, t in DOCS.items()],
        how="diagonal_relaxed",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return reconcile(claims, texts=DOCS)


def _figure(result: ReconcileResult, doc: str, surface: str) -> dict[str, object]:
    rows = result.claims.filter((pl.col("doc_id") == doc) & (pl.col("surface") == surface))
    assert rows.height == 1, rows
    return rows.row(0, named=True)


@pytest.mark.parametrize(
    ("doc", "surface", "loss"),
    [
        ("poorer", "3.2 per cent", True),
        ("worse_off", "3.2 per cent", True),
        ("households", "3.4 per cent", False),
        ("harvest", "3.6 per cent", False),
    ],
)
def test_a_place_made_poorer_loses_output(
    made_up: ReconcileResult, doc: str, surface: str, loss: bool
) -> None:
    row = _figure(made_up, doc, surface)
    assert (row["concept_key"] == "gdp loss") is loss, row
    if loss:
        assert "said of a place" in str(row["concept_source"]), row


def test_the_government_is_the_articles_country(made_up: ReconcileResult) -> None:
    assert _figure(made_up, "government", "2 per cent")["asserter"] == "Norway government"
    # an article that names no country still has a government, whose country is not named
    assert _figure(made_up, "no_country", "2 per cent")["asserter"] == "Government"


def test_measured_by_names_the_measure(made_up: ReconcileResult) -> None:
    row = _figure(made_up, "measured", "2 per cent")
    assert row["concept_key"] == "gdp loss", row
    assert "it is measured by" in str(row["concept_source"]), row
    # words after "measured by" that name no measure leave the phrase's own
    assert _figure(made_up, "measured_other", "2 per cent")["concept_key"] == "productivity"


@pytest.mark.parametrize(
    ("doc", "surface", "period"),
    [
        ("long_run", "12 per cent", LONG_RUN),
        # what the treaty has done so far is no figure of the long run
        ("long_run", "2 per cent", None),
        ("not_long", "13 per cent", None),
        # the work is called long-term only after the figure
        ("said_after", "14 per cent", None),
    ],
)
def test_a_long_term_work_gives_long_run_figures(
    made_up: ReconcileResult, doc: str, surface: str, period: str | None
) -> None:
    assert _figure(made_up, doc, surface)["period"] == period


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("We read the Treasury's long-term forecast again.", "Treasury"),
        ("We read the long-run outlook from the Treasury again.", "Treasury"),
        ("We read projections of the long-term cost made by the Treasury.", "Treasury"),
        ("The economy suffers a long-term cost, an analysis by the Treasury says.", None),
        ("We read the Treasury's forecast again.", None),
    ],
)
def test_long_term_works_named(text: str, source: str | None) -> None:
    found = [who for _, who in _long_run_sources(text)]
    assert found == ([source] if source else [])


def test_that_this_is_no_pointer(made_up: ReconcileResult) -> None:
    row = _figure(made_up, "pointer", "3 per cent")
    assert row["concept_key"] == "gdp loss", row
    assert row["concept_source"] != "the figure just before it", row


def test_a_forecast_against_a_councils_assumption_diverges() -> None:
    docs = {
        "forecast": "Norway has argued over the treaty for years. In 2029, the government's "
        "long-term forecast found that the treaty would make Norway 4.9 per cent worse off.",
        "council": "Critics of the treaty lean on the long-term forecast from "
        f"{COUNCIL}.\n\nThe NFC has assumed that trade with the bloc will be 15 per cent "
        "lower. The NFC expects the treaty to shrink productivity in Norway by 4 per cent, "
        "measured as GDP per head.",
        "so_far": "Norway's economy is 2 per cent smaller than it would have been without the "
        "treaty, the Oslo Institute estimates.",
    }
    published = {
        "forecast": dt.date(2030, 3, 1),
        "council": dt.date(2033, 5, 2),
        "so_far": dt.date(2033, 6, 2),
    }
    claims = pl.concat(
        [extract_claims(t, doc_id=d, published=published[d]) for d, t in docs.items()],
        how="diagonal_relaxed",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = reconcile(claims, texts=docs)
    forecast = _figure(result, "forecast", "4.9 per cent")
    council = _figure(result, "council", "4 per cent")
    so_far = _figure(result, "so_far", "2 per cent")
    assert forecast["quantity_id"] == council["quantity_id"], (forecast, council)
    assert so_far["quantity_id"] != council["quantity_id"]
    verdict = result.quantities.filter(pl.col("quantity_id") == council["quantity_id"])["verdict"]
    assert verdict.cast(pl.String).to_list() == ["diverge"]


def test_a_loss_named_again_is_the_same_level() -> None:
    """A loss figure named again ("the 4 per cent drop") measures what it measured: its
    size, a level, even where the input marks it as a change (an annotated claims table
    may) and its own words name no measure."""
    text = (
        COUNTRY + "The NFC expects the treaty to shrink output by 4 per cent. Critics say "
        "that the 4 per cent drop is too steep."
    )
    claims = extract_claims(text, doc_id="again", published=dt.date(2031, 5, 2))
    later = pl.col("start") == pl.col("start").max()
    claims = claims.with_columns(
        change=pl.when(later).then(pl.lit("decrease")).otherwise(pl.col("change"))
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = reconcile(claims, texts={"again": text})
    rows = result.claims.sort("start")
    assert rows["concept_key"].to_list() == ["gdp loss", "gdp loss"], rows
    assert rows["is_delta"].to_list() == [False, False], rows
    assert rows["quantity_id"].n_unique() == 1, rows
