"""The list sheets of the summary: their columns and rows (written by ``table``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from qmo_excel import vocab
from qmo_excel.figures import achieved_total
from qmo_excel.judge.notes_en import note_in
from qmo_excel.model import RoundResult
from qmo_excel.summary import formats as F
from qmo_excel.summary import labels as L
from qmo_excel.summary.table import Col, Table

Row = Sequence[Any]


def _verdict_colours(lang: str) -> dict[str, tuple[str, str]]:
    return {L.verdict(code, lang): F.VERDICT_CELL[code] for code in L.VERDICT_ORDER}


def _band_colours(lang: str) -> dict[str, tuple[str, str]]:
    return {L.band(code, lang): colours for code, colours in F.BAND_CELL.items()}


def _flag(value: bool, lang: str, key: str = "yes") -> str:
    return L.word(key, lang) if value else ""


def _title(result: RoundResult, key: str, lang: str) -> str:
    head = L.sheet_name(key, lang).upper()
    year = f" {L.word('year_word', lang)} {result.year}" if result.year else ""
    period = "" if result.period in ("", "year") else f" – {L.period(result.period, lang)}"
    town = f" – {result.town}" if result.town else ""
    return f"{head}{period}{year}{town}"


def ranking(result: RoundResult, lang: str) -> Table:
    cols = [
        Col("Hạng", "Rank", 5, "center", key="rank"), Col("Mã đơn vị", "Unit code", 10, key="code"),
        Col("Tên đơn vị", "Unit name", 26, "wrap", key="name"),
        Col("Loại", "Kind", 12, "wrap", key="kind"),
        Col("Nộp báo cáo", "Report", 8, "center",
            {L.word("not_submitted", lang): F.VERDICT_CELL["khong_dat"]}, key="submitted"),
        Col("Nộp muộn", "Late", 6.5, "center",
            {L.word("late", lang): F.VERDICT_CELL["khong_xac_dinh"]}, key="late"),
        Col("Điểm", "Score", 6.5, "score", key="score"),
        Col("Xếp loại", "Band", 21, "wrap", _band_colours(lang), key="band"),
        Col("Số chỉ tiêu", "Indicators", 6.5, "int", width_en=9.5, key="indicators"),
        Col("Đạt và vượt", "Achieved", 6.5, "int", width_en=8.5, key="achieved"),
        Col("Không đạt", "Not achieved", 6.5, "int", width_en=8.5, key="not_achieved"),
        Col("Đang thực hiện", "In progress", 7.5, "int", width_en=8.5, key="in_progress"),
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
            yield [rank, u.code, u.name, L.choice("kind", u.kind, lang) if u.kind else "",
                   L.word("submitted" if u.submitted else "not_submitted", lang),
                   _flag(u.late, lang, "late"), u.score, L.band(u.band, lang),
                   u.indicators, achieved_total(u), u.not_achieved, u.in_progress,
                   u.no_data, u.undetermined, f"{u.objectives_achieved}/{u.objectives}"
                   if u.objectives else "", u.tasks,
                   u.tasks_done, u.tasks_overdue, u.mismatches, u.problems]

    return Table("ranking", L.sheet_name("ranking", lang), _title(result, "ranking", lang),
                 cols, rows(), len(result.units))


def indicators(result: RoundResult, lang: str) -> Table:
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
        Col("Ghi chú", "Notes", 24, "wrap", key="notes"),
    ]

    english = lang == "en"  # the judge's notes are Vietnamese: shown in English for "en"

    def rows() -> Iterator[Row]:
        for i in result.indicators:
            notes = "; ".join([note_in(n, "en") for n in i.notes] if english else i.notes)
            yield [i.unit_code, i.objective_code, i.code, i.text, i.unit_of_measure,
                   i.target_text, i.result_text, L.verdict(i.verdict, lang), i.percent_of_plan,
                   vocab.Confidence.label_of(i.confidence, lang), vocab.Source.label_of(
                   i.verdict_source, lang), L.verdict(i.self_assessment, lang),
                   _flag(i.self_assessment_mismatch, lang), notes]

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
