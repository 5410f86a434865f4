"""Units, bounds and changes read beside a figure: general patterns of news writing.

Every sentence here is our own; each test states one pattern, with cases that must hold
and, where there is one, the near miss that must not be read the same way.
"""

from __future__ import annotations

from typing import Any

import pytest

from extract import extract_claims

_COLUMNS = ("surface", "value", "low", "high", "bound", "unit", "dimension", "per", "change")


def rows(text: str) -> list[dict[str, Any]]:
    return extract_claims(text, doc_id="t").select(*_COLUMNS, "qualifier", "concept").to_dicts()


def at(text: str, value: float) -> dict[str, Any]:
    found = [r for r in rows(text) if r["value"] == pytest.approx(value)]
    assert len(found) == 1, rows(text)
    return found[0]


# -- what is counted ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "concept_word"),
    [
        (
            "The study put the excess deaths at 41,000, and found 9,200 excess deaths in May.",
            9200,
            "death",
            "excess",
        ),
        ("Insurers paid for 300 excess claims over the winter.", 300, "claim", "excess"),
        ("The airline refunded 85 excess bags last month.", 85, "bag", "excess"),
    ],
)
def test_an_adjective_before_the_counted_noun_qualifies_it(
    text: str, value: float, unit: str, concept_word: str
) -> None:
    """ "excess" qualifies the noun it stands before, as "new" does: the unit is the noun, and
    the word stays in what the figure measures."""
    row = at(text, value)
    assert row["unit"] == unit
    assert concept_word in (row["concept"] or "").lower()


# Two adjectives joined by "and" or "or" before the counted noun both qualify it; a noun
# before "and" is counted on its own: (text, value, surface, unit, concept)
_JOINED_ADJECTIVE_CASES = [
    (
        "Dealers sold 3,000 new and used cars.",
        3000,
        "3,000 new and used cars",
        "car",
        "new used cars, Dealers",
    ),
    (
        "The port sees 40 domestic or foreign ships a day.",
        40,
        "40 domestic or foreign ships",
        "ship",
        "domestic foreign ships, port",
    ),
    (
        "Acme hires 200 full-time and part-time staff.",
        200,
        "200 full-time and part-time staff",
        "staff",
        "full-time part-time staff, Acme",
    ),
    ("The yard holds 12 vans and trucks.", 12, "12 vans", "van", "vans, yard"),
    ("They found 30 dead and 12 hurt.", 30, "30 dead", "dead", "dead"),
]


@pytest.mark.parametrize(("text", "value", "surface", "unit", "concept"), _JOINED_ADJECTIVE_CASES)
def test_adjectives_joined_before_the_counted_noun_qualify_it(
    text: str, value: float, surface: str, unit: str, concept: str
) -> None:
    row = at(text, value)
    assert (row["surface"], row["unit"], row["concept"]) == (surface, unit, concept)


def test_a_noun_before_the_counted_noun_still_names_a_kind() -> None:
    assert at("Surgeons did 120 kidney transplants.", 120)["unit"] == "kidney transplant"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Aid reached 40,000 Sudanese in the camps.", 40000, "Sudanese"),
        ("Some 2,500 Moldovans crossed on Sunday.", 2500, "Moldovan"),
        ("Tens of thousands of Peruvians voted by post.", 55000, "Peruvian"),
    ],
)
def test_a_people_counted_by_name_keeps_its_capital(text: str, value: float, unit: str) -> None:
    assert at(text, value)["unit"] == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # after "thousands of", an acronym or a code qualifies the noun that follows it
        ("Clinics ran thousands of PCR tests last month.", 5500, "test"),
        ("Hundreds of NHS nurses joined the strike.", 550, "nurse"),
        ("Dozens of H5N1 samples were sent away.", 66, "sample"),
    ],
)
def test_an_acronym_after_a_vague_number_qualifies_the_noun(
    text: str, value: float, unit: str
) -> None:
    assert at(text, value)["unit"] == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # two names joined by "and" or "or" before a lower-case noun qualify it
        ("The garage fixed dozens of Ford and Honda cars.", 66, "car"),
        ("Some 40 BBC or ITV viewers wrote in.", 40, "viewer"),
        # names in the plural are what is counted
        ("Police held 12 Germans and Italians overnight.", 12, "German"),
    ],
)
def test_names_joined_before_a_noun_qualify_it(text: str, value: float, unit: str) -> None:
    assert at(text, value)["unit"] == unit


