"""Builders of ``RoundResult`` objects for the summary, narrative and export tests.

``seed_round()`` carries the content of seed 002 (UBND thị xã Hương Trà, 2021: objective 1
with 09/11 indicators achieved, objective 2 "trên 95%" → 86,2%, objective 3 "100%" →
162/168 = 96,4%, objective 4 achieved) plus three more units, a missing unit, a late
unit, intake entries of every status and a few problems. Unit counts are derived from
the indicators, objectives and tasks, so the figures always agree.
"""

from __future__ import annotations

from datetime import date

from qmo_excel.model import (
    Assignment,
    IndicatorResult,
    IntakeEntry,
    ObjectiveResult,
    RatingRules,
    RoundConfig,
    RoundResult,
    TaskResult,
    TownObjective,
    UnitResult,
)
from qmo_excel.problems import problem
from qmo_excel.rating import is_part_year, rate
from qmo_excel.town import roll_up
from qmo_excel.vocab import Words

ACHIEVED = ("vuot", "dat")
FORMULA_TEXT = '=HYPERLINK("http://x")'
FORMULA_RESULT = "=1+1"


def ind(unit: str, obj: str, code: str, text: str, target: str, result: str, verdict: str,
        pct: float | None, **kw: object) -> IndicatorResult:
    values: dict[str, object] = dict(
        unit_code=unit, objective_code=obj, code=code, text=text, unit_of_measure="%",
        target_text=target, result_text=result, target_kind="number",
        direction="higher_is_better", verdict=verdict, verdict_source="computed",
        percent_of_plan=pct, confidence="high", weight=1.0, self_assessment="",
        self_assessment_mismatch=False)
    values.update(kw)
    return IndicatorResult(**values)  # type: ignore[arg-type]


def task(unit: str, number: str, obj: str, text: str, due: date | None, status: str,
         completed: date | None = None, overdue: bool = False) -> TaskResult:
    done = status == "done"
    late = bool(done and due and completed and completed > due)
    return TaskResult(unit_code=unit, number=number, objective_code=obj, task=text,
                      lead="Văn phòng", timeline=f"Tháng {due.month:02d}/{due.year}" if due
                      else "Thường xuyên", due=due, status=status, completed_on=completed,
                      done=done, done_late=late, overdue=overdue)


def objectives_of(unit: str, texts: dict[str, str],
                  inds: list[IndicatorResult]) -> list[ObjectiveResult]:
    out = []
    for code, text in texts.items():
        its = [i for i in inds if i.unit_code == unit and i.objective_code == code]
        verdicts = {i.verdict for i in its}
        if verdicts <= set(ACHIEVED):
            status = "vuot" if verdicts == {"vuot"} else "dat"
        elif "khong_dat" in verdicts:
            status = "khong_dat"
        elif "dang_thuc_hien" in verdicts:
            status = "dang_thuc_hien"
        elif "chua_co_so_lieu" in verdicts:
            status = "chua_co_so_lieu"
        else:
            status = "khong_xac_dinh"
        out.append(ObjectiveResult(
            unit_code=unit, code=code, text=text, status=status, indicators=len(its),
            achieved=sum(1 for i in its if i.verdict in ACHIEVED),
            not_achieved=[i.text for i in its if i.verdict == "khong_dat"]))
    return out


def unit_result(code: str, name: str, kind: str, inds: list[IndicatorResult],
                objs: list[ObjectiveResult], tasks: list[TaskResult], *,
                score: float | None, late: bool = False, problems: int = 0,
                file: str = "", report_date: date | None = None,
                period: str = "year") -> UnitResult:
    """A unit's record, its band rated by the round's rule from its indicators."""
    its = [i for i in inds if i.unit_code == code]
    rating = rate(its, score, RatingRules(), part_year=is_part_year(period))
    n = {v: sum(1 for i in its if i.verdict == v) for v in
         ("vuot", "dat", "khong_dat", "dang_thuc_hien", "chua_co_so_lieu", "khong_xac_dinh")}
    os_ = [o for o in objs if o.unit_code == code]
    ts = [t for t in tasks if t.unit_code == code]
    return UnitResult(
        code=code, name=name, kind=kind, submitted=True, late=late, file=file,
        report_date=report_date, score=score, band=rating.band, indicators=len(its),
        achieved=n["vuot"] + n["dat"], exceeded=n["vuot"], not_achieved=n["khong_dat"],
        in_progress=n["dang_thuc_hien"], no_data=n["chua_co_so_lieu"],
        undetermined=n["khong_xac_dinh"], objectives=len(os_),
        objectives_achieved=sum(1 for o in os_ if o.status in ACHIEVED), tasks=len(ts),
        tasks_done=sum(1 for t in ts if t.done), tasks_done_late=sum(1 for t in ts
                                                                    if t.done_late),
        tasks_overdue=sum(1 for t in ts if t.overdue),
        mismatches=sum(1 for i in its if i.self_assessment_mismatch), problems=problems,
        provisional=rating.provisional, assessed=rating.tally.assessed,
        at_risk=len(rating.tally.at_risk), behind=len(rating.tally.behind),
        conditions=rating.conditions, held_back=rating.held_back)


