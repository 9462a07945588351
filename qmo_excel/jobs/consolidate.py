"""The main job: a folder of returns -> intake register, scores, summary, feedback, export.

The data path: ``intake.validate`` reads and checks every file once (in isolated worker
processes) -> ``decide_fates`` gives every file exactly one fate -> ``scoring`` judges
the used returns -> ``RoundResult`` -> ``summary.write_summary``, ``feedback`` and
``export``. Outputs are written atomically; input files are only ever read.
"""

from __future__ import annotations

import gc
import os
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from qmo_excel.consolidation import decide_fates, return_of, round_basis
from qmo_excel.history.run import RoundHistory
from qmo_excel.intake.reader import read_return_layout
from qmo_excel.jobs.feedback_jobs import (
    FEEDBACK_TIMEOUT,
    FeedbackJob,
    archive_stale,
    feedback_jobs,
    overlapped_feedback,
    write_feedback_job,
)
from qmo_excel.jobs.pool import Workers, run_isolated
from qmo_excel.jobs.province import (
    build_province,
    is_exports_folder,
    read_town_files,
    validation_of,
)
from qmo_excel.jobs.validate import validate
from qmo_excel.model import (
    Assignment,
    RoundConfig,
    RoundResult,
    UnitResult,
    assigned_to,
)
from qmo_excel.problems import Problem, problem, sort_key
from qmo_excel.reports import FileReport, ValidationReport
from qmo_excel.scoring import (
    Scored,
    cut_off_date,
    default_as_of,
    fill_unit,
    score_records,
)
from qmo_excel.town import roll_up
from qmo_excel.vocab import Period, Words

# progress(stage, done, total): stages "read", "feedback", "summary", "export"
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    return None


# The feedback workers' lower CPU priority while the summary is written beside them.
FEEDBACK_NICE = 5
# Longer list sheets are cut in the summary workbook; the full lists go to CSV.
BIG_SHEET_ROWS = 200_000


@dataclass
class Outcome:
    result: RoundResult
    validation: ValidationReport
    summary: Path | None = None
    feedback: list[Path] = field(default_factory=list)
    feedback_failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    feedback_archived: list[Path] = field(default_factory=list)  # earlier runs', moved
    exports: list[Path] = field(default_factory=list)
    report: Path | None = None  # the signed report's draft (.docx)
    report_data: Path | None = None  # what ``qmo report`` writes it again from
    report_failed: str = ""  # why the report could not be written (its template)
    manifest: Path | None = None  # the audit manifest beside the summary
    history: Path | None = None  # the history file the round was recorded in
    history_rounds: int = 0  # rounds of this body in the history, this one included
    history_replaced: bool = False  # the round was already recorded: replaced
    history_error: Exception | None = None  # the round could not be recorded (HistoryError)


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
        scored, ret = rep.scored, return_of(rep)
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
                 lang: str = "vi", jobs: int | None = None, shown_as_of: date | None = None
                 ) -> RoundResult:
    """The round's result. ``as_of`` is the day of the run (what the workers judged
    with); the figures are shown "as of" ``shown_as_of``, by default the round's cut-off
    (or the end of its period) once that is past (``scoring.default_as_of``)."""
    reports = list(validation.files)
    intake, used = decide_fates(reports, config)
    year, period = round_basis(config, used)
    cut_off = cut_off_date(config, year, period, as_of)
    shown = shown_as_of or default_as_of(config, year, period, as_of)
    by_file = {e.file: e for e in intake}
    units: list[UnitResult] = []
    seen: set[str] = set()
    objectives, indicators, tasks = [], [], []
    relevant_files = {e.file for e in intake if e.status == "used"}
    problem_count = Counter({by_file[rep.rel].unit_code.casefold(): len(rep.problems)
                             for rep in reports if rep.rel in relevant_files})
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
        if rep is None or return_of(rep) is None:
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
    town = roll_up(config, submitted=[u.code for u in units if u.submitted],
                   objectives=objectives, indicators=indicators)
    missing = [u.code for u in units if u.registered and not u.submitted]
    # Problems of files that count: a superseded or duplicate file's problems are moot.
    relevant = {e.file for e in intake if e.status in ("used", "rejected")}
    problems: list[Problem] = sorted(
        (p for rep in reports if rep.rel in relevant for p in rep.problems), key=sort_key)
    return RoundResult(
        town=config.town, year=year, period=period, as_of=shown, deadline=config.deadline,
        cut_off=cut_off, intake=intake, missing_units=missing, units=units,
        objectives=objectives, indicators=indicators, tasks=tasks, problems=problems,
        lang=lang, town_objectives=town.objectives, town_basis=town.basis,
        town_gap=town.gap, town_office=town.office,
    )


class NoReturns(Exception):
    """The folder holds no file that could be a return: nothing to consolidate."""

    def __init__(self, folder: Path, ignored: int) -> None:
        super().__init__(str(folder))
        self.folder, self.ignored = folder, ignored


