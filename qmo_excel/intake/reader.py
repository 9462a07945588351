"""Read one return's values with python-calamine into a ``model.UnitReturn``.

Sheets are found by the ``_qmo`` meta sheet's language, else by name in either language
(NFC, casefold, collapsed spaces). List columns follow the spec's positions unless the
header row says otherwise (a unit that inserted or moved a column is read by label).
Only "this is not our template at all" raises :class:`ReadError`; everything else is
returned, with a :class:`Layout` saying where each field was actually read from, for the
checks to report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import io
import math
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, PasswordError

from qmo_excel import spec
from qmo_excel.fileio import open_regular
from qmo_excel.intake.decrypt import decrypt_default
from qmo_excel.intake.labels import (
    HEADER_SEARCH_ROWS,
    INFO_SEARCH_ROWS,
    META_NAME,
    SHEET_NAMES,
    SHEETS,
    find_renamed,
    header_matches,
    info_labels,
    loose,
)
from qmo_excel.intake.merged import fill_merged, merged_ranges
from qmo_excel.intake.package import (
    FarCell,
    PackageCheck,
    SheetScan,
    check_package,
    scan_sheets,
)
from qmo_excel.intake.precheck import OLE_MAGIC, precheck, precheck_zip
from qmo_excel.intake.stamps import OwnWorkbook, package_stamp
from qmo_excel.model import CellValue, Row, UnitReturn
from qmo_excel.safetext import shown, xml_safe
from qmo_excel.vocab import Words

MAX_TABLE_ROWS = 5_000  # rows read from a list sheet (the template has 300)
_CELL = re.compile(r"([A-Z]+)([0-9]+)")
_SPACES = re.compile(r"\s+")
LEGACY_FORMATS = {"xls": "Excel 97-2003 (.xls)", "ods": "OpenDocument (.ods)"}


class ReadError(Exception):
    """The file cannot be read as a return; ``code`` is a problems.py code."""

    def __init__(self, code: str, detail: str = "",
                 extra: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
        # (code, detail) of warnings that still apply: the file's old format, a default
        # password it was decrypted with
        self.extra = extra

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


@dataclass
class SheetLayout:
    """Where one spec sheet was found and where each field was read from."""

    name: str  # the actual sheet name
    visible: str  # "visible" | "hidden" | "veryhidden"
    header_row: int = 0  # 1-based; 0 for the info sheet
    # field key -> column letter (lists) or cell address (info) actually read; None when
    # the field's column could not be found
    columns: dict[str, str | None] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # column letter -> header text
    moved: list[str] = field(default_factory=list)  # keys not read at the spec position
    renamed: bool = False  # found by its labels, not by its name
    uncached: dict[str, str] = field(default_factory=dict)  # A1 -> formula with no value
    hidden_rows: list[int] = field(default_factory=list)  # 1-based rows read though hidden


@dataclass
class Layout:
    sheets: dict[str, SheetLayout]  # spec key ("info", "objectives", "plan") -> layout
    other_sheets: list[str]  # sheet names that are none of ours
    meta: bool  # the _qmo meta sheet was present
    format: str = "xlsx"  # "xlsx", "xls" or "ods": what the file really is
    default_password: bool = False  # decrypted with Excel's default password
    damaged: list[str] = field(default_factory=list)  # parts failing their CRC check
    far_cells: list[FarCell] = field(default_factory=list)  # past column ZZ, not read


def norm(text: Any) -> str:
    """NFC, casefold, single spaces: how values are compared (labels: ``labels.loose``)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text)).casefold()).strip()


def cell_index(ref: str) -> tuple[int, int]:
    """'C4' -> (3, 2): 0-based row and column."""
    m = _CELL.fullmatch(ref)
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def value(v: Any) -> CellValue:
    """A calamine value as a CellValue: '' -> None, 2025.0 -> 2025, datetime -> date."""
    if isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        # NFC; characters no XML part may hold (control codes, U+FFFE) become "�"
        return xml_safe(s if s.isascii() else unicodedata.normalize("NFC", s))
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        if not math.isfinite(v):  # 1E+400 or NaN written by a program: Excel's #NUM!
            return "#NUM!"
        return int(v) if v.is_integer() and abs(v) < 1e15 else v
    if isinstance(v, int):
        return v
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if v is None:
        return None
    return str(v)  # time, timedelta


def percent_text(v: float) -> str:
    """0.964 stored with a percent format -> "96,4%" (as the unit typed and saw it)."""
    shown = f"{v * 100:.10g}"
    if "e" in shown:
        shown = f"{v * 100:f}".rstrip("0").rstrip(".")
    return shown.replace(".", ",") + "%"


