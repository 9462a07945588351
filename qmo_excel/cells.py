"""Cell values, read one way everywhere: by the intake's checks, the round workbook's
reader and the scoring alike.

Pure functions, patterns compiled once: text of a cell, codes of objectives (``1``,
``1.2``, ``II``), dates (date cells, Excel day numbers, "dd/mm/yyyy" or ISO text), years
(a number or text such as "2023"), weights, decimals ("1,5"), loose labels (no case,
diacritics or punctuation), and a short reading of a judge ``Target`` for messages.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from qmo_excel.model import CellValue

_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_CODE_RE = re.compile(rf"^(?:\d{{1,3}}|{_ROMAN})(?:\.\d{{1,3}})*$", re.IGNORECASE)
_ROMAN_RE = re.compile(rf"^{_ROMAN}$", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_NUMBER_RE = re.compile(r"^[+]?\d+(?:[.,]\d+)?$")
_YEAR_RE = re.compile(r"^(?:năm\s*)?(\d{4})$", re.IGNORECASE)
_DATE_RE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")
_NON_WORD = re.compile(r"[\W_]+")
YEARS = (2000, 2100)  # a plausible year of a round or a return
_EXCEL_SERIAL = (32874.0, 73051.0)  # 1990-01-01 .. 2099-12-31 as Excel day numbers


def code_key(text: str) -> tuple[int, ...] | None:
    """``"1.2"`` -> (1, 2); ``"II."`` -> (2,); ``"01"`` -> (1,); None when not a code."""
    t = text.strip().rstrip(".").strip()
    if not t or not _CODE_RE.match(t):
        return None
    parts = t.split(".")
    head = parts[0]
    first = int(head) if head.isdigit() else _roman(head)
    if first <= 0:
        return None
    return (first, *(int(p) for p in parts[1:]))


def _roman(text: str) -> int:
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = _ROMAN_VALUES[ch]
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def cell_text(v: CellValue) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, date):
        return v.strftime("%d/%m/%Y")
    return unicodedata.normalize("NFC", str(v)).strip()


def parse_date(v: CellValue) -> date | None:
    """A date from a date cell, an Excel day number or text "dd/mm/yyyy"; else None."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool):
        if _EXCEL_SERIAL[0] <= v <= _EXCEL_SERIAL[1]:
            return date.fromordinal(date(1899, 12, 30).toordinal() + int(v))
        return None
    text = cell_text(v)
    try:
        if m := _DATE_RE.match(text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _ISO_RE.match(text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return None


def parse_year(v: CellValue) -> int | None:
    """2023, 2023.0, "2023", " 2023 " or "Năm 2023" -> 2023; None unless 2000-2100."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        y = int(v) if float(v).is_integer() else None
    else:
        m = _YEAR_RE.match(cell_text(v))
        y = int(m.group(1)) if m else None
    return y if y is not None and YEARS[0] <= y <= YEARS[1] else None


def parse_decimal(v: CellValue) -> float | None:
    """1.5, "1,5", "1.5" or " 2 " -> a float; None for anything else."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        return _finite(v)
    t = cell_text(v).replace(" ", "")
    if not _NUMBER_RE.match(t):
        return None
    return _finite(float(t.replace(",", ".")))


def _finite(v: float) -> float | None:
    """A float that holds ``v``, or None (400 nines, 1E+400, NaN: no setting is that)."""
    try:
        f = float(v)
    except OverflowError:
        return None
    return f if math.isfinite(f) else None


def parse_weight(v: CellValue) -> float | None:
    """A positive weight: 2, "1,5", or "20%" (weights written as shares of 100 weigh the
    same relative to each other); None when it is none of these."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        w = _finite(v)
    else:
        t = cell_text(v).removesuffix("%").strip()
        if not _NUMBER_RE.match(t):
            return None
        w = _finite(float(t.replace(",", ".")))
    return w if w is not None and w > 0 else None


@lru_cache(maxsize=8192)
def loose(text: Any) -> str:
    """How names and labels are compared: 'KẾT QUẢ\\nTHỰC HIỆN *' -> 'ket qua thuc hien'
    (no case, diacritics — đ is d —, punctuation, stars or line breaks; cached)."""
    t = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_WORD.sub(" ", t).split())


def normal_code(code: str) -> str:
    """Codes as units type them: '1.' -> '1', ' 1 . 2 ' -> '1.2', '01' stays '01'."""
    return "".join(code.split()).strip(".")


def objective_of(code: str) -> str:
    """'1.2' -> '1'; '1' -> '1'; 'II.3' -> 'II'."""
    return code.split(".", 1)[0].strip()


def is_objective_code(code: str) -> bool:
    return "." not in code.strip(".")


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def squeeze(text: str) -> str:
    """How two writings of a target are compared: "≥95%" is "≥ 95 %"."""
    return "".join(norm(text).split())


def lower_first(label: str) -> str:
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def fmt_number(x: float, lang: str) -> str:
    """86.2 -> "86,2"; 1100 -> "1.100" (Vietnamese), "1,100" (English)."""
    s = f"{x:,.2f}".rstrip("0").rstrip(".")
    return s.translate(str.maketrans(",.", ".,")) if lang == "vi" else s


_KIND_WORDS = {
    "vi": {"at_least": "≥ {low}", "more_than": "> {low}", "at_most": "≤ {high}",
           "less_than": "< {high}", "range": "{low} – {high}", "exact": "{low}",
           "ratio": "{low}", "decrease_by": "giảm {low}", "increase_by": "tăng {low}",
           "qualitative": "chỉ tiêu định tính (không có số)",
           "plan": "theo kế hoạch được giao (kết quả nêu tỷ lệ % so với kế hoạch)"},
    "en": {"at_least": "≥ {low}", "more_than": "> {low}", "at_most": "≤ {high}",
           "less_than": "< {high}", "range": "{low} – {high}", "exact": "{low}",
           "ratio": "{low}", "decrease_by": "decrease by {low}",
           "increase_by": "increase by {low}", "qualitative": "qualitative (no figure)",
           "plan": "the assigned plan (the result states its share of the plan)"},
}
_DIRECTION_WORDS = {"vi": {"higher_is_better": "càng cao càng tốt",
                           "lower_is_better": "càng thấp càng tốt"},
                    "en": {"higher_is_better": "higher is better",
                           "lower_is_better": "lower is better"}}


def describe_target(t: Any, lang: str) -> str:
    """A short reading of a judge Target: "≥ 95 % (càng cao càng tốt)"."""
    lg = "en" if lang == "en" else "vi"
    parts = getattr(t, "parts", None) or []
    if t.kind == "composite" and parts:
        return "; ".join(describe_target(p, lang) for p in parts)
    low = t.low if t.low is not None else t.high
    high = t.high if t.high is not None else t.low

    def n(x: float | None) -> str:
        return "?" if x is None else fmt_number(x, lg)

    form = _KIND_WORDS[lg].get(t.kind, "{low}")
    if t.kind in ("decrease_by", "increase_by", "exact") and low != high:
        form = form.replace("{low}", "{low} – {high}")
    body = form.format(low=n(low), high=n(high))
    if t.kind == "ratio" and t.numerator is not None and t.denominator is not None:
        body = f"{n(t.numerator)}/{n(t.denominator)} = {body}"
    unit = "%" if t.kind == "ratio" else (t.unit or "")
    if unit and t.kind not in ("qualitative", "plan"):
        body = f"{body} {unit}"
    direction = _DIRECTION_WORDS[lg].get(getattr(t, "direction", ""), "")
    return f"{body} ({direction})" if direction else body
