"""The console in UTF-8, whatever the code page (issue 17)."""

from __future__ import annotations

import contextlib
import sys


def utf8_console() -> None:
    """Write UTF-8 to the screen and to files alike, whatever the code page.

    Redirected on Windows (``qmo validate x > out.txt``), Python writes the ANSI code
    page (cp1258, cp1252), which has no "ệ": every Vietnamese message would raise
    ``UnicodeEncodeError``. What cannot be encoded at all (a file name that was not
    valid UTF-8) is replaced rather than raised.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):  # a stream that cannot be changed
                reconfigure(encoding="utf-8", errors="replace")
