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

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from qmo_excel.judge.direction import LOWER
from qmo_excel.judge.levels import CERTAIN, LIKELY, UNCERTAIN, weakest
from qmo_excel.judge.normalize import fold, normalize
from qmo_excel.judge.numbers import Num, is_finite, quantities, scan
from qmo_excel.judge.results_plan import read_plan
from qmo_excel.judge.results_ratio import (
    CHANGE_KINDS,
    ITEM_RE,
    fraction_to_percent,
    num_text,
    ratio_value,
)
from qmo_excel.judge.segments import split_segments
from qmo_excel.judge.subcounts import ITEM, SubCounts, read_subcounts
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
    above: bool = False  # "hơn 90%", "trên 90%": just over the figure written
    confidence: str = CERTAIN
    numerator: float | None = None
    denominator: float | None = None
    word: str | None = None  # "vuot" | "dat" | "khong_dat" | "dang_thuc_hien"
    word_strong: bool = False  # the word stands as a verdict ("Đạt, …", "86% (đạt)")
    margin: float | None = None  # signed: +0.3 for "vượt 0,3%", -5.25 for "thấp hơn 5,25%"
    margin_kind: str = ""  # "points" | "relative" | "units"
    change: str = ""  # "decrease" | "increase" ("giảm X" / "tăng X"); "level" ("còn X")
    decimals: int | None = None
    from_cell_number: bool = False
    notes: list[str] = field(default_factory=list)
    parts: list[Result] = field(default_factory=list)
    share_bound: str = ""  # "above" for "đạt hơn 101% kế hoạch", "below" for "gần 55%"
    share_plan: str = ""  # the words naming the plan of the stated share ("dự toán tỉnh giao")
    share_explicit: bool = True  # the plan is named, not only implied ("ước đạt 475 tỷ, đạt 103%")
    other_shares: list[float] = field(default_factory=list)  # shares of other plans
    margin_unit: str = ""  # "%" or the unit of a stated margin ("tỷ đồng")
    margin_sense: str = ""  # "good" ("vượt"), "bad" ("thiếu", "hụt") or "" (by direction)
    shortfall: bool = False  # "chỉ đạt", "mới đạt": the wording says it fell short
    subcounts: SubCounts | None = None  # "14/15 chỉ tiêu đạt", "có 02 chỉ tiêu không đạt"
    signed: bool = False  # the value was written with a sign ("(-3,5%)", "âm 2%")
    ratio_count: bool = False  # "5/7 phường" against the plan: a count, maybe out of a total
    plan_value: float | None = None  # the plan's own figure in the result ("nghị quyết là 33")
    plan_value_unit: str = ""
    share_period: str = ""  # the share is of a period's own plan ("đạt 95% kế hoạch 6 tháng")

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
            "share_plan": self.share_plan,
            "other_shares": list(self.other_shares),
            "subcounts": None if self.subcounts is None else {
                "met": self.subcounts.met, "total": self.subcounts.total,
                "missed": self.subcounts.missed, "exceeded": self.subcounts.exceeded,
                "all_met": self.subcounts.all_met},
        }


