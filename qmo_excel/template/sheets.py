"""Write the sheets ``spec`` declares: forms, lists and the hidden meta sheet.

Everything here is generic over ``spec.InfoSheet`` and ``spec.TableSheet``; the unit
and round workbooks only choose which sheets, titles and values.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from qmo_excel import spec, textfit
from qmo_excel.safetext import clip, finite, xml_safe
from qmo_excel.template.styles import Styles

# Fixed document date: xlsxwriter otherwise stamps "now", and the bytes must not change.
CREATED = datetime(2023, 1, 1, 0, 0, 0)
PROTECT_OPTIONS = {"format_columns": True, "format_rows": True, "autofilter": True,
                   "sort": True, "select_locked_cells": True,
                   "select_unlocked_cells": True}
MIN_YEAR, MAX_YEAR = 2000, 2100
INFO_WIDTHS = (32, 42, 60)  # a form's label, input and help columns
MAX_WORD_WIDTH = 30  # the widest a list's column grows for one long word of a value

_MESSAGES = {
    "vi": {
        "choice": "Chọn một giá trị trong danh sách thả xuống (bấm mũi tên bên phải ô).",
        "year": f"Nhập năm 4 chữ số, từ {MIN_YEAR} đến {MAX_YEAR}, ví dụ 2023.",
        "date": "Nhập ngày dạng ngày/tháng/năm, ví dụ 15/06/2023.",
        "number": "Nhập một số không âm, ví dụ 1 hoặc 1,5.",
        "text": "Nội dung quá dài: tối đa {n} ký tự.",
        "error_title": "Giá trị không hợp lệ",
        "example": "Ví dụ",
    },
    "en": {
        "choice": "Pick a value from the drop-down list (the arrow at the cell's right).",
        "year": f"Enter a 4-digit year from {MIN_YEAR} to {MAX_YEAR}, e.g. 2023.",
        "date": "Enter a date as day/month/year, e.g. 15/06/2023.",
        "number": "Enter a number of 0 or more, e.g. 1 or 1.5.",
        "text": "Too long: at most {n} characters.",
        "error_title": "Invalid value",
        "example": "Example",
    },
}


def new_workbook(path: str | Path, *, title: str, subject: str, template_id: str,
                 lang: spec.Lang) -> Any:
    """A workbook with fixed properties (and so the same bytes on every run)."""
    wb = xlsxwriter.Workbook(str(path), {"in_memory": True})
    wb.set_properties({
        "title": title,
        "subject": subject,
        "author": "qmo",
        "company": "",
        "keywords": "ISO 9001, MTCL, qmo",
        "comments": f"{template_id} {spec.VERSION} ({lang})",
        "created": CREATED,
    })
    wb.set_custom_property("qmo_template_id", template_id)
    wb.set_custom_property("qmo_version", spec.VERSION)
    wb.set_custom_property("qmo_lang", lang)
    return wb


def print_setup(ws: Any, *, repeat_row: int | None, lang: spec.Lang,
                landscape: bool = True) -> None:
    """A4, one page wide, header row repeated, page numbers in the footer."""
    if landscape:
        ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if repeat_row is not None:
        ws.repeat_rows(repeat_row)
    page = "Trang &P/&N" if lang == "vi" else "Page &P of &N"
    ws.set_footer(f"&L&8&A&R&8{page}")


# --------------------------------------------------------------------------- meta


def list_refs() -> dict[str, str]:
    """The range formula of each dropdown list in the meta sheet, by ``spec.CHOICES`` name."""
    refs: dict[str, str] = {}
    for i, (name, choices) in enumerate(spec.CHOICES.items()):
        letter = spec.col_letter(spec.META_LISTS_FIRST_COL - 1 + i)
        refs[name] = f"='{spec.META_SHEET}'!${letter}$2:${letter}${len(choices) + 1}"
    return refs


def write_meta(wb: Any, styles: Styles, *, template_id: str, lang: spec.Lang,
               kind: str) -> Any:
    """The hidden sheet: id, version, language, kind, then the dropdown lists."""
    ws = wb.add_worksheet(spec.META_SHEET)
    values = {"template_id": template_id, "version": spec.VERSION, "lang": lang,
              "workbook": kind}
    for key, cell in spec.META_CELLS.items():
        row = int(cell[1:]) - 1
        ws.write_string(row, 0, key, styles.meta)
        ws.write_string(row, 1, values[key], styles.meta)
    for i, (name, choices) in enumerate(spec.CHOICES.items()):
        col = spec.META_LISTS_FIRST_COL - 1 + i
        ws.write_string(0, col, name, styles.meta)
        for r, c in enumerate(choices, start=1):
            ws.write_string(r, col, c.label(lang), styles.meta)
        ws.set_column(col, col, 24)
    ws.set_column(0, 1, 16)
    ws.hide()
    ws.protect("", PROTECT_OPTIONS)
    return ws


# --------------------------------------------------------------------------- values


def as_text(value: object) -> str:
    """A value as the text a clerk would type: 2023.0 -> '2023'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def write_value(ws: Any, row: int, col: int, field: spec.Field, value: object,
                fmt: Any, lang: spec.Lang) -> None:
    """Write one value as its field wants it; text always as text, never a formula."""
    kind = field.kind
    if kind == "choice" and field.choices:
        code = spec.choice_code(field.choices, value)
        if code is not None:
            value = spec.choice(field.choices, code).label(lang)
    if kind == "date" and isinstance(value, date):
        value_dt = value if isinstance(value, datetime) else datetime(
            value.year, value.month, value.day)
        ws.write_datetime(row, col, value_dt, fmt)
    elif kind in ("year", "number") and isinstance(value, int | float) \
            and not isinstance(value, bool) and finite(value) is not None:
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, clip(xml_safe(as_text(value))), fmt)


