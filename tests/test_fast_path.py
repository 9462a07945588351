"""The fast path of consolidation (issue #6) gives the same results as the plain one:
returns judged in the workers, judged again only when the round's basis differs, unit
codes as registered, feedback written beside the summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qmo_excel.consolidate import build_result, consolidate
from qmo_excel.export import to_export_dict
from qmo_excel.feedback import write_feedback
from qmo_excel.intake.validate import validate
from qmo_excel.model import RegisteredUnit, RoundConfig
from qmo_excel.template import write_unit_workbook

AS_OF = date(2023, 12, 20)
RATE = {"code": "1", "text": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "target": "trên 95%",
        "result": "90%"}
TASKS = [{"number": "1", "objective_code": "1", "task": "Rà soát quy trình giải quyết TTHC",
          "timeline": "Tháng 10", "status": "Đang thực hiện"}]


def _info(code: str, period: str = "Năm", year: int | None = 2023) -> dict[str, object]:
    return {"unit_code": code, "unit_name": f"Đơn vị {code}", "year": year,
            "period": period, "report_date": date(2023, 12, 1), "preparer": "Thư ký ISO",
            "head": "Trần Văn Bình"}


def _folder(tmp: Path) -> Path:
    returns = tmp / "returns"
    returns.mkdir()
    for code in ("PKT", "PTP"):
        write_unit_workbook(returns / f"{code}.xlsx", info=_info(code), objectives=[RATE],
                            tasks=TASKS)
    # Minority basis: a half-year return and a return with no year at all.
    write_unit_workbook(returns / "PNV.xlsx", info=_info("PNV", "6 tháng"),
                        objectives=[RATE], tasks=TASKS)
    write_unit_workbook(returns / "PYT.xlsx", info=_info("pyt", year=None),
                        objectives=[RATE, {"code": "2", "text": "Số cuộc kiểm tra",
                                           "target": "#REF!", "result": "3 cuộc"}],
                        tasks=TASKS)
    return returns


def _plain(folder: Path, config: RoundConfig) -> dict[str, object]:
    """Everything judged in the main process from the rows (the reference)."""
    v = validate([folder], jobs=1, round=config)
    assert all(r.scored is None and r.rows_kept for r in v.files)
    return to_export_dict(build_result(v, config, as_of=AS_OF))


def test_fast_path_equals_plain_judging(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    for config in (RoundConfig(),
                   RoundConfig(year=2023, period="year", register=[
                       RegisteredUnit("PKT", "Phòng Kinh tế"),
                       RegisteredUnit("PYT", "Phòng Y tế")])):
        out = consolidate(folder, config=config, out_dir=tmp_path / "out", as_of=AS_OF,
                          jobs=2)
        fast = to_export_dict(out.result)
        assert fast == _plain(folder, config)
        assert all(not r.rows_kept for r in out.validation.files)


def test_minority_basis_is_judged_again_with_the_rounds(tmp_path: Path) -> None:
    out = consolidate(_folder(tmp_path), out_dir=tmp_path / "out", as_of=AS_OF, jobs=2)
    res = out.result
    assert (res.year, res.period) == (2023, "year")
    by_unit = {i.unit_code: i for i in res.indicators if i.code == "1"}
    # At half-year 90% against "trên 95%" is in progress; the round is the whole year.
    worker = next(r for r in out.validation.files if r.rel == "PNV.xlsx").scored
    assert worker is not None and worker.period == "h1"
    assert worker.indicators[0].verdict == "dang_thuc_hien"
    assert by_unit["PNV"].verdict == "khong_dat"
    # The return without a year gets the round's year for its deadlines.
    assert {t.unit_code: t.due for t in res.tasks}["pyt"] == date(2023, 10, 31)


def test_records_carry_the_registered_code(tmp_path: Path) -> None:
    config = RoundConfig(year=2023, register=[RegisteredUnit("PYT", "Phòng Y tế")])
    out = consolidate(_folder(tmp_path), config=config, out_dir=tmp_path / "out",
                      as_of=AS_OF, jobs=2)
    pyt = [i for i in out.result.indicators if i.unit_code.casefold() == "pyt"]
    assert len(pyt) == 2 and {i.unit_code for i in pyt} == {"PYT"}
    assert {t.unit_code for t in out.result.tasks if t.unit_code.casefold() == "pyt"} == \
        {"PYT"}
    ref = next(i for i in pyt if i.code == "2")
    assert ref.target_kind == "unknown" and ref.verdict == "khong_xac_dinh"


def test_feedback_written_beside_the_summary_is_the_plain_feedback(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = consolidate(folder, out_dir=tmp_path / "out", as_of=AS_OF, jobs=2)
    assert out.summary is not None and out.summary.is_file()
    assert out.feedback and not out.feedback_failed
    assert {p.parent for p in out.feedback} == {tmp_path / "out" / "gop-y"}
    by_name = {r.rel: r for r in out.validation.files}
    for path in out.feedback:
        rep = next(r for r in by_name.values() if path.name.endswith(
            Path(r.rel).stem + ".xlsx"))
        again = write_feedback(rep, tmp_path / "again")
        assert again is not None and again.read_bytes() == path.read_bytes()
