"""Hostile and odd files (issue 17): each numbered finding, kept fixed.

Every test builds the smallest input that showed the finding and runs it through the
path the office uses (`qmo consolidate`, `qmo validate`), asserting what the office
should see: an entry with a reason, never a traceback, a hang or a lost output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from test_broken_returns import OBJ, check
from test_fuzz_regressions import objectives_part, patch_part

from qmo_excel.cli import main
from qmo_excel.jobs.consolidate import consolidate

AS_OF = "2023-12-20"


def well_formed(path: Path) -> None:
    """Every XML part of a package parses (a U+FFFE or a control code would not)."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                ElementTree.fromstring(zf.read(name))


def set_cell(path: Path, ref: str, xml: str) -> None:
    """Replace cell ``ref`` of the objectives sheet by raw ``xml``."""
    part = objectives_part(path)
    patch_part(path, part, lambda x: re.sub(
        rf'<c r="{ref}"[^>]*?(/>|>.*?</c>)'.encode(), xml.encode(), x, count=1, flags=re.S))


def run_consolidate(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qmo_excel", "consolidate", str(folder),
                           "-o", str(out), "--as-of", AS_OF, "-q", *extra],
                          capture_output=True, text=True, timeout=120)


# ------------------------------------------------------------------ 1. non-finite numbers


@pytest.mark.parametrize("xml", [
    '<c r="G5" t="inlineStr"><is><t>' + "9" * 400 + "</t></is></c>",
    '<c r="G5"><v>' + "9" * 400 + "</v></c>",
])
def test_a_result_of_400_nines_is_unreadable_not_a_crash(clean: Path, tmp_path: Path,
                                                         xml: str) -> None:
    """Read as infinity, it crashed the summary writer (NAN/INF) and, as a number, the
    feedback copy (int too large to convert to float)."""
    set_cell(clean, "G5", xml)
    r = check(clean)
    assert ("result-unreadable", OBJ, "G5") in {(p.code, p.sheet, p.cell) for p in r.problems}
    out = tmp_path / "out"
    outcome = consolidate(clean.parent, out_dir=out, as_of=__import__("datetime").date(
        2023, 12, 20), export_json=out / "x.json", export_csv=out / "csv")
    assert outcome.summary is not None and outcome.summary.is_file()
    assert not outcome.feedback_failed
    assert len(outcome.feedback) == 1
    json.loads((out / "x.json").read_text(encoding="utf-8"))  # strict JSON: no Infinity
    for book in [outcome.summary, *outcome.feedback]:
        well_formed(book)
        load_workbook(book)


# ------------------------------------------------------------------ 2. any file name


def test_a_file_name_that_is_not_utf8_is_shown_and_never_crashes_a_writer(
        clean: Path, tmp_path: Path) -> None:
    folder = clean.parent
    bad = os.path.join(os.fsencode(folder), b"B\xe1o c\xe1o PTCKH.xlsx")
    os.rename(clean, bad)
    out = tmp_path.parent / (tmp_path.name + "-out")
    proc = run_consolidate(folder, out, "--export-json", str(out / "x.json"),
                           "--export-csv", str(out / "csv"))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    shown = "B\ufffdo c\ufffdo PTCKH.xlsx"
    data = json.loads((out / "x.json").read_text(encoding="utf-8"))
    assert [(e["file"], e["status"]) for e in data["intake"]] == [(shown, "used")]
    assert shown in (out / "csv" / "intake.csv").read_text(encoding="utf-8-sig")
    assert [p.name for p in (out / "gop-y").iterdir()] == [f"Góp ý PTCKH - {shown}"]
    for fmt, name in (("json", "v.json"), ("csv", "v.csv"), ("text", "v.txt")):
        r = CliRunner().invoke(main, ["validate", str(folder), "--format", fmt,
                                      "-o", str(out / name)])
        assert r.exit_code == 0, r.output
        assert shown in (out / name).read_text(encoding="utf-8-sig")
    r = CliRunner().invoke(main, ["validate", str(folder)])
    assert r.exit_code == 0 and shown in r.output


def test_names_that_look_alike_once_shown_stay_two_entries(clean: Path) -> None:
    folder = clean.parent
    for raw in (b"a\xe1.xlsx", b"a\xe2.xlsx"):
        shutil.copy(clean, os.path.join(os.fsencode(folder), raw))
    clean.unlink()
    r = CliRunner().invoke(main, ["validate", str(folder), "--format", "json"])
    files = [f["file"] for f in json.loads(r.output)["files"]]
    assert files == ["a\ufffd.xlsx", "a\ufffd.xlsx [2]"]


