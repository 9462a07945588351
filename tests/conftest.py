"""Fixtures shared by test modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_broken_returns import INFO, OBJECTIVES, TASKS

from qmo_excel.template import write_unit_workbook


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """A clean return written by the template writer, with one known problem (BASE in
    test_broken_returns): the starting point of every broken-return test."""
    path = tmp_path / "BaoCao_MTCL_2023_PTCKH.xlsx"
    write_unit_workbook(path, info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    return path
