"""Rows a reader can take at their word: one measure per label, a share that names its whole,
a consensus only over two independent sources, a rate told in the words it was given in, a
bound said of "the other" members of a group never given to one of them. Cases of our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import polars as pl
import pytest

from extract import extract_claims
from newsfigures import cells, corpus, prose, report
from newsfigures.rows import (
    ANOTHER_MEASURE,
    CHANGE_START,
    PLACE_COUNT,
    UNNAMED_THING,
    not_headlined,
    share_labels,
    whole_after,
)
from reconcile import frames, reconcile
from reconcile.plots import has_consensus, range_plot, timeline_plot
from reconcile.schema import ASSERTIONS_SCHEMA, QUANTITIES_SCHEMA

# --------------------------------------------------------------------------- one measure a row


def _claim(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "claim_id": "c1",
        "quantity_id": "q1",
        "concept_key": "death",
        "unit": None,
        "surface": "300",
        "concept_source": "the words 'killed' after the figure",
        "entity": "Peru",
        "from_claim": None,
        "frame_doubt": None,
        "frame_doubt_word": None,
    }
    row.update(values)
    return row


def _claims(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, infer_schema_length=None)


def _read(text: str) -> pl.DataFrame:
    """The claims of one made-up report, read by extraction and reconcile's frame reading."""
    claims = extract_claims(text, doc_id="a", outlet="Example Post", published=dt.date(2031, 4, 2))
    return reconcile(claims).claims


# the figure, what its own words say its measure is not (reconcile's frame reading), the
# word that says it, and how the report tells it
_DOUBTED = [
    # its own words name another measure than the one read after it
    (
        "Crews kept digging for 200 injured people feared killed under the rubble in Peru.",
        "200 injured people",
        (frames.ANOTHER_MEASURE, "injured"),
        ANOTHER_MEASURE,
    ),
    # a count of places: where the thing was counted
    (
        "About 90,000 people in nine districts were affected by the storm in Peru.",
        "nine districts",
        (frames.PLACES_COUNTED, "district"),
        PLACE_COUNT,
    ),
    # after a preposition, a count of a thing no measure names: where others were counted
    (
        "Deaths were logged across 3,000 clinics in Peru, the ministry said.",
        "3,000 clinics",
        (frames.WHERE_COUNTED, "clinic"),
        UNNAMED_THING,
    ),
    (
        "Peru was one of the bloc's 27 members to object.",
        "27 members",
        (frames.WHERE_COUNTED, "member"),
        UNNAMED_THING,
    ),
    (
        "Firefighters said 70 fires were burning in 40 villages across Peru.",
        "40 villages",
        (frames.WHERE_COUNTED, "village"),
        UNNAMED_THING,
    ),
]


@pytest.mark.parametrize(("text", "figure", "doubt", "told"), _DOUBTED)
def test_a_row_a_reader_could_not_use_is_read_by_reconcile_and_not_headlined(
    text: str, figure: str, doubt: tuple[str, str], told: str
) -> None:
    claims = _read(text)
    row = claims.filter(pl.col("surface") == figure).row(0, named=True)
    assert (row["frame_doubt"], row["frame_doubt_word"]) == doubt
    out = not_headlined(claims).filter(pl.col("claim_id") == row["claim_id"])
    assert out["why"].to_list() == [told.format(doubt[1], row["concept_key"].split(":")[0])]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Officials said the quake killed 300 people in Peru.", "300 people"),  # deaths
        ("Officials said 1,200 excess deaths were recorded in Peru.", "1,200 excess deaths"),
        ("Firefighters said 70 fires were burning in 40 villages across Peru.", "70 fires"),
        (
            "About 90,000 people in nine districts were affected by the storm in Peru.",
            "About 90,000 people",
        ),
        # a thing no measure names, but the figure is what the sentence reports, not where
        ("The strike has cost 4,000 jobs in Peru.", "4,000 jobs"),
        ("Donors sent 900 tents to Peru.", "900 tents"),
        # a known measure read from the counted noun
        ("Officials said 5,000 refugees had arrived in Peru.", "5,000 refugees"),
        ("Buses carried 600 evacuees who had been displaced by the fire in Peru.", "600 evacuees"),
    ],
)
def test_a_row_that_says_one_measure_stays(text: str, figure: str) -> None:
    claims = _read(text)
    row = claims.filter(pl.col("surface") == figure).row(0, named=True)
    assert row["frame_doubt"] is None and row["frame_doubt_word"] is None
    assert row["claim_id"] not in not_headlined(claims)["claim_id"].to_list()


