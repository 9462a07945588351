"""The one definition of the unit template and the round workbook.

Every sheet, field, label (Vietnamese and English), dropdown choice, width and per-field
check is declared here once. The template writer, the reader, the validator, the
``--describe`` contract and the docs all read from this module; nothing else describes a
field. Its building blocks (Field, TableSheet…) are in ``spec_types``.
"""

from __future__ import annotations

from typing import Any

from qmo_excel import vocab
from qmo_excel.cells import loose
from qmo_excel.spec_types import (  # noqa: F401  (re-exported: spec.Field …)
    LANGS,
    Choice,
    Field,
    FieldKind,
    InfoSheet,
    Lang,
    TableSheet,
    col_letter,
)

TEMPLATE_ID = "qmo-unit-return"
ROUND_TEMPLATE_ID = "qmo-round"
VERSION = "1.0"


# --------------------------------------------------------------------------- choices

CHOICES: dict[str, tuple[Choice, ...]] = {
    "period": tuple(Choice(*w) for w in vocab.Period.words()),
    "direction": (
        Choice("higher_is_better", "Càng cao càng tốt", "Higher is better"),
        Choice("lower_is_better", "Càng thấp càng tốt", "Lower is better"),
    ),
    "self_assessment": tuple(Choice(v.value, v.vi, v.en) for v in vocab.SELF_ASSESSMENTS),
    "status": (
        Choice("not_started", "Chưa thực hiện", "Not started"),
        Choice("in_progress", "Đang thực hiện", "In progress"),
        Choice("done", "Hoàn thành", "Done"),
        Choice("cancelled", "Không thực hiện", "Cancelled"),
    ),
    "kind": (
        Choice("department", "Phòng, ban", "Department"),
        Choice("ward", "Phường", "Ward"),
        Choice("commune", "Xã", "Commune"),
        Choice("centre", "Trung tâm, đơn vị sự nghiệp", "Centre"),
        Choice("other", "Khác", "Other"),
    ),
}


def choice_labels(name: str, lang: Lang = "vi") -> list[str]:
    return [c.label(lang) for c in CHOICES[name]]


def choice_code(name: str, value: Any) -> str | None:
    """The code of a dropdown value written in either language (or as its code)."""
    if value is None:
        return None
    text = " ".join(str(value).split()).casefold()
    if not text:
        return None
    for c in CHOICES[name]:
        if text in (c.code.casefold(), c.vi.casefold(), c.en.casefold()):
            return c.code
    # typed without diacritics or with other punctuation ("6 thang"): when one matches
    key = loose(text)
    found = {c.code for c in CHOICES[name] if key in (loose(c.vi), loose(c.en))}
    return found.pop() if len(found) == 1 else None


def choice(name: str, code: str) -> Choice:
    return next(c for c in CHOICES[name] if c.code == code)


# --------------------------------------------------------------------------- unit template

UNIT_INFO = InfoSheet(
    key="info",
    vi="Thông tin đơn vị",
    en="Unit information",
    fields=(
        Field("unit_code", "Mã đơn vị", "Unit code", "code", required=True,
              help_vi="Mã do Văn phòng cấp, ví dụ PTCKH, P-HXUAN. Không tự đặt mã mới.",
              help_en="The code given by the office, e.g. PTCKH. Do not invent one.",
              example="PTCKH", assigned=True),
        Field("unit_name", "Tên đơn vị", "Unit name", required=True,
              help_vi="Tên đầy đủ của đơn vị.", help_en="Full name of the unit.",
              example="Phòng Tài chính - Kế hoạch", assigned=True),
        Field("year", "Năm", "Year", "year", required=True,
              help_vi="Năm của mục tiêu chất lượng, 4 chữ số.",
              help_en="Year of the objectives, 4 digits.", example="2023", assigned=True),
        Field("period", "Kỳ báo cáo", "Reporting period", "choice", choices="period",
              required=True, help_vi="Chọn trong danh sách: Quý I…IV, 6 tháng, 9 tháng, Năm.",
              help_en="Pick from the list.", example="6 tháng", assigned=True),
        Field("preparer", "Người lập", "Prepared by",
              help_vi="Họ tên, chức vụ người lập báo cáo.", help_en="Name and title.",
              example="Nguyễn Văn A, Thư ký ISO"),
        Field("contact", "Điện thoại, thư điện tử", "Phone, e-mail",
              help_vi="Để Văn phòng liên hệ khi cần.", help_en="So the office can reach you.",
              example="0234 3xxx xxx"),
        Field("report_date", "Ngày báo cáo", "Report date", "date", required=True,
              help_vi="Ngày ký báo cáo, dạng ngày/tháng/năm.",
              help_en="Date the report is signed (day/month/year).", example="12/11/2023"),
        Field("head", "Thủ trưởng đơn vị", "Head of unit",
              help_vi="Họ tên thủ trưởng đơn vị.", help_en="Name of the head of unit.",
              example="Trần Thị B"),
    ),
)

