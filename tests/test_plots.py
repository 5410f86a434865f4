"""Figures of reconciled quantities (reconcile.plots), on small hand-made tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np

matplotlib.use("Agg")

import polars as pl
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from reconcile import plots
from reconcile.plots import (
    asserter_colors,
    divergence_overview,
    format_value,
    range_plot,
    timeline_plot,
)
from reconcile.schema import ASSERTIONS_SCHEMA, QUANTITIES_SCHEMA

SERIES = "guard-personnel-ukraine"


def assertion(**values: Any) -> dict[str, Any]:
    """One assertions row; unspecified columns are null (lists empty)."""
    row: dict[str, Any] = dict.fromkeys(ASSERTIONS_SCHEMA.names())
    for name in ("asserters", "doc_ids", "outlets", "claim_ids", "disputed_by"):
        row[name] = []
    row.update(values)
    return row


def quantity(**values: Any) -> dict[str, Any]:
    """One quantities row; unspecified columns are null."""
    row: dict[str, Any] = dict.fromkeys(QUANTITIES_SCHEMA.names())
    row.update(values)
    return row


def assertions_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=ASSERTIONS_SCHEMA)


def quantities_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=QUANTITIES_SCHEMA)


def example_tables() -> tuple[pl.DataFrame, pl.DataFrame]:
    """A made-up example: personnel in Ukraine (two windows) and monthly spending."""
    quantities = quantities_frame(
        [
            quantity(
                quantity_id="q-personnel-2022-03",
                series_id=SERIES,
                label="Tarrow Guard personnel in Ukraine, March 2022",
                subject="Tarrow Guard",
                concept="personnel",
                dimension="count",
                unit="personnel",
                as_of_start=dt.date(2022, 3, 28),
                as_of_end=dt.date(2022, 3, 28),
                n_reports=2,
                n_assertions=1,
                low=1000.0,
                best=1050.0,
                high=1200.0,
                spread=1.0,
                verdict="single",
                why="one assertion",
            ),
            quantity(
                quantity_id="q-personnel-2022-12",
                series_id=SERIES,
                label="Tarrow Guard personnel in Ukraine, Dec 2022 – Jan 2023",
                subject="Tarrow Guard",
                concept="personnel",
                dimension="count",
                unit="personnel",
                as_of_start=dt.date(2022, 12, 22),
                as_of_end=dt.date(2023, 1, 20),
                n_reports=7,
                n_assertions=3,
                low=19000.0,
                best=20000.0,
                high=50000.0,
                spread=50000.0 / 19000.0,
                verdict="diverge",
                why="US 50,000 vs UK about 20,000",
            ),
            quantity(
                quantity_id="q-spending-month",
                series_id="guard-spending-month",
                label="Tarrow Guard spending in Ukraine, per month",
                subject="Tarrow Guard",
                concept="spending",
                dimension="currency",
                unit="USD",
                per="month",
                as_of_start=dt.date(2023, 1, 20),
                as_of_end=dt.date(2023, 1, 20),
                n_reports=3,
                n_assertions=1,
                low=1e8,
                best=1e8,
                high=None,
                spread=1.0,
                verdict="single",
                why="one assertion",
            ),
        ]
    )
    assertions = assertions_frame(
        [
            assertion(
                assertion_id="a1",
                quantity_id="q-personnel-2022-03",
                asserter=None,
                as_of=dt.date(2022, 3, 28),
                best=1050.0,
                interval_low=1000.0,
                interval_high=1200.0,
                bound="lower",
                qualifier="just over",
                surface="just over 1,000",
                n_reports=2,
                first_published=dt.date(2022, 3, 28),
            ),
            assertion(
                assertion_id="a2",
                quantity_id="q-personnel-2022-12",
                asserter="US government",
                asserters=["US officials", "Jo Bell"],
                as_of=dt.date(2022, 12, 22),
                best=50000.0,
                interval_low=50000.0,
                interval_high=50000.0,
                bound="exact",
                surface="50,000",
                n_reports=3,
                first_published=dt.date(2022, 12, 22),
            ),
            assertion(
                assertion_id="a3",
                quantity_id="q-personnel-2022-12",
                asserter="UK government",
                asserters=["UK Ministry of Defence"],
                as_of=dt.date(2023, 1, 17),
                best=19000.0,
                interval_low=18000.0,
                interval_high=20000.0,
                bound="upper",
                qualifier="nearly",
                surface="nearly 20,000",
                n_reports=2,
                first_published=dt.date(2023, 1, 17),
            ),
            assertion(
                assertion_id="a4",
                quantity_id="q-personnel-2022-12",
                asserter="UK government",
                asserters=["UK Ministry of Defence"],
                as_of=dt.date(2023, 1, 20),
                best=20000.0,
                interval_low=20000.0,
                interval_high=None,
                bound="lower",
                qualifier="more than",
                surface="more than 20,000",
                n_reports=2,
                first_published=dt.date(2023, 1, 20),
            ),
            assertion(
                assertion_id="a5",
                quantity_id="q-spending-month",
                asserter="US government",
                as_of=dt.date(2023, 1, 20),
                best=1e8,
                interval_low=1e8,
                interval_high=None,
                bound="lower",
                qualifier="more than",
                surface="more than $100 million",
                n_reports=3,
                first_published=dt.date(2023, 1, 20),
            ),
        ]
    )
    return quantities, assertions


def quantity_row(quantities: pl.DataFrame, quantity_id: str) -> dict[str, Any]:
    return quantities.filter(pl.col("quantity_id") == quantity_id).row(0, named=True)


def by_gid(ax: Axes, gid: str) -> list[Any]:
    return [artist for artist in ax.get_children() if artist.get_gid() == gid]


def n_points(ax: Axes) -> int:
    collections = [c for c in by_gid(ax, "points") if isinstance(c, PathCollection)]
    return sum(np.asarray(c.get_offsets()).shape[0] for c in collections)


def n_segments(ax: Axes, gid: str = "intervals") -> int:
    return sum(len(c.get_segments()) for c in by_gid(ax, gid) if isinstance(c, LineCollection))


def arrows(ax: Axes) -> list[Annotation]:
    return [t for t in ax.texts if isinstance(t, Annotation) and t.get_gid() == "open-bound"]


def message(fig: Figure) -> str:
    return " ".join(
        t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid() == "empty-message"
    )


def saves(fig: Figure, path: Path) -> None:
    fig.savefig(path, dpi=60)
    assert path.stat().st_size > 1000


@pytest.fixture
def tables() -> tuple[pl.DataFrame, pl.DataFrame]:
    return example_tables()


# --------------------------------------------------------------------------- format_value


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (20000, None, "20k"),
        (1.5e6, None, "1.5M"),
        (1e8, "USD", "$100M"),
        (2.5e9, "GBP", "£2.5B"),
        (3e5, "EUR", "€300k"),
        (1050, None, "1,050"),
        (999_999, None, "1M"),
        (0.25, None, "0.25"),
        (12.5, "%", "12.5%"),
        (-5e6, "USD", "−$5M"),
        (50000, "personnel", "50k"),
        (float("nan"), None, "n/a"),
        (None, None, "n/a"),
    ],
)
def test_format_value(value: float | None, unit: str | None, expected: str) -> None:
    assert format_value(value, unit=unit) == expected


def test_asserter_colors_are_stable_and_distinct() -> None:
    names = [f"camp {i}" for i in range(8)]
    first = asserter_colors(names)
    assert first == asserter_colors(list(reversed(names)))  # order does not matter
    assert len(set(first.values())) == len(names)  # no two asserters share a colour
    pair = asserter_colors(["US government", "UK government"])
    assert pair["US government"] == asserter_colors(["US government"])["US government"]
    assert asserter_colors(["x"], overrides={"x": "black"}) == {"x": "black"}
    assert asserter_colors(["unattributed"])["unattributed"] == "#7f7f7f"


# --------------------------------------------------------------------------- range_plot


def test_range_plot_rows_points_bars_and_arrows(tables: Any, tmp_path: Path) -> None:
    quantities, assertions = tables
    q = quantity_row(quantities, "q-personnel-2022-12")
    fig = range_plot(q, assertions)  # the whole table: filtered to the quantity
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 3
    assert labels[0] == "US government · 2022-12-22 · 3 reports"
    assert n_points(ax) == 3
    assert n_segments(ax) == 1  # "nearly 20,000": 18,000 to 20,000
    (arrow,) = arrows(ax)  # "more than 20,000": open above, pointing right
    assert arrow.xy[0] > arrow.xyann[0]
    assert ax.get_xscale() == "linear"  # 50,000 / 18,000 < 20
    assert ax.get_xlabel() == "personnel"
    assert "diverge" in fig.get_suptitle()
    assert "Tarrow Guard personnel in Ukraine" in fig.get_suptitle()
    # sources that disagree have no consensus: no line, no "consensus" words
    assert by_gid(ax, "consensus") == []
    assert not any("consensus" in t.get_text() for t in ax.texts)
    # the same figures from sources that agree: the consensus is drawn
    (agreed,) = range_plot({**q, "verdict": "agree"}, assertions).axes
    consensus = by_gid(agreed, "consensus")
    assert len(consensus) == 1 and consensus[0].get_xdata()[0] == 20000.0
    assert any(t.get_text() == "consensus 20k" for t in agreed.texts)
    saves(fig, tmp_path / "range.png")


def test_range_plot_currency_axis_and_open_bound(tables: Any, tmp_path: Path) -> None:
    quantities, assertions = tables
    q = quantities.filter(pl.col("quantity_id") == "q-spending-month")  # a one-row frame
    fig = range_plot(q, assertions)
    (ax,) = fig.axes
    assert ax.get_xlabel() == "USD per month"
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "US government · 2023-01-20 · 3 reports"
    ]
    (arrow,) = arrows(ax)
    assert arrow.xy[0] > arrow.xyann[0]
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and all(t.startswith("$") and t.endswith("M") for t in ticks)
    saves(fig, tmp_path / "spending.png")


def test_range_plot_upper_bound_points_left_and_disputed_is_hollow() -> None:
    q = quantity(quantity_id="q", label="casualties", unit="people", best=400.0)
    frame = assertions_frame(
        [
            assertion(quantity_id="q", asserter="A", best=500.0, interval_high=500.0),
            assertion(quantity_id="q", asserter="B", best=300.0, disputed_by=["A"]),
        ]
    )
    fig = range_plot(q, frame)
    (ax,) = fig.axes
    (arrow,) = arrows(ax)
    assert arrow.xy[0] < arrow.xyann[0]
    (points,) = by_gid(ax, "points")
    faces = points.get_facecolors()
    assert tuple(faces[1][:3]) == (1.0, 1.0, 1.0)  # B (disputed): white inside
    assert tuple(faces[0][:3]) != (1.0, 1.0, 1.0)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[1].endswith("disputed by A")
    assert "undated" in labels[0]


def test_range_plot_log_scale_when_spread_is_large(tmp_path: Path) -> None:
    q = quantity(quantity_id="q", label="x", unit="t", best=300.0)
    frame = assertions_frame(
        [
            assertion(quantity_id="q", asserter="A", best=100.0),
            assertion(quantity_id="q", asserter="B", best=5000.0),
        ]
    )
    ax = range_plot(q, frame).axes[0]
    assert ax.get_xscale() == "log"
    assert range_plot(q, frame, log=False).axes[0].get_xscale() == "linear"
    near = frame.with_columns(pl.Series("best", [100.0, 150.0]))
    assert range_plot(q, near).axes[0].get_xscale() == "linear"
    assert range_plot(q, near, log=True).axes[0].get_xscale() == "log"
    saves(range_plot(q, frame), tmp_path / "log.png")


def test_range_plot_empty_gives_a_message(tmp_path: Path) -> None:
    q = quantity(quantity_id="q", label="Tarrow Guard personnel", unit="personnel")
    fig = range_plot(q, assertions_frame([]))
    assert isinstance(fig, Figure)
    assert "No assertions" in message(fig)
    saves(fig, tmp_path / "empty.png")


def test_range_plot_needs_few_columns() -> None:
    q = {"label": "Tarrow Guard personnel", "unit": "personnel"}
    frame = pl.DataFrame({"asserter": ["US government", "UK government"], "best": [5e4, 2e4]})
    ax = range_plot(q, frame, title="minimal").axes[0]
    assert n_points(ax) == 2
    assert ax.get_xlabel() == "personnel"


def test_range_plot_rejects_bad_input() -> None:
    quantities, assertions = example_tables()
    with pytest.raises(ValueError, match="one row"):
        range_plot(quantities, assertions)
    q = quantity(quantity_id="q", label="x", best=1.0)
    frame = assertions_frame([assertion(quantity_id="q", asserter="A", best=-1.0)])
    with pytest.raises(ValueError, match="positive"):
        range_plot(q, frame, log=True)


def test_range_plot_leaves_pyplot_alone(tables: Any) -> None:
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    quantities, assertions = tables
    range_plot(quantity_row(quantities, "q-personnel-2022-12"), assertions)
    timeline_plot(assertions, quantities, series_id=SERIES)
    divergence_overview(quantities)
    assert plt.get_fignums() == before


# --------------------------------------------------------------------------- timeline_plot


def test_timeline_plot_series(tables: Any, tmp_path: Path) -> None:
    quantities, assertions = tables
    fig = timeline_plot(assertions, quantities, series_id=SERIES)
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    assert n_points(ax) == 4  # spending is another series
    assert len(by_gid(ax, "line")) == 1  # only the UK government has two estimates
    assert n_segments(ax) == 2  # "just over 1,000" and "nearly 20,000"
    (arrow,) = arrows(ax)  # "more than 20,000" points up
    assert arrow.xy[1] > arrow.xyann[1]
    assert ax.get_yscale() == "log"  # 1,000 to 50,000
    assert ax.get_ylabel() == "personnel"
    assert fig.get_suptitle() == "Tarrow Guard personnel in Ukraine"  # the labels' common part
    assert n_segments(ax, "consensus") == 0  # one source, and two that disagree: none
    agreeing = quantities.with_columns(verdict=pl.lit("agree"))
    (agreed,) = timeline_plot(assertions, agreeing, series_id=SERIES).axes
    assert n_segments(agreed, "consensus") == 2
    legend = ax.get_legend()
    assert legend is not None
    names = [t.get_text() for t in legend.get_texts()]
    assert {"US government", "UK government", "unattributed"} <= set(names)
    saves(fig, tmp_path / "timeline.png")
    # The legend sits right of the plotting area.
    fig.draw_without_rendering()
    assert legend.get_window_extent().x0 >= ax.get_window_extent().x1


def test_timeline_gathers_the_figures_of_one_asserter_on_one_day(tmp_path: Path) -> None:
    """Figures an asserter gives on one day are one mark: a dot at their median, as large as
    they are many, a thin line from the lowest to the highest, one arrow for their furthest
    open bound; a disputed one stays apart, and a lone figure keeps its own interval."""
    day, later = dt.date(2031, 5, 2), dt.date(2031, 7, 9)
    said = [  # (best, low, high, bound, disputed by)
        (120.0, 120.0, 120.0, "exact", []),
        (300.0, 270.0, 330.0, "approx", []),
        (95.0, 95.0, None, "lower", []),  # more than 95
        (210.0, 210.0, None, "lower", []),  # more than 210: the furthest, drawn
        (500.0, 500.0, 500.0, "exact", ["Harbour board"]),
    ]
    rows = [
        assertion(
            assertion_id=f"g{i}",
            quantity_id="q-cranes",
            asserter="Port authority",
            as_of=day,
            best=best,
            interval_low=low,
            interval_high=high,
            bound=bound,
            disputed_by=disputed,
            first_published=day,
        )
        for i, (best, low, high, bound, disputed) in enumerate(said)
    ]
    rows.append(
        assertion(
            assertion_id="lone",
            quantity_id="q-cranes",
            asserter="Port authority",
            as_of=later,
            best=150.0,
            interval_low=140.0,
            interval_high=160.0,
            bound="approx",
            first_published=later,
        )
    )
    cranes = quantities_frame(
        [
            quantity(
                quantity_id="q-cranes",
                series_id="cranes",
                label="Cranes ordered",
                unit="cranes",
                dimension="count",
                verdict="growth",
                n_assertions=6,
            )
        ]
    )
    fig = timeline_plot(assertions_frame(rows), cranes, series_id="cranes")
    ax = fig.axes[0]
    (dots,) = by_gid(ax, "points")
    offsets = np.asarray(dots.get_offsets())
    assert len(offsets) == 3  # four figures gathered, the disputed one, the lone one
    sizes = list(dots.get_sizes())
    assert sizes[0] > sizes[1] == sizes[2]  # the gathered mark is the largest
    assert sorted(offsets[:, 1]) == [150.0, 165.0, 500.0]  # 165: the median of the four
    ((low, high),) = [(s[0][1], s[1][1]) for s in by_gid(ax, "gathered")[0].get_segments()]
    assert (low, high) == (95.0, 330.0)
    (alone,) = by_gid(ax, "intervals")[0].get_segments()
    assert (alone[0][1], alone[1][1]) == (140.0, 160.0)
    (arrow,) = arrows(ax)
    assert arrow.xyann[1] == 210.0 and arrow.xy[1] > 210.0
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    assert any(text.startswith("up to 4 figures of one asserter on one day") for text in legend)
    saves(fig, tmp_path / "gathered.png")
    single_day = timeline_plot(assertions_frame(rows[1:2] + rows[-1:]), cranes, series_id="cranes")
    legend = [t.get_text() for t in single_day.axes[0].get_legend().get_texts()]
    assert not any(text.startswith("up to") for text in legend), "nothing gathered, no entry"


def test_timeline_plot_without_series_id(tables: Any) -> None:
    quantities, assertions = tables
    personnel = assertions.filter(pl.col("quantity_id") != "q-spending-month")
    ax = timeline_plot(personnel, quantities).axes[0]
    assert n_points(ax) == 4
    with pytest.raises(ValueError, match="series_id"):
        timeline_plot(assertions, quantities)


def test_timeline_plot_empty_and_undated(tables: Any, tmp_path: Path) -> None:
    quantities, assertions = tables
    fig = timeline_plot(assertions.clear(), quantities, series_id=SERIES)
    assert "No assertions" in message(fig)
    saves(fig, tmp_path / "empty.png")
    undated = assertions.filter(pl.col("quantity_id") == "q-spending-month").with_columns(
        pl.lit(None, pl.Date).alias("as_of"), pl.lit(None, pl.Date).alias("first_published")
    )
    fig = timeline_plot(undated, quantities, series_id="guard-spending-month")
    assert "No dated assertions" in message(fig)
    mixed = pl.concat([assertions.filter(pl.col("quantity_id") != "q-spending-month"), undated])
    some = timeline_plot(mixed.filter(pl.col("assertion_id") != "a5"), quantities)
    assert "undated" not in some.axes[0].get_xlabel()


# --------------------------------------------------------------------------- overview


def overview_table(n: int) -> pl.DataFrame:
    rows = [
        quantity(
            quantity_id=f"q{i}",
            label=f"Quantity number {i} with a rather long label that must be wrapped onto "
            "more than one line and then cut short because it goes on and on",
            unit="people",
            n_assertions=2 + i % 3,
            spread=1.0 + i * 7.5,
            verdict="diverge" if i % 2 else "agree",
        )
        for i in range(n)
    ]
    rows.append(
        quantity(quantity_id="lone", label="single", n_assertions=1, spread=1.0, verdict="single")
    )
    return quantities_frame(rows)


def test_divergence_overview_ranks_and_limits(tmp_path: Path) -> None:
    table = overview_table(20)
    fig = divergence_overview(table, top=12)
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    assert len(by_gid(ax, "spread-bar")) == 12
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 12
    assert all(len(line) <= 44 for label in labels for line in label.split("\n"))
    assert all(label.count("\n") <= 1 for label in labels)
    # All ten diverging quantities first, by decreasing spread, then the largest agreeing two.
    assert labels[0].startswith("Quantity number 19 ")
    assert labels[9].startswith("Quantity number 1 ")
    assert labels[10].startswith("Quantity number 18 ")
    assert ax.get_xscale() == "log"  # largest spread 143.5
    assert "spread" in ax.get_xlabel()
    saves(fig, tmp_path / "overview.png")


def test_divergence_overview_linear_and_verdict_colours() -> None:
    fig = divergence_overview(overview_table(3))
    (ax,) = fig.axes
    assert ax.get_xscale() == "linear"
    bars = by_gid(ax, "spread-bar")
    assert len(bars) == 3  # the single-assertion quantity is left out
    assert bars[0].get_facecolor() != bars[1].get_facecolor()


def test_divergence_overview_empty_state(tmp_path: Path) -> None:
    fig = divergence_overview(quantities_frame([]))
    assert "Nothing diverges" in message(fig)
    saves(fig, tmp_path / "empty.png")
    lone = quantities_frame(
        [quantity(quantity_id="q", label="x", n_assertions=1, spread=1.0, verdict="single")]
    )
    assert "Nothing diverges" in message(divergence_overview(lone))
    with pytest.raises(ValueError):
        divergence_overview(lone, top=0)


def test_timeline_consensus_drawn_beside_the_markers(tables: Any) -> None:
    """A legend entry for the consensus means a dashed segment a reader can see: one that
    sticks out beside the estimate's marker, not one hidden under it."""
    quantities, assertions = tables
    agreeing = quantities.with_columns(verdict=pl.lit("agree"))
    ax = timeline_plot(assertions, agreeing, series_id=SERIES).axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "consensus" in legend
    left, right = ax.get_xlim()
    for collection in by_gid(ax, "consensus"):
        for segment in collection.get_segments():
            assert segment[1][0] - segment[0][0] >= 0.05 * (right - left)


