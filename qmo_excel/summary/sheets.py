"""The list sheets of the summary: their columns and rows (written by ``table``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from qmo_excel import vocab
from qmo_excel.figures import achieved_total
from qmo_excel.judge.notes_en import note_in
from qmo_excel.model import RatingRules, RoundResult, TownIndicator, TownObjectiveResult
from qmo_excel.summary import formats as F
from qmo_excel.summary import labels as L
from qmo_excel.summary.changes import indicator_trends
from qmo_excel.summary.table import Col, Table
from qmo_excel.summary.trends import round_name
from qmo_excel.vocab import is_part_year

Row = Sequence[Any]


def _verdict_colours(lang: str) -> dict[str, tuple[str, str]]:
    return {L.verdict(code, lang): F.VERDICT_CELL[code] for code in L.VERDICT_ORDER}


def _band_colours(lang: str) -> dict[str, tuple[str, str]]:
    return {L.band(code, lang, provisional): colours for code, colours in F.BAND_CELL.items()
            for provisional in (False, True)}


def _flag(value: bool, lang: str, key: str = "yes") -> str:
    return L.word(key, lang) if value else ""


def _title(result: RoundResult, key: str, lang: str) -> str:
    head = L.sheet_name(key, lang).upper()
    year = f" {L.word('year_word', lang)} {result.year}" if result.year else ""
    period = "" if result.period in ("", "year") else f" – {L.period(result.period, lang)}"
    town = f" – {result.town}" if result.town else ""
    return f"{head}{period}{year}{town}"


def ranking(result: RoundResult, lang: str) -> Table:
    part_year = is_part_year(result.period)
    cols = [
        Col("Hạng", "Rank", 5, "center", key="rank"), Col("Mã đơn vị", "Unit code", 10, key="code"),
        Col("Tên đơn vị", "Unit name", 26, "wrap", key="name"),
        Col("Loại", "Kind", 12, "wrap", key="kind"),
        Col("Nộp báo cáo", "Report", 8, "center",
            {L.word("not_submitted", lang): F.VERDICT_CELL["khong_dat"]}, key="submitted"),
        Col("Nộp muộn", "Late", 6.5, "center",
            {L.word("late", lang): F.VERDICT_CELL["khong_xac_dinh"]}, key="late"),
        Col("Điểm", "Score", 6.5, "score", key="score"),
        Col("Xếp loại", "Band", 18, "wrap", _band_colours(lang), key="band"),
        Col("Điều kiện chưa đạt để lên mức cao hơn", "What kept it from the next band", 30,
            "wrap", key="held_back_by"),
        Col("Số chỉ tiêu", "Indicators", 6.5, "int", width_en=9.5, key="indicators"),
        Col("Đạt và vượt", "Achieved", 6.5, "int", width_en=8.5, key="achieved"),
        Col("Trong đó vượt", "Exceeded", 6.5, "int", width_en=8.5, key="exceeded"),
        Col("Không đạt", "Not achieved", 6.5, "int", width_en=8.5, key="not_achieved"),
        Col("Đang thực hiện", "In progress", 7.5, "int", width_en=8.5, key="in_progress"),
        *([Col("Nguy cơ không đạt", "At risk", 7.5, "int", key="at_risk"),
           Col("Chậm tiến độ", "Behind", 7, "int", key="behind")] if part_year else []),
        Col("Chưa có số liệu", "No data", 7.5, "int", key="no_data"),
        Col("Không xác định", "Undeter-mined", 7.5, "int", key="undetermined"),
        Col("Mục tiêu đạt/ tổng số", "Objectives achieved", 8.5, "center", width_en=10,
            key="objectives_achieved"),
        Col("Nhiệm vụ", "Tasks", 7, "int", key="tasks"),
        Col("Hoàn thành", "Done", 7.5, "int", key="tasks_done"),
        Col("Quá hạn", "Overdue", 6.5, "int", width_en=8, key="tasks_overdue"),
        Col("Khác tự đánh giá", "Differs from self-assess.", 8, "int", key="mismatches"),
        Col("Số lỗi dữ liệu", "Problems", 6.5, "int", width_en=8.5, key="problems"),
    ]

    def rows() -> Iterator[Row]:
        for rank, u in L.ranked_units(result):
            band = L.band(u.band, lang, u.provisional) if u.band else (
                L.word("not_rated", lang) if u.submitted else "")
            yield [rank, u.code, u.name, L.choice("kind", u.kind, lang) if u.kind else "",
                   L.word("submitted" if u.submitted else "not_submitted", lang),
                   _flag(u.late, lang, "late"), u.score, band, L.held_back(u, lang),
                   u.indicators, achieved_total(u), u.exceeded, u.not_achieved,
                   u.in_progress, *((u.at_risk, u.behind) if part_year else ()), u.no_data,
                   u.undetermined,
                   f"{u.objectives_achieved}/{u.objectives}" if u.objectives else "",
                   u.tasks, u.tasks_done, u.tasks_overdue, u.mismatches, u.problems]

    note = L.word("ranking_note", lang).format(**_rules(result))
    return Table("ranking", L.sheet_name("ranking", lang), _title(result, "ranking", lang),
                 cols, rows(), len(result.units), note=note)


def _rules(result: RoundResult) -> dict[str, str]:
    """The band thresholds the units were rated with, from their conditions."""
    found = {(c.band, c.code): c.required for u in result.units for c in u.conditions}
    defaults = RatingRules()
    values = {
        "excellent": found.get(("xuat_sac", "score"), defaults.excellent),
        "good": found.get(("tot", "score"), defaults.good),
        "passing": found.get(("hoan_thanh", "score"), defaults.passing),
        "exceeded": found.get(("xuat_sac", "exceeded_share"), defaults.exceeded_share),
        "missed": found.get(("hoan_thanh", "missed_share"), defaults.missed_share),
    }
    return {k: L.num(v, 1, result.lang) for k, v in values.items()}


def town(result: RoundResult, lang: str) -> Table:
    """The town's objectives: one row each, with its indicators across all units."""
    yes_colours = _verdict_colours(lang)
    cols = [
        Col("Mã", "Code", 5, "center", key="code"),
        Col("Mục tiêu", "Objective", 40, "wrap", key="text"),
        Col("Đơn vị chủ trì", "Lead unit", 14, "wrap", key="lead_unit"),
        Col("Số chỉ tiêu", "Indicators", 7.5, "int", width_en=10, key="indicators_total"),
        Col("Đạt và vượt", "Achieved", 7.5, "int", width_en=9.5, key="achieved"),
        Col("Tỷ lệ", "Ratio", 7, "center", key="ratio"),
        Col("Kết quả", "Result", 13, "center", yes_colours, key="status"),
        Col("Chỉ tiêu không đạt (đơn vị)", "Not achieved (unit)", 40, "wrap",
            key="indicators"),
        Col("Chưa có số liệu, đang thực hiện", "No data, in progress", 30, "wrap",
            key="indicators"),
        Col("Căn cứ đánh giá", "Basis", 26, "wrap", key="source"),
    ]
    names = {u.code: u.name or u.code for u in result.units}

    def item(i: TownIndicator, with_result: bool = True) -> str:
        unit = names.get(i.unit_code, i.unit_code)
        text = " ".join(i.text.split()).rstrip(".;:") or i.code
        detail = ""
        if i.missing:
            detail = ", " + L.word(f"missing_{i.missing}", lang)
        elif with_result and i.result_text:
            detail = f": {i.result_text}"
            if i.target_text:
                detail += f" / {i.target_text}"
        prog = f", {L.progress(i.progress, lang).lower()}" if i.progress else ""
        return f"{text} ({unit} {i.code}{detail}{prog})"

    def basis(o: TownObjectiveResult) -> str:
        lead = names.get(o.lead_unit, o.lead_unit)
        if o.gap:
            return L.word(f"gap_{o.gap}", lang).format(unit=lead, code=o.lead_objective)
        if o.source == "lead":
            text = L.word("src_lead", lang).format(unit=lead, code=o.lead_objective)
            figures = [f"{i.result_text} / {i.target_text}" for i in o.indicators
                       if i.result_text]
            return text + (": " + "; ".join(figures) if figures else "")
        if o.source == "office":
            return L.word("src_office", lang).format(unit=lead)
        return L.word("src_indicators", lang)

    def rows() -> Iterator[Row]:
        for o in result.town_objectives:
            failing = [item(i) for i in o.indicators if i.verdict == "khong_dat"]
            pending = [item(i, with_result=False) for i in o.indicators
                       if i.verdict in ("chua_co_so_lieu", "dang_thuc_hien",
                                        "khong_xac_dinh")]
            ratio = f"{L.two(o.achieved)}/{L.two(o.total)}" if o.total else ""
            yield [o.code, o.text, names.get(o.lead_unit, o.lead_unit), o.total or None,
                   o.achieved if o.total else None, ratio, L.verdict(o.status, lang),
                   "\n".join(failing), "\n".join(pending), basis(o)]

    if result.town_objectives:
        note = L.town_headline(result, lang) + ". " + (
            L.word("basis_round", lang) if result.town_basis == "round" else
            L.word("basis_towns", lang) if result.town_basis == "towns" else
            L.word("basis_office", lang).format(unit=names.get(result.town_office,
                                                               result.town_office)))
    else:
        note = L.town_gap(result, lang)
    return Table("town", L.sheet_name("town", lang), _title(result, "town", lang), cols,
                 rows(), len(result.town_objectives), note=note)


