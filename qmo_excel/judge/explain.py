"""One call that reads, judges and returns the ``qmo explain --json`` shape, and the
human-readable rendering of it (Vietnamese or English). The judge's notes stay Vietnamese
in the dictionary (and in JSON); the English rendering shows them in English."""

from __future__ import annotations

from typing import Any

from qmo_excel.judge.judgement import basis_label
from qmo_excel.judge.levels import weakest
from qmo_excel.judge.notes_en import note_in
from qmo_excel.judge.periods import parse_period
from qmo_excel.judge.progress import progress_label
from qmo_excel.judge.results import Result, read_result
from qmo_excel.judge.targets import Target, read_target
from qmo_excel.judge.verdict import judge


def explain(
    target: str | float | int | Target | None,
    result: str | float | int | Result | None = None,
    *,
    indicator: str = "",
    direction: str | None = None,
    period: str = "year",
    year: int | None = None,
) -> dict[str, Any]:
    """Read ``target`` and ``result`` and judge: the ``qmo explain --json`` dictionary."""
    t = (
        target
        if isinstance(target, Target)
        else read_target(target, indicator=indicator, direction=direction)
    )
    r = result if isinstance(result, Result) or result is None else read_result(result, t)
    j = judge(t, r, period=period)
    try:
        code = parse_period(period)
    except ValueError:
        code = "year"
    return {
        "target": t.to_dict(),
        "result": r.to_dict() if r is not None else None,
        "verdict": j.verdict,
        "percent_of_plan": j.percent_of_plan,
        "confidence": weakest(j.confidence),
        "notes": list(j.notes),
        "parts": [p.to_dict() for p in j.parts],
        "progress": j.progress,
        "basis": j.basis,
        "elapsed": j.elapsed,
        "indicator": indicator,
        "period": period,
        "period_code": code,
        "year": year,
    }


_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "at_least": "tối thiểu (≥)",
        "more_than": "lớn hơn (>)",
        "at_most": "tối đa (≤)",
        "less_than": "nhỏ hơn (<)",
        "range": "khoảng",
        "exact": "giá trị cần đạt",
        "ratio": "tỷ số a/b",
        "decrease_by": "giảm một mức",
        "increase_by": "tăng một mức",
        "qualitative": "định tính",
        "composite": "nhiều chỉ tiêu",
        "unknown": "không rõ",
        "plan": "chính kế hoạch được giao (đánh giá theo % kế hoạch)",
        "higher_is_better": "Càng cao càng tốt",
        "lower_is_better": "Càng thấp càng tốt",
        "level": "mức (tỷ lệ, tỷ trọng, bình quân…): so sánh như đang có",
        "cumulative": "cộng dồn trong năm (tiền, sản lượng, người, hồ sơ…)",
        "certain": "chắc chắn",
        "likely": "có khả năng cao",
        "uncertain": "chưa chắc chắn",
        "vuot": "Vượt",
        "dat": "Đạt",
        "khong_dat": "Không đạt",
        "dang_thuc_hien": "Đang thực hiện",
        "chua_co_so_lieu": "Chưa có số liệu",
        "khong_xac_dinh": "Không xác định",
        "target": "Chỉ tiêu",
        "result": "Kết quả",
        "kind": "Dạng",
        "bounds": "Mức",
        "unit": "Đơn vị",
        "direction": "Chiều",
        "measure": "Loại chỉ tiêu",
        "for_period": "Chỉ tiêu cho kỳ",
        "confidence": "Độ tin cậy",
        "notes": "Ghi chú",
        "verdict": "Đánh giá",
        "pct": "% kế hoạch",
        "none": "(chưa có)",
        "part": "Phần",
        "value": "Giá trị",
        "approx": "ước tính",
        "stated": "% kế hoạch đã ghi",
        "of_plan": "so với",
        "others": "% của kế hoạch khác",
        "margin": "Mức vượt/thiếu đã ghi",
        "subcounts": "Chỉ tiêu thành phần",
        "met": "đạt",
        "missed": "chưa đạt",
        "exceeded": "vượt",
        "all_met": "tất cả đều đạt",
        "most_met": "hầu hết (không phải tất cả) đạt",
        "word": "Lời đánh giá",
        "period": "Kỳ báo cáo",
        "elapsed": "đã qua {x}% thời gian của năm",
        "basis": "Căn cứ đánh giá",
        "progress": "Tiến độ",
        "signed": "số âm",
    },
    "en": {
        "at_least": "at least (≥)",
        "more_than": "more than (>)",
        "at_most": "at most (≤)",
        "less_than": "less than (<)",
        "range": "range",
        "exact": "value to reach",
        "ratio": "ratio a/b",
        "decrease_by": "decrease by",
        "increase_by": "increase by",
        "qualitative": "qualitative",
        "composite": "several targets",
        "unknown": "unknown",
        "plan": "the assigned plan itself (judged by the share of plan)",
        "higher_is_better": "Higher is better",
        "lower_is_better": "Lower is better",
        "level": "a level (a rate, a share, an average…): compared as it stands",
        "cumulative": "cumulative over the year (money, output, people, files…)",
        "certain": "certain",
        "likely": "likely",
        "uncertain": "uncertain",
        "vuot": "Exceeded",
        "dat": "Achieved",
        "khong_dat": "Not achieved",
        "dang_thuc_hien": "In progress",
        "chua_co_so_lieu": "No data",
        "khong_xac_dinh": "Cannot be judged",
        "target": "Target",
        "result": "Result",
        "kind": "Kind",
        "bounds": "Bounds",
        "unit": "Unit",
        "direction": "Direction",
        "measure": "Measure",
        "for_period": "Target for the period",
        "confidence": "Confidence",
        "notes": "Notes",
        "verdict": "Verdict",
        "pct": "% of plan",
        "none": "(none)",
        "part": "Part",
        "value": "Value",
        "approx": "estimate",
        "stated": "stated % of plan",
        "of_plan": "of",
        "others": "% of another plan",
        "margin": "Stated margin over/under the plan",
        "subcounts": "Sub-indicators",
        "met": "achieved",
        "missed": "not achieved",
        "exceeded": "exceeded",
        "all_met": "all achieved",
        "most_met": "most (not all) achieved",
        "word": "Verdict in words",
        "period": "Reporting period",
        "elapsed": "{x}% of the year elapsed",
        "basis": "Decided by",
        "progress": "Progress",
        "signed": "negative figure",
    },
}

