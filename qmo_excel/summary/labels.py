"""Words of the summary workbook in Vietnamese and English, and number formatting.

Everything a reader of the summary sees (sheet names, headers, tile captions, chart
titles, status words) is declared here once; the sheet writers only look words up.
"""

from __future__ import annotations

import math
from datetime import date

from qmo_excel import spec, vocab
from qmo_excel.model import RoundResult, UnitResult

VERDICT_ORDER: tuple[str, ...] = tuple(vocab.Verdict)
ACHIEVED = vocab.ACHIEVED

SHEETS: dict[str, tuple[str, str]] = {
    "overview": ("Tổng quan", "Overview"),
    "ranking": ("Xếp hạng đơn vị", "Unit ranking"),
    "indicators": ("Chỉ tiêu", "Indicators"),
    "objectives": ("Mục tiêu", "Objectives"),
    "tasks": ("Kế hoạch", "Plan tasks"),
    "intake": ("Tiếp nhận", "Intake"),
    "missing": ("Đơn vị chưa nộp", "Missing units"),
    "problems": ("Lỗi dữ liệu", "Data problems"),
    "narrative": ("Nhận xét", "Narrative"),
}
DATA_SHEET = "_data"

# CSV file of the export that holds the full list behind a (possibly cut) sheet.
CSV_OF = {"indicators": "indicators.csv", "tasks": "tasks.csv", "problems": "problems.csv",
          "objectives": "objectives.csv", "intake": "intake.csv", "ranking": "units.csv"}


WORDS: dict[str, tuple[str, str]] = {
    "title": ("BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG",
              "SUMMARY OF QUALITY OBJECTIVE RESULTS"),
    "year_word": ("NĂM", "YEAR"),
    "as_of": ("Số liệu tính đến ngày {d}", "Figures as of {d}"),
    "deadline": ("Hạn nộp: {d}", "Deadline: {d}"),
    "cut_off": ("Ngày chốt số liệu: {d}", "Cut-off: {d}"),
    "yes": ("Có", "Yes"),
    "late": ("Muộn", "Late"),
    "submitted": ("Đã nộp", "Submitted"),
    "not_submitted": ("Chưa nộp", "Missing"),
    "footer": ("&CTrang &P/&N", "&CPage &P of &N"),
    "truncated": ("Chỉ hiển thị {shown}/{total} dòng đầu. Danh sách đầy đủ trong tệp {csv} "
                  "của bản xuất dữ liệu kèm theo.",
                  "Showing the first {shown} of {total} rows. The full list is in {csv} of "
                  "the accompanying data export."),
    "intake_rule": ("Khi một đơn vị nộp nhiều lần: dùng bản có Ngày báo cáo mới nhất; nếu "
                    "bằng nhau, dùng bản sửa đổi sau cùng. Tệp trùng nội dung được ghi là "
                    "Trùng lặp.",
                    "When a unit sends several files: the one with the latest report date is "
                    "used; on a tie, the last modified. Files with identical content are "
                    "marked Duplicate."),
    "rows_count": ("Số dòng: {n}", "Rows: {n}"),
    # overview tiles
    "t_expected": ("Đơn vị phải báo cáo", "Units expected"),
    "t_received": ("Đã nộp báo cáo", "Reports received"),
    "t_late": ("Nộp muộn", "Late"),
    "t_missing": ("Chưa nộp", "Missing"),
    "t_score": ("Điểm bình quân", "Average score"),
    "t_objectives": ("Mục tiêu đạt", "Objectives achieved"),
    "t_tasks_done": ("Nhiệm vụ hoàn thành", "Tasks done"),
    "t_tasks_overdue": ("Nhiệm vụ quá hạn", "Tasks overdue"),
    "t_indicators": ("Tổng số chỉ tiêu", "Indicators"),
    "t_achieved": ("Đạt và vượt", "Achieved (incl. exceeded)"),
    "t_exceeded": ("Trong đó vượt", "of which exceeded"),
    "t_not_achieved": ("Không đạt", "Not achieved"),
    "t_in_progress": ("Đang thực hiện", "In progress"),
    "t_no_data": ("Chưa có số liệu", "No data"),
    "t_undetermined": ("Không xác định", "Undetermined"),
    "t_rate": ("Tỷ lệ chỉ tiêu đạt", "Share achieved"),
    "g_units": ("ĐƠN VỊ VÀ KẾ HOẠCH", "UNITS AND PLAN"),
    "g_indicators": ("CHỈ TIÊU", "INDICATORS"),
    # charts
    "c_score": ("Điểm của các đơn vị", "Score by unit"),
    "c_score_top": ("Điểm của {n} đơn vị đứng đầu", "Score of the top {n} units"),
    "c_verdicts": ("Kết quả đánh giá các chỉ tiêu", "Verdicts of all indicators"),
    "c_per_unit": ("Kết quả chỉ tiêu theo đơn vị", "Verdicts per unit"),
    "c_progress": ("Tiến độ kế hoạch theo đơn vị", "Plan progress per unit"),
    "score": ("Điểm", "Score"),
    "unit": ("Đơn vị", "Unit"),
    "count": ("Số chỉ tiêu", "Indicators"),
    "n_tasks": ("Số nhiệm vụ", "Tasks"),
    "p_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "p_late": ("Hoàn thành muộn", "Done late"),
    "p_open": ("Đang thực hiện, chưa đến hạn", "In progress / not due"),
    "p_overdue": ("Quá hạn", "Overdue"),
}


