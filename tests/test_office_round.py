"""The office's round, start to finish (issue #18): `qmo init`, templates out, returns in,
`qmo consolidate DOT` and `qmo validate DOT` on the round folder, re-runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from qmo_excel import spec
from qmo_excel.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "returns"


def _invoke(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.output


def _fill(template: Path, target: Path) -> Path:
    """The unit fills in its template: who prepared it and one result."""
    wb = openpyxl.load_workbook(template)
    wb[spec.UNIT_INFO.vi][spec.UNIT_INFO.cell("preparer")] = "Nguyễn Thị B"
    ws = wb[spec.OBJECTIVES.vi]
    col = spec.OBJECTIVES.column("result")
    for r in range(spec.OBJECTIVES.first_data_row, ws.max_row + 1):
        if ws[f"{spec.OBJECTIVES.column('target')}{r}"].value:
            ws[f"{col}{r}"] = "96%"
            break
    wb.save(target)
    return target


@pytest.fixture
def dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    code, out = _invoke("init", str(tmp_path / "DOT-2023"), "--example")
    assert code == 0, out
    return tmp_path / "DOT-2023"


def _templates(dot: Path) -> list[Path]:
    """Pre-filled templates of units that were assigned indicators."""
    return [next((dot / "templates").glob(f"*_{code}.xlsx")) for code in ("PTCKH", "PKT")]


def _export(dot: Path, *extra: str) -> tuple[int, str, dict]:
    code, out = _invoke("consolidate", str(dot), "--as-of", "2023-12-20", "--export-json",
                        str(dot / "k.json"), *extra)
    data = json.loads((dot / "k.json").read_text(encoding="utf-8")) if code == 0 else {}
    return code, out, data


def test_consolidate_a_round_folder_reads_its_returns(dot: Path) -> None:
    """Given DOT (not DOT/returns): its returns/ are read, its output/ written; the
    templates in templates/ and the feedback in output/ are never taken for returns."""
    templates = _templates(dot)
    _fill(templates[0], dot / "returns" / templates[0].name)
    code, out, data = _export(dot)
    assert code == 0, out
    assert [e["file"] for e in data["intake"]] == [templates[0].name]
    assert list((dot / "output").glob("tong-hop-MTCL-*.xlsx"))
    # the run's feedback now sits in output/gop-y; a second run still reads returns/ only
    code, out, again = _export(dot)
    assert code == 0, out
    assert [e["file"] for e in again["intake"]] == [templates[0].name]


def test_our_own_workbooks_are_not_returns(dot: Path) -> None:
    """An unfilled template and a feedback copy dropped among the returns are ignored,
    with the reason; a feedback copy the unit corrected and saved is a return."""
    templates = _templates(dot)
    returns = dot / "returns"
    filled = _fill(templates[0], returns / templates[0].name)
    shutil.copyfile(templates[1], returns / templates[1].name)  # sent back unfilled
    code, out, data = _export(dot)
    assert code == 0, out
    fates = {e["file"]: e for e in data["intake"]}
    assert fates[templates[1].name]["status"] == "ignored"
    assert "chưa điền" in fates[templates[1].name]["reason"]
    feedback = sorted((dot / "output" / "gop-y").glob("*.xlsx"))
    assert feedback, "the filled return has problems (an indicator without result)"
    shutil.copyfile(feedback[0], returns / "copy-of-feedback.xlsx")
    summary = next((dot / "output").glob("tong-hop-*.xlsx"))
    shutil.copyfile(summary, returns / "tong-hop-cu.xlsx")
    code, out, data = _export(dot)
    fates = {e["file"]: e for e in data["intake"]}
    assert fates["copy-of-feedback.xlsx"]["status"] == "ignored"
    assert "góp ý" in fates["copy-of-feedback.xlsx"]["reason"]
    assert fates["tong-hop-cu.xlsx"]["status"] == "ignored"
    assert "tổng hợp" in fates["tong-hop-cu.xlsx"]["reason"]
    assert fates[filled.name]["status"] == "used"
    # the unit corrects the feedback copy and saves it: now it is its return
    wb = openpyxl.load_workbook(returns / "copy-of-feedback.xlsx")
    wb.properties.modified = wb.properties.modified.replace(year=2024)
    wb.save(returns / "copy-of-feedback.xlsx")
    code, out, data = _export(dot)
    fates = {e["file"]: e for e in data["intake"]}
    assert fates["copy-of-feedback.xlsx"]["status"] in ("used", "superseded", "duplicate")


def test_feedback_folder_holds_this_runs_files(dot: Path) -> None:
    templates = _templates(dot)
    for t in templates[:2]:
        _fill(t, dot / "returns" / t.name)
    code, out, _ = _export(dot)
    fb = dot / "output" / "gop-y"
    first = sorted(p.name for p in fb.glob("*.xlsx"))
    assert code == 0 and len(first) == 2, out
    (dot / "returns" / templates[1].name).unlink()  # the unit's file is withdrawn
    (fb / "ghi-chu-cua-van-phong.xlsx").write_bytes(b"not ours")  # the office's own file
    code, out, _ = _export(dot)
    now = sorted(p.name for p in fb.glob("*.xlsx"))
    assert len(now) == 2 and "ghi-chu-cua-van-phong.xlsx" in now  # not ours: left alone
    assert sorted(p.name for p in (fb / "cu").glob("*.xlsx")) == [
        n for n in first if n not in now]
    assert "Tệp góp ý: 1" in out and "Đã chuyển 1 tệp góp ý" in out


def test_no_returns_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "returns"
    empty.mkdir()
    (empty / "ghi chu.txt").write_text("chưa có bài nộp", encoding="utf-8")
    code, out = _invoke("consolidate", str(empty), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "Không có báo cáo nào để tổng hợp" in out
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_figures_are_as_of_the_rounds_cut_off(tmp_path: Path) -> None:
    """A 2023 round consolidated later is 'as of' 31/12/2023, not the day of the run."""
    returns = tmp_path / "returns"
    shutil.copytree(SAMPLES, returns)
    code, out = _invoke("consolidate", str(returns), "-o", str(tmp_path / "out"),
                        "--export-json", str(tmp_path / "k.json"), "--no-feedback", "-q")
    assert code == 0, out
    data = json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))
    assert data["round"]["year"] == 2023
    assert data["round"]["as_of"] == "2023-12-31"
    wb = openpyxl.load_workbook(next((tmp_path / "out").glob("tong-hop-*.xlsx")))
    assert "31/12/2023" in str(wb.worksheets[0]["A3"].value)


def test_validate_a_round_folder(dot: Path) -> None:
    templates = _templates(dot)
    _fill(templates[0], dot / "returns" / templates[0].name)
    _, out = _invoke("validate", str(dot), "--format", "json")
    data = json.loads(out)
    assert [f["file"] for f in data["files"]] == [templates[0].name]


def _round_with(tmp_path: Path, *returns: tuple[str, str, str]) -> dict:
    """The sample round plus returns (file name, unit code, unit name)."""
    from builders import build_return

    folder = tmp_path / "returns"
    shutil.copytree(SAMPLES, folder)
    for name, code, unit in returns:
        build_return(folder / name, info={"unit_code": code, "unit_name": unit,
                                          "year": 2023, "period": "Năm",
                                          "report_date": "10/12/2023"},
                     objectives=[{"code": "1", "text": "Nông thôn mới"},
                                 {"code": "1.1", "text": "Tỷ lệ hộ dùng nước sạch",
                                  "target": "trên 95%", "result": "97%"}])
    code, out = _invoke("consolidate", str(folder), "--round",
                        str(ROOT / "samples" / "round.xlsx"), "-o", str(tmp_path / "out"),
                        "--as-of", "2023-12-20", "--export-json", str(tmp_path / "k.json"),
                        "--no-feedback", "-q")
    assert code == 0, out
    data = json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))
    data["_out"] = out
    return data


def test_a_mistyped_unit_code_is_corrected(tmp_path: Path) -> None:
    """X-HTOAM is one edit from X-HTOAN, a registered commune that sent nothing: the return
    is X-HTOAN's, with a warning; no phantom unit drags the town's average down."""
    data = _round_with(tmp_path, ("xa-huong-toan.xlsx", "X-HTOAM", "UBND xã Hương Toàn"))
    units = {u["code"]: u for u in data["units"]}
    assert "X-HTOAM" not in units and units["X-HTOAN"]["submitted"]
    assert "X-HTOAN" not in data["missing_units"]
    (entry,) = [e for e in data["intake"] if e["file"] == "xa-huong-toan.xlsx"]
    assert entry["unit_code"] == "X-HTOAN" and entry["status"] == "used"
    assert any(p["code"] == "unit-code-corrected" and p["file"] == "xa-huong-toan.xlsx"
               and "X-HTOAN" in p["message"] for p in data["problems"])


def test_an_ambiguous_code_is_not_guessed_and_not_averaged(tmp_path: Path) -> None:
    """A code two edits from every unit, with a name that is no registered unit's, is
    never guessed: it stays unregistered, listed, and outside the town's average."""
    data = _round_with(tmp_path, ("la.xlsx", "P-XYZW", "UBND phường Lạ"))
    units = {u["code"]: u for u in data["units"]}
    assert not units["P-XYZW"]["registered"]
    registered = [u["score"] for u in data["units"]
                  if u["registered"] and u["submitted"] and u["score"] is not None]
    assert data["headline"]["score"] == pytest.approx(sum(registered) / len(registered))
    assert "P-XYZW" in data["headline"]["unregistered_codes"]


