"""The rows of the report's table: the town's objectives of a round, as the report cites
them.

The town's own objectives (``RoundResult.town_objectives``: the round workbook's list, or
the town office's own return, each with its indicators across the units; ``town.py``)
are the table when the round has them. A round without them gets one row per objective
of each unit, numbered in order, and ``TownView.from_town`` is False so the document
says what is missing (``RoundResult.town_gap``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from qmo_excel.model import IndicatorResult, RoundResult, TownIndicator
from qmo_excel.vocab import ACHIEVED

MAX_FALLBACK_ROWS = 60  # units' objectives listed when the town's own are missing


@dataclass
class Member:
    """One indicator of an objective: its unit, figures and verdict."""

    unit_code: str
    text: str
    verdict: str
    progress: str | None = None
    target_text: str = ""
    result_text: str = ""
    percent_of_plan: float | None = None
    missing: str = ""  # "" | "unit" (no return used) | "row" (not in the return)
    self_assessed: bool = False


@dataclass
class Objective:
    """One row: an objective, its verdict and where the verdict comes from.

    ``source``: "indicators" (its indicators across the units), "lead" (the lead unit's
    objective), "office" (the town office's own objective), "unit" (a unit's objective,
    when the town's are missing), "" (no verdict: see ``gap``).
    """

    code: str
    text: str
    status: str
    source: str
    members: list[Member] = field(default_factory=list)
    lead_unit: str = ""
    lead_objective: str = ""
    gap: str = ""

    @property
    def achieved(self) -> bool:
        return self.status in ACHIEVED


@dataclass
class TownView:
    objectives: list[Objective]
    from_town: bool  # the town's own objectives (issue 16), not the units' objectives
    more: int = 0  # units' objectives left out of the table (fallback only)


def _member(i: IndicatorResult | TownIndicator) -> Member:
    if isinstance(i, TownIndicator):
        return Member(unit_code=i.unit_code, text=i.text, verdict=i.verdict,
                      progress=i.progress, target_text=i.target_text,
                      result_text=i.result_text, percent_of_plan=i.percent_of_plan,
                      missing=i.missing)
    return Member(unit_code=i.unit_code, text=i.text, verdict=i.verdict, progress=i.progress,
                  target_text=i.target_text, result_text=i.result_text,
                  percent_of_plan=i.percent_of_plan,
                  self_assessed=i.verdict_source == "self_assessment")


def town_view(result: RoundResult) -> TownView:
    """The table's rows for ``result`` (see the module docstring)."""
    rows = [Objective(code=o.code, text=o.text, status=o.status, source=o.source,
                      members=[_member(i) for i in o.indicators], lead_unit=o.lead_unit,
                      lead_objective=o.lead_objective, gap=o.gap)
            for o in result.town_objectives]
    if rows:
        return TownView(rows, from_town=True)
    return _units_objectives(result)


def _units_objectives(result: RoundResult) -> TownView:
    names = {u.code: u.name or u.code for u in result.units}
    by_objective: dict[tuple[str, str], list[IndicatorResult]] = defaultdict(list)
    for i in result.indicators:
        by_objective[(i.unit_code, i.objective_code)].append(i)
    rows: list[Objective] = []
    for n, o in enumerate(result.objectives[:MAX_FALLBACK_ROWS], start=1):
        rows.append(Objective(
            code=str(n), text=f"{names.get(o.unit_code, o.unit_code)}: {o.text}",
            status=o.status, source="unit", lead_unit=o.unit_code, lead_objective=o.code,
            members=[_member(i) for i in by_objective[(o.unit_code, o.code)]]))
    return TownView(rows, from_town=False,
                    more=max(0, len(result.objectives) - MAX_FALLBACK_ROWS))
