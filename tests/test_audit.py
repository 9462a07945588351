"""The audit trail (issue 20): the manifest of the sample round lets every verdict, every
unit score and band be derived again; `qmo explain --round` shows how one was reached."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from qmo_excel.cli import main
from qmo_excel.history.manifest import find_manifest, load_manifest
from qmo_excel.judge import read_row
from qmo_excel.judge.audit import describe_rule, expand, reading_json

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audit")
    result = CliRunner().invoke(main, [
        "consolidate", str(SAMPLES / "returns"), "--round", str(SAMPLES / "round.xlsx"),
        "-o", str(out), "--as-of", "2023-12-20", "-q", "--no-feedback",
        "--export-json", str(out / "x.json"), "--history", str(out / "h.sqlite")])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def manifest(sample: Path) -> dict[str, Any]:
    path = find_manifest(sample)
    assert path.name == "vet-kiem-tra-MTCL-2023-nam.json"
    return load_manifest(path)


def test_the_manifest_holds_tool_round_settings_and_rules(manifest: dict[str, Any]) -> None:
    assert manifest["qmo_manifest"] == 1
    assert manifest["tool"]["name"] == "qmo" and manifest["tool"]["version"]
    r = manifest["round"]
    assert (r["body"], r["year"], r["period"], r["as_of"]) == (
        "UBND thị xã Hương Trà", 2023, "year", "2023-12-20")
    workbook = SAMPLES / "round.xlsx"
    assert r["round_workbook"]["sha256"] == hashlib.sha256(workbook.read_bytes()).hexdigest()
    assert manifest["settings"]["town"] == "UBND thị xã Hương Trà"
    assert len(manifest["settings"]["register"]) == 14
    rules = manifest["rules"]
    assert rules["cap"] == 100.0
    assert [b["band"] for b in rules["bands"]] == ["xuat_sac", "tot", "hoan_thanh",
                                                   "khong_hoan_thanh"]
    assert rules["bands"][0] == {"band": "xuat_sac", "min_score": 90.0,
                                 "every_assessed_achieved": True, "min_exceeded_share": 30.0}
    assert rules["achieved"] == ["vuot", "dat"]


def test_every_input_file_with_its_hash_and_fate(manifest: dict[str, Any], sample: Path
                                                 ) -> None:
    export = json.loads((sample / "x.json").read_text(encoding="utf-8"))
    inputs = {i["file"]: i for i in manifest["inputs"]}
    assert set(inputs) == {p.name for p in (SAMPLES / "returns").iterdir()}
    for e in export["intake"]:
        i = inputs[e["file"]]
        data = (SAMPLES / "returns" / e["file"]).read_bytes()
        assert i["sha256"] == hashlib.sha256(data).hexdigest(), e["file"]
        assert i["bytes"] == len(data)
        assert i["fate"] == e["status"]


def _arithmetic(rule: str, reading: dict[str, Any]) -> bool | None:
    """Whether the result meets a one-sided or range target, from the reading alone
    (None when the reading does not allow a plain comparison)."""
    t, r = reading["target"], reading.get("result") or {}
    value = r.get("value")
    if value is None or t.get("unit", "") != r.get("unit", "") or r.get("margin") is not None:
        return None
    low, high = t.get("low"), t.get("high", t.get("low"))
    if rule == "at_least":
        return bool(value >= low - 1e-9)
    if rule == "more_than":
        return bool(value > low)
    if rule == "at_most":
        return bool(value <= high + 1e-9)
    if rule == "less_than":
        return bool(value < high)
    return None


def test_the_manifest_re_derives_every_verdict(manifest: dict[str, Any], sample: Path
                                              ) -> None:
    records = manifest["indicators"]
    export = json.loads((sample / "x.json").read_text(encoding="utf-8"))
    assert len(records) == len(export["indicators"]) == 102
    checked_by_arithmetic = 0
    for rec, exported in zip(records, export["indicators"], strict=True):
        reading = rec["reading"]
        where = f"{rec['unit']} {rec['code']}"
        assert (rec["unit"], rec["code"]) == (exported["unit_code"], exported["code"])
        # the same cells, read and judged again, give the same reading and verdict
        cell = reading.get("result_cell", rec["result"] or None)
        again = read_row(rec["target"], cell, indicator=rec["text"],
                         unit=rec["unit_of_measure"], direction=reading.get("direction_given"),
                         period=rec["period"])
        text, rule = reading_json(again, period=rec["period"],
                                  direction=reading.get("direction_given"), result_cell=cell)
        assert json.loads(text) == reading, where
        final = (rec["self_assessment"] if rec["verdict_source"] == "self_assessment"
                 else reading["verdict"])
        assert rec["verdict"] == final == exported["verdict"], where
        assert rec["rule"] == ("self_assessment" if rec["verdict_source"] ==
                               "self_assessment" else rule), where
        assert rec["percent_of_plan"] == exported["percent_of_plan"], where
        # and a one-sided target is met exactly when the numbers say so
        met = _arithmetic(rec["rule"], reading)
        if met is not None:
            assert met == (rec["verdict"] in ("vuot", "dat")), where
            checked_by_arithmetic += 1
    assert checked_by_arithmetic >= 15


def _band(score: float, verdicts: list[str], bands: list[dict[str, Any]],
          part_year: bool) -> str:
    """The band from the manifest's rules alone (score and conditions)."""
    achieved = sum(v in ("vuot", "dat") for v in verdicts)
    exceeded = verdicts.count("vuot")
    missed = sum(v in ("khong_dat", "chua_co_so_lieu") or (
        v == "dang_thuc_hien" and not part_year) for v in verdicts)
    assessed = achieved + missed

    def share(n: int) -> float:
        return 100.0 * n / assessed if assessed else 0.0

    for b in bands:
        if "min_score" not in b:
            return str(b["band"])
        ok = score >= b["min_score"] - 1e-9
        if b.get("every_assessed_achieved"):
            ok = ok and missed == 0
        if "min_exceeded_share" in b:
            ok = ok and assessed > 0 and share(exceeded) >= b["min_exceeded_share"] - 1e-9
        if "max_not_achieved_share" in b:
            ok = ok and share(missed) <= b["max_not_achieved_share"] + 1e-9
        if ok:
            return str(b["band"])
    return ""


