"""The overview dashboard: title, headline tiles and four native Excel charts.

Chart data lives in the hidden ``_data`` sheet (written row by row, so the same code runs
in constant-memory mode). Layout is for A4 landscape: page 1 holds the title, the tiles,
the verdict doughnut and the score bars; page 2 the two per-unit stacked bar charts.
"""

from __future__ import annotations

import math
from typing import Any

from qmo_excel.figures import Headline, achieved_total, headline
from qmo_excel.model import RoundResult, UnitResult
from qmo_excel.summary import formats as F
from qmo_excel.summary import labels as L
from qmo_excel.summary.formats import Formats
from qmo_excel.summary.table import merge_text, setup_print

NCOLS = 16  # A..P
COL_WIDTH = 8.7  # characters, about 66 pixels
MAX_CHART_UNITS = 30
CHART_TOP = 12  # first chart row (0-based)
ROW_PX = 17
PAGE1_CHART_H = 340
PAGE2_CHART_H = 600
PROGRESS = ("on_time", "late", "open", "overdue")
PROGRESS_WORD = {"on_time": "p_on_time", "late": "p_late", "open": "p_open",
                 "overdue": "p_overdue"}



def chart_units(result: RoundResult) -> list[UnitResult]:
    return [u for _, u in L.ranked_units(result) if u.submitted][:MAX_CHART_UNITS]


def _short(name: str, n: int = 30) -> str:
    name = " ".join(name.split())
    return name if len(name) <= n else name[: n - 1] + "…"


def _pie_codes(result: RoundResult) -> list[str]:
    h = headline(result)
    return [c for c in L.VERDICT_ORDER if _count(h, c)] or list(L.VERDICT_ORDER)


def chart_sizes(result: RoundResult) -> dict[str, int]:
    """Rows of chart data in the ``_data`` sheet."""
    return {"pie": len(_pie_codes(result)), "units": max(len(chart_units(result)), 1)}


def write_data_sheet(wb: Any, result: RoundResult, lang: str) -> None:
    """The hidden sheet behind the charts (see ``chart_sizes``)."""
    ws = wb.add_worksheet(L.DATA_SHEET)
    ws.hide()
    h = headline(result)
    pie = _pie_codes(result)
    units = chart_units(result)
    grid: dict[int, dict[int, Any]] = {0: {0: L.word("count", lang), 3: L.word("unit", lang),
                                           4: L.word("score", lang)}}
    for j, code in enumerate(L.VERDICT_ORDER):
        grid[0][6 + j] = L.verdict(code, lang)
    for j, key in enumerate(PROGRESS):
        grid[0][13 + j] = L.word(PROGRESS_WORD[key], lang)
    for i, code in enumerate(pie, start=1):
        grid.setdefault(i, {}).update({0: L.verdict(code, lang), 1: _count(h, code)})
    for i, u in enumerate(units, start=1):
        row = grid.setdefault(i, {})
        row.update({3: _short(u.name or u.code), 4: u.score if u.score is not None else 0.0})
        per = [u.exceeded, achieved_total(u) - u.exceeded, u.not_achieved, u.in_progress,
               u.no_data, u.undetermined]
        for j, n in enumerate(per):
            row[6 + j] = n
        done_on_time = max(u.tasks_done - u.tasks_done_late, 0)
        open_ = max(u.tasks - u.tasks_done - u.tasks_overdue, 0)
        for j, n in enumerate((done_on_time, u.tasks_done_late, open_, u.tasks_overdue)):
            row[13 + j] = n
    for r in sorted(grid):
        for c in sorted(grid[r]):
            v = grid[r][c]
            if isinstance(v, str):
                ws.write_string(r, c, v)
            else:
                ws.write_number(r, c, v)


def _tile_row(ws: Any, fm: Formats, row: int, tiles: list[tuple[str, Any, str, str]]) -> None:
    """Label row then value row, two merged columns per tile."""
    ws.set_row(row, 24)
    ws.set_row(row + 1, 32)
    for i, (label, _, _, _) in enumerate(tiles):
        ws.merge_range(row, 2 * i, row, 2 * i + 1, label, fm.get("tile_label"))
    for i, (_, value, num_format, colour) in enumerate(tiles):
        f = fm.get("tile_value", num_format=num_format, font_color=colour)
        if isinstance(value, str):
            merge_text(ws, row + 1, 2 * i, row + 1, 2 * i + 1, value, f)
        else:
            ws.merge_range(row + 1, 2 * i, row + 1, 2 * i + 1, None, f)
            ws.write_number(row + 1, 2 * i, value, f)


