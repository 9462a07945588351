"""The judge: pure reading of Vietnamese targets, results and plan timelines (no I/O).

    from qmo_excel.judge import normalize, read_target, read_result, judge, read_timeline
    t = read_target("trên 95%", indicator="Tỷ lệ hồ sơ giải quyết đúng hạn")
    j = judge(t, read_result("86,2% (không đạt)", t))      # j.verdict == "khong_dat"

Modules: ``normalize`` (text repair), ``numbers`` (Vietnamese number formats), ``segments``
(cutting a cell into clauses), ``wording`` (comparator and unit words), ``direction``,
``targets``, ``results``, ``plan`` (the plan itself as a target; the shares and margins of
plan a result states), ``subcounts`` ("14/15 chỉ tiêu đạt"), ``compare`` (the arithmetic),
``verdict`` (judging, periods, what decided), ``progress`` (part-year results: elapsed
share of the year, level or cumulative, progress status), ``reading`` (one row read and
judged once, memoised), ``timeline``, ``explain`` (the ``qmo explain`` shape and
rendering) and ``notes_en`` (the notes in English, for display). Imports nothing else of
ours.

A part-year judgement carries ``Judgement.progress`` ("dung_tien_do", "cham_tien_do",
"nguy_co"; labels ``progress_label(code, lang)``), and every judgement ``basis`` (the
reading that decided; labels ``basis_label(code, lang)``).
"""

from qmo_excel.judge.direction import HIGHER, LOWER, parse_direction
from qmo_excel.judge.explain import explain, render_text, render_timeline
from qmo_excel.judge.judgement import BASES, Judgement, basis_label
from qmo_excel.judge.levels import CERTAIN, LIKELY, UNCERTAIN, weakest
from qmo_excel.judge.normalize import fold, normalize
from qmo_excel.judge.notes_en import note_in, notes_in
from qmo_excel.judge.numbers import format_number_vi, parse_number
from qmo_excel.judge.periods import PERIODS, parse_period
from qmo_excel.judge.progress import PROGRESS, PROGRESS_LABELS, progress_label
from qmo_excel.judge.reading import Reading, read_row
from qmo_excel.judge.results import Result, read_result
from qmo_excel.judge.targets import Target, read_target
from qmo_excel.judge.timeline import Timeline, read_timeline
from qmo_excel.judge.verdict import VERDICTS, judge

__all__ = [
    "BASES",
    "CERTAIN",
    "HIGHER",
    "LIKELY",
    "LOWER",
    "PERIODS",
    "PROGRESS",
    "PROGRESS_LABELS",
    "UNCERTAIN",
    "VERDICTS",
    "Judgement",
    "Reading",
    "Result",
    "Target",
    "Timeline",
    "basis_label",
    "explain",
    "fold",
    "format_number_vi",
    "judge",
    "normalize",
    "note_in",
    "notes_in",
    "parse_direction",
    "parse_number",
    "parse_period",
    "progress_label",
    "read_result",
    "read_row",
    "read_target",
    "read_timeline",
    "render_text",
    "render_timeline",
    "weakest",
]
