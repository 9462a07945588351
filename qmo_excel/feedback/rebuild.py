"""A feedback copy for a return in an old format (.xls, .ods), which openpyxl cannot open.

Instead of a list of problems alone, the unit gets its own figures written into the
standard .xlsx template (``template.write_unit_workbook``), row for row where they were,
with each problem re-pointed at its cell in that template: the file to fix and to send
next time, in the format we ask for. Given up (None) when the rows cannot keep their
places: a table moved so far that a row would leave the template's range.
"""

from __future__ import annotations

import tempfile
import unicodedata
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from qmo_excel import spec
from qmo_excel.intake.reader import LEGACY_FORMATS, Layout, ReadError, read_return_layout
from qmo_excel.model import Row, UnitReturn
from qmo_excel.problems import Problem
from qmo_excel.template import write_unit_workbook

_TABLES = {"objectives": spec.OBJECTIVES, "plan": spec.PLAN}


def rebuild(path: Path) -> tuple[Any, UnitReturn, Layout] | None:
    """The old-format return at ``path`` as an openpyxl workbook of our template, with
    what was read from it; None when it is not an old format or cannot be rebuilt."""
    try:
        ret, layout = read_return_layout(path)
    except (ReadError, OSError):
        return None
    if layout.format not in LEGACY_FORMATS:
        return None
    tables: dict[str, list[dict[str, object]]] = {}
    for key, sheet in _TABLES.items():
        records = _in_place(ret.objectives if key == "objectives" else ret.tasks,
                            sheet, _offset(layout, key))
        if records is None:
            return None
        tables[key] = records
    lang = "en" if ret.lang == "en" else "vi"
    with tempfile.TemporaryDirectory(prefix="qmo-rebuild-") as tmp:
        out = Path(tmp) / "return.xlsx"
        try:
            write_unit_workbook(out, lang=lang, info=dict(ret.info),
                                objectives=tables["objectives"], tasks=tables["plan"])
        except (ValueError, TypeError):
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(out)
    return wb, ret, layout


def _offset(layout: Layout, key: str) -> int:
    lay = layout.sheets.get(key)
    if lay is None or not lay.header_row:
        return 0
    return _TABLES[key].header_row - lay.header_row


def _in_place(rows: list[Row], sheet: spec.TableSheet, offset: int
              ) -> list[dict[str, object]] | None:
    """Records for the template, empty ones filling the gaps so each row keeps its row."""
    out: list[dict[str, object]] = []
    for row in rows:
        at = row.row + offset - sheet.first_data_row
        if at < len(out) or at >= sheet.rows:
            return None
        out.extend({} for _ in range(at - len(out)))
        out.append({k: v for k, v in row.values.items() if v is not None})
    return out


def repoint(problems: list[Problem], ret: UnitReturn, layout: Layout) -> list[Problem]:
    """Each problem at its cell in the rebuilt template (same field, same row); problems
    of the file or the layout keep no cell there."""
    lang: spec.Lang = "en" if ret.lang == "en" else "vi"
    names = {unicodedata.normalize("NFC", name): key for key, name in ret.sheet_names.items()}
    out: list[Problem] = []
    for p in problems:
        key = names.get(p.sheet, "")
        sheet: spec.InfoSheet | spec.TableSheet | None = \
            spec.UNIT_INFO if key == "info" else _TABLES.get(key)
        if sheet is None or not p.cell or p.field not in {f.key for f in sheet.fields}:
            out.append(replace(p, cell="") if p.sheet in names else p)
            continue
        if isinstance(sheet, spec.InfoSheet):
            cell = sheet.cell(p.field)
        else:
            row = int("".join(ch for ch in p.cell if ch.isdigit()) or 0)
            cell = f"{sheet.column(p.field)}{row + _offset(layout, sheet.key)}"
        out.append(replace(p, sheet=sheet.name(lang), cell=cell))
    return out
