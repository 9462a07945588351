"""The summary renders: LibreOffice converts it to PDF with the Vietnamese title in it.

Fails (does not skip) when LibreOffice or poppler-utils are missing: printing the summary is
what leadership does with it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures_results import seed_round

from qmo_excel.summary import write_summary


@pytest.mark.libreoffice
@pytest.mark.slow
def test_pdf_conversion_has_the_vietnamese_title(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    assert soffice, "LibreOffice (soffice) is needed to check that the summary prints"
    assert pdftotext, "poppler-utils (pdftotext) is needed to read the PDF"
    xlsx = tmp_path / "tong_hop.xlsx"
    write_summary(seed_round(), xlsx)
    profile = (tmp_path / "lo_profile").as_uri()
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "tong_hop.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True,
                          capture_output=True, timeout=60).stdout.decode("utf-8")
    flat = " ".join(text.split())
    assert "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2021" in flat
    assert "Kết quả đánh giá các chỉ tiêu" in flat  # a chart title
    assert "09/11 chỉ tiêu đạt và vượt kế hoạch đề ra" in flat  # the narrative
    def page(n: int) -> str:
        return subprocess.run([pdftotext, "-f", str(n), "-l", str(n), str(pdf), "-"],
                              check=True, capture_output=True,
                              timeout=60).stdout.decode("utf-8")

    # page 1: the town's objectives and the tiles; page 2: the verdicts and the scores,
    # and nothing of them on page 1 (a chart touching a break was drawn above it too)
    assert "Đơn vị phải báo cáo" in page(1) and "Điểm của các đơn vị" not in page(1)
    assert "Điểm của các đơn vị" in page(2)
