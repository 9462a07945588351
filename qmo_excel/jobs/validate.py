"""Validate returns: one ``FileReport`` for every file found, merged into one report.

Each spreadsheet is inspected in an isolated worker process (``pool.run_isolated``):
pre-check of the package, reading (``reader.read_return``) and the checks
(``checks.check_return``). A file that cannot be read at all is "rejected" with a
problem that says why; a crash, a timeout or a memory blow-up of a worker costs only
that file. The ``UnitReturn`` read in the worker travels back in the ``FileReport`` so
consolidation never reads a file twice. For consolidation (``as_of`` given) the worker
also judges the return (``scoring.score_records``) with the basis the round would use
for it alone, and, unless ``keep_rows``, sends back only the return's header (info,
sheet names): the rows stay in the worker, the judged records travel.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from sys import intern

from qmo_excel.checks.returns import check_return
from qmo_excel.fileio import open_regular
from qmo_excel.intake.discover import discover
from qmo_excel.intake.precheck import CAN_TRY_DEFAULT, precheck
from qmo_excel.intake.reader import ReadError, read_return_layout
from qmo_excel.intake.stamps import REASONS as STAMP_REASONS
from qmo_excel.intake.stamps import OwnWorkbook, is_unfilled
from qmo_excel.jobs.pool import Failure, run_isolated
from qmo_excel.model import RoundConfig, UnitReturn
from qmo_excel.problems import CATALOGUE, problem, sort_key
from qmo_excel.reports import FileReport, ValidationReport
from qmo_excel.scoring import Scored, own_basis, score_records
from qmo_excel.vocab import Words

READ_TIMEOUT = 8.0  # seconds one file may take (a return takes a few milliseconds)
READ_MEMORY_MB = 384  # address space a reading worker may add to what it was forked with
# How a worker that did not return is reported.
FAILURE_CODES = {"timeout": "file-timeout", "memory": "file-too-large",
                 "crashed": "file-unreadable", "error": "file-unreadable"}
@dataclass
class FileJob:
    """What a worker needs to inspect one file (small and picklable)."""

    path: str
    rel: str
    round: RoundConfig | None = None
    keep_rows: bool = True
    as_of: date | None = None  # judge the return too (for consolidation)



def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    try:
        with open_regular(path) as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


def inspect_file(job: FileJob) -> FileReport:
    """Pre-check, read and check one file. Top-level and picklable: runs in a worker."""
    t0 = time.perf_counter()
    report = _inspect(job)
    report.seconds = time.perf_counter() - t0
    return report


def _inspect(job: FileJob) -> FileReport:
    path = Path(job.path)
    digest = file_sha256(path)
    pre = precheck(path)
    if not pre.ok and pre.format not in CAN_TRY_DEFAULT:
        return _rejected(job, digest, pre.code or "file-unreadable", pre.detail)
    try:
        ret, layout = read_return_layout(path, sha256=digest)
    except OwnWorkbook as own:
        return _ours(job, digest, own.kind)
    except ReadError as exc:
        return _rejected(job, digest, exc.code, exc.detail, extra=exc.extra)
    if is_unfilled(ret):
        return _ours(job, digest, "unfilled", str(ret.info.get("unit_code") or "").strip())
    probs = sorted(check_return(ret, file=job.rel, round=job.round, layout=layout),
                   key=sort_key)
    unit = str(ret.info.get("unit_code") or "").strip()
    scored = _score(ret, unit, job) if job.as_of is not None else None
    if not job.keep_rows:
        ret = replace(ret, objectives=[], tasks=[])
    report = FileReport(job.rel, job.path, "valid", unit_code=unit, sha256=digest,
                        problems=probs, unit_return=ret, rows_kept=job.keep_rows,
                        scored=scored)
    _settle(report)
    return report


def _score(ret: UnitReturn, unit_code: str, job: FileJob) -> Scored | None:
    """The return judged as a round of itself; None when judging fails (the main
    process then judges it again and a bug of the judge never rejects a file)."""
    assert job.as_of is not None
    year, period, cut_off = own_basis(ret, job.round or RoundConfig(), job.as_of)
    try:
        return score_records(ret, unit_code=unit_code, period=period, year=year,
                             cut_off=cut_off,
                             assignments=job.round.assignments if job.round else ())
    except Exception:
        return None


def _ours(job: FileJob, digest: str, kind: str, unit_code: str = "") -> FileReport:
    """One of our own workbooks (a summary, a feedback copy, an unfilled template)."""
    return FileReport(job.rel, job.path, "ignored", reason=STAMP_REASONS[kind],
                      unit_code=unit_code, sha256=digest)


def _rejected(job: FileJob, digest: str, code: str, detail: str,
              unit_code: str = "", extra: tuple[tuple[str, str], ...] = ()) -> FileReport:
    if code not in CATALOGUE:
        code = "file-unreadable"
    p = problem(code, file=job.rel, unit_code=unit_code, detail=detail)
    also = [problem(c, file=job.rel, unit_code=unit_code, detail=d)
            for c, d in extra if c in CATALOGUE]
    reason = Words(p.message_in("vi"), p.message_in("en"))
    return FileReport(job.rel, job.path, "rejected", reason=reason, unit_code=unit_code,
                      sha256=digest, problems=[p, *also])


def _settle(report: FileReport) -> None:
    """Set status and a short reason from the problems."""
    e, w = report.errors, report.warnings
    report.status = "invalid" if e else "valid"
    vi = ([f"{e} lỗi"] if e else []) + ([f"{w} cảnh báo"] if w else [])
    en = ([f"{e} error(s)"] if e else []) + ([f"{w} warning(s)"] if w else [])
    report.reason = Words(", ".join(vi) or "không có lỗi", ", ".join(en) or "no problems")


def _failure_report(job: FileJob, failure: Failure, timeout: float) -> FileReport:
    code = FAILURE_CODES.get(failure.kind, "file-unreadable")
    lines = [ln for ln in failure.detail.strip().splitlines() if ln.strip()]
    detail: str = lines[-1][:200] if lines else failure.kind
    if failure.kind == "memory":
        detail = Words("hết bộ nhớ cho phép khi đọc tệp", "over the memory allowed to read it")
    elif failure.kind == "crashed":
        detail = Words(f"tiến trình đọc tệp dừng bất thường ({detail})",
                       f"the reading process stopped abnormally ({detail})")
    elif failure.kind == "timeout":
        detail = Words(f"quá {timeout:g} giây", f"over {timeout:g} s")
    report = _rejected(job, file_sha256(job.path), code, detail)
    report.seconds = failure.seconds
    return report


def validate(paths: Sequence[str | Path], *, jobs: int | None = None,
             round: RoundConfig | None = None, timeout: float = READ_TIMEOUT,
             progress: Callable[[int, int], None] | None = None, keep_rows: bool = True,
             as_of: date | None = None) -> ValidationReport:
    """Validate every file under ``paths``; every file found gets exactly one entry.

    ``progress(done, total)`` is called after each spreadsheet is inspected. With
    ``keep_rows=False`` a report's ``unit_return`` has no rows (a lean run over many
    files); with ``as_of`` every readable return is judged too (``FileReport.scored``).
    """
    candidates = discover(paths)
    reports: dict[str, FileReport] = {}
    job_list: list[FileJob] = []
    for c in candidates:
        if c.kind == "spreadsheet":
            job_list.append(FileJob(str(c.path), c.rel, round, keep_rows, as_of))
        else:
            reports[c.rel] = FileReport(c.rel, str(c.path), "ignored", reason=c.reason)
    results = run_isolated(inspect_file, job_list, jobs=jobs, timeout=timeout,
                           memory_mb=READ_MEMORY_MB)
    for done, (index, result) in enumerate(results, start=1):
        job = job_list[index]
        if isinstance(result, Failure):
            reports[job.rel] = _failure_report(job, result, timeout)
        else:
            if result.scored is not None:
                # the judge's readings repeat across returns ("100%", "Đạt"): one string
                # each in this process, which holds a province's hundreds of thousands
                for ind in result.scored.indicators:
                    ind.reading = intern(ind.reading)
            reports[job.rel] = result
        if progress is not None:
            progress(done, len(job_list))
    return ValidationReport([reports[c.rel] for c in candidates])
