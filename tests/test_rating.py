"""A unit's band: score and conditions (366-QĐ/TW 2025, Điều 11), provisional part-year
bands, what held a unit back, ranking by band then score, and the part-year exceptions to
the self-assessment rule."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
from fixtures_results import ind
from hypothesis import given, settings
from hypothesis import strategies as st

from qmo_excel import vocab
from qmo_excel.model import IndicatorResult, RatingRules, UnitResult
from qmo_excel.rating import BAND_RANK, rate
from qmo_excel.scoring import unit_score
from qmo_excel.summary import labels as L

RULES = RatingRules()
VERDICTS = ("vuot", "dat", "khong_dat", "chua_co_so_lieu", "dang_thuc_hien", "khong_xac_dinh")


def inds(*verdicts: str, progress: Sequence[str | None] = ()) -> list[IndicatorResult]:
    prog = list(progress) + [None] * (len(verdicts) - len(progress))
    return [ind("U", "1", f"1.{n}", f"Chỉ tiêu {n}", "100%", "", v, None, progress=p)
            for n, (v, p) in enumerate(zip(verdicts, prog, strict=True), start=1)]


def band(*verdicts: str, score: float = 95.0, part_year: bool = False) -> str:
    return rate(inds(*verdicts), score, RULES, part_year=part_year).band


# --------------------------------------------------------------------------- the rule


def test_the_four_bands_of_dieu_11() -> None:
    # xuất sắc: >= 90, every assessed indicator achieved, at least 30% exceeded
    assert band("vuot", "dat", "dat") == "xuat_sac"  # 33% exceeded
    assert band("vuot", "dat", "dat", "dat") == "tot"  # 25% exceeded: not enough
    assert band("vuot", "vuot", score=89.9) == "tot"  # the score falls short
    # tốt: >= 70 and every assessed indicator achieved
    assert band("dat", "dat", score=70) == "tot"
    assert band("dat", "dat", score=69.9) == "hoan_thanh"
    # hoàn thành: >= 50 and at most 20% not achieved
    assert band("vuot", "vuot", "vuot", "vuot", "khong_dat") == "hoan_thanh"  # 20%
    assert band("vuot", "vuot", "vuot", "khong_dat") == "khong_hoan_thanh"  # 25%
    assert band("dat", "dat", "dat", "dat", "dat", score=49.9) == "khong_hoan_thanh"


def test_a_missed_indicator_keeps_a_unit_from_the_top_whatever_its_score() -> None:
    """The issue's case: 3 of 6 objectives not achieved at a score of 95,6 was xuất sắc."""
    assert band("vuot", "vuot", "vuot", "khong_dat", "khong_dat", "khong_dat",
                score=95.6) == "khong_hoan_thanh"
    assert band(*["vuot"] * 9, "khong_dat", score=99.0) == "hoan_thanh"


def test_no_result_counts_as_not_achieved_and_undetermined_is_not_assessed() -> None:
    assert band("vuot", "vuot", "chua_co_so_lieu") == "khong_hoan_thanh"  # 1 of 3
    assert band("vuot", "dat", "khong_xac_dinh") == "xuat_sac"  # 1 of 2 assessed exceeded
    r = rate(inds("vuot", "chua_co_so_lieu", "khong_xac_dinh"), 90.0, RULES)
    assert r.tally.assessed == 2 and r.tally.no_data == ["1.2"]
    assert r.tally.undetermined == ["1.3"]


def test_in_progress_counts_neither_way_in_a_part_year_round_but_is_unfinished_at_its_end(
) -> None:
    part = rate(inds("vuot", "dat", "dang_thuc_hien"), 92.0, RULES, part_year=True)
    assert part.band == "xuat_sac" and part.provisional and part.tally.assessed == 2
    year = rate(inds("vuot", "dat", "dang_thuc_hien"), 92.0, RULES)
    assert year.band == "khong_hoan_thanh" and not year.provisional
    assert year.tally.unfinished == ["1.3"]


def test_part_year_counts_at_risk_and_behind() -> None:
    r = rate(inds("dang_thuc_hien", "dang_thuc_hien", "dang_thuc_hien", "dat",
                  progress=("nguy_co", "cham_tien_do", "dung_tien_do")), 80.0, RULES,
             part_year=True)
    assert r.tally.at_risk == ["1.1"] and r.tally.behind == ["1.2"]
    assert r.tally.in_progress == ["1.1", "1.2", "1.3"] and r.tally.assessed == 1
    assert r.band == "tot"  # 0 of 1 assessed exceeded: not xuất sắc, provisional
    assert r.provisional


