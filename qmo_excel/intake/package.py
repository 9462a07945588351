"""A light scan of an OOXML package for what python-calamine does not say about cells.

calamine gives values only. Three things a return needs are in the package XML:

- **number formats**: a percentage typed into Excel ("96,4%") is stored as 0.964 with a
  percent format; without the format it would read as 0,964. A cell whose style has a
  percent format is reported here with its value, so the reader can show it as "96,4%".
- **formulas without a cached value**: a file written by a program that does not
  calculate (a script, some web exports) has ``<f>`` with no ``<v>``; calamine reads ""
  and the unit's figure would silently vanish.
- **hidden rows**: still read, but worth telling the unit.

The scan never parses XML with a DTD-aware parser (untrusted input): it reads the parts
it needs, size-bounded, with regular expressions on the element names (any namespace
prefix, Transitional and Strict alike). Anything unexpected yields an empty scan, never
an exception: the values calamine read stay the truth.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

MAX_PART = 60_000_000  # bytes of one uncompressed part that we agree to scan

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*?)/?>")
_REL = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*?)/?>")
_ATTR = re.compile(rb"([\w:]+)\s*=\s*\"([^\"]*)\"")
_NUMFMT = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*?)/?>")
_CELLXFS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.DOTALL)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*?)(?:/>|>)")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
_VALUE = re.compile(rb"<(?:\w+:)?v\b")
_FILLED_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>/]*>[^<]")
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*?\bhidden=\"(?:1|true)\"[^>]*?)/?>")
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_BUILTIN_PERCENT = frozenset({9, 10})  # "0%" and "0.00%"


@dataclass
class SheetScan:
    """What one sheet's XML says beyond values; keys are 0-based (row, column)."""

    percent: set[tuple[int, int]] = field(default_factory=set)  # numbers shown as %
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)  # -> formula
    hidden_rows: set[int] = field(default_factory=set)


