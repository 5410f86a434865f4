"""Denials tied only to the figures they are about, on made-up stories and the sample corpus.

A denial disputes a figure when it stands in the figure's sentence or the next one of its
paragraph, or when it repeats the figure or its measure word; a denial of something else
(arms bought, a town taken) is recorded as tied to no figure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from extract import extract_claims, extract_corpus_report, sample_corpus_path
from reconcile import ReconcileResult, reconcile

MAPPING = {
    "entities": {"Tarrow Guard": ["Tarrow"]},
    "asserters": {
        "Ostland government": ["Ostland officials", "Ostland ministry"],
        "Tarrow Guard": ["Tarrow"],
    },
}
#: The figure every story below gives, by Ostland, about the Tarrow Guard.
CLAIM = "Ostland officials said the Tarrow Guard had 4,000 fighters in the valley"
#: A paragraph between the figure and a later denial, so that only its words can tie it.
BETWEEN = "The valley lies north of the river, and its only road has been closed since May."
DOCS = {
    "same": f"{CLAIM}, a number Tarrow denied.\n{BETWEEN}",
    "next": f"{CLAIM}. Tarrow denied the report.\n{BETWEEN}",
    "figure": f"{CLAIM}.\n{BETWEEN}\nOn Friday Tarrow called the 4,000 estimate baseless.",
    "measure": f"{CLAIM}.\n{BETWEEN}\nOn Friday Tarrow denied sending troops there.",
    "arms": f"{CLAIM}.\nThey added that it had bought rifles abroad.\nTarrow denied buying rifles.",
    "town": f"{CLAIM}.\n{BETWEEN}\nTarrow rejected the Ostland claim to have retaken the mill.",
    "later": f"{CLAIM}.\n{BETWEEN}\nTarrow denied the report.",
    "counter": f"{CLAIM}.\nTarrow said it had retaken the mill, a claim the Ostland ministry rejected.",
}


@pytest.fixture(scope="module")
def made_up() -> ReconcileResult:
    claims = pl.concat(
        [extract_claims(t, doc_id=d, published=dt.date(2031, 5, 2)) for d, t in DOCS.items()],
        how="diagonal_relaxed",
    )
    return reconcile(claims, texts=DOCS, mapping=MAPPING)


def _ostland_figure(result: ReconcileResult, doc: str) -> str:
    """The assertion id of Ostland's 4,000 fighters in ``doc``."""
    rows = result.claims.filter(
        (pl.col("doc_id") == doc)
        & (pl.col("asserter") == "Ostland government")
        & (pl.col("value") == 4000.0)
    )
    assert rows.height == 1, rows
    return str(rows["assertion_id"][0])


def _denial(result: ReconcileResult, doc: str) -> dict[str, object]:
    rows = result.stances.filter(pl.col("doc_id") == doc)
    assert rows.height == 1, rows
    assert rows["who"][0] == "Tarrow Guard"
    return rows.row(0, named=True)


@pytest.mark.parametrize("doc", ["same", "next", "figure", "measure"])
def test_a_denial_is_tied_to_the_figure_it_is_about(made_up: ReconcileResult, doc: str) -> None:
    # same sentence, the next sentence, the figure repeated, the measure word ("troops")
    assert _ostland_figure(made_up, doc) in _denial(made_up, doc)["assertion_ids"]  # type: ignore[operator]


@pytest.mark.parametrize("doc", ["arms", "town", "later"])
def test_a_denial_of_something_else_is_tied_to_no_figure(
    made_up: ReconcileResult, doc: str
) -> None:
    # other objects (rifles bought, a mill retaken), or a bare denial paragraphs away
    _ostland_figure(made_up, doc)  # the figure is there to be tied wrongly
    assert _denial(made_up, doc)["assertion_ids"] == []


def test_only_tied_figures_are_marked_disputed(made_up: ReconcileResult) -> None:
    disputed = made_up.assertions.filter(pl.col("disputed_by").list.len() > 0)
    tied = {i for ids in made_up.stances["assertion_ids"].to_list() for i in ids}
    assert set(disputed["assertion_id"]) == tied and tied
    assert all(who == ["Tarrow Guard"] for who in disputed["disputed_by"].to_list())


@pytest.fixture(scope="module")
def sample() -> ReconcileResult:
    folder = sample_corpus_path()
    mapping = Path(__file__).parents[1] / "notebooks" / "params" / "veskaria_mapping.yaml"
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    claims = extract_corpus_report(folder, progress=False).claims
    return reconcile(claims, texts=texts, mapping=mapping, window_days=60)


def test_the_sample_denial_disputes_no_homes_figure(sample: ReconcileResult) -> None:
    doc = "02_homes_lost_and_relief_costs.txt"
    homes = sample.claims.filter(
        (pl.col("doc_id") == doc)
        & (pl.col("concept_key") == "home")
        & pl.col("asserter").is_in(["Veskarian government", "Tarsel Residents' Council"])
    )
    assert homes.height == 2  # the two camps' figures, two paragraphs before the denial
    denials = sample.stances.filter(pl.col("doc_id") == doc)
    assert denials.height >= 1
    assert all(ids == [] for ids in denials["assertion_ids"].to_list()), denials.to_dicts()


def test_the_sample_rejected_claim_is_no_denial_of_a_figure(sample: ReconcileResult) -> None:
    # "the army had abandoned the village ..., a claim the Defence Ministry rejected"
    rejected = sample.stances.filter(pl.col("sentence").str.contains("abandoned"))
    assert rejected.height == 1
    assert rejected["assertion_ids"][0].to_list() == []


def test_who_denies_is_the_name_before_the_verb(made_up: ReconcileResult) -> None:
    # "X said it took the town, a claim Y rejected": Y denies, about X; Y's own figure is not
    # disputed by Y
    rows = made_up.stances.filter(pl.col("doc_id") == "counter")
    assert rows["who"].to_list() == ["Ostland government"]
    assert rows["entities"].to_list() == [["Tarrow Guard"]]
    assert rows["assertion_ids"].to_list() == [[]]
