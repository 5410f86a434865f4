"""A report run's start-up: optional modules that papermill's imports would load and a run
never uses are gone without inside the block, and import as usual after it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
from newsfigures.run import SLOW_OPTIONAL, _without
import json as kept  # already imported: never hidden
seen = {}
with _without("json", "colorsys"):
    try:
        import colorsys
        seen["inside"] = "imported"
    except ImportError:
        seen["inside"] = "missing"
    seen["kept"] = sys.modules["json"] is kept
import colorsys
seen["after"] = colorsys.__name__
with _without(*SLOW_OPTIONAL):
    import papermill
seen["slow loaded"] = [m for m in SLOW_OPTIONAL if sys.modules.get(m) is not None]
print(json.dumps(seen))
"""


def test_optional_modules_are_gone_without_only_inside_the_block() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"inside": "missing", "kept": True, "after": "colorsys", "slow loaded": []}