def write_overview(wb: Any, fm: Formats, result: RoundResult, lang: str,
                   sizes: dict[str, int], footer: str) -> Any:
    ws = wb.add_worksheet(L.sheet_name("overview", lang))
    ws.set_column(0, NCOLS - 1, COL_WIDTH)
    ws.hide_gridlines(2)
    h = headline(result)
    w = L.word
    ws.set_row(0, 36)
    merge_text(ws, 0, 0, 0, NCOLS - 1, L.title(result, lang), fm.get("big_title"))
    ws.set_row(1, 20)
    merge_text(ws, 1, 0, 1, NCOLS - 1, result.town, fm.get("town"))
    dates = [w("as_of", lang).format(d=L.dmy(result.as_of))]
    if result.deadline:
        dates.append(w("deadline", lang).format(d=L.dmy(result.deadline)))
    if result.cut_off:
        dates.append(w("cut_off", lang).format(d=L.dmy(result.cut_off)))
    merge_text(ws, 2, 0, 2, NCOLS - 1, " – ".join(dates), fm.get("asof"))
    ws.set_row(3, 6)
    red, green, amber, blue, grey = "#C00000", "#1E7B34", "#B26B00", "#1F4E78", "#595959"
    ws.merge_range(4, 0, 4, NCOLS - 1, w("g_units", lang), fm.get("group"))
    score: Any = h.score if h.score is not None else "–"
    _tile_row(ws, fm, 5, [
        (w("t_expected", lang), h.expected, "0", blue),
        (w("t_received", lang), h.received, "0", green),
        (w("t_late", lang), h.late, "0", amber if h.late else grey),
        (w("t_missing", lang), h.missing, "0", red if h.missing else grey),
        (w("t_score", lang), score, "0.0", blue),
        (w("t_objectives", lang), f"{h.objectives_achieved}/{h.objectives}", "@", green),
        (w("t_tasks_done", lang), f"{h.tasks_done}/{h.tasks}", "@", green),
        (w("t_tasks_overdue", lang), h.tasks_overdue, "0", red if h.tasks_overdue else grey),
    ])
    ws.set_row(7, 6)
    ws.merge_range(8, 0, 8, NCOLS - 1, w("g_indicators", lang), fm.get("group"))
    rate: Any = h.achieved / h.indicators if h.indicators else "–"
    _tile_row(ws, fm, 9, [
        (w("t_indicators", lang), h.indicators, "0", blue),
        (w("t_achieved", lang), h.achieved, "0", green),
        (w("t_exceeded", lang), h.exceeded, "0", green),
        (w("t_not_achieved", lang), h.not_achieved, "0", red if h.not_achieved else grey),
        (w("t_in_progress", lang), h.in_progress, "0", blue),
        (w("t_no_data", lang), h.no_data, "0", grey),
        (w("t_undetermined", lang), h.undetermined, "0", amber if h.undetermined else grey),
        (w("t_rate", lang), rate, "0.0%", green),
    ])
    ws.set_row(11, 6)
    _charts(wb, ws, result, lang, sizes)
    page2 = CHART_TOP + math.ceil(PAGE1_CHART_H / ROW_PX) + 1
    last = page2 + math.ceil(PAGE2_CHART_H / ROW_PX) + 1
    ws.set_h_pagebreaks([page2])
    ws.print_area(0, 0, last, NCOLS - 1)
    setup_print(ws, footer, repeat_row=None)  # 1 page wide; the manual break is kept
    ws.center_horizontally()
    ws.activate()
    return ws


def _chart(wb: Any, kind: str, subtype: str | None, title: str) -> Any:
    opts = {"type": kind}
    if subtype:
        opts["subtype"] = subtype
    chart = wb.add_chart(opts)
    chart.set_title({"name": title, "name_font": {"size": 12, "bold": True,
                                                  "name": F.FONT}})
    chart.show_hidden_data()
    chart.set_chartarea({"border": {"color": "#BFBFBF"}})
    return chart


