"""One indicator row read and judged once: target, result and verdict together.

``read_row`` is what the intake checks and the scoring both ask of a row, so it is
memoised: in a worker the checks and the scoring of the same return share one reading,
and a round's repeated targets are read once. The reading is shared between callers:
treat it as read-only (``read_target``/``read_result``/``judge`` give private copies).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from qmo_excel.judge.judgement import Judgement
from qmo_excel.judge.results import Result, read_result
from qmo_excel.judge.targets import Target, read_target
from qmo_excel.judge.verdict import judge

CellInput = str | float | int | date | None


@dataclass(frozen=True)
class Reading:
    target: Target
    result: Result | None  # None: the result cell is empty or says there is no data
    judgement: Judgement

    @property
    def progress(self) -> str | None:
        """The progress status of a part-year result ("dung_tien_do", "cham_tien_do",
        "nguy_co"), None otherwise (see ``progress.PROGRESS``)."""
        return self.judgement.progress


def read_row(target: CellInput, result: CellInput, *, indicator: str = "", unit: str = "",
             direction: str | None = None, period: str = "year") -> Reading:
    """The target and result cells of one indicator, read and judged for ``period``."""
    try:
        return _cached(target, result, indicator, unit, direction, period)
    except TypeError:  # an unhashable value: no cache
        return _read(target, result, indicator, unit, direction, period)


def _read(target: CellInput, result: CellInput, indicator: str, unit: str,
          direction: str | None, period: str) -> Reading:
    t = read_target(target, indicator=indicator, unit=unit, direction=direction)
    r = read_result(result, t)
    return Reading(t, r, judge(t, r, period=period))


@lru_cache(maxsize=4096)
def _cached(target: CellInput, result: CellInput, indicator: str, unit: str,
            direction: str | None, period: str) -> Reading:
    return _read(target, result, indicator, unit, direction, period)