OBJECTIVES = TableSheet(
    key="objectives",
    vi="Mục tiêu - Chỉ tiêu",
    en="Objectives",
    table_name="MucTieu",
    fields=(
        Field("code", "Mã", "Code", "code", width=6, required=True, assigned=True,
              help_vi="Mục tiêu ghi 1, 2, 3…; chỉ tiêu của mục tiêu 1 ghi 1.1, 1.2…",
              help_en="Objectives 1, 2, 3…; the indicators of objective 1 are 1.1, 1.2…",
              example="1.1"),
        Field("text", "Mục tiêu / chỉ tiêu", "Objective / indicator", width=42,
              required=True, assigned=True,
              help_vi="Nội dung mục tiêu hoặc tên chỉ tiêu.",
              help_en="The objective or the indicator's name.",
              example="Tỷ lệ hồ sơ TTHC giải quyết đúng hạn"),
        Field("unit_of_measure", "Đơn vị tính", "Unit of measure", width=10, assigned=True,
              help_vi="%, tỷ đồng, lao động, trường…", help_en="%, billion VND, workers…",
              example="%"),
        Field("target", "Chỉ tiêu kế hoạch", "Target", width=18, assigned=True,
              help_vi=("Ghi như trong quyết định: \"trên 95%\", \"≥ 95%\", \"14-15%\", "
                       "\"dưới 1%\", \"giảm 0,8-1,0%\", \"31/38 trường, tỷ lệ 81,6%\", "
                       "\"1.100 tỷ đồng\". Dùng dấu phẩy thập phân."),
              help_en=("As written in the decision: \"trên 95%\", \"14-15%\", \"dưới 1%\", "
                       "\"giảm 0,8-1,0%\". Decimal comma."),
              example="trên 95%"),
        Field("direction", "Chiều đánh giá", "Direction", "choice", width=14,
              choices="direction", assigned=True,
              help_vi=("Để trống nếu chỉ tiêu đã rõ. Chọn \"Càng thấp càng tốt\" cho hộ "
                       "nghèo, suy dinh dưỡng, hồ sơ trễ hạn…"),
              help_en="Leave empty unless the target is unclear; lower is better for poverty…",
              example="Càng cao càng tốt"),
        Field("weight", "Trọng số", "Weight", "number", width=8, assigned=True,
              help_vi="Để trống = 1. Số dương.", help_en="Empty means 1. A positive number.",
              example="1"),
        Field("result", "Kết quả thực hiện", "Result", width=18,
              help_vi=("Số liệu đạt được: \"96,4%\", \"162/168\", \"ước đạt 1.050 tỷ đồng\", "
                       "\"Hoàn thành\". Để trống nếu chưa có số liệu."),
              help_en="The figure achieved: \"96,4%\", \"162/168\", \"Hoàn thành\".",
              example="96,4%"),
        Field("self_assessment", "Tự đánh giá", "Self-assessment", "choice", width=14,
              choices="self_assessment",
              help_vi="Chọn: Vượt, Đạt, Không đạt, Đang thực hiện.",
              help_en="Pick: Exceeded, Achieved, Not achieved, In progress.", example="Đạt"),
        Field("evidence", "Minh chứng / ghi chú", "Evidence / notes", width=22,
              help_vi="Số văn bản, báo cáo làm căn cứ.", help_en="Documents that prove it.",
              example="Báo cáo số 1487/BC-UBND"),
        Field("lead", "Bộ phận chủ trì", "Lead", width=16,
              help_vi="Bộ phận, công chức chịu trách nhiệm.", help_en="Who is responsible.",
              example="Công chức Văn phòng - Thống kê"),
    ),
)

