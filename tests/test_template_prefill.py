"""Pre-filled returns, one per registered unit: assigned rows filled and locked."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from xlsx_helpers import is_locked

from qmo_excel import spec
from qmo_excel.model import Assignment, RegisteredUnit, RoundConfig
from qmo_excel.round.reader import example_round
from qmo_excel.template import write_prefilled
from qmo_excel.template.prefill import ascii_slug, prefilled_name, unit_objectives


def _objective_rows(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path)[spec.OBJECTIVES.name("vi")]
    rows = []
    for row in ws.iter_rows(min_row=spec.OBJECTIVES.first_data_row, values_only=True):
        if any(v is not None for v in row):
            rows.append(list(row))
    return rows


def test_one_file_per_unit_with_its_assignments(tmp_path: Path) -> None:
    config = example_round()
    paths = write_prefilled(config, tmp_path)
    assert [p.name for p in paths] == [f"MTCL_2023_6-thang_{u.code}.xlsx" for u in config.register]
    by_code = {p.stem.rsplit("_", 1)[1]: p for p in paths}
    wb = openpyxl.load_workbook(by_code["PTCKH"])
    info = wb[spec.UNIT_INFO.name("vi")]
    assert info[spec.UNIT_INFO.cell("unit_code")].value == "PTCKH"
    assert info[spec.UNIT_INFO.cell("unit_name")].value == "Phòng Tài chính - Kế hoạch"
    assert info[spec.UNIT_INFO.cell("year")].value == 2023
    assert info[spec.UNIT_INFO.cell("period")].value == "6 tháng"
    assert info[spec.UNIT_INFO.cell("unit_code")].protection.locked is True
    assert info[spec.UNIT_INFO.cell("preparer")].protection.locked is False
    assert info[spec.UNIT_INFO.cell("report_date")].protection.locked is False
    rows = _objective_rows(by_code["PTCKH"])
    cols = spec.OBJECTIVES.columns()
    idx = {k: ord(c) - ord("A") for k, c in cols.items()}
    assert [r[idx["code"]] for r in rows] == ["1"] + [f"1.{i}" for i in range(1, 8)]
    targets = [r[idx["target"]] for r in rows[1:]]
    assert targets == ["14-15%", "16-17 %", "13-14 %", "3,0-3,5%", "1.100 tỷ đồng",
                       "185-190 tỷ đồng", "46 – 48 triệu đồng/người/năm"]
    ws = wb[spec.OBJECTIVES.name("vi")]
    first = spec.OBJECTIVES.first_data_row
    assert is_locked(ws, f"{cols['result']}{first + 1}") is False
    for f in spec.OBJECTIVES.fields:
        ref = f"{cols[f.key]}{first + 1}"
        locked = is_locked(ws, ref)  # before ws[ref], which creates a default cell
        has_value = ws[ref].value is not None
        assert locked is (f.assigned and has_value), f.key
    assert ws.protection.sheet is True
    vp = _objective_rows(by_code["VP"])
    assert [r[idx["target"]] for r in vp if r[idx["code"]] == "2.1"] == ["trên 95%"]
    assert _objective_rows(by_code["P-HXUAN"]) == []  # a ward with no assignment


def test_objective_rows_added_when_missing() -> None:
    config = RoundConfig(
        year=2023, register=[RegisteredUnit("A", "Đơn vị A"), RegisteredUnit("B", "B")],
        assignments=[Assignment("B", "2", "2", "Mục tiêu hai"),
                     Assignment("A", "2", "2.2", "Chỉ tiêu b", target="100%"),
                     Assignment("A", "2", "2.1", "Chỉ tiêu a", target="≥ 95%"),
                     Assignment("A", "10", "10.1", "Chỉ tiêu c")])
    rows = unit_objectives(config, "A")
    assert [r["code"] for r in rows] == ["2", "2.2", "2.1", "10", "10.1"]
    assert rows[0]["text"] == "Mục tiêu hai"  # the objective's text from another unit
    assert rows[3]["text"] == ""


def test_file_names_are_ascii_and_unique(tmp_path: Path) -> None:
    assert ascii_slug("P-Hương Xuân/Đông") == "P-Huong-Xuan-Dong"
    config = RoundConfig(period="q1", register=[RegisteredUnit("Đ 1", "x"),
                                                RegisteredUnit("D/1", "y")])
    assert prefilled_name(config, "Đ 1") == "MTCL_quy-1_D-1.xlsx"
    names = [p.name for p in write_prefilled(config, tmp_path, lang="en")]
    assert names == ["MTCL_quy-1_D-1.xlsx", "MTCL_quy-1_D-1 (2).xlsx"]
    assert all(n.isascii() for n in names)


def test_unit_selection(tmp_path: Path) -> None:
    paths = write_prefilled(example_round(), tmp_path, units=["vp", "TTYT"])
    assert sorted(p.name for p in paths) == ["MTCL_2023_6-thang_TTYT.xlsx",
                                             "MTCL_2023_6-thang_VP.xlsx"]
    with pytest.raises(ValueError, match="unknown unit"):
        write_prefilled(example_round(), tmp_path, units=["NOPE"])