def test_one_fitting_figure_keeps_its_row() -> None:
    rows = [
        _claim(
            claim_id="c1",
            surface="hundreds of injured people",
            frame_doubt=frames.ANOTHER_MEASURE,
            frame_doubt_word="injured",
        ),
        _claim(claim_id="c2", surface="310 dead"),
    ]
    assert not_headlined(_claims(rows)).height == 0


def test_the_start_of_a_stated_change_goes_with_its_end() -> None:
    rows = [
        _claim(claim_id="c1", quantity_id="q-start", surface="7.1m", concept_key="birth"),
        _claim(
            claim_id="c2", quantity_id="q-end", surface="6.9m", concept_key="birth", from_claim="c1"
        ),
        # the start of a change of another measure is a row of its own
        _claim(claim_id="c3", quantity_id="q-other", surface="40", concept_key="arrest"),
        _claim(
            claim_id="c4", quantity_id="q-other2", surface="90", concept_key="vote", from_claim="c3"
        ),
    ]
    out = not_headlined(_claims(rows))
    assert out.select("claim_id", "why").rows() == [("c1", CHANGE_START)]


# --------------------------------------------------------------------------- shares and dates


@pytest.mark.parametrize(
    ("sentence", "figure", "whole"),
    [
        (
            "Fires made up a fifth of the national output of soot, officials said.",
            "a fifth",
            "the national output of soot",
        ),
        ("Some 40% of all registered voters turned out.", "40%", "registered voters"),
        ("About 12% of hospital beds were empty in June.", "12%", "hospital beds"),
        ("Men were 70% of the victims, it said.", "70%", "the victims"),
        ("Half of the homes were lost.", "Half", "the homes"),
        # no "of" after the figure: no whole is named
        ("Turnout rose by 4% from the last vote.", "4%", None),
        ("A third went unpaid.", "A third", None),
    ],
)
def test_the_whole_a_share_names(sentence: str, figure: str, whole: str | None) -> None:
    end = sentence.index(figure) + len(figure)
    assert whole_after(sentence, end) == whole


