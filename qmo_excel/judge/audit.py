"""The audit trail of one judged row: its reading as compact JSON, and the rule that gave
its verdict (pure, no I/O).

``reading_json`` turns a ``Reading`` (target, result, judgement) into the compact JSON
the round's manifest keeps for every indicator: the ``explain()`` shape with empty fields
and the usual values (``DEFAULTS``: higher is better, certain, a whole year) left out
(``expand`` puts them back, so ``render_text`` can show it again). ``rule_of``
names the rule that decided, as a code; ``describe_rule`` says it in Vietnamese or
English, with the figures of the reading.

Rule codes: ``no_result``, ``target_unreadable``, ``not_comparable``, ``result_word``
(the verdict word written in the result), ``rating_ladder``, ``qualitative_guess``,
``stated_share`` (the result states its % of plan), ``stated_margin``, ``at_least``,
``more_than``, ``at_most``, ``less_than``, ``range``, ``exact``, ``ratio``,
``decrease_by``, ``increase_by``, ``subcounts`` (counts of sub-indicators), ``negation``
("chưa có": zero or not done), ``sign`` (a negative figure), ``composite`` (every part
must be achieved),
``early_on_time`` (early files count as on time), ``self_assessment`` (the unit's own
assessment, when the figures cannot be judged; set by scoring), ``town_export`` (a
province round: the town's verdict, from its export). A part-year verdict
measured against an annual target adds ``+part_year``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from qmo_excel.judge.reading import Reading

CellInput = str | float | int | date | None
_CACHE: dict[tuple[int, str | None, str], tuple[Reading, str, str]] = {}
_CACHE_MAX = 8192


# Values left out of the compact reading (``expand`` puts them back).
DEFAULTS = {"direction": "higher_is_better", "confidence": "certain", "period": "year"}


def _compact(value: Any) -> Any:
    """Drop empty fields (None, "", [], {}, False) and ``DEFAULTS`` of dictionaries,
    recursively."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = _compact(v)
            if v is None or v is False or v == "" or v == [] or v == {} or \
                    DEFAULTS.get(k) == v:
                continue
            out[k] = v
        return out
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def _raw(value: CellInput) -> Any:
    """A cell given as a number or a date (the judge reads those differently from text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return None


def reading_json(reading: Reading, *, period: str, direction: str | None = None,
                 target_cell: CellInput = None, result_cell: CellInput = None
                 ) -> tuple[str, str]:
    """The compact JSON of a row's reading and its rule code (memoised per reading)."""
    raw_t, raw_r = _raw(target_cell), _raw(result_cell)
    key = (id(reading), direction, period)
    hit = _CACHE.get(key) if raw_t is None and raw_r is None else None
    if hit is not None and hit[0] is reading:
        return hit[1], hit[2]
    rule = rule_of(reading, period)
    j = reading.judgement
    data = _compact({
        "target": reading.target.to_dict(),
        "result": reading.result.to_dict() if reading.result is not None else None,
        **j.to_dict(),  # verdict, % of plan, confidence, notes, parts, progress, basis…
        "period": period,
        "direction_given": direction,
        "target_cell": raw_t,
        "result_cell": raw_r,
        "rule": rule,
    })
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if raw_t is None and raw_r is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[key] = (reading, text, rule)
    return text, rule


_TARGET_KEYS = ("text", "kind", "low", "high", "unit", "direction", "confidence", "parts",
                "notes", "numerator", "denominator", "relative")
_RESULT_KEYS = ("text", "value", "unit", "percent_of_plan_stated", "approximate",
                "confidence", "numerator", "denominator", "word", "margin", "margin_kind",
                "change", "notes", "parts")
_LISTS = ("parts", "notes")
_FLAGS = ("relative", "approximate")
_TEXTS = ("text", "unit", "margin_kind", "change")


def _full(data: dict[str, Any] | None, keys: tuple[str, ...], part_keys: tuple[str, ...]
          ) -> dict[str, Any]:
    data = dict(data or {})
    out: dict[str, Any] = {}
    for k in keys:
        if k in DEFAULTS:
            out[k] = data.get(k) or DEFAULTS[k]
        elif k in _LISTS:
            out[k] = list(data.get(k) or [])
        elif k in _FLAGS:
            out[k] = bool(data.get(k))
        elif k in _TEXTS:
            out[k] = data.get(k) or ""
        else:
            out[k] = data.get(k)
    out["parts"] = [_full(p, part_keys, part_keys) for p in out["parts"]]
    for k, v in data.items():
        out.setdefault(k, v)
    return out


