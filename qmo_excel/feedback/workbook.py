"""Feedback workbooks: a unit's own file with every problem cell coloured and commented.

``write_feedback`` makes a COPY of the unit's workbook (openpyxl full load of the original,
which is only read, never written), fills each problem cell (error red, warning amber,
info blue), adds a comment with the message, and puts first a sheet listing every problem
with a link to its cell. A return in an old format (.xls, .ods), which openpyxl cannot
open, gets its figures written into our .xlsx template instead (``feedback_rebuild``),
with the problems re-pointed there; a file that cannot be read gets only the list.

Fidelity: openpyxl keeps cells, styles, merged cells, defined names, panes, column
widths, protection, tables and print setup, but drops each worksheet's ``extLst``. Excel,
when a unit saves the file, moves there the dropdowns that point at another sheet (our
hidden ``_qmo`` lists) as Excel 2010 ``x14`` validations, with ``x14`` conditional formats
(see PERFORMANCE.md). ``feedback_ext`` puts each sheet's ``extLst`` back into the saved
copy. Then the dropdown of every choice field of ``spec`` is re-added on the cells that no
validation (plain or ``x14``) covers any more, pointing at the lists of the ``_qmo`` sheet
(or inline when it is missing), so that no two validations overlap. When the extensions
cannot be read or put back, the copy is the plain one with every dropdown re-added.
Still lost: shapes, form controls and ActiveX controls, which openpyxl does not read
(images are kept: Pillow is a dependency). ``feedback_ext.lost_content`` compares the
copy with the original, and the list sheet says what the copy could not keep.
"""

from __future__ import annotations

import io
import unicodedata
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string, range_boundaries
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

from qmo_excel import spec
from qmo_excel.feedback.extensions import (
    SheetExt,
    carry_extensions,
    lost_content,
    read_extensions,
)
from qmo_excel.feedback.rebuild import rebuild, repoint
from qmo_excel.feedback.saving import save_atomic, save_bytes, writable
from qmo_excel.fileio import open_regular
from qmo_excel.intake.decrypt import decrypt_default
from qmo_excel.intake.stamps import STAMP_PROPERTY
from qmo_excel.names import feedback_file_name
from qmo_excel.problems import Problem, sort_key
from qmo_excel.reports import FileReport
from qmo_excel.safetext import clip, xml_safe
from qmo_excel.vocab import SEVERITY_ORDER

LIST_SHEET = {"vi": "Lỗi cần sửa", "en": "Problems to fix"}
FILLS = {"error": "FFC7CE", "warning": "FFE699", "info": "DDEBF7"}
SEVERITY_LABELS = {"vi": {"error": "Lỗi", "warning": "Cảnh báo", "info": "Lưu ý"},
                   "en": {"error": "Error", "warning": "Warning", "info": "Note"}}
