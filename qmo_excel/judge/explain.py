"""One call that reads, judges and returns the ``qmo explain --json`` shape, and the
human-readable rendering of it (Vietnamese or English). The judge's notes stay Vietnamese
in the dictionary (and in JSON); the English rendering shows them in English."""

from __future__ import annotations

from typing import Any

from qmo_excel.judge.levels import weakest
from qmo_excel.judge.notes_en import note_in
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
    return {
        "target": t.to_dict(),
        "result": r.to_dict() if r is not None else None,
        "verdict": j.verdict,
        "percent_of_plan": j.percent_of_plan,
        "confidence": weakest(j.confidence),
        "notes": list(j.notes),
        "parts": [p.to_dict() for p in j.parts],
        "indicator": indicator,
        "period": period,
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
        "higher_is_better": "Càng cao càng tốt",
        "lower_is_better": "Càng thấp càng tốt",
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
        "confidence": "Độ tin cậy",
        "notes": "Ghi chú",
        "verdict": "Đánh giá",
        "pct": "% kế hoạch",
        "none": "(chưa có)",
        "part": "Phần",
        "value": "Giá trị",
        "approx": "ước tính",
        "stated": "% kế hoạch đã ghi",
        "word": "Lời đánh giá",
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
        "higher_is_better": "Higher is better",
        "lower_is_better": "Lower is better",
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
        "confidence": "Confidence",
        "notes": "Notes",
        "verdict": "Verdict",
        "pct": "% of plan",
        "none": "(none)",
        "part": "Part",
        "value": "Value",
        "approx": "estimate",
        "stated": "stated % of plan",
        "word": "Verdict in words",
    },
}


def _num(v: float | None, lang: str) -> str:
    if v is None:
        return "-"
    text = f"{v:,.2f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _target_lines(t: dict[str, Any], lab: dict[str, str], lang: str, indent: str) -> list[str]:
    lines = [
        f"{indent}{lab['kind']}: {lab.get(t['kind'], t['kind'])} ({t['kind']})",
    ]
    lo, hi = t["low"], t["high"]
    if lo is not None or hi is not None:
        shown = (
            _num(lo, lang)
            if hi is None or hi == lo
            else _num(hi, lang)
            if lo is None
            else f"{_num(lo, lang)} – {_num(hi, lang)}"
        )
        lines.append(f"{indent}{lab['bounds']}: {shown} {t['unit']}".rstrip())
    lines.append(f"{indent}{lab['direction']}: {lab[t['direction']]}")
    lines.append(f"{indent}{lab['confidence']}: {lab[t['confidence']]}")
    for n in t["notes"]:
        lines.append(f"{indent}- {note_in(n, lang)}")
    for i, p in enumerate(t["parts"], 1):
        lines.append(f'{indent}{lab["part"]} {i}: "{p["text"]}"')
        lines.extend(_target_lines(p, lab, lang, indent + "  "))
    return lines


def render_text(data: dict[str, Any], lang: str = "vi") -> str:
    """The readable explanation of an ``explain()`` dictionary."""
    lab = _LABELS["en" if lang == "en" else "vi"]
    t = data["target"]
    lines = [f'{lab["target"]}: "{t["text"]}"']
    lines.extend(_target_lines(t, lab, lang, "  "))
    r = data["result"]
    if r is None:
        lines.append(f"{lab['result']}: {lab['none']}")
    else:
        lines.append(f'{lab["result"]}: "{r["text"]}"')
        if r["value"] is not None:
            approx = f" ({lab['approx']})" if r["approximate"] else ""
            lines.append(
                f"  {lab['value']}: {_num(r['value'], lang)} {r['unit']}".rstrip() + approx
            )
        if r["percent_of_plan_stated"] is not None:
            lines.append(f"  {lab['stated']}: {_num(r['percent_of_plan_stated'], lang)}%")
        if r.get("word"):
            lines.append(f"  {lab['word']}: {lab[r['word']]}")
        lines.append(f"  {lab['confidence']}: {lab[r['confidence']]}")
        for n in r.get("notes", []):
            lines.append(f"  - {note_in(n, lang)}")
    pct = data["percent_of_plan"]
    pct_text = f" ({lab['pct']}: {_num(pct, lang)}%)" if pct is not None else ""
    lines.append(f"{lab['verdict']}: {lab[data['verdict']]}{pct_text}")
    lines.append(f"  {lab['confidence']}: {lab[data['confidence']]}")
    for n in data.get("notes", []):
        lines.append(f"  - {note_in(n, lang)}")
    for i, p in enumerate(data.get("parts", []), 1):
        pp = f" ({_num(p['percent_of_plan'], lang)}%)" if p["percent_of_plan"] is not None else ""
        lines.append(f"  {lab['part']} {i}: {lab[p['verdict']]}{pp}")
    return "\n".join(lines)


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
        f"  {'Dạng' if vi else 'Kind'}: {label} ({data['kind']})",
    ]
    if data["start"] or data["end"]:
        lines.append(
            f"  {'Từ – đến' if vi else 'From – to'}: {data['start'] or '-'} – {data['end'] or '-'}"
        )
    if data["due"]:
        lines.append(f"  {'Hạn' if vi else 'Due'}: {', '.join(data['due'])}")
    if data["recurrence"]:
        lines.append(f"  {'Lặp lại' if vi else 'Recurrence'}: {data['recurrence']}")
    for n in data.get("notes", []):
        lines.append(f"  - {note_in(n, lang)}")
    return "\n".join(lines)
