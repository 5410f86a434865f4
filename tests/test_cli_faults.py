"""The command line's exits: one line and a non-zero code for every failure, never a traceback."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

import extract.__main__ as cli
from extract.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
HARBOUR = "The harbour handled 1,200 containers on Monday, up 5% on the week.\n"


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(3):
        (folder / f"s{i}.txt").write_text(HARBOUR.replace("1,200", f"{i + 1},200"))
    return folder


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_ctrl_c_while_writing_one_parquet_file(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write = pl.DataFrame.write_parquet

    def half_then_ctrl_c(self: pl.DataFrame, file: str, **kwargs: object) -> None:
        write(self.head(1), file)  # part of the file is on disk when Ctrl-C comes
        raise KeyboardInterrupt

    monkeypatch.setattr(pl.DataFrame, "write_parquet", half_then_ctrl_c)
    out = tmp_path / "out" / "claims.parquet"
    assert main([str(news), "-o", str(out), "--workers", "1", "--no-progress"]) == 130
    assert one_line(capsys.readouterr().err).startswith("interrupted")
    assert list(out.parent.iterdir()) == []  # no partial file, no temporary file


def test_ctrl_c_during_the_summary(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_summary", interrupted)
    for out in (tmp_path / "claims.parquet", tmp_path / "folder"):
        assert main([str(news), "-o", str(out), "--workers", "1", "--no-progress"]) == 130
        assert one_line(capsys.readouterr().err).startswith("interrupted")


@pytest.mark.parametrize("output", ["claims.parquet", "folder/"])
def test_a_full_disk_is_one_line(
    news: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    output: str,
) -> None:
    def full(self: pl.DataFrame, file: str, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))

    monkeypatch.setattr(pl.DataFrame, "write_parquet", full)
    out = f"{tmp_path}/{output}"
    assert main([str(news), "-o", out, "--workers", "1", "--no-progress"]) == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith("error: No space left on device (")
    monkeypatch.undo()  # space again: the folder is not left locked or broken
    assert main([str(news), "-o", out, "--workers", "1", "--no-progress"]) == 0


def test_every_input_skipped_warns_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "blob.txt").write_bytes(bytes(range(256)))
    (folder / "empty.txt").write_text("")
    for out in (tmp_path / "claims.parquet", tmp_path / "folder"):
        assert main([str(folder), "-o", str(out), "--workers", "1", "--no-progress"]) == 1
        captured = capsys.readouterr()
        assert "0 documents read, 2 skipped" in captured.out
        assert one_line(captured.err) == "warning: every input was skipped: no document was read"


def test_max_bytes_option(news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (news / "long.txt").write_text(HARBOUR * 40)  # about 2.7 KB
    out = str(tmp_path / "claims.parquet")
    assert main([str(news), "-o", out, "--workers", "1", "--max-bytes", "1K"]) == 0
    assert "4 documents read" not in (printed := capsys.readouterr().out)
    assert "too large" in printed and "3 documents read, 1 skipped" in printed
    assert main([str(news), "-o", out, "--workers", "1", "--max-bytes", "1M"]) == 0
    assert "4 documents read, 0 skipped" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main([str(news), "-o", out, "--max-bytes", "lots"])
    assert exit_.value.code == 2
    assert "not a size" in capsys.readouterr().err


def test_outputs_get_the_usual_file_mode(news: Path, tmp_path: Path) -> None:
    mode = 0o666 & ~umask()
    assert main([str(news), "-o", str(tmp_path / "claims.parquet"), "--workers", "1"]) == 0
    assert main([str(news), "-o", str(tmp_path / "claims.csv"), "--workers", "1"]) == 0
    assert main([str(news), "-o", str(tmp_path / "folder"), "--workers", "1"]) == 0
    written = [
        tmp_path / "claims.parquet",
        tmp_path / "claims.csv",
        tmp_path / "claims_skipped.csv",
        tmp_path / "folder" / "claims" / "part-000000.parquet",
        tmp_path / "folder" / "_complete.json",
        tmp_path / "folder" / "skipped.csv",
    ]
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {
        p.name: oct(mode) for p in written
    }


def test_a_resumed_run_says_so(
    news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(news), "-o", str(tmp_path / "folder"), "--workers", "1", "--batch-size", "1"]
    assert main(args) == 0
    assert "resumed:" not in capsys.readouterr().out
    (news / "s2.txt").write_text(HARBOUR.replace("1,200", "7,700"))
    assert main(args) == 0
    assert "resumed: 2 of 3 partitions were finished by an earlier run and kept" in (
        capsys.readouterr().out
    )


def test_help_names_the_program_it_was_called_as(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["/usr/local/bin/newsfigures", "extract", "--help"])
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: newsfigures extract ")
    monkeypatch.setattr(sys, "argv", [str(ROOT / "extract" / "__main__.py"), "--help"])
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: python -m extract ")


def test_piping_into_a_reader_that_stops_early(news: Path, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "extract", str(news), "-o", str(tmp_path / "c.parquet")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`: nobody reads what it prints
    err = process.stderr.read().decode()
    process.wait(timeout=300)
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert process.returncode == 141


def test_a_killed_worker_is_one_line_and_the_run_resumes(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    source = tmp_path / "news.jsonl"
    source.write_text(
        "".join(
            f'{{"doc_id": "d{i}", "text": "{HARBOUR.strip()} Fares rose {i % 9 + 1}%."}}\n'
            for i in range(600)
        )
    )
    out = tmp_path / "folder"
    command = [sys.executable, "-m", "extract", str(source), "-o", f"{out}/", "--batch-size", "5"]
    process = subprocess.Popen(
        [*command, "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )
    try:
        deadline = time.monotonic() + 120
        while not any((out / "claims").glob("part-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = psutil.Process(process.pid).children()
        victim = next(w for w in workers if "resource_tracker" not in " ".join(w.cmdline()))
        victim.send_signal(signal.SIGKILL)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == 1, err
    line = one_line(err)
    assert "a worker process stopped unexpectedly (killed by signal 9)" in line
    assert line.endswith("run again to resume")
    again = subprocess.run(
        [*command, "--workers", "1"], capture_output=True, text=True, env=env(), timeout=300
    )
    assert again.returncode == 0, again.stderr
    assert "resumed: " in again.stdout and "600 documents read" in again.stdout


_SWALLOWED = """
import sys, time, weakref
{install}
class Lock:
    pass