SEED_OBJECTIVES = {
    "1": "Phấn đấu đạt các chỉ tiêu liên quan Kế hoạch phát triển kinh tế xã hội năm 2021",
    "2": "Rà soát, đơn giản hóa thủ tục hành chính trong tiếp nhận, thụ lý, thẩm định, giải "
         "quyết hồ sơ thủ tục hành chính của tổ chức, công dân",
    "3": "Phấn đấu hoàn thành đúng nội dung và đảm bảo tiến độ 100% các nhiệm vụ đột xuất "
         "theo yêu cầu của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân cấp tỉnh",
    "4": "Tổ chức đánh giá, duy trì, cải tiến Hệ thống quản lý chất lượng phù hợp tiêu chuẩn "
         "quốc gia TCVN ISO 9001:2015",
}


def seed_indicators() -> list[IndicatorResult]:
    u = "UBND-TX"
    one = [
        ind(u, "1", "1.1", "Tốc độ tăng trưởng giá trị sản xuất", "14-15%", "12%",
            "khong_dat", 80.0),
        ind(u, "1", "1.2", "Thu nhập bình quân đầu người", "46 – 48 triệu đồng/người/năm",
            "43,5 triệu đồng/người/năm", "khong_dat", 90.6, unit_of_measure="triệu đồng"),
        ind(u, "1", "1.3", "Tổng vốn đầu tư toàn xã hội", "1.100 tỷ đồng", "1.150 tỷ đồng",
            "vuot", 104.5, unit_of_measure="tỷ đồng"),
        ind(u, "1", "1.4", "Thu ngân sách trên địa bàn", "185-190 tỷ đồng", "190 tỷ đồng",
            "dat", 100.0, unit_of_measure="tỷ đồng"),
        ind(u, "1", "1.5", "Tỷ lệ hộ nghèo", "giảm 0,8-1,0%", "giảm 1,1%", "vuot", 110.0,
            direction="lower_is_better"),
        ind(u, "1", "1.6", "Tỷ lệ lao động qua đào tạo", "≥ 70%", "71,5%", "vuot", 102.1),
        ind(u, "1", "1.7", "Tỷ lệ trường đạt chuẩn quốc gia", "31/38 trường, tỷ lệ 81,6%",
            "31/38 trường", "dat", 100.0),
        ind(u, "1", "1.8", "Tỷ lệ dân số tham gia bảo hiểm y tế", "> 93%", "93,5%", "vuot",
            100.5),
        ind(u, "1", "1.9", "Tỷ lệ thu gom rác thải", "99,9%", "99,9%", "dat", 100.0),
        ind(u, "1", "1.10", "Số lao động được giải quyết việc làm", "> 110 lao động",
            "125 lao động", "vuot", 113.6, unit_of_measure="lao động"),
        ind(u, "1", "1.11", "Số xã đạt chuẩn nông thôn mới", "Có 01 xã đạt chuẩn",
            "01 xã", "dat", 100.0, target_kind="count"),
    ]
    return [*one,
            ind(u, "2", "2.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "trên 95%", "86,2%",
                "khong_dat", 90.7, self_assessment="khong_dat"),
            ind(u, "3", "3.1", "Tỷ lệ ý kiến chỉ đạo hoàn thành đúng hạn", "100%", "162/168",
                "khong_dat", 96.4, target_kind="ratio"),
            ind(u, "4", "4.1", "Đánh giá nội bộ và xem xét của lãnh đạo", "01 lần/năm",
                "Hoàn thành", "dat", None, verdict_source="self_assessment",
                self_assessment="dat", confidence="low", unit_of_measure="lần",
                notes=["Kết quả bằng lời: dùng tự đánh giá của đơn vị"])]


