"""Judging a result against a target: the verdict and the % of plan.

Verdicts: ``vuot`` (achieved and strictly better than the target's best bound: above the
upper end of a range, above the value of "100%"… so a result above a strict bound
"> 93%" is ``vuot``), ``dat`` (achieved; a result exactly at an inclusive bound achieves
it), ``khong_dat``, ``dang_thuc_hien`` (a quarter, half-year or nine-month result short of
the annual target: progress, not failure), ``chua_co_so_lieu`` (no result) and
``khong_xac_dinh`` (cannot be judged, e.g. a number against a qualitative target).

% of plan (not capped): result/target when higher is better, target/result when lower is
better, achieved change / target change for "giảm X"/"tăng X". The reference of a range
is its lower bound when higher is better (the minimum to reach) and its upper bound when
lower is better; a result of 0 against a ceiling counts as 100. Word-only results and
qualitative targets give no %. A composite target is judged part by part: achieved only
when every part is; its % is the mean of the parts'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from qmo_excel.judge.compare import compare_value, reconcile_units
from qmo_excel.judge.direction import LOWER
from qmo_excel.judge.levels import LIKELY, UNCERTAIN, weakest
from qmo_excel.judge.normalize import fold
from qmo_excel.judge.results import Result
from qmo_excel.judge.targets import Target

VERDICTS = ("vuot", "dat", "khong_dat", "dang_thuc_hien", "chua_co_so_lieu", "khong_xac_dinh")
PERIODS = ("q1", "q2", "h1", "q3", "m9", "q4", "year")
_PERIOD_WORDS = {
    "q1": ("quý i", "quý 1", "quarter i", "quarter 1", "i"),
    "q2": ("quý ii", "quý 2", "quarter ii", "quarter 2", "ii"),
    "h1": (
        "6 tháng",
        "6 tháng đầu năm",
        "sáu tháng",
        "06 tháng",
        "half year",
        "half-year",
        "h1",
        "first half",
    ),
    "q3": ("quý iii", "quý 3", "quarter iii", "quarter 3", "iii"),
    "m9": ("9 tháng", "09 tháng", "chín tháng", "nine months", "9 months"),
    "q4": ("quý iv", "quý 4", "quarter iv", "quarter 4", "iv"),
    "year": ("năm", "cả năm", "12 tháng", "year", "annual", "full year", ""),
}


def parse_period(value: str | None) -> str:
    """A period code from a code or a Vietnamese/English label (raises ValueError)."""
    key = fold(value or "").replace("_", " ")
    for code, words in _PERIOD_WORDS.items():
        if key == code or key in words:
            return code
    raise ValueError(f"unknown period: {value!r}")


@dataclass
class Judgement:
    verdict: str
    percent_of_plan: float | None
    confidence: str
    notes: list[str] = field(default_factory=list)
    parts: list[Judgement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "percent_of_plan": self.percent_of_plan,
            "confidence": self.confidence,
            "notes": list(self.notes),
            "parts": [p.to_dict() for p in self.parts],
        }


def judge(target: Target, result: Result | None, *, period: str = "year") -> Judgement:
    """The verdict of ``result`` against ``target`` for a reporting ``period``."""
    notes: list[str] = []
    try:
        code = parse_period(period)
    except ValueError:
        code = "year"
        notes.append(f"Không hiểu kỳ báo cáo '{period}': coi là cả năm")
    if result is None:
        return Judgement("chua_co_so_lieu", None, target.confidence, ["Chưa có kết quả"])
    if target.kind == "composite" and target.parts:
        j = _judge_composite(target, result)
    else:
        j = _judge_one(target, result)
    j.notes[:0] = notes
    if code != "year":
        _in_progress(j, result, code, rate="%" in target.unit, events=_counts_events(target))
    return j


# Units of events that add up over the year (accidents, late files, complaints): a count
# already over its annual ceiling at mid-year cannot come back under it.
# ("02 lần/quý" over "không quá 01 lần/quý" is a quarter already over its ceiling too.)
_EVENT_UNITS = re.compile(
    r"^(?:vụ|hồ sơ|đơn|đơn thư|trường hợp|ca|lượt|lần|sự cố|sai sót|cuộc|vi phạm)(?:\s|/|$)"
)


def _counts_events(t: Target) -> bool:
    parts = t.parts or [t]
    return t.direction == LOWER and all(
        p.direction == LOWER
        and p.kind in ("at_most", "less_than", "exact", "range")
        and bool(_EVENT_UNITS.match(p.unit.lower()))
        for p in parts
    )


def _in_progress(
    j: Judgement, result: Result, code: str, *, rate: bool, events: bool = False
) -> None:
    for p in j.parts:
        _in_progress(p, result, code, rate=rate, events=events)
    if events and j.verdict in ("vuot", "dat"):
        j.confidence = weakest(j.confidence, LIKELY)
        j.notes.append("Số việc xảy ra trong kỳ còn dưới mức tối đa cả năm: cần xem lại khi "
                       "có số liệu cả năm")
    if j.verdict != "khong_dat":
        return
    if result.word == "khong_dat" and result.value is None and "không" in fold(result.text):
        return
    if events and result.value is not None:
        j.notes.append("Số việc xảy ra đã vượt mức tối đa cả năm: không đạt dù chưa hết năm")
        return
    j.verdict = "dang_thuc_hien"
    j.notes.append("Kết quả giữa năm so với chỉ tiêu cả năm: đang thực hiện, chưa phải không đạt")
    if rate:
        # A rate (on-time files, coverage) is a level, not an amount that adds up over the
        # year: a mid-year rate below the target may already be a shortfall.
        j.confidence = weakest(j.confidence, LIKELY)
        j.notes.append("Chỉ tiêu là tỷ lệ: mức giữa năm có thể đã cho thấy chưa đạt, "
                       "cần xem lại khi có số liệu cả năm")


def _word_judgement(t: Target, r: Result, conf: str, notes: list[str]) -> Judgement:
    assert r.word is not None
    return Judgement(r.word, None, conf, [*notes, "Theo đánh giá bằng lời của kết quả"])


def _judge_one(t: Target, r: Result) -> Judgement:
    conf = weakest(t.confidence, r.confidence)
    notes: list[str] = []
    if t.kind == "unknown":
        return Judgement("khong_xac_dinh", None, UNCERTAIN, ["Không đọc được chỉ tiêu"])
    if t.kind == "qualitative":
        graded = _grade_judgement(t, r, conf)
        if graded:
            return graded
        if r.word:
            return _word_judgement(t, r, conf, notes)
        guess = _qualitative_guess(t, r)
        if guess:
            return Judgement(guess[0], None, weakest(conf, LIKELY), [guess[1]])
        return Judgement(
            "khong_xac_dinh",
            None,
            UNCERTAIN,
            ["Chỉ tiêu định tính nhưng kết quả không ghi Đạt/Không đạt"],
        )
    t, r, extra = reconcile_units(t, r)
    notes.extend(extra.notes)
    conf = weakest(conf, extra.confidence)
    if extra.incompatible:
        if r.word:
            return _word_judgement(t, r, weakest(conf, LIKELY), notes)
        return Judgement("khong_xac_dinh", None, UNCERTAIN, notes)
    outcome = compare_value(t, r)
    notes.extend(outcome.notes)
    conf = weakest(conf, outcome.confidence)
    if outcome.verdict is None:
        if r.word:
            return _word_judgement(t, r, weakest(conf, LIKELY), notes)
        return Judgement("khong_xac_dinh", None, UNCERTAIN, notes or ["Không so sánh được"])
    if r.word and _disagrees(r.word, outcome.verdict):
        notes.append(f"Kết quả tự ghi '{_WORD_LABEL[r.word]}' khác với kết quả tính được")
        conf = weakest(conf, LIKELY)
    return Judgement(outcome.verdict, outcome.percent, conf, notes)


# Ranked results of a rating or an emulation title: "Hoàn thành xuất sắc nhiệm vụ" >
# "Hoàn thành tốt" > "Hoàn thành"; "Lao động xuất sắc" > "Lao động tiên tiến"; Tốt > Khá.
_RATED = r"(?:xếp loại|loại|mức|đạt|lao động|tập thể|hoàn thành)\s+"
_GRADES = [
    (re.compile(r"\b(?:không|chưa)\s+hoàn thành|\b" + _RATED + r"(?:yếu|kém)\b"), 0),
    (re.compile(r"\b" + _RATED + r"xuất sắc\b|\bchiến sĩ thi đua\b"), 4),
    (re.compile(r"\b" + _RATED + r"(?:tốt|tiên tiến)\b"), 3),
    (re.compile(r"\b" + _RATED + r"khá\b"), 2),
    (re.compile(r"\b" + _RATED + r"trung bình\b|^hoàn thành\s+nhiệm vụ\b"), 1),
]
# A bare "Hoàn thành" may be the lowest rating or just "done": not sure against a rating.
_BARE_DONE = re.compile(r"^(?:đã\s+)?hoàn thành\W*$")


def _grade(text: str) -> int | None:
    low = fold(text)
    for pattern, rank in _GRADES:
        if pattern.search(low):
            return rank
    return None


def _grade_judgement(t: Target, r: Result, conf: str) -> Judgement | None:
    """A rating against a rating: "Hoàn thành tốt nhiệm vụ" does not reach "… xuất sắc"."""
    if r.value is not None or r.word in ("khong_dat", "dang_thuc_hien"):
        return None
    want, got = _grade(t.text), _grade(r.text)
    if want is not None and want > 1 and got is None and _BARE_DONE.match(fold(r.text)):
        return Judgement("dat", None, weakest(conf, LIKELY),
                         ["Kết quả chỉ ghi 'Hoàn thành', chỉ tiêu là một mức xếp loại: "
                          "chưa chắc đạt mức đó"])
    if want is None or got is None or want == got:
        return None
    verdict = "vuot" if got > want else "khong_dat"
    return Judgement(verdict, None, weakest(conf, LIKELY),
                     ["Theo mức xếp loại ghi trong kết quả so với chỉ tiêu"])


_DOWN = re.compile(r"(?<!không )(?<!chưa )\bgiảm\b")
_UP = re.compile(r"(?<!không )(?<!chưa )\btăng\b")


# "Không có hồ sơ quá hạn", "Không để xảy ra …": none is the target.
_NONE_WANTED = re.compile(r"^(?:không|không có|không để|không để xảy ra|không để phát sinh)\s")
# "Đạt và vượt dự toán", "Hoàn thành kế hoạch": the plan itself is the target.
_MEET_PLAN = re.compile(r"\b(?:đạt|vượt|hoàn thành)\b.*\b(?:kế hoạch|dự toán|chỉ tiêu)\b")


def _qualitative_guess(t: Target, r: Result) -> tuple[str, str] | None:
    """A likely verdict for a qualitative target from the result's wording."""
    rt, tt = fold(r.text).strip(" .;"), fold(t.text).strip(" .;")
    if rt and rt == tt:
        return "dat", "Kết quả ghi đúng như chỉ tiêu"
    if r.value == 0 and t.direction == LOWER and not r.numerator:
        return "dat", "Không xảy ra: đạt chỉ tiêu giảm/không để xảy ra"
    if r.value and r.value > 0 and r.unit != "%" and _NONE_WANTED.search(tt):
        return "khong_dat", "Chỉ tiêu không để xảy ra nhưng kết quả ghi có xảy ra"
    if r.percent_of_plan_stated is not None and r.value is None and _MEET_PLAN.search(tt):
        met = r.percent_of_plan_stated >= 100
        return ("dat" if met else "khong_dat"), "Theo % kế hoạch đã ghi trong kết quả"
    down, up = bool(_DOWN.search(rt)), bool(_UP.search(rt))
    if down != up:
        good = down == (t.direction == LOWER)
        return ("dat" if good else "khong_dat"), "Theo chiều tăng/giảm ghi trong kết quả"
    return None


