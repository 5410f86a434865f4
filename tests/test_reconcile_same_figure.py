"""One figure repeated across reports is one quantity (``reconcile.restated.figure_again``).

A later report often gives an earlier one's figure in words that name its measure less well
("moved 20,000 people out", "the 4,000 job losses"); the repeat takes the frame of the figure
it repeats, unless the number is small or the reports name two measures for it. Made-up
sentences of our own (issue 11).
"""

from __future__ import annotations

import datetime as dt

from reconcile_sentences import MARCH, _of, _on_one_day, _run

from reconcile.restated import SAME_FIGURE


def test_a_repeat_in_vaguer_words_joins_the_figure_it_repeats() -> None:
    result = _on_one_day(
        "Officials in Peru said 20,000 people were evacuated from the coast on Monday.",
        "Buses moved 20,000 people out of the coastal towns overnight.",
    )
    first, repeat = _of(result, "20,000", "a"), _of(result, "20,000", "b")
    assert repeat["quantity_id"] == first["quantity_id"]
    assert repeat["concept_key"] == "evacuated"
    assert repeat["concept_source"] == SAME_FIGURE


def test_job_cuts_named_three_ways_are_one_figure() -> None:
    result = _on_one_day(
        "The carmaker announced 4,000 job cuts in Peru on Monday.",
        "Unions in Peru said the 4,000 job losses would close two plants.",
        "Shares rose after news of the 4,000 redundancies in Peru.",
    )
    assert len({_of(result, "4,000", d)["quantity_id"] for d in "abc"}) == 1


def test_small_counts_recur_by_chance() -> None:
    result = _on_one_day(
        "Two bridges over the river in Peru were closed on Monday.",
        "Two people are still missing in Peru, the police said.",
    )
    assert _of(result, "Two", "a")["quantity_id"] != _of(result, "Two", "b")["quantity_id"]


def test_a_figure_two_measures_claim_joins_neither() -> None:
    result = _on_one_day(
        "Inflation in Peru was 3.1% in May, the statistics office said.",
        "Peru's budget deficit reached 3.1% of output last year.",
        "Analysts in Lima had expected 3.1%.",
    )
    inflation, deficit = (_of(result, "3.1%", d)["quantity_id"] for d in "ab")
    assert inflation != deficit
    assert _of(result, "3.1%", "c")["concept_source"] != SAME_FIGURE


def test_reports_months_apart_repeat_nothing() -> None:
    result = _run(
        {
            "a": ("Officials in Peru said 20,000 people were evacuated from the coast.", MARCH),
            "b": ("Buses moved 20,000 people out of the coastal towns.",
                  MARCH + dt.timedelta(days=90)),
        }
    )  # fmt: skip
    assert _of(result, "20,000", "b")["concept_source"] != SAME_FIGURE


def test_an_amount_of_money_named_two_ways_is_one_figure() -> None:
    # a round sum of money (no precise figure: measure_again leaves it) named two ways in two
    # reports ("to compensate", "fund"): a story rarely writes one sum for two things
    result = _run(
        {
            "a": ("The government has set aside €30 million to compensate farmers.", MARCH),
            "b": (
                "Farmers have begun to draw on the government's €30 million relief fund.",
                MARCH + dt.timedelta(days=2),
            ),
        }
    )
    first, second = _of(result, "€30 million", "a"), _of(result, "€30 million", "b")
    assert second["quantity_id"] == first["quantity_id"]
    assert second["concept_source"] == SAME_FIGURE


def test_a_count_named_two_ways_stays_two_figures() -> None:
    # a count recurs for two things more often: two measures of their own keep it apart
    result = _on_one_day(
        "Police said 40 people were injured in the crash.",
        "Police arrested 40 people after the march.",
    )
    assert _of(result, "40", "a")["quantity_id"] != _of(result, "40", "b")["quantity_id"]


def test_a_small_count_of_people_by_their_role_is_no_repeat_of_a_toll() -> None:
    # "14 guards" on duty is not the toll of 14 said the day before: a count below a hundred
    # recurs by chance, and a role's noun with no harm in its words counts no dead
    result = _run(
        {
            "a": ("Officials in Peru said 14 inmates died in the jail fire.", MARCH),
            "b": (
                "Only 14 guards were on duty in Peru when the fire began, the union said.",
                MARCH + dt.timedelta(days=1),
            ),
        }
    )
    toll, guards = _of(result, "14 inmates", "a"), _of(result, "14 guards", "b")
    assert guards["concept_source"] != SAME_FIGURE
    assert guards["quantity_id"] != toll["quantity_id"]


def test_a_small_count_of_the_same_noun_is_still_a_repeat() -> None:
    result = _run(
        {
            "a": ("Heat alerts were raised in 14 regions of Peru, 11 of them on red alert.", MARCH),
            "b": ("Officials in Peru kept 11 regions on red alert.", MARCH + dt.timedelta(days=1)),
        }
    )
    assert _of(result, "11 regions", "b")["quantity_id"] == _of(result, "11", "a")["quantity_id"]
