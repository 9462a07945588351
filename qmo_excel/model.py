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


@dataclass(frozen=True)
class RatingRules:
    """What a unit's band needs, modelled on Quy định 366-QĐ/TW (2025), Điều 11, for
    collectives: a score *and* conditions on the assessed indicators.

    - xuất sắc: score >= ``excellent``, every assessed indicator achieved, at least
      ``exceeded_share`` % of them exceeded;
    - tốt: score >= ``good``, every assessed indicator achieved;
    - hoàn thành: score >= ``passing``, at most ``missed_share`` % not achieved;
    - otherwise không hoàn thành.
    Shares are percentages (30.0 is 30%).
    """

    excellent: float = 90.0
    good: float = 70.0
    passing: float = 50.0
    exceeded_share: float = 30.0
    missed_share: float = 20.0


@dataclass(frozen=True)
class TownObjective:
    """One of the town's own quality objectives (the round workbook's list, seed 000/004).

    Assigned indicators belong to it through ``Assignment.objective_code``; an objective
    without any takes the verdict of ``lead_unit``'s objective ``lead_objective`` (the
    same code when empty) in that unit's return.
    """

    code: str
    text: str
    lead_unit: str = ""
    lead_objective: str = ""


@dataclass(frozen=True)
class ReportSettings:
    """What the round's signed report (issue 19, the form of seed 002) needs beyond the
    results: the round workbook's settings, each optional (the document then shows a
    visible placeholder). Lists hold one item per line of their setting."""

    parent: str = ""  # cơ quan chủ quản, above the issuing body
    issuer: str = ""  # cơ quan ban hành (the round's town when empty)
    place: str = ""  # địa danh before the date
    number: str = ""  # số, ký hiệu: "1487/BC-UBND"
    issued: date | None = None  # ngày ban hành (the run date when empty)
    basis: tuple[str, ...] = ()  # the documents the report rests on ("Căn cứ …")
    capacity: tuple[str, ...] = ()  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    signer_title: str = ""  # "PHÓ CHỦ TỊCH"
    signer: str = ""  # the signer's name
    recipients: tuple[str, ...] = ()  # nơi nhận
    template: str = ""  # the office's own .docx template (relative to the round workbook)


@dataclass
class RoundConfig:
    town: str = ""
    year: int | None = None
    period: str = "year"  # a code of spec.CHOICES["period"]
    deadline: date | None = None
    cut_off: date | None = None
    rating: RatingRules = field(default_factory=RatingRules)
    cap: float = 100.0
    # the unit whose own return is the town's when no list of town objectives is given
    town_office: str = ""
    register: list[RegisteredUnit] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    town_objectives: list[TownObjective] = field(default_factory=list)
    source: str | None = None  # the round workbook's path, if any
    report: ReportSettings = field(default_factory=ReportSettings)
    # what the round workbook lacks where a default serves (Vietnamese, for the terminal)
    warnings: list[str] = field(default_factory=list)
    history: str = ""  # the history file the round workbook names ('' = the default)


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
    # a part-year verdict "dang_thuc_hien": dung_tien_do | cham_tien_do | nguy_co
    progress: str | None = None
    town_objective: str = ""  # the code of the town's objective it was assigned to
    # the audit trail: the judge's reading as compact JSON (judge.audit.reading_json) and
    # the code of the rule that gave the verdict ("self_assessment" when the unit's own)
    reading: str = ""
    rule: str = ""


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


@dataclass(slots=True)
class BandCondition:
    """One condition of one band, and whether a unit meets it.

    ``code``: ``score`` (the score reaches ``required``), ``all_achieved`` (every
    assessed indicator achieved), ``exceeded_share`` (at least ``required`` % exceeded),
    ``missed_share`` (at most ``required`` % not achieved). ``actual`` is the unit's
    figure (its score, or a percentage of its assessed indicators). The codes of the
    indicators that break a condition: ``not_achieved``, ``no_data`` (no result: counts
    as not achieved) and ``unfinished`` (still in progress when a full-year round ends).
    """

    band: str
    code: str
    required: float
    actual: float
    met: bool
    not_achieved: list[str] = field(default_factory=list)
    no_data: list[str] = field(default_factory=list)
    unfinished: list[str] = field(default_factory=list)


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
    # the band's conditions (rating.rate): every condition of every band, and the unmet
    # ones of the band just above the unit's (what kept it from the next band)
    provisional: bool = False  # a part-year band: tạm tính
    assessed: int = 0  # indicators the conditions count (achieved, not achieved, no data)
    at_risk: int = 0  # part-year: có nguy cơ không đạt
    behind: int = 0  # part-year: chậm tiến độ
    conditions: list[BandCondition] = field(default_factory=list)
    held_back: list[BandCondition] = field(default_factory=list)


