"""Cutting a cell into the pieces that each carry one target or one result.

Pieces are cut at ";", "trong đó", sentence ends, parentheses and commas that separate
clauses (not the decimal comma of "99,9" nor lists such as "mức độ 3, 4"). A piece that
holds no quantity is glued to its neighbour, so each piece has at most one subject.
"""

from __future__ import annotations

import re

from qmo_excel.judge.numbers import quantities, scan

_HARD = re.compile(r";|\btrong đó\b\s*:?|(?<=\D)\.\s+|\(|\)|\s\+\s", re.IGNORECASE)
_COMMA = re.compile(r",\s*(?!\d)|(?<!\d),\s*")


def _has_quantity(piece: str) -> bool:
    return bool(quantities(scan(piece)))


def split_segments(text: str) -> list[str]:
    """The clauses of a normalised cell, each with its own quantity where there is one."""
    pieces: list[str] = []
    for hard in _HARD.split(text):
        soft = [p.strip(" :-,.") for p in _COMMA.split(hard)]
        soft = [p for p in soft if p]
        merged: list[str] = []
        for p in soft:
            if merged and (not _has_quantity(p) or not _has_quantity(merged[-1])):
                merged[-1] = merged[-1] + ", " + p
            else:
                merged.append(p)
        pieces.extend(merged)
    out: list[str] = []
    for p in pieces:
        if (out and not _has_quantity(p)) or (out and not _has_quantity(out[-1])):
            out[-1] = out[-1] + "; " + p
        else:
            out.append(p)
    return out
