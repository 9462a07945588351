"""What a printed workbook shows: LibreOffice's PDF of it, read back with ``pdftotext``.

``render(files, out, profile)`` converts workbooks to PDF in one LibreOffice run (a
private profile, a fixed locale so numbers print as ``1,234.5``). ``page_faults(xlsx,
pdf)`` lists what a reader of the printed pages would miss:

- *cut*: a cell's shown text is not whole in the text of its sheet's pages. A cell that
  wraps shows as pieces on lines that follow each other, each under the one above, so
  the cell's text without whitespace must be the concatenation of such pieces. What a
  neighbour's edge cuts off a left-aligned cell is not in the PDF at all (``Đang thực
  hiện`` clipped reads ``ang thực hiện``); each piece found is used up, so ten cells
  saying ``Đạt`` need ten on the pages.
- *overlap*: two words printed over each other (text drawn past its cell into a
  neighbour's text, a wrapped cell running into the next row, chart labels on top of
  each other). LibreOffice writes clipped text into the PDF with a clip path, so what is
  hidden still has its place: words whose cores (the box less its leading) intersect
  are an overlap, shown or hidden.
- *too tall*: the lines of a cell take more height than its row(s) give it (the last
  line cut at the row's bottom, into an empty row below), judged at the page's scale.
- *no height*: a cell shows on several lines in a row whose height the workbook leaves
  to the viewer (LibreOffice sizes such rows, other viewers may not).
- *off the page*: a word outside the printable width.

``charts_cut(xlsx)`` computes from the workbook how Excel prints its charts: a sheet
with charts has a fixed scale (Excel ignores manual page breaks under "fit to page"),
each stretch between manual breaks fits one page, no chart crosses a break.

Pages are assigned to sheets by the footer, which names the sheet (``&A``).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import statistics
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
from openpyxl.utils import column_index_from_string, range_boundaries

LINE_GAP = 3  # lines between two pieces of one wrapped cell (a taller neighbour's lines)
SAME_LINE = 1.5  # points: words whose tops differ less stand on one line
CORE = 0.3  # share of a word box's height above and below its core (leading, accents)
TOL = 1.0  # points
BROKEN = 5  # characters at least before a break inside a word
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r"(.*?)</word>")
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def tool(name: str) -> str:
    exe = shutil.which(name)
    assert exe, f"{name} is not on PATH (LibreOffice and poppler-utils are needed)"
    return exe


def render(files: list[Path], out: Path, profile: Path) -> list[Path]:
    """PDFs of ``files`` (one LibreOffice run); the locale is fixed to en-US numbers."""
    soffice = shutil.which("soffice") or tool("libreoffice")
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=180, check=False, env=env)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    pdfs = [out / f"{f.stem}.pdf" for f in files]
    for pdf in pdfs:
        assert pdf.exists(), f"{pdf.name} not written: {proc.stderr}{proc.stdout}"
    return pdfs


# ----------------------------------------------------------------------- the PDF


@dataclass
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    owner: str = ""  # the cell whose text it shows, once found

    def core(self) -> tuple[float, float, float, float]:
        h = self.y1 - self.y0
        return self.x0 + 0.3, self.y0 + CORE * h, self.x1 - 0.3, self.y1 - CORE * h


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    sheet: str = ""


def read_pdf(pdf: Path) -> list[Page]:
    out = subprocess.run([tool("pdftotext"), "-bbox", str(pdf), "-"], check=True,
                         capture_output=True, timeout=120).stdout.decode("utf-8")
    pages: list[Page] = []
    for chunk in out.split("<page ")[1:]:
        m = PAGE.match("<page " + chunk)
        assert m, chunk[:80]
        page = Page(len(pages) + 1, float(m[1]), float(m[2]))
        for w in WORD.finditer(chunk):
            text = unicodedata.normalize("NFC", html.unescape(w[5]))
            page.words.append(Word(page.number, float(w[1]), float(w[2]), float(w[3]),
                                   float(w[4]), text))
        pages.append(page)
    return pages


def assign_sheets(pages: list[Page], sheets: list[str]) -> None:
    """Each page's sheet, told by the sheet's name in its footer (the lowest line)."""
    longest_first = sorted(sheets, key=len, reverse=True)
    for page in pages:
        assert page.words, f"page {page.number} is empty"
        bottom = max(w.y0 for w in page.words)
        foot = " ".join(w.text for w in sorted(page.words, key=lambda w: w.x0)
                        if w.y0 > bottom - SAME_LINE)
        name = next((s for s in longest_first if s in foot), None)
        assert name is not None, f"page {page.number}: the footer names no sheet: {foot!r}"
        page.sheet = name


@dataclass
class Line:
    words: list[Word]
    text: str  # the words' text run together
    index: list[tuple[int, int]]  # for each character: word, position in the word

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    def x_of(self, a: int, b: int) -> tuple[float, float]:
        """Horizontal extent of characters ``a``…``b-1`` (spread evenly over a word)."""
        (wa, ia), (wb, ib) = self.index[a], self.index[b - 1]
        first, last = self.words[wa], self.words[wb]
        x0 = first.x0 + (first.x1 - first.x0) * ia / len(first.text)
        x1 = last.x0 + (last.x1 - last.x0) * (ib + 1) / len(last.text)
        return x0, x1


def lines_of(pages: list[Page]) -> list[Line]:
    out: list[Line] = []
    for page in pages:
        words = sorted(page.words, key=lambda w: (w.y0, w.x0))
        rows: list[list[Word]] = []
        for w in words:
            if rows and abs(rows[-1][0].y0 - w.y0) < SAME_LINE:
                rows[-1].append(w)
            else:
                rows.append([w])
        for row in rows:
            row.sort(key=lambda w: w.x0)
            index = [(i, j) for i, w in enumerate(row) for j in range(len(w.text))]
            out.append(Line(row, "".join(w.text for w in row), index))
    return out


# ----------------------------------------------------------------------- shown text


def _number(value: float, fmt: str) -> str:
    fmt = fmt.split(";")[0].replace('"', "")
    if fmt in ("General", "@"):
        if float(value).is_integer():
            return str(int(value))
        return f"{value:.10g}"
    pct = fmt.endswith("%")
    core = fmt.rstrip("%")
    decimals = len(core.split(".")[1]) if "." in core else 0
    if set(core) <= set("#,.0") and "0" in core:
        # rounded half up, from the shortest decimal that reads back as the value
        exact = Decimal(repr(value)) * (100 if pct else 1)
        rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        shown = f"{rounded:{',' if ',' in core else ''}.{decimals}f}"
        return shown + ("%" if pct else "")
    raise AssertionError(f"number format {fmt!r} not known to the print test")


def _date(value: date, fmt: str) -> str:
    known = {"dd/mm/yyyy": "%d/%m/%Y", "d/m/yyyy": "%d/%m/%Y"}
    assert fmt.lower() in known, f"date format {fmt!r} not known to the print test"
    return value.strftime(known[fmt.lower()])


def shown(cell: Any) -> str:
    """The text a cell shows (for the formats our workbooks use)."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, datetime | date):
        if isinstance(v, datetime) and v.time() != time():
            raise AssertionError(f"{cell.coordinate}: a time of day is not expected")
        return _date(v, cell.number_format)
    if isinstance(v, int | float):
        return _number(float(v), cell.number_format)
    raise AssertionError(f"{cell.coordinate}: unexpected value {v!r}")


