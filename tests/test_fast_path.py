"""The fast path of consolidation (issue #6) gives the same results as the plain one:
returns judged in the workers, judged again only when the round's basis differs, unit
codes as registered, feedback written beside the summary."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from qmo_excel.cli import main
from qmo_excel.export import to_export_dict
from qmo_excel.feedback.workbook import write_feedback
from qmo_excel.jobs.consolidate import build_result, consolidate
from qmo_excel.jobs.validate import validate
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


@pytest.mark.usefixtures("forked_workers")
def test_judging_that_fails_in_a_worker_never_rejects_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qmo_excel.jobs.validate as validate_module

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("judge bug")

    folder = _folder(tmp_path)
    monkeypatch.setattr(validate_module, "score_records", broken)  # workers fork after this
    v = validate([folder], jobs=1, round=RoundConfig(), keep_rows=False, as_of=AS_OF)
    assert all(r.scored is None and r.status != "rejected" for r in v.files)
    # the main process judges them again (re-read in a worker) and loses nothing
    result = build_result(v, RoundConfig(), as_of=AS_OF)
    assert {i.unit_code for i in result.indicators} == {"PKT", "PTP", "PNV", "pyt"}
    assert to_export_dict(result) == _plain(folder, RoundConfig())


def test_a_return_gone_before_judging_again_keeps_the_workers_judging(
        tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    v = validate([folder], jobs=2, keep_rows=False, as_of=AS_OF)
    (folder / "PNV.xlsx").unlink()  # the half-year return must be judged again: it is gone
    result = build_result(v, RoundConfig(), as_of=AS_OF)
    pnv = [i for i in result.indicators if i.unit_code == "PNV"]
    assert [i.verdict for i in pnv] == ["dang_thuc_hien"]  # as its worker judged it (h1)
    assert next(u for u in result.units if u.code == "PNV").indicators == 1


@pytest.mark.usefixtures("forked_workers")
def test_failed_feedback_is_reported_and_the_rest_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qmo_excel.feedback.workbook as feedback_module

    def disk_full(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    folder = _folder(tmp_path)
    monkeypatch.setattr(feedback_module, "write_feedback", disk_full)
    out = consolidate(folder, out_dir=tmp_path / "out", as_of=AS_OF, jobs=2)
    assert out.summary is not None and out.summary.is_file()
    assert not out.feedback
    with_problems = [r.rel for r in out.validation.files if r.problems]
    assert len(with_problems) == 2
    assert [rel for rel, _ in out.feedback_failed] == with_problems  # in the folder's order
    assert all("No space left on device" in why for _, why in out.feedback_failed)
    assert [(p.file, p.code) for p in out.result.problems if p.code.startswith("feedback")
            ] == [(rel, "feedback-not-written") for rel in with_problems]
    r = CliRunner().invoke(main, ["consolidate", str(folder), "-o", str(tmp_path / "o2"),
                                  "--as-of", AS_OF.isoformat(), "--quiet"])
    assert r.exit_code == 1, r.output  # the office must notice
    for rel in with_problems:
        assert f"Không ghi được tệp góp ý cho {rel}: ổ đĩa đã đầy" in r.output


@pytest.mark.parametrize("enabled", [True, False])
def test_garbage_collection_is_given_back_as_it_was(tmp_path: Path, enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        consolidate(_folder(tmp_path), out_dir=tmp_path / "out", as_of=AS_OF, jobs=1)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
