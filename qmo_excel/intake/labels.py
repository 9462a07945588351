"""How the reader recognises our sheets and labels in a workbook a unit has edited.

Names and labels are compared *loosely*: without case, diacritics (đ is d), punctuation,
the required-field star, extra spaces and line breaks, so "KẾT QUẢ\\nTHỰC HIỆN",
"Ket qua thuc hien" and "Kết quả thực hiện *" are all the result column. A header that
starts with a label of two words or more ("Chỉ tiêu kế hoạch năm 2023") is that label.
A sheet renamed by the unit is recognised by its labels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from qmo_excel import spec
from qmo_excel.cells import loose

HEADER_SEARCH_ROWS = 15  # a header moved down by inserted rows is still found
INFO_SEARCH_ROWS = 60



SHEETS: dict[str, Any] = {s.key: s for s in (spec.UNIT_INFO, spec.OBJECTIVES, spec.PLAN)}
SHEET_NAMES = {key: {lang: loose(s.name(lang)) for lang in spec.LANGS}
               for key, s in SHEETS.items()}
LABELS = {key: {loose(lab): f.key for f in s.fields for lab in (f.vi, f.en)}
          for key, s in SHEETS.items()}
META_NAME = loose(spec.META_SHEET)
# Labels long enough to be recognised at the start of a longer header, longest first.
_PREFIXES = {key: sorted(((lab, k) for lab, k in labels.items() if " " in lab),
                         key=lambda x: -len(x[0]))
             for key, labels in LABELS.items()}


def label_key(sheet_key: str, text: Any) -> str | None:
    """The field a header or label cell names on one of our sheets, or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    t = loose(text)
    key = LABELS[sheet_key].get(t)
    if key is None:
        key = next((k for lab, k in _PREFIXES[sheet_key] if t.startswith(lab + " ")), None)
    return key


def header_matches(sheet_key: str, row: Sequence[Any]) -> dict[str, int]:
    """Field key -> 0-based column, for the cells of ``row`` that name a field."""
    got: dict[str, int] = {}
    for c, v in enumerate(row):
        key = label_key(sheet_key, v)
        if key and key not in got:
            got[key] = c
    return got


def info_labels(grid: Sequence[Sequence[Any]]) -> dict[str, tuple[int, int]]:
    """Where each info label is: the first filled cell of its row (a value such as the
    period "Năm" must never be taken for the label "Năm")."""
    found: dict[str, tuple[int, int]] = {}
    for r, row in enumerate(grid[:INFO_SEARCH_ROWS]):
        for c, v in enumerate(row[:8]):
            if v is None or v == "":
                continue
            key = label_key("info", v)
            if key and key not in found:
                found[key] = (r, c)
            break
    return found


def content_score(sheet_key: str, grid: Sequence[Sequence[Any]]) -> int:
    """How many of a sheet's labels ``grid`` holds where that sheet would hold them."""
    if sheet_key == "info":
        return len(info_labels(grid))
    return max((len(header_matches(sheet_key, row)) for row in grid[:HEADER_SEARCH_ROWS]),
               default=0)


def enough(sheet_key: str, score: int) -> bool:
    """Whether a score says "this is that sheet, renamed"."""
    n = len(SHEETS[sheet_key].fields)
    return score >= max(3, (n + 1) // 2)


MAX_CANDIDATES = 30  # sheets looked at for a renamed one (a workbook may list thousands)


def find_renamed(missing: Sequence[str], candidates: Sequence[str],
                 grid_of: Callable[[str, int], Sequence[Sequence[Any]]]) -> dict[str, str]:
    """For each missing sheet key, the candidate sheet whose labels show it is that sheet
    renamed. ``grid_of(name, nrows)`` reads the top of a sheet; each is read once."""
    tops: dict[str, Sequence[Sequence[Any]] | None] = {}

    def top(name: str) -> Sequence[Sequence[Any]] | None:
        if name not in tops:
            try:
                tops[name] = grid_of(name, INFO_SEARCH_ROWS)
            except Exception:  # a sheet calamine cannot read is simply not it
                tops[name] = None
        return tops[name]

    found: dict[str, str] = {}
    free = list(candidates[:MAX_CANDIDATES])
    for key in missing:
        rows = INFO_SEARCH_ROWS if key == "info" else HEADER_SEARCH_ROWS
        best, best_score = None, 0
        for name in free:
            grid = top(name)
            if grid is None:
                continue
            score = content_score(key, grid[:rows])
            if score > best_score:
                best, best_score = name, score
        if best is not None and enough(key, best_score):
            found[key] = best
            free.remove(best)
    return found
