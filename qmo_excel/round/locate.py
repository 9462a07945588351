"""Where a round's files are. ``qmo init`` lays a round out as ``DOT-2023/round.xlsx``,
``DOT-2023/returns/`` (what units send), ``DOT-2023/output/`` and ``DOT-2023/templates/``.
Given that round folder, the commands work on its ``returns/`` and write to its
``output/``; given a folder of returns, the round workbook is found beside or above it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROUND_FILE = "round.xlsx"


def find_round(folder: Path) -> Path | None:
    """The round workbook of a folder of returns, if there is one."""
    for candidate in (folder / ROUND_FILE, folder.parent / ROUND_FILE):
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True)
class Place:
    returns: Path  # the folder of returns to read
    round: Path | None  # its round workbook, if any
    output: Path | None  # the round folder's output/, when the returns are in one


def is_round_folder(folder: Path) -> bool:
    """A folder laid out by ``qmo init``: a ``returns/`` sub-folder beside ``round.xlsx``
    (or beside ``output/`` and ``templates/``)."""
    if not (folder / "returns").is_dir():
        return False
    return (folder / ROUND_FILE).is_file() or (
        (folder / "output").is_dir() and (folder / "templates").is_dir())


def place(folder: Path) -> Place:
    """Where to read and write for a folder given on the command line."""
    if is_round_folder(folder):
        rnd = folder / ROUND_FILE
        return Place(folder / "returns", rnd if rnd.is_file() else None, folder / "output")
    found = find_round(folder)
    out = folder.parent / "output"
    in_round = found is not None and found.parent.resolve() == folder.resolve().parent and \
        out.is_dir()
    return Place(folder, found, out if in_round else None)
