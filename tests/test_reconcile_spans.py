"""Which time, place and measure a figure is of, when the words around it name several."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from reconcile import reconcile

PUBLISHED = dt.date(2031, 11, 20)


def _row(text: str) -> dict[str, object]:
    claims = extract_claims(text, doc_id="d1", outlet="Example Post", published=PUBLISHED)
    return reconcile(claims).claims.row(0, named=True)


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # the month a span began is not the figure's date: the running count is as of the report
        ("The blazes that started to spread in early June have burned 4,200 hectares.", PUBLISHED),
        ("The outbreak, which began in March, has sickened 900 people.", PUBLISHED),
        ("Since August, 75 people have left the village.", PUBLISHED),
        # a month the figure is dated by is still read
        ("By the end of June, 4,200 hectares had burned.", dt.date(2031, 6, 1)),
        ("As of March, 900 people were ill.", dt.date(2031, 3, 1)),
        # a span's start, then the date of the count
        ("The walkout began in May; by July, 3,100 staff had joined it.", dt.date(2031, 7, 1)),
    ],
)
def test_the_month_a_span_began_is_not_the_figures_date(text: str, as_of: dt.date) -> None:
    assert _row(text)["as_of"] == as_of


def _rows(text: str) -> list[dict[str, object]]:
    claims = extract_claims(text, doc_id="d1", outlet="Example Post", published=PUBLISHED)
    return list(reconcile(claims).claims.sort("start").iter_rows(named=True))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Next come Chile and Peru, where the number of people registered for asylum "
            "reached 12,400 and 9,800, respectively.",
            ["Chile", "Peru"],
        ),
        (
            "Sales in France and Spain rose 4% and 7% respectively, the firm said.",
            ["France", "Spain"],
        ),
        # decimal points inside the list do not end it
        (
            "Iran and Iraq pumped 3.2 million and 4.5 million barrels a day, respectively.",
            ["Iran", "Iraq"],
        ),
        (
            "Kenya, Uganda and Ghana planted 3,000, 4,500 and 6,100 hectares of maize, "
            "respectively.",
            ["Kenya", "Uganda", "Ghana"],
        ),
    ],
)
def test_respectively_pairs_each_figure_with_the_place_in_its_position(
    text: str, places: list[str]
) -> None:
    assert [r["entity"] for r in _rows(text)] == places


def test_respectively_with_more_places_than_figures_pairs_nothing() -> None:
    # three places and two figures: which goes with which is not written, so no pairing
    rows = _rows(
        "Chile, Peru and Bolivia took in 12,400 and 9,800 people, respectively, last year."
    )
    assert all("respectively" not in str(r["entity_source"]) for r in rows)


def _concepts(text: str) -> list[tuple[str, str]]:
    return [(str(r["concept_key"]), str(r["entity"])) for r in _rows(text)]


@pytest.mark.parametrize(
    ("text", "frames"),
    [
        # an origin, then the movement back the other way
        (
            "Since March, 2,100,000 people have arrived from Chile in nearby states. Over the same "
            "months, 900,000 people crossed back the other way.",
            [("border crossing from Chile", "Chile"), ("border crossing into Chile", "Chile")],
        ),
        # a continent is no end of its own: the border's country is where they left
        (
            "There have been 3 million crossings of the Chilean border into South America, and "
            "1.2 million went in the reverse direction.",
            [("border crossing from Chile", "Chile"), ("border crossing into Chile", "Chile")],
        ),
        # each item of a list after "into" goes into its own place
        (
            "Most crossings were into Peru (1.5 million), Bolivia (600,000) and Argentina (400,000).",
            [
                ("border crossing into Peru", "Peru"),
                ("border crossing into Bolivia", "Bolivia"),
                ("border crossing into Argentina", "Argentina"),
            ],
        ),
        # the direction word nearest a list is the list's
        (
            "Crossings out of Chile went mostly into Peru (1.5 million) and Bolivia (600,000).",
            [("border crossing into Peru", "Peru"), ("border crossing into Bolivia", "Bolivia")],
        ),
        # the words after a figure name its own end, before those of the figure before it
        (
            "Going home, 700,000 crossings were counted from Peru, and 300,000 from Bolivia.",
            [("border crossing from Peru", "Peru"), ("border crossing from Bolivia", "Bolivia")],
        ),
    ],
)
def test_a_movement_is_measured_with_its_direction(
    text: str, frames: list[tuple[str, str]]
) -> None:
    assert _concepts(text) == frames


def test_a_source_named_after_according_to_is_no_end_of_the_movement() -> None:
    (concept, _), *_ = _concepts(
        "According to Peru, 700,000 people have crossed the border since March."
    )
    assert concept == "border crossing"


def test_one_movement_worded_two_ways_is_one_quantity_and_its_reverse_another() -> None:
    a = extract_claims(
        "Since March, 2.1 million people have arrived from Chile in nearby states, and "
        "900,000 people crossed back the other way.",
        doc_id="a", outlet="Example Post", published=PUBLISHED,
    )  # fmt: skip
    b = extract_claims(
        "There have been more than 2 million crossings of the Chilean border into South America "
        "since March, and 950,000 the other way.",
        doc_id="b", outlet="Other Daily", published=PUBLISHED,
    )  # fmt: skip
    result = reconcile(pl.concat([a, b]))
    by_value = dict(result.claims.select("value", "quantity_id").iter_rows())
    assert by_value[2.1e6] == by_value[2e6]
    assert by_value[9e5] == by_value[9.5e5]
    assert by_value[2.1e6] != by_value[9e5]


@pytest.mark.parametrize(
    ("text", "per"),
    [
        # a fraction written "a quarter" is a share, with no rate period
        (
            "Blazes in Chile released 90 million tonnes, or a quarter of what the planet's fires did.",
            None,
        ),
        ("Fuel took a quarter of the budget in Chile last year.", None),
        # an amount with "a week" after it is a rate, kept in the period the source used
        ("The port in Chile loses $5m a week, officials said.", "week"),
        ("The port in Chile loses $5m per quarter, officials said.", "quarter"),
    ],
)
def test_a_quarter_alone_is_a_share_not_a_rate(text: str, per: str | None) -> None:
    rows = _rows(text)
    assert rows[-1]["norm_per"] == per, rows


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # the cause after "from" (an article, capitalised words and its noun) is not the measure
        (
            "Estimated emissions from Chilean blazes came to more than 30% of the world "
            "total, the agency said.",
            "emissions",
        ),
        ("Flooding from the storm killed 300 people in Chile.", "death"),
        ("The toll from the floods in Chile reached 300.", "death"),
    ],
)
def test_a_cause_after_from_is_not_the_measure(text: str, concept: str) -> None:
    assert _rows(text)[0]["concept_key"] == concept


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the nationality of people counted away from home is where they came from
        ("Peru's count of Chilean refugees has passed 40,000.", "Peru"),
        ("Peru Puts Number Of Chilean Refugees At Over 40,000", "Peru"),
        ("In Peru, the tally of Chilean asylum seekers stood at 40,000.", "Peru"),
        # an adjective of a place, not of the people, still places the figure
        ("The number of refugees in European countries has passed 40,000.", "Europe"),
    ],
)
def test_a_refugees_nationality_is_their_origin_not_the_figures_place(
    text: str, place: str
) -> None:
    assert _rows(text)[0]["entity"] == place


@pytest.mark.parametrize(
    "text",
    [
        "Peru hosts 900,000 refugees, after a cut in the number of refugees in Peru – 120,000.",
        "Peru hosts 900,000 refugees, after a reduction in registered refugees in Peru: 120,000.",
        "Deaths in Peru stand at 4,000, after a rise in deaths of 300 overnight.",
    ],
)
def test_a_change_in_a_count_named_before_its_figure_is_no_level(text: str) -> None:
    claims = extract_claims(text, doc_id="d1", outlet="Example Post", published=PUBLISHED)
    result = reconcile(claims)
    labels = sorted(result.quantities.get_column("label").to_list())
    assert len(labels) == 2 and sum("change" in label for label in labels) == 1, labels


@pytest.mark.parametrize(
    "text",
    [
        "The register counted 5.2 million deaths in Peru in 2030, up from the previous year's "
        "count of 4.9 million.",
        "Peru logged 5.2 million births in 2030, above last year\u2019s total of 4.9 million.",
    ],
)
def test_the_previous_periods_count_is_a_period_of_its_own(text: str) -> None:
    rows = _rows(text)
    # the year before the one the sentence names, dated so (not a second row of 2030)
    assert rows[-1]["period"] == "2029" and rows[-1]["as_of"].year == 2029
    assert rows[0]["quantity_id"] != rows[-1]["quantity_id"]


def test_the_previous_periods_count_without_a_year_stays_the_previous_one() -> None:
    rows = _rows("Peru logged 5.2 million births, above the previous month's total of 4.9 million.")
    assert rows[-1]["period"] == "previous month"
    assert rows[0]["quantity_id"] != rows[-1]["quantity_id"]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        # arrivals counted by a national border agency arrived in its country
        (
            "Since March, 2.4 million people have arrived, the Peruvian Border Guard said.",
            ("border crossing into Peru", "Peru"),
        ),
        # after a verb of leaving, its country is where they left
        (
            "Over the year 800,000 crossings were made by people leaving, according to Peru's "
            "border police.",
            ("border crossing from Peru", "Peru"),
        ),
        # an agency of the country the words already name adds nothing
        (
            "Since March, 2.4 million people have entered Peru, the Peruvian Border Guard said.",
            ("border crossing into Peru", "Peru"),
        ),
        # a border agency that is not named leaves the movement as it was
        (
            "Since March, 2.4 million people have arrived, the ministry said.",
            ("border crossing", None),
        ),
    ],
)
def test_a_border_agency_names_the_end_the_words_leave_open(
    text: str, frame: tuple[str, str | None]
) -> None:
    row = _rows(text)[0]
    assert row["concept_key"] == frame[0], row
    if frame[1]:
        assert row["entity"] == frame[1], row


def test_the_opposite_direction_continues_the_movement_before_it() -> None:
    # the refugees the sentence names do not make the returns a count of refugees
    concepts = _concepts(
        "Refugees keep coming: since March, 2.4 million people have crossed out of Chile; "
        "700,000 have gone the opposite direction."
    )
    assert concepts == [
        ("border crossing from Chile", "Chile"),
        ("border crossing into Chile", "Chile"),
    ], concepts


def test_the_story_place_at_one_end_leaves_the_other_end_to_tell_counts_apart() -> None:
    # a story about Chile: its movements all start or end there, and the other end names them
    home = (
        "The war in Chile goes on. Chile's cities empty as Chile's people leave. Since March, "
        "2.4 million people have arrived, the Peruvian Border Guard says, while "
        "700,000 went the opposite direction to Chile."
    )
    other = (
        "Crossings out of Chile have gone mostly into Peru (3.1 million) and Bolivia "
        "(900,000). Going home, 1.1 million crossings were counted from Peru."
    )
    claims = pl.concat(
        [
            extract_claims(home, doc_id="a", outlet="Example Post", published=PUBLISHED),
            extract_claims(other, doc_id="b", outlet="Other Daily", published=PUBLISHED),
        ]
    )
    result = reconcile(claims, texts={"a": home, "b": other})
    rows = result.claims.select("value", "concept_key", "quantity_id")
    by_value = {v: (c, q) for v, c, q in rows.iter_rows()}
    assert by_value[2.4e6][0] == "border crossing into Peru", rows
    assert by_value[7e5][0] == "border crossing from Peru", rows
    assert by_value[2.4e6][1] == by_value[3.1e6][1]
    assert by_value[7e5][1] == by_value[1.1e6][1]
