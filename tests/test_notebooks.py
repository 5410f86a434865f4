"""The notebook suite: committed notebooks are clean, runs write what they promise.

Kernel starts are slow, so one report run (the CLI, which executes the three notebooks with
papermill) is shared by the tests of this module; two more runs check that the notebooks
also work under papermill directly, and one checks a bad corpus fails in plain words.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import polars as pl
import pytest

pytest.importorskip("papermill")

import papermill

from extract import CLAIMS_SCHEMA, sample_corpus_path
from newsfigures import figures, page, report
from newsfigures import run as runs
from newsfigures.cli import main
from reconcile import ReconcileResult

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ("01_extract.ipynb", "02_reconcile.ipynb", "03_report.ipynb")


#: The sample story's names (entities, camps): the demo's mapping, not the package's data.
SAMPLE_MAPPING = NOTEBOOKS / "params" / "veskaria_mapping.yaml"


@pytest.fixture(autouse=True)
def _agg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One end-to-end report run on the sample corpus through the CLI."""
    out = tmp_path_factory.mktemp("run") / "sample-veskaria"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLBACKEND", "Agg")
        args = ["report", "--topic", "Veskaria", "--mapping", str(SAMPLE_MAPPING)]
        code = main([*args, "--out", str(out), "--no-progress"])
    assert code == 0
    return out


# --------------------------------------------------------------------------- committed notebooks


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_is_clean(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code), "outputs committed"
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"


@pytest.mark.parametrize("name", NAMES)
def test_parameters_are_documented(name: str) -> None:
    params = papermill.inspect_notebook(str(NOTEBOOKS / name))
    assert {"corpus", "out_dir"} <= set(params)
    for p in params.values():
        assert p["inferred_type_name"] in {"str", "int", "float", "bool"}, p
        assert p["help"], f"{p['name']} has no # help comment"


def test_params_file_names_a_run() -> None:
    from newsfigures.cli import load_params

    spec = load_params(NOTEBOOKS / "params" / "veskaria.yaml")
    assert spec.run_id == "sample-veskaria"
    assert spec.topic == "Veskaria"


# --------------------------------------------------------------------------- one shared run


def test_run_writes_everything(run: Path) -> None:
    for name in [*NAMES, "report.html", "parameters.yaml"]:
        assert (run / name).is_file(), name
    for table in ("claims", "documents", "skipped", "quantities", "assertions", "checks"):
        assert (run / f"{table}.parquet").is_file(), table
    pngs = sorted((run / "figures").glob("*.png"))
    assert pngs
    assert {p.stem for p in pngs} == {p.stem for p in (run / "figures").glob("*.svg")}


def test_executed_notebooks_ran_every_cell(run: Path) -> None:
    for name in NAMES:
        nb = nbformat.read(run / name, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count is not None for c in code), name
        errors = [o for c in code for o in c.outputs if o.output_type == "error"]
        assert not errors, (name, errors)


def test_claims_table(run: Path) -> None:
    claims = pl.read_parquet(run / "claims.parquet")
    assert claims.height > 0
    assert claims.schema == CLAIMS_SCHEMA


def test_quantities_and_the_known_divergence(run: Path) -> None:
    quantities = pl.read_parquet(run / "quantities.parquet")
    assert quantities.height > 0
    assert quantities.get_column("verdict").cast(pl.String)[0] == "diverge", "divergent first"
    homes = quantities.filter(
        (pl.col("concept") == "home") & (pl.col("verdict").cast(pl.String) == "diverge")
    )
    assert homes.height == 1
    assertions = pl.read_parquet(run / "assertions.parquet").filter(
        pl.col("quantity_id") == homes.get_column("quantity_id")[0]
    )
    said = dict(zip(assertions["asserter"], assertions["best"], strict=False))
    assert said.get("Veskarian government") == 400
    assert said.get("Tarsel Residents' Council") == 900


def test_report_html_tells_the_divergence(run: Path) -> None:
    page = (run / "report.html").read_text(encoding="utf-8")
    assert "more than 900" in page and "about 400" in page
    assert "diverge" in page
    assert "about 2.2 times apart" in page  # 900 / 400 = 2.25
    assert "report.check_parameters" not in page, "code must be hidden"
    assert "The Amrell Courier" in page and "Veskaria Today" in page, "sources listed"
    assert "data:image/png;base64" in page, "figures embedded"
    assert "<script" not in page.lower() and "<link" not in page.lower(), "self-contained"


