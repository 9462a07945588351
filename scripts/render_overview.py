"""Run the README's main job on the samples and refresh what the README shows of it.

    python scripts/render_overview.py

1. runs ``qmo consolidate samples/returns --round samples/round.xlsx --as-of 2023-12-20``
   into a temporary folder, exactly as the README says;
2. puts what the command printed into README.md between the ``consolidate-output``
   markers;
3. renders the summary workbook with LibreOffice (headless) and writes the first page,
   the overview sheet, to ``docs/overview.png``.

Needs LibreOffice (``soffice``) and poppler (``pdftoppm``) on PATH.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = "<!-- consolidate-output -->"
COMMAND = ["consolidate", "samples/returns", "--round", "samples/round.xlsx", "-o",
           "ket-qua", "--as-of", "2023-12-20", "--export-json", "ket-qua/ket-qua.json"]


def run_main_job(work: Path) -> tuple[str, Path]:
    shutil.copytree(ROOT / "samples", work / "samples")
    out = subprocess.run([sys.executable, "-m", "qmo_excel", *COMMAND, "--quiet"], cwd=work,
                         check=True, capture_output=True, text=True).stdout
    summary = next((work / "ket-qua").glob("*.xlsx"))
    return out, summary


def update_readme(output: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = (f"{MARK}\n```console\n$ qmo {' '.join(COMMAND)}\n{output.rstrip()}\n```\n"
             f"{MARK}")
    pattern = re.compile(re.escape(MARK) + r".*?" + re.escape(MARK), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.replace(MARK, block, 1)
    readme.write_text(text, encoding="utf-8")


def render_first_page(summary: Path, work: Path, target: Path) -> None:
    profile = (work / "lo-profile").as_uri()
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}",
                    "--convert-to", "pdf", "--outdir", str(work), str(summary)],
                   check=True, capture_output=True, timeout=300)
    pdf = work / (summary.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(work / "overview")], check=True, timeout=120)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(work / "overview.png", target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        output, summary = run_main_job(work)
        update_readme(output)
        render_first_page(summary, work, ROOT / "docs" / "overview.png")
    print("README.md and docs/overview.png refreshed")


if __name__ == "__main__":
    main()
