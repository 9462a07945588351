"""The narrative's paragraph on the province's objectives (a province round, pure).

Each objective code is the province's objective; each town reports it through its own
objectives. "Theo từng mục tiêu của tỉnh: mục tiêu 1 (Phát triển kinh tế) đạt ở 02/03 địa
phương (chưa đạt: Thị xã Hương Trà); … Như vậy, có 1/2 mục tiêu của tỉnh chưa đạt (mục
tiêu số 1)." An objective is achieved only when every town that has it achieved it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from qmo_excel.model import ObjectiveResult, RoundResult
from qmo_excel.summary import labels as L

MAX_LISTED = 8

T = {
    "vi": {"head": "Theo từng mục tiêu của tỉnh: ",
           "item": "mục tiêu {code} ({text}) đạt ở {a}/{b} địa phương",
           "failing": " (chưa đạt: {names})",
           "total_fail": " Như vậy, có {x}/{y} mục tiêu của tỉnh chưa đạt (mục tiêu số "
                         "{codes}).",
           "total_ok": " Như vậy, {y}/{y} mục tiêu của tỉnh đều đạt ở mọi địa phương.",
           "more": " và {n} địa phương khác"},
    "en": {"head": "By the province's objectives: ",
           "item": "objective {code} ({text}) achieved in {a}/{b} localities",
           "failing": " (not achieved: {names})",
           "total_fail": " In all, {x}/{y} of the province's objectives were not achieved "
                         "(objectives no. {codes}).",
           "total_ok": " In all, {y}/{y} of the province's objectives were achieved "
                       "everywhere.",
           "more": " and {n} more"},
}


def province_paragraphs(result: RoundResult, lang: str = "vi") -> list[str]:
    if result.level != "province" or not result.objectives:
        return []
    t = T["en" if lang == "en" else "vi"]
    names = {u.code: u.name or u.code for u in result.units}
    by_code: dict[str, list[ObjectiveResult]] = defaultdict(list)
    for o in result.objectives:
        by_code[o.code].append(o)
    items, failing_codes = [], []
    for code, objs in by_code.items():
        texts = Counter(" ".join(o.text.split()).rstrip(".;:") for o in objs if o.text)
        text = min(texts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if texts else ""
        ok = [o for o in objs if o.status in L.ACHIEVED]
        item = t["item"].format(code=code, text=text, a=L.two(len(ok)), b=L.two(len(objs)))
        bad = [names.get(o.unit_code, o.unit_code) for o in objs if o.status not in L.ACHIEVED]
        if bad:
            failing_codes.append(code)
            shown = ", ".join(bad[:MAX_LISTED])
            if len(bad) > MAX_LISTED:
                shown += t["more"].format(n=len(bad) - MAX_LISTED)
            item += t["failing"].format(names=shown)
        items.append(item)
    text = t["head"] + "; ".join(items) + "."
    if failing_codes:
        text += t["total_fail"].format(x=len(failing_codes), y=len(by_code),
                                       codes=", ".join(failing_codes))
    else:
        text += t["total_ok"].format(y=len(by_code))
    return [text]
