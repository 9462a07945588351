"""One definition of each rule (issue #14): the bugs that several copies of a rule gave,
each shown on a real path through the product."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import build_return

from qmo_excel import vocab
from qmo_excel.checks import check_return
from qmo_excel.intake.reader import read_return
from qmo_excel.jobs.consolidate import consolidate
from qmo_excel.model import RoundConfig

GOOD = {"code": "1", "text": "Nâng cao chất lượng giải quyết TTHC"}


def _row(target: str, result: str, own: str) -> dict[str, str]:
    return {"code": "1.1", "text": "Tỷ lệ hồ sơ giải quyết đúng hạn", "target": target,
            "result": result, "self_assessment": own}


# (target, result, self-assessment as the unit picks it)
SELF_CASES = [
    ("trên 95%", "98%", "Vượt"),        # exceeded, said exceeded: agree
    ("trên 95%", "98%", "Đạt"),         # exceeded, said achieved: modest, agree
    ("100%", "100%", "Vượt"),           # achieved, said exceeded: disagree
    ("trên 95%", "86,2%", "Đạt"),       # not achieved, said achieved: disagree
    ("trên 95%", "98%", "Không đạt"),   # exceeded, said not achieved: disagree
    ("trên 95%", "86,2%", "Không đạt"),  # agree
    ("trên 95%", "98%", "Đang thực hiện"),  # a year-end verdict, said in progress
    ("trên 95%", "", "Đạt"),            # no data: nothing to contradict
    ("xyz không rõ", "98%", "Đạt"),     # target unreadable: the unit's word is used
]


@pytest.mark.parametrize(("target", "result", "own"), SELF_CASES)
def test_one_self_assessment_rule(tmp_path: Path, target: str, result: str, own: str
                                  ) -> None:
    """The checks (feedback, problems sheet) and the scoring (indicator sheet, ranking,
    JSON) say the same of every self-assessment."""
    folder = tmp_path / "returns"
    folder.mkdir()
    path = build_return(folder / "r.xlsx", objectives=[GOOD, _row(target, result, own)])
    ret = read_return(path)
    flagged = any(p.code == "self-assessment-mismatch"
                  for p in check_return(ret, file="r.xlsx"))
    out = consolidate(folder, out_dir=tmp_path / "out", as_of=date(2023, 12, 20),
                      feedback=False)
    (ind,) = [i for i in out.result.indicators if i.code == "1.1"]
    assert ind.self_assessment_mismatch == flagged
    unit = next(u for u in out.result.units if u.code == "PTCKH")
    assert unit.mismatches == int(flagged)


def test_self_assessment_rule_itself() -> None:
    d = vocab.disagrees
    assert not d("dat", "vuot") and d("vuot", "dat") and d("dat", "khong_dat")
    assert d("khong_dat", "vuot") and not d("khong_dat", "khong_dat")
    assert not d("dat", "chua_co_so_lieu") and not d("dat", "khong_xac_dinh")
    assert not d("", "khong_dat") and not d(None, "dat")
    assert d("dat", "dang_thuc_hien") and not d("dang_thuc_hien", "dang_thuc_hien")
    # a part-year level at risk: a unit that says "Không đạt" is not contradicted
    assert not d("khong_dat", "dang_thuc_hien", "nguy_co")
    assert d("khong_dat", "dang_thuc_hien", "dung_tien_do")


def test_vocabularies_declared_once() -> None:
    from qmo_excel import spec
    from qmo_excel.summary import labels as L

    assert [c.code for c in spec.VERDICTS] == list(vocab.Verdict)
    assert [c.code for c in spec.CHOICES["period"]] == list(vocab.Period)
    assert [c.code for c in spec.BANDS] == list(vocab.Band)
    assert L.verdict("khong_xac_dinh", "en") == vocab.Verdict.KHONG_XAC_DINH.en
    assert vocab.Verdict.label_of("khong_xac_dinh", "vi") == "Không xác định"
    assert vocab.Verdict.label_of("", "vi") == "" and vocab.Verdict.label_of("x") == "x"
    for enum in (vocab.Verdict, vocab.Period, vocab.Band, vocab.Fate, vocab.Severity,
                 vocab.Category, vocab.Confidence, vocab.Source, vocab.Progress):
        for m in enum:
            assert m.vi and m.en and m.vi != m.value, m


def test_year_typed_as_text_is_a_year(tmp_path: Path) -> None:
    """A year typed as text ("2023") is the year for the checks and for scoring, so an
    overdue task is still flagged."""
    folder = tmp_path / "returns"
    folder.mkdir()
    info = {"unit_code": "PTCKH", "unit_name": "Phòng Tài chính - Kế hoạch",
            "year": "2023", "period": "Năm", "report_date": "12/11/2023"}
    tasks = [{"number": "1", "objective_code": "1", "task": "Rà soát quy trình",
              "lead": "Phòng TC-KH", "timeline": "Tháng 3/2023", "status": "Đang thực hiện"}]
    build_return(folder / "r.xlsx", info=info, objectives=[GOOD, _row("trên 95%", "98%", "")],
                 tasks=tasks)
    ret = read_return(folder / "r.xlsx")
    assert not [p for p in check_return(ret, file="r.xlsx") if p.code == "year-invalid"]
    out = consolidate(folder, out_dir=tmp_path / "out", as_of=date(2023, 12, 20),
                      feedback=False, config=RoundConfig())
    assert out.result.year == 2023
    (task,) = out.result.tasks
    assert task.due is not None and task.due.year == 2023 and task.overdue


def test_round_workbook_labels_read_loosely(tmp_path: Path) -> None:
    """The round workbook's labels are matched like a return's: without diacritics, case
    or punctuation (they had to keep their diacritics)."""
    import openpyxl

    from qmo_excel.cells import loose
    from qmo_excel.round import example_round, read_round, write_round_workbook

    path = tmp_path / "round.xlsx"
    write_round_workbook(path, lang="vi", config=example_round())
    before = read_round(path)
    wb = openpyxl.load_workbook(path)
    changed = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.isascii() and \
                        len(cell.value) < 40 and cell.data_type == "s":
                    cell.value = loose(cell.value).upper()
                    changed += 1
    wb.save(path)
    after = read_round(path)
    assert changed > 10
    assert after.year == before.year and after.period == before.period
    assert [u.code for u in after.register] == [u.code for u in before.register]
    assert [(a.unit_code, a.code) for a in after.assignments] == \
        [(a.unit_code, a.code) for a in before.assignments]


@pytest.mark.parametrize(("value", "year"), [(2023, 2023), (2023.0, 2023), ("2023", 2023),
                                             (" 2023 ", 2023), ("Năm 2023", 2023),
                                             ("23", None), (1850, None), ("2023,5", None)])
def test_one_year_parser(value: object, year: int | None) -> None:
    from qmo_excel.cells import parse_year

    assert parse_year(value) == year  # type: ignore[arg-type]


def test_english_reports_say_everything_in_english(tmp_path: Path) -> None:
    """Reasons and details of unreadable or ignored files come in the language asked for:
    the same records give the Vietnamese and the English report."""
    import re

    from qmo_excel.jobs.validate import validate

    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "scan.xlsx").write_bytes(b"%PDF-1.4 scanned")
    (tmp_path / "notes.xlsx").write_text("chỉ là ghi chú", encoding="utf-8")
    (tmp_path / "~$lock.xlsx").write_bytes(b"\x05lock" + b" " * 160)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    build_return(tmp_path / "ok.xlsx", objectives=[GOOD, _row("trên 95%", "98%", "Đạt")])
    report = validate([tmp_path])
    vietnamese = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
                            r"àáèéìíòóùúýõãĩũ]", re.IGNORECASE)
    en = report.to_dict("en")
    texts = [f["reason"] for f in en["files"]] + [p["message"] for p in en["problems"]]
    assert len(texts) >= 6
    leaks = [t for t in texts if vietnamese.search(t.replace("chỉ là ghi chú", ""))]
    assert leaks == []
    vi = report.to_dict("vi")
    assert all(f["reason"] for f in vi["files"] if f["status"] != "valid")
    assert any("tệp rỗng" in p["message"] for p in vi["problems"])


def test_validate_feedback_runs_in_bounded_workers(tmp_path: Path) -> None:
    """`qmo validate --feedback` opens the units' files in the pool's workers, never in
    the main process (as `consolidate` does)."""
    import subprocess
    import sys

    build_return(tmp_path / "r.xlsx", objectives=[GOOD, _row("100%", "100%", "Vượt")])
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from qmo_excel.cli import main\n"
        f"res = CliRunner().invoke(main, ['validate', {str(tmp_path / 'r.xlsx')!r}, "
        f"'--feedback', {str(tmp_path / 'fb')!r}])\n"
        "print(res.exit_code, 'qmo_excel.feedback.workbook' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == ["0", "False"]
    assert len(list((tmp_path / "fb").glob("*.xlsx"))) == 1
