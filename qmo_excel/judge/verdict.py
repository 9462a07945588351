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
from dataclasses import replace

from qmo_excel.judge.compare import compare_value, reconcile_units
from qmo_excel.judge.direction import LOWER
from qmo_excel.judge.judgement import Judgement
from qmo_excel.judge.levels import LIKELY, UNCERTAIN, weakest
from qmo_excel.judge.normalize import fold
from qmo_excel.judge.periods import parse_period
from qmo_excel.judge.plan_verdict import judge_plan, judge_share, pct_vn, share_verdict
from qmo_excel.judge.progress import ELAPSED, LEVEL, same_period
from qmo_excel.judge.qualitative import (
    WORD_LABEL,
    disagrees_word,
    grade_judgement,
    qualitative_guess,
    word_judgement,
)
from qmo_excel.judge.results import GROUP, Result, subcounts_answer
from qmo_excel.judge.subcounts import ITEM, SubCounts
from qmo_excel.judge.targets import Target

VERDICTS = ("vuot", "dat", "khong_dat", "dang_thuc_hien", "chua_co_so_lieu", "khong_xac_dinh")


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
        return judge_plan(t, r, conf)
    if t.kind == "qualitative":
        graded = grade_judgement(t, r, conf)
        if graded:
            return graded
        if r.percent_of_plan_stated is not None and r.share_explicit:
            shared = judge_share(t, r, conf, notes)
            if shared:
                return shared
        if r.word:
            return word_judgement(t, r, conf, notes)
        guess = qualitative_guess(t, r)
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
        shared = judge_share(t, r, conf, notes)
        if shared:
            return shared
        if r.word:
            return word_judgement(t, r, weakest(conf, LIKELY), notes)
        return Judgement("khong_xac_dinh", None, UNCERTAIN, notes)
    outcome = compare_value(t, r)
    notes.extend(outcome.notes)
    conf = weakest(conf, outcome.confidence)
    if outcome.verdict is None:
        if r.word:
            return word_judgement(t, r, weakest(conf, LIKELY), notes)
        return Judgement("khong_xac_dinh", None, UNCERTAIN, notes or ["Không so sánh được"])
    verdict, percent = outcome.verdict, outcome.percent
    basis = _basis_of(t, r)
    stated = r.percent_of_plan_stated
    if stated is not None and r.value is not None and t.kind not in ("decrease_by",
                                                                      "increase_by"):
        by_share = share_verdict(stated, r.share_bound, strict=False)
        if disagrees_word(by_share, verdict) or (by_share == "vuot") != (verdict == "vuot"):
            notes.append(f"Số liệu cho '{WORD_LABEL[verdict]}' nhưng % kế hoạch ghi trong kết "
                         f"quả ({pct_vn(stated)}%) cho '{WORD_LABEL[by_share]}': theo % kế "
                         "hoạch")
            conf = weakest(conf, LIKELY)
            verdict, percent, basis = by_share, stated, "share_of_plan"
    if r.word and disagrees_word(r.word, verdict):
        notes.append(f"Kết quả tự ghi '{WORD_LABEL[r.word]}' khác với kết quả tính được")
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
    if r.word and r.word_strong and disagrees_word(r.word, verdict):
        notes.append(f"Kết quả tự ghi '{WORD_LABEL[r.word]}' khác với kết quả tính được")
        conf = weakest(conf, LIKELY)
    return Judgement(verdict, None, conf, notes, basis="subcounts")


def _num(x: float | None) -> str:
    return "?" if x is None else f"{x:g}"


_ITEMS = re.compile(ITEM)


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