PLAN = TableSheet(
    key="plan",
    vi="Kế hoạch thực hiện",
    en="Plan",
    table_name="KeHoach",
    fields=(
        Field("number", "TT", "No.", "code", width=5, required=True,
              help_vi="Số thứ tự nhiệm vụ: 1, 2, 3…", help_en="Task number.", example="1"),
        Field("objective_code", "Mã mục tiêu", "Objective code", "code", width=8,
              required=True,
              help_vi="Mã mục tiêu ở trang Mục tiêu - Chỉ tiêu mà nhiệm vụ phục vụ.",
              help_en="Code of the objective this task serves.", example="1"),
        Field("task", "Nhiệm vụ, biện pháp", "Task", width=38, required=True,
              help_vi="Việc cần làm.", help_en="What is to be done.",
              example="Xây dựng Kế hoạch Đánh giá nội bộ năm 2023"),
        Field("lead", "Chủ trì", "Lead", width=16,
              help_vi="Bộ phận, công chức chủ trì.", help_en="Who leads.",
              example="Công chức Văn phòng - Thống kê"),
        Field("coordinating", "Phối hợp", "Coordinating", width=16,
              help_vi="Các bộ phận phối hợp.", help_en="Who helps.",
              example="Các bộ phận chuyên môn"),
        Field("timeline", "Thời gian thực hiện", "Timeline", width=15,
              help_vi=("\"Tháng 01/2023\", \"Quý I/2023\", \"Tháng 2-3/2023\", \"Trước ngày 30 "
                       "tháng 8 hàng năm\", \"Thường xuyên\", \"Khi có phát sinh\"."),
              help_en="\"Tháng 01/2023\", \"Quý I/2023\", \"Thường xuyên\"…",
              example="Tháng 2-3/2023"),
        Field("monitoring", "Trách nhiệm theo dõi", "Monitoring", width=13,
              help_vi="Ai theo dõi: QMR, Thư ký ISO…", help_en="Who monitors.",
              example="QMR; Thư ký ISO"),
        Field("expected_output", "Kết quả dự kiến", "Expected output", width=20,
              help_vi="Sản phẩm đầu ra.", help_en="The expected output.",
              example="Kế hoạch ĐGNB"),
        Field("status", "Tình trạng", "Status", "choice", width=14, choices="status",
              help_vi="Chọn: Chưa thực hiện, Đang thực hiện, Hoàn thành, Không thực hiện.",
              help_en="Pick from the list.", example="Hoàn thành"),
        Field("completed_on", "Ngày hoàn thành", "Completed on", "date", width=12,
              help_vi="Ngày/tháng/năm hoàn thành (nếu đã xong).",
              help_en="Date done (if done).", example="15/03/2023"),
        Field("notes", "Ghi chú", "Notes", width=16,
              help_vi="Lý do chậm, vướng mắc…", help_en="Reasons for delay…", example=""),
    ),
)

INSTRUCTIONS_SHEET = {"vi": "Hướng dẫn", "en": "Instructions"}
META_SHEET = "_qmo"  # hidden: template id, version, language, dropdown lists
# Cells of the hidden meta sheet (same in the unit template and the round workbook).
META_CELLS = {"template_id": "B1", "version": "B2", "lang": "B3", "workbook": "B4"}
# Dropdown lists live in the meta sheet from this column on, one column per CHOICES entry
# (in CHOICES order), the list's name in row 1 and its labels from row 2.
META_LISTS_FIRST_COL = 4  # column D (0-based index 3 -> letter D)

UNIT_SHEETS = (UNIT_INFO, OBJECTIVES, PLAN)

# --------------------------------------------------------------------------- round workbook

