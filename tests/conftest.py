"""Fixtures shared by test modules."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest

# QMO_SIMULATE_WINDOWS=1: no `resource` module and the spawn start method, here and in
# every process the tests start (see winsim/sitecustomize.py; `.ci/run` runs the intake,
# validate and consolidate tests a second time so).
SIMULATED_WINDOWS = os.environ.get("QMO_SIMULATE_WINDOWS") == "1"
if SIMULATED_WINDOWS:
    _WINSIM = str(Path(__file__).parent / "winsim")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [_WINSIM, *[p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]])
    sys.path.insert(0, _WINSIM)
    importlib.import_module("sitecustomize")


@pytest.fixture
def forked_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers forked from the test process, also when simulating Windows: for tests that
    inject a fault into workers by monkeypatching, which only a forked worker inherits."""
    import multiprocessing as mp

    from qmo_excel.jobs import pool

    if "fork" not in mp.get_all_start_methods():
        pytest.skip("faults are injected into forked workers; this system cannot fork")
    monkeypatch.setattr(pool, "_context", lambda: mp.get_context("fork"))


def pytest_report_header() -> str | None:
    if SIMULATED_WINDOWS:
        return "simulated Windows: spawn start method, no `resource` module"
    return None


# Imported after the simulation is in place, so that a module-level POSIX-only import
# of the package fails too.
from test_broken_returns import INFO, OBJECTIVES, TASKS  # noqa: E402

from qmo_excel.template import write_unit_workbook  # noqa: E402


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """A clean return written by the template writer, with one known problem (BASE in
    test_broken_returns): the starting point of every broken-return test."""
    path = tmp_path / "BaoCao_MTCL_2023_PTCKH.xlsx"
    write_unit_workbook(path, info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    return path
