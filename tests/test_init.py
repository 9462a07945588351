"""`qmo init`: scaffold a round folder, never destroying what is there."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from qmo_excel.cli import main
from qmo_excel.round.reader import example_round, read_round
from qmo_excel.template import TEMPLATE_FILES


def test_init_example(tmp_path: Path) -> None:
    folder = tmp_path / "ky-6-thang"
    result = CliRunner().invoke(main, ["init", "--example", str(folder)])
    assert result.exit_code == 0, result.output
    for sub in ("returns", "output", "templates"):
        assert (folder / sub).is_dir()
    config = read_round(folder / "round.xlsx")
    config.source = None
    assert config == example_round()
    made = sorted(p.name for p in (folder / "templates").iterdir())
    assert len(made) == len(config.register)
    assert "MTCL_2023_6-thang_PTCKH.xlsx" in made
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "qmo template --round round.xlsx" in readme and "returns/" in readme
    assert "Các bước tiếp theo" in readme


def test_init_blank(tmp_path: Path) -> None:
    folder = tmp_path / "ky"
    result = CliRunner().invoke(main, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    assert read_round(folder / "round.xlsx").register == []
    assert [p.name for p in (folder / "templates").iterdir()] == [TEMPLATE_FILES["vi"]]


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    folder = tmp_path / "ky"
    folder.mkdir()
    (folder / "round.xlsx").write_bytes(b"user data")
    result = CliRunner().invoke(main, ["init", "--example", str(folder)])
    assert result.exit_code == 1 and "--force" in result.output
    assert (folder / "round.xlsx").read_bytes() == b"user data"
    forced = CliRunner().invoke(main, ["init", "--force", str(folder)])
    assert forced.exit_code == 1 and "không phải bảng tính" in forced.output
    assert (folder / "round.xlsx").read_bytes() == b"user data"


def test_init_force_keeps_existing_files(tmp_path: Path) -> None:
    folder = tmp_path / "ky"
    assert CliRunner().invoke(main, ["init", "--example", str(folder)]).exit_code == 0
    kept = folder / "templates" / "MTCL_2023_6-thang_VP.xlsx"
    kept.write_bytes(b"edited by hand")
    (folder / "templates" / "MTCL_2023_6-thang_PKT.xlsx").unlink()
    (folder / "README.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "--force", str(folder)])
    assert result.exit_code == 0, result.output
    assert kept.read_bytes() == b"edited by hand"
    assert (folder / "README.txt").read_text(encoding="utf-8") == "mine"
    assert (folder / "templates" / "MTCL_2023_6-thang_PKT.xlsx").exists()
    assert "giữ nguyên" in result.output and "tạo mới" in result.output


def test_init_on_a_file_fails(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    result = CliRunner().invoke(main, ["init", str(f)])
    assert result.exit_code != 0
