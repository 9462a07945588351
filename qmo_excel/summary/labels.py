"""Words of the summary workbook in Vietnamese and English, and number formatting.

Everything a reader of the summary sees (sheet names, headers, tile captions, chart
titles, status words) is declared here once; the sheet writers only look words up.
"""

from __future__ import annotations

import math
from datetime import date

from qmo_excel import spec, vocab
from qmo_excel.model import BandCondition, RoundResult, UnitResult
from qmo_excel.rating import BAND_RANK

VERDICT_ORDER: tuple[str, ...] = tuple(vocab.Verdict)
ACHIEVED = vocab.ACHIEVED

SHEETS: dict[str, tuple[str, str]] = {
    "overview": ("Tổng quan", "Overview"),
    "town": ("Mục tiêu của thị xã", "Town objectives"),
    "ranking": ("Xếp hạng đơn vị", "Unit ranking"),
    "indicators": ("Chỉ tiêu", "Indicators"),
    "objectives": ("Mục tiêu", "Objectives"),
    "tasks": ("Kế hoạch", "Plan tasks"),
    "intake": ("Tiếp nhận", "Intake"),
    "missing": ("Đơn vị chưa nộp", "Missing units"),
    "problems": ("Lỗi dữ liệu", "Data problems"),
    "narrative": ("Nhận xét", "Narrative"),
    "trends": ("So sánh các kỳ", "Trends"),
}
DATA_SHEET = "_data"