def _charts(wb: Any, ws: Any, result: RoundResult, lang: str, sizes: dict[str, int]) -> None:
    d = L.DATA_SHEET
    n = sizes["units"]
    units = chart_units(result)
    font = {"name": F.FONT, "size": 9}
    # every unit named on the category axes, smaller when there are many
    cat = {"name": F.FONT, "size": 9 if n <= 15 else 7}
    # 1. verdict distribution (doughnut, verdict colours)
    order = _pie_codes(result)
    pie = _chart(wb, "doughnut", None, L.word("c_verdicts", lang))
    pie.add_series({
        "name": L.word("c_verdicts", lang),
        "categories": [d, 1, 0, sizes["pie"], 0], "values": [d, 1, 1, sizes["pie"], 1],
        "points": [{"fill": {"color": F.VERDICT_CHART[c]}} for c in order],
        "data_labels": {"value": True, "percentage": True, "separator": "\n",
                        "font": {"name": F.FONT, "size": 9, "bold": True,
                                 "color": "#FFFFFF"}},
    })
    pie.set_hole_size(45)
    pie.set_legend({"position": "right", "font": font})
    pie.set_size({"width": 5 * 66, "height": PAGE1_CHART_H})
    ws.insert_chart(CHART_TOP, 0, pie, {"x_offset": 4, "y_offset": 0})
    # 2. score by unit (bars, highest first, coloured by band)
    title = L.word("c_score", lang)
    if sum(1 for u in result.units if u.submitted) > MAX_CHART_UNITS:
        title = L.word("c_score_top", lang).format(n=MAX_CHART_UNITS)
    bar = _chart(wb, "bar", None, title)
    bar.add_series({
        "name": L.word("score", lang),
        "categories": [d, 1, 3, n, 3], "values": [d, 1, 4, n, 4],
        "points": [{"fill": {"color": F.BAND_CHART.get(u.band, "#1F4E78")}} for u in units],
        "data_labels": {"value": True, "num_format": "0.0", "font": font},
        "gap": 60,
    })
    bar.set_x_axis({"min": 0, "max": 100, "major_unit": 20, "num_font": font,
                    "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}}})
    bar.set_y_axis({"reverse": True, "crossing": "max", "num_font": cat, "interval_unit": 1})
    bar.set_legend({"none": True})
    bar.set_size({"width": 11 * 66 - 8, "height": PAGE1_CHART_H})
    ws.insert_chart(CHART_TOP, 5, bar, {"x_offset": 8, "y_offset": 0})
    page2 = CHART_TOP + math.ceil(PAGE1_CHART_H / ROW_PX) + 1
    # 3. verdicts per unit (stacked bars)
    per = _chart(wb, "bar", "stacked", L.word("c_per_unit", lang))
    for j, code in enumerate(L.VERDICT_ORDER):
        per.add_series({"name": [d, 0, 6 + j], "categories": [d, 1, 3, n, 3],
                        "values": [d, 1, 6 + j, n, 6 + j], "gap": 50,
                        "fill": {"color": F.VERDICT_CHART[code]}})
    per_max = max([achieved_total(u) + u.not_achieved + u.in_progress + u.no_data +
                   u.undetermined for u in units] or [0])
    _stack_axes(per, font, cat, L.word("count", lang), per_max)
    per.set_size({"width": 8 * 66 - 4, "height": PAGE2_CHART_H})
    ws.insert_chart(page2, 0, per)
    # 4. plan progress per unit (stacked bars)
    prog = _chart(wb, "bar", "stacked", L.word("c_progress", lang))
    for j, key in enumerate(PROGRESS):
        prog.add_series({"name": [d, 0, 13 + j], "categories": [d, 1, 3, n, 3],
                         "values": [d, 1, 13 + j, n, 13 + j], "gap": 50,
                         "fill": {"color": F.PROGRESS_CHART[key]}})
    _stack_axes(prog, font, cat, L.word("n_tasks", lang), max([u.tasks for u in units] or [0]))
    prog.set_size({"width": 8 * 66 - 4, "height": PAGE2_CHART_H})
    ws.insert_chart(page2, 8, prog, {"x_offset": 4})


def nice_step(top: int) -> int:
    """A whole-number axis step giving at most 8 gridlines up to ``top``."""
    step = 1
    while top / step > 8:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return step


def _stack_axes(chart: Any, font: dict[str, Any], cat: dict[str, Any], name: str,
                top: int) -> None:
    chart.set_x_axis({"name": name, "name_font": font, "num_font": font, "min": 0,
                      "major_unit": nice_step(top), "num_format": "0",
                      "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}}})
    chart.set_y_axis({"reverse": True, "crossing": "max", "num_font": cat, "interval_unit": 1})
    chart.set_legend({"position": "bottom", "font": font})


def _count(h: Headline, code: str) -> int:
    return {"vuot": h.exceeded, "dat": h.achieved - h.exceeded, "khong_dat": h.not_achieved,
            "dang_thuc_hien": h.in_progress, "chua_co_so_lieu": h.no_data,
            "khong_xac_dinh": h.undetermined}[code]