def indicators(result: RoundResult, lang: str) -> Table:
    part_year = is_part_year(result.period)
    cols = [
        Col("Đơn vị", "Unit", 11, key="unit_code"),
        Col("Mục tiêu", "Objective", 8, "center", key="objective_code"),
        Col("Mã", "Code", 7, "center", key="code"),
        Col("Chỉ tiêu", "Indicator", 36, "wrap", key="text"),
        Col("Đơn vị tính", "Unit of measure", 10, "wrap", key="unit_of_measure"),
        Col("Chỉ tiêu kế hoạch", "Target", 16, "wrap", key="target_text"),
        Col("Kết quả thực hiện", "Result", 16, "wrap", key="result_text"),
        Col("Đánh giá", "Verdict", 13, "center", _verdict_colours(lang), key="verdict"),
        Col("% kế hoạch", "% of plan", 8, "pct", key="percent_of_plan"),
        Col("Độ tin cậy", "Confidence", 10, "center", key="confidence"),
        Col("Căn cứ đánh giá", "Verdict source", 10, "center", key="verdict_source"),
        Col("Đơn vị tự đánh giá", "Self-assessed", 10, "center", key="self_assessment"),
        Col("Khác tự đánh giá", "Differs", 7, "center",
            {L.word("yes", lang): F.VERDICT_CELL["khong_xac_dinh"]},
                key="self_assessment_mismatch"),
        *([Col("Tiến độ", "Progress", 11, "wrap", key="progress")] if part_year else []),
        Col("Mục tiêu của thị xã", "Town objective", 8, "center", key="town_objective"),
        Col("Ghi chú", "Notes", 24, "wrap", key="notes"),
    ]
    refs = result.trends.refs() if result.trends is not None else []
    for ref in refs:
        what = f"{L.word(ref.relation, lang).lower()} ({round_name(ref.year, ref.period, lang)})"
        cols += [Col(L.word("tr_result", "vi").format(what=what),
                     L.word("tr_result", "en").format(what=what), 16, "wrap"),
                 Col(L.word("tr_verdict", "vi").format(what=what),
                     L.word("tr_verdict", "en").format(what=what), 13, "center",
                     _verdict_colours(lang))]
    if refs:
        cols.append(Col(L.word("tr_match", "vi"), L.word("tr_match", "en"), 18, "wrap"))
    earlier = indicator_trends(result)

    english = lang == "en"  # the judge's notes are Vietnamese: shown in English for "en"

    def rows() -> Iterator[Row]:
        for i in result.indicators:
            notes = "; ".join([note_in(n, "en") for n in i.notes] if english else i.notes)
            row = [i.unit_code, i.objective_code, i.code, i.text, i.unit_of_measure,
                   i.target_text, i.result_text, L.verdict(i.verdict, lang), i.percent_of_plan,
                   vocab.Confidence.label_of(i.confidence, lang), vocab.Source.label_of(
                   i.verdict_source, lang), L.verdict(i.self_assessment, lang),
                   _flag(i.self_assessment_mismatch, lang),
                   *([L.progress(i.progress, lang)] if part_year else []),
                   i.town_objective, notes]
            if refs:
                matched = []
                for ref in refs:
                    b = earlier.get((i.unit_code, i.code, ref.relation))
                    row += [b.result_text, L.verdict(b.verdict, lang)] if b else ["", ""]
                    if b is not None and b.matched_by != "code":
                        what = L.word(ref.relation, lang).lower()
                        key = "tr_by_text" if b.matched_by == "text" else "tr_reworded"
                        matched.append(L.word(key, lang).format(what=what,
                                                                code=b.earlier_code))
                row.append("; ".join(matched))
            yield row

    return Table("indicators", L.sheet_name("indicators", lang),
                 _title(result, "indicators", lang), cols, rows(), len(result.indicators))


