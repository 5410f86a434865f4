"""A report run executes its three notebooks in one kernel, emptied between notebooks: one
kernel start instead of three, and no notebook sees another's variables. Checked with three
small notebooks of our own that record their kernel's process id and what they can see."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

pytest.importorskip("papermill")

from newsfigures.run import NOTEBOOKS, RunSpec, run_report

SOURCES = {
    "01_extract.ipynb": "import os\nleftover = 'from the first notebook'\nprint(os.getpid(), False)",
    "02_reconcile.ipynb": (
        "import os\nimport polars as pl\n"
        "pl.DataFrame({'label': ['Boats in the harbour']}).write_parquet(out_dir + "
        "'/quantities.parquet')\n"
        "print(os.getpid(), 'leftover' in globals())"
    ),
    "03_report.ipynb": "import os\nprint(os.getpid(), 'leftover' in globals())",
}


def _notebook(code: str, *, parameters: bool) -> nbformat.NotebookNode:
    cells = []
    if parameters:
        cell = nbformat.v4.new_code_cell('out_dir = ""')
        cell.metadata["tags"] = ["parameters"]
        cells.append(cell)
    cells.append(nbformat.v4.new_code_cell(code))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def _printed(executed: Path) -> tuple[int, bool]:
    nb = nbformat.read(str(executed), as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    pid, seen = text.split()
    return int(pid), seen == "True"


def test_one_kernel_for_the_three_notebooks_emptied_between_them(tmp_path: Path) -> None:
    source = tmp_path / "notebooks"
    source.mkdir()
    for name in NOTEBOOKS:
        nb = _notebook(SOURCES[name], parameters=name == "02_reconcile.ipynb")
        nbformat.write(nb, str(source / name))
    out = tmp_path / "run"
    page = run_report(RunSpec(topic="", out=str(out)), notebooks=source)
    assert page.is_file()
    seen = {name: _printed(out / name) for name in NOTEBOOKS}
    pids = {pid for pid, _ in seen.values()}
    assert len(pids) == 1, f"one kernel for the run, not {len(pids)}"
    assert not seen["02_reconcile.ipynb"][1] and not seen["03_report.ipynb"][1]
    (pid,) = pids
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the kernel is stopped with the run