def scan_sheets(data: bytes, names: list[str]) -> dict[str, SheetScan]:
    """A scan of each named sheet of the package in ``data``; {} when it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return _scan(zf, names)
    except Exception:  # any damage: calamine's values stand alone
        return {}


def _scan(zf: zipfile.ZipFile, names: list[str]) -> dict[str, SheetScan]:
    parts = {i.filename.replace("\\", "/").lstrip("/").lower(): i for i in zf.infolist()}
    workbook = _part(zf, parts, "xl/workbook.xml")
    rels = _part(zf, parts, "xl/_rels/workbook.xml.rels")
    if not workbook or not rels:
        return {}
    targets = {}
    for m in _REL.finditer(rels):
        a = _attrs(m.group(1))
        if "Id" in a and "Target" in a:
            targets[a["Id"]] = a["Target"]
    percent_xfs = _percent_styles(_part(zf, parts, "xl/styles.xml"))
    wanted = set(names)
    out: dict[str, SheetScan] = {}
    for m in _SHEET.finditer(workbook):
        a = _attrs(m.group(1))
        name = a.get("name")
        rid = next((v for k, v in a.items() if k.endswith(":id") or k == "id"), None)
        if name not in wanted or rid not in targets:
            continue
        target = targets[rid]
        path = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join("xl", target))
        xml = _part(zf, parts, path)
        if xml:
            out[name] = _scan_sheet(xml, percent_xfs)
    return out


def _part(zf: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str) -> bytes:
    info = parts.get(name.lower())
    if info is None or info.file_size > MAX_PART:
        return b""
    return zf.read(info)


def _attrs(raw: bytes) -> dict[str, str]:
    return {k.decode("ascii", "replace"): html.unescape(v.decode("utf-8", "replace"))
            for k, v in _ATTR.findall(raw)}


def _percent_styles(styles: bytes) -> set[int]:
    """The cell style indexes whose number format shows a percentage."""
    if not styles:
        return set()
    formats = set(_BUILTIN_PERCENT)
    for m in _NUMFMT.finditer(styles):
        a = _attrs(m.group(1))
        try:
            fid = int(a.get("numFmtId", ""))
        except ValueError:
            continue
        if is_percent_format(a.get("formatCode", "")):
            formats.add(fid)
        else:
            formats.discard(fid)
    xfs = _CELLXFS.search(styles)
    if not xfs:
        return set()
    out: set[int] = set()
    for i, m in enumerate(_XF.finditer(xfs.group(1))):
        try:
            if int(_attrs(m.group(1)).get("numFmtId", "0")) in formats:
                out.add(i)
        except ValueError:
            continue
    return out


def is_percent_format(code: str) -> bool:
    """Whether a number format shows a percentage: "0.0%" yes; "0\\%", '0"%"' and a %
    only in a later section (the negative or text one) no."""
    return "%" in _QUOTED.sub("", code.split(";", 1)[0])


_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_START = (b"<c ", b":c ")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_CELL_WINDOW = 40_000  # bytes: a cell (formula <= 8,192 chars, value) is never longer


def _scan_sheet(xml: bytes, percent_xfs: set[int]) -> SheetScan:
    """Only the cells that matter are parsed: those with a percent style (one targeted
    pattern) and those around each formula; a plain return costs a few searches."""
    scan = SheetScan()
    if b"hidden=" in xml:
        for m in _HIDDEN_ROW.finditer(xml):
            r = _attrs(m.group(1)).get("r", "")
            if r.isdigit():
                scan.hidden_rows.add(int(r) - 1)
    if percent_xfs:
        styles = b"|".join(str(i).encode() for i in sorted(percent_xfs))
        styled = re.compile(rb"<(?:\w+:)?c\b([^<>]*?(?<![\w:.-])s=\"(" + styles +
                            rb")\"[^<>]*?)(?<!/)>([^<]*(?:<(?!/?(?:\w+:)?c\b)[^<]*)*)"
                            rb"</(?:\w+:)?c>")
        for m in styled.finditer(xml):
            a = _attrs(m.group(1))
            ref = _REF.fullmatch(a.get("r", ""))
            if ref and a.get("t", "n") == "n" and _FILLED_VALUE.search(m.group(3)):
                scan.percent.add(_index(ref))
    pos = 0
    while True:
        f = _HAS_FORMULA.search(xml, pos)
        if f is None:
            break
        lo = max(0, f.start() - _CELL_WINDOW)
        start = max(xml.rfind(marker, lo, f.start()) for marker in _CELL_START)
        end = _CELL_END.search(xml, f.end(), f.end() + _CELL_WINDOW)
        pos = end.end() if end else f.end()
        if start < 0 or end is None:
            continue
        cell = _CELL.match(xml, start if xml[start:start + 1] == b"<" else
                           xml.rfind(b"<", 0, start + 1))
        if cell is None:
            continue
        _formula_cell(scan, _attrs(cell.group(1)), cell.group(2) or b"")
    return scan


def _formula_cell(scan: SheetScan, a: dict[str, str], body: bytes) -> None:
    ref = _REF.fullmatch(a.get("r", ""))
    f = _FORMULA.search(body)
    if not ref or not f:
        return
    # never calculated: no value, or an empty one where "" is not a text result
    if _FILLED_VALUE.search(body) or (a.get("t") == "str" and _VALUE.search(body)):
        return
    text = html.unescape((f.group(1) or b"").decode("utf-8", "replace"))
    scan.uncached[_index(ref)] = text.strip()


def _index(ref: re.Match[str]) -> tuple[int, int]:
    col = 0
    for ch in ref.group(1):
        col = col * 26 + ord(ch) - 64
    return int(ref.group(2)) - 1, col - 1


# --------------------------------------------------------------------------- integrity

# python-calamine holds a sheet densely, from A1 to its last cell with a value; cells past
# these bounds are taken out (the template uses columns A to M and a few hundred rows;
# the reader reads at most 5,000), so a sheet never asks for more than 2.6 million cells.
FAR_COLUMN = 256  # IV, the last column of Excel 2003
FAR_ROW = 10_000
# a cheap first look: a reference past column IV, or in a row of five digits or more
_FAR_HINT = re.compile(rb'r="(?:[A-Z]{3}|I[W-Z]|[J-Z][A-Z])[0-9]|r="[A-Z]{1,3}[0-9]{5}')
_FAR_CELL = re.compile(rb'<(?:\w+:)?c\b(?=[^>]*?\sr="([A-Z]{1,3})([0-9]{1,7})")([^>]*?)'
                       rb'(?:/>|>(.*?)</(?:\w+:)?c>)', re.DOTALL)
_TEXT_OR_VALUE = re.compile(rb"<(?:\w+:)?(?:t|v)\b[^>/]*>([^<]*)<")
_SI = re.compile(rb"<(?:\w+:)?si\b.*?</(?:\w+:)?si>", re.DOTALL)


@dataclass
class FarCell:
    sheet: str  # the sheet's name (or its part, when the workbook does not name it)
    ref: str  # "XFD3000"
    value: str  # what it holds, as text ("" when nothing)


@dataclass
class PackageCheck:
    """What the whole package says beyond the parts calamine reads."""

    damaged: list[str] = field(default_factory=list)  # parts that fail their CRC check
    far: list[FarCell] = field(default_factory=list)  # cells past column ZZ (dropped)
    data: bytes | None = None  # the package without those cells, when there are any


def check_package(data: bytes) -> PackageCheck:
    """Every part inflated once and its CRC checked, and worksheets searched for cells
    past ``FAR_COLUMN`` or ``FAR_ROW``. A value in column XFD is legal (Excel opens it)
    but python-calamine holds a sheet as a dense grid, so XFD3000 alone would ask for 49
    million cells: such cells are taken out of a copy of the package (which is then read
    instead) and reported. Never raises: a package it cannot walk is left as is."""
    out = PackageCheck()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            far_parts: dict[str, bytes] = {}
            for info in zf.infolist():
                sheet = info.filename.replace("\\", "/").lstrip("/").lower().startswith(
                    "xl/worksheets/")
                body = _inflate(data, zf, info)
                if body is None or zlib.crc32(body) != info.CRC:
                    out.damaged.append(info.filename)
                elif sheet and len(body) <= MAX_PART and _FAR_HINT.search(body):
                    far_parts[info.filename] = body
            if far_parts:
                _take_out_far(zf, far_parts, out)
    except Exception:  # damaged beyond walking: calamine's own verdict stands
        return PackageCheck(damaged=out.damaged)
    return out


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, ..., name length, extra length


def _inflate(data: bytes, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """A part's bytes, inflated straight from the package in memory (zlib, no per-chunk
    Python work), never more than it declares; None when they cannot be had."""
    try:
        if info.flag_bits & 0x1:  # an encrypted entry: nothing to check
            return b"" if info.CRC == 0 else None
        off = info.header_offset
        sig, n, e = _LOCAL_HEADER.unpack_from(data, off)
        if sig != b"PK\x03\x04":
            return None
        start = off + _LOCAL_HEADER.size + n + e
        packed = data[start:start + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            return packed
        if info.compress_type != zipfile.ZIP_DEFLATED:
            with zf.open(info) as fh:  # another method: zipfile's own reader
                fh._expected_crc = None  # type: ignore[attr-defined]
                return fh.read(info.file_size + 1)
        body = zlib.decompressobj(-15).decompress(packed, info.file_size + 1)
        return body if len(body) == info.file_size else None
    except (zlib.error, struct.error, ValueError, OSError, NotImplementedError,
            zipfile.BadZipFile, RuntimeError):
        return None


def _lenient(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A part's bytes whatever its CRC says (it was reported as damaged already)."""
    with zf.open(info) as fh:
        fh._expected_crc = None  # type: ignore[attr-defined]
        return fh.read(MAX_PART)


