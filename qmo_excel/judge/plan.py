"""The plan itself as a target, and a result stated as its share of the plan.

Officials most often write a result as its share of the plan, with the target only named:
target "kế hoạch", "KH", "dự toán tỉnh giao", "chỉ tiêu Nghị quyết HĐND"; result "ước đạt
3.150 tỷ đồng, đạt 104,6% dự toán, tăng 8% so với cùng kỳ". What decides is the share of
plan or the margin over it ("vượt 6% kế hoạch", "gấp 2 lần kế hoạch", "còn thiếu 5 tỷ đồng
so với dự toán"), never the change against last year ("tăng 8% so với cùng kỳ").

``is_plan_reference`` tells a target cell that only names the plan; ``scan_plan`` finds the
shares and margins a result states, each with the words naming its plan ("dự toán tỉnh
giao"), so the judge can take the one that answers the target ("kế hoạch tỉnh giao" rather
than "kế hoạch HĐND huyện giao").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qmo_excel.judge.numbers import Num
from qmo_excel.judge.wording import unit_after

# The nouns that name a plan.
_NOUN = r"(?:kế hoạch|khn?|dự toán|tự toán|nghị quyết|nq|chỉ tiêu|mục tiêu|quyết định|qđ)"
# Words that may follow a plan noun: who set it, for when ("dự toán HĐND tỉnh giao năm 2023").
_TAIL = (
    r"(?:năm|cả|được|giao|đề|ra|tỉnh|huyện|thị|xã|phường|thành|phố|quận|trung|ương|tw|hđnd"
    r"|ubnd|của|cấp|trên|đã|đặt|điều|chỉnh|bổ|sung|đảng|bộ|đại|hội|nhiệm|kỳ|ủy|ban|thường"
    r"|vụ|vốn|sở|ngành|chính|phủ|nghị|quyết|nq|kế|hoạch|dự|toán|mục|tiêu|chỉ|đầu|và|số"
    r"|tháng|quý|địa|phương|thủ|tướng|i|ii|iii|iv|\d{1,2}(?![\d.,/])|(?:19|20)\d\d|\d+/[\w/-]+)"
)
# "tỉnh giao", "Trung ương giao", "HĐND huyện giao": the plan named by who assigned it.
_GIVER = (
    r"(?:(?:ubnd|hđnd|ủy ban)\s+)?(?:tỉnh|huyện|thành phố|thị xã|trung ương|tw|cấp trên|chính phủ"
    r"|ubnd|hđnd|địa phương|thủ tướng(?: chính phủ)?)(?:\s+(?:tỉnh|huyện))?\s+giao"
)
PLAN_PHRASE = rf"(?:{_NOUN}(?:\s+{_TAIL})*|{_GIVER}(?:\s+{_TAIL})*)"
_PLAN_AFTER = re.compile(
    rf"^\s*(?:,\s*)?(?:so\s+(?:với\s+)?|của\s+)?(?:mức\s+)?(?:tổng\s+)?({PLAN_PHRASE})(?!\w)")
# "tăng 11 xã so với mục tiêu kế hoạch": the unit words, then the plan
_PLAN_AFTER_UNIT = re.compile(
    rf"^\s*(?:[^\W\d_]+\s+){{0,3}}?so\s+(?:với\s+)?(?:mức\s+)?(?:tổng\s+)?({PLAN_PHRASE})(?!\w)")
# "%KH" glued to the number
_GLUED_KH = re.compile(r"^(kh|khn)(?!\w)")
# A share of last year's figure or of another base, not of the plan.
_BASE_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:so\s+(?:với\s+)?|của\s+)?(?:cùng kỳ|ck\b|năm trước|kỳ trước|năm 20\d\d"
    r"|năm 19\d\d|cùng thời điểm|bình quân|mức bình quân|tổng|toàn|dân số|số\b)"
)
_SHARE_VERB = re.compile(
    r"(?:đạt|bằng|tương đương|tương ứng|được|hoàn thành|thực hiện|là)"
    r"(?:\s+(?:được|khoảng|gần|hơn|trên|xấp xỉ|ước|mức|tỷ lệ|tỉ lệ|chỉ|mới|khoảng|chưa))*\s*$"
)
_PLAN_BEFORE = re.compile(rf"(?:so\s+(?:với\s+)?)?({PLAN_PHRASE})\s*[,:]?\s*(?:đạt|bằng|là)\s*"
                          r"(?:khoảng|gần|hơn|trên|xấp xỉ)?\s*$")
_ABOVE = re.compile(r"(?:hơn|trên|ngoài|vượt)\s*$")
# "gần 55%", "chưa đạt 50% kế hoạch", "đạt dưới 40%": under the figure
_BELOW = re.compile(r"(?:gần|chưa đến|chưa tới|suýt|chưa đạt|không đạt|dưới|chưa được)\s*$")
_MARGIN_UP = r"vượt(?:\s+mức)?|cao hơn|nhiều hơn|tăng thêm|tăng"
_MARGIN_DOWN = r"thấp hơn|thiếu hụt|hụt(?:\s+thu)?|thiếu|còn thiếu|kém|giảm|ít hơn|chậm"
_MARGIN_BEFORE = re.compile(
    rf"(?:({_MARGIN_UP})|({_MARGIN_DOWN}))"
    rf"(?:\s+(?:so\s+(?:với\s+)?)?({PLAN_PHRASE}))?\s*(?:là|:)?\s*(khoảng|gần|hơn|trên|xấp xỉ)?"
    r"\s*$"
)
_TIMES_BEFORE = re.compile(r"(?:gấp|bằng|đạt|tương đương)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")
# "gấp đôi kế hoạch", "gấp rưỡi", "gấp ba lần kế hoạch"
_TIMES_WORD = re.compile(
    rf"gấp\s+(đôi|rưỡi|ba|bốn|năm)(?:\s+lần)?\s+(?:so\s+(?:với\s+)?)?({PLAN_PHRASE})(?!\w)")
_TIMES_VALUE = {"đôi": 2.0, "rưỡi": 1.5, "ba": 3.0, "bốn": 4.0, "năm": 5.0}
# "1.850 tỷ đồng (85%)": a bare percentage in brackets after the figure
_BRACKET = re.compile(r"\(\s*$")
_TIMES_AFTER = re.compile(rf"^\s*lần\s+(?:so\s+(?:với\s+)?)?({PLAN_PHRASE})(?!\w)")


# "trong khi nghị quyết là 33 triệu đồng", "(KH: 1.800 tỷ đồng)", "kế hoạch giao 500 ha": the
# plan's own figure, written in the result
_PLAN_VALUE_BEFORE = re.compile(
    rf"(?:{_NOUN}|{_GIVER})(?:\s+(?:năm|giao|được giao|đề ra|đặt ra|tỉnh giao|huyện giao|phê duyệt"
    r"|năm 20\d\d))*\s*(?:là|:|=)?\s*$"
    # "trong khi chỉ tiêu của Quốc hội đề ra là giảm 4%": a few words, then "là"
    rf"|(?:{_NOUN}|{_GIVER})(?:\s+[^\W\d_]+){{1,5}}?\s*(?:là|:)\s*(?:giảm|tăng)?\s*$")


def plan_value(low: str, n: Num) -> bool:
    """Whether ``n`` is the plan's own figure quoted in a result ("nghị quyết là 33 triệu")."""
    before = low[max(0, n.start - 40) : n.start]
    return (bool(_PLAN_VALUE_BEFORE.search(before)) and not n.denominator and not n.noise
            and not _PERIOD_AFTER.match(low, n.end))