def check_keys(records: Sequence[Mapping[str, object]], fields: Sequence[spec.Field],
               where: str) -> None:
    known = {f.key for f in fields}
    for rec in records:
        unknown = sorted(set(rec) - known)
        if unknown:
            raise ValueError(f"unknown field(s) {unknown} for {where}; "
                             f"known: {sorted(known)}")


def column_widths(fields: Sequence[spec.Field],
                  records: Sequence[Mapping[str, object]]) -> list[float]:
    """Each field's width, wider where a filled value has a word longer than it (a unit
    "triệu đồng/người/năm" in a column of 10 prints "đồng/người/nă" and loses the "m")."""
    out = []
    for f in fields:
        words = [w for rec in records if not is_empty(rec.get(f.key))
                 for w in as_text(rec.get(f.key)).split()]
        longest = max((textfit.fit_width(w) for w in words), default=0.0)
        out.append(max(f.width, min(MAX_WORD_WIDTH, math.ceil(longest * 2) / 2)))
    return out


def row_height(fields: Sequence[spec.Field], record: Mapping[str, object],
               widths: Sequence[float] | None = None, *, bold: bool = False) -> float:
    """The height that shows every wrapped line of a filled row (``bold``: an
    objective's row, which a conditional format sets in bold)."""
    lines = 1
    for i, f in enumerate(fields):
        value = record.get(f.key)
        if is_empty(value):
            continue
        width = widths[i] if widths is not None else f.width
        lines = max(lines, textfit.wrapped_lines(as_text(value), width, bold=bold))
    return textfit.row_height(lines)


# --------------------------------------------------------------------------- validation


def validation(field: spec.Field, lang: spec.Lang, lists: Mapping[str, str]) -> dict[str, Any]:
    """The data validation of a field's input cells, with help shown on selection."""
    msg = _MESSAGES[lang]
    help_text = field.help(lang) or field.help_vi or field.label(lang)
    if field.example:
        help_text += f"\n{msg['example']}: {field.example}"
    common: dict[str, Any] = {
        "input_title": field.label(lang)[:32],
        "input_message": help_text[:255],
        "error_title": msg["error_title"],
        "error_type": "stop",
    }
    if field.kind == "choice" and field.choices:
        return {**common, "validate": "list", "source": lists[field.choices],
                "error_message": msg["choice"]}
    if field.kind == "year":
        return {**common, "validate": "integer", "criteria": "between",
                "minimum": MIN_YEAR, "maximum": MAX_YEAR, "error_message": msg["year"]}
    if field.kind == "date":
        return {**common, "validate": "date", "criteria": "between",
                "minimum": date(MIN_YEAR, 1, 1), "maximum": date(MAX_YEAR, 12, 31),
                "error_message": msg["date"]}
    if field.kind == "number":
        return {**common, "validate": "decimal", "criteria": ">=", "value": 0,
                "error_message": msg["number"]}
    return {**common, "validate": "length", "criteria": "<=", "value": field.max_length,
            "error_message": msg["text"].format(n=field.max_length)}


# --------------------------------------------------------------------------- sheets


def write_titles(ws: Any, styles: Styles, title: str, hint: str) -> None:
    ws.set_row(0, 24)
    ws.write_string(0, 0, title, styles.title)
    ws.write_string(1, 0, hint, styles.subtitle)


