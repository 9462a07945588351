"""The printed pages (issue 18): the sample round's summary and a pre-filled template,
rendered to PDF by LibreOffice and read back with ``pdftotext``, show every value of
every sheet whole, nothing printed over anything else, and no chart cut by a page break.

How "whole" and "over" are judged is in ``printed.py``. The workbooks are written by the
CLI, in Vietnamese and in English, plus a summary of values longer than any column, and
converted in one LibreOffice run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fixtures_results import seed_round
from printed import charts_cut, page_faults, render

from qmo_excel.model import IntakeEntry, RoundResult
from qmo_excel.summary import write_summary

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
UNIT = "PTCKH"  # its assignments hold the longest words ("triệu đồng/người/năm")


def _qmo(*args: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "qmo_excel", *args], capture_output=True,
                          text=True, timeout=120, check=False, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr  # 1: the sample round has problems


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """name -> (workbook, its PDF)."""
    tmp = tmp_path_factory.mktemp("printed")
    books: dict[str, Path] = {}
    for lang in ("vi", "en"):
        out = tmp / f"out-{lang}"
        _qmo("consolidate", str(SAMPLES / "returns"), "--round", str(SAMPLES / "round.xlsx"),
             "-o", str(out), "--as-of", "2023-12-20", "--lang", lang)
        summaries = sorted(out.glob("*.xlsx"))
        assert len(summaries) == 1, summaries
        books[f"summary-{lang}"] = summaries[0].rename(tmp / f"summary-{lang}.xlsx")
        _qmo("template", "--round", str(SAMPLES / "round.xlsx"), "--unit", UNIT,
             "--lang", lang, "-o", str(tmp / f"tpl-{lang}"))
        (template,) = (tmp / f"tpl-{lang}").glob("*.xlsx")
        books[f"template-{lang}"] = template.rename(tmp / f"template-{lang}.xlsx")
    books["summary-long"] = tmp / "summary-long.xlsx"
    write_summary(_long_values(), books["summary-long"])
    pdfs = render(list(books.values()), tmp / "pdf", tmp / "lo-profile")
    return {name: (xlsx, pdf) for (name, xlsx), pdf in zip(books.items(), pdfs, strict=True)}


def _long_values() -> RoundResult:
    """The seed round with values longer than any column: a file name with no space to
    wrap at, a long unit code, a long unit of measure, a long reason."""
    result = seed_round()
    long_name = ("Phong_Tai_nguyen_va_Moi_truong/BaoCao_MTCL_2021_PTNMT_ban_sua_lan_cuoi_"
                 "cung_da_ky_dong_dau_gui_Van_phong.xlsx")
    result.intake.append(IntakeEntry(
        long_name, "rejected", "Không mở được tệp (tệp nén bị hỏng hoặc không trọn vẹn). "
        "Hãy mở lại bằng Excel, lưu dạng .xlsx và gửi lại.", unit_code="PTNMT-PHONG-TNMT",
        unit_name="Phòng Tài nguyên và Môi trường thị xã Hương Trà", errors=1))
    first = result.indicators[0]
    first.unit_of_measure = "triệu đồng/người/năm"
    first.result_text = "Thu nhập bình quân đầu người ước đạt 47,2 triệu đồng/người/năm"
    return result


@pytest.mark.parametrize("name", ["summary-vi", "template-vi", "summary-en", "template-en",
                                  "summary-long"])
def test_every_value_prints_whole_and_apart(rendered: dict[str, tuple[Path, Path]],
                                            name: str) -> None:
    xlsx, pdf = rendered[name]
    faults = page_faults(xlsx, pdf)
    assert not faults, f"{len(faults)} printing faults in {name}:\n" + "\n".join(faults)


@pytest.mark.parametrize("name", ["summary-vi", "summary-en", "summary-long"])
def test_no_chart_crosses_a_page_break(rendered: dict[str, tuple[Path, Path]],
                                       name: str) -> None:
    xlsx, _ = rendered[name]
    assert charts_cut(xlsx) == []


def test_the_checks_see_a_cut_value(tmp_path: Path) -> None:
    """The judge itself: a value clipped by its neighbour, a wrapped value taller than
    its row (running into the next one) and a wrapped value in a row whose height is
    left to the viewer (LibreOffice does not grow it) are all reported."""
    import xlsxwriter

    path = tmp_path / "bad.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Trang")
    ws.set_footer("&L&A&CTrang &P")
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 12)
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    ws.write_string(0, 0, "Đang thực hiện")  # cut by B1
    ws.write_string(0, 1, "kề bên")
    ws.set_row(1, 13)
    ws.write_string(1, 1, "một hai ba bốn năm sáu bảy tám chín mười", wrap)  # too tall
    ws.write_string(2, 1, "x")
    ws.write_string(4, 1, "mười một mười hai mười ba mười bốn", wrap)  # no height set
    wb.close()
    (pdf,) = render([path], tmp_path / "pdf", tmp_path / "lo-profile")
    faults = "\n".join(page_faults(path, pdf))
    assert "cut: Trang!A1 'Đang thực hiện'" in faults
    assert "Trang!B2" in faults and "overlap" in faults
    assert "Trang!B5" in faults