_EMPTY = re.compile(r"^(?:-+|\.+|x|n/?a|không có|chưa có|chưa có số liệu|chưa báo cáo|\?+|/)$")
_NONE_AT_ALL = re.compile(r"^(?:không|không có)\W*$")
_NO = re.compile(r"^(?:không|chưa|không có|chưa có|chưa làm|không làm)\W*$")
_NEG = re.compile(
    r"\b(?:không|chưa)\s+(?:đạt|hoàn thành|đảm bảo|thực hiện được|đủ|thực hiện|triển khai"
    r"|được công nhận|ban hành|tổ chức|xây dựng|có kết quả)"
    # "cơ bản đạt", "hoàn thành cơ bản": basically, i.e. not fully
    r"|\bcơ bản\s+(?:đạt|hoàn thành)|\b(?:đạt|hoàn thành)\s+cơ bản\b"
    r"|thấp hơn\s+(?:so\s+(?:với\s+)?)?(?:chỉ tiêu|kế hoạch|mục tiêu|dự toán|nghị quyết)"
    r"|\b(?:chưa|không)\s+có\s+(?:[^\W\d_]+\s+){0,5}?(?:nào\s+)?(?:được\s+)?(?:đạt|hoàn thành"
    r"|công nhận|được công nhận)\b"
)
_NEG_PLAIN = re.compile(r"\b(?:không|chưa)\s|thấp hơn")
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
# "hơn 90%", "trên 6.500 tỷ đồng": just over the figure
_ABOVE = re.compile(r"\b(?:hơn|trên|ngoài)(?:\s+(?:đạt|là|mức))?\s*$")
# "gần 95%", "xấp xỉ" is not: just under the figure
_NEARLY = re.compile(r"\b(?:gần|chưa đến|chưa tới|suýt)(?:\s+(?:đạt|là|mức))?\s*$")
_NOTHING = re.compile(
    r"^(?:không|chưa)\s+(?:có|để|để xảy ra|xảy ra|phát sinh|để phát sinh|ghi nhận)\b"
)
_CHANGE_BEFORE = re.compile(r"(giảm|tăng)(?:\s+(?:được|thêm))?\s*$")
# A level reached, not a change: "còn 1,8%", "giảm còn 1,8%", "giảm xuống 1,8%", "tăng lên 96%".
_LEVEL_BEFORE = re.compile(r"(?:\b(?:còn|xuống)|\b(?:tăng|nâng)\s+lên(?:\s+đến)?)\s*(?:mức\s*)?$")
# "đạt/bằng 108% so với cùng kỳ": the level as a % of last year's, i.e. a change of +8%.
_OF_BASE_BEFORE = re.compile(r"(?:đạt|bằng)\s*$")
_OF_BASE_AFTER = re.compile(r"^\s*so\s+(?:với\s+)?(?:cùng kỳ|ck\b|năm trước|kỳ trước|năm 20\d\d)")
_BASE_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:so\s+(?:với\s+)?|của\s+)(?:cùng kỳ|ck\b|năm trước|kỳ trước|năm 20\d\d"
    r"|năm 19\d\d|cùng thời điểm)"
)


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
    if isinstance(text, (int, float)) and not is_finite(text):
        text = "#NUM!"  # no float holds it: an unreadable value, as Excel shows it
    if isinstance(text, (int, float)):
        value = float(text)
        r = Result(
            num_text(value), value, unit=target.unit if target else "", from_cell_number=True
        )
        fraction_to_percent(r, target)
        return r
    raw = normalize(text)
    if (
        target is not None
        and target.direction == LOWER
        and target.kind not in CHANGE_KINDS
        and _NONE_AT_ALL.match(raw.lower())
    ):
        # "Không có" against a count to keep down (accidents, late files): none happened
        return Result(raw, 0.0, confidence=LIKELY, notes=["'Không có/không để xảy ra': coi là 0"])
    if (
        target is not None
        and target.kind in ("qualitative", "plan")
        and target.direction != LOWER
        and _NO.match(raw.lower())
    ):
        # "Không", "Chưa" against "Có", "Đạt chuẩn", "Ban hành quy chế": not done
        return Result(raw, word="khong_dat", confidence=LIKELY,
                      notes=["'Không/Chưa' cho chỉ tiêu có/không: chưa đạt"])
    if not raw or _EMPTY.match(raw.lower()):
        return None
    if (target is not None and _TRADE_DEFICIT.search(fold(target.indicator))
            and _SURPLUS.match(fold(raw)) and target.direction == LOWER):
        # "Xuất siêu" against a ceiling on the trade deficit: no deficit at all
        return Result(raw, 0.0, unit=target.unit, confidence=LIKELY,
                      notes=["'Xuất siêu': không nhập siêu, coi tỷ lệ nhập siêu là 0"])
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


_TRADE_DEFICIT = re.compile(r"\bnhập siêu\b")
_SURPLUS = re.compile(r"^\W*(?:đã\s+|có\s+)?xuất siêu\b(?![^\d]*\d)")
# "20 chỉ tiêu/21 chỉ tiêu": the counted noun on both sides of the slash, read as "20/21 chỉ tiêu"
_ITEM_BOTH = re.compile(rf"(?<![\d.,/])(\d{{1,3}})\s+({ITEM})\s*/\s*(\d{{1,3}})\s+{ITEM}",
                        re.IGNORECASE)


