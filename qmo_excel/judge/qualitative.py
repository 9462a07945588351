"""Results read as words: ratings ("xếp loại tốt"), "đã hoàn thành", a direction without a
number ("đã giảm"), a target that wants none; and the verdict word written in a result."""

from __future__ import annotations

import re

from qmo_excel.judge.direction import LOWER
from qmo_excel.judge.judgement import Judgement
from qmo_excel.judge.levels import LIKELY, weakest
from qmo_excel.judge.normalize import fold
from qmo_excel.judge.results import Result
from qmo_excel.judge.targets import Target

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


def grade_judgement(t: Target, r: Result, conf: str) -> Judgement | None:
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


def qualitative_guess(t: Target, r: Result) -> tuple[str, str, str] | None:
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


WORD_LABEL = {
    "vuot": "Vượt",
    "dat": "Đạt",
    "khong_dat": "Không đạt",
    "dang_thuc_hien": "Đang thực hiện",
}


def disagrees_word(word: str, verdict: str) -> bool:
    good = {"vuot", "dat"}
    return (word in good) != (verdict in good)


def word_judgement(t: Target, r: Result, conf: str, notes: list[str]) -> Judgement:
    assert r.word is not None
    return Judgement(r.word, None, conf, [*notes, "Theo đánh giá bằng lời của kết quả"],
                     basis="word")
