"""The trends sheet: this round against the earlier rounds of the history.

Top: the town's figures over the recorded rounds (share of indicators achieved, average
score) as a table and a native chart (columns and a line). Below: every submitted unit
with its band, score and share achieved now, and for the previous round and the same
period a year before, the earlier figures and the changes ("↑ 2 bậc", "−3,5 điểm").
Then the town's objectives when the round has them. Rows are written top to bottom
(constant-memory mode works).
"""

from __future__ import annotations

from typing import Any

from qmo_excel.model import (
    RoundPoint,
    RoundRef,
    RoundResult,
    TownObjectiveResult,
    Trends,
    UnitResult,
    UnitTrend,
)
from qmo_excel.summary import formats as F
from qmo_excel.summary import labels as L
from qmo_excel.summary.changes import (
    band_steps,
    delta,
    objective_trends,
    share_of,
    unit_changes,
    unit_trends,
)
from qmo_excel.summary.formats import Formats
from qmo_excel.summary.table import merge_text, row_height, setup_print

WIDTHS = [12, 28, 17, 7.5, 9, 17, 7.5, 9, 10, 11, 13, 17, 7.5, 9, 10, 11, 13]
SERIES_COLS = 7
BAND_COLS = (2, 5, 11)  # a unit's band now, then in each earlier round
CHART_COL = 8
CHART_ROWS = 17
UP = ("#C6EFCE", "#006100")
DOWN = ("#FFC7CE", "#9C0006")


def round_name(year: int, period: str, lang: str) -> str:
    """'6 tháng 2023', 'Năm 2023' (a column or category label)."""
    return f"{L.period(period, lang)} {year}"


def ref_text(ref: RoundRef, lang: str) -> str:
    return L.word("tr_ref", lang).format(what=L.word(ref.relation, lang),
                                         round=round_name(ref.year, ref.period, lang),
                                         d=L.dmy(ref.as_of))


def band_text(band: str, provisional: bool, lang: str) -> str:
    text = L.band(band, lang)
    if text and provisional:
        return L.word("tr_provisional", lang).format(band=text)
    return text


def steps_text(steps: int | None, lang: str) -> str:
    if steps is None:
        return ""
    if steps > 0:
        return L.word("tr_up", lang).format(n=steps)
    if steps < 0:
        return L.word("tr_down", lang).format(n=-steps)
    return L.word("tr_same", lang)


def _scope(result: RoundResult, lang: str) -> str:
    town = result.town.casefold()
    for key, vi, en in (("tỉnh", "TỈNH", "THE PROVINCE"), ("thành phố", "THÀNH PHỐ",
                        "THE CITY"), ("huyện", "HUYỆN", "THE DISTRICT"),
                        ("thị xã", "THỊ XÃ", "THE TOWN")):
        if key in town:
            return vi if lang == "vi" else en
    return "ĐƠN VỊ" if lang == "vi" else "THE BODY"


def write_trends_sheet(wb: Any, fm: Formats, result: RoundResult, lang: str,
                       footer: str) -> None:
    trends = result.trends
    if trends is None or not trends.refs():
        return
    ws = wb.add_worksheet(L.sheet_name("trends", lang))
    last = max(last_col(trends), CHART_COL + 7)
    for i, w in enumerate(WIDTHS):
        ws.set_column(i, i, w)
    year = f" {L.word('year_word', lang)} {result.year}" if result.year else ""
    period = "" if result.period in ("", "year") else f" – {L.period(result.period, lang)}"
    body = f" – {result.town}" if result.town else ""
    head = f"{L.sheet_name('trends', lang).upper()}{period}{year}{body}"
    ws.set_row(0, 24)
    merge_text(ws, 0, 0, 0, last, head, fm.get("title"))
    refs = "; ".join(ref_text(r, lang) for r in trends.refs())
    ws.set_row(1, 30)
    merge_text(ws, 1, 0, 1, last, L.word("tr_note", lang).format(refs=refs,
               file=trends.history), fm.get("note"))
    # 1. the town over the recorded rounds, and the chart beside it
    ws.merge_range(3, 0, 3, last, L.word("tr_series", lang).format(scope=_scope(result, lang)),
                   fm.get("group"))
    heads = [L.word(k, lang) for k in ("tr_round", "tr_asof", "tr_units_in")] + [
        L.word("t_indicators", lang), L.word("t_achieved", lang), L.word("tr_share", lang),
        L.word("t_score", lang)]
    ws.set_row(4, 40)
    for c, h in enumerate(heads):
        ws.write_string(4, c, h, fm.get("header"))
    row = 5
    for p in trends.series:
        _series_row(ws, fm, row, p, lang)
        row += 1
    _chart(wb, ws, trends.series, lang)
    row = max(row, 4 + CHART_ROWS) + 1
    # 2. the units
    ws.merge_range(row, 0, row, last, L.word("tr_units", lang), fm.get("group"))
    row += 1
    row = _unit_block(ws, fm, result, row, lang)
    # 3. the town's objectives (when the round has them)
    town = result.town_objectives
    if town:
        row += 1
        ws.merge_range(row, 0, row, last, L.word("tr_town", lang), fm.get("group"))
        row = _town_block(ws, fm, result, town, row + 1, lang)
    ws.print_area(0, 0, max(row - 1, 1), last)
    setup_print(ws, footer, repeat_row=None)