_TEXT: dict[str, dict[str, Any]] = {
    "vi": {
        "title": "GÓP Ý VỀ BÁO CÁO MỤC TIÊU CHẤT LƯỢNG",
        "file": "Tệp", "unit": "Đơn vị", "summary": "{e} lỗi, {w} cảnh báo, {i} lưu ý",
        "howto": ("Hãy sửa các lỗi để số liệu được tổng hợp đúng; cảnh báo và lưu ý nên xem lại. "
                  "Bấm vào ô ở cột \"Ô\" để đến ô cần sửa: ô được tô màu và có ghi chú. Sửa "
                  "trong tệp báo cáo của đơn vị, lưu lại rồi gửi lại Văn phòng."),
        "rejected": ("Tệp chưa được tổng hợp vì lý do nêu dưới đây. Hãy làm theo hướng dẫn "
                     "rồi gửi lại tệp."),
        "rebuilt": ("Tệp của đơn vị lưu dạng cũ (.xls hoặc .ods) nên số liệu đã được chép "
                    "sang mẫu chuẩn .xlsx trong tệp này, đúng từng dòng. Hãy sửa các lỗi ngay "
                    "trên tệp này (bấm vào ô ở cột \"Ô\" để đến ô cần sửa: ô được tô màu và "
                    "có ghi chú), lưu lại và gửi lại Văn phòng; dùng tệp này cho các lần gửi "
                    "sau."),
        "headers": ("STT", "Trang", "Ô", "Mức độ", "Nội dung cần sửa", "Giá trị hiện tại",
                    "Mã lỗi"),
        "author": "Văn phòng (qmo)",
        "lost": ("Lưu ý: bản sao này không giữ được {what} của tệp gốc; khi sửa, hãy sửa "
                 "trên tệp gốc của đơn vị (hoặc vẽ lại các phần đó) trước khi gửi lại."),
        "lost_what": {"images": "ảnh", "shapes": "hình vẽ, hộp văn bản",
                      "charts": "biểu đồ", "controls": "nút và ô điều khiển biểu mẫu",
                      "activex": "điều khiển ActiveX"},
        "no_copy": ("Không tạo được bản sao tệp của đơn vị có tô màu các ô (tệp có nội dung "
                    "chương trình không ghi lại được), nên tệp này chỉ có danh sách lỗi: hãy "
                    "sửa trên tệp gốc của đơn vị theo danh sách."),
    },
    "en": {
        "title": "FEEDBACK ON THE QUALITY OBJECTIVES RETURN",
        "file": "File", "unit": "Unit", "summary": "{e} errors, {w} warnings, {i} notes",
        "howto": ("Fix the errors so that your figures are consolidated correctly; warnings "
                  "and notes are worth a look. Click a cell in column \"Cell\" to go to it: it is "
                  "coloured and commented. Fix your own file and send it again."),
        "rejected": "The file was not consolidated, for the reason below. Fix it and send "
                    "it again.",
        "rebuilt": ("Your file is in an old format (.xls or .ods), so its figures were copied "
                    "row for row into the standard .xlsx template in this file. Fix the "
                    "errors here (click a cell in column \"Cell\" to go to it), save it and "
                    "send it again; use this file from now on."),
        "headers": ("No.", "Sheet", "Cell", "Severity", "What to fix", "Current value",
                    "Code"),
        "author": "Office (qmo)",
        "lost": ("Note: this copy could not keep the {what} of your file; make your fixes "
                 "in your own file (or draw those again) before sending it back."),
        "lost_what": {"images": "images", "shapes": "shapes and text boxes",
                      "charts": "charts", "controls": "form controls (buttons, check boxes)",
                      "activex": "ActiveX controls"},
        "no_copy": ("A marked copy of your file could not be made (it holds something the "
                    "program cannot write back), so this file has the list only: fix your "
                    "own file by the list."),
    },
}
_WIDTHS = (6, 22, 9, 11, 70, 28, 24)
_HEADER_ROW = 4
_THIN = Side(style="thin", color="BFBFBF")
def feedback_name(report: FileReport, lang: str = "vi") -> str:
    """The name of a report's feedback workbook alone (``names.feedback_file_name``);
    a run hands out names unique among its own (``jobs.feedback_jobs``)."""
    return feedback_file_name(report.rel, report.unit_code, lang)


def write_feedback(report: FileReport, out_dir: Path, *, lang: str = "vi",
                   name: str | None = None) -> Path | None:
    """Write the feedback workbook of one file; None when the file has no problems.
    ``name``: the file's name in ``out_dir`` (``feedback_names``), else its own
    ``feedback_name``.

    When the marked copy of the unit's file cannot be written (something in it that
    openpyxl loads but cannot save), the list of problems alone is written, saying so.
    A failure to write at all (a full disk) raises ``OSError``."""
    if report.status == "ignored" or not report.problems:
        return None
    lg = "en" if lang == "en" else "vi"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (name or feedback_name(report, lg))
    try:
        return _write_feedback(report, target, lg, copy=True)
    except OSError:
        raise
    except Exception:
        return _write_feedback(report, target, lg, copy=False)


