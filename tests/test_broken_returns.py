"""Returns made from our own template, then broken the ways units break them.

Each test starts from a clean return written by the template writer, breaks it once
(rows inserted above the table, a sheet renamed, formulas, merged cells, hidden rows,
numbers stored as text, a percentage typed into Excel, text pasted from a PDF, a
password, a truncated download, a file that is not a spreadsheet…) and asserts the exact
codes and cells `validate` reports, and that the data is still read where it should be.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import msoffcrypto
import pytest
from openpyxl import load_workbook

from qmo_excel.feedback.workbook import write_feedback
from qmo_excel.jobs.validate import FileJob, inspect_file
from qmo_excel.model import Assignment, RegisteredUnit, RoundConfig
from qmo_excel.reports import FileReport
from qmo_excel.template import write_unit_workbook

INFO = {"unit_code": "PTCKH", "unit_name": "Phòng Tài chính - Kế hoạch", "year": 2023,
        "period": "Năm", "report_date": date(2023, 12, 11),
        "preparer": "Nguyễn Thị Hoa, Thư ký ISO"}
OBJECTIVES = [
    {"code": "1", "text": "Nâng cao chất lượng giải quyết thủ tục hành chính"},
    {"code": "1.1", "text": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "unit_of_measure": "%",
     "target": "trên 95%", "result": "98,2%", "self_assessment": "Đạt"},
    {"code": "1.2", "text": "Tỷ lệ hồ sơ giải quyết trực tuyến", "unit_of_measure": "%",
     "target": "30%", "result": "chưa tổng hợp", "self_assessment": "Đạt"},
    {"code": "2", "text": "Hoàn thành nhiệm vụ được giao đúng hạn", "unit_of_measure": "%",
     "target": "100%", "result": "100%", "self_assessment": "Đạt"},
]
TASKS = [
    {"number": "1", "objective_code": "1", "task": "Rà soát quy trình ISO",
     "timeline": "Quý I/2023", "status": "Hoàn thành", "completed_on": date(2023, 3, 20)},
    {"number": "2", "objective_code": "1", "task": "Khảo sát sự hài lòng",
     "timeline": "Tháng 10/2023", "status": "Hoàn thành", "completed_on": date(2023, 10, 25)},
    {"number": "1", "objective_code": "2", "task": "Theo dõi nhiệm vụ",
     "timeline": "Thường xuyên", "status": "Đang thực hiện"},
]
OBJ, PLAN, INFO_SHEET = "Mục tiêu - Chỉ tiêu", "Kế hoạch thực hiện", "Thông tin đơn vị"
# The one problem of the clean return: result of 1.2 (row 5 of the objectives sheet).
BASE = [("result-unreadable", OBJ, "G6")]


def check(path: Path, round: RoundConfig | None = None) -> FileReport:
    return inspect_file(FileJob(str(path), path.name, round=round))


def found(report: FileReport) -> list[tuple[str, str, str]]:
    return sorted((p.code, p.sheet, p.cell) for p in report.problems)


def edit(path: Path, change: Callable[[Any], None], out: Path | None = None) -> Path:
    """Open with openpyxl, change, save (as a unit's spreadsheet program would)."""
    wb = load_workbook(path)
    change(wb)
    out = out or path
    wb.save(out)
    return out


def rows_of(report: FileReport, sheet: str = "objectives") -> dict[str, Any]:
    ret = report.unit_return
    assert ret is not None
    rows = ret.objectives if sheet == "objectives" else ret.tasks
    return {f"{r.row}": r.values for r in rows}


def test_the_clean_return_has_only_its_one_problem(clean: Path) -> None:
    r = check(clean)
    assert r.status == "valid" and found(r) == sorted(BASE)


def test_rows_inserted_above_the_table(clean: Path) -> None:
    edit(clean, lambda wb: wb[OBJ].insert_rows(1, 2))
    r = check(clean)
    # the note of the mapping applied, and the unreadable result named where it now is
    assert found(r) == sorted([("structure-table-moved", OBJ, "A5"),
                               ("result-unreadable", OBJ, "G8")])
    assert rows_of(r)["7"]["code"] == "1.1" and rows_of(r)["7"]["result"] == "98,2%"


def test_a_column_inserted_is_read_by_its_header(clean: Path) -> None:
    def insert(wb: Any) -> None:
        ws = wb[OBJ]
        ws.insert_cols(4)
        ws["D3"] = "Ghi chú riêng"

    edit(clean, insert)
    r = check(clean)
    moved = [("structure-column-moved", OBJ, f"{c}3") for c in "EFGHIJK"]
    assert found(r) == sorted([*moved, ("result-unreadable", OBJ, "H6")])
    assert rows_of(r)["5"]["target"] == "trên 95%"


def test_a_renamed_sheet_is_recognised_by_its_labels(clean: Path) -> None:
    def rename(wb: Any) -> None:
        wb[OBJ].title = "MTCL 2023"

    edit(clean, rename)
    r = check(clean)
    assert r.status == "valid"
    assert found(r) == sorted([("structure-sheet-renamed", "MTCL 2023", ""),
                               ("result-unreadable", "MTCL 2023", "G6")])


def test_headers_are_matched_without_case_diacritics_or_line_breaks(clean: Path) -> None:
    def shout(wb: Any) -> None:
        ws = wb[OBJ]
        ws["D3"] = "CHI TIEU\nKE HOACH NĂM 2023"  # a label followed by more words
        ws["G3"], ws["H3"] = "tự  đánh giá", "KẾT QUẢ THỰC HIỆN *"  # swapped columns
        for row in range(4, 8):
            ws[f"G{row}"].value, ws[f"H{row}"].value = ws[f"H{row}"].value, \
                ws[f"G{row}"].value

    edit(clean, shout)
    r = check(clean)
    assert found(r) == sorted([("structure-column-moved", OBJ, "G3"),
                               ("structure-column-moved", OBJ, "H3"),
                               ("result-unreadable", OBJ, "H6")])
    assert rows_of(r)["5"]["result"] == "98,2%" and rows_of(r)["5"]["target"] == "trên 95%"


def test_info_labels_moved_down_are_followed(clean: Path) -> None:
    edit(clean, lambda wb: wb[INFO_SHEET].insert_rows(3, 1))
    r = check(clean)
    assert found(r) == sorted([("structure-info-moved", INFO_SHEET, "B5"), *BASE])
    assert r.unit_return is not None and r.unit_return.info["unit_code"] == "PTCKH"


def _cache(path: Path, sheet_xml: str, ref: str, value: str) -> None:
    """Give a formula cell openpyxl wrote (without a value) the cached value Excel keeps."""
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == sheet_xml:
                cell = rf'(<c r="{ref}"[^>]*?)(?: t="\w+")?>(<f>[^<]*</f>)(<v\s*/>|<v></v>)?'
                body = re.sub(cell, rf'\1 t="str">\2<v>{value}</v>',
                              body.decode()).encode()
            dst.writestr(info, body)
    path.write_bytes(out.getvalue())


def _sheet_part(path: Path, name: str) -> str:
    wb = load_workbook(path)
    index = wb.sheetnames.index(name) + 1
    return f"xl/worksheets/sheet{index}.xml"


def test_formulas_read_their_cached_value_and_flag_a_missing_one(clean: Path) -> None:
    def formulas(wb: Any) -> None:
        ws = wb[OBJ]
        ws["G5"] = '=TEXT(0.982,"0.0%")'  # will get a cached value below
        ws["G7"] = "=100%"  # none: as a script or a web export leaves it

    edit(clean, formulas)
    _cache(clean, _sheet_part(clean, OBJ), "G5", "98,2%")
    r = check(clean)
    assert found(r) == sorted([("formula-no-value", OBJ, "G7"), *BASE])
    p = next(p for p in r.problems if p.code == "formula-no-value")
    assert p.severity == "error" and "=100%" in p.message and "Excel" in p.message
    assert rows_of(r)["5"]["result"] == "98,2%"


def test_merged_cells_give_their_value_to_every_row(clean: Path) -> None:
    def merge(wb: Any) -> None:
        ws = wb[PLAN]
        ws["B5"] = None
        ws.merge_cells("B4:B5")  # objective 1 written once for its two tasks

    edit(clean, merge)
    r = check(clean)
    assert found(r) == sorted(BASE)
    assert [row["objective_code"] for row in rows_of(r, "plan").values()] == ["1", "1", "2"]


def test_hidden_rows_are_read_and_noted(clean: Path) -> None:
    def hide(wb: Any) -> None:
        wb[OBJ].row_dimensions[6].hidden = True

    edit(clean, hide)
    r = check(clean)
    assert found(r) == sorted([("row-hidden", OBJ, "A6"), *BASE])
    assert "6" in rows_of(r)


def test_numbers_stored_as_text_and_dates_as_text_or_serials(clean: Path) -> None:
    def as_text(wb: Any) -> None:
        info, obj, plan = wb[INFO_SHEET], wb[OBJ], wb[PLAN]
        info["C6"] = "2023"
        info["C10"] = 45271  # 11/12/2023 as an Excel day number, General format
        info["C10"].number_format = "General"
        obj["F5"] = "1,5"  # weight typed as text with a decimal comma
        plan["J4"] = "20/03/2023"
        plan["J5"] = 45224  # 25/10/2023 as a day number with a date format
        plan["J5"].number_format = "dd/mm/yyyy"

    edit(clean, as_text)
    r = check(clean)
    assert found(r) == sorted(BASE)
    assert r.unit_return is not None
    assert r.unit_return.info["year"] == "2023"
    assert rows_of(r, "plan")["5"]["completed_on"] == date(2023, 10, 25)


def test_a_percentage_typed_into_excel_is_read_as_a_percentage(clean: Path) -> None:
    def typed(wb: Any) -> None:
        ws = wb[OBJ]
        ws["G5"] = 0.964  # Excel stores "96,4%" as 0.964 with a percent format
        ws["G5"].number_format = "0.0%"
        ws["G7"] = 1
        ws["G7"].number_format = "0%"

    edit(clean, typed)
    r = check(clean, round=RoundConfig(year=2023, period="year"))
    assert found(r) == sorted(BASE)
    assert rows_of(r)["5"]["result"] == "96,4%" and rows_of(r)["7"]["result"] == "100%"
    scored = inspect_file(FileJob(str(clean), clean.name, as_of=date(2023, 12, 20))).scored
    assert scored is not None
    verdicts = {rec.code: rec.verdict for rec in scored.indicators}
    # 96,4% is above "trên 95%" (0,964 would not be); 100% is exactly the target
    assert verdicts["1.1"] == "vuot" and verdicts["2"] == "dat"


def test_text_pasted_from_a_pdf(clean: Path) -> None:
    def pasted(wb: Any) -> None:
        ws = wb[OBJ]
        ws["D5"] = "trên\u00a0\n95\u00a0%"  # non-breaking spaces and a line break
        ws["G5"] = "96,4\u00a0%"
        ws["B5"] = "Tỷ lệ hồ sơ đúng hạn".replace("ỷ", "y\u0309")  # decomposed diacritics

    edit(clean, pasted)
    r = check(clean)
    assert found(r) == sorted(BASE)
    assert rows_of(r)["5"]["text"] == "Tỷ lệ hồ sơ đúng hạn"  # NFC again


@pytest.mark.parametrize(("password", "status", "codes"), [
    ("VelvetSweatshop", "valid", [("file-default-password", "", ""), *BASE]),
    ("matkhau2023", "rejected", [("file-encrypted", "", "")]),
])
def test_encrypted_returns(clean: Path, tmp_path: Path, password: str, status: str,
                           codes: list[tuple[str, str, str]]) -> None:
    locked = tmp_path / "locked.xlsx"
    with open(clean, "rb") as src, open(locked, "wb") as dst:
        office = msoffcrypto.OfficeFile(src)
        office.encrypt(password, dst)
    r = check(locked)
    assert r.status == status and found(r) == sorted(codes)
    if status == "valid":
        assert r.unit_return is not None and r.unit_return.info["unit_code"] == "PTCKH"


def test_truncated_download(clean: Path, tmp_path: Path) -> None:
    half = tmp_path / "half.xlsx"
    half.write_bytes(clean.read_bytes()[: clean.stat().st_size // 2])
    r = check(half)
    assert r.status == "rejected" and found(r) == [("file-unreadable", "", "")]
    assert "gửi lại" in r.reason


@pytest.mark.parametrize(("content", "code", "word"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "file-unreadable", "PDF"),
    ("Mã,Tên,Kết quả\nPTCKH,Phòng TC-KH,98%\n".encode(), "file-old-format", "CSV"),
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "file-old-format",
     "HTML"),
])
def test_not_a_spreadsheet_under_an_xlsx_name(tmp_path: Path, content: bytes, code: str,
                                              word: str) -> None:
    fake = tmp_path / "BaoCao.xlsx"
    fake.write_bytes(content)
    r = check(fake)
    assert r.status == "rejected" and found(r) == [(code, "", "")]
    assert word in r.reason


def test_a_word_document_renamed_xlsx(tmp_path: Path) -> None:
    doc = tmp_path / "BaoCao.xlsx"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    r = check(doc)
    assert found(r) == [("file-unreadable", "", "")] and "Word" in r.reason


def test_an_old_xls_is_read_with_a_warning(tmp_path: Path) -> None:
    xls = Path(__file__).resolve().parents[1] / "samples" / "returns" / \
        "TTYT_BaoCao_MTCL_2023.xls"
    r = check(xls)
    assert r.status == "valid" and found(r) == [("file-legacy-format", "", "")]
    assert ".xlsx" in r.problems[0].message and "97-2003" in r.problems[0].message
    assert r.unit_return is not None and len(r.unit_return.objectives) == 5
    # its feedback is the unit's figures in our .xlsx template, row for row
    out = write_feedback(r, tmp_path / "gop-y")
    assert out is not None and out.suffix == ".xlsx"
    wb = load_workbook(out)
    assert wb[OBJ]["A5"].value == "1.1" and wb[OBJ]["G5"].value == "97,4%"
    assert wb[INFO_SHEET]["C4"].value == "TTYT"


@pytest.mark.libreoffice
def test_an_ods_is_read_with_a_warning(clean: Path, tmp_path: Path) -> None:
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    subprocess.run([soffice, "--headless", "--convert-to", "ods", "--outdir", str(tmp_path),
                    str(clean)], check=True, capture_output=True, timeout=120)
    ods = tmp_path / (clean.stem + ".ods")
    r = check(ods)
    assert found(r) == sorted([("file-legacy-format", "", ""), *BASE])
    assert "OpenDocument" in next(p.message for p in r.problems
                                  if p.code == "file-legacy-format")
    assert rows_of(r)["5"]["target"] == "trên 95%"
    # the feedback: the unit's figures in our .xlsx template, the problem cell marked
    before = ods.read_bytes()
    out = write_feedback(r, tmp_path / "gop-y")
    assert out is not None and ods.read_bytes() == before
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Lỗi cần sửa" and OBJ in wb.sheetnames
    assert wb[OBJ]["D5"].value == "trên 95%" and wb[OBJ]["G6"].value == "chưa tổng hợp"
    assert wb[OBJ]["G6"].comment is not None and "chưa tổng hợp" in wb[OBJ]["G6"].comment.text
    assert ".xlsx" in wb["Lỗi cần sửa"]["A3"].value


def test_an_older_template_version_and_an_unknown_template(clean: Path) -> None:
    def older(wb: Any) -> None:
        wb["_qmo"]["B2"] = "0.9"

    edit(clean, older)
    assert found(check(clean)) == sorted([("file-template-version", "_qmo", "B2"), *BASE])

    def other(wb: Any) -> None:
        wb["_qmo"]["B1"] = "mau-bao-cao-khac"

    edit(clean, other)
    r = check(clean)
    assert r.status == "invalid"
    assert ("file-wrong-template", "_qmo", "B1") in found(r)


ROUND = RoundConfig(
    year=2023, period="year",
    register=[RegisteredUnit("PTCKH", "Phòng Tài chính - Kế hoạch"),
              RegisteredUnit("PTNMT", "Phòng Tài nguyên và Môi trường")],
    assignments=[Assignment("PTCKH", "1", "1.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
                            "%", "trên 95%"),
                 Assignment("PTCKH", "1", "1.2", "Tỷ lệ hồ sơ giải quyết trực tuyến", "%",
                            "30%"),
                 Assignment("PTCKH", "1", "1.3", "Tỷ lệ hồ sơ có kết quả số hóa", "%",
                            "trên 50%")])


def test_against_the_round_register_and_assignments(clean: Path, tmp_path: Path) -> None:
    def alter(wb: Any) -> None:
        wb[OBJ]["D5"] = "trên 90%"  # the unit lowered its assigned target
        wb[INFO_SHEET]["C5"] = "Phòng Tài nguyên và Môi trường"

    edit(clean, alter)
    misnamed = tmp_path / "BaoCao_MTCL_2023_PTNMT.xlsx"  # another unit's file name
    shutil.copy(clean, misnamed)
    r = check(misnamed, ROUND)
    assert found(r) == sorted([
        ("target-altered", OBJ, "D5"), ("assigned-missing", OBJ, "A4"),
        ("unit-name-mismatch", INFO_SHEET, "C5"), ("file-name-mismatch", INFO_SHEET, "C4"),
        *BASE])
    altered = next(p for p in r.problems if p.code == "target-altered")
    assert altered.severity == "error" and "trên 95%" in altered.message
    missing = next(p for p in r.problems if p.code == "assigned-missing")
    assert missing.value == "1.3" and "trên 50%" in missing.message


def test_abbreviated_unit_names_agree_with_the_register(clean: Path) -> None:
    for name in ("Phòng TC-KH", "phòng tài chính – kế hoạch", "P. Tài chính - Kế hoạch",
                 "Phòng Tài chính - Kế hoạch thị xã Hương Trà"):
        edit(clean, lambda wb, n=name: wb[INFO_SHEET].__setitem__("C5", n))
        codes = [p.code for p in check(clean, ROUND).problems]
        assert "unit-name-mismatch" not in codes, name


_STRICT = {b"http://schemas.openxmlformats.org/spreadsheetml/2006/main":
           b"http://purl.oclc.org/ooxml/spreadsheetml/main",
           b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
           b"http://purl.oclc.org/ooxml/officeDocument/relationships"}


def test_strict_ooxml_reads_like_transitional(clean: Path, tmp_path: Path) -> None:
    """Excel's "Strict Open XML" save: other namespaces, same data; never read as empty."""
    def typed(wb: Any) -> None:
        wb[OBJ]["G5"] = 0.964
        wb[OBJ]["G5"].number_format = "0.0%"

    edit(clean, typed)
    strict = tmp_path / "strict.xlsx"
    out = io.BytesIO()
    with zipfile.ZipFile(clean) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            for old, new in _STRICT.items():
                body = body.replace(old, new)
            dst.writestr(info.filename, body)
    strict.write_bytes(out.getvalue())
    assert b"purl.oclc.org/ooxml/spreadsheetml/main" in zipfile.ZipFile(strict).read(
        "xl/workbook.xml")
    r = check(strict)
    assert r.status == "valid" and found(r) == sorted(BASE)
    assert len(rows_of(r)) == 4 and rows_of(r)["5"]["result"] == "96,4%"


def test_a_package_whose_sizes_lie_is_rejected(clean: Path, tmp_path: Path) -> None:
    """A sheet that inflates to 20 MB while the zip says 5,000 bytes: its 20 KB of packed
    data cannot unpack to 5,000 bytes, so the precheck sees the lie before any parsing."""
    out = io.BytesIO()
    part = "xl/worksheets/sheet3.xml"
    with zipfile.ZipFile(clean) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == part:
                body = body.replace(b"<sheetData>", b"<sheetData>" + b" " * 20_000_000, 1)
            dst.writestr(info.filename, body)
    data = bytearray(out.getvalue())
    for sig, name_at, size_at in ((b"PK\x03\x04", 26, 22), (b"PK\x01\x02", 28, 24)):
        pos = data.find(sig)
        while pos >= 0:
            n = int.from_bytes(data[pos + name_at:pos + name_at + 2], "little")
            start = pos + (30 if sig == b"PK\x03\x04" else 46)
            if data[start:start + n] == part.encode():
                data[pos + size_at:pos + size_at + 4] = (5000).to_bytes(4, "little")
            pos = data.find(sig, pos + 4)
    lying = tmp_path / "lying.xlsx"
    lying.write_bytes(bytes(data))
    r = check(lying)
    assert r.status == "rejected" and found(r) == [("file-unreadable", "", "")]
    assert "kích thước khai báo" in r.reason


def test_weights_as_shares_and_labels_with_a_note(clean: Path) -> None:
    """"20%" is a weight (shares of 100 weigh the same relative to each other), and an
    info label the unit lengthened, moved down a row, is still followed."""
    def shares(wb: Any) -> None:
        wb[OBJ]["F5"], wb[OBJ]["F6"] = "60%", "40 %"
        info = wb[INFO_SHEET]
        info.insert_rows(3, 1)
        info["B5"] = "Mã đơn vị (do Văn phòng cấp)"

    edit(clean, shares)
    r = check(clean)
    assert found(r) == sorted([("structure-info-moved", INFO_SHEET, "B5"), *BASE])
    assert r.unit_return is not None and r.unit_return.info["unit_code"] == "PTCKH"
    scored = inspect_file(FileJob(str(clean), clean.name, as_of=date(2023, 12, 20))).scored
    assert scored is not None
    assert {i.code: i.weight for i in scored.indicators}["1.1"] == 60.0


WARDS = RoundConfig(year=2023, period="year", register=[
    RegisteredUnit("P-HXUAN", "UBND phường Hương Xuân"),
    RegisteredUnit("P-TUHA", "UBND phường Tứ Hạ"),
    RegisteredUnit("PTCKH", "Phòng Tài chính - Kế hoạch")])


@pytest.mark.parametrize(("file_name", "named"), [
    ("Phường Tứ Hạ - MTCL 2023.xlsx", "P-TUHA"),  # another ward's file, copied
    ("BaoCao_MTCL_2023_P-TUHA.xlsx", "P-TUHA"),
    ("Phường Hương Xuân - MTCL 2023.xlsx", None),  # its own name
    ("P.HuongXuan_MTCL_2023 (sửa lại).xlsx", None),
    ("BC MTCL 2023 - bản cuối.xlsx", None),  # names no unit
    ("Phường Hương Xuân gửi Tứ Hạ.xlsx", None),  # its own name is there
])
def test_a_file_named_for_another_unit(tmp_path: Path, file_name: str,
                                       named: str | None) -> None:
    path = tmp_path / file_name
    write_unit_workbook(path, info={**INFO, "unit_code": "P-HXUAN",
                                    "unit_name": "UBND phường Hương Xuân"},
                        objectives=OBJECTIVES, tasks=TASKS)
    r = check(path, WARDS)
    got = [p for p in r.problems if p.code == "file-name-mismatch"]
    if named is None:
        assert got == []
    else:
        assert [(p.sheet, p.cell) for p in got] == [(INFO_SHEET, "C4")]
        assert named in got[0].message and "P-HXUAN" in got[0].message


@pytest.mark.parametrize(("code", "percent"), [
    ("0%", True), ("0.0%", True), ("#,##0.00 %", True), ("[Red]0.0%;-0.0%", True),
    ("0.00", False), ('0"%"', False), ("0\\%", False), ("0;-0%", False),
    ("dd/mm/yyyy", False), ("@", False)])
def test_percent_formats(code: str, percent: bool) -> None:
    """A percent format shows the stored number times 100; a quoted or escaped % sign
    is only a character, and a % in the negative section says nothing of positives."""
    from qmo_excel.intake.package import is_percent_format

    assert is_percent_format(code) is percent


def test_a_decrypted_package_is_prechecked_like_any_other(
        clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What comes out of the default password is a package from a stranger too: a name
    that climbs out of the folder is refused before it is parsed."""
    from qmo_excel.intake import reader

    evil = io.BytesIO()
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("../../etc/passwd", "x")
    locked = tmp_path / "locked.xlsx"
    with open(clean, "rb") as src, open(locked, "wb") as dst:
        msoffcrypto.OfficeFile(src).encrypt("VelvetSweatshop", dst)
    monkeypatch.setattr(reader, "decrypt_default", lambda data: evil.getvalue())
    r = check(locked)
    assert r.status == "rejected"
    assert found(r) == sorted([("file-unreadable", "", ""), ("file-default-password", "", "")])
    assert "không hợp lệ" in r.reason


def test_a_full_disk_while_reading_an_old_format_is_said_plainly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An .xls is handed to calamine through a temporary file; when this machine cannot
    write one, the message says so instead of blaming the file's structure."""
    import tempfile

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    xls = Path(__file__).resolve().parents[1] / "samples" / "returns" / \
        "TTYT_BaoCao_MTCL_2023.xls"
    r = check(xls)
    assert r.status == "rejected" and "tệp tạm" in r.reason and "No space" in r.reason
    assert "cấu trúc" not in r.reason
