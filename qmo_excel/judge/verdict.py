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

from qmo_excel.judge.compare import compare_value, reconcile_units, split_scale
from qmo_excel.judge.direction import LOWER
from qmo_excel.judge.levels import LIKELY, UNCERTAIN, weakest
from qmo_excel.judge.normalize import fold
from qmo_excel.judge.plan import strict_plan
from qmo_excel.judge.progress import ELAPSED, LEVEL, same_period
from qmo_excel.judge.results import GROUP, Result, subcounts_answer
from qmo_excel.judge.subcounts import ITEM, SubCounts
from qmo_excel.judge.targets import Target

VERDICTS = ("vuot", "dat", "khong_dat", "dang_thuc_hien", "chua_co_so_lieu", "khong_xac_dinh")
PERIODS = ("m1", "m2", "q1", "m4", "m5", "q2", "h1", "m7", "m8", "q3", "m9", "m10", "m11",
           "q4", "year")
_PERIOD_WORDS = {
    "q1": ("quý i", "quý 1", "quarter i", "quarter 1", "i", "3 tháng", "3m"),
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
        "6m",
    ),
    "q3": ("quý iii", "quý 3", "quarter iii", "quarter 3", "iii"),
    "m9": ("9 tháng", "09 tháng", "chín tháng", "nine months", "9 months", "9m",
           "9 tháng đầu năm"),
    "m10": ("10 tháng", "mười tháng", "10 months", "ten months", "10m", "10 tháng đầu năm"),
    "m11": ("11 tháng", "mười một tháng", "11 months", "eleven months", "11m",
            "11 tháng đầu năm"),
    "q4": ("quý iv", "quý 4", "quarter iv", "quarter 4", "iv"),
    "year": ("năm", "cả năm", "12 tháng", "year", "annual", "full year", ""),
}


# "5 tháng", "5 tháng đầu năm", "5m": the first months of the year; "đến 31/10", "tính đến
# ngày 30/9": the months completed by that day.
_MONTHS = re.compile(r"^(\d{1,2})\s*(?:tháng(?:\s+đầu\s+năm)?|m|months?)$")
_UNTIL = re.compile(r"^(?:tính\s+)?(?:đến|tới|đến hết)\s+(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})"
                    r"(?:\s*/\s*\d{2,4})?$")
_MONTH_CODES = {3: "q1", 6: "h1", 9: "m9", 12: "year"}


def parse_period(value: str | None) -> str:
    """A period code from a code or a Vietnamese/English label (raises ValueError)."""
    key = fold(value or "").replace("_", " ")
    for code, words in _PERIOD_WORDS.items():
        if key == code or key in words:
            return code
    if key in PERIODS:
        return key
    months = None
    m = _MONTHS.match(key)
    if m:
        months = int(m.group(1))
    u = _UNTIL.match(key)
    if u and 1 <= int(u.group(2)) <= 12 and 1 <= int(u.group(1)) <= 31:
        day, month = int(u.group(1)), int(u.group(2))
        months = month if day >= 28 else month - 1  # the months completed by that day
    if months is not None and 1 <= months <= 12:
        return _MONTH_CODES.get(months, f"m{months}")
    raise ValueError(f"unknown period: {value!r}")


@dataclass
class Judgement:
    verdict: str
    percent_of_plan: float | None
    confidence: str
    notes: list[str] = field(default_factory=list)
    parts: list[Judgement] = field(default_factory=list)
    # part-year only: "dung_tien_do" | "cham_tien_do" | "nguy_co" (see progress.PROGRESS)
    progress: str | None = None
    basis: str = ""  # the reading that decided (see BASES), "" when none did
    elapsed: float | None = None  # the elapsed share of the year (%), part-year only

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "percent_of_plan": self.percent_of_plan,
            "confidence": self.confidence,
            "notes": list(self.notes),
            "parts": [p.to_dict() for p in self.parts],
            "progress": self.progress,
            "basis": self.basis,
            "elapsed": self.elapsed,
        }