def test_one_edit_apart() -> None:
    from qmo_excel.consolidation import one_edit_apart

    assert one_edit_apart("X-HTOAM", "X-HTOAN") and one_edit_apart("PKHT", "PKT")
    assert one_edit_apart("PTKCH", "PTCKH") and one_edit_apart("pkt", "PKTX")
    assert not one_edit_apart("PKT", "PKT") and not one_edit_apart("P-HVAN", "P-TUHA")


def test_two_close_units_are_not_guessed_between() -> None:
    from qmo_excel.consolidation import decide_fates
    from qmo_excel.model import RegisteredUnit, RoundConfig, UnitReturn
    from qmo_excel.reports import FileReport

    def report(rel: str, code: str) -> FileReport:
        ret = UnitReturn(rel, rel, spec.TEMPLATE_ID, spec.VERSION, "vi", {},
                         {"unit_code": code, "unit_name": "UBND phường"}, [], [])
        return FileReport(rel, rel, "valid", unit_code=code, sha256=rel, unit_return=ret)

    config = RoundConfig(register=[RegisteredUnit("P-AB1", "UBND phường Một"),
                                   RegisteredUnit("P-AB2", "UBND phường Hai")])
    intake, _ = decide_fates([report("a.xlsx", "P-AB3")], config)
    assert intake[0].unit_code == "P-AB3" and intake[0].unknown_unit
    intake, _ = decide_fates([report("a.xlsx", "P-AB3"), report("b.xlsx", "P-AB2")],
                                config)
    assert {e.file: e.unit_code for e in intake} == {"a.xlsx": "P-AB1", "b.xlsx": "P-AB2"}


