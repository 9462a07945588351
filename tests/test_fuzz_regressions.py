"""Bugs a fuzzer found in the intake's own code (60,000 mutated returns), kept fixed.

Each test builds the smallest file that showed the bug and asserts the outcome a unit
should get: a clear problem in Vietnamese, never a Python error in a message.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_broken_returns import BASE, OBJ, check, edit, found

from qmo_excel.checks.against_round import names_agree
from qmo_excel.feedback.workbook import write_feedback
from qmo_excel.intake import labels


def patch_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info.filename, change(body) if info.filename == part else body)
    path.write_bytes(out.getvalue())


def objectives_part(path: Path) -> str:
    wb = load_workbook(path)
    return f"xl/worksheets/sheet{wb.sheetnames.index(OBJ) + 1}.xml"


@pytest.mark.parametrize("number", ["1E+400", "-1E+400", "NaN"])
def test_a_number_no_float_can_hold_is_an_unreadable_result(clean: Path, number: str) -> None:
    """A program wrote a result no float can hold: it was an OverflowError in the judge."""
    part = objectives_part(clean)
    patch_part(clean, part, lambda x: re.sub(
        rb'<c r="G5"[^>]*>.*?</c>', f'<c r="G5"><v>{number}</v></c>'.encode(), x, count=1,
        flags=re.S))
    r = check(clean)
    assert r.status == "valid"
    assert found(r) == sorted([("result-unreadable", OBJ, "G5"), *BASE])


def test_a_prefixed_style_attribute_does_not_wipe_the_scan(clean: Path) -> None:
    """One cell styled by x:s="N" was a KeyError that silently dropped the whole scan, so
    a typed percentage read as 0,964 and hidden rows went unnoticed."""
    def typed(wb: Any) -> None:
        wb[OBJ]["G5"] = 0.964
        wb[OBJ]["G5"].number_format = "0.0%"
        wb[OBJ].row_dimensions[6].hidden = True

    edit(clean, typed)
    part = objectives_part(clean)

    def prefixed(x: bytes) -> bytes:
        style = re.search(rb'<c r="G5" s="(\d+)"', x)
        assert style is not None
        x = x.replace(b"<worksheet ", b'<worksheet xmlns:x="urn:x" ', 1)
        return x.replace(b"</row>", b'<c r="Z4" x:s="' + style.group(1) +
                         b'"><v>0</v></c></row>', 1)

    patch_part(clean, part, prefixed)
    r = check(clean)
    assert found(r) == sorted([("row-hidden", OBJ, "A6"), *BASE])
    assert r.unit_return is not None
    assert {row.row: row.values["result"] for row in r.unit_return.objectives}[5] == "96,4%"


def test_sheet_names_in_decomposed_unicode_are_reported_in_nfc(clean: Path,
                                                                tmp_path: Path) -> None:
    """A sheet named in NFD (as some Mac programs write) gave messages not in NFC, and the
    feedback copy must still mark the cell on that sheet."""
    nfd = unicodedata.normalize("NFD", OBJ)
    assert nfd != OBJ
    edit(clean, lambda wb: setattr(wb[OBJ], "title", nfd))
    r = check(clean)
    assert found(r) == sorted(BASE)
    for p in r.problems:
        for text in (p.sheet, p.message, p.value):
            assert unicodedata.is_normalized("NFC", text)
    out = write_feedback(r, tmp_path / "gop-y")
    assert out is not None
    wb = load_workbook(out)
    marked = wb[next(n for n in wb.sheetnames if unicodedata.normalize("NFC", n) == OBJ)]
    assert marked["G6"].comment is not None
    link = wb["Lỗi cần sửa"]["C5"].hyperlink
    assert link is not None and "G6" in link.location


def test_renamed_sheet_search_reads_each_candidate_once_and_at_most_thirty() -> None:
    """A workbook listing hundreds of sheets made the search re-read every one for each
    missing sheet: seconds for a 26 KB file."""
    reads: list[str] = []

    def grid_of(name: str, nrows: int) -> list[list[Any]]:
        reads.append(name)
        return [["x"] * 3] * 5

    names = [f"Trang {i}" for i in range(200)]
    assert labels.find_renamed(["objectives", "plan", "info"], names, grid_of) == {}
    assert len(reads) == len(set(reads)) == labels.MAX_CANDIDATES


def test_a_pasted_paragraph_as_unit_name_is_compared_in_bounded_work() -> None:
    """_covers is quadratic in the words of a name: a 5,400-word name took 6.6 s."""
    huge = "Phòng " * 5400
    assert names_agree(huge, "Phòng Tài chính - Kế hoạch") in (True, False)
    assert names_agree("Phòng TC-KH", "Phòng Tài chính - Kế hoạch")
    assert not names_agree("Phòng Kinh tế", "Phòng Tài chính - Kế hoạch")