@dataclass
class Cell:
    sheet: str
    ref: str
    text: str
    rows: tuple[int, int]  # first and last sheet row (1-based) it covers (merged cells)
    height: float | None  # points its rows give it, None where the viewer sizes a row
    top: bool  # aligned to the top of its row

    @property
    def name(self) -> str:
        return f"{self.sheet}!{self.ref}"


def printed_cells(xlsx: Path) -> dict[str, list[Cell]]:
    """Every non-empty cell of every visible sheet, with the height of its row(s)."""
    wb = openpyxl.load_workbook(xlsx)
    out: dict[str, list[Cell]] = {}
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        area = ws.print_area
        bounds = None
        if area:
            ref = area[0] if isinstance(area, list) else area
            bounds = range_boundaries(ref.split("!")[-1].replace("$", ""))
        merged = {(m.min_row, m.min_col): (m.min_row, m.max_row) for m in ws.merged_cells.ranges}
        cells: list[Cell] = []
        for row in ws.iter_rows():
            for c in row:
                text = shown(c)
                if not text.strip():
                    continue
                inside = bounds is None or (bounds[0] <= c.column <= bounds[2]
                                            and bounds[1] <= c.row <= bounds[3])
                assert inside, f"{ws.title}!{c.coordinate} holds {text!r} outside the " \
                               f"print area {area}"
                first, last = merged.get((c.row, c.column), (c.row, c.row))
                dims = [ws.row_dimensions[r] for r in range(first, last + 1)]
                height = sum(d.height for d in dims) \
                    if all(d.customHeight and d.height for d in dims) else None
                cells.append(Cell(ws.title, c.coordinate, text, (first, last), height,
                                  c.alignment.vertical == "top"))
        out[ws.title] = cells
    return out


