"""The main job: a folder of returns -> intake register, scores, summary, feedback, export.

The data path: ``intake.validate`` reads and checks every file once (in isolated worker
processes) -> ``decide_fates`` gives every file exactly one fate -> ``scoring`` judges
the used returns -> ``RoundResult`` -> ``summary.write_summary``, ``feedback`` and
``export``. Outputs are written atomically; input files are only ever read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from qmo_excel import spec
from qmo_excel.intake.validate import FileReport, ValidationReport, validate
from qmo_excel.model import IntakeEntry, RoundConfig, RoundResult, UnitResult, UnitReturn
from qmo_excel.problems import CATALOGUE, Problem, sort_key
from qmo_excel.scoring import cut_off_date, score_return

# Longer list sheets are cut in the summary workbook; the full lists go to CSV.
BIG_SHEET_ROWS = 200_000
# Errors that leave nothing to consolidate; any other error is a data error in some cells.
UNUSABLE = frozenset({"structure-column-missing", "objectives-empty"})
SUPERSEDE_RULE = {
    "vi": ("Khi một đơn vị nộp nhiều lần: dùng bản có Ngày báo cáo (trong tệp) mới nhất; "
           "nếu bằng nhau, dùng bản có thời điểm sửa tệp sau cùng."),
    "en": ("When a unit sends several returns, the one with the latest report date (inside "
           "the file) is used; on a tie, the one modified last."),
}


@dataclass
class Outcome:
    result: RoundResult
    validation: ValidationReport
    summary: Path | None = None
    feedback: list[Path] = field(default_factory=list)
    exports: list[Path] = field(default_factory=list)


def _t(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


def _ret(report: FileReport) -> UnitReturn | None:
    ret = getattr(report, "unit_return", None)
    return ret if isinstance(ret, UnitReturn) else None


def _report_date(ret: UnitReturn | None) -> date | None:
    value = ret.info.get("report_date") if ret else None
    return value if isinstance(value, date) else None


def _info_text(ret: UnitReturn | None, key: str) -> str:
    if ret is None:
        return ""
    value = ret.info.get(key)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _same_file(a: object, b: object) -> bool:
    try:
        return Path(str(a)).resolve() == Path(str(b)).resolve()
    except OSError:
        return False


def _mtime(path: object) -> float:
    try:
        return Path(str(path)).stat().st_mtime
    except OSError:
        return 0.0


def _unusable(report: FileReport) -> bool:
    """A return is rejected only for file or structure errors; data errors are reported
    (and sent back as feedback) but the rest of the return is still used."""
    return any(p.severity == "error" and (p.code in UNUSABLE or (
        p.code in CATALOGUE and CATALOGUE[p.code].category == "file"))
        for p in report.problems)


def _first_error(report: FileReport) -> str:
    errors = [p for p in report.problems if p.severity == "error"]
    if not errors:
        return report.reason
    first = errors[0]
    where = f"{first.sheet}!{first.cell}: " if first.sheet and first.cell else ""
    more = len(errors) - 1
    tail = f" (+{more})" if more > 0 else ""
    return f"{where}{first.message}{tail}"


def decide_fates(reports: list[FileReport], config: RoundConfig, lang: str = "vi"
                 ) -> tuple[list[IntakeEntry], dict[str, FileReport]]:
    """Exactly one fate per file; returns the register and the used report per unit."""
    entries: dict[str, IntakeEntry] = {}
    registered = {u.code.casefold(): u for u in config.register}
    # Of several files with the same bytes, the original is the one modified first, then
    # the one with the shortest name ("PKT.xlsx" before "PKT (1).xlsx").
    first_with_hash: dict[str, str] = {}
    candidates: list[FileReport] = []

    def original_first(r: FileReport) -> tuple[Any, ...]:
        ret = _ret(r)
        mtime = ret.mtime if ret else _mtime(r.path)
        return (r.sha256 or "", mtime, len(r.rel), r.rel)

    for rep in sorted(reports, key=original_first):
        ret = _ret(rep)
        code = (rep.unit_code or _info_text(ret, "unit_code")).strip()
        errors = sum(p.severity == "error" for p in rep.problems)
        warnings = sum(p.severity == "warning" for p in rep.problems)
        entry = IntakeEntry(file=rep.rel, status="", unit_code=code,
                            unit_name=_info_text(ret, "unit_name"),
                            report_date=_report_date(ret), sha256=rep.sha256,
                            errors=errors, warnings=warnings)
        entries[rep.rel] = entry
        if rep.status == "ignored":
            entry.status, entry.reason = "ignored", rep.reason
            continue
        if config.source and _same_file(rep.path, config.source):
            entry.status = "ignored"
            entry.reason = _t(lang, "Sổ kỳ báo cáo (cài đặt, danh sách đơn vị), không phải "
                              "báo cáo của đơn vị", "The round workbook, not a unit's return")
            continue
        if rep.sha256 and rep.sha256 in first_with_hash:
            entry.status = "duplicate"
            entry.reason = _t(lang, f"Trùng nội dung với tệp {first_with_hash[rep.sha256]}",
                              f"Same content as {first_with_hash[rep.sha256]}")
            continue
        if rep.sha256:
            first_with_hash[rep.sha256] = rep.rel
        if rep.status == "rejected" or ret is None or not code or _unusable(rep):
            entry.status, entry.reason = "rejected", _first_error(rep) or rep.reason
            if ret is not None and not code:
                entry.reason = entry.reason or _t(lang, "Thiếu mã đơn vị", "No unit code")
            continue
        if registered and code.casefold() not in registered:
            entry.unknown_unit = True
        if code.casefold() in registered:
            entry.unit_name = registered[code.casefold()].name or entry.unit_name
        if config.deadline and entry.report_date and entry.report_date > config.deadline:
            entry.late = True
        candidates.append(rep)
    by_unit: dict[str, list[FileReport]] = {}
    for rep in candidates:
        code = entries[rep.rel].unit_code.casefold()
        by_unit.setdefault(code, []).append(rep)
    used: dict[str, FileReport] = {}
    for code, reps in by_unit.items():
        def newness(r: FileReport) -> tuple[Any, ...]:
            ret = _ret(r)
            return (_report_date(ret) or date.min, ret.mtime if ret else 0.0, r.rel)
        reps.sort(key=newness, reverse=True)
        winner = reps[0]
        entries[winner.rel].status = "used"
        if entries[winner.rel].unknown_unit:
            entries[winner.rel].reason = _t(lang, "Đơn vị không có trong danh sách đơn vị "
                                            "của kỳ báo cáo", "Unit not in the round's register")
        used[code] = winner
        for older in reps[1:]:
            e = entries[older.rel]
            e.status = "superseded"
            e.reason = _t(lang, f"Đã có bản mới hơn: {winner.rel}. {SUPERSEDE_RULE['vi']}",
                          f"A newer return is used: {winner.rel}. {SUPERSEDE_RULE['en']}")
    return [entries[k] for k in sorted(entries)], used


def _round_year_period(config: RoundConfig, used: dict[str, FileReport]
                       ) -> tuple[int | None, str]:
    years: Counter[int] = Counter()
    periods: Counter[str] = Counter()
    for rep in used.values():
        ret = _ret(rep)
        y = ret.info.get("year") if ret else None
        if isinstance(y, int | float) and 1900 < y < 2200:
            years[int(y)] += 1
        p = spec.choice_code("period", ret.info.get("period")) if ret else None
        if p:
            periods[p] += 1
    year = config.year or (min(years.most_common(), key=lambda kv: (-kv[1], kv[0]))[0]
                           if years else None)
    if config.source is None and periods:
        period = min(periods.most_common(), key=lambda kv: (-kv[1], kv[0]))[0]
    else:
        period = config.period or "year"
    return year, period


def build_result(validation: ValidationReport, config: RoundConfig, *, as_of: date,
                 lang: str = "vi") -> RoundResult:
    reports = list(validation.files)
    intake, used = decide_fates(reports, config, lang)
    year, period = _round_year_period(config, used)
    cut_off = cut_off_date(config, year, period, as_of)
    by_file = {e.file: e for e in intake}
    units: list[UnitResult] = []
    seen: set[str] = set()
    objectives, indicators, tasks = [], [], []
    relevant_files = {e.file for e in intake if e.status == "used"}
    problem_count = Counter(p.unit_code.casefold() for rep in reports
                            if rep.rel in relevant_files for p in rep.problems)
    for reg in config.register:
        units.append(UnitResult(code=reg.code, name=reg.name, kind=reg.kind))
        seen.add(reg.code.casefold())
    for code in sorted(used):
        if code not in seen:
            entry = by_file[used[code].rel]
            units.append(UnitResult(code=entry.unit_code, name=entry.unit_name,
                                    registered=False))
            seen.add(code)
    for unit in units:
        rep = used.get(unit.code.casefold())
        unit.problems = problem_count.get(unit.code.casefold(), 0)
        ret = _ret(rep) if rep else None
        if rep is None or ret is None:
            continue
        entry = by_file[rep.rel]
        unit.submitted, unit.late, unit.file = True, entry.late, rep.rel
        unit.report_date = entry.report_date
        unit.name = unit.name or entry.unit_name
        scored = score_return(ret, unit=unit, config=config, period=period, year=year,
                              cut_off=cut_off)
        objectives.extend(scored.objectives)
        indicators.extend(scored.indicators)
        tasks.extend(scored.tasks)
    missing = [u.code for u in units if u.registered and not u.submitted]
    # Problems of files that count: a superseded or duplicate file's problems are moot.
    relevant = {e.file for e in intake if e.status in ("used", "rejected")}
    problems: list[Problem] = sorted(
        (p for rep in reports if rep.rel in relevant for p in rep.problems), key=sort_key)
    return RoundResult(
        town=config.town, year=year, period=period, as_of=as_of, deadline=config.deadline,
        cut_off=cut_off, intake=intake, missing_units=missing, units=units,
        objectives=objectives, indicators=indicators, tasks=tasks, problems=problems,
        lang=lang,
    )


def consolidate(folder: Path, *, config: RoundConfig | None = None, out_dir: Path,
                as_of: date, lang: str = "vi", jobs: int | None = None,
                export_json: Path | None = None, export_csv: Path | None = None,
                feedback: bool = True, summary_name: str | None = None,
                progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Validate, consolidate and score every return under ``folder``; write the outputs."""
    from qmo_excel.export import write_csv, write_json
    from qmo_excel.feedback import write_feedback
    from qmo_excel.summary import write_summary
    from qmo_excel.summary.workbook import long_lists

    config = config or RoundConfig()
    validation = validate([folder], jobs=jobs, lang=lang, round=config, progress=progress)
    result = build_result(validation, config, as_of=as_of, lang=lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    outcome = Outcome(result=result, validation=validation)
    name = summary_name or default_summary_name(result, lang)
    outcome.summary = out_dir / name
    write_summary(result, outcome.summary, lang=lang, big_sheet_rows=BIG_SHEET_ROWS)
    if export_csv is None and long_lists(result, BIG_SHEET_ROWS):
        export_csv = out_dir / "csv"  # the cut sheets point readers to the full CSV lists
    if feedback:
        fb_dir = out_dir / ("gop-y" if lang == "vi" else "feedback")
        fates = {e.file: e.status for e in result.intake}
        for rep in validation.files:
            if fates.get(rep.rel) in ("used", "rejected") and rep.problems:
                path = write_feedback(rep, fb_dir, lang=lang)
                if path is not None:
                    outcome.feedback.append(path)
    if export_json is not None:
        write_json(result, export_json)
        outcome.exports.append(export_json)
    if export_csv is not None:
        write_csv(result, export_csv)
        outcome.exports.append(export_csv)
    return outcome


def default_summary_name(result: RoundResult, lang: str = "vi") -> str:
    year = result.year or result.as_of.year
    if lang == "vi":
        return f"tong-hop-MTCL-{year}-{result.period}.xlsx"
    return f"MTCL-summary-{year}-{result.period}.xlsx"