def test_a_currency_code_after_a_vague_number_is_no_counted_noun() -> None:
    assert at("They raised millions of USD for it.", 5500000)["unit"] is None


def test_a_common_noun_counted_stays_lower_case() -> None:
    assert at("Some 2,500 farmers crossed on Sunday.", 2500)["unit"] == "farmer"


@pytest.mark.parametrize(
    ("text", "value", "unit", "dimension"),
    [
        ("The back ran for 142 rushing yards on Saturday.", 142, "yd", "length"),
        ("The repairs take ten working days.", 10, "day", "duration"),
        ("Hikers covered 18 hard miles before dark.", 18, "mi", "length"),
    ],
)
def test_a_unit_qualified_by_a_word_before_it_is_still_the_unit(
    text: str, value: float, unit: str, dimension: str
) -> None:
    row = at(text, value)
    assert (row["unit"], row["dimension"]) == (unit, dimension)


def test_a_currency_name_after_a_qualifier_stays_money() -> None:
    row = at("The club owes 3 million Egyptian pounds.", 3e6)
    assert row["dimension"] == "currency"


# -- symbols --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "dimension"),
    [
        ("Flames spread across 2,400 km² of taiga.", 2400, "km2", "area"),
        ("The studio flat measures 38m² in all.", 38, "m2", "area"),
        ("The tank holds 12 m³ of water.", 12, "m3", "volume"),
        ("Roughly 9,000 sq. km of bush burned.", 9000, "km2", "area"),
        ("The lot covers 40,000 sq. ft downtown.", 40000, "sq ft", "area"),
    ],
)
def test_area_and_volume_symbols_with_powers_and_abbreviation_dots(
    text: str, value: float, unit: str, dimension: str
) -> None:
    row = at(text, value)
    assert (row["unit"], row["dimension"]) == (unit, dimension)


def test_a_rate_with_a_slash_set_apart_keeps_its_figure() -> None:
    row = at("The survey found roughly 210/ million residents had the disease.", 210)
    assert row["bound"] == "approx"


# -- bounds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "hedge"),
    [
        ("Officials said the toll could reach 8,000 by Friday.", 8000, "could reach"),
        ("Damage may top $3 billion, insurers said.", 3e9, "may top"),
        ("Turnout might hit 70% in the capital.", 70, "might hit"),
    ],
)
def test_a_guess_of_how_far_a_figure_may_go_is_its_upper_bound(
    text: str, value: float, hedge: str
) -> None:
    row = at(text, value)
    assert (row["bound"], row["low"], row["high"], row["qualifier"]) == (
        "upper",
        None,
        pytest.approx(value),
        hedge,
    )
    assert hedge not in row["surface"]  # the guess stays among the words before the figure


def test_what_a_thing_can_do_is_no_guess() -> None:
    assert at("The new kiln can hit 1,300 degrees.", 1300)["bound"] == "exact"


@pytest.mark.parametrize(
    "text",
    ["The port handled 600-odd ships.", "There were 40-odd guests at the wedding."],
)
def test_odd_after_a_round_number_is_somewhat_more(text: str) -> None:
    row = next(r for r in rows(text) if r["qualifier"] == "odd")
    assert (row["bound"], row["high"]) == ("lower", None)


@pytest.mark.parametrize(
    ("text", "first", "second", "bound"),
    [
        ("The fires burned over 4 million hectares, or 9.9 million acres.", 4e6, 9.9e6, "lower"),
        ("It costs about £52bn a year, or £1bn a week.", 52e9, 1e9, "approx"),
        ("The grid lost nearly 3 GW, or 3,000 MW, at noon.", 3, 3000, "upper"),
    ],
)
def test_a_figure_said_again_in_other_terms_after_or_takes_the_hedge(
    text: str, first: float, second: float, bound: str
) -> None:
    assert at(text, first)["bound"] == bound
    assert at(text, second)["bound"] == bound


