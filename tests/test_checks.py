"""One test per check: a return with exactly that fault gives that code, cell and severity,
with a Vietnamese (NFC) message that says what to fix. Returns are built in memory
(checks are pure); the structure checks read real files written by tests/builders.py."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from builders import build_return

from qmo_excel import spec
from qmo_excel.cells import code_key, parse_date
from qmo_excel.checks import returns as checks
from qmo_excel.checks.returns import check_return
from qmo_excel.intake.reader import read_return_layout
from qmo_excel.model import RegisteredUnit, RoundConfig, Row, UnitReturn
from qmo_excel.problems import CATALOGUE, Problem

VI_LETTERS = re.compile("[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]")
INFO = {"unit_code": "PTCKH", "unit_name": "Phòng Tài chính - Kế hoạch", "year": 2023,
        "period": "Năm", "report_date": date(2023, 11, 12)}
OBJECTIVES = [
    {"code": "1", "text": "Nâng cao chất lượng giải quyết TTHC"},
    {"code": "1.1", "text": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "unit_of_measure": "%",
     "target": "trên 95%", "result": "98%", "self_assessment": "Đạt"},
    {"code": "2", "text": "Hoàn thành nhiệm vụ trọng tâm", "target": "100%", "result": "100%"},
]
TASKS = [
    {"number": "1", "objective_code": "1", "task": "Xây dựng MTCL năm 2023",
     "timeline": "Tháng 01/2023", "status": "Hoàn thành", "completed_on": date(2023, 1, 20)},
    {"number": "2", "objective_code": "1", "task": "Rà soát quy trình",
     "timeline": "Thường xuyên", "status": "Đang thực hiện"},
]
SHEETS = {s.key: s.vi for s in spec.UNIT_SHEETS}


def make(info: dict[str, Any] | None = None, objectives: list[dict[str, Any]] | None = None,
         tasks: list[dict[str, Any]] | None = None, *, sheets: dict[str, str] | None = None,
         template_id: str | None = spec.TEMPLATE_ID, version: str | None = spec.VERSION
         ) -> UnitReturn:
    def rows(items: list[dict[str, Any]], table: spec.TableSheet) -> list[Row]:
        return [Row(table.first_data_row + i, {f.key: r.get(f.key) for f in table.fields})
                for i, r in enumerate(items)]

    return UnitReturn(
        path="x.xlsx", sha256="", template_id=template_id, version=version, lang="vi",
        sheet_names=dict(SHEETS if sheets is None else sheets),
        info={f.key: (INFO if info is None else info).get(f.key) for f in spec.UNIT_INFO.fields},
        objectives=rows(OBJECTIVES if objectives is None else objectives, spec.OBJECTIVES),
        tasks=rows(TASKS if tasks is None else tasks, spec.PLAN))


def run(ret: UnitReturn, **kw: Any) -> list[Problem]:
    return check_return(ret, file="x.xlsx", **kw)


def only(probs: list[Problem], code: str, cell: str, severity: str,
         *words: str) -> Problem:
    found = [p for p in probs if p.code == code]
    assert len(found) == 1, (code, [(p.code, p.cell) for p in probs])
    p = found[0]
    assert p.cell == cell and p.severity == severity, p
    assert p.severity == CATALOGUE[code].severity
    assert unicodedata.is_normalized("NFC", p.message)
    assert VI_LETTERS.search(p.message.lower()), p.message
    assert "{" not in p.message, p.message
    for w in words:
        assert w in p.message, (w, p.message)
    assert p.file == "x.xlsx" and p.sheet
    return p


def with_obj(**changes: Any) -> list[dict[str, Any]]:
    rows = [dict(r) for r in OBJECTIVES]
    rows[1].update(changes)
    return rows


def with_task(**changes: Any) -> list[dict[str, Any]]:
    rows = [dict(r) for r in TASKS]
    rows[1].update(changes)
    return rows


def test_clean_return_has_no_errors_or_warnings() -> None:
    assert [p for p in run(make()) if p.severity != "info"] == []


def test_clean_return_built_as_a_file_has_no_errors(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    ret, layout = read_return_layout(path)
    probs = check_return(ret, file="r.xlsx", layout=layout)
    assert [p for p in probs if p.severity == "error"] == []


# ------------------------------------------------------------------ structure

def test_missing_sheet() -> None:
    sheets = {k: v for k, v in SHEETS.items() if k != "plan"}
    p = only(run(make(sheets=sheets)), "structure-sheet-missing", "", "error", "Kế hoạch")
    assert p.sheet == "Kế hoạch thực hiện"


def test_meta_missing_is_a_warning() -> None:
    only(run(make(template_id=None, version=None)), "structure-meta-missing", "B1", "warning",
         "_qmo")


def test_other_version() -> None:
    p = only(run(make(version="0.9")), "file-template-version", "B2", "warning", "0.9")
    assert p.sheet == spec.META_SHEET


def test_header_changed(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    from openpyxl import load_workbook
    wb = load_workbook(path)
    wb[spec.OBJECTIVES.vi]["D3"] = "Kế hoạch năm"
    wb.save(path)
    ret, layout = read_return_layout(path)
    p = only(check_return(ret, file="x.xlsx", layout=layout), "structure-header", "D3",
             "warning", "Chỉ tiêu kế hoạch")
    assert p.value == "Kế hoạch năm"


def test_inserted_column_is_reported_and_cells_follow_the_data(tmp_path: Path) -> None:
    objectives = with_obj(weight="-1")
    path = build_return(tmp_path / "r.xlsx", info=INFO, objectives=objectives, tasks=TASKS,
                        insert_col=2)
    ret, layout = read_return_layout(path)
    probs = check_return(ret, file="x.xlsx", layout=layout)
    moved = [p for p in probs if p.code == "structure-column-moved"
             and p.sheet == spec.OBJECTIVES.vi]
    assert moved and all(p.severity == "warning" for p in moved)
    # weight is column F in the template; one column was inserted before C
    only(probs, "weight-invalid", "G5", "error")


def test_missing_column(tmp_path: Path) -> None:
    path = build_return(tmp_path / "r.xlsx", info=INFO, objectives=OBJECTIVES, tasks=TASKS)
    ret, layout = read_return_layout(path)
    layout.sheets["plan"].columns["status"] = None  # as when the column was deleted
    only(check_return(ret, file="x.xlsx", layout=layout), "structure-column-missing", "I3",
         "error", "Tình trạng")


# ------------------------------------------------------------------ info

@pytest.mark.parametrize("key", ["unit_code", "unit_name", "year", "period", "report_date"])
def test_required_info(key: str) -> None:
    info = {k: v for k, v in INFO.items() if k != key}
    label = spec.UNIT_INFO.field(key).vi
    p = only(run(make(info=info)), "required-empty", spec.UNIT_INFO.cell(key), "error",
             label, "Hãy nhập")
    assert p.field == key


@pytest.mark.parametrize("value", ["23", "năm nay", 1999, 2023.5])
def test_bad_year(value: Any) -> None:
    only(run(make(info={**INFO, "year": value})), "year-invalid", "C6", "error", "4 chữ số")


def test_year_as_text_or_float_is_fine() -> None:
    for v in ("2023", 2023.0):
        assert not [p for p in run(make(info={**INFO, "year": v})) if p.code == "year-invalid"]


def test_bad_period() -> None:
    p = only(run(make(info={**INFO, "period": "Cả năm"})), "choice-invalid", "C7", "error",
             "Kỳ báo cáo", "6 tháng", "Năm")
    assert p.value == "Cả năm"


def test_bad_report_date() -> None:
    only(run(make(info={**INFO, "report_date": "hôm qua"})), "date-invalid", "C10", "error",
         "ngày/tháng/năm")


def test_dates_as_text_and_serials_are_read() -> None:
    assert parse_date("12/11/2023") == date(2023, 11, 12)
    assert parse_date("1.2.2023") == date(2023, 2, 1)
    assert parse_date(45000.0) == date(2023, 3, 15)
    assert parse_date("31/02/2023") is None
    assert parse_date(3.5) is None


def test_unknown_unit() -> None:
    r = RoundConfig(year=2023, register=[RegisteredUnit("PKT", "Phòng Kinh tế"),
                                         RegisteredUnit("PTCKH2", "Phòng Tài chính - Kế hoạch")])
    p = only(run(make(), round=r), "unit-unknown", "C4", "warning", "PTCKH", "PTCKH2")
    assert p.unit_code == "PTCKH"


def test_year_and_period_differ_from_round() -> None:
    r = RoundConfig(year=2024, period="h1")
    probs = run(make(), round=r)
    only(probs, "year-mismatch", "C6", "warning", "2024")
    only(probs, "period-mismatch", "C7", "warning", "6 tháng")


# ------------------------------------------------------------------ objectives

def test_empty_code() -> None:
    only(run(make(objectives=with_obj(code=None))), "required-empty", "A5", "error", "Mã")


@pytest.mark.parametrize("code", ["1,1", "a", "1.1a", "1 .1", "IIII", "0"])
def test_bad_code(code: str) -> None:
    only(run(make(objectives=with_obj(code=code))), "code-format", "A5", "error", "1.1")


@pytest.mark.parametrize(("text", "key"), [("1", (1,)), ("1.2.3", (1, 2, 3)), ("II", (2,)),
                                           ("ii.", (2,)), ("IV.1", (4, 1)), ("01", (1,)),
                                           ("1.", (1,)), ("XII", (12,))])
def test_code_forms(text: str, key: tuple[int, ...]) -> None:
    assert code_key(text) == key


def test_roman_objective_codes_are_accepted() -> None:
    objs = [{"code": "I", "text": "Mục tiêu I"},
            {"code": "I.1", "text": "Chỉ tiêu", "target": "100%", "result": "100%"}]
    tasks = [{"number": "1", "objective_code": "1", "task": "Việc"}]
    assert [p for p in run(make(objectives=objs, tasks=tasks)) if p.severity != "info"] == []


def test_a_target_without_a_result_is_reported_so_the_clerk_fills_it() -> None:
    objs = [*OBJECTIVES[:2], {**OBJECTIVES[2], "result": None}]
    p = only(run(make(objectives=objs)), "result-missing", "G6", "warning",
             "\"2 Hoàn thành nhiệm vụ trọng tâm\"")
    assert "tính là không đạt" in p.message and "Minh chứng / ghi chú" in p.message
    assert "counts as not achieved" in p.message_in("en")
    # a row that only heads its indicators has no target of its own: nothing to fill
    assert not [p for p in run(make()) if p.code == "result-missing"]


def test_duplicate_code() -> None:
    objs = [*OBJECTIVES, {"code": "1.1", "text": "Trùng", "target": "100%"}]
    only(run(make(objectives=objs)), "code-duplicate", "A7", "error", "dòng 5")


def test_indicator_without_objective_row() -> None:
    objs = [*OBJECTIVES, {"code": "3.1", "text": "Mồ côi", "target": "100%"}]
    only(run(make(objectives=objs)), "objective-missing", "A7", "warning", "\"3\"")


def test_text_empty() -> None:
    only(run(make(objectives=with_obj(text=None))), "required-empty", "B5", "error",
         "Mục tiêu / chỉ tiêu")


def test_objective_without_indicators_or_target() -> None:
    objs = [*OBJECTIVES, {"code": "3", "text": "Không có chỉ tiêu"}]
    only(run(make(objectives=objs)), "objective-no-target", "D7", "warning", "3.1")


def test_indicator_without_target() -> None:
    only(run(make(objectives=with_obj(target=None))), "target-empty", "D5", "error",
         "trên 95%")


def test_group_indicator_needs_no_target() -> None:
    objs = [*OBJECTIVES, {"code": "1.2", "text": "Nhóm"},
            {"code": "1.2.1", "text": "Con", "target": "100%"}]
    assert not [p for p in run(make(objectives=objs)) if p.code == "target-empty"]


@pytest.mark.parametrize(("key", "cell", "value"), [("direction", "E5", "Cao"),
                                                    ("self_assessment", "H5", "Tốt")])
def test_bad_choice(key: str, cell: str, value: str) -> None:
    only(run(make(objectives=with_obj(**{key: value}))), "choice-invalid", cell, "error",
         "danh sách")


@pytest.mark.parametrize("value", ["-1", 0, "hai", "1,5,"])
def test_bad_weight(value: Any) -> None:
    only(run(make(objectives=with_obj(weight=value))), "weight-invalid", "F5", "error",
         "số dương")


def test_weights_that_are_fine() -> None:
    for v in ("1,5", 2, 0.5, "3"):
        assert not [p for p in run(make(objectives=with_obj(weight=v)))
                    if p.code == "weight-invalid"]


def test_no_objectives_at_all() -> None:
    only(run(make(objectives=[])), "objectives-empty", "A4", "error", "dòng 4")


# -- judged checks: the judge is stubbed so these test the checks, not the judge


@pytest.fixture
def fake_judge(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    state = SimpleNamespace(odd="", confidence="low", notes=[], verdict="khong_dat",
                            percent=90.7, period="")

    def read_target(text: str, **kw: Any) -> Any:
        odd = text == state.odd  # only the faulty row reads oddly
        return SimpleNamespace(kind="unknown" if odd and state.confidence == "none"
                               else "at_least", low=95.0, high=None, unit="%",
                               direction="higher_is_better",
                               confidence=state.confidence if odd else "high",
                               parts=[], notes=state.notes if odd else [])

    def read_result(text: str, target: Any = None) -> Any:
        return None if text == state.odd else SimpleNamespace(value=86.2)

    def judge(target: Any, result: Any, *, period: str = "year") -> Any:
        state.period = period
        return SimpleNamespace(verdict=state.verdict, percent_of_plan=state.percent,
                               confidence="high", notes=[])

    def read_timeline(text: str, year: int) -> Any:
        return SimpleNamespace(kind="unknown" if text == state.odd else "month")

    def read_row(target: str, result: Any, *, period: str = "year", **kw: Any) -> Any:
        t = read_target(target, **kw)
        r = None if result is None else read_result(str(result), t)
        return SimpleNamespace(target=t, result=r, judgement=judge(t, r, period=period))

    for name, f in (("read_row", read_row), ("read_timeline", read_timeline)):
        monkeypatch.setattr(checks, name, f, raising=True)
    return state


def test_target_unreadable(fake_judge: SimpleNamespace) -> None:
    fake_judge.odd, fake_judge.confidence = "phấn đấu tốt", "none"
    only(run(make(objectives=with_obj(target="phấn đấu tốt"))), "target-unreadable", "D5",
         "warning", "trên 95%", "14-15%")


def test_target_uncertain(fake_judge: SimpleNamespace) -> None:
    fake_judge.odd = "trên 95%"
    fake_judge.notes = ["\"87,030\" có thể là 87.030"]
    p = only(run(make()), "target-uncertain", "D5", "warning", "87,030",
             "≥ 95 % (càng cao càng tốt)")
    assert p.field == "target"


def test_result_unreadable(fake_judge: SimpleNamespace) -> None:
    fake_judge.odd = "khá"
    only(run(make(objectives=with_obj(result="khá"))), "result-unreadable", "G5", "warning",
         "96,4%")


def test_self_assessment_mismatch(fake_judge: SimpleNamespace) -> None:
    probs = run(make(objectives=with_obj(result="86,2%")))
    p = only(probs, "self-assessment-mismatch", "H5", "warning")
    assert p.message.startswith("Tự đánh giá \"Đạt\" nhưng kết quả 86,2% so với chỉ tiêu "
                                "\"trên 95%\" là Không đạt (đạt 90,7% kế hoạch)")


def test_modest_self_assessment_is_not_flagged(fake_judge: SimpleNamespace) -> None:
    fake_judge.verdict = "vuot"
    assert not [p for p in run(make()) if p.code == "self-assessment-mismatch"]
    fake_judge.verdict = "dat"
    probs = run(make(objectives=with_obj(self_assessment="Vượt")))
    only(probs, "self-assessment-mismatch", "H5", "warning", "Vượt")


def test_period_goes_to_the_judge(fake_judge: SimpleNamespace) -> None:
    run(make(info={**INFO, "period": "6 tháng"}))
    assert fake_judge.period == "h1"


def test_timeline_unreadable(fake_judge: SimpleNamespace) -> None:
    fake_judge.odd = "sớm"
    probs = run(make(tasks=with_task(timeline="sớm")))
    p = only([p for p in probs if p.cell == "F5"], "timeline-unreadable", "F5", "info",
             "Quý I/2023")
    assert p.value == "sớm"


def test_real_judge_flags_the_seed_002_case() -> None:
    probs = run(make(objectives=with_obj(result="86,2%")))
    p = only(probs, "self-assessment-mismatch", "H5", "warning", "86,2%", "trên 95%",
             "Không đạt")
    assert p.message.startswith("Tự đánh giá \"Đạt\"")


# ------------------------------------------------------------------ plan

def test_task_empty() -> None:
    only(run(make(tasks=with_task(task=None))), "required-empty", "C5", "error",
         "Nhiệm vụ, biện pháp")


def test_plan_objective_missing() -> None:
    only(run(make(tasks=with_task(objective_code="7"))), "plan-objective-missing", "B5",
         "error", "\"7\"", "Mục tiêu - Chỉ tiêu")


def test_plan_objective_as_roman_numeral_matches() -> None:
    probs = run(make(tasks=with_task(objective_code="II")))
    assert not [p for p in probs if p.code == "plan-objective-missing"]


def test_duplicate_task_number() -> None:
    only(run(make(tasks=with_task(number="1"))), "task-number-duplicate", "A5", "warning",
         "dòng 4")


def test_task_numbers_restart_per_objective() -> None:
    probs = run(make(tasks=with_task(number="1", objective_code="2")))
    assert not [p for p in probs if p.code == "task-number-duplicate"]


def test_bad_status() -> None:
    only(run(make(tasks=with_task(status="xong"))), "choice-invalid", "I5", "error",
         "Hoàn thành")


def test_completion_date_not_a_date() -> None:
    only(run(make(tasks=with_task(completed_on="tháng 3"))), "date-invalid", "J5", "error",
         "Ngày hoàn thành")


def test_done_without_date() -> None:
    only(run(make(tasks=with_task(status="Hoàn thành"))), "task-done-no-date", "J5", "info",
         "ngày hoàn thành")


def test_text_too_long() -> None:
    only(run(make(tasks=with_task(notes="x" * 2001))), "text-too-long", "K5", "warning",
         "2001", "2000")


def test_text_starting_with_equals() -> None:
    p = only(run(make(tasks=with_task(task="=Hoàn thiện hồ sơ"))), "text-formula", "C5",
             "info", "chữ")
    assert p.value == "=Hoàn thiện hồ sơ"


# ------------------------------------------------------------------ language, identity

def test_english_messages() -> None:
    """Problems carry codes and parameters; the same record says its message in either
    language where it is shown, also after crossing a process boundary."""
    import pickle

    probs = pickle.loads(pickle.dumps(run(make(tasks=with_task(status="xong")))))
    p = next(p for p in probs if p.code == "choice-invalid")
    en, vi = p.message_in("en"), p.message_in("vi")
    assert "Pick one from the dropdown" in en and "Done" in en and "Hoàn thành" not in en
    assert "Hãy chọn trong danh sách" in vi and "Hoàn thành" in vi and vi == p.message
    assert p.to_dict("en")["message"] == en


def test_no_language_reaches_the_checks() -> None:
    import inspect

    from qmo_excel.jobs.validate import FileJob

    assert "lang" not in inspect.signature(check_return).parameters
    assert "lang" not in FileJob.__dataclass_fields__


def test_every_problem_is_complete_and_unit_tagged() -> None:
    objs = [*with_obj(weight="-1", code="1,1"), {"code": "3"}]
    for p in run(make(objectives=objs, tasks=with_task(status="?", task=None))):
        assert p.code in CATALOGUE and p.unit_code == "PTCKH" and p.sheet
        assert re.fullmatch(r"[A-Z]{1,3}[0-9]+", p.cell), p


@pytest.mark.parametrize(("period", "flagged"), [("6 tháng", False), ("Năm", True)])
def test_in_progress_for_an_amount_already_at_its_annual_target(period: str,
                                                                flagged: bool) -> None:
    """Mid-year, "Đang thực hiện" for a cumulative indicator already at its annual target
    says what the figures say (the year is not over); at the year's end it does not."""
    objs = [{"code": "1", "text": "Kinh tế - xã hội"},
            {"code": "1.1", "text": "Tổng vốn đầu tư toàn xã hội", "unit_of_measure": "tỷ đồng",
             "target": "1.100 tỷ đồng", "result": "1.150 tỷ đồng",
             "self_assessment": "Đang thực hiện"}]
    probs = run(make(info={**INFO, "period": period}, objectives=objs))
    assert any(p.code == "self-assessment-mismatch" for p in probs) == flagged
