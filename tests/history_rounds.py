"""Rounds of one town side by side, as an office keeps them, for the history tests.

``make_rounds(root)`` writes ``root/DOT-2022/``, ``root/DOT-2023-6T/`` and
``root/DOT-2023/``, each a round folder (``round.xlsx`` and ``returns/``), so that
``qmo consolidate root/DOT-…/returns`` records them in ``root/lich-su-MTCL.sqlite``.

What changes from 6 tháng to Năm 2023 (the figures the tests look for):

- PTCKH renumbers its indicators (1.1 and 1.2 swap) and rises from Hoàn thành to
  Hoàn thành xuất sắc (↑ 2 bậc);
- PKT falls back: on-time files 97% (Vượt) at mid-year, 93% (Không đạt) at year end;
- VP's ISO system was "Không đạt" at mid-year and is "Đạt" at year end;
- PNV reports for the first time in the year round.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from qmo_excel.model import Assignment, RegisteredUnit, RoundConfig, TownObjective
from qmo_excel.round.book import write_round_workbook
from qmo_excel.template import write_unit_workbook

TOWN = "UBND thị xã Hương Trà"
UNITS = [RegisteredUnit("PTCKH", "Phòng Tài chính - Kế hoạch", "department"),
         RegisteredUnit("PKT", "Phòng Kinh tế", "department"),
         RegisteredUnit("VP", "Văn phòng HĐND-UBND", "department"),
         RegisteredUnit("PNV", "Phòng Nội vụ", "department")]
BUDGET = "Thu ngân sách nhà nước trên địa bàn"
SPENDING = "Tỷ lệ giải ngân vốn đầu tư công"
ON_TIME = "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn"
ISO = "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"

Rows = list[dict[str, Any]]


def _ptckh(period: str) -> Rows:
    head = [{"code": "1", "text": "Hoàn thành nhiệm vụ thu, chi ngân sách"}]
    if period == "h1":
        return [*head,
                {"code": "1.1", "text": BUDGET, "unit_of_measure": "tỷ đồng",
                 "target": "185-190 tỷ đồng", "result": "80 tỷ đồng"},
                {"code": "1.2", "text": SPENDING, "unit_of_measure": "%",
                 "target": "≥ 95%", "result": "40%"},
                {"code": "2", "text": ON_TIME, "target": "trên 95%", "result": "90%"}]
    if period == "year2022":
        return [*head,
                {"code": "1.1", "text": BUDGET, "unit_of_measure": "tỷ đồng",
                 "target": "180 tỷ đồng", "result": "170 tỷ đồng"},
                {"code": "1.2", "text": SPENDING, "unit_of_measure": "%",
                 "target": "≥ 95%", "result": "90%"},
                {"code": "2", "text": ON_TIME, "target": "trên 95%", "result": "96%"}]
    return [*head,
            {"code": "1.1", "text": SPENDING, "unit_of_measure": "%", "target": "≥ 95%",
             "result": "96%"},
            {"code": "1.2", "text": BUDGET, "unit_of_measure": "tỷ đồng",
             "target": "185-190 tỷ đồng", "result": "192 tỷ đồng"},
            {"code": "2", "text": ON_TIME, "target": "trên 95%", "result": "97%"}]


def _pkt(period: str) -> Rows:
    growth = {"h1": "12%", "year": "10%", "year2022": "13%"}[period]
    files = {"h1": "97%", "year": "93%", "year2022": "96%"}[period]
    return [{"code": "1", "text": "Phát triển kinh tế"},
            {"code": "1.1", "text": "Tốc độ tăng trưởng giá trị sản xuất",
             "unit_of_measure": "%", "target": "14-15%", "result": growth},
            {"code": "2", "text": ON_TIME, "target": "trên 95%", "result": files}]


def _vp(period: str) -> Rows:
    iso = {"h1": "Không đạt", "year": "Đạt", "year2022": "Đạt"}[period]
    docs = {"h1": "98%", "year": "100%", "year2022": "100%"}[period]
    return [{"code": "1", "text": ISO, "target": "Đạt", "result": iso},
            {"code": "2", "text": "Tỷ lệ văn bản ban hành đúng hạn", "unit_of_measure": "%",
             "target": "100%", "result": docs}]


def _pnv(period: str) -> Rows:
    return [{"code": "1", "text": "Tỷ lệ cán bộ được đào tạo, bồi dưỡng",
             "unit_of_measure": "%", "target": "≥ 80%", "result": "85%"}]


ROUNDS = {
    # folder: (year, period code, period label, as_of, units that report)
    "DOT-2022": (2022, "year", "Năm", date(2022, 12, 20), ("PTCKH", "PKT", "VP")),
    "DOT-2023-6T": (2023, "h1", "6 tháng", date(2023, 6, 20), ("PTCKH", "PKT", "VP")),
    "DOT-2023": (2023, "year", "Năm", date(2023, 12, 20), ("PTCKH", "PKT", "VP", "PNV")),
}
MAKERS = {"PTCKH": _ptckh, "PKT": _pkt, "VP": _vp, "PNV": _pnv}
# The town's own objectives: the economy (budget, spending, growth) and administration
# (on-time files, the ISO system, documents, training); each indicator a unit reports is
# assigned to one of them (with the target the unit writes).
TOWN_OBJECTIVES = [TownObjective("1", "Phát triển kinh tế - xã hội"),
                   TownObjective("2", "Cải cách hành chính, nâng cao chất lượng phục vụ")]
ECONOMY = (BUDGET, SPENDING, "Tốc độ tăng trưởng giá trị sản xuất")


def _assignments(unit: str, rows: Rows) -> list[Assignment]:
    return [Assignment(unit, "1" if r["text"] in ECONOMY else "2", r["code"], r["text"],
                       r.get("unit_of_measure", ""), r["target"])
            for r in rows if r.get("target")]


def make_round(root: Path, folder: str, *, changes: dict[str, Rows] | None = None,
               town: str = TOWN) -> Path:
    """One round folder; returns its returns/ folder. ``changes``: rows by unit code."""
    year, period, label, as_of, units = ROUNDS[folder]
    dot = root / folder
    returns = dot / "returns"
    returns.mkdir(parents=True, exist_ok=True)
    (dot / "output").mkdir(exist_ok=True)
    key = "year2022" if year == 2022 else period
    rows_of = {code: (changes or {}).get(code) or MAKERS[code](key) for code in units}
    config = RoundConfig(town=town, year=year, period=period, deadline=as_of,
                         register=list(UNITS), town_objectives=list(TOWN_OBJECTIVES),
                         assignments=[a for code in units
                                      for a in _assignments(code, rows_of[code])])
    write_round_workbook(dot / "round.xlsx", config=config)
    names = {u.code: u.name for u in UNITS}
    for code in units:
        rows = rows_of[code]
        write_unit_workbook(returns / f"BaoCao_MTCL_{code}.xlsx", objectives=rows, info={
            "unit_code": code, "unit_name": names[code], "year": year, "period": label,
            "report_date": as_of, "preparer": "Thư ký ISO", "head": "Trưởng phòng"})
    return returns


def make_rounds(root: Path) -> dict[str, Path]:
    return {name: make_round(root, name) for name in ROUNDS}