def _share_tables(
    unit: str, sentences: list[str], figure: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    q = pl.DataFrame(
        {"quantity_id": ["q1"], "unit": [unit], "label": [f"Emissions in Peru ({unit}), 2031"]}
    )
    c = pl.DataFrame(
        {
            "quantity_id": ["q1"] * len(sentences),
            "unit": [unit] * len(sentences),
            "sentence": sentences,
            "sentence_start": [0] * len(sentences),
            "end": [s.index(figure) + len(figure) for s in sentences],
        }
    )
    return q, c


@pytest.mark.parametrize(
    ("unit", "sentences", "figure", "label"),
    [
        (
            "fraction",
            ["Peru gave a tenth of the world's soot."],
            "a tenth",
            "Emissions in Peru (share of the world's soot), 2031",
        ),
        (
            "fraction",
            ["Peru's soot rose by a tenth."],
            "a tenth",
            "Emissions in Peru (share of an unnamed whole), 2031",
        ),
        (
            "percent",
            ["Peru emitted 8% of the world total in 2031."],
            "8%",
            "Emissions in Peru (share of the world total), 2031",
        ),
        # two wholes: both named, so a reader sees they may differ
        (
            "percent",
            ["Peru emitted 8% of the world total.", "It was 9% of global soot."],
            "%",
            "Emissions in Peru (share of global soot or of the world total), 2031",
        ),
        # a percentage with no whole (a change, a rate) keeps its unit
        (
            "percent",
            ["Peru's emissions rose 8% in 2031."],
            "8%",
            "Emissions in Peru (percent), 2031",
        ),
    ],
)
def test_a_share_names_its_whole(unit: str, sentences: list[str], figure: str, label: str) -> None:
    q, c = _share_tables(unit, sentences, figure)
    assert share_labels(q, c)["label"].to_list() == [label]


@pytest.mark.parametrize(
    ("reports", "shown"),
    [
        # a figure of a year that has ended, published the next year, is a figure of its year
        ([("Police in Peru made 4,000 arrests in 2030, officials said.", dt.date(2031, 12, 31))],
         ["Arrests in Peru, 2030"]),
        ([("Police in Peru made 4,000 arrests in 2030, officials said.", dt.date(2031, 3, 2)),
          ("Police in Peru made 4,100 arrests in 2030, a monitor said.", dt.date(2031, 9, 2))],
         ["Arrests in Peru, 2030"]),
        # words that name no year, in a document with no date, leave the row undated
        ([("Police in Peru made 4,000 arrests last year, officials said.", None)],
         ["Arrests in Peru, undated"]),
    ],
)  # fmt: skip
def test_a_row_is_dated_by_the_year_its_words_give(
    reports: list[tuple[str, dt.date | None]], shown: list[str]
) -> None:
    claims = pl.concat(
        [
            extract_claims(text, doc_id=f"d{i}", outlet=f"Outlet {i}", published=published)
            for i, (text, published) in enumerate(reports)
        ],
        how="diagonal_relaxed",
    )
    assert reconcile(claims).quantities["label"].to_list() == shown


# --------------------------------------------------------------------------- sources and verdicts


@pytest.mark.parametrize(
    ("verdict", "sources", "said", "never"),
    [
        ("agree", 1, "one source named, the other figures unattributed", "sources agree"),
        ("agree", 0, "no source named", "sources agree"),
        ("growth", 0, "changed over time; no source named", "independent"),
        ("diverge", 1, "the reports disagree; one source named", "sources disagree"),
        ("agree", 3, "3 independent sources agree", "named"),
    ],
)
def test_verdict_words_say_how_few_sources_are_named(
    verdict: str, sources: int, said: str, never: str
) -> None:
    words = report.verdict_words(verdict, sources, 3)
    assert said in words and never not in words


@pytest.mark.parametrize(("sources", "cell"), [(0, "none named"), (1, "1"), (4, "4")])
def test_the_sources_cell_never_shows_a_bare_zero(sources: int, cell: str) -> None:
    assert cells.sources_shown(sources) == cell


def _plot_tables(n_sources: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    q: dict[str, Any] = dict.fromkeys(QUANTITIES_SCHEMA.names())
    q.update(
        quantity_id="q1",
        series_id="s1",
        label="Fires in Peru",
        dimension="count",
        unit="fire",
        as_of_start=dt.date(2031, 3, 1),
        as_of_end=dt.date(2031, 5, 1),
        n_reports=3,
        n_assertions=3,
        low=100.0,
        best=150.0,
        high=200.0,
        verdict="growth",
        n_sources=n_sources,
    )
    rows = []
    for i, (day, best) in enumerate([(1, 100.0), (15, 150.0), (30, 200.0)]):
        a: dict[str, Any] = dict.fromkeys(ASSERTIONS_SCHEMA.names())
        for name in ("asserters", "doc_ids", "outlets", "claim_ids", "disputed_by"):
            a[name] = []
        a.update(
            assertion_id=f"a{i}",
            quantity_id="q1",
            asserter="Fire service",
            as_of=dt.date(2031, 3 + i, min(day, 28)),
            best=best,
            bound="exact",
            n_reports=1,
        )
        rows.append(a)
    return (
        pl.DataFrame([q], schema=QUANTITIES_SCHEMA),
        pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA),
    )


@pytest.mark.parametrize(
    ("n_sources", "verdict", "drawn"),
    [
        (1, "agree", False),
        (0, "agree", False),
        (2, "agree", True),
        (3, "growth", False),  # a middle over a window hides the change
        (2, "diverge", False),  # sources that disagree have no consensus
        (2, "uncertain", False),
        (1, "echo", False),
    ],
)
def test_a_consensus_is_drawn_over_two_independent_sources_only(
    n_sources: int, verdict: str, drawn: bool
) -> None:
    quantities, assertions = _plot_tables(n_sources)
    quantities = quantities.with_columns(verdict=pl.lit(verdict).cast(QUANTITIES_SCHEMA["verdict"]))
    assert has_consensus(quantities.row(0, named=True)) is drawn
    for fig in (
        range_plot(quantities.row(0, named=True), assertions),
        timeline_plot(assertions, quantities, series_id="s1"),
    ):
        (ax,) = fig.axes
        found = [a for a in ax.get_children() if a.get_gid() == "consensus"]
        assert bool(found) is drawn
        legend = fig.legends[0] if fig.legends else ax.get_legend()
        names = [t.get_text() for t in legend.get_texts()] if legend else []
        assert any("consensus" in n for n in names) is drawn


# --------------------------------------------------------------------------- rates as given


@pytest.mark.parametrize(
    ("surface", "given", "shown", "words"),
    [
        ("£30m a week", "week", "year", ", given as “£30m a week”"),
        ("£30m", "week", "year", ", given as “£30m a week”"),
        ("$2bn a month", "month", "year", ", given as “$2bn a month”"),
        ("£1.5bn a year", "year", "year", ""),
        ("£30m", "week", None, ""),  # no period shown: nothing was restated
    ],
)
def test_a_rate_shown_in_another_period_says_how_it_was_given(
    surface: str, given: str, shown: str | None, words: str
) -> None:
    a = {"claim_ids": ["c1"], "surface": surface}
    assert prose._given_as(a, shown, {"c1": given}) == words


# --------------------------------------------------------------------------- "the other" members


def _doc(text: str) -> pl.DataFrame:
    return extract_claims(text, doc_id="a", outlet="Example Post", published=dt.date(2031, 4, 2))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Peru took in 52,000 migrants. In other countries, the count stays below 20,000.",
            "20,000",
        ),
        (
            "Lima reported 900 cases. Across the remaining provinces, fewer than 50 were found.",
            "50",
        ),
        ("Chile logged 7,000 arrivals; in all other regions, arrivals topped 1,000.", "1,000"),
    ],
)
def test_a_bound_said_of_the_other_members_is_a_threshold(text: str, figure: str) -> None:
    claims = reconcile(_doc(text)).claims
    found = claims.filter(pl.col("surface").str.contains(figure, literal=True))
    assert found.height == 1, claims.select("surface", "group_note")
    assert found["quantity_id"].to_list() == [None]
    assert "threshold" in str(found["group_note"][0])


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # "in other news" and "in other words" open a clause but name no group
        ("In other news, more than 3,000 migrants reached Peru.", "3,000"),
        ("In other words, over 3,000 migrants reached Peru.", "3,000"),
        # no bound: the figure is the group's own count
        ("In other countries, the count was 20,000 migrants, Peru said.", "20,000"),
    ],
)
def test_a_figure_about_other_things_is_still_compared(text: str, figure: str) -> None:
    claims = reconcile(_doc(text)).claims
    found = claims.filter(pl.col("surface").str.contains(figure, literal=True))
    assert found.height == 1, claims.select("surface", "group_note")
    assert "threshold" not in str(found["group_note"][0])


