"""Reconciliation on stories nobody fitted the rules to (issue 11).

``tests/data/own_topics`` holds invented stories in our own words (an earthquake whose
toll rises while a rescue group gives a higher one; a protest on two days counted by the
police, the unions and the ministry; a shipwreck; a cholera outbreak; a dockworkers' strike;
an economic outlook; a hurricane; a national election and its count; a company's data
breach; a week of fighting on a border) with the groups and verdicts written by hand before
the tool was first run on them (``expected.yaml``). The corpora are scored as
``benchmarks/own_topics_eval.py`` scores them; the rules they showed missing are tested on
made-up sentences of their own below. Nothing here reads ``../shared``.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

import polars as pl
import pytest
from conftest import load_benchmark

from extract import extract_claims
from reconcile import ReconcileResult, reconcile
from reconcile.frames import demonym_forms
from reconcile.sources import source_names

#: The stories, each with its keys the output still gets wrong: a verdict not as written
#: ("wrong"), or claims of a key not held in one quantity ("not_held"). In the shipwreck
#: story (written after the rules below, and run on them unseen) the fourth article names
#: no country but the one the boat left from, and an aid group's upper bound is read as a
#: count of aid with no source: the estimates of those on board are not brought together.
#: The cholera story (written after 5b4c433 and run unseen: F1 0.676, 7/13) is right since
#: the rules below on a lower-case ministry, suspected and confirmed cases, paired counts,
#: tolls "recorded by" a source, doses and goals; those were fitted to it, so it is no
#: longer an unseen story. The port strike story (written after f6effb1 and run unseen: F1
#: 0.533, 5/12 right and held, 0/2 divergences found) is right since the rules below on pay
#: claims and offers, bodies named in lower case, a kind restated, rival figures and "since"
#: (fitted to it, so no longer unseen), but for one count: "11,000 of its members had
#: stopped work" names members, not the workers the other counts name, and no measure reads
#: "stopped work" as a strike, so it stays apart from them (the verdict on the workers'
#: counts, the federation's 11,000 against the chamber's 4,000, is right).
#: The economic outlook (written on b9f0692, run unseen: F1 0.155,
#: 5/15) is fitted to by the rules below on growth rates, shares of GDP, "last year", later
#: years, quarters and a year's end, figures named only by their sentence, and countries no
#: gazetteer knows. It still misses: a forecast the sentence leaves to a modal ("would grow
#: by 2.4%": projected) or to a noun ("cut its own forecast to 1.4%": the economy's level) is
#: not held with the other growth forecasts; "consumer prices would rise by an average of
#: 3.1%" is an average of prices, not the bank's inflation forecast, and "the bank" that
#: raised it is no named source (one article alone: single); "prices were 5.0% higher than a
#: year earlier" is no inflation rate, so core inflation has no headline rate to be set beside.
#: The hurricane story (written on 10a12ce, run unseen: F1 0.676, 10/21 right and held, 0/1
#: divergences found) is fitted to by the rules below on people who spent a night somewhere,
#: people in shelters, customers without power, insured losses, figures of a physical unit,
#: a name owning a state's office, a spokesman named after his body's noun, a body named in
#: lower case then by its name, the ministry of a country no gazetteer knows, a count whose
#: sentence says what it includes, two kinds of thing counted together, rain a storm drops,
#: homes destroyed apart from homes damaged, and a minister and a headline's "Government"
#: as the government (F1 0.902, 18/21, 1/1). It still misses: "95,000 homes and businesses"
#: without power are counted apart from "customers" without power (a count's noun is its
#: population); "had moved 300,000 people out of" names no evacuation, so the count borrows
#: the deaths before it (borrowing only within a sentence cost reconcile_dev's check halves);
#: "raised its own toll to five" is not extracted, so the neighbour's toll is single.
#: The election story (written on 10a12ce, run unseen: F1 0.272, 6/30 right and held, 0/2
#: divergences found) is fitted to by the rules below on shares, counts and sums a named
#: party holds (and the poll that gives them), turnout in percent, an election's other counts
#: (registered voters, spoiled votes, polls), limits, "four years ago", a country owning its
#: election, a share named right before it and a rally's crowd. It still misses: a party's
#: share, votes or spending named by no holder ("won ... with 36.8% of the vote", "which led
#: the exit poll, had 34.3%", "with 37%", "or just over 1.3 million", "spending of ...,
#: against ... for the Alliance") stays with the count's progress, the polls or the other
#: party's figures; "66 of the 150 seats" and "the Alliance 59" are not extracted, and the
#: assembly's size, the seats a majority needs and a coalition's seats are one count of
#: seats; "with 38% of ballots counted" is read as a share of votes, not of the count done,
#: and the ballots cast as votes; the observers' stations and spoiled-or-blank ballots are
#: not told from the board's counts, and "About 82,400 of them, or 2.1%, were spoiled" is
#: read as a part "of them" (so the spoiled counts are not held and not "uncertain").
#: The data breach and border war stories were written at the start of the session that
#: wrote the hurricane and election stories, and held back from its rules until they were
#: merged: their first runs measure how rules fitted to other stories carry to new ones. Data
#: breach, on 10a12ce: F1 0.577, 13/21, 0/2, 0 false; on the session's merged rules (018ea01)
#: the same. Border war, on 10a12ce: F1 0.620, 9/16, 1/3, 0 false; on 018ea01: F1 0.515,
#: 9/16, 3/3, but 2 false divergences (the other army's own dead joined this army's, and
#: those of the displaced who went home joined the displaced). Fitted to since: a figure a
#: named speaker calls "its own" is the speaker's; "N of the displaced have returned home"
#: is a part (border war F1 0.568, 10/16, 2/3, 0 false). Both still miss: the breach's
#: customers affected and its cost are "uncertain" (the customer base, the revenue, the
#: largest fine and the cost of a credit are grouped with them, so no pair is sure); the
#: other army's "more than 150" dead is over five times this army's 23 and set aside as
#: likely another count; the UN mission's dead of both sides join one side's.
KNOWN: dict[str, dict[str, set[str]]] = {
    "cholera": {"wrong": set(), "not_held": set()},
    "quake": {"wrong": set(), "not_held": set()},
    "pension_protest": {"wrong": set(), "not_held": set()},
    "shipwreck": {"wrong": {"gr_on_board"}, "not_held": {"gr_deaths", "gr_on_board"}},
    "port_strike": {
        "wrong": set(),
        "not_held": {"strikers"},
    },
    "econ_outlook": {
        "wrong": {"inflation_forecast_2027", "inflation_feb"},
        "not_held": {"gdp_growth_2027", "inflation_forecast_2027", "inflation_feb"},
    },
    "storm": {
        "wrong": {"dv_deaths", "evacuated"},
        "not_held": {"evacuated", "power_out"},
    },
    "election": {
        "wrong": {
            "assembly_size",
            "ballots_cast",
            "exit_poll_nca",
            "late_stations",
            "observed_stations",
            "poll_cdp",
            "polling_stations",
            "seats_cdp",
            "seats_nca",
            "spending_cdp",
            "spending_nca",
            "spoiled_ballots",
            "vote_count_nca",
        },
        "not_held": {
            "assembly_size",
            "ballots_counted",
            "coalition_seats",
            "exit_poll_nca",
            "majority_threshold",
            "polling_stations",
            "seats_nca",
            "spending_nca",
            "spoiled_ballots",
            "vote_count_cdp",
            "vote_share_cdp",
            "vote_share_nca",
        },
    },
    "data_breach": {
        "wrong": {
            "breach_cost",
            "credit_cost",
            "customer_base",
            "customers_affected",
            "max_penalty",
            "revenue_2026",
        },
        "not_held": {"breach_cost", "complaints", "customers_affected", "ransom"},
    },
    "border_clash": {
        "wrong": {
            "ceasefire_length",
            "civilians_killed_both_sides",
            "eu_aid",
            "ostrel_soldiers_killed",
            "soldiers_killed_dravenia",
        },
        "not_held": {"ceasefire_length", "displaced", "eu_aid", "soldiers_killed_dravenia"},
    },
    # first run (33467b7) F1 0.390; still: '$920 million' with no measure word of its own borrows
    # 'pledge' from the figure before, the share funded and the funding gap one measure, '95,000 of
    # them severely' not read as severely malnourished, the ministry's animals dead a week later
    # counted as deaths, rainfall no measure
    "drought": {
        "wrong": {"funding_gap", "pledged", "rainfall_deficit", "severe_malnourished"},
        "not_held": {
            "appeal",
            "livestock_lost",
            "people_in_need",
            "rainfall_deficit",
            "severe_malnourished",
        },
    },
}


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_benchmark("own_topics_eval", "own_topics_eval.py")


@pytest.fixture(scope="module")
def scores(scorer: ModuleType) -> dict[str, dict[str, Any]]:
    out = {}
    for name in KNOWN:
        folder = scorer.STORIES / name
        story = scorer.load_story(folder)
        out[name] = scorer.score(story, *scorer.run_story(story, folder))
    return out


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_no_false_divergence(scores: dict[str, dict[str, Any]], name: str) -> None:
    assert scores[name]["false_div"] == 0
    assert scores[name]["div_unannotated"] == 0


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_every_verdict_as_written_before_the_run(
    scores: dict[str, dict[str, Any]], name: str
) -> None:
    lines = scores[name]["lines"]
    wrong = {
        key for key, want, got, _, _ in lines if got != want and (want, got) != ("agree", "echo")
    }
    assert wrong == KNOWN[name]["wrong"]
    assert {key for key, _, _, held, _ in lines if not held} == KNOWN[name]["not_held"]
    # every divergence written down is found, but those listed as wrong
    diverging = {key for key, want, _, _, _ in lines if want == "diverge"}
    assert scores[name]["div_found"] == len(diverging - KNOWN[name]["wrong"])


# --- the rules, on sentences of their own --------------------------------------------------


def _run(docs: dict[str, tuple[str, dt.date]]) -> ReconcileResult:
    claims = pl.concat(
        [extract_claims(text, doc_id=d, published=day) for d, (text, day) in docs.items()]
    )
    return reconcile(claims, texts={d: text for d, (text, _) in docs.items()})


def _of(result: ReconcileResult, surface: str, doc: str | None = None) -> dict[str, Any]:
    """The output row of the (first) claim whose surface starts with ``surface`` (in ``doc``)."""
    rows = result.claims.filter(
        pl.col("surface").str.starts_with(surface), pl.col("doc_id") == (doc or pl.col("doc_id"))
    )
    assert rows.height >= 1, surface
    return rows.row(0, named=True)


def _verdict(result: ReconcileResult, surface: str) -> str:
    qid = _of(result, surface)["quantity_id"]
    return str(result.quantities.filter(pl.col("quantity_id") == qid).item(0, "verdict"))


@pytest.mark.parametrize(
    ("adjective", "country"),
    [("Kyrgyz", "Kyrgyzstan"), ("Tajik", "Tajikistan"), ("Uzbek", "Uzbekistan"),
     ("Nepalese", "Nepal"), ("Ghanaian", "Ghana"), ("Kuwaiti", "Kuwait")],
)  # fmt: skip
def test_nationality_adjectives_the_regular_patterns_miss(adjective: str, country: str) -> None:
    assert demonym_forms()[adjective] == country


MARCH = dt.date(2031, 3, 4)  # a Tuesday


def test_a_march_in_the_capital_is_not_the_nationwide_turnout() -> None:
    result = _run(
        {
            "a": (
                "Police said 20,000 people marched in Lisbon on Saturday against the new "
                "labour law. On Saturday the organisers put the turnout at 90,000.\n"
                "Across the country, 310,000 people took part on Saturday, the Interior "
                "Ministry said.",
                MARCH,
            ),
            "b": (
                "The Interior Ministry counted 305,000 protesters across Portugal on Saturday.\n"
                "In the capital, police counted 21,000 marchers on Saturday.",
                MARCH,
            ),
        }
    )
    lisbon, nation = _of(result, "20,000"), _of(result, "310,000")
    assert lisbon["entity"] == "Lisbon" and nation["entity"] == "Portugal"
    assert _of(result, "90,000")["quantity_id"] == lisbon["quantity_id"]
    assert _of(result, "21,000")["quantity_id"] == lisbon["quantity_id"]
    assert _of(result, "305,000")["quantity_id"] == nation["quantity_id"]
    # the police's and organisers' counts, 4.5 times apart, diverge; the ministry agrees with itself
    assert _verdict(result, "20,000") == "diverge"
    assert _verdict(result, "310,000") != "diverge"


def test_a_capital_alone_still_stands_for_its_country() -> None:
    # no figure of the whole country to set it against: the capital's count is the country's
    result = _run({"a": ("Police said 20,000 people marched in Lisbon on Saturday.", MARCH)})
    assert _of(result, "20,000")["entity"] == "Portugal"


def test_paired_counts_and_common_noun_sources() -> None:
    result = _run(
        {
            "a": ("Turnout in Lisbon was put at 12,000 for the police and 70,000 for the "
                  "organisers on Saturday.", MARCH),
            "b": ("Unions said 70,000 people marched in Lisbon on Saturday, although police "
                  "put the figure at 12,000.", MARCH),
        }
    )  # fmt: skip
    assert _of(result, "12,000", "a")["asserter"] == "Police"
    assert _of(result, "12,000", "b")["asserter"] == "Police"
    assert _of(result, "70,000", "a")["asserter"] == "Organisers"
    assert _of(result, "70,000", "b")["asserter"] == "Unions"
    # five to ten times apart is what a march's two sides usually claim: a divergence
    assert _verdict(result, "12,000") == "diverge"


def test_two_marches_days_apart_are_two_quantities() -> None:
    result = _run(
        {
            "a": ("Police said 20,000 people marched in Lisbon on Saturday.", MARCH),
            "b": ("Police said 26,000 people marched in Lisbon on Saturday.", MARCH.replace(day=18)),
        }
    )  # fmt: skip
    assert _of(result, "20,000")["quantity_id"] != _of(result, "26,000")["quantity_id"]


@pytest.mark.parametrize(
    ("text", "published", "dates"),
    [
        # a weekday in the possessive dates the event, not the count ("said on Tuesday")
        (
            "The number of people killed by Sunday's storm in Portugal has risen to 40, "
            "the civil protection agency said on Tuesday.",
            dt.date(2031, 3, 5),
            {"40": dt.date(2031, 3, 4)},
        ),
        # the day after a figure of "from" dates that figure, not the sentence's others
        (
            "The Interior Ministry said 200,000 people protested across Portugal, down "
            "from 350,000 on March 3.",
            dt.date(2031, 3, 18),
            {"200,000": dt.date(2031, 3, 18), "350,000": dt.date(2031, 3, 3)},
        ),
        # a weekday in a clause of "since" is when a span began, not the date of the figure
        (
            "Farmers in Peru say 3,000 tonnes of grain have rotted since the lorry drivers "
            "stopped work on Monday.",
            dt.date(2031, 3, 6),
            {"3,000": dt.date(2031, 3, 6)},
        ),
        # ... and a weekday the figure's clause says is to come is no date of it
        (
            "Nurses in Peru will go back to work on Friday after they accepted an 8% pay rise.",
            dt.date(2031, 3, 4),
            {"8%": dt.date(2031, 3, 4)},
        ),
    ],
)
def test_the_date_of_a_figure(text: str, published: dt.date, dates: dict[str, dt.date]) -> None:
    result = _run({"a": (text, published)})
    assert {surface: _of(result, surface)["as_of"] for surface in dates} == dates


def test_a_figure_first_given_by_another_source_is_that_source_s() -> None:
    result = _run(
        {
            "a": ("Charities said 8,000 families had lost their homes in Portugal, a figure "
                  "first given by the Civil Protection Agency.", MARCH),
        }
    )  # fmt: skip
    row = _of(result, "8,000")
    assert row["asserter"] == "Civil Protection Agency"
    assert row["concept_key"] == "displaced"


def test_the_word_right_before_a_figure_names_its_measure() -> None:
    result = _run(
        {"a": ("The storm tore roofs off houses in Portugal, killing at least 12 people.", MARCH)}
    )
    assert _of(result, "at least 12")["concept_key"] == "death"


def test_the_saved_and_those_on_board_are_not_the_toll() -> None:
    result = _run(
        {
            "a": (
                "Ferry sinks off Portugal\n\nAt least 30 bodies were recovered after the ferry "
                "sank off Portugal, and 212 people were rescued. Survivors said up to 400 "
                "people had been on board, many from Angola and Mozambique.",
                MARCH,
            )
        }
    )
    assert _of(result, "At least 30")["concept_key"] == "death"
    assert _of(result, "212")["concept_key"] == "rescued"
    on_board = _of(result, "up to 400")
    assert on_board["concept_key"] == "on board"
    assert on_board["entity"] == "Portugal"  # "from Angola and Mozambique" is where they came from


def test_officials_over_the_border_give_their_own_country_s_toll() -> None:
    result = _run(
        {
            "a": (
                "Floods in Peru have killed 60 people, officials said.\n"
                "Across the border, Bolivian officials said four people had drowned.",
                MARCH,
            )
        }
    )
    assert _of(result, "60")["entity"] == "Peru"
    assert _of(result, "four")["entity"] == "Bolivia"


def test_a_ministry_named_by_a_common_noun_is_the_article_s_government() -> None:
    ministry = (
        "Dengue cases rise in Peru\n\nDengue fever has killed 30 people in Peru this month, the "
        "health ministry said on Tuesday. The ministry said it had recorded 9,000 infections."
    )
    agency = (
        "Peru dengue toll undercounted, says UN\n\nThe United Nations said on Tuesday that "
        "about 120 people had died of dengue in Peru."
    )
    result = _run({"a": (ministry, MARCH), "b": (agency, MARCH)})
    assert _of(result, "30")["asserter"] == "Peru government"
    assert _of(result, "9,000")["asserter"] == "Peru government"
    # the ministry's toll and the UN's, four times apart on one day: two sources diverge
    assert _verdict(result, "30") == "diverge"


def test_a_hope_to_vaccinate_is_no_toll() -> None:
    text = (
        "Measles has killed 12 children in Peru. Nurses plan to vaccinate about 50,000 people "
        "by June, the health ministry said."
    )
    assert _of(_run({"a": (text, MARCH)}), "about 50,000")["concept_key"] == "vaccination"


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("Peru has recorded 3,500 suspected measles cases this year.", "3,500", "suspected case"),
        ("Officials counted 940 suspected and 210 confirmed infections in Peru.", "940",
         "suspected case"),
        ("Officials counted 940 suspected and 210 confirmed infections in Peru.", "210",
         "confirmed case"),
        ("In Peru 400 cases have been confirmed by laboratories.", "400", "confirmed case"),
        ("Peru reported 2,000 cases, and 650 of them were confirmed in a laboratory.", "650",
         "confirmed case"),
        ("The agency put the number of probable cases in Peru at 75.", "75", "probable case"),
        ("Peru has recorded 3,500 cases of measles this year.", "3,500", "case"),
    ],
)  # fmt: skip
def test_suspected_and_confirmed_cases_are_two_counts(
    text: str, surface: str, measure: str
) -> None:
    assert _of(_run({"a": (text, MARCH)}), surface)["concept_key"] == measure


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        # a figure's own counted noun, not the noun of the figure after it
        ("Officials in Peru said 120 suspected cases and three deaths had been reported.",
         {"120": "suspected case", "three": "death"}),
        ("The landslide in Peru killed 25 people and injured 60 others, officials said.",
         {"25": "death", "60": "injured"}),
        # a bare figure shares the noun after the next one
        ("Officials counted 940 suspected and 210 confirmed infections in Peru.",
         {"940": "suspected case", "210": "confirmed case"}),
    ],
)  # fmt: skip
def test_a_figure_s_own_noun_wins_over_the_next_figure_s(
    text: str, measures: dict[str, str]
) -> None:
    result = _run({"a": (text, MARCH)})
    assert {surface: _of(result, surface)["concept_key"] for surface in measures} == measures


def _on_one_day(*texts: str) -> ReconcileResult:
    """Articles "a", "b", ... of ``texts``, all published on ``MARCH``, run."""
    return _run({chr(ord("a") + i): (text, MARCH) for i, text in enumerate(texts)})


def test_a_toll_recorded_by_a_source_is_that_source_s_plain_toll() -> None:
    # where the toll is estimated, "confirmed" after it calls a count the official one apart
    # from the estimates; "recorded by" a source only names whose count it is
    result = _on_one_day(
        "Floods in Peru have killed 55 people, the civil defence agency said.",
        "Relief crews reached villages where most of the 55 deaths recorded by the Civil "
        "Defence Agency occurred in Peru.",
        "The institute estimates that 300 people died in Peru. There were 55 deaths confirmed "
        "in Peru so far.",
        "Most of the 55 deaths reported by the health ministry were in Peru's north.",
    )
    assert _of(result, "55 deaths", "b")["concept_key"] == "death"
    assert _of(result, "55 deaths", "c")["concept_key"] == "official death"
    assert _of(result, "55 deaths", "d")["concept_key"] == "death"


def test_doses_of_vaccine_are_not_the_people_vaccinated() -> None:
    result = _on_one_day(
        "Nurses in Peru have given 2 million doses of measles vaccine, and 800,000 children "
        "have been vaccinated, the ministry said.",
        "Peru has received 2 million vaccine doses, the ministry said.",
    )
    doses, people = _of(result, "2 million doses"), _of(result, "800,000")
    assert (doses["concept_key"], people["concept_key"]) == ("vaccine dose", "vaccination")
    assert _of(result, "2 million vaccine")["quantity_id"] == doses["quantity_id"]
    assert people["quantity_id"] != doses["quantity_id"]


@pytest.mark.parametrize("aim", ["aims to", "hopes to", "plans to", "intends to"])
def test_a_goal_is_not_a_count_so_far(aim: str) -> None:
    result = _on_one_day(
        f"Peru {aim} vaccinate about 2 million people by May, the ministry said.",
        "So far 700,000 people have been vaccinated in Peru, the ministry said.",
    )
    assert _of(result, "about 2 million")["quantity_id"] != _of(result, "700,000")["quantity_id"]


def test_a_headline_restates_a_figure_its_text_calls_suspected() -> None:
    result = _on_one_day(
        "Measles cases in Peru top 3,000\n\nPeru has recorded more than 3,000 suspected measles "
        "cases this year, and 800 confirmed ones.",
        "Peru has recorded 3,000 cases of measles in the south.",
    )
    assert _of(result, "3,000", "a")["concept_key"] == "suspected case"
    # another article's plain count is not the first article's to call suspected
    assert _of(result, "3,000", "b")["concept_key"] == "case"


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("Nurses in Peru are demanding a 12% pay rise.", "12%", "pay claim"),
        ("The union wants a 12% rise; hospitals in Peru have offered 4%.", "12%", "pay claim"),
        ("The union wants a 12% rise; hospitals in Peru have offered 4%.", "4%", "pay offer"),
        ("Nurses in Peru accepted an 8% pay rise on Friday.", "8%", "pay deal"),
        ("Hospitals in Peru raised their pay offer to 6%.", "6%", "pay offer"),
        # no side's stance: a wage, as before
        ("Nurses in Peru will get a 3% pay rise this year.", "3%", "wage"),
    ],
)  # fmt: skip
def test_what_one_side_asks_the_other_offers_and_both_agree(
    text: str, surface: str, measure: str
) -> None:
    assert _of(_run({"a": (text, MARCH)}), surface)["concept_key"] == measure


def test_a_pay_claim_an_offer_and_a_deal_are_three_figures() -> None:
    result = _run(
        {
            "a": ("Nurses in Peru are demanding a 12% pay rise; hospitals have offered 4%.", MARCH),
            "b": ("The nurses' union, which is asking for 12%, said hospitals in Peru had raised "
                  "their offer to 6%.", MARCH.replace(day=6)),
            "c": ("Nurses in Peru accepted an 8% pay rise.", MARCH.replace(day=9)),
        }
    )  # fmt: skip
    claim, offer, deal = (_of(result, s, d)["quantity_id"] for s, d in [("12%", "a"), ("4%", "a"),
                                                                          ("8%", "c")])  # fmt: skip
    assert len({claim, offer, deal}) == 3
    assert _of(result, "12%", "b")["quantity_id"] == claim
    assert _of(result, "6%", "b")["quantity_id"] == offer
    assert _verdict(result, "4%") == "growth"  # the offer raised, not two sides disputing it


def test_a_body_named_in_lower_case_is_a_source_of_its_own() -> None:
    result = _on_one_day(
        "About 9,000 nurses in Peru stopped work on Tuesday, the nurses' federation said.",
        "On Tuesday 2,500 nurses in Peru stopped work, according to the hospitals' association.",
    )
    assert _of(result, "About 9,000")["asserter"] == "Nurses' federation"
    assert _of(result, "2,500")["asserter"] == "Hospitals' association"
    assert _verdict(result, "2,500") == "diverge"  # two sides, 3.6 times apart, one day


@pytest.mark.parametrize(
    ("written", "source"),
    [
        ("the maritime authority", "Maritime authority"),
        ("central bank", "Central bank"),
        ("analysts", None),  # people, no body
        ("its union", None),  # a body named before, not one of its own
        ("finance ministry", None),  # the article's government (read apart)
    ],
)
def test_which_lower_case_words_name_a_body(written: str, source: str | None) -> None:
    assert source_names([written]).get(written) == source


def test_a_kind_given_again_with_its_noun_alone_is_one_count() -> None:
    result = _run(
        {
            "a": ("Floods strand 40 lorries in Peru\n\nForty cattle lorries were stuck on the "
                  "coast road in Peru on Tuesday, police said.", MARCH),
            "b": ("Police in Peru said 75 lorries were stuck on the coast road.",
                  MARCH.replace(day=6)),
        }
    )  # fmt: skip
    forty = _of(result, "Forty")
    assert forty["unit"] == "lorry"
    assert forty["quantity_id"] == _of(result, "75")["quantity_id"]


def test_a_kind_with_a_figure_of_its_own_stays_a_kind() -> None:
    text = "Of the 30 states that signed the treaty, 12 member states of the bloc ratified it."
    assert _of(_run({"a": (text, MARCH)}), "12")["unit"] == "member state"


def test_a_lower_figure_is_a_rival_estimate_of_the_figure_before() -> None:
    text = (
        "Farmers in Peru say 3,000 tonnes of grain have rotted in silos. The farm ministry gave "
        "a much lower figure, saying about 400 tonnes had rotted."
    )
    result = _run({"a": (text, MARCH)})
    grain, rival = _of(result, "3,000"), _of(result, "about 400")
    assert rival["quantity_id"] == grain["quantity_id"]
    assert rival["asserter"] == "Peru government"  # the ministry the sentence opens with
    # 7.5 times apart: possibly two counts of different things, no divergence claimed
    assert _verdict(result, "3,000") == "uncertain"


def test_a_number_pointed_back_to_counts_the_same_people() -> None:
    result = _on_one_day(
        "About 9,000 nurses in Peru stopped work on Tuesday, the nurses' federation said. The "
        "hospitals' association put the number at 2,500.",
        "On Tuesday 8,800 nurses in Peru stopped work, the nurses' federation said.",
    )
    nurses = _of(result, "About 9,000")
    assert _of(result, "2,500")["quantity_id"] == nurses["quantity_id"]
    assert _of(result, "8,800")["quantity_id"] == nurses["quantity_id"]
    assert _verdict(result, "2,500") == "diverge"


def test_people_are_no_count_of_the_things_counted_before() -> None:
    text = (
        "Some 80 lorries were queuing in Peru's port on Tuesday. About 3,000 people live in "
        "the town. Floods killed 40 people in Peru, and another 20 people in the south, "
        "officials said."
    )
    result = _run({"a": (text, MARCH)})
    assert _of(result, "About 3,000")["concept_key"] != "lorry"
    assert _of(result, "20 people")["concept_key"] == "death"  # a measure still carries on


@pytest.mark.parametrize(
    "text",
    [
        "Peru's economy grew by 3.2% in 2030, the statistics agency said.",
        "Peru recorded growth of 3.2% in 2030, the statistics agency said.",
        "Economic growth in Peru was 3.2% in 2030, the statistics agency said.",
    ],
)
def test_a_rise_in_percent_of_output_is_the_growth_rate(text: str) -> None:
    row = _of(_run({"a": (text, MARCH)}), "3.2%")
    assert (row["concept_key"], row["is_delta"]) == ("gdp growth", False)


def test_the_economy_growing_and_its_growth_rate_are_one_quantity() -> None:
    result = _on_one_day(
        "Peru's economy grew by 3.2% in 2030, the statistics agency said.",
        "Economic growth in Peru was 3.2% in 2030, the central bank said.",
    )
    assert _of(result, "3.2%", "a")["quantity_id"] == _of(result, "3.2%", "b")["quantity_id"]


def test_a_rise_in_prices_in_percent_is_the_inflation_rate() -> None:
    text = "Consumer prices in Peru rose 4.1% in February from a year earlier."
    assert _of(_run({"a": (text, MARCH)}), "4.1%")["concept_key"] == "inflation"


def test_a_shrinking_economy_is_no_growth_rate() -> None:
    text = "Peru's economy shrank by 1.5% in 2030, the statistics agency said."
    assert _of(_run({"a": (text, MARCH)}), "1.5%")["concept_key"] != "gdp growth"


def test_a_growth_forecast_cut_for_higher_costs_is_still_growth() -> None:
    # "costs" elsewhere in the sentence is not a loss of output; the cut forecast and the one
    # it replaced are one growth rate
    result = _on_one_day(
        "The Bank of Peru cut its forecast for economic growth this year to 1.8% from 2.6%, "
        "blaming higher borrowing costs."
    )
    new, old = _of(result, "1.8%"), _of(result, "2.6%")
    assert new["concept_key"] == old["concept_key"] == "gdp growth"
    assert new["quantity_id"] == old["quantity_id"]


def test_last_year_dates_only_the_figure_without_a_year_of_its_own() -> None:
    result = _on_one_day(
        "Economists at a Lima bank expect growth of 2.5% in 2031, down from 3.2% last year."
    )
    assert _of(result, "2.5%")["as_of"] == MARCH
    assert _of(result, "3.2%")["as_of"].year == MARCH.year - 1


def test_a_central_bank_s_rate_is_no_measure_of_output() -> None:
    # "and said it expects the economy ..." opens a clause of its own after the rate
    result = _on_one_day(
        "The Bank of Peru kept its main interest rate at 5.25% on Thursday and said it expects "
        "the economy to grow by 2.1% in 2031."
    )
    assert _of(result, "5.25%")["concept_key"] == "interest rate"
    assert _of(result, "2.1%")["concept_key"] == "gdp growth"


def test_a_share_of_gdp_measures_what_its_sentence_names_before_it() -> None:
    result = _on_one_day(
        "The budget aims to cut the deficit to 3.1% of GDP, from 3.9% of GDP last year.",
        "The drought will cost the economy 2% of GDP, the central bank of Peru said.",
    )
    target, last = _of(result, "3.1%"), _of(result, "3.9%")
    assert target["concept_key"] == last["concept_key"] == "deficit"
    # last year's deficit is a figure of that year, not this year's target
    assert (last["as_of"], last["period"]) == (dt.date(MARCH.year - 1, 7, 1), str(MARCH.year - 1))
    assert target["as_of"] == MARCH
    assert target["quantity_id"] != last["quantity_id"]
    # a share the economy loses is still a loss of output
    assert _of(result, "2%")["concept_key"] == "gdp loss"


def test_a_sentence_that_opens_with_last_year_dates_all_its_figures() -> None:
    result = _on_one_day("Last year, 300 people died in Peru and 200 were injured.")
    assert (
        _of(result, "300")["as_of"] == _of(result, "200")["as_of"] == dt.date(MARCH.year - 1, 7, 1)
    )


def test_a_country_no_gazetteer_knows_is_read_from_what_it_owns() -> None:
    # "Marvossa's economy": a made-up country is a place of its own, in every article that
    # names it or its adjective, and a lender "based" in a real capital is not there
    result = _on_one_day(
        "Marvossa's economy grew by 2.0% in 2030, the statistics office in Marvossa said.",
        "Lender cuts Marvossa outlook\n\nThe Paris-based lender said the Marvossan economy "
        "would grow 1.5% this year.",
    )
    assert _of(result, "2.0%")["entity"] == "Marvossa"
    assert _of(result, "1.5%")["entity"] == "Marvossa"


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        ("The bank expects Peru's economy to grow 1.5% this year and 2.0% in 2032.", "2.0%",
         "2032"),
        ("Peru's economy grew 0.4% in the fourth quarter and 2.8% in 2030.", "0.4%",
         "fourth quarter"),
    ],
)  # fmt: skip
def test_a_later_year_or_a_quarter_is_a_period_of_its_own(
    text: str, surface: str, period: str
) -> None:
    result = _on_one_day(text)
    row = _of(result, surface)
    assert row["period"] == period
    others = result.claims.filter(pl.col("surface") != row["surface"])
    assert row["quantity_id"] not in set(others.get_column("quantity_id"))


def test_a_level_foreseen_for_the_year_s_end_is_not_the_level_now() -> None:
    result = _on_one_day(
        "The unemployment rate in Peru stood at 6.1% in December. The central bank expects "
        "unemployment to rise to 6.9% by the end of the year.",
        "Peru's debt will reach 60% of GDP by the end of 2033, the lender said.",
    )
    now, then = _of(result, "6.1%"), _of(result, "6.9%")
    assert then["period"] == f"end of {MARCH.year}"
    assert now["quantity_id"] != then["quantity_id"]
    assert _of(result, "60%")["period"] == "end of 2033"


def test_a_figure_its_sentence_alone_names_goes_on_from_the_one_before() -> None:
    # "the economy" is the sentence's word; "after 2.3%" continues the growth rate before it
    result = _on_one_day(
        "The lender cut its forecast for Peru's economy, saying it now sees growth of 1.5% "
        "this year, after 2.3% in 2030."
    )
    assert _of(result, "2.3%")["concept_key"] == _of(result, "1.5%")["concept_key"] == "gdp growth"


# --- a storm (the hurricane story's rules) --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("About 5,000 people in Peru spent the night in school gyms used as shelters.",
         "About 5,000", "sheltered"),
        ("Peru spent $2 billion on new roads, the transport ministry said.", "$2 billion",
         "spending"),
        # people in shelters are not all those evacuated
        ("Officials in Peru evacuated 90,000 people from the coast on Monday.", "90,000",
         "evacuated"),
        ("In Peru, about 12,000 people were still in shelters on Monday.", "about 12,000",
         "sheltered"),
    ],
)  # fmt: skip
def test_people_who_spent_a_night_in_shelters_spent_no_money(
    text: str, surface: str, measure: str
) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] == measure


def test_customers_left_without_power_are_one_count_as_power_comes_back() -> None:
    # "with 150,000 still in the dark": "still" names no part of the figure before it
    result = _run(
        {
            "a": ("About 400,000 customers in Peru were without electricity on Monday, the "
                  "utility Grelco said.", MARCH),
            "b": ("Grelco said power had been restored in Peru to most homes, with about "
                  "150,000 customers still in the dark on Thursday.", MARCH.replace(day=7)),
        }
    )  # fmt: skip
    first, later = _of(result, "About 400,000"), _of(result, "about 150,000")
    assert first["concept_key"] == later["concept_key"] == "power outage"
    assert first["quantity_id"] == later["quantity_id"]
    assert _verdict(result, "About 400,000") == "growth"


def test_insured_losses_are_apart_from_the_damage_and_modellers_diverge() -> None:
    result = _on_one_day(
        "The modeller Ostler Risk estimated insured losses in Peru at $2 billion.",
        "The rival firm Tavenor Analytics put the insured bill in Peru at $5 billion.",
        "The government of Peru put the storm damage at $8 billion.",
    )
    low, high, damage = (_of(result, s) for s in ("$2 billion", "$5 billion", "$8 billion"))
    assert low["concept_key"] == high["concept_key"] == "insured cost"
    assert low["quantity_id"] == high["quantity_id"] != damage["quantity_id"]
    assert _verdict(result, "$2 billion") == "diverge"


def test_a_figure_of_a_physical_unit_counts_no_people_its_sentence_names() -> None:
    result = _on_one_day(
        "The storm, whose winds reached 180 km/h, left 30 people dead in Peru.",
        "Wildfires have burned 20,000 hectares in Peru this year, officials said.",
    )
    assert _of(result, "180 km/h")["concept_key"] != "death"
    assert _of(result, "30 people")["concept_key"] == "death"
    # a measure that is no count of people it may still take from its sentence
    assert _of(result, "20,000 hectares")["concept_key"] == "area burned"


def test_a_magnitude_is_no_count_of_the_dead_its_sentence_names() -> None:
    # a unit of no dimension of its own (a magnitude, degrees) is a measurement too; the label
    # names the measure once ("Magnitude in Peru", not "Magnitude in Peru (magnitude)")
    result = _on_one_day(
        "A magnitude 6.8 earthquake struck Peru on Monday, killing 40 people.",
        "The earthquake in Peru killed 45 people, the civil defence office said.",
    )
    quake = _of(result, "magnitude 6.8")
    assert quake["concept_key"] == "magnitude"
    assert _of(result, "40 people")["concept_key"] == "death"
    label = result.quantities.filter(pl.col("quantity_id") == quake["quantity_id"])["label"]
    assert label.item().startswith("Magnitude in Peru,")


def test_a_name_owning_a_state_s_office_is_a_country() -> None:
    # "Quenmark's interior ministry": a made-up country, kept apart from its neighbour
    result = _on_one_day(
        "Floods killed 12 people in Quenmark on Monday, Quenmark's interior ministry said.",
        "In neighbouring Peru, three people died in the floods on Monday.",
    )
    assert _of(result, "12 people")["entity"] == "Quenmark"
    assert _of(result, "12 people")["quantity_id"] != _of(result, "three")["quantity_id"]


@pytest.mark.parametrize(
    ("names", "linked"),
    [
        (["Port Health Directorate", "directorate spokesman Ana Ruiz"], True),
        # two ministries: which one the spokesman speaks for is not known
        (["Health Ministry", "Interior Ministry", "ministry spokesman Ana Ruiz"], False),
    ],
)
def test_a_spokesman_named_after_his_body_s_noun_speaks_for_it(
    names: list[str], linked: bool
) -> None:
    found = source_names(names)
    assert (found[names[-1]] == names[0]) is linked


def test_a_body_named_in_lower_case_then_by_its_name() -> None:
    text = (
        "Winds reached 200 km/h, according to the Weather Office. About 900 homes were "
        "without power on Monday, according to the state utility, Grelco, which said "
        "repairs would take days."
    )
    rows = extract_claims(text, doc_id="a", published=MARCH)
    assert rows.filter(pl.col("surface").str.starts_with("About 900")).item(0, "attribution") == (
        "Grelco"
    )


def test_still_alone_names_no_part_of_the_figure_before() -> None:
    # "with 150,000 still in the dark on Thursday morning": no part named "still"
    text = (
        "Power was restored to 300,000 customers in Peru, with 150,000 customers still in the "
        "dark on Thursday morning."
    )
    assert _of(_on_one_day(text), "150,000")["concept_key"] == "power outage"


def test_a_ministry_of_a_country_no_gazetteer_knows_is_its_government() -> None:
    result = _on_one_day(
        "Quenmark's finance minister said floods had left 9,000 people homeless in Quenmark. "
        "The housing ministry put the number at 8,800."
    )
    assert _of(result, "8,800")["asserter"] == "Quenmark government"


@pytest.mark.parametrize(
    ("note", "verdict"),
    [
        (", a figure it says includes families staying with relatives", "uncertain"),
        ("", "diverge"),
    ],
)
def test_a_count_whose_sentence_says_what_it_includes_is_not_surely_the_other(
    note: str, verdict: str
) -> None:
    result = _on_one_day(
        f"The Red Cross said 40,000 people in Peru had been left homeless{note}.",
        "The housing ministry of Peru said 10,000 people had been left homeless.",
    )
    assert _verdict(result, "40,000") == verdict


def test_a_count_of_two_kinds_joined_is_named_by_the_words_after_them() -> None:
    # "homes and businesses": neither kind alone; "without power" after them names the count
    text = "In Peru, 80,000 homes and businesses were still without power on Monday."
    assert _of(_on_one_day(text), "80,000")["concept_key"] == "power outage"


def test_rain_a_storm_dropped_is_no_fall_and_rain_it_could_drop_is_foreseen() -> None:
    result = _on_one_day(
        "Forecasters said the storm could drop 300 mm of rain on Peru over two days.",
        "The storm dropped 280 mm of rain on Peru, the weather office said.",
    )
    foreseen, fallen = _of(result, "300 mm"), _of(result, "280 mm")
    assert not fallen["is_delta"]
    assert foreseen["period"] == "projected"
    assert fallen["period"] is None


def test_homes_destroyed_and_homes_damaged_are_two_counts() -> None:
    result = _run(
        {
            "a": ("In Peru, 1,200 houses were destroyed and 9,000 damaged by the floods.", MARCH),
            "b": ("Peru now counts 9,800 damaged houses and 1,500 destroyed ones.",
                  MARCH.replace(day=8)),
        }
    )  # fmt: skip
    destroyed, damaged = _of(result, "1,200"), _of(result, "9,000")
    assert destroyed["concept_key"] == "destroyed home"
    # a bare count after "and" shares the houses, and "damaged" names no cost of a count
    assert damaged["concept_key"] == "damaged home"
    # "destroyed ones": the houses counted before it in its sentence
    assert _of(result, "1,500")["quantity_id"] == destroyed["quantity_id"]
    assert _of(result, "9,800")["quantity_id"] == damaged["quantity_id"]
    assert destroyed["quantity_id"] != damaged["quantity_id"]


@pytest.mark.parametrize(
    "body",
    [
        "Peru's finance minister, Ana Ruiz, said on Monday the floods had cost about $3 billion.",
        "Finance Minister Ana Ruiz said on Monday the floods in Peru had cost about $3 billion.",
    ],
)
def test_a_minister_named_with_the_office_and_a_headline_s_government_are_one_source(
    body: str,
) -> None:
    result = _on_one_day(f"Government puts flood damage at $3 billion\n\n{body}")
    assert _of(result, "$3 billion")["asserter"] == "Peru government"
    assert _of(result, "about $3 billion")["asserter"] == "Peru government"
    assert _verdict(result, "$3 billion") == "single"


def test_shares_held_by_two_parties_are_two_quantities() -> None:
    # the subject of "had"/"won", a name alone after "and", the object of "gave": whose share
    # it is; a short name ("the Harvest Bloc") is the long one the texts give
    result = _run(
        {
            "a": ("With half the votes counted in Peru, the Harvest Bloc had 41.0% and the "
                  "Liberal Compass Party 29.5%, the electoral office said.", MARCH),
            "b": ("The electoral office in Peru said the Peruvian Harvest Bloc had won 42.2% of "
                  "the vote, with the Liberal Compass Party on 30.1%.", MARCH.replace(day=6)),
            "c": ("A poll in Peru gave the Liberal Compass Party 35% on Friday.",
                  MARCH.replace(day=12)),
        }
    )  # fmt: skip
    bloc, compass = _of(result, "41.0%"), _of(result, "29.5%")
    assert bloc["concept_key"] == "vote: peruvian harvest bloc"
    assert compass["concept_key"] == "vote: liberal compass party"
    assert bloc["quantity_id"] != compass["quantity_id"]
    assert _of(result, "42.2%")["quantity_id"] == bloc["quantity_id"]
    assert _of(result, "35%")["concept_key"].endswith(": liberal compass party")


@pytest.mark.parametrize(
    ("text", "surface", "part"),
    [
        ("The Harvest Bloc won 61 seats in Peru.", "61", "harvest bloc"),
        ("The Harvest Bloc, with 61 seats, will form Peru's next government.", "61",
         "harvest bloc"),
        ("Talks began with the Harvest Bloc, which won 14 seats in Peru.", "14", "harvest bloc"),
        # a day after a comma names no holder, nor does a place
        ("Floods killed 40 people in Peru, officials said on Monday, with 12 missing.", "12",
         None),
        ("Peru has 61 seats in the assembly.", "61", None),
    ],
)  # fmt: skip
def test_the_name_that_holds_a_count(text: str, surface: str, part: str | None) -> None:
    key = _of(_run({"a": (text, MARCH)}), surface)["concept_key"]
    assert (key.split(": ", 1)[1] if ": " in key else None) == part


def test_a_turnout_in_percent_is_no_crowd() -> None:
    result = _on_one_day(
        "Turnout in Peru's election was 61%, the electoral office said.",
        "Police said the turnout at the march in Lima was 20,000.",
    )
    assert _of(result, "61%")["concept_key"] == "turnout"
    assert _of(result, "20,000")["concept_key"] == "crowd"


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("About 4.2 million people in Peru are registered to vote.", "About 4.2", "registered voter"),
        # (narrower than the votes its noun counts, as "excess deaths" are than deaths)
        ("In Peru 51,000 ballots were spoiled, the electoral office said.", "51,000",
         "spoiled vote"),
        ("About 6.1 million people in Peru were entitled to vote.", "About 6.1",
         "registered voter"),
        # (the noun counted is "voter", whose measure is votes: the narrower one wins)
        ("Some 4.3 million registered voters in Peru can take part, officials said.", "Some 4.3",
         "registered voter"),
        ("A poll in Peru put the Harvest Bloc on 38%.", "38%", "poll"),
    ],
)  # fmt: skip
def test_an_election_s_counts_are_not_its_votes(text: str, surface: str, measure: str) -> None:
    key = _of(_run({"a": (text, MARCH)}), surface)["concept_key"]
    assert key.split(": ", 1)[0] == measure


def test_years_ago_dates_a_figure_of_that_year() -> None:
    result = _on_one_day("Turnout in Peru was 61%, up from the 55% of four years ago.")
    assert _of(result, "55%")["as_of"] == dt.date(MARCH.year - 4, 7, 1)
    assert _of(result, "61%")["as_of"] == MARCH


def test_a_share_a_poll_gives_is_the_poll_s() -> None:
    # "of the vote" is what the poll measures, not the count; the name after "and" holds a
    # share of the same poll
    result = _run(
        {
            "a": ("An exit poll in Peru gave the Harvest Bloc 44% of the vote and the Liberal "
                  "Compass Party 30%.", MARCH),
            "b": ("With all votes counted in Peru, the Harvest Bloc had 39.5%.",
                  MARCH.replace(day=8)),
        }
    )  # fmt: skip
    assert _of(result, "44%")["concept_key"] == "poll: harvest bloc"
    assert _of(result, "30%")["concept_key"] == "poll: liberal compass party"
    assert _of(result, "39.5%")["concept_key"] == "vote: harvest bloc"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The Harvest Bloc kept its campaign spending in Peru within the $3 million limit.",
         "$3 million"),
        ("In Peru the legal limit on a party's campaign spending is $3 million.", "$3 million"),
        ("Peru set a cap of $3 million on campaign spending.", "$3 million"),
    ],
)  # fmt: skip
def test_a_limit_set_on_a_measure_is_no_level_of_it(text: str, surface: str) -> None:
    result = _on_one_day(text, "The Harvest Bloc in Peru spent $2.8 million on its campaign.")
    limit, spent = _of(result, surface, "a"), _of(result, "$2.8", "b")
    assert limit["concept_key"].endswith(" limit")
    assert limit["quantity_id"] != spent["quantity_id"]


def test_a_measured_maximum_is_no_limit() -> None:
    # "maximum" before a measure is most often the peak measured, not a bound set on it
    result = _on_one_day(
        "The storm reached Peru with maximum sustained winds of 190 km/h, the weather office said.",
        "The weather office said the storm's sustained winds reached 185 km/h in Peru.",
    )
    peak, later = _of(result, "190 km/h", "a"), _of(result, "185 km/h", "b")
    assert not peak["concept_key"].endswith(" limit")
    assert peak["concept_key"] == later["concept_key"]


def test_a_country_no_gazetteer_knows_owns_its_election() -> None:
    result = _on_one_day(
        "Turnout in Marvossa's election was 58%, the electoral office said.",
        "Marvossa votes\n\nThe vote in Marvossa passed off calmly.",
    )
    assert _of(result, "58%")["entity"] == "Marvossa"


def test_what_a_party_spent_is_its_own_spending() -> None:
    result = _on_one_day(
        "The Harvest Bloc spent $2.8 million on its campaign in Peru.",
        "The Liberal Compass Party spent $0.9 million in Peru.",
    )
    bloc, compass = _of(result, "$2.8"), _of(result, "$0.9")
    assert bloc["concept_key"] == "spending: harvest bloc"
    assert bloc["quantity_id"] != compass["quantity_id"]


def test_the_opposition_s_turnout_against_the_electoral_office_s_diverges() -> None:
    # "recorded turnout of about 45%": the share's measure is named right before it, as sure
    # as its own phrase; 61% against about 45% on one day, from two sources
    result = _on_one_day(
        "Turnout in Peru's election on Sunday was 61%, the electoral office said.",
        "The opposition in Peru said its own observers recorded turnout of about 45% on Sunday.",
    )
    assert _of(result, "61%")["quantity_id"] == _of(result, "of about 45%")["quantity_id"]
    assert _verdict(result, "61%") == "diverge"


def test_those_who_attend_a_rally_are_its_crowd() -> None:
    result = _on_one_day(
        "Police said about 8,000 people attended the rally in Lima on Saturday. The Harvest "
        "Bloc said at least 30,000 supporters had filled the square on Saturday."
    )
    police, party = _of(result, "about 8,000"), _of(result, "at least 30,000")
    assert police["concept_key"] == party["concept_key"] == "crowd"
    assert police["quantity_id"] == party["quantity_id"]
    assert _verdict(result, "about 8,000") == "diverge"


# --- a border war (the border_clash story's rules) ------------------------------------------


def test_those_of_a_group_who_did_something_since_are_a_part_of_it() -> None:
    # "N of the displaced have returned home": a count of those of the group named by its
    # state who did something since, not a rival count of the group
    result = _on_one_day(
        "Floods in Peru have displaced 60,000 people, the relief agency said.",
        "Some 12,000 of the displaced have returned home in Peru, the relief agency said.",
        "The relief agency in Peru said 85,000 people were displaced.",
    )
    back = _of(result, "Some 12,000", "b")
    assert back["concept_key"] == "displaced: returned home"
    assert back["quantity_id"] != _of(result, "60,000", "a")["quantity_id"]
    assert _of(result, "60,000", "a")["quantity_id"] == _of(result, "85,000", "c")["quantity_id"]


def test_a_count_of_a_group_s_own_members_is_no_part_of_them() -> None:
    # "27 of its soldiers had been killed" counts soldiers killed, as "20 soldiers killed" does
    result = _on_one_day(
        "The army of Peru said 20 soldiers were killed in the clashes.",
        "The army of Peru said 27 of its soldiers had been killed in the clashes.",
    )
    assert ":" not in _of(result, "27", "b")["concept_key"]
    assert _of(result, "27", "b")["concept_key"] == _of(result, "20 soldiers", "a")["concept_key"]


def test_a_figure_that_a_named_speaker_calls_its_own_is_that_speaker_s() -> None:
    # "Chile said its own losses stood at 11 soldiers": "its" is the speaker's, so the
    # figure is Chile's, not the article's country's
    result = _on_one_day(
        "Clashes on the border of Peru killed 30 Peruvian soldiers, the army of Peru said. "
        "Chile said its own losses stood at 11 soldiers killed and 40 wounded."
    )
    assert _of(result, "11 soldiers")["entity"] == "Chile"
    assert _of(result, "40")["entity"] == "Chile"
    assert _of(result, "30 Peruvian")["entity"] == "Peru"
