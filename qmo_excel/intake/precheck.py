"""Decide, from magic bytes and the zip central directory only, whether a file is a
workbook worth handing to the parser. Nothing large is decompressed; at most a few
small parts (``META-INF/manifest.xml``, ``_rels/.rels``) are read when that settles the
format. Every "no" carries a problems.py code and a short Vietnamese detail.

OOXML (.xlsx/.xlsm, Transitional or Strict) is the primary format; old Excel 97-2003 and
95 (.xls, BIFF8/BIFF5) and OpenDocument (.ods) workbooks are read too (python-calamine
reads them) and warned about. Encrypted files are refused here, except that the reader
may still open those Excel encrypts with its default password (``CAN_TRY_DEFAULT``).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from qmo_excel.fileio import open_regular
from qmo_excel.vocab import Words

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_ENTRIES = 10_000
MIN_BOMB_BYTES = 10_000_000  # the ratio test applies only above this many bytes
SMALL_PART = 1_000_000

UNREADABLE = "file-unreadable"
ENCRYPTED = "file-encrypted"
OLD = "file-old-format"
TOO_LARGE = "file-too-large"
# Encrypted formats the reader tries with Excel's default password (see decrypt.py).
CAN_TRY_DEFAULT = frozenset({"encrypted-ooxml", "xls-encrypted"})


@dataclass
class Precheck:
    ok: bool
    format: str
    code: str | None = None
    detail: str = ""  # a vocab.Words: what is wrong, in both languages


def _u16(name: str) -> bytes:
    return name.encode("utf-16-le")


# OLE directory entries are 128-byte aligned; their names are UTF-16LE, NUL-terminated.
_OLE_NAMES = re.compile(
    b"(" + b"|".join(re.escape(_u16(n)) for n in (
        "EncryptedPackage", "EncryptionInfo", "Workbook", "WORKBOOK", "Book", "BOOK",
        "WordDocument", "PowerPoint Document", "NativeContent_MAIN")) + b")\x00\x00")
_BIFF_BOF = re.compile(b"\x09\x08[\x08\x10]\x00\x00[\x05\x06]", re.DOTALL)
_TEXT_CSV = re.compile(r"^[^\n]*[,;\t][^\n]*(\n|$)")
_STRICT = b"purl.oclc.org/ooxml"


def precheck(path: Path, *, max_bytes: int = 50_000_000, max_uncompressed: int = 300_000_000,
             max_ratio: float = 200.0) -> Precheck:
    try:
        size = path.stat().st_size
        if size == 0:
            return Precheck(False, "empty", UNREADABLE,
                            Words("tệp rỗng, 0 byte", "empty file, 0 bytes"))
        if size > max_bytes:
            return Precheck(False, "too-large", TOO_LARGE,
                            Words(f"{size / 1e6:.0f} MB, tối đa {max_bytes / 1e6:.0f} MB",
                                  f"{size / 1e6:.0f} MB, at most {max_bytes / 1e6:.0f} MB"))
        with open_regular(path) as fh:
            head = fh.read(4096)
        if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            return _zip(path, max_uncompressed, max_ratio)
        if head.startswith(OLE_MAGIC):
            with open_regular(path) as fh:
                return _ole(fh.read())
        return _other(head)
    except OSError as exc:
        return Precheck(False, "unreadable", UNREADABLE,
                        Words(f"không đọc được tệp: {exc.strerror or type(exc).__name__}",
                              f"cannot read the file: {exc.strerror or type(exc).__name__}"))


# --------------------------------------------------------------------------- zip


def precheck_zip(source: Path | IO[bytes], *, max_uncompressed: int = 300_000_000,
                 max_ratio: float = 200.0) -> Precheck:
    """The zip checks alone, for a package already in memory (a decrypted one)."""
    return _zip(source, max_uncompressed, max_ratio)


def _zip(source: Path | IO[bytes], max_uncompressed: int, max_ratio: float) -> Precheck:
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            return _zip_infos(zf, infos, max_uncompressed, max_ratio)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        return Precheck(False, "zip-bad", UNREADABLE,
                        Words("tệp nén bị hỏng hoặc không trọn vẹn",
                              f"damaged or incomplete package ({type(exc).__name__})"))


def _zip_infos(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], max_uncompressed: int,
               max_ratio: float) -> Precheck:
    if len(infos) > MAX_ENTRIES:
        return Precheck(False, "zip-bomb", TOO_LARGE, Words(f"{len(infos)} phần bên trong",
                                                         f"{len(infos)} parts inside"))
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > max_uncompressed:
        return Precheck(False, "zip-bomb", TOO_LARGE,
                        Words(f"giải nén ra {total / 1e6:.0f} MB, tối đa "
                              f"{max_uncompressed / 1e6:.0f} MB",
                              f"unpacks to {total / 1e6:.0f} MB, at most "
                              f"{max_uncompressed / 1e6:.0f} MB"))
    if total > MIN_BOMB_BYTES and total > max_ratio * max(packed, 1):
        return Precheck(False, "zip-bomb", TOO_LARGE,
                        Words(f"tỷ lệ nén bất thường {total / max(packed, 1):.0f}:1",
                              f"abnormal compression ratio {total / max(packed, 1):.0f}:1"))
    lie = next((i for i in infos if _sizes_lie(i)), None)
    if lie is not None:
        return Precheck(False, "zip-lie", UNREADABLE,
                        Words("kích thước khai báo của một phần trong tệp nén không thể đúng "
                              "(tệp hỏng hoặc bị làm giả)",
                              "a part of the package declares a size that cannot be true "
                              "(damaged or forged file)"))
    names: dict[str, zipfile.ZipInfo] = {}
    for i in infos:
        n = i.filename.replace("\\", "/")
        pure = PurePosixPath(n)
        if n.startswith(("/", "\\")) or ".." in pure.parts or ":" in n or "\x00" in n:
            return Precheck(False, "zip-traversal", UNREADABLE,
                            Words("tên phần bên trong tệp nén không hợp lệ",
                                  "invalid part name inside the package"))
        names[n.lower()] = i
    if "xl/workbook.xml" in names:
        if _is_encrypted_ooxml_marker(names):
            return Precheck(False, "encrypted-ooxml", ENCRYPTED,
                            Words("tệp có mật khẩu", "password-protected"))
        return Precheck(True, "xlsx")
    if "xl/workbook.bin" in names:
        return Precheck(False, "xlsb", OLD, Words("Excel nhị phân (.xlsb)", "Excel binary (.xlsb)"))
    if "mimetype" in names or ("content.xml" in names and "meta-inf/manifest.xml" in names):
        manifest = _small(zf, names.get("meta-inf/manifest.xml"))
        if b"encryption-data" in manifest:
            return Precheck(False, "ods-encrypted", ENCRYPTED,
                            Words("OpenDocument có mật khẩu", "password-protected OpenDocument"))
        return Precheck(True, "ods")
    rels = _small(zf, names.get("_rels/.rels"))
    target = re.search(rb'Target="([^"]*)"[^>]*Type="[^"]*officeDocument"', rels) or \
        re.search(rb'Type="[^"]*officeDocument"[^>]*Target="([^"]*)"', rels)
    if target:
        part = target.group(1).decode("utf-8", "replace").lstrip("/").lower()
        if part.endswith(".bin"):
            return Precheck(False, "xlsb", OLD,
                            Words("Excel nhị phân (.xlsb)", "Excel binary (.xlsb)"))
        if part.endswith(".xml") and part in names:
            return Precheck(True, "xlsx")
    if any(n.endswith((".iwa", "index.zip")) for n in names):
        return Precheck(False, "iwork", OLD, "Apple Numbers/iWork")
    if "word/document.xml" in names or "ppt/presentation.xml" in names:
        return Precheck(False, "ooxml-other", UNREADABLE,
                        Words("tài liệu Word/PowerPoint, không phải bảng tính",
                              "a Word/PowerPoint document, not a spreadsheet"))
    inner = ", ".join(sorted(i.filename for i in infos)[:3])
    if not infos:
        return Precheck(False, "zip-other", UNREADABLE, Words("tệp nén rỗng", "empty package"))
    return Precheck(False, "zip-other", UNREADABLE,
                    Words(f"tệp nén không phải sổ Excel (chứa: {inner[:120]})",
                          f"a package that is not an Excel workbook (holds: {inner[:120]})"))


def _sizes_lie(info: zipfile.ZipInfo) -> bool:
    """Sizes no real entry can have: deflate never makes data more than a little larger
    (5 bytes per 64 KiB stored block), and a stored entry is its own size. An entry
    whose packed bytes outweigh what it claims to unpack to hides a bigger payload."""
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size != info.file_size
    if info.compress_type == zipfile.ZIP_DEFLATED:
        return info.compress_size > info.file_size + (info.file_size >> 10) + 1024
    return False


def _is_encrypted_ooxml_marker(names: dict[str, zipfile.ZipInfo]) -> bool:
    return "encryptedpackage" in names


def _small(zf: zipfile.ZipFile, info: zipfile.ZipInfo | None) -> bytes:
    if info is None or info.file_size > SMALL_PART:
        return b""
    try:
        return zf.read(info)
    except Exception:  # bad CRC, truncated: the format is then undecided
        return b""


# --------------------------------------------------------------------------- OLE


def _ole(data: bytes) -> Precheck:
    found: set[str] = set()
    for m in _OLE_NAMES.finditer(data):
        if m.start() % 128 == 0:
            found.add(m.group(1).decode("utf-16-le").lower())
    if found & {"encryptedpackage", "encryptioninfo"}:
        return Precheck(False, "encrypted-ooxml", ENCRYPTED,
                        Words("tệp có mật khẩu", "password-protected"))
    if found & {"workbook", "book"}:
        if _xls_filepass(data):
            return Precheck(False, "xls-encrypted", ENCRYPTED,
                            Words("Excel 97-2003 (.xls) có mật khẩu",
                                  "password-protected Excel 97-2003 (.xls)"))
        return Precheck(True, "xls")
    if "worddocument" in found:
        return Precheck(False, "doc", UNREADABLE,
                        Words("tài liệu Word (.doc), không phải bảng tính",
                              "a Word document (.doc), not a spreadsheet"))
    if "powerpoint document" in found:
        return Precheck(False, "ppt", UNREADABLE,
                        Words("tài liệu PowerPoint, không phải bảng tính",
                              "a PowerPoint document, not a spreadsheet"))
    if "nativecontent_main" in found:
        return Precheck(False, "quattro", OLD, "Quattro Pro")
    return Precheck(False, "ole-other", UNREADABLE,
                    Words("tệp Office cũ hỏng hoặc không phải bảng tính",
                          "a damaged old Office file, or not a spreadsheet"))


def _xls_filepass(data: bytes) -> bool:
    """A FILEPASS record (0x002F) among the first records after the workbook BOF."""
    for m in _BIFF_BOF.finditer(data, 512):
        if m.start() % 64:
            continue
        pos = m.start()
        for _ in range(12):
            if pos + 4 > len(data):
                return False
            rtype = int.from_bytes(data[pos:pos + 2], "little")
            rlen = int.from_bytes(data[pos + 2:pos + 4], "little")
            if rtype == 0x002F:
                return True
            # BOUNDSHEET, EOF, INTERFACEHDR: past the place where FILEPASS would be
            if rtype in (0x0085, 0x000A, 0x00E1) and pos != m.start():
                return False
            pos += 4 + rlen
        return False
    return False


# --------------------------------------------------------------------------- others


def _other(head: bytes) -> Precheck:
    if head[:2] in (b"\x09\x00", b"\x09\x02", b"\x09\x04") and head[3:4] == b"\x00":
        return Precheck(False, "biff2-4", OLD,
                        Words("Excel 2.x–4.0 (.xls) rất cũ", "very old Excel 2.x–4.0 (.xls)"))
    if head.startswith(b"\x1f\x8b"):
        return Precheck(False, "gzip", OLD, Words("Gnumeric hoặc tệp nén gzip", "Gnumeric or gzip"))
    if head.startswith((b"\x00\x00\x1a\x00", b"\x00\x00\x02\x00\x06\x04")):
        return Precheck(False, "lotus", OLD, "Lotus 1-2-3")
    if head.startswith(b"%PDF"):
        return Precheck(False, "pdf", UNREADABLE,
                        Words("tệp PDF, không phải bảng tính", "a PDF, not a spreadsheet"))
    if head.startswith((b"Rar!", b"7z\xbc\xaf")):
        return Precheck(False, "archive", UNREADABLE,
                        Words("tệp nén, hãy giải nén", "an archive: unpack it"))
    text = _as_text(head)
    if text is None:
        return Precheck(False, "unknown", UNREADABLE,
                        Words("không nhận ra định dạng tệp", "unknown file format"))
    low = text.lstrip().lower()
    if low.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<body")) or \
            "<html" in low[:1000] or "<table" in low[:1000]:
        return Precheck(False, "html", OLD,
                        Words("trang web HTML (không phải .xlsx)", "an HTML page (not .xlsx)"))
    if low.startswith("<?xml") or low.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in low:
            return Precheck(False, "spreadsheetml2003", OLD,
                            Words("Bảng tính XML 2003", "XML Spreadsheet 2003"))
        if "<office:document" in low:
            return Precheck(False, "fods", OLD,
                            Words("OpenDocument phẳng (.fods)", "flat OpenDocument (.fods)"))
        return Precheck(False, "xml", UNREADABLE,
                        Words("tệp XML không phải sổ Excel", "an XML file, not an Excel workbook"))
    if low.startswith("id;"):
        return Precheck(False, "sylk", OLD, "SYLK (.slk)")
    if _TEXT_CSV.match(text.replace("\r", "")):
        return Precheck(False, "csv", OLD, Words("văn bản CSV", "CSV text"))
    return Precheck(False, "text", UNREADABLE,
                    Words("tệp văn bản, không phải sổ Excel", "a text file, not an Excel workbook"))


def _as_text(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16-le" if head[:2] == b"\xff\xfe" else "utf-16-be"
        text = head[2:len(head) - (len(head) % 2)].decode(enc, "replace")
    else:
        if b"\x00" in head:
            return None
        text = head.decode("utf-8", "replace").removeprefix("\ufeff")
    if not text.strip():
        return None
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or ch == "\ufffd")
    return None if bad > len(text) // 20 else text
