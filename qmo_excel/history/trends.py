"""This round against the earlier rounds of its body: ``compute_trends``.

Two earlier rounds are compared, when the history has them: the *previous* round (the
latest recorded before this one: 6 tháng before Năm of the same year, Năm of last year
before Quý I) and the *same period a year before* (when that is also the previous round,
it is compared once, as the year before). Units are matched by code. Indicators
are matched within a unit:

1. same code and the same text (folded: case, spacing, accents normalised);
2. the same text under another code (renumbered: noted with the earlier code);
3. same code, text reworded but still alike (``SIMILAR``): noted as reworded.

An indicator added this round has no earlier figures; a dropped one is not shown.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from difflib import SequenceMatcher
from itertools import groupby
from sys import intern
from typing import Any

from qmo_excel.figures import headline
from qmo_excel.history.store import (
    RoundRow,
    list_rounds,
    order_key,
    round_year,
    share,
)
from qmo_excel.judge.normalize import fold
from qmo_excel.model import (
    IndicatorResult,
    IndicatorTrend,
    ObjectiveTrend,
    RoundPoint,
    RoundRef,
    RoundResult,
    Trends,
    UnitTrend,
)

SIMILAR = 0.6  # SequenceMatcher ratio of two texts under one code to count as the same
MAX_POINTS = 12  # rounds shown on the chart


def text_key(text: str) -> str:
    return " ".join(fold(text).replace(".", " ").replace(",", " ").split())


def compute_trends(conn: sqlite3.Connection, result: RoundResult, *, level: str = "town",
                   history_name: str = "") -> Trends | None:
    """The trends of ``result`` from the rounds recorded before it; None when there is
    no earlier round of the same body."""
    year = round_year(result)
    here = order_key(year, result.period)
    rounds = [r for r in list_rounds(conn, result.town, level)
              if (r.year, r.period) != (year, result.period)]
    earlier = [r for r in rounds if r.key() < here]
    previous = max(earlier, key=lambda r: r.key()) if earlier else None
    year_ago = next((r for r in rounds if (r.year, r.period) == (year - 1, result.period)),
                    None)
    if previous is None and year_ago is None:
        return None
    if previous is not None and year_ago is not None and previous.id == year_ago.id:
        previous = None  # last year's round is both: it is compared once, as a year ago
    trends = Trends(history=history_name,
                    previous=_ref("previous", previous), year_ago=_ref("year_ago", year_ago))
    current = {u.code.casefold(): u for u in result.units}
    for relation, row in (("previous", previous), ("year_ago", year_ago)):
        if row is None:
            continue
        trends.units.extend(_units(conn, row.id, relation, current))
        trends.indicators.extend(_indicators(conn, row.id, relation, result.indicators))
        trends.town_objectives.extend(_town_objectives(conn, row.id, relation))
    trends.series = [*(_point(r) for r in earlier), _current_point(result, year)][-MAX_POINTS:]
    return trends


def _ref(relation: str, row: RoundRow | None) -> RoundRef | None:
    if row is None:
        return None
    return RoundRef(relation, row.year, row.period, row.as_of)


def _point(r: RoundRow) -> RoundPoint:
    return RoundPoint(r.year, r.period, r.as_of, r.units_submitted, r.indicators, r.achieved,
                      r.share_achieved, r.average_score)


def _current_point(result: RoundResult, year: int) -> RoundPoint:
    h = headline(result)
    return RoundPoint(year, result.period, result.as_of, h.received, h.indicators,
                      h.achieved, share(h.achieved, h.indicators), h.score, current=True)


def _units(conn: sqlite3.Connection, round_id: int, relation: str,
           current: dict[str, Any]) -> list[UnitTrend]:
    out = []
    for code, band, score, share_, indicators, achieved, provisional, submitted in \
            conn.execute("SELECT code, band, score, share_achieved, indicators, achieved, "
                         "provisional, submitted FROM units WHERE round_id = ?",
                         (round_id,)):
        unit = current.get(code.casefold())
        if unit is None or not submitted:
            continue
        out.append(UnitTrend(unit.code, relation, band, score, share_, indicators, achieved,
                             bool(provisional)))
    return out


def _town_objectives(conn: sqlite3.Connection, round_id: int, relation: str
                     ) -> list[ObjectiveTrend]:
    return [ObjectiveTrend(code, relation, status, total, achieved)
            for code, status, total, achieved in conn.execute(
                "SELECT code, status, total, achieved FROM town_objectives WHERE round_id = ?",
                (round_id,))]


def _indicators(conn: sqlite3.Connection, round_id: int, relation: str,
                now: list[IndicatorResult]) -> list[IndicatorTrend]:
    """The earlier round's indicators, read unit by unit (a province's round holds
    hundreds of thousands: only one unit's rows are held at a time)."""
    mine: dict[str, list[IndicatorResult]] = defaultdict(list)
    for ind in now:
        mine[ind.unit_code.casefold()].append(ind)
    out: list[IndicatorTrend] = []
    rows = conn.execute("SELECT unit_code, code, text, result_text, verdict, percent_of_plan, "
                        "progress FROM indicators WHERE round_id = ? ORDER BY unit_code",
                        (round_id,))
    for unit, group in groupby(rows, key=lambda r: str(r[0]).casefold()):
        inds = mine.get(unit)
        if inds:
            out.extend(match_indicators(inds, list(group), relation))
    return out


