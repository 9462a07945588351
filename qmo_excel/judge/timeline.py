"""Reading the time column of a plan ("Thời gian thực hiện") for a given year.

Kinds: ``date`` (one due date: "Trước ngày 30 tháng 8 hàng năm"), ``dates`` (several:
"Trước 15/6 và trước 30/11 hằng năm", "Quý I và Quý III"), ``interval`` (a month, months,
a quarter, half a year: "Tháng 2-3/2023", "Quý I/2021", "6 tháng đầu năm"; due = its end),
``recurring`` ("Định kỳ hàng tháng": due = each period end of the year; weekly, daily and
bare "định kỳ" have no listed due dates), ``continuous`` ("Thường xuyên"), ``on_event``
("Khi có phát sinh", "Sau tiếp nhận kế hoạch", "Đột xuất", "Theo yêu cầu") and ``none``
(empty or undated: "Theo kế hoạch"). ``recurrence`` is monthly, quarterly, half_yearly,
yearly, weekly, daily or periodic. Dates without a year take the given year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from qmo_excel.judge.normalize import fold


@dataclass
class Timeline:
    text: str
    kind: str
    due: list[date] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    recurrence: str | None = None
    notes: list[str] = field(default_factory=list)

    def deadline(self) -> date | None:
        """The date by which the task must be done (None: continuous, on event, undated)."""
        if self.kind in ("continuous", "on_event", "none"):
            return None
        if self.due:
            return max(self.due)
        return self.end

    def due_by(self, cutoff: date) -> list[date]:
        """Due dates that have passed at ``cutoff`` (for finding overdue tasks)."""
        return [d for d in self.due if d <= cutoff]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "due": [d.isoformat() for d in self.due],
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "recurrence": self.recurrence,
            "notes": list(self.notes),
        }


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?:\s*(?:/|năm|-)\s*(\d{4}))?"
_DAY_MONTH_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})(?:\s*năm\s*(\d{4}))?")
_MONTH_RANGE = re.compile(r"tháng\s*(\d{1,2})\s*(?:-|đến|tới|và|,)\s*(?:tháng\s*)?(\d{1,2})" + _Y)
_MONTH = re.compile(r"tháng\s*(\d{1,2})(?!\s*/\s*\d{1,2}\b(?!\d))" + _Y)
_QUARTER = re.compile(r"quý\s*(iv|iii|ii|i|[1-4])\b" + _Y)
_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])")
_HALF = re.compile(r"(6|06|sáu|9|09|chín)\s*tháng\s*(đầu|cuối)?\s*năm|(6|06|9|09)\s*tháng(?!\s*/)")
_WHOLE_YEAR = re.compile(r"\b(?:cả năm|trong năm|năm\s*(\d{4})|suốt năm)\b")
_EDGE = re.compile(r"\b(đầu|cuối|giữa)\s+năm\b")
_JOIN = re.compile(r"^\s*(?:-|đến|tới)\s*(?:ngày\s*)?$")

_RECUR = [
    (re.compile(r"(?:hàng|hằng|mỗi)\s*tuần|tuần\s*/\s*lần"), "weekly"),
    (re.compile(r"(?:hàng|hằng|mỗi)\s*ngày"), "daily"),
    (
        re.compile(
            r"0?6\s*tháng\s*/\s*(?:01\s*|1\s*)?lần|(?:hàng|hằng|mỗi)\s*6\s*tháng"
            r"|định kỳ\s*0?6\s*tháng"
        ),
        "half_yearly",
    ),
    (re.compile(r"(?:hàng|hằng|mỗi)\s*tháng|tháng\s*/\s*(?:01\s*|1\s*)?lần"), "monthly"),
    (re.compile(r"(?:hàng|hằng|mỗi)\s*quý|quý\s*/\s*(?:01\s*|1\s*)?lần"), "quarterly"),
    (re.compile(r"(?:hàng|hằng|mỗi)\s*năm|năm\s*/\s*(?:01\s*|1\s*)?lần"), "yearly"),
    (re.compile(r"định kỳ"), "periodic"),
]
_CONTINUOUS = re.compile(r"thường xuyên|liên tục|hằng ngày|thường kỳ")
_ON_EVENT = re.compile(
    r"khi có|khi phát sinh|phát sinh|đột xuất|^sau\b|\bsau khi|theo yêu cầu"
    r"|theo chỉ đạo|ngay khi|kịp thời|khi\s"
)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or day < 1:
        return None
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def read_timeline(text: str | None, year: int) -> Timeline:
    """Read a plan's time cell for ``year`` (see the module docstring).

    Memoised (plans repeat their timing phrases); the caller gets its own copy.
    """
    try:
        tl = _read_cached(text, year)
    except TypeError:  # an unhashable value
        return _read_timeline(text, year)
    return replace(tl, due=list(tl.due), notes=list(tl.notes))


@lru_cache(maxsize=16384)
def _read_cached(text: str | None, year: int) -> Timeline:
    return _read_timeline(text, year)


def _read_timeline(text: str | None, year: int) -> Timeline:
    raw = str(text).strip() if text is not None else ""
    low = fold(raw)
    tl = Timeline(raw, "none")
    if not low:
        return tl
    recurrence = next((name for p, name in _RECUR if p.search(low)), None)
    spans = _dated(low, year)
    if spans:
        spans.sort(key=lambda s: s[2])
        merged: list[tuple[date, date, int, int, bool]] = []
        for s in spans:
            if merged and _JOIN.match(low[merged[-1][3] : s[2]]):
                prev = merged.pop()
                s = (prev[0], s[1], prev[2], s[3], False)
            merged.append(s)
        tl.start = min(s[0] for s in merged)
        tl.end = max(s[1] for s in merged)
        tl.due = sorted({s[1] for s in merged})
        if len(merged) > 1:
            tl.kind = "dates"
        elif merged[0][4]:
            tl.kind = "date"
            tl.start = None
        else:
            tl.kind = "interval"
        if recurrence in ("yearly", "periodic"):
            tl.recurrence = "yearly"
        elif recurrence:
            tl.recurrence = recurrence
            tl.notes.append("Có mốc thời gian và lặp lại: lấy mốc thời gian")
        return tl
    if recurrence:
        tl.kind = "recurring"
        tl.recurrence = recurrence
        tl.start, tl.end = date(year, 1, 1), date(year, 12, 31)
        tl.due = _recurring_due(recurrence, year)
        return tl
    if _CONTINUOUS.search(low):
        tl.kind = "continuous"
    elif _ON_EVENT.search(low):
        tl.kind = "on_event"
    else:
        tl.notes.append("Không có mốc thời gian")
    return tl


def _recurring_due(recurrence: str, year: int) -> list[date]:
    if recurrence == "monthly":
        return [_month_end(year, m) for m in range(1, 13)]
    if recurrence == "quarterly":
        return [_month_end(year, m) for m in (3, 6, 9, 12)]
    if recurrence == "half_yearly":
        return [date(year, 6, 30), date(year, 12, 31)]
    if recurrence == "yearly":
        return [date(year, 12, 31)]
    return []


def _dated(low: str, year: int) -> list[tuple[date, date, int, int, bool]]:
    """(start, end, span start, span end, is a point in time) for each dated phrase."""
    out: list[tuple[date, date, int, int, bool]] = []
    taken = [False] * len(low)

    def free(m: re.Match[str]) -> bool:
        return not any(taken[m.start() : m.end()])

    def take(m: re.Match[str], start: date | None, end: date | None, point: bool) -> None:
        if start is None or end is None:
            return
        for i in range(m.start(), m.end()):
            taken[i] = True
        out.append((start, end, m.start(), m.end(), point))

    def yr(g: str | None) -> int:
        return int(g) if g else year

    for m in _DAY_MONTH_WORDS.finditer(low):
        d = _safe_date(yr(m.group(3)), int(m.group(2)), int(m.group(1)))
        take(m, d, d, True)
    for m in _MONTH_RANGE.finditer(low):
        a, b, y = int(m.group(1)), int(m.group(2)), yr(m.group(3))
        if free(m) and 1 <= a <= 12 and 1 <= b <= 12:
            take(m, date(y if a <= b else y - 1, a, 1), _month_end(y, b), False)
    for m in _MONTH.finditer(low):
        mo, y = int(m.group(1)), yr(m.group(2))
        if free(m) and 1 <= mo <= 12:
            take(m, date(y, mo, 1), _month_end(y, mo), False)
    for m in _QUARTER.finditer(low):
        q, y = _ROMAN[m.group(1)], yr(m.group(2))
        if free(m):
            take(m, date(y, 3 * q - 2, 1), _month_end(y, 3 * q), False)
    for m in _DATE.finditer(low):
        if not free(m):
            continue
        d = _safe_date(yr(m.group(3)), int(m.group(2)), int(m.group(1)))
        take(m, d, d, True)
    for m in _HALF.finditer(low):
        if not free(m):
            continue
        n = m.group(1) or m.group(3)
        months = 9 if n in ("9", "09", "chín") else 6
        if m.group(2) == "cuối":
            take(m, date(year, 13 - months, 1), date(year, 12, 31), False)
        else:
            take(m, date(year, 1, 1), _month_end(year, months), False)
    for m in _EDGE.finditer(low):
        if free(m):
            first, last = {"đầu": (1, 3), "giữa": (4, 9), "cuối": (10, 12)}[m.group(1)]
            take(m, date(year, first, 1), _month_end(year, last), False)
    if not out:
        for m in _WHOLE_YEAR.finditer(low):
            y = yr(m.group(1))
            take(m, date(y, 1, 1), date(y, 12, 31), False)
    return out
