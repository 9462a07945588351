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
