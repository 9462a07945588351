"""`qmo history`: the recorded rounds, the trend of a unit or an indicator (renumbered
indicators followed by their text), and the CSV export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from history_rounds import BUDGET, SPENDING, make_rounds

from qmo_excel.cli import main

AS_OF = {"DOT-2022": "2022-12-20", "DOT-2023-6T": "2023-06-20", "DOT-2023": "2023-12-20"}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rounds")
    make_rounds(root)
    for folder, as_of in AS_OF.items():
        result = CliRunner().invoke(main, ["consolidate", str(root / folder / "returns"),
                                           "--as-of", as_of, "-q", "--no-feedback"])
        assert result.exit_code == 0, result.output
    return root


def history(*args: str) -> str:
    result = CliRunner().invoke(main, ["history", *args])
    assert result.exit_code == 0, result.output
    return result.output


def lines(text: str) -> list[list[str]]:
    return [[c for c in line.split("  ") if c.strip()] for line in text.splitlines()]


def test_the_rounds_are_listed_oldest_first(root: Path) -> None:
    out = lines(history(str(root)))
    assert out[0][:3] == ["Đơn vị tổng hợp", "Kỳ", "Số liệu đến"]
    assert [r[1].strip() for r in out[2:5]] == ["Năm 2022", "6 tháng 2023", "Năm 2023"]
    assert [c.strip() for c in out[4][3:]] == ["4", "8", "6", "75%", "96,2"]
    # a round folder finds the history in the folder above it
    assert history(str(root / "DOT-2023")) == history(str(root))
    assert history(str(root / "lich-su-MTCL.sqlite")) == history(str(root))


def test_the_trend_of_a_unit(root: Path) -> None:
    out = {r[0].strip(): [c.strip() for c in r[1:]] for r in lines(history(str(root),
                                                                            "--unit", "ptckh"))}
    assert out["PTCKH"] == ["Năm 2022", "6 tháng 2023", "Năm 2023"]
    assert out["Xếp loại"] == ["Không hoàn thành", "Hoàn thành (tạm tính)",
                               "Hoàn thành xuất sắc"]
    assert out["Có nguy cơ không đạt"][1] != "0"
    assert out["Đang thực hiện"] == ["0", "3", "0"]
    english = {r[0].strip(): r[1:] for r in lines(history(str(root), "--unit", "PTCKH",
                                                          "--lang", "en"))}
    assert [c.strip() for c in english["Band"]] == ["Not completed",
                                                    "Completed (provisional)", "Excellent"]


def test_the_trend_of_an_indicator_follows_its_renumbering(root: Path) -> None:
    out = history(str(root), "--indicator", "1.1", "--unit", "PTCKH")
    assert SPENDING in out and BUDGET not in out
    rows = {r[3].strip(): [c.strip() for c in r[4:]] for r in lines(out)[2:]}
    assert lines(out)[2][1].strip() == "1.1 (1.2)"
    assert rows["Kết quả"] == ["90%", "40%", "96%"]
    assert rows["Đánh giá"] == ["Không đạt", "Đang thực hiện", "Vượt"]
    by_text = history(str(root), "--indicator", "ngân sách")
    assert BUDGET in by_text and "1.2 (1.1)" in by_text
    every_unit = history(str(root), "--indicator", "2")
    assert {r[0].strip() for r in lines(every_unit)[2:]} == {"PKT", "PTCKH", "VP"}


def test_unknown_unit_or_indicator_or_no_history(root: Path, tmp_path: Path) -> None:
    for args in (["--unit", "XYZ"], ["--indicator", "9.9"]):
        result = CliRunner().invoke(main, ["history", str(root), *args])
        assert result.exit_code == 1
        assert "Không có" in result.output
    result = CliRunner().invoke(main, ["history", str(tmp_path)])
    assert result.exit_code == 1
    assert "Không có tệp lịch sử" in result.output


def test_export_csv_writes_every_table_and_the_pivots(root: Path, tmp_path: Path) -> None:
    out = history(str(root), "--export-csv", str(tmp_path / "csv"))
    assert out.count("Đã ghi:") == 10
    rounds = pd.read_csv(tmp_path / "csv" / "rounds.csv")
    assert list(rounds["period"]) == ["year", "h1", "year"]
    assert "manifest" not in rounds.columns
    inds = pd.read_csv(tmp_path / "csv" / "indicators.csv", dtype={"code": str})
    assert set(inds["period"]) == {"year", "h1"}
    assert len(inds) == 7 + 7 + 8
    scores = pd.read_csv(tmp_path / "csv" / "units_by_round.csv", index_col="code")
    assert list(scores.columns) == ["Năm 2022", "6 tháng 2023", "Năm 2023"]
    assert pd.isna(scores.loc["PNV", "Năm 2022"]) and scores.loc["PNV", "Năm 2023"] == 100.0
    verdicts = pd.read_csv(tmp_path / "csv" / "indicators_by_round.csv",
                           dtype={"code": str}).set_index(["unit_code", "code"])
    assert list(verdicts.loc[("PKT", "2")]) == ["vuot", "vuot", "khong_dat"]
    assert (tmp_path / "csv" / "tasks.csv").read_bytes().startswith(b"\xef\xbb\xbf")
