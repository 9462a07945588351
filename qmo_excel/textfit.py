"""How much room text takes in a printed cell: widths, wrapped lines, row heights.

Widths are in *column characters*, the unit of a column's width (xlsxwriter's
``set_column``): the digit of the workbook's default font, Arial 10. Viewers differ, so
each character's width is the larger of two measures, taken from the fonts' metrics:
Excel with Arial or Times New Roman (7 pixels a column character at 96 dpi), and
LibreOffice where those fonts are missing and DejaVu Sans or Serif stand in (a column
character is then DejaVu Sans's digit, 6.36 pt). Liberation Sans and Serif carry the
metrics of Arial and Times New Roman. A Vietnamese letter with tone marks is as wide
as its base letter (ơ and ư have their own widths).

A text fits a column of width ``w`` when ``text_width(text) <= w``; wrapped, it takes
``wrapped_lines(text, w)`` lines (words are kept whole, a word longer than the line is
broken where it fills one), and a row holding it needs ``row_height(lines, size)``.
"""

from __future__ import annotations

import functools
import math
import unicodedata

CHARS = "".join(chr(c) for c in range(32, 127)) + "ĐđƠơƯư–—…«»“”‘’•≥≤×±°"
# thousandths of a column character, per character at 10 pt, by font
_WIDTHS: dict[str, tuple[int, ...]] = {
    "sans": (
        529, 630, 723, 1317, 1059, 1694, 1270, 432, 634, 634, 786, 1317, 529, 634, 529, 530,
        1059, 1059, 1059, 1059, 1059, 1059, 1059, 1059, 1059, 1059, 530, 530, 1317, 1317,
        1317, 1059, 1934, 1270, 1270, 1376, 1376, 1270, 1164, 1482, 1376, 529, 952, 1270,
        1059, 1587, 1376, 1482, 1270, 1482, 1376, 1270, 1164, 1376, 1270, 1798, 1270, 1270,
        1164, 613, 530, 613, 1317, 1059, 786, 1059, 1059, 952, 1059, 1059, 554, 1059, 1059,
        437, 437, 952, 437, 1587, 1059, 1059, 1059, 1059, 646, 952, 616, 1059, 952, 1376,
        952, 952, 952, 1000, 530, 1000, 1317, 1376, 1059, 1739, 1165, 1634, 1207, 1059,
        1905, 1905, 1059, 1059, 815, 815, 500, 500, 927, 1317, 1317, 1317, 1317, 786),
    "sans_bold": (
        547, 717, 903, 1317, 1094, 1694, 1376, 481, 719, 719, 822, 1317, 597, 653, 597, 574,
        1094, 1094, 1094, 1094, 1094, 1094, 1094, 1094, 1094, 1094, 634, 634, 1317, 1317,
        1317, 1164, 1857, 1376, 1376, 1376, 1376, 1270, 1164, 1482, 1376, 585, 1059, 1376,
        1164, 1587, 1376, 1482, 1270, 1482, 1376, 1270, 1164, 1376, 1270, 1798, 1270, 1270,
        1164, 719, 574, 719, 1317, 1059, 786, 1061, 1164, 1059, 1164, 1066, 684, 1164,
        1164, 539, 539, 1059, 539, 1694, 1164, 1164, 1164, 1164, 775, 1059, 752, 1164,
        1059, 1482, 1059, 1059, 952, 1119, 574, 1119, 1317, 1376, 1164, 1664, 1309, 1591,
        1356, 1059, 1905, 1905, 1059, 1059, 1033, 1033, 597, 597, 1005, 1317, 1317, 1317,
        1317, 786),
    "serif": (
        500, 634, 778, 1317, 1000, 1587, 1482, 432, 634, 634, 952, 1317, 500, 634, 500, 530,
        1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 530, 530, 1317, 1317,
        1317, 845, 1754, 1376, 1270, 1270, 1376, 1164, 1091, 1376, 1376, 634, 741, 1376,
        1164, 1694, 1376, 1376, 1059, 1376, 1270, 1077, 1164, 1376, 1376, 1798, 1376, 1376,
        1164, 634, 530, 634, 1317, 952, 786, 937, 1007, 881, 1007, 930, 634, 1007, 1013,
        529, 529, 953, 529, 1491, 1013, 952, 1007, 1007, 752, 807, 632, 1013, 952, 1376,
        952, 952, 845, 1000, 530, 1000, 1317, 1376, 1007, 1562, 1147, 1605, 1227, 952,
        1905, 1905, 962, 962, 845, 845, 634, 634, 927, 1317, 1317, 1317, 1317, 786),
    "serif_bold": (
        547, 690, 1057, 1317, 1094, 1905, 1587, 529, 744, 744, 952, 1317, 547, 653, 547, 574,
        1094, 1094, 1094, 1094, 1094, 1094, 1094, 1094, 1094, 1094, 634, 634, 1317, 1317,
        1317, 952, 1772, 1376, 1329, 1376, 1376, 1270, 1164, 1482, 1486, 741, 952, 1482,
        1270, 1798, 1437, 1482, 1182, 1482, 1376, 1135, 1270, 1376, 1376, 1905, 1376, 1376,
        1270, 744, 574, 744, 1317, 952, 786, 1019, 1099, 957, 1099, 1000, 676, 1099, 1143,
        597, 634, 1089, 597, 1664, 1143, 1049, 1099, 1099, 845, 885, 726, 1143, 952, 1376,
        952, 952, 893, 1011, 572, 1011, 1317, 1376, 1099, 1659, 1270, 1661, 1385, 952,
        1905, 1905, 983, 983, 952, 952, 634, 634, 1005, 1317, 1317, 1317, 1317, 786),
}
WIDTHS: dict[str, dict[str, float]] = {
    font: {ch: w / 1000 for ch, w in zip(CHARS, widths, strict=True)}
    for font, widths in _WIDTHS.items()
}
WIDEST = "W"  # stands in for a character the tables do not know
MAX_CHAR = 1.95  # no character is wider (column characters at 10 pt): a quick bound
LINE = {"sans": 1.275, "serif": 1.3}  # a line's height, per point of font size
PAD_PT = 3.0  # above and below the lines of a cell
MAX_ROW_PT = 409.0  # Excel's tallest row
SLACK = 0.6  # column characters kept free: the cell's padding and rounding