def test_log_axis_ticks_have_one_style(tables: Any) -> None:
    """Not "5,000" beside "20k": on an axis with ticks in k, thousands are in k too."""
    quantities, assertions = tables
    fig = timeline_plot(assertions, quantities, series_id=SERIES)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert any(lab.endswith("k") for lab in labels)
    assert not any("," in lab for lab in labels), labels


def test_divergence_overview_without_a_divergence_is_not_titled_as_one() -> None:
    rows = [
        quantity(quantity_id="g", label="growing", n_assertions=3, spread=4.0, verdict="growth"),
        quantity(quantity_id="a", label="agreeing", n_assertions=2, spread=1.1, verdict="agree"),
    ]
    title = divergence_overview(quantities_frame(rows)).get_suptitle()
    assert title.startswith("How far apart the estimates are") and "none diverges" in title
    rows.append(
        quantity(quantity_id="d", label="split", n_assertions=2, spread=2.0, verdict="diverge")
    )
    title = divergence_overview(quantities_frame(rows)).get_suptitle()
    assert title.startswith("Where the sources disagree")


@pytest.mark.parametrize(
    ("surface", "shown"),
    [
        ("4127", "4,127"),  # written without grouping in the report
        ("more than 15000 tonnes", "more than 15,000 tonnes"),
        ("2,806 people", "2,806 people"),  # already grouped
        ("0.30125", "0.30125"),  # decimals stay as written
        ("12.5 km", "12.5 km"),
        ("250 boats", "250 boats"),
    ],
)
def test_point_labels_group_numbers_one_way(surface: str, shown: str) -> None:
    assert plots._grouped(surface) == shown
