"""Reading a target cell into a typed ``Target``.

Percentages are percent numbers (95 for "95%"). Amounts keep the scale word in the unit
("1.100 tỷ đồng" -> low 1100, unit "tỷ đồng"). A number passed as ``float``/``int`` (an
Excel cell) is read as written: 0.95 stays 0.95 (the judge reconciles a 0-1 fraction with
a percent result, marking the verdict likely). A cell with several targets is
``composite``: its ``parts`` are the targets, and low/high/unit/direction are the first
part's. A ratio "31/38 trường" has low = 81.58 (%), numerator 31, denominator 38; with a
stated rate ("31/38 trường, tỷ lệ 81,6%") low is the stated rate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from qmo_excel.judge.direction import HIGHER, LOWER, from_indicator, parse_direction
from qmo_excel.judge.levels import CERTAIN, LIKELY, UNCERTAIN, weakest
from qmo_excel.judge.normalize import fold, normalize
from qmo_excel.judge.numbers import Num, is_finite, quantities, scan
from qmo_excel.judge.plan import PLAN_PHRASE, is_plan_reference
from qmo_excel.judge.progress import measure_of, period_in
from qmo_excel.judge.segments import split_segments
from qmo_excel.judge.wording import (
    AFTER_AT_LEAST,
    AFTER_AT_MOST,
    BEFORE,
    HIGHER_WORDS,
    LOWER_WORDS,
    RANGE_JOIN,
    decimals_of,
    unit_after,
)


@dataclass
class Target:
    text: str
    kind: str
    low: float | None = None
    high: float | None = None
    unit: str = ""
    direction: str = HIGHER
    confidence: str = CERTAIN
    parts: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numerator: float | None = None
    denominator: float | None = None
    count_unit: str = ""  # "trường" in "31/38 trường"
    relative: bool = False  # a change relative to an unknown base ("vượt chỉ tiêu giao 5-10%")
    decimals: int | None = None  # decimals shown in the bound ("81,6" -> 1)
    from_cell_number: bool = False  # given as a number (an Excel cell), not as text
    measure: str = ""  # "level" (a rate, a share, per capita) or "cumulative" (adds up)
    period: str = ""  # the part of the year the target is for ("h1" for "6 tháng: 50%")
    said: str = ""  # the direction the wording says ("giảm còn 15-16%": lower is better)
    growth: bool = False  # a growth rate to reach ("tăng trưởng kinh tế 7-8%")
    indicator: str = ""  # the indicator's name (folded) the target was read for
    rate: bool = False  # the indicator is a rate or a share ("Tỷ lệ …", a "%" target)
    of_plan: bool = False  # a share of the plan to reach: "50% dự toán", "100% kế hoạch"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "direction": self.direction,
            "confidence": self.confidence,
            "parts": [p.to_dict() for p in self.parts],
            "notes": list(self.notes),
            "numerator": self.numerator,
            "denominator": self.denominator,
            "relative": self.relative,
            "measure": self.measure,
            "period": self.period,
            "of_plan": self.of_plan,
        }

    def bounds(self) -> list[float]:
        return [b for b in (self.low, self.high) if b is not None]


_COMPARATOR_DIRECTION = {
    "at_least": HIGHER,
    "more_than": HIGHER,
    "increase_by": HIGHER,
    "at_most": LOWER,
    "less_than": LOWER,
    "decrease_by": LOWER,
}
_PERCENTISH = re.compile(r"tỷ lệ|tỉ lệ|tốc độ|độ che phủ|phần trăm|%")
_INDICATOR_DECREASE = re.compile(r"giảm(?:\s+(?:so với|bình quân|hằng năm|hàng năm).*)?\s*:?\s*$")
# "Tỷ lệ giảm nghèo", "Giảm tỷ lệ hộ nghèo", "Kéo giảm tai nạn giao thông": the indicator
# names the reduction of something bad, so a plain number is how much to reduce it by.
_INDICATOR_REDUCE = re.compile(r"\bgiảm(?:\s+thiểu)?\s+(?!còn|xuống|về|mức|so với)(\S.*)")
_INDICATOR_INCREASE = re.compile(r"\btăng(?:\s+(?:so với|bình quân|hằng năm|hàng năm).*)?\s*:?\s*$")


TargetCell = str | float | int | date | None


def read_target(text: TargetCell, *, indicator: str = "", unit: str = "",
                direction: str | None = None) -> Target:
    """Read a target cell (see the module docstring for the conventions).

    Readings are memoised: a round repeats the same assigned targets and indicator names
    in every unit's return. The caller gets its own copy, free to change.
    """
    try:
        return _copy(_read_cached(text, indicator, unit, direction))
    except TypeError:  # an unhashable value: read it without the cache
        return _read_target(text, indicator, unit, direction)


def _copy(t: Target) -> Target:
    return replace(t, parts=[_copy(p) for p in t.parts], notes=list(t.notes))


def _read_target(text: TargetCell, indicator: str, unit: str, direction: str | None
                 ) -> Target:
    notes: list[str] = []
    explicit: str | None = None
    try:
        explicit = parse_direction(direction)
    except ValueError:
        notes.append(f"Không hiểu chiều đánh giá '{direction}': bỏ qua")
    ind = fold(indicator)
    if isinstance(text, date):
        t = Target(text.isoformat(), "unknown", confidence=UNCERTAIN, unit=unit, notes=notes)
        t.notes.append("Ô chỉ tiêu là ngày tháng: không đọc được")
        _set_direction(t, explicit, ind, "", None)
        return t
    if isinstance(text, (int, float)) and not is_finite(text):
        text = "#NUM!"  # no float holds it: an unreadable value, as Excel shows it
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value = float(text)
        t = Target(
            _num_text(value),
            "exact",
            low=value,
            high=value,
            unit=unit,
            notes=notes,
            from_cell_number=True,
        )
        t.notes.append("Ô số: đọc đúng giá trị đã ghi")
        _set_direction(t, explicit, ind, "", None)
        return _finish(t, indicator)
    raw = normalize(str(text)) if text is not None else ""
    if not raw:
        t = Target("", "unknown", confidence=UNCERTAIN, unit=unit, notes=notes)
        t.notes.append("Chưa có chỉ tiêu")
        _set_direction(t, explicit, ind, "", None)
        return t
    parts: list[Target] = []
    for seg in split_segments(raw):
        parts.extend(_read_clause(seg, ind, unit))
    parts = _merge_ratio_rate(parts)
    if _EXCEL_ERROR.match(raw):
        t = Target(raw, "unknown", confidence=UNCERTAIN, unit=unit, notes=notes)
        t.notes.append(f"Ô chỉ tiêu là lỗi công thức Excel ({raw.strip()}): hãy ghi mức cần "
                       "đạt, ví dụ \"trên 95%\"")
        _set_direction(t, explicit, ind, "", None)
        return t
    if not parts and is_plan_reference(fold(raw), ind):
        t = Target(raw, "plan", low=100.0, unit="% kế hoạch", notes=notes)
        t.notes.append("Chỉ tiêu là chính kế hoạch được giao: đánh giá theo % kế hoạch mà kết "
                       "quả ghi")
        _set_direction(t, explicit, ind, "", None)
        # (a unit column of "%" or "% KH" is the share of plan, not a rate)
        return _finish(t, indicator, "" if unit.strip().startswith("%") else unit)
    if not parts and _NONE_TARGET.search(fold(raw)):
        t = Target(raw, "at_most", low=None, high=0.0, unit="", notes=notes, said=LOWER)
        t.notes.append("Chỉ tiêu 'không để xảy ra/không còn': mức tối đa là 0")
        _set_direction(t, explicit, ind, fold(raw), LOWER)
        return _finish(t, indicator)
    if not parts and _REFERENCE.search(fold(raw)):
        t = Target(raw, "unknown", confidence=UNCERTAIN, unit=unit, notes=notes)
        t.notes.append("Chỉ tiêu chỉ dẫn chiếu tới nơi khác, không ghi mức cụ thể: hãy ghi "
                       "mức cần đạt, ví dụ \"trên 95%\", \"14-15%\", \"1.100 tỷ đồng\"")
        _set_direction(t, explicit, ind, "", None)
        return t
    if not parts:
        t = Target(raw, "qualitative", unit=unit, notes=notes)
        low = fold(raw)
        hint = LOWER if LOWER_WORDS.search(low) else HIGHER if HIGHER_WORDS.search(low) else None
        _set_direction(t, explicit, ind, low, hint)
        return _finish(t, indicator)
    for p in parts:
        hint = _COMPARATOR_DIRECTION.get(p.kind) or p.said or None
        _set_direction(p, explicit, ind, fold(p.text), hint)
        _finish(p, indicator)
    if len(parts) == 1:
        t = parts[0]
        t.text = raw
        t.notes[:0] = notes
        t.period = period_in(raw)
        return t
    first = parts[0]
    return _finish(Target(
        raw,
        "composite",
        low=first.low,
        high=first.high,
        unit=first.unit,
        direction=first.direction,
        confidence=weakest(*(p.confidence for p in parts)),
        parts=parts,
        notes=[*notes, f"Ô có {len(parts)} chỉ tiêu: đánh giá từng chỉ tiêu"],
    ), indicator)


def _finish(t: Target, indicator: str, unit: str | None = None) -> Target:
    """The target's measure (level or cumulative) and the period it names, if any."""
    t.measure = measure_of(indicator, t.text, t.unit if unit is None else unit, t.kind)[0]
    t.period = period_in(t.text)
    ind = _BULLET.sub("", fold(indicator))  # "1.1. Thu ngân sách", "- Tổng giá trị", "a) …"
    t.indicator = ind
    t.rate = t.unit in ("%", "‰") or bool(_RATE.search(ind))
    t.of_plan = t.unit == "%" and bool(_OF_PLAN.search(fold(t.text)))
    t.growth = t.unit == "%" and t.kind not in ("increase_by", "decrease_by", "ratio") and bool(
        _GROWTH.search(ind) or _GROWTH.search(fold(t.text))
        or (_AMOUNT.search(ind) and not _RATE.search(ind)))
    return t