def consolidate(folder: Path, *, config: RoundConfig | None = None, out_dir: Path,
                as_of: date | None = None, lang: str = "vi", jobs: int | None = None,
                export_json: Path | None = None, export_csv: Path | None = None,
                feedback: bool = True, summary_name: str | None = None,
                progress: Progress | None = None, history: Path | None = None) -> Outcome:
    """Validate, consolidate and score every return under ``folder``; write the outputs.

    ``as_of`` fixes the run's date (the same inputs then give the same bytes); without it
    the run is judged today and its figures are shown as of the round's cut-off once that
    is past. Raises ``NoReturns`` (writing nothing) when no file could be a return.

    With ``history`` (a file; see ``history.default_history_path``) the summary carries
    the trends against the earlier rounds recorded there, and the round is recorded in
    it. The history is checked before anything is read: a history file that cannot be
    used raises ``history.HistoryError`` and nothing is written.
    """
    province = is_exports_folder(folder)
    with gc_paused(), RoundHistory(history, "province" if province else "town") as hist:
        if province:
            return _province(folder, config=config or RoundConfig(), out_dir=out_dir,
                             as_of=as_of, lang=lang, export_json=export_json,
                             export_csv=export_csv, summary_name=summary_name, hist=hist)
        return _consolidate(folder, config=config or RoundConfig(), out_dir=out_dir,
                            as_of=as_of, lang=lang, jobs=jobs, export_json=export_json,
                            export_csv=export_csv, feedback=feedback,
                            summary_name=summary_name, progress=progress, hist=hist)


def _province(folder: Path, *, config: RoundConfig, out_dir: Path, as_of: date | None,
              lang: str,
              export_json: Path | None, export_csv: Path | None, summary_name: str | None,
              hist: RoundHistory) -> Outcome:
    """A province round over a folder of towns' JSON exports (``jobs.province``)."""
    from qmo_excel.summary import write_summary

    files = read_town_files(folder)
    result = build_province(files, config, as_of=as_of or date.today(), lang=lang)
    result.trends = hist.trends(result)
    out_dir.mkdir(parents=True, exist_ok=True)
    outcome = Outcome(result=result, validation=validation_of(files, result))
    outcome.summary = out_dir / (summary_name or default_summary_name(result, lang))
    export_csv = _csv_dir(result, out_dir, export_csv)
    write_summary(result, outcome.summary, lang=lang, big_sheet_rows=BIG_SHEET_ROWS)
    _exports(outcome, export_json, export_csv)
    _report(outcome, config, out_dir, lang)
    hist.finish(outcome, config, folder=folder, out_dir=out_dir, lang=lang)
    return outcome


def _csv_dir(result: RoundResult, out_dir: Path, export_csv: Path | None) -> Path | None:
    from qmo_excel.summary.workbook import long_lists

    if export_csv is None and long_lists(result, BIG_SHEET_ROWS):
        return out_dir / "csv"  # the cut sheets point readers to the full CSV lists
    return export_csv


def _exports(outcome: Outcome, export_json: Path | None, export_csv: Path | None) -> None:
    from qmo_excel.export import write_csv, write_json

    if export_json is not None:
        write_json(outcome.result, export_json)
        outcome.exports.append(export_json)
    if export_csv is not None:
        write_csv(outcome.result, export_csv)
        outcome.exports.append(export_csv)


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


def _consolidate(folder: Path, *, config: RoundConfig, out_dir: Path, as_of: date | None,
                 lang: str, jobs: int | None, export_json: Path | None,
                 export_csv: Path | None, feedback: bool, summary_name: str | None,
                 progress: Progress | None, hist: RoundHistory) -> Outcome:
    import qmo_excel.feedback.workbook  # noqa: F401  (imported before the feedback workers fork)

    # Feedback workers are forked now, while this process is small; they wait for work.
    # As many as there are cores, at a lower priority: the summary writer keeps its core
    # and the feedback takes what is left, then every core once the summary is written.
    fb_workers = Workers(write_feedback_job, jobs=jobs or os.cpu_count() or 1,
                         timeout=FEEDBACK_TIMEOUT, nice=FEEDBACK_NICE) if feedback else None
    try:
        return _run(folder, config=config, out_dir=out_dir, as_of=as_of, lang=lang,
                    jobs=jobs, export_json=export_json, export_csv=export_csv,
                    fb_workers=fb_workers, summary_name=summary_name, progress=progress,
                    hist=hist)
    finally:
        if fb_workers is not None:
            fb_workers.close()


