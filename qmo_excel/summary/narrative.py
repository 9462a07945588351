"""The drafted report text, in the style of the town's result reports (seed 002).

A pure function of the ``RoundResult``: a list of paragraphs, first the town's own
objectives (per objective, its indicators across all units, then "3/4 mục tiêu chưa đạt
(mục tiêu số 1, 2, 3)"), then the town as a whole (indicators, the units' bands and the
units held back from the next band, and why), then each unit (its band, objectives
achieved or not with their figures, overdue tasks), then a closing recommendation.
Vietnamese by default, English with ``lang="en"``.
"""

from __future__ import annotations

from collections import defaultdict

from qmo_excel.figures import achieved_total, headline
from qmo_excel.model import (
    IndicatorResult,
    ObjectiveResult,
    RoundResult,
    TaskResult,
    TownIndicator,
    TownObjectiveResult,
    UnitResult,
)
from qmo_excel.summary import labels as L
from qmo_excel.summary.narrative_province import province_paragraphs
from qmo_excel.summary.narrative_trends import trend_paragraphs
from qmo_excel.summary.narrative_words import SCOPES, VERDICT_PHRASE, T

MAX_UNITS = 200  # units described one by one; the rest are referred to the ranking sheet
MAX_LISTED = 12  # names listed in one sentence before "và N … khác"


def draft_narrative(result: RoundResult, *, lang: str = "vi") -> list[str]:
    """Paragraphs of the drafted report (see the module docstring)."""
    t = T["en" if lang == "en" else "vi"]
    lg = "en" if lang == "en" else "vi"
    inds: dict[str, list[IndicatorResult]] = defaultdict(list)
    for ind in result.indicators:
        inds[ind.unit_code].append(ind)
    objs: dict[str, list[ObjectiveResult]] = defaultdict(list)
    for o in result.objectives:
        objs[o.unit_code].append(o)
    tasks: dict[str, list[TaskResult]] = defaultdict(list)
    for task in result.tasks:
        tasks[task.unit_code].append(task)

    out = [_intro(result, t, lg), _intake(result, t, lg)]
    out.extend(_town(result, t, lg))
    out.append(_indicators(result, t, lg))
    out.extend(_bands(result, t, lg))
    out.append(_objectives_total(result, objs, t))
    out.extend(province_paragraphs(result, lg))
    out.extend(trend_paragraphs(result, lg))
    described = [u for u in result.units if u.submitted]
    for i, u in enumerate(described[:MAX_UNITS], start=1):
        out.extend(_unit(i, u, objs[u.code], inds[u.code], tasks[u.code], result, t, lg))
    if len(described) > MAX_UNITS:
        out.append(t["rest"].format(n=len(described) - MAX_UNITS))
    out.append(_closing(result, objs, t))
    return out


def _town(result: RoundResult, t: dict[str, str], lg: str) -> list[str]:
    """The town's objectives first, as seed 002 reports them, then "3/4 mục tiêu chưa
    đạt (mục tiêu số 1, 2, 3)"; what is missing when there are none."""
    if not result.town_objectives:
        gap = L.town_gap(result, lg)
        return [gap] if gap else []
    names = {u.code: u.name or u.code for u in result.units}
    head = t["town_head"].format(town=result.town) if result.town else t["town_head_plain"]
    if result.town_basis == "office":
        head = head.rstrip(":") + t["town_office"].format(
            unit=names.get(result.town_office, result.town_office)) + ":"
    out = [head]
    for o in result.town_objectives:
        out.append(_town_objective(o, names, t, lg))
    failing = [o for o in result.town_objectives if o.status not in L.ACHIEVED]
    y = len(result.town_objectives)
    if failing:
        codes = t["objs_of"].format(codes=", ".join(o.code for o in failing))
        out.append(t["town_fail"].format(x=len(failing), y=y, codes=codes) + ".")
    else:
        out.append(t["town_all"].format(y=y) + ".")
    return out


def _town_item(i: TownIndicator, names: dict[str, str], t: dict[str, str], lg: str) -> str:
    """'tốc độ tăng trưởng GTSX (Phòng Tài chính - Kế hoạch: kết quả …, chỉ tiêu …)'."""
    who = names.get(i.unit_code, i.unit_code)
    if i.missing:
        why = t["town_missing"] if i.missing == "unit" else t["town_missing_row"]
        return f"{_lower_first(i.text)} ({who} {why})"
    fig = _town_figures(i, t, lg)
    return f"{_lower_first(i.text)} ({who}: {fig})" if fig else \
        f"{_lower_first(i.text)} ({who})"


