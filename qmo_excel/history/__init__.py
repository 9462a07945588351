"""The history of rounds: an embedded SQLite database, trends and the audit trail.

- ``schema``: the database file, its version, opening and upgrading it safely;
- ``store``: recording a round in one transaction, reading rounds back;
- ``trends``: this round against the earlier rounds of its body;
- ``manifest``: the run's audit manifest (written beside the summary and kept here);
- ``query``: trend tables of a unit or an indicator, and the CSV export (pandas).
"""

from __future__ import annotations

from pathlib import Path

from qmo_excel.history.schema import DEFAULT_NAME, HistoryError, open_history
from qmo_excel.model import RoundConfig

__all__ = ["DEFAULT_NAME", "HistoryError", "default_history_path", "open_history"]


def default_history_path(folder: Path, round_path: Path | None = None,
                         config: RoundConfig | None = None) -> Path:
    """Where a round's history lives: the file the round workbook names (relative to the
    workbook's folder), else ``lich-su-MTCL.sqlite`` in the folder above the round's
    folder (the round workbook's folder, else the folder of returns): the rounds of one
    body sit side by side there (``DOT-2023-6T/``, ``DOT-2023/``)."""
    named = (config.history or "").strip() if config is not None else ""
    base = round_path.resolve().parent if round_path is not None else None
    if named:
        target = Path(named)
        if not target.is_absolute():
            target = (base or folder.resolve()) / target
        return target
    round_folder = base or folder.resolve()
    return round_folder.parent / DEFAULT_NAME


def find_history(where: Path) -> Path:
    """The history file a user points at: the file itself; in a folder, its own
    ``lich-su-MTCL.sqlite``, the one its round workbook names, or the one in the folder
    above (a round folder's history). Raises ``HistoryError("missing")``."""
    if where.is_file():
        return where
    candidates = [where / DEFAULT_NAME]
    workbook = where / "round.xlsx"
    if workbook.is_file():
        from qmo_excel.round.reader import RoundError, read_round

        try:
            config = read_round(workbook)
        except RoundError:
            config = RoundConfig()
        candidates.append(default_history_path(where / "returns", workbook, config))
    candidates.append(where.resolve().parent / DEFAULT_NAME)
    for path in candidates:
        if path.is_file():
            return path
    raise HistoryError("missing", where / DEFAULT_NAME)