@pytest.mark.parametrize(
    ("text", "first", "second", "concept"),
    [
        ("Group profit was $900m, or 45 cents a share.", 900e6, 45, "Group profit"),
        ("The scheme costs £40bn a year, or £800m a week.", 40e9, 800e6, "scheme"),
        ("Net sales came to €2.1bn, or $2.3bn.", 2.1e9, 2.3e9, "Net sales"),
    ],
)
def test_a_figure_said_again_after_or_measures_what_the_first_does(
    text: str, first: float, second: float, concept: str
) -> None:
    assert at(text, first)["concept"] == at(text, second)["concept"] == concept


def test_another_measure_after_or_keeps_its_own_concept() -> None:
    assert at("Sales reached $5bn, or 12% of the group total.", 12)["concept"] == "group total"


@pytest.mark.parametrize(
    "text",
    [
        "The repair could cost about £5bn, or £9bn with the new line.",  # an alternative
        "Nearly 6,000 people, or 3% of residents, moved away.",  # another measure
        "Between 2 and 3 million hectares, or 6 million acres, burned.",  # a range
    ],
)
def test_an_alternative_or_another_measure_after_or_keeps_its_own_bound(text: str) -> None:
    last = rows(text)[-1]
    assert last["bound"] == "exact", last


# -- changes and pairs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "change"),
    [
        ("The central bank cut its forecast by 0.4 percentage points to 1.1%.", 1.1, "decrease"),
        ("The board lifted the payout by 6 cents to $2.10 a share.", 2.10, "increase"),
        ("Regulators trimmed the cap by £90 to £1,834.", 1834, "decrease"),
    ],
)
def test_the_level_reached_after_a_verb_and_its_object_is_a_change(
    text: str, value: float, change: str
) -> None:
    assert at(text, value)["change"] == change


def test_a_figure_given_to_someone_is_no_level_reached() -> None:
    assert at("She paid 40 dollars to 12 porters.", 12)["change"] is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The jobless rate climbed from 4.2 to 5.1 per cent.", 4.2, "percent"),
        ("Its fleet grew from 40 to 65 aircraft.", 40, "aircraft"),
        ("The price slid from 91 to $74 a barrel.", 91, "USD/bbl"),
    ],
)
def test_a_unit_said_once_after_from_and_to_covers_the_start(
    text: str, value: float, unit: str
) -> None:
    assert at(text, value)["unit"] == unit


def test_how_far_something_reaches_is_its_upper_bound() -> None:
    row = at("Ash drifted as far as 900 kilometres east.", 900)
    assert (row["bound"], row["unit"]) == ("upper", "km")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Sales reached 2.4m units, up from 1.8m in spring.", 1.8e6, "unit"),
        ("The tally grew from 1.2m to 1.6m voters.", 1.2e6, "voter"),
    ],
)
def test_a_glued_m_beside_a_figure_in_millions_is_millions(
    text: str, value: float, unit: str
) -> None:
    row = at(text, value)
    assert (row["unit"], row["dimension"]) == (unit, "count")


def test_a_glued_m_beside_a_length_stays_metres() -> None:
    row = at("The wall rose from 2.5m to 3.1m in height.", 2.5)
    assert row["unit"] == "m"


def test_a_bare_figure_compared_with_another_takes_its_unit() -> None:
    assert at("It sold 4,200 tickets, down from 5,100.", 5100)["unit"] == "ticket"


# -- labels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Spain took 1.2 million, Italy 800,000 and Greece 150,000.", [1.2e6, 8e5, 1.5e5]),
        ("Oslo counted 2 million, Bergen 1 million.", [2e6, 1e6]),
    ],
)
def test_a_figure_after_a_name_with_a_scale_or_separators_is_no_label(
    text: str, values: list[float]
) -> None:
    assert [r["value"] for r in rows(text)] == pytest.approx(values)


def test_a_plain_number_after_a_name_is_still_a_label() -> None:
    assert rows("She studied Chemistry 201 at night.") == []


def test_a_range_of_metres_written_with_a_glued_m_twice() -> None:
    row = rows("The dunes stand 2.5m to 3.5m tall.")[0]
    assert (row["low"], row["high"], row["unit"]) == (2.5, 3.5, "m")


