"""The console speaks UTF-8 whatever the code page, to a terminal or a file (issue 17).

On Windows, ``qmo validate x > out.txt`` wrote the ANSI code page (cp1258, cp1252), which
has no "ệ": every Vietnamese line raised UnicodeEncodeError. Simulated here by running
``qmo`` in a subprocess with its output redirected and the encoding forced.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "returns"
ENCODINGS = {
    "cp1252": {"PYTHONIOENCODING": "cp1252"},  # Windows, English
    "cp1258": {"PYTHONIOENCODING": "cp1258"},  # Windows, Vietnamese
    "ascii": {"PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "LC_ALL": "C"},
}


def qmo(args: list[str], env: dict[str, str], tmp: Path) -> subprocess.CompletedProcess[bytes]:
    out, err = tmp / "out.txt", tmp / "err.txt"
    full = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG")}
    with out.open("wb") as o, err.open("wb") as e:  # redirected to files, as `> out.txt`
        proc = subprocess.run([sys.executable, "-m", "qmo_excel", *args], stdout=o, stderr=e,
                              env={**full, **env}, cwd=tmp, timeout=120, check=False)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out.read_bytes(),
                                       err.read_bytes())


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_validate_redirected_to_a_file_is_utf8(encoding: str, tmp_path: Path) -> None:
    r = qmo(["validate", str(SAMPLES)], ENCODINGS[encoding], tmp_path)
    assert b"Traceback" not in r.stderr, r.stderr.decode("utf-8", "replace")
    assert r.returncode == 1
    text = r.stdout.decode("utf-8")  # strict: the bytes are UTF-8
    assert "CÓ LỖI" in text and "Mục tiêu - Chỉ tiêu" in text and "tệp:" in text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_help_and_messages_on_stderr_are_utf8(encoding: str, tmp_path: Path) -> None:
    r = qmo(["--help"], ENCODINGS[encoding], tmp_path)
    assert r.returncode == 0 and "chạy một kỳ báo cáo" in r.stdout.decode("utf-8")
    (tmp_path / "empty").mkdir()
    r = qmo(["validate", "empty"], ENCODINGS[encoding], tmp_path)
    assert r.returncode == 1
    assert "Không tìm thấy tệp Excel nào" in r.stderr.decode("utf-8")
    r = qmo(["explain", "trên 95%", "86,2%"], ENCODINGS[encoding], tmp_path)
    assert r.returncode == 0 and "Không đạt" in r.stdout.decode("utf-8")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                    reason="the disk takes only valid Unicode names")
def test_a_name_that_is_not_utf8_is_printed_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    # a zip made on Windows (cp1258 names) unpacked on Linux
    (folder / os.fsdecode(b"b\xe1o c\xe1o.txt")).write_bytes(b"not a return")
    r = qmo(["validate", "returns"], ENCODINGS["cp1252"], tmp_path)
    assert b"Traceback" not in r.stderr, r.stderr.decode("utf-8", "replace")
    assert "o c" in r.stdout.decode("utf-8")
