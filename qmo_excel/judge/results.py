"""Reading a result cell into a ``Result``.

A result is a value ("86,2%", "1.250 tỷ đồng"), a ratio "a/b" (achieved of a total,
"162/168", or result of target, "950/900 lao động"), a stated % of plan ("đạt 104,6% kế
hoạch"), a word verdict ("Đạt", "Hoàn thành", "Không đạt", "Chưa hoàn thành"), a stated
margin ("vượt 0,3%", "thấp hơn 5,25% so với chỉ tiêu") or a change ("giảm 0,9%"). An
estimate ("ước đạt", "khoảng", "hơn", "gần") keeps ``approximate`` and is at most likely.
When the target is a percentage, a ratio becomes a percentage (162/168 -> 96.43) and a
0-1 number from a numeric cell becomes a percentage (0.96 -> 96, marked likely).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from qmo_excel.judge.direction import LOWER
from qmo_excel.judge.levels import CERTAIN, LIKELY, UNCERTAIN, weakest
from qmo_excel.judge.normalize import normalize
from qmo_excel.judge.numbers import Num, quantities, scan
from qmo_excel.judge.segments import split_segments
from qmo_excel.judge.wording import decimals_of, unit_after

if TYPE_CHECKING:
    from qmo_excel.judge.targets import Target


@dataclass
class Result:
    text: str
    value: float | None = None
    unit: str = ""
    percent_of_plan_stated: float | None = None
    approximate: bool = False
    nearly: bool = False  # "gần 95%": an estimate just under the figure written
    confidence: str = CERTAIN
    numerator: float | None = None
    denominator: float | None = None
    word: str | None = None  # "vuot" | "dat" | "khong_dat" | "dang_thuc_hien"
    margin: float | None = None  # signed: +0.3 for "vượt 0,3%", -5.25 for "thấp hơn 5,25%"
    margin_kind: str = ""  # "points" | "relative" | "units"
    change: str = ""  # "decrease" | "increase" ("giảm X" / "tăng X"); "level" ("còn X")
    decimals: int | None = None
    from_cell_number: bool = False
    notes: list[str] = field(default_factory=list)
    parts: list[Result] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "percent_of_plan_stated": self.percent_of_plan_stated,
            "approximate": self.approximate,
            "confidence": self.confidence,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "word": self.word,
            "margin": self.margin,
            "margin_kind": self.margin_kind,
            "change": self.change,
            "notes": list(self.notes),
            "parts": [p.to_dict() for p in self.parts],
        }


_EMPTY = re.compile(r"^(?:-+|\.+|x|n/?a|không có|chưa có|chưa có số liệu|chưa báo cáo|\?+|/)$")
_NONE_AT_ALL = re.compile(r"^(?:không|không có)\W*$")
_NEG = re.compile(
    r"\b(?:không|chưa)\s+(?:đạt|hoàn thành|đảm bảo|thực hiện được|đủ)"
    r"|thấp hơn\s+(?:chỉ tiêu|kế hoạch|mục tiêu)"
)
_ONGOING = re.compile(r"đang\s+(?:thực hiện|triển khai|tiến hành)")
_EXCEED = re.compile(r"(?<!không )vượt(?!\s*(?:cấp|quá))(?![^0-9;]{0,3}\d)")
_POS = re.compile(
    r"(?<!không )(?<!chưa )\b(?:đạt|hoàn thành|đảm bảo|đúng kế hoạch|đạt yêu cầu)\b"
    r"(?![^0-9;]{0,12}\d)"
)
_APPROX = re.compile(
    r"(?:ước(?:\s+(?:đạt|tính|thực hiện|khoảng))?|khoảng|xấp xỉ|gần|hơn|trên|dự kiến|~|chừng"
    r"|tầm)(?:\s+(?:đạt|là|mức))?\s*$"
)
# "gần 95%", "xấp xỉ" is not: just under the figure
_NEARLY = re.compile(r"\b(?:gần|chưa đến|chưa tới|suýt)(?:\s+(?:đạt|là|mức))?\s*$")
_PLAN_AFTER = re.compile(
    r"^\s*(?:so với\s+)?(?:kế hoạch|kh\b|chỉ tiêu|dự toán|mục tiêu|nghị quyết|nq\b)"
)
_MARGIN_BEFORE = re.compile(
    r"(?:(vượt|cao hơn|nhiều hơn|tăng)|(thấp hơn|hụt|thiếu|kém|chưa đạt|giảm|còn thiếu))"
    r"(?:\s+(?:so với\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu|kh))?\s*(?:là|:)?\s*$"
)
_PLAN_REF = re.compile(r"so với\s+(?:kế hoạch|kh\b|chỉ tiêu|mục tiêu|dự toán|nghị quyết|nq\b)")
_NOTHING = re.compile(
    r"^(?:không|chưa)\s+(?:có|để|để xảy ra|xảy ra|phát sinh|để phát sinh|ghi nhận)\b"
)
_CHANGE_BEFORE = re.compile(r"(giảm|tăng)(?:\s+(?:được|thêm))?\s*$")
# A level reached, not a change: "còn 1,8%", "giảm còn 1,8%", "giảm xuống 1,8%", "tăng lên 96%".
_LEVEL_BEFORE = re.compile(r"(?:\b(?:còn|xuống)|\b(?:tăng|nâng)\s+lên(?:\s+đến)?)\s*(?:mức\s*)?$")
# "đạt/bằng 108% so với cùng kỳ": the level as a % of last year's, i.e. a change of +8%.
_OF_BASE_BEFORE = re.compile(r"(?:đạt|bằng)\s*$")
_OF_BASE_AFTER = re.compile(r"^\s*so với\s+(?:cùng kỳ|năm trước|kỳ trước|năm 20\d\d)")


def read_result(
    text: str | float | int | date | None, target: Target | None = None
) -> Result | None:
    """Read a result cell; None when it is empty or says there is no data.

    A date (an Excel cell formatted as a date) is not a result value: it gives a Result
    with no value, marked uncertain, so the verdict is "khong_xac_dinh".
    """
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, date):
        return Result(
            text.isoformat(),
            confidence=UNCERTAIN,
            notes=["Ô kết quả là ngày tháng: không đọc được thành số"],
        )
    pct_target = bool(target and target.unit == "%")
    if isinstance(text, (int, float)):
        value = float(text)
        r = Result(
            _num_text(value), value, unit=target.unit if target else "", from_cell_number=True
        )
        _fraction_to_percent(r, target)
        return r
    raw = normalize(text)
    if (
        target is not None
        and target.direction == LOWER
        and target.kind not in _CHANGE_KINDS
        and _NONE_AT_ALL.match(raw.lower())
    ):
        # "Không có" against a count to keep down (accidents, late files): none happened
        return Result(raw, 0.0, confidence=LIKELY, notes=["'Không có/không để xảy ra': coi là 0"])
    if not raw or _EMPTY.match(raw.lower()):
        return None
    if target is not None and target.kind == "composite" and len(target.parts) > 1:
        segs = split_segments(raw)
        readings = [
            _read_text(s, target.parts[min(i, len(target.parts) - 1)]) for i, s in enumerate(segs)
        ]
        valued = [p for p in readings if p.value is not None or p.percent_of_plan_stated]
        whole = _read_text(raw, target.parts[0])
        if len(valued) > 1:
            whole.parts = valued
            whole.confidence = weakest(*(p.confidence for p in valued))
            whole.notes = [n for n in whole.notes if not n.startswith("Kết quả có nhiều số")]
        return whole
    del pct_target
    return _read_text(raw, target)


def _num_text(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _fraction_to_percent(r: Result, target: Target | None) -> None:
    if (
        target is not None
        and target.unit == "%"
        and r.value is not None
        and 0 <= r.value <= 1.5
        and max(target.bounds(), default=0) > 1.5
    ):
        bound = max(target.bounds())
        if r.value > 0 and abs(math.log(r.value / bound)) < abs(math.log(r.value * 100 / bound)):
            # 1,2 against "dưới 2%" is 1,2%, not 120%: the closer reading wins, not surely
            r.confidence = weakest(r.confidence, LIKELY)
            r.notes.append("Số nhỏ hơn 1,5 cho chỉ tiêu %: coi là % như đã ghi "
                           "(không phải phân số của Excel)")
            return
        r.value = r.value * 100
        r.unit = "%"
        r.notes.append("Ô số dạng phần trăm của Excel (0,96 = 96%)")
        r.confidence = weakest(r.confidence, LIKELY)


def _read_text(raw: str, target: Target | None) -> Result:
    r = Result(raw)
    low = raw.lower()
    _read_words(r, low)
    nums = scan(raw)
    qs = quantities(nums)
    used: set[int] = set()
    for i, n in enumerate(qs):
        before = low[max(0, n.start - 40) : n.start]
        after = low[n.end : n.end + 40]
        if n.percent and _PLAN_AFTER.match(after) and not _MARGIN_BEFORE.search(before):
            r.percent_of_plan_stated = n.value
            used.add(i)
            continue
        m = _MARGIN_BEFORE.search(before)
        if m and (
            _PLAN_REF.search(after)
            or (m.group(1) or "").startswith("vượt")
            or m.group(2) in ("thấp hơn", "hụt", "thiếu", "còn thiếu")
        ):
            if (m.group(1) == "tăng" or m.group(2) == "giảm") and not _PLAN_REF.search(after):
                continue
            sign = 1.0 if m.group(1) else -1.0
            r.margin = sign * n.value
            r.margin_kind = (
                "units"
                if not n.percent
                else "relative"
                if not (target and target.unit == "%")
                else "points"
            )
            used.add(i)
    if not qs and _NOTHING.search(low) and r.word is None:
        r.value = 0.0
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append("'Không có/không để xảy ra': coi là 0")
    if r.word and not qs and len(low.split()) > 6:
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append("Đánh giá theo lời văn của kết quả")
    candidates = [(i, n) for i, n in enumerate(qs) if i not in used]
    if candidates:
        _pick_value(r, raw, low, candidates, target, nums)
    if not qs:
        down = re.search(r"(?<!không )(?<!chưa )\bgiảm\b", low)
        up = re.search(r"(?<!không )(?<!chưa )\btăng\b", low)
        if bool(down) != bool(up):
            r.change = "decrease" if down else "increase"
    if (
        r.value is None
        and r.percent_of_plan_stated is None
        and r.margin is None
        and not r.word
        and not r.change
    ):
        r.notes.append("Không đọc được kết quả")
        r.confidence = UNCERTAIN
    return r


_CHANGE_KINDS = ("decrease_by", "increase_by")
_LEAD = re.compile(r"(?:^|[(,;:.\-]\s*)$")


def _strong(pattern: re.Pattern[str], low: str) -> bool:
    """A verdict word that stands as a verdict: at the start, after punctuation, or alone."""
    return any(_LEAD.search(low[: m.start()]) for m in pattern.finditer(low))


def _read_words(r: Result, low: str) -> None:
    neg = bool(_NEG.search(low))
    ongoing = bool(_ONGOING.search(low))
    exceed = bool(_EXCEED.search(low))
    pos = bool(_POS.search(low)) or exceed
    if neg and pos:
        strong_neg = _strong(_NEG, low)
        strong_pos = _strong(_POS, low) or _strong(_EXCEED, low)
        if strong_neg == strong_pos:
            r.notes.append("Kết quả ghi cả 'đạt' và 'không đạt': không dựa vào lời")
            return
        neg, pos, exceed = strong_neg, strong_pos, exceed and strong_pos
    if neg:
        r.word = "khong_dat"
    elif ongoing:
        r.word = "dang_thuc_hien"
    elif exceed:
        r.word = "vuot"
    elif pos:
        r.word = "dat"


def _pick_value(
    r: Result,
    raw: str,
    low: str,
    cands: list[tuple[int, Num]],
    target: Target | None,
    nums: list[Num],
) -> None:
    pct = target is not None and target.unit == "%"
    chosen = cands[0][1]
    if pct or target is None:
        for _, n in cands:
            if n.percent or n.denominator:
                chosen = n
                break
    if target is not None and target.kind in _CHANGE_KINDS:
        # "1,8% (giảm 0,9%)" against "giảm 0,8-1%": the change answers the target
        for _, n in cands:
            if (n.percent or n.denominator or not chosen.percent) and _CHANGE_BEFORE.search(
                low[max(0, n.start - 25) : n.start]
            ):
                chosen = n
                break
    if len(cands) > 1:
        r.notes.append("Kết quả có nhiều số: lấy '" + chosen.raw + "'")
        r.confidence = weakest(r.confidence, LIKELY)
    before = low[max(0, chosen.start - 25) : chosen.start]
    if _APPROX.search(before):
        r.approximate = True
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append("Số ước tính")
        r.nearly = bool(_NEARLY.search(before))
    ch = _CHANGE_BEFORE.search(before)
    if ch:
        r.change = "decrease" if ch.group(1) == "giảm" else "increase"
    elif _LEVEL_BEFORE.search(before):
        r.change = "level"
    r.decimals = decimals_of(chosen.raw)
    if chosen.denominator:
        _ratio_value(r, chosen, target, raw)
    else:
        r.value = chosen.value
        word = unit_after(raw, chosen.end)
        r.unit = (
            "%" if chosen.percent else (f"{chosen.scale} {word}".strip() if chosen.scale else word)
        )
        if pct and not r.unit and chosen.value <= 100:
            r.unit = "%"
            _fraction_to_percent(r, target)
    if (
        target is not None
        and target.kind in _CHANGE_KINDS
        and chosen.percent
        and not r.change
        and _OF_BASE_BEFORE.search(before)
        and _OF_BASE_AFTER.match(low[chosen.end : chosen.end + 30])
    ):
        r.change = "increase" if chosen.value >= 100 else "decrease"
        r.value = abs(chosen.value - 100)
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append(f"Bằng {_num_text(chosen.value)}% so với kỳ trước: "
                       f"thay đổi {_num_text(round(r.value, 6))}%")
    if chosen.ambiguous and not (chosen.percent and (chosen.alternative or 0) > 1000):
        r.notes.append(f"Số '{chosen.raw}' có thể dùng dấu phẩy hàng nghìn: chưa chắc chắn")
        r.confidence = weakest(r.confidence, LIKELY if chosen.scale else UNCERTAIN)


def _ratio_value(r: Result, n: Num, target: Target | None, raw: str) -> None:
    assert n.denominator is not None
    r.numerator, r.denominator = n.value, n.denominator
    count_unit = unit_after(raw, n.end)
    # a count out of a total against a count ("giảm 2/3 tiêu chí" for "giảm cả 3 tiêu chí")
    unitless_count = bool(
        target is not None
        and target.unit == ""
        and target.kind not in ("ratio", "qualitative", "unknown", "composite")
        and (n.denominator in target.bounds() or target.kind in _CHANGE_KINDS)
    )
    if target is not None and (
        (target.unit not in ("%", "") and target.kind != "ratio") or unitless_count
    ):
        bounds = target.bounds()
        r.value = n.value
        r.unit = target.unit
        if n.denominator not in bounds:
            r.notes.append("Tỷ số a/b: lấy a là kết quả")
            r.confidence = weakest(r.confidence, LIKELY)
        return
    r.value = n.value / n.denominator * 100
    r.unit = "%"
    r.decimals = None
    r.notes.append(
        f"{_num_text(n.value)}/{_num_text(n.denominator)} {count_unit}".strip()
        + f" = {r.value:.2f}%".replace(".", ",")
    )