# The signed report's settings (issue 19), kept together at the end of the settings sheet.
# Each is optional: the document shows a visible placeholder where one is empty. A list
# (basis, capacity, recipients) takes one item per line (Alt+Enter) or separated by ";".
REPORT_SETTINGS: tuple[Field, ...] = (
    Field("doc_parent", "Báo cáo: cơ quan chủ quản", "Report: parent body",
          help_vi="Dòng trên của khối tên cơ quan, ví dụ UBND tỉnh Thừa Thiên Huế. Để "
                  "trống = chỗ trống đánh dấu để điền.",
          help_en="The upper line of the header block. Empty: a marked placeholder.",
          example="UBND tỉnh Thừa Thiên Huế", max_length=200),
    Field("doc_issuer", "Báo cáo: cơ quan ban hành", "Report: issuing body",
          help_vi="Để trống = Đơn vị tổng hợp (ô trên).",
          help_en="Empty: the town above.", example="UBND thị xã Hương Trà", max_length=200),
    Field("doc_place", "Báo cáo: địa danh", "Report: place",
          help_vi="Ghi trước ngày tháng: «Hương Trà, ngày … tháng … năm …».",
          help_en="Written before the date.", example="Hương Trà", max_length=100),
    Field("doc_number", "Báo cáo: số, ký hiệu", "Report: number",
          help_vi="Ví dụ 1487/BC-UBND. Để trống = văn thư điền khi phát hành.",
          help_en="E.g. 1487/BC-UBND. Empty: filled in when issued.",
          example="1487/BC-UBND", max_length=60),
    Field("doc_date", "Báo cáo: ngày ban hành", "Report: date", "date",
          help_vi="Để trống = ngày lập tổng hợp.", help_en="Empty: the run date.",
          example="12/11/2023"),
    Field("doc_basis", "Báo cáo: căn cứ (mỗi văn bản một dòng)",
          "Report: basis documents (one per line)",
          help_vi="Các văn bản làm căn cứ, mỗi văn bản một dòng (Alt+Enter) hoặc cách nhau "
                  "bởi dấu «;», ví dụ: Kế hoạch số 522/KH-UBND ngày 23/02/2023 của UBND thị "
                  "xã về …",
          help_en="One document per line (Alt+Enter) or separated by «;».",
          example="Kế hoạch số 522/KH-UBND ngày 23/02/2023 của UBND thị xã", max_length=4000),
    Field("doc_capacity", "Báo cáo: thẩm quyền ký", "Report: signing capacity",
          help_vi="Mỗi dòng một cấp: TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH.",
          help_en="One line each: TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH.",
          example="TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH", max_length=200),
    Field("doc_signer_title", "Báo cáo: chức vụ người ký", "Report: signer's title",
          help_vi="Ví dụ PHÓ CHỦ TỊCH.", help_en="E.g. PHÓ CHỦ TỊCH.",
          example="PHÓ CHỦ TỊCH", max_length=100),
    Field("doc_signer", "Báo cáo: họ và tên người ký", "Report: signer's name",
          example="Đỗ Ngọc An", max_length=100),
    Field("doc_recipients", "Báo cáo: nơi nhận (mỗi nơi một dòng)",
          "Report: recipients (one per line)",
          help_vi="Mỗi nơi nhận một dòng hoặc cách nhau bởi «;», ví dụ: Sở KHCN tỉnh; "
                  "Chủ tịch UBND thị xã; Lưu: VT, TK ISO.",
          help_en="One per line or separated by «;».",
          example="Sở KHCN tỉnh; Chủ tịch UBND thị xã; Lưu: VT, TK ISO", max_length=2000),
    Field("doc_template", "Báo cáo: mẫu riêng (.docx)", "Report: own template (.docx)",
          help_vi="Tệp mẫu Word của Văn phòng (đường dẫn, tính từ thư mục của tệp này). "
                  "Để trống = mẫu có sẵn (lấy bằng «qmo report --save-template»).",
          help_en="The office's own Word template (path relative to this file). Empty: "
                  "the built-in one («qmo report --save-template»).",
          example="mau-bao-cao-mtcl.docx", max_length=400),
)