_OF_PLAN = re.compile(rf"%\s*(?:so\s+(?:với\s+)?|của\s+)?{PLAN_PHRASE}")
_BULLET = re.compile(r"^(?:[\W\d_]*(?:[a-zđ]\)|[ivx]+\.)?\s*)?(?=\w)")
_GROWTH = re.compile(r"tăng trưởng|tốc độ tăng|tốc độ phát triển|tăng bình quân|mức tăng")
# An amount (money, output, a herd): a plain "%" target for it can only be a growth rate
_AMOUNT = re.compile(
    r"^(?:tổng|giá trị|sản lượng|doanh thu|kim ngạch|thu ngân sách|tổng thu|thu nội địa|tổng đàn"
    r"|đàn|tổng vốn|vốn đầu tư|tổng mức|grdp|gdp|tổng sản phẩm)\b"
)
_RATE = re.compile(r"tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|tỷ suất|tỉ suất|cơ cấu|chiếm|bình quân|tốc độ"
                   r"|tăng trưởng|bao phủ|che phủ|chỉ số|%|‰")


# "Không còn hộ nghèo", "Không để xảy ra cháy nổ lớn", "Không có hồ sơ trễ hạn": none at all.
_NONE_TARGET = re.compile(
    r"^(?:phấn đấu\s+|đảm bảo\s+)?(?:không còn|không để xảy ra|không để phát sinh|không để"
    r"|không phát sinh|không xảy ra|không có|không vi phạm|không bị)\s+(?!ngừng|chỉ\b)"
)


