"""What a reader of the report is told: verdict words that count the independent sources,
headlines in plain English, no one-source spread shown as a disagreement, notes that are
not checks kept out of the checks table, denials tied to the figures they dispute, and date
ticks that never crowd each other. Synthetic tables on a made-up storm (no kernel)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.dates as mdates
import polars as pl
import pytest

from newsfigures import prose, report, tables, topic
from newsfigures.params import Settings
from newsfigures.words import format_amount
from reconcile import ReconcileResult, plots, timeline
from reconcile.schema import (
    ASSERTIONS_SCHEMA,
    CHECKS_SCHEMA,
    QUANTITIES_SCHEMA,
    STANCES_SCHEMA,
)

matplotlib.use("Agg")


def _quantity(qid: str, verdict: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(QUANTITIES_SCHEMA.names())
    row.update(
        quantity_id=qid,
        series_id=f"s-{qid}",
        label=f"Deaths in Norland, 3 May 2031 ({qid})",
        subject="Norland",
        noun="deaths",
        concept="death",
        dimension="count",
        n_reports=3,
        n_assertions=3,
        n_sources=3,
        low=10.0,
        best=20.0,
        high=40.0,
        spread=4.0,
        verdict=verdict,
    )
    row.update(values)
    return row


def _assertion(aid: str, qid: str, best: float, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ASSERTIONS_SCHEMA.names())
    row.update(
        assertion_id=aid,
        quantity_id=qid,
        asserter=f"Rescue service {aid}",
        asserters=[f"Rescue service {aid}"],
        as_of=dt.date(2031, 5, 3),
        best=best,
        n_reports=1,
        doc_ids=[f"{aid}.txt"],
        outlets=[f"Outlet {aid}"],
        first_published=dt.date(2031, 5, 3),
        claim_ids=[f"c-{aid}"],
        disputed_by=[],
    )
    row.update(values)
    return row


def _result(
    quantities: list[dict[str, Any]],
    assertions: list[dict[str, Any]],
    *,
    checks: pl.DataFrame | None = None,
    stances: pl.DataFrame | None = None,
    claims: pl.DataFrame | None = None,
) -> ReconcileResult:
    return ReconcileResult(
        claims=claims if claims is not None else pl.DataFrame(),
        quantities=pl.DataFrame(quantities, schema=QUANTITIES_SCHEMA),
        assertions=pl.DataFrame(assertions, schema=ASSERTIONS_SCHEMA),
        checks=checks if checks is not None else CHECKS_SCHEMA.to_frame(),
        stances=stances if stances is not None else STANCES_SCHEMA.to_frame(),
    )


# --------------------------------------------------------------------------- verdict words


@pytest.mark.parametrize(
    ("verdict", "sources", "reports", "said", "never"),
    [
        ("diverge", 3, 5, "3 independent sources disagree", None),
        ("agree", 2, 2, "2 independent sources agree", None),
        ("agree", 1, 4, "the reports agree", "sources agree"),
        ("echo", 1, 4, "one source, repeated in 4 reports", "agree"),
        ("single", 1, 3, "one source only", "estimate"),
        ("uncertain", 2, 2, "may not measure the same thing", "disagree"),
    ],
)
def test_verdict_words_count_the_independent_sources(
    verdict: str, sources: int, reports: int, said: str, never: str | None
) -> None:
    words = report.verdict_words(verdict, sources, reports)
    assert said in words
    if never:
        assert never not in words


def test_figure_table_shows_independent_sources_beside_estimates() -> None:
    result = _result(
        [
            _quantity("q1", "echo", n_sources=1, n_reports=4, n_assertions=1),
            _quantity("q2", "diverge", n_sources=3),
        ],
        [],
    )
    html = report.topic_summary(result).text
    assert "independent sources" in html
    assert "one source, repeated in 4 reports" in html
    assert "3 independent sources disagree" in html
    assert "echo echo" not in html and "the sources agree" not in html


# --------------------------------------------------------------------------- overview


def test_overview_leaves_out_quantities_with_one_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[pl.DataFrame] = []
    real = plots.divergence_overview

    def spy(quantities: pl.DataFrame, **kw: Any) -> Any:
        drawn.append(quantities)
        return real(quantities, **kw)

    monkeypatch.setattr(plots, "divergence_overview", spy)
    quantities = pl.DataFrame(
        [
            _quantity("q1", "diverge"),
            _quantity("q2", "single", n_sources=1, spread=170000.0),
            _quantity("q3", "uncertain", spread=300.0),
            _quantity("q4", "echo", n_sources=1),
        ],
        schema=QUANTITIES_SCHEMA,
    )
    shown = report.overview_figure(quantities, tmp_path)
    assert drawn and drawn[0].get_column("quantity_id").to_list() == ["q1"]
    assert "3 quantities" in shown.note
    assert (tmp_path / "overview.png").is_file()


def test_no_overview_when_no_quantity_has_two_sources(tmp_path: Path) -> None:
    quantities = pl.DataFrame([_quantity("q2", "single", n_sources=1)], schema=QUANTITIES_SCHEMA)
    shown = report.overview_figure(quantities, tmp_path)
    assert len(shown) == 0
    assert not (tmp_path / "overview.png").exists()


# --------------------------------------------------------------------------- checks and notes


def _check(kind: str, status: str, description: str, i: int) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(CHECKS_SCHEMA.names())
    row.update(
        check_id=f"k{i}",
        kind=kind,
        status=status,
        description=description,
        claim_ids=[],
        quantity_ids=[],
    )
    return row


def test_notes_on_single_figures_are_counted_not_listed_as_checks() -> None:
    checks = pl.DataFrame(
        [
            _check("parts_sum", "holds", "4 + 6 = 10 against a total of 10", 0),
            *(
                _check("input", "warning", f"'{n} boats': no date", i)
                for i, n in enumerate([3, 5], 1)
            ),
        ],
        schema=CHECKS_SCHEMA,
    )
    html = report.checks_table(checks).text
    assert "4 + 6 = 10" in html
    assert "boats" not in html, "a note is not a row of the checks table"
    assert "2 notes" in html and "kind = input" in html


def test_a_share_with_no_whole_is_shown_as_derived_not_as_a_check_that_held() -> None:
    checks = pl.DataFrame(
        [
            _check(
                "share_of_whole",
                "derived",
                "300 being 5% of the fleet implies the fleet of about 6,000",
                0,
            ),
            _check("parts_sum", "holds", "4 + 6 = 10 against a total of 10", 1),
        ],
        schema=CHECKS_SCHEMA,
    )
    html = report.checks_table(checks).text
    assert ">derived<" in html and "no figure of the whole" in html
    assert html.count(">holds<") == 1, "only the parts that add up held"


def test_no_derived_note_without_a_derived_row() -> None:
    checks = pl.DataFrame(
        [_check("parts_sum", "fails", "4 + 5 = 9 against a total of 10", 0)],
        schema=CHECKS_SCHEMA,
    )
    assert "no figure of the whole" not in report.checks_table(checks).text


def test_only_notes_means_no_check_was_made() -> None:
    checks = pl.DataFrame(
        [_check("input", "warning", "'7 boats': no date", 0)], schema=CHECKS_SCHEMA
    )
    html = report.checks_table(checks).text
    assert "No arithmetic relation" in html and "1 note " in html


def test_left_out_counts_the_notes_on_grouped_figures() -> None:
    claims = pl.DataFrame(
        {
            "claim_id": ["c1", "c2", "c3"],
            "quantity_id": ["q1", "q1", "q1"],
            "group_note": ["no date: compared with other undated figures only"] * 2 + [None],
            "boilerplate": [False, False, False],
        }
    )
    lines = topic._noted(claims)
    assert lines == [
        "<p><b>2 figures</b> on this topic: no date: compared with other undated figures only.</p>"
    ]


# --------------------------------------------------------------------------- headlines


def test_headline_reads_as_english() -> None:
    q = _quantity("q1", "diverge")
    rows = [
        _assertion("a1", "q1", 2300.0, qualifier="at least", bound="lower"),
        _assertion(
            "a2",
            "q1",
            11000.0,
            asserter="unattributed (Coast Radio)",
            asserters=[],
            outlets=["Coast Radio"],
        ),
        _assertion("a3", "q1", 3900.0, asserter="Relief Office", as_of=dt.date(2031, 5, 5)),
        _assertion("a4", "q1", 3500.0, asserter="Relief Office", as_of=dt.date(2031, 5, 4)),
        _assertion("a5", "q1", 3500.0, asserter="Relief Office", as_of=dt.date(2031, 5, 4)),
        _assertion(
            "a6",
            "q1",
            3500.0,
            asserter="Relief Office",
            as_of=dt.date(2031, 5, 4),
            qualifier="at least",
            bound="lower",
        ),
    ]
    text = report.headline(q, pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA))
    assert "deaths in Norland" in text and "Norland deaths" not in text
    assert "at at least" not in text and "at 2,300 or more" in text
    assert "An unattributed report in Coast Radio puts" in text
    assert "(Coast Radio," not in text, "the outlet is named once"
    assert "also 3,500 (" in text or "also 3,500;" in text
    assert "3,500 and 3,500" not in text and "at least 3,500" not in text, "each value once"


# --------------------------------------------------------------- how a divergence is sized


def _storm(why: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A toll that an early count undershot (1,200 on 3 May) and two later offices that
    disagree about (4,000 against 9,000 on 6 May)."""
    q = _quantity(
        "q1",
        "diverge",
        low=1200.0,
        high=9000.0,
        spread=7.5,
        as_of_start=dt.date(2031, 5, 3),
        as_of_end=dt.date(2031, 5, 6),
        why=why,
    )
    rows = [
        _assertion("a1", "q1", 1200.0, asserter="unattributed (Coast Radio)", asserters=[]),
        _assertion("a2", "q1", 4000.0, asserter="Relief Office", as_of=dt.date(2031, 5, 6)),
        _assertion("a3", "q1", 9000.0, asserter="Lantern Society", as_of=dt.date(2031, 5, 6)),
    ]
    return q, rows