@dataclass(slots=True)
class TownIndicator:
    """One indicator of a town objective, in the unit it was assigned to.

    ``missing``: "" when the unit's return gives it; "unit" when the unit has no return
    used; "row" when its return has no row with this code (then ``verdict`` is
    ``chua_co_so_lieu``).
    """

    unit_code: str
    code: str
    text: str
    verdict: str
    progress: str | None = None
    target_text: str = ""
    result_text: str = ""
    percent_of_plan: float | None = None
    missing: str = ""


@dataclass
class TownObjectiveResult:
    """One of the town's objectives rolled up from the units' indicators.

    ``source``: "indicators" (its assigned indicators across all units), "lead" (it has
    none: the verdict of its lead unit's objective ``lead_objective``), "office" (no list
    of town objectives: an objective of the town office's own return), "" (no verdict:
    see ``gap``). ``gap``: "" | "no_indicators" (none assigned and no lead unit) |
    "lead_missing" (the lead unit has no return used) | "lead_objective_missing" (its
    return has no such objective). ``status`` is a verdict code: achieved (vuot, dat) only
    when every indicator is. Counts are over ``indicators``; ``achieved`` includes
    ``exceeded``; ``not_achieved`` does not include ``no_data``.
    """

    code: str
    text: str
    status: str
    source: str
    lead_unit: str = ""
    lead_objective: str = ""
    gap: str = ""
    indicators: list[TownIndicator] = field(default_factory=list)
    total: int = 0
    achieved: int = 0
    exceeded: int = 0
    not_achieved: int = 0
    in_progress: int = 0
    no_data: int = 0
    undetermined: int = 0
    at_risk: int = 0
    behind: int = 0


# --------------------------------------------------------------------------- trends


@dataclass(frozen=True)
class RoundRef:
    """An earlier round of the same body, recorded in the history.

    ``relation``: ``previous`` (the latest round before this one) or ``year_ago`` (the
    same period of the year before)."""

    relation: str
    year: int
    period: str
    as_of: date


@dataclass(slots=True)
class UnitTrend:
    """A unit's figures in an earlier round (``relation`` of ``Trends``)."""

    unit_code: str
    relation: str
    band: str
    score: float | None
    share_achieved: float | None  # percent of its indicators achieved (vượt + đạt)
    indicators: int
    achieved: int
    provisional: bool = False


@dataclass(slots=True)
class IndicatorTrend:
    """An indicator's result in an earlier round. ``matched_by``: ``code`` (same unit and
    code), ``text`` (the code changed, the text is the same: renumbered) or
    ``code_reworded`` (same code, its text reworded)."""

    unit_code: str
    code: str  # in this round
    relation: str
    earlier_code: str
    result_text: str
    verdict: str
    percent_of_plan: float | None
    matched_by: str
    progress: str | None = None


@dataclass(slots=True)
class ObjectiveTrend:
    """A town objective's status in an earlier round."""

    code: str
    relation: str
    status: str
    total: int
    achieved: int


@dataclass(slots=True)
class RoundPoint:
    """A round's town-wide figures, for the chart over the recorded rounds."""

    year: int
    period: str
    as_of: date
    units_submitted: int
    indicators: int
    achieved: int
    share_achieved: float | None
    average_score: float | None
    current: bool = False


@dataclass
class Trends:
    """This round against the earlier rounds of its body in the history."""

    history: str  # the history file's name
    previous: RoundRef | None
    year_ago: RoundRef | None
    units: list[UnitTrend] = field(default_factory=list)
    indicators: list[IndicatorTrend] = field(default_factory=list)
    town_objectives: list[ObjectiveTrend] = field(default_factory=list)
    series: list[RoundPoint] = field(default_factory=list)

    def refs(self) -> list[RoundRef]:
        return [r for r in (self.previous, self.year_ago) if r is not None]


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
    town_objectives: list[TownObjectiveResult] = field(default_factory=list)
    # where the town's objectives come from: "round" (the round workbook's list),
    # "office" (the town office's own return), "towns" (a province: its towns' objectives),
    # "" (neither: see town_gap)
    town_basis: str = ""
    # why there are none: "no_list" (no list, no town office named),
    # "office_missing" (the town office named has no return used)
    town_gap: str = ""
    town_office: str = ""
    trends: Trends | None = None  # set from the history before the summary is written
    level: str = "town"  # "province": the units are towns, consolidated from their exports