def expand(text: str | dict[str, Any]) -> dict[str, Any]:
    """A compact reading back in the ``explain()`` shape (``render_text`` shows it)."""
    data = json.loads(text) if isinstance(text, str) else dict(text)
    result = data.get("result")
    out = {
        "target": _full(data.get("target"), _TARGET_KEYS, _TARGET_KEYS),
        "result": _full(result, _RESULT_KEYS, _RESULT_KEYS) if result else None,
        "verdict": data.get("verdict", "khong_xac_dinh"),
        "percent_of_plan": data.get("percent_of_plan"),
        "confidence": data.get("confidence") or DEFAULTS["confidence"],
        "notes": list(data.get("notes") or []),
        "parts": [{"verdict": p.get("verdict", "khong_xac_dinh"),
                   "percent_of_plan": p.get("percent_of_plan"),
                   "confidence": p.get("confidence") or DEFAULTS["confidence"],
                   "notes": list(p.get("notes") or []), "parts": []}
                  for p in data.get("parts") or []],
        "indicator": "",
        "period": data.get("period") or DEFAULTS["period"],
        "year": None,
    }
    for k in ("progress", "basis", "elapsed", "direction_given", "target_cell",
              "result_cell", "rule"):
        out[k] = data.get(k)
    return out


# --------------------------------------------------------------------------- rules


_WORD_NOTE = "Theo đánh giá bằng lời của kết quả"
_LADDER_NOTE = "Theo mức xếp loại"
_EARLY_NOTE = "Hồ sơ trước hạn cũng là đúng hạn"
_STATED_NOTE = "Theo % kế hoạch đã ghi"
_PART_YEAR_NOTE = "Kết quả giữa năm so với chỉ tiêu cả năm"


# What decided, as the judge names it (Judgement.basis), as a rule of this module.
_BASIS_RULE = {"share_of_plan": "stated_share", "margin": "stated_margin", "ratio": "ratio",
               "subcounts": "subcounts", "negation": "negation", "sign": "sign",
               "word": "result_word", "rating": "rating_ladder", "composite": "composite"}
_KIND_RULES = ("at_least", "more_than", "at_most", "less_than", "range", "exact", "ratio",
               "decrease_by", "increase_by")


def rule_of(reading: Reading, period: str = "year") -> str:
    """The code of the rule that gave the reading's verdict (see the module docstring)."""
    base = _base_rule(reading)
    j = reading.judgement
    part_year = period not in ("", "year") and bool(
        getattr(j, "progress", None) or j.verdict == "dang_thuc_hien"
        or any(n.startswith(_PART_YEAR_NOTE) for n in j.notes))
    return base + "+part_year" if part_year else base


def _base_rule(reading: Reading) -> str:
    t, r, j = reading.target, reading.result, reading.judgement
    notes = " | ".join(j.notes)
    if r is None or j.verdict == "chua_co_so_lieu":
        return "no_result"
    if t.kind == "unknown":
        return "target_unreadable"
    if _EARLY_NOTE in notes:
        return "early_on_time"
    basis = str(getattr(j, "basis", "") or "")
    if basis in _BASIS_RULE:
        return _BASIS_RULE[basis]
    if _LADDER_NOTE in notes:
        return "rating_ladder"
    if _WORD_NOTE in notes:
        return "result_word"
    if t.kind == "composite" and j.parts:
        return "composite"
    if j.verdict == "khong_xac_dinh":
        return "not_comparable"
    if t.kind == "qualitative":
        return "stated_share" if _STATED_NOTE in notes else "qualitative_guess"
    if r.value is None and r.percent_of_plan_stated is not None:
        return "stated_share"
    if r.value is None and r.margin is not None:
        return "stated_margin"
    return t.kind if t.kind in _KIND_RULES else "not_comparable"