def _write_feedback(report: FileReport, target: Path, lg: str, *, copy: bool) -> Path:
    wb = None
    exts: dict[str, SheetExt] = {}
    rebuilt = False
    notes: list[str] = [] if copy or report.status == "rejected" else [_TEXT[lg]["no_copy"]]
    original = b""
    if copy and report.status != "rejected" and report.unit_return is not None:
        wb, original = _load_copy(Path(report.path))
        if wb is None:  # an old .xls/.ods: its figures in our .xlsx template instead
            again = rebuild(Path(report.path))
            if again is not None:
                wb, rebuilt = again[0], True
                report = replace(report, problems=repoint(report.problems, again[1],
                                                          again[2]))
    if wb is None:
        wb = Workbook()
        wb.properties.created = datetime(2000, 1, 1)
        if wb.active is not None:
            wb.remove(wb.active)
    else:
        exts = {} if rebuilt else read_extensions(Path(report.path))
        writable(wb)
        _mark_cells(wb, report.problems, lg)
        _restore_dropdowns(wb, report, {name: e.validated for name, e in exts.items()})
    _write_list(wb, report, lg, rebuilt=rebuilt, notes=notes)
    _stamp(wb)
    data = _saved(wb, report, exts, skip=LIST_SHEET[lg])
    lost = lost_content(original, data) if original and not rebuilt else []
    if lost:  # say so on the list sheet, where the unit starts reading
        words = _TEXT[lg]["lost_what"]
        notes.append(_TEXT[lg]["lost"].format(what=", ".join(words[k] for k in lost)))
        _write_list(wb, report, lg, rebuilt=rebuilt, notes=notes)
        data = _saved(wb, report, exts, skip=LIST_SHEET[lg])
    save_atomic(data, target)
    return target


def _stamp(wb: Any) -> None:
    """Mark the copy as our feedback, so that it is never read back as a return while
    nobody has saved it again (intake.stamps)."""
    props = wb.custom_doc_props
    for prop in [p for p in props.props if p.name == STAMP_PROPERTY]:
        props.props.remove(prop)
    props.append(StringProperty(name=STAMP_PROPERTY, value="feedback"))


