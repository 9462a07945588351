"""Merged cells in a return: a value merged down over several rows (an objective code,
or a lead written once for a group of tasks) belongs to every row of the range."""

from __future__ import annotations

from typing import Any


def merged_ranges(sheet: Any, nrows: int) -> list[tuple[int, int, int]]:
    """Vertical merged ranges as (first row, last row, column), 0-based."""
    try:
        ranges = sheet.merged_cell_ranges or []
    except Exception:
        return []
    out = []
    for (r0, c0), (r1, _c1) in ranges:
        if r1 > r0 and r0 < nrows:
            out.append((r0, min(r1, nrows - 1), c0))
    return out


def fill_merged(grid: list[list[Any]], merges: list[tuple[int, int, int]], hr: int) -> None:
    """A value merged down over several rows (an objective code or a lead written once
    for a group of tasks) belongs to every row of the range."""
    for r0, r1, c in merges:
        if r0 <= hr or r0 >= len(grid):
            continue
        top = grid[r0][c] if c < len(grid[r0]) else ""
        if top == "" or top is None:
            continue
        for r in range(r0 + 1, min(r1, len(grid) - 1) + 1):
            line = grid[r]
            if c >= len(line):
                line.extend([""] * (c + 1 - len(line)))
            if line[c] == "" or line[c] is None:
                line[c] = top