def match_indicators(now: list[IndicatorResult], old: list[tuple[Any, ...]], relation: str
                     ) -> list[IndicatorTrend]:
    """Pair this round's indicators of one unit with an earlier round's rows
    ``(unit_code, code, text, result_text, verdict, percent_of_plan, progress)``."""
    pairs = pair_indicators([(i.code, i.text) for i in now], [(r[1], r[2]) for r in old])
    out = []
    for n in sorted(pairs):
        j, how = pairs[n]
        ind, r = now[n], old[j]
        # codes, verdicts and progress repeat: one string each (a province's round holds
        # hundreds of thousands of these)
        out.append(IndicatorTrend(ind.unit_code, ind.code, relation, intern(r[1]), r[3],
                                  intern(r[4]), r[5], how,
                                  intern(r[6]) if r[6] is not None else None))
    return out


def pair_indicators(now: list[tuple[str, str]], old: list[tuple[str, str]]
                    ) -> dict[int, tuple[int, str]]:
    """One unit's indicators ``(code, text)`` of this round paired with an earlier
    round's: {index now: (index before, how)} (see the module docstring)."""
    taken: set[int] = set()
    pairs: dict[int, tuple[int, str]] = {}
    old_keys = [text_key(t) for _, t in old]
    by_code_text = {(c, k): j for j, ((c, _), k) in enumerate(zip(old, old_keys, strict=True))}
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, k in enumerate(old_keys):
        by_text[k].append(j)
    new_keys = [text_key(t) for _, t in now]
    new_text_count: dict[str, int] = defaultdict(int)
    for k in new_keys:
        new_text_count[k] += 1
    # 1. same code, same text
    for n, ((code, _), key) in enumerate(zip(now, new_keys, strict=True)):
        hit = by_code_text.get((code, key))
        if hit is not None and hit not in taken:
            pairs[n] = (hit, "code")
            taken.add(hit)
    # 2. same text (unique on both sides), another code: renumbered
    for n, key in enumerate(new_keys):
        if n in pairs or not key or new_text_count[key] != 1:
            continue
        free = [j for j in by_text.get(key, []) if j not in taken]
        if len(free) == 1 and len(by_text[key]) == 1:
            pairs[n] = (free[0], "text")
            taken.add(free[0])
    # 3. same code, reworded text
    by_code: dict[str, list[int]] = defaultdict(list)
    for j, (c, _) in enumerate(old):
        by_code[c].append(j)
    for n, ((code, _), key) in enumerate(zip(now, new_keys, strict=True)):
        if n in pairs:
            continue
        free = [j for j in by_code.get(code, []) if j not in taken]
        if len(free) == 1 and SequenceMatcher(None, key, old_keys[free[0]]).ratio() >= SIMILAR:
            pairs[n] = (free[0], "code_reworded")
            taken.add(free[0])
    return pairs