def _run(folder: Path, *, config: RoundConfig, out_dir: Path, as_of: date | None, lang: str,
         jobs: int | None, export_json: Path | None, export_csv: Path | None,
         fb_workers: Workers | None, summary_name: str | None,
         progress: Progress | None, hist: RoundHistory) -> Outcome:
    from qmo_excel.summary import write_summary

    run_day = as_of or date.today()
    say = progress or _quiet
    validation = validate([folder], jobs=jobs, round=config,
                          progress=lambda done, total: say("read", done, total),
                          keep_rows=False, as_of=run_day)
    if all(f.status == "ignored" for f in validation.files):
        raise NoReturns(folder, len(validation.files))
    result = build_result(validation, config, as_of=run_day, lang=lang, jobs=jobs,
                          shown_as_of=as_of)
    result.trends = hist.trends(result)
    out_dir.mkdir(parents=True, exist_ok=True)
    outcome = Outcome(result=result, validation=validation)
    name = summary_name or default_summary_name(result, lang)
    outcome.summary = out_dir / name
    export_csv = _csv_dir(result, out_dir, export_csv)
    fb_jobs: list[FeedbackJob] = []
    fb_dir = out_dir / ("gop-y" if lang == "vi" else "feedback")
    if fb_workers is not None:
        fates = {e.file: e.status for e in result.intake}
        fb_jobs = feedback_jobs([rep for rep in validation.files
                                 if fates.get(rep.rel) in ("used", "rejected")], fb_dir, lang)
    if fb_jobs:
        say("feedback", 0, len(fb_jobs))
    with overlapped_feedback(fb_workers, fb_jobs, outcome, progress=say) if fb_workers \
            else nullcontext():
        say("summary", 0, 1)
        write_summary(result, outcome.summary, lang=lang, big_sheet_rows=BIG_SHEET_ROWS)
        say("summary", 1, 1)
    if fb_jobs and settle_feedback(outcome, fb_jobs):
        # A feedback workbook that could not be written is a problem of its own, in the
        # summary too: written again (rare; the feedback ran beside the first one).
        write_summary(result, outcome.summary, lang=lang, big_sheet_rows=BIG_SHEET_ROWS)
    if fb_workers is not None:
        outcome.feedback_archived = archive_stale(fb_dir, outcome.feedback)
    if export_json is not None or export_csv is not None:
        say("export", 0, 1)
    _exports(outcome, export_json, export_csv)
    _report(outcome, config, out_dir, lang)
    hist.finish(outcome, config, folder=folder, out_dir=out_dir, lang=lang)
    return outcome


def _report(outcome: Outcome, config: RoundConfig, out_dir: Path, lang: str) -> None:
    """The signed report beside the summary, and the data to write it again from. A
    template that cannot be used costs the report only (the reason is kept)."""
    from qmo_excel.report import ReportError, report_name, template_of, write_report
    from qmo_excel.report.data import data_name, write_data
    from qmo_excel.summary.narrative_trends import trend_paragraphs

    result = outcome.result
    outcome.report_data = write_data(result, out_dir / data_name(result, lang))
    try:
        outcome.report = write_report(
            result, out_dir / report_name(result, lang), settings=config.report, lang=lang,
            template=template_of(config.report, config.source),
            trends=trend_paragraphs(result, lang))
    except ReportError as exc:
        outcome.report_failed = exc.message(lang)


def settle_feedback(outcome: Outcome, fb_jobs: list[FeedbackJob]) -> bool:
    """Count only feedback workbooks that are on disk, each once; every one that is not
    becomes a ``feedback-not-written`` problem of its file in ``outcome.result``.
    Returns True when there is any such problem."""
    on_disk: list[Path] = []
    seen: set[Path] = set()
    failed = list(outcome.feedback_failed)
    for path in outcome.feedback:
        if path in seen:
            failed.append((path.name, "trùng tên với một tệp góp ý khác"))
        elif not zipfile.is_zipfile(path):
            failed.append((path.name, "tệp không có trên đĩa sau khi ghi"))
        else:
            on_disk.append(path)
        seen.add(path)
    outcome.feedback, outcome.feedback_failed = on_disk, failed
    if not failed:
        return False
    units = {j.report.rel: j.report.unit_code for j in fb_jobs}
    added = [problem("feedback-not-written", file=rel, unit_code=units.get(rel, ""),
                     detail=why_in_words(why)) for rel, why in failed]
    outcome.result.problems = sorted([*outcome.result.problems, *added], key=sort_key)
    return True


_WHY = (
    (("Errno 28", "No space left"), Words("ổ đĩa đã đầy", "the disk is full")),
    (("Errno 36", "File name too long"), Words("tên tệp quá dài", "the file name is too long")),
    (("Errno 13", "Permission denied"), Words("không có quyền ghi vào thư mục",
                                              "no permission to write there")),
    (("trùng tên",), Words("trùng tên với một tệp góp ý khác",
                           "same name as another feedback file")),
    (("không có trên đĩa",), Words("tệp không có trên đĩa sau khi ghi",
                                   "the file is not on disk after writing")),
)


def why_in_words(detail: str) -> Words:
    """A writer's failure as the office reads it (a full disk said plainly)."""
    for hints, words in _WHY:
        if any(h in detail for h in hints):
            return words
    text = " ".join(detail.split())[:200]
    return Words(text, text)


def default_summary_name(result: RoundResult, lang: str = "vi") -> str:
    year = result.year or result.as_of.year
    period = Period.get(result.period)
    if lang == "vi":
        return f"tong-hop-MTCL-{year}-{period.slug if period else result.period}.xlsx"
    return f"MTCL-summary-{year}-{result.period}.xlsx"
