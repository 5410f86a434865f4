"""Rival figures an article sets side by side, and what else keeps a story's figures apart.

Rules found missing by our invented stories whose figures name no place (an airline, a
bank, a grid, a wildfire; ``tests/data/own_topics``), each tested on made-up sentences of
its own: two sources' figures of one measure that an article gives in one sentence, or in
the next one that gives a figure, are set against each other by the writer, so they measure
one thing even when neither names the place or body it is of (a divergence can be shown);
a subject that is a thing of a past year ("a 2019 fire") dates the figure in that year;
displaced people said to be "still" away are counted apart from all who left; a fund or a
grant is aid.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run, _verdict

from extract import extract_claims
from reconcile import ReconcileResult, reconcile
from reconcile.identify import HOLDING_STATUS

# --- rivals side by side -------------------------------------------------------------------

_STRANDED = (
    "Thousands stranded as charter firm folds\n\n"
    "The Civil Aviation Office said about 21,000 travellers were stranded abroad on Monday. "
    "The Passengers' Alliance put the number at some 40,000."
)


def test_rivals_side_by_side_in_an_article_are_shown_diverging() -> None:
    result = _on_one_day(_STRANDED)
    assert _of(result, "about 21,000")["quantity_id"] == _of(result, "some 40,000")["quantity_id"]
    assert _verdict(result, "about 21,000") == "diverge"


@pytest.mark.parametrize(
    "compared",
    ["far more than the crowd of", "well above the turnout of", "fewer than the crowd of"],
)
def test_a_count_compared_with_the_next_takes_its_measure(compared: str) -> None:
    # "40,000 people were inside, far more than the crowd of 31,000 the club gave": the writer
    # compares two counts of one thing, so the first is of the measure the second names
    # ("well above" is no comparison with "than": the first keeps its own words)
    text = (
        "Crush at the Holm Road ground\n\n"
        f"Police said about 40,000 people were inside the ground, {compared} 31,000 the club "
        "gave on the basis of tickets sold."
    )
    result = _on_one_day(text)
    same = _of(result, "about 40,000")["quantity_id"] == _of(result, "31,000")["quantity_id"]
    assert same == ("than" in compared)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param(
            "The Civil Aviation Office said about 21,000 travellers were stranded abroad on "
            "Monday.\n\nFlights to 14 airports were cancelled, and 38 aircraft stood idle.\n\n"
            "Refunds of about 9 million euros were owed, the firm's records showed.\n\n"
            "The Passengers' Alliance said some 40,000 travellers were stranded.",
            "about 21,000",
            id="paragraphs apart, other figures between",
        ),
        pytest.param(
            "The Civil Aviation Office said about 21,000 travellers were stranded abroad on "
            "Monday. The office later said some 40,000 travellers were stranded.",
            "about 21,000",
            id="one source twice",
        ),
        pytest.param(
            "The relief group said about 60,000 people were homeless, a figure it said "
            "includes families staying with relatives. The housing ministry put the number "
            "at 14,000.",
            "about 60,000",
            id="a sentence noting its scope",
        ),
        pytest.param(
            "The operator said it had set aside 10 million euros for costs. Analysts said the "
            "closure was costing it about 400,000 euros a day.",
            "10 million",
            id="a rate a day against a sum",
        ),
    ],
)
def test_figures_not_set_side_by_side_stay_possibly_the_same(text: str, surface: str) -> None:
    assert _verdict(_on_one_day(text), surface) != "diverge"


# --- other figures of a story kept apart -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The previous record, a 2019 fire in the hills, caused about €150 million of damage.",
        "The 2019 floods caused about €150 million of damage, insurers said.",
    ],
)
def test_a_subject_of_a_past_year_dates_its_figure(text: str) -> None:
    result = _on_one_day(text, "The fire caused about €140 million of damage, the minister said.")
    earlier = _of(result, "about €150")
    assert earlier["period"] == "2019"
    assert earlier["quantity_id"] != _of(result, "about €140")["quantity_id"]


def test_an_opening_clause_of_a_past_year_dates_nothing() -> None:
    result = _on_one_day("Unlike the 2019 fire, this blaze has caused €150 million of damage.")
    assert _of(result, "€150")["period"] != "2019"


def test_people_still_away_are_counted_apart() -> None:
    result = _on_one_day(
        "The ministry said 18,500 people had been evacuated since the fire began.",
        "The ministry said about 7,000 evacuees were still unable to go home.",
    )
    still = _of(result, "about 7,000")
    assert still["population"] == HOLDING_STATUS
    assert still["quantity_id"] != _of(result, "18,500")["quantity_id"]


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("The government will put €35 million into an emergency fund for families.", "€35",
         "aid"),
        # (an amount for each one given it: see tests/test_reconcile_economy.py)
        ("Farmers will be offered grants of up to €20,000 each.", "up to €20,000",
         "aid per recipient"),
    ],
)  # fmt: skip
def test_a_fund_or_a_grant_is_aid(text: str, surface: str, measure: str) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] == measure


def test_to_fund_something_is_no_aid() -> None:
    text = "The firm is spending more than $50 million a month to fund its operations abroad."
    assert _of(_on_one_day(text), "more than $50")["concept_key"] == "spending"


def _mine(second: str) -> dict[str, str]:
    """The quantity of each figure of three reports on men trapped in a mine."""
    later = MARCH + dt.timedelta(days=1)
    result = _run(
        {
            "a": ("The mine's owner said 23 men were trapped underground in Peru.", MARCH),
            "b": (second, later),
            "c": ("Rescuers in Peru said 25 men were still trapped on Wednesday.", later),
        }
    )
    return {f: _of(result, f)["quantity_id"] for f in ("23", "25", "31")} | {
        "other": _of(result, second.split(" at ")[-1].rstrip("."), "b")["quantity_id"]
    }


def test_a_figure_far_from_the_rest_of_its_quantity_counts_something_else() -> None:
    # "the number on the shift" borrows the trapped men's measure, but a figure six times
    # the others' is a count of something else, not a rival estimate
    ids = _mine(
        "The union in Peru said 31 men were trapped, and puts the number on the shift at about 160."
    )
    assert ids["23"] == ids["25"] == ids["31"]
    assert ids["other"] != ids["23"]


def test_a_figure_misprinted_with_its_digits_shifted_stays() -> None:
    # "310" beside "31": the same figure with a digit too many, misprinted or misread
    ids = _mine("The union in Peru said 31 men were trapped, and some reports put it at 310.")
    assert ids["other"] == ids["23"]


# --- two sources' figures set side by side in one sentence, days after the first ----------

_QUAY = "The Harbour Board said on Monday that repairing the quay would cost about €40 million."
_TOLL = "The Harbour Police said on Monday that 12 people had died in the quay collapse."


def _two_days(first: str, later: str) -> str:
    frames = [
        extract_claims(first, doc_id="a", outlet="Coast Herald", published=dt.date(2031, 3, 10)),
        extract_claims(later, doc_id="b", outlet="Bay Times", published=dt.date(2031, 3, 13)),
    ]
    quantities = reconcile(pl.concat(frames)).quantities
    assert quantities.height == 1, quantities
    return str(quantities["verdict"][0])


@pytest.mark.parametrize(
    ("first", "later", "verdict"),
    [
        # the later report sets the guild's figure against the board's: rivals on Thursday,
        # though the board first gave its figure on Monday
        (
            _QUAY,
            "The Fishers' Guild said on Thursday that repairing the quay would cost €95 "
            "million, more than twice the Harbour Board's estimate of €40 million.",
            "diverge",
        ),
        # a higher figure of a later day that no sentence sets against the first: the
        # estimate may have grown
        (
            _QUAY,
            "The Fishers' Guild said on Thursday that repairing the quay would cost €95 million.",
            "growth",
        ),
        # a toll the writer sets against another's count is a rival, not the count updated
        (
            _TOLL,
            "The Health Office said on Thursday that 31 people had died in the quay collapse, "
            "against the 12 counted by the Harbour Police.",
            "diverge",
        ),
        # ... but the level a change started from is no rival: "up from" tells of growth
        (
            _TOLL,
            "The Health Office said on Thursday that 31 people had died in the quay collapse, "
            "up from the 12 the Harbour Police gave on Monday.",
            "growth",
        ),
        (
            _TOLL,
            "The Health Office said on Thursday that 31 people had died in the quay collapse.",
            "growth",
        ),
    ],
)
def test_figures_set_side_by_side_are_rivals_of_that_day(
    first: str, later: str, verdict: str
) -> None:
    assert _two_days(first, later) == verdict


@pytest.mark.parametrize(
    ("text", "first", "rival"),
    [
        (
            "The Harbour Chamber put the cost of the storm at €420 million, while the finance "
            "ministry estimated it at about €150 million.",
            "€420 million",
            "about €150 million",
        ),
        (
            "Fishers put the damage at €12 million; the port board values it at €5 million.",
            "€12 million",
            "€5 million",
        ),
    ],
)
def test_a_figure_a_source_puts_it_at_is_a_rival_of_the_one_before(
    text: str, first: str, rival: str
) -> None:
    # "estimated it at", "values it at": "it" is what the figure before measures
    result = _on_one_day(text)
    assert _of(result, rival)["concept_source"] == "the figure just before it"
    assert _of(result, rival)["concept_key"] == _of(result, first)["concept_key"]


# --- two sources' figures a sentence sets side by side, one read from its own words -------

_CONFIRMED = "The Health Ministry said 81% of children in Quillora had both doses this year."


@pytest.mark.parametrize(
    ("first", "verdict"),
    [
        # "X puts it at 81%, while Y put it at 58%": the sentence says the two are one measure
        (
            "The Health Ministry puts two-dose coverage in Quillora at 81% this year, while "
            "the Rural Doctors Network put it at 58%.",
            "diverge",
        ),
        # the network's figure in a sentence of its own: what "it" is was not read from its
        # own words, so possibly the same quantity, no more
        (
            "The Health Ministry puts two-dose coverage in Quillora at 81% this year. The "
            "Rural Doctors Network put it at 58%.",
            "uncertain",
        ),
    ],
)
def test_a_figure_set_beside_a_rival_s_takes_its_measure_surely(first: str, verdict: str) -> None:
    assert _verdict(_on_one_day(first, _CONFIRMED), "58%") == verdict


# --- a figure its source stands by ---------------------------------------------------------

_BOARD = "The Harbour Board said {}repairs to the pier in Peru will cost $40 million."
_ENGINEERS = (
    "Engineers at Dunmore Partners said repairs to the pier in Peru will cost $120 million."
)


def _pier_costs(board_days: list[int], engineers_day: int) -> ReconcileResult:
    """The board's figure given on each of ``board_days`` of March 2031 (again after the
    first), the engineers' on ``engineers_day``."""
    docs = {
        f"b{i}": (_BOARD.format("again that " if i else ""), dt.date(2031, 3, day))
        for i, day in enumerate(board_days)
    }
    return _run({**docs, "e": (_ENGINEERS, dt.date(2031, 3, engineers_day))})


def test_a_figure_its_source_gives_again_stands_against_a_later_rival() -> None:
    # the board's $40 million, first given on the 1st and again on the 6th, still stands
    # when the engineers give $120 million on the 7th: a rival of that day, not an old level
    result = _pier_costs([1, 6], 7)
    qids = {_of(result, "$40 million", d)["quantity_id"] for d in ("b0", "b1")}
    assert qids == {_of(result, "$120 million")["quantity_id"]}
    assert _verdict(result, "$120 million") == "diverge"


def test_a_figure_given_once_weeks_before_is_no_rival_of_a_later_one() -> None:
    # given once, on the 1st, the board's figure is of its own day: the engineers' higher
    # figure three weeks on is not set against it
    assert _verdict(_pier_costs([1], 22), "$120 million") != "diverge"
