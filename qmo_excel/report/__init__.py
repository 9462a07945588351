"""The round's signed report: "Báo cáo kết quả thực hiện Mục tiêu chất lượng" as a Word
document in the form of Nghị định 30/2020/NĐ-CP (seed 002).

``write_report(result, path, settings=…)`` takes a ``RoundResult`` and the round's
report settings (``model.ReportSettings``) and writes the .docx atomically. The built-in
template (``builtin.TEMPLATE_FILE``) or the office's own (a copy of it edited in Word)
is filled by docxtpl (``render``) with what ``content.build_context`` says. The same
inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qmo_excel.fileio import atomic_path
from qmo_excel.model import ReportSettings, RoundResult
from qmo_excel.report.builtin import TEMPLATE_FILE
from qmo_excel.report.content import build_context, file_stem
from qmo_excel.report.render import ReportError, midnight, render
from qmo_excel.vocab import Words

__all__ = ["TEMPLATE_FILE", "ReportError", "build_context", "report_bytes", "report_name",
           "save_template", "template_of", "write_report"]


def report_name(result: RoundResult, lang: str = "vi") -> str:
    """'bao-cao-MTCL-2023-nam.docx' beside 'tong-hop-MTCL-2023-nam.xlsx'."""
    return f"{file_stem(result, lang, 'bao-cao-MTCL', 'MTCL-report')}.docx"


def template_of(settings: ReportSettings, round_source: str | None) -> Path | None:
    """The office's own template named in the round workbook (relative to it), if any."""
    if not settings.template:
        return None
    path = Path(settings.template)
    if not path.is_absolute() and round_source:
        path = Path(round_source).parent / path
    return path


def report_bytes(result: RoundResult, settings: ReportSettings | None = None, *,
                 lang: str = "vi", template: Path | None = None,
                 trends: Sequence[str] = ()) -> bytes:
    """The report document's bytes (see ``write_report``)."""
    settings = settings or ReportSettings()
    source = template or TEMPLATE_FILE
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ReportError(Words(f"Không đọc được mẫu báo cáo “{source}”: {exc.strerror}.",
                                f"Cannot read the report template “{source}”: "
                                f"{exc.strerror}.")) from None
    context = build_context(result, settings, lang=lang, trends=trends)
    return render(data, context, created=midnight(settings.issued or result.as_of),
                  title=context["doc"]["subject"],
                  author=(settings.issuer or result.town or "qmo"), name=source.name)


def write_report(result: RoundResult, path: str | Path, *,
                 settings: ReportSettings | None = None, lang: str = "vi",
                 template: Path | None = None, trends: Sequence[str] = ()) -> Path:
    """Write the round's report to ``path`` (atomically); return the path.

    ``trends``: paragraphs on what changed since the previous round (the history's, issue
    20), written after the paragraphs on the units. Raises ``ReportError`` when the
    template cannot be used (nothing is written then).
    """
    data = report_bytes(result, settings, lang=lang, template=template, trends=trends)
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


def save_template(path: str | Path) -> Path:
    """A copy of the built-in template, for the office to edit in Word."""
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.write_bytes(TEMPLATE_FILE.read_bytes())
    return target