def test_a_divergence_is_sized_by_its_conflicting_pair_not_by_the_extremes() -> None:
    q, rows = _storm(
        "Lantern Society says 9,000 (1 report, 2031-05-06) — 4,000 from Relief Office "
        "against 9,000 from Lantern Society (2.2 times apart). Grouped as Norland."
    )
    text = report.headline(q, pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA))
    told = (
        "The disagreement is between Lantern Society, 9,000 on 6\u00a0May\u00a02031, and the "
        "Relief Office, 4,000 on 6\u00a0May\u00a02031: about 2.2 times apart."
    )
    assert told in text
    assert "7.5 times" not in text, "the early count is not part of the disagreement"
    assert (
        "From 3\u00a0May\u00a02031 to 6\u00a0May\u00a02031, the figures range from 1,200 "
        "(3\u00a0May\u00a02031) to 9,000 (6\u00a0May\u00a02031)."
    ) in text


def test_without_a_recorded_pair_only_the_range_is_told() -> None:
    q, rows = _storm("Lantern Society says 9,000 (1 report, 2031-05-06). Grouped as Norland.")
    text = report.headline(q, pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA))
    assert "disagreement" not in text and "apart" not in text
    assert "the figures range from 1,200 (3\u00a0May\u00a02031) to 9,000" in text


