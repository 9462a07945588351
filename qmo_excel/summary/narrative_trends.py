"""The narrative's paragraphs on what changed since the earlier rounds (pure).

"So với 6 tháng năm 2023 (số liệu đến 20/06/2023), tỷ lệ chỉ tiêu đạt và vượt tăng từ
70,0% lên 78,4% (+8,4 điểm %); điểm bình quân tăng 3,5 điểm (từ 90,1 lên 93,6). Có 2 đơn
vị tiến bộ: … Có 1 đơn vị giảm: … Có 3 chỉ tiêu chuyển từ không đạt sang đạt: …"
"""

from __future__ import annotations

from qmo_excel.model import RoundResult
from qmo_excel.summary import labels as L
from qmo_excel.summary.changes import (
    IndicatorChange,
    UnitChange,
    current_point,
    indicator_changes,
    objective_trends,
    point_of,
    ref_of,
    unit_changes,
)

MAX_LISTED = 8

T: dict[str, dict[str, str]] = {
    "vi": {
        "head": "So với {round} (số liệu đến {d})",
        "share": ", tỷ lệ chỉ tiêu đạt và vượt {move} ({pp} điểm %)",
        "share_same": ", tỷ lệ chỉ tiêu đạt và vượt giữ nguyên {a}",
        "up_from": "tăng từ {a} lên {b}", "down_from": "giảm từ {a} xuống {b}",
        "score": "; điểm bình quân {move}",
        "score_up": "tăng {d} điểm (từ {a} lên {b})",
        "score_down": "giảm {d} điểm (từ {a} xuống {b})",
        "score_same": "giữ nguyên {a} điểm",
        "units_up": " Có {n} đơn vị tiến bộ: {items}.",
        "units_down": " Có {n} đơn vị giảm: {items}.",
        "units_none": " Xếp loại và điểm của các đơn vị không thay đổi đáng kể.",
        "band_move": "{name} ({was} → {now})",
        "score_move": "{name} ({d} điểm)",
        "inds_up": " Có {n} chỉ tiêu chuyển từ không đạt sang đạt: {items}.",
        "inds_down": " Có {n} chỉ tiêu từ đạt chuyển sang không đạt: {items}.",
        "ind": "{text} ({unit}: {was} → {now})",
        "town_up": " Mục tiêu của thị xã: {n} mục tiêu chuyển sang đạt ({codes})",
        "town_down": " Mục tiêu của thị xã: {n} mục tiêu từ đạt chuyển sang không đạt "
                     "({codes})",
        "town_and": "; {n} mục tiêu từ đạt chuyển sang không đạt ({codes})",
        "codes": "mục tiêu số {codes}",
        "more": " và {n} {what} khác",
        "units_w": "đơn vị", "items_w": "chỉ tiêu",
    },
    "en": {
        "head": "Against {round} (figures as of {d})",
        "share": ", the share of indicators achieved {move} ({pp} pp)",
        "share_same": ", the share of indicators achieved held at {a}",
        "up_from": "rose from {a} to {b}", "down_from": "fell from {a} to {b}",
        "score": "; the average score {move}",
        "score_up": "rose by {d} points (from {a} to {b})",
        "score_down": "fell by {d} points (from {a} to {b})",
        "score_same": "held at {a}",
        "units_up": " {n} {w} improved: {items}.",
        "units_down": " {n} {w} fell back: {items}.",
        "units_none": " The units' bands and scores did not change much.",
        "band_move": "{name} ({was} → {now})",
        "score_move": "{name} ({d} points)",
        "inds_up": " {n} {w} went from not achieved to achieved: {items}.",
        "inds_down": " {n} {w} went from achieved to not achieved: {items}.",
        "ind": "{text} ({unit}: {was} → {now})",
        "town_up": " The town's objectives: {n} now achieved ({codes})",
        "town_down": " The town's objectives: {n} no longer achieved ({codes})",
        "town_and": "; {n} no longer achieved ({codes})",
        "codes": "objectives no. {codes}",
        "more": " and {n} other {what}",
        "units_w": "units", "items_w": "indicators",
        "unit_1": "unit", "item_1": "indicator",
    },
}


def round_words(year: int, period: str, lang: str) -> str:
    """'6 tháng năm 2023', 'năm 2022' (inside a sentence)."""
    label = L.period(period, lang)
    if lang == "vi":
        if period in ("", "year"):
            return f"năm {year}"
        label = label[:1].lower() + label[1:] if label[1:2].islower() else label
        return f"{label} năm {year}"
    return f"the year {year}" if period in ("", "year") else f"{label} {year}"


def _signed(value: float, lang: str) -> str:
    text = L.num(abs(value), 1, lang)
    return ("+" if value > 0 else "−" if value < 0 else "") + text


