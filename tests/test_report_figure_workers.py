"""Report figures drawn in worker processes: the same files as drawn in the report's own
process, in the order asked for, also from a kernel whose namespace was emptied (made-up
quantities, no real story)."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest

from newsfigures import report
from reconcile import QUANTITIES_SCHEMA


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


def _jobs() -> list[report.FigureJob]:
    return [
        ("divergence_overview", (_quantities(n),), {"top": n}, f"overview-{n}") for n in (3, 6, 9)
    ]


def test_workers_draw_the_files_this_process_draws(tmp_path: Path) -> None:
    here = [report._draw((job, tmp_path / "here")) for job in _jobs()]
    drawn = report.draw_figures(_jobs(), tmp_path / "workers")
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
    drawn = report.draw_figures(_jobs()[:2], tmp_path)
    assert all(p.is_file() and p.with_suffix(".svg").is_file() for p in drawn)


@pytest.mark.parametrize("n", [0, 1])
def test_no_or_one_figure_is_drawn_here(tmp_path: Path, n: int) -> None:
    drawn = report.draw_figures(_jobs()[:n], tmp_path)
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
    assert report.report_figures(result, None).ranges.empty == report.NOT_DRAWN


def test_a_saved_png_is_the_one_a_tight_save_gives(tmp_path: Path) -> None:
    # the layout and the tight box are found once for both files: the PNG is the file that
    # ``savefig(bbox_inches="tight")`` writes, and the SVG covers the same box
    _, args, kwargs, name = _jobs()[1]
    plots = report._plots()
    tight = tmp_path / "tight.png"
    plots.divergence_overview(*args, **kwargs).savefig(
        tight, dpi=report.DPI, bbox_inches="tight", metadata={"Software": None}
    )
    fig = plots.divergence_overview(*args, **kwargs)
    engine = fig.get_layout_engine()
    png = report.save_figure(fig, tmp_path, name)
    assert png.read_bytes() == tight.read_bytes()
    assert fig.get_layout_engine() is engine  # given back as it was
    raw = png.read_bytes()
    width_px = int.from_bytes(raw[16:20], "big")
    svg = png.with_suffix(".svg").read_text(encoding="utf-8")
    width_pt = float(svg.split('width="', 1)[1].split("pt", 1)[0])
    assert abs(width_pt - width_px * 72 / report.DPI) < 1.0


def test_a_figure_is_laid_out_once_for_both_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, args, kwargs, name = _jobs()[0]
    fig = report._plots().divergence_overview(*args, **kwargs)
    engine = fig.get_layout_engine()
    runs: list[object] = []
    monkeypatch.setattr(engine, "execute", lambda f, done=engine.execute: runs.append(done(f)))
    report.save_figure(fig, tmp_path, name)
    assert len(runs) == 1
