"""One set of headline figures (issue #14): the terminal, the overview sheet, the
narrative and the JSON export agree, with and without a round workbook; each export
table has one column list, the same empty or full, shared with the summary sheet."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from fixtures_results import empty_round, seed_round
from xlsx_helpers import overview_tiles

from qmo_excel.cli import main
from qmo_excel.export import COLUMNS, write_csv
from qmo_excel.figures import headline
from qmo_excel.summary import sheets
from qmo_excel.summary.labels import CSV_OF

ROOT = Path(__file__).resolve().parents[1]


_tiles = overview_tiles


def _run(tmp_path: Path, with_round: bool) -> tuple[list[str], dict[str, Any], Any]:
    returns = tmp_path / "returns"
    shutil.copytree(ROOT / "samples" / "returns", returns)
    out = tmp_path / "out"
    args = ["consolidate", str(returns), "-o", str(out), "--as-of", "2023-12-20",
            "--export-json", str(out / "k.json"), "--no-feedback", "-q"]
    if with_round:
        args += ["--round", str(ROOT / "samples" / "round.xlsx")]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    export = json.loads((out / "k.json").read_text(encoding="utf-8"))
    (summary,) = out.glob("*.xlsx")
    return res.output.splitlines(), export, openpyxl.load_workbook(summary)


@pytest.mark.parametrize("with_round", [True, False])
def test_terminal_overview_and_json_agree(tmp_path: Path, with_round: bool) -> None:
    lines, export, wb = _run(tmp_path, with_round)
    h = export["headline"]
    tiles = _tiles(wb["Tổng quan"])
    # the overview's tiles
    assert tiles["Đơn vị phải báo cáo"] == h["expected"]
    assert tiles["Đã nộp báo cáo"] == h["received"]
    assert tiles["Chưa nộp"] == h["missing"]
    assert tiles["Tổng số chỉ tiêu"] == h["indicators"]
    assert tiles["Đạt và vượt"] == h["achieved"]
    assert tiles["Không đạt"] == h["not_achieved"]
    # the terminal
    units = next(ln for ln in lines if ln.startswith("Đơn vị:"))
    assert units.startswith(f"Đơn vị: {h['received']}/{h['expected']} đã nộp, "
                            f"{h['late']} nộp muộn, {h['missing']} chưa nộp")
    inds = next(ln for ln in lines if ln.startswith("Chỉ tiêu:"))
    assert inds.startswith(f"Chỉ tiêu: {h['achieved']}/{h['indicators']} đạt và vượt, "
                           f"{h['not_achieved']} không đạt")
    assert h["achieved"] + h["not_achieved"] + h["in_progress"] + h["no_data"] + \
        h["undetermined"] == h["indicators"]
    achieved, total, *rest = (int(x) for x in re.findall(r"\d+", inds))
    assert achieved + sum(rest) == total == h["indicators"]  # every verdict is printed
    # the JSON's tables
    assert h["expected"] == h["received"] + h["missing"]
    assert sum(h["fates"].values()) == h["files"] == len(export["intake"])
    assert h["missing_codes"] == export["missing_units"]
    # the narrative
    narrative = " ".join(str(c.value) for row in wb["Nhận xét"].iter_rows() for c in row
                         if c.value)
    assert f"{h['achieved']:02d}/{h['indicators']:02d}" in narrative or \
        f"{h['achieved']}/{h['indicators']}" in narrative
    if with_round:
        assert h["expected"] == 14 and "không có trong danh sách" in units
    else:
        # no register: every sender is expected, nobody is "not in the register"
        assert h["expected"] == h["received"] and h["missing"] == 0
        assert h["unregistered_codes"] == [] and "không có trong danh sách" not in units


def test_terminal_lists_are_capped() -> None:
    from qmo_excel.cli.consolidate_cmd import _codes

    codes = [f"U{i:03d}" for i in range(491)]
    text = _codes(codes, "vi")
    assert text.endswith("… và 481 đơn vị khác") and len(text) < 120


@pytest.mark.parametrize("result", [seed_round, empty_round])
def test_export_columns_are_the_same_empty_or_full(tmp_path: Path, result: Any) -> None:
    paths = write_csv(result(), tmp_path)
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh))
        assert tuple(header) == COLUMNS[path.stem], path.name


def test_json_records_have_the_columns() -> None:
    from qmo_excel.export import to_export_dict

    data = to_export_dict(seed_round())
    for table, keys in COLUMNS.items():
        if table == "missing_units":
            continue
        assert data[table], table
        for record in data[table]:
            assert tuple(record) == keys


SHEET_TABLES = {"town": "town_objectives", "ranking": "units", "indicators": "indicators",
                "objectives": "objectives",
                "tasks": "tasks", "intake": "intake", "missing": "missing_units",
                "problems": "problems"}
DERIVED = {"rank", "ratio", "no"}  # shown in a sheet, computed from the columns


@pytest.mark.parametrize(("sheet", "table"), SHEET_TABLES.items())
def test_summary_sheets_show_export_columns(sheet: str, table: str) -> None:
    t = getattr(sheets, sheet)(seed_round(), "vi")
    keys = [c.key for c in t.cols]
    assert all(keys), f"every column of {sheet} names its export column"
    assert set(keys) - DERIVED <= set(COLUMNS[table])
    if sheet in CSV_OF:
        assert CSV_OF[sheet] == f"{table}.csv"


def test_headline_of_an_empty_round() -> None:
    h = headline(empty_round())
    assert h.indicators == 0 and h.share_achieved is None and h.score is None
