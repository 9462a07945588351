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


# --------------------------------------------------------------------------- issue 15

_CODES = ["at_least", "more_than", "at_most", "less_than", "range", "exact", "ratio",
          "decrease_by", "increase_by", "qualitative", "composite", "unknown", "plan",
          "higher_is_better", "lower_is_better", "level", "cumulative", "vuot", "dat",
          "khong_dat", "dang_thuc_hien", "chua_co_so_lieu", "khong_xac_dinh", "dung_tien_do",
          "cham_tien_do", "nguy_co", "share_of_plan", "margin", "subcounts", "negation",
          "sign", "value", "change", "word", "certain", "likely", "uncertain", "h1", "m9",
          "dates", "interval", "recurring", "yearly", "quarterly"]


@pytest.mark.parametrize("args", [
    ["Kế hoạch",
     "ước đạt 285 tỷ đồng, đạt 60% kế hoạch tỉnh giao, đạt 58% kế hoạch HĐND huyện giao",
     "--period", "6 tháng", "--indicator", "Thu ngân sách"],
    ["trên 95%", "86,2%", "--period", "h1", "--indicator", "Tỷ lệ hồ sơ đúng hạn"],
    ["Kế hoạch", "14/15 chỉ tiêu đạt và vượt", "--indicator", "Các chỉ tiêu kinh tế - xã hội"],
    ["Kế hoạch", "vượt 4% kế hoạch"],
    ["7-8%", "(-3,5%)", "--indicator", "Tăng trưởng GRDP"],
    ["trước hạn 40%, đúng hạn 60%", "trước hạn 45%, đúng hạn 55%"],
    ["--timeline", "Định kỳ hàng quý", "--year", "2023"],
    ["--timeline", "Trước 15/6 và trước 30/11 hằng năm", "--year", "2023"],
])
def test_explain_shows_no_internal_codes(args: list[str]) -> None:
    for lang in ("vi", "en"):
        code, out = run(*args, "--lang", lang)
        assert code == 0
        for c in _CODES:
            # (in English "certain", "range", "yearly"… are the words themselves)
            raw = lang == "vi" or "_" in c or c in ("vuot", "dat", "h1", "m9", "dates")
            assert f"({c})" not in out and not (raw and f": {c}\n" in out), (c, out)


def test_explain_shows_each_step_of_a_part_year_share() -> None:
    args = ["Kế hoạch", "đạt 54,7% kế hoạch", "--period", "6 tháng", "--indicator",
            "Thu ngân sách nhà nước"]
    _, vi = run(*args)
    for line in ('Chỉ tiêu: "Kế hoạch"', "Dạng: chính kế hoạch được giao",
                 "Loại chỉ tiêu: cộng dồn trong năm", 'Kết quả: "đạt 54,7% kế hoạch"',
                 '% kế hoạch đã ghi: 54,7% (so với "kế hoạch")',
                 "Kỳ báo cáo: 6 tháng (đã qua 50% thời gian của năm)",
                 "Căn cứ đánh giá: Tỷ lệ % kế hoạch ghi trong kết quả", "% kế hoạch: 54,7%",
                 "Đánh giá: Đang thực hiện", "Tiến độ: Đúng tiến độ"):
        assert line in vi, (line, vi)
    _, en = run(*args, "--lang", "en")
    for line in ("Kind: the assigned plan itself", "Measure: cumulative over the year",
                 "Reporting period: Half year (50% of the year elapsed)",
                 "Decided by: The share of plan the result states", "% of plan: 54.7%",
                 "Verdict: In progress", "Progress: On track"):
        assert line in en, (line, en)
    data = json.loads(run(*args, "--json")[1])
    assert (data["verdict"], data["progress"], data["basis"], data["elapsed"],
            data["period_code"]) == ("dang_thuc_hien", "dung_tien_do", "share_of_plan", 50.0,
                                     "h1")


def test_explain_shows_a_level_at_risk_and_subcounts() -> None:
    _, vi = run("trên 95%", "86,2%", "--period", "h1", "--indicator", "Tỷ lệ hồ sơ đúng hạn")
    assert "Tiến độ: Có nguy cơ không đạt" in vi and "Loại chỉ tiêu: mức" in vi
    _, en = run("trên 95%", "86,2%", "--period", "h1", "--lang", "en")
    assert "Progress: At risk of not being achieved" in en
    _, vi = run("Kế hoạch", "có 14 chỉ tiêu vượt, 12 chỉ tiêu đạt, 1 chỉ tiêu không đạt",
                "--indicator", "Các chỉ tiêu kinh tế - xã hội")
    assert "Chỉ tiêu thành phần: 26/27 đạt; 1 chưa đạt; 14 vượt" in vi
    assert "Căn cứ đánh giá: Số chỉ tiêu thành phần đạt/không đạt" in vi
    assert "Đánh giá: Không đạt" in vi
