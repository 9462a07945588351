"""Files Excel opens without asking for a password: encrypted with its default one.

Excel encrypts some workbooks with the built-in password "VelvetSweatshop" (a protected
.xls workbook structure, some exports) and opens them without a prompt, so the unit never
knew there was a password. msoffcrypto-tool (a well-kept library that implements the
Office encryption specifications: RC4, RC4 CryptoAPI, ECMA-376 standard and agile) tries
that password; a file protected with a real password stays encrypted and is reported as
such. Runs inside the isolated reading worker, like every parser of untrusted bytes.
"""

from __future__ import annotations

import io

import msoffcrypto
from msoffcrypto.exceptions import FileFormatError, InvalidKeyError

DEFAULT_PASSWORD = "VelvetSweatshop"
MAX_PLAIN = 300_000_000  # bytes; a larger "decrypted" package is refused like a zip bomb


def decrypt_default(data: bytes) -> bytes | None:
    """The plain bytes of a file encrypted with Excel's default password, else None
    (not encrypted, a real password, or a file the library cannot make sense of)."""
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        if not office.is_encrypted():
            return None
        office.load_key(password=DEFAULT_PASSWORD)
        out = _BoundedBuffer()
        office.decrypt(out)
        return out.getvalue()
    except (InvalidKeyError, FileFormatError, _TooLarge):
        return None
    except Exception:  # damaged OLE streams raise many kinds of errors
        return None


class _TooLarge(Exception):
    pass


class _BoundedBuffer(io.BytesIO):
    def write(self, b: bytes) -> int:  # type: ignore[override]
        if self.tell() + len(b) > MAX_PLAIN:
            raise _TooLarge
        return super().write(b)
