"""The command line speaks the user's language (issue #18): usage errors, help pages and
operating system errors in Vietnamese by default, English with --lang en."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from qmo_excel.cli import main
from qmo_excel.cli.errors import os_error, usage_message

ENGLISH_CLICK = re.compile(r"\b(Usage|Error|Invalid value|Try|Options|does not exist|"
                           r"Show this message)\b")


def _run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.output


@pytest.mark.parametrize("args", [
    ("consolidate", "/khong/co/thu/muc"),
    ("validate", "--format", "xml", "."),
    ("validate",),
    ("nope",),
    ("template", "--lang", "fr"),
    ("consolidate", ".", "--as-of", "31-12-2023"),
])
def test_usage_errors_in_vietnamese(args: tuple[str, ...]) -> None:
    code, out = _run(*args)
    assert code == 2
    assert "Lỗi:" in out and "Cách dùng:" in out
    assert not ENGLISH_CLICK.search(out), out


def test_usage_errors_in_english_on_request() -> None:
    code, out = _run("consolidate", "/khong/co/thu/muc", "--lang", "en")
    assert code == 2 and "Error: Invalid value for 'FOLDER'" in out


@pytest.mark.parametrize("command", ["consolidate", "validate", "template", "init",
                                     "explain"])
def test_every_help_page_is_vietnamese(command: str) -> None:
    code, out = _run(command, "-h")
    assert code == 0
    assert out.startswith("Cách dùng:") and "Tùy chọn:" in out
    assert "Hiện trợ giúp này rồi thoát." in out
    assert not re.search(r"\b(Usage|Options|Show this message|default:)\b", out), out


def test_os_errors_are_said_in_words() -> None:
    busy = PermissionError(errno.EACCES, "Permission denied", "tong-hop-MTCL-2023-nam.xlsx")
    text = os_error(busy, "vi")
    assert "Đóng tệp trong Excel rồi chạy lại" in text and "Errno" not in text
    assert "tong-hop-MTCL-2023-nam.xlsx" in text
    full = OSError(errno.ENOSPC, "No space left on device", "x.xlsx")
    assert "Đĩa đầy" in os_error(full, "vi") and "disk is full" in os_error(full, "en")


def test_a_summary_open_in_excel_is_said_in_words(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a summary left open in Excel cannot be replaced: the run says so."""
    import shutil

    from qmo_excel import fileio

    returns = tmp_path / "returns"
    shutil.copytree(Path(__file__).resolve().parents[1] / "samples" / "returns", returns)

    def locked(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied",
                              str(tmp_path / "out" / "tong-hop-MTCL-2023-nam.xlsx"))

    monkeypatch.setattr(fileio.os, "replace", locked)
    code, out = _run("consolidate", str(returns), "-o", str(tmp_path / "out"), "-q",
                     "--no-feedback")
    assert code == 1
    assert "Đóng tệp trong Excel rồi chạy lại" in out and "Errno" not in out


def test_usage_message_table() -> None:
    assert usage_message("Missing argument 'FOLDER'.", "vi") == "Thiếu tham số FOLDER."
    assert usage_message("No such option: --xyz", "vi") == "Không có tùy chọn --xyz."
    assert usage_message("No such option: --xyz", "en") == "No such option: --xyz"
