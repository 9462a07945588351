"""The feedback copy of a return saved by Excel keeps what the unit's file holds.

Excel 2010+ moves a list validation whose source is on another sheet (our ``_qmo`` lists)
into the worksheet's ``extLst`` as an ``x14`` validation, with ``x14`` conditional
formats, and declares ``mc:Ignorable`` namespaces on the root; openpyxl drops all of it
when it saves. ``excel_saved`` makes that variant of a template return by editing the
package XML; ``facts`` reads a package straight from its XML (not through openpyxl).
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from test_feedback import INFO, OBJECTIVES, TASKS

from qmo_excel import spec
from qmo_excel.feedback import workbook as feedback
from qmo_excel.feedback.workbook import LIST_SHEET, write_feedback
from qmo_excel.jobs.validate import FileJob, inspect_file
from qmo_excel.reports import FileReport
from qmo_excel.template import write_unit_workbook

X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
DV_URI = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"
CF_URI = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}"
SLICER_URI = "{A8765BA9-456A-4dab-B4F3-ACF838C121DE}"
ROOT_NS = (' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
           ' mc:Ignorable="x14ac xr xr2 xr3"'
           ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'
           ' xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"'
           ' xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"'
           ' xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3"'
           ' xr:uid="{{00000000-0001-0000-000{n}-000000000000}}"')
CF_EXT = (f'<ext uri="{CF_URI}" xmlns:x14="{X14}"><x14:conditionalFormattings>'
          f'<x14:conditionalFormatting xmlns:xm="{XM}">'
          '<x14:cfRule type="expression" priority="3" id="{A1B2C3D4-0000-4000-8000-000000000001}">'
          "<xm:f>COUNTIF('_qmo'!$F$2:$F$5,$H4)=0</xm:f><x14:dxf><fill><patternFill>"
          '<bgColor rgb="FFFFC7CE"/></patternFill></fill></x14:dxf></x14:cfRule>'
          "<xm:sqref>H4:H303</xm:sqref></x14:conditionalFormatting>"
          "</x14:conditionalFormattings></ext>")
SLICER_EXT = (f'<ext uri="{SLICER_URI}" xmlns:x14="{X14}"><x14:slicerList>'
              '<x14:slicer r:id="rId9"/></x14:slicerList></ext>')
USER_DV = ('<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1" '
           'xr:uid="{00000009-0002-0000-0000-000000000000}"><x14:formula1>'
           "<xm:f>'_qmo'!$D$2:$D$8</xm:f></x14:formula1><xm:sqref>L4:L20</xm:sqref>"
           "</x14:dataValidation>")
USER_NAMES = ("<definedName name=\"DanhMuc\">'_qmo'!$D$2:$D$8</definedName>"
              "<definedName name=\"GhiChu\" localSheetId=\"3\">"
              "'Kế hoạch thực hiện'!$K$4:$K$303</definedName>")
_LIST_DV = re.compile(r'<dataValidation [^>]*type="list"[^>]*>.*?</dataValidation>', re.S)


def _attr(tag: str, name: str) -> str | None:
    m = re.search(rf'\s{re.escape(name)}="([^"]*)"', tag)
    return html.unescape(m.group(1)) if m else None


def _x14(plain: str, n: int, sqref: str) -> str:
    """A plain list validation as Excel writes it in x14."""
    head = re.match(r"<dataValidation ([^>]*)>", plain)
    formula = re.search(r"<formula1>(.*?)</formula1>", plain)
    assert head and formula
    attrs = re.sub(r'\s*sqref="[^"]*"', "", head.group(1))
    return (f'<x14:dataValidation {attrs} xr:uid="{{0000000{n}-0002-0000-0000-000000000000}}">'
            f"<x14:formula1><xm:f>{formula.group(1)}</xm:f></x14:formula1>"
            f"<xm:sqref>{sqref}</xm:sqref></x14:dataValidation>")


def excelize(xml: str, n: int, *, exts: str = "", extra: str = "",
             split: dict[str, str] | None = None) -> str:
    """Move the worksheet's cross-sheet lists into x14, as Excel 2010+ saves them."""
    moved = []
    for m in list(_LIST_DV.finditer(xml)):
        if "'_qmo'!" in m.group(0):
            sqref = _attr(m.group(0), "sqref") or ""
            moved.append(_x14(m.group(0), len(moved) + 1, (split or {}).get(sqref, sqref)))
            xml = xml.replace(m.group(0), "", 1)
    left = xml.count("<dataValidation ")
    xml = re.sub(r'<dataValidations count="\d+">', f'<dataValidations count="{left}">', xml)
    xml = re.sub(r"<worksheet ([^>]*)>", lambda m: f"<worksheet {m.group(1)}{ROOT_NS}>",
                 xml, count=1).format(n=n)
    xml = xml.replace('<sheetFormatPr defaultRowHeight="15"/>',
                      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>')
    dvs = "".join(moved) + extra
    exts += (f'<ext uri="{DV_URI}" xmlns:x14="{X14}"><x14:dataValidations '
             f'count="{dvs.count("<x14:dataValidation ")}" xmlns:xm="{XM}">{dvs}'
             "</x14:dataValidations></ext>")
    return xml.replace("</worksheet>", f"<extLst>{exts}</extLst></worksheet>")


def patch(src: Path, dst: Path, edits: dict[str, Callable[[str], str]]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in edits:
                data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    return dst


EXCEL_EDITS: dict[str, Callable[[str], str]] = {
    "xl/worksheets/sheet2.xml": lambda x: excelize(x, 2),  # info: the period list
    "xl/worksheets/sheet3.xml": lambda x: excelize(x, 3, exts=CF_EXT),  # objectives
    "xl/worksheets/sheet4.xml": lambda x: excelize(  # plan: I101 lost its dropdown
        x, 4, extra=USER_DV, split={"I4:I303": "I4:I100 I102:I303"}),
    "xl/workbook.xml": lambda x: x.replace("</definedNames>", USER_NAMES + "</definedNames>"),
}


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    book = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    targets = {_attr(t, "Id"): _attr(t, "Target") or ""
               for t in re.findall(r"<Relationship [^>]*>", rels)}
    def part(target: str) -> str:  # relative to xl/, or absolute (openpyxl)
        return target[1:] if target.startswith("/") else posixpath.normpath("xl/" + target)

    return {_attr(t, "name") or "": part(targets[_attr(t, "r:id")])
            for t in re.findall(r"<sheet [^>]*>", book)}


def facts(path: Path) -> dict[str, Any]:
    """What the package holds, sheet by sheet, read from its XML."""
    with zipfile.ZipFile(path) as z:
        parts = sheet_parts(z)
        order = list(parts)
        book = z.read("xl/workbook.xml").decode()
        names = set()
        for m in re.finditer(r"<definedName ([^>]*)>(.*?)</definedName>", book):
            local = _attr(" " + m.group(1), "localSheetId")
            names.add((_attr(" " + m.group(1), "name"),
                       order[int(local)] if local else None, html.unescape(m.group(2))))
        out: dict[str, Any] = {"names": names}
        for name, part in parts.items():
            x = z.read(part).decode()
            prot = re.search(r"<sheetProtection\b[^>]*>", x)
            pane = re.search(r"<pane\b[^>]*>", x)
            out[name] = {
                "dv": {(tuple(sorted((_attr(m.group(1), "sqref") or "").split())),
                        html.unescape(m.group(2)))
                       for m in re.finditer(r"<dataValidation(\s[^>]*)>\s*<formula1>(.*?)"
                                            r"</formula1>", x)},
                "x14dv": {(tuple(sorted(m.group(2).split())), html.unescape(m.group(1)))
                          for m in re.finditer(r"<x14:dataValidation\s[^>]*>\s*<x14:formula1>"
                                               r"\s*<xm:f>(.*?)</xm:f>.*?<xm:sqref>(.*?)"
                                               r"</xm:sqref>", x, re.S)},
                "cf": {(_attr(m.group(1), "sqref"), tuple(re.findall(r"<formula>(.*?)</formula>",
                                                                     m.group(2))))
                       for m in re.finditer(r"<conditionalFormatting(\s[^>]*)>(.*?)"
                                            r"</conditionalFormatting>", x, re.S)},
                "x14cf": {(m.group(2), html.unescape(m.group(1)))
                          for m in re.finditer(r"<x14:conditionalFormatting\b.*?<xm:f>(.*?)"
                                               r"</xm:f>.*?<xm:sqref>(.*?)</xm:sqref>", x,
                                               re.S)},
                "merge": set(re.findall(r'<mergeCell ref="([^"]*)"', x)),
                "protect": dict(re.findall(r'(\w+)="([^"]*)"', prot.group(0))) if prot else {},
                "pane": (_attr(pane.group(0), "ySplit"), _attr(pane.group(0), "topLeftCell"),
                         _attr(pane.group(0), "state")) if pane else None,
                "cols": {(_attr(c, "min"), _attr(c, "max"), _attr(c, "width"))
                         for c in re.findall(r"<col [^>]*>", x)},
                "tables": len(re.findall(r"<tablePart ", x)),
                "exts": re.findall(r'<ext uri="([^"]*)"', x),
                "xml": x,
            }
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def report_of(path: Path) -> FileReport:
    rep = inspect_file(FileJob(str(path), path.name))
    assert rep.status == "invalid" and rep.unit_return is not None
    return rep


@pytest.fixture
def template(tmp_path: Path) -> Path:
    src = tmp_path / "template.xlsx"
    write_unit_workbook(src, info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    return src


@pytest.fixture
def excel(template: Path, tmp_path: Path) -> Path:
    """The return as Excel saves it: dropdowns and a conditional format in x14."""
    return patch(template, tmp_path / "excel.xlsx", EXCEL_EDITS)


def cells(sqref: tuple[str, ...] | str) -> set[tuple[int, int]]:
    refs = sqref.split() if isinstance(sqref, str) else sqref
    out = set()
    for ref in refs:
        c1, r1, c2, r2 = range_boundaries(ref)
        assert None not in (c1, r1, c2, r2)
        out |= {(c, r) for c in range(c1 or 0, (c2 or 0) + 1)
                for r in range(r1 or 0, (r2 or 0) + 1)}
    return out


def assert_no_overlap(sheet: dict[str, Any]) -> None:
    seen: set[tuple[int, int]] = set()
    for sqref, _ in sorted(sheet["dv"] | sheet["x14dv"]):
        mine = cells(sqref)
        assert not mine & seen, sqref
        seen |= mine


def test_the_variant_is_what_excel_writes(excel: Path) -> None:
    got = facts(excel)
    plan = got[spec.PLAN.vi]
    assert plan["x14dv"] == {(("I102:I303", "I4:I100"), "'_qmo'!$G$2:$G$5"),
                             (("L4:L20",), "'_qmo'!$D$2:$D$8")}
    assert not any("_qmo" in f for _, f in plan["dv"])
    assert 'mc:Ignorable="x14ac xr xr2 xr3"' in plan["xml"]
    assert got[spec.OBJECTIVES.vi]["exts"] == [CF_URI, DV_URI]


def test_copy_keeps_what_excel_wrote(excel: Path, tmp_path: Path) -> None:
    before = sha(excel)
    out = write_feedback(report_of(excel), tmp_path / "out")
    assert out is not None
    assert sha(excel) == before  # the original is never touched
    old, new = facts(excel), facts(out)
    assert old["names"] <= new["names"]  # defined names, scoped to the same sheets
    assert ("GhiChu", spec.PLAN.vi, "'Kế hoạch thực hiện'!$K$4:$K$303") in new["names"]
    for name, sheet in old.items():
        if name == "names":
            continue
        copy = new[name]
        assert copy["x14dv"] == sheet["x14dv"], name  # every x14 validation, as it was
        assert sheet["dv"] <= copy["dv"], name  # every plain one
        assert copy["x14cf"] == sheet["x14cf"] and copy["cf"] == sheet["cf"], name
        assert copy["exts"] == sheet["exts"], name
        assert copy["merge"] == sheet["merge"], name
        assert copy["pane"] == sheet["pane"], name
        assert copy["tables"] == sheet["tables"], name
        assert {(a, b, float(w or 0)) for a, b, w in copy["cols"]} >= \
            {(a, b, float(w or 0)) for a, b, w in sheet["cols"]}, name
        assert sheet["protect"].items() <= copy["protect"].items(), name
        assert_no_overlap(copy)
    assert new[spec.OBJECTIVES.vi]["x14cf"] == {("H4:H303", "COUNTIF('_qmo'!$F$2:$F$5,$H4)=0")}
    # only the cell whose dropdown the unit lost gets a plain one again
    assert (("I101",), "'_qmo'!$G$2:$G$5") in new[spec.PLAN.vi]["dv"]
    assert len(new[spec.PLAN.vi]["dv"]) == len(old[spec.PLAN.vi]["dv"]) + 1
    # the namespaces the extensions borrow from the root are declared there again
    root = re.search(r"<worksheet\b[^>]*>", new[spec.PLAN.vi]["xml"])
    assert root is not None
    assert 'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"' \
        in root.group(0) and 'mc:Ignorable="xr"' in root.group(0)


def test_copy_is_well_formed_and_opens(excel: Path, tmp_path: Path) -> None:
    out = write_feedback(report_of(excel), tmp_path / "out")
    assert out is not None
    with zipfile.ZipFile(out) as z:
        for part in sheet_parts(z).values():
            root = ElementTree.fromstring(z.read(part))
            children = list(root)
            if any(c.tag.endswith("}extLst") for c in children):
                assert children[-1].tag.endswith("}extLst")  # the last child, once
                assert sum(c.tag.endswith("}extLst") for c in children) == 1
    wb = load_workbook(out)
    assert wb.sheetnames[0] == LIST_SHEET["vi"]
    assert wb[spec.OBJECTIVES.vi].freeze_panes == "A4"
    assert wb[spec.OBJECTIVES.vi].protection.sheet


def assert_spec_dropdowns(got: dict[str, Any]) -> None:
    """Every cell of every choice field of the spec has a list from the _qmo sheet."""
    for sheet in spec.UNIT_SHEETS:
        lists = {c for sqref, f in got[sheet.vi]["dv"] | got[sheet.vi]["x14dv"]
                 if "_qmo" in f for c in cells(sqref)}
        for f in sheet.fields:
            if not f.choices:
                continue
            if isinstance(sheet, spec.InfoSheet):
                want = cells(sheet.cell(f.key))
            else:
                col = sheet.column(f.key)
                want = cells(f"{col}{sheet.first_data_row}:{col}{sheet.last_data_row}")
            assert want <= lists, (sheet.key, f.key)


def test_every_dropdown_of_the_spec_is_there_once(excel: Path, tmp_path: Path) -> None:
    out = write_feedback(report_of(excel), tmp_path / "out")
    assert out is not None
    got = facts(out)
    assert_spec_dropdowns(got)
    for sheet in spec.UNIT_SHEETS:
        assert_no_overlap(got[sheet.vi])


def test_same_bytes_twice(excel: Path, tmp_path: Path) -> None:
    rep = report_of(excel)
    a = write_feedback(rep, tmp_path / "a")
    b = write_feedback(rep, tmp_path / "b")
    assert a is not None and b is not None and sha(a) == sha(b)


def test_extensions_tied_to_relationships_are_left_out(template: Path,
                                                       tmp_path: Path) -> None:
    """A slicer points at a part the copy does not have: it is dropped, not the rest."""
    edits = dict(EXCEL_EDITS)
    edits["xl/worksheets/sheet3.xml"] = lambda x: excelize(x, 3, exts=CF_EXT + SLICER_EXT)
    src = patch(template, tmp_path / "slicer.xlsx", edits)
    out = write_feedback(report_of(src), tmp_path / "out")
    assert out is not None
    sheet = facts(out)[spec.OBJECTIVES.vi]
    assert sheet["exts"] == [CF_URI, DV_URI]
    assert 'r:id="rId9"' not in sheet["xml"]
    load_workbook(out)


def test_refused_sheet_falls_back_to_plain_dropdowns(template: Path, tmp_path: Path) -> None:
    """A sheet with a DTD is never parsed for its extensions: it keeps plain dropdowns;
    the other sheets keep theirs."""
    edits = dict(EXCEL_EDITS)
    edits["xl/worksheets/sheet3.xml"] = lambda x: excelize(x, 3, exts=CF_EXT).replace(
        "<worksheet ", '<!DOCTYPE worksheet [<!ENTITY q "x">]><worksheet ', 1)
    src = patch(template, tmp_path / "dtd.xlsx", edits)
    out = write_feedback(report_of(src), tmp_path / "out")
    assert out is not None
    got = facts(out)
    objectives = got[spec.OBJECTIVES.vi]
    assert objectives["exts"] == [] and objectives["x14dv"] == set()
    assert (("E4:E303",), "'_qmo'!$E$2:$E$3") in objectives["dv"]
    assert (("H4:H303",), "'_qmo'!$F$2:$F$5") in objectives["dv"]
    assert got[spec.PLAN.vi]["exts"] == [DV_URI]
    load_workbook(out)


def test_copy_that_cannot_take_the_extensions_stays_plain(
        excel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: Any, **__: Any) -> bytes:
        raise ValueError("cannot")

    monkeypatch.setattr(feedback, "carry_extensions", fail)
    out = write_feedback(report_of(excel), tmp_path / "out")
    assert out is not None
    got = facts(out)
    for sheet in spec.UNIT_SHEETS:
        assert got[sheet.vi]["exts"] == [] and got[sheet.vi]["x14dv"] == set()
        assert_no_overlap(got[sheet.vi])
    assert_spec_dropdowns(got)
    load_workbook(out)


def test_broken_extension_still_gets_feedback(excel: Path, tmp_path: Path) -> None:
    """An extLst that is not even well-formed: openpyxl cannot load the sheet, so the
    unit gets the list of problems, as before; nothing crashes."""
    src = patch(excel, tmp_path / "broken.xlsx", {
        "xl/worksheets/sheet3.xml": lambda x: x.replace("</x14:dataValidations>", "", 1)})
    before = sha(src)
    out = write_feedback(report_of(src), tmp_path / "out")
    assert out is not None and sha(src) == before
    wb = load_workbook(out)
    assert wb.sheetnames[0] == LIST_SHEET["vi"]


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_copy_opens_in_libreoffice(excel: Path, tmp_path: Path) -> None:
    """LibreOffice opens the copy, and reads the x14 validations and conditional format
    put back (it writes them again when it saves the copy as .xlsx)."""
    out = write_feedback(report_of(excel), tmp_path / "out")
    assert out is not None
    for kind in ("pdf", "xlsx"):
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", kind, "--outdir", str(tmp_path / kind), str(out)],
                       check=True, capture_output=True, timeout=180)
    assert (tmp_path / "pdf" / (out.stem + ".pdf")).stat().st_size > 1000
    resaved = facts(tmp_path / "xlsx" / out.name)
    for name, sheet in facts(excel).items():
        if name == "names":
            continue
        seen = {(tuple(sorted(sq)), f.replace("'", ""))
                for sq, f in resaved[name]["dv"] | resaved[name]["x14dv"]}
        assert {(sq, f.replace("'", "")) for sq, f in sheet["x14dv"]} <= seen, name
        assert {(sq, f.replace("'", "")) for sq, f in sheet["x14cf"]} <= \
            {(sq, f.replace("'", "")) for sq, f in resaved[name]["x14cf"]}, name
