"""Plain records passed between the layers. No behaviour, no I/O, no workbooks.

The path of the data:
  reader  -> ``UnitReturn`` (raw cell values, keyed by the field keys of ``spec``)
  checks  -> ``Problem`` records (see ``problems``)
  round   -> ``RoundConfig`` (settings, register, assignments; all optional)
  scoring -> ``RoundResult`` (everything the summary, the export and the tests read)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from qmo_excel.problems import Problem

CellValue = str | float | int | date | None


@dataclass(slots=True)
class Row:
    """One record of a list sheet: its 1-based sheet row and values by field key."""

    row: int
    values: dict[str, CellValue]

    def get(self, key: str) -> CellValue:
        return self.values.get(key)

    def text(self, key: str) -> str:
        """The value as stripped text ('' when empty); 2025.0 reads as '2025'."""
        v = self.values.get(key)
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v).strip()


@dataclass
class UnitReturn:
    """What the reader found in one return, before any judging."""

    path: str
    sha256: str
    template_id: str | None
    version: str | None
    lang: str
    sheet_names: dict[str, str]  # spec sheet key -> actual sheet name found
    info: dict[str, CellValue]
    objectives: list[Row]
    tasks: list[Row]
    mtime: float = 0.0


@dataclass
class RegisteredUnit:
    code: str
    name: str
    kind: str = ""
    parent: str = ""


@dataclass
class Assignment:
    unit_code: str
    objective_code: str
    code: str
    text: str
    unit_of_measure: str = ""
    target: str = ""
    direction: str = ""
    weight: float | None = None


@dataclass
class RoundConfig:
    town: str = ""
    year: int | None = None
    period: str = "year"  # a code of spec.CHOICES["period"]
    deadline: date | None = None
    cut_off: date | None = None
    bands: tuple[tuple[float, str], ...] = ((90.0, "xuat_sac"), (70.0, "tot"),
                                            (50.0, "hoan_thanh"))
    cap: float = 100.0
    register: list[RegisteredUnit] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    source: str | None = None  # the round workbook's path, if any


def assigned_to(assignments: Sequence[Assignment], unit_code: str) -> list[Assignment]:
    """The assignments of one unit that give a target."""
    code = unit_code.strip().casefold()
    return [a for a in assignments
            if a.unit_code.strip().casefold() == code and a.target.strip()]


# --------------------------------------------------------------------------- results


@dataclass
class IntakeEntry:
    file: str  # relative to the input folder, with forward slashes
    status: str  # used | superseded | duplicate | rejected | ignored
    reason: str = ""
    unit_code: str = ""
    unit_name: str = ""
    report_date: date | None = None
    late: bool = False
    unknown_unit: bool = False
    sha256: str = ""
    errors: int = 0
    warnings: int = 0


@dataclass(slots=True)
class IndicatorResult:
    unit_code: str
    objective_code: str
    code: str
    text: str
    unit_of_measure: str
    target_text: str
    result_text: str
    target_kind: str
    direction: str
    verdict: str
    verdict_source: str  # computed | self_assessment
    percent_of_plan: float | None
    confidence: str
    weight: float
    self_assessment: str  # code or ''
    self_assessment_mismatch: bool
    notes: list[str] = field(default_factory=list)
    row: int = 0


@dataclass(slots=True)
class ObjectiveResult:
    unit_code: str
    code: str
    text: str
    status: str  # a verdict code: vuot | dat | khong_dat | dang_thuc_hien | ...
    indicators: int
    achieved: int
    not_achieved: list[str] = field(default_factory=list)  # texts of failing indicators


@dataclass(slots=True)
class TaskResult:
    unit_code: str
    number: str
    objective_code: str
    task: str
    lead: str
    timeline: str
    due: date | None
    status: str  # a code of spec.CHOICES["status"] or ''
    completed_on: date | None
    done: bool
    done_late: bool
    overdue: bool


@dataclass
class UnitResult:
    code: str
    name: str
    kind: str = ""
    submitted: bool = False
    late: bool = False
    registered: bool = True
    file: str = ""
    report_date: date | None = None
    score: float | None = None
    band: str = ""
    indicators: int = 0
    achieved: int = 0
    exceeded: int = 0
    not_achieved: int = 0
    in_progress: int = 0
    no_data: int = 0
    undetermined: int = 0
    objectives: int = 0
    objectives_achieved: int = 0
    tasks: int = 0
    tasks_done: int = 0
    tasks_done_late: int = 0
    tasks_overdue: int = 0
    mismatches: int = 0
    problems: int = 0


@dataclass
class RoundResult:
    town: str
    year: int | None
    period: str
    as_of: date
    deadline: date | None
    cut_off: date | None
    intake: list[IntakeEntry]
    missing_units: list[str]
    units: list[UnitResult]
    objectives: list[ObjectiveResult]
    indicators: list[IndicatorResult]
    tasks: list[TaskResult]
    problems: list[Problem]
    lang: str = "vi"
