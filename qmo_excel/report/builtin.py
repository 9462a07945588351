"""The built-in template of the report: a Word document in the form of Nghị định
30/2020/NĐ-CP, Phụ lục I, with docxtpl (Jinja) tags where the round's words go.

The shipped file ``mau-bao-cao-mtcl.docx`` is what ``build_template()`` makes
(``python -m qmo_excel.report.builtin`` writes it again; a test checks they agree). An
office copies it (``qmo report --save-template``), changes the letterhead in Word and
names its copy in the round workbook; the tags it keeps are filled the same way.

The form: A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New
Roman; the header block in two columns with their short rules; "Số: …" left and the place
and date in italics right; the title and its subject; body 14 pt, justified, first-line
indent 1.27 cm; the page number centred at the top from page 2; "Nơi nhận:" bottom left
and the signature block right; the annex of units on a new page.

Where a setting can be empty, the template shows the placeholder highlighted in yellow:
``{% if not X %}`` a highlighted run ``{{ ph.X }}`` ``{% else %}{{ X }}{% endif %}``, so
the value keeps the formatting of its run.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from qmo_excel.report.package import normalised
from qmo_excel.report.skeleton import (
    BODY_PT,
    base_package,
)

TEMPLATE_FILE = Path(__file__).with_name("mau-bao-cao-mtcl.docx")

PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH = Mm(165)
LEFT_COL, RIGHT_COL = Mm(72), Mm(93)  # the header block's columns
# our paragraph styles (their names, as Word shows them)
BODY, CELL, HEAD = "QMO Body", "QMO Table Text", "QMO Header Block"


# --------------------------------------------------------------------------- the base package


# --------------------------------------------------------------------------- helpers


def _run(p: Any, text: str, *, bold: bool = False, italic: bool = False,
         size: float | None = None, mark: bool = False) -> Any:
    run = p.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if size is not None:
        run.font.size = Pt(size)
    if mark:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def _para(container: Any, text: str = "", *, style: str = "Normal",
          align: str = "center", **fmt: Any) -> Any:
    p = container.add_paragraph(style=style)
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "both": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if text:
        _run(p, text, **fmt)
    return p


def _field(p: Any, value: str, placeholder: str, **fmt: Any) -> None:
    """``value`` as its run's text; where it is empty, ``placeholder`` highlighted."""
    _run(p, "{% if not " + value + " %}", **fmt)
    _run(p, "{{ " + placeholder + " }}", mark=True, **fmt)
    _run(p, "{% else %}{{ " + value + " }}{% endif %}", **fmt)


def _marked_if(p: Any, flag: str, value: str, **fmt: Any) -> None:
    """``value`` as its run's text, highlighted when ``flag`` is true."""
    _run(p, "{% if " + flag + " %}", **fmt)
    _run(p, "{{ " + value + " }}", mark=True, **fmt)
    _run(p, "{% else %}{{ " + value + " }}{% endif %}", **fmt)


def _tag(container: Any, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}): it leaves no trace."""
    container.add_paragraph(tag, style="Normal")


def _compact(p: Any, before: float = 0, after: float = 0) -> None:
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(after)


def _rule(container: Any, width: Any, column: Any) -> None:
    """A short solid line centred in ``column``: the bottom border of an empty 3 pt line
    (LibreOffice and Word draw it just below the text above)."""
    p = container.add_paragraph(style="Normal")
    side = int((column - width) / 2)
    pf = p.paragraph_format
    pf.left_indent, pf.right_indent = side, side
    pf.space_before, pf.space_after = Pt(0), Pt(0)
    pf.line_spacing = Pt(3)
    ppr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(k), v)
    border.append(bottom)
    # the schema's order: pStyle, keepNext…, pBdr before spacing and ind
    ppr.insert_element_before(border, "w:shd", "w:tabs", "w:suppressAutoHyphens",
                              "w:spacing", "w:ind", "w:jc")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    rpr.append(sz)
    ppr.append(rpr)


def _layout_table(doc: Any, widths: list[Any], rows: int = 1) -> Any:
    """A borderless table that places blocks side by side."""
    table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, widths)
    return table


def _widths(table: Any, widths: list[Any]) -> None:
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w


def _grid_table(doc: Any, widths: list[Any], rows: int) -> Any:
    """A table with single borders on every cell (the results tables)."""
    table = _layout_table(doc, widths, rows)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"),
                     ("w:color", "auto")):
            el.set(qn(k), v)
        borders.append(el)
    tbl_pr = table._tbl.tblPr
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar",
                                 "w:tblLook", "w:tblCaption", "w:tblDescription")
    return table


def _cell_text(cell: Any, *, style: str = CELL) -> Any:
    """The cell's first paragraph, in ``style``."""
    p = cell.paragraphs[0]
    p.style = style
    return p


