"""Output names safe on Windows and unique within a run (issue 17, and item 5 of its
hostile files: feedback names that collided and overwrote each other)."""

from __future__ import annotations

import os
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qmo_excel.cli import main
from qmo_excel.jobs.consolidate import consolidate
from qmo_excel.names import (
    MAX_BYTES,
    MAX_CHARS,
    UniqueNames,
    feedback_file_name,
    name_key,
    safe_name,
)

DEVICES = ["CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
           *(f"LPT{i}" for i in range(1, 10)), "COM¹", "LPT³", "CONIN$"]
FORBIDDEN = '<>:"/\\|?*'


def windows_accepts(name: str) -> bool:
    """Windows' rules for one name in a folder (as documented for CreateFile)."""
    return (not any(c in FORBIDDEN or ord(c) < 32 for c in name)
            and not name.endswith((".", " ")) and name.strip(" ") != ""
            and name.split(".")[0].rstrip(" ").upper() not in DEVICES)


def utf8_bytes(name: str) -> int:
    return max(len(unicodedata.normalize(f, name).encode("utf-8", "surrogatepass"))
               for f in ("NFC", "NFD"))


@pytest.mark.parametrize("device", DEVICES)
def test_reserved_device_names_are_not_written(device: str) -> None:
    for text in (device, device.lower(), f"{device}.tar", f"{device} ", f"{device}  .x"):
        name = safe_name(text, ".xlsx")
        assert windows_accepts(name), name
        assert name.endswith(".xlsx") and name.casefold().startswith(device.casefold())
    assert safe_name(f"{device}x", ".xlsx") == f"{device}x.xlsx"  # only the whole word


def test_forbidden_and_invisible_characters() -> None:
    assert safe_name('a<b>:c"d/e\\f|g?h*i', ".xlsx") == "a b c d e f g h i.xlsx"
    assert safe_name("tab\there\nnew\x00line\x7f", ".xlsx") == "tab here new line.xlsx"
    assert safe_name("  .hidden. . ", ".xlsx") == "hidden.xlsx"
    assert safe_name("exe\u202excod", ".xlsx") == "exexcod.xlsx"  # no right-to-left trick
    assert safe_name("b\udce1o c\udce1o", ".xlsx") == "b\ufffdo c\ufffdo.xlsx"
    assert safe_name("\ufffe\uffff", ".xlsx") == "_.xlsx"
    assert safe_name("", ".xlsx", fallback="tep") == "tep.xlsx"


def test_long_names_are_cut_within_characters_and_bytes() -> None:
    for text in ("x" * 300, "Phường Hương Xuân " * 30, "ệ" * 300,
                 unicodedata.normalize("NFD", "Ủy ban nhân dân " * 20)):
        name = safe_name(text, ".xlsx")
        assert len(name) <= MAX_CHARS and utf8_bytes(name) <= MAX_BYTES
        assert unicodedata.is_normalized("NFC", name) and windows_accepts(name)
        assert name.endswith(".xlsx") and not name[:-5].endswith((" ", "."))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=160), min_size=1, max_size=8))
def test_any_texts_give_safe_unique_deterministic_names(texts: list[str]) -> None:
    names = UniqueNames()
    got = [names.take(t, ".xlsx") for t in texts]
    again = UniqueNames()
    assert [again.take(t, ".xlsx") for t in texts] == got
    assert len({name_key(n) for n in got}) == len(got)
    for n in got:
        assert windows_accepts(n) and n.endswith(".xlsx"), n
        assert len(n) <= MAX_CHARS and utf8_bytes(n) <= MAX_BYTES
        assert unicodedata.is_normalized("NFC", n)


def test_names_unique_without_case_and_after_nfc() -> None:
    names = UniqueNames()
    got = [names.take(t, ".xlsx") for t in ("Báo cáo", "BÁO CÁO",
                                            unicodedata.normalize("NFD", "báo cáo"),
                                            "Báo cáo (2)", "x" * 200, "x" * 201)]
    assert got[:4] == ["Báo cáo.xlsx", "BÁO CÁO (2).xlsx", "báo cáo (3).xlsx",
                       "Báo cáo (2) (2).xlsx"]
    assert got[4] != got[5] and got[5].endswith(" (2).xlsx") and len(got[5]) == MAX_CHARS


