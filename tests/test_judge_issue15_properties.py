"""Property-based invariants of each phrasing family of issue 15.

Whatever the wording around them, a stated share of plan of 100 or more is never "not
achieved"; a margin under the plan never achieves it; a negative growth never reaches a
positive target; a count of sub-indicators short of the total never achieves; a level
short of its target at part of the year is never "on track"; and so on. The phrasings
are drawn from the families' variants, the numbers at random.
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from qmo_excel.judge import format_number_vi, read_row, read_target
from qmo_excel.judge.progress import ELAPSED

ACHIEVED = {"dat", "vuot"}

shares = st.decimals(min_value="0.5", max_value="400", places=1).map(lambda d: float(str(d)))
amounts = st.decimals(min_value=1, max_value=9000, places=1).map(lambda d: float(str(d)))
small = st.decimals(min_value="0.1", max_value="60", places=1).map(lambda d: float(str(d)))
counts = st.integers(min_value=1, max_value=40)

PLANS = ["Kế hoạch", "KH", "dự toán", "dự toán tỉnh giao", "chỉ tiêu Nghị quyết HĐND",
         "chỉ tiêu giao", "kế hoạch năm", "Nghị quyết", "kế hoạch đề ra"]
PLAN_WORDS = ["kế hoạch", "KH", "dự toán", "chỉ tiêu nghị quyết", "kế hoạch năm",
              "so với kế hoạch", "so với dự toán tỉnh giao", "dự toán HĐND tỉnh giao"]
VERBS = ["đạt", "bằng", "ước đạt", "đạt được", "tương đương", "ước thực hiện đạt"]
LEADS = ["", "ước đạt 3.150 tỷ đồng, ", "được 25.271,9 ha, ", "tăng 8% so với cùng kỳ, ",
         "giảm 3% so với cùng kỳ, ", "thu được 45,5 tỷ đồng "]
AMOUNT_INDICATORS = ["Thu ngân sách nhà nước", "Tổng giá trị sản xuất", "Sản lượng lương thực",
                     "Diện tích trồng rừng mới", "Giải ngân vốn đầu tư công"]
PART = ["q1", "h1", "6 tháng", "9 tháng", "9m", "10 tháng", "11m"]


def vn(x: float) -> str:
    return format_number_vi(x, 1)


def _j(target: str, result: str, indicator: str = "", period: str = "year"):  # type: ignore[no-untyped-def]
    return read_row(target, result, indicator=indicator, period=period).judgement


# 1. a stated share of plan decides ---------------------------------------------------

@given(shares, st.sampled_from(PLANS), st.sampled_from(VERBS), st.sampled_from(PLAN_WORDS),
       st.sampled_from(LEADS), st.sampled_from(AMOUNT_INDICATORS))
def test_a_stated_share_decides_against_the_plan(s: float, plan: str, verb: str, words: str,
                                                 lead: str, ind: str) -> None:
    j = _j(plan, f"{lead}{verb} {vn(s)}% {words}", ind)
    if s >= 100:
        assert j.verdict in ACHIEVED  # a share of 100 or more is never "not achieved"
        assert (j.verdict == "vuot") == (s > 100)
    else:
        assert j.verdict == "khong_dat"
    assert j.percent_of_plan == s
    assert j.basis == "share_of_plan"


@given(shares, amounts, amounts, st.sampled_from(PLAN_WORDS))
def test_a_stated_share_decides_against_a_number_too(s: float, x: float, y: float,
                                                     words: str) -> None:
    j = _j(f"{vn(x)} tỷ đồng", f"{vn(y)} tỷ đồng, đạt {vn(s)}% {words}", "Thu ngân sách")
    assert (j.verdict in ACHIEVED) == (s >= 100)
    if (y >= x) != (s >= 100):
        assert j.confidence != "certain"  # the figure and the share disagree: marked


@given(shares, st.sampled_from(PART), st.sampled_from(PLANS), st.sampled_from(AMOUNT_INDICATORS))
def test_a_share_at_part_of_the_year_is_progress(s: float, period: str, plan: str,
                                                 ind: str) -> None:
    j = _j(plan, f"đạt {vn(s)}% kế hoạch", ind, period)
    code = {"6 tháng": "h1", "9 tháng": "m9", "9m": "m9", "10 tháng": "m10",
            "11m": "m11"}.get(period, period)
    if s >= 100:
        assert j.verdict in ACHIEVED and j.progress is None
    else:
        assert j.verdict == "dang_thuc_hien"
        assert j.progress == ("dung_tien_do" if s >= ELAPSED[code] else "cham_tien_do")


# 2. stated margins ---------------------------------------------------------------------

@given(small, st.sampled_from(PLANS), st.sampled_from(["vượt {m}% kế hoạch",
                                                        "vượt {m}% so với chỉ tiêu tỉnh giao",
                                                        "vượt kế hoạch {m}%",
                                                        "cao hơn {m}% so với dự toán"]),
       st.sampled_from(AMOUNT_INDICATORS))
def test_a_margin_over_the_plan_exceeds_it(m: float, plan: str, form: str, ind: str) -> None:
    j = _j(plan, form.format(m=vn(m)), ind)
    assert j.verdict == "vuot"


@given(small, small, st.sampled_from(PLANS), st.sampled_from(
    ["thấp hơn {m}% so với kế hoạch", "tăng {g}% so với cùng kỳ nhưng thấp hơn {m}% so với "
     "kế hoạch", "còn thiếu {m} tỷ đồng so với dự toán", "hụt {m}% so với dự toán",
     "tăng {g}% so với cùng kỳ, chưa đạt kế hoạch"]), st.sampled_from(AMOUNT_INDICATORS))
def test_a_margin_under_the_plan_never_achieves_it(m: float, g: float, plan: str, form: str,
                                                   ind: str) -> None:
    j = _j(plan, form.format(m=vn(m), g=vn(g)), ind)
    assert j.verdict == "khong_dat"  # even when the sentence also says "tăng"


@given(st.decimals(min_value="1.1", max_value="9", places=1).map(lambda d: float(str(d))),
       st.sampled_from(PLANS))
def test_times_the_plan_exceeds_it(k: float, plan: str) -> None:
    j = _j(plan, f"gấp {vn(k)} lần kế hoạch", "Thu ngân sách")
    assert j.verdict == "vuot" and j.percent_of_plan is not None
    assert abs(j.percent_of_plan - k * 100) < 1e-6


# 3. result and target in one ratio ---------------------------------------------------

@given(amounts, amounts, st.sampled_from([" tỷ đồng", " ha", " tấn", ""]),
       st.sampled_from(["plan", "number"]))
def test_a_ratio_is_result_over_target(a: float, b: float, unit: str, form: str) -> None:
    assume(abs(a - b) > 0.05)
    target = "Kế hoạch" if form == "plan" else f"{vn(b)}{unit}"
    j = _j(target, f"{vn(a)}/{vn(b)}{unit}", "Tổng giá trị sản xuất")
    assert (j.verdict in ACHIEVED) == (a > b)


@given(counts, counts, st.sampled_from(["hồ sơ", "trường", "xã"]))
def test_a_worded_ratio_against_a_rate(a: int, b: int, noun: str) -> None:
    assume(a <= b)
    j = _j("100%", f"{a} {noun} đạt/{b} {noun}", f"Tỷ lệ {noun} đạt")
    assert (j.verdict in ACHIEVED) == (a == b)


# 4. counts of sub-indicators ---------------------------------------------------------

@given(counts, counts, st.sampled_from(["đạt", "đạt và vượt", "hoàn thành", "đạt và vượt kế "
                                        "hoạch, hoàn thành cơ bản kế hoạch năm"]),
       st.sampled_from(["Kế hoạch", "Nghị quyết", "các chỉ tiêu đề ra"]))
def test_not_all_sub_indicators_is_not_achieved(a: int, b: int, tail: str, plan: str) -> None:
    assume(a <= b)
    j = _j(plan, f"{a}/{b} chỉ tiêu {tail}", "Các chỉ tiêu kinh tế - xã hội")
    assert (j.verdict in ACHIEVED) == (a == b)
    assert j.basis == "subcounts"


@given(counts, counts, st.sampled_from(["không đạt", "chưa đạt", "chưa hoàn thành"]))
def test_a_missed_sub_indicator_is_not_achieved(n: int, m: int, word: str) -> None:
    j = _j("Kế hoạch", f"có {m} chỉ tiêu vượt, {n:02d} chỉ tiêu {word}",
           "Các chỉ tiêu kinh tế - xã hội")
    assert j.verdict == "khong_dat"


# 5. negation and zero ----------------------------------------------------------------

@given(counts, st.sampled_from(["xã", "phường", "thôn", "trường"]),
       st.sampled_from(["chưa có {n} đạt chuẩn", "không có {n} nào đạt chuẩn",
                        "chưa có {n} nào được công nhận đạt chuẩn"]))
def test_none_reached_is_zero(k: int, noun: str, form: str) -> None:
    j = _j(f"Có {k:02d} {noun} đạt chuẩn", form.format(n=noun), f"Số {noun} đạt chuẩn")
    assert j.verdict == "khong_dat"


@given(counts, st.sampled_from(["không còn hộ nghèo", "Không để xảy ra cháy nổ lớn",
                                "Không có hồ sơ trễ hạn"]))
def test_a_target_of_none_is_a_ceiling_of_zero(k: int, target: str) -> None:
    t = read_target(target)
    assert (t.kind, t.high, t.direction) == ("at_most", 0.0, "lower_is_better")
    assert _j(target, f"{k} trường hợp").verdict == "khong_dat"
    assert _j(target, "Không có").verdict == "dat"


# 6. signs ----------------------------------------------------------------------------

@given(small, small, st.sampled_from(["({s}%)", "âm {v}%", "-{v}%", "giảm {v}% so với cùng kỳ",
                                      "ước đạt 1.200 tỷ đồng, so với cùng kỳ giảm ({s}%)"]),
       st.sampled_from(["{x}%", "{x}-{y}%", "tăng {x}%", "tăng trưởng bình quân {x}%/năm"]))
def test_a_negative_growth_never_reaches_a_positive_target(x: float, v: float, form: str,
                                                           target: str) -> None:
    result = form.format(v=vn(v), s="-" + vn(v))
    j = _j(target.format(x=vn(x), y=vn(x + 1)), result, "Tốc độ tăng trưởng kinh tế (GRDP)")
    assert j.verdict == "khong_dat"


# 7. lower is better ------------------------------------------------------------------

LOWER_INDICATORS = ["Tỷ suất chết trẻ em dưới 1 tuổi", "Tỷ suất sinh thô",
                    "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "Tỷ lệ thất nghiệp",
                    "Tỷ lệ học sinh bỏ học", "Số vụ tai nạn giao thông", "Số vụ cháy",
                    "Tỷ lệ hồ sơ trễ hạn", "Tỷ lệ hộ nghèo", "Số vụ phạm pháp hình sự",
                    "Số người nghiện ma túy", "Tỷ số giới tính khi sinh"]


@given(small, small, st.sampled_from(LOWER_INDICATORS), st.sampled_from(["", "%", "‰"]))
def test_a_plain_number_is_a_ceiling_when_lower_is_better(x: float, y: float, ind: str,
                                                          unit: str) -> None:
    assume(abs(x - y) > 0.05)
    assume(unit or y > 1.5)  # (a bare "0,1" for a rate may be an Excel fraction: likely)
    j = _j(f"{vn(x)}{unit}", f"{vn(y)}{unit}", ind)
    assert (j.verdict in ACHIEVED) == (y < x)


@given(small, small)
def test_a_falling_share_to_reach(x: float, y: float) -> None:
    assume(abs(x - y) > 0.05)
    j = _j(f"giảm còn {vn(x)}-{vn(x + 1)}%", f"{vn(y)}%", "Tỷ trọng nông nghiệp")
    assert (j.verdict in ACHIEVED) == (y <= x + 1)


# 8. units that look like comparators or periods ------------------------------------

@given(small, st.sampled_from(["bác sĩ/1 vạn dân", "bác sĩ/vạn dân", "giường bệnh trên 10.000 dân",
                               "giường bệnh/1.000 dân"]))
def test_a_per_population_unit_is_not_a_comparator(x: float, unit: str) -> None:
    t = read_target(f"{vn(x)} {unit}")
    assert (t.kind, t.low) == ("exact", x)


@given(st.integers(min_value=2, max_value=10), amounts)
def test_a_span_of_years_is_not_the_target(k: int, x: float) -> None:
    t = read_target(f"{k} năm đạt hơn {vn(x)} tỷ đồng")
    assert (t.kind, t.low) == ("more_than", x)


@given(small, small, st.sampled_from(["‰", "%o"]))
def test_per_mille(x: float, y: float, unit: str) -> None:
    assume(abs(x - y) > 0.05)
    j = _j(f"{vn(x)}{unit}", f"{vn(y)}{unit}", "Tỷ suất sinh thô")
    assert (j.verdict in ACHIEVED) == (y < x)


# 9. part-year results ----------------------------------------------------------------

@given(amounts, amounts, st.sampled_from(PART), st.sampled_from(
    [("tỷ đồng", "Thu ngân sách"), ("lao động", "Số lao động được đào tạo nghề"),
     ("ha", "Diện tích trồng rừng mới"), ("lượt", "Số lượt khách du lịch")]))
def test_a_cumulative_indicator_is_on_track_or_behind(x: float, y: float, period: str,
                                                      unit_ind: tuple[str, str]) -> None:
    unit, ind = unit_ind
    j = _j(f"{vn(x)} {unit}", f"{vn(y)} {unit}", ind, period)
    code = {"6 tháng": "h1", "9 tháng": "m9", "9m": "m9", "10 tháng": "m10",
            "11m": "m11"}.get(period, period)
    if y >= x:
        assert j.verdict in ACHIEVED and j.progress is None  # reached: achieved
    else:
        assert j.verdict == "dang_thuc_hien"
        share = y / x * 100
        assert j.progress == ("dung_tien_do" if share >= ELAPSED[code] - 1e-9
                              else "cham_tien_do")


@given(shares, shares, st.sampled_from(PART), st.sampled_from(
    ["Tỷ lệ hồ sơ giải quyết đúng hạn", "Tỷ lệ bao phủ bảo hiểm y tế", "Độ che phủ rừng"]),
    st.sampled_from(["trên ", "≥ ", "", "đạt "]))
def test_a_level_short_of_its_target_is_at_risk_never_on_track(x: float, y: float, period: str,
                                                               ind: str, word: str) -> None:
    assume(x <= 100 and y <= 100 and abs(x - y) > 0.05)
    j = _j(f"{word}{vn(x)}%", f"{vn(y)}%", ind, period)
    if y < x:
        assert j.verdict == "dang_thuc_hien" and j.progress == "nguy_co"
    else:
        assert j.verdict in ACHIEVED and j.progress is None


@given(shares, st.sampled_from(PART))
def test_a_target_for_the_period_itself_is_judged_directly(y: float, period: str) -> None:
    assume(y <= 100)
    words = {"q1": "Quý I", "h1": "6 tháng", "6 tháng": "6 tháng", "9 tháng": "9 tháng",
             "9m": "9 tháng", "10 tháng": "10 tháng", "11m": "11 tháng"}[period]
    j = _j(f"{words}: 50%", f"{vn(y)}%", "Tỷ lệ giải ngân", period)
    assert j.verdict == ("vuot" if y > 50 else "dat" if y == 50 else "khong_dat")
    assert j.progress is None


# 10. the verdict word against the numbers ---------------------------------------------

@given(shares, shares, st.sampled_from(["(đạt)", "- Đạt", "(không đạt)", ", Không đạt",
                                        "(vượt)"]))
def test_the_numbers_decide_and_a_conflict_is_marked(x: float, y: float, word: str) -> None:
    assume(x <= 100 and y <= 100 and abs(x - y) > 0.05)
    j = _j(f"trên {vn(x)}%", f"{vn(y)}% {word}", "Tỷ lệ hồ sơ giải quyết đúng hạn")
    assert (j.verdict in ACHIEVED) == (y > x)
    said_ok = "không" not in word.lower()
    if said_ok != (y > x):
        assert j.confidence != "certain"
