"""The catalogue of problems a return can have, and the flat record that reports one.

Every problem has a stable kebab-case code, a category (file, structure, data), a default
severity, a title and a message template in Vietnamese and English. Messages say what to
fix. The docs table of codes (docs/problems.md) is generated from this catalogue.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Category = Literal["file", "structure", "data"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


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
    """One problem: a small flat record, no references to workbooks or frames."""

    file: str
    unit_code: str
    sheet: str
    cell: str
    field: str
    value: str
    code: str
    severity: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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
    ProblemType("file-template-version", "file", "warning", "Mẫu khác phiên bản",
                "Other template version",
                "Tệp dùng mẫu phiên bản {value}, phiên bản hiện hành là {expected}. Nên "
                "chuyển số liệu sang mẫu mới.",
                "The file uses template version {value}; the current one is {expected}."),
)


def problem(code: str, *, file: str = "", unit_code: str = "", sheet: str = "",
            cell: str = "", field: str = "", value: Any = "", lang: str = "vi",
            severity: str | None = None, **params: Any) -> Problem:
    """Build a Problem from the catalogue, filling its message template."""
    t = CATALOGUE[code]
    template = t.message_vi if lang == "vi" else t.message_en
    shown = "" if value is None else str(value)
    if len(shown) > 120:
        shown = shown[:117] + "…"
    fmt = {"value": shown, "field": field, "expected": "", "detail": "", **params}
    try:
        message = template.format(**fmt)
    except (KeyError, IndexError):
        message = template
    return Problem(file=file, unit_code=unit_code, sheet=sheet, cell=cell, field=field,
                   value=shown, code=code, severity=severity or t.severity, message=message)


def sort_key(p: Problem) -> tuple[Any, ...]:
    return (p.file, SEVERITY_ORDER.get(p.severity, 9), p.sheet, _cell_key(p.cell), p.code)


def _cell_key(cell: str) -> tuple[int, str]:
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    return (int(digits) if digits else 0, letters.rjust(3))
