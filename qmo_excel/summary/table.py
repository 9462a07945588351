"""One generic writer for the list sheets of the summary.

Rows are written strictly top to bottom, so the same code works in xlsxwriter's
``constant_memory`` mode. Text is always written with ``write_string`` (never ``write``,
which would turn "=1+1" from a return into a formula).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from qmo_excel import textfit
from qmo_excel.safetext import EXCEL_MAX_TEXT, bad_xml, finite, xml_safe
from qmo_excel.safetext import clip as clip_text
from qmo_excel.spec import col_letter
from qmo_excel.summary.formats import Formats

EXCEL_MAX_ROWS = 1_048_576
MAX_FIT = 60  # the widest a column grows to show its values on one line
HEADER_ROW = 2  # 0-based: title, note, header
FIRST_DATA_ROW = HEADER_ROW + 1


@dataclass(frozen=True)
class Col:
    vi: str
    en: str
    width: float
    kind: str = "text"  # text | wrap | center | int | score | pct | date
    # conditional colours: shown label -> (fill, font colour)
    colours: dict[str, tuple[str, str]] = field(default_factory=dict)
    width_en: float | None = None  # when the English header's words need more room
    key: str = ""  # the column of the export's table this column shows (export.COLUMNS)

    def label(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en

    def width_for(self, lang: str) -> float:
        return self.width_en if lang == "en" and self.width_en else self.width


@dataclass
class Table:
    key: str
    name: str
    title: str
    cols: list[Col]
    rows: Iterable[Sequence[Any]]
    total: int
    note: str = ""
    # (column index, shown value): rows whose cell equals the value get this fill
    row_rule: tuple[int, str, tuple[str, str]] | None = None


def clip(text: str) -> str:
    """Text a cell can hold: characters XML forbids replaced, cut at 32,767 with a mark."""
    return clip_text(xml_safe(text))


def merge_text(ws: Any, first_row: int, first_col: int, last_row: int, last_col: int,
               text: str, fmt: Any) -> None:
    """A merged cell holding literal text (merge_range alone would parse '=…' as a formula)."""
    ws.merge_range(first_row, first_col, last_row, last_col, "", fmt)
    ws.write_string(first_row, first_col, clip(text), fmt)


MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.6}  # inches
A4_PT = (841.9, 595.3)  # landscape width, height
WIDEST_DIGIT_PT = 6.36  # the digit of DejaVu Sans 10, LibreOffice's Arial where none is


def col_points(width: float) -> float:
    """A column width (characters, as given to xlsxwriter) in points at its widest.

    Excel prints a character of width as 7 pixels (the digit of Arial 10) plus 5 of
    padding. LibreOffice multiplies the stored width (pixels / 7) by the digit of the
    font it shows for Arial: 5.56 pt with Liberation Sans, 6.36 pt with DejaVu Sans
    where Arial is missing, a page a fifth wider than Excel's. A fixed print scale is
    computed for the widest, so the page fits in every viewer."""
    px = int(width * 7 + 0.5) + 5 if width >= 1 else int(width * 12 + 0.5)
    return max(px * 0.75, px / 7 * WIDEST_DIGIT_PT)


def page_scale(width_pt: float, page_heights_pt: list[float]) -> int:
    """The print scale (percent) at which ``width_pt`` fits the width of an A4 landscape
    page and each page's rows (``page_heights_pt``) its height. A sheet with manual page
    breaks prints at a fixed scale: under "fit to page" Excel ignores manual breaks."""
    room_w = A4_PT[0] - (MARGINS["left"] + MARGINS["right"]) * 72
    room_h = A4_PT[1] - (MARGINS["top"] + MARGINS["bottom"]) * 72
    fits = [room_w / width_pt] + [room_h / h for h in page_heights_pt if h > 0]
    return max(10, min(100, math.floor(min(fits) * 100)))


def setup_print(ws: Any, footer: str, repeat_row: int | None = HEADER_ROW,
                scale: int | None = None) -> None:
    """A4 landscape, 1 page wide (or at a fixed ``scale``), page numbers in the footer."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.set_margins(**MARGINS)
    if scale:
        ws.set_print_scale(scale)
    else:
        ws.fit_to_pages(1, 0)
    ws.set_footer(footer)
    if repeat_row is not None:
        ws.repeat_rows(repeat_row)


