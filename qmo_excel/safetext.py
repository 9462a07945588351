"""Text we write, made safe whatever a return or a file name held (ground: imports nothing).

- ``xml_safe``: characters XML 1.0 forbids (control codes other than tab, line feed and
  carriage return; U+FFFE, U+FFFF; lone surrogates) become U+FFFD "�", so every
  workbook part we write stays well-formed XML.
- ``shown``: a file name as the user sees it. A name that is not valid UTF-8 (a zip
  made on Windows unpacked on Linux) reaches Python with surrogate escapes; every byte
  that is not UTF-8 is shown as "�" (the real path is kept for opening the file).
- ``clip``: Excel holds at most 32,767 characters in a cell; longer text is cut and
  ends with a marker saying so.
- ``csv_cell``: a CSV cell a spreadsheet would run as a formula (it starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe, the
  convention of OWASP's "CSV injection" advice: Excel then shows the text as it is.
"""

from __future__ import annotations

import math
import re
from typing import Any

EXCEL_MAX_TEXT = 32_767
CUT_MARKER = " …[cắt bớt / truncated]"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


bad_xml = _XML_BAD.search  # a match when the text holds a character XML forbids


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD."""
    if _XML_BAD.search(text) is None:
        return text
    return _XML_BAD.sub("\ufffd", text)


def shown(name: str) -> str:
    """A name for display and for every text we write: undecodable bytes -> "�"."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return xml_safe(name)


def clip(text: str, limit: int = EXCEL_MAX_TEXT) -> str:
    """At most ``limit`` characters; a longer text is cut and marked as cut."""
    if len(text) <= limit:
        return text
    return text[: limit - len(CUT_MARKER)] + CUT_MARKER


def finite(value: Any) -> Any:
    """A number a spreadsheet or JSON can hold, or None (NaN, ±infinity, huge ints)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 1e308:
        return None
    return value


def csv_cell(value: Any) -> Any:
    """A CSV cell's value: text neutralised and clipped, non-finite numbers empty."""
    if isinstance(value, str):
        text = clip(shown(value))
        return "'" + text if text.startswith(_FORMULA_START) else text
    num = finite(value)
    return "" if num is None else num