def objectives(result: RoundResult, lang: str) -> Table:
    cols = [
        Col("Đơn vị", "Unit", 11, key="unit_code"), Col("Mã", "Code", 7, "center", key="code"),
        Col("Mục tiêu", "Objective", 50, "wrap", key="text"),
        Col("Đánh giá", "Status", 14, "center", _verdict_colours(lang), key="status"),
        Col("Số chỉ tiêu", "Indicators", 9, "int", key="indicators"),
        Col("Đạt và vượt", "Achieved", 9, "int", key="achieved"),
        Col("Tỷ lệ", "Ratio", 8, "center", key="ratio"),
        Col("Chỉ tiêu không đạt", "Indicators not achieved", 50, "wrap", key="not_achieved"),
    ]

    def rows() -> Iterator[Row]:
        for o in result.objectives:
            ratio = f"{L.two(o.achieved)}/{L.two(o.indicators)}" if o.indicators else ""
            yield [o.unit_code, o.code, o.text, L.verdict(o.status, lang), o.indicators,
                   o.achieved, ratio, "; ".join(o.not_achieved)]

    return Table("objectives", L.sheet_name("objectives", lang),
                 _title(result, "objectives", lang), cols, rows(), len(result.objectives))


def tasks(result: RoundResult, lang: str) -> Table:
    yes = L.word("yes", lang)
    cols = [
        Col("Đơn vị", "Unit", 11, key="unit_code"), Col("TT", "No.", 5, "center", key="number"),
        Col("Mục tiêu", "Objective", 8, "center", key="objective_code"),
        Col("Nhiệm vụ", "Task", 44, "wrap", key="task"),
        Col("Chủ trì", "Lead", 18, "wrap", key="lead"),
        Col("Thời gian thực hiện", "Timeline", 18, "wrap", key="timeline"),
        Col("Hạn hoàn thành", "Due", 11, "date", key="due"),
        Col("Tình trạng", "Status", 14, "center", key="status"),
        Col("Ngày hoàn thành", "Completed on", 11, "date", key="completed_on"),
        Col("Hoàn thành muộn", "Done late", 10, "center", key="done_late"),
        Col("Quá hạn", "Overdue", 9, "center", key="overdue"),
    ]

    def rows() -> Iterator[Row]:
        for k in result.tasks:
            yield [k.unit_code, k.number, k.objective_code, k.task, k.lead, k.timeline, k.due,
                   L.choice("status", k.status, lang), k.completed_on,
                   _flag(k.done_late, lang), _flag(k.overdue, lang)]

    return Table("tasks", L.sheet_name("tasks", lang), _title(result, "tasks", lang), cols,
                 rows(), len(result.tasks), row_rule=(10, yes, F.OVERDUE_ROW))


