"""Counts of sub-indicators in a result: "14/15 chỉ tiêu đạt và vượt", "hoàn thành 13/13
chỉ tiêu", "có 02 chỉ tiêu không đạt", "12 chỉ tiêu đạt, 1 chỉ tiêu cơ bản hoàn thành".

A whole made of sub-indicators is achieved only when every one of them is (seed 002: "09/11
chỉ tiêu đạt" is not achieved), whatever the sentence says around the counts ("hoàn thành
cơ bản", "đạt và vượt"). ``read_subcounts`` gives the counts found, or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10,
}
_NUM = r"(\d{1,3}|một|hai|ba|bốn|sáu|bảy|tám|chín|mười)"
# The things counted. ("mục tiêu" too: "3/4 mục tiêu chưa đạt".)
ITEM = r"(?:chỉ tiêu|chi tiêu|tiêu chí|mục tiêu|nhiệm vụ|nội dung|chương trình|dự án|công trình)"
_CLAUSE_END = r"(?=[,;.()]|\btrong đó\b|$)"
_MISSED = re.compile(
    r"(?:không|chưa)\s+(?:đạt|hoàn thành|thực hiện)|cơ bản\s+(?:hoàn thành|đạt)"
    r"|đạt thấp|không đánh giá được|chưa đánh giá"
)
_EXCEEDED = re.compile(r"^\s*(?:\S+\s+){0,6}?(?:đều\s+)?vượt\b")
_MET = re.compile(r"\b(?:đạt|hoàn thành|vượt)\b")
_RATIO = re.compile(rf"(?<![\d.,/])(\d{{1,3}})\s*/\s*(\d{{1,3}})(?![\d.,/])\s+{ITEM}([^,;.()]*)")
_RATIO_VERB = re.compile(
    rf"(?:(không|chưa)\s+)?(đạt và vượt|hoàn thành và hoàn thành vượt|hoàn thành|đạt|vượt)"
    rf"(?:\s+(?:được|mức|kế hoạch|kh|nghị quyết|nq|so với kế hoạch|so với kh))*"
    rf"\s+(\d{{1,3}})\s*/\s*(\d{{1,3}})\s+{ITEM}"
)
_COUNT = re.compile(rf"(?<![\w.,/%])(?:có\s+|còn\s+)?{_NUM}\s+{ITEM}(?:\s+[^\W\d_]+){{0,4}}?"
                    rf"\s+((?:đều\s+)?(?:không|chưa|cơ bản|đạt|hoàn thành|vượt)[^,;.()]*)")
_COUNT_AFTER_VERB = re.compile(
    rf"(không đạt|chưa đạt|chưa hoàn thành|không hoàn thành)\s+(?:có\s+)?{_NUM}\s+{ITEM}"
)
_ALL = re.compile(
    rf"(?:tất cả|toàn bộ|100%)\s+(?:các\s+|số\s+)?{ITEM}[^,;.()]*?\b(?:đều\s+)?(đạt|hoàn thành"
    rf"|vượt)|(?:đạt|hoàn thành|vượt)(?:\s+và\s+vượt)?\s+(?:tất cả|toàn bộ)\s+(?:các\s+)?{ITEM}"
    rf"|\bcác\s+{ITEM}[^,;.()]{{0,40}}?\bđều\s+(?:đạt|hoàn thành|vượt)"
    # the subject left to the indicator's name: "đều đạt và vượt kế hoạch"
    r"|^\W*(?:[^\W\d_]+[\s:,]+){0,3}?đều\s+(?:đạt|hoàn thành|vượt)"
)
# "hầu hết", "phần lớn", "đa số", "cơ bản": most of them, so not all
_MOST = re.compile(
    rf"(?:hầu hết|phần lớn|đa số|cơ bản|gần hết|phần nhiều)\s+(?:các\s+)?{ITEM}"
    rf"|{ITEM}[^,;.()]{{0,40}}?\b(?:cơ bản|hầu hết|phần lớn)\s+(?:đều\s+)?(?:đạt|hoàn thành)"
)


@dataclass
class SubCounts:
    met: int | None = None  # achieved (including exceeded)
    total: int | None = None
    missed: int = 0  # not achieved (or only "basically" achieved)
    exceeded: int | None = None
    all_met: bool = False  # "tất cả các chỉ tiêu đều đạt"
    most_met: bool = False  # "đạt và vượt hầu hết các chỉ tiêu": not all
    ratio: bool = False  # written "a/b"

    def verdict(self, target_total: float | None = None) -> str | None:
        """ "khong_dat", "dat", "vuot" or None when the counts do not decide."""
        total = self.total if self.total is not None else (
            int(target_total) if target_total is not None and target_total == int(target_total)
            else None)
        if self.missed > 0 or (self.most_met and not self.all_met):
            return "khong_dat"
        if self.met is not None and total is not None:
            if self.met < total:
                return "khong_dat"
            return "vuot" if self.exceeded is not None and self.exceeded >= total else "dat"
        if self.all_met:
            return "dat"
        return None


def _n(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def read_subcounts(low: str) -> SubCounts | None:
    """The counts of sub-indicators stated in a folded result text, or None."""
    sc = SubCounts()
    found = False
    main = low.split("trong đó")[0]
    m = _RATIO_VERB.search(main)
    if m:
        found = True
        a, b = int(m.group(3)), int(m.group(4))
        if m.group(1):
            sc.missed, sc.total = a, b
        else:
            sc.met, sc.total, sc.ratio = a, b, True
            if m.group(2) == "vượt":
                sc.exceeded = a
    else:
        for rm in _RATIO.finditer(main):
            a, b, tail = int(rm.group(1)), int(rm.group(2)), rm.group(3)
            if _MISSED.search(tail):
                found = True
                sc.missed, sc.total = max(sc.missed, a), b
            elif _MET.search(tail):
                found = True
                sc.met, sc.total, sc.ratio = a, b, True
                if _EXCEEDED.match(tail) and "đạt" not in tail.split("vượt")[0]:
                    sc.exceeded = a  # "15/15 chỉ tiêu vượt kế hoạch"
            if found:
                break
    counted_met = 0
    counted = False
    for cm in _COUNT.finditer(low):
        n, tail = _n(cm.group(1)), re.sub(r"^đều\s+", "", cm.group(2))
        inside = "trong đó" in low[: cm.start()]  # a breakdown of a count already given
        if _MISSED.search(tail) or tail.startswith(("không", "chưa", "cơ bản")):
            if not (sc.ratio and inside):
                sc.missed += n
            found = True
        elif tail.startswith(("đạt", "hoàn thành", "vượt")):
            if tail.startswith("vượt"):
                sc.exceeded = (sc.exceeded or 0) + n
            if not (sc.ratio or inside):
                counted_met += n
                counted = True
            found = True
    for cm in _COUNT_AFTER_VERB.finditer(low):
        sc.missed = max(sc.missed, _n(cm.group(2)))
        found = True
    if counted and sc.met is None:
        sc.met = counted_met
        if sc.total is None and sc.missed:
            sc.total = counted_met + sc.missed
    if _MOST.search(low):
        sc.most_met = True
        found = True
    elif _ALL.search(low):
        sc.all_met = True
        found = True
    return sc if found else None