def seed_round() -> RoundResult:
    inds = seed_indicators()
    inds += [
        ind("PTCKH", "1", "1.1", "Tỷ lệ giải ngân vốn đầu tư công", "≥ 95%", "97%", "vuot",
            102.1),
        ind("PTCKH", "1", "1.2", FORMULA_TEXT, "100%", FORMULA_RESULT, "khong_xac_dinh", None,
            confidence="none", self_assessment="dat", self_assessment_mismatch=True),
        ind("PTCKH", "2", "2.1", "Tỷ lệ hồ sơ thẩm định quyết toán đúng hạn", "100%", "92%",
            "khong_dat", 92.0, self_assessment="dat", self_assessment_mismatch=True),
        ind("P-HXUAN", "1", "1.1", "Tỷ lệ hộ nghèo", "dưới 1%", "0,8%", "vuot", 125.0,
            direction="lower_is_better"),
        ind("P-HXUAN", "1", "1.2", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "dưới 5%", "",
            "chua_co_so_lieu", None),
        ind("P-HXUAN", "2", "2.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "≥ 98%", "99,1%",
            "vuot", 101.1),
        ind("TTYT", "1", "1.1", "Tỷ lệ dân số được quản lý sức khỏe", "≥ 90%", "91%", "vuot",
            101.1),
        ind("TTYT", "1", "1.2", "Tỷ lệ tiêm chủng đầy đủ", "≥ 95%", "95%", "dat", 100.0),
    ]
    objs = objectives_of("UBND-TX", SEED_OBJECTIVES, inds)
    objs += objectives_of("PTCKH", {"1": "Quản lý tốt vốn đầu tư công",
                                    "2": "Thẩm định quyết toán đúng hạn"}, inds)
    objs += objectives_of("P-HXUAN", {"1": "Giảm nghèo bền vững, chăm sóc trẻ em",
                                      "2": "Cải cách thủ tục hành chính"}, inds)
    objs += objectives_of("TTYT", {"1": "Nâng cao chất lượng chăm sóc sức khỏe"}, inds)
    tasks = [
        task("UBND-TX", "1", "4", "Xây dựng kế hoạch đánh giá nội bộ", date(2021, 3, 31),
             "done", date(2021, 3, 20)),
        task("UBND-TX", "2", "4", "Tổ chức đánh giá nội bộ", date(2021, 9, 30), "done",
             date(2021, 10, 15)),
        task("UBND-TX", "3", "2", "Rà soát quy trình giải quyết TTHC", date(2021, 6, 30),
             "in_progress", overdue=True),
        task("UBND-TX", "4", "3", "Xem xét của lãnh đạo", date(2021, 12, 31), "not_started"),
        task("PTCKH", "1", "1", "Đôn đốc giải ngân vốn", date(2021, 10, 31), "in_progress",
             overdue=True),
        task("PTCKH", "2", "2", "Thẩm định quyết toán các dự án", date(2021, 11, 30), "done",
             date(2021, 11, 25)),
        task("P-HXUAN", "1", "1", "Rà soát hộ nghèo", None, "in_progress"),
        task("TTYT", "1", "1", "Khám sức khỏe định kỳ", date(2021, 8, 31), "done",
             date(2021, 8, 30)),
    ]
    units = [
        unit_result("UBND-TX", "UBND thị xã Hương Trà", "other", inds, objs, tasks,
                    score=91.2, file="UBND-TX/bao_cao_2021.xlsx",
                    report_date=date(2021, 11, 12), problems=1),
        unit_result("PTCKH", "Phòng Tài chính - Kế hoạch", "department", inds, objs, tasks,
                    score=64.7, late=True, problems=2,
                    file="PTCKH_v2.xlsx", report_date=date(2021, 12, 5)),
        unit_result("P-HXUAN", "UBND phường Hương Xuân", "ward", inds, objs, tasks,
                    score=75.0, file="HuongXuan.xlsx",
                    report_date=date(2021, 11, 20)),
        unit_result("TTYT", "Trung tâm Y tế thị xã", "centre", inds, objs, tasks,
                    score=100.0, file="TTYT.xlsx",
                    report_date=date(2021, 11, 28)),
        UnitResult(code="X-HTHO", name="UBND xã Hương Thọ", kind="commune"),
    ]
    intake = [
        IntakeEntry("HuongTho_cu.xls", "rejected", "Định dạng .xls cũ, không phải .xlsx",
                    errors=1),
        IntakeEntry("HuongXuan.xlsx", "used", unit_code="P-HXUAN",
                    unit_name="UBND phường Hương Xuân", report_date=date(2021, 11, 20)),
        IntakeEntry("PTCKH_v1.xlsx", "superseded", "Có bản mới hơn: PTCKH_v2.xlsx",
                    unit_code="PTCKH", unit_name="Phòng Tài chính - Kế hoạch",
                    report_date=date(2021, 11, 10)),
        IntakeEntry("PTCKH_v2.xlsx", "used", unit_code="PTCKH",
                    unit_name="Phòng Tài chính - Kế hoạch", report_date=date(2021, 12, 5),
                    late=True, errors=0, warnings=2),
        IntakeEntry("TTYT (1).xlsx", "duplicate", "Trùng nội dung với TTYT.xlsx",
                    unit_code="TTYT", unit_name="Trung tâm Y tế thị xã"),
        IntakeEntry("TTYT.xlsx", "used", unit_code="TTYT", unit_name="Trung tâm Y tế thị xã",
                    report_date=date(2021, 11, 28)),
        IntakeEntry("UBND-TX/bao_cao_2021.xlsx", "used", unit_code="UBND-TX",
                    unit_name="UBND thị xã Hương Trà", report_date=date(2021, 11, 12),
                    warnings=1),
        IntakeEntry("ghi chú.txt", "ignored", "Không phải tệp Excel"),
    ]
    problems = [
        problem("file-old-format", file="HuongTho_cu.xls", detail=".xls"),
        problem("result-unreadable", file="PTCKH_v2.xlsx", unit_code="PTCKH",
                sheet="Mục tiêu - Chỉ tiêu", cell="G5", field="result", value="=1+1"),
        problem("date-invalid", file="PTCKH_v2.xlsx", unit_code="PTCKH",
                sheet="Thông tin đơn vị", cell="C10", field="report_date",
                value="31/11/2021", label=Words("Ngày báo cáo", "Report date"),
                example="15/12/2021"),
        problem("timeline-unreadable", file="UBND-TX/bao_cao_2021.xlsx",
                unit_code="UBND-TX", sheet="Kế hoạch", cell="G6", field="timeline",
                value="Thường xuyên", year=2021),
    ]
    town = roll_up(seed_config(), submitted=[u.code for u in units if u.submitted],
                   objectives=objs, indicators=inds)
    return RoundResult(town="UBND thị xã Hương Trà", year=2021, period="year",
                       as_of=date(2021, 12, 15), deadline=date(2021, 11, 30),
                       cut_off=date(2021, 11, 30), intake=intake, missing_units=["X-HTHO"],
                       units=units, objectives=objs, indicators=inds, tasks=tasks,
                       problems=problems, town_objectives=town.objectives,
                       town_basis=town.basis, town_gap=town.gap, town_office=town.office)


