"""Report figures drawn in worker processes: the same files as drawn in the report's own
process, in the order asked for, also from a kernel whose namespace was emptied (made-up
quantities, no real story)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from newsfigures import figures, report
from reconcile import ASSERTIONS_SCHEMA, QUANTITIES_SCHEMA


def _quantities(n: int) -> pl.DataFrame:
    rows = [
        {
            "quantity_id": f"q{i}",
            "label": f"lighthouses on coast number {i}",
            "unit": "lighthouse",
            "n_assertions": 2 + i % 3,
            "spread": 1.5 + i * 3.0,
            "verdict": "diverge" if i % 2 else "agree",
        }
        for i in range(n)
    ]
    return pl.DataFrame(rows, schema={name: QUANTITIES_SCHEMA[name] for name in rows[0]})


def _jobs() -> list[figures.FigureJob]:
    return [
        ("divergence_overview", (_quantities(n),), {"top": n}, f"overview-{n}") for n in (3, 6, 9)
    ]


def test_workers_draw_the_files_this_process_draws(tmp_path: Path) -> None:
    here = [figures._draw((job, tmp_path / "here")) for job in _jobs()]
    drawn = figures.draw_figures(_jobs(), tmp_path / "workers")
    # in the order of the jobs, whichever worker finished first
    assert [p.name for p in drawn] == ["overview-3.png", "overview-6.png", "overview-9.png"]
    for mine, theirs in zip(here, drawn, strict=True):
        assert mine.read_bytes() == theirs.read_bytes()
        assert mine.with_suffix(".svg").read_bytes() == theirs.with_suffix(".svg").read_bytes()


def test_workers_start_after_the_namespace_was_emptied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``%reset -f`` in a kernel takes ``__spec__`` from ``__main__``, which spawning reads
    monkeypatch.delattr(sys.modules["__main__"], "__spec__")
    drawn = figures.draw_figures(_jobs()[:2], tmp_path)
    assert all(p.is_file() and p.with_suffix(".svg").is_file() for p in drawn)


@pytest.mark.parametrize("n", [0, 1])
def test_no_or_one_figure_is_drawn_here(tmp_path: Path, n: int) -> None:
    drawn = figures.draw_figures(_jobs()[:n], tmp_path)
    assert [p.name for p in drawn] == [f"overview-{k}.png" for k in (3, 6, 9)[:n]]


def test_report_figures_are_the_three_cells_figures(tmp_path: Path) -> None:
    # drawn together in one set of workers: the same captions, notes and files as each
    # figure cell's own call
    settings = report.check_parameters(out_dir=tmp_path, topic="")
    result = report.reconcile_corpus(settings, report.load_corpus(settings))
    together = report.report_figures(result, tmp_path / "together")
    apart = (
        report.overview_figure(result.quantities, tmp_path / "apart"),
        report.range_figures(result, tmp_path / "apart"),
        report.timeline_figures(result, tmp_path / "apart"),
    )
    shown = (together.overview, together.ranges, together.timelines)
    assert [len(f) for f in shown] == [len(f) for f in apart]
    assert sum(len(f) for f in shown) >= 3  # an overview, a range and a timeline at least
    for mine, theirs in zip(shown, apart, strict=True):
        assert (mine.empty, mine.note) == (theirs.empty, theirs.note)
        assert [c for c, _ in mine.items] == [c for c, _ in theirs.items]
        for (_, png), (_, other) in zip(mine.items, theirs.items, strict=True):
            assert png.parent == tmp_path / "together"
            assert png.name == other.name and png.read_bytes() == other.read_bytes()
            svg, other_svg = png.with_suffix(".svg"), other.with_suffix(".svg")
            assert svg.read_bytes() == other_svg.read_bytes()
    assert report.report_figures(result, None).ranges.empty == figures.NOT_DRAWN


def _tight_png(fig: Any, path: Path) -> Path:
    fig.savefig(path, dpi=figures.DPI, bbox_inches="tight", metadata={"Software": None})
    return path


def _pixels(path: Path) -> Any:
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def test_a_saved_png_shows_what_a_tight_save_shows(tmp_path: Path) -> None:
    # drawn once and cut to the tight box: the tight save's size and picture (to a fraction
    # of a pixel's placing); the SVG covers the same box
    _, args, kwargs, name = _jobs()[1]
    plots = figures._plots()
    fig = plots.divergence_overview(*args, **kwargs)
    fig.text(0.5, 0.5, "a note in the middle")  # inside the figure: the PNG is cut
    other = plots.divergence_overview(*args, **kwargs)
    other.text(0.5, 0.5, "a note in the middle")
    tight = _tight_png(other, tmp_path / "tight.png")
    engine = fig.get_layout_engine()
    png = figures.save_figure(fig, tmp_path, name)
    assert fig.get_layout_engine() is engine  # given back as it was
    mine, theirs = _pixels(png), _pixels(tight)
    assert mine.shape == theirs.shape
    # placed to the nearest pixel: any shift by a pixel is further from the tight save, and
    # what differs is antialiasing (a quarter of a pixel's placing), not the picture
    inner = theirs[2:-2, 2:-2]
    apart = {
        (dy, dx): abs(
            mine[2 + dy : mine.shape[0] - 2 + dy, 2 + dx : mine.shape[1] - 2 + dx] - inner
        ).mean()
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
    }
    assert min(apart, key=apart.__getitem__) == (0, 0)
    assert apart[0, 0] < 4
    svg = png.with_suffix(".svg").read_text(encoding="utf-8")
    width_pt = float(svg.split('width="', 1)[1].split("pt", 1)[0])
    assert abs(width_pt - mine.shape[1] * 72 / figures.DPI) < 1.0


def test_a_figure_drawn_past_its_edge_is_saved_whole(tmp_path: Path) -> None:
    # a text beyond the figure's right edge is in no cut of the drawing: savefig saves it
    _, args, kwargs, name = _jobs()[0]
    plots = figures._plots()
    figs = [plots.divergence_overview(*args, **kwargs) for _ in range(2)]
    for fig in figs:
        fig.text(1.02, 0.5, "a note past the edge")
    tight = _tight_png(figs[0], tmp_path / "tight.png")
    png = figures.save_figure(figs[1], tmp_path, name)
    assert png.read_bytes() == tight.read_bytes()


def test_a_figure_is_laid_out_once_for_both_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, args, kwargs, name = _jobs()[0]
    fig = figures._plots().divergence_overview(*args, **kwargs)
    engine = fig.get_layout_engine()
    runs: list[object] = []
    monkeypatch.setattr(engine, "execute", lambda f, done=engine.execute: runs.append(done(f)))
    figures.save_figure(fig, tmp_path, name)
    assert len(runs) == 1


def test_figure_jobs_carry_the_columns_the_plots_read(tmp_path: Path) -> None:
    # a job's assertions are cut to PLOTTED: every range and timeline plot of the sample is
    # the same file as one drawn from its whole assertion rows
    settings = report.check_parameters(out_dir=tmp_path, topic="")
    result = report.reconcile_corpus(settings, report.load_corpus(settings))
    jobs = [
        *figures._range_plan(result, verdict="diverge", limit=figures.MAX_FIGURES).jobs,
        *figures._timeline_plan(result, limit=figures.MAX_TIMELINES).jobs,
    ]
    assert {kind for kind, *_ in jobs} == {"range_plot", "timeline_plot"}
    for kind, args, kwargs, name in jobs:
        if kind == "range_plot":
            ids = [args[0]["quantity_id"]]
        else:
            ids = args[1].get_column("quantity_id").to_list()
        whole = result.assertions.filter(pl.col("quantity_id").is_in(ids))
        assert set(args[1 if kind == "range_plot" else 0].columns) < set(whole.columns)
        full = (args[0], whole) if kind == "range_plot" else (whole, args[1])
        cut = figures._draw(((kind, args, kwargs, name), tmp_path / "cut"))
        kept = figures._draw(((kind, full, kwargs, name), tmp_path / "whole"))
        assert cut.read_bytes() == kept.read_bytes()
        assert cut.with_suffix(".svg").read_bytes() == kept.with_suffix(".svg").read_bytes()


def _made_up_assertions() -> pl.DataFrame:
    """Estimates of one made-up count that use every column a plot may read: an open bound
    with no interval, a disputed figure, a possibly misprinted one, publication dates apart
    from the dates described."""
    day = dt.date(2021, 3, 1)
    rows = [
        ("a1", "harbour board", 40.0, None, None, "lower", [], None, 0),
        ("a2", "pier trust", 90.0, 80.0, 100.0, "range", ["harbour board"], None, 9),
        ("a3", "ferry union", 65.0, None, None, "exact", [], None, 30),
        ("a4", "ferry union", 6500.0, None, None, "exact", [], "a stray digit", 30),
        ("a5", "dock office", 70.0, None, None, "upper", [], None, 60),
    ]
    return pl.DataFrame(
        [
            {
                "assertion_id": aid,
                "quantity_id": "q-ferries",
                "asserter": who,
                "asserters": [who],
                "as_of": day + dt.timedelta(days=days),
                "best": best,
                "interval_low": low,
                "interval_high": high,
                "bound": bound,
                "qualifier": None,
                "surface": f"{best:g} ferries",
                "n_reports": 1 + days % 3,
                "doc_ids": [f"doc-{aid}"],
                "outlets": ["Pier Post"],
                "first_published": day + dt.timedelta(days=days + 40),
                "claim_ids": [f"c-{aid}"],
                "disputed_by": disputed,
                "weight": 1.0,
                "doubt": doubt,
            }
            for aid, who, best, low, high, bound, disputed, doubt, days in rows
        ],
        schema=ASSERTIONS_SCHEMA,
    )


@pytest.mark.parametrize("column", figures.PLOTTED)
def test_each_plotted_column_is_one_a_plot_reads(tmp_path: Path, column: str) -> None:
    # the made-up estimates drawn from PLOTTED alone are the files drawn from every column,
    # and without any one column of PLOTTED a figure differs (or cannot be drawn)
    whole = _made_up_assertions()
    quantity = {"quantity_id": "q-ferries", "label": "ferries in the bay", "unit": "ferry"}
    quantities = pl.DataFrame(
        [{**quantity, "series_id": "s-ferries", "best": 60.0}],
        schema={
            **{k: QUANTITIES_SCHEMA[k] for k in quantity},
            "series_id": pl.String,
            "best": pl.Float64,
        },
    )

    def drawn(frame: pl.DataFrame, tag: str) -> list[bytes]:
        jobs = [
            ("range_plot", (quantity, frame), {}, "range"),
            ("timeline_plot", (frame, quantities), {"series_id": "s-ferries"}, "timeline"),
        ]
        return [figures._draw((job, tmp_path / tag)).read_bytes() for job in jobs]

    assert drawn(figures._plotted(whole), "plotted") == drawn(whole, "whole")
    try:
        without = drawn(whole.drop(column), "without")
    except (pl.exceptions.ColumnNotFoundError, KeyError):
        return
    assert without != drawn(whole, "whole")
