"""A province over three towns' exports (issue 20): `qmo consolidate` over a folder of the
towns' JSON exports gives the province summary, with the towns ranked and the province's
objectives, its manifest and its history."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from history_rounds import ISO, ON_TIME, make_round

from qmo_excel.cli import main
from qmo_excel.model import RegisteredUnit, RoundConfig
from qmo_excel.round.book import write_round_workbook

PROVINCE = "UBND tỉnh Thừa Thiên Huế"
TOWNS = {"HT": "UBND thị xã Hương Trà", "HTY": "UBND thị xã Hương Thủy",
         "PD": "UBND huyện Phong Điền"}
CHANGES: dict[str, Any] = {
    "HT": None,
    "HTY": {"PKT": [{"code": "1", "text": "Phát triển kinh tế"},
                    {"code": "1.1", "text": "Tốc độ tăng trưởng giá trị sản xuất",
                     "unit_of_measure": "%", "target": "14-15%", "result": "15,5%"},
                    {"code": "2", "text": ON_TIME, "target": "trên 95%", "result": "98%"}]},
    "PD": {"VP": [{"code": "1", "text": ISO, "target": "Đạt", "result": "Không đạt"},
                  {"code": "2", "text": "Tỷ lệ văn bản ban hành đúng hạn",
                   "unit_of_measure": "%", "target": "100%", "result": "95%"}]},
}


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tinh")
    exports = root / "TINH-2023" / "exports"
    exports.mkdir(parents=True)
    (root / "TINH-2023" / "output").mkdir()
    for code, name in TOWNS.items():
        returns = make_round(root / code, "DOT-2023", town=name, changes=CHANGES[code])
        invoke("consolidate", str(returns), "--as-of", "2023-12-20", "-q", "--no-feedback",
               "--export-json", str(exports / f"{code}.json"))
    register = [RegisteredUnit(c, n, "other") for c, n in TOWNS.items()]
    register.append(RegisteredUnit("AL", "UBND huyện A Lưới", "other"))
    write_round_workbook(root / "TINH-2023" / "round.xlsx", config=RoundConfig(
        town=PROVINCE, year=2023, period="year", register=register))
    shutil.copyfile(exports / "HT.json", exports / "HT (1).json")  # sent twice
    (exports / "ghi chu.txt").write_text("Danh sách thị xã", encoding="utf-8")
    (exports / "hong.json").write_text('{"round": {"town": "x"', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def run(province: Path) -> Any:
    tinh = province / "TINH-2023"
    return invoke("consolidate", str(tinh / "exports"), "--as-of", "2024-01-10", "-q",
                  "--export-json", str(tinh / "output" / "tinh.json"))


def test_the_province_run_accounts_for_every_file(run: Any, province: Path) -> None:
    out = run.output
    assert "Tiếp nhận 6 tệp: 3 sử dụng, 0 bị thay thế, 1 trùng lặp, 1 bị từ chối, 1 bỏ qua" \
        in out
    assert "Đơn vị: 3/4 đã nộp, 0 nộp muộn, 1 chưa nộp (AL)." in out
    data = json.loads((province / "TINH-2023" / "output" / "tinh.json").read_text("utf-8"))
    fates = {e["file"]: (e["status"], e["unit_code"]) for e in data["intake"]}
    assert fates["HT.json"] == ("used", "HT")
    assert fates["HT (1).json"][0] == "duplicate"
    assert fates["hong.json"][0] == "rejected"
    assert fates["ghi chu.txt"][0] == "ignored"
    assert data["round"]["town"] == PROVINCE
    assert data["missing_units"] == ["AL"]


def test_towns_are_ranked_by_the_province_rules(run: Any, province: Path) -> None:
    data = json.loads((province / "TINH-2023" / "output" / "tinh.json").read_text("utf-8"))
    towns = {u["code"]: u for u in data["units"] if u["submitted"]}
    assert set(towns) == {"HT", "HTY", "PD"}
    assert towns["HTY"]["score"] == 100.0 and towns["HTY"]["band"] == "xuat_sac"
    assert towns["HT"]["indicators"] == 8 and towns["HT"]["achieved"] == 6
    assert towns["PD"]["achieved"] == 4
    assert towns["HT"]["score"] > towns["PD"]["score"]
    summary = province / "TINH-2023" / "output" / "tong-hop-MTCL-2023-nam.xlsx"
    wb = openpyxl.load_workbook(summary, read_only=True)
    ranking = [list(r) for r in wb["Xếp hạng đơn vị"].iter_rows(min_row=4, values_only=True)]
    indicators = [list(r) for r in wb["Chỉ tiêu"].iter_rows(min_row=4, values_only=True)]
    narrative = "\n".join(str(c) for r in wb["Nhận xét"].iter_rows(values_only=True)
                          for c in r if c)
    wb.close()
    assert [r[1] for r in ranking[:3]] == ["HTY", "HT", "PD"]
    assert [str(r[0]) for r in ranking[:3]] == ["1", "2", "3"]
    # every unit's indicator, under its town, with its unit in its code
    assert ("HT", "1", "PTCKH/1.1") in {(r[0], r[1], r[2]) for r in indicators}
    assert len(indicators) == 24
    assert "Tổng số 4 đơn vị phải báo cáo, đã nhận 3 báo cáo" in narrative


def test_the_province_objectives_roll_up_the_towns(run: Any, province: Path) -> None:
    data = json.loads((province / "TINH-2023" / "output" / "tinh.json").read_text("utf-8"))
    # each town's own objectives, under the town
    objectives = {(o["unit_code"], o["code"]): o for o in data["objectives"]}
    assert objectives[("HTY", "2")]["status"] in ("vuot", "dat")
    assert objectives[("PD", "2")]["status"] == "khong_dat"
    assert "VP: " + ISO in objectives[("PD", "2")]["not_achieved"]
    # the province's objectives over every town's indicators of them
    assert data["round"]["town_objectives_from"] == "towns"
    province_objectives = [(t["code"], t["status"], t["indicators_total"], t["achieved"])
                           for t in data["town_objectives"]]
    assert province_objectives == [("1", "khong_dat", 9, 7), ("2", "khong_dat", 15, 11)]
    members = {(m["unit_code"], m["code"], m["verdict"])
               for m in data["town_objectives"][1]["indicators"]}
    assert ("PD/VP", "1", "khong_dat") in members and ("HTY/PKT", "2", "vuot") in members
    summary = province / "TINH-2023" / "output" / "tong-hop-MTCL-2023-nam.xlsx"
    wb = openpyxl.load_workbook(summary, read_only=True)
    narrative = "\n".join(str(c) for r in wb["Nhận xét"].iter_rows(values_only=True)
                          for c in r if c)
    wb.close()
    assert "- Mục tiêu 1 (Phát triển kinh tế - xã hội): có 07/09 chỉ tiêu đạt và vượt" \
        in narrative
    assert "Theo từng mục tiêu của tỉnh: mục tiêu 1 (Phát triển kinh tế - xã hội) đạt ở " \
           "01/03 địa phương (chưa đạt: UBND thị xã Hương Trà, UBND huyện Phong Điền)" \
        in narrative
    assert "Như vậy, có 2/2 mục tiêu của tỉnh chưa đạt (mục tiêu số 1, 2)." in narrative


def test_the_province_round_is_in_its_history_and_manifest(run: Any, province: Path) -> None:
    db = province / "lich-su-MTCL.sqlite"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT body, level, year, period, units_submitted, indicators "
                            "FROM rounds").fetchall() == [(PROVINCE, "province", 2023, "year",
                                                           3, 24)]
        rules = {r[0] for r in conn.execute("SELECT DISTINCT rule FROM indicators")}
    assert rules == {"town_export"}
    manifest = json.loads((province / "TINH-2023" / "output" /
                           "vet-kiem-tra-MTCL-2023-nam.json").read_text("utf-8"))
    assert manifest["round"]["level"] == "province"
    inputs = {i["file"]: i for i in manifest["inputs"]}
    assert inputs["HT.json"]["fate"] == "used" and len(inputs["HT.json"]["sha256"]) == 64
    explained = invoke("explain", "--round", str(province / "TINH-2023"), "HT", "PTCKH/1.1")
    assert "Quy tắc: Đánh giá lấy từ bản xuất dữ liệu của địa phương" in explained.output


def test_an_export_of_another_period_is_rejected(province: Path, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    shutil.copytree(province / "TINH-2023" / "exports", exports)
    returns = make_round(tmp_path / "X", "DOT-2023-6T", town="UBND thị xã X")
    invoke("consolidate", str(returns), "--as-of", "2023-06-20", "-q", "--no-history",
           "--no-feedback", "--export-json", str(exports / "X.json"))
    invoke("consolidate", str(exports), "--round",
           str(province / "TINH-2023" / "round.xlsx"), "-o", str(tmp_path / "out"),
           "--as-of", "2024-01-10", "-q", "--no-history", "--export-json",
           str(tmp_path / "out" / "p.json"))
    data = json.loads((tmp_path / "out" / "p.json").read_text("utf-8"))
    fate = next(e for e in data["intake"] if e["file"] == "X.json")
    assert fate["status"] == "rejected"
    assert "Bản xuất dữ liệu kỳ 6 tháng 2023, khác kỳ tổng hợp Năm 2023" in fate["reason"]


def test_a_named_pipe_among_the_exports_is_never_opened(province: Path, tmp_path: Path
                                                        ) -> None:
    import os
    import sys

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    exports = tmp_path / "exports"
    shutil.copytree(province / "TINH-2023" / "exports", exports)
    os.mkfifo(exports / "treo.json")
    import subprocess
    proc = subprocess.run([sys.executable, "-m", "qmo_excel", "consolidate", str(exports),
                           "-o", str(tmp_path / "out"), "--as-of", "2024-01-10", "-q",
                           "--no-history", "--export-json", str(tmp_path / "out" / "p.json")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "out" / "p.json").read_text("utf-8"))
    fate = next(e for e in data["intake"] if e["file"] == "treo.json")
    assert fate["status"] == "ignored"
