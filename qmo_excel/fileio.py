"""Writing outputs safely: every file we write appears whole or not at all."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# Windows refuses to replace a file another program holds open: Excel (the summary of the
# last run, open on the secretary's screen) until it is closed, an antivirus or the
# search indexer for a moment. The moment is waited out; then the error names the
# target, not the temporary file (the command line says "close it in Excel").
_WINDOWS = sys.platform == "win32"
REPLACE_WAITS = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds, on Windows only


def _replace(tmp: str, target: Path) -> None:
    for wait in (*REPLACE_WAITS, None) if _WINDOWS else (None,):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as exc:
            if wait is None:
                raise PermissionError(exc.errno or errno.EACCES, exc.strerror,
                                      str(target)) from exc
            time.sleep(wait)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only on success.

    A run that fails or is killed leaves the previous file at ``path`` intact (and at
    worst a hidden ``.qmo-*`` temporary file, which discovery ignores).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".qmo-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; our outputs are meant to be shared
        _replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def open_regular(path: str | Path) -> BinaryIO:
    """Open a regular file for reading, never blocking: a named pipe, a device or a
    socket put where a file was expected raises ``OSError`` instead of hanging."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "không phải tệp thông thường", str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
