"""Memoised readings stay private to each caller; formula errors are not targets."""

from __future__ import annotations

import pytest

from qmo_excel.judge import judge, read_result, read_row, read_target, read_timeline


def test_a_changed_target_does_not_change_the_next_reading() -> None:
    first = read_target("trên 95%; giảm 0,8-1,0%", indicator="Tỷ lệ hộ nghèo")
    first.notes.append("sửa tay")
    first.parts[0].low = 1.0
    again = read_target("trên 95%; giảm 0,8-1,0%", indicator="Tỷ lệ hộ nghèo")
    assert "sửa tay" not in again.notes
    assert again.parts[0].low == 95.0


def test_a_changed_timeline_does_not_change_the_next_reading() -> None:
    first = read_timeline("Quý II, Quý IV", 2023)
    first.due.clear()
    assert read_timeline("Quý II, Quý IV", 2023).due


@pytest.mark.parametrize("cell", ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", " #NAME? ",
                                  "#ref!"])
def test_excel_formula_errors_are_unreadable_targets(cell: str) -> None:
    t = read_target(cell, indicator="Tỷ lệ hồ sơ giải quyết đúng hạn")
    assert t.kind == "unknown" and t.confidence == "uncertain"
    assert any("lỗi công thức Excel" in n for n in t.notes)
    assert read_row(cell, "97%", indicator="Tỷ lệ hồ sơ").judgement.verdict == \
        "khong_xac_dinh"


def test_a_hash_in_real_text_is_still_read() -> None:
    assert read_target("#1: trên 95%").kind != "unknown"


def test_read_row_agrees_with_the_separate_steps() -> None:
    for target, result, period in (("trên 95%", "86,2%", "year"), ("trên 95%", 0.9, "h1"),
                                   ("1.100 tỷ đồng", "1.150 tỷ đồng", "year"),
                                   ("Đạt", "Hoàn thành", "year"), ("14-15%", None, "year")):
        reading = read_row(target, result, indicator="Chỉ tiêu", period=period)
        t = read_target(target, indicator="Chỉ tiêu")
        r = read_result(result, t)
        assert reading.target == t and reading.result == r
        assert reading.judgement == judge(t, r, period=period)