def test_mid_year_a_unit_that_achieved_nothing_is_not_excellent() -> None:
    """The issue's case: at mid-year 0 of 1 indicators achieved scored 96,8 xuất sắc."""
    r = rate(inds("dang_thuc_hien", progress=("nguy_co",)), 96.8, RULES, part_year=True)
    assert r.band != "xuat_sac" and r.provisional and r.tally.at_risk == ["1.1"]


def test_no_score_no_band() -> None:
    r = rate(inds("khong_xac_dinh"), None, RULES)
    assert r.band == "" and r.conditions == [] and r.held_back == []


def test_thresholds_and_shares_are_the_rounds() -> None:
    strict = RatingRules(excellent=95, good=80, passing=60, exceeded_share=50,
                         missed_share=10)
    assert rate(inds("vuot", "dat", "dat"), 96.0, strict).band == "tot"  # 33% < 50%
    assert rate(inds(*["vuot"] * 8, "khong_dat"), 96.0, strict).band == "khong_hoan_thanh"
    assert rate(inds(*["vuot"] * 9, "khong_dat"), 96.0, strict).band == "hoan_thanh"


# --------------------------------------------------------------------------- why


def _unit(verdicts: Sequence[str], score: float, part_year: bool = False) -> UnitResult:
    its = inds(*verdicts)
    r = rate(its, score, RULES, part_year=part_year)
    return UnitResult(code="U", name="Đơn vị", submitted=True, score=score, band=r.band,
                      exceeded=len(r.tally.exceeded), assessed=r.tally.assessed,
                      provisional=r.provisional, conditions=r.conditions,
                      held_back=r.held_back)


def test_what_held_a_unit_back_is_said_plainly() -> None:
    # "1 chỉ tiêu không đạt: 2.1" (the example) for a unit held back from tốt
    its = [ind("U", "2", "2.1", "TTHC", "trên 95%", "86,2%", "khong_dat", 90.7),
           *[ind("U", "1", f"1.{n}", "x", "100%", "100%", "vuot", 100.0) for n in range(9)]]
    r = rate(its, 99.0, RULES)
    u = UnitResult(code="U", name="U", submitted=True, score=99.0, band=r.band,
                   exceeded=9, assessed=r.tally.assessed, conditions=r.conditions,
                   held_back=r.held_back)
    assert u.band == "hoan_thanh" and L.held_back(u, "vi") == "1 chỉ tiêu không đạt: 2.1"
    assert L.held_back(u, "en") == "1 not achieved: 2.1"
    good = _unit(["vuot", "dat", "dat", "dat"], 100.0)
    assert L.held_back(good, "vi") == "1/4 chỉ tiêu vượt (25%; cần từ 30%)"
    low = _unit(["vuot", "vuot", "khong_dat", "chua_co_so_lieu", "vuot"], 95.0)
    assert L.held_back(low, "vi") == ("2/5 chỉ tiêu chưa đạt (40%; tối đa 20%), gồm: không "
                                      "đạt 1.3; chưa có số liệu 1.4")
    assert L.held_back(_unit(["vuot", "vuot"], 85.0), "vi") == "điểm 85 (cần từ 90)"
    assert L.held_back(_unit(["vuot", "vuot"], 95.0), "vi") == "Đạt mức cao nhất"
    assert L.band("tot", "vi", provisional=True) == "Hoàn thành tốt (tạm tính)"


def test_ranking_is_by_band_then_score() -> None:
    from fixtures_results import empty_round

    result = empty_round()
    a = _unit(["vuot", "vuot"], 92.0)  # xuất sắc at 92
    b = _unit(["vuot", "khong_dat"], 99.0)  # không hoàn thành at 99
    c = _unit(["dat", "dat"], 100.0)  # tốt at 100
    d = _unit(["dat", "dat"], 100.0)  # tốt at 100: shares the rank
    for code, u in zip("ABCD", (a, b, c, d), strict=True):
        u.code = code
    result.units = [b, c, a, d]
    ranked = L.ranked_units(result)
    assert [(rank, u.code) for rank, u in ranked] == [(1, "A"), (2, "C"), (2, "D"), (4, "B")]