def write_info_sheet(wb: Any, styles: Styles, sheet: spec.InfoSheet, *, lang: spec.Lang,
                     title: str, hint: str, values: Mapping[str, object] | None,
                     lists: Mapping[str, str], lock_assigned: bool = False) -> Any:
    """A form: label in ``label_col``, input in ``value_col``, help beside it."""
    values = dict(values or {})
    check_keys([values], sheet.fields, sheet.name(lang))
    ws = wb.add_worksheet(sheet.name(lang))
    label_col = ord(sheet.label_col) - ord("A")
    value_col = ord(sheet.value_col) - ord("A")
    ws.set_column(0, 0, 3)
    ws.set_column(label_col, label_col, INFO_WIDTHS[0])
    ws.set_column(value_col, value_col, INFO_WIDTHS[1])
    ws.set_column(value_col + 1, value_col + 1, INFO_WIDTHS[2])
    write_titles(ws, styles, title, hint)
    for i, f in enumerate(sheet.fields):
        row = sheet.first_row - 1 + i
        label = f.label(lang) + (" *" if f.required else "")
        value = values.get(f.key)
        shown = "" if is_empty(value) else as_text(value)
        ws.set_row(row, max(30, textfit.row_height(max(
            textfit.wrapped_lines(label, INFO_WIDTHS[0], bold=True),
            textfit.wrapped_lines(shown, INFO_WIDTHS[1]) if shown else 1,
            textfit.wrapped_lines(f.help(lang) or f.help_vi, INFO_WIDTHS[2] - 1)))))
        ws.write_string(row, label_col, label, styles.label)
        locked = lock_assigned and f.assigned and not is_empty(value)
        fmt = styles.input(f.kind, locked=locked, boxed=True)
        if is_empty(value):
            ws.write_blank(row, value_col, None, fmt)
        else:
            write_value(ws, row, value_col, f, value, fmt, lang)
        ws.write_string(row, value_col + 1, f.help(lang) or f.help_vi, styles.hint)
        if not locked:
            ws.data_validation(row, value_col, row, value_col, validation(f, lang, lists))
    print_setup(ws, repeat_row=None, lang=lang, landscape=True)
    ws.protect("", PROTECT_OPTIONS)
    return ws


def write_table_sheet(wb: Any, styles: Styles, sheet: spec.TableSheet, *, lang: spec.Lang,
                      title: str, hint: str, records: Sequence[Mapping[str, object]] | None,
                      lists: Mapping[str, str], lock_assigned: bool = False) -> Any:
    """A list: title, header row, ``sheet.rows`` unlocked rows, an Excel table."""
    records = list(records or [])
    check_keys(records, sheet.fields, sheet.name(lang))
    if len(records) > sheet.rows:
        raise ValueError(f"{sheet.name(lang)}: {len(records)} rows, at most {sheet.rows}")
    ws = wb.add_worksheet(sheet.name(lang))
    first, last = sheet.first_data_row - 1, sheet.last_data_row - 1  # 0-based
    ncols = len(sheet.fields)
    write_titles(ws, styles, title, hint)
    widths = column_widths(sheet.fields, records)
    ws.set_row(sheet.header_row - 1, max(45, textfit.row_height(max(
        textfit.wrapped_lines(f.label(lang), w, bold=True)
        for f, w in zip(sheet.fields, widths, strict=True)))))
    for c, f in enumerate(sheet.fields):
        # The column's format makes its empty cells unlocked input cells without writing
        # thousands of blank styled cells (a reader would parse every one of them).
        ws.set_column(c, c, widths[c], styles.input(f.kind))
    for i, rec in enumerate(records):
        r = first + i
        for c, f in enumerate(sheet.fields):
            value = rec.get(f.key)
            if is_empty(value):
                continue
            locked = lock_assigned and f.assigned
            write_value(ws, r, c, f, value, styles.input(f.kind, locked=locked), lang)
        objective = "code" in sheet.columns() and "." not in as_text(rec.get("code", "."))
        ws.set_row(r, row_height(sheet.fields, rec, widths, bold=objective))
    ws.add_table(first - 1, 0, last, ncols - 1, {
        "name": sheet.table_name,
        "style": "Table Style Light 1",
        "autofilter": True,
        "columns": [{"header": f.label(lang), "header_format": styles.header}
                    for f in sheet.fields],
    })
    for c, f in enumerate(sheet.fields):
        ws.data_validation(first, c, last, c, validation(f, lang, lists))
    end = spec.col_letter(ncols - 1)
    data_range = f"A{first + 1}:{end}{last + 1}"
    if "code" in sheet.columns():
        code = f"${sheet.column('code')}{first + 1}"
        ws.conditional_format(data_range, {
            "type": "formula", "criteria": f'=AND(LEN({code})>0,ISERROR(FIND(".",{code})))',
            "format": styles.objective_row})
    ws.conditional_format(data_range, {
        "type": "formula", "criteria": f"=COUNTA($A{first + 1}:${end}{first + 1})>0",
        "format": styles.row_border})
    ws.freeze_panes(sheet.header_row, 0)
    print_setup(ws, repeat_row=sheet.header_row - 1, lang=lang)
    ws.protect("", PROTECT_OPTIONS)
    return ws
