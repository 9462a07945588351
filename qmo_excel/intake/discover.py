"""Find the files to read: every file under the given paths, each either a spreadsheet
candidate or ignored with a Vietnamese reason. Nothing is opened beyond 8 magic bytes."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from qmo_excel.fileio import OUR_TEMP, open_regular
from qmo_excel.safetext import shown
from qmo_excel.vocab import Words

SPREADSHEET_EXTS = frozenset({
    ".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".xlsb", ".xla", ".ods", ".fods",
    ".ots", ".csv", ".tsv", ".xml", ".htm", ".html", ".slk", ".sylk", ".et", ".ett",
    ".numbers", ".gnumeric", ".wk1", ".wk3", ".wk4", ".123", ".qpw", ".wb3", ".dif",
})
# Clearly not a spreadsheet: ignored without looking inside.
OTHER_EXTS = frozenset({
    ".pdf", ".doc", ".docx", ".docm", ".dot", ".dotx", ".odt", ".rtf", ".txt", ".md",
    ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".webp", ".svg",
    ".ppt", ".pptx", ".odp", ".key", ".pages", ".mp3", ".mp4", ".mov", ".avi", ".wav",
    ".exe", ".dll", ".bat", ".sh", ".py", ".js", ".json", ".yaml", ".yml", ".toml",
    ".ini", ".log", ".eml", ".msg", ".lnk", ".url",
})
ARCHIVE_EXTS = frozenset({".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".xz"})
SYSTEM_NAMES = frozenset({".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini",
                          "icon\r", ".localized"})
_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

REASON_LOCK = Words("Tệp khóa tạm của Excel/LibreOffice (tự sinh khi đang mở tệp), không phải "
                    "báo cáo", "A lock file Excel/LibreOffice makes while a file is open, "
                    "not a return")
REASON_SYSTEM = Words("Tệp hệ thống hoặc tệp ẩn", "A system or hidden file")
REASON_OTHER = Words("Không phải tệp bảng tính", "Not a spreadsheet")
REASON_ARCHIVE = Words("Tệp nén: hãy giải nén rồi chạy lại", "An archive: unpack it and run again")
REASON_LINK = Words("Liên kết (symlink) ra ngoài thư mục hoặc tới một thư mục: không theo",
                    "A link (symlink) out of the folder or to a folder: not followed")
REASON_DIR = Words("Không mở được thư mục", "A folder that cannot be opened")
REASON_SPECIAL = Words("Không phải tệp thông thường, không mở", "Not a regular file, not opened")
REASON_STAT = Words("Không xem được tệp", "The file cannot be looked at")
REASON_TEMP = Words("Tệp tạm của qmo (một lần chạy bị ngắt giữa chừng để lại)",
                    "A temporary file of qmo, left by an interrupted run")


@dataclass
class Candidate:
    path: Path
    rel: str
    kind: Literal["spreadsheet", "ignored"]
    reason: str = ""


def discover(paths: Sequence[str | Path]) -> list[Candidate]:
    """Every file under ``paths`` (files or folders, recursively), sorted by ``rel``.

    ``rel`` is the name as shown and written everywhere: a name that is not valid UTF-8
    shows its undecodable bytes as "�" (``path`` keeps the real name to open), and two
    names that would then look alike are told apart by a number.
    """
    found: dict[str, Candidate] = {}
    for p in paths:
        root = Path(p)
        if root.is_dir():
            for cand in _walk(root):
                found.setdefault(cand.rel, cand)
        else:
            cand = classify(root, root.name)
            found.setdefault(cand.rel, cand)
    out: list[Candidate] = []
    taken: set[str] = set()
    for raw in sorted(found):
        cand = found[raw]
        rel = shown(raw)
        n = 1
        while rel in taken or (rel != raw and rel in found):
            n += 1
            rel = f"{shown(raw)} [{n}]"
        taken.add(rel)
        cand.rel = rel
        out.append(cand)
    return out


def _walk(root: Path) -> list[Candidate]:
    out: list[Candidate] = []
    real_root = os.path.realpath(root)
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append,
                                                followlinks=False):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, root)
        for name in sorted(filenames) + [d for d in dirnames
                                         if os.path.islink(os.path.join(dirpath, d))]:
            full = Path(dirpath, name)
            rel = name if rel_dir == "." else f"{rel_dir}/{name}".replace(os.sep, "/")
            if full.is_symlink():
                target = os.path.realpath(full)
                if (os.path.commonpath([real_root, target]) != real_root
                        or not os.path.isfile(target)):
                    out.append(Candidate(full, rel, "ignored", REASON_LINK))
                    continue
            out.append(classify(full, rel))
    for err in errors:
        if err.filename and os.path.realpath(err.filename) != real_root:
            rel = os.path.relpath(err.filename, root).replace(os.sep, "/")
            out.append(Candidate(Path(err.filename), rel + "/", "ignored", REASON_DIR))
        elif err.filename:
            out.append(Candidate(Path(err.filename), root.name + "/", "ignored", REASON_DIR))
    return out


def classify(path: Path, rel: str) -> Candidate:
    """Decide from the kind of file, the name (and, for unknown extensions, 8 magic bytes).

    Only a regular file is ever opened: a named pipe would block a reader forever, and a
    device or a socket is no report."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Candidate(path, rel, "ignored",
                         _with(REASON_STAT, exc.strerror or type(exc).__name__))
    if not stat.S_ISREG(mode):
        return Candidate(path, rel, "ignored", _special_reason(mode))
    name = path.name
    if OUR_TEMP.fullmatch(name):
        return Candidate(path, rel, "ignored", REASON_TEMP)
    low = name.lower()
    ext = os.path.splitext(low)[1]
    if low.startswith("~$") or low.startswith(".~lock.") or (
            low.startswith(".~") and low.endswith("#")):
        return Candidate(path, rel, "ignored", REASON_LOCK)
    if low in SYSTEM_NAMES or low.startswith("._") or (low.startswith(".") and not ext):
        return Candidate(path, rel, "ignored", REASON_SYSTEM)
    if low.startswith(".") and ext not in SPREADSHEET_EXTS:
        return Candidate(path, rel, "ignored", REASON_SYSTEM)
    if ext in SPREADSHEET_EXTS:
        return Candidate(path, rel, "spreadsheet")
    if ext in ARCHIVE_EXTS:
        return Candidate(path, rel, "ignored", REASON_ARCHIVE)
    if ext in OTHER_EXTS:
        return Candidate(path, rel, "ignored", _with(REASON_OTHER, ext))
    if _magic(path):
        return Candidate(path, rel, "spreadsheet")
    return Candidate(path, rel, "ignored", _with(REASON_OTHER, ext) if ext else REASON_OTHER)


def _with(reason: Words, detail: str) -> Words:
    return Words(f"{reason} ({detail})", f"{reason.en} ({detail})")


def _special_reason(mode: int) -> Words:
    for test, vi, en in ((stat.S_ISFIFO, "đường ống (named pipe/FIFO)", "a named pipe (FIFO)"),
                         (stat.S_ISSOCK, "socket", "a socket"),
                         (stat.S_ISCHR, "thiết bị (character device)", "a character device"),
                         (stat.S_ISBLK, "thiết bị (block device)", "a block device"),
                         (stat.S_ISDIR, "thư mục", "a folder")):
        if test(mode):
            return Words(f"{REASON_SPECIAL}: {vi}", f"{REASON_SPECIAL.en}: {en}")
    return REASON_SPECIAL


def _magic(path: Path) -> bool:
    try:
        with open_regular(path) as fh:
            head = fh.read(8)
    except OSError:
        return False
    return head.startswith(_MAGIC)
