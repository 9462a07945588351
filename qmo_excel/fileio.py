"""Writing outputs safely: every file we write appears whole or not at all."""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".qmo-"
# What mkstemp makes of our prefix and a target's suffix: ".qmo-" + 8 of [a-z0-9_] + suffix
OUR_TEMP = re.compile(r"\.qmo-[a-z0-9_]{8}(\.[A-Za-z0-9]{1,10})?")
STALE_SECONDS = 3600.0  # a temporary file this old belongs to no run still writing
_swept: set[str] = set()


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
    worst a hidden ``.qmo-*`` temporary file, which discovery ignores and which the next
    run that writes into that folder removes once it is stale).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_once(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
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


def sweep_once(folder: Path) -> None:
    """``remove_stale_temps(folder)``, once per folder in this process."""
    key = os.path.abspath(folder)
    if key not in _swept:
        _swept.add(key)
        remove_stale_temps(folder)


def remove_stale_temps(folder: str | Path, *, older_than: float = STALE_SECONDS,
                       now: float | None = None) -> list[Path]:
    """Remove the temporary files an interrupted run of ours left in ``folder``.

    Only ours (named as ``atomic_path`` names them: ``.qmo-`` and 8 characters, then a
    suffix), only regular files (never a link or a folder), only stale ones (not
    modified for ``older_than`` seconds: another run may be writing a fresh one). Returns
    what was removed; anything that cannot be removed is left alone.
    """
    removed: list[Path] = []
    limit = (time.time() if now is None else now) - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not OUR_TEMP.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
