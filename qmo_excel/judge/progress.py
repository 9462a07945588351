"""Part-year results against an annual target: progress, not yet a verdict.

At part of the year (Quý I, 6 tháng, 9 tháng, 10 tháng…) what a result short of the annual
target means depends on the indicator:

- a *cumulative* indicator (money collected, output, people trained, visitors, hectares
  planted, files handled) grows through the year: it is **on track** (``dung_tien_do``)
  when its share of the annual target is at least the elapsed share of the year (Quý I
  25%, 6 tháng 50%, 9 tháng 75%, 10 tháng 83%), **behind** (``cham_tien_do``) otherwise;
- a *level* (a rate, a share, a coverage, a per-capita figure, a ratio, a growth rate) is
  compared as it stands: short of the target it is **at risk** (``nguy_co``), never on
  track.

A result that already reaches the annual target is achieved; a target given for the
period itself ("6 tháng: 50%") is judged directly. ``measure_of`` tells a level from a
cumulative indicator by the target's unit and kind and the indicator's wording.
"""

from __future__ import annotations

import re

from qmo_excel.judge.normalize import fold

PROGRESS = ("dung_tien_do", "cham_tien_do", "nguy_co")
PROGRESS_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "dung_tien_do": "Đúng tiến độ",
        "cham_tien_do": "Chậm tiến độ",
        "nguy_co": "Có nguy cơ không đạt",
    },
    "en": {
        "dung_tien_do": "On track",
        "cham_tien_do": "Behind schedule",
        "nguy_co": "At risk of not being achieved",
    },
}

# The share of the year elapsed at the end of each period (percent).
ELAPSED: dict[str, float] = {
    **{f"m{n}": 100.0 * n / 12 for n in range(1, 12)},
    "q1": 25.0,
    "q2": 50.0,
    "h1": 50.0,
    "q3": 75.0,
    "m9": 75.0,
    "m10": 100.0 * 10 / 12,
    "m11": 100.0 * 11 / 12,
    "q4": 100.0,
    "year": 100.0,
}

LEVEL = "level"
CUMULATIVE = "cumulative"

# Indicators measured as a level, whatever the unit.
_LEVEL_WORDS = re.compile(
    r"tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|tỷ suất|tỉ suất|tỷ số|tỉ số|độ che phủ|che phủ|bao phủ"
    r"|bình quân|đầu người|thu nhập|năng suất|tốc độ|tăng trưởng|chỉ số|mật độ|tuổi thọ"
    r"|xếp hạng|xếp loại|điểm số|hệ số|cơ cấu|hài lòng|hộ nghèo|cận nghèo|dân số|grdp|gdp"
    r"|số bác sĩ|giường bệnh|bác sĩ/|/vạn dân|/1\.000 dân|suy dinh dưỡng"
    # stocks counted at a point in time: a herd, the forest cover
    r"|tổng đàn|đàn gia súc|đàn gia cầm|đàn trâu|đàn bò|đàn lợn|đàn heo|diện tích rừng"
    # people covered by insurance: a coverage, counted at a point in time
    r"|tham gia (?:bảo hiểm|bhyt|bhxh|bhtn)|người tham gia|bao phủ|che phủ"
)
# Indicators that add up through the year even when their name has a level word.
_CUMULATIVE_WORDS = re.compile(
    r"\b(?:thu ngân sách|thu nội địa|tổng thu|chi ngân sách|giải ngân|vốn đầu tư|kim ngạch"
    r"|sản lượng|doanh thu|số lượt|lượt khách|trồng mới|trồng rừng|diện tích gieo|xây dựng mới"
    r"|giải quyết việc làm|tạo việc làm|đào tạo nghề|thu hút)\b"
)
# Units of a rate or of something per something that is not a period of time.
_PER_THING = re.compile(r"/(?!\s*(?:năm|tháng|quý|tuần|ngày|kỳ)\b)\s*\S")


def measure_of(indicator: str, target_text: str, unit: str, kind: str) -> tuple[str, bool]:
    """("level" or "cumulative", whether the wording made it clear)."""
    ind, text, u = fold(indicator), fold(target_text), unit.lower()
    if _CUMULATIVE_WORDS.search(ind):
        return CUMULATIVE, True
    if kind in ("increase_by", "decrease_by", "ratio"):
        return LEVEL, True
    if u in ("%", "‰") or _PER_THING.search(u):
        return LEVEL, True
    if _LEVEL_WORDS.search(ind) or _LEVEL_WORDS.search(text):
        return LEVEL, True
    if u or kind == "plan":
        return CUMULATIVE, bool(u)
    return CUMULATIVE, False


# The period a target or result names: "6 tháng", "Quý I", "9 tháng đầu năm", "10 tháng".
_PERIOD_IN_TEXT = [
    (re.compile(r"\bquý\s+(?:iv|4)\b"), "q4"),
    (re.compile(r"\bquý\s+(?:iii|3)\b"), "q3"),
    (re.compile(r"\bquý\s+(?:ii|2)\b"), "q2"),
    (re.compile(r"\bquý\s+(?:i|1)\b"), "q1"),
    (re.compile(r"(?<![\d,.])(?:0?6|sáu)\s+tháng\b"), "h1"),
    (re.compile(r"(?<![\d,.])(?:0?9|chín)\s+tháng\b"), "m9"),
    (re.compile(r"(?<![\d,.])(?:10|mười)\s+tháng\b"), "m10"),
    (re.compile(r"(?<![\d,.])(?:11|mười một)\s+tháng\b"), "m11"),
]


def period_in(text: str) -> str:
    """The part-year period a text names ("" when none)."""
    low = fold(text)
    for pattern, code in _PERIOD_IN_TEXT:
        if pattern.search(low):
            return code
    return ""


def same_period(a: str, b: str) -> bool:
    """Two period codes that end at the same point of the year (Quý II and 6 tháng)."""
    return bool(a) and bool(b) and ELAPSED.get(a) == ELAPSED.get(b)


def progress_label(code: str | None, lang: str = "vi") -> str:
    """The label of a progress status ("" for None)."""
    if not code:
        return ""
    return PROGRESS_LABELS["en" if lang == "en" else "vi"].get(code, code)
