"""The instructions sheet: what the workbook is for, the steps, every column explained."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from qmo_excel import spec
from qmo_excel.template.sheets import PROTECT_OPTIONS, print_setup
from qmo_excel.template.styles import Styles

WIDTHS = (6, 30, 11, 62, 34)  # A: cell or column, B: name, C: required, D: help, E: example
_TEXT_WIDTH = sum(WIDTHS[1:])

T: dict[str, dict[str, Any]] = {
    "vi": {
        "unit_title": "HƯỚNG DẪN LẬP BÁO CÁO MỤC TIÊU CHẤT LƯỢNG (MTCL)",
        "round_title": "HƯỚNG DẪN TỆP KỲ BÁO CÁO MỤC TIÊU CHẤT LƯỢNG",
        "version": "Mẫu {id}, phiên bản {version}. Không sửa trang ẩn {meta}.",
        "s_purpose": "1. Mẫu này dùng để làm gì",
        "purpose": (
            "Mỗi đơn vị (phòng, ban, UBND phường, xã, trung tâm) dùng một tệp này để công bố "
            "mục tiêu chất lượng theo TCVN ISO 9001:2015, kế hoạch thực hiện và báo cáo kết "
            "quả định kỳ (6 tháng, năm). Văn phòng HĐND-UBND thu các tệp, kiểm tra và tổng "
            "hợp tự động; vì vậy cần điền đúng ô, đúng cột như hướng dẫn dưới đây."),
        "s_steps": "2. Các bước",
        "steps": (
            "Trang «{info}»: điền mã đơn vị (do Văn phòng cấp), tên đơn vị, năm, kỳ báo cáo, "
            "người lập, ngày báo cáo, thủ trưởng đơn vị.",
            "Trang «{objectives}»: mỗi dòng một mục tiêu hoặc một chỉ tiêu. Mục tiêu ghi mã 1, "
            "2, 3…; chỉ tiêu thuộc mục tiêu 1 ghi 1.1, 1.2… Mục tiêu không có chỉ tiêu thì ghi "
            "chỉ tiêu kế hoạch ngay trên dòng mục tiêu.",
            "Ghi chỉ tiêu kế hoạch đúng như trong quyết định ban hành MTCL (xem mục 4).",
            "Khi báo cáo: ghi cột Kết quả thực hiện, Tự đánh giá và Minh chứng. Chưa có số "
            "liệu thì để trống.",
            "Trang «{plan}»: mỗi dòng một nhiệm vụ; ghi mã mục tiêu mà nhiệm vụ phục vụ, thời "
            "gian thực hiện, tình trạng và ngày hoàn thành (nếu đã xong).",
            "Lưu tệp dạng .xlsx, tên tệp có mã đơn vị (ví dụ MTCL_2023_h1_PTCKH.xlsx) và gửi "
            "Văn phòng. Ô nền xám do Văn phòng giao sẵn: không sửa. Cột có dấu * là bắt buộc.",
        ),
        "s_columns": "3. Các trang và các cột",
        "info_head": "Trang «{name}»: điền cột {col}, từ dòng {row}",
        "table_head": "Trang «{name}»: tiêu đề cột ở dòng {header}, điền từ dòng {first}",
        "cols": ("Ô/Cột", "Tên", "Bắt buộc", "Hướng dẫn", "Ví dụ"),
        "yes": "Bắt buộc",
        "s_forms": "4. Cách ghi chỉ tiêu, kết quả và thời gian",
        "forms_cols": ("", "Cách ghi", "", "Ví dụ (theo các văn bản thực tế)", "Ghi chú"),
        "forms": (
            ("Chỉ tiêu: tối thiểu", "≥ 95%; từ 86% trở lên; tối thiểu 95%",
             "Đạt khi kết quả bằng hoặc cao hơn."),
            ("Chỉ tiêu: trên", "trên 95%; >93%", "Đạt khi kết quả cao hơn."),
            ("Chỉ tiêu: không quá, dưới", "dưới 1%; không quá 2%",
             "Chỉ tiêu càng thấp càng tốt (hộ nghèo, hồ sơ trễ hạn…)."),
            ("Chỉ tiêu: khoảng", "14-15%; 185-190 tỷ đồng; 46 – 48 triệu đồng/người/năm",
             "Đạt khi đạt mức thấp; vượt khi cao hơn mức cao."),
            ("Chỉ tiêu: một giá trị", "99,9%; 1.100 tỷ đồng",
             "Dấu phẩy thập phân, dấu chấm phân cách hàng nghìn."),
            ("Chỉ tiêu: tỷ lệ", "31/38 trường, tỷ lệ 81,6%", "Số đạt / tổng số."),
            ("Chỉ tiêu: tăng, giảm", "giảm 0,8-1,0%/năm; tăng 15%",
             "“giảm X%” là giảm thêm X; “giảm còn X%” là mức phải đạt."),
            ("Chỉ tiêu: số lượng, có/không", "Có 01 xã đạt chuẩn xã nông thôn mới; "
             "01 phường đạt chuẩn văn minh đô thị", ""),
            ("Chỉ tiêu: định tính", "Tập thể Lao động xuất sắc",
             "Tự đánh giá sẽ được dùng để kết luận."),
            ("Kết quả thực hiện", "96,4%; 162/168; ước đạt 1.050 tỷ đồng; Hoàn thành",
             "Để trống nếu chưa có số liệu. Ghi rõ “ước đạt” nếu là số ước."),
            ("Thời gian thực hiện", "Tháng 01/2023; Quý I/2023; Tháng 2-3/2023; Trước ngày 30 "
             "tháng 8 hàng năm; Thường xuyên; Khi có phát sinh",
             "Nhiệm vụ có hạn đã qua mà chưa hoàn thành sẽ bị đánh dấu quá hạn."),
            ("Ngày", "15/03/2023", "Gõ ngày/tháng/năm."),
        ),
        "s_protect": "5. Bảo vệ trang tính",
        "protect": (
            "Các trang được bảo vệ cấu trúc (tiêu đề, cột, công thức) để tránh sửa nhầm, "
            "KHÔNG có mật khẩu; các ô nhập liệu vẫn gõ bình thường. Nếu thật cần thay đổi cấu "
            "trúc: Excel chọn Review (Xem lại) > Unprotect Sheet (Bỏ bảo vệ trang tính); "
            "LibreOffice chọn Công cụ > Bảo vệ trang tính. Không đổi tên trang, không xoá hay "
            "chèn cột, không sửa trang ẩn {meta}: chương trình tổng hợp dựa vào đó."),
        "round_purpose": (
            "Tệp này do Văn phòng (thư ký ISO) lập cho một kỳ báo cáo: cài đặt của kỳ, danh "
            "sách đơn vị phải nộp và các chỉ tiêu giao cho từng đơn vị. Mọi ô đều có thể để "
            "trống: khi đó chương trình dùng giá trị mặc định. Lệnh “qmo template --round "
            "TỆP --all -o THƯ_MỤC” tạo mẫu báo cáo điền sẵn cho từng đơn vị."),
    },
    "en": {
        "unit_title": "HOW TO FILL IN THE QUALITY OBJECTIVES (MTCL) RETURN",
        "round_title": "HOW TO USE THE ROUND WORKBOOK",
        "version": "Template {id}, version {version}. Do not edit the hidden sheet {meta}.",
        "s_purpose": "1. What this workbook is for",
        "purpose": (
            "Each unit (department, ward, commune, centre) uses one copy of this workbook to "
            "publish its ISO 9001:2015 quality objectives, the plan to reach them, and its "
            "results every 6 or 12 months. The office collects the files, checks them and "
            "consolidates them automatically, so fill in the cells exactly as described."),
        "s_steps": "2. Steps",
        "steps": (
            "Sheet «{info}»: unit code (given by the office), unit name, year, period, "
            "preparer, report date, head of unit.",
            "Sheet «{objectives}»: one objective or indicator per row. Objectives are coded "
            "1, 2, 3…; the indicators of objective 1 are 1.1, 1.2… An objective without "
            "indicators carries its own target.",
            "Write each target exactly as in the decision (see section 4).",
            "At report time: fill in Result, Self-assessment and Evidence. Leave the result "
            "empty when there is no figure yet.",
            "Sheet «{plan}»: one task per row, with the objective it serves, its timeline, "
            "status and completion date.",
            "Save as .xlsx with the unit code in the file name and send it to the office. "
            "Grey cells were assigned by the office: do not change them. * means required.",
        ),
        "s_columns": "3. Sheets and columns",
        "info_head": "Sheet «{name}»: fill in column {col} from row {row}",
        "table_head": "Sheet «{name}»: headers in row {header}, data from row {first}",
        "cols": ("Cell", "Name", "Required", "Help", "Example"),
        "yes": "Required",
        "s_forms": "4. How to write targets, results and timelines",
        "forms_cols": ("", "Form", "", "Examples (from real documents)", "Notes"),
        "forms": (
            ("Target: at least", "≥ 95%; từ 86% trở lên; tối thiểu 95%", ""),
            ("Target: more than", "trên 95%; >93%", ""),
            ("Target: at most", "dưới 1%; không quá 2%", "Lower is better."),
            ("Target: range", "14-15%; 185-190 tỷ đồng; 46 – 48 triệu đồng/người/năm", ""),
            ("Target: value", "99,9%; 1.100 tỷ đồng", "Decimal comma, dot for thousands."),
            ("Target: ratio", "31/38 trường, tỷ lệ 81,6%", ""),
            ("Target: change", "giảm 0,8-1,0%/năm; tăng 15%", ""),
            ("Target: count, yes/no", "Có 01 xã đạt chuẩn xã nông thôn mới", ""),
            ("Target: qualitative", "Tập thể Lao động xuất sắc",
             "The self-assessment decides."),
            ("Result", "96,4%; 162/168; ước đạt 1.050 tỷ đồng; Hoàn thành",
             "Empty when there is no figure yet."),
            ("Timeline", "Tháng 01/2023; Quý I/2023; Thường xuyên; Khi có phát sinh", ""),
            ("Date", "15/03/2023", "day/month/year"),
        ),
        "s_protect": "5. Sheet protection",
        "protect": (
            "Sheets are protected WITHOUT a password so that headers and columns are not "
            "changed by accident; input cells can be typed in as usual. To change the "
            "structure on purpose: Review > Unprotect Sheet. Do not rename sheets, delete or "
            "insert columns, or edit the hidden sheet {meta}."),
        "round_purpose": (
            "The office (ISO secretary) keeps this workbook for one reporting round: its "
            "settings, the units expected to report and the indicators assigned to each. "
            "Every cell may be left empty; defaults then apply. "
            "“qmo template --round FILE --all -o DIR” writes a pre-filled return per unit."),
    },
}


class _Writer:
    def __init__(self, wb: Any, styles: Styles, lang: spec.Lang) -> None:
        self.ws = wb.add_worksheet(spec.INSTRUCTIONS_SHEET[lang])
        self.styles = styles
        self.t = T[lang]
        self.lang = lang
        self.row = 0
        for c, w in enumerate(WIDTHS):
            self.ws.set_column(c, c, w)

    def title(self, text: str, sub: str) -> None:
        self.ws.set_row(0, 26)
        self.ws.write_string(0, 0, text, self.styles.title)
        self.ws.write_string(1, 0, sub, self.styles.subtitle)
        self.row = 3

    def section(self, text: str) -> None:
        self.row += 1
        self.ws.set_row(self.row, 20)
        self.ws.merge_range(self.row, 0, self.row, len(WIDTHS) - 1, text, self.styles.section)
        self.row += 1

    def para(self, text: str, *, number: str = "") -> None:
        lines = max(1, math.ceil(len(text) / (_TEXT_WIDTH * 1.1)))
        self.ws.set_row(self.row, 13.5 * lines + 3)
        if number:
            self.ws.write_string(self.row, 0, number, self.styles.text)
        self.ws.merge_range(self.row, 1, self.row, len(WIDTHS) - 1, text, self.styles.text)
        self.row += 1

    def grid_row(self, values: Sequence[str], *, head: bool = False) -> None:
        fmt = self.styles.cell_head if head else self.styles.cell
        lines = max(max(1, math.ceil(len(v) / (WIDTHS[i] * 1.1))) + v.count("\n")
                    for i, v in enumerate(values))
        self.ws.set_row(self.row, 13.5 * lines + 3)
        for c, v in enumerate(values):
            self.ws.write_string(self.row, c, v, fmt)
        self.row += 1

    def fields(self, sheet: spec.InfoSheet | spec.TableSheet) -> None:
        lang, t = self.lang, self.t
        if isinstance(sheet, spec.InfoSheet):
            head = t["info_head"].format(name=sheet.name(lang), col=sheet.value_col,
                                         row=sheet.first_row)
        else:
            head = t["table_head"].format(name=sheet.name(lang), header=sheet.header_row,
                                          first=sheet.first_data_row)
        self.row += 1
        self.ws.write_string(self.row, 1, head, self.styles.heading)
        self.row += 1
        self.grid_row(t["cols"], head=True)
        for f in sheet.fields:
            where = (sheet.cell(f.key) if isinstance(sheet, spec.InfoSheet)
                     else sheet.column(f.key))
            help_text = f.help(lang) or f.help_vi
            self.grid_row((where, f.label(lang), t["yes"] if f.required else "",
                           help_text, f.example))

    def finish(self) -> None:
        print_setup(self.ws, repeat_row=None, lang=self.lang, landscape=True)
        self.ws.protect("", PROTECT_OPTIONS)


def write_unit_instructions(wb: Any, styles: Styles, lang: spec.Lang) -> Any:
    w = _Writer(wb, styles, lang)
    t = w.t
    w.title(t["unit_title"], t["version"].format(id=spec.TEMPLATE_ID, version=spec.VERSION,
                                                  meta=spec.META_SHEET))
    w.section(t["s_purpose"])
    w.para(t["purpose"])
    w.section(t["s_steps"])
    names = {s.key: s.name(lang) for s in spec.UNIT_SHEETS}
    for i, step in enumerate(t["steps"], start=1):
        w.para(step.format(**names), number=f"{i}.")
    w.section(t["s_columns"])
    for sheet in spec.UNIT_SHEETS:
        w.fields(sheet)
    w.section(t["s_forms"])
    w.grid_row(t["forms_cols"], head=True)
    for form, examples, note in t["forms"]:
        w.grid_row(("", form, "", examples, note))
    w.section(t["s_protect"])
    w.para(t["protect"].format(meta=spec.META_SHEET))
    w.finish()
    return w.ws


def write_round_instructions(wb: Any, styles: Styles, lang: spec.Lang) -> Any:
    w = _Writer(wb, styles, lang)
    t = w.t
    w.title(t["round_title"], t["version"].format(id=spec.ROUND_TEMPLATE_ID,
                                                   version=spec.VERSION, meta=spec.META_SHEET))
    w.section(t["s_purpose"])
    w.para(t["round_purpose"])
    w.section(t["s_columns"])
    for sheet in spec.ROUND_SHEETS:
        w.fields(sheet)
    w.section(t["s_protect"])
    w.para(t["protect"].format(meta=spec.META_SHEET))
    w.finish()
    return w.ws
