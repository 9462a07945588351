"""Atomic writes on Windows, where a file held open cannot be replaced (issue 17)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qmo_excel import fileio
from qmo_excel.cli.errors import os_error


def test_a_file_held_open_on_windows_is_waited_for_then_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file Excel (or, for a moment, an antivirus) holds:
    the moment is waited out, then the error names the file to close."""
    calls: list[str] = []
    real = os.replace

    def held(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) < 3 or "excel" in str(dst):
            raise PermissionError(13, "The process cannot access the file")
        real(src, dst)

    monkeypatch.setattr(fileio, "_WINDOWS", True)
    monkeypatch.setattr(fileio, "REPLACE_WAITS", (0.0, 0.0, 0.0))
    monkeypatch.setattr(fileio.os, "replace", held)
    with fileio.atomic_path(tmp_path / "antivirus.txt") as tmp:
        tmp.write_text("x")
    assert (tmp_path / "antivirus.txt").read_text() == "x" and len(calls) == 3
    calls.clear()
    with pytest.raises(PermissionError) as err, \
            fileio.atomic_path(tmp_path / "excel.xlsx") as tmp:
        tmp.write_text("x")
    assert len(calls) == 1 + len(fileio.REPLACE_WAITS)
    assert err.value.filename == str(tmp_path / "excel.xlsx")  # the target, not the temp
    assert "Đóng tệp trong Excel" in os_error(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["antivirus.txt"]  # no temp left
    calls.clear()
    monkeypatch.setattr(fileio, "_WINDOWS", False)  # elsewhere: no wait
    with pytest.raises(PermissionError), fileio.atomic_path(tmp_path / "excel.xlsx") as tmp:
        tmp.write_text("x")
    assert len(calls) == 1
