"""Checks of how a return was found, from the reader's ``Layout``: the file's format, a
sheet renamed, a table or an info label moved (each a note of the mapping the reader
applied), formulas without a calculated value, and hidden rows that are still read."""

from __future__ import annotations

from qmo_excel import spec
from qmo_excel.checks.context import CheckContext
from qmo_excel.intake.package import FarCell
from qmo_excel.intake.reader import LEGACY_FORMATS, Layout, cell_index


def file_format(c: CheckContext, layout: Layout) -> None:
    if layout.format in LEGACY_FORMATS:
        c.add("file-legacy-format", "", "", detail=LEGACY_FORMATS[layout.format])
    if layout.default_password:
        c.add("file-default-password", "", "")
    if layout.damaged:
        shown = ", ".join(layout.damaged[:3]) + (f" (+{len(layout.damaged) - 3})"
                                                 if len(layout.damaged) > 3 else "")
        c.add("file-damaged", "", "", detail=shown)
    by_sheet: dict[str, list[FarCell]] = {}
    for far in layout.far_cells:
        by_sheet.setdefault(far.sheet, []).append(far)
    for sheet, cells in by_sheet.items():  # one note per sheet, at its first such cell
        first = cells[0]
        c.add("structure-far-cells", sheet, first.ref, "", first.value, count=len(cells),
              cell_ref=first.ref)


def mapping(c: CheckContext, layout: Layout) -> None:
    """A note for each place the reader read elsewhere than the template says."""
    book_lang: spec.Lang = "en" if c.ret.lang == "en" else "vi"
    for s in spec.UNIT_SHEETS:
        lay = layout.sheets.get(s.key)
        if lay is None:
            continue
        if lay.renamed:
            c.add("structure-sheet-renamed", s.key, "", "", lay.name, expected=s.name(book_lang))
        if isinstance(s, spec.TableSheet):
            if lay.header_row and lay.header_row != s.header_row:
                first = next((col for col in lay.columns.values() if col), "A")
                c.add("structure-table-moved", s.key, f"{first}{lay.header_row}", "",
                      lay.header_row, expected=s.header_row)
            continue
        if lay.moved:  # one note for the sheet: a row inserted moves every label
            key = lay.moved[0]
            f = s.field(key)
            at = lay.columns.get(key) or s.cell(key)
            row, col = cell_index(at)
            spec_row, spec_col = cell_index(s.cell(key))
            label_col = cell_index(f"{s.label_col}1")[1] + col - spec_col
            c.add("structure-info-moved", s.key, f"{spec.col_letter(label_col)}{row + 1}",
                  key, c.ret.info.get(key), label=c.label(f), count=len(lay.moved),
                  label_cell=f"{spec.col_letter(label_col)}{row + 1}",
                  expected=f"{s.label_col}{spec_row + 1}")


def formulas_and_hidden(c: CheckContext, layout: Layout) -> None:
    """Formulas with no calculated value (their figure is lost) and hidden rows."""
    for s in spec.UNIT_SHEETS:
        lay = layout.sheets.get(s.key)
        if lay is None:
            continue
        by_col = {col: s.field(k) for k, col in lay.columns.items() if col}
        for ref, formula in sorted(lay.uncached.items(), key=lambda x: cell_index(x[0])):
            f = _field_at(s, ref, by_col)
            if f is None:
                continue
            c.add("formula-no-value", s.key, ref, f.key, formula.lstrip("="),
                  label=c.label(f))
        first = next((col for col in lay.columns.values() if col), "A")
        for row in lay.hidden_rows:
            c.add("row-hidden", s.key, f"{first}{row}", "", row)


def _field_at(s: spec.InfoSheet | spec.TableSheet, ref: str,
              by_col: dict[str, spec.Field]) -> spec.Field | None:
    if isinstance(s, spec.TableSheet):
        letters = "".join(ch for ch in ref if ch.isalpha())
        return by_col.get(letters)
    return by_col.get(ref)
