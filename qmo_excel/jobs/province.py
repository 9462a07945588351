"""A province consolidates its towns: a folder of the towns' JSON exports (``qmo
consolidate --export-json``) becomes a province round, written by the same summary,
export, manifest and history machinery one level up.

- Every file of the folder gets a fate: a town's export is *used*; a second export of
  the same town *superseded* (the later run date wins); identical bytes *duplicate*; a
  file that is not a readable qmo export, or an export of another year or period than
  the province's round, *rejected*; anything else *ignored*.
- Each town is a unit of the province round: it is matched to the province's register
  by its name (or the export's file name by code); its indicators, objectives and tasks
  are its units' (an indicator's code is prefixed by its unit: ``PTCKH/1.1``), its
  verdicts are the town's own (the rule ``town_export``: traced by the town's manifest).
- A town's objectives are its own town objectives when the export has them, else its
  units' objectives taken together by code (achieved only when all are). The province's
  objectives (``RoundResult.town_objectives``, basis ``towns``) are these, code by code:
  each over every town's indicators of it, achieved only when all of them are — the
  town's rule one level up; the narrative also counts the towns achieving each.
- The towns are scored and banded by the province's rules (``scoring.fill_unit``) and
  ranked in the summary like units.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from qmo_excel.intake.discover import discover
from qmo_excel.judge.normalize import fold
from qmo_excel.model import (
    IndicatorResult,
    IntakeEntry,
    ObjectiveResult,
    RegisteredUnit,
    RoundConfig,
    RoundResult,
    TaskResult,
    TownIndicator,
    TownObjectiveResult,
    UnitResult,
)
from qmo_excel.reports import FileReport, ValidationReport
from qmo_excel.scoring import Scored, cut_off_date, fill_unit, objective_status
from qmo_excel.town import objective_of
from qmo_excel.vocab import Period, Words

SNIFF = 4096
RULE = "town_export"


def _sniff(path: Path) -> bool:
    if not path.is_file():  # a named pipe or a device is never opened
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF)
    except OSError:
        return False
    return b'"round"' in head and b'"town"' in head


def is_exports_folder(folder: Path) -> bool:
    """A folder of towns' JSON exports (and no spreadsheet): a province round."""
    found = discover([folder])
    if any(c.kind == "spreadsheet" for c in found):
        return False
    return any(c.path.suffix.lower() == ".json" and _sniff(c.path) for c in found)


@dataclass
class TownFile:
    rel: str
    path: Path
    sha256: str = ""
    data: dict[str, Any] | None = None
    reason: Words | None = None  # why it is not used (rejected or ignored)
    ignored: bool = False


NOT_JSON = Words("Không phải bản xuất dữ liệu JSON của thị xã",
                 "Not a town's JSON export")
UNREADABLE = Words("Không đọc được tệp JSON", "The JSON file cannot be read")
TOO_LARGE = Words("Tệp JSON quá lớn cho một bản xuất dữ liệu của thị xã",
                  "Too large for a town's JSON export")
MAX_EXPORT_BYTES = 1 << 30  # a town of 2,000 units exports about 100 MiB
NOT_EXPORT = Words("Tệp JSON không phải bản xuất dữ liệu của qmo (thiếu round, units, "
                   "indicators)", "Not a qmo export (no round, units or indicators)")


def read_town_files(folder: Path) -> list[TownFile]:
    """Every file of the folder, JSON exports read."""
    out = []
    for c in discover([folder]):
        f = TownFile(c.rel, c.path)
        if c.path.suffix.lower() != ".json":
            known = c.reason if isinstance(c.reason, Words) else None
            f.reason, f.ignored = known or NOT_JSON, True
            out.append(f)
            continue
        try:
            if not c.path.is_file():  # a named pipe, a device: never opened
                f.reason = c.reason if isinstance(c.reason, Words) else NOT_JSON
                f.ignored = True
                out.append(f)
                continue
            if c.path.stat().st_size > MAX_EXPORT_BYTES:
                f.reason = TOO_LARGE
                out.append(f)
                continue
            raw = c.path.read_bytes()
        except OSError:
            f.reason = UNREADABLE
            out.append(f)
            continue
        f.sha256 = hashlib.sha256(raw).hexdigest()
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            f.reason = UNREADABLE
            out.append(f)
            continue
        if not isinstance(data, dict) or not all(
                isinstance(data.get(k), t) for k, t in (("round", dict), ("units", list),
                                                        ("indicators", list))):
            f.reason = NOT_EXPORT
        else:
            f.data = data
        out.append(f)
    return out


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _period_words(year: Any, period: str) -> Words:
    p = Period.get(period) or Period.YEAR
    return Words(f"{p.label('vi')} {year}", f"{p.label('en')} {year}")


