"""Reading workbooks the way Excel does, for assertions."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import column_index_from_string, coordinate_to_tuple


def is_locked(ws: Any, ref: str) -> bool:
    """Whether Excel treats the cell as locked: a cell that was never written takes the
    protection of its column's style (openpyxl would report the default instead)."""
    row, col = coordinate_to_tuple(ref)
    if (row, col) in ws._cells:
        return bool(ws._cells[(row, col)].protection.locked)
    for dim in ws.column_dimensions.values():
        if dim.min and dim.max and dim.min <= col <= dim.max:
            return bool(dim.protection.locked)
    return True


def col_index(letter: str) -> int:
    return column_index_from_string(letter)


def overview_tiles(ws: Any) -> dict[str, Any]:
    """Tile caption -> the value in the cell under it, on the summary's overview sheet.
    The tiles follow the town's objectives, from the "units and plan" group on."""
    out: dict[str, Any] = {}
    first = next(c.row for row in ws.iter_rows(max_row=60) for c in row
                 if c.value in ("ĐƠN VỊ VÀ KẾ HOẠCH", "UNITS AND PLAN"))
    for row in ws.iter_rows(min_row=first, max_row=first + 15):
        for cell in row:
            if isinstance(cell.value, str):
                out.setdefault(cell.value, ws.cell(cell.row + 1, cell.column).value)
    return out