@pytest.mark.parametrize(
    ("text", "value"),
    [("Profit was Rs. 320 crore in the quarter.", 3.2e9), ("It cost Rs. 75 last week.", 75)],
)
def test_the_rupee_abbreviation_with_a_full_stop_ends_no_sentence(text: str, value: float) -> None:
    row = at(text, value)
    assert row["unit"] == "INR"


# -- dashes, line breaks and regional scale abbreviations -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The strike lasted three weeks--June and part of July.",
        "The strike lasted three weeks -- June and part of July.",
        "The strike lasted three weeks—June and part of July.",
        "The strike lasted three weeks – June and part of July.",
        "The strike lasted three weeks–June and part of July.",
    ],
)
def test_a_dash_of_any_form_ends_the_unit(text: str) -> None:
    """A dash typed as two hyphens, an em dash or an en dash, spaced or not, stands between
    words: the word after it is never part of the unit."""
    row = at(text, 3)
    assert row["unit"] == "week"
    assert "June" not in row["surface"]


def test_a_single_hyphen_still_joins_a_compound_unit() -> None:
    assert at("The club sold 60 season-tickets--a record.", 60)["unit"] == "season-ticket"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The state set aside Rs 3,500 cr for roads.", 3.5e10),
        ("The scheme costs ₹120 cr a year.", 1.2e9),
        ("Lenders wrote off Rs 800 crore.", 8e9),
        ("The plan costs Rs 1,000-1,500 cr.", 1.25e10),
    ],
)
def test_cr_after_rupees_is_crore(text: str, value: float) -> None:
    """ "cr" is the Indian abbreviation of crore (ten million): after a rupee amount it scales
    the amount."""
    row = at(text, value)
    assert row["unit"] == "INR"


@pytest.mark.parametrize(
    "text",
    ["The course is worth 20 cr of study.", "The budget is $20 cr this year."],
)
def test_cr_without_rupees_is_no_scale(text: str) -> None:
    """Without a rupee amount before it the letters are something else (credits, a typo)."""
    assert at(text, 20)["value"] == 20


def test_mil_scales_money_only() -> None:
    """ "mil" is a spoken short form of million for money; a "mil" of film or wire is a
    thousandth of an inch."""
    assert at("The agent wanted £3 mil for the striker.", 3e6)["unit"] == "GBP"
    assert at("The coating is 4 mil thick.", 4)["value"] == 4


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Exports reached 7.2\nbillion dollars last year.", 7.2e9),
        ("The census counted 3.1\nmillion residents.", 3.1e6),
        ("A fund of $40\nmillion was set up.", 4e7),
    ],
)
def test_a_scale_word_wrapped_onto_the_next_line_still_scales(text: str, value: float) -> None:
    """A line break inside a sentence (hard-wrapped text) does not part a number from its
    scale word."""
    at(text, value)


@pytest.mark.parametrize(
    "text",
    ["The vote was 52\n\nmillion people watched.", "Turnout was 61\nMillion voters came next."],
)
def test_a_new_paragraph_or_capital_after_a_break_is_no_scale(text: str) -> None:
    """A blank line, or a capital opening the next line, starts something new."""
    assert not [r for r in rows(text) if r["value"] > 1e6]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The striker added a 25 yard goal before the break.", 25),
        ("Our neighbours gained an 8 metre strip of garden.", 8),
        ("The council raised a 40 foot mast on the hill.", 40),
    ],
)
def test_a_figure_after_a_change_verb_and_an_article_describes_a_thing(
    text: str, value: float
) -> None:
    """ "added a 25 yard goal": the article opens a noun phrase the figure describes; what
    was added is the goal, not 25 more yards."""
    assert at(text, value)["change"] is None


@pytest.mark.parametrize(
    ("text", "value", "change"),
    [
        ("The shares rose another 3% in late trade.", 3, "increase"),
        ("Output dropped a further 2.5% in May.", 2.5, "decrease"),
        ("Headcount grew an additional 70 staff.", 70, "increase"),
        ("The stock slid a further 4% to 61 pence.", 61, "decrease"),
    ],
)
def test_a_change_that_goes_on_is_still_a_change(text: str, value: float, change: str) -> None:
    """ "a further", "an additional" before the figure: the verb's change continues."""
    assert at(text, value)["change"] == change


