"""The signed report (issue 19): "Báo cáo kết quả thực hiện Mục tiêu chất lượng" as a Word
document in the form of Nghị định 30/2020/NĐ-CP, read back with python-docx.

The seed-002 round here is seed 002's town: the town office (VP) is the town's office, so
its return's objectives 1-4 are the town's ("09/11 chỉ tiêu", "86,2%", "162/168", the ISO
system, issue 16), and a unit sent nothing.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx_helpers import (
    W_FONT,
    field_codes,
    fonts_named,
    highlighted,
    open_doc,
    paragraphs,
    rows,
    run_size,
    tables,
    text,
)
from fixtures_results import seed_round as fixture_round
from ooxml import assert_valid_ooxml
from test_consolidate import SEED_002_OBJECTIVES, TASKS, info

from qmo_excel.cli import main
from qmo_excel.jobs.consolidate import Outcome, consolidate
from qmo_excel.model import RegisteredUnit, ReportSettings, RoundConfig, RoundResult
from qmo_excel.report import (
    TEMPLATE_FILE,
    ReportError,
    build_context,
    report_bytes,
    write_report,
)
from qmo_excel.report.builtin import build_template
from qmo_excel.report.content import date_text, row_result
from qmo_excel.report.data import read_data, write_data
from qmo_excel.report.objectives import Member, Objective
from qmo_excel.report.words import TEXT
from qmo_excel.round import write_round_workbook
from qmo_excel.round.reader import read_round
from qmo_excel.template import write_unit_workbook

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2021, 12, 20)

# Seed 002's own settings: its number, date, basis documents, signer and recipients.
SEED_002 = ReportSettings(
    parent="UBND tỉnh Thừa Thiên Huế", issuer="UBND thị xã Hương Trà", place="Hương Trà",
    number="1487/BC-UBND", issued=date(2021, 11, 12),
    basis=("kế hoạch số 522/KH-UBND ngày 23/02/2021 của UBND thị xã về việc triển khai "
           "việc xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo "
           "tiêu chuẩn quốc gia TCVN ISO 9001:2015 năm 2021",
           "Căn cứ Quyết định số 1842/QĐ-UBND ngày 24/12/2021 của UBND thị xã Hương Trà về "
           "công bố mục tiêu chất lượng năm 2021 của Ủy ban nhân dân thị xã Hương Trà."),
    capacity=("TM. Ủy ban nhân dân", "KT. CHỦ TỊCH"), signer_title="Phó Chủ tịch",
    signer="Đỗ Ngọc An",
    recipients=("Sở KHCN tỉnh;", "Chủ tịch UBND thị xã", "Các cơ quan, đơn vị thị xã",
                "UBND các xã, phường", "VP: LĐ và CV: ISO", "- Lưu: VT, TK ISO."))


def seed_002_config() -> RoundConfig:
    return RoundConfig(
        town="UBND thị xã Hương Trà", year=2021, period="year", deadline=date(2021, 11, 30),
        cut_off=date(2021, 12, 15), town_office="VP",
        register=[RegisteredUnit("VP", "Văn phòng HĐND-UBND", "department"),
                  RegisteredUnit("HXUAN", "UBND phường Hương Xuân", "ward")],
        report=SEED_002)


def run_seed_002(tmp: Path, config: RoundConfig | None = None, **kw: object) -> Outcome:
    returns = tmp / "returns"
    returns.mkdir(parents=True, exist_ok=True)
    write_unit_workbook(returns / "VP_2021.xlsx",
                        info=info("VP", "Văn phòng HĐND-UBND", date(2021, 11, 12)),
                        objectives=SEED_002_OBJECTIVES, tasks=TASKS)
    return consolidate(returns, config=config or seed_002_config(), out_dir=tmp / "out",
                       as_of=AS_OF, jobs=1, feedback=False, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed_002(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    return run_seed_002(tmp_path_factory.mktemp("seed002"))


@pytest.fixture(scope="module")
def seed_doc(seed_002: Outcome) -> docx.document.Document:
    assert seed_002.report is not None, seed_002.report_failed
    return open_doc(seed_002.report)


# --------------------------------------------------------------------------- what it says


def test_consolidate_writes_the_report_beside_the_summary(seed_002: Outcome) -> None:
    assert seed_002.report is not None and seed_002.summary is not None
    assert seed_002.report.parent == seed_002.summary.parent
    assert seed_002.report.name == "bao-cao-MTCL-2021-nam.docx"
    assert seed_002.report_data is not None and seed_002.report_data.exists()
    assert not seed_002.report_failed


def test_header_block_number_and_date(seed_doc: docx.document.Document) -> None:
    head = tables(seed_doc)[0]
    left, right = rows(head)[0]
    assert left.splitlines()[:2] == ["UBND TỈNH THỪA THIÊN HUẾ", "UBND THỊ XÃ HƯƠNG TRÀ"]
    assert right.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                      "Độc lập - Tự do - Hạnh phúc"]
    number, place_date = rows(head)[1]
    assert number == "Số: 1487/BC-UBND"
    assert place_date == "Hương Trà, ngày 12 tháng 11 năm 2021"
    cell = head.rows[1].cells[1].paragraphs[0]
    assert all(r.italic for r in cell.runs if r.text)
    issuer = head.rows[0].cells[0].paragraphs[1]
    assert all(r.bold for r in issuer.runs if r.text)
    motto = head.rows[0].cells[1].paragraphs[:2]
    assert all(r.bold for p in motto for r in p.runs if r.text)


def test_title_subject_and_basis(seed_doc: docx.document.Document) -> None:
    body = [p.text for p in paragraphs(seed_doc)]
    i = body.index("BÁO CÁO")
    assert body[i + 1] == "Kết quả thực hiện Mục tiêu chất lượng năm 2021"
    basis = [t for t in body if t.startswith("Căn cứ")]
    assert basis == [
        "Căn cứ kế hoạch số 522/KH-UBND ngày 23/02/2021 của UBND thị xã về việc triển khai "
        "việc xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo tiêu "
        "chuẩn quốc gia TCVN ISO 9001:2015 năm 2021;",
        "Căn cứ Quyết định số 1842/QĐ-UBND ngày 24/12/2021 của UBND thị xã Hương Trà về "
        "công bố mục tiêu chất lượng năm 2021 của Ủy ban nhân dân thị xã Hương Trà."]
    assert any(t.startswith("UBND thị xã Hương Trà tiến hành rà soát, đánh giá tình hình "
                            "thực hiện mục tiêu chất lượng năm 2021") for t in body)


def test_one_row_per_objective_with_its_counts(seed_doc: docx.document.Document) -> None:
    table = rows(tables(seed_doc)[1])
    assert table[0] == ["Nội dung công việc", "Kết quả thực hiện"]
    objectives = table[1:]
    assert [r[0].split(".")[0] for r in objectives] == ["1", "2", "3", "4"]
    assert "Phấn đấu đạt các chỉ tiêu liên quan Kế hoạch phát triển kinh tế xã hội năm " \
        "2021" in objectives[0][0]
    one, two, three, four = (r[1] for r in objectives)
    assert "có 09/11 chỉ tiêu đạt và vượt kế hoạch đề ra, có 02 chỉ tiêu không đạt, gồm: " \
        "tốc độ tăng trưởng giá trị sản xuất (kết quả 12,1%, chỉ tiêu 14-15%" in one
    assert "thu nhập bình quân đầu người (kết quả 44 triệu đồng/người/năm" in one
    # the objective is its own indicator: its text is not said twice
    assert two == ("Kết quả 86,2%, chỉ tiêu trên 95%, đạt 90,7% kế hoạch (không đạt so với "
                   "mục tiêu đề ra).")
    assert three == ("Kết quả 162/168, chỉ tiêu 100%, đạt 96,4% kế hoạch (không đạt so với "
                     "mục tiêu đề ra).")
    assert "(đạt so với mục tiêu đề ra)" in four


def test_the_conclusion_is_seed_002s(seed_doc: docx.document.Document) -> None:
    body = [p.text for p in paragraphs(seed_doc)]
    conclusion = next(t for t in body if t.startswith("Như vậy"))
    assert "3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)" in conclusion
    assert conclusion == ("Như vậy, trong năm có 3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3) "
                          "so với kế hoạch đề ra.")


def test_the_units_the_direction_and_the_closing(seed_doc: docx.document.Document) -> None:
    body = [p.text for p in paragraphs(seed_doc)]
    units = next(t for t in body if t.startswith("Về báo cáo của các cơ quan, đơn vị"))
    assert "tổng số 02 đơn vị phải báo cáo, đã nhận báo cáo của 01 đơn vị" in units
    assert "còn 01 đơn vị chưa nộp báo cáo: UBND phường Hương Xuân" in units
    assert any(t.startswith("Kết quả xếp loại các đơn vị: 01 đơn vị") for t in body)
    direction = next(t for t in body if t.startswith("[Văn phòng bổ sung phương hướng"))
    assert "mục tiêu số 1, 2, 3" in direction
    assert direction in highlighted(seed_doc)
    assert "Trên đây là Báo cáo kết quả thực hiện Mục tiêu chất lượng năm 2021 của UBND thị " \
        "xã Hương Trà./." in body


def test_recipients_and_signature_block(seed_doc: docx.document.Document) -> None:
    recipients, signature = rows(tables(seed_doc)[2])[0]
    assert recipients.splitlines() == [
        "Nơi nhận:", "- Sở KHCN tỉnh;", "- Chủ tịch UBND thị xã;",
        "- Các cơ quan, đơn vị thị xã;", "- UBND các xã, phường;", "- VP: LĐ và CV: ISO;",
        "- Lưu: VT, TK ISO."]
    lines = [line for line in signature.splitlines() if line]
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Ngọc An"]
    cell = tables(seed_doc)[2].rows[0].cells[1]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in cell.paragraphs if p.text)
    assert all(r.bold for p in cell.paragraphs for r in p.runs if r.text)
    label = tables(seed_doc)[2].rows[0].cells[0].paragraphs[0].runs[0]
    assert label.bold and label.italic


def test_annex_of_units(seed_doc: docx.document.Document) -> None:
    body = [p.text for p in paragraphs(seed_doc)]
    annex = body.index("Phụ lục")
    assert body[annex + 2] == ("(Kèm theo Báo cáo số 1487/BC-UBND ngày 12/11/2021 của UBND "
                               "thị xã Hương Trà)")
    table = rows(tables(seed_doc)[3])
    assert table[0] == ["TT", "Cơ quan, đơn vị", "Chỉ tiêu đạt/tổng số", "Điểm", "Xếp loại",
                        "Ghi chú"]
    assert [r[1] for r in table[1:]] == ["Văn phòng HĐND-UBND", "UBND phường Hương Xuân"]
    assert table[1][2] == "10/14" and table[2][5] == "Chưa nộp báo cáo"


# --------------------------------------------------------------------------- its form


def test_a4_margins_and_page_numbers_from_page_2(seed_doc: docx.document.Document) -> None:
    section = seed_doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    twip = 0.018  # mm: Word keeps margins in twentieths of a point

    def within(value: float, low: float, high: float) -> bool:
        return low - twip <= value <= high + twip

    assert within(section.top_margin.mm, 20, 25) and within(section.bottom_margin.mm, 20, 25)
    assert within(section.left_margin.mm, 30, 35) and within(section.right_margin.mm, 15, 20)
    assert section.different_first_page_header_footer is True
    assert field_codes(section.first_page_header) == []
    assert not section.first_page_header.is_linked_to_previous
    assert field_codes(section.header) == ["PAGE"]
    number = section.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_times_new_roman_and_sizes(seed_doc: docx.document.Document) -> None:
    assert fonts_named(seed_doc) == {W_FONT}
    sizes: dict[str, set[float]] = {}
    for p in paragraphs(seed_doc):
        for r in p.runs:
            if r.text.strip():
                sizes.setdefault(p.style.name, set()).add(run_size(r, p, seed_doc))
    assert sizes["QMO Body"] == {14.0}  # the body: 13-14 pt
    assert sizes["QMO Table Text"] <= {13.0, 12.0}
    assert sizes["QMO Header Block"] <= {12.0, 13.0, 14.0}
    body = [p for p in paragraphs(seed_doc) if p.style.name == "QMO Body"]
    assert all(p.style.paragraph_format.first_line_indent.cm == pytest.approx(1.27, abs=0.01)
               for p in body[:1])
    recipients = tables(seed_doc)[2].rows[0].cells[0].paragraphs
    assert run_size(recipients[0].runs[0], recipients[0], seed_doc) == 12.0
    assert {run_size(r, p, seed_doc) for p in recipients[1:] for r in p.runs} == {11.0}


def test_the_document_passes_the_ooxml_validator(seed_002: Outcome, tmp_path: Path) -> None:
    assert seed_002.report is not None
    assert_valid_ooxml(seed_002.report)
    result = fixture_round()
    for name, settings, lang in (("empty.docx", ReportSettings(), "vi"),
                                 ("en.docx", SEED_002, "en")):
        write_report(result, tmp_path / name, settings=settings, lang=lang)
        assert_valid_ooxml(tmp_path / name)
    assert_valid_ooxml(TEMPLATE_FILE)


def test_same_inputs_same_bytes(tmp_path: Path) -> None:
    a = run_seed_002(tmp_path / "a")
    b = run_seed_002(tmp_path / "b")
    assert a.report is not None and b.report is not None
    assert a.report.read_bytes() == b.report.read_bytes()
    assert a.report_data is not None and b.report_data is not None
    assert a.report_data.read_bytes() == b.report_data.read_bytes()
    result = fixture_round()
    assert report_bytes(result, SEED_002) == report_bytes(result, SEED_002)
    with zipfile.ZipFile(a.report) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2021-11-12T00:00:00Z" in core  # the report's date, not the time of the run


def test_the_shipped_template_is_what_the_builder_makes() -> None:
    assert TEMPLATE_FILE.read_bytes() == build_template(), \
        "regenerate with `python -m qmo_excel.report.builtin`"


# --------------------------------------------------------------------------- placeholders


def test_empty_settings_show_marked_placeholders() -> None:
    result = fixture_round()
    doc = docx.Document(io.BytesIO(report_bytes(result, ReportSettings())))
    marked = highlighted(doc)
    for placeholder in ("[CƠ QUAN CHỦ QUẢN]", "……/BC-UBND", "[Địa danh]", "[THẨM QUYỀN KÝ]",
                        "[CHỨC VỤ]", "[Họ và tên]", "[Nơi nhận];"):
        assert any(placeholder in m for m in marked), placeholder
    assert any(m.startswith("Căn cứ [Kế hoạch, Quyết định số") for m in marked)
    head = rows(tables(doc)[0])
    assert head[0][0].splitlines()[1] == "UBND THỊ XÃ HƯƠNG TRÀ"  # the town when empty
    assert head[1][1].endswith(f", {date_text(result.as_of, 'vi')}")


def test_a_number_without_its_sign_gets_it() -> None:
    context = build_context(fixture_round(), ReportSettings(number="25"))
    assert context["doc"]["number"] == "25/BC-UBND"


def test_dates_as_nghi_dinh_30_writes_them() -> None:
    assert date_text(date(2021, 2, 5), "vi") == "ngày 05 tháng 02 năm 2021"
    assert date_text(date(2021, 11, 12), "vi") == "ngày 12 tháng 11 năm 2021"
    assert date_text(date(2021, 3, 9), "vi") == "ngày 09 tháng 3 năm 2021"
    assert date_text(date(2021, 11, 12), "en") == "12 November 2021"


def test_text_from_returns_stays_text(tmp_path: Path) -> None:
    result = fixture_round()
    result.units[0].name = 'Phòng <b>&amp; "A"\tB\nC =1+1'
    doc = docx.Document(io.BytesIO(report_bytes(result, SEED_002)))
    assert 'Phòng <b>&amp; "A" B C =1+1' in text(doc)


# --------------------------------------------------------------------------- English


def test_english_version(tmp_path: Path) -> None:
    out = write_report(fixture_round(), tmp_path / "en.docx", settings=SEED_002, lang="en")
    doc = open_doc(out)
    body = text(doc)
    for words in ("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness",
                  "No.: 1487/BC-UBND", "Hương Trà, 12 November 2021", "REPORT",
                  "Results of the quality objectives for 2021", "Objective", "Result",
                  "Recipients:", "Annex"):
        assert words in body, words
    for vi in ("CỘNG HÒA", "BÁO CÁO", "Nơi nhận", "Kết quả thực hiện", "Như vậy",
               "Phụ lục", "Tính đến", "so với mục tiêu đề ra", "Căn cứ"):
        assert vi not in body, vi
    assert "Pursuant to Quyết định số 1842/QĐ-UBND" in body
    assert "3/4 objectives not achieved" in body
    assert "9/11 indicators" in body and "09/11" not in body  # no Vietnamese zeros


# --------------------------------------------------------------------------- part-year


def test_part_year_report_says_so_and_uses_progress() -> None:
    result = replace(fixture_round(), period="h1", year=2023)
    context = build_context(result, SEED_002)
    assert context["doc"]["subject"] == "Kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu " \
        "năm 2023"
    assert context["closing"].startswith("Trên đây là Báo cáo kết quả thực hiện Mục tiêu "
                                         "chất lượng 6 tháng đầu năm 2023")
    assert "(tạm tính" in context["units"][1]
    assert context["conclusion"].startswith("Như vậy, trong 6 tháng đầu năm có")
    assert build_context(replace(result, period="q1"), SEED_002)["doc"]["subject"].endswith(
        "quý I năm 2023")
    members = [Member("PTCKH", "Tổng thu ngân sách", "dang_thuc_hien", "cham_tien_do",
                      "185-190 tỷ đồng", "80 tỷ đồng", 43.2),
               Member("PTCKH", "Tổng vốn đầu tư", "dang_thuc_hien", "dung_tien_do"),
               Member("VP", "Tỷ lệ hồ sơ đúng hạn", "dang_thuc_hien", "nguy_co", "trên 95%",
                      "86,2%", 90.7),
               Member("VP", "Giải quyết việc làm", "dat", None, "900 lao động",
                      "950 lao động", 105.6)]
    names = {"PTCKH": "Phòng Tài chính - Kế hoạch", "VP": "Văn phòng HĐND-UBND"}
    row, marked = row_result(Objective("1", "Các chỉ tiêu kinh tế - xã hội", "dang_thuc_hien",
                                       "indicators", members), names, TEXT["vi"], "vi",
                             "30/06/2023")
    assert not marked
    assert row.startswith("Tính đến ngày 30/06/2023, có 01/04 chỉ tiêu đạt và vượt kế hoạch "
                          "đề ra, có 03 chỉ tiêu đang thực hiện (01 đúng tiến độ; 01 chậm "
                          "tiến độ: tổng thu ngân sách (Phòng Tài chính - Kế hoạch: kết quả "
                          "80 tỷ đồng, chỉ tiêu 185-190 tỷ đồng, đạt 43,2% kế hoạch); 01 có "
                          "nguy cơ không đạt: tỷ lệ hồ sơ đúng hạn (Văn phòng HĐND-UBND:")
    single, _ = row_result(Objective("2", "TTHC", "dang_thuc_hien", "indicators",
                                     members[2:3]), names, TEXT["vi"], "vi", "30/06/2023")
    assert single == ("Theo báo cáo của Văn phòng HĐND-UBND: tỷ lệ hồ sơ đúng hạn: kết quả "
                      "86,2%, chỉ tiêu trên 95%, đạt 90,7% kế hoạch (đang thực hiện, có nguy "
                      "cơ không đạt).")


def test_objectives_that_cannot_be_judged_are_marked() -> None:
    names = {"VP": "Văn phòng HĐND-UBND"}
    for gap, says in (("no_indicators", "chưa có chỉ tiêu giao"),
                      ("lead_missing", "Văn phòng HĐND-UBND (đơn vị chủ trì) chưa nộp"),
                      ("lead_objective_missing", "không có mục tiêu 3")):
        row, marked = row_result(Objective("3", "ISO", "khong_xac_dinh", "", gap=gap,
                                           lead_unit="VP", lead_objective="3"),
                                 names, TEXT["vi"], "vi", "31/12/2023")
        assert marked and row.startswith("[Chưa đánh giá được: ") and says in row
    row, _ = row_result(Objective("4", "ISO", "dat", "lead", lead_unit="VP",
                                  lead_objective="4"), names, TEXT["vi"], "vi", "")
    assert row == "Theo báo cáo của Văn phòng HĐND-UBND: đạt so với mục tiêu đề ra."
    missing = Member("HXUAN", "Tỷ lệ hộ nghèo", "chua_co_so_lieu", missing="unit")
    row, _ = row_result(Objective("5", "Giảm nghèo", "chua_co_so_lieu", "indicators",
                                  [missing]), {"HXUAN": "UBND phường Hương Xuân"},
                        TEXT["vi"], "vi", "")
    assert row == ("Theo báo cáo của UBND phường Hương Xuân: tỷ lệ hộ nghèo: UBND phường "
                   "Hương Xuân chưa nộp báo cáo (chưa có số liệu).")


def test_without_the_towns_objectives_the_units_are_listed_and_it_says_so() -> None:
    result = replace(fixture_round(), town_objectives=[], town_basis="", town_gap="no_list")
    context = build_context(result, SEED_002)
    assert context["note"].startswith("[Chưa có danh sách mục tiêu của thị xã: sổ kỳ báo cáo "
                                      "chưa có trang «Mục tiêu của thị xã»")
    assert context["note"].endswith("Bảng dưới đây liệt kê mục tiêu của từng đơn vị.]")
    assert [o["text"].split(":")[0] for o in context["objectives"]][:2] == [
        "UBND thị xã Hương Trà"] * 2
    assert len(context["objectives"]) == len(result.objectives)
    assert context["conclusion"].startswith(
        f"Như vậy, trong năm có 6/{len(result.objectives)} mục tiêu chưa đạt (mục tiêu số "
        "1, 2, 3, 5, 6, 7)")


# --------------------------------------------------------------------------- the office's own


def _own_template(tmp_path: Path) -> Path:
    """The built-in template with a line of the office's own letterhead, and a tag Word
    split across two runs."""
    doc = docx.Document(str(TEMPLATE_FILE))
    first = doc.element.body[0]
    p = doc.add_paragraph()
    p.add_run("VĂN PHÒNG HĐND VÀ UBND — TIÊU ĐỀ RIÊNG ")
    p.add_run("{{ doc.")
    p.add_run("signer }}")
    first.addprevious(p._p)
    path = tmp_path / "mau-rieng.docx"
    doc.save(str(path))
    return path


def test_the_offices_own_template(tmp_path: Path) -> None:
    own = _own_template(tmp_path)
    config = replace(seed_002_config(), source=str(tmp_path / "round.xlsx"),
                     report=replace(SEED_002, template=own.name))
    outcome = run_seed_002(tmp_path / "run", config)
    assert outcome.report is not None, outcome.report_failed
    body = text(open_doc(outcome.report))
    assert "VĂN PHÒNG HĐND VÀ UBND — TIÊU ĐỀ RIÊNG Đỗ Ngọc An" in body
    assert "3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)" in body


def test_a_template_that_cannot_be_used_costs_the_report_only(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a word document")
    with pytest.raises(ReportError) as err:
        write_report(fixture_round(), tmp_path / "x.docx", template=bad)
    assert "bad.docx" in err.value.message("vi") and not (tmp_path / "x.docx").exists()
    broken = tmp_path / "broken.docx"
    doc = docx.Document(str(TEMPLATE_FILE))
    doc.add_paragraph("{% if %}")
    doc.save(str(broken))
    with pytest.raises(ReportError, match="thẻ"):
        write_report(fixture_round(), tmp_path / "y.docx", template=broken)
    config = replace(seed_002_config(), report=replace(SEED_002, template=str(bad)))
    outcome = run_seed_002(tmp_path / "run", config)
    assert outcome.report is None and "bad.docx" in outcome.report_failed
    assert outcome.summary is not None and outcome.summary.exists()


# --------------------------------------------------------------------------- qmo report


def test_report_data_gives_the_same_report(seed_002: Outcome, tmp_path: Path) -> None:
    result = seed_002.result
    again = read_data(write_data(result, tmp_path / "data.json"))
    assert build_context(again, SEED_002) == build_context(result, SEED_002)
    assert report_bytes(again, SEED_002) == report_bytes(result, SEED_002)


def _round_folder(tmp_path: Path) -> Path:
    dot = tmp_path / "DOT-2021"
    (dot / "returns").mkdir(parents=True)
    (dot / "output").mkdir()
    (dot / "templates").mkdir()
    config = replace(seed_002_config(), report=replace(SEED_002, signer="Nguyễn Văn A"))
    write_round_workbook(dot / "round.xlsx", config=config)
    write_unit_workbook(dot / "returns" / "VP_2021.xlsx",
                        info=info("VP", "Văn phòng HĐND-UBND", date(2021, 11, 12)),
                        objectives=SEED_002_OBJECTIVES, tasks=TASKS)
    return dot


def test_qmo_report_writes_it_again_with_corrected_settings(tmp_path: Path) -> None:
    dot = _round_folder(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["consolidate", str(dot), "--as-of", "2021-12-20", "-q",
                                  "--no-feedback"])
    assert result.exit_code == 0, result.output
    report = dot / "output" / "bao-cao-MTCL-2021-nam.docx"
    assert "Báo cáo: " in result.output and report.exists()
    assert "Nguyễn Văn A" in text(open_doc(report))
    before = report.read_bytes()
    # the office corrects the signer in the round workbook, and writes the report again
    config = read_round(dot / "round.xlsx")
    write_round_workbook(dot / "round.xlsx",
                         config=replace(config, report=replace(config.report,
                                                               signer="Đỗ Ngọc An")))
    (dot / "returns" / "VP_2021.xlsx").unlink()  # the returns are not read again
    result = runner.invoke(main, ["report", str(dot)])
    assert result.exit_code == 0, result.output
    assert f"Báo cáo: {report}" in result.output
    body = text(open_doc(report))
    assert "Đỗ Ngọc An" in body and "Nguyễn Văn A" not in body
    assert "3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)" in body
    assert report.read_bytes() != before
    result = runner.invoke(main, ["report", str(dot / "output"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    english = dot / "output" / "MTCL-report-2021-year.docx"
    assert "3/4 objectives not achieved (objectives no. 1, 2, 3)" in text(
        open_doc(english))
    out = tmp_path / "khac.docx"
    data = next((dot / "output").glob("du-lieu-bao-cao-*.json"))
    result = runner.invoke(main, ["report", str(data), "-o", str(out), "--round",
                                  str(dot / "round.xlsx")])
    assert result.exit_code == 0 and out.read_bytes() == report.read_bytes()


def test_qmo_report_errors_and_the_template_to_copy(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 1 and "qmo consolidate" in result.output
    assert runner.invoke(main, ["report"]).exit_code == 2
    copy = tmp_path / "mau.docx"
    result = runner.invoke(main, ["report", "--save-template", str(copy)])
    assert result.exit_code == 0 and copy.read_bytes() == TEMPLATE_FILE.read_bytes()
    (tmp_path / "du-lieu-bao-cao-MTCL-2021-nam.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 1 and "không phải dữ liệu báo cáo" in result.output


def test_settings_typed_by_hand_are_read(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Cài đặt"
    ws["B2"], ws["C2"] = "Báo cáo: căn cứ (mỗi văn bản một dòng)", \
        "- Kế hoạch số 1/KH-UBND;\nQuyết định số 2/QĐ-UBND; "
    ws["B3"], ws["C3"] = "Report: recipients (one per line)", "Sở KHCN tỉnh; Lưu: VT."
    ws["B4"], ws["C4"] = "Báo cáo: số, ký hiệu", "1487/BC-UBND"
    ws["B5"], ws["C5"] = "Báo cáo: ngày ban hành", "12/11/2021"
    wb.save(tmp_path / "round.xlsx")
    got = read_round(tmp_path / "round.xlsx").report
    assert got.basis == ("Kế hoạch số 1/KH-UBND", "Quyết định số 2/QĐ-UBND")
    assert got.recipients == ("Sở KHCN tỉnh", "Lưu: VT")
    assert got.number == "1487/BC-UBND" and got.issued == date(2021, 11, 12)


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_renders_it(seed_002: Outcome, tmp_path: Path) -> None:
    """Writer opens the report and prints it: the title and the conclusion on page 1 or 2,
    no page number on page 1, "2" at the top of page 2."""
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    assert soffice, "LibreOffice (soffice) is needed to check that the report prints"
    assert pdftotext, "poppler-utils (pdftotext) is needed to read the PDF"
    assert seed_002.report is not None
    english = write_report(seed_002.result, tmp_path / "en.docx", settings=SEED_002,
                           lang="en")
    proc = subprocess.run([soffice, "--headless",
                           f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path),
                           str(seed_002.report), str(english)],
                          capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr
    pdf = tmp_path / (seed_002.report.stem + ".pdf")
    assert pdf.exists() and (tmp_path / "en.pdf").exists()

    def page(n: int, path: Path = pdf) -> str:
        return subprocess.run([pdftotext, "-f", str(n), "-l", str(n), str(path), "-"],
                              capture_output=True, check=True,
                              timeout=60).stdout.decode("utf-8")

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    assert "595.3" in info and "841.8" in info  # A4
    first = page(1)
    flat = " ".join(first.split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat and "BÁO CÁO" in flat
    assert first.strip().splitlines()[0].split()[0] == "UBND"  # no page number on page 1
    second = page(2)
    assert second.strip().splitlines()[0].strip() == "2"
    everything = " ".join((first + second + page(3)).split())
    assert "3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)" in everything
    assert "REPORT" in " ".join(page(1, tmp_path / "en.pdf").split())


# --------------------------------------------------------------------------- the sample round


@pytest.fixture(scope="module")
def sample_outcome(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    config = read_round(ROOT / "samples" / "round.xlsx")
    return consolidate(ROOT / "samples" / "returns", config=config,
                       out_dir=tmp_path_factory.mktemp("sample"), as_of=date(2023, 12, 20),
                       jobs=2, feedback=False)


def test_the_sample_rounds_report(sample_outcome: Outcome) -> None:
    assert sample_outcome.report is not None, sample_outcome.report_failed
    doc = open_doc(sample_outcome.report)
    head = rows(tables(doc)[0])
    assert head[0][0].splitlines()[:2] == ["UBND TỈNH THỪA THIÊN HUẾ", "UBND THỊ XÃ HƯƠNG TRÀ"]
    assert head[1] == ["Số: ……/BC-UBND", "Hương Trà, ngày 20 tháng 12 năm 2023"]
    assert "……/BC-UBND" in highlighted(doc)  # the number is the office's to give
    body = [p.text for p in paragraphs(doc)]
    assert "Kết quả thực hiện Mục tiêu chất lượng năm 2023" in body
    result: RoundResult = sample_outcome.result
    town = result.town_objectives
    objectives = rows(tables(doc)[1])[1:]
    assert [r[0] for r in objectives] == [f"{o.code}. {o.text}" for o in town]
    for row, o in zip(objectives, town, strict=True):
        if o.total > 1:
            assert f"có {o.achieved:02d}/{o.total:02d} chỉ tiêu đạt và vượt kế hoạch đề " \
                "ra" in row[1]
    failing = [o.code for o in town if o.status not in ("vuot", "dat")]
    conclusion = next(t for t in body if t.startswith("Như vậy"))
    assert f"{len(failing)}/{len(town)} mục tiêu chưa đạt (mục tiêu số " \
        f"{', '.join(failing)})" in conclusion
    annex = rows(tables(doc)[3])[1:]
    assert len(annex) == len(result.units)
    assert_valid_ooxml(sample_outcome.report)


def test_trends_have_their_place_after_the_units() -> None:
    """The history (issue 20) gives its paragraphs; they follow the units' paragraphs."""
    trend = "So với năm 2022, tỷ lệ chỉ tiêu đạt tăng từ 78,4% lên 86,2%."
    doc = docx.Document(io.BytesIO(report_bytes(fixture_round(), SEED_002, trends=[trend])))
    body = [p.text for p in paragraphs(doc)]
    units = max(i for i, t in enumerate(body) if t.startswith(("Về báo cáo", "Kết quả xếp",
                                                                "Các đơn vị chưa đạt")))
    assert body[units + 1] == trend
    assert body[units + 2].startswith("[Văn phòng bổ sung phương hướng")


def test_a_provinces_annex_is_cut_and_says_where_the_rest_is(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from qmo_excel.report import content

    monkeypatch.setattr(content, "MAX_ANNEX", 2)
    result = fixture_round()
    rows_ = build_context(result, SEED_002)["annex"]["rows"]
    assert [r["no"] for r in rows_] == ["1", "2", "…"]
    assert rows_[-1]["name"] == (f"Còn {len(result.units) - 2} đơn vị khác: xem trang Xếp "
                                 "hạng đơn vị của sổ tổng hợp.")
