"""Same inputs, same bytes: a Word package with nothing that depends on when or where it
was written.

python-docx stamps each zip entry with the time of saving; the core properties' dates
are set by the report from the round (``content``). ``normalised`` rewrites the package
with every entry at one fixed time, in the order written, with fixed permissions.
"""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def normalised(data: bytes) -> bytes:
    """The package ``data`` with fixed entry times and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
