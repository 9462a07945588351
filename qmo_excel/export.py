"""The machine export of a round: one dict (JSON) or one CSV file per table.

Codes, not labels: verdicts and statuses are the codes of ``spec`` (vuot, dat, …), the
period its code (q1 … year), dates ISO strings. Order is the order of the ``RoundResult``;
output is deterministic. Files are written atomically; CSV is UTF-8 with a BOM so that
Excel shows Vietnamese correctly.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from qmo_excel.figures import achieved_total, headline
from qmo_excel.fileio import atomic_path
from qmo_excel.model import (
    BandCondition,
    IndicatorResult,
    IntakeEntry,
    ObjectiveResult,
    RoundResult,
    TownIndicator,
    TownObjectiveResult,
    UnitResult,
)
from qmo_excel.safetext import csv_cell, finite
from qmo_excel.vocab import in_lang, is_part_year

CSV_TABLES = ("intake", "units", "town_objectives", "objectives", "indicators", "tasks",
              "problems", "missing_units")


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _achieved(u: UnitResult) -> int:
    """vượt + đạt (``UnitResult.achieved`` already includes vượt; see summary.labels)."""
    return achieved_total(u)


def to_export_dict(result: RoundResult) -> dict[str, Any]:
    """Everything the summary shows, as plain JSON-ready data (see the module docstring)."""
    data = to_export_dict_head(result)
    for table in EXPORT_TABLES:
        data[table] = list(export_records(result, table))
    return data


EXPORT_TABLES = ("intake", "missing_units", "units", "town_objectives", "objectives",
                 "indicators", "tasks", "problems")


def to_export_dict_head(result: RoundResult) -> dict[str, Any]:
    """The export without its tables: the round's settings."""
    return {
        "round": {"year": result.year, "period": result.period, "town": result.town,
                  "as_of": _d(result.as_of), "deadline": _d(result.deadline),
                  "cut_off": _d(result.cut_off), "lang": result.lang,
                  "provisional": is_part_year(result.period),
                  "town_objectives_from": result.town_basis,
                  "town_objectives_missing": result.town_gap,
                  "town_office": result.town_office},
        "headline": headline(result).to_dict(),
    }


# Each table's columns, declared once: the JSON records' keys and the CSV header, the
# same whether the table is empty or full. The summary sheets name these keys (Col.key).
COLUMNS: dict[str, tuple[str, ...]] = {
    "intake": ("file", "unit_code", "status", "reason", "unit_name", "report_date", "late",
               "unknown_unit", "sha256", "errors", "warnings"),
    "units": ("code", "name", "submitted", "late", "score", "band", "indicators",
              "achieved", "not_achieved", "no_data", "undetermined", "tasks", "tasks_done",
              "tasks_overdue", "kind", "registered", "file", "report_date", "exceeded",
              "in_progress", "objectives", "objectives_achieved", "tasks_done_late",
              "mismatches", "problems", "provisional", "assessed", "at_risk", "behind",
              "conditions", "held_back_by"),
    # the town's objectives; "missing" says why one has no verdict, "indicators" lists
    # every indicator of it in every unit (the CSV names the unit, code and verdict)
    "town_objectives": ("code", "text", "status", "source", "lead_unit", "lead_objective",
                        "missing", "indicators_total", "achieved", "exceeded",
                        "not_achieved", "in_progress", "no_data", "undetermined",
                        "at_risk", "behind", "indicators"),
    "objectives": ("unit_code", "code", "text", "status", "indicators", "achieved",
                   "not_achieved"),
    "indicators": ("unit_code", "objective_code", "code", "text", "target_text",
                   "result_text", "verdict", "percent_of_plan", "self_assessment",
                   "self_assessment_mismatch", "unit_of_measure", "target_kind",
                   "direction", "verdict_source", "confidence", "weight", "notes", "row",
                   "progress", "town_objective"),
    "tasks": ("unit_code", "number", "objective_code", "task", "due", "status", "overdue",
              "lead", "timeline", "completed_on", "done", "done_late"),
    "problems": ("file", "unit_code", "sheet", "cell", "code", "severity", "message",
                 "field", "value"),
    "missing_units": ("code", "name", "kind"),
}