def test_unit_scores_and_bands_follow_from_the_indicators_and_the_rules(
        manifest: dict[str, Any]) -> None:
    rules = manifest["rules"]
    cap = rules["cap"]
    fixed = rules["score"]["without_percent_of_plan"]
    part_year = manifest["round"]["period"] != "year"
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for rec in manifest["indicators"]:
        by_unit.setdefault(rec["unit"], []).append(rec)
    scored = 0
    for unit in manifest["units"]:
        parts = []
        mine = by_unit.get(unit["code"], [])
        for rec in mine:
            pct = rec["percent_of_plan"]
            if rec["verdict"] == "khong_xac_dinh":
                continue
            if pct is not None and rec["verdict_source"] == "computed":
                parts.append((max(0.0, min(pct, cap)), rec["weight"]))
            elif isinstance(fixed.get(rec["verdict"]), int | float):
                parts.append((float(fixed[rec["verdict"]]), rec["weight"]))
        if not parts:
            assert unit["score"] is None
            continue
        score = round(min(100.0, sum(p * w for p, w in parts) / sum(w for _, w in parts)), 1)
        assert unit["score"] == score, unit["code"]
        band = _band(score, [r["verdict"] for r in mine], rules["bands"], part_year)
        assert unit["band"] == band, unit["code"]
        held = [c["code"] for c in unit["held_back"]]
        assert bool(held) == (band != "xuat_sac"), unit["code"]
        scored += 1
    assert scored >= 11
    assert len({u["band"] for u in manifest["units"] if u["band"]}) > 1


def test_explain_round_shows_how_a_verdict_was_reached(sample: Path) -> None:
    result = CliRunner().invoke(main, ["explain", "--round", str(sample), "PTCKH", "1.1"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Kỳ báo cáo: UBND thị xã Hương Trà – Năm 2023 (số liệu đến 20/12/2023)" in out
    sha = hashlib.sha256((SAMPLES / "returns" / "BaoCao_MTCL_2023_PTCKH.xlsx").read_bytes())
    assert f"Tệp: BaoCao_MTCL_2023_PTCKH.xlsx (Sử dụng; SHA-256 {sha.hexdigest()})" in out
    assert 'Chỉ tiêu: "14-15%"' in out and 'Kết quả: "ước đạt 13,2%"' in out
    assert "Quy tắc: Chỉ tiêu một khoảng 14 % – 15 %" in out
    assert "Kết luận: Không đạt (94,3% kế hoạch), theo số liệu" in out
    english = CliRunner().invoke(main, ["explain", "--round", str(sample), "ptckh", "1.6",
                                        "--lang", "en"])
    assert "Rule: The result states its share of the plan" in english.output
    assert "Verdict: Exceeded (104.6% of plan), from the figures" in english.output
    as_json = CliRunner().invoke(main, ["explain", "--round", str(sample), "PTCKH", "1.1",
                                        "--json"])
    assert json.loads(as_json.output)["reading"]["rule"] == "range"


def test_explain_round_by_text_and_by_objective(sample: Path) -> None:
    by_text = CliRunner().invoke(main, ["explain", "--round", str(sample), "PGDDT",
                                        "trường học"])
    assert "Tỷ lệ trường học đạt chuẩn quốc gia" in by_text.output
    objective = CliRunner().invoke(main, ["explain", "--round", str(sample), "VP", "2"])
    assert "Chỉ tiêu 2.1 (mục tiêu 2" in objective.output


def test_explain_round_says_what_is_missing(sample: Path, tmp_path: Path) -> None:
    missing = CliRunner().invoke(main, ["explain", "--round", str(sample), "VP", "9"])
    assert missing.exit_code == 1
    assert "Không có chỉ tiêu “9” của đơn vị VP" in missing.output
    assert "Các mã có: 1, 2.1, 3, 4, 5.1, 5.2, 6." in missing.output
    empty = CliRunner().invoke(main, ["explain", "--round", str(tmp_path), "VP", "1"])
    assert empty.exit_code == 1
    assert "Không tìm thấy tệp vết kiểm tra" in empty.output
    usage = CliRunner().invoke(main, ["explain", "--round", str(sample), "VP"])
    assert usage.exit_code == 2


def test_a_round_folder_finds_its_output_manifest(sample: Path, tmp_path: Path) -> None:
    dot = tmp_path / "DOT-2023"
    shutil.copytree(sample, dot / "output")
    assert find_manifest(dot) == dot / "output" / "vet-kiem-tra-MTCL-2023-nam.json"


def test_every_rule_is_said_in_both_languages() -> None:
    from qmo_excel.judge.audit import _RULE_WORDS

    target = expand('{"target": {"kind": "range", "low": 14, "high": 15, "unit": "%"}}')
    for rule in _RULE_WORDS:
        vi, en = describe_rule(rule, target["target"], "vi"), describe_rule(rule, None, "en")
        assert vi and en and vi != en and "{" not in vi + en
    assert describe_rule("range+part_year", target["target"]).endswith(
        "chưa đạt thì là Đang thực hiện.")
