"""The catalogue of problems a return can have, and the flat record that reports one.

Every problem has a stable kebab-case code, a category (file, structure, data), a default
severity, a title and a message template in Vietnamese and English. Messages say what to
fix. The docs table of codes (docs/problems.md) is generated from this catalogue.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Literal

from qmo_excel.safetext import shown as safe_text
from qmo_excel.vocab import SEVERITY_ORDER, Words, in_lang

Severity = Literal["error", "warning", "info"]  # codes of vocab.Severity
Category = Literal["file", "structure", "data"]  # codes of vocab.Category


@dataclass(frozen=True)
class ProblemType:
    code: str
    category: Category
    severity: Severity
    title_vi: str
    title_en: str
    message_vi: str  # str.format template; fields: value, field, expected, ...
    message_en: str


@dataclass
class Problem:
    """One problem: a small flat record, no references to workbooks or frames.

    It carries its code, where it is and the values its message needs (``params``, some
    of them ``vocab.Words`` in both languages), never a language: the message is
    rendered where it is shown (``message_in(lang)``; ``message`` is the Vietnamese).
    """

    file: str
    unit_code: str
    sheet: str
    cell: str
    field: str
    value: str
    code: str
    severity: str
    params: dict[str, str] = dataclass_field(default_factory=dict)

    def message_in(self, lang: str = "vi") -> str:
        t = CATALOGUE[self.code]
        template = t.message_en if lang == "en" else t.message_vi
        fmt = {"value": self.value, "field": self.field, "expected": "", "detail": "",
               **{k: in_lang(v, lang) for k, v in self.params.items()}}
        try:
            return _nfc(template.format(**fmt))
        except (KeyError, IndexError):
            return _nfc(template)

    @property
    def message(self) -> str:
        return self.message_in("vi")

    def title_in(self, lang: str = "vi") -> str:
        t = CATALOGUE[self.code]
        return t.title_en if lang == "en" else t.title_vi

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """The flat record of ``PROBLEM_COLUMNS``, its message in ``lang``."""
        return {c: self.message_in(lang) if c == "message" else getattr(self, c)
                for c in PROBLEM_COLUMNS}


PROBLEM_COLUMNS = ("file", "unit_code", "sheet", "cell", "field", "value", "code",
                   "severity", "message")

CATALOGUE: dict[str, ProblemType] = {}


def _add(*types: ProblemType) -> None:
    for t in types:
        if t.code in CATALOGUE:
            raise ValueError(f"duplicate problem code {t.code}")
        CATALOGUE[t.code] = t


_add(
    # ---------------------------------------------------------------- file
    ProblemType("file-unreadable", "file", "error", "Tệp không đọc được", "Unreadable file",
                "Không mở được tệp ({detail}). Hãy mở lại bằng Excel, lưu dạng .xlsx "
                "và gửi lại.",
                "The file cannot be opened ({detail}). Open it in Excel, save as .xlsx and "
                "send it again."),
    ProblemType("file-encrypted", "file", "error", "Tệp có mật khẩu", "Encrypted file",
                "Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Tệp > Thông tin "
                "> Bảo vệ sổ làm việc) rồi gửi lại.",
                "The file is password-protected. Remove the password and send it again."),
    ProblemType("file-old-format", "file", "error", "Định dạng cũ hoặc khác",
                "Unsupported format",
                "Tệp là định dạng {detail}, không phải .xlsx. Hãy mở bằng Excel và chọn "
                "Lưu thành > Sổ làm việc Excel (.xlsx).",
                "The file is {detail}, not .xlsx. Save it as an Excel workbook (.xlsx)."),
    ProblemType("file-too-large", "file", "error", "Tệp quá lớn", "File too large",
                "Tệp quá lớn hoặc bất thường ({detail}). Hãy dùng đúng mẫu báo cáo, xóa "
                "các trang, ảnh thừa rồi gửi lại.",
                "The file is too large or abnormal ({detail}). Use the standard template."),
    ProblemType("file-timeout", "file", "error", "Đọc tệp quá lâu", "File took too long",
                "Đọc tệp quá thời gian cho phép ({detail}). Hãy dùng đúng mẫu báo cáo và "
                "gửi lại.",
                "Reading the file took too long ({detail}). Use the standard template."),
    ProblemType("file-wrong-template", "file", "error", "Không đúng mẫu", "Wrong template",
                "Tệp không phải mẫu báo cáo MTCL ({detail}). Hãy tải mẫu mới "
                "(qmo template) và nhập lại số liệu.",
                "This is not the MTCL return template ({detail}). Use the standard template."),
    ProblemType("file-legacy-format", "file", "warning", "Định dạng tệp cũ",
                "Old file format",
                "Tệp lưu dạng {detail}: vẫn đọc được, nhưng định dạng này có thể làm mất "
                "danh sách chọn và định dạng ô. Lần sau hãy lưu dạng Sổ làm việc Excel "
                "(.xlsx): Tệp > Lưu thành > Excel Workbook (*.xlsx).",
                "The file is saved as {detail}: it was read, but this format may lose "
                "dropdowns and cell formats. Next time save it as an Excel workbook (.xlsx)."),
    ProblemType("file-default-password", "file", "warning", "Tệp mã hóa bằng mật khẩu mặc định",
                "Encrypted with Excel's default password",
                "Tệp được mã hóa bằng mật khẩu mặc định của Excel (Excel tự mở, không hỏi mật "
                "khẩu, nên đơn vị có thể không biết). Chương trình đã giải mã để đọc. Lần sau "
                "hãy bỏ bảo vệ (Xem lại > Bảo vệ sổ làm việc; Tệp > Thông tin > Bảo vệ sổ "
                "làm việc) rồi lưu dạng .xlsx trước khi gửi.",
                "The file is encrypted with Excel's default password (Excel opens it without "
                "asking, so you may not know). It was decrypted to be read. Next time remove "
                "the protection and save it as .xlsx before sending."),
    ProblemType("file-damaged", "file", "warning", "Tệp bị hỏng một phần",
                "File partly damaged",
                "Một phần của tệp bị hỏng ({detail}: không khớp mã kiểm tra CRC). Số liệu "
                "vẫn đọc được vì phần hỏng không chứa số liệu, nhưng Excel có thể báo lỗi khi "
                "mở. Hãy mở tệp bằng Excel, cho sửa nếu được hỏi, lưu lại rồi gửi lại.",
                "Part of the file is damaged ({detail}: CRC mismatch). The figures were read "
                "(the damage is elsewhere), but Excel may complain when opening it. Open it "
                "in Excel, let it repair, save and send it again."),
    ProblemType("feedback-not-written", "file", "warning", "Không ghi được tệp góp ý",
                "Feedback file not written",
                "Không ghi được tệp góp ý cho tệp này ({detail}). Hãy khắc phục rồi chạy "
                "lại; trong khi chờ, các lỗi của tệp vẫn có ở trang «Lỗi dữ liệu» của sổ tổng hợp.",
                "The feedback file for this file could not be written ({detail}). Fix that "
                "and run again; meanwhile its problems are listed in the summary."),
    ProblemType("file-template-version", "file", "warning", "Mẫu khác phiên bản",
                "Other template version",
                "Tệp dùng mẫu phiên bản {value}, phiên bản hiện hành là {expected}. Nên "
                "chuyển số liệu sang mẫu mới.",
                "The file uses template version {value}; the current one is {expected}."),
)


def problem(code: str, *, file: str = "", unit_code: str = "", sheet: str = "",
            cell: str = "", field: str = "", value: Any = "", severity: str | None = None,
            **params: Any) -> Problem:
    """A Problem of the catalogue; ``params`` fill its message template when shown
    (plain text, or ``vocab.Words`` for what is said differently in each language)."""
    t = CATALOGUE[code]
    shown = "" if value is None else str(value)
    if len(shown) > 120:
        shown = shown[:117] + "…"
    return Problem(file=_nfc(file), unit_code=_nfc(unit_code), sheet=_nfc(sheet), cell=cell,
                   field=field, value=_nfc(shown), code=code,
                   severity=severity or t.severity,
                   params={k: _param(v) for k, v in params.items()})


def _param(value: Any) -> str:
    if isinstance(value, Words):
        return Words(_nfc(str(value)), _nfc(value.en))
    return _nfc("" if value is None else str(value))


def _nfc(text: str) -> str:
    """Text users read is NFC, whatever a file's sheet names or cells were written in,
    and holds only characters every writer can write: a file name's undecodable bytes
    and the characters XML 1.0 forbids become "�" (see ``safetext``)."""
    if text.isascii():
        return safe_text(text) if _has_control(text) else text
    return safe_text(unicodedata.normalize("NFC", text))


def _has_control(text: str) -> bool:
    return not text.isprintable() and any(ch < " " for ch in text)


def sort_key(p: Problem) -> tuple[Any, ...]:
    return (p.file, SEVERITY_ORDER.get(p.severity, 9), p.sheet, _cell_key(p.cell), p.code)


def _cell_key(cell: str) -> tuple[int, str]:
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    return (int(digits) if digits else 0, letters.rjust(3))


# The checks of a return (intake/checks.py). Field-level messages name the field's label
# ({label}) and where it is; {expected} lists what is accepted.
_add(
    # ---------------------------------------------------------------- structure
    ProblemType("structure-sheet-missing", "structure", "error", "Thiếu trang",
                "Missing sheet",
                "Không tìm thấy trang \"{expected}\". Hãy dùng đúng mẫu báo cáo, không xóa "
                "hoặc đổi tên các trang.",
                "Sheet \"{expected}\" is missing. Use the standard template and do not delete "
                "or rename its sheets."),
    ProblemType("structure-column-missing", "structure", "error", "Thiếu cột",
                "Missing column",
                "Không tìm thấy cột \"{expected}\" (theo mẫu ở ô {cell_ref}) nên không đọc "
                "được dữ liệu của cột này. Hãy trả lại cột và tiêu đề \"{expected}\" như "
                "mẫu, không xóa hoặc đổi tên cột.",
                "Column \"{expected}\" (cell {cell_ref} in the template) is missing, so its "
                "data cannot be read. Restore the column and its header."),
    ProblemType("structure-header", "structure", "warning", "Tiêu đề cột bị sửa",
                "Column header changed",
                "Tiêu đề cột là \"{value}\", đúng mẫu phải là \"{expected}\". Số liệu vẫn "
                "được đọc theo vị trí cột; hãy trả lại tiêu đề như mẫu để tránh nhầm cột.",
                "The column header is \"{value}\"; the template has \"{expected}\". The "
                "data is read by position; restore the header to avoid mix-ups."),
    ProblemType("structure-column-moved", "structure", "warning", "Cột bị chuyển chỗ",
                "Column moved",
                "Cột \"{expected}\" đang ở cột {value}, theo mẫu phải ở cột {spec_col}. Số "
                "liệu vẫn được đọc theo tiêu đề, nhưng hãy giữ nguyên thứ tự cột như mẫu, "
                "không chèn hoặc xóa cột.",
                "Column \"{expected}\" is in column {value}; the template has it in "
                "{spec_col}. The data is read by its header, but keep the template's column "
                "order."),
    ProblemType("structure-sheet-renamed", "structure", "warning", "Trang bị đổi tên",
                "Sheet renamed",
                "Trang \"{expected}\" đã bị đổi tên thành \"{value}\". Số liệu vẫn được đọc "
                "theo các tiêu đề trong trang; hãy đặt lại tên trang như mẫu.",
                "Sheet \"{expected}\" was renamed \"{value}\". It was recognised by its "
                "labels and read; give it back its template name."),
    ProblemType("structure-far-cells", "structure", "info", "Ô dữ liệu ở quá xa",
                "Cells far outside the table",
                "Trang \"{sheet_name}\" có {count} ô có dữ liệu ở rất xa bảng (ví dụ ô "
                "{cell_ref}: \"{value}\"), ngoài các cột của mẫu, nên không được tổng hợp. "
                "Nếu các ô này không cần, hãy xóa chúng.",
                "Sheet \"{sheet_name}\" has {count} cell(s) far outside the table (for "
                "example {cell_ref}: \"{value}\"), past the template's columns: they are "
                "not consolidated. Delete them if they are not needed."),
    ProblemType("structure-table-moved", "structure", "info", "Bảng bị dời dòng",
                "Table moved",
                "Tiêu đề bảng ở trang \"{sheet_name}\" nằm ở dòng {value}, theo mẫu là dòng "
                "{expected} (có dòng được chèn hoặc xóa phía trên). Số liệu vẫn được đọc theo "
                "tiêu đề; nên giữ bố cục như mẫu.",
                "The table header on sheet \"{sheet_name}\" is in row {value}; the template "
                "has it in row {expected} (rows were inserted or deleted above). The data is "
                "read by its header; keep the template's layout."),
    ProblemType("structure-info-moved", "structure", "info", "Ô thông tin bị dời chỗ",
                "Information cells moved",
                "{count} nhãn ở trang \"{sheet_name}\" không ở chỗ như mẫu (ví dụ \"{label}\" "
                "ở ô {label_cell}, theo mẫu là ô {expected}). Giá trị được đọc ở ô bên cạnh "
                "từng nhãn; nên giữ bố cục như mẫu.",
                "{count} labels on sheet \"{sheet_name}\" are not where the template has "
                "them (e.g. \"{label}\" in {label_cell}, the template has {expected}). Each "
                "value is read beside its label; keep the template's layout."),
    ProblemType("structure-meta-missing", "structure", "warning", "Thiếu thông tin mẫu",
                "Template information missing",
                "Không thấy trang ẩn \"_qmo\" ghi mã và phiên bản mẫu, có thể tệp được chép "
                "sang sổ làm việc khác. Nên nhập số liệu vào mẫu gốc (qmo template).",
                "The hidden \"_qmo\" sheet with the template id and version is missing; the "
                "data may have been copied into another workbook. Use the original template."),
    # ---------------------------------------------------------------- any field
    ProblemType("required-empty", "data", "error", "Thiếu thông tin bắt buộc",
                "Required value missing",
                "Ô \"{label}\" đang để trống. Hãy nhập {label_lower}{hint}.",
                "\"{label}\" is empty. Fill it in{hint}."),
    ProblemType("choice-invalid", "data", "error", "Giá trị không có trong danh sách",
                "Value not in the list",
                "\"{value}\" không phải giá trị hợp lệ của ô \"{label}\". Hãy chọn trong danh "
                "sách thả xuống: {expected}.",
                "\"{value}\" is not a valid \"{label}\". Pick one from the dropdown: "
                "{expected}."),
    ProblemType("date-invalid", "data", "error", "Ngày không hợp lệ", "Invalid date",
                "\"{value}\" ở ô \"{label}\" không phải là ngày. Hãy nhập ngày dạng "
                "ngày/tháng/năm, ví dụ {example}.",
                "\"{value}\" in \"{label}\" is not a date. Enter it as day/month/year, e.g. "
                "{example}."),
    ProblemType("text-too-long", "data", "warning", "Nội dung quá dài", "Text too long",
                "Ô \"{label}\" dài {length} ký tự, vượt mức {expected} ký tự. Hãy rút gọn, "
                "chuyển phần chi tiết sang văn bản kèm theo.",
                "\"{label}\" has {length} characters, over the limit of {expected}. "
                "Shorten it."),
    ProblemType("formula-no-value", "data", "error", "Công thức chưa có giá trị",
                "Formula without a value",
                "Ô \"{label}\" có công thức ={value} nhưng chưa có giá trị tính sẵn (tệp được "
                "lưu bằng chương trình không tính công thức) nên không đọc được số liệu. Hãy mở "
                "tệp bằng Excel, lưu lại rồi gửi; hoặc ghi thẳng số liệu thay cho công thức.",
                "\"{label}\" holds the formula ={value} but no calculated value (the file was "
                "saved by a program that does not calculate). Open it in Excel, save it and "
                "send it again, or type the figure instead of the formula."),
    ProblemType("row-hidden", "data", "info", "Dòng bị ẩn vẫn được đọc", "Hidden row read",
                "Dòng {value} đang bị ẩn nhưng vẫn được đọc và tổng hợp. Nếu dòng này không "
                "thuộc báo cáo, hãy xóa dòng thay vì ẩn.",
                "Row {value} is hidden but is still read and consolidated. If it is not part "
                "of the return, delete the row instead of hiding it."),
    ProblemType("text-formula", "data", "info", "Nội dung bắt đầu bằng dấu =",
                "Text starts with =",
                "Nội dung ô \"{label}\" bắt đầu bằng dấu \"=\"; chương trình giữ nguyên dạng "
                "chữ, không tính như công thức. Nếu đây là số liệu, hãy ghi kết quả bằng số.",
                "\"{label}\" starts with \"=\"; it is kept as text, never calculated. If it "
                "is a figure, type the figure itself."),
    # ---------------------------------------------------------------- unit information
    ProblemType("year-invalid", "data", "error", "Năm không hợp lệ", "Invalid year",
                "Năm \"{value}\" không hợp lệ. Hãy nhập năm 4 chữ số, ví dụ {example}.",
                "Year \"{value}\" is not valid. Enter a 4-digit year, e.g. {example}."),
    ProblemType("unit-unknown", "data", "warning", "Mã đơn vị không có trong danh sách",
                "Unknown unit code",
                "Mã đơn vị \"{value}\" không có trong danh sách đơn vị của kỳ báo cáo. Hãy "
                "ghi đúng mã do Văn phòng cấp{hint}.",
                "Unit code \"{value}\" is not in the round's list of units. Use the code the "
                "office gave you{hint}."),
    ProblemType("unit-code-corrected", "data", "warning", "Mã đơn vị được hiểu là mã khác",
                "Unit code taken as another",
                "Mã đơn vị \"{value}\" không có trong danh sách nên báo cáo được tính cho "
                "{name} (mã {expected}), đơn vị gần đúng duy nhất chưa nộp. Hãy sửa lại mã "
                "thành {expected} trong tệp; nếu không phải đơn vị này, báo Văn phòng.",
                "Unit code \"{value}\" is not in the register, so the return was counted as "
                "{name}'s (code {expected}), the only close unit that had not reported. Fix "
                "the code to {expected}; if that is not your unit, tell the office."),
    ProblemType("unit-name-mismatch", "data", "warning", "Tên đơn vị khác danh sách",
                "Unit name differs from the register",
                "Tên đơn vị \"{value}\" khác tên trong danh sách của kỳ báo cáo "
                "(\"{expected}\", mã {own_code}). Hãy kiểm tra lại mã đơn vị: có thể đã ghi mã của "
                "đơn vị khác.",
                "Unit name \"{value}\" differs from the register (\"{expected}\", code "
                "{own_code}). Check the unit code: it may be another unit's."),
    ProblemType("file-name-mismatch", "data", "warning", "Tên tệp ghi đơn vị khác",
                "File name names another unit",
                "Tên tệp \"{value}\" ghi mã đơn vị {expected}, nhưng mã đơn vị trong tệp là "
                "{own_code}. Có thể đã gửi nhầm tệp hoặc chép từ báo cáo của đơn vị khác; hãy "
                "kiểm tra lại mã đơn vị và tên tệp.",
                "The file name \"{value}\" names unit {expected}, but the unit code inside is "
                "{own_code}. The file may be another unit's; check the code and the file name."),
    ProblemType("year-mismatch", "data", "warning", "Năm khác kỳ báo cáo",
                "Year differs from the round",
                "Báo cáo ghi năm {value}, kỳ báo cáo đang tổng hợp là năm {expected}. Hãy "
                "kiểm tra lại năm hoặc gửi đúng báo cáo của năm {expected}.",
                "The return says year {value}; the round is for {expected}. Check the year."),
    ProblemType("period-mismatch", "data", "warning", "Kỳ báo cáo khác kỳ đang tổng hợp",
                "Period differs from the round",
                "Báo cáo ghi kỳ \"{value}\", kỳ đang tổng hợp là \"{expected}\". Hãy chọn "
                "lại kỳ báo cáo hoặc gửi đúng báo cáo kỳ \"{expected}\".",
                "The return is for \"{value}\"; the round is \"{expected}\". Check the "
                "period."),
    # ---------------------------------------------------------------- objectives
    ProblemType("objectives-empty", "data", "error", "Chưa có mục tiêu nào",
                "No objectives",
                "Trang \"{sheet_name}\" chưa có mục tiêu, chỉ tiêu nào. Hãy nhập các mục tiêu "
                "chất lượng của đơn vị (mã 1, 2…) và chỉ tiêu (mã 1.1, 1.2…) từ dòng {row}.",
                "Sheet \"{sheet_name}\" has no objectives. Enter the unit's objectives (codes "
                "1, 2…) and indicators (1.1, 1.2…) from row {row}."),
    ProblemType("code-format", "data", "error", "Mã không đúng dạng", "Bad code",
                "Mã \"{value}\" không đúng dạng. Mục tiêu ghi 1, 2, 3… (hoặc I, II, III…); "
                "chỉ tiêu của mục tiêu 1 ghi 1.1, 1.2…; dùng dấu chấm, không dùng dấu phẩy.",
                "Code \"{value}\" is not valid. Objectives are 1, 2, 3… (or I, II, III…); "
                "the indicators of objective 1 are 1.1, 1.2…; use dots."),
    ProblemType("code-duplicate", "data", "error", "Mã bị trùng", "Duplicate code",
                "Mã \"{value}\" đã dùng ở dòng {expected}. Mỗi mục tiêu, chỉ tiêu cần một mã "
                "riêng; hãy đánh lại mã.",
                "Code \"{value}\" is already used in row {expected}. Give each objective and "
                "indicator its own code."),
    ProblemType("objective-missing", "data", "warning", "Chỉ tiêu chưa có dòng mục tiêu",
                "Indicator without its objective",
                "Chỉ tiêu \"{value}\" thuộc mục tiêu \"{expected}\" nhưng không có dòng mục "
                "tiêu mã \"{expected}\". Hãy thêm dòng mục tiêu \"{expected}\" hoặc sửa mã.",
                "Indicator \"{value}\" belongs to objective \"{expected}\", which has no row. "
                "Add objective \"{expected}\" or fix the code."),
    ProblemType("objective-no-target", "data", "warning", "Mục tiêu chưa có chỉ tiêu",
                "Objective without indicators or target",
                "Mục tiêu \"{value}\" chưa có chỉ tiêu nào (mã {value}.1, {value}.2…) và cũng "
                "chưa ghi chỉ tiêu kế hoạch. Hãy thêm chỉ tiêu hoặc ghi chỉ tiêu kế hoạch "
                "ở cột \"{label}\".",
                "Objective \"{value}\" has no indicators ({value}.1…) and no target. Add "
                "indicators or write its target in \"{label}\"."),
    ProblemType("target-empty", "data", "error", "Chỉ tiêu chưa có kế hoạch",
                "Indicator without a target",
                "Chỉ tiêu \"{indicator}\" chưa ghi chỉ tiêu kế hoạch. Hãy ghi như trong "
                "quyết định, ví dụ: \"trên 95%\", \"≥ 95%\", \"14-15%\", \"dưới 1%\", "
                "\"1.100 tỷ đồng\".",
                "Indicator \"{indicator}\" has no target. Write it as in the decision, e.g. "
                "\"trên 95%\", \"14-15%\", \"dưới 1%\"."),
    ProblemType("target-unreadable", "data", "warning", "Không hiểu chỉ tiêu kế hoạch",
                "Target not understood",
                "Không đọc được chỉ tiêu \"{value}\" nên không tự chấm được. Hãy ghi rõ mức "
                "cần đạt, ví dụ: \"trên 95%\", \"từ 86% trở lên\", \"14-15%\", \"dưới 1%\", "
                "\"giảm 0,8-1,0%\", \"31/38 trường\", \"1.100 tỷ đồng\".",
                "The target \"{value}\" cannot be read, so it cannot be judged. Write the "
                "level to reach, e.g. \"trên 95%\", \"14-15%\", \"dưới 1%\", \"giảm 0,8-1,0%\"."),
    ProblemType("target-altered", "data", "error", "Chỉ tiêu được giao bị sửa",
                "Assigned target changed",
                "Chỉ tiêu {indicator} được giao là \"{expected}\" nhưng tệp ghi \"{value}\". "
                "Không tự sửa chỉ tiêu được giao: hãy ghi lại đúng \"{expected}\"; nếu cần "
                "điều chỉnh, đề nghị Văn phòng.",
                "Indicator {indicator} was assigned the target \"{expected}\" but the file "
                "says \"{value}\". Do not change an assigned target: write \"{expected}\" "
                "back; ask the office if it must change."),
    ProblemType("assigned-missing", "data", "warning", "Thiếu chỉ tiêu được giao",
                "Assigned indicator missing",
                "Chỉ tiêu {value} \"{text}\" (chỉ tiêu kế hoạch \"{expected}\") được giao cho "
                "đơn vị nhưng không có trong tệp. Hãy thêm lại dòng mã {value} và báo cáo kết "
                "quả.",
                "Indicator {value} \"{text}\" (target \"{expected}\") was assigned to the unit "
                "but is not in the file. Add row {value} back and report its result."),
    ProblemType("target-uncertain", "data", "warning", "Chỉ tiêu đọc chưa chắc chắn",
                "Target read with doubt",
                "Chỉ tiêu \"{value}\" được hiểu là: {reading}. {notes} Nếu chưa đúng, hãy "
                "ghi lại rõ hơn hoặc chọn cột \"Chiều đánh giá\".",
                "Target \"{value}\" was read as: {reading}. {notes} If that is wrong, write "
                "it more plainly or pick the direction."),
    ProblemType("weight-invalid", "data", "error", "Trọng số không hợp lệ", "Invalid weight",
                "Trọng số \"{value}\" không hợp lệ. Hãy nhập một số dương (ví dụ 1 hoặc "
                "1,5) hoặc để trống (= 1).",
                "Weight \"{value}\" is not valid. Enter a positive number or leave it empty "
                "(= 1)."),
    ProblemType("result-missing", "data", "warning", "Chưa có kết quả thực hiện",
                "No result",
                "Chỉ tiêu \"{indicator}\" có chỉ tiêu kế hoạch nhưng chưa ghi kết quả thực "
                "hiện. Hãy ghi số liệu đạt được (ví dụ \"96,4%\", \"162/168\", "
                "\"Hoàn thành\") trước hạn nộp. Chỉ tiêu chưa có số liệu được tính là không "
                "đạt khi xếp loại đơn vị; nếu thật sự chưa có số liệu, ghi lý do ở cột "
                "\"{notes}\".",
                "Indicator \"{indicator}\" has a target but no result. Write the figure "
                "achieved (e.g. \"96,4%\", \"162/168\", \"Hoàn thành\") before the "
                "deadline. An indicator without data counts as not achieved in the unit's "
                "band; if there is truly no figure yet, say why in \"{notes}\"."),
    ProblemType("result-unreadable", "data", "warning", "Không hiểu kết quả",
                "Result not understood",
                "Không đọc được kết quả \"{value}\". Hãy ghi số liệu đạt được, ví dụ "
                "\"96,4%\", \"162/168\", \"1.050 tỷ đồng\", hoặc \"Hoàn thành\"; để trống nếu "
                "chưa có số liệu.",
                "The result \"{value}\" cannot be read. Write the figure achieved, e.g. "
                "\"96,4%\", \"162/168\", or leave it empty when there is no figure yet."),
    ProblemType("self-assessment-mismatch", "data", "warning",
                "Tự đánh giá khác kết quả chấm", "Self-assessment differs",
                "Tự đánh giá \"{value}\" nhưng kết quả {result} so với chỉ tiêu \"{target}\" "
                "là {expected}{percent}. Hãy kiểm tra lại kết quả hoặc tự đánh giá.",
                "Self-assessment \"{value}\" but the result {result} against the target "
                "\"{target}\" is {expected}{percent}. Check the result or the assessment."),
    # ---------------------------------------------------------------- plan
    ProblemType("plan-objective-missing", "data", "error", "Nhiệm vụ gắn mục tiêu không có",
                "Task for a missing objective",
                "Nhiệm vụ ghi mã mục tiêu \"{value}\" nhưng trang \"{sheet_name}\" không có "
                "mục tiêu này. Hãy ghi đúng mã mục tiêu{hint}.",
                "The task names objective \"{value}\", which is not on sheet "
                "\"{sheet_name}\". Use an existing objective code{hint}."),
    ProblemType("task-number-duplicate", "data", "warning", "Số thứ tự nhiệm vụ bị trùng",
                "Duplicate task number",
                "Số thứ tự \"{value}\" của mục tiêu \"{objective}\" đã dùng ở dòng "
                "{expected}. Hãy đánh lại số thứ tự nhiệm vụ.",
                "Task number \"{value}\" of objective \"{objective}\" is already used in "
                "row {expected}. Renumber the tasks."),
    ProblemType("task-done-no-date", "data", "info", "Hoàn thành nhưng chưa ghi ngày",
                "Done without a date",
                "Nhiệm vụ đã \"Hoàn thành\" nhưng chưa ghi ngày hoàn thành. Hãy ghi ngày ở "
                "cột \"{label}\" để biết nhiệm vụ xong đúng hạn hay không.",
                "The task is done but has no completion date. Enter it in \"{label}\"."),
    ProblemType("timeline-unreadable", "data", "info", "Không hiểu thời gian thực hiện",
                "Timeline not understood",
                "Không xác định được mốc thời gian từ \"{value}\" nên không theo dõi được "
                "hạn. Nếu nhiệm vụ có hạn, nên ghi như: \"Tháng 01/{year}\", "
                "\"Quý I/{year}\", \"Tháng 2-3/{year}\", \"Trước ngày 30/8/{year}\", "
                "\"Thường xuyên\", \"Khi có phát sinh\".",
                "The timeline \"{value}\" has no date, so its deadline is not tracked. "
                "Write e.g. \"Tháng 01/{year}\", \"Quý I/{year}\", \"Thường xuyên\"."),
)
