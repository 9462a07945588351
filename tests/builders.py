"""Build unit returns for tests with openpyxl, at the coordinates ``spec`` declares.

``build_return(path, lang="vi", info={...}, objectives=[{...}], tasks=[{...}])`` writes a
workbook with the info, objectives and plan sheets (labels in the header row), and the
hidden ``_qmo`` meta sheet unless ``meta=False``. Rows are dicts keyed by spec field
keys; a row may carry ``"_row": n`` to be written at sheet row ``n`` (to leave gaps).
``sheet_order`` lists spec keys ("instructions", "info", "objectives", "plan", "meta") in
the order the sheets should appear. ``insert_col`` inserts an extra column (header
"Cột thêm") before the given 0-based position in both list sheets.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from qmo_excel import spec
from qmo_excel.spec import col_letter

DEFAULT_INFO = {"unit_code": "PTCKH", "unit_name": "Phòng Tài chính - Kế hoạch",
                "year": 2023, "period": "Năm", "report_date": "12/11/2023"}


def build_return(path: str | Path, *, lang: spec.Lang = "vi",
                 info: Mapping[str, Any] | None = None,
                 objectives: Iterable[Mapping[str, Any]] | None = None,
                 tasks: Iterable[Mapping[str, Any]] | None = None, meta: bool = True,
                 sheet_order: Sequence[str] | None = None, insert_col: int | None = None,
                 version: str = spec.VERSION, template_id: str = spec.TEMPLATE_ID) -> Path:
    path = Path(path)
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    order = list(sheet_order or ("instructions", "info", "objectives", "plan", "meta"))
    if not meta and "meta" in order:
        order.remove("meta")
    for key in order:
        if key == "instructions":
            ws = wb.create_sheet(spec.INSTRUCTIONS_SHEET[lang])
            ws["A1"] = "Hướng dẫn điền mẫu" if lang == "vi" else "How to fill in"
        elif key == "info":
            ws = wb.create_sheet(spec.UNIT_INFO.name(lang))
            ws["B2"] = spec.UNIT_INFO.name(lang).upper()
            sheet = spec.UNIT_INFO
            for i, f in enumerate(sheet.fields):
                ws[f"{sheet.label_col}{sheet.first_row + i}"] = f.label(lang)
            values = DEFAULT_INFO if info is None else info
            for k, v in values.items():
                _put(ws, sheet.cell(k), v)
        elif key in ("objectives", "plan"):
            table = spec.OBJECTIVES if key == "objectives" else spec.PLAN
            rows = objectives if key == "objectives" else tasks
            _write_table(wb.create_sheet(table.name(lang)), table, lang, rows or (),
                         insert_col)
        elif key == "meta":
            ws = wb.create_sheet(spec.META_SHEET)
            values = {"template_id": template_id, "version": version, "lang": lang,
                      "workbook": "unit"}
            for k, cell in spec.META_CELLS.items():
                ws[cell] = values[k]
                ws[f"A{cell[1:]}"] = k
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def _write_table(ws: Any, table: spec.TableSheet, lang: spec.Lang,
                 rows: Iterable[Mapping[str, Any]], insert_col: int | None) -> None:
    ws["A1"] = table.name(lang).upper()

    def col(i: int) -> str:
        if insert_col is not None and i >= insert_col:
            i += 1
        return col_letter(i)

    for i, f in enumerate(table.fields):
        ws[f"{col(i)}{table.header_row}"] = f.label(lang)
    if insert_col is not None:
        ws[f"{col_letter(insert_col)}{table.header_row}"] = "Cột thêm"
    r = table.first_data_row
    for values in rows:
        r = values.get("_row", r)
        for i, f in enumerate(table.fields):
            if f.key in values:
                _put(ws, f"{col(i)}{r}", values[f.key])
        if insert_col is not None:
            ws[f"{col_letter(insert_col)}{r}"] = "x"
        r += 1


def _put(ws: Any, ref: str, value: Any) -> None:
    """Write a value; text that starts with "=" stays text (not a formula)."""
    cell = ws[ref]
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