# --------------------------------------------------------------------------- properties

verdict_lists = st.lists(st.sampled_from(VERDICTS), min_size=1, max_size=25)
scores = st.floats(min_value=0, max_value=100, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(verdict_lists, scores, st.data(), st.booleans())
def test_achieving_one_more_indicator_never_lowers_the_band(
        verdicts: list[str], score: float, data: st.DataObject, part_year: bool) -> None:
    missed = [i for i, v in enumerate(verdicts) if v in ("khong_dat", "chua_co_so_lieu")]
    if not missed:
        return
    i = data.draw(st.sampled_from(missed))
    better = list(verdicts)
    better[i] = data.draw(st.sampled_from(("dat", "vuot")))
    gained = data.draw(st.floats(min_value=0, max_value=100 - score, allow_nan=False))
    before = rate(inds(*verdicts), score, RULES, part_year=part_year).band
    after = rate(inds(*better), score + gained, RULES, part_year=part_year).band
    assert BAND_RANK[after] <= BAND_RANK[before], (verdicts, better, before, after)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(VERDICTS), st.floats(0, 150, allow_nan=False),
                          st.floats(0.5, 3, allow_nan=False)), min_size=1, max_size=15),
       st.data())
def test_monotone_through_the_score_too(rows: list[tuple[str, float, float]],
                                        data: st.DataObject) -> None:
    """With scores computed as the round computes them (an achieved indicator at 100% of
    plan or more, a missed one below): achieving one more never lowers the band."""
    def records(rs: list[tuple[str, float, float]]) -> list[IndicatorResult]:
        return [ind("U", "1", f"1.{n}", "x", "100%", "r", v,
                    max(p, 100.0) if v in ("vuot", "dat") else min(p, 99.9)
                    if v == "khong_dat" else None, weight=w)
                for n, (v, p, w) in enumerate(rs)]

    missed = [i for i, (v, _, _) in enumerate(rows) if v in ("khong_dat", "chua_co_so_lieu")]
    if not missed:
        return
    i = data.draw(st.sampled_from(missed))
    better = list(rows)
    better[i] = (data.draw(st.sampled_from(("dat", "vuot"))), rows[i][1], rows[i][2])
    a, b = records(rows), records(better)
    band_a = rate(a, unit_score(a, 100.0), RULES).band
    band_b = rate(b, unit_score(b, 100.0), RULES).band
    assert BAND_RANK[band_b] <= BAND_RANK[band_a]


@given(st.integers(min_value=1, max_value=40), st.floats(min_value=90, max_value=100))
def test_every_indicator_exceeded_and_a_score_of_90_is_excellent(n: int, score: float) -> None:
    assert rate(inds(*["vuot"] * n), score, RULES).band == "xuat_sac"
    assert rate(inds(*["vuot"] * n), score, RULES, part_year=True).band == "xuat_sac"


@given(verdict_lists, scores)
def test_a_band_above_hoan_thanh_means_nothing_was_missed(verdicts: list[str],
                                                          score: float) -> None:
    r = rate(inds(*verdicts), score, RULES)
    if r.band in ("xuat_sac", "tot"):
        assert not {"khong_dat", "chua_co_so_lieu", "dang_thuc_hien"} & set(verdicts)
    held = {c.band for c in r.held_back}
    assert len(held) <= 1 and (r.band == "xuat_sac") == (not r.held_back)


# --------------------------------------------------------------------------- self-assessment


def test_part_year_exceptions_to_the_disagreement_rule() -> None:
    d = vocab.disagrees
    # "Không đạt" for a level at risk is what the figures say
    assert not d("khong_dat", "dang_thuc_hien", "nguy_co", part_year=True)
    # "Đang thực hiện" for a cumulative indicator on its way, or already at its target
    assert not d("dang_thuc_hien", "dang_thuc_hien", "cham_tien_do", part_year=True,
                 cumulative=True)
    assert not d("dang_thuc_hien", "dat", part_year=True, cumulative=True)
    assert not d("dang_thuc_hien", "vuot", part_year=True, cumulative=True)
    # but not for a level, not at the year's end, and not against a failure
    assert d("dang_thuc_hien", "dat", part_year=True, cumulative=False)
    assert d("dang_thuc_hien", "dat", part_year=False, cumulative=True)
    assert d("dang_thuc_hien", "khong_dat", part_year=True, cumulative=True)
    assert d("dat", "dang_thuc_hien", "nguy_co", part_year=True, cumulative=False)
    assert vocab.cumulative("tỷ đồng") and not vocab.cumulative("%")
    assert vocab.cumulative("%", "dung_tien_do") and not vocab.cumulative("lao động",
                                                                            "nguy_co")