# CSV file of the export that holds the full list behind a (possibly cut) sheet.
CSV_OF = {"town": "town_objectives.csv", "indicators": "indicators.csv",
          "tasks": "tasks.csv", "problems": "problems.csv", "objectives": "objectives.csv",
          "intake": "intake.csv", "ranking": "units.csv"}


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
    # the sheet's name at the left: a loose printed page says where it belongs
    "footer": ("&L&8&A&C&8Trang &P/&N", "&L&8&A&C&8Page &P of &N"),
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
    # bands and their conditions
    "ranking_note": ("Xếp theo mức xếp loại, rồi theo điểm. Hoàn thành xuất sắc: điểm từ "
                     "{excellent}, mọi chỉ tiêu được đánh giá đều đạt, ít nhất {exceeded}% "
                     "vượt; Hoàn thành tốt: điểm từ {good}, mọi chỉ tiêu đều đạt; Hoàn thành: "
                     "điểm từ {passing}, không quá {missed}% không đạt (chưa có số liệu tính "
                     "là không đạt). Theo Quy định 366-QĐ/TW (2025), Điều 11.",
                     "By band, then score. Excellent: score {excellent}+, every assessed "
                     "indicator achieved, at least {exceeded}% exceeded; Good: score {good}+, "
                     "every one achieved; Completed: score {passing}+, at most {missed}% not "
                     "achieved (no data counts as not achieved). After Regulation "
                     "366-QĐ/TW (2025), Article 11."),
    "provisional": ("tạm tính", "provisional"),
    "not_rated": ("Chưa xếp loại", "Not rated"),
    "g_bands": ("XẾP LOẠI ĐƠN VỊ", "UNIT BANDS"),
    "g_bands_prov": ("XẾP LOẠI ĐƠN VỊ (TẠM TÍNH: KẾT QUẢ GIỮA NĂM SO VỚI CHỈ TIÊU CẢ NĂM)",
                     "UNIT BANDS (PROVISIONAL: PART-YEAR RESULTS AGAINST ANNUAL TARGETS)"),
    "t_at_risk": ("Chỉ tiêu có nguy cơ không đạt", "Indicators at risk"),
    "t_behind": ("Chỉ tiêu chậm tiến độ", "Indicators behind schedule"),
    "t_mismatch": ("Khác tự đánh giá", "Differs from self-assessment"),
    "t_unit_objectives": ("Mục tiêu của đơn vị đạt", "Unit objectives achieved"),
    "c_score_cond": ("điểm {actual} (cần từ {required})", "score {actual} (needs {required})"),
    "c_exceeded": ("{n}/{m} chỉ tiêu vượt ({actual}%; cần từ {required}%)",
                   "{n}/{m} indicators exceeded ({actual}%; needs {required}%)"),
    "c_missed": ("{n}/{m} chỉ tiêu không đạt ({actual}%; tối đa {required}%)",
                 "{n}/{m} indicators not achieved ({actual}%; at most {required}%)"),
    "c_short": ("{n}/{m} chỉ tiêu chưa đạt ({actual}%; tối đa {required}%)",
                "{n}/{m} indicators not achieved or without data ({actual}%; at most "
                "{required}%)"),
    "c_including": (", gồm: ", ": "),
    "k_not_achieved": ("không đạt", "not achieved"),
    "k_no_data": ("chưa có số liệu", "no data"),
    "k_unfinished": ("còn đang thực hiện khi hết năm", "still in progress at the year's end"),
    "c_not_achieved": ("{n} chỉ tiêu không đạt: {codes}", "{n} not achieved: {codes}"),
    "c_no_data": ("{n} chỉ tiêu chưa có số liệu: {codes}", "{n} without data: {codes}"),
    "c_unfinished": ("{n} chỉ tiêu còn đang thực hiện khi hết năm: {codes}",
                     "{n} still in progress at the year's end: {codes}"),
    "c_top": ("Đạt mức cao nhất", "The highest band"),
    # the town's objectives
    "g_town": ("MỤC TIÊU CHẤT LƯỢNG CỦA {town}", "THE QUALITY OBJECTIVES OF {town}"),
    "g_town_plain": ("MỤC TIÊU CHẤT LƯỢNG CỦA THỊ XÃ", "THE TOWN'S QUALITY OBJECTIVES"),
    "town_fail": ("{x}/{y} mục tiêu chưa đạt ({codes})", "{x}/{y} objectives not achieved "
                  "({codes})"),
    "town_codes": ("mục tiêu số {codes}", "objectives no. {codes}"),
    "town_all": ("{y}/{y} mục tiêu đều đạt và vượt kế hoạch đề ra",
                 "{y}/{y} objectives achieved"),
    "town_none": ("Chưa có mục tiêu của thị xã", "No town objectives"),
    "gap_no_list": ("Chưa có danh sách mục tiêu của thị xã: sổ kỳ báo cáo chưa có trang "
                    "«{sheet}» (hoặc trang này để trống) và chưa ghi ô «{office}» ở trang "
                    "«{settings}». Hãy điền một trong hai rồi tổng hợp lại.",
                    "No list of the town's objectives: the round workbook has no «{sheet}» "
                    "(or it is empty) and no «{office}» on «{settings}». Fill in either and "
                    "consolidate again."),
    "gap_office_missing": ("Chưa có danh sách mục tiêu của thị xã (trang «{sheet}» của sổ kỳ "
                           "báo cáo để trống) và đơn vị {unit} (ô «{office}») chưa nộp báo "
                           "cáo dùng được.",
                           "No list of the town's objectives («{sheet}» is empty) and unit "
                           "{unit} («{office}») has no usable return."),
    "basis_round": ("Theo danh sách mục tiêu của thị xã trong sổ kỳ báo cáo; mỗi mục tiêu chỉ "
                    "đạt khi mọi chỉ tiêu của nó ở mọi đơn vị đều đạt.",
                    "From the round workbook's list; an objective is achieved only when all "
                    "its indicators in all units are."),
    "basis_towns": ("Mục tiêu của tỉnh tổng hợp từ mục tiêu cùng mã của các địa phương; mỗi "
                    "mục tiêu chỉ đạt khi mọi chỉ tiêu của nó ở mọi địa phương đều đạt.",
                    "The province's objectives, from the localities' objectives of the same "
                    "code; each is achieved only when all its indicators everywhere are."),
    "basis_office": ("Sổ kỳ báo cáo chưa có danh sách mục tiêu của thị xã: dùng các mục tiêu "
                     "trong báo cáo của {unit}.",
                     "The round workbook lists no town objectives: those of {unit}'s return "
                     "are used."),
    "src_indicators": ("Chỉ tiêu giao cho các đơn vị", "Indicators assigned to units"),
    "src_lead": ("Theo báo cáo của đơn vị chủ trì ({unit}, mục tiêu {code})",
                 "As the lead unit reports it ({unit}, objective {code})"),
    "src_office": ("Báo cáo của {unit}", "{unit}'s return"),
    "gap_no_indicators": ("Không có chỉ tiêu giao và chưa ghi đơn vị chủ trì",
                          "No assigned indicator and no lead unit"),
    "gap_lead_missing": ("Đơn vị chủ trì {unit} chưa nộp báo cáo dùng được",
                         "The lead unit {unit} has no usable return"),
    "gap_lead_objective_missing": ("Báo cáo của đơn vị chủ trì {unit} không có mục tiêu {code}",
                                   "The lead unit {unit}'s return has no objective {code}"),
    "o_code": ("Mã", "No."),
    "o_text": ("Mục tiêu", "Objective"),
    "o_achieved": ("Kết quả thực hiện", "Result"),
    "o_target": (" (chỉ tiêu: {t})", " (target: {t})"),
    "o_pending": ("Chỉ tiêu chưa đạt (đơn vị)", "Not yet achieved (unit)"),
    "o_result": ("Đánh giá", "Verdict"),
    "o_ratio": ("{a}/{b} chỉ tiêu đạt và vượt", "{a}/{b} indicators achieved"),
    "o_failed": ("{n} không đạt: {items}", "{n} not achieved: {items}"),
    "o_no_data": ("{n} chưa có số liệu: {items}", "{n} without data: {items}"),
    "o_in_progress": ("{n} đang thực hiện: {items}", "{n} in progress: {items}"),
    "missing_unit": ("đơn vị chưa nộp báo cáo", "the unit has not reported"),
    "missing_row": ("báo cáo của đơn vị không có chỉ tiêu này", "not in the unit's return"),
    # trends (the history of rounds)
    "previous": ("Kỳ trước", "Previous round"),
    "year_ago": ("Cùng kỳ năm trước", "Same period last year"),
    "this_round": ("Kỳ này", "This round"),
    "tr_note": ("{refs}. Nguồn: lịch sử các kỳ ({file}). Đơn vị ghép theo mã; chỉ tiêu ghép "
                "theo mã đơn vị và mã chỉ tiêu, rồi theo nội dung khi mã đã đổi.",
                "{refs}. Source: the history of rounds ({file}). Units are matched by code; "
                "indicators by unit and indicator code, then by their text when codes "
                "changed."),
    "tr_ref": ("{what}: {round} (số liệu đến {d})", "{what}: {round} (figures as of {d})"),
    "tr_series": ("TOÀN {scope} QUA CÁC KỲ", "{scope} OVER THE RECORDED ROUNDS"),
    "tr_units": ("ĐƠN VỊ SO VỚI CÁC KỲ TRƯỚC", "UNITS AGAINST EARLIER ROUNDS"),
    "tr_town": ("MỤC TIÊU CHUNG SO VỚI CÁC KỲ TRƯỚC", "THE TOWN'S OBJECTIVES AGAINST EARLIER "
                "ROUNDS"),
    "tr_round": ("Kỳ báo cáo", "Round"),
    "tr_asof": ("Số liệu đến", "Figures as of"),
    "tr_units_in": ("Đơn vị đã nộp", "Units reported"),
    "tr_share": ("Tỷ lệ chỉ tiêu đạt", "Share achieved"),
    "tr_share_pct": ("Tỷ lệ chỉ tiêu đạt (%)", "Share of indicators achieved (%)"),
    "tr_chart": ("Tỷ lệ chỉ tiêu đạt và điểm bình quân qua các kỳ",
                 "Share of indicators achieved and average score by round"),
    "tr_band": ("Xếp loại", "Band"),
    "tr_band_change": ("Thay đổi xếp loại", "Band change"),
    "tr_score_change": ("Thay đổi điểm", "Score change"),
    "tr_share_change": ("Thay đổi tỷ lệ đạt", "Change in share"),
    "tr_new": ("Chưa có ở kỳ này", "Not in that round"),
    "tr_up": ("↑ {n} bậc", "↑ {n} band(s)"),
    "tr_down": ("↓ {n} bậc", "↓ {n} band(s)"),
    "tr_same": ("Không đổi", "Unchanged"),
    "tr_provisional": ("{band} (tạm tính)", "{band} (provisional)"),
    "tr_points": ('+0.0" điểm";−0.0" điểm";0.0" điểm"', '+0.0" pts";−0.0" pts";0.0" pts"'),
    "tr_pp": ('+0.0" điểm %";−0.0" điểm %";0.0" điểm %"', '+0.0" pp";−0.0" pp";0.0" pp"'),
    "tr_result": ("Kết quả {what}", "Result, {what}"),
    "tr_verdict": ("Đánh giá {what}", "Verdict, {what}"),
    "tr_match": ("Ghép với kỳ trước", "Matched with earlier"),
    "tr_by_text": ("theo nội dung (mã {what}: {code})", "by text ({what} code: {code})"),
    "tr_reworded": ("cùng mã, nội dung đã sửa ({what})", "same code, reworded ({what})"),
    "tr_status": ("Đánh giá", "Status"),
    "tr_status_change": ("Thay đổi đánh giá", "Status change"),
    "tr_count_change": ("Thay đổi số chỉ tiêu đạt", "Change in indicators achieved"),
    "tr_ratio": ("Chỉ tiêu đạt", "Indicators achieved"),
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