# What decided a verdict: the family of the reading, with its labels (vi, en).
BASES: dict[str, tuple[str, str]] = {
    "share_of_plan": ("Tỷ lệ % kế hoạch ghi trong kết quả", "The share of plan the result states"),
    "margin": ("Mức vượt/thiếu so với kế hoạch ghi trong kết quả",
               "The margin over or under the plan the result states"),
    "ratio": ("Kết quả và chỉ tiêu ghi trong một tỷ số a/b",
              "Result and target written as one ratio a/b"),
    "subcounts": ("Số chỉ tiêu thành phần đạt/không đạt",
                  "The counts of sub-indicators achieved or not"),
    "negation": ("Không có/chưa có: coi là 0 hoặc chưa thực hiện",
                 "None, or not done: taken as zero"),
    "sign": ("Số âm (giảm) so với mức cần tăng", "A negative figure against a level to reach"),
    "value": ("So sánh số liệu với chỉ tiêu", "The figure compared with the target"),
    "change": ("Mức tăng/giảm so với mức tăng/giảm cần đạt",
               "The change compared with the change to achieve"),
    "word": ("Lời đánh giá ghi trong kết quả", "The verdict written in the result"),
    "rating": ("Mức xếp loại", "The rating"),
    "composite": ("Từng chỉ tiêu trong ô", "Each target of the cell"),
}


def basis_label(code: str, lang: str = "vi") -> str:
    """The label of a basis code ("" for "")."""
    if code not in BASES:
        return code
    return BASES[code][1 if lang == "en" else 0]


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
    target, direct = _for_period(target, code, notes)
    if code != "year" and not direct and same_period(result.share_period, code):
        direct = True  # "đạt 95% kế hoạch 6 tháng": the period's own plan
        notes.append("Kết quả ghi % kế hoạch của chính kỳ báo cáo: so sánh trực tiếp")
    if target.kind == "composite" and target.parts:
        j = _judge_composite(target, result)
    else:
        j = _judge_one(target, result)
    j.notes[:0] = notes
    if code != "year" and not direct:
        _in_progress(j, target, result, code)
    if j.verdict == "vuot" and _SPENDING.search(fold(target.indicator)):
        # spending over its estimate is not plainly better: never certain
        j.confidence = weakest(j.confidence, LIKELY)
        j.notes.append("Chi ngân sách vượt dự toán chưa chắc là tốt: cần xem lại")
    return j


_SPENDING = re.compile(r"\bchi (?:ngân sách|nsnn|nsđp|thường xuyên|đầu tư phát triển|cân đối)")


def _for_period(t: Target, code: str, notes: list[str]) -> tuple[Target, bool]:
    """The target to judge in ``code`` and whether it is for that period itself: a target
    for the period ("6 tháng: 50%") is judged directly; of "6 tháng: 50%; cả năm: 100%" the
    part for the period is, and in a year report the part for the year."""
    if code == "year":
        if t.kind == "composite" and any(p.period for p in t.parts):
            annual = [p for p in t.parts if not p.period]
            if len(annual) == 1:
                notes.append("Chỉ tiêu có mức cho từng kỳ: so với mức cả năm")
                return annual[0], False
        return t, False
    if t.kind == "composite":
        own = [p for p in t.parts if same_period(p.period, code)]
        if own:
            notes.append("Chỉ tiêu có mức riêng cho kỳ báo cáo: so sánh trực tiếp")
            return own[0], True
    if same_period(t.period, code):
        notes.append("Chỉ tiêu ghi cho chính kỳ báo cáo: so sánh trực tiếp")
        return t, True
    return t, False


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
        and (bool(_EVENT_UNITS.match(p.unit.lower())) or _none_target(p))
        for p in parts
    )


