"""The content of the sample round (`samples/`): the seeds' objectives, targets, plans and
results as data, with the outcome a careful official expects for every file.

The targets keep the seeds' exact phrasing (seed 000 for the departments, seed 001 for
phường Hương Xuân, seed 003 for phường Bắc Hồng, seeds 002 and 004 for the town office);
results are written the way officials write them. Every indicator carries the verdict we
expect (`verdict`) and why, reasoned from DOMAIN.md and PRODUCT.md ("Judging results"),
never copied from the tool:

- Vượt: achieved and strictly better than the target's best bound (a range's upper end;
  the threshold of "trên", "tối thiểu", "dưới"; a plain value); Đạt: achieved, not
  better; a plain value for a lower-is-better indicator is a ceiling;
- an objective is achieved only when all its indicators are;
- a target that cannot be read is "Không xác định" and the unit's self-assessment is used
  when there is one;
- the round is the 2023 year report, so nothing is "in progress" by period: an
  indicator is "Đang thực hiện" only when it cannot be judged and the unit says so.

Every task carries the deadline we read from its timeline (`due`, None when it has no
date: "Thường xuyên", "Định kỳ hàng tháng", "Khi có phát sinh", "Theo kế hoạch"…). A task
is done when its status is "Hoàn thành", done late when completed after `due`, overdue
when not done, not cancelled and `due` is before the round's cut-off.

This module only holds data; `make_samples.py` writes the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# --------------------------------------------------------------------------- the round

TOWN = "UBND thị xã Hương Trà"
YEAR = 2023
PERIOD = "year"
DEADLINE = date(2023, 12, 15)
CUT_OFF = date(2023, 12, 31)
AS_OF = date(2023, 12, 20)  # the date the office runs `qmo consolidate` in the tests

# Units added to the register of `qmo_excel.round.example_round()` (code, name, kind),
# each inserted after the unit named in the last element.
EXTRA_UNITS = (("P-BHONG", "UBND phường Bắc Hồng", "ward", "P-HXUAN"),)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Ind:
    """A row of the objectives sheet: an objective (code 1, 2…) or an indicator (1.1…).

    ``verdict`` is the expected verdict (None for an objective row that only heads its
    indicators). ``self_assessment`` and ``direction`` are spec choice codes.
    """

    code: str
    text: str
    target: str = ""
    result: str = ""
    self_assessment: str = ""
    uom: str = ""
    verdict: str | None = None
    why: str = ""
    evidence: str = ""
    lead: str = ""
    direction: str = ""
    mismatch: bool = False  # the self-assessment contradicts the figures
    assigned: bool = False  # assigned by the town (seed 000): also in round.xlsx


@dataclass(frozen=True)
class Task:
    number: str
    objective: str
    task: str
    lead: str
    timeline: str
    status: str  # spec status code
    completed: date | None = None
    due: date | None = None  # the deadline we read from `timeline`
    coordinating: str = ""
    monitoring: str = ""
    output: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Prob:
    """A problem (error or warning) a careful checker reports in a return: the code of
    ``problems.CATALOGUE`` and where: ``sheet`` info | objectives | plan, ``at`` the
    indicator code (objectives) or the 0-based task index (plan), ``field`` the spec key."""

    code: str
    sheet: str
    field: str
    at: str = ""
    why: str = ""


@dataclass(frozen=True)
class Return:
    """One file a unit sends, and what should become of it."""

    file: str
    unit_code: str
    unit_name: str
    report_date: date
    preparer: str
    contact: str
    head: str
    objectives: tuple[Ind, ...]
    tasks: tuple[Task, ...] = ()
    # how the file is made: xlsxwriter | libreoffice-xlsx | libreoffice-xls | truncated
    make: str = "xlsxwriter"
    lock_assigned: bool = False
    status: str = "used"  # used | superseded | duplicate | rejected | ignored
    late: bool = False
    unknown_unit: bool = False
    mtime: str = "2023-12-15 16:00"  # only a tie-breaker; the report date decides
    demonstrates_vi: str = ""
    demonstrates_en: str = ""
    why: str = ""  # why this fate
    # the errors and warnings expected in this file (infos are not checked)
    problems: tuple[Prob, ...] = ()


@dataclass(frozen=True)
class Extra:
    """A file that is not generated from data of its own: a copy or a lock file."""

    file: str
    make: str  # copy-of | excel-lock
    source: str = ""  # copy-of: the file copied; excel-lock: the file it locks
    owner: str = ""  # excel-lock: the user name Excel writes
    unit_code: str | None = None
    status: str = "ignored"
    late: bool = False
    mtime: str = "2023-12-15 16:00"
    demonstrates_vi: str = ""
    demonstrates_en: str = ""
    why: str = ""


# Items where the tool disagrees with the expectation: (file, item) -> why. Items are
# "status", "unit_code", "late", "problems", "indicator:<code>", "objective:<code>",
# "tasks:<count>";
# for the round-level expectations the file is "round" and the item a key of round.json.
KNOWN_DISAGREEMENTS: dict[tuple[str, str], str] = {}

# --------------------------------------------------------------------------- bands

# The band each unit should get (PRODUCT.md, after Quy định 366-QĐ/TW 2025, Điều 11):
# xuất sắc needs a score of 90, every assessed indicator achieved and 30% exceeded; tốt a
# score of 70 and every one achieved; hoàn thành a score of 50 and at most 20% not
# achieved; an indicator without a result counts as not achieved, one still in progress
# when the year is over too; an undetermined one is not assessed. A unit whose every
# indicator is achieved scores 100 (each counts its % of plan, capped at 100).
ALL_ACHIEVED = "every indicator achieved, so the score is 100"
BANDS: dict[str, tuple[str, str]] = {
    "PTNMT": ("xuat_sac", f"{ALL_ACHIEVED}; 2 of 5 exceeded (40% >= 30%)"),
    "PTCKH": ("khong_hoan_thanh", "3 of 9 not achieved (1.1, 1.5, 3): 33% > 20%, whatever "
              "the score"),
    "PKT": ("tot", f"{ALL_ACHIEVED}; only 1 of 4 exceeded (25% < 30%): held back from "
            "xuất sắc"),
    "PQLDT": ("khong_hoan_thanh", "1 of 4 not achieved (objective 2, 94,1% against 'trên "
              "95%'): 25% > 20%"),
    "PLDTBXH": ("xuat_sac", f"{ALL_ACHIEVED}; 3 of 6 exceeded (50%)"),
    "PGDDT": ("xuat_sac", f"{ALL_ACHIEVED}; 3 of 5 exceeded (60%)"),
    "PVHTT": ("khong_hoan_thanh", "1.2 cannot be judged ('như năm trước') so it is not "
              "assessed; 1 of the 4 assessed not achieved (1.3): 25% > 20%"),
    "TTYT": ("xuat_sac", f"{ALL_ACHIEVED}; 2 of 4 exceeded (50%)"),
    "VP": ("khong_hoan_thanh", "3 of 7 not achieved (1, 2.1, 3): 43% > 20%, although its "
           "score is above 90"),
    "PNV": ("xuat_sac", f"{ALL_ACHIEVED}; 1 of 2 exceeded (50%)"),
    "P-HXUAN": ("khong_hoan_thanh", "3 not achieved (3, 4.6, 6.3) and 4 without a result "
                "(7.1-7.4): 7 of 22, 32% > 20%"),
    "P-BHONG": ("khong_hoan_thanh", "4 not achieved (1.4, 1.9, 1.12, 6), 1 without a result "
                "(7) and 1 still in progress at the year's end (1.18): 6 of 29, 20,7% > 20%"),
}

# --------------------------------------------------------------------------- the town

# The town's objectives (seed 000) as leadership should read them: code -> status, how
# many indicators, how many achieved, the indicators not achieved (unit, code), why.
# Objective 1 counts the socio-economic indicators assigned to the departments; 2 and 5
# the office's assigned indicators; 3 and 4 have none, so the office's own objectives 3
# and 4 (it leads them) decide.
TOWN_HEADLINE = ("3/5 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)",
                 "3/5 objectives not achieved (objectives no. 1, 2, 3)")
TOWN_OBJECTIVES: dict[str, dict[str, object]] = {
    "1": {"status": "khong_dat", "indicators": 17, "achieved": 15,
          "not_achieved": [["PTCKH", "1.1"], ["PTCKH", "1.5"]],
          "why": "17 indicators assigned to PTNMT (2), PTCKH (7), PKT (2), PLDTBXH (4), "
                 "PGDDT (1) and PVHTT (1); PTCKH's growth (ước đạt 13,2% of 14-15%) and "
                 "investment (1.050 of 1.100 tỷ đồng) are not achieved: 15/17, not achieved"},
    "2": {"status": "khong_dat", "indicators": 1, "achieved": 0,
          "not_achieved": [["VP", "2.1"]],
          "why": "the office's on-time rate 86,2% against 'trên 95%'"},
    "3": {"status": "khong_dat", "indicators": 1, "achieved": 0,
          "not_achieved": [["VP", "3"]],
          "why": "no assigned indicator: the office (its lead) reports 162/168 against 100%"},
    "4": {"status": "dat", "indicators": 1, "achieved": 1, "not_achieved": [],
          "why": "no assigned indicator: the office reports 100% of citizens' reports "
                 "answered on time against 100%"},
    "5": {"status": "dat", "indicators": 1, "achieved": 1, "not_achieved": [],
          "why": "the office's evaluation of the objectives held once, 'ít nhất 01 lần/năm'"},
}


# --------------------------------------------------------------------------- shared texts

OBJ_KTXH = ("Thực hiện các mục tiêu, chỉ tiêu kế hoạch phát triển kinh tế - xã hội, các "
            "chương trình trọng điểm năm 2023")
OBJ_DOTXUAT = ("Hoàn thành đúng nội dung và đảm bảo tiến độ 100% các nhiệm vụ đột xuất theo "
               "yêu cầu của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân tỉnh, thị xã")
OBJ_ISO = ("Đánh giá, duy trì, cải tiến Hệ thống quản lý chất lượng phù hợp tiêu chuẩn quốc "
           "gia TCVN ISO 9001:2015")


def tthc(field_of: str) -> str:
    return (f"Rà soát, đơn giản hóa thủ tục hành chính; giải quyết hồ sơ TTHC lĩnh vực "
            f"{field_of} đúng hạn và trước hạn")


WHY_RANGE_IN = "inside the range: achieved, not beyond its upper end"
WHY_RANGE_ABOVE = "above the range's upper end: exceeded"
WHY_RANGE_BELOW = "below the range's lower end: not achieved"
WHY_EQUAL = "exactly the target: achieved"
WHY_MORE_THAN = "strictly above the threshold of a 'more than / at least' target: exceeded"
WHY_100_SHORT = "a fraction below the required 100%: not achieved"
WHY_QUAL = "a qualitative target met in words ('Đạt', 'Hoàn thành'): achieved"
WHY_NO_RESULT = ("no result given: no data (emulation titles are awarded in January of the "
                 "next year)")

ISO_QMR = "QMR; Thư ký ISO"

# --------------------------------------------------------------------------- departments

PTNMT = Return(
    file="BaoCao_MTCL_2023_PTNMT.xlsx",
    unit_code="PTNMT", unit_name="Phòng Tài nguyên và Môi trường",
    report_date=date(2023, 12, 8), preparer="Lê Thị Thu Hà, chuyên viên",
    contact="0234 3557 211, ptnmt.huongtra@example.vn", head="Hoàng Văn Tuấn",
    lock_assigned=True,
    objectives=(
        Ind("1", OBJ_KTXH, assigned=True),
        Ind("1.1", "Tỷ lệ thu gom rác thải sinh hoạt", ">93%", "95,1%", "dat", "%",
            "vuot", WHY_MORE_THAN, "Báo cáo số 312/BC-TNMT ngày 05/12/2023", assigned=True),
        Ind("1.2", "Tỷ lệ dân số sử dụng nước sạch", "99,9%", "99,9%", "dat", "%",
            "dat", WHY_EQUAL, "Số liệu Trung tâm Nước sạch", assigned=True),
        Ind("2", tthc("tài nguyên - môi trường"), "trên 95%", "97,8%", "dat", "%",
            "vuot", WHY_MORE_THAN, "Phần mềm một cửa điện tử"),
        Ind("3", OBJ_DOTXUAT, "100%", "24/24", "dat", "%", "dat",
            "24 of 24 tasks on time is 100%: achieved", "Sổ theo dõi ý kiến chỉ đạo"),
        Ind("4", OBJ_ISO, "ít nhất 01 lần/năm", "01 lần", "dat", "lần/năm", "dat",
            "once a year against 'at least once a year': achieved, not beyond",
            "Báo cáo đánh giá nội bộ tháng 8/2023"),
    ),
    tasks=(
        Task("1", "1", "Xây dựng kế hoạch thu gom, xử lý rác thải sinh hoạt năm 2023",
             "Phòng Tài nguyên và Môi trường", "Tháng 01/2023", "done", date(2023, 1, 20),
             date(2023, 1, 31), "UBND các xã, phường", "Lãnh đạo phòng",
             "Kế hoạch thu gom rác thải"),
        Task("2", "1", "Kiểm tra, đôn đốc các đơn vị cấp nước đảm bảo chất lượng nước sạch",
             "Phòng Tài nguyên và Môi trường", "Thường xuyên", "in_progress", None, None,
             "Trung tâm Y tế", "Lãnh đạo phòng", "Biên bản kiểm tra"),
        Task("3", "2", "Niêm yết, công khai TTHC lĩnh vực tài nguyên - môi trường",
             "Bộ phận một cửa", "Quý I/2023", "done", date(2023, 3, 15), date(2023, 3, 31),
             "", "Thư ký ISO", "Danh mục TTHC được niêm yết"),
        Task("4", "4", "Xây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023",
             "Thư ký ISO của phòng", "Tháng 01/2023", "done", date(2023, 1, 16),
             date(2023, 1, 31), "Các bộ phận", ISO_QMR, "MTCL và Kế hoạch thực hiện MTCL"),
        Task("5", "4", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng",
             "Thư ký ISO của phòng", "Trước 15/6 và trước 30/11 hằng năm", "done",
             date(2023, 11, 28), date(2023, 11, 30), "Các bộ phận", ISO_QMR,
             "Báo cáo 6 tháng, báo cáo năm"),
    ),
    demonstrates_vi="Báo cáo đầy đủ, đúng hạn, mọi mục tiêu đều đạt.",
    demonstrates_en="A complete return, on time, every objective achieved.",
    why="a complete return of a registered unit, dated before the deadline",
)

PTCKH = Return(
    file="BaoCao_MTCL_2023_PTCKH.xlsx",
    unit_code="PTCKH", unit_name="Phòng Tài chính - Kế hoạch",
    report_date=date(2023, 12, 11), preparer="Nguyễn Thị Hoa, Thư ký ISO",
    contact="0234 3557 118, ptckh.huongtra@example.vn", head="Phan Văn Lợi",
    lock_assigned=True,
    objectives=(
        Ind("1", OBJ_KTXH, assigned=True),
        Ind("1.1", "Tốc độ tăng trưởng GTSX so với năm 2022", "14-15%", "ước đạt 13,2%",
            "khong_dat", "%", "khong_dat", WHY_RANGE_BELOW + " (an estimate)",
            "Báo cáo KT-XH năm 2023", assigned=True),
        Ind("1.2", "Ngành công nghiệp - xây dựng tăng", "16-17 %", "16,5%", "dat", "%",
            "dat", WHY_RANGE_IN, assigned=True),
        Ind("1.3", "Ngành dịch vụ tăng", "13-14 %", "14,3%", "vuot", "%", "vuot",
            WHY_RANGE_ABOVE, assigned=True),
        Ind("1.4", "Ngành nông nghiệp tăng", "3,0-3,5%", "3,2%", "dat", "%", "dat",
            WHY_RANGE_IN, assigned=True),
        Ind("1.5", "Tổng vốn đầu tư toàn xã hội", "1.100 tỷ đồng", "ước đạt 1.050 tỷ đồng",
            "khong_dat", "tỷ đồng", "khong_dat",
            "1,050 of 1,100 billion (95.5%) for a plain higher-is-better value: not achieved",
            assigned=True),
        Ind("1.6", "Tổng thu ngân sách", "185-190 tỷ đồng", "đạt 104,6% kế hoạch", "vuot",
            "tỷ đồng", "vuot",
            "104.6% of plan is above 190 billion whichever bound the plan means: exceeded",
            "Báo cáo thu, chi ngân sách năm 2023", assigned=True),
        Ind("1.7", "Thu nhập bình quân đầu người", "46 – 48 triệu đồng/người/năm",
            "47,1 triệu đồng/người/năm", "dat", "triệu đồng/người/năm", "dat",
            WHY_RANGE_IN, assigned=True),
        Ind("2", tthc("tài chính - kế hoạch"), "trên 95%", "96,4%", "dat", "%", "vuot",
            WHY_MORE_THAN, "Phần mềm một cửa điện tử"),
        Ind("3", OBJ_DOTXUAT, "100%", "31/33 nhiệm vụ", "khong_dat", "%", "khong_dat",
            "31 of 33 tasks (93.9%) against 100%: not achieved",
            "02 nhiệm vụ hoàn thành quá hạn"),
    ),
    tasks=(
        Task("1", "1", "Phân giao chỉ tiêu cụ thể đến các phòng, bộ phận và yêu cầu xây dựng "
             "kế hoạch hành động để thực hiện hoàn thành các chỉ tiêu",
             "Lãnh đạo phòng", "Tháng 01/2023", "done", date(2023, 1, 31), date(2023, 1, 31),
             "Các bộ phận", "Lãnh đạo phòng", "Kế hoạch thực hiện các chỉ tiêu"),
        Task("2", "1", "Xem xét và phê duyệt, điều chỉnh và ra Quyết định phân giao phù hợp",
             "Lãnh đạo phòng", "Tháng 01/2023", "done", date(2023, 2, 8), date(2023, 1, 31),
             "", "Lãnh đạo phòng", "Kế hoạch thực hiện các chỉ tiêu",
             "Chậm do chờ số liệu giao dự toán"),
        Task("3", "1", "Phổ biến và phân công CBCC bám sát thực hiện", "Trưởng phòng",
             "Sau tiếp nhận kế hoạch", "done", date(2023, 2, 15), None, "",
             "Lãnh đạo phòng", "CBCC nắm rõ kế hoạch"),
        Task("4", "1", "Tuân thủ thực hiện và tổ chức đánh giá, báo cáo về lãnh đạo UBND "
             "định kỳ hoặc đột xuất", "Các bộ phận", "Theo kế hoạch thực hiện các chỉ tiêu",
             "in_progress", None, None, "", "Lãnh đạo phòng", "Báo cáo kết quả thực hiện"),
        Task("5", "1", "Thực hiện điều chỉnh kịp thời khi kế hoạch thực hiện các chỉ tiêu "
             "không đảm bảo yêu cầu", "Trưởng phòng", "Thường xuyên", "in_progress", None,
             None, "", "Lãnh đạo phòng", "Kế hoạch điều chỉnh (nếu có)"),
        Task("6", "2", "Rà soát, công khai TTHC lĩnh vực tài chính, kế hoạch và đầu tư",
             "Bộ phận một cửa", "Quý I/2023", "in_progress", None, date(2023, 3, 31), "",
             "Thư ký ISO", "Danh mục TTHC được công khai",
             "Chờ Quyết định công bố TTHC của UBND tỉnh"),
    ),
    demonstrates_vi=("Báo cáo đạt một phần: 2/7 chỉ tiêu kinh tế - xã hội không đạt (kết "
                     "quả \"ước đạt\") nên mục tiêu 1 không đạt; mục tiêu 3 (31/33 nhiệm "
                     "vụ) không đạt; 1 nhiệm vụ hoàn thành muộn, 1 nhiệm vụ quá hạn."),
    demonstrates_en=("A partly achieved return: 2 of 7 socio-economic indicators missed "
                     "(estimated results), so objective 1 is missed; objective 3 (31 of 33 "
                     "tasks) missed; a task done late, one overdue."),
    why="a registered unit's only return, dated before the deadline",
)

PKT = Return(
    file="BaoCao_MTCL_2023_PKT.xlsx",
    unit_code="PKT", unit_name="Phòng Kinh tế",
    report_date=date(2023, 12, 12), preparer="Trần Văn Minh, chuyên viên",
    contact="0234 3557 305, pkt.huongtra@example.vn", head="Lê Quang Vinh",
    lock_assigned=True,
    objectives=(
        Ind("1", OBJ_KTXH, assigned=True),
        Ind("1.1", "Tỷ lệ che phủ của rừng", "56-58 %", "57,2%", "dat", "%", "dat",
            WHY_RANGE_IN, "Kết quả theo dõi diễn biến rừng năm 2023", assigned=True),
        Ind("1.2", "Số xã đạt chuẩn xã nông thôn mới", "Có 01 xã đạt chuẩn xã nông thôn mới",
            "01 xã", "dat", "xã", "dat", "one commune recognised against one: achieved",
            "Quyết định công nhận của UBND tỉnh", assigned=True),
        Ind("2", tthc("kinh tế"), "trên 95%", "98,2%", "dat", "%", "vuot", WHY_MORE_THAN),
        Ind("3", OBJ_DOTXUAT, "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
    ),
    tasks=(
        Task("1", "1", "Xây dựng kế hoạch trồng rừng, bảo vệ và phát triển rừng năm 2023",
             "Phòng Kinh tế", "Quý I/2023", "done", date(2023, 3, 20), date(2023, 3, 31),
             "Hạt Kiểm lâm", "Lãnh đạo phòng", "Kế hoạch năm 2023"),
        Task("2", "1", "Hướng dẫn, hỗ trợ xã hoàn thiện hồ sơ đề nghị công nhận đạt chuẩn "
             "nông thôn mới", "Phòng Kinh tế", "Tháng 10/2023", "done", date(2023, 10, 27),
             date(2023, 10, 31), "UBND xã", "Lãnh đạo phòng", "Hồ sơ đề nghị công nhận"),
        Task("3", "2", "Cập nhật, niêm yết TTHC lĩnh vực nông nghiệp, công thương",
             "Bộ phận một cửa", "Thường xuyên", "in_progress", None, None, "", "Thư ký ISO",
             "Danh mục TTHC cập nhật"),
        Task("4", "3", "Theo dõi, đôn đốc thực hiện ý kiến chỉ đạo trên phần mềm quản lý văn "
             "bản", "Lãnh đạo phòng", "Thường xuyên", "in_progress", None, None, "",
             "Lãnh đạo phòng", "Kết quả xử lý đúng hạn trên phần mềm"),
    ),
    mtime="2023-12-12 09:30",
    demonstrates_vi=("Tệp gốc của một báo cáo được gửi hai lần y hệt (bản kia là \"(1)\"): "
                     "tệp này được dùng."),
    demonstrates_en=("The original of a return that arrived twice byte for byte (the other "
                     "copy is \"(1)\"): this one is used."),
    why="the original of two identical files; the \"(1)\" copy is the duplicate",
)

PQLDT = Return(
    file="BaoCao_MTCL_2023_PQLDT.xlsx",
    unit_code="PQLDT", unit_name="Phòng Quản lý đô thị",
    report_date=date(2023, 12, 13), preparer="Võ Đình Nam, chuyên viên",
    contact="0234 3557 402", head="Nguyễn Đức Thắng",
    make="libreoffice-xlsx",
    objectives=(
        Ind("1", OBJ_KTXH),
        Ind("1.1", "Tỷ lệ tuyến đường đô thị được chiếu sáng", "100%", "100%", "dat", "%",
            "dat", WHY_EQUAL),
        Ind("1.2", "Tỷ lệ diện tích đất xây dựng đô thị được phủ quy hoạch chi tiết",
            "từ 86% trở lên", "88,3%", "dat", "%", "vuot",
            "above the 86% of 'từ 86% trở lên': exceeded"),
        Ind("2", tthc("quản lý đô thị (cấp phép xây dựng)"), "trên 95%", "94,1%",
            "khong_dat", "%", "khong_dat", "94.1% is not above 95%: not achieved",
            "Phần mềm một cửa điện tử"),
        Ind("3", OBJ_DOTXUAT, "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
    ),
    tasks=(
        Task("1", "1", "Rà soát, điều chỉnh quy hoạch chi tiết các khu đô thị",
             "Phòng Quản lý đô thị", "Tháng 6/2023", "done", date(2023, 6, 29),
             date(2023, 6, 30), "Phòng Tài nguyên và Môi trường", "Lãnh đạo phòng",
             "Quy hoạch chi tiết được phê duyệt"),
        Task("2", "2", "Kiểm soát chặt chẽ hồ sơ cấp phép xây dựng trên phần mềm một cửa",
             "Bộ phận cấp phép", "Thường xuyên", "in_progress", None, None, "",
             "Thư ký ISO", "Hồ sơ đúng hạn"),
        Task("3", "1", "Lập hồ sơ rà soát các tiêu chí đô thị loại III", "Phòng Quản lý đô thị",
             "Quý III/2023", "in_progress", None, date(2023, 9, 30), "Các phòng liên quan",
             "Lãnh đạo phòng", "Hồ sơ rà soát tiêu chí", "Đang chờ số liệu của các phòng"),
    ),
    demonstrates_vi=("Báo cáo được mở và lưu lại bằng LibreOffice (như khi đơn vị dùng "
                     "LibreOffice thay cho Excel): vẫn đọc và chấm bình thường."),
    demonstrates_en=("A return opened and saved again in LibreOffice (as units without "
                     "Excel do): read and judged like any other."),
    why="a return re-saved by LibreOffice keeps the template's sheets and values",
)

PLDTBXH = Return(
    file="Phòng LĐTBXH - Báo cáo MTCL năm 2023.xlsx",
    unit_code="PLDTBXH", unit_name="Phòng Lao động - Thương binh và Xã hội",
    report_date=date(2023, 12, 18), preparer="Hồ Thị Lan, chuyên viên",
    contact="0234 3557 520", head="Trương Công Hậu",
    lock_assigned=True,
    late=True,
    objectives=(
        Ind("1", OBJ_KTXH, assigned=True),
        Ind("1.1", "Tỷ lệ lao động qua đào tạo", ">70%", "71,5%", "dat", "%", "vuot",
            WHY_MORE_THAN, assigned=True),
        Ind("1.2", "Giải quyết việc làm hằng năm", "900 lao động", "935 lao động", "vuot",
            "lao động", "vuot", "935 workers against a plain 900: exceeded", assigned=True),
        Ind("1.3", "Lao động làm việc ở nước ngoài theo hợp đồng", "80-100 người/năm",
            "86 người", "dat", "người/năm", "dat", WHY_RANGE_IN, assigned=True),
        Ind("1.4", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "giảm 0,8-1,0%/năm", "giảm 0,85%",
            "dat", "%", "dat", "a decrease of 0.85 points inside the 0.8-1.0 decrease: "
            "achieved", "Kết quả rà soát hộ nghèo (sơ bộ)", assigned=True),
        Ind("2", tthc("lao động, người có công và xã hội"), "trên 95%", "100%", "vuot", "%",
            "vuot", WHY_MORE_THAN),
        Ind("3", OBJ_DOTXUAT, "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
    ),
    tasks=(
        Task("1", "1", "Xây dựng kế hoạch đào tạo nghề, giải quyết việc làm năm 2023",
             "Phòng Lao động - Thương binh và Xã hội", "Tháng 01/2023", "done",
             date(2023, 1, 30), date(2023, 1, 31), "UBND các xã, phường", "Lãnh đạo phòng",
             "Kế hoạch năm 2023"),
        Task("2", "1", "Rà soát hộ nghèo, hộ cận nghèo cuối năm 2023",
             "Phòng Lao động - Thương binh và Xã hội", "Tháng 10-11/2023", "in_progress",
             None, date(2023, 11, 30), "UBND các xã, phường", "Lãnh đạo phòng",
             "Kết quả rà soát được phê duyệt", "Chờ phúc tra của tỉnh"),
        Task("3", "2", "Công khai TTHC lĩnh vực lao động, người có công và xã hội",
             "Bộ phận một cửa", "Quý I/2023", "done", date(2023, 3, 28), date(2023, 3, 31),
             "", "Thư ký ISO", "Danh mục TTHC được công khai"),
    ),
    demonstrates_vi="Báo cáo nộp muộn: ngày báo cáo 18/12/2023, sau hạn 15/12/2023.",
    demonstrates_en="A late return: dated 18/12/2023, after the 15/12/2023 deadline.",
    why="used (it is the unit's only return) but late: report date after the deadline",
)

_PGDDT_OBJECTIVES_V2 = (
    Ind("1", OBJ_KTXH, assigned=True),
    Ind("1.1", "Tỷ lệ trường học đạt chuẩn quốc gia", "31/38 trường, tỷ lệ 81,6%",
        "32/38 trường, tỷ lệ 84,2%", "vuot", "%", "vuot",
        "32 of 38 schools (84.2%) against 31 of 38 (81.6%): exceeded",
        "Quyết định công nhận của UBND tỉnh", assigned=True),
    Ind("1.2", "Tỷ lệ học sinh lớp 9 tốt nghiệp THCS", "≥ 99%", "99,6%", "dat", "%", "vuot",
        "above the 99% of '≥ 99%': exceeded"),
    Ind("1.3", "Tỷ lệ trẻ em 5 tuổi hoàn thành chương trình giáo dục mầm non", "100%",
        "100%", "dat", "%", "dat", WHY_EQUAL),
    Ind("2", tthc("giáo dục và đào tạo"), "trên 95%", "100%", "dat", "%", "vuot",
        WHY_MORE_THAN),
    Ind("3", OBJ_DOTXUAT, "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
)
_PGDDT_TASKS_V2 = (
    Task("1", "1", "Xây dựng kế hoạch kiểm tra, công nhận trường đạt chuẩn quốc gia năm 2023",
         "Phòng Giáo dục và Đào tạo", "Quý I/2023", "done", date(2023, 2, 24),
         date(2023, 3, 31), "Các trường", "Lãnh đạo phòng", "Kế hoạch năm 2023"),
    Task("2", "1", "Hoàn thiện hồ sơ đề nghị công nhận trường đạt chuẩn quốc gia",
         "Phòng Giáo dục và Đào tạo", "Tháng 9/2023", "done", date(2023, 10, 6),
         date(2023, 9, 30), "Các trường", "Lãnh đạo phòng", "Hồ sơ đề nghị công nhận",
         "Chậm do bổ sung hồ sơ cơ sở vật chất"),
    Task("3", "3", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng", "Thư ký ISO của phòng",
         "Trước 15/6 và trước 30/11 hằng năm", "done", date(2023, 11, 27),
         date(2023, 11, 30), "", ISO_QMR, "Báo cáo 6 tháng, báo cáo năm"),
)

PGDDT_OLD = Return(
    file="BC MTCL 2023 - Phòng GDĐT.xlsx",
    unit_code="PGDDT", unit_name="Phòng Giáo dục và Đào tạo",
    report_date=date(2023, 12, 5), preparer="Đặng Thị Mai, chuyên viên",
    contact="0234 3557 610", head="Nguyễn Văn Sơn",
    lock_assigned=True,
    status="superseded",
    mtime="2023-12-14 10:00",  # modified after the newer return: the report date decides
    objectives=tuple(
        Ind(i.code, i.text, i.target, "", "", i.uom, None, evidence="Chờ Quyết định công nhận",
            assigned=i.assigned)
        if i.code == "1.1" else i for i in _PGDDT_OBJECTIVES_V2),
    tasks=tuple(
        Task(t.number, t.objective, t.task, t.lead, t.timeline, "in_progress", None, t.due,
             t.coordinating, t.monitoring, t.output) if t.number == "3" else t
        for t in _PGDDT_TASKS_V2),
    demonstrates_vi=("Lần gửi thứ nhất (ngày báo cáo 05/12/2023, chưa có kết quả trường "
                     "chuẩn): bị thay thế bởi bản \"(sửa lại)\" có ngày báo cáo sau hơn, dù "
                     "tệp này được sửa sau cùng."),
    demonstrates_en=("The first of two returns of one unit (report date 05/12/2023, school "
                     "result missing): superseded by the \"(sửa lại)\" one with the later "
                     "report date, although this file was modified last."),
    why="the same unit sent a return with a later report date (12/12/2023)",
)

PGDDT = Return(
    file="BC MTCL 2023 - Phòng GDĐT (sửa lại).xlsx",
    unit_code="PGDDT", unit_name="Phòng Giáo dục và Đào tạo",
    report_date=date(2023, 12, 12), preparer="Đặng Thị Mai, chuyên viên",
    contact="0234 3557 610", head="Nguyễn Văn Sơn",
    lock_assigned=True,
    mtime="2023-12-12 15:00",
    objectives=_PGDDT_OBJECTIVES_V2,
    tasks=_PGDDT_TASKS_V2,
    demonstrates_vi=("Lần gửi thứ hai, bổ sung kết quả trường chuẩn: ngày báo cáo 12/12/2023 "
                     "mới hơn nên được dùng."),
    demonstrates_en=("The second return of the unit, completing the school result: its "
                     "later report date (12/12/2023) makes it the one used."),
    why="the later of the unit's two returns by report date",
)

PVHTT = Return(
    file="BC_MTCL_2023_PVHTT.xlsx",
    unit_code="PVHTT", unit_name="Phòng Văn hóa thông tin",
    report_date=date(2023, 12, 14), preparer="Phạm Thị Thúy, chuyên viên",
    contact="0234 3557 707", head="Lê Văn Hùng",
    lock_assigned=True,
    objectives=(
        Ind("1", OBJ_KTXH, assigned=True),
        Ind("1.1", "Số phường đạt chuẩn văn minh đô thị", "01 phường đạt chuẩn văn minh đô thị",
            "01 phường", "dat", "phường", "dat", "one ward against one: achieved",
            "Quyết định công nhận phường Tứ Hạ", assigned=True),
        Ind("1.2", "Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa", "như năm trước", "92,5%",
            "", "%", "khong_xac_dinh",
            "the target 'như năm trước' (as last year) says no level and there is no "
            "self-assessment: cannot be judged"),
        Ind("1.3", "Tỷ lệ thôn, tổ dân phố giữ vững danh hiệu văn hóa", "90%", "86,2%", "dat",
            "%", "khong_dat",
            "86.2% against 90%: not achieved, although the unit says 'Đạt' (flagged)",
            mismatch=True),
        Ind("2", tthc("văn hóa, thông tin"), "trên 95%", "97,0%", "dat", "%", "vuot",
            WHY_MORE_THAN),
        Ind("3", OBJ_DOTXUAT, "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
    ),
    tasks=(
        Task("1", "1", "Xây dựng kế hoạch xây dựng phường đạt chuẩn văn minh đô thị",
             "Phòng Văn hóa thông tin", "Quý I/2023", "done", date(2023, 3, 10),
             date(2023, 3, 31), "UBND phường Tứ Hạ", "Lãnh đạo phòng", "Kế hoạch"),
        Task("2", "5", "Tổ chức các hoạt động văn hóa, văn nghệ, thể thao chào mừng các ngày "
             "lễ lớn", "Phòng Văn hóa thông tin", "Theo kế hoạch", "done", date(2023, 9, 2),
             None, "Trung tâm Văn hóa - Thể thao", "Lãnh đạo phòng", "Các hoạt động"),
        Task("3", "2", "Niêm yết công khai TTHC lĩnh vực văn hóa, thông tin", "Bộ phận một cửa",
             "Thường xuyên", "in_progress", None, None, "", "Thư ký ISO",
             "Danh mục TTHC được niêm yết"),
    ),
    demonstrates_vi=("Báo cáo có lỗi sửa được: chỉ tiêu ghi \"như năm trước\" (không đọc "
                     "được), nhiệm vụ gắn mục tiêu 5 không có, tự đánh giá \"Đạt\" trái với số "
                     "liệu (86,2% so với 90%). Vẫn được tổng hợp, kèm tệp góp ý."),
    demonstrates_en=("A return with fixable problems: a target written \"như năm trước\" "
                     "(unreadable), a plan row for a missing objective 5, a self-assessment "
                     "\"Đạt\" against the figures (86.2% of 90%). Still consolidated, with a "
                     "feedback file."),
    why=("the problems are in single cells and can be fixed by the unit; its other figures "
         "are sound, so the return is used and the unit gets feedback"),
    problems=(
        Prob("target-unreadable", "objectives", "target", "1.2",
             "'như năm trước' names no level to reach: the unit must write the figure"),
        Prob("self-assessment-mismatch", "objectives", "self_assessment", "1.3",
             "'Đạt' for 86,2% against 90%"),
        Prob("plan-objective-missing", "plan", "objective_code", "1",
             "the second task names objective 5, which does not exist"),
    ),
)

TTYT = Return(
    file="TTYT_BaoCao_MTCL_2023.xls",
    unit_code="TTYT", unit_name="Trung tâm Y tế",
    report_date=date(2023, 12, 7), preparer="Nguyễn Thị Ngọc Anh, Phòng Kế hoạch",
    contact="0234 3557 830", head="BS. Trần Quốc Bảo",
    make="libreoffice-xls",
    objectives=(
        Ind("1", OBJ_KTXH),
        Ind("1.1", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "Tối thiểu 95%", "97,4%",
            "dat", "%", "vuot", "97.4% is above the minimum of 95%: exceeded ('Đạt' is a "
            "modest claim, not a contradiction)"),
        Ind("1.2", "Tỷ lệ trạm y tế xã, phường đạt chuẩn quốc gia về y tế", "100%", "100%",
            "dat", "%", "dat", WHY_EQUAL),
        Ind("1.3", "Số giường bệnh/trên 10.000 dân", "25 giường", "26 giường", "dat",
            "giường", "vuot", "26 beds against a plain 25 (more is better): exceeded"),
        Ind("2", OBJ_DOTXUAT, "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
    ),
    tasks=(
        Task("1", "1", "Tổ chức tiêm chủng mở rộng", "Khoa Kiểm soát bệnh tật",
             "Định kỳ hàng tháng", "in_progress"),
    ),
    demonstrates_vi=("Báo cáo lưu dạng Excel 97-2003 (.xls): vẫn đọc và tổng hợp được, kèm "
                     "cảnh báo đề nghị đơn vị lần sau lưu dạng .xlsx (tệp góp ý liệt kê cảnh "
                     "báo này)."),
    demonstrates_en=("A return saved as Excel 97-2003 (.xls): read and consolidated, with a "
                     "warning asking the unit to save it as .xlsx next time (listed in its "
                     "feedback file)."),
    why=("an old .xls that a library reads is read, and flagged with a warning to save as "
         ".xlsx next time (issue 7)"),
    problems=(
        Prob("file-legacy-format", "", "",
             why="saved as Excel 97-2003 (.xls): read, with the advice to use .xlsx"),
    ),
)

VP = Return(
    file="VP HĐND-UBND - Kết quả MTCL 2023.xlsx",
    unit_code="VP", unit_name="Văn phòng HĐND-UBND",
    report_date=date(2023, 12, 14), preparer="Trần Thị Kim Oanh, Thư ký ISO thị xã",
    contact="0234 3557 001, vp.huongtra@example.vn", head="Nguyễn Văn Hiếu",
    lock_assigned=True,
    objectives=(
        Ind("1", "Phấn đấu đạt các chỉ tiêu liên quan Kế hoạch phát triển kinh tế - xã hội "
            "năm 2023", "11/11 chỉ tiêu đạt và vượt kế hoạch", "09/11 chỉ tiêu", "khong_dat",
            "chỉ tiêu", "khong_dat", "9 of 11 indicators: the objective is not achieved "
            "(seed 002: '09/11 chỉ tiêu đạt')",
            "02 chỉ tiêu không đạt: tốc độ tăng trưởng GTSX, tổng vốn đầu tư"),
        Ind("2", "Rà soát, đơn giản hóa thủ tục hành chính trong tiếp nhận, thụ lý, thẩm định, "
            "giải quyết hồ sơ thủ tục hành chính của tổ chức, công dân", assigned=True),
        Ind("2.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn và trước hạn", "trên 95%",
            "86,2% (không đạt)", "khong_dat", "%", "khong_dat",
            "86.2% is not above 95% (the unit says so too)",
            "Thống kê của Trung tâm Hành chính công", assigned=True),
        Ind("3", "Phấn đấu hoàn thành đúng nội dung và đảm bảo tiến độ 100% các nhiệm vụ đột "
            "xuất theo yêu cầu của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân cấp tỉnh",
            "100%", "162/168", "khong_dat", "%", "khong_dat",
            "162 of 168 on time is 96.4% against 100%: not achieved (seed 002)",
            "Tỷ lệ đúng hạn 96,4%; 06 ý kiến chỉ đạo hoàn thành quá hạn"),
        Ind("4", "Giải quyết đúng hạn phản ánh của công dân trên hệ thống thông tin Dịch vụ "
            "đô thị thông minh", "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
        Ind("5", OBJ_ISO + " tại thị xã và các xã, phường", assigned=True),
        Ind("5.1", "Đánh giá việc thực hiện mục tiêu chất lượng trong năm",
            "ít nhất 01 lần/năm", "01 lần", "dat", "lần/năm", "dat",
            "once a year against 'at least once a year': achieved, not beyond",
            assigned=True),
        Ind("5.2", "Đánh giá nội bộ, họp xem xét của lãnh đạo, khắc phục điểm không phù hợp",
            "Hoàn thành theo kế hoạch", "Hoàn thành", "dat", "", "dat", WHY_QUAL,
            "Báo cáo tổng hợp ĐGNB năm 2023"),
        Ind("6", "Tiếp tục tổ chức tuyên truyền, quán triệt 100% cán bộ, công chức, người lao "
            "động thực hiện kế hoạch \"Nâng cao hiệu lực, hiệu quả hoạt động của hệ thống "
            "chính trị của thị xã năm 2023\"", "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
    ),
    tasks=(
        # seed 004, objective 1 -> objective 1
        Task("1", "1", "Phân giao chỉ tiêu cụ thể đến các phòng, bộ phận và yêu cầu xây dựng "
             "kế hoạch hành động để thực hiện hoàn thành các chỉ tiêu",
             "Lãnh đạo UBND; Các phòng chuyên môn", "Tháng 01/2023", "done",
             date(2023, 1, 12), date(2023, 1, 31), output="- Nắm rõ các văn bản chỉ đạo của "
             "UBND tỉnh - Kế hoạch thực hiện các chỉ tiêu"),
        Task("2", "1", "Xem xét và phê duyệt, điều chỉnh và ra Quyết định phân giao phù hợp",
             "Lãnh đạo UBND", "Tháng 01/2023", "done", date(2023, 1, 20), date(2023, 1, 31),
             output="Kế hoạch thực hiện các chỉ tiêu"),
        Task("3", "1", "Phổ biến và phân công CBCC bám sát thực hiện",
             "Trưởng các phòng chuyên môn", "Sau tiếp nhận kế hoạch", "done",
             date(2023, 2, 10), None, output="CBCC nắm rõ kế hoạch"),
        Task("4", "1", "Tuân thủ thực hiện và tổ chức đánh giá, báo cáo về lãnh đạo UBND định "
             "kỳ hoặc đột xuất", "Các phòng chuyên môn", "Theo kế hoạch thực hiện các chỉ tiêu",
             "in_progress", output="Báo cáo kết quả thực hiện"),
        Task("5", "1", "Thực hiện điều chỉnh kịp thời khi kế hoạch thực hiện các chỉ tiêu "
             "không đảm bảo yêu cầu, nhắc nhở hoặc có hình thức xử lý khi có vi phạm",
             "Trưởng các phòng chuyên môn", "Thường xuyên", "in_progress",
             output="Kế hoạch điều chỉnh, biên bản xử lý (nếu có)"),
        # seed 004, objective 3 -> objective 2 (administrative procedures)
        Task("1", "2", "Thực hiện nghiên cứu và hướng dẫn, tuyên truyền các cơ quan, tổ chức, "
             "cá nhân trên địa bàn thị xã sử dụng, tra cứu cổng thông tin dịch vụ công quốc "
             "gia", "Văn phòng HĐND-UBND; Các phòng chuyên môn", "Thường xuyên",
             "in_progress", output="Hiểu và tra cứu phù hợp cổng thông tin dịch vụ công quốc "
             "gia"),
        Task("2", "2", "Đầu tư, nâng cấp những điều kiện cần thiết cho bộ phận 01 cửa, củng cố "
             "phần mềm, việc sử dụng các biểu mẫu theo cơ chế 01 cửa, 01 cửa liên thông",
             "Bộ phận 01 cửa", "Thường xuyên", "in_progress",
             output="Các trang thiết bị phù hợp, niêm yết đầy đủ và hiện hành TTHC"),
        Task("3", "2", "Xây dựng chuẩn quy trình ISO trong giải quyết TTHC, áp dụng chặt chẽ "
             "phiếu kiểm soát quá trình giải quyết hồ sơ và phần mềm CNTT để theo dõi tiến độ "
             "giải quyết", "Ban chỉ đạo ISO; Các phòng chuyên môn; Bộ phận 01 cửa",
             "Thường xuyên", "in_progress",
             output="Quy trình chuẩn, các hồ sơ giải quyết sớm và đúng hạn"),
        Task("4", "2", "Xử lý chặt chẽ trường hợp sai sót, chậm muộn khi có phát sinh: với tổ "
             "chức/công dân: văn bản xin lỗi; với nội bộ: theo quy trình kiểm soát và xử lý "
             "kết quả đầu ra công việc không phù hợp", "Ban chỉ đạo ISO; Bộ phận 01 cửa",
             "Khi có phát sinh", "in_progress",
             output="Xử lý triệt để các trường hợp sai sót"),
        Task("5", "2", "Đẩy mạnh tuyên truyền, hướng dẫn thực hiện dịch vụ công trực tuyến mức "
             "độ 3, 4", "UBND thị xã; UBND cấp xã", "Thường xuyên", "in_progress",
             output="Tổ chức, cá nhân biết rõ và thực hiện được dịch vụ công trực tuyến"),
        # seed 004, objective 5 -> objective 4 (citizens' feedback)
        Task("1", "4", "Xây dựng kế hoạch tổ chức hội nghị đối thoại, phê duyệt và triển khai "
             "thực hiện chặt chẽ", "Lãnh đạo UBND; Văn phòng HĐND-UBND; Các phòng chuyên môn",
             "Thường xuyên", "in_progress",
             output="Đối thoại, nắm bắt các yêu cầu, nguyện vọng của người dân"),
        Task("2", "4", "Tiếp nhận mọi thông tin phản hồi, khiếu nại hoặc góp ý kiến dù là nhỏ "
             "nhất. Thành lập ban xác minh cụ thể để có hướng giải quyết, xử lý kịp thời",
             "Bộ phận tiếp nhận thông tin; Lãnh đạo UBND", "Thường xuyên", "in_progress",
             output="Sổ tiếp nhận thông tin"),
        Task("3", "4", "Thực hiện xử lý nghiêm minh mọi trường hợp (nếu có vi phạm) theo thông "
             "tin từ tổ chức, cá nhân", "Lãnh đạo UBND", "Khi có phát sinh", "in_progress",
             output="Các quyết định/biên bản xử lý"),
        # seed 004, objective 4 -> objective 5 (the quality system)
        Task("1", "5", "Xác định các quá trình nội bộ cần thiết như (quản lý văn bản đi, đến, "
             "lập kế hoạch công tác tuần/tháng, tổ chức họp giao ban/đột xuất ...)",
             "Ban chỉ đạo ISO", "Tháng 05/2023", "done", date(2023, 5, 25),
             date(2023, 5, 31), output="Danh mục quy trình nội bộ"),
        Task("2", "5", "Xây dựng các quy trình chuẩn và trình lãnh đạo phê duyệt, ban hành và "
             "tổ chức áp dụng", "Ban chỉ đạo ISO; Các phòng chuyên môn", "Tháng 05/2023",
             "in_progress", None, date(2023, 5, 31), output="Quy trình chuẩn",
             notes="Đã ban hành 03/05 quy trình"),
        Task("3", "5", "Xây dựng kế hoạch kiểm tra công vụ và tổ chức thực hiện",
             "Phòng Nội vụ; Lãnh đạo UBND", "Thường xuyên", "in_progress",
             output="Kế hoạch, thông báo kiểm tra"),
        Task("4", "5", "Kiểm soát chặt chẽ việc tuân thủ thực hiện và nhắc nhở, điều chỉnh "
             "thường xuyên", "Lãnh đạo UBND", "Thường xuyên", "in_progress",
             output="Nâng cao quản trị nội bộ, cải cách hành chính"),
        # seed 004, objective 2 -> objective 6 (political education)
        Task("1", "6", "Xây dựng kế hoạch tuyên truyền, quán triệt tư tưởng chính trị cho tập "
             "thể lãnh đạo, CBCC", "Phòng Nội vụ", "Quý I/2023", "done", date(2023, 2, 28),
             date(2023, 3, 31), output="Kế hoạch tuyên truyền"),
        Task("2", "6", "Xem xét và phê duyệt, chỉnh sửa và phê duyệt kế hoạch",
             "Lãnh đạo UBND; Phòng Nội vụ", "Quý I/2023", "done", date(2023, 4, 14),
             date(2023, 3, 31), output="Kế hoạch tuyên truyền",
             notes="Phê duyệt chậm do điều chỉnh nội dung"),
        Task("3", "6", "Tổ chức triển khai thực hiện", "Phòng Nội vụ; Các phòng chuyên môn",
             "Theo kế hoạch", "done", date(2023, 6, 20), None,
             output="Giấy mời, danh sách tham dự"),
        Task("4", "6", "Đánh giá hiệu quả sau tuyên truyền", "Phòng Nội vụ",
             "Sau thực hiện theo kế hoạch", "not_started",
             output="Báo cáo kết quả thực hiện"),
    ),
    demonstrates_vi=("Báo cáo của Văn phòng HĐND-UBND theo kiểu báo cáo năm 2021 (seed 002): "
                     "\"09/11 chỉ tiêu\", \"86,2% (không đạt)\", \"162/168\" — 3 mục tiêu không "
                     "đạt; kế hoạch theo từng mục tiêu của seed 004 chuyển sang năm 2023."),
    demonstrates_en=("The town office's return in the style of the 2021 report (seed 002): "
                     "\"09/11 chỉ tiêu\", \"86,2% (không đạt)\", \"162/168\" — 3 objectives "
                     "missed; the per-objective plan of seed 004 moved to 2023."),
    why="a registered unit's only return, dated before the deadline",
)

PNV = Return(
    file="BaoCao_MTCL_2023_PNV.xlsx",
    unit_code="PNV", unit_name="Phòng Nội vụ",
    report_date=date(2023, 12, 11), preparer="Lê Thị Hồng, chuyên viên",
    contact="0234 3557 909", head="Trần Đình Phú",
    unknown_unit=True,
    objectives=(
        Ind("1", tthc("nội vụ"), "trên 95%", "100%", "dat", "%", "vuot", WHY_MORE_THAN),
        Ind("2", OBJ_DOTXUAT, "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
    ),
    tasks=(
        Task("1", "1", "Xây dựng kế hoạch cải cách hành chính năm 2023", "Phòng Nội vụ",
             "Tháng 01/2023", "done", date(2023, 1, 18), date(2023, 1, 31), "",
             "Lãnh đạo phòng", "Kế hoạch CCHC năm 2023"),
    ),
    demonstrates_vi=("Đơn vị không có trong danh sách của kỳ báo cáo (Phòng Nội vụ không có ở "
                     "seed 000): vẫn được tổng hợp và đánh dấu \"không có trong danh sách\"."),
    demonstrates_en=("A unit that is not in the round's register (Phòng Nội vụ is not in "
                     "seed 000): consolidated and marked as not registered."),
    why="a readable return of a unit the register does not know: used, flagged unknown",
    problems=(Prob("unit-unknown", "info", "unit_code", why="PNV is not in the register"),),
)

# --------------------------------------------------------------------------- wards

HXUAN = Return(
    file="Phường Hương Xuân - MTCL 2023.xlsx",
    unit_code="P-HXUAN", unit_name="UBND phường Hương Xuân",
    report_date=date(2023, 12, 8), preparer="Hoàng Thị Diệu, công chức Văn phòng - Thống kê",
    contact="0234 3777 123", head="Nguyễn Văn Phước",
    objectives=(
        Ind("1", "100% các bộ phận chuyên môn thuộc UBND phường triển khai xây dựng, áp dụng, "
            "duy trì và cải tiến có hiệu quả HTQLCL phù hợp Tiêu chuẩn quốc gia TCVN ISO "
            "9001:2015", "100%", "100%", "dat", "%", "dat", WHY_EQUAL,
            lead="Công chức Văn phòng - Thống kê"),
        Ind("2", "100% các chương trình, đề án, nhiệm vụ trọng tâm trong Chương trình công tác "
            "năm 2023 của UBND phường được theo dõi và đôn đốc thực hiện; phấn đấu hoàn thành "
            "100% các nhiệm vụ trọng tâm", "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
        Ind("3", "100% ý kiến chỉ đạo của UBND thị xã giao cho UBND phường được theo dõi, đôn "
            "đốc thực hiện, phấn đấu 100% ý kiến chỉ đạo hoàn thành đúng hạn", "100%",
            "57/58", "khong_dat", "%", "khong_dat",
            "57 of 58 on time (98.3%) against 100%: not achieved",
            "01 ý kiến chỉ đạo hoàn thành quá hạn"),
        Ind("4", "Mục tiêu liên quan các chỉ tiêu kinh tế - xã hội"),
        Ind("4.1", "Tốc độ tăng giá trị sản xuất các ngành kinh tế bình quân so với năm 2022",
            "14,5 – 15%/ năm", "15,3%", "vuot", "%", "vuot", WHY_RANGE_ABOVE),
        Ind("4.2", "Giá trị sản xuất bình quân trên một hecta canh tác", "110-115 triệu đồng",
            "112 triệu đồng", "dat", "triệu đồng/ha", "dat", WHY_RANGE_IN),
        Ind("4.3", "Tổng thu ngân sách nhà nước trên địa bàn (không tính tiền sử dụng đất)",
            "Vượt chỉ tiêu cấp trên giao từ 5-10%", "đạt 107,2% chỉ tiêu cấp trên giao",
            "dat", "%", "dat",
            "107.2% of the assigned figure exceeds it by 7.2%, inside the 5-10% asked: "
            "achieved"),
        Ind("4.4", "Giải quyết việc làm trong năm",
            ">110 lao động, trong đó xuất khẩu lao động theo hợp đồng từ 10-15 người",
            "126 lao động, trong đó xuất khẩu lao động 12 người", "dat", "lao động", "dat",
            "both parts met: 126 > 110 workers and 12 inside 10-15 abroad; one part only "
            "achieved, so the cell is achieved, not exceeded"),
        Ind("4.5", "Tỷ lệ hộ nghèo giảm so với năm 2022", "0,5-0,7%", "giảm 0,62%", "dat", "%",
            "dat", "a decrease of 0.62 points inside the 0.5-0.7 decrease the indicator "
            "names: achieved"),
        Ind("4.6", "Tỷ lệ người tham gia bảo hiểm y tế", "> 99,5%", "96,8%", "khong_dat", "%",
            "khong_dat", "96.8% is not above 99.5%: not achieved"),
        Ind("5", "Mục tiêu liên quan Dịch vụ công, giải quyết TTHC"),
        Ind("5.1", "Giải quyết TTHC đúng quy định tại các văn bản quy phạm pháp luật", "100%",
            "100%", "dat", "%", "dat", WHY_EQUAL),
        Ind("5.2", "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục "
            "hành chính (TTHC)", "30%", "41,5%", "vuot", "%", "vuot",
            "41.5% against a plain 30%: exceeded"),
        Ind("5.3", "Tích hợp, kết nối đảm bảo cập nhật các dịch vụ công được cung cấp trực "
            "tuyến mức độ 3,4 trên Trang thông tin điện tử", "100%", "100%", "dat", "%", "dat",
            WHY_EQUAL),
        Ind("5.4", "Người dân và doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính",
            "Tối thiểu 95%", "97,2%", "dat", "%", "vuot",
            "above the 95% of 'Tối thiểu 95%': exceeded"),
        Ind("6", "Mục tiêu liên quan chuyển đổi số, cải cách hành chính"),
        Ind("6.1", "Văn bản không mật trình Ủy ban nhân dân phường, Chủ tịch UBND phường sử "
            "dụng dưới dạng điện tử", "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
        Ind("6.2", "Văn bản trao đổi giữa cơ quan UBND phường với các cơ quan nhà nước cấp thị "
            "xã dưới dạng điện tử có ứng dụng chữ ký số", "100%", "100%", "dat", "%", "dat",
            WHY_EQUAL),
        Ind("6.3", "Văn bản trao đổi giữa các cơ quan, ban ngành nội bộ cấp phường hoàn toàn "
            "dưới dạng điện tử và có ứng dụng chữ ký số", "80%", "76,5%", "khong_dat", "%",
            "khong_dat", "76.5% against a plain 80%: not achieved"),
        Ind("6.4", "Cán bộ, công chức cơ quan chấp hành nghiêm túc việc triển khai ứng dụng "
            "văn bản điện tử liên thông trên phần mềm quản lý và điều hành", "100%", "100%",
            "dat", "%", "dat", WHY_EQUAL),
        Ind("6.5", "Ý kiến chỉ đạo điều hành và hoạt động kiểm tra của Chủ tịch, Phó Chủ tịch "
            "UBND phường được thực hiện thông qua môi trường số", "Trên 70%", "78%", "dat",
            "%", "vuot", WHY_MORE_THAN),
        Ind("7", "Mục tiêu liên quan thi đua – khen thưởng"),
        Ind("7.1", "Danh hiệu tập thể", "Tập thể Lao động tiên tiến", "", "", "",
            "chua_co_so_lieu", WHY_NO_RESULT, "Xét vào tháng 01/2024"),
        Ind("7.2", "Danh hiệu tập thể", "Tập thể Lao động xuất sắc", "", "", "",
            "chua_co_so_lieu", WHY_NO_RESULT, "Xét vào tháng 01/2024"),
        Ind("7.3", "Tặng cờ thi đua đơn vị dẫn đầu khối xã phường thuộc thị xã Hương Trà của "
            "UBND tỉnh", "Cờ thi đua của UBND tỉnh", "", "", "", "chua_co_so_lieu",
            WHY_NO_RESULT),
        Ind("7.4", "Tặng Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh",
            "", "", "", "chua_co_so_lieu", WHY_NO_RESULT),
    ),
    tasks=(
        Task("1", "I", "Xây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023",
             "Công chức Văn phòng-thống kê", "Tháng 01/2023", "done", date(2023, 1, 3),
             date(2023, 1, 31), "Các bộ phận chuyên môn thuộc UBND phường", "QMR; Thư ký ISO",
             "QĐ công bố MTCL và Kế hoạch thực hiện MTCL năm 2023"),
        Task("2", "I", "Xây dựng Kế hoạch Đánh giá nội bộ (ĐGNB) năm 2023",
             "Công chức Văn phòng-thống kê", "Tháng 2-3/2023", "done", date(2023, 4, 10),
             date(2023, 3, 31), "Các bộ phận chuyên môn thuộc UBND phường", "QMR; Thư ký ISO",
             "Kế hoạch ĐGNB", "Ban hành chậm do thay đổi thành viên Ban chỉ đạo ISO"),
        Task("3", "I", "Xây dựng chương trình ĐGNB và triển khai ĐGNB",
             "Công chức Văn phòng-thống kê", "Trước ngày 30 tháng 8 hàng năm", "done",
             date(2023, 8, 25), date(2023, 8, 30),
             "Các bộ phận chuyên môn thuộc UBND phường", "QMR; Thư ký ISO",
             "Chương trình ĐGNB; Lưu Hồ sơ ĐGNB",
             "Tần suất ĐGNB tối thiểu 01 lần/năm"),
        Task("4", "I", "Xem xét của lãnh đạo", "Công chức Văn phòng-thống kê",
             "Sau hoạt động ĐGNB và lồng ghép vào các cuộc họp giao ban cơ quan", "done",
             date(2023, 9, 15), None, "Các bộ phận chuyên môn thuộc UBND phường",
             "QMR; Thư ký ISO", "Biên bản họp xem xét của lãnh đạo"),
        Task("5", "I", "Duy trì và cải tiến HTQLCL", "Công chức Văn phòng-thống kê",
             "Thường xuyên", "in_progress", None, None,
             "Các bộ phận chuyên môn thuộc UBND phường", "QMR; Thư ký ISO",
             "Hồ sơ duy trì và cải tiến HTQLCL"),
        Task("6", "I", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng",
             "Công chức Văn phòng-thống kê", "Trước 15/6 và trước 30/11 hằng năm",
             "in_progress", None, date(2023, 11, 30),
             "Các bộ phận chuyên môn thuộc UBND phường", "QMR; Thư ký ISO",
             "Báo cáo kết quả thực hiện MTCL 6 tháng, năm 2023",
             "Đã báo cáo 6 tháng ngày 12/6/2023; báo cáo năm gửi chậm"),
        Task("7", "I", "Cập nhật, rà soát các thay đổi của văn bản quy phạm pháp luật đến hoạt "
             "động xử lý công việc để sửa đổi hoặc ban hành mới các quy trình cho phù hợp",
             "Các bộ phận chuyên môn thuộc UBND phường", "Thường xuyên", "in_progress", None,
             None, "Công chức Văn phòng-thống kê", "QMR; Thư ký ISO",
             "Quyết định ban hành các quy trình có thay đổi, bổ sung (nếu có)"),
        Task("1", "II", "Xây dựng Kế hoạch các chương trình, đề án, nhiệm vụ … năm 2023 (nếu "
             "có)", "Các bộ phận phụ trách", "Tháng 12/2022 – Tháng 01/2023", "done",
             date(2023, 1, 16), date(2023, 1, 31), "Các bộ phận phối hợp",
             "Công chức chuyên môn phụ trách", "Kế hoạch các chương trình, đề án, nhiệm vụ"),
        Task("2", "II", "Xây dựng Chương trình công tác tháng, Báo cáo kết quả thực hiện "
             "Chương trình công tác tháng liền trước, quý, 6 tháng, năm",
             "Các bộ phận phụ trách", "Định kỳ hàng tháng", "in_progress", None, None,
             "Các bộ phận phối hợp", "Văn phòng - Thống kê",
             "Báo cáo kết quả chương trình công tác tháng, quý, 6 tháng, năm"),
        Task("1", "III", "Theo dõi trên phần mềm hệ thống điều hành; định kỳ thống kê báo cáo "
             "kết quả thực hiện", "Công chức Văn phòng-thống kê", "Thường xuyên",
             "in_progress", None, None, "Các bộ phận/công chức được phân công thực hiện",
             "Công chức", "Sổ công văn đi; kết quả xử lý đúng hạn trên phần mềm hệ thống"),
        Task("2", "III", "Báo cáo thống kê tỷ lệ hoàn thành đúng hạn/trễ hạn…",
             "Công chức Văn phòng-thống kê", "Định kỳ/Thường xuyên", "in_progress", None,
             None, "Các bộ phận/công chức được phân công thực hiện", "Công chức",
             "Báo cáo thống kê"),
        Task("1", "V", "Niêm yết Danh mục TTHC tại trụ sở Bộ phận tiếp nhận và trả kết quả "
             "của UBND phường và công khai trên Trang thông tin điện tử phường",
             "Bộ phận tiếp nhận và trả kết quả của UBND phường", "Thường xuyên", "done",
             date(2023, 2, 20), None, "Các bộ phận chuyên môn UBND phường",
             "Ban chỉ đạo ISO; Thư ký ISO", "Danh mục TTHC được niêm yết tại trụ sở"),
        Task("2", "V", "Thường xuyên rà soát và cập nhật ban hành các quy trình giải quyết "
             "TTHC, công khai trên trang thông tin điện tử của phường",
             "Các bộ phận chuyên môn UBND phường", "Thường xuyên", "in_progress", None, None,
             "Công chức văn phòng thống kê", "Ban chỉ đạo ISO; Thư ký ISO",
             "Quyết định ban hành các quy trình giải quyết TTHC (nếu có thay đổi)"),
        Task("3", "V", "Theo dõi trên phần mềm xử lý Dịch vụ công trực tuyến; định kỳ thống kê "
             "báo cáo kết quả thực hiện giải quyết TTHC", "Các bộ phận chuyên môn UBND phường",
             "Thường xuyên theo dõi; Báo cáo định kỳ hàng quý", "in_progress", None, None,
             "Công chức văn phòng thống kê", "Ban chỉ đạo ISO; Thư ký ISO",
             "Báo cáo thống kê tỷ lệ giải quyết TTHC"),
        Task("4", "V", "Thực hiện việc khảo sát đánh giá mức độ hài lòng của tổ chức/công dân "
             "khi giải quyết TTHC", "Bộ phận tiếp nhận và trả kết quả của UBND phường",
             "Thường xuyên theo dõi; Báo cáo định kỳ hàng quý", "in_progress", None, None,
             "Các bộ phận chuyên môn UBND phường", "Ban chỉ đạo ISO; Thư ký ISO",
             "Phiếu khảo sát; báo cáo thống kê theo dõi sự hài lòng"),
    ),
    demonstrates_vi=("Báo cáo của phường Hương Xuân với đủ 7 nhóm mục tiêu và bảng kế hoạch "
                     "của seed 001 (mã mục tiêu La Mã I, II, III, V như trong quyết định), "
                     "các mốc thời gian \"Tháng 2-3/2023\", \"Trước ngày 30 tháng 8 hàng "
                     "năm\", \"Định kỳ hàng tháng\"…; danh hiệu thi đua chưa có số liệu."),
    demonstrates_en=("Phường Hương Xuân's return with the 7 objective groups and the plan "
                     "table of seed 001 (Roman objective codes I, II, III, V as in the "
                     "decision) and its timelines; emulation titles have no result yet."),
    why="a registered ward's only return, dated before the deadline",
    problems=(
        Prob("target-uncertain", "objectives", "target", "4.3",
             "'Vượt chỉ tiêu cấp trên giao từ 5-10%' is read as exceeding the assigned figure "
             "by 5-10%, a reading worth confirming (the figure itself is elsewhere)"),
        Prob("target-uncertain", "objectives", "target", "4.5",
             "a bare '0,5-0,7%' is a decrease only because the indicator's name says "
             "'giảm': a reading worth confirming"),
        *(Prob("result-missing", "objectives", "result", code,
               "a target with no result: the clerk is asked to fill it in (it counts as "
               "not achieved in the band)") for code in ("7.1", "7.2", "7.3", "7.4")),
    ),
)

_BH = "Phần đầu 21/21 chỉ tiêu chủ yếu về phát triển kinh tế - xã hội của phường năm 2023 " \
      "đạt và vượt kế hoạch đề ra"

BHONG = Return(
    file="P.BacHong_MTCL_2023.xlsx",
    unit_code="P-BHONG", unit_name="UBND phường Bắc Hồng",
    report_date=date(2023, 12, 6), preparer="Nguyễn Thị Thanh, công chức Văn phòng",
    contact="0239 3868 456", head="Nguyễn Viết Khanh",
    objectives=(
        Ind("1", _BH),
        Ind("1.1", "Giá trị sản xuất một số ngành kinh tế chủ yếu tăng so với ước thực hiện "
            "năm trước", "15%", "15,8%", "vuot", "%", "vuot",
            "15.8% against a plain 15%: exceeded"),
        Ind("1.2", "Thu nhập bình quân đầu người", "65 triệu đồng/người/năm",
            "66,5 triệu đồng/người/năm", "vuot", "triệu đồng/người/năm", "vuot",
            "66.5 against a plain 65 million: exceeded"),
        Ind("1.3", "Tổng thu ngân sách nhà nước trên địa bàn", "8.550 triệu đồng",
            "9.120 triệu đồng", "vuot", "triệu đồng", "vuot",
            "9,120 against a plain 8,550 million (106.7%): exceeded"),
        Ind("1.4", "Tổng diện tích gieo trồng lúa cả năm", "49 ha", "47,5 ha", "khong_dat",
            "ha", "khong_dat", "47.5 ha against a plain 49 ha: not achieved",
            "Giảm do chuyển đổi đất sang xây dựng"),
        Ind("1.5", "Năng suất lúa", "51 tạ/ha", "52,3 tạ/ha", "vuot", "tạ/ha", "vuot",
            "52.3 against a plain 51 quintals/ha: exceeded"),
        Ind("1.6", "Xây dựng tuyến phố văn minh đô thị, ngõ phố văn minh",
            "04 tuyến phố văn minh đô thị; 10 ngõ phố văn minh",
            "04 tuyến phố văn minh đô thị; 10 ngõ phố văn minh", "dat", "", "dat",
            "both counts met exactly (04 streets, 10 lanes): achieved"),
        Ind("1.7", "Tuyến đường giao thông dưới 7,5 m được chỉnh trang, thảm nhựa", "60%",
            "62%", "vuot", "%", "vuot",
            "62% against a plain 60% ('dưới 7,5 m' is the road width, not a comparator): "
            "exceeded"),
        Ind("1.8", "Xây dựng tuyến đường bê tông (theo cơ chế hỗ trợ xi măng)", "02 tuyến",
            "02 tuyến", "dat", "tuyến", "dat", WHY_EQUAL),
        Ind("1.9", "Xây dựng tuyến đường điện chiếu sáng trong khu dân cư", "05 tuyến",
            "04 tuyến", "khong_dat", "tuyến", "khong_dat", "4 of 5 lines: not achieved"),
        Ind("1.10", "Tỷ lệ hộ nghèo theo tiêu chí đa chiều", "0,9 %", "0,85%", "vuot", "%",
            "vuot", "poverty: lower is better and the plain 0.9% is a ceiling; 0.85% is "
            "below it: exceeded"),
        Ind("1.11", "Tỷ lệ người dân tham gia BHYT", "95%", "95,6%", "vuot", "%", "vuot",
            "95.6% against a plain 95%: exceeded"),
        Ind("1.12", "Tỷ lệ người dân trong độ tuổi lao động tham gia BHXH tự nguyện", "41%",
            "38,2%", "khong_dat", "%", "khong_dat", "38.2% against 41%: not achieved"),
        Ind("1.13", "Tỷ lệ tăng dân số tự nhiên", "dưới 1%", "0,92%", "vuot", "%", "vuot",
            "strictly below the ceiling of 'dưới 1%': exceeded"),
        Ind("1.14", "Tỷ lệ người sinh con thứ 3 trở lên",
            "Giảm tỷ lệ người sinh con thứ 3 trở lên", "Giảm 0,4% so với năm 2022", "dat", "%",
            "dat", "a direction without a number; the rate went down: achieved "
            "('thứ 3 trở lên' is not a comparator)"),
        Ind("1.15", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng",
            "Giảm tỷ lệ trẻ suy dinh dưỡng xuống 5%", "4,8%", "vuot", "%", "vuot",
            "'xuống 5%' is a level to reach (a ceiling); 4.8% is below it: exceeded "
            "('dưới 5 tuổi' is an age, not a comparator)"),
        Ind("1.16", "Tổ dân phố giữ vững danh hiệu Tổ dân phố văn hoá", "9/10 TDP",
            "9/10 TDP", "dat", "TDP", "dat", "9 of 10 as planned: achieved"),
        Ind("1.17", "Nâng cao chất lượng gia đình văn hóa", "97 %", "97%", "dat", "%", "dat",
            WHY_EQUAL),
        Ind("1.18", "Phường đạt chuẩn đô thị văn minh", "Đạt chuẩn đô thị văn minh",
            "Đã hoàn thiện hồ sơ, đang chờ thẩm định", "dang_thuc_hien", "",
            "dang_thuc_hien", "the result says the file awaits appraisal: it cannot be "
            "judged, so the unit's 'Đang thực hiện' is used"),
        Ind("1.19", "Phường đạt tiêu chuẩn an toàn làm chủ", "Đạt tiêu chuẩn an toàn làm chủ",
            "Đạt", "dat", "", "dat", WHY_QUAL),
        Ind("1.20", "Phường đạt tiêu chuẩn an toàn về ANTT, ổn định chính trị - xã hội",
            "Đạt tiêu chuẩn an toàn về ANTT", "Đạt", "dat", "", "dat", WHY_QUAL),
        Ind("1.21", "Phường đạt chuẩn tiếp cận về pháp luật", "Đạt chuẩn tiếp cận pháp luật",
            "Đạt chuẩn", "dat", "", "dat", WHY_QUAL),
        Ind("2", "Tiếp tục việc áp dụng, duy trì, cải tiến thường xuyên Hệ thống quản lý chất "
            "lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015",
            "Duy trì, cải tiến thường xuyên", "Hoàn thành", "dat", "", "dat", WHY_QUAL),
        Ind("3", "Thủ tục hành chính thực hiện đúng quy trình, giải quyết đúng thời hạn"),
        Ind("3.1", "Thủ tục hành chính được thực hiện đúng quy trình, quy định pháp luật",
            "100%", "100%", "dat", "%", "dat", WHY_EQUAL),
        Ind("3.2", "Hồ sơ, thủ tục hành chính theo cơ chế một cửa, một cửa liên thông thuộc "
            "thẩm quyền của UBND phường được giải quyết đúng thời hạn", "trên 95%", "98,7%",
            "dat", "%", "vuot", WHY_MORE_THAN),
        Ind("4", "Giải quyết đơn thư phản ánh, khiếu nại, tố cáo"),
        Ind("4.1", "Đơn thư phản ánh, khiếu nại, tố cáo thuộc thẩm quyền của UBND phường được "
            "giải quyết", "trên 95 %", "18/18 đơn", "dat", "%", "vuot",
            "18 of 18 (100%) is above 95%: exceeded"),
        Ind("4.2", "Đơn thư khiếu nại, khiếu kiện vượt cấp", "Không để phát sinh",
            "Không phát sinh", "dat", "", "dat",
            "none arose, as the target asks: achieved"),
        Ind("5", "100 % cán bộ, công chức phường sử dụng thư điện tử công vụ và khai thác các "
            "phần mềm dùng chung theo quy định", "100 %", "100%", "dat", "%", "dat",
            WHY_EQUAL),
        Ind("6", "100% các văn bản điện tử của UBND phường (ngoại trừ văn bản mật) được ký số "
            "và luân chuyển trên môi trường mạng", "100%", "99,2%", "khong_dat", "%",
            "khong_dat", "99.2% against 100%: not achieved"),
        Ind("7", "100 % cán bộ, công chức phường đạt danh hiệu lao động tiên tiến", "100 %",
            "", "", "%", "chua_co_so_lieu", WHY_NO_RESULT, "Xét vào tháng 01/2024"),
    ),
    tasks=(
        Task("1", "2", "Xây dựng MTCL năm 2023", "Công chức Văn phòng", "Tháng 01/2023",
             "done", date(2023, 2, 19), date(2023, 1, 31), "Các công chức chuyên môn",
             "Ban chỉ đạo ISO", "Quyết định ban hành MTCL năm 2023"),
        Task("2", "2", "Xây dựng chương trình ĐGNB và triển khai ĐGNB", "Công chức Văn phòng",
             "Trước ngày 30 tháng 8 hàng năm", "not_started", None, date(2023, 8, 30),
             "Các công chức chuyên môn", "Ban chỉ đạo ISO", "Hồ sơ ĐGNB",
             "Chưa bố trí được chuyên gia đánh giá"),
        Task("3", "3", "Niêm yết, công khai TTHC tại Bộ phận một cửa", "Bộ phận một cửa",
             "Thường xuyên", "in_progress", None, None, "", "Ban chỉ đạo ISO",
             "Danh mục TTHC được niêm yết"),
    ),
    demonstrates_vi=("Báo cáo với 21 chỉ tiêu kinh tế - xã hội và 6 mục tiêu của phường Bắc "
                     "Hồng (seed 003): chỉ tiêu \"thấp hơn là tốt\" (\"0,9 %\", \"dưới 1%\", "
                     "\"Giảm tỷ lệ trẻ suy dinh dưỡng xuống 5%\"), \"9/10 TDP\", chỉ tiêu định "
                     "tính; một chỉ tiêu đang thực hiện; đánh giá nội bộ quá hạn."),
    demonstrates_en=("Phường Bắc Hồng's 21 indicators and 6 more objectives (seed 003): "
                     "lower-is-better levels, \"9/10 TDP\", qualitative targets; one indicator "
                     "in progress; the internal audit overdue."),
    why="a registered ward's only return, dated before the deadline",
    problems=(
        Prob("result-unreadable", "objectives", "result", "1.18",
             "a result in words that cannot be judged deserves a note to the unit"),
        Prob("result-missing", "objectives", "result", "7",
             "a target with no result: the clerk is asked to fill it in (it counts as not "
             "achieved in the band)"),
    ),
)

TUHA = Return(
    file="Phường Tứ Hạ - MTCL 2023.xlsx",
    unit_code="P-TUHA", unit_name="UBND phường Tứ Hạ",
    report_date=date(2023, 12, 13), preparer="Lê Văn Tâm, công chức Văn phòng - Thống kê",
    contact="0234 3558 222", head="Hồ Văn Thành",
    make="truncated",
    status="rejected",
    objectives=(
        Ind("1", "Mục tiêu liên quan các chỉ tiêu kinh tế - xã hội"),
        Ind("1.1", "Tỷ lệ người tham gia bảo hiểm y tế", "> 99,5%", "99,6%", "dat", "%"),
        Ind("1.2", "Tỷ lệ hộ nghèo", "dưới 1%", "0,7%", "dat", "%"),
        Ind("2", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn và trước hạn", "trên 95%", "99,1%",
            "dat", "%"),
        Ind("3", "Phường đạt chuẩn văn minh đô thị", "01 phường", "Đạt", "dat", ""),
    ),
    tasks=(
        Task("1", "1", "Xây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023",
             "Công chức Văn phòng - Thống kê", "Tháng 01/2023", "done", date(2023, 1, 9)),
    ),
    demonstrates_vi=("Tệp hỏng (chỉ còn một nửa, như tệp đính kèm tải về không trọn vẹn): bị "
                     "từ chối, đơn vị ở danh sách chưa nộp."),
    demonstrates_en=("A corrupt file (half of it, like an attachment that did not download "
                     "completely): rejected; the unit stays on the missing list."),
    why="a truncated workbook cannot be opened; nothing in it can be trusted",
)

RETURNS: tuple[Return, ...] = (PTNMT, PTCKH, PKT, PQLDT, PLDTBXH, PGDDT_OLD, PGDDT, PVHTT,
                               TTYT, VP, PNV, HXUAN, BHONG, TUHA)

EXTRAS: tuple[Extra, ...] = (
    Extra(file="BaoCao_MTCL_2023_PKT (1).xlsx", make="copy-of", source=PKT.file,
          unit_code="PKT", status="duplicate", mtime="2023-12-12 09:31",
          demonstrates_vi=("Bản sao y hệt của báo cáo Phòng Kinh tế (tải tệp đính kèm hai "
                           "lần): trùng lặp, không tính hai lần."),
          demonstrates_en=("A byte copy of Phòng Kinh tế's return (the attachment saved "
                           "twice): a duplicate, never counted twice."),
          why="byte for byte the same as BaoCao_MTCL_2023_PKT.xlsx, which it copies"),
    Extra(file="~$BaoCao_MTCL_2023_PTCKH.xlsx", make="excel-lock", source=PTCKH.file,
          owner="Nguyen Thi Hoa", unit_code="", status="ignored",
          demonstrates_vi=("Tệp khóa tạm do Excel tạo khi đang mở báo cáo (165 byte): bỏ "
                           "qua, ghi rõ lý do."),
          demonstrates_en=("The lock file Excel leaves while a return is open (165 bytes): "
                           "ignored, with the reason given."),
          why="an Excel owner (lock) file, not a return"),
)

# Registered units that send nothing at all.
SILENT_UNITS = ("P-HVAN", "X-HTOAN")