def band(code: str, lang: str, provisional: bool = False) -> str:
    """"Hoàn thành tốt", or "Hoàn thành tốt (tạm tính)" for a part-year band."""
    text = vocab.Band.label_of(code, lang)
    return f"{text} ({word('provisional', lang)})" if text and provisional else text


def progress(code: str | None, lang: str) -> str:
    return vocab.Progress.label_of(code, lang)


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
    """Submitted units by band, then score (best first; the same band and score share a
    rank), then the units without a score, then those that did not submit."""
    sub = [u for u in result.units if u.submitted]
    sub.sort(key=lambda u: (u.score is None, BAND_RANK.get(u.band, len(BAND_RANK)),
                            -(u.score or 0.0), u.code))
    out: list[tuple[int | None, UnitResult]] = []
    prev: tuple[str, float] | None = None
    rank = 0
    for i, u in enumerate(sub, start=1):
        if u.score is None:
            out.append((None, u))
            continue
        key = (u.band, round(u.score, 6))
        if key != prev:
            rank = i
        prev = key
        out.append((rank, u))
    out.extend((None, u) for u in result.units if not u.submitted)
    return out


# --------------------------------------------------------------------------- bands


def _codes(codes: list[str], limit: int = 8) -> str:
    shown = ", ".join(codes[:limit])
    return shown + (f", … (+{len(codes) - limit})" if len(codes) > limit else "")