# ----------------------------------------------------------------------- finding text

Piece = tuple[int, int, int]  # line, first and last+1 character


class Finder:
    """Finds cells' text on the lines of a sheet's pages; found pieces are used up.

    A piece starts and ends where words of the PDF do: a cell's text run into its
    neighbour's (``giáĐang``) is not whole."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.word_ends: set[int] = set()  # of the text being found
        self.text = [ln.text for ln in lines]
        self.page = [ln.words[0].page for ln in lines]
        self.starts: list[list[int]] = []
        self.ends: list[set[int]] = []
        for ln in lines:
            at, starts, ends = 0, [], set()
            for w in ln.words:
                starts.append(at)
                at += len(w.text)
                ends.add(at)
            self.starts.append(starts)
            self.ends.append(ends)

    def find(self, text: str) -> list[Piece] | None:
        words = unicodedata.normalize("NFC", text).split()
        want = "".join(words)
        self.word_ends, at = set(), 0
        for w in words:
            at += len(w)
            self.word_ends.add(at)
        # start where the longest part of the text stands on one line
        starts = sorted(((max((k for _, k in self._pieces(want, 0, n)), default=0), n)
                         for n in range(len(self.text))), key=lambda x: -x[0])
        memo: dict[tuple[int, int], list[Piece] | None] = {}
        for k in sorted({k for k, _ in starts if k}, reverse=True):
            # of the starts as long, the path over the fewest lines (not a first line
            # of one cell and the second of the next one's same words)
            paths = [p for p in (self._follow(want, 0, n, None, memo)
                                 for kk, n in starts if kk == k) if p is not None]
            if paths:
                path = min(paths, key=lambda p: (p[-1][0] - p[0][0], p[0][0]))
                for n, a, b in path:
                    s = self.text[n]
                    self.text[n] = s[:a] + "\0" * (b - a) + s[b:]
                return path
        return None

    def _pieces(self, want: str, pos: int, line: int) -> list[tuple[int, int]]:
        """(start, length) of the pieces of ``want[pos:]`` on ``line``, longest first:
        from the start of a word of the line to the end of one."""
        s, ends, out = self.text[line], self.ends[line], []
        for a in self.starts[line]:
            k = 0
            while pos + k < len(want) and a + k < len(s) and s[a + k] == want[pos + k]:
                k += 1
                if a + k in ends and pos + k not in self.word_ends:
                    break  # the word printed ends inside a word of the cell: not one text
            # a viewer breaks inside a word only when the word is longer than the
            # line: then the line is full (at least BROKEN characters of it)
            out += [(a, m) for m in range(k, 0, -1) if a + m in ends and (
                pos + m in self.word_ends or m >= BROKEN)]
        return sorted(out, key=lambda x: -x[1])

    def _follow(self, want: str, pos: int, line: int, above: tuple[float, float] | None,
                memo: dict[tuple[int, int], list[Piece] | None]) -> list[Piece] | None:
        """``want[pos:]`` as pieces on ``line`` and the lines after it on its page, each
        piece under the one above (the lines of one wrapped cell share its columns)."""
        key = (pos, line)
        if above is None and key in memo:
            return memo[key]
        result: list[Piece] | None = None
        for at, size in self._pieces(want, pos, line):
            piece = (line, at, at + size)
            x0, x1 = self.lines[line].x_of(at, at + size)
            if above is not None and not (x0 <= above[1] + 2 and above[0] <= x1 + 2):
                continue
            if pos + size == len(want):
                result = [piece]
                break
            for nxt in range(line + 1, min(line + 1 + LINE_GAP, len(self.text))):
                if self.page[nxt] != self.page[line]:
                    break
                rest = self._follow(want, pos + size, nxt, (x0, x1), memo)
                if rest is not None:
                    result = [piece, *rest]
                    break
            if result is not None:
                break
        if above is None:
            memo[key] = result
        return result


# ----------------------------------------------------------------------- the checks


def _scale(found: list[tuple[Cell, list[Piece]]], lines: list[Line]) -> float | None:
    """The sheet's print scale: how far apart the tops of two rows print, against the
    height the workbook gives the upper one (rows whose text sits at their top)."""
    tops: dict[tuple[int, int], float] = {}
    for c, path in found:
        if c.top and c.rows[0] == c.rows[1]:
            line = lines[path[0][0]]
            key = (line.words[0].page, c.rows[0])
            tops[key] = min(tops.get(key, line.y0), line.y0)
    heights = {c.rows[0]: c.height for c, _ in found if c.rows[0] == c.rows[1]}
    ratios = [(tops[(page, row + 1)] - y) / h for (page, row), y in tops.items()
              if (page, row + 1) in tops and (h := heights.get(row))]
    return statistics.median(ratios) if ratios else None


def _column(ref: str) -> int:
    return column_index_from_string("".join(ch for ch in ref if ch.isalpha()))


def page_faults(xlsx: Path, pdf: Path) -> list[str]:
    """Everything cut, overlapping or off the page in the PDF of ``xlsx`` (see above)."""
    cells = printed_cells(xlsx)
    pages = read_pdf(pdf)
    assign_sheets(pages, list(cells))
    faults: list[str] = []
    for sheet, sheet_cells in cells.items():
        mine = [p for p in pages if p.sheet == sheet]
        assert mine, f"{sheet}: not printed"
        lines = lines_of(mine)
        finder = Finder(lines)
        found: list[tuple[Cell, list[Piece]]] = []
        # longest first: a long text is not split to stand in for a short one's word
        got: dict[str, list[tuple[Cell, list[Piece]]]] = {}
        for c in sorted(sheet_cells, key=lambda c: -len("".join(c.text.split()))):
            path = finder.find(c.text)
            if path is None:
                faults.append(f"cut: {c.name} {c.text!r}")
            else:
                got.setdefault("".join(c.text.split()), []).append((c, path))
        # cells of one text take what was found for it in the order they print
        for pairs in got.values():
            cells_in_order = sorted((c for c, _ in pairs), key=lambda c: (c.rows[0],
                                                                        _column(c.ref)))
            paths = sorted((p for _, p in pairs), key=lambda p: (
                lines[p[0][0]].words[0].page, lines[p[0][0]].y0,
                lines[p[0][0]].x_of(p[0][1], p[0][2])[0]))
            found += zip(cells_in_order, paths, strict=True)
        for c, path in found:
            for n, a, b in path:
                ln = lines[n]
                for i in {ln.index[j][0] for j in range(a, b)}:
                    ln.words[i].owner = c.name
        scale = _scale(found, lines)
        faults += _cell_checks(found, lines, scale)
        for page in mine:
            faults += _page_checks(page)
    return faults


def _cell_checks(found: list[tuple[Cell, list[Piece]]], lines: list[Line],
                 scale: float | None) -> list[str]:
    faults: list[str] = []
    for c, path in found:
        first, last = lines[path[0][0]], lines[path[-1][0]]
        if len(path) > 1 and c.height is None:
            faults.append(f"no height: {c.name} shows on {len(path)} lines in a row the "
                          f"viewer sizes: {c.text[:60]!r}")
        if c.height is not None and scale is not None:
            box = max(w.y1 for w in last.words) - first.y0
            leading = CORE * (first.words[0].y1 - first.words[0].y0)
            if box - leading > c.height * scale + TOL:
                faults.append(f"too tall: {c.name} needs {box / scale:.0f} pt, its row "
                              f"gives {c.height:.0f}: {c.text[:60]!r}")
    return faults


def _page_checks(page: Page) -> list[str]:
    faults: list[str] = []
    where = f"page {page.number} ({page.sheet})"
    # words printed over each other
    words = sorted(page.words, key=lambda w: w.x0)
    for i, a in enumerate(words):
        _, ay0, ax1, ay1 = a.core()
        for b in words[i + 1:]:
            bx0, by0, _, by1 = b.core()
            if bx0 >= ax1:
                break
            if by0 < ay1 and ay0 < by1 and (a.owner != b.owner or not a.owner):
                faults.append(f"overlap: {where}: {a.text!r} ({a.owner or 'no cell'}) and "
                              f"{b.text!r} ({b.owner or 'no cell'})")
    for w in page.words:
        if w.x0 < 0 or w.x1 > page.width:
            faults.append(f"off the page: {where}: {w.text!r} ({w.owner or 'no cell'})")
    return faults


# ----------------------------------------------------------------------- charts

NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
A4 = (595.3, 841.9)  # points


def _col_pt(width: float) -> float:
    """Excel's column width (as stored: characters of Arial 10 with padding) in points."""
    return int(((256 * width + int(128 / 7)) / 256) * 7) * 0.75


