"""Reading our Word documents back with python-docx: their text in order, their tables,
the effective size of each run, highlighted runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

W_FONT = "Times New Roman"


def open_doc(path: Path) -> Any:
    return docx.Document(str(path))


def blocks(doc: Any) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables, in order."""
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield Table(child, doc)


def paragraphs(doc: Any) -> Iterator[Paragraph]:
    """Every paragraph of the body, those in table cells included, in order."""
    for block in blocks(doc):
        if isinstance(block, Paragraph):
            yield block
        else:
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def text(doc: Any) -> str:
    return "\n".join(p.text for p in paragraphs(doc))


def tables(doc: Any) -> list[Table]:
    return [b for b in blocks(doc) if isinstance(b, Table)]


def rows(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def default_size(doc: Any) -> float:
    """The document default's size in points (styles.xml docDefaults)."""
    sz = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:sz"))
    return int(sz.get(qn("w:val"))) / 2


def run_size(run: Any, paragraph: Paragraph, doc: Any) -> float:
    """A run's effective size: its own, else its paragraph style's (or its bases'), else
    the document default."""
    if run.font.size is not None:
        return float(run.font.size.pt)
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return default_size(doc)


def highlighted(doc: Any) -> list[str]:
    """The text of every highlighted run of the body."""
    return [r.text for p in paragraphs(doc) for r in p.runs
            if r.font.highlight_color is not None and r.text]


def fonts_named(doc: Any) -> set[str]:
    """Every font named anywhere in the document's body, styles and headers."""
    parts = [doc.element, doc.styles.element]
    for section in doc.sections:
        parts += [section.header._element, section.first_page_header._element]
    names = set()
    for part in parts:
        for el in part.iter(qn("w:rFonts")):
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                if el.get(qn(attr)):
                    names.add(el.get(qn(attr)))
    return names


def field_codes(part: Any) -> list[str]:
    """The instructions of the fields in a header or the body ('PAGE')."""
    codes = [el.text.strip() for el in part._element.iter(qn("w:instrText")) if el.text]
    codes += [el.get(qn("w:instr")).strip() for el in part._element.iter(qn("w:fldSimple"))]
    return codes
