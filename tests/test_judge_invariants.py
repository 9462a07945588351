"""Property-based invariants of the judge."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from qmo_excel.judge import format_number_vi, judge, read_result, read_target
from qmo_excel.judge.verdict import with_direction

ACHIEVED = {"dat", "vuot"}
ORDER = {"certain": 2, "likely": 1, "uncertain": 0}

values = st.decimals(min_value=1, max_value=5000, places=1, allow_nan=False).map(
    lambda d: float(str(d))
)
units = st.sampled_from(["%", " tỷ đồng", " lao động", " ha"])


def vn(x: float) -> str:
    return format_number_vi(x, 1)


@given(values, units, st.sampled_from(["≥ ", "tối thiểu ", "từ ", "không dưới ", "", "đạt "]))
def test_result_at_inclusive_lower_bound_achieves(x: float, unit: str, word: str) -> None:
    t = read_target(f"{word}{vn(x)}{unit}")
    j = judge(t, read_result(f"{vn(x)}{unit}", t))
    assert j.verdict == "dat"
    assert j.percent_of_plan is not None and abs(j.percent_of_plan - 100) < 1e-6


@given(values, units, st.sampled_from(["≤ ", "tối đa ", "không quá ", "không vượt quá "]))
def test_result_at_inclusive_upper_bound_achieves(x: float, unit: str, word: str) -> None:
    t = read_target(f"{word}{vn(x)}{unit}")
    assert t.direction == "lower_is_better"
    assert judge(t, read_result(f"{vn(x)}{unit}", t)).verdict == "dat"


@given(values, units, st.sampled_from(["> ", "trên ", "< ", "dưới "]))
def test_result_at_strict_bound_does_not_achieve(x: float, unit: str, word: str) -> None:
    t = read_target(f"{word}{vn(x)}{unit}")
    assert t.kind in ("more_than", "less_than")
    assert judge(t, read_result(f"{vn(x)}{unit}", t)).verdict == "khong_dat"


@given(values, values, units)
def test_flipping_direction_flips_strict_cases(x: float, y: float, unit: str) -> None:
    assume(abs(x - y) > 0.05)
    t = read_target(f"{vn(x)}{unit}")
    r = read_result(f"{vn(y)}{unit}", t)
    up = judge(with_direction(t, "higher_is_better"), r).verdict
    down = judge(with_direction(t, "lower_is_better"), r).verdict
    assert (up in ACHIEVED) != (down in ACHIEVED)
    assert {up, down} == {"vuot", "khong_dat"}


@given(values, values, values)
def test_range_verdicts(a: float, b: float, y: float) -> None:
    lo, hi = sorted((a, b))
    assume(hi - lo > 0.05)
    t = read_target(f"{vn(lo)}-{vn(hi)}%")
    assert (t.kind, t.low, t.high) == ("range", lo, hi)
    v = judge(t, read_result(f"{vn(y)}%", t)).verdict
    expected = "vuot" if y > hi else "dat" if y >= lo else "khong_dat"
    assert v == expected


@given(values, values)
def test_a_larger_decrease_beats_the_target(x: float, d: float) -> None:
    t = read_target(f"giảm {vn(x)}%")
    assert t.kind == "decrease_by" and t.direction == "lower_is_better"
    v = judge(t, read_result(f"giảm {vn(d)}%", t)).verdict
    assert v == ("vuot" if d > x else "dat" if d == x else "khong_dat")


@given(st.lists(st.tuples(values, values), min_size=2, max_size=3))
def test_composite_parts_are_judged_one_by_one(pairs: list[tuple[float, float]]) -> None:
    # (not "trước hạn" with "đúng hạn": those shares add up, see the test below)
    labels = ["đúng hạn", "hài lòng", "trực tuyến"]
    target_text = ", ".join(f"{labels[i]} {vn(x)}%" for i, (x, _) in enumerate(pairs))
    result_text = ", ".join(f"{labels[i]} {vn(y)}%" for i, (_, y) in enumerate(pairs))
    t = read_target(target_text)
    assert t.kind == "composite" and len(t.parts) == len(pairs)
    j = judge(t, read_result(result_text, t))
    assert len(j.parts) == len(pairs)
    for part, (x, y) in zip(j.parts, pairs, strict=True):
        assert (part.verdict in ACHIEVED) == (y >= x)
    assert (j.verdict in ACHIEVED) == all(y >= x for x, y in pairs)


@given(values, values, values, values)
def test_early_and_on_time_shares_add_up(te: float, to: float, re_: float, ro: float) -> None:
    t = read_target(f"trước hạn {vn(te)}%, đúng hạn {vn(to)}%")
    j = judge(t, read_result(f"trước hạn {vn(re_)}%, đúng hạn {vn(ro)}%", t))
    assert len(j.parts) == 2  # each share is still judged and shown
    assert (j.verdict in ACHIEVED) == (re_ >= te and re_ + ro >= te + to - 1e-9)


@given(values, values, st.sampled_from(["q1", "q2", "h1", "Quý III", "9 tháng", "6 tháng"]))
def test_mid_year_short_result_is_in_progress(x: float, y: float, period: str) -> None:
    t = read_target(f"{vn(x)} tỷ đồng")
    j = judge(t, read_result(f"{vn(y)} tỷ đồng", t), period=period)
    assert j.verdict == ("dang_thuc_hien" if y < x else "vuot" if y > x else "dat")


@given(
    st.sampled_from(["trên 95%", "87,030", "Vượt chỉ tiêu giao 5-10%", "95", "100%"]),
    st.sampled_from(["96%", "khoảng 96%", "ước đạt 96%", "0,96", "96,4% (không đạt)", "Đạt"]),
)
def test_judgement_is_never_more_confident_than_inputs(target: str, result: str) -> None:
    t = read_target(target, indicator="Tỷ lệ hồ sơ")
    r = read_result(result, t)
    assert r is not None
    j = judge(t, r)
    assert ORDER[j.confidence] <= min(ORDER[t.confidence], ORDER[r.confidence])


def test_no_result_is_no_data() -> None:
    t = read_target("trên 95%")
    assert judge(t, read_result("", t)).verdict == "chua_co_so_lieu"
    assert judge(t, None).verdict == "chua_co_so_lieu"