ROUND_SETTINGS = InfoSheet(
    key="settings",
    vi="Cài đặt",
    en="Settings",
    fields=(
        Field("town", "Đơn vị tổng hợp (thị xã, tỉnh)", "Town or province",
              help_vi="Tên cơ quan tổng hợp, in trên báo cáo.", example="UBND thị xã Hương Trà"),
        Field("year", "Năm", "Year", "year", help_vi="Để trống = năm hiện tại.",
              example="2023"),
        Field("period", "Kỳ báo cáo", "Reporting period", "choice", choices="period",
              help_vi="Để trống = Năm.", example="6 tháng"),
        Field("deadline", "Hạn nộp báo cáo", "Deadline", "date",
              help_vi="Báo cáo có ngày báo cáo sau hạn này bị đánh dấu nộp muộn.",
              example="15/06/2023"),
        Field("cut_off", "Ngày chốt số liệu", "Cut-off date", "date",
              help_vi="Nhiệm vụ có hạn trước ngày này mà chưa xong là quá hạn.",
              example="30/06/2023"),
        Field("band_excellent", "Ngưỡng Hoàn thành xuất sắc (điểm)", "Excellent from (score)",
              "number", help_vi=("Mặc định 90. Cùng với: mọi chỉ tiêu được đánh giá đều đạt "
                                 "và đủ tỷ lệ chỉ tiêu vượt (ô dưới)."),
              help_en="Default 90; with every assessed indicator achieved and enough "
                      "exceeded.", example="90"),
        Field("band_good", "Ngưỡng Hoàn thành tốt (điểm)", "Good from (score)", "number",
              help_vi="Mặc định 70. Cùng với: mọi chỉ tiêu được đánh giá đều đạt.",
              help_en="Default 70; with every assessed indicator achieved.", example="70"),
        Field("band_pass", "Ngưỡng Hoàn thành (điểm)", "Pass from (score)", "number",
              help_vi=("Mặc định 50. Cùng với: số chỉ tiêu không đạt không quá tỷ lệ ở ô "
                       "dưới."),
              help_en="Default 50; with no more indicators missed than the share below.",
              example="50"),
        Field("cap", "Mức trần % kế hoạch khi tính điểm", "Cap of % of plan in the score",
              "number", help_vi="Mặc định 100 (vượt kế hoạch không bù cho chỉ tiêu khác).",
              example="100"),
        Field("share_exceeded", "Tỷ lệ chỉ tiêu vượt để Hoàn thành xuất sắc (tối thiểu, %)",
              "Exceeded for Excellent (at least, %)", "number",
              help_vi="Mặc định 30 (ít nhất 30% số chỉ tiêu được đánh giá vượt kế hoạch).",
              help_en="Default 30: at least 30% of the assessed indicators exceeded.",
              example="30"),
        Field("share_missed", "Tỷ lệ chỉ tiêu không đạt để Hoàn thành (tối đa, %)",
              "Missed for Completed (at most, %)", "number",
              help_vi=("Mặc định 20 (không quá 20% số chỉ tiêu được đánh giá không đạt; chỉ "
                       "tiêu chưa có số liệu tính là không đạt)."),
              help_en="Default 20: at most 20% of the assessed indicators not achieved (no "
                      "data counts as not achieved).", example="20"),
        Field("town_office", "Mã đơn vị có báo cáo là báo cáo của thị xã",
              "Unit whose return is the town's", "code",
              help_vi=("Thường là Văn phòng HĐND-UBND (VP). Khi trang «Mục tiêu của thị xã» "
                       "để trống, các mục tiêu trong báo cáo của đơn vị này là mục tiêu của "
                       "thị xã."),
              help_en=("Usually the town office (VP). When the town objectives sheet is "
                       "empty, this unit's objectives are the town's."), example="VP"),
        *REPORT_SETTINGS,
        Field("history", "Tệp lịch sử các kỳ", "History file",
              help_vi="Nơi ghi lại mọi kỳ để so sánh (đường dẫn tính từ thư mục của sổ này). "
              "Để trống = lich-su-MTCL.sqlite ở thư mục chứa thư mục kỳ báo cáo.",
              example="../lich-su-MTCL.sqlite"),
    ),
)

REGISTER = TableSheet(
    key="register",
    vi="Danh sách đơn vị",
    en="Units",
    table_name="DonVi",
    rows=500,
    fields=(
        Field("unit_code", "Mã đơn vị", "Unit code", "code", width=14, required=True,
              example="PTCKH"),
        Field("unit_name", "Tên đơn vị", "Unit name", width=40, required=True,
              example="Phòng Tài chính - Kế hoạch"),
        Field("kind", "Loại", "Kind", "choice", width=24, choices="kind", example="Phòng, ban"),
        Field("parent", "Đơn vị cấp trên", "Parent", width=26, example="UBND thị xã"),
    ),
)

ASSIGNMENTS = TableSheet(
    key="assignments",
    vi="Giao chỉ tiêu",
    en="Assignments",
    table_name="GiaoChiTieu",
    rows=1000,
    fields=(
        Field("unit_code", "Mã đơn vị", "Unit code", "code", width=14, required=True,
              example="PTCKH"),
        Field("objective_code", "Mã mục tiêu", "Objective code", "code", width=10,
              help_vi=("Mục tiêu của thị xã mà chỉ tiêu thuộc về (mã ở trang «Mục tiêu của "
                       "thị xã»). Để trống = phần trước dấu chấm của mã chỉ tiêu."),
              help_en="The town objective the indicator belongs to (empty: the part of the "
                      "indicator code before the dot).", example="1"),
        Field("code", "Mã chỉ tiêu", "Indicator code", "code", width=10, required=True,
              help_vi="Mã của chỉ tiêu trong báo cáo của đơn vị.",
              help_en="The indicator's code in the unit's return.", example="1.1"),
        Field("text", "Mục tiêu / chỉ tiêu", "Objective / indicator", width=46, required=True,
              example="Tốc độ tăng trưởng GTSX so với năm 2021"),
        Field("unit_of_measure", "Đơn vị tính", "Unit of measure", width=11, example="%"),
        Field("target", "Chỉ tiêu kế hoạch", "Target", width=22, example="14-15%"),
        Field("direction", "Chiều đánh giá", "Direction", "choice", width=17,
              choices="direction", example=""),
        Field("weight", "Trọng số", "Weight", "number", width=9, example="1"),
    ),
)

