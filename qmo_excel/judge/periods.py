"""Reporting periods as a result may state them: codes (q1 … year, m1 … m11) from a code,
a Vietnamese or English label, "10 tháng" or "đến 31/10"."""

from __future__ import annotations

import re

from qmo_excel.judge.normalize import fold

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
