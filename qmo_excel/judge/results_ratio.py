"""Results written as a ratio: "162/168", "3.200/4.000 tỷ đồng" (the result over the
target) or a count out of a total, turned into a percentage where the target is one."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from qmo_excel.judge.levels import LIKELY, weakest
from qmo_excel.judge.numbers import Num
from qmo_excel.judge.subcounts import ITEM
from qmo_excel.judge.targets import Target
from qmo_excel.judge.wording import unit_after

AMOUNT_UNIT = re.compile(r"(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|ha|hecta|tấn|tạ|km|m|m2|m3|kg|lít|kwh"
                         r"|usd)(?!\w)")
ITEM_RE = re.compile(ITEM)
CHANGE_KINDS = ("decrease_by", "increase_by")

if TYPE_CHECKING:
    from qmo_excel.judge.results import Result


def num_text(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def fraction_to_percent(r: Result, target: Target | None) -> None:
    if (
        target is not None
        and target.unit == "%"
        and r.value is not None
        and 0 <= r.value <= 1.5
        and max(target.bounds(), default=0) > 1.5
    ):
        bound = max(target.bounds())
        if r.value > 0 and abs(math.log(r.value / bound)) < abs(math.log(r.value * 100 / bound)):
            # 1,2 against "dưới 2%" is 1,2%, not 120%: the closer reading wins, not surely
            r.confidence = weakest(r.confidence, LIKELY)
            r.notes.append("Số nhỏ hơn 1,5 cho chỉ tiêu %: coi là % như đã ghi "
                           "(không phải phân số của Excel)")
            return
        r.value = r.value * 100
        r.unit = "%"
        r.notes.append("Ô số dạng phần trăm của Excel (0,96 = 96%)")
        r.confidence = weakest(r.confidence, LIKELY)


def ratio_value(r: Result, n: Num, target: Target | None, raw: str) -> None:
    assert n.denominator is not None
    r.numerator, r.denominator = n.value, n.denominator
    count_unit = unit_after(raw, n.end)
    # a count out of a total against a count ("giảm 2/3 tiêu chí" for "giảm cả 3 tiêu chí")
    unitless_count = bool(
        target is not None
        and target.unit == ""
        and target.kind not in ("ratio", "qualitative", "unknown", "composite")
        and (n.denominator in target.bounds() or target.kind in CHANGE_KINDS)
    )
    if target is not None and target.kind == "plan" and not ITEM_RE.match(count_unit.lower()):
        # "3.200/4.000 tỷ đồng" against the plan itself: result / plan
        r.value = n.value / n.denominator * 100
        r.unit = "%"
        r.decimals = None
        r.ratio_count = not (n.scale or AMOUNT_UNIT.match(count_unit.lower()))
        r.notes.append(f"Kết quả/kế hoạch: {num_text(n.value)}/{num_text(n.denominator)} = "
                       + f"{r.value:.2f}%".replace(".", ","))
        return
    if target is not None and (
        (target.unit not in ("%", "") and target.kind != "ratio") or unitless_count
    ):
        bounds = target.bounds()
        r.value = n.value
        r.unit = target.unit
        if n.denominator not in bounds:
            r.notes.append("Tỷ số a/b: lấy a là kết quả")
            r.confidence = weakest(r.confidence, LIKELY)
        return
    r.value = n.value / n.denominator * 100
    r.unit = "%"
    r.decimals = None
    r.notes.append(
        f"{num_text(n.value)}/{num_text(n.denominator)} {count_unit}".strip()
        + f" = {r.value:.2f}%".replace(".", ",")
    )