def _town_figures(i: TownIndicator, t: dict[str, str], lg: str) -> str:
    """'kết quả 162/168, chỉ tiêu 100%, đạt 96,4% kế hoạch' (and its progress)."""
    parts: list[str] = []
    if i.result_text or i.target_text:
        parts.append(t["figures"].format(r=i.result_text or "…", t=i.target_text or "…"))
    if i.percent_of_plan is not None and i.result_text and i.percent_of_plan > 0:
        parts.append(t["of_plan"].format(p=L.pct(i.percent_of_plan, lg)))
    if i.progress:
        parts.append(", " + L.progress(i.progress, lg).lower())
    return "".join(parts)


def _town_objective(o: TownObjectiveResult, names: dict[str, str], t: dict[str, str],
                    lg: str) -> str:
    text = " ".join(o.text.split()).rstrip(".;:")
    verdict = VERDICT_PHRASE[lg].get(o.status, o.status)
    lead = names.get(o.lead_unit, o.lead_unit)
    if o.gap:
        why = L.word(f"gap_{o.gap}", lg).format(unit=lead, code=o.lead_objective)
        return t["town_gap"].format(code=o.code, text=text, why=_lower_first(why)) + ";"
    if o.total == 1 and not o.indicators[0].missing:
        i = o.indicators[0]
        figures = _town_figures(i, t, lg)
        figures = f"{figures} " if figures else ""
        if o.source in ("lead", "office"):
            return t["town_lead"].format(code=o.code, text=text, unit=lead, figures=figures,
                                         verdict=verdict) + ";"
        return t["town_single"].format(code=o.code, text=text, item=_lower_first(i.text),
                                       unit=names.get(i.unit_code, i.unit_code),
                                       figures=figures, verdict=verdict) + ";"
    line = t["town_multi"].format(code=o.code, text=text, a=L.two(o.achieved),
                                  b=L.two(o.total))
    failing = [i for i in o.indicators if i.verdict == "khong_dat"]
    if failing:
        line += t["obj_multi_fail"].format(
            n=L.two(len(failing)), items=", ".join(_town_item(i, names, t, lg)
                                                   for i in failing))
    for code, what in (("dang_thuc_hien", "in_progress_w"), ("chua_co_so_lieu", "no_data_w"),
                       ("khong_xac_dinh", "undet_w")):
        other = [i for i in o.indicators if i.verdict == code]
        if other:
            line += t["obj_multi_other"].format(
                n=L.two(len(other)), what=t[what],
                items=", ".join(_town_item(i, names, t, lg) for i in other))
    return line + ";"


def _bands(result: RoundResult, t: dict[str, str], lg: str) -> list[str]:
    """How many units in each band (and the indicators at risk or behind in a part-year
    round), then the units held back from the next band, each with why."""
    rated = [u for _, u in L.ranked_units(result) if u.submitted and u.band]
    if not rated:
        return []
    provisional = any(u.provisional for u in rated)
    counts = [t["band_count"].format(n=L.two(n), band=L.band(code, lg))
              for code in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
              if (n := sum(1 for u in rated if u.band == code))]
    text = t["bands"].format(prov=t["bands_prov"] if provisional else "",
                             counts=", ".join(counts))
    at_risk, behind = sum(u.at_risk for u in rated), sum(u.behind for u in rated)
    if at_risk or behind:
        names = [u.name or u.code for u in rated if u.at_risk or u.behind]
        text += t["risk"].format(r=L.two(at_risk), b=L.two(behind),
                                 units=t["risk_units"].format(
                                     names=_names(names, t, "units_w")))
    out = [text]
    held = [u for u in rated if u.held_back]
    if held:
        out.append(t["held"])
        out += [t["held_item"].format(name=u.name or u.code,
                                      band=L.band(u.band, lg, u.provisional),
                                      next=L.band(_next(u.band), lg), why=L.held_back(u, lg))
                for u in held[:MAX_LISTED]]
        if len(held) > MAX_LISTED:
            out.append(t["more"].format(n=len(held) - MAX_LISTED, what=t["units_w"]).strip()
                       + ".")
        out[-1] = out[-1].rstrip(";") + "."
    return out


def _next(band: str) -> str:
    order = ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
    return order[max(order.index(band) - 1, 0)] if band in order else ""


def _names(items: list[str], t: dict[str, str], what: str) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += t["more"].format(n=len(items) - MAX_LISTED, what=t[what])
    return shown


def _period(result: RoundResult, t: dict[str, str], lg: str) -> str:
    year = result.year if result.year else ""
    if result.period in ("", "year"):
        return t["period_year"].format(y=year).strip()
    label = L.period(result.period, lg)
    label = label[:1].lower() + label[1:] if lg == "vi" and label[1:2].islower() else label
    return t["period_other"].format(p=label, y=year).strip()