# ------------------------------------------------------------------ 3. only regular files


def test_a_named_pipe_is_ignored_with_its_reason_and_never_read(clean: Path,
                                                                 tmp_path: Path) -> None:
    folder = clean.parent
    os.mkfifo(folder / "pipe.xlsx")
    os.mkfifo(folder / "noext")
    proc = subprocess.run([sys.executable, "-m", "qmo_excel", "validate", str(folder),
                           "--format", "json"], capture_output=True, text=True, timeout=60)
    files = {f["file"]: f for f in json.loads(proc.stdout)["files"]}
    for name in ("pipe.xlsx", "noext"):
        assert files[name]["status"] == "ignored"
        assert "FIFO" in files[name]["reason"]
    assert files[clean.name]["status"] == "valid"
    out = tmp_path / "out"
    proc = run_consolidate(folder, out)
    assert proc.returncode == 0, proc.stderr
    assert "1 bỏ qua" not in proc.stdout and "2 bỏ qua" in proc.stdout
    # named directly, it is no file to check either
    proc = subprocess.run([sys.executable, "-m", "qmo_excel", "validate",
                           str(folder / "pipe.xlsx")], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1 and "FIFO" in proc.stdout


def test_a_socket_is_ignored(clean: Path) -> None:
    import socket
    folder = clean.parent
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "s.xlsx"))
        r = CliRunner().invoke(main, ["validate", str(folder), "--format", "json"])
        files = {f["file"]: f for f in json.loads(r.output)["files"]}
        assert files["s.xlsx"]["status"] == "ignored"
        assert "socket" in files["s.xlsx"]["reason"]
    finally:
        sock.close()


# ------------------------------------------------------------------ 4. feedback is written


@pytest.mark.parametrize("code", ["1.1\x01", "1.1\ufffe", "9" * 400])
def test_a_hostile_code_still_gives_a_well_formed_feedback_workbook(clean: Path,
                                                                     tmp_path: Path,
                                                                     code: str) -> None:
    """Control characters quoted in a message, U+FFFE in a code (sheet1.xml not
    well-formed) and a 400-digit code lost the feedback workbook."""
    escaped = code.replace("\x01", "_x0001_")
    set_cell(clean, "A5", f'<c r="A5" t="inlineStr"><is><t>{escaped}</t></is></c>')
    out = tmp_path / "out"
    proc = run_consolidate(clean.parent, out)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    books = list((out / "gop-y").iterdir())
    assert len(books) == 1
    assert f"Tệp góp ý: 1 ({out / 'gop-y'})" in proc.stdout
    well_formed(books[0])
    load_workbook(books[0])


def test_a_unit_code_in_long_multibyte_letters_still_gets_its_feedback(
        clean: Path, tmp_path: Path) -> None:
    """150 characters of 'ệ' are 450 bytes: over the 255 a file name may hold."""
    set_cell_info(clean, "ệ" * 160)
    out = tmp_path.parent / (tmp_path.name + "-out")
    proc = run_consolidate(clean.parent, out)
    assert proc.returncode == 0, proc.stderr
    books = list((out / "gop-y").iterdir())
    assert len(books) == 1 and len(os.fsencode(books[0].name)) <= 255
    assert f"Tệp góp ý: 1 ({out / 'gop-y'})" in proc.stdout


def set_cell_info(path: Path, unit_code: str) -> None:
    from test_broken_returns import INFO_SHEET, edit

    from qmo_excel import spec
    edit(path, lambda wb: wb[INFO_SHEET].__setitem__(spec.UNIT_INFO.cell("unit_code"),
                                                      unit_code))


