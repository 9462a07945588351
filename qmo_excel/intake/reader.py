"""Read one return's values with python-calamine into a ``model.UnitReturn``.

Sheets are found by the ``_qmo`` meta sheet's language, else by name in either language
(NFC, casefold, collapsed spaces). List columns follow the spec's positions unless the
header row says otherwise (a unit that inserted or moved a column is read by label).
Only "this is not our template at all" raises :class:`ReadError`; everything else is
returned, with a :class:`Layout` saying where each field was actually read from, for the
checks to report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import re
import time
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, PasswordError

from qmo_excel import spec
from qmo_excel.intake.pool import Failure, run_isolated
from qmo_excel.intake.precheck import precheck
from qmo_excel.model import CellValue, Row, UnitReturn

MAX_TABLE_ROWS = 5_000  # rows read from a list sheet (the template has 300)
HEADER_SEARCH_ROWS = 15  # a header moved down by inserted rows is still found
_CELL = re.compile(r"([A-Z]+)([0-9]+)")
_SPACES = re.compile(r"\s+")


class ReadError(Exception):
    """The file cannot be read as a return; ``code`` is a problems.py code."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

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


@dataclass
class Layout:
    sheets: dict[str, SheetLayout]  # spec key ("info", "objectives", "plan") -> layout
    other_sheets: list[str]  # sheet names that are none of ours
    meta: bool  # the _qmo meta sheet was present