_PERIOD_LABELS = {
    "q1": ("Quý I", "Quarter I"),
    "q2": ("Quý II", "Quarter II"),
    "h1": ("6 tháng", "Half year"),
    "q3": ("Quý III", "Quarter III"),
    "m9": ("9 tháng", "Nine months"),
    "m10": ("10 tháng", "Ten months"),
    "m11": ("11 tháng", "Eleven months"),
    "q4": ("Quý IV", "Quarter IV"),
    "year": ("Cả năm", "Full year"),
}


def _num(v: float | None, lang: str) -> str:
    if v is None:
        return "-"
    text = f"{v:,.2f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _target_lines(t: dict[str, Any], lab: dict[str, str], lang: str, indent: str) -> list[str]:
    lines = [f"{indent}{lab['kind']}: {lab.get(t['kind'], t['kind'])}"]
    lo, hi = t["low"], t["high"]
    if lo is not None or hi is not None:
        shown = (
            _num(lo, lang)
            if hi is None or hi == lo
            else _num(hi, lang)
            if lo is None
            else f"{_num(lo, lang)} – {_num(hi, lang)}"
        )
        unit = t["unit"]
        if t["kind"] == "plan" or t.get("of_plan"):
            unit = "% " + ("kế hoạch" if lang != "en" else "of plan")
        lines.append(f"{indent}{lab['bounds']}: {shown} {unit}".rstrip())
    lines.append(f"{indent}{lab['direction']}: {lab[t['direction']]}")
    if t.get("measure") and t["kind"] not in ("qualitative", "unknown", "composite"):
        lines.append(f"{indent}{lab['measure']}: {lab[t['measure']]}")
    if t.get("period"):
        lines.append(f"{indent}{lab['for_period']}: {_period(t['period'], lang)}")
    lines.append(f"{indent}{lab['confidence']}: {lab[t['confidence']]}")
    for n in t["notes"]:
        lines.append(f"{indent}- {note_in(n, lang)}")
    for i, p in enumerate(t["parts"], 1):
        lines.append(f'{indent}{lab["part"]} {i}: "{p["text"]}"')
        lines.extend(_target_lines(p, lab, lang, indent + "  "))
    return lines


def _period(code: str, lang: str) -> str:
    if code not in _PERIOD_LABELS and code.startswith("m") and code[1:].isdigit():
        return f"{code[1:]} months" if lang == "en" else f"{code[1:]} tháng"
    vi, en = _PERIOD_LABELS.get(code, (code, code))
    return en if lang == "en" else vi