def _values(result: RoundResult, table: str) -> Iterator[tuple[Any, ...]]:
    """A table's rows, each in the order of ``COLUMNS[table]``."""
    if table == "missing_units":
        units = {u.code: u for u in result.units}
        for c in result.missing_units:
            u = units.get(c)
            yield (c, u.name if u else "", u.kind if u else "")
    elif table == "intake":
        for e in result.intake:
            yield (e.file, e.unit_code, e.status, in_lang(e.reason, result.lang), e.unit_name,
                   _d(e.report_date), e.late, e.unknown_unit, e.sha256, e.errors,
                   e.warnings)
    elif table == "units":
        for u in result.units:
            yield (u.code, u.name, u.submitted, u.late, u.score, u.band, u.indicators,
                   _achieved(u), u.not_achieved, u.no_data, u.undetermined, u.tasks,
                   u.tasks_done, u.tasks_overdue, u.kind, u.registered, u.file,
                   _d(u.report_date), u.exceeded, u.in_progress, u.objectives,
                   u.objectives_achieved, u.tasks_done_late, u.mismatches, u.problems,
                   u.provisional, u.assessed, u.at_risk, u.behind,
                   [_condition(c) for c in u.conditions],
                   [_condition(c) for c in u.held_back])
    elif table == "town_objectives":
        for t in result.town_objectives:
            yield (t.code, t.text, t.status, t.source, t.lead_unit, t.lead_objective, t.gap,
                   t.total, t.achieved, t.exceeded, t.not_achieved, t.in_progress,
                   t.no_data, t.undetermined, t.at_risk, t.behind,
                   [_town_indicator(i) for i in t.indicators])
    elif table == "objectives":
        for o in result.objectives:
            yield (o.unit_code, o.code, o.text, o.status, o.indicators, o.achieved,
                   list(o.not_achieved))
    elif table == "indicators":
        for i in result.indicators:
            yield (i.unit_code, i.objective_code, i.code, i.text, i.target_text,
                   i.result_text, i.verdict, i.percent_of_plan, i.self_assessment,
                   i.self_assessment_mismatch, i.unit_of_measure, i.target_kind,
                   i.direction, i.verdict_source, i.confidence, i.weight, list(i.notes),
                   i.row, i.progress, i.town_objective)
    elif table == "tasks":
        for k in result.tasks:
            yield (k.unit_code, k.number, k.objective_code, k.task, _d(k.due), k.status,
                   k.overdue, k.lead, k.timeline, _d(k.completed_on), k.done, k.done_late)
    elif table == "problems":
        for p in result.problems:
            rec = p.to_dict(result.lang)
            yield tuple(str(rec.get(c, "")) for c in COLUMNS["problems"])
    else:
        raise KeyError(table)


def _condition(c: BandCondition) -> dict[str, Any]:
    """One band condition: for which band, what, the figure required and the unit's,
    whether it is met, and the indicators (codes) that break it."""
    return {"band": c.band, "condition": c.code, "required": c.required,
            "actual": round(c.actual, 2), "met": c.met, "not_achieved": list(c.not_achieved),
            "no_data": list(c.no_data), "unfinished": list(c.unfinished)}


def _town_indicator(i: TownIndicator) -> dict[str, Any]:
    return {"unit_code": i.unit_code, "code": i.code, "text": i.text, "verdict": i.verdict,
            "progress": i.progress, "target_text": i.target_text,
            "result_text": i.result_text, "percent_of_plan": i.percent_of_plan,
            "missing": i.missing}


def export_records(result: RoundResult, table: str) -> Iterator[Any]:
    """One table of the export, record by record: a province's round holds hundreds of
    thousands of records, and the CSV files are written without building them all.
    The missing units are a list of codes in JSON."""
    if table == "missing_units":
        yield from result.missing_units
        return
    keys = COLUMNS[table]
    for values in _values(result, table):
        yield dict(zip(keys, values, strict=True))


