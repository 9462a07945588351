"""What changed since an earlier round: the figures the trends sheet, the indicator sheet
and the narrative show (pure; the history computed ``result.trends``).

A unit *improved* when its band rose, or its band held and its score rose by at least
``SCORE_STEP`` points; it *fell back* in the mirror case. An indicator improved when it
was not achieved before (Không đạt) and is achieved now (Đạt, Vượt), and fell back in
the opposite case; indicators without data on either side are not compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from qmo_excel.figures import achieved_total
from qmo_excel.model import (
    IndicatorResult,
    IndicatorTrend,
    ObjectiveTrend,
    RoundPoint,
    RoundRef,
    RoundResult,
    UnitResult,
    UnitTrend,
)
from qmo_excel.summary import labels as L

BAND_RANK = {"xuat_sac": 3, "tot": 2, "hoan_thanh": 1, "khong_hoan_thanh": 0}
SCORE_STEP = 1.0
ACHIEVED = frozenset(L.ACHIEVED)


def share_of(u: UnitResult) -> float | None:
    return 100.0 * achieved_total(u) / u.indicators if u.indicators else None


def band_steps(now: str, before: str) -> int | None:
    if now not in BAND_RANK or before not in BAND_RANK:
        return None
    return BAND_RANK[now] - BAND_RANK[before]


def delta(now: float | None, before: float | None) -> float | None:
    if now is None or before is None:
        return None
    return round(now - before, 1)


@dataclass
class UnitChange:
    unit: UnitResult
    before: UnitTrend
    steps: int | None
    score: float | None  # points
    share: float | None  # percentage points

    @property
    def improved(self) -> bool:
        return bool(self.steps and self.steps > 0) or (
            self.steps == 0 and self.score is not None and self.score >= SCORE_STEP)

    @property
    def fell_back(self) -> bool:
        return bool(self.steps and self.steps < 0) or (
            self.steps == 0 and self.score is not None and self.score <= -SCORE_STEP)


def ref_of(result: RoundResult, relation: str) -> RoundRef | None:
    t = result.trends
    if t is None:
        return None
    return t.previous if relation == "previous" else t.year_ago


def unit_changes(result: RoundResult, relation: str) -> list[UnitChange]:
    """The submitted units found in the earlier round, in ranking order."""
    t = result.trends
    if t is None:
        return []
    before = {u.unit_code: u for u in t.units if u.relation == relation}
    out = []
    for _, u in L.ranked_units(result):
        b = before.get(u.code)
        if not u.submitted or b is None:
            continue
        out.append(UnitChange(u, b, band_steps(u.band, b.band), delta(u.score, b.score),
                              delta(share_of(u), b.share_achieved)))
    return out


def unit_trends(result: RoundResult) -> dict[tuple[str, str], UnitTrend]:
    t = result.trends
    return {} if t is None else {(u.unit_code, u.relation): u for u in t.units}


def indicator_trends(result: RoundResult) -> dict[tuple[str, str, str], IndicatorTrend]:
    """Earlier figures by (unit code, indicator code, relation)."""
    t = result.trends
    return {} if t is None else {(i.unit_code, i.code, i.relation): i for i in t.indicators}


def objective_trends(result: RoundResult) -> dict[tuple[str, str], ObjectiveTrend]:
    t = result.trends
    return {} if t is None else {(o.code, o.relation): o for o in t.town_objectives}


@dataclass
class IndicatorChange:
    indicator: IndicatorResult
    before: IndicatorTrend


def indicator_changes(result: RoundResult, relation: str
                      ) -> tuple[list[IndicatorChange], list[IndicatorChange]]:
    """(improved, fell back) indicators against the earlier round (see the docstring)."""
    earlier = indicator_trends(result)
    up, down = [], []
    for ind in result.indicators:
        b = earlier.get((ind.unit_code, ind.code, relation))
        if b is None:
            continue
        if b.verdict == "khong_dat" and ind.verdict in ACHIEVED:
            up.append(IndicatorChange(ind, b))
        elif b.verdict in ACHIEVED and ind.verdict == "khong_dat":
            down.append(IndicatorChange(ind, b))
    return up, down


def point_of(result: RoundResult, relation: str) -> RoundPoint | None:
    """The earlier round's town-wide figures (from the series)."""
    ref = ref_of(result, relation)
    t = result.trends
    if ref is None or t is None:
        return None
    return next((p for p in t.series if (p.year, p.period) == (ref.year, ref.period)
                 and not p.current), None)


def current_point(result: RoundResult) -> RoundPoint | None:
    t = result.trends
    return None if t is None else next((p for p in t.series if p.current), None)
