"""The round workbook: written, read back, defaults, tolerance, clear errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from qmo_excel import spec, vocab
from qmo_excel.model import RatingRules, RoundConfig, TownObjective
from qmo_excel.round import write_round_workbook
from qmo_excel.round.reader import RoundError, example_round, read_round
from qmo_excel.template import write_unit_workbook


@pytest.mark.parametrize("lang", spec.LANGS)
def test_example_round_trips(lang: spec.Lang, tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    config = example_round()
    write_round_workbook(path, lang=lang, config=config)
    got = read_round(path)
    assert got.source == str(path)
    assert replace(got, source=None) == config


def test_round_workbook_layout(tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    write_round_workbook(path, config=example_round())
    d = spec.describe("vi")["round"]
    wb = openpyxl.load_workbook(path)
    meta = wb[spec.META_SHEET]
    assert meta.sheet_state == "hidden"
    assert meta[spec.META_CELLS["template_id"]].value == spec.ROUND_TEMPLATE_ID
    assert meta[spec.META_CELLS["workbook"]].value == "round"
    settings = wb[d["settings"]["sheet"]]
    for key, cell in d["settings"]["cells"].items():
        assert settings[f"B{cell[1:]}"].value.rstrip(" *") == d["settings"]["labels"][key]
    assert settings[d["settings"]["cells"]["deadline"]].value == datetime(2023, 6, 15)
    for table in ("register", "assignments"):
        ws = wb[d[table]["sheet"]]
        for key, col in d[table]["columns"].items():
            assert ws[f"{col}{d[table]['header_row']}"].value == d[table]["labels"][key]
        assert d[table]["table"] in ws.tables
        assert ws.protection.sheet is True
    kind_dv = [dv for dv in wb[d["register"]["sheet"]].data_validations.dataValidation
               if dv.type == "list"]
    assert len(kind_dv) == 1 and str(kind_dv[0].sqref).startswith("C4:")
    a = tmp_path / "a.xlsx"
    write_round_workbook(a, config=example_round())
    assert a.read_bytes() == path.read_bytes()


def test_blank_round_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    write_round_workbook(path)
    got = read_round(path)
    assert replace(got, source=None, warnings=[]) == RoundConfig()
    assert ["chưa có đơn vị nào" in w for w in got.warnings] == [True]
    assert got.year is None and got.period == "year" and got.cap == 100.0
    assert got.rating == RatingRules(90.0, 70.0, 50.0, 30.0, 20.0)
    assert got.town_objectives == [] and got.town_office == ""


def _hand_made(path: Path) -> None:
    """A round workbook typed by hand: English sheet names, moved rows, gaps, labels."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Settings"
    ws["B2"], ws["C2"] = "Year", "2024"
    ws["B7"], ws["C7"] = "Kỳ báo cáo *", "Quý I"
    ws["B8"], ws["C8"] = "Hạn nộp báo cáo", "05/04/2024"
    ws["B9"], ws["C9"] = "Ngưỡng Hoàn thành tốt (điểm)", "75,5"
    reg = wb.create_sheet("Units")
    reg.append(["Unit code", "Unit name", "Kind"])
    reg.append(["PKT", "Phòng Kinh tế", "Department"])
    reg.append([None, None, None])
    reg.append(["X-HTOAN", "UBND xã Hương Toàn", "Xã"])
    asg = wb.create_sheet("Assignments")
    asg.append(["Tiêu đề"])
    asg.append([])
    asg.append(["Mã đơn vị", "Mã chỉ tiêu", "Chỉ tiêu kế hoạch", "Trọng số"])
    asg.append(["PKT", "1.8", "56-58 %", 2])
    asg.append(["", "  ", None, None])
    asg.append(["pkt", 2, "Có", None])
    wb.save(path)


def test_hand_made_workbook_is_read_tolerantly(tmp_path: Path) -> None:
    path = tmp_path / "hand.xlsx"
    _hand_made(path)
    got = read_round(path)
    assert got.year == 2024 and got.period == "q1" and got.deadline == date(2024, 4, 5)
    assert got.rating == RatingRules(good=75.5)
    assert [(u.code, u.kind) for u in got.register] == [("PKT", "department"),
                                                         ("X-HTOAN", "commune")]
    assert [(a.unit_code, a.objective_code, a.code, a.target, a.weight)
            for a in got.assignments] == [("PKT", "1", "1.8", "56-58 %", 2.0),
                                          ("pkt", "2", "2", "Có", None)]


def test_not_a_round_workbook(tmp_path: Path) -> None:
    text = tmp_path / "round.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(RoundError, match="không phải bảng tính"):
        read_round(text)
    with pytest.raises(RoundError, match="Không tìm thấy"):
        read_round(tmp_path / "missing.xlsx")
    unit = tmp_path / "unit.xlsx"
    write_unit_workbook(unit)
    with pytest.raises(RoundError, match="mẫu báo cáo của đơn vị"):
        read_round(unit)
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(RoundError, match="không phải tệp kỳ báo cáo"):
        read_round(other)


@pytest.mark.parametrize(("sheet", "cell", "value", "message"), [
    ("Cài đặt", "C6", "Cả năm", "Ô C6 .*không có trong danh sách"),
    ("Cài đặt", "C5", "năm nay", "không phải một năm"),
    ("Cài đặt", "C7", "31/02/2023", "không phải ngày"),
    ("Cài đặt", "C10", "95", "giảm dần"),  # good above excellent
    ("Cài đặt", "C12", "0", "Mức trần"),
    ("Danh sách đơn vị", "A5", "PTCKH", "bị trùng"),
    ("Giao chỉ tiêu", "A4", "KHONGCO", "không có trong"),
    ("Giao chỉ tiêu", "C4", None, "thiếu mã chỉ tiêu"),
])
def test_bad_values_are_named(tmp_path: Path, sheet: str, cell: str, value: object,
                              message: str) -> None:
    path = tmp_path / "round.xlsx"
    write_round_workbook(path, config=example_round())
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)
    with pytest.raises(RoundError, match=message):
        read_round(path)