def _header_row(table: Any) -> None:
    """The first row repeats on every page."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)


def _whole(row: Any) -> None:
    """A row that moves to the next page whole rather than break."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.insert(0, OxmlElement("w:cantSplit"))


def _page_number(section: Any) -> None:
    """Page number centred at the top, from page 2 (page 1's header is empty)."""
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = "Header"
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                       ("end", None)):
        run = p.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""


# --------------------------------------------------------------------------- the form


def _header_block(doc: Any) -> None:
    table = _layout_table(doc, [LEFT_COL, RIGHT_COL], rows=2)
    left, right = table.rows[0].cells
    p = _cell_text(left, style=HEAD)
    _field(p, "doc.parent", "ph.parent", size=12)
    p = left.add_paragraph(style=HEAD)
    _field(p, "doc.issuer", "ph.issuer", bold=True)
    _rule(left, Mm(22), LEFT_COL - Mm(3))
    p = _cell_text(right, style=HEAD)
    _run(p, "{{ w.republic }}", bold=True, size=12)
    p = right.add_paragraph(style=HEAD)
    _run(p, "{{ w.motto }}", bold=True, size=BODY_PT)
    _rule(right, Mm(57), RIGHT_COL - Mm(3))
    left, right = table.rows[1].cells
    p = _cell_text(left, style=HEAD)
    _compact(p, before=6)
    _run(p, "{{ w.number }} ")
    _field(p, "doc.number", "ph.number")
    p = _cell_text(right, style=HEAD)
    _compact(p, before=6)
    _field(p, "doc.place", "ph.place", italic=True, size=BODY_PT)
    _run(p, ", {{ doc.date }}", italic=True, size=BODY_PT)


def _title(doc: Any) -> None:
    p = _para(doc, "{{ w.kind }}", bold=True)
    _compact(p, before=18)
    _para(doc, "{{ doc.subject }}", bold=True)
    _rule(doc, Mm(40), TEXT_WIDTH)
    _compact(doc.add_paragraph(style="Normal"), after=6)


def _body(doc: Any) -> None:
    _tag(doc, "{%p for b in doc.basis %}")
    _para(doc, "{{ b }}", style=BODY, align="")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if not doc.basis %}")
    _para(doc, "{{ ph.basis }}", style=BODY, align="", mark=True)
    _tag(doc, "{%p endif %}")
    _para(doc, "{{ doc.lead_in }}", style=BODY, align="")
    _tag(doc, "{%p if note %}")
    _para(doc, "{{ note }}", style=BODY, align="", mark=True)
    _tag(doc, "{%p endif %}")
    table = _grid_table(doc, [Mm(70), Mm(95)], rows=4)
    _header_row(table)
    for cell, word in zip(table.rows[0].cells, ("w.col_content", "w.col_result"),
                          strict=True):
        p = _cell_text(cell)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, "{{ " + word + " }}", bold=True)
    _cell_text(table.rows[1].cells[0]).add_run("{%tr for o in objectives %}")
    p = _cell_text(table.rows[2].cells[0])
    _run(p, "{{ o.no }}. {{ o.text }}")
    p = _cell_text(table.rows[2].cells[1])
    _marked_if(p, "o.marked", "o.result")
    _cell_text(table.rows[3].cells[0]).add_run("{%tr endfor %}")
    _compact(doc.add_paragraph(style="Normal"), after=6)
    p = _para(doc, style=BODY, align="")
    _marked_if(p, "conclusion_marked", "conclusion")
    for name in ("units", "trends"):
        _tag(doc, "{%p for t in " + name + " %}")
        _para(doc, "{{ t }}", style=BODY, align="")
        _tag(doc, "{%p endfor %}")
    _para(doc, "{{ direction }}", style=BODY, align="", mark=True)
    p = _para(doc, "{{ closing }}", style=BODY, align="")
    p.paragraph_format.keep_with_next = True


