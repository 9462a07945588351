"""The round's headline figures, computed once: the terminal, the overview sheet, the
narrative and the JSON export all take them from ``headline``.

Pure over a ``RoundResult``. Units "expected" are the registered ones (every unit that
sent a usable return when there is no register); "unregistered" units are those that
sent a return but are not in a register that exists (none without a register).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from qmo_excel.model import RoundResult, UnitResult
from qmo_excel.vocab import ACHIEVED, Band, Fate, Severity, is_part_year


def achieved_total(u: UnitResult) -> int:
    """Indicators achieved, vượt included.

    ``UnitResult.achieved`` counts vượt + đạt (``exceeded`` is the vượt part). Should a
    producer have counted đạt alone, the counts then add up only with ``exceeded``;
    that case is recognised so the totals stay right either way.
    """
    rest = u.not_achieved + u.in_progress + u.no_data + u.undetermined
    if u.exceeded and u.achieved + rest != u.indicators and \
            u.achieved + u.exceeded + rest == u.indicators:
        return u.achieved + u.exceeded
    return u.achieved


def has_register(result: RoundResult) -> bool:
    return any(u.registered for u in result.units)


def expected_units(result: RoundResult) -> list[UnitResult]:
    """Units that had to report: the registered ones (all senders when no register)."""
    registered = [u for u in result.units if u.registered]
    return registered or [u for u in result.units if u.submitted]


def received_expected(result: RoundResult) -> list[UnitResult]:
    """Expected units that sent a usable return, so expected = received + missing."""
    return [u for u in expected_units(result) if u.submitted]


@dataclass
class Headline:
    files: int
    fates: dict[str, int]  # every vocab.Fate code -> files with that fate
    expected: int
    received: int
    late: int
    missing: int
    missing_codes: list[str]
    unregistered_codes: list[str]  # sent a return, not in the register (if there is one)
    score: float | None  # mean score of the expected units that submitted
    objectives: int
    objectives_achieved: int
    tasks: int
    tasks_done: int
    tasks_overdue: int
    indicators: int
    achieved: int
    exceeded: int
    not_achieved: int
    in_progress: int
    no_data: int
    undetermined: int
    problems: dict[str, int] = field(default_factory=dict)  # vocab.Severity code -> count
    # the units' bands: every vocab.Band code -> units; units with a return but no score
    bands: dict[str, int] = field(default_factory=dict)
    not_rated: int = 0
    provisional: bool = False  # a part-year round: the bands are tạm tính
    at_risk: int = 0  # part-year indicators at risk of not being achieved
    behind: int = 0  # part-year cumulative indicators behind the year's elapsed share
    mismatches: int = 0  # self-assessments that disagree with the computed verdict
    # the town's own objectives ("3/4 mục tiêu chưa đạt (mục tiêu số 1, 2, 3)")
    town_objectives: int = 0
    town_not_achieved: list[str] = field(default_factory=list)  # their codes

    @property
    def share_achieved(self) -> float | None:
        return 100.0 * self.achieved / self.indicators if self.indicators else None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["share_achieved"] = self.share_achieved
        return out


def headline(result: RoundResult) -> Headline:
    units = [u for u in result.units if u.submitted]
    registered = has_register(result)
    # the town's average: the units it expected (an unregistered sender is listed, not
    # averaged)
    scores = [u.score for u in units if u.score is not None and (u.registered or
                                                                 not registered)]
    fates = Counter(e.status for e in result.intake)
    severities = Counter(str(getattr(p, "severity", "")) for p in result.problems)
    return Headline(
        files=len(result.intake), fates={f.value: fates.get(f.value, 0) for f in Fate},
        expected=len(expected_units(result)), received=len(received_expected(result)),
        late=sum(1 for u in units if u.late), missing=len(result.missing_units),
        missing_codes=list(result.missing_units),
        unregistered_codes=[u.code for u in units if not u.registered] if registered
        else [],
        score=sum(scores) / len(scores) if scores else None,
        objectives=len(result.objectives),
        objectives_achieved=sum(1 for o in result.objectives if o.status in ACHIEVED),
        tasks=sum(u.tasks for u in units), tasks_done=sum(u.tasks_done for u in units),
        tasks_overdue=sum(u.tasks_overdue for u in units),
        indicators=sum(u.indicators for u in units),
        achieved=sum(achieved_total(u) for u in units),
        exceeded=sum(u.exceeded for u in units),
        not_achieved=sum(u.not_achieved for u in units),
        in_progress=sum(u.in_progress for u in units),
        no_data=sum(u.no_data for u in units),
        undetermined=sum(u.undetermined for u in units),
        problems={s.value: severities.get(s.value, 0) for s in Severity},
        bands={b.value: sum(1 for u in units if u.band == b.value) for b in Band},
        not_rated=sum(1 for u in units if not u.band),
        provisional=is_part_year(result.period),
        at_risk=sum(u.at_risk for u in units), behind=sum(u.behind for u in units),
        mismatches=sum(u.mismatches for u in units),
        town_objectives=len(result.town_objectives),
        town_not_achieved=[o.code for o in result.town_objectives
                           if o.status not in ACHIEVED],
    )