# A cell that points at a figure written elsewhere ("như năm trước", "theo kế hoạch") or
# holds a placeholder ("-", "x", "...", "chưa xác định") states no level to judge against.
_REFERENCE = re.compile(
    r"^\W*$|^(x|\?+|\.+|…|n/?a|không có|chưa (xác định|có|giao)|đang cập nhật)\W*$"
    r"|\b(như|bằng|giữ như|tương đương)\s+(năm|kỳ|cùng kỳ|kế hoạch|quý)\b"
    r"|^theo\s+(kế hoạch|chỉ tiêu|nghị quyết|quyết định|văn bản|quy định|hướng dẫn)\b"
    r"(?!.*\d)"
)


_read_cached = lru_cache(maxsize=16384)(_read_target)


# What Excel shows in a cell whose formula failed ("#REF!" after a deleted row).
_EXCEL_ERROR = re.compile(
    r"\s*#(REF!|N/A|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!)\s*$",
    re.IGNORECASE)


def _num_text(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _set_direction(t: Target, explicit: str | None, ind: str, low: str, hint: str | None) -> None:
    ind_dir, strength = from_indicator(ind)
    if not ind_dir and low:
        ind_dir, strength = from_indicator(low)
    if explicit:
        t.direction = explicit
        if hint and hint != explicit and t.kind not in ("decrease_by", "increase_by"):
            t.notes.append("Chiều đánh giá đã chọn ngược với cách ghi chỉ tiêu")
            t.confidence = weakest(t.confidence, LIKELY)
    elif hint:
        t.direction = hint
    elif ind_dir:
        t.direction = ind_dir
        t.notes.append(
            "Càng thấp càng tốt (theo tên chỉ tiêu)" if ind_dir == LOWER else "Theo tên chỉ tiêu"
        )
        if strength != "strong":
            t.confidence = weakest(t.confidence, LIKELY)
    else:
        t.direction = HIGHER


def _read_clause(seg: str, ind: str, unit_hint: str) -> list[Target]:
    """The targets of one clause: usually one, more when several rates follow each other."""
    nums = scan(seg)
    qs = quantities(nums)
    if not qs:
        return []
    low = seg.lower()
    main = qs[0]
    second: Num | None = None
    if len(qs) > 1 and not main.denominator and RANGE_JOIN.match(low[main.end : qs[1].start]):
        second = qs[1]
    last = second or main
    rest = [q for q in qs if q is not main and q is not second]
    out = [_one(seg, low, nums, main, second, ind, unit_hint)]
    extra = [q for q in rest if q.percent and (main.percent or main.denominator)]
    if extra:
        cut = extra[0].start
        prev = [n for n in nums if n.end <= cut]
        start = prev[-1].end if prev else 0
        out.extend(_read_clause(seg[start:].strip(" ,;:-"), ind, unit_hint))
    elif rest:
        out[0].notes.append(
            "Ô còn số khác ("
            + ", ".join(q.raw for q in rest)
            + "): coi là điều kiện, không phải chỉ tiêu"
        )
        out[0].confidence = weakest(out[0].confidence, LIKELY)
    del last
    return out


def _one(
    seg: str, low: str, nums: list[Num], main: Num, second: Num | None, ind: str, unit_hint: str
) -> Target:
    t = Target(seg, "exact")
    idx = nums.index(main)
    prev_end = nums[idx - 1].end if idx else 0
    before = low[prev_end : main.start]
    last = second or main
    after = low[last.end : last.end + 40]
    kind = ""
    for pattern, k in BEFORE:
        if pattern.search(before):
            kind = k
            break
    percent = main.percent or (second.percent if second else False)
    permille = main.permille or (second.permille if second else False)
    scale = (second.scale if second else "") or main.scale
    if main.denominator:
        t.kind = "ratio"
        t.numerator, t.denominator = main.value, main.denominator
        t.low = main.value / main.denominator * 100
        t.unit = "%"
        t.count_unit = unit_after(seg, last.end)
        t.decimals = None
    else:
        t.low = main.value
        t.decimals = decimals_of(main.raw)
        if second:
            t.kind = "range"
            t.high = second.value
            if t.high < t.low:
                t.low, t.high = t.high, t.low
                t.notes.append("Khoảng ghi ngược (lớn trước nhỏ sau)")
                t.confidence = LIKELY
        word = unit_after(seg, last.end)
        if percent:
            t.unit = "%"
        elif permille:
            t.unit = "‰"
        else:
            t.unit = (f"{scale} {word}".strip() if scale else word) or unit_hint
            if not t.unit and _PERCENTISH.search(ind) and (t.high or t.low) <= 100:
                t.unit = "%"
                t.notes.append("Không ghi '%': coi là tỷ lệ % theo tên chỉ tiêu")
                t.confidence = weakest(t.confidence, LIKELY)
    _apply_kind(t, kind, after, ind)
    if t.kind in ("at_most", "less_than"):
        t.low, t.high = None, t.low
    elif t.kind == "exact":
        t.high = t.low
    for n in (main, second):
        resolved = n is not None and n.percent and (n.alternative or 0) > 1000
        if n is not None and n.ambiguous and not resolved:
            t.notes.append(
                f"Số '{n.raw}' có thể là {_vn(n.alternative)} (dấu phẩy hàng nghìn) hoặc "
                f"{_vn(n.value)}: chưa chắc chắn"
            )
            t.confidence = weakest(t.confidence, LIKELY if n.scale else UNCERTAIN)
    return t


def _vn(v: float | None) -> str:
    if v is None:
        return "?"
    return (
        f"{v:,.3f}".rstrip("0")
        .rstrip(".")
        .replace(",", "\x00")
        .replace(".", ",")
        .replace("\x00", ".")
    )


def _apply_kind(t: Target, kind: str, after: str, ind: str) -> None:
    ranged = t.kind == "range"
    if kind in ("level_less", "level_most", "level_least"):
        t.notes.append("Mức cần đạt tới (không phải mức tăng/giảm)")
        t.said = HIGHER if kind == "level_least" else LOWER
        if not ranged:
            t.kind = {"level_less": "less_than", "level_most": "at_most"}.get(kind, "at_least")
        return
    if kind == "decrease_by":
        t.kind = "decrease_by"
        if not ranged and AFTER_AT_LEAST.match(after):
            t.notes.append("Giảm ít nhất mức này")
        return
    if kind == "increase_by":
        t.kind = "increase_by"
        return
    if kind == "exceed_by":
        t.kind = "increase_by"
        t.relative = True
        t.notes.append("Vượt so với chỉ tiêu được giao (tính theo % kế hoạch)")
        t.confidence = weakest(t.confidence, LIKELY)
        return
    if kind and kind != "from" and not ranged and t.kind != "ratio":
        t.kind = kind
        return
    if t.kind in ("exact", "ratio") and AFTER_AT_LEAST.match(after):
        t.kind = "at_least" if t.kind == "exact" else t.kind
        return
    if t.kind == "exact" and AFTER_AT_MOST.match(after):
        t.kind = "at_most"
        return
    if kind == "from" and t.kind == "exact":
        t.kind = "at_least"
        t.notes.append("'từ …' không có mức trên: coi là tối thiểu")
        t.confidence = weakest(t.confidence, LIKELY)
        return
    if t.kind in ("exact", "range") and ind:
        ind = _UNIT_TAIL.sub("", ind)  # "Tỷ lệ hộ nghèo giảm (%)": the unit is not the name
        if _INDICATOR_DECREASE.search(ind):
            t.kind = "decrease_by"
            t.notes.append("Tên chỉ tiêu ghi 'giảm': mức giảm cần đạt")
            t.confidence = weakest(t.confidence, LIKELY)
        elif _INDICATOR_INCREASE.search(ind):
            t.kind = "increase_by"
            t.notes.append("Tên chỉ tiêu ghi 'tăng': mức tăng cần đạt")
        elif _reduces_something_bad(ind):
            t.kind = "decrease_by"
            t.notes.append("Tên chỉ tiêu ghi 'giảm' một điều cần giảm: coi số ghi là mức giảm "
                           "(cũng có thể là mức cần đạt tới)")
            t.confidence = weakest(t.confidence, LIKELY)


# A unit in brackets at the end of an indicator's name: "(%)", "(‰)", "(tỷ đồng)", "(người)"
_UNIT_TAIL = re.compile(r"\s*\([^()]{1,25}\)\s*$")


def _reduces_something_bad(ind: str) -> bool:
    m = _INDICATOR_REDUCE.search(ind)
    return m is not None and from_indicator(m.group(1))[0] == LOWER


def _merge_ratio_rate(parts: list[Target]) -> list[Target]:
    """ "31/38 trường, tỷ lệ 81,6%" is one ratio target whose rate is stated."""
    out: list[Target] = []
    for p in parts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "ratio"
            and prev.numerator is not None
            and p.kind == "exact"
            and p.unit == "%"
            and p.low is not None
            and prev.low is not None
            and abs(p.low - prev.low) <= 1.0
        ):
            prev.low = p.low
            prev.decimals = p.decimals
            prev.text = f"{prev.text}, {p.text}"
            continue
        out.append(p)
    return out