def test_parameters_yaml_records_the_run(run: Path) -> None:
    import yaml

    recorded = yaml.safe_load((run / "parameters.yaml").read_text())
    assert recorded["topic"] == "Veskaria" and recorded["currency"] == "USD"
    assert recorded["run_id"] == "sample-veskaria"


def test_extract_notebook_shows_marked_claims(run: Path) -> None:
    nb = nbformat.read(run / "01_extract.ipynb", as_version=4)
    shown = json.dumps([c.outputs for c in nb.cells if c.cell_type == "code"])
    assert "<mark>" in shown
    assert "page furniture" in shown


def _recomputed(tmp_path: Path) -> tuple[report.Corpus, ReconcileResult]:
    settings = report.check_parameters(out_dir=tmp_path, mapping=SAMPLE_MAPPING)
    data = report.load_corpus(settings)
    return data, report.reconcile_corpus(settings, data)


def test_same_input_same_tables(run: Path, tmp_path: Path) -> None:
    """The run's tables equal a second computation in this process (another hash seed)."""
    data, result = _recomputed(tmp_path)
    assert pl.read_parquet(run / "claims.parquet").equals(data.claims)
    assert pl.read_parquet(run / "quantities.parquet").equals(result.quantities)
    assert pl.read_parquet(run / "assertions.parquet").equals(result.assertions)
    assert pl.read_parquet(run / "checks.parquet").equals(result.checks)
    assert pl.read_parquet(run / "stances.parquet").equals(result.stances)


# --------------------------------------------------------------------------- papermill directly


def test_extract_notebook_runs_without_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no parameters the notebook writes under the outputs folder (here moved by
    $NEWSFIGURES_OUTPUTS), not in the folder it runs in."""
    monkeypatch.setenv("NEWSFIGURES_OUTPUTS", str(tmp_path / "outputs"))
    papermill.execute_notebook(
        str(NOTEBOOKS / NAMES[0]),
        str(tmp_path / "out.ipynb"),
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    claims = pl.read_parquet(tmp_path / "outputs" / "notebooks" / "claims.parquet")
    assert claims.height > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ipynb", "outputs"]


def test_default_outputs_is_the_projects_ignored_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A notebook opened in JupyterLab runs in notebooks/: its outputs still go to outputs/."""
    monkeypatch.delenv("NEWSFIGURES_OUTPUTS", raising=False)
    monkeypatch.chdir(NOTEBOOKS)
    assert report.default_outputs() == ROOT / "outputs"
    assert report.check_parameters().out_dir == ROOT / "outputs" / "notebooks"
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "outputs/*" in ignored


def test_report_notebook_under_papermill(tmp_path: Path) -> None:
    out = tmp_path / "out"
    papermill.execute_notebook(
        str(NOTEBOOKS / NAMES[2]),
        str(tmp_path / "out.ipynb"),
        parameters={"corpus": str(sample_corpus_path()), "topic": "Veskaria", "out_dir": str(out)},
        kernel_name="python3",
        progress_bar=False,
    )
    html = page.export_html(tmp_path / "out.ipynb", tmp_path / "report.html")
    assert "more than 900" in html.read_text(encoding="utf-8")
    assert list((out / "figures").glob("*.png"))


# --------------------------------------------------------------------------- failures


def test_bad_corpus_fails_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bad"
    code = main(["report", "--corpus", str(tmp_path / "missing"), "--out", str(out)])
    assert code != 0
    captured = capsys.readouterr()
    assert "does not exist" in captured.err and "missing" in captured.err
    assert "Traceback" not in captured.err
    assert "report.html" not in captured.out


def test_notebook_checks_its_parameters_in_plain_words(tmp_path: Path) -> None:
    """Under papermill directly, the cell after the parameters refuses a bad currency."""
    with pytest.raises(papermill.PapermillExecutionError) as info:
        papermill.execute_notebook(
            str(NOTEBOOKS / NAMES[2]),
            str(tmp_path / "out.ipynb"),
            parameters={"currency": "XYZ", "out_dir": str(tmp_path / "out")},
            kernel_name="python3",
            progress_bar=False,
        )
    assert info.value.ename == "ParameterError"
    assert info.value.evalue.startswith("Unknown reporting currency 'XYZ'")
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    # papermill puts an error banner at the top of the file: find the cell by its count
    failed = [c for c in nb.cells if c.get("execution_count") == info.value.exec_count]
    assert len(failed) == 1
    assert "check_parameters" in failed[0].source, "the first cell after the parameters"


def test_bad_currency_is_refused_before_anything_runs() -> None:
    with pytest.raises(report.ParameterError, match="Unknown reporting currency 'XYZ'"):
        report.check_parameters(currency="XYZ")