def norm(text: Any) -> str:
    """NFC, casefold, single spaces: how names and labels are compared."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text)).casefold()).strip()


_SHEETS: dict[str, Any] = {s.key: s for s in (spec.UNIT_INFO, spec.OBJECTIVES, spec.PLAN)}
_NAMES = {key: {lang: norm(s.name(lang)) for lang in spec.LANGS} for key, s in _SHEETS.items()}
_LABELS = {key: {norm(lab): f.key for f in s.fields for lab in (f.vi, f.en)}
           for key, s in _SHEETS.items()}
_META = norm(spec.META_SHEET)


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
        return s if s.isascii() else unicodedata.normalize("NFC", s)
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
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
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError("file-unreadable", f"không đọc được tệp: {exc.strerror}") from None
    if sha256 is None:
        sha256 = hashlib.sha256(data).hexdigest()
    try:
        # calamine picks its parser by extension in from_path: content decides otherwise.
        wb = CalamineWorkbook.from_path(str(path)) if path.suffix.lower() in _OOXML_EXTS \
            else CalamineWorkbook.from_filelike(io.BytesIO(data))
        return _read(wb, path, sha256, st.st_mtime)
    except ReadError:
        raise
    except PasswordError:
        raise ReadError("file-encrypted", "tệp có mật khẩu") from None
    except MemoryError:
        raise ReadError("file-too-large", "cần quá nhiều bộ nhớ để đọc") from None
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # calamine errors, pyo3 PanicException
        names = _sheet_names_fallback(data)
        if names is not None and not _has_ours(names):
            raise _wrong_template(names) from None
        msg = " ".join(str(exc).split())[:160]
        raise ReadError("file-unreadable",
                        f"cấu trúc tệp bị lỗi: {type(exc).__name__}: {msg}" if msg
                        else f"cấu trúc tệp bị lỗi: {type(exc).__name__}") from None


_OOXML_EXTS = (".xlsx", ".xlsm", ".xltx", ".xltm")
_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"")


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
    got = {norm(n) for n in names}
    return any(n in got for n in _NAMES["objectives"].values())


def _wrong_template(names: list[str]) -> ReadError:
    shown = ", ".join(f"“{n}”" for n in names[:6]) or "không có trang nào"
    more = f" và {len(names) - 6} trang khác" if len(names) > 6 else ""
    return ReadError("file-wrong-template",
                     f"không có trang “{spec.OBJECTIVES.vi}”; các trang trong tệp: {shown}{more}")


def _read(wb: Any, path: Path, sha256: str, mtime: float) -> tuple[UnitReturn, Layout]:
    try:
        metas = wb.sheets_metadata
        visible = {m.name: str(m.visible).rsplit(".", 1)[-1].lower() for m in metas}
        by_norm: dict[str, str] = {}
        for m in metas:
            by_norm.setdefault(norm(m.name), m.name)
        meta = {k: None for k in spec.META_CELLS} if _META not in by_norm else \
            _read_meta(wb, by_norm[_META])
        if meta.get("template_id") == spec.ROUND_TEMPLATE_ID:
            raise ReadError("file-wrong-template",
                            "đây là sổ cấu hình kỳ báo cáo, không phải báo cáo của đơn vị")
        lang: spec.Lang | None = next((x for x in spec.LANGS if x == meta.get("lang")), None)
        found: dict[str, str] = {}
        for key, names in _NAMES.items():
            order = [names[lang]] if lang else []
            order += [names[x] for x in spec.LANGS if names[x] not in order]
            for n in order:
                if n in by_norm:
                    found[key] = by_norm[n]
                    if lang is None:
                        lang = next(x for x in spec.LANGS if names[x] == n)
                    break
        if "objectives" not in found:
            raise _wrong_template([m.name for m in metas])
        layouts: dict[str, SheetLayout] = {}
        info: dict[str, CellValue] = {f.key: None for f in spec.UNIT_INFO.fields}
        objectives: list[Row] = []
        tasks: list[Row] = []
        for key, name in found.items():
            lay = SheetLayout(name, visible.get(name, "visible"))
            layouts[key] = lay
            sheet = wb.get_sheet_by_name(name)
            if key == "info":
                nrows = spec.UNIT_INFO.first_row + len(spec.UNIT_INFO.fields) + 20
                info = _read_info(sheet.to_python(skip_empty_area=False, nrows=nrows), lay)
            else:
                grid = sheet.to_python(skip_empty_area=False, nrows=MAX_TABLE_ROWS)
                rows = _read_table(grid, _SHEETS[key], lay)
                if key == "objectives":
                    objectives = rows
                else:
                    tasks = rows
    finally:
        wb.close()
    ours = set(found.values()) | ({by_norm[_META]} if _META in by_norm else set())
    ret = UnitReturn(
        path=str(path), sha256=sha256, template_id=meta.get("template_id"),
        version=meta.get("version"), lang=lang or "vi", sheet_names=found, info=info,
        objectives=objectives, tasks=tasks, mtime=mtime)
    layout = Layout(layouts, [m.name for m in metas if m.name not in ours],
                    _META in by_norm)
    return ret, layout


def _read_meta(wb: Any, name: str) -> dict[str, str | None]:
    grid = wb.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=10)
    out: dict[str, str | None] = {}
    for key, ref in spec.META_CELLS.items():
        v = value(_at(grid, *cell_index(ref)))
        out[key] = None if v is None else (str(v) if not isinstance(v, float) else f"{v:g}")
    return out


def _read_info(grid: list[list[Any]], lay: SheetLayout) -> dict[str, CellValue]:
    sheet = spec.UNIT_INFO
    labels = _LABELS["info"]
    # Where each label actually is (a unit may have inserted a row or a column).
    # A label is the first filled cell of its row ("Năm" is also a value of the period
    # dropdown, so a value cell must never be taken for a label); " *" marks required.
    label_at: dict[str, tuple[int, int]] = {}
    for r, row in enumerate(grid[:60]):
        for c, v in enumerate(row[:8]):
            if v is None or v == "":
                continue
            key = labels.get(norm(v).rstrip(" *")) if isinstance(v, str) else None
            if key and key not in label_at:
                label_at[key] = (r, c)
            break
    out: dict[str, CellValue] = {}
    label_col = cell_index(f"{sheet.label_col}1")[1]
    for key, ref in sheet.cells().items():
        r, c = cell_index(ref)
        if key in label_at and label_at[key] != (r, label_col):
            lr, lc = label_at[key]
            r, c = lr, lc + (c - label_col)
            lay.moved.append(key)
        lay.columns[key] = f"{spec.col_letter(c)}{r + 1}"
        out[key] = value(_at(grid, r, c))
    return out


def _read_table(grid: list[list[Any]], table: spec.TableSheet, lay: SheetLayout) -> list[Row]:
    labels = _LABELS[table.key]
    hr = table.header_row - 1

    def matches(r: int) -> dict[str, int]:
        got: dict[str, int] = {}
        for c, v in enumerate(grid[r] if r < len(grid) else ()):
            if isinstance(v, str) and v:
                key = labels.get(norm(v))
                if key and key not in got:
                    got[key] = c
        return got

    found = matches(hr)
    if len(found) < len(table.fields):
        for r in range(min(HEADER_SEARCH_ROWS, len(grid))):
            if r != hr:
                alt = matches(r)
                if len(alt) > len(found):
                    hr, found = r, alt
    lay.header_row = hr + 1
    if hr < len(grid):
        lay.headers = {spec.col_letter(c): str(v).strip() for c, v in enumerate(grid[hr])
                       if v != "" and c < 200}
    claimed = set(found.values())
    cols: list[tuple[str, int]] = []
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
            cols.append((f.key, c))
    rows: list[Row] = []
    for r in range(hr + 1, len(grid)):
        line = grid[r]
        n = len(line)
        values = {k: value(line[c]) if c < n else None for k, c in cols}
        if any(v is not None for v in values.values()):
            for f in table.fields:
                values.setdefault(f.key, None)
            rows.append(Row(r + 1, values))
    return rows


# --------------------------------------------------------------------------- isolation


@dataclass
class ReadOutcome:
    """What became of one file: a return (with its layout) or a problem code."""

    path: str
    ret: UnitReturn | None = None
    layout: Layout | None = None
    code: str | None = None  # a problems.py code when the file was not read
    detail: str = ""  # Vietnamese, short: fills the {detail} of the problem's message
    format: str = ""  # precheck's format ("xlsx", "xls", "encrypted-ooxml", ...)
    seconds: float = 0.0


def read_file(path: Path) -> ReadOutcome:
    """precheck + read_return_layout; never raises for a bad file (run it isolated)."""
    t0 = time.perf_counter()
    path = Path(path)
    pre = precheck(path)
    out = ReadOutcome(str(path), format=pre.format)
    if not pre.ok:
        out.code, out.detail = pre.code or "file-unreadable", pre.detail
    else:
        try:
            out.ret, out.layout = read_return_layout(path)
        except ReadError as exc:
            out.code, out.detail = exc.code, exc.detail
    out.seconds = time.perf_counter() - t0
    return out


FAILURE_CODES = {"timeout": "file-timeout", "memory": "file-too-large",
                 "crashed": "file-unreadable", "error": "file-unreadable"}


def failure_outcome(path: Path | str, failure: Failure) -> ReadOutcome:
    """The outcome of a file whose reading worker timed out, died or raised."""
    detail = {"memory": "cần quá nhiều bộ nhớ để đọc"}.get(failure.kind, failure.detail)
    return ReadOutcome(str(path), code=FAILURE_CODES[failure.kind], detail=detail,
                       format="failed-" + failure.kind)


def read_files(paths: Sequence[Path], *, jobs: int | None = None, timeout: float = 20.0,
               memory_mb: int | None = 1024) -> Iterator[tuple[int, ReadOutcome]]:
    """read_file over ``paths`` in isolated workers; yields (index, outcome) as they come."""
    for i, res in run_isolated(read_file, list(paths), jobs=jobs, timeout=timeout,
                               memory_mb=memory_mb):
        yield i, failure_outcome(paths[i], res) if isinstance(res, Failure) else res
