"""A unit's band: its score *and* conditions on its indicators (pure, no I/O).

Modelled on Quy định 366-QĐ/TW (2025), Điều 11, which rates a collective on a 100-point
score and on its tasks: "Hoàn thành xuất sắc" needs at least 90 points, every task done
and at least 30% of them beyond requirement; "Hoàn thành tốt" at least 70 points and
every task done; "Hoàn thành" at least 50 points with at most 20% short; otherwise
"Không hoàn thành". Here a task is an indicator (``model.RatingRules`` holds the
thresholds; the round workbook can change each):

- an indicator is *assessed* when it is achieved (vượt, đạt), not achieved, or has no
  result (no data counts as not achieved); an undetermined indicator is not assessed;
- in a part-year round an indicator in progress is neither achieved nor missed (its
  progress, at risk or behind, is counted and shown) and the band is provisional
  (*tạm tính*); when the whole year is over, an indicator still in progress is
  unfinished and counts as not achieved;
- a unit without a score gets no band.

``rate`` returns every condition of every band with whether it is met; the unmet
conditions of the band just above the unit's are what kept it from that band.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from qmo_excel.model import BandCondition, IndicatorResult, RatingRules
from qmo_excel.vocab import is_part_year

__all__ = ["BAND_RANK", "Rating", "Tally", "is_part_year", "rate", "tally"]

BANDS = ("xuat_sac", "tot", "hoan_thanh")  # from the top; below them khong_hoan_thanh
NOT_RATED = ""
LOWEST = "khong_hoan_thanh"
# Band order for ranking: best first, units without a band last.
BAND_RANK = {"xuat_sac": 0, "tot": 1, "hoan_thanh": 2, "khong_hoan_thanh": 3, "": 4}
EPS = 1e-9


@dataclass
class Tally:
    """The indicators of one unit, sorted as the conditions count them (codes)."""

    achieved: list[str] = field(default_factory=list)  # vượt and đạt
    exceeded: list[str] = field(default_factory=list)
    not_achieved: list[str] = field(default_factory=list)
    no_data: list[str] = field(default_factory=list)
    unfinished: list[str] = field(default_factory=list)  # in progress when the year ended
    in_progress: list[str] = field(default_factory=list)  # part-year: not counted
    at_risk: list[str] = field(default_factory=list)
    behind: list[str] = field(default_factory=list)
    undetermined: list[str] = field(default_factory=list)

    @property
    def assessed(self) -> int:
        return len(self.achieved) + self.missed

    @property
    def missed(self) -> int:
        return len(self.not_achieved) + len(self.no_data) + len(self.unfinished)

    def share(self, n: int) -> float:
        """``n`` as a percentage of the assessed indicators (0 when none is)."""
        return 100.0 * n / self.assessed if self.assessed else 0.0


def tally(indicators: Sequence[IndicatorResult], *, part_year: bool) -> Tally:
    t = Tally()
    for i in indicators:
        code = i.code or i.objective_code
        v = i.verdict
        if v in ("vuot", "dat"):
            t.achieved.append(code)
            if v == "vuot":
                t.exceeded.append(code)
        elif v == "khong_dat":
            t.not_achieved.append(code)
        elif v == "chua_co_so_lieu":
            t.no_data.append(code)
        elif v == "dang_thuc_hien":
            (t.in_progress if part_year else t.unfinished).append(code)
            if i.progress == "nguy_co":
                t.at_risk.append(code)
            elif i.progress == "cham_tien_do":
                t.behind.append(code)
        else:
            t.undetermined.append(code)
    return t


@dataclass
class Rating:
    band: str
    provisional: bool
    tally: Tally
    conditions: list[BandCondition]
    held_back: list[BandCondition]


def conditions_of(score: float, t: Tally, rules: RatingRules) -> list[BandCondition]:
    """Every condition of every band (from the top), met or not, for this unit."""
    missed = {"not_achieved": list(t.not_achieved), "no_data": list(t.no_data),
              "unfinished": list(t.unfinished)}
    exceeded = t.share(len(t.exceeded))
    missed_share = t.share(t.missed)

    def score_at(band: str, required: float) -> BandCondition:
        return BandCondition(band, "score", required, score, score >= required - EPS)

    def all_achieved(band: str) -> BandCondition:
        return BandCondition(band, "all_achieved", 100.0, 100.0 - missed_share,
                             t.missed == 0, **missed)

    return [
        score_at("xuat_sac", rules.excellent), all_achieved("xuat_sac"),
        BandCondition("xuat_sac", "exceeded_share", rules.exceeded_share, exceeded,
                      t.assessed > 0 and exceeded >= rules.exceeded_share - EPS),
        score_at("tot", rules.good), all_achieved("tot"),
        score_at("hoan_thanh", rules.passing),
        BandCondition("hoan_thanh", "missed_share", rules.missed_share, missed_share,
                      missed_share <= rules.missed_share + EPS, **missed),
    ]


def rate(indicators: Sequence[IndicatorResult], score: float | None, rules: RatingRules,
         *, part_year: bool = False) -> Rating:
    """The band of a unit with these indicators and this score (see the module doc)."""
    t = tally(indicators, part_year=part_year)
    if score is None:
        return Rating(NOT_RATED, False, t, [], [])
    conditions = conditions_of(score, t, rules)
    band = next((b for b in BANDS
                 if all(c.met for c in conditions if c.band == b)), LOWEST)
    above = None if band == BANDS[0] else BANDS[BAND_RANK[band] - 1]
    held = [c for c in conditions if c.band == above and not c.met]
    return Rating(band, part_year, t, conditions, held)
