"""Judging against the plan itself: a target that is "kế hoạch", "dự toán", "chỉ tiêu
giao", and results that state their share of it or their margin over or under it."""

from __future__ import annotations

from qmo_excel.judge.compare import split_scale
from qmo_excel.judge.direction import LOWER
from qmo_excel.judge.judgement import Judgement
from qmo_excel.judge.levels import LIKELY, UNCERTAIN, weakest
from qmo_excel.judge.normalize import fold
from qmo_excel.judge.plan import strict_plan
from qmo_excel.judge.qualitative import WORD_LABEL, disagrees_word, word_judgement
from qmo_excel.judge.results import Result
from qmo_excel.judge.targets import Target


def pct_vn(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def share_verdict(share: float, bound: str, *, strict: bool) -> str:
    """The verdict a share of plan gives: ≥ 100 achieved, > 100 exceeded ("đạt hơn 100%"
    exceeds, "gần 100%" falls short)."""
    eps = 1e-9
    exceeded = share > 100 + eps or (bound == "above" and share >= 100 - eps)
    achieved = exceeded or (share >= 100 - eps and bound != "below")
    if strict:
        achieved = exceeded
    return "vuot" if exceeded else "dat" if achieved else "khong_dat"


def judge_share(t: Target, r: Result, conf: str, notes: list[str]) -> Judgement | None:
    """A stated share of plan when the figure itself cannot be compared with the target."""
    if r.percent_of_plan_stated is None:
        return None
    verdict = share_verdict(r.percent_of_plan_stated, r.share_bound, strict=False)
    return Judgement(verdict, r.percent_of_plan_stated, weakest(conf, LIKELY),
                     [*notes, "Theo % kế hoạch đã ghi trong kết quả"], basis="share_of_plan")


def judge_plan(t: Target, r: Result, conf: str) -> Judgement:
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
            notes.append(f"Kết quả/kế hoạch ghi trong kết quả: {pct_vn(r.value)}/"
                         f"{pct_vn(r.plan_value)}")
            if lower:
                conf = weakest(conf, LIKELY)
    if share is None and r.value is not None and r.unit == "%" and not r.change \
            and r.margin is None and not t.rate:
        share = r.value
        notes.append("Số % không ghi so với gì: coi là % kế hoạch")
        conf = weakest(conf, LIKELY)
    if share is not None:
        verdict = share_verdict(share, r.share_bound, strict=strict)
        if lower:
            notes.append("Chỉ tiêu càng thấp càng tốt: % kế hoạch hiểu là mức hoàn thành kế "
                         "hoạch (100% trở lên là đạt)")
            conf = weakest(conf, LIKELY)
        others = {share_verdict(o, "", strict=strict) for o in r.other_shares}
        if others - {verdict}:
            notes.append(f"Kết quả ghi % của nhiều kế hoạch cho kết quả khác nhau: lấy % của "
                         f"'{r.share_plan or 'kế hoạch'}'")
            conf = weakest(conf, LIKELY)
        if r.word and disagrees_word(r.word, verdict):
            notes.append(f"Kết quả tự ghi '{WORD_LABEL[r.word]}' khác với kết quả tính được")
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
        return word_judgement(t, r, weakest(conf, LIKELY), notes)
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
            notes.append(f"'Vượt {pct_vn(m)}%' có thể là bằng {pct_vn(m)}% hoặc "
                         f"{pct_vn(100 + m)}% kế hoạch: dù vậy đều là vượt")
            conf = weakest(conf, LIKELY)
    notes.append("Tính từ mức vượt/thiếu so với kế hoạch")
    if r.word and disagrees_word(r.word, verdict):
        notes.append(f"Kết quả tự ghi '{WORD_LABEL[r.word]}' khác với kết quả tính được")
        conf = weakest(conf, LIKELY)
    return Judgement(verdict, share, conf, notes, basis="margin")
