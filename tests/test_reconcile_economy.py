"""The economy: pay claims, offers and deals, growth, inflation, interest rates and shares of
GDP.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import datetime as dt

import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run, _verdict


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


def test_a_figure_its_sentence_alone_names_goes_on_from_the_one_before() -> None:
    # "the economy" is the sentence's word; "after 2.3%" continues the growth rate before it
    result = _on_one_day(
        "The lender cut its forecast for Peru's economy, saying it now sees growth of 1.5% "
        "this year, after 2.3% in 2030."
    )
    assert _of(result, "2.3%")["concept_key"] == _of(result, "1.5%")["concept_key"] == "gdp growth"


def test_a_sum_takes_no_measure_from_the_noun_of_another_figure() -> None:
    """ "a loss of EUR 640 million" names that figure: the sum withdrawn in the same sentence,
    whose own words name no known measure, is no loss and no rival count of it."""
    result = _on_one_day(
        "Customers withdrew €3.6 billion from Harrow Bank on Thursday, hours after it "
        "disclosed a loss of €640 million on its bond holdings."
    )
    withdrawn, loss = _of(result, "€3.6"), _of(result, "€640")
    assert loss["concept_key"] == "cost"
    assert withdrawn["concept_key"] != "cost"
    assert withdrawn["quantity_id"] != loss["quantity_id"]


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("The carmaker's sales in Peru rose to $4 billion in the quarter.", "$4 billion",
         "revenue"),
        ("The bank's net profit fell to $120 million in Peru.", "$120 million", "profit"),
        ("Savers in Peru withdrew $900 million from the bank on Monday.", "$900 million",
         "withdrawal"),
        ("The bank held $27 billion of deposits in Peru at the end of June.", "$27 billion",
         "deposit"),
        ("The central bank of Peru granted the lender an emergency loan of $5 billion.",
         "$5 billion", "loan"),
        ("The regulator in Peru imposed a fine of $30 million on the airline.", "$30 million",
         "fine"),
        ("Each family in Peru will receive compensation of $50,000.", "$50,000",
         "compensation"),
        ("The hackers demanded a ransom of $4 million from the hospital in Peru.",
         "$4 million", "ransom"),
        ("The market value of the miner fell to $8 billion in Peru.", "$8 billion",
         "market value"),
        # a firm's revenue is no tax revenue; what a state collects in tax is
        ("Tax receipts in Peru rose to $90 billion last year.", "$90 billion", "tax revenue"),
    ],
)  # fmt: skip
def test_what_a_firm_sells_keeps_holds_lends_and_pays_are_measures_of_their_own(
    text: str, surface: str, measure: str
) -> None:
    assert _of(_run({"a": (text, MARCH)}), surface)["concept_key"] == measure


def test_a_firm_s_sales_and_its_profit_are_two_quantities() -> None:
    result = _on_one_day(
        "The carmaker's sales in Peru rose to $4 billion, and its net profit to $300 million.",
        "The carmaker in Peru said sales reached $4.1 billion; profit was $310 million.",
    )
    assert _of(result, "$4 billion")["quantity_id"] == _of(result, "$4.1 billion")["quantity_id"]
    assert _of(result, "$4 billion")["quantity_id"] != _of(result, "$300 million")["quantity_id"]


@pytest.mark.parametrize(
    "text",
    [
        "The UN is seeking $920 million to feed people in Peru this year.",
        "The museum in Peru wants $3 million for its new wing.",
        "The club in Peru accepted $40 million for its striker.",
    ],
)
def test_a_sum_asked_for_offered_or_accepted_with_no_word_of_pay_is_no_pay_stance(
    text: str,
) -> None:
    measure = _of(_run({"a": (text, MARCH)}), "$")["concept_key"]
    assert measure not in {"pay claim", "pay offer", "pay deal"}


@pytest.mark.parametrize(
    "text",
    [
        "The league set up a €3 million fund for the families of the victims.",
        "The league's €3 million hardship fund has begun paying out to families.",
        "A fund of €3 million for the families of the victims has begun paying out.",
    ],
)
def test_money_set_aside_in_a_fund_measures_the_fund(text: str) -> None:
    # what the fund is for (the victims, paying out) is not what the figure measures
    assert _of(_on_one_day(text), "€3 million")["concept_key"] == "fund"


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("Analysts expect a loss of €640 million for the year.", "€640 million", "cost"),
        ("Police counted a crowd of 30,000 outside the stadium.", "30,000", "crowd"),
    ],
)  # fmt: skip
def test_the_noun_before_of_names_what_a_figure_is(text: str, surface: str, measure: str) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] == measure


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Each household will receive €400 from the relief fund.", "€400"),
        ("Households will receive €400 each from the relief fund.", "€400"),
        ("The relief fund will pay every flooded household €400.", "€400"),
    ],
)
def test_an_amount_for_each_one_is_not_the_total(text: str, surface: str) -> None:
    result = _on_one_day(text, "The government put €20 million into a relief fund.")
    each, total = _of(result, surface), _of(result, "€20 million")
    assert each["concept_key"].endswith(" per recipient")
    assert each["quantity_id"] != total["quantity_id"]


def test_an_amount_each_month_is_no_amount_for_each_one() -> None:
    result = _on_one_day("The club spends about €2 million each month on wages.")
    assert "recipient" not in _of(result, "about €2 million")["concept_key"]


@pytest.mark.parametrize(
    ("text", "surface", "price"),
    [
        ("Shares in Acme Bank fell 12% on Monday.", "12%", True),
        ("Acme Bank's shares closed at €4.40 on Monday.", "€4.40", True),
        ("Its shares, which fell 12% on Monday, rose 3% on Tuesday.", "3%", True),
        # in the singular, a share is a part of something
        ("Acme Bank holds a 20% share of the market in Peru.", "20%", False),
    ],
)  # fmt: skip
def test_shares_traded_measure_the_share_price(text: str, surface: str, price: bool) -> None:
    row = _of(_run({"a": (text, MARCH)}), surface)
    assert (row["concept_key"] == "share price") is price, row["concept_key"]


def test_two_days_falls_in_a_share_are_two_figures() -> None:
    result = _run(
        {
            "a": ("Shares in Acme Bank fell 12% on Monday.", MARCH),
            "b": ("Shares in Acme Bank fell 5% on Thursday.", MARCH + dt.timedelta(days=3)),
        }
    )
    assert _of(result, "12%", "a")["quantity_id"] != _of(result, "5%", "b")["quantity_id"]


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        # what one thing costs is its price, not a total cost
        ("A single ticket on the new line in Peru would cost about €40.", "about €40", "price"),
        ("Each dose of the vaccine costs $3 in Peru, the agency said.", "$3", "price"),
        ("The tunnel in Peru will cost €2 billion, the ministry said.", "€2 billion", "cost"),
        # what a parliament allows is a budget, not what the work costs or what was spent
        ("The bridge in Peru will cost €900 million, far above the €600 million parliament "
         "approved.", "€600 million", "budget"),
        # a loan taken, more of it, and what it is for
        ("Peru will borrow an extra €2 billion next year to cover the bridge's costs.",
         "€2 billion", "loan"),
        ("The city in Peru spent a further €5 million on repairs.", "€5 million", "spending"),
    ],
)  # fmt: skip
def test_a_price_a_budget_and_a_loan_are_not_a_cost(text: str, surface: str, measure: str) -> None:
    assert _of(_on_one_day(text), surface)["concept_key"] == measure


def test_a_budget_set_against_the_cost_is_no_rival_estimate() -> None:
    result = _on_one_day(
        "The bridge in Peru will cost €900 million, auditors said, 50% more than the €600 "
        "million parliament approved.",
        "The ministry in Peru said the bridge would cost €620 million.",
    )
    cost = _of(result, "€900 million")
    assert _of(result, "€600 million")["quantity_id"] != cost["quantity_id"]
    assert _of(result, "€620 million")["quantity_id"] == cost["quantity_id"]


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("Trelmont Motors said it would cut 4,000 jobs in Peru.", "4,000 jobs", "job cut"),
        ("The union says Trelmont plans 4,000 job cuts in Peru.", "4,000 job cuts", "job cut"),
        ("The lender will shed about 900 roles in Peru.", "about 900 roles", "role cut"),
        ("The mill in Peru laid off 300 workers in May.", "300 workers", "worker cut"),
        # no verb of cutting right before the figure: the count of what there is
        ("Trelmont employs 4,000 workers in Peru.", "4,000 workers", "worker"),
        ("Trelmont cut its prices in Peru, where it sells 4,000 cars a month.", "4,000 cars", "car"),
    ],
)  # fmt: skip
def test_a_count_a_verb_of_cutting_leads_counts_the_cuts(
    text: str, surface: str, measure: str
) -> None:
    row = _of(_run({"a": (text, MARCH)}), surface)
    assert (row["concept_key"], row["is_delta"]) == (measure, False)


def test_cutting_jobs_and_job_cuts_are_one_quantity() -> None:
    result = _on_one_day(
        "Trelmont Motors said on Monday it would cut 4,000 jobs in Peru.",
        "The union said the 4,000 job cuts at Trelmont Motors in Peru were too many.",
    )
    assert _of(result, "4,000", "a")["quantity_id"] == _of(result, "4,000", "b")["quantity_id"]


def test_a_share_of_output_is_no_plain_share_given_again() -> None:
    # the same number as a share of GDP and as a rise in prices: two figures, each its own
    result = _on_one_day(
        "The bank in Peru raised its inflation forecast to 3.8% from 3.1%.",
        "The ministry in Peru said its deficit target of 3.1% of GDP would be met.",
    )
    assert _of(result, "3.1%", "b")["concept_key"] == "deficit"
    assert _of(result, "3.1%", "a")["concept_key"] == "inflation"