def test_a_pair_that_is_the_range_is_told_once() -> None:
    q, rows = _storm(
        "x — 1,200 from Coast Watch against 9,000 from Lantern Society (7.5 times apart)."
    )
    rows[0]["asserter"] = "Coast Watch"
    text = report.headline(q, pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA))
    assert "about 7.5 times apart" in text and "range from" not in text


def test_the_pair_is_read_whole_when_names_hold_from_and_against() -> None:
    why = (
        "y — 300 from Friends against Floods against 700 from Board from the Coast "
        "(2.3 times apart). Grouped as Norland."
    )
    rows = [
        _assertion("a1", "q1", 300.0, asserter="Friends against Floods"),
        _assertion("a2", "q1", 300.0, asserter="Friends"),
        _assertion("a3", "q1", 700.0, asserter="Board from the Coast"),
        _assertion("a4", "q1", 700.0, asserter="Board"),
    ]
    pair = prose.conflict_pair({"why": why}, rows)
    assert pair is not None
    assert [r["assertion_id"] for r in pair] == ["a1", "a3"]


def test_of_repeated_figures_the_pair_closest_in_date_is_taken() -> None:
    why = "z — 40 from Dock Office against 90 from Ferry Board (2.2 times apart)."
    rows = [
        _assertion("a1", "q1", 40.0, asserter="Dock Office", as_of=dt.date(2031, 5, 1)),
        _assertion("a2", "q1", 40.0, asserter="Dock Office", as_of=dt.date(2031, 5, 9)),
        _assertion("a3", "q1", 90.0, asserter="Ferry Board", as_of=dt.date(2031, 5, 10)),
    ]
    pair = prose.conflict_pair({"why": why}, rows)
    assert pair is not None and pair[0]["assertion_id"] == "a2"
    assert prose.conflict_pair({"why": "z — possibly the same quantity"}, rows) is None
    assert prose.conflict_pair({"why": None}, rows) is None