def dropped(ref):  # Python runs it on its own, as importlib does for a module's lock
    raise {error}
lock = Lock()
ref = weakref.ref(lock, dropped)
try:
    del lock
    end = time.monotonic() + {wait}
    while time.monotonic() < end:  # (short sleeps: the Ctrl-C ends the first)
        time.sleep(0.01)
    print("ran on")
except KeyboardInterrupt:
    print("interrupted")
"""
_INSTALL = "from extract.interrupts import redeliver_swallowed_interrupts\nredeliver_swallowed_interrupts()"


@pytest.mark.parametrize("install", [_INSTALL, ""])
def test_a_ctrl_c_python_swallows_in_a_callback_arrives_again(install: str) -> None:
    """Python only prints a KeyboardInterrupt raised in a weak reference's callback; the
    command lines' hook delivers it again instead, without a traceback."""
    # (with the hook, the Ctrl-C comes 10 ms later; the wait may run long only so that a
    # machine under heavy load, whose timer thread may start late, still sees it arrive)
    code = _SWALLOWED.format(install=install, error="KeyboardInterrupt", wait=30 if install else 2)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env(), timeout=60
    )
    if install:
        assert (done.stdout.strip(), done.stderr) == ("interrupted", "")
    else:  # what the hook is for
        assert done.stdout.strip() == "ran on"
        assert "Exception ignored" in done.stderr


def test_other_exceptions_in_callbacks_are_printed_as_python_prints_them() -> None:
    code = _SWALLOWED.format(install=_INSTALL, error="ValueError('odd')", wait=2)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env(), timeout=60
    )
    assert done.stdout.strip() == "ran on"
    assert "Exception ignored" in done.stderr and "ValueError: odd" in done.stderr


_RUN_MODULE = """
import runpy, sys
import extract  # the package itself holds no code to speak of
print("python is up", flush=True)  # Ctrl-C before this is the interpreter's own start-up
sys.argv = ["extract", *sys.argv[1:]]
runpy.run_module("extract", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("delay", [0.2, 0.4, 0.7, 1.0, 1.5, 2.5])
def test_ctrl_c_at_any_moment_of_a_real_run(tmp_path: Path, delay: float) -> None:
    """Ctrl-C while the libraries load, the corpus is read or claims are written.

    Not tested: the first moments, while Python itself starts and runpy finds
    ``extract.__main__``, before any of our code runs.
    """
    out = tmp_path / "claims.parquet"
    process = subprocess.Popen(
        [sys.executable, "-c", _RUN_MODULE, "-o", str(out), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "python is up"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("still running 60 s after Ctrl-C")
    assert "Traceback" not in err
    if process.returncode != 0:  # it may have finished before the signal
        # 130; or, rarely when the signal lands inside an import, Python ends by SIGINT
        # after our message (a shell reports that as 130 too)
        assert process.returncode in (130, -signal.SIGINT), err
        assert one_line(err).startswith("interrupted")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
