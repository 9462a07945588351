"""Which way is better: from the explicit field, the target's wording, the indicator.

Order of strength (PRODUCT.md): the unit's explicit direction, then the target's wording
("dưới", "giảm", "không quá"), then the indicator's wording (poverty, malnutrition, late
files…), else higher is better.
"""

from __future__ import annotations

import re

from qmo_excel.judge.normalize import fold

HIGHER = "higher_is_better"
LOWER = "lower_is_better"

_EXPLICIT = {
    HIGHER: HIGHER,
    LOWER: LOWER,
    "càng cao càng tốt": HIGHER,
    "higher is better": HIGHER,
    "higher": HIGHER,
    "cao": HIGHER,
    "tăng": HIGHER,
    "càng thấp càng tốt": LOWER,
    "lower is better": LOWER,
    "lower": LOWER,
    "thấp": LOWER,
    "giảm": LOWER,
}


def parse_direction(value: str | None) -> str | None:
    """A direction code from a code, the dropdown labels (vi/en) or None/'' (infer).

    Raises ValueError for text that is none of these.
    """
    if value is None:
        return None
    key = fold(value).replace("-", " ").replace("_", " ")
    if not key:
        return None
    for k, v in _EXPLICIT.items():
        if key == k.replace("_", " "):
            return v
    raise ValueError(f"unknown direction: {value!r}")


# Indicators where less is better. Strong words decide alone; weak words only when the
# indicator is not about handling them ("giải quyết đơn thư khiếu nại" is higher-better).
_LOWER_STRONG = re.compile(
    r"nghèo|suy dinh dưỡng|tăng dân số|gia tăng dân số|sinh con thứ|trễ hạn|quá hạn|trễ hẹn"
    r"|quá hẹn|chậm muộn|chậm trễ|tai nạn|thất nghiệp|tử vong|ô nhiễm|bỏ học|mù chữ"
    r"|tội phạm|ma túy|cháy nổ|hồ sơ chậm|giải quyết chậm|tồn đọng|nợ đọng|lãng phí"
    r"|thất thoát|dịch bệnh|mắc mới|tỷ suất sinh|tỷ lệ sinh(?! viên)|nợ xấu|tái nghèo|tảo hôn"
    r"|tỷ suất chết|tỉ suất chết|tử suất|trẻ em chết|\bchết\b|tỷ số giới tính khi sinh"
    r"|tỉ số giới tính khi sinh|mất cân bằng giới tính|cháy|hỏa hoạn|nghiện|thấp còi|nhẹ cân"
    r"|đuối nước|ngộ độc|hộ nghèo|cận nghèo|sinh thô|tỷ lệ sinh con|ùn tắc|lưu ban"
    r"|phạm pháp|vi phạm pháp luật|tệ nạn|bạo lực gia đình|xâm hại|buôn lậu|gian lận"
)
# Phrases that hold a strong word but are about something to raise: insurance against
# unemployment, people lifted out of poverty, crimes solved, addicts treated.
_NOT_LOWER = re.compile(
    r"bảo hiểm thất nghiệp|trợ cấp thất nghiệp|thoát nghèo|thoát khỏi nghèo|khám phá|điều tra"
    r"|triệt phá|phá án|bắt giữ|cai nghiện|được cai|phòng cháy|chữa cháy|pccc|phòng chống"
    r"|phòng, chống|hỗ trợ hộ nghèo|cho vay hộ nghèo|nhà cho hộ nghèo|vay vốn"
    r"|phát hiện|triệt xóa|truy tố|xét xử|thu hồi|\bchống\s|tiêm phòng|tiêm chủng|phòng bệnh"
    r"|phòng dịch|được (?:xử lý|khắc phục|điều trị|hỗ trợ|cai|quản lý|tiếp nhận|giải quyết"
    r"|thu gom|kiểm soát|cứu|chữa|khám)"
)
_LOWER_WEAK = re.compile(
    r"khiếu nại|tố cáo|khiếu kiện|vi phạm|phàn nàn|đơn thư|vượt cấp|sự cố|sai sót|xin lỗi"
    r"|phải bổ sung|trả lại hồ sơ"
    # the share of agriculture in the economy is planned to fall (economic restructuring)
    r"|tỷ trọng (?:ngành |khu vực )?nông(?:,|\s)|tỉ trọng (?:ngành |khu vực )?nông(?:,|\s)"
    r"|tỷ trọng khu vực i\b"
    # deficits, public debt and inflation are kept under a ceiling
    r"|bội chi|nợ công|lạm phát|giá tiêu dùng|\bcpi\b"
)
_HANDLING = re.compile(
    r"giải quyết|xử lý|tiếp nhận|khắc phục|hài lòng|trả lời|đúng hạn|trước hạn|kiểm tra|phát hiện"
)


def from_indicator(indicator: str) -> tuple[str | None, str]:
    """(direction or None, strength 'strong'|'weak'|'') from the indicator's wording."""
    text = fold(indicator)
    if not text:
        return None, ""
    if _LOWER_STRONG.search(text) and not _NOT_LOWER.search(text):
        return LOWER, "strong"
    if _LOWER_WEAK.search(text) and not _HANDLING.search(text):
        return LOWER, "weak"
    return None, ""
