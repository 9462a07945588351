"""Phrasing families beyond the seeds: verdicts and honest confidence."""

from __future__ import annotations

import pytest

from qmo_excel.judge import judge, read_result, read_target

# (target, result, indicator, verdict, percent_of_plan rounded to 0.1, confidence)
CASES = [
    ("100%", "100% (450/450 hồ sơ)", "", "dat", 100.0, "likely"),
    ("100%", "450/450 hồ sơ", "", "dat", 100.0, "certain"),
    ("trên 95%", "98,5% (1.234/1.253 hồ sơ)", "", "vuot", 103.7, "likely"),
    ("100%", "Đạt 100%", "", "dat", 100.0, "certain"),
    ("100%", "Đã hoàn thành", "", "dat", None, "likely"),
    ("100%", "Hoàn thành 95%", "", "khong_dat", 95.0, "certain"),
    ("0% hồ sơ trễ hạn", "0 hồ sơ trễ hạn", "", "dat", 100.0, "certain"),
    ("0% hồ sơ trễ hạn", "Không có hồ sơ trễ hạn", "", "dat", 100.0, "likely"),
    # (issue 15: "không để xảy ra" is a ceiling of 0, so "none happened" is 100% of plan)
    ("Không để xảy ra sai sót", "Không để xảy ra sai sót", "", "dat", 100.0, "likely"),
    ("1.100 tỷ đồng", "1.250,5 tỷ đồng, đạt 113,7% kế hoạch", "", "vuot", 113.7, "certain"),
    ("1.100 tỷ đồng", "Đạt 1.250 tỷ đồng, bằng 113,6% KH", "", "vuot", 113.6, "certain"),
    ("Tỷ lệ hộ nghèo còn dưới 2%", "1,8%", "", "vuot", 111.1, "likely"),
    (
        "Số vụ tai nạn giao thông giảm 5% so với năm trước",
        "giảm 7 vụ (giảm 10%)",
        "",
        "vuot",
        200.0,
        "likely",
    ),
    ("ít nhất 2 lần/năm", "01 lần", "", "khong_dat", 50.0, "certain"),
    ("trên 95%", "Đạt", "", "dat", None, "likely"),
    ("900 lao động", "1.020 lao động, đạt 113% KH", "", "vuot", 113.3, "certain"),
    ("46 – 48 triệu đồng/người/năm", "47,5 triệu đồng", "", "dat", 103.3, "certain"),
    ("Giảm tỷ lệ người sinh con thứ 3 trở lên", "Đã giảm", "", "dat", None, "likely"),
    ("Giảm tỷ lệ người sinh con thứ 3 trở lên", "tăng 0,3%", "", "khong_dat", None, "likely"),
    ("Giảm tỷ lệ người sinh con thứ 3 trở lên", "5,2%", "", "khong_xac_dinh", None, "uncertain"),
    ("trước hạn 40%, đúng hạn 60%", "100% đúng và trước hạn", "", "vuot", 250.0, "uncertain"),
    ("trước hạn 40%, đúng hạn 60%", "trước hạn 52%", "", "vuot", 130.0, "likely"),
    ("Đạt 85/100 điểm trở lên", "88 điểm", "", "vuot", 103.5, "certain"),
    ("Dưới 5 hồ sơ trễ hạn/năm", "3 hồ sơ", "", "vuot", 166.7, "likely"),
    ("Tỷ lệ giảm nghèo 1,5%", "1,7%", "", "vuot", 113.3, "likely"),
    ("95", "96", "Tỷ lệ hồ sơ đúng hạn", "vuot", 101.1, "likely"),
    ("tăng bình quân 8-10%/năm", "tăng 9,2%", "", "dat", 115.0, "certain"),
    ("Tập thể Lao động xuất sắc", "Đề nghị công nhận", "", "khong_xac_dinh", None, "uncertain"),
    ("9/10 TDP giữ vững danh hiệu Tổ dân phố văn hoá", "10 TDP", "", "vuot", 111.1, "certain"),
    (
        "9/10 TDP giữ vững danh hiệu Tổ dân phố văn hoá",
        "8/10 TDP",
        "",
        "khong_dat",
        88.9,
        "certain",
    ),
    ("Xếp loại Tốt", "Xếp loại Tốt", "", "dat", None, "uncertain"),
]


@pytest.mark.parametrize(
    ("target", "result", "indicator", "verdict", "pct", "confidence"),
    CASES,
    ids=[f"{c[0][:25]}|{c[1][:25]}" for c in CASES],
)
def test_family(
    target: str, result: str, indicator: str, verdict: str, pct: float | None, confidence: str
) -> None:
    t = read_target(target, indicator=indicator)
    j = judge(t, read_result(result, t))
    got = None if j.percent_of_plan is None else round(j.percent_of_plan, 1)
    assert (j.verdict, got, j.confidence) == (verdict, pct, confidence)


def test_date_cells_cannot_be_judged() -> None:
    import datetime

    t = read_target("95%")
    j = judge(t, read_result(datetime.date(2023, 1, 1), t))
    assert (j.verdict, j.confidence) == ("khong_xac_dinh", "uncertain")
    assert read_target(datetime.date(2023, 1, 1)).kind == "unknown"


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Quý I", "q1"),
        ("quý 2", "q2"),
        ("6 tháng", "h1"),
        ("Half year", "h1"),
        ("Quý III", "q3"),
        ("9 tháng", "m9"),
        ("Quý IV", "q4"),
        ("Năm", "year"),
        ("year", "year"),
    ],
)
def test_period_labels(label: str, code: str) -> None:
    from qmo_excel.judge import parse_period

    assert parse_period(label) == code


@pytest.mark.parametrize(
    ("label", "direction"),
    [
        ("Càng cao càng tốt", "higher_is_better"),
        ("Càng thấp càng tốt", "lower_is_better"),
        ("Higher is better", "higher_is_better"),
        ("lower_is_better", "lower_is_better"),
    ],
)
def test_explicit_direction_labels_win(label: str, direction: str) -> None:
    assert read_target("0,9 %", indicator="Tỷ lệ hộ nghèo", direction=label).direction == direction


def test_unknown_labels_are_noted_not_fatal() -> None:
    t = read_target("95%", direction="sideways")
    assert t.direction == "higher_is_better" and t.notes
    j = judge(t, read_result("96%", t), period="quý 9")
    assert j.verdict == "vuot" and any("kỳ báo cáo" in n for n in j.notes)
