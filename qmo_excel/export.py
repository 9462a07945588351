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
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from qmo_excel.fileio import atomic_path
from qmo_excel.model import RoundResult, UnitResult
from qmo_excel.summary.labels import achieved_total

CSV_TABLES = ("intake", "units", "objectives", "indicators", "tasks", "problems",
              "missing_units")


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


EXPORT_TABLES = ("intake", "missing_units", "units", "objectives", "indicators", "tasks",
                 "problems")


def to_export_dict_head(result: RoundResult) -> dict[str, Any]:
    """The export without its tables: the round's settings."""
    return {
        "round": {"year": result.year, "period": result.period, "town": result.town,
                  "as_of": _d(result.as_of), "deadline": _d(result.deadline),
                  "cut_off": _d(result.cut_off), "lang": result.lang},
    }


def export_records(result: RoundResult, table: str) -> Iterator[Any]:
    """One table of the export, record by record: a province's round holds hundreds of
    thousands of records, and the CSV files are written without building them all."""
    if table == "missing_units":
        yield from result.missing_units
    elif table == "intake":
        for e in result.intake:
            yield {"file": e.file, "unit_code": e.unit_code, "status": e.status,
                   "reason": e.reason, "unit_name": e.unit_name,
                   "report_date": _d(e.report_date), "late": e.late,
                   "unknown_unit": e.unknown_unit, "sha256": e.sha256, "errors": e.errors,
                   "warnings": e.warnings}
    elif table == "units":
        for u in result.units:
            yield {"code": u.code, "name": u.name, "submitted": u.submitted, "late": u.late,
                   "score": u.score, "band": u.band, "indicators": u.indicators,
                   "achieved": _achieved(u), "not_achieved": u.not_achieved,
                   "no_data": u.no_data, "undetermined": u.undetermined, "tasks": u.tasks,
                   "tasks_done": u.tasks_done, "tasks_overdue": u.tasks_overdue,
                   "kind": u.kind, "registered": u.registered, "file": u.file,
                   "report_date": _d(u.report_date), "exceeded": u.exceeded,
                   "in_progress": u.in_progress, "objectives": u.objectives,
                   "objectives_achieved": u.objectives_achieved,
                   "tasks_done_late": u.tasks_done_late, "mismatches": u.mismatches,
                   "problems": u.problems}
    elif table == "objectives":
        for o in result.objectives:
            yield {"unit_code": o.unit_code, "code": o.code, "text": o.text,
                   "status": o.status, "indicators": o.indicators, "achieved": o.achieved,
                   "not_achieved": list(o.not_achieved)}
    elif table == "indicators":
        for i in result.indicators:
            yield {"unit_code": i.unit_code, "objective_code": i.objective_code,
                   "code": i.code, "text": i.text, "target_text": i.target_text,
                   "result_text": i.result_text, "verdict": i.verdict,
                   "percent_of_plan": i.percent_of_plan,
                   "self_assessment": i.self_assessment,
                   "self_assessment_mismatch": i.self_assessment_mismatch,
                   "unit_of_measure": i.unit_of_measure, "target_kind": i.target_kind,
                   "direction": i.direction, "verdict_source": i.verdict_source,
                   "confidence": i.confidence, "weight": i.weight,
                   "notes": list(i.notes), "row": i.row}
    elif table == "tasks":
        for k in result.tasks:
            yield {"unit_code": k.unit_code, "number": k.number,
                   "objective_code": k.objective_code, "task": k.task, "due": _d(k.due),
                   "status": k.status, "overdue": k.overdue, "lead": k.lead,
                   "timeline": k.timeline, "completed_on": _d(k.completed_on),
                   "done": k.done, "done_late": k.done_late}
    elif table == "problems":
        for p in result.problems:
            yield {"file": getattr(p, "file", ""), "unit_code": getattr(p, "unit_code", ""),
                   "sheet": getattr(p, "sheet", ""), "cell": getattr(p, "cell", ""),
                   "code": getattr(p, "code", ""), "severity": getattr(p, "severity", ""),
                   "message": getattr(p, "message", ""), "field": getattr(p, "field", ""),
                   "value": getattr(p, "value", "")}
    else:
        raise KeyError(table)


def _atomic(path: Path, write: Callable[[TextIO], object], *, bom: bool = False) -> None:
    with atomic_path(path) as tmp, tmp.open(
            "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        write(fh)


def write_json(result: RoundResult, path: Path | str) -> None:
    """``to_export_dict(result)`` as indented JSON, written record by record (the same
    bytes as ``json.dumps(..., indent=2)``, without holding the whole dict)."""
    _atomic(Path(path), lambda fh: _stream_json(result, fh))


def _dump(value: Any, indent: str) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + indent)


def _stream_json(result: RoundResult, fh: TextIO) -> None:
    head = to_export_dict_head(result)
    fh.write("{\n")
    fh.write(f'  "round": {_dump(head["round"], "  ")}')
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
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if value is None:
        return ""
    return value


def _rows(result: RoundResult, table: str) -> tuple[list[str], Iterator[list[Any]]]:
    if table == "missing_units":
        units = {u.code: u for u in result.units}
        header = ["code", "name", "kind"]
        rows = ([c, units[c].name if c in units else "", units[c].kind if c in units else ""]
                for c in result.missing_units)
        return header, rows
    records = export_records(result, table)
    first = next(records, None)
    if first is None:
        return list(_EMPTY_HEADERS[table]), iter(())
    header = list(first)
    return header, ([_cell(r.get(k)) for k in header] for r in chain([first], records))


_EMPTY_HEADERS: dict[str, tuple[str, ...]] = {
    "intake": ("file", "unit_code", "status", "reason"),
    "units": ("code", "name", "submitted", "late", "score", "band", "indicators", "achieved",
              "not_achieved", "no_data", "undetermined", "tasks", "tasks_done",
              "tasks_overdue"),
    "objectives": ("unit_code", "code", "text", "status", "indicators", "achieved"),
    "indicators": ("unit_code", "objective_code", "code", "text", "target_text",
                   "result_text", "verdict", "percent_of_plan", "self_assessment",
                   "self_assessment_mismatch"),
    "tasks": ("unit_code", "number", "objective_code", "task", "due", "status", "overdue"),
    "problems": ("file", "unit_code", "sheet", "cell", "code", "severity", "message"),
}


def write_csv(result: RoundResult, out_dir: Path | str) -> list[Path]:
    """One CSV per table in ``out_dir`` (created if needed); returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for table in CSV_TABLES:
        header, rows = _rows(result, table)

        def write(fh: TextIO, header: list[str] = header,
                  rows: Iterator[list[Any]] = rows) -> None:
            w = csv.writer(fh, lineterminator="\r\n")
            w.writerow(header)
            w.writerows(rows)

        path = out / f"{table}.csv"
        _atomic(path, write, bom=True)
        paths.append(path)
    return paths
