"""read_return: sheets by meta language or name, columns by label, values typed."""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from builders import build_return
from openpyxl import Workbook

from qmo_excel import spec
from qmo_excel.intake.reader import (
    ReadError,
    read_return,
    read_return_layout,
)

OBJ: list[dict[str, Any]] = [
    {"code": "1", "text": "Nâng cao chất lượng giải quyết TTHC"},
    {"code": "1.1", "text": "Tỷ lệ hồ sơ đúng hạn", "unit_of_measure": "%",
     "target": "trên 95%", "weight": 2, "result": 96.4},
]
TASKS = [{"number": 1, "objective_code": "1", "task": "Xây dựng kế hoạch",
          "status": "Hoàn thành", "completed_on": dt.datetime(2023, 3, 15, 0, 0)}]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_both_languages(tmp_path: Path, lang: spec.Lang) -> None:
    p = build_return(tmp_path / "r.xlsx", lang=lang, objectives=OBJ, tasks=TASKS)
    r = read_return(p)
    assert r.lang == lang
    assert r.template_id == spec.TEMPLATE_ID and r.version == spec.VERSION
    assert r.sheet_names == {"info": spec.UNIT_INFO.name(lang),
                             "objectives": spec.OBJECTIVES.name(lang),
                             "plan": spec.PLAN.name(lang)}
    assert r.info["unit_code"] == "PTCKH" and r.info["year"] == 2023
    assert isinstance(r.info["year"], int)
    assert r.info["preparer"] is None
    assert [row.row for row in r.objectives] == [4, 5]
    assert r.objectives[1].values["weight"] == 2
    assert r.objectives[1].values["result"] == 96.4
    assert r.tasks[0].values["completed_on"] == dt.date(2023, 3, 15)
    assert type(r.tasks[0].values["completed_on"]) is dt.date
    assert r.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()
    assert r.mtime == p.stat().st_mtime
    assert read_return(p, sha256="x" * 64).sha256 == "x" * 64


def test_reordered_sheets_and_missing_meta(tmp_path: Path) -> None:
    p = build_return(tmp_path / "r.xlsx", lang="en", objectives=OBJ, meta=False,
                     sheet_order=["plan", "objectives", "info"])
    r, layout = read_return_layout(p)
    assert r.template_id is None and r.version is None and r.lang == "en"
    assert r.sheet_names["objectives"] == "Objectives"
    assert not layout.meta and layout.other_sheets == []
    assert r.objectives[0].values["code"] == "1"


def test_names_compared_loosely(tmp_path: Path) -> None:
    p = build_return(tmp_path / "r.xlsx", objectives=OBJ, meta=False)
    from openpyxl import load_workbook
    wb = load_workbook(p)
    wb["Mục tiêu - Chỉ tiêu"].title = unicodedata.normalize("NFD", "MỤC TIÊU  -  CHỈ TIÊU")
    wb.save(p)
    r = read_return(p)
    assert r.sheet_names["objectives"] == unicodedata.normalize("NFD", "MỤC TIÊU  -  CHỈ TIÊU")
    assert len(r.objectives) == 2


def test_inserted_column_is_mapped_by_label(tmp_path: Path) -> None:
    p = build_return(tmp_path / "r.xlsx", objectives=OBJ, tasks=TASKS, insert_col=2)
    r, layout = read_return_layout(p)
    assert r.objectives[1].values["unit_of_measure"] == "%"
    assert r.objectives[1].values["target"] == "trên 95%"
    assert r.tasks[0].values["task"] == "Xây dựng kế hoạch"
    obj = layout.sheets["objectives"]
    assert obj.columns["code"] == "A" and obj.columns["target"] == "E"
    assert "target" in obj.moved and "code" not in obj.moved
    assert obj.headers["C"] == "Cột thêm"


def test_empty_rows_skipped_and_row_numbers_kept(tmp_path: Path) -> None:
    rows: list[dict[str, Any]] = [{"code": "1", "text": "A"},
                                  {"_row": 10, "code": "2", "text": "B"},
                                  {"_row": 250, "code": "3", "text": "C"}]
    r = read_return(build_return(tmp_path / "r.xlsx", objectives=rows))
    assert [(x.row, x.values["code"]) for x in r.objectives] == [(4, "1"), (10, "2"),
                                                                 (250, "3")]


def test_values(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Tỷ lệ hồ sơ trễ hạn")
    rows = [{"code": "1", "text": nfd, "target": "=1+1", "result": "  96,4%  ",
             "weight": 1.5, "evidence": dt.date(2023, 5, 1)}]
    r = read_return(build_return(tmp_path / "r.xlsx", objectives=rows))
    v = r.objectives[0].values
    assert v["text"] == unicodedata.normalize("NFC", nfd)
    assert v["target"] == "=1+1"
    assert v["result"] == "96,4%"
    assert v["weight"] == 1.5
    assert v["evidence"] == dt.date(2023, 5, 1)
    assert v["lead"] is None


def test_not_our_template(tmp_path: Path) -> None:
    wb = Workbook()
    assert wb.active is not None
    wb.active.title = "Báo cáo"
    wb.active["A1"] = "xin chào"
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(ReadError) as ei:
        read_return(tmp_path / "x.xlsx")
    assert ei.value.code == "file-wrong-template"
    assert "Báo cáo" in ei.value.detail
    err = pickle.loads(pickle.dumps(ei.value))
    assert (err.code, err.detail) == (ei.value.code, ei.value.detail)


def test_round_workbook_is_wrong_template(tmp_path: Path) -> None:
    p = build_return(tmp_path / "r.xlsx", objectives=OBJ, template_id=spec.ROUND_TEMPLATE_ID)
    with pytest.raises(ReadError, match="file-wrong-template"):
        read_return(p)


def test_other_version_is_read(tmp_path: Path) -> None:
    r = read_return(build_return(tmp_path / "r.xlsx", objectives=OBJ, version="0.9"))
    assert r.version == "0.9"



def test_reads_template_writer_output(tmp_path: Path) -> None:
    template = pytest.importorskip("qmo_excel.template")
    write = getattr(template, "write_unit_workbook", None)
    if write is None:
        pytest.skip("template writer not available")
    p = tmp_path / "t.xlsx"
    info = {"unit_code": "PTCKH", "unit_name": "Phòng Tài chính - Kế hoạch", "year": 2023}
    write(p, lang="vi", info=info, objectives=OBJ, tasks=TASKS, lock_assigned=True)
    r = read_return(p)
    assert r.template_id == spec.TEMPLATE_ID and r.lang == "vi"
    assert r.info["unit_code"] == "PTCKH"
    codes = [row.values["code"] for row in r.objectives]
    assert codes[:2] == ["1", "1.1"]
    assert r.tasks and r.tasks[0].values["task"] == "Xây dựng kế hoạch"
