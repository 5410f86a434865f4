"""Organisations the texts name, as what a figure is of (issue 11).

The invented carmaker story of ``tests/data/own_topics`` showed a company's figures and a
rival's sharing one unspecified entity: the model found places in the text, not
organisations. The rules of :mod:`reconcile.organisations`, on made-up sentences of their
own.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _verdict

from extract import extract_claims
from reconcile import ReconcileResult, reconcile
from reconcile.organisations import DOCUMENT_ORGANISATION, text_organisations


def _titled(*docs: tuple[str, str]) -> ReconcileResult:
    """Articles "a", "b", ... of (title, text) pairs, all published on ``MARCH``, run."""
    ids = [chr(ord("a") + i) for i in range(len(docs))]
    claims = pl.concat(
        [
            extract_claims(text, doc_id=d, published=MARCH, title=title)
            for d, (title, text) in zip(ids, docs, strict=True)
        ]
    )
    return reconcile(claims, texts={d: text for d, (_, text) in zip(ids, docs, strict=True)})


@pytest.mark.parametrize(
    ("text", "form", "name"),
    [
        ("Shares in Brannock Motors fell. Brannock said sales slowed.", "Brannock Motors",
         "Brannock Motors"),
        ("Shares in Brannock Motors fell. Brannock said sales slowed.", "Brannock",
         "Brannock Motors"),
        ("The results of Tessel Holdings plc were late.", "Tessel Holdings plc",
         "Tessel Holdings plc"),
        ("Profits rose at rival Quorvik, which makes vans.", "Quorvik", "Quorvik"),
        ("The data provider Tamsin polled 12 analysts.", "Tamsin", "Tamsin"),
        ("Pellan Orchard Foods said prices rose. POF sells apples.", "POF",
         "Pellan Orchard Foods"),
        ("Shares in the Bank of Tessel rose.", "Bank of Tessel", "Bank of Tessel"),
        # a person of a company: the company alone
        ("Ana Ruiz of Brightmoor Capital kept her rating.", "Brightmoor Capital",
         "Brightmoor Capital"),
    ],
)  # fmt: skip
def test_names_read_as_organisations(text: str, form: str, name: str) -> None:
    assert text_organisations([text])[form] == name


@pytest.mark.parametrize(
    ("text", "form"),
    [
        # a public body, named for its country or with a word of state, is a source
        ("The National Harbour Bank said rates would hold.", "National Harbour Bank"),
        ("Spain Motors sold 100 cars.", "Spain Motors"),
        # a body named after the business it speaks for
        ("Costs rose, the Ostrel Insurance Association said.", "Ostrel Insurance"),
        # a person's name with no word of a company
        ("Ana Ruiz said costs rose.", "Ana Ruiz"),
        # a place is no company, whatever stands before it
        ("Its rival France exported more.", "France"),
    ],
)
def test_names_not_read_as_organisations(text: str, form: str) -> None:
    assert form not in text_organisations([text])


def test_a_company_s_figure_and_a_rival_s_are_apart() -> None:
    result = _on_one_day(
        "Brannock Motors said on Tuesday that it would cut 4,000 jobs. Rival Quorvik said "
        "it would cut 2,500 jobs at its own plants.",
        "Brannock Motors will cut 4,000 jobs, it said on Tuesday.",
    )
    ours, rival = _of(result, "4,000", "a"), _of(result, "2,500")
    assert ours["entity"] == "Brannock Motors"
    assert rival["entity"] == "Quorvik"
    assert ours["quantity_id"] != rival["quantity_id"]
    assert _of(result, "4,000", "b")["quantity_id"] == ours["quantity_id"]


def test_the_owner_of_the_figure_s_words() -> None:
    result = _on_one_day(
        "Shares in Brannock Motors fell. Brannock's net profit fell to €212 million, and "
        "rival Quorvik's net profit rose to €410 million."
    )
    assert _of(result, "€212")["entity"] == "Brannock Motors"
    assert _of(result, "€410")["entity"] == "Quorvik"


def test_a_place_in_the_sentence_wins_over_the_company_owning_the_words() -> None:
    """ "the number of Harrow Group guards in Peru has climbed to 5,000" is of Peru, as
    "Harrow Group's strength in Peru at 5,200" is: the company leading to the figure does
    not set a count of its people in a place apart from the place's other counts."""
    result = _on_one_day(
        "According to the ministry, the number of Harrow Group guards in Peru has climbed "
        "from 1,000 to nearly 5,000.",
        "The ministry puts Harrow Group's strength in Peru at 5,200 personnel.",
    )
    assert _of(result, "nearly 5,000")["entity"] == _of(result, "5,200")["entity"] == "Peru"


