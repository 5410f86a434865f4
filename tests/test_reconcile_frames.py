"""The frame of a figure read from its text, on made-up stories (no real event's sentences)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile
from reconcile.frames import default_measures, demonym_forms, measure_forms, place_forms
from reconcile.identify import AGAINST
from reconcile.sources import may_be_one_source, one_body_names, source_names
from reconcile.tables import measure_nouns, reading_words

ROOT = Path(__file__).resolve().parents[1]


def _doc(text: str, doc: str, day: int, outlet: str = "Example Post") -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=dt.date(2031, 4, day))


def _frame(text: str) -> dict[str, object]:
    result = reconcile(_doc(text, "a", 2))
    return result.claims.row(0, named=True)


def test_each_word_of_the_vocabulary_names_one_measure() -> None:
    # (a word may also name one physical measure, read only against figures of its unit:
    # "affected" people, an area affected)
    physical = reading_words().physical_measures
    vocabulary = {k: v for k, v in default_measures().items() if k not in physical}
    seen: dict[str, str] = {}
    for measure, entries in vocabulary.items():
        for entry in entries:
            assert seen.setdefault(entry, measure) == measure, (entry, seen[entry], measure)


def test_an_adjective_s_degrees_are_no_forms_of_its_measure() -> None:
    # "ill" names cases; "worse" and "worst" name nothing
    forms = measure_forms({"case": ["ill"]})
    assert forms.get("ill") == "case"
    assert "worse" not in forms and "worst" not in forms


def test_measure_forms_cover_inflections_and_keep_tolls_apart() -> None:
    forms = measure_forms({"death": ["die", "death toll"], "missing": ["missing"]})
    assert forms["died"] == forms["dying"] == forms["deaths"] == forms["death tolls"] == "death"
    assert forms["missing"] == "missing"


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Rescuers said 120 people died in the mudslide in Peru.", "death"),
        ("Rescuers said 340 people are still missing in Peru.", "missing"),
        ("Rescuers said 75 people were injured in Peru.", "injured"),
        ("The army said the attack caused 90 casualties in Peru.", "casualty"),
        ("Officials said 4,000 residents were evacuated in Peru.", "evacuated"),
        ("Officials said 12,000 people were displaced in Peru.", "displaced"),
        ("The agency said 2.1 million excess deaths occurred in Peru.", "excess death"),
        # what befell the people counted, said right after them, is what is counted
        ("In Peru, 12 passengers died when the bus overturned.", "death"),
        ("In Peru, 40 passengers were injured when the bus overturned.", "injured"),
        ("About 300 migrants are still missing off Peru.", "missing"),
        ("The ferry in Peru carried 312 passengers.", "on board"),
        ("The airline said 4,000 passengers were stranded in Peru.", "stranded"),
        # dwellings counted (in the plural), and where people live
        ("Floods in Peru destroyed 300 homes on Monday.", "home"),
        ("In Peru, 40 buildings were damaged by the quake.", "damaged home"),
        ("About 3,000 people in Peru fled their home after the quake.", "displaced"),
        # those brought out alive are the rescued, not the toll beside them
        ("In Peru, 12 miners died and 17 were brought out alive.", "death"),
        ("In Peru, 17 miners have been brought out alive.", "rescued"),
        # the dead named so far are counted apart from the toll
        ("Police in Peru have identified 14 of the dead.", "identified"),
        # those who watch an event are its crowd, as those who march in one are
        ("Some 52,000 spectators in Peru saw the final on Sunday.", "crowd"),
        ("About 30,000 fans in Peru filled the ground.", "crowd"),
        # "out of" is no noun's "of": what follows it still says what befell them
        ("In Peru, 6,000 people were ordered out of their homes as two men died.", "displaced"),
        ("In Peru, 800 families are still out of their homes a month on.", "displaced"),
        ("In Peru, 1,000 crates of fish were lost.", "crate"),
        ("The town in Peru, home to about 14,000 people, lies by the river.", "population"),
        # homes without power, however the loss is told
        ("In Peru, 90,000 households lost power in the storm.", "power outage"),
        ("In Peru, 90,000 customers lost electricity on Monday.", "power outage"),
    ],
)
def test_each_measure_is_kept_apart(text: str, measure: str) -> None:
    assert _frame(text)["concept_key"] == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # a fund that speaks or owns names the body, not a sum set aside
        ("Peru's currency has fallen 2.6% since the fund's announcement.", "currency"),
        ("In Peru, $3 billion was lent to builders, the fund disclosed.", "loan"),
        # a fund of a sum is that sum
        ("Peru set up a fund of $20 million for the families.", "fund"),
    ],
)
def test_a_fund_that_speaks_or_owns_names_no_measure(text: str, measure: str) -> None:
    assert _frame(text)["concept_key"] == measure


def test_people_counted_by_what_befell_them_are_the_group_their_noun_names() -> None:
    # (the group by its measure: "passengers" and "people aboard" are one group)
    frame = _frame("In Peru, 12 passengers died when the bus overturned.")
    assert (frame["concept_key"], frame["population"]) == ("death", "on board")
    frame = _frame("In Peru, 12 tourists died when the bus overturned.")
    assert (frame["concept_key"], frame["population"]) == ("death", "tourist")


def test_what_befell_a_part_is_not_said_of_its_whole() -> None:
    # "40 of the 300 passengers were injured": the 40 were injured, the 300 were on board
    claims = reconcile(_doc("In Peru, 40 of the 300 passengers were injured.", "a", 2)).claims
    read = dict(claims.select("surface", "concept_key").iter_rows())
    assert read == {"40": "injured", "300 passengers": "on board"}


@pytest.mark.parametrize(
    ("text", "not_measure"),
    [
        # a noun that names a measure does not as a verb
        ("The mudslide in Peru forced 4,500 residents from their homes.", "personnel"),
        ("The mill in Peru fired 300 workers last week.", "fire"),
        ("Rice prices in Peru rocketed 40% last month.", "weapon"),
        ("Shelters in Peru housed 2,300 people on Monday.", "home"),
        # dwellings are counted in the plural: the singular is an adverb or a verb
        ("The airline said 4,000 passengers were flown home from Peru.", "home"),
        ("About 2,500 tourists were brought home from Peru on Saturday.", "home"),
        ("Peru spent $40 million building schools last year.", "home"),
    ],
)
def test_a_verb_of_a_measure_noun_names_no_measure(text: str, not_measure: str) -> None:
    assert _frame(text)["concept_key"] != not_measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # what befell the people or things counted is their measure
        ("In Peru, 12 miners died in the blast on Monday.", "death"),
        ("In Peru, 4,000 residents were evacuated from the valley.", "evacuated"),
        # a measure's noun after an article or a preposition is what they did or where they
        # were, and they count as themselves
        ("In Peru, 450 firefighters were battling the blaze on Monday.", "firefighter"),
        ("In Peru, 3,000 volunteers joined the vaccination drive.", "volunteer"),
    ],
)
def test_a_count_of_a_noun_takes_what_befell_it(text: str, measure: str) -> None:
    assert _frame(text)["concept_key"] == measure


def test_a_noun_only_measure_keeps_its_plural() -> None:
    forms = measure_forms({"fire": ["fire"], "personnel": ["force"]}, nouns=["fire", "force"])
    assert forms["fires"] == "fire" and forms["forces"] == "personnel"
    assert "fired" not in forms and "forced" not in forms


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The agency counted 3,000 arrivals in Chile last week.", "Chile"),
        ("Arrivals were highest in Chile (3,000), then Peru (2,500).", "Chile"),
        ("Officials said 250 Bolivian workers had lost their jobs.", "Bolivia"),
        ("Refugees from Peru number 8,000 in Chile, the agency said.", "Chile"),
        ("Officials said 400 homes were damaged in Moscow.", "Russia"),
    ],
)
def test_the_place_is_the_name_closest_to_the_figure(text: str, place: str) -> None:
    assert _frame(text)["entity"] == place


def test_a_place_inside_a_source_is_not_the_figures_place() -> None:
    text = (
        "Flooding hit Peru again, and the Peruvian coast was worst hit. "
        "Chilean officials say 500 homes were lost in the storm."
    )
    result = reconcile(_doc(text, "a", 2), texts={"a": text})
    assert result.claims["entity"].to_list() == ["Peru"]


def test_gazetteer_has_countries_capitals_and_adjectives() -> None:
    places = place_forms()
    assert places["Peru"] == "Peru" and places["UK"] == "United Kingdom"
    assert places["Lima"] == "Peru"
    assert places["North Africa"] == ""  # a region names no place
    assert demonym_forms()["Peruvian"] == "Peru"


def test_sources_are_linked_by_acronym_and_the_cited_source_counts() -> None:
    names = source_names(
        ["Bureau for Coastal Safety", "BCS", "the agency", "a spokesman", "Radio X citing BCS"]
    )
    assert names["Bureau for Coastal Safety"] == "BCS" and names["BCS"] == "BCS"
    assert names["Radio X citing BCS"] == "BCS"
    assert "the agency" not in names and "a spokesman" not in names
    assert source_names(["Port Board on Monday"])["Port Board on Monday"] == "Port Board"
    assert source_names(["Port officials previously"])["Port officials previously"] == (
        "Port officials"
    )


def test_one_body_under_two_names_is_one_source() -> None:
    names = source_names(
        [
            "Harbour Union Office for Tide Tables (OTT)",
            "Office for Tide Tables (OTT)",
            "Bureau of Reef Safety (BRS)",
            "the Bureau of Reef Safety",
            "Agency of Reef Safety (ARS)",
        ]
    )
    assert names["Office for Tide Tables (OTT)"] == "Harbour Union Office for Tide Tables (OTT)"
    assert names["the Bureau of Reef Safety"] == "Bureau of Reef Safety (BRS)"
    assert names["Agency of Reef Safety (ARS)"] == "Agency of Reef Safety (ARS)"


def test_an_acronym_spelled_out_in_one_article_links_the_name_in_another() -> None:
    # one article gives the name and the acronym, the others one of them alone
    texts = {
        "a": "About 1,800 people crossed into Peru on Monday, the UN flood agency (UNFA) said.",
        "b": "The UN flood agency said 4,100 people had crossed into Peru.",
        "c": "Crossings into Peru reached 7,650 on Friday, the UNFA said.",
    }
    claims = pl.concat(
        [_doc(text, doc, day, doc) for day, (doc, text) in enumerate(texts.items(), 2)]
    )
    assert reconcile(claims, texts=texts).claims["asserter"].unique().to_list() == ["UNFA"]


def test_a_parent_or_country_before_a_body_name_drops_but_rival_parents_stay_apart() -> None:
    shown = one_body_names({"Peruvian Ministry of Tides", "Ministry of Tides"})
    assert shown["Ministry of Tides"] == "Peruvian Ministry of Tides"
    # two parents could own the short name: no link; a plain word is no parent
    rivals = one_body_names({"CRB Office for Tides", "XYZ Office for Tides", "Office for Tides"})
    assert rivals == {}
    assert one_body_names({"Central Bank of Tides", "Bank of Tides"}) == {}
    # an umbrella and its agency by acronym, or two names ending alike, are not merged
    assert one_body_names({"CRB", "CRBX", "Red Cross", "Peru Red Cross"}) == {}


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        ({"Tide Watch relief charity", "Tide Watch"}, "Tide Watch"),
        ({"PTA spokesperson", "PTA"}, "PTA"),
        ({"Reef Council press office", "Reef Council"}, "Reef Council"),
    ],
)
def test_a_description_after_a_body_name_is_the_same_body(names: set[str], shown: str) -> None:
    assert set(one_body_names(names).values()) == {shown}


@pytest.mark.parametrize(
    "names",
    [
        {"Ministry of tides", "Ministry"},  # "of" belongs to a name: no description
        {"Tide Watch relief charity", "Watch"},  # one capitalised word is no name of its own
        {"Tide Watch relief charity", "Tide Watch Fund"},
    ],
)
def test_what_a_description_after_a_name_does_not_join(names: set[str]) -> None:
    assert one_body_names(names) == {}


def _story() -> pl.DataFrame:
    return pl.concat(
        [
            _doc("The Coast Bureau said 120 people died in the Peru landslide.", "a", 2, "A"),
            _doc("The Coast Bureau said 300 people died in the Peru landslide.", "b", 5, "B"),
            _doc("The Coast Bureau said 40 people are missing in Peru.", "c", 5, "C"),
        ]
    )


def test_a_toll_updated_by_its_source_is_growth_not_divergence() -> None:
    result = reconcile(_story())
    deaths = result.quantities.filter(pl.col("concept") == "death")
    assert deaths.height == 1 and deaths["verdict"][0] == "growth", deaths
    assert result.quantities.filter(pl.col("concept") == "missing").height == 1


def test_two_sources_apart_on_the_same_day_diverge_and_a_later_lower_one_too() -> None:
    same_day = pl.concat(
        [
            _doc("The Coast Bureau said 120 people died in Peru.", "a", 2, "A"),
            _doc("The Red Cross said 300 people died in Peru.", "b", 2, "B"),
        ]
    )
    later_lower = pl.concat(
        [
            _doc("The Coast Bureau said 300 people died in Peru.", "a", 2, "A"),
            _doc("The Red Cross said 120 people died in Peru.", "b", 9, "B"),
        ]
    )
    for claims in (same_day, later_lower):
        verdicts = reconcile(claims).quantities["verdict"].to_list()
        assert verdicts == ["diverge"], verdicts
        why = reconcile(claims).quantities["why"][0]
        assert "Coast Bureau" in why and "Red Cross" in why


def test_a_higher_toll_from_another_source_the_next_day_is_the_toll_updated() -> None:
    # deaths only accumulate: a higher count a day later is the count risen, while a
    # measure that may fall (people evacuated) is compared within a day as before
    def verdicts(counted: str) -> list[str]:
        claims = pl.concat(
            [
                _doc(f"The Coast Bureau said 120 {counted} in Peru.", "a", 2, "A"),
                _doc(f"The Red Cross said 150 {counted} in Peru.", "b", 3, "B"),
            ]
        )
        return reconcile(claims).quantities["verdict"].cast(pl.String).to_list()

    assert verdicts("people died") == ["growth"]
    assert verdicts("homes were destroyed") == ["growth"]  # what is destroyed stays so
    assert verdicts("people were evacuated") == ["diverge"]


def test_unsure_identity_is_never_a_divergence() -> None:
    # no place in either document: whether both count the same deaths is not known
    claims = pl.concat(
        [
            _doc("The Coast Bureau said 120 people died.", "a", 2, "A"),
            _doc("The Red Cross said 300 people died.", "b", 2, "B"),
        ]
    )
    assert reconcile(claims).quantities["verdict"].to_list() == ["uncertain"]


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("CRB", "CRBX", True),  # an umbrella and one of its agencies, as acronyms
        ("Coast Relief Board (CRB)", "CRB", True),
        ("Harbour Ministry", "Harbour Ministry spokesman Jo Bloggs", True),
        ("Coast Bureau", "Red Cross", False),
        ("CRB", "Red Cross", False),
        ("Harbour Ministry", "Harbour Police", False),
        ("Harbour Union Office for Tides (OFT)", "Office for Tides (OFT)", True),
        ("Tide Office (TO)", "the Tide Office", True),
        ("CRB Office for Tides", "XYZ Office for Tides", False),
        # a later, shorter mention by the name's last words: its head noun, or a surname
        ("Harbour Tide Authority (HTA)", "Tide authority", True),
        ("Finance Minister Jo Marsh", "Marsh", True),
        ("Tide Authority", "Road Authority", False),
        ("Finance Minister Jo Marsh", "Tom Marsh", False),
    ],
)
def test_names_that_may_be_one_source(a: str, b: str, one: bool) -> None:
    assert may_be_one_source(a, b) is one and may_be_one_source(b, a) is one


def test_an_umbrella_body_against_its_own_agency_is_not_a_divergence() -> None:
    # "CRB" may be the "CRBX" agency reported under its parent's name: not two sources
    claims = pl.concat(
        [
            _doc("The CRBX said 120 people died in Peru.", "a", 2, "A"),
            _doc("The CRB said 300 people died in Peru.", "b", 2, "B"),
        ]
    )
    assert reconcile(claims).quantities["verdict"].to_list() == ["uncertain"]


def test_figures_of_undated_documents_dated_by_a_guess_never_diverge() -> None:
    # neither document has a publication date: each is dated by the latest date its text
    # gives, an event that may lie long before the figure
    texts = {
        "a": "The storm hit on 3 March 2031 and cut 40 roads. "
        "The Coast Bureau said 300 people died in Peru.",
        "b": "The storm hit on 3 March 2031 and cut 40 roads. "
        "The Red Cross said 120 people died in Peru.",
    }
    undated = pl.concat(
        [extract_claims(text, doc_id=doc, outlet=doc.upper()) for doc, text in texts.items()]
    )
    result = reconcile(undated)
    deaths = result.quantities.filter(pl.col("concept") == "death")
    assert deaths["verdict"].to_list() == ["uncertain"], deaths
    # the same two figures with publication dates do diverge (the guess was the only doubt)
    dated = pl.concat(
        [
            _doc(texts["a"], "a", 2, "A"),
            _doc(texts["b"], "b", 2, "B"),
        ]
    )
    deaths = reconcile(dated).quantities.filter(pl.col("concept") == "death")
    assert deaths["verdict"].to_list() == ["diverge"], deaths


def test_one_source_carried_by_several_outlets_is_an_echo() -> None:
    claims = pl.concat(
        [
            _doc("The Coast Bureau said 120 people died in Peru.", "a", 2, "A"),
            _doc("The Coast Bureau said 120 people died in Peru.", "b", 2, "B"),
            _doc("Officials said 120 people died in Peru.", "c", 2, "C"),
        ]
    )
    quantities = reconcile(claims).quantities
    assert quantities["verdict"].to_list() == ["echo"], quantities
    assert quantities["n_sources"][0] == 1
    assert "one source (Coast Bureau)" in quantities["why"][0]


def test_undated_figures_never_make_a_conflict() -> None:
    dated = _doc("The Coast Bureau said 120 people died in Peru.", "a", 2, "A")
    undated = extract_claims(
        "The Red Cross said 300 people died in Peru.", doc_id="b", outlet="B", published=None
    )
    verdicts = reconcile(pl.concat([dated, undated])).quantities["verdict"].to_list()
    assert "diverge" not in verdicts


def test_a_year_named_in_the_sentence_is_a_period_of_its_own() -> None:
    claims = pl.concat(
        [
            _doc("The Coast Bureau said 900 people died in Peru in 2029.", "a", 2, "A"),
            _doc("The Coast Bureau said 1,500 people died in Peru in 2030.", "b", 2, "B"),
        ]
    )
    assert reconcile(claims).quantities.height == 2


def test_figures_in_why_read_with_scale_words() -> None:
    from reconcile.verdicts import _fmt

    assert _fmt(4_700_000) == "4.7 million" and _fmt(84e9) == "84 billion"
    assert _fmt(3166) == "3,166" and _fmt(0.0329) == "0.0329" and _fmt(None) == "open"


def test_a_list_of_places_continues_the_measure_named_before_it() -> None:
    text = (
        "The agency said 40,000 refugees reached Chile. "
        "It was followed by Peru (30,000), Bolivia (12,000) and Ecuador (9,000)."
    )
    claims = reconcile(_doc(text, "a", 2)).claims.sort("start")
    assert claims["concept_key"].to_list() == ["refugee"] * 4
    assert claims["entity"].to_list() == ["Chile", "Peru", "Bolivia", "Ecuador"]


def test_an_undated_document_takes_the_latest_full_date_it_gives() -> None:
    text = "Between March 2, 2030 and June 9, 2030, the agency counted 40,000 arrivals in Chile."
    claims = extract_claims(text, doc_id="a", outlet="A", published=None)
    row = reconcile(claims).claims.row(0, named=True)
    assert row["as_of"] == dt.date(2030, 6, 9)


def test_a_year_right_before_a_record_is_the_figures_period() -> None:
    text = "The fires emitted 300 megatonnes, double the 2029 record of 150 megatonnes in Chile."
    claims = reconcile(_doc(text, "a", 2)).claims.sort("start")
    assert claims["period"].to_list() == [None, "2029"]


def test_a_rise_by_a_figure_is_a_change_not_a_level() -> None:
    text = "Arrivals in Chile rose by 2,000 to 40,000 refugees, the Coast Bureau said."
    result = reconcile(_doc(text, "a", 2))
    deltas = result.quantities.sort("best")["label"].to_list()
    assert len(deltas) == 2 and "change" in deltas[0] and "change" not in deltas[1], deltas


def test_a_previous_record_is_not_set_against_this_years_figure() -> None:
    claims = pl.concat(
        [
            _doc("The Fire Service said 9 million hectares burned in Chile.", "a", 2, "A"),
            _doc(
                "That beats the previous record of 4 million hectares in Chile, the Forest Board"
                " said.",
                "b",
                2,
                "B",
            ),
        ]
    )
    result = reconcile(claims)
    assert "diverge" not in result.quantities["verdict"].to_list()
    assert result.quantities.height == 2


@pytest.mark.parametrize(
    ("text", "label", "noun"),
    [
        (
            "Rescuers said 340 people are still missing in Peru.",
            "People missing in Peru, 2 Apr 2031",
            "people missing",
        ),
        (
            "Officials said 4,000 residents were evacuated in Peru in March 2031.",
            "People evacuated in Peru, Mar 2031",
            "people evacuated",
        ),
        ("The agency said 120 people died in Peru.", "Deaths in Peru, 2 Apr 2031", "deaths"),
        # the group a count is of, and a period the figure is of, tell two quantities apart
        (
            "The agency said 12 children died in Peru.",
            "Deaths in Peru (children), 2 Apr 2031",
            "deaths",
        ),
        (
            "The toll in Peru could reach 900, the agency said.",
            "Deaths in Peru (projected), 2 Apr 2031",
            "deaths",
        ),
    ],
)
def test_labels_read_as_measure_place_and_date(text: str, label: str, noun: str) -> None:
    quantity = reconcile(_doc(text, "a", 2)).quantities.row(0, named=True)
    assert (quantity["label"], quantity["noun"]) == (label, noun)


def test_a_measure_noun_is_never_pluralised_as_a_unit() -> None:
    nouns = measure_nouns()
    assert set(nouns) >= set(default_measures()), set(default_measures()) - set(nouns)
    participles = {k: v for k, v in nouns.items() if " " not in k and k.endswith(("ing", "ed"))}
    assert participles and not any(v.endswith(("ings", "eds")) for v in participles.values())


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # 2031-04-09 is a Wednesday
        ("Rescuers said on Monday that 340 people were missing in Peru.", dt.date(2031, 4, 7)),
        ("Rescuers said on Wednesday that 340 people were missing in Peru.", dt.date(2031, 4, 9)),
        ("Rescuers said yesterday that 340 people were missing in Peru.", dt.date(2031, 4, 8)),
        ("Rescuers said last week that 340 people were missing in Peru.", dt.date(2031, 4, 2)),
        ("In December, 340 people were missing in Peru, rescuers said.", dt.date(2030, 12, 1)),
        ("In March, 340 people were missing in Peru, rescuers said.", dt.date(2031, 3, 1)),
        ("Since March, 340 people have gone missing in Peru.", dt.date(2031, 4, 9)),
        ("Since Monday, 340 people have gone missing in Peru.", dt.date(2031, 4, 9)),
    ],
)
def test_relative_dates_count_back_from_publication(text: str, as_of: dt.date) -> None:
    assert reconcile(_doc(text, "a", 9)).claims.row(0, named=True)["as_of"] == as_of


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("As many as 900 are feared dead in Peru, the Coast Bureau said.", "projected"),
        ("Some 300 people were thought to be dead in Peru, the Coast Bureau said.", "projected"),
        ("Some 300 people are still believed missing in Peru.", None),
        ("The Coast Bureau said 900 people are dead in Peru.", None),
    ],
)
def test_a_feared_toll_is_a_figure_of_its_own(text: str, period: str | None) -> None:
    assert _frame(text)["period"] == period


def test_a_base_figure_does_not_take_the_measure_of_the_figure_set_against_it() -> None:
    text = (
        "Peru's registry logged 61,000 deaths in 2030: it saw 900 excess deaths "
        "above a tally of 5,000 for the year before."
    )
    rows = dict(reconcile(_doc(text, "a", 2)).claims.select("surface", "concept_key").rows())
    assert rows["900 excess deaths"] == "excess death" and rows["5,000"] == "death", rows
    # "over" that names a time or a bound is no comparison base
    assert _frame("Deaths in Peru rose over the winter to 5,000.")["concept_key"] == "death"


def test_one_report_read_from_its_own_words_makes_its_sources_assertion_sure() -> None:
    # the Coast Bureau's 300 comes twice: once in an undated document (its date a guess),
    # once dated; the dated report is enough to set it against the Red Cross's 120
    # (the guess, 5 April, is later than the dated report: the assertion takes 2 April)
    guessed = (
        "The storm hit on 5 April 2031 and cut 40 roads. "
        "The Coast Bureau said 300 people died in Peru."
    )
    claims = pl.concat(
        [
            extract_claims(guessed, doc_id="a", outlet="A"),
            _doc("The Coast Bureau said 300 people died in Peru.", "b", 2, "B"),
            _doc("The Red Cross said 120 people died in Peru.", "c", 2, "C"),
        ]
    )
    deaths = reconcile(claims).quantities.filter(pl.col("concept") == "death")
    assert deaths["verdict"].to_list() == ["diverge"], deaths


def test_a_sentence_opening_with_a_determiner_and_a_noun_names_no_source() -> None:
    # "The report says" opens with a noun, not a source and a verb: "The" is nobody
    claims = _doc("The report that says 900 people died in Peru was disputed.", "a", 2, "A")
    assert reconcile(claims).claims["asserter"].to_list() == ["unattributed (A)"]
    named = _doc("The Coast Bureau estimates 900 people died in Peru.", "a", 2, "A")
    assert reconcile(named).claims["asserter"].to_list() == ["Coast Bureau"]


def test_a_name_with_a_description_before_it_is_that_name() -> None:
    names = source_names(
        ["Goldwater Partners", "investment bank Goldwater Partners", "Tide Office"]
    )
    assert names["investment bank Goldwater Partners"] == "Goldwater Partners"
    assert names["Tide Office"] == "Tide Office"
    # with no bare name to join, a described name keeps its words
    alone = source_names(["investment bank Goldwater Partners"])
    assert alone["investment bank Goldwater Partners"] == "investment bank Goldwater Partners"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("The fever killed 4,000 people in Peru in March alone.", "march 2031"),
        (
            "Some 3,000 people died in Peru during March and April, the Coast Bureau said.",
            "march-april 2031",
        ),
        (
            "Of those, 900 died over two months, February and March 2030, in Peru.",
            "february-march 2030",
        ),
        # a running total up to a month is dated by it, it counts no span (and a month
        # later in the year than publication is last year's)
        ("By June, the fever had killed 9,000 people in Peru.", None),
        ("The fever killed 4,000 people in Peru in June.", "june 2030"),
        ("The Coast Bureau said 9,000 people had died in Peru as of June.", None),
        # "may" in lower case is a verb, not the month
        ("The Coast Bureau said 9,000 people may have died in Peru.", None),
    ],
)
def test_a_month_after_the_figure_is_the_span_it_counts(text: str, period: str | None) -> None:
    assert _frame(text)["period"] == period


def test_a_toll_counted_over_one_month_is_not_the_running_total() -> None:
    claims = pl.concat(
        [
            _doc("The Coast Bureau said the fever has killed 9,000 people in Peru.", "a", 2, "A"),
            _doc("The fever killed 4,000 people in Peru in March alone.", "b", 2, "B"),
        ]
    )
    result = reconcile(claims)
    assert result.claims["quantity_id"].n_unique() == 2
    assert "diverge" not in result.quantities["verdict"].to_list()


@pytest.mark.parametrize(
    "text",
    [
        "The Coast Bureau said the toll in Peru is off by 2,000 deaths.",
        "Deaths in Peru were undercounted by 2,000, the Coast Bureau said.",
        "The count in Peru fell short by 2,000 deaths.",
    ],
)
def test_a_gap_between_two_counts_is_a_change_not_a_level(text: str) -> None:
    labels = reconcile(_doc(text, "a", 2)).quantities["label"].to_list()
    assert len(labels) == 1 and "change" in labels[0], labels


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        (
            "In Peru, women accounted for 55% of the dead and children made up 30% of the dead.",
            ["death: women", "death: children"],
        ),
        ("In Peru, 58% of deaths were male and 42% female.", ["death: male", "death: female"]),
        (
            "The Coast Bureau said 70% of deaths in Peru occurred in hospitals.",
            ["death: occurred in hospitals"],
        ),
        # a part that is the measure itself is the place's share of the whole: no part
        ("Emissions from Peru account for 12% of global emissions.", ["emissions"]),
        # "which" points back to the figure before it and names no part
        (
            "Fires emitted 40 megatonnes in Peru, which accounted for 12% of emissions.",
            ["emissions", "emissions"],
        ),
    ],
)
def test_a_share_is_named_by_its_part(text: str, concepts: list[str]) -> None:
    claims = reconcile(_doc(text, "a", 2)).claims.sort("start")
    assert claims["concept_key"].to_list() == concepts


def test_two_parts_of_one_whole_are_two_quantities() -> None:
    text = "In Peru, 58% of the dead were men, the Coast Bureau said, and 42% were women."
    result = reconcile(_doc(text, "a", 2))
    assert result.claims["quantity_id"].n_unique() == 2


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("The Coast Bureau said 4,800 deaths were counted in Peru.", "death"),
        ("Peru has 4,800 deaths confirmed since March, the Coast Bureau said.", "official death"),
        ("The bureau listed 4,800 deaths recorded in Peru so far.", "official death"),
        (
            "The bureau said 4,800 deaths reported by hospitals in Peru were checked.",
            "official death",
        ),
    ],
)
def test_a_count_confirmed_or_recorded_is_the_official_one(text: str, concept: str) -> None:
    # (beside an estimate of the toll, where "official" sets a count apart: see
    # tests/test_reconcile_official_toll.py for a toll nobody estimates)
    estimate = " A study estimates that 9,000 people died in Peru."
    assert _frame(text + estimate)["concept_key"] == concept


def test_a_figure_named_again_with_the_is_the_figure_before_it() -> None:
    text = (
        "The bureau puts deaths in Peru at 8.3 million a year. Critics doubt the 8.3 million"
        " deaths, and also the 4 million births. Only 4 million homes have water."
    )
    claims = reconcile(_doc(text, "a", 2)).claims.sort("start")
    ids = claims["quantity_id"].to_list()
    # "the 8.3 million deaths" is the yearly figure; "the 4 million births" names no
    # earlier figure and stays its own; the later "4 million homes" is not named with "the"
    assert ids[0] == ids[1] and len(set(ids)) == 3
    assert claims["norm_per"].to_list()[:2] == ["year", "year"]  # shown by the year, as written


def test_the_nearest_earlier_figure_is_the_one_named_again() -> None:
    text = (
        "Rivals say fires cost Peru 4% of GDP. The bureau assumes a 4% fall in farm output."
        " The 4% figure is a long-run assumption."
    )
    claims = reconcile(_doc(text, "a", 2)).claims.sort("start")
    keys = claims["concept_key"].to_list()
    assert keys[2] == keys[1] != keys[0], keys


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("The study ran a survey of around 14,000 people across Peru.", "survey"),
        ("The bureau polled a sample of 2,000 in Peru about the floods.", "sample"),
        # nouns of amount say how many, not what: the measure comes from other words
        ("A total of 900 people died in Peru.", "death"),
        ("A crowd of 5,000 people marched in Lima.", "crowd"),
        # a particular counted noun says what is counted itself
        ("A survey of 2,000 farmers in Peru was published.", "farmer"),
    ],
)
def test_a_count_of_anybody_is_named_by_the_noun_before_of(text: str, concept: str) -> None:
    assert _frame(text)["concept_key"] == concept


@pytest.mark.parametrize(
    "text",
    [
        "A study found the true toll in Peru was seven times greater than the reported count.",
        "The real toll in Peru is about four times the official count, the study said.",
        "The study said deaths in Peru were five times more than those reported.",
    ],
)
def test_a_multiple_measures_what_it_compares_not_its_base(text: str) -> None:
    row = _frame(text)
    # (a base called official is named after the measure: "death against the official count")
    measure = str(row["concept_key"]).split(AGAINST)[0]
    assert measure == "death" and row["norm_unit"] == "times"


@pytest.mark.parametrize(
    ("second", "same"),
    [
        ("Since then, it has fallen to 4 per cent.", True),
        ("Growth forecasts rose, and this has since risen to 7 per cent.", True),
        ("Since then, this has been revised to 4 per cent.", True),
        # a pronoun that moves no figure: the sentence's own measure stands
        ("It also said unemployment is 4 per cent.", False),
    ],
)
def test_a_pronoun_whose_figure_moves_continues_the_figure_before(second: str, same: bool) -> None:
    text = "The bureau said floods shaved 5.5 per cent off the economy of Peru. " + second
    claims = reconcile(_doc(text, "a", 2)).claims.sort("start")
    keys = claims["concept_key"].to_list()
    assert (keys[0] == keys[1]) is same, keys


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        # places counted are not people counted, and a particular group is its own count
        ("Floods affected 6 provinces in Peru.", "Floods affected 90,000 people in Peru.", True),
        ("Floods killed 40 miners in Peru.", "Floods killed 3,000 people in Peru.", True),
        (
            "Floods affected 90,000 residents in Peru.",
            "Floods affected 95,000 people in Peru.",
            False,
        ),
    ],
)
def test_the_counted_group_is_part_of_the_quantity(first: str, second: str, apart: bool) -> None:
    claims = pl.concat([_doc(first, "a", 2, "A"), _doc(second, "b", 2, "B")])
    result = reconcile(claims)
    assert (result.claims["quantity_id"].n_unique() == 2) is apart


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("Yusuf Karimov", "Yousef Karimov", True),
        ("Mohammed Karim Aziz", "Muhammad Karim Aziz", True),
        ("Salma Haddad", "Selma Haddad", True),
        # short first names that differ are two people; so are two surnames
        ("Joan Smith", "John Smith", False),
        ("Yusuf Karimov", "Yusuf Karimova", False),
        ("Yusuf Karimov", "Omar Karimov", False),
    ],
)
def test_one_person_spelled_two_ways_is_one_source(a: str, b: str, one: bool) -> None:
    assert (len(one_body_names({a, b})) == 2) is one
    assert (len(set(source_names([a, b]).values())) == 1) is one


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # a verb of recording before the figure: the recorded count, as "recorded deaths" is
        ("The parish register recorded 4,100 deaths in Peru last year.", "registered death"),
        ("Peru registered nearly 4,100 deaths in March, the office said.", "registered death"),
        ("Clinics logged about 610 deaths in Peru over the winter.", "registered death"),
        ("The parish register lists 4,100 recorded deaths in Peru.", "registered death"),
        # a recording verb farther off, or none: the plain measure
        ("The register was recorded in 1990; 4,100 people died in Peru.", "death"),
        ("Rescuers said 4,100 people died in Peru.", "death"),
        # a cause named after it: the event's toll, recorded ("since the storm")
        ("The ministry has recorded 500 deaths in Peru since the storm.", "death"),
        ("Hospitals logged 210 deaths from the fever in Peru.", "death"),
        ("Peru recorded 90 deaths due to the floods.", "death"),
        # a measure with no recorded form in the vocabulary keeps its own
        ("Peru recorded 2,300 people missing after the storm.", "missing"),
    ],
)
def test_a_count_a_verb_of_recording_takes_is_the_recorded_count(text: str, measure: str) -> None:
    assert _frame(text)["concept_key"] == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # "cases" only contains what the words before it count
        ("Deaths from the storm, mostly on the coast, reached 3,100 cases on Friday.", "death"),
        ("People missing in the hills, by the army's count, were 640 cases.", "missing"),
        # with nothing else named, cases are what is counted
        ("Peru has confirmed 3,100 cases of cholera since March.", "case"),
        ("The clinic saw 3,100 new cases last week.", "case"),
    ],
)
def test_a_container_noun_leaves_the_measure_to_the_words_before_it(
    text: str, measure: str
) -> None:
    assert _frame(text)["concept_key"] == measure


def test_why_names_the_group_counted_and_the_period() -> None:
    why = reconcile(_doc("The agency said 12 children died in Peru.", "a", 2)).quantities.item(
        0, "why"
    )
    assert "counting children only" in why
    why = reconcile(
        _doc("The toll in Peru could reach 900, the agency said.", "a", 2)
    ).quantities.item(0, "why")
    assert "of the period 'projected'" in why


def test_why_names_the_quantities_of_its_measure_kept_apart_and_how_they_differ() -> None:
    claims = pl.concat(
        [
            _doc("The agency said 12 children died in Peru.", "a", 2),
            _doc("The agency said 120 people died in Peru.", "b", 2),
            _doc("The agency said 300 people were injured in Peru.", "c", 2),
        ]
    )
    whys = dict(reconcile(claims).quantities.select("label", "why").rows())
    assert whys["Deaths in Peru (children), 2 Apr 2031"].endswith(
        "Kept apart from 'Deaths in Peru, 2 Apr 2031' (the group counted: children against none)."
    )
    # a quantity of another measure is no sibling: nothing is said of it
    assert "Kept apart" not in whys["People injured in Peru, 2 Apr 2031"]


def test_figures_of_a_length_are_told_in_the_unit_their_reports_write() -> None:
    claims = pl.concat(
        [
            _doc("The agency said 80 cm of snow fell in Peru.", "a", 2),
            _doc("Residents said 120 cm of snow fell in Peru.", "b", 2),
        ]
    )
    quantity = reconcile(claims).quantities.row(0, named=True)
    assert "(cm)" in quantity["label"]
    assert "says 80 (" in quantity["why"] and "says 120 (" in quantity["why"]
