"""Where a round's workbook is: beside the folder of returns or in the folder above (the
layout ``qmo init`` makes: ``DOT-2023/round.xlsx`` and ``DOT-2023/returns/``)."""

from __future__ import annotations

from pathlib import Path

ROUND_FILE = "round.xlsx"


def find_round(folder: Path) -> Path | None:
    """The round workbook of a folder of returns, if there is one."""
    for candidate in (folder / ROUND_FILE, folder.parent / ROUND_FILE):
        if candidate.is_file():
            return candidate
    return None