def _atomic(path: Path, write: Callable[[TextIO], object], *, bom: bool = False) -> None:
    with atomic_path(path) as tmp, tmp.open(
            "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        write(fh)


def write_json(result: RoundResult, path: Path | str) -> None:
    """``to_export_dict(result)`` as indented JSON, written record by record (the same
    bytes as ``json.dumps(..., indent=2)``, without holding the whole dict)."""
    _atomic(Path(path), lambda fh: _stream_json(result, fh))


def _dump(value: Any, indent: str) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    except ValueError:  # NaN or infinity: strict JSON has no such number, so null
        text = json.dumps(_finite(value), ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + indent)


def _finite(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return finite(value)


def _stream_json(result: RoundResult, fh: TextIO) -> None:
    head = to_export_dict_head(result)
    fh.write("{\n")
    fh.write(f'  "round": {_dump(head["round"], "  ")},\n')
    fh.write(f'  "headline": {_dump(head["headline"], "  ")}')
    for table in EXPORT_TABLES:
        fh.write(f",\n  {json.dumps(table)}: ")
        first = True
        for rec in export_records(result, table):
            fh.write("[\n    " if first else ",\n    ")
            fh.write(_dump(rec, "    "))
            first = False
        fh.write("[]" if first else "\n  ]")
    fh.write("\n}\n")


def _cell(value: Any) -> Any:
    """A CSV cell: lists joined, text a spreadsheet would run neutralised with a leading
    apostrophe and cut at 32,767 characters, non-finite numbers empty (``csv_cell``)."""
    if isinstance(value, list):
        return csv_cell("; ".join(_item(v) for v in value))
    if value is None:
        return ""
    return csv_cell(value)


def _item(value: Any) -> str:
    """A list item in a CSV cell: a band condition as "xuat_sac:all_achieved=no (1.1, 1.5)",
    a town objective's indicator as "PTCKH 1.1 khong_dat"."""
    if isinstance(value, dict) and "condition" in value:
        codes = [*value["not_achieved"], *value["no_data"], *value["unfinished"]]
        broken = f" ({', '.join(codes)})" if codes else ""
        return f"{value['band']}:{value['condition']}={'yes' if value['met'] else 'no'}{broken}"
    if isinstance(value, dict) and "verdict" in value:
        return f"{value['unit_code']} {value['code']} {value['verdict']}"
    return str(value)


def _rows(result: RoundResult, table: str) -> Iterator[list[Any]]:
    return ([_cell(v) for v in values] for values in _values(result, table))


def write_csv(result: RoundResult, out_dir: Path | str) -> list[Path]:
    """One CSV per table in ``out_dir`` (created if needed); returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for table in CSV_TABLES:
        header, rows = list(COLUMNS[table]), _rows(result, table)

        def write(fh: TextIO, header: list[str] = header,
                  rows: Iterator[list[Any]] = rows) -> None:
            w = csv.writer(fh, lineterminator="\r\n")
            w.writerow(header)
            w.writerows(rows)

        path = out / f"{table}.csv"
        _atomic(path, write, bom=True)
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- reading back


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _record(cls: Any, rec: dict[str, Any], dates: tuple[str, ...] = ()) -> Any:
    """A record of the model from an export record (its keys are the model's fields)."""
    names = {f.name for f in fields(cls)}
    values = {k: v for k, v in rec.items() if k in names}
    for key in dates:
        if key in values:
            values[key] = _date(values[key])
    return cls(**values)


def _condition_back(rec: dict[str, Any]) -> BandCondition:
    return BandCondition(band=rec["band"], code=rec["condition"], required=rec["required"],
                         actual=rec["actual"], met=rec["met"],
                         not_achieved=list(rec.get("not_achieved", [])),
                         no_data=list(rec.get("no_data", [])),
                         unfinished=list(rec.get("unfinished", [])))


def _unit_back(rec: dict[str, Any]) -> UnitResult:
    unit: UnitResult = _record(UnitResult, {k: v for k, v in rec.items()
                                            if k not in ("conditions", "held_back")},
                               ("report_date",))
    unit.conditions = [_condition_back(c) for c in rec.get("conditions", [])]
    unit.held_back = [_condition_back(c) for c in rec.get("held_back_by", [])]
    return unit


def _town_back(rec: dict[str, Any]) -> TownObjectiveResult:
    town: TownObjectiveResult = _record(
        TownObjectiveResult, {k: v for k, v in rec.items() if k != "indicators"})
    town.gap, town.total = rec.get("missing", ""), rec.get("indicators_total", 0)
    town.indicators = [_record(TownIndicator, i) for i in rec.get("indicators", [])]
    return town


def from_export_dict(data: dict[str, Any]) -> RoundResult:
    """A ``RoundResult`` from an export (``to_export_dict``, or any part of its tables):
    the inverse of the export for what it holds. Problems and tasks do not come back
    (the report, which reads exports back, does not show them)."""
    head = data.get("round", {})
    return RoundResult(
        town=head.get("town") or "", year=head.get("year"), period=head.get("period") or "year",
        as_of=_date(head.get("as_of")) or date.today(), deadline=_date(head.get("deadline")),
        cut_off=_date(head.get("cut_off")),
        intake=[_record(IntakeEntry, r, ("report_date",)) for r in data.get("intake", [])],
        missing_units=list(data.get("missing_units", [])),
        units=[_unit_back(r) for r in data.get("units", [])],
        objectives=[_record(ObjectiveResult, r) for r in data.get("objectives", [])],
        indicators=[_record(IndicatorResult, r) for r in data.get("indicators", [])],
        tasks=[], problems=[], lang=head.get("lang") or "vi",
        town_objectives=[_town_back(r) for r in data.get("town_objectives", [])],
        town_basis=head.get("town_objectives_from") or "",
        town_gap=head.get("town_objectives_missing") or "",
        town_office=head.get("town_office") or "")
