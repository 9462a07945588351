"""A seeded fuzz of `qmo consolidate` in the suite (issue 17): 300 mutants of the sample
round's real returns, in two batches, through the command the office runs.

The mutations and the checks are those of ``scripts/fuzz_consolidate.py`` (which runs
the long fuzz of 10,000 and more): no traceback, no hang, every file one intake entry and
the counts printed equal to what is on disk, no formula in any output cell that came from
a return (summary, feedback lists and copies, CSV), inputs unchanged.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fuzz_consolidate.py"
pytestmark = [pytest.mark.slow]


def _fuzz() -> Any:
    spec = importlib.util.spec_from_file_location("fuzz_consolidate", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_consolidate"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("first", [0, 150])
def test_mutated_returns_never_break_consolidate(tmp_path: Path, first: int) -> None:
    fuzz = _fuzz()
    r = fuzz.run_batch(tmp_path, 17, first, 150, fuzz.load_seeds(), timeout=300.0, jobs=2,
                       keep=True)
    assert r.hangs == 0
    assert r.tracebacks == 0, r.notes
    assert r.exit_code == 0, r.notes
    assert not r.notes
    assert r.count_mismatches == []
    assert r.formulas == []
    assert r.inputs_changed == []
    assert r.feedback_failed == 0
    assert sum(r.fates.values()) == 150 and r.fates.get("used", 0) >= 50
    assert r.feedback >= 100  # the writers were exercised, not only the intake