def seed_config() -> RoundConfig:
    """The round of seed 002: the town's four objectives; the eleven indicators of
    objective 1 and the on-time rate of objective 2 assigned (here all to the town's own
    unit UBND-TX); objectives 3 and 4 led by it."""
    assignments = [Assignment("UBND-TX", "1", f"1.{n}", "") for n in range(1, 12)]
    assignments.append(Assignment("UBND-TX", "2", "2.1", ""))
    for a in assignments:
        a.target = "(giao)"
    return RoundConfig(town="UBND thị xã Hương Trà", year=2021, town_office="UBND-TX",
                       assignments=assignments, town_objectives=[
                           TownObjective(code, text, "UBND-TX")
                           for code, text in SEED_OBJECTIVES.items()])


def empty_round() -> RoundResult:
    """No register, no returns: every sheet must still be written."""
    return RoundResult(town="", year=None, period="h1", as_of=date(2023, 6, 30),
                       deadline=None, cut_off=None, intake=[], missing_units=[], units=[],
                       objectives=[], indicators=[], tasks=[], problems=[])


def part_year_round() -> RoundResult:
    """Seed 002's round at six months: the on-time rate (a level) at risk, the investment
    (an amount) behind the year's elapsed share, the income on track; bands provisional.
    The judge's progress statuses are set by hand (they are its to give)."""
    result = seed_round()
    result.period = "h1"
    progress = {"1.1": ("dang_thuc_hien", "cham_tien_do"),
                "1.2": ("dang_thuc_hien", "dung_tien_do"),
                "2.1": ("dang_thuc_hien", "nguy_co")}
    for i in result.indicators:
        if i.unit_code == "UBND-TX" and i.code in progress:
            i.verdict, i.progress = progress[i.code]
    objs = [o for o in result.objectives if o.unit_code != "UBND-TX"]
    objs = objectives_of("UBND-TX", SEED_OBJECTIVES, result.indicators) + objs
    result.objectives = objs
    for n, u in enumerate(result.units):
        if u.submitted:
            result.units[n] = unit_result(u.code, u.name, u.kind, result.indicators, objs,
                                          result.tasks, score=u.score, late=u.late,
                                          problems=u.problems, file=u.file,
                                          report_date=u.report_date, period="h1")
    town = roll_up(seed_config(), submitted=[u.code for u in result.units if u.submitted],
                   objectives=objs, indicators=result.indicators)
    result.town_objectives = town.objectives
    return result