def test_the_pair_is_read_as_reconcile_writes_it() -> None:
    """Format drift in reconcile's ``why`` would silently drop the pair: read a real one."""
    from reconcile.verdicts import _verdict

    rows = [
        dict(r, sure=True, interval_low=None, interval_high=None, bound="exact")
        for r in _storm("")[1]
    ]
    facts = {
        "_n_reports": 3,
        "_n_rows": 3,
        "_low": 1200.0,
        "_best": 4000.0,
        "_high": 9000.0,
        "_n_sources": 2,
        "_n_docs": 3,
        "_named_docs": 2,
        "_changed": True,
    }
    judged = _verdict(rows, facts, threshold=0.25)
    assert judged[7] == "diverge"
    pair = prose.conflict_pair({"why": f"{judged[-1]}. Grouped as Norland."}, rows)
    assert pair is not None
    assert {r["assertion_id"] for r in pair} == {"a2", "a3"}


# --------------------------------------------------------------------------- denials


def test_a_denial_says_which_figures_it_disputes() -> None:
    stances = pl.DataFrame(
        {
            "doc_id": ["a1.txt", "a2.txt"],
            "who": ["Harbour board", "Harbour board"],
            "sentence": ["The board denied the toll.", "The board denied it owns the pier."],
            "entities": [["Harbour board"], ["Harbour board"]],
            "assertion_ids": [["a1"], []],
        },
        schema=STANCES_SCHEMA,
    )
    figures = _result([_quantity("q1", "diverge")], [_assertion("a1", "q1", 5.0)])
    html = report.stances_table(stances, figures=figures).text
    assert "figures it disputes" in html
    assert "Deaths in Norland, 3 May 2031 (q1)" in html
    assert tables.NO_FIGURE in html
    assert "figures it disputes" not in report.stances_table(stances).text


# --------------------------------------------------------------------------- title


def _settings(topic: str) -> Settings:
    return Settings(corpus=Path("."), out_dir=Path("."), topic=topic)


def test_title_counts_the_reports_about_the_topic() -> None:
    documents = pl.DataFrame(
        {
            "doc_id": ["a.txt", "b.txt", "c.txt"],
            "outlet": ["Coast Radio", "Harbour News", "Other Paper"],
            "published": [dt.date(2031, 5, 3), dt.date(2031, 5, 4), dt.date(2019, 1, 1)],
        }
    )
    corpus = report.Corpus(
        claims=pl.DataFrame(), documents=documents, skipped=pl.DataFrame(), texts={}
    )
    claims = pl.DataFrame({"doc_id": ["a.txt", "b.txt"], "quantity_id": ["q1", "q1"]})
    topic = _result([_quantity("q1", "diverge")], [], claims=claims)
    html = report.title_block(_settings("storm"), corpus, topic).text
    assert "2 of the 3 news reports read give figures about storm" in html
    assert "2 named outlets" in html and "2019" not in html
    bare = corpus.documents.with_columns(outlet=pl.lit(None, pl.String))
    unnamed = report.Corpus(claims=corpus.claims, documents=bare, skipped=corpus.skipped, texts={})
    html = report.title_block(_settings("storm"), unnamed, topic).text
    assert "0 named outlets" not in html and "--manifest" in html


# --------------------------------------------------------------------------- amounts and ticks