TOWN_OBJECTIVES = TableSheet(
    key="town_objectives",
    vi="Mục tiêu của thị xã",
    en="Town objectives",
    table_name="MucTieuThiXa",
    rows=100,
    fields=(
        Field("code", "Mã mục tiêu", "Objective code", "code", width=10, required=True,
              help_vi="1, 2, 3… như trong quyết định công bố MTCL của thị xã.",
              help_en="1, 2, 3… as in the town's decision.", example="1"),
        Field("text", "Mục tiêu", "Objective", width=60, required=True,
              help_vi="Nội dung mục tiêu, ghi như trong quyết định.",
              help_en="The objective, as in the decision.",
              example="Rà soát, đơn giản hóa thủ tục hành chính; giải quyết TTHC đúng hạn"),
        Field("lead_unit", "Đơn vị chủ trì (mã)", "Lead unit (code)", "code", width=14,
              help_vi=("Mục tiêu không có chỉ tiêu giao cho đơn vị lấy kết quả của mục tiêu "
                       "cùng mã trong báo cáo của đơn vị chủ trì."),
              help_en="An objective without assigned indicators takes the verdict of this "
                      "unit's objective.", example="VP"),
        Field("lead_objective", "Mã mục tiêu trong báo cáo của đơn vị chủ trì",
              "Objective code in the lead unit's return", "code", width=16,
              help_vi="Để trống = cùng mã.", help_en="Empty: the same code.", example="3"),
    ),
)

ROUND_SHEETS = (ROUND_SETTINGS, REGISTER, TOWN_OBJECTIVES, ASSIGNMENTS)

BANDS = tuple(Choice(*w) for w in vocab.Band.words())
VERDICTS = tuple(Choice(*w) for w in vocab.Verdict.words())


def label_of(choices: tuple[Choice, ...], code: str, lang: Lang = "vi") -> str:
    for c in choices:
        if c.code == code:
            return c.label(lang)
    return code


def _table(sheet: TableSheet, lang: Lang) -> dict[str, Any]:
    return {
        "sheet": sheet.name(lang),
        "table": sheet.table_name,
        "header_row": sheet.header_row,
        "first_data_row": sheet.first_data_row,
        "last_data_row": sheet.last_data_row,
        "columns": sheet.columns(),
        "labels": {f.key: f.label(lang) for f in sheet.fields},
        "required": [f.key for f in sheet.fields if f.required],
    }


def _info(sheet: InfoSheet, lang: Lang) -> dict[str, Any]:
    return {
        "sheet": sheet.name(lang),
        "cells": sheet.cells(),
        "labels": {f.key: f.label(lang) for f in sheet.fields},
        "required": [f.key for f in sheet.fields if f.required],
    }


def describe(lang: Lang = "vi") -> dict[str, Any]:
    """Where every field lives: the contract other programs use to fill and read returns."""
    choices: dict[str, list[str]] = {}
    for sheet in (*UNIT_SHEETS, *ROUND_SHEETS):
        for f in sheet.fields:
            if f.choices:
                choices.setdefault(f.key, choice_labels(f.choices, lang))
    return {
        "template_id": TEMPLATE_ID,
        "version": VERSION,
        "lang": lang,
        "unit": {
            "instructions": {"sheet": INSTRUCTIONS_SHEET[lang]},
            "info": _info(UNIT_INFO, lang),
            "objectives": _table(OBJECTIVES, lang),
            "plan": _table(PLAN, lang),
            "meta": {"sheet": META_SHEET, "hidden": True, "cells": META_CELLS},
        },
        "round": {
            "template_id": ROUND_TEMPLATE_ID,
            "settings": _info(ROUND_SETTINGS, lang),
            "register": _table(REGISTER, lang),
            "assignments": _table(ASSIGNMENTS, lang),
            "town_objectives": _table(TOWN_OBJECTIVES, lang),
        },
        "choices": choices,
        "choice_codes": {
            name: {c.label(lang): c.code for c in values} for name, values in CHOICES.items()
        },
    }
