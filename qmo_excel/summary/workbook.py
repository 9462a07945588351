"""Write the summary workbook: the overview dashboard, the list sheets and the narrative.

Long lists policy: a list sheet (indicators, tasks, problems, …) longer than
``big_sheet_rows`` (never more than Excel's 1,048,576 rows) shows its first
``big_sheet_rows`` rows and says on its second row that the full list is in the CSV
export; when that happens the whole workbook is written in xlsxwriter's
``constant_memory`` mode, so memory stays flat however large the round is.

The file is written atomically (a temporary file in the same folder, then
``os.replace``) and is the same bytes for the same result: the ``created`` property comes
from ``result.as_of`` and nothing reads the clock.
"""

from __future__ import annotations

import math
from datetime import datetime, time
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from qmo_excel import textfit
from qmo_excel.fileio import atomic_path
from qmo_excel.intake.stamps import STAMP_PROPERTY
from qmo_excel.model import RoundResult
from qmo_excel.summary import labels as L
from qmo_excel.summary import overview, sheets
from qmo_excel.summary.formats import Formats
from qmo_excel.summary.narrative import draft_narrative
from qmo_excel.summary.table import (
    A4_PT,
    EXCEL_MAX_ROWS,
    FIRST_DATA_ROW,
    col_points,
    merge_text,
    setup_print,
    write_table,
)
from qmo_excel.summary.trends import write_trends_sheet

NARRATIVE_COLS = 6  # paragraphs are merged across columns A:F …
NARRATIVE_COL_WIDTH = 12  # … of this width: A4 portrait at 100% in every viewer
NARRATIVE_MARGINS = {"left": 0.8, "right": 0.6, "top": 0.7, "bottom": 0.7}


def write_summary(result: RoundResult, path: Path | str, *, lang: str = "vi",
                  big_sheet_rows: int = 200_000) -> None:
    """Write the summary workbook of ``result`` to ``path`` (atomically)."""
    with atomic_path(path) as tmp:
        try:
            _write(result, tmp, "en" if lang == "en" else "vi", big_sheet_rows)
        except FileCreateError as exc:  # xlsxwriter's wrapper of the OSError (a full disk)
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
            raise cause or OSError(str(exc)) from None


def long_lists(result: RoundResult, big_sheet_rows: int) -> bool:
    """True when some list sheet is cut (and the workbook goes constant-memory)."""
    limit = _limit(big_sheet_rows)
    return any(n > limit for n in (len(result.indicators), len(result.tasks),
                                   len(result.problems), len(result.intake),
                                   len(result.objectives), len(result.units),
                                   len(result.town_objectives)))


def _limit(big_sheet_rows: int) -> int:
    return max(1, min(big_sheet_rows, EXCEL_MAX_ROWS - FIRST_DATA_ROW))


def _write(result: RoundResult, target: Path, lang: str, big_sheet_rows: int) -> None:
    wb = xlsxwriter.Workbook(str(target), {
        "constant_memory": long_lists(result, big_sheet_rows),
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        "nan_inf_to_errors": True,  # a figure no cell can hold shows as #NUM!, never a crash
        # Arial 10 as the default font: its metrics are the same in Excel and LibreOffice
        # (Liberation Sans), so widths, wraps and page fits agree between the two.
        "default_format_properties": {"font_name": "Arial", "font_size": 10},
        "default_column_width": 64, "default_row_height": 17,
    })
    # On an error the workbook is abandoned unclosed (the caller removes the temporary
    # file); closing a half-built workbook would only add warnings to the real error.
    created = datetime.combine(result.as_of, time())
    wb.set_properties({"title": L.title(result, lang), "company": result.town,
                       "author": "qmo", "created": created})
    wb.set_custom_property(STAMP_PROPERTY, "summary")  # never read back as a return
    wb.set_size(1600, 1000)
    fm = Formats(wb)
    footer = L.word("footer", lang)
    sizes = overview.chart_sizes(result)
    overview.write_overview(wb, fm, result, lang, sizes, footer)
    limit = _limit(big_sheet_rows)
    note = L.word("truncated", lang)
    for build in (sheets.town, sheets.ranking, sheets.indicators, sheets.objectives, sheets.tasks,
                  sheets.intake, sheets.missing, sheets.problems):
        table = build(result, lang)
        write_table(wb, fm, table, limit=limit, lang=lang, footer=footer,
                    truncated_note=note.replace("{csv}", L.CSV_OF.get(table.key, "CSV")))
        if build is sheets.ranking:
            write_trends_sheet(wb, fm, result, lang, footer)
    write_narrative(wb, fm, result, lang, footer)
    overview.write_data_sheet(wb, result, lang)
    wb.close()


def _height(text: str, size: float = 13, bold: bool = False) -> float:
    """Points a paragraph needs in the merged width of the narrative."""
    width = NARRATIVE_COLS * NARRATIVE_COL_WIDTH
    lines = textfit.wrapped_lines(text, width, size=size, bold=bold, serif=True)
    return textfit.row_height(lines, size, serif=True)


def write_narrative(wb: Any, fm: Formats, result: RoundResult, lang: str,
                    footer: str) -> None:
    ws = wb.add_worksheet(L.sheet_name("narrative", lang))
    ws.set_column(0, NARRATIVE_COLS - 1, NARRATIVE_COL_WIDTH)
    last = NARRATIVE_COLS - 1
    ws.hide_gridlines(2)
    head = L.title(result, lang)
    ws.set_row(0, _height(head, 14, bold=True))
    merge_text(ws, 0, 0, 0, last, head, fm.get("para_title"))
    sub = " – ".join(x for x in (result.town, L.word("as_of", lang).format(
        d=L.dmy(result.as_of))) if x)
    ws.set_row(1, 20)
    merge_text(ws, 1, 0, 1, last, sub, fm.get("para_sub"))
    r = 3
    for para in draft_narrative(result, lang=lang):
        heading = para[:1].isdigit() and ". " in para[:6]
        ws.set_row(r, _height(para, bold=heading))
        merge_text(ws, r, 0, r, last, para, fm.get("para_bold" if heading else "para"))
        r += 1
    ws.print_area(0, 0, max(r - 1, 1), last)
    # A fixed scale, not "fit to width": LibreOffice leaves the last rows of a long
    # narrative off the pages it fits to the width.
    room = A4_PT[1] - (NARRATIVE_MARGINS["left"] + NARRATIVE_MARGINS["right"]) * 72
    scale = min(100, math.floor(room / (NARRATIVE_COLS * col_points(NARRATIVE_COL_WIDTH))
                                * 100))
    setup_print(ws, footer, repeat_row=None, scale=scale)
    ws.set_portrait()
    ws.set_margins(**NARRATIVE_MARGINS)
    ws.center_horizontally()
