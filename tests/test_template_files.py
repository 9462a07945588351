"""The committed blank templates are exactly what the generator makes.

If this fails after a deliberate change to the template, regenerate them on purpose:
``python scripts/make_templates.py``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from qmo_excel import spec
from qmo_excel.template import TEMPLATE_FILES, write_unit_workbook

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", spec.LANGS)
def test_committed_template_equals_generator(lang: spec.Lang, tmp_path: Path) -> None:
    committed = ROOT / "templates" / TEMPLATE_FILES[lang]
    fresh = tmp_path / TEMPLATE_FILES[lang]
    write_unit_workbook(fresh, lang=lang)
    assert committed.read_bytes() == fresh.read_bytes(), (
        "templates/ is stale: run python scripts/make_templates.py")


@pytest.mark.parametrize("lang", spec.LANGS)
def test_committed_template_carries_id_and_version(lang: spec.Lang) -> None:
    wb = openpyxl.load_workbook(ROOT / "templates" / TEMPLATE_FILES[lang])
    meta = wb[spec.META_SHEET]
    assert meta[spec.META_CELLS["template_id"]].value == spec.TEMPLATE_ID
    assert meta[spec.META_CELLS["version"]].value == spec.VERSION
    assert meta[spec.META_CELLS["lang"]].value == lang
