"""The benchmark runs end to end on a tiny set and writes its results table.

No timing is asserted: only that every step ran and the report has the expected shape.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RUN = REPO / "benchmarks" / "run.py"

EXPECTED_COLUMNS = ["N", "step", "wall s", "CPU s", "returns/s", "cells written", "cells/s",
                    "peak tree RSS MiB", "peak tree PSS MiB", "max worker RSS MiB",
                    "load avg"]
EXPECTED_STEPS = ["intake", "floor", "naive read", "consolidate",
                  "consolidate --no-feedback", "naive pipeline", "bare xlsxwriter",
                  "bare xlsxwriter + intake (sum)"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_benchmark_n5_writes_a_results_table(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    root = tmp_path / "bench"
    proc = subprocess.run(
        [sys.executable, str(RUN), "--sizes", "5", "--root", str(root), "--jobs", "2",
         "--doc", str(doc)],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]

    # the generated set: 5 returns (plus any lock file), reused on a second call
    returns = sorted((root / "N5" / "returns").iterdir())
    assert len([p for p in returns if not p.name.startswith("~$")]) == 5
    manifest = json.loads((root / "N5" / ".qmo-bench.json").read_text("utf-8"))
    assert manifest["n"] == 5

    # a short command is run three times and its median run kept
    results = json.loads((root / "results.json").read_text("utf-8"))
    intake = next(r for r in results["rows"] if r["step"] == "intake")
    assert len(intake["walls"]) == 3 and intake["walls"] == sorted(intake["walls"])
    assert round(intake["wall"], 3) == intake["walls"][1]

    text = doc.read_text("utf-8")
    header = next(line for line in text.splitlines() if line.startswith("| N | step |"))
    assert [c.strip() for c in header.strip("|").split("|")] == EXPECTED_COLUMNS
    rows = [line for line in text.splitlines() if line.startswith("| 5 |")]
    steps = [r.strip("|").split("|")[1].strip() for r in rows]
    assert steps == EXPECTED_STEPS
    for r in rows:
        wall = float(r.strip("|").split("|")[2].replace(",", ""))
        assert wall > 0
    for section in ("## Machine", "## Bars", "## How to reproduce", "## Long summary sheets"):
        assert section in text
    assert "python -m qmo_excel consolidate" in text

    results = json.loads((root / "results.json").read_text("utf-8"))
    by_step = {r["step"]: r for r in results["rows"]}
    assert all(by_step[s]["rc"] in (0, 1) for s in EXPECTED_STEPS[:-1])
    assert by_step["consolidate"]["cells"] > 0
    assert by_step["bare xlsxwriter"]["cells"] == by_step["consolidate"]["cells"]
    assert by_step["intake"]["stats"]["files"] >= 5