def _read_text(raw: str, target: Target | None) -> Result:
    r = Result(raw)
    raw = _ITEM_BOTH.sub(r"\1/\3 \2", raw)
    low = raw.lower()
    _read_words(r, low)
    nums = scan(raw)
    qs = quantities(nums)
    used = read_plan(r, low, qs, target)
    if ITEM_RE.search(low):
        r.subcounts = read_subcounts(low)
    r.shortfall = bool(_SHORTFALL.search(low))
    if not qs and _NONE_REACHED.search(low):
        # "chưa có xã đạt chuẩn", "không có phường nào đạt": none reached it
        r.value = 0.0
        r.word = "khong_dat"
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append("'Chưa có/không có … đạt': coi là 0, chưa đạt")
    elif not qs and _NOTHING.search(low) and r.word is None:
        r.value = 0.0
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append("'Không có/không để xảy ra': coi là 0")
    elif (
        not qs
        and _NOT_DONE.search(low)
        and target is not None
        and target.direction != LOWER
        and target.kind in _COUNT_KINDS
        and target.unit not in ("%", "‰")
    ):
        r.value = 0.0
        r.word = "khong_dat"
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append("'Chưa thực hiện/chưa triển khai': coi là 0")
    if r.word and not qs and len(low.split()) > 6:
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append("Đánh giá theo lời văn của kết quả")
    candidates = [(i, n) for i, n in enumerate(qs) if i not in used]
    if candidates:
        counted = r.subcounts is not None and subcounts_answer(target)
        _pick_value(r, raw, low, candidates, target, nums, counted=counted)
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
        and r.subcounts is None
    ):
        r.notes.append("Không đọc được kết quả")
        r.confidence = UNCERTAIN
    return r


_COUNT_KINDS = ("exact", "at_least", "more_than", "range")
_RATE_WORD = re.compile(r"(?:tỷ lệ|tỉ lệ|chiếm|đạt|bằng|là)\s*(?:khoảng|gần|hơn|trên)?\s*$")
_FROM = re.compile(r"\btừ\s*(?:mức\s*)?$")
_TO = re.compile(r"(?:xuống|lên|đến|tới|còn)(?:\s+(?:còn|mức))?\s*$")
# "chỉ đạt hơn 39.300 tấn", "mới đạt 6,58%": the wording says the figure fell short
_SHORTFALL = re.compile(r"\b(?:chỉ|mới|chỉ mới)\s+(?:đạt|bằng|được|có)\b")
# "Các chỉ tiêu kinh tế - xã hội", "Tổng số chỉ tiêu Nghị quyết": a group of indicators
GROUP = re.compile(rf"^(?:các|tổng số|số|toàn bộ|tất cả(?: các)?)\s+{ITEM}")
_GROUP = GROUP
# "chưa có xã đạt chuẩn", "không có phường nào đạt", "chưa có đơn vị nào được công nhận"
_NONE_REACHED = re.compile(
    r"\b(?:chưa|không)\s+có\s+(?:[^\W\d_]+\s+){0,5}?(?:nào\s+)?(?:được\s+)?(?:đạt|hoàn thành"
    r"|công nhận|được công nhận)\b"
)
_NOT_DONE = re.compile(
    r"^\W*(?:vẫn\s+)?(?:chưa|không)\s+(?:thực hiện|triển khai|tổ chức|ban hành|xây dựng|có kết quả)"
)


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
        r.word_strong = _strong(_NEG, low)
        if not _NEG_PLAIN.search(low):
            # only "cơ bản đạt", "hoàn thành cơ bản": short of fully achieved
            r.confidence = weakest(r.confidence, LIKELY)
            r.notes.append("'Cơ bản đạt/hoàn thành cơ bản': chưa đạt đầy đủ")
    elif ongoing:
        r.word = "dang_thuc_hien"
        r.word_strong = _strong(_ONGOING, low)
    elif exceed:
        r.word = "vuot"
        r.word_strong = _strong(_EXCEED, low)
    elif pos:
        r.word = "dat"
        r.word_strong = _strong(_POS, low)


def subcounts_answer(target: Target | None) -> bool:
    """Whether counts of sub-indicators answer ``target``: the plan, words, a number of
    indicators ("27 chỉ tiêu") or all of them ("100% chỉ tiêu")."""
    if target is None:
        return False
    if target.kind in ("plan", "qualitative"):
        return True
    if target.kind in ("composite", "unknown") or not (
            ITEM_RE.search(fold(target.text)) or _GROUP.search(target.indicator)):
        return False
    if target.unit == "%":
        return target.kind in ("exact", "at_least") and target.low == 100
    return target.unit in ("", "chỉ tiêu")