_WORD_LABEL = {
    "vuot": "Vượt",
    "dat": "Đạt",
    "khong_dat": "Không đạt",
    "dang_thuc_hien": "Đang thực hiện",
}


def _disagrees(word: str, verdict: str) -> bool:
    good = {"vuot", "dat"}
    return (word in good) != (verdict in good)


def _judge_composite(t: Target, r: Result) -> Judgement:
    parts = t.parts
    notes: list[str] = []
    pairs: list[tuple[Target, Result]]
    if len(r.parts) == len(parts):
        pairs = list(zip(parts, r.parts, strict=True))
    elif r.value is not None or r.percent_of_plan_stated is not None:
        part, clear = _best_part(parts, r)
        pairs = [(part, r)]
        notes.append(f"Kết quả chỉ so được với chỉ tiêu '{part.text}'")
        if not clear:
            notes.append("Không rõ kết quả ứng với chỉ tiêu nào trong ô")
    elif r.word:
        return Judgement(
            r.word,
            None,
            weakest(t.confidence, r.confidence, LIKELY),
            ["Theo đánh giá bằng lời của kết quả"],
        )
    else:
        return Judgement("khong_xac_dinh", None, UNCERTAIN, ["Không so sánh được"])
    judged = [_judge_one(p, x) for p, x in pairs]
    cumulative = _early_and_on_time(pairs)
    if cumulative is not None:
        verdict, note, pct = cumulative
        return Judgement(verdict, pct, weakest(t.confidence, r.confidence, LIKELY),
                         [*notes, note], judged)
    verdicts = [j.verdict for j in judged]
    if "khong_dat" in verdicts:
        verdict = "khong_dat"
    elif "khong_xac_dinh" in verdicts:
        verdict = "khong_xac_dinh"
    elif all(v == "vuot" for v in verdicts):
        verdict = "vuot"
    else:
        verdict = "dat"
    pcts = [j.percent_of_plan for j in judged if j.percent_of_plan is not None]
    pct = sum(pcts) / len(pcts) if pcts else None
    conf = weakest(t.confidence, r.confidence, *(j.confidence for j in judged))
    if len(pairs) < len(parts):
        conf = weakest(
            conf,
            LIKELY if "Không rõ kết quả ứng với chỉ tiêu nào trong ô" not in notes else UNCERTAIN,
        )
    return Judgement(verdict, pct, conf, notes, judged)


