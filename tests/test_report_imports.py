"""Each notebook's kernel imports only what that notebook uses: the report module comes
without the plotting library and the extractor, which the notebooks that read tables or draw
nothing (02_reconcile in a report run) never need. Checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
from pathlib import Path
from newsfigures import report
loaded = {m: m in sys.modules for m in ("matplotlib", "extract.batch", "extract.corpus")}
if len(sys.argv) > 1:
    run = Path(sys.argv[1])
    settings = report.check_parameters(claims=run / "claims.parquet", out_dir=run)
    corpus = report.load_corpus(settings)
    loaded["after load"] = "extract.corpus" in sys.modules
    if len(sys.argv) > 2:  # what 02_reconcile shows, with figures: false (as in a report run)
        result = report.reconcile_corpus(settings, corpus)
        shown = [
            report.quantities_table(result.quantities, result.assertions),
            report.overview_figure(result.quantities, None),
            report.range_figures(result, None),
            report.timeline_figures(result, None),
            report.checks_table(result.checks),
            report.stances_table(result.stances, corpus.documents, figures=result),
        ]
        loaded["tables shown"] = all("<" in h._repr_html_() for h in shown)
        loaded["after tables"] = "matplotlib" in sys.modules
print(json.dumps(loaded))
"""


def _probe(*args: str) -> dict[str, bool]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg", "PATH": ""},
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_report_module_loads_neither_plots_nor_extractor() -> None:
    assert _probe() == {"matplotlib": False, "extract.batch": False, "extract.corpus": False}


def _tables(folder: Path) -> Path:
    from extract import extract_corpus_report, sample_corpus_path, write_table

    done = extract_corpus_report(sample_corpus_path(), progress=False)
    write_table(done.claims, folder / "claims.parquet")
    write_table(done.documents, folder / "documents.parquet")
    write_table(done.skipped, folder / "skipped.parquet")
    return folder


def test_reading_a_claims_table_needs_no_extractor(tmp_path: Path) -> None:
    assert _probe(str(_tables(tmp_path)))["after load"] is False


def test_the_reconcile_notebooks_tables_need_no_plotting_library(tmp_path: Path) -> None:
    """02_reconcile in a report run draws nothing: its tables (the quantities' spreads
    written as ratios among them) are shown without matplotlib, whose import is a second
    of one core that the run waits for."""
    loaded = _probe(str(_tables(tmp_path)), "tables")
    assert loaded["tables shown"] is True
    assert loaded["after tables"] is False
