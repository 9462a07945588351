"""validate(): one FileReport per file found, merged report; and the `qmo validate` contract."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path

import pytest
from builders import build_return
from click.testing import CliRunner

from qmo_excel.cli import main
from qmo_excel.jobs import validate as validate_mod
from qmo_excel.jobs.pool import Failure
from qmo_excel.jobs.validate import FileJob, inspect_file, validate
from qmo_excel.problems import PROBLEM_COLUMNS
from qmo_excel.reports import CSV_COLUMNS
from qmo_excel.template import write_unit_workbook

INFO = {"unit_code": "PTCKH", "unit_name": "Phòng Tài chính - Kế hoạch", "year": 2023,
        "period": "6 tháng", "report_date": "12/11/2023"}
OBJECTIVES = [
    {"code": "1", "text": "Nâng cao chất lượng giải quyết TTHC"},
    {"code": "1.1", "text": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "unit_of_measure": "%",
     "target": "trên 95%", "result": "98%", "self_assessment": "Đạt"},
]
TASKS = [{"number": "1", "objective_code": "1", "task": "Xây dựng MTCL năm 2023",
          "timeline": "Tháng 01/2023", "status": "Đang thực hiện"}]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "returns"
    (d / "phuong").mkdir(parents=True)
    write_unit_workbook(d / "ptckh.xlsx", info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    bad = [*OBJECTIVES, {"code": "1.1", "text": "Trùng mã", "target": "100%"}]
    build_return(d / "phuong" / "hxuan.xlsx", info={**INFO, "unit_code": "P-HXUAN"},
                 objectives=bad, tasks=TASKS)
    (d / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    (d / "ghi chu.txt").write_text("không phải báo cáo", encoding="utf-8")
    return d


@pytest.fixture
def good(tmp_path: Path) -> Path:
    d = tmp_path / "good"
    d.mkdir()
    write_unit_workbook(d / "ptckh.xlsx", info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    return d


def test_every_file_gets_exactly_one_report(folder: Path) -> None:
    report = validate([folder], jobs=1)
    by = {f.rel: f for f in report.files}
    assert sorted(by) == ["ghi chu.txt", "hong.xlsx", "phuong/hxuan.xlsx", "ptckh.xlsx"]
    assert by["ghi chu.txt"].status == "ignored" and by["ghi chu.txt"].reason
    assert by["hong.xlsx"].status == "rejected"
    assert by["hong.xlsx"].problems[0].code == "file-unreadable"
    assert "Không mở được tệp" in by["hong.xlsx"].reason
    assert by["phuong/hxuan.xlsx"].status == "invalid"
    assert by["phuong/hxuan.xlsx"].unit_code == "P-HXUAN"
    assert [p.code for p in by["phuong/hxuan.xlsx"].problems
            if p.severity == "error"] == ["code-duplicate"]
    ok = by["ptckh.xlsx"]
    assert ok.status == "valid", ok.problems
    assert ok.unit_return is not None and ok.unit_return.info["unit_code"] == "PTCKH"
    assert len(ok.sha256) == 64
    assert not report.valid
    stats = report.stats
    assert (stats["files"], stats["valid"], stats["invalid"], stats["rejected"],
            stats["ignored"]) == (4, 1, 1, 1, 1)
    assert stats["errors"] == 2


def test_problems_are_merged_sorted_and_tabular(folder: Path) -> None:
    report = validate([folder], jobs=2)
    probs = report.problems
    assert [p.file for p in probs] == sorted(p.file for p in probs)
    rows = report.to_rows()
    assert all(len(r) == len(CSV_COLUMNS) for r in rows)
    assert [r[1] for r in rows if r[0] == "file"] == [f.rel for f in report.files]
    problem_rows = [r for r in rows if r[0] == "problem"]
    assert len(problem_rows) == len(probs)
    # each problem record follows its file's record and carries the file's status
    status = {f.rel: f.status for f in report.files}
    current = ""
    for r in rows:
        if r[0] == "file":
            current = r[1]
        else:
            assert r[1] == current and r[3] == status[current]
    d = report.to_dict()
    assert d["valid"] is False and d["stats"] == report.stats
    assert [f["file"] for f in d["files"]] == [f.rel for f in report.files]
    assert [f["status"] for f in d["files"]] == [f.status for f in report.files]
    assert d["problems"] == [p.to_dict() for p in probs]
    assert set(d["problems"][0]) == set(PROBLEM_COLUMNS)


def test_valid_folder(good: Path) -> None:
    report = validate([good])
    assert report.valid and report.stats["valid"] == 1


def test_worker_failures_become_rejections(monkeypatch: pytest.MonkeyPatch,
                                           good: Path) -> None:
    def fake_pool(func, items, **kw):  # type: ignore[no-untyped-def]
        yield 0, Failure("timeout", "")

    monkeypatch.setattr(validate_mod, "run_isolated", fake_pool)
    report = validate([good], timeout=7)
    f = report.files[0]
    assert f.status == "rejected" and f.problems[0].code == "file-timeout"
    assert "7 giây" in f.problems[0].message


@pytest.mark.usefixtures("forked_workers")
@pytest.mark.parametrize("mode", ["rlimit", "watch"])
def test_a_file_needing_too_much_memory_is_the_same_rejection_on_every_system(
        monkeypatch: pytest.MonkeyPatch, good: Path, mode: str) -> None:
    """RLIMIT_AS (Linux) or the watchdog (Windows, macOS): the same code and message."""
    from qmo_excel.jobs import pool

    if mode == "rlimit" and pool.memory_mode() != "rlimit":
        pytest.skip("RLIMIT_AS is not enforced here")

    def greedy(*_a: object, **_k: object) -> None:
        chunks = []
        for _ in range(48):  # ~1.5 GiB, resident at once (READ_MEMORY_MB is 384)
            chunks.append(bytearray(32 * 1024**2))
            time.sleep(0.005)

    monkeypatch.setattr(pool, "memory_mode", lambda: mode)
    monkeypatch.setattr(validate_mod, "read_return_layout", greedy)
    f = validate([good]).files[0]
    assert f.status == "rejected"
    assert [p.code for p in f.problems] == ["file-too-large"]


def test_template_with_period_nam_is_valid(tmp_path: Path) -> None:
    write_unit_workbook(tmp_path / "r.xlsx", info={**INFO, "period": "Năm"},
                        objectives=OBJECTIVES, tasks=TASKS)
    rep = inspect_file(FileJob(str(tmp_path / "r.xlsx"), "r.xlsx"))
    assert rep.status == "valid", rep.problems


def test_inspect_file_in_process(good: Path) -> None:
    rep = inspect_file(FileJob(str(good / "ptckh.xlsx"), "ptckh.xlsx"))
    assert rep.status == "valid" and rep.unit_code == "PTCKH"


def test_progress_is_reported(folder: Path) -> None:
    seen: list[tuple[int, int]] = []
    validate([folder], progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3) and len(seen) == 3


# ------------------------------------------------------------------ CLI contract

def test_cli_exit_0_when_valid(good: Path) -> None:
    r = CliRunner().invoke(main, ["validate", str(good)])
    assert r.exit_code == 0, r.output
    assert "HỢP LỆ" in r.output and "1 hợp lệ" in r.output


def test_cli_exit_1_when_problems(folder: Path) -> None:
    r = CliRunner().invoke(main, ["validate", str(folder)])
    assert r.exit_code == 1
    assert "[code-duplicate]" in r.output
    assert "Mục tiêu - Chỉ tiêu!A6  [code-duplicate]" in r.output


def test_cli_exit_2_on_usage_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["validate", str(tmp_path / "nowhere")])
    assert r.exit_code == 2
    r = CliRunner().invoke(main, ["validate", str(tmp_path), "--format", "xml"])
    assert r.exit_code == 2


def test_cli_json_equals_library_dict(folder: Path) -> None:
    r = CliRunner().invoke(main, ["validate", str(folder), "--format", "json", "--jobs", "1"])
    assert r.exit_code == 1
    got, want = json.loads(r.output), validate([folder], jobs=1).to_dict()
    # the time each file took is the one thing two runs do not share
    for d in (got, want):
        for f in d["files"]:
            assert f.pop("seconds") >= 0
    assert got == want


def test_cli_csv_has_fixed_columns(folder: Path) -> None:
    r = CliRunner().invoke(main, ["validate", str(folder), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(r.output)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [tuple(x) for x in rows[1:]] == [tuple(x) for x in validate([folder]).to_rows()]


def test_cli_strict_fails_on_warnings(tmp_path: Path) -> None:
    build_return(tmp_path / "r.xlsx", info=INFO, objectives=OBJECTIVES, tasks=TASKS,
                 meta=False)  # no meta sheet: a warning only
    assert CliRunner().invoke(main, ["validate", str(tmp_path)]).exit_code == 0
    assert CliRunner().invoke(main, ["validate", str(tmp_path), "--strict"]).exit_code == 1


def test_cli_no_spreadsheet_is_exit_1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    r = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert r.exit_code == 1


def test_cli_english(folder: Path) -> None:
    r = CliRunner().invoke(main, ["validate", str(folder), "--lang", "en"])
    assert "INVALID" in r.output and "is already used in row" in r.output


def test_cli_writes_feedback(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "gopy"
    r = CliRunner().invoke(main, ["validate", str(folder), "--feedback", str(out), "-q"])
    assert r.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "Góp ý - hong.xlsx", "Góp ý P-HXUAN - phuong - hxuan.xlsx"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_json_and_csv_report_the_same_problems(folder: Path, lang: str) -> None:
    """Every problem appears once in each format, with the same file, place, code and
    message; every file has one status entry in each."""
    def run(fmt: str) -> str:
        r = CliRunner().invoke(main, ["validate", str(folder), "--format", fmt, "--lang",
                                      lang, "--jobs", "1"])
        assert r.exit_code == 1, r.output
        return r.output

    data = json.loads(run("json"))
    from_json = sorted((p["file"], p["sheet"], p["cell"], p["code"], p["message"])
                       for p in data["problems"])
    assert from_json, "the folder has problems"

    rows = list(csv.DictReader(io.StringIO(run("csv"))))
    from_csv = sorted((r["file"], r["sheet"], r["cell"], r["code"], r["message"])
                      for r in rows if r["record"] == "problem")
    csv_files = {r["file"]: r["status"] for r in rows if r["record"] == "file"}

    from_text: list[tuple[str, str, str, str, str]] = []
    text_files: list[str] = []
    current = ""
    for line in run("text").splitlines():
        if line.startswith("  "):
            where, code, message = re.fullmatch(r"  (.*?)  \[([a-z0-9-]+)\]  (.*)",
                                                line).groups()  # type: ignore[union-attr]
            sheet, _, cell = where.rpartition("!") if "!" in where else ("", "", "")
            if not cell and where not in ("(cả tệp)", "(whole file)"):
                sheet = where
            from_text.append((current, sheet, cell, code, message))
        elif line and not line[0].isdigit():
            current = line.split("  ", 1)[1].split(" (", 1)[0].split(":", 1)[0]
            text_files.append(current)
    assert from_json == from_csv == sorted(from_text)
    assert sorted(csv_files) == sorted(text_files) == sorted(f["file"] for f in data["files"])
    assert csv_files == {f["file"]: f["status"] for f in data["files"]}


def test_cli_output_file_for_excel(folder: Path, tmp_path: Path) -> None:
    """`-o loi.csv`: the same records as on screen, in a file Excel opens with its
    Vietnamese intact (UTF-8 with a BOM); JSON and text files carry no BOM."""
    on_screen = CliRunner().invoke(main, ["validate", str(folder), "--format", "csv",
                                          "--jobs", "1"]).output
    out = tmp_path / "báo cáo" / "lỗi.csv"
    r = CliRunner().invoke(main, ["validate", str(folder), "--format", "csv", "--jobs", "1",
                                  "-o", str(out)])
    assert r.exit_code == 1 and r.output == ""
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == on_screen
    assert "Không mở được tệp" in data.decode("utf-8-sig")
    report = tmp_path / "report.json"
    r = CliRunner().invoke(main, ["validate", str(folder), "--format", "json", "-o",
                                  str(report)])
    assert r.exit_code == 1
    assert not report.read_bytes().startswith(b"\xef\xbb\xbf")
    assert {f["file"] for f in json.loads(report.read_text("utf-8"))["files"]} == \
        {"ghi chu.txt", "hong.xlsx", "phuong/hxuan.xlsx", "ptckh.xlsx"}
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".qmo-")]
