"""The words around a number that say how it is meant (comparators, changes, units)."""

from __future__ import annotations

import re

# Filler allowed between a comparator and its number: "trên mức 95%", "tối thiểu là 5".
_F = r"(?:\s*(?:mức|là|bằng|đạt|tỷ lệ|tỉ lệ|khoảng|:))*\s*"

# (pattern on the text before the number, kind). Order matters: first match wins.
BEFORE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:còn|xuống|về)\s*(?:mức\s*)?(?:dưới|<)" + _F + "$"), "level_less"),
    (
        re.compile(r"(?:còn|xuống|xuống còn|về|hạ)(?:\s*(?:mức|không quá|tối đa|≤))*" + _F + "$"),
        "level_most",
    ),
    (re.compile(r"(?:tăng|nâng)\s*(?:lên|lên mức|lên đến|đến)" + _F + "$"), "level_least"),
    (re.compile(r"giảm(?![^0-9]*(?:còn|xuống))[^0-9]{0,60}$"), "decrease_by"),
    (re.compile(r"tăng(?!\s*(?:trưởng|dân số|cường|giá trị|lên))[^0-9]{0,60}$"), "increase_by"),
    (
        re.compile(
            r"(?:≤|không quá|không vượt quá|không vượt|tối đa|không cao hơn|không lớn hơn"
            r"|không nhiều hơn|không hơn|không trên|nhiều nhất|cao nhất)" + _F + "$"
        ),
        "at_most",
    ),
    (
        re.compile(
            r"(?:≥|không dưới|không thấp hơn|không ít hơn|không nhỏ hơn|không kém|tối thiểu"
            r"|tối thiếu|ít nhất|thấp nhất)" + _F + "$"
        ),
        "at_least",
    ),
    (
        re.compile(r"vượt(?:\s+(?:chỉ tiêu|kế hoạch|dự toán|mức|kh|nghị quyết))?[^0-9]{0,50}$"),
        "exceed_by",
    ),
    (re.compile(r"(?:>|trên|hơn|cao hơn|lớn hơn|nhiều hơn)" + _F + "$"), "more_than"),
    (re.compile(r"(?:<|dưới|thấp hơn|ít hơn|nhỏ hơn|chưa tới|chưa đến)" + _F + "$"), "less_than"),
    (re.compile(r"\btừ" + _F + "$"), "from"),
]
AFTER_AT_LEAST = re.compile(r"^\s*(?:%\s*)?(?:[^\W\d]+\s*){0,2}trở lên")
AFTER_AT_MOST = re.compile(r"^\s*(?:%\s*)?(?:[^\W\d]+\s*){0,2}(?:trở xuống|trở lại)")
RANGE_JOIN = re.compile(r"^\s*(?:-|đến|tới|~|÷)\s*$")

LOWER_WORDS = re.compile(r"^\s*(?:giảm|hạ|kéo giảm|không để|hạn chế|khống chế|kiềm chế)\b")
HIGHER_WORDS = re.compile(r"^\s*(?:tăng|nâng|phấn đấu tăng|mở rộng)\b")

_STOP = {
    "trở",
    "trên",
    "dưới",
    "đạt",
    "được",
    "so",
    "và",
    "của",
    "trong",
    "các",
    "những",
    "là",
    "thì",
    "để",
    "với",
    "theo",
    "cho",
    "tại",
    "từ",
    "đến",
    "tới",
    "hoặc",
    "hay",
    "có",
    "không",
    "đã",
    "sẽ",
    "trước",
    "sau",
    "mỗi",
    "cả",
    "đúng",
    "giữ",
    "hoàn",
    "kế",
    "chỉ",
    "tiêu",
    "trở lên",
    "năm",
    "so với",
    "đảm",
    "thực",
    "vượt",
    "tăng",
    "giảm",
    "còn",
    "tỷ",
    "tỉ",
    "ước",
    "khoảng",
    "hơn",
    "gần",
    "bằng",
    "người",
    "đơn",
}
_UNIT_OK_FIRST = {"người", "đơn"}
_TWO_WORD = {
    "lao động",
    "quy trình",
    "hồ sơ",
    "văn bản",
    "ý kiến",
    "doanh nghiệp",
    "nhiệm vụ",
    "chỉ tiêu",
    "tuyến phố",
    "tuyến đường",
    "ngõ phố",
    "cán bộ",
    "hộ gia",
    "hội nghị",
    "cuộc họp",
    "đơn thư",
    "thủ tục",
    "cơ sở",
    "gia đình",
    "đơn vị",
    "học sinh",
    "sinh viên",
    "trường học",
    "tổ dân",
    "công trình",
    "dự án",
    "buổi tuyên",
    "lượt người",
    "tin bài",
    "mô hình",
    "câu lạc",
    "sản phẩm",
    "bác sĩ",
    "giường bệnh",
    "hộ nghèo",
    "lượt khách",
    "cơ quan",
    "vụ việc",
    "phòng học",
    "tổ chức",
}
_WORD = re.compile(r"\s*([^\W\d_]+)")
_PER = re.compile(r"\s*/\s*([^\W\d_]+(?:\s+dân)?)")


def unit_after(text: str, pos: int) -> str:
    """The unit of measure written right after position ``pos`` ("tuyến phố", "lần/tháng")."""
    words: list[str] = []
    i = pos
    m = _WORD.match(text, i)
    if m and (m.group(1).lower() not in _STOP or m.group(1).lower() in _UNIT_OK_FIRST):
        words.append(m.group(1))
        i = m.end()
        m2 = _WORD.match(text, i)
        if m2 and f"{words[0]} {m2.group(1)}".lower() in _TWO_WORD:
            words.append(m2.group(1))
            i = m2.end()
            if words[0].lower() in ("tổ", "hộ"):
                m3 = _WORD.match(text, i)
                if m3:
                    words.append(m3.group(1))
                    i = m3.end()
    unit = " ".join(words)
    while words or unit == "":
        p = _PER.match(text, i)
        if not p:
            break
        unit = f"{unit}/{p.group(1)}" if unit else ""
        if not unit:
            break
        i = p.end()
    return unit


def decimals_of(raw: str) -> int | None:
    """How many decimals a written number shows ("81,6" -> 1, "95" -> 0)."""
    if "/" in raw:
        return None
    m = re.search(r"[.,](\d{1,2})$", raw)
    return len(m.group(1)) if m else 0