_EARLY = re.compile(r"\btrước hạn\b")
_ON_TIME = re.compile(r"\bđúng hạn\b")


def _early_and_on_time(pairs: list[tuple[Target, Result]]
                       ) -> tuple[str, str, float | None] | None:
    """ "trước hạn 40%, đúng hạn 60%" against "trước hạn 45%, đúng hạn 55%": files done
    early are on time too, so the shares add up: early ≥ its target and early + on time ≥
    theirs achieves it (a shift from on time to early is better, not worse)."""
    if len(pairs) != 2:
        return None
    shares: dict[str, tuple[float, float]] = {}
    for tp, rp in pairs:
        text = fold(tp.text)
        key = "early" if _EARLY.search(text) else "on_time" if _ON_TIME.search(text) else ""
        low = tp.low if tp.kind in ("exact", "at_least", "more_than", "range") else None
        if not key or key in shares or low is None or rp.value is None or "%" not in (
                tp.unit + rp.unit):
            return None
        shares[key] = (low, rp.value)
    (te, re_), (to, ro) = shares["early"], shares["on_time"]
    eps = 1e-9
    pct = (re_ + ro) / (te + to) * 100 if te + to > 0 else None
    if re_ + eps >= te and re_ + ro + eps >= te + to:
        better = re_ > te + eps or re_ + ro > te + to + eps
        return ("vuot" if better else "dat",
                "Hồ sơ trước hạn cũng là đúng hạn: so sánh cộng dồn (trước hạn; trước hạn + "
                "đúng hạn)", pct)
    return ("khong_dat", "Hồ sơ trước hạn cũng là đúng hạn: so sánh cộng dồn (trước hạn; "
            "trước hạn + đúng hạn) cho thấy chưa đạt", pct)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", fold(text)) if len(w) > 1}


