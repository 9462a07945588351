"""Scoring one unit's return: verdicts, objectives, plan execution and the unit's score.

Pure functions over records (no I/O). The judge reads each target and result; this
module applies the round's rules (PRODUCT.md "Judging results"):

- an indicator's verdict comes from the judge; when the judge cannot decide
  (``khong_xac_dinh``) the unit's self-assessment is used and marked as such;
- an objective is achieved only when all its indicators are;
- a unit's score is the weighted mean of its indicators' % of plan, each capped at the
  round's cap (default 100), on 0-100; indicators with no % of plan count by verdict
  (achieved = the cap, not achieved or no data = 0, in progress = its % if known, else
  excluded; undetermined is excluded);
- a task is overdue when it is not done, not cancelled, and its deadline is before the
  cut-off; done late when its completion date is after its deadline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from qmo_excel import spec
from qmo_excel.cells import (
    code_key,
    is_objective_code,
    normal_code,
    objective_of,
    parse_date,
    parse_weight,
    parse_year,
    squeeze,
)
from qmo_excel.judge import read_row, read_timeline
from qmo_excel.judge.audit import reading_json
from qmo_excel.model import (
    Assignment,
    CellValue,
    IndicatorResult,
    ObjectiveResult,
    RoundConfig,
    Row,
    TaskResult,
    UnitResult,
    UnitReturn,
    assigned_to,
)
from qmo_excel.rating import rate
from qmo_excel.vocab import ACHIEVED, Period, cumulative, disagrees, is_part_year


def _weight(value: CellValue) -> float:
    """The row's weight as the checks read it (values.parse_weight); 1 when unreadable."""
    return parse_weight(value) or 1.0


def cut_off_date(config: RoundConfig, year: int | None, period: str, as_of: date) -> date:
    if config.cut_off:
        return config.cut_off
    if year:
        p = Period.get(period)
        month, day = p.end if p is not None else (12, 31)
        return min(date(year, month, day), as_of)
    return as_of


def default_as_of(config: RoundConfig, year: int | None, period: str, today: date) -> date:
    """The day a round's figures are "as of" when the run is not told: its cut-off (else
    the end of its period) once that is past, else today. A 2023 round consolidated in
    2026 is "as of" 31/12/2023, not the day someone ran it."""
    end = config.cut_off
    if end is None and year:
        p = Period.get(period)
        end = date(year, *(p.end if p is not None else (12, 31)))
    return min(end, today) if end is not None else today


def _score_part(ind: IndicatorResult, cap: float) -> float | None:
    if ind.verdict == "khong_xac_dinh":
        return None
    if ind.percent_of_plan is not None and ind.verdict_source == "computed":
        return max(0.0, min(ind.percent_of_plan, cap))
    if ind.verdict in ACHIEVED:
        return cap
    if ind.verdict in ("khong_dat", "chua_co_so_lieu"):
        return 0.0
    return None  # in progress with no figure


def judge_indicator(row: Row, *, unit_code: str, objective_code: str, period: str,
                    explicit_direction: str | None) -> IndicatorResult:
    text = row.text("text")
    target_text = row.text("target")
    result_text = row.text("result")
    uom = row.text("unit_of_measure")
    reading = read_row(target_text, row.get("result"), indicator=text, unit=uom,
                       direction=explicit_direction, period=period)
    audit, rule = reading_json(reading, period=period, direction=explicit_direction,
                               result_cell=row.get("result"))
    target, j = reading.target, reading.judgement
    self_code = spec.choice_code("self_assessment", row.get("self_assessment")) or ""
    verdict, source = j.verdict, "computed"
    progress = getattr(j, "progress", None)  # the judge's part-year progress status
    notes = list(dict.fromkeys([*target.notes, *j.notes]))
    if verdict == "khong_xac_dinh" and self_code:
        verdict, source = self_code, "self_assessment"
    mismatch = source == "computed" and target.kind != "unknown" and disagrees(
        self_code, verdict, progress, part_year=is_part_year(period),
        cumulative=cumulative(target.unit, progress))
    return IndicatorResult(
        unit_code=unit_code, objective_code=objective_code, code=normal_code(row.text("code")),
        text=text, unit_of_measure=uom, target_text=target_text, result_text=result_text,
        target_kind=target.kind, direction=target.direction, verdict=verdict,
        verdict_source=source, percent_of_plan=j.percent_of_plan, confidence=j.confidence,
        weight=_weight(row.get("weight")), self_assessment=self_code,
        self_assessment_mismatch=mismatch, notes=notes, row=row.row,
        progress=progress if verdict == "dang_thuc_hien" else None, reading=audit,
        rule="self_assessment" if source == "self_assessment" else rule,
    )