def test_multiples_each_from_one_source_draw_no_line_over_time(tmp_path: Path) -> None:
    claims = pl.concat(
        [
            extract_claims(
                "Fires in Chile covered about 13 times the usual area, the agency said.",
                doc_id="a",
                outlet="A",
                published=dt.date(2031, 6, 3),
            ),
            extract_claims(
                "Fires in Chile gave off almost 5 times the usual smoke, the bureau said.",
                doc_id="b",
                outlet="B",
                published=dt.date(2031, 12, 9),
            ),
        ]
    )
    # windows of a month: the two figures are two quantities of one series
    result = corpus._sort_result(reconcile(claims, window_days=30))
    multiples = result.quantities.filter(pl.col("unit") == "times")
    assert multiples.height == 2
    assert multiples["series_id"].n_unique() == 1
    assert set(multiples["verdict"].cast(pl.String).to_list()) == {"single"}
    drawn = report.timeline_figures(result, tmp_path)
    assert not [title for title, _ in drawn.items if "times" in title]


# --------------------------------------------------------------------------- a level is no change


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        # a level reached, with the direction it moved in: the level, not a change by it
        ("The birth rate in Peru fell to 1.2 last year, officials said.", "1.2"),
        ("Peru's population could decrease to 24 million by 2040.", "24 million people"),
        # a change by an amount is told as one
        (
            "Peru's population fell by 2 million in 2030, officials said.",
            "down by 2 million people",
        ),
        ("Exports from Peru rose by 900 containers in 2030.", "up by 900 containers"),
    ],
)
def test_a_level_reached_is_not_told_as_a_change(text: str, cell: str) -> None:
    from newsfigures.cells import _figures_of, figure_cells

    result = reconcile(_read_claims(text))
    figures = _figures_of(result.quantities, result.assertions, result.claims)
    q = result.quantities.row(0, named=True)
    middle, _ = figure_cells(q, figures[q["quantity_id"]])
    assert middle == cell


def _read_claims(text: str) -> pl.DataFrame:
    return extract_claims(text, doc_id="a", outlet="Example Post", published=dt.date(2031, 4, 2))