_PERIOD_AFTER = re.compile(r"\s*(?:tháng|quý|năm)\b")


@dataclass
class Stated:
    """A share of plan (``share``, 100 = met) or a margin over/under it that a result states."""

    start: int
    share: float | None = None
    margin: float | None = None  # signed: + over the plan ("vượt", "cao hơn"), - under it
    sense: str = ""  # "good" ("vượt"), "bad" ("thiếu", "hụt", "chưa đạt") or "" (by direction)
    margin_unit: str = ""  # "%" for a percent margin, else the unit words ("tỷ đồng")
    plan: str = ""  # the words naming the plan, "" when the plan is only implied
    bound: str = ""  # "above" ("đạt hơn 101%"), "below" ("gần 55%") or ""
    explicit: bool = True  # the plan is named (not only implied by "đạt 103%")
    num: Num | None = None


_SHORT = ("hụt", "hụt thu", "thiếu hụt", "thiếu", "còn thiếu", "kém", "chậm")


def _bound(before: str) -> str:
    return "above" if _ABOVE.search(before) else "below" if _BELOW.search(before) else ""


def scan_plan(low: str, nums: list[Num]) -> list[Stated]:
    """The shares and margins of plan stated in a folded result text, left to right.

    A margin needs the plan named (before or after its number) unless it is "vượt",
    "thấp hơn", "hụt" or "thiếu" (which compare with the target whatever it is); a bare
    percentage after "đạt"/"bằng" is an implied share (``explicit`` False).
    """
    out: list[Stated] = []
    for n in nums:
        if n.noise:
            continue
        before = low[max(0, n.start - 60) : n.start]
        after = low[n.end : n.end + 60]
        plan_after = _PLAN_AFTER.match(after)
        if n.percent and not plan_after and _BASE_AFTER.match(after):
            continue
        tm = _TIMES_BEFORE.search(before)
        ta = _TIMES_AFTER.match(after)
        if tm and ta and not n.percent:
            out.append(Stated(n.start, share=n.value * 100, plan=ta.group(1), num=n,
                              bound=_bound(before)))
            continue
        m = _MARGIN_BEFORE.search(before)
        if m:
            up = m.group(1)
            unit_plan = None if n.percent else _PLAN_AFTER_UNIT.match(after)
            named = m.group(3) or (plan_after.group(1) if plan_after else "") or (
                unit_plan.group(1) if unit_plan else "")
            word = up or m.group(2)
            standalone = word.startswith("vượt") or word in ("thấp hơn", *_SHORT[:5])
            if named or standalone:
                unit = "%" if n.percent else _unit_words(low, n)
                value = -n.value if n.negative else n.value
                sense = ("good" if word.startswith("vượt") else
                         "bad" if word in _SHORT else "")
                out.append(Stated(n.start, margin=value if up else -value, margin_unit=unit,
                                  plan=named, num=n, explicit=bool(named),
                                  bound=_bound(m.group(4) or ""), sense=sense))
                continue
        if not n.percent:
            continue
        if plan_after or _GLUED_KH.match(low[n.end : n.end + 4]):
            plan = plan_after.group(1) if plan_after else "kh"
            out.append(Stated(n.start, share=n.value, plan=plan, num=n, bound=_bound(before)))
            continue
        pb = _PLAN_BEFORE.search(before)
        if pb:
            out.append(Stated(n.start, share=n.value, plan=pb.group(1), num=n,
                              bound=_bound(before)))
            continue
        if (_SHARE_VERB.search(before) or _BRACKET.search(before)) and not re.match(
                r"^\s*[^\W\d_]", after):
            out.append(Stated(n.start, share=n.value, num=n, explicit=False,
                              bound=_bound(before)))
    for m in _TIMES_WORD.finditer(low):
        out.append(Stated(m.start(), share=_TIMES_VALUE[m.group(1)] * 100, plan=m.group(2)))
    return sorted(out, key=lambda x: x.start)