def intake(result: RoundResult, lang: str) -> Table:
    cols = [
        Col("Tệp", "File", 34, "wrap", key="file"),
        Col("Kết quả tiếp nhận", "Status", 13, "center",
            {vocab.Fate.label_of(c, lang): v for c, v in F.INTAKE_CELL.items()}, key="status"),
        Col("Mã đơn vị", "Unit code", 11, key="unit_code"),
        Col("Tên đơn vị", "Unit name", 28, "wrap", key="unit_name"),
        Col("Ngày báo cáo", "Report date", 11, "date", key="report_date"),
        Col("Nộp muộn", "Late", 8, "center", key="late"),
        Col("Lý do", "Reason", 44, "wrap", key="reason"),
        Col("Số lỗi", "Errors", 7, "int", key="errors"),
        Col("Số cảnh báo", "Warnings", 9, "int", key="warnings"),
    ]

    def rows() -> Iterator[Row]:
        for e in result.intake:
            yield [e.file, vocab.Fate.label_of(e.status, lang), e.unit_code, e.unit_name,
                   e.report_date, _flag(e.late, lang, "late"), vocab.in_lang(e.reason, lang),
                   e.errors, e.warnings]

    return Table("intake", L.sheet_name("intake", lang), _title(result, "intake", lang), cols,
                 rows(), len(result.intake), note=L.word("intake_rule", lang))


