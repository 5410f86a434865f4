"""What a figure measures, read from the words around it, one general pattern a test: a count
heading the figure's verb ("the number of X ... reached 9,000"), a hyphened figure in an
adjective ("10-year"), "Of these, 130 ...", a comparative after a share ("5% smaller"), what a
count of people states after it ("40 are missing", "300 people died": deaths), a plural noun before "up" or "down" ("with bank shares down 2.4%"), the
subject two joined verbs share ("has a 6.4-inch screen and costs $649")."""

from __future__ import annotations

import pytest

from extract import extract_claims


def _concepts(text: str) -> dict[str, str | None]:
    rows = extract_claims(text)
    return dict(zip(rows["surface"].to_list(), rows["concept"].to_list(), strict=True))


_CASES = [
    # a count heading the figure's verb names the concept across what qualifies it
    (
        "The bureau said the number of hikers from Morvania logged along the ridge "
        "has reached 61,204 as of May 3.",
        "61,204",
        "number hikers",
    ),
    (
        "The total number of Morvanian students in the province since the reform, "
        "including those who have left, amounted to 18,330.",
        "18,330",
        "number Morvanian students",
    ),
    (
        "Last spring the number of tenants who sought help (or asked about it) in "
        "coastal towns approached 2 million.",
        "2 million",
        "number tenants",
    ),
    (
        "The official count of bee hives on the register of the Office of Farming and "
        "Fisheries was 7.9 lakh.",
        "7.9 lakh",
        "count bee hives",
    ),
    # ... also when "it" or "they" opens the clause that qualifies what is counted: the
    # pronoun is that clause's subject, not the figure's, and the clause's verb is kept
    (
        "The clinic said the number of people it had treated had risen to 38.",
        "38",
        "number people treated",
    ),
    ("The total of claims they received reached 950.", "950", "total claims received"),
    (
        "The number of volunteers they recruited in the spring has grown to 75.",
        "75",
        "number volunteers recruited",
    ),
    # ... or when "that" or "who" comes before the pronoun
    (
        "The clinic said the number of people that it had treated had risen to 38.",
        "38",
        "number people treated",
    ),
    (
        "The shelter said the number of dogs who they had rehomed had risen to 212.",
        "212",
        "number dogs rehomed",
    ),
    # ... also when the figure's verb is a change verb ("rose", "grew") after a "that" clause
    ("The count of households that the charity fed rose to 480.", "480", "count households"),
    (
        "The total of homes that the firm built grew to 3,100.",
        "3,100",
        "total homes",
    ),
    # ... not across a clause of its own (the count is the other figure's)
    ("The number of ferries was 40 while cars on the quay reached 300.", "300", "cars quay"),
    # ... and the phrase before may name the count itself
    ("The agency puts the number of stray dogs at 5,000.", "5,000", "number stray dogs"),
    # a hyphened figure is part of an adjective, not another figure
    ("Some 410 storms hit, far above the 12-year average of 260.", "260", "average"),
    ("The 3-month deposit rate rose 2%.", "2%", "3-month deposit rate"),
    # "Of these": the noun the last figure of the sentence before counts
    (
        "The valley saw over 2.6 million frost nights in 1990. Of these, 1.1 million were in May.",
        "1.1 million",
        "frost nights",
    ),
    ("Some 410 hikers set out on Friday. Of them, 130 were children.", "130", "hikers"),
    # ... none when no noun follows the figures before
    ("Sales reached 410 in May. Of these, 130 were abroad.", "130", None),
    # "7% smaller": what is smaller is the phrase before, not a thing called "smaller"
    ("The Valdoran fleet is now 7% smaller than it was.", "7%", "Valdoran fleet"),
    # "put the cost at": a noun between an article and "at", not a verb
    ("Auditors at the Tarn Trust put the cost at £31m.", "£31m", "cost"),
    # a count of people and what it states after it: dying counts deaths ...
    ("Some 640 villagers have died since the mudslide.", "Some 640 villagers", "deaths"),
    ("Medics said 75 hikers were killed on the pass.", "75 hikers", "deaths"),
    (
        "At least 31 passengers are believed dead after the ferry sank.",
        "At least 31 passengers",
        "deaths",
    ),
    ("The avalanche killed 19 skiers near the lodge.", "19 skiers", "deaths"),
    ("Nine are dead and a further 212 are reported to be missing.", "212", "missing"),
    # ... another state is the noun and the state
    ("In the quake 1,300 residents were injured.", "1,300 residents", "residents injured"),
    ("Another 4,500 people remain displaced by the fires.", "4,500 people", "people displaced"),
    # ... an amount counts no people, and a count with another verb states nothing
    ("The fund paid $5m to those injured in the blast.", "$5m", "fund"),
    ("Sales of 300 cars were reported in May.", "300 cars", "cars, Sales"),
    # a verb with a noun of its own, its object between it and the figure: the noun
    ("The port strike has cost the Valdoran economy €90m a week.", "€90m", "cost"),
    ("The drought is costing the hill farmers $12 million a month.", "$12 million", "cost"),
    ("The club spent the summer £40m.", "£40m", "spending"),
    # ... not when the figure is the object's own ("the budget of £40m")
    ("The club spent the summer budget of £40m.", "£40m", "summer budget"),
    # ... nor when the figure follows the verb: it measures the subject ("a ticket costs")
    ("The harbour ferry ticket costs 12 euros.", "12 euros", "harbour ferry ticket"),
    # an aside between commas stands between the measured phrase and its verb
    (
        "The official flood toll for May, as reported by the civil defence office, stood at 412.",
        "412",
        "official flood toll",
    ),
    (
        "Grain exports, according to the port board, rose to 4,500 tonnes.",
        "4,500 tonnes",
        "Grain exports",
    ),
    ("Hotel bookings, especially on the coast, reached 9,300 in June.", "9,300", "Hotel bookings"),
    # ... and between dashes any words are an aside
    (
        "Winter admissions — those beyond the usual seasonal rise — were nearly 3 times higher.",
        "nearly 3 times",
        "Winter admissions",
    ),
    # "N of these": the noun the last figure of the sentence before counts
    (
        "The storm forced 9,200 families from their homes. Some 6,100 of these were in the hills.",
        "Some 6,100",
        "families",
    ),
    # a word of extent after a size says how far, not what ("47 feet deep")
    ("The old quarry pond was 47 feet deep.", "47 feet", "old quarry pond"),
    ("The harbour wall stands 3 metre high.", "3 metre", "harbour wall"),
    # after an article a word before the figure is a noun, not a verb
    ("Exports lifted the Valdoran index 3% higher.", "3%", "Valdoran index"),
    # a unit does not modify across a time word, which says when: the phrase before stays
    ("Walkers joined a 5 km Sunday stroll.", "5 km", "Walkers"),
    # "The X <verb>s N": after an article and a singular noun, a word in -s is the verb
    ("The ferry weighs about 900 tonnes.", "about 900 tonnes", "ferry"),
    ("The reserve covers 120 sq km.", "120 sq km", "reserve"),
    ("The kettle sells for $45 and holds 1.7 litres.", "$45", "kettle"),
    ("The kettle sells for $45 and boils 1.7 litres.", "1.7 litres", "kettle"),
    # an article and one word opening the clause are its subject: the next word is the verb
    ("The storm left 12,000 homes without power.", "12,000 homes", "homes, storm"),
    ("Later, the choir sang 14 songs.", "14 songs", "songs, choir"),
    # ... while after a verb the same shape is a plural noun
    ("The levy pushed the utility shares 2% lower.", "2%", "utility shares"),
    # "X is 40 metres tall and cost $3m": two predicates of one subject
    ("The new pier is 240 metres long and cost $16m.", "$16m", "new pier"),
    ("The bakery has 12 staff and made £400,000 last year.", "£400,000", "bakery"),
    # ... also when the first figure qualifies a noun: that noun is the first verb's object
    ("The Tavo X3 has a 6.4-inch screen and costs $649.", "$649", "Tavo X3"),
    ("The council opened a new library and pledged $2m for parks.", "$2m", "council for parks"),
    # a word in -s that may be a verb, after a name and before a preposition, is the verb
    ("Kelda's new Vantor Pro starts at $1,199.", "$1,199", "Kelda new Vantor Pro"),
    ("Northwind Air flies to 40 cities.", "40 cities", "cities, Northwind Air"),
    # ... while a subject of its own after "and" stays
    ("The fair drew 900 visitors and income reached £7,000.", "£7,000", "income"),
    # a participle after a counted noun says which of them are counted, past or present
    (
        "Volunteers fed 250 families sleeping in cars.",
        "250 families",
        "families sleeping cars, Volunteers",
    ),
    (
        "The camp holds 900 people fleeing the fighting.",
        "900 people",
        "people fleeing fighting, camp",
    ),
    # "worth" or a participle right after a comma says of the phrase before the comma what
    # "which is worth" would; the phrase is what the figure measures
    ("The merger, worth $2.3 billion, closes in May.", "$2.3 billion", "merger"),
    ("The grant, valued at $5m, was approved.", "$5m", "grant"),
    ("The bonds, priced at 98 cents, sold out.", "98 cents", "bonds"),
    # ... an irregular participle too ("set", "put", "paid")
    ("The fee, set at $40, is new.", "$40", "fee"),
    # an appositive after a name describes the name; the phrase of the name is what is
    # measured, whether the name ends a prepositional phrase or opens the clause
    ("Imports from Peru, its main supplier, fell 9% in June.", "9%", "Imports Peru"),
    ("Sales in Brazil, the largest market, rose 4%.", "4%", "Sales Brazil"),
    ("Shares of Acme, the chip maker, fell 3%.", "3%", "Shares Acme"),
    ("Acme, the chip maker, fell 3%.", "3%", "Acme"),
    # a word that lemminflect knows only as a verb ends the phrase read leftwards
    ("Acme expects full-year sales of $10bn.", "$10bn", "full-year sales"),
    ("Analysts say Acme sought new funding of $40m.", "$40m", "new funding"),
    ("Acme Corp foresees revenue of $5bn.", "$5bn", "revenue"),
    # ... not a word that is also a noun ("Acme shares", "the start")
    ("Acme shares closed at $5.", "$5", "Acme shares"),
    # a word that is also a verb is a noun after an article ("the cost", "its work"), and a
    # word in -ing after "of" is a noun ("the cost of living")
    ("The cost rose to $5m.", "$5m", "cost"),
    ("Its work on the dam cost $4m.", "$4m", "work dam"),
    ("The price of heating has doubled to £900.", "£900", "price heating"),
    ("The cost of living climbed 6.2% over the year.", "6.2%", "cost living"),
    # ... while after a noun the word is still the verb
    ("The new dam will cost $5m.", "$5m", "new dam"),
    # ... not a participle that is not the figure's verb
    ("The firm, founded in 1990, employs 300 people.", "300 people", "people"),
    # ... but not a function word in -ing, nor a noun in -ing
    ("The council counted 300 votes according to the clerk.", "300 votes", "votes, council"),
    ("The trust owns 8 buildings housing artists.", "8 buildings", "buildings, trust"),
    # a word as often a noun as a verb ("score") is a noun after an adjective or a noun
    ("Her credit score is 720, the lender said.", "720", "credit score"),
    ("The median credit score of applicants rose to 712.", "712", "median credit score applicants"),
    # "was trading at 340p": a verb in -ing after "was", so the phrase before is measured
    ("The stock was trading at 340p on Friday.", "340p", "stock"),
    # a word after an adjective is a noun it qualifies, not the figure's verb
    ("The board will review major upgrades over 12 km.", "over 12 km", "major upgrades"),
    ("Regulators will weigh new purchases over 20 MWh.", "over 20 MWh", "new purchases"),
    ("Firms made heavy losses of $4m.", "$4m", "heavy losses"),
    ("The heirs have a net worth of $2.4bn.", "$2.4bn", "net worth"),
    # a function word written in capitals is a name ("US"), part of what is measured
    ("The US economy grew 2.1% last year.", "2.1%", "US economy"),
    ("Sales of US cars fell to 1.2 million.", "1.2 million", "Sales US cars"),
    # ... while in lower case it is still the pronoun
    ("They told us 300 people came.", "300 people", "people"),
    # "up" or "down" after a plural noun, or after a word that is never a verb, states the
    # noun's change; it is no particle of a phrasal verb ("lay off 1,200")
    ("Stocks ended mixed, with bank shares down 2.4%.", "2.4%", "bank shares"),
    ("Oil rose, with Brent crude up 1.1% at $79.", "1.1%", "Brent crude"),
    ("The plant laid off 300 workers in May.", "300 workers", "workers, plant"),
]


