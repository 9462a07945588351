"""The town's own objectives, rolled up from the units' indicators (pure, no I/O).

Seed 002 is what leadership signs: per town objective, how many of its indicators were
achieved ("có 09/11 chỉ tiêu đạt và vượt kế hoạch đề ra, có 02 chỉ tiêu không đạt,
gồm: …"), and then "3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)". The rules:

- the round workbook lists the town's objectives (code, text, lead unit); each indicator
  the round assigns to a unit belongs to one of them through the assignment's objective
  code, and is found in that unit's return by its code; an assigned indicator the unit
  did not report (no return used, or no such row) has no data;
- an objective is achieved only when every one of its indicators is (the same rule as a
  unit's objective, ``scoring.objective_status``);
- an objective without indicators takes the verdict of the objective its lead unit
  reports (the same code, unless the list names another);
- without a list, the town office's own return (the unit the round names as the town's
  office) is the town's: each of its objectives is one of the town's;
- without either, there are none, and ``RoundResult.town_gap`` says what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qmo_excel.cells import code_key
from qmo_excel.model import (
    Assignment,
    IndicatorResult,
    ObjectiveResult,
    RoundConfig,
    TownIndicator,
    TownObjectiveResult,
)
from qmo_excel.scoring import objective_status


@dataclass
class Town:
    objectives: list[TownObjectiveResult]
    basis: str  # round | office | ""
    gap: str  # "" | no_list | office_missing
    office: str


def _key(code: str) -> tuple[int, ...] | str:
    """Codes compare as the checks compare them ('01' is '1', 'II' is '2')."""
    key = code_key(code)
    return key if key is not None else code.strip().casefold()


def _town_indicator(i: IndicatorResult) -> TownIndicator:
    return TownIndicator(unit_code=i.unit_code, code=i.code, text=i.text, verdict=i.verdict,
                         progress=i.progress, target_text=i.target_text,
                         result_text=i.result_text, percent_of_plan=i.percent_of_plan)


def _counted(obj: TownObjectiveResult) -> TownObjectiveResult:
    verdicts = [i.verdict for i in obj.indicators]
    obj.total = len(verdicts)
    obj.achieved = sum(v in ("vuot", "dat") for v in verdicts)
    obj.exceeded = verdicts.count("vuot")
    obj.not_achieved = verdicts.count("khong_dat")
    obj.in_progress = verdicts.count("dang_thuc_hien")
    obj.no_data = verdicts.count("chua_co_so_lieu")
    obj.undetermined = verdicts.count("khong_xac_dinh")
    obj.at_risk = sum(i.progress == "nguy_co" for i in obj.indicators)
    obj.behind = sum(i.progress == "cham_tien_do" for i in obj.indicators)
    return obj


def objective_of(code: str, text: str, members: list[TownIndicator], source: str
                 ) -> TownObjectiveResult:
    """An objective of these indicators: achieved only when every one is (a province's
    objective over its towns' indicators, ``jobs.province``)."""
    return _counted(TownObjectiveResult(
        code=code, text=text, status=objective_status([i.verdict for i in members]),
        source=source, indicators=members))


def roll_up(config: RoundConfig, *, submitted: Iterable[str],
            objectives: Sequence[ObjectiveResult],
            indicators: Sequence[IndicatorResult]) -> Town:
    """The town's objectives of a round whose units in ``submitted`` (codes) had a return
    used, with their judged ``objectives`` and ``indicators``. Sets each assigned
    indicator's ``town_objective``."""
    sent = {u.casefold() for u in submitted}
    office = config.town_office.strip()
    if config.town_objectives:
        return Town(_from_list(config, sent, objectives, indicators), "round", "", office)
    if office and office.casefold() in sent:
        return Town(_from_office(office, objectives, indicators), "office", "", office)
    return Town([], "", "office_missing" if office else "no_list", office)


def _from_list(config: RoundConfig, sent: set[str], objectives: Sequence[ObjectiveResult],
               indicators: Sequence[IndicatorResult]) -> list[TownObjectiveResult]:
    by_row = {(i.unit_code.casefold(), _key(i.code)): i for i in indicators}
    named = {u.code.casefold(): u.code for u in config.register}
    members: dict[object, list[TownIndicator]] = {}
    seen: set[tuple[str, object]] = set()
    by_unit: dict[str, list[Assignment]] = {}  # one pass: a province assigns thousands
    for a in config.assignments:
        if a.target.strip():  # what model.assigned_to keeps: the rows that give a target
            by_unit.setdefault(a.unit_code.strip().casefold(), []).append(a)
    for mine in by_unit.values():
        for a in mine:
            unit = a.unit_code.strip()
            row = (unit.casefold(), _key(a.code))
            if row in seen:
                continue
            seen.add(row)
            found = by_row.get(row)
            if found is not None:
                found.town_objective = a.objective_code
                member = _town_indicator(found)
            else:
                member = TownIndicator(
                    unit_code=named.get(unit.casefold(), unit), code=a.code, text=a.text,
                    verdict="chua_co_so_lieu", target_text=a.target,
                    missing="unit" if unit.casefold() not in sent else "row")
            members.setdefault(_key(a.objective_code), []).append(member)
    own = {(o.unit_code.casefold(), _key(o.code)): o for o in objectives}
    out: list[TownObjectiveResult] = []
    for t in config.town_objectives:
        obj = TownObjectiveResult(code=t.code, text=t.text, status="khong_xac_dinh",
                                  source="", lead_unit=t.lead_unit,
                                  lead_objective=t.lead_objective or t.code)
        its = members.get(_key(t.code), [])
        if its:
            obj.source, obj.indicators = "indicators", its
            obj.status = objective_status([i.verdict for i in its])
        elif not t.lead_unit:
            obj.gap = "no_indicators"
        elif t.lead_unit.casefold() not in sent:
            obj.gap = "lead_missing"
        elif (lead := own.get((t.lead_unit.casefold(), _key(obj.lead_objective)))) is None:
            obj.gap = "lead_objective_missing"
        else:
            obj.source, obj.status = "lead", lead.status
            obj.indicators = [_town_indicator(i) for i in indicators
                              if i.unit_code.casefold() == t.lead_unit.casefold()
                              and _key(i.objective_code) == _key(lead.code)]
        out.append(_counted(obj))
    return out


def _from_office(office: str, objectives: Sequence[ObjectiveResult],
                 indicators: Sequence[IndicatorResult]) -> list[TownObjectiveResult]:
    mine = office.casefold()
    out = []
    for o in objectives:
        if o.unit_code.casefold() != mine:
            continue
        its = [_town_indicator(i) for i in indicators
               if i.unit_code.casefold() == mine and i.objective_code == o.code]
        out.append(_counted(TownObjectiveResult(
            code=o.code, text=o.text, status=o.status, source="office", lead_unit=o.unit_code,
            lead_objective=o.code, indicators=its)))
    return out


def not_achieved(objectives: Sequence[TownObjectiveResult]) -> list[TownObjectiveResult]:
    """The objectives not achieved (seed 002's "chưa đạt": every status but vượt, đạt)."""
    return [o for o in objectives if o.status not in ("vuot", "dat")]