@pytest.mark.parametrize(
    ("text", "values", "bound"),
    [
        ("The hatchback offers nearly 180 hp (134 kW / 182 PS).", (180, 134, 182), "upper"),
        ("Its motor gives about 95 hp (71 kW, 96 PS).", (95, 71, 96), "approx"),
        ("The deal is worth over $30m (£24m / €28m).", (30e6, 24e6, 28e6), "lower"),
    ],
)
def test_every_figure_in_a_bracket_restating_another_takes_its_hedge(
    text: str, values: tuple[float, float, float], bound: str
) -> None:
    """A bracket may restate a figure in two other units at once, split by a slash or a
    comma: both take the hedge of the figure they restate."""
    found = rows(text)
    assert [r["value"] for r in found] == [pytest.approx(v) for v in values]
    assert [r["bound"] for r in found] == [bound] * 3


def test_figures_in_one_unit_in_a_bracket_are_a_list_not_restatements() -> None:
    """ "(2 kW, 3 kW)": the same unit twice is two readings, not the first said again."""
    found = rows("It draws up to 5 kW (2 kW, 3 kW) at peak.")
    assert found[-1]["bound"] == "exact"


def test_ps_after_a_number_is_metric_horsepower() -> None:
    row = at("The small coupe makes 310 PS.", 310)
    assert (row["unit"], row["dimension"]) == ("PS", "power")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Rainfall was 40 mm in April and 65 in May.", 65, "mm"),
        ("The clinic saw 120 patients on Monday and 95 on Tuesday.", 95, "patient"),
        ("Unemployment stood at 5.4% in 2021 and 4.8 last year.", 4.8, "percent"),
        ("The bakery sells 300 loaves in winter, and 180 in summer.", 180, "loaf"),
    ],
)
def test_a_bare_figure_set_in_another_place_or_time_takes_the_unit_before(
    text: str, value: float, unit: str
) -> None:
    """ "40 mm in April and 65 in May": the second figure leaves out the unit it shares."""
    assert at(text, value)["unit"] == unit


def test_the_gapped_figure_takes_the_change_too() -> None:
    row = at("Fares rose 6% in 2022 and 9 in 2023.", 9)
    assert (row["unit"], row["change"]) == ("percent", "increase")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It rained 40 mm in April and 2 of the roads flooded.", 2),
        ("The fund lost $8m in May and 3 of its managers left.", 3),
    ],
)
def test_a_bare_figure_without_a_setting_of_its_own_keeps_no_unit(text: str, value: float) -> None:
    assert at(text, value)["unit"] is None


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        (
            "The firm says the plant will draw 6 million litres a day; the farmers say 15 million.",
            15e6,
            "L",
            "day",
        ),
        (
            "Stewards counted 12,000 walkers, while the organisers said 40,000.",
            40000,
            "walker",
            None,
        ),
        (
            "The port puts the repair bill at 30 million euros; the insurers estimate 55 million.",
            55e6,
            "EUR",
            None,
        ),
        ("The agency measured 4.5 tonnes, but the residents' group claims 9.", 9, "t", None),
        # the same unit said again, the rate left out
        (
            "The firm expects fees of $40 million a year; the auditors say $25 million.",
            25e6,
            "USD",
            "year",
        ),
    ],
)
def test_a_bare_figure_a_second_source_gives_takes_the_first_ones_unit(
    text: str, value: float, unit: str, per: str | None
) -> None:
    """ "X says 6 million litres a day; Y says 15 million": the rival source's figure leaves
    out the unit (and the rate) it shares with the one it answers."""
    row = at(text, value)
    assert (row["unit"], row["per"]) == (unit, per)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police held 40 people overnight, but the mayor said 12 were freed.", 12),
        ("The storm cut power to 9,000 homes; officials say 30 died in it.", 30),
        ("The mill spilled 400 tonnes, and the inspectors said 3 of the tanks leaked.", 3),
    ],
)
def test_a_bare_figure_that_heads_its_own_clause_keeps_no_unit(text: str, value: float) -> None:
    """The bare figure must close its clause: one followed by its own verb or noun is the
    subject of something else."""
    assert at(text, value)["unit"] is None
