"""The unit workbook: every field where ``describe()`` says, dropdowns, locks, determinism."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries
from python_calamine import CalamineWorkbook
from xlsx_helpers import is_locked

from qmo_excel import spec
from qmo_excel.template import write_unit_workbook

LANGS = list(spec.LANGS)
OBJECTIVES = [
    {"code": "1", "text": "Giải quyết TTHC đúng hạn"},
    {"code": "1.1", "text": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "unit_of_measure": "%",
     "target": "trên 95%", "direction": "higher_is_better", "weight": 2,
     "result": "=SUM(A1:A2)", "self_assessment": "Đạt"},
    {"code": "1.2", "text": "Tỷ lệ hộ nghèo", "target": "giảm 0,8-1,0%/năm",
     "direction": "Càng thấp càng tốt"},
]
TASKS = [{"number": 1, "objective_code": "1", "task": "Xây dựng Kế hoạch ĐGNB",
          "timeline": "Tháng 2-3/2023", "status": "done", "completed_on": date(2023, 3, 15)}]
INFO = {"unit_code": "PTCKH", "unit_name": "Phòng Tài chính - Kế hoạch", "year": 2023,
        "period": "h1", "report_date": date(2023, 6, 12), "preparer": "=HYPERLINK(1)"}


@pytest.fixture(params=LANGS)
def blank(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, spec.Lang]:
    path = tmp_path / f"blank-{request.param}.xlsx"
    write_unit_workbook(path, lang=request.param)
    return path, request.param


@pytest.fixture()
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "filled.xlsx"
    write_unit_workbook(path, info=INFO, objectives=OBJECTIVES, tasks=TASKS,
                        lock_assigned=True)
    return path


def _range_values(wb: Any, ref: str) -> list[str]:
    sheet, cells = ref.lstrip("=").split("!")
    ws = wb[sheet.strip("'")]
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    return [ws.cell(r, c).value for r in range(min_row, max_row + 1)
            for c in range(min_col, max_col + 1)]


def _validations(ws: Any) -> dict[str, Any]:
    """Data validation by the top-left cell of each of its ranges."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0]] = dv
    return out


def test_sheets_and_meta(blank: tuple[Path, spec.Lang]) -> None:
    path, lang = blank
    d = spec.describe(lang)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [d["unit"]["instructions"]["sheet"], d["unit"]["info"]["sheet"],
                             d["unit"]["objectives"]["sheet"], d["unit"]["plan"]["sheet"],
                             spec.META_SHEET]
    meta = wb[spec.META_SHEET]
    assert meta.sheet_state == "hidden"
    got = {k: meta[c].value for k, c in spec.META_CELLS.items()}
    assert got == {"template_id": spec.TEMPLATE_ID, "version": spec.VERSION, "lang": lang,
                   "workbook": "unit"}
    assert wb.custom_doc_props["qmo_template_id"].value == spec.TEMPLATE_ID
    assert wb.custom_doc_props["qmo_version"].value == spec.VERSION
    assert wb.properties.title and wb.properties.subject


def test_every_field_where_describe_says(blank: tuple[Path, spec.Lang]) -> None:
    path, lang = blank
    d = spec.describe(lang)["unit"]
    wb = openpyxl.load_workbook(path)
    info = wb[d["info"]["sheet"]]
    for key, cell in d["info"]["cells"].items():
        label = info[f"{spec.UNIT_INFO.label_col}{cell[1:]}"].value
        assert label.rstrip(" *") == d["info"]["labels"][key]
        assert info[cell].protection.locked is False
    for table in ("objectives", "plan"):
        t = d[table]
        ws = wb[t["sheet"]]
        for key, col in t["columns"].items():
            assert ws[f"{col}{t['header_row']}"].value == t["labels"][key]
            assert ws[f"{col}{t['header_row']}"].protection.locked is True
            for row in (t["first_data_row"], t["last_data_row"]):
                assert is_locked(ws, f"{col}{row}") is False
        assert ws.protection.sheet is True
        assert ws.freeze_panes == f"A{t['first_data_row']}"
        assert t["table"] in ws.tables
        assert ws.tables[t["table"]].ref == (
            f"A{t['header_row']}:{max(t['columns'].values())}{t['last_data_row']}")
        assert ws.print_title_rows == f"${t['header_row']}:${t['header_row']}"
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.page_setup.fitToHeight == 0  # one page wide, as many pages tall as needed
        assert ws.page_setup.fitToWidth in (None, 1)
        assert "&P" in ws.oddFooter.right.text
    assert info.protection.sheet is True