def _font(serif: bool, bold: bool) -> dict[str, float]:
    return WIDTHS[("serif" if serif else "sans") + ("_bold" if bold else "")]


def char_width(ch: str, table: dict[str, float]) -> float:
    w = table.get(ch)
    if w is not None:
        return w
    parts = unicodedata.normalize("NFD", ch)
    base = parts[:1]
    if "\u031b" in parts:  # the horn of ơ, ư
        base = {"o": "ơ", "O": "Ơ", "u": "ư", "U": "Ư"}.get(base, base)
    if unicodedata.combining(ch):
        return 0.0
    return table.get(base, table[WIDEST])


@functools.lru_cache(maxsize=65536)
def _word_width(word: str, font: str) -> float:
    table = WIDTHS[font]
    return sum(char_width(ch, table) for ch in word)


def text_width(text: str, *, size: float = 10, bold: bool = False,
               serif: bool = False) -> float:
    """Width of one line of ``text`` in column characters."""
    table = _font(serif, bold)
    return sum(char_width(ch, table) for ch in text) * size / 10


def wrapped_lines(text: str, width: float, *, size: float = 10, bold: bool = False,
                  serif: bool = False) -> int:
    """Lines ``text`` takes wrapped in a column (or merged columns) ``width`` wide."""
    room = max(1.0, width - SLACK)
    if len(text) * MAX_CHAR * size / 10 <= room and "\n" not in text:
        return 1
    font = ("serif" if serif else "sans") + ("_bold" if bold else "")
    table = WIDTHS[font]
    scale = size / 10
    space = char_width(" ", table) * scale
    total = 0
    for para in text.split("\n"):
        lines, used = 1, 0.0
        for word in para.split():
            w = _word_width(word, font) * scale
            if used and used + space + w > room:
                lines, used = lines + 1, 0.0
            if used:
                used += space
            if w > room:  # a word longer than the line: broken where lines fill
                for ch in word:
                    c = char_width(ch, table) * scale
                    if used + c > room:
                        lines, used = lines + 1, 0.0
                    used += c
            else:
                used += w
        total += lines
    return max(1, total)


def line_height(size: float = 10, *, serif: bool = False) -> float:
    return size * LINE["serif" if serif else "sans"]


def row_height(lines: int, size: float = 10, *, serif: bool = False) -> float:
    """Points a row needs for ``lines`` lines of text."""
    return min(MAX_ROW_PT, math.ceil(lines * line_height(size, serif=serif) + PAD_PT))


def fit_width(text: str, *, size: float = 10, bold: bool = False) -> float:
    """The column width that shows ``text`` on one line."""
    return text_width(text, size=size, bold=bold) + SLACK