def write_table(wb: Any, fm: Formats, table: Table, *, limit: int, lang: str,
                footer: str, truncated_note: str) -> int:
    """Write one list sheet; returns the number of data rows written (≤ ``limit``)."""
    ws = wb.add_worksheet(table.name)
    ncols = len(table.cols)
    last_col = ncols - 1
    for i, c in enumerate(table.cols):
        ws.set_column(i, i, c.width_for(lang))
    shown = min(table.total, limit)
    note = table.note
    if table.total > limit:
        note = (note + " " if note else "") + truncated_note.format(
            shown=f"{shown:,}".replace(",", "." if lang == "vi" else ","),
            total=f"{table.total:,}".replace(",", "." if lang == "vi" else ","))
    widths = [c.width_for(lang) for c in table.cols]
    total = sum(widths)
    # title, note and header rows as tall as their text needs in the widths given
    ws.set_row(0, max(24, textfit.row_height(
        textfit.wrapped_lines(table.title, total, size=14, bold=True), 14)))
    merge_text(ws, 0, 0, 0, last_col, table.title, fm.get("title"))
    ws.set_row(1, max(16, textfit.row_height(textfit.wrapped_lines(note, total, size=9), 9))
               if note else 16)
    merge_text(ws, 1, 0, 1, last_col, note, fm.get("note"))
    ws.set_row(HEADER_ROW, max(30, textfit.row_height(max(
        textfit.wrapped_lines(c.label(lang), w, bold=True)
        for c, w in zip(table.cols, widths, strict=True)))))
    for i, c in enumerate(table.cols):
        ws.write_string(HEADER_ROW, i, c.label(lang), fm.get("header"))
    fmts = [fm.get(c.kind) for c in table.cols]
    writers = [_writer(ws, c.kind) for c in table.cols]
    blank = ws.write_blank
    r = FIRST_DATA_ROW
    written = 0
    wraps = [(i, c.width_for(lang)) for i, c in enumerate(table.cols) if c.kind == "wrap"]
    # a column that does not wrap grows to its widest value (a clipped "Đang thực hiện"
    # reads "ang thực hiệ", a number too wide prints as ####)
    fits = {i: widths[i] for i, c in enumerate(table.cols) if c.kind != "wrap"}
    shows = {i: _shown(c.kind) for i, c in enumerate(table.cols) if c.kind != "wrap"}
    for values in table.rows:
        if written >= shown:
            break
        height = row_height(values, wraps)
        if height:
            ws.set_row(r, height)
        for i, fit in fits.items():
            v = values[i]
            if v is not None and v != "":
                text = shows[i](v)
                if len(text) * textfit.MAX_CHAR > fit:
                    fits[i] = max(fit, textfit.fit_width(text))
        for i, v in enumerate(values):
            if v is None or v == "":
                blank(r, i, None, fmts[i])
            else:
                writers[i](r, i, v, fmts[i])
        r += 1
        written += 1
    for i, fit in fits.items():
        if fit > widths[i]:
            ws.set_column(i, i, min(MAX_FIT, math.ceil(fit * 2) / 2))
    last_row = max(FIRST_DATA_ROW, r - 1) if written else HEADER_ROW
    ws.freeze_panes(FIRST_DATA_ROW, 0)
    ws.autofilter(HEADER_ROW, 0, last_row, last_col)
    if written:
        _colours(ws, fm, table, FIRST_DATA_ROW, last_row)
    setup_print(ws, footer)
    return written


def row_height(values: Sequence[Any], wraps: list[tuple[int, float]]) -> float | None:
    """Height for the wrapped text of a row: set, as viewers do not all grow a row to
    its text (None when every value fits one line)."""
    lines = 1
    for i, width in wraps:
        text = values[i]
        if isinstance(text, str) and text:
            lines = max(lines, textfit.wrapped_lines(text, width))
    return None if lines == 1 else textfit.row_height(lines)


def _shown(kind: str) -> Callable[[Any], str]:
    """The text a value of a column kind shows (for the column's width)."""
    def number(v: Any) -> str:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return f"{v:,.1f}" if kind == "score" else f"{v:,.0f}"
        return str(v)

    def percent(v: Any) -> str:
        return f"{v:,.1f}%" if isinstance(v, int | float) else str(v)

    def day(v: Any) -> str:
        return "00/00/0000" if isinstance(v, date) else str(v)

    if kind in ("int", "score"):
        return number
    return {"pct": percent, "date": day}.get(kind, str)


Writer = Callable[[int, int, Any, Any], Any]


def _writer(ws: Any, kind: str) -> Writer:
    """The cell writer of a column kind (looked up once per sheet, not once per cell)."""
    write_string, write_number = ws.write_string, ws.write_number

    def text(r: int, c: int, v: Any, fmt: Any) -> Any:
        if type(v) is not str or len(v) > EXCEL_MAX_TEXT or bad_xml(v) is not None:
            v = clip(str(v))
        return write_string(r, c, v, fmt)

    def number(r: int, c: int, v: Any, fmt: Any) -> Any:
        if isinstance(v, int | float) and not isinstance(v, bool):
            if finite(v) is None:  # no cell holds it: Excel's own "#NUM!"
                return text(r, c, "#NUM!", fmt)
            return write_number(r, c, v, fmt)
        return text(r, c, v, fmt)

    def percent(r: int, c: int, v: Any, fmt: Any) -> Any:
        if isinstance(v, int | float):
            return number(r, c, v / 100.0, fmt)
        return text(r, c, v, fmt)

    def day(r: int, c: int, v: Any, fmt: Any) -> Any:
        if isinstance(v, date):
            when = v if isinstance(v, datetime) else datetime.combine(v, time())
            return ws.write_datetime(r, c, when, fmt)
        return text(r, c, v, fmt)

    if kind in ("int", "score"):
        return number
    return {"pct": percent, "date": day}.get(kind, text)


def _colours(ws: Any, fm: Formats, table: Table, first: int, last: int) -> None:
    if table.row_rule is not None:
        col, value, colours = table.row_rule
        letter = col_letter(col)
        ws.conditional_format(first, 0, last, len(table.cols) - 1, {
            "type": "formula",
            "criteria": f'=${letter}{first + 1}="{value}"',
            "format": fm.fill(colours),
        })
    for i, c in enumerate(table.cols):
        for shown, colours in c.colours.items():
            ws.conditional_format(first, i, last, i, {
                "type": "cell", "criteria": "==", "value": f'"{shown}"',
                "format": fm.fill(colours, bold=True),
            })
