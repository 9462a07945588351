"""Render page 1 of the sample round's report (the .docx ``qmo consolidate`` writes) to
``docs/report.png``, the picture in the README.

    python scripts/render_report.py

Runs ``qmo consolidate samples/returns --round samples/round.xlsx --as-of 2023-12-20``
into a temporary folder, as the README says, converts the report to PDF with LibreOffice
(headless, a private profile) and writes page 1 with poppler's ``pdftoppm``.

The document asks for Times New Roman: for a faithful picture LibreOffice needs it or a
font with its metrics (Liberation Serif, Debian's ``fonts-liberation2``). Without them it
falls back to a wider font; ``FONTCONFIG_FILE`` can point it at a private font folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = ["consolidate", "samples/returns", "--round", "samples/round.xlsx", "-o",
           "ket-qua", "--as-of", "2023-12-20", "--no-feedback", "--quiet"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "samples", work / "samples")
        subprocess.run([sys.executable, "-m", "qmo_excel", *COMMAND], cwd=work, check=True,
                       capture_output=True)
        report = next((work / "ket-qua").glob("bao-cao-*.docx"))
        subprocess.run(["soffice", "--headless",
                        f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
                        "--convert-to", "pdf", "--outdir", str(work), str(report)],
                       check=True, capture_output=True, timeout=300)
        pdf = work / (report.stem + ".pdf")
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(work / "report")], check=True, timeout=120)
        target = ROOT / "docs" / "report.png"
        shutil.copyfile(work / "report.png", target)
    print(target)


if __name__ == "__main__":
    main()
