"""Atomic writes on Windows, where a file held open cannot be replaced (issue 17)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qmo_excel import fileio


def test_a_file_held_open_on_windows_is_waited_for_then_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file Excel (or, for a moment, an antivirus) holds."""
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
    with pytest.raises(PermissionError, match="Excel") as err, \
            fileio.atomic_path(tmp_path / "excel.xlsx") as tmp:
        tmp.write_text("x")
    assert err.value.filename == str(tmp_path / "excel.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["antivirus.txt"]  # no temp left
    monkeypatch.setattr(fileio, "_WINDOWS", False)  # elsewhere: no wait, as raised
    with pytest.raises(PermissionError, match="cannot access"), \
            fileio.atomic_path(tmp_path / "excel.xlsx") as tmp:
        tmp.write_text("x")