_RULE_WORDS: dict[str, tuple[str, str]] = {
    "no_result": ("Không có kết quả: Chưa có số liệu (tính là 0 điểm).",
                  "No result: No data (counts 0 in the score)."),
    "target_unreadable": ("Không đọc được chỉ tiêu: không đánh giá được từ số liệu.",
                          "The target cannot be read: the figures cannot be judged."),
    "not_comparable": ("Kết quả và chỉ tiêu không so sánh được (khác đơn vị hoặc dạng).",
                       "The result and the target cannot be compared (units or forms "
                       "differ)."),
    "result_word": ("Theo lời đánh giá ghi trong kết quả (Đạt/Không đạt/Vượt).",
                    "By the verdict word written in the result."),
    "rating_ladder": ("Theo mức xếp loại: mức ghi trong kết quả so với mức của chỉ tiêu "
                      "(xuất sắc > tốt > khá > hoàn thành).",
                      "By rating: the rating in the result against the target's "
                      "(excellent > good > fair > completed)."),
    "qualitative_guess": ("Chỉ tiêu định tính: đánh giá theo cách ghi của kết quả.",
                          "Qualitative target: judged by the wording of the result."),
    "stated_share": ("Kết quả ghi % so với kế hoạch: từ 100% là Đạt, trên 100% là Vượt, "
                     "dưới 100% là Không đạt.",
                     "The result states its share of the plan: 100% or more achieves, "
                     "over 100% exceeds, under 100% does not achieve."),
    "stated_margin": ("Kết quả ghi mức vượt/thiếu so với kế hoạch: vượt là Vượt, thiếu là "
                      "Không đạt.",
                      "The result states its margin over the plan: above exceeds, below "
                      "does not achieve."),
    "at_least": ("Chỉ tiêu tối thiểu: Đạt khi kết quả ≥ {low}; Vượt khi lớn hơn.",
                 "At least: achieved when the result ≥ {low}; exceeded when above."),
    "more_than": ("Chỉ tiêu “trên”: Đạt (Vượt) khi kết quả > {low}.",
                  "More than: achieved (exceeded) when the result > {low}."),
    "at_most": ("Chỉ tiêu tối đa (càng thấp càng tốt): Đạt khi kết quả ≤ {high}; Vượt "
                "khi thấp hơn.",
                "At most (lower is better): achieved when the result ≤ {high}; exceeded "
                "when below."),
    "less_than": ("Chỉ tiêu “dưới”: Đạt (Vượt) khi kết quả < {high}.",
                  "Less than: achieved (exceeded) when the result < {high}."),
    "range": ("Chỉ tiêu một khoảng {low} – {high}: Đạt khi kết quả trong khoảng (càng cao "
              "càng tốt: từ {low}; càng thấp càng tốt: đến {high}); Vượt khi tốt hơn cả "
              "đầu kia.",
              "A range {low} – {high}: achieved within it (higher is better: from {low}; "
              "lower is better: up to {high}); exceeded beyond its better end."),
    "exact": ("Chỉ tiêu một mức {low}: Đạt khi kết quả bằng hoặc tốt hơn (theo chiều của "
              "chỉ tiêu); Vượt khi tốt hơn.",
              "A value {low}: achieved when the result reaches it (in the target's "
              "direction); exceeded when better."),
    "ratio": ("Chỉ tiêu dạng a/b: so tỷ lệ của kết quả với tỷ lệ của chỉ tiêu.",
              "A ratio a/b: the result's share against the target's."),
    "decrease_by": ("Chỉ tiêu giảm một mức: so mức giảm đạt được với mức giảm giao "
                    "({low} – {high}).",
                    "Decrease by: the decrease achieved against the one set "
                    "({low} – {high})."),
    "increase_by": ("Chỉ tiêu tăng một mức: so mức tăng đạt được với mức tăng giao "
                    "({low} – {high}).",
                    "Increase by: the increase achieved against the one set "
                    "({low} – {high})."),
    "composite": ("Ô có nhiều chỉ tiêu: đánh giá từng phần; chỉ Đạt khi mọi phần đều đạt.",
                  "Several targets in one cell: each part is judged; achieved only when "
                  "every part is."),
    "early_on_time": ("Hồ sơ trước hạn cũng là đúng hạn: so sánh cộng dồn (trước hạn; trước "
                      "hạn + đúng hạn).",
                      "Early files are on time too: compared cumulatively (early; early + "
                      "on time)."),
    "self_assessment": ("Số liệu không đánh giá được: dùng đánh giá của đơn vị (tự đánh giá).",
                        "The figures cannot be judged: the unit's self-assessment is used."),
    "subcounts": ("Kết quả đếm số chỉ tiêu thành phần đạt: chỉ Đạt khi mọi chỉ tiêu thành "
                  "phần đều đạt.",
                  "The result counts sub-indicators achieved: achieved only when all are."),
    "negation": ("Kết quả ghi không có/chưa có: coi là 0 hoặc chưa thực hiện.",
                 "The result says none or not yet: taken as zero, or not done."),
    "sign": ("Kết quả là số âm (giảm) so với mức cần tăng: Không đạt.",
             "A negative figure against a level to reach: not achieved."),
    "town_export": ("Đánh giá lấy từ bản xuất dữ liệu của địa phương (cách đánh giá: xem vết "
                    "kiểm tra của địa phương đó).",
                    "The verdict is the locality's own, from its export (how it was reached: "
                    "see that locality's audit manifest)."),
    "part_year": ("Kết quả giữa năm so với chỉ tiêu cả năm: chưa đạt thì là Đang thực hiện.",
                  "A part-year result against an annual target: short of it is In "
                  "progress."),
}


def _fmt(value: Any, lang: str) -> str:
    if not isinstance(value, int | float):
        return "…"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def describe_rule(rule: str, target: dict[str, Any] | None = None, lang: str = "vi") -> str:
    """The rule in words, with the target's bounds (``target`` in ``explain()`` shape)."""
    pick = 1 if lang == "en" else 0
    t = target or {}
    unit = f" {t['unit']}" if t.get("unit") else ""
    low = _fmt(t.get("low"), lang) + unit
    high = _fmt(t.get("high") if t.get("high") is not None else t.get("low"), lang) + unit
    out = []
    for code in rule.split("+"):
        words = _RULE_WORDS.get(code)
        out.append(words[pick].format(low=low, high=high) if words else code)
    return " ".join(out)
