"""The main job: a folder of returns -> intake register, scores, summary, feedback, export.

The data path: ``intake.validate`` reads and checks every file once (in isolated worker
processes) -> ``decide_fates`` gives every file exactly one fate -> ``scoring`` judges
the used returns -> ``RoundResult`` -> ``summary.write_summary``, ``feedback`` and
``export``. Outputs are written atomically; input files are only ever read.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from qmo_excel.intake.reader import read_return_layout
from qmo_excel.jobs.pool import Failure, Workers, run_isolated
from qmo_excel.jobs.validate import validate
from qmo_excel.model import (
    Assignment,
    IntakeEntry,
    RoundConfig,
    RoundResult,
    UnitResult,
    UnitReturn,
    assigned_to,
)
from qmo_excel.problems import CATALOGUE, Problem, sort_key
from qmo_excel.reports import FileReport, ValidationReport
from qmo_excel.scoring import (
    Scored,
    cut_off_date,
    fill_unit,
    return_year_period,
    round_year_period,
    score_records,
)

# The feedback workers' lower CPU priority while the summary is written beside them.
FEEDBACK_NICE = 5
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
    feedback_failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    exports: list[Path] = field(default_factory=list)


@dataclass
class FeedbackJob:
    """One feedback workbook to write (picklable, for a worker)."""

    report: FileReport
    out_dir: str
    lang: str


def write_feedback_job(job: FeedbackJob) -> str | None:
    """Top-level: runs in an isolated worker (it loads the unit's file with openpyxl)."""
    from qmo_excel.feedback.workbook import write_feedback

    path = write_feedback(job.report, Path(job.out_dir), lang=job.lang)
    return None if path is None else str(path)


@contextmanager
def overlapped_feedback(workers: Workers, fb_jobs: list[FeedbackJob], outcome: Outcome
                        ) -> Iterator[None]:
    """Write the feedback workbooks in worker processes while the body runs.

    The body (writing the summary) and the feedback workers share the cores.
    The workers were started before the round's records were built (they stay small),
    and a thread feeds them and collects what they write; on leaving, the feedback is
    waited for (and stopped early if the body failed).
    """
    if not fb_jobs:
        yield
        return
    done: dict[int, Path] = {}
    failed: dict[int, tuple[str, str]] = {}
    stop = threading.Event()

    def collect() -> None:
        results = workers.run(fb_jobs)
        try:
            for index, result in results:
                if isinstance(result, str):
                    done[index] = Path(result)
                elif isinstance(result, Failure):
                    failed[index] = (fb_jobs[index].report.rel, result.detail)
                if stop.is_set():
                    break
        finally:
            results.close()

    worker = threading.Thread(target=collect, name="qmo-feedback", daemon=True)
    worker.start()
    try:
        yield
    except BaseException:
        stop.set()
        raise
    finally:
        worker.join()
        outcome.feedback = [done[i] for i in sorted(done)]
        outcome.feedback_failed = [failed[i] for i in sorted(failed)]


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
        if ret is not None:
            y, p = return_year_period(ret)
            years.update([y] if y else [])
            periods.update([p] if p else [])
    return round_year_period(config, years, periods)


@dataclass
class RescoreJob:
    """A return to judge again with the round's basis (picklable, for a worker)."""

    path: str
    unit_code: str
    year: int | None
    period: str
    cut_off: date
    assignments: tuple[Assignment, ...] = ()  # the unit's own, from the round


def rescore_file(job: RescoreJob) -> Scored:
    """Read and judge one return again. Top-level: runs in an isolated worker."""
    ret, _layout = read_return_layout(Path(job.path))
    return score_records(ret, unit_code=job.unit_code, period=job.period, year=job.year,
                         cut_off=job.cut_off, assignments=job.assignments)


def _scores(todo: list[tuple[UnitResult, FileReport]], basis: tuple[int | None, str, date],
            jobs: int | None, assignments: Sequence[Assignment] = ()) -> dict[str, Scored]:
    """Every used return's records judged with the round's ``basis``, by unit code.

    The workers of the intake judged each return with the basis it states itself; only
    returns whose basis differs from the round's (or whose judging failed) are judged
    again, from their rows when they were kept, else re-read in an isolated worker.
    """
    year, period, cut_off = basis
    out: dict[str, Scored] = {}
    again: list[RescoreJob] = []
    for unit, rep in todo:
        scored, ret = rep.scored, _ret(rep)
        if scored is not None and scored.basis() == basis:
            out[unit.code] = scored
        elif ret is not None and rep.rows_kept:
            out[unit.code] = score_records(ret, unit_code=unit.code, period=period,
                                           year=year, cut_off=cut_off,
                                           assignments=assignments)
        else:
            again.append(RescoreJob(rep.path, unit.code, year, period, cut_off,
                                    tuple(assigned_to(assignments, unit.code))))
    for index, result in run_isolated(rescore_file, again, jobs=jobs):
        if isinstance(result, Scored):
            out[again[index].unit_code] = result
        elif (old := next((r.scored for u, r in todo if u.code == again[index].unit_code),
                          None)) is not None:
            out[again[index].unit_code] = old  # the worker's judging stands
    for unit, _rep in todo:
        scored = out.get(unit.code)
        if scored is not None and scored.unit_codes() - {unit.code}:
            scored.relabel(unit.code)
    return out


def build_result(validation: ValidationReport, config: RoundConfig, *, as_of: date,
                 lang: str = "vi", jobs: int | None = None) -> RoundResult:
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
    todo: list[tuple[UnitResult, FileReport]] = []
    for unit in units:
        rep = used.get(unit.code.casefold())
        unit.problems = problem_count.get(unit.code.casefold(), 0)
        if rep is None or _ret(rep) is None:
            continue
        entry = by_file[rep.rel]
        unit.submitted, unit.late, unit.file = True, entry.late, rep.rel
        unit.report_date = entry.report_date
        unit.name = unit.name or entry.unit_name
        todo.append((unit, rep))
    scores = _scores(todo, (year, period, cut_off), jobs, config.assignments)
    for unit, _rep in todo:
        scored = scores.get(unit.code)
        if scored is None:
            continue
        fill_unit(unit, scored, config)
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
    with gc_paused():
        return _consolidate(folder, config=config or RoundConfig(), out_dir=out_dir,
                            as_of=as_of, lang=lang, jobs=jobs, export_json=export_json,
                            export_csv=export_csv, feedback=feedback,
                            summary_name=summary_name, progress=progress)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the round's records are built and written.

    The records hold no reference cycles, and a round of 1,000 returns allocates
    millions of them: each automatic collection would walk them all again (about a
    seventh of the run's time). Freed by reference counting as usual; collected after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _consolidate(folder: Path, *, config: RoundConfig, out_dir: Path, as_of: date,
                 lang: str, jobs: int | None, export_json: Path | None,
                 export_csv: Path | None, feedback: bool, summary_name: str | None,
                 progress: Callable[[int, int], None] | None) -> Outcome:
    import qmo_excel.feedback.workbook  # noqa: F401  (imported before the feedback workers fork)

    # Feedback workers are forked now, while this process is small; they wait for work.
    # As many as there are cores, at a lower priority: the summary writer keeps its core
    # and the feedback takes what is left, then every core once the summary is written.
    fb_workers = Workers(write_feedback_job, jobs=jobs or os.cpu_count() or 1,
                         timeout=120.0, nice=FEEDBACK_NICE) if feedback else None
    try:
        return _run(folder, config=config, out_dir=out_dir, as_of=as_of, lang=lang,
                    jobs=jobs, export_json=export_json, export_csv=export_csv,
                    fb_workers=fb_workers, summary_name=summary_name, progress=progress)
    finally:
        if fb_workers is not None:
            fb_workers.close()


def _run(folder: Path, *, config: RoundConfig, out_dir: Path, as_of: date, lang: str,
         jobs: int | None, export_json: Path | None, export_csv: Path | None,
         fb_workers: Workers | None, summary_name: str | None,
         progress: Callable[[int, int], None] | None) -> Outcome:
    from qmo_excel.export import write_csv, write_json
    from qmo_excel.summary import write_summary
    from qmo_excel.summary.workbook import long_lists

    validation = validate([folder], jobs=jobs, lang=lang, round=config, progress=progress,
                          keep_rows=False, as_of=as_of)
    result = build_result(validation, config, as_of=as_of, lang=lang, jobs=jobs)
    out_dir.mkdir(parents=True, exist_ok=True)
    outcome = Outcome(result=result, validation=validation)
    name = summary_name or default_summary_name(result, lang)
    outcome.summary = out_dir / name
    if export_csv is None and long_lists(result, BIG_SHEET_ROWS):
        export_csv = out_dir / "csv"  # the cut sheets point readers to the full CSV lists
    fb_jobs: list[FeedbackJob] = []
    if fb_workers is not None:
        fb_dir = out_dir / ("gop-y" if lang == "vi" else "feedback")
        fates = {e.file: e.status for e in result.intake}
        fb_jobs = [FeedbackJob(replace(rep, scored=None), str(fb_dir), lang)
                   for rep in validation.files
                   if fates.get(rep.rel) in ("used", "rejected") and rep.problems]
    with overlapped_feedback(fb_workers, fb_jobs, outcome) if fb_workers else nullcontext():
        write_summary(result, outcome.summary, lang=lang, big_sheet_rows=BIG_SHEET_ROWS)
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