def _intro(result: RoundResult, t: dict[str, str], lg: str) -> str:
    key = "intro" if result.town else "intro_notown"
    return t[key].format(town=result.town, period=_period(result, t, lg),
                         as_of=L.dmy(result.as_of))


def _intake(result: RoundResult, t: dict[str, str], lg: str) -> str:
    by_code = {u.code: u for u in result.units}
    h = headline(result)
    text = t["intake"].format(n=h.expected, m=h.received, k=h.late)
    if result.missing_units:
        names = [by_code[c].name if c in by_code and by_code[c].name else c
                 for c in result.missing_units]
        text += t["missing"].format(l=len(names), names=_names(names, t, "units_w"))
    else:
        text += t["all_in"]
    extra = [by_code[c].name or c for c in h.unregistered_codes]
    if extra:
        text += t["extra"].format(x=len(extra), names=_names(extra, t, "units_w"))
    if h.fates["rejected"]:
        text += t["rejected"].format(r=h.fates["rejected"])
    return text


def _scope(result: RoundResult, t: dict[str, str]) -> str:
    if t is T["vi"]:
        town = result.town.casefold()
        for key, scope in SCOPES:
            if key in town:
                return scope
    return t["scope_default"]


def _indicators(result: RoundResult, t: dict[str, str], lg: str) -> str:
    h = headline(result)
    text = t["scope_ind"].format(scope=_scope(result, t), a=h.achieved, b=h.indicators,
                                 c=h.exceeded)
    for key, n in (("not_ach", h.not_achieved), ("in_prog", h.in_progress),
                   ("no_data", h.no_data), ("undet", h.undetermined)):
        if n:
            text += t[key].format(n=n)
    if h.score is not None:
        text += t["score"].format(s=L.num(h.score, 1, lg))
    else:
        text += "."
    return text


def _codes(objectives: list[ObjectiveResult]) -> str:
    return ", ".join(o.code for o in objectives)


def _objectives_total(result: RoundResult, objs: dict[str, list[ObjectiveResult]],
                      t: dict[str, str]) -> str:
    y = len(result.objectives)
    failing = [o for o in result.objectives if o.status == "khong_dat"]
    if y and len(failing) == 0 and all(o.status in L.ACHIEVED for o in result.objectives):
        return t["obj_all"].format(y=y)
    text = t["obj_fail"].format(x=len(failing), y=y)
    names = {u.code: u.name or u.code for u in result.units}
    units_failing = [c for c in objs if any(o.status == "khong_dat" for o in objs[c])]
    if failing and len(units_failing) == 1:
        text += f" ({t['objs_of'].format(codes=_codes(failing))})"
    elif failing:
        parts = [f"{names.get(c, c)}: " + t["objs_of"].format(
            codes=_codes([o for o in objs[c] if o.status == "khong_dat"]))
            for c in units_failing[:MAX_LISTED]]
        more = len(units_failing) - MAX_LISTED
        text += f" ({'; '.join(parts)}" + (t["more"].format(n=more, what=t["units_w"])
                                            if more > 0 else "") + ")"
    return text + _others(result.objectives, t) + "."


def _others(objectives: list[ObjectiveResult], t: dict[str, str], codes: bool = False) -> str:
    """'; z mục tiêu đang thực hiện; w mục tiêu chưa đủ số liệu…' (with their numbers)."""
    text = ""
    for key, statuses in (("obj_prog", ("dang_thuc_hien",)),
                          ("obj_nodata", ("chua_co_so_lieu", "khong_xac_dinh"))):
        these = [o for o in objectives if o.status in statuses]
        if these:
            text += t[key].format(z=len(these), w=len(these))
            if codes:
                text += f" ({t['objs_of'].format(codes=_codes(these))})"
    return text


def _lower_first(text: str) -> str:
    """'Tốc độ tăng trưởng' -> 'tốc độ tăng trưởng'; acronyms ('TTHC…') are kept."""
    text = " ".join(text.split()).rstrip(".;:")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _figures(ind: IndicatorResult, t: dict[str, str], lg: str) -> str:
    parts: list[str] = []
    if ind.result_text or ind.target_text:
        parts.append(t["figures"].format(r=ind.result_text or "…", t=ind.target_text or "…"))
    if ind.percent_of_plan is not None and ind.result_text and ind.percent_of_plan > 0:
        parts.append(t["of_plan"].format(p=L.pct(ind.percent_of_plan, lg)))
    if ind.verdict_source == "self_assessment":
        parts.append(t["self"])
    return "".join(parts)


