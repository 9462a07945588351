"""The history's part in one run of ``consolidate``: check the file before the run, give
the summary its trends, then write the manifest and record the round."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Any

from qmo_excel.history.manifest import manifest_name, write_manifest
from qmo_excel.history.schema import HistoryError, open_history
from qmo_excel.history.store import find_round, list_rounds, record_round, round_year
from qmo_excel.history.trends import compute_trends
from qmo_excel.model import RoundConfig, RoundResult, Trends


class RoundHistory:
    """The history file of a run (``path`` None: none). Opening it checks it (and raises
    ``HistoryError`` before the run reads anything); ``finish`` writes the manifest beside
    the summary and records the round in one transaction."""

    def __init__(self, path: Path | None, level: str = "town") -> None:
        self.path, self.level = path, level
        self.conn: sqlite3.Connection | None = None

    def __enter__(self) -> RoundHistory:
        if self.path is not None:
            self.conn = open_history(self.path)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def trends(self, result: RoundResult) -> Trends | None:
        if self.conn is None or self.path is None:
            return None
        return compute_trends(self.conn, result, level=self.level,
                              history_name=self.path.name)

    def finish(self, outcome: Any, config: RoundConfig, *, folder: Path, out_dir: Path,
               lang: str) -> None:
        """Write the manifest; record the round. ``outcome`` is a ``jobs`` Outcome: its
        ``manifest``, ``history*`` fields are set (a failure to record is kept in
        ``history_error``: the summary is written by then)."""
        result = outcome.result
        written = write_manifest(out_dir / manifest_name(result, lang), result, config,
                                 folder=folder, level=self.level)
        outcome.manifest = written.path
        if self.conn is None or self.path is None:
            return
        year = round_year(result)
        outcome.history_replaced = find_round(self.conn, result.town, self.level, year,
                                              result.period) is not None
        try:
            record_round(self.conn, self.path, result, level=self.level,
                         source_folder=str(folder), round_workbook=config.source,
                         manifest=written.packed, manifest_sha256=written.sha256)
        except HistoryError as exc:
            outcome.history_error = exc
            return
        outcome.history = self.path
        outcome.history_rounds = len(list_rounds(self.conn, result.town, self.level))
