"""What the report says: a pure function of the round's results and its settings.

``build_context`` gives the template everything it fills in (plain strings and lists,
nothing formatted): the static words of the form (``w``), the placeholders shown where a
setting is empty (``ph``), the settings as the document writes them (``doc``), the rows
of the town's objectives, the conclusion ("3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)"),
the paragraphs on the units, the trends (given by the caller: issue 20), the marked
paragraph for the next period's direction, the closing line and the annex of units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from qmo_excel.figures import achieved_total, headline
from qmo_excel.model import ReportSettings, RoundResult
from qmo_excel.report import words
from qmo_excel.report.objectives import Member, Objective, TownView, town_view
from qmo_excel.summary import labels as L
from qmo_excel.vocab import Band, Period

MAX_LISTED = 12  # names or indicators listed in one sentence before "và N … khác"
MAX_ANNEX = 300  # units in the annex; a province's full list is the summary's ranking
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff]")
_BASIS = re.compile(r"^(?:căn cứ|pursuant to)\b[\s:,]*", re.IGNORECASE)


def clean(text: object) -> str:
    """Text as one line: no control characters (a line break or a tab in a value would
    become a break in Word), runs of spaces collapsed."""
    return " ".join(_CONTROL.sub(" ", str(text or "")).split())


def _bare(item: str) -> str:
    """A list item without the dash that starts it or the ';' or '.' that ends it."""
    return clean(item).lstrip("-–•+ ").rstrip(";.,").strip()


def _n(lang: str, n: int) -> str:
    """A count as the seed writes it ("09/11", "02 chỉ tiêu"); plain in English."""
    return L.two(n) if lang == "vi" else str(n)


def _band(code: str, lang: str) -> str:
    """A band inside a Vietnamese sentence in lower case ("02 đơn vị hoàn thành tốt");
    English keeps its capitals ("2 Good")."""
    label = L.band(code, lang)
    return _lower_first(label) if lang == "vi" else label


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """'Tốc độ tăng trưởng' -> 'tốc độ tăng trưởng'; acronyms ('TTHC…') are kept."""
    text = clean(text).rstrip(".;:")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _listed(items: list[str], t: dict[str, str], what: str) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += t["more"].format(n=len(items) - MAX_LISTED, what=t[what])
    return shown


# --------------------------------------------------------------------------- the round


def period_text(result: RoundResult, t: dict[str, str], lang: str) -> str:
    """'năm 2021', '6 tháng đầu năm 2023', 'quý I năm 2023' (English likewise)."""
    y = result.year or result.as_of.year
    p = result.period or "year"
    if p in words.QUARTERS:
        q = words.QUARTERS[p][1 if lang == "en" else 0]
        return t["period_q"].format(q=q, y=y)
    return t.get(f"period_{p}", t["period_year"]).format(y=y)


def _when(result: RoundResult, t: dict[str, str], lang: str) -> str:
    p = result.period or "year"
    if p in words.QUARTERS:
        return t["when_q"].format(q=words.QUARTERS[p][1 if lang == "en" else 0])
    return t.get(f"when_{p}", t["when_year"])


def date_text(d: date, lang: str) -> str:
    """Nghị định 30: 'ngày 05 tháng 02 năm 2021' (a zero before days 1-9 and months 1-2),
    'ngày 12 tháng 11 năm 2021'; English '12 November 2021'."""
    if lang == "en":
        return f"{d.day} {words.MONTHS_EN[d.month - 1]} {d.year}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return words.TEXT["vi"]["date"].format(d=f"{d.day:02d}", m=month, y=d.year)


def file_stem(result: RoundResult, lang: str, vi: str, en: str) -> str:
    """'bao-cao-MTCL-2023-nam' (the period as the summary's file name says it)."""
    year = result.year or result.as_of.year
    if lang == "en":
        return f"{en}-{year}-{result.period}"
    period = Period.get(result.period)
    return f"{vi}-{year}-{period.slug if period else result.period}"


def _number(settings: ReportSettings) -> str:
    number = clean(settings.number)
    if number and "/" not in number:
        number += "/BC-UBND"
    return number


def _doc(result: RoundResult, settings: ReportSettings, t: dict[str, str],
         lang: str) -> dict[str, Any]:
    issuer = clean(settings.issuer or result.town)
    period = period_text(result, t, lang)
    as_of = L.dmy(result.as_of)
    basis = []
    for item in settings.basis:
        doc = _BASIS.sub("", _bare(item)).strip()
        if doc:
            basis.append(t["basis_item"].format(doc=doc))
    if basis:
        basis[-1] = basis[-1].rstrip(";") + "."
    recipients = [f"- {_bare(r)};" for r in settings.recipients if _bare(r)]
    if recipients:
        recipients[-1] = recipients[-1].rstrip(";") + "."
    lead_in = t["lead_in"] if issuer else t["lead_in_plain"]
    return {
        "parent": clean(settings.parent).upper(), "issuer": issuer.upper(),
        "number": _number(settings), "place": clean(settings.place),
        "date": date_text(settings.issued or result.as_of, lang),
        "subject": t["subject"].format(period=period),
        "basis": basis, "lead_in": lead_in.format(issuer=issuer, period=period, as_of=as_of),
        "capacity": [_bare(c).upper() for c in settings.capacity if _bare(c)],
        "signer_title": clean(settings.signer_title).upper(),
        "signer": clean(settings.signer), "recipients": recipients,
    }


# --------------------------------------------------------------------------- the table


def _verdict(m: Member | Objective, lang: str) -> str:
    code = m.verdict if isinstance(m, Member) else m.status
    text = words.VERDICT[lang].get(code, code)
    progress = m.progress if isinstance(m, Member) else None
    if progress:
        text += ", " + words.PROGRESS[lang].get(progress, progress)
    return text


def _figures(m: Member, t: dict[str, str], lang: str) -> str:
    """'kết quả 162/168, chỉ tiêu 100%, đạt 96,4% kế hoạch'."""
    out = ""
    if m.result_text or m.target_text:
        out = t["figures"].format(r=clean(m.result_text) or "…",
                                  t=clean(m.target_text) or "…")
    if m.percent_of_plan is not None and m.result_text and m.percent_of_plan > 0:
        out += t["of_plan"].format(p=L.pct(m.percent_of_plan, lang))
    if m.self_assessed:
        out += t["self"]
    return out


def _missing(m: Member, names: dict[str, str], t: dict[str, str]) -> str:
    key = "missing_unit" if m.missing == "unit" else "missing_row"
    return t[key].format(unit=names.get(m.unit_code, m.unit_code))


def _item(m: Member, names: dict[str, str], t: dict[str, str], lang: str,
          with_unit: bool) -> str:
    """'tốc độ tăng trưởng (Phòng Tài chính - Kế hoạch: kết quả 12,1%, chỉ tiêu 14-15%)'."""
    if m.missing:
        return f"{_lower_first(m.text)} ({_missing(m, names, t)})"
    fig = _figures(m, t, lang)
    if with_unit:
        unit = names.get(m.unit_code, m.unit_code)
        fig = f"{unit}: {fig}" if fig else unit
    return t["item_unit"].format(text=_lower_first(m.text), figures=fig) if fig else \
        _lower_first(m.text)


def _in_progress(members: list[Member], names: dict[str, str], t: dict[str, str],
                 lang: str, with_unit: bool) -> str:
    """'02 đúng tiến độ; 01 có nguy cơ không đạt: tỷ lệ … (…)'."""
    parts: list[str] = []
    for status in ("dung_tien_do", "cham_tien_do", "nguy_co", None):
        these = [m for m in members if m.progress == status]
        if not these:
            continue
        items = _listed([_item(m, names, t, lang, with_unit) for m in these], t, "items_w")
        if status == "dung_tien_do":
            parts.append(t["progress_part"].format(
                n=_n(lang, len(these)), status=words.PROGRESS[lang][status]))
        elif status is None:
            parts.append(items)
        else:
            parts.append(t["progress_items"].format(
                n=_n(lang, len(these)), status=words.PROGRESS[lang][status], items=items))
    return "; ".join(parts)


def _multi(o: Objective, names: dict[str, str], t: dict[str, str], lang: str,
           as_of: str) -> str:
    members = o.members
    with_unit = len({m.unit_code for m in members}) > 1
    achieved = sum(1 for m in members if m.verdict in L.ACHIEVED)
    line = t["as_of"].format(d=as_of) + t["multi"].format(a=_n(lang, achieved),
                                                          b=_n(lang, len(members)))

    def items(verdict: str) -> list[str]:
        return [_item(m, names, t, lang, with_unit) for m in members if m.verdict == verdict]

    failing = items("khong_dat")
    if failing:
        line += t["multi_fail"].format(n=_n(lang, len(failing)),
                                       items=_listed(failing, t, "items_w"))
    going = [m for m in members if m.verdict == "dang_thuc_hien"]
    if going:
        line += t["multi_progress"].format(
            n=_n(lang, len(going)), detail=_in_progress(going, names, t, lang, with_unit))
    for verdict, key in (("chua_co_so_lieu", "multi_no_data"),
                         ("khong_xac_dinh", "multi_undet")):
        these = items(verdict)
        if these:
            line += t[key].format(n=_n(lang, len(these)), items=_listed(these, t, "items_w"))
    return line


def row_result(o: Objective, names: dict[str, str], t: dict[str, str], lang: str,
               as_of: str) -> tuple[str, bool]:
    """The sentence of the "Kết quả thực hiện" column, and whether it is marked for the
    office (an objective that cannot be judged)."""
    if o.gap:
        why = t[f"gap_{o.gap}"].format(unit=names.get(o.lead_unit, o.lead_unit),
                                       code=o.lead_objective)
        return t["gap"].format(why=why), True
    units = {m.unit_code for m in o.members}
    prefix = ""
    if o.source in ("indicators", "lead") and len(units) == 1:
        prefix = t["by_unit"].format(unit=names.get(next(iter(units)), next(iter(units))))
    if not o.members:
        if o.source == "lead":
            return t["lead"].format(unit=names.get(o.lead_unit, o.lead_unit),
                                    verdict=_verdict(o, lang)), False
        return _cap(t["single_plain"].format(text=_lower_first(o.text),
                                             verdict=_verdict(o, lang))) + ".", False
    if len(o.members) == 1:
        m = o.members[0]
        figures = _missing(m, names, t) if m.missing else _figures(m, t, lang)
        own = _lower_first(m.text).casefold() == _lower_first(o.text).casefold()
        key = ("single" if figures else "single_plain") + ("_own" if own else "")
        sentence = t[key].format(text=_lower_first(m.text), figures=figures,
                                 verdict=_verdict(m, lang))
        return _cap(prefix + sentence) + ".", False
    return _cap(prefix + _multi(o, names, t, lang, as_of)) + ".", False


def _rows(view: TownView, names: dict[str, str], t: dict[str, str], lang: str,
          as_of: str) -> list[dict[str, Any]]:
    rows = []
    for o in view.objectives:
        text, marked = row_result(o, names, t, lang, as_of)
        rows.append({"no": clean(o.code), "text": clean(o.text).rstrip(".;:"),
                     "result": text, "marked": marked})
    if view.more:
        rows.append({"no": "…", "text": "", "result": t["rows_more"].format(n=view.more),
                     "marked": True})
    return rows


def _codes(codes: list[str], lang: str) -> str:
    return L.word("town_codes", lang).format(codes=", ".join(codes))


def conclusion(view: TownView, result: RoundResult, t: dict[str, str],
               lang: str) -> tuple[str, bool]:
    """'Như vậy, trong năm có 3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3) so với kế hoạch
    đề ra.' (the summary's sentence, ``labels.town_sentence``), and whether it is marked
    (no objective to conclude on)."""
    objs = view.objectives
    if not objs:
        return t["none"], True
    when = _when(result, t, lang)
    failing = [o for o in objs if not o.achieved]
    headline = L.town_sentence(len(objs), [clean(o.code) for o in failing], lang)
    if not failing:
        return _cap(t["conclusion_all"].format(when=when, headline=headline)), False
    parts = []
    for statuses, key in ((("dang_thuc_hien",), "others_progress"),
                          (("chua_co_so_lieu", "khong_xac_dinh"), "others_no_data")):
        these = [clean(o.code) for o in failing if o.status in statuses]
        if these:
            parts.append(t[key].format(n=_n(lang, len(these)), codes=_codes(these, lang)))
    others = t["others"].format(parts=", ".join(parts)) if parts else ""
    return t["conclusion"].format(when=when, headline=headline, others=others), False


# --------------------------------------------------------------------------- the units


def units_paragraphs(result: RoundResult, t: dict[str, str], lang: str) -> list[str]:
    """Who reported (late, missing, outside the register, files not usable) and the
    units' bands."""
    h = headline(result)
    names = {u.code: clean(u.name or u.code) for u in result.units}
    text = t["units"].format(n=_n(lang, h.expected), m=_n(lang, h.received))
    late = [names[u.code] for u in result.units if u.submitted and u.late]
    if late:
        text += t["units_late"].format(k=_n(lang, len(late)), names=_listed(late, t, "units_w"))
    if h.missing_codes:
        missing = [names.get(c, c) for c in h.missing_codes]
        text += t["units_missing"].format(l=_n(lang, len(missing)),
                                          names=_listed(missing, t, "units_w"))
    elif h.expected:
        text += t["units_all_in"]
    if h.unregistered_codes:
        extra = [names.get(c, c) for c in h.unregistered_codes]
        text += t["units_extra"].format(x=_n(lang, len(extra)),
                                        names=_listed(extra, t, "units_w"))
    if h.fates.get("rejected"):
        text += t["units_rejected"].format(r=_n(lang, h.fates["rejected"]))
    out = [text + "."]
    bands = _bands(result, h.provisional, t, lang)
    if bands:
        out.append(bands)
    held = _held(result, t, lang)
    if held:
        out.append(held)
    return out


def _bands(result: RoundResult, provisional: bool, t: dict[str, str], lang: str) -> str:
    """'Kết quả xếp loại các đơn vị (tạm tính …): 02 đơn vị hoàn thành xuất sắc, …'; the
    part-year indicators at risk or behind."""
    rated = [u for u in result.units if u.submitted and u.band]
    if not rated:
        return ""
    counts = [t["band_count"].format(n=_n(lang, n), band=_band(band, lang))
              for band in Band if (n := sum(1 for u in rated if u.band == band))]
    text = t["bands"].format(prov=t["bands_prov"] if provisional else "",
                             counts=", ".join(counts))
    at_risk, behind = sum(u.at_risk for u in rated), sum(u.behind for u in rated)
    if at_risk or behind:
        text += t["risk"].format(r=_n(lang, at_risk), b=_n(lang, behind))
    return text


def _held(result: RoundResult, t: dict[str, str], lang: str) -> str:
    """The units held back from the next band, each with why (``labels.held_back``)."""
    order = [b.value for b in Band]
    held = [u for _, u in L.ranked_units(result) if u.submitted and u.band and u.held_back]
    items = [t["held_item"].format(
        name=clean(u.name or u.code), band=_band(u.band, lang),
        next=_band(order[max(order.index(u.band) - 1, 0)], lang),
        why=L.held_back(u, lang)) for u in held if u.band in order]
    return t["held"].format(items=_listed(items, t, "units_w")) if items else ""


def annex_rows(result: RoundResult, t: dict[str, str], lang: str) -> list[dict[str, str]]:
    """Every unit, ranked: indicators achieved, score, band, and what to note."""
    rows = []
    ranked = L.ranked_units(result)
    for n, (_rank, u) in enumerate(ranked[:MAX_ANNEX], start=1):
        notes = []
        if u.submitted and u.late:
            notes.append(t["note_late"])
        if not u.submitted:
            notes.append(t["note_missing"])
        if not u.registered:
            notes.append(t["note_extra"])
        indicators = f"{_n(lang, achieved_total(u))}/{_n(lang, u.indicators)}" \
            if u.submitted and u.indicators else ""
        rows.append({"no": str(n), "name": clean(u.name or u.code), "indicators": indicators,
                     "score": L.num(u.score, 1, lang) if u.score is not None else "",
                     "band": L.band(u.band, lang, u.provisional),
                     "note": "; ".join(notes)})
    if len(ranked) > MAX_ANNEX:
        rows.append({"no": "…", "name": t["annex_more"].format(n=len(ranked) - MAX_ANNEX),
                     "indicators": "", "score": "", "band": "", "note": ""})
    return rows


# --------------------------------------------------------------------------- the whole


def build_context(result: RoundResult, settings: ReportSettings | None = None, *,
                  lang: str = "vi", trends: Sequence[str] = ()) -> dict[str, Any]:
    """Everything the template fills in (see the module docstring). ``trends``: what
    improved and what fell back since the previous round, one paragraph each, in
    ``lang`` (the history of the rounds, issue 20, is the caller's: this layer has none);
    they follow the paragraphs on the units."""
    lg = "en" if lang == "en" else "vi"
    t = words.TEXT[lg]
    settings = settings or ReportSettings()
    names = {u.code: clean(u.name or u.code) for u in result.units}
    doc = _doc(result, settings, t, lg)
    view = town_view(result)
    as_of = L.dmy(result.as_of)
    text, marked = conclusion(view, result, t, lg)
    failing = [clean(o.code) for o in view.objectives if not o.achieved]
    ph = words.placeholders(lg)
    which = ph["direction_which"].format(codes=_codes(failing, lg)) if failing else ""
    ph["archive"] = "Lưu: VT." if lg == "vi" else "File: VT."
    issuer = clean(settings.issuer or result.town)
    period = period_text(result, t, lg)
    number = doc["number"] or ph["number"]
    gap = L.town_gap(result, lg)
    note = "" if view.from_town else (
        f"[{gap} {t['units_listed']}]" if gap else
        t["no_town_list"].format(scope=clean(result.town) or t["scope_default"]))
    return {
        "lang": lg, "w": words.form(lg), "ph": ph, "doc": doc,
        "note": note,
        "objectives": _rows(view, names, t, lg, as_of),
        "conclusion": text, "conclusion_marked": marked,
        "units": units_paragraphs(result, t, lg),
        "trends": [clean(t) for t in trends if clean(t)],
        "direction": ph["direction"].format(which=which),
        "closing": t["closing"].format(
            period=period, of=t["closing_of"].format(issuer=issuer) if issuer else ""),
        "annex": {"ref": t["annex_ref"].format(
            number=number, date=L.dmy(settings.issued or result.as_of),
            of=t["annex_of"].format(issuer=issuer) if issuer else ""),
            "rows": annex_rows(result, t, lg)},
    }
