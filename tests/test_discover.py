"""discover: what is a candidate, what is ignored and why; order and symlinks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qmo_excel.intake.discover import discover


def _touch(p: Path, data: bytes = b"x") -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def test_kinds_and_order(tmp_path: Path) -> None:
    for name in ["b.xlsx", "a.XLS", "sub/c.xlsm", "sub/deeper/d.ods", "e.csv", "f.xlsb",
                 "~$b.xlsx", ".~lock.b.xlsx#", ".DS_Store", "Thumbs.db", "desktop.ini",
                 "note.pdf", "scan.JPG", "x.docx", "y.zip", "z.txt"]:
        _touch(tmp_path / name)
    _touch(tmp_path / "noext", b"PK\x03\x04rest")
    _touch(tmp_path / "ole.dat", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")
    _touch(tmp_path / "plain.dat", b"hello")
    got = {c.rel: c for c in discover([tmp_path])}
    assert list(got) == sorted(got)
    spreadsheets = {r for r, c in got.items() if c.kind == "spreadsheet"}
    assert spreadsheets == {"a.XLS", "b.xlsx", "e.csv", "f.xlsb", "noext", "ole.dat",
                            "sub/c.xlsm", "sub/deeper/d.ods"}
    assert got["~$b.xlsx"].reason.startswith("Tệp khóa tạm của Excel")
    assert got[".~lock.b.xlsx#"].reason.startswith("Tệp khóa tạm")
    assert got["note.pdf"].reason.startswith("Không phải tệp bảng tính")
    assert got["y.zip"].kind == "ignored" and "giải nén" in got["y.zip"].reason
    for r in (".DS_Store", "Thumbs.db", "desktop.ini", "plain.dat", "scan.JPG"):
        assert got[r].kind == "ignored" and got[r].reason
    assert all(c.reason == "" for c in got.values() if c.kind == "spreadsheet")


def test_file_arguments_use_their_name(tmp_path: Path) -> None:
    f = _touch(tmp_path / "dir" / "r.xlsx")
    got = discover([f, str(tmp_path / "dir")])
    assert [(c.rel, c.kind) for c in got] == [("r.xlsx", "spreadsheet")]


def test_symlinks_not_followed_out_of_the_folder(tmp_path: Path) -> None:
    outside = _touch(tmp_path / "outside" / "secret.xlsx")
    root = tmp_path / "in"
    _touch(root / "real.xlsx")
    os.symlink(outside, root / "link.xlsx")
    os.symlink(root / "real.xlsx", root / "inner.xlsx")
    os.symlink(tmp_path / "outside", root / "dirlink")
    got = {c.rel: c for c in discover([root])}
    assert got["link.xlsx"].kind == "ignored"
    assert got["inner.xlsx"].kind == "spreadsheet"
    assert got["dirlink"].kind == "ignored"
    assert not any("secret" in r for r in got)


def test_unreadable_dir_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path / "ok.xlsx")
    real_walk = os.walk

    def walk(top: object, onerror: object = None, followlinks: bool = False) -> object:
        assert callable(onerror)
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        return real_walk(top, followlinks=followlinks)  # type: ignore[type-var]

    monkeypatch.setattr(os, "walk", walk)
    got = {c.rel: c for c in discover([tmp_path])}
    assert got["locked/"].kind == "ignored"
    assert got["ok.xlsx"].kind == "spreadsheet"
