"""Feedback workbooks: a coloured, commented copy plus a list sheet; the original untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from builders import build_return
from openpyxl import load_workbook

from qmo_excel import fileio, spec
from qmo_excel.feedback.workbook import FILLS, LIST_SHEET, feedback_name, write_feedback
from qmo_excel.jobs.validate import FileJob, inspect_file
from qmo_excel.reports import FileReport
from qmo_excel.template import write_unit_workbook

INFO = {"unit_code": "P-HXUAN", "unit_name": "UBND phường Hương Xuân", "year": 2023,
        "period": "6 tháng", "report_date": "12/06/2023"}
OBJECTIVES = [
    {"code": "1", "text": "Nâng cao chất lượng giải quyết TTHC"},
    {"code": "1.1", "text": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "unit_of_measure": "%",
     "target": "trên 95%", "result": "98%", "self_assessment": "Đạt"},
    {"code": "1.2", "text": "Chỉ tiêu chưa có kế hoạch", "unit_of_measure": "%"},
    {"code": "2", "text": "=Mục tiêu bắt đầu bằng dấu bằng", "target": "100%",
     "weight": "-1"},
]
TASKS = [
    {"number": "1", "objective_code": "I", "task": "Xây dựng MTCL năm 2023",
     "timeline": "Tháng 01/2023", "status": "xong"},
    {"number": "2", "objective_code": "9", "task": "Rà soát quy trình",
     "timeline": "Thường xuyên", "status": "Hoàn thành"},
]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def report(tmp_path: Path) -> FileReport:
    src = tmp_path / "in" / "Báo cáo phường Hương Xuân.xlsx"
    src.parent.mkdir()
    write_unit_workbook(src, info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    rep = inspect_file(FileJob(str(src), src.name))
    assert rep.status == "invalid"
    return rep


def test_copy_is_coloured_commented_and_listed(report: FileReport, tmp_path: Path) -> None:
    src = Path(report.path)
    before = sha(src)
    out = write_feedback(report, tmp_path / "out")
    assert out is not None and out.name == "Góp ý P-HXUAN - Báo cáo phường Hương Xuân.xlsx"
    assert sha(src) == before  # the original is never touched
    wb = load_workbook(out)
    assert wb.sheetnames[0] == LIST_SHEET["vi"] and wb.active.title == LIST_SHEET["vi"]
    objectives = wb[spec.OBJECTIVES.vi]
    weight = objectives["F7"]
    assert weight.fill.fgColor.rgb.endswith(FILLS["error"])
    assert weight.comment is not None and "Trọng số" in weight.comment.text
    target = objectives["D6"]  # indicator 1.2 without a target
    assert target.fill.fgColor.rgb.endswith(FILLS["error"])
    formula_text = objectives["B7"]
    assert formula_text.fill.fgColor.rgb.endswith(FILLS["info"])
    assert formula_text.data_type == "s"  # the unit's text stays text
    plan = wb[spec.PLAN.vi]
    assert plan["B5"].comment is not None and "\"9\"" in plan["B5"].comment.text
    # the list sheet: every problem, severity in Vietnamese, link to the cell
    ws = wb[LIST_SHEET["vi"]]
    header = [c.value for c in ws[4]]
    assert header[:5] == ["STT", "Trang", "Ô", "Mức độ", "Nội dung cần sửa"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5) if r[0].value]
    assert len(rows) == len(report.problems)
    assert {r[3] for r in rows} <= {"Lỗi", "Cảnh báo", "Lưu ý"} and rows[0][3] == "Lỗi"
    links = [ws.cell(i, 3).hyperlink for i in range(5, 5 + len(rows))]
    assert all(h is not None and h.location and "!" in h.location for h in links)
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref.startswith("A4:")
    assert ws.print_title_rows == "$4:$4"


def test_a_missing_result_reaches_the_unit(report: FileReport, tmp_path: Path) -> None:
    """Objective 2 has a target and no result: the clerk is told to fill it in."""
    (missing,) = [p for p in report.problems if p.code == "result-missing"]
    assert (missing.cell, missing.severity) == ("G7", "warning")
    out = write_feedback(report, tmp_path / "out")
    assert out is not None
    wb = load_workbook(out)
    cell = wb[spec.OBJECTIVES.vi]["G7"]
    assert cell.fill.fgColor.rgb.endswith(FILLS["warning"])
    assert cell.comment is not None and "chưa ghi kết quả thực hiện" in cell.comment.text
    listed = [r[4].value for r in wb[LIST_SHEET["vi"]].iter_rows(min_row=5)
              if r[2].value == "G7"]
    assert listed and "tính là không đạt" in listed[0]


def test_copy_keeps_dropdowns(report: FileReport, tmp_path: Path) -> None:
    """openpyxl drops x14 validations on save; the copy re-adds every dropdown of spec."""
    out = write_feedback(report, tmp_path / "out")
    assert out is not None
    wb = load_workbook(out)
    for sheet, key in ((spec.UNIT_INFO, "period"), (spec.OBJECTIVES, "direction"),
                       (spec.OBJECTIVES, "self_assessment"), (spec.PLAN, "status")):
        ws = wb[sheet.vi]
        assert ws.data_validations.dataValidation
        first = (sheet.cell(key) if isinstance(sheet, spec.InfoSheet)
                 else f"{sheet.column(key)}{sheet.first_data_row}")
        lists = [dv for dv in ws.data_validations.dataValidation
                 if dv.type == "list" and first in dv.sqref]
        assert lists, (sheet.key, key)


def test_dropdowns_restored_when_the_original_lost_them(tmp_path: Path) -> None:
    src = build_return(tmp_path / "r.xlsx", info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    rep = inspect_file(FileJob(str(src), "r.xlsx"))
    out = write_feedback(rep, tmp_path / "out")
    assert out is not None
    ws = load_workbook(out)[spec.PLAN.vi]
    dv = next(dv for dv in ws.data_validations.dataValidation if "I4" in dv.sqref)
    assert dv.formula1.startswith(f"'{spec.META_SHEET}'!$")


def test_rejected_file_gets_list_only(tmp_path: Path) -> None:
    src = tmp_path / "hong.xlsx"
    src.write_bytes(b"PK\x03\x04 broken")
    rep = inspect_file(FileJob(str(src), "hong.xlsx"))
    assert rep.status == "rejected"
    out = write_feedback(rep, tmp_path / "out")
    assert out is not None and out.name == "Góp ý - hong.xlsx"
    wb = load_workbook(out)
    assert wb.sheetnames == [LIST_SHEET["vi"]]
    ws = wb.active
    assert "chưa được tổng hợp" in ws["A3"].value
    assert ws["E5"].value == rep.problems[0].message


def test_no_problems_no_feedback(tmp_path: Path) -> None:
    rep = FileReport("a.xlsx", str(tmp_path / "a.xlsx"), "valid")
    assert write_feedback(rep, tmp_path / "out") is None
    ignored = FileReport("a.txt", str(tmp_path / "a.txt"), "ignored", reason="x")
    assert write_feedback(ignored, tmp_path / "out") is None


def test_atomic_write_leaves_no_temp_file(report: FileReport, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    first = write_feedback(report, out_dir)
    second = write_feedback(report, out_dir)  # re-run replaces it
    assert first is not None and first == second
    assert [p.name for p in out_dir.iterdir()] == [first.name]


def test_failed_save_leaves_nothing(report: FileReport, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", boom)
    out_dir = tmp_path / "out"
    with pytest.raises(OSError):
        write_feedback(report, out_dir)
    assert list(out_dir.iterdir()) == []


def test_same_inputs_same_bytes(report: FileReport, tmp_path: Path) -> None:
    a = write_feedback(report, tmp_path / "a")
    b = write_feedback(report, tmp_path / "b")
    assert a is not None and b is not None and sha(a) == sha(b)
    rejected = FileReport("x.xlsx", str(tmp_path / "x.xlsx"), "rejected",
                          problems=report.problems[:1])
    c = write_feedback(rejected, tmp_path / "c")
    d = write_feedback(rejected, tmp_path / "d")
    assert c is not None and d is not None and sha(c) == sha(d)


def test_english_list_sheet(report: FileReport, tmp_path: Path) -> None:
    out = write_feedback(report, tmp_path / "out", lang="en")
    assert out is not None
    ws = load_workbook(out)[LIST_SHEET["en"]]
    assert ws["D5"].value in ("Error", "Warning", "Note")


def test_feedback_name_keeps_the_units_own_name() -> None:
    decomposed = unicodedata.normalize("NFD", "Phường/Đông Ba: báo cáo?.xlsx")
    rep = FileReport(decomposed, "x", "invalid", unit_code="P-ĐB")
    name = feedback_name(rep)
    assert name == "Góp ý P-ĐB - Phường - Đông Ba báo cáo.xlsx"
    assert unicodedata.is_normalized("NFC", name)
    assert feedback_name(rep, "en") == "Feedback P-ĐB - Phường - Đông Ba báo cáo.xlsx"
    odd = FileReport("a<b>|c*. .xlsx", "x", "invalid")
    assert feedback_name(odd) == "Góp ý - a b c.xlsx"


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_feedback_opens_in_libreoffice(report: FileReport, tmp_path: Path) -> None:
    out = write_feedback(report, tmp_path / "out")
    assert out is not None
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / (out.stem + ".pdf")).stat().st_size > 1000