def word(key: str, lang: str) -> str:
    vi, en = WORDS[key]
    return vi if lang == "vi" else en


def pick(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    """The label of a code in one of the tables above; the code itself when unknown."""
    pair = table.get(code)
    if pair is None:
        return code
    return pair[0] if lang == "vi" else pair[1]


def sheet_name(key: str, lang: str) -> str:
    vi, en = SHEETS[key]
    return vi if lang == "vi" else en


def verdict(code: str, lang: str) -> str:
    return vocab.Verdict.label_of(code, lang)


def band(code: str, lang: str) -> str:
    return vocab.Band.label_of(code, lang)


def choice(name: str, code: str, lang: str) -> str:
    return spec.label_of(spec.CHOICES[name], code, _lang(lang)) if code else ""


def period(code: str, lang: str) -> str:
    return vocab.Period.label_of(code, lang)


def _lang(lang: str) -> spec.Lang:
    return "en" if lang == "en" else "vi"


def title(result: RoundResult, lang: str) -> str:
    """BÁO CÁO TỔNG HỢP … MỤC TIÊU CHẤT LƯỢNG QUÝ I NĂM 2023 (the year alone for 'year')."""
    parts = [word("title", lang)]
    if result.period and result.period != "year":
        parts.append(period(result.period, lang).upper())
    if result.year:
        parts.append(f"{word('year_word', lang)} {result.year}")
    return " ".join(parts)


# --------------------------------------------------------------------------- numbers


def num(value: float, decimals: int = 1, lang: str = "vi") -> str:
    """86.2 -> '86,2' (vi) or '86.2' (en); 1100 -> '1.100' / '1,100'; trailing ,0 dropped."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def pct(value: float, lang: str = "vi") -> str:
    return f"{num(value, 1, lang)}%"


def two(n: int) -> str:
    """Zero-padded as in the seed reports: 9 -> '09', 11 -> '11'."""
    return f"{n:02d}"


def dmy(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


# --------------------------------------------------------------------------- unit counts




def ranked_units(result: RoundResult) -> list[tuple[int | None, UnitResult]]:
    """Submitted units by score (highest first, ties share a rank), then the others."""
    sub = [u for u in result.units if u.submitted]
    sub.sort(key=lambda u: (u.score is None, -(u.score or 0.0), u.code))
    out: list[tuple[int | None, UnitResult]] = []
    prev: float | None = None
    rank = 0
    for i, u in enumerate(sub, start=1):
        if u.score is None:
            out.append((None, u))
            continue
        if prev is None or round(u.score, 6) != round(prev, 6):
            rank = i
        prev = u.score
        out.append((rank, u))
    out.extend((None, u) for u in result.units if not u.submitted)
    return out