def test_no_example_rows_in_blank(blank: tuple[Path, spec.Lang]) -> None:
    path, lang = blank
    d = spec.describe(lang)["unit"]
    wb = openpyxl.load_workbook(path)
    for table in ("objectives", "plan"):
        ws = wb[d[table]["sheet"]]
        values = [c.value for row in ws.iter_rows(min_row=d[table]["first_data_row"])
                  for c in row]
        assert all(v is None for v in values)
    assert all(wb[d["info"]["sheet"]][c].value is None for c in d["info"]["cells"].values())


def test_dropdowns_hold_exactly_the_described_choices(blank: tuple[Path, spec.Lang]) -> None:
    path, lang = blank
    d = spec.describe(lang)
    wb = openpyxl.load_workbook(path)
    seen = set()
    for sheet in spec.UNIT_SHEETS:
        ws = wb[sheet.name(lang)]
        dvs = _validations(ws)
        for f in sheet.fields:
            if isinstance(sheet, spec.InfoSheet):
                cell = sheet.cell(f.key)
            else:
                cell = f"{sheet.column(f.key)}{sheet.first_data_row}"
                dv = dvs[cell]
                assert str(dv.sqref) == f"{cell}:{sheet.column(f.key)}{sheet.last_data_row}"
            dv = dvs[cell]
            assert dv.promptTitle and dv.prompt  # help shown on selection
            if f.kind == "choice":
                assert dv.type == "list"
                assert _range_values(wb, dv.formula1) == d["choices"][f.key]
                seen.add(f.key)
            elif f.kind in ("year", "date"):
                assert dv.type in ("whole", "date")
                assert dv.error
    assert seen == {"period", "direction", "self_assessment", "status"}


def test_generation_is_deterministic(tmp_path: Path) -> None:
    for lang in LANGS:
        a, b = tmp_path / f"a-{lang}.xlsx", tmp_path / f"b-{lang}.xlsx"
        write_unit_workbook(a, lang=lang)
        write_unit_workbook(b, lang=lang)
        assert a.read_bytes() == b.read_bytes()
    c, e = tmp_path / "c.xlsx", tmp_path / "e.xlsx"
    write_unit_workbook(c, info=INFO, objectives=OBJECTIVES, tasks=TASKS, lock_assigned=True)
    write_unit_workbook(e, info=INFO, objectives=OBJECTIVES, tasks=TASKS, lock_assigned=True)
    assert c.read_bytes() == e.read_bytes()


def test_filled_values_in_place_and_typed(filled: Path) -> None:
    d = spec.describe("vi")["unit"]
    wb = openpyxl.load_workbook(filled)
    info = wb[d["info"]["sheet"]]
    cells = d["info"]["cells"]
    assert info[cells["unit_code"]].value == "PTCKH"
    assert info[cells["year"]].value == 2023
    assert info[cells["period"]].value == "6 tháng"  # code written as its label
    assert info[cells["report_date"]].value == datetime(2023, 6, 12)
    assert info[cells["report_date"]].number_format == "dd/mm/yyyy"
    assert info[cells["preparer"]].value == "=HYPERLINK(1)"
    assert info[cells["preparer"]].data_type == "s"  # text, never a formula
    obj = wb[d["objectives"]["sheet"]]
    col, first = d["objectives"]["columns"], d["objectives"]["first_data_row"]
    assert obj[f"{col['code']}{first}"].value == "1"
    assert obj[f"{col['code']}{first + 1}"].value == "1.1"
    assert obj[f"{col['direction']}{first + 1}"].value == "Càng cao càng tốt"
    assert obj[f"{col['direction']}{first + 2}"].value == "Càng thấp càng tốt"
    assert obj[f"{col['weight']}{first + 1}"].value == 2
    assert obj[f"{col['result']}{first + 1}"].data_type == "s"
    assert obj[f"{col['result']}{first + 1}"].value == "=SUM(A1:A2)"
    plan = wb[d["plan"]["sheet"]]
    pcol, pfirst = d["plan"]["columns"], d["plan"]["first_data_row"]
    assert plan[f"{pcol['number']}{pfirst}"].value == "1"
    assert plan[f"{pcol['status']}{pfirst}"].value == "Hoàn thành"
    assert plan[f"{pcol['completed_on']}{pfirst}"].value == datetime(2023, 3, 15)