def _series_row(ws: Any, fm: Formats, row: int, p: RoundPoint, lang: str) -> None:
    bold = {"bold": True} if p.current else {}
    ws.write_string(row, 0, round_name(p.year, p.period, lang), fm.get("text", **bold))
    ws.write_string(row, 1, L.dmy(p.as_of), fm.get("center", **bold))
    for c, v in ((2, p.units_submitted), (3, p.indicators), (4, p.achieved)):
        ws.write_number(row, c, v, fm.get("int", **bold))
    if p.share_achieved is not None:
        ws.write_number(row, 5, p.share_achieved / 100.0, fm.get("pct", **bold))
    else:
        ws.write_blank(row, 5, None, fm.get("pct", **bold))
    if p.average_score is not None:
        ws.write_number(row, 6, p.average_score, fm.get("score", **bold))
    else:
        ws.write_blank(row, 6, None, fm.get("score", **bold))


def _chart(wb: Any, ws: Any, series: list[RoundPoint], lang: str) -> None:
    name = L.sheet_name("trends", lang)
    first, last = 5, 4 + len(series)
    cols = wb.add_chart({"type": "column"})
    cols.set_title({"name": L.word("tr_chart", lang),
                    "name_font": {"size": 11, "bold": True, "name": F.FONT}})
    font = {"name": F.FONT, "size": 9}
    # the share is shown as a percentage of 0-100 beside the score on one axis
    cols.add_series({
        "name": L.word("tr_share_pct", lang),
        "categories": [name, first, 0, last, 0],
        "values": [name, first, 5, last, 5],
        "fill": {"color": F.VERDICT_CHART["dat"]}, "gap": 80,
        "data_labels": {"value": True, "num_format": "0.0%", "font": font},
    })
    line = wb.add_chart({"type": "line"})
    line.add_series({
        "name": L.word("t_score", lang),
        "categories": [name, first, 0, last, 0],
        "values": [name, first, 6, last, 6],
        "line": {"color": F.ACCENT, "width": 2.25},
        "marker": {"type": "circle", "size": 7, "fill": {"color": F.ACCENT},
                   "border": {"color": F.ACCENT}},
        "data_labels": {"value": True, "num_format": "0.0", "position": "above",
                        "font": font},
        "y2_axis": True,
    })
    cols.combine(line)
    cols.set_y_axis({"min": 0, "max": 1, "major_unit": 0.2, "num_format": "0%",
                     "num_font": font, "name": L.word("tr_share", lang), "name_font": font,
                     "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}}})
    line.set_y2_axis({"min": 0, "max": 100, "major_unit": 20, "num_font": font,
                      "name": L.word("t_score", lang), "name_font": font})
    cols.set_x_axis({"num_font": font})
    cols.set_legend({"position": "bottom", "font": font})
    cols.set_chartarea({"border": {"color": "#BFBFBF"}})
    cols.set_size({"width": 620, "height": CHART_ROWS * 20})
    ws.insert_chart(3, CHART_COL, cols, {"x_offset": 8, "y_offset": 22})


def _group_heads(ws: Any, fm: Formats, row: int, result: RoundResult, lang: str,
                 first: int) -> int:
    """The group row over this round's and each earlier round's columns; returns the
    header row."""
    trends = result.trends
    assert trends is not None
    ws.set_row(row, 20)
    ws.merge_range(row, first, row, first + 2, L.word("this_round", lang)
                   + f": {round_name(result.year or result.as_of.year, result.period, lang)}",
                   fm.get("header"))
    for k, ref in enumerate(trends.refs()):
        col = first + 3 + 6 * k
        merge_text(ws, row, col, row, col + 5, f"{L.word(ref.relation, lang)}: "
                   f"{round_name(ref.year, ref.period, lang)}", fm.get("header"))
    return row + 1


def _heads(ws: Any, fm: Formats, row: int, trends: Trends, now: list[str],
           earlier: list[str]) -> None:
    """The column headers: this round's, then each earlier round's (when recorded)."""
    ws.set_row(row, 40)
    for c, h in enumerate(now, start=2):
        ws.write_string(row, c, h, fm.get("header"))
    for k in range(len(trends.refs())):
        for c, h in enumerate(earlier, start=5 + 6 * k):
            ws.write_string(row, c, h, fm.get("header"))


def _unit_block(ws: Any, fm: Formats, result: RoundResult, row: int, lang: str) -> int:
    trends = result.trends
    assert trends is not None
    head = _group_heads(ws, fm, row, result, lang, 2)
    ws.merge_range(row, 0, head, 0, "Mã đơn vị" if lang == "vi" else "Unit code",
                   fm.get("header"))
    ws.merge_range(row, 1, head, 1, "Tên đơn vị" if lang == "vi" else "Unit name",
                   fm.get("header"))
    cols = [L.word("tr_band", lang), L.word("score", lang), L.word("tr_share", lang)]
    earlier = [*cols, L.word("tr_band_change", lang), L.word("tr_score_change", lang),
               L.word("tr_share_change", lang)]
    _heads(ws, fm, head, trends, cols, earlier)
    before = unit_trends(result)
    units = [u for _, u in L.ranked_units(result) if u.submitted]
    first = head + 1
    r = first
    for u in units:
        bands = [band_text(u.band, u.provisional, lang)]
        for ref in trends.refs():
            b = before.get((u.code, ref.relation))
            bands.append(band_text(b.band, b.provisional, lang) if b else "")
        _fit_row(ws, r, [(u.name, WIDTHS[1])] + [(t, WIDTHS[c])
                                                  for t, c in zip(bands, BAND_COLS, strict=False)])
        ws.write_string(r, 0, u.code, fm.get("text"))
        ws.write_string(r, 1, u.name, fm.get("wrap"))
        _figures(ws, fm, r, 2, u.band, u.provisional, u.score, share_of(u), lang)
        for k, ref in enumerate(trends.refs()):
            _earlier(ws, fm, r, 5 + 6 * k, u, before.get((u.code, ref.relation)), lang)
        r += 1
    if r > first:
        ws.autofilter(head, 0, r - 1, last_col(trends))
        _change_colours(ws, fm, first, r - 1, trends)
    return r


def _fit_row(ws: Any, r: int, texts: list[tuple[str, float]]) -> None:
    """The row as tall as its longest wrapped text (viewers do not grow it)."""
    height = row_height([t for t, _ in texts], [(i, w) for i, (_, w) in enumerate(texts)])
    if height:
        ws.set_row(r, height)


def _figures(ws: Any, fm: Formats, r: int, col: int, band: str, provisional: bool,
             score: float | None, share: float | None, lang: str) -> None:
    ws.write_string(r, col, band_text(band, provisional, lang), fm.get("wrap"))
    if score is not None:
        ws.write_number(r, col + 1, score, fm.get("score"))
    else:
        ws.write_blank(r, col + 1, None, fm.get("score"))
    if share is not None:
        ws.write_number(r, col + 2, share / 100.0, fm.get("pct"))
    else:
        ws.write_blank(r, col + 2, None, fm.get("pct"))


def _earlier(ws: Any, fm: Formats, r: int, col: int, u: UnitResult, b: UnitTrend | None,
             lang: str) -> None:
    if b is None:
        merge_text(ws, r, col, r, col + 5, L.word("tr_new", lang), fm.get("center"))
        return
    _figures(ws, fm, r, col, b.band, b.provisional, b.score, b.share_achieved, lang)
    ws.write_string(r, col + 3, steps_text(band_steps(u.band, b.band), lang),
                    fm.get("center"))
    points = fm.get("score", num_format=L.word("tr_points", lang))
    pp = fm.get("score", num_format=L.word("tr_pp", lang))
    for c, value, f in ((col + 4, delta(u.score, b.score), points),
                        (col + 5, delta(share_of(u), b.share_achieved), pp)):
        if value is None:
            ws.write_blank(r, c, None, f)
        else:
            ws.write_number(r, c, value, f)


def last_col(trends: Trends) -> int:
    return 4 + 6 * len(trends.refs())


def _change_colours(ws: Any, fm: Formats, first: int, last: int, trends: Trends) -> None:
    for col in (8 + 6 * k for k in range(len(trends.refs()))):
        ws.conditional_format(first, col, last, col, {
            "type": "text", "criteria": "begins with", "value": "↑",
            "format": fm.fill(UP, bold=True)})
        ws.conditional_format(first, col, last, col, {
            "type": "text", "criteria": "begins with", "value": "↓",
            "format": fm.fill(DOWN, bold=True)})
        for c in (col + 1, col + 2):
            ws.conditional_format(first, c, last, c, {
                "type": "cell", "criteria": ">", "value": 0, "format": fm.fill(UP)})
            ws.conditional_format(first, c, last, c, {
                "type": "cell", "criteria": "<", "value": 0, "format": fm.fill(DOWN)})


def _town_block(ws: Any, fm: Formats, result: RoundResult,
                town: list[TownObjectiveResult], row: int,
                lang: str) -> int:
    trends = result.trends
    assert trends is not None
    head = _group_heads(ws, fm, row, result, lang, 2)
    ws.merge_range(row, 0, head, 0, "Mã" if lang == "vi" else "Code", fm.get("header"))
    ws.merge_range(row, 1, head, 1, "Mục tiêu" if lang == "vi" else "Objective",
                   fm.get("header"))
    cols = [L.word("tr_status", lang), L.word("tr_ratio", lang), L.word("tr_share", lang)]
    earlier = [*cols, L.word("tr_status_change", lang), L.word("tr_count_change", lang),
               L.word("tr_share_change", lang)]
    _heads(ws, fm, head, trends, cols, earlier)
    before = objective_trends(result)
    first = r = head + 1
    for o in town:
        _fit_row(ws, r, [(o.text, WIDTHS[1])])
        ws.write_string(r, 0, o.code, fm.get("text"))
        ws.write_string(r, 1, o.text, fm.get("wrap"))
        total, achieved = o.total, o.achieved
        _objective(ws, fm, r, 2, o.status, achieved, total, lang)
        for k, ref in enumerate(trends.refs()):
            col = 5 + 6 * k
            b = before.get((o.code, ref.relation))
            if b is not None:
                _objective(ws, fm, r, col, b.status, b.achieved, b.total, lang)
                ws.write_string(r, col + 3, status_change(o.status, b.status, lang),
                                fm.get("center"))
                ws.write_number(r, col + 4, achieved - b.achieved,
                                fm.get("int", num_format="+0;−0;0"))
                now_share = 100.0 * achieved / total if total else None
                was = 100.0 * b.achieved / b.total if b.total else None
                change = delta(now_share, was)
                pp = fm.get("score", num_format=L.word("tr_pp", lang))
                if change is None:
                    ws.write_blank(r, col + 5, None, pp)
                else:
                    ws.write_number(r, col + 5, change, pp)
            else:
                merge_text(ws, r, col, r, col + 5, L.word("tr_new", lang), fm.get("center"))
        r += 1
    if r > first:
        _change_colours(ws, fm, first, r - 1, trends)
    return r


def status_change(now: str, before: str, lang: str) -> str:
    """'↑ Đạt' when an objective not achieved before is now, '↓ Không đạt' the other way."""
    ok_now, ok_before = now in L.ACHIEVED, before in L.ACHIEVED
    if ok_now and not ok_before:
        return f"↑ {L.verdict(now, lang)}"
    if ok_before and not ok_now:
        return f"↓ {L.verdict(now, lang)}"
    return L.word("tr_same", lang)


def _objective(ws: Any, fm: Formats, r: int, col: int, status: str, achieved: int,
               total: int, lang: str) -> None:
    ws.write_string(r, col, L.verdict(status, lang), fm.get("center"))
    ws.write_string(r, col + 1, f"{L.two(achieved)}/{L.two(total)}" if total else "",
                    fm.get("center"))
    if total:
        ws.write_number(r, col + 2, achieved / total, fm.get("pct"))
    else:
        ws.write_blank(r, col + 2, None, fm.get("pct"))


__all__ = ["band_text", "round_name", "steps_text", "unit_changes", "write_trends_sheet"]