def test_template_warns_of_assignments_without_target(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["init", "DOT", "--example"])
    assert res.exit_code == 0
    assert "Cảnh báo: chỉ tiêu 1.10" in res.output and "PQLDT" in res.output
    res = CliRunner().invoke(main, ["template", "--round", "DOT/round.xlsx", "--unit",
                                    "TTYT", "-o", "DOT/templates", "--force"])
    assert res.exit_code == 0
    warnings = [ln for ln in res.output.splitlines() if ln.startswith("Cảnh báo")]
    assert len(warnings) == 1 and "1.19" in warnings[0] and "TTYT" in warnings[0]
    res = CliRunner().invoke(main, ["template", "--round", "DOT/round.xlsx", "--unit",
                                    "PTCKH", "-o", "DOT/templates", "--force"])
    assert res.exit_code == 0 and "Cảnh báo" not in res.output


def test_one_progress_display_over_the_whole_run(tmp_path: Path) -> None:
    import io

    from qmo_excel.cli.progress import RunProgress
    from qmo_excel.jobs.consolidate import consolidate
    from qmo_excel.round import read_round

    returns = tmp_path / "returns"
    shutil.copytree(SAMPLES, returns)
    stream = io.StringIO()
    bar = RunProgress("vi", stream=stream, enabled=True)
    seen: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        seen.append(stage)
        bar(stage, done, total)

    consolidate(returns, config=read_round(ROOT / "samples" / "round.xlsx"),
                out_dir=tmp_path / "out", progress=progress, jobs=2,
                export_json=tmp_path / "k.json")
    bar.close()
    assert seen[0] == "read" and {"read", "feedback", "summary", "export"} <= set(seen)
    text = stream.getvalue()
    for words in ("Đọc và kiểm tra báo cáo", "Ghi tệp góp ý", "Ghi sổ tổng hợp"):
        assert words in text
    assert text.endswith("\r")  # the line is cleared at the end
    # not on a terminal (a file, CI): nothing is drawn
    quiet = io.StringIO()
    RunProgress("vi", stream=quiet)("read", 1, 2)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(("gap", "original"), [(0.004, "PKT.xlsx"), (3600.0, "PKT (1).xlsx")])
def test_the_original_of_two_copies(gap: float, original: str) -> None:
    """Copies made together (a checkout, an unzip): the shortest name is the original;
    copies made apart in time: the older one."""
    from qmo_excel.consolidation import decide_fates
    from qmo_excel.model import RoundConfig, UnitReturn
    from qmo_excel.reports import FileReport

    def report(rel: str, mtime: float) -> FileReport:
        ret = UnitReturn(rel, "same", spec.TEMPLATE_ID, spec.VERSION, "vi", {},
                         {"unit_code": "PKT", "unit_name": "Phòng Kinh tế"}, [], [],
                         mtime=mtime)
        return FileReport(rel, rel, "valid", unit_code="PKT", sha256="same",
                          unit_return=ret)

    t = 1_700_000_000.0
    intake, _ = decide_fates([report("PKT.xlsx", t + gap), report("PKT (1).xlsx", t)],
                             RoundConfig())
    fates = {e.file: e.status for e in intake}
    assert fates[original] == "used" and list(fates.values()).count("duplicate") == 1
