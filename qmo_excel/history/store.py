"""Recording a round in the history, and reading rounds back.

``record_round`` writes one round — the round's figures, its units, indicators,
objectives, town objectives, plan tasks, intake register and problems, and the run's
manifest — in one transaction that first deletes the rows of the same round (same body,
level, year and period), so re-running a round replaces it and a run killed half way
leaves the previous history as it was. Fields that later issues add to the records
(band conditions, progress status, town objectives) are recorded when present.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from qmo_excel import __version__
from qmo_excel.figures import achieved_total, headline
from qmo_excel.history.schema import TABLES, transaction
from qmo_excel.judge.normalize import fold
from qmo_excel.model import RoundResult, UnitResult
from qmo_excel.vocab import ACHIEVED, Period, in_lang

# The months each period spans. Rounds are ordered by year, the day their period ends
# (vocab.Period.end), then the months it spans: Quý II (three months to June) comes before
# 6 tháng (six months to June), Quý IV before Năm.
MONTHS = {"q1": 3, "q2": 3, "h1": 6, "q3": 3, "m9": 9, "q4": 3, "year": 12}


def body_key(body: str) -> str:
    return " ".join(fold(body or "").split())


def _period(code: str) -> Period:
    return Period.get(code) or Period.YEAR


def period_end(year: int, period: str) -> date:
    return date(year, *_period(period).end)


def round_year(result: RoundResult) -> int:
    """The year a round is recorded under (the run date's when no return states one)."""
    return result.year or result.as_of.year


def order_key(year: int, period: str) -> tuple[int, int, int]:
    return year, _period(period).end[0], MONTHS.get(period, 12)


@dataclass(frozen=True)
class RoundRow:
    """A recorded round (the ``rounds`` table, without its manifest)."""

    id: int
    body: str
    level: str
    year: int
    period: str
    as_of: date
    units_expected: int
    units_submitted: int
    indicators: int
    achieved: int
    share_achieved: float | None
    average_score: float | None
    town_objectives: int
    town_objectives_achieved: int
    tool_version: str
    source_folder: str

    def key(self) -> tuple[int, int, int]:
        return order_key(self.year, self.period)


_ROUND_COLUMNS = ("id", "body", "level", "year", "period", "as_of", "units_expected",
                  "units_submitted", "indicators", "achieved", "share_achieved",
                  "average_score", "town_objectives", "town_objectives_achieved",
                  "tool_version", "source_folder")


def list_rounds(conn: sqlite3.Connection, body: str | None = None, level: str | None = None
                ) -> list[RoundRow]:
    """Recorded rounds, oldest first (of one body and level when given)."""
    sql = f"SELECT {', '.join(_ROUND_COLUMNS)} FROM rounds"
    where, args = [], []
    if body is not None:
        where.append("body_key = ?")
        args.append(body_key(body))
    if level is not None:
        where.append("level = ?")
        args.append(level)
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = []
    for r in conn.execute(sql, args):
        values = dict(zip(_ROUND_COLUMNS, r, strict=True))
        values["as_of"] = date.fromisoformat(values["as_of"])
        rows.append(RoundRow(**values))
    return sorted(rows, key=lambda r: (r.body, r.level, r.key(), r.id))


def find_round(conn: sqlite3.Connection, body: str, level: str, year: int, period: str
               ) -> RoundRow | None:
    for r in list_rounds(conn, body, level):
        if (r.year, r.period) == (year, period):
            return r
    return None


def load_manifest(conn: sqlite3.Connection, round_id: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT manifest FROM rounds WHERE id = ?", (round_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    data: dict[str, Any] = json.loads(zlib.decompress(row[0]).decode("utf-8"))
    return data


# --------------------------------------------------------------------------- writing


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    elif isinstance(value, list):
        value = [asdict(v) if is_dataclass(v) and not isinstance(v, type) else v
                 for v in value]
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def share(achieved: int, total: int) -> float | None:
    return round(100.0 * achieved / total, 4) if total else None


def _unit_rows(round_id: int, units: Iterable[UnitResult]) -> Iterator[tuple[Any, ...]]:
    for u in units:
        achieved = achieved_total(u)
        yield (round_id, u.code, u.name, u.kind, int(u.registered), int(u.submitted),
               int(u.late), u.file, _d(u.report_date), u.score, u.band, int(u.provisional),
               _json(u.conditions or None), _json(u.held_back or None),
               share(achieved, u.indicators), u.indicators, u.assessed,
               achieved, u.exceeded, u.not_achieved, u.in_progress, u.at_risk, u.behind,
               u.no_data, u.undetermined, u.objectives, u.objectives_achieved, u.tasks,
               u.tasks_done, u.tasks_done_late, u.tasks_overdue, u.mismatches, u.problems)


def _rows(round_id: int, result: RoundResult, table: str) -> Iterator[tuple[Any, ...]]:
    if table == "units":
        yield from _unit_rows(round_id, result.units)
    elif table == "indicators":
        for i in result.indicators:
            yield (round_id, i.unit_code, i.objective_code, i.code, i.text,
                   i.unit_of_measure, i.target_text, i.result_text, i.target_kind,
                   i.direction, i.verdict, i.verdict_source, i.progress,
                   i.percent_of_plan, i.confidence, i.weight, i.self_assessment,
                   int(i.self_assessment_mismatch), i.town_objective or None,
                   i.rule, "\n".join(i.notes), i.row)
    elif table == "objectives":
        for o in result.objectives:
            yield (round_id, o.unit_code, o.code, o.text, o.status, o.indicators,
                   o.achieved, "\n".join(o.not_achieved))
    elif table == "town_objectives":
        for t in result.town_objectives:
            yield (round_id, t.code, t.text, t.status, t.source, t.total, t.achieved,
                   t.exceeded, t.not_achieved, t.in_progress, t.no_data, t.undetermined,
                   t.at_risk, t.behind, _json(list(t.indicators)) or "[]")
    elif table == "tasks":
        for k in result.tasks:
            yield (round_id, k.unit_code, k.number, k.objective_code, k.task, k.lead,
                   k.timeline, _d(k.due), k.status, _d(k.completed_on), int(k.done),
                   int(k.done_late), int(k.overdue))
    elif table == "intake":
        for e in result.intake:
            yield (round_id, e.file, e.status, in_lang(e.reason, result.lang), e.unit_code,
                   e.unit_name,
                   _d(e.report_date), int(e.late), int(e.unknown_unit), e.sha256, e.errors,
                   e.warnings)
    elif table == "problems":
        for p in result.problems:
            yield (round_id, p.file, p.unit_code, p.sheet, p.cell, p.field, str(p.value),
                   p.code, p.severity, p.message_in(result.lang))
    else:
        raise KeyError(table)


_WIDTH = {"units": 33, "indicators": 22, "objectives": 8, "town_objectives": 15,
          "tasks": 13, "intake": 12, "problems": 10}


def town_objective_counts(result: RoundResult) -> tuple[int, int]:
    town = result.town_objectives
    return len(town), sum(1 for t in town if t.status in ACHIEVED)


def record_round(conn: sqlite3.Connection, path: Path | str, result: RoundResult, *,
                 level: str = "town", source_folder: str = "",
                 round_workbook: str | None = None, manifest: bytes | None = None,
                 manifest_sha256: str | None = None, fail_after: str | None = None) -> int:
    """Record ``result`` (replacing the same round) in one transaction; its id.

    ``manifest``: the run's manifest, zlib-compressed, and ``manifest_sha256`` the hash
    of the uncompressed JSON. ``fail_after`` (tests only) raises after writing that
    table, inside the transaction.
    """
    h = headline(result)
    year = round_year(result)
    town_total, town_achieved = town_objective_counts(result)
    ended = period_end(year, result.period)
    months = MONTHS.get(result.period, 12)
    new_id = 0

    def write(c: sqlite3.Connection) -> None:
        nonlocal new_id
        old = c.execute("SELECT id FROM rounds WHERE body_key = ? AND level = ? AND year = ? "
                        "AND period = ?", (body_key(result.town), level, year,
                                           result.period)).fetchall()
        for (rid,) in old:
            for table in TABLES[1:]:
                c.execute(f"DELETE FROM {table} WHERE round_id = ?", (rid,))
            c.execute("DELETE FROM rounds WHERE id = ?", (rid,))
        cur = c.execute(
            "INSERT INTO rounds (body, body_key, level, year, period, period_end, months, "
            "as_of, deadline, cut_off, lang, tool_version, source_folder, round_workbook, "
            "units_expected, units_submitted, units_late, units_missing, indicators, "
            "achieved, exceeded, not_achieved, in_progress, no_data, undetermined, "
            "share_achieved, average_score, objectives, objectives_achieved, "
            "town_objectives, town_objectives_achieved, tasks, tasks_done, tasks_overdue, "
            "problems, manifest, manifest_sha256) VALUES (" + ", ".join(["?"] * 37) + ")",
            (result.town, body_key(result.town), level, year, result.period,
             ended.isoformat(), months, result.as_of.isoformat(), _d(result.deadline),
             _d(result.cut_off), result.lang, __version__, source_folder, round_workbook,
             h.expected, h.received, h.late, h.missing, h.indicators, h.achieved,
             h.exceeded, h.not_achieved, h.in_progress, h.no_data, h.undetermined,
             share(h.achieved, h.indicators), h.score, h.objectives, h.objectives_achieved,
             town_total, town_achieved, h.tasks, h.tasks_done, h.tasks_overdue,
             len(result.problems), manifest, manifest_sha256))
        new_id = int(cur.lastrowid or 0)
        for table, width in _WIDTH.items():
            marks = ", ".join(["?"] * width)
            c.executemany(f"INSERT INTO {table} VALUES ({marks})",
                          _rows(new_id, result, table))
            if fail_after == table:
                raise RuntimeError(f"stopped after {table} (test)")
        c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_writer', ?)",
                  (f"qmo {__version__}",))

    transaction(conn, path, write)
    return new_id


def delete_round(conn: sqlite3.Connection, path: Path | str, round_id: int) -> None:
    def drop(c: sqlite3.Connection) -> None:
        for table in TABLES[1:]:
            c.execute(f"DELETE FROM {table} WHERE round_id = ?", (round_id,))
        c.execute("DELETE FROM rounds WHERE id = ?", (round_id,))

    transaction(conn, path, drop)
