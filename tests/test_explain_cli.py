"""`qmo explain`: text and JSON output, timelines, usage errors, help."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qmo_excel.cli import main
from qmo_excel.cli.explain_cmd import explain_cmd
from qmo_excel.judge import explain

TARGET_KEYS = {"text", "kind", "low", "high", "unit", "direction", "confidence", "parts", "notes"}
RESULT_KEYS = {"text", "value", "unit", "percent_of_plan_stated", "approximate", "confidence"}


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["explain", *args])
    return res.exit_code, res.output


def test_command_name() -> None:
    assert explain_cmd.name == "explain"


def test_json_shape_seed_002() -> None:
    code, out = run("trên 95%", "86,2% (không đạt)", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data["target"]) >= TARGET_KEYS
    assert set(data["result"]) >= RESULT_KEYS
    assert data["target"]["kind"] == "more_than"
    assert data["target"]["low"] == 95.0
    assert data["result"]["value"] == 86.2
    assert data["verdict"] == "khong_dat"
    assert round(data["percent_of_plan"], 2) == 90.74


def test_json_without_result() -> None:
    code, out = run("Tập thể Lao động xuất sắc", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["result"] is None
    assert data["verdict"] == "chua_co_so_lieu"
    assert data["target"]["kind"] == "qualitative"


def test_json_composite_parts_have_same_shape() -> None:
    code, out = run(
        "giảm 3% trở lên (còn 7%)",
        "giảm 3,5% (còn 6,5%)",
        "--json",
        "--indicator",
        "Tỷ lệ hộ nghèo",
    )
    data = json.loads(out)
    assert code == 0
    assert [p["kind"] for p in data["target"]["parts"]] == ["decrease_by", "at_most"]
    for p in data["target"]["parts"]:
        assert set(p) >= TARGET_KEYS
    assert data["verdict"] == "vuot"


def test_explain_function_matches_cli() -> None:
    _code, out = run("100%", "162/168", "--json")
    assert json.loads(out) == explain("100%", "162/168")


@pytest.mark.parametrize(
    ("args", "verdict"),
    [
        (["0,9 %", "1,1%", "--indicator", "Tỷ lệ hộ nghèo"], "khong_dat"),
        (["0,9 %", "1,1%", "--direction", "Càng cao càng tốt"], "vuot"),
        (["1.100 tỷ đồng", "650 tỷ đồng", "--period", "6 tháng"], "dang_thuc_hien"),
        (["1.100 tỷ đồng", "650 tỷ đồng", "--period", "h1"], "dang_thuc_hien"),
        (["1.100 tỷ đồng", "650 tỷ đồng"], "khong_dat"),
        (["95%", "95%", "--direction", "lower_is_better"], "dat"),
    ],
)
def test_options(args: list[str], verdict: str) -> None:
    code, out = run(*args, "--json")
    assert code == 0
    assert json.loads(out)["verdict"] == verdict


def test_text_vietnamese_and_english() -> None:
    code, out = run("trên 95%", "86,2%")
    assert code == 0
    assert "Chỉ tiêu" in out and "Không đạt" in out and "Càng cao càng tốt" in out
    code, out = run("trên 95%", "86,2%", "--lang", "en")
    assert code == 0
    assert "Target" in out and "Not achieved" in out and "Higher is better" in out


def test_timeline_json() -> None:
    code, out = run("--timeline", "Trước 15/6 và trước 30/11 hằng năm", "--year", "2023", "--json")
    assert code == 0
    assert json.loads(out) == {
        "text": "Trước 15/6 và trước 30/11 hằng năm",
        "kind": "dates",
        "due": ["2023-06-15", "2023-11-30"],
        "start": "2023-06-15",
        "end": "2023-11-30",
        "recurrence": "yearly",
        "notes": [],
    }


def test_timeline_text() -> None:
    code, out = run("--timeline", "Quý I/2021", "--year", "2021")
    assert code == 0
    assert "2021-03-31" in out and "khoảng thời gian" in out


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["95%", "--direction", "sideways"],
        ["95%", "--period", "quý 9"],
        ["95%", "--lang", "fr"],
        ["95%", "--timeline", "Quý I"],
        ["95%", "--year", "abc"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _ = run(*args)
    assert code == 2


def test_help_documents_every_option() -> None:
    code, out = run("--help")
    assert code == 0
    for opt in (
        "--indicator",
        "--direction",
        "--period",
        "--year",
        "--timeline",
        "--lang",
        "--json",
    ):
        assert opt in out
    for param in explain_cmd.params:
        if param.param_type_name == "option":
            assert getattr(param, "help", None), param.name