def _load_copy(path: Path) -> tuple[Any, bytes]:
    """The unit's workbook, fully loaded, and the package it was loaded from; None when
    openpyxl cannot load it (an old .xls or .ods gets the list of problems only). A file
    Excel encrypted with its default password is decrypted in memory, so the unit gets
    back a copy without encryption. Images are kept (openpyxl needs Pillow for them)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with open_regular(path) as fh:  # no handle left open when openpyxl fails
                data = fh.read()
            try:
                return load_workbook(io.BytesIO(data)), data
            except zipfile.BadZipFile:
                plain = decrypt_default(data)
                if plain is None:
                    return None, b""
                return load_workbook(io.BytesIO(plain)), plain
    except Exception:  # a file the reader could read but openpyxl cannot
        return None, b""


def _saved(wb: Any, report: FileReport, exts: dict[str, SheetExt], skip: str) -> bytes:
    """The workbook saved, with the original's worksheet extensions put back (not into the
    sheet ``skip``); when they cannot be, the plain copy with every dropdown re-added."""
    data = save_bytes(wb)
    if not exts:
        return data
    try:
        return carry_extensions(data, exts, skip=(skip,))
    except Exception:  # the copy cannot take them: keep it plain, dropdowns and all
        _restore_dropdowns(wb, report)
        return save_bytes(wb)


def _anchor(ws: Any, ref: str) -> Any:
    """The cell to mark: the top-left cell of a merged range, else the cell itself."""
    cell = ws[ref]
    if isinstance(cell, MergedCell):
        for rng in ws.merged_cells.ranges:
            if ref in rng:
                return ws.cell(rng.min_row, rng.min_col)
    return cell


def _mark_cells(wb: Any, problems: list[Problem], lang: str) -> None:
    by_cell: dict[tuple[str, str], list[Problem]] = {}
    for p in problems:
        sheet = _actual_sheet(wb, p.sheet)
        if p.cell and sheet is not None:
            by_cell.setdefault((sheet, p.cell), []).append(p)
    labels = SEVERITY_LABELS[lang]
    for (sheet, ref), probs in by_cell.items():
        try:
            cell = _anchor(wb[sheet], ref)
        except (ValueError, KeyError):
            continue
        probs.sort(key=lambda p: SEVERITY_ORDER.get(p.severity, 9))
        cell.fill = PatternFill("solid", fgColor=FILLS.get(probs[0].severity, FILLS["info"]))
        text = "\n\n".join(f"{labels.get(p.severity, p.severity)}: {p.message_in(lang)}"
                             for p in probs)
        if cell.comment is not None and cell.comment.text:
            text = f"{cell.comment.text}\n\n{text}"
        comment = Comment(clip(xml_safe(text)), _TEXT[lang]["author"])
        comment.width = 320
        comment.height = min(400, 60 + 18 * (len(text) // 45 + text.count("\n")))
        cell.comment = comment


def _actual_sheet(wb: Any, name: str) -> str | None:
    """The workbook's own name of a sheet a problem names (problems are NFC; a file's
    sheet names may not be)."""
    if name in wb.sheetnames:
        return name
    return next((n for n in wb.sheetnames if unicodedata.normalize("NFC", n) == name), None)


def _restore_dropdowns(wb: Any, report: FileReport,
                       x14: Mapping[str, Sequence[str]] | None = None) -> None:
    """Re-add the dropdown of every choice field of the spec on the cells of its range
    that no validation covers: neither a plain one of ``wb`` nor an ``x14`` one of ``x14``
    (sheet name -> the sqrefs put back into the copy). Validations never overlap."""
    ret = report.unit_return
    if ret is None:
        return
    book_lang: spec.Lang = "en" if ret.lang == "en" else "vi"
    has_meta = spec.META_SHEET in wb.sheetnames
    for sheet in spec.UNIT_SHEETS:
        name = ret.sheet_names.get(sheet.key)
        if name is None or name not in wb.sheetnames:
            continue
        ws = wb[name]
        taken = [_box(str(r)) for dv in ws.data_validations.dataValidation for r in dv.sqref]
        taken += [_box(ref) for sq in (x14 or {}).get(name, ()) for ref in sq.split()]
        for f in sheet.fields:
            if not f.choices:
                continue
            if isinstance(sheet, spec.InfoSheet):
                col, row = coordinate_from_string(sheet.cell(f.key))
                sqref = _uncovered(col, row, row, taken)
            else:
                col = sheet.column(f.key)
                sqref = _uncovered(col, sheet.first_data_row, sheet.last_data_row, taken)
            if not sqref:
                continue
            dv = DataValidation(type="list", formula1=_list_formula(f.choices, book_lang,
                                                                    has_meta),
                                allow_blank=True, showErrorMessage=True)
            dv.sqref = MultiCellRange(sqref)
            ws.add_data_validation(dv)


_NOWHERE = (0, 0, -1, -1)


def _box(ref: str) -> tuple[int, int, int, int]:
    """(min col, min row, max col, max row) of a range ("I4:I303", "I:I", "4:4")."""
    try:
        c1, r1, c2, r2 = range_boundaries(ref)
    except (ValueError, TypeError):
        return _NOWHERE
    return c1 or 1, r1 or 1, c2 or 16384, r2 or 1048576


def _uncovered(col: str, first: int, last: int,
               taken: Sequence[tuple[int, int, int, int]]) -> str:
    """The sqref of the cells of ``col`` from row ``first`` to ``last`` outside ``taken``."""
    c = column_index_from_string(col)
    spans = sorted((max(r1, first), min(r2, last)) for c1, r1, c2, r2 in taken
                   if c1 <= c <= c2 and r1 <= last and r2 >= first)
    parts, row = [], first
    for lo, hi in spans:
        if lo > row:
            parts.append((row, lo - 1))
        row = max(row, hi + 1)
    if row <= last:
        parts.append((row, last))
    return " ".join(f"{col}{a}" if a == b else f"{col}{a}:{col}{b}" for a, b in parts)


def _list_formula(name: str, lang: spec.Lang, has_meta: bool) -> str:
    if has_meta:
        i = list(spec.CHOICES).index(name)
        letter = spec.col_letter(spec.META_LISTS_FIRST_COL - 1 + i)
        return f"'{spec.META_SHEET}'!${letter}$2:${letter}${len(spec.CHOICES[name]) + 1}"
    return '"' + ",".join(spec.choice_labels(name, lang)) + '"'


def _put(ws: Any, row: int, col: int, value: Any, **style: Any) -> Any:
    """Write a value; text is always text (a leading "=" never becomes a formula), with
    only characters XML allows and at most the 32,767 characters a cell holds."""
    cell = ws.cell(row, col)
    if isinstance(value, str):
        value = clip(xml_safe(value))
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a wrapped column of ``width`` characters."""
    per_line = max(1, int(width * 1.05))
    return sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n"))