@pytest.mark.parametrize(
    "text",
    [
        # a company that only speaks gives the figure, it is not what the figure is of
        "Brannock Motors said 9,000 people marched through the town on Tuesday.",
        # after "by": the source
        "Some 9,000 people, counted by the data provider Tamsin, marched on Tuesday.",
        # a company's forecast of something else is its work
        "Harlow Bank cut its forecast of Spain's growth to 1.5% on Tuesday.",
    ],
)
def test_a_company_that_gives_a_figure_is_its_source_not_its_subject(text: str) -> None:
    figure = next(f for f in ("Some 9,000", "9,000", "1.5%") if f in text)
    row = _of(_on_one_day("Shares in Harlow Bank and Brannock Motors fell. " + text), figure)
    assert not row["entity_source"].startswith("the organisation '")


def test_the_headline_s_company_is_the_frame_of_figures_naming_none() -> None:
    result = _titled(
        ("Brannock Motors to cut jobs", "The carmaker will cut 4,000 jobs by 2029."),
        ("Town fears for its plant", "The carmaker will cut 3,000 jobs by 2029."),
    )
    framed, other = _of(result, "4,000", "a"), _of(result, "3,000", "b")
    assert framed["entity"] == "Brannock Motors"
    assert framed["entity_source"] == DOCUMENT_ORGANISATION
    # (a story's company is not surely what each of its figures is of)
    assert not framed["frame_sure"]
    assert other["entity"] != "Brannock Motors"


def test_the_harm_of_a_company_s_blast_is_not_of_the_company() -> None:
    result = _titled(
        ("Brannock Chemicals shuts plant after blast",
         "Shares in Brannock Chemicals fell 9% on Tuesday. The fire service put the death toll "
         "at 12, with 85 people injured."),
        ("Blast at chemical plant", "Rescuers said 12 people died and 85 were hurt."),
    )  # fmt: skip
    assert _of(result, "9%", "a")["entity"] == "Brannock Chemicals"
    for figure in ("12", "85 people"):
        assert _of(result, figure, "a")["entity_source"] != DOCUMENT_ORGANISATION
    assert _of(result, "12", "a")["quantity_id"] == _of(result, "12 people", "b")["quantity_id"]


def test_the_company_s_count_against_the_union_s_diverges() -> None:
    result = _on_one_day(
        "Brannock Motors said on Tuesday that it would cut 4,000 jobs by 2029.",
        "The Ironworkers' Federation said on Tuesday that Brannock Motors would cut 6,500 "
        "jobs by 2029.",
    )
    assert _of(result, "6,500")["quantity_id"] == _of(result, "4,000")["quantity_id"]
    assert _verdict(result, "4,000") == "diverge"


def test_a_label_names_the_company_as_an_actor() -> None:
    result = _on_one_day("Brannock Motors said on Tuesday that it would cut 4,000 jobs.")
    qid = _of(result, "4,000")["quantity_id"]
    label = result.quantities.filter(pl.col("quantity_id") == qid).item(0, "label")
    assert label.startswith("Brannock Motors ")


def test_no_organisation_leaves_the_frame_as_it_was() -> None:
    day = dt.date(2031, 3, 4)
    claims = extract_claims("Floods killed 40 people in Spain on Monday.", published=day)
    row = reconcile(claims).claims.row(0, named=True)
    assert row["entity"] == "Spain"
