"""precheck: one tiny synthetic file per format branch."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from builders import build_return

from qmo_excel.intake.precheck import OLE_MAGIC, precheck
from qmo_excel.problems import CATALOGUE


def _zip(path: Path, parts: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _ole(path: Path, names: list[str], extra: bytes = b"") -> Path:
    """An OLE-looking file: header, then 128-byte directory entries with the names."""
    header = OLE_MAGIC + b"\x00" * (512 - len(OLE_MAGIC))
    entries = b""
    for n in names:
        raw = n.encode("utf-16-le") + b"\x00\x00"
        entries += raw + b"\x00" * (128 - len(raw))
    path.write_bytes(header + entries + extra)
    return path


BOF8 = b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\x00" * 12
FILEPASS = b"\x2f\x00\x06\x00" + b"\x00" * 6


def test_ok_xlsx(tmp_path: Path) -> None:
    pc = precheck(build_return(tmp_path / "r.xlsx"))
    assert pc.ok and pc.format == "xlsx" and pc.code is None


CASES: list[tuple[str, object, str, str]] = [
    ("empty.xlsx", b"", "empty", "file-unreadable"),
    ("csv.xls", "Mã,Tên\n1,A\n".encode(), "csv", "file-old-format"),
    ("u16.csv", "\ufeffa,b\n1,2\n".encode("utf-16-le"), "csv", "file-old-format"),
    ("page.xls", b"<html><body><table><tr><td>1</td></tr></table>", "html", "file-old-format"),
    ("x.xml", b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
              b'spreadsheet"></Workbook>', "spreadsheetml2003", "file-old-format"),
    ("f.fods", b'<?xml version="1.0"?><office:document xmlns:office="x"/>', "fods",
     "file-old-format"),
    ("other.xml", b'<?xml version="1.0"?><root/>', "xml", "file-unreadable"),
    ("s.slk", b"ID;PWXL;N;E\r\nC;Y1;X1;K1\r\nE\r\n", "sylk", "file-old-format"),
    ("b2.xls", b"\x09\x00\x04\x00\x07\x00\x10\x00" + b"\x00" * 20, "biff2-4",
     "file-old-format"),
    ("g.gnumeric", b"\x1f\x8b\x08\x00" + b"\x00" * 20, "gzip", "file-old-format"),
    ("l.123", b"\x00\x00\x1a\x00\x03\x10\x04\x00" + b"\x00" * 8, "lotus", "file-old-format"),
    ("junk.xls", bytes(range(256)) * 4, "unknown", "file-unreadable"),
    ("note.xls", b"Attachment not found!\n", "text", "file-unreadable"),
    ("bad.xlsx", b"PK\x03\x04" + b"\x00" * 100, "zip-bad", "file-unreadable"),
]


@pytest.mark.parametrize(("name", "data", "fmt", "code"), CASES)
def test_simple_formats(tmp_path: Path, name: str, data: bytes, fmt: str, code: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    pc = precheck(p)
    assert (pc.ok, pc.format, pc.code) == (False, fmt, code)
    assert pc.detail and code in CATALOGUE


def test_ole_branches(tmp_path: Path) -> None:
    enc = precheck(_ole(tmp_path / "e.xlsx", ["Root Entry", "EncryptionInfo",
                                               "EncryptedPackage"]))
    assert (enc.format, enc.code) == ("encrypted-ooxml", "file-encrypted")
    # old .xls (BIFF8, and BIFF5 of Excel 95) is read, and warned about by the checks
    xls = precheck(_ole(tmp_path / "o.xls", ["Root Entry", "Workbook"], BOF8))
    assert (xls.ok, xls.format, xls.code) == (True, "xls", None)
    pw = precheck(_ole(tmp_path / "p.xls", ["Root Entry", "Workbook"], BOF8 + FILEPASS))
    assert (pw.format, pw.code) == ("xls-encrypted", "file-encrypted")
    b5 = precheck(_ole(tmp_path / "b5.xls", ["Root Entry", "Book"]))
    assert (b5.ok, b5.format) == (True, "xls")
    doc = precheck(_ole(tmp_path / "d.xls", ["Root Entry", "WordDocument"]))
    assert (doc.format, doc.code) == ("doc", "file-unreadable")
    junk = precheck(_ole(tmp_path / "j.xls", ["Root Entry"]))
    assert (junk.format, junk.code) == ("ole-other", "file-unreadable")


def test_zip_branches(tmp_path: Path) -> None:
    xlsb = precheck(_zip(tmp_path / "a.xlsb", {"xl/workbook.bin": b"x"}))
    assert (xlsb.format, xlsb.code) == ("xlsb", "file-old-format")
    ods = precheck(_zip(tmp_path / "a.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b"<x/>", "META-INF/manifest.xml": b"<manifest/>"}))
    assert (ods.ok, ods.format, ods.code) == (True, "ods", None)
    ods_pw = precheck(_zip(tmp_path / "b.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "META-INF/manifest.xml": b"<manifest:encryption-data/>"}))
    assert (ods_pw.format, ods_pw.code) == ("ods-encrypted", "file-encrypted")
    other = precheck(_zip(tmp_path / "c.xlsx", {"readme.txt": b"hi"}))
    assert (other.format, other.code) == ("zip-other", "file-unreadable")
    empty = tmp_path / "e.xlsx"
    empty.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    assert precheck(empty).code == "file-unreadable"
    trav = precheck(_zip(tmp_path / "t.xlsx", {"xl/workbook.xml": b"<x/>",
                                               "../../evil.txt": b"x"}))
    assert (trav.format, trav.code) == ("zip-traversal", "file-unreadable")
    back = precheck(_zip(tmp_path / "w.xlsx", {"xl\\workbook.xml": b"<x/>"}))
    assert back.ok  # Windows-made zips with backslashes are still workbooks
    numbers = precheck(_zip(tmp_path / "n.numbers", {"Index/Document.iwa": b"x"}))
    assert (numbers.format, numbers.code) == ("iwork", "file-old-format")


def test_zip_bombs_from_the_central_directory(tmp_path: Path) -> None:
    big = _zip(tmp_path / "bomb.xlsx", {"xl/workbook.xml": b"<x/>",
                                        "xl/worksheets/sheet1.xml": b"\x00" * 20_000_000},
               zipfile.ZIP_DEFLATED)
    pc = precheck(big)
    assert (pc.format, pc.code) == ("zip-bomb", "file-too-large")
    assert "tỷ lệ nén" in pc.detail
    assert precheck(big, max_uncompressed=1_000_000).detail.startswith("giải nén ra")
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as zf:
        zf.writestr("xl/workbook.xml", b"<x/>")
        for i in range(10_001):
            zf.writestr(f"p{i}", b"")
    (tmp_path / "many.xlsx").write_bytes(many.getvalue())
    assert precheck(tmp_path / "many.xlsx").code == "file-too-large"


def test_file_size_limit_and_missing_file(tmp_path: Path) -> None:
    p = build_return(tmp_path / "r.xlsx")
    assert precheck(p, max_bytes=100).code == "file-too-large"
    assert precheck(tmp_path / "nope.xlsx").code == "file-unreadable"


def test_strict_ooxml_is_accepted(tmp_path: Path) -> None:
    # calamine reads Strict OOXML (tested on the corpus), so precheck lets it through.
    p = _zip(tmp_path / "s.xlsx", {"xl/workbook.xml": b'<workbook xmlns="http://purl.oclc.org'
                                                      b'/ooxml/spreadsheetml/main"/>'})
    assert precheck(p).ok


def test_sizes_that_cannot_be_true(tmp_path: Path) -> None:
    """A stored entry is its own size; a deflated one never packs to more than it holds.
    Either lie is refused from the directory alone, before any parsing."""
    path = _zip(tmp_path / "s.xlsx", {"xl/workbook.xml": b"<workbook/>" * 100})
    data = bytearray(path.read_bytes())
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = data.find(sig)
        data[pos + size_at:pos + size_at + 4] = (10).to_bytes(4, "little")  # not 1,100
    path.write_bytes(bytes(data))
    pc = precheck(path)
    assert (pc.ok, pc.format, pc.code) == (False, "zip-lie", "file-unreadable")
    assert "khai báo" in pc.detail
    honest = _zip(tmp_path / "h.xlsx", {"xl/workbook.xml": b"<workbook/>" * 100},
                  zipfile.ZIP_DEFLATED)
    assert precheck(honest).ok
