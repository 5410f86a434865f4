"""How `newsfigures report` ends: Ctrl-C, a topic no figure is about, a rename that matches
nothing. One line each, a telling exit status, and nothing unfinished presented as done."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
import yaml

from newsfigures import report
from newsfigures.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _status(out: Path) -> str:
    return str(yaml.safe_load((out / "parameters.yaml").read_text(encoding="utf-8"))["status"])


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("to_group", [True, False], ids=["ctrl-c", "sigint-to-parent"])
def test_ctrl_c_prints_one_line_and_exits_130(tmp_path: Path, to_group: bool) -> None:
    """Ctrl-C at a terminal signals the whole process group (kernels included); a
    scheduler may signal the parent alone. Either way: one line, 130, no report.html."""
    out = tmp_path / "run"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsfigures", "report", "--out", str(out), "--no-progress"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not (out / "01_extract.ipynb").exists() and time.monotonic() < deadline:
        time.sleep(0.2)  # interrupt while a notebook runs in its kernel
    assert proc.poll() is None, "the run ended before it could be interrupted"
    if to_group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert stderr.startswith("newsfigures: interrupted") and "Traceback" not in stderr
    assert stdout == "", "no report path is printed"
    assert not (out / "report.html").exists()
    assert _status(out) == "interrupted"
    time.sleep(2)
    assert not _group_alive(proc.pid), "kernels stopped with the command"


def test_unmatched_topic_and_unused_rename(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One run: the rename warns, the topic no figure is about fails the run (exit 1)."""
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text('rename:\n  "No such quantity": "Anything"\n', encoding="utf-8")
    out = tmp_path / "run"
    code = main(
        [
            "report",
            "--topic",
            "Zebrafinch",
            "--mapping",
            str(mapping),
            "--out",
            str(out),
            "--no-progress",
        ]
    )
    captured = capsys.readouterr()
    assert code == 1
    lines = captured.err.strip().splitlines()
    assert len(lines) == 2, lines
    assert "warning" in lines[0] and "'No such quantity' matches no quantity" in lines[0]
    assert "no figure is about the topic 'Zebrafinch'" in lines[1]
    assert captured.out == ""
    assert not (out / "report.html").exists()
    assert _status(out) == "failed"


def test_unused_renames_names_only_the_unused(tmp_path: Path) -> None:
    quantities = pl.DataFrame(
        {"quantity_id": ["q1", "q2"], "label": ["Troops in the north", "Cost per month"]}
    )
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        'rename:\n  q1: "Troops in the north"\n  "Typo label": "Something"\n', encoding="utf-8"
    )
    warnings = report.unused_renames(mapping, quantities)
    assert len(warnings) == 1 and "'Typo label'" in warnings[0]


def test_topic_found_reads_labels_and_sentences() -> None:
    quantities = pl.DataFrame(
        {"label": ["Harbour cranes"], "subject": [None], "concept": ["crane"]},
        schema_overrides={"subject": pl.String},
    )
    claims = pl.DataFrame({"sentence": ["The port of Tarnby ordered cranes."], "subject": [None]})
    assert report.topic_found("harbour", quantities, claims)
    assert report.topic_found("TARNBY", quantities, claims)
    assert not report.topic_found("zebrafinch", quantities, claims)
    assert report.topic_found("", quantities, claims)
