"""The checks of one return: what is wrong in it, where, and how to fix it.

``check_return`` is pure and fast: it reads a ``UnitReturn`` (already read from the file)
and returns ``Problem`` records, each with the sheet, the A1 cell, the field, the value,
a stable code from ``problems.CATALOGUE`` and a message that says what to fix. It runs
once per file inside worker processes, so patterns are compiled once at import.

Codes on the objectives sheet (decided here, documented in docs/problems.md):
an objective is ``1``, ``2``… or, as in the plans of seed 001, a Roman numeral ``I``,
``II``…; its indicators are ``1.1``, ``1.2``… (``I.1`` too), sub-indicators ``1.2.1``.
A trailing dot (``1.``, ``II.``) is tolerated. Leading zeros do not make a new code
(``01`` is ``1``), and a Roman numeral names the same objective as its number, so a plan
row with objective ``II`` serves objective ``2``.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from qmo_excel import spec
from qmo_excel.cells import (
    cell_text,
    code_key,
    describe_target,
    fmt_number,
    lower_first,
    parse_date,
    parse_weight,
    parse_year,
)
from qmo_excel.checks import against_round
from qmo_excel.checks import layout as layout_checks
from qmo_excel.intake.labels import label_key
from qmo_excel.judge import note_in, read_row, read_timeline
from qmo_excel.model import CellValue, RoundConfig, Row, UnitReturn
from qmo_excel.problems import Problem, problem
from qmo_excel.vocab import Period, Verdict, Word, Words, cumulative, disagrees, is_part_year

if TYPE_CHECKING:
    from qmo_excel.intake.reader import Layout


_CONFIDENT = {"certain", "high"}
_NO_TIME = {"none", "unknown"}  # a timeline with no date the judge can track


def check_return(ret: UnitReturn, *, file: str, round: RoundConfig | None = None,
                 layout: Layout | None = None) -> list[Problem]:
    """Every problem of one return, in sheet and row order.

    ``layout`` (from ``reader.read_return_layout``) says where each field was actually
    read; with it, cells are named where the data is and changed headers are reported.
    Without it, the spec's positions are used.
    """
    c = _Checker(ret, file=file, round=round, layout=layout)
    if layout is not None:
        layout_checks.file_format(c, layout)
    c.structure()
    if layout is not None:
        layout_checks.mapping(c, layout)
    c.headers()
    c.info()
    codes = c.objectives()
    c.plan(codes)
    if layout is not None:
        layout_checks.formulas_and_hidden(c, layout)
        # a formula with no value is reported as such, not also as a missing result
        unvalued = {(p.sheet, p.cell) for p in c.out if p.code == "formula-no-value"}
        c.out = [p for p in c.out
                 if p.code != "result-missing" or (p.sheet, p.cell) not in unvalued]
    return c.out


class _Checker:
    def __init__(self, ret: UnitReturn, *, file: str, round: RoundConfig | None,
                 layout: Layout | None) -> None:
        self.ret = ret
        self.layout = layout
        self.file = file
        self.round = round
        self.out: list[Problem] = []
        self.unit_code = cell_text(ret.info.get("unit_code"))
        self.year = parse_year(ret.info.get("year"))
        self.period = spec.choice_code("period", ret.info.get("period")) or (
            round.period if round else "year")
        book_lang: spec.Lang = "en" if ret.lang == "en" else "vi"
        self.sheet_names = {s.key: ret.sheet_names.get(s.key, s.name(book_lang))
                            for s in spec.UNIT_SHEETS}
        self.sheet_names["meta"] = spec.META_SHEET

    # ------------------------------------------------------------------ helpers
    def add(self, code: str, sheet_key: str, cell: str, field: str = "", value: Any = "",
            **params: Any) -> None:
        sheet = self.sheet_names.get(sheet_key, sheet_key)
        params.setdefault("sheet_name", sheet)
        params.setdefault("hint", "")
        self.out.append(problem(code, file=self.file, unit_code=self.unit_code, sheet=sheet,
                                cell=cell, field=field, value=cell_text(value), **params))

    def label(self, f: spec.Field) -> Words:
        return Words(f.vi, f.en)

    def required(self, sheet_key: str, cell: str, f: spec.Field) -> None:
        lay = self.layout.sheets.get(sheet_key) if self.layout else None
        if lay is not None and cell in lay.uncached:
            return  # formula-no-value says what is wrong with this cell
        if f.choices:
            hint = Words(" (chọn trong danh sách)", " (pick from the list)")
        elif f.example:
            hint = Words(f" (ví dụ: {f.example})", f" (e.g. {f.example})")
        else:
            hint = Words("")
        self.add("required-empty", sheet_key, cell, f.key, "", label=self.label(f),
                 label_lower=Words(lower_first(f.vi), lower_first(f.en)), hint=hint)

    def choice(self, sheet_key: str, cell: str, f: spec.Field, v: CellValue) -> str | None:
        assert f.choices
        code = spec.choice_code(f.choices, v)
        if code is None:
            options = Words(", ".join(spec.choice_labels(f.choices, "vi")),
                            ", ".join(spec.choice_labels(f.choices, "en")))
            self.add("choice-invalid", sheet_key, cell, f.key, v, label=self.label(f),
                     expected=options)
        return code

    def date(self, sheet_key: str, cell: str, f: spec.Field, v: CellValue) -> date | None:
        d = parse_date(v)
        if d is None:
            self.add("date-invalid", sheet_key, cell, f.key, v, label=self.label(f),
                     example=f.example or "15/06/2023")
        return d

    def texts(self, sheet_key: str, cell: str, f: spec.Field, v: CellValue) -> None:
        if not isinstance(v, str) or f.kind not in ("text", "code"):
            return
        t = v.strip()
        if len(t) > f.max_length:
            self.add("text-too-long", sheet_key, cell, f.key, t, label=self.label(f),
                     length=len(t), expected=f.max_length)
        if t.startswith("="):
            self.add("text-formula", sheet_key, cell, f.key, t, label=self.label(f))

    def texts_of(self, row: Row, sheet_key: str, col: dict[str, str],
                 fields: tuple[spec.Field, ...]) -> None:
        """``texts`` for the text fields of one table row (only cells that may fail)."""
        for f in fields:
            v = row.values.get(f.key)
            if isinstance(v, str) and (len(v) > f.max_length or v.lstrip().startswith("=")):
                self.texts(sheet_key, f"{col[f.key]}{row.row}", f, v)

    def info_cell(self, key: str) -> str:
        lay = self.layout.sheets.get("info") if self.layout else None
        return (lay.columns.get(key) if lay else None) or spec.UNIT_INFO.cell(key)

    def table_columns(self, sheet: spec.TableSheet) -> dict[str, str]:
        """Field key -> the column letter the data was read from."""
        cols = sheet.columns()
        lay = self.layout.sheets.get(sheet.key) if self.layout else None
        if lay is not None:
            cols.update({k: c for k, c in lay.columns.items() if c})
        return cols

    # ------------------------------------------------------------------ structure
    def headers(self) -> None:
        if self.layout is None:
            return
        book_lang: spec.Lang = "en" if self.ret.lang == "en" else "vi"
        for sheet in (spec.OBJECTIVES, spec.PLAN):
            lay = self.layout.sheets.get(sheet.key)
            if lay is None:
                continue
            hr = lay.header_row or sheet.header_row
            for f in sheet.fields:
                spec_col, col = sheet.column(f.key), lay.columns.get(f.key)
                label = f.label(book_lang)
                if col is None:
                    self.add("structure-column-missing", sheet.key, f"{spec_col}{hr}", f.key,
                             lay.headers.get(spec_col, ""), expected=label,
                             cell_ref=f"{spec_col}{hr}")
                elif col != spec_col:
                    self.add("structure-column-moved", sheet.key, f"{col}{hr}", f.key, col,
                             expected=label, spec_col=spec_col)
                elif label_key(sheet.key, lay.headers.get(col, "")) != f.key:
                    self.add("structure-header", sheet.key, f"{col}{hr}", f.key,
                             lay.headers.get(col, ""), expected=label)

    def structure(self) -> None:
        book_lang: spec.Lang = "en" if self.ret.lang == "en" else "vi"
        for s in spec.UNIT_SHEETS:
            if s.key not in self.ret.sheet_names:
                self.add("structure-sheet-missing", s.key, "", expected=s.name(book_lang))
        if not self.ret.template_id:
            self.add("structure-meta-missing", "meta", spec.META_CELLS["template_id"])
        elif self.ret.template_id != spec.TEMPLATE_ID:
            self.add("file-wrong-template", "meta", spec.META_CELLS["template_id"],
                     "template_id", self.ret.template_id,
                     detail=Words(f"mã mẫu {self.ret.template_id}",
                                  f"template id {self.ret.template_id}"))
        elif self.ret.version and self.ret.version != spec.VERSION:
            self.add("file-template-version", "meta", spec.META_CELLS["version"], "version",
                     self.ret.version, expected=spec.VERSION)

    # ------------------------------------------------------------------ info
    def info(self) -> None:
        if "info" not in self.ret.sheet_names:
            return
        s = spec.UNIT_INFO
        for f in s.fields:
            cell = self.info_cell(f.key)
            v = self.ret.info.get(f.key)
            if cell_text(v) == "":
                if f.required:
                    self.required("info", cell, f)
                continue
            self.texts("info", cell, f, v)
            if f.kind == "year" and parse_year(v) is None:
                self.add("year-invalid", "info", cell, f.key, v, example=f.example)
            elif f.kind == "choice":
                self.choice("info", cell, f, v)
            elif f.kind == "date":
                self.date("info", cell, f, v)
        self.against_round()

    def against_round(self) -> None:
        against_round.identity(self)
        r = self.round
        if r is None:
            return
        if r.year and self.year and self.year != r.year:
            self.add("year-mismatch", "info", self.info_cell("year"), "year", self.year,
                     expected=r.year)
        period = spec.choice_code("period", self.ret.info.get("period"))
        if period and period != r.period:
            self.add("period-mismatch", "info", self.info_cell("period"), "period",
                     Period.label_of(period), expected=_word(Period, r.period))

    # ------------------------------------------------------------------ objectives
    def objectives(self) -> set[tuple[int, ...]]:
        """Check the objectives sheet; return the keys of its valid codes."""
        if "objectives" not in self.ret.sheet_names:
            return set()
        s = spec.OBJECTIVES
        col = self.table_columns(s)
        rows = self.ret.objectives
        if not rows:
            self.add("objectives-empty", "objectives", f"{col['code']}{s.first_data_row}",
                     "code", row=s.first_data_row)
            return set()
        keyed: list[tuple[Row, tuple[int, ...]]] = []
        first_row: dict[tuple[int, ...], int] = {}
        text_fields = _text_fields(s)
        for row in rows:
            self.texts_of(row, "objectives", col, text_fields)
            key = self.objective_row(row, col)
            if key is None:
                continue
            if key in first_row:
                self.add("code-duplicate", "objectives", f"{col['code']}{row.row}", "code",
                         row.text("code"), expected=first_row[key])
                continue
            first_row[key] = row.row
            keyed.append((row, key))
        keys = set(first_row)
        parents = {k[:-1] for k in keys if len(k) > 1}
        for row, key in keyed:
            code = row.text("code").rstrip(".")
            if len(key) > 1 and key[:-1] not in keys:
                parent = ".".join(str(p) for p in key[:-1])
                self.add("objective-missing", "objectives", f"{col['code']}{row.row}",
                         "code", code, expected=parent)
            if key in parents:
                continue  # a group: its indicators carry the targets
            target_cell = f"{col['target']}{row.row}"
            if not row.text("target"):
                if len(key) == 1:
                    self.add("objective-no-target", "objectives", target_cell, "target",
                             code, label=self.label(s.field("target")))
                else:
                    self.add("target-empty", "objectives", target_cell, "target", "",
                             indicator=code)
                continue
            self.judge_row(row, col)
        lay = self.layout.sheets.get("objectives") if self.layout else None
        first = lay.header_row + 1 if lay and lay.header_row else s.first_data_row
        against_round.assignments(self, {k: row for row, k in keyed}, col["target"],
                                 col["code"], first)
        return keys

    def objective_row(self, row: Row, col: dict[str, str]) -> tuple[int, ...] | None:
        s = spec.OBJECTIVES
        code = row.text("code")
        key = None
        if not code:
            self.required("objectives", f"{col['code']}{row.row}", s.field("code"))
        else:
            key = code_key(code)
            if key is None:
                self.add("code-format", "objectives", f"{col['code']}{row.row}", "code", code)
        if not row.text("text"):
            self.required("objectives", f"{col['text']}{row.row}", s.field("text"))
        for k in ("direction", "self_assessment"):
            if row.text(k):
                self.choice("objectives", f"{col[k]}{row.row}", s.field(k), row.get(k))
        if row.text("weight") and parse_weight(row.get("weight")) is None:
            self.add("weight-invalid", "objectives", f"{col['weight']}{row.row}", "weight",
                     row.get("weight"))
        return key

    def judge_row(self, row: Row, col: dict[str, str]) -> None:
        target_text, result_text = row.text("target"), row.text("result")
        direction = spec.choice_code("direction", row.get("direction"))
        reading = read_row(target_text, row.get("result"), indicator=row.text("text"),
                           unit=row.text("unit_of_measure"), direction=direction,
                           period=self.period)
        target = reading.target
        target_cell = f"{col['target']}{row.row}"
        known = target.kind != "unknown"
        if not known:
            self.add("target-unreadable", "objectives", target_cell, "target", target_text)
        elif not _confident(target.confidence):
            notes = Words(*(" ".join(note_in(n, lg).rstrip(".") + "." for n in target.notes)
                            for lg in ("vi", "en")))
            self.add("target-uncertain", "objectives", target_cell, "target", target_text,
                     reading=Words(describe_target(target, "vi"),
                                   describe_target(target, "en")), notes=notes)
        if not result_text:
            code = row.text("code").rstrip(".")
            self.add("result-missing", "objectives", f"{col['result']}{row.row}", "result",
                     "", indicator=" ".join(f"{code} {row.text('text')}".split())[:120],
                     notes=self.label(spec.OBJECTIVES.field("evidence")))
            return
        result = reading.result
        if _unread_result(result):
            self.add("result-unreadable", "objectives", f"{col['result']}{row.row}", "result",
                     result_text)
            return
        own = spec.choice_code("self_assessment", row.get("self_assessment"))
        if not known or own is None:
            return
        j = reading.judgement
        progress = getattr(j, "progress", None)
        if not disagrees(own, j.verdict, progress, part_year=is_part_year(self.period),
                         cumulative=cumulative(target.unit, progress)):
            return
        percent = Words("")
        if j.percent_of_plan is not None:
            share = round(j.percent_of_plan, 1)
            percent = Words(f" (đạt {fmt_number(share, 'vi')}% kế hoạch)",
                            f" ({fmt_number(share, 'en')}% of plan)")
        self.add("self-assessment-mismatch", "objectives",
                 f"{col['self_assessment']}{row.row}", "self_assessment",
                 Verdict.label_of(own), result=result_text, target=target_text,
                 percent=percent, expected=_word(Verdict, j.verdict))

    # ------------------------------------------------------------------ plan
    def plan(self, codes: set[tuple[int, ...]]) -> None:
        if "plan" not in self.ret.sheet_names:
            return
        s = spec.PLAN
        col = self.table_columns(s)
        have_objectives = "objectives" in self.ret.sheet_names and bool(codes)
        seen: dict[tuple[Any, str], int] = {}
        year = self.year or (self.round.year if self.round else None) or date.today().year
        text_fields = _text_fields(s)
        for row in self.ret.tasks:
            self.texts_of(row, "plan", col, text_fields)
            for k in ("number", "objective_code", "task"):
                if not row.text(k):
                    self.required("plan", f"{col[k]}{row.row}", s.field(k))
            obj = row.text("objective_code")
            key = code_key(obj) if obj else None
            if obj and have_objectives and key not in codes:
                hint = Words("")
                if key is None:
                    hint = Words(" (ví dụ 1, 2 hoặc I, II)", " (e.g. 1, 2 or I, II)")
                self.add("plan-objective-missing", "plan", f"{col['objective_code']}{row.row}",
                         "objective_code", obj, hint=hint,
                         sheet_name=self.sheet_names["objectives"])
            number = row.text("number").rstrip(".")
            if number:
                dup = (key or obj, number)
                if dup in seen:
                    self.add("task-number-duplicate", "plan", f"{col['number']}{row.row}",
                             "number", number, objective=obj, expected=seen[dup])
                else:
                    seen[dup] = row.row
            self.plan_row(row, col, year)

    def plan_row(self, row: Row, col: dict[str, str], year: int) -> None:
        s = spec.PLAN
        status = None
        if row.text("status"):
            status = self.choice("plan", f"{col['status']}{row.row}", s.field("status"),
                                 row.get("status"))
        if row.text("completed_on"):
            self.date("plan", f"{col['completed_on']}{row.row}", s.field("completed_on"),
                      row.get("completed_on"))
        elif status == "done":
            self.add("task-done-no-date", "plan", f"{col['completed_on']}{row.row}",
                     "completed_on", "", label=self.label(s.field("completed_on")))
        timeline = row.text("timeline")
        if timeline and read_timeline(timeline, year).kind in _NO_TIME:
            self.add("timeline-unreadable", "plan", f"{col['timeline']}{row.row}",
                     "timeline", timeline, year=year)


def _word(vocabulary: type[Word], code: str) -> Words:
    """A code's words in both languages, for a problem's message."""
    return Words(vocabulary.label_of(code, "vi"), vocabulary.label_of(code, "en"))


@cache
def _text_fields(sheet: spec.TableSheet) -> tuple[spec.Field, ...]:
    return tuple(f for f in sheet.fields if f.kind in ("text", "code"))


def _unread_result(result: Any) -> bool:
    """The judge found neither a figure nor a verdict word in a result."""
    if result is None:
        return True
    return (getattr(result, "value", None) is None and getattr(result, "word", None) is None
            and getattr(result, "percent_of_plan_stated", None) is None
            and getattr(result, "numerator", None) is None
            and not getattr(result, "parts", None))



def _confident(conf: Any) -> bool:
    if isinstance(conf, int | float):
        return float(conf) >= 0.8
    return str(conf).lower() in _CONFIDENT