def test_a_feedback_workbook_that_cannot_be_written_is_a_problem_everywhere(
        clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        forked_workers: None) -> None:
    """It was lost while the run exited 0 and printed a count that included it."""
    import qmo_excel.feedback.workbook as feedback_module

    def broken(*_a: object, **_k: object) -> Path:
        raise RuntimeError("the copy cannot be saved")

    monkeypatch.setattr(feedback_module, "_write_feedback", broken)
    out = tmp_path.parent / (tmp_path.name + "-out")
    r = CliRunner().invoke(main, ["consolidate", str(clean.parent), "-o", str(out),
                                  "--as-of", AS_OF, "-q", "--export-json",
                                  str(out / "x.json")])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.exception
    assert "Tệp góp ý:" not in r.output  # nothing on disk, nothing counted
    assert f"Không ghi được tệp góp ý cho {clean.name}: RuntimeError" in r.output
    data = json.loads((out / "x.json").read_text(encoding="utf-8"))
    assert [p["file"] for p in data["problems"] if p["code"] == "feedback-not-written"] == \
        [clean.name]
    wb = load_workbook(next(out.glob("*.xlsx")))
    texts = [c for row in wb["Lỗi dữ liệu"].iter_rows(values_only=True) for c in row]
    assert "feedback-not-written" in texts
    # validate --feedback: the same failure is said and fails the run
    r = CliRunner().invoke(main, ["validate", str(clean.parent), "--feedback",
                                  str(tmp_path.parent / "fb")])
    assert r.exit_code == 1
    assert "Không ghi được tệp góp ý cho" in r.output and "Đã ghi 0 tệp góp ý" in r.output