def test_shares_and_long_durations_read_naturally() -> None:
    assert format_amount(0.4, "fraction") == "40%"
    assert format_amount(360, "month") == "30 years"
    assert format_amount(30, "month") == "30 months"  # not a whole number of years


def test_day_ticks_are_evenly_spaced_across_a_month_end() -> None:
    low = mdates.date2num(dt.date(2031, 8, 20))
    high = mdates.date2num(dt.date(2031, 10, 12))
    ticks = timeline.day_ticks(low, high)
    gaps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(gaps) == 1 and len(ticks) <= timeline.MAX_DATE_TICKS
    assert all(t == int(t) for t in ticks)


def test_timeline_labels_never_fall_two_days_apart() -> None:
    days = [dt.date(2031, 9, d) for d in (3, 9, 14, 19)]
    rows = [_assertion(f"a{i}", "q1", 10.0 + i, as_of=d) for i, d in enumerate(days)]
    quantities = pl.DataFrame([_quantity("q1", "growth")], schema=QUANTITIES_SCHEMA)
    fig = plots.timeline_plot(
        pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA), quantities, series_id="s-q1"
    )
    ticks = list(fig.axes[0].get_xticks())
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(set(gaps)) == 1 and min(gaps) >= 3
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert len(set(labels)) == len(labels)


def test_range_plot_title_counts_the_independent_sources() -> None:
    q = _quantity("q1", "diverge", n_sources=2, n_assertions=3)
    rows = [_assertion(f"a{i}", "q1", 10.0 * (i + 1)) for i in range(3)]
    fig = plots.range_plot(q, pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA))
    texts = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    assert "3 assertions · 2 independent sources" in texts


def test_a_unit_of_two_words_takes_its_plural() -> None:
    assert format_amount(3, "ferry crossing") == "3 ferry crossings"
    assert format_amount(1, "ferry crossing") == "1 ferry crossing"


def test_the_overview_is_not_titled_as_the_disagreement(tmp_path: Path) -> None:
    quantities = pl.DataFrame(
        [_quantity("q1", "diverge"), _quantity("q2", "growth", spread=2.0)],
        schema=QUANTITIES_SCHEMA,
    )
    calls: list[dict[str, Any]] = []
    real = plots.divergence_overview

    def spy(frame: pl.DataFrame, **kw: Any) -> Any:
        calls.append(kw)
        return real(frame, **kw)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(plots, "divergence_overview", spy)
        figures = report.overview_figure(quantities, tmp_path)
    title = str(calls[0]["title"])
    assert title.startswith("How far apart") and "disagree" not in title
    assert "not the size of a disagreement" in figures.items[0][0]


def test_two_figures_in_conflict_are_told_once() -> None:
    q, rows = _storm(
        "x — 4,000 from Relief Office against 9,000 from Lantern Society (2.2 times apart)"
    )
    text = report.headline(q, pl.DataFrame(rows[1:], schema=ASSERTIONS_SCHEMA))
    assert text.endswith("— about 2.2 times apart.") and "disagreement is between" not in text


def test_the_method_note_says_a_divergence_is_a_pair_of_sources() -> None:
    note = report.method_note(_settings("storm")).text
    assert "two independent sources" in note and "names that pair" in note
    assert "middle values" not in note


def test_a_long_paragraph_still_names_the_pair_in_conflict() -> None:
    bests = [900.0, 800.0, 700.0, 600.0, 500.0, 400.0, 100.0]
    rows = [_assertion(f"a{i}", "q1", b, asserter=f"Watch post {i}") for i, b in enumerate(bests)]
    why = "w — 400 from Watch post 5 against 800 from Watch post 1 (2.0 times apart)"
    q = _quantity("q1", "diverge", why=why, n_assertions=len(rows))
    text = report.headline(q, pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA))
    assert "Watch post 5 at 400" in text, "the pair's lower side is named in the list"
    assert "Watch post 0 puts" in text and "the lowest: Watch post 6 at 100" in text
    named = [i for i in range(7) if f"Watch post {i} " in text.split(" The disagreement")[0]]
    assert len(named) == prose.MAX_NAMES and 5 in named
    assert "2 more in between" in text
