"""The instructions sheet: what the workbook is for, the steps, every column explained."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from qmo_excel import spec
from qmo_excel.model import RatingRules
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
            "sách đơn vị phải nộp, các mục tiêu chất lượng của thị xã và các chỉ tiêu giao "
            "cho từng đơn vị. Mọi ô đều có thể để trống: khi đó chương trình dùng giá trị "
            "mặc định. Lệnh “qmo template --round TỆP --all -o THƯ_MỤC” tạo mẫu báo cáo điền "
            "sẵn cho từng đơn vị."),
        "s_bands": "2. Xếp loại đơn vị: điểm và điều kiện",
        "bands_source": (
            "Cách xếp loại mô phỏng Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về "
            "kiểm điểm, đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống "
            "chính trị (Điều 11, xếp loại tập thể): xếp loại căn cứ cả điểm (thang 100) và "
            "điều kiện về kết quả thực hiện nhiệm vụ; ở đây mỗi chỉ tiêu là một nhiệm vụ."),
        "bands_score": (
            "Điểm của đơn vị: bình quân (theo trọng số) % kế hoạch của các chỉ tiêu, mỗi chỉ "
            "tiêu tính tối đa bằng mức trần (mặc định 100); chỉ tiêu không đạt hoặc chưa có "
            "số liệu mà không tính được % thì tính 0."),
        "bands": (
            ("Hoàn thành xuất sắc", "điểm từ {excellent} trở lên, mọi chỉ tiêu được đánh giá "
             "đều đạt, và ít nhất {exceeded}% số chỉ tiêu được đánh giá vượt kế hoạch"),
            ("Hoàn thành tốt", "điểm từ {good} trở lên và mọi chỉ tiêu được đánh giá đều đạt"),
            ("Hoàn thành", "điểm từ {passing} trở lên và số chỉ tiêu không đạt không quá "
             "{missed}% số chỉ tiêu được đánh giá"),
            ("Không hoàn thành", "các trường hợp còn lại"),
        ),
        "bands_rules": (
            "Chỉ tiêu được đánh giá là chỉ tiêu đạt, vượt, không đạt hoặc chưa có số liệu; "
            "chỉ tiêu chưa có số liệu tính là không đạt. Chỉ tiêu không xác định được kết quả "
            "(và đơn vị không tự đánh giá) không tính. Báo cáo quý, 6 tháng, 9 tháng: chỉ "
            "tiêu đang thực hiện không tính là đạt hay không đạt (nhưng số chỉ tiêu có nguy "
            "cơ không đạt, chậm tiến độ được thống kê) và xếp loại là tạm tính; báo cáo năm: "
            "chỉ tiêu còn đang thực hiện tính là không đạt. Bảng xếp hạng sắp theo mức xếp "
            "loại rồi theo điểm, và ghi rõ điều kiện nào khiến đơn vị chưa đạt mức cao hơn."),
        "bands_settings": (
            "Các ngưỡng điểm và tỷ lệ trên là cài đặt ở trang «{settings}»; để trống thì dùng "
            "mặc định ({excellent}/{good}/{passing} điểm, {exceeded}%, {missed}%)."),
        "s_town": "3. Mục tiêu của thị xã",
        "town": (
            "Trang «{town}» liệt kê các mục tiêu chất lượng của thị xã (như trong quyết định "
            "công bố MTCL). Mỗi chỉ tiêu ở trang «{assignments}» thuộc mục tiêu ghi ở cột "
            "«Mã mục tiêu». Mục tiêu của thị xã chỉ đạt khi mọi chỉ tiêu của nó ở mọi đơn vị "
            "đều đạt; chỉ tiêu đơn vị chưa báo cáo tính là chưa có số liệu. Mục tiêu không có "
            "chỉ tiêu giao thì lấy kết quả của mục tiêu cùng mã trong báo cáo của đơn vị chủ "
            "trì. Khi trang này để trống, các mục tiêu trong báo cáo của đơn vị ghi ở ô "
            "«{office}» (trang «{settings}») là mục tiêu của thị xã."),
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
            "settings, the units expected to report, the town's quality objectives and the "
            "indicators assigned to each unit. Every cell may be left empty; defaults then "
            "apply. “qmo template --round FILE --all -o DIR” writes a pre-filled return per "
            "unit."),
        "s_bands": "2. Unit bands: score and conditions",
        "bands_source": (
            "Bands are modelled on Regulation 366-QĐ/TW of 30 August 2025 of the Politburo "
            "on reviewing, evaluating and rating collectives and individuals (Article 11, "
            "collectives): a 100-point score and conditions on the tasks done; here each "
            "indicator is a task."),
        "bands_score": (
            "A unit's score: the weighted mean of its indicators' % of plan, each capped (100 "
            "by default); an indicator not achieved or without data and without a % counts 0."),
        "bands": (
            ("Excellent", "score {excellent} or more, every assessed indicator achieved, "
             "at least {exceeded}% of them exceeded"),
            ("Good", "score {good} or more and every assessed indicator achieved"),
            ("Completed", "score {passing} or more and at most {missed}% of the assessed "
             "indicators not achieved"),
            ("Not completed", "otherwise"),
        ),
        "bands_rules": (
            "Assessed: achieved, exceeded, not achieved or without data (no data counts as "
            "not achieved); an undetermined indicator is not assessed. In a quarter, half-year "
            "or nine-month report, indicators in progress count neither way (those at risk or "
            "behind are counted) and the band is provisional; in a year report, an indicator "
            "still in progress counts as not achieved. The ranking is by band, then score, "
            "with the condition that kept each unit from the next band."),
        "bands_settings": (
            "The thresholds and shares are settings on «{settings}» (defaults "
            "{excellent}/{good}/{passing} points, {exceeded}%, {missed}%)."),
        "s_town": "3. The town's objectives",
        "town": (
            "«{town}» lists the town's quality objectives. Each indicator on «{assignments}» "
            "belongs to the objective in its «Objective code». A town objective is achieved "
            "only when all its indicators in all units are; an indicator a unit did not "
            "report has no data. An objective without indicators takes the verdict of the "
            "same objective in its lead unit's return. When the sheet is empty, the "
            "objectives of the unit named in «{office}» (on «{settings}») are the town's."),
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

    def pair(self, name: str, text: str) -> None:
        """A name in column B and its text across C:E (a band and what it needs)."""
        width = sum(WIDTHS[2:]) * 1.1
        self.ws.set_row(self.row, 13.5 * max(1, math.ceil(len(text) / width)) + 3)
        self.ws.write_string(self.row, 1, name, self.styles.cell_head)
        self.ws.merge_range(self.row, 2, self.row, len(WIDTHS) - 1, text, self.styles.cell)
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


def _g(value: float) -> str:
    return f"{value:g}"


def write_round_instructions(wb: Any, styles: Styles, lang: spec.Lang) -> Any:
    w = _Writer(wb, styles, lang)
    t = w.t
    w.title(t["round_title"], t["version"].format(id=spec.ROUND_TEMPLATE_ID,
                                                   version=spec.VERSION, meta=spec.META_SHEET))
    w.section(t["s_purpose"])
    w.para(t["round_purpose"])
    rules = RatingRules()
    figures = {"excellent": _g(rules.excellent), "good": _g(rules.good),
               "passing": _g(rules.passing), "exceeded": _g(rules.exceeded_share),
               "missed": _g(rules.missed_share)}
    names = {"settings": spec.ROUND_SETTINGS.name(lang), "town": spec.TOWN_OBJECTIVES.name(lang),
             "assignments": spec.ASSIGNMENTS.name(lang),
             "office": spec.ROUND_SETTINGS.field("town_office").label(lang)}
    w.section(t["s_bands"])
    w.para(t["bands_source"])
    w.para(t["bands_score"])
    for band, rule in t["bands"]:
        w.pair(band, rule.format(**figures))
    w.para(t["bands_rules"])
    w.para(t["bands_settings"].format(**figures, **names))
    w.section(t["s_town"])
    w.para(t["town"].format(**names))
    w.section(t["s_columns"].replace("3.", "4.", 1))
    for sheet in spec.ROUND_SHEETS:
        w.fields(sheet)
    w.section(t["s_protect"])
    w.para(t["protect"].format(meta=spec.META_SHEET))
    w.finish()
    return w.ws