def _in_progress(j: Judgement, t: Target, result: Result, code: str) -> None:
    """A part-year result against an annual target (see ``progress``): reached is achieved;
    short of it, a level is at risk and a cumulative indicator on track or behind."""
    elapsed = ELAPSED.get(code, 100.0)
    j.elapsed = elapsed
    parts = t.parts if t.kind == "composite" and len(t.parts) == len(j.parts) else []
    for pj, pt in zip(j.parts, parts, strict=False):
        _in_progress(pj, pt, result, code)
    events = _counts_events(t)
    if events and j.verdict in ("vuot", "dat"):
        j.confidence = weakest(j.confidence, LIKELY)
        j.notes.append("Số việc xảy ra trong kỳ còn dưới mức tối đa cả năm: cần xem lại khi "
                       "có số liệu cả năm")
    if j.verdict in ("vuot", "dat", "khong_xac_dinh", "chua_co_so_lieu"):
        return
    level = t.measure == LEVEL or (t.kind == "composite" and any(
        p.measure == LEVEL for p in t.parts))
    if j.verdict == "khong_dat":
        if result.word == "khong_dat" and result.value is None and "không" in fold(result.text) \
                and result.percent_of_plan_stated is None and result.subcounts is None:
            return
        if j.basis == "subcounts":
            # "hoàn thành 3/14 chỉ tiêu" at mid-year: the others are still under way
            j.verdict = "dang_thuc_hien"
            sc = result.subcounts
            j.progress = "cham_tien_do" if sc is not None and sc.missed else "dung_tien_do"
            j.confidence = weakest(j.confidence, LIKELY)
            j.notes.append("Giữa năm, các chỉ tiêu thành phần chưa đạt còn đang thực hiện")
            return
        if events and result.value is not None:
            j.notes.append("Số việc xảy ra đã vượt mức tối đa cả năm: không đạt dù chưa hết năm")
            return
        if level and result.word == "khong_dat" and j.basis != "word" and _SAID_NOT.search(
                fold(result.text)):
            # a level short of its target: the unit that wrote "không đạt" is not wrong
            j.progress = "nguy_co"
            j.confidence = weakest(j.confidence, LIKELY)
            j.notes.append("Chỉ tiêu dạng mức (tỷ lệ, bình quân) chưa đạt giữa năm và đơn vị tự "
                           "ghi 'không đạt': giữ 'không đạt', có nguy cơ không đạt cả năm")
            return
        j.verdict = "dang_thuc_hien"
        j.notes.append("Kết quả giữa năm so với chỉ tiêu cả năm: đang thực hiện, chưa phải "
                       "không đạt")
    if j.verdict != "dang_thuc_hien":
        return
    if level:
        j.progress = "nguy_co"
        j.confidence = weakest(j.confidence, LIKELY)
        j.notes.append("Chỉ tiêu dạng mức (tỷ lệ, bình quân): chưa đạt mức cả năm nên có nguy "
                       "cơ không đạt")
        return
    share = _share_for_progress(j, t, result)
    if share is None:
        # only words: "chưa …" is behind; "đang thực hiện" says nothing of a delay
        j.progress = "cham_tien_do" if result.word == "khong_dat" else "dung_tien_do"
        j.confidence = weakest(j.confidence, LIKELY)
        return
    on_track = share >= elapsed - 1e-9 and not (
        result.share_bound == "below" and abs(share - elapsed) < 1e-9)
    j.progress = "dung_tien_do" if on_track else "cham_tien_do"
    j.notes.append(f"Chỉ tiêu cộng dồn: đạt {_pct(share)}% kế hoạch năm, thời gian đã qua "
                   f"{_pct(elapsed)}% năm: " + ("đúng tiến độ" if on_track else "chậm tiến độ"))


# The unit's own verdict that it fell short (not "thấp hơn mục tiêu", a comparison)
_SAID_NOT = re.compile(r"\b(?:không|chưa)\s+(?:đạt|hoàn thành)\b")