def missing(result: RoundResult, lang: str) -> Table:
    cols = [Col("STT", "No.", 6, "center", key="no"), Col("Mã đơn vị", "Unit code", 14, key="code"),
            Col("Tên đơn vị", "Unit name", 44, "wrap", key="name"),
            Col("Loại", "Kind", 24, "wrap", key="kind")]
    by_code = {u.code: u for u in result.units}

    def rows() -> Iterator[Row]:
        for n, code in enumerate(result.missing_units, start=1):
            u = by_code.get(code)
            yield [n, code, u.name if u else "",
                   L.choice("kind", u.kind, lang) if u and u.kind else ""]

    return Table("missing", L.sheet_name("missing", lang), _title(result, "missing", lang),
                 cols, rows(), len(result.missing_units))


def problems(result: RoundResult, lang: str) -> Table:
    cols = [
        Col("Tệp", "File", 30, "wrap", key="file"), Col("Đơn vị", "Unit", 11, key="unit_code"),
        Col("Trang tính", "Sheet", 16, "wrap", key="sheet"),
        Col("Ô", "Cell", 7, "center", key="cell"),
        Col("Mã lỗi", "Code", 22, key="code"),
        Col("Mức độ", "Severity", 10, "center",
            {vocab.Severity.label_of(c, lang): v for c, v in F.SEVERITY_CELL.items()},
                key="severity"),
        Col("Nội dung", "Message", 60, "wrap", key="message"),
    ]

    def rows() -> Iterator[Row]:
        for p in result.problems:
            yield [getattr(p, "file", ""), getattr(p, "unit_code", ""),
                   getattr(p, "sheet", ""), getattr(p, "cell", ""), getattr(p, "code", ""),
                   vocab.Severity.label_of(str(getattr(p, "severity", "")), lang),
                   p.message_in(lang)]

    return Table("problems", L.sheet_name("problems", lang), _title(result, "problems", lang),
                 cols, rows(), len(result.problems))