def _take_out_far(zf: zipfile.ZipFile, far_parts: dict[str, bytes],
                  out: PackageCheck) -> None:
    try:
        names = _sheet_names_by_part(zf)
    except Exception:  # the workbook or its relations damaged: parts are named by path
        names = {}
    strings: list[bytes] | None = None
    changed: dict[str, bytes] = {}
    for part, body in far_parts.items():
        found: list[tuple[str, bytes, bytes]] = []

        def drop(m: re.Match[bytes], found: list[tuple[str, bytes, bytes]] = found) -> bytes:
            col = 0
            for ch in m.group(1):
                col = col * 26 + ch - 64
            if col <= FAR_COLUMN and int(m.group(2)) <= FAR_ROW:
                return m.group(0)
            found.append(((m.group(1) + m.group(2)).decode("ascii"), m.group(3),
                          m.group(4) or b""))
            return b""

        new = _FAR_CELL.sub(drop, body)
        if not found:
            continue
        changed[part] = new
        sheet = names.get(part.replace("\\", "/").lstrip("/").lower(), part)
        for ref, attrs, inner in found:
            kind = _attrs(attrs).get("t", "n")
            if kind == "s" and strings is None:
                try:
                    strings = _SI.findall(_part(zf, {i.filename.lower(): i
                                                     for i in zf.infolist()},
                                                "xl/sharedStrings.xml"))
                except Exception:
                    strings = []
            out.far.append(FarCell(sheet, ref, _far_value(kind, inner, strings or [])))
    if not changed:
        return
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in zf.infolist():
            piece = changed.get(info.filename)
            if piece is None and info.filename in out.damaged:
                try:
                    piece = _lenient(zf, info)
                except Exception:  # beyond reading: left out of the copy
                    continue
            dst.writestr(info.filename, zf.read(info) if piece is None else piece)
    out.data = buf.getvalue()


def _far_value(kind: str, inner: bytes, strings: list[bytes]) -> str:
    texts = [html.unescape(t.decode("utf-8", "replace")) for t in
             _TEXT_OR_VALUE.findall(inner)]
    if kind == "s" and texts:
        try:
            si = strings[int(texts[0])]
        except (ValueError, IndexError):
            return ""
        texts = [html.unescape(t.decode("utf-8", "replace"))
                 for t in _TEXT_OR_VALUE.findall(si)]
    return "".join(texts)[:120]


def _sheet_names_by_part(zf: zipfile.ZipFile) -> dict[str, str]:
    """Lower-cased part path -> the sheet's name, from the workbook and its relations."""
    parts = {i.filename.replace("\\", "/").lstrip("/").lower(): i for i in zf.infolist()}
    workbook = _lenient(zf, parts["xl/workbook.xml"]) if "xl/workbook.xml" in parts else b""
    rels = _lenient(zf, parts["xl/_rels/workbook.xml.rels"]) \
        if "xl/_rels/workbook.xml.rels" in parts else b""
    targets = {}
    for m in _REL.finditer(rels):
        a = _attrs(m.group(1))
        if "Id" in a and "Target" in a:
            targets[a["Id"]] = a["Target"]
    out: dict[str, str] = {}
    for m in _SHEET.finditer(workbook):
        a = _attrs(m.group(1))
        rid = next((v for k, v in a.items() if k.endswith(":id") or k == "id"), None)
        if "name" in a and rid in targets:
            target = targets[rid]
            path = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            out[path.lower()] = a["name"]
    return out