def test_feedback_names_of_one_run() -> None:
    names = UniqueNames()
    got = [feedback_file_name(rel, code, "vi", names) for rel, code in (
        ("same.xls", ""), ("same.xlsx", ""), ("sub/b.xlsx", "PKT"), ("sub - b.xlsx", "PKT"),
        ("a/" + "x" * 150 + "1.xlsx", ""), ("a/" + "x" * 150 + "2.xlsx", ""))]
    assert got[:4] == ["Góp ý - same.xlsx", "Góp ý - same (2).xlsx",
                       "Góp ý PKT - sub - b.xlsx", "Góp ý PKT - sub - b (2).xlsx"]
    assert got[5] == got[4][:-len(" (2).xlsx")] + " (2).xlsx" and len(got[5]) == MAX_CHARS
    assert feedback_file_name("x.xlsx", "P1", "en") == "Feedback P1 - x.xlsx"


def _colliding_folder(tmp: Path) -> Path:
    """Returns whose feedback names collided (each rejected: a feedback list each)."""
    d = tmp / "returns"
    (d / "sub").mkdir(parents=True)
    junk = b"PK\x03\x04 not really a zip"
    names = ["same.xls", "same.xlsx", "sub/b.xlsx", "sub - b.xlsx",
             "Báo cáo.xlsx", "BÁO CÁO.xlsx", "CON.xlsx",
             "Phường Hương Xuân " * 8 + "a.xlsx", "Phường Hương Xuân " * 8 + "b.xlsx"]
    if sys.platform not in ("darwin", "win32"):  # disks that keep NFC and NFD apart
        names.append(unicodedata.normalize("NFD", "Báo cáo.xlsx"))
    for i, n in enumerate(names):
        (d / n).write_bytes(junk + bytes([i]))
    return d


def test_every_feedback_of_a_run_is_on_disk_under_its_own_name(tmp_path: Path) -> None:
    folder = _colliding_folder(tmp_path)
    n_files = sum(len(f) for _, _, f in os.walk(folder))
    out = consolidate(folder, out_dir=tmp_path / "out", as_of=date(2023, 12, 20), jobs=2)
    on_disk = sorted(p.name for p in (tmp_path / "out" / "gop-y").iterdir())
    assert len(out.feedback) == len(on_disk) == n_files
    assert sorted(p.name for p in out.feedback) == on_disk
    assert len({name_key(n) for n in on_disk}) == n_files  # distinct on Windows too
    assert all(windows_accepts(n) and len(n) <= MAX_CHARS for n in on_disk)
    # the same folder again: the same names, written over
    again = consolidate(folder, out_dir=tmp_path / "out", as_of=date(2023, 12, 20), jobs=2)
    assert [p.name for p in again.feedback] == [p.name for p in out.feedback]
    assert sorted(p.name for p in (tmp_path / "out" / "gop-y").iterdir()) == on_disk
    r = CliRunner().invoke(main, ["consolidate", str(folder), "-o", str(tmp_path / "o2"),
                                  "--as-of", "2023-12-20"])
    assert f"Tệp góp ý: {n_files} " in r.output
    assert len(list((tmp_path / "o2" / "gop-y").iterdir())) == n_files


def test_validate_feedback_names_are_unique_too(tmp_path: Path) -> None:
    folder = _colliding_folder(tmp_path)
    n_files = sum(len(f) for _, _, f in os.walk(folder))
    r = CliRunner().invoke(main, ["validate", str(folder), "--feedback",
                                  str(tmp_path / "fb")])
    assert r.exit_code == 1
    assert len(list((tmp_path / "fb").iterdir())) == n_files
    assert f"Đã ghi {n_files} tệp góp ý" in r.output