def _pick_value(
    r: Result,
    raw: str,
    low: str,
    cands: list[tuple[int, Num]],
    target: Target | None,
    nums: list[Num],
    *,
    counted: bool = False,
) -> None:
    """The figure of the result among its numbers (``counted``: counts of sub-indicators
    answer the target, so which number is the figure matters less)."""
    pct = target is not None and target.unit == "%"
    change_target = target is not None and (target.kind in CHANGE_KINDS or target.growth)
    if target is not None and not change_target and target.kind not in ("qualitative",
                                                                         "unknown"):
        # "bằng 84,6% so với cùng kỳ": a share of last year's figure is not the result
        kept = [(i, n) for i, n in cands
                if not (n.percent and _BASE_AFTER.match(low[n.end : n.end + 60]))]
        if not kept:
            ch = _CHANGE_BEFORE.search(low[max(0, cands[0][1].start - 25) : cands[0][1].start])
            if ch:
                r.change = "decrease" if ch.group(1) == "giảm" else "increase"
            return
        cands = kept
    chosen = cands[0][1]
    for k, (_, n) in enumerate(cands[:-1]):
        nxt = cands[k + 1][1]
        if _FROM.search(low[max(0, n.start - 12) : n.start]) and _TO.search(
                low[n.end : nxt.start]):
            # "giảm từ 25,19‰ năm 2001 xuống còn 20,2‰": the level reached is the result
            cands = [c for c in cands if c[1] is not n]
            break
    chosen = cands[0][1]
    if pct or target is None:
        for _, n in cands:
            if n.percent or n.denominator:
                chosen = n
                break
        if chosen.denominator and pct:
            # "giải quyết 1.456/1.625, trong đó đúng hạn 1.447 hồ sơ (tỷ lệ 99,4%)": the rate
            # the document states is the result; the ratio may count something else
            stated = [n for _, n in cands if n.percent and not n.denominator
                      and _RATE_WORD.search(low[max(0, n.start - 20) : n.start])]
            if stated:
                chosen = stated[0]
    if change_target:
        # "1,8% (giảm 0,9%)" against "giảm 0,8-1%": the change answers the target
        for _, n in cands:
            if (n.percent or n.denominator or not chosen.percent) and _CHANGE_BEFORE.search(
                low[max(0, n.start - 25) : n.start]
            ):
                chosen = n
                break
    if len(cands) > 1 and not counted:
        r.notes.append("Kết quả có nhiều số: lấy '" + chosen.raw + "'")
        r.confidence = weakest(r.confidence, LIKELY)
    before = low[max(0, chosen.start - 25) : chosen.start]
    if _APPROX.search(before):
        r.approximate = True
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append("Số ước tính")
        r.nearly = bool(_NEARLY.search(before))
        r.above = bool(_ABOVE.search(before))
    ch = _CHANGE_BEFORE.search(before)
    if ch:
        r.change = "decrease" if ch.group(1) == "giảm" else "increase"
    elif _LEVEL_BEFORE.search(before):
        r.change = "level"
    r.decimals = decimals_of(chosen.raw)
    if chosen.denominator:
        ratio_value(r, chosen, target, raw)
    else:
        r.value = chosen.value
        word = unit_after(raw, chosen.end)
        r.unit = (
            "%" if chosen.percent else "‰" if chosen.permille else (
                f"{chosen.scale} {word}".strip() if chosen.scale else word)
        )
        if pct and not r.unit and chosen.value <= 100:
            r.unit = "%"
            fraction_to_percent(r, target)
        if chosen.negative and r.value is not None:
            r.value = -r.value
            r.signed = True
            r.change = ""
            r.notes.append(f"Số âm: {num_text(r.value)}")
        elif r.change == "decrease" and target is not None and target.growth and r.value:
            # "giảm 1,2%" against a growth rate to reach: a growth of -1,2%
            r.value = -r.value
            r.signed = True
            r.change = ""
            r.notes.append(f"Giảm so với cùng kỳ: tăng trưởng âm ({num_text(r.value)})")
    if (
        target is not None
        and change_target
        and chosen.percent
        and not r.change
        and _OF_BASE_BEFORE.search(before)
        and _OF_BASE_AFTER.match(low[chosen.end : chosen.end + 30])
    ):
        r.change = "increase" if chosen.value >= 100 else "decrease"
        r.value = abs(chosen.value - 100)
        r.confidence = weakest(r.confidence, LIKELY)
        r.notes.append(f"Bằng {num_text(chosen.value)}% so với kỳ trước: "
                       f"thay đổi {num_text(round(r.value, 6))}%")
    if chosen.ambiguous and not (chosen.percent and (chosen.alternative or 0) > 1000):
        r.notes.append(f"Số '{chosen.raw}' có thể dùng dấu phẩy hàng nghìn: chưa chắc chắn")
        r.confidence = weakest(r.confidence, LIKELY if chosen.scale else UNCERTAIN)