def test_example_round_is_the_seed_town() -> None:
    config = example_round()
    assert config.town == "UBND thị xã Hương Trà"
    assert (config.year, config.period) == (2023, "h1")
    assert config.deadline and config.cut_off and config.deadline <= config.cut_off
    codes = [u.code for u in config.register]
    assert {"PTCKH", "PKT", "PQLDT", "PTNMT", "PGDDT", "PLDTBXH", "PVHTT", "TTYT",
            "VP"} <= set(codes)
    assert len(codes) == len(set(codes))
    assert sum(u.kind in ("ward", "commune") for u in config.register) >= 3
    targets = {a.target for a in config.assignments}
    assert {"14-15%", "16-17 %", "1.100 tỷ đồng", "185-190 tỷ đồng",
            "46 – 48 triệu đồng/người/năm", "56-58 %", ">93%", "99,9%",
            "31/38 trường, tỷ lệ 81,6%", ">70%", "giảm 0,8-1,0%/năm",
            "Có 01 xã đạt chuẩn xã nông thôn mới", "01 phường đạt chuẩn văn minh đô thị",
            "trên 95%"} <= targets
    for a in config.assignments:
        assert a.unit_code in codes
        assert a.code == a.objective_code or a.code.startswith(a.objective_code + ".")


def test_rating_rules_and_town_objectives_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    config = replace(example_round(), rating=RatingRules(92.0, 75.0, 55.0, 40.0, 10.0))
    write_round_workbook(path, config=config)
    got = read_round(path)
    assert got.rating == RatingRules(92.0, 75.0, 55.0, 40.0, 10.0)
    assert got.town_office == "VP"
    assert [(o.code, o.lead_unit) for o in got.town_objectives] == [
        ("1", ""), ("2", "VP"), ("3", "VP"), ("4", "VP"), ("5", "VP")]
    wb = openpyxl.load_workbook(path)
    assert spec.TOWN_OBJECTIVES.vi in wb.sheetnames
    assert wb.sheetnames.index(spec.TOWN_OBJECTIVES.vi) < wb.sheetnames.index(
        spec.ASSIGNMENTS.vi)


def test_shares_written_as_percentages_are_read(tmp_path: Path) -> None:
    """A share typed "25" or, in a cell formatted as a percentage, 0.25."""
    path = tmp_path / "round.xlsx"
    write_round_workbook(path, config=example_round())
    wb = openpyxl.load_workbook(path)
    cells = spec.ROUND_SETTINGS.cells()
    wb["Cài đặt"][cells["share_exceeded"]] = 0.25
    wb["Cài đặt"][cells["share_missed"]] = "15"
    wb.save(path)
    got = read_round(path)
    assert (got.rating.exceeded_share, got.rating.missed_share) == (25.0, 15.0)


def test_town_objectives_typed_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    _hand_made(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Mục tiêu của thị xã")
    ws.append(["Mã mục tiêu", "Mục tiêu", "Đơn vị chủ trì (mã)"])
    ws.append(["1", "Các chỉ tiêu kinh tế - xã hội", None])
    ws.append([2, "Giải quyết TTHC đúng hạn", "pkt"])
    wb.save(path)
    got = read_round(path)
    assert got.town_objectives == [TownObjective("1", "Các chỉ tiêu kinh tế - xã hội"),
                                   TownObjective("2", "Giải quyết TTHC đúng hạn", "PKT")]


@pytest.mark.parametrize(("cell", "value", "message"), [
    ("A5", "1", "mã mục tiêu “1” bị trùng"),
    ("C4", "KHONGCO", "không có trong"),
    ("A4", None, "thiếu mã mục tiêu"),
])
def test_bad_town_objectives_are_named(tmp_path: Path, cell: str, value: object,
                                       message: str) -> None:
    path = tmp_path / "round.xlsx"
    write_round_workbook(path, config=example_round())
    wb = openpyxl.load_workbook(path)
    wb[spec.TOWN_OBJECTIVES.vi][cell] = value
    wb.save(path)
    with pytest.raises(RoundError, match=message):
        read_round(path)


def test_a_share_beyond_100_is_named(tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    write_round_workbook(path, config=example_round())
    wb = openpyxl.load_workbook(path)
    wb["Cài đặt"][spec.ROUND_SETTINGS.cell("share_missed")] = 120
    wb.save(path)
    with pytest.raises(RoundError, match="phải từ 0 đến 100"):
        read_round(path)


@pytest.mark.parametrize("lang", spec.LANGS)
def test_round_instructions_explain_the_bands_and_their_source(lang: spec.Lang,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    write_round_workbook(path, lang=lang, config=example_round())
    ws = openpyxl.load_workbook(path)[spec.INSTRUCTIONS_SHEET[lang]]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "366-QĐ/TW" in text
    assert ("30/8/2025" if lang == "vi" else "30 August 2025") in text
    for band in vocab.Band:
        assert band.label(lang) in text
    assert "30%" in text and "20%" in text and "90" in text
    assert spec.TOWN_OBJECTIVES.name(lang) in text