def _best_part(parts: list[Target], r: Result) -> tuple[Target, bool]:
    """The part a single result answers, and whether that choice is clear."""
    shared = [len(_words(p.text) & _words(r.text)) for p in parts]
    best = max(shared)
    if best and shared.count(best) == 1:
        return parts[shared.index(best)], True
    chosen = _best_part_by_kind(parts, r)
    clear = (
        sum(
            1
            for p in parts
            if (p.unit == "%") == (chosen.unit == "%")
            and (p.kind in ("decrease_by", "increase_by"))
            == (chosen.kind in ("decrease_by", "increase_by"))
        )
        == 1
    )
    return chosen, clear


def _best_part_by_kind(parts: list[Target], r: Result) -> Target:
    want_change = {"decrease": "decrease_by", "increase": "increase_by"}.get(r.change)
    same_unit = [p for p in parts if (p.unit == "%") == (r.unit == "%")] or parts
    if want_change:
        for p in same_unit:
            if p.kind == want_change:
                return p
    for p in same_unit:
        if p.kind not in ("decrease_by", "increase_by"):
            return p
    return same_unit[0]


def with_direction(target: Target, direction: str) -> Target:
    """A copy of ``target`` judged the other way (used by tests and what-if views)."""
    return replace(
        target, direction=direction, parts=[with_direction(p, direction) for p in target.parts]
    )