def test_empty_corpus_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "blank.txt").write_text("")
    with pytest.raises(report.ParameterError, match="no readable news reports"):
        report.check_parameters(corpus=tmp_path / "empty")


def test_failing_cell_is_named(tmp_path: Path) -> None:
    """A notebook that fails after its checks names the notebook and cell, keeps the partial."""
    broken = tmp_path / "notebooks"
    broken.mkdir()
    for name in NAMES:
        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        if name == NAMES[0]:
            nb.cells.append(nbformat.v4.new_code_cell("raise KeyError('boom')"))
        nbformat.write(nb, broken / name)
    out = tmp_path / "run"
    with pytest.raises(runs.RunError) as info:
        runs.run_report(runs.RunSpec(out=str(out)), notebooks=broken)
    assert info.value.notebook == NAMES[0]
    assert "KeyError" in str(info.value) and "cell" in str(info.value)
    assert (out / NAMES[0]).is_file()
    assert not (out / "report.html").exists()


# --------------------------------------------------------------------------- mapping overrides


def test_mapping_file_is_checked_and_applied(tmp_path: Path) -> None:
    from newsfigures import report as rep

    bad = tmp_path / "bad.yaml"
    bad.write_text("merj: []\n", encoding="utf-8")
    with pytest.raises(rep.ParameterError, match="cannot be used"):
        rep.check_parameters(out_dir=tmp_path, mapping=bad)
    with pytest.raises(rep.ParameterError, match="does not exist"):
        rep.check_parameters(out_dir=tmp_path, mapping=tmp_path / "missing.yaml")
    settings = rep.check_parameters(out_dir=tmp_path)
    data = rep.load_corpus(settings)
    first = rep.reconcile_corpus(settings, data)
    label = first.quantities.filter(pl.col("verdict") == "diverge")["label"][0]
    good = tmp_path / "mapping.yaml"
    good.write_text(f'rename:\n  "{label}": "Homes lost to the eruption"\n', encoding="utf-8")
    renamed = rep.reconcile_corpus(rep.check_parameters(out_dir=tmp_path, mapping=good), data)
    assert "Homes lost to the eruption" in renamed.quantities["label"].to_list()


def test_report_notebook_reads_the_reconciled_tables(run: Path, tmp_path: Path) -> None:
    """03_report reads 02_reconcile's tables instead of reconciling a second time; what it
    reads equals a fresh computation."""
    nb = nbformat.read(run / NAMES[2], as_version=4)
    assert str(run.absolute()) in json.dumps(nb.metadata["papermill"]["parameters"])
    data, fresh = _recomputed(tmp_path)
    settings = report.check_parameters(out_dir=tmp_path, tables=run)
    read = report.reconcile_corpus(settings, data)
    assert read.claims.equals(fresh.claims)
    assert read.quantities.equals(fresh.quantities)
    assert read.assertions.equals(fresh.assertions)
    with pytest.raises(report.ParameterError, match=r"lacks grouped_claims\.parquet"):
        report.check_parameters(out_dir=tmp_path, tables=tmp_path)


# --------------------------------------------------------------------------- figures drawn once


def test_figures_parameter_is_a_yes_or_no(tmp_path: Path) -> None:
    with pytest.raises(report.ParameterError, match="figures must be true or false"):
        report.check_parameters(out_dir=tmp_path, figures="no")
    assert report.check_parameters(out_dir=tmp_path, figures=False).figures_dir is None
    assert report.check_parameters(out_dir=tmp_path).figures_dir == tmp_path / "figures"


def test_no_figures_drawn_without_a_folder(tmp_path: Path) -> None:
    settings = report.check_parameters(out_dir=tmp_path, figures=False)
    result = report.reconcile_corpus(settings, report.load_corpus(settings))
    shown = [
        report.overview_figure(result.quantities, settings.figures_dir),
        report.range_figures(result, settings.figures_dir),
        report.timeline_figures(result, settings.figures_dir),
    ]
    assert all(len(f) == 0 and figures.NOT_DRAWN in f._repr_html_() for f in shown)
    assert not (tmp_path / "figures").exists()


def test_report_run_draws_figures_once(run: Path) -> None:
    """02_reconcile draws none in a report run; 03_report draws what the report shows."""
    reconciled = (run / NAMES[1]).read_text(encoding="utf-8")
    assert "figures: false" in reconciled and "image/png" not in reconciled
    assert "image/png" in (run / NAMES[2]).read_text(encoding="utf-8")