@pytest.mark.parametrize(("text", "surface", "concept"), _CASES)
def test_concept(text: str, surface: str, concept: str | None) -> None:
    assert _concepts(text)[surface] == concept


# A figure compared with the one before it, or set in another place or time with the same
# unit ("4.1% in Spain and 5.3% in Italy"), measures what the first does, also when the
# first figure's place or time comes between: (text, first surface, second surface)
_SAME_MEASURE_CASES = [
    ("Prices rose 3% in May, compared with 2.5% in April.", "3%", "2.5%"),
    ("Sales were $61 billion in 2023, down from $64 billion.", "$61 billion", "$64 billion"),
    ("Joblessness was 4.1% in Spain and 5.3% in Italy.", "4.1%", "5.3%"),
    ("Highs reached 30C in Lyon and 34C in Seville.", "30C", "34C"),
]


@pytest.mark.parametrize(("text", "first", "second"), _SAME_MEASURE_CASES)
def test_a_figure_set_beside_the_one_before_measures_the_same(
    text: str, first: str, second: str
) -> None:
    concepts = _concepts(text)
    assert concepts[second] == concepts[first] is not None, concepts


def test_a_count_of_what_its_own_clause_names_takes_nothing_from_the_figure_before() -> None:
    # "the number of homes it inspected" says what it counts: nothing is carried over from
    # the sentence before, while "the figure it had" still points back to the staff
    concepts = _concepts(
        "The tenants' group said the true number was about 600. The council said the "
        "number of homes it had inspected stood at 212."
    )
    assert concepts["212"] == "number homes inspected", concepts
    concepts = _concepts(
        "The union said 600 staff had left. The ministry said the figure it had was 700, "
        "and that the number of staff it had recruited had risen to 90."
    )
    assert concepts["700"] == "staff", concepts
    assert concepts["90"] == "number staff recruited", concepts


def test_a_figure_with_a_noun_of_its_own_after_and_keeps_it() -> None:
    assert _concepts("Sales rose 4% in May and inflation 5% in June.")["5%"] == "inflation"
