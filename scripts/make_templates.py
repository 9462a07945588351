"""Regenerate the committed blank templates under templates/ (run on purpose only).

    python scripts/make_templates.py

tests/test_template_files.py checks that the committed files equal the generator's output.
"""

from __future__ import annotations

from pathlib import Path

from qmo_excel.template import TEMPLATE_FILES, write_unit_workbook

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for lang, name in TEMPLATE_FILES.items():
        path = ROOT / "templates" / name
        write_unit_workbook(path, lang=lang)
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
