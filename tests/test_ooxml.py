"""Every kind of workbook we write passes an Office Open XML validator (issue 17).

The blank template (both languages), a pre-filled template, the round workbook, the
summary, and feedback copies: of a clean return, of one with images and hostile text, of
an old .xls rebuilt in our template, and the list alone for a rejected file.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from ooxml import assert_valid_ooxml
from test_broken_returns import check
from test_hostile import _with_stamp, set_cell

from qmo_excel.feedback import write_feedback
from qmo_excel.jobs.consolidate import consolidate
from qmo_excel.round import example_round, read_round, write_round_workbook
from qmo_excel.template import write_prefilled, write_unit_workbook

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_blank_template(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "mau.xlsx"
    write_unit_workbook(path, lang=lang)  # type: ignore[arg-type]
    assert_valid_ooxml(path)


def test_the_round_workbook_and_a_prefilled_template(tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    write_round_workbook(path, config=example_round())
    assert_valid_ooxml(path)
    [out] = write_prefilled(read_round(path), tmp_path / "templates", units=["PTCKH"])
    assert_valid_ooxml(out)


def test_the_summary_and_feedback_copies(clean: Path, tmp_path: Path) -> None:
    returns = tmp_path / "returns"
    returns.mkdir()
    shutil.move(clean, returns / clean.name)
    clean = returns / clean.name
    hostile = returns / "hostile.xlsx"
    shutil.copy(clean, hostile)
    _with_stamp(hostile, tmp_path)
    set_cell(hostile, "A5", '<c r="A5" t="inlineStr"><is><t>=1.1_x0001_\ufffe</t></is></c>')
    shutil.copy(ROOT / "samples" / "returns" / "TTYT_BaoCao_MTCL_2023.xls", returns)
    (returns / "hỏng.xlsx").write_bytes(b"PK\x03\x04 not a package")
    out = consolidate(returns, out_dir=tmp_path / "out", as_of=date(2023, 12, 20))
    assert out.summary is not None
    assert_valid_ooxml(out.summary)
    names = sorted(p.name for p in out.feedback)  # the clean return is superseded
    assert names == ["Góp ý - hỏng.xlsx", "Góp ý PTCKH - hostile.xlsx",
                     "Góp ý TTYT - TTYT_BaoCao_MTCL_2023.xlsx"]
    for book in out.feedback:
        assert_valid_ooxml(book)
    plain = write_feedback(check(clean), tmp_path / "plain")
    assert plain is not None
    assert_valid_ooxml(plain)