def _town_code(data: dict[str, Any], rel: str, register: list[RegisteredUnit]
               ) -> tuple[str, RegisteredUnit | None]:
    name = fold(str(data["round"].get("town") or ""))
    stem = fold(Path(rel).stem)
    for reg in register:
        if fold(reg.name) == name and name:
            return reg.code, reg
    for reg in register:
        if fold(reg.code) == stem:
            return reg.code, reg
    return Path(rel).stem, None


def _basis(files: list[TownFile], config: RoundConfig) -> tuple[int | None, str]:
    """The province round's year and period: its round workbook's, else the ones most
    exports state."""
    found = Counter((f.data["round"].get("year"), f.data["round"].get("period") or "year")
                    for f in files if f.data is not None)
    year, period = config.year, config.period if config.source else None
    if (year is None or period is None) and found:
        (y, p), _ = min(found.most_common(), key=lambda kv: (-kv[1], str(kv[0])))
        year = year if year is not None else y
        period = period or p
    return year, period or "year"


def build_province(files: list[TownFile], config: RoundConfig, *, as_of: date,
                   lang: str = "vi") -> RoundResult:
    """The province round of the towns' exports (see the module docstring)."""
    year, period = _basis(files, config)
    cut_off = cut_off_date(config, year, period, as_of)
    entries: dict[str, IntakeEntry] = {}
    seen: dict[str, str] = {}
    by_town: dict[str, list[tuple[TownFile, RegisteredUnit | None]]] = defaultdict(list)
    # of identical files the original is the one modified first, then the shortest name
    for f in sorted(files, key=lambda f: (_mtime(f.path), len(f.rel), f.rel)):
        entry = IntakeEntry(file=f.rel, status="", sha256=f.sha256)
        entries[f.rel] = entry
        if f.ignored:
            entry.status, entry.reason = "ignored", f.reason or NOT_JSON
            continue
        if f.sha256 and f.sha256 in seen:
            entry.status = "duplicate"
            entry.reason = Words(f"Trùng nội dung với tệp {seen[f.sha256]}",
                                 f"Same content as {seen[f.sha256]}")
            continue
        if f.sha256:
            seen[f.sha256] = f.rel
        if f.data is None:
            entry.status, entry.reason = "rejected", f.reason or NOT_EXPORT
            continue
        head = f.data["round"]
        code, reg = _town_code(f.data, f.rel, config.register)
        entry.unit_code, entry.unit_name = code, str(head.get("town") or "")
        entry.report_date = _date(head.get("as_of"))
        if (head.get("year"), head.get("period") or "year") != (year, period):
            theirs = _period_words(head.get("year"), head.get("period") or "year")
            ours = _period_words(year, period)
            entry.status = "rejected"
            entry.reason = Words(f"Bản xuất dữ liệu kỳ {theirs}, khác kỳ tổng hợp {ours}",
                                 f"An export of {theirs.en}, not of {ours.en}")
            continue
        if config.deadline and entry.report_date and entry.report_date > config.deadline:
            entry.late = True
        if config.register and reg is None:
            entry.unknown_unit = True
        by_town[code.casefold()].append((f, reg))
    towns: list[UnitResult] = [UnitResult(code=r.code, name=r.name, kind=r.kind)
                               for r in config.register]
    known = {u.code.casefold() for u in towns}
    objectives: list[ObjectiveResult] = []
    indicators: list[IndicatorResult] = []
    tasks: list[TaskResult] = []
    per_town: list[dict[str, tuple[str, list[TownIndicator]]]] = []
    for key in sorted(by_town):
        candidates = sorted(by_town[key], key=lambda fr: (
            entries[fr[0].rel].report_date or date.min, fr[0].rel), reverse=True)
        f, reg = candidates[0]
        entries[f.rel].status = "used"
        if entries[f.rel].unknown_unit:
            entries[f.rel].reason = Words("Thị xã không có trong danh sách đơn vị của kỳ",
                                          "Not in the round's register")
        for older, _ in candidates[1:]:
            entries[older.rel].status = "superseded"
            entries[older.rel].reason = Words(
                f"Đã có bản xuất mới hơn: {f.rel}", f"A later export is used: {f.rel}")
        code = entries[f.rel].unit_code
        if key not in known:
            towns.append(UnitResult(code=code, name=entries[f.rel].unit_name,
                                    registered=False))
            known.add(key)
        town = next(u for u in towns if u.code.casefold() == key)
        town.name = town.name or entries[f.rel].unit_name
        town.submitted, town.file = True, f.rel
        town.report_date, town.late = entries[f.rel].report_date, entries[f.rel].late
        assert f.data is not None
        scored, its_objectives = _town_records(f.data, town.code, year, period, cut_off)
        per_town.append(its_objectives)
        fill_unit(town, scored, config)
        town.problems = len(f.data.get("problems") or [])
        objectives.extend(scored.objectives)
        indicators.extend(scored.indicators)
        tasks.extend(scored.tasks)
    missing = [u.code for u in towns if u.registered and not u.submitted]
    return RoundResult(
        town=config.town, year=year, period=period, as_of=as_of, deadline=config.deadline,
        cut_off=cut_off, intake=[entries[f.rel] for f in files], missing_units=missing,
        units=towns, objectives=objectives, indicators=indicators, tasks=tasks, problems=[],
        lang=lang, level="province", town_objectives=province_objectives(per_town),
        town_basis="towns")


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else None


