"""Normalising text and reading Vietnamese numbers, with property-based round trips."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qmo_excel.judge import format_number_vi, normalize, parse_number, read_result, read_target
from qmo_excel.judge.numbers import scan


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tỷ lệ ngƣời dân", "Tỷ lệ người dân"),
        ("NGƢỜI", "NGƯỜI"),
        ("14,5\u00a0–\u00a015%", "14,5 - 15%"),
        ("a — b", "a - b"),
        ("  nhiều    khoảng\ttrắng \n dòng ", "nhiều khoảng trắng dòng"),
        (unicodedata.normalize("NFD", "Hoà bình dưới"), "Hòa bình dưới"),
        ("khoẻ, thuý, quý", "khỏe, thúy, quý"),
        (">= 95%", "≥ 95%"),
        ("<= 2%", "≤ 2%"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("14÷15%", "14-15%"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "value", "ambiguous"),
    [
        ("1.100", 1100.0, False),
        ("99,9", 99.9, False),
        ("1.246,695", 1246.695, False),
        ("1,246.695", 1246.695, False),
        ("1.100.000", 1100000.0, False),
        ("01", 1.0, False),
        ("07", 7.0, False),
        ("0,8", 0.8, False),
        ("3,0", 3.0, False),
        ("99.5", 99.5, False),
        ("0,125", 0.125, False),
        ("87,030", 87.03, True),
        ("2,390", 2.39, True),
    ],
)
def test_parse_number(raw: str, value: float, ambiguous: bool) -> None:
    p = parse_number(raw)
    assert p.value == pytest.approx(value)
    assert p.ambiguous is ambiguous


def test_parse_number_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        parse_number("1.2.3")
    with pytest.raises(ValueError):
        parse_number("abc")


@pytest.mark.parametrize(
    ("text", "values", "percent", "scale", "noise"),
    [
        ("8 triệu lượt", [8.0], [False], ["triệu"], [""]),
        ("95 %", [95.0], [True], [""], [""]),
        ("trẻ em dưới 5 tuổi", [5.0], [False], [""], ["age"]),
        ("sinh con thứ 3 trở lên", [3.0], [False], [""], ["ordinal"]),
        ("mức độ 3, 4", [3.0, 4.0], [False, False], ["", ""], ["level", "level"]),
        ("giường bệnh/trên 10.000 dân", [10000.0], [False], [""], ["per"]),
        ("TCVN ISO 9001:2015", [9001.0, 2015.0], [False, False], ["", ""], ["standard", "year"]),
        ("so với năm 2022", [2022.0], [False], [""], ["year"]),
        ("Nghị định 61/2018/NĐ-CP", [61.0, 2018.0], [False, False], ["", ""], ["ref", "year"]),
    ],
)
def test_scan_context(
    text: str, values: list[float], percent: list[bool], scale: list[str], noise: list[str]
) -> None:
    nums = scan(text)
    assert [n.value for n in nums] == values
    assert [n.percent for n in nums] == percent
    assert [n.scale for n in nums] == scale
    assert [n.noise for n in nums] == noise


def test_scan_ratio() -> None:
    (n,) = scan("162/168")
    assert (n.value, n.denominator) == (162.0, 168.0)
    assert n.ratio_percent == pytest.approx(96.428, abs=1e-3)


# --------------------------------------------------------------------------- properties


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(n: int) -> None:
    assert parse_number(format_number_vi(n)).value == n


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([1, 2]),
)
def test_decimals_round_trip(d: object, places: int) -> None:
    value = round(float(str(d)), places)
    text = format_number_vi(value, places)
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(value, rel=1e-12, abs=1e-9)
    assert not parsed.ambiguous


@given(st.floats(min_value=0, max_value=10**6, allow_nan=False, allow_infinity=False))
def test_three_decimals_read_back_and_flag_only_when_ambiguous(x: float) -> None:
    value = round(x, 3)
    text = format_number_vi(value, 3)
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(value, rel=1e-12, abs=1e-9)
    # "0,125" cannot be a thousands comma; "12,345" could be.
    assert parsed.ambiguous == ("." not in text and not text.startswith("0,"))


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["%", " %", " tỷ đồng"]))
def test_target_value_reads_back(n: int, suffix: str) -> None:
    t = read_target(f"{n}{suffix}")
    assert t.kind == "exact"
    assert t.low == n
    assert t.unit == suffix.strip()
    assert t.confidence == "certain"


@given(st.decimals(min_value=0, max_value=100, places=1, allow_nan=False))
def test_result_percent_reads_back(d: object) -> None:
    value = float(str(d))
    r = read_result(format_number_vi(value, 1) + "%")
    assert r is not None
    assert r.value == pytest.approx(value)
    assert r.unit == "%"