def _write_list(wb: Any, report: FileReport, lang: str, *, rebuilt: bool = False,
                notes: Sequence[str] = ()) -> None:
    t = _TEXT[lang]
    title = LIST_SHEET[lang]
    if title in wb.sheetnames:
        wb.remove(wb[title])
    ws = wb.create_sheet(title, 0)
    for other in wb.worksheets[1:]:
        other.sheet_view.tabSelected = False
    wb.active = 0
    ws.sheet_view.tabSelected = True
    wrap = Alignment(wrap_text=True, vertical="top")
    ncol = len(t["headers"])
    last = get_column_letter(ncol)
    counts = {s: sum(1 for p in report.problems if p.severity == s) for s in FILLS}
    _put(ws, 1, 1, t["title"], font=Font(bold=True, size=14, color="1F4E78"))
    line = f"{t['file']}: {report.rel}"
    if report.unit_code:
        line += f"   ·   {t['unit']}: {report.unit_code}"
    line += "   ·   " + t["summary"].format(e=counts["error"], w=counts["warning"],
                                            i=counts["info"])
    _put(ws, 2, 1, line, font=Font(bold=True))
    howto = t["rebuilt"] if rebuilt else \
        t["rejected"] if report.status == "rejected" else t["howto"]
    howto = " ".join([howto, *notes])
    _put(ws, 3, 1, howto, alignment=Alignment(wrap_text=True, vertical="top"),
         font=Font(italic=True))
    ws.merge_cells(f"A3:{last}3")
    ws.row_dimensions[3].height = 15 * max(3, _lines(howto, sum(_WIDTHS)))
    head_fill = PatternFill("solid", fgColor="1F4E78")
    border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    for c, text in enumerate(t["headers"], start=1):
        _put(ws, _HEADER_ROW, c, text, font=Font(bold=True, color="FFFFFF"), fill=head_fill,
             alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
             border=border)
    labels = SEVERITY_LABELS[lang]
    r = _HEADER_ROW
    for n, p in enumerate(sorted(report.problems, key=sort_key), start=1):
        r = _HEADER_ROW + n
        fill = PatternFill("solid", fgColor=FILLS.get(p.severity, FILLS["info"]))
        values = (n, p.sheet, p.cell, labels.get(p.severity, p.severity), p.message_in(lang),
                  p.value, p.code)
        for c, v in enumerate(values, start=1):
            _put(ws, r, c, v, alignment=wrap, border=border)
        ws.cell(r, 4).fill = fill
        ws.row_dimensions[r].height = 15 * max(_lines(p.message_in(lang), _WIDTHS[4]),
                                               _lines(p.value, _WIDTHS[5]),
                                               _lines(p.sheet, _WIDTHS[1]))
        actual = _actual_sheet(wb, p.sheet)
        if p.cell and actual is not None and actual != title:
            link = ws.cell(r, 3)
            quoted = actual.replace("'", "''")
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{p.cell}")
            link.font = Font(color="0563C1", underline="single")
    for i, w in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.auto_filter.ref = f"A{_HEADER_ROW}:{last}{max(r, _HEADER_ROW + 1)}"
    ws.freeze_panes = f"A{_HEADER_ROW + 1}"
    ws.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.sheet_properties.tabColor = "C00000"