def charts_cut(xlsx: Path) -> list[str]:
    """Charts that a printed page break cuts (a manual one, or an automatic one among
    rows between two manual breaks taller than a page), and sheets too wide for A4."""
    out: list[str] = []
    with zipfile.ZipFile(xlsx) as z:
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target", "") for r in rels}
        sheets = book.find("x:sheets", NS)
        assert sheets is not None
        for i, s in enumerate(sheets):
            part = "xl/" + target[s.get(f"{{{NS['r']}}}id")].removeprefix("/xl/")
            rels_part = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
            if rels_part not in z.namelist():
                continue
            drawing = [r.get("Target", "") for r in ElementTree.fromstring(z.read(rels_part))
                       if r.get("Type", "").endswith("/drawing")]
            if drawing:
                out += _check_sheet(s.get("name", ""), i, ElementTree.fromstring(z.read(part)),
                                    book, z, "xl/drawings/" + drawing[0].split("/")[-1])
    return out


def _check_sheet(sheet: str, index: int, root: Any, book: Any, z: zipfile.ZipFile,
                 drawing: str) -> list[str]:
    out: list[str] = []
    fmt = root.find("x:sheetFormatPr", NS)
    default_ht = float(fmt.get("defaultRowHeight", "15")) if fmt is not None else 15.0
    heights = {int(r.get("r", "0")) - 1: float(r.get("ht", "0"))
               for r in root.iterfind("x:sheetData/x:row", NS) if r.get("ht")}
    widths: dict[int, float] = {}
    for col in root.iterfind("x:cols/x:col", NS):
        for i in range(int(col.get("min", "1")) - 1, int(col.get("max", "1"))):
            widths[i] = float(col.get("width", "8.43"))
    pr = root.find("x:sheetPr/x:pageSetUpPr", NS)
    if pr is not None and pr.get("fitToPage") == "1":
        out.append(f"{sheet}: has charts but prints 'fit to page' (Excel then ignores the "
                   "manual page breaks)")
    setup = root.find("x:pageSetup", NS)
    scale = int(setup.get("scale", "100")) / 100 if setup is not None else 1.0
    landscape = setup is not None and setup.get("orientation") == "landscape"
    m = root.find("x:pageMargins", NS)
    margin = {k: float(m.get(k, "0.75")) * 72 if m is not None else 54.0
              for k in ("left", "right", "top", "bottom")}
    page_w, page_h = (A4[1], A4[0]) if landscape else A4
    room_h = page_h - margin["top"] - margin["bottom"]
    room_w = page_w - margin["left"] - margin["right"]
    breaks = sorted(int(b.get("id", "0")) for b in root.iterfind("x:rowBreaks/x:brk", NS))
    last_row = max(heights, default=0) + 1
    for dn in book.iterfind("x:definedNames/x:definedName", NS):
        if dn.get("name") == "_xlnm.Print_Area" and dn.get("localSheetId") == str(index):
            last_row = range_boundaries((dn.text or "").split("!")[-1].replace("$", ""))[3]

    def top(r: int) -> float:
        return sum(heights.get(i, default_ht) for i in range(r))

    if sum(_col_pt(widths.get(i, 8.43)) for i in range(max(widths, default=0) + 1)) \
            * scale > room_w + 0.5:
        out.append(f"{sheet}: wider than an A4 page at {scale:.0%}")
    stretches = list(zip([0, *breaks], [*breaks, last_row], strict=True))
    tall = {(a, b) for a, b in stretches if (top(b) - top(a)) * scale > room_h + 0.5}
    for n, anchor in enumerate(ElementTree.fromstring(z.read(drawing)), start=1):
        frm, to = anchor.find("xdr:from", NS), anchor.find("xdr:to", NS)
        if frm is None or to is None:
            continue
        r0 = int(frm.findtext("xdr:row", "0", NS))
        r1 = int(to.findtext("xdr:row", "0", NS))
        last = r1 if int(to.findtext("xdr:rowOff", "0", NS)) > 0 else r1 - 1
        home = [(a, b) for a, b in stretches if a <= r0 and last < b]
        if not home:
            out.append(f"{sheet}: chart {n} (rows {r0 + 1}-{last + 1}) crosses a page break "
                       f"(breaks before rows {[b + 1 for b in breaks]}, print area to row "
                       f"{last_row})")
        elif home[0] in tall:  # rows between two breaks taller than a page: another falls
            a, b = home[0]
            out.append(f"{sheet}: chart {n}: rows {a + 1}-{b} are "
                       f"{(top(b) - top(a)) * scale:.0f} pt at {scale:.0%}, a page holds "
                       f"{room_h:.0f}: an automatic break falls among them")
    return out
