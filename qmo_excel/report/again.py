"""``qmo report``: the report of a finished round written again, from the data
``qmo consolidate`` left beside it (never the returns), with the round workbook's
settings as they are now (corrected since, for instance)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qmo_excel.model import ReportSettings
from qmo_excel.report import report_name, template_of, write_report
from qmo_excel.report.data import find_data, read_data, saved_trends
from qmo_excel.round.locate import ROUND_FILE, find_round, is_round_folder
from qmo_excel.round.reader import read_round


@dataclass(frozen=True)
class Rewritten:
    path: Path  # the report written
    data: Path  # the data it was written from
    round: Path | None  # the round workbook its settings came from, if any


def rewrite_report(source: Path, *, round_path: Path | None = None, out: Path | None = None,
                   lang: str = "vi", template: Path | None = None) -> Rewritten:
    """Write the report of the round whose output is ``source`` (a round folder laid out
    by ``qmo init``, its output folder, or the data or export JSON file itself).

    Raises ``data.DataError`` (no data), ``round.reader.RoundError`` (a round workbook
    that cannot be read) or ``ReportError`` (a template that cannot be used)."""
    if source.is_file():
        data = source
    elif is_round_folder(source):
        data = find_data(source / "output")
        round_path = round_path or _existing(source / ROUND_FILE)
    else:
        data = find_data(source)
    result = read_data(data)
    round_path = round_path or find_round(data.parent)
    settings, source_of = ReportSettings(), None
    if round_path is not None:
        config = read_round(round_path)
        settings, source_of = config.report, config.source
    target = out or data.parent / report_name(result, lang)
    write_report(result, target, settings=settings, lang=lang,
                 template=template or template_of(settings, source_of),
                 trends=saved_trends(data, lang))
    return Rewritten(target, data, round_path)


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None