def _item(ind: IndicatorResult, t: dict[str, str], lg: str) -> str:
    fig = _figures(ind, t, lg)
    return f"{_lower_first(ind.text)} ({fig})" if fig else _lower_first(ind.text)


def _objective(o: ObjectiveResult, its: list[IndicatorResult], t: dict[str, str],
               lg: str) -> str:
    text = " ".join(o.text.split()).rstrip(".;:")
    verdict = VERDICT_PHRASE[lg].get(o.status, o.status)
    if len(its) > 1:
        a = sum(1 for i in its if i.verdict in L.ACHIEVED)
        line = t["obj_multi"].format(code=o.code, text=text, a=L.two(a), b=L.two(len(its)))
        failing = [i for i in its if i.verdict == "khong_dat"]
        if failing:
            line += t["obj_multi_fail"].format(
                n=L.two(len(failing)), items=", ".join(_item(i, t, lg) for i in failing))
        for code, what in (("dang_thuc_hien", "in_progress_w"),
                           ("chua_co_so_lieu", "no_data_w"), ("khong_xac_dinh", "undet_w")):
            other = [i for i in its if i.verdict == code]
            if other:
                line += t["obj_multi_other"].format(
                    n=L.two(len(other)), what=t[what],
                    items=", ".join(_lower_first(i.text) for i in other))
        return line + ";"
    if len(its) == 1:
        fig = _figures(its[0], t, lg)
        return t["obj_single"].format(code=o.code, text=text,
                                      figures=f"{fig} " if fig else "", verdict=verdict) + ";"
    return t["obj_plain"].format(code=o.code, text=text, verdict=verdict) + ";"


def _unit(i: int, u: UnitResult, objs: list[ObjectiveResult], inds: list[IndicatorResult],
          tasks: list[TaskResult], result: RoundResult, t: dict[str, str],
          lg: str) -> list[str]:
    score = ""
    if u.score is not None:
        score = t["unit_score"].format(s=L.num(u.score, 1, lg),
                                       band=L.band(u.band, lg, u.provisional))
    oa = sum(1 for o in objs if o.status in L.ACHIEVED)
    out = [t["unit_head"].format(i=i, name=u.name or u.code, code=u.code, score=score,
                                 oa=L.two(oa), ot=L.two(len(objs)),
                                 a=L.two(achieved_total(u)), b=L.two(u.indicators))]
    by_obj: dict[str, list[IndicatorResult]] = defaultdict(list)
    for ind in inds:
        by_obj[ind.objective_code].append(ind)
    if u.held_back:
        out.append(t["unit_band"].format(band=L.band(u.band, lg, u.provisional),
                                         next=L.band(_next(u.band), lg),
                                         why=L.held_back(u, lg)))
    for o in objs:
        out.append(_objective(o, by_obj.get(o.code, []), t, lg))
    failing = [o for o in objs if o.status == "khong_dat"]
    if objs and all(o.status in L.ACHIEVED for o in objs):
        out.append(t["unit_obj_ok"])
    elif objs:
        line = t["unit_obj"].format(x=len(failing), y=len(objs))
        if failing:
            line += f" ({t['objs_of'].format(codes=_codes(failing))})"
        out.append(line + _others(objs, t, codes=True) + ".")
    if tasks:
        done = sum(1 for k in tasks if k.done)
        line = t["tasks"].format(d=L.two(done), t=L.two(len(tasks)))
        late = sum(1 for k in tasks if k.done_late)
        if late:
            line += t["tasks_late"].format(n=L.two(late))
        over = [k for k in tasks if k.overdue]
        if over:
            items = [" ".join(k.task.split()).rstrip(".;") +
                     (t["due"].format(d=L.dmy(k.due)) if k.due else "") for k in over]
            line += t["tasks_over"].format(n=L.two(len(over)),
                                           d=L.dmy(result.cut_off or result.as_of),
                                           items=_names(items, t, "tasks_w"))
        else:
            line += t["tasks_none"]
        out.append(line)
    return out


def _closing(result: RoundResult, objs: dict[str, list[ObjectiveResult]],
             t: dict[str, str]) -> str:
    names = {u.code: (u.name or u.code) for u in result.units}
    failing = [names.get(c, c) for c in objs if any(o.status == "khong_dat" for o in objs[c])]
    if not failing and not result.missing_units and not any(k.overdue for k in result.tasks):
        return t["close_all"][:1].upper() + t["close_all"][1:] + "."
    who = t["close_who"].format(names=_names(failing, t, "units_w")) if failing else \
        t["close_who"].split(" (")[0]
    text = t["close"].format(who=who)
    if result.missing_units:
        text += t["close_miss"]
    if any(k.overdue for k in result.tasks):
        text += t["close_over"]
    return text + t["close_end"]
