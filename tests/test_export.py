"""The machine export: exact shape, JSON round trip, CSV for Excel, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fixtures_results import FORMULA_TEXT, empty_round, seed_round

from qmo_excel import export
from qmo_excel.export import to_export_dict, write_csv, write_json

KEYS = {
    "round": {"year", "period"},
    "intake": {"file", "unit_code", "status", "reason"},
    "units": {"code", "name", "submitted", "late", "score", "band", "indicators", "achieved",
              "not_achieved", "no_data", "undetermined", "tasks", "tasks_done",
              "tasks_overdue"},
    "objectives": {"unit_code", "code", "text", "status", "indicators", "achieved"},
    "indicators": {"unit_code", "objective_code", "code", "text", "target_text",
                   "result_text", "verdict", "percent_of_plan", "self_assessment",
                   "self_assessment_mismatch"},
    "tasks": {"unit_code", "number", "objective_code", "task", "due", "status", "overdue"},
    "problems": {"file", "unit_code", "sheet", "cell", "code", "severity", "message"},
}


def test_shape_and_values() -> None:
    d = to_export_dict(seed_round())
    assert list(d)[:10] == ["round", "headline", "intake", "missing_units", "units",
                            "town_objectives", "objectives", "indicators", "tasks",
                            "problems"]
    for table, keys in KEYS.items():
        records = [d[table]] if table == "round" else d[table]
        assert records
        for r in records:
            assert keys <= set(r), (table, keys - set(r))
            assert list(r)[: len(keys)] == [k for k in r if k in keys][: len(keys)]
    assert d["round"]["year"] == 2021 and d["round"]["period"] == "year"
    assert d["round"]["as_of"] == "2021-12-15"
    assert d["round"]["town"] == "UBND thị xã Hương Trà"
    assert d["missing_units"] == ["X-HTHO"]
    ht = next(u for u in d["units"] if u["code"] == "UBND-TX")
    assert (ht["indicators"], ht["achieved"], ht["not_achieved"], ht["exceeded"]) == \
        (14, 10, 4, 5)
    # 4 of 14 indicators not achieved (28.6% > 20%): not completed, whatever the score
    assert ht["score"] == 91.2 and ht["band"] == "khong_hoan_thanh" and ht["late"] is False
    assert next(u for u in d["units"] if u["code"] == "PTCKH")["late"] is True
    i21 = next(i for i in d["indicators"] if i["unit_code"] == "UBND-TX" and i["code"] == "2.1")
    assert i21 == {**i21, "objective_code": "2", "target_text": "trên 95%",
                   "result_text": "86,2%", "verdict": "khong_dat", "percent_of_plan": 90.7,
                   "self_assessment": "khong_dat", "self_assessment_mismatch": False}
    assert {e["status"] for e in d["intake"]} == {"used", "superseded", "duplicate",
                                                  "rejected", "ignored"}
    t = d["tasks"][2]
    assert t["due"] == "2021-06-30" and t["overdue"] is True and t["status"] == "in_progress"
    assert d["objectives"][0]["status"] == "khong_dat"
    assert {p["severity"] for p in d["problems"]} == {"error", "warning", "info"}


def test_json_round_trip_and_determinism(tmp_path: Path) -> None:
    path = tmp_path / "out" / "result.json"
    write_json(seed_round(), path)
    text = path.read_text(encoding="utf-8")
    assert "Hương Trà" in text  # ensure_ascii=False
    assert json.loads(text) == json.loads(json.dumps(to_export_dict(seed_round())))
    first = path.read_bytes()
    write_json(seed_round(), path)
    assert path.read_bytes() == first


def test_csv_files_open_with_pandas(tmp_path: Path) -> None:
    paths = write_csv(seed_round(), tmp_path / "csv")
    names = sorted(p.name for p in paths)
    assert names == sorted(["intake.csv", "units.csv", "town_objectives.csv",
                            "objectives.csv", "indicators.csv", "tasks.csv", "problems.csv",
                            "missing_units.csv"])
    for p in paths:
        assert p.read_bytes().startswith(b"\xef\xbb\xbf"), p.name
    units = pd.read_csv(tmp_path / "csv" / "units.csv", encoding="utf-8-sig")
    assert "UBND phường Hương Xuân" in set(units["name"])
    ind = pd.read_csv(tmp_path / "csv" / "indicators.csv", encoding="utf-8-sig",
                      keep_default_na=False)
    # text a spreadsheet would run keeps a leading apostrophe (issue 17: CSV injection)
    assert len(ind) == 22 and "'" + FORMULA_TEXT in set(ind["text"])
    assert "Tốc độ tăng trưởng giá trị sản xuất" in set(ind["text"])
    missing = pd.read_csv(tmp_path / "csv" / "missing_units.csv", encoding="utf-8-sig")
    assert missing.to_dict("records") == [{"code": "X-HTHO", "name": "UBND xã Hương Thọ",
                                           "kind": "commune"}]


def test_atomic_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "result.json"
    path.write_text("old", encoding="utf-8")

    def boom(*args: Any, **kwargs: Any) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(export.json, "dumps", boom)
    with pytest.raises(OSError):
        write_json(seed_round(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]


@pytest.mark.parametrize("make", [seed_round, empty_round])
def test_json_is_written_record_by_record_as_json_dumps_would(
        tmp_path: Path, make: Any) -> None:
    result = make()
    write_json(result, tmp_path / "r.json")
    expected = json.dumps(to_export_dict(result), ensure_ascii=False, indent=2) + "\n"
    assert (tmp_path / "r.json").read_text("utf-8") == expected