def _listed(items: list[str], t: dict[str, str], what: str) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += t["more"].format(n=len(items) - MAX_LISTED, what=t[what])
    return shown


def trend_paragraphs(result: RoundResult, lang: str = "vi") -> list[str]:
    """One paragraph per earlier round compared (none without trends)."""
    lg = "en" if lang == "en" else "vi"
    t = T[lg]
    out = []
    for relation in ("previous", "year_ago"):
        ref = ref_of(result, relation)
        if ref is None:
            continue
        text = t["head"].format(round=round_words(ref.year, ref.period, lg),
                                d=L.dmy(ref.as_of))
        text += _headline(result, relation, t, lg) + "."
        text += _units(unit_changes(result, relation), t, lg)
        up, down = indicator_changes(result, relation)
        text += _indicators(up, "inds_up", t, lg) + _indicators(down, "inds_down", t, lg)
        text += _town(result, relation, t)
        out.append(text)
    return out


def _headline(result: RoundResult, relation: str, t: dict[str, str], lg: str) -> str:
    before, now = point_of(result, relation), current_point(result)
    if before is None or now is None:
        return ""
    text = ""
    a, b = before.share_achieved, now.share_achieved
    if a is not None and b is not None:
        pp = round(b - a, 1)
        if pp == 0:
            text += t["share_same"].format(a=L.pct(b, lg))
        else:
            move = t["up_from" if pp > 0 else "down_from"].format(a=L.pct(a, lg),
                                                                  b=L.pct(b, lg))
            text += t["share"].format(move=move, pp=_signed(pp, lg))
    s0, s1 = before.average_score, now.average_score
    if s0 is not None and s1 is not None:
        d = round(s1 - s0, 1)
        if d == 0:
            move = t["score_same"].format(a=L.num(s1, 1, lg))
        else:
            move = t["score_up" if d > 0 else "score_down"].format(
                d=L.num(abs(d), 1, lg), a=L.num(s0, 1, lg), b=L.num(s1, 1, lg))
        text += t["score"].format(move=move)
    return text


def _unit_item(c: UnitChange, t: dict[str, str], lg: str) -> str:
    name = c.unit.name or c.unit.code
    if c.steps:
        return t["band_move"].format(name=name, was=L.band(c.before.band, lg),
                                     now=L.band(c.unit.band, lg))
    return t["score_move"].format(name=name, d=_signed(c.score or 0.0, lg))


def _units(changes: list[UnitChange], t: dict[str, str], lg: str) -> str:
    up = [_unit_item(c, t, lg) for c in changes if c.improved]
    down = [_unit_item(c, t, lg) for c in changes if c.fell_back]
    if not up and not down:
        return t["units_none"] if changes else ""
    text = ""
    if up:
        text += t["units_up"].format(n=len(up), items=_listed(up, t, "units_w"),
                                     w=_plural(len(up), t, "unit_1", "units_w"))
    if down:
        text += t["units_down"].format(n=len(down), items=_listed(down, t, "units_w"),
                                       w=_plural(len(down), t, "unit_1", "units_w"))
    return text


def _indicators(changes: list[IndicatorChange], key: str, t: dict[str, str], lg: str) -> str:
    if not changes:
        return ""
    items = [t["ind"].format(text=" ".join(c.indicator.text.split()).rstrip(".;"),
                             unit=c.indicator.unit_code,
                             was=L.verdict(c.before.verdict, lg).lower(),
                             now=L.verdict(c.indicator.verdict, lg).lower())
             for c in changes]
    return t[key].format(n=len(items), items=_listed(items, t, "items_w"),
                         w=_plural(len(items), t, "item_1", "items_w"))


def _plural(n: int, t: dict[str, str], one: str, many: str) -> str:
    return t.get(one, t[many]) if n == 1 else t[many]


def _town(result: RoundResult, relation: str, t: dict[str, str]) -> str:
    """The town's objectives that became achieved, or stopped being achieved."""
    before = objective_trends(result)
    up, down = [], []
    for o in result.town_objectives:
        b = before.get((o.code, relation))
        if b is None:
            continue
        if o.status in L.ACHIEVED and b.status not in L.ACHIEVED:
            up.append(o.code)
        elif b.status in L.ACHIEVED and o.status not in L.ACHIEVED:
            down.append(o.code)
    if not up and not down:
        return ""
    if up:
        text = t["town_up"].format(n=len(up), codes=t["codes"].format(codes=", ".join(up)))
        if down:
            text += t["town_and"].format(n=len(down),
                                         codes=t["codes"].format(codes=", ".join(down)))
    else:
        text = t["town_down"].format(n=len(down),
                                     codes=t["codes"].format(codes=", ".join(down)))
    return text + "."