def test_a_copy_that_cannot_be_saved_gives_the_list_alone(clean: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    import qmo_excel.feedback.workbook as feedback_module

    def unsavable(*_a: object, **_k: object) -> None:
        raise ValueError("openpyxl cannot write this")

    monkeypatch.setattr(feedback_module, "_mark_cells", unsavable)
    out = feedback_module.write_feedback(check(clean), tmp_path / "fb")
    assert out is not None
    wb = load_workbook(out)
    assert wb.sheetnames == ["Lỗi cần sửa"]
    assert "chỉ có danh sách lỗi" in wb["Lỗi cần sửa"]["A3"].value


# ------------------------------------------------------------------ 6. CSV cells


HOSTILE = ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(clean: Path,
                                                            tmp_path: Path) -> None:
    from test_broken_returns import edit
    def hostile(wb: object) -> None:
        ws = wb[OBJ]  # type: ignore[index]
        for i, text in enumerate(HOSTILE):
            ws[f"C{5 + i}"] = text
            ws[f"C{5 + i}"].data_type = "s"
            ws[f"A{5 + i}"] = f"1.{i + 1}"
            ws[f"E{5 + i}"] = "trên 95%"
    edit(clean, hostile)
    set_cell(clean, "G5", '<c r="G5" t="inlineStr"><is><t>' + "x" * 40_000 + "</t></is></c>")
    out = tmp_path.parent / (tmp_path.name + "-out")
    proc = run_consolidate(clean.parent, out, "--export-csv", str(out / "csv"))
    assert proc.returncode == 0, proc.stderr
    cells = [c for f in (out / "csv").glob("*.csv") for c in csv_cells(f)]
    r = CliRunner().invoke(main, ["validate", str(clean.parent), "--format", "csv",
                                  "-o", str(out / "v.csv")])
    assert r.exit_code in (0, 1), r.output
    cells += csv_cells(out / "v.csv")
    for text in HOSTILE:
        assert text not in cells
    assert "'" + HOSTILE[0] in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert max(len(c) for c in cells) <= 32_767
    assert any(c.endswith("[cắt bớt / truncated]") for c in cells)


def csv_cells(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


# ------------------------------------------------------------------ 7. a full disk


def test_a_full_disk_is_said_in_vietnamese_not_a_traceback(
        clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import xlsxwriter.workbook

    def full(self: object, *_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.xlsx"))

    # where xlsxwriter writes its package: it wraps the OSError in a FileCreateError
    monkeypatch.setattr(xlsxwriter.workbook.ZipFile, "write", full)
    monkeypatch.setattr(xlsxwriter.workbook.ZipFile, "writestr", full)
    out = tmp_path.parent / (tmp_path.name + "-out")
    r = CliRunner().invoke(main, ["consolidate", str(clean.parent), "-o", str(out),
                                  "--as-of", AS_OF, "-q", "--no-feedback"])
    assert r.exit_code == 1
    assert "Đĩa đầy" in r.output and "Giải phóng dung lượng" in r.output
    assert "Traceback" not in r.output and "FileCreateError" not in r.output
    assert not [p for p in out.iterdir() if p.name.startswith(".qmo-")]


# ------------------------------------------------------------------ 10. bad round workbooks


def _round(tmp_path: Path, change: object = None) -> Path:
    from qmo_excel.round import example_round, write_round_workbook

    path = tmp_path / "round.xlsx"
    write_round_workbook(path, config=example_round())
    if change is not None:
        wb = load_workbook(path)
        change(wb)  # type: ignore[operator]
        wb.save(path)
    return path


@pytest.mark.parametrize(("change", "warning"), [
    (lambda wb: wb.remove(wb["Danh sách đơn vị"]), "không có trang «Danh sách đơn vị»"),
    (lambda wb: wb["Danh sách đơn vị"].delete_rows(4, 100), "chưa có đơn vị nào"),
    (lambda wb: wb.remove(wb["Cài đặt"]), "không có trang «Cài đặt»: dùng mặc định"),
])
def test_a_round_workbook_missing_a_part_is_said_where_a_default_serves(
        tmp_path: Path, clean: Path, change: object, warning: str) -> None:
    """It was accepted silently: every unit became 'unregistered' and the missing-units
    check was lost without a word."""
    from qmo_excel.round import read_round

    if "Danh sách" in warning or "chưa có" in warning:
        # the assignments name the register's units: without the register they go too
        inner = change

        def change(wb: object) -> None:  # type: ignore[no-redef]
            inner(wb)  # type: ignore[operator]
            wb.remove(wb["Giao chỉ tiêu"])  # type: ignore[attr-defined,index]

    path = _round(tmp_path.parent / (tmp_path.name + "-r"), change)
    config = read_round(path)
    assert [w for w in config.warnings if warning in w]
    out = tmp_path.parent / (tmp_path.name + "-out")
    r = CliRunner().invoke(main, ["consolidate", str(clean.parent), "--round", str(path),
                                  "-o", str(out), "--as-of", AS_OF, "-q"])
    assert r.exit_code == 0, r.output
    assert "Cảnh báo: Sổ kỳ báo cáo “round.xlsx”" in r.output or \
        "Cảnh báo: Trang «Danh sách đơn vị»" in r.output
    r = CliRunner().invoke(main, ["validate", str(clean), "--round", str(path)])
    assert "Cảnh báo:" in r.output


@pytest.mark.parametrize(("cell", "value", "message"), [
    ("C9", 500, "từ 0 đến 100"),
    ("C11", -5, "từ 0 đến 100"),
    ("C9", "nan", "không phải một số"),
    ("C12", "9" * 400, "không phải một số"),
    ("C12", 5, "Mức trần % kế hoạch phải từ 100"),
    ("C12", 1e9, "Mức trần % kế hoạch phải từ 100"),
])
def test_absurd_thresholds_are_a_clear_error(tmp_path: Path, cell: str, value: object,
                                             message: str) -> None:
    from qmo_excel.round import RoundError, read_round

    path = _round(tmp_path, lambda wb: wb["Cài đặt"].__setitem__(cell, value))
    with pytest.raises(RoundError, match=message):
        read_round(path)
    r = CliRunner().invoke(main, ["consolidate", str(tmp_path), "--round", str(path),
                                  "-o", str(tmp_path / "out")])
    assert r.exit_code == 1 and message.split()[0] in r.output
    assert "Traceback" not in r.output


def test_an_encrypted_round_workbook_is_said_plainly(tmp_path: Path) -> None:
    """It was reported as "BadZipFile"."""
    import msoffcrypto

    from qmo_excel.round import RoundError, read_round

    plain = _round(tmp_path)
    for password, name in (("bí mật", "locked.xlsx"), ("VelvetSweatshop", "default.xlsx")):
        with plain.open("rb") as src, (tmp_path / name).open("wb") as dst:
            msoffcrypto.OfficeFile(src).encrypt(password, dst)
    for name in ("locked.xlsx", "default.xlsx"):
        with pytest.raises(RoundError, match=r"được đặt mật khẩu .* nên không đọc được"):
            read_round(tmp_path / name)


# ------------------------------------------------------------------ 9. stale temporary files


def test_a_later_run_removes_only_our_stale_temporary_files(clean: Path,
                                                            tmp_path: Path) -> None:
    import time

    out = tmp_path.parent / (tmp_path.name + "-out")
    (out / "gop-y").mkdir(parents=True)
    hour_ago = time.time() - 2 * 3600
    stale = [out / ".qmo-ab12cd_3.xlsx", out / "gop-y" / ".qmo-zz99yy00.xlsx",
             out / ".qmo-k2j3h4g5.json"]
    kept = [out / ".qmo-fresh123.xlsx",  # another run may be writing it
            out / ".qmo-notours.xlsx.bak", out / "qmo-ab12cd_3.xlsx",
            out / ".qmo-ABCDEFGH.xlsx"]
    for p in stale + kept:
        p.write_bytes(b"half a workbook")
    for p in stale + kept[1:]:
        os.utime(p, (hour_ago, hour_ago))
    (out / ".qmo-linklink.xlsx").symlink_to(clean)  # a link is never ours
    os.utime(out / ".qmo-linklink.xlsx", (hour_ago, hour_ago), follow_symlinks=False)
    proc = run_consolidate(clean.parent, out, "--export-json", str(out / "x.json"))
    assert proc.returncode == 0, proc.stderr
    assert not [p for p in stale if p.exists()]
    assert all(p.exists() for p in kept) and (out / ".qmo-linklink.xlsx").is_symlink()
    assert clean.is_file()


def test_a_temporary_file_of_ours_in_the_returns_folder_is_ignored(clean: Path) -> None:
    shutil.copy(clean, clean.parent / ".qmo-ab12cd34.xlsx")
    r = CliRunner().invoke(main, ["validate", str(clean.parent), "--format", "json"])
    files = {f["file"]: f for f in json.loads(r.output)["files"]}
    assert files[".qmo-ab12cd34.xlsx"]["status"] == "ignored"
    assert "Tệp tạm của qmo" in files[".qmo-ab12cd34.xlsx"]["reason"]


# ------------------------------------------------------------------ 11. damaged, XFD


def test_a_package_with_a_bad_crc_in_a_part_we_do_not_read_gets_a_warning(
        clean: Path) -> None:
    """It was used without a word."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(clean) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            stored = info.filename == "docProps/app.xml"
            dst.writestr(info.filename, src.read(info),
                         zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    raw = out.getvalue()
    at = raw.index(b"<Application>") + 1
    clean.write_bytes(raw[:at] + b"a" + raw[at + 1:])  # "<application>": the CRC fails
    r = check(clean)
    assert r.status == "valid"
    damaged = [p for p in r.problems if p.code == "file-damaged"]
    assert len(damaged) == 1 and damaged[0].severity == "warning"
    assert "docProps/app.xml" in damaged[0].message


@pytest.mark.parametrize("row", [5, 3000, 1048576])
def test_a_value_in_column_xfd_is_read_not_out_of_memory(clean: Path, row: int) -> None:
    """python-calamine holds a sheet densely: XFD3000 asked for 49 million cells and the
    file was rejected as too large."""
    part = objectives_part(clean)
    patch_part(clean, part, lambda x: x.replace(
        b"</sheetData>", f'<row r="{row}"><c r="XFD{row}" t="inlineStr"><is><t>ghi chú xa'
        f'</t></is></c><c r="IV{row}"><v>7</v></c></row></sheetData>'.encode(), 1)
        if row > 5 else re.sub(rb'(<c r="G5")', b'<c r="XFD5" t="s"><v>0</v></c>\\1', x,
                               count=1))
    r = check(clean)
    assert r.status == "valid", r.problems
    far = [p for p in r.problems if p.code == "structure-far-cells"]
    assert [(p.sheet, p.cell, p.severity) for p in far] == [(OBJ, f"XFD{row}", "info")]
    if row > 5:
        assert "ghi chú xa" in far[0].message
        assert ("có 2 ô" in far[0].message) is (row > 10_000)  # IV is not far; its row may be
    rows = {x.row: x.values for x in r.unit_return.objectives}  # type: ignore[union-attr]
    assert rows[5]["result"] == "98,2%"  # the return itself is read as before


# ------------------------------------------------------------------ 12. images, shapes


SHAPE = (b'<twoCellAnchor><from><col>9</col><colOff>0</colOff><row>2</row><rowOff>0'
         b'</rowOff></from><to><col>11</col><colOff>0</colOff><row>6</row><rowOff>0</rowOff>'
         b'</to><sp macro="" textlink=""><nvSpPr><cNvPr id="9" name="Stamp"/><cNvSpPr/>'
         b'</nvSpPr><spPr><a:prstGeom xmlns:a="http://schemas.openxmlformats.org/drawingml/'
         b'2006/main" prst="ellipse"><a:avLst/></a:prstGeom></spPr></sp><clientData/>'
         b'</twoCellAnchor>')


def _with_stamp(clean: Path, tmp_path: Path) -> None:
    """The unit's file with a scanned stamp (a PNG) on its objectives sheet."""
    from openpyxl.drawing.image import Image as XlImage
    from PIL import Image
    from test_broken_returns import edit

    png = tmp_path / "con-dau.png"
    Image.new("RGB", (60, 40), (200, 20, 20)).save(png)
    edit(clean, lambda wb: wb[OBJ].add_image(XlImage(str(png)), "J3"))


def test_the_feedback_copy_keeps_the_units_images(clean: Path, tmp_path: Path) -> None:
    """Images were silently dropped (Pillow was not installed)."""
    from qmo_excel.feedback.extensions import drawn_content
    from qmo_excel.feedback.workbook import write_feedback

    _with_stamp(clean, tmp_path)
    out = write_feedback(check(clean), tmp_path / "fb")
    assert out is not None
    assert drawn_content(out.read_bytes())["images"] == 1
    assert "không giữ được" not in str(load_workbook(out)["Lỗi cần sửa"]["A3"].value)


def test_the_feedback_copy_says_what_it_had_to_drop(clean: Path, tmp_path: Path) -> None:
    """Shapes and form controls, which openpyxl does not read, are named on the list."""
    from qmo_excel.feedback.extensions import drawn_content
    from qmo_excel.feedback.workbook import write_feedback

    _with_stamp(clean, tmp_path)
    patch_part(clean, "xl/drawings/drawing1.xml",
               lambda x: x.replace(b"</wsDr>", SHAPE + b"</wsDr>"))
    with zipfile.ZipFile(clean, "a") as zf:
        zf.writestr("xl/ctrlProps/ctrlProp1.xml",
                    '<formControlPr xmlns="http://schemas.microsoft.com/office/'
                    'spreadsheetml/2009/9/main" objectType="CheckBox"/>')
    assert drawn_content(clean.read_bytes()) == {"images": 1, "shapes": 1, "charts": 0,
                                                 "controls": 1, "activex": 0}
    out = write_feedback(check(clean), tmp_path / "fb")
    assert out is not None
    note = str(load_workbook(out)["Lỗi cần sửa"]["A3"].value)
    assert "không giữ được hình vẽ, hộp văn bản, nút và ô điều khiển biểu mẫu" in note
    assert "ảnh" not in note.split("không giữ được")[1].split("của tệp gốc")[0]
    assert drawn_content(out.read_bytes())["images"] == 1


def test_far_cells_are_taken_out_even_when_the_relations_are_damaged(clean: Path) -> None:
    """Found by the fuzz: a bad CRC in the workbook's relations made the far-cell pass
    give up, and XFD3000 ran the reader out of memory."""
    from qmo_excel.intake.package import check_package

    part = objectives_part(clean)
    patch_part(clean, part, lambda x: x.replace(
        b"</sheetData>", b'<row r="3000"><c r="XFD3000" t="inlineStr"><is><t>xa</t></is>'
        b"</c></row></sheetData>", 1))
    out = io.BytesIO()
    with zipfile.ZipFile(clean) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            stored = info.filename == "xl/_rels/workbook.xml.rels"
            dst.writestr(info.filename, src.read(info),
                         zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    raw = out.getvalue()
    at = raw.index(b"<Relationships ")
    at = raw.rindex(b'encoding="UTF-8"', 0, at) + len(b'encoding="')
    clean.write_bytes(raw[:at] + b"utf" + raw[at + 3:])  # still XML; the CRC fails
    got = check_package(clean.read_bytes())
    assert got.damaged == ["xl/_rels/workbook.xml.rels"] and got.data is not None
    assert [(f.ref, f.value) for f in got.far] == [("XFD3000", "xa")]
    r = check(clean)
    assert r.status == "valid"
    assert {"file-damaged", "structure-far-cells"} <= {p.code for p in r.problems}


def test_a_stamp_written_with_inline_namespaces_is_recognised() -> None:
    """openpyxl writes each property's namespace on the value itself when lxml is there
    (openxml-audit brings lxml): `<vt:lpwstr xmlns:vt="…">feedback</vt:lpwstr>`. Such a
    feedback copy was read back as a unit's return."""
    import io

    from qmo_excel.intake.stamps import package_stamp

    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    custom = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              'custom-properties"><property name="qmo-workbook" fmtid="{D5CDD505-2E9C-101B-'
              f'9397-08002B2CF9AE}}" pid="2"><vt:lpwstr xmlns:vt="{vt}">feedback</vt:lpwstr>'
              "</property></Properties>")
    core = ("<cp:coreProperties><dcterms:created>2023-12-20T00:00:00Z</dcterms:created>"
            "<dcterms:modified>2023-12-20T00:00:00Z</dcterms:modified></cp:coreProperties>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("docProps/custom.xml", custom)
        zf.writestr("docProps/core.xml", core)
    assert package_stamp(buf.getvalue()) == "feedback"