# --------------------------------------------------------------------------- part-year


def test_part_year_bands_and_progress_are_shown_everywhere(tmp_path: Path) -> None:
    from fixtures_results import part_year_round
    from xlsx_helpers import overview_tiles

    from qmo_excel.export import to_export_dict
    from qmo_excel.summary import write_summary
    from qmo_excel.summary.narrative import draft_narrative

    result = part_year_round()
    town = next(u for u in result.units if u.code == "UBND-TX")
    assert (town.provisional, town.at_risk, town.behind, town.in_progress) == (True, 1, 1, 3)
    write_summary(result, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    tiles = overview_tiles(wb["Tổng quan"])
    assert tiles["Chỉ tiêu có nguy cơ không đạt"] == 1
    assert tiles["Chỉ tiêu chậm tiến độ"] == 1
    groups = [c.value for row in wb["Tổng quan"].iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("XẾP LOẠI ĐƠN VỊ")]
    assert groups == ["XẾP LOẠI ĐƠN VỊ (TẠM TÍNH: KẾT QUẢ GIỮA NĂM SO VỚI CHỈ TIÊU CẢ NĂM)"]
    ranking = wb["Xếp hạng đơn vị"]
    header = [c.value for c in ranking[3]]
    row = next([c.value for c in r] for r in ranking.iter_rows(min_row=4)
               if r[1].value == "UBND-TX")
    got = dict(zip(header, row, strict=True))
    assert got["Nguy cơ không đạt"] == 1 and got["Chậm tiến độ"] == 1
    assert got["Xếp loại"].endswith("(tạm tính)")
    indicators = wb["Chỉ tiêu"]
    progress = {r[2].value: r[[c.value for c in indicators[3]].index("Tiến độ")].value
                for r in indicators.iter_rows(min_row=4) if r[0].value == "UBND-TX"}
    assert (progress["2.1"], progress["1.1"], progress["1.2"]) == (
        "Có nguy cơ không đạt", "Chậm tiến độ", "Đúng tiến độ")
    text = "\n".join(draft_narrative(result))
    assert "tạm tính vì là kết quả giữa năm so với chỉ tiêu cả năm" in text
    assert ("Có 01 chỉ tiêu có nguy cơ không đạt và 01 chỉ tiêu chậm tiến độ so với thời "
            "gian đã qua của năm (tại UBND thị xã Hương Trà)") in text
    data = to_export_dict(result)
    assert data["round"]["provisional"] is True
    assert data["headline"]["at_risk"] == 1 and data["headline"]["behind"] == 1
    assert {i["code"]: i["progress"] for i in data["indicators"]
            if i["unit_code"] == "UBND-TX" and i["progress"]} == {
        "1.1": "cham_tien_do", "1.2": "dung_tien_do", "2.1": "nguy_co"}
    u = next(x for x in data["units"] if x["code"] == "UBND-TX")
    assert (u["provisional"], u["at_risk"], u["behind"]) == (True, 1, 1)


def test_scoring_and_the_checks_share_the_part_year_exception() -> None:
    from qmo_excel.model import Row
    from qmo_excel.scoring import judge_indicator

    row = Row(5, {"code": "1.1", "text": "Tổng vốn đầu tư toàn xã hội",
                  "unit_of_measure": "tỷ đồng", "target": "1.100 tỷ đồng",
                  "result": "1.150 tỷ đồng", "self_assessment": "Đang thực hiện"})
    mid = judge_indicator(row, unit_code="U", objective_code="1", period="h1",
                          explicit_direction=None)
    end = judge_indicator(row, unit_code="U", objective_code="1", period="year",
                          explicit_direction=None)
    assert mid.verdict == end.verdict == "vuot"
    assert (mid.self_assessment_mismatch, end.self_assessment_mismatch) == (False, True)