def _unit_words(low: str, n: Num) -> str:
    unit = unit_after(low, n.end)
    return f"{n.scale} {unit}".strip() if n.scale else unit


_WORD = re.compile(r"[^\W\d_]+")
# A target cell that only names the plan: every word is one of these.
_ALLOWED = frozenset((
    "theo", "đạt", "và", "vượt", "hoàn", "thành", "bằng", "so", "với", "kế", "hoạch", "kh",
    "khn", "dự", "toán", "nghị", "quyết", "nq", "chỉ", "tiêu", "mục", "năm", "cả", "được",
    "giao", "đề", "ra", "tỉnh", "huyện", "thị", "xã", "phường", "phố", "quận", "trung",
    "ương", "tw", "hđnd", "ubnd", "của", "cấp", "trên", "đã", "đặt", "điều", "chỉnh", "bổ",
    "sung", "đảng", "bộ", "đại", "hội", "nhiệm", "kỳ", "ủy", "ban", "thường", "vụ", "vốn",
    "sở", "ngành", "chính", "phủ", "số", "đầu", "qđ", "ttg", "mức", "tổng", "định", "thủ",
    "tướng", "ctr", "chương", "trình", "hành", "động", "địa", "phương",
))
_CORE = re.compile(rf"(?<!\w){_NOUN}(?!\w)|(?<!\w)giao(?!\w)")
_NOT_PLAN = re.compile(r"(?<!\w)(?:như|bằng)\s+(?:năm|kỳ)")


def is_plan_reference(folded: str, indicator: str = "") -> bool:
    """A target that names the plan and states no level of its own: "kế hoạch", "KH",
    "dự toán tỉnh giao", "chỉ tiêu Nghị quyết HĐND", "Đạt và vượt dự toán", or the plan of
    the indicator in its own words ("chỉ tiêu trồng rừng" for "Trồng rừng")."""
    text = folded.strip(" .;:-")
    if not text or len(text) > 100 or not _CORE.search(text) or _NOT_PLAN.search(text):
        return False
    own = set(_WORD.findall(indicator)) - _ALLOWED
    return all(w in _ALLOWED or w in own for w in _WORD.findall(text)) and bool(
        _LEADS.match(text))


# The cell begins with the plan (or "đạt/theo/hoàn thành … the plan"), not with a task.
_LEADS = re.compile(rf"^(?:(?:theo|đạt|và|vượt|hoàn thành|bằng|so với|mức|tổng|số|100%)\s+)*"
                    rf"(?:{_NOUN}|{_GIVER}|[^\W\d_]+\s+giao\b)")


def strict_plan(folded: str) -> bool:
    """ "Vượt kế hoạch": the plan must be exceeded, not only met."""
    return bool(re.match(r"\s*vượt\b", folded)) and "đạt" not in folded


def plan_words(text: str) -> set[str]:
    """The words that tell one plan from another ("tỉnh", "hđnd", "huyện", "trung ương")."""
    return set(_WORD.findall(text)) - _GENERIC


_GENERIC = frozenset((
    "kế", "hoạch", "kh", "khn", "dự", "toán", "tự", "so", "với", "được", "giao", "năm", "cả",
    "đạt", "và", "vượt", "theo", "bằng", "chỉ", "tiêu", "đã", "đề", "ra", "của", "hoàn",
    "thành", "mục",
))