def _at(grid: list[list[Any]], r: int, c: int) -> Any:
    if 0 <= r < len(grid):
        row = grid[r]
        if 0 <= c < len(row):
            return row[c]
    return ""


def read_return(path: Path, *, sha256: str | None = None) -> UnitReturn:
    """Read a return; raises ReadError when the file is not a return at all."""
    return read_return_layout(path, sha256=sha256)[0]


def read_return_layout(path: Path, *, sha256: str | None = None
                       ) -> tuple[UnitReturn, Layout]:
    path = Path(path)
    try:
        st = path.stat()
        with open_regular(path) as fh:
            data = fh.read()
    except OSError as exc:
        raise ReadError("file-unreadable", Words(f"không đọc được tệp: {exc.strerror}",
                                              f"cannot read the file: {exc.strerror}")) from None
    if sha256 is None:
        sha256 = hashlib.sha256(data).hexdigest()
    default_password = False
    if data.startswith(OLE_MAGIC):
        plain = decrypt_default(data)
        if plain is not None:
            data, default_password = plain, True
            if data.startswith(b"PK"):
                pre = precheck_zip(io.BytesIO(data))
                if not pre.ok:
                    raise ReadError(pre.code or "file-unreadable", pre.detail,
                                    _extra("xlsx", True))
        elif precheck(path).code == "file-encrypted":
            raise ReadError("file-encrypted", Words("tệp có mật khẩu", "password-protected"))
    fmt = ("ods" if _is_ods(data) else "xlsx") if data.startswith(b"PK") else "xls"
    if fmt == "xlsx" and (kind := package_stamp(data)):
        raise OwnWorkbook(kind)
    extra = _extra(fmt, default_password)
    checked = check_package(data) if fmt == "xlsx" else PackageCheck()
    if checked.data is not None:  # cells far past the template's columns taken out
        data = checked.data
    try:
        ret, layout = _open_and_read(path, data, fmt, sha256, st.st_mtime,
                                     default_password or checked.data is not None)
    except ReadError as exc:
        raise ReadError(exc.code, exc.detail, exc.extra or extra) from None
    layout.format, layout.default_password = fmt, default_password
    layout.damaged, layout.far_cells = checked.damaged, checked.far
    return ret, layout


def _extra(fmt: str, default_password: bool) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    if fmt in LEGACY_FORMATS:
        out.append(("file-legacy-format", LEGACY_FORMATS[fmt]))
    if default_password:
        out.append(("file-default-password", ""))
    return tuple(out)


def _open_and_read(path: Path, data: bytes, fmt: str, sha256: str, mtime: float,
                   from_bytes: bool) -> tuple[UnitReturn, Layout]:
    """``from_bytes``: ``data`` is not the file's own bytes (decrypted, or far cells
    taken out), so calamine reads it and not the file."""
    try:
        # The parser is chosen by content, never by the file's extension.
        if fmt == "xlsx" and not from_bytes:
            # (from the bytes too when the name is not UTF-8: calamine cannot open it)
            wb = CalamineWorkbook.from_path(str(path)) \
                if path.suffix.lower() in _OOXML_EXTS and shown(str(path)) == str(path) \
                else CalamineWorkbook.from_filelike(io.BytesIO(data))
        else:
            wb = _open_by_format(data, fmt)
        return _read(wb, path, sha256, mtime, data if fmt == "xlsx" else None)
    except ReadError:
        raise
    except PasswordError:
        raise ReadError("file-encrypted", Words("tệp có mật khẩu", "password-protected")) from None
    except MemoryError:
        raise ReadError("file-too-large", Words("cần quá nhiều bộ nhớ để đọc",
                                                "needs too much memory to read")) from None
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # calamine errors, pyo3 PanicException
        names = _sheet_names_fallback(data)
        if names is not None and not _has_ours(names):
            raise _wrong_template(names) from None
        msg = " ".join(str(exc).split())[:160]
        what = f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
        raise ReadError("file-unreadable", Words("cấu trúc tệp bị lỗi",
                                                 f"broken file structure: {what}")) from None


def _open_by_format(data: bytes, fmt: str) -> Any:
    """calamine on bytes whose format we know: it guesses formats from a file's name,
    and from bytes alone it does not recognise every .ods and .xls."""
    if fmt == "xlsx":
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    tmp = ""
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix="qmo-read-", suffix="." + fmt)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except OSError as exc:  # this machine's problem (a full disk), not the file's
            why = exc.strerror or type(exc).__name__
            raise ReadError("file-unreadable", Words(
                f"máy đang chạy không ghi được tệp tạm để đọc ({why}); hãy chạy lại sau",
                f"this computer cannot write a temporary file to read it ({why}); run "
                "again later")) from None
        wb = CalamineWorkbook.from_path(tmp)
        wb.sheets_metadata  # noqa: B018  (opened before the file goes)
        return wb
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


