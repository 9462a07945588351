"""How a feedback copy is made writable and saved: what openpyxl loads but cannot write
back (text XML forbids, numbers no float holds), images saved again and again, the
fonts in the schema's order, fixed zip times and dates (the same bytes for the same
inputs), written atomically."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from qmo_excel.fileio import atomic_path
from qmo_excel.safetext import clip, finite, xml_safe

_FIXED_TIME = "2000-01-01T00:00:00Z"
_CREATED = re.compile(r"<dcterms:created[^>]*>([^<]*)</dcterms:created>")
_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)([^<]*)(</dcterms:modified>)")


def save_bytes(wb: Any) -> bytes:
    """``wb`` saved to bytes, as often as needed: openpyxl closes each image's source
    when it saves, so the image bytes are kept aside and handed back before each save.
    An image Pillow cannot read is left out (``lost_content`` then says so)."""
    for ws in wb.worksheets:
        images = getattr(ws, "_images", [])
        for img in list(images):
            raw = getattr(img, "_qmo_raw", None)
            if raw is None:
                try:
                    raw = img._data()
                except Exception:
                    images.remove(img)
                    continue
                img._qmo_raw = raw
            img.ref = io.BytesIO(raw)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def save_atomic(data: bytes, target: Path) -> None:
    """Write to a temporary file beside ``target``, then rename: never a half-written file."""
    data = deterministic(data)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def deterministic(data: bytes) -> bytes:
    """The same bytes for the same inputs: fixed zip times and a fixed "modified" date.

    openpyxl stamps the zip entries and ``dcterms:modified`` with the current time; the
    modified date is set to the workbook's creation date (the unit's own, for a copy).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                created = _CREATED.search(text)
                stamp = created.group(1) if created else _FIXED_TIME
                body = _MODIFIED.sub(r"\g<1>" + stamp + r"\g<3>", text).encode("utf-8")
            elif info.filename == "xl/styles.xml":
                body = schema_font_order(body)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, body)
    return out.getvalue()


# The order of a font's properties in the schema (CT_Font, as the Open XML SDK and Excel
# read it); openpyxl writes name, charset and family first, which validators reject.
_FONT_ORDER = {name: i for i, name in enumerate((
    b"b", b"i", b"strike", b"condense", b"extend", b"outline", b"shadow", b"u",
    b"vertAlign", b"sz", b"color", b"name", b"family", b"charset", b"scheme"))}
_FONT = re.compile(rb"<font>((?:<[A-Za-z]+\b[^<>]*/>)+)</font>")
_FONT_CHILD = re.compile(rb"<([A-Za-z]+)\b[^<>]*/>")


def schema_font_order(styles: bytes) -> bytes:
    """``styles.xml`` with each font's properties in the schema's order (only fonts made
    of known, empty property elements are touched: anything else is left as it is)."""
    def order(m: re.Match[bytes]) -> bytes:
        children = [(c.group(1), c.group(0)) for c in _FONT_CHILD.finditer(m.group(1))]
        if any(name not in _FONT_ORDER for name, _ in children):
            return m.group(0)
        children.sort(key=lambda c: _FONT_ORDER[c[0]])
        return b"<font>" + b"".join(xml for _, xml in children) + b"</font>"

    return _FONT.sub(order, styles)


def writable(wb: Any) -> None:
    """What openpyxl loads but cannot write back, made writable in the copy: text with
    characters XML forbids or longer than a cell holds, numbers no float can hold (400
    nines). Formulas are the unit's own and stay as they are."""
    for ws in wb.worksheets:
        for cell in getattr(ws, "_cells", {}).values():
            v = cell._value
            if isinstance(v, str):
                if cell.data_type != "f":
                    safe = clip(xml_safe(v))
                    if safe != v:
                        cell._value = safe
            elif isinstance(v, int | float) and not isinstance(v, bool) and \
                    finite(v) is None:
                cell._value, cell.data_type = "#NUM!", "e"
