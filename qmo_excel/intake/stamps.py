"""Our own workbooks, recognised by their stamp and never taken for a unit's return.

Everything ``qmo`` writes carries a stamp: the unit template and the round workbook their
hidden ``_qmo`` sheet (template id, version, kind of workbook), the summary and the
feedback copies a custom document property (``qmo-workbook``: "summary", "feedback").
In a folder of returns:

- a summary is ignored ("sổ tổng hợp của qmo");
- a feedback copy as we wrote it (its "modified" date still its "created" date: nobody
  saved it since) is ignored ("tệp góp ý"); one the unit corrected and saved is a return;
- a template with nothing filled in (no result, no self-assessment, no task status, no
  report date, no preparer) is ignored ("mẫu chưa điền").
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from qmo_excel import spec
from qmo_excel.model import UnitReturn
from qmo_excel.vocab import Words

STAMP_PROPERTY = "qmo-workbook"
MAX_PROPS = 1_000_000  # bytes of docProps we agree to read

# openpyxl writes the value's namespace on the element itself when lxml is installed
# (``<vt:lpwstr xmlns:vt="…">``), on the root without it: both are read.
_PROP = re.compile(rb"<(?:\w+:)?property\b[^>]*\bname=\"" + STAMP_PROPERTY.encode() +
                   rb"\"[^>]*>\s*<(?:\w+:)?lpwstr\b[^>]*>([^<]{0,40})<", re.DOTALL)
_CREATED = re.compile(rb"<(?:\w+:)?created\b[^>]*>([^<]{0,40})<")
_MODIFIED = re.compile(rb"<(?:\w+:)?modified\b[^>]*>([^<]{0,40})<")

REASONS = {
    "summary": Words("Sổ tổng hợp do qmo tạo, không phải báo cáo của đơn vị",
                     "A summary workbook made by qmo, not a unit's return"),
    "feedback": Words("Tệp góp ý do qmo tạo gửi đơn vị (chưa được sửa), không phải báo cáo "
                      "của đơn vị", "A feedback workbook made by qmo for a unit (not edited "
                      "since), not a unit's return"),
    "unfilled": Words("Mẫu báo cáo chưa điền (chưa có kết quả, tự đánh giá, ngày báo cáo "
                      "hay người lập nào)", "An unfilled template (no result, "
                      "self-assessment, report date or preparer yet)"),
}


class OwnWorkbook(Exception):
    """The file is one of ours, not a return: ``kind`` is a key of ``REASONS``."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def _part(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > MAX_PROPS:
        return b""
    return zf.read(info)


def stamped_feedback(path: Path) -> bool:
    """Whether a file is a feedback workbook we wrote (saved again since, or not)."""
    try:
        with zipfile.ZipFile(path) as zf:
            found = _PROP.search(_part(zf, "docProps/custom.xml"))
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        return False
    return found is not None and found.group(1).strip() == b"feedback"


def package_stamp(data: bytes) -> str:
    """The kind of our workbook an OOXML package is, "" when none: a feedback copy that
    was saved again after we wrote it (corrected by the unit) is no longer ours."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            found = _PROP.search(_part(zf, "docProps/custom.xml"))
            if not found:
                return ""
            kind = found.group(1).decode("ascii", "replace").strip()
            if kind == "feedback":
                core = _part(zf, "docProps/core.xml")
                created, modified = _CREATED.search(core), _MODIFIED.search(core)
                if not (created and modified and created.group(1) == modified.group(1)):
                    return ""
            return kind if kind in REASONS else ""
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        return ""


def is_unfilled(ret: UnitReturn) -> bool:
    """A template of ours in which the unit has filled in nothing yet."""
    if ret.template_id != spec.TEMPLATE_ID:
        return False
    if any(ret.info.get(k) not in (None, "") for k in ("report_date", "preparer")):
        return False
    if any(row.text(k) for row in ret.objectives for k in ("result", "self_assessment")):
        return False
    return not any(row.text(k) for row in ret.tasks for k in ("status", "completed_on"))