def _notes(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [v for v in str(value or "").split("; ") if v]


def _town_records(data: dict[str, Any], town: str, year: int | None, period: str,
                  cut_off: date) -> tuple[Scored, dict[str, tuple[str, list[TownIndicator]]]]:
    """The town's records as one unit of the province, and its objectives' indicators
    (by objective code: the objective's text and its indicators, named ``TOWN/UNIT``)."""
    inds: list[IndicatorResult] = []
    for r in data.get("indicators") or []:
        objective = str(r.get("town_objective") or r.get("objective_code") or "")
        inds.append(IndicatorResult(
            unit_code=town, objective_code=objective,
            code=f"{r.get('unit_code', '')}/{r.get('code', '')}", text=str(r.get("text", "")),
            unit_of_measure=str(r.get("unit_of_measure") or ""),
            target_text=str(r.get("target_text") or ""),
            result_text=str(r.get("result_text") or ""),
            target_kind=str(r.get("target_kind") or ""),
            direction=str(r.get("direction") or "higher_is_better"),
            verdict=str(r.get("verdict") or "khong_xac_dinh"),
            verdict_source=str(r.get("verdict_source") or "computed"),
            percent_of_plan=_float(r.get("percent_of_plan")),
            confidence=str(r.get("confidence") or "certain"),
            weight=_float(r.get("weight")) or 1.0,
            self_assessment=str(r.get("self_assessment") or ""),
            self_assessment_mismatch=bool(r.get("self_assessment_mismatch")),
            notes=_notes(r.get("notes")), row=int(r.get("row") or 0), rule=RULE,
            progress=r.get("progress") or None,
            town_objective=str(r.get("town_objective") or "")))
    tasks = [TaskResult(
        unit_code=town, number=f"{r.get('unit_code', '')}/{r.get('number', '')}",
        objective_code=str(r.get("objective_code") or ""), task=str(r.get("task") or ""),
        lead=str(r.get("lead") or ""), timeline=str(r.get("timeline") or ""),
        due=_date(r.get("due")), status=str(r.get("status") or ""),
        completed_on=_date(r.get("completed_on")), done=bool(r.get("done")),
        done_late=bool(r.get("done_late")), overdue=bool(r.get("overdue")))
        for r in data.get("tasks") or []]
    objectives, members = _town_objectives(data, town, inds)
    return Scored(year, period, cut_off, objectives, inds, tasks), members


def _member(town: str, r: dict[str, Any]) -> TownIndicator:
    return TownIndicator(
        unit_code=f"{town}/{r.get('unit_code', '')}", code=str(r.get("code", "")),
        text=str(r.get("text", "")), verdict=str(r.get("verdict") or "khong_xac_dinh"),
        progress=r.get("progress") or None, target_text=str(r.get("target_text") or ""),
        result_text=str(r.get("result_text") or ""),
        percent_of_plan=_float(r.get("percent_of_plan")), missing=str(r.get("missing") or ""))


def _town_objectives(data: dict[str, Any], town: str, inds: list[IndicatorResult]
                     ) -> tuple[list[ObjectiveResult],
                                dict[str, tuple[str, list[TownIndicator]]]]:
    """The town's own objectives (with their indicators) when its export has them, else
    its units' objectives taken together by code (with the units' indicators)."""
    failing: dict[str, list[str]] = defaultdict(list)
    for i in inds:
        if i.verdict == "khong_dat":
            failing[i.objective_code].append(f"{i.code.split('/')[0]}: {i.text}")
    own = [t for t in data.get("town_objectives") or [] if isinstance(t, dict)]
    members: dict[str, tuple[str, list[TownIndicator]]] = {}
    if own:
        out = []
        for t in own:
            code, text = str(t.get("code", "")), str(t.get("text", ""))
            its = [_member(town, m) for m in t.get("indicators") or [] if isinstance(m, dict)]
            members[code] = (text, its)
            out.append(ObjectiveResult(
                unit_code=town, code=code, text=text,
                status=str(t.get("status") or "khong_xac_dinh"),
                indicators=int(t.get("indicators_total") or len(its)),
                achieved=int(t.get("achieved") or 0),
                not_achieved=[f"{m.unit_code.split('/', 1)[1]}: {m.text}" for m in its
                              if m.verdict == "khong_dat"]))
        return out, members
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for o in data.get("objectives") or []:
        groups[str(o.get("code", ""))].append(o)
    out = []
    for code, group in groups.items():
        texts = Counter(str(o.get("text") or "") for o in group if o.get("text"))
        text = min(texts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if texts else ""
        members[code] = (text, [
            TownIndicator(unit_code=f"{town}/{i.code.split('/', 1)[0]}",
                          code=i.code.split("/", 1)[1], text=i.text, verdict=i.verdict,
                          progress=i.progress, target_text=i.target_text,
                          result_text=i.result_text, percent_of_plan=i.percent_of_plan)
            for i in inds if i.objective_code == code])
        out.append(ObjectiveResult(
            unit_code=town, code=code, text=text,
            status=objective_status([str(o.get("status") or "khong_xac_dinh")
                                     for o in group]),
            indicators=sum(int(o.get("indicators") or 0) for o in group),
            achieved=sum(int(o.get("achieved") or 0) for o in group),
            not_achieved=failing.get(code, [])))
    return out, members


def province_objectives(per_town: list[dict[str, tuple[str, list[TownIndicator]]]]
                        ) -> list[TownObjectiveResult]:
    """The province's objectives: each code over every town's indicators of it (achieved
    only when all of them are), in the order the towns list them."""
    texts: dict[str, Counter[str]] = {}
    members: dict[str, list[TownIndicator]] = {}
    for town in per_town:
        for code, (text, its) in town.items():
            texts.setdefault(code, Counter()).update([text] if text else [])
            members.setdefault(code, []).extend(its)
    return [objective_of(code, min(texts[code].items(), key=lambda kv: (-kv[1], kv[0]))[0]
                         if texts[code] else "", members[code], "towns")
            for code in sorted(members, key=_code_order)]


def _code_order(code: str) -> tuple[int, ...] | tuple[float, str]:
    parts = code.split(".")
    if all(p.isdigit() for p in parts):
        return tuple(int(p) for p in parts)
    return (float("inf"), code)


def validation_of(files: list[TownFile], result: RoundResult) -> ValidationReport:
    """The province's files as a validation report (for the run's outcome)."""
    fates = {e.file: e for e in result.intake}
    out = []
    for f in files:
        e = fates[f.rel]
        status = {"ignored": "ignored", "rejected": "rejected"}.get(e.status, "valid")
        out.append(FileReport(f.rel, str(f.path), status,  # type: ignore[arg-type]
                              reason=str(e.reason), unit_code=e.unit_code, sha256=f.sha256))
    return ValidationReport(out)