def _result_lines(r: dict[str, Any], lab: dict[str, str], lang: str) -> list[str]:
    lines = [f'{lab["result"]}: "{r["text"]}"']
    if r["value"] is not None:
        approx = f" ({lab['approx']})" if r["approximate"] else ""
        lines.append(f"  {lab['value']}: {_num(r['value'], lang)} {r['unit']}".rstrip() + approx)
    if r["percent_of_plan_stated"] is not None:
        plan = f" ({lab['of_plan']} \"{r['share_plan']}\")" if r.get("share_plan") else ""
        lines.append(f"  {lab['stated']}: {_num(r['percent_of_plan_stated'], lang)}%{plan}")
    for other in r.get("other_shares") or []:
        lines.append(f"  {lab['others']}: {_num(other, lang)}%")
    if r["margin"] is not None:
        unit = "%" if r["margin_kind"] != "units" else ""
        sign = "+" if r["margin"] > 0 else ""
        lines.append(f"  {lab['margin']}: {sign}{_num(r['margin'], lang)}{unit}")
    sc = r.get("subcounts")
    if sc:
        bits = []
        if sc["met"] is not None:
            total = f"/{sc['total']}" if sc["total"] is not None else ""
            bits.append(f"{sc['met']}{total} {lab['met']}")
        if sc["missed"]:
            bits.append(f"{sc['missed']} {lab['missed']}")
        if sc["exceeded"]:
            bits.append(f"{sc['exceeded']} {lab['exceeded']}")
        if sc.get("all_met"):
            bits.append(lab["all_met"])
        if sc.get("most_met"):
            bits.append(lab["most_met"])
        lines.append(f"  {lab['subcounts']}: {'; '.join(bits)}")
    if r.get("word"):
        lines.append(f"  {lab['word']}: {lab[r['word']]}")
    lines.append(f"  {lab['confidence']}: {lab[r['confidence']]}")
    for n in r.get("notes", []):
        lines.append(f"  - {note_in(n, lang)}")
    return lines


def render_text(data: dict[str, Any], lang: str = "vi") -> str:
    """The readable explanation of an ``explain()`` dictionary, step by step: how the
    target and the result were read, the reporting period, what decided, the share of
    plan, the verdict and the progress status. No internal codes are shown."""
    lg = "en" if lang == "en" else "vi"
    lab = _LABELS[lg]
    t = data["target"]
    lines = [f'{lab["target"]}: "{t["text"]}"']
    lines.extend(_target_lines(t, lab, lg, "  "))
    r = data["result"]
    if r is None:
        lines.append(f"{lab['result']}: {lab['none']}")
    else:
        lines.extend(_result_lines(r, lab, lg))
    code = data.get("period_code") or "year"
    period = f"{lab['period']}: {_period(code, lg)}"
    if data.get("elapsed") is not None and code != "year":
        period += " (" + lab["elapsed"].format(x=_num(data["elapsed"], lg)) + ")"
    lines.append(period)
    if data.get("basis"):
        lines.append(f"{lab['basis']}: {basis_label(data['basis'], lg)}")
    pct = data["percent_of_plan"]
    if pct is not None:
        lines.append(f"{lab['pct']}: {_num(pct, lg)}%")
    lines.append(f"{lab['verdict']}: {lab[data['verdict']]}")
    if data.get("progress"):
        lines.append(f"  {lab['progress']}: {progress_label(data['progress'], lg)}")
    lines.append(f"  {lab['confidence']}: {lab[data['confidence']]}")
    for n in data.get("notes", []):
        lines.append(f"  - {note_in(n, lg)}")
    for i, p in enumerate(data.get("parts", []), 1):
        pp = f" ({_num(p['percent_of_plan'], lg)}%)" if p["percent_of_plan"] is not None else ""
        prog = f", {progress_label(p['progress'], lg)}" if p.get("progress") else ""
        lines.append(f"  {lab['part']} {i}: {lab[p['verdict']]}{pp}{prog}")
    return "\n".join(lines)


_RECURRENCE = {
    "weekly": ("hằng tuần", "weekly"),
    "daily": ("hằng ngày", "daily"),
    "half_yearly": ("6 tháng một lần", "half-yearly"),
    "monthly": ("hằng tháng", "monthly"),
    "quarterly": ("hằng quý", "quarterly"),
    "yearly": ("hằng năm", "yearly"),
    "periodic": ("định kỳ", "periodic"),
}


def render_timeline(data: dict[str, Any], lang: str = "vi") -> str:
    vi = lang != "en"
    kinds = {
        "date": ("một hạn", "one due date"),
        "dates": ("nhiều hạn", "several due dates"),
        "interval": ("khoảng thời gian", "interval"),
        "recurring": ("định kỳ", "recurring"),
        "continuous": ("thường xuyên", "continuous"),
        "on_event": ("khi có việc", "on event"),
        "none": ("không có mốc", "no date"),
    }
    label = kinds.get(data["kind"], (data["kind"], data["kind"]))[0 if vi else 1]
    lines = [
        f'{"Thời gian" if vi else "Timeline"}: "{data["text"]}"',
        f"  {'Dạng' if vi else 'Kind'}: {label}",
    ]
    if data["start"] or data["end"]:
        lines.append(
            f"  {'Từ – đến' if vi else 'From – to'}: {data['start'] or '-'} – {data['end'] or '-'}"
        )
    if data["due"]:
        lines.append(f"  {'Hạn' if vi else 'Due'}: {', '.join(data['due'])}")
    if data["recurrence"]:
        every = _RECURRENCE.get(data["recurrence"], (data["recurrence"], data["recurrence"]))
        lines.append(f"  {'Lặp lại' if vi else 'Recurrence'}: {every[0 if vi else 1]}")
    for n in data.get("notes", []):
        lines.append(f"  - {note_in(n, lang)}")
    return "\n".join(lines)