def objective_status(verdicts: list[str]) -> str:
    if not verdicts:
        return "khong_xac_dinh"
    if "khong_dat" in verdicts:
        return "khong_dat"
    if all(v in ACHIEVED for v in verdicts):
        return "vuot" if all(v == "vuot" for v in verdicts) else "dat"
    for v in ("dang_thuc_hien", "chua_co_so_lieu"):
        if v in verdicts:
            return v
    return "khong_xac_dinh"


def score_objectives(ret: UnitReturn, *, unit_code: str, period: str
                     ) -> tuple[list[ObjectiveResult], list[IndicatorResult]]:
    rows = [r for r in ret.objectives if normal_code(r.text("code"))]
    objective_rows = {normal_code(r.text("code")): r for r in rows
                      if is_objective_code(normal_code(r.text("code")))}
    children: dict[str, list[Row]] = {}
    for r in rows:
        code = normal_code(r.text("code"))
        if not is_objective_code(code):
            children.setdefault(objective_of(code), []).append(r)
    order = list(dict.fromkeys([*objective_rows, *children]))
    indicators: list[IndicatorResult] = []
    objectives: list[ObjectiveResult] = []
    for ocode in order:
        orow = objective_rows.get(ocode)
        members = children.get(ocode, [])
        if not members and orow is not None:
            members = [orow]  # an objective without indicators carries its own target
        # a row that only heads deeper codes (1.2 with 1.2.1, 1.2.2) and has no target
        codes = {normal_code(m.text("code")) for m in members}
        judged: list[IndicatorResult] = []
        for m in members:
            mcode = normal_code(m.text("code"))
            heads = any(c.startswith(mcode + ".") for c in codes)
            if heads and not m.text("target"):
                continue
            direction = spec.choice_code("direction", m.get("direction"))
            judged.append(judge_indicator(m, unit_code=unit_code, objective_code=ocode,
                                          period=period, explicit_direction=direction))
        indicators.extend(judged)
        verdicts = [i.verdict for i in judged]
        objectives.append(ObjectiveResult(
            unit_code=unit_code, code=ocode,
            text=orow.text("text") if orow is not None else "",
            status=objective_status(verdicts), indicators=len(judged),
            achieved=sum(v in ACHIEVED for v in verdicts),
            not_achieved=[i.text for i in judged if i.verdict == "khong_dat"],
        ))
    return objectives, indicators


def score_tasks(ret: UnitReturn, *, unit_code: str, year: int | None, cut_off: date
                ) -> list[TaskResult]:
    tasks = []
    for r in ret.tasks:
        if not (r.text("task") or r.text("number")):
            continue
        timeline_text = r.text("timeline")
        due = None
        if timeline_text and year:
            due = read_timeline(timeline_text, year).deadline()
        status = spec.choice_code("status", r.get("status")) or ""
        completed = parse_date(r.get("completed_on"))
        done = status == "done" or (completed is not None and status != "cancelled")
        done_late = bool(done and completed and due and completed > due)
        overdue = bool(not done and status != "cancelled" and due and due < cut_off)
        tasks.append(TaskResult(
            unit_code=unit_code, number=r.text("number"),
            objective_code=normal_code(r.text("objective_code")), task=r.text("task"),
            lead=r.text("lead"), timeline=timeline_text, due=due, status=status,
            completed_on=completed, done=done, done_late=done_late, overdue=overdue,
        ))
    return tasks


@dataclass
class Scored:
    """One return's records, judged for a round's year, period and cut-off (the basis)."""

    year: int | None
    period: str
    cut_off: date
    objectives: list[ObjectiveResult]
    indicators: list[IndicatorResult]
    tasks: list[TaskResult]

    def basis(self) -> tuple[int | None, str, date]:
        return self.year, self.period, self.cut_off

    def relabel(self, unit_code: str) -> None:
        """Give every record the unit's code as the round writes it."""
        for group in (self.objectives, self.indicators, self.tasks):
            for rec in group:
                rec.unit_code = unit_code

    def unit_codes(self) -> set[str]:
        return {r.unit_code for g in (self.objectives, self.indicators, self.tasks) for r in g}


