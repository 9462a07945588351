"""The overview dashboard: title, headline tiles and four native Excel charts.

Chart data lives in the hidden ``_data`` sheet (written row by row, so the same code runs
in constant-memory mode). Layout is for A4 landscape: page 1 holds the title, the tiles,
the town's objectives and the tiles of units, indicators and bands; page 2 the verdict
doughnut and the score bars; page 3 the two per-unit stacked bar charts.
"""

from __future__ import annotations

import math
from typing import Any

from qmo_excel import textfit
from qmo_excel.figures import Headline, achieved_total, headline
from qmo_excel.model import RoundResult, TownObjectiveResult, UnitResult
from qmo_excel.summary import formats as F
from qmo_excel.summary import labels as L
from qmo_excel.summary.formats import Formats
from qmo_excel.summary.table import (
    col_points,
    merge_text,
    page_scale,
    setup_print,
)

NCOLS = 16  # A..P
COL_WIDTH = 8.7  # characters, about 66 pixels
MAX_CHART_UNITS = 30
ROW_PX = 17
PAGE1_CHART_H = 340
PAGE2_CHART_H = 600
PAGE_GAP = 6  # pixels between a page break and the charts below it
PIE_LABEL_SHARE = 0.08  # a doughnut slice narrower than this gets no label of its own
GROUP_PT = 16  # a group's caption row
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
        # the count in the legend too: a thin slice has no room for its label
        n = _count(h, code)
        grid.setdefault(i, {}).update({0: f"{L.verdict(code, lang)} ({n})", 1: n})
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
    """Page 1: the town's objectives, then the units, indicators and bands in tiles;
    page 2: the verdicts and the score of each unit; page 3: the per-unit charts."""
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
    ws.set_row(2, 16)
    merge_text(ws, 2, 0, 2, NCOLS - 1, " – ".join(dates), fm.get("asof"))
    ws.set_row(3, 6)
    row = _town_block(ws, fm, result, lang, 4)
    red, green, amber, blue, grey = "#C00000", "#1E7B34", "#B26B00", "#1F4E78", "#595959"
    ws.set_row(row, 6)
    ws.set_row(row + 1, GROUP_PT)
    ws.merge_range(row + 1, 0, row + 1, NCOLS - 1, w("g_units", lang), fm.get("group"))
    score: Any = h.score if h.score is not None else "–"
    _tile_row(ws, fm, row + 2, [
        (w("t_expected", lang), h.expected, "0", blue),
        (w("t_received", lang), h.received, "0", green),
        (w("t_late", lang), h.late, "0", amber if h.late else grey),
        (w("t_missing", lang), h.missing, "0", red if h.missing else grey),
        (w("t_score", lang), score, "0.0", blue),
        (w("t_unit_objectives", lang), f"{h.objectives_achieved}/{h.objectives}", "@", green),
        (w("t_tasks_done", lang), f"{h.tasks_done}/{h.tasks}", "@", green),
        (w("t_tasks_overdue", lang), h.tasks_overdue, "0", red if h.tasks_overdue else grey),
    ])
    row += 4
    ws.set_row(row, 6)
    ws.set_row(row + 1, GROUP_PT)
    ws.merge_range(row + 1, 0, row + 1, NCOLS - 1, w("g_indicators", lang), fm.get("group"))
    rate: Any = h.achieved / h.indicators if h.indicators else "–"
    _tile_row(ws, fm, row + 2, [
        (w("t_indicators", lang), h.indicators, "0", blue),
        (w("t_achieved", lang), h.achieved, "0", green),
        (w("t_exceeded", lang), h.exceeded, "0", green),
        (w("t_not_achieved", lang), h.not_achieved, "0", red if h.not_achieved else grey),
        (w("t_in_progress", lang), h.in_progress, "0", blue),
        (w("t_no_data", lang), h.no_data, "0", grey),
        (w("t_undetermined", lang), h.undetermined, "0", amber if h.undetermined else grey),
        (w("t_rate", lang), rate, "0.0%", green),
    ])
    row += 4
    ws.set_row(row, 6)
    ws.set_row(row + 1, GROUP_PT)
    ws.merge_range(row + 1, 0, row + 1, NCOLS - 1,
                   w("g_bands_prov" if h.provisional else "g_bands", lang), fm.get("group"))
    bands = [(L.band(code, lang), h.bands.get(code, 0), "0",
              F.BAND_CHART[code] if h.bands.get(code) else grey)
             for code in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")]
    _tile_row(ws, fm, row + 2, [
        *bands,
        (w("not_rated", lang), h.not_rated, "0", grey),
        (w("t_at_risk", lang), h.at_risk, "0", red if h.at_risk else grey),
        (w("t_behind", lang), h.behind, "0", amber if h.behind else grey),
        (w("t_mismatch", lang), h.mismatches, "0", amber if h.mismatches else grey),
    ])
    row += 4
    ws.set_row(row, 6)
    page2 = row + 1
    page3 = page2 + math.ceil((PAGE1_CHART_H + PAGE_GAP) / ROW_PX) + 1
    last = page3 + math.ceil((PAGE2_CHART_H + PAGE_GAP) / ROW_PX) + 1
    # Every row under the charts has a fixed height (as every row above them has): a
    # viewer that sizes rows itself (LibreOffice with another font) would move the cells
    # under charts anchored to them, and the charts across the page breaks.
    for r in range(page2, last + 1):
        ws.set_row(r, ROW_PX * 0.75)
    _charts(wb, ws, result, lang, sizes, page2, page3)
    ws.set_h_pagebreaks([page2, page3])
    ws.print_area(0, 0, last, NCOLS - 1)
    # A fixed scale (under "fit to page" Excel ignores manual breaks), at which a page
    # holds each page of charts; the town's objectives above may take more than a page.
    scale = page_scale(NCOLS * col_points(COL_WIDTH),
                       [(page3 - page2) * ROW_PX * 0.75, (last + 1 - page3) * ROW_PX * 0.75])
    setup_print(ws, footer, repeat_row=None, scale=scale)
    ws.center_horizontally()
    ws.activate()
    return ws


# Columns of the town block: code | objective | indicators achieved | not yet | result
_TOWN_COLS = ((0, 0), (1, 7), (8, 9), (10, 13), (14, 15))


def _town_block(ws: Any, fm: Formats, result: RoundResult, lang: str, row: int) -> int:
    """The town's objectives first (seed 002): the headline, then one row per objective
    (how many of its indicators were achieved, which were not, and its result). Returns
    the next free row."""
    w = L.word
    town = result.town.upper()
    ws.set_row(row, GROUP_PT)
    ws.merge_range(row, 0, row, NCOLS - 1, w("g_town", lang).format(town=town) if town
                   else w("g_town_plain", lang), fm.get("group"))
    objs = result.town_objectives
    if not objs:
        gap = L.town_gap(result, lang) or w("town_none", lang)
        ws.set_row(row + 1, textfit.row_height(textfit.wrapped_lines(gap, NCOLS * COL_WIDTH)))
        merge_text(ws, row + 1, 0, row + 1, NCOLS - 1, gap, fm.get("town_gap"))
        return row + 2
    failing = [o for o in objs if o.status not in L.ACHIEVED]
    ws.set_row(row + 1, 26)
    merge_text(ws, row + 1, 0, row + 1, NCOLS - 1, L.town_headline(result, lang),
               fm.get("town_headline", font_color="#C00000" if failing else "#1E7B34"))
    heads = (w("o_code", lang), w("o_text", lang), w("o_achieved", lang),
             w("o_pending", lang), w("o_result", lang))
    r = row + 2
    ws.set_row(r, 28)
    for (first, last), text in zip(_TOWN_COLS, heads, strict=True):
        _cell(ws, fm, r, first, last, text, fm.get("town_head"))
    names = {u.code: u.name or u.code for u in result.units}
    for o in objs:
        r += 1
        cells = (o.code, " ".join(o.text.split()), _achieved_cell(o, lang),
                 _pending_cell(o, names, lang), L.verdict(o.status, lang))
        lines = max(_lines(text, last - first + 1)
                    for (first, last), text in zip(_TOWN_COLS, cells, strict=True))
        ws.set_row(r, textfit.row_height(lines, 9))
        colours = F.VERDICT_CELL.get(o.status, ("#FFFFFF", "#000000"))
        fmts = (fm.get("town_center"), fm.get("town_text"), fm.get("town_center"),
                fm.get("town_text"), fm.get("town_center", bg_color=colours[0],
                                            font_color=colours[1], bold=True))
        for (first, last), text, fmt in zip(_TOWN_COLS, cells, fmts, strict=True):
            _cell(ws, fm, r, first, last, text, fmt)
    return r + 1


def _cell(ws: Any, fm: Formats, row: int, first: int, last: int, text: str, fmt: Any) -> None:
    if first == last:
        ws.write_string(row, first, text, fmt)
    else:
        merge_text(ws, row, first, row, last, text, fmt)


def _lines(text: str, ncols: int) -> int:
    """Lines of 9 pt text in ``ncols`` merged columns."""
    return textfit.wrapped_lines(text, ncols * COL_WIDTH, size=9) if text else 1


def _achieved_cell(o: TownObjectiveResult, lang: str) -> str:
    """Seed 002's "Kết quả thực hiện": '09/11 chỉ tiêu đạt và vượt', or the figure of an
    objective judged on one ('162/168 (chỉ tiêu: 100%)')."""
    if o.total == 1 and o.indicators[0].result_text:
        one = o.indicators[0]
        target = L.word("o_target", lang).format(t=one.target_text) if one.target_text else ""
        return f"{one.result_text}{target}"
    if not o.total:
        return ""
    return L.word("o_ratio", lang).format(a=L.two(o.achieved), b=L.two(o.total))


def _pending_cell(o: TownObjectiveResult, names: dict[str, str], lang: str) -> str:
    """The indicators not achieved, then those without data or in progress, each with
    the unit; what is missing when the objective has no verdict."""
    if o.gap:
        lead = names.get(o.lead_unit, o.lead_unit)
        return L.word(f"gap_{o.gap}", lang).format(unit=lead, code=o.lead_objective)
    parts = []
    for verdicts, key in ((("khong_dat",), "o_failed"),
                          (("chua_co_so_lieu", "khong_xac_dinh"), "o_no_data"),
                          (("dang_thuc_hien",), "o_in_progress")):
        its = [i for i in o.indicators if i.verdict in verdicts]
        if not its:
            continue
        items = "; ".join(f"{_short(i.text or i.code, 40)} ({i.unit_code})" for i in its[:6])
        more = f"; … (+{len(its) - 6})" if len(its) > 6 else ""
        parts.append(L.word(key, lang).format(n=L.two(len(its)), items=items + more))
    return "\n".join(parts)


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


def _charts(wb: Any, ws: Any, result: RoundResult, lang: str, sizes: dict[str, int],
            top: int, page2: int) -> None:
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
                                 "color": "#FFFFFF"},
                        # labels only on slices wide enough to hold them; the legend
                        # carries every count
                        "custom": [None if share >= PIE_LABEL_SHARE else {"delete": True}
                                   for share in _shares(result, order)]},
    })
    pie.set_hole_size(45)
    pie.set_legend({"position": "right", "font": font})
    pie.set_size({"width": 5 * 66, "height": PAGE1_CHART_H})
    # a few pixels below the break: a chart touching the page above is drawn there too
    ws.insert_chart(top, 0, pie, {"x_offset": 4, "y_offset": PAGE_GAP})
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
    ws.insert_chart(top, 5, bar, {"x_offset": 8, "y_offset": PAGE_GAP})
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
    ws.insert_chart(page2, 0, per, {"y_offset": PAGE_GAP})
    # 4. plan progress per unit (stacked bars)
    prog = _chart(wb, "bar", "stacked", L.word("c_progress", lang))
    for j, key in enumerate(PROGRESS):
        prog.add_series({"name": [d, 0, 13 + j], "categories": [d, 1, 3, n, 3],
                         "values": [d, 1, 13 + j, n, 13 + j], "gap": 50,
                         "fill": {"color": F.PROGRESS_CHART[key]}})
    _stack_axes(prog, font, cat, L.word("n_tasks", lang), max([u.tasks for u in units] or [0]))
    prog.set_size({"width": 8 * 66 - 4, "height": PAGE2_CHART_H})
    ws.insert_chart(page2, 8, prog, {"x_offset": 4, "y_offset": PAGE_GAP})


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


def _shares(result: RoundResult, order: list[str]) -> list[float]:
    h = headline(result)
    counts = [_count(h, c) for c in order]
    total = sum(counts) or 1
    return [n / total for n in counts]


def _count(h: Headline, code: str) -> int:
    return {"vuot": h.exceeded, "dat": h.achieved - h.exceeded, "khong_dat": h.not_achieved,
            "dang_thuc_hien": h.in_progress, "chua_co_so_lieu": h.no_data,
            "khong_xac_dinh": h.undetermined}[code]