def _signature(doc: Any) -> None:
    table = _layout_table(doc, [Mm(75), Mm(90)])
    _whole(table.rows[0])
    left, right = table.rows[0].cells
    p = _cell_text(left, style="Normal")
    _run(p, "{{ w.recipients }}", bold=True, italic=True, size=12)
    _tag(left, "{%p for r in doc.recipients %}")
    p = left.add_paragraph(style="Normal")
    _run(p, "{{ r }}", size=11)
    _tag(left, "{%p endfor %}")
    _tag(left, "{%p if not doc.recipients %}")
    p = left.add_paragraph(style="Normal")
    _run(p, "- {{ ph.recipients }}", size=11, mark=True)
    p = left.add_paragraph(style="Normal")
    _run(p, "- {{ ph.archive }}", size=11)
    _tag(left, "{%p endif %}")
    _cell_text(right, style="Normal").add_run("{%p for c in doc.capacity %}")
    _para(right, "{{ c }}", bold=True)
    _tag(right, "{%p endfor %}")
    _tag(right, "{%p if not doc.capacity %}")
    _para(right, "{{ ph.capacity }}", bold=True, mark=True)
    _tag(right, "{%p endif %}")
    p = _para(right)
    _field(p, "doc.signer_title", "ph.signer_title", bold=True)
    for _ in range(4):
        _para(right)
    p = _para(right)
    _field(p, "doc.signer", "ph.signer", bold=True)


def _annex(doc: Any) -> None:
    _tag(doc, "{%p if annex.rows %}")
    p = _para(doc, "{{ w.annex }}", bold=True)
    p.paragraph_format.page_break_before = True
    _para(doc, "{{ w.annex_title }}", bold=True)
    p = _para(doc, "{{ annex.ref }}", italic=True)
    _compact(p, after=2)
    _rule(doc, Mm(40), TEXT_WIDTH)
    _compact(doc.add_paragraph(style="Normal"), after=6)
    widths = [Mm(12), Mm(53), Mm(22), Mm(14), Mm(40), Mm(24)]
    table = _grid_table(doc, widths, rows=4)
    _header_row(table)
    heads = ("w.col_no", "w.col_unit", "w.col_indicators", "w.col_score", "w.col_band",
             "w.col_note")
    for cell, word in zip(table.rows[0].cells, heads, strict=True):
        p = _cell_text(cell)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, "{{ " + word + " }}", bold=True, size=12)
    _cell_text(table.rows[1].cells[0]).add_run("{%tr for u in annex.rows %}")
    keys = ("u.no", "u.name", "u.indicators", "u.score", "u.band", "u.note")
    for i, (cell, key) in enumerate(zip(table.rows[2].cells, keys, strict=True)):
        p = _cell_text(cell)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if i == 1 else WD_ALIGN_PARAGRAPH.CENTER
        _run(p, "{{ " + key + " }}", size=12)
    _whole(table.rows[2])
    _cell_text(table.rows[3].cells[0]).add_run("{%tr endfor %}")
    _tag(doc, "{%p endif %}")


def build_template() -> bytes:
    """The built-in template's bytes (the same every time)."""
    doc = Document(io.BytesIO(base_package()))
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    _page_number(section)
    _header_block(doc)
    _title(doc)
    _body(doc)
    _signature(doc)
    _annex(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return normalised(buf.getvalue())


def main() -> None:
    TEMPLATE_FILE.write_bytes(build_template())
    print(TEMPLATE_FILE)


if __name__ == "__main__":
    main()