def score_records(ret: UnitReturn, *, unit_code: str, period: str, year: int | None,
                  cut_off: date, assignments: Sequence[Assignment] = ()) -> Scored:
    """Judge every indicator and task of one return (no unit figures); indicators the
    round assigned are judged against the target assigned (``as_assigned``)."""
    ret = as_assigned(ret, unit_code, assignments)
    objectives, indicators = score_objectives(ret, unit_code=unit_code, period=period)
    tasks = score_tasks(ret, unit_code=unit_code, year=year, cut_off=cut_off)
    return Scored(year, period, cut_off, objectives, indicators, tasks)


def as_assigned(ret: UnitReturn, unit_code: str, assignments: Sequence[Assignment]
                ) -> UnitReturn:
    """The return with the round's assigned targets: an indicator whose target the unit
    changed or left empty is judged against the target it was given (the checks report
    the change as ``target-altered``, the gap as ``target-empty``)."""
    given = {key: a.target.strip() for a in assigned_to(assignments, unit_code)
             if (key := code_key(a.code)) is not None}
    if not given:
        return ret
    rows: list[Row] = []
    for r in ret.objectives:
        key = code_key(r.text("code"))
        target = given.get(key) if key is not None else None
        if target is not None and squeeze(r.text("target")) != squeeze(target):
            r = Row(r.row, {**r.values, "target": target})
        rows.append(r)
    return replace(ret, objectives=rows)



def unit_score(indicators: Sequence[IndicatorResult], cap: float) -> float | None:
    """The weighted mean of the indicators' capped % of plan, on 0-100 (None when no
    indicator has a part in it)."""
    parts = [(_score_part(i, cap), i.weight) for i in indicators]
    weighted = [(p, w) for p, w in parts if p is not None]
    total_weight = sum(w for _, w in weighted)
    if total_weight <= 0:
        return None
    return round(min(100.0, sum(p * w for p, w in weighted) / total_weight), 1)


def fill_unit(unit: UnitResult, scored: Scored, config: RoundConfig) -> None:
    """The unit's score, band (with its conditions) and counts from its judged records."""
    indicators, objectives, tasks = scored.indicators, scored.objectives, scored.tasks
    unit.score = unit_score(indicators, config.cap)
    rating = rate(indicators, unit.score, config.rating, part_year=is_part_year(scored.period))
    unit.band, unit.provisional = rating.band, rating.provisional
    unit.conditions, unit.held_back = rating.conditions, rating.held_back
    unit.assessed = rating.tally.assessed
    unit.at_risk, unit.behind = len(rating.tally.at_risk), len(rating.tally.behind)
    verdicts = [i.verdict for i in indicators]
    unit.indicators = len(indicators)
    unit.exceeded = verdicts.count("vuot")
    unit.achieved = sum(v in ACHIEVED for v in verdicts)
    unit.not_achieved = verdicts.count("khong_dat")
    unit.in_progress = verdicts.count("dang_thuc_hien")
    unit.no_data = verdicts.count("chua_co_so_lieu")
    unit.undetermined = verdicts.count("khong_xac_dinh")
    unit.objectives = len(objectives)
    unit.objectives_achieved = sum(o.status in ACHIEVED for o in objectives)
    unit.tasks = len(tasks)
    unit.tasks_done = sum(t.done for t in tasks)
    unit.tasks_done_late = sum(t.done_late for t in tasks)
    unit.tasks_overdue = sum(t.overdue for t in tasks)
    unit.mismatches = sum(i.self_assessment_mismatch for i in indicators)




def round_year_period(config: RoundConfig, years: Counter[int], periods: Counter[str]
                      ) -> tuple[int | None, str]:
    """The round's year and period: the round workbook's when it gives them, else the
    ones most returns state (the smallest on a tie)."""
    def most(c: Counter[Any]) -> Any:
        return min(c.most_common(), key=lambda kv: (-kv[1], kv[0]))[0]

    year = config.year or (most(years) if years else None)
    period = most(periods) if config.source is None and periods else config.period or "year"
    return year, period


def return_year_period(ret: UnitReturn) -> tuple[int | None, str | None]:
    """The year and period (a code) one return states."""
    return parse_year(ret.info.get("year")), spec.choice_code("period", ret.info.get("period"))


def own_basis(ret: UnitReturn, config: RoundConfig, as_of: date
              ) -> tuple[int | None, str, date]:
    """The year, period and cut-off a round of this one return alone would be judged
    with (``round_year_period`` over this return only)."""
    y, p = return_year_period(ret)
    year, period = round_year_period(config, Counter([y] if y else []),
                                     Counter([p] if p else []))
    return year, period, cut_off_date(config, year, period, as_of)