def _pct(value: float, lang: str) -> str:
    return num(value, 1, lang)


def condition(c: BandCondition, lang: str, unit: UnitResult) -> str:
    """An unmet condition as the summary says it: "1 chỉ tiêu không đạt: 2.1"."""
    assessed = unit.assessed
    if c.code == "score":
        return word("c_score_cond", lang).format(actual=num(c.actual, 1, lang),
                                                 required=num(c.required, 1, lang))
    if c.code == "exceeded_share":
        return word("c_exceeded", lang).format(n=unit.exceeded, m=assessed,
                                               actual=_pct(c.actual, lang),
                                               required=_pct(c.required, lang))
    if c.code == "missed_share":
        missed = len(c.not_achieved) + len(c.no_data) + len(c.unfinished)
        only_failed = missed == len(c.not_achieved)
        head = word("c_missed" if only_failed else "c_short", lang).format(
            n=missed, m=assessed, actual=_pct(c.actual, lang),
            required=_pct(c.required, lang))
        if only_failed:
            return head + word("c_including", lang) + _codes(c.not_achieved)
        kinds = [(word(key, lang), codes) for key, codes in (
            ("k_not_achieved", c.not_achieved), ("k_no_data", c.no_data),
            ("k_unfinished", c.unfinished)) if codes]
        return head + word("c_including", lang) + "; ".join(
            f"{kind} {_codes(codes)}" for kind, codes in kinds)
    return "; ".join(word(key, lang).format(n=len(codes), codes=_codes(codes))
                     for key, codes in (("c_not_achieved", c.not_achieved),
                                        ("c_no_data", c.no_data),
                                        ("c_unfinished", c.unfinished)) if codes)


def held_back(u: UnitResult, lang: str) -> str:
    """What kept a unit from the next band ('' for a unit without a band); the top band
    says so."""
    if not u.band:
        return ""
    if not u.held_back:
        return word("c_top", lang)
    return "; ".join(condition(c, lang, u) for c in u.held_back)


# --------------------------------------------------------------------------- town


def town_headline(result: RoundResult, lang: str) -> str:
    """Seed 002's sentence: "3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)"."""
    objs = result.town_objectives
    return town_sentence(len(objs), [o.code for o in objs if o.status not in ACHIEVED], lang)


def town_sentence(total: int, failing: list[str], lang: str) -> str:
    """"3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)" from the number of the town's
    objectives and the codes of those not achieved (``figures.Headline``)."""
    if not total:
        return word("town_none", lang)
    if not failing:
        return word("town_all", lang).format(y=total)
    codes = word("town_codes", lang).format(codes=", ".join(failing))
    return word("town_fail", lang).format(x=len(failing), y=total, codes=codes)


def town_gap(result: RoundResult, lang: str) -> str:
    """What is missing when there are no town objectives ('' when there are)."""
    if result.town_objectives or not result.town_gap:
        return ""
    names = {"sheet": spec.TOWN_OBJECTIVES.name(_lang(lang)),
             "settings": spec.ROUND_SETTINGS.name(_lang(lang)),
             "office": spec.ROUND_SETTINGS.field("town_office").label(_lang(lang)),
             "unit": result.town_office}
    return word(f"gap_{result.town_gap}", lang).format(**names)


def unit_name(result: RoundResult, code: str) -> str:
    for u in result.units:
        if u.code == code:
            return u.name or code
    return code
