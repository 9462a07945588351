"""`qmo consolidate`: intake fates, completeness, scoring of seed 002, atomic and
deterministic outputs."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from qmo_excel import spec
from qmo_excel.cli import main
from qmo_excel.export import to_export_dict
from qmo_excel.jobs.consolidate import consolidate
from qmo_excel.model import RegisteredUnit, RoundConfig
from qmo_excel.template import write_unit_workbook

AS_OF = date(2021, 12, 20)

# Seed 002: the town's 2021 result report. Objective 1 has 11 indicators of which 9 are
# achieved; objective 2 (on-time files) 86,2% against "trên 95%"; objective 3: 162 of
# 168 directives on time against 100%; objective 4 achieved.
SEED_002_OBJECTIVES: list[dict[str, object]] = [
    {"code": "1", "text": "Phấn đấu đạt các chỉ tiêu liên quan Kế hoạch phát triển kinh tế "
     "xã hội năm 2021"},
    {"code": "1.1", "text": "Tốc độ tăng trưởng giá trị sản xuất", "target": "14-15%",
     "result": "12,1%"},
    {"code": "1.2", "text": "Thu nhập bình quân đầu người", "target": "46 – 48 triệu "
     "đồng/người/năm", "result": "44 triệu đồng/người/năm"},
    {"code": "1.3", "text": "Tổng vốn đầu tư toàn xã hội", "target": "1.100 tỷ đồng",
     "result": "1.150 tỷ đồng"},
    {"code": "1.4", "text": "Tổng thu ngân sách", "target": "185-190 tỷ đồng",
     "result": "192 tỷ đồng"},
    {"code": "1.5", "text": "Tỷ lệ che phủ của rừng", "target": "56-58 %", "result": "57%"},
    {"code": "1.6", "text": "Tỷ lệ thu gom rác thải sinh hoạt", "target": ">93%",
     "result": "95%"},
    {"code": "1.7", "text": "Tỷ lệ dân số sử dụng nước sạch", "target": "99,9%",
     "result": "99,9%"},
    {"code": "1.8", "text": "Tỷ lệ trường học đạt chuẩn quốc gia",
     "target": "31/38 trường, tỷ lệ 81,6%", "result": "32/38 trường"},
    {"code": "1.9", "text": "Tỷ lệ lao động qua đào tạo", "target": ">70%", "result": "72%"},
    {"code": "1.10", "text": "Tỷ lệ hộ nghèo theo chuẩn đa chiều",
     "target": "giảm 0,8-1,0%/năm", "result": "giảm 1,1%"},
    {"code": "1.11", "text": "Số phường đạt chuẩn văn minh đô thị", "target": "01 phường",
     "result": "01 phường"},
    {"code": "2", "text": "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
     "target": "trên 95%", "result": "86,2%", "self_assessment": "Không đạt"},
    {"code": "3", "text": "Hoàn thành đúng hạn các nhiệm vụ đột xuất theo yêu cầu của "
     "UBND, Chủ tịch UBND cấp tỉnh", "target": "100%", "result": "162/168",
     "self_assessment": "Không đạt"},
    {"code": "4", "text": "Đánh giá, duy trì, cải tiến Hệ thống quản lý chất lượng phù hợp "
     "TCVN ISO 9001:2015", "target": "Đạt", "result": "Hoàn thành",
     "self_assessment": "Đạt"},
]


def info(code: str, name: str, report_date: date, year: int = 2021,
         period: str = "year") -> dict[str, object]:
    return {"unit_code": code, "unit_name": name, "year": year, "period": period,
            "report_date": report_date, "preparer": "Thư ký ISO", "head": "Đỗ Ngọc An"}


TASKS = [
    {"number": "1", "objective_code": "4", "task": "Xây dựng Kế hoạch Đánh giá nội bộ",
     "timeline": "Tháng 2-3/2021", "status": "Hoàn thành", "completed_on": date(2021, 3, 20)},
    {"number": "2", "objective_code": "4", "task": "Xem xét của lãnh đạo",
     "timeline": "Quý III/2021", "status": "Hoàn thành", "completed_on": date(2021, 10, 15)},
    {"number": "3", "objective_code": "2", "task": "Rà soát quy trình giải quyết TTHC",
     "timeline": "Tháng 10/2021", "status": "Đang thực hiện"},
    {"number": "4", "objective_code": "3", "task": "Theo dõi ý kiến chỉ đạo",
     "timeline": "Thường xuyên", "status": "Đang thực hiện"},
]


def make_round(tmp: Path) -> tuple[Path, RoundConfig]:
    returns = tmp / "returns"
    returns.mkdir()
    config = RoundConfig(
        town="UBND thị xã Hương Trà", year=2021, period="year",
        deadline=date(2021, 11, 30), cut_off=date(2021, 12, 15),
        register=[RegisteredUnit("VP", "Văn phòng HĐND-UBND", "department"),
                  RegisteredUnit("PKT", "Phòng Kinh tế", "department"),
                  RegisteredUnit("PTNMT", "Phòng Tài nguyên và Môi trường", "department"),
                  RegisteredUnit("HXUAN", "UBND phường Hương Xuân", "ward")],
    )
    write_unit_workbook(returns / "VP_2021.xlsx",
                        info=info("VP", "Văn phòng HĐND-UBND", date(2021, 11, 12)),
                        objectives=SEED_002_OBJECTIVES, tasks=TASKS)
    small = [{"code": "1", "text": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
              "target": "trên 95%", "result": "97%", "self_assessment": "Đạt"}]
    # PKT sends twice: the later report date supersedes; then an exact duplicate.
    write_unit_workbook(returns / "PKT_lan1.xlsx",
                        info=info("PKT", "Phòng Kinh tế", date(2021, 11, 20)),
                        objectives=[{**small[0], "result": "90%"}])
    write_unit_workbook(returns / "PKT_lan2.xlsx",
                        info=info("PKT", "Phòng Kinh tế", date(2021, 11, 25)),
                        objectives=small)
    shutil.copyfile(returns / "PKT_lan2.xlsx", returns / "PKT_lan2 (1).xlsx")
    # PTNMT is late; a unit outside the register; HXUAN sends nothing usable.
    write_unit_workbook(returns / "PTNMT.xlsx",
                        info=info("PTNMT", "Phòng Tài nguyên và Môi trường",
                                  date(2021, 12, 5)), objectives=small)
    write_unit_workbook(returns / "XA_LA.xlsx",
                        info=info("XLA", "UBND xã Lạ", date(2021, 11, 1)), objectives=small)
    (returns / "HXUAN.xlsx").write_bytes(b"PK\x03\x04 this is not a workbook")
    (returns / "~$VP_2021.xlsx").write_bytes(b"\x05admin" + b" " * 160)
    (returns / "ghi chu.txt").write_text("Danh sách đơn vị", encoding="utf-8")
    return returns, config


@pytest.fixture(scope="module")
def seed_round(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RoundConfig, dict]:
    tmp = tmp_path_factory.mktemp("round")
    returns, config = make_round(tmp)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in returns.iterdir()}
    outcome = consolidate(returns, config=config, out_dir=tmp / "out", as_of=AS_OF, jobs=2,
                          export_json=tmp / "out" / "ket-qua.json")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in returns.iterdir()}
    assert before == after, "input files must never be modified"
    export = json.loads((tmp / "out" / "ket-qua.json").read_text(encoding="utf-8"))
    assert export == json.loads(json.dumps(to_export_dict(outcome.result), default=str))
    return tmp, config, export


def test_every_file_has_exactly_one_fate(seed_round: tuple[Path, RoundConfig, dict]) -> None:
    _, _, export = seed_round
    fates = {e["file"]: e["status"] for e in export["intake"]}
    assert fates == {
        "VP_2021.xlsx": "used", "PKT_lan1.xlsx": "superseded", "PKT_lan2.xlsx": "used",
        "PKT_lan2 (1).xlsx": "duplicate", "PTNMT.xlsx": "used", "XA_LA.xlsx": "used",
        "HXUAN.xlsx": "rejected", "~$VP_2021.xlsx": "ignored", "ghi chu.txt": "ignored",
    }
    reasons = {e["file"]: e["reason"] for e in export["intake"]}
    assert "PKT_lan2.xlsx" in reasons["PKT_lan1.xlsx"]
    assert "PKT_lan2.xlsx" in reasons["PKT_lan2 (1).xlsx"]
    assert reasons["HXUAN.xlsx"]


def test_missing_late_and_unknown_units(seed_round: tuple[Path, RoundConfig, dict]) -> None:
    _, _, export = seed_round
    assert export["missing_units"] == ["HXUAN"]
    units = {u["code"]: u for u in export["units"]}
    assert units["PTNMT"]["late"] is True and units["PTNMT"]["submitted"] is True
    assert units["VP"]["late"] is False
    assert units["HXUAN"]["submitted"] is False
    assert "XLA" in units and units["XLA"].get("registered") is False


def test_seed_002_objectives_and_figures(seed_round: tuple[Path, RoundConfig, dict]) -> None:
    _, _, export = seed_round
    objectives = {o["code"]: o for o in export["objectives"] if o["unit_code"] == "VP"}
    assert [objectives[c]["status"] for c in "1234"][:3] == ["khong_dat"] * 3
    assert objectives["4"]["status"] in ("dat", "vuot")
    assert (objectives["1"]["indicators"], objectives["1"]["achieved"]) == (11, 9)
    not_achieved = sum(o["status"] not in ("dat", "vuot") for o in objectives.values())
    assert f"{not_achieved}/{len(objectives)}" == "3/4"
    indicators = {i["code"]: i for i in export["indicators"] if i["unit_code"] == "VP"}
    assert indicators["3"]["percent_of_plan"] == pytest.approx(96.43, abs=0.01)
    assert indicators["2"]["verdict"] == "khong_dat"
    failing = {c for c, i in indicators.items() if i["verdict"] == "khong_dat"}
    assert failing == {"1.1", "1.2", "2", "3"}


def test_summary_workbook_says_what_the_report_says(
        seed_round: tuple[Path, RoundConfig, dict]) -> None:
    tmp, _, _ = seed_round
    summary = next((tmp / "out").glob("*.xlsx"))
    wb = openpyxl.load_workbook(summary, read_only=True)
    text = "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                     for v in row if v is not None)
    assert "09/11 chỉ tiêu" in text
    assert "3/4 mục tiêu" in text
    assert "96,4%" in text


def test_overdue_tasks_at_cut_off(seed_round: tuple[Path, RoundConfig, dict]) -> None:
    _, _, export = seed_round
    tasks = {t["number"]: t for t in export["tasks"] if t["unit_code"] == "VP"}
    assert tasks["3"]["overdue"] is True  # due October 2021, cut-off 15/12/2021
    assert tasks["4"]["overdue"] is False  # "Thường xuyên" has no deadline
    assert tasks["1"]["overdue"] is False


def test_formula_text_stays_text(tmp_path: Path) -> None:
    returns = tmp_path / "returns"
    returns.mkdir()
    evil = [{"code": "1", "text": '=HYPERLINK("http://example.com","bấm")',
             "target": "=1+1", "result": "=1+1"}]
    write_unit_workbook(returns / "a.xlsx", info=info("VP", "=2+3", date(2021, 11, 1)),
                        objectives=evil)
    outcome = consolidate(returns, out_dir=tmp_path / "out", as_of=AS_OF, jobs=1)
    assert outcome.summary is not None
    wb = openpyxl.load_workbook(outcome.summary)
    found = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith(("=HYPERLINK(\"http://ex",
                                                                "=1+1"))]
    assert found, "the formula-looking text must appear in the summary"
    assert all(c.data_type == "s" for c in found)


def test_same_inputs_same_outputs(tmp_path: Path) -> None:
    returns, config = make_round(tmp_path)
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        consolidate(returns, config=config, out_dir=out, as_of=AS_OF, jobs=2,
                    export_json=out / "x.json")
        digests.append({p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes())
                        .hexdigest() for p in sorted(out.rglob("*")) if p.is_file()})
    assert digests[0] == digests[1]


def test_killed_run_leaves_previous_summary_intact(tmp_path: Path) -> None:
    returns, _ = make_round(tmp_path)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "qmo_excel", "consolidate", str(returns), "-o", str(out),
            "--as-of", "2021-12-20", "--quiet", "--jobs", "1"]
    subprocess.run(args, check=True, capture_output=True)
    summary = next(out.glob("*.xlsx"))
    good = summary.read_bytes()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 2.0):
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert summary.read_bytes() == good
        openpyxl.load_workbook(summary, read_only=True).close()


def test_workers_end_when_the_run_is_killed_hard(tmp_path: Path) -> None:
    """kill -9 of `qmo consolidate` alone (not its process group): its workers follow."""
    import psutil

    def alive(p: psutil.Process) -> bool:
        try:
            return p.status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    returns, _ = make_round(tmp_path)
    args = [sys.executable, "-m", "qmo_excel", "consolidate", str(returns), "-o",
            str(tmp_path / "out"), "--as-of", "2021-12-20", "--quiet", "--jobs", "2"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 60
        while len(kids) < 2 and time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(psutil.NoSuchProcess):
                kids = psutil.Process(proc.pid).children(recursive=True)
            time.sleep(0.005)
        assert len(kids) >= 2, "the run started its workers"
        proc.kill()
        proc.wait(10)
        deadline = time.monotonic() + 5
        while any(alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [k.pid for k in kids if alive(k)]
    finally:
        proc.kill()
        proc.wait(10)
        for k in kids:
            with contextlib.suppress(psutil.Error):
                k.kill()


def test_cli_prints_a_summary_of_the_run(tmp_path: Path) -> None:
    returns, _ = make_round(tmp_path)
    result = CliRunner().invoke(main, ["consolidate", str(returns), "-o",
                                       str(tmp_path / "out"), "--as-of", "2021-12-20",
                                       "--quiet", "--export-csv", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    assert "Tiếp nhận 9 tệp" in result.output
    assert "bị từ chối" in result.output
    assert (tmp_path / "csv" / "indicators.csv").is_file()


def test_received_plus_missing_is_expected_on_every_page(
        seed_round: tuple[Path, RoundConfig, dict]) -> None:
    tmp, _, _ = seed_round
    from qmo_excel.summary.narrative import draft_narrative
    from qmo_excel.summary.overview import headline

    (tmp / "again").mkdir(exist_ok=True)
    returns, config = make_round(tmp / "again")
    outcome = consolidate(returns, config=config, out_dir=tmp / "again" / "out", as_of=AS_OF,
                          jobs=1, feedback=False)
    h = headline(outcome.result)
    assert (h.expected, h.received, h.missing) == (4, 3, 1)
    text = "\n".join(draft_narrative(outcome.result))
    assert "4 đơn vị phải báo cáo, đã nhận 3 báo cáo" in text
    assert "UBND xã Lạ" in text  # the unit outside the register is named


def test_progress_is_reported_per_spreadsheet(tmp_path: Path) -> None:
    returns, config = make_round(tmp_path)
    calls: list[tuple[int, int]] = []
    consolidate(returns, config=config, out_dir=tmp_path / "out", as_of=AS_OF, jobs=2,
                feedback=False, progress=lambda stage, done, total: calls.append((done, total))
                if stage == "read" else None)
    spreadsheets = 7  # the lock file and the .txt note are not read
    assert calls[-1] == (spreadsheets, spreadsheets)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_round_folder_layout_from_qmo_init(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`qmo init` then `qmo consolidate DIR/returns`: the round workbook is found, its
    output goes to DIR/output, and a round workbook dropped among the returns is ignored."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "dot"), "--example"]).exit_code == 0
    dot = tmp_path / "dot"
    template = next((dot / "templates").glob("*PTCKH.xlsx"))
    wb = openpyxl.load_workbook(template)  # the unit fills in who prepared it
    wb[spec.UNIT_INFO.vi][spec.UNIT_INFO.cell("preparer")] = "Nguyễn Văn A"
    wb.save(dot / "returns" / template.name)
    shutil.copyfile(dot / "round.xlsx", dot / "returns" / "round.xlsx")
    result = runner.invoke(main, ["consolidate", str(dot / "returns"), "--quiet",
                                  "--as-of", "2023-07-01", "--export-json",
                                  str(tmp_path / "x.json"), "--round",
                                  str(dot / "returns" / "round.xlsx")])
    assert result.exit_code == 0, result.output
    fates = {e["file"]: (e["status"], e["reason"]) for e in
             json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["intake"]}
    assert fates["round.xlsx"][0] == "ignored"
    assert "Sổ kỳ báo cáo" in fates["round.xlsx"][1]
    (dot / "returns" / "round.xlsx").unlink()
    result = runner.invoke(main, ["consolidate", str(dot / "returns"), "--quiet",
                                  "--as-of", "2023-07-01"])
    assert result.exit_code == 0, result.output
    assert list((dot / "output").glob("tong-hop-*.xlsx"))


@pytest.mark.parametrize("year", [2021, 2020])  # 2020: the return's basis differs, re-judged
def test_an_altered_assigned_target_is_judged_as_assigned(tmp_path: Path, year: int) -> None:
    """The town assigned "14-15%"; the unit wrote "trên 10%" and reported 12%. The
    summary judges 12% against what was assigned (not achieved), and the change is an
    error the unit is told about."""
    from qmo_excel.model import Assignment

    returns = tmp_path / "returns"
    returns.mkdir()
    rows = [{"code": "1", "text": "Phát triển kinh tế"},
            {"code": "1.1", "text": "Tốc độ tăng giá trị sản xuất", "unit_of_measure": "%",
             "target": "trên 10%", "result": "12%", "self_assessment": "Đạt"}]
    write_unit_workbook(returns / "PKT.xlsx", info=info("PKT", "Phòng Kinh tế",
                                                        date(2021, 12, 1), year=year),
                        objectives=rows)
    config = RoundConfig(year=2021, period="year",
                         register=[RegisteredUnit("PKT", "Phòng Kinh tế")],
                         assignments=[Assignment("PKT", "1", "1.1",
                                                 "Tốc độ tăng giá trị sản xuất", "%",
                                                 "14-15%")])
    outcome = consolidate(returns, config=config, out_dir=tmp_path / "out", as_of=AS_OF,
                          jobs=1, feedback=False)
    ind = next(i for i in outcome.result.indicators if i.code == "1.1")
    assert (ind.target_text, ind.verdict) == ("14-15%", "khong_dat")
    codes = [p.code for f in outcome.validation.files for p in f.problems]
    assert "target-altered" in codes