def test_assigned_cells_locked_others_open(filled: Path) -> None:
    d = spec.describe("vi")["unit"]
    wb = openpyxl.load_workbook(filled)
    info = wb[d["info"]["sheet"]]
    for f in spec.UNIT_INFO.fields:
        cell = info[spec.UNIT_INFO.cell(f.key)]
        assert cell.protection.locked is (f.assigned and f.key in INFO), f.key
    obj = wb[d["objectives"]["sheet"]]
    first = d["objectives"]["first_data_row"]
    for i, rec in enumerate(OBJECTIVES):
        for f in spec.OBJECTIVES.fields:
            ref = f"{spec.OBJECTIVES.column(f.key)}{first + i}"
            assert is_locked(obj, ref) is (f.assigned and f.key in rec), (i, f.key)
    assert is_locked(obj, f"A{first + len(OBJECTIVES)}") is False
    plan = wb[d["plan"]["sheet"]]
    row = d["plan"]["first_data_row"]
    assert not any(is_locked(plan, f"{c}{row}") for c in d["plan"]["columns"].values())


def test_unlocked_when_not_asked_to_lock(tmp_path: Path) -> None:
    path = tmp_path / "open.xlsx"
    write_unit_workbook(path, info=INFO, objectives=OBJECTIVES)
    wb = openpyxl.load_workbook(path)
    assert wb[spec.UNIT_INFO.name("vi")]["C4"].protection.locked is False
    assert is_locked(wb[spec.OBJECTIVES.name("vi")], "A4") is False


def test_calamine_reads_it(filled: Path, blank: tuple[Path, spec.Lang]) -> None:
    path, lang = blank
    names = CalamineWorkbook.from_path(str(path)).sheet_names
    assert names[1:] == [s.name(lang) for s in spec.UNIT_SHEETS] + [spec.META_SHEET]
    wb = CalamineWorkbook.from_path(str(filled))
    rows = wb.get_sheet_by_name(spec.OBJECTIVES.name("vi")).to_python()
    header = spec.OBJECTIVES.header_row - 1
    assert rows[header][:3] == [f.vi for f in spec.OBJECTIVES.fields[:3]]
    assert rows[header + 2][:2] == ["1.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn"]
    meta = wb.get_sheet_by_name(spec.META_SHEET).to_python()
    assert meta[0][1] == spec.TEMPLATE_ID


def test_misuse_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown field"):
        write_unit_workbook(tmp_path / "x.xlsx", objectives=[{"cod": "1"}])
    with pytest.raises(ValueError, match="lang"):
        write_unit_workbook(tmp_path / "x.xlsx", lang="fr")
    with pytest.raises(ValueError, match="at most"):
        write_unit_workbook(tmp_path / "x.xlsx",
                            objectives=[{"code": str(i)} for i in range(spec.OBJECTIVES.rows + 1)])
    assert not (tmp_path / "x.xlsx").exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_unknown_choice_written_as_given(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    write_unit_workbook(path, info={"period": "Cả năm", "year": "hai nghìn"})
    ws = openpyxl.load_workbook(path)[spec.UNIT_INFO.name("vi")]
    assert ws[spec.UNIT_INFO.cell("period")].value == "Cả năm"
    assert ws[spec.UNIT_INFO.cell("year")].value == "hai nghìn"
