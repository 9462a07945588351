"""The summary workbook: sheets, overview figures, charts, text safety, policy, atomicity."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fixtures_results import FORMULA_RESULT, FORMULA_TEXT, empty_round, seed_round
from xlsx_helpers import overview_tiles

from qmo_excel.summary import labels as L
from qmo_excel.summary import workbook as summary_workbook
from qmo_excel.summary import write_summary

VI_SHEETS = ["Tổng quan", "Mục tiêu của thị xã", "Xếp hạng đơn vị", "Chỉ tiêu", "Mục tiêu",
             "Kế hoạch", "Tiếp nhận", "Đơn vị chưa nộp", "Lỗi dữ liệu", "Nhận xét", "_data"]
EN_SHEETS = ["Overview", "Town objectives", "Unit ranking", "Indicators", "Objectives",
             "Plan tasks", "Intake", "Missing units", "Data problems", "Narrative", "_data"]


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("summary") / "tong_hop.xlsx"
    write_summary(seed_round(), path)
    return path


_tiles = overview_tiles


def test_sheets_names_and_hidden_data(summary: Path) -> None:
    wb = openpyxl.load_workbook(summary)
    assert wb.sheetnames == VI_SHEETS
    assert all(len(n) <= 31 for n in wb.sheetnames)
    assert wb["_data"].sheet_state == "hidden"
    assert wb.active.title == "Tổng quan"


def test_overview_title_and_figures(summary: Path) -> None:
    ws = openpyxl.load_workbook(summary)["Tổng quan"]
    assert ws["A1"].value == ("BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG "
                              "NĂM 2021")
    assert ws["A2"].value == "UBND thị xã Hương Trà"
    assert ws["A3"].value.startswith("Số liệu tính đến ngày 15/12/2021")
    t = _tiles(ws)
    assert (t["Đơn vị phải báo cáo"], t["Đã nộp báo cáo"], t["Nộp muộn"], t["Chưa nộp"]) == \
        (5, 4, 1, 1)
    assert t["Điểm bình quân"] == pytest.approx((91.2 + 64.7 + 75.0 + 100.0) / 4)
    assert t["Mục tiêu của đơn vị đạt"] == "3/9"
    assert t["Nhiệm vụ hoàn thành"] == "4/8"
    assert t["Nhiệm vụ quá hạn"] == 2
    assert (t["Tổng số chỉ tiêu"], t["Đạt và vượt"], t["Trong đó vượt"], t["Không đạt"],
            t["Đang thực hiện"], t["Chưa có số liệu"], t["Không xác định"]) == \
        (22, 15, 9, 5, 0, 1, 1)
    assert t["Tỷ lệ chỉ tiêu đạt"] == pytest.approx(15 / 22)


def test_four_native_charts_of_the_right_kinds(summary: Path) -> None:
    with zipfile.ZipFile(summary) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        xml = {n: z.read(n).decode() for n in charts}
        drawing = z.read("xl/drawings/drawing1.xml").decode()
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert len(charts) >= 4
    assert "drawing1.xml" in rels  # the drawing is the overview's
    assert drawing.count("<c:chart ") + drawing.count("<c:chart\n") >= 4 or \
        drawing.count("graphicFrame>") >= 4
    kinds = " ".join(xml.values())
    assert "<c:barChart>" in kinds
    assert "<c:doughnutChart>" in kinds or "<c:pieChart>" in kinds
    assert sum('<c:grouping val="stacked"/>' in x for x in xml.values()) >= 2
    assert all("_data" in x for x in xml.values())  # data ranges point at cells
    assert "Kết quả đánh giá các chỉ tiêu" in kinds and "Điểm của các đơn vị" in kinds
    assert "Tiến độ kế hoạch theo đơn vị" in kinds and "Kết quả chỉ tiêu theo đơn vị" in kinds


def test_chart_data_sorted_by_score(summary: Path) -> None:
    ws = openpyxl.load_workbook(summary)["_data"]
    names = [ws.cell(r, 4).value for r in range(2, 6)]
    scores = [ws.cell(r, 5).value for r in range(2, 6)]
    assert names[0] == "Trung tâm Y tế thị xã"
    assert scores == sorted(scores, reverse=True)


def test_ranking_and_lists(summary: Path) -> None:
    wb = openpyxl.load_workbook(summary)
    rk = wb["Xếp hạng đơn vị"]
    assert rk["A3"].value == "Hạng"
    assert [rk.cell(r, 2).value for r in range(4, 9)] == \
        ["TTYT", "UBND-TX", "P-HXUAN", "PTCKH", "X-HTHO"]
    assert rk["E8"].value == "Chưa nộp"
    assert rk["H4"].value == "Hoàn thành xuất sắc"
    ind = wb["Chỉ tiêu"]
    row = next(r for r in range(4, 30) if ind.cell(r, 3).value == "2.1"
               and ind.cell(r, 1).value == "UBND-TX")
    assert ind.cell(row, 6).value == "trên 95%" and ind.cell(row, 7).value == "86,2%"
    assert ind.cell(row, 8).value == "Không đạt"
    assert ind.cell(row, 9).value == pytest.approx(0.907)
    assert ind.cell(row, 9).number_format == "0.0%"
    intake = wb["Tiếp nhận"]
    statuses = {intake.cell(r, 2).value for r in range(4, 12)}
    assert statuses == {"Sử dụng", "Bị thay thế", "Trùng lặp", "Bị từ chối", "Bỏ qua"}
    assert "dùng bản có Ngày báo cáo mới nhất" in intake["A2"].value
    assert wb["Đơn vị chưa nộp"]["C4"].value == "UBND xã Hương Thọ"
    sev = {wb["Lỗi dữ liệu"].cell(r, 6).value for r in range(4, 8)}
    assert sev == {"Lỗi", "Cảnh báo", "Lưu ý"}
    tasks = wb["Kế hoạch"]
    assert tasks["G4"].number_format == "dd/mm/yyyy"


def test_table_sheets_have_filter_freeze_print_setup(summary: Path) -> None:
    wb = openpyxl.load_workbook(summary)
    for name in VI_SHEETS[1:8]:
        ws = wb[name]
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A3"), name
        assert ws.freeze_panes == "A4", name
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$3:$3", name
        assert "&P" in (ws.oddFooter.center.text or ""), name
    ind = wb["Chỉ tiêu"]
    rules = [r for cf in ind.conditional_formatting for r in cf.rules]
    formulas = {f for r in rules for f in (r.formula or [])}
    for label in ("Vượt", "Đạt", "Không đạt", "Đang thực hiện", "Chưa có số liệu",
                  "Không xác định"):
        assert f'"{label}"' in formulas
    overdue = [r for cf in wb["Kế hoạch"].conditional_formatting for r in cf.rules
               if r.type == "expression"]
    assert overdue and '="Có"' in overdue[0].formula[0]


def test_text_from_returns_stays_text(summary: Path) -> None:
    ws = openpyxl.load_workbook(summary)["Chỉ tiêu"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert cells[FORMULA_TEXT].data_type == "s"
    assert cells[FORMULA_RESULT].data_type == "s"
    with zipfile.ZipFile(summary) as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist()
                       if n.startswith("xl/worksheets/sheet"))


def test_same_bytes_twice(tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_summary(seed_round(), a)
    write_summary(seed_round(), b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        assert "2021-12-15T00:00:00Z" in z.read("docProps/core.xml").decode()


def test_atomic_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tong_hop.xlsx"
    path.write_bytes(b"old summary")

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(summary_workbook, "write_narrative", boom)
    with pytest.raises(RuntimeError):
        write_summary(seed_round(), path)
    assert path.read_bytes() == b"old summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tong_hop.xlsx"]


def test_english_variant(tmp_path: Path) -> None:
    path = tmp_path / "summary_en.xlsx"
    write_summary(seed_round(), path, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == EN_SHEETS
    assert wb["Overview"]["A1"].value == "SUMMARY OF QUALITY OBJECTIVE RESULTS YEAR 2021"
    assert wb["Indicators"]["H3"].value == "Verdict"


def test_long_lists_are_cut_in_constant_memory(tmp_path: Path) -> None:
    result = seed_round()
    result.indicators.sort(key=lambda i: i.unit_code != "PTCKH")  # formula texts first
    assert not summary_workbook.long_lists(result, 200_000)
    assert summary_workbook.long_lists(result, 5)
    path = tmp_path / "big.xlsx"
    write_summary(result, path, big_sheet_rows=5)
    wb = openpyxl.load_workbook(path)
    ind = wb["Chỉ tiêu"]
    assert ind.max_row == 3 + 5
    assert "5/22" in ind["A2"].value and "indicators.csv" in ind["A2"].value
    assert wb["Kế hoạch"].max_row == 3 + 5 and "tasks.csv" in wb["Kế hoạch"]["A2"].value
    assert wb["Lỗi dữ liệu"].max_row == 3 + 4  # under the limit: whole, no note
    assert not wb["Lỗi dữ liệu"]["A2"].value
    with zipfile.ZipFile(path) as z:
        assert 't="inlineStr"' in z.read("xl/worksheets/sheet4.xml").decode()
    cells = [c for row in ind.iter_rows() for c in row if c.value == FORMULA_TEXT]
    assert cells and cells[0].data_type == "s"
    assert wb["Tổng quan"]["A1"].value.startswith("BÁO CÁO TỔNG HỢP")
    assert _tiles(wb["Tổng quan"])["Đơn vị phải báo cáo"] == 5


def test_empty_round_still_writes_every_sheet(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    write_summary(empty_round(), path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == VI_SHEETS
    assert wb["Tổng quan"]["A1"].value == ("BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN MỤC TIÊU "
                                           "CHẤT LƯỢNG 6 THÁNG")


def test_labels_numbers() -> None:
    assert L.num(86.2) == "86,2"
    assert L.num(1100, 0) == "1.100"
    assert L.num(1234567.25, 2, "en") == "1,234,567.25"
    assert L.num(100.0) == "100"
    assert L.pct(96.43) == "96,4%"
    assert L.two(9) == "09" and L.two(11) == "11"


def test_row_height_follows_word_wrapping() -> None:
    from qmo_excel import textfit
    from qmo_excel.summary.table import row_height

    # 30 characters in a 26-wide column: a viewer wraps it (seen on a LibreOffice render).
    assert row_height(["Phòng Tài nguyên và Môi trường"], [(0, 26)]) == textfit.row_height(2)
    assert row_height(["Phòng Kinh tế"], [(0, 26)]) is None
    # whole words move to the next line: 3 lines, not the 2 that characters alone need
    assert row_height(["aaaaaaaaaa bbbbbbbbbb cccccccccc"], [(0, 20)]) == textfit.row_height(3)
    # a word longer than the line is broken where the line fills
    assert textfit.wrapped_lines("BaoCao_MTCL_2023_PTCKH_ban_sua_lan_cuoi.xlsx", 20) == 3


def test_text_widths_are_those_of_the_widest_viewer() -> None:
    from qmo_excel import textfit

    # a digit of Arial 10 is one column character in Excel; DejaVu Sans in LibreOffice
    # is as wide relative to its own columns; Vietnamese letters as their base letters
    assert 1.0 <= textfit.text_width("0") <= 1.1
    assert textfit.text_width("ệ") == textfit.text_width("e")
    assert textfit.text_width("ư") > textfit.text_width("u")
    assert textfit.text_width("Đang thực hiện", bold=True) > textfit.text_width(
        "Đang thực hiện")
    assert textfit.text_width("x" * 10, size=20) == 2 * textfit.text_width("x" * 10)


@pytest.mark.parametrize("sheet", ["ranking", "town", "indicators"])
def test_english_headers_of_every_sheet_fit_their_words(sheet: str) -> None:
    from qmo_excel.summary import sheets

    for name, width in ((c.en, c.width_for("en"))
                        for c in getattr(sheets, sheet)(seed_round(), "en").cols):
        assert max(len(w) for w in re.split(r"[\s-]+", name)) <= width + 1.5, name


def test_english_headers_get_room_for_their_words() -> None:
    from qmo_excel.summary.sheets import ranking

    result = empty_round()
    vi = {c.en: c.width_for("vi") for c in ranking(result, "vi").cols}
    en = {c.en: c.width_for("en") for c in ranking(result, "en").cols}
    assert en["Indicators"] > vi["Indicators"] and en["Unit name"] == vi["Unit name"]
    # a header breaks at spaces and hyphens; no word may be wider than its column
    assert all(max(len(w) for w in re.split(r"[\s-]+", name)) <= width + 1.5
               for name, width in en.items())
