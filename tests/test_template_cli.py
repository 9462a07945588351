"""`qmo template`: blank file, --describe, pre-filled per unit; the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from qmo_excel import spec
from qmo_excel.cli import main
from qmo_excel.round import write_round_workbook
from qmo_excel.round.reader import example_round
from qmo_excel.template import write_unit_workbook


def test_qmo_help() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "template" in result.output and "init" in result.output
    for cmd in ("template", "init"):
        result = CliRunner().invoke(main, [cmd, "--help"])
        assert result.exit_code == 0 and "Cách dùng" in result.output


def test_python_m_help() -> None:
    proc = subprocess.run([sys.executable, "-m", "qmo_excel", "--help"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "template" in proc.stdout


def test_template_writes_the_blank_file(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    result = CliRunner().invoke(main, ["template", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out)
    ref = tmp_path / "ref.xlsx"
    write_unit_workbook(ref)
    assert out.read_bytes() == ref.read_bytes()
    again = CliRunner().invoke(main, ["template", "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output
    forced = CliRunner().invoke(main, ["template", "-o", str(out), "--force", "--lang", "en"])
    assert forced.exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb[spec.META_SHEET][spec.META_CELLS["lang"]].value == "en"


def test_template_describe_is_the_spec(tmp_path: Path) -> None:
    for lang in spec.LANGS:
        result = CliRunner().invoke(main, ["template", "--describe", "--lang", lang])
        assert result.exit_code == 0
        assert json.loads(result.output) == spec.describe(lang)
    assert "Mục tiêu - Chỉ tiêu" in CliRunner().invoke(main, ["template", "--describe"]).output


def test_template_round_all(tmp_path: Path) -> None:
    round_path = tmp_path / "round.xlsx"
    write_round_workbook(round_path, config=example_round())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["template", "--round", str(round_path), "--all",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    listed = [ln for ln in lines if not ln.startswith("Cảnh báo")]
    assert len(listed) == len(example_round().register)
    assert len(lines) - len(listed) == 2  # the example's two assignments without target
    assert all(Path(p).exists() for p in listed)
    assert (out / "MTCL_2023_6-thang_PTCKH.xlsx").exists()
    one = CliRunner().invoke(main, ["template", "--round", str(round_path), "--unit", "VP",
                                    "-o", str(tmp_path / "one")])
    assert one.exit_code == 0 and one.output.strip().endswith("MTCL_2023_6-thang_VP.xlsx")


def test_template_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    round_path = tmp_path / "round.xlsx"
    write_round_workbook(round_path)
    no_units = runner.invoke(main, ["template", "--round", str(round_path), "--all",
                                    "-o", str(tmp_path / "o")])
    assert no_units.exit_code == 1 and "chưa có đơn vị" in no_units.output
    bad = tmp_path / "bad.xlsx"
    bad.write_text("x")
    r = runner.invoke(main, ["template", "--round", str(bad), "--all", "-o", str(tmp_path)])
    assert r.exit_code == 1 and "không phải bảng tính" in r.output
    usage = runner.invoke(main, ["template", "--round", str(round_path), "-o", str(tmp_path)])
    assert usage.exit_code == 2
    assert runner.invoke(main, ["template", "--all"]).exit_code == 2
    write_round_workbook(round_path, config=example_round())
    unknown = runner.invoke(main, ["template", "--round", str(round_path), "--unit", "NOPE",
                                   "-o", str(tmp_path / "o")])
    assert unknown.exit_code == 1 and "NOPE" in unknown.output