def _pct(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _share_for_progress(j: Judgement, t: Target, r: Result) -> float | None:
    """The share of the annual target reached, for a cumulative indicator."""
    if t.direction == LOWER and t.kind != "plan":
        return None
    if j.percent_of_plan is not None:
        return j.percent_of_plan
    return r.percent_of_plan_stated


def _word_judgement(t: Target, r: Result, conf: str, notes: list[str]) -> Judgement:
    assert r.word is not None
    return Judgement(r.word, None, conf, [*notes, "Theo đánh giá bằng lời của kết quả"],
                     basis="word")


def _judge_one(t: Target, r: Result) -> Judgement:
    j = _judge_one_inner(t, r)
    if not j.basis and j.verdict not in ("khong_xac_dinh", "chua_co_so_lieu"):
        j.basis = "value"
    return j


def _judge_one_inner(t: Target, r: Result) -> Judgement:
    conf = weakest(t.confidence, r.confidence)
    notes: list[str] = []
    if t.kind == "unknown":
        return Judgement("khong_xac_dinh", None, UNCERTAIN, ["Không đọc được chỉ tiêu"])
    counted = _subcount_judgement(t, r, conf)
    if counted:
        return counted
    if t.kind == "plan":
        return _judge_plan(t, r, conf)
    if t.kind == "qualitative":
        graded = _grade_judgement(t, r, conf)
        if graded:
            return graded
        if r.percent_of_plan_stated is not None and r.share_explicit:
            shared = _judge_share(t, r, conf, notes)
            if shared:
                return shared
        if r.word:
            return _word_judgement(t, r, conf, notes)
        guess = _qualitative_guess(t, r)
        if guess:
            return Judgement(guess[0], None, weakest(conf, LIKELY), [guess[1]],
                             basis=guess[2])
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
        shared = _judge_share(t, r, conf, notes)
        if shared:
            return shared
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
    verdict, percent = outcome.verdict, outcome.percent
    basis = _basis_of(t, r)
    stated = r.percent_of_plan_stated
    if stated is not None and r.value is not None and t.kind not in ("decrease_by",
                                                                      "increase_by"):
        by_share = _share_verdict(stated, r.share_bound, strict=False)
        if _disagrees(by_share, verdict) or (by_share == "vuot") != (verdict == "vuot"):
            notes.append(f"Số liệu cho '{_WORD_LABEL[verdict]}' nhưng % kế hoạch ghi trong kết "
                         f"quả ({_pct_vn(stated)}%) cho '{_WORD_LABEL[by_share]}': theo % kế "
                         "hoạch")
            conf = weakest(conf, LIKELY)
            verdict, percent, basis = by_share, stated, "share_of_plan"
    if r.word and _disagrees(r.word, verdict):
        notes.append(f"Kết quả tự ghi '{_WORD_LABEL[r.word]}' khác với kết quả tính được")
        conf = weakest(conf, LIKELY)
    if _none_target(t) and r.value is not None and r.value > 0:
        notes.append("Chỉ tiêu 'không để xảy ra' nhưng kết quả ghi có: cần xem có đúng loại việc "
                     "chỉ tiêu nêu không")
        conf = weakest(conf, LIKELY)
    return Judgement(verdict, percent, conf, notes, basis=basis)


def _none_target(t: Target) -> bool:
    """ "Không còn hộ nghèo", "Không để xảy ra cháy nổ lớn": none at all is the target."""
    return t.kind == "at_most" and t.high == 0 and t.said == LOWER and not re.search(r"\d",
                                                                                     t.text)


def _basis_of(t: Target, r: Result) -> str:
    """Which reading of the result the comparison used (see ``compare_value``)."""
    if t.kind in ("decrease_by", "increase_by"):
        return "change"
    if r.value is None:
        return "share_of_plan" if r.percent_of_plan_stated is not None else "margin"
    if r.value < 0 and r.signed:
        return "sign"
    if r.percent_of_plan_stated is not None and r.unit == "":
        return "share_of_plan"
    if r.denominator:
        return "ratio"
    if r.value == 0 and any("coi là 0" in n for n in r.notes):
        return "negation"
    return "value"


def _pct_vn(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _share_verdict(share: float, bound: str, *, strict: bool) -> str:
    """The verdict a share of plan gives: ≥ 100 achieved, > 100 exceeded ("đạt hơn 100%"
    exceeds, "gần 100%" falls short)."""
    eps = 1e-9
    exceeded = share > 100 + eps or (bound == "above" and share >= 100 - eps)
    achieved = exceeded or (share >= 100 - eps and bound != "below")
    if strict:
        achieved = exceeded
    return "vuot" if exceeded else "dat" if achieved else "khong_dat"


def _judge_share(t: Target, r: Result, conf: str, notes: list[str]) -> Judgement | None:
    """A stated share of plan when the figure itself cannot be compared with the target."""
    if r.percent_of_plan_stated is None:
        return None
    verdict = _share_verdict(r.percent_of_plan_stated, r.share_bound, strict=False)
    return Judgement(verdict, r.percent_of_plan_stated, weakest(conf, LIKELY),
                     [*notes, "Theo % kế hoạch đã ghi trong kết quả"], basis="share_of_plan")


def _judge_plan(t: Target, r: Result, conf: str) -> Judgement:
    """The target is the plan itself: the share of plan, the margin, or a/b decides."""
    notes: list[str] = []
    strict = strict_plan(fold(t.text))
    lower = t.direction == LOWER
    share, basis = r.percent_of_plan_stated, "share_of_plan"
    implied = share is not None and not r.share_explicit
    if r.margin is not None and (share is None or implied):
        return _plan_margin(t, r, conf, notes, lower=lower, strict=strict)
    if (share is None or implied) and r.numerator is not None and r.denominator \
            and r.value is not None:
        share, basis = r.value, "ratio"
        if r.ratio_count and r.numerator <= r.denominator:
            # "5/7 phường": achieved out of a total, or result out of the plan? not sure
            notes.append("Tỷ số a/b so với kế hoạch: có thể là số đạt trên tổng số, chưa chắc "
                         "là kết quả trên kế hoạch")
            conf = weakest(conf, LIKELY)
    if (share is None or implied) and r.plan_value and r.value is not None:
        figure = _in_unit(r.value, r.unit, r.plan_value_unit)
        if figure is not None:
            # "đạt 1.950 tỷ đồng (KH: 1.800 tỷ đồng)": result over the plan's own figure
            share, basis = (r.plan_value / figure * 100 if lower and figure
                            else figure / r.plan_value * 100), "ratio"
            notes.append(f"Kết quả/kế hoạch ghi trong kết quả: {_pct_vn(r.value)}/"
                         f"{_pct_vn(r.plan_value)}")
            if lower:
                conf = weakest(conf, LIKELY)
    if share is None and r.value is not None and r.unit == "%" and not r.change \
            and r.margin is None and not t.rate:
        share = r.value
        notes.append("Số % không ghi so với gì: coi là % kế hoạch")
        conf = weakest(conf, LIKELY)
    if share is not None:
        verdict = _share_verdict(share, r.share_bound, strict=strict)
        if lower:
            notes.append("Chỉ tiêu càng thấp càng tốt: % kế hoạch hiểu là mức hoàn thành kế "
                         "hoạch (100% trở lên là đạt)")
            conf = weakest(conf, LIKELY)
        others = {_share_verdict(o, "", strict=strict) for o in r.other_shares}
        if others - {verdict}:
            notes.append(f"Kết quả ghi % của nhiều kế hoạch cho kết quả khác nhau: lấy % của "
                         f"'{r.share_plan or 'kế hoạch'}'")
            conf = weakest(conf, LIKELY)
        if r.word and _disagrees(r.word, verdict):
            notes.append(f"Kết quả tự ghi '{_WORD_LABEL[r.word]}' khác với kết quả tính được")
            conf = weakest(conf, LIKELY)
        return Judgement(verdict, share, conf, notes, basis=basis)
    if r.margin is not None:
        return _plan_margin(t, r, conf, notes, lower=lower, strict=strict)
    if t.rate and r.value is not None and r.unit == "%" and not r.change and (
            (not lower and r.value >= 100) or (lower and r.value == 0)):
        # "100%" on-time files meets any plan for a rate (and 0% any ceiling)
        return Judgement("dat", None, weakest(conf, LIKELY),
                         [*notes, "Tỷ lệ 100% (hoặc 0% khi càng thấp càng tốt) đạt mọi kế hoạch"],
                         basis="value")
    if r.value is not None and r.value == 0 and r.word == "khong_dat":
        return Judgement("khong_dat", 0.0, weakest(conf, LIKELY), notes, basis="negation")
    if r.word:
        return _word_judgement(t, r, weakest(conf, LIKELY), notes)
    if r.shortfall:
        return Judgement("khong_dat", None, weakest(conf, LIKELY),
                         [*notes, "Kết quả ghi 'chỉ đạt/mới đạt': chưa đạt kế hoạch"],
                         basis="word")
    return Judgement("khong_xac_dinh", None, UNCERTAIN,
                     [*notes, "Chỉ tiêu là kế hoạch (không ghi mức) nhưng kết quả không ghi % "
                      "kế hoạch hay mức vượt/thiếu: không so sánh được"])


def _in_unit(value: float, unit: str, plan_unit: str) -> float | None:
    """``value`` in ``plan_unit`` when the units agree (scale words converted), else None."""
    a, b = unit.lower().strip(), plan_unit.lower().strip()
    if a == b or (not a and not b):
        return value
    fa, ra = split_scale(a)
    fb, rb = split_scale(b)
    if ra and rb and ra.split(" ")[:1] == rb.split(" ")[:1]:
        return value * fa / fb
    return None  # units that do not agree: no ratio


def _plan_margin(t: Target, r: Result, conf: str, notes: list[str], *, lower: bool,
                 strict: bool) -> Judgement:
    assert r.margin is not None
    m = r.margin
    relative = r.margin_unit == "%"
    if r.margin_sense:
        # "vượt" is better than the plan whichever way is better; "thiếu", "hụt" worse
        better = r.margin_sense == "good"
    else:
        better = m < 0 if lower else m > 0
        if lower:
            notes.append("Chỉ tiêu càng thấp càng tốt: thấp hơn kế hoạch là tốt")
            conf = weakest(conf, LIKELY)
    if abs(m) < 1e-12:
        verdict = "khong_dat" if strict else "dat"
    else:
        verdict = "vuot" if better else "khong_dat"
    share = None
    if relative and not lower and not t.rate:  # (for a rate "vượt 0,3%" is points)
        share = 100 + m
        if m >= 100:
            notes.append(f"'Vượt {_pct_vn(m)}%' có thể là bằng {_pct_vn(m)}% hoặc "
                         f"{_pct_vn(100 + m)}% kế hoạch: dù vậy đều là vượt")
            conf = weakest(conf, LIKELY)
    notes.append("Tính từ mức vượt/thiếu so với kế hoạch")
    if r.word and _disagrees(r.word, verdict):
        notes.append(f"Kết quả tự ghi '{_WORD_LABEL[r.word]}' khác với kết quả tính được")
        conf = weakest(conf, LIKELY)
    return Judgement(verdict, share, conf, notes, basis="margin")


def _subcount_judgement(t: Target, r: Result, conf: str) -> Judgement | None:
    """ "14/15 chỉ tiêu đạt và vượt" against the plan, a count of indicators or words: all
    of them, or not achieved."""
    sc = r.subcounts
    group = bool(GROUP.search(t.indicator))
    if sc is None and group and r.word in ("dat", "vuot", "khong_dat") and r.value is None \
            and t.kind in ("plan", "qualitative"):
        # the indicator is a group of indicators: "đạt và vượt" says each was met
        sc = SubCounts(all_met=r.word != "khong_dat", missed=int(r.word == "khong_dat"))
        conf = weakest(conf, LIKELY)
    if sc is None or not subcounts_answer(t):
        return None
    items = bool(_ITEMS.search(fold(t.text)))
    total = t.low if items and t.kind == "exact" and t.unit != "%" else None
    verdict = sc.verdict(total)
    if verdict is None:
        return None
    notes = []
    if sc.missed:
        notes.append(f"Có {sc.missed} chỉ tiêu thành phần chưa đạt: không đạt")
    elif sc.met is not None and (sc.total or total):
        notes.append(f"{sc.met}/{_num(sc.total or total)} chỉ tiêu thành phần đạt")
    else:
        notes.append("Mọi chỉ tiêu thành phần đều đạt")
    if not (sc.ratio or sc.missed):
        conf = weakest(conf, LIKELY)
    # "14/15 chỉ tiêu đạt và vượt": the words inside the counts are not the verdict
    if r.word and r.word_strong and _disagrees(r.word, verdict):
        notes.append(f"Kết quả tự ghi '{_WORD_LABEL[r.word]}' khác với kết quả tính được")
        conf = weakest(conf, LIKELY)
    return Judgement(verdict, None, conf, notes, basis="subcounts")


def _num(x: float | None) -> str:
    return "?" if x is None else f"{x:g}"


_ITEMS = re.compile(ITEM)


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


# "Đã ban hành …", "Đã được UBND tỉnh công nhận", "Đã tổ chức": done
_DONE = re.compile(r"^(?:đã|đã được|được)\s+((?:[^\W\d_]+\s*){1,6})")
_FILLER = {"được", "đã", "các", "và", "của", "cho", "theo", "trong", "năm", "ubnd", "tỉnh",
           "huyện", "xã", "phường", "thị", "quý", "tháng"}


def _qualitative_guess(t: Target, r: Result) -> tuple[str, str, str] | None:
    """A likely verdict for a qualitative target from the result's wording (and the reading
    that gave it)."""
    rt, tt = fold(r.text).strip(" .;"), fold(t.text).strip(" .;")
    if rt and rt == tt:
        return "dat", "Kết quả ghi đúng như chỉ tiêu", "word"
    if r.value == 0 and t.direction == LOWER and not r.numerator:
        return "dat", "Không xảy ra: đạt chỉ tiêu giảm/không để xảy ra", "negation"
    if r.value and r.value > 0 and r.unit != "%" and _NONE_WANTED.search(tt):
        return "khong_dat", "Chỉ tiêu không để xảy ra nhưng kết quả ghi có xảy ra", "value"
    if r.percent_of_plan_stated is not None and r.value is None and _MEET_PLAN.search(tt):
        met = r.percent_of_plan_stated >= 100
        return ("dat" if met else "khong_dat"), "Theo % kế hoạch đã ghi trong kết quả", \
            "share_of_plan"
    done = _DONE.match(rt)
    if done and r.value is None and set(done.group(1).split()) & set(tt.split()) - _FILLER:
        # "Đã ban hành" for "Ban hành kế hoạch", "Đã được công nhận" for "Được công nhận"
        return "dat", "Kết quả ghi đã làm việc chỉ tiêu nêu", "word"
    down, up = bool(_DOWN.search(rt)), bool(_UP.search(rt))
    if down != up:
        good = down == (t.direction == LOWER)
        return ("dat" if good else "khong_dat"), "Theo chiều tăng/giảm ghi trong kết quả", \
            "change"
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
                         [*notes, note], judged, basis="composite")
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
    basis = judged[0].basis if len(judged) == 1 else "composite"
    return Judgement(verdict, pct, conf, notes, judged, basis=basis)


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
