"""Feedback workbooks written in isolated worker processes: each opens a unit's file (a
stranger's file, with openpyxl), so each gets the pool's time and memory bounds and a
crash costs only that workbook. ``consolidate`` overlaps them with the summary;
``qmo validate --feedback`` runs them on their own (``write_feedback_files``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from qmo_excel.intake.stamps import stamped_feedback
from qmo_excel.jobs.pool import Failure, Workers
from qmo_excel.names import UniqueNames, feedback_file_name
from qmo_excel.reports import FileReport

FEEDBACK_TIMEOUT = 120.0  # seconds one feedback workbook may take


class FeedbackOutcome(Protocol):
    feedback: list[Path]
    feedback_failed: list[tuple[str, str]]


@dataclass
class FeedbackFiles:
    """What was written (in the reports' order) and what could not be, with why."""

    feedback: list[Path] = field(default_factory=list)
    feedback_failed: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class FeedbackJob:
    """One feedback workbook to write (picklable, for a worker)."""

    report: FileReport
    out_dir: str
    lang: str
    name: str = ""  # the file's name, unique in the run (``feedback_jobs``)


def write_feedback_job(job: FeedbackJob) -> str | None:
    """Top-level: runs in an isolated worker (it loads the unit's file with openpyxl)."""
    from qmo_excel.feedback.workbook import write_feedback

    path = write_feedback(job.report, Path(job.out_dir), lang=job.lang,
                          name=job.name or None)
    return None if path is None else str(path)


@contextmanager
def overlapped_feedback(workers: Workers, fb_jobs: list[FeedbackJob],
                        outcome: FeedbackOutcome,
                        progress: Callable[[str, int, int], None] | None = None
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
            for n, (index, result) in enumerate(results, start=1):
                if progress is not None:
                    progress("feedback", n, len(fb_jobs))
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


def feedback_jobs(reports: Sequence[FileReport], out_dir: Path, lang: str
                  ) -> list[FeedbackJob]:
    """A job for every report with problems (its judged records left behind), each
    with a name of its own: names are handed out here, in the reports' order (the
    folder's), so that no two workbooks of a run overwrite each other (``same.xls`` and
    ``same.xlsx``, NFC and NFD, ``sub/b`` and ``sub - b``, long names cut alike) and the
    same folder gets the same names."""
    names = UniqueNames()
    return [FeedbackJob(replace(rep, scored=None), str(out_dir), lang,
                        feedback_file_name(rep.rel, rep.unit_code, lang, names))
            for rep in reports if rep.problems]


def write_feedback_files(reports: Sequence[FileReport], out_dir: Path, *, lang: str = "vi",
                         jobs: int | None = None) -> FeedbackFiles:
    """Every feedback workbook of ``reports``, written in bounded workers."""
    out = FeedbackFiles()
    todo = feedback_jobs(reports, out_dir, lang)
    if not todo:
        return out
    with Workers(write_feedback_job, jobs=min(len(todo), jobs or os.cpu_count() or 1),
                 timeout=FEEDBACK_TIMEOUT) as workers, overlapped_feedback(workers, todo, out):
        pass
    return out


ARCHIVE = "cu"  # older feedback workbooks are moved into this sub-folder


def archive_stale(fb_dir: Path, keep: Sequence[Path]) -> list[Path]:
    """Move the feedback workbooks of earlier runs out of ``fb_dir`` (into ``cu/``), so the
    folder holds exactly this run's; only files with our feedback stamp are moved, and a
    file of the same name already archived is replaced. Returns where they went."""
    if not fb_dir.is_dir():
        return []
    kept = {p.resolve() for p in keep}
    moved: list[Path] = []
    for path in sorted(fb_dir.iterdir()):
        if not path.is_file() or path.resolve() in kept or path.suffix.lower() != ".xlsx" \
                or not stamped_feedback(path):
            continue
        target = fb_dir / ARCHIVE / path.name
        target.parent.mkdir(exist_ok=True)
        os.replace(path, target)
        moved.append(target)
    return moved