_OOXML_EXTS = (".xlsx", ".xlsm", ".xltx", ".xltm")
_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"")


def _is_ods(data: bytes) -> bool:
    """An OpenDocument package: its mimetype first, or (when a writer left it out) its
    manifest and content parts named in the zip directory, and no workbook part."""
    if b"mimetypeapplication/vnd.oasis.opendocument" in data[:200]:
        return True
    tail = data[-65536:]
    return b"META-INF/manifest.xml" in tail and b"content.xml" in tail and \
        b"xl/workbook" not in tail


def _sheet_names_fallback(data: bytes) -> list[str] | None:
    """Sheet names from xl/workbook.xml by a plain scan (no XML parser, no entities)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = next((i for i in zf.infolist()
                         if i.filename.replace("\\", "/").lower() == "xl/workbook.xml"), None)
            if info is None or info.file_size > 5_000_000:
                return None
            raw = zf.read(info)
    except Exception:
        return None
    for enc in ("utf-16", "utf-8") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8",):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    return [html.unescape(n) for n in _SHEET_TAG.findall(text)] or None


def _has_ours(names: list[str]) -> bool:
    got = {loose(n) for n in names}
    return any(n in got for n in SHEET_NAMES["objectives"].values())


def _wrong_template(names: list[str]) -> ReadError:
    listed = ", ".join(f"“{n}”" for n in names[:6])
    more = len(names) - 6
    return ReadError("file-wrong-template", Words(
        f"không có trang “{spec.OBJECTIVES.vi}”; các trang trong tệp: "
        f"{listed or 'không có trang nào'}" + (f" và {more} trang khác" if more > 0 else ""),
        f"no sheet “{spec.OBJECTIVES.en}” or “{spec.OBJECTIVES.vi}”; the file's sheets: "
        f"{listed or 'none'}" + (f" and {more} more" if more > 0 else "")))


def _read(wb: Any, path: Path, sha256: str, mtime: float,
          package: bytes | None) -> tuple[UnitReturn, Layout]:
    try:
        metas = wb.sheets_metadata
        visible = {m.name: str(m.visible).rsplit(".", 1)[-1].lower() for m in metas}
        by_loose: dict[str, str] = {}
        for m in metas:
            by_loose.setdefault(loose(m.name), m.name)
        meta = {k: None for k in spec.META_CELLS} if META_NAME not in by_loose else \
            _read_meta(wb, by_loose[META_NAME])
        if meta.get("template_id") == spec.ROUND_TEMPLATE_ID:
            raise ReadError("file-wrong-template", Words(
                "đây là sổ cấu hình kỳ báo cáo, không phải báo cáo của đơn vị",
                "this is a round workbook, not a unit's return"))
        lang: spec.Lang | None = next((x for x in spec.LANGS if x == meta.get("lang")), None)
        found: dict[str, str] = {}
        for key, names in SHEET_NAMES.items():
            order = [names[lang]] if lang else []
            order += [names[x] for x in spec.LANGS if names[x] not in order]
            for n in order:
                if n in by_loose and by_loose[n] not in found.values():
                    found[key] = by_loose[n]
                    if lang is None:
                        lang = next(x for x in spec.LANGS if names[x] == n)
                    break
        missing = [k for k in ("objectives", "plan", "info") if k not in found]
        renamed: dict[str, str] = {}
        if missing:
            free = [m.name for m in metas if m.name not in found.values()
                    and loose(m.name) != META_NAME]
            renamed = find_renamed(missing, free, lambda name, n: wb.get_sheet_by_name(
                name).to_python(skip_empty_area=False, nrows=n))
            found.update(renamed)
        if "objectives" not in found:
            raise _wrong_template([m.name for m in metas])
        scans = scan_sheets(package, list(found.values())) if package else {}
        layouts: dict[str, SheetLayout] = {}
        info: dict[str, CellValue] = {f.key: None for f in spec.UNIT_INFO.fields}
        objectives: list[Row] = []
        tasks: list[Row] = []
        for key, name in found.items():
            lay = SheetLayout(name, visible.get(name, "visible"), renamed=key in renamed)
            layouts[key] = lay
            sheet = wb.get_sheet_by_name(name)
            scan = scans.get(name) or SheetScan()
            if key == "info":
                nrows = spec.UNIT_INFO.first_row + len(spec.UNIT_INFO.fields) + INFO_SEARCH_ROWS
                info = _read_info(sheet.to_python(skip_empty_area=False, nrows=nrows), lay,
                                  scan)
            else:
                grid = sheet.to_python(skip_empty_area=False, nrows=MAX_TABLE_ROWS)
                rows = _read_table(grid, SHEETS[key], lay, scan,
                                   merged_ranges(sheet, MAX_TABLE_ROWS))
                if key == "objectives":
                    objectives = rows
                else:
                    tasks = rows
    finally:
        wb.close()
    ours = set(found.values()) | ({by_loose[META_NAME]} if META_NAME in by_loose else set())
    ret = UnitReturn(
        path=str(path), sha256=sha256, template_id=meta.get("template_id"),
        version=meta.get("version"), lang=lang or "vi", sheet_names=found, info=info,
        objectives=objectives, tasks=tasks, mtime=mtime)
    layout = Layout(layouts, [m.name for m in metas if m.name not in ours],
                    META_NAME in by_loose)
    return ret, layout


def _read_meta(wb: Any, name: str) -> dict[str, str | None]:
    grid = wb.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=10)
    out: dict[str, str | None] = {}
    for key, ref in spec.META_CELLS.items():
        v = value(_at(grid, *cell_index(ref)))
        out[key] = None if v is None else (str(v) if not isinstance(v, float) else f"{v:g}")
    return out


_TEXT_KINDS = {"text"}


def _cell(grid: list[list[Any]], r: int, c: int, f: spec.Field, scan: SheetScan,
          lay: SheetLayout) -> CellValue:
    v = value(_at(grid, r, c))
    if scan.percent and (r, c) in scan.percent and f.kind in _TEXT_KINDS and \
            isinstance(v, int | float):
        return percent_text(float(v))
    if v is None and scan.uncached and (r, c) in scan.uncached:
        lay.uncached[f"{spec.col_letter(c)}{r + 1}"] = scan.uncached[(r, c)]
    return v


def _read_info(grid: list[list[Any]], lay: SheetLayout, scan: SheetScan
               ) -> dict[str, CellValue]:
    sheet = spec.UNIT_INFO
    # Where each label actually is (a unit may have inserted a row or a column).
    label_at = info_labels(grid)
    out: dict[str, CellValue] = {}
    label_col = cell_index(f"{sheet.label_col}1")[1]
    for f in sheet.fields:
        r, c = cell_index(sheet.cell(f.key))
        if f.key in label_at and label_at[f.key] != (r, label_col):
            lr, lc = label_at[f.key]
            r, c = lr, lc + (c - label_col)
            lay.moved.append(f.key)
        lay.columns[f.key] = f"{spec.col_letter(c)}{r + 1}"
        out[f.key] = _cell(grid, r, c, f, scan, lay)
    return out


def _read_table(grid: list[list[Any]], table: spec.TableSheet, lay: SheetLayout,
                scan: SheetScan, merges: list[tuple[int, int, int]]) -> list[Row]:
    hr = table.header_row - 1
    found = header_matches(table.key, grid[hr]) if hr < len(grid) else {}
    if len(found) < len(table.fields):
        for r in range(min(HEADER_SEARCH_ROWS, len(grid))):
            if r != hr:
                alt = header_matches(table.key, grid[r])
                if len(alt) > len(found):
                    hr, found = r, alt
    lay.header_row = hr + 1
    if hr < len(grid):
        lay.headers = {spec.col_letter(c): str(v).strip() for c, v in enumerate(grid[hr])
                       if v != "" and c < 200}
    claimed = set(found.values())
    cols: list[tuple[spec.Field, int]] = []
    for i, f in enumerate(table.fields):
        if f.key in found:
            c: int | None = found[f.key]
        elif i not in claimed:
            c = i
        else:
            c = None
        if c != i:
            lay.moved.append(f.key)
        lay.columns[f.key] = None if c is None else spec.col_letter(c)
        if c is not None:
            cols.append((f, c))
    fill_merged(grid, merges, hr)
    special = bool(scan.percent or scan.uncached)
    hidden = scan.hidden_rows
    rows: list[Row] = []
    for r in range(hr + 1, len(grid)):
        line = grid[r]
        n = len(line)
        if special:
            values = {f.key: _cell(grid, r, c, f, scan, lay) for f, c in cols}
        else:
            values = {f.key: value(line[c]) if c < n else None for f, c in cols}
        if any(v is not None for v in values.values()):
            for f in table.fields:
                values.setdefault(f.key, None)
            rows.append(Row(r + 1, values))
            if hidden and r in hidden:
                lay.hidden_rows.append(r + 1)
    return rows
