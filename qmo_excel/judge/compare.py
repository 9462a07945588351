"""The arithmetic of judging one target part against one result value."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from qmo_excel.judge.direction import LOWER
from qmo_excel.judge.levels import CERTAIN, LIKELY, weakest
from qmo_excel.judge.numbers import SCALES
from qmo_excel.judge.results import Result
from qmo_excel.judge.targets import Target


@dataclass
class Adjust:
    notes: list[str] = field(default_factory=list)
    confidence: str = CERTAIN
    incompatible: bool = False


@dataclass
class Outcome:
    verdict: str | None
    percent: float | None
    notes: list[str] = field(default_factory=list)
    confidence: str = CERTAIN


def split_scale(unit: str) -> tuple[float, str]:
    """ "tỷ đồng" -> (1e9, "đồng"); "nghìn tỷ đồng" -> (1e12, "đồng"); "ha" -> (1, "ha")."""
    words = unit.split(" ")
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) >= n and head in SCALES:
            return SCALES[head], " ".join(words[n:])
    return 1.0, unit


_split_scale = split_scale


def _same_base(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a.split("/")[0].split(" ")[0] == b.split("/")[0].split(" ")[0]


def reconcile_units(t: Target, r: Result) -> tuple[Target, Result, Adjust]:
    """Bring target and result to the same unit and scale, or say they cannot be."""
    a = Adjust()
    if r.value is None or t.relative:
        return t, r, a
    tu, ru = t.unit, r.unit
    bounds = t.bounds()
    if (
        t.from_cell_number
        and tu == "%"
        and bounds
        and max(bounds) <= 1.5
        and ru == "%"
        and r.value > 1.5
    ):
        t = replace(
            t,
            low=None if t.low is None else t.low * 100,
            high=None if t.high is None else t.high * 100,
        )
        a.notes.append("Chỉ tiêu ghi dạng phân số (0,95 = 95%)")
        a.confidence = LIKELY
    if (
        t.kind == "ratio"
        and t.denominator
        and t.count_unit
        and ru not in ("%", "")
        and _same_base(ru, t.count_unit)
    ):
        r = replace(r, value=r.value / t.denominator * 100, unit="%")
        a.notes.append(f"Kết quả tính trên tổng {t.denominator:g} {t.count_unit}")
        return t, r, a
    if tu == "%" or t.kind == "ratio":
        if r.value == 0 and ru != "%":
            r = replace(r, unit="%")
            a.notes.append("Kết quả bằng 0: coi là 0%")
        elif ru not in ("%", ""):
            a.notes.append(f"Kết quả tính bằng '{ru}', chỉ tiêu tính bằng %: không so sánh được")
            a.incompatible = True
        elif ru == "":
            r = replace(r, unit="%")
            a.notes.append("Kết quả không ghi '%': coi là %")
            a.confidence = LIKELY
        return t, r, a
    if ru == "%" and tu and t.kind not in ("increase_by", "decrease_by"):
        r = replace(r, percent_of_plan_stated=r.value, value=None, unit="")
        a.notes.append("Kết quả ghi % cho chỉ tiêu số lượng: coi là % kế hoạch")
        a.confidence = LIKELY
        return t, r, a
    t, r = _per_period(t, r, a)
    tu, ru = t.unit, r.unit
    if tu and ru and tu.lower() != ru.lower():
        ft, bt = _split_scale(tu)
        fr, br = _split_scale(ru)
        if _same_base(bt, br):
            if ft != fr and r.value is not None:
                r = replace(r, value=r.value * fr / ft, unit=tu)
                a.notes.append(f"Đổi kết quả từ '{ru}' sang '{tu}'")
        else:
            a.notes.append(f"Đơn vị khác nhau ('{tu}' và '{ru}'): so sánh số")
            a.confidence = LIKELY
    return t, r, a


# How many of each period a year holds: "01 lần/quý" is 4 a year.
_PER_YEAR = {"tháng": 12.0, "quý": 4.0, "năm": 1.0}


def _per(unit: str) -> tuple[str, str]:
    """ "lần/quý" -> ("lần", "quý"); "lần" -> ("lần", "")."""
    head, sep, tail = unit.lower().rpartition("/")
    return (head, tail.strip()) if sep and head else (unit.lower(), "")


def _per_period(t: Target, r: Result, a: Adjust) -> tuple[Target, Result]:
    """ "01 lần/quý" against "03 lần" (the year's total) or "12 lần/năm": both per year."""
    base_t, per_t = _per(t.unit)
    base_r, per_r = _per(r.unit)
    if not per_t or per_t == per_r or r.value is None or t.kind in ("ratio", "composite"):
        return t, r
    if base_r and not _same_base(base_t, base_r):
        return t, r
    ft, fr = _PER_YEAR.get(per_t), _PER_YEAR.get(per_r or "năm")
    if ft is None or fr is None or ft == fr:  # "tạ/ha", "bác sĩ/vạn dân": not a period
        return t, r
    t = replace(
        t,
        low=None if t.low is None else t.low * ft,
        high=None if t.high is None else t.high * ft,
        unit=f"{base_t}/năm",
    )
    r = replace(r, value=r.value * fr, unit=f"{base_t}/năm")
    a.notes.append(f"Chỉ tiêu tính theo '{per_t}', kết quả theo '{per_r or 'cả kỳ báo cáo'}': "
                   "quy về một năm để so sánh")
    a.confidence = weakest(a.confidence, LIKELY)
    return t, r


def _ref(t: Target) -> float | None:
    if t.kind in ("at_most", "less_than"):
        return t.high
    if t.kind == "range" and t.direction == LOWER:
        return t.high
    return t.low


def _lower(t: Target) -> bool:
    """A ceiling: a level where less is better (not a decrease to achieve)."""
    if t.kind in ("decrease_by", "increase_by"):
        return False
    return t.kind in ("at_most", "less_than") or t.direction == LOWER


def _eps(x: float) -> float:
    return 1e-9 * max(1.0, abs(x))


def compare_value(t: Target, r: Result) -> Outcome:
    out = Outcome(None, None)
    if t.relative:
        return _relative(t, r, out)
    ref = _ref(t)
    from_plan: float | None = None
    value = r.value
    if value is None:
        if ref is None:
            return out
        if r.percent_of_plan_stated is not None:
            stated = r.percent_of_plan_stated
            from_plan = stated
            if _lower(t) and stated > 0 and stated != 100:
                # the product's % of plan for a ceiling is target/result (see verdict.py), but
                # a unit may have meant result/target: not sure
                value = ref * 100 / stated
                out.confidence = LIKELY
                out.notes.append("Chỉ tiêu càng thấp càng tốt: % kế hoạch hiểu là chỉ tiêu/kết quả")
            elif t.of_plan:
                value = stated  # "50% dự toán" against "đạt 53% dự toán": the same measure
            else:
                value = ref * stated / 100
            out.notes.append(f"Từ tỷ lệ % kế hoạch đã ghi ({stated:g}%)")
            if t.kind == "range":
                out.confidence = LIKELY
        elif r.margin is not None:
            value = ref * (1 + r.margin / 100) if r.margin_kind == "relative" else ref + r.margin
            out.notes.append("Tính từ mức vượt/thiếu so với chỉ tiêu")
            out.confidence = LIKELY
        else:
            return out
        r = replace(r, value=value)
    if t.kind in ("decrease_by", "increase_by"):
        return _change(t, r, out)
    low, high = t.low, t.high
    v = r.value
    assert v is not None
    same_total = bool(
        t.kind == "ratio"
        and t.numerator is not None
        and t.denominator
        and r.denominator == t.denominator
    )
    if same_total and t.numerator is not None and t.denominator:
        low = t.numerator / t.denominator * 100
    shown = v
    if r.nearly and any(b is not None and abs(v - b) <= _eps(b) for b in (low, high)):
        v -= 1e-6 * max(1.0, abs(v))  # "gần 95%" is just under 95%: not "at least 95%"
        out.notes.append("'Gần' một mức là thấp hơn mức đó một chút")
    if r.above and any(b is not None and abs(v - b) <= _eps(b) for b in (low, high)):
        v += 1e-6 * max(1.0, abs(v))  # "hơn 90%" is just over 90%
        out.notes.append("'Hơn/trên' một mức là cao hơn mức đó một chút")
    achieved, exceeded = _compare(t.kind, t.direction, low, high, v)
    if achieved is None:
        return out
    if not achieved and from_plan is not None and abs(from_plan - 100) < 1e-9 and t.kind in (
        "more_than",
        "less_than",
    ):
        # "đạt 100% kế hoạch" says the plan was met, even when the plan is a strict bound
        achieved = True
        out.notes.append("Ghi 'đạt 100% kế hoạch' cho chỉ tiêu 'trên/dưới': coi là đạt")
        out.confidence = LIKELY
    if (
        not achieved
        and not same_total
        and r.denominator
        and t.decimals
        and _compare(t.kind, t.direction, low, high, round(v, t.decimals))[0]
    ):
        achieved = True
        out.notes.append(f"Làm tròn {v:.3f} như chỉ tiêu ({t.decimals} chữ số thập phân) thì đạt")
        out.confidence = LIKELY
    out.verdict = "vuot" if exceeded else "dat" if achieved else "khong_dat"
    if exceeded and t.kind in ("more_than", "less_than"):
        # "dưới 4%" reached with 3,1%: documents write "Đạt" as often as "Vượt"
        out.confidence = weakest(out.confidence, LIKELY)
        out.notes.append("Kết quả vượt qua mức 'trên/dưới' của chỉ tiêu: văn bản có thể ghi "
                         "'Đạt' hoặc 'Vượt'")
    out.percent = _percent(t.kind, t.direction, low, high, shown, achieved)
    return out


def _compare(
    kind: str, direction: str, low: float | None, high: float | None, v: float
) -> tuple[bool | None, bool]:
    lower = direction == LOWER
    if kind in ("exact", "ratio"):
        kind = "at_most" if lower else "at_least"
        low, high = (None, low if high is None else high) if lower else (low, None)
    if kind == "at_least" and low is not None:
        return v >= low - _eps(low), v > low + _eps(low)
    if kind == "more_than" and low is not None:
        ok = v > low + _eps(low)
        return ok, ok
    if kind == "at_most" and high is not None:
        return v <= high + _eps(high), v < high - _eps(high)
    if kind == "less_than" and high is not None:
        ok = v < high - _eps(high)
        return ok, ok
    if kind == "range" and low is not None and high is not None:
        if lower:
            return v <= high + _eps(high), v < low - _eps(low)
        return v >= low - _eps(low), v > high + _eps(high)
    return None, False


def _percent(
    kind: str, direction: str, low: float | None, high: float | None, v: float, achieved: bool
) -> float | None:
    lower = kind in ("at_most", "less_than") or (
        kind in ("exact", "ratio", "range") and direction == LOWER
    )
    if lower:
        ref = high if high is not None else low
        if ref is None:
            return None
        if v <= 0:
            return 100.0 if achieved else None
        return ref / v * 100
    if low is None or low == 0:
        return None
    return max(0.0, v / low * 100) if low > 0 else v / low * 100  # (-3,5% reaches 0%)


def _change(t: Target, r: Result, out: Outcome) -> Outcome:
    want = "decrease" if t.kind == "decrease_by" else "increase"
    assert r.value is not None
    if r.change == "level":
        out.notes.append("Kết quả ghi mức đạt tới (còn …), chỉ tiêu ghi mức tăng/giảm: "
                         "không so sánh được")
        return out
    if r.signed:
        d = r.value  # "-1,2%": the sign says which way
    elif r.change == want:
        d = r.value
    elif r.change:
        d = -r.value
        out.notes.append("Kết quả đi ngược chiều chỉ tiêu")
    else:
        d = r.value
        out.notes.append("Kết quả không ghi 'tăng/giảm': coi số ghi là mức thay đổi")
        out.confidence = weakest(out.confidence, LIKELY)
    bounds = [b for b in (t.low, t.high) if b is not None]
    if r.above and any(abs(d - b) <= _eps(b) for b in bounds):
        d += 1e-6 * max(1.0, abs(d))  # "giảm trên 4%" against "giảm 4%": just beyond it
        out.notes.append("'Hơn/trên' một mức là cao hơn mức đó một chút")
    elif r.nearly and any(abs(d - b) <= _eps(b) for b in bounds):
        d -= 1e-6 * max(1.0, abs(d))
        out.notes.append("'Gần' một mức là thấp hơn mức đó một chút")
    return _change_verdict(t, d, out)


def _change_verdict(t: Target, d: float, out: Outcome) -> Outcome:
    if t.low is None:
        return out
    best = t.high if t.high is not None else t.low
    achieved = d >= t.low - _eps(t.low)
    exceeded = d > best + _eps(best)
    out.verdict = "vuot" if exceeded else "dat" if achieved else "khong_dat"
    out.percent = max(0.0, d / t.low * 100) if t.low else None
    return out


def _relative(t: Target, r: Result, out: Outcome) -> Outcome:
    """ "Vượt chỉ tiêu giao 5-10%": the excess over the assigned plan, in %."""
    if r.percent_of_plan_stated is not None:
        d = r.percent_of_plan_stated - 100
    elif r.margin is not None and r.margin_kind in ("relative", "points"):
        d = r.margin
    elif r.value is not None and r.unit == "%" and r.value >= 50:
        d = r.value - 100
        out.notes.append("Coi kết quả là % so với chỉ tiêu được giao")
        out.confidence = LIKELY
    else:
        out.notes.append("Chỉ tiêu tính theo mức được giao: cần kết quả dạng % kế hoạch")
        return out
    return _change_verdict(t, d, out)
