"""A real client: LibreOffice opens, prints and re-saves our workbooks.

These tests FAIL (not skip) when ``soffice`` is missing: CI installs LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from qmo_excel import spec
from qmo_excel.round import write_round_workbook
from qmo_excel.round.reader import example_round
from qmo_excel.template import write_prefilled, write_unit_workbook

pytestmark = pytest.mark.libreoffice


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice (soffice) is not on PATH; install it to run these tests"
    return exe


def _convert(files: list[Path], fmt: str, out: Path, profile: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", fmt, "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "Error" not in proc.stderr, proc.stderr


def _workbooks(tmp_path: Path) -> list[Path]:
    blank = tmp_path / "in" / "blank.xlsx"
    write_unit_workbook(blank)
    prefilled = write_prefilled(example_round(), tmp_path / "in", units=["PTCKH"])
    round_path = tmp_path / "in" / "round.xlsx"
    write_round_workbook(round_path, config=example_round())
    return [blank, *prefilled, round_path]


def test_converts_to_pdf(tmp_path: Path) -> None:
    files = _workbooks(tmp_path)
    out = tmp_path / "pdf"
    _convert(files, "pdf", out, tmp_path / "profile")
    for f in files:
        pdf = out / f"{f.stem}.pdf"
        assert pdf.exists(), pdf
        assert pdf.read_bytes()[:5] == b"%PDF-"
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                  timeout=60, check=True).stdout
            size = next(line for line in info.splitlines() if line.startswith("Page size"))
            width, height = (float(x) for x in size.split()[2:5:2])
            assert width > height, f"{pdf.name} is not landscape: {size}"
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                  text=True, timeout=60, check=True).stdout
            assert "Mã đơn vị" in text  # Vietnamese survives the round trip


def test_resaved_xlsx_keeps_id_and_version(tmp_path: Path) -> None:
    files = _workbooks(tmp_path)[:2]
    out = tmp_path / "xlsx"
    _convert(files, "xlsx", out, tmp_path / "profile")
    for f in files:
        wb = openpyxl.load_workbook(out / f.name)
        meta = wb[spec.META_SHEET]
        assert meta[spec.META_CELLS["template_id"]].value == spec.TEMPLATE_ID
        assert meta[spec.META_CELLS["version"]].value == spec.VERSION
        assert [s.name("vi") for s in spec.UNIT_SHEETS] == wb.sheetnames[1:4]
    wb = openpyxl.load_workbook(out / files[1].name)
    info = wb[spec.UNIT_INFO.name("vi")]
    assert info[spec.UNIT_INFO.cell("unit_code")].value == "PTCKH"
    assert info[spec.UNIT_INFO.cell("unit_code")].protection.locked is True
    assert info[spec.UNIT_INFO.cell("preparer")].protection.locked is False
